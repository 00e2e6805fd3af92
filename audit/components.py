"""Sections to component results: present / weak / missing / not_applicable, with evidence.

A component is found by a heading (fuzzy, rapidfuzz: OCR noise), a form label, or a body phrase
that is not negated ("er is (nog) geen scholing ingezet", "n.v.t."; checklists/data/negation.yaml).
What is found must carry the substance its checklist entry asks for, else it is ``weak``
(the corpus labels a bare mention missing; both are a gap). Word lists live in checklists/;
the patterns are assembled here as compiled regexes (faster than spaCy's Matcher for plain word
lists, LESSONS.md 2). Named checks (``check: name.vN``) add what word lists cannot: hours against
the belastbaarheid, a signature in the employee's column, BSN and first sick day.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from audit.cue_match import (  # noqa: F401  (re-exported: audit.components was their home)
    TextIndex, _count_found, _each_with_start, _months, _negation, _substance_hits, awaited, compile_each, explored,
    compile_words, forget_dates, has_date, has_intent, is_absent_value, is_negated, iter_live, live_matches, message,
    normalise, vocab)
from audit.model import AuditedDocument, Block, ComponentResult, Evidence, Finding, Section
from audit.segment import normalise_title

HEADING_SCORE = 86  # rapidfuzz ratio of a section title against a heading cue
CONTAINED_SCORE = 90  # the cue's words all in a short title
RANK = {"present": 3, "weak": 2, "missing": 1, "not_applicable": 0, "not_yet_due": 0}
_WORD = re.compile(r"\w+")
_SENTENCES = re.compile(r"(?<=[.!?;])\s+|\n+")


# --------------------------------------------------------------------------- where a component is


@dataclass(frozen=True)
class Place:
    """Where a component was found: the text to judge, the evidence, and how it was found."""

    text: str
    evidence: Evidence
    how: str  # heading | label | phrase | row
    intent: bool = False  # a phrase in a planned / future statement or under a planning heading


def sentence_at(text: str, pos: int) -> str:
    start = max(text.rfind(c, 0, pos) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, pos) for c in ".!?\n") if i >= 0]
    return text[start:(min(ends) + 1 if ends else len(text))].strip()


def _quote(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


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


def section_body(sections: Sequence[Section], index: int, owned: Mapping[int, object] | None = None) -> tuple[Block, ...]:
    """The section's blocks after its heading, plus deeper sub-sections that follow it; a sub-section
    that is itself a known component heading starts its own part (OCR levels are unreliable)."""
    own = sections[index]
    blocks = list(own.blocks[1:] if own.kind == "heading" else own.blocks)
    for j in range(index + 1, len(sections)):
        nxt = sections[j]
        if nxt.kind != "heading" or nxt.level <= own.level or (owned and j in owned):
            break
        blocks.extend(nxt.blocks)
    return tuple(blocks)


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
        self.components = components
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


_TITLE_TABLES: dict[int, _TitleTable] = {}


def _title_table(components: Mapping[str, Mapping]) -> _TitleTable:
    """One table per loaded checklist's components (kept with them: an id is not reused while they live)."""
    table = _TITLE_TABLES.get(id(components))
    if table is None or table.components is not components:
        if len(_TITLE_TABLES) > 32:
            _TITLE_TABLES.clear()
        table = _TITLE_TABLES[id(components)] = _TitleTable(components)
    return table


def forget_titles() -> None:
    """Forget the title scores worked out so far (benchmarks: each run pays as a new dossier)."""
    for table in _TITLE_TABLES.values():
        table.forget()


def _table_rows(audited: AuditedDocument) -> Iterable[tuple[Block, tuple[str, ...]]]:
    for block in audited.document.blocks:
        if block.kind == "table" and block.rows:
            for row in block.rows:
                if len(row) >= 3 and row[0].strip():
                    yield block, row


