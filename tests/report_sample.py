"""A fully populated DossierReport for the report tests (and anyone else who renders one).

Built from the model types only, like the pipeline builds it: several documents (one bundled
PDF in two parts, one unreadable file), components of every status, findings of every
severity with evidence (and one without), a timeline with a first sick day, events placed by
date and by week, and sollicitaties with a gap. Nothing here is read from a file.
"""
from __future__ import annotations

from datetime import date, timedelta

from audit.model import (AuditedDocument, ComponentResult, DateFact, Document, DossierReport, Event,
                         Evidence, Finding, HoursFact, Page, Block, Timeline)

FIRST_SICK_DAY = date(2023, 1, 9)


def on_week(week: int, day: int = 2) -> date:
    return FIRST_SICK_DAY + timedelta(weeks=week - 1, days=day)


def _doc(path: str, fmt: str, pages: int, text: str, **kw) -> Document:
    return Document(path, fmt, tuple(Page(n, (Block("paragraph", f"{text} (p{n})", n),)) for n in range(1, pages + 1)),
                    **kw)


def _ev(doc: str, page: int, quote: str) -> Evidence:
    return Evidence(doc, page, quote)


def sample_documents() -> tuple[AuditedDocument, ...]:
    pa = AuditedDocument(_doc("01_probleemanalyse.pdf", "pdf", 2, "Probleemanalyse"), "probleemanalyse", 0.93,
                         dates=(DateFact(on_week(9), "14-03-2023", 1, "Datum: 14-03-2023"),),
                         doc_date=on_week(9))
    pva = AuditedDocument(_doc("02_plan van aanpak.docx", "docx", 1, "Plan van aanpak"), "plan_van_aanpak", 0.88,
                          hours=(HoursFact(4.0, "per_day", "4 uur per dag", 1, "maximaal 4 uur per dag", "fml"),),
                          doc_date=on_week(11))
    plan = AuditedDocument(
        _doc("bundel.pdf", "pdf", 3, "Trajectplan", part=1, page_range=(1, 3)), "spoor2_plan", 0.81,
        components=(
            ComponentResult("spoor2_plan.zoekprofiel", "present", (_ev("bundel.pdf", 2, "Zoekrichting: administratief medewerker, receptionist"),)),
            ComponentResult("spoor2_plan.urenomvang", "weak", (_ev("bundel.pdf", 3, "uren in overleg"),),
                            "De urenomvang wordt genoemd maar niet met de belastbaarheid vergeleken.",
                            "The hours are mentioned but not compared with the capacity."),
            ComponentResult("spoor2_plan.arbeidsmarktanalyse", "missing", (),
                            "Er is geen arbeidsmarktanalyse gevonden.", "No labour market analysis was found."),
            ComponentResult("spoor2_plan.ondertekening", "not_yet_due"),
            ComponentResult("spoor2_plan.contactafspraken", "not_applicable"),
        ),
        doc_date=on_week(63))
    progress = AuditedDocument(
        _doc("bundel.pdf", "pdf", 2, "Voortgang", part=2, page_range=(4, 5),
             warnings=("Koptekst en voettekst zijn weggelaten.",)), "spoor2_voortgang", 0.77,
        components=(ComponentResult("spoor2_voortgang.sollicitaties", "present", (_ev("bundel.pdf", 5, "Sollicitaties: 6 <b>&amp;</b> 'tekst'"),)),
                    ComponentResult("spoor2_voortgang.wep", "missing", (), "Geen opbouw in uren beschreven.",
                                    "No build-up in hours described.", practice_norm=True)),
        doc_date=on_week(75))
    broken = AuditedDocument(Document("scan_onleesbaar.pdf", "scan", (), error="Het bestand is versleuteld; geef het wachtwoord op.",
                                      error_code="encrypted"), "overig", 0.0)
    return pa, pva, plan, progress, broken


