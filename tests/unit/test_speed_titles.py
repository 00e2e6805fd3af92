"""The speed-ups of title matching and document typing (issue 3) give the answers of the plain
code they replace: the normalisation, the contact-line test, the word-set cue test, the shared
title lines of a bundle's page and the page-number prefilter."""
from __future__ import annotations

import random
import re
import unicodedata

from audit.checklist import load_checklists
from audit.classify import Words, settings_of
from audit.model import Block, Page
from audit.split import DEFAULTS, _title_lines, page_numbering
from audit.titles import _CONTACT, is_contact, normalise, top_lines

TRICKY = "İıſKÅµßẞÉéËëÀàÿŸ–’•\u00a0ǅ‐‑-_/@.:;,()\t\n "
WORDS = ["Betreft", "plan", "van", "aanpak", "re-integratie", "Pagina", "1", "van", "3", "www.arbo.nl",
         "info@arbo.nl", "1234 AB", "06-12345678", "12 3 4 5 6 7 8 9 0", "2e", "spoor", "FML", "probleemanalyse"]


def _old_normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"(?<=\w)[-\u2010\u2011](?=\w)", "", text)
    return " ".join(re.sub(r"[^0-9a-z/ ]+", " ", text).split())


def _samples(count: int = 3000) -> list[str]:
    rnd = random.Random(11)
    out = []
    for _ in range(count):
        parts = []
        for _ in range(rnd.randint(0, 8)):
            if rnd.random() < 0.6:
                parts.append(rnd.choice(WORDS))
            else:
                parts.append("".join(rnd.choice(TRICKY + "abcXYZ0123456789") for _ in range(rnd.randint(1, 6))))
        out.append(rnd.choice([" ", "  ", "-", "\n"]).join(parts))
    return out


def test_normalise_is_the_plain_normalisation():
    for text in _samples():
        assert normalise(text) == _old_normalise(text), repr(text)


def test_is_contact_answers_as_the_whole_alternation():
    for text in _samples():
        assert is_contact(text) == bool(_CONTACT.search(text)), repr(text)


def test_is_contact_answers_as_the_whole_alternation_on_numbers():
    """Postcodes, phone numbers and dates: digits, spaces, dashes and capitals side by side."""
    rnd = random.Random(13)
    for _ in range(20000):
        text = "".join(rnd.choice("0123456789  -ABab\u0663_\n") for _ in range(rnd.randint(0, 30)))
        assert is_contact(text) == bool(_CONTACT.search(text)), repr(text)
    assert is_contact("Postbus 12, 8000 AB Zwolle") and is_contact("tel. 06-1234 5678 9")
    assert not is_contact("Op 12 maart 2024 is de werknemer gezien (02-04-2024).")


def test_words_has_answers_as_the_substring_search():
    rnd = random.Random(5)
    cues = ["plan van aanpak", "van", "re integratie", "2e spoor", "", "a b", "spoor"]
    for text in _samples():
        for raw in (text, normalise(text)):
            found = Words(raw)
            for cue in cues + [normalise(rnd.choice(WORDS))]:
                assert found.has(cue) == (f" {cue} " in f" {raw} "), (raw, cue)
            some = frozenset(rnd.sample(cues, rnd.randint(0, len(cues))) + ["x\ty", normalise(rnd.choice(WORDS))])
            assert found.count(some) == sum(1 for cue in some if f" {cue} " in f" {raw} "), (raw, some)
            assert found.any(some) == any(f" {cue} " in f" {raw} " for cue in some), (raw, some)


def _page(lines: list[str]) -> Page:
    blocks = tuple(Block("paragraph", line, 1) for line in lines)
    return Page(number=1, blocks=blocks)


def test_bundle_title_lines_are_the_prefixes_of_one_reading():
    checklists = load_checklists()
    settings = settings_of(checklists)
    rnd = random.Random(3)
    for _ in range(200):
        page = _page([rnd.choice(_samples(50)) for _ in range(rnd.randint(1, 14))])
        for count in (0, 1, 4, 8, 12):
            bundle = {**DEFAULTS, "top_lines": count}
            lines = _title_lines(page, checklists, bundle)
            assert lines.top == top_lines(list(page.blocks), settings, count)
            assert lines.subject == top_lines(list(page.blocks), settings)


def test_page_numbering_prefilter_skips_only_blocks_without_a_match():
    bundle = {**DEFAULTS, "page_words": ["pagina", "Page", "blad", "pag"], "of_words": ["van", "of", "/"]}
    pattern = re.compile(r"\b(?:pagina|Page|blad|pag)\.?\s*(\d{1,4})\s*(?:van|of|/)\s*(\d{1,4})\b", re.IGNORECASE)
    texts = _samples(500) + ["PAGINA 2 VAN 3", "Pag. 1/2", "blad 3 of 4", "PAGE 1 of 1", "paſina 1 van 2",
                             "ſeite", "Pagİna 1 van 2"]
    for text in texts:
        expected = tuple(dict.fromkeys((int(m.group(1)), int(m.group(2))) for m in pattern.finditer(text)
                                       if 1 <= int(m.group(1)) <= int(m.group(2))))
        assert page_numbering(_page([text]), bundle) == expected, repr(text)
