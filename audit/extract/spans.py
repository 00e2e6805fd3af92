"""Shared by the date and hour readers: word lists from ``checklists/data``, pattern
assembly, folded text, windows around anchor words, and sentence/row quotes.

Everything here is linear in the text: sentence ends are found in one pass per text (cached),
and windows restrict slow word alternations to the few places they can match.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from audit.checklist import BUNDLED_DIR, validate_file

VOCAB_DIR = BUNDLED_DIR / "data"
QUOTE_WIDTH = 200
CONTEXT_REACH = 300  # chars searched either side for a sentence end: keeps quoting linear


# --------------------------------------------------------------------------- vocabulary


@lru_cache(maxsize=8)
def vocabulary(name: str, folder: Path = VOCAB_DIR) -> Mapping[str, Any]:
    """The ``entries`` of ``checklists/data/<name>.yaml``, validated against its schema."""
    return validate_file(folder / f"{name}.yaml")["entries"]


def words_pattern(words: Iterable[str]) -> str:
    """An alternation of literal words, longest first; a space matches any whitespace."""
    return "|".join(word_patterns(words))


def word_patterns(words: Iterable[str]) -> list[str]:
    """The branches of ``words_pattern``, in its order."""
    unique = sorted({str(w) for w in words}, key=len, reverse=True)
    return [re.escape(w).replace(r"\ ", r"\s+") for w in unique]


_OTHER_SPACE = re.compile(r"[^\S ]")


def words_trie(words: Iterable[str]) -> str:
    """``words_pattern`` with shared beginnings written once: "een|eenentwintig|elf" becomes
    "e(?:en(?:entwintig)?|lf)". The regex engine tries a branch per character instead of a
    branch per word (the number words are a hundred).

    It matches exactly what ``words_pattern`` matches, preferring the same word: the words a
    position can match form a chain of prefixes, which both try longest first. Only for
    case-sensitive patterns: under IGNORECASE "Ma" and "maa" would no longer be a chain.
    A word with other whitespace than single spaces keeps the plain alternation: there two
    branches could match the same character.
    """
    unique = {str(w) for w in words}
    if any("  " in w or _OTHER_SPACE.search(w) for w in unique):
        return words_pattern(unique)
    trie: dict[str, dict] = {}
    for word in unique:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _trie_branches(trie)


def _trie_branches(node: dict[str, dict]) -> str:
    """The pattern below one trie node: its children longest-first-equivalent, then its own end."""
    branches = [(r"\s+" if char == " " else re.escape(char)) + _trie_branches(child)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if "" in node:  # a word ends here: the longer words first, then this one
        return f"(?:{body})?"
    return body


def number_words() -> dict[str, int]:
    """Number words 1-59 from the vocabulary, compounds assembled: 'tweeëntwintig' = 22."""
    base = {str(k): int(v) for k, v in vocabulary("dates")["number_words"].items()}
    units = {w: n for w, n in base.items() if 1 <= n <= 9}
    tens = {w: n for w, n in base.items() if n in (20, 30, 40, 50)}
    words = dict(base)
    for uw, un in units.items():
        joiner = "ën" if uw.endswith("e") else "en"  # twee-ën-twintig, vier-en-twintig
        for tw, tn in tens.items():
            words[f"{uw}{joiner}{tw}"] = un + tn
    return words


# --------------------------------------------------------------------------- text helpers

# a sentence ends at [.!?;] before a capital, at a blank line, before a bullet, and at a line
# break between a line that does not end mid-phrase and a capitalised line (form fields in PDFs).
# Every branch starts with a literal character: the regex engine then skips in C to the
# positions holding one of them instead of trying the pattern at every position.
_NEXT_SENTENCE = r"(?=\s+[A-Z0-9(\"'‘“])"
_SENTENCE_END = re.compile(rf"\.{_NEXT_SENTENCE}|!{_NEXT_SENTENCE}|\?{_NEXT_SENTENCE}|;{_NEXT_SENTENCE}"
                           r"|\n\s*\n|\n(?=\s*[-•*·▪]\s)|\n(?<![a-z,]\n)(?=[ \t]*[A-Z])")
_NEWLINE = re.compile("\n")


@dataclass(frozen=True)
class _Bounds:
    """Sentence ends and line breaks of one text, found in one pass (quoting stays linear)."""

    starts: list[int]  # where each sentence-end match starts
    ends: list[int]  # where it ends: the next sentence begins there
    newlines: list[int]


@lru_cache(maxsize=8)
def sentence_bounds(text: str) -> _Bounds:
    spans = [m.span() for m in _SENTENCE_END.finditer(text)]
    newlines = [m.start() for m in _NEWLINE.finditer(text)] if "\n" in text else []
    return _Bounds([a for a, _ in spans], [b for _, b in spans], newlines)


def context_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]``; in a table (a line with ' | '), the row.
    Either side reaches at most CONTEXT_REACH characters."""
    b = sentence_bounds(text)
    size = len(text)
    left, right = max(0, start - CONTEXT_REACH), min(size, end + CONTEXT_REACH)
    line_start, line_end = _line_around(b.newlines, start, end, size)
    line_start, line_end = max(left, line_start), min(right, line_end)
    if text.find(" | ", line_start, line_end) >= 0:
        return line_start, line_end
    ends = b.ends
    k = bisect_right(ends, start)
    n = bisect_left(b.starts, end)
    sent_start = ends[k - 1] if k else 0
    sent_end = ends[n] if n < len(ends) else size
    return max(left, sent_start), min(right, sent_end)


