"""Tables in a PDF: ruling lines from pypdfium2, pdfplumber's lattice algorithm, cell text
from pypdfium2.

pdfplumber is ~50x slower than pypdfium2 (../shared/LESSONS.md §2), nearly all of it in
pdfminer's parse of the page. Its table algorithm itself (``merge_edges ->
edges_to_intersections -> intersections_to_cells -> cells_to_tables``) works on plain edge
dicts, so the edges come from pypdfium2's path objects instead, and only on pages that draw
enough paths. A table continued on the next page becomes one block listing both pages
(docling #2976, LESSONS complaint 1).
"""
from __future__ import annotations

import ctypes
from dataclasses import replace

import pypdfium2.raw as pdfium_c

from audit.ingest.text import join_lines, normalise_line
from audit.model import Block, Page

MIN_RULES = 4  # a grid of two rows and two columns draws at least this many paths
MIN_EDGE = 3.0  # pt; shorter strokes are glyph parts or ticks, not table rules
THIN = 2.0  # pt; a filled rectangle thinner than this is a rule
WRAP_SLACK = 12.0  # pt: cell padding plus part of a glyph; a line ending this close to the border is full
# pdfplumber's default TableSettings tolerances (pdfplumber/table.py)
SNAP, JOIN, INTERSECT = 3, 3, 3


IMAGE_AREA = -1  # key in count_page_objects' result: share of the page covered by images


def count_page_objects(page, area: float) -> dict[int, float]:
    """Page objects by type, plus the share of the page that images cover (IMAGE_AREA)."""
    counts: dict[int, float] = {IMAGE_AREA: 0.0}
    raw = page.raw
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for index in range(pdfium_c.FPDFPage_CountObjects(raw)):
        obj = pdfium_c.FPDFPage_GetObject(raw, index)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        counts[kind] = counts.get(kind, 0) + 1
        if kind in (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM) and area > 0 and \
                pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            counts[IMAGE_AREA] += max(0.0, right.value - left.value) * max(0.0, top.value - bottom.value) / area
    return counts


def may_hold_table(counts: dict[int, int]) -> bool:
    return counts.get(pdfium_c.FPDF_PAGEOBJ_PATH, 0) >= MIN_RULES


def _subpaths(obj) -> list[list[tuple[float, float]]]:
    """A path object's straight subpaths in page space (curves are no table rules)."""
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, matrix):
        return []
    a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
    x, y = ctypes.c_float(), ctypes.c_float()
    paths: list[list[tuple[float, float]]] = []
    for index in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or not paths:
            paths.append([point])
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO:
            paths[-1].append(point)
        else:
            paths.append([point])  # a curve breaks the straight run
        if pdfium_c.FPDFPathSegment_GetClose(segment) and len(paths[-1]) > 1:
            paths[-1].append(paths[-1][0])
    return paths


def _edge(p: tuple[float, float], q: tuple[float, float], height: float) -> dict | None:
    (x0, y0), (x1, y1) = p, q
    if abs(y0 - y1) < 0.5 and abs(x1 - x0) >= MIN_EDGE:
        left, right, top = min(x0, x1), max(x0, x1), height - y0
        return {"x0": left, "x1": right, "top": top, "bottom": top, "doctop": top, "width": right - left,
                "height": 0.0, "orientation": "h", "object_type": "line"}
    if abs(x0 - x1) < 0.5 and abs(y1 - y0) >= MIN_EDGE:
        top, bottom = height - max(y0, y1), height - min(y0, y1)
        return {"x0": x0, "x1": x0, "top": top, "bottom": bottom, "doctop": top, "width": 0.0,
                "height": bottom - top, "orientation": "v", "object_type": "line"}
    return None


