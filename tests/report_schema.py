"""``assert_valid_report(dict)``: check a JSON report against audit/schemas/report.schema.json.

Import it from any test (``from report_schema import assert_valid_report``) so every report the
tests produce is held to the one schema. Dates are checked as real calendar dates.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import jsonschema

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "audit" / "schemas" / "report.schema.json"


@lru_cache(maxsize=1)
def report_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def report_errors(report: dict) -> list[str]:
    errors = sorted(report_validator().iter_errors(report), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in errors]


def assert_valid_report(report: dict) -> None:
    errors = report_errors(report)
    assert not errors, "report does not match report.schema.json:\n" + "\n".join(errors[:20])
