"""consistency.* rules on sollicitaties, the course of the tweede spoor, diagnoses and the
eerste ziektedag: a case on each side of every threshold. Dossiers are built here and go
through the real timeline and rules."""
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
FIRST = date(2023, 6, 12)
START = date(2024, 6, 3)
HEADER = "Datum | Werkgever | Functie | Wijze | Resultaat"


def d(day: date) -> str:
    return day.strftime("%d-%m-%Y")


def doc(path: str, doc_type: str, *lines: str, first: date = FIRST) -> AuditedDocument:
    lines = (f"Eerste ziektedag | {d(first)}", *lines)
    facts = [DateFact(date(int(m[3]), int(m[2]), int(m[1])), m.group(0), 1, t, document=path)
             for t in lines for m in DATE.finditer(t)]
    page = Page(1, tuple(Block("paragraph", t, 1) for t in lines))
    a = AuditedDocument(Document(path, "text", (page,)), doc_type, 1.0, (), tuple(facts))
    return replace(a, doc_date=document_date(a, CL))


def findings(*docs: AuditedDocument) -> dict:
    timeline = build_timeline(docs, CL)
    peildatum = max(a.doc_date for a in docs if a.doc_date)
    return {f.id: f for f in run_rules(list(docs), timeline, peildatum, CL)}


def eindrapport(days: list[int], *extra: str, looptijd: int | None = None, report_day: int | None = None,
                sender: str | None = None) -> AuditedDocument:
    """A spoor-2 eindrapportage with one application on each day offset from START."""
    end = START + timedelta(days=looptijd if looptijd is not None else max(days) + 3)
    header = HEADER + (" | Verstuurd door" if sender else "")
    rows = [f"{d(START + timedelta(n))} | Bedrijf{n} | Medewerker | Online | Afgewezen" + (f" | {sender}" if sender else "")
            for n in days]
    on = START + timedelta(days=report_day) if report_day is not None else end + timedelta(days=5)
    return doc("eind.docx", "spoor2_eind", f"Looptijd traject | {d(START)} t/m {d(end)}",
               f"Datum eindrapportage | {d(on)}", *extra, header, *rows)


@pytest.mark.parametrize("gap, flagged", [(28, False), (29, True)])
def test_sollicitatie_gat(gap, flagged):
    days = [0, 4, 8, 12, 16, 16 + gap, 20 + gap, 24 + gap]
    found = findings(eindrapport(days, looptijd=30 + gap))
    assert ("consistency.sollicitatie_gat" in found) is flagged
    if flagged:
        f = found["consistency.sollicitatie_gat"]
        assert "29 dagen" in f.message and f.practice_norm and len(f.evidence) == 2


def test_sollicitatie_gat_after_the_last_application_until_the_report():
    report = doc("vgr.docx", "spoor2_voortgang", f"Datum rapportage | {d(START + timedelta(60))}",
                 f"Miriam heeft drie keer gesolliciteerd, de laatste keer op {d(START + timedelta(20))}.",
                 "Sindsdien zijn er geen sollicitaties meer verstuurd.")
    assert "consistency.sollicitatie_gat" in findings(report)
    report = doc("vgr.docx", "spoor2_voortgang", f"Datum rapportage | {d(START + timedelta(48))}",
                 f"Miriam heeft drie keer gesolliciteerd, de laatste keer op {d(START + timedelta(20))}.",
                 "Sindsdien zijn er geen sollicitaties meer verstuurd.")
    assert "consistency.sollicitatie_gat" not in findings(report)  # 28 days: in time
    listing = doc("vgr.docx", "spoor2_voortgang", f"Datum rapportage | {d(START + timedelta(60))}",
                  f"Miriam heeft drie keer gesolliciteerd, de laatste keer op {d(START + timedelta(20))}.")
    assert "consistency.sollicitatie_gat" not in findings(listing)  # no statement of silence


@pytest.mark.parametrize("count, flagged", [(10, False), (9, True)])
def test_sollicitatie_frequentie_over_the_traject(count, flagged):
    days = [7 * n for n in range(count)]
    found = findings(eindrapport(days, looptijd=70))  # 10 weeks
    assert ("consistency.sollicitatie_frequentie" in found) is flagged
    if flagged:
        assert "9 sollicitaties in 10 weken" in found["consistency.sollicitatie_frequentie"].message


def test_sollicitatie_frequentie_over_the_reporting_period_of_a_voortgangsrapportage():
    rows = [f"{d(date(2024, 11, 18) + timedelta(7 * n))} | Bedrijf{n} | Medewerker | Online | Afgewezen" for n in range(9)]
    report = doc("vgr3.pdf", "spoor2_voortgang", "Start traject 16-09-2024", "Datum rapportage 24-01-2025",
                 "Rapportageperiode: 18-11-2024 tot en met 17-01-2025.", HEADER, *rows)
    assert "consistency.sollicitatie_frequentie" not in findings(report)


