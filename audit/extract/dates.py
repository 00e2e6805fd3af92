"""PLACEHOLDER — the dates/hours owner replaces this."""
from __future__ import annotations


def dates_in_document(doc):
    return [], []
