"""Document type from the title, first-page cues, body phrases and the components found.

A reader goes by the title on page 1, and so does this module: a re-integratieverslag or a
logboek names every other document in its chronology, so body mentions only decide when no
title is found (an employer's informal note, a letter). Every cue word and weight comes from
``checklists/doc_types.yaml``; titles are matched fuzzily (rapidfuzz) because scans carry OCR
noise. The file name is never used: real dossiers are named anything.

Title lines are taken top-down by position where the reader gives one, page numbers and short
label cells left out; a title may be abbreviated after a report noun ('Rapportage PA'). A
document without a title (an e-mail, a letter, notes) is typed by what it does, with a modest
confidence: agreements and actions (plan van aanpak), a talk about progress (evaluatie), the
company doctor's limitations, prognosis and advice (probleemanalyse), a dated list (logboek).

    page 1 lines ──title_scores──▶ {type: score}  ┐
    page 1 text  ──cue_scores────▶ {type: score}  │
    all text     ──cue_scores────▶ {type: score}  ├─▶ sum ─▶ best type, confidence
    sections     ──component_scores─▶ {type: score}│
    untitled     ──acts_scores───▶ {type: score}  ┘
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from audit.extract.dates import find_dates  # the project's one date grammar
from audit.memo import ByObject
from audit.model import Document, Page, Section
from audit.titles import (  # noqa: F401  (re-exported: audit.classify was their home)
    _LEADING_NUMBER, MEMO_SIZE, Cue, CueBound, Line, block_lines, cue_quality, is_noise, line_title, normalise,
    page_title_blocks, refers_to_other, strip_report_noun, title_scores, top_lines)

FALLBACK = "overig"
DEFAULTS: Mapping[str, float] = {
    "title_lines": 8, "line_decay": 0.06, "header_weight": 0.7, "fuzzy_min": 86,
    "exact_below_chars": 5, "mid_line_factor": 0.45, "weight_title": 1.0,
    "weight_first_page": 0.25, "weight_body": 0.2, "weight_components": 0.25,
    "body_saturation": 4, "min_score": 0.3, "title_max_chars": 140, "prefix_fuzzy_min": 85,
    "field_value_digits": 4, "weight_self": 0.3, "weight_acts": 0.45, "acts_min_share": 0.75,
    "untitled_below": 0.5, "footer_band": 0.88, "noise_max_chars": 3, "dated_entries_min": 5,
    "dated_entries_share": 0.6, "mid_line_max_words": 10, "whole_line_below_chars": 3,
}


@dataclass(frozen=True)
class Settings:
    values: Mapping[str, float]
    title_cues: tuple[Cue, ...]
    prefixes: tuple[str, ...]
    phrase_cues: Mapping[str, Mapping[str, frozenset[str]]]  # field -> doc type -> normalised cues

    cue_texts: tuple[str, ...] = ()
    component_heads: Mapping[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    reference_words: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()
    report_nouns: frozenset[str] = frozenset()
    acts: Mapping[str, tuple[frozenset[str], ...]] = field(default_factory=dict)
    page_words: frozenset[str] = frozenset()
    dated_list_types: tuple[str, ...] = ()  # an untitled list of dated entries is this type
    exact_rows: tuple[int, ...] = ()  # the title cues that must stand as a whole word (no fuzzy prefilter)
    phrase_union: Mapping[str, frozenset[str]] = field(default_factory=dict)  # field -> the cues of every type
    flat_heads: tuple[str, ...] = ()  # every heading cue of ``component_heads``, in order
    memo: dict = field(default_factory=dict, compare=False)  # line -> title: letterheads repeat
    heads_memo: dict = field(default_factory=dict, compare=False)  # section title -> heading rows shown
    cue_bound: CueBound | None = None  # which title cues a line may match (titles.prefilter)
    unique_heads: tuple[str, ...] = ()  # the heading cues of ``flat_heads``, each once
    # per type: its number of components, and per component with headings the rows of ``unique_heads`` it has
    head_groups: tuple[tuple[str, int, tuple[frozenset[int], ...]], ...] = ()

    def __getitem__(self, key: str) -> float:
        return self.values[key]


_SETTINGS: ByObject[Settings] = ByObject(8)


def settings_of(checklists: Any) -> Settings:
    """Built once per loaded Checklists (it is frozen; dicts inside keep it unhashable)."""
    return _SETTINGS.get(checklists, lambda: _settings(checklists))


def _settings(checklists: Any) -> Settings:
    own = getattr(checklists, "doc_type_settings", {}) or {}
    values = {**DEFAULTS, **own.get("matching", {})}
    cues = tuple(
        Cue(dt, norm, len(norm) < values["exact_below_chars"])
        for dt, entry in checklists.doc_types.items()
        for norm in dict.fromkeys(normalise(c) for c in entry.get("titles", ()))
        if norm
    )
    prefixes = tuple(normalise(p) for p in own.get("title_prefixes", ()))
    phrases = {
        name: {dt: frozenset(normalise(c) for c in entry.get(name, ())) - {""}
               for dt, entry in checklists.doc_types.items()}
        for name in ("first_page", "body")
    }
    # 'in deze probleemanalyse', 'dit plan van aanpak': a document naming itself
    phrases["self_names"] = {
        dt: frozenset(normalise(f"{word} {name}") for word in own.get("self_words", ())
                      for name in entry.get("self_names", ()))
        for dt, entry in checklists.doc_types.items()
    }
    heads = {
        dt: tuple(tuple(normalise(h) for h in _component_headings(entry)) for entry in components.values())
        for dt, components in (getattr(checklists, "components", {}) or {}).items()
        if dt in checklists.doc_types and components
    }
    words = {name: frozenset(normalise(w) for w in own.get(name, ()))
             for name in ("reference_words", "articles", "report_nouns")}
    acts = {dt: tuple(frozenset(normalise(c) for c in group) - {""} for group in entry.get("acts", ()))
            for dt, entry in checklists.doc_types.items() if entry.get("acts")}
    page_words = frozenset(normalise(w) for w in own.get("bundle", {}).get("page_words", ()))
    dated = tuple(dt for dt, entry in checklists.doc_types.items() if entry.get("dated_list"))
    unique = tuple(dict.fromkeys(head for components in heads.values() for group in components for head in group))
    row_of = {head: row for row, head in enumerate(unique)}
    groups = tuple((dt, len(components), tuple(frozenset(row_of[h] for h in group) for group in components if group))
                   for dt, components in heads.items())
    return Settings(values, cues, prefixes, phrases, tuple(cue.text for cue in cues), heads,
                    words["reference_words"], words["articles"], words["report_nouns"], acts, page_words,
                    dated, tuple(row for row, cue in enumerate(cues) if cue.exact),
                    {name: frozenset().union(*table.values()) for name, table in phrases.items()},
                    tuple(head for components in heads.values() for group in components for head in group),
                    cue_bound=CueBound(cues, values["fuzzy_min"], values["mid_line_max_words"]),
                    unique_heads=unique, head_groups=groups)


# --------------------------------------------------------------------------- other evidence


class Words:
    """A text padded with spaces, and the set of its words: a cue ``f" {cue} "`` stands in the padded
    text only if each of its words is one of the text's words, and set look-ups cost far less than a
    substring search through a whole document per cue (issue 3, speed only)."""

    def __init__(self, text: str):
        self.padded = f" {text} "
        split = text.split()
        self.words = frozenset(split)
        self.clean = " ".join(split) == text  # one space between words: a one-word cue stands iff it is a word

    def has(self, cue: str) -> bool:
        """``f" {cue} " in padded``."""
        return all(w in self.words for w in _cue_words(cue)) and f" {cue} " in self.padded

    def count(self, cues: frozenset[str]) -> int:
        """How many of the cues stand in the text: ``sum(self.has(cue) for cue in cues)``."""
        singles, others = _single_words(cues)
        hits = len(singles & self.words) if self.clean else sum(1 for cue in singles if self.has(cue))
        return hits + sum(1 for cue in self._others_found(others))

    def found(self, cues: frozenset[str]) -> frozenset[str]:
        """The cues that stand in the text: ``count`` is the size of this set (one pass over the
        cues of every type at once, instead of one per type)."""
        singles, by_word, wordless = _cue_index(cues)
        hits = singles & self.words if self.clean else frozenset(cue for cue in singles if self.has(cue))
        # only the cues whose longest word is one of the text's words can stand in it
        return hits | frozenset(cue for word in by_word.keys() & self.words
                                for cue in self._others_found(by_word[word])) | frozenset(self._others_found(wordless))

    def any(self, cues: frozenset[str]) -> bool:
        """Whether one of the cues stands in the text."""
        singles, others = _single_words(cues)
        if self.clean and singles & self.words or not self.clean and any(self.has(cue) for cue in singles):
            return True
        return next(self._others_found(others), None) is not None

    def _others_found(self, others: tuple[tuple[str, tuple[str, ...]], ...]) -> Iterator[str]:
        """The cues of ``others`` (each with its words, longest first) that stand in the text."""
        words, padded = self.words, self.padded
        for cue, parts in others:
            for word in parts:
                if word not in words:
                    break
            else:
                if f" {cue} " in padded:
                    yield cue


@lru_cache(maxsize=8192)
def _cue_words(cue: str) -> tuple[str, ...]:
    return tuple(cue.split())


@lru_cache(maxsize=1024)
def _single_words(cues: frozenset[str]) -> tuple[frozenset[str], tuple[tuple[str, tuple[str, ...]], ...]]:
    """The cues that are one word (no white space in them), and the others with their words, the
    longest (the rarest, most likely) first."""
    singles = frozenset(cue for cue in cues if _cue_words(cue) == (cue,))
    return singles, tuple((cue, tuple(sorted(_cue_words(cue), key=len, reverse=True)))
                          for cue in cues if cue not in singles)


@lru_cache(maxsize=64)
def _cue_index(cues: frozenset[str]) -> tuple[frozenset[str], dict[str, tuple[tuple[str, tuple[str, ...]], ...]],
                                               tuple[tuple[str, tuple[str, ...]], ...]]:
    """``_single_words`` with the other cues grouped by their longest word (and those without a
    word apart)."""
    singles, others = _single_words(cues)
    groups: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for cue, parts in others:
        if parts:
            groups.setdefault(parts[0], []).append((cue, parts))
    wordless = tuple((cue, parts) for cue, parts in others if not parts)
    return singles, {word: tuple(group) for word, group in groups.items()}, wordless


def cue_scores(text: str | Words, checklists: Any, field_name: str, saturation: float) -> dict[str, float]:
    """Share of a type's distinct cues (whole words) present in the text, capped at 1."""
    words = text if isinstance(text, Words) else Words(text)
    settings = settings_of(checklists)
    found = words.found(settings.phrase_union[field_name])  # types share cues: each looked up once
    scores: dict[str, float] = {}
    for dt, cues in settings.phrase_cues[field_name].items():
        if not cues:
            continue
        scores[dt] = min(1.0, len(cues & found) / min(saturation, len(cues)))
    return scores


