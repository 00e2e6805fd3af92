"""--redact on a report built from model types: what becomes a placeholder, what stays."""
from __future__ import annotations

from datetime import date

import pytest

from audit.model import (AuditedDocument, Block, DateFact, Document, DossierReport, Event, Evidence, Finding,
                         HoursFact, Page, Timeline)
from audit.privacy import bsns_in, is_phone, load_vocabulary, passes_11_proef, phones_in
from audit.redact import redact_report


def bsn(prefix: str) -> str:
    total = sum(int(c) * w for c, w in zip(prefix, range(9, 1, -1)))
    assert total % 11 <= 9
    return prefix + str(total % 11)


BSN_1 = bsn("27418360")
BSN_2 = bsn("19372645")
NOT_BSN = BSN_1[:8] + str((int(BSN_1[8]) + 1) % 10)  # one digit off: fails the 11-proef


def document(path: str, lines: list[str], dates=(), hours=(), doc_type="evaluatie") -> AuditedDocument:
    blocks = tuple(Block("paragraph", line, 1) for line in lines)
    doc = Document(path, "docx", (Page(1, blocks),), sha256="ab" * 32)
    return AuditedDocument(doc, doc_type, 0.9, dates=tuple(dates), hours=tuple(hours))


def report(*docs: AuditedDocument, findings=()) -> DossierReport:
    first = date(2024, 2, 5)
    timeline = Timeline(first, (Event("plan_van_aanpak", date(2024, 4, 12), 10,
                                      Evidence(docs[0].document.path, 1, "Datum plan: 12-04-2024")),),
                        (Evidence(docs[0].document.path, 1, "Eerste ziektedag: 05-02-2024"),))
    return DossierReport("dossiers/Erik van Dalen", tuple(docs), timeline, findings=tuple(findings),
                         peildatum=date(2024, 8, 20), versions={"program": "0.1.0"})


def everything(r: DossierReport) -> str:
    return repr(r)


@pytest.fixture(scope="module")
def dossier() -> tuple[DossierReport, DossierReport]:
    birth = DateFact(date(1971, 2, 14), "14-02-1971", 1, "Geboortedatum: 14-02-1971")
    plan = DateFact(date(2024, 4, 12), "12-04-2024", 1, "Datum plan: 12-04-2024")
    hours = HoursFact(4.0, "per_day", "4 uur per dag", 1, "Erik werkt 4 uur per dag.", role="worked")
    first = document("PvA_E_van_Dalen.docx", [
        "Naam werknemer: Erik van Dalen",
        f"BSN: {BSN_1}",
        "Geboortedatum: 14-02-1971",
        "Adres: Ringbaan-Oost 214",
        "Woont op de Berkenlaan 27, 7433 CK Schalkhaar.",
        "Telefoon: 06-41873925 of 0513 648217; e-mail erik.vandalen@example.nl",
        "Datum plan: 12-04-2024. Eerste ziektedag: 05-02-2024.",
        "De heer Van Dalen werkt 3 x 2 uur per week; E. van Dalen tekent het plan.",
        "Erik werkt 4 uur per dag. De cijfers dalen; de bakker levert brood.",
        "Casemanager: Sanne Koopmans",
        f"Referentienummer {NOT_BSN}; per 01-03-2024 12 uur per week.",
        "Overleg op locatie Mijnweg\n05-06-2024 en Stationsplein 12-03-2024.",
    ], dates=[birth, plan], hours=[hours], doc_type="plan_van_aanpak")
    second = document("Evaluatie 2.docx", [
        "Werknemer: Erik van Dalen",
        f"BSN {BSN_1} (zelfde persoon), partner BSN {BSN_2}",
        "Hij vertelt dat zijn hernia en een Burn-out de oorzaak zijn; mail naar erik.vandalen@example.nl",
        "Sanne Koopmans belt HULSHOF niet.",
    ])
    finding = Finding("consistency.medische_gegevens", "high",
                      'Medische gegevens (diagnose "hernia") in een stuk van de werkgever (evaluatie).',
                      (Evidence("Evaluatie 2.docx", 1, "Hij vertelt dat zijn hernia en een Burn-out"),),
                      rule="consistency.medische_gegevens.v1", source="AVG art. 9", week=24,
                      document="Evaluatie 2.docx")
    late = Finding("deadline.plan_van_aanpak", "high", "Plan van aanpak van Erik van Dalen in week 10 (12-04-2024).",
                   (Evidence("PvA_E_van_Dalen.docx", 1, "Datum plan: 12-04-2024"),), week=10,
                   document="PvA_E_van_Dalen.docx")
    original = report(first, second, findings=[finding, late])
    return original, redact_report(original)


@pytest.mark.parametrize("secret", ["Erik", "Dalen", BSN_1, BSN_2, "14-02-1971", "Ringbaan-Oost 214",
                                    "Berkenlaan 27", "7433 CK", "06-41873925", "0513 648217",
                                    "erik.vandalen@example.nl", "hernia", "Burn-out", "Koopmans"])
