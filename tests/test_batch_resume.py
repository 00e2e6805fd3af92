"""A batch killed with SIGKILL mid-run and restarted completes with every dossier exactly once."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from test_batch_portfolio import make_portfolio, read_results

from audit.batch import BatchOptions, run_batch

DOSSIERS = 10


def _stored_dossiers(store: Path) -> int:
    if not store.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{store}?mode=ro", uri=True, timeout=1) as db:
            return db.execute("SELECT count(*) FROM dossiers").fetchone()[0]
    except sqlite3.OperationalError:  # tables not created yet
        return 0


@pytest.mark.slow
def test_sigkill_mid_run_then_resume(tmp_path):
    root = make_portfolio(tmp_path / "root", dossiers=DOSSIERS, with_zip=False, with_broken=False)
    out = tmp_path / "out"
    store = out / "store.sqlite"
    command = [sys.executable, "-c", "from audit.cli import main; main()", "batch", str(root), "-o", str(out),
               "--workers", "1", "-q"]
    process = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while _stored_dossiers(store) < 1 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)  # the parent and its pool workers, like kill -9 on the job
    process.wait()
    done_at_kill = _stored_dossiers(store)
    if done_at_kill >= DOSSIERS:
        pytest.skip("the batch finished before it could be killed")
    assert done_at_kill >= 1, process.stderr.read().decode(errors="replace")[-2000:]
    assert not (out / "results.jsonl").exists() or read_results(out)  # never half a file

    resumed = run_batch(BatchOptions(root, out, workers=1))
    names = [Path(r["dossier"]).name for r in read_results(out)]
    assert Counter(names) == Counter(f"dossier-{i:03d}" for i in range(DOSSIERS))
    assert resumed.dossiers == DOSSIERS and resumed.failed == 0
    assert resumed.dossiers_assembled <= DOSSIERS - done_at_kill  # finished dossiers were kept
    assert resumed.documents_read < resumed.documents
