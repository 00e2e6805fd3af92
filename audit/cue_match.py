"""Cue words to compiled patterns, and which of their matches count (audit.components).

Word lists live in checklists/; each becomes one compiled alternation (faster than spaCy's Matcher
for plain word lists, LESSONS.md 2). A match counts when it is not negated in its clause ("er is
(nog) geen scholing ingezet"; checklists/data/negation.yaml); an intention ("daarna zoekprofiel
vaststellen") or an expectation ("wacht op nieuwe FML") is told apart from what was done.

Each pattern comes with the literal texts one of its matches must contain (the words of one of
its phrases): a text holding none of them is passed over without a regex search (issue 3).
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from audit.extract.dates import resolve, scan_dates
from audit.extract.dates import vocabulary as date_vocabulary
from audit.memo import ByObject

DATE_MEMO_SIZE = 512  # texts whose dates are remembered (within one document)
_DATE_MEMO: dict[str, tuple] = {}
_SPACES = re.compile(r"[ \t]+")
_CLAUSE_END = re.compile(r"[.;!?\n]")


# --------------------------------------------------------------------------- text and patterns


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Cached: each component looks at the same blocks again (benchmarks/profile_check.py)."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    return _SPACES.sub(" ", text.lower())


def _word_pattern(phrase: str) -> str:
    """'afstand tot de arbeidsmarkt' -> words joined by space or hyphen; 'sollicit*' -> a stem."""
    parts = []
    for word in phrase.lower().split():
        core = re.escape(word.rstrip("*"))
        parts.append(core + (r"\w*" if word.endswith("*") else ""))
    return r"[\s\-]+".join(parts)


@lru_cache(maxsize=4096)
def compile_words(words: tuple[str, ...]) -> re.Pattern | None:
    """One alternation for a word list (longest first), word boundaries outside the alternation:
    30x faster than a boundary per alternative (benchmarks/components_matching.py)."""
    words = tuple(sorted({w for w in words if w.strip()}, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + "|".join(_word_pattern(w) for w in words) + r")(?!\w)") if words else None


class TextIndex:
    """Many texts joined once, so that which of them hold a literal takes a few substring searches
    of the whole instead of a test of every text (issue 3, speed only)."""

    def __init__(self, texts: Sequence[str]):
        self.texts = texts
        self.joined = "\x00".join(texts)
        self.starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0)) if texts else []
        self._memo: dict[str, set[int]] = {}

    def holding(self, literals: Iterable[str]) -> list[int]:
        """The indexes, in order, of the texts that may hold one of the literals: every text that
        holds one is among them (one that spans a separator adds a text that may not)."""
        found: set[int] = set()
        for literal in literals:
            if not literal:
                return list(range(len(self.texts)))
            pos = self.joined.find(literal)
            while pos >= 0:
                i = bisect_right(self.starts, pos) - 1
                found.add(i)
                if i + 1 >= len(self.starts):
                    break
                pos = self.joined.find(literal, self.starts[i + 1])  # the next text on
        return sorted(found)

    def matching(self, words: tuple[str, ...]) -> list[int]:
        """The texts ``compile_words(words)`` may match: those holding every word of one phrase
        (each word of a phrase stands in its match, a stem without its star)."""
        found: set[int] = set()
        for cores in phrase_cores(words):
            hits = self._held(cores[0])  # the longest word first: the rarest, most likely
            for core in cores[1:]:
                if not hits:
                    break
                # a few texts are searched one by one; many, through the index (its hits are kept)
                hits = {i for i in hits if core in self.texts[i]} if len(hits) <= 8 else hits & self._held(core)
            found |= hits
        return sorted(found)

    def _held(self, literal: str) -> set[int]:
        if literal not in self._memo:
            self._memo[literal] = set(self.holding((literal,)))
        return self._memo[literal]


@lru_cache(maxsize=4096)
def phrase_cores(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Per phrase of ``compile_words(words)`` the literal text of each of its words (lower case,
    without the stem star), as the pattern escapes them; the longest first."""
    phrases = {w for w in words if w.strip()}
    return tuple(tuple(sorted((w.rstrip("*") for w in p.lower().split()), key=len, reverse=True)) for p in phrases)


