"""The grammar of hour figures: patterns assembled from ``checklists/data/hours.yaml`` (number
words from dates.yaml), and ``parse_number``. ``audit.extract.hours`` reads the figures with it.

Each pattern is a flat sequence of bounded pieces, linear in the text; they run
case-sensitively over the folded (lower-cased, same length) text.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from audit.extract.spans import first_chars, number_words, vocabulary, word_patterns, words_pattern, words_trie

# --------------------------------------------------------------------------- grammar


@dataclass(frozen=True)
class _Grammar:
    numbers: Mapping[str, int]
    units: Mapping[str, str]  # lower-case unit phrase (spaces collapsed) -> unit
    figure: re.Pattern[str]
    no_limit: re.Pattern[str]
    roles: re.Pattern[str]
    role_of: Mapping[str, str]
    step: re.Pattern[str]
    anchor: re.Pattern[str]
    no_limit_key: re.Pattern[str]
    short_hour_words: frozenset[str]
    half_day_hours: float
    bare_min: float
    bare_max: float
    max_rate: Mapping[str, float]  # per_day / per_week -> the largest plausible figure


def _unit_key(text: str) -> str:
    return "".join(text.lower().split())


@lru_cache(maxsize=1)
def grammar() -> _Grammar:
    v = vocabulary("hours")
    numbers = number_words()
    roles = {str(w).lower(): role for role, words in v["roles"].items() for w in words}
    return _Grammar(
        numbers=numbers,
        units={_unit_key(p): unit for unit, phrases in v["units"].items() for p in phrases},
        figure=re.compile(_figure_pattern(v, numbers)),
        no_limit=re.compile(_no_limit_pattern(v)),
        roles=re.compile(rf"(?=[{first_chars(roles)}])\b(?:{words_trie(roles)})\b"),  # runs on folded text
        role_of=roles,
        step=re.compile(_step_pattern(v)),
        anchor=re.compile(_anchor_pattern(v)),
        no_limit_key=re.compile(re.escape(str(v["no_limit_key"]))),
        short_hour_words=frozenset(str(x) for x in v["short_hour_words"]),
        half_day_hours=float(v["half_day_hours"]),
        bare_min=float(v["bare_weekly_min"]),
        bare_max=float(v["bare_weekly_max"]),
        max_rate={"per_day": float(v["max_per_day"]), "per_week": float(v["max_per_week"])},
    )


def _anchor_pattern(v: Mapping[str, Any]) -> str:
    """An hour word anchors a window; a short one ("u", "hr") only with a unit after it ("20 u/wk").

    Each short word carries its own copy of the unit lookahead, so that every branch starts
    with a literal character and the regex engine skips in C to the positions holding one
    (``(?:hr|u)(?=x)`` and ``hr(?=x)|u(?=x)`` match the same, in the same order).
    """
    long_words = [x for x in v["hour_words"] if x not in v["short_hour_words"]]
    words = words_pattern([*long_words, *(p.split()[0] for p in v["half_day_words"]), *v["weekly_adjectives"]])
    units = words_pattern(p for ps in v["units"].values() for p in ps)
    unit_after = rf"(?=\.?[ \t]*(?:{units}))"
    short = "|".join(f"{word}{unit_after}" for word in word_patterns(v["short_hour_words"]))
    return rf"(?:{words}|{short})(?![^\W\d_])"


def _no_limit_pattern(v: Mapping[str, Any]) -> str:
    """The no-limit phrases, their words joined by any separator ("Urenbeperking: nee")."""
    key = str(v["no_limit_key"])
    if not all(key in str(p) for p in v["no_limit_phrases"]):
        raise ValueError(f"hours.yaml: every no_limit_phrase must contain no_limit_key {key!r}")
    phrases = (r"[\s|:,-]+".join(map(re.escape, str(p).split())) for p in v["no_limit_phrases"])
    return rf"(?=[{first_chars(v['no_limit_phrases'])}])(?<!\w)(?:{'|'.join(phrases)})(?!\w)"


def _step_pattern(v: Mapping[str, Any]) -> str:
    """A schedule step label: "week 1-2:", "Week 3 t/m 4 |", "vanaf week 5"."""
    week = words_pattern(v["step_week_words"])
    return (rf"(?<!\w)(?P<from>(?:{words_pattern(v['step_from_words'])})\s+)?(?:{week})"
            rf"\s*(?P<a>\d{{1,2}})(?!\d)(?:\s*(?:{words_pattern(v['step_range_words'])})\s*(?:(?:{week})\s*)?"
            rf"(?P<b>\d{{1,2}})(?!\d))?[ \t]*[:|]?\s*")


def _figure_pattern(v: Mapping[str, Any], numbers: Mapping[str, int]) -> str:
    """One pattern for every figure form, so the text is scanned once (runs on folded text).

    Branches, tried in this order at each position (the longer form first):
    total ("totaal 12 uur", not followed by a unit), a number with an optional middle part — times ("2 x 3"),
    parts ("twee dagdelen van 4"), range ("4 à 6") — then the hour word and an optional unit,
    half days ("halve dagen", "drie halve dagen") and weekly adjectives ("32-urige werkweek").
    """
    w = words_trie  # case-sensitive over folded text: shared beginnings written once (speed)
    num = rf"(?:\d{{1,3}}(?:[.,]\d{{1,2}})?(?:\s?½)?|½|{w(numbers)})"
    hour_words = w(v["hour_words"])

    units = w(p for ps in v["units"].values() for p in ps)
    unit_ahead = rf"\.?[ \t]*\n?[ \t]*(?:{units})(?![^\W\d_])"  # "20 u. per week"

    def unit(name: str) -> str:
        return rf"(?:\.?[ \t]*\n?[ \t]*(?P<{name}>{units})(?![^\W\d_]))?"

    per_week = rf"(?:{w(v['part_per_week'])})\s+"
    joiner = rf"(?:{w(v['part_joiners'])})\s+"
    middle = (rf"(?:\s?(?P<times>{w(v['times_words'])})\s?(?:{per_week})?(?P<tm>{num})"  # "3 keer per week 2 uur"
              rf"|\s+(?P<parts>{w(v['part_nouns'])})\s+(?:{per_week}(?:{joiner})?|{joiner})(?P<pm>{num})"
              rf"|\s?(?P<range>{w(v['range_words'])})\s?(?P<rm>{num}))?")
    leads = [*numbers, *v["total_words"], *v["half_day_words"]]
    starts = first_chars([*leads, *"0123456789½"])
    # every branch begins with a digit, "½" or a whole lead word: checking that once rejects
    # a word start ("de", "van") with one trie walk instead of four failing branches
    return (rf"(?=[{starts}])(?<![\w.,:/-])(?=\d|½|{w(leads)})(?:"
            # "in totaal 25 uur in de week" is a weekly figure: a total only without a unit after it
            rf"(?P<total>{w(v['total_words'])})\s*:?\s*(?P<tn>{num})\s*(?:{hour_words})(?![^\W\d_])(?!{unit_ahead})"
            rf"|(?P<n>{num}){middle}\s*(?P<hw>{hour_words})(?![^\W\d_]){unit('unit')}"
            rf"|(?:(?P<hn>{num})\s+)?(?P<half>{w(v['half_day_words'])})(?![^\W\d_]){unit('hunit')}"
            rf"|(?P<an>{num})[ \t-]?(?P<adj>{w(v['weekly_adjectives'])})(?![^\W\d_]))")


# --------------------------------------------------------------------------- numbers and units

_TIME_OF_DAY = re.compile(r"\d{1,2}[.:]\d\d")


def parse_number(text: str, g: _Grammar | None = None) -> float | None:
    """'4' -> 4.0, '2,5' -> 2.5, '2½' -> 2.5, 'vier' -> 4.0; a time of day '10.00' -> None."""
    if g is None or g is grammar():
        return _number_of(text)  # the same few figures recur in every document
    return _parse_number(text, g)


@lru_cache(maxsize=1024)
def _number_of(text: str) -> float | None:
    return _parse_number(text, grammar())


def _parse_number(text: str, g: _Grammar) -> float | None:
    t = text.strip().lower()
    if t in g.numbers:
        return float(g.numbers[t])
    half = 0.5 if t.endswith("½") else 0.0
    t = t.rstrip("½").strip()
    if not t:
        return half or None
    if _TIME_OF_DAY.fullmatch(t):
        return None  # "10.00 uur" is a time of day
    return float(t.replace(",", ".")) + half
