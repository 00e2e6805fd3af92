"""Dates in a document's lines are looked for only where a lowered date text stands (a speed-up in
audit.extract.event_text): the spots are those of the case-insensitive pattern scanned over each line."""
from __future__ import annotations

import random
from datetime import date

from audit.extract.event_text import DateTexts, LowerTexts, _fact_pattern, _fact_texts, _spots, _spots_at, date_starts
from audit.model import DateFact

# Date texts that hold one another, differ only in case, or hold characters whose case-insensitive
# matching lowercase search cannot tell (İ, ſ, the Kelvin sign: unsafe, scanned whole).
TEXTS = ["1 maart 2024", "11 maart 2024", "1 Maart", "01-02-2024", "1-02-2024", "02-2024", "12.3.24", "2 mei",
         "12 MEI 2024", "12-12", "1\u00a0juni 2024", "3 juli\u2019s", "5 ſept", "6 \N{KELVIN SIGN}w", "7 İ",
         "ÉÉN mei"]
FILLER = ["de", "112-12-12", "op", "x", "1", "0", "2024", "a1", "|", "-", ":", ".", "Maart", "MEI", "juni", "ß", "é",
          "\u2013", "s", "k", "i", "ı", "  ", "\t", "_", "²", "½", "ª", "º", "¹", "a"]


def _facts(rnd: random.Random) -> list[DateFact]:
    texts = rnd.sample(TEXTS, rnd.randrange(1, 7))
    return [DateFact(date(2024, 1, 1 + n), t, 1, t) for n, t in enumerate(texts)]


def _text(rnd: random.Random, facts: list[DateFact]) -> str:
    parts = []
    for _ in range(rnd.randrange(0, 12)):
        if rnd.random() < 0.4:
            t = rnd.choice(facts).text
            parts.append(rnd.choice([t, t.upper(), t.lower(), t.swapcase(), t[1:], t[:-1]]))
        else:
            parts.append(rnd.choice(FILLER))
    return rnd.choice(["", " "]).join(parts)


def _by_text(facts):
    by_text = {}
    for f in facts:
        by_text.setdefault(f.text.lower(), f)
    return by_text


def _fast(texts, facts):
    pattern, by_text = _fact_pattern(facts), _by_text(facts)
    dates, low = DateTexts(_fact_texts(facts)), LowerTexts(texts)
    return [_spots(t, pattern, by_text) if at is None else _spots_at(t, low.each[n], at, dates, by_text)
            for n, (t, at) in enumerate(zip(texts, date_starts(low, dates)))]


def test_spots_at_the_lowered_date_texts_are_those_of_the_scan():
    rnd = random.Random(7)
    checked = 0
    for _ in range(1500):
        facts = _facts(rnd)
        texts = [_text(rnd, facts) for _ in range(rnd.randrange(1, 6))]
        pattern, by_text = _fact_pattern(facts), _by_text(facts)
        plain = [_spots(t, pattern, by_text) for t in texts]
        assert _fast(texts, facts) == plain, (texts, [f.text for f in facts])
        checked += sum(map(len, plain))
    assert checked > 2000  # the inputs do hold dates


def test_unsafe_texts_and_date_texts_are_scanned_whole():
    facts = [DateFact(date(2024, 9, 5), "5 sept", 1, "5 sept")]
    low = LowerTexts(["op 5 ſept", "op 5 SEPT"])
    assert date_starts(low, DateTexts(["5 sept"])) == [None, [3]]  # "ſ" matches "s" case-insensitively: scan it
    assert date_starts(low, DateTexts(["5 ſept"])) == [None, None]
    assert _fast(["op 5 ſept", "op 5 SEPT", "op 15 sept"], facts) == \
           [_spots(t, _fact_pattern(facts), _by_text(facts)) for t in ["op 5 ſept", "op 5 SEPT", "op 15 sept"]]
