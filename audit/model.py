"""The data that crosses module borders: frozen dataclasses with provenance.

    path ──ingest──▶ Document ──segment──▶ [Section] ──classify──▶ [ComponentResult]
                                                              │
      [Finding] ◀──rules── Timeline + [DateFact, HoursFact] ◀──extract──┘
          │
          ▼
    DossierReport ──report.render(fmt)──▶ json · html · docx · csv · terminal

Every fact and finding carries where it was read: document, page (1-based, of the original
file) and a quote. Derive new values with ``dataclasses.replace``; nothing here is mutated.
This module imports nothing from ``audit``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

# --------------------------------------------------------------------------- reading

BlockKind = Literal["heading", "paragraph", "list_item", "table", "header", "footer"]
FURNITURE: frozenset[str] = frozenset({"header", "footer"})

DocFormat = Literal["pdf", "docx", "scan", "image", "text"]


@dataclass(frozen=True)
class Block:
    """One unit of text as the document shows it.

    ``rows`` holds a table's cells (``kind == "table"``); ``text`` is then the rows joined
    with " | " and newlines, so every block can be searched as text. ``pages`` lists every
    page a block spans (a table continued on the next page is one block).
    """

    kind: BlockKind
    text: str
    page: int
    bbox: tuple[float, float, float, float] | None = None  # x0, top, x1, bottom in pt
    font_size: float | None = None
    bold: bool = False
    style: str | None = None  # DOCX style name, e.g. "Heading 2"
    level: int | None = None  # heading level where the format says it
    numbering: str | None = None  # "2.1", "3.", "a)"
    rows: tuple[tuple[str, ...], ...] | None = None
    pages: tuple[int, ...] = ()
    confidence: float | None = None  # OCR mean word confidence, 0-100
    source: Literal["text", "ocr", "docx", "plain"] = "text"

    @property
    def is_furniture(self) -> bool:
        return self.kind in FURNITURE


@dataclass(frozen=True)
class Page:
    number: int  # 1-based, in the original file
    blocks: tuple[Block, ...]
    ocr: bool = False
    ocr_confidence: float | None = None
    skew_angle: float | None = None  # degrees corrected before OCR
    width: float | None = None  # pt
    height: float | None = None
    notes: tuple[str, ...] = ()  # per-page messages (Dutch): OCR timeout, low confidence, ...

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks if not b.is_furniture)


@dataclass(frozen=True)
class Document:
    """A document as read. ``error`` is a clear Dutch message when it could not be read
    (fully or partly); the document then still appears with what could be read."""

    path: str  # as shown in reports: relative to the dossier folder
    format: DocFormat
    pages: tuple[Page, ...] = ()
    error: str | None = None
    error_code: str | None = None  # encrypted | corrupt | empty | unsupported | too_large | ocr_unavailable | ...
    warnings: tuple[str, ...] = ()  # never-silent notes: stripped furniture, tracked deletions, ...
    sha256: str = ""
    part: int | None = None  # 1-based part of a bundled PDF
    page_range: tuple[int, int] | None = None  # first, last page in the original file

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.pages)

    @property
    def blocks(self) -> tuple[Block, ...]:
        return tuple(b for p in self.pages for b in p.blocks)


# --------------------------------------------------------------------------- understanding


@dataclass(frozen=True)
class Section:
    """A heading (or form label, or nothing for a paragraph window) and the blocks under it."""

    title: str | None
    blocks: tuple[Block, ...]
    level: int = 1
    kind: Literal["heading", "label", "window", "preamble"] = "heading"

    @property
    def page(self) -> int:
        return self.blocks[0].page if self.blocks else 1

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks if not b.is_furniture)


@dataclass(frozen=True)
class Evidence:
    document: str
    page: int
    quote: str


ComponentStatus = Literal["present", "weak", "missing", "not_applicable", "not_yet_due"]


@dataclass(frozen=True)
class ComponentResult:
    id: str  # fully qualified: "spoor2_plan.zoekprofiel"
    status: ComponentStatus
    evidence: tuple[Evidence, ...] = ()
    reason: str | None = None  # one Dutch sentence for weak / missing
    reason_en: str | None = None
    practice_norm: bool = False  # an (inference) item: a warning, not a legal rule


# --------------------------------------------------------------------------- facts


@dataclass(frozen=True)
class DateFact:
    value: date
    text: str  # as written, without "per" / "d.d."
    page: int
    quote: str
    end: date | None = None  # for a range "1 t/m 14 maart 2024"
    year_inferred: bool = False
    document: str = ""


@dataclass(frozen=True)
class WeekFact:
    """'week 42', 'in de 52e ziekteweek', 'na 6 weken'."""

    week: int
    kind: Literal["sick_leave", "calendar", "duration"]
    text: str
    page: int
    quote: str
    year: int | None = None  # for a calendar week
    document: str = ""
    end: int | None = None  # last week of a range: "week 46 tot en met 52"


HoursUnit = Literal["per_day", "per_week", "total"]
HoursRole = Literal["contract", "fml", "zoekprofiel", "worked", "wep"]


@dataclass(frozen=True)
class HoursStep:
    """One step of an urenopbouwschema: 'week 3-4: 3 x 3 uur'."""

    first_week: int
    last_week: int
    per_week: float
    open_ended: bool = False  # "vanaf week 5": last_week == first_week, and it lasts


@dataclass(frozen=True)
class HoursFact:
    value: float | None  # None with limit == "none" ("geen urenbeperking")
    unit: HoursUnit | None
    text: str
    page: int
    quote: str
    role: HoursRole | None = None
    limit: Literal["none"] | None = None
    low: float | None = None  # a range "4 à 6 uur"
    high: float | None = None
    steps: tuple[HoursStep, ...] = ()  # an urenopbouwschema
    document: str = ""

    @property
    def per_week(self) -> float | None:
        """Comparable figure: per day counts five days a week (corpus convention)."""
        if self.value is None or self.unit == "total":
            return None
        return self.value * 5 if self.unit == "per_day" else self.value


@dataclass(frozen=True)
class Event:
    event: str  # a doc_type key or a named moment: "spoor2_start", "sollicitatie", "wia_aanvraag", ...
    date: date | None
    week: int | None
    evidence: Evidence | None = None
    count: int | None = None  # "in deze periode 6 keer gesolliciteerd": 6 sollicitaties in one event
    until: date | None = None  # the end of a period ("looptijd traject 26-02-2024 t/m 01-11-2024")
    by_bureau: bool = False  # a sollicitatie sent by the re-integratiebureau / jobhunter


@dataclass(frozen=True)
class Timeline:
    first_sick_day: date | None
    events: tuple[Event, ...] = ()
    first_sick_day_evidence: tuple[Evidence, ...] = ()
    warnings: tuple[str, ...] = ()

    def week_of(self, day: date) -> int | None:
        """Sick-leave week: the first sick day is day 1 of week 1."""
        if self.first_sick_day is None:
            return None
        return (day - self.first_sick_day).days // 7 + 1


Severity = Literal["high", "medium", "low"]
SEVERITY_ORDER: dict[str, int] = {"high": 0, "medium": 1, "low": 2}


@dataclass(frozen=True)
class Finding:
    id: str  # "deadline.spoor2_start", "consistency.sollicitatie_gat", or a component id
    severity: Severity
    message: str  # Dutch, with the numbers
    evidence: tuple[Evidence, ...] = ()
    message_en: str | None = None
    rule: str | None = None  # registered versioned name, e.g. "deadline.spoor2_start.v1"
    source: str | None = None  # "Werkwijzer Poortwachter 4.3.1; [DOC-WW]"
    week: int | None = None
    document: str | None = None
    reading: str | None = None  # which reading was applied where sources disagree
    practice_norm: bool = False


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class AuditedDocument:
    document: Document
    doc_type: str = "overig"
    doc_type_confidence: float = 0.0
    sections: tuple[Section, ...] = ()
    dates: tuple[DateFact, ...] = ()
    weeks: tuple[WeekFact, ...] = ()
    hours: tuple[HoursFact, ...] = ()
    components: tuple[ComponentResult, ...] = ()
    doc_date: date | None = None  # the document's own date (signature / report date)


@dataclass(frozen=True)
class DossierReport:
    dossier: str
    documents: tuple[AuditedDocument, ...]
    timeline: Timeline
    components: tuple[ComponentResult, ...] = ()  # riv.*
    findings: tuple[Finding, ...] = ()
    peildatum: date | None = None
    warnings: tuple[str, ...] = ()
    versions: dict[str, str] = field(default_factory=dict)