def test_personal_data_is_gone(dossier, secret):
    original, redacted = dossier
    assert secret in everything(original)
    assert secret not in everything(redacted)


def test_placeholders_are_consistent_across_the_report(dossier):
    _, redacted = dossier
    first, second = (a.document.text for a in redacted.documents)
    assert "BSN: [BSN-1]" in first
    assert "BSN [BSN-1] (zelfde persoon), partner BSN [BSN-2]" in second
    assert "[E-MAIL-1]" in first and "[E-MAIL-1]" in second
    assert "Naam werknemer: [WERKNEMER]" in first and "Werknemer: [WERKNEMER]" in second
    assert "De heer [WERKNEMER] werkt" in first and "[WERKNEMER] tekent" in first
    assert "Casemanager: [PERSOON-1]" in first and "[PERSOON-1] belt" in second
    assert "zijn [DIAGNOSE] en een [DIAGNOSE]" in second
    assert "[GEBOORTEDATUM]" in first and "[ADRES-" in first and "[POSTCODE-1]" in first
    assert "[TELEFOON-1]" in first and "[TELEFOON-2]" in first


def test_what_is_not_personal_stays(dossier):
    _, redacted = dossier
    text = redacted.documents[0].document.text
    assert "Datum plan: 12-04-2024. Eerste ziektedag: 05-02-2024." in text
    assert "3 x 2 uur per week" in text and "De cijfers dalen; de bakker levert brood." in text
    assert f"Referentienummer {NOT_BSN}; per 01-03-2024 12 uur per week." in text
    assert "Mijnweg\n05-06-2024 en Stationsplein 12-03-2024." in text  # a date is no house number


def test_findings_timeline_and_figures_are_unchanged(dossier):
    original, redacted = dossier
    assert [(f.id, f.severity, f.week, f.rule, f.source) for f in redacted.findings] == \
           [(f.id, f.severity, f.week, f.rule, f.source) for f in original.findings]
    assert redacted.findings[0].message == 'Medische gegevens (diagnose "[DIAGNOSE]") in een stuk van de werkgever (evaluatie).'
    assert redacted.findings[1].message == "Plan van aanpak van [WERKNEMER] in week 10 (12-04-2024)."
    assert redacted.timeline.first_sick_day == original.timeline.first_sick_day
    assert [(e.event, e.date, e.week) for e in redacted.timeline.events] == \
           [(e.event, e.date, e.week) for e in original.timeline.events]
    assert redacted.documents[0].hours[0].value == 4.0 and redacted.documents[0].hours[0].text == "4 uur per dag"
    assert redacted.documents[0].document.sha256 == original.documents[0].document.sha256


def test_date_of_birth_is_dropped_and_timeline_dates_stay(dossier):
    _, redacted = dossier
    assert [d.value for d in redacted.documents[0].dates] == [date(2024, 4, 12)]


def test_paths_and_dossier_name_are_redacted(dossier):
    _, redacted = dossier
    assert redacted.documents[0].document.path == "PvA_[WERKNEMER].docx"
    assert redacted.findings[1].document == "PvA_[WERKNEMER].docx"
    assert redacted.dossier == "dossiers/[WERKNEMER]"


def test_name_found_from_title_when_no_label():
    doc = document("brief.docx", ["Geachte mevrouw Bakker,", "Mevrouw Bakker werkt als bakker; de bakker is tevreden.",
                                  "Met vriendelijke groet, mevrouw Bakker"])
    redacted = redact_report(report(doc))
    assert redacted.documents[0].document.text.splitlines()[1] == \
        "Mevrouw [WERKNEMER] werkt als bakker; de bakker is tevreden."


def test_a_report_without_personal_data_is_unchanged():
    doc = document("plan.docx", ["Plan van aanpak", "Datum plan: 12-04-2024", "Start met 3 x 2 uur per week."])
    original = report(doc)
    assert redact_report(original) == original


def test_bsn_and_phone_formats():
    assert passes_11_proef(BSN_1) and not passes_11_proef(NOT_BSN) and not passes_11_proef("000000000")
    grouped = f"{BSN_1[:4]}.{BSN_1[4:6]}.{BSN_1[6:]}"
    assert bsns_in(f"BSN {grouped} en {BSN_1[:3]} {BSN_1[3:6]} {BSN_1[6:]}") == \
        [grouped, f"{BSN_1[:3]} {BSN_1[3:6]} {BSN_1[6:]}"]
    assert bsns_in(f"telefoon 0{BSN_1}") == []  # inside a longer number
    for phone in ["06-41873925", "06 2318 4479", "0513-648217", "+31 6 41873925", "020-1234567", "0031 20 1234567"]:
        assert phones_in(f"Bel {phone} na vijven") == [phone], phone
    assert not is_phone("01-03-2024 12")
    assert phones_in("op 01-03-2024 12 uur en 13-05-2024") == []


def test_vocabulary_files_validate():
    vocab = load_vocabulary()
    assert vocab.diagnosis is not None and vocab.diagnosis.search("Zij heeft Long covid.")
    assert vocab.werknemer_labels and vocab.person_labels
