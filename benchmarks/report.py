"""How much rendering adds to an audit: HTML + DOCX for a 10-document dossier against the time
of the audit itself (goal: under 10 %). Medians of several runs in one process.

    .venv/bin/python benchmarks/report.py [DOSSIER] [--runs N]

DOSSIER defaults to samples/wia-dossier (ten documents). The audit's first run also loads the
checklists and warms every cache, so it is left out of the median; rendering is timed from the
DossierReport the last audit produced, as the CLI does it.
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from audit.checklist import load_checklists
from audit.pipeline import RunOptions, check_path
from audit.report import render

REPO = Path(__file__).resolve().parents[1]


def timed(fn, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dossier", nargs="?", type=Path, default=REPO / "samples" / "wia-dossier")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    checklists = load_checklists()
    check_path(args.dossier, RunOptions(), checklists)  # warm-up: imports, models, caches
    audit_s, report = timed(lambda: check_path(args.dossier, RunOptions(), checklists), args.runs)
    render(report, "html", "nl", checklists)  # warm-up: jinja2 templates, python-docx template
    render(report, "docx", "nl", checklists)
    html_s, html = timed(lambda: render(report, "html", "nl", checklists), args.runs * 5)
    docx_s, docx = timed(lambda: render(report, "docx", "nl", checklists), args.runs * 5)
    both = html_s + docx_s
    print(f"dossier            {args.dossier} ({len(report.documents)} documents, "
          f"{sum(len(a.document.pages) for a in report.documents)} pages, {len(report.findings)} findings)")
    print(f"audit (median)     {audit_s * 1000:9.1f} ms   baseline 1.00")
    print(f"html  (median)     {html_s * 1000:9.1f} ms   {html_s / audit_s:6.3f} x audit   {len(html) / 1024:.0f} KiB")
    print(f"docx  (median)     {docx_s * 1000:9.1f} ms   {docx_s / audit_s:6.3f} x audit   {len(docx) / 1024:.0f} KiB")
    print(f"html + docx        {both * 1000:9.1f} ms   {both / audit_s:6.1%} of the audit (goal < 10 %)")


if __name__ == "__main__":
    main()
