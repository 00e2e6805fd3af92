"""The second round of title and cue speed-ups (issue 3) gives the answers of the plain code: the cues
found in a text at once are those each type's count finds, and a title line looked at only for the
cues the prefilter passed (and the exact ones) gets the title the loop over every cue gave; the prefilter
passes every cue that fits a line."""
from __future__ import annotations

import random

from audit.checklist import load_checklists
from audit.classify import Words, settings_of
from audit.titles import _best_cue, cue_quality, normalise, prefilter

WORDS = ["plan", "van", "aanpak", "re integratie", "verslag", "probleemanalyse", "2e", "spoor", "fml", "izp",
         "bijlage", "bij", "het", "evaluatie", "eerstejaars", "rapportage", "pa", "ad", "2024", "de"]


def _texts(rnd: random.Random, count: int) -> list[str]:
    out = []
    for _ in range(count):
        words = [rnd.choice(WORDS) if rnd.random() < 0.8 else "".join(rnd.choice("abcdeo ") for _ in range(4))
                 for _ in range(rnd.randint(0, 12))]
        out.append(rnd.choice([" ", "  ", "\n"]).join(words))
    return out


def test_found_is_every_cue_each_count_finds():
    settings = settings_of(load_checklists())
    rnd = random.Random(3)
    union = [cue for name in ("first_page", "body", "self_names") for cue in settings.phrase_union[name]]
    for text in _texts(rnd, 300):
        cues = frozenset(rnd.sample(union, min(len(union), 40)) + ["", "plan van aanpak", "van", "x  y"])
        for raw in (text, normalise(text)):
            found = Words(raw)
            assert found.found(cues) == frozenset(cue for cue in cues if f" {cue} " in f" {raw} "), raw
            assert len(found.found(cues)) == found.count(cues), raw


def _plain_best_cue(line: str, settings, subject: bool):
    best = None
    for cue in settings.title_cues:  # every cue, no prefilter
        quality = cue_quality(line, cue, settings, subject)
        if quality <= 0:
            continue
        rank = quality + 0.01 * len(cue.text)
        if best is None or rank > best[0]:
            best = (rank, cue.doc_type, quality)
    return best


def _slipped(text: str, rnd: random.Random, slips: int) -> str:
    """OCR slips: letters dropped, added or changed."""
    for _ in range(slips):
        at = rnd.randrange(len(text) + 1)
        kind = rnd.choice("dai")
        letter = rnd.choice("abcdeilmnorstuv ")
        text = text[:at] + letter + text[at + 1:] if kind == "a" else \
            text[:at] + text[at + 1:] if kind == "d" else text[:at] + letter + text[at:]
    return text.strip()


def _near_misses(settings, rnd: random.Random) -> list[str]:
    """Cues with a few slips, alone, at the head of a short or long line, inside one, and cut short: the lines a fuzzy
    match scores close to ``fuzzy_min`` on."""
    lines = []
    for cue in settings.cue_texts:
        for slips in (1, 2, 3, 4):
            slipped = _slipped(cue, rnd, slips)
            lines += [slipped, f"{slipped} {rnd.choice(WORDS)}", f"{rnd.choice(WORDS)} {slipped} 2024",
                      f"bijlage bij het {slipped}", slipped[: max(1, len(slipped) - slips)],
                      f"{slipped} {' '.join(rnd.choices(WORDS, k=12))}"]  # a long line: only its head counts
    return [line for line in lines if line]


def test_best_cue_is_the_loop_over_every_cue():
    settings = settings_of(load_checklists())
    rnd = random.Random(7)
    lines = [normalise(t) for t in _texts(rnd, 300)] + list(settings.cue_texts)
    lines += [f"{cue} {rnd.choice(WORDS)}" for cue in settings.cue_texts]
    lines += _near_misses(settings, rnd)[::3]
    for line in filter(None, lines):
        for subject in (False, True):
            assert _best_cue(line, settings, subject) == _plain_best_cue(line, settings, subject), line


def test_prefilter_passes_every_cue_that_fits():
    """The LCS bound of ``CueBound`` drops only cues that score 0: checked on every cue against
    lines a few OCR slips away from it, where fuzzy scores sit around the threshold."""
    settings = settings_of(load_checklists())
    lines = _near_misses(settings, random.Random(11))
    fitting = 0
    for line, passed in zip(lines, prefilter(lines, settings)):
        for row, cue in enumerate(settings.title_cues):
            if cue.exact:
                continue
            fits = any(cue_quality(line, cue, settings, subject) > 0 for subject in (False, True))
            fitting += fits
            assert row in passed or not fits, (line, cue.text)
    assert fitting > 1000  # the lines do reach the threshold
