"""Dossier 'dossier-zip': a drugstore's first-year file, e-mailed as one ZIP (PDF and DOCX).

Planted: the 42e-weeksmelding was made in week 45 (late), shown only by a logboek entry.
Near-misses: probleemanalyse in week 5, plan van aanpak 10 days later, evaluations 34-41 days
apart, eerstejaarsevaluatie in week 48.
"""
from __future__ import annotations

from datetime import date

from .bureau import personal
from .core import KV, Doc, Dossier, H, P, Person, Sig, Table, bsn_from, dmy, dmy1, long

FOLDER = "Verzuimdossier A. Brinkman"
WERKNEMER = Person("Anouk", "Brinkman", "v", bsn_from("24851739"), date(1988, 4, 22),
                   "Ringbaan-Oost 214", "5013 CD", "Tilburg", "013-5820417", "anouk.brinkman@example.nl")
WERKGEVER = "Drogisterij Van Hal B.V."
LEIDINGGEVENDE = "Marloes van Hal"
BA = "R. Pinas, bedrijfsarts"
ARBO = "ArboSamen Brabant"

FIRST = date(2024, 1, 15)
PA = date(2024, 2, 13)  # week 5
PVA = date(2024, 2, 23)  # week 6
EVALS = [date(2024, 3, 28), date(2024, 5, 2), date(2024, 6, 11), date(2024, 7, 18), date(2024, 8, 27),
         date(2024, 10, 7), date(2024, 11, 14)]
FML = date(2024, 9, 10)
MELDING = date(2024, 11, 18)  # week 45: late
EJE = date(2024, 12, 9)  # week 48


def probleemanalyse() -> Doc:
    w = WERKNEMER
    doc = Doc("01 Probleemanalyse bedrijfsarts.pdf", "probleemanalyse", "pdf", "Probleemanalyse",
              header=f"{ARBO} | Vertrouwelijk - alleen voor werkgever en werknemer",
              footer=f"Probleemanalyse {w.initial_name}", seed=41)
    start = doc.hour("3 x 4 uur per week", 12, "per_week")
    doc.add(
        KV((("Werknemer", w.full), ("BSN", w.bsn), ("Werkgever", WERKGEVER),
            ("Eerste ziektedag", doc.date(FIRST)), ("Datum", doc.date(PA, long)), ("Bedrijfsarts", BA))),
        H("Beperkingen"),
        P("Mevrouw is beperkt in concentratie en in het omgaan met drukte en conflicten. Fysiek zijn er "
          "geen beperkingen."),
        H("Prognose"),
        P("Ik verwacht dat zij binnen enkele maanden haar werk geleidelijk kan hervatten."),
        H("Advies"),
        P(f"Start met rustige taken (bijvullen, voorraadbeheer), {start}, zonder kassadienst. Stel binnen "
          f"twee weken een plan van aanpak op. Volgend consult op {doc.date(date(2024, 3, 12))}."),
        Sig((("Bedrijfsarts", BA, dmy(PA), True),)),
    )
    return doc


def plan_van_aanpak() -> Doc:
    w = WERKNEMER
    doc = Doc("02 Plan van aanpak.docx", "plan_van_aanpak", "docx", "Plan van aanpak", header=WERKGEVER)
    contract = doc.hour("28 uur per week", 28, "per_week")
    start = doc.hour("3 x 4 uur per week", 12, "per_week")
    doc.add(
        KV((("Naam werknemer", w.full), ("BSN", w.bsn), ("Functie", f"Drogist, {contract}"),
            ("Eerste ziektedag", doc.date(FIRST, long)), ("Probleemanalyse", doc.date(PA)),
            ("Datum plan van aanpak", doc.date(PVA)))),
        H("Doel"), P("Volledige terugkeer in het eigen werk als drogist."),
        H("Activiteiten"),
        P(f"Anouk werkt {start} in de ochtend, met bijvullen en voorraadbeheer. Zij volgt gesprekken bij "
          "een psycholoog via de huisarts. De kassadienst komt later terug."),
        H("Evaluatie en contact"),
        P(f"Wij evalueren iedere vijf tot zes weken; eerste evaluatie eind maart 2024. Aanspreekpunt: "
          f"{LEIDINGGEVENDE}."),
        Sig((("Werkgever", LEIDINGGEVENDE, dmy(PVA), True), ("Werknemer", w.full, dmy(PVA), True))),
    )
    return doc


