"""consistency.* rules on the sollicitaties and the course of the tweede spoor: gaps, frequency,
applications by the bureau, a traject stopped without grounds, a haalbaarheidsonderzoek instead
of a traject, arbeidstherapie too long, diagnoses in an employer's document, and documents that
disagree on the eerste ziektedag. Cue words: ``checklists/data/events.yaml``.
"""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from audit.extract.event_text import Line, any_scanner, lines_with, lower_lines, matcher, scanner_of
from audit.model import Evidence, Finding
from audit.rules.deadlines import spoor2_start_event
from audit.rules.registry import RuleContext, nl_date, number, rule

SPOOR2_TYPES = ("spoor2_plan", "spoor2_voortgang", "spoor2_eind", "sollicitatieoverzicht")
REPORT_TYPES = ("spoor2_voortgang", "spoor2_eind", "sollicitatieoverzicht")
# A frequency needs a listing: one or two named applications say nothing about a rate.
MIN_APPLICATIONS = 3
CONTEXT_LINES = 2


def _applications(ctx: RuleContext):
    return ctx.dated("sollicitatie")


def _silence_until(ctx: RuleContext, last: date) -> date | None:
    """A report after the last application that says none were sent ("sinds 21 oktober geen
    sollicitaties meer"): the silence runs to that report's date, capped at the traject's end.
    Without such a statement an incomplete listing is no evidence of silence."""
    cue = scanner_of(ctx.vocab, "geen_sollicitaties")
    if cue is None:
        return None
    dates = [d.doc_date for d in ctx.docs if d.doc_type in REPORT_TYPES and d.doc_date and d.doc_date > last
             and next(lines_with(ctx.lines(d), cue), None) is not None]
    if not dates:
        return None
    end = max(dates)
    ends = [e.until for e in ctx.events("spoor2_start") if e.until]
    return min(end, max(ends)) if ends else end


