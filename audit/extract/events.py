"""PLACEHOLDER — the timeline/rules owner replaces this."""
from __future__ import annotations
from audit.model import Timeline


def document_date(audited):
    return None


def build_timeline(docs, checklists) -> Timeline:
    return Timeline(None)
