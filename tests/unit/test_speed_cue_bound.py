"""The LCS bound of ``CueBound`` (issue 3, speed only) passes exactly the cues that the plain comparison of a
line with every fuzzy cue passes: the bound drops only cues that cannot reach ``fuzzy_min``."""
from __future__ import annotations

import random

import numpy as np
import pytest
from rapidfuzz import fuzz

from audit.checklist import load_checklists
from audit.classify import settings_of
from audit.titles import CueBound

LETTERS = "abcdeilmnorstuv 2"


def _plain_rows(bound: CueBound, texts: list[str]) -> list[list[int]]:
    """Every fuzzy cue compared as ``CueBound.rows`` compares those its bound leaves."""
    out = []
    for text in texts:
        is_long = len(text.split()) > bound.long_line_words
        passed = []
        for col, cue in enumerate(bound.cues):
            if not bound.fuzzy[col]:
                continue
            if is_long or len(text) < len(cue):
                score = fuzz.ratio(cue, text[: len(cue)], score_cutoff=bound.cutoff)
            else:
                score = fuzz.partial_ratio(cue, text, score_cutoff=bound.cutoff)
            if score:
                passed.append(col)
        out.append(passed)
    return out


def _slipped(text: str, rnd: random.Random, slips: int) -> str:
    for _ in range(slips):
        at = rnd.randrange(len(text) + 1)
        kind = rnd.choice("dai")
        letter = rnd.choice(LETTERS)
        text = text[:at] + letter + text[at + 1:] if kind == "a" else \
            text[:at] + text[at + 1:] if kind == "d" else text[:at] + letter + text[at:]
    return text.strip()


def _lines(cues: tuple[str, ...], rnd: random.Random) -> list[str]:
    """Cues a few slips away, alone, at the head of or inside a line, cut short, glued to a word, in a
    long line; and random letters: scores around the threshold on every path of ``rows``."""
    words = [c for c in cues if " " not in c] + ["de", "van", "het", "2024", "bijlage"]
    lines = []
    for cue in cues:
        for slips in (0, 1, 2, 3, 5):
            s = _slipped(cue, rnd, slips)
            lines += [s, f"{s} {rnd.choice(words)}", f"{rnd.choice(words)} {s}", s[: max(1, len(s) - 2)],
                      f"x{s}y", f"{s} {' '.join(rnd.choices(words, k=11))}", s[len(s) // 3:]]
    lines += ["".join(rnd.choices(LETTERS, k=rnd.randint(1, 90))) for _ in range(300)]
    return [line for line in lines if line]


@pytest.fixture(scope="module")
def bound() -> CueBound:
    return settings_of(load_checklists()).cue_bound


def test_rows_are_those_of_every_cue_compared(bound):
    lines = _lines(bound.cues, random.Random(5))
    rnd = random.Random(6)
    rnd.shuffle(lines)
    passed = 0
    for at in range(0, len(lines), 9):  # batches of several lines, as title_scores asks
        batch = lines[at:at + 9]
        got = bound.rows(batch)
        assert got == _plain_rows(bound, batch), batch
        passed += sum(map(len, got))
    assert passed > 2000  # the lines do reach the threshold
    assert bound.rows([]) == []


def test_a_tighter_bound_is_caught(bound, monkeypatch):
    """The test above fails when the bound asks one common letter more than the proof allows."""
    lines = _lines(bound.cues[::4], random.Random(8))
    monkeypatch.setattr(bound, "need", bound.need + 1)
    assert any(bound.rows(lines[at:at + 9]) != _plain_rows(bound, lines[at:at + 9])
               for at in range(0, len(lines), 9))
    monkeypatch.undo()
    assert np.all(bound.need >= 0)
