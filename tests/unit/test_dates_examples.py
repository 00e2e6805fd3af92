"""Dutch dates and week references: every written form, OCR noise, impossible dates, week kinds,
and the numbers that are not dates (times, phone numbers, BSN, postcodes, amounts, hours)."""
from __future__ import annotations

from datetime import date

import pytest

from audit.extract.dates import find_dates, find_weeks, nearest_year


def one_date(text: str, **kw):
    found = find_dates(text, 3, **kw)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, written, expected", [
    ("Datum: 3 januari 2024.", "3 januari 2024", date(2024, 1, 3)),
    ("Datum: 03-01-2024.", "03-01-2024", date(2024, 1, 3)),
    ("gesprek op 3-1-24 gevoerd", "3-1-24", date(2024, 1, 3)),
    ("gesprek op 17-4-24 gevoerd", "17-4-24", date(2024, 4, 17)),
    ("op 3 jan. 2024 gezien", "3 jan. 2024", date(2024, 1, 3)),
    ("op 3 jan 2024 gezien", "3 jan 2024", date(2024, 1, 3)),
    ("op 12 mrt. 2023 gezien", "12 mrt. 2023", date(2023, 3, 12)),
    ("Datum 2024-01-03", "2024-01-03", date(2024, 1, 3)),
    ("ontvangen 3/1/2024", "3/1/2024", date(2024, 1, 3)),
    ("ontvangen 03.01.2024", "03.01.2024", date(2024, 1, 3)),
    ("Het gesprek is op maandag 4 maart 2024 gehouden.", "4 maart 2024", date(2024, 3, 4)),
    ("Sinds 4 September 2023 ziek.", "4 September 2023", date(2023, 9, 4)),
    ("FML | 12-12-2023 | Benutbare mogelijkheden", "12-12-2023", date(2023, 12, 12)),
    ("gezien op 12-mrt-2024 op het spreekuur", "12-mrt-2024", date(2024, 3, 12)),
    ("gezien op 3-jan-24 op het spreekuur", "3-jan-24", date(2024, 1, 3)),
    ("gezien op 1e januari 2024", "1e januari 2024", date(2024, 1, 1)),
    ("gezien op 3 januari '24", "3 januari '24", date(2024, 1, 3)),
])
def test_each_written_form_is_read_day_month_year(text, written, expected):
    fact = one_date(text)
    assert (fact.value, fact.text, fact.page, fact.year_inferred) == (expected, written, 3, False)
    assert written in fact.quote


@pytest.mark.parametrize("text, written, expected", [
    ("Hij start per 1 maart 2024 in aangepast werk.", "1 maart 2024", date(2024, 3, 1)),
    ("De FML d.d. 12-02-2024 is leidend.", "12-02-2024", date(2024, 2, 12)),
    ("De FML d.d.12-02-2024 is leidend.", "12-02-2024", date(2024, 2, 12)),
    ("Met ingang van 1 juni 2024 hervat.", "1 juni 2024", date(2024, 6, 1)),
])
def test_prefix_is_not_part_of_the_text(text, written, expected):
    fact = one_date(text)
    assert (fact.value, fact.text) == (expected, written)


@pytest.mark.parametrize("text, start, end", [
    ("van 1 t/m 14 maart 2024 vakantie", date(2024, 3, 1), date(2024, 3, 14)),
    ("van 1 tot en met 14 maart 2024 vakantie", date(2024, 3, 1), date(2024, 3, 14)),
    ("van 21 oktober tot 16 december 2024 stilgelegd", date(2024, 10, 21), date(2024, 12, 16)),
    ("vakantie 1-14 maart 2024", date(2024, 3, 1), date(2024, 3, 14)),
])
def test_ranges_give_start_and_end(text, start, end):
    fact = one_date(text)
    assert (fact.value, fact.end) == (start, end)


def test_range_between_two_full_dates_keeps_both_and_links_them():
    facts = find_dates("Rapportageperiode: 30-09-2024 tot en met 22-11-2024.", 1)
    assert [f.value for f in facts] == [date(2024, 9, 30), date(2024, 11, 22)]
    assert facts[0].end == date(2024, 11, 22) and facts[1].end is None


def test_yearless_range_takes_the_year_of_the_reference():
    fact = one_date("vakantie 1-14 maart", ref=date(2024, 2, 20))
    assert (fact.value, fact.end, fact.year_inferred) == (date(2024, 3, 1), date(2024, 3, 14), True)


def test_date_without_year_is_resolved_from_the_nearest_full_date_before_it():
    facts = find_dates("Op 25 april 2024 bij de bedrijfsarts, maar niet op 29 april gestart.", 1)
    assert [(f.value, f.year_inferred) for f in facts] == [(date(2024, 4, 25), False), (date(2024, 4, 29), True)]


def test_date_without_year_near_new_year_goes_to_the_nearest_year():
    fact = one_date("Het gesprek van 18 december is verzet.", ref=date(2025, 1, 10))
    assert fact.value == date(2024, 12, 18) and fact.year_inferred


def test_date_without_year_and_without_reference_is_dropped():
    assert find_dates("Het gesprek van 18 december is verzet.", 1) == []


