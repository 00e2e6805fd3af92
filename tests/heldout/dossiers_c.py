"""Held-out dossiers h07-h12, written blind (without reading the tool): HR-system DOCX exports with
headers and footers, a WIA-stage dossier without eindevaluatie, a small employer's prose with a
two-column PDF letter, a weekly-log spoor-2 bureau with a sollicitatie gap, an arbodienst export
with dotted dates and near misses, a bureau that follows an urenopbouwschema.
"""
from __future__ import annotations

from datetime import date, timedelta

from docx import Document as Docx
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer

from make_heldout import Doc, Dossier, bsn, dmy, long, write_docx

WD = ["ma", "di", "wo", "do", "vr", "za", "zo"]
WDL = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]


def dot(d: date) -> str:
    return d.strftime("%d.%m.%Y")


def wlong(d: date) -> str:
    return f"{WD[d.weekday()]} {long(d)}"


def yy(d: date) -> str:
    return f"{d.day}-{d.month}-{d.year % 100:02d}"


def with_footer(footer: str):
    """DOCX writer: make_heldout.write_docx plus a footer line (footer text is never labelled)."""
    def write(doc: Doc, path) -> None:
        write_docx(doc, path)
        d = Docx(path)
        d.sections[0].footer.paragraphs[0].text = footer
        d.save(path)
    return write


def write_two_columns(doc: Doc, path) -> None:
    """A letter set in two columns (house style of a small arbodienst)."""
    ss = getSampleStyleSheet()
    w, h = A4
    colw = (w - 4 * cm - 1 * cm) / 2
    top, fh = h - 3 * cm, 11 * cm           # short columns: the letter runs over into the right one
    frames = [Frame(2 * cm, top - fh, colw, fh, id="left"),
              Frame(2 * cm + colw + 1 * cm, top - fh, colw, fh, id="right")]

    def header(canvas, _doc):
        canvas.setFont("Helvetica-Bold", 10)
        canvas.drawString(2 * cm, h - 1.6 * cm, doc.header)
        canvas.setFont("Helvetica", 7)
        canvas.drawString(2 * cm, 1.2 * cm, "KvK 61234987 - lid OVAL - vertrouwelijk: alleen voor de geadresseerde")

    flow = []
    for kind, value in doc.blocks:
        flow += [Paragraph(value, ss["Heading4"] if kind == "h" else ss["BodyText"]), Spacer(1, 3)]
    t = BaseDocTemplate(str(path), pagesize=A4)
    t.addPageTemplates([PageTemplate(id="twee", frames=frames, onPage=header)])
    t.build(flow)


def _doc(name, doc_type, blocks, dates=(), hours=(), present=(), missing=(), header="", writer=None) -> Doc:
    d = Doc(name, doc_type, blocks, dates=list(dates), hours=list(hours), present=list(present),
            missing=list(missing), header=header)
    if writer is not None:
        d.writer = writer
    return d


# --------------------------------------------------------------------------------------------- h07
def h07() -> Dossier:
    """Large employer, HR-portal export: every document a DOCX table with header and footer;
    'ma 4 maart 2024' and '04.03.2024' dates, 'u/wk' hours, '6,5 uur per dag'. 42e-weeksmelding in
    week 44 (late) and the eerstejaarsevaluatie in week 45 (too early); dossier ends in week 45."""
    fsd = date(2024, 1, 15)
    o = lambda n: fsd + timedelta(n)
    pa, seen, nxt, pva, werk = o(39), o(38), o(60), o(51), o(56)
    evs = [o(n) for n in (91, 133, 171, 213, 254, 296)]
    melding, eje = o(303), o(310)
    b = bsn(107)
    hdr = "HR Portaal Van der Linden Logistiek B.V. | Vertrouwelijk personeelsdossier | Mdw. 204877 R. Dijkstra"
    wr = with_footer(f"Export HR Portaal {dot(eje + timedelta(2))} | Pagina 1 | Niet verspreiden")
    ident = [["Medewerker", "R. (Rob) Dijkstra, personeelsnummer 204877"], ["BSN", b],
             ["Eerste ziektedag", dot(fsd)], ["Afdeling", "Distributiecentrum Tilburg, expeditie"]]
    pa_doc = _doc("0001_Probleemanalyse_BA.docx", "probleemanalyse", header=hdr, writer=wr, blocks=[
        ("t", [["Documentsoort", "Probleemanalyse bedrijfsarts"]] + ident + [
            ["Datum spreekuur", wlong(seen)], ["Datum rapportage", wlong(pa)],
            ["Functionele beperkingen", "Geen zware fysieke belasting; niet tillen boven 10 kg; geen "
             "heftruckwerk; afwisselend zitten en staan."],
            ["Mogelijkheden", "Belastbaar voor halve dagen. Start met 12 u/wk, verdeeld over drie dagen, in "
             "licht administratief werk op de expeditie."],
            ["Prognose", "Gunstig; volledige terugkeer in eigen werk binnen 4 tot 6 maanden verwacht."],
            ["Advies aan werkgever", "Binnen twee weken een plan van aanpak opstellen met de medewerker; "
             "uren in overleg met mij opbouwen."],
            ["Volgend spreekuur", wlong(nxt)],
            ["Ondertekening", "M. Hoekstra, bedrijfsarts (digitaal ondertekend)"]]),
    ], dates=[(dot(fsd), fsd), (long(seen), seen), (long(pa), pa), (long(nxt), nxt)],
        hours=[("12 u/wk", 12, "per_week")])
    pva_doc = _doc("0002_Plan_van_aanpak.docx", "plan_van_aanpak", header=hdr, writer=wr, blocks=[
        ("t", [["Documentsoort", "Plan van aanpak (WVP)"]] + ident + [
            ["Opgesteld op", dot(pva)], ["Op basis van probleemanalyse d.d.", dot(pa)],
            ["Doel", "Terugkeer in eigen functie teamleider expeditie, 36 u/wk."],
            ["Activiteiten", f"Start aangepast werk op {wlong(werk)} met 12 u/wk (drie halve dagen), na zes "
             "weken naar 16 u/wk als de bedrijfsarts akkoord is."],
            ["Casemanager", "J. Visser, HR-adviseur"],
            ["Contact en evaluatie", f"Wekelijks telefonisch contact; iedere 6 weken een voortgangsevaluatie, "
             f"eerste op {wlong(evs[0])}."],
            ["Visie medewerker", "Wil graag terug, vindt halve dagen nu genoeg."],
            ["Visie werkgever", "Ruimte voor aangepast werk op de expeditie."],
            ["Akkoord medewerker", "R. Dijkstra (digitaal ondertekend)"],
            ["Akkoord werkgever", "J. Visser namens Van der Linden Logistiek (digitaal ondertekend)"]]),
    ], dates=[(dot(fsd), fsd), (dot(pva), pva), (dot(pa), pa), (long(werk), werk), (long(evs[0]), evs[0])],
        hours=[("12 u/wk", 12, "per_week"), ("16 u/wk", 16, "per_week"), ("36 u/wk", 36, "per_week")])
    rows = [["Datum", "Soort contact", "Door", "Verslag"],
            [dot(pa), "Probleemanalyse", "BA", "Probleemanalyse ontvangen en besproken met medewerker."],
            [dot(pva), "Plan van aanpak", "CM", "Plan van aanpak opgesteld en door beiden getekend."],
            [dot(evs[0]), "Voortgangsevaluatie", "CM/LG", "Werkt 12 u/wk, gaat goed. Opbouw naar 16 u/wk afgesproken."],
            [dot(evs[1]), "Voortgangsevaluatie", "CM/LG", "16 u/wk haalbaar; rugklachten wisselend. BA volgt."],
            [dot(evs[2]), "Voortgangsevaluatie", "CM/LG", "Opbouw naar 20 u/wk na akkoord BA."],
            [dot(evs[3]), "Voortgangsevaluatie", "CM/LG", "Stabiel op 20 u/wk; eigen werk nog niet in zicht."],
            [dot(evs[4]), "Voortgangsevaluatie", "CM/LG", "Geen verdere opbouw mogelijk volgens BA."],
            [dot(evs[5]), "Voortgangsevaluatie", "CM/LG", "Eerstejaarsevaluatie ingepland; AD-onderzoek besproken."],
            [dot(melding), "Ziekmelding UWV", "CM", "42e-weeksmelding via het werkgeversportaal verzonden."],
            [dot(eje), "Eerstejaarsevaluatie", "CM/LG/MDW", "Eerstejaarsevaluatie gehouden, zie apart verslag."]]
    log = _doc("0003_Contactmomenten.docx", "logboek", header=hdr, writer=wr, blocks=[
        ("t", [["Documentsoort", "Overzicht contactmomenten verzuim"]] + ident),
        ("t", rows),
        ("p", "Geaccordeerd: J. Visser, casemanager (digitaal ondertekend)"),
    ], dates=[(dot(evs[0]), evs[0]), (dot(evs[2]), evs[2]), (dot(evs[5]), evs[5]), (dot(melding), melding),
              (dot(eje), eje)],
        hours=[("12 u/wk", 12, "per_week"), ("16 u/wk", 16, "per_week"), ("20 u/wk", 20, "per_week")])
    eje_doc = _doc("0004_Eerstejaarsevaluatie.docx", "eerstejaarsevaluatie", header=hdr, writer=wr, blocks=[
        ("t", [["Documentsoort", "Eerstejaarsevaluatie"]] + ident + [
            ["Datum gesprek", wlong(eje)], ["Aanwezig", "medewerker, leidinggevende, casemanager"],
            ["Huidige inzet", "20 u/wk (4 x 5 uur) aangepast werk op de expeditie."],
            ["Belastbaarheid volgens BA", "Tot 6,5 uur per dag, geen zware fysieke belasting."],
            ["Terugblik eerste jaar", "Opbouw volgens plan tot 20 u/wk; daarna stagnatie."],
            ["Re-integratieresultaat tweede jaar", "Terugkeer in eigen functie is onzeker. Arbeidsdeskundig "
             "onderzoek wordt aangevraagd; op basis daarvan besluiten we over een tweede spoor."],
            ["Mening medewerker", "Eens met de afspraken."],
            ["Akkoord medewerker", "R. Dijkstra (digitaal ondertekend)"],
            ["Akkoord werkgever", "J. Visser (digitaal ondertekend)"]]),
    ], dates=[(dot(fsd), fsd), (long(eje), eje)],
        hours=[("20 u/wk", 20, "per_week"), ("4 x 5 uur", 20, "per_week"), ("6,5 uur per dag", 6.5, "per_day")])
    return Dossier("h07", fsd, [pa_doc, pva_doc, log, eje_doc],
                   riv_present=["riv.probleemanalyse", "riv.plan_van_aanpak", "riv.evaluaties",
                                "riv.ziekmelding_uwv", "riv.eerstejaarsevaluatie", "riv.gegevens_en_ondertekening"],
                   riv_not_yet_due=["riv.actueel_oordeel", "riv.eindevaluatie", "riv.mening_werknemer",
                                    "riv.spoor2"],
                   findings=["deadline.ziekmelding_uwv", "deadline.eerstejaarsevaluatie"],
                   not_findings=["deadline.probleemanalyse", "deadline.plan_van_aanpak",
                                 "deadline.evaluatie_interval", "consistency.eerste_ziektedag_verschilt"])