def logboek() -> Doc:
    w = WERKNEMER
    doc = Doc("03 Logboek re-integratie.docx", "logboek", "docx", f"Logboek re-integratie {w.full}",
              header=WERKGEVER, headings=False)
    h12 = doc.hour("3 x 4 uur per week", 12, "per_week")
    h16 = doc.hour("4 x 4 uur per week", 16, "per_week")
    h5 = doc.hour("5 uur per dag", 5, "per_day")
    notes = [f"Evaluatie: werkt {h12}, gaat goed.", f"Evaluatie: opbouw naar {h16}.",
             f"Evaluatie: werkt {h16}, ook een kassadienst per week.", "Evaluatie: vakantie besproken, uren gelijk.",
             "Evaluatie: terugval na drukke zomer, uren gelijk gehouden.",
             f"Evaluatie: FML besproken, opbouw naar {h5}.", f"Evaluatie: werkt {h5}, stabiel."]
    rows = [(dmy(FIRST), "Ziekmelding bij leidinggevende", LEIDINGGEVENDE),
            (dmy(PA), "Probleemanalyse bedrijfsarts ontvangen", LEIDINGGEVENDE),
            (dmy(PVA), "Plan van aanpak opgesteld en ondertekend", LEIDINGGEVENDE)]
    rows += [(dmy(day), note, LEIDINGGEVENDE) for day, note in zip(EVALS[:5], notes[:5])]
    rows += [(dmy(FML), "FML van de bedrijfsarts ontvangen", LEIDINGGEVENDE)]
    rows += [(dmy(EVALS[5]), notes[5], LEIDINGGEVENDE), (dmy(EVALS[6]), notes[6], LEIDINGGEVENDE),
             (doc.date(MELDING), "Ziekmelding 42e week bij UWV gedaan (herinnering arbodienst was gemist)",
              "P&O")]
    doc.add(KV((("Werknemer", w.full), ("Eerste ziektedag", doc.date(FIRST, dmy1)))),
            Table(("Datum", "Activiteit", "Door"), tuple(rows)))
    return doc


def fml() -> Doc:
    doc = Doc("04 FML Brinkman.pdf", "fml", "pdf", "Functionele Mogelijkhedenlijst",
              header=f"{ARBO} | FML", footer="FML - ArboSamen Brabant", seed=44)
    hours = doc.hour("5 uur per dag", 5, "per_day")
    doc.add(
        KV((("Werknemer", WERKNEMER.full), ("BSN", WERKNEMER.bsn), ("Eerste ziektedag", doc.date(FIRST)),
            ("Datum FML", doc.date(FML)), ("Bedrijfsarts", BA))),
        H("Rubriek I - Persoonlijk functioneren"),
        P("Beperkt: concentreren op één taak kan; verdelen van aandacht en hoog handelingstempo niet."),
        H("Rubriek II - Sociaal functioneren"),
        P("Beperkt: conflicthantering en omgaan met emotionele problemen van anderen."),
        H("Rubriek VI - Werktijden"),
        P(f"Benutbare mogelijkheden: {hours}. Motivering: energetische beperking; herbeoordeling over drie maanden."),
        Sig((("Bedrijfsarts", BA, dmy(FML), True),)),
    )
    return doc


def eerstejaarsevaluatie() -> Doc:
    w = WERKNEMER
    doc = Doc("05 Eerstejaarsevaluatie.docx", "eerstejaarsevaluatie", "docx", "Eerstejaarsevaluatie",
              header=WERKGEVER)
    h5 = doc.hour("5 uur per dag", 5, "per_day")
    contract = doc.hour("28 uur per week", 28, "per_week")
    doc.add(
        KV((("Werknemer", w.full), ("BSN", w.bsn), ("Eerste ziektedag", doc.date(FIRST)),
            ("Datum eerstejaarsevaluatie", doc.date(EJE, long)),
            ("Aanwezig", f"{w.full}, {LEIDINGGEVENDE}, {BA}"))),
        H("Terugblik op het eerste ziektejaar"),
        P(f"Anouk werkt nu {h5} in het eigen werk, zonder avonddiensten. Haar contract is {contract}."),
        H("Re-integratieresultaat"),
        P("Volledige terugkeer in het eigen werk is binnen het tweede ziektejaar nog niet zeker. Wij vragen "
          "een arbeidsdeskundig onderzoek aan en besluiten daarna binnen zes weken over een tweede spoor."),
        H("Mening van de werknemer"),
        P("Anouk is tevreden over de begeleiding en wil graag in haar eigen functie blijven."),
        Sig((("Werkgever", LEIDINGGEVENDE, dmy(EJE), True), ("Werknemer", w.full, dmy(EJE), True))),
    )
    return doc


def dossier() -> Dossier:
    d = Dossier("dossier-zip", FIRST, [probleemanalyse(), plan_van_aanpak(), logboek(), fml(),
                                       eerstejaarsevaluatie()])
    assert d.week(PA) == 5 and d.week(PVA) == 6 and (PVA - PA).days <= 14
    moments = [PVA, *EVALS, EJE]
    assert max((b - a).days for a, b in zip(moments, moments[1:])) <= 41
    assert d.week(MELDING) == 45 and d.week(EJE) == 48
    d.riv_present = ["riv.probleemanalyse", "riv.plan_van_aanpak", "riv.evaluaties", "riv.ziekmelding_uwv",
                     "riv.eerstejaarsevaluatie", "riv.fml"]
    # week 48: past the eerstejaarsevaluatie window, the RIV's end parts count as still to deliver
    # (checklists/riv.yaml); the tweede spoor is not due before week 58
    d.riv_missing = ["riv.gegevens_en_ondertekening", "riv.actueel_oordeel", "riv.eindevaluatie"]
    d.riv_not_yet_due = ["riv.spoor2"]
    d.findings = ["deadline.ziekmelding_uwv"]
    d.not_findings = ["deadline.probleemanalyse", "deadline.plan_van_aanpak", "deadline.evaluatie_interval",
                      "deadline.eerstejaarsevaluatie", "consistency.eerste_ziektedag_verschilt",
                      "consistency.medische_gegevens"]
    d.personal = personal(WERKNEMER)
    return d
