"""Seed files for the reader fuzzers: small real documents written here, built once per process.

Used by test_fuzz_readers.py (hypothesis mutates them) and atheris_readers.py (libFuzzer's
starting corpus).
"""
from __future__ import annotations

import io
import zipfile
from functools import lru_cache


def pdf_seed(compress: bool) -> bytes:
    """Two pages of dossier text, a ruled table and a footer; uncompressed streams let byte
    mutations reach the content-stream operators."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    buffer = io.BytesIO()
    styles = getSampleStyleSheet()

    def footer(canvas, doc):
        canvas.drawString(72, 30, f"Pagina {doc.page} - vertrouwelijk")

    table = Table([["Week", "Uren"], ["week 1-2", "2 x 2 uur"], ["week 3-4", "3 x 3 uur"]])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    story = [Paragraph("Plan van aanpak", styles["Heading1"]),
             Paragraph("Eerste ziektedag 3 januari 2024. De FML van 12-02-2024 noemt 20 uur per week.",
                       styles["Normal"]),
             table, PageBreak(),
             Paragraph("2. Zoekprofiel", styles["Heading2"]),
             Paragraph("Werknemer kan 4 uur per dag werken, vanaf week 12 t/m 14.", styles["Normal"])]
    SimpleDocTemplate(buffer, pagesize=A4, pageCompression=1 if compress else 0).build(
        story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def docx_seed() -> bytes:
    """Heading, numbered list, table with a merged cell, header and footer, a comment-free body."""
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Re-integratieverslag - vertrouwelijk"
    document.sections[0].footer.paragraphs[0].text = "Pagina 1"
    document.add_heading("Plan van aanpak", level=1)
    document.add_paragraph("Eerste ziektedag: 3 januari 2024.")
    document.add_paragraph("Zoekprofiel bespreken", style="List Number")
    document.add_paragraph("Werkervaringsplek 3 x 4 uur", style="List Bullet")
    table = document.add_table(rows=3, cols=2)
    table.style = "Table Grid"
    for row, (a, b) in zip(table.rows, [("Naam", "J. Jansen"), ("Datum", "12-02-2024"), ("Uren", "20 uur per week")]):
        row.cells[0].text, row.cells[1].text = a, b
    table.cell(2, 0).merge(table.cell(2, 1))
    document.add_heading("Evaluatie", level=2)
    document.add_paragraph("Na 6 weken, in week 42, volgt een evaluatie.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def png_seed() -> bytes:
    """A small image (OCR runs on every decodable mutant, so it stays tiny)."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (160, 40), 255)
    ImageDraw.Draw(image).text((4, 12), "3 maart 2024", fill=0)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(300, 300))
    return buffer.getvalue()


def zip_seed(pdf: bytes, docx_bytes: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("dossier/plan.pdf", pdf)
        archive.writestr("dossier/verslag.docx", docx_bytes)
    return buffer.getvalue()


@lru_cache(maxsize=None)
def seed(name: str) -> bytes:
    """Built once per run; not a fixture, so a failing example's report stays short."""
    makers = {"pdf": lambda: pdf_seed(compress=False), "pdf_z": lambda: pdf_seed(compress=True),
              "docx": docx_seed, "png": png_seed, "zip": lambda: zip_seed(seed("pdf_z"), seed("docx"))}
    return makers[name]()