# --------------------------------------------------------------------------------------------- h08
def h08() -> Dossier:
    """WIA stage: FML, EJE, AD with spoor-1 table, spoor-2 plan whose zoekprofiel (20 uur) is below the
    FML (30 uur) without onderbouwing, a complete eindrapportage, actueel oordeel 30 days before the
    WIA-aanvraag, and a RIV whose eindevaluatie 'wordt nagezonden'. PA and PvA only in the chronology."""
    fsd = date(2023, 3, 6)
    o = lambda n: fsd + timedelta(n)
    pa, pva, melding = o(38), o(50), o(289)
    fml, eje, ad = o(318), o(345), o(359)
    plan, start, eind = o(381), o(385), o(600)
    ao, wia = o(595), o(625)
    evals = [o(n) for n in (90, 130, 170, 210, 250, 290, 330, 380, 420, 460, 500, 540, 580, 615)]
    b = bsn(108)
    wn, wg = "A. (Ahmed) Bouzid", "Groothandel Peters & Zn. B.V., Venlo"
    ident = [["Werknemer", wn], ["BSN", b], ["Eerste ziektedag", dmy(fsd)]]
    fml_doc = _doc("FML Bouzid.pdf", "fml", header="Arbodienst Noord-Limburg - bedrijfsgezondheidszorg", blocks=[
        ("h", "Functionele Mogelijkhedenlijst"), ("t", ident + [["Datum FML", dmy(fml)]]),
        ("h", "Beperkingen per rubriek"),
        ("p", "I Persoonlijk functioneren: niet beperkt. II Sociaal functioneren: niet beperkt. III Aanpassing "
              "aan fysieke omgevingseisen: niet beperkt. IV Dynamische handelingen: tillen max. 15 kg, niet "
              "frequent bukken. V Statische houdingen: afwisseling zitten en staan. VI Werktijden: beperkt."),
        ("h", "Werktijden"),
        ("p", "Belastbaar voor 6 uur per dag en 30 uur per week, vanwege een preventieve arbeidsduurbeperking."),
        ("h", "Prognose"), ("p", "Stabiel; geen verbetering meer verwacht."),
        ("p", "Bedrijfsarts: dr. E. Coenen (getekend)"),
    ], dates=[(dmy(fsd), fsd), (dmy(fml), fml)],
        hours=[("6 uur per dag", 6, "per_day"), ("30 uur per week", 30, "per_week")])
    eje_doc = _doc("Eerstejaarsevaluatie Bouzid.docx", "eerstejaarsevaluatie", blocks=[
        ("h", "Eerstejaarsevaluatie"), ("t", ident + [["Werkgever", wg], ["Datum", dmy(eje)]]),
        ("p", "Ahmed werkt nu 3 x 4 uur in aangepast werk in de orderverwerking. Volgens de FML van "
              f"{dmy(fml)} kan hij zijn eigen werk als chauffeur niet meer doen. Terugkeer in de eigen functie is "
              "niet haalbaar. Een arbeidsdeskundige onderzoekt passend werk binnen het bedrijf; parallel start "
              "het tweede spoor via Werkfit Zuid."),
        ("p", "Mening werknemer: Ahmed is het eens met deze aanpak."),
        ("p", "Getekend: A. Bouzid, werknemer; L. Peters, directeur."),
    ], dates=[(dmy(fsd), fsd), (dmy(eje), eje), (dmy(fml), fml)], hours=[("3 x 4 uur", 12, "per_week")])
    ad_doc = _doc("AD rapport Bouzid.pdf", "ad_rapport", header="Bureau Arbeidsdeskundig Advies Maasland", blocks=[
        ("h", "Arbeidsdeskundig rapport"), ("t", ident + [["Werkgever", wg], ["Datum rapport", dmy(ad)]]),
        ("h", "Belasting eigen functie"),
        ("p", "Chauffeur/bezorger, 38 uur per week: laden en lossen tot 25 kg, lange rijtijden. Niet passend "
              f"binnen de FML van {dmy(fml)} (6 uur per dag, tillen max. 15 kg)."),
        ("h", "Onderzoek passend werk bij werkgever (spoor 1)"),
        ("t", [["Functie", "Niveau", "Belasting t.o.v. belastbaarheid", "Oordeel"],
               ["Magazijnmedewerker", "gelijk", "tillen tot 25 kg, frequent bukken", "niet passend"],
               ["Orderverwerker", "gelijk", "zittend, beeldschermwerk", "passend, geen formatie"],
               ["Schoonmaker", "lager", "frequent bukken", "niet passend"],
               ["Baliemedewerker afhaalbalie", "lager", "staan, tillen tot 10 kg", "passend, geen vacature"],
               ["Planner", "hoger", "opleiding ontbreekt, niet binnen 6 maanden te leren", "niet passend"]]),
        ("p", "Conclusie: binnen de organisatie is geen structureel passend werk. Advies: tweede spoor, "
              "zoekrichting logistiek-administratief en lichte productie, voor 30 uur per week."),
        ("p", "Arbeidsdeskundige: drs. H. Jacobs (getekend)"),
    ], dates=[(dmy(fsd), fsd), (dmy(ad), ad), (dmy(fml), fml)],
        hours=[("38 uur per week", 38, "per_week"), ("6 uur per dag", 6, "per_day"),
               ("30 uur per week", 30, "per_week")])
    plan_doc = _doc("Trajectplan Werkfit Bouzid.pdf", "spoor2_plan", header="Werkfit Zuid B.V. - trajectplan 2e spoor",
        blocks=[
        ("h", "Trajectplan re-integratie tweede spoor"),
        ("t", ident + [["Opdrachtgever", wg], ["Datum plan", dmy(plan)], ["Startdatum traject", dmy(start)]]),
        ("h", "1. Aanleiding"),
        ("p", f"Na de eerstejaarsevaluatie van {dmy(eje)} gaf de werkgever opdracht voor een tweede spoortraject."),
        ("h", "2. Uitgangssituatie"),
        ("p", "Ahmed (47) werkte 19 jaar als chauffeur/bezorger bij de werkgever. Hij heeft een vmbo-diploma, "
              "rijbewijs C en een code 95-kwalificatie. Hij is klantvriendelijk, punctueel en werkt graag "
              "zelfstandig. Hij spreekt Nederlands, Arabisch en wat Duits. Hij wil graag buiten of in de "
              "logistiek blijven werken."),
        ("h", "3. Inzetbaarheid"),
        ("p", f"Volgens de FML van {dmy(fml)}: tillen max. 15 kg, niet frequent bukken, afwisseling zitten en "
              "staan; werktijden 6 uur per dag, 30 uur per week. Prognose: stabiel."),
        ("h", "4. Beoogde functies"),
        ("p", "Orderpicker, magazijnmedewerker, chauffeur bestelbus, voor 20 uur per week."),
        ("h", "5. Arbeidsmarkt"),
        ("p", "In Noord-Limburg is veel vraag naar logistiek personeel (UWV: krap). Deeltijdvacatures voor "
              "bestelbuschauffeurs en administratief-logistieke functies zijn er doorlopend in Venlo en Venray."),
        ("h", "6. Afstand tot de arbeidsmarkt"),
        ("p", "Ahmed heeft 19 jaar niet gesolliciteerd en heeft geen actueel cv. Zijn digitale vaardigheden zijn "
              "beperkt. We schatten de afstand als gemiddeld en verkleinen die met een cv-training en een "
              "cursus digitale vaardigheden."),
        ("h", "7. Activiteiten en planning"),
        ("p", f"Maand 1 vanaf {dmy(start)}: intake, cv, training. Maand 2 en 3: netwerkgesprekken en "
              "solliciteren, minimaal 1 sollicitatie per week. Daarna werkgerichte fase met bemiddeling. Doel: "
              "een passende baan binnen 9 maanden."),
        ("h", "8. Contact"), ("p", "Eens per week een afspraak met de jobcoach, op kantoor of per beeldbellen."),
        ("h", "9. Rapportage"),
        ("p", "Voortgangsrapportage elke drie maanden aan werkgever en werknemer; eindrapportage bij afsluiting."),
        ("h", "10. Ondertekening"),
        ("p", "Voor akkoord: A. Bouzid (getekend). Jobcoach: S. Vermeulen, Werkfit Zuid (getekend)."),
    ], dates=[(dmy(fsd), fsd), (dmy(plan), plan), (dmy(start), start), (dmy(eje), eje), (dmy(fml), fml)],
        hours=[("6 uur per dag", 6, "per_day"), ("30 uur per week", 30, "per_week"),
               ("20 uur per week", 20, "per_week")],
        present=[f"spoor2_plan.{c}" for c in ["persoonsprofiel", "belastbaarheid", "arbeidsmarktanalyse",
                 "afstand_arbeidsmarkt", "activiteiten_tijdpad", "contactafspraken", "rapportagemomenten",
                 "ondertekening", "startdatum"]],
        missing=["spoor2_plan.onderbouwing_zoekprofiel", "spoor2_plan.urenomvang"])
    # sollicitaties: gaps of 3-7 days, one of 27 days; first two weeks none
    gaps = [4, 5, 3, 6, 4, 5, 7, 3, 5, 4, 6, 5, 4, 27, 3, 4, 5, 6, 4, 3, 5, 4, 6, 5, 3, 4, 5, 6, 4, 5, 3, 5,
            4, 6, 5, 4, 3, 5, 4, 6, 5, 4]
    apps, cur = [], start + timedelta(15)
    for g in [0] + gaps:
        cur = cur + timedelta(g)
        if cur >= eind:
            break
        apps.append(cur)
    assert max((b2 - a2).days for a2, b2 in zip(apps, apps[1:])) == 27
    assert len(apps) / ((eind - start).days / 7) >= 1.1, len(apps)
    firms = ["Bol Logistics Venlo", "DHL Supply Chain", "Kuehne+Nagel", "PostNL pakketten", "Jumbo DC Venray",
             "Picnic hub Venlo", "Hoogvliet DC", "Rhenus Logistics"]
    funcs = ["orderpicker", "magazijnmedewerker", "chauffeur bestelbus"]
    rows = [["Datum", "Werkgever", "Functie", "Resultaat"]] + [
        [dmy(d), firms[i % len(firms)], funcs[i % 3], "afgewezen" if i % 4 else "gesprek, afgewezen"]
        for i, d in enumerate(apps)]
    eind_doc = _doc("Eindrapportage Werkfit Bouzid.docx", "spoor2_eind", header="Werkfit Zuid B.V.", blocks=[
        ("h", "Eindrapportage tweede spoor"),
        ("t", ident + [["Trajectperiode", f"{dmy(start)} tot en met {dmy(eind)}"], ["Jobcoach", "S. Vermeulen"]]),
        ("h", "Verloop van het traject"),
        ("p", "Na intake en cv-training is Ahmed in de tweede maand gaan solliciteren op functies uit het "
              "zoekprofiel van 20 uur per week. Na drie maanden is de aanpak bijgestuurd: meer netwerkgesprekken "
              "en open sollicitaties bij logistieke bedrijven, omdat reacties op vacatures uitbleven."),
        ("h", "Resultaat"), ("p", "Ahmed is niet geplaatst."),
        ("h", "Waarom geen plaatsing"),
        ("p", "Werkgevers kiezen voor kandidaten die fulltime en ook in avonddiensten beschikbaar zijn. Voor een "
              "plaatsing is nodig dat Ahmed blijft solliciteren met ondersteuning bij open sollicitaties en dat "
              "een proefplaatsing via UWV wordt ingezet om werkgevers over de streep te trekken."),
        ("h", "Sollicitatieoverzicht"), ("t", rows),
        ("h", "Contactmomenten"),
        ("p", f"Wekelijks contact met de jobcoach, in totaal 29 afspraken tussen {dmy(start)} en {dmy(eind)}; "
              "alle afspraken nagekomen."),
        ("h", "Houding en inzet"), ("p", "Ahmed was gemotiveerd, kwam afspraken na en solliciteerde zelf."),
        ("h", "Zelfredzaamheid"),
        ("p", "Ahmed is sollicitatievaardig: hij maakt zelfstandig een motivatiebrief en gebruikt vacaturesites."),
        ("h", "Advies voor het vervolg"),
        ("p", "Advies: na de WIA-beoordeling het traject voortzetten met een proefplaatsing en jobcarving in "
              "lichte logistiek."),
        ("p", "S. Vermeulen, jobcoach (getekend); gezien: A. Bouzid (getekend)"),
    ], dates=[(dmy(start), start), (dmy(eind), eind), (dmy(apps[0]), apps[0]), (dmy(apps[-1]), apps[-1])],
        hours=[("20 uur per week", 20, "per_week")],
        # contactmomenten only as a count ("29 afspraken"), no overzicht: not labelled (uncertain)
        present=[f"spoor2_eind.{c}" for c in ["verloop", "resultaat", "onderbouwing_resultaat",
                 "sollicitatieoverzicht", "houding_werknemer", "zelfredzaamheid", "advies_vervolg"]])
    ao_doc = _doc("Actueel oordeel Bouzid.pdf", "actueel_oordeel", header="Arbodienst Noord-Limburg", blocks=[
        ("h", "Actueel oordeel bedrijfsarts"),
        ("t", ident + [["Datum", dmy(ao)], ["Ten behoeve van", f"WIA-aanvraag, in te dienen op {dmy(wia)}"]]),
        ("p", f"De belastbaarheid is ongewijzigd ten opzichte van de FML van {dmy(fml)}: 6 uur per dag. De "
              "re-integratie in het tweede spoor heeft nog geen plaatsing opgeleverd. Er zijn benutbare "
              "mogelijkheden; voortzetten van de activiteiten is zinvol."),
        ("p", "dr. E. Coenen, bedrijfsarts (getekend)"),
    ], dates=[(dmy(fsd), fsd), (dmy(ao), ao), (dmy(wia), wia), (dmy(fml), fml)],
        hours=[("6 uur per dag", 6, "per_day")])
    chrono = [[dmy(pa), "Probleemanalyse bedrijfsarts"], [dmy(pva), "Plan van aanpak"]]
    chrono += [[dmy(e), "Evaluatie plan van aanpak (6-wekelijks)"] for e in evals if e < melding]
    chrono += [[dmy(melding), "Ziekmelding UWV (42e week)"]]
    chrono += [[dmy(e), "Evaluatie plan van aanpak (6-wekelijks)"] for e in evals if melding < e < eje]
    chrono += [[dmy(fml), "FML bedrijfsarts"], [dmy(eje), "Eerstejaarsevaluatie"], [dmy(ad), "Arbeidsdeskundig rapport"],
               [dmy(start), "Start tweede spoor Werkfit Zuid"]]
    chrono += [[dmy(e), "Evaluatie plan van aanpak (6-wekelijks)"] for e in evals if e > eje]
    chrono += [[dmy(ao), "Actueel oordeel bedrijfsarts"]]
    chrono.sort(key=lambda r: tuple(reversed([int(x) for x in r[0].split("-")])))
    riv_doc = _doc("Re-integratieverslag Bouzid.docx", "riv", blocks=[
        ("h", "Re-integratieverslag"),
        ("t", ident + [["Werkgever", wg], ["Functie", "Chauffeur/bezorger, 38 uur per week"],
                       ["Datum aanvraag WIA", dmy(wia)]]),
        ("h", "Chronologisch overzicht"), ("t", [["Datum", "Onderdeel"]] + chrono),
        ("h", "Eindevaluatie"), ("p", "Wordt nagezonden."),
        ("h", "Oordeel werknemer"),
        ("p", "Ik ben het eens met de inspanningen van mijn werkgever en van mijzelf. Ik heb mij aan alle "
              "afspraken gehouden en blijf zoeken naar werk. - A. Bouzid (getekend)"),
        ("p", "Namens de werkgever: L. Peters, directeur (getekend)"),
    ], dates=[(dmy(fsd), fsd), (dmy(wia), wia), (dmy(melding), melding), (dmy(eje), eje), (dmy(start), start),
              (dmy(ao), ao)],
        hours=[("38 uur per week", 38, "per_week")],
        present=["riv.evaluaties", "riv.ziekmelding_uwv", "riv.mening_werknemer"],
        missing=["riv.eindevaluatie"])
    return Dossier("h08", fsd, [fml_doc, eje_doc, ad_doc, plan_doc, eind_doc, ao_doc, riv_doc],
                   riv_present=["riv.evaluaties", "riv.ziekmelding_uwv", "riv.eerstejaarsevaluatie", "riv.fml",
                                "riv.ad_rapport", "riv.spoor1_onderzoek", "riv.spoor2", "riv.actueel_oordeel",
                                "riv.mening_werknemer"],
                   riv_missing=["riv.eindevaluatie", "riv.probleemanalyse", "riv.plan_van_aanpak"],
                   findings=["consistency.uren_zoekprofiel_vs_fml"],
                   not_findings=["deadline.probleemanalyse", "deadline.plan_van_aanpak", "deadline.spoor2_start",
                                 "deadline.actueel_oordeel", "deadline.eerstejaarsevaluatie",
                                 "deadline.ziekmelding_uwv", "deadline.evaluatie_interval",
                                 "consistency.sollicitatie_gat", "consistency.sollicitatie_frequentie",
                                 "consistency.namens_werknemer", "deadline.wia_aanvraag",
                                 "consistency.eerste_ziektedag_verschilt"])


