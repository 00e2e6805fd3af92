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

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from audit.extract.dates import find_dates  # the project's one date grammar
from audit.model import Block, Document, Page, Section

FALLBACK = "overig"
MEMO_SIZE = 4096  # title lines remembered per loaded checklists
PREFILTER_MARGIN = 15  # points below fuzzy_min that still get the exact (slower) comparison
DEFAULTS: Mapping[str, float] = {
    "title_lines": 8, "line_decay": 0.06, "header_weight": 0.7, "fuzzy_min": 86,
    "exact_below_chars": 5, "mid_line_factor": 0.45, "weight_title": 1.0,
    "weight_first_page": 0.25, "weight_body": 0.2, "weight_components": 0.25,
    "body_saturation": 4, "min_score": 0.3, "title_max_chars": 140, "prefix_fuzzy_min": 85,
    "field_value_digits": 4, "weight_self": 0.3, "weight_acts": 0.45, "acts_min_share": 0.75,
    "untitled_below": 0.5, "footer_band": 0.88, "noise_max_chars": 3, "dated_entries_min": 5,
    "dated_entries_share": 0.6, "mid_line_max_words": 10, "whole_line_below_chars": 3,
}
_LEADING_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)*|[ivx]+|[a-z])[.)]\s+", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[•·▪◦‣]|[*\-–—o]\s)")  # Word's list bullets, 'o ' included
_NON_WORD = re.compile(r"[^0-9a-z/ ]+")
# letterhead contact lines: e-mail, web address, postcode ('1234 AB'), phone number
_CONTACT = re.compile(r"@|\bwww\.|https?:|\b\d{4} ?[A-Z]{2}\b|(?:\d[\s-]?){9,}")
# Every _CONTACT match holds an '@', 'www.', 'http' or a digit: a line without any is skipped
# without the (slow, prefix-less) search. Speed only (issue 3).
_CONTACT_NEEDS = re.compile(r"[@\d]|www\.|http")


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

    @property
    def digits(self) -> tuple[str, ...]:
        """'2e spoor' is no '1e spoor': a fuzzy match may slip a letter, never a number."""
        return tuple(re.findall(r"\d+", self.text))


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
    memo: dict = field(default_factory=dict, compare=False)  # line -> title: letterheads repeat

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
    return Settings(values, cues, prefixes, phrases, tuple(cue.text for cue in cues), heads,
                    words["reference_words"], words["articles"], words["report_nouns"], acts, page_words,
                    dated)


def block_lines(blocks: Iterable[Block], table_heads: bool = False) -> list[tuple[str, bool]]:
    """(raw line, is furniture) in reading order. Tables are data, not titles, except, with
    ``table_heads``, the cells of a table's first row (a form whose title sits in its
    header table)."""
    lines: list[tuple[str, bool]] = []
    for block in blocks:
        if block.kind == "table":
            if table_heads and block.rows:
                lines += [(cell.strip(), block.is_furniture) for cell in block.rows[0] if cell.strip()]
            continue
        for raw in re.split(r"[\n\t]+", block.text):
            if raw.strip():
                lines.append((raw.strip(), block.is_furniture))
    return lines


def top_lines(blocks: Iterable[Block], settings: Settings, count: int | None = None) -> list[Line]:
    """The first lines of a page, each weighted by how high it stands. Page numbers and short
    label cells ('wn', 'pagina 1') take no place: a title below them is still the title."""
    count = int(count or settings["title_lines"])
    out: list[Line] = []
    for raw, furniture in block_lines((b for b in blocks if b.kind != "list_item"), table_heads=True):
        if _BULLET.match(raw) or (_CONTACT_NEEDS.search(raw) and _CONTACT.search(raw)):
            continue  # a list item or a letterhead's address is never a title
        full = normalise(_LEADING_NUMBER.sub("", raw))
        text = _strip_prefix(full, settings)
        if not text or len(text) > settings["title_max_chars"] or is_noise(text, settings):
            continue  # a paragraph of prose is no title, and fuzzy matching it costs time
        # a letter's subject line names the document wherever the letterhead pushes it
        weight = 1.0 if text != full else max(0.0, 1.0 - settings["line_decay"] * len(out))
        out.append(Line(text, weight * (settings["header_weight"] if furniture else 1.0), text != full))
        if len(out) >= count:
            break
    return out


