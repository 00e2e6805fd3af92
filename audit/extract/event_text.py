"""Lines of a document with the dates found in them, and cue words matched beside those dates.

The date extractor (``audit.extract.dates``) says *which* dates a document holds; this module
finds *where* each one stands (the line, the words before and after it), so that a label such
as "Eerste ziektedag" or a chronology row "Probleemanalyse | 12-04-2023" can be tied to its date.
The cue words come from ``checklists/data/events.yaml``; nothing Dutch lives here.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from audit.extract.lower_any import AnyScanner, any_scanner, compile_any  # noqa: F401  (re-exported, as below)
from audit.extract.lower_match import LowerTexts, Scanner, lower_twin, lowered, scanner  # noqa: F401
# (re-exported for the event modules, tests)
from audit.model import AuditedDocument, DateFact, Evidence

QUOTE_CHARS = 200
MAX_LINE = 2000  # chars; a table row or paragraph line is far shorter
# A label and its value may stand on two lines (OCR of a form): "Datum melding\n\n21-12-2023".
LABEL_ONLY_TAIL = re.compile(r"^[\s:|.\-_]*$")
# "05-06-2024 | Evaluatie | ...": the cue is the row's first cell after its date.
ROW_GAP = re.compile(r"^[\s|:\-–]{0,5}$")


@dataclass(frozen=True)
class DateSpot:
    start: int
    end: int
    value: date
    until: date | None = None  # the end of a range "26-02-2024 t/m 01-11-2024"


@dataclass(frozen=True)
class Line:
    document: str
    page: int
    text: str
    dates: tuple[DateSpot, ...] = ()
    index: int = 0  # position in the document, for "the next line"

    def evidence(self) -> Evidence:
        return Evidence(self.document, self.page, quote_of(self.text))

    def dates_after(self, pos: int) -> tuple[DateSpot, ...]:
        return self.dates[bisect_left(self.dates, pos, key=lambda d: d.start):]


@lru_cache(maxsize=1024)
def quote_of(text: str) -> str:
    """A line as quoted in evidence: spaces collapsed, at most QUOTE_CHARS (remembered by its
    text: a line that names several events is quoted once)."""
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"


def vocab_patterns(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Iterable) and not isinstance(value, Mapping):
        return tuple(str(v) for v in value)
    return ()


def matcher(vocab: Mapping, key: str) -> re.Pattern[str] | None:
    return compile_any(vocab_patterns(vocab.get(key)))


def scanner_of(vocab: Mapping, key: str) -> AnyScanner | None:
    """``matcher(vocab, key)`` as an AnyScanner (lowercase twins and needles, see lower_any), for
    scans line by line: the same spans, found faster."""
    return any_scanner(vocab_patterns(vocab.get(key)))


def _fact_texts(facts: Sequence[DateFact]) -> list[str]:
    return sorted({f.text for f in facts if f.text.strip()}, key=len, reverse=True)


def _fact_pattern(facts: Sequence[DateFact]) -> re.Pattern[str] | None:
    texts = _fact_texts(facts)
    if not texts:
        return None
    body = "|".join(re.escape(t) for t in texts)
    return re.compile(rf"(?<![\d\w])(?:{body})(?![\d])", re.IGNORECASE)


def _spots(text: str, pattern: re.Pattern[str] | None, by_text: Mapping[str, DateFact]) -> tuple[DateSpot, ...]:
    """The date texts in ``text``: ``pattern`` (``_fact_pattern``) scanned over it."""
    if pattern is None:
        return ()
    return _spots_of(pattern.finditer(text), by_text)


class DateTexts:
    """A document's date texts matched at an offset as ``_fact_pattern`` matches them there, in
    safe text, without compiling that pattern (a compile costs ~0.2 ms per document).

    For safe text and safe date texts (lower_match.SAFE_TEXT) the pattern's parts read: the
    lookbehind ``(?<![\\d\\w])`` no character before that ``isalnum()`` or is "_" (\\w, which
    holds every \\d); each date text, compared case-insensitively, lowercase equality one
    character for one; the lookahead ``(?![\\d])`` no ``isdecimal()`` character after. The
    alternatives go longest first, and where the lookahead fails the engine tries the next one:
    the first length whose lowered text stands there with no digit after wins. Date texts of one
    length that match there are equal in lowercase: the same span. ``exact``: all texts safe."""

    __slots__ = ("needles", "exact", "_lengths")

    def __init__(self, texts: Sequence[str]) -> None:
        self.needles = [lowered(t) for t in texts]
        self.exact = all(n is not None and "\n" not in n for n in self.needles)
        by_length: dict[int, set[str]] = {}
        for needle in self.needles if self.exact else ():
            by_length.setdefault(len(needle), set()).add(needle)
        self._lengths = sorted(by_length.items(), key=lambda item: -item[0])

    def end_at(self, text: str, lower: str, at: int) -> int | None:
        """Where the match of the pattern at ``at`` in ``text`` (lowered: ``lower``) ends; None
        where it finds none there."""
        if at and (text[at - 1].isalnum() or text[at - 1] == "_"):
            return None
        for length, needles in self._lengths:
            end = at + length
            if lower[at:end] in needles and (end == len(text) or not text[end].isdecimal()):
                return end
        return None


def _spots_at(text: str, lower: str, starts: Iterable[int], dates: DateTexts, by_text: Mapping[str, DateFact]
              ) -> tuple[DateSpot, ...]:
    """``_spots(text, ...)`` where a match can start only at ``starts`` (ascending): tried there
    alone (``DateTexts.end_at``), each after the end of the previous match, as ``finditer`` goes."""
    spots, cursor = [], 0
    for at in starts:
        if at >= cursor:
            end = dates.end_at(text, lower, at)
            if end is not None:
                cursor = end  # never at ``at``: a date text is not empty
                fact = by_text.get(lower[at:end])  # the match's text lowered
                if fact is not None:
                    spots.append(DateSpot(at, end, fact.value, fact.end))
    return tuple(spots)


def _spots_of(found: Iterable[re.Match[str]], by_text: Mapping[str, DateFact]) -> tuple[DateSpot, ...]:
    spots = []
    for m in found:
        fact = by_text.get(m.group(0).lower())
        if fact is not None:
            spots.append(DateSpot(m.start(), m.end(), fact.value, fact.end))
    return tuple(spots)


def date_starts(low: LowerTexts, dates: DateTexts) -> list[list[int] | None]:
    """Per text of ``low``, where a match of the date texts' ``_fact_pattern`` may start (None:
    anywhere).

    Speed only (``_document_lines`` scanned every line with the pattern, slow for a
    case-insensitive pattern that opens with a lookbehind). A match consumes one date text, each
    character compared case-insensitively; for a safe text and safe date texts (see
    lower_match.SAFE_TEXT) that is equality of lowercase characters, one for one, so a match
    starts where the lowered text holds a lowered date text. Unsafe: no promise."""
    if not dates.exact:
        return [None] * len(low.each)
    return low.starts(dates.needles)


_LINES_MEMO: dict[tuple[int, int], tuple[object, object, list]] = {}
_LINES_MEMO_SIZE = 64
# The lowered texts of the lists remembered above, by identity of the list (held, so its id is
# not reused while remembered); dropped with the list.
_LOWER_MEMO: dict[int, tuple[list, LowerTexts]] = {}


def document_lines(audited: AuditedDocument) -> list[Line]:
    """Every non-furniture text line, in reading order, with the dates that stand in it.

    Asked for three times per document (its date, the timeline, the rules): remembered for the
    last few documents, by identity of the document and its dates (the memo holds both, so an
    id cannot be reused while it is remembered). Callers must not change the list."""
    key = (id(audited.document), id(audited.dates))
    hit = _LINES_MEMO.get(key)
    if hit is not None and hit[0] is audited.document and hit[1] is audited.dates:
        return hit[2]
    lines, low = _document_lines(audited)
    if len(_LINES_MEMO) >= _LINES_MEMO_SIZE:
        dropped = _LINES_MEMO.pop(next(iter(_LINES_MEMO)))
        _LOWER_MEMO.pop(id(dropped[2]), None)
    _LINES_MEMO[key] = (audited.document, audited.dates, lines)
    _LOWER_MEMO[id(lines)] = (lines, low)
    return lines


def lower_lines(lines: Sequence[Line]) -> LowerTexts:
    """The lines' texts lowered (``lower_match.LowerTexts``): once per list of ``document_lines``,
    which no caller changes; for any other list, anew."""
    hit = _LOWER_MEMO.get(id(lines))
    if hit is None or hit[0] is not lines:
        return LowerTexts(line.text for line in lines)
    return hit[1]


def _document_lines(audited: AuditedDocument) -> tuple[list[Line], LowerTexts]:
    """The lines (``document_lines``) and their texts lowered (``lower_lines``), made together:
    the dates are found with the lowered texts."""
    facts = list(audited.dates)
    texts = _fact_texts(facts)
    by_text = {}
    for f in facts:
        by_text.setdefault(f.text.lower(), f)
    name = audited.document.path
    pieces: list[tuple[int, str]] = []
    for page in audited.document.pages:
        for block in page.blocks:
            if block.is_furniture:
                continue
            for raw in block.text.splitlines():
                pieces += [(block.page or page.number, piece) for piece in _pieces(raw) if piece.strip()]
    low = LowerTexts(text for _, text in pieces)
    dates = DateTexts(texts)
    starts = date_starts(low, dates) if texts else [()] * len(pieces)
    pattern = None  # compiled only for a text where DateTexts cannot tell
    lines = []
    for n, ((page_no, text), at) in enumerate(zip(pieces, starts)):
        if at is None:
            pattern = _fact_pattern(facts) if pattern is None else pattern
            spots = _spots(text, pattern, by_text)
        else:
            spots = _spots_at(text, low.each[n], at, dates, by_text) if at else ()
        lines.append(Line(name, page_no, text, spots, n))
    return lines, low


def _pieces(text: str) -> list[str]:
    """A line longer than MAX_LINE (text without newlines) is cut at spaces, so that the
    work per line stays bounded."""
    if len(text) <= MAX_LINE:
        return [text]
    pieces, start = [], 0
    while start < len(text):
        end = min(len(text), start + MAX_LINE)
        if end < len(text):
            cut = text.rfind(" ", start + MAX_LINE // 2, end)
            end = cut + 1 if cut > start else end
        pieces.append(text[start:end])
        start = end
    return pieces


def lines_with(lines: Sequence[Line], scan: Scanner | AnyScanner) -> Iterator[int]:
    """The indices of the lines where ``scan`` finds something, in order."""
    low = lower_lines(lines)
    for i in low.worth(scan):
        if scan.search(lines[i].text, low.each[i]) is not None:
            yield i


@dataclass(frozen=True)
class CueHit:
    """A cue word in a line and the date(s) that belong to it."""

    key: str
    line: Line
    start: int
    end: int
    dates: tuple[DateSpot, ...]


def label_dates(lines: Sequence[Line], i: int, end: int, *, all_dates: bool = False,
                stop: int | None = None) -> tuple[DateSpot, ...]:
    """The date(s) after a label that ends at ``end`` in line ``i``: on the same line before
    ``stop`` (the next cue), or on the next line when the label ends its line."""
    line = lines[i]
    after = [d for d in line.dates_after(end) if stop is None or d.start < stop]
    if after:
        between = line.text[end:after[0].start]
        if len(between) <= 60:
            return tuple(after) if all_dates else (after[0],)
        return ()
    if stop is None and LABEL_ONLY_TAIL.match(line.text[end:]) and i + 1 < len(lines):
        nxt = lines[i + 1]
        if nxt.dates and nxt.dates[0].start <= 3:
            return tuple(nxt.dates) if all_dates else (nxt.dates[0],)
    return ()


def _longest_first(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Of overlapping cue matches keep the longest ("evaluatie plan van aanpak" over "plan van
    aanpak"); one sweep in text order."""
    kept: list[tuple[int, int, str]] = []
    for start, end, key in sorted(found, key=lambda f: (f[0], -(f[1] - f[0]))):
        if kept and start < kept[-1][1]:
            if end - start > kept[-1][1] - kept[-1][0]:
                kept[-1] = (start, end, key)
            continue
        kept.append((start, end, key))
    return kept


