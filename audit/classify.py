"""Document type from the title, first-page cues, body phrases and the components found.

A reader goes by the title on page 1, and so does this module: a re-integratieverslag or a
logboek names every other document in its chronology, so body mentions only decide when no
title is found (an employer's informal note, a letter). Every cue word and weight comes from
``checklists/doc_types.yaml``; titles are matched fuzzily (rapidfuzz) because scans carry OCR
noise. The file name is never used: real dossiers are named anything.

    page 1 lines ──title_scores──▶ {type: score}  ┐
    page 1 text  ──cue_scores────▶ {type: score}  ├─▶ sum ─▶ best type, confidence
    all text     ──cue_scores────▶ {type: score}  │
    sections     ──component_scores─▶ {type: score}┘
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from audit.model import Block, Document, Section

FALLBACK = "overig"
DEFAULTS: Mapping[str, float] = {
    "title_lines": 8, "line_decay": 0.06, "header_weight": 0.7, "fuzzy_min": 86,
    "exact_below_chars": 5, "mid_line_factor": 0.45, "weight_title": 1.0,
    "weight_first_page": 0.25, "weight_body": 0.2, "weight_components": 0.25,
    "body_saturation": 4, "min_score": 0.3,
}
_LEADING_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)*|[ivx]+|[a-z])[.)]\s+", re.IGNORECASE)
_BULLETS = frozenset("•·▪◦‣*-–—o")
_NON_WORD = re.compile(r"[^0-9a-z/ ]+")


# --------------------------------------------------------------------------- text


def normalise(text: str) -> str:
    """Lower case, accents off, hyphens joined ('re-integratie' = 'reintegratie'), punctuation
    to spaces: one spelling for the many an author (or OCR) may use."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"(?<=\w)[-\u2010\u2011](?=\w)", "", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


@dataclass(frozen=True)
class Line:
    text: str  # normalised
    weight: float  # position and furniture weight, 0..1
    subject: bool = False  # a letter's subject line ("Betreft: ..."): its rest is no field value


@dataclass(frozen=True)
class Cue:
    doc_type: str
    text: str  # normalised
    exact: bool  # a short cue (FML, IZP) must be a whole word


@dataclass(frozen=True)
class Settings:
    values: Mapping[str, float]
    title_cues: tuple[Cue, ...]
    prefixes: tuple[str, ...]

    def __getitem__(self, key: str) -> float:
        return self.values[key]


_CACHE: dict[int, tuple[Any, Settings]] = {}


def settings_of(checklists: Any) -> Settings:
    """Built once per loaded Checklists (it is frozen; dicts inside keep it unhashable)."""
    cached = _CACHE.get(id(checklists))
    if cached is None or cached[0] is not checklists:
        if len(_CACHE) > 8:
            _CACHE.clear()
        cached = _CACHE[id(checklists)] = (checklists, _settings(checklists))
    return cached[1]


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
    return Settings(values, cues, prefixes)


def block_lines(blocks: Iterable[Block]) -> list[tuple[str, bool]]:
    """(raw line, is furniture) in reading order; tables are data, not titles."""
    lines: list[tuple[str, bool]] = []
    for block in blocks:
        if block.kind == "table":
            continue
        for raw in re.split(r"[\n\t]+", block.text):
            if raw.strip():
                lines.append((raw.strip(), block.is_furniture))
    return lines


def top_lines(blocks: Iterable[Block], settings: Settings, count: int | None = None) -> list[Line]:
    """The first lines of a page, each weighted by how high it stands."""
    count = int(count or settings["title_lines"])
    out: list[Line] = []
    for raw, furniture in block_lines(b for b in blocks if b.kind != "list_item"):
        if raw[:1] in _BULLETS:
            continue  # a list item is never a title
        full = normalise(_LEADING_NUMBER.sub("", raw))
        text = _strip_prefix(full, settings.prefixes)
        if not text:
            continue
        weight = max(0.0, 1.0 - settings["line_decay"] * len(out))
        out.append(Line(text, weight * (settings["header_weight"] if furniture else 1.0), text != full))
        if len(out) >= count:
            break
    return out


def _strip_prefix(text: str, prefixes: Sequence[str]) -> str:
    for prefix in prefixes:
        if text.startswith(prefix + " "):
            return text[len(prefix) + 1:]
    return text


# --------------------------------------------------------------------------- titles


