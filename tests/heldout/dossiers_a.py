"""Held-out dossiers h01-h03: informal employer, arbodienst forms, re-integratiebureau."""
from __future__ import annotations

from datetime import date, timedelta

from make_heldout import Doc, Dossier, abbr, bsn, dmy, iso, long

NOT_YET_FIRST_HALF = ["riv.eerstejaarsevaluatie", "riv.ziekmelding_uwv", "riv.ad_rapport",
                      "riv.actueel_oordeel", "riv.eindevaluatie", "riv.mening_werknemer",
                      "riv.spoor2", "riv.spoor1_onderzoek"]


def h01() -> Dossier:
    """Small gardening firm: a BA letter, an emailed agreement, loose conversation notes (week 20)."""
    fsd = date(2024, 2, 5)
    seen, pa = fsd + timedelta(36), fsd + timedelta(37)          # week 6
    pva = pa + timedelta(13)                                     # week 8, 13 days after PA
    start, ev1 = pva + timedelta(7), pva + timedelta(42)
    ev2, recheck = ev1 + timedelta(42), pa + timedelta(27)
    letter = Doc("brief bedrijfsarts maart.pdf", "probleemanalyse", header="Arbodienst Noordwest - Spaarne 12, Haarlem", blocks=[
        ("p", f"Haarlem, {long(pa)}"),
        ("p", "Aan: de heer H. Dekker, Groenrijk Dekker Hoveniers, Vijfhuizen"),
        ("p", "Betreft: uw medewerker de heer P. Vos, terugkoppeling spreekuur"),
        ("p", "Geachte heer Dekker,"),
        ("p", f"Op {long(seen)} zag ik de heer Vos op mijn spreekuur."),
        ("p", f"Hij is arbeidsongeschikt sinds {long(fsd)}."),
        ("p", "Ik verwacht dat het verzuim langer gaat duren, daarom stuur ik u hierbij mijn "
              "analyse van de situatie en mijn advies."),
        ("p", "Hij kan op dit moment niet zwaar tillen, niet knielen en niet langdurig bukken. Hij kan wel "
              "licht werk doen, zoals onderhoud van machines, bestellingen en het aansturen van een collega."),
        ("p", "Dat kan in 3 ochtenden van 3 uur."),
        ("p", "Ik verwacht dat hij binnen drie tot zes maanden zijn eigen werk grotendeels weer kan doen. "
              "Er zijn geen belemmeringen in de werksituatie die het herstel in de weg staan."),
        ("p", "Mijn advies: stel samen met de heer Vos binnen twee weken de afspraken over zijn terugkeer op "
              f"papier en laat hem rustig opbouwen. Ik zie hem terug op {long(recheck)}."),
        ("p", "Met vriendelijke groet,"),
        ("p", "J. Kuipers, bedrijfsarts (BIG 49023118101)"),
    ], dates=[(long(pa), pa), (long(seen), seen), (long(fsd), fsd), (long(recheck), recheck)],
        hours=[("3 ochtenden van 3 uur", 9, "per_week")])
    mail = Doc("Afspraken met Piet.docx", "plan_van_aanpak", blocks=[
        ("p", "Van: Henk Dekker <henk@groenrijk-dekker.nl>"),
        ("p", "Aan: Piet Vos; arbodienst Noordwest"),
        ("p", "Onderwerp: wat we hebben afgesproken over je terugkeer"),
        ("p", f"Hoi Piet, zoals beloofd de afspraken van vanmorgen ({long(pva)}) op een rij. De arbodienst "
              "noemt dit het plan van aanpak, dus ik stuur het ook naar hen."),
        ("p", f"De bedrijfsarts schreef op {long(pa)} dat je licht werk kunt doen. We spraken af dat je op "
              f"{long(start)} begint met 3 ochtenden van 3 uur: machines nakijken, bestellingen doen en "
              "de planning met Kees. Zwaar sjouwen en knielen doe je niet. Normaal werk je 40 uur per week, "
              "daar willen we over een half jaar weer zijn."),
        ("p", "Ik blijf jouw aanspreekpunt voor alles rond je ziekte. Elke maandag bellen we even, en elke zes "
              f"weken zitten we samen om te kijken hoe het gaat, de eerste keer op {long(ev1)}."),
        ("p", "Jij gaf aan dat je graag snel weer buiten wil werken, maar dat je bang bent om te vroeg te "
              "veel te doen. Daarom bouwen we alleen op als de bedrijfsarts het goed vindt."),
        ("p", "Groet, Henk"),
        ("p", f"Gelezen en akkoord, {long(pva)}: Piet Vos (getekend) en Henk Dekker (getekend)"),
    ], dates=[(long(pva), pva), (long(pa), pa), (long(start), start), (long(ev1), ev1)],
        hours=[("3 ochtenden van 3 uur", 9, "per_week"), ("40 uur per week", 40, "per_week")])
    notes = Doc("notities.docx", "evaluatie", blocks=[
        ("p", f"Op {long(ev1)} gesproken met Piet, in de kantine. Hij doet de 3 ochtenden van 3 uur nu "
              "vijf weken. Gaat goed, soms wat rugpijn na het laden, dat laat hij voortaan aan Kees. We "
              "hebben afgesproken dat hij naar 4 ochtenden van 4 uur gaat, de bedrijfsarts vond dat prima. "
              "Verder niets bijzonders, hij is gemotiveerd."),
        ("p", "Piet belde op 22 mei dat hij een dag niet kon komen vanwege de fysio. Geen probleem."),
        ("p", f"Op {long(ev2)} weer met Piet gezeten om te kijken hoe het gaat. De 4 ochtenden van 4 uur "
              "lukken. Hij wil nu ook middagen proberen. Dat bespreken we eerst met de bedrijfsarts. "
              "Over zes weken zitten we weer samen."),
        ("p", "(notities Henk, niet getekend)"),
    ], dates=[(long(ev1), ev1), (long(ev2), ev2)],
        hours=[("3 ochtenden van 3 uur", 9, "per_week"), ("4 ochtenden van 4 uur", 16, "per_week")])
    return Dossier("h01", fsd, [letter, mail, notes],
                   riv_present=["riv.probleemanalyse", "riv.plan_van_aanpak", "riv.evaluaties"],
                   riv_missing=["riv.gegevens_en_ondertekening"],
                   riv_not_yet_due=NOT_YET_FIRST_HALF,
                   not_findings=["deadline.probleemanalyse", "deadline.plan_van_aanpak",
                                 "deadline.evaluatie_interval", "consistency.eerste_ziektedag_verschilt"])


