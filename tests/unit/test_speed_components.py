"""The speed-ups of component matching (issue 3) give the answers of the plain code: the literal
prefilter (TextIndex) skips only texts a pattern cannot match, the first live match is the first of all live
matches, and title owners are those of the per-section cue lists."""
from __future__ import annotations

import random
import re

from audit.checklist import load_checklists
from audit.component_checks import nine_digit_numbers
from audit.components import HEADING_SCORE, title_score, title_owners
from audit.cue_match import compile_words, iter_live, live_matches, normalise
from audit.model import Block, Section

TRICKY = "İıſKÅµßẞÉéËëÀàÿŸ–’•\u00a0ǅ-*.;\n "


def _phrase_lists(checklists) -> list[tuple[str, ...]]:
    lists = [tuple(comp.get("cues", {}).get("phrases", ())) for comps in checklists.components.values()
             for comp in comps.values()]
    lists += [tuple(entry.get("phrases", ())) for entry in checklists.vocab.get("conditions", {}).values()
              if isinstance(entry, dict)]
    lists += [("sollicit*", "afstand tot de arbeidsmarkt", "*", "a*b"), ("Zoek*", "ZOEKPROFIEL"), ()]
    return [p for p in lists]


def _texts(phrases: tuple[str, ...], rnd: random.Random, count: int = 40) -> list[str]:
    words = [w for p in phrases for w in p.replace("*", "").split()] + ["de", "geen", "niet", "werknemer"]
    out = []
    for _ in range(count):
        parts = [rnd.choice(words) if rnd.random() < 0.7 else
                 "".join(rnd.choice(TRICKY + "abc") for _ in range(rnd.randint(1, 4)))
                 for _ in range(rnd.randint(0, 10))]
        text = " ".join(parts)
        out.append(normalise(text) if rnd.random() < 0.8 else text)
    return out


def test_first_live_match_is_the_first_of_all_live_matches():
    checklists = load_checklists()
    rnd = random.Random(23)
    for phrases in _phrase_lists(checklists)[:40]:
        pattern = compile_words(phrases)
        for text in _texts(phrases, rnd, 15):
            every = live_matches(pattern, text, checklists)
            first = next(iter_live(pattern, text, checklists), None)
            assert (first.span() if first else None) == (every[0].span() if every else None)


def _plain_owners(sections, components):
    owners = {}
    for i, section in enumerate(sections):
        if not section.title:
            continue
        scores = {}
        for key, comp in components.items():
            cues = comp.get("cues", {})
            names = list(cues.get("headings", ())) + (list(cues.get("labels", ())) if section.kind == "label" else [])
            scores[key] = title_score(section.title, names)
        best = max(scores.values(), default=0)
        if best >= HEADING_SCORE:
            owners[i] = {k for k, v in scores.items() if v >= max(HEADING_SCORE, best - 4)}
    return owners


def test_title_owners_are_those_of_the_plain_loop():
    checklists = load_checklists()
    rnd = random.Random(29)
    for components in checklists.components.values():
        titles = [h for comp in components.values() for h in comp.get("cues", {}).get("headings", ())]
        titles += [l for comp in components.values() for l in comp.get("cues", {}).get("labels", ())]
        sections = []
        for _ in range(30):
            title = rnd.choice(titles) if titles else "x"
            if rnd.random() < 0.5:
                title = title[: rnd.randint(1, len(title))] + rnd.choice(["", "s", " plan"])
            elif rnd.random() < 0.5:  # the cue inside a longer title: at and around the word-count limit
                title = " ".join([title, *rnd.sample(["van", "de", "werknemer", "2024", "en", "plan"], rnd.randint(3, 5))])
            block = Block("heading", title, 1)
            sections.append(Section(title, (block,), 1, rnd.choice(["heading", "label"])))
        assert title_owners(sections, components) == _plain_owners(sections, components)


def test_date_values_are_those_of_find_dates():
    from audit.cue_match import date_values
    from audit.extract.dates import find_dates
    rnd = random.Random(31)
    pieces = ["op 27 mei 2024", "26 aug. 2024", "12-3-24", "3 juni", "01-03-2024 t/m 14-04-2024", "week 12",
              "maart 2024", "31-02-2024", "2024-05-01", "14 t/m 18 april", "en", "gesprek", "\n"]
    for _ in range(300):
        text = " ".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 6)))
        assert date_values(text) == tuple(d.value for d in find_dates(text, 1)), text
        assert date_values(text) == tuple(d.value for d in find_dates(text, 1)), text  # remembered


def test_text_index_finds_every_text_holding_a_literal():
    from audit.cue_match import TextIndex
    rnd = random.Random(37)
    alphabet = "ab \x00c"
    for _ in range(400):
        texts = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 6))) for _ in range(rnd.randint(0, 7))]
        literals = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 3))) for _ in range(rnd.randint(0, 3))]
        held = TextIndex(texts).holding(literals)
        assert held == sorted(set(held))
        assert {i for i, t in enumerate(texts) if any(lit in t for lit in literals)} <= set(held)
        if "\x00" not in "".join(literals):
            assert set(held) == {i for i, t in enumerate(texts) if any(lit in t for lit in literals)}


def test_text_index_matching_keeps_every_text_the_pattern_matches():
    from audit.cue_match import TextIndex
    checklists = load_checklists()
    rnd = random.Random(41)
    for phrases in _phrase_lists(checklists):
        pattern = compile_words(phrases)
        texts = _texts(phrases, rnd, 30)
        kept = set(TextIndex(texts).matching(phrases))
        assert {i for i, t in enumerate(texts) if pattern is not None and pattern.search(t)} <= kept, phrases


def test_nine_digit_numbers_are_those_of_the_look_behind_pattern():
    rnd = random.Random(31)
    for _ in range(5000):
        text = "".join(rnd.choice("0123456789 .a\u0663\n") for _ in range(rnd.randint(0, 40)))
        plain = re.findall(r"(?<![\d.])(\d{9})(?![\d])", text.replace(".", "").replace(" ", ""))
        assert nine_digit_numbers(text) == plain, text
    assert nine_digit_numbers("BSN 123.456.782, tel 0612345678") == ["123456782"]
