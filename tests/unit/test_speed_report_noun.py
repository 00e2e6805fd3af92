"""``strip_report_noun`` trying only the line's prefixes that end at a space (issue 3, speed only)
gives the subject of the plain form, which asked ``startswith`` of every report noun and kept the longest."""
from __future__ import annotations

import dataclasses
import random

from audit.checklist import load_checklists
from audit.classify import settings_of
from audit.titles import strip_report_noun

SETTINGS = settings_of(load_checklists())
# nouns of several words, a prefix of another, one with a trailing space, one non-ASCII, the empty one
EXTRA = frozenset({"verslag van", "verslag van het", "rapport ", "İnforme", ""})
WORDS = ["rapportage", "verslag", "van", "het", "de", "een", "pa", "evaluatiegesprek", "İnforme", "rapport",
         "rapportages", "", " ", "\n", "\t", "é", "plan"]


def plain(line: str, settings) -> str:
    noun = max((n for n in settings.report_nouns if line.startswith(n + " ")), key=len, default="")
    rest = line[len(noun):].split() if noun else []
    while len(rest) > 1 and rest[0] in settings.articles:
        rest = rest[1:]
    return " ".join(rest)


def _lines(seed: int, nouns: frozenset[str]) -> list[str]:
    rnd = random.Random(seed)
    pieces = WORDS + sorted(nouns)
    return [rnd.choice(("", " ", "  ")).join(rnd.choices(pieces, k=rnd.randint(0, 8))) for _ in range(3000)]


def test_same_subject_as_plain_form():
    for settings in (SETTINGS, dataclasses.replace(SETTINGS, report_nouns=SETTINGS.report_nouns | EXTRA)):
        for line in _lines(7, settings.report_nouns) + ["", " ", "rapportage", "rapportage ", "verslag van het pa"]:
            assert strip_report_noun(line, settings) == plain(line, settings), line


def test_no_nouns():
    settings = dataclasses.replace(SETTINGS, report_nouns=frozenset())
    assert all(strip_report_noun(line, settings) == "" for line in _lines(3, SETTINGS.report_nouns))
