"""Title lines of a page and the document type their title names (audit.classify, audit.split).

A page's first lines, each weighted by how high it stands, are matched fuzzily (rapidfuzz: scans
carry OCR noise) against the title cues of ``checklists/doc_types.yaml``; a short cue (FML, IZP)
must stand as a whole word, and a cue in the middle of a sentence or after 'bijlage bij het' is a
mention of another document, not the title.

    page blocks ──top_lines──▶ [Line] ──title_scores──▶ {type: best weighted title match}
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq

from audit.model import Block, Page

if TYPE_CHECKING:
    from audit.classify import Settings

MEMO_SIZE = 4096  # title lines remembered per loaded checklists
_LEADING_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)*|[ivx]+|[a-z])[.)]\s+", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[•·▪◦‣]|[*\-–—o]\s)")  # Word's list bullets, 'o ' included
_OPENING_SENTENCE = re.compile(r"^\s*((?:\S+\s+){1,7}\S+?)[.:](?=\s+[A-Z])")  # at most eight words, then a new sentence
_LINE_BREAKS = re.compile(r"[\n\t]+")
# a hyphen between word characters: '(?<=\w)-(?=\w)' with the literal first, so that the search
# jumps from hyphen to hyphen instead of testing a look-behind at every position (10x faster)
_JOINED_HYPHEN = re.compile(r"-(?<=\w-)(?=\w)")
# What normalise keeps of ASCII text: digits, letters, '/' and the space; all else becomes a space.
_KEPT = frozenset("0123456789abcdefghijklmnopqrstuvwxyz/ ")
_TO_SPACE = str.maketrans({chr(i): " " for i in range(128) if chr(i) not in _KEPT})
# letterhead contact lines: e-mail, web address, postcode ('1234 AB'), phone number
_CONTACT = re.compile(r"@|\bwww\.|https?:|\b\d{4} ?[A-Z]{2}\b|(?:\d[\s-]?){9,}")
# _CONTACT's alternatives one by one, each tried only where the literal it needs stands: a search
# of the whole alternation tries every alternative at every position (issue 3, speed only).
_WEB = re.compile(r"\bwww\.|https?:")
_DIGIT = re.compile(r"\d")
_FOUR_DIGITS = re.compile(r"\d{4}")
# each opens with a digit, so the engine jumps from digit to digit ('\b' or a group first made it
# try every position): '\b\d{4} ?[A-Z]{2}\b' and, as a yes/no, '(?:\d[\s-]?){9,}'
_POSTCODE = re.compile(r"\d(?<!\w\d)\d{3} ?[A-Z]{2}\b")
_PHONE = re.compile(r"\d(?:[\s-]?\d){8}")


# --------------------------------------------------------------------------- text


def normalise(text: str) -> str:
    """Lower case, accents off, hyphens joined ('re-integratie' = 'reintegratie'), punctuation
    to spaces: one spelling for the many an author (or OCR) may use."""
    if not text.isascii():  # NFKD and the ASCII filter leave ASCII text as it is
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = text.lower()
    if "-" in text:  # the only hyphen left in ASCII text
        text = _JOINED_HYPHEN.sub("", text)
    return " ".join(text.translate(_TO_SPACE).split())


def is_contact(raw: str) -> bool:
    """A letterhead's contact line (the same answer as ``_CONTACT.search``)."""
    if "@" in raw:
        return True
    if ("www." in raw or "http" in raw) and _WEB.search(raw):
        return True
    if not _DIGIT.search(raw):
        return False
    if _FOUR_DIGITS.search(raw) and _POSTCODE.search(raw):
        return True
    return len(_DIGIT.findall(raw)) >= 9 and bool(_PHONE.search(raw))  # a phone number has nine digits


@dataclass(frozen=True)
class Line:
    text: str  # normalised
    weight: float  # position and furniture weight, 0..1
    subject: bool = False  # a letter's subject line ("Betreft: ..."): its rest is no field value


@dataclass(frozen=True)
class Cue:
    doc_type: str
    text: str  # normalised
    exact: bool  # a short cue (FML, IZP) must be a whole word

    @property
    def digits(self) -> tuple[str, ...]:
        """'2e spoor' is no '1e spoor': a fuzzy match may slip a letter, never a number."""
        return tuple(re.findall(r"\d+", self.text))


# --------------------------------------------------------------------------- lines of a page


def block_lines(blocks: Iterable[Block], table_heads: bool = False) -> list[tuple[str, bool]]:
    """(raw line, is furniture) in reading order. Tables are data, not titles, except, with
    ``table_heads``, the cells of a table's first row (a form whose title sits in its
    header table)."""
    return list(iter_block_lines(blocks, table_heads))


