from pathlib import Path

import pytest

from audit.ingest import ReadOptions, load_document
from unit.ingest_factories import write_pdf, write_table_pdf

pytest.importorskip("reportlab")


@pytest.fixture
def report(tmp_path: Path) -> Path:
    body = ("Mevrouw Jansen is sinds 4 maart 2024 arbeidsongeschikt. De bedrijfsarts adviseert\n"
            "een opbouw in uren, te beginnen met 2 x 3 uur per week.")
    pages = [[("h1", "Probleemanalyse"), ("bold", "1. Aanleiding"), ("body", body)],
             [("bold", "2. Prognose"), ("body", "Herstel wordt binnen drie maanden verwacht.")],
             [("bold", "3. Advies"), ("body", "Werkgever en werknemer stellen een plan van aanpak op.")]]
    return write_pdf(tmp_path / "pa.pdf", pages, header="Arbodienst Zuid - Vertrouwelijk", footer_pages=True)


def test_pdf_blocks_headings_paragraphs_and_cues(report: Path):
    doc = load_document(report, "pa.pdf", ReadOptions(ocr="never"))
    assert doc.error is None and doc.format == "pdf" and len(doc.pages) == 3
    first = doc.pages[0].blocks
    headings = [b for b in first if b.kind == "heading"]
    assert headings[0].text == "Probleemanalyse" and headings[0].level == 1 and headings[0].font_size == 16
    assert headings[1].numbering == "1." and headings[1].bold
    paragraph = next(b for b in first if b.kind == "paragraph")
    assert paragraph.text.startswith("Mevrouw Jansen") and paragraph.text.endswith("2 x 3 uur per week.")
    assert paragraph.bbox and 0 < paragraph.bbox[1] < paragraph.bbox[3] < 842


def test_pdf_running_header_and_page_numbers_marked_not_dropped(report: Path):
    doc = load_document(report, "pa.pdf", ReadOptions(ocr="never"))
    kinds = {b.kind for b in doc.pages[1].blocks}
    assert {"header", "footer"} <= kinds
    assert "Vertrouwelijk" not in doc.text and "Pagina" not in doc.text
    assert any("kop- en voetregel" in w for w in doc.warnings)


def test_pdf_missing_page_reported(tmp_path: Path):
    pages = [[("body", f"Inhoud van pagina {n}")] for n in range(1, 4)]
    path = write_pdf(tmp_path / "gap.pdf", pages, footer_pages=True)
    # drop the middle page with pypdfium2 to simulate a lost page
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(path)
    pdf.del_page(1)
    pdf.save(tmp_path / "gap2.pdf")
    pdf.close()
    doc = load_document(tmp_path / "gap2.pdf", "gap2.pdf", ReadOptions(ocr="never"))
    assert any("ontbreken" in w and "2" in w for w in doc.warnings)


def test_table_continued_on_next_page_is_one_block(tmp_path: Path):
    rows = [[f"{d:02d}-09-2024", f"Werkgever {d}", "Orderpicker", "Afgewezen"] for d in range(1, 61)]
    path = write_table_pdf(tmp_path / "soll.pdf", ["Datum", "Werkgever", "Functie", "Resultaat"], rows)
    doc = load_document(path, "soll.pdf", ReadOptions(ocr="never"))
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 1
    table = tables[0]
    assert len(table.pages) >= 2 and table.pages[0] == 1
    assert table.rows[0] == ("Datum", "Werkgever", "Functie", "Resultaat")
    assert len(table.rows) == 61  # the repeated header row is not counted twice
    assert table.rows[-1][1] == "Werkgever 60"
    assert "Werkgever 30" not in " ".join(b.text for b in doc.blocks if b.kind != "table")


