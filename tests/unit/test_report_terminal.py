"""The terminal summary: verdict, findings table, where the reports went."""
from __future__ import annotations

from pathlib import Path

from report_sample import empty_report, sample_report
from rich.console import Console

from audit.report.terminal import print_summary


def test_summary_holds_verdict_findings_and_paths():
    console = Console(record=True, width=120, force_terminal=True)
    print_summary(sample_report(), [Path("/tmp/out/d01.html")], "nl", console)
    out = console.export_text()
    assert "HOOG" in out and "1 hoog · 2 middel · 1 laag" in out
    assert "Tweede spoor gestart in week 63" in out and "bundel.pdf p. 1" in out
    assert "/tmp/out/d01.html" in out


def test_summary_in_english_without_findings():
    console = Console(record=True, width=100)
    print_summary(empty_report(), [], "en", console)
    out = console.export_text()
    assert "NO FINDINGS" in out and "No findings." in out
