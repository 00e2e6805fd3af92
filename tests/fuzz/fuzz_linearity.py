"""How a text function's time grows with its input: t(8n) / t(n), linear being ~8.

The timing runs in a forked child with a time limit: a quadratic regex holds the GIL and
cannot be interrupted in-process, and at 8n it would run for minutes. Each size is the
median of ``RUNS`` calls on distinct texts (the readers cache per text: ``fold``,
``sentence_bounds``), with the garbage collector off, in CPU time of the thread: on a shared
machine a wall-clock millisecond figure is often one preemption (~10 ms) and nothing else. A ratio counts only when the large
text takes more than ``FLOOR_SECONDS``: below that the figures are timer noise, and any
super-linear scan is far above it at these sizes.
"""
from __future__ import annotations

import gc
import importlib
import multiprocessing
import statistics
import time
from collections.abc import Callable

MAX_GROWTH = 16.0  # 8x the text: linear ~8, n log n ~9, quadratic ~64
RUNS = 3
FLOOR_SECONDS = 0.05
SMALL_LIMIT = 3.0  # seconds for the RUNS small calls (a linear scan of 24k chars takes milliseconds)


def resolve(target: str) -> Callable[[str], object]:
    """'package.module:function' -> a one-argument callable; a page argument is added for the
    readers that take ``(text, page)``."""
    module, name = target.split(":")
    fn = getattr(importlib.import_module(module), name)
    if name in ("find_dates", "find_weeks", "find_hours"):
        return lambda text: fn(text, 1)
    return fn


def repeated(unit: str, n: int, run: int) -> str:
    """``unit`` repeated to n characters, made distinct per run (caches keyed on the text)."""
    return (unit * (n // len(unit) + 1))[:n] + "\n" * (run + 1)


def _timed(fn: Callable[[str], object], unit: str, n: int) -> float:
    times = []
    for run in range(RUNS):
        text = repeated(unit, n, run)
        started = time.thread_time()
        fn(text)
        times.append(time.thread_time() - started)
    return statistics.median(times)


def _child(conn, target: str, unit: str, n: int, factory: str | None) -> None:
    fn = resolve(target) if factory is None else resolve(factory)()
    fn(repeated(unit, 200, 99))  # warm: grammars compiled, vocabularies loaded
    gc.disable()
    conn.send(_timed(fn, unit, n))
    conn.send(_timed(fn, unit, 8 * n))
    conn.close()


def _once(target: str, unit: str, n: int, factory: str | None) -> float:
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(child, target, unit, n, factory), daemon=True)
    process.start()
    try:
        if not parent.poll(SMALL_LIMIT):
            return float("inf")
        small = parent.recv()
        limit = MAX_GROWTH * max(small, FLOOR_SECONDS / MAX_GROWTH) * RUNS * 2 + 2.0
        if not parent.poll(limit):
            return float("inf")  # past MAX_GROWTH (with a margin): super-linear
        large = parent.recv()
        return large / small if large > FLOOR_SECONDS and small > 0 else min(8.0, large / max(small, 1e-9))
    finally:
        if process.is_alive():
            process.kill()
        process.join()


def growth(target: str, unit: str, n: int, factory: str | None = None) -> float:
    """t(8n) / t(n) for ``target`` on ``unit`` repeated; measured again once when it looks
    super-linear (a neighbour's job on the shared machine can slow one run)."""
    ratio = _once(target, unit, n, factory)
    if MAX_GROWTH <= ratio < float("inf"):  # a time-out is not retried: it is far past the margin
        ratio = min(ratio, _once(target, unit, n, factory))
    return ratio


def describe(ratio: float) -> str:
    if ratio == float("inf"):
        return f"did not finish within its time limit (super-linear: far past {MAX_GROWTH:.0f}x for 8x the text)"
    return f"time grows {ratio:.1f}x for 8x the text"
