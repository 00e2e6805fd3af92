"""Each document's own date: a label of its own kind ("Datum probleemanalyse"), a generic
report-date label, the signature block, a letter heading ("Raalte, 15-11-2023"), the date of the
agreement an unlabelled plan records ("Op 1 juni hebben wij ... afgesproken"), and only then the
latest plain date on page 1. Cue words: ``checklists/data/events.yaml``.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache

from audit.checklist import Checklists
from audit.extract.event_text import (Line, any_scanner, compile_any, document_lines, label_dates, lower_lines,
                                      scanner_of, vocab_patterns)
from audit.model import AuditedDocument


@lru_cache(maxsize=1)
def _bundled() -> Checklists:
    from audit.checklist import load_checklists
    return load_checklists()


def event_vocab(checklists: Checklists | None) -> Mapping:
    """The event vocabulary; without checklists (``document_date(audited)``), the bundled set."""
    return (checklists or _bundled()).vocab.get("events", {})


def _dated_here_or_next(lines: Sequence[Line], i: int) -> bool:
    return bool(lines[i].dates) or (i + 1 < len(lines) and bool(lines[i + 1].dates))


def labelled_dates(lines: Sequence[Line], labels: object) -> list[tuple[date, Line]]:
    """Each date after one of the ``labels`` (the vocabulary's patterns)."""
    found = []
    scan = any_scanner(vocab_patterns(labels))  # the spans of compile_any, found faster (see lower_any)
    if scan is None:
        return found
    low = lower_lines(lines)
    for i in low.worth(scan):
        if not _dated_here_or_next(lines, i):
            continue  # label_dates would find nothing: skip the pattern scan
        for m in scan.finditer(lines[i].text, low.each[i]):
            dates = label_dates(lines, i, m.end())
            if not dates:
                continue
            found.append((dates[0].value, _label_line(lines, i, dates[0])))
    return found


def _label_line(lines: Sequence[Line], i: int, spot) -> Line:
    """The line that shows a label's date; a label and a value on two lines (a form read by
    OCR) are quoted together: "Datum melding 21-12-2023"."""
    line = lines[i]
    if spot in line.dates:
        return line
    value = lines[i + 1]
    return replace(value, text=f"{line.text.strip()} {value.text.strip()}", dates=())


def _signature_dates(lines: Sequence[Line], vocab: Mapping) -> list[tuple[date, Line]]:
    scan = scanner_of(vocab, "signature_date_label")
    cues = scanner_of(vocab, "signature_cues")
    found = []
    if scan is None:
        return found
    low = lower_lines(lines)
    for i in low.worth(scan):
        if not _dated_here_or_next(lines, i):
            continue
        for m in scan.finditer(lines[i].text, low.each[i]):
            dates = label_dates(lines, i, m.end())
            if not dates:
                continue
            near = " ".join(x.text for x in lines[max(0, i - 3): i + 4])
            if cues is None or cues.found(near):
                found.append((dates[0].value, _label_line(lines, i, dates[0])))
    return found


def _letter_date(lines: Sequence[Line], vocab: Mapping) -> list[tuple[date, Line]]:
    pattern = compile_any(vocab_patterns(vocab.get("letter_place_date")))
    if pattern is None:
        return []
    for line in lines[:12]:
        if line.dates and pattern.match(line.text[: line.dates[0].start]):
            return [(line.dates[0].value, line)]
    return []


def _page_one_dates(lines: Sequence[Line], vocab: Mapping) -> list[tuple[date, Line]]:
    excluded = scanner_of(vocab, "not_document_date")
    first_page = min((line.page for line in lines), default=1)
    found = []
    for line in lines:
        if line.page != first_page:
            break
        for spot in line.dates:
            before = line.text[max(0, spot.start - 50):spot.start]
            if excluded is None or not excluded.found(before):
                found.append((spot.value, line))
    return found


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?:]\s+)(?:op|per|d\.?d\.?)?\s*(?:\w+dag\s+)?$", re.IGNORECASE)
_AUXILIARY = re.compile(r"^[\s,]*(?:hebben|heeft|hadden|had|is|zijn|werd|werden)\b", re.IGNORECASE)


