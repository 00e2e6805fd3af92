"""Documents written by other hands: abbreviated titles, a title below the form's field rows,
and documents without any title (e-mails, letters, notes) that are typed by what they do.
All wording here is made up for these tests; none is copied from a dossier."""
from __future__ import annotations

import pytest

from audit.checklist import load_checklists
from audit.classify import classify_doc_type
from audit.model import Block, Document, Page

HEIGHT = 842.0


@pytest.fixture(scope="module")
def checklists():
    return load_checklists()


def doc(*paragraphs: str, fields: bool = True) -> Document:
    """A form as an arbodienst prints it: the title, a label/value table, a page footer."""
    blocks = [Block("paragraph", paragraphs[0], 1)]
    if fields:
        rows = (("Wn", "R. Jansen"), ("Wg", "Bakkerij Zuid"), ("1e zd", "08-01-2024"))
        blocks.append(Block("table", "\n".join(" | ".join(r) for r in rows), 1, rows=rows))
    blocks += [Block("paragraph", text, 1) for text in paragraphs[1:]]
    blocks.append(Block("paragraph", "pagina 1", 1))
    return Document("x.pdf", "pdf", (Page(1, tuple(blocks)),))


def typed(document: Document, checklists) -> str:
    return classify_doc_type(document, (), checklists)[0]


ABBREVIATED = [  # (title as written, expected type)
    ("Rapportage PA", "probleemanalyse"),
    ("Formulier PvA", "plan_van_aanpak"),
    ("Rapportage IZP", "fml"),
    ("EJE", "eerstejaarsevaluatie"),
    ("AD-rapport", "ad_rapport"),
    ("Rapport AD", "ad_rapport"),
    ("FML", "fml"),
    ("RIV", "riv"),
    ("2e spoor", "spoor2_plan"),
    ("Trajectplan", "spoor2_plan"),
    ("Tussenrapportage 2e spoor", "spoor2_voortgang"),
    ("Voortgangsverslag", "spoor2_voortgang"),
    ("Plan van aanpak (bijgesteld)", "bijstelling_pva"),
    ("Verslag evaluatiegesprek", "evaluatie"),
    ("Gespreksverslag", "evaluatie"),
    ("Concept plan van aanpak", "plan_van_aanpak"),
    ("Verslag van de evaluatie", "evaluatie"),
]


@pytest.mark.parametrize("title,expected", ABBREVIATED, ids=[t for t, _ in ABBREVIATED])
def test_abbreviated_title_above_field_rows(checklists, title, expected):
    assert typed(doc(title), checklists) == expected


@pytest.mark.parametrize("line", ["1e spoor", "Datum FML: 12-03-2024", "Toelichting bij de FML", "Aan: Ad Smit",
                                  "Rapportage"])
def test_look_alike_line_is_no_title(checklists, line):
    """A number is never a fuzzy slip; a dated label or a reference names another document; a
    two-letter abbreviation counts only as the whole title (Ad is a first name too)."""
    assert typed(doc(line, fields=False), checklists) == "overig"


def test_title_found_by_position_when_block_order_is_wrong(checklists):
    """The reader listed the field table and the footer before the title: position decides."""
    rows = (("Naam", "R. Jansen"), ("Datum", "08-01-2024"), ("Opgesteld", "T. de Wit"))
    blocks = (
        Block("table", "\n".join(" | ".join(r) for r in rows), 1, bbox=(60, 130, 530, 260), rows=rows),
        Block("paragraph", "Afdeling verzuim - vertrouwelijk", 1, bbox=(60, 300, 400, 320)),
        Block("paragraph", "Bakkerij Zuid, Dorpsstraat 3, Tilburg - KvK 1234", 1, bbox=(60, 805, 400, 815)),
        Block("paragraph", "pagina 1 van 2", 1, bbox=(480, 815, 530, 825)),
        Block("paragraph", "Opmerkingen van de werknemer bij de afspraken", 1, bbox=(60, 340, 400, 360)),
        Block("heading", "Rapportage IZP", 1, bbox=(60, 90, 200, 104)),
    )
    document = Document("x.pdf", "pdf", (Page(1, blocks, width=595.0, height=HEIGHT),))
    doc_type, confidence = classify_doc_type(document, (), checklists)
    assert doc_type == "fml" and confidence >= 0.6


def letter(*paragraphs: str) -> Document:
    blocks = tuple(Block("paragraph", text, 1) for text in paragraphs)
    return Document("x.docx", "docx", (Page(1, blocks),))


AGREEMENTS_MAIL = letter(
    "Van: M. de Wit <m.dewit@bakkerijzuid.nl>", "Aan: Sanne Jansen",
    "Onderwerp: wat we vandaag bespraken",
    "Beste Sanne, hierbij zet ik op een rij wat we vanochtend hebben afgesproken.",
    "Je start op 4 maart met twee middagen van drie uur aan de kassa; vakken vullen laat je nog even.",
    "Ik ben je contactpersoon en we bellen iedere vrijdag. Het doel is dat je na de zomer je eigen werk "
    "weer helemaal doet.", "Groet, Marloes", "Voor akkoord getekend door Sanne en Marloes")
DOCTOR_LETTER = letter(
    "Arbodienst Zuid", "Tilburg, 2 februari 2024",
    "Betreft: uw medewerker mevrouw Jansen, uitkomst consult",
    "Geachte heer De Wit, vandaag sprak ik mevrouw Jansen op het spreekuur. Zij kan nu niet langdurig "
    "staan en niet zwaar tillen. Lichte werkzaamheden zittend gaan wel, twee uur per dag. Ik verwacht "
    "dat zij over zes tot acht weken weer meer kan. Mijn advies: bespreek samen een opbouw.",
    "Met vriendelijke groet, dr. P. Kok, bedrijfsarts")
