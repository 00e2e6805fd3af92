"""Section titles against component heading cues (audit.components): ``title_score`` for one cue list,
``title_owners`` for every component of a checklist at once. Fuzzy (rapidfuzz ratio): OCR noise."""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from audit.memo import ByObject
from audit.model import Section
from audit.segment import normalise_title

HEADING_SCORE = 86  # rapidfuzz ratio of a section title against a heading cue
CONTAINED_SCORE = 90  # the cue's words all in a short title
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1024)
def _normalised_cues(cues: tuple[str, ...]) -> tuple[tuple[str, int, re.Pattern], ...]:
    out = []
    for cue in cues:
        c = normalise_title(cue)
        if c:
            out.append((c, len(c.split()), re.compile(rf"(?<!\w){re.escape(c)}(?!\w)")))
    return tuple(out)


def title_score(title: str, cues: Sequence[str]) -> float:
    """Best match of a section title against heading cues: whole-title ratio, or all cue words in a short title."""
    return _title_score(title, tuple(cues))


@lru_cache(maxsize=16384)
def _title_score(title: str, cues: tuple[str, ...]) -> float:
    """Pure and asked again per component and per riv part: cached."""
    norm = normalise_title(title)
    words = len(norm.split())
    best = 0.0
    for cue, cue_words, pattern in _normalised_cues(tuple(cues)):
        best = max(best, fuzz.ratio(norm, cue))
        if words <= cue_words + 4 and pattern.search(norm):
            best = max(best, CONTAINED_SCORE - words + cue_words)
    return best


def title_owners(sections: Sequence[Section], components: Mapping[str, Mapping]) -> dict[int, set[str]]:
    """Each titled section goes to the component(s) whose cue fits it best ('Onderbouwing zoekprofiel'
    belongs to onderbouwing_zoekprofiel, not to zoekprofiel)."""
    owners: dict[int, set[str]] = {}
    table = _title_table(components)
    titled = [(i, s) for i, s in enumerate(sections) if s.title]
    table.score_titles({s.title for _, s in titled})
    for i, section in titled:
        scores = table.scores(section.title, section.kind == "label")
        best = max(scores.values(), default=0)
        if best >= HEADING_SCORE:
            owners[i] = {k for k, v in scores.items() if v >= max(HEADING_SCORE, best - 4)}
    return owners


class _TitleTable:
    """``title_score`` of a section title against every component's cue list at once: the distinct
    normalised cues of all the lists in one rapidfuzz call (per set of titles), each list's score the
    best of its cues' (issue 3: a loop per title, component and cue cost a sixth of the audit).
    Gives ``_title_score``'s numbers exactly (tests/unit/test_speed_components.py)."""

    def __init__(self, components: Mapping[str, Mapping]):
        cues: dict[str, int] = {}
        rows = []
        for key, comp in components.items():
            found = comp.get("cues", {})
            headings = [_cue_row(cues, c) for c in found.get("headings", ())]
            labels = [_cue_row(cues, c) for c in found.get("labels", ())]
            rows.append((key, _indices(headings), _indices(headings + labels)))
        self.keys = tuple(key for key, _, _ in rows)
        # per mode (headings only; headings and labels) the lists' cue rows end to end, where each
        # non-empty list starts, and which keys those are: one reduceat gives every list's best
        self.modes = tuple(_segments(self.keys, [r[mode] for r in rows]) for mode in (1, 2))
        self.cues = tuple(cues)
        self.cue_words = tuple(len(c.split()) for c in self.cues)
        self.patterns = tuple(re.compile(rf"(?<!\w){re.escape(c)}(?!\w)") for c in self.cues)
        # a cue stands in a title as a whole only where the title has a word equal to the cue's first
        # word (the cue's first word ends where the cue has a non-word character or ends): by first word
        self.by_first: dict[str, list[int]] = {}
        self.always: list[int] = []
        for j, cue in enumerate(self.cues):
            first = _WORD.match(cue)
            if first:
                self.by_first.setdefault(first.group(), []).append(j)
            else:
                self.always.append(j)
        self.ratios: dict[str, np.ndarray] = {}  # title -> its score against each cue
        self.best: dict[tuple[str, bool], dict[str, float]] = {}  # (title, is a label) -> per key

    def score_titles(self, titles: Iterable[str]) -> None:
        """Work out the scores of the titles not yet seen, in one call."""
        todo = {t: normalise_title(t) for t in titles if t not in self.ratios}
        if not todo:
            return
        if len(self.ratios) > 4096:
            self.forget()
        ratios = process.cdist(list(todo.values()), self.cues, scorer=fuzz.ratio, dtype=np.float64) \
            if self.cues else np.zeros((len(todo), 0))
        for (title, norm), row in zip(todo.items(), ratios):
            words = len(norm.split())
            candidates = [j for w in set(_WORD.findall(norm)) for j in self.by_first.get(w, ())]
            for j in candidates + self.always:
                if words <= self.cue_words[j] + 4 and self.patterns[j].search(norm):
                    row[j] = max(row[j], CONTAINED_SCORE - words + self.cue_words[j])
            self.ratios[title] = row

    def forget(self) -> None:
        self.ratios.clear()
        self.best.clear()

    def scores(self, title: str, label: bool) -> dict[str, float]:
        found = self.best.get((title, label))
        if found is None:
            if title not in self.ratios:
                self.score_titles((title,))
            order, starts, filled = self.modes[label]
            found = dict.fromkeys(self.keys, 0.0)
            if len(order):
                found.update(zip(filled, np.maximum.reduceat(self.ratios[title][order], starts).tolist()))
            self.best[(title, label)] = found
        return found


def _segments(keys: Sequence[str], lists: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    filled = [i for i, rows in enumerate(lists) if len(rows)]
    order = np.concatenate([lists[i] for i in filled]) if filled else np.zeros(0, dtype=np.intp)
    starts = np.cumsum([0] + [len(lists[i]) for i in filled[:-1]]).astype(np.intp)
    return order, starts, tuple(keys[i] for i in filled)


def _cue_row(cues: dict[str, int], cue: str) -> int | None:
    norm = normalise_title(cue)
    return cues.setdefault(norm, len(cues)) if norm else None


def _indices(rows: Sequence[int | None]) -> np.ndarray:
    return np.array(sorted({r for r in rows if r is not None}), dtype=np.intp)


_TITLE_TABLES: ByObject[_TitleTable] = ByObject(32)


def _title_table(components: Mapping[str, Mapping]) -> _TitleTable:
    """One table per loaded checklist's components."""
    return _TITLE_TABLES.get(components, lambda: _TitleTable(components))


def forget_titles() -> None:
    """Forget the title scores worked out so far (benchmarks: each run pays as a new dossier)."""
    for table in _TITLE_TABLES.values():
        table.forget()