def _component_headings(entry: Any) -> list[str]:
    """Heading cues of one component, whatever shape the components file gives them."""
    cues = entry.get("cues") if isinstance(entry, Mapping) else None
    if isinstance(cues, Mapping):
        cues = cues.get("headings", ())
    return [c for c in cues or () if isinstance(c, str)]


def component_scores(sections: Sequence[Section], checklists: Any, settings: Settings) -> dict[str, float]:
    """Share of a checklist's components whose heading appears as a section title."""
    titles = list(dict.fromkeys(s.title for s in sections if s.title))
    if not titles:
        return {}
    shown = frozenset().union(*_heads_shown(titles, settings))
    return {dt: sum(1 for heads in groups if not shown.isdisjoint(heads)) / count
            for dt, count, groups in settings.head_groups}


def _heads_shown(titles: Sequence[str], settings: Settings) -> list[frozenset[int]]:
    """Per section title, the rows of ``unique_heads`` it matches. One C pass over the titles not yet
    seen (a call per component cost more than the matching; each pair is scored alone, and
    fuzz.ratio is symmetric); the answers stay in ``heads_memo``: a dossier's documents repeat their
    headings."""
    memo = settings.heads_memo
    new = [title for title in dict.fromkeys(titles) if title not in memo]
    if new:
        if len(memo) + len(new) > MEMO_SIZE:
            memo.clear()
            new = list(dict.fromkeys(titles))
        texts = [normalise(_LEADING_NUMBER.sub("", title)) for title in new]
        scores = process.cdist(texts, settings.unique_heads, scorer=fuzz.ratio,
                               score_cutoff=settings["fuzzy_min"]) if settings.unique_heads else ()
        for title, row in zip(new, scores):
            memo[title] = frozenset(np.flatnonzero(row).tolist())
        for title in new[len(scores):]:
            memo[title] = frozenset()
    return [memo[title] for title in titles]


