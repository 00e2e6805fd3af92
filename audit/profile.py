"""Run profiles: HOW to run (OCR policy, resolution, limits, formats, workers), as data.

A profile is a YAML file under ``pipelines/`` (``riv-toets``, ``spoor2``, ``bulk``) or any path
given with ``--pipeline``. It is validated against ``audit/schemas/pipeline.schema.json`` on load:
an unknown key is an error that names the file, the key and the allowed keys, before any document
is opened. A profile never says what the law requires; that lives in ``checklists/``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from audit.errors import UsageError
from audit.ingest import ReadOptions

PACKAGE_DIR = Path(__file__).resolve().parent
PIPELINES_DIR = PACKAGE_DIR.parent / "pipelines"
SCHEMA_FILE = PACKAGE_DIR / "schemas" / "pipeline.schema.json"
DEFAULT_PROFILE = "riv-toets"


@dataclass(frozen=True)
class Profile:
    name: str
    description: str = ""
    ocr: str = "auto"  # auto | always | never
    ocr_lang: str = "nld"
    dpi: int = 300
    ocr_timeout: float = 120.0
    max_pages: int = 2000
    max_file_bytes: int = 500 * 1024 * 1024
    max_pixels: int = 200_000_000
    formats: tuple[str, ...] = ("json", "csv", "html", "index")
    lang: str = "nl"  # language of the rendered reports
    workers: int | None = None  # None: all cores
    fail_on: str | None = None  # high | medium | low
    top_findings: int = 3
    source: str = ""  # the file it was read from

    def read_options(self, password: str | None = None) -> ReadOptions:
        """The reader's options; only fields the installed ReadOptions knows are passed."""
        wanted: dict[str, Any] = {"ocr": self.ocr, "dpi": self.dpi, "ocr_timeout": self.ocr_timeout,
                                  "max_pages": self.max_pages, "max_pixels": self.max_pixels,
                                  "max_file_bytes": self.max_file_bytes, "password": password,
                                  "lang": self.ocr_lang}
        known = {f.name for f in fields(ReadOptions)}
        return ReadOptions(**{k: v for k, v in wanted.items() if k in known})


@lru_cache(maxsize=1)
def _schema() -> dict:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def available_profiles(folder: Path = PIPELINES_DIR) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.yaml"))


def profile_path(name_or_path: str | Path, folder: Path = PIPELINES_DIR) -> Path:
    """A bundled profile by name, or a YAML file by path."""
    text = str(name_or_path)
    if text.endswith((".yaml", ".yml")) or "/" in text:
        path = Path(text)
    else:
        path = folder / f"{text}.yaml"
    if not path.is_file():
        raise UsageError(f"{text}: onbekend profiel; beschikbaar: {', '.join(available_profiles(folder))} "
                         f"(of geef het pad van een YAML-bestand)")
    return path


def _error_text(path: Path, error: jsonschema.ValidationError) -> str:
    where = "/".join(str(p) for p in error.absolute_path) or "(top)"
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed)) if isinstance(error.instance, dict) else []
        return f"{path}: {where}: onbekende key {', '.join(map(repr, extra))}; toegestaan: {', '.join(allowed)}"
    if error.validator == "enum":
        return f"{path}: {where}: waarde {error.instance!r} niet toegestaan; toegestaan: {error.validator_value}"
    return f"{path}: {where}: {error.message}"


def data_to_profile(data: Any, path: Path) -> Profile:
    """Validate the parsed YAML and turn it into a Profile; every error names file and key."""
    if not isinstance(data, dict):
        raise UsageError(f"{path}: verwacht een mapping met 'kind: pipeline' bovenaan")
    validator = jsonschema.Draft202012Validator(_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        raise UsageError("\n".join(_error_text(path, e) for e in errors[:10]))
    values = {k: v for k, v in data.items() if k != "kind"}
    if "formats" in values:
        values["formats"] = tuple(values["formats"])
    return Profile(**values, source=str(path))


def load_profile(name_or_path: str | Path = DEFAULT_PROFILE) -> Profile:
    path = profile_path(name_or_path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise UsageError(f"{path}: kan niet gelezen worden als YAML: {exc}") from exc
    return data_to_profile(data, path)
