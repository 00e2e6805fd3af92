"""Bundled PDFs: four documents merged into one PDF come back as four parts with the right
types and page ranges; single documents are never split.

The PDFs are written here with reportlab, merged with pypdfium2 and read by the real ingest.
"""
from __future__ import annotations

import os
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from audit.checklist import load_checklists
from audit.classify import classify_doc_type
from audit.ingest import ReadOptions, load_document
from audit.model import Block, Document, Page
from audit.segment import blocks_to_sections
from audit.split import split_bundle

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"
SAMPLES = REPO / "samples"
DIGITAL = ReadOptions(ocr="never")


@pytest.fixture(scope="module")
def checklists():
    return load_checklists()


# --------------------------------------------------------------------------- writing PDFs

FILLER = ("De werknemer en de werkgever hebben de situatie besproken. De afspraken uit het vorige "
          "gesprek zijn nagekomen en worden in de komende periode voortgezet.")


def write_pdf(path: Path, title: str, fields: list[tuple[str, str]], sections: list[str],
              pages: int, *, numbered: bool, footer: str, sign: bool = True,
              stamp: tuple[int, int] | None = None) -> Path:
    """A report of ``pages`` pages: title and field block on page 1, a heading at the top of
    every later page, optional 'Pagina x van y' footer and a signature block at the end."""
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    width, height = A4
    for number in range(1, pages + 1):
        y = height - 60
        pdf.setFont("Helvetica", 8)
        pdf.drawString(50, height - 30, footer)
        if number == 1:
            pdf.setFont("Helvetica-Bold", 16)
            pdf.drawString(50, y, title)
            y -= 30
            pdf.setFont("Helvetica", 10)
            for label, value in fields:
                pdf.drawString(50, y, label)
                pdf.drawString(200, y, value)
                y -= 15
            y -= 10
        for heading in sections[(number - 1) * 2: number * 2]:
            pdf.setFont("Helvetica-Bold", 12)
            pdf.drawString(50, y, heading)
            y -= 18
            pdf.setFont("Helvetica", 10)
            for line in range(6):  # text differs per section, as in a real report
                pdf.drawString(50, y, f"{heading.lower()} ({line + 1}): {FILLER[line * 9: line * 9 + 70]}")
                y -= 14
            y -= 10
        if sign and number == pages:
            pdf.drawString(50, y - 10, "Naam: J. de Vries")
            pdf.drawString(50, y - 25, "Handtekening: w.g.")
        if numbered:
            pdf.setFont("Helvetica", 8)
            pdf.drawString(400, 30, f"{footer[:20]} Pagina {number} van {pages}")
        if stamp:  # a lawyer's stamp that numbers the whole bundle straight through
            pdf.setFont("Helvetica", 8)
            pdf.drawString(420, height - 15, f"Productie 3 - pagina {stamp[0] + number} van {stamp[1]}")
        pdf.showPage()
    pdf.save()
    return path


FIELDS = [("Werknemer", "Karin Smit"), ("BSN", "123456782"), ("Werkgever", "Bakkerij De Korf B.V."),
          ("Eerste ziektedag", "04-03-2024")]
DOCS = [  # title, doc type, pages, section headings (two per page)
    ("Probleemanalyse", "probleemanalyse", 2,
     ["1. Aanleiding", "2. Beperkingen en mogelijkheden", "3. Prognose", "4. Advies"]),
    ("Plan van aanpak", "plan_van_aanpak", 1, ["Doel van de re-integratie", "Afspraken en activiteiten"]),
    ("Functionele Mogelijkhedenlijst (FML)", "fml", 2,
     ["1. Persoonlijk functioneren", "2. Sociaal functioneren", "3. Dynamische handelingen", "4. Werktijd"]),
    ("Voortgangsrapportage tweede spoor", "spoor2_voortgang", 3,
     ["Rapportageperiode", "Belastbaarheid", "Zoekprofiel", "Aanbodversterking", "Sollicitaties",
      "Plan voor de komende periode"]),
]


def merge(paths: list[Path], out: Path) -> Path:
    merged = pdfium.PdfDocument.new()
    for path in paths:
        source = pdfium.PdfDocument(str(path))
        merged.import_pages(source)
    merged.save(str(out))
    return out


def ranges(parts) -> list[tuple[int, int]]:
    return [part.page_range for part in parts]


def expected_ranges(page_counts: list[int]) -> list[tuple[int, int]]:
    out, first = [], 1
    for count in page_counts:
        out.append((first, first + count - 1))
        first += count
    return out


def written(tmp_path: Path, *, numbered: bool, same_letterhead: bool, stamped: bool = False) -> list[Path]:
    paths, offset, total = [], 0, sum(pages for _, _, pages, _ in DOCS)
    for index, (title, _, pages, sections) in enumerate(DOCS):
        footer = "Dossier Smit - vertrouwelijk" if same_letterhead else f"Afzender {index} - vertrouwelijk"
        paths.append(write_pdf(tmp_path / f"{index}.pdf", title, FIELDS, sections, pages,
                               numbered=numbered, footer=footer,
                               stamp=(offset, total) if stamped else None))
        offset += pages
    return paths


# --------------------------------------------------------------------------- bundles


@pytest.mark.parametrize("numbered, stamped", [(True, False), (False, False), (False, True), (True, True)],
                         ids=["page-numbers", "no-page-numbers", "bundle-stamp-only", "page-numbers-and-stamp"])
