"""Properties of the hour reader: any hour figure rendered in each form reads back to the same
value and unit, wherever it stands in a sentence or table row."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from audit.extract.dates import number_words
from audit.extract.hours import find_hours, vocabulary

HOURS = vocabulary("hours")
WORDS = {n: w for w, n in sorted(number_words().items(), key=lambda kv: len(kv[0]), reverse=True)}
UNITS = {unit: list(phrases) for unit, phrases in HOURS["units"].items()}

SURROUNDINGS = [
    ("", ""), ("Zij werkt ", "."), ("Arbeidsduur | ", " | getekend"), ("Omvang: ", ", conform de FML."),
    ("(", ")"), ("De bedrijfsarts adviseert ", " en daarna opbouwen.\nVolgende regel"),
]


def number_text(value: int, draw) -> str:
    """A whole number as digits or, where the vocabulary has it, as a Dutch word."""
    if value in WORDS and draw(st.booleans()):
        return WORDS[value]
    return str(value)


@st.composite
def figures(draw):
    """(written figure, value, unit)."""
    form = draw(st.sampled_from(["simple", "decimal", "times", "parts", "total", "range"]))
    if form == "simple":
        unit = draw(st.sampled_from(["per_day", "per_week"]))
        n = draw(st.integers(1, 12 if unit == "per_day" else 60))
        phrase = draw(st.sampled_from(UNITS[unit]))
        hour = draw(st.sampled_from(["uur", "u"]))
        gap = "" if phrase.startswith("/") and draw(st.booleans()) else " "
        return f"{number_text(n, draw)} {hour}{gap}{phrase}", float(n), unit
    if form == "decimal":
        whole, half = draw(st.integers(1, 11)), draw(st.sampled_from([",5", ",25", "½"]))
        value = whole + (0.25 if half == ",25" else 0.5)
        return f"{whole}{half} uur per dag", value, "per_day"
    if form == "times":
        n, m = draw(st.integers(1, 7)), draw(st.integers(1, 8))  # at most 56: within the weekly maximum
        times = draw(st.sampled_from(["x", "×", "X", "keer", "maal"]))
        tail = draw(st.sampled_from(["", " per week"]))
        return f"{n} {times} {m} uur{tail}", float(n * m), "per_week"
    if form == "parts":
        n, m = draw(st.integers(1, 7)), draw(st.integers(1, 8))
        noun = draw(st.sampled_from(["dagdelen", "ochtenden", "middagen"]))
        return f"{number_text(n, draw)} {noun} van {m} uur", float(n * m), "per_week"
    if form == "total":
        n = draw(st.integers(1, 200))
        return f"{draw(st.sampled_from(['totaal', 'in totaal']))} {n} uur", float(n), "total"
    low = draw(st.integers(1, 10))
    high = draw(st.integers(low + 1, 12))
    joiner = draw(st.sampled_from([" à ", "-", " tot "]))
    return f"{low}{joiner}{high} uur per dag", float(low), "per_day"


@settings(max_examples=300, deadline=None)
@given(figures(), st.sampled_from(SURROUNDINGS))
def test_any_hour_figure_in_any_form_reads_back(figure, around):
    written, value, unit = figure
    facts = find_hours(around[0] + written + around[1], 1)
    assert [(f.text, f.value, f.unit) for f in facts] == [(written, value, unit)]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 6), st.integers(1, 8)), min_size=2, max_size=5), st.booleans())
def test_any_schedule_reads_back_as_steps(pairs, as_table):
    rows, first = [], 1
    for n, m in pairs:
        rows.append((first, first + 1, n, m))
        first += 2
    if as_table:
        text = "Periode | Uren\n" + "\n".join(f"Week {a}-{b} | {n} x {m} uur per week" for a, b, n, m in rows)
    else:
        text = "Opbouw: " + ", ".join(f"week {a}-{b}: {n} x {m} uur" for a, b, n, m in rows) + "."
    facts = find_hours(text, 1)
    assert [f.value for f in facts] == [float(n * m) for _, _, n, m in rows]
    assert [(s.first_week, s.last_week, s.per_week) for s in facts[0].steps] == \
        [(a, b, float(n * m)) for a, b, n, m in rows]


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 23), st.integers(0, 59))
def test_times_of_day_are_not_hours(hh, mm):
    for text in (f"Afspraak om {hh:02d}.{mm:02d} uur.", f"Afspraak om {hh}:{mm:02d} uur.",
                 f"Van {hh:02d}.{mm:02d} tot {hh:02d}.{mm:02d} uur spreekuur."):
        assert find_hours(text, 1) == [], text