# --------------------------------------------------------------------------- decision


def first_text_page(doc: Document) -> Page | None:
    """The first page with text of its own (a blank or furniture-only cover page of a scan
    does not hold the title)."""
    for page in doc.pages:
        if any(b.text.strip() for b in page.blocks if not b.is_furniture):
            return page
    return doc.pages[0] if doc.pages else None


def acts_scores(text: str | Words, settings: Settings) -> dict[str, float]:
    """What an untitled document does, per type: the share of the type's groups of phrases
    (agreements, actions, ...) present, 0 below ``acts_min_share``."""
    found = text if isinstance(text, Words) else Words(text)
    scores: dict[str, float] = {}
    for dt, groups in settings.acts.items():
        share = sum(1 for group in groups if found.any(group)) / len(groups)
        scores[dt] = share if share >= settings["acts_min_share"] else 0.0
    return scores


def dated_entries(doc: Document, settings: Settings) -> bool:
    """A list of contacts: most lines or table rows open with a date ('12-03-2024 telefonisch
    contact', 'Op 3 mei 2024 ...')."""
    lines = [line for page in doc.pages for raw, furniture in block_lines(page.blocks) if not furniture
             for line in (raw,) if len(line) > 12]
    lines += [" ".join(row) for page in doc.pages for b in page.blocks if b.kind == "table" and b.rows
              for row in b.rows]
    if len(lines) < settings["dated_entries_min"]:
        return False
    dated = sum(1 for line in lines if _opens_with_date(line))
    return dated >= settings["dated_entries_min"] and dated >= settings["dated_entries_share"] * len(lines)


