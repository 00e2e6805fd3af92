"""Dossier 'casemanager-docx': a care home's casemanager keeps the file in Word.

Planted: the plan van aanpak is made in week 10 (late; also 31 days after the probleemanalyse);
56 days between the first and the second evaluation; the second evaluation, written by the
employer's casemanager, names a diagnosis (hernia).
"""
from __future__ import annotations

from datetime import date

from .bureau import personal
from .core import KV, Bullets, Doc, Dossier, H, P, Person, Sig, bsn_from, dmy, dmy1, long

WERKNEMER = Person("Monique", "Verhoef", "v", bsn_from("19372645"), date(1979, 9, 3),
                   "Lindenhof 8", "3815 KL", "Amersfoort", "06 2318 4479", "monique.verhoef@example.nl")
CASEMANAGER = "Erik van Dalen"
BA = "drs. J.M. Hoekstra"
WERKGEVER = "Zorgcentrum De Hazelaar"
ARBO = "Arbodienst Gezond Aan Het Werk"

FIRST = date(2024, 2, 5)
SPREEKUUR = date(2024, 3, 7)
PA = date(2024, 3, 12)  # week 6: in time
PVA = date(2024, 4, 12)  # week 10: late
EVAL1 = date(2024, 5, 21)
FML = date(2024, 6, 25)
EVAL2 = date(2024, 7, 16)  # 56 days after EVAL1
EVAL3 = date(2024, 8, 20)
NEXT_BA = date(2024, 4, 9)


def _gegevens(doc: Doc, with_bsn: bool, first_form=dmy) -> KV:
    w = WERKNEMER
    rows = [("Naam werknemer", w.full)]
    if with_bsn:
        rows += [("BSN", w.bsn), ("Geboortedatum", dmy(w.born))]
    rows += [("Functie", "Verzorgende IG, afdeling De Linde"), ("Werkgever", f"{WERKGEVER}, Amersfoort"),
             ("Eerste ziektedag", doc.date(FIRST, first_form))]
    return KV(tuple(rows))


def probleemanalyse() -> Doc:
    w = WERKNEMER
    doc = Doc("Probleemanalyse_M_Verhoef.pdf", "probleemanalyse", "pdf", "Probleemanalyse",
              header=f"{ARBO} | Probleemanalyse (art. 2 Regeling procedurele eisen)",
              footer="Medisch beroepsgeheim: bevat geen diagnose", seed=21)
    start = doc.hour("2 x 2 uur per week", 4, "per_week")
    doc.add(
        _gegevens(doc, True),
        KV((("Datum spreekuur", doc.date(SPREEKUUR)), ("Datum probleemanalyse", doc.date(PA, long)),
            ("Bedrijfsarts", BA))),
        H("1. Ontstaan van het verzuim"),
        P(f"{w.Formal} heeft zich op {dmy(FIRST)} ziek gemeld met lichamelijke klachten. Zij heeft het "
          "spreekuur bezocht en is in behandeling bij de huisarts en een fysiotherapeut."),
        H("2. Beperkingen en mogelijkheden"),
        P("Er zijn beperkingen voor tillen boven 5 kg, voor bukken en voor langdurig staan. Ondersteunende "
          "taken zonder fysieke belasting zijn mogelijk, zoals de activiteitenbegeleiding en het bijwerken "
          "van zorgplannen."),
        H("3. Prognose"),
        P("De verwachting is dat zij binnen drie tot vier maanden haar eigen werk gedeeltelijk kan hervatten. "
          "Volledig herstel in het eigen werk is op termijn waarschijnlijk."),
        H("4. Advies"),
        P(f"Ik adviseer te starten met aangepast werk, {start}, in ondersteunende taken, en dit in overleg "
          "op te bouwen. Werkgever en werknemer stellen binnen twee weken samen een plan van aanpak op."),
        H("5. Vervolg"),
        P(f"Volgend spreekuur op {doc.date(NEXT_BA, long)}."),
        Sig(((f"Bedrijfsarts, {ARBO}", BA, dmy(PA), True),)),
    )
    return doc


