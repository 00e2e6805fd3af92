"""Dossier 'wia-dossier': a complete file at the WIA-aanvraag, from probleemanalyse to
re-integratieverslag (the one the README screenshot shows).

Planted: the actueel oordeel is 139 days old at the WIA-aanvraag; the spoor-2 eindrapportage
gives no advies voor het vervolg. Near-misses: zoekprofiel 30 uur per week against 6 uur per dag
(equal), spoor 2 started 34 days after the eerstejaarsevaluatie, WIA-aanvraag in week 91.
"""
from __future__ import annotations

from datetime import date, timedelta

from .bureau import personal
from .core import KV, Bullets, Doc, Dossier, H, P, Person, Sig, Table, bsn_from, dmy, long

WERKNEMER = Person("Yvonne", "Kramer", "v", bsn_from("16240598"), date(1975, 7, 9),
                   "Hatertseweg 61", "6533 AC", "Nijmegen", "024-3567190", "yvonne.kramer@example.nl")
WERKGEVER = "Drukkerij Hendriks & Co B.V."
HR = "Bas Hendriks"
BA = "drs. L. Mulder, bedrijfsarts"
AD = "M. Kuipers, arbeidsdeskundige"
BUREAU = "Talentpad Re-integratie"
ADVISEUR = "Fleur de Wit"

FIRST = date(2023, 1, 9)
PA = date(2023, 2, 14)  # week 6
PVA = date(2023, 2, 24)  # week 7
EVALS = [date(2023, 4, 4), date(2023, 5, 12), date(2023, 6, 20), date(2023, 7, 28), date(2023, 9, 5),
         date(2023, 10, 13), date(2023, 11, 21)]
MELDING = date(2023, 10, 27)  # week 42
FML = date(2023, 11, 21)  # week 46
AD_DATE = date(2023, 12, 5)
EJE = date(2023, 12, 12)  # week 49
EVALS2 = [date(2024, 1, 19), date(2024, 2, 27), date(2024, 4, 5), date(2024, 5, 14), date(2024, 6, 21),
          date(2024, 7, 30), date(2024, 9, 6)]
S2_START = date(2024, 1, 15)  # EJE + 34 days
S2_END = date(2024, 8, 30)
S2_REPORT = date(2024, 9, 6)
AO = date(2024, 5, 14)  # actueel oordeel, 139 days before the WIA-aanvraag
EE = date(2024, 9, 17)  # eindevaluatie, week 89
WIA = date(2024, 9, 30)  # week 91


def _kv(doc: Doc, *extra) -> KV:
    w = WERKNEMER
    return KV((("Werknemer", w.full), ("BSN", w.bsn), ("Werkgever", WERKGEVER),
               ("Eerste ziektedag", doc.date(FIRST)), *extra))


def probleemanalyse() -> Doc:
    doc = Doc("01_Probleemanalyse.pdf", "probleemanalyse", "pdf", "Probleemanalyse",
              header="Arbo Oost | Probleemanalyse", footer="Probleemanalyse - vertrouwelijk", seed=51)
    h = doc.hour("3 x 3 uur per week", 9, "per_week")
    doc.add(_kv(doc, ("Datum probleemanalyse", doc.date(PA, long)), ("Bedrijfsarts", BA)),
            H("Beperkingen"), P("Beperkt in staan, lopen en tillen; zittend werk is beperkt mogelijk."),
            H("Prognose"), P("Langdurig verzuim wordt verwacht; terugkeer in het eigen werk is onzeker."),
            H("Advies"), P(f"Start met aangepast zittend werk, {h}. Plan van aanpak binnen twee weken."),
            Sig((("Bedrijfsarts", BA, dmy(PA), True),)))
    return doc


