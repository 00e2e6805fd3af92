"""Dossier 'bureau-spoor2': a re-integratiebureau's formal trajectplan and a voortgangsrapportage.

Planted: the zoekprofiel asks 20 uur per week while the FML gives 6 uur per dag (30 per week),
without onderbouwing; a 42-day gap without sollicitaties (8 November to 20 December 2024),
visible only in the sollicitatieoverzicht.
"""
from __future__ import annotations

from datetime import date, timedelta

from .core import KV, Bullets, Doc, Dossier, H, P, Person, Sig, Table, bsn_from, dmy, long

WERKNEMER = Person("Peter", "Hulshof", "m", bsn_from("27418360"), date(1971, 2, 14),
                   "Berkenlaan 27", "7433 CK", "Schalkhaar", "06-41873925", "p.hulshof71@example.nl")
ADVISEUR = Person("Sanne", "Koopmans", "v", email="s.koopmans@werkbrug.example.nl")
WERKGEVER = "Installatietechniek Te Brake B.V."
CONTACT_WG = "Gerrit te Brake"
BUREAU = "Werkbrug Re-integratie B.V."

FIRST = date(2023, 10, 2)
FML = date(2024, 8, 20)
EJE = date(2024, 9, 9)
OPDRACHT = date(2024, 9, 24)
START = date(2024, 10, 7)  # 28 days after the EJE: in time
PLAN = date(2024, 10, 18)
SIGNED = date(2024, 10, 22)
PERIOD_END = date(2025, 1, 17)
REPORT = date(2025, 1, 24)

EMPLOYERS = [
    ("Gemeente Deventer", "Medewerker servicedesk vastgoed", "e-mail", "afgewezen"),
    ("Vakgarage Olst", "Baliemedewerker werkplaats", "online", "afgewezen"),
    ("Technische Unie", "Medewerker telefonische orderbalie", "online", "gesprek 28-10-2024, afgewezen"),
    ("Saxion Hogeschool", "Conciërge / facilitair medewerker", "online", "geen reactie"),
    ("Bouwmaat Deventer", "Verkoopmedewerker binnendienst", "open sollicitatie", "afgewezen"),
    ("Woonbedrijf Salland", "Opzichter planmatig onderhoud", "online", "afgewezen"),
    ("Kantoorpark De Worp", "Beheerder bedrijfsverzamelgebouw", "netwerk", "gesprek, afgewezen"),
    ("Installatiebedrijf Kroeze", "Werkvoorbereider (junior)", "e-mail", "afgewezen"),
    ("Sportfondsen Deventer", "Technisch medewerker zwembad", "online", "geen reactie"),
    ("Gemeente Raalte", "Medewerker buitendienst toezicht", "online", "afgewezen"),
    ("Boels Verhuur", "Baliemedewerker uitgifte", "online", "gesprek 07-01-2025"),
    ("Deltion College", "Onderwijsassistent installatietechniek", "online", "in behandeling"),
    ("Autobedrijf Zwier", "Medewerker onderdelenbalie", "open sollicitatie", "afgewezen"),
    ("Thuiszorgwinkel Oost", "Monteur hulpmiddelen binnendienst", "online", "gesprek 14-01-2025"),
    ("Facilicom", "Servicedeskmedewerker", "online", "geen reactie"),
    ("Rijkswaterstaat Oost", "Medewerker verkeerscentrale", "online", "afgewezen"),
    ("Van der Valk Deventer", "Technisch medewerker hotel", "netwerk", "in behandeling"),
    ("Stichting Carinova", "Medewerker facilitaire dienst", "online", "in behandeling"),
    ("Gamma Deventer", "Adviseur sanitair", "online", "in behandeling"),
    ("Hanzeland Beheer", "Beheerder woningcomplex", "e-mail", "in behandeling"),
]
# Days after START of each application; the gap from day 32 (8 Nov) to day 74 (20 Dec) is planted.
DAYS = [2, 6, 9, 13, 16, 20, 23, 27, 30, 32, 74, 76, 80, 83, 87, 90, 93, 95, 98, 100]


def sollicitaties() -> list[tuple[date, str, str, str, str]]:
    return [(START + timedelta(days=d), *e) for d, e in zip(DAYS, EMPLOYERS)]


