"""dates_in_document / hours_in_document over a whole Document: furniture skipped, table cells
read, page and document set, years resolved across blocks, roles from section titles."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from audit.extract.dates import dates_in_document
from audit.extract.hours import hours_in_document
from audit.model import Block, Document, Page, Section

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
CORPUS = SHARED / "corpus"


def table(rows: list[list[str]], page: int) -> Block:
    return Block("table", "\n".join(" | ".join(r) for r in rows), page, rows=tuple(tuple(r) for r in rows))


def report() -> tuple[Document, list[Section]]:
    heading_fml = Block("heading", "Belastbaarheid", 1)
    fml = Block("paragraph", "Volgens de bedrijfsarts kan zij 4 uur per dag werken.", 1)
    heading_zoek = Block("heading", "Zoekprofiel", 2)
    zoek = Block("paragraph", "Administratief medewerker, 20 uur per week.", 2)
    gegevens = table([["Naam", "Datum"], ["Eerste ziektedag", "06-03-2023"], ["Arbeidsduur", "32 uur"]], 1)
    later = Block("paragraph", "Op 25 april 2024 gesproken; het vervolg is op 29 april.", 2)
    header = Block("header", "Rapport 01-01-2020 | 40 uur per week", 1)
    footer = Block("footer", "Pagina 2 van 2 - 31-12-2019", 2)
    pages = (Page(1, (header, gegevens, heading_fml, fml)), Page(2, (heading_zoek, zoek, later, footer)))
    sections = [Section("Gegevens", (gegevens,)), Section("Belastbaarheid", (heading_fml, fml)),
                Section("Zoekprofiel", (heading_zoek, zoek, later))]
    return Document("map/rapport.pdf", "pdf", pages), sections


def test_dates_from_every_block_but_furniture_with_page_quote_and_document():
    doc, _ = report()
    facts, weeks = dates_in_document(doc)
    assert [(f.value, f.page, f.year_inferred) for f in facts] == [
        (date(2023, 3, 6), 1, False), (date(2024, 4, 25), 2, False), (date(2024, 4, 29), 2, True)]
    assert facts[0].quote == "Eerste ziektedag | 06-03-2023"
    assert all(f.document == "map/rapport.pdf" for f in facts)
    assert weeks == []


def test_year_of_a_yearless_date_comes_from_another_block():
    blocks = (Block("paragraph", "Rapportdatum 12-12-2024.", 1), Block("paragraph", "Het gesprek van 9 december.", 1))
    facts, _ = dates_in_document(Document("r.docx", "docx", (Page(1, blocks),)))
    assert facts[1].value == date(2024, 12, 9) and facts[1].year_inferred


def test_weeks_carry_the_document():
    doc = Document("w.pdf", "pdf", (Page(1, (Block("paragraph", "De melding in week 42 is gedaan.", 1),)),))
    _, weeks = dates_in_document(doc)
    assert [(w.week, w.kind, w.document) for w in weeks] == [(42, "sick_leave", "w.pdf")]


def test_hours_with_roles_from_sentence_row_and_section_title():
    doc, sections = report()
    facts = hours_in_document(doc, sections)
    got = {(f.text, f.value, f.unit, f.role, f.page) for f in facts}
    assert got == {
        ("32 uur", 32.0, "per_week", "contract", 1),
        ("4 uur per dag", 4.0, "per_day", "fml", 1),
        ("20 uur per week", 20.0, "per_week", "zoekprofiel", 2),
    }
    assert all(f.document == "map/rapport.pdf" for f in facts)


def test_same_figure_twice_is_kept_once_per_role():
    blocks = tuple(Block("paragraph", t, 1) for t in (
        "Werkt 2 x 3 uur per week.", "Werkt nog steeds 2 x 3 uur per week.", "Het zoekprofiel: 2 x 3 uur per week."))
    facts = hours_in_document(Document("x.docx", "docx", (Page(1, blocks),)), [])
    assert [(f.value, f.role) for f in facts] == [(6.0, "worked"), (6.0, "zoekprofiel")]


def test_schedule_table_takes_the_role_of_the_sentence_that_introduces_it():
    intro = Block("paragraph", "Volgens de FML is het eindniveau 20 uur per week, via onderstaand schema.", 1)
    heading = Block("heading", "Urenopbouwschema", 1)
    rows = table([["Periode", "Uren", "Toelichting"], ["Week 1-2", "2 x 2 uur", "Aangepast werk"],
                  ["Week 3-4", "3 x 3 uur", ""], ["Vanaf week 5", "4 x 5 uur", "Eindniveau"]], 1)
    doc = Document("fml.pdf", "pdf", (Page(1, (intro, heading, rows)),))
    facts = hours_in_document(doc, [Section(None, (intro,)), Section("Urenopbouwschema", (heading, rows))])
    schedule = [f for f in facts if f.steps]
    assert len(schedule) == 1 and [s.per_week for s in schedule[0].steps] == [4.0, 9.0, 20.0]
    assert schedule[0].steps[-1].open_ended
    assert {f.role for f in facts} == {"fml"}


def test_schedule_spread_over_list_items():
    items = tuple(Block("list_item", t, 1) for t in (
        "week 1-2: 2 x 2 uur", "week 3-4: 3 x 3 uur", "week 5-6: 4 x 4 uur"))
    facts = hours_in_document(Document("p.docx", "docx", (Page(1, items),)), [])
    assert [(s.first_week, s.per_week) for s in facts[0].steps] == [(1, 4.0), (3, 9.0), (5, 16.0)]


def test_empty_and_unreadable_documents_give_nothing():
    empty = Document("leeg.pdf", "pdf", (), error="Het bestand is leeg.", error_code="empty")
    assert dates_in_document(empty) == ([], [])
    assert hours_in_document(empty, []) == []


def _truth() -> list[tuple[Path, dict]]:
    out = []
    for truth_file in sorted(CORPUS.glob("d*/truth.json")):
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        out += [(truth_file.parent / name, td) for name, td in truth["documents"].items()
                if td["format"] in ("pdf", "docx")]
    return out


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.exists(), reason="needs ../shared/corpus")
def test_development_corpus_recall_on_digital_documents():
    """Read with the real ingest and segmenter (no OCR); every labelled date and hour figure."""
    from audit.checklist import load_checklists
    from audit.ingest import ReadOptions, load_document
    from audit.segment import blocks_to_sections

    checklists = load_checklists()
    dates_hit = dates_total = hours_hit = hours_total = 0
    misses = []
    for path, td in _truth():
        doc = load_document(path, path.name, ReadOptions(ocr="never"))
        facts, _ = dates_in_document(doc)
        hours = hours_in_document(doc, blocks_to_sections(doc, checklists))
        values = {f.value.isoformat() for f in facts}
        readings = {(round(h.value, 2), h.unit) for h in hours if h.value is not None}
        for d in td["dates"]:
            dates_total += 1
            dates_hit += d["value"] in values or misses.append((path.name, d)) or False
        for h in td["hours"]:
            hours_total += 1
            hours_hit += (round(h["value"], 2), h["unit"]) in readings or misses.append((path.name, h)) or False
    assert dates_hit / dates_total >= 0.97, misses
    assert hours_hit / hours_total >= 0.95, misses


def test_role_from_the_last_heading_when_a_form_label_is_the_section_title():
    heading = Block("heading", "3. Zoekprofiel", 1)
    para = Block("paragraph", "Ongewijzigd: heftruckchauffeur, productie licht, 20 uur per week.", 1)
    doc = Document("v.pdf", "pdf", (Page(1, (heading, para)),))
    sections = [Section("3. Zoekprofiel", (heading,)), Section("Ongewijzigd", (para,), kind="label")]
    assert [(f.value, f.role) for f in hours_in_document(doc, sections)] == [(20.0, "zoekprofiel")]