def plan_van_aanpak() -> Doc:
    doc = Doc("02_Plan_van_aanpak.docx", "plan_van_aanpak", "docx", "Plan van aanpak", header=WERKGEVER)
    contract = doc.hour("36 uur per week", 36, "per_week")
    h = doc.hour("3 x 3 uur per week", 9, "per_week")
    doc.add(_kv(doc, ("Functie", f"Operator drukpers, {contract}"), ("Datum", doc.date(PVA))),
            H("Doel"), P("Terugkeer in passend werk bij de drukkerij."),
            H("Afspraken"), P(f"Yvonne werkt {h} in de afwerking (zittend). Evaluatie iedere zes weken."),
            Sig((("Werkgever", HR, dmy(PVA), True), ("Werknemer", WERKNEMER.full, dmy(PVA), True))))
    return doc


def logboek() -> Doc:
    doc = Doc("03_Logboek_evaluaties.docx", "logboek", "docx", "Logboek re-integratie en evaluaties",
              header=WERKGEVER, headings=False)
    h9 = doc.hour("3 x 3 uur per week", 9, "per_week")
    h6 = doc.hour("6 uur per dag", 6, "per_day")
    rows = [(dmy(PVA), "Plan van aanpak opgesteld")]
    rows += [(dmy(d), f"Evaluatie: werkt {h9} zittend; geen verdere opbouw mogelijk.") for d in EVALS[:4]]
    rows += [(dmy(EVALS[4]), "Evaluatie: uren gelijk, wacht op nieuwe FML."),
             (dmy(EVALS[5]), "Evaluatie: uren gelijk."),
             (doc.date(MELDING), "Ziekmelding 42e week bij UWV gedaan"),
             (dmy(EVALS[6]), f"Evaluatie: FML ontvangen, benutbaar {h6}; AD-onderzoek aangevraagd."),
             (dmy(EJE), "Eerstejaarsevaluatie; besluit tweede spoor")]
    rows += [(dmy(d), "Evaluatie: tweede spoor loopt, werkt in aangepast werk.") for d in EVALS2]
    rows += [(dmy(EE), "Eindevaluatie")]
    doc.add(KV((("Werknemer", WERKNEMER.full), ("Eerste ziektedag", doc.date(FIRST)))),
            Table(("Datum", "Activiteit"), tuple(rows), (0.2, 0.8)))
    return doc


def fml() -> Doc:
    doc = Doc("04_FML.pdf", "fml", "pdf", "Functionele Mogelijkhedenlijst", header="Arbo Oost | FML",
              footer="FML - vertrouwelijk", seed=54)
    h = doc.hour("6 uur per dag", 6, "per_day")
    doc.add(_kv(doc, ("Datum FML", doc.date(FML)), ("Bedrijfsarts", BA)),
            H("Rubriek IV - Dynamische handelingen"), P("Beperkt: tillen maximaal 5 kg; niet lopen over lange afstanden."),
            H("Rubriek V - Statische houdingen"), P("Beperkt: staan maximaal 15 minuten aaneen."),
            H("Rubriek VI - Werktijden"), P(f"Benutbare mogelijkheden {h}; geen avond- of nachtdiensten."),
            Sig((("Bedrijfsarts", BA, dmy(FML), True),)))
    return doc


