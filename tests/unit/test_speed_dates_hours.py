"""The speed-ups in dates and hours (perf-dates) change nothing that is found.

* The week and figure patterns check once that a lead word (or a digit) starts at a word
  start before trying their branches; without that guard they match the same spans and groups.
* ``dates_in_document`` and ``hours_in_document`` read a block text repeated in a document
  once; the facts equal those of reading every block anew, pages and roles included.
* ``hours_in_document`` keeps each text's role words, quotes and step labels, and builds a fact
  only for the mentions it keeps (round 2): the reference below finds them anew per block and
  builds every fact, as the code did before.
"""
from __future__ import annotations

import dataclasses
import random
import re
from datetime import date

from audit.extract import dates, hours
from audit.extract.dates_grammar import grammar as date_grammar
from audit.extract.hours_grammar import grammar as hours_grammar
from audit.extract.spans import finditer_windows, fold, number_words, quote_around, vocabulary
from audit.model import Block, DateFact, Document, HoursFact, HoursStep, Page, Section

# the guard each pattern gained: "(?=\d|" up to the parenthesis opening the branches
_GUARD = re.compile(r"\(\?=\\d\|(?:½\|)?.*?\)(?=\(\?:\(\?P<(?:calendar|total)>)")


def _unguarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    plain, count = _GUARD.subn("", pattern.pattern, count=1)
    assert count == 1 and len(plain) < len(pattern.pattern)
    return re.compile(plain)


def _pieces() -> list[str]:
    d, h = vocabulary("dates"), vocabulary("hours")
    words = [*number_words(), *(str(w) for ws in d["weeks"].values() for w in ws), *(str(w) for w in h["hour_words"]),
             *(str(w) for w in h["total_words"]), *(str(w) for w in h["half_day_words"]),
             *(str(w) for w in h["times_words"]), *(str(w) for w in h["weekly_adjectives"]),
             *(str(p) for ps in h["units"].values() for p in ps), *(str(w) for w in d["range_words"])]
    odd = [" ", " ", "  ", "\n", " | ", "-", "/", ".", ",", ":", "½", "İ", "ẞ", "(", ")", "x", "de", "van", "Week", "12",
           "3", "2024", "08-01-2024", "٣", "eenentwintig", "42e", "uur"]
    return words + odd


def _texts(count: int, seed: int) -> list[str]:
    rng, pieces = random.Random(seed), _pieces()
    return ["".join(rng.choice(pieces) + rng.choice(["", " ", " ", "\n", ", "]) for _ in range(rng.randint(1, 30)))
            for _ in range(count)]


def _found(pattern: re.Pattern[str], text: str) -> list[tuple]:
    return [(m.span(), m.lastgroup, m.groups()) for m in pattern.finditer(text)]


def test_the_guard_is_what_the_patterns_gained():
    for pattern in (date_grammar().weeks, hours_grammar().figure):
        assert _GUARD.search(pattern.pattern)
        assert _unguarded(pattern).groupindex == pattern.groupindex


def test_guarded_patterns_match_what_the_plain_ones_match():
    patterns = [date_grammar().weeks, hours_grammar().figure]
    plain = [_unguarded(p) for p in patterns]
    hits = 0
    for text in _texts(4000, seed=11):
        folded = fold(text)
        for fast, slow in zip(patterns, plain):
            expected = _found(slow, folded)
            assert _found(fast, folded) == expected, text
            hits += len(expected)
    assert hits > 1000  # the texts do hold weeks and figures


def test_guarded_patterns_match_the_same_inside_windows():
    g = date_grammar()
    slow = _unguarded(g.weeks)
    for text in _texts(1000, seed=5):
        folded = fold(text)
        windows = [(a, min(len(folded), a + 25)) for a in range(0, len(folded), 20)]
        assert ([m.span() for m in finditer_windows(g.weeks, folded, windows)]
                == [m.span() for m in finditer_windows(slow, folded, windows)])


def _document(seed: int) -> tuple[Document, list[Section]]:
    """Blocks drawn from a few texts, so that texts repeat on other pages and under other titles."""
    rng = random.Random(seed)
    texts = [t for t in _texts(6, seed) if t.strip()] + [
        "Op 12 maart 2024 gezien; op 3 april weer. Week 14: 2 x 3 uur per week.",
        "Belastbaar 4 uur per dag, vanaf week 5 | 3 x 4 uur",
        "Eerste ziektedag | 08-01-2024\nArbeidsduur | 32 uur",
        "Week 1-2: 2 x 2 uur\nWeek 3-4: 3 x 3 uur", "Zoekprofiel", "Belastbaarheid"]
    pages, sections = [], []
    for number in range(1, 5):
        blocks = []
        for _ in range(rng.randint(3, 8)):
            kind = rng.choice(["paragraph", "paragraph", "heading", "table"])
            blocks.append(Block(kind, rng.choice(texts), number if rng.random() < 0.7 else 0))
        pages.append(Page(number, tuple(blocks)))
        sections.append(Section(rng.choice(["Zoekprofiel", "Belastbaarheid", "Gegevens"]), tuple(blocks)))
    return Document(f"map/{seed}.pdf", "pdf", tuple(pages)), sections


