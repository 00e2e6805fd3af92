"""Held-out dossiers h04-h06: deadlines just over / just within the thresholds, negated components."""
from __future__ import annotations

from datetime import date, timedelta

from make_heldout import Doc, Dossier, bsn, dmy, iso, long, short_dmy


def _timeline_dossier(key: str, fsd: date, pa_off: int, pva_gap: int, ev_gaps: list, melding_off: int,
                      eje_off: int, spoor2_gap: int, names: dict, late: bool) -> Dossier:
    b = bsn(int(key[1:]) + 10)
    pa = fsd + timedelta(pa_off)
    pva = pa + timedelta(pva_gap)
    evs, cur = [], pva
    for g in ev_gaps:
        cur = cur + timedelta(g)
        evs.append(cur)
    melding, eje = fsd + timedelta(melding_off), fsd + timedelta(eje_off)
    after_eje = eje + timedelta(36)
    start = eje + timedelta(spoor2_gap)
    plan = start - timedelta(2)
    wn, wg, ba = names["wn"], names["wg"], names["ba"]
    ident = [["Werknemer", wn], ["BSN", b], ["Eerste ziektedag", dmy(fsd)]]
    pa_doc = Doc("01 Probleemanalyse.pdf", "probleemanalyse", header=f"{ba} - bedrijfsarts", blocks=[
        ("h", "Probleemanalyse"), ("t", ident + [["Datum", long(pa)]]),
        ("h", "Arbeidsmogelijkheden"),
        ("p", "Er zijn benutbare mogelijkheden. Werknemer kan licht, afwisselend werk doen, 4 uur per dag, "
              "zonder tillen boven 10 kg en zonder nachtdiensten."),
        ("h", "Prognose"), ("p", "Gedeeltelijk herstel wordt binnen zes maanden verwacht."),
        ("h", "Advies"), ("p", "Stel binnen twee weken samen een plan van aanpak op; start met aangepast werk."),
        ("p", f"Getekend: {ba}, bedrijfsarts"),
    ], dates=[(dmy(fsd), fsd), (long(pa), pa)], hours=[("4 uur per dag", 4, "per_day")])
    pva_doc = Doc("02 Plan van aanpak.docx", "plan_van_aanpak", blocks=[
        ("h", "Plan van aanpak"), ("t", ident + [["Werkgever", wg], ["Datum plan van aanpak", dmy(pva)]]),
        ("h", "Doel"), ("p", "Volledige terugkeer in de eigen functie binnen een jaar."),
        ("h", "Afspraken"),
        ("p", f"Naar aanleiding van de probleemanalyse van {long(pa)} start werknemer met aangepast werk van "
              "4 uur per dag. Werkgever en werknemer evalueren elke zes weken. Casemanager: HR-adviseur."),
        ("p", "Handtekening werknemer: getekend. Handtekening werkgever: getekend."),
    ], dates=[(dmy(fsd), fsd), (dmy(pva), pva), (long(pa), pa)], hours=[("4 uur per dag", 4, "per_day")])
    entries = [(pa, "Probleemanalyse", "Probleemanalyse bedrijfsarts ontvangen"),
               (pva, "Plan van aanpak", "Plan van aanpak opgesteld en getekend")]
    entries += [(d, "Evaluatie", "Evaluatiegesprek werkgever en werknemer; voortgang besproken") for d in evs]
    entries += [(melding, "Ziekmelding UWV", "42e-weeksmelding bij UWV gedaan"),
                (eje, "Eerstejaarsevaluatie", "Eerstejaarsevaluatie gehouden"),
                (after_eje, "Evaluatie", "Evaluatiegesprek; start tweede spoor voorbereid")]
    rows = [["Datum", "Soort", "Omschrijving"]] + [[short_dmy(d), k, t] for d, k, t in sorted(entries)]
    log = Doc("03 Logboek verzuim.pdf", "logboek", header=f"{wg} - personeelsdossier", blocks=[
        ("h", f"Logboek re-integratie {wn}"), ("t", ident), ("t", rows),
    ], dates=[(short_dmy(evs[0]), evs[0]), (short_dmy(evs[1]), evs[1]), (short_dmy(melding), melding),
              (short_dmy(eje), eje)])
    eje_doc = Doc("04 Eerstejaarsevaluatie.docx", "eerstejaarsevaluatie", blocks=[
        ("h", "Eerstejaarsevaluatie"), ("t", ident + [["Datum gesprek", dmy(eje)]]),
        ("p", "Werknemer werkt 4 uur per dag in aangepast werk. Terugkeer in de eigen functie is niet meer "
              "haalbaar; er is geen passend werk binnen het bedrijf. Werkgever schakelt een "
              "re-integratiebureau in voor het tweede spoor."),
        ("p", "Mening werknemer: kan zich vinden in de conclusie. Getekend door werkgever en werknemer."),
    ], dates=[(dmy(fsd), fsd), (dmy(eje), eje)], hours=[("4 uur per dag", 4, "per_day")])
    tp = Doc("05 Trajectplan tweede spoor.pdf", "spoor2_plan", header="Reïntegratie Oost - trajectplan", blocks=[
        ("h", "Trajectplan tweede spoor"),
        ("t", ident + [["Datum plan", long(plan)], ["Start traject", long(start)]]),
        ("p", f"Na de eerstejaarsevaluatie van {long(eje)} gaf de werkgever opdracht tot een tweede spoortraject. "
              f"Het traject begint op {long(start)} met een intake."),
        ("h", "Zoekprofiel"),
        ("p", "Receptionist, telefonist of administratief medewerker, 20 uur per week, passend bij 4 uur per dag."),
        ("p", "Akkoord werknemer: getekend."),
    ], dates=[(dmy(fsd), fsd), (long(plan), plan), (long(start), start), (long(eje), eje)],
        hours=[("20 uur per week", 20, "per_week"), ("4 uur per dag", 4, "per_day")])
    docs = [pa_doc, pva_doc, log, eje_doc, tp]
    if late:   # the one scanned page of the set: the UWV confirmation of the 42e-weeksmelding
        docs.insert(3, Doc("SCAN_UWV_bevestiging.pdf", "ziekmelding_uwv", blocks=[
            ("h", "UWV - Bevestiging ziekmelding"),
            ("p", "Wij hebben de ziekmelding van uw werknemer ontvangen."),
            ("t", [["Naam werknemer", wn], ["Burgerservicenummer", b], ["Eerste ziektedag", dmy(fsd)],
                   ["Datum melding", dmy(melding)]]),
            ("p", "Deze melding is gedaan in het kader van de 42e week."),
        ], dates=[(dmy(fsd), fsd), (dmy(melding), melding)]))
    present = ["riv.probleemanalyse", "riv.plan_van_aanpak", "riv.evaluaties", "riv.ziekmelding_uwv",
               "riv.eerstejaarsevaluatie", "riv.spoor2"]
    deadlines = ["deadline.plan_van_aanpak", "deadline.evaluatie_interval", "deadline.spoor2_start"]
    quiet = ["deadline.probleemanalyse", "deadline.ziekmelding_uwv", "deadline.eerstejaarsevaluatie",
             "consistency.eerste_ziektedag_verschilt", "consistency.uren_zoekprofiel_vs_fml"]
    return Dossier(key, fsd, docs, riv_present=present, riv_missing=["riv.fml", "riv.ad_rapport"],
                   findings=deadlines if late else [], not_findings=quiet if late else quiet + deadlines)


