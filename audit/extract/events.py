"""The sick-leave timeline: the eerste ziektedag, each document's own date, and the events
(probleemanalyse, plan van aanpak, evaluations, 42e-weeksmelding, EJE, FML, AD-rapport, start of
the tweede spoor, actueel oordeel, eindevaluatie, WIA-aanvraag, each sollicitatie) placed in
sick-leave week N = (date - eerste ziektedag) // 7 + 1 (``Timeline.week_of``).

Cue words: ``checklists/data/events.yaml``. A document's own type and date are the strongest
evidence of an event; a mention in another document (a chronology row, "de FML van 12-12-2023")
fills in what the dossier does not hold itself. A document's own date: ``doc_dates`` (re-exported).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta

from audit.checklist import Checklists
from audit.extract.doc_dates import dated_document, document_date  # noqa: F401  (re-exported)
from audit.extract.doc_dates import dating, event_vocab, labelled_dates
from audit.extract.event_text import (CueHit, Line, any_scanner, clause_of, cue_hits, document_lines, lower_lines,
                                      matcher, scanner_of, vocab_patterns)
from audit.extract.sollicitaties import sollicitatie_events
from audit.model import AuditedDocument, Event, Evidence, Timeline

# Doc types whose own date is the moment of the event of the same name.
OWN_EVENT = {
    "probleemanalyse": "probleemanalyse", "plan_van_aanpak": "plan_van_aanpak",
    "bijstelling_pva": "bijstelling_pva", "evaluatie": "evaluatie", "ziekmelding_uwv": "ziekmelding_uwv",
    "eerstejaarsevaluatie": "eerstejaarsevaluatie", "fml": "fml", "ad_rapport": "ad_rapport",
    "spoor2_plan": "spoor2_plan", "spoor2_voortgang": "spoor2_voortgang", "spoor2_eind": "spoor2_eind",
    "deskundigenoordeel": "deskundigenoordeel", "actueel_oordeel": "actueel_oordeel",
    "eindevaluatie": "eindevaluatie", "riv": "riv",
}
# A first sick day more than this far before a document's date is not plausible (wachttijd + sanctie).
MAX_SICK_SPAN = timedelta(days=7 * 160)
DISSENT_FINDING = "consistency.eerste_ziektedag_verschilt"


# --------------------------------------------------------------------------- eerste ziektedag


_VOTES_MEMO: dict[tuple[int, int, int], tuple[object, object, object, list]] = {}


def first_sick_day_votes(audited: AuditedDocument, lines: Sequence[Line], vocab: Mapping) -> list[tuple[date, Line]]:
    """Every labelled first sick day in one document. The timeline and the rule
    consistency.eerste_ziektedag_verschilt both ask: remembered by identity for the last few
    documents (the memo holds the objects, so an id is not reused while remembered)."""
    key = (id(audited), id(lines), id(vocab))
    hit = _VOTES_MEMO.get(key)
    if hit is not None and hit[0] is audited and hit[1] is lines and hit[2] is vocab:
        return list(hit[3])
    found = _first_sick_day_votes(audited, lines, vocab)
    if len(_VOTES_MEMO) >= 64:
        _VOTES_MEMO.pop(next(iter(_VOTES_MEMO)))
    _VOTES_MEMO[key] = (audited, lines, vocab, found)
    return list(found)


def _first_sick_day_votes(audited: AuditedDocument, lines: Sequence[Line], vocab: Mapping) -> list[tuple[date, Line]]:
    found = labelled_dates(lines, vocab.get("first_sick_day_labels"))
    if audited.doc_type not in set(vocab.get("first_sick_day_melding_doc_types") or ()):
        found += labelled_dates(lines, vocab.get("first_sick_day_melding_labels"))
    around = vocab.get("first_sick_day_around") or {}
    before = any_scanner(vocab_patterns(around.get("before")))
    after = any_scanner(vocab_patterns(around.get("after")))
    if before is not None and after is not None:
        # Only lines where both may match: a slice of a line that holds no needle holds none
        # either (lower_match.LowerTexts.worth), so the others add no vote.
        low = lower_lines(lines)
        for i in sorted(set(low.worth(before)).intersection(low.worth(after))):
            line = lines[i]
            for spot in line.dates:
                if before.found(line.text[max(0, spot.start - 30):spot.start]) and \
                        after.found(line.text[spot.end:spot.end + 40]):
                    found.append((spot.value, line))
    own = audited.doc_date
    return [(d, line) for d, line in found if own is None or (d <= own and own - d <= MAX_SICK_SPAN)]


def choose_first_sick_day(per_doc: Sequence[tuple[str, list[tuple[date, Line]]]]
                          ) -> tuple[date | None, tuple[Evidence, ...], tuple[date, ...]]:
    """Majority over documents (each document votes for its most named value); ties go to the
    earliest date. Returns the day, its evidence and the dissenting values."""
    votes: Counter[date] = Counter()
    evidence: dict[date, list[Evidence]] = {}
    for _, found in per_doc:
        if not found:
            continue
        counts = Counter(d for d, _ in found)
        best = max(counts.items(), key=lambda kv: (kv[1], -kv[0].toordinal()))[0]
        votes[best] += 1
        for d, line in found:
            evidence.setdefault(d, []).append(line.evidence())
    if not votes:
        return None, (), ()
    day = max(votes.items(), key=lambda kv: (kv[1], -kv[0].toordinal()))[0]
    others = tuple(sorted(d for d in votes if d != day))
    return day, tuple(evidence[day][:5]), others


# --------------------------------------------------------------------------- events


def _is_planned(hit: CueHit, planned) -> bool:
    return planned is not None and planned.found(hit.line.text[max(0, hit.start - 40):hit.end + 20])


def _is_unstarted(hit: CueHit, planned, preparation) -> bool:
    """A start that is only prepared or discussed ("start tweede spoor voorbereid") is no start;
    a planned start counts only with its own date ("Start traject gepland op 01-02-2024"), not
    with the date of the logboek row that announces it."""
    row_date = all(spot.start < hit.start for spot in hit.dates)
    clause = clause_of(hit, row_date)
    if preparation is not None and preparation.found(clause):
        return True
    return row_date and planned is not None and planned.found(clause)


def mention_events(audited: AuditedDocument, lines: Sequence[Line], vocab: Mapping) -> list[Event]:
    """Events named beside a date in this document. A date after the document's own date is a
    plan, not a fact (except a planned traject start, which still counts for its deadline)."""
    cues = vocab.get("event_cues", {}) or {}
    multi = frozenset(k for k in cues if k not in set(vocab.get("single_events", [])))
    future_ok = set(vocab.get("future_allowed", []))
    planned_ok = set(vocab.get("planned_allowed", []))
    range_words = matcher(vocab, "range_words")
    planned = scanner_of(vocab, "planned_cues")
    preparation = scanner_of(vocab, "preparation_cues")
    own = audited.doc_date
    events = []
    sources = {k: set(v) for k, v in (vocab.get("event_sources") or {}).items()}
    for hit in cue_hits(lines, cues, multi=multi):
        if hit.key in planned_ok:
            if _is_unstarted(hit, planned, preparation):
                continue
        elif _is_planned(hit, planned):
            continue
        if hit.key in sources and sources[hit.key] and audited.doc_type not in sources[hit.key]:
            continue
        for spot in hit.dates:
            if own is not None and spot.value > own and hit.key not in future_ok:
                continue
            events.append(Event(hit.key, spot.value, None, hit.line.evidence(), until=_until(hit.line, spot, range_words)))
    return events


def _until(line: Line, spot, range_words) -> date | None:
    """The end of a period: a range fact, or a second date right after ('t/m 01-11-2024')."""
    if spot.until:
        return spot.until
    later = [d for d in line.dates if d.start > spot.end and d.start - spot.end <= 14]
    if later and range_words is not None and range_words.search(line.text[spot.end:later[0].start]):
        return later[0].value
    return None


def own_events(audited: AuditedDocument, lines: Sequence[Line], vocab: Mapping,
               dated: tuple[date, Line] | None) -> list[Event]:
    """The document itself as an event; an evaluation document with several dated
    conversations is one evaluation per conversation."""
    kind = OWN_EVENT.get(audited.doc_type)
    if kind is None:
        return []
    if kind == "evaluatie":
        cues = {"evaluatie": [*vocab_patterns((vocab.get("event_cues") or {}).get("evaluatie")),
                              *vocab_patterns(vocab.get("evaluation_entry_cues"))]}
        entries = {}
        planned = scanner_of(vocab, "planned_cues")
        for hit in cue_hits(lines, cues):
            if _is_planned(hit, planned):
                continue
            if hit.start <= 3 or hit.line.dates and hit.line.dates[0].start <= 3:
                for spot in hit.dates:
                    entries.setdefault(spot.value, Event("evaluatie", spot.value, None, hit.line.evidence()))
        if len(entries) > 1:
            return list(entries.values())
    if dated is None:
        return [Event(kind, None, None, Evidence(audited.document.path, 1, audited.document.path))]
    return [Event(kind, dated[0], None, dated[1].evidence())]


def merge_events(own: Sequence[Event], mentioned: Sequence[Event], single: set[str],
                 ranks: Sequence[int] | None = None, labelled: Sequence[Event] = ()) -> list[Event]:
    """Own documents win (of several documents of a single moment, those whose date is marked as
    their own, ``labelled``: "Datum EJE" over a plain date on page 1); for a moment the dossier
    lacks, the mention from the best-ranked source (``ranks``, parallel to ``mentioned``, lower
    first: the trajectplan before a logboek), then the date most often mentioned (the earliest
    on a tie); recurring events (evaluations, FMLs) are the union, one per date."""
    rank_of = {id(e): r for e, r in zip(mentioned, ranks)} if ranks is not None else {}
    strong = {id(e) for e in labelled}
    by_kind: dict[str, list[Event]] = {}
    for e in own:
        by_kind.setdefault(e.event, []).append(e)
    mentions: dict[str, list[Event]] = {}
    for e in mentioned:
        mentions.setdefault(e.event, []).append(e)
    out: list[Event] = []
    for kind in sorted(set(by_kind) | set(mentions)):
        mine = [e for e in by_kind.get(kind, [])]
        if kind in single:
            if any(e.date for e in mine):
                out += [e for e in mine if id(e) in strong] or mine
                continue
            dated_mentions = [e for e in mentions.get(kind, []) if e.date]
            if dated_mentions:
                top = min(rank_of.get(id(e), 0) for e in dated_mentions)
                counts = Counter(e.date for e in dated_mentions if rank_of.get(id(e), 0) == top)
                best = max(counts.items(), key=lambda kv: (kv[1], -kv[0].toordinal()))[0]
                out.append(next(e for e in dated_mentions
                                if e.date == best and rank_of.get(id(e), 0) == top))
            else:
                out += mine
            continue
        seen = {e.date for e in mine}
        out += mine
        for e in mentions.get(kind, []):
            if e.date not in seen:
                seen.add(e.date)
                out.append(e)
    return out


def source_rank(vocab: Mapping, kind: str, doc_type: str) -> int:
    """How well a document of ``doc_type`` speaks for a single moment ``kind``: its place in
    ``event_source_rank`` (the trajectplan's own "Start traject" first), other documents after."""
    order = list((vocab.get("event_source_rank") or {}).get(kind) or ())
    return order.index(doc_type) if doc_type in order else len(order)


def unique_sollicitaties(events: Sequence[Event]) -> list[Event]:
    """The same application listed in a voortgangsrapportage and in the overzicht counts once:
    same date and same first word after it."""
    seen: set[tuple] = set()
    out = []
    for e in events:
        if e.event != "sollicitatie":
            out.append(e)
            continue
        quote = e.evidence.quote if e.evidence else ""
        tail = re.sub(r"^[\s|]*[\d\-./]+[\s|]*", "", quote)
        key = (e.date, tail.split(" ")[0].strip("|").lower() if tail else "")
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def _dissent_warning(checklists: Checklists | None, first: date, others: Sequence[date]) -> str:
    """The timeline warning speaks the words of the finding consistency.eerste_ziektedag_verschilt."""
    entry = checklists.findings.get(DISSENT_FINDING, {}) if checklists is not None else {}
    template = (entry.get("message") or {}).get("nl") or "{first} / {others}"
    return template.format(first=first.strftime("%d-%m-%Y"), others=", ".join(d.strftime("%d-%m-%Y") for d in others))


def build_timeline(docs: Sequence[AuditedDocument], checklists: Checklists | None = None) -> Timeline:
    vocab = event_vocab(checklists)
    lines_of = {id(a): document_lines(a) for a in docs}
    dated, marked = {}, set()
    for a in docs:
        found = dating(a, checklists, lines_of[id(a)]) if a.dates else None
        dated[id(a)] = found[1:] if found else None
        if found and found[0]:
            marked.add(id(a))
    votes = [(a.document.path, first_sick_day_votes(a, lines_of[id(a)], vocab)) for a in docs]
    first, evidence, others = choose_first_sick_day(votes)
    warnings = [_dissent_warning(checklists, first, others)] if others else []
    if first is None and any(a.dates for a in docs):
        warnings.append(str(((vocab.get("messages") or {}).get("no_first_sick_day") or {}).get("nl", "")))
    own: list[Event] = []
    labelled: list[Event] = []
    mentioned: list[tuple[int, Event]] = []
    sollicitaties: list[Event] = []
    for a in docs:
        lines = lines_of[id(a)]
        mine = own_events(a, lines, vocab, dated[id(a)])
        own += mine
        if id(a) in marked:
            labelled += mine
        mentioned += [(source_rank(vocab, e.event, a.doc_type), e) for e in mention_events(a, lines, vocab)]
        sollicitaties += sollicitatie_events(a, lines, vocab)
    periods = [e for _, e in mentioned if e.event == "rapportageperiode"]
    named = [e for _, e in mentioned if e.event == "sollicitatie"]
    mentioned = [(r, e) for r, e in mentioned if e.event not in ("rapportageperiode", "sollicitatie")]
    rows = unique_sollicitaties(sollicitaties)
    row_dates = {e.date for e in rows if e.event == "sollicitatie"}
    rows += [e for e in named if e.date not in row_dates]
    events = merge_events(own, [e for _, e in mentioned], set(vocab.get("single_events", [])),
                          [r for r, _ in mentioned], labelled) + rows + periods
    timeline = Timeline(first, (), evidence, tuple(warnings))
    placed = [replace(e, week=timeline.week_of(e.date) if e.date else e.week) for e in events]
    placed.sort(key=lambda e: (e.date or date.max, e.event))
    return replace(timeline, events=tuple(placed))