def plan_van_aanpak() -> Doc:
    w = WERKNEMER
    doc = Doc("Plan van aanpak Monique Verhoef.docx", "plan_van_aanpak", "docx", "Plan van aanpak",
              header=f"{WERKGEVER} - P&O - vertrouwelijk", footer="Plan van aanpak Wet verbetering poortwachter",
              headings=True)
    contract = doc.hour("32 uur per week", 32, "per_week")
    start = doc.hour("2 x 2 uur per week", 4, "per_week")
    next_step = doc.hour("3 x 2 uur per week", 6, "per_week")
    doc.add(
        H("Gegevens"),
        _gegevens(doc, True),
        KV((("Contracturen", contract), ("Casemanager", CASEMANAGER), ("Bedrijfsarts", BA),
            ("Datum probleemanalyse", doc.date(PA)), ("Datum plan van aanpak", doc.date(PVA, long)))),
        H("Doel van de re-integratie"),
        P("Terugkeer in het eigen werk als verzorgende IG, eerst in aangepaste taken en in opbouw naar de "
          "contracturen."),
        H("Afspraken en activiteiten"),
        Bullets((f"Mevrouw Verhoef start met ondersteunende taken op De Linde, {start}.",
                 f"Na vier weken bouwt zij op naar {next_step}, als de bedrijfsarts daarmee instemt.",
                 "Zij volgt de behandeling van de fysiotherapeut en houdt de casemanager op de hoogte.",
                 "De werkgever zorgt voor een hoog-laagbed op de kamers waar zij werkt.")),
        H("Contact en evaluatie"),
        P(f"De casemanager ({CASEMANAGER}) is het aanspreekpunt. Werkgever en werknemer evalueren het plan "
          "elke zes weken. Het eerste evaluatiegesprek is gepland in mei 2024."),
        H("Ondertekening"),
        P("Werkgever en werknemer hebben dit plan samen opgesteld en zijn het met de inhoud eens."),
        Sig((("Werkgever", CASEMANAGER, dmy(PVA), True), ("Werknemer", w.full, dmy(PVA), True))),
    )
    return doc


def evaluatie(n: int, day: date, headings: bool, body: list, hours: list) -> Doc:
    doc = Doc(f"Evaluatie {n} - {dmy(day)}.docx", "evaluatie", "docx", f"Verslag evaluatiegesprek {n}",
              header=f"{WERKGEVER} - verzuimbegeleiding", headings=headings)
    for text, value, unit in hours:
        doc.hour(text, value, unit)
    doc.add(KV((("Werknemer", WERKNEMER.full), ("Eerste ziektedag", doc.date(FIRST, dmy1)),
                ("Datum gesprek", doc.date(day, long)), ("Aanwezig", f"{WERKNEMER.full}, {CASEMANAGER} (casemanager)"))))
    doc.add(*body)
    doc.add(Sig((("Casemanager", CASEMANAGER, dmy(day), True),)))
    return doc


