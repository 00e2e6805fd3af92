"""Reading files into Documents: a file, a folder (recursively, sorted) or a ZIP.

    load_dossier(path, options) -> [Document]      one per file, in path order
    read_dossier(path, options) -> DossierRead     the same documents (.documents) and the files
                                                   passed over (.skipped), for the report
    load_document(path, display, options) -> Document   never raises for a bad file
    check_tesseract(lang) -> None                  DependencyError with the install command

Skipped, never read as documents: JSON data files, hidden files and folders (``.name``), Word
lock files (``~$name.docx``), ``__MACOSX`` resource forks, symlinks (not followed) and folders
nested deeper than MAX_DEPTH. Each gives one Dutch line in ``DossierRead.skipped``
("<path>: overgeslagen (<reden>)."), in path order; ``load_dossier`` drops them silently.

The format is sniffed from the bytes (``sniff``), never from the name. Readers: ``pdf``
(pypdfium2 text layer, pdfplumber tables, OCR per page), ``docx`` (own XML walk), ``image``
(PNG/JPEG/TIFF via OCR), ``plain`` (UTF-8 text); ``archive`` extracts ZIP dossiers safely;
``text`` holds the normalisation every reader shares.

Limits (pages, pixels, bytes, archive members and ratio, OCR timeout per page) are fields of
``ReadOptions``. Development aid: ``POORTWACHTER_OCR_CACHE=/some/dir`` caches OCR results per
rendered page (keyed by the preprocessed page image's sha256, language, program version and
``ocr.RECIPE``, the preprocessing and page segmentation version); off by
default, since it writes medical text to disk.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from audit.ingest import messages as msg
from audit.ingest.archive import extracted
from audit.ingest.ocr import check_tesseract
from audit.ingest.options import ReadOptions
from audit.ingest.reader import read_file
from audit.ingest.sniff import sniff_path
from audit.model import Document

__all__ = ["ReadOptions", "DossierRead", "load_dossier", "load_document", "read_dossier", "read_entry", "folder_units",
           "check_tesseract"]

MAX_DEPTH = 64  # folder nesting beyond this is not followed (symlink loops, hostile trees)


@dataclass(frozen=True)
class DossierRead:
    """What ``read_dossier`` returns: the dossier's documents (exactly ``load_dossier``'s list)
    and one Dutch line per file passed over, ready to show in a report."""
    documents: tuple[Document, ...]
    skipped: tuple[str, ...] = ()  # "<path>: overgeslagen (<reden>)." for files that are no documents


def load_document(path: Path, display: str, options: ReadOptions = ReadOptions()) -> Document:
    """One file as a Document; a ZIP's documents are not expanded here (see load_dossier)."""
    return read_file(Path(path), display, options)


def load_dossier(path: Path, options: ReadOptions = ReadOptions()) -> list[Document]:
    return list(read_dossier(path, options).documents)


def read_dossier(path: Path, options: ReadOptions = ReadOptions()) -> DossierRead:
    """A file, a folder or a ZIP as the documents of one dossier, with the files skipped."""
    path = Path(path)
    if path.is_dir():
        return _read_folder(path, options)
    documents, skipped = read_entry(path, _display(Path(path.name)), options, whole=True)
    return DossierRead(tuple(documents), tuple(skipped))


def _display(relative: Path) -> str:
    """The path as shown in reports: valid UTF-8 even for names in another encoding."""
    return relative.as_posix().encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _is_hidden(relative: Path) -> bool:
    """Hidden files, macOS resource forks and Word's lock files (~$name.docx) are not documents."""
    return any(part.startswith((".", "~$")) or part == "__MACOSX" for part in relative.parts)


def _walk(folder: Path, root: Path, depth: int = 0):
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError:
        return
    for entry in entries:
        if entry.is_symlink():
            yield entry, "symlink"
        elif entry.is_dir():
            if depth >= MAX_DEPTH:
                yield entry, "too_deep"
            else:
                yield from _walk(entry, root, depth + 1)
        elif entry.is_file():
            yield entry, None


def folder_units(folder: Path):
    """The files of a folder dossier in reading order, as ``(path, display, skipped)``:
    ``skipped`` is None for a file to read, else the line saying why it is passed over."""
    for entry, problem in _walk(folder, folder):
        relative = entry.relative_to(folder)
        display = _display(relative)
        if _is_hidden(relative):
            yield entry, display, msg.skipped(display, "verborgen of tijdelijk bestand")
        elif problem == "symlink":
            yield entry, display, msg.skipped(display, "snelkoppeling (symlink) wordt niet gevolgd")
        elif problem == "too_deep":
            yield entry, display, msg.skipped(display, f"map dieper dan {MAX_DEPTH} niveaus")
        else:
            yield entry, display, None


def _read_folder(folder: Path, options: ReadOptions) -> DossierRead:
    documents, skipped = [], []
    for entry, display, passed_over in folder_units(folder):
        if passed_over:
            skipped.append(passed_over)
            continue
        found, passed = read_entry(entry, display, options)
        documents.extend(found)
        skipped.extend(passed)
    return DossierRead(tuple(documents), tuple(skipped))


def read_entry(path: Path, display: str, options: ReadOptions, depth: int = 0,
               whole: bool = False) -> tuple[list[Document], list[str]]:
    """One file as its documents and the lines for what was passed over (a JSON file, hidden
    members of a ZIP); a ZIP is expanded (one level). ``whole``: the file is the dossier itself, so a
    ZIP's documents are named by their member paths alone."""
    try:
        kind = sniff_path(path)
    except OSError:
        kind = None
    if kind == "json":
        return [], [msg.skipped(display, "JSON-gegevens, geen dossierdocument")]
    if kind == "zip" and depth == 0:
        return _read_zip(path, "" if whole else f"{display}/", options)
    return [read_file(path, display, options, kind=kind)], []


def _read_zip(path: Path, prefix: str, options: ReadOptions) -> tuple[list[Document], list[str]]:
    display = prefix.rstrip("/") or path.name
    documents, skipped = [], []
    with extracted(path, options) as (members, problem):
        if problem:
            return [Document(path=display, format="text", error=problem, error_code="corrupt" if problem == msg.CORRUPT_ZIP else "too_large")], []
        for member in sorted(members, key=lambda m: m.name):
            name = prefix + member.name
            if member.path is None:
                documents.append(Document(path=name, format="text", error=member.problem, error_code=member.code))
            elif _is_hidden(Path(member.name)):
                skipped.append(msg.skipped(name, "verborgen of tijdelijk bestand"))
            else:
                found, passed = read_entry(member.path, name, options, depth=1)
                documents.extend(found)
                skipped.extend(passed)
    return documents, skipped