def plan() -> Doc:
    w = WERKNEMER
    doc = Doc("Re-integratieplan_2e_spoor_P_Hulshof.pdf", "spoor2_plan", "pdf",
              "Re-integratieplan tweede spoor (trajectplan)",
              header=f"{BUREAU} | Re-integratieplan tweede spoor",
              footer=f"Re-integratieplan 2e spoor - {w.initial_name} - versie 1.0", seed=11)
    contract = doc.hour("38 uur per week", 38, "per_week")
    fml_hours = doc.hour("6 uur per dag", 6, "per_day")
    zoek_hours = doc.hour("20 uur per week", 20, "per_week")
    doc.add(
        KV((("Naam werknemer", w.full), ("BSN", w.bsn), ("Geboortedatum", dmy(w.born)),
            ("Adres", f"{w.street}, {w.postcode} {w.city}"), ("Telefoon", w.phone), ("E-mail", w.email),
            ("Werkgever (opdrachtgever)", f"{WERKGEVER}, Deventer"),
            ("Functie", f"Servicemonteur installatietechniek, {contract}"),
            ("Eerste ziektedag", doc.date(FIRST, long)),
            ("Eerstejaarsevaluatie", doc.date(EJE, long)),
            ("Opdrachtdatum", dmy(OPDRACHT)),
            ("Re-integratieadviseur", f"{ADVISEUR.full}, {BUREAU}"),
            ("Datum plan", doc.date(PLAN, long)))),
        P(f"Het traject is gestart op {doc.date(START)} met een intakegesprek op ons kantoor in Deventer. "
          "De looptijd is negen maanden. Bij de intake zijn het cv, de FML, het arbeidsdeskundig advies en "
          "de rechten en plichten onder de Wet verbetering poortwachter besproken."),
        H("1. Persoonsprofiel"),
        P(f"{w.Formal} (53 jaar) werkt sinds 1996 bij {WERKGEVER} als servicemonteur. Hij heeft een "
          "mbo-diploma Installatietechniek (niveau 3), VCA-VOL en een certificaat F-gassen. Hij is "
          "klantvriendelijk, nauwkeurig en werkt graag zelfstandig. Zijn digitale vaardigheden zijn "
          "redelijk: hij werkt met een planningsapp en e-mail, maar heeft geen ervaring met "
          "kantoorsoftware. Hij wil graag in de regio Deventer blijven werken en heeft een rijbewijs B."),
        H("2. Belastbaarheid volgens de bedrijfsarts"),
        P(f"De bedrijfsarts heeft op {doc.date(FML)} een Functionele Mogelijkhedenlijst (FML) opgesteld. "
          f"{w.Formal} is beperkt in tillen en dragen (maximaal 10 kg), in bukken en in knielen en hurken. "
          "Werken boven schouderhoogte en langdurig staan zijn niet mogelijk. Hij heeft benutbare "
          f"mogelijkheden voor {fml_hours}. De prognose is gunstig voor werk binnen deze beperkingen; "
          "terugkeer in het eigen werk is niet te verwachten."),
        H("3. Afstand tot de arbeidsmarkt"),
        P("De afstand tot de arbeidsmarkt is middelgroot: een lang dienstverband bij één werkgever, "
          "een technisch en fysiek arbeidsverleden en weinig sollicitatie-ervaring. Om deze afstand te "
          "verkleinen volgt hij een sollicitatietraining en een cursus kantoorvaardigheden (Word, Excel, "
          "Outlook), en zetten wij in op zijn netwerk in de installatiebranche."),
        H("4. Zoekprofiel"),
        P("Het zoekprofiel bestaat uit de volgende functies:"),
        Table(("Functie", "Branche", "Niveau"),
              (("Medewerker technische binnendienst / orderbalie", "Technische groothandel", "mbo 3"),
               ("Werkvoorbereider (junior)", "Installatietechniek", "mbo 3-4"),
               ("Servicedeskmedewerker vastgoed", "Woningcorporaties, facilitair", "mbo 3"),
               ("Baliemedewerker uitgifte", "Verhuur van materieel", "mbo 2-3")),
              (0.45, 0.35, 0.20)),
        P(f"{w.Formal} zoekt functies van {zoek_hours}."),
        H("5. Arbeidsmarktanalyse"),
        P("In de regio Deventer/Zwolle is veel vraag naar technisch geschoolde medewerkers in de "
          "binnendienst en naar werkvoorbereiders (UWV Arbeidsmarktinformatie, regio IJsselvechtstreek, "
          "najaar 2024). Deze beroepen zijn kansrijk. Servicedeskfuncties bij woningcorporaties komen "
          "minder vaak vrij; baliefuncties bij verhuurbedrijven zijn beperkt beschikbaar."),
        H("6. Activiteiten, tijdpad en einddoel"),
        P("Einddoel: duurzame plaatsing in passend werk bij een andere werkgever binnen negen maanden."),
        Table(("Periode", "Activiteit", "Resultaat"),
              (("Maand 1", "Intake, persoonsprofiel, cv en LinkedIn-profiel", "Actueel cv en profiel"),
               ("Maand 1-2", "Sollicitatietraining (4 bijeenkomsten)", "Sollicitatievaardig"),
               ("Maand 2-3", "Cursus kantoorvaardigheden", "Certificaat"),
               ("Maand 1-9", "Solliciteren (minimaal twee per week), netwerkgesprekken", "Gesprekken, plaatsing"),
               ("Maand 4-6", "Zo nodig werkervaringsplek in de binnendienst", "Ervaring en referentie")),
              (0.18, 0.52, 0.30)),
        H("7. Afspraken over contact en begeleiding"),
        P("Er is iedere week contact: om de week een gesprek op kantoor en tussendoor telefonisch of per "
          f"e-mail ({ADVISEUR.email}). {w.Formal} meldt zelf elke vrijdag zijn sollicitaties. De werkgever "
          "ontvangt na elk rapportagemoment een verslag."),
        H("8. Rapportagemomenten"),
        P("Na 3 maanden en na 6 maanden volgt een voortgangsrapportage; na 9 maanden een eindrapportage. "
          "Bij wijziging van de belastbaarheid stellen wij het plan direct bij."),
        H("9. Akkoord"),
        P("Met ondertekening verklaart de werknemer kennis te hebben genomen van dit plan en hieraan mee "
          "te werken. De werkgever is akkoord met de inzet van het traject."),
        Sig((("Werknemer", w.full, dmy(SIGNED), True), ("Werkgever", CONTACT_WG, dmy(SIGNED), True),
             ("Re-integratieadviseur", ADVISEUR.full, dmy(PLAN), True))),
    )
    doc.present = [f"spoor2_plan.{c}" for c in (
        "startdatum", "persoonsprofiel", "belastbaarheid", "afstand_arbeidsmarkt", "zoekprofiel",
        "arbeidsmarktanalyse", "activiteiten_tijdpad", "contactafspraken", "rapportagemomenten",
        "ondertekening")]
    doc.missing = ["spoor2_plan.onderbouwing_zoekprofiel", "spoor2_plan.urenomvang"]
    return doc


