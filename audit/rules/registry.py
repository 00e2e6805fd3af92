"""A small registry of rules by versioned name, and the context every rule reads.

``@rule("deadline.spoor2_start.v1")`` registers a function ``(ctx, params) -> list[Finding]``.
``checklists/findings.yaml`` names, per finding id, the rule that computes it, its parameters,
severity, source and message templates; ``RuleContext.finding`` fills the templates.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from audit.checklist import Checklists
from audit.extract.event_text import Line, document_lines
from audit.model import AuditedDocument, Event, Evidence, Finding, Timeline

RuleFn = Callable[["RuleContext", Mapping[str, Any]], list[Finding]]
RULES: dict[str, RuleFn] = {}


def rule(name: str) -> Callable[[RuleFn], RuleFn]:
    def register(fn: RuleFn) -> RuleFn:
        if name in RULES:
            raise ValueError(f"rule {name} registered twice")
        RULES[name] = fn
        return fn
    return register


def finding_id_of(rule_name: str) -> str:
    return rule_name.rsplit(".", 1)[0]


def nl_date(day: date | None) -> str:
    return day.strftime("%d-%m-%Y") if day else "?"


def number(value: float) -> str:
    """12.0 -> '12', 2.5 -> '2,5' (Dutch decimal comma)."""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}".replace(".", ",")


class _Keep(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass
class RuleContext:
    docs: Sequence[AuditedDocument]
    timeline: Timeline
    peildatum: date | None
    checklists: Checklists
    _lines: dict[int, list[Line]] = field(default_factory=dict)

    @property
    def vocab(self) -> Mapping[str, Any]:
        return self.checklists.vocab.get("events", {})

    def lines(self, audited: AuditedDocument) -> list[Line]:
        key = id(audited)
        if key not in self._lines:
            self._lines[key] = document_lines(audited)
        return self._lines[key]

    def events(self, *kinds: str) -> list[Event]:
        return [e for e in self.timeline.events if e.event in kinds]

    def dated(self, *kinds: str) -> list[Event]:
        return sorted((e for e in self.events(*kinds) if e.date), key=lambda e: e.date)

    def first(self, *kinds: str) -> Event | None:
        found = self.dated(*kinds)
        return found[0] if found else None

    def week(self, day: date | None) -> int | None:
        return self.timeline.week_of(day) if day else None

    def finding(self, finding_id: str, values: Mapping[str, Any], *, evidence: Sequence[Evidence] = (),
                week: int | None = None, document: str | None = None) -> Finding:
        entry = self.checklists.findings.get(finding_id, {})
        params = entry.get("params", {}) or {}
        fill = _Keep({**params, **values})
        message = entry.get("message", {}) or {}
        reading = entry.get("reading") or {}
        return Finding(
            id=finding_id,
            severity=entry.get("severity", "medium"),
            message=str(message.get("nl", finding_id)).format_map(fill),
            message_en=str(message.get("en", finding_id)).format_map(fill),
            evidence=tuple(e for e in evidence if e is not None),
            rule=entry.get("rule"),
            source=entry.get("source"),
            week=week,
            document=document or (evidence[0].document if evidence else None),
            reading=reading.get("nl") if reading else None,
            practice_norm=bool(entry.get("practice_norm", False)),
        )