def ad_rapport() -> Doc:
    doc = Doc("05_Arbeidsdeskundig_rapport.pdf", "ad_rapport", "pdf", "Arbeidsdeskundig rapport",
              header="Arbo Oost | Arbeidsdeskundig onderzoek", footer="AD-rapport - vertrouwelijk", seed=55)
    h = doc.hour("6 uur per dag", 6, "per_day")
    contract = doc.hour("36 uur per week", 36, "per_week")
    doc.add(_kv(doc, ("Datum rapport", doc.date(AD_DATE, long)), ("Arbeidsdeskundige", AD),
                ("FML d.d.", doc.date(FML))),
            H("1. Eigen werk"),
            P(f"Het eigen werk als operator drukpers ({contract}) vraagt langdurig staan en tillen tot 20 kg; "
              "dit past niet binnen de FML. Het eigen werk is niet passend, ook niet met aanpassingen."),
            H("2. Passend werk in de eigen organisatie (spoor 1)"),
            Table(("Functie", "Niveau", "Getoetst aan de FML"),
                  (("Medewerker nabewerking (zittend)", "gelijk", f"passend voor {h}, maar geen vacature"),
                   ("Orderbegeleider binnendienst", "hoger", "passend, vraagt mbo-4 opleiding; geen vacature"),
                   ("Magazijnmedewerker", "lager", "niet passend: tillen en lopen"),
                   ("Medewerker expeditie", "lager", "niet passend: staan en tillen"))),
            P("Er is binnen de drukkerij geen passend werk beschikbaar op of onder het niveau van werknemer."),
            H("3. Advies"),
            P("Ik adviseer een tweede spoortraject bij een re-integratiebureau te starten, gericht op zittend "
              "administratief of logistiek werk."),
            Sig((("Arbeidsdeskundige", AD, dmy(AD_DATE), True),)))
    return doc


def eerstejaarsevaluatie() -> Doc:
    doc = Doc("06_Eerstejaarsevaluatie.docx", "eerstejaarsevaluatie", "docx", "Eerstejaarsevaluatie",
              header=WERKGEVER)
    h = doc.hour("6 uur per dag", 6, "per_day")
    doc.add(_kv(doc, ("Datum", doc.date(EJE, long))),
            H("Terugblik"), P(f"Yvonne werkt in aangepast zittend werk; volgens de FML is zij belastbaar voor {h}."),
            H("Besluit"), P(f"Het eigen werk is niet passend. Wij starten een tweede spoortraject bij {BUREAU}."),
            H("Mening werknemer"), P("Yvonne is het eens met de inzet van het tweede spoor."),
            Sig((("Werkgever", HR, dmy(EJE), True), ("Werknemer", WERKNEMER.full, dmy(EJE), True))))
    return doc


APPLICATIONS = [("Logistiek centrum Nijmegen", "Planner binnendienst"), ("Gemeente Nijmegen", "Medewerker KCC"),
                ("Radboudumc", "Medewerker patiëntenadministratie"), ("Wehkamp", "Klantenservicemedewerker"),
                ("Coolblue", "Medewerker klantenservice"), ("Van Lanschot", "Administratief medewerker"),
                ("Dar", "Planner routes"), ("HAN", "Medewerker onderwijsbureau")]


def sollicitaties() -> list[tuple[date, str, str]]:
    out, day, n = [], S2_START + timedelta(days=9), 0
    while day < S2_END:
        out.append((day, *APPLICATIONS[n % len(APPLICATIONS)]))
        day += timedelta(days=4 if n % 2 else 5)
        n += 1
    return out