def is_noise(text: str, settings: Settings) -> bool:
    """A page number ('pagina 1 van 3'), a bare number or date, or a short label ('wn', 'bsn')
    that is no title abbreviation itself."""
    words = text.split()
    if not any(ch.isalpha() for ch in text):
        return True
    if words[0] in settings.page_words and all(w.isdigit() or len(w) <= 3 for w in words[1:]):
        return True
    return len(text) <= settings["noise_max_chars"] and not any(
        cue.exact and cue.text == text for cue in settings.title_cues)


def page_title_blocks(page: Page, settings: Settings) -> tuple[Block, ...]:
    """The page's blocks top-down by position where the reader gave one (a PDF's block order
    may put table rows or a footer before the title), without those in the footer band."""
    blocks = page.blocks
    if not blocks or any(b.bbox is None for b in blocks):
        return blocks
    limit = (page.height or 0) * settings["footer_band"]
    kept = [b for b in blocks if not limit or b.bbox[1] < limit]
    return tuple(sorted(kept or blocks, key=lambda b: (round(b.bbox[1]), b.bbox[0])))


def _strip_prefix(text: str, settings: Settings) -> str:
    """'betreft probleemanalyse ...' -> 'probleemanalyse ...'; one OCR slip in the prefix
    ('betrefi') is allowed."""
    first, _, rest = text.partition(" ")
    if rest and any(fuzz.ratio(first, p) >= settings["prefix_fuzzy_min"] for p in settings.prefixes):
        return rest
    return text


# --------------------------------------------------------------------------- titles


def _is_field(rest: str, settings: Settings) -> bool:
    """'Eerstejaarsevaluatie 30-05-2024' in a header block is a field with a date, not a title;
    'Voortgangsrapportage 2' is a title."""
    return sum(ch.isdigit() for ch in rest) >= settings["field_value_digits"]


def cue_quality(line: str, cue: Cue, settings: Settings, subject: bool = False) -> float:
    """1.0 for the cue at the start of the line, less in the middle or as a field label,
    0 when absent."""
    words = line.split()
    if len(cue.text) < settings["whole_line_below_chars"]:
        return 1.0 if line == cue.text else 0.0
    if cue.exact:
        if cue.text in words[:1]:
            return settings["mid_line_factor"] if _is_field(line[len(cue.text):], settings) and not subject else 1.0
        if cue.text not in words:
            return 0.0
        before, _, after = f" {line} ".partition(f" {cue.text} ")
        if refers_to_other(before, settings) or _is_field(after, settings):
            return 0.0  # 'toelichting bij de FML', 'datum FML 12-03-2024': about another document
        return _mid_line(words, settings)
    head = fuzz.ratio(cue.text, line[: len(cue.text)])
    if head >= settings["fuzzy_min"] and _same_digits(line[: len(cue.text)], cue) and _short_words_in(line, cue):
        label = _is_field(line[len(cue.text):], settings) and not subject
        return head / 100 * (settings["mid_line_factor"] if label else 1.0)
    if len(line) < len(cue.text):
        return 0.0  # partial_ratio would fit a short line ('en') inside the cue instead
    found = fuzz.partial_ratio_alignment(cue.text, line, score_cutoff=settings["fuzzy_min"])
    if found is None or (found.dest_start > 0 and line[found.dest_start - 1] != " "):
        return 0.0
    if not _ends_word(line, found.dest_end) or not _same_digits(line[found.dest_start:found.dest_end], cue):
        return 0.0  # 'ad-rapport' inside 'rapportage ...': part of another word
    if refers_to_other(line[: found.dest_start], settings):
        return 0.0  # 'ten behoeve van het re-integratieverslag': about another document
    return found.score / 100 * _mid_line(words, settings)


def _mid_line(words: Sequence[str], settings: Settings) -> float:
    """A cue inside a sentence ('bijgaand ontvangt u de probleemanalyse en ...') is a mention;
    a title line is short."""
    return settings["mid_line_factor"] if len(words) <= settings["mid_line_max_words"] else 0.0


def _same_digits(span: str, cue: Cue) -> bool:
    digits = re.findall(r"\d+", span)
    return not cue.digits or not digits or tuple(digits) == cue.digits


def _short_words_in(line: str, cue: Cue) -> bool:
    """A cue's tiny words ('ad rapportage', '2e spoor') cost a fuzzy ratio little: they must be
    there as words ('rapportage' alone is no AD-rapport)."""
    words = line.split()
    return all(w in words for w in cue.text.split() if len(w) <= 2)


