"""Dossier 'scan-formulier': printed, signed and scanned forms plus one Word plan van aanpak.

Near-misses, no planted deadline: probleemanalyse in week 6, plan van aanpak exactly 14 days
later in week 8, 42e-weeksmelding in week 42. Planted gap: no evaluation in the 42 weeks
(riv.evaluaties missing).
"""
from __future__ import annotations

from datetime import date, timedelta

from .bureau import personal
from .core import KV, Bullets, Doc, Dossier, H, P, Person, Sig, bsn_from, dmy, long

WERKNEMER = Person("Henk", "Postma", "m", bsn_from("31284917"), date(1966, 11, 28),
                   "Schoterlandseweg 112", "8446 PD", "Heerenveen", "0513-648217", "h.postma@example.nl")
WERKGEVER = "Wiersma Groothandel B.V."
WG_CONTACT = "Jolanda Wiersma"
BA = "A. de Vries, bedrijfsarts"
LOONHEFFING = "812045367L01"

FIRST = date(2023, 6, 19)
SPREEKUUR = date(2023, 7, 20)
PA = date(2023, 7, 25)  # week 6
PVA = date(2023, 8, 8)  # week 8, PA + 14 days
MELDING = date(2024, 4, 5)  # week 42
END_WACHTTIJD = FIRST + timedelta(weeks=104) - timedelta(days=1)


def probleemanalyse() -> Doc:
    w = WERKNEMER
    doc = Doc("Scan_probleemanalyse_Postma.pdf", "probleemanalyse", "scan", "Probleemanalyse bedrijfsarts",
              skew=1.8, seed=31)
    hours = doc.hour("2 x 3 uur per week", 6, "per_week")
    doc.add(
        KV((("Naam werknemer", w.full), ("BSN", w.bsn), ("Geboortedatum", dmy(w.born)),
            ("Werkgever", WERKGEVER), ("Functie", "Magazijnmedewerker"),
            ("Eerste ziektedag", doc.date(FIRST)), ("Datum spreekuur", doc.date(SPREEKUUR)),
            ("Datum probleemanalyse", doc.date(PA)))),
        H("Beperkingen en mogelijkheden"),
        P("Werknemer is beperkt in tillen en dragen, in frequent bukken en in lang staan. Licht werk "
          "zonder tillen is mogelijk, zoals orderverwerking en controle van inkomende goederen."),
        H("Prognose"),
        P("Gedeeltelijke werkhervatting in aangepast werk is op korte termijn mogelijk. Herstel in het "
          "eigen werk is onzeker; herbeoordeling over acht weken."),
        H("Advies"),
        P(f"Start met aangepast werk, {hours}, en opbouw in overleg met de bedrijfsarts. Werkgever en "
          "werknemer stellen binnen twee weken een plan van aanpak op."),
        Sig((("Bedrijfsarts", BA, dmy(PA), True),)),
    )
    return doc


def plan_van_aanpak() -> Doc:
    w = WERKNEMER
    doc = Doc("PvA_H_Postma.docx", "plan_van_aanpak", "docx", "Plan van aanpak re-integratie",
              header=WERKGEVER, headings=False)
    contract = doc.hour("40 uur per week", 40, "per_week")
    start = doc.hour("2 x 3 uur per week", 6, "per_week")
    doc.add(
        KV((("Naam werknemer", w.full), ("BSN", w.bsn), ("Functie", f"Magazijnmedewerker, {contract}"),
            ("Eerste ziektedag", doc.date(FIRST, long)), ("Probleemanalyse d.d.", doc.date(PA)),
            ("Datum plan", doc.date(PVA)))),
        H("Doel"),
        P("Terugkeer in passend werk bij Wiersma Groothandel, zo mogelijk in het eigen werk."),
        H("Afspraken"),
        Bullets((f"Henk start op {dmy(PVA + timedelta(days=6))} met orderverwerking en goederencontrole, {start}.",
                 "Tillen boven 10 kg doet hij niet; collega's van het magazijn helpen daarbij.",
                 "Opbouw van de uren na overleg met de bedrijfsarts.")),
        H("Evaluatie"),
        P("Wij evalueren dit plan iedere zes weken samen. Jolanda Wiersma is het aanspreekpunt."),
        H("Akkoord"),
        Sig((("Werkgever", WG_CONTACT, dmy(PVA), True), ("Werknemer", w.full, dmy(PVA), True))),
    )
    return doc


def ziekmelding() -> Doc:
    w = WERKNEMER
    doc = Doc("Scan_ziekmelding_UWV_42e_week.pdf", "ziekmelding_uwv", "scan",
              "Ziekmelding langdurig zieke werknemer (42e ziekteweek)", skew=-2.2, seed=33)
    doc.add(
        P("UWV - Melding van een werknemer die langdurig ziek is. Kopie voor de eigen administratie."),
        H("1. Gegevens werkgever"),
        KV((("Naam werkgever", WERKGEVER), ("Loonheffingennummer", LOONHEFFING),
            ("Contactpersoon", WG_CONTACT))),
        H("2. Gegevens werknemer"),
        KV((("Naam", w.full), ("BSN", w.bsn), ("Geboortedatum", dmy(w.born)),
            ("Adres", w.street), ("Postcode en plaats", f"{w.postcode} {w.city}"))),
        H("3. Ziekte"),
        KV((("Eerste ziektedag", doc.date(FIRST)), ("Datum melding", doc.date(MELDING)),
            ("Einde wachttijd (verwacht)", doc.date(END_WACHTTIJD)),
            ("Werkt de werknemer gedeeltelijk?", "Ja"))),
        H("4. Ondertekening"),
        P("Ik verklaar dat ik dit formulier volledig en naar waarheid heb ingevuld."),
        Sig((("Werkgever", WG_CONTACT, dmy(MELDING), True),)),
    )
    return doc


def dossier() -> Dossier:
    d = Dossier("scan-formulier", FIRST, [probleemanalyse(), plan_van_aanpak(), ziekmelding()])
    assert d.week(PA) == 6 and d.week(PVA) == 8 and (PVA - PA).days == 14 and d.week(MELDING) == 42
    d.riv_present = ["riv.probleemanalyse", "riv.plan_van_aanpak", "riv.ziekmelding_uwv"]
    d.riv_missing = ["riv.evaluaties"]
    d.riv_not_yet_due = ["riv.eerstejaarsevaluatie", "riv.spoor2", "riv.actueel_oordeel", "riv.eindevaluatie",
                         "riv.mening_werknemer"]
    d.findings = []
    d.not_findings = ["deadline.probleemanalyse", "deadline.plan_van_aanpak", "deadline.ziekmelding_uwv",
                      "consistency.eerste_ziektedag_verschilt", "consistency.medische_gegevens"]
    d.personal = personal(WERKNEMER)
    return d
