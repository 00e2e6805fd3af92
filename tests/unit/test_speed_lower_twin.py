"""The lowercase twins of case-insensitive patterns (audit.extract.event_text, a speed-up for
issue 3) find exactly the spans the case-insensitive patterns find, and step aside where they
could not."""
from __future__ import annotations

import random

from vocab_lists import vocabulary_lists

from audit.extract.event_text import compile_any, compile_lower, lower_twin, lowered

TRICKY = "İıſKÅµßẞÉéËëÀàÿŸ–’•\u00a0ǅ"


def _compiles(patterns: tuple[str, ...]) -> bool:
    try:
        compile_any(patterns)
    except Exception:
        return False
    return True


def test_twins_find_the_same_spans_as_ignorecase():
    rnd = random.Random(7)
    groups = [g for g in vocabulary_lists() if _compiles(g)]
    assert groups, "no vocabulary patterns found"
    sentences = ["Op 12-03-2024 is de Probleemanalyse OPGESTELD; Plan van Aanpak volgt.",
                 "Eerste ziektedag: 08-01-2024 | Evaluatie EJE | WIA-aanvraag bij het UWV",
                 "De werknemer heeft 6 keer gesolliciteerd – café, hôtel, Ëindhoven"]
    texts = []
    for s in sentences:
        texts += [s, s.upper(), s.swapcase()]
        for _ in range(20):
            chars = list(s)
            for _ in range(3):
                chars[rnd.randrange(len(chars))] = rnd.choice(TRICKY)
            texts.append("".join(chars))
    twins = 0
    for group in groups:
        slow, fast = compile_any(group), compile_lower(group)
        if fast is None:
            continue
        twins += 1
        for text in texts:
            lower = lowered(text)
            if lower is None:
                continue
            assert len(lower) == len(text)
            assert [m.span() for m in fast.finditer(lower)] == [m.span() for m in slow.finditer(text)], \
                (group, text)
    assert twins > len(groups) // 2


def test_unsafe_text_and_patterns_keep_the_slow_path():
    assert lowered("İstanbul") is None  # 'İ'.lower() is two characters
    assert lowered("5 µg") is None  # the micro sign matches the Greek mu under IGNORECASE
    assert lowered("Café – Ëindhoven") == "café – ëindhoven"
    assert compile_lower((r"(?-i:Abc)",)) is None  # a part that is case-sensitive on purpose
    assert compile_lower((r"\N{KELVIN SIGN}",)) is None
    assert lower_twin(compile_any((r"\bPvA\b",))).search("de pva van") is not None
