"""Load and validate the checklists: what the law and practice require, as data.

Every YAML file under ``checklists/`` names its ``kind`` and is validated against
``audit/schemas/checklist-<kind>.json`` before any document is read. An unknown key, an id
that the contract (``audit/spec/components.yaml``) does not know, or a duplicate id is a
``ChecklistError`` that names the file, the key and what is allowed.

``--checklists DIR`` adds a bureau's own files: an entry with the same id replaces the
bundled one, field by field.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from audit.errors import ChecklistError

PACKAGE_DIR = Path(__file__).resolve().parent
BUNDLED_DIR = PACKAGE_DIR.parent / "checklists"
SCHEMA_DIR = PACKAGE_DIR / "schemas"
SPEC_FILE = PACKAGE_DIR / "spec" / "components.yaml"

KINDS = ("doc_types", "components", "findings", "vocabulary")
DOC_TYPE_SETTINGS = ("matching", "title_prefixes", "self_words", "reference_words", "articles",
                     "report_nouns", "bundle")


@dataclass(frozen=True)
class Spec:
    """The stable ids of the contract."""

    doc_types: Mapping[str, str]
    checklists: Mapping[str, Mapping[str, Any]]  # doc_type -> component key -> title or {title, when}
    findings: Mapping[str, str]

    def component_ids(self) -> set[str]:
        return {f"{dt}.{key}" for dt, comps in self.checklists.items() for key in comps}

    def when_conditions(self) -> set[str]:
        return {
            c["when"]
            for comps in self.checklists.values()
            for c in comps.values()
            if isinstance(c, Mapping) and "when" in c
        }


@dataclass(frozen=True)
class Checklists:
    spec: Spec
    doc_types: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    components: Mapping[str, Mapping[str, Mapping[str, Any]]] = field(default_factory=dict)
    findings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    vocab: Mapping[str, Any] = field(default_factory=dict)
    files: tuple[Path, ...] = ()
    version: str = ""
    # doc_types.yaml's own settings: matching weights, title_prefixes, bundle (split) cues
    doc_type_settings: Mapping[str, Any] = field(default_factory=dict)

    def component(self, component_id: str) -> Mapping[str, Any]:
        doc_type, _, key = component_id.partition(".")
        return self.components[doc_type][key]

    def finding(self, finding_id: str) -> Mapping[str, Any]:
        return self.findings[finding_id]


def load_spec(path: Path = SPEC_FILE) -> Spec:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Spec(data["doc_types"], data["checklists"], data["findings"])


@lru_cache(maxsize=8)
def _schema(kind: str) -> dict:
    return json.loads((SCHEMA_DIR / f"checklist-{kind}.json").read_text(encoding="utf-8"))


class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when built in
    """PyYAML keeps the last of two equal keys silently; a checklist id written twice in one
    file is an error instead."""

    def construct_mapping(self, node, deep=False):
        keys: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in keys:
                raise ChecklistError(f"regel {key_node.start_mark.line + 1}: dubbel id/key {key!r}")
            keys.add(key)
        return super().construct_mapping(node, deep=deep)


def _read_yaml(path: Path) -> dict:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)  # noqa: S506 (safe subclass)
    except ChecklistError as exc:
        raise ChecklistError(f"{path}: {exc}") from exc
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ChecklistError(f"{path}: kan niet gelezen worden als YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ChecklistError(f"{path}: verwacht een mapping met 'kind:' bovenaan")
    kind = data.get("kind")
    if kind not in KINDS:
        raise ChecklistError(f"{path}: key 'kind' is {kind!r}; toegestaan: {', '.join(KINDS)}")
    return data


def _schema_error_text(path: Path, error: jsonschema.ValidationError) -> str:
    where = "/".join(str(p) for p in error.absolute_path) or "(top)"
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed)) if isinstance(error.instance, dict) else []
        return (f"{path}: {where}: onbekende key {', '.join(map(repr, extra))}; "
                f"toegestaan: {', '.join(allowed)}")
    if error.validator == "enum":
        return f"{path}: {where}: waarde {error.instance!r} niet toegestaan; toegestaan: {error.validator_value}"
    return f"{path}: {where}: {error.message}"


def validate_file(path: Path) -> dict:
    """Read one checklist file and check it against the schema of its kind."""
    data = _read_yaml(path)
    validator = jsonschema.Draft202012Validator(_schema(data["kind"]))
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        raise ChecklistError("\n".join(_schema_error_text(path, e) for e in errors[:10]))
    return data


def check_file(path: Path) -> dict:
    """One file on its own: its schema and every id it names (``checklists validate FILE``)."""
    data = validate_file(path)
    _check_ids(path, data, load_spec())
    return data


def _merge_entries(target: dict, entries: Mapping[str, Any]) -> None:
    for key, value in entries.items():
        if isinstance(value, Mapping) and isinstance(target.get(key), Mapping):
            target[key] = {**target[key], **value}
        else:
            target[key] = value


def _check_ids(path: Path, data: dict, spec: Spec) -> None:
    kind = data["kind"]
    if kind == "components":
        doc_type = data["doc_type"]
        known = spec.checklists.get(doc_type)
        if known is None:
            raise ChecklistError(f"{path}: doc_type {doc_type!r} heeft geen checklist in de spec; "
                                 f"toegestaan: {', '.join(spec.checklists)}")
        for key, entry in data.get("components", {}).items():
            if key not in known:
                raise ChecklistError(f"{path}: components/{key}: onbekend id '{doc_type}.{key}'; "
                                     f"toegestaan: {', '.join(known)}")
            when = entry.get("when") if isinstance(entry, Mapping) else None
            if when is not None and when not in spec.when_conditions():
                raise ChecklistError(f"{path}: components/{key}/when: {when!r} onbekend; "
                                     f"toegestaan: {', '.join(sorted(spec.when_conditions()))}")
    elif kind == "findings":
        for fid in data.get("findings", {}):
            if fid not in spec.findings:
                raise ChecklistError(f"{path}: findings/{fid}: onbekend id; zie audit/spec/components.yaml")
    elif kind == "doc_types":
        for dt in data.get("doc_types", {}):
            if dt not in spec.doc_types:
                raise ChecklistError(f"{path}: doc_types/{dt}: onbekend documenttype; "
                                     f"toegestaan: {', '.join(spec.doc_types)}")


def _checklist_files(dirs: Sequence[Path]) -> list[tuple[Path, Path]]:
    """(root folder, file) for every YAML file, the bundled folder first."""
    files: list[tuple[Path, Path]] = []
    roots: set[Path] = set()
    for folder in dirs:
        if not folder.is_dir():
            raise ChecklistError(f"{folder}: map met checklists bestaat niet")
        root = folder.resolve()
        if root in roots:
            continue  # the bundled folder named again with --checklists: read it once
        roots.add(root)
        files += [(root, p) for p in sorted(folder.rglob("*.yaml")) if p.is_file()]
    return files


def load_checklists(extra_dirs: Sequence[Path] = (), *, bundled: Path = BUNDLED_DIR) -> Checklists:
    """Validate every file, then merge them in order (bundled first, then each extra dir)."""
    spec = load_spec()
    files = _checklist_files([bundled, *extra_dirs])
    doc_types: dict = {}
    components: dict = {}
    findings: dict = {}
    vocab: dict = {}
    settings: dict = {}
    digest = hashlib.sha256()
    seen: dict[tuple[str, str], tuple[Path, Path]] = {}
    for root, path in files:
        data = validate_file(path)
        _check_ids(path, data, spec)
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
        kind = data["kind"]
        if kind == "components":
            own = components.setdefault(data["doc_type"], {})
            _note_duplicates(seen, root, path, "components:" + data["doc_type"], data.get("components", {}))
            _merge_entries(own, data.get("components", {}))
        elif kind == "findings":
            _note_duplicates(seen, root, path, "findings", data.get("findings", {}))
            _merge_entries(findings, data.get("findings", {}))
        elif kind == "doc_types":
            _note_duplicates(seen, root, path, "doc_types", data.get("doc_types", {}))
            _merge_entries(doc_types, data.get("doc_types", {}))
            _merge_entries(settings, {k: data[k] for k in DOC_TYPE_SETTINGS if k in data})
        else:
            _merge_entries(vocab, {data["name"]: data.get("entries", {})})
    paths = [path for _, path in files]
    _check_complete(doc_types, spec, paths)
    return Checklists(spec, doc_types, components, findings, vocab, tuple(paths), digest.hexdigest()[:16],
                      settings)


def _check_complete(doc_types: Mapping[str, Any], spec: Spec, files: Sequence[Path]) -> None:
    """Every doc type of the contract needs an entry, or the classifier could never say it."""
    if not doc_types:
        return  # no doc_types file at all (a bare test set): the classifier says 'overig'
    missing = [dt for dt in spec.doc_types if dt not in doc_types]
    if missing:
        where = next((str(f) for f in files if f.name.startswith("doc_types")), "checklists/")
        raise ChecklistError(f"{where}: doc_types: ontbrekend documenttype {', '.join(missing)}; "
                             f"vereist: {', '.join(spec.doc_types)}")


def _note_duplicates(seen: dict, root: Path, path: Path, group: str, entries: Mapping) -> None:
    """The same id twice within one folder is an error; a later folder (``--checklists DIR``)
    overrides the bundled entry on purpose."""
    for key in entries:
        previous = seen.get((group, key))
        if previous is not None and previous[0] == root:
            raise ChecklistError(f"{path}: {group}/{key}: dubbel id, staat ook in {previous[1]}")
        seen[(group, key)] = (root, path)
