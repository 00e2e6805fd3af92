"""LowerTexts.worth passes by the needles of a long first clause that stand nowhere with one `in`
each: it must name the same texts as asking holding() of every needle (the plain path)."""
from __future__ import annotations

import random

from audit.extract.lower_match import LowerTexts

ALPHABET = "ab \nİK"  # "İ" makes a text unsafe; "\n" lets a needle cross into the next text


class _Scan:
    def __init__(self, clauses):
        self.clauses = clauses


def _plain(texts: list[str], clauses) -> list[int]:
    low = LowerTexts(texts)
    if not clauses:
        return list(range(len(texts)))
    found = set(low._unsafe)
    for needle in clauses[0]:
        found.update(low.holding(needle))
    return sorted(found)


def _text(rng: random.Random, letters: str, most: int) -> str:
    return "".join(rng.choice(letters) for _ in range(rng.randint(0, most)))


def test_worth_names_the_texts_of_the_plain_path():
    rng = random.Random(7)
    for _ in range(3000):
        texts = [_text(rng, ALPHABET if rng.random() < 0.2 else "ab K", 8) for _ in range(rng.randint(0, 5))]
        first = tuple(sorted({_text(rng, "ab\n", 3) or "a" for _ in range(rng.randint(1, 5))}))
        clauses = (first, ("b",)) if rng.random() < 0.5 else (first,)
        got = LowerTexts(texts).worth(_Scan(clauses))
        assert list(got) == _plain(texts, clauses), (texts, clauses)


def test_worth_tricky_cases():
    texts = ["aa", "İa", "b", "ab"]
    assert list(LowerTexts(texts).worth(_Scan((("zz", "b"),)))) == [1, 2, 3]  # unsafe kept, one needle held
    assert list(LowerTexts(["xa", "bx"]).worth(_Scan((("zz", "a\nb"),)))) == [0]  # across the newline
    assert list(LowerTexts(["xa", "bx"]).worth(_Scan((("zz", "yy"),)))) == []
    assert list(LowerTexts(["ab", "b", "a"]).worth(_Scan((("a", "b"),)))) == [0, 1, 2]
