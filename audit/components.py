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

from audit.cue_match import (  # noqa: F401  (re-exported: audit.components was their home)
    TextIndex, _count_found, _each_with_start, _months, _negation, _substance_hits, awaited, compile_each, explored,
    compile_words, first_start, forget_dates, found_from, has_date, has_intent, is_absent_value, is_negated, iter_live, live_matches, message,
    normalise, vocab)
from audit.component_titles import (  # noqa: F401  (re-exported: audit.components was their home)
    CONTAINED_SCORE, HEADING_SCORE, _title_score, forget_titles, title_owners, title_score)
from audit.memo import ByObject
from audit.model import AuditedDocument, Block, ComponentResult, Evidence, Finding, Section

RANK = {"present": 3, "weak": 2, "missing": 1, "not_applicable": 0, "not_yet_due": 0}
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
    # the sections this component owns, in order (not a test of every section per component)
    for i in sorted(i for i, keys in owners.items() if key in keys and 0 <= i < len(sections)):
        section = sections[i]
        body = "\n".join(b.text for b in section_body(sections, i, owners) if not b.is_furniture)
        # 'Start sollicitaties: ...' under 'Komende periode' is a planned item, not the part's own section
        intent = section.kind == "label" and any(id(b) in planning for b in section.blocks)
        places.append(Place(body, Evidence(doc, section.page, _quote(section.title or "")), section.kind, intent))
    labels = tuple(comp.get("cues", {}).get("labels", ()))
    if labels:
        for block, row in parts.rows:
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
    (it is asked once per component: issue 3); kept with the document, its sections and checklists
    (``_PARTS``)."""

    planning: set[int]  # ids of the blocks under a planning heading
    context: dict[int, str]  # block id -> the text around it
    phrase_blocks: tuple[tuple[Block, str], ...]  # blocks a phrase may stand in, with their normalised text
    phrase_index: TextIndex  # of the normalised texts of phrase_blocks
    rows: tuple[tuple[Block, tuple[str, ...]], ...]  # table rows that may name a component


PARTS_KEPT = 64  # documents: the dossier stage judges riv parts on each again, in turn
_PARTS: ByObject[_Parts] = ByObject(PARTS_KEPT)


def _document_parts(audited: AuditedDocument, checklists) -> _Parts:
    return _PARTS.get(audited.document, lambda: _new_parts(audited, checklists), audited.sections, checklists)


def _new_parts(audited: AuditedDocument, checklists) -> _Parts:
    forget_dates()  # a new document
    sections = audited.sections
    titles = {id(s.blocks[0]) for s in sections if s.kind == "heading" and s.blocks}
    phrase_blocks = tuple((b, normalise(b.text)) for b in audited.document.blocks
                          if not b.is_furniture and id(b) not in titles)
    return _Parts(_planning_blocks(sections, checklists), _block_context(sections), phrase_blocks,
                  TextIndex([text for _, text in phrase_blocks]), tuple(_table_rows(audited)))


def forget_parts() -> None:
    """Forget the documents' parts (benchmarks: each run pays as a new dossier)."""
    _PARTS.clear()


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
        if not any(found_from(start, p, norm) for start, p in _each_with_start(tuple(group))):
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
    phrases = tuple(comp.get("cues", {}).get("phrases", ()))
    pattern = compile_words(phrases)
    at = first_start(phrases, norm)  # no match begins before it (none at all where -1)
    found = False
    for m in pattern.finditer(norm, at) if pattern and at >= 0 else ():
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
