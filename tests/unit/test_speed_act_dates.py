"""The date an agreement sentence opens with ("Op 1 juni 2024 hebben wij ... afgesproken") is
looked for only after dates followed by an auxiliary (a speed-up in doc_dates._act_dates); the
dates found are those of the plain test of every date."""
from __future__ import annotations

import random
from datetime import date

from audit.extract.doc_dates import _AUXILIARY, _OPENS_SENTENCE, _SENTENCE_END, _act_dates, event_vocab
from audit.extract.event_text import DateSpot, Line, compile_any, vocab_patterns

WORDS = ["Op", "op", "per", "d.d.", "maandag", "hebben", "HEEFT", "had", "is", "zijn", "werden", "hebbend", "isolatie",
         "wij", "Anouk en ik", "afgesproken", "vastgelegd", "opgesteld", ".", "!", "?", ":", ",", ";", "het gesprek",
         "is.", "heeft!", "\u00a0", "İs", "ſ"]


def _plain(lines, acts):
    pattern = compile_any(vocab_patterns(acts))
    found = []
    for line in lines:
        for spot in line.dates:
            after = line.text[spot.end:spot.end + 200]
            end = _SENTENCE_END.search(after)
            sentence = after[:end.start()] if end else after
            if _OPENS_SENTENCE.search(line.text[:spot.start]) and _AUXILIARY.match(sentence) and \
                    pattern.search(sentence):
                found.append((spot.value, line))
    return found


def _line(rnd, n):
    text, spots = "", []
    for _ in range(rnd.randrange(1, 12)):
        text += rnd.choice(["", " ", " ", "  ", ", "]) if text else ""
        if rnd.random() < 0.25:
            spots.append(DateSpot(len(text), len(text) + 10, date(2024, 1 + len(spots), 1)))
            text += "01-06-2024"
        else:
            text += rnd.choice(WORDS)
    return Line("d.pdf", 1, text, tuple(spots), n)


def test_act_dates_are_those_of_the_plain_test():
    acts = event_vocab(None)["document_date_acts"]["plan_van_aanpak"]
    rnd = random.Random(8)
    dated = 0
    for _ in range(5000):
        lines = [_line(rnd, n) for n in range(rnd.randrange(1, 5))]
        plain = _plain(lines, acts)
        assert _act_dates(lines, acts) == plain, [x.text for x in lines]
        dated += len(plain)
    assert dated > 100  # the lines do hold agreement dates
