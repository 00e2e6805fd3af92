"""A scanned first page: real Tesseract on a rendered, slightly rotated, noisy page, then the
document type from the OCR text (one page, to keep the suite fast)."""
from __future__ import annotations

import random
import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import ImageFilter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from audit.checklist import load_checklists
from audit.classify import classify_doc_type
from audit.ingest import ReadOptions, load_document
from audit.segment import blocks_to_sections

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")


def scanned_pdf(tmp_path: Path, lines: list[str]) -> Path:
    """Write a text PDF, render it at 200 dpi, rotate and speckle it, and save it image-only."""
    text_pdf = tmp_path / "tekst.pdf"
    pdf = canvas.Canvas(str(text_pdf), pagesize=A4, invariant=1)
    y = A4[1] - 70
    for index, line in enumerate(lines):
        pdf.setFont("Helvetica-Bold" if index == 1 else "Helvetica", 16 if index == 1 else 10)
        pdf.drawString(60, y, line)
        y -= 24 if index == 1 else 15
    pdf.save()
    image = pdfium.PdfDocument(str(text_pdf))[0].render(scale=200 / 72).to_pil().convert("L")
    image = image.rotate(1.5, expand=True, fillcolor=255).filter(ImageFilter.GaussianBlur(0.6))
    rnd = random.Random(7)
    pixels = image.load()
    for _ in range(3000):  # specks
        pixels[rnd.randrange(image.width), rnd.randrange(image.height)] = 0
    scan = tmp_path / "scan.pdf"
    image.save(scan, "PDF", resolution=200.0)
    return scan


def test_scanned_inzetbaarheidsprofiel_is_fml(tmp_path):
    lines = ["ArboNetwerk Oost   Medisch vertrouwelijk", "Inzetbaarheidsprofiel (IZP)",
             "Opgesteld door de bedrijfsarts", "Werknemer   H. Jansen, geboren 03-02-1980",
             "Werkgever   Metaalbewerking Oost B.V.", "Eerste ziektedag   12-02-2024",
             "1. Persoonlijk functioneren: beperkt in omgaan met tijdsdruk.",
             "2. Werktijden: 4 uur per dag, 5 dagen per week."]
    doc = load_document(scanned_pdf(tmp_path, lines), "scan.pdf", ReadOptions(ocr="auto", dpi=200))
    assert doc.pages and doc.pages[0].ocr
    checklists = load_checklists()
    doc_type, confidence = classify_doc_type(doc, blocks_to_sections(doc, checklists), checklists)
    assert doc_type == "fml" and confidence > 0.5


def test_image_only_page_without_title_is_overig(tmp_path):
    lines = ["Metaalbewerking Oost B.V.", "Aangetekend", "Betreft: uw verlofaanvraag",
             "Geachte heer Jansen, wij hebben uw aanvraag ontvangen en gaan akkoord."]
    doc = load_document(scanned_pdf(tmp_path, lines), "brief.pdf", ReadOptions(ocr="auto", dpi=200))
    checklists = load_checklists()
    assert classify_doc_type(doc, blocks_to_sections(doc, checklists), checklists)[0] == "overig"