TALK_NOTES = letter(
    "Woensdag 10 april 2024 gesprek met Sanne gehad in de pauzeruimte. Het gaat beter: ze werkt nu drie "
    "middagen en heeft minder pijn.",
    "Zij vraagt of het vullen van vakken weer kan; dat vragen we de bedrijfsarts.",
    "Over zes weken weer spreken, of eerder als het niet lukt.", "(aantekening Marloes)")
CONTACT_LIST = letter(
    "03-01-2024 ziekmelding telefonisch door werknemer ontvangen",
    "05-01-2024 werknemer gebeld, gaat naar de huisarts",
    "12-01-2024 uitnodiging spreekuur bedrijfsarts verstuurd",
    "19-01-2024 spreekuur bedrijfsarts, terugkoppeling ontvangen",
    "26-01-2024 thuis bezocht, afspraken over contact gemaakt",
    "02-02-2024 werknemer belt: fysiotherapie gestart")
COVER_MAIL = letter(
    "Van: M. de Wit", "Onderwerp: stukken", "Beste, hierbij stuur ik u de gevraagde stukken voor het dossier.",
    "Met vriendelijke groet, Marloes")
INVITATION = letter(
    "Arbodienst Zuid", "Betreft: uitnodiging spreekuur",
    "Geachte mevrouw Jansen, u bent uitgenodigd voor het spreekuur van de bedrijfsarts op 12 maart om "
    "10.00 uur. Neemt u een legitimatiebewijs mee.", "Met vriendelijke groet, secretariaat")


@pytest.mark.parametrize("document,expected", [
    (AGREEMENTS_MAIL, "plan_van_aanpak"), (DOCTOR_LETTER, "probleemanalyse"),
    (TALK_NOTES, "evaluatie"), (CONTACT_LIST, "logboek"),
    (COVER_MAIL, "overig"), (INVITATION, "overig"),
], ids=["agreements-mail", "doctor-letter", "talk-notes", "contact-list", "cover-mail", "invitation"])
def test_untitled_document_typed_by_what_it_does(checklists, document, expected):
    doc_type, confidence = classify_doc_type(document, (), checklists)
    assert doc_type == expected
    if expected != "overig":
        assert confidence < 0.9  # body evidence alone: a modest confidence


def test_mail_naming_itself_the_plan(checklists):
    document = letter("Onderwerp: terug aan het werk", "Hoi Sanne, dit is het plan van aanpak zoals we het "
                      "vanmorgen bespraken.", "Groet, Marloes")
    assert typed(document, checklists) == "plan_van_aanpak"


def test_title_dominates_what_the_body_does(checklists):
    """An eindevaluatie describes agreements, talks and the doctor's advice: its title decides."""
    body = " ".join(p.text for p in AGREEMENTS_MAIL.pages[0].blocks + DOCTOR_LETTER.pages[0].blocks
                    + TALK_NOTES.pages[0].blocks)
    assert typed(letter("Eindevaluatie", body), checklists) == "eindevaluatie"
    assert typed(letter("Re-integratieverslag", body), checklists) == "riv"


def test_subject_line_below_a_long_letterhead(checklists):
    """Address, postcode, phone, e-mail and web lines are no titles and push none out."""
    lines = ("Arbodienst Veenland", "Postbus 4410", "3800 EK Amersfoort", "T 033-4567890",
             "secretariaat@veenland-arbo.nl", "www.veenland-arbo.nl", "Aan: Garage Vos", "t.a.v. de heer Vos",
             "Kerkweg 12", "3811 AB Amersfoort", "Amersfoort, 4 juni 2024",
             "Betreft: inzetbaarheidsprofiel de heer T. Bos")
    document = letter(*lines, "Geachte heer Vos, hierbij mijn bevindingen.")
    doc_type, confidence = classify_doc_type(document, (), checklists)
    assert doc_type == "fml" and confidence >= 0.6


TALK_NOTES_CHATTED = letter(
    "Maandag 3 juni 2024. Met Kees gepraat over de eerste twee weken. De ochtenden gaan goed, de rug houdt het.",
    "Maandag 15 juli 2024. Kees werkt nu vier ochtenden. Volgende keer kijken we naar de middagen.",
    "Hans")


@pytest.mark.parametrize("title,expected", [
    ("Ontvangstbevestiging ziekmelding", "ziekmelding_uwv"),
    ("Dossieroverzicht", "logboek"),
    ("Wijziging van het plan van aanpak", "bijstelling_pva"),
])
def test_more_titles_as_employers_and_systems_print_them(checklists, title, expected):
    assert typed(doc(title, "Zie de afspraken hieronder."), checklists) == expected


def test_notes_of_a_chat_are_an_evaluation(checklists):
    assert classify_doc_type(TALK_NOTES_CHATTED, (), checklists)[0] == "evaluatie"


def test_a_note_that_opens_with_its_title_as_a_sentence(checklists):
    note = letter("Wijziging van het plan van aanpak. Na het laatste consult mag Kees de middagen erbij nemen; "
                  "hij werkt vanaf volgende week vijf ochtenden en twee middagen. De overige afspraken blijven staan.",
                  "Getekend: Kees en Hans")
    assert classify_doc_type(note, (), checklists)[0] == "bijstelling_pva"
    prose = letter("Wij hebben gisteren gesproken. Over het plan van aanpak is afgesproken dat alles blijft zoals het "
                   "was, want de bedrijfsarts ziet nog geen ruimte voor meer uren in de komende weken.")
    assert classify_doc_type(prose, (), checklists)[0] != "bijstelling_pva"
