"""Batch throughput: dossiers per minute with 1 and 2 workers, warm rerun, peak memory per worker.

    .venv/bin/python benchmarks/batch.py                  # 200 dossiers (the issue's figure)
    .venv/bin/python benchmarks/batch.py --dossiers 20    # a quick look

The portfolio is built in a private temporary folder from the sample dossiers and the corpus
dossiers (their scans left out unless --with-scans: OCR would dominate and the corpus test
covers it), each copy varied so that no two copies share a content hash: a DOCX gets a
number appended to its first text run, a PDF gets a comment after its last %%EOF (readers
ignore it). Cold runs start from an empty store; the warm rerun (median of --warm-repeats)
reuses the 2-worker store. Goals (issue 6): >= 1.8x speed-up on 2 cores, warm >= 50x faster
than cold, <= 400 MB peak per worker.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from audit.batch import BatchOptions, run_batch
from audit.errors import AuditError

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / ".." / "shared" / "corpus"
SAMPLES = REPO / "samples"
DOCUMENT_SUFFIXES = {".pdf", ".docx", ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".txt"}


def _is_scan(path: Path, truth: dict) -> bool:
    labelled = truth.get("documents", {}).get(path.name, {}).get("format")
    if labelled:
        return labelled in ("scan", "image")
    return path.suffix.lower() in {".jpg", ".jpeg", ".png", ".tif", ".tiff"} or "scan" in path.name.lower()


def template_dossiers(with_scans: bool) -> list[list[Path]]:
    """Each template is the list of its document files."""
    templates = []
    for folder in sorted([*SAMPLES.glob("*/"), *CORPUS.glob("d*/")]):
        truth_file = folder / "truth.json"
        truth = json.loads(truth_file.read_text(encoding="utf-8")) if truth_file.exists() else {}
        files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)
        files = [p for p in files if with_scans or not _is_scan(p, truth)]
        if files:
            templates.append(files)
    return templates


def vary_docx(data: bytes, n: int) -> bytes:
    """Append the copy number to the first text run of word/document.xml."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "word/document.xml":
                content = re.sub(rb"(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)",
                                 lambda m: m.group(1) + m.group(2) + f" ({n})".encode() + m.group(3), content, count=1)
            target.writestr(info, content)
    return out.getvalue()


def vary(path: Path, n: int) -> bytes:
    data = path.read_bytes()
    if path.suffix.lower() == ".docx":
        return vary_docx(data, n)
    if data.startswith(b"%PDF"):
        return data + f"\n% copy {n}\n".encode()
    return data + f"\n{n}\n".encode() if path.suffix.lower() == ".txt" else data


def build_portfolio(root: Path, count: int, with_scans: bool) -> int:
    templates = template_dossiers(with_scans)
    if not templates:
        sys.exit("no sample or corpus dossiers found")
    documents = 0
    for n in range(count):
        folder = root / f"dossier-{n:04d}"
        folder.mkdir(parents=True)
        for path in templates[n % len(templates)]:
            (folder / path.name).write_bytes(vary(path, n))
            documents += 1
    return documents


def parent_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def cold_run(root: Path, scratch: Path, workers: int, label: str) -> tuple[float, float, object]:
    """Wall seconds, parent CPU seconds and the summary (which holds the workers' CPU seconds)."""
    out = scratch / label
    started, cpu = time.perf_counter(), parent_cpu()
    summary = run_batch(BatchOptions(root, out, workers=workers))
    return time.perf_counter() - started, parent_cpu() - cpu, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossiers", type=int, default=200)
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts for the cold runs")
    parser.add_argument("--repeats", type=int, default=1, help="cold runs per worker count (median)")
    parser.add_argument("--warm-repeats", type=int, default=3)
    parser.add_argument("--with-scans", action="store_true", help="keep scanned documents (OCR) in the copies")
    args = parser.parse_args()
    counts = [int(w) for w in args.workers.split(",")]

    with tempfile.TemporaryDirectory(prefix="pw-bench-") as tmp:
        scratch = Path(tmp)
        root = scratch / "portfolio"
        documents = build_portfolio(root, args.dossiers, args.with_scans)
        print(f"portfolio: {args.dossiers} dossiers, {documents} documents "
              f"({'with' if args.with_scans else 'without'} scans)")
        cold: dict[int, float] = {}
        peaks: dict[int, int] = {}
        cpu_split: dict[int, tuple[float, float]] = {}
        for workers in counts:
            times = []
            for r in range(args.repeats):
                load = os.getloadavg()[0]
                seconds, parent, summary = cold_run(root, scratch, workers, f"cold-{workers}-{r}")
                if summary.documents_read != summary.documents or summary.failed:
                    print(f"  note: {summary.documents_read}/{summary.documents} documents read, "
                          f"{summary.failed} dossiers failed")
                times.append(seconds)
                cpu_split[workers] = (parent, summary.worker_cpu_s)
                print(f"  run {r + 1}: {seconds:.1f} s wall; CPU parent {parent:.1f} s, workers "
                      f"{summary.worker_cpu_s:.1f} s; load average before {load:.1f} on {os.cpu_count()} cores")
                peaks[workers] = max(peaks.get(workers, 0), summary.peak_worker_rss_kb)
                if r < args.repeats - 1 or workers != counts[-1]:
                    shutil.rmtree(scratch / f"cold-{workers}-{r}")
            cold[workers] = statistics.median(times)
            print(f"cold, {workers} worker(s): {cold[workers]:.1f} s = "
                  f"{args.dossiers / cold[workers] * 60:.1f} dossiers/min; {summary.pages_read} pages; "
                  f"peak RSS per worker {peaks[workers] / 1024:.0f} MB")
        last = counts[-1]
        warm_out = scratch / f"cold-{last}-{args.repeats - 1}"
        warm, attempts = [], 0
        while len(warm) < args.warm_repeats and attempts < args.warm_repeats + 3:
            attempts += 1
            started = time.perf_counter()
            try:
                summary = run_batch(BatchOptions(root, warm_out, workers=last))
            except AuditError as exc:  # a checklist being edited in a shared tree
                print(f"  warm attempt stopped: {str(exc).splitlines()[0]}; again in 10 s")
                time.sleep(10)
                continue
            if summary.documents_read or summary.dossiers_assembled:  # checklists or code changed meanwhile
                print(f"  warm attempt redid {summary.documents_read} documents (checklists changed?); again")
                continue
            warm.append(time.perf_counter() - started)
        if not warm:
            sys.exit("no warm rerun without changes: the checklists keep changing")
        warm_median = statistics.median(warm)
        print(f"warm rerun ({last} workers, median of {len(warm)}): {warm_median:.2f} s")
        print("--- ratios")
        if 1 in cold and len(counts) > 1:
            for workers in counts[1:]:
                print(f"speed-up {workers} vs 1 worker: {cold[1] / cold[workers]:.2f}x measured (goal >= 1.8x on 2 cores)")
                parent, work = cpu_split[1]
                ideal = (parent + work) / (parent + work / workers)
                print(f"  on {workers} idle cores the CPU split allows {ideal:.2f}x (parent {parent:.1f} s serial, "
                      f"workers {work:.1f} s parallel); measured < that means other load on the cores")
        print(f"cold / warm ({last} workers): {cold[last] / warm_median:.0f}x (goal >= 50x)")
        print(f"peak RSS per worker: {max(peaks.values()) / 1024:.0f} MB (goal <= 400 MB)")


if __name__ == "__main__":
    main()
