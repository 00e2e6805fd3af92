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
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from audit.extract.dates import find_dates
from audit.extract.dates import vocabulary as date_vocabulary
from audit.model import AuditedDocument, Block, ComponentResult, Evidence, Finding, Section
from audit.segment import normalise_title

HEADING_SCORE = 86  # rapidfuzz ratio of a section title against a heading cue
CONTAINED_SCORE = 90  # the cue's words all in a short title
RANK = {"present": 3, "weak": 2, "missing": 1, "not_applicable": 0, "not_yet_due": 0}
_SENTENCES = re.compile(r"(?<=[.!?;])\s+|\n+")
_SPACES = re.compile(r"[ \t]+")
_CLAUSE_END = re.compile(r"[.;!?\n]")


# --------------------------------------------------------------------------- text and patterns


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Cached: each component looks at the same blocks again (benchmarks/profile_check.py)."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    return _SPACES.sub(" ", text.lower())


def _word_pattern(phrase: str) -> str:
    """'afstand tot de arbeidsmarkt' -> words joined by space or hyphen; 'sollicit*' -> a stem."""
    parts = []
    for word in phrase.lower().split():
        core = re.escape(word.rstrip("*"))
        parts.append(core + (r"\w*" if word.endswith("*") else ""))
    return r"[\s\-]+".join(parts)


