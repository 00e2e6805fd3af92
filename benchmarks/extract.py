"""Throughput of date + week + hour extraction on realistic Dutch report text.

    .venv/bin/python benchmarks/extract.py [--size 1000000] [--runs 7] [FILE ...]

Without FILEs the text is built from report-like paragraphs below (plan van aanpak, FML,
logboek table rows, voortgangsrapportage, urenopbouwschema) filled with varying dates and
hour figures, mixed with prose at about the corpus's density. Prints characters per second
of ``find_dates``, ``find_weeks`` and ``find_hours`` (median of the runs, CPU time of this
process: one core, unaffected by other work on a shared machine), and the median time ratio
against a baseline pass timed right after each run (a bare ``re.finditer(r"\\d+")`` over the
same text), so the figure can be compared across machines. Goal: >= 1 M chars/s for the three
together.
"""
from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from audit.extract import dates, hours, spans

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]

PARAGRAPHS = [
    "Werknemer heeft zich op {d1} ziek gemeld. De bedrijfsarts heeft op {d2} de probleemanalyse "
    "opgesteld. Ik adviseer te starten met aangepaste werkzaamheden in de eigen functie gedurende "
    "{n} x {m} uur per week, met een werkplek waarop zij kan afwisselen tussen zitten en staan.",
    "Arbeidsduur | {c} uur per week\nEerste ziektedag | {d1}\nDatum plan van aanpak | {d3}",
    "Volgens de FML van {t1} heeft mevrouw benutbare mogelijkheden voor {h} uur per dag, overdag, "
    "zonder nachtdiensten. Herbeoordeling over zes weken, uiterlijk in week {w}.",
    "{d2} | Evaluatie | Werkt {n} x {m} uur per week in de dagbesteding; gaat goed\n"
    "{d3} | Telefonisch contact | Casemanager: opbouw verloopt volgens plan",
    "Het traject is gestart met de intake op {t1}. Het zoekprofiel (administratief medewerker, "
    "receptie, {z} uur per week) is ongewijzigd en sluit aan bij de FML. Rapportageperiode: "
    "{d2} tot en met {d3}. In deze periode heeft zij 6 keer gesolliciteerd.",
    "Periode | Uren | Taken\nWeek 1-2 | 2 x 2 uur | Start direct\nWeek 3-4 | 3 x 3 uur | Idem\n"
    "Vanaf week 5 | 4 x 4 uur per week | Eigen werk",
    "De melding na 42 weken is op {d1} gedaan, in week 42 van de ziekte. De eerstejaarsevaluatie "
    "vindt plaats tussen week 46 en week 52. Contact: 06-12345678, BSN 123456782, 1234 AB Utrecht, "
    "om 10.00 uur op het spreekuur; kosten EUR 1.250,00.",
    "Johan heeft de cursus (vier avonden, in totaal {h} uur) afgerond. Hij werkt op een "
    "werkervaringsplek met een urenopbouw tot {n} x {m} uur per week. Volgend gesprek op {t2}.",
    "Er is geen urenbeperking. De werkgever heeft per {t1} een tijdelijke functie aangeboden; "
    "d.d. {d2} is dit schriftelijk bevestigd. Van 1 t/m 14 {mon} {y} was werknemer met vakantie.",
]


# Prose without figures, as most of a report is: the corpus (../shared/corpus) has about 6,000
# dates, 900 week references and 800 hour figures per million characters.
PROSE = [
    "Werkneemster geeft aan dat zij zich vermoeid voelt na een werkdag en dat de concentratie "
    "wisselt. Zij is gemotiveerd om het werk in aangepaste vorm voort te zetten en houdt contact "
    "met de leidinggevende. De fysiotherapie loopt en geeft enige verbetering.",
    "Uit het gesprek blijkt dat de verhouding met de leidinggevende goed is. Er zijn geen "
    "belemmeringen in de privésituatie die de re-integratie in de weg staan. Werknemer wil graag "
    "terugkeren in de eigen functie, maar staat ook open voor ander passend werk.",
    "De arbeidsdeskundige heeft de functies binnen de organisatie beoordeeld op de belastbaarheid "
    "zoals vastgelegd door de bedrijfsarts. Functies op en onder het niveau van werknemer zijn "
    "getoetst; binnen de eigen organisatie is geen structureel passend werk beschikbaar.",
    "In de persoonsgerichte fase is het persoonsprofiel opgesteld: opleiding, werkervaring, "
    "competenties en interesses. Werknemer heeft een actueel cv en een LinkedIn-profiel. De "
    "adviseur en werknemer hebben wekelijks contact, afwisselend op locatie en telefonisch.",
    "Werknemer heeft zich actief en gemotiveerd opgesteld en alle afspraken nagekomen. De "
    "sollicitaties zijn gericht op functies binnen het zoekprofiel; de reacties van werkgevers "
    "waren tot nu toe afwijzend, vooral vanwege de beperkte beschikbaarheid.",
]


