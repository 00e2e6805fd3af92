"""Sollicitaties as events: each dated row of a sollicitatie table, and each sentence that
counts them ("in deze periode 6 keer gesolliciteerd").

A table starts at a header row that names the employer and the job (cues in
``checklists/data/events.yaml``); every following row that opens with a date is one
application, until the rows stop being dated. Cells wrapped onto extra lines (a PDF text layer)
do not end the table.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from audit.extract.event_text import Line, compile_any, matcher, vocab_patterns
from audit.model import AuditedDocument, Event

MAX_UNDATED_RUN = 3  # wrapped cell text between two rows
ROW_START = 4  # a row's date stands at its start ("| 02-09-2024 | ...")


@dataclass(frozen=True)
class SollicitatieRow:
    day: date
    line: Line
    by_bureau: bool
    key: str  # date plus the first word after it: the same application listed twice


def _is_header(text: str, vocab: Mapping) -> bool:
    spec = vocab.get("sollicitatie_header") or {}
    needed = [compile_any((p,)) for p in vocab_patterns(spec.get("all_of"))]
    refused = compile_any(vocab_patterns(spec.get("none_of")))
    if not needed or any(p is None or not p.search(text) for p in needed):
        return False
    return refused is None or not refused.search(text)


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


def sollicitatie_rows(lines: Sequence[Line], vocab: Mapping) -> list[SollicitatieRow]:
    rows: list[SollicitatieRow] = []
    sender = matcher(vocab, "sender_column")
    i = 0
    while i < len(lines):
        if not _is_header(lines[i].text, vocab):
            i += 1
            continue
        header = lines[i].text
        column = _sender_column(header, vocab)
        header_has_sender = bool(sender and sender.search(header))
        undated = 0
        i += 1
        while i < len(lines) and undated <= MAX_UNDATED_RUN:
            line = lines[i]
            if _is_header(line.text, vocab):
                break
            spot = line.dates[0] if line.dates else None
            if spot is not None and spot.start <= ROW_START:
                rest = line.text[spot.end:].strip(" |\t")
                first = re.split(r"[\s|]+", rest, maxsplit=1)[0].lower() if rest else ""
                rows.append(SollicitatieRow(spot.value, line, _by_bureau(line.text, column, vocab, header_has_sender),
                                            f"{spot.value.isoformat()}|{first}"))
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
    norm = re.compile(r"(?:minimaal|minstens|ten\s+minste|gemiddeld|maximaal)\s*$|^\s*(?:per|in\s+de\s+week)", re.I)
    found = []
    if pattern is None:
        return found
    for line in lines:
        for m in pattern.finditer(line.text):
            before, after = line.text[max(0, m.start() - 25):m.start()], line.text[m.end():m.end() + 12]
            if norm.search(before) or norm.search(after):
                continue
            value = _count_value(m.group(1), vocab) if m.groups() else None
            if value is not None:
                found.append((value, line))
    return found


def sollicitatie_events(audited: AuditedDocument, lines: Sequence[Line], vocab: Mapping) -> list[Event]:
    """Rows as dated events; counted sentences as one event with ``count`` at the document's date."""
    events = [Event("sollicitatie", r.day, None, r.line.evidence(), by_bureau=r.by_bureau)
              for r in sollicitatie_rows(lines, vocab)]
    for value, line in sollicitatie_counts(lines, vocab):
        events.append(Event("sollicitatie_aantal", audited.doc_date, None, line.evidence(), count=value))
    return events
