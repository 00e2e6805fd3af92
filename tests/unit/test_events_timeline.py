"""The timeline: eerste ziektedag, document dates, events from documents and chronologies,
sollicitaties. Documents are built here from audit.model (dates given as DateFacts the way the
date extractor reports them), so these tests exercise only the timeline code."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import pytest

from audit.checklist import load_checklists
from audit.extract.events import build_timeline, document_date
from audit.model import AuditedDocument, Block, DateFact, Document, Page

CL = load_checklists()
DATE = re.compile(r"\b(\d{2})-(\d{2})-(\d{4})\b")
FIRST = date(2024, 1, 8)


def d(day: date) -> str:
    return day.strftime("%d-%m-%Y")


def doc(path: str, doc_type: str, *lines: str, page_break: int | None = None) -> AuditedDocument:
    pages = [lines] if page_break is None else [lines[:page_break], lines[page_break:]]
    built, facts = [], []
    for n, texts in enumerate(pages, 1):
        built.append(Page(n, tuple(Block("paragraph", t, n) for t in texts)))
        for t in texts:
            for m in DATE.finditer(t):
                dd, mm, yy = map(int, m.groups())
                facts.append(DateFact(date(yy, mm, dd), m.group(0), n, t, document=path))
    a = AuditedDocument(Document(path, "text", tuple(built)), doc_type, 1.0, (), tuple(facts))
    return replace(a, doc_date=document_date(a, CL))


def kinds(timeline, kind):
    return [e for e in timeline.events if e.event == kind]


def test_first_sick_day_is_the_majority_and_a_dissent_is_a_warning():
    docs = [doc("pa.pdf", "probleemanalyse", f"Eerste ziektedag: {d(FIRST)}", f"Datum probleemanalyse: {d(FIRST + timedelta(30))}"),
            doc("pva.docx", "plan_van_aanpak", f"1e verzuimdag | {d(FIRST)}", f"Datum: {d(FIRST + timedelta(45))}", "Handtekening: w.g."),
            doc("fml.pdf", "fml", f"Datum ziekmelding {d(FIRST + timedelta(7))}", f"Datum onderzoek {d(FIRST + timedelta(90))}")]
    timeline = build_timeline(docs, CL)
    assert timeline.first_sick_day == FIRST
    assert len(timeline.warnings) == 1 and d(FIRST + timedelta(7)) in timeline.warnings[0]
    assert {e.document for e in timeline.first_sick_day_evidence} == {"pa.pdf", "pva.docx"}


def test_first_sick_day_from_a_sentence():
    timeline = build_timeline([doc("eje.docx", "eerstejaarsevaluatie", f"Esther is sinds {d(FIRST)} ziek.",
                                   f"Datum gesprek: {d(FIRST + timedelta(330))}")], CL)
    assert timeline.first_sick_day == FIRST and not timeline.warnings


def test_document_date_prefers_its_own_label_over_cited_dates():
    pva = doc("pva.docx", "plan_van_aanpak", "Eerste ziektedag | 06-03-2023", "Datum probleemanalyse | 12-04-2023",
              "Datum plan van aanpak | 25-04-2023", "Eerste evaluatie: 06-06-2023")
    assert pva.doc_date == date(2023, 4, 25)


def test_document_date_from_signature_letter_and_not_from_future_labels():
    signed = doc("ao.pdf", "overig", "Eerste ziektedag 06-03-2023", "Herbeoordeling uiterlijk 11-06-2025",
                 "Naam: drs. A. Arts", "Datum: 12-11-2024", "Handtekening: w.g.")
    assert signed.doc_date == date(2024, 11, 12)
    letter = doc("pva.docx", "overig", "Plan van aanpak Esther", "Raalte, 15-11-2023", "Esther begint op 20-11-2023.")
    assert letter.doc_date == date(2023, 11, 15)
    plain = doc("x.pdf", "overig", "Geboortedatum 03-02-1988", "Einde wachttijd 31-08-2025", "Gezien op 10-07-2024")
    assert plain.doc_date == date(2024, 7, 10)
    assert doc("empty.pdf", "overig", "Geen datum").doc_date is None


def test_label_and_value_on_separate_lines_as_ocr_gives_them():
    melding = doc("zm.pdf", "ziekmelding_uwv", "Datum melding", "21-12-2023", "Eerste ziektedag 06-03-2023",
                  "Einde wachttijd (104 weken)", "02-03-2025")
    assert melding.doc_date == date(2023, 12, 21)
    timeline = build_timeline([melding], CL)
    event = kinds(timeline, "ziekmelding_uwv")[0]
    assert (event.date, event.week) == (date(2023, 12, 21), 42)
    assert event.evidence.quote == "Datum melding 21-12-2023"  # label and value quoted together
    assert document_date(melding) == date(2023, 12, 21)  # the bundled vocabulary when none is given


def test_chronology_rows_of_a_riv_become_events_in_their_week():
    riv = doc("riv.docx", "riv", "Eerste ziektedag | 06-03-2023", "Datum verslag | 21-11-2024",
              "Probleemanalyse | 12-04-2023 | Bedrijfsarts",
              "Evaluaties plan van aanpak | 06-06-2023, 11-07-2023, 22-08-2023 | verslagen in dossier",
              "Eerstejaarsevaluatie | 16-01-2024 | Besluit: inzet tweede spoor",
              "Tweede spoor | 26-02-2024 t/m 01-11-2024 | Trajectwerk Oost",
              "Datum WIA-aanvraag | 25-11-2024")
    timeline = build_timeline([riv], CL)
    assert [(e.date, e.week) for e in kinds(timeline, "probleemanalyse")] == [(date(2023, 4, 12), 6)]
    assert [e.date for e in kinds(timeline, "evaluatie")] == [date(2023, 6, 6), date(2023, 7, 11), date(2023, 8, 22)]
    assert kinds(timeline, "eerstejaarsevaluatie")[0].week == 46
    start = kinds(timeline, "spoor2_start")[0]
    assert (start.date, start.until) == (date(2024, 2, 26), date(2024, 11, 1))
    assert kinds(timeline, "wia_aanvraag")[0].date == date(2024, 11, 25)
    assert kinds(timeline, "riv")[0].evidence.quote.startswith("Datum verslag")


def test_logboek_row_keeps_its_own_date_not_a_date_it_mentions():
    log = doc("log.pdf", "logboek", "Eerste ziektedag 15-05-2023", "Stand per 29-01-2025",
              "05-06-2024 | Evaluatie | Tweede spoor gestart op 10-06-2024 (intake)",
              "17-01-2025 | Telefonisch contact | WIA-aanvraag voorbereid")
    timeline = build_timeline([log], CL)
    assert date(2024, 6, 5) in [e.date for e in kinds(timeline, "evaluatie")]
    assert not kinds(timeline, "wia_aanvraag")  # prepared, not made


def test_planned_dates_after_the_document_are_not_events():
    pva = doc("pva.docx", "plan_van_aanpak", "Eerste ziektedag | 06-03-2023", "Datum plan van aanpak | 25-04-2023",
              "Eerste evaluatie: 06-06-2023.")
    timeline = build_timeline([pva], CL)
    assert [e.date for e in kinds(timeline, "plan_van_aanpak")] == [date(2023, 4, 25)]
    assert not kinds(timeline, "evaluatie")


def test_an_own_document_wins_over_a_mention_of_another_date():
    eje = doc("eje.docx", "eerstejaarsevaluatie", "Eerste ziektedag | 06-03-2023", "Datum evaluatie | 16-01-2024")
    plan = doc("plan.pdf", "spoor2_plan", "Eerste ziektedag 06-03-2023", "Eerstejaarsevaluatie 15-01-2024",
               "Datum plan 01-02-2024")
    timeline = build_timeline([eje, plan], CL)
    assert [e.date for e in kinds(timeline, "eerstejaarsevaluatie")] == [date(2024, 1, 16)]


def test_each_dated_conversation_of_an_evaluation_document_is_one_evaluation():
    verslagen = doc("gesprekken.docx", "evaluatie", "Gespreksverslagen Esther", "Gesprek 20-12-2023", "Gaat goed.",
                    "Gesprek 31-01-2024", "Uren verhoogd.", "Gesprek 17-04-2024", "Later dan gepland.")
    timeline = build_timeline([verslagen], CL)
    assert [e.date for e in kinds(timeline, "evaluatie")] == [date(2023, 12, 20), date(2024, 1, 31), date(2024, 4, 17)]


def test_spoor2_start_intake_and_period():
    plan = doc("plan.pdf", "spoor2_plan", "Eerste ziektedag 20-11-2023", "Datum plan 29-11-2024",
               "Het traject is gestart op 25-11-2024 met een intakegesprek op ons kantoor.")
    timeline = build_timeline([plan], CL)
    assert kinds(timeline, "spoor2_start")[0].date == date(2024, 11, 25)
    assert kinds(timeline, "spoor2_plan")[0].date == date(2024, 11, 29)


@pytest.mark.parametrize("separator", [" | ", " "])
def test_sollicitatie_table_rows_are_applications(separator):
    rows = [separator.join(r) for r in (
        ("Datum", "Werkgever", "Functie", "Wijze", "Resultaat"),
        ("02-09-2024", "Assemblagebedrijf", "Productiemedewerk", "Online", "Afgewezen"),
        ("Twentekanaal", "er dagdienst"),  # a wrapped cell
        ("09-09-2024", "Logistiek", "Orderpicker", "E-mail", "Geen reactie"),
        ("13-09-2024", "Drukkerij", "Medewerker", "E-mail", "Afgewezen"))]
    overzicht = doc("soll.pdf", "sollicitatieoverzicht", "Eerste ziektedag 21-08-2023", "Start traject 19-08-2024", *rows,
                    "Re-integratieadviseur", "Datum: 16-09-2024", "Handtekening: w.g.")
    timeline = build_timeline([overzicht], CL)
    assert [e.date for e in kinds(timeline, "sollicitatie")] == [date(2024, 9, 2), date(2024, 9, 9), date(2024, 9, 13)]
    assert not any(e.by_bureau for e in kinds(timeline, "sollicitatie"))


def test_the_same_application_in_two_documents_counts_once():
    header = "Datum | Werkgever | Functie | Resultaat"
    one = doc("vgr.pdf", "spoor2_voortgang", "Datum rapportage 14-10-2024", header, "02-09-2024 | Drukkerij | Medewerker | Afgewezen")
    two = doc("soll.pdf", "sollicitatieoverzicht", "Bijgewerkt tot 13-12-2024", header,
              "02-09-2024 | Drukkerij | Medewerker | Afgewezen", "02-09-2024 | Bakkerij | Verkoper | Open")
    timeline = build_timeline([one, two], CL)
    assert len(kinds(timeline, "sollicitatie")) == 2


def test_sender_column_marks_applications_by_the_bureau():
    overzicht = doc("soll.pdf", "sollicitatieoverzicht", "Datum overzicht 31-01-2025",
                    "Datum | Werkgever | Functie | Resultaat | Verstuurd door",
                    "10-10-2024 | Koelhuis Flevo | Heftruckchauffeur | Geen reactie | Jobhunter namens",
                    "24-10-2024 | Transport Stad | Expeditie | Afgewezen | Werknemer")
    flags = [e.by_bureau for e in kinds(build_timeline([overzicht], CL), "sollicitatie")]
    assert flags == [True, False]


def test_counted_sentences_but_not_norms():
    report = doc("vgr.docx", "spoor2_voortgang", "Datum rapportage 16-12-2024",
                 "In deze periode heeft Tom 12 keer gesolliciteerd (zie overzicht).",
                 "Doorgaan met minimaal 2 sollicitaties per week.")
    counts = kinds(build_timeline([report], CL), "sollicitatie_aantal")
    assert [e.count for e in counts] == [12]
    assert counts[0].date == date(2024, 12, 16)


def test_no_documents_no_dates_no_crash():
    timeline = build_timeline([], CL)
    assert timeline.first_sick_day is None and timeline.events == ()
    bare = AuditedDocument(Document("broken.pdf", "pdf", (), error="kapot"), "overig")
    assert document_date(bare, CL) is None
    assert build_timeline([bare], CL).first_sick_day is None


def test_ocr_merged_table_rows_count_one_application_per_date():
    overzicht = doc("vgr3.pdf", "spoor2_voortgang", "Datum rapportage 24-01-2025",
                    "Datum ..._ | Werkgever Functie Wijze Resultaat",
                    "20-11-2024 Hotel West Medewerker linnenkamer | Online Afgewezen 27-11-2024 Winkelcentrum Heuvel "
                    "Medewerker E-mail Geen reactie 05-12-2024 Kinderdagverblijf Nestje Huishoudelijk Open In procedure",
                    "schoonmaak (licht)",
                    "Datum Werkgever Functie Wijze Resultaat 08-01-2025 Kinderdagverblijf Nestje Huishoudelijk E-mail")
    dates = [e.date for e in kinds(build_timeline([overzicht], CL), "sollicitatie")]
    assert dates == [date(2024, 11, 20), date(2024, 11, 27), date(2024, 12, 5), date(2025, 1, 8)]


def test_prose_naming_employer_and_job_is_no_table():
    log = doc("log.pdf", "logboek", "Stand per 29-01-2025",
              "De werkgever heeft op datum van het gesprek geen passende functie gevonden.",
              "05-06-2024 | Evaluatie | Voortgang", "17-07-2024 | Evaluatie | Voortgang")
    assert not kinds(build_timeline([log], CL), "sollicitatie")


def test_a_dossier_without_a_first_sick_day_says_so_and_places_no_weeks():
    pa = doc("pa.pdf", "probleemanalyse", "Datum probleemanalyse 12-04-2023")
    timeline = build_timeline([pa], CL)
    assert timeline.first_sick_day is None and len(timeline.warnings) == 1
    assert [(e.event, e.week) for e in timeline.events] == [("probleemanalyse", None)]


@pytest.mark.parametrize("label", ["Eerste ziektedag:", "1e verzuimdag", "Eerste arbeidsongeschiktheidsdag",
                                   "Arbeidsongeschikt sinds", "Verzuim sinds:", "Datum ziekmelding"])
def test_first_sick_day_labels(label):
    timeline = build_timeline([doc("x.pdf", "overig", f"{label} {d(FIRST)}", f"Datum rapport {d(FIRST + timedelta(60))}")], CL)
    assert timeline.first_sick_day == FIRST


def test_the_date_of_the_ziekmelding_bij_uwv_is_no_first_sick_day():
    log = doc("log.pdf", "logboek", f"Eerste ziektedag {d(FIRST)}", f"Datum ziekmelding UWV {d(FIRST + timedelta(290))}",
              f"Stand per {d(FIRST + timedelta(300))}")
    timeline = build_timeline([log], CL)
    assert timeline.first_sick_day == FIRST and not timeline.warnings
    assert kinds(timeline, "ziekmelding_uwv")[0].week == 42


@pytest.mark.parametrize("sentence", ["Aanvang traject: {day}", "Begindatum traject {day}", "Startdatum: {day}",
                                      "Het tweede spoor is gestart op {day}.", "Tweede spoor | vanaf {day} | Route 2 Werk"])
def test_spoor2_start_wordings(sentence):
    on = FIRST + timedelta(400)
    report = doc("vgr.pdf", "spoor2_voortgang", f"Datum rapportage {d(on + timedelta(60))}", sentence.format(day=d(on)))
    assert [e.date for e in kinds(build_timeline([report], CL), "spoor2_start")] == [on]