def test_form_table_label_value(tmp_path: Path):
    from reportlab.lib import colors
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    table = Table([["Werknemer", "K. de Vries"], ["Eerste ziektedag", "04-03-2024"]])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey)]))
    SimpleDocTemplate(str(tmp_path / "form.pdf")).build([table])
    doc = load_document(tmp_path / "form.pdf", "form.pdf", ReadOptions(ocr="never"))
    table_block = next(b for b in doc.blocks if b.kind == "table")
    assert table_block.rows == (("Werknemer", "K. de Vries"), ("Eerste ziektedag", "04-03-2024"))
    assert "Eerste ziektedag | 04-03-2024" in table_block.text


def test_encrypted_pdf_needs_password(tmp_path: Path):
    path = write_pdf(tmp_path / "geheim.pdf", [[("body", "Vertrouwelijke probleemanalyse")]], encrypt="open")
    locked = load_document(path, "geheim.pdf", ReadOptions(ocr="never"))
    assert locked.error_code == "encrypted" and "--password" in locked.error
    wrong = load_document(path, "geheim.pdf", ReadOptions(ocr="never", password="fout"))
    assert wrong.error_code == "encrypted" and "klopt niet" in wrong.error
    opened = load_document(path, "geheim.pdf", ReadOptions(ocr="never", password="open"))
    assert opened.error is None and "Vertrouwelijke probleemanalyse" in opened.text


def test_truncated_and_garbage_pdf(tmp_path: Path, report: Path):
    data = report.read_bytes()
    (tmp_path / "half.pdf").write_bytes(data[: len(data) // 3])
    (tmp_path / "junk.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    for name in ("half.pdf", "junk.pdf"):
        doc = load_document(tmp_path / name, name, ReadOptions(ocr="never"))
        assert doc.path == name
        assert doc.error_code in ("corrupt", "empty") or doc.text, doc


def test_max_pages_limits_and_says_so(report: Path):
    doc = load_document(report, "pa.pdf", ReadOptions(ocr="never", max_pages=2))
    assert len(doc.pages) == 2 and doc.error_code == "too_large" and "3" in doc.error


def test_input_not_modified(report: Path):
    import hashlib

    before = hashlib.sha256(report.read_bytes()).hexdigest()
    doc = load_document(report, "pa.pdf", ReadOptions(ocr="never"))
    assert doc.sha256 == before == hashlib.sha256(report.read_bytes()).hexdigest()


def test_word_broken_in_narrow_cell_is_glued_but_wrapped_words_are_not(tmp_path: Path):
    from reportlab.lib import colors
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    style = getSampleStyleSheet()["Normal"]
    cells = [["Functie", "Resultaat"],
             [Paragraph("Magazijnmedewerkersfunctie", style), Paragraph("Geen reactie ontvangen van werkgever", style)]]
    table = Table(cells, colWidths=[90, 90])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    SimpleDocTemplate(str(tmp_path / "smal.pdf")).build([table])
    doc = load_document(tmp_path / "smal.pdf", "smal.pdf", ReadOptions(ocr="never"))
    rows = next(b for b in doc.blocks if b.kind == "table").rows
    assert rows[1] == ("Magazijnmedewerkersfunctie", "Geen reactie ontvangen van werkgever")


def test_ocr_decision_per_page():
    import pypdfium2.raw as pdfium_c

    from audit.ingest.pdf import ocr_reason
    from audit.ingest.pdf_tables import IMAGE_AREA

    image = {pdfium_c.FPDF_PAGEOBJ_IMAGE: 1, IMAGE_AREA: 0.95}
    body = "Dit is een gewone pagina met een tekstlaag. " * 20
    assert ocr_reason("", image, "auto") == "no_text"
    assert ocr_reason("", {IMAGE_AREA: 0.0}, "auto") is None  # blank page: nothing to read
    assert ocr_reason("Ontvangen 12-03-2024 door de werkgever", image, "auto") == "scan_with_text"
    assert ocr_reason(body, image, "auto") is None  # a scan with a text layer already (OCRmyPDF)
    assert ocr_reason("\ue000\ue001\ue002" * 30, {IMAGE_AREA: 0.0}, "auto") == "garbage"
    assert ocr_reason(body, {}, "always") == "always" and ocr_reason("", image, "never") is None
