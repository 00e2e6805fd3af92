"""A PDF page's text layer as lines with font cues (pypdfium2), then lines as blocks.

pypdfium2 is ~50x faster than pdfplumber on the text layer (../shared/LESSONS.md §2), so the
text and its cues come from it: the page text in one call, then a handful of raw calls per
line (box, font size, weight) instead of per character.
"""
from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

from audit.ingest.text import BULLET, join_lines, looks_like_heading, normalise_line, split_numbering
from audit.model import Block

_BOLD_WEIGHT = 600
_BOLD_NAME = re.compile(rb"bold|black|heavy|semibold|demi", re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    text: str
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom in pt from the top-left
    size: float
    bold: bool
    baseline: float  # pt from the top


# Reused out-parameters: one set per process (pdfium itself is not thread-safe either).
_L, _R, _B, _T, _X, _Y = (ctypes.c_double() for _ in range(6))
_NAME = ctypes.create_string_buffer(128)
_FLAGS = ctypes.c_int()


def char_box(textpage, index: int, height: float) -> tuple[float, float, float, float] | None:
    if not pdfium_c.FPDFText_GetCharBox(textpage, index, _L, _R, _B, _T):
        return None
    if _R.value <= _L.value and _T.value <= _B.value:
        return None
    return _L.value, height - _T.value, _R.value, height - _B.value


def _is_bold(textpage, index: int) -> bool:
    """Weight when the font says it, else the font name or the ForceBold flag (the standard
    14 fonts, e.g. Helvetica-Bold, report weight 0)."""
    weight = pdfium_c.FPDFText_GetFontWeight(textpage, index)
    if weight > 0:
        return weight >= _BOLD_WEIGHT
    pdfium_c.FPDFText_GetFontInfo(textpage, index, _NAME, 128, ctypes.byref(_FLAGS))
    return bool(_BOLD_NAME.search(_NAME.value)) or bool(_FLAGS.value & (1 << 18))


def _line_cues(textpage, first: int, last: int, height: float) -> tuple[tuple, float, bool, float] | None:
    a = char_box(textpage, first, height)
    b = char_box(textpage, last, height) if last != first else None
    if a is None and b is None:
        return None
    if a is None or b is None:
        bbox = a or b
    else:
        bbox = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
    size = round(pdfium_c.FPDFText_GetFontSize(textpage, first), 1)
    bold = _is_bold(textpage, first) and (last == first or _is_bold(textpage, last))
    baseline = height - _Y.value if pdfium_c.FPDFText_GetCharOrigin(textpage, first, _X, _Y) else bbox[3]
    return bbox, size, bold, baseline


def textpage_to_lines(textpage, height: float) -> tuple[list[Line], str]:
    """The page's lines (pdfium's reading order) and its raw text."""
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    if count <= 0:
        return [], ""
    text = textpage.get_text_range()
    lines: list[Line] = []
    offset = 0
    for piece in text.splitlines(keepends=True):
        body = piece.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            first = pdfium_c.FPDFText_GetCharIndexFromTextIndex(raw, offset + lead)
            last = pdfium_c.FPDFText_GetCharIndexFromTextIndex(raw, offset + lead + len(stripped) - 1)
            cues = _line_cues(raw, first, last, height) if first >= 0 and last >= 0 else None
            if cues:
                lines.append(Line(stripped, *cues))
        offset += len(piece)
    return lines, text


# --------------------------------------------------------------------------- lines to blocks


def _starts_item(text: str) -> bool:
    return bool(BULLET.match(text)) or bool(split_numbering(text)[0])


def _breaks(prev: Line, line: Line, body: float, leading: float) -> bool:
    """Whether ``line`` starts a new paragraph after ``prev``: more space than the usual
    line distance, a jump back up (a new column), another font size or weight, a list item."""
    step = line.baseline - prev.baseline
    usual = leading if leading and abs(prev.size - body) < 0.5 else prev.size * 1.2
    if step > usual * 1.3 + 0.5 or step < -prev.size:
        return True
    if abs(line.size - prev.size) > 0.1 * max(prev.size, 1.0) or line.bold != prev.bold:
        return True
    if _starts_item(line.text):
        return True
    return prev.bold or prev.size >= body * 1.15  # a heading line stands alone


def lines_to_paragraphs(lines: list[Line], body: float, leading: float) -> list[list[Line]]:
    groups: list[list[Line]] = []
    for line in lines:
        if groups and not _breaks(groups[-1][-1], line, body, leading):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def paragraph_to_block(group: list[Line], page: int, body: float) -> Block:
    text = normalise_line(join_lines([line.text for line in group]))
    bbox = (min(l.bbox[0] for l in group), min(l.bbox[1] for l in group),
            max(l.bbox[2] for l in group), max(l.bbox[3] for l in group))
    first = group[0]
    numbering, depth = split_numbering(text)
    ratio = first.size / body if body else 1.0
    if len(group) <= 2 and looks_like_heading(text, bold=first.bold, size_ratio=ratio):
        kind = "heading"
    elif BULLET.match(text) or numbering:
        kind = "list_item"
    else:
        kind = "paragraph"
    if kind == "list_item" and (bullet := BULLET.match(text)):
        numbering, text = bullet.group(1), text[bullet.end():]
    return Block(kind=kind, text=text, page=page, bbox=bbox, font_size=first.size, bold=first.bold,
                 level=depth if kind == "heading" else None, numbering=numbering, pages=(page,))


def body_size(lines: list[Line]) -> float:
    """The font size carrying most characters: the body text."""
    weights: dict[float, int] = {}
    for line in lines:
        weights[line.size] = weights.get(line.size, 0) + len(line.text)
    return max(weights, key=weights.get) if weights else 0.0


def body_leading(lines: list[Line], body: float) -> float:
    """The most common distance between consecutive body-text baselines."""
    steps: dict[float, int] = {}
    for prev, line in zip(lines, lines[1:]):
        step = round(line.baseline - prev.baseline, 1)
        if abs(prev.size - body) < 0.5 and abs(line.size - body) < 0.5 and body * 0.9 <= step <= body * 2.5:
            steps[step] = steps.get(step, 0) + 1
    return max(steps, key=steps.get) if steps else 0.0
