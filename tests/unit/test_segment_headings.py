"""Segmentation: headings from style, numbering, font size, bold, capitals, colons, the lexicon; forms; windows."""
from __future__ import annotations

import pytest

from audit.checklist import load_checklists
from audit.model import Block, Document, Page
from audit.segment import blocks_to_sections, normalise_title


@pytest.fixture(scope="module")
def checklists():
    return load_checklists()


def _doc(*blocks: Block) -> Document:
    return Document("t.pdf", "pdf", (Page(1, tuple(blocks)),))


def _titles(sections) -> list[str | None]:
    return [s.title for s in sections if s.kind == "heading"]


def test_docx_heading_styles_give_levels(checklists) -> None:
    doc = _doc(Block("paragraph", "Persoonsgerichte fase", 1, style="Heading 1"),
               Block("paragraph", "Persoonsprofiel", 1, style="Heading 2"),
               Block("paragraph", "Tom heeft een vmbo-diploma en werkt sinds 2008 in de productie.", 1, style="Normal"))
    sections = blocks_to_sections(doc, checklists)
    assert [(s.title, s.level) for s in sections] == [("Persoonsgerichte fase", 1), ("Persoonsprofiel", 2)]
    assert "vmbo" in sections[1].text


def test_numbered_larger_bold_lines_are_headings_and_body_is_not(checklists) -> None:
    body = "De afstand tot de arbeidsmarkt is groot door een eenzijdig arbeidsverleden en weinig ervaring."
    doc = _doc(Block("paragraph", "3. Afstand tot de arbeidsmarkt", 1, font_size=12.5, bold=True),
               Block("paragraph", body, 1, font_size=10.0),
               Block("paragraph", "Einddoel: plaatsing binnen negen maanden.", 1, font_size=10.0),
               Block("paragraph", "Het zoekprofiel bestaat uit de volgende functies:", 1, font_size=10.0))
    sections = blocks_to_sections(doc, checklists)
    assert _titles(sections) == ["3. Afstand tot de arbeidsmarkt"]
    assert body in sections[0].text


def test_ocr_noise_numbering_and_lexicon(checklists) -> None:
    doc = _doc(Block("paragraph", "A. Werkervaringsplek", 1, source="ocr"),
               Block("paragraph", "Zij werkt op een werkervaringsplek bij de kringloop.", 1, source="ocr"),
               Block("paragraph", "Sollicitatieactivitelten", 1, source="ocr"),
               Block("paragraph", "Zij heeft negen keer gesolliciteerd.", 1, source="ocr"),
               Block("paragraph", "e Netwerkgesprek met een schoonmaakbedrijf in de zorg", 1, source="ocr"))
    assert _titles(blocks_to_sections(doc, checklists)) == ["A. Werkervaringsplek", "Sollicitatieactivitelten"]


def test_capitals_and_colon_lines(checklists) -> None:
    doc = _doc(Block("paragraph", "ZOEKPROFIEL", 1), Block("paragraph", "Receptiemedewerker en telefoniste in de zorg.", 1),
               Block("paragraph", "Afspraken over contact:", 1), Block("paragraph", "Wij spreken elkaar iedere week.", 1))
    assert _titles(blocks_to_sections(doc, checklists)) == ["ZOEKPROFIEL", "Afspraken over contact"]


def test_furniture_never_titles(checklists) -> None:
    doc = _doc(Block("header", "Vertrouwelijk", 1), Block("paragraph", "1. Resultaat", 1, bold=True),
               Block("paragraph", "Er is geen plaatsing gerealiseerd.", 1), Block("footer", "Pagina 1 van 2", 1))
    sections = blocks_to_sections(doc, checklists)
    assert _titles(sections) == ["1. Resultaat"]
    assert all("Pagina" not in s.text and "Vertrouwelijk" not in s.text for s in sections)


def test_form_table_rows_become_label_sections_and_table_stays(checklists) -> None:
    rows = (("Werknemer", "Gerard Bosman"), ("Eerste ziektedag", "20 november 2023"), ("Startdatum traject", "25-11-2024"))
    doc = _doc(Block("paragraph", "Re-integratieplan 2e spoor", 1, font_size=16, bold=True),
               Block("table", "\n".join(" | ".join(r) for r in rows), 1, rows=rows))
    sections = blocks_to_sections(doc, checklists)
    labels = {s.title: s.text for s in sections if s.kind == "label"}
    assert labels["Eerste ziektedag"] == "20 november 2023"
    assert labels["Startdatum traject"] == "25-11-2024"
    assert any(b.kind == "table" for s in sections if s.kind == "heading" for b in s.blocks)


def test_document_without_headings_is_read_in_windows(checklists) -> None:
    paras = [Block("paragraph", f"Zin nummer {i} van een verslag zonder koppen, geschreven als doorlopende tekst.", 1)
             for i in range(9)]
    sections = blocks_to_sections(_doc(*paras), checklists)
    assert {s.kind for s in sections} == {"window"}
    assert sum(len(s.blocks) for s in sections) == 9 and len(sections) >= 3


def test_normalise_title_strips_numbering_and_punctuation() -> None:
    assert normalise_title("2.1 Zoekprofiel:") == "zoekprofiel"
    assert normalise_title("5, Sollicitatieactiviteiten") == "sollicitatieactiviteiten"
    assert normalise_title("Waarom (nog) geen plaatsing?") == "waarom nog geen plaatsing"


def test_numbered_heading_run_into_its_paragraph_is_split(checklists) -> None:
    doc = _doc(Block("paragraph", "3. Aanbodversterking Sylvia heeft de sollicitatietraining afgerond.", 1, source="ocr"),
               Block("paragraph", "2. Het gesprek vond plaats op kantoor en duurde een uur.", 1, source="ocr"))
    sections = blocks_to_sections(doc, checklists)
    assert _titles(sections) == ["3. Aanbodversterking"]
    assert "sollicitatietraining" in sections[0].text and "gesprek vond" in sections[0].text
