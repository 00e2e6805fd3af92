"""Fuzzing the date, week and hour readers: no text makes them raise, every fact they return
is well formed, and adversarial repetitions take linear time.

Text is drawn from a grammar-biased alphabet: the word lists the readers are built from
(checklists/data/dates.yaml, hours.yaml), digits, separators, OCR confusables (O/0, l/1, I/|),
Unicode digits and whitespace, glued by random separators, plus plain random Unicode.

Linearity is measured as a ratio (``fuzz_linearity.growth``): the median time on a text of 8n
characters over that on n characters; linear is ~8, quadratic ~64. The run happens in a
child process with a time limit, so a quadratic case fails in seconds instead of hanging.
"""
from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from fuzz_linearity import MAX_GROWTH, describe, growth
from fuzz_texts import DATES, grammar_text

from audit.extract.dates import dates_in_document, find_dates, find_weeks
from audit.extract.hours import find_hours, hours_in_document
from audit.model import Block, Document, Page

TEXT = settings.get_profile("fuzz-text")

TEXTS = st.one_of(grammar_text(), st.text(max_size=200), st.text(alphabet=st.characters(codec="utf-8"), max_size=60))


def flat(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------------------- well-formed facts


def assert_date_facts(facts, text: str) -> None:
    year_min, year_max = int(DATES["year_min"]), int(DATES["year_max"])
    for f in facts:
        assert isinstance(f.value, date)
        assert f.text and f.text in text, f"{f.text!r} is not in the input"
        assert f.quote and flat(f.text) in f.quote
        if not f.year_inferred:
            assert year_min <= f.value.year <= year_max
        if f.end is not None:
            assert isinstance(f.end, date) and f.end > f.value, f


def assert_week_facts(facts, text: str) -> None:
    for f in facts:
        assert f.text and f.text in text
        assert f.kind in ("sick_leave", "calendar", "duration")
        assert 1 <= f.week <= 520
        assert f.end is None or f.end > f.week
        assert f.year is None or 1900 <= f.year <= 2099
        if f.kind == "calendar":
            assert f.week <= 53


def assert_hours_facts(facts, text: str) -> None:
    for f in facts:
        assert f.text and f.text in flat(text), f"{f.text!r} is not in the input"
        if f.limit == "none":
            assert f.value is None
            continue
        assert f.value is not None and math.isfinite(f.value) and f.value > 0, f
        assert f.unit in ("per_day", "per_week", "total")
        if f.low is not None or f.high is not None:
            assert f.low is not None and f.high is not None and 0 < f.low < f.high and math.isfinite(f.high)
        for step in f.steps:
            assert 0 <= step.first_week <= step.last_week and math.isfinite(step.per_week) and step.per_week >= 0
        if f.per_week is not None:
            assert math.isfinite(f.per_week) and f.per_week >= 0


@settings(TEXT)
@given(text=TEXTS, page=st.integers(1, 2000))
def test_find_dates_never_raises_and_facts_are_real(text, page):
    facts = find_dates(text, page)
    assert_date_facts(facts, text)
    assert all(f.page == page for f in facts)


@settings(TEXT)
@given(text=TEXTS, ref=st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2099, 12, 31))))
def test_find_dates_with_a_reference_date(text, ref):
    assert_date_facts(find_dates(text, 1, ref=ref), text)


@settings(TEXT)
@given(text=TEXTS)
def test_find_weeks_never_raises_and_facts_are_real(text):
    assert_week_facts(find_weeks(text, 1), text)


@settings(TEXT)
@given(text=TEXTS)
def test_find_hours_never_raises_and_values_are_finite(text):
    assert_hours_facts(find_hours(text, 1), text)


BLOCK_KINDS = st.sampled_from(["paragraph", "paragraph", "heading", "list_item", "table", "header", "footer"])


@st.composite
def documents(draw) -> Document:
    pages = []
    for number in range(1, draw(st.integers(1, 3)) + 1):
        blocks = []
        for kind, text in draw(st.lists(st.tuples(BLOCK_KINDS, grammar_text()), max_size=6)):
            rows = tuple(tuple(cell.split("|")) for cell in text.split("\n")) if kind == "table" else None
            blocks.append(Block(kind=kind, text=text, page=number, rows=rows, pages=(number,)))
        pages.append(Page(number=number, blocks=tuple(blocks)))
    return Document(path="fuzz.pdf", format="pdf", pages=tuple(pages))


@settings(TEXT, max_examples=max(20, TEXT.max_examples // 3))
@given(doc=documents())
def test_document_readers_never_raise(doc):
    dates, weeks = dates_in_document(doc)
    text = "\n".join(b.text for b in doc.blocks)
    assert_date_facts(dates, text)
    assert_week_facts(weeks, text)
    assert_hours_facts(hours_in_document(doc), text)
    assert all(f.document == "fuzz.pdf" for f in [*dates, *weeks])


# --------------------------------------------------------------------------- linear time

N = 20_000  # characters of the smaller text; the larger is 8x

# Each is repeated to N characters: the shapes that make a backtracking pattern slow
# (long runs that almost match: a separator run, a number run, a word alternation run).
ADVERSARIAL = {
    "dash_run": "1-",
    "slash_run": "1/",
    "dot_run": "1.",
    "digits": "1234567890",
    "spaces_after_digit": "1" + " " * 200,
    "uur_times": "12 uur x ",
    "times_no_uur": "3 x 4 x ",
    "date_words": "3 januari ",
    "date_no_year": "3 jan. ",
    "range_run": "1 t/m ",
    "week_run": "week ",
    "week_numbers": "week 1-2 ",
    "number_words": "vierentwintig ",
    "ocr_confusables": "O1l-",
    "per_run": "per ",
    "half_days": "halve dagen ",
    "no_limit_words": "geen beperking in ",
    "table_row": "| 3 | x | uur ",
}

READERS = {"find_dates": find_dates, "find_weeks": find_weeks, "find_hours": find_hours}


@pytest.mark.parametrize("reader", sorted(READERS))
@pytest.mark.parametrize("shape", sorted(ADVERSARIAL))
def test_adversarial_repetition_is_linear(reader, shape):
    ratio = growth(f"audit.extract.{'hours' if reader == 'find_hours' else 'dates'}:{reader}", ADVERSARIAL[shape], N)
    assert ratio < MAX_GROWTH, f"{reader} on {ADVERSARIAL[shape]!r} * n: {describe(ratio)}"