def _thin_rect_edge(points: list[tuple[float, float]], height: float) -> dict | None:
    """A filled bar (a rule drawn as a thin rectangle) as one edge along its middle."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    w, h = max(xs) - min(xs), max(ys) - min(ys)
    if h < THIN <= w:
        mid = (min(ys) + max(ys)) / 2
        return _edge((min(xs), mid), (max(xs), mid), height)
    if w < THIN <= h:
        mid = (min(xs) + max(xs)) / 2
        return _edge((mid, min(ys)), (mid, max(ys)), height)
    return None


def page_edges(page, height: float) -> list[dict]:
    edges = []
    raw = page.raw
    for index in range(pdfium_c.FPDFPage_CountObjects(raw)):
        obj = pdfium_c.FPDFPage_GetObject(raw, index)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        for points in _subpaths(obj):
            if (bar := _thin_rect_edge(points, height)) is not None:
                edges.append(bar)
                continue
            edges.extend(e for p, q in zip(points, points[1:]) if (e := _edge(p, q, height)))
    return edges


def _right_edge(textpage, token: str, cell: tuple, height: float) -> float | None:
    """Right edge of ``token`` where it stands inside ``cell``."""
    from audit.ingest.pdf_layout import char_box

    searcher = textpage.search(token, match_case=True)
    try:
        while hit := searcher.get_next():
            box = char_box(textpage.raw, hit[0] + hit[1] - 1, height)
            if box and inside(box, cell):
                return box[2]
    finally:
        searcher.close()
    return None


def _glue_broken_words(lines: list[str], textpage, cell: tuple, height: float) -> list[str]:
    """A word longer than its column is broken without a hyphen ("Productiemedewerk" / "er"):
    the first part is then alone on its line and reaches the cell's right edge."""
    out: list[str] = []
    for line in (l.strip() for l in lines):
        prev = out[-1] if out else ""
        if (prev and " " not in prev and prev[-1].isalpha() and line[:1].islower()
                and (edge := _right_edge(textpage, prev, cell, height)) is not None
                and edge >= cell[2] - max(WRAP_SLACK, 0.1 * (cell[2] - cell[0]))):
            out[-1] = prev + line
        elif line:
            out.append(line)
    return out


def _cell_text(textpage, cell: tuple[float, float, float, float], height: float) -> str:
    x0, top, x1, bottom = cell
    text = textpage.get_text_bounded(left=x0, bottom=height - bottom, right=x1, top=height - top)
    lines = text.splitlines()
    if len(lines) > 1:
        lines = _glue_broken_words(lines, textpage, cell, height)
    return normalise_line(join_lines(lines))


def _cells_to_rows(cells: list[tuple]) -> list[list[tuple]]:
    rows: dict[float, list[tuple]] = {}
    for cell in cells:
        key = next((k for k in rows if abs(k - cell[1]) <= 1.0), cell[1])
        rows.setdefault(key, []).append(cell)
    return [sorted(rows[k], key=lambda c: c[0]) for k in sorted(rows)]


def find_tables(page, textpage, number: int, height: float) -> list[Block]:
    """Ruled tables on the page as table blocks (pdfplumber's lattice steps on our edges)."""
    from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

    edges = page_edges(page, height)
    if len(edges) < MIN_RULES:
        return []
    edges = merge_edges(edges, SNAP, SNAP, JOIN, JOIN)
    cells = intersections_to_cells(edges_to_intersections(edges, INTERSECT, INTERSECT))
    blocks = []
    for group in cells_to_tables(cells):
        if len(group) < 2:
            continue  # one framed box is no table
        rows = tuple(tuple(_cell_text(textpage, c, height) for c in row) for row in _cells_to_rows(group))
        rows = tuple(r for r in rows if any(r))
        if not rows:
            continue
        bbox = (min(c[0] for c in group), min(c[1] for c in group), max(c[2] for c in group), max(c[3] for c in group))
        blocks.append(Block(kind="table", text=rows_to_text(rows), page=number, bbox=bbox, rows=rows, pages=(number,)))
    return blocks


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
