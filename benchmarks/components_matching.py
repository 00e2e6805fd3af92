"""Cue matching: compiled regex alternations (what audit.components uses) against spaCy's PhraseMatcher.

Prints the median of several runs of finding every cue phrase of every component checklist in a
synthetic Dutch text, as characters per second and as a ratio against the regex run (same process).
Run: .venv/bin/python benchmarks/components_matching.py
"""
from __future__ import annotations

import statistics
import time

import spacy
from spacy.matcher import PhraseMatcher

from audit.checklist import load_checklists
from audit.components import compile_words, normalise

PARAGRAPH = ("Het traject is gestart op 3 juni 2024. Er is (nog) geen scholing ingezet. De afstand tot de "
             "arbeidsmarkt is groot; wij adviseren een sollicitatietraining. Het zoekprofiel bestaat uit "
             "receptiemedewerker en administratief medewerker, 20 uur per week, passend binnen de FML. ")
TEXT = PARAGRAPH * 2000  # about 500 kB, some 150 pages
RUNS = 5


def phrases() -> list[str]:
    checklists = load_checklists()
    return sorted({p.rstrip("*") for comps in checklists.components.values() for c in comps.values()
                   for p in c.get("cues", {}).get("phrases", ())})


def timed(fn) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    words = phrases()
    pattern = compile_words(tuple(words))
    nlp = spacy.blank("nl")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("CUE", [nlp.make_doc(w) for w in words])
    text = normalise(TEXT)
    regex_s = timed(lambda: sum(1 for _ in pattern.finditer(text)))
    spacy_s = timed(lambda: len(matcher(nlp.make_doc(TEXT))))
    print(f"phrases: {len(words)}; text: {len(TEXT):,} chars; median of {RUNS} runs")
    print(f"regex alternation : {len(TEXT) / regex_s / 1e6:6.2f} M chars/s  (1.00)")
    print(f"spaCy PhraseMatcher: {len(TEXT) / spacy_s / 1e6:6.2f} M chars/s  ({regex_s / spacy_s:.2f} x regex speed)")


if __name__ == "__main__":
    main()
