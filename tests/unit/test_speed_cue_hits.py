"""cue_hits scans cue by cue over the dated lines (a speed-up); it finds the hits of the plain
scan, line by line over every cue with the case-insensitive patterns."""
from __future__ import annotations

import random
from datetime import date

from audit.extract.event_text import (ROW_GAP, CueHit, DateSpot, Line, _longest_first, compile_any, cue_hits,
                                      label_dates)
from audit.extract.events import event_vocab

WORDS = ["Evaluatie", "evaluatiegesprek", "zes-wekelijkse", "plan van aanpak", "PvA", "Probleemanalyse", "PA",
         "eerstejaarsevaluatie", "EJE", "FML", "start traject", "intake", "|", ":", "op", "de", "gepland",
         "ziekmelding bij UWV", "melding", "42e week", "laatste sollicitatie", "periode", "voortgangs"]


def _plain(lines, cues, multi=frozenset()):
    patterns = [(k, compile_any(tuple(v))) for k, v in cues.items()]
    hits = []
    for i, line in enumerate(lines):
        if not line.dates and not (i + 1 < len(lines) and lines[i + 1].dates):
            continue
        found = [(m.start(), m.end(), k) for k, p in patterns if p is not None
                 for m in p.finditer(line.text) if m.end() > m.start()]
        kept = _longest_first(found)
        for n, (start, end, key) in enumerate(kept):
            stop = kept[n + 1][0] if n + 1 < len(kept) else None
            opens_row = bool(line.dates) and line.dates[0].start <= 3 and line.dates[0].end <= start
            first_cell = opens_row and ROW_GAP.match(line.text[line.dates[0].end:start]) is not None
            if opens_row and (first_cell or not line.dates_after(end)):
                dates = (line.dates[0],)
            else:
                dates = label_dates(lines, i, end, all_dates=key in multi, stop=stop)
            if dates:
                hits.append(CueHit(key, line, start, end, dates))
    return hits


def _line(rnd, n):
    text, spots = "", []
    for _ in range(rnd.randrange(1, 9)):
        if rnd.random() < 0.25:
            text += " " if text else ""
            spots.append(DateSpot(len(text), len(text) + 10, date(2024, 1, 1 + len(spots))))
            text += "01-01-2024"
        else:
            word = rnd.choice(WORDS)
            text += (" " if text else "") + (word.upper() if rnd.random() < 0.2 else word)
    return Line("d.pdf", 1, text, tuple(spots), n)


def test_cue_hits_are_those_of_the_plain_scan():
    cues = event_vocab(None)["event_cues"]
    rnd = random.Random(3)
    for _ in range(150):
        lines = [_line(rnd, n) for n in range(rnd.randrange(1, 12))]
        multi = frozenset(k for k in cues if rnd.random() < 0.5)
        assert cue_hits(lines, cues, multi=multi) == _plain(lines, cues, multi)


def test_cues_that_match_the_same_words_keep_their_order():
    cues = {"eerste": ["evaluatie", "PA"], "tweede": ["(?:zes-wekelijkse )?evaluatie", r"\bpa\b"],
            "derde": ["plan van aanpak", "melding"]}
    rnd = random.Random(4)
    for _ in range(150):
        lines = [_line(rnd, n) for n in range(rnd.randrange(1, 12))]
        assert cue_hits(lines, cues) == _plain(lines, cues)