def _opens_with_date(line: str) -> bool:
    head = line[:40]
    return any(0 <= head.find(fact.text) <= 4 for fact in find_dates(head, 1))


def type_scores(doc: Document, sections: Sequence[Section], checklists: Any) -> dict[str, float]:
    settings = settings_of(checklists)
    page = first_text_page(doc)
    first = page.blocks if page else ()
    text = Words(normalise(doc.text))  # one word set for the body, self-name and acts cues
    titles = title_scores(top_lines(page_title_blocks(page, settings) if page else (), settings), settings)
    parts = [
        (settings["weight_title"], titles),
        (settings["weight_first_page"],
         cue_scores(normalise("\n".join(b.text for b in first)), checklists, "first_page",
                    settings["body_saturation"])),
        (settings["weight_body"],
         cue_scores(text, checklists, "body", settings["body_saturation"])),
        (settings["weight_self"], cue_scores(text, checklists, "self_names", 1)),
        (settings["weight_components"], component_scores(sections, checklists, settings)),
    ]
    if max(titles.values(), default=0.0) < settings["untitled_below"]:
        # no title: what the document does decides (a RIV or eindevaluatie mentions all of it
        # too, which is why this counts only without a title)
        acts = acts_scores(text, settings)
        if settings.dated_list_types and dated_entries(doc, settings):
            acts.update(dict.fromkeys(settings.dated_list_types, 1.0))
        parts.append((settings["weight_acts"], acts))
    total: dict[str, float] = {}
    for weight, scores in parts:
        for dt, score in scores.items():
            total[dt] = total.get(dt, 0.0) + weight * score
    return total


def classify_doc_type(doc: Document, sections: Sequence[Section], checklists: Any) -> tuple[str, float]:
    """The document's type and a confidence in 0..1 (its score, lowered by a close runner-up)."""
    if not doc.pages or not checklists.doc_types:
        return FALLBACK, 0.0
    ranked = sorted(type_scores(doc, sections, checklists).items(), key=lambda kv: -kv[1])
    settings = settings_of(checklists)
    if not ranked or ranked[0][1] < settings["min_score"]:
        return FALLBACK, round(1.0 - (ranked[0][1] if ranked else 0.0), 2)
    best, score = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    confidence = min(1.0, score) * (1.0 - 0.5 * runner_up / score)
    return best, round(confidence, 2)
