"""The dossier stage from per-document results that were audited elsewhere (and cached).

``audit.pipeline.audit_dossier`` reads nothing but audits every document itself; a batch audits
documents in workers and only assembles here, in the parent. The body below must stay the
dossier half of ``audit_dossier`` (the equivalence is tested in tests/test_batch_equivalence.py).
When the pipeline grows a seam that takes audited documents, this module calls it instead.
"""
from __future__ import annotations

from collections.abc import Sequence

from audit import __version__
from audit.checklist import Checklists
from audit.model import SEVERITY_ORDER, AuditedDocument, Document, DossierReport
from audit.pipeline import RunOptions, peildatum_of

FAILED_CODE = "audit_failed"


def failed_document(display: str, error: str) -> AuditedDocument:
    """A document whose worker failed: it stays in the report with its error, like an unreadable file."""
    message = f"Document kon niet worden beoordeeld: {error}"
    return AuditedDocument(Document(path=display, format="text", error=message, error_code=FAILED_CODE))


def audited_to_report(name: str, audited: Sequence[AuditedDocument], checklists: Checklists,
                      options: RunOptions = RunOptions()) -> DossierReport:
    """Timeline, riv checklist and findings of a dossier whose documents are already audited."""
    import audit.pipeline as pipeline

    seam = getattr(pipeline, "audited_to_report", None) or getattr(pipeline, "assemble_dossier", None)
    if seam is not None:
        return seam(name, list(audited), checklists, options)
    from audit.components import gaps_to_findings
    from audit.dossier import assess_dossier
    from audit.extract.events import build_timeline
    from audit.rules import run_rules

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
        versions={"program": __version__, "checklists": checklists.version},
    )
