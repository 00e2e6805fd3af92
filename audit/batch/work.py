"""What a worker does: read and audit one document, or assemble and render one dossier.

Runs in a spawned process of the local pool or on a Dask worker, so everything here is
importable at top level and every argument pickles. Both kinds of work run in the workers
(the dossier stage costs as much CPU as reading a digital document); the parent only hashes,
stores and writes files. Neither function raises: a failure is an outcome with its error.
"""
from __future__ import annotations

import json
import os
import pickle
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audit.ingest import ReadOptions

# Tesseract starts OpenMP threads per page; with one worker per core they only fight over the
# cores (tesseract-ocr FAQ, "OMP_THREAD_LIMIT=1" for parallel runs).
THREAD_LIMITS = {"OMP_THREAD_LIMIT": "1", "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1",
                 "MKL_NUM_THREADS": "1"}

_CHECKLISTS: dict[tuple[str, ...], object] = {}
_PRESET: list = []  # the parent's Checklists, handed to each local worker when it starts


@dataclass(frozen=True)
class DocTask:
    key: str  # the store key: content hash + versions + read options
    display: str
    source: str
    whole: bool  # the file is the dossier itself (see DocEntry)
    read: ReadOptions = field(default_factory=ReadOptions)
    checklist_dirs: tuple[str, ...] = ()
    doc_type: str | None = None
    checklists_version: str = ""  # the version the store key promises


@dataclass(frozen=True)
class UnitResult:
    """What one unit gave: its audited documents (0..n: a ZIP holds several) and the lines for
    what it passed over (a JSON file, hidden members of a ZIP)."""
    audited: tuple = ()
    skipped: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocOutcome:
    key: str
    payload: bytes = b""  # pickle of UnitResult; empty on failure
    pages: int = 0
    seconds: float = 0.0
    peak_rss_kb: int = 0  # the worker process's peak resident memory so far
    error: str | None = None
    pid: int = 0
    cpu_s: float = 0.0  # CPU seconds of the worker and its children (Tesseract) on this task


@dataclass(frozen=True)
class DossierTask:
    name: str  # the batch's id of the dossier
    key: str
    report_name: str  # DossierReport.dossier: the path as given
    parts: tuple[tuple[str, bytes, str | None], ...]  # (display, payload, error) per unit, in order
    skipped: tuple[str, ...]  # files passed over while listing the dossier
    run: Any  # audit.pipeline.RunOptions
    formats: tuple[str, ...] = ()  # per-dossier renderings: html, docx
    lang: str = "nl"
    top: int = 3
    checklists_version: str = ""


@dataclass(frozen=True)
class DossierOutcome:
    name: str
    key: str
    ok: bool
    error: str | None = None
    report_json: str = ""
    report: bytes = b""  # pickle of the DossierReport, for rendering later in another language
    rows: dict[str, list] = field(default_factory=dict)  # CSV rows per language
    summary: dict[str, Any] = field(default_factory=dict)
    rendered: dict[str, bytes] = field(default_factory=dict)
    render_errors: tuple[str, ...] = ()
    seconds: float = 0.0
    peak_rss_kb: int = 0
    cpu_s: float = 0.0


def start_worker(checklists=None) -> None:
    """Pool initializer: one Tesseract/BLAS thread per process, and the parent's checklists
    (so a checklist file edited during a run cannot mix two versions in one batch)."""
    for name, value in THREAD_LIMITS.items():
        os.environ[name] = value
    if checklists is not None:
        _PRESET[:] = [checklists]


def _checklists(dirs: tuple[str, ...], version: str):
    """The checklists the batch was keyed with; a worker with other ones (a Dask worker with
    another install) refuses rather than store results under a version they were not made with."""
    if _PRESET and _PRESET[0].version == version:
        return _PRESET[0]
    if dirs not in _CHECKLISTS:
        from audit.checklist import load_checklists
        _CHECKLISTS[dirs] = load_checklists([Path(d) for d in dirs])
    loaded = _CHECKLISTS[dirs]
    if version and loaded.version != version:
        raise RuntimeError(f"checklists op deze worker hebben versie {loaded.version}, de batch verwacht {version}: "
                           f"installeer dezelfde versie op elke worker")
    return loaded


