"""The second round of component speed-ups gives the answers of the plain code: searches started
where a phrase's first word first stands, negation terms compiled once, the filler test without a
set, hour patterns compiled once, the owned sections found from the owners, and the parts and
identity marks kept per document for the dossier stage."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from audit.checklist import load_checklists
from audit.component_checks import _alt, _identity_marks, hours_in_text, identity_marks
from audit.components import find_places, is_negated_statement, title_owners
from audit.cue_match import (_each_with_start, _negation, _normalised_set, compile_words, found_from, is_absent_value,
                             is_negated, normalise)
from audit.ingest import ReadOptions, read_dossier
from audit.pipeline import audit_documents

from test_speed_components import _phrase_lists, _texts

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def checklists():
    return load_checklists()


def _plain_is_negated(text, start, end, checklists) -> bool:
    neg = _negation(checklists)
    clause_start = max(text.rfind(c, 0, start) for c in ".;!?\n") + 1
    clause_end = re.compile(r"[.;!?\n]").search(text, end)
    left = text[clause_start:start].split()[-int(neg.get("window_before", 4)):]
    right = text[end:clause_end.start() if clause_end else len(text)].split()[: int(neg.get("window_after", 6))]
    breakers = _normalised_set(tuple(neg.get("scope_breakers", ())))
    before = compile_words(tuple(neg.get("before", ())))
    after = compile_words(tuple(neg.get("after", ())))
    cut = max((i for i, w in enumerate(left) if w.strip(",:") in breakers), default=-1)
    left = left[cut + 1:]
    stop = next((i for i, w in enumerate(right) if w.strip(",:") in breakers), len(right))
    right = right[:stop]
    return bool((before and before.search(" ".join(left))) or (after and after.search(" ".join(right))))


def _plain_negated_statement(norm, comp, checklists, own_text=True) -> bool:
    first = re.split(r"(?<=[.!?;])\s+|\n+", norm.strip(), maxsplit=1)[0] if norm.strip() else ""
    after = compile_words(tuple(_negation(checklists).get("after", ())))
    if own_text and after and len(first.split()) <= 8 and after.search(first):
        return True
    pattern = compile_words(tuple(comp.get("cues", {}).get("phrases", ())))
    found = False
    for m in pattern.finditer(norm) if pattern else ():
        if not _plain_is_negated(norm, m.start(), m.end(), checklists):
            return False
        found = True
    return found


def _negated_texts(phrases, checklists, rnd, count):
    neg = _negation(checklists)
    extra = list(neg.get("before", ())) + list(neg.get("after", ())) + list(neg.get("scope_breakers", ()))
    texts = _texts(tuple(phrases) + tuple(rnd.sample(extra, min(6, len(extra)))), rnd, count)
    return [t if rnd.random() < 0.5 else rnd.choice(phrases or ("x",)).replace("*", "") + " " + t for t in texts]


def test_searches_from_the_first_word_find_what_the_whole_search_finds(checklists):
    rnd = random.Random(43)
    for phrases in _phrase_lists(checklists):
        for text in _texts(phrases, rnd, 25):
            for start, pattern in _each_with_start(phrases):
                assert found_from(start, pattern, text) == bool(start in text and pattern.search(text)), (start, text)


def test_negation_with_compiled_terms_is_the_plain_negation(checklists):
    rnd = random.Random(47)
    for phrases in _phrase_lists(checklists)[:60]:
        pattern = compile_words(phrases)
        for text in _negated_texts(phrases, checklists, rnd, 12):
            for m in pattern.finditer(text) if pattern else ():
                assert is_negated(text, m.start(), m.end(), checklists) == \
                    _plain_is_negated(text, m.start(), m.end(), checklists), text


def test_negated_statement_searched_from_the_first_word_is_the_plain_one(checklists):
    rnd = random.Random(53)
    for comps in checklists.components.values():
        for comp in comps.values():
            phrases = tuple(comp.get("cues", {}).get("phrases", ()))
            for text in _negated_texts(phrases, checklists, rnd, 10):
                norm = normalise(text)
                for own in (True, False):
                    assert is_negated_statement(norm, comp, checklists, own) == \
                        _plain_negated_statement(norm, comp, checklists, own), norm


def test_filler_values_are_those_of_the_set_test(checklists):
    rnd = random.Random(59)
    absent = _normalised_set(tuple(_negation(checklists).get("absent_values", ())))
    for _ in range(3000):
        text = "".join(rnd.choice(".-_… :;x\u00a0\t\n\u2013") for _ in range(rnd.randint(0, 8)))
        value = normalise(text).strip().strip(".:;").strip()
        plain = not value or value in absent or set(value) <= set(".-_… ")
        assert is_absent_value(text, checklists) == plain, repr(text)


def test_hours_with_compiled_patterns_are_the_plain_hours(checklists):
    common = checklists.vocab["components_common"]
    hour, times = _alt(common.get("hour_words", ["uur"])), _alt(common.get("times", ["x"]))
    per_day, per_week = _alt(common.get("per_day", [])), _alt(common.get("per_week", []))
    rnd = random.Random(61)
    words = ["2", "3,5", "4.0", "x", "uur", "uren", "per", "dag", "week", "p/w", "pw", "per week", "8", " ", "12",
             "4 uur per dag", "2 x 3 uur", "3 uur/dag", "16 uren per week", "5u dagelijks", "2 keer 4 u"]
    for _ in range(2000):
        norm = normalise(" ".join(rnd.choice(words) for _ in range(rnd.randint(0, 8))))
        plain = [float(m.group(1).replace(",", ".")) * float(m.group(2).replace(",", "."))
                 for m in re.finditer(rf"(?<![\d.,])(\d+(?:[.,]\d+)?)\s*(?:{times})\s*(?<![\d.,])(\d+(?:[.,]\d+)?)"
                                      rf"\s*(?:{hour})\b", norm)]
        for m in re.finditer(rf"(?<!x\s)(?<![\d.,])(\d+(?:[.,]\d+)?)\s*(?:{hour})\s*(?P<unit>{per_day}|{per_week})", norm):
            value = float(m.group(1).replace(",", "."))
            plain.append(value * 5 if re.fullmatch(per_day, m.group("unit")) else value)
        assert hours_in_text(norm, checklists) == plain, norm


@pytest.fixture(scope="module")
def audited(checklists):
    docs = []
    for name in ("bureau-spoor2", "wia-dossier"):
        read = read_dossier(SAMPLES / name, ReadOptions(ocr="never"))
        docs += audit_documents(read.documents, checklists)
    return docs


def _plain_section_keys(sections, owners, key):
    return [i for i in range(len(sections)) if key in owners.get(i, ())]


def test_owned_sections_are_found_in_section_order(audited, checklists):
    rnd = random.Random(67)
    for doc in audited:
        comps = checklists.components.get(doc.doc_type) or checklists.components["riv"]
        owners = title_owners(doc.sections, comps)
        shuffled = list(owners.items())
        rnd.shuffle(shuffled)
        shuffled = dict(shuffled + [(-1, set(comps)), (len(doc.sections) + 3, set(comps))])  # out of range: never a section
        for key, comp in comps.items():
            plain = find_places(doc, key, comp, owners, checklists)
            assert find_places(doc, key, comp, shuffled, checklists) == plain
            titled = [p for p in plain if p.how in ("heading", "label")]
            assert len(titled) == len(_plain_section_keys(doc.sections, owners, key))


def test_identity_marks_kept_per_document_are_fresh_copies(audited, checklists):
    for doc in audited:
        first = identity_marks(doc, checklists)
        assert first == _identity_marks(doc, checklists)
        first["signed"] = not first["signed"]  # the dossier stage marks exempt types signed
        assert identity_marks(doc, checklists) == _identity_marks(doc, checklists)
