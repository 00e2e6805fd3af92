"""The second round of speed-ups in dates and hours (perf-dates2) changes nothing that is found.

* ``scan_dates`` leaves the OCR scan out of a text without any digit: with the bundled OCR
  letters no year in the window can be written without one, so such a text holds no OCR date.
* ``scan_dates`` runs the written-date pattern only over a text holding a month word.
* ``dates_in_document`` moves a repeated block's weeks to its page without ``dataclasses.replace``.
* ``hours_in_document`` reads a text's role words, quotes and step labels once and builds a
  fact only for a kept mention (test_speed_dates_hours compares it with the plain way).
"""
from __future__ import annotations

import dataclasses
import random

from audit.extract import dates
from audit.extract.dates_grammar import _ocr_needs_digit
from audit.extract.dates_grammar import grammar as date_grammar
from audit.extract.spans import anchor_windows, finditer_windows, fold
from audit.model import WeekFact

# OCR letters, separators and digits, with the characters that stretch or shift a text
_OCR_PIECES = ["O", "o", "l", "I", "|", "-", "/", ".", " ", "\n", " | ", "lO", "Ol", "IO", "OI", "2O24", "l9",
               "2", "9", "0", "1", "3", "٣", "İ", "½", "maart", "jan", "week", "x", "oo", "ll",
               " Ol-lO-lOOl ", " lO/Ol/IOlO ", " O1.O2.lOOO ", "oI-oI-IOOo"]  # OCR-shaped, a year out of range


def _plain_scan(text: str) -> list:
    """``scan_dates`` as it was: the OCR scan on every text."""
    g = date_grammar()
    found = []
    if dates._DIGIT.search(text):
        found += [dates._from_text_or_range(m, g, text) for m in g.patterns["text"].finditer(fold(text))]
        found += [dates._from_numeric(m, g, text) for m in g.patterns["numeric"].finditer(text)]
    windows = anchor_windows(text, g.ocr_anchor, dates.OCR_WINDOW, dates.OCR_WINDOW)
    found += [dates._from_numeric(m, g, text, ocr=True) for m in finditer_windows(g.patterns["ocr"], text, windows)]
    return dates._link_full_ranges(text, dates._leftmost_longest([r for r in found if r is not None]))


def _ocr_texts(count: int, seed: int, digits: bool) -> list[str]:
    rng = random.Random(seed)
    pieces = [p for p in _OCR_PIECES if digits or not any(c.isdigit() for c in p)]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(count)]


def test_the_bundled_ocr_letters_need_a_digit_for_a_year():
    assert date_grammar().ocr_needs_digit
    assert _ocr_needs_digit("01", 1900, 2099)
    assert not _ocr_needs_digit("012", 1900, 2099)  # "ZOZl" would read as 2021
    assert not _ocr_needs_digit("019", 1900, 2099)  # "l9lO" as 1910


def test_texts_without_digits_hold_no_ocr_date():
    g = date_grammar()
    matched = 0
    for text in _ocr_texts(3000, seed=7, digits=False):
        assert dates.scan_dates(text) == _plain_scan(text) == [], text
        windows = anchor_windows(text, g.ocr_anchor, dates.OCR_WINDOW, dates.OCR_WINDOW)
        matched += sum(1 for _ in finditer_windows(g.patterns["ocr"], text, windows))
    assert matched > 100  # the OCR pattern does match there; no match reads as a date


def test_texts_with_digits_keep_their_ocr_dates():
    found = 0
    texts = _ocr_texts(3000, seed=8, digits=True) + ["O3-01-2024", "l2-03-2O24", "lO-Ol-2O24 en 3 maart", "O1-O1-l9OO"]
    for text in texts:
        expected = _plain_scan(text)
        assert dates.scan_dates(text) == expected, text
        found += len(expected)
    assert found > 50


def test_a_week_moved_to_another_page_equals_dataclasses_replace():
    week = WeekFact(week=46, kind="calendar", text="week 46 t/m 52 2024", page=1, quote="q", year=2024,
                    document="map/a.pdf", end=52)
    assert {f.name for f in dataclasses.fields(WeekFact) if f.init} == set(vars(week))
    moved = dates._on_page(week, 7)
    assert moved == dataclasses.replace(week, page=7) and moved.page == 7 and week.page == 1


_DATE_PIECES = ["12", "3", "1", "29", "2024", "'24", " ", "  ", "\t", "-", "/", ".", ",", "\n", " | ", "t/m", "tot en met",
                "maart", "MAART", "Mei", "mrt.", "mrt", "ma", "mar", "feb", "Februari", "dec.", "Jan", "okt", "sept",
                "maandag", "İ", "½", "٣", "e", "ste", "de", "week", "uur", "x"]


def test_the_written_date_pattern_is_left_out_only_where_no_month_word_stands():
    rng = random.Random(21)
    found = 0
    for _ in range(4000):
        text = "".join(rng.choice(_DATE_PIECES) for _ in range(rng.randint(1, 25)))
        expected = _plain_scan(text)
        assert dates.scan_dates(text) == expected, text
        found += len(expected)
    assert found > 300