def voortgang() -> Doc:
    w = WERKNEMER
    doc = Doc("Voortgangsrapportage_1_P_Hulshof.pdf", "spoor2_voortgang", "pdf",
              "Voortgangsrapportage 1 - tweede spoor",
              header=f"{BUREAU} | Voortgangsrapportage", footer=f"Voortgangsrapportage 1 - {w.initial_name}",
              seed=12)
    fml_hours = doc.hour("6 uur per dag", 6, "per_day")
    zoek_hours = doc.hour("20 uur per week", 20, "per_week")
    rows = tuple((dmy(d), emp, func, how, result) for d, emp, func, how, result in sollicitaties())
    doc.add(
        KV((("Werknemer", f"{w.full}, geboren {dmy(w.born)}"), ("Werkgever", WERKGEVER),
            ("Eerste ziektedag", doc.date(FIRST)),
            ("Rapportageperiode", f"{doc.date(START)} tot en met {doc.date(PERIOD_END)}"),
            ("Adviseur", ADVISEUR.full), ("Datum rapportage", doc.date(REPORT, long)))),
        H("1. Verloop in de rapportageperiode"),
        P(f"Het traject is op {dmy(START)} gestart. {w.Formal} is op alle afspraken verschenen. In de "
          "eerste maand is het cv herschreven en is een LinkedIn-profiel aangemaakt. De sollicitatietraining "
          "is afgerond; hij presenteert zich duidelijker en kan zijn beperkingen in een gesprek toelichten. "
          "De cursus kantoorvaardigheden loopt nog."),
        H("2. Belastbaarheid"),
        P(f"De belastbaarheid is niet gewijzigd. Uitgangspunt blijft de FML van {dmy(FML)}: benutbare "
          f"mogelijkheden voor {fml_hours}, beperkt in tillen, bukken en knielen."),
        H("3. Zoekprofiel"),
        P(f"Het zoekprofiel is ongewijzigd: technische binnendienst, werkvoorbereiding, servicedesk vastgoed "
          f"en baliefuncties, voor {zoek_hours}."),
        H("4. Aanbodversterking"),
        P("De sollicitatietraining (vier bijeenkomsten) is met goed resultaat afgerond. De cursus "
          "kantoorvaardigheden is gestart en loopt tot eind februari 2025."),
        H("5. Sollicitatieactiviteiten"),
        P(f"In de rapportageperiode heeft {w.formal} {len(rows)} keer gesolliciteerd; hij had vier "
          "sollicitatiegesprekken. Het volledige overzicht staat in de bijlage."),
        H("6. Houding en medewerking"),
        P(f"{w.Formal} is gemotiveerd en komt afspraken na. De werkgever is op {dmy(REPORT)} per e-mail "
          "over de voortgang geïnformeerd."),
        H("7. Plan voor de komende periode"),
        Bullets(("Minimaal twee sollicitaties per week binnen het zoekprofiel.",
                 "Netwerkgesprekken met drie installatiebedrijven in de regio.",
                 "Afronden cursus kantoorvaardigheden.",
                 "Onderzoeken of een werkervaringsplek in de binnendienst mogelijk is.")),
        H("Bijlage 1. Sollicitatieoverzicht"),
        Table(("Datum", "Werkgever", "Functie", "Wijze", "Resultaat"), rows, (0.13, 0.24, 0.30, 0.14, 0.19)),
        Sig((("Re-integratieadviseur", ADVISEUR.full, dmy(REPORT), True),)),
    )
    doc.present = [f"spoor2_voortgang.{c}" for c in (
        "periode", "belastbaarheid_actueel", "zoekprofiel_actueel", "aanbodversterking", "sollicitaties",
        "arbeidsmarktplan", "medewerking")]
    return doc