def evaluaties() -> list[Doc]:
    w = WERKNEMER
    first = evaluatie(1, EVAL1, False, [
        H("Hoe gaat het?"),
        P(f"{w.Formal} werkt sinds half april 3 x 2 uur per week in ondersteunende taken. Dat gaat goed; "
          "de klachten nemen niet toe. Zij bezoekt twee keer per week de fysiotherapeut."),
        H("Afspraken"),
        P("Opbouw naar 3 x 3 uur per week vanaf 1 juni 2024. Volgende evaluatie over zes weken."),
    ], [("3 x 2 uur per week", 6, "per_week"), ("3 x 3 uur per week", 9, "per_week")])
    second = evaluatie(2, EVAL2, True, [
        H("Voortgang"),
        P(f"{w.Formal} werkt 3 x 3 uur per week. Het gesprek is later dan afgesproken door de vakantie van "
          "de casemanager. Mevrouw Verhoef vertelt dat haar hernia nog veel pijn geeft bij tillen en dat zij "
          "op de wachtlijst staat bij de neuroloog."),
        H("Belastbaarheid"),
        P(f"Volgens de nieuwe FML van {dmy(FML)} kan zij 4 uur per dag werken in aangepast werk."),
        H("Afspraken"),
        P("Opbouw naar 4 uur per dag op vijf dagen, in ondersteunende taken. Volgende evaluatie in augustus."),
    ], [("3 x 3 uur per week", 9, "per_week"), ("4 uur per dag", 4, "per_day")])
    third = evaluatie(3, EVAL3, False, [
        H("Voortgang"),
        P(f"{w.Formal} werkt nu 4 uur per dag, vijf dagen per week. Zij doet weer een deel van de "
          "zorgtaken zonder tillen. Het gaat stabiel."),
        H("Afspraken"),
        P("Over zes weken evalueren wij opnieuw; dan bespreken wij met de bedrijfsarts verdere opbouw."),
    ], [("4 uur per dag", 4, "per_day")])
    return [first, second, third]


def fml() -> Doc:
    w = WERKNEMER
    doc = Doc("FML_Verhoef_juni_2024.pdf", "fml", "pdf", "Functionele Mogelijkhedenlijst (FML)",
              header=f"{ARBO} | FML", footer=f"FML {w.initial_name} - {dmy(FML)}", seed=23)
    hours = doc.hour("4 uur per dag", 4, "per_day")
    doc.add(
        _gegevens(doc, True),
        KV((("Datum FML", doc.date(FML)), ("Bedrijfsarts", BA), ("Geldig tot herbeoordeling", dmy(date(2024, 12, 31))))),
        H("Rubriek I - Persoonlijk functioneren"), P("Geen beperkingen."),
        H("Rubriek II - Sociaal functioneren"), P("Geen beperkingen."),
        H("Rubriek III - Aanpassing aan fysieke omgevingseisen"), P("Geen beperkingen."),
        H("Rubriek IV - Dynamische handelingen"),
        P("Beperkt: tillen of dragen maximaal 5 kg; niet frequent bukken; duwen en trekken beperkt."),
        H("Rubriek V - Statische houdingen"), P("Beperkt: staan maximaal 30 minuten aaneen."),
        H("Rubriek VI - Werktijden"),
        P(f"Urenbeperking: benutbare mogelijkheden voor {hours}, verdeeld over vijf dagen. Motivering: "
          "preventieve urenbeperking in verband met herstel; herbeoordeling over zes maanden."),
        Sig((("Bedrijfsarts", BA, dmy(FML), True),)),
    )
    return doc


def dossier() -> Dossier:
    d = Dossier("casemanager-docx", FIRST, [probleemanalyse(), plan_van_aanpak(), *evaluaties(), fml()])
    assert d.week(PA) == 6 and d.week(PVA) == 10 and (PVA - PA).days > 14
    assert (EVAL1 - PVA).days <= 42 and (EVAL2 - EVAL1).days == 56 and (EVAL3 - EVAL2).days <= 42
    d.docs.sort(key=lambda doc: doc.filename)
    d.riv_present = ["riv.probleemanalyse", "riv.plan_van_aanpak", "riv.evaluaties", "riv.fml"]
    d.riv_missing = ["riv.gegevens_en_ondertekening"]
    d.riv_not_yet_due = ["riv.ziekmelding_uwv", "riv.eerstejaarsevaluatie", "riv.ad_rapport",
                         "riv.spoor1_onderzoek", "riv.spoor2", "riv.actueel_oordeel", "riv.eindevaluatie",
                         "riv.mening_werknemer"]
    d.findings = ["deadline.plan_van_aanpak", "deadline.evaluatie_interval", "consistency.medische_gegevens"]
    d.not_findings = ["deadline.probleemanalyse", "consistency.eerste_ziektedag_verschilt"]
    d.personal = personal(WERKNEMER)
    d.personal["diagnoses"] = ["hernia"]
    return d
