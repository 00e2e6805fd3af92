"""Signatures as dossiers print them: a mark after a name, a name instead of the role, and the
look-alikes that are no signature. Wording made up for these tests."""
from __future__ import annotations

import pytest

from audit.checklist import load_checklists
from audit.component_checks import identity_marks, signed_by_name
from audit.model import AuditedDocument, Block, Document, Page

CL = load_checklists()


def audited(*texts: str, rows=None) -> AuditedDocument:
    blocks = [Block("table", "\n".join(" | ".join(r) for r in rows), 1, rows=rows)] if rows else []
    blocks += [Block("paragraph", t, 1) for t in texts]
    return AuditedDocument(Document("x.pdf", "pdf", (Page(1, tuple(blocks)),)), "fml", 1.0)


@pytest.mark.parametrize("line,signed", [
    ("Bedrijfsarts: dr. M. Pauwels (getekend)", True),
    ("Namens de werkgever: R. Smit, directeur (was getekend)", True),
    ("Arbeidsdeskundige: drs. K. Baas (ondertekend)", True),
    ("Dit rapport wordt na bespreking getekend", False),
    ("Handtekening: ........", False),
])
def test_a_mark_after_a_name_is_a_signature(line, signed):
    assert identity_marks(audited("Functionele mogelijkheden", line), CL)["signed"] is signed


def test_signed_by_name_needs_the_mark_in_the_employees_own_part():
    rows = [("Werknemer", "P. (Petra) Hoekstra"), ("BSN", "123456782")]
    assert signed_by_name(audited("Voor akkoord: P. Hoekstra (getekend).", rows=rows), CL) is not None
    assert signed_by_name(audited("Voor akkoord: P. Hoekstra ....... Adviseur: L. Bos (getekend).", rows=rows), CL) is None
    assert signed_by_name(audited("Voor akkoord: P. Hoekstra (getekend)."), CL) is None  # no name to go by
