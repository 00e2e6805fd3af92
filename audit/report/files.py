"""Writing rendered reports: private (0600 files, 0700 new folders) and atomic (a temp file in
the same folder, then a rename), so a reader never sees half a report and nobody else can."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from audit.model import DossierReport
from audit.report import EXTENSIONS, render
from audit.report.view import dossier_name


def write_private(path: Path, data: bytes) -> Path:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")  # mode 0600
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def report_path(name: str, fmt: str, out_dir: Path) -> Path:
    return out_dir / f"{name}.{EXTENSIONS[fmt]}"


def write_reports(report: DossierReport, formats: Sequence[str], out_dir: Path, lang: str = "nl",
                  checklists=None, name: str | None = None) -> list[Path]:
    """Render each format and write it as ``<dossier-name>.<ext>`` in out_dir; returns the paths."""
    name = name or dossier_name(report.dossier)
    return [write_private(report_path(name, fmt, out_dir), render(report, fmt, lang, checklists))
            for fmt in dict.fromkeys(formats)]
