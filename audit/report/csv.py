"""Findings as CSV: one row per evidence item (a finding without evidence gets one row).

One row per evidence item, not per finding, so that every quote stays next to its own
document and page — a spreadsheet can filter and count them; the finding's id, severity and
message repeat on each of its rows. ``batch`` reuses ``findings_rows`` and ``write_csv`` to
write one table for many dossiers.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import IO

from audit.model import SEVERITY_ORDER, DossierReport

COLUMNS = ("dossier", "document", "id", "severity", "week", "message", "page", "quote")


def findings_rows(report: DossierReport, lang: str = "nl") -> list[dict[str, object]]:
    """The report's findings, worst first (stable within a severity), one dict per evidence item."""
    rows: list[dict[str, object]] = []
    for f in sorted(report.findings, key=lambda f: SEVERITY_ORDER[f.severity]):
        message = (f.message_en or f.message) if lang == "en" else f.message
        base = {"dossier": report.dossier, "id": f.id, "severity": f.severity,
                "week": f.week if f.week is not None else "", "message": message}
        for e in f.evidence or (None,):
            rows.append({**base, "document": (e.document if e else None) or f.document or "",
                         "page": e.page if e else "", "quote": e.quote if e else ""})
    return rows


def _safe(value: object) -> object:
    """Keep a spreadsheet from running a quote as a formula (CSV injection: =, +, -, @)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def write_csv(rows: Iterable[Mapping[str, object]], fileobj: IO[str]) -> None:
    writer = csv.DictWriter(fileobj, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _safe(row.get(k, "")) for k in COLUMNS})


def render_csv(report: DossierReport, lang: str = "nl") -> bytes:
    buffer = io.StringIO()
    write_csv(findings_rows(report, lang), buffer)
    return buffer.getvalue().encode("utf-8-sig")  # the BOM lets Excel read the accents
