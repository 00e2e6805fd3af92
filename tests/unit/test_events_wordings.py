"""The timeline across the many ways Dutch dossiers word the same moment: first-sick-day labels
and their abbreviations, a tweede spoor that is prepared or discussed rather than started, the
trajectplan's own start over a passing mention elsewhere, a 42e-weeksmelding recorded only as a
logboek entry. Sentences are written here in the styles of different authors (casemanager,
arbodienst form, bureau plan); documents are built from audit.model as the date extractor
reports them, so these tests exercise only the timeline code."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import pytest

from audit.checklist import load_checklists
from audit.extract.events import build_timeline, document_date
from audit.model import AuditedDocument, Block, DateFact, Document, Page

CL = load_checklists()
DATE = re.compile(r"\b(\d{1,2})-(\d{1,2})-(\d{4})\b")
FIRST = date(2023, 3, 13)


def d(day: date) -> str:
    return day.strftime("%d-%m-%Y")


def doc(path: str, doc_type: str, *lines: str) -> AuditedDocument:
    blocks, facts = [], []
    for t in lines:
        blocks.append(Block("paragraph", t, 1))
        for m in DATE.finditer(t):
            dd, mm, yy = map(int, m.groups())
            facts.append(DateFact(date(yy, mm, dd), m.group(0), 1, t, document=path))
    a = AuditedDocument(Document(path, "text", (Page(1, tuple(blocks)),)), doc_type, 1.0, (), tuple(facts))
    return replace(a, doc_date=document_date(a, CL))


def kinds(timeline, kind):
    return [e for e in timeline.events if e.event == kind]


# --------------------------------------------------------------------------- eerste ziektedag


@pytest.mark.parametrize("label", ["1e zd |", "Eerste zd:", "EZD", "1ste ziektedag", "Eerste verzuimdag:",
                                   "Ziek sinds", "Aanvang verzuim:", "Datum eerste ziektedag",
                                   "Begin ziekteverzuim", "Ingangsdatum arbeidsongeschiktheid", "Eerste AO-dag"])
def test_first_sick_day_label_variants(label):
    report = doc("x.pdf", "overig", f"{label} {d(FIRST)}", f"Datum rapportage {d(FIRST + timedelta(50))}")
    timeline = build_timeline([report], CL)
    assert timeline.first_sick_day == FIRST
    assert timeline.first_sick_day_evidence[0].quote.startswith(label.split()[0])


@pytest.mark.parametrize("label", ["1e zd |", "EZD:", "Ziek sinds"])
def test_an_abbreviated_first_sick_day_is_not_the_document_date(label):
    """Page 1 holds no date of the document itself: better none than week 1."""
    assert doc("pa.pdf", "overig", "WN | A. Visser", f"{label} {d(FIRST)}").doc_date is None
    assert doc("pa.pdf", "overig", "WN | A. Visser", f"Gezien {d(FIRST)}").doc_date == FIRST


def test_datum_ziekmelding_on_the_uwv_form_is_the_melding_not_the_first_sick_day():
    melding = FIRST + timedelta(7 * 41 + 3)
    form = doc("uwv.pdf", "ziekmelding_uwv", "Melding langdurig zieke werknemer", f"Datum ziekmelding: {d(melding)}")
    assert build_timeline([form], CL).first_sick_day is None
    letter = doc("brief.pdf", "overig", f"Datum ziekmelding: {d(FIRST)}", f"Datum brief: {d(FIRST + timedelta(20))}")
    assert build_timeline([letter], CL).first_sick_day == FIRST


def test_a_planned_first_evaluation_is_not_the_date_of_the_plan():
    pva = doc("pva.pdf", "overig", f"Eerste ziektedag | {d(FIRST)}", f"Opgesteld | {d(FIRST + timedelta(45))}",
              f"Evaluatie | Iedere zes weken; eerste evaluatie op {d(FIRST + timedelta(90))}.",
              f"Volgend consult | {d(FIRST + timedelta(80))}")
    assert pva.doc_date == FIRST + timedelta(45)


# --------------------------------------------------------------------------- tweede spoor


EJE = FIRST + timedelta(7 * 50)


@pytest.mark.parametrize("prepared, done", [
    ("Overleg met bureau; start tweede spoor voorbereid", "Overleg met bureau; start tweede spoor"),
    ("Start 2e spoor besproken met werknemer en bureau", "Start 2e spoor met werknemer en bureau"),
    ("Aanvang traject tweede spoor aangevraagd", "Aanvang traject tweede spoor"),
    ("Tweede spoor wordt binnenkort gestart", "Tweede spoor is gestart"),
    ("Start traject gepland na de vakantie", "Start traject na de vakantie"),
    ("Tweede spoor is nog niet gestart", "Tweede spoor is gestart"),
    ("Start 2e spoor | besproken met werknemer", "Start 2e spoor | intake bij het bureau")])
def test_a_prepared_or_discussed_tweede_spoor_is_no_start(prepared, done):
    row = EJE + timedelta(20)

    def starts(entry):
        log = doc("log.pdf", "logboek", f"Eerste ziektedag {d(FIRST)}",
                  f"{d(EJE)} | Eerstejaarsevaluatie | gehouden", f"{d(row)} | Overleg | {entry}")
        return [e.date for e in kinds(build_timeline([log], CL), "spoor2_start")]

    assert starts(prepared) == []
    assert starts(done) == [row]


def test_words_after_the_start_date_about_something_else_do_not_undo_the_start():
    on = EJE + timedelta(30)
    plan = doc("plan.pdf", "spoor2_plan", f"Datum plan {d(on - timedelta(2))}",
               f"Het traject is gestart op {d(on)} en in het intakegesprek zijn de mogelijkheden"
               " en het zoekprofiel besproken.")
    assert [e.date for e in kinds(build_timeline([plan], CL), "spoor2_start")] == [on]
    asked = doc("plan.pdf", "spoor2_plan", f"Datum plan {d(on - timedelta(2))}",
                f"Start traject aangevraagd op {d(on)}.")
    assert not kinds(build_timeline([asked], CL), "spoor2_start")


def test_a_planned_start_with_its_own_date_still_counts():
    on = EJE + timedelta(30)
    log = doc("log.pdf", "logboek", f"Eerste ziektedag {d(FIRST)}",
              f"{d(EJE + timedelta(20))} | Overleg | Het tweede spoor wordt gestart per {d(on)}")
    assert [e.date for e in kinds(build_timeline([log], CL), "spoor2_start")] == [on]


@pytest.mark.parametrize("sentence", ["Het re-integratietraject begint op {day} met een kennismaking.",
                                      "De begeleiding gaat van start op {day}.",
                                      "Aanvang traject | {day}",
                                      "Het tweede spoortraject is gestart op {day}."])
def test_start_phrases_of_a_trajectplan(sentence):
    on = EJE + timedelta(35)
    plan = doc("plan.pdf", "spoor2_plan", f"Datum plan {d(on - timedelta(3))}", sentence.format(day=d(on)))
    assert [e.date for e in kinds(build_timeline([plan], CL), "spoor2_start")] == [on]


def test_the_trajectplan_start_wins_over_mentions_in_other_documents():
    """Two chronologies name another date (a count alone would pick it); the plan's own
    labelled start is the one the deadline is measured by."""
    start, passing = EJE + timedelta(50), EJE + timedelta(38)
    plan = doc("plan.pdf", "spoor2_plan", f"Datum trajectplan {d(start - timedelta(4))}", f"Startdatum | {d(start)}")
    log = doc("log.pdf", "logboek", f"Eerste ziektedag {d(FIRST)}",
              f"{d(passing)} | Tweede spoor gestart (kennismaking)")
    riv = doc("riv.docx", "riv", f"Eerste ziektedag {d(FIRST)}", f"Datum verslag {d(start + timedelta(200))}",
              f"Start tweede spoor | {d(passing)}")
    timeline = build_timeline([log, riv, plan], CL)
    found = kinds(timeline, "spoor2_start")
    assert [e.date for e in found] == [start] and found[0].evidence.document == "plan.pdf"
    assert [e.date for e in kinds(build_timeline([log, riv], CL), "spoor2_start")] == [passing]


# --------------------------------------------------------------------------- 42e-weeksmelding


@pytest.mark.parametrize("entry", ["Ziekmelding 42e week bij UWV gedaan",
                                   "Ziekmelding via het portaal aan UWV doorgegeven",
                                   "UWV op de hoogte gebracht van het langdurig verzuim",
                                   "Werknemer bij UWV ziekgemeld (week 42)",
                                   "42-wekenmelding verzonden",
                                   "Ziekmelding in de 42e ziekteweek ingediend"])
def test_a_logboek_entry_places_the_melding_bij_uwv(entry):
    on = FIRST + timedelta(7 * 44 + 2)
    log = doc("log.docx", "logboek", f"Eerste ziektedag | {d(FIRST)}",
              f"{d(FIRST)} | Ziekmelding bij leidinggevende | P&O",
              f"{d(on)} | {entry} | P&O")
    found = kinds(build_timeline([log], CL), "ziekmelding_uwv")
    assert [(e.date, e.week) for e in found] == [(on, 45)]


# --------------------------------------------------------------------------- several own documents


def test_of_two_documents_of_one_moment_the_one_with_a_marked_date_counts():
    """A plan misread as a second eerstejaarsevaluatie, dated only by a page-1 fallback, does
    not replace the evaluation that carries its own 'Datum EJE'."""
    eje = doc("eje.pdf", "eerstejaarsevaluatie", f"Eerste ziektedag {d(FIRST)}", f"Datum EJE | {d(EJE)}")
    other = doc("plan.pdf", "eerstejaarsevaluatie", f"Eerste ziektedag {d(FIRST)}",
                f"Afgesproken | {d(FIRST + timedelta(55))}")
    assert [e.date for e in kinds(build_timeline([other, eje], CL), "eerstejaarsevaluatie")] == [EJE]
    assert [e.date for e in kinds(build_timeline([other], CL), "eerstejaarsevaluatie")] == [FIRST + timedelta(55)]


# --------------------------------------------------------------------------- informal evaluation notes


@pytest.mark.parametrize("verb", ["gesproken met Anna over hoe het gaat", "met Anna gezeten om de voortgang door te nemen",
                                  "bijgepraat met Anna", "contact gehad met Anna over de opbouw"])
def test_dated_conversation_notes_are_each_an_evaluation_moment(verb):
    first, second = FIRST + timedelta(60), FIRST + timedelta(100)
    notes = doc("notities.docx", "evaluatie", f"Op {d(first)} {verb}.",
                f"Anna belde op {d(first + timedelta(10))} dat ze een dag niet kwam.",
                f"Op {d(second)} {verb}.")
    timeline = build_timeline([notes, doc("pa.pdf", "overig", f"Eerste ziektedag {d(FIRST)}")], CL)
    assert sorted(e.date for e in kinds(timeline, "evaluatie")) == [first, second]


@pytest.mark.parametrize("sentence", ["Ik sprak de heer Vos, die sinds {d} niet werkt.",
                                      "Mevrouw Vos is sinds {d} niet meer aan het werk.",
                                      "Zij kan sinds {d} niet werken vanwege haar knie."])
def test_since_a_date_not_working_is_the_first_sick_day(sentence):
    letter = doc("brief.pdf", "probleemanalyse", sentence.format(d=d(FIRST)),
                 f"Datum {d(FIRST + timedelta(40))}")
    assert build_timeline([letter], CL).first_sick_day == FIRST


def test_since_a_date_no_longer_sick_is_no_first_sick_day():
    letter = doc("brief.pdf", "overig", f"De heer Vos is sinds {d(FIRST)} niet meer ziek.",
                 f"Datum {d(FIRST + timedelta(40))}")
    assert build_timeline([letter], CL).first_sick_day is None


def test_an_unlabelled_plan_is_dated_by_the_agreement_it_records():
    agreed, start = FIRST + timedelta(48), FIRST + timedelta(52)
    plan = doc("plan.docx", "plan_van_aanpak",
               f"Op {d(agreed)} hebben Kees en ik samen afgesproken hoe hij weer begint. Dit is ons plan.",
               f"Kees begint op {d(start)} met drie ochtenden.")
    assert plan.doc_date == agreed
    meeting = FIRST + timedelta(90)
    planned = doc("plan.docx", "plan_van_aanpak",
                  f"Het eerste evaluatiegesprek is op {d(meeting)} afgesproken.", f"Kees begint op {d(start)}.")
    assert planned.doc_date != meeting  # a date inside the sentence is the moment agreed on, not the plan's


def test_a_documents_date_is_remembered_per_lines_type_and_vocabulary():
    from audit.extract.doc_dates import dating
    from audit.extract.event_text import document_lines

    plan = doc("plan.docx", "plan_van_aanpak", f"Datum plan van aanpak {d(FIRST + timedelta(50))}",
               f"Datum rapportage {d(FIRST + timedelta(60))}")
    lines = document_lines(plan)
    first = dating(plan, CL, lines)
    assert dating(plan, CL, lines) is first  # remembered
    assert dating(plan, CL, list(lines)) == first  # another list of the same lines: computed, the same
    assert first[1] == FIRST + timedelta(50)
    other = replace(plan, doc_type="spoor2_voortgang")
    assert dating(other, CL, lines)[1] == FIRST + timedelta(60)  # the type picks its own label
