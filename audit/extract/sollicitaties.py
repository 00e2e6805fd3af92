"""Sollicitaties as events: each dated row of a sollicitatie table, and each sentence that
counts them ("in deze periode 6 keer gesolliciteerd").

A table starts at a header row that names the employer and the job (cues in
``checklists/data/events.yaml``); every following row that opens with a date is one
application, until the rows stop being dated. Cells wrapped onto extra lines (a PDF text layer)
do not end the table; rows that OCR merged into one line count one application per date.
"""
from __future__ import annotations

import re
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from audit.extract.event_text import (DateSpot, Line, LowerTexts, Scanner, compile_any, lower_lines, lowered, matcher,
                                      scanner, scanner_of, vocab_patterns)
from audit.model import AuditedDocument, Event

MAX_UNDATED_RUN = 3  # wrapped cell text between two rows
ROW_START = 4  # a row's date stands at its start ("| 02-09-2024 | ...")
HEADER_CHARS = 80  # a header row names its columns first; a long sentence is no header


@dataclass(frozen=True)
class SollicitatieRow:
    day: date
    line: Line
    by_bureau: bool


@lru_cache(maxsize=64)
def _each_scanner(patterns: tuple[str, ...]) -> tuple[Scanner | None, ...]:
    """Each pattern compiled alone, as a Scanner (lowercase twin and needles, see lower_match)."""
    return tuple(None if p is None else scanner(p) for p in (compile_any((q,)) for q in patterns))


@dataclass(frozen=True)
class _Header:
    """What makes a line a sollicitatie table's header: every ``needed`` word, and no sentence
    mark or ``refused`` word."""

    needed: tuple[Scanner | None, ...]
    sentence: re.Pattern[str] | None
    refused: re.Pattern[str] | None

    @classmethod
    def of(cls, vocab: Mapping) -> _Header:
        spec = vocab.get("sollicitatie_header") or {}
        return cls(_each_scanner(vocab_patterns(spec.get("all_of"))), matcher(vocab, "sentence_marks"),
                   compile_any(vocab_patterns(spec.get("none_of"))))

    def lines(self, low: LowerTexts) -> Container[int]:
        """The indices of the lines that may be a header: those where every needed word may match
        (a pure prefilter: ``end`` decides)."""
        maybe: set[int] | None = None
        for scan in self.needed:
            if scan is None:
                return range(len(low.each))
            worth = set(low.worth(scan))
            maybe = worth if maybe is None else maybe & worth
        return range(len(low.each)) if maybe is None else maybe

    def end(self, text: str, lower: str | None = None) -> int | None:
        """Where a header ends in this line (``lower``: ``lowered(text)`` where known), or None when
        it is no header. The header words are tried first (most lines lack them), by Scanners
        (speed only: every test is a pure yes/no, so the order does not change the answer)."""
        if not self.needed:
            return None
        head = text[:HEADER_CHARS]
        lower = lowered(head) if lower is None else lower[:HEADER_CHARS]
        ends = []
        for scan in self.needed:
            if scan is None:
                return None
            m = scan.search(head, lower)
            if m is None:
                return None
            ends.append(m.end())
        if self.sentence is not None and self.sentence.search(head):
            return None  # prose that happens to name an employer and a job
        if self.refused is not None and self.refused.search(head):
            return None
        return max(ends)


def _sender_column(header: str, vocab: Mapping) -> int | None:
    pattern = matcher(vocab, "sender_column")
    if pattern is None or "|" not in header:
        return None
    for n, cell in enumerate(header.split("|")):
        if pattern.search(cell):
            return n
    return None


def _by_bureau(row: str, column: int | None, vocab: Mapping, header_has_sender: bool) -> bool:
    words = matcher(vocab, "sender_not_employee")
    if words is None:
        return False
    if column is not None:
        cells = row.split("|")
        return column < len(cells) and bool(words.search(cells[column]))
    return header_has_sender and bool(words.search(row))