def _dates_block_by_block(doc: Document):
    """``dates_in_document`` as it was: every block scanned and quoted anew."""
    raws, weeks = [], []
    for page in doc.pages:
        for block in page.blocks:
            if block.is_furniture or not block.text:
                continue
            number = block.page or page.number
            raws += [(number, quote_around(block.text, r.start, r.end), r) for r in dates.scan_dates(block.text)]
            weeks += dates.find_weeks(block.text, number, document=doc.path)
    full = [date(r.year, r.month, r.day) for _, _, r in raws if r.year]
    by_id = {id(r): (number, quote) for number, quote, r in raws}
    facts, seen = [], set()
    for raw, value, end, inferred in dates.resolve([r for _, _, r in raws], max(full) if full else None):
        number, quote = by_id[id(raw)]
        key = (value, raw.text.strip(), number, quote)
        if key not in seen:
            seen.add(key)
            facts.append(DateFact(value=value, text=key[1], page=number, quote=quote, end=end,
                                  year_inferred=inferred, document=doc.path))
    return facts, dates._unique_weeks(weeks)


def test_repeated_blocks_give_the_dates_of_reading_each_block():
    found = 0
    for seed in range(60):
        doc, _ = _document(seed)
        expected = _dates_block_by_block(doc)
        assert dates.dates_in_document(doc) == expected, seed
        found += len(expected[0]) + len(expected[1])
    assert found > 100


def _plain_finish(text: str, page: int, title_role, document: str):
    """Facts and step labels of one block, each hit's sentence, roles and label found anew."""
    g = hours.grammar()
    out = []
    for h in hours._scan(text):
        before, after = hours.roles_near(text, h.start, h.end)
        role = before or title_role or after
        unit = h.unit
        if h.limit is None and unit is None:
            if not (role and role != "worked" and g.bare_min <= (h.value or 0) <= g.bare_max):
                continue
            unit = "per_week"
        if h.limit == "none" and role is None:
            role = "fml"
        fact = HoursFact(value=h.value, unit=unit, text=" ".join(text[h.start:h.end].split()), page=page,
                         quote=quote_around(text, h.start, h.end), role=role, limit=h.limit, low=h.low,
                         high=h.high, document=document)
        out.append((hours._step_label(fold(text), h.start, g), fact))
    return out


def _plain_steps(block: int, pairs, offset: int):
    steps = []
    for i, (m, fact) in enumerate(pairs):
        if m is None or fact.per_week is None:
            continue
        a = int(m.group("a"))
        b = int(m.group("b")) if m.group("b") else a
        if b >= a:
            steps.append(hours._Step(block, m.start(), HoursStep(a, b, fact.per_week, bool(m.group("from"))),
                                     offset + i))
    return steps


def _plain_schedules(facts: list[HoursFact], steps, places) -> list[HoursFact]:
    """``hours._attach_schedules`` over built facts, as it was."""
    for run in hours._schedules(steps):
        indices = [s.fact_index for s in run]
        block, title_role = places[indices[0]]
        role = title_role
        for i in range(indices[0] - 1, -1, -1):
            if role or places[i][0] < block - hours.SCHEDULE_INTRO_REACH:
                break
            if facts[i].role and facts[i].role != "contract" and not facts[i].steps:
                role = facts[i].role
        role = role or facts[indices[0]].role
        for i in indices:
            facts[i] = dataclasses.replace(facts[i], role=role)
        facts[indices[0]] = dataclasses.replace(facts[indices[0]], steps=tuple(s.step for s in run))
    return facts


def _plain_unique(facts: list[HoursFact]) -> list[HoursFact]:
    seen, out = set(), []
    for f in facts:
        key = (f.text.lower(), f.value, f.unit, f.limit, f.role)
        if f.steps or key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _hours_block_by_block(doc: Document, sections: list[Section]):
    """``hours_in_document`` as it was: every block scanned, and every hit quoted, anew, and a
    fact built for every mention."""
    titles = hours._section_titles(sections)
    facts, places, steps = [], [], []
    blocks = [b for p in doc.pages for b in p.blocks if not b.is_furniture and b.text]
    heading_role = None
    for index, block in enumerate(blocks):
        if block.kind == "heading":
            heading_role = hours.role_of_title(block.text)
        title_role = hours.role_of_title(titles.get(id(block))) or heading_role
        pairs = _plain_finish(block.text, block.page, title_role, doc.path)
        steps += _plain_steps(index, pairs, len(facts))
        facts += [f for _, f in pairs]
        places += [(index, title_role)] * len(pairs)
    return _plain_unique(_plain_schedules(facts, steps, places))


def test_repeated_blocks_give_the_hours_of_scanning_each_block():
    found = 0
    for seed in range(60):
        doc, sections = _document(seed)
        expected = _hours_block_by_block(doc, sections)
        assert hours.hours_in_document(doc, sections) == expected, seed
        found += len(expected)
    assert found > 100
