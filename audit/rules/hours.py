"""consistency.* rules on hour figures: zoekprofiel against the benutbare mogelijkheden of the
bedrijfsarts, the urenopbouwschema, a changed belastbaarheid, and a werkervaringsplek without
build-up. Hours per day count five days a week (``HoursFact.per_week``; corpus convention).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from audit.cue_match import explored, normalise
from audit.extract.event_text import lines_with, matcher, scanner_of
from audit.model import AuditedDocument, Evidence, Finding, HoursFact
from audit.rules.registry import RuleContext, nl_date, number, rule

SPOOR2_TYPES = ("spoor2_plan", "spoor2_voortgang", "spoor2_eind")
PLAN_TYPES = ("plan_van_aanpak", "bijstelling_pva", *SPOOR2_TYPES)
FML_TYPES = ("fml", "actueel_oordeel")
TOLERANCE = 0.01


def _weekly(facts: Sequence[HoursFact]) -> list[HoursFact]:
    return [h for h in facts if h.per_week is not None]


def fml_hours(doc: AuditedDocument) -> list[HoursFact]:
    """The benutbare mogelijkheden: in a bedrijfsarts document every figure not tagged otherwise
    (an urenopbouwschema's steps carry no role), elsewhere only figures tagged fml."""
    if doc.doc_type in FML_TYPES:
        return [h for h in doc.hours if h.role in (None, "fml")]
    return [h for h in doc.hours if h.role == "fml"]


def fml_target(facts: Sequence[HoursFact]) -> float | None:
    """The weekly figure the bedrijfsarts allows: the last step of a schema, else the highest."""
    for h in facts:
        if h.steps:
            return h.steps[-1].per_week
    weekly = [h.per_week for h in facts if h.per_week is not None]
    return max(weekly) if weekly else None


def has_no_limit(facts: Sequence[HoursFact]) -> bool:
    return any(h.limit == "none" for h in facts)


def fml_docs(ctx: RuleContext) -> list[AuditedDocument]:
    docs = [d for d in ctx.docs if d.doc_type == "fml" and fml_hours(d)]
    return sorted(docs, key=lambda d: d.doc_date or date.min)


def fml_before(ctx: RuleContext, day: date | None) -> AuditedDocument | None:
    docs = [d for d in fml_docs(ctx) if day is None or d.doc_date is None or d.doc_date <= day]
    return docs[-1] if docs else None


def zoekprofiel_hours(doc: AuditedDocument) -> list[HoursFact]:
    return _weekly([h for h in doc.hours if h.role == "zoekprofiel"])


def _reasoned(ctx: RuleContext, doc: AuditedDocument, facts: Sequence[HoursFact]) -> bool:
    reason = matcher(ctx.vocab, "hours_lower_reason")
    if reason is None:
        return False
    return any(reason.search(h.quote) for h in facts)


@rule("consistency.uren_zoekprofiel_vs_fml.v1")
def uren_zoekprofiel_vs_fml(ctx: RuleContext, p: Mapping[str, Any]) -> list[Finding]:
    out = []
    for doc in ctx.docs:
        if doc.doc_type not in SPOOR2_TYPES:
            continue
        zoek = zoekprofiel_hours(doc)
        if not zoek:
            continue
        own = fml_hours(doc)
        source = own if own else fml_hours(fml_before(ctx, doc.doc_date) or doc)
        if not source or has_no_limit(source):
            continue
        fml = fml_target(source)
        value = max(h.per_week for h in zoek)
        if fml is None or value >= fml - TOLERANCE or _reasoned(ctx, doc, zoek):
            continue
        ref = next((h for h in source if h.per_week is not None and abs(h.per_week - fml) < TOLERANCE),
                   next((h for h in source if h.steps), source[0]))
        out.append(ctx.finding("consistency.uren_zoekprofiel_vs_fml", {
            "zoek": number(value), "fml": number(fml), "fml_text": ref.text},
            evidence=[_ev(doc, zoek[0]), _ev_fact(ref)], week=ctx.week(doc.doc_date), document=doc.document.path))
        break
    return out


def _ev(doc: AuditedDocument, h: HoursFact) -> Evidence:
    return Evidence(h.document or doc.document.path, h.page, h.quote or h.text)


def _ev_fact(h: HoursFact) -> Evidence:
    return Evidence(h.document, h.page, h.quote or h.text)


@rule("consistency.urenopbouw_niet_gevolgd.v1")
def urenopbouw_niet_gevolgd(ctx: RuleContext, p: Mapping[str, Any]) -> list[Finding]:
    """An FML with an urenopbouwschema, and a later plan whose hours neither follow its steps nor
    reach its target."""
    schemas = [(d, h) for d in fml_docs(ctx) for h in fml_hours(d) if h.steps]
    out = []
    for fml_doc, schema in schemas:
        target = schema.steps[-1].per_week
        for doc in ctx.docs:
            if doc.doc_type not in PLAN_TYPES or doc is fml_doc:
                continue
            if fml_doc.doc_date and doc.doc_date and doc.doc_date < fml_doc.doc_date:
                continue
            plan = [h for h in doc.hours if h.role in ("zoekprofiel", "worked", None)]
            if not plan or any(h.steps for h in plan):
                continue
            weekly = _weekly(plan)
            if not weekly or max(h.per_week for h in weekly) >= target - TOLERANCE:
                continue
            values = {h.per_week for h in weekly}
            if len(values) > 1:
                continue  # several figures: a build-up of its own
            out.append(ctx.finding("consistency.urenopbouw_niet_gevolgd", {
                "target": number(target), "fml_date": nl_date(fml_doc.doc_date),
                "doc_label": doc.document.path, "hours": number(weekly[0].per_week)},
                evidence=[_ev(doc, weekly[0]), _ev(fml_doc, schema)], week=ctx.week(doc.doc_date),
                document=doc.document.path))
            return out
    return out


@rule("consistency.zoekprofiel_niet_aangepast.v1")
def zoekprofiel_niet_aangepast(ctx: RuleContext, p: Mapping[str, Any]) -> list[Finding]:
    docs = [(d, fml_target(fml_hours(d))) for d in fml_docs(ctx)]
    docs = [(d, v) for d, v in docs if v is not None and d.doc_date]
    for (old_doc, old), (new_doc, new) in zip(docs, docs[1:]):
        if abs(new - old) < TOLERANCE:
            continue
        for doc in ctx.docs:
            if doc.doc_type not in SPOOR2_TYPES or not doc.doc_date or doc.doc_date <= new_doc.doc_date:
                continue
            zoek = zoekprofiel_hours(doc)
            if zoek and all(abs(h.per_week - new) > TOLERANCE for h in zoek) and \
                    any(abs(h.per_week - old) < TOLERANCE or h.per_week < new for h in zoek):
                return [ctx.finding("consistency.zoekprofiel_niet_aangepast", {
                    "fml_date": nl_date(new_doc.doc_date), "old": number(old), "new": number(new),
                    "document": doc.document.path, "date": nl_date(doc.doc_date),
                    "zoek": number(zoek[0].per_week)},
                    evidence=[_ev(doc, zoek[0])], week=ctx.week(doc.doc_date), document=doc.document.path)]
    return []


@rule("consistency.wep_urenopbouw.v1")
def wep_urenopbouw(ctx: RuleContext, p: Mapping[str, Any]) -> list[Finding]:
    """A placement at one number of hours, with no build-up said near it. Not when the hours change
    between the traject's reports (that is the build-up), when the placement already fills the
    usable hours, or when it is only to be looked into ('proefplaatsing verkennen': the same words
    that keep the wep component from applying, negation.yaml ``explored_after``)."""
    wep = scanner_of(ctx.vocab, "werkervaringsplek")
    build = matcher(ctx.vocab, "urenopbouw")
    no_build = matcher(ctx.vocab, "geen_urenopbouw")
    full = matcher(ctx.vocab, "wep_volle_uren")
    if wep is None:
        return []
    docs = [d for d in ctx.docs if d.doc_type in ("spoor2_voortgang", "spoor2_eind", "spoor2_plan")]
    hours_of = {id(d): [h for h in d.hours if h.role == "wep" or wep.found(h.quote or "")] for d in docs}
    if len({h.per_week for hours in hours_of.values() for h in hours}) > 1:
        return []

    def only_explored(text: str) -> bool:
        return all(explored(normalise(text[m.end():]), 0, ctx.checklists) for m in wep.whole.pattern.finditer(text))

    for doc in docs:
        lines = ctx.lines(doc)
        near = [i for i in lines_with(lines, wep) if not only_explored(lines[i].text)]
        if not near:
            continue
        hours = hours_of[id(doc)]
        if not hours or any(h.steps for h in hours) or len({h.per_week for h in hours}) > 1:
            continue
        context = " ".join(lines[j].text for i in near for j in range(max(0, i - 2), min(len(lines), i + 4)))
        denied = no_build is not None and no_build.search(context)
        if build is not None and build.search(context) and not denied:
            continue
        if full is not None and full.search(context):
            continue
        h = hours[0]
        return [ctx.finding("consistency.wep_urenopbouw", {"hours": number(h.per_week) if h.per_week else h.text},
                            evidence=[_ev(doc, h)], week=ctx.week(doc.doc_date), document=doc.document.path)]
    return []