def test_four_merged_documents_come_back_as_four_typed_parts(tmp_path, checklists, numbered, stamped):
    paths = written(tmp_path, numbered=numbered, same_letterhead=True, stamped=stamped)
    doc = load_document(merge(paths, tmp_path / "bundel.pdf"), "bundel.pdf", DIGITAL)
    parts = split_bundle(doc, checklists)
    assert ranges(parts) == expected_ranges([pages for _, _, pages, _ in DOCS])
    assert [p.part for p in parts] == [1, 2, 3, 4]
    types = [classify_doc_type(p, blocks_to_sections(p, checklists), checklists)[0] for p in parts]
    assert types == [doc_type for _, doc_type, _, _ in DOCS]
    # pages keep the numbers of the original file
    assert [pg.number for p in parts for pg in p.pages] == list(range(1, len(doc.pages) + 1))


def test_single_multipage_report_with_headings_is_not_split(tmp_path, checklists):
    """A report whose later pages open with headings (even ones that name other documents)
    stays one document."""
    sections = ["1. Probleemanalyse", "2. Plan van aanpak", "Eerstejaarsevaluatie", "Tweede spoor",
                "Actueel oordeel", "Eindevaluatie"]
    path = write_pdf(tmp_path / "riv.pdf", "Re-integratieverslag", FIELDS, sections, 3,
                     numbered=False, footer="Bakkerij De Korf B.V.")
    doc = load_document(path, "riv.pdf", DIGITAL)
    assert split_bundle(doc, checklists) == [doc]


def test_one_page_document_is_returned_unchanged(tmp_path, checklists):
    path = write_pdf(tmp_path / "pva.pdf", "Plan van aanpak", FIELDS, ["Doel", "Afspraken"], 1,
                     numbered=True, footer="x")
    doc = load_document(path, "pva.pdf", DIGITAL)
    parts = split_bundle(doc, checklists)
    assert parts == [doc] and parts[0].part is None


def sample_pdfs() -> list[Path]:
    wanted = ["wia-dossier/01_Probleemanalyse.pdf", "wia-dossier/04_FML.pdf",
              "bureau-spoor2/Re-integratieplan_2e_spoor_P_Hulshof.pdf",
              "bureau-spoor2/Voortgangsrapportage_1_P_Hulshof.pdf"]
    return [SAMPLES / name for name in wanted]


@pytest.mark.skipif(not all(p.exists() for p in sample_pdfs()), reason="samples/ not written yet")
def test_four_sample_documents_merged_are_split_back(tmp_path, checklists):
    paths = sample_pdfs()
    singles = [load_document(p, p.name, DIGITAL) for p in paths]
    doc = load_document(merge(paths, tmp_path / "samples.pdf"), "samples.pdf", DIGITAL)
    parts = split_bundle(doc, checklists)
    assert ranges(parts) == expected_ranges([len(s.pages) for s in singles])
    expected = [classify_doc_type(s, blocks_to_sections(s, checklists), checklists)[0] for s in singles]
    got = [classify_doc_type(p, blocks_to_sections(p, checklists), checklists)[0] for p in parts]
    assert got == expected == ["probleemanalyse", "fml", "spoor2_plan", "spoor2_voortgang"]


# --------------------------------------------------------------------------- corpus: no false splits


def corpus_pdfs() -> list[Path]:
    """The multi-page PDFs of the corpus (counting pages costs nothing; OCR does)."""
    if not SHARED.exists():
        return []
    return sorted(p for p in SHARED.glob("corpus/*/*.pdf") if len(pdfium.PdfDocument(str(p))) > 1)


@pytest.mark.skipif(not SHARED.exists(), reason="../shared is not available")
def test_no_corpus_pdf_is_split(checklists):
    """Every multi-page PDF of the development corpus is one document (scans included;
    POORTWACHTER_OCR_CACHE, when set, reuses their OCR text)."""
    # scans at 200 dpi: enough for titles and page numbers, and faster than the default 300
    options = ReadOptions(dpi=200) if os.environ.get("PW_TEST_SKIP_SCANS") is None else DIGITAL
    split = []
    for path in corpus_pdfs():
        doc = load_document(path, path.name, options)
        assert len(doc.pages) > 1, path.name
        if len(split_bundle(doc, checklists)) > 1:
            split.append(path.name)
    assert corpus_pdfs() and split == []


def positioned_page(number: int, title: str, fields: tuple[tuple[str, str], ...], body: str):
    """A page as a PDF reader may list it: field table and footer first, the title last, with
    their positions telling the real order."""
    rows = fields
    blocks = (
        Block("table", "\n".join(" | ".join(r) for r in rows), number, bbox=(60, 120, 530, 230), rows=rows),
        Block("paragraph", body, number, bbox=(60, 250, 530, 500)),
        Block("paragraph", "Bakkerij De Korf B.V. - vertrouwelijk", number, bbox=(60, 800, 300, 810)),
        Block("heading", title, number, bbox=(60, 80, 300, 96)),
    )
    return Page(number, blocks, width=595.0, height=842.0)


def test_title_below_the_rows_in_reading_order_still_starts_a_part(checklists):
    fields = (("Werknemer", "K. Smit"), ("BSN", "123456782"), ("Eerste ziektedag", "08-01-2024"))
    pages = (positioned_page(1, "Probleemanalyse", fields, FILLER),
             positioned_page(2, "Vervolg", (("Toelichting", "zie boven"),), FILLER),
             positioned_page(3, "Formulier PvA", fields, FILLER))
    parts = split_bundle(Document("bundel.pdf", "pdf", pages), checklists)
    assert [p.page_range for p in parts] == [(1, 2), (3, 3)]
    assert [classify_doc_type(p, (), checklists)[0] for p in parts] == ["probleemanalyse", "plan_van_aanpak"]
