"""Finding the dossiers under a root and the documents inside each, with their content hash.

A dossier is a folder or a ZIP directly under the root (or a row of a manifest CSV). Its
documents are the files inside, recursively, in sorted order, named relative to the dossier
(the same names ``audit.ingest.load_dossier`` gives ``Document.path``). Only hashing happens
here; reading is the workers' job, so the parent never decompresses a large ZIP member twice
into memory.
"""
from __future__ import annotations

import csv
import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from audit.errors import UsageError

CHUNK = 1 << 20


@dataclass(frozen=True)
class DocEntry:
    """One file of a dossier: a path on disk, or a member of the dossier's ZIP."""

    display: str  # relative to the dossier, POSIX separators
    source: str  # the file on disk, or the ZIP that holds it
    member: str | None = None  # the member name inside ``source`` when it is a ZIP
    size: int = 0
    sha256: str = ""


@dataclass(frozen=True)
class Dossier:
    name: str  # stable id in the outputs: relative to the root, as listed
    path: Path  # as given (root / name); ``str(path)`` is the report's ``dossier``


@dataclass(frozen=True)
class DossierFiles:
    dossier: Dossier
    entries: tuple[DocEntry, ...] = ()
    error: str | None = None  # the dossier itself could not be listed (a corrupt ZIP, ...)
    error_code: str | None = None


def _hidden(parts: tuple[str, ...]) -> bool:
    return any(p.startswith(".") or p == "__MACOSX" for p in parts)


def is_dossier(path: Path) -> bool:
    if path.name.startswith("."):
        return False
    return path.is_dir() or (path.is_file() and path.suffix.lower() == ".zip")


def root_to_dossiers(root: Path) -> list[Dossier]:
    """Every subfolder or ZIP directly under ``root``, sorted by name."""
    if not root.is_dir():
        raise UsageError(f"{root}: map bestaat niet (verwacht een map met een submap of ZIP per dossier)")
    return [Dossier(p.name, p) for p in sorted(root.iterdir(), key=lambda p: p.name) if is_dossier(p)]


def manifest_to_dossiers(manifest: Path, root: Path) -> list[Dossier]:
    """A CSV with a ``path`` column (or the first column): relative paths resolve against ``root``."""
    try:
        with manifest.open(newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise UsageError(f"{manifest}: manifest kan niet gelezen worden: {exc}") from exc
    if not rows:
        return []
    header = [c.strip().lower() for c in rows[0]]
    column = header.index("path") if "path" in header else 0
    body = rows[1:] if "path" in header or "dossier" in header else rows
    names = [r[column].strip() for r in body if len(r) > column and r[column].strip()]
    dossiers = {name: Dossier(name, Path(name) if Path(name).is_absolute() else root / name) for name in names}
    return [dossiers[name] for name in sorted(dossiers)]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _zip_member_sha256(archive: zipfile.ZipFile, name: str) -> str:
    digest = hashlib.sha256()
    with archive.open(name) as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def folder_to_entries(folder: Path) -> tuple[DocEntry, ...]:
    files = [p for p in folder.rglob("*") if p.is_file() and not _hidden(p.relative_to(folder).parts)]
    entries = [DocEntry(p.relative_to(folder).as_posix(), str(p), None, p.stat().st_size, file_sha256(p))
               for p in files]
    return tuple(sorted(entries, key=lambda e: e.display))


def zip_to_entries(path: Path, max_file_bytes: int) -> tuple[DocEntry, ...]:
    """Members of a ZIP; an oversized member is listed unhashed (the reader reports it too large)."""
    entries = []
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            name = PurePosixPath(info.filename)
            if info.is_dir() or _hidden(name.parts) or ".." in name.parts:
                continue
            digest = "" if info.file_size > max_file_bytes else _zip_member_sha256(archive, info.filename)
            entries.append(DocEntry(name.as_posix(), str(path), info.filename, info.file_size,
                                    digest or f"size:{info.file_size}:crc:{info.CRC}"))
    return tuple(sorted(entries, key=lambda e: e.display))


def dossier_to_files(dossier: Dossier, max_file_bytes: int) -> DossierFiles:
    """List and hash a dossier's documents; a dossier that cannot be listed is a result, not a crash."""
    try:
        if dossier.path.is_dir():
            entries = folder_to_entries(dossier.path)
        elif dossier.path.is_file() and zipfile.is_zipfile(dossier.path):
            entries = zip_to_entries(dossier.path, max_file_bytes)
        elif dossier.path.suffix.lower() == ".zip":
            return DossierFiles(dossier, error=f"{dossier.name}: geen geldig ZIP-bestand", error_code="corrupt")
        elif dossier.path.is_file():
            entries = (DocEntry(dossier.path.name, str(dossier.path), None, dossier.path.stat().st_size,
                                file_sha256(dossier.path)),)
        else:
            return DossierFiles(dossier, error=f"{dossier.name}: bestaat niet", error_code="missing")
    except (OSError, zipfile.BadZipFile, RuntimeError, EOFError) as exc:
        return DossierFiles(dossier, error=f"{dossier.name}: kan niet gelezen worden: {exc}", error_code="corrupt")
    return DossierFiles(dossier, entries)
