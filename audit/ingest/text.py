"""Normalisation shared by every reader: characters, broken words, running headers/footers.

Why each step (see ../shared/LESSONS.md, complaints 2, 4, 5): PDFs carry ligatures (ﬁ), curly
quotes, soft hyphens and words broken at line ends; reports repeat "Vertrouwelijk", the
employer's name and a page number on every page. Furniture is marked, never dropped.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from audit.model import Block, Page

_CHAR_MAP = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\t": " ",
    "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None,
    "\u2060": None, "\ufffe": None,
})
_SPACES = re.compile(r"[ \f\v\r]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Digraphs that would be read as one sound if the hyphen went: Dutch spelling keeps the hyphen
# (re-integratie, zee-egel, auto-ongeluk); Woordenlijst, "Leidraad" §13 (klinkerbotsing).
_VOWEL_CLASH = frozenset("aa ae ai au ee ei eu ie oe oi oo ou ui uu".split())
_BROKEN_LINE = re.compile(r"(?<=[^\W\d_])-\n(?=[^\W\d_])")


def normalise_chars(text: str) -> str:
    """NFKC (ligatures, full-width forms), one kind of quote and dash, no soft hyphens."""
    text = unicodedata.normalize("NFKC", text.translate(_CHAR_MAP)).translate(_CHAR_MAP)
    return _CONTROL.sub("", text)


def normalise_line(text: str) -> str:
    return _SPACES.sub(" ", normalise_chars(text)).strip()


@lru_cache(maxsize=1)
def _hyphenator():
    import pyphen

    return pyphen.Pyphen(lang="nl_NL")


def is_line_break_hyphen(left: str, right: str) -> bool:
    """True when ``left-`` at a line end and ``right`` on the next line are one word broken by
    the typesetter (``arbeids-`` + ``ongeschikt``), False for a real compound hyphen
    (``re-integratie``, ``WIA-aanvraag``, ``spoor-2``)."""
    if not left or not right or not left[-1].isalpha() or not right[0].isalpha():
        return False
    if not right[0].islower() or any(ch.isupper() or ch.isdigit() for ch in left[1:]):
        return False
    if (left[-1] + right[0]).lower() in _VOWEL_CLASH:
        return False
    word = (left + right).lower()
    return len(left) in _hyphenator().positions(word)


def join_lines(lines: Sequence[str]) -> str:
    """Lines of one paragraph as one string: broken words joined, compounds kept."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not out:
            out = line
            continue
        if out.endswith("-") and len(out) > 1:
            left = re.split(r"[\s/(]", out[:-1])[-1]
            right = re.split(r"[\s,.;:!?)]", line)[0]
            out = out[:-1] + line if is_line_break_hyphen(left, right) else out + line
        else:
            out = f"{out} {line}"
    return out


def dehyphenate_text(text: str) -> str:
    """Join words broken at line ends in free text (OCR output, plain text)."""

    def fix(match: re.Match[str]) -> str:
        start, end = match.start(), match.end()
        left = re.split(r"[\s/(]", text[:start])[-1]
        right = re.split(r"[\s,.;:!?)]", text[end:], maxsplit=1)[0]
        return "" if is_line_break_hyphen(left, right) else "-"

    return _BROKEN_LINE.sub(fix, text)


# --------------------------------------------------------------------------- furniture

_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER_ONLY = re.compile(r"^\W{0,3}\d{1,4}\W{0,3}$")
_TWO_NUMBERS = re.compile(r"(\d{1,4})\D{1,12}?(\d{1,4})\s*$")
BAND = 0.12  # top/bottom share of the page height where running headers/footers sit


def furniture_key(text: str) -> str:
    return _DIGITS.sub("#", text.strip().lower())


MAX_FURNITURE_CHARS = 120  # running headers/footers are one short line


def _band(block: Block, height: float | None) -> str | None:
    if block.bbox is None or not height or len(block.text) > MAX_FURNITURE_CHARS:
        return None
    if block.bbox[1] <= height * BAND:
        return "header"
    if block.bbox[3] >= height * (1 - BAND):
        return "footer"
    return None


