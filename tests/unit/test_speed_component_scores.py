"""``component_scores`` matching each distinct section title once against each distinct heading cue, and
remembering the answer per title (issue 3, speed only), gives the scores of the plain pass over every
heading cue of every component, also when titles repeat between calls and the memo fills up."""
from __future__ import annotations

import random
import re
from dataclasses import replace

import pytest
from rapidfuzz import fuzz, process

from audit import classify
from audit.checklist import load_checklists
from audit.classify import component_scores, normalise, settings_of
from audit.model import Block, Section

_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)*|[ivx]+|[a-z])[.)]\s+", re.IGNORECASE)


def _plain_scores(sections, settings) -> dict[str, float]:
    """The code before: every heading cue (duplicates too) against the normalised distinct titles."""
    titles = list(dict.fromkeys(normalise(_NUMBER.sub("", s.title)) for s in sections if s.title))
    scores: dict[str, float] = {}
    if not titles:
        return scores
    flat = settings.flat_heads
    shown = process.cdist(flat, titles, scorer=fuzz.ratio,
                          score_cutoff=settings["fuzzy_min"]).any(axis=1).tolist() if flat else []
    row = 0
    for dt, components in settings.component_heads.items():
        found = 0
        for heads in components:
            if heads and any(shown[row:row + len(heads)]):
                found += 1
            row += len(heads)
        scores[dt] = found / len(components)
    return scores


def _slipped(text: str, rnd: random.Random) -> str:
    for _ in range(rnd.choice((0, 0, 1, 2, 3))):
        at = rnd.randrange(len(text) + 1)
        text = text[:at] + rnd.choice("aeiklnorst -") + text[at + rnd.choice((0, 1)):]
    return text


def _sections(settings, rnd: random.Random) -> list[Section]:
    heads = settings.flat_heads
    out = []
    for _ in range(rnd.randint(0, 25)):
        kind = rnd.random()
        if kind < 0.6:
            title = _slipped(rnd.choice(heads), rnd)
            title = rnd.choice(("", "2. ", "3.1 ", "a) ", "IV. ")) + (title.upper() if rnd.random() < 0.2 else title)
        elif kind < 0.7:
            title = rnd.choice(("", None, "1.", "  ", "§", "Zoekprofiel:"))
        else:
            title = " ".join(rnd.choices(("plan", "van", "aanpak", "werk", "het", "re-integratie", "2e", "spoor"),
                                         k=rnd.randint(1, 5)))
        out.append(Section(title, (Block("paragraph", "x", 1),)))
    return out


@pytest.fixture()
def settings():
    found = settings_of(load_checklists())
    found.memo.clear()
    yield found
    found.memo.clear()


def test_scores_are_the_plain_pass(settings, monkeypatch):
    rnd = random.Random(4)
    cases = [_sections(settings, rnd) for _ in range(400)]
    monkeypatch.setattr(classify, "MEMO_SIZE", 300)  # the memo fills and is cleared mid-run
    matched = 0
    for sections in cases + cases[::3]:  # titles seen before come from the memo
        got = component_scores(sections, None, settings)
        assert got == _plain_scores(sections, settings), [s.title for s in sections]
        assert list(got) == list(_plain_scores(sections, settings))
        matched += any(got.values())
    assert matched > 200


def test_a_dropped_heading_is_caught(settings):
    """The comparison above fails when one component loses its headings."""
    rnd = random.Random(9)
    dt, count, groups = settings.head_groups[0]
    broken = replace(settings, head_groups=((dt, count, groups[1:]), *settings.head_groups[1:]), memo={})
    assert any(component_scores(s, None, broken) != _plain_scores(s, settings)
               for s in (_sections(settings, rnd) for _ in range(200)))
