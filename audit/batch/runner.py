"""A batch: plan what is new, run it on an executor, store each result, write the outputs.

    dossiers ──hash──▶ keys ──store?──▶ document tasks ──▶ DocOutcome ──store──┐
                                                                              ▼
      outputs ◀──store◀── DossierOutcome ◀── dossier task (assemble + render), once its last document is in

Concurrency lives only in the executor (both kinds of task run in workers); the parent alone
touches the store and the output folder.
"""
from __future__ import annotations

import hashlib
import json
import pickle
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from audit import __version__
from audit.batch import outputs
from audit.batch.dossiers import Dossier, DossierFiles, dossier_to_files, manifest_to_dossiers, root_to_dossiers
from audit.batch.executors import make_executor
from audit.batch.progress import NullProgress
from audit.batch.store import Store
from audit.batch.work import DocOutcome, DocTask, DossierOutcome, DossierTask, assemble_entry, audit_entry
from audit.checklist import Checklists, load_checklists
from audit.pipeline import RunOptions
from audit.profile import Profile, load_profile
from audit.report.json import SCHEMA

SEVERITY_RANK = {"low": 1, "medium": 2, "high": 3}
STORE_NAME = "store.sqlite"
STORE_FORMAT = "unit-result/2"  # what a stored document result holds (work.UnitResult); in every key


@dataclass(frozen=True)
class BatchOptions:
    root: Path
    out: Path
    profile: Profile = field(default_factory=load_profile)
    store: Path | None = None
    workers: int | None = None  # overrides the profile; None: the profile's, else all cores
    executor: str = "local"
    scheduler: str | None = None
    manifest: Path | None = None
    lang: str | None = None  # overrides the profile
    fail_on: str | None = None  # overrides the profile
    checklist_dirs: tuple[Path, ...] = ()
    peildatum: date | None = None


@dataclass(frozen=True)
class BatchSummary:
    dossiers: int
    audited: int
    failed: int
    with_high: int
    documents: int
    documents_read: int  # read and audited in this run (0 on a warm rerun)
    documents_cached: int
    dossiers_assembled: int
    pages_read: int
    seconds: float
    peak_worker_rss_kb: int
    out: Path
    fail_on_reached: bool = False
    render_errors: tuple[str, ...] = ()  # per-dossier reports that could not be rendered
    worker_cpu_s: float = 0.0  # CPU seconds spent in workers (reading, auditing, assembling, rendering)

    @property
    def exit_code(self) -> int:
        return 1 if self.fail_on_reached else 0


# --------------------------------------------------------------------------- keys