def eindrapportage() -> Doc:
    doc = Doc("07_Eindrapportage_tweede_spoor.pdf", "spoor2_eind", "pdf", "Eindrapportage tweede spoor",
              header=f"{BUREAU} | Eindrapportage", footer=f"Eindrapportage - {WERKNEMER.initial_name}", seed=57)
    h = doc.hour("6 uur per dag", 6, "per_day")
    z = doc.hour("30 uur per week", 30, "per_week")
    rows = tuple((dmy(d), emp, func, "afgewezen" if i % 3 else "geen reactie")
                 for i, (d, emp, func) in enumerate(sollicitaties()))
    doc.add(_kv(doc, ("Trajectperiode", f"{doc.date(S2_START)} tot en met {doc.date(S2_END)}"),
                ("Datum rapport", doc.date(S2_REPORT, long)), ("Adviseur", ADVISEUR)),
            H("1. Verloop van het traject"),
            P(f"Het traject startte met een intake en een persoonsprofiel. Uitgangspunt was de FML: {h}. Het "
              f"zoekprofiel (planner, klantenservice, administratie) was gericht op {z}. Na drie maanden is "
              "het zoekprofiel verbreed met administratieve functies in de zorg."),
            H("2. Resultaat"), P("Het traject heeft niet geleid tot plaatsing."),
            H("3. Onderbouwing van het resultaat"),
            P("De regionale vraag naar zittende functies voor 30 uur is beperkt; werknemer had weinig "
              "administratieve ervaring. Een werkervaringsplek kwam niet tot stand."),
            H("4. Houding en inzet"), P("Yvonne was gemotiveerd, kwam alle afspraken na en solliciteerde zelf."),
            H("5. Arbeidsmarktpositie"), P("Yvonne is sollicitatievaardig en kan zelfstandig vacatures zoeken."),
            H("6. Contactmomenten"),
            P("Van januari tot en met augustus 2024 was er wekelijks contact: om de week een gesprek, "
              "tussendoor telefonisch."),
            H("Bijlage. Sollicitatieoverzicht"),
            Table(("Datum", "Werkgever", "Functie", "Resultaat"), rows, (0.15, 0.32, 0.35, 0.18)),
            Sig((("Re-integratieadviseur", ADVISEUR, dmy(S2_REPORT), True),)))
    doc.present = [f"spoor2_eind.{c}" for c in ("verloop", "resultaat", "onderbouwing_resultaat",
                                                 "sollicitatieoverzicht", "contactmomenten", "houding_werknemer",
                                                 "zelfredzaamheid")]
    doc.missing = ["spoor2_eind.advies_vervolg"]
    return doc


def actueel_oordeel() -> Doc:
    doc = Doc("08_Actueel_oordeel_bedrijfsarts.pdf", "actueel_oordeel", "pdf", "Actueel oordeel bedrijfsarts",
              header="Arbo Oost | Actueel oordeel", footer="Actueel oordeel - vertrouwelijk", seed=58)
    h = doc.hour("6 uur per dag", 6, "per_day")
    doc.add(_kv(doc, ("Datum", doc.date(AO)), ("Bedrijfsarts", BA)),
            H("Actueel oordeel ten behoeve van het re-integratieverslag"),
            P(f"De belastbaarheid is ongewijzigd ten opzichte van de FML van {doc.date(FML)}: {h}. "
              "Er is geen verbetering te verwachten binnen de wachttijd."),
            Sig((("Bedrijfsarts", BA, dmy(AO), True),)))
    return doc


def eindevaluatie() -> Doc:
    doc = Doc("09_Eindevaluatie.docx", "eindevaluatie", "docx", "Eindevaluatie", header=WERKGEVER)
    doc.add(_kv(doc, ("Datum", doc.date(EE, long))),
            H("Terugblik"), P("Spoor 1 en spoor 2 hebben niet geleid tot structurele werkhervatting."),
            H("Mening van de werknemer"),
            P("Yvonne vindt dat werkgever en bureau zich goed hebben ingezet. Zij had graag een "
              "werkervaringsplek gehad."),
            Sig((("Werkgever", HR, dmy(EE), True), ("Werknemer", WERKNEMER.full, dmy(EE), True))))
    return doc


