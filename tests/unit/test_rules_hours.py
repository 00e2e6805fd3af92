"""consistency.* rules on hour figures, with HoursFacts as the hours extractor reports them
(value, unit, role, steps). Near misses: '4 uur per dag' against '20 uur per week' is the same."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from audit.checklist import load_checklists
from audit.extract.events import build_timeline, document_date
from audit.model import AuditedDocument, Block, DateFact, Document, HoursFact, HoursStep, Page
from audit.rules import run_rules

CL = load_checklists()
DATE = re.compile(r"\b(\d{2})-(\d{2})-(\d{4})\b")


def hours(text: str, value: float, unit: str, role: str | None, steps=(), limit=None) -> HoursFact:
    return HoursFact(value, unit, text, 1, f"... {text} ...", role=role, steps=tuple(steps), limit=limit)


def doc(path: str, doc_type: str, *lines: str, facts=()) -> AuditedDocument:
    lines = ("Eerste ziektedag | 20-11-2023", *lines)
    dates = [DateFact(date(int(m[3]), int(m[2]), int(m[1])), m.group(0), 1, t, document=path)
             for t in lines for m in DATE.finditer(t)]
    page = Page(1, tuple(Block("paragraph", t, 1) for t in lines))
    located = tuple(replace(h, document=path) for h in facts)
    a = AuditedDocument(Document(path, "text", (page,)), doc_type, 1.0, (), tuple(dates), (), located)
    return replace(a, doc_date=document_date(a, CL))


def findings(*docs: AuditedDocument) -> dict:
    timeline = build_timeline(docs, CL)
    peildatum = max(a.doc_date for a in docs if a.doc_date)
    return {f.id: f for f in run_rules(list(docs), timeline, peildatum, CL)}


def plan(*facts: HoursFact, text: str = "Zoekprofiel: functies in de logistiek.") -> AuditedDocument:
    return doc("plan.pdf", "spoor2_plan", "Datum plan 29-11-2024", text, facts=facts)


@pytest.mark.parametrize("fml, zoek, flagged", [
    (hours("4 uur per dag", 4, "per_day", "fml"), hours("20 uur per week", 20, "per_week", "zoekprofiel"), False),
    (hours("6 uur per dag", 6, "per_day", "fml"), hours("16 uur/week", 16, "per_week", "zoekprofiel"), True),
    (hours("6 uur per dag", 6, "per_day", "fml"), hours("30 uur per week", 30, "per_week", "zoekprofiel"), False),
    (hours("28 uur", 28, "per_week", "fml"), hours("27,5 uur per week", 27.5, "per_week", "zoekprofiel"), True),
])
def test_uren_zoekprofiel_vs_fml_in_the_same_plan(fml, zoek, flagged):
    found = findings(plan(fml, zoek))
    assert ("consistency.uren_zoekprofiel_vs_fml" in found) is flagged
    if flagged:
        f = found["consistency.uren_zoekprofiel_vs_fml"]
        assert "{" not in f.message and f.document == "plan.pdf"


def test_uren_zoekprofiel_vs_the_latest_fml_document():
    fml = doc("fml.pdf", "fml", "Datum onderzoek 30-09-2024", facts=[hours("5 uur per dag", 5, "per_day", "fml")])
    assert "consistency.uren_zoekprofiel_vs_fml" in findings(fml, plan(hours("12 uur per week", 12, "per_week", "zoekprofiel")))
    assert "consistency.uren_zoekprofiel_vs_fml" not in findings(fml, plan(hours("25 uur per week", 25, "per_week", "zoekprofiel")))


def test_no_urenbeperking_or_a_reason_keeps_it_quiet():
    none = HoursFact(None, None, "geen urenbeperking", 1, "geen urenbeperking", role="fml", limit="none")
    assert "consistency.uren_zoekprofiel_vs_fml" not in findings(plan(none, hours("32 uur per week", 32, "per_week", "zoekprofiel")))
    reasoned = replace(hours("16 uur per week", 16, "per_week", "zoekprofiel"),
                       quote="16 uur per week, bewust lager dan de benutbare mogelijkheden omdat hij daarnaast scholing volgt")
    assert "consistency.uren_zoekprofiel_vs_fml" not in findings(plan(hours("6 uur per dag", 6, "per_day", "fml"), reasoned))


SCHEMA = hours("2 x 2 uur per week", 4, "per_week", "fml",
               steps=[HoursStep(1, 2, 4), HoursStep(3, 4, 9), HoursStep(5, 8, 20)])


def test_urenopbouw_niet_gevolgd():
    fml = doc("fml.pdf", "fml", "Datum onderzoek 21-10-2024", facts=[SCHEMA])
    fixed = plan(hours("4 uur per week", 4, "per_week", "zoekprofiel"))
    found = findings(fml, fixed)
    assert "consistency.urenopbouw_niet_gevolgd" in found
    assert "20 uur per week" in found["consistency.urenopbouw_niet_gevolgd"].message
    followed = doc("bijstelling.docx", "bijstelling_pva", "Datum bijstelling 13-11-2024",
                   facts=[hours("2 x 2 uur", 4, "per_week", "worked", steps=SCHEMA.steps)])
    assert "consistency.urenopbouw_niet_gevolgd" not in findings(fml, followed)
    at_target = plan(hours("20 uur per week", 20, "per_week", "zoekprofiel"))
    assert "consistency.urenopbouw_niet_gevolgd" not in findings(fml, at_target)


def test_zoekprofiel_niet_aangepast_after_a_new_fml():
    old = doc("fml1.pdf", "fml", "Datum onderzoek 17-06-2024", facts=[hours("12 uur per week", 12, "per_week", "fml")])
    new = doc("fml2.pdf", "fml", "Datum onderzoek 04-11-2024", facts=[hours("4 uur per dag", 4, "per_day", "fml")])
    kept = doc("vgr2.docx", "spoor2_voortgang", "Datum rapportage 16-12-2024",
               facts=[hours("12 uur per week", 12, "per_week", "zoekprofiel")])
    adjusted = doc("vgr2.docx", "spoor2_voortgang", "Datum rapportage 16-12-2024",
                   facts=[hours("20 uur per week", 20, "per_week", "zoekprofiel")])
    assert "consistency.zoekprofiel_niet_aangepast" in findings(old, new, kept)
    assert "consistency.zoekprofiel_niet_aangepast" not in findings(old, new, adjusted)


def test_wep_urenopbouw():
    flat = doc("vgr3.pdf", "spoor2_voortgang", "Datum rapportage 24-01-2025",
               "Sylvia werkt sinds 07-10-2024 op een werkervaringsplek, 2 x 3 uur per week.",
               "Dit is in deze rapportageperiode ongewijzigd gebleven.",
               facts=[hours("2 x 3 uur per week", 6, "per_week", "wep")])
    assert "consistency.wep_urenopbouw" in findings(flat)
    built = doc("vgr2.pdf", "spoor2_voortgang", "Datum rapportage 18-10-2024",
                "Werkervaringsplek bij Meerzicht; de uren worden volgens schema opgebouwd tot 5 x 6 uur per week.",
                facts=[hours("5 x 6 uur per week", 30, "per_week", "wep")])
    assert "consistency.wep_urenopbouw" not in findings(built)


def test_wep_hours_that_change_between_reports_are_a_build_up():
    first = doc("vgr1.pdf", "spoor2_voortgang", "Datum rapportage 10-09-2024",
                "Start op een werkervaringsplek bij de fietsenmaker, 3 x 3 uur per week.",
                facts=[hours("3 x 3 uur per week", 9, "per_week", "wep")])
    second = doc("vgr2.pdf", "spoor2_voortgang", "Datum rapportage 05-11-2024",
                 "De werkervaringsplek is nu 4 x 5 uur per week.",
                 facts=[hours("4 x 5 uur per week", 20, "per_week", "wep")])
    assert "consistency.wep_urenopbouw" not in findings(first, second)
    same = doc("vgr2.pdf", "spoor2_voortgang", "Datum rapportage 05-11-2024",
               "De werkervaringsplek is nog steeds 3 x 3 uur per week.",
               facts=[hours("3 x 3 uur per week", 9, "per_week", "wep")])
    assert "consistency.wep_urenopbouw" in findings(first, same)


def test_a_placement_at_full_hours_or_only_planned_is_no_missing_build_up():
    full = doc("vgr.pdf", "spoor2_voortgang", "Datum rapportage 05-11-2024",
               "Op de werkervaringsplek werkt zij 5 x 4 uur, gelijk aan haar belastbaarheid.",
               facts=[hours("5 x 4 uur", 20, "per_week", "wep")])
    assert "consistency.wep_urenopbouw" not in findings(full)
    planned = doc("vgr.pdf", "spoor2_voortgang", "Datum rapportage 05-11-2024",
                  "Komende periode: solliciteren op 32 uur per week en de mogelijkheden voor een proefplaatsing onderzoeken.",
                  facts=[hours("32 uur per week", 32, "per_week", "zoekprofiel")])
    assert "consistency.wep_urenopbouw" not in findings(planned)


def test_an_untagged_schema_in_the_fml_beside_a_tagged_target():
    fml = doc("fml.pdf", "fml", "Datum onderzoek 21-10-2024",
              facts=[hours("20 uur per week", 20, "per_week", "fml"), replace(SCHEMA, role=None)])
    found = findings(fml, plan(hours("4 uur per week", 4, "per_week", "zoekprofiel")))
    assert {"consistency.urenopbouw_niet_gevolgd", "consistency.uren_zoekprofiel_vs_fml"} <= set(found)
