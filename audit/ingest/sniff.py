"""What a file is, from its first bytes (never from its name).

Magic numbers: PDF ``%PDF`` (ISO 32000-1 7.5.2, readers accept it within the first 1024 bytes),
ZIP ``PK\\x03\\x04`` (APPNOTE 4.3.7; an OOXML package is a ZIP whose ``[Content_Types].xml``
names the main part), OLE2 compound file ``D0 CF 11 E0`` (Word 97-2003 ``.doc``), PNG, JPEG,
TIFF (both byte orders) and UTF-8 text.
"""
from __future__ import annotations

import json
import zipfile
import zlib
from pathlib import Path
from typing import Literal

Kind = Literal["pdf", "docx", "ooxml", "zip", "ole2", "png", "jpeg", "tiff", "image_other",
               "text", "json", "empty", "unsupported"]

HEAD_BYTES = 8192
_PDF_WINDOW = 1024
_DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_DOCX_MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
_IMAGE_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "png",
    b"\xff\xd8\xff": "jpeg",
    b"II*\x00": "tiff",
    b"MM\x00*": "tiff",
}
_OTHER_IMAGE_MAGIC = (b"GIF87a", b"GIF89a", b"BM", b"RIFF")


def read_head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(HEAD_BYTES)


def sniff_path(path: Path) -> Kind:
    """The kind of the file at ``path``; ZIPs are opened to tell DOCX from other archives."""
    head = read_head(path)
    kind = sniff_bytes(head)
    if kind == "zip":
        return zip_kind(path)
    return kind


def sniff_bytes(head: bytes) -> Kind:
    if not head:
        return "empty"
    if b"%PDF-" in head[:_PDF_WINDOW]:
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole2"
    for magic, kind in _IMAGE_MAGIC.items():
        if head.startswith(magic):
            return kind  # type: ignore[return-value]
    if head.startswith(_OTHER_IMAGE_MAGIC):
        return "image_other"
    return text_kind(head)


def text_kind(head: bytes) -> Kind:
    """UTF-8 (with or without BOM) without control characters is text; JSON is told apart
    because a dossier folder may hold metadata such as ``truth.json``."""
    sample = head[:HEAD_BYTES]
    try:
        text = sample.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.start < len(sample) - 4:  # not just a character cut at the window's end
            return "unsupported"
        text = sample[: exc.start].decode("utf-8-sig", errors="ignore")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > len(text) // 100 + 1 or "\x00" in text:
        return "unsupported"
    stripped = text.lstrip()
    if stripped[:1] in ("{", "[") and looks_like_json(stripped):
        return "json"
    return "text"


def looks_like_json(text: str) -> bool:
    try:
        json.loads(text)
        return True
    except ValueError as exc:
        # A large JSON file is cut by the sniff window: accept an error only at the window's end.
        return getattr(exc, "pos", 0) >= len(text) - 64 and len(text) >= HEAD_BYTES - 64


def zip_kind(path: Path) -> Kind:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" not in names:
                return "zip"
            info = archive.getinfo("[Content_Types].xml")
            if info.file_size > 1_000_000:
                return "ooxml"
            try:
                types = archive.read(info).decode("utf-8", errors="replace")
            except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError, EOFError, zlib.error):
                # a damaged package part: still a Word file if it has Word's main part (the DOCX
                # reader then says what is wrong), never a ZIP dossier of raw XML
                return "docx" if "word/document.xml" in names else "ooxml"
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError, EOFError, zlib.error):
        return "zip"  # the archive reader reports what is wrong with it
    if _DOCX_MAIN in types or _DOCX_MACRO_MAIN in types:
        return "docx"
    return "ooxml"
