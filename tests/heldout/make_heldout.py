#!/usr/bin/env python3
"""Write the held-out dossiers (tests/heldout/dossiers/hNN/) with truth.json in the corpus format.

Each dossier is written in a hand that differs from ../shared/corpus and samples/: informal
employer notes, arbodienst label/value forms with abbreviations, a re-integratiebureau with its
own headings and date/hour spellings, deadline near-misses on both sides of the thresholds,
negated components, and a dossier in its first half year. Every labelled date and hour text is
checked to occur literally in the document's text before anything is written.

Usage: .venv/bin/python tests/heldout/make_heldout.py [OUT_DIR]
"""
from __future__ import annotations

import json
import shutil
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from docx import Document as Docx
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

HERE = Path(__file__).resolve().parent
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
ABBR = ["jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."]


def bsn(seed: int) -> str:
    """A fictional BSN that passes the 11-proef."""
    n = 100000000 + seed * 7919
    while True:
        s = f"{n:09d}"
        if sum(int(c) * w for c, w in zip(s, [9, 8, 7, 6, 5, 4, 3, 2, -1])) % 11 == 0:
            return s
        n += 1


def long(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def abbr(d: date) -> str:
    return f"{d.day} {ABBR[d.month - 1]} {d.year}"


def dmy(d: date) -> str:
    return d.strftime("%d-%m-%Y")


def short_dmy(d: date) -> str:
    return f"{d.day}-{d.month}-{d.year}"


def iso(d: date) -> str:
    return d.isoformat()


@dataclass
class Doc:
    name: str
    doc_type: str
    blocks: list  # ("h", text) | ("p", text) | ("t", rows)
    dates: list = field(default_factory=list)   # (text, date)
    hours: list = field(default_factory=list)   # (text, value, unit)
    present: list = field(default_factory=list)
    missing: list = field(default_factory=list)
    header: str = ""

    @property
    def fmt(self) -> str:
        return {"docx": "docx", "pdf": "pdf", "scan": "scan"}[self.kind]

    @property
    def kind(self) -> str:
        if self.name.endswith(".docx"):
            return "docx"
        return "scan" if self.name.startswith("SCAN") else "pdf"

    def text(self) -> str:
        out = [self.header]
        for kind, value in self.blocks:
            out += [" ".join(r) for r in value] if kind == "t" else [value]
        return "\n".join(out)


def write_docx(doc: Doc, path: Path) -> None:
    d = Docx()
    if doc.header:
        d.sections[0].header.paragraphs[0].text = doc.header
    for kind, value in doc.blocks:
        if kind == "h":
            d.add_heading(value, level=2)
        elif kind == "p":
            d.add_paragraph(value)
        else:
            t = d.add_table(rows=0, cols=len(value[0]))
            t.style = "Table Grid"
            for row in value:
                cells = t.add_row().cells
                for c, v in zip(cells, row):
                    c.text = v
    d.save(path)


def write_pdf(doc: Doc, path: Path) -> None:
    ss = getSampleStyleSheet()
    flow = []
    for kind, value in doc.blocks:
        if kind == "h":
            flow += [Paragraph(value, ss["Heading3"])]
        elif kind == "p":
            flow += [Paragraph(value, ss["BodyText"]), Spacer(1, 4)]
        else:
            rows = [[Paragraph(c, ss["BodyText"]) for c in r] for r in value]
            widths = [5 * cm] + [11.5 * cm / (len(value[0]) - 1)] * (len(value[0]) - 1) if len(value[0]) > 1 else None
            t = Table(rows, colWidths=widths)
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, "grey"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            flow += [t, Spacer(1, 6)]

    def header(canvas, _doc):
        canvas.setFont("Helvetica", 8)
        if doc.header:
            canvas.drawString(2 * cm, A4[1] - 1.2 * cm, doc.header)
        canvas.drawRightString(A4[0] - 2 * cm, 1 * cm, f"pagina {canvas.getPageNumber()}")

    SimpleDocTemplate(str(path), pagesize=A4, topMargin=2 * cm).build(flow, onFirstPage=header, onLaterPages=header)


def write_scan(doc: Doc, path: Path) -> None:
    """One image-only page, 200 dpi, slightly rotated: the single OCR page of the set."""
    from PIL import Image, ImageDraw, ImageFont
    img = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 30)
    bold = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 38)
    y = 150
    for kind, value in doc.blocks:
        lines = [" ".join(r) if len(r) == 1 else f"{r[0]}:  {r[1]}" for r in value] if kind == "t" else [value]
        for line in lines:
            draw.text((140, y), line, fill=0, font=bold if kind == "h" else font)
            y += 60 if kind == "h" else 48
        y += 20
    img.rotate(0.6, fillcolor=255, expand=False).save(path, "PDF", resolution=200.0)