def _form(title: str, org: str, rows: list, extra: list = ()) -> list:
    return [("p", org), ("h", title), ("t", rows), *extra]


def h02() -> Dossier:
    """Arbodienst forms: label/value tables, abbreviations (PA, PvA, IZP, EJE, AD, BA, WN, WG)."""
    fsd = date(2023, 9, 4)
    b, org = bsn(2), "ArboPlus Verzuimregie B.V. - afdeling Casemanagement"
    consult, pa, nxt = fsd + timedelta(36), fsd + timedelta(37), fsd + timedelta(71)
    pva, ev = pa + timedelta(13), pa + timedelta(55)
    izp, eje = fsd + timedelta(330), fsd + timedelta(344)           # EJE week 50
    ad_o, ad_r = eje + timedelta(14), eje + timedelta(20)
    ident = [["WN", "F. el Amrani"], ["BSN", b], ["WG", "Modehuis Verbeek, Zwolle"], ["1e zd", dmy(fsd)]]
    sign = [["Handtekening BA", "drs. M. Jansen (elektronisch ondertekend)"]]
    pa_doc = Doc("PA_elAmrani.pdf", "probleemanalyse", header=org, blocks=_form("Rapportage PA", "ArboPlus", ident + [
        ["Datum consult", dmy(consult)], ["Datum rapportage", dmy(pa)],
        ["Beperkingen", "Beperkt in langdurig staan en lopen; niet tillen boven 5 kg; concentratie verminderd."],
        ["Benutbare mogelijkheden", "Ja. Start re-integratie in aangepast werk: 2 x 3 u/wk, zittend."],
        ["Prognose", "Verwacht gedeeltelijk herstel; na 3 mnd. opnieuw beoordelen."],
        ["Advies WG", "Binnen 2 wk. PvA opstellen met WN. Casemanager inschakelen."],
        ["Volgend consult", dmy(nxt)]] + sign),
        dates=[(dmy(fsd), fsd), (dmy(consult), consult), (dmy(pa), pa), (dmy(nxt), nxt)],
        hours=[("2 x 3 u/wk", 6, "per_week")])
    pva_doc = Doc("PvA_elAmrani.pdf", "plan_van_aanpak", header=org, blocks=_form("Formulier PvA", "ArboPlus", ident + [
        ["Datum PvA", dmy(pva)], ["Datum PA", dmy(pa)], ["Casemanager", "R. Smit (ArboPlus)"],
        ["Doel", "Terugkeer in eigen functie verkoopmedewerker (spoor 1)."],
        ["Activiteiten", "Opbouw van 2 x 3 u/wk naar 3 x 4 u/wk in aangepast werk (kassa zittend, webshop)."],
        ["Evaluatie", f"Elke 6 wk.; eerste evaluatie op {dmy(ev)}."],
        ["Visie WN", "Wil graag terug, maar twijfelt of staan weer lukt."],
        ["Visie WG", "Ruimte voor aangepast werk in de webshop."],
        ["Handtekening WN", "F. el Amrani"], ["Handtekening WG", "K. Verbeek"]]),
        dates=[(dmy(fsd), fsd), (dmy(pva), pva), (dmy(pa), pa), (dmy(ev), ev)],
        hours=[("2 x 3 u/wk", 6, "per_week"), ("3 x 4 u/wk", 12, "per_week")])
    izp_doc = Doc("IZP_elAmrani.pdf", "fml", header=org, blocks=_form("Rapportage IZP", "ArboPlus", ident + [
        ["Datum IZP", dmy(izp)],
        ["Persoonlijk functioneren", "Beperkt: geen deadlines, geen conflicthantering."],
        ["Dynamische handelingen", "Niet tillen > 5 kg; staan max. 30 min. aaneengesloten."],
        ["Werktijden", "Beperkt: max. 4 u/dag, 20 u/wk."],
        ["Prognose", "Stabiel; herbeoordeling over 6 mnd."]] + sign),
        dates=[(dmy(fsd), fsd), (dmy(izp), izp)],
        hours=[("4 u/dag", 4, "per_day"), ("20 u/wk", 20, "per_week")])
    eje_doc = Doc("EJE_elAmrani.pdf", "eerstejaarsevaluatie", header=org, blocks=_form("Verslag EJE", "ArboPlus", ident + [
        ["Datum EJE", dmy(eje)], ["Aanwezig", "WN, WG, casemanager"],
        ["Stand van zaken", f"WN werkt 3 x 4 u/wk. IZP: max. 4 u/dag."],
        ["Conclusie", "Terugkeer in eigen functie is niet haalbaar. AD inschakelen; 2e spoor starten."],
        ["Handtekening WN", "F. el Amrani"], ["Handtekening WG", "K. Verbeek"]]),
        dates=[(dmy(fsd), fsd), (dmy(eje), eje)],
        hours=[("3 x 4 u/wk", 12, "per_week"), ("4 u/dag", 4, "per_day")])
    ad_doc = Doc("AD_elAmrani.pdf", "ad_rapport", header=org, blocks=_form("AD-rapportage", "ArboPlus", ident + [
        ["Datum onderzoek", dmy(ad_o)], ["Datum rapport", dmy(ad_r)],
        ["Vraagstelling", "Is er passend werk bij WG (spoor 1), en zo niet, is spoor 2 nodig?"],
        ["Belastbaarheid", f"IZP van {dmy(izp)}: max. 4 u/dag, niet tillen > 5 kg."],
        ["Eigen functie", "Verkoopmedewerker, 32 u/wk: niet passend (staan, tillen)."],
        ["Spoor 1", "Onderzocht: kassamedewerker (zelfde niveau) - ongeschikt door staan; medewerker webshop "
                    "(lager niveau) - passend binnen IZP, maar geen structurele formatie; administratief "
                    "medewerker (hoger niveau) - opleiding ontbreekt. Geen passend werk bij WG."],
        ["Advies", "Start spoor 2 via re-integratiebureau; zoekrichting administratief/klantcontact."]] +
        [["Handtekening AD", "R. de Wit, arbeidsdeskundige"]]),
        dates=[(dmy(fsd), fsd), (dmy(ad_o), ad_o), (dmy(ad_r), ad_r), (dmy(izp), izp)],
        hours=[("4 u/dag", 4, "per_day"), ("32 u/wk", 32, "per_week")])
    return Dossier("h02", fsd, [pa_doc, pva_doc, izp_doc, eje_doc, ad_doc],
                   riv_present=["riv.probleemanalyse", "riv.plan_van_aanpak", "riv.eerstejaarsevaluatie",
                                "riv.fml", "riv.ad_rapport", "riv.spoor1_onderzoek"],
                   riv_missing=["riv.ziekmelding_uwv"],
                   not_findings=["deadline.probleemanalyse", "deadline.plan_van_aanpak",
                                 "deadline.eerstejaarsevaluatie", "consistency.eerste_ziektedag_verschilt"])


