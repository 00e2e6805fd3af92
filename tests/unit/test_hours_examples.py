"""Hour figures: every written form normalised to per_day / per_week / total, ranges, no-limit,
roles from the sentence, urenopbouwschema steps, and what is not an hour figure."""
from __future__ import annotations

import pytest

from audit.extract.hours import find_hours
from audit.model import HoursStep


def one_figure(text: str):
    found = find_hours(text, 2)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, written, value, unit", [
    ("Zij kan 4 uur per dag werken.", "4 uur per dag", 4.0, "per_day"),
    ("Zij werkt nu in totaal 20 uur in de week.", "20 uur in de week", 20.0, "per_week"),  # a rate, not a total
    ("Er is in totaal 14 uur coaching ingezet.", "in totaal 14 uur", 14.0, "total"),
    ("Start met 2 x 3 uur per week.", "2 x 3 uur per week", 6.0, "per_week"),
    ("Start met 3 × 4 uur.", "3 × 4 uur", 12.0, "per_week"),
    ("Start met 3x4 uur.", "3x4 uur", 12.0, "per_week"),
    ("Start met 2 keer 3 uur per week.", "2 keer 3 uur per week", 6.0, "per_week"),
    ("Zoekt werk voor 20 u/wk.", "20 u/wk", 20.0, "per_week"),
    ("De heer zoekt functies van 16 uur/week.", "16 uur/week", 16.0, "per_week"),
    ("Hij werkt 2,5 uur per dag.", "2,5 uur per dag", 2.5, "per_day"),
    ("Hij werkt 2½ uur per dag.", "2½ uur per dag", 2.5, "per_day"),
    ("Zij werkt twee dagdelen van 4 uur.", "twee dagdelen van 4 uur", 8.0, "per_week"),
    ("Zij werkt drie ochtenden van 4 uur.", "drie ochtenden van 4 uur", 12.0, "per_week"),
    ("Zij werkt halve dagen.", "halve dagen", 4.0, "per_day"),
    ("Zij werkt drie halve dagen per week.", "drie halve dagen per week", 12.0, "per_week"),
    ("Hij kan vier uur per dag werken.", "vier uur per dag", 4.0, "per_day"),
    ("Hij kan Vierentwintig uur per week werken.", "Vierentwintig uur per week", 24.0, "per_week"),
    ("Training (vier bijeenkomsten, totaal 12 uur).", "totaal 12 uur", 12.0, "total"),
    ("De cursus (vier avonden, in totaal 10 uur) is afgerond.", "in totaal 10 uur", 10.0, "total"),
    ("benutbare mogelijkheden voor 4 uur\nper dag, verdeeld over vijf dagen", "4 uur per dag", 4.0, "per_day"),
    ("De arbeidsduur is 36 uur in de week.", "36 uur in de week", 36.0, "per_week"),
    ("Zij werkt 3 keer per week 2 uur.", "3 keer per week 2 uur", 6.0, "per_week"),
    ("Hij werkt 3 dagen per week 4 uur.", "3 dagen per week 4 uur", 12.0, "per_week"),
    ("Hij werkt 2 dagen à 4 uur.", "2 dagen à 4 uur", 8.0, "per_week"),
    ("Zij heeft een 32-urige werkweek.", "32-urige", 32.0, "per_week"),
    ("Zoekt werk voor 20 u. per week.", "20 u. per week", 20.0, "per_week"),
    ("Zij werkt 4 uren per dag.", "4 uren per dag", 4.0, "per_day"),
    ("Zij werkt 4 uur p/d.", "4 uur p/d", 4.0, "per_day"),
])
def test_each_form_is_normalised(text, written, value, unit):
    fact = one_figure(text)
    assert (fact.text, fact.value, fact.unit, fact.page) == (written, value, unit, 2)
    assert fact.quote


@pytest.mark.parametrize("text, low, high, unit", [
    ("De FML geeft 4 à 6 uur per dag.", 4.0, 6.0, "per_day"),
    ("De FML geeft 4-6 uur per dag.", 4.0, 6.0, "per_day"),
    ("Zoekprofiel van 16 tot 20 uur per week.", 16.0, 20.0, "per_week"),
])
def test_range_keeps_low_and_high_and_takes_low_as_value(text, low, high, unit):
    fact = one_figure(text)
    assert (fact.low, fact.high, fact.value, fact.unit) == (low, high, low, unit)