# --------------------------------------------------------------------------------------------- h09
def h09() -> Dossier:
    """Small florist writing prose without headings; the arbodienst letter set in two columns.
    PA in week 7 (late), PvA 10 days later in week 8, one 49-day gap between conversations, an
    undated adjustment of the plan; dossier in week 30 (year-one parts not yet due)."""
    fsd = date(2024, 4, 8)
    o = lambda n: fsd + timedelta(n)
    seen, pa, recheck, pva, werk = o(43), o(44), o(72), o(54), o(57)
    ev1, ev2, ev3, ev4, ba2 = o(92), o(141), o(176), o(205), o(170)
    letter = _doc("Brief arbodienst over Anouk.pdf", "probleemanalyse", header="Arbodienst Eemland - Amersfoort",
                  writer=write_two_columns, blocks=[
        ("p", f"Amersfoort, {long(pa)}"),
        ("p", "Aan: mevrouw M. de Wilde, Bloemsierkunst De Wilde, Leusderweg 41, Amersfoort"),
        ("p", "Betreft: mevrouw A. Brink, uw medewerkster"),
        ("p", "Beste mevrouw De Wilde,"),
        ("p", f"Op {long(seen)} had ik een gesprek met mevrouw Brink, die sinds {long(fsd)} niet werkt. "
              "Omdat ik verwacht dat haar verzuim nog enige tijd duurt, geef ik u hierbij mijn analyse en advies."),
        ("p", "Mevrouw Brink kan op dit moment niet lang achter elkaar staan en niet met haar armen boven "
              "schouderhoogte werken. Fijn werk met de handen gaat wel, mits zij tussendoor kan zitten."),
        ("p", "Zij kan starten met 3 uur per dag, bijvoorbeeld met het maken van boeketten aan een tafel en "
              "het aannemen van bestellingen aan de telefoon."),
        ("p", "Ik verwacht dat zij in de komende drie maanden geleidelijk kan uitbreiden. Belemmeringen in het "
              "werk zelf zie ik niet, behalve het sjouwen met emmers water; dat kan een collega doen."),
        ("p", "Mijn advies is om samen binnen twee weken de afspraken over werkhervatting vast te leggen en "
              f"mij op de hoogte te houden. Ik zie mevrouw Brink terug op {long(recheck)}."),
        ("p", "Met vriendelijke groet,"),
        ("p", "drs. P. Lammers, bedrijfsarts"),
    ], dates=[(long(pa), pa), (long(seen), seen), (long(fsd), fsd), (long(recheck), recheck)],
        hours=[("3 uur per dag", 3, "per_day")])
    plan = _doc("plan met Anouk.docx", "plan_van_aanpak", blocks=[
        ("p", f"Op {long(pva)} hebben Anouk en ik (Marjan de Wilde) in de winkel na sluitingstijd afgesproken "
              "hoe zij weer aan het werk gaat. Dit is ons plan van aanpak. We gaan uit van de brief van de "
              f"bedrijfsarts van {long(pa)}."),
        ("p", f"Anouk begint op {long(werk)} met 3 uur per dag aan de werktafel achterin: boeketten maken en "
              "bestellingen aannemen. Emmers en leveringen doet Sanne. Als het goed gaat, breiden we in overleg "
              "met de bedrijfsarts uit. Het doel is dat Anouk binnen een half jaar haar eigen werk weer volledig "
              "doet, 32 uur per week zoals in haar contract staat."),
        ("p", "Ik ben zelf haar aanspreekpunt. We bellen elke week even en om de zes weken gaan we rustig "
              "zitten om te kijken hoe het gaat en of er iets moet veranderen."),
        ("p", "Anouk vindt het spannend, omdat haar schouder snel pijn doet, maar zij wil graag weer tussen de "
              "bloemen staan. Ik vind het belangrijk dat zij niet te snel gaat."),
        ("p", "Getekend door Anouk Brink en Marjan de Wilde."),
    ], dates=[(long(pva), pva), (long(pa), pa), (long(werk), werk)],
        hours=[("3 uur per dag", 3, "per_day"), ("32 uur per week", 32, "per_week")])
    talks = _doc("gesprekken met Anouk.docx", "evaluatie", blocks=[
        ("p", f"{WDL[ev1.weekday()].capitalize()} {long(ev1)}. Met Anouk gepraat over de eerste weken. De 3 uur per "
              "dag gaan goed, de schouder houdt het. Ze wil naar 4 uur per dag, de bedrijfsarts vindt dat goed. "
              "Vanaf volgende week dus 4 uur per dag."),
        ("p", f"{WDL[ev2.weekday()].capitalize()} {long(ev2)}. Het was druk met de zomer en vakanties, daardoor "
              "later dan afgesproken. Anouk werkt 4 uur per dag en staat nu ook af en toe in de winkel. Ze is moe "
              "aan het eind van de week. We houden het zo."),
        ("p", f"{WDL[ev3.weekday()].capitalize()} {long(ev3)}. De bedrijfsarts heeft uitbreiding geadviseerd, zie "
              "de aanpassing van het plan. Anouk is blij dat het weer wat meer wordt."),
        ("p", f"{WDL[ev4.weekday()].capitalize()} {long(ev4)}. Het gaat goed met de 5 uur per dag. Alleen het "
              "tillen van emmers laat ze nog aan Sanne. Over zes weken zitten we weer samen."),
        ("p", "Marjan"),
    ], dates=[(long(ev1), ev1), (long(ev2), ev2), (long(ev3), ev3), (long(ev4), ev4)],
        hours=[("3 uur per dag", 3, "per_day"), ("4 uur per dag", 4, "per_day"), ("5 uur per dag", 5, "per_day")])
    adj = _doc("aanpassing plan.docx", "bijstelling_pva", blocks=[
        ("p", f"Aanpassing van ons plan van aanpak. Na het spreekuur van {long(ba2)} adviseert de bedrijfsarts "
              "om uit te breiden naar 5 uur per dag. Anouk werkt vanaf de maandag daarna 5 uur per dag, in totaal "
              "25 uur in de week, ook in de winkel. Het doel blijft terugkeer in haar eigen werk van 32 uur per week. De "
              "rest van de afspraken blijft hetzelfde."),
        ("p", "Voor akkoord: Anouk Brink, Marjan de Wilde"),
    ], dates=[(long(ba2), ba2)],
        hours=[("5 uur per dag", 5, "per_day"), ("25 uur in de week", 25, "per_week"),
               ("32 uur per week", 32, "per_week")])
    return Dossier("h09", fsd, [letter, plan, talks, adj],
                   riv_present=["riv.probleemanalyse", "riv.plan_van_aanpak", "riv.evaluaties"],
                   riv_missing=["riv.gegevens_en_ondertekening"],
                   riv_not_yet_due=["riv.eerstejaarsevaluatie", "riv.ziekmelding_uwv", "riv.ad_rapport",
                                    "riv.actueel_oordeel", "riv.eindevaluatie", "riv.mening_werknemer",
                                    "riv.spoor2", "riv.spoor1_onderzoek"],
                   findings=["deadline.probleemanalyse", "deadline.evaluatie_interval"],
                   not_findings=["deadline.plan_van_aanpak", "deadline.ziekmelding_uwv",
                                 "deadline.eerstejaarsevaluatie", "consistency.eerste_ziektedag_verschilt"])