def test_written_weekday_picks_the_year_it_fits():
    assert nearest_year(3, 4, date(2024, 9, 1), weekday=0) == date(2024, 3, 4)  # a Monday in 2024
    fact = one_date("Gesprek op dinsdag 4 maart.", ref=date(2024, 9, 1))
    assert fact.value == date(2025, 3, 4)  # 4 March is a Tuesday in 2025, not in 2024


@pytest.mark.parametrize("text, expected", [
    ("Datum O3-01-2024", date(2024, 1, 3)),
    ("Datum l2-03-2024", date(2024, 3, 12)),
    ("Datum 12-03-2O24", date(2024, 3, 12)),
])
def test_ocr_letters_for_digits(text, expected):
    assert one_date(text).value == expected


def test_ocr_split_day_before_a_month():
    fact = one_date("intake op 1 4 maart 2024", ref=None)
    assert fact.value == date(2024, 3, 14)


@pytest.mark.parametrize("text", [
    "31-02-2024", "30 februari 2024", "12-13-2024", "00-01-2024", "32 januari 2024", "2024-13-01",
    "29-02-2023",
])
def test_impossible_dates_are_rejected(text):
    assert find_dates(f"Datum {text} genoteerd.", 1) == []


@pytest.mark.parametrize("text", [
    "Spreekuur om 10.00 uur.",
    "Bel 06-12345678 of 020-1234567.",
    "Telefoon 06-12-34-56-78.",
    "BSN 123456782.",
    "Postcode 1234 AB Utrecht.",
    "Kosten EUR 1.250,00 en 12.500 euro.",
    "Werkt 4 uur per dag, 3 x 2 uur per week.",
    "Versie 3.1.24 van het formulier.",
    "Gespreksverslagen 2023-2024.",
    "in week 42 van de ziekte, week 46 tot en met 52",
    "Hij sprak met 6 Jan over het werk.",
])
def test_numbers_that_are_not_dates(text):
    assert find_dates(text, 1, ref=date(2024, 1, 1)) == []


@pytest.mark.parametrize("text, week, kind, year, end", [
    ("de melding in week 42", 42, "sick_leave", None, None),
    ("in de 52e ziekteweek", 52, "sick_leave", None, None),
    ("uiterlijk in de 42e week", 42, "sick_leave", None, None),
    ("de 42e-weeksmelding is gedaan", 42, "sick_leave", None, None),
    ("de eerstejaarsevaluatie in week 46 tot en met 52", 46, "sick_leave", None, 52),
    ("tussen week 46 en week 52 van de ziekte", 46, "sick_leave", None, 52),
    ("in week 55 van de ziekte", 55, "sick_leave", None, None),
    ("gepland in week 12 van 2024", 12, "calendar", 2024, None),
    ("in kalenderweek 12", 12, "calendar", None, None),
    ("levering wk 12 2024", 12, "calendar", 2024, None),
    ("na 6 weken opnieuw", 6, "duration", None, None),
    ("eens per zes weken geëvalueerd", 6, "duration", None, None),
])
def test_week_references_and_their_kind(text, week, kind, year, end):
    weeks = find_weeks(text, 2)
    assert len(weeks) == 1, weeks
    w = weeks[0]
    assert (w.week, w.kind, w.year, w.end, w.page) == (week, kind, year, end, 2)
    assert w.text in text and w.quote
    assert find_dates(text, 2, ref=date(2024, 1, 1)) == []  # a week is never a date


def test_schedule_rows_are_not_weeks_of_sick_leave():
    table = "Periode | Uren\nWeek 1-2 | 2 x 2 uur\nWeek 3-4 | 3 x 3 uur\nVanaf week 5 | 4 x 4 uur"
    assert find_weeks(table, 1) == []
    flattened = "Periode Uren Taken\nWeek 1-2 3 x 4 uur per week Kennismaken\nVanaf week 5 5 x 6 uur per week"
    assert find_weeks(flattened, 1) == []


def test_a_week_range_in_a_later_cell_is_a_sick_leave_range():
    weeks = find_weeks("Stap | Uiterlijk\nEerstejaarsevaluatie | week 46 tot en met 52 | Werkgever", 1)
    assert [(w.week, w.end, w.kind) for w in weeks] == [(46, 52, "sick_leave")]


def test_quote_is_the_sentence_or_table_row():
    text = ("Eerste zin zonder datum. De probleemanalyse is op 12-03-2024 opgesteld door de bedrijfsarts. "
            "Laatste zin.\nNaam | Datum\nFML | 11-06-2024 | bedrijfsarts")
    facts = find_dates(text, 1)
    assert facts[0].quote == "De probleemanalyse is op 12-03-2024 opgesteld door de bedrijfsarts."
    assert facts[1].quote == "FML | 11-06-2024 | bedrijfsarts"


def test_long_sentence_quote_is_trimmed_around_the_mention():
    text = "woord " * 200 + "op 12-03-2024 " + "woord " * 200
    quote = one_date(text).quote
    assert "12-03-2024" in quote and len(quote) <= 220