def h03() -> Dossier:
    """Re-integratiebureau with its own headings, '26 feb. 2024' / ISO dates, 'uur p/w' hours."""
    fsd, eje, fml = date(2023, 2, 13), date(2024, 1, 22), date(2024, 1, 9)
    start, plan = eje + timedelta(35), eje + timedelta(37)
    r1, r2 = start + timedelta(91), start + timedelta(182)
    hdr = "Stap Verder Loopbaanbegeleiding | Leeuwarden | www.stapverder.example"
    b = bsn(3)
    plan_doc = Doc("Loopbaanplan J Bakker.docx", "spoor2_plan", header=hdr, blocks=[
        ("h", "Loopbaanplan - re-integratie 2e spoor"),
        ("t", [["Kandidaat", "Jeroen Bakker"], ["BSN", b], ["Opdrachtgever", "Bouwbedrijf Hoekstra"],
               ["Eerste verzuimdag", dmy(fsd)], ["Datum plan", iso(plan)], ["Start traject", abbr(start)]]),
        ("h", "Wie is de kandidaat"),
        ("p", "Jeroen is 52 jaar en werkte 24 jaar als timmerman in de utiliteitsbouw. Hij heeft een mbo-diploma "
              "Bouwkunde, VCA en rijbewijs B en C. Hij is handig, nauwkeurig en werkt graag zelfstandig. Hij wil "
              "het liefst iets doen waarbij hij met bouw te maken houdt. Op dit moment werkt hij twee dagen van "
              "vier uur in aangepast werk op de werf."),
        ("h", "Wat kan Jeroen nog"),
        ("p", f"Volgens de FML van de bedrijfsarts van {abbr(fml)} kan Jeroen niet zwaar tillen (maximaal 10 kg), "
              "niet knielen en niet op steigers werken. Hij kan max. 4 u. per dag werken, vijf dagen per week. "
              "De bedrijfsarts verwacht geen verbetering meer."),
        ("h", "Waar gaan we naar zoeken"),
        ("p", "We zoeken werk als werkvoorbereider in de bouw, medewerker magazijnadministratie bij een "
              "bouwgroothandel, verkoopadviseur in een bouwmarkt of bezorger met een kleine bestelbus, voor 20 uur p/w."),
        ("h", "Waarom past dit bij Jeroen"),
        ("p", "Deze functies sluiten aan bij zijn kennis van materialen en bouwprocessen, vragen geen zwaar tillen "
              "of knielen en zijn in deeltijd te doen binnen max. 4 u. per dag. Zijn rijbewijs en VCA maken "
              "bezorgwerk en werk bij een groothandel haalbaar."),
        ("h", "Hoe staat de arbeidsmarkt ervoor"),
        ("p", "In Friesland zijn werkvoorbereiders en magazijnmedewerkers moeilijk te vinden (UWV "
              "spanningsindicator: zeer krap). Bouwmarkten in Leeuwarden en Heerenveen hebben doorlopend "
              "vacatures in deeltijd. De kansen op werk schatten we als redelijk tot goed."),
        ("h", "Hoe ver staat Jeroen van werk"),
        ("p", "Jeroen heeft nooit gesolliciteerd en heeft geen cv. Hij kent de digitale kanalen niet. Zijn afstand "
              "tot de arbeidsmarkt is gemiddeld; die verkleinen we met een sollicitatietraining en hulp bij een "
              "LinkedIn-profiel."),
        ("h", "Zo pakken we het aan"),
        ("p", "Maand 1: cv maken, sollicitatietraining, LinkedIn-profiel. Maand 2 en 3: netwerkgesprekken en "
              "wekelijks minstens twee sollicitaties. Maand 4 tot 6: proefplaatsing of werkervaringsplek als "
              "dat nodig is. Einddoel: een baan van 20 uur p/w binnen zes maanden."),
        ("h", "Afspraken met de kandidaat"),
        ("p", "We zien Jeroen elke dinsdag op ons kantoor in Leeuwarden; tussendoor bellen of mailen we. "
              f"We rapporteren aan de werkgever op {abbr(r1)} en {abbr(r2)}, en bij afsluiting met een eindrapport."),
        ("p", f"De eerstejaarsevaluatie was op {dmy(eje)}; de werkgever gaf ons direct daarna de opdracht."),
        ("h", "Akkoord"),
        ("p", f"Voor akkoord kandidaat: J. Bakker, getekend op {iso(plan)}. Loopbaanadviseur: S. Postma."),
    ], dates=[(dmy(fsd), fsd), (iso(plan), plan), (abbr(start), start), (abbr(fml), fml),
              (abbr(r1), r1), (abbr(r2), r2), (dmy(eje), eje)],
        hours=[("twee dagen van vier uur", 8, "per_week"), ("max. 4 u. per dag", 4, "per_day"),
               ("20 uur p/w", 20, "per_week")],
        present=[f"spoor2_plan.{c}" for c in ["persoonsprofiel", "belastbaarheid", "zoekprofiel",
                 "onderbouwing_zoekprofiel", "arbeidsmarktanalyse", "afstand_arbeidsmarkt",
                 "activiteiten_tijdpad", "urenomvang", "contactafspraken", "rapportagemomenten",
                 "ondertekening", "startdatum"]])
    sol = [start + timedelta(d) for d in (6, 9, 15, 20, 27, 31, 38, 44, 50, 55, 61, 66, 72, 78, 83, 88)]
    rows = [["Datum", "Werkgever", "Functie", "Uitkomst"]]
    employers = ["Bouwmaat", "Gamma Heerenveen", "Hoekstra Groothandel", "Praxis Leeuwarden", "PostNL"]
    for i, d in enumerate(sol):
        rows.append([iso(d), employers[i % 5], ["magazijnadministratie", "verkoopadviseur", "bezorger"][i % 3],
                     "afgewezen" if i % 4 else "gesprek gehad"])
    vg = Doc("Tussenrapportage 1 Bakker.pdf", "spoor2_voortgang", header=hdr, blocks=[
        ("h", "Tussenrapportage 2e spoor - Jeroen Bakker"),
        ("t", [["BSN", b], ["Eerste verzuimdag", dmy(fsd)], ["Periode", f"{abbr(start)} t/m {abbr(r1)}"]]),
        ("h", "Hoe gaat het met zijn gezondheid"),
        ("p", f"Er is geen nieuwe FML. De bedrijfsarts bevestigde op {abbr(start + timedelta(60))} dat de FML van "
              f"{abbr(fml)} nog geldt: max. 4 u. per dag, niet tillen boven 10 kg. Het plan hoeft daarom niet anders."),
        ("h", "Zoeken we nog in de goede richting"),
        ("p", "Ja. Werkvoorbereider blijkt lastig zonder hbo; bezorger en verkoopadviseur in een bouwmarkt "
              "leverden gesprekken op. We houden het zoekprofiel aan, 20 uur p/w, en laten werkvoorbereider los "
              "omdat vacatures een hbo-opleiding vragen."),
        ("h", "Wat heeft Jeroen geleerd"),
        ("p", "Jeroen volgde de sollicitatietraining (vier bijeenkomsten) en kreeg een certificaat. Hij heeft nu een "
              "cv en een LinkedIn-profiel en schrijft zelf zijn brieven; resultaat: twee uitnodigingen."),
        ("h", "Sollicitaties"),
        ("p", "Jeroen solliciteerde zelf, steeds op functies uit het zoekprofiel; bewijzen zitten in het dossier."),
        ("t", rows),
        ("h", "Hoe werkt Jeroen mee"),
        ("p", "Jeroen komt alle afspraken na en is gemotiveerd. De werkgever krijgt elke maand een korte mail van ons."),
        ("h", "Wat gaan we doen tot de volgende keer"),
        ("p", "Doorgaan met twee sollicitaties per week, netwerkgesprek bij Bouwmaat, en zoeken naar een "
              "proefplaatsing als bezorger."),
    ], dates=[(abbr(start), start), (abbr(r1), r1), (dmy(fsd), fsd), (abbr(fml), fml)] +
        [(iso(sol[0]), sol[0]), (iso(sol[-1]), sol[-1])],
        hours=[("max. 4 u. per dag", 4, "per_day"), ("20 uur p/w", 20, "per_week")],
        present=[f"spoor2_voortgang.{c}" for c in ["periode", "belastbaarheid_actueel", "zoekprofiel_actueel",
                 "aanbodversterking", "sollicitaties", "arbeidsmarktplan", "medewerking"]])
    return Dossier("h03", fsd, [plan_doc, vg],
                   not_findings=["deadline.spoor2_start", "consistency.uren_zoekprofiel_vs_fml",
                                 "consistency.sollicitatie_gat", "consistency.sollicitatie_frequentie",
                                 "consistency.namens_werknemer", "consistency.eerste_ziektedag_verschilt"])
