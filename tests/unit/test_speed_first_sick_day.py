"""First sick day votes "sinds 4 september 2023 ziek" are looked for only in lines where both the
words before and after a date may match (a speed-up); they are the votes of the plain loop over
every date of every line."""
from __future__ import annotations

import random
from datetime import date
from types import SimpleNamespace

from audit.extract.event_text import DateSpot, Line, any_scanner, vocab_patterns
from audit.extract.events import MAX_SICK_SPAN, _first_sick_day_votes, event_vocab, labelled_dates

WORDS = ["sinds", "Vanaf", "PER", "per week", "ziek", "ZIEK", "(griep) ziek", "arbeidsongeschikt", "uitgevallen",
         "niet meer werkt", "niet", "werkt", "de", "is", "werknemer", "eerste ziektedag", "datum ziekmelding", ":",
         "|", "ſinds", "İ", "zİek", "\u00a0"]


def _plain(audited, lines, vocab):
    found = labelled_dates(lines, vocab.get("first_sick_day_labels"))
    if audited.doc_type not in set(vocab.get("first_sick_day_melding_doc_types") or ()):
        found += labelled_dates(lines, vocab.get("first_sick_day_melding_labels"))
    around = vocab.get("first_sick_day_around") or {}
    before = any_scanner(vocab_patterns(around.get("before")))
    after = any_scanner(vocab_patterns(around.get("after")))
    for line in lines:
        for spot in line.dates:
            if before.found(line.text[max(0, spot.start - 30):spot.start]) and \
                    after.found(line.text[spot.end:spot.end + 40]):
                found.append((spot.value, line))
    own = audited.doc_date
    return [(d, line) for d, line in found if own is None or (d <= own and own - d <= MAX_SICK_SPAN)]


def _line(rnd, n):
    text, spots = "", []
    for _ in range(rnd.randrange(1, 10)):
        text += rnd.choice(["", " ", "  "]) if text else ""
        if rnd.random() < 0.3:
            spots.append(DateSpot(len(text), len(text) + 10, date(2023, 1 + len(spots), 4)))
            text += "04-01-2023"
        else:
            text += rnd.choice(WORDS)
    return Line("d.pdf", 1, text, tuple(spots), n)


def test_votes_are_those_of_the_plain_loop():
    vocab = event_vocab(None)
    rnd = random.Random(4)
    voted = 0
    for _ in range(400):
        lines = [_line(rnd, n) for n in range(rnd.randrange(1, 10))]
        audited = SimpleNamespace(doc_type=rnd.choice(["ziekmelding_uwv", "evaluatie"]),
                                  doc_date=rnd.choice([None, date(2024, 1, 1)]))
        plain = _plain(audited, lines, vocab)
        assert _first_sick_day_votes(audited, lines, vocab) == plain, [x.text for x in lines]
        voted += len(plain)
    assert voted > 200  # the lines do vote