def _segments(line: Line, after: int = 0) -> list[tuple[DateSpot, str]]:
    """A table row per date: OCR can merge several rows into one line ("20-11-2024 Hotel ...
    27-11-2024 Winkelcentrum ..."); each date opens the text up to the next date."""
    spots = [d for d in line.dates if d.start >= after]
    out = []
    for n, spot in enumerate(spots):
        end = spots[n + 1].start if n + 1 < len(spots) else len(line.text)
        out.append((spot, line.text[spot.start:end]))
    return out


def _row(line: Line, spot: DateSpot, text: str, column: int | None, vocab: Mapping,
         header_has_sender: bool) -> SollicitatieRow:
    by_bureau = _by_bureau(text if column is None else line.text, column, vocab, header_has_sender)
    return SollicitatieRow(spot.value, replace(line, text=text), by_bureau)


def sollicitatie_rows(lines: Sequence[Line], vocab: Mapping) -> list[SollicitatieRow]:
    rows: list[SollicitatieRow] = []
    sender = matcher(vocab, "sender_column")
    spec, low = _Header.of(vocab), lower_lines(lines)
    maybe = spec.lines(low)

    def header_end(n: int) -> int | None:
        return spec.end(lines[n].text, low.each[n]) if n in maybe else None

    i = 0
    while i < len(lines):
        end = header_end(i)
        if end is None:
            i += 1
            continue
        header = lines[i].text
        column = _sender_column(header, vocab)
        header_has_sender = bool(sender and sender.search(header))
        rows += [_row(lines[i], spot, text, None, vocab, header_has_sender)
                 for spot, text in _segments(lines[i], end)]
        undated = 0
        i += 1
        while i < len(lines) and undated <= MAX_UNDATED_RUN:
            line = lines[i]
            if header_end(i) is not None:
                break
            if line.dates and line.dates[0].start <= ROW_START:
                rows += [_row(line, spot, text, column, vocab, header_has_sender) for spot, text in _segments(line)]
                undated = 0
            else:
                undated += 1
            i += 1
    return rows


def _count_value(token: str, vocab: Mapping) -> int | None:
    if token.isdigit():
        return int(token)
    return (vocab.get("number_words") or {}).get(token.lower())


def sollicitatie_counts(lines: Sequence[Line], vocab: Mapping) -> list[tuple[int, Line]]:
    """'6 keer gesolliciteerd', '12 sollicitaties verstuurd'; not a norm ('minimaal 2 per week')."""
    pattern = compile_any(vocab_patterns(vocab.get("sollicitatie_count")))
    norm = scanner_of(vocab, "sollicitatie_count_norm")
    found = []
    if pattern is None:
        return found
    scan, low = scanner(pattern), lower_lines(lines)
    for i in low.worth(scan):
        line = lines[i]
        text = line.text
        for m in scan.finditer(text, low.each[i]):  # spans as on ``text``; group texts read from it
            start, end = m.span()
            if norm is not None and (norm.found(text[max(0, start - 25):start]) or norm.found(text[end:end + 12])):
                continue
            value = _count_value(_group(text, m, 1), vocab) if m.re.groups else None
            if value is not None:
                found.append((value, line))
    return found


def _group(text: str, m: re.Match[str], n: int) -> str | None:
    """Group ``n`` of a match as it stands in ``text`` (a lowercase twin's match holds lowercase)."""
    start, end = m.span(n)
    return None if start < 0 else text[start:end]


def sollicitatie_events(audited: AuditedDocument, lines: Sequence[Line], vocab: Mapping) -> list[Event]:
    """Rows as dated events; counted sentences as one event with ``count`` at the document's date."""
    events = [Event("sollicitatie", r.day, None, r.line.evidence(), by_bureau=r.by_bureau)
              for r in sollicitatie_rows(lines, vocab)]
    for value, line in sollicitatie_counts(lines, vocab):
        events.append(Event("sollicitatie_aantal", audited.doc_date, None, line.evidence(), count=value))
    return events
