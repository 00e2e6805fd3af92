"""The batch's files: results.jsonl, findings.csv, one report per dossier, index.html.

Every file is written to a private temporary file next to it and renamed into place
(``os.replace`` is atomic on POSIX), so a killed run never leaves half a file; files are 0600.
The per-dossier reports come from the report renderer (``audit.report.render``); this module
only adds the overview.
"""
from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import jinja2

from audit.model import DossierReport
from audit.report import render
from audit.report.csv import findings_rows as report_rows
from audit.report.csv import write_csv
from audit.report.files import write_private
from audit.report.json import severity_counts

TEMPLATES = Path(__file__).resolve().parent / "templates"
RISK_ORDER = {"high": 3, "medium": 2, "low": 1, "none": 0, "failed": 4}


def write_atomic(path: Path, data: bytes) -> None:
    """Private (0600) and atomic: the same writer as the single-dossier reports."""
    write_private(path, data)


def report_filename(name: str, ext: str) -> str:
    """A safe, unique file name per dossier: readable slug plus a short hash of the name."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._")[:60] or "dossier"
    return f"{slug}-{hashlib.sha256(name.encode()).hexdigest()[:8]}.{ext}"


# --------------------------------------------------------------------------- per dossier

def report_summary(report: DossierReport, top: int = 3) -> dict[str, Any]:
    counts = severity_counts(report.findings)  # the single report's counts and order
    risk = next((s for s in counts if counts[s]), "none")
    return {"risk": risk, **counts, "documents": len(report.documents),
            "pages": sum(len(a.document.pages) for a in report.documents),
            "doc_errors": sum(1 for a in report.documents if a.document.error),
            "top": [{"id": f.id, "severity": f.severity, "message": f.message,
                     "message_en": f.message_en or f.message} for f in report.findings[:top]]}


def failed_summary(error: str) -> dict[str, Any]:
    return {"risk": "failed", "high": 0, "medium": 0, "low": 0, "documents": 0, "pages": 0,
            "doc_errors": 0, "top": [], "error": error}


def findings_rows(report: DossierReport, lang: str = "nl") -> list[dict[str, Any]]:
    """The single report's CSV rows (``audit.report.csv``), one per quote."""
    return [dict(r) for r in report_rows(report, lang)]


def render_report(report: DossierReport, fmt: str, lang: str, checklists=None) -> bytes | None:
    """The single-dossier report in ``fmt`` (html, docx)."""
    data = render(report, fmt, lang, checklists)
    return data.encode("utf-8") if isinstance(data, str) else data


# --------------------------------------------------------------------------- whole batch

def jsonl_bytes(lines: Iterable[str]) -> bytes:
    return "".join(f"{line}\n" for line in lines).encode("utf-8")


def csv_bytes(rows: Sequence[dict[str, Any]]) -> bytes:
    """One table for the whole batch, through the report's writer (formula-safe) when present."""
    buffer = io.StringIO()
    write_csv(rows, buffer)
    return buffer.getvalue().encode("utf-8-sig")  # the BOM lets Excel read the accents


TEXTS: dict[str, tuple[str, str]] = {
    "title": ("Overzicht dossiers", "Dossier overview"),
    "intro": ("Gesorteerd op risico; klik op een kolomkop om anders te sorteren.",
              "Sorted by risk; click a column header to sort differently."),
    "dossier": ("Dossier", "Dossier"), "risk": ("Risico", "Risk"),
    "high": ("Hoog", "High"), "medium": ("Middel", "Medium"), "low": ("Laag", "Low"),
    "documents": ("Documenten", "Documents"), "top": ("Belangrijkste bevindingen", "Top findings"),
    "report": ("Rapport", "Report"), "open": ("openen", "open"),
    "risk_high": ("hoog", "high"), "risk_medium": ("middel", "medium"), "risk_low": ("laag", "low"),
    "risk_none": ("geen bevindingen", "no findings"), "risk_failed": ("mislukt", "failed"),
    "totals": ("{n} dossiers: {high} met hoge bevindingen, {failed} mislukt",
               "{n} dossiers: {high} with high findings, {failed} failed"),
    "doc_errors": ("onleesbare documenten", "unreadable documents"),
}


def _texts(lang: str) -> dict[str, str]:
    index = 1 if lang == "en" else 0
    return {key: pair[index] for key, pair in TEXTS.items()}


def rank_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Riskiest first: failed dossiers, then by high, medium, low counts; ties by name."""
    return sorted(rows, key=lambda r: (-RISK_ORDER[r["risk"]], -r["high"], -r["medium"], -r["low"], r["name"]))


def index_html(rows: list[dict[str, Any]], lang: str, generated: str) -> bytes:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    t = _texts(lang)
    ranked = rank_rows(rows)
    totals = t["totals"].format(n=len(rows), high=sum(1 for r in rows if r["high"]),
                                failed=sum(1 for r in rows if r["risk"] == "failed"))
    html = env.get_template("index.html.j2").render(rows=ranked, t=t, lang=lang, totals=totals,
                                                     generated=generated, risk_order=RISK_ORDER)
    return html.encode("utf-8")