@lru_cache(maxsize=4096)
def compile_words(words: tuple[str, ...]) -> re.Pattern | None:
    """One alternation for a word list (longest first), word boundaries outside the alternation:
    30x faster than a boundary per alternative (benchmarks/components_matching.py)."""
    words = tuple(sorted({w for w in words if w.strip()}, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + "|".join(_word_pattern(w) for w in words) + r")(?!\w)") if words else None


@lru_cache(maxsize=4096)
def compile_each(words: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    return tuple(p for w in words if (p := compile_words((w,))) is not None)


@lru_cache(maxsize=4096)
def _each_with_start(words: tuple[str, ...]) -> tuple[tuple[str, re.Pattern], ...]:
    """``compile_each`` with the literal text each match starts with (the phrase's first word,
    lower case, without its stem star): where that text is not in the text, the pattern cannot
    match, and a substring test is far cheaper than a search that starts with a look-behind."""
    return tuple((w.lower().split()[0].rstrip("*"), p) for w in words
                 if (p := compile_words((w,))) is not None)


def _count_found(words: tuple[str, ...], norm: str) -> int:
    """How many of ``compile_each(words)`` match in ``norm``."""
    return sum(1 for start, p in _each_with_start(words) if start in norm and p.search(norm))


def vocab(checklists, name: str) -> Mapping:
    return (getattr(checklists, "vocab", {}) or {}).get(name, {}) or {}


def message(checklists, key: str, **fill) -> tuple[str, str]:
    """A sentence of checklists/data/component_messages.yaml, Dutch and English, filled in."""
    entry = vocab(checklists, "component_messages").get(key, {}) or {}
    return entry.get("nl", key).format(**fill), entry.get("en", key).format(**fill)


def has_date(text: str, checklists=None) -> bool:
    """A day-month-year date as the date extractor reads it ('26 feb. 2024', '12-3-24'), or a month
    with its year ('maart 2024', a period); the month words are those of checklists/data/dates.yaml."""
    if find_dates(text, 1):
        return True
    return bool(_month_year().search(normalise(text)))


def _substance_hits(text: str, norm: str, phrases: tuple[str, ...]) -> int:
    """How many substance words the text has. Month names among them mean dates are substance: then
    the dates the date extractor reads count, in every written form ('op 27 mei 2024 en 26 aug. 2024':
    two moments), in place of the bare month words."""
    months = _months()
    words = [w for w in phrases if not months.fullmatch(w.lower())]
    hits = _count_found(tuple(words), norm)
    if len(words) == len(phrases):
        return hits
    month_hits = _count_found(tuple(w for w in phrases if w not in words), norm)
    return hits + max(month_hits, len({d.value for d in find_dates(text, 1)}))


@lru_cache(maxsize=1)
def _months() -> re.Pattern:
    forms = tuple(str(f) for fs in date_vocabulary("dates")["months"].values() for f in fs)
    return compile_words(forms)


@lru_cache(maxsize=1)
def _month_year() -> re.Pattern:
    return re.compile(_months().pattern + r"\.?,?\s*'?(?:19|20)?\d{2}(?!\d)")


# --------------------------------------------------------------------------- negation


def _negation(checklists) -> Mapping:
    return vocab(checklists, "negation")


@lru_cache(maxsize=64)
def _normalised_set(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(normalise(w).strip() for w in words)


def is_absent_value(text: str, checklists) -> bool:
    value = normalise(text).strip().strip(".:;").strip()
    absent = _normalised_set(tuple(_negation(checklists).get("absent_values", ())))
    return not value or value in absent or set(value) <= set(".-_… ")


def is_negated(text: str, start: int, end: int, checklists) -> bool:
    """A negation word in front of the cue, or a negating phrase behind it, in the same sentence and
    clause: a scope breaker between them ('niet geleid tot werkhervatting', 'geen vacature, maar
    wel een werkervaringsplek') keeps the negation off the cue."""
    neg = _negation(checklists)
    clause_start = max(text.rfind(c, 0, start) for c in ".;!?\n") + 1  # not a split of the whole text per cue
    clause_end = _CLAUSE_END.search(text, end)
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


def has_intent(text: str, checklists) -> bool:
    """Future or intended, not done: 'daarna zoekprofiel vaststellen', 'volgende periode start sollicitaties'
    (checklists/data/negation.yaml ``intent``)."""
    pattern = compile_words(tuple(_negation(checklists).get("intent", ())))
    return bool(pattern and pattern.search(normalise(text)))


def awaited(text: str, start: int, checklists) -> bool:
    """An expectation in the same sentence in front of a match ('wacht op nieuwe FML'; negation.yaml ``awaiting``)."""
    neg = _negation(checklists)
    left = re.split(r"[.;!?\n]", text[:start])[-1].split()[-int(neg.get("intent_window", 5)):]
    pattern = compile_words(tuple(neg.get("awaiting", ())))
    return bool(pattern and pattern.search(" ".join(left)))


def live_matches(pattern: re.Pattern | None, text: str, checklists, negatable: bool = True) -> list[re.Match]:
    if pattern is None:
        return []
    found = list(pattern.finditer(text))
    return [m for m in found if not (negatable and is_negated(text, m.start(), m.end(), checklists))]


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
    planning = _planning_blocks(sections, checklists)
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
    pattern = compile_words(tuple(comp.get("cues", {}).get("phrases", ())))
    negatable = comp.get("negatable", True)
    context = _block_context(sections)
    titles = {id(s.blocks[0]) for s in sections if s.kind == "heading" and s.blocks}
    for block in audited.document.blocks:
        if block.is_furniture or pattern is None or id(block) in titles:
            continue
        text = normalise(block.text)
        for match in live_matches(pattern, text, checklists, negatable)[:1]:
            sentence = sentence_at(block.text, match.start())
            intent = id(block) in planning or has_intent(sentence, checklists)
            # judge the phrase with the paragraph it stands in (PDF lines are blocks of their own)
            places.append(Place(context.get(id(block), block.text), Evidence(doc, block.page, _quote(sentence or block.text)),
                                "phrase", intent))
    return places


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
    first = _SENTENCES.split(norm.strip())[0] if norm.strip() else ""
    after = compile_words(tuple(_negation(checklists).get("after", ())))
    if own_text and after and len(first.split()) <= 8 and after.search(first):
        return True
    pattern = compile_words(tuple(comp.get("cues", {}).get("phrases", ())))
    found = list(pattern.finditer(norm)) if pattern else []
    return bool(found) and all(is_negated(norm, m.start(), m.end(), checklists) for m in found)


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


def condition_holds(condition: str, texts: Iterable[str], checklists, doc_types: Iterable[str] = ()) -> bool:
    """A when-condition (checklists/data/conditions.yaml) shown by a document type or a phrase that is not negated."""
    entry = vocab(checklists, "conditions").get(condition, {}) or {}
    if set(entry.get("doc_types", ())) & set(doc_types):
        return True
    pattern = compile_words(tuple(entry.get("phrases", ())))
    for text in texts:
        norm = normalise(text)
        for match in live_matches(pattern, norm, checklists):
            # 'wacht op nieuwe FML': expected, not the situation
            if not (entry.get("exclude_intent") and awaited(norm, match.start(), checklists)):
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
