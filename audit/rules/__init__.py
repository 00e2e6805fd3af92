"""Every deadline.* and consistency.* rule, registered by versioned name.

``run_rules`` runs, for each finding id in ``checklists/findings.yaml``, the rule that entry
names (``rule: deadline.spoor2_start.v1``) with its parameters. A rule that fails on odd input
never stops the audit: it yields no finding and the others still run.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date

from audit.checklist import Checklists
from audit.model import AuditedDocument, Finding, Timeline
from audit.rules import consistency, deadlines, hours  # noqa: F401  (they register their rules)
from audit.rules.registry import RULES, RuleContext, rule

__all__ = ["RULES", "run_rules", "rule"]
log = logging.getLogger(__name__)


def run_rules(docs: Sequence[AuditedDocument], timeline: Timeline, peildatum: date | None,
              checklists: Checklists) -> list[Finding]:
    ctx = RuleContext(list(docs), timeline, peildatum, checklists)
    findings: list[Finding] = []
    for finding_id, entry in checklists.findings.items():
        if entry.get("enabled", True) is False:
            continue
        fn = RULES.get(str(entry.get("rule", "")))
        if fn is None:
            log.warning("findings.yaml: %s names unknown rule %r", finding_id, entry.get("rule"))
            continue
        try:
            found = fn(ctx, entry.get("params", {}) or {})
        except (ValueError, TypeError, KeyError, AttributeError, ZeroDivisionError) as exc:
            log.warning("rule %s failed: %s", entry.get("rule"), exc)
            continue
        findings += [f for f in found if peildatum is None or f.week is None or _not_after(f, timeline, peildatum)]
    return findings


def _not_after(finding: Finding, timeline: Timeline, peildatum: date) -> bool:
    """A finding about a moment after the peildatum is not yet visible at that date."""
    limit = timeline.week_of(peildatum)
    return limit is None or finding.week is None or finding.week <= limit + 1
