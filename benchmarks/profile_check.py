"""Where the whole ``check`` spends its CPU time on digital PDFs: per stage, then cProfile.

Reads the benchmark PDFs of ``benchmarks/check.py`` once (reading is timed there), then runs
each stage of ``audit.pipeline`` over the read documents and prints the CPU time
(``time.process_time``: the machine is shared, wall time is noise) per stage and per page, and
the functions with the most own and cumulative time (file:line) of one profiled ``audit_dossier``.

    .venv/bin/python benchmarks/profile_check.py [--docs 8] [--pages 6] [--runs 3] [--top 40]
    .venv/bin/python benchmarks/profile_check.py --folder ../shared/corpus/d01   # a real dossier
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check import TITLES, write_pdf  # noqa: E402  (the same PDFs as the check benchmark)

from audit.checklist import load_checklists  # noqa: E402
from audit.classify import classify_doc_type, settings_of  # noqa: E402
from audit.components import assess_components  # noqa: E402
from audit.dossier import assess_dossier  # noqa: E402
from audit.extract.dates import dates_in_document  # noqa: E402
from audit.extract.events import build_timeline, document_date  # noqa: E402
from audit.extract.hours import hours_in_document  # noqa: E402
from audit.ingest import ReadOptions, read_dossier  # noqa: E402
from audit.model import AuditedDocument  # noqa: E402
from audit.pipeline import audit_dossier, peildatum_of  # noqa: E402
from audit.rules import run_rules  # noqa: E402
from audit.segment import blocks_to_sections  # noqa: E402
from audit.split import split_bundle  # noqa: E402


def cpu(func, runs: int, fresh=lambda: None) -> float:
    """Median CPU seconds of ``func`` over ``runs`` runs."""
    times = []
    for _ in range(runs):
        fresh()
        start = time.process_time()
        func()
        times.append(time.process_time() - start)
    return statistics.median(times)


def stage_times(documents, checklists, runs: int) -> dict[str, float]:
    """CPU seconds per stage, each stage fed the previous stage's real output."""
    forget = settings_of(checklists).memo.clear
    parts = [p for d in documents for p in split_bundle(d, checklists)]
    sections = [blocks_to_sections(p, checklists) for p in parts]
    types = [classify_doc_type(p, s, checklists)[0] for p, s in zip(parts, sections)]
    extracted = [(dates_in_document(p), hours_in_document(p, s)) for p, s in zip(parts, sections)]
    audited = []
    for p, s, t, ((dates, weeks), hours) in zip(parts, sections, types, extracted):
        a = AuditedDocument(p, t, 1.0, s, tuple(dates), tuple(weeks), tuple(hours))
        audited.append(replace(a, doc_date=document_date(a, checklists)))
    audited = [replace(a, components=assess_components(a, checklists)) for a in audited]
    timeline = build_timeline(audited, checklists)
    peil = peildatum_of(audited)
    return {
        "split_bundle": cpu(lambda: [split_bundle(d, checklists) for d in documents], runs, forget),
        "blocks_to_sections": cpu(lambda: [blocks_to_sections(p, checklists) for p in parts], runs),
        "classify_doc_type": cpu(lambda: [classify_doc_type(p, s, checklists) for p, s in zip(parts, sections)],
                                 runs, forget),
        "dates_in_document": cpu(lambda: [dates_in_document(p) for p in parts], runs),
        "hours_in_document": cpu(lambda: [hours_in_document(p, s) for p, s in zip(parts, sections)], runs),
        "document_date": cpu(lambda: [document_date(a, checklists) for a in audited], runs),
        "assess_components": cpu(lambda: [assess_components(a, checklists) for a in audited], runs),
        "build_timeline": cpu(lambda: build_timeline(audited, checklists), runs),
        "assess_dossier": cpu(lambda: assess_dossier(audited, timeline, peil, checklists), runs),
        "run_rules": cpu(lambda: run_rules(audited, timeline, peil, checklists), runs),
    }


def profile_text(func, top: int) -> str:
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    func()
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=8)
    ap.add_argument("--pages", type=int, default=6)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--folder", type=Path, help="profile this dossier instead of the generated PDFs")
    ap.add_argument("--no-profile", action="store_true", help="stage times only")
    args = ap.parse_args()

    checklists = load_checklists()
    read = ReadOptions(ocr="never")
    with tempfile.TemporaryDirectory(prefix="pw-prof-") as tmp:
        folder = args.folder or Path(tmp)
        if not args.folder:
            for index in range(args.docs):
                write_pdf(folder / f"doc_{index:02d}.pdf", TITLES[index % len(TITLES)], args.pages,
                          numbered=index % 2 == 0)
        documents = read_dossier(folder, read).documents
        pages = sum(len(d.pages) for d in documents)
        extract_s = cpu(lambda: read_dossier(folder, read), args.runs)
        times = stage_times(documents, checklists, args.runs)
        whole_s = cpu(lambda: audit_dossier(str(folder), documents, checklists), args.runs,
                      settings_of(checklists).memo.clear)

    print(f"{pages} pages, CPU seconds, median of {args.runs} runs")
    print(f"{'extract (reading only)':24} {extract_s:7.3f} s  {pages / extract_s:8.1f} pages/s")
    print(f"{'audit_dossier (no read)':24} {whole_s:7.3f} s  {pages / whole_s:8.1f} pages/s"
          f"  ({whole_s / extract_s:.2f}x extract)")
    for name, seconds in sorted(times.items(), key=lambda kv: -kv[1]):
        print(f"  {name:22} {seconds:7.3f} s  {seconds / extract_s:5.2f}x extract")
    if not args.no_profile:
        settings_of(checklists).memo.clear()
        print(profile_text(lambda: audit_dossier(str(folder), documents, checklists), args.top))


if __name__ == "__main__":
    main()