def _act_dates(lines: Sequence[Line], acts: object) -> list[tuple[date, Line]]:
    """'Op 1 juni 2024 hebben Anouk en ik ... afgesproken': the date a sentence opens with, before
    an auxiliary and an agreement verb, is the date of the agreement the document records. A date
    inside the sentence ('het gesprek is op 15 juli afgesproken') is a planned moment, not this one."""
    pattern = compile_any(vocab_patterns(acts))
    if pattern is None:
        return []
    found = []
    for line in lines:
        for spot in line.dates:
            after = line.text[spot.end:spot.end + 200]
            if not _AUXILIARY.match(after):
                continue  # nor in the sentence, ``after`` up to its end: a [.!?] is no word character
            end = _SENTENCE_END.search(after)
            sentence = after[:end.start()] if end else after
            if _OPENS_SENTENCE.search(line.text[:spot.start]) and _AUXILIARY.match(sentence) and pattern.search(sentence):
                found.append((spot.value, line))
    return found


def dated_document(audited: AuditedDocument, checklists: Checklists | None = None,
                   lines: Sequence[Line] | None = None) -> tuple[date, Line] | None:
    """The document's own date and the line that shows it, best source first: a label of the
    document's own kind ("Datum probleemanalyse"), a generic report-date label, the signature
    block, a letter heading ("Raalte, 15-11-2023"), and only then the latest plain date on page 1."""
    found = dating(audited, checklists, lines)
    return found[1:] if found else None


_DATING_MEMO: dict[tuple[int, str, int], tuple[Sequence[Line], Mapping, object]] = {}
_DATING_MEMO_SIZE = 64


def dating(audited: AuditedDocument, checklists: Checklists | None,
           lines: Sequence[Line] | None) -> tuple[bool, date, Line] | None:
    """``dated_document`` and whether the date is marked as the document's own (a label, a
    signature, a letter heading) rather than the page-1 fallback.

    A function of the lines, the document type and the vocabulary alone; asked for twice per
    document (its date, then the timeline), so remembered for the last few by identity of the
    lines list and the vocabulary (the memo holds both: an id is not reused while remembered)."""
    vocab = event_vocab(checklists)
    lines = document_lines(audited) if lines is None else lines
    key = (id(lines), audited.doc_type, id(vocab))
    hit = _DATING_MEMO.get(key)
    if hit is not None and hit[0] is lines and hit[1] is vocab:
        return hit[2]  # type: ignore[return-value]
    found = _dating(audited.doc_type, lines, vocab)
    if len(_DATING_MEMO) >= _DATING_MEMO_SIZE:
        _DATING_MEMO.pop(next(iter(_DATING_MEMO)))
    _DATING_MEMO[key] = (lines, vocab, found)
    return found


def _dating(doc_type: str, lines: Sequence[Line], vocab: Mapping) -> tuple[bool, date, Line] | None:
    labels = vocab.get("document_date_labels", {}) or {}
    steps = (
        lambda: labelled_dates(lines, labels.get(doc_type)),
        lambda: labelled_dates(lines, labels.get("generic")),
        lambda: _signature_dates(lines, vocab),
        lambda: _letter_date(lines, vocab),
        lambda: _act_dates(lines, (vocab.get("document_date_acts") or {}).get(doc_type)),
        lambda: _page_one_dates(lines, vocab),
    )
    for n, step in enumerate(steps):
        found = step()
        if found:
            return (n < len(steps) - 1, *max(found, key=lambda f: f[0]))
    return None


def document_date(audited: AuditedDocument, checklists: Checklists | None = None) -> date | None:
    """The report or signature date of one document (not the older dates it cites)."""
    if not audited.dates:
        return None
    found = dated_document(audited, checklists)
    return found[0] if found else None
