"""Builders for real test documents: PDFs (reportlab), DOCX (python-docx + raw XML), scans (Pillow)."""
from __future__ import annotations

import random
import zipfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def write_pdf(path: Path, pages: list[list[tuple[str, str]]], *, header: str | None = None,
              footer_pages: bool = False, encrypt: str | None = None, pagesize=None) -> Path:
    """Each page is a list of (style, text) with style in h1, body, bold; header/footer repeat."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    size = pagesize or A4
    kwargs = {}
    if encrypt is not None:
        from reportlab.lib.pdfencrypt import StandardEncryption
        kwargs["encrypt"] = StandardEncryption(encrypt, ownerPassword="eigenaar")
    c = canvas.Canvas(str(path), pagesize=size, **kwargs)
    width, height = size
    for number, items in enumerate(pages, start=1):
        if header:
            c.setFont("Helvetica", 8)
            c.drawString(60, height - 30, header)
        if footer_pages:
            c.setFont("Helvetica", 8)
            c.drawString(60, 25, f"Pagina {number} van {len(pages)}")
        y = height - 80
        for style, text in items:
            font, sz = {"h1": ("Helvetica-Bold", 16), "bold": ("Helvetica-Bold", 10)}.get(style, ("Helvetica", 10))
            c.setFont(font, sz)
            for line in text.split("\n"):
                c.drawString(60, y, line)
                y -= sz * 1.25
            y -= 10
        c.showPage()
    c.save()
    return path


def write_table_pdf(path: Path, header_row: list[str], rows: list[list[str]], *, repeat_header: bool = True) -> Path:
    """A ruled table long enough to run over pages (platypus splits it, repeating the header)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    table = Table([header_row, *rows], repeatRows=1 if repeat_header else 0)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    story = [Paragraph("Sollicitatieoverzicht", styles["Heading1"]), table,
             Paragraph("Einde van het overzicht.", styles["Normal"])]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def render_scan(text: str, *, angle: float = 2.5, dpi: int = 300, seed: int = 1) -> Image.Image:
    """A scanned A4 page: Dutch text in DejaVuSans 11 pt at ``dpi``, rotated, with noise."""
    width, height = int(8.27 * dpi), int(11.69 * dpi)
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), int(11 * dpi / 72))
    y = int(1.0 * dpi)
    for line in text.splitlines():
        draw.text((int(0.9 * dpi), y), line, font=font, fill=20)
        y += int(11 * 1.6 * dpi / 72)
    page = page.rotate(angle, resample=Image.BICUBIC, fillcolor=255, expand=False)
    rng = random.Random(seed)
    pixels = page.load()
    for _ in range(width * height // 400):
        pixels[rng.randrange(width), rng.randrange(height)] = rng.choice((0, 90, 200))
    return page.filter(ImageFilter.GaussianBlur(0.6))


def images_to_pdf(path: Path, images: list[Image.Image], dpi: int = 300) -> Path:
    images[0].save(path, format="PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return path


def docx_from_body(path: Path, body_xml: str, *, extra_parts: dict[str, str] | None = None,
                   document: str | None = None) -> Path:
    """A minimal DOCX package around ``body_xml`` (the children of w:body)."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    document = document or (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:document xmlns:w="{w}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
                f'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                f'<w:body>{body_xml}</w:body></w:document>')
    content_types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                     '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", document)
        for name, data in (extra_parts or {}).items():
            archive.writestr(name, data)
    return path


def cer(reference: str, hypothesis: str) -> float:
    """Character error rate: edit distance over the reference length (whitespace collapsed)."""
    from rapidfuzz.distance import Levenshtein

    ref, hyp = " ".join(reference.split()), " ".join(hypothesis.split())
    return Levenshtein.distance(ref, hyp) / max(1, len(ref))


def write_out_of_order_pdf(path: Path, rows: list[tuple[str, str]], *, letterhead: str, title: str,
                           running_header: str, footer: str, body: str) -> Path:
    """One A4 page whose drawing order differs from its reading order, as some generators
    write it: running header, a ruled label/value table, the footer, then the letterhead and the
    title (above the table), then a closing paragraph; in each table row the value is drawn
    before its label."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    c.setFont("Helvetica", 8)
    c.drawString(60, height - 30, running_header)
    top, row_h, left, split, right = height - 170, 18, 60, 220, 530
    for i, (label, value) in enumerate(rows):
        y = top - i * row_h
        c.setFont("Helvetica", 10)
        c.drawString(split + 5, y - 13, value)
        c.drawString(left + 5, y - 13, label)
    bottom = top - len(rows) * row_h
    for i in range(len(rows) + 1):
        c.line(left, top - i * row_h, right, top - i * row_h)
    for x in (left, split, right):
        c.line(x, top, x, bottom)
    c.setFont("Helvetica", 8)
    c.drawString(60, 25, footer)
    c.setFont("Helvetica", 10)
    c.drawString(60, height - 70, letterhead)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(60, height - 110, title)
    c.setFont("Helvetica", 10)
    c.drawString(60, bottom - 40, body)
    c.showPage()
    c.save()
    return path


def render_ruled_form(title: str, rows: list[tuple[str, str]], body: list[str], *, angle: float = 1.5,
                      dpi: int = 300, seed: int = 3) -> Image.Image:
    """A scanned A4 form: a title, a ruled label/value table (grid of 2 px lines), body lines;
    rotated and noisy like a scan."""
    width, height = int(8.27 * dpi), int(11.69 * dpi)
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), int(10 * dpi / 72))
    big = ImageFont.truetype(str(FONT), int(16 * dpi / 72))
    left, split, right = int(0.8 * dpi), int(3.2 * dpi), int(7.4 * dpi)
    draw.text((left, int(0.9 * dpi)), title, font=big, fill=20)
    top, row_h = int(1.4 * dpi), int(0.33 * dpi)
    for i, (label, value) in enumerate(rows):
        y = top + i * row_h + int(0.08 * dpi)
        draw.text((left + int(0.06 * dpi), y), label, font=font, fill=20)
        draw.text((split + int(0.06 * dpi), y), value, font=font, fill=20)
    bottom = top + len(rows) * row_h
    for i in range(len(rows) + 1):
        draw.line([(left, top + i * row_h), (right, top + i * row_h)], fill=30, width=3)
    for x in (left, split, right):
        draw.line([(x, top), (x, bottom)], fill=30, width=3)
    y = bottom + int(0.4 * dpi)
    for line in body:
        draw.text((left, y), line, font=font, fill=20)
        y += int(10 * 1.6 * dpi / 72)
    page = page.rotate(angle, resample=Image.BICUBIC, fillcolor=255, expand=False)
    rng = random.Random(seed)
    pixels = page.load()
    for _ in range(width * height // 400):
        pixels[rng.randrange(width), rng.randrange(height)] = rng.choice((0, 90, 200))
    return page.filter(ImageFilter.GaussianBlur(0.6))