def _digest(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8") + b"\0")
    return h.hexdigest()


def run_fingerprint(checklists: Checklists, run: RunOptions) -> str:
    """Everything besides the bytes that changes a document's result."""
    read = {k: v for k, v in asdict(run.read).items() if k != "password"}
    return _digest(__version__, STORE_FORMAT, checklists.version, json.dumps(read, sort_keys=True, default=str),
                   str(run.doc_type))


def document_key(fingerprint: str, display: str, sha256: str) -> str:
    return _digest(fingerprint, display, sha256)


def dossier_key(fingerprint: str, files: DossierFiles, doc_keys: list[str], run: RunOptions) -> str:
    return _digest(fingerprint, str(files.dossier.path), str(run.peildatum), str(files.error), *files.skipped,
                   *doc_keys)


# --------------------------------------------------------------------------- one batch

class Batch:
    def __init__(self, options: BatchOptions, progress=None):
        self.o = options
        self.progress = progress or NullProgress()
        self.profile = options.profile
        self.lang = options.lang or self.profile.lang
        self.checklists = load_checklists(options.checklist_dirs)
        self.run_options = RunOptions(read=self.profile.read_options(),
                                      checklist_dirs=tuple(options.checklist_dirs), peildatum=options.peildatum)
        self.fingerprint = run_fingerprint(self.checklists, self.run_options)
        self.stats: dict[str, float] = defaultdict(int)
        self.render_errors: list[str] = []
        self.rendered_now: set[str] = set()  # dossiers whose renderings this run already tried

    # ---------------------------------------------------------------- planning
    def _dossiers(self) -> list[Dossier]:
        if self.o.manifest:
            return manifest_to_dossiers(self.o.manifest, self.o.root)
        # An output folder inside ROOT is ours, not a dossier (it would be audited on the rerun).
        ours = {self.o.out.resolve(), (self.o.store or self.o.out).resolve()}
        return [d for d in root_to_dossiers(self.o.root) if d.path.resolve() not in ours]

    def _task(self, key: str, entry) -> DocTask:
        return DocTask(key, entry.display, entry.source, entry.whole, self.run_options.read,
                       tuple(str(d) for d in self.o.checklist_dirs), None, self.checklists.version)

    def plan(self, store: Store):
        listed = [dossier_to_files(d) for d in self._dossiers()]
        keys = {f.dossier.name: [document_key(self.fingerprint, e.display, e.sha256) for e in f.entries]
                for f in listed}
        known = store.known_documents([k for ks in keys.values() for k in ks])
        tasks: dict[str, DocTask] = {}
        waiting: dict[str, set[str]] = {}
        dkeys: dict[str, str] = {}
        for files in listed:
            name = files.dossier.name
            dkeys[name] = dossier_key(self.fingerprint, files, keys[name], self.run_options)
            if store.dossier_key(name) == dkeys[name]:
                continue
            missing = {k for k in keys[name] if k not in known}
            waiting[name] = missing
            for key, entry in zip(keys[name], files.entries):
                if key in missing and key not in tasks:
                    tasks[key] = self._task(key, entry)
        return listed, keys, dkeys, waiting, list(tasks.values())

    # ---------------------------------------------------------------- assembly
    def _dossier_task(self, files: DossierFiles, keys: list[str], dkey: str, store: Store) -> DossierTask:
        parts = []
        for key, entry in zip(keys, files.entries):
            stored = store.document_result(key)
            payload, error = stored if stored else (b"", "geen resultaat in de opslag")
            parts.append((entry.display, payload or b"", error))
        return DossierTask(files.dossier.name, dkey, str(files.dossier.path), tuple(parts), files.skipped,
                           self.run_options, tuple(self._report_formats()), self.lang, self.profile.top_findings,
                           self.checklists.version)

    def _store_failed_dossier(self, name: str, dkey: str, report_name: str, message: str, code: str,
                              store: Store) -> dict[str, Any]:
        line = json.dumps({"schema": SCHEMA, "dossier": report_name, "error": message, "error_code": code,
                           "documents": [], "components": [], "findings": []}, ensure_ascii=False)
        summary = outputs.failed_summary(message)
        store.put_dossier(name, dkey, "failed", message, line, b"", {}, summary)
        return summary

    def _store_dossier(self, task: DossierTask, outcome: DossierOutcome | None, error: BaseException | None,
                       store: Store) -> dict[str, Any]:
        """One commit per dossier; its renderings are written (atomically) right after."""
        self.stats["dossiers_assembled"] += 1
        self.rendered_now.add(task.name)
        if outcome is None or not outcome.ok:
            message = outcome.error if outcome is not None else f"{type(error).__name__}: {error}"
            return self._store_failed_dossier(task.name, task.key, task.report_name, message, "audit_failed", store)
        store.put_dossier(task.name, task.key, "ok", None, outcome.report_json, outcome.report, outcome.rows,
                          outcome.summary)
        self.render_errors.extend(outcome.render_errors)
        self.stats["worker_cpu_s"] += outcome.cpu_s
        self.stats["peak_worker_rss_kb"] = max(self.stats["peak_worker_rss_kb"], outcome.peak_rss_kb)
        for fmt in task.formats:
            path = self.o.out / "reports" / outputs.report_filename(task.name, fmt)
            if fmt in outcome.rendered:
                outputs.write_atomic(path, outcome.rendered[fmt])
                store.put_output(str(path), _digest(task.key, fmt, self.lang))
            else:  # never leave the report of an older version of this dossier behind
                path.unlink(missing_ok=True)
        return outcome.summary

    # ---------------------------------------------------------------- per-dossier reports
    def _report_formats(self) -> list[str]:
        return [f for f in self.profile.formats if f in ("html", "docx")]

    def _write_reports(self, name: str, dkey: str, report, store: Store) -> None:
        """Renderings missing or made for another language or version (e.g. after --lang changed)."""
        if name in self.rendered_now:
            return
        for fmt in self._report_formats():
            path = self.o.out / "reports" / outputs.report_filename(name, fmt)
            key = _digest(dkey, fmt, self.lang)
            if path.exists() and store.output_key(str(path)) == key:
                continue
            if report is None:
                blob = store.dossier_report(name)
                if blob is None:
                    return
                report = pickle.loads(blob)
            try:
                data = outputs.render_report(report, fmt, self.lang, self.checklists)
            except Exception as exc:  # noqa: BLE001 - a renderer bug costs one file, not the dossier
                self.render_errors.append(f"{name} ({fmt}): {type(exc).__name__}: {exc}")
                continue
            if data is None:
                self.render_errors.append(f"{name} ({fmt}): renderer ontbreekt")
                continue
            outputs.write_atomic(path, data)
            store.put_output(str(path), key)

    # ---------------------------------------------------------------- the run
    def run(self) -> BatchSummary:
        started = time.time()
        out = self.o.out
        if not out.exists():
            out.mkdir(parents=True, mode=0o700)
        _remove_stale_temps(out)
        store = Store(self.o.store or out / STORE_NAME)
        summary = None
        try:
            listed, keys, dkeys, waiting, tasks = self.plan(store)
            self.stats["documents"] = sum(len(f.entries) for f in listed)
            self.stats["documents_cached"] = self.stats["documents"] - len(tasks)
            self.progress.start(len(listed), len(tasks), len(listed) - len(waiting))
            self._execute(listed, keys, dkeys, waiting, tasks, store)
            summary = self._write_outputs(listed, dkeys, store, started)
            store.record_run(started, {k: v for k, v in asdict(summary).items() if k != "out"})
        finally:
            store.close()
            self.progress.finish(summary)
        return summary

    def _execute(self, listed, keys, dkeys, waiting: dict[str, set[str]], tasks: list[DocTask], store: Store) -> None:
        """Documents first, in dossier order; each dossier is assembled as soon as its last one is back."""
        by_name = {f.dossier.name: f for f in listed}
        entries = {k: e for f in listed for k, e in zip(keys[f.dossier.name], f.entries)}
        waiters: dict[str, list[str]] = defaultdict(list)
        for name, missing in waiting.items():
            for key in missing:
                waiters[key].append(name)

        def ready(name: str) -> None:
            files = by_name[name]
            if files.error:
                self.stats["dossiers_assembled"] += 1
                summary = self._store_failed_dossier(name, dkeys[name], str(files.dossier.path), files.error,
                                                     files.error_code or "unreadable", store)
                self.progress.dossier_done(name, summary)
            else:
                task = self._dossier_task(files, keys[name], dkeys[name], store)
                executor.submit(assemble_entry, task, task)

        with make_executor(self.o.executor, self.o.workers or self.profile.workers, self.o.scheduler,
                           self.checklists) as executor:
            for task in tasks:
                executor.submit(audit_entry, task, task)
            for name in [n for n, missing in waiting.items() if not missing]:
                ready(name)
            for tag, result, error in executor.completed():
                if isinstance(tag, DocTask):
                    outcome = result or DocOutcome(tag.key, error=f"Werkproces gestopt: {error!r}")
                    self._store_outcome(outcome, entries[tag.key], store)
                    for name in waiters.pop(tag.key, []):
                        waiting[name].discard(tag.key)
                        if not waiting[name]:
                            ready(name)
                else:
                    self.progress.dossier_done(tag.name, self._store_dossier(tag, result, error, store))

    def _store_outcome(self, outcome: DocOutcome, entry, store: Store) -> None:
        store.put_document(outcome.key, entry.display, entry.sha256, outcome.pages, outcome.seconds,
                           outcome.peak_rss_kb, outcome.error, outcome.payload)
        self.stats["documents_read"] += 1
        self.stats["pages_read"] += outcome.pages
        self.stats["peak_worker_rss_kb"] = max(self.stats["peak_worker_rss_kb"], outcome.peak_rss_kb)
        self.stats["worker_cpu_s"] += outcome.cpu_s
        self.progress.document_done(entry.display, outcome.pages, outcome.error)

    def _write_outputs(self, listed: list[DossierFiles], dkeys: dict[str, str], store: Store,
                       started: float) -> BatchSummary:
        stored = [store.dossier(f.dossier.name) for f in listed]
        formats = self.profile.formats
        rows = []
        for files, row in zip(listed, stored):
            self._write_reports(files.dossier.name, dkeys[files.dossier.name], None, store)
            href = None
            if "html" in formats and row.status == "ok":
                candidate = self.o.out / "reports" / outputs.report_filename(row.name, "html")
                href = f"reports/{candidate.name}" if candidate.exists() else None
            rows.append({"name": row.name, "href": href, "error": row.error, **row.summary})
        if "json" in formats:
            outputs.write_atomic(self.o.out / "results.jsonl", outputs.jsonl_bytes(r.report_json for r in stored))
        if "csv" in formats:
            outputs.write_atomic(self.o.out / "findings.csv",
                                 outputs.csv_bytes([f for r in stored for f in r.findings.get(self.lang, [])]))
        if "index" in formats:
            generated = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
            outputs.write_atomic(self.o.out / "index.html", outputs.index_html(rows, self.lang, generated))
        return self._summary(stored, started)

    def _summary(self, stored, started: float) -> BatchSummary:
        fail_on = self.o.fail_on or self.profile.fail_on
        threshold = SEVERITY_RANK.get(fail_on or "", 99)
        reached = any(r.summary.get(s, 0) for r in stored for s in SEVERITY_RANK if SEVERITY_RANK[s] >= threshold)
        s = self.stats
        return BatchSummary(
            dossiers=len(stored), audited=sum(1 for r in stored if r.status == "ok"),
            failed=sum(1 for r in stored if r.status != "ok"),
            with_high=sum(1 for r in stored if r.summary.get("high")),
            documents=s["documents"], documents_read=s["documents_read"], documents_cached=s["documents_cached"],
            dossiers_assembled=s["dossiers_assembled"], pages_read=s["pages_read"],
            seconds=round(time.time() - started, 3), peak_worker_rss_kb=s["peak_worker_rss_kb"],
            out=self.o.out, fail_on_reached=reached, render_errors=tuple(self.render_errors),
            worker_cpu_s=round(s["worker_cpu_s"], 3))


def _remove_stale_temps(out: Path) -> None:
    """Temp files of a run killed while writing (never a finished output)."""
    for folder in (out, out / "reports"):
        if folder.is_dir():
            for tmp in folder.glob(".*.tmp"):
                tmp.unlink(missing_ok=True)


def run_batch(options: BatchOptions, progress=None) -> BatchSummary:
    return Batch(options, progress).run()