WRITERS = {"docx": write_docx, "pdf": write_pdf, "scan": write_scan}


@dataclass
class Dossier:
    key: str
    first_sick_day: date
    docs: list
    riv_present: list = field(default_factory=list)
    riv_missing: list = field(default_factory=list)
    riv_not_yet_due: list = field(default_factory=list)
    findings: list = field(default_factory=list)
    not_findings: list = field(default_factory=list)

    def truth(self) -> dict:
        docs = {}
        for d in self.docs:
            docs[d.name] = {"doc_type": d.doc_type, "format": d.fmt,
                            "components_present": d.present, "components_missing": d.missing,
                            "dates": [{"text": t, "value": v.isoformat()} for t, v in d.dates],
                            "hours": [{"text": t, "value": float(v), "unit": u} for t, v, u in d.hours]}
        out = {"dossier": self.key, "first_sick_day": self.first_sick_day.isoformat(), "documents": docs,
               "riv_present": self.riv_present, "riv_missing": self.riv_missing,
               "findings": self.findings, "not_findings": self.not_findings}
        if self.riv_not_yet_due:
            out["riv_not_yet_due"] = self.riv_not_yet_due
        return out


def check_labels(dossier: Dossier) -> None:
    """Every labelled date and hour text must occur literally in its document."""
    for d in dossier.docs:
        text = d.text()
        for t, *_ in d.dates + d.hours:
            if t not in text:
                raise SystemExit(f"{dossier.key}/{d.name}: label {t!r} not in text")


def extracted_text(path: Path) -> str | None:
    """The text a reader gets back (pdfplumber / python-docx); None for the scan (checked by OCR in the tool)."""
    if path.name.startswith("SCAN"):
        return None
    if path.suffix == ".pdf":
        import pdfplumber
        with pdfplumber.open(path) as pdf:
            return "\n".join(p.extract_text() or "" for p in pdf.pages)
    d = Docx(path)
    cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in d.paragraphs] + cells + [p.text for p in d.sections[0].header.paragraphs])


def check_extracted(dossier: Dossier, folder: Path) -> None:
    """Labels must survive extraction unbroken (no line wrap inside a date or an hour figure)."""
    for d in dossier.docs:
        text = extracted_text(folder / d.name)
        for t, *_ in (d.dates + d.hours) if text is not None else ():
            if t not in text:
                raise SystemExit(f"{dossier.key}/{d.name}: label {t!r} not in the extracted text")


def write_dossier(dossier: Dossier, out: Path) -> None:
    check_labels(dossier)
    folder = out / dossier.key
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for d in dossier.docs:
        (getattr(d, "writer", None) or WRITERS[d.kind])(d, folder / d.name)
    check_extracted(dossier, folder)
    (folder / "truth.json").write_text(json.dumps(dossier.truth(), indent=1, ensure_ascii=False) + "\n",
                                       encoding="utf-8")


def all_dossiers() -> list:
    from dossiers_a import h01, h02, h03
    from dossiers_b import h04, h05, h06
    from dossiers_c import h07, h08, h09, h10, h11, h12
    return [h01(), h02(), h03(), h04(), h05(), h06(), h07(), h08(), h09(), h10(), h11(), h12()]


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "dossiers"
    sys.path.insert(0, str(HERE))
    for d in all_dossiers():
        write_dossier(d, out)
        print(d.key, len(d.docs), "documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