def iter_block_lines(blocks: Iterable[Block], table_heads: bool = False) -> Iterator[tuple[str, bool]]:
    """``block_lines`` one at a time: the title lines are the first few, the rest is not split."""
    for block in blocks:
        if block.kind == "table":
            if table_heads and block.rows:
                yield from ((cell.strip(), block.is_furniture) for cell in block.rows[0] if cell.strip())
            continue
        for raw in _LINE_BREAKS.split(block.text):
            if raw.strip():
                yield raw.strip(), block.is_furniture


def top_lines(blocks: Iterable[Block], settings: Settings, count: int | None = None) -> list[Line]:
    """The first lines of a page, each weighted by how high it stands. Page numbers and short
    label cells ('wn', 'pagina 1') take no place: a title below them is still the title.
    (The first n lines do not depend on ``count`` >= n: callers wanting two counts take one.)"""
    count = int(count or settings["title_lines"])
    out: list[Line] = []
    for raw, furniture in iter_block_lines((b for b in blocks if b.kind != "list_item"), table_heads=True):
        if _BULLET.match(raw):
            continue  # a list item is never a title
        full = normalise(_LEADING_NUMBER.sub("", raw))
        if len(full) > settings["title_max_chars"] and not out:
            # a note that opens its first paragraph with its title ('Aanpassing van ons plan van aanpak. Na ...')
            opening = _OPENING_SENTENCE.match(raw)
            full = normalise(opening.group(1)) if opening else full
        text = _strip_prefix(full, settings)
        if not text or len(text) > settings["title_max_chars"] or is_noise(text, settings):
            continue  # a paragraph of prose is no title, and fuzzy matching it costs time
        if is_contact(raw):
            # a letterhead's address is never a title; asked last, as it costs most on a long line
            # and a line skipped above is skipped all the same (issue 3, speed only)
            continue
        # a letter's subject line names the document wherever the letterhead pushes it
        weight = 1.0 if text != full else max(0.0, 1.0 - settings["line_decay"] * len(out))
        out.append(Line(text, weight * (settings["header_weight"] if furniture else 1.0), text != full))
        if len(out) >= count:
            break
    return out


def is_noise(text: str, settings: Settings) -> bool:
    """A page number ('pagina 1 van 3'), a bare number or date, or a short label ('wn', 'bsn')
    that is no title abbreviation itself."""
    words = text.split()
    if not any(ch.isalpha() for ch in text):
        return True
    if words[0] in settings.page_words and all(w.isdigit() or len(w) <= 3 for w in words[1:]):
        return True
    return len(text) <= settings["noise_max_chars"] and not any(
        cue.exact and cue.text == text for cue in settings.title_cues)


def page_title_blocks(page: Page, settings: Settings) -> tuple[Block, ...]:
    """The page's blocks top-down by position where the reader gave one (a PDF's block order
    may put table rows or a footer before the title), without those in the footer band."""
    blocks = page.blocks
    if not blocks or any(b.bbox is None for b in blocks):
        return blocks
    limit = (page.height or 0) * settings["footer_band"]
    kept = [b for b in blocks if not limit or b.bbox[1] < limit]
    return tuple(sorted(kept or blocks, key=lambda b: (round(b.bbox[1]), b.bbox[0])))


def _strip_prefix(text: str, settings: Settings) -> str:
    """'betreft probleemanalyse ...' -> 'probleemanalyse ...'; one OCR slip in the prefix
    ('betrefi') is allowed."""
    first, _, rest = text.partition(" ")
    if rest and any(fuzz.ratio(first, p) >= settings["prefix_fuzzy_min"] for p in settings.prefixes):
        return rest
    return text


# --------------------------------------------------------------------------- titles


def _is_field(rest: str, settings: Settings) -> bool:
    """'Eerstejaarsevaluatie 30-05-2024' in a header block is a field with a date, not a title;
    'Voortgangsrapportage 2' is a title."""
    return sum(ch.isdigit() for ch in rest) >= settings["field_value_digits"]


