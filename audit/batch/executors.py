"""Where the per-document work runs: a local process pool, or a dask.distributed cluster.

Both take the same ``DocTask`` list and yield ``DocOutcome`` as each finishes, in any order;
the parent stores and assembles. Neither is started before there is work, so a warm rerun
spawns nothing.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from audit.batch.work import DocOutcome, DocTask, audit_entry, limit_threads
from audit.errors import DependencyError, UsageError

Work = Callable[[DocTask], DocOutcome]


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class LocalExecutor:
    """A spawn-context process pool (safe with threads in the parent, and the same on every OS).

    A worker that dies (out of memory on one huge scan) breaks the pool; the unfinished
    documents are resubmitted to a new pool once, and a document that breaks it again
    becomes an error outcome.
    """

    def __init__(self, workers: int | None = None, work: Work = audit_entry):
        self.workers = workers or default_workers()
        self.work = work

    def _pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=limit_threads)

    def run(self, tasks: Sequence[DocTask]) -> Iterator[DocOutcome]:
        pending = list(tasks)
        for attempt in range(2):
            if not pending:
                return
            pool = self._pool()
            try:
                futures: dict[Future, DocTask] = {pool.submit(self.work, t): t for t in pending}
                broken: list[DocTask] = []
                while futures:
                    done, _ = wait(futures, return_when=FIRST_COMPLETED)
                    for future in done:
                        task = futures.pop(future)
                        try:
                            yield future.result()
                        except BrokenProcessPool:
                            broken.append(task)
                pending = broken
            finally:
                pool.shutdown(wait=True, cancel_futures=True)
        for task in pending:
            yield DocOutcome(task.key, error="Werkproces gestopt (geheugen of crash) tijdens dit document")


def _distributed():
    try:
        import distributed
    except ImportError as exc:
        raise DependencyError("--executor dask heeft dask.distributed nodig: pip install 'poortwachter-audit[dask]' "
                              "(needs dask.distributed: pip install 'poortwachter-audit[dask]')") from exc
    return distributed


class DaskExecutor:
    """One task per document on an existing dask.distributed scheduler.

    Every worker needs the same ``audit`` package and read access to the dossiers at the same
    path (a shared filesystem); results come back to this process, which alone writes the store.
    """

    def __init__(self, scheduler: str, work: Work = audit_entry):
        if not scheduler:
            raise UsageError("--executor dask heeft --scheduler tcp://HOST:8786 nodig")
        self.scheduler = scheduler
        self.work = work

    def run(self, tasks: Sequence[DocTask]) -> Iterator[DocOutcome]:
        if not tasks:
            return
        distributed = _distributed()
        try:
            client = distributed.Client(self.scheduler, set_as_default=False, timeout="30s")
        except OSError as exc:
            raise UsageError(f"{self.scheduler}: Dask-scheduler niet bereikbaar: {exc}") from exc
        try:
            futures = client.map(self.work, list(tasks), pure=False, key=[f"pw-doc-{t.key}" for t in tasks])
            by_key = {f.key: t for f, t in zip(futures, tasks)}
            for future in distributed.as_completed(futures, loop=client.loop):
                task = by_key[future.key]
                try:
                    yield future.result()
                except Exception as exc:  # noqa: BLE001 - a lost worker is one failed document
                    yield DocOutcome(task.key, error=f"Dask-taak mislukt: {exc!r}")
                future.release()
        finally:
            client.close()


def make_executor(kind: str, workers: int | None = None, scheduler: str | None = None):
    if kind == "local":
        return LocalExecutor(workers)
    if kind == "dask":
        return DaskExecutor(scheduler or "")
    raise UsageError(f"--executor {kind}: onbekend; toegestaan: local, dask")