@lru_cache(maxsize=4096)
def compile_each(words: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    return tuple(p for w in words if (p := compile_words((w,))) is not None)


@lru_cache(maxsize=4096)
def _each_with_start(words: tuple[str, ...]) -> tuple[tuple[str, re.Pattern], ...]:
    """``compile_each`` with the literal text each match starts with (the phrase's first word,
    lower case, without its stem star): where that text is not in the text, the pattern cannot
    match, and a substring test is far cheaper than a search that starts with a look-behind."""
    return tuple((w.lower().split()[0].rstrip("*"), p) for w in words
                 if (p := compile_words((w,))) is not None)


def _count_found(words: tuple[str, ...], norm: str) -> int:
    """How many of ``compile_each(words)`` match in ``norm``."""
    return sum(1 for start, p in _each_with_start(words) if found_from(start, p, norm))


def found_from(start: str, pattern: re.Pattern, norm: str) -> bool:
    """``pattern.search(norm)`` for a pattern each match of which begins with the literal ``start``:
    searched from where ``start`` first stands, not from the text's beginning (the look-behind still
    sees the character in front)."""
    at = norm.find(start)
    return at >= 0 and pattern.search(norm, at) is not None


def first_start(words: tuple[str, ...], norm: str) -> int:
    """Where the first match of ``compile_words(words)`` in ``norm`` may begin at the earliest (each
    begins with its phrase's first word): the first place one of those words stands; -1: nowhere."""
    found = [at for start in _first_words(words) if (at := norm.find(start)) >= 0]
    return min(found) if found else -1


@lru_cache(maxsize=4096)
def _first_words(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple({start for start, _ in _each_with_start(words)})


def vocab(checklists, name: str) -> Mapping:
    return (getattr(checklists, "vocab", {}) or {}).get(name, {}) or {}


def message(checklists, key: str, **fill) -> tuple[str, str]:
    """A sentence of checklists/data/component_messages.yaml, Dutch and English, filled in."""
    entry = vocab(checklists, "component_messages").get(key, {}) or {}
    return entry.get("nl", key).format(**fill), entry.get("en", key).format(**fill)


def has_date(text: str, checklists=None) -> bool:
    """A day-month-year date as the date extractor reads it ('26 feb. 2024', '12-3-24'), or a month
    with its year ('maart 2024', a period); the month words are those of checklists/data/dates.yaml."""
    if date_values(text):
        return True
    return bool(_month_year().search(normalise(text)))


def _substance_hits(text: str, norm: str, phrases: tuple[str, ...]) -> int:
    """How many substance words the text has. Month names among them mean dates are substance: then
    the dates the date extractor reads count, in every written form ('op 27 mei 2024 en 26 aug. 2024':
    two moments), in place of the bare month words."""
    words, month_words = _month_split(phrases)
    hits = _count_found(words, norm)
    if not month_words:
        return hits
    month_hits = _count_found(month_words, norm)
    return hits + max(month_hits, len(set(date_values(text))))


@lru_cache(maxsize=1024)
def _month_split(phrases: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The substance words that are no month name, and those that are (those in the first
    list never count as months, however often they stand in ``phrases``)."""
    months = _months()
    words = tuple(w for w in phrases if not months.fullmatch(w.lower()))
    return words, tuple(w for w in phrases if w not in words)


def date_values(text: str) -> tuple:
    """The values of ``find_dates(text, 1)`` (the same scan and year resolution) without the quote
    each fact carries: here only whether there are dates, and how many, counts (issue 3).
    Remembered by text until ``forget_dates``: one document's section body or paragraph is
    judged for several components."""
    values = _DATE_MEMO.get(text)
    if values is None:
        if len(_DATE_MEMO) > DATE_MEMO_SIZE:
            _DATE_MEMO.clear()
        values = _DATE_MEMO[text] = tuple(value for _, value, _, _ in resolve(scan_dates(text), None))
    return values


def forget_dates() -> None:
    """A new document: the texts of the last one will not come again."""
    _DATE_MEMO.clear()


@lru_cache(maxsize=1)
def _months() -> re.Pattern:
    forms = tuple(str(f) for fs in date_vocabulary("dates")["months"].values() for f in fs)
    return compile_words(forms)


@lru_cache(maxsize=1)
def _month_year() -> re.Pattern:
    return re.compile(_months().pattern + r"\.?,?\s*'?(?:19|20)?\d{2}(?!\d)")


# --------------------------------------------------------------------------- negation


def _negation(checklists) -> Mapping:
    return vocab(checklists, "negation")


@lru_cache(maxsize=64)
def _normalised_set(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(normalise(w).strip() for w in words)


def is_absent_value(text: str, checklists) -> bool:
    value = normalise(text).strip().strip(".:;").strip()
    # all its characters filler <=> nothing is left once they are stripped: no set of a long text
    return not value or value in negation_terms(checklists).absent or not value.strip(_FILLER)


_FILLER = ".-_… "


@dataclass(frozen=True)
class NegationTerms:
    """checklists/data/negation.yaml as ``is_negated`` reads it, worked out once per loaded vocabulary
    (it was looked up and compiled again per cue match)."""

    before: re.Pattern | None
    after: re.Pattern | None
    breakers: frozenset[str]
    window_before: int
    window_after: int
    absent: frozenset[str]


_TERMS: ByObject[NegationTerms] = ByObject(32)


def negation_terms(checklists) -> NegationTerms:
    neg = _negation(checklists)
    return _TERMS.get(neg, lambda: NegationTerms(
        compile_words(tuple(neg.get("before", ()))), compile_words(tuple(neg.get("after", ()))),
        _normalised_set(tuple(neg.get("scope_breakers", ()))), int(neg.get("window_before", 4)),
        int(neg.get("window_after", 6)), _normalised_set(tuple(neg.get("absent_values", ())))))


def is_negated(text: str, start: int, end: int, checklists) -> bool:
    """A negation word in front of the cue, or a negating phrase behind it, in the same sentence and
    clause: a scope breaker between them ('niet geleid tot werkhervatting', 'geen vacature, maar
    wel een werkervaringsplek') keeps the negation off the cue."""
    terms = negation_terms(checklists)
    clause_start = max(text.rfind(c, 0, start) for c in ".;!?\n") + 1  # not a split of the whole text per cue
    clause_end = _CLAUSE_END.search(text, end)
    left = text[clause_start:start].split()[-terms.window_before:]
    right = text[end:clause_end.start() if clause_end else len(text)].split()[: terms.window_after]
    breakers = terms.breakers
    cut = max((i for i, w in enumerate(left) if w.strip(",:") in breakers), default=-1)
    left = left[cut + 1:]
    stop = next((i for i, w in enumerate(right) if w.strip(",:") in breakers), len(right))
    right = right[:stop]
    before, after = terms.before, terms.after
    return bool((before and before.search(" ".join(left))) or (after and after.search(" ".join(right))))


def has_intent(text: str, checklists) -> bool:
    """Future or intended, not done: 'daarna zoekprofiel vaststellen', 'volgende periode start sollicitaties'
    (checklists/data/negation.yaml ``intent``)."""
    pattern = compile_words(tuple(_negation(checklists).get("intent", ())))
    return bool(pattern and pattern.search(normalise(text)))


def awaited(text: str, start: int, checklists) -> bool:
    """An expectation in the same sentence in front of a match ('wacht op nieuwe FML'; negation.yaml ``awaiting``)."""
    neg = _negation(checklists)
    left = re.split(r"[.;!?\n]", text[:start])[-1].split()[-int(neg.get("intent_window", 5)):]
    pattern = compile_words(tuple(neg.get("awaiting", ())))
    return bool(pattern and pattern.search(" ".join(left)))


def explored(text: str, end: int, checklists) -> bool:
    """Only looked into, right behind a match in its own clause ('proefplaatsing verkennen',
    'een werkervaringsplek onderzoeken'; negation.yaml ``explored_after``): not (yet) the situation."""
    neg = _negation(checklists)
    right = re.split(r"[.,;:!?\n]", text[end:])[0].split()[:int(neg.get("explored_window", 3))]
    pattern = compile_words(tuple(neg.get("explored_after", ())))
    return bool(pattern and pattern.search(" ".join(right)))


def live_matches(pattern: re.Pattern | None, text: str, checklists, negatable: bool = True) -> list[re.Match]:
    return list(iter_live(pattern, text, checklists, negatable))


def iter_live(pattern: re.Pattern | None, text: str, checklists, negatable: bool = True) -> Iterator[re.Match]:
    """``live_matches`` one at a time: a caller wanting the first is spared the negation tests of the rest."""
    if pattern is None:
        return
    for m in pattern.finditer(text):
        if not (negatable and is_negated(text, m.start(), m.end(), checklists)):
            yield m
