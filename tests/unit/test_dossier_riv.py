"""The dossier's riv.* checklist: documents, chronology entries, stage (not_yet_due) and when-conditions."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from audit.checklist import load_checklists
from audit.dossier import assess_dossier
from audit.model import AuditedDocument, Block, Document, Page, Timeline
from audit.segment import blocks_to_sections

FIRST = date(2024, 1, 8)


@pytest.fixture(scope="module")
def checklists():
    return load_checklists()


def _doc(checklists, name: str, doc_type: str, *texts: str, rows=None) -> AuditedDocument:
    blocks = [Block("paragraph", t, 1) for t in texts]
    if rows:
        blocks.append(Block("table", "\n".join(" | ".join(r) for r in rows), 1, rows=rows))
    doc = Document(name, "docx", (Page(1, tuple(blocks)),))
    return AuditedDocument(doc, doc_type, 1.0, blocks_to_sections(doc, checklists))


def _riv(checklists, docs, week: int) -> dict:
    peildatum = FIRST + timedelta(weeks=week - 1)
    return {r.id: r for r in assess_dossier(docs, Timeline(FIRST), peildatum, checklists)}


def test_early_dossier_parts_not_yet_due(checklists) -> None:
    docs = [_doc(checklists, "pa.pdf", "probleemanalyse", "Probleemanalyse van de bedrijfsarts."),
            _doc(checklists, "pva.docx", "plan_van_aanpak", "Plan van aanpak.")]
    riv = _riv(checklists, docs, 20)
    assert riv["riv.probleemanalyse"].status == "present"
    for part in ("eerstejaarsevaluatie", "actueel_oordeel", "ziekmelding_uwv", "spoor2", "eindevaluatie", "ad_rapport"):
        assert riv[f"riv.{part}"].status == "not_yet_due", part
    assert riv["riv.evaluaties"].status == "missing"


def test_same_dossier_at_wia_stage_lacks_them(checklists) -> None:
    docs = [_doc(checklists, "pa.pdf", "probleemanalyse", "Probleemanalyse van de bedrijfsarts.")]
    riv = _riv(checklists, docs, 92)
    assert riv["riv.eerstejaarsevaluatie"].status == "missing"
    assert riv["riv.actueel_oordeel"].reason and riv["riv.actueel_oordeel"].evidence


def test_chronology_entries_show_evaluations_and_melding(checklists) -> None:
    rows = (("Onderdeel", "Datum", "Toelichting"), ("Evaluaties", "19-12-2023, 30-01-2024", "Verslagen in dossier"),
            ("Ziekmelding UWV", "31-07-2024", ""), ("Actueel oordeel bedrijfsarts", "-", "Nog niet ontvangen; wordt nagezonden"))
    riv = _riv(checklists, [_doc(checklists, "riv.docx", "riv", "Re-integratieverslag", rows=rows)], 92)
    assert riv["riv.evaluaties"].status == "present"
    assert riv["riv.ziekmelding_uwv"].status == "present"
    assert riv["riv.actueel_oordeel"].status == "missing"


def test_spoor1_needs_functions_tested_not_a_bare_no(checklists) -> None:
    bare = _doc(checklists, "ad.pdf", "overig", "Er is geen ander werk.")
    tested = _doc(checklists, "ad.pdf", "ad_rapport", "Passend werk binnen de eigen organisatie",
                  "Alle functies op en onder het niveau van de werknemer zijn getoetst aan de FML.")
    assert _riv(checklists, [bare], 80)["riv.spoor1_onderzoek"].status == "missing"
    assert _riv(checklists, [tested], 80)["riv.spoor1_onderzoek"].status == "present"


def test_when_conditions(checklists) -> None:
    quiet = [_doc(checklists, "fml.pdf", "fml", "FML: 4 uur per dag."), _doc(checklists, "ev.docx", "evaluatie", "Goed gesprek.")]
    riv = _riv(checklists, quiet, 30)
    assert riv["riv.bijstellingen"].status == "not_applicable"
    assert riv["riv.maatregelen_medewerking"].status == "not_applicable"
    changed = quiet + [_doc(checklists, "fml2.pdf", "fml", "FML: 6 uur per dag; de belastbaarheid is toegenomen.")]
    assert _riv(checklists, changed, 30)["riv.bijstellingen"].status == "missing"
    no_show = quiet + [_doc(checklists, "ev2.docx", "evaluatie", "Werknemer is zonder afmelding niet verschenen.")]
    assert _riv(checklists, no_show, 30)["riv.maatregelen_medewerking"].status == "missing"
    warned = no_show + [_doc(checklists, "brief.jpg", "overig", "Hierbij ontvangt u een schriftelijke waarschuwing.")]
    assert _riv(checklists, warned, 30)["riv.maatregelen_medewerking"].status == "present"


def test_gegevens_needs_bsn_first_day_and_signature_on_every_document(checklists) -> None:
    good = _doc(checklists, "pva.docx", "plan_van_aanpak", "BSN: 123456782", "Eerste ziektedag: 8 januari 2024",
                "Handtekening werkgever: w.g.")
    melding = _doc(checklists, "melding.pdf", "ziekmelding_uwv", "Burgerservicenummer 123456782", "Eerste ziektedag 08-01-2024")
    assert _riv(checklists, [good, melding], 50)["riv.gegevens_en_ondertekening"].status == "present"
    unsigned = _doc(checklists, "ev.docx", "evaluatie", "BSN 123456782, eerste ziektedag 8-1-2024.")
    result = _riv(checklists, [good, unsigned], 50)["riv.gegevens_en_ondertekening"]
    assert result.status == "missing" and "ev.docx" in result.reason
