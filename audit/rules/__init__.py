"""PLACEHOLDER — the timeline/rules owner replaces this."""
from __future__ import annotations


def run_rules(docs, timeline, peildatum, checklists) -> list:
    return []
