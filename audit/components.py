"""PLACEHOLDER — the components owner replaces this."""
from __future__ import annotations


def assess_components(audited, checklists) -> tuple:
    return ()


def gaps_to_findings(audited_docs, riv_components, checklists) -> list:
    return []
