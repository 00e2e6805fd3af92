"""deadline.* rules: each moment of the Wet verbetering poortwachter against its term.

Terms and sources: ``checklists/findings.yaml`` (from the deadline table, section C of the
domain rules). Weeks: ``Timeline.week_of``; "uiterlijk in week N" means up to day 7N. A moment
exactly on its term is in time.
"""
from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from audit.model import Event, Finding
from audit.rules.registry import RuleContext, nl_date, rule

SATURDAY = 5


def _evidence(*events: Event | None):
    return tuple(e.evidence for e in events if e is not None and e.evidence is not None)


def _late_after_week(ctx: RuleContext, finding_id: str, kind: str, max_week: int) -> list[Finding]:
    event = ctx.first(kind)
    if event is None or ctx.timeline.first_sick_day is None:
        return []
    week = ctx.week(event.date)
    if week is None or week <= max_week:
        return []
    return [ctx.finding(finding_id, {"week": week, "date": nl_date(event.date)},
                        evidence=_evidence(event), week=week)]


@rule("deadline.probleemanalyse.v1")
def probleemanalyse(ctx: RuleContext, p: Mapping[str, Any]) -> list[Finding]:
    return _late_after_week(ctx, "deadline.probleemanalyse", "probleemanalyse", int(p["max_week"]))


@rule("deadline.plan_van_aanpak.v1")
def plan_van_aanpak(ctx: RuleContext, p: Mapping[str, Any]) -> list[Finding]:
    pva = ctx.first("plan_van_aanpak")
    if pva is None or ctx.timeline.first_sick_day is None:
        return []
    pa = ctx.first("probleemanalyse")
    week = ctx.week(pva.date)
    max_week, max_days = int(p["max_week"]), int(p["max_days_after_pa"])
    days_after = (pva.date - pa.date).days if pa else None
    late_week = week is not None and week > max_week
    late_pa = days_after is not None and days_after > max_days
    if not (late_week or late_pa):
        return []
    values = {"week": week, "date": nl_date(pva.date), "pa_days": days_after, "pa_date": nl_date(pa.date) if pa else ""}
    values["pa_part"] = str(p["pa_part_nl"]).format(**values) if pa else ""
    values["pa_part_en"] = str(p["pa_part_en"]).format(**values) if pa else ""
    return [ctx.finding("deadline.plan_van_aanpak", values, evidence=_evidence(pva, pa), week=week)]


