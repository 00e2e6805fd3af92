"""How to read: OCR policy and the limits that keep time and memory bounded."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadOptions:
    ocr: str = "auto"  # auto | always | never
    dpi: int = 300
    ocr_timeout: float = 120.0  # seconds per page
    max_pages: int = 2000
    max_pixels: int = 200_000_000  # per image or rendered page
    max_file_bytes: int = 500 * 1024 * 1024
    password: str | None = None
    lang: str = "nld"
    max_archive_members: int = 2000  # a ZIP dossier (also the parts of a DOCX package)
    max_archive_bytes: int = 2 * 1024 * 1024 * 1024  # total uncompressed size of one archive
    max_compression_ratio: int = 200  # uncompressed / compressed per member (zip bombs)