def h04() -> Dossier:
    """Just late: PvA week 9 day 1, one 43-day evaluation gap, spoor 2 started 43 days after the EJE."""
    return _timeline_dossier("h04", date(2023, 1, 9), pa_off=38, pva_gap=18,
                             ev_gaps=[42, 43, 42, 42, 42, 42], melding_off=291, eje_off=345, spoor2_gap=43,
                             names={"wn": "S. de Groot", "wg": "Transportbedrijf Van Wijk", "ba": "Arbo Rivierenland"},
                             late=True)


def h05() -> Dossier:
    """Just in time: PA week 6, PvA week 8 exactly 14 days later, 42-day gaps, EJE week 52, spoor 2 at 42 days."""
    return _timeline_dossier("h05", date(2023, 6, 5), pa_off=39, pva_gap=14,
                             ev_gaps=[42, 42, 42, 42, 42, 42, 42], melding_off=291, eje_off=357, spoor2_gap=42,
                             names={"wn": "L. Meijer", "wg": "Zorgcentrum De Linde", "ba": "Arbo Vallei"},
                             late=False)


def h06() -> Dossier:
    """Negations: components named but declined ('niet van toepassing', 'volgt later', 'geen scholing')."""
    fsd, fml = date(2023, 4, 3), date(2024, 2, 12)
    start, plan = date(2024, 4, 15), date(2024, 4, 18)
    end, test = date(2024, 6, 28), date(2024, 7, 15)
    b = bsn(16)
    ident = [["Naam", "M. Yilmaz"], ["BSN", b], ["Datum eerste ziektedag", dmy(fsd)]]
    plan_doc = Doc("Werkpad plan Yilmaz.pdf", "spoor2_plan", header="Werkpad Re-integratie", blocks=[
        ("h", "Re-integratieplan tweede spoor"),
        ("t", ident + [["Datum plan", dmy(plan)], ["Startdatum", dmy(start)]]),
        ("h", "Persoonsprofiel"),
        ("p", "De heer Yilmaz (44) werkte 15 jaar als productiemedewerker in een drukkerij. Hij heeft een "
              "vmbo-diploma en een heftruckcertificaat, spreekt Nederlands en Turks en is betrouwbaar en punctueel."),
        ("h", "Belastbaarheid"),
        ("p", f"Er zijn geen wijzigingen sinds de FML van {dmy(fml)}: niet tillen boven 5 kg, geen ploegendienst."),
        ("p", "Werktijd: 6 uur per dag. Prognose: stabiel."),
        ("h", "Zoekprofiel"), ("p", "Volgt later, na de beroepentest."),
        ("h", "Urenomvang"), ("p", "Nog niet bepaald."),
        ("h", "Arbeidsmarktanalyse"), ("p", "Niet uitgevoerd; volgt na vaststelling van het zoekprofiel."),
        ("h", "Activiteiten en planning"),
        ("p", f"Beroepentest en interessetest tot {dmy(test)}; daarna zoekprofiel vaststellen; cv opstellen; "
              f"doel: passend werk binnen negen maanden na {dmy(start)}."),
        ("h", "Contact"),
        ("p", "Niet minder dan eens per week een gesprek op kantoor; tussendoor contact per telefoon."),
        ("h", "Rapportage"),
        ("p", f"Voortgangsrapportage op {dmy(end)} en daarna elke drie maanden; eindrapportage bij afsluiting."),
        ("h", "Ondertekening"), ("p", "Voor akkoord werknemer: M. Yilmaz (getekend). Jobcoach: P. Brouwer."),
    ], dates=[(dmy(fsd), fsd), (dmy(plan), plan), (dmy(start), start), (dmy(fml), fml), (dmy(end), end),
              (dmy(test), test)],
        hours=[("6 uur per dag", 6, "per_day")],
        present=[f"spoor2_plan.{c}" for c in ["persoonsprofiel", "belastbaarheid", "activiteiten_tijdpad",
                 "contactafspraken", "rapportagemomenten", "ondertekening", "startdatum"]],
        missing=[f"spoor2_plan.{c}" for c in ["zoekprofiel", "onderbouwing_zoekprofiel", "urenomvang",
                 "arbeidsmarktanalyse"]])
    vg = Doc("Voortgang Yilmaz juni.docx", "spoor2_voortgang", header="Werkpad Re-integratie", blocks=[
        ("h", "Voortgangsrapportage tweede spoor"),
        ("t", ident + [["Rapportageperiode", f"{dmy(start)} tot en met {dmy(end)}"]]),
        ("h", "Belastbaarheid"),
        ("p", f"De belastbaarheid is niet gewijzigd. De FML van {dmy(fml)} geldt nog: 6 uur per dag, niet tillen "
              "boven 5 kg. Er is geen aanleiding het plan aan te passen."),
        ("h", "Zoekprofiel"), ("p", "Nog niet vastgesteld, volgt later."),
        ("h", "Aanbodversterking"), ("p", "Niet van toepassing. Er is geen scholing ingezet."),
        ("h", "Sollicitaties"), ("p", "Geen sollicitaties verstuurd in deze periode; eerst oriëntatie."),
        ("h", "Medewerking"),
        ("p", "De heer Yilmaz komt zijn afspraken na en was niet één keer afwezig. De werkgever is per mail "
              "op de hoogte gehouden."),
        ("h", "Komende periode"),
        ("p", f"Beroepentest afronden op {dmy(test)}, zoekprofiel vaststellen, cv maken, start sollicitaties."),
    ], dates=[(dmy(start), start), (dmy(end), end), (dmy(fml), fml), (dmy(test), test)],
        hours=[("6 uur per dag", 6, "per_day")],
        present=[f"spoor2_voortgang.{c}" for c in ["periode", "belastbaarheid_actueel", "medewerking",
                 "arbeidsmarktplan"]],
        missing=[f"spoor2_voortgang.{c}" for c in ["zoekprofiel_actueel", "aanbodversterking", "sollicitaties"]])
    return Dossier("h06", fsd, [plan_doc, vg], not_findings=["consistency.eerste_ziektedag_verschilt"])