def find_places(audited: AuditedDocument, key: str, comp: Mapping, owners: Mapping[int, set[str]],
                checklists) -> list[Place]:
    """Every place in the document that shows the component: sections, table rows, phrases."""
    doc = audited.document.path
    sections = audited.sections
    places: list[Place] = []
    parts = _document_parts(audited, checklists)
    planning = parts.planning
    for i, section in enumerate(sections):
        if key in owners.get(i, ()):
            body = "\n".join(b.text for b in section_body(sections, i, owners) if not b.is_furniture)
            # 'Start sollicitaties: ...' under 'Komende periode' is a planned item, not the part's own section
            intent = section.kind == "label" and any(id(b) in planning for b in section.blocks)
            places.append(Place(body, Evidence(doc, section.page, _quote(section.title or "")), section.kind, intent))
    labels = tuple(comp.get("cues", {}).get("labels", ()))
    if labels:
        for block, row in _table_rows(audited):
            if title_score(row[0], labels) >= HEADING_SCORE:
                value = " | ".join(c for c in row[1:] if c.strip())
                places.append(Place(value, Evidence(doc, block.page, _quote(" | ".join(row))), "row"))
    phrases = tuple(comp.get("cues", {}).get("phrases", ()))
    pattern = compile_words(phrases)
    if pattern is None:
        return places
    negatable = comp.get("negatable", True)
    for index in parts.phrase_index.matching(phrases):  # the others hold no phrase's first word
        block, text = parts.phrase_blocks[index]
        match = next(iter_live(pattern, text, checklists, negatable), None)
        if match is None:
            continue
        sentence = sentence_at(block.text, match.start())
        intent = id(block) in planning or has_intent(sentence, checklists)
        # judge the phrase with the paragraph it stands in (PDF lines are blocks of their own)
        places.append(Place(parts.context.get(id(block), block.text),
                            Evidence(doc, block.page, _quote(sentence or block.text)), "phrase", intent))
    return places


@dataclass(frozen=True)
class _Parts:
    """What ``find_places`` asks of a document whatever the component, worked out once per document
    (it is asked once per component: issue 3). Holds the objects it was made of: it is used again
    only for those very objects, so an id is never taken for another's."""

    document: object
    sections: Sequence[Section]
    checklists: object
    planning: set[int]  # ids of the blocks under a planning heading
    context: dict[int, str]  # block id -> the text around it
    phrase_blocks: tuple[tuple[Block, str], ...]  # blocks a phrase may stand in, with their normalised text
    phrase_index: TextIndex  # of the normalised texts of phrase_blocks


_LAST_PARTS: list[_Parts] = []


def _document_parts(audited: AuditedDocument, checklists) -> _Parts:
    last = _LAST_PARTS[0] if _LAST_PARTS else None
    if last and last.document is audited.document and last.sections is audited.sections \
            and last.checklists is checklists:
        return last
    forget_dates()  # a new document
    sections = audited.sections
    titles = {id(s.blocks[0]) for s in sections if s.kind == "heading" and s.blocks}
    phrase_blocks = tuple((b, normalise(b.text)) for b in audited.document.blocks
                          if not b.is_furniture and id(b) not in titles)
    parts = _Parts(audited.document, sections, checklists, _planning_blocks(sections, checklists),
                   _block_context(sections), phrase_blocks, TextIndex([text for _, text in phrase_blocks]))
    _LAST_PARTS[:] = [parts]
    return parts


def _planning_blocks(sections: Sequence[Section], checklists) -> set[int]:
    """Blocks under a planning heading ('Komende periode', 'Activiteiten en planning'): what stands
    there is intended, not done (checklists/data/negation.yaml ``intent_headings``)."""
    cues = tuple(_negation(checklists).get("intent_headings", ()))
    return {id(b) for s in sections if s.kind == "heading" and s.title and cues
            and title_score(s.title, cues) >= HEADING_SCORE for b in s.blocks}


def _block_context(sections: Sequence[Section], limit: int = 1200) -> dict[int, str]:
    """For each block, the text of the section (or window) it stands in, capped around the block."""
    context: dict[int, str] = {}
    for section in sections:
        if section.kind == "label":
            continue
        texts = [b.text for b in section.blocks if not b.is_furniture]
        for i, block in enumerate(section.blocks):
            if id(block) not in context:
                context[id(block)] = "\n".join(texts[max(0, i - 2):i + 4])[:limit]
    return context


