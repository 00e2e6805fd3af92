"""The recipe: the only module that knows the order of the stages.

``audit_document`` and ``audit_dossier`` are pure (model types in, model types out);
``check_path`` adds the reading. Concurrency lives outside, in ``audit.batch``.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from audit import __version__
from audit.checklist import Checklists, load_checklists
from audit.components import assess_components, gaps_to_findings
from audit.classify import classify_doc_type
from audit.dossier import assess_dossier
from audit.extract.dates import dates_in_document
from audit.extract.events import build_timeline, document_date
from audit.extract.hours import hours_in_document
from audit.ingest import ReadOptions, read_dossier
from audit.model import SEVERITY_ORDER, AuditedDocument, Document, DossierReport
from audit.rules import run_rules
from audit.segment import blocks_to_sections
from audit.split import split_bundle


@dataclass(frozen=True)
class RunOptions:
    read: ReadOptions = field(default_factory=ReadOptions)
    checklist_dirs: tuple[Path, ...] = ()
    peildatum: date | None = None
    doc_type: str | None = None  # force the type of every document (a single-file check)


def audit_part(doc: Document, checklists: Checklists, forced_type: str | None = None) -> AuditedDocument:
    sections = blocks_to_sections(doc, checklists)
    if forced_type:
        doc_type, confidence = forced_type, 1.0
    else:
        doc_type, confidence = classify_doc_type(doc, sections, checklists)
    dates, weeks = dates_in_document(doc)
    hours = hours_in_document(doc, sections)
    audited = AuditedDocument(doc, doc_type, confidence, sections, tuple(dates), tuple(weeks), tuple(hours))
    audited = replace(audited, doc_date=document_date(audited, checklists))
    return replace(audited, components=assess_components(audited, checklists))


def audit_document(doc: Document, checklists: Checklists, forced_type: str | None = None) -> list[AuditedDocument]:
    """One file can hold several documents (a bundled PDF): one result per part."""
    parts = [doc] if doc.error and not doc.pages else split_bundle(doc, checklists)
    return [audit_part(part, checklists, forced_type) for part in parts]


def peildatum_of(audited: Sequence[AuditedDocument]) -> date | None:
    """The dossier's stage: the date of its latest document."""
    dates = [a.doc_date for a in audited if a.doc_date]
    return max(dates) if dates else None


def audit_documents(documents: Sequence[Document], checklists: Checklists,
                    options: RunOptions = RunOptions()) -> list[AuditedDocument]:
    return [a for doc in documents for a in audit_document(doc, checklists, options.doc_type)]


def audited_to_report(name: str, audited: Sequence[AuditedDocument], checklists: Checklists,
                      options: RunOptions = RunOptions(), skipped: Sequence[str] = ()) -> DossierReport:
    """The dossier stage: timeline, riv checklist and findings of documents already audited
    (here, or one by one in a batch's workers and its result store). ``skipped``: the lines for
    the files passed over while reading, shown in the report's warnings in path order."""
    audited = list(audited)
    timeline = build_timeline(audited, checklists)
    peildatum = options.peildatum or peildatum_of(audited)
    riv = assess_dossier(audited, timeline, peildatum, checklists) if len(audited) > 1 else ()
    findings = [*run_rules(audited, timeline, peildatum, checklists),
                *gaps_to_findings(audited, riv, checklists)]
    findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.week or 0, f.id))
    return DossierReport(
        dossier=name,
        documents=tuple(audited),
        timeline=timeline,
        components=tuple(riv),
        findings=tuple(findings),
        peildatum=peildatum,
        warnings=tuple(sorted(skipped)),
        versions={"program": __version__, "checklists": checklists.version},
    )


def audit_dossier(name: str, documents: Sequence[Document], checklists: Checklists,
                  options: RunOptions = RunOptions(), skipped: Sequence[str] = ()) -> DossierReport:
    return audited_to_report(name, audit_documents(documents, checklists, options), checklists, options, skipped)


def check_path(path: Path, options: RunOptions = RunOptions(), checklists: Checklists | None = None) -> DossierReport:
    """Read a file, a folder or a ZIP as one dossier and audit it."""
    checklists = checklists or load_checklists(options.checklist_dirs)
    read = read_dossier(path, options.read)
    return audit_dossier(str(path), read.documents, checklists, options, read.skipped)
