"""Properties of the date and week reader: any date rendered in each Dutch form reads back to
itself; no text makes the readers raise; long adversarial text takes linear time."""
from __future__ import annotations

import time
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.extract.dates import find_dates, find_weeks, vocabulary
from audit.extract.hours import find_hours

VOCAB = vocabulary("dates")
MONTH_FORMS = {int(n): [str(f) for f in forms] for n, forms in VOCAB["months"].items()}
WEEKDAYS = [str(w) for w in VOCAB["weekdays"][:7]]  # maandag .. zondag

SURROUNDINGS = [
    ("", ""), ("Datum: ", "."), ("De FML van ", " is leidend."), ("Spreekuur bedrijfsarts | ", " | verslag"),
    ("per ", ", zie bijlage"), ("d.d. ", ""), ("(", ")"), ("op ", "\nvolgende regel"),
]


def renderings(d: date) -> list[str]:
    """Every Dutch form of ``d`` that the corpus and the brief name."""
    full, *abbrevs = MONTH_FORMS[d.month]
    forms = [
        f"{d.day} {full} {d.year}", f"{d.day:02d}-{d.month:02d}-{d.year}", f"{d.day}-{d.month}-{d.year}",
        f"{d:%Y-%m-%d}", f"{d.day}/{d.month}/{d.year}", f"{d.day:02d}.{d.month:02d}.{d.year}",
        f"{d.day} {full.capitalize()} {d.year}",
    ]
    forms += [f"{d.day} {a}. {d.year}" for a in abbrevs] + [f"{d.day} {a} {d.year}" for a in abbrevs]
    if 2000 <= d.year <= 2099:
        forms.append(f"{d.day}-{d.month}-{d.year % 100:02d}")
    return forms


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)), st.data())
def test_any_date_in_any_form_reads_back(d, data):
    written = data.draw(st.sampled_from(renderings(d)))
    before, after = data.draw(st.sampled_from(SURROUNDINGS))
    facts = find_dates(before + written + after, 1)
    assert [(f.value, f.text, f.year_inferred) for f in facts] == [(d, written, False)]


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)))
def test_weekday_before_a_date_is_left_out_and_agrees(d):
    weekday = WEEKDAYS[d.weekday()]
    facts = find_dates(f"Het gesprek vond plaats op {weekday} {d.day} {MONTH_FORMS[d.month][0]} {d.year}.", 1)
    assert [(f.value, f.text) for f in facts] == [(d, f"{d.day} {MONTH_FORMS[d.month][0]} {d.year}")]


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)), st.integers(-150, 150))
def test_date_without_year_resolves_to_the_date_near_the_reference(d, offset):
    ref = d + timedelta(days=offset)
    facts = find_dates(f"Het gesprek van {d.day} {MONTH_FORMS[d.month][0]} is verzet.", 1, ref=ref)
    assert [(f.value, f.year_inferred) for f in facts] == [(d, True)]


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 104), st.integers(0, 60))
def test_week_numbers_are_weeks_not_dates(week, more):
    text = f"In week {week} is de melding gedaan; de evaluatie volgt na {more} weken."
    kinds = [(w.week, w.kind) for w in find_weeks(text, 1)]
    assert (week, "sick_leave") in kinds and ((more, "duration") in kinds or more == 0)
    assert find_dates(text, 1, ref=date(2024, 1, 1)) == []


TOKENS = st.sampled_from([
    "1", "12", "31", "2024", "24", "-", "/", ".", ",", " ", "\n", " | ", "O", "l", "I", "t/m", "tot en met",
    "maart", "jan.", "mei", "week", "weken", "42e", "ziekteweek", "uur", "u/wk", "per", "dag", "x", "×",
    "à", "totaal", "halve", "dagen", "geen urenbeperking", "vier", "½", "d.d.", "kalenderweek", "vanaf",
    ":", "(", ")", "€", "İ", "ß",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(TOKENS, max_size=60).map("".join))
def test_no_text_makes_the_readers_raise(text):
    for fact in find_dates(text, 1, ref=date(2024, 6, 1)):
        assert date(1900, 1, 1) <= fact.value <= date(2100, 12, 31)
        assert fact.end is None or fact.end > fact.value
        assert fact.text and fact.text in text
    for week in find_weeks(text, 1):
        assert week.week > 0 and week.text in text
    for hours in find_hours(text, 1):
        assert hours.limit == "none" or (hours.value is not None and hours.value > 0 and hours.unit)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode_never_raises(text):
    find_dates(text, 1, ref=date(2024, 1, 1))
    find_weeks(text, 1)
    find_hours(text, 1)


ADVERSARIAL = {
    "digits and separators": lambda n: ("1-2/3.4 05-06-7 2024-1-" * n)[:n],
    "dash chain": lambda n: ("1-" * n)[:n],
    "spaced digits": lambda n: ("1 " * n)[:n],
    "week ranges": lambda n: ("week 1 - " * n)[:n],
    "times chain": lambda n: ("3 x " * n)[:n],
    "hour figures": lambda n: ("4 uur " * n)[:n],
    "yearless dates": lambda n: ("1 maart " * n)[:n],
    "ocr letters": lambda n: ("lO-Il-" * n)[:n],
    "one long line": lambda n: ("a" * n),
    "number words": lambda n: ("twee tot drie " * n)[:n],
    "no-limit words": lambda n: ("geen urenbeperk " * n)[:n],
    "weeks and units": lambda n: ("42e week 6 weken 20 u/wk " * n)[:n],
    "sentence ends": lambda n: ("A. " * n)[:n],
    "table cells": lambda n: ("1 | " * n)[:n],
}


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        find_dates(text, 1, ref=date(2024, 1, 1))
        find_weeks(text, 1)
        find_hours(text, 1)
        best = min(best, time.perf_counter() - start)
    return best


def test_long_adversarial_text_takes_linear_time():
    """4x the text may take ~4x the time; quadratic would be 16x. The bound leaves room for a
    busy machine (best of three runs each)."""
    n = 50_000
    for name, make in ADVERSARIAL.items():
        small, large = _seconds(make(n)), _seconds(make(4 * n))
        # below ~10 ms, CPU caches and timer noise dominate the ratio
        assert large < 10 * max(small, 0.01), f"{name}: {small:.3f}s for {n} chars, {large:.3f}s for {4 * n}"