def test_namens_werknemer_by_column_and_by_sentence():
    assert "consistency.namens_werknemer" in findings(eindrapport([0, 5, 10], sender="Jobhunter namens"))
    assert "consistency.namens_werknemer" not in findings(eindrapport([0, 5, 10], sender="Werknemer zelf"))
    said = eindrapport([0, 5, 10], "In deze periode zijn 5 sollicitaties verstuurd, waarvan er 3 door onze jobhunter namens Dennis.",
                       "Ook de volgende twee zijn door de jobhunter verstuurd.")
    assert "consistency.namens_werknemer" in findings(said)
    own = eindrapport([0, 5, 10], "Alle sollicitaties zijn door Marloes zelf verstuurd.")
    assert "consistency.namens_werknemer" not in findings(own)


@pytest.mark.parametrize("sentence, flagged", [
    ("Route 2 Werk heeft het traject stilgelegd omdat Miriam een deskundigenoordeel heeft aangevraagd.", True),
    ("Het traject is op advies van de bedrijfsarts vier weken getemporiseerd.", False),
    ("Het traject is stilgelegd zonder advies van de bedrijfsarts.", True),
    ("Het traject loopt volgens plan.", False),
])
def test_spoor2_stilgelegd(sentence, flagged):
    report = doc("vgr.docx", "spoor2_voortgang", "Datum rapportage | 25-11-2024", sentence)
    assert ("consistency.spoor2_stilgelegd" in findings(report)) is flagged


def test_haalbaarheidsonderzoek_only_without_sollicitaties():
    plan = ["Datum plan 01-07-2024", "Gekozen is voor een haalbaarheidsonderzoek van drie maanden."]
    assert "consistency.haalbaarheidsonderzoek" in findings(doc("plan.pdf", "spoor2_plan", *plan))
    with_apps = eindrapport([0, 5, 10], "Na een haalbaarheidsonderzoek is gestart met solliciteren.")
    assert "consistency.haalbaarheidsonderzoek" not in findings(with_apps)


@pytest.mark.parametrize("days, flagged", [(28, False), (29, True)])
def test_arbeidstherapie_te_lang(days, flagged):
    begin = date(2024, 3, 4)
    line = f"Werkt arbeidstherapeutisch van {d(begin)} t/m {d(begin + timedelta(days))} in de eigen functie."
    found = findings(doc("log.pdf", "logboek", "Stand per 01-05-2024", line))
    assert ("consistency.arbeidstherapie_te_lang" in found) is flagged


def test_arbeidstherapie_with_loonwaarde_is_quiet():
    line = "Werkt arbeidstherapeutisch van 04-03-2024 t/m 30-04-2024; loonwaarde vastgesteld op 50%."
    assert "consistency.arbeidstherapie_te_lang" not in findings(doc("log.pdf", "logboek", "Stand per 01-05-2024", line))


def test_medische_gegevens_in_an_employer_document_not_in_the_bedrijfsarts_own():
    line = "Werknemer is uitgevallen met een burn-out en wordt behandeld door een psycholoog."
    assert "consistency.medische_gegevens" in findings(doc("pva.docx", "plan_van_aanpak", "Datum plan van aanpak 01-08-2023", line))
    assert "consistency.medische_gegevens" not in findings(doc("pa.pdf", "probleemanalyse", "Datum probleemanalyse 01-08-2023", line))
    clean = "Medische gegevens zijn niet opgenomen. Beperkt in tillen en bukken."
    assert "consistency.medische_gegevens" not in findings(doc("pva.docx", "plan_van_aanpak", "Datum plan van aanpak 01-08-2023", clean))


def test_eerste_ziektedag_verschilt():
    one = doc("pa.pdf", "probleemanalyse", "Datum probleemanalyse 01-08-2023")
    two = doc("pva.docx", "plan_van_aanpak", "Datum plan van aanpak 10-08-2023")
    assert "consistency.eerste_ziektedag_verschilt" not in findings(one, two)
    other = doc("fml.pdf", "fml", "Datum onderzoek 01-12-2023", first=FIRST + timedelta(days=7))
    f = findings(one, two, other)["consistency.eerste_ziektedag_verschilt"]
    assert d(FIRST) in f.message and d(FIRST + timedelta(days=7)) in f.message


def test_loon_opgeschort_is_no_stillegging_of_the_traject():
    riv = doc("riv.docx", "riv", "Datum verslag | 01-06-2025",
              "Na de schriftelijke waarschuwing is de loonbetaling opgeschort tot werknemer weer meewerkt.")
    assert "consistency.spoor2_stilgelegd" not in findings(riv)


def test_namens_in_another_context_is_no_application_by_the_bureau():
    riv = doc("riv.docx", "riv", "Datum verslag | 01-06-2025",
              "De casemanager heeft namens de werknemer een deskundigenoordeel aangevraagd.",
              "Ook het bezwaar is namens de werknemer ingediend.")
    assert "consistency.namens_werknemer" not in findings(riv)