def _line_around(newlines: list[int], start: int, end: int, size: int) -> tuple[int, int]:
    """Start and end of the line(s) holding ``start`` and ``end``."""
    if not newlines:
        return 0, size
    i = bisect_left(newlines, start)
    j = bisect_left(newlines, end, i)
    return (newlines[i - 1] + 1 if i else 0), (newlines[j] if j < len(newlines) else size)


def quote_around(text: str, start: int, end: int, width: int = QUOTE_WIDTH) -> str:
    """The sentence or table row around a mention, whitespace collapsed, at most ~width chars."""
    return quote_in_span(text, context_span(text, start, end), start, end, width)


def quote_in_span(text: str, span: tuple[int, int], start: int, end: int, width: int = QUOTE_WIDTH) -> str:
    """``quote_around`` with the sentence or row (``context_span``) already found."""
    s, e = span
    if e - s > width:
        half = max(0, (width - (end - start)) // 2)
        s, e = max(s, start - half), min(e, end + half)
    quote = " ".join(text[s:e].split())
    return quote if e - s <= width else quote[: width + 20]


@lru_cache(maxsize=8)
def fold(text: str) -> str:
    """Lower case with every position kept: word patterns run case-sensitively over it
    (much faster than IGNORECASE) and their spans still index the original text."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)  # e.g. "İ" lowers to 2 chars


def first_chars(words: Iterable[str]) -> str:
    """A character class body of the words' first characters: a leading ``(?=[...])`` rejects
    other positions with one test before the pattern's branches are tried (the engine does not
    skip ahead in C for a look-ahead, only for a first item that consumes a character)."""
    return "".join(sorted({re.escape(str(w)[0]) for w in words if str(w)}))


def anchor_windows(text: str, anchor: re.Pattern[str], before: int, after: int) -> list[tuple[int, int]]:
    """Stretches of ``text`` around each match of ``anchor``, merged where they overlap.

    Patterns whose number part is a long word alternation ("vierentwintig") are slow when
    tried at every position; they run only inside these windows (the anchor word, "uur" or
    "week", must be part of every match).
    """
    spans: list[tuple[int, int]] = []
    for m in anchor.finditer(text):
        a, b = max(0, m.start() - before), min(len(text), m.end() + after)
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return spans


def finditer_windows(pattern: re.Pattern[str], text: str,
                     windows: Sequence[tuple[int, int]]) -> Iterable[re.Match[str]]:
    """``pattern.finditer`` inside each window; a match that touches a window's cut end is
    skipped (its lookaheads saw a false end of text)."""
    size = len(text)
    for a, b in windows:
        if b == size:
            yield from pattern.finditer(text, a, b)
        else:
            for m in pattern.finditer(text, a, b):
                if m.end() < b - 1:
                    yield m
