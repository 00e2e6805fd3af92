"""PLACEHOLDER — the dates/hours owner replaces this."""
from __future__ import annotations


def hours_in_document(doc, sections):
    return []
