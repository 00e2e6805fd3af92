"""PLACEHOLDER — the ingest owner replaces this. Reading files into Documents."""
from __future__ import annotations
from dataclasses import dataclass
from pathlib import Path
from audit.model import Document


@dataclass(frozen=True)
class ReadOptions:
    ocr: str = "auto"
    dpi: int = 300
    ocr_timeout: float = 120.0
    max_pages: int = 2000
    max_pixels: int = 200_000_000
    max_file_bytes: int = 500 * 1024 * 1024
    password: str | None = None
    lang: str = "nld"


def load_dossier(path: Path, options: ReadOptions) -> list[Document]:
    raise NotImplementedError


def load_document(path: Path, display: str, options: ReadOptions) -> Document:
    raise NotImplementedError
