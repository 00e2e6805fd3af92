"""DossierReport -> one self-contained HTML file (inline CSS and SVG, nothing fetched).

jinja2 with autoescape on: every text from a document (quotes, file names) is escaped; the
page's Content-Security-Policy forbids loading anything, so the file opens offline and leaks
nothing.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2

from audit.model import DossierReport
from audit.report.view import ReportView, report_view

TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,  # .css is included inside <style>: it holds no user text
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
    )


def view_to_html(view: ReportView) -> str:
    return environment().get_template("report.html.j2").render(v=view)


def render_html(report: DossierReport, lang: str = "nl", checklists=None) -> bytes:
    return view_to_html(report_view(report, lang, checklists)).encode("utf-8")
