"""One file to one Document: sniff the bytes, pick the reader, turn every failure into a
Dutch message on the document (never an exception)."""
from __future__ import annotations

import hashlib
import logging
from dataclasses import replace
from pathlib import Path

from audit.errors import AuditError, DependencyError, DocumentError
from audit.ingest import messages as msg
from audit.ingest.options import ReadOptions
from audit.ingest.sniff import sniff_path
from audit.model import Document

log = logging.getLogger(__name__)

# Document.format for a file that could not be read: the nearest of the model's formats.
_FORMAT_OF_KIND = {"pdf": "pdf", "docx": "docx", "ole2": "docx", "ooxml": "docx", "png": "image", "jpeg": "image",
                   "tiff": "image", "image_other": "image", "text": "text"}
_REFUSED = {
    "ole2": ("unsupported", msg.WORD97),
    "ooxml": ("unsupported", msg.OOXML_OTHER),
    "image_other": ("unsupported", msg.IMAGE_OTHER),
    "unsupported": ("unsupported", msg.UNSUPPORTED),
    "json": ("unsupported", msg.UNSUPPORTED),
    "zip": ("unsupported", msg.NESTED_ZIP),
    "empty": ("empty", msg.EMPTY_FILE),
}


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def _reader(kind: str):
    if kind == "pdf":
        from audit.ingest.pdf import read_pdf
        return read_pdf
    if kind == "docx":
        from audit.ingest.docx import read_docx
        return read_docx
    if kind in ("png", "jpeg", "tiff"):
        from audit.ingest.image import read_image
        return read_image
    if kind == "text":
        from audit.ingest.plain import read_text
        return read_text
    return None


def _failed(display: str, kind: str, code: str, message: str, sha: str = "") -> Document:
    return Document(path=display, format=_FORMAT_OF_KIND.get(kind, "text"), error=message, error_code=code, sha256=sha)


def read_file(path: Path, display: str, options: ReadOptions, kind: str | None = None) -> Document:
    """Never raises for a bad file."""
    try:
        size = path.stat().st_size
        if size > options.max_file_bytes:
            return _failed(display, kind or "unsupported", "too_large", msg.too_big(size, options.max_file_bytes))
        kind = kind or sniff_path(path)
        sha = file_sha256(path)
    except OSError as exc:
        return _failed(display, "unsupported", "unreadable", f"Het bestand kan niet worden gelezen: {exc.strerror or exc}.")
    if kind in _REFUSED:
        return _failed(display, kind, *_REFUSED[kind], sha=sha)
    reader = _reader(kind)
    try:
        document = reader(path, display, options)
    except DocumentError as exc:
        return _failed(display, kind, exc.code, exc.message, sha)
    except DependencyError as exc:
        return _failed(display, kind, "ocr_unavailable", str(exc), sha)
    except (AuditError, MemoryError, RecursionError, OSError, ValueError, RuntimeError, KeyError,
            IndexError, TypeError, AttributeError, AssertionError, EOFError) as exc:
        # A reader bug or a file shape nobody foresaw: the dossier goes on, the cause is logged.
        log.warning("reading %s failed", display, exc_info=True)
        return _failed(display, kind, "corrupt", f"Het bestand kon niet worden gelezen ({type(exc).__name__}); mogelijk beschadigd.", sha)
    return replace(document, sha256=sha)