def dossier() -> Dossier:
    d = Dossier("bureau-spoor2", FIRST, [plan(), voortgang()])
    assert d.week(EJE) == 50 and (START - EJE).days == 28
    gaps = [(b[0] - a[0]).days for a, b in zip(sollicitaties(), sollicitaties()[1:])]
    assert max(gaps) == 42 and sorted(gaps)[-2] <= 7
    assert len(DAYS) / ((PERIOD_END - START).days / 7) > 1.3  # frequency is fine
    d.riv_present = ["riv.spoor2"]
    d.riv_missing = ["riv.probleemanalyse", "riv.plan_van_aanpak", "riv.evaluaties", "riv.ziekmelding_uwv",
                     "riv.eerstejaarsevaluatie", "riv.fml", "riv.ad_rapport", "riv.spoor1_onderzoek",
                     "riv.gegevens_en_ondertekening",
                     # second year: the RIV's end parts are due before the WIA-aanvraag (checklists/riv.yaml)
                     "riv.actueel_oordeel", "riv.eindevaluatie", "riv.mening_werknemer"]
    d.findings = ["consistency.uren_zoekprofiel_vs_fml", "consistency.sollicitatie_gat"]
    d.not_findings = ["deadline.spoor2_start", "deadline.eerstejaarsevaluatie", "consistency.sollicitatie_frequentie",
                      "consistency.namens_werknemer", "consistency.eerste_ziektedag_verschilt",
                      "consistency.medische_gegevens"]
    d.personal = personal(WERKNEMER)
    return d


def personal(w: Person) -> dict:
    return {"names": [w.full, w.last], "bsns": [w.bsn], "addresses": [w.street, w.postcode],
            "emails": [w.email], "phones": [w.phone], "born": [dmy(w.born)] if w.born else []}
