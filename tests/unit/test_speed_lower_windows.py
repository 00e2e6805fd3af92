"""A pattern scanned in windows around its needles (audit.extract.lower_windows, a speed-up for
sollicitatie_counts) finds exactly the matches, spans and groups, of its twin scanned whole."""
from __future__ import annotations

import random
import re

from test_speed_lower_match import SENTENCES, _groups, _texts

from audit.extract.lower_any import compile_any
from audit.extract.lower_match import lowered, scanner
from audit.extract.lower_windows import RUN, windowed

COUNT = (r"(\d{1,3}|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf)\s+"
         r"(?:keer\s+gesolliciteerd|sollicitaties?\b)")
# Short patterns with unbounded one-character repeats on both sides of the needle, lazy ones,
# word ends and line ends that read one past a match, a lookbehind, bounded repeats around \s+.
PATTERNS = [COUNT, r"(\d+)\s*x\s*(\d+)\s+uur\b", r"\bop\s+(?:de\s+)?\w+dag$", r"(?<!\d)(\d\d?)\s+?keer\b",
            r"(?:a\s+){1,3}plan[^|]*?\s*van", r"[a-z]+\s+week", r"(?:week|wk)\.?\s*(\d+)", r"x\s+y\s*$",
            r"^\s*per\s+week", r"(?:minimaal|ten\s+minste)\s*$"]
PIECES = ["6 keer gesolliciteerd", "12 sollicitaties", "1234 sollicitaties", "sollicitatiesgesprek", "twee",
          "keer", "gesolliciteerd", "sollicitatie", "2 x 3 uur", "x", "y", "uur", "op maandag", "op de dinsdag",
          "week 4", "wk. 12", "plan", "van", "a a a", "per week", "minimaal", "ten minste", "|", ".", "\n",
          "7", "TIEN", "Zes", "İ", "ſ"]
SPACES = [" ", "  ", "\t", "\u00a0", " " * RUN, " " * (RUN + 1), " \n ", " " * (3 * RUN), ""]


def _text(rnd: random.Random) -> str:
    return "".join(rnd.choice(PIECES) + rnd.choice(SPACES) for _ in range(rnd.randrange(1, 14)))


def _same(pattern: re.Pattern[str], texts: list[str]) -> int:
    """How many texts were scanned in windows (not whole: the guard found a long run)."""
    win, twin, tried = windowed(pattern), scanner(pattern).twin, 0
    for text in texts:
        lower = lowered(text)
        if lower is None or win is None:
            continue
        assert [m.regs for m in win.finditer(lower)] == [m.regs for m in twin.finditer(lower)], \
            (pattern.pattern, text)
        tried += win._windows(lower) is not None
    return tried


def test_windows_find_the_matches_of_the_whole_scan():
    rnd = random.Random(5)
    texts = [_text(rnd) for _ in range(1500)]
    found = 0
    for source in PATTERNS:
        pattern = compile_any((source,))
        assert windowed(pattern) is not None, source
        assert _same(pattern, texts) > 300, source
        found += sum(1 for t in texts if lowered(t) is not None and scanner(pattern).twin.search(lowered(t)))
    assert found > 1500  # the texts do hold matches
    _same(compile_any((r"sollicit.*",)), texts)  # a guard that finds a long run almost everywhere


def test_vocabulary_patterns_found_the_same_in_windows():
    texts = _texts(seed=9) + [" ".join(SENTENCES), ("x " * 300).join(SENTENCES)]
    assert sum(windowed(compile_any(g)) is not None for g in _groups()) > 20
    for group in _groups():
        _same(compile_any(group), texts)


def test_unbounded_reach_keeps_the_whole_scan():
    for source in [r"gesolliciteerd(?=\s+\w+)", r"(a)\s+\1sollicitatie", r"(?:ab)+sollicitatie",
                   r"sollicit(?:ie)*s", r"\s+"]:
        assert windowed(compile_any((source,))) is None, source
