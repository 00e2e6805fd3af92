"""Pages per second of the whole ``check`` on digital PDFs against ``extract`` alone.

Goal (issue 3): classifying adds little to reading, the whole check stays within 2x of extract.
Both commands are measured as they run with ``--format json``, in this process (no start-up, no
printing): ``extract`` reads and writes the blocks as JSON, ``check`` reads, audits and writes the
report as JSON. The ratio against reading alone (``extract`` without its output) is printed too:
it is the stricter one.
By default it measures the project's own real dossiers: ``samples/``, the held-out dossiers of
``tests/heldout/dossiers`` and, where the development corpus lies beside the checkout,
``../shared/corpus``; of each sub-folder the PDFs with a text layer (scans are left out: OCR is
not ``extract`` of a digital PDF), checked one dossier at a time as a user would. Then, as a
stress test, synthetic pages (reportlab, written to a private temp dir) with a date, hour figure
or event cue on every line and no tables: a worst case for the check, and unusually cheap to read.

Between runs the check forgets what it remembered about the previous run's texts (``forget``), so
each run pays for its dossier as a new one would. Times are CPU seconds of this process
(``time.process_time``; reading digital PDFs runs in-process): the machine is shared, and wall
time would measure the other users. Reading, extract and check run in turn, and the ratios quoted
are medians of each run's own ratios. ``benchmarks/profile_check.py`` says where the check's time goes.

    .venv/bin/python benchmarks/check.py [--runs 5]
    .venv/bin/python benchmarks/check.py --dossiers ../shared/corpus     # one set of real dossiers
    .venv/bin/python benchmarks/check.py --synthetic [--docs 8] [--pages 6]  # the stress pages alone
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from audit.checklist import load_checklists
from audit.classify import classify_doc_type, settings_of
from audit.cli.extract import read_to_json
from audit.extract.dates import dates_in_document
from audit.extract.hours import hours_in_document
from audit.ingest import ReadOptions, read_dossier
from audit.pipeline import RunOptions, check_path
from audit.report import render
from audit.segment import blocks_to_sections
from audit.split import split_bundle

TITLES = ["Probleemanalyse", "Plan van aanpak", "Functionele Mogelijkhedenlijst (FML)",
          "Arbeidsdeskundig rapport", "Re-integratieplan tweede spoor", "Voortgangsrapportage tweede spoor",
          "Eindrapportage tweede spoor", "Re-integratieverslag"]
HEADINGS = ["Aanleiding", "Belastbaarheid", "Zoekprofiel", "Activiteiten en tijdpad", "Sollicitaties",
            "Afspraken", "Prognose", "Advies voor het vervolg"]
SENTENCES = [
    "Op 12 maart 2024 is de werknemer op het spreekuur gezien; de belastbaarheid is 4 uur per dag.",
    "Het zoekprofiel omvat administratieve functies voor 20 uur per week in de regio Zwolle.",
    "De werknemer heeft in week 14 drie keer gesolliciteerd, de laatste keer op 02-04-2024.",
    "Afgesproken is dat de uren worden opgebouwd van 2 x 3 uur per week naar 3 x 4 uur per week.",
    "De volgende evaluatie staat gepland op 14-05-2024 met werkgever, werknemer en casemanager.",
]


def write_pdf(path: Path, title: str, pages: int, numbered: bool = True) -> None:
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    width, height = A4
    for number in range(1, pages + 1):
        pdf.setFont("Helvetica", 8)
        pdf.drawString(50, height - 30, "Arbodienst Voorbeeld B.V. - vertrouwelijk")
        y = height - 70
        if number == 1:
            pdf.setFont("Helvetica-Bold", 16)
            pdf.drawString(50, y, title)
            y -= 28
            pdf.setFont("Helvetica", 10)
            for label, value in (("Werknemer", "K. de Vries"), ("BSN", "123456782"),
                                 ("Werkgever", "Voorbeeld B.V."), ("Eerste ziektedag", "08-01-2024")):
                pdf.drawString(50, y, label)
                pdf.drawString(190, y, value)
                y -= 14
        for section in range(3):
            heading = HEADINGS[(number * 3 + section) % len(HEADINGS)]
            pdf.setFont("Helvetica-Bold", 12)
            pdf.drawString(50, y - 10, f"{number}.{section + 1} {heading}")
            y -= 30
            pdf.setFont("Helvetica", 10)
            for line in range(8):
                pdf.drawString(50, y, SENTENCES[(number + section + line) % len(SENTENCES)])
                y -= 14
        if numbered:  # half the files carry no page numbers: split_bundle then reads titles
            pdf.drawString(420, 30, f"Pagina {number} van {pages}")
        pdf.showPage()
    pdf.save()


def forget(checklists) -> None:
    """Between runs, forget everything remembered about the texts of the previous run, so that
    each check pays for its dossier as a new one would: the classifier's title memo and the
    text-keyed caches (normalised texts, section-title scores, dates per text, quotes, numbers).
    Compiled vocabulary stays: a real run compiles it once for all its dossiers."""
    from audit import component_checks, components, cue_match
    from audit.extract import event_text, hours, hours_grammar
    settings_of(checklists).memo.clear()
    settings_of(checklists).heads_memo.clear()
    cue_match.normalise.cache_clear()
    cue_match._DATE_MEMO.clear()
    components._title_score.cache_clear()
    components.forget_titles()
    components.forget_parts()
    component_checks.forget_identity()
    event_text.quote_of.cache_clear()
    hours.role_of_title.cache_clear()
    hours_grammar._number_of.cache_clear()


def cpu_once(func, fresh=lambda: None) -> float:
    fresh()
    start = time.process_time()
    func()
    return time.process_time() - start


def timed(func, runs: int, fresh=lambda: None) -> float:
    """Median CPU seconds of ``func`` over ``runs`` runs."""
    return statistics.median(cpu_once(func, fresh) for _ in range(runs))


def timed_commands(read_only, extract, check, runs: int, fresh_check=lambda: None) -> dict[str, float]:
    """Medians of the three run in turn (same load on each), and the median of each run's own
    ratios check / extract and check / reading: on a shared machine whose load drifts, one run's
    parts see the same load, so the ratio per run is steadier than the ratio of the medians."""
    times: dict[str, list[float]] = {"read": [], "extract": [], "check": []}
    for _ in range(runs):
        times["read"].append(cpu_once(read_only))
        times["extract"].append(cpu_once(extract))
        times["check"].append(cpu_once(check, fresh_check))
    out = {name: statistics.median(values) for name, values in times.items()}
    for base in ("extract", "read"):
        out[f"ratio_{base}"] = statistics.median(c / b for b, c in zip(times[base], times["check"]))
    return out


def commands(paths: Sequence[Path], read: ReadOptions, checklists) -> tuple:
    """What ``poortwachter extract PATH --format json`` and ``poortwachter check PATH --format json``
    do for each path, in this process (no start-up, no printing): read and write the blocks as
    JSON; read, audit and write the report as JSON. And reading alone."""
    return (lambda: [read_dossier(path, read) for path in paths],
            lambda: [read_to_json(read_dossier(path, read)) for path in paths],
            lambda: [render(check_path(path, RunOptions(read=read), checklists), "json", "nl", checklists)
                     for path in paths])


def report(pages: int, what: str, runs: int, t: dict[str, float]) -> None:
    print(f"{pages} digital pages {what}, CPU time, median of {runs} runs")
    for name, label in (("extract", "extract (read + JSON of the blocks)"), ("read", "  of which reading"),
                        ("check", "check (read + audit + JSON report)")):
        print(f"{label:38} {t[name]:7.3f} s  {pages / t[name]:7.1f} pages/s")
    print(f"ratio check / extract            {t['ratio_extract']:7.2f}x  (median of the runs' own ratios; "
          f"goal: <= 2.00x)")
    print(f"ratio check / reading alone      {t['ratio_read']:7.2f}x  (stricter: extract without its output)")


def digital_dossiers(source: Path, target: Path, read: ReadOptions) -> list[tuple[Path, int]]:
    """Each sub-folder of ``source`` as a folder under ``target`` holding only its PDFs with a
    text layer; with the number of pages of each."""
    out = []
    for dossier in sorted(p for p in source.iterdir() if p.is_dir()):
        folder = target / dossier.name
        folder.mkdir(mode=0o700)
        pages = 0
        for pdf in sorted(dossier.rglob("*.pdf")):
            doc = read_dossier(pdf, read).documents[0]
            if doc.pages and any(b.text.strip() for page in doc.pages for b in page.blocks):
                shutil.copyfile(pdf, folder / pdf.name)
                pages += len(doc.pages)
        if pages:
            out.append((folder, pages))
    return out


def real_dossiers(source: Path, runs: int) -> None:
    read = ReadOptions(ocr="never")
    checklists = load_checklists()
    with tempfile.TemporaryDirectory(prefix="pw-bench-") as tmp:
        dossiers = digital_dossiers(source, Path(tmp), read)
        pages = sum(n for _, n in dossiers)
        folders = [folder for folder, _ in dossiers]
        commands(folders, read, checklists)[2]()  # warm-up: compiled vocabulary, as in a long run
        times = timed_commands(*commands(folders, read, checklists), runs, lambda: forget(checklists))
    report(pages, f"in {len(dossiers)} dossiers ({source})", runs, times)


ROOT = Path(__file__).resolve().parent.parent
REAL_SETS = (ROOT / "samples", ROOT / "tests" / "heldout" / "dossiers", ROOT.parent / "shared" / "corpus")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=8, help="synthetic PDFs (with --synthetic)")
    ap.add_argument("--pages", type=int, default=6, help="pages per synthetic PDF (with --synthetic)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--dossiers", type=Path, action="append",
                    help="a folder of dossier folders: measure their digital PDFs (may be given more than once)")
    ap.add_argument("--synthetic", action="store_true", help="only the synthetic stress pages, with stage figures")
    args = ap.parse_args()
    if args.synthetic:
        synthetic(args.docs, args.pages, args.runs)
        return
    for source in args.dossiers or [s for s in REAL_SETS if s.is_dir()]:
        real_dossiers(source, args.runs)
        print()
    if not args.dossiers:
        print("stress test, not the goal's measure: synthetic pages with a date, hour figure or event cue")
        print("on every line and no tables (reading them is unusually cheap)")
        synthetic(args.docs, args.pages, args.runs)


def synthetic(docs: int, page_count: int, runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="pw-bench-") as tmp:
        folder = Path(tmp)
        for index in range(docs):
            write_pdf(folder / f"doc_{index:02d}.pdf", TITLES[index % len(TITLES)], page_count,
                      numbered=index % 2 == 0)
        pages = docs * page_count
        read = ReadOptions(ocr="never")

        load_s = timed(load_checklists, runs)
        checklists = load_checklists()
        documents = read_dossier(folder, read).documents  # warm-up, and input for the stage timing

        sections = {id(doc): blocks_to_sections(doc, checklists) for doc in documents}
        stages = {
            "split_bundle": lambda: [split_bundle(doc, checklists) for doc in documents],
            "blocks_to_sections": lambda: [blocks_to_sections(doc, checklists) for doc in documents],
            "classify_doc_type": lambda: [classify_doc_type(doc, sections[id(doc)], checklists)
                                          for doc in documents],
            "dates_in_document": lambda: [dates_in_document(doc) for doc in documents],
            "hours_in_document": lambda: [hours_in_document(doc, sections[id(doc)]) for doc in documents],
        }
        times = timed_commands(*commands([folder], read, checklists), runs, lambda: forget(checklists))
        extract_s = times["read"]
        fresh = lambda: forget(checklists)  # noqa: E731  (nothing remembered from the previous run)
        stage_s = {name: timed(func, runs, fresh) for name, func in stages.items()}

    report(pages, f"({docs} PDFs x {page_count})", runs, times)
    for name, seconds in stage_s.items():
        print(f"  stage {name:22} {seconds:7.3f} s  {pages / seconds:7.1f} pages/s"
              f"  ({seconds / extract_s:.2f}x reading)")
    print(f"loading the checklists (once per run) {load_s:.3f} s")


if __name__ == "__main__":
    main()