# --------------------------------------------------------------------------- adequacy


def substance_gap(text: str, comp: Mapping, checklists, own_text: bool = True) -> str | None:
    """None when the text carries what the component asks; else a short code of what lacks.
    ``own_text``: the text is the component's own (a section body, a form value), not a phrase's context."""
    if is_absent_value(text, checklists):
        return "empty"
    norm = normalise(text)
    if comp.get("negatable", True) and is_negated_statement(norm, comp, checklists, own_text):
        return "negated"
    subst = comp.get("substance", {}) or {}
    if len(norm.split()) < int(subst.get("min_words", 0)):
        return "thin"
    hits = _substance_hits(text, norm, tuple(subst.get("phrases", ())))
    if hits < int(subst.get("min", 0)):
        return "thin"
    for group in subst.get("require", ()) or ():
        if not any(start in norm and p.search(norm) for start, p in _each_with_start(tuple(group))):
            return "thin"
    if comp.get("needs_date") and not has_date(text, checklists):
        return "undated"
    return None


def is_negated_statement(norm: str, comp: Mapping, checklists, own_text: bool = True) -> bool:
    """'Wordt later bepaald' opening the component's own text, or every mention of the component
    itself negated ('er is (nog) geen scholing ingezet'). Only the component's own cue phrases count:
    a 'niet' in the substance ('hebben niet geleid tot structurele werkhervatting') is what the part
    reports, not a denial of the part."""
    first = _SENTENCES.split(norm.strip(), maxsplit=1)[0] if norm.strip() else ""
    after = compile_words(tuple(_negation(checklists).get("after", ())))
    if own_text and after and len(first.split()) <= 8 and after.search(first):
        return True
    pattern = compile_words(tuple(comp.get("cues", {}).get("phrases", ())))
    found = False
    for m in pattern.finditer(norm) if pattern else ():
        if not is_negated(norm, m.start(), m.end(), checklists):
            return False  # one mention that is not negated
        found = True
    return found


def judge_component(audited: AuditedDocument, component_id: str, comp: Mapping, owners, checklists) -> ComponentResult:
    """present / weak / missing for one component, from the best place that shows it. When the
    component's own section or label says it is not there ('Zoekprofiel: volgt later', 'Sollicitaties:
    geen verstuurd'), a planned mention elsewhere ('daarna zoekprofiel vaststellen') does not make it present."""
    key = component_id.split(".", 1)[1]
    places = find_places(audited, key, comp, owners, checklists)
    practice = bool(comp.get("practice_norm", False))
    if not places:
        return missing_result(audited, component_id, comp, practice, checklists=checklists)
    judged = [(substance_gap(p.text, comp, checklists, p.how != "phrase"), p) for p in places]
    own = [gap for gap, p in judged if p.how != "phrase" and not p.intent]
    if own and all(gap in ("empty", "negated") for gap in own):
        judged = [(gap, p) for gap, p in judged if not p.intent]
    good = [p for gap, p in judged if gap is None]
    if good:
        return ComponentResult(component_id, "present", tuple(p.evidence for p in good[:2]), practice_norm=practice)
    gap, place = judged[0]
    msg = comp.get("messages", {}).get("weak", {})
    nl, en = (msg.get("nl"), msg.get("en")) if gap == "thin" else message(checklists, gap, q=place.evidence.quote[:80])
    return ComponentResult(component_id, "weak", (place.evidence,), nl, en, practice)


def missing_result(audited: AuditedDocument, component_id: str, comp: Mapping, practice: bool,
                   reason: tuple[str, str] | None = None, checklists=None) -> ComponentResult:
    """Missing, with the place it was expected: the document's headings (or 'no headings')."""
    msg = comp.get("messages", {}).get("missing", {})
    titles = [s.title for s in audited.sections if s.title and s.kind == "heading"]
    where = (message(checklists, "headings_list", titles="; ".join(titles[:12]))[0] if titles
             else message(checklists, "no_headings")[0]) if checklists is not None else "; ".join(titles[:12])
    evidence = (Evidence(audited.document.path, audited.sections[0].page if audited.sections else 1, _quote(where)),)
    nl, en = reason or (msg.get("nl"), msg.get("en"))
    return ComponentResult(component_id, "missing", evidence, nl, en, practice)