def sample_events() -> tuple[Event, ...]:
    events = [
        Event("probleemanalyse", on_week(9), 9, _ev("01_probleemanalyse.pdf", 1, "Datum: 14-03-2023")),
        Event("plan_van_aanpak", on_week(11), 11, _ev("02_plan van aanpak.docx", 1, "Opgesteld op 28 maart 2023")),
        Event("ziekmelding_uwv", None, 42, None),
        Event("eerstejaarsevaluatie", on_week(50), 50, None),
        Event("spoor2_start", on_week(63), 63, _ev("bundel.pdf", 1, "Startdatum traject: 29 maart 2024")),
    ]
    # sollicitaties in weeks 64-70 and 78-80: weeks 71-77 are a gap of 7 weeks
    events += [Event("sollicitatie", on_week(w), w, _ev("bundel.pdf", 5, f"Sollicitatie week {w}"))
               for w in [*range(64, 71), *range(78, 81)]]
    return tuple(events)


def sample_findings() -> tuple[Finding, ...]:
    return (
        Finding("deadline.spoor2_start", "high", "Tweede spoor gestart in week 63, uiterlijk week 56 (6 weken na de eerstejaarsevaluatie in week 50).",
                (_ev("bundel.pdf", 1, "Startdatum traject: 29 maart 2024"),),
                "Track 2 started in week 63, due by week 56 (6 weeks after the first-year evaluation in week 50).",
                "deadline.spoor2_start.v1", "Werkwijzer Poortwachter 4.3.1; [DOC-WW]", 63, "bundel.pdf",
                "zes weken na de eerstejaarsevaluatie"),
        Finding("consistency.sollicitatie_gat", "medium", "Geen sollicitaties van week 71 tot en met week 77 (7 weken).",
                (_ev("bundel.pdf", 5, "Sollicitatie week 70"), _ev("bundel.pdf", 5, "Sollicitatie week 78")),
                "No job applications from week 71 to week 77 (7 weeks).", "consistency.sollicitatie_gat.v1",
                "[DOC-MC]", 71, "bundel.pdf", practice_norm=True),
        Finding("deadline.plan_van_aanpak", "medium", "Plan van aanpak opgesteld in week 11, uiterlijk week 8.",
                (_ev("02_plan van aanpak.docx", 1, "Opgesteld op 28 maart 2023"),),
                "Action plan drawn up in week 11, due by week 8.", "deadline.plan_van_aanpak.v1",
                "Regeling procesgang eerste ziektejaar art. 3", 11, "02_plan van aanpak.docx"),
        Finding("spoor2_plan.arbeidsmarktanalyse", "low", "Het trajectplan bevat geen arbeidsmarktanalyse.",
                (), "The track 2 plan holds no labour market analysis.", None, "Werkwijzer Poortwachter 5.3",
                None, "bundel.pdf"),
    )


def sample_report(dossier: str = "dossiers/Bakker & Zn <test>") -> DossierReport:
    return DossierReport(
        dossier=dossier,
        documents=sample_documents(),
        timeline=Timeline(FIRST_SICK_DAY, sample_events(),
                          (_ev("01_probleemanalyse.pdf", 1, "Eerste ziektedag: 9 januari 2023"),),
                          ("Twee documenten noemen een andere eerste ziektedag.",)),
        components=(ComponentResult("riv.probleemanalyse", "present", (_ev("01_probleemanalyse.pdf", 1, "Probleemanalyse"),)),
                    ComponentResult("riv.eindevaluatie", "not_yet_due"),
                    ComponentResult("riv.mening_werknemer", "missing", (), "De mening van de werknemer ontbreekt.",
                                    "The employee's view is missing.")),
        findings=sample_findings(),
        peildatum=on_week(82),
        warnings=("Eén document kon niet gelezen worden.",),
        versions={"program": "0.1.0", "checklists": "abc123"},
    )


def empty_report() -> DossierReport:
    """The edge: nothing found at all (no first sick day, no documents read, no findings)."""
    return DossierReport("leeg", (), Timeline(None))
