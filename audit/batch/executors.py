"""Where the work runs: a local process pool, or a dask.distributed cluster.

Both are used the same way: ``submit(fn, arg, tag)`` any time (also while results come in, so
a dossier is assembled as soon as its last document is back), and ``completed()`` yields
``(tag, result, error)`` as each finishes, in any order. Neither starts before the first
submit, so a warm rerun spawns nothing.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from audit.batch.work import start_worker
from audit.errors import DependencyError, UsageError

Done = tuple[Any, Any, BaseException | None]  # tag, result (None on error), error


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class LocalExecutor:
    """A spawn-context process pool (safe with threads in the parent, and the same on every OS).

    A worker that dies (out of memory on one huge scan) breaks the pool; the unfinished work
    is resubmitted to a new pool, and a task that was in flight at two breaks is given up.
    """

    def __init__(self, workers: int | None = None, checklists=None):
        self.workers = workers or default_workers()
        self.checklists = checklists
        self.pool: ProcessPoolExecutor | None = None
        self.futures: dict[Future, tuple[Callable, Any, Any]] = {}
        self.breaks: dict[int, int] = {}

    def __enter__(self) -> LocalExecutor:
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=start_worker, initargs=(self.checklists,))

    def submit(self, fn: Callable, arg: Any, tag: Any) -> None:
        if self.pool is None:
            self.pool = self._new_pool()
        self.futures[self.pool.submit(fn, arg)] = (fn, arg, tag)

    def _resubmit_after_break(self, fn: Callable, arg: Any, tag: Any, error: BaseException) -> Done | None:
        self.breaks[id(arg)] = self.breaks.get(id(arg), 0) + 1
        if self.breaks[id(arg)] >= 2:
            return tag, None, error
        broken = self.pool
        if broken is not None and getattr(broken, "_broken", False):
            broken.shutdown(wait=False, cancel_futures=True)
            self.pool = self._new_pool()
        self.submit(fn, arg, tag)
        return None

    def completed(self) -> Iterator[Done]:
        while self.futures:
            done, _ = wait(list(self.futures), return_when=FIRST_COMPLETED)
            for future in done:
                fn, arg, tag = self.futures.pop(future)
                try:
                    yield tag, future.result(), None
                except BrokenProcessPool as exc:
                    given_up = self._resubmit_after_break(fn, arg, tag, exc)
                    if given_up:
                        yield given_up


def _distributed():
    try:
        import distributed
    except ImportError as exc:
        raise DependencyError("--executor dask heeft dask.distributed nodig: pip install 'poortwachter-audit[dask]' "
                              "(needs dask.distributed: pip install 'poortwachter-audit[dask]')") from exc
    return distributed


class DaskExecutor:
    """Tasks on an existing dask.distributed scheduler (one per document, one per dossier).

    Every worker needs the same ``audit`` package and read access to the dossiers at the same
    path (a shared filesystem); results come back to this process, which alone writes the store.
    """

    def __init__(self, scheduler: str):
        if not scheduler:
            raise UsageError("--executor dask heeft --scheduler tcp://HOST:8786 nodig")
        self.scheduler = scheduler
        self.client = None
        self.pending = None
        self.tags: dict[str, Any] = {}
        self.count = 0

    def __enter__(self) -> DaskExecutor:
        return self

    def __exit__(self, *exc) -> None:
        if self.client is not None:
            self.client.close()

    def _connect(self) -> None:
        distributed = _distributed()
        try:
            self.client = distributed.Client(self.scheduler, set_as_default=False, timeout="30s")
        except OSError as exc:
            raise UsageError(f"{self.scheduler}: Dask-scheduler niet bereikbaar: {exc}") from exc
        self.pending = distributed.as_completed(loop=self.client.loop)

    def submit(self, fn: Callable, arg: Any, tag: Any) -> None:
        if self.client is None:
            self._connect()
        self.count += 1
        future = self.client.submit(fn, arg, pure=False, key=f"poortwachter-{os.getpid()}-{self.count}")
        self.tags[future.key] = tag
        self.pending.add(future)

    def completed(self) -> Iterator[Done]:
        if self.pending is None:
            return
        for future in self.pending:
            tag = self.tags.pop(future.key)
            try:
                result = future.result()
            except Exception as exc:  # noqa: BLE001 - a lost worker is one failed task
                yield tag, None, exc
            else:
                yield tag, result, None
            future.release()


def make_executor(kind: str, workers: int | None = None, scheduler: str | None = None, checklists=None):
    if kind == "local":
        return LocalExecutor(workers, checklists)
    if kind == "dask":
        return DaskExecutor(scheduler or "")
    raise UsageError(f"--executor {kind}: onbekend; toegestaan: local, dask")
