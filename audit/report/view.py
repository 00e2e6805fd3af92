"""DossierReport -> ReportView: everything a reader sees, in one language, ready to draw.

HTML, DOCX and the terminal summary all render this one view, so they cannot disagree.
Titles and sources come from the checklists; the frame words from ``texts``.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath
from typing import Any

from audit.model import (SEVERITY_ORDER, AuditedDocument, ComponentResult, DossierReport, Event,
                         Evidence, Finding)
from audit.ingest.messages import english as reader_message_en
from audit.report import texts as tx
from audit.report.json import risk_of, severity_counts
from audit.report.timeline import (SOLLICITATIE_EVENT, Moment, Picture, PictureInput, PlacedEvent, event_week, gap_weeks_of,
                                   moments_from_vocab, sollicitatie_span, timeline_to_picture)

DEADLINE_PREFIX = "deadline."


@dataclass(frozen=True)
class EvidenceView:
    document: str
    page: int
    quote: str


@dataclass(frozen=True)
class FindingView:
    id: str
    severity: str
    severity_label: str
    message: str
    rule_text: str  # the rule in plain words
    rule_name: str  # registered versioned name
    source: str
    reading: str
    practice_norm: bool
    week: int | None
    document: str
    evidence: tuple[EvidenceView, ...]


@dataclass(frozen=True)
class ComponentView:
    id: str
    title: str
    status: str
    status_label: str
    reason: str
    evidence: tuple[EvidenceView, ...]
    practice_norm: bool


@dataclass(frozen=True)
class DocumentView:
    anchor: str
    path: str
    label: str
    doc_type: str
    doc_type_label: str
    confidence: float
    pages: int
    date: str
    error: str
    warnings: tuple[str, ...]
    components: tuple[ComponentView, ...]


@dataclass(frozen=True)
class TimelineRow:
    week: int | None
    date: str
    label: str
    kind: str  # "moment" | "event"
    document: str
    page: int | None
    quote: str
    late: bool
    source: str = ""  # for a statutory moment: where its week comes from
    week_end: int | None = None  # a period: a statutory window, a run of sollicitaties

    @property
    def weeks(self) -> str:
        if self.week is None:
            return "—"
        return f"{self.week}–{self.week_end}" if self.week_end and self.week_end != self.week else str(self.week)


@dataclass(frozen=True)
class ReportView:
    lang: str
    t: Mapping[str, str]
    dossier: str
    dossier_name: str
    peildatum: str
    first_sick_day: str
    risk: str
    risk_label: str
    risk_explain: str
    counts: Mapping[str, int]
    findings: tuple[FindingView, ...]
    documents: tuple[DocumentView, ...]
    dossier_components: tuple[ComponentView, ...]
    timeline_rows: tuple[TimelineRow, ...]
    picture: Picture
    warnings: tuple[str, ...]
    versions: Mapping[str, str]


@lru_cache(maxsize=1)
def bundled_checklists():
    """The bundled checklists, loaded once per process (titles, sources, timeline weeks)."""
    from audit.checklist import load_checklists

    return load_checklists()


def dossier_name(dossier: str) -> str:
    """The name files are written under: a folder's name, a file's stem."""
    path = PurePath(dossier.rstrip("/\\") or "dossier")
    name = path.stem if path.suffix and len(path.suffix) <= 5 else path.name
    return name if name not in ("", ".", "..") else "dossier"


def _evidence(items: tuple[Evidence, ...], default_doc: str = "") -> tuple[EvidenceView, ...]:
    return tuple(EvidenceView(e.document or default_doc, e.page, e.quote) for e in items)


def component_title(checklists, component_id: str, lang: str) -> str:
    """The component's checklist title; else the contract's Dutch line; in English without a
    translation, the id itself (never Dutch words in an English report)."""
    doc_type, _, key = component_id.partition(".")
    entry = checklists.components.get(doc_type, {}).get(key, {})
    spec_entry = checklists.spec.checklists.get(doc_type, {}).get(key)
    spec_title = spec_entry.get("title") if isinstance(spec_entry, Mapping) else spec_entry
    fallback = (spec_title or component_id) if lang == "nl" else component_id
    return tx.localized(entry.get("title") if isinstance(entry, Mapping) else None, lang, fallback)


def rule_text(checklists, finding_id: str, lang: str) -> str:
    """The rule in plain words: checklists/data/report.yaml, the contract's line, or the component's title."""
    titles = checklists.vocab.get("report", {}).get("finding_titles", {})
    if finding_id in titles or finding_id in checklists.spec.findings:
        spec_title = checklists.spec.findings.get(finding_id)
        fallback = (spec_title or finding_id) if lang == "nl" else finding_id
        return tx.localized(titles.get(finding_id), lang, fallback)
    return component_title(checklists, finding_id, lang)


def _rule_source(checklists, f: Finding) -> str:
    if f.source:
        return f.source
    entry = checklists.findings.get(f.id)
    if entry is None:
        doc_type, _, key = f.id.partition(".")
        entry = checklists.components.get(doc_type, {}).get(key, {})
    source = entry.get("source") if isinstance(entry, Mapping) else None
    return source if isinstance(source, str) else ""


def finding_view(checklists, f: Finding, lang: str) -> FindingView:
    message = (f.message_en or f.message) if lang == "en" else f.message
    return FindingView(
        f.id, f.severity, tx.text(tx.SEVERITY_LABEL_KEYS[f.severity], lang), message,
        rule_text(checklists, f.id, lang), f.rule or "", _rule_source(checklists, f), f.reading or "",
        f.practice_norm, f.week, f.document or "", _evidence(f.evidence, f.document or ""))


def component_view(checklists, c: ComponentResult, lang: str, document: str = "") -> ComponentView:
    reason = (c.reason_en or c.reason or "") if lang == "en" else (c.reason or "")
    return ComponentView(c.id, component_title(checklists, c.id, lang), c.status,
                         tx.text(tx.STATUS_LABEL_KEYS[c.status], lang), reason,
                         _evidence(c.evidence, document), c.practice_norm)


def doc_type_name(checklists, doc_type: str, lang: str) -> str:
    entry = checklists.doc_types.get(doc_type, {})
    titled = next((entry[k] for k in ("title", "label", "name") if isinstance(entry, Mapping) and k in entry), None)
    return tx.localized(titled, lang, tx.name(doc_type, lang))


def warning_text(checklists, text: str, lang: str) -> str:
    """A reader's or the timeline's message (stored in Dutch) in the report's language."""
    if lang != "en" or not text:
        return text
    for message in ((checklists.vocab.get("events") or {}).get("messages") or {}).values():
        if isinstance(message, Mapping) and message.get("nl") == text:
            return str(message.get("en") or text)
    return _finding_message_en(checklists, text) or reader_message_en(text)