# --------------------------------------------------------------------------------------------- h10
def h10() -> Dossier:
    """Re-integratiebureau that reports per traject week ('Week 7 (1-4-24 t/m 7-4-24)'), with a
    werkervaringsplek in opbouw and six weeks without sollicitaties (gap 48 days) although the
    average stays above one a week. Spoor-2 bundle only."""
    fsd = date(2023, 2, 13)
    o = lambda n: fsd + timedelta(n)
    fml, eje = o(326), o(340)
    start = eje + timedelta(31)
    plan = start - timedelta(4)
    wk = lambda w: start + timedelta(7 * (w - 1))          # monday of traject week w
    p1_end, p2_end = wk(12) + timedelta(6), wk(24) + timedelta(6)
    wep1, wep2, wep3 = wk(6), wk(10), wk(18)
    counts = [0, 0, 2, 1, 2, 2, 1, 2, 2, 1, 2, 2, 2, 1, 0, 0, 0, 0, 0, 0, 3, 3, 2, 3]
    slots = {1: [1], 2: [1, 3], 3: [0, 2, 4]}
    apps = []
    for w, c in enumerate(counts, 1):
        apps += [wk(w) + timedelta(s) for s in slots.get(c, [])]
    gaps = [(b2 - a2).days for a2, b2 in zip(apps, apps[1:])]
    gi = gaps.index(max(gaps))
    assert max(gaps) > 42 and sorted(gaps)[-2] <= 14 and len(apps) / 24 >= 1.25
    b = bsn(110)
    hdr = "Baanbrekers Twente - re-integratie tweede spoor"
    ident = [["Kandidaat", "R. (Ruud) Kok"], ["BSN", b], ["Werkgever", "Installatiebedrijf Nijhuis, Hengelo"],
             ["Eerste ziektedag", dmy(fsd)]]
    plan_doc = _doc("Trajectplan Kok.docx", "spoor2_plan", header=hdr, blocks=[
        ("h", "Trajectplan tweede spoor"),
        ("t", ident + [["Datum plan", dmy(plan)], ["Start traject", dmy(start)], ["Jobcoach", "E. Smit"]]),
        ("h", "Persoonsprofiel"),
        ("p", "Ruud (56) werkte 30 jaar als servicemonteur cv-installaties. Mbo-diploma installatietechniek, "
              "rijbewijs B. Technisch sterk, klantvriendelijk, secuur. Hij wil graag bij de techniek blijven."),
        ("h", f"Belastbaarheid (FML {dmy(fml)})"),
        ("p", "Niet knielen, niet klimmen, niet tillen boven 10 kg, geen werk in kruipruimtes. Werktijden: "
              "24 uur per week. Prognose: geen verbetering meer verwacht."),
        ("h", "Zoekprofiel"),
        ("p", "1. Medewerker klantenservice bij een technische groothandel. 2. Planner servicemonteurs. "
              "3. Counter-/baliemedewerker installatiegroothandel."),
        ("h", "Waarom dit zoekprofiel past"),
        ("p", "Alle drie de richtingen gebruiken zijn vakkennis van installaties, zijn zittend of afwisselend "
              "en vragen geen knielen, klimmen of zwaar tillen; ze passen dus binnen de FML. De counterfunctie "
              "ligt op zijn eigen mbo-niveau, de plannersfunctie vraagt een korte cursus planning."),
        ("h", "Arbeidsmarkt"),
        ("p", "In Twente zijn planners en klantenservicemedewerkers in de techniek schaars (spanningsindicator "
              "UWV: zeer krap). Technische groothandels in Hengelo en Enschede werven doorlopend."),
        ("h", "Afstand tot de arbeidsmarkt"),
        ("p", "Ruud heeft nooit gesolliciteerd, heeft geen cv en weinig computerervaring: afstand groot. We "
              "verkleinen die met een cv, een computercursus, sollicitatietraining en een werkervaringsplek."),
        ("h", "Activiteiten en tijdpad"),
        ("p", "Week 1-2: intake, cv, LinkedIn. Week 3-12: solliciteren (minimaal 1 per week), computercursus, "
              "werkervaringsplek. Week 13-24: gericht solliciteren en netwerken. Doel: betaald werk binnen 12 maanden."),
        ("h", "Urenomvang"),
        ("p", "Het zoekprofiel gaat uit van 24 uur per week, gelijk aan de belastbaarheid volgens de FML."),
        ("h", "Contact"), ("p", "Elke dinsdag een gesprek met de jobcoach; tussendoor per telefoon of WhatsApp."),
        ("h", "Rapportage"), ("p", "Voortgangsrapportage na week 12 en week 24; eindrapportage bij afsluiting."),
        ("h", "Akkoord"), ("p", "Kandidaat: R. Kok (getekend). Jobcoach: E. Smit (getekend)."),
    ], dates=[(dmy(fsd), fsd), (dmy(plan), plan), (dmy(start), start), (dmy(fml), fml)],
        hours=[("24 uur per week", 24, "per_week")],
        present=[f"spoor2_plan.{c}" for c in ["persoonsprofiel", "belastbaarheid", "zoekprofiel",
                 "onderbouwing_zoekprofiel", "arbeidsmarktanalyse", "afstand_arbeidsmarkt",
                 "activiteiten_tijdpad", "urenomvang", "contactafspraken", "rapportagemomenten",
                 "ondertekening", "startdatum"]])

    def weeklog(w0: int, w1: int, notes: dict) -> list:
        out = []
        for w in range(w0, w1 + 1):
            n = counts[w - 1]
            line = f"Week {w} ({yy(wk(w))} t/m {yy(wk(w) + timedelta(6))}): "
            line += (f"{n} sollicitatie{'s' if n > 1 else ''} verstuurd door Ruud." if n else "geen sollicitaties.")
            if w in notes:
                line += " " + notes[w]
            out.append(("p", line))
        return out

    v1 = _doc("Voortgang 1 Kok.pdf", "spoor2_voortgang", header=hdr, blocks=[
        ("h", "Voortgangsrapportage 1"),
        ("t", ident + [["Periode", f"{yy(start)} t/m {yy(p1_end)}"], ["Jobcoach", "E. Smit"]]),
        ("h", "Belastbaarheid"),
        ("p", f"Geen wijziging sinds de FML van {yy(fml)}; het zoekprofiel klopt nog en blijft 24 uur per week."),
        ("h", "Verloop per week"),
        *weeklog(1, 12, {1: "Intake, cv opgesteld.", 2: "LinkedIn-profiel gemaakt; start computercursus.",
                         6: f"Start werkervaringsplek Kringloopcentrum Hengelo op {yy(wep1)}: reparatie van "
                            "witgoed aan een werkbank, 2 x 4 uur.",
                         9: "Computercursus afgerond met certificaat.",
                         10: f"Werkervaringsplek uitgebreid naar 3 x 4 uur vanaf {yy(wep2)}."}),
        ("h", "Werkervaringsplek"),
        ("p", "De werkzaamheden zijn zittend aan een werkbank zonder tillen boven 10 kg, dus passend binnen de "
              "FML. Opbouw: 2 x 4 uur, daarna 3 x 4 uur, doel 4 x 6 uur. Solliciteren gaat naast de "
              "werkervaringsplek door."),
        ("h", "Aanbodversterking"),
        ("p", "Computercursus (afgerond, certificaat) en twee sollicitatietrainingen; Ruud kan nu zelf online "
              "solliciteren."),
        ("h", "Medewerking"),
        ("p", "Ruud is gemotiveerd en komt alle afspraken na. De werkgever ontvangt deze rapportage."),
        ("h", "Plan komende periode"),
        ("p", "Minimaal 2 sollicitaties per week, netwerkgesprekken bij drie groothandels, opbouw werkervaringsplek."),
    ], dates=[(yy(start), start), (yy(p1_end), p1_end), (yy(wep1), wep1), (yy(wep2), wep2), (yy(fml), fml)],
        hours=[("24 uur per week", 24, "per_week"), ("2 x 4 uur", 8, "per_week"), ("3 x 4 uur", 12, "per_week"),
               ("4 x 6 uur", 24, "per_week")],
        # sollicitaties: weekly counts only, no passendheid, no reference to the overview: not labelled
        present=[f"spoor2_voortgang.{c}" for c in ["periode", "belastbaarheid_actueel", "zoekprofiel_actueel",
                 "aanbodversterking", "arbeidsmarktplan", "medewerking", "wep"]])
    v2 = _doc("Voortgang 2 Kok.pdf", "spoor2_voortgang", header=hdr, blocks=[
        ("h", "Voortgangsrapportage 2"),
        ("t", ident + [["Periode", f"{yy(wk(13))} t/m {yy(p2_end)}"], ["Jobcoach", "E. Smit"]]),
        ("h", "Belastbaarheid"), ("p", "Niet gewijzigd; geen nieuw advies van de bedrijfsarts."),
        ("h", "Verloop per week"),
        *weeklog(13, 24, {15: "Ruud op vakantie.", 17: "Ruud verhuist naar Borne; afspraken verzet.",
                          18: f"Werkervaringsplek naar 4 x 6 uur vanaf {yy(wep3)}.",
                          21: "Solliciteren weer opgepakt."}),
        ("h", "Werkervaringsplek"),
        ("p", "Ruud werkt nu 4 x 6 uur op de werkervaringsplek, gelijk aan zijn belastbaarheid. Het werk blijft "
              "passend; de kringloop geeft aan dat hij zelfstandig reparaties uitvoert."),
        ("h", "Aanbodversterking"), ("p", "Korte cursus planning (4 dagdelen) gestart; afronding in de volgende periode."),
        ("h", "Medewerking"),
        ("p", "Ruud heeft in de weken van zijn vakantie en verhuizing niet gesolliciteerd. Dit is met hem en met "
              "de werkgever besproken; sinds week 21 solliciteert hij weer."),
        ("h", "Plan komende periode"),
        ("p", "Wekelijks minimaal 2 sollicitaties; afronden cursus planning; bemiddeling bij twee groothandels."),
    ], dates=[(yy(wk(13)), wk(13)), (yy(p2_end), p2_end), (yy(wep3), wep3)],
        hours=[("4 x 6 uur", 24, "per_week")],
        present=[f"spoor2_voortgang.{c}" for c in ["periode", "belastbaarheid_actueel", "aanbodversterking",
                 "arbeidsmarktplan", "medewerking", "wep"]],
        missing=["spoor2_voortgang.zoekprofiel_actueel"])
    firms = ["Technische Unie Hengelo", "Wasco Enschede", "Rexel Almelo", "Installect Borne", "Kelvin Services",
             "Feenstra Twente", "Itho Daalderop dealer", "Bosch Thermotechniek"]
    funcs = ["medewerker klantenservice", "planner servicemonteurs", "countermedewerker"]
    rows = [["Datum", "Bedrijf", "Functie", "Hoe", "Uitkomst"]] + [
        [dmy(d), firms[i % len(firms)], funcs[i % 3], "online" if i % 2 else "open sollicitatie",
         "afgewezen" if i % 5 else "gesprek"] for i, d in enumerate(apps)]
    ov = _doc("Sollicitatieoverzicht Kok.pdf", "sollicitatieoverzicht", header=hdr, blocks=[
        ("h", "Sollicitatieoverzicht"),
        ("t", ident + [["Periode", f"{dmy(start)} t/m {dmy(p2_end)}"]]),
        ("p", "Alle sollicitaties zijn door de kandidaat zelf verstuurd; bewijsstukken zitten in het dossier."),
        ("t", rows),
    ], dates=[(dmy(apps[0]), apps[0]), (dmy(apps[gi]), apps[gi]), (dmy(apps[gi + 1]), apps[gi + 1]),
              (dmy(apps[-1]), apps[-1])])
    return Dossier("h10", fsd, [plan_doc, v1, v2, ov],
                   findings=["consistency.sollicitatie_gat"],
                   not_findings=["consistency.sollicitatie_frequentie", "consistency.wep_urenopbouw",
                                 "consistency.namens_werknemer", "consistency.uren_zoekprofiel_vs_fml",
                                 "consistency.eerste_ziektedag_verschilt"])