def _is_field(rest: str) -> bool:
    """'Eerstejaarsevaluatie 30-05-2024' in a header block is a field with a date, not a title;
    'Voortgangsrapportage 2' is a title."""
    return sum(ch.isdigit() for ch in rest) >= 4


def cue_quality(line: str, cue: Cue, settings: Settings, subject: bool = False) -> float:
    """1.0 for the cue at the start of the line, less in the middle or as a field label,
    0 when absent."""
    if cue.exact:
        words = line.split()
        if cue.text in words[:1]:
            return settings["mid_line_factor"] if _is_field(line[len(cue.text):]) and not subject else 1.0
        return settings["mid_line_factor"] if cue.text in words else 0.0
    head = fuzz.ratio(cue.text, line[: len(cue.text)])
    if head >= settings["fuzzy_min"]:
        label = _is_field(line[len(cue.text):]) and not subject
        return head / 100 * (settings["mid_line_factor"] if label else 1.0)
    found = fuzz.partial_ratio_alignment(cue.text, line, score_cutoff=settings["fuzzy_min"])
    if found is None or (found.dest_start > 0 and line[found.dest_start - 1] != " "):
        return 0.0
    return found.score / 100 * settings["mid_line_factor"]


def line_title(line: str, settings: Settings, subject: bool = False) -> tuple[str, float] | None:
    """The type whose title cue fits this line best; a longer cue wins a near tie
    ('bijstelling plan van aanpak' over 'plan van aanpak')."""
    best: tuple[float, str, float] | None = None
    for cue in settings.title_cues:
        quality = cue_quality(line, cue, settings, subject)
        if quality <= 0:
            continue
        rank = quality + 0.01 * len(cue.text)
        if best is None or rank > best[0]:
            best = (rank, cue.doc_type, quality)
    return (best[1], best[2]) if best else None


def title_scores(lines: Sequence[Line], settings: Settings) -> dict[str, float]:
    """Per type the best weighted title match over the top lines."""
    scores: dict[str, float] = {}
    for line in lines:
        found = line_title(line.text, settings, line.subject)
        if found:
            doc_type, quality = found
            scores[doc_type] = max(scores.get(doc_type, 0.0), quality * line.weight)
    return scores


# --------------------------------------------------------------------------- other evidence


def cue_scores(text: str, checklists: Any, field_name: str, saturation: float) -> dict[str, float]:
    """Share of a type's distinct cues (whole words) present in the text, capped at 1."""
    padded = f" {text} "
    scores: dict[str, float] = {}
    for dt, entry in checklists.doc_types.items():
        cues = {normalise(c) for c in entry.get(field_name, ())} - {""}
        if not cues:
            continue
        hits = sum(1 for cue in cues if f" {cue} " in padded)
        scores[dt] = min(1.0, hits / min(saturation, len(cues)))
    return scores


def _component_headings(entry: Any) -> list[str]:
    """Heading cues of one component, whatever shape the components file gives them."""
    cues = entry.get("cues") if isinstance(entry, Mapping) else None
    if isinstance(cues, Mapping):
        cues = cues.get("headings", ())
    return [c for c in cues or () if isinstance(c, str)]


def component_scores(sections: Sequence[Section], checklists: Any, settings: Settings) -> dict[str, float]:
    """Share of a checklist's components whose heading appears as a section title."""
    titles = [normalise(_LEADING_NUMBER.sub("", s.title)) for s in sections if s.title]
    scores: dict[str, float] = {}
    for dt, components in (getattr(checklists, "components", {}) or {}).items():
        if dt not in checklists.doc_types or not components:
            continue
        found = 0
        for entry in components.values():
            heads = [normalise(h) for h in _component_headings(entry)]
            if any(fuzz.ratio(h, t) >= settings["fuzzy_min"] for h in heads for t in titles):
                found += 1
        scores[dt] = found / len(components)
    return scores


# --------------------------------------------------------------------------- decision


def type_scores(doc: Document, sections: Sequence[Section], checklists: Any) -> dict[str, float]:
    settings = settings_of(checklists)
    first = doc.pages[0].blocks if doc.pages else ()
    parts = [
        (settings["weight_title"], title_scores(top_lines(first, settings), settings)),
        (settings["weight_first_page"],
         cue_scores(normalise("\n".join(t for t, _ in block_lines(first))), checklists, "first_page",
                    settings["body_saturation"])),
        (settings["weight_body"],
         cue_scores(normalise(doc.text), checklists, "body", settings["body_saturation"])),
        (settings["weight_components"], component_scores(sections, checklists, settings)),
    ]
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
