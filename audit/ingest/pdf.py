"""PDF files to Documents: text layer per page, OCR per page where the layer is missing or
garbage, tables from pdfplumber on pages that draw rules, furniture marked."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from audit.errors import DependencyError, DocumentError
from audit.ingest import messages as msg
from audit.ingest.ocr import check_tesseract, ocr_image
from audit.ingest.options import ReadOptions
from audit.ingest.pdf_layout import Line, body_leading, body_size, lines_to_paragraphs, paragraph_to_block, textpage_to_lines
from audit.ingest.reading_order import blocks_in_reading_order
from audit.ingest.pdf_tables import IMAGE_AREA, count_page_objects, find_tables, inside, may_hold_table, merge_continued_tables
from audit.ingest.text import mark_furniture, missing_pages
from audit.model import Block, Document, Page

MIN_TEXT_CHARS = 25  # fewer visible characters on a page that shows an image: read it by OCR
# A page mostly covered by a picture with less text than a written page holds is a scan with a
# stamp or a typed line on it (a digital "ontvangen" stamp must not hide the scanned letter).
SCAN_COVERAGE, SCAN_MAX_CHARS = 0.5, 300
MAX_GARBAGE = 0.15  # share of unreadable glyphs (private use, U+FFFD, controls) that means garbage
LOW_CONFIDENCE = 60.0  # mean Tesseract word confidence below which a page is flagged
_IMAGE_KINDS = (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM)


@dataclass
class _RawPage:
    number: int
    width: float
    height: float
    lines: list[Line]
    tables: list[Block]
    ocr_reason: str | None


def garbage_share(text: str) -> float:
    visible = [ch for ch in text if not ch.isspace()]
    if not visible:
        return 0.0
    bad = sum(1 for ch in visible if ch == "\ufffd" or unicodedata.category(ch) in ("Co", "Cn", "Cc", "Cs"))
    return bad / len(visible)


def ocr_reason(text: str, counts: dict[int, float], mode: str) -> str | None:
    """Why this page must be read by OCR, or None. A page with no text and nothing drawn
    that could hold text is blank: no OCR."""
    if mode == "never":
        return None
    if mode == "always":
        return "always"
    visible = sum(1 for ch in text if not ch.isspace())
    has_picture = any(counts.get(kind, 0) for kind in _IMAGE_KINDS) or counts.get(pdfium_c.FPDF_PAGEOBJ_PATH, 0) > 200
    if visible < MIN_TEXT_CHARS:
        return "no_text" if has_picture else None
    if counts.get(IMAGE_AREA, 0.0) >= SCAN_COVERAGE and visible < SCAN_MAX_CHARS:
        return "scan_with_text"
    if garbage_share(text) > MAX_GARBAGE:
        return "garbage"
    return None


def open_pdf(path: Path, password: str | None) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(path, password=password)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise DocumentError("encrypted", msg.ENCRYPTED_WRONG if password else msg.ENCRYPTED) from exc
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise DocumentError("encrypted", msg.ENCRYPTED_UNSUPPORTED) from exc
        raise DocumentError("corrupt", msg.CORRUPT_PDF) from exc


def read_raw_page(pdf, index: int, options: ReadOptions) -> _RawPage:
    page = pdf[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            lines, text = textpage_to_lines(textpage, height)
            counts = count_page_objects(page, width * height)
            reason = ocr_reason(text, counts, options.ocr)
            tables = find_tables(page, textpage, index + 1, height) if reason is None and lines and may_hold_table(counts) else []
        finally:
            textpage.close()
        return _RawPage(index + 1, width, height, lines, tables, reason)
    finally:
        page.close()


def read_raw_pages(pdf, count: int, options: ReadOptions) -> tuple[list[_RawPage], set[int]]:
    """Every page that pdfium can load; one damaged page object is a note on that page, not the
    loss of the whole document (found by fuzzing, docs/fuzzing.md)."""
    raws, broken = [], set()
    for index in range(count):
        try:
            raws.append(read_raw_page(pdf, index, options))
        except pdfium.PdfiumError:
            broken.add(index + 1)
            raws.append(_RawPage(index + 1, 0.0, 0.0, [], [], None))
    if len(broken) == count:
        raise DocumentError("corrupt", msg.CORRUPT_PDF)
    return raws, broken


def raw_page_to_page(raw: _RawPage, body: float, leading: float) -> Page:
    lines = [l for l in raw.lines if not any(inside(l.bbox, t.bbox) for t in raw.tables)]
    blocks = [paragraph_to_block(group, raw.number, body) for group in lines_to_paragraphs(lines, body, leading)]
    blocks = [b for b in blocks if b.text] + list(raw.tables)
    # pdfium gives drawing order; a generator may draw the footer or the title last (h02)
    return Page(number=raw.number, blocks=blocks_in_reading_order(blocks), width=raw.width, height=raw.height)


def heading_levels(pages: tuple[Page, ...]) -> tuple[Page, ...]:
    """Unnumbered headings get a level from their font size rank (largest = 1); not OCR
    headings, whose size estimate is too rough to rank."""
    sizes = sorted({b.font_size for p in pages for b in p.blocks
                    if b.kind == "heading" and b.font_size and b.source != "ocr"}, reverse=True)
    rank = {size: i + 1 for i, size in enumerate(sizes)}
    return tuple(replace(p, blocks=tuple(
        replace(b, level=rank.get(b.font_size, 1)) if b.kind == "heading" and b.level is None and b.source != "ocr" else b
        for b in p.blocks)) for p in pages)


class _Ocr:
    """Runs OCR on pages that need it; checks Tesseract once, only when a page needs it."""

    def __init__(self, pdf, options: ReadOptions):
        self.pdf, self.options, self.unavailable = pdf, options, None

    def page(self, raw: _RawPage) -> Page:
        base = Page(number=raw.number, blocks=(), ocr=True, width=raw.width, height=raw.height)
        if self.unavailable is None:
            try:
                check_tesseract(self.options.lang)
                self.unavailable = ""
            except DependencyError as exc:
                self.unavailable = str(exc)
        if self.unavailable:
            return replace(base, ocr=False, notes=(msg.OCR_UNAVAILABLE_PAGE,))
        try:
            image = self.render(raw)
            result = ocr_image(image, raw.number, dpi=self.dpi(raw), lang=self.options.lang,
                               timeout=self.options.ocr_timeout)
        except DocumentError as exc:
            return replace(base, notes=(exc.message,))
        notes = (msg.low_confidence(result.confidence),) if (result.confidence or 100) < LOW_CONFIDENCE else ()
        return replace(base, blocks=result.blocks, ocr_confidence=result.confidence,
                       skew_angle=result.skew, notes=notes)

    def dpi(self, raw: _RawPage) -> int:
        """The requested dpi, lowered when the page would exceed max_pixels."""
        pixels = raw.width * raw.height * (self.options.dpi / 72.0) ** 2
        if pixels <= self.options.max_pixels:
            return self.options.dpi
        return max(36, int(self.options.dpi * (self.options.max_pixels / pixels) ** 0.5))

    def render(self, raw: _RawPage):
        page = self.pdf[raw.number - 1]
        try:
            return page.render(scale=self.dpi(raw) / 72.0, grayscale=True).to_pil()
        finally:
            page.close()


def read_pdf(path: Path, display: str, options: ReadOptions) -> Document:
    """Raises DocumentError when the file cannot be opened at all."""
    pdf = open_pdf(path, options.password)
    try:
        total = len(pdf)
        if total == 0:
            raise DocumentError("empty", msg.EMPTY_PDF)
        count = min(total, options.max_pages)
        raws, broken = read_raw_pages(pdf, count, options)
        all_lines = [l for r in raws for l in r.lines]
        body = body_size(all_lines)
        leading = body_leading(all_lines, body)
        ocr = _Ocr(pdf, options)
        pages = tuple(Page(number=r.number, blocks=(), notes=(msg.PAGE_UNREADABLE,)) if r.number in broken
                      else ocr.page(r) if r.ocr_reason else raw_page_to_page(r, body, leading) for r in raws)
    finally:
        pdf.close()
    return finish_pages(display, pages, total, count, ocr.unavailable, options)


def finish_pages(display: str, pages: tuple[Page, ...], total: int, count: int,
                 unavailable: str | None, options: ReadOptions) -> Document:
    pages = heading_levels(pages)
    pages, marked = mark_furniture(pages)
    pages, joined = merge_continued_tables(pages)
    warnings = []
    if marked:
        warnings.append(msg.furniture(marked))
    if joined:
        warnings.append(msg.tables_joined(joined))
    if gaps := missing_pages(pages):
        warnings.append(msg.missing_pages(gaps))
    error = code = None
    if count < total:
        error, code = msg.too_many_pages(total, options.max_pages), "too_large"
    elif unavailable:
        error, code = unavailable, "ocr_unavailable"
    elif not any(b.text.strip() for p in pages for b in p.blocks):
        error, code = msg.NO_TEXT, "empty"
    is_scan = bool(pages) and all(p.ocr for p in pages)
    return Document(path=display, format="scan" if is_scan else "pdf", pages=pages,
                    error=error, error_code=code, warnings=tuple(warnings))