def dated_rows(lines: Sequence[Line]) -> set[int]:
    """The lines a cue can take a date from: dated ones and those just before a dated line."""
    rows = {i for i, line in enumerate(lines) if line.dates}
    return rows | {i - 1 for i in rows if i > 0}


def cue_hits(lines: Sequence[Line], cues: Mapping[str, Sequence[str]], *,
             multi: frozenset[str] = frozenset()) -> list[CueHit]:
    """Each cue in each dated line with its date: the date right after the cue (a label or a
    chronology row "Probleemanalyse | 12-04-2023"), else the date that opens the row
    ("12-03-2024 | Evaluatie plan van aanpak"). Where cues overlap the longest wins."""
    scanners = [(k, s) for k, s in ((k, any_scanner(tuple(v))) for k, v in cues.items()) if s is not None]
    low = lower_lines(lines)
    rows = dated_rows(lines)
    # Cue by cue over the lines it may match in (not line by line over every cue): each line's
    # matches still come in the order of the cues, so the sweep below keeps the same ones.
    found_at: dict[int, list[tuple[int, int, str]]] = {}
    for key, scan in scanners:
        for i in low.worth(scan):
            if i not in rows:
                continue
            for m in scan.finditer(lines[i].text, low.each[i]):
                start, end = m.span()
                if end > start:
                    found_at.setdefault(i, []).append((start, end, key))
    hits: list[CueHit] = []
    for i in sorted(found_at):
        line, found = lines[i], found_at[i]
        kept = _longest_first(found)
        for n, (start, end, key) in enumerate(kept):
            stop = kept[n + 1][0] if n + 1 < len(kept) else None
            opens_row = bool(line.dates) and line.dates[0].start <= 3 and line.dates[0].end <= start
            first_cell = opens_row and ROW_GAP.match(line.text[line.dates[0].end:start]) is not None
            if opens_row and (first_cell or not line.dates_after(end)):
                dates = (line.dates[0],)  # a row that opens with its date: "12-03-2024 | Evaluatie"
            else:
                dates = label_dates(lines, i, end, all_dates=key in multi, stop=stop)
            if dates:
                hits.append(CueHit(key, line, start, end, dates))
    return hits