def cue_quality(line: str, cue: Cue, settings: Settings, subject: bool = False) -> float:
    """1.0 for the cue at the start of the line, less in the middle or as a field label,
    0 when absent."""
    words = line.split()
    if len(cue.text) < settings["whole_line_below_chars"]:
        return 1.0 if line == cue.text else 0.0
    if cue.exact:
        if cue.text in words[:1]:
            return settings["mid_line_factor"] if _is_field(line[len(cue.text):], settings) and not subject else 1.0
        if cue.text not in words:
            return 0.0
        before, _, after = f" {line} ".partition(f" {cue.text} ")
        if refers_to_other(before, settings) or _is_field(after, settings):
            return 0.0  # 'toelichting bij de FML', 'datum FML 12-03-2024': about another document
        return _mid_line(words, settings)
    head = fuzz.ratio(cue.text, line[: len(cue.text)])
    if head >= settings["fuzzy_min"] and _same_digits(line[: len(cue.text)], cue) and _short_words_in(line, cue):
        label = _is_field(line[len(cue.text):], settings) and not subject
        return head / 100 * (settings["mid_line_factor"] if label else 1.0)
    if len(line) < len(cue.text):
        return 0.0  # partial_ratio would fit a short line ('en') inside the cue instead
    found = fuzz.partial_ratio_alignment(cue.text, line, score_cutoff=settings["fuzzy_min"])
    if found is None or (found.dest_start > 0 and line[found.dest_start - 1] != " "):
        return 0.0
    if not _ends_word(line, found.dest_end) or not _same_digits(line[found.dest_start:found.dest_end], cue):
        return 0.0  # 'ad-rapport' inside 'rapportage ...': part of another word
    if refers_to_other(line[: found.dest_start], settings):
        return 0.0  # 'ten behoeve van het re-integratieverslag': about another document
    return found.score / 100 * _mid_line(words, settings)


def _mid_line(words: Sequence[str], settings: Settings) -> float:
    """A cue inside a sentence ('bijgaand ontvangt u de probleemanalyse en ...') is a mention;
    a title line is short."""
    return settings["mid_line_factor"] if len(words) <= settings["mid_line_max_words"] else 0.0


def _same_digits(span: str, cue: Cue) -> bool:
    digits = re.findall(r"\d+", span)
    return not cue.digits or not digits or tuple(digits) == cue.digits


def _short_words_in(line: str, cue: Cue) -> bool:
    """A cue's tiny words ('ad rapportage', '2e spoor') cost a fuzzy ratio little: they must be
    there as words ('rapportage' alone is no AD-rapport)."""
    words = line.split()
    return all(w in words for w in cue.text.split() if len(w) <= 2)


def _ends_word(line: str, end: int) -> bool:
    """A match ends at a word's end; one letter more is an OCR slip or an inflection."""
    rest = line[end:].split(" ", 1)[0]
    return len(rest) <= 1


def strip_report_noun(line: str, settings: Settings) -> str:
    """'rapportage pa' -> 'pa', 'verslag van het evaluatiegesprek' -> 'evaluatiegesprek': the
    document's subject after the (longest) report noun it opens with; '' when there is none."""
    nouns, noun = settings.report_nouns, ""
    # a noun followed by a space ends where the line has one: try only those prefixes (the
    # longest found wins), not every noun with ``startswith``
    end, longest = line.find(" "), _longest(nouns)
    while 0 <= end <= longest:
        if line[:end] in nouns:
            noun = line[:end]
        end = line.find(" ", end + 1)
    rest = line[len(noun):].split() if noun else []
    while len(rest) > 1 and rest[0] in settings.articles:
        rest = rest[1:]
    return " ".join(rest)


@lru_cache(maxsize=8)
def _longest(words: frozenset[str]) -> int:
    return max(map(len, words), default=-1)


def refers_to_other(before: str, settings: Settings) -> bool:
    """The words before a mid-line cue make it a reference ('bijlage bij het ...', 'volgens
    de ...'), not the document's own title; unless the line opens with a report noun
    ('Verslag van het evaluatiegesprek' is the evaluation's own title)."""
    words = before.split()
    if words and words[0] in settings.report_nouns:
        return False
    while words and words[-1] in settings.articles:
        words.pop()
    return bool(words) and words[-1] in settings.reference_words


def line_title(line: str, settings: Settings, subject: bool = False,
               near: Mapping[str, Sequence[int]] | None = None) -> tuple[str, float] | None:
    """The type whose title cue fits this line best; a longer cue wins a near tie
    ('bijstelling plan van aanpak' over 'plan van aanpak'). ``near``: prefilter rows already
    computed for several lines at once (``prefilter``)."""
    key = (line, subject)
    if key not in settings.memo:
        if len(settings.memo) > MEMO_SIZE:
            settings.memo.clear()
        settings.memo[key] = _best_title(line, settings, subject, near or {})
    return settings.memo[key]


def _variants(line: str, settings: Settings) -> list[str]:
    """The line itself and its subject after a report noun ('Rapportage PA')."""
    return [text for text in dict.fromkeys((line, strip_report_noun(line, settings))) if text]


def _best_title(line: str, settings: Settings, subject: bool,
                near: Mapping[str, Sequence[int]]) -> tuple[str, float] | None:
    found = [best for text in _variants(line, settings)
             for best in (_best_cue(text, settings, subject, near.get(text)),) if best]
    if not found:
        return None
    _, doc_type, quality = max(found)
    return doc_type, quality


