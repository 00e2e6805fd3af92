"""What one worker does with one document: read it and run the per-document stages.

Runs in a spawned process of the local pool or on a Dask worker, so everything here is
importable at top level and every argument pickles. The per-document result travels back
pickled; the parent stores it as it is and assembles the dossier from it.
"""
from __future__ import annotations

import os
import pickle
import resource
import shutil
import sys
import tempfile
import time
import traceback
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from audit.ingest import ReadOptions

# Tesseract starts OpenMP threads per page; with one worker per core they only fight over the
# cores (tesseract-ocr FAQ, "OMP_THREAD_LIMIT=1" for parallel runs).
THREAD_LIMITS = {"OMP_THREAD_LIMIT": "1", "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1",
                 "MKL_NUM_THREADS": "1"}

_CHECKLISTS: dict[tuple[str, ...], object] = {}


@dataclass(frozen=True)
class DocTask:
    key: str  # the store key: content hash + versions + read options
    display: str
    source: str
    member: str | None
    read: ReadOptions = field(default_factory=ReadOptions)
    checklist_dirs: tuple[str, ...] = ()
    doc_type: str | None = None


@dataclass(frozen=True)
class DocOutcome:
    key: str
    payload: bytes = b""  # pickle of list[AuditedDocument]; empty when it failed
    pages: int = 0
    seconds: float = 0.0
    peak_rss_kb: int = 0  # the worker process's peak resident memory so far
    error: str | None = None
    pid: int = 0


def limit_threads() -> None:
    """Pool initializer: one Tesseract/BLAS thread per process."""
    for name, value in THREAD_LIMITS.items():
        os.environ[name] = value


def _checklists(dirs: tuple[str, ...]):
    """Loaded once per worker process: validating every YAML per document would dominate."""
    if dirs not in _CHECKLISTS:
        from audit.checklist import load_checklists
        _CHECKLISTS[dirs] = load_checklists([Path(d) for d in dirs])
    return _CHECKLISTS[dirs]


def _read(task: DocTask, scratch: Path):
    from audit.ingest import load_document
    if task.member is None:
        return load_document(Path(task.source), task.display, task.read)
    # A ZIP member is copied into a private folder (mkdtemp is 0700) and removed afterwards.
    target = scratch / PurePosixPath(task.member).name
    with zipfile.ZipFile(task.source) as archive, archive.open(task.member) as src, target.open("wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
    return load_document(target, task.display, task.read)


def _peak_rss_kb() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def audit_entry(task: DocTask) -> DocOutcome:
    """Read one document and audit it on its own; never raises (an error is an outcome)."""
    from audit.pipeline import audit_document
    for name, value in THREAD_LIMITS.items():
        os.environ.setdefault(name, value)
    started = time.perf_counter()
    scratch = Path(tempfile.mkdtemp(prefix="pw-batch-"))
    try:
        document = _read(task, scratch)
        audited = audit_document(document, _checklists(task.checklist_dirs), task.doc_type)
        payload = pickle.dumps(audited, protocol=pickle.HIGHEST_PROTOCOL)
        return DocOutcome(task.key, payload, len(document.pages), time.perf_counter() - started,
                          _peak_rss_kb(), None, os.getpid())
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        return DocOutcome(task.key, b"", 0, time.perf_counter() - started, _peak_rss_kb(), detail, os.getpid())
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
