"""Hour figures in text: ``find_hours`` and ``hours_in_document``.

Each figure is normalised to per_day / per_week / total (corpus convention, see
../shared/corpus/README.md: "N x M uur" is N*M per week; a day counts 5 per week). A range
"4 à 6 uur" keeps ``low`` and ``high`` and takes ``value = low``: the figure the text
guarantees; rules that need the upper bound read ``high``. A bare "N uur" without a unit is
kept only as a weekly figure next to a role word and when N is too large for one day
(``bare_weekly_min`` in hours.yaml); small bare figures ("staan maximaal een uur") are dropped,
since a unitless figure would be read as weekly by ``HoursFact.per_week``. Times of day
("om 10.00 uur") are never hours.

An urenopbouwschema ("week 1-2: 2 x 2 uur, week 3-4: 3 x 3 uur", also as table rows) gives
one fact per step figure, and the first step's fact carries the whole schedule as ``steps``.

Patterns are assembled from ``checklists/data/hours.yaml`` in ``audit.extract.hours_grammar``
(number words from dates.yaml); each is a flat sequence of bounded pieces, linear in the text.
They run case-sensitively over the folded (lower-cased, same length) text and only in windows
around hour words: that is what keeps a scan fast (see benchmarks/extract.py).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from audit.extract.hours_grammar import _Grammar, _unit_key, grammar, parse_number
from audit.extract.spans import anchor_windows, context_span, finditer_windows, fold, quote_in_span, vocabulary
from audit.model import Document, HoursFact, HoursStep, Section

__all__ = ["find_hours", "grammar", "hours_in_document", "parse_number", "role_of_title", "roles_near",
           "vocabulary"]  # grammar and parse_number live in hours_grammar; imported from here too


# --------------------------------------------------------------------------- figures


class _Hit(NamedTuple):
    """A figure as read, before its sentence gives it a role (a tuple: made for every match)."""

    start: int
    end: int
    value: float | None
    unit: str | None
    limit: str | None = None
    low: float | None = None
    high: float | None = None


def _read(m: re.Match[str], g: _Grammar) -> _Hit | None:
    """A figure match as a hit; None when it is not an hour figure (a time of day, "4 u")."""
    groups = m.groupdict()
    a, b = m.span()
    if groups["total"]:
        n = parse_number(groups["tn"], g)
        return _Hit(a, b, n, "total") if n else None
    if groups["adj"]:
        n = parse_number(groups["an"], g)
        return _Hit(a, b, n, "per_week") if n else None
    if groups["half"]:
        unit = g.units.get(_unit_key(groups["hunit"] or ""))
        if groups["hn"] is None:
            return _Hit(a, b, g.half_day_hours, unit or "per_day")
        n = parse_number(groups["hn"], g)
        return _Hit(a, b, n * g.half_day_hours, "per_week") if n else None
    n = parse_number(groups["n"], g)
    second = groups["tm"] or groups["pm"] or groups["rm"]
    mm = parse_number(second, g) if second else None
    unit = g.units.get(_unit_key(groups["unit"])) if groups["unit"] else None
    if not n or (second and not mm):
        return None
    if groups["times"] or groups["parts"]:
        return _Hit(a, b, n * mm, "per_week")
    if groups["hw"] in g.short_hour_words and unit is None:
        return None  # "4 u" alone is too short to trust
    if groups["range"]:
        return _Hit(a, b, n, unit, low=n, high=mm) if n < mm else None
    return _Hit(a, b, n, unit)


WINDOW_BEFORE, WINDOW_AFTER = 80, 40  # chars around an hour word that a figure can span
NO_LIMIT_REACH = 60  # chars around the no-limit key that a no-limit phrase can span
SCHEDULE_INTRO_REACH = 2  # blocks back to the sentence introducing a schedule (a heading may lie between)
STEP_LABEL_REACH = 40  # "vanaf week 12 t/m 14 | " is the longest step label


def _scan(text: str) -> list[_Hit]:
    """Every hour figure, leftmost-longest; unitless ones still have ``unit`` None.

    The figure pattern runs only in windows around hour words: a number-word alternation
    tried at every position of a long text is what makes a scan slow.
    """
    g = grammar()
    folded = fold(text)
    hits = [_Hit(m.start(), m.end(), None, None, limit="none")
            for m in finditer_windows(g.no_limit, folded, anchor_windows(folded, g.no_limit_key, NO_LIMIT_REACH,
                                                                          NO_LIMIT_REACH))]
    max_rate = g.max_rate
    for m in finditer_windows(g.figure, folded, anchor_windows(folded, g.anchor, WINDOW_BEFORE, WINDOW_AFTER)):
        hit = _read(m, g)
        if hit is not None and (hit.value or 0) <= max_rate.get(hit.unit, float("inf")):
            hits.append(hit)
    hits.sort(key=lambda h: (h.start, h.start - h.end))
    kept: list[_Hit] = []
    for h in hits:
        if not kept or h.start >= kept[-1].end:
            kept.append(h)
    return kept


# --------------------------------------------------------------------------- roles


def _role_marks(text: str, spans: Sequence[tuple[int, int]]) -> tuple[list[int], list[int], list[str]]:
    """The role words (starts, ends, roles) within the given context spans of the text."""
    g = grammar()
    folded = fold(text)
    marks = [(m.start(), m.end(), g.role_of[" ".join(m.group(0).split())])
             for m in finditer_windows(g.roles, folded, _merged(spans))]
    return [a for a, _, _ in marks], [b for _, b, _ in marks], [r for _, _, r in marks]


def _merged(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def roles_near(text: str, start: int, end: int, marks=None,
               span: tuple[int, int] | None = None) -> tuple[str | None, str | None]:
    """The role words nearest before and nearest after the figure, in its sentence or table row
    (``span``: that sentence or row when the caller has it already)."""
    s, e = span or context_span(text, start, end)
    starts, ends, roles = marks or _role_marks(text, [(s, e)])
    i = bisect_right(ends, start) - 1
    before = roles[i] if i >= 0 and starts[i] >= s else None
    j = bisect_left(starts, end)
    after = roles[j] if j < len(starts) and ends[j] <= e else None
    return before, after


@lru_cache(maxsize=256)
def role_of_title(title: str | None) -> str | None:
    """The role a section title or heading names; cached: a document repeats its titles per block."""
    if not title:
        return None
    m = grammar().roles.search(fold(title))
    return grammar().role_of[" ".join(m.group(0).lower().split())] if m else None


class _Reading(NamedTuple):
    """A hit with all that its block text alone decides: read once per distinct text."""

    hit: _Hit
    before: str | None  # the role word nearest before it in its sentence or row
    after: str | None  # ... and nearest after it
    text: str  # its words, whitespace collapsed
    quote: str
    label: re.Match[str] | None  # the schedule step label ending where it starts ("week 3-4:")


def _reading(text: str) -> list[_Reading]:
    """The hits of ``text`` with their role words, quotes and step labels. Each hit's sentence
    is found once, and a block text repeated in a document is read once (``hours_in_document``)."""
    hits = _scan(text)
    if not hits:
        return []
    g = grammar()
    folded = fold(text)
    spans = [context_span(text, h.start, h.end) for h in hits]
    marks = _role_marks(text, spans)
    return [_Reading(h, *roles_near(text, h.start, h.end, marks, span), " ".join(text[h.start:h.end].split()),
                     quote_in_span(text, span, h.start, h.end), _step_label(folded, h.start, g))
            for h, span in zip(hits, spans)]


class _Mention(NamedTuple):
    """A reading in one block, with the role and unit it gets there. Its fact is built only
    for the mentions that are kept: most repeat one read elsewhere in the document."""

    reading: _Reading
    page: int
    role: str | None
    unit: str | None
    steps: tuple[HoursStep, ...] = ()

    def fact(self, document: str) -> HoursFact:
        h, r = self.reading.hit, self.reading
        return HoursFact(value=h.value, unit=self.unit, text=r.text, page=self.page, quote=r.quote, role=self.role,
                         limit=h.limit, low=h.low, high=h.high, steps=self.steps, document=document)


def _finish(readings: Sequence[_Reading], g: _Grammar, page: int, title_role: str | None = None) -> list[_Mention]:
    """Each reading with its role (the word before, the section title or the word after);
    unitless figures become weekly or are dropped."""
    out = []
    for r in readings:
        h = r.hit
        role = r.before or title_role or r.after
        unit = h.unit
        if h.limit is None and unit is None:
            if not (role and role != "worked" and g.bare_min <= (h.value or 0) <= g.bare_max):
                continue
            unit = "per_week"
        if h.limit == "none" and role is None:
            role = "fml"  # an hour limit is what a belastbaarheid states
        out.append(_Mention(r, page, role, unit))
    return out


# --------------------------------------------------------------------------- schedules


@dataclass(frozen=True)
class _Step:
    block: int
    start: int
    step: HoursStep
    fact_index: int


def _step_label(folded: str, start: int, g: _Grammar) -> re.Match[str] | None:
    """The 'week 3-4:' label that ends right where a figure starts, if any."""
    reach = max(0, start - STEP_LABEL_REACH)
    # A label ends in a week number, then at most blanks, a ':' or '|' and blanks: without a
    # digit there no label can end here (most figures follow a word), so the pattern is not run.
    head = folded[reach:start].rstrip().rstrip(":|").rstrip()
    if not head[-1:].isdecimal():
        return None
    for m in g.step.finditer(folded, reach, start):
        if m.end() == start:
            return m
    return None


def _steps_in(block: int, mentions: Sequence[_Mention], offset: int) -> list[_Step]:
    """'week 3-4: 3 x 3 uur' labels directly followed by a figure of this block."""
    steps = []
    for i, mention in enumerate(mentions):
        m = mention.reading.label
        if m is None:
            continue
        per_week = mention.fact("").per_week  # the fact's own rule
        a = int(m.group("a"))
        b = int(m.group("b")) if m.group("b") else a
        if per_week is None or b < a:
            continue
        steps.append(_Step(block, m.start(), HoursStep(a, b, per_week, open_ended=bool(m.group("from"))), offset + i))
    return steps


def _schedules(steps: Sequence[_Step]) -> list[list[_Step]]:
    """Runs of steps in adjacent blocks whose weeks go up: each run of two or more is a schedule."""
    runs: list[list[_Step]] = []
    for s in steps:
        last = runs[-1][-1] if runs else None
        if last and s.block - last.block <= 1 and s.step.first_week > last.step.first_week:
            runs[-1].append(s)
        else:
            runs.append([s])
    return [r for r in runs if len(r) >= 2]


# --------------------------------------------------------------------------- public API


def find_hours(text: str, page: int) -> list[HoursFact]:
    """Every hour figure in ``text``, with the role its sentence shows; schedules as ``steps``."""
    mentions = _finish(_reading(text), grammar(), page)
    return [m.fact("") for m in _attach_schedules(mentions, _steps_in(0, mentions, 0))]


def _attach_schedules(mentions: list[_Mention], steps: Sequence[_Step],
                      places: Sequence[tuple[int, str | None]] | None = None) -> list[_Mention]:
    """Put each schedule on its first step's mention and give all its step mentions one role.

    ``places`` holds (block index, section-title role) per mention. A schedule's role is its
    section title's, else that of the figure that introduces it ("eindniveau 20 uur per week,
    te bereiken via onderstaand urenopbouwschema") up to two blocks back, else
    its first step's own: a table row's work description ("Aangepast werk") says what the
    weeks are filled with, not whose schedule it is.
    """
    places = places or [(0, None)] * len(mentions)
    for run in _schedules(steps):
        indices = [s.fact_index for s in run]
        role = _schedule_role(mentions, places, indices[0])
        for i in indices:
            mentions[i] = mentions[i]._replace(role=role)
        mentions[indices[0]] = mentions[indices[0]]._replace(steps=tuple(s.step for s in run))
    return mentions


def _schedule_role(mentions: Sequence[_Mention], places: Sequence[tuple[int, str | None]], first: int) -> str | None:
    block, title_role = places[first]
    if title_role:
        return title_role
    for i in range(first - 1, -1, -1):
        if places[i][0] < block - SCHEDULE_INTRO_REACH:
            break
        if mentions[i].role and mentions[i].role != "contract" and not mentions[i].steps:
            return mentions[i].role
    return mentions[first].role


def _section_titles(sections: Sequence[Section] | None) -> dict[int, str | None]:
    return {id(b): s.title for s in sections or () for b in s.blocks}


def hours_in_document(doc: Document, sections: Sequence[Section] | None = None) -> list[HoursFact]:
    """Every hour figure of the document's non-furniture blocks, each distinct reading once.

    The role comes from the sentence or table row, else from the section title or the last
    heading before the block ("Zoekprofiel", "Belastbaarheid", "Arbeidsduur", "Werkervaringsplek").
    """
    g = grammar()
    titles = _section_titles(sections)
    mentions: list[_Mention] = []
    places: list[tuple[int, str | None]] = []
    steps: list[_Step] = []
    blocks = [b for p in doc.pages for b in p.blocks if not b.is_furniture and b.text]
    heading_role = None  # the last heading's role: a form label ("Ongewijzigd:") may hide it as section title
    read: dict[str, list[_Reading]] = {}  # a block text repeated in the document is read once
    for index, block in enumerate(blocks):
        if block.kind == "heading":
            heading_role = role_of_title(block.text)
        title_role = role_of_title(titles.get(id(block))) or heading_role
        readings = read.get(block.text)
        if readings is None:
            readings = read[block.text] = _reading(block.text)
        found = _finish(readings, g, block.page, title_role)
        steps += _steps_in(index, found, len(mentions))
        mentions += found
        places += [(index, title_role)] * len(found)
    return [m.fact(doc.path) for m in _unique(_attach_schedules(mentions, steps, places))]


def _unique(mentions: list[_Mention]) -> list[_Mention]:
    """One mention per distinct text, reading and role; a mention with a schedule is always kept."""
    seen: set[tuple] = set()
    out = []
    for m in mentions:
        h = m.reading.hit
        key = (m.reading.text.lower(), h.value, m.unit, h.limit, m.role)
        if m.steps or key not in seen:
            seen.add(key)
            out.append(m)
    return out
