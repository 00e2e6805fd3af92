"""An alternation scanned without the dead optional heads of its alternatives (a speed-up in
audit.extract.lower_any) finds exactly the spans of the whole case-insensitive pattern."""
from __future__ import annotations

import random

from test_speed_lower_match import _groups, _texts

from audit.extract.lower_any import any_scanner, compile_any, optional_head
from audit.extract.lower_match import lowered

TRICKY_GROUPS = [
    ("(?:ab|c\\s+)?de+f", "(x)?yz", "q(?:r)?s", "(?:zz)*?y", "(?:ab)?+d"),
    ("(?:voort|zes-?week\\s+)?eval(?:ge|mo)?s?", "eval\\s+(?:van\\s+)?pva", "evalge"),
    ("(?:a|b)?c|d", "(?:a?)?b", "(?:[)]a)?b\\)?", "(?:\\)x)?c"),
]


def _spans_whole(patterns, text):
    return [m.span() for m in compile_any(patterns).finditer(text)]


def _spans_fast(patterns, text):
    return [m.span() for m in any_scanner(patterns).finditer(text, lowered(text))]


def _random_texts(seed: int = 5, n: int = 3000) -> list[str]:
    rnd = random.Random(seed)
    alphabet = "abcdefqrsxyzEVALGOMPpva() -\n\t" + "İıſK"
    words = ["ab", "c ", "de", "eval", "voort", "zes-week ", "ge", "mo", "van ", "pva", "zz", "yz", ")x", "[)]"]
    out = []
    for _ in range(n):
        parts = [rnd.choice(words) if rnd.random() < 0.6 else rnd.choice(alphabet) for _ in range(rnd.randrange(1, 25))]
        out.append("".join(parts))
    return out


def test_optional_heads_split_where_the_parser_agrees():
    assert optional_head("(?:voortgangs|zes\\s+)?evaluatie(?:gesprek)?s?") == \
        ((("voortgangs", "zes"),), "evaluatie(?:gesprek)?s?")
    assert optional_head("(?:a|b)?c|d") is None  # a top-level alternation: the head is no first item
    assert optional_head("(?:a?)?b") is None  # the head can match the empty string: no needle
    assert optional_head("(?:[)]a)?b") == (((")a",),), "b")  # a bracket in a class is no group end
    assert optional_head("abc") is None


def test_dead_heads_change_the_scan_but_not_the_spans():
    scan = any_scanner(TRICKY_GROUPS[1])
    lower = "de eval van pva en evalge"
    assert scan._live_twin(lower) is not scan.whole.twin  # the head is dropped here
    for patterns in TRICKY_GROUPS:
        for text in _random_texts():
            assert _spans_fast(patterns, text) == _spans_whole(patterns, text), (patterns, text)


def test_vocabulary_alternations_keep_their_spans_without_dead_heads():
    texts = _texts() + [t.replace("voortgangs", "") for t in _texts()] + _random_texts(n=300)
    with_heads = [g for g in _groups() if any_scanner(g) is not None and any(map(optional_head, g))]
    assert with_heads  # the vocabulary has such alternatives ("(?:ziek)?melding ...")
    for patterns in with_heads:
        for text in texts:
            assert _spans_fast(patterns, text) == _spans_whole(patterns, text), (patterns, text)
