"""Many dossiers at once: a process pool or a Dask cluster, a resumable SQLite store, an overview.

    poortwachter batch ROOT -o OUT      →  results.jsonl · findings.csv · reports/*.html · index.html

``run_batch(BatchOptions(...))`` is the library entry; ``audit.cli.batch`` is the command.
"""
from audit.batch.runner import BatchOptions, BatchSummary, run_batch

__all__ = ["BatchOptions", "BatchSummary", "run_batch"]
