"""One just-in-time and one just-too-late case per deadline.* rule. Each dossier is built here
(documents with their own dates, as the date extractor reports them) and goes through the real
timeline and rules."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import pytest

from audit.checklist import load_checklists
from audit.extract.events import build_timeline, document_date
from audit.model import AuditedDocument, Block, DateFact, Document, Page
from audit.rules import run_rules

CL = load_checklists()
DATE = re.compile(r"\b(\d{2})-(\d{2})-(\d{4})\b")
FIRST = date(2024, 1, 8)  # a Monday; week N runs from day 7(N-1) to day 7N-1


def d(day: date) -> str:
    return day.strftime("%d-%m-%Y")


def day(n: int) -> date:
    """n days after the first sick day (day 0 = the first sick day)."""
    return FIRST + timedelta(days=n)


def last_day_of_week(week: int) -> date:
    return day(7 * week - 1)


def doc(path: str, doc_type: str, *lines: str) -> AuditedDocument:
    lines = (f"Eerste ziektedag: {d(FIRST)}", *lines)
    facts = [DateFact(date(int(m[3]), int(m[2]), int(m[1])), m.group(0), 1, t, document=path)
             for t in lines for m in DATE.finditer(t)]
    page = Page(1, tuple(Block("paragraph", t, 1) for t in lines))
    a = AuditedDocument(Document(path, "text", (page,)), doc_type, 1.0, (), tuple(facts))
    return replace(a, doc_date=document_date(a, CL))


def findings(*docs: AuditedDocument) -> dict:
    timeline = build_timeline(docs, CL)
    peildatum = max(a.doc_date for a in docs if a.doc_date)
    found = run_rules(list(docs), timeline, peildatum, CL)
    return {f.id: f for f in found}


def pa(on: date) -> AuditedDocument:
    return doc("pa.pdf", "probleemanalyse", f"Datum probleemanalyse: {d(on)}")


def pva(on: date) -> AuditedDocument:
    return doc("pva.docx", "plan_van_aanpak", f"Datum plan van aanpak: {d(on)}")


def eje(on: date) -> AuditedDocument:
    return doc("eje.docx", "eerstejaarsevaluatie", f"Datum evaluatie | {d(on)}")


@pytest.mark.parametrize("week, late", [(6, False), (7, True)])
def test_probleemanalyse(week, late):
    found = findings(pa(last_day_of_week(week) if not late else day(7 * (week - 1))))
    assert ("deadline.probleemanalyse" in found) is late
    if late:
        f = found["deadline.probleemanalyse"]
        assert f.week == 7 and "week 7" in f.message and "week 6" in f.message and f.evidence[0].document == "pa.pdf"


@pytest.mark.parametrize("pva_day, late", [(7 * 8 - 1, False), (7 * 8, True)])
def test_plan_van_aanpak_week_8(pva_day, late):
    found = findings(pa(day(pva_day - 10)), pva(day(pva_day)))
    assert ("deadline.plan_van_aanpak" in found) is late


@pytest.mark.parametrize("days_after_pa, late", [(14, False), (15, True)])
def test_plan_van_aanpak_two_weeks_after_the_probleemanalyse(days_after_pa, late):
    found = findings(pa(day(20)), pva(day(20 + days_after_pa)))
    assert ("deadline.plan_van_aanpak" in found) is late
    if late:
        assert "15 dagen na de probleemanalyse" in found["deadline.plan_van_aanpak"].message


@pytest.mark.parametrize("gap, late", [(42, False), (43, True)])
def test_evaluatie_interval(gap, late):
    first_eval = day(90)
    verslagen = doc("evaluaties.docx", "evaluatie", "Evaluatieverslagen", f"Evaluatie {d(first_eval)}", "Besproken.",
                    f"Evaluatie {d(first_eval + timedelta(gap))}", "Besproken.")
    found = findings(pva(day(50)), verslagen)
    assert ("deadline.evaluatie_interval" in found) is late
    if late:
        assert "43 dagen" in found["deadline.evaluatie_interval"].message


def test_evaluatie_interval_counts_the_plan_van_aanpak_as_a_moment():
    verslag = doc("evaluatie.docx", "evaluatie", f"Datum evaluatie {d(day(50 + 43))}")
    assert "deadline.evaluatie_interval" in findings(pva(day(50)), verslag)
    verslag = doc("evaluatie.docx", "evaluatie", f"Datum evaluatie {d(day(50 + 42))}")
    assert "deadline.evaluatie_interval" not in findings(pva(day(50)), verslag)


@pytest.mark.parametrize("on, late", [(day(7 * 42), False), (day(7 * 42 + 1), True)])
def test_ziekmelding_uwv_first_working_day_after_week_42(on, late):
    # FIRST is a Monday, so day 294 (day 1 of week 43) is a Monday: the first working day after week 42
    found = findings(doc("zm.pdf", "ziekmelding_uwv", "Datum melding", d(on)))
    assert ("deadline.ziekmelding_uwv" in found) is late
    if late:
        assert found["deadline.ziekmelding_uwv"].week == 43


@pytest.mark.parametrize("week, late", [(45, True), (46, False), (52, False), (53, True)])
def test_eerstejaarsevaluatie_window(week, late):
    on = day(7 * (week - 1)) if week <= 46 else last_day_of_week(week) if week == 52 else day(7 * (week - 1))
    found = findings(eje(on))
    assert ("deadline.eerstejaarsevaluatie" in found) is late


@pytest.mark.parametrize("days, late", [(42, False), (43, True)])
def test_spoor2_start(days, late):
    held = day(7 * 50)
    plan = doc("plan.pdf", "spoor2_plan", f"Datum plan {d(held + timedelta(days + 3))}",
               f"Startdatum traject: {d(held + timedelta(days))} (intakegesprek)")
    found = findings(eje(held), plan)
    assert ("deadline.spoor2_start" in found) is late
    if late:
        f = found["deadline.spoor2_start"]
        assert "6 weken" in f.message and "43 dagen" in f.message and f.reading and f.rule == "deadline.spoor2_start.v1"
        assert {e.document for e in f.evidence} == {"plan.pdf", "eje.docx"}


def test_spoor2_start_from_the_plan_date_when_no_start_is_named():
    held = day(7 * 50)
    plan = doc("plan.pdf", "spoor2_plan", f"Datum plan {d(held + timedelta(70))}")
    assert "deadline.spoor2_start" in findings(eje(held), plan)


@pytest.mark.parametrize("days, late", [(56, False), (57, True)])
def test_belastbaarheid_na_eje(days, late):
    held = day(7 * 50)
    fml = doc("fml.pdf", "fml", f"Datum onderzoek {d(held + timedelta(30))}")
    plan = doc("plan.pdf", "spoor2_plan", f"Datum plan {d(held + timedelta(30 + days))}",
               f"Het traject is gestart op {d(held + timedelta(30 + days))}")
    found = findings(eje(held), fml, plan)
    assert ("deadline.belastbaarheid_na_eje" in found) is late


@pytest.mark.parametrize("days, late", [(92, False), (93, True)])
def test_actueel_oordeel_age(days, late):
    wia = day(7 * 90)
    ao = doc("ao.pdf", "actueel_oordeel", f"Datum oordeel {d(wia - timedelta(days))}")
    riv = doc("riv.docx", "riv", f"Datum verslag | {d(wia - timedelta(2))}", f"Datum WIA-aanvraag | {d(wia)}")
    found = findings(ao, riv)
    assert ("deadline.actueel_oordeel" in found) is late
    if late:
        f = found["deadline.actueel_oordeel"]
        assert f.practice_norm and "3 maanden" in f.reading and "93 dagen" in f.message


@pytest.mark.parametrize("week, late", [(93, False), (94, True)])
def test_wia_aanvraag(week, late):
    on = last_day_of_week(93) if not late else day(7 * 93)
    found = findings(doc("riv.docx", "riv", f"Datum verslag | {d(on)}"))
    assert ("deadline.wia_aanvraag" in found) is late


def test_no_first_sick_day_no_week_findings():
    lone = AuditedDocument(Document("pa.pdf", "text", (Page(1, (Block("paragraph", "Datum probleemanalyse 01-09-2024", 1),)),)),
                           "probleemanalyse", 1.0, (), (DateFact(date(2024, 9, 1), "01-09-2024", 1, ""),))
    lone = replace(lone, doc_date=document_date(lone, CL))
    assert "deadline.probleemanalyse" not in findings(lone)


def test_belastbaarheid_na_eje_not_when_an_earlier_fml_is_cited():
    held = day(7 * 50)
    fml = doc("fml.pdf", "fml", f"Datum onderzoek {d(held + timedelta(30))}")
    plan = doc("plan.pdf", "spoor2_plan", f"Datum plan {d(held + timedelta(100))}",
               f"Volgens de FML van {d(held - timedelta(20))} is zij beperkt in tillen.",
               f"Het traject is gestart op {d(held + timedelta(100))}")
    assert "deadline.belastbaarheid_na_eje" not in findings(eje(held), fml, plan)
