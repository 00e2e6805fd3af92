"""Rendering the report. JSON is canonical; every format renders the same DossierReport.

``render(report, fmt, lang)`` returns the bytes of one format; ``EXTENSIONS`` names the file
each is written to. The heavier renderers (jinja2, python-docx) are imported on first use.
"""
from __future__ import annotations

from audit.model import DossierReport
from audit.report.json import to_dict, to_json

FORMATS = ("json", "html", "docx", "csv")
EXTENSIONS = {"json": "json", "html": "html", "docx": "docx", "csv": "csv"}
LANGS = ("nl", "en")


def render(report: DossierReport, fmt: str, lang: str = "nl", checklists=None) -> bytes:
    """One format as bytes (UTF-8 text for json/html/csv). ``checklists`` supplies titles,
    sources and timeline weeks; the bundled ones are used when it is None."""
    if lang not in LANGS:
        raise ValueError(f"lang {lang!r}; allowed: {', '.join(LANGS)}")
    if fmt == "json":
        return (to_json(report) + "\n").encode("utf-8")
    if fmt == "html":
        from audit.report.html import render_html

        return render_html(report, lang, checklists)
    if fmt == "docx":
        from audit.report.docx import render_docx

        return render_docx(report, lang, checklists)
    if fmt == "csv":
        from audit.report.csv import render_csv

        return render_csv(report, lang)
    raise ValueError(f"format {fmt!r}; allowed: {', '.join(FORMATS)}")


__all__ = ["EXTENSIONS", "FORMATS", "LANGS", "render", "to_dict", "to_json"]