_FIELD = re.compile(r"\{(\w+)\}")


def _finding_message_en(checklists, text: str) -> str | None:
    """A warning worded as a finding's message (the timeline's dissent on the first sick day)
    in English: the Dutch template read back into its fields, which fill the English one."""
    for entry in checklists.findings.values():
        message = entry.get("message") or {}
        nl, en = message.get("nl"), message.get("en")
        if not (nl and en and "{" in nl):
            continue
        parts = _FIELD.split(nl)  # literal, field, literal, field, ...
        pattern = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts))
        try:
            found = re.fullmatch(pattern, text, re.S)
        except re.error:  # a field named twice: not a template this can read back
            continue
        if found:
            try:
                return en.format(**found.groupdict())
            except (KeyError, IndexError, ValueError):
                return None
    return None


def document_view(checklists, index: int, a: AuditedDocument, lang: str) -> DocumentView:
    doc = a.document
    label = doc.path
    if doc.part is not None:
        pages = f", p. {doc.page_range[0]}–{doc.page_range[1]}" if doc.page_range else ""
        label = f"{doc.path} ({tx.text('part', lang)} {doc.part}{pages})"
    return DocumentView(
        f"doc-{index + 1}", doc.path, label, a.doc_type, doc_type_name(checklists, a.doc_type, lang),
        a.doc_type_confidence, len(doc.pages), a.doc_date.isoformat() if a.doc_date else "",
        warning_text(checklists, doc.error or "", lang),
        tuple(warning_text(checklists, w, lang) for w in (*doc.warnings, *(n for p in doc.pages for n in p.notes))),
        tuple(component_view(checklists, c, lang, doc.path) for c in a.components))


def is_late(event: Event, week: int | None, late: tuple[Finding, ...]) -> bool:
    """An event is late when a deadline finding names its moment, or its week and document."""
    for f in late:
        if f.id[len(DEADLINE_PREFIX):] == event.event and (f.week is None or f.week == week):
            return True
        if week is not None and f.week == week and event.evidence:  # cheap tests first: evidence can be long
            if event.evidence.document == f.document or any(e.document == event.evidence.document for e in f.evidence):
                return True
    return False


def _event_title(event: Event, week: int | None, label: str, lang: str) -> str:
    parts = [label, f"{tx.text('week', lang).lower()} {week}" if week else "",
             event.date.isoformat() if event.date else ""]
    if event.evidence:
        parts.append(f"{event.evidence.document} {tx.text('page_short', lang)} {event.evidence.page}")
    return " — ".join(p for p in parts if p)


