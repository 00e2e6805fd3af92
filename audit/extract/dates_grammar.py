"""The grammar of dates and week references: patterns assembled from the word lists in
``checklists/data/dates.yaml``. ``audit.extract.dates`` reads dates and weeks with it.

Each pattern is a flat sequence of bounded pieces (no nested quantifiers), so matching stays
linear in the text. Word lists in patterns that run case-sensitively over folded text are
written as tries (``words_trie``): the same matches, found faster.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from audit.extract.spans import first_chars, number_words, vocabulary, words_pattern, words_trie

@dataclass(frozen=True)
class _Grammar:
    months: Mapping[str, int]
    full_months: frozenset[str]
    ocr: Mapping[str, str]
    ocr_anchor: re.Pattern[str]
    ocr_needs_digit: bool  # no year in [year_min, year_max] can be written with OCR letters alone
    short_year_seps: frozenset[str]
    year_min: int
    year_max: int
    century: int
    patterns: Mapping[str, re.Pattern[str]]
    month_word: re.Pattern[str]  # any month word: the "text" pattern cannot match without one
    weeks: re.Pattern[str]  # every week form in one alternation
    numbers: Mapping[str, int]
    week_anchor: re.Pattern[str]
    weekday: re.Pattern[str]
    weekdays: Mapping[str, int]
    join: re.Pattern[str]  # what joins two full dates into a range
    label_end: re.Pattern[str]


@lru_cache(maxsize=1)
def grammar() -> _Grammar:
    v = vocabulary("dates")
    months = {str(w).lower(): int(n) for n, forms in v["months"].items() for w in forms}
    full = frozenset(str(forms[0]).lower() for forms in v["months"].values())
    # Patterns start with "(?=\d)": a cheap test that fails at most positions before any
    # branch is tried (Python's engine skips ahead in C only for a first item that consumes a
    # character, not for a look-ahead). "text" runs case-sensitively over the folded text: its
    # word lists are tries.
    month = rf"(?P<mon>{words_trie(months)})(?P<dot>\.)?(?![^\W\d_])"
    month1 = rf"(?P<mon1>{words_trie(months)})\.?(?![^\W\d_])"
    rng = f"(?:{words_trie(v['range_words'])})"
    year = r"(?:(?:[\s,]{1,3}|-)(?P<year>(?:1[89]|2\d)\d\d|'\d\d|(?<=-)\d\d)(?!\d))?"  # "3 jan 2024", "3-jan-24"
    sep = "".join(re.escape(s) for s in v["separators"])
    ocr = {str(k): str(d) for k, d in v["ocr_digits"].items()}
    letters = "".join(re.escape(k) for k in ocr if k != "|")  # "|" is a table border, never a digit
    od = f"[0-9{letters}]"
    year_letters = "".join(re.escape(k) for k, d in ocr.items() if d in "12" and k != "|")
    suffix = f"(?:{words_trie(v['day_suffixes'])})?"
    day = rf"(?P<day>[0-3]?\d|[1-3] \d){suffix}"
    patterns = {
        # "(maandag) 4 maart 2024", "3 jan. 2024", "29 april", "12-mrt-2024"; OCR "1 4 maart" = 14 maart;
        # with an optional range before it: "1 t/m 14 maart 2024", "1-14 maart", "28 februari t/m 3 maart".
        # A weekday before the day is allowed and left out of the text.
        "text": re.compile(
            rf"(?=\d)(?<![\w/.,-])(?:(?P<day1>[0-3]?\d){suffix}\s*(?:{month1}\s*)?{rng}\s*)?"
            rf"{day}(?:[ \t]{{0,2}}|-){month}{year}"),
        # "2024-01-03", "2024/01/03"; else "03-01-2024", "3-1-24", "3/1/2024", "03.01.2024"
        # (the same separator twice). One alternation: one pass over the text.
        "numeric": re.compile(
            r"(?=\d)(?:(?<![\w.,/-])(?P<i_year>(?:1[89]|2\d)\d\d)(?P<i_sep>[-/])(?P<i_mon>[01]?\d)(?P=i_sep)"
            r"(?P<i_day>[0-3]?\d)(?![\w/-])"
            rf"|(?<![\w,])(?<!\d[{sep}])(?P<day>[0-3]?\d)(?P<sep>[{sep}])(?P<mon>[01]?\d)(?P=sep)"
            rf"(?P<year>\d{{4}}|\d\d)(?!\d)(?![{sep}]\d))"),
        # scans: "O3-01-2024", "l2-03-2024"
        "ocr": re.compile(
            rf"(?={od})(?<![\w,])(?=[0-9{sep}]{{0,9}}[{letters}])(?P<day>{od}?{od})(?P<sep>[{sep}])"
            rf"(?P<mon>{od}?{od})(?P=sep)(?P<year>[12{year_letters}]{od}{{3}})(?![\w])"),
    }
    weeks = v["weeks"]
    weekdays = {str(d).lower(): i % 7 for i, d in enumerate(v["weekdays"])}  # maandag..zondag, ma..zo
    return _Grammar(
        months=months, full_months=full, ocr=ocr,
        # a letter read for a digit sits next to a digit or a separator: "O3-01", "12-O3", "2O24"
        ocr_anchor=re.compile(rf"[{letters}](?:(?<=[0-9{sep}].)|(?=[0-9{sep}]))"),
        ocr_needs_digit=_ocr_needs_digit(ocr.values(), int(v["year_min"]), int(v["year_max"])),
        short_year_seps=frozenset(v["two_digit_year_separators"]),
        year_min=int(v["year_min"]), year_max=int(v["year_max"]), century=int(v["two_digit_century"]),
        patterns=patterns, month_word=re.compile(words_trie(months)), weeks=_week_pattern(v), numbers=number_words(),
        week_anchor=re.compile(words_trie([*weeks["week_words"], *weeks["plural_words"], *weeks["ordinal_nouns"]])),
        weekday=re.compile(rf"(?<!\w)(?P<wd>{words_pattern(weekdays)})\.?,?\s+$", re.I),
        weekdays=weekdays,
        join=re.compile(rf"\s*(?:{words_pattern(v['range_words'])})\s*$", re.I),
        label_end=_label_end(),
    )


def _ocr_needs_digit(letter_digits: Iterable[str], year_min: int, year_max: int) -> bool:
    """Whether an OCR-damaged date needs a real digit: its four-character year becomes a year
    in the window only where one of its digits is written as a digit ("lO-Ol-2O24": the 2).
    A text without any digit then holds no OCR date, and the OCR scan can be left out."""
    readable = set(letter_digits)
    return not any(set(str(year)) <= readable for year in range(year_min, year_max + 1))


def _label_end() -> re.Pattern[str]:
    """What follows a schedule row's week label: a cell border, a colon or the hours."""
    h = vocabulary("hours")
    hours = words_pattern([*h["times_words"], *h["hour_words"]])
    return re.compile(rf"[ \t]*[:|]|[ \t]+\d{{1,3}}(?:[.,]\d{{1,2}})?[ \t]*(?:{hours})(?![^\W\d_])", re.I)


