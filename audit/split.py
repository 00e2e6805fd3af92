"""Bundled PDFs split into their documents.

UWV and lawyers handle a dossier as one merged PDF. A page starts a new document when its page
numbering restarts ("Pagina 1 van 3" after "Pagina 4 van 4"), when a letter's subject line
names a document type, or when a document title stands at the top of the page together with a
second sign: its own numbering starting at 1, its own header block of identification fields
(werknemer, BSN, eerste ziektedag), or a changed running header after a signature block that
closed the previous page. A title alone is not enough: a re-integratieverslag has a section
"Plan van aanpak" at the top of a page, and ordinary reports must never be split. A
document's own numbering that simply continues ("Pagina 2 van 3" after "Pagina 1 van 3")
vetoes a split; one numbering through the whole file (a bundle stamp) decides nothing.

Parts keep the original page numbers; ``part`` is 1-based and ``page_range`` is (first, last).
Every cue word lives under ``bundle:`` in ``checklists/doc_types.yaml``.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any, NamedTuple

from rapidfuzz import fuzz

from audit.classify import Settings, settings_of
from audit.titles import Line, normalise, page_title_blocks, title_scores, top_lines
from audit.model import Document, Page

DEFAULTS = {"page_words": [], "of_words": [], "id_labels": [], "id_labels_needed": 3, "id_lines": 20,
            "signature_words": [], "top_lines": 4, "min_pages": 2, "header_band": 0.15,
            "header_same_min": 85}


def split_bundle(doc: Document, checklists: Any) -> list[Document]:
    """``[doc]`` when it is one document; otherwise its parts, in page order."""
    bundle = {**DEFAULTS, **(getattr(checklists, "doc_type_settings", {}) or {}).get("bundle", {})}
    if len(doc.pages) < bundle["min_pages"] or doc.part is not None:
        return [doc]
    numbers = [page_numbering(page, bundle) for page in doc.pages]
    starts = [0]
    for i in range(1, len(doc.pages)):
        said = numbering_says(numbers[i - 1], numbers[i], len(doc.pages))
        if said or (said is None and starts_document(doc.pages[i - 1], doc.pages[i], numbers[i],
                                                     checklists, bundle)):
            starts.append(i)
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


def numbering_says(before: Sequence[tuple[int, int]], now: Sequence[tuple[int, int]],
                   file_pages: int) -> bool | None:
    """True: a numbering restarts ('Pagina 1 van 2' after 'Pagina 3 van 3'). False: a
    document's own numbering goes on ('2 van 3' after '1 van 3'). None: it cannot tell -
    no numbering, or only one over the whole file (a lawyer's or UWV's stamp on the bundle
    numbers straight through its documents, and so does a single document's own footer)."""
    if not before or not now:
        return None
    if any(number == 1 for number, _ in now):
        return True
    goes_on = any(number == prev + 1 and total == prev_total and total < file_pages
                  for number, total in now for prev, prev_total in before)
    return False if goes_on else None


def starts_document(previous: Page, page: Page, numbering: Sequence[tuple[int, int]],
                    checklists: Any, bundle: dict) -> bool:
    """A letter's subject line; or a title at the top of the page with a second sign."""
    lines = _title_lines(page, checklists, bundle)
    if _subject_type(lines.subject, settings_of(checklists)) is not None:
        return True
    if _top_type(lines.top, settings_of(checklists), bundle) is None:
        return False
    if any(number == 1 for number, _ in numbering):
        return True  # its own numbering starts here
    if has_id_block(lines_below_title(page)[: bundle["id_lines"]], bundle):
        return True
    # weaker signs count together: a signed last page and a new letterhead (an appendix after a
    # signature, or a header the OCR read differently, is no new document on its own)
    return (letterhead_changed(running_header(previous, bundle), running_header(page, bundle), bundle)
            and has_signature(field_lines(previous)[-8:], bundle))


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


@lru_cache(maxsize=8)
def _ascii_lower(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words in lower case when all are ASCII (in ASCII text a case-blind match of an ASCII
    word is then a substring of the lowered text); () when not, and nothing is skipped."""
    return tuple(w.lower() for w in words) if all(w.isascii() for w in words) else ()


def _holds_any(text: str, words: tuple[str, ...]) -> bool:
    return any(w in text for w in words)


def page_numbering(page: Page, bundle: dict) -> tuple[tuple[int, int], ...]:
    """Every plausible 'Pagina 2 van 5' on the page (a document's footer, a bundle's stamp)."""
    pattern = _numbering_pattern(bundle)
    if pattern is None:
        return ()
    words = _ascii_lower(tuple(bundle["page_words"]))
    found = []
    for block in page.blocks:
        if words and block.text.isascii() and not _holds_any(block.text.lower(), words):
            continue  # no page word, so no match: the case-blind search is the slow part (issue 3)
        for match in pattern.finditer(block.text):
            number, total = int(match.group(1)), int(match.group(2))
            if 1 <= number <= total:
                found.append((number, total))
    return tuple(dict.fromkeys(found))


class _TitleLines(NamedTuple):
    top: list[Line]  # the first ``bundle["top_lines"]`` title lines
    subject: list[Line]  # the first ``title_lines`` title lines


def _title_lines(page: Page, checklists: Any, bundle: dict) -> _TitleLines:
    """The body's title lines of the page, read once for both counts: ``top_lines`` takes lines
    in order and stops at its count, so the first n lines do not depend on a larger count."""
    settings = settings_of(checklists)
    body = [b for b in page_title_blocks(page, settings) if not b.is_furniture]  # top-down by position
    top, subject = (max(1, int(count or settings["title_lines"])) for count in (bundle["top_lines"], None))
    lines = top_lines(body, settings, max(top, subject))
    return _TitleLines(lines[:top], lines[:subject])


def top_title(page: Page, checklists: Any, bundle: dict) -> str | None:
    """The doc type of a title standing (almost) at the top of the page."""
    return _top_type(_title_lines(page, checklists, bundle).top, settings_of(checklists), bundle)


def _top_type(lines: Sequence[Line], settings: Settings, bundle: dict) -> str | None:
    scores = title_scores(lines, settings)
    if not scores:
        return None
    doc_type, score = max(scores.items(), key=lambda kv: kv[1])
    # a start-of-line title within the first few lines: line weight stays above the cutoff
    cutoff = 1.0 - settings["line_decay"] * bundle["top_lines"]
    return doc_type if score >= cutoff else None


def subject_title(page: Page, checklists: Any) -> str | None:
    """The doc type named by a letter's subject line near the top of the page."""
    lines = _title_lines(page, checklists, DEFAULTS).subject
    return _subject_type(lines, settings_of(checklists))


def _subject_type(lines: Sequence[Line], settings: Settings) -> str | None:
    subjects = [line for line in lines if line.subject]
    scores = title_scores([replace(line, weight=1.0) for line in subjects], settings)
    best = max(scores.items(), key=lambda kv: kv[1], default=None)
    return best[0] if best and best[1] >= 1.0 - settings["line_decay"] else None


def field_lines(page: Page) -> list[str]:
    """Raw lines from the top of the page, table rows included (' | ' between cells): an
    arbodienst form keeps its header fields ('Werknemer | K. Smeets') in a table."""
    return [line for block in page.blocks if not block.is_furniture for line in _block_rows(block)]


def lines_below_title(page: Page) -> list[str]:
    """Field lines from the first body block on, running headers above it left out but
    header-like blocks below it kept: a reader may take the identification block that opens
    every document of one employee's bundle for repeated furniture."""
    lines: list[str] = []
    started = False
    for block in page.blocks:
        started = started or not block.is_furniture
        if started and block.kind != "footer":
            lines += _block_rows(block)
    return lines


def _block_rows(block) -> list[str]:
    rows = block.rows or tuple((raw,) for raw in re.split(r"[\n\t]+", block.text))
    return [" | ".join(row) for row in rows if any(cell.strip() for cell in row)]


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


def letterhead_changed(before: str, now: str, bundle: dict) -> bool:
    """Two different letterheads; the same one read with an OCR slip or a word less
    ('Arbodienst IJsseldelta' / 'Arbodienst IJsseldelta Vertrouwelijk') is not a change."""
    if not before or not now:
        return False
    return fuzz.token_set_ratio(before, now) < bundle["header_same_min"]


def running_header(page: Page, bundle: dict) -> str:
    """The topmost furniture line in the top band of the page: the letterhead. (A field block
    or repeated paragraph the reader marked as furniture lower down is no letterhead.)"""
    band = (page.height or 0) * bundle["header_band"]
    tops = [b for b in page.blocks if b.kind == "header" and b.text.strip()
            and (b.bbox is None or not band or b.bbox[1] <= band)]
    if not tops:
        return ""
    top = min(tops, key=lambda b: b.bbox[1] if b.bbox else 0.0)
    return normalise(top.text.splitlines()[0])