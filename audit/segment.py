"""Blocks to sections: headings from style, numbering, font, capitals, colons and the checklist lexicon.

Signals, strongest first (docling's flattened-heading complaints #652/#2121 and its fix PR #3633;
LESSONS.md 3.3 and 3.12):
1. the reader says so: ``Block.kind == "heading"`` or a DOCX heading/title style (with its level);
2. numbering ("2.1 Zoekprofiel", "3. Activiteiten", "A. Werkervaringsplek") on a short line;
3. a short line set larger than the body text, or bold, or in capitals, or ending with ":";
4. a short line that fuzzily matches a heading of the checklists (OCR text has no fonts).
A label/value table (an arbodienst form) becomes one ``label`` section per row. A document without
headings is read in paragraph ``window`` sections. Furniture (header/footer) never becomes a title.
"""
from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache

from rapidfuzz import fuzz, process

from audit.model import Block, Document, Section

MAX_HEADING_WORDS = 9
WINDOW_BLOCKS = 4  # paragraphs per window in a document without headings
LEXICON_SCORE = 88  # rapidfuzz ratio for a bare short line to count as a known heading

_NUMBERING = re.compile(r"^\s*(?P<num>\d{1,2}(?:[.,]\d{1,2})*[.,)]?|[A-Za-z][.)]|[IVX]{1,4}[.)])\s+(?P<rest>\S.*)$")
_STYLE_LEVEL = re.compile(r"(?:heading|kop)\s*(\d)", re.IGNORECASE)
_INLINE_ITEM = re.compile(r"\s(?:\d{1,2}[.)]|[a-z][)])\s+\S")  # a second list number inside the line
_SENTENCE_END = re.compile(r"[.;!?]\s*$")
# "\d[.,]\d{2}" gives the same yes/no for .search as "\d+[.,]\d{2}" without backtracking over a
# long digit run (quadratic; found by fuzzing, docs/fuzzing.md)
_DATE_OR_AMOUNT = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|€|\d[.,]\d{2}\b")