def _ends_word(line: str, end: int) -> bool:
    """A match ends at a word's end; one letter more is an OCR slip or an inflection."""
    rest = line[end:].split(" ", 1)[0]
    return len(rest) <= 1


def strip_report_noun(line: str, settings: Settings) -> str:
    """'rapportage pa' -> 'pa', 'verslag van het evaluatiegesprek' -> 'evaluatiegesprek': the
    document's subject after the (longest) report noun it opens with; '' when there is none."""
    noun = max((n for n in settings.report_nouns if line.startswith(n + " ")), key=len, default="")
    rest = line[len(noun):].split() if noun else []
    while len(rest) > 1 and rest[0] in settings.articles:
        rest = rest[1:]
    return " ".join(rest)


def refers_to_other(before: str, settings: Settings) -> bool:
    """The words before a mid-line cue make it a reference ('bijlage bij het ...', 'volgens
    de ...'), not the document's own title; unless the line opens with a report noun
    ('Verslag van het evaluatiegesprek' is the evaluation's own title)."""
    words = before.split()
    if words and words[0] in settings.report_nouns:
        return False
    while words and words[-1] in settings.articles:
        words.pop()
    return bool(words) and words[-1] in settings.reference_words


def line_title(line: str, settings: Settings, subject: bool = False) -> tuple[str, float] | None:
    """The type whose title cue fits this line best; a longer cue wins a near tie
    ('bijstelling plan van aanpak' over 'plan van aanpak')."""
    key = (line, subject)
    if key not in settings.memo:
        if len(settings.memo) > MEMO_SIZE:
            settings.memo.clear()
        settings.memo[key] = _best_title(line, settings, subject)
    return settings.memo[key]


def _best_title(line: str, settings: Settings, subject: bool) -> tuple[str, float] | None:
    """Over the line itself and its subject after a report noun ('Rapportage PA')."""
    found = [best for text in dict.fromkeys((line, strip_report_noun(line, settings))) if text
             for best in (_best_cue(text, settings, subject),) if best]
    if not found:
        return None
    _, doc_type, quality = max(found)
    return doc_type, quality


def _best_cue(line: str, settings: Settings, subject: bool) -> tuple[float, str, float] | None:
    best: tuple[float, str, float] | None = None
    # one C pass over every cue first to skip the hopeless ones; partial_ratio nearly bounds the
    # head match too (not exactly for a line shorter than the cue: hence the margin)
    near = process.cdist([line], settings.cue_texts, scorer=fuzz.partial_ratio,
                         score_cutoff=settings["fuzzy_min"] - PREFILTER_MARGIN)[0]
    for cue, score in zip(settings.title_cues, near):
        if not score and not cue.exact:
            continue
        quality = cue_quality(line, cue, settings, subject)
        if quality <= 0:
            continue
        rank = quality + 0.01 * len(cue.text)
        if best is None or rank > best[0]:
            best = (rank, cue.doc_type, quality)
    return best


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
    for dt, cues in settings_of(checklists).phrase_cues[field_name].items():
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
    titles = list(dict.fromkeys(normalise(_LEADING_NUMBER.sub("", s.title)) for s in sections if s.title))
    scores: dict[str, float] = {}
    if not titles:
        return scores
    # one C pass over every heading cue of every type (a call per component cost more than the
    # matching; each pair is scored alone, so the result is the same)
    flat = [head for components in settings.component_heads.values() for heads in components for head in heads]
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


# --------------------------------------------------------------------------- decision


def first_text_page(doc: Document) -> Page | None:
    """The first page with text of its own (a blank or furniture-only cover page of a scan
    does not hold the title)."""
    for page in doc.pages:
        if any(b.text.strip() for b in page.blocks if not b.is_furniture):
            return page
    return doc.pages[0] if doc.pages else None


def acts_scores(text: str, settings: Settings) -> dict[str, float]:
    """What an untitled document does, per type: the share of the type's groups of phrases
    (agreements, actions, ...) present, 0 below ``acts_min_share``."""
    padded = f" {text} "
    scores: dict[str, float] = {}
    for dt, groups in settings.acts.items():
        share = sum(1 for group in groups if any(f" {cue} " in padded for cue in group)) / len(groups)
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
    text = normalise(doc.text)
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