def _sollicitatie_rows(events: list[tuple[int, Event]], lang: str) -> list[TimelineRow]:
    """Sollicitaties in consecutive weeks make one row ('week 53-60: 14 sollicitaties'): the
    strip in the picture shows each week, the table stays readable."""
    rows: list[TimelineRow] = []
    run: list[tuple[int, Event]] = []
    for week, e in sorted(events, key=lambda we: we[0]) + [(10_000, None)]:
        if run and week > run[-1][0] + 1:
            first, last = run[0], run[-1]
            docs = sorted({ev.evidence.document for _, ev in run if ev.evidence})
            dates = f"{first[1].date.isoformat() if first[1].date else ''}" + (
                f" – {last[1].date.isoformat()}" if last[1].date and last is not first else "")
            rows.append(TimelineRow(first[0], dates, f"{tx.name('sollicitatie', lang)} ({len(run)})", "event",
                                    ", ".join(docs), None, "", False, week_end=last[0]))
            run = []
        if e is not None:
            run.append((week, e))
    return rows


def timeline_rows(report: DossierReport, moments: list[Moment], late: tuple[Finding, ...], lang: str
                  ) -> tuple[TimelineRow, ...]:
    rows = [TimelineRow(m.first, "", m.label, "moment", "", None, "", False, m.source, m.last)
            for m in moments]
    sollicitaties = []
    for e in report.timeline.events:
        week = event_week(e, report.timeline)
        if e.event == SOLLICITATIE_EVENT and week is not None:
            sollicitaties.append((week, e))
            continue
        ev = e.evidence
        rows.append(TimelineRow(week, e.date.isoformat() if e.date else "", tx.name(e.event, lang), "event",
                                ev.document if ev else "", ev.page if ev else None, ev.quote if ev else "",
                                is_late(e, week, late)))
    rows += _sollicitatie_rows(sollicitaties, lang)
    return tuple(sorted(rows, key=lambda r: (r.week if r.week is not None else 10_000, r.kind != "moment")))


def picture_of(report: DossierReport, vocab: Mapping[str, Any], gap_weeks: int, moments: list[Moment],
               late: tuple[Finding, ...], lang: str) -> Picture:
    t = report.timeline
    total = int(vocab.get("total_weeks", 104))
    others = [e for e in t.events if e.event != SOLLICITATIE_EVENT]
    placed, labelled = [], set()
    for e in sorted(others, key=lambda e: event_week(e, t) or 0):
        week = event_week(e, t)
        if week is not None:
            name, late_event = tx.name(e.event, lang), is_late(e, week, late)
            # a repeated kind (the tenth evaluation) is a dot without a label; its tooltip says what it is
            label = name if late_event or e.event not in labelled else ""
            labelled.add(e.event)
            placed.append(PlacedEvent(min(max(week, 1), total), label, _event_title(e, week, name, lang), late_event))
    soll_weeks, span = sollicitatie_span(t.events, t, report.peildatum, total)
    names = {k: tx.text(v, lang) for k, v in (("statutory", "row_statutory"), ("dossier", "row_dossier"),
                                              ("sollicitaties", "row_sollicitaties"), ("late", "row_late"),
                                              ("peildatum", "peildatum"), ("week", "week"))}
    cell_names = {"soll": tx.text("legend_soll", lang), "idle": "", "gap": tx.text("legend_gap", lang),
                  "gap long": tx.text("legend_gap", lang)}
    return timeline_to_picture(PictureInput(
        total, tuple(moments), tuple(placed), soll_weeks, span, gap_weeks,
        late, t.week_of(report.peildatum) if report.peildatum else None, names,
        lambda f: tx.name(f.id[len(DEADLINE_PREFIX):], lang) if f.id.startswith(DEADLINE_PREFIX) else f.id,
        lambda f: (f.message_en or f.message) if lang == "en" else f.message,
        lambda week, cls: f"{names['week']} {week}: {cell_names[cls]}" if cell_names[cls] else f"{names['week']} {week}",
        len(others) - len(placed)))


def report_view(report: DossierReport, lang: str = "nl", checklists=None) -> ReportView:
    checklists = checklists or bundled_checklists()
    vocab = checklists.vocab.get("timeline", {})
    findings = tuple(sorted(report.findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.week or 0, f.id)))
    late = tuple(f for f in findings if f.id.startswith(DEADLINE_PREFIX))
    moments = moments_from_vocab(vocab, checklists.findings, report.timeline.events, report.timeline, lang)
    risk = risk_of(findings)
    fsd = report.timeline.first_sick_day
    return ReportView(
        lang, tx.texts(lang), report.dossier, dossier_name(report.dossier),
        report.peildatum.isoformat() if report.peildatum else "",
        fsd.isoformat() if fsd else tx.text("first_sick_day_unknown", lang),
        risk, tx.text(f"risk_{risk}", lang), tx.text(f"risk_{risk}_explain", lang), severity_counts(findings),
        tuple(finding_view(checklists, f, lang) for f in findings),
        tuple(document_view(checklists, i, a, lang) for i, a in enumerate(report.documents)),
        tuple(component_view(checklists, c, lang) for c in report.components),
        timeline_rows(report, moments, late, lang),
        picture_of(report, vocab, gap_weeks_of(vocab, checklists.findings), moments, late, lang),
        tuple(warning_text(checklists, w, lang) for w in (*report.warnings, *report.timeline.warnings)),
        dict(report.versions))
