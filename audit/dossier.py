"""PLACEHOLDER — the components owner replaces this."""
from __future__ import annotations


def assess_dossier(docs, timeline, peildatum, checklists) -> tuple:
    return ()