@pytest.mark.parametrize("text", [
    "Er is geen urenbeperking.",
    "Volgens de FML kan Wim niet zwaar tillen; er is geen urenbeperking.",
    "Er is geen beperking in uren.",
    "Urenbeperking: nee",
])
def test_no_hour_limit(text):
    fact = one_figure(text)
    assert (fact.value, fact.unit, fact.limit, fact.role) == (None, None, "none", "fml")
    assert fact.per_week is None


def test_a_limit_that_exists_is_not_no_limit():
    assert all(f.limit is None for f in find_hours("Er is sprake van een urenbeperking: 4 uur per dag.", 1))


@pytest.mark.parametrize("text, value, role", [
    ("Arbeidsduur | 32 uur per week", 32.0, "contract"),
    ("Het contract is 32 uur per week.", 32.0, "contract"),
    ("De benutbare mogelijkheden 28 uur.", 28.0, "fml"),
    ("Volgens de FML heeft zij benutbare mogelijkheden voor 4 uur per dag.", 4.0, "fml"),
    ("Het zoekprofiel (administratief medewerker, 20 uur per week) is ongewijzigd en sluit aan bij de FML.", 20.0,
     "zoekprofiel"),
    ("Esther werkt nu 3 x 2 uur per week.", 6.0, "worked"),
    ("Hij is gestart op een werkervaringsplek met een urenopbouw tot 5 x 6 uur per week.", 30.0, "wep"),
])
def test_role_from_the_sentence(text, value, role):
    fact = one_figure(text)
    assert (fact.value, fact.role) == (value, role)


def test_bare_figure_is_weekly_only_next_to_a_role_word_and_when_large():
    assert one_figure("Arbeidsduur | 32 uur").unit == "per_week"
    assert find_hours("Zij kan 28 uur.", 1) == []  # no role word: no unit to give it
    assert find_hours("Staan maximaal een uur aaneengesloten volgens de FML.", 1) == []  # too small for a week


@pytest.mark.parametrize("text", [
    "Het spreekuur is om 10.00 uur.",
    "Afspraak om 9:30 uur bij de bedrijfsarts.",
    "Productienormen per uur.",
    "Er is sprake van een urenbeperking.",
    "Hij belt u morgen.",
    "Binnen 24-uurs bereikbaar.",
    "Het spreekuur van de bedrijfsarts.",
    "De 4 u is onleesbaar.",
    "De meldkamer is 24 uur per dag bereikbaar.",
    "Een werkweek van 7 x 24 uur.",
])
def test_not_hour_figures(text):
    assert find_hours(text, 1) == []


def test_urenopbouwschema_in_a_sentence_gives_each_step_and_the_schedule():
    text = "Urenopbouw: week 1-2: 2 x 2 uur, week 3-4: 3 x 3 uur, vanaf week 5: 4 x 4 uur."
    facts = find_hours(text, 1)
    assert [(f.value, f.unit) for f in facts] == [(4.0, "per_week"), (9.0, "per_week"), (16.0, "per_week")]
    assert facts[0].steps == (HoursStep(1, 2, 4.0), HoursStep(3, 4, 9.0), HoursStep(5, 5, 16.0, open_ended=True))
    assert facts[1].steps == () and facts[2].steps == ()


def test_urenopbouwschema_as_a_table_with_hours_per_day():
    table = ("Periode | Uren | Taken\nWeek 1 t/m 2 | 2 uur per dag | start\nWeek 3 t/m 4 | 3 uur per dag | idem\n"
             "Week 5 t/m 6 | 4 uur per dag | eigen werk")
    facts = find_hours(table, 1)
    assert [s.per_week for s in facts[0].steps] == [10.0, 15.0, 20.0]
    assert [(s.first_week, s.last_week) for s in facts[0].steps] == [(1, 2), (3, 4), (5, 6)]


def test_a_single_week_label_is_no_schedule():
    facts = find_hours("In week 3: 2 x 2 uur per week.", 1)
    assert len(facts) == 1 and facts[0].steps == ()


def test_per_week_figure_compares_a_day_as_five_days():
    assert one_figure("Zij kan 6 uur per dag werken.").per_week == 30.0
    assert one_figure("Training, totaal 12 uur.").per_week is None
