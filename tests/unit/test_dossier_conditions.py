"""When-conditions of the dossier's riv.* checklist: a changed belastbaarheid is a later FML/IZP with other
hours or a statement that it changed, not an awaited FML nor a probleemanalyse's advice (corpus README)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from audit.checklist import load_checklists
from audit.dossier import assess_dossier, condition_in_dossier
from audit.model import AuditedDocument, Block, Document, Page, Timeline
from audit.segment import blocks_to_sections

FIRST = date(2024, 1, 8)


@pytest.fixture(scope="module")
def checklists():
    return load_checklists()


def _doc(checklists, name: str, doc_type: str, *texts: str) -> AuditedDocument:
    doc = Document(name, "docx", (Page(1, tuple(Block("paragraph", t, 1) for t in texts)),))
    return AuditedDocument(doc, doc_type, 1.0, blocks_to_sections(doc, checklists))


def _bijstellingen(checklists, docs) -> str:
    riv = {r.id: r for r in assess_dossier(docs, Timeline(FIRST), FIRST + timedelta(weeks=60), checklists)}
    return riv["riv.bijstellingen"].status


def test_awaited_fml_is_no_change(checklists) -> None:
    docs = [_doc(checklists, "fml.pdf", "fml", "Functionele Mogelijkhedenlijst: 4 uur per dag."),
            _doc(checklists, "logboek.docx", "logboek", "12-05-2024 evaluatie: uren gelijk, we wachten op een nieuwe FML.")]
    assert not condition_in_dossier("belastbaarheid_gewijzigd", docs, checklists)
    assert _bijstellingen(checklists, docs) == "not_applicable"


def test_stated_change_is_a_change(checklists) -> None:
    docs = [_doc(checklists, "fml.pdf", "fml", "Functionele Mogelijkhedenlijst: 4 uur per dag."),
            _doc(checklists, "logboek.docx", "logboek", "12-05-2024 evaluatie: de FML is bijgesteld, nu 6 uur per dag.")]
    assert condition_in_dossier("belastbaarheid_gewijzigd", docs, checklists)
    assert _bijstellingen(checklists, docs) in ("missing", "weak", "present")


def test_probleemanalyse_advice_is_not_a_belastbaarheid(checklists) -> None:
    docs = [_doc(checklists, "pa.pdf", "probleemanalyse", "Probleemanalyse. Advies: start met 2 uur per dag."),
            _doc(checklists, "fml.pdf", "fml", "Functionele Mogelijkhedenlijst: 6 uur per dag.")]
    assert not condition_in_dossier("belastbaarheid_gewijzigd", docs, checklists)


def test_two_fmls_with_other_hours_are_a_change(checklists) -> None:
    docs = [_doc(checklists, "fml1.pdf", "fml", "Functionele Mogelijkhedenlijst: 4 uur per dag."),
            _doc(checklists, "fml2.pdf", "fml", "Functionele Mogelijkhedenlijst herbeoordeling: 6 uur per dag.")]
    assert condition_in_dossier("belastbaarheid_gewijzigd", docs, checklists)
