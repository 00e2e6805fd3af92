"""findings.yaml against the contract and the registry: every deadline.* / consistency.* id has
a registered rule, parameters, a source and messages in Dutch and English; the schema refuses
unknown keys at every level; a bureau may switch a rule off."""
from __future__ import annotations

import string
from pathlib import Path

import pytest

from audit.checklist import load_checklists, validate_file
from audit.errors import ChecklistError
from audit.model import Timeline
from audit.rules import RULES, run_rules
from audit.rules.registry import finding_id_of, rule

CL = load_checklists()


def test_every_spec_finding_has_a_registered_rule_and_messages():
    spec_ids = {f for f in CL.spec.findings if f.startswith(("deadline.", "consistency."))}
    assert spec_ids == set(CL.findings)
    for fid, entry in CL.findings.items():
        assert entry["rule"] in RULES, fid
        assert finding_id_of(entry["rule"]) == fid
        assert entry["severity"] in ("high", "medium", "low")
        assert entry["source"].strip()
        assert entry["message"]["nl"].strip() and entry["message"]["en"].strip()


def test_message_templates_name_the_same_fields_in_both_languages():
    for fid, entry in CL.findings.items():
        fields = {lang: {f for _, f, _, _ in string.Formatter().parse(text) if f}
                  for lang, text in entry["message"].items()}
        # the English text may use an _en variant of a Dutch-only fragment
        assert {f.removesuffix("_en") for f in fields["nl"]} == {f.removesuffix("_en") for f in fields["en"]}, fid


def test_readings_where_sources_disagree():
    for fid in ("deadline.spoor2_start", "deadline.actueel_oordeel"):
        assert CL.findings[fid]["reading"]["nl"] and CL.findings[fid]["reading"]["en"]
    assert CL.findings["deadline.actueel_oordeel"]["practice_norm"] is True


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "findings.yaml"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize("body, key", [
    ("kind: findings\nfindings:\n  deadline.probleemanalyse:\n    rule: deadline.probleemanalyse.v1\n    sevrity: high\n", "sevrity"),
    ("kind: findings\nfindings:\n  deadline.probleemanalyse:\n    message: {nl: a, en: b, de: c}\n", "de"),
    ("kind: findings\nextra: 1\nfindings: {}\n", "extra"),
])
def test_schema_refuses_unknown_keys_at_every_level(tmp_path, body, key):
    with pytest.raises(ChecklistError, match=key):
        validate_file(_write(tmp_path, body))


def test_a_bureau_can_switch_a_rule_off_and_change_a_parameter(tmp_path):
    (tmp_path / "own.yaml").write_text(
        "kind: findings\nfindings:\n  deadline.probleemanalyse:\n    enabled: false\n"
        "  deadline.plan_van_aanpak:\n    params: {max_week: 10, max_days_after_pa: 14}\n", encoding="utf-8")
    own = load_checklists([tmp_path])
    assert own.findings["deadline.probleemanalyse"]["enabled"] is False
    assert own.findings["deadline.plan_van_aanpak"]["params"]["max_week"] == 10
    assert own.findings["deadline.plan_van_aanpak"]["rule"] == "deadline.plan_van_aanpak.v1"  # merged field by field


def test_registering_a_name_twice_is_an_error():
    with pytest.raises(ValueError):
        rule("deadline.probleemanalyse.v1")(lambda ctx, p: [])


def test_run_rules_on_an_empty_dossier():
    assert run_rules([], Timeline(None), None, CL) == []
