"""The Scanners of audit.extract.lower_match and lower_any (a speed-up for issue 3) find exactly the spans of the
case-insensitive patterns: the needles they test first only pass by texts where the pattern
cannot match, and an alternation scanned by its live alternatives finds what the whole finds."""
from __future__ import annotations

import random
import re

from vocab_lists import vocabulary_lists, vocabulary_strings

from audit.extract.lower_any import MAX_SUBSETS, any_scanner, compile_any
from audit.extract.lower_match import lowered, scanner

TRICKY = "İıſKÅµßẞÉéËëÀàÿŸ–’•\u00a0ǅ"

SENTENCES = [
    "Eerste ziektedag: 08-01-2024 | Datum probleemanalyse 12-03-2024 | PvA opgesteld op 02-04-2024",
    "Op 12-03-2024 is de Probleemanalyse OPGESTELD; Plan van Aanpak volgt. Bijstelling van het plan van aanpak",
    "05-06-2024 | Evaluatie plan van aanpak | zes-wekelijkse evaluatiegesprek met de bedrijfsarts besproken",
    "Ziekmelding bij het UWV (42e-weeksmelding) verzonden op 14-10-2024; EJE en eerstejaarsevaluatie gepland",
    "FML van 12-12-2023, Functionele Mogelijkhedenlijst en IZP; arbeidsdeskundig rapport; AD-rapport 01-02-2024",
    "Start traject tweede spoor per 01-02-2024; het traject is gestart op 05-02-2024, intakegesprek 03-02-2024",
    "De werknemer heeft in week 14 drie keer gesolliciteerd, de laatste keer op 02-04-2024; 12 sollicitaties",
    "Datum | Werkgever | Functie | Verstuurd door: jobhunter namens werknemer; minimaal 2 per week",
    "Het traject is stilgelegd op advies van de bedrijfsarts; zonder advies; haalbaarheidsonderzoek; WEP",
    "Sinds 4 september 2023 ziek, arbeidsongeschikt vanaf 01-09-2023; uitgevallen per 03-09-2023; burn-out",
    "Raalte, 15-11-2023 Handtekening w.g. Datum: 16-11-2023 akkoord; rapportageperiode 01-01-2024 t/m 31-03-2024",
    "WIA-aanvraag 10-10-2025, actueel oordeel, deskundigenoordeel, eindevaluatie en eindrapportage",
]


def _texts(seed: int = 11) -> list[str]:
    rnd = random.Random(seed)
    texts = []
    for s in SENTENCES:
        texts += [s, s.upper(), s.swapcase(), s.lower()]
        for _ in range(15):
            chars = list(s)
            for _ in range(4):
                n = rnd.randrange(len(chars))
                chars[n] = rnd.choice(TRICKY + " |:-") if rnd.random() < 0.5 else chars[n].upper()
            texts.append("".join(chars))
    return texts


def _groups() -> list[tuple[str, ...]]:
    """Every list of patterns in the vocabularies (and each single pattern) that compiles."""
    out = [*vocabulary_lists(), *((p,) for p in vocabulary_strings())]
    groups = []
    for group in dict.fromkeys(g for g in out if g):
        try:
            compile_any(group)
        except re.error:
            continue
        groups.append(group)
    assert len(groups) > 50
    return groups


def test_scanners_find_the_spans_and_groups_of_ignorecase():
    texts = _texts()
    for group in _groups():
        scan = scanner(compile_any(group))
        for text in texts:
            lower = lowered(text)
            slow = [m.regs for m in scan.pattern.finditer(text)]
            assert [m.regs for m in scan.finditer(text, lower)] == slow, (group, text)
            assert (scan.search(text, lower) is None) == (not slow)
            assert scan.found(text) == bool(slow)
            if slow:
                assert scan.may_match(lower), (group, text)


def test_alternatives_scanned_apart_find_the_spans_of_the_whole():
    texts = _texts(seed=5) + [" ".join(SENTENCES)]
    for group in _groups():
        scan = any_scanner(group)
        whole = compile_any(group)
        for text in texts:
            assert [m.span() for m in scan.finditer(text, lowered(text))] == \
                   [m.span() for m in whole.finditer(text)], (group, text)


