"""UTF-8 text files: one paragraph block per paragraph (blank-line separated)."""
from __future__ import annotations

import re
from pathlib import Path

from audit.ingest import messages as msg
from audit.ingest.options import ReadOptions
from audit.ingest.text import dehyphenate_text, normalise_line
from audit.model import Block, Document, Page

MAX_BLOCK_CHARS = 5000  # a text without line breaks is cut into blocks at spaces near this size
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def split_long(text: str, limit: int = MAX_BLOCK_CHARS) -> list[str]:
    """Keep blocks bounded so later stages never see one 10 MB line."""
    pieces, start = [], 0
    while len(text) - start > limit:
        cut = text.rfind(" ", start + limit // 2, start + limit)
        cut = cut if cut > start else start + limit
        pieces.append(text[start:cut].strip())
        start = cut
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


def read_text(path: Path, display: str, options: ReadOptions) -> Document:
    raw = path.read_bytes().decode("utf-8-sig", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    blocks = []
    for paragraph in _PARAGRAPH_BREAK.split(raw):
        text = normalise_line(dehyphenate_text(paragraph.strip()).replace("\n", " "))
        blocks.extend(Block(kind="paragraph", text=piece, page=1, pages=(1,), source="plain")
                      for piece in split_long(text))
    if not blocks:
        return Document(path=display, format="text", error=msg.NO_TEXT, error_code="empty")
    return Document(path=display, format="text", pages=(Page(number=1, blocks=tuple(blocks)),))