class CueBound:
    """A bound that lets a title line skip the cues it cannot match, cheaper than comparing it with each.

    A fuzzy cue (length m) scores ``fuzzy_min`` (T) in ``cue_quality`` only where some stretch w of the
    line has ratio(cue, w) = 200 * LCS(cue, w) / (m + |w|) >= T: the head of the line, the partial
    alignment, or the whole of a line shorter than the cue; in a line of more than ``mid_line_max_words``
    words only the head (a mid-line cue counts for nothing there). With |w| >= LCS that needs
    LCS(cue, w) >= T * m / (200 - T), and a stretch of the line shares no longer common subsequence
    with the cue than the whole line does (the head of a long line: its first ``longest`` letters).
    One C pass (``process.cdist``, bit-parallel LCS) gives that length for every line and cue; the cues
    left are compared as ``cue_quality`` starts (the head, the partial alignment, or the whole short
    line) and only those reaching T pass (issue 3: comparing every line with all 195 cues cost a fifth
    of the audit; a letter-pair count bound before this one passed three times as many cues at seven
    times the cost). A hundredth of a point of slack keeps rounding from dropping a cue that fits."""

    def __init__(self, cues: Sequence[Cue], fuzzy_min: float, long_line_words: int):
        self.cutoff = fuzzy_min - 0.01
        self.long_line_words = long_line_words
        self.cues = tuple(cue.text for cue in cues)
        self.longest = max(map(len, self.cues), default=0)
        self.fuzzy = np.array([not cue.exact for cue in cues], dtype=bool)
        self.need = np.array([self.cutoff * len(cue) / (200 - self.cutoff) - 1e-6 for cue in self.cues])

    def rows(self, texts: Sequence[str]) -> list[list[int]]:
        """Per text, the rows of the fuzzy cues it may match (the exact cues are always looked at)."""
        if not texts or not self.cues:
            return [[] for _ in texts]
        long = [len(text.split()) > self.long_line_words for text in texts]
        heads = [text[: self.longest] if is_long else text for text, is_long in zip(texts, long)]
        common = process.cdist(heads, self.cues, scorer=LCSseq.similarity, dtype=np.int32)
        maybe = (common >= self.need) & self.fuzzy
        out = []
        for text, is_long, candidates in zip(texts, long, maybe):
            passed = []
            for col in np.flatnonzero(candidates).tolist():
                cue = self.cues[col]
                if is_long or len(text) < len(cue):
                    score = fuzz.ratio(cue, text[: len(cue)], score_cutoff=self.cutoff)
                else:
                    score = fuzz.partial_ratio(cue, text, score_cutoff=self.cutoff)
                if score:
                    passed.append(col)
            out.append(passed)
        return out


def prefilter(texts: Sequence[str], settings: Settings) -> list[list[int]]:
    """Per text, the rows of the fuzzy cues that may fit it (``CueBound``): the others score 0 in
    ``cue_quality`` for sure and are skipped."""
    return settings.cue_bound.rows(texts)


def _best_cue(line: str, settings: Settings, subject: bool,
              near: Sequence[int] | None = None) -> tuple[float, str, float] | None:
    best: tuple[float, str, float] | None = None
    if near is None:
        near = prefilter([line], settings)[0]
    # the cues the prefilter passed, and the exact ones standing as a word of the line (an exact cue
    # scores 0 elsewhere in ``cue_quality``), in the cues' order (a tie keeps the first): a loop over
    # all cues in Python cost as much as comparing them all in C (issue 3, speed only)
    words = set(line.split())
    exact = [row for row in settings.exact_rows if settings.title_cues[row].text in words]
    for row in sorted({*near, *exact}):
        cue = settings.title_cues[row]
        quality = cue_quality(line, cue, settings, subject)
        if quality <= 0:
            continue
        rank = quality + 0.01 * len(cue.text)
        if best is None or rank > best[0]:
            best = (rank, cue.doc_type, quality)
    return best


def title_scores(lines: Sequence[Line], settings: Settings) -> dict[str, float]:
    """Per type the best weighted title match over the top lines."""
    scores: dict[str, float] = {}
    pending = list(dict.fromkeys(text for line in lines if (line.text, line.subject) not in settings.memo
                                 for text in _variants(line.text, settings)))
    near = dict(zip(pending, prefilter(pending, settings))) if len(pending) > 1 else {}
    for line in lines:
        found = line_title(line.text, settings, line.subject, near)
        if found:
            doc_type, quality = found
            scores[doc_type] = max(scores.get(doc_type, 0.0), quality * line.weight)
    return scores
