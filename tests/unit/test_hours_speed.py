"""The speed-ups in audit.extract.hours (issue 3) change nothing that is found: the step-label
check skips the pattern only where no label can end, and numbers read as before."""
from __future__ import annotations

import random

from audit.extract.hours import _step_label, grammar, parse_number
from audit.extract.hours_grammar import _parse_number
from audit.extract.spans import fold

PIECES = ["week", "Week", "wk", "weken", "vanaf", "na", "t/m", "tot en met", "en", "-", "–", ":", "|", " | ", " ",
          "\t", "\n", "\u00a0", "1", "2", "12", "3", "٣", "x", "uur", "per week", "De", "naar", "4", "5"]


def _label_by_pattern(folded: str, start: int):
    """The label search without the digit check in front of it."""
    for m in grammar().step.finditer(folded, max(0, start - 40), start):
        if m.end() == start:
            return m
    return None


def test_step_label_check_only_skips_where_no_label_ends():
    rng = random.Random(3)
    g = grammar()
    found = 0
    for _ in range(4000):
        text = fold("".join(rng.choice(PIECES) for _ in range(rng.randint(1, 14))))
        for start in range(len(text) + 1):
            expected = _label_by_pattern(text, start)
            got = _step_label(text, start, g)
            assert (got and got.span()) == (expected and expected.span()), (text, start)
            found += expected is not None
    assert found > 500  # the texts do hold labels


def test_parse_number_is_the_same_through_its_cache():
    g = grammar()
    for text in ["4", "2,5", "2½", "½", "vier", "Twee", "10.00", " 12 ", "1.5", "½ "]:
        assert parse_number(text) == _parse_number(text, g) == parse_number(text, g)
