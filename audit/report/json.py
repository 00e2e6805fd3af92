"""The canonical report: the JSON object of docs/report-contract.md (schema poortwachter-audit/1).

Every other format is rendered from the same ``DossierReport``; this module only turns it
into plain data.
"""
from __future__ import annotations

import json
from datetime import date
from typing import Any

from collections import Counter

from audit.model import (SEVERITY_ORDER, AuditedDocument, ComponentResult, DateFact, DossierReport, Event,
                         Evidence, Finding, HoursFact)

SCHEMA = "poortwachter-audit/1"
RISK_BY_WORST = {"high": "hoog", "medium": "middel", "low": "laag", None: "geen"}


def risk_of(findings: tuple[Finding, ...]) -> str:
    """The verdict: hoog when any finding is high, middel when the worst is medium, laag, else geen."""
    worst = min((f.severity for f in findings), key=SEVERITY_ORDER.__getitem__, default=None)
    return RISK_BY_WORST[worst]


def severity_counts(findings: tuple[Finding, ...]) -> dict[str, int]:
    counts = Counter(f.severity for f in findings)
    return {s: counts.get(s, 0) for s in SEVERITY_ORDER}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def evidence_dict(e: Evidence, with_document: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {"page": e.page, "quote": e.quote}
    if with_document:
        out = {"document": e.document, **out}
    return out


def event_dict(e: Event) -> dict[str, Any]:
    return {"event": e.event, "date": _iso(e.date), "week": e.week,
            "evidence": evidence_dict(e.evidence) if e.evidence else None}


def date_dict(d: DateFact) -> dict[str, Any]:
    out: dict[str, Any] = {"value": d.value.isoformat(), "text": d.text, "page": d.page, "quote": d.quote}
    if d.end:
        out["end"] = d.end.isoformat()
    if d.year_inferred:
        out["year_inferred"] = True
    return out


def hours_dict(h: HoursFact) -> dict[str, Any]:
    out: dict[str, Any] = {"value": h.value, "unit": h.unit, "text": h.text, "page": h.page,
                           "quote": h.quote, "role": h.role}
    if h.limit:
        out["limit"] = h.limit
    if h.low is not None:
        out["low"], out["high"] = h.low, h.high
    if h.steps:
        out["steps"] = [{"weeks": [s.first_week, s.last_week], "per_week": s.per_week} for s in h.steps]
    return out


def component_dict(c: ComponentResult) -> dict[str, Any]:
    out: dict[str, Any] = {"id": c.id, "status": c.status,
                           "evidence": [evidence_dict(e) for e in c.evidence]}
    if c.reason:
        out["reason"] = c.reason
        out["reason_en"] = c.reason_en
    if c.practice_norm:
        out["practice_norm"] = True
    return out


def finding_dict(f: Finding) -> dict[str, Any]:
    return {"id": f.id, "severity": f.severity, "message": f.message, "message_en": f.message_en,
            "week": f.week, "document": f.document, "rule": f.rule, "source": f.source,
            "reading": f.reading, "practice_norm": f.practice_norm,
            "evidence": [evidence_dict(e) for e in f.evidence]}


def document_dict(a: AuditedDocument) -> dict[str, Any]:
    doc = a.document
    out: dict[str, Any] = {
        "path": doc.path,
        "format": doc.format,
        "pages": len(doc.pages),
        "doc_type": a.doc_type,
        "doc_type_confidence": round(a.doc_type_confidence, 3),
        "date": _iso(a.doc_date),
        "dates": [date_dict(d) for d in a.dates],
        "weeks": [{"week": w.week, "kind": w.kind, "text": w.text, "page": w.page} for w in a.weeks],
        "hours": [hours_dict(h) for h in a.hours],
        "components": [component_dict(c) for c in a.components],
        "error": doc.error,
        "error_code": doc.error_code,
        "warnings": list(doc.warnings) + [n for p in doc.pages for n in p.notes],
    }
    if doc.part is not None:
        out["part"] = doc.part
        out["page_range"] = list(doc.page_range) if doc.page_range else None
    return out


def to_dict(report: DossierReport) -> dict[str, Any]:
    t = report.timeline
    return {
        "schema": SCHEMA,
        "dossier": report.dossier,
        "peildatum": _iso(report.peildatum),
        "versions": dict(report.versions),
        "timeline": {
            "first_sick_day": _iso(t.first_sick_day),
            "first_sick_day_evidence": [evidence_dict(e) for e in t.first_sick_day_evidence],
            "events": [event_dict(e) for e in t.events],
            "warnings": list(t.warnings),
        },
        "documents": [document_dict(a) for a in report.documents],
        "components": [component_dict(c) for c in report.components],
        "findings": [finding_dict(f) for f in report.findings],
        "summary": {"risk": risk_of(report.findings), "counts": severity_counts(report.findings)},
        "warnings": list(report.warnings),
    }


def to_json(report: DossierReport, indent: int | None = 2) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=indent)
