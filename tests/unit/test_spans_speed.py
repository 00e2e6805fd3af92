"""The speed-ups in audit.extract.spans (issue 3) change nothing that is found: the word trie
matches what the plain word alternation matches, the sentence-end pattern finds the ends the
earlier one found, and windows and quotes keep their spans."""
from __future__ import annotations

import random
import re

from audit.extract.spans import (anchor_windows, context_span, finditer_windows, number_words, sentence_bounds,
                                 vocabulary, word_patterns, words_pattern, words_trie)

# the pattern before the speed-up: a lookahead at every position, then the branches
OLD_SENTENCE_END = re.compile(r"(?=[.!?;\n])(?:[.!?;](?=\s+[A-Z0-9(\"'‘“])|\n\s*\n|\n(?=\s*[-•*·▪]\s)"
                              r"|(?<![a-z,])\n(?=[ \t]*[A-Z]))")
ALPHABET = list("aAbBeEnrstuwx019 .,;:!?|-\n\t") + ["\u00a0", "•", "‘", "ẞ"]


def _texts(words: list[str], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    alphabet = sorted(set("".join(words))) + [" ", "\n", "x", "-"]
    out = []
    for _ in range(count):
        pieces = [rng.choice(words) if rng.random() < 0.5 else rng.choice(alphabet) for _ in range(rng.randint(0, 12))]
        out.append("".join(pieces))
    return out


def _word_lists() -> list[list[str]]:
    dates, hours = vocabulary("dates"), vocabulary("hours")
    return [list(number_words()), [str(f) for forms in dates["months"].values() for f in forms],
            [str(p) for ps in hours["units"].values() for p in ps], [str(w) for w in hours["times_words"]],
            ["a", "ab", "abc", "a b", "a bc", "b", "per", "per week", "x ", "-", "–"]]


def test_trie_matches_what_the_alternation_matches():
    for words in _word_lists():
        trie = re.compile(f"(?:{words_trie(words)})(?![a-z])")
        plain = re.compile(f"(?:{words_pattern(words)})(?![a-z])")
        for text in _texts(words, 3000, seed=len(words)):
            assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_trie_writes_shared_beginnings_once():
    assert words_trie(["een", "eenentwintig", "elf"]) == "e(?:en(?:entwintig)?|lf)"
    assert words_trie(["per", "per week"]) == r"per(?:\s+week)?"


def test_trie_keeps_the_plain_alternation_for_odd_whitespace():
    # "a\tb" and "a b" could both match a tab: the trie would no longer try the longest first
    assert words_trie(["a\tb", "a bcd"]) == words_pattern(["a\tb", "a bcd"])
    assert words_trie(["a  b", "a bcd"]) == words_pattern(["a  b", "a bcd"])


def test_word_patterns_are_the_branches_of_words_pattern():
    words = ["per week", "uur", "u", "p.w."]
    assert "|".join(word_patterns(words)) == words_pattern(words)


def test_sentence_ends_unchanged():
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 60)))
        bounds = sentence_bounds(text)
        old = [m.span() for m in OLD_SENTENCE_END.finditer(text)]
        assert list(zip(bounds.starts, bounds.ends)) == old, text
        assert bounds.newlines == [i for i, c in enumerate(text) if c == "\n"]


def _old_context_span(text: str, start: int, end: int) -> tuple[int, int]:
    """context_span as it was written before the speed-up."""
    reach = 300
    ends = [m.end() for m in OLD_SENTENCE_END.finditer(text)]
    starts = [m.start() for m in OLD_SENTENCE_END.finditer(text)]
    newlines = [i for i, c in enumerate(text) if c == "\n"]
    left, right = max(0, start - reach), min(len(text), end + reach)
    line_start = max([left] + [n + 1 for n in newlines if n < start])
    line_end = min([right] + [n for n in newlines if n >= end] + [len(text)])
    if text.find(" | ", line_start, line_end) >= 0:
        return line_start, line_end
    sent_start = max([left, 0] + [e for e in ends if e <= start])
    sent_end = min([right] + [e for s, e in zip(starts, ends) if s >= end] + [len(text)])
    return sent_start, sent_end


def test_context_span_unchanged():
    rng = random.Random(11)
    for _ in range(2000):
        text = "".join(rng.choice(ALPHABET + [" | ", ". De "]) for _ in range(rng.randint(1, 400)))
        start = rng.randrange(len(text))
        end = min(len(text), start + rng.randint(0, 8))
        assert context_span(text, start, end) == _old_context_span(text, start, end), (text, start, end)


def test_anchor_windows_merge_overlaps():
    text = "uur" + " " * 15 + "uur" + " " * 200 + "uur"
    assert anchor_windows(text, re.compile("uur"), 10, 20) == [(0, 41), (211, len(text))]
    assert anchor_windows("geen", re.compile("uur"), 10, 20) == []


def test_finditer_windows_skips_matches_at_a_cut_end():
    text = "12 34 56 78"
    found = [m.group() for m in finditer_windows(re.compile(r"\d+"), text, [(0, 4), (6, len(text))])]
    assert found == ["12", "56", "78"]  # "3" touches the cut at 4: its lookaheads saw a false end
