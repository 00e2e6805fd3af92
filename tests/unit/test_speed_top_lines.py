"""``top_lines`` asking ``is_contact`` only of a line that would otherwise be taken (issue 3, speed only:
its digit scans cost most on long prose lines that are skipped anyway) takes the lines of the plain
order, which asked it of every line first."""
from __future__ import annotations

import random

from audit import titles
from audit.checklist import load_checklists
from audit.classify import settings_of
from audit.model import Block
from audit.titles import (_BULLET, _LEADING_NUMBER, _OPENING_SENTENCE, Line, _strip_prefix, is_contact, is_noise,
                          iter_block_lines, normalise, top_lines)

PIECES = ["Plan van aanpak", "Betreft: probleemanalyse", "Betreft: Re-integratieverslag", "Pagina 1 van 3",
          "info@arbo.nl", "www.werkfit.nl", "1234 AB Utrecht", "Postbus 12, 3500 AA", "tel. 030-1234567",
          "06 12345678", "• punt", "- punt", "o  item", "2. Zoekprofiel", "FML", "wn", "12-03-2024",
          "Eerstejaarsevaluatie 30-05-2024", "Aanpassing van ons plan van aanpak. Na het gesprek",
          "Rapportage PA", "Voortgangsrapportage 2", "Werknemer: K. Smit", "!!!", "é€", "a/b", "re-integratie"]


def _line(rnd: random.Random) -> str:
    roll = rnd.random()
    if roll < 0.45:
        return rnd.choice(PIECES)
    if roll < 0.6:  # contact data inside a title-length line
        return f"{rnd.choice(PIECES)} {rnd.choice(PIECES[4:10])}"
    words = rnd.choices(PIECES + ["de", "werknemer", "heeft", "op", "02-04-2024", "gesolliciteerd."], k=rnd.randint(8, 60))
    return " ".join(words)  # prose, often longer than a title, often with a date or phone number


def _blocks(rnd: random.Random) -> list[Block]:
    blocks = []
    for _ in range(rnd.randint(0, 10)):
        kind = rnd.choice(("paragraph", "paragraph", "heading", "header", "footer", "list_item", "table"))
        lines = [_line(rnd) for _ in range(rnd.randint(1, 4))]
        rows = tuple(tuple(line.split(" ", 1)) for line in lines) if kind == "table" else None
        blocks.append(Block(kind, rnd.choice(("\n", "\t", "\n\n")).join(lines), 1, rows=rows))
    return blocks


def _plain_top_lines(blocks, settings, count=None) -> list[Line]:
    """The order before: the contact test first, on every line."""
    count = int(count or settings["title_lines"])
    out: list[Line] = []
    for raw, furniture in iter_block_lines((b for b in blocks if b.kind != "list_item"), table_heads=True):
        if _BULLET.match(raw) or is_contact(raw):
            continue
        full = normalise(_LEADING_NUMBER.sub("", raw))
        if len(full) > settings["title_max_chars"] and not out:
            opening = _OPENING_SENTENCE.match(raw)
            full = normalise(opening.group(1)) if opening else full
        text = _strip_prefix(full, settings)
        if not text or len(text) > settings["title_max_chars"] or is_noise(text, settings):
            continue
        weight = 1.0 if text != full else max(0.0, 1.0 - settings["line_decay"] * len(out))
        out.append(Line(text, weight * (settings["header_weight"] if furniture else 1.0), text != full))
        if len(out) >= count:
            break
    return out


def _pages():
    rnd = random.Random(12)
    return [_blocks(rnd) for _ in range(1500)]


def test_top_lines_are_the_plain_order():
    settings = settings_of(load_checklists())
    contacts = 0
    for blocks in _pages():
        for count in (None, 1, 4, 8):
            got = top_lines(blocks, settings, count)
            assert got == _plain_top_lines(blocks, settings, count), [b.text for b in blocks]
        contacts += any(is_contact(raw) for raw, _ in iter_block_lines(blocks, True))
    assert contacts > 500


def test_a_forgotten_contact_test_is_caught(monkeypatch):
    settings = settings_of(load_checklists())
    monkeypatch.setattr(titles, "is_contact", lambda raw: False)
    assert any(top_lines(blocks, settings) != _plain_top_lines(blocks, settings) for blocks in _pages())