# --------------------------------------------------------------------------------------------- h11
def h11() -> Dossier:
    """Arbodienst verzuimsysteem printouts with dotted dates ('04.03.2024'), a multi-page
    dossieroverzicht, one scanned UWV confirmation. PA week 5 but PvA 15 days later (late by the
    two-week rule although in week 7); evaluations exactly 42 days apart; melding on the last day of
    week 42; EJE on the last day of week 52; trajectplan dated 41 days after the EJE but the traject
    starts 44 days after it."""
    fsd = date(2023, 9, 18)
    o = lambda n: fsd + timedelta(n)
    seen, pa, pva = o(29), o(30), o(45)
    evs = [o(n) for n in (87, 129, 171, 213, 255, 297, 339)]
    melding, eje = o(293), o(363)
    opdracht, plan, start = eje + timedelta(38), eje + timedelta(41), eje + timedelta(44)
    b = bsn(111)
    sysh = "VerzuimVisie | Arbodienst Kennemerland | dossier 2023-11874"
    ident = [["Werknemer", "Y. (Yvonne) Schouten"], ["BSN", b], ["Werkgever", "Gemeente Heemsloot, afdeling Burgerzaken"],
             ["Eerste verzuimdag", dot(fsd)]]
    pa_doc = _doc("Terugkoppeling BA Schouten.pdf", "probleemanalyse", header=sysh, blocks=[
        ("h", "Terugkoppeling bedrijfsarts - probleemanalyse"),
        ("t", ident + [["Datum consult", dot(seen)], ["Datum verslag", dot(pa)]]),
        ("h", "Analyse"),
        ("p", "Werknemer is beperkt in concentratie en in het omgaan met drukte en conflicten aan de balie. "
              "Fysiek zijn er geen beperkingen."),
        ("h", "Mogelijkheden"),
        ("p", "Benutbare mogelijkheden aanwezig: start met 2 uur per dag backofficewerk, zonder baliecontact."),
        ("h", "Prognose en advies"),
        ("p", "Herstel verwacht binnen drie tot zes maanden. Werkgever en werknemer stellen binnen twee weken "
              "een plan van aanpak op. Casemanager volgt op."),
        ("p", "Elektronisch ondertekend door M. Brouwer, bedrijfsarts"),
    ], dates=[(dot(fsd), fsd), (dot(seen), seen), (dot(pa), pa)], hours=[("2 uur per dag", 2, "per_day")])
    pva_doc = _doc("PvA Schouten.docx", "plan_van_aanpak", header=sysh, blocks=[
        ("h", "Plan van aanpak"), ("t", ident + [["Datum", dot(pva)], ["Probleemanalyse van", dot(pa)]]),
        ("t", [["Doel", "Terugkeer in eigen functie medewerker burgerzaken (32 uur per week)."],
               ["Afspraken", "Start met 2 uur per dag backoffice; elke twee weken uitbreiden in overleg met de BA."],
               ["Casemanager", "P. de Wit, Arbodienst Kennemerland"],
               ["Evaluatie", "Elke zes weken met werknemer, leidinggevende en casemanager."],
               ["Visie werknemer", "Wil eerst rust, dan langzaam terug naar de balie."],
               ["Visie werkgever", "Backoffice beschikbaar; balie pas later."],
               ["Handtekening werknemer", "Y. Schouten"], ["Handtekening werkgever", "R. Blom, teamleider"]]),
    ], dates=[(dot(fsd), fsd), (dot(pva), pva), (dot(pa), pa)],
        hours=[("32 uur per week", 32, "per_week"), ("2 uur per dag", 2, "per_day")])
    texts = ["Eerste evaluatie. Werkt 2 uur per dag backoffice, gaat goed. Uitbreiding naar 3 uur per dag.",
             "Evaluatie. 3 uur per dag, vermoeid aan einde week. Geen verdere uitbreiding deze periode.",
             "Evaluatie. Uitbreiding naar 4 uur per dag na akkoord BA. Werknemer start met psycholoog.",
             "Evaluatie. Stabiel op 4 uur per dag. Balie nog niet haalbaar volgens werknemer.",
             "Evaluatie. Geen vooruitgang; BA adviseert voorlopig geen uitbreiding. Werkgever bespreekt functies.",
             "Evaluatie. 42e-weeksmelding is gedaan. Ander werk binnen de gemeente wordt verkend.",
             "Evaluatie. Geen passend werk binnen de gemeente gevonden. Eerstejaarsevaluatie gepland."]
    entries = [(pa, "Probleemanalyse BA", "Terugkoppeling ontvangen; benutbare mogelijkheden 2 uur per dag."),
               (pva, "Plan van aanpak", "Plan van aanpak opgesteld en ondertekend.")]
    entries += [(d, "Evaluatie PvA", t) for d, t in zip(evs, texts)]
    entries += [(melding, "Ziekmelding UWV", "42e-weeksmelding verzonden, bevestiging UWV in dossier."),
                (eje, "Eerstejaarsevaluatie", "EJE gehouden; besluit: tweede spoor inzetten."),
                (eje + timedelta(35), "Evaluatie PvA", "Evaluatie. Werkt 4 uur per dag backoffice; bureau voor het "
                 "tweede spoor gekozen."),
                (opdracht, "Tweede spoor", "Opdracht verstrekt aan Loopbaan & Co.")]
    blocks = [("h", "Dossieroverzicht verzuim"), ("t", ident)]
    for d, k, t in sorted(entries):
        blocks += [("p", f"<b>{dot(d)} - {k}</b>"),
                   ("p", f"{t} Geregistreerd door P. de Wit (casemanager). Vervolgactie vastgelegd in VerzuimVisie; "
                         "werknemer en leidinggevende hebben een kopie van het verslag ontvangen.")]
    blocks += [("p", "Voor akkoord: P. de Wit, casemanager (elektronisch ondertekend)")]
    log = _doc("Dossieroverzicht Schouten.pdf", "logboek", header=sysh, blocks=blocks,
               dates=[(dot(evs[0]), evs[0]), (dot(evs[3]), evs[3]), (dot(evs[6]), evs[6]), (dot(melding), melding),
                      (dot(eje), eje), (dot(opdracht), opdracht)],
               hours=[("2 uur per dag", 2, "per_day"), ("3 uur per dag", 3, "per_day"), ("4 uur per dag", 4, "per_day")])
    scan = _doc("SCAN_UWV_ziekmelding_Schouten.pdf", "ziekmelding_uwv", blocks=[
        ("h", "UWV - Ontvangstbevestiging ziekmelding"),
        ("p", "Wij hebben de ziekmelding van uw werknemer ontvangen."),
        ("t", [["Naam werknemer", "Y. Schouten"], ["Burgerservicenummer", b], ["Eerste ziektedag", dmy(fsd)],
               ["Datum ontvangst melding", dmy(melding)]]),
        ("p", "U hoeft niets te doen. Bewaar deze bevestiging in het dossier."),
    ], dates=[(dmy(fsd), fsd), (dmy(melding), melding)])
    eje_doc = _doc("EJE Schouten.docx", "eerstejaarsevaluatie", header=sysh, blocks=[
        ("h", "Eerstejaarsevaluatie"), ("t", ident + [["Datum", dot(eje)]]),
        ("t", [["Stand van zaken", "Werkt 4 uur per dag backoffice; de BA verwacht geen verdere uitbreiding."],
               ["Eigen werk", "Baliewerk is niet meer haalbaar."],
               ["Passend werk intern", "Verkend, niet gevonden (zie dossieroverzicht)."],
               ["Tweede spoor", "Wordt ingezet via een re-integratiebureau."],
               ["Mening werknemer", "Eens; wil graag ander werk zonder publiekscontact."],
               ["Handtekening werknemer", "Y. Schouten"], ["Handtekening werkgever", "R. Blom"]]),
    ], dates=[(dot(fsd), fsd), (dot(eje), eje)], hours=[("4 uur per dag", 4, "per_day")])
    plan_doc = _doc("Trajectplan Loopbaan en Co.pdf", "spoor2_plan", header="Loopbaan & Co - re-integratie", blocks=[
        ("h", "Trajectplan tweede spoor"),
        ("t", ident + [["Datum plan", dot(plan)], ["Startdatum traject (intake)", dot(start)]]),
        ("p", f"Opdracht ontvangen van de werkgever op {dot(opdracht)}, na de eerstejaarsevaluatie van {dot(eje)}."),
        ("h", "Zoekprofiel"),
        ("p", "Backoffice- en administratieve functies zonder publiekscontact, 20 uur per week."),
        ("p", "Dit past bij 4 uur per dag volgens de bedrijfsarts."),
        ("p", "Akkoord werknemer: Y. Schouten (getekend)"),
    ], dates=[(dot(fsd), fsd), (dot(plan), plan), (dot(start), start), (dot(opdracht), opdracht), (dot(eje), eje)],
        hours=[("20 uur per week", 20, "per_week"), ("4 uur per dag", 4, "per_day")],
        present=["spoor2_plan.startdatum", "spoor2_plan.ondertekening"])
    return Dossier("h11", fsd, [pa_doc, pva_doc, log, scan, eje_doc, plan_doc],
                   riv_present=["riv.probleemanalyse", "riv.plan_van_aanpak", "riv.evaluaties",
                                "riv.ziekmelding_uwv", "riv.eerstejaarsevaluatie", "riv.spoor2"],
                   riv_missing=["riv.fml", "riv.ad_rapport"],
                   riv_not_yet_due=["riv.actueel_oordeel", "riv.eindevaluatie"],
                   findings=["deadline.plan_van_aanpak", "deadline.spoor2_start"],
                   not_findings=["deadline.probleemanalyse", "deadline.evaluatie_interval",
                                 "deadline.ziekmelding_uwv", "deadline.eerstejaarsevaluatie",
                                 "consistency.uren_zoekprofiel_vs_fml", "consistency.eerste_ziektedag_verschilt"])