@rule("deadline.evaluatie_interval.v1")
def evaluatie_interval(ctx: RuleContext, p: Mapping[str, Any]) -> list[Finding]:
    """Consecutive evaluation moments more than ``max_days`` apart, up to the last evaluation the
    dossier records (silence after it is the dossier's stage, not a gap we can see)."""
    evaluations = ctx.dated("evaluatie")
    if not evaluations:
        return []
    kinds = tuple(p["moments"])
    last = evaluations[-1].date
    moments = []
    for e in ctx.dated(*kinds):
        if e.date <= last and (not moments or moments[-1].date != e.date):
            moments.append(e)
    max_days = int(p["max_days"])
    out = []
    for a, b in zip(moments, moments[1:]):
        days = (b.date - a.date).days
        if days > max_days:
            out.append(ctx.finding("deadline.evaluatie_interval", {
                "days": days, "weeks_between": days // 7, "first": nl_date(a.date), "second": nl_date(b.date),
                "first_week": ctx.week(a.date), "week": ctx.week(b.date), "max_weeks": max_days // 7},
                evidence=_evidence(a, b), week=ctx.week(b.date)))
    return out[:1] if out else []


@rule("deadline.ziekmelding_uwv.v1")
def ziekmelding_uwv(ctx: RuleContext, p: Mapping[str, Any]) -> list[Finding]:
    """Due on the first working day after week 42 [UWV-42]: day 1 of week 43, moved past a weekend."""
    melding = ctx.first("ziekmelding_uwv")
    first = ctx.timeline.first_sick_day
    if melding is None or first is None:
        return []
    max_week = int(p["max_week"])
    deadline = first + timedelta(days=7 * max_week)
    while deadline.weekday() >= SATURDAY:
        deadline += timedelta(days=1)
    if melding.date <= deadline:
        return []
    week = ctx.week(melding.date)
    return [ctx.finding("deadline.ziekmelding_uwv", {"week": week, "date": nl_date(melding.date),
                                                     "deadline": nl_date(deadline)},
                        evidence=_evidence(melding), week=week)]


@rule("deadline.eerstejaarsevaluatie.v1")
def eerstejaarsevaluatie(ctx: RuleContext, p: Mapping[str, Any]) -> list[Finding]:
    eje = ctx.first("eerstejaarsevaluatie")
    if eje is None or ctx.timeline.first_sick_day is None:
        return []
    week = ctx.week(eje.date)
    if int(p["first_week"]) <= week <= int(p["last_week"]):
        return []
    return [ctx.finding("deadline.eerstejaarsevaluatie", {"week": week, "date": nl_date(eje.date)},
                        evidence=_evidence(eje), week=week)]


def spoor2_start_event(ctx: RuleContext) -> Event | None:
    """The traject start: the first documented start or intake, else the assignment, else the plan."""
    for kinds in (("spoor2_start", "spoor2_intake"), ("spoor2_opdracht",), ("spoor2_plan",)):
        found = ctx.first(*kinds)
        if found is not None:
            return found
    return None


@rule("deadline.spoor2_start.v1")
def spoor2_start(ctx: RuleContext, p: Mapping[str, Any]) -> list[Finding]:
    eje = ctx.first("eerstejaarsevaluatie")
    start = spoor2_start_event(ctx)
    if eje is None or start is None:
        return []
    days = (start.date - eje.date).days
    max_days = int(p["max_days_after_eje"])
    if days <= max_days:
        return []
    week = ctx.week(start.date)
    return [ctx.finding("deadline.spoor2_start", {
        "week": week if week is not None else "?", "date": nl_date(start.date), "days": days,
        "weeks_after": days // 7, "eje_week": ctx.week(eje.date) or "?", "eje_date": nl_date(eje.date),
        "max_weeks": max_days // 7}, evidence=_evidence(start, eje), week=week)]


@rule("deadline.belastbaarheid_na_eje.v1")
def belastbaarheid_na_eje(ctx: RuleContext, p: Mapping[str, Any]) -> list[Finding]:
    eje = ctx.first("eerstejaarsevaluatie")
    fmls = ctx.dated("fml")
    if eje is None or not fmls or fmls[0].date <= eje.date:
        return []
    fml = fmls[0]
    activities = [e for e in ctx.dated("spoor2_start", "spoor2_intake", "spoor2_plan", "bijstelling_pva")
                  if e.date >= fml.date]
    if not activities:
        return []
    act = activities[0]
    days = (act.date - fml.date).days
    max_days = int(p["max_days"])
    if days <= max_days:
        return []
    return [ctx.finding("deadline.belastbaarheid_na_eje", {
        "fml_date": nl_date(fml.date), "fml_week": ctx.week(fml.date) or "?", "date": nl_date(act.date),
        "week": ctx.week(act.date) or "?", "weeks_after": days // 7, "max_weeks": max_days // 7},
        evidence=_evidence(act, fml), week=ctx.week(act.date))]


def wia_moment(ctx: RuleContext) -> Event | None:
    return ctx.first("wia_aanvraag") or ctx.first("riv")


@rule("deadline.actueel_oordeel.v1")
def actueel_oordeel(ctx: RuleContext, p: Mapping[str, Any]) -> list[Finding]:
    ao = ctx.dated("actueel_oordeel")
    wia = wia_moment(ctx)
    if not ao or wia is None:
        return []
    latest = [e for e in ao if e.date <= wia.date] or ao
    oordeel = latest[-1]
    days = (wia.date - oordeel.date).days
    if days <= int(p["max_days_before_wia"]):
        return []
    week = ctx.week(oordeel.date)
    return [ctx.finding("deadline.actueel_oordeel", {
        "date": nl_date(oordeel.date), "week": week if week is not None else "?", "days": days,
        "months": days // 30, "wia_date": nl_date(wia.date)}, evidence=_evidence(oordeel, wia), week=week)]


@rule("deadline.wia_aanvraag.v1")
def wia_aanvraag(ctx: RuleContext, p: Mapping[str, Any]) -> list[Finding]:
    return _late_after_week_event(ctx, wia_moment(ctx), int(p["max_week"]))


def _late_after_week_event(ctx: RuleContext, event: Event | None, max_week: int) -> list[Finding]:
    if event is None or ctx.timeline.first_sick_day is None:
        return []
    week = ctx.week(event.date)
    if week is None or week <= max_week:
        return []
    return [ctx.finding("deadline.wia_aanvraag", {"week": week, "date": nl_date(event.date)},
                        evidence=_evidence(event), week=week)]
