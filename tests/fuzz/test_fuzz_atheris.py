"""A few seconds of coverage-guided fuzzing of the readers (atheris_readers.py) in CI.

Skipped where atheris is not installed (``pip install atheris``: a manylinux wheel for
CPython 3.11 on x86-64). Longer runs are made by hand, see atheris_readers.py.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("atheris")

HARNESS = Path(__file__).resolve().parent / "atheris_readers.py"
SECONDS = 600 if os.environ.get("HYPOTHESIS_PROFILE", "").lower() == "long" else 8


def test_atheris_finds_no_crash_in_the_readers(tmp_path):
    run = subprocess.run(
        [sys.executable, str(HARNESS), f"-max_total_time={SECONDS}", "-rss_limit_mb=2048", "-timeout=30",
         f"-artifact_prefix={tmp_path}/"],
        cwd=tmp_path, capture_output=True, text=True, timeout=SECONDS + 120)
    crashes = sorted(p.name for p in tmp_path.glob("crash-*")) + sorted(p.name for p in tmp_path.glob("timeout-*"))
    assert run.returncode == 0 and not crashes, f"{crashes}\n{run.stderr[-4000:]}"