# --------------------------------------------------------------------------- the document's checklist


def condition_holds(condition: str, texts: Iterable[str] | TextIndex, checklists,
                    doc_types: Iterable[str] = ()) -> bool:
    """A when-condition (checklists/data/conditions.yaml) shown by a document type or a phrase that is not negated.
    ``texts`` may come as a TextIndex of their normalised forms (a dossier asks for several conditions)."""
    entry = vocab(checklists, "conditions").get(condition, {}) or {}
    if set(entry.get("doc_types", ())) & set(doc_types):
        return True
    phrases = tuple(entry.get("phrases", ()))
    pattern = compile_words(phrases)
    if pattern is None:
        return False
    index = texts if isinstance(texts, TextIndex) else TextIndex([normalise(text) for text in texts])
    for i in index.matching(phrases):  # the others hold no phrase's words
        norm = index.texts[i]
        for match in iter_live(pattern, norm, checklists):
            # 'wacht op nieuwe FML': expected, not the situation; 'proefplaatsing verkennen': only looked into
            if entry.get("exclude_intent") and awaited(norm, match.start(), checklists):
                continue
            if entry.get("exclude_explored") and explored(norm, match.end(), checklists):
                continue
            return True
    return False


def assess_components(audited: AuditedDocument, checklists) -> tuple[ComponentResult, ...]:
    """The document's own checklist (spoor2_plan, spoor2_voortgang, spoor2_eind, riv); () for other types."""
    from audit.component_checks import run_check  # named checks, registered by versioned name

    comps = getattr(checklists, "components", {}).get(audited.doc_type)
    if not comps:
        return ()
    owners = title_owners(audited.sections, comps)
    texts = [b.text for b in audited.document.blocks if not b.is_furniture]
    results = []
    for key, comp in comps.items():
        cid = f"{audited.doc_type}.{key}"
        when = comp.get("when")
        if when and not condition_holds(when, texts, checklists):
            results.append(ComponentResult(cid, "not_applicable", practice_norm=bool(comp.get("practice_norm"))))
            continue
        result = judge_component(audited, cid, comp, owners, checklists)
        if comp.get("check"):
            result = run_check(comp["check"], audited, cid, comp, result, owners, checklists)
        results.append(result)
    return tuple(results)


# --------------------------------------------------------------------------- findings


def _finding(result: ComponentResult, comp: Mapping, document: str | None, checklists) -> Finding:
    title = comp.get("title", {})
    norm, norm_en = message(checklists, "practice_norm") if result.practice_norm else ("", "")
    status_nl, status_en = message(checklists, f"status_{result.status}")
    return Finding(
        id=result.id, severity=comp.get("severity", "medium"),
        message=f"{result.reason}{norm}" if result.reason else f"{title.get('nl', result.id)} {status_nl}{norm}.",
        message_en=f"{result.reason_en}{norm_en}" if result.reason_en else f"{title.get('en', result.id)} {status_en}{norm_en}.",
        evidence=result.evidence, source=comp.get("source"), document=document, practice_norm=result.practice_norm,
        rule=f"component.{result.status}.v1")


def gaps_to_findings(audited_docs: Sequence[AuditedDocument], riv_components: Sequence[ComponentResult],
                     checklists) -> list[Finding]:
    """Every weak or missing component, of each document and of the dossier, as a finding."""
    findings = []
    for audited in audited_docs:
        for result in audited.components:
            if result.status in ("weak", "missing"):
                findings.append(_finding(result, checklists.component(result.id), audited.document.path, checklists))
    for result in riv_components:
        if result.status in ("weak", "missing"):
            findings.append(_finding(result, checklists.component(result.id), None, checklists))
    return findings
