"""The neutral description of a sample document, and the truth derived from it.

A document is a list of elements (headings, paragraphs, label tables, tables, signatures).
The renderers turn it into PDF, DOCX or a scan; the truth (expected.json) is written from
the same object: every labelled date and hour is recorded by the call that puts it in the
text, so text and truth cannot drift.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")


# --------------------------------------------------------------------------- date forms

def long(d: date) -> str:
    """12 maart 2024"""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def dmy(d: date) -> str:
    """12-03-2024"""
    return f"{d.day:02d}-{d.month:02d}-{d.year}"


def dmy1(d: date) -> str:
    """12-3-2024"""
    return f"{d.day}-{d.month}-{d.year}"


def dmy_short(d: date) -> str:
    """12-3-24"""
    return f"{d.day}-{d.month}-{d.year % 100:02d}"


def iso(d: date) -> str:
    return d.isoformat()


def week_of(first_sick_day: date, day: date) -> int:
    """Corpus convention: the first sick day is day 1 of week 1."""
    return (day - first_sick_day).days // 7 + 1


# --------------------------------------------------------------------------- elements

@dataclass(frozen=True)
class H:
    text: str
    level: int = 1


@dataclass(frozen=True)
class P:
    text: str


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class KV:
    """A form-like table of label / value rows."""
    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()  # fractions of the text width


@dataclass(frozen=True)
class Sig:
    """Signature block: (role, name, date text, signed?)."""
    parties: tuple[tuple[str, str, str, bool], ...]


Element = H | P | Bullets | KV | Table | Sig


def element_text(e: Element) -> str:
    if isinstance(e, (H, P)):
        return e.text
    if isinstance(e, Bullets):
        return "\n".join(e.items)
    if isinstance(e, KV):
        return "\n".join(f"{k} {v}" for k, v in e.rows)
    if isinstance(e, Table):
        return "\n".join(" ".join(r) for r in (e.header, *e.rows))
    return "\n".join(f"{role} {name} {when}" for role, name, when, _ in e.parties)


# --------------------------------------------------------------------------- documents

@dataclass
class Doc:
    filename: str
    doc_type: str
    fmt: str  # pdf | docx | scan
    title: str
    header: str | None = None  # running header (PDF/DOCX)
    footer: str | None = None  # running footer; "Pagina x van y" is added to PDFs
    headings: bool = True  # DOCX: heading styles (True) or bold prose (False)
    body: list[Element] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    dates: list[tuple[str, date]] = field(default_factory=list)
    hours: list[tuple[str, float, str]] = field(default_factory=list)
    skew: float = 2.0  # scans: degrees
    seed: int = 1

    def date(self, day: date, form=dmy) -> str:
        """The date as written, recorded as one of the document's important dates."""
        text = form(day)
        if (text, day) not in self.dates:
            self.dates.append((text, day))
        return text

    def hour(self, text: str, value: float, unit: str) -> str:
        """An hour figure as written, recorded (each distinct text once)."""
        if all(t != text for t, _, _ in self.hours):
            self.hours.append((text, value, unit))
        return text

    def add(self, *elements: Element) -> Doc:
        self.body.extend(elements)
        return self

    def plain_text(self) -> str:
        parts = [self.title, self.header or "", self.footer or ""]
        return "\n".join(parts + [element_text(e) for e in self.body])

    def truth(self) -> dict:
        return {
            "doc_type": self.doc_type,
            "format": self.fmt,
            "components_present": list(self.present),
            "components_missing": list(self.missing),
            "dates": [{"text": t, "value": d.isoformat()} for t, d in self.dates],
            "hours": [{"text": t, "value": float(v), "unit": u} for t, v, u in self.hours],
        }

    def check(self) -> None:
        """Every labelled string must be in the text exactly as labelled."""
        text = self.plain_text()
        for label, _ in self.dates:
            assert label in text, f"{self.filename}: date {label!r} not in text"
        for label, _, _ in self.hours:
            assert label in text, f"{self.filename}: hours {label!r} not in text"
        assert len(self.dates) <= 8, f"{self.filename}: label at most 8 dates"


@dataclass
class Dossier:
    name: str
    first_sick_day: date | None
    docs: list[Doc] = field(default_factory=list)
    riv_present: list[str] = field(default_factory=list)
    riv_missing: list[str] = field(default_factory=list)
    riv_not_yet_due: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    not_findings: list[str] = field(default_factory=list)
    personal: dict = field(default_factory=dict)  # what a redacted report must not show

    def truth(self) -> dict:
        out = {
            "dossier": self.name,
            "first_sick_day": self.first_sick_day.isoformat() if self.first_sick_day else None,
            "documents": {d.filename: d.truth() for d in self.docs},
            "riv_present": list(self.riv_present),
            "riv_missing": list(self.riv_missing),
        }
        if self.riv_not_yet_due:
            out["riv_not_yet_due"] = list(self.riv_not_yet_due)
        out["findings"] = list(self.findings)
        out["not_findings"] = list(self.not_findings)
        return out

    def week(self, day: date) -> int:
        assert self.first_sick_day is not None
        return week_of(self.first_sick_day, day)


# --------------------------------------------------------------------------- people

def bsn_from(prefix: str) -> str:
    """Complete an 8-digit prefix to a BSN that passes the 11-proef (or raise)."""
    total = sum(int(c) * w for c, w in zip(prefix, range(9, 1, -1)))
    last = total % 11
    if last > 9:
        raise ValueError(f"no BSN completes {prefix}")
    return prefix + str(last)


def passes_11_proef(bsn: str) -> bool:
    if len(bsn) != 9 or not bsn.isdigit():
        return False
    total = sum(int(c) * w for c, w in zip(bsn[:8], range(9, 1, -1))) - int(bsn[8])
    return total % 11 == 0


@dataclass(frozen=True)
class Person:
    first: str
    last: str  # with tussenvoegsel: "van Dalen"
    gender: str  # "m" | "v"
    bsn: str = ""
    born: date | None = None
    street: str = ""  # "Berkenlaan 27"
    postcode: str = ""  # "7433 CK"
    city: str = ""
    phone: str = ""
    email: str = ""

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def initial_name(self) -> str:
        return f"{self.first[0]}. {self.last}"

    @property
    def formal(self) -> str:
        """'de heer Hulshof' / 'mevrouw Verhoef' (lower case, mid-sentence)."""
        title = "de heer" if self.gender == "m" else "mevrouw"
        last = self.last[0].upper() + self.last[1:]
        return f"{title} {last}"

    @property
    def Formal(self) -> str:
        return self.formal[0].upper() + self.formal[1:]

    @property
    def surname(self) -> str:
        """The surname as used alone: 'van Dalen' -> 'Van Dalen' after a title."""
        return self.last.split()[-1]

    def personal_strings(self) -> list[str]:
        """What a redacted report must not contain."""
        out = [self.full, self.last if " " in self.last else self.surname]
        out += [s for s in (self.bsn, self.street, self.postcode, self.email, self.phone) if s]
        return out
