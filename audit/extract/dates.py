"""Dutch dates and week references in text: ``find_dates``, ``find_weeks``, ``dates_in_document``.

An explicit grammar, day-month-year only: dateparser reads "4 uur per dag" as a time and
misses week numbers (../shared/LESSONS.md item 8), so it is not used. Every pattern is
assembled in ``audit.extract.dates_grammar`` from the word lists in ``checklists/data/dates.yaml``;
each is a flat sequence of bounded pieces (no nested quantifiers), so matching stays linear.

Candidates from all patterns are merged leftmost-longest; a date without a year takes the
year that puts it nearest to the closest full date written before it (else after it, else
``ref``), and is marked ``year_inferred``.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from audit.extract.dates_grammar import _Grammar, grammar
from audit.extract.spans import anchor_windows, finditer_windows, fold, number_words, quote_around, vocabulary
from audit.model import DateFact, Document, WeekFact

__all__ = ["dates_in_document", "find_dates", "find_weeks", "nearest_year", "number_words", "vocabulary"]

OCR_WINDOW = 12  # chars either side of a letter-for-digit that an OCR-damaged date can span
WEEK_WINDOW = 60  # chars either side of "week"/"weken" that a week reference can span


# --------------------------------------------------------------------------- raw matches


class _Raw(NamedTuple):
    """A date as read, before a missing year is resolved (a tuple: made for every match)."""

    start: int
    end: int
    text: str
    day: int
    month: int
    year: int | None
    end_day: int | None = None
    end_month: int | None = None
    end_year: int | None = None  # only when written: "01-03-2024 t/m 14-04-2025"
    weekday: int | None = None  # 0 = maandag, when written before a date without a year


def _year(text: str | None, g: _Grammar) -> int | None:
    if not text:
        return None
    digits = text.lstrip("'")
    year = int(digits) + (g.century if len(digits) == 2 else 0)
    return year if g.year_min <= year <= g.year_max else -1


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        date(year or 2000, month, day)  # 2000 is a leap year: 29 februari without a year passes
    except ValueError:
        return False
    return year != -1


def _day(text: str) -> int:
    return int(text.replace(" ", ""))


def _month_word(m: re.Match[str], key: str, g: _Grammar, source: str) -> int | None:
    """An abbreviation without a year must be lower case ("6 Jan" may be a name)."""
    word = source[m.start(key):m.end(key)]
    month = g.months[word.lower()]
    abbreviated = word.lower() not in g.full_months
    if abbreviated and m.group("year") is None and word != word.lower():
        return None
    return month


def _text_end(m: re.Match[str], g: _Grammar) -> int:
    """A dot after a full month name ends the sentence; after an abbreviation it is part of it."""
    if m.group("year"):
        return m.end("year")
    abbreviated = m.group("mon").lower() not in g.full_months
    return m.end("dot") if abbreviated and m.group("dot") else m.end("mon")


def _from_text(m: re.Match[str], g: _Grammar, source: str) -> _Raw | None:
    month = _month_word(m, "mon", g, source)
    day, year = _day(m.group("day")), _year(m.group("year"), g)
    if month is None or not _valid(year, month, day):
        return None
    start, end = m.start("day"), _text_end(m, g)
    weekday = None if year else _weekday_before(m.string, start, g)
    return _Raw(start, end, source[start:end], day, month, year, weekday=weekday)


def _weekday_before(text: str, start: int, g: _Grammar) -> int | None:
    m = g.weekday.search(text, max(0, start - 16), start)
    return g.weekdays[m.group("wd").lower()] if m else None


def _from_text_or_range(m: re.Match[str], g: _Grammar, source: str) -> _Raw | None:
    """A range when it has one ("1 t/m 14 maart"), else (or when the range is impossible)
    the single date at its end."""
    return (_from_range(m, g, source) if m.group("day1") else None) or _from_text(m, g, source)


def _from_range(m: re.Match[str], g: _Grammar, source: str) -> _Raw | None:
    end_month = _month_word(m, "mon", g, source)
    if end_month is None or " " in m.group("day"):
        return None
    month = g.months[m.group("mon1").lower().rstrip(".")] if m.group("mon1") else end_month
    day, end_day, year = int(m.group("day1")), _day(m.group("day")), _year(m.group("year"), g)
    if not (_valid(year, month, day) and _valid(year, end_month, end_day)):
        return None
    if (month, day) >= (end_month, end_day):
        return None  # "14-1 maart" is no range; a year-crossing range names both years
    end = _text_end(m, g)
    return _Raw(m.start(), end, source[m.start():end], day, month, year, end_day, end_month)


def _from_numeric(m: re.Match[str], g: _Grammar, source: str, ocr: bool = False) -> _Raw | None:
    prefix = "i_" if "i_year" in m.re.groupindex and m.group("i_year") else ""  # the ISO branch
    parts = [m.group(prefix + k) for k in ("day", "mon", "year")]
    if ocr:
        if all(p.isdigit() for p in parts):
            return None  # already read by the plain numeric pattern
        parts = ["".join(g.ocr.get(c, c) for c in p) for p in parts]
    if len(parts[2]) == 2 and m.group(prefix + "sep") not in g.short_year_seps:
        return None
    day, month, year = int(parts[0]), int(parts[1]), _year(parts[2], g)
    if year is None or not _valid(year, month, day):
        return None
    return _Raw(m.start(), m.end(), m.group(0), day, month, year)


_DIGIT = re.compile(r"\d")


def scan_dates(text: str) -> list[_Raw]:
    """Every date in ``text``, leftmost-longest, years not yet resolved."""
    g = grammar()
    found: list[_Raw] = []
    digits = _DIGIT.search(text) is not None
    if digits:  # both patterns start with a digit: a third of a report's blocks has none
        folded = fold(text)
        if g.month_word.search(folded):  # a written date holds a month word; most blocks with digits have none
            found += [_from_text_or_range(m, g, text) for m in g.patterns["text"].finditer(folded)]
        found += [_from_numeric(m, g, text) for m in g.patterns["numeric"].finditer(text)]
    if digits or not g.ocr_needs_digit:  # else every OCR match would read as a year out of range
        ocr_windows = anchor_windows(text, g.ocr_anchor, OCR_WINDOW, OCR_WINDOW)
        found += [_from_numeric(m, g, text, ocr=True) for m in finditer_windows(g.patterns["ocr"], text, ocr_windows)]
    if not found:
        return found
    found = [raw for raw in found if raw is not None]
    return _link_full_ranges(text, _leftmost_longest(found))


def _leftmost_longest(found: list[_Raw]) -> list[_Raw]:
    kept: list[_Raw] = []
    for raw in sorted(found, key=lambda r: (r.start, -(r.end - r.start))):
        if not kept or raw.start >= kept[-1].end:
            kept.append(raw)
    return kept


def _link_full_ranges(text: str, raws: list[_Raw]) -> list[_Raw]:
    """'01-03-2024 t/m 14-04-2024': the first date gets the second as its end (both are kept)."""
    out = list(raws)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        joined = b.start - a.end <= 12 and grammar().join.match(text, a.end, b.start) is not None
        if a.end_day is None and a.year and b.year and joined:
            if date(a.year, a.month, a.day) < date(b.year, b.month, b.day):
                out[i] = a._replace(end_day=b.day, end_month=b.month, end_year=b.year)
    return out


# --------------------------------------------------------------------------- years


def nearest_year(month: int, day: int, ref: date, weekday: int | None = None) -> date | None:
    """The date with this day and month nearest to ``ref`` (the year before, of or after it);
    with a written weekday ("maandag 4 maart"), a year where that day is that weekday wins."""
    options = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    matching = [d for d in options if weekday is not None and d.weekday() == weekday]
    return min(matching or options, key=lambda d: abs((d - ref).days), default=None)


def _end_date(raw: _Raw, start: date) -> date | None:
    if raw.end_day is None or raw.end_month is None:
        return None
    try:
        return date(raw.end_year or start.year, raw.end_month, raw.end_day)
    except ValueError:
        return None


def _last_seen(values: Sequence[date | None]) -> list[date | None]:
    """For each position, the last non-None value at or before it."""
    out, last = [], None
    for v in values:
        last = v or last
        out.append(last)
    return out


def resolve(raws: Sequence[_Raw], ref: date | None) -> list[tuple[_Raw, date, date | None, bool]]:
    """Each raw date with its value, end and whether the year was inferred.

    A missing year comes from the nearest full date before the mention, else the first after
    it, else ``ref``; without any of them the mention is dropped (a wrong year is worse).
    """
    return [(raws[i], value, end, inferred) for i, value, end, inferred in _resolved(raws, ref)]


def _resolved(raws: Sequence[_Raw], ref: date | None) -> list[tuple[int, date, date | None, bool]]:
    """``resolve`` with the index of each raw date instead of the raw date itself."""
    full = [date(r.year, r.month, r.day) if r.year else None for r in raws]
    before, after = _last_seen(full), _last_seen(full[::-1])[::-1]
    out = []
    for i, raw in enumerate(raws):
        if full[i] is not None:
            value, inferred = full[i], False
        else:
            anchor = before[i] or after[i] or ref
            value = nearest_year(raw.month, raw.day, anchor, raw.weekday) if anchor else None
            inferred = True
        if value is not None:
            out.append((i, value, _end_date(raw, value), inferred))
    return out


# --------------------------------------------------------------------------- public API


def find_dates(text: str, page: int, *, ref: date | None = None) -> list[DateFact]:
    """Every date mentioned in ``text``; the quote is the sentence (or table row) around it."""
    return [
        DateFact(value=value, text=raw.text.strip(), page=page, quote=quote_around(text, raw.start, raw.end),
                 end=end, year_inferred=inferred)
        for raw, value, end, inferred in resolve(scan_dates(text), ref)
    ]


def find_weeks(text: str, page: int, *, document: str = "") -> list[WeekFact]:
    """Week references: sick-leave weeks, calendar weeks and durations; never dates."""
    g = grammar()
    found: list[tuple[int, int, WeekFact]] = []
    folded = fold(text)  # week patterns are case-sensitive over the folded text (spans index both)
    windows = anchor_windows(folded, g.week_anchor, WEEK_WINDOW, WEEK_WINDOW)
    for m in finditer_windows(g.weeks, folded, windows):
        fact = _week_fact(m.lastgroup, m, text, page, document)
        if fact is not None:
            found.append((m.start(), m.end(), fact))
    return [fact for _, _, fact in found]


# a schedule or plan row starts its line with the week label, then a cell border, a colon or
# straight away the hours ("Week 1-2 | 2 x 2 uur", "week 3-4: 3 x 3 uur", "Week 1-2 3 x 4 uur")
_ROW_START = re.compile(r"(?:^|\n)[ \t]*$")


def _week_fact(key: str, m: re.Match[str], text: str, page: int, document: str = "") -> WeekFact | None:
    g = grammar()
    groups = {name: value for name, value in zip(_week_groups(key), m.group(*_week_group_names(key)))
              if value is not None}
    raw_n = groups["n"]
    n = g.numbers.get(raw_n.lower()) if not raw_n.isdigit() else int(raw_n)
    if not n:
        return None
    year = int(groups["year"]) if groups.get("year") else None
    end = int(groups["n2"]) if groups.get("n2") else None
    if key == "week" and _is_schedule_label(m, text, end, bool(groups.get("from"))):
        return None  # "Week 1-2 | 4 x 3 uur": a step of a schedule or plan, not a week of sick leave
    if key in ("calendar", "week") and (key == "calendar" or year) and not groups.get("tail"):
        kind, limit = "calendar", 53
    elif key == "duration":
        kind, limit = "duration", 520
    else:
        kind, limit = "sick_leave", 200
    if n > limit or (end is not None and not n < end <= limit):
        return None
    return WeekFact(week=n, kind=kind, text=text[m.start():m.end()].strip(), page=page,
                    quote=quote_around(text, m.start(), m.end()),
                    year=year if kind == "calendar" else None, end=end, document=document)


@lru_cache(maxsize=16)
def _week_group_names(key: str) -> tuple[str, ...]:
    """The week pattern's group names of one form ("week__n", ...), with a dummy pair so that
    ``m.group(*names)`` always returns a tuple."""
    names = tuple(n for n in grammar().weeks.groupindex if n.startswith(key + "__"))
    return names if len(names) > 1 else (*names, key)


@lru_cache(maxsize=16)
def _week_groups(key: str) -> tuple[str, ...]:
    """The same names without the form prefix ("n", "year", ...); the dummy pair gets a name no form uses."""
    return tuple(n.split("__", 1)[1] if "__" in n else "__form" for n in _week_group_names(key))


def _is_schedule_label(m: re.Match[str], text: str, end: int | None, open_ended: bool) -> bool:
    if end is None and not open_ended:
        return False
    at_row_start = _ROW_START.search(text, max(0, m.start() - 40), m.start()) is not None
    return at_row_start and grammar().label_end.match(text, m.end()) is not None


def dates_in_document(doc: Document) -> tuple[list[DateFact], list[WeekFact]]:
    """Every date and week in the document's non-furniture blocks (table cells included)."""
    raws: list[tuple[int, str, _Raw]] = []  # (page, quote, raw)
    weeks: list[WeekFact] = []
    read: dict[str, tuple[list[tuple[str, _Raw]], list[WeekFact]]] = {}  # per text: a repeated block is read once
    for page in doc.pages:
        for block in page.blocks:
            if block.is_furniture or not block.text:
                continue
            number = block.page or page.number
            if block.text not in read:
                read[block.text] = _read_block(block.text, number, doc.path)
            quoted, block_weeks = read[block.text]
            raws += [(number, quote, r) for quote, r in quoted]
            weeks += [w if w.page == number else _on_page(w, number) for w in block_weeks]
    full = [date(r.year, r.month, r.day) for _, _, r in raws if r.year]
    ref = max(full) if full else None
    facts: list[DateFact] = []
    seen: set[tuple] = set()
    for i, value, end, inferred in _resolved([r for _, _, r in raws], ref):
        number, quote, raw = raws[i]
        key = (value, raw.text.strip(), number, quote)
        if key not in seen:  # a repeated mention is not built twice
            seen.add(key)
            facts.append(DateFact(value=value, text=key[1], page=number, quote=quote, end=end,
                                  year_inferred=inferred, document=doc.path))
    return facts, _unique_weeks(weeks)


def _read_block(text: str, page: int, document: str) -> tuple[list[tuple[str, _Raw]], list[WeekFact]]:
    """A block's dates with their quotes (taken while its sentence ends are at hand) and weeks."""
    quoted = [(quote_around(text, r.start, r.end), r) for r in scan_dates(text)]
    return quoted, find_weeks(text, page, document=document)


def _on_page(week: WeekFact, page: int) -> WeekFact:
    """``dataclasses.replace(week, page=page)`` without its per-field checks (every field of a
    WeekFact is an init field): a block repeated on every page gives one per page."""
    return WeekFact(**{**vars(week), "page": page})


def _unique_weeks(weeks: list[WeekFact]) -> list[WeekFact]:
    seen: set[tuple] = set()
    out = []
    for w in weeks:
        key = (w.week, w.kind, w.text, w.page, w.quote)
        if key not in seen:
            seen.add(key)
            out.append(w)
    return out
