"""PLACEHOLDER — the segmentation owner replaces this."""
from __future__ import annotations
from audit.model import Document, Section


def blocks_to_sections(doc: Document, checklists) -> tuple[Section, ...]:
    return (Section(None, tuple(b for b in doc.blocks if not b.is_furniture), kind="preamble"),)