def _date(rng: random.Random) -> tuple[str, str, str]:
    y, m, d = rng.randint(2022, 2025), rng.randint(1, 12), rng.randint(1, 28)
    return f"{d:02d}-{m:02d}-{y}", f"{d} {MONTHS[m - 1]} {y}", f"{d}-{m}-{str(y)[2:]}"


def report_text(size: int, seed: int = 42) -> str:
    """Report-like Dutch text of about ``size`` characters."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        numeric, written, short = _date(rng)
        values = {
            "d1": numeric, "d2": _date(rng)[0], "d3": short, "t1": written, "t2": _date(rng)[1],
            "n": rng.randint(2, 5), "m": rng.randint(2, 6), "h": rng.randint(2, 8),
            "c": rng.choice([24, 32, 36, 38, 40]), "z": rng.choice([12, 16, 20, 24, 30]), "w": rng.randint(6, 104),
            "mon": rng.choice(MONTHS), "y": rng.randint(2022, 2025),
        }
        pool = PARAGRAPHS if rng.random() < 0.35 else PROSE
        paragraph = rng.choice(pool).format(**values)
        parts.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(parts)


def _clear_caches() -> None:
    """Per-text caches would make every run after the first free: time cold runs."""
    spans.fold.cache_clear()
    spans.sentence_bounds.cache_clear()


def _timed(fn: Callable[[], object]) -> float:
    """CPU seconds of this process: on a shared machine, wall time also counts the waits."""
    _clear_caches()
    start = time.process_time()
    fn()
    return time.process_time() - start


def paired_runs(fn: Callable[[], object], baseline: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """Median seconds of ``fn``, of ``baseline``, and median of the per-run ratios: each run
    times both back to back, so a busy machine slows both alike and the ratio stays put."""
    pairs = [(_timed(fn), _timed(baseline)) for _ in range(runs)]
    return (statistics.median(t for t, _ in pairs), statistics.median(b for _, b in pairs),
            statistics.median(t / b for t, b in pairs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="text files to use instead of the built-in text")
    parser.add_argument("--size", type=int, default=1_000_000, help="characters of built-in text")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in args.files) if args.files else report_text(args.size)
    counts = {"dates": len(dates.find_dates(text, 1)), "weeks": len(dates.find_weeks(text, 1)),
              "hours": len(hours.find_hours(text, 1))}  # also compiles the grammars before timing

    def baseline() -> int:
        return sum(1 for _ in re.finditer(r"\d+", text))

    rows = {
        "find_dates": lambda: dates.find_dates(text, 1),
        "find_weeks": lambda: dates.find_weeks(text, 1),
        "find_hours": lambda: hours.find_hours(text, 1),
        "all three": lambda: (dates.find_dates(text, 1), dates.find_weeks(text, 1), hours.find_hours(text, 1)),
    }
    print(f"text: {len(text):,} chars; found {counts}; median of {args.runs} runs, one core, CPU time")
    print(f"{'':12s} {'M chars/s':>10s} {'baseline M chars/s':>19s} {'x baseline time':>16s}")
    for name, fn in rows.items():
        seconds, base, ratio = paired_runs(fn, baseline, args.runs)
        print(f"{name:12s} {len(text) / seconds / 1e6:10.2f} {len(text) / base / 1e6:19.2f} {ratio:16.1f}")
    print("baseline: re.finditer(r'\\d+') over the same text, timed right after each run")
    return 0


if __name__ == "__main__":
    sys.exit(main())
