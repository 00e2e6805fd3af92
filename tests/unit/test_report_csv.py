"""CSV: one row per evidence item, the columns batch reuses, safe to open in a spreadsheet."""
from __future__ import annotations

import csv
import io
from dataclasses import replace

from report_sample import sample_report

from audit.model import Evidence, Finding
from audit.report import render
from audit.report.csv import COLUMNS, findings_rows, write_csv


def test_rows_match_findings_one_per_evidence_item():
    report = sample_report()
    rows = findings_rows(report)
    assert len(rows) == sum(max(1, len(f.evidence)) for f in report.findings)
    for f in report.findings:
        mine = [r for r in rows if r["id"] == f.id]
        assert {r["severity"] for r in mine} == {f.severity}
        assert [r["quote"] for r in mine] == ([e.quote for e in f.evidence] or [""])
        assert [r["page"] for r in mine] == ([e.page for e in f.evidence] or [""])
    severities = [r["severity"] for r in rows]
    assert severities.index("high") < severities.index("medium") < severities.index("low")


def test_csv_file_round_trips():
    report = sample_report()
    data = render(report, "csv").decode("utf-8-sig")
    read = list(csv.DictReader(io.StringIO(data)))
    assert tuple(read[0]) == COLUMNS
    assert [r["quote"] for r in read] == [str(r["quote"]) for r in findings_rows(report)]
    assert all(r["dossier"] == report.dossier for r in read)


def test_english_messages_and_formula_guard():
    finding = Finding("consistency.sollicitatie_gat", "medium", "Gat van 7 weken.",
                      (Evidence("x.pdf", 2, "=HYPERLINK(\"http://evil\")"),), "A gap of 7 weeks.", week=71)
    report = replace(sample_report(), findings=(finding,))
    assert findings_rows(report, "en")[0]["message"] == "A gap of 7 weeks."
    buffer = io.StringIO()
    write_csv(findings_rows(report), buffer)
    row = next(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert row["quote"].startswith("'=") and row["week"] == "71"
