"""Finding the dossiers under a root and the work units inside each, with their content hash.

A dossier is a folder or a ZIP directly under the root (or a row of a manifest CSV). Its work
units are what ``audit.ingest.read_dossier`` reads one by one: each file of a folder, walked
and filtered by ingest's own rules (sorted, hidden files and symlinks skipped), and a ZIP
(the dossier itself, or one inside a folder) as a whole, so the batch gives exactly the
documents ``check`` gives. Files passed over (hidden, links, too deep) are listed
with the line ``check`` gives for them. Only hashing happens here; reading is the workers' job.
"""
from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

import audit.ingest as ingest
from audit.errors import UsageError
from audit.ingest import ReadOptions

CHUNK = 1 << 20


@dataclass(frozen=True)
class DocEntry:
    """One unit of reading: a file of a folder dossier, or a whole file dossier (a ZIP)."""

    display: str  # relative to the dossier, as ingest names it
    source: str  # the file on disk
    whole: bool = False  # the file is the dossier itself (a ZIP's members are named without prefix)
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
    skipped: tuple[str, ...] = ()  # files passed over while listing, as ``read_dossier`` words them
    error: str | None = None  # the dossier itself could not be listed
    error_code: str | None = None


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


def _entry(path: Path, display: str, whole: bool = False) -> DocEntry:
    return DocEntry(display, str(path), whole, path.stat().st_size, file_sha256(path))


def folder_to_entries(folder: Path) -> tuple[tuple[DocEntry, ...], tuple[str, ...]]:
    """The files ingest reads from a folder, in its order (``audit.ingest.folder_units``), and
    the lines for the files it passes over."""
    entries, skipped = [], []
    for path, display, passed_over in ingest.folder_units(folder):
        if passed_over:
            skipped.append(passed_over)
        else:
            entries.append(_entry(path, display))
    return tuple(entries), tuple(skipped)


def dossier_to_files(dossier: Dossier) -> DossierFiles:
    """List and hash a dossier's work units; a dossier that cannot be listed is a result, not a crash."""
    path = dossier.path
    try:
        if path.is_dir():
            return DossierFiles(dossier, *folder_to_entries(path))
        if path.is_file():
            return DossierFiles(dossier, (_entry(path, ingest._display(Path(path.name)), whole=True),))
    except OSError as exc:
        return DossierFiles(dossier, error=f"{dossier.name}: kan niet gelezen worden: {exc}", error_code="unreadable")
    return DossierFiles(dossier, error=f"{dossier.name}: bestaat niet", error_code="missing")


def entry_to_documents(entry: DocEntry, options: ReadOptions) -> tuple[list, list[str]]:
    """Read one unit exactly as ``read_dossier`` would: its documents (a JSON file gives none, a
    ZIP several) and the lines for what it passed over."""
    return ingest.read_entry(Path(entry.source), entry.display, options, whole=entry.whole)
