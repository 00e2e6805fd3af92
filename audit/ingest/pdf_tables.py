"""Tables in a PDF: pdfplumber, but only on pages whose drawing suggests a table.

pdfplumber is ~50x slower than pypdfium2 (../shared/LESSONS.md §2), so a page is handed to it
only when pypdfium2 sees enough ruling lines or rectangles. A table continued on the next
page becomes one block listing both pages (docling #2976, LESSONS complaint 1).
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pypdfium2.raw as pdfium_c

from audit.ingest.text import join_lines, normalise_line
from audit.model import Block, Page

MIN_RULES = 4  # a grid of two rows and two columns draws at least this many paths


def count_page_objects(page) -> dict[int, int]:
    counts: dict[int, int] = {}
    raw = page.raw
    for index in range(pdfium_c.FPDFPage_CountObjects(raw)):
        kind = pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(raw, index))
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def may_hold_table(counts: dict[int, int]) -> bool:
    return counts.get(pdfium_c.FPDF_PAGEOBJ_PATH, 0) >= MIN_RULES


def _cell_text(cell: str | None) -> str:
    return normalise_line(join_lines((cell or "").splitlines()))


class TableReader:
    """Opens the PDF with pdfplumber once, on the first page that needs it."""

    def __init__(self, path: Path, password: str | None):
        self.path, self.password, self._pdf = path, password, None

    def tables(self, index: int, number: int) -> list[Block]:
        import pdfplumber

        if self._pdf is None:
            self._pdf = pdfplumber.open(self.path, password=self.password or "")
        page = self._pdf.pages[index]
        try:
            found = page.find_tables()
            blocks = [self._table_block(t, number) for t in found]
        finally:
            page.close()  # pdfplumber keeps every parsed page otherwise (pdfplumber #193)
        return [b for b in blocks if b is not None]

    @staticmethod
    def _table_block(table, number: int) -> Block | None:
        rows = tuple(tuple(_cell_text(c) for c in row) for row in table.extract())
        rows = tuple(r for r in rows if any(r))
        if not rows or (len(rows) < 2 and len(rows[0]) < 2):
            return None
        return Block(kind="table", text=rows_to_text(rows), page=number, bbox=tuple(table.bbox),
                     rows=rows, pages=(number,))

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()


def rows_to_text(rows: tuple[tuple[str, ...], ...]) -> str:
    return "\n".join(" | ".join(cell for cell in row) for row in rows)


def inside(bbox, table_bbox, slack: float = 1.0) -> bool:
    cx, cy = (bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2
    return (table_bbox[0] - slack <= cx <= table_bbox[2] + slack
            and table_bbox[1] - slack <= cy <= table_bbox[3] + slack)


def _content(page: Page) -> list[int]:
    return [i for i, b in enumerate(page.blocks) if not b.is_furniture]


def _continues(first: Block, second: Block) -> bool:
    width = {len(r) for r in first.rows or ()}
    return width == {len(r) for r in second.rows or ()} and len(width) == 1


def merge_continued_tables(pages: tuple[Page, ...]) -> tuple[tuple[Page, ...], int]:
    """Join a table ending page n with a table opening page n+1 when the column counts agree;
    a repeated header row is dropped. A table may run over many pages. Returns the pages and
    how many joins were made."""
    pages = list(pages)
    joins = 0
    open_table: tuple[int, int] | None = None  # (page index, block index) of a table ending a page
    for n, page in enumerate(pages):
        content = _content(page)
        if open_table and content and page.blocks[content[0]].kind == "table":
            owner_page, owner_index = open_table
            owner, first = pages[owner_page].blocks[owner_index], page.blocks[content[0]]
            if _continues(owner, first):
                extra = first.rows[1:] if first.rows[0] == owner.rows[0] else first.rows
                rows = owner.rows + extra
                merged = replace(owner, rows=rows, text=rows_to_text(rows),
                                 pages=tuple(dict.fromkeys(owner.pages + first.pages)))
                blocks = list(pages[owner_page].blocks)
                blocks[owner_index] = merged
                pages[owner_page] = replace(pages[owner_page], blocks=tuple(blocks))
                page = pages[n] = replace(page, blocks=tuple(b for i, b in enumerate(page.blocks) if i != content[0]))
                joins += 1
                content = _content(page)
                if not content:
                    continue  # the whole page was the table: it may go on
        open_table = (n, content[-1]) if content and page.blocks[content[-1]].kind == "table" else None
    return tuple(pages), joins