def _peak_rss_kb() -> int:
    try:
        import resource
    except ImportError:  # Windows
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _error_text(exc: BaseException) -> str:
    return "".join(traceback.format_exception_only(type(exc), exc)).strip()


def audit_entry(task: DocTask) -> DocOutcome:
    """Read one unit (a file, or a ZIP dossier) and audit its documents on their own."""
    from audit.batch.dossiers import DocEntry, entry_to_documents
    from audit.pipeline import audit_document
    for name, value in THREAD_LIMITS.items():
        os.environ.setdefault(name, value)
    started, cpu = time.perf_counter(), _cpu()
    try:
        documents, skipped = entry_to_documents(DocEntry(task.display, task.source, task.whole), task.read)
        checklists = _checklists(task.checklist_dirs, task.checklists_version)
        audited = tuple(a for d in documents for a in audit_document(d, checklists, task.doc_type))
        payload = pickle.dumps(UnitResult(audited, tuple(skipped)), protocol=pickle.HIGHEST_PROTOCOL)
        pages = sum(len(d.pages) for d in documents)
        return DocOutcome(task.key, payload, pages, time.perf_counter() - started, _peak_rss_kb(), None, os.getpid(),
                          _cpu() - cpu)
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
        return DocOutcome(task.key, b"", 0, time.perf_counter() - started, _peak_rss_kb(), _error_text(exc),
                          os.getpid(), _cpu() - cpu)


def _render(report, task: DossierTask, checklists) -> tuple[dict[str, bytes], list[str]]:
    from audit.batch.outputs import render_report
    rendered, errors = {}, []
    for fmt in task.formats:
        try:
            data = render_report(report, fmt, task.lang, checklists)
        except Exception as exc:  # noqa: BLE001 - a renderer bug costs one file, not the dossier
            errors.append(f"{task.name} ({fmt}): {_error_text(exc)}")
            continue
        if data is None:
            errors.append(f"{task.name} ({fmt}): renderer ontbreekt")
        else:
            rendered[fmt] = data
    return rendered, errors


def assemble_entry(task: DossierTask) -> DossierOutcome:
    """The dossier stage over audited documents, the canonical JSON, CSV rows and renderings."""
    from audit.batch.assemble import audited_to_report, failed_document
    from audit.batch.outputs import findings_rows, report_summary
    from audit.report import to_dict
    started, cpu = time.perf_counter(), _cpu()
    try:
        checklists = _checklists(tuple(str(d) for d in task.run.checklist_dirs), task.checklists_version)
        audited, skipped = [], list(task.skipped)
        for display, payload, error in task.parts:
            if error:
                audited.append(failed_document(display, error))
            else:
                unit: UnitResult = pickle.loads(payload)
                audited.extend(unit.audited)
                skipped.extend(unit.skipped)
        report = audited_to_report(task.report_name, audited, checklists, task.run, skipped)
        rendered, render_errors = _render(report, task, checklists)
        return DossierOutcome(
            task.name, task.key, True, None, json.dumps(to_dict(report), ensure_ascii=False),
            pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL),
            {lang: findings_rows(report, lang) for lang in ("nl", "en")},
            report_summary(report, task.top), rendered, tuple(render_errors),
            time.perf_counter() - started, _peak_rss_kb(), _cpu() - cpu)
    except Exception as exc:  # noqa: BLE001 - one failed dossier is a row, not a stopped batch
        return DossierOutcome(task.name, task.key, False, _error_text(exc), seconds=time.perf_counter() - started,
                              peak_rss_kb=_peak_rss_kb(), cpu_s=_cpu() - cpu)
