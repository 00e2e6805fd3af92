"""The project's own sample dossiers, audited end to end against the truth their generator wrote
(samples/*/expected.json, in the development corpus's truth.json format). These tests stand on
the repository alone: they run in a user's clone without ../shared."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from audit.checklist import load_checklists
from audit.pipeline import check_path
from audit.report import to_dict

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
GAP = {"missing", "weak"}
CASES = sorted([(p.parent, p) for p in SAMPLES.glob("*/expected.json")]
               + [(SAMPLES / "dossier-zip.zip", SAMPLES / "dossier-zip.expected.json")])


@lru_cache(maxsize=None)
def audited(dossier: Path) -> dict:
    return to_dict(check_path(dossier, checklists=load_checklists()))


def _docs(report: dict) -> dict[str, dict]:
    return {Path(d["path"]).name: d for d in report["documents"]}


def _ids(case):
    return case[0].name


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_document_types_and_first_sick_day(case):
    dossier, truth_file = case
    truth, report = json.loads(truth_file.read_text()), audited(dossier)
    docs = _docs(report)
    assert {n: docs.get(n, {}).get("doc_type") for n in truth["documents"]} == \
        {n: t["doc_type"] for n, t in truth["documents"].items()}
    assert report["timeline"]["first_sick_day"] == truth["first_sick_day"]


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_planted_findings_are_raised_and_near_misses_stay_quiet(case):
    dossier, truth_file = case
    truth, report = json.loads(truth_file.read_text()), audited(dossier)
    said = {f["id"] for f in report["findings"]}
    assert set(truth["findings"]) <= said, f"missed: {set(truth['findings']) - said}"
    assert not said & set(truth["not_findings"]), f"near misses raised: {said & set(truth['not_findings'])}"


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_planted_gaps_are_gaps_and_not_yet_due_parts_are_not(case):
    dossier, truth_file = case
    truth, report = json.loads(truth_file.read_text()), audited(dossier)
    docs = _docs(report)
    for name, td in truth["documents"].items():
        status = {c["id"]: c["status"] for c in docs[name]["components"]}
        for cid in td["components_missing"]:
            assert status.get(cid) in GAP, (name, cid, status.get(cid))
    dossier_status = {c["id"]: c["status"] for c in report["components"]}
    for cid in truth.get("riv_missing", []):
        assert dossier_status.get(cid) in GAP, (cid, dossier_status.get(cid))
    for cid in truth.get("riv_not_yet_due", []):
        assert dossier_status.get(cid) not in GAP, (cid, dossier_status.get(cid))


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_labelled_dates_and_hours_are_extracted(case):
    dossier, truth_file = case
    truth, report = json.loads(truth_file.read_text()), audited(dossier)
    docs = _docs(report)
    for name, td in truth["documents"].items():
        values = {d["value"] for d in docs[name]["dates"]}
        assert {d["value"] for d in td["dates"]} <= values, name
        hours = {(round(h["value"], 2), h["unit"]) for h in docs[name]["hours"] if h["value"] is not None}
        assert {(round(h["value"], 2), h["unit"]) for h in td["hours"]} <= hours, name