def normalise_title(text: str) -> str:
    """Lower case, numbering and punctuation removed: the form headings are compared in."""
    text = text.strip().lower()
    match = _NUMBERING.match(text)
    if match and len(match.group("num")) <= 5:
        text = match.group("rest")
    text = re.sub(r"[^\w\s/-]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=8)
def _lexicon(checklists_id: int, headings: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({normalise_title(h) for h in headings if h.strip()}))


# the lexicon of the checklists last asked about, held with them (their id cannot be reused while
# held): gathering the cues anew cost more per document than the lookups it serves (issue 3)
_LEXICON_OF: list[tuple[object, tuple[str, ...]]] = []


def heading_lexicon(checklists) -> tuple[str, ...]:
    """Every heading cue of every component checklist (the 'known headings')."""
    if _LEXICON_OF and _LEXICON_OF[0][0] is checklists:
        return _LEXICON_OF[0][1]
    lexicon = _gather_lexicon(checklists)
    _LEXICON_OF[:] = [(checklists, lexicon)]
    return lexicon


def _gather_lexicon(checklists) -> tuple[str, ...]:
    cues = []
    for comps in getattr(checklists, "components", {}).values():
        for comp in comps.values():
            cues += list(comp.get("cues", {}).get("headings", []))
    return _lexicon(id(checklists), tuple(cues))


def _words(text: str) -> int:
    return len(text.split())


def _style_level(block: Block) -> int | None:
    if block.level is not None:
        return max(1, block.level)
    style = (block.style or "").lower()
    if style in ("title", "titel"):
        return 1
    match = _STYLE_LEVEL.search(style)
    return int(match.group(1)) if match else None


def _body_size(blocks: Sequence[Block]) -> float | None:
    sizes = [b.font_size for b in blocks if b.font_size and b.kind == "paragraph" and _words(b.text) > 6]
    return statistics.median(sizes) if sizes else None


def _is_short_line(text: str) -> bool:
    return 0 < _words(text) <= MAX_HEADING_WORDS and not _SENTENCE_END.search(text) and not _DATE_OR_AMOUNT.search(text)


def _heading_level(block: Block, body_size: float | None, lexicon: Sequence[str]) -> int | None:
    """The level of a block that opens a section, or None for body text."""
    if block.is_furniture or block.kind == "table":
        return None
    text = block.text.strip()
    if block.kind == "heading" or _style_level(block):
        return _style_level(block) or 1
    short = _is_short_line(text.rstrip(":")) and "\n" not in text
    if not short:
        return None
    numbered = _NUMBERING.match(text)
    if numbered and _INLINE_ITEM.search(numbered.group("rest")):
        return None  # '1. Orderpicker 2. Chauffeur 3. Inpakker': an enumeration on one line, not a heading
    if numbered and numbered.group("rest")[:1].isupper():
        return 1 + numbered.group("num").count(".") - (1 if numbered.group("num").endswith(".") else 0)
    if body_size and block.font_size and block.font_size >= body_size + 1.5:
        return 1
    if block.bold or (text.isupper() and len(text) > 3) or (text.endswith(":") and _words(text) <= 4):
        return 2
    if lexicon and _words(text) <= 6 and text[:1].isupper():
        hit = process.extractOne(normalise_title(text), lexicon, scorer=fuzz.ratio, score_cutoff=LEXICON_SCORE)
        if hit:
            return 2
    return None


def _split_run_in_heading(block: Block, lexicon: Sequence[str]) -> tuple[Block, ...]:
    """OCR often joins a numbered heading to its paragraph ('3. Aanbodversterking Sylvia heeft ...'):
    split it off when the words after the number are a known heading and a new sentence follows."""
    match = _NUMBERING.match(block.text)
    if block.kind != "paragraph" or not match or not lexicon or not match.group("num")[:1].isdigit():
        return (block,)
    words = match.group("rest").split()
    for n in range(min(6, len(words) - 1), 0, -1):
        candidate = " ".join(words[:n]).rstrip(":")
        if not words[n][:1].isupper():
            continue
        if process.extractOne(normalise_title(candidate), lexicon, scorer=fuzz.ratio, score_cutoff=LEXICON_SCORE + 4):
            head = f"{match.group('num')} {candidate}"
            body = " ".join(words[n:])
            return (replace(block, kind="heading", text=head, level=1), replace(block, text=body))
    return (block,)


def _is_label_table(block: Block) -> bool:
    """A form: two columns, short labels on the left."""
    rows = [r for r in (block.rows or ()) if any(c.strip() for c in r)]
    if len(rows) < 2:
        return False
    two = [r for r in rows if len([c for c in r if c.strip()]) <= 2 and len(r) >= 2]
    labels = [r[0] for r in two if 0 < _words(r[0]) <= 6]
    return len(two) >= 0.8 * len(rows) and len(labels) >= 0.8 * len(rows) and max(len(r) for r in rows) <= 2


def _label_sections(block: Block) -> list[Section]:
    sections = []
    for row in block.rows or ():
        label = row[0].strip()
        value = " ".join(c.strip() for c in row[1:] if c.strip() and c.strip() != label)
        if not label:
            continue
        body = Block("paragraph", value, block.page, bbox=block.bbox, pages=block.pages, source=block.source)
        sections.append(Section(label.rstrip(":"), (body,), level=3, kind="label"))
    return sections


def _colon_label(block: Block) -> Section | None:
    """'Aanbodversterking: n.v.t.' on one line: a label with its value."""
    text = block.text.strip()
    if block.kind != "paragraph" or ":" not in text:
        return None
    label, _, value = text.partition(":")
    if not (0 < _words(label) <= 3) or not value.strip() or _DATE_OR_AMOUNT.search(label):
        return None
    body = Block("paragraph", value.strip(), block.page, bbox=block.bbox, pages=block.pages, source=block.source)
    return Section(label.strip(), (body, block), level=3, kind="label")


def _windows(blocks: Sequence[Block]) -> list[Section]:
    content = [b for b in blocks if not b.is_furniture]
    return [Section(None, tuple(content[i:i + WINDOW_BLOCKS]), kind="window")
            for i in range(0, len(content), WINDOW_BLOCKS)]


def _group(blocks: Iterable[Block], body_size: float | None, lexicon: Sequence[str]) -> list[Section]:
    sections: list[Section] = []
    title: str | None = None
    level, kind = 1, "preamble"
    current: list[Block] = []
    labels: list[Section] = []

    def close() -> None:
        if title is not None or current:
            sections.append(Section(title, tuple(current), level=level, kind=kind))

    for block in (part for b in blocks for part in _split_run_in_heading(b, lexicon)):
        if block.is_furniture:
            continue
        heading = _heading_level(block, body_size, lexicon)
        if heading is not None:
            close()
            title, level, kind, current = block.text.strip().rstrip(":").strip(), heading, "heading", [block]
            continue
        if block.kind == "table" and _is_label_table(block):
            # the form's rows become label sections; the table also stays in its section
            # (a two-column table under "Zoekprofiel" is the zoekprofiel, not a form)
            labels.extend(_label_sections(block))
        label = _colon_label(block)
        if label is not None:
            labels.append(label)
        current.append(block)
    close()
    return sections + labels


def blocks_to_sections(doc: Document, checklists) -> tuple[Section, ...]:
    """Sections in reading order; the heading block stays the first block of its section (page, quote)."""
    blocks = [b for b in doc.blocks if not b.is_furniture]
    if not blocks:
        return ()
    sections = _group(blocks, _body_size(blocks), heading_lexicon(checklists))
    if not any(s.kind == "heading" for s in sections):
        labels = [s for s in sections if s.kind == "label"]
        rest = [b for s in sections if s.kind != "label" for b in s.blocks]
        return tuple(labels + _windows(rest))
    return tuple(s for s in sections if s.blocks)
