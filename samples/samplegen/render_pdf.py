"""Born-digital PDF with a running header/footer and 'Pagina x van y' (reportlab).

``invariant=1`` keeps the file free of timestamps and random ids, so a rerun gives the same
bytes.
"""
from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (KeepTogether, ListFlowable, ListItem, Paragraph, SimpleDocTemplate,
                                Spacer, Table as RLTable, TableStyle)
from xml.sax.saxutils import escape

from .core import KV, Bullets, Doc, H, P, Sig, Table

MARGIN = 2.2 * cm
WIDTH = A4[0] - 2 * MARGIN

_base = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=_base["Normal"], fontName="Helvetica", fontSize=10, leading=13.5,
                      spaceAfter=6, alignment=TA_LEFT)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=9, leading=11.5, spaceAfter=0)
CELL_B = ParagraphStyle("cellb", parent=CELL, fontName="Helvetica-Bold")
TITLE = ParagraphStyle("title", parent=BODY, fontName="Helvetica-Bold", fontSize=16, leading=20, spaceAfter=10)
HEAD = {1: ParagraphStyle("h1", parent=BODY, fontName="Helvetica-Bold", fontSize=12.5, leading=16,
                          spaceBefore=8, spaceAfter=4),
        2: ParagraphStyle("h2", parent=BODY, fontName="Helvetica-Bold", fontSize=10.5, leading=14,
                          spaceBefore=6, spaceAfter=3)}


def _numbered_canvas(header: str | None, footer: str | None):
    """A canvas that knows the page count at the end, for 'Pagina x van y'."""

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved = []

        def showPage(self):
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self._furniture(total)
                super().showPage()
            super().save()

        def _furniture(self, total: int) -> None:
            self.setFont("Helvetica", 8)
            self.setFillColor(colors.HexColor("#444444"))
            top = A4[1] - 1.3 * cm
            if header:
                self.drawString(MARGIN, top, header)
            self.drawRightString(A4[0] - MARGIN, top, "Vertrouwelijk")
            bottom = 1.2 * cm
            if footer:
                self.drawString(MARGIN, bottom, footer)
            self.drawRightString(A4[0] - MARGIN, bottom, f"Pagina {self._pageNumber} van {total}")

    return NumberedCanvas


def _p(text: str, style=BODY) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _table(header, rows, widths, bold_first_col=False) -> RLTable:
    data = []
    if header:
        data.append([_p(c, CELL_B) for c in header])
    for row in rows:
        data.append([_p(c, CELL_B if bold_first_col and i == 0 else CELL) for i, c in enumerate(row)])
    n = len(data[0])
    col_widths = [WIDTH * w for w in widths] if widths else [WIDTH / n] * n
    t = RLTable(data, colWidths=col_widths, repeatRows=1 if header else 0)
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#888888")),
             ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E4E8EE")))
    t.setStyle(TableStyle(style))
    return t


def _signature(parties) -> RLTable:
    cells = []
    for role, name, when, signed in parties:
        mark = "w.g. (handtekening)" if signed else "................................"
        cells.append([_p(role, CELL_B), _p(f"Naam: {name}", CELL), _p(f"Datum: {when}", CELL),
                      _p(f"Handtekening: {mark}", CELL)])
    columns = [list(col) for col in zip(*cells)]
    t = RLTable(columns, colWidths=[WIDTH / len(parties)] * len(parties))
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 3)]))
    return KeepTogether([Spacer(1, 8), t])


def doc_to_flowables(doc: Doc) -> list:
    out: list = [_p(doc.title, TITLE)]
    for e in doc.body:
        if isinstance(e, H):
            out.append(_p(e.text, HEAD.get(e.level, HEAD[2])))
        elif isinstance(e, P):
            out.append(_p(e.text))
        elif isinstance(e, Bullets):
            out.append(ListFlowable([ListItem(_p(i), leftIndent=12) for i in e.items],
                                    bulletType="bullet", start="-", leftIndent=12))
        elif isinstance(e, KV):
            out += [_table((), e.rows, (0.35, 0.65), bold_first_col=True), Spacer(1, 8)]
        elif isinstance(e, Table):
            out += [_table(e.header, e.rows, e.widths), Spacer(1, 8)]
        elif isinstance(e, Sig):
            out.append(_signature(e.parties))
    return out


def write_pdf(doc: Doc, path: Path) -> None:
    template = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                                 topMargin=2.2 * cm, bottomMargin=2.0 * cm, title=doc.title,
                                 author="", creator="", producer="", subject="", invariant=1)
    template.build(doc_to_flowables(doc), canvasmaker=_numbered_canvas(doc.header, doc.footer))