FUZZY_MAX_PAGES = 100  # fuzzy matching of furniture costs pages²; beyond this, exact keys only
FUZZY_MIN_SCORE = 90  # rapidfuzz token_set_ratio: OCR noise ("B.V. ge Vertrouwelijk") still matches


def _repeated_keys(band_keys: list[set[str]], needed: int) -> set[str]:
    """Keys (digits ignored) found on at least ``needed`` pages; for OCR-sized documents a key
    also counts on a page where a similar key stands (OCR never reads a line twice the same)."""
    exact = Counter(key for keys in band_keys for key in keys)
    if len(band_keys) > FUZZY_MAX_PAGES:
        return {key for key, count in exact.items() if count >= needed}
    from rapidfuzz import fuzz

    repeated = set()
    for key in exact:
        pages = sum(1 for keys in band_keys
                    if key in keys or any(fuzz.token_set_ratio(key, other) >= FUZZY_MIN_SCORE for other in keys))
        if pages >= needed:
            repeated.add(key)
    return repeated


def mark_furniture(pages: Sequence[Page]) -> tuple[tuple[Page, ...], int]:
    """Blocks in the top/bottom band whose text (digits ignored) repeats on at least half of
    the pages (at least two), and lone page numbers in the band, become header/footer blocks.
    Returns the pages and how many blocks were marked."""
    band_keys = [{furniture_key(b.text) for b in page.blocks if b.kind != "table" and _band(b, page.height)}
                 for page in pages]
    needed = max(2, (len(pages) + 1) // 2)
    repeated = _repeated_keys(band_keys, needed) if len(pages) > 1 else set()
    marked, out = 0, []
    for page in pages:
        blocks = []
        for block in page.blocks:
            band = _band(block, page.height) if block.kind != "table" else None
            if band and not block.is_furniture and (
                    furniture_key(block.text) in repeated or _PAGE_NUMBER_ONLY.match(block.text)):
                block = replace(block, kind=band)
                marked += 1
            blocks.append(block)
        out.append(replace(page, blocks=tuple(blocks)))
    return tuple(out), marked


def missing_pages(pages: Sequence[Page]) -> list[int]:
    """Page numbers a "page x of y" furniture line promises but the file lacks.

    Language-neutral: in furniture blocks, a trailing pair of numbers whose second number is
    the same on every page that has one is read as (page, total)."""
    pairs = []
    for page in pages:
        for block in page.blocks:
            if block.is_furniture and (match := _TWO_NUMBERS.search(block.text)):
                pairs.append((int(match.group(1)), int(match.group(2))))
                break
    totals = {total for _, total in pairs}
    if len(pairs) < 2 or len(totals) != 1:
        return []
    total = totals.pop()
    seen = {number for number, _ in pairs}
    if not seen <= set(range(1, total + 1)) or total > 5000:
        return []
    return [number for number in range(1, total + 1) if number not in seen] if len(seen) == len(pages) or len(pages) < total else []


# --------------------------------------------------------------------------- cues

NUMBERING = re.compile(r"^\s*((?:\d{1,2}\.)+\d{0,2}|\d{1,2}\)|[a-z]\)|[ivxIVX]{1,4}\.)\s+(?=\S)")
BULLET = re.compile(r"^\s*([\u2022\u25aa\u25cf\u25e6\u2023\u2043\u2219\-*\u2013\u00b7o\uf0b7])\s+")


def split_numbering(text: str) -> tuple[str | None, int | None]:
    """'2.1 Belastbaarheid' -> ('2.1', 2); level from the depth of the number."""
    match = NUMBERING.match(text)
    if not match:
        return None, None
    number = match.group(1)
    depth = len([part for part in number.rstrip(".").split(".") if part]) if number[0].isdigit() else None
    return number, depth


def looks_like_heading(text: str, *, bold: bool, size_ratio: float) -> bool:
    """A short line without a final full stop, set bold or larger than the body text."""
    words = text.split()
    if not words or len(words) > 14 or len(text) > 120:
        return False
    if text.rstrip().endswith((".", ",", ";")) and not NUMBERING.match(text + " "):
        return False
    if not any(ch.isalpha() for ch in text):
        return False
    return bold or size_ratio >= 1.15
