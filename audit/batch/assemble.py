"""The dossier stage from per-document results that were audited elsewhere (and cached).

``audit.pipeline.audit_dossier`` audits every document itself; a batch audits (and caches) each
document in its own task and assembles the dossier from those results here, in a dossier task.
The dossier half is ``audit.pipeline.audited_to_report``, the same function ``check`` uses
(the equivalence with ``check`` is tested in tests/test_batch_run.py).
"""
from __future__ import annotations

from audit.model import AuditedDocument, Document
from audit.pipeline import audited_to_report

__all__ = ["audited_to_report", "failed_document", "FAILED_CODE"]

FAILED_CODE = "audit_failed"


def failed_document(display: str, error: str) -> AuditedDocument:
    """A document whose worker failed: it stays in the report with its error, like an unreadable file."""
    message = f"Document kon niet worden beoordeeld: {error}"
    return AuditedDocument(Document(path=display, format="text", error=message, error_code=FAILED_CODE))