@rule("consistency.sollicitatie_gat.v1")
def sollicitatie_gat(ctx: RuleContext, p: Mapping[str, Any]) -> list[Finding]:
    """The longest stretch between two consecutive applications, or between the last one and
    a later report that says no applications were sent since."""
    apps = _applications(ctx)
    if not apps:
        return []
    max_gap = int(p["max_gap_days"])
    pairs = [(a.date, b.date, a, b) for a, b in zip(apps, apps[1:])]
    end = _silence_until(ctx, apps[-1].date)
    if end is not None and end > apps[-1].date:
        pairs.append((apps[-1].date, end, apps[-1], None))
    worst = max(pairs, key=lambda x: (x[1] - x[0]).days, default=None)
    if worst is None or (worst[1] - worst[0]).days <= max_gap:
        return []
    first, second, a, b = worst
    days = (second - first).days
    return [ctx.finding("consistency.sollicitatie_gat", {
        "days": days, "weeks_between": number(round(days / 7, 1)), "first": nl_date(first),
        "second": nl_date(second), "max_weeks": max_gap // 7},
        evidence=[e.evidence for e in (a, b) if e is not None and e.evidence], week=ctx.week(second))]


def _reported_periods(ctx: RuleContext, apps) -> list[tuple[date, date]]:
    """Reporting periods ("Rapportageperiode: 18-11-2024 tot en met 17-01-2025") of the
    documents that list the applications."""
    listed = {e.evidence.document for e in apps if e.evidence}
    return [(e.date, e.until) for e in ctx.events("rapportageperiode")
            if e.date and e.until and e.evidence and e.evidence.document in listed]


def traject_period(ctx: RuleContext, apps) -> tuple[date, date] | None:
    """The reporting periods of the documents that list the applications where those cover them
    all, else the traject: its start (else the first application) to its end (else the latest
    report that lists applications)."""
    periods = _reported_periods(ctx, apps)
    if periods:
        start, end = min(p[0] for p in periods), max(p[1] for p in periods)
        if all(start <= a.date <= end for a in apps):
            return (start, end) if end > start else None
    start_event = spoor2_start_event(ctx)
    start = start_event.date if start_event else apps[0].date
    start = min(start, apps[0].date)
    ends = [e.until for e in ctx.events("spoor2_start") if e.until]
    if ends:
        end = max(ends)
    else:
        reports = {e.evidence.document for e in apps if e.evidence}
        dates = [d.doc_date for d in ctx.docs if d.document.path in reports and d.doc_date]
        end = max(dates) if dates else apps[-1].date
    end = max(end, apps[-1].date)
    return (start, end) if end > start else None


@rule("consistency.sollicitatie_frequentie.v1")
def sollicitatie_frequentie(ctx: RuleContext, p: Mapping[str, Any]) -> list[Finding]:
    apps = _applications(ctx)
    if len(apps) < MIN_APPLICATIONS:
        return []
    period = traject_period(ctx, apps)
    if period is None:
        return []
    start, end = period
    weeks = (end - start).days / 7
    rate = len(apps) / weeks
    minimum = float(p["min_per_week"])
    if rate >= minimum:
        return []
    return [ctx.finding("consistency.sollicitatie_frequentie", {
        "count": len(apps), "weeks": number(round(weeks)), "start": nl_date(start), "end": nl_date(end),
        "rate": f"{rate:.2f}".replace(".", ","), "min_per_week": number(minimum)},
        evidence=[e.evidence for e in (apps[0], apps[-1]) if e.evidence], week=ctx.week(end))]


def _context(lines: list[Line], i: int) -> str:
    return " ".join(x.text for x in lines[max(0, i - CONTEXT_LINES): i + CONTEXT_LINES + 1])


@rule("consistency.namens_werknemer.v1")
def namens_werknemer(ctx: RuleContext, p: Mapping[str, Any]) -> list[Finding]:
    rows = [e for e in ctx.events("sollicitatie") if e.by_bureau]
    pattern = scanner_of(ctx.vocab, "namens_werknemer")
    said: list[Evidence] = []
    about = matcher(ctx.vocab, "sollicitatie_words")
    if pattern is not None:
        for doc in ctx.docs:
            if doc.doc_type not in (*SPOOR2_TYPES, "riv", "eindevaluatie", "logboek"):
                continue
            lines = ctx.lines(doc)
            for i in lines_with(lines, pattern):
                if about is None or about.search(_context(lines, i)):
                    said.append(lines[i].evidence())
    count = len(rows) + len(said)
    if not rows and len(said) < 2:
        return []
    evidence = [e.evidence for e in rows[:2] if e.evidence] + said[:2]
    return [ctx.finding("consistency.namens_werknemer", {"count": count}, evidence=evidence,
                        week=ctx.week(rows[0].date) if rows else None)]


def _grounded(ctx: RuleContext, text: str) -> bool:
    grounds = matcher(ctx.vocab, "stilgelegd_grounds")
    negated = matcher(ctx.vocab, "stilgelegd_grounds_negated")
    if grounds is None or not grounds.search(text):
        return False
    return negated is None or not negated.search(text)


@rule("consistency.spoor2_stilgelegd.v1")
def spoor2_stilgelegd(ctx: RuleContext, p: Mapping[str, Any]) -> list[Finding]:
    stop = scanner_of(ctx.vocab, "stilgelegd")
    if stop is None:
        return []
    for doc in ctx.docs:
        if doc.doc_type not in (*SPOOR2_TYPES, "riv", "logboek", "eindevaluatie"):
            continue
        lines = ctx.lines(doc)
        subject = scanner_of(ctx.vocab, "stilgelegd_subject")
        refused = matcher(ctx.vocab, "stilgelegd_not")
        low = lower_lines(lines)
        for i in low.worth(stop):
            line = lines[i]
            m = stop.search(line.text, low.each[i])  # its span only (see lower_match)
            if m is None or (refused is not None and refused.search(line.text[max(0, m.start() - 40):m.end()])):
                continue
            if subject is not None and not subject.found(line.text):
                continue
            if not _grounded(ctx, _context(lines, i)):
                ev = line.evidence()
                return [ctx.finding("consistency.spoor2_stilgelegd", {"quote": ev.quote}, evidence=[ev],
                                    week=ctx.week(doc.doc_date), document=doc.document.path)]
    return []


@rule("consistency.haalbaarheidsonderzoek.v1")
def haalbaarheidsonderzoek(ctx: RuleContext, p: Mapping[str, Any]) -> list[Finding]:
    cue = scanner_of(ctx.vocab, "haalbaarheidsonderzoek")
    if cue is None or _applications(ctx) or any((e.count or 0) > 0 for e in ctx.events("sollicitatie_aantal")):
        return []
    for doc in ctx.docs:
        if doc.doc_type not in (*SPOOR2_TYPES, "riv", "ad_rapport", "eindevaluatie"):
            continue
        lines = ctx.lines(doc)
        for i in lines_with(lines, cue):
            ev = lines[i].evidence()
            return [ctx.finding("consistency.haalbaarheidsonderzoek", {"quote": ev.quote}, evidence=[ev],
                                week=ctx.week(doc.doc_date), document=doc.document.path)]
    return []


@rule("consistency.arbeidstherapie_te_lang.v1")
def arbeidstherapie_te_lang(ctx: RuleContext, p: Mapping[str, Any]) -> list[Finding]:
    """A dated period of arbeidstherapeutisch werken longer than ``max_days``: a range on the line,
    or 'sinds <date>' up to the document's date; not where a loonwaarde is set."""
    cue = scanner_of(ctx.vocab, "arbeidstherapeutisch")
    loonwaarde = matcher(ctx.vocab, "loonwaarde")
    max_days = int(p["max_days"])
    if cue is None:
        return []
    for doc in ctx.docs:
        lines = ctx.lines(doc)
        for i in lines_with(lines, cue):
            line = lines[i]
            if loonwaarde and loonwaarde.search(_context(lines, i)):
                continue
            days = _period_days(line, doc.doc_date, matcher(ctx.vocab, "since_words"))
            if days is not None and days > max_days:
                ev = line.evidence()
                return [ctx.finding("consistency.arbeidstherapie_te_lang", {
                    "days": days, "weeks": days // 7, "max_weeks": max_days // 7}, evidence=[ev],
                    week=ctx.week(doc.doc_date), document=doc.document.path)]
    return []


def _period_days(line: Line, doc_date: date | None, since) -> int | None:
    for spot in line.dates:
        if spot.until:
            return (spot.until - spot.value).days
    if len(line.dates) >= 2:
        return (line.dates[-1].value - line.dates[0].value).days
    if line.dates and doc_date and since is not None and since.search(line.text[: line.dates[0].start]):
        return (doc_date - line.dates[0].value).days
    return None


def _diagnoses(ctx: RuleContext) -> tuple[str, ...]:
    """Diagnosis words: the privacy engineer's checklists/data/medical.yaml where it exists,
    else the interim list in events.yaml (the patterns, for compile_any)."""
    from audit.extract.event_text import vocab_patterns
    medical = ctx.checklists.vocab.get("medical") or {}
    for key in ("diagnoses", "diagnosis", "terms"):
        if medical.get(key):
            value = medical[key]
            if isinstance(value, Mapping):
                value = [t for group in value.values() for t in (group if isinstance(group, list) else [group])]
            return tuple(rf"\b(?:{t})\b" for t in vocab_patterns(value))
    return vocab_patterns(ctx.vocab.get("diagnoses_fallback"))


@rule("consistency.medische_gegevens.v1")
def medische_gegevens(ctx: RuleContext, p: Mapping[str, Any]) -> list[Finding]:
    scan = any_scanner(_diagnoses(ctx))
    employer = set(ctx.vocab.get("employer_doc_types", []))
    if scan is None:
        return []
    for doc in ctx.docs:
        if doc.doc_type not in employer:
            continue
        lines = ctx.lines(doc)
        for i in lines_with(lines, scan):  # the same lines, found faster (see lower_match)
            line = lines[i]
            m = scan.whole.pattern.search(line.text)
            if m:
                return [ctx.finding("consistency.medische_gegevens", {"term": m.group(0), "doc_type": doc.doc_type},
                                    evidence=[line.evidence()], week=ctx.week(doc.doc_date),
                                    document=doc.document.path)]
    return []


@rule("consistency.eerste_ziektedag_verschilt.v1")
def eerste_ziektedag_verschilt(ctx: RuleContext, p: Mapping[str, Any]) -> list[Finding]:
    first = ctx.timeline.first_sick_day
    if first is None:
        return []
    others = sorted({d for d in _first_day_values(ctx) if d != first})
    if not others:
        return []
    return [ctx.finding("consistency.eerste_ziektedag_verschilt", {
        "first": nl_date(first), "others": ", ".join(nl_date(d) for d in others)},
        evidence=ctx.timeline.first_sick_day_evidence[:3])]


def _first_day_values(ctx: RuleContext) -> list[date]:
    from audit.extract.events import first_sick_day_votes
    values = []
    for doc in ctx.docs:
        found = first_sick_day_votes(doc, ctx.lines(doc), ctx.vocab)
        if found:
            counts: dict[date, int] = {}
            for d, _ in found:
                counts[d] = counts.get(d, 0) + 1
            values.append(max(counts.items(), key=lambda kv: (kv[1], -kv[0].toordinal()))[0])
    return values
