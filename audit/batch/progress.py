"""How a batch shows it is alive: a rich progress bar on a terminal, plain log lines otherwise.

The runner calls these hooks; only the CLI creates a visible one (``make_progress``), so the
library itself never prints. Everything goes to stderr: stdout stays free for pipes.
"""
from __future__ import annotations

import sys
import time
from typing import Any, TextIO


class NullProgress:
    def start(self, dossiers: int, documents: int, already_done: int) -> None: ...
    def document_done(self, display: str, pages: int, error: str | None) -> None: ...
    def dossier_done(self, name: str, summary: dict[str, Any]) -> None: ...
    def finish(self, summary) -> None: ...


class LogProgress(NullProgress):
    """One line per finished dossier and a running total: for logs, CI and cron."""

    def __init__(self, stream: TextIO = sys.stderr):
        self.stream = stream
        self.started = time.monotonic()
        self.dossiers = self.done = self.documents = self.docs_done = self.pages = 0

    def _line(self, text: str) -> None:
        print(f"[{time.monotonic() - self.started:7.1f}s] {text}", file=self.stream, flush=True)

    def start(self, dossiers: int, documents: int, already_done: int) -> None:
        self.dossiers, self.documents, self.done = dossiers, documents, already_done
        self._line(f"{dossiers} dossiers, {already_done} al klaar; {documents} documenten te lezen")

    def document_done(self, display: str, pages: int, error: str | None) -> None:
        self.docs_done += 1
        self.pages += pages
        if error:
            self._line(f"document {display}: fout: {error}")

    def dossier_done(self, name: str, summary: dict[str, Any]) -> None:
        self.done += 1
        self._line(f"{self.done}/{self.dossiers} {name}: {summary['risk']} "
                   f"(hoog {summary['high']}, middel {summary['medium']}, laag {summary['low']}); "
                   f"{self.docs_done}/{self.documents} documenten, {self.pages} pagina's")


class RichProgress(NullProgress):
    """Dossiers done, documents and pages read, and the ETA, on one live bar."""

    def __init__(self):
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                                   TimeRemainingColumn)
        self.console = Console(stderr=True)
        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("· {task.fields[pages]} pagina's"), TimeElapsedColumn(),
                            TextColumn("ETA"), TimeRemainingColumn(), console=self.console, transient=False)
        self.pages = 0

    def start(self, dossiers: int, documents: int, already_done: int) -> None:
        self.bar.start()
        self.dossier_task = self.bar.add_task("dossiers", total=dossiers, completed=already_done, pages=0)
        self.document_task = self.bar.add_task("documenten", total=documents, pages=0)

    def document_done(self, display: str, pages: int, error: str | None) -> None:
        self.pages += pages
        self.bar.update(self.document_task, advance=1, pages=self.pages)
        if error:
            self.console.log(f"{display}: {error}", markup=False)

    def dossier_done(self, name: str, summary: dict[str, Any]) -> None:
        self.bar.update(self.dossier_task, advance=1, pages=self.pages)

    def finish(self, summary) -> None:
        self.bar.stop()


def make_progress(stream: TextIO = sys.stderr, quiet: bool = False) -> NullProgress:
    if quiet:
        return NullProgress()
    return RichProgress() if stream.isatty() else LogProgress(stream)
