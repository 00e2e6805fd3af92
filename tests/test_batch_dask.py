"""The Dask executor on a LocalCluster gives the same results as the local process pool."""
from __future__ import annotations

import pytest
from test_batch_portfolio import make_portfolio

from audit.batch import BatchOptions, run_batch

distributed = pytest.importorskip("distributed")


@pytest.mark.slow
def test_dask_equals_local_pool(tmp_path):
    root = make_portfolio(tmp_path / "root", dossiers=3)
    local = run_batch(BatchOptions(root, tmp_path / "local", workers=2))
    with distributed.LocalCluster(n_workers=1, processes=False, threads_per_worker=2,
                                  dashboard_address=None) as cluster:
        remote = run_batch(BatchOptions(root, tmp_path / "dask", executor="dask",
                                        scheduler=cluster.scheduler_address))
    assert remote.documents_read == local.documents_read == local.documents
    assert (tmp_path / "dask" / "results.jsonl").read_bytes() == (tmp_path / "local" / "results.jsonl").read_bytes()
    assert (tmp_path / "dask" / "findings.csv").read_bytes() == (tmp_path / "local" / "findings.csv").read_bytes()


def test_dask_needs_a_scheduler(tmp_path):
    from audit.errors import UsageError
    root = make_portfolio(tmp_path / "root", dossiers=1, with_zip=False, with_broken=False)
    with pytest.raises(UsageError):
        run_batch(BatchOptions(root, tmp_path / "out", executor="dask"))
