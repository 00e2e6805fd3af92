"""``_best_cue`` looking only at the exact cues (FML, IZP, PvA) that stand as a word of the line (issue 3,
speed only) gives the title of the loop over every cue: an exact cue elsewhere scores 0."""
from __future__ import annotations

import random

from audit import titles
from audit.checklist import load_checklists
from audit.classify import settings_of
from audit.titles import _best_cue, cue_quality, normalise

FILLER = ["bijlage", "bij", "het", "de", "datum", "2024", "12 03 2024", "rapportage", "verslag van", "toelichting",
          "plan van aanpak", "evaluatie", "x", "izpx", "fmls", "a d", "p a", "re integratie"]


def _plain_best_cue(line, settings, subject):
    best = None
    for cue in settings.title_cues:
        quality = cue_quality(line, cue, settings, subject)
        if quality > 0 and (best is None or quality + 0.01 * len(cue.text) > best[0]):
            best = (quality + 0.01 * len(cue.text), cue.doc_type, quality)
    return best


def _lines(settings, rnd: random.Random) -> list[str]:
    """Every exact cue alone, first, inside, last, glued to a word, in long and short lines."""
    exact = [settings.title_cues[row].text for row in settings.exact_rows]
    lines = []
    for _ in range(600):
        words = rnd.choices(FILLER, k=rnd.randint(0, 13))
        for cue in rnd.sample(exact, rnd.randint(0, 2)):
            words.insert(rnd.randint(0, len(words)), rnd.choice((cue, cue, f"{cue}x", cue.upper())))
        lines.append(normalise(" ".join(words)) if rnd.random() < 0.8 else "  ".join(words))
    return [line for line in lines + exact if line]


def test_best_cue_is_the_loop_over_every_cue():
    settings = settings_of(load_checklists())
    lines = _lines(settings, random.Random(21))
    found = 0
    for line in lines:
        for subject in (False, True):
            got = _best_cue(line, settings, subject)
            assert got == _plain_best_cue(line, settings, subject), line
            found += got is not None
    assert found > 300


def test_a_wrong_word_test_is_caught(monkeypatch):
    """The comparison fails when exact cues are looked at only as the line's first word."""
    settings = settings_of(load_checklists())

    monkeypatch.setattr(titles, "set", lambda words: set(list(words)[:1]), raising=False)  # the line's words
    lines = _lines(settings, random.Random(22))
    assert any(_best_cue(line, settings, False) != _plain_best_cue(line, settings, False) for line in lines)
