"""The canonical JSON: it holds the contract's fields and validates against the schema."""
from __future__ import annotations

import json
from dataclasses import replace

import pytest
from report_sample import empty_report, sample_report
from report_schema import assert_valid_report, report_errors

from audit.model import Finding
from audit.report import render, to_dict

CONTRACT_TOP = {"schema", "dossier", "timeline", "documents", "components", "findings"}


@pytest.mark.parametrize("report", [sample_report(), empty_report()], ids=["full", "empty"])
def test_every_report_validates(report):
    data = json.loads(render(report, "json"))
    assert CONTRACT_TOP <= set(data)
    assert data["schema"] == "poortwachter-audit/1"
    assert_valid_report(data)


def test_contract_fields_of_documents_and_findings():
    data = to_dict(sample_report())
    doc = data["documents"][0]
    assert {"path", "format", "pages", "doc_type", "dates", "hours", "components", "error"} <= set(doc)
    parts = [d for d in data["documents"] if "part" in d]
    assert [d["part"] for d in parts] == [1, 2] and parts[1]["page_range"] == [4, 5]
    for f in data["findings"]:
        assert {"id", "severity", "message", "evidence"} <= set(f)
    unreadable = [d for d in data["documents"] if d["error"]]
    assert unreadable and unreadable[0]["error_code"] == "encrypted"


def test_summary_risk_follows_the_worst_finding():
    report = sample_report()
    assert to_dict(report)["summary"] == {"risk": "hoog", "counts": {"high": 1, "medium": 2, "low": 1}}
    only_low = replace(report, findings=tuple(f for f in report.findings if f.severity == "low"))
    assert to_dict(only_low)["summary"]["risk"] == "laag"
    medium = replace(report, findings=tuple(f for f in report.findings if f.severity != "high"))
    assert to_dict(medium)["summary"]["risk"] == "middel"
    assert to_dict(empty_report())["summary"]["risk"] == "geen"


@pytest.mark.parametrize("path, value", [
    (("findings", 0, "severity"), "critical"),
    (("timeline", "first_sick_day"), "2023-02-30"),
    (("documents", 0, "components"), [{"id": "x.y", "status": "absent", "evidence": []}]),
    (("findings", 0, "evidence", 0, "page"), 0),
])
def test_schema_rejects_what_the_contract_forbids(path, value):
    data = to_dict(sample_report())
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert report_errors(data)


def test_schema_rejects_a_missing_contract_field():
    data = to_dict(sample_report())
    del data["findings"][0]["evidence"]
    assert report_errors(data)


def test_quotes_survive_unchanged():
    report = sample_report()
    quote = "Sollicitaties: 6 <b>&amp;</b> 'tekst'"
    data = json.loads(render(report, "json"))
    quotes = [c["evidence"][0]["quote"] for d in data["documents"] for c in d["components"] if c["evidence"]]
    assert quote in quotes
    finding = Finding("deadline.probleemanalyse", "high", "Te laat: ö ✓")
    assert json.loads(render(replace(report, findings=(finding,)), "json"))["findings"][0]["message"] == "Te laat: ö ✓"