# --------------------------------------------------------------------------------------------- h12
def h12() -> Dossier:
    """Bureau in recruitment jargon ('Kandidaatprofiel', 'Matchingsprofiel', 'Plan de campagne').
    The plan follows the FML urenopbouwschema; after a herbeoordeling without urenbeperking the
    voortgang raises the matchingsprofiel to the contract hours with reasons. The eindrapportage
    gives no reason for the non-placement and no advice for what follows."""
    fsd = date(2023, 6, 12)
    o = lambda n: fsd + timedelta(n)
    fml, eje = o(329), o(350)
    plan, start = eje + timedelta(20), eje + timedelta(24)
    fml2, vg, eind = start + timedelta(98), start + timedelta(112), start + timedelta(203)
    b = bsn(112)
    hdr = "MatchWorks Re-integratie | Utrecht"
    ident = [["Kandidaat", "S. (Sandra) Veenstra"], ["BSN", b], ["Opdrachtgever", "Hotel De Oude Gracht B.V."],
             ["Eerste ziektedag", dmy(fsd)]]
    fml_doc = _doc("FML Veenstra.pdf", "fml", header="Arbodienst Domstad - bedrijfsarts", blocks=[
        ("h", "Functionele Mogelijkhedenlijst met urenopbouwschema"), ("t", ident + [["Datum", dmy(fml)]]),
        ("p", "Beperkingen: niet langdurig staan, niet tillen boven 10 kg, geen "
              "nachtdiensten. Persoonlijk en sociaal functioneren: niet beperkt."),
        ("h", "Urenopbouwschema"),
        ("t", [["Periode", "Uren"], ["week 1 t/m 4", "3 x 3 uur"], ["week 5 t/m 8", "4 x 4 uur"],
               ["vanaf week 9", "24 uur per week"]]),
        ("p", "Prognose: verdere verbetering mogelijk; herbeoordeling over vier maanden."),
        ("p", "drs. K. Mulder, bedrijfsarts (getekend)"),
    ], dates=[(dmy(fsd), fsd), (dmy(fml), fml)],
        hours=[("3 x 3 uur", 9, "per_week"), ("4 x 4 uur", 16, "per_week"), ("24 uur per week", 24, "per_week")])
    plan_doc = _doc("Matchingsplan Veenstra.pdf", "spoor2_plan", header=hdr, blocks=[
        ("h", "Matchingsplan 2e spoor"),
        ("t", ident + [["Datum", dmy(plan)], ["Startdatum", dmy(start)], ["Consultant", "L. Ouali"]]),
        ("h", "Kandidaatprofiel"),
        ("p", "Sandra (38) is receptioniste/front office medewerker in een hotel (36 uur per week, 11 jaar). "
              "Mbo-4 Hospitality, Engels en Duits vloeiend, Opera-reserveringssysteem. Servicegericht, "
              "representatief, stressbestendig. Wil graag in de gastvrijheid blijven, liefst overdag."),
        ("h", "Wat Sandra aankan"),
        ("p", f"FML van {dmy(fml)}: niet langdurig staan, niet tillen boven 10 kg, geen nachtdiensten. "
              "Urenopbouw volgens de bedrijfsarts. Prognose: verdere verbetering mogelijk."),
        ("h", "Matchingsprofiel"),
        ("p", "Reserveringsmedewerker (hotel, reisbureau), medewerker klantenservice (meertalig), "
              "officemanager/secretariaat kleine organisatie, gastvrouw in een kantoorgebouw (zittend)."),
        ("h", "Waarom dit profiel past"),
        ("p", "Deze functies zijn grotendeels zittend, overdag en zonder tillen, dus binnen de FML. Ze gebruiken "
              "haar talenkennis, systeemervaring en klantgerichtheid op haar eigen mbo-4 niveau."),
        ("h", "Kansen op de arbeidsmarkt"),
        ("p", "In de regio Utrecht zijn klantenservice- en reserveringsfuncties ruim beschikbaar (UWV: krap); "
              "meertalige kandidaten zijn gewild."),
        ("h", "Afstand tot werk"),
        ("p", "Klein: actueel cv en goede vaardigheden. Aandachtspunt is zelfvertrouwen na een jaar uitval; "
              "daarvoor vier coachingsgesprekken."),
        ("h", "Plan de campagne"),
        ("p", f"Fase 1 (vanaf {dmy(start)}, 4 weken): intake, LinkedIn, coaching. Fase 2 (week 5 t/m 16): "
              "solliciteren en netwerken, minimaal 1 sollicitatie per week. Fase 3: bemiddeling en "
              "proefplaatsing. Einddoel: baan binnen 9 maanden."),
        ("h", "Uren"),
        ("p", "Het matchingsprofiel volgt het urenopbouwschema van de bedrijfsarts:"),
        ("p", "eerst 3 x 3 uur, daarna 4 x 4 uur en vanaf week 9 24 uur per week."),
        ("p", "Vacatures worden gezocht op 24 uur per week."),
        ("h", "Contact"), ("p", "Elke twee weken een afspraak met de consultant, tussendoor per mail en telefoon."),
        ("h", "Rapportages"), ("p", "Voortgangsrapportage na 16 weken; eindrapportage aan het einde van het traject."),
        ("h", "Handtekeningen"), ("p", "Kandidaat: S. Veenstra (getekend). Consultant: L. Ouali (getekend)."),
    ], dates=[(dmy(fsd), fsd), (dmy(plan), plan), (dmy(start), start), (dmy(fml), fml)],
        hours=[("36 uur per week", 36, "per_week"), ("3 x 3 uur", 9, "per_week"), ("4 x 4 uur", 16, "per_week"),
               ("24 uur per week", 24, "per_week")],
        present=[f"spoor2_plan.{c}" for c in ["persoonsprofiel", "belastbaarheid", "zoekprofiel",
                 "onderbouwing_zoekprofiel", "arbeidsmarktanalyse", "afstand_arbeidsmarkt",
                 "activiteiten_tijdpad", "urenomvang", "contactafspraken", "rapportagemomenten",
                 "ondertekening", "startdatum"]])
    fml2_doc = _doc("Herbeoordeling FML Veenstra.pdf", "fml", header="Arbodienst Domstad - bedrijfsarts", blocks=[
        ("h", "Herbeoordeling Functionele Mogelijkhedenlijst"), ("t", ident + [["Datum", dmy(fml2)]]),
        ("p", f"Ten opzichte van de FML van {dmy(fml)} is de belastbaarheid verbeterd. Er is geen urenbeperking "
              "meer. Blijvend: niet langdurig staan, geen nachtdiensten. Tillen tot 15 kg is nu mogelijk."),
        ("p", "drs. K. Mulder, bedrijfsarts (getekend)"),
    ], dates=[(dmy(fsd), fsd), (dmy(fml2), fml2), (dmy(fml), fml)])
    apps, cur, gaps = [], start + timedelta(25), [5, 6, 4, 7, 5, 3, 6, 5, 4, 8, 5, 6, 4, 5, 21, 3, 4, 6, 5, 4,
                                                   5, 6, 4, 3, 5, 6, 4, 5, 6, 4, 5, 3, 4, 6, 5]
    for g in [0] + gaps:
        cur += timedelta(g)
        if cur >= eind:
            break
        apps.append(cur)
    assert len(apps) / ((eind - start).days / 7) >= 1.0, len(apps)
    n_vg = sum(1 for d in apps if d <= vg)
    vg_doc = _doc("Voortgangsrapportage Veenstra.docx", "spoor2_voortgang", header=hdr, blocks=[
        ("h", "Voortgangsrapportage"),
        ("t", ident + [["Rapportageperiode", f"{dmy(start)} - {dmy(vg)}"], ["Consultant", "L. Ouali"]]),
        ("h", "Wat is er veranderd aan de belastbaarheid"),
        ("p", f"Bij de herbeoordeling van {dmy(fml2)} heeft de bedrijfsarts de urenbeperking opgeheven. Sandra "
              "kan weer haar contracturen werken; staan en nachtdiensten blijven beperkt."),
        ("h", "Matchingsprofiel bijgesteld"),
        ("p", "We zoeken nu op 36 uur per week, gelijk aan haar contract, omdat er geen urenbeperking meer is. "
              "Het profiel is uitgebreid met front office in een ziekenhuis of kantoor (zittend, overdag), "
              "omdat de belastbaarheid dat nu toelaat en dit aansluit bij haar ervaring."),
        ("h", "Aanbodversterking"),
        ("p", "Vier coachingsgesprekken over zelfvertrouwen afgerond; training gesprekstechniek gevolgd. Sandra "
              "presenteert zich nu zeker in gesprekken."),
        ("h", "Sollicitaties"),
        ("p", f"{n_vg} sollicitaties in deze periode, alle binnen het matchingsprofiel, door Sandra zelf verstuurd "
              "(overzicht in de eindrapportage); drie sollicitatiegesprekken."),
        ("h", "Inzet en medewerking"),
        ("p", "Sandra is zeer gemotiveerd en komt alle afspraken na. De werkgever krijgt een kopie."),
        ("h", "Plan komende periode"),
        ("p", "Solliciteren op 36 uur per week, twee netwerkgesprekken per maand, proefplaatsing verkennen."),
    ], dates=[(dmy(start), start), (dmy(vg), vg), (dmy(fml2), fml2)],
        hours=[("36 uur per week", 36, "per_week")],
        present=[f"spoor2_voortgang.{c}" for c in ["periode", "belastbaarheid_actueel", "zoekprofiel_actueel",
                 "aanbodversterking", "sollicitaties", "arbeidsmarktplan", "medewerking"]])
    firms = ["NH Hotel Utrecht", "Booking.com klantenservice", "UMC Utrecht", "Jaarbeurs", "Regus kantoren",
             "TUI Nederland", "Stadsschouwburg Utrecht"]
    funcs = ["reserveringsmedewerker", "medewerker klantenservice", "front office medewerker", "officemanager"]
    rows = [["Datum", "Organisatie", "Functie", "Resultaat"]] + [
        [dmy(d), firms[i % len(firms)], funcs[i % len(funcs)], "gesprek" if i % 6 == 2 else "afgewezen"]
        for i, d in enumerate(apps)]
    contacts = [start + timedelta(14 * k) for k in range(0, 15) if start + timedelta(14 * k) <= eind]
    eind_doc = _doc("Eindrapportage Veenstra.docx", "spoor2_eind", header=hdr, blocks=[
        ("h", "Eindrapportage 2e spoor"),
        ("t", ident + [["Trajectperiode", f"{dmy(start)} - {dmy(eind)}"], ["Consultant", "L. Ouali"]]),
        ("h", "Hoe is het traject verlopen"),
        ("p", "Na vier weken coaching is Sandra gaan solliciteren op 24 uur per week volgens het urenopbouwschema. "
              f"Na de herbeoordeling van {dmy(fml2)} is het matchingsprofiel bijgesteld naar 36 uur per week en "
              "uitgebreid met front office functies."),
        ("h", "Resultaat"),
        ("p", "Ondanks alle inspanningen is geen baan gevonden. Sandra is niet geplaatst."),
        ("h", "Sollicitaties"), ("t", rows),
        ("h", "Contactmomenten"), ("t", [["Datum", "Soort"]] + [[dmy(d), "gesprek consultant"] for d in contacts]),
        ("h", "Inzet van Sandra"), ("p", "Gemotiveerd, afspraken steeds nagekomen, solliciteerde zelf."),
        ("h", "Zelfredzaamheid"),
        ("p", "Sandra is arbeidsmarktklaar en sollicitatievaardig: zij zoekt en reageert zelfstandig op vacatures."),
        ("p", "L. Ouali, consultant (getekend)"),
    ], dates=[(dmy(start), start), (dmy(eind), eind), (dmy(fml2), fml2), (dmy(apps[0]), apps[0]),
              (dmy(apps[-1]), apps[-1])],
        hours=[("24 uur per week", 24, "per_week"), ("36 uur per week", 36, "per_week")],
        present=[f"spoor2_eind.{c}" for c in ["verloop", "resultaat", "sollicitatieoverzicht", "contactmomenten",
                 "houding_werknemer", "zelfredzaamheid"]],
        missing=["spoor2_eind.onderbouwing_resultaat", "spoor2_eind.advies_vervolg"])
    return Dossier("h12", fsd, [fml_doc, plan_doc, fml2_doc, vg_doc, eind_doc],
                   not_findings=["consistency.urenopbouw_niet_gevolgd", "consistency.zoekprofiel_niet_aangepast",
                                 "consistency.uren_zoekprofiel_vs_fml", "consistency.sollicitatie_gat",
                                 "consistency.sollicitatie_frequentie", "consistency.namens_werknemer",
                                 "consistency.eerste_ziektedag_verschilt"])