def riv() -> Doc:
    doc = Doc("10_Re-integratieverslag.docx", "riv", "docx", "Re-integratieverslag", header=WERKGEVER)
    doc.add(_kv(doc, ("Datum WIA-aanvraag", doc.date(WIA))),
            H("Overzicht van de onderdelen"),
            Table(("Onderdeel", "Datum"),
                  (("Probleemanalyse", dmy(PA)), ("Plan van aanpak", doc.date(PVA)),
                   ("Evaluaties", "zie logboek, iedere vijf tot zes weken"), ("Ziekmelding UWV", dmy(MELDING)),
                   ("FML", dmy(FML)), ("Arbeidsdeskundig rapport met onderzoek spoor 1", dmy(AD_DATE)),
                   ("Eerstejaarsevaluatie", doc.date(EJE)), ("Tweede spoor", f"{dmy(S2_START)} - {dmy(S2_END)}"),
                   ("Actueel oordeel", doc.date(AO)), ("Eindevaluatie", dmy(EE)))),
            H("Evaluaties"),
            P("Werkgever en werknemer evalueerden het plan van aanpak iedere vijf tot zes weken, op "
              + ", ".join(dmy(d) for d in [*EVALS, *EVALS2]) + "; zie het logboek."),
            H("Tweede spoor"),
            P(f"{BUREAU} voerde het tweede spoor uit van {dmy(S2_START)} tot en met {dmy(S2_END)}. Yvonne "
              f"solliciteerde {len(sollicitaties())} keer; het traject leidde niet tot plaatsing (eindrapportage van "
              f"{dmy(S2_REPORT)})."),
            H("Eindevaluatie"),
            P(f"Op {dmy(EE)} bespraken werkgever en werknemer het verloop: spoor 1 en spoor 2 hebben niet geleid "
              "tot structurele werkhervatting; Yvonne blijft in aangepast werk zolang dat mogelijk is."),
            H("Mening van de werknemer"), P("Zie de eindevaluatie: Yvonne is tevreden over de inzet."),
            Sig((("Werkgever", HR, dmy(WIA), True), ("Werknemer", WERKNEMER.full, dmy(WIA), True))))
    doc.present = [f"riv.{c}" for c in ("probleemanalyse", "plan_van_aanpak", "evaluaties", "ziekmelding_uwv",
                                        "eerstejaarsevaluatie", "fml", "ad_rapport", "spoor2", "actueel_oordeel",
                                        "eindevaluatie", "mening_werknemer", "gegevens_en_ondertekening")]
    return doc


def dossier() -> Dossier:
    docs = [probleemanalyse(), plan_van_aanpak(), logboek(), fml(), ad_rapport(), eerstejaarsevaluatie(),
            eindrapportage(), actueel_oordeel(), eindevaluatie(), riv()]
    d = Dossier("wia-dossier", FIRST, docs)
    assert d.week(PA) == 6 and d.week(PVA) == 7 and d.week(MELDING) == 42 and d.week(EJE) == 49
    assert (S2_START - EJE).days == 34 and (WIA - AO).days == 139 and d.week(WIA) == 91
    moments = sorted([PVA, *EVALS, EJE, *EVALS2, EE])
    assert max((b - a).days for a, b in zip(moments, moments[1:])) <= 42 - 1
    apps = [a[0] for a in sollicitaties()]
    assert max((b - a).days for a, b in zip(apps, apps[1:])) <= 7
    assert len(apps) / ((S2_END - S2_START).days / 7) > 1.3
    d.riv_present = ["riv.probleemanalyse", "riv.plan_van_aanpak", "riv.evaluaties", "riv.ziekmelding_uwv",
                     "riv.eerstejaarsevaluatie", "riv.fml", "riv.ad_rapport", "riv.spoor1_onderzoek", "riv.spoor2",
                     "riv.actueel_oordeel", "riv.eindevaluatie", "riv.mening_werknemer"]
    d.riv_missing = ["riv.gegevens_en_ondertekening"]
    d.findings = ["deadline.actueel_oordeel"]
    d.not_findings = ["deadline.probleemanalyse", "deadline.plan_van_aanpak", "deadline.evaluatie_interval",
                      "deadline.ziekmelding_uwv", "deadline.eerstejaarsevaluatie", "deadline.spoor2_start",
                      "deadline.wia_aanvraag", "consistency.uren_zoekprofiel_vs_fml", "consistency.sollicitatie_gat",
                      "consistency.sollicitatie_frequentie", "consistency.namens_werknemer",
                      "consistency.eerste_ziektedag_verschilt", "consistency.medische_gegevens"]
    d.personal = personal(WERKNEMER)
    return d