# A clause ends at a semicolon, a table cell or a sentence's full stop (not the dots of 01.02.2024);
# in a row dated in its first cell, the cells after the cue still describe it.
CLAUSE_END = re.compile(r"[;|]|\.(?:\s|$)")
SENTENCE_END = re.compile(r";|\.(?:\s|$)")


# After a start's own date, words this far on still speak of the start ("... op 01-02-2024 besproken").
AFTER_OWN_DATE = 15


def clause_of(hit: CueHit, row_date: bool) -> str:
    """The clause around a cue: "Evaluatiegesprek; start tweede spoor voorbereid" gives the
    part after the semicolon; a row "25-01-2024 | Start tweede spoor | besproken" its cells
    from the cue on. With the cue's own date ("Het traject is gestart op 01-02-2024 en
    het zoekprofiel is besproken") the clause ends shortly after that date."""
    text = hit.line.text
    starts = [m.end() for m in CLAUSE_END.finditer(text, 0, hit.start)]
    end = (SENTENCE_END if row_date else CLAUSE_END).search(text, hit.end)
    stop = end.start() if end else len(text)
    if not row_date:
        stop = min(stop, max(hit.end, hit.dates[-1].end + AFTER_OWN_DATE))
    return text[starts[-1] if starts else 0: stop]


@lru_cache(maxsize=512)
def compile_lower(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """``compile_any(patterns)`` without IGNORECASE, for ``lowered`` text; None where the patterns
    use anything whose case-insensitive meaning lowercase matching might not keep."""
    if not patterns:
        return None
    return lower_twin(compile_any(patterns))