def test_needles_are_the_literals_every_match_holds():
    assert scanner(compile_any((r"plan\s+van\s+aanpak",))).clauses[0] == ("aanpak",)
    assert scanner(compile_any((r"\bPvA\b", "probleemanalyse"))).clauses == (("probleemanalyse", "pva"),)
    assert scanner(compile_any((r"(?:voortgangs)?evaluatie(?:gesprek)?",))).clauses == (("evaluatie",),)
    assert scanner(compile_any((r"a?",))).clauses == ()  # can match the empty string: no promise
    assert scanner(compile_any((r"(?=pva)\w+",))).clauses == ()  # lookarounds promise nothing
    assert scanner(compile_any((r"x|",))).clauses == ()  # an empty branch
    assert not scanner(compile_any(("aanpak",))).may_match("plan van aan pak")
    assert scanner(compile_any(("aanpak",))).may_match(None)  # unsafe text: always scanned


def test_alternatives_keep_the_whole_where_alone_they_would_differ():
    assert any_scanner((r"(a)x", r"(b)\1")).parts is None  # a backreference counts the whole's groups
    assert any_scanner(("abc", "d?")).parts is None  # an alternative without needles
    assert any_scanner(("abc",)).parts is None
    assert any_scanner(("abc", r"\bdef")).parts is not None
    assert any_scanner(("abc", "def")).parts is None  # both open with a letter: the engine skips fast


def test_alternations_stay_exact_past_the_cap_on_compiled_subsets():
    words = tuple(rf"\bw{n:02d}x" for n in range(12))
    scan = any_scanner(words)
    rnd = random.Random(3)
    for _ in range(MAX_SUBSETS * 3):
        text = " ".join(w[2:] for w in rnd.sample(words, rnd.randrange(2, 6))).upper()
        assert [m.span() for m in scan.finditer(text, lowered(text))] == \
               [m.span() for m in compile_any(words).finditer(text)]
    assert scan.parts is not None and len(scan._twins) <= MAX_SUBSETS


def test_unsafe_text_is_matched_by_the_case_insensitive_pattern():
    scan = any_scanner(("stra(ss|ß)e", "kelvin"))
    for text in ("STRASSE", "\N{KELVIN SIGN}elvin", "straße"):
        assert [m.span() for m in scan.finditer(text, lowered(text))] == \
               [m.span() for m in compile_any(("stra(ss|ß)e", "kelvin")).finditer(text)]
    assert re.compile("kelvin", re.I).search("\N{KELVIN SIGN}elvin") is not None


def test_lowered_lines_name_every_line_a_pattern_may_match():
    from audit.extract.lower_match import LowerTexts
    texts = ["Plan van Aanpak", "İstanbul plan van aanpak", "", "de PvA", "aanp", "ak", "probleemanalyse PA"]
    low = LowerTexts(texts)
    assert low.each[1] is None  # unsafe: always a candidate
    for group in [("plan\\s+van\\s+aanpak",), ("\\bPvA\\b", "probleemanalyse"), ("a?",), ("aanpak",)]:
        scan = any_scanner(group)
        worth = low.worth(scan)
        assert list(worth) == sorted(set(worth))
        matching = [n for n, t in enumerate(texts) if compile_any(group).search(t)]
        assert set(matching) <= set(worth), (group, matching, worth)
        assert 1 in worth
    assert low.holding("aanp") == [0, 4]  # "aanp\nak" across two texts counts for the first
    assert low.holding("p\nak") == [4]
    assert list(low.worth(any_scanner(("zzz",)))) == [1]


def test_lines_with_names_the_lines_the_pattern_finds_something_in():
    from audit.extract.event_text import Line, lines_with
    texts = _texts(seed=9)[::3]
    lines = [Line("doc.pdf", 1, text, (), n) for n, text in enumerate(texts)]
    for group in _groups():
        whole = compile_any(group)
        expected = [n for n, text in enumerate(texts) if whole.search(text)]
        assert list(lines_with(lines, any_scanner(group))) == expected, group
        assert list(lines_with(lines, scanner(whole))) == expected, group
