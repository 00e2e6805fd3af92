"""Bundled PDFs split into their documents.

UWV and lawyers handle a dossier as one merged PDF. A page starts a new document when its page
numbering restarts ("Pagina 1 van 3" after "Pagina 4 van 4"), or when a document title stands
at the top of the page together with a second sign: its own header block of identification
fields (werknemer, BSN, eerste ziektedag), a changed running header, or a signature block
closing the previous page. A title alone is not enough: a re-integratieverslag has a section
"Plan van aanpak" at the top of a page, and ordinary reports must never be split.
Numbering that simply continues ("Pagina 2 van 3" after "Pagina 1 van 3") vetoes a split.

Parts keep the original page numbers; ``part`` is 1-based and ``page_range`` is (first, last).
Every cue word lives under ``bundle:`` in ``checklists/doc_types.yaml``.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from audit.classify import block_lines, normalise, settings_of, title_scores, top_lines
from audit.model import Document, Page

DEFAULTS = {"page_words": [], "of_words": [], "id_labels": [], "id_labels_needed": 3, "id_lines": 20,
            "signature_words": [], "top_lines": 4, "min_pages": 2, "header_band": 0.15}


def split_bundle(doc: Document, checklists: Any) -> list[Document]:
    """``[doc]`` when it is one document; otherwise its parts, in page order."""
    bundle = {**DEFAULTS, **(getattr(checklists, "doc_type_settings", {}) or {}).get("bundle", {})}
    if len(doc.pages) < bundle["min_pages"] or doc.part is not None:
        return [doc]
    numbers = [page_numbering(page, bundle) for page in doc.pages]
    starts = [0] + [i for i in range(1, len(doc.pages))
                    if starts_document(doc.pages[i - 1], doc.pages[i], (numbers[i - 1], numbers[i]),
                                       checklists, bundle)]
    if len(starts) == 1:
        return [doc]
    return pages_to_parts(doc, starts)


def pages_to_parts(doc: Document, starts: Sequence[int]) -> list[Document]:
    ends = [*starts[1:], len(doc.pages)]
    parts = []
    for number, (first, end) in enumerate(zip(starts, ends), start=1):
        pages = doc.pages[first:end]
        parts.append(replace(doc, pages=pages, part=number,
                             page_range=(pages[0].number, pages[-1].number)))
    return parts


def starts_document(previous: Page, page: Page, numbers: tuple, checklists: Any, bundle: dict) -> bool:
    """Cheap signs first: page numbering decides alone; then a letter's subject line; then a
    title at the top with a second sign."""
    before, now = numbers
    if before and now:
        if now[0] == before[0] + 1 and now[1] == before[1]:
            return False  # the same document goes on
        if now[0] == 1:
            return True  # numbering restarts
    if subject_title(page, checklists) is not None:
        return True
    if top_title(page, checklists, bundle) is None:
        return False
    if has_id_block(field_lines(page)[: bundle["id_lines"]], bundle):
        return True
    if has_signature(field_lines(previous)[-8:], bundle):
        return True
    header_before, header_now = running_header(previous, bundle), running_header(page, bundle)
    return bool(header_before and header_now and header_before != header_now)


# --------------------------------------------------------------------------- signs of a page


def _numbering_pattern(bundle: dict) -> re.Pattern[str] | None:
    return _numbering_regex(tuple(bundle["page_words"]), tuple(bundle["of_words"]))


@lru_cache(maxsize=8)
def _numbering_regex(page_words: tuple[str, ...], of_words: tuple[str, ...]) -> re.Pattern[str] | None:
    words = "|".join(re.escape(w) for w in page_words)
    ofs = "|".join(re.escape(w) for w in of_words)
    if not words or not ofs:
        return None
    return re.compile(rf"\b(?:{words})\.?\s*(\d{{1,4}})\s*(?:{ofs})\s*(\d{{1,4}})\b", re.IGNORECASE)


def page_numbering(page: Page, bundle: dict) -> tuple[int, int] | None:
    """'Pagina 2 van 5' anywhere on the page (footers included), when plausible."""
    pattern = _numbering_pattern(bundle)
    if pattern is None:
        return None
    for block in reversed(page.blocks):  # footers come last
        for match in pattern.finditer(block.text):
            number, total = int(match.group(1)), int(match.group(2))
            if 1 <= number <= total:
                return number, total
    return None


def top_title(page: Page, checklists: Any, bundle: dict) -> str | None:
    """The doc type of a title standing (almost) at the top of the page."""
    settings = settings_of(checklists)
    body = [b for b in page.blocks if not b.is_furniture]
    lines = top_lines(body, settings, bundle["top_lines"])
    scores = title_scores(lines, settings)
    if not scores:
        return None
    doc_type, score = max(scores.items(), key=lambda kv: kv[1])
    # a start-of-line title within the first few lines: line weight stays above the cutoff
    cutoff = 1.0 - settings["line_decay"] * bundle["top_lines"]
    return doc_type if score >= cutoff else None


def subject_title(page: Page, checklists: Any) -> str | None:
    """The doc type named by a letter's subject line near the top of the page."""
    settings = settings_of(checklists)
    lines = [line for line in top_lines([b for b in page.blocks if not b.is_furniture], settings)
             if line.subject]
    scores = title_scores([replace(line, weight=1.0) for line in lines], settings)
    best = max(scores.items(), key=lambda kv: kv[1], default=None)
    return best[0] if best and best[1] >= 1.0 - settings["line_decay"] else None


def field_lines(page: Page) -> list[str]:
    """Raw lines from the top of the page, table rows included (' | ' between cells): an
    arbodienst form keeps its header fields ('Werknemer | K. Smeets') in a table."""
    lines: list[str] = []
    for block in page.blocks:
        if block.is_furniture:
            continue
        rows = block.rows or tuple((raw,) for raw in re.split(r"[\n\t]+", block.text))
        lines += [" | ".join(row) for row in rows if any(cell.strip() for cell in row)]
    return lines


@lru_cache(maxsize=256)
def _label_pattern(label: str) -> re.Pattern[str]:
    """A field label followed by its value ('BSN 123', 'Werknemer: K. Smit', 'Werkgever | De
    Korf') or alone on its line (a form with the value below); in prose ('de werknemer en de
    werkgever') a lower-case word follows instead."""
    words = r"\s+".join(re.escape(w) for w in label.split())
    return re.compile(rf"(?:^|[\s|(])(?i:{words})\s*[:|]?\s*(?=[A-Z0-9]|$)")


def has_id_block(lines: Sequence[str], bundle: dict) -> bool:
    """Enough distinct identification fields: the header block a document opens with."""
    labels = [(label.lower(), _label_pattern(label)) for label in bundle["id_labels"]]
    found: set[str] = set()
    for line in lines:
        lower = line.lower()
        found |= {label for label, pattern in labels if label in lower and pattern.search(line)}
    return len(found) >= bundle["id_labels_needed"]


def has_signature(lines: Sequence[str], bundle: dict) -> bool:
    words = [normalise(w) for w in bundle["signature_words"]]
    padded = [f" {normalise(line)} " for line in lines]
    return any(f" {w} " in line for line in padded for w in words)


def running_header(page: Page, bundle: dict) -> str:
    """Furniture in the top band of the page (a repeated paragraph marked as furniture lower
    down is no letterhead)."""
    band = (page.height or 0) * bundle["header_band"]
    return " ".join(normalise(b.text) for b in page.blocks if b.kind == "header"
                    and (b.bbox is None or not band or b.bbox[1] <= band))