def prefixed(pattern: str, prefix: str) -> str:
    """The pattern with its group names prefixed, so several can be joined in one alternation."""
    pattern = re.sub(r"\(\?P<(\w+)>", rf"(?P<{prefix}\1>", pattern)
    return re.sub(r"\(\?P=(\w+)\)", rf"(?P={prefix}\1)", pattern)


def _week_pattern(v: Mapping[str, Any]) -> re.Pattern[str]:
    """One alternation of the week forms; the outer group names the form (``m.lastgroup``).

    Every form starts a word with a digit, a number word or one of its lead words: the
    leading ``(?=[...])(?<!\\w)`` rejects every other position before the four branches are
    tried (each branch keeps its own checks, so what matches is unchanged; 2-3x faster).
    A word start passes on only when a whole lead word (or a digit) begins there: one trie
    walk rejects "de", "en", "van" instead of four failing branches (about 25% faster).
    """
    w = v["weeks"]
    leads = [*w["calendar_words"], *w["from_words"], *w["week_words"], *number_words()]
    starts = first_chars([*leads, *"0123456789"])
    forms = "|".join(f"(?P<{key}>{prefixed(p, key + '__')})" for key, p in _week_forms(v).items())
    return re.compile(rf"(?=[{starts}])(?<!\w)(?=\d|{words_trie(leads)})(?:{forms})")


def _week_forms(v: Mapping[str, Any]) -> dict[str, str]:
    """The week forms; they run case-sensitively over folded text, so word lists are tries."""
    w = v["weeks"]
    nums = words_trie(number_words())
    ords = words_trie(w["ordinal_suffixes"])
    rng = words_trie([*v["range_words"], *w["and_words"]])
    return {
        # "kalenderweek 12", "weeknummer 12 (2024)"
        "calendar": (
            rf"(?<!\w)(?:{words_trie(w['calendar_words'])})\s*(?P<n>\d{{1,2}})(?!\d)"
            rf"(?:\s*(?:{words_trie(w['calendar_year_joiners'])})?\s*\(?(?P<year>(?:19|20)\d\d)(?!\d)\)?)?"),
        # "week 42", "wk 12 2024", "week 12 van 2024", "week 46 tot en met 52", "vanaf week 5"
        "week": (
            rf"(?<!\w)(?P<from>(?:{words_trie(w['from_words'])})\s+)?(?:{words_trie(w['week_words'])})\.?"
            rf"\s*(?P<n>\d{{1,3}})(?![\d,.]\d)"
            rf"(?:\s*(?:{rng})\s*(?:(?:{words_trie(w['week_words'])})\s*)?(?P<n2>\d{{1,3}})(?!\d))?"
            rf"(?:\s*(?:{words_trie(w['calendar_year_joiners'])})?\s*\(?(?P<year>(?:19|20)\d\d)(?!\d)\)?)?"
            rf"(?P<tail>\s+(?:{words_trie(w['sick_leave_tails'])})(?!\w))?"),
        # "52e ziekteweek", "42e week", "42e-weeksmelding"
        "ordinal": (
            rf"(?<!\w)(?P<n>\d{{1,3}})(?:{ords})[\s-]?(?:{words_trie(w['ordinal_nouns'])})(?![^\W\d_])"),
        # "na 6 weken", "zes weken"
        "duration": (rf"(?<!\w)(?P<n>\d{{1,3}}|{nums})\s+(?:{words_trie(w['plural_words'])})(?!\w)"),
    }
