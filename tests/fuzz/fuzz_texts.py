"""Text strategies biased toward the grammar of the date, week and hour readers: their own
word lists (checklists/data/dates.yaml, hours.yaml), digits, separators, OCR confusables
(O/0, l/1, I/|), Unicode digits and whitespace, glued by random separators."""
from __future__ import annotations

from hypothesis import strategies as st

from audit.extract.dates import vocabulary

DATES = vocabulary("dates")
HOURS = vocabulary("hours")


def _words() -> list[str]:
    words: list[str] = []
    for forms in DATES["months"].values():
        words += [str(f) for f in forms] + [str(f).capitalize() + "." for f in forms]
    words += [str(w) for w in DATES["weekdays"]] + [str(w) for w in DATES["prefixes"]]
    words += [str(w) for w in DATES["range_words"]] + [str(w) for w in DATES["day_suffixes"]]
    for group in DATES["weeks"].values():
        words += [str(w) for w in group]
    words += [str(w) for w in DATES["number_words"]]
    for key in ("hour_words", "times_words", "weekly_adjectives", "part_nouns", "part_joiners", "part_per_week",
                "range_words", "total_words", "half_day_words", "no_limit_phrases", "step_week_words",
                "step_from_words", "step_range_words"):
        words += [str(w) for w in HOURS[key]]
    for phrases in HOURS["units"].values():
        words += [str(p) for p in phrases]
    for role_words in HOURS["roles"].values():
        words += [str(w) for w in role_words]
    words += ["uur", "x", "×", "week", "t/m", "à", "½", "kalenderweek", "weeknummer", "ziekteweek", "FML",
              "contract", "zoekprofiel", "geen urenbeperking", "eerste ziektedag", "d.d.", "2024", "'24", "1899",
              "2100", "29", "31", "00", "0", "99", "366", "29-02", "30 februari", "10.00 uur", "O3", "l2", "2O24"]
    return sorted(set(words))


WORDS = _words()
PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.integers(0, 3000).map(str),
    st.text(alphabet="0123456789-/.,:|'½OolI ", min_size=1, max_size=8),
    st.sampled_from(["\n", "\n\n", " | ", "\t", "\xa0", "\u2009", "٣", "３", "²", "İ", "K", "ß", "ẞ", "Σ"]),
)
SEPARATORS = st.sampled_from(["", " ", " ", " ", "-", "/", ".", ", ", "\n", " | ", ": "])


@st.composite
def grammar_text(draw) -> str:
    pieces = draw(st.lists(st.tuples(PIECES, SEPARATORS), max_size=30))
    return "".join(p + s for p, s in pieces)
