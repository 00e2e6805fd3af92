"""A short coloured summary for a terminal (rich): the verdict, the findings, where the
full reports were written. Only shown when stdout is a terminal; the CLI decides."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from audit.model import DossierReport
from audit.report.view import ReportView, report_view

STYLES = {"high": "bold red", "medium": "bold yellow", "low": "bold blue",
          "hoog": "bold white on red", "middel": "bold black on yellow", "laag": "bold white on blue",
          "geen": "bold white on green"}
MAX_ROWS = 15


def _verdict(v: ReportView) -> Text:
    line = Text()
    line.append(f"{v.t['title']}: ", style="bold")
    line.append(v.dossier_name + "\n")
    line.append(f"{v.t['risk']}: ")
    line.append(f" {v.risk_label.upper()} ", style=STYLES[v.risk])
    line.append("  " + v.t["counts_line"].format(**v.counts))
    return line


def _findings_table(v: ReportView) -> Table:
    table = Table(show_header=True, header_style="bold", expand=False, show_lines=False)
    for column in (v.t["severity"], v.t["week"], v.t["finding"], v.t["evidence"]):
        table.add_column(column, overflow="fold")
    for f in v.findings[:MAX_ROWS]:
        where = f"{f.evidence[0].document} {v.t['page_short']} {f.evidence[0].page}" if f.evidence else f.document
        table.add_row(Text(f.severity_label, style=STYLES[f.severity]), str(f.week or ""), f.message, where)
    return table


def print_summary(report: DossierReport, written: Sequence[Path], lang: str = "nl",
                  console: Console | None = None, checklists=None) -> None:
    console = console or Console()
    v = report_view(report, lang, checklists)
    console.print(_verdict(v))
    if v.findings:
        console.print(_findings_table(v))
        if len(v.findings) > MAX_ROWS:
            console.print(v.t["more_findings"].format(n=len(v.findings) - MAX_ROWS))
    else:
        console.print(v.t["findings_none"])
    if written:
        console.print(Text(v.t["written"] + ":", style="bold"))
        for path in written:
            console.print(f"  {path}", highlight=False)
