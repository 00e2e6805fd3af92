"""DOCX with heading styles, or with plain bold prose as many casemanagers write (python-docx).

The package is rewritten with fixed zip timestamps and fixed core properties so that a
rerun gives the same bytes.
"""
from __future__ import annotations

import io
import stat
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document as new_docx
from docx.shared import Pt

from .core import KV, Bullets, Doc, H, P, Sig, Table

FIXED_TIME = (2024, 1, 1, 0, 0, 0)


def _bold_line(document, text: str, size: float | None = None) -> None:
    run = document.add_paragraph().add_run(text)
    run.bold = True
    if size:
        run.font.size = Pt(size)


def _table(document, header, rows) -> None:
    n = len(header or rows[0])
    table = document.add_table(rows=0, cols=n)
    table.style = "Table Grid"
    if header:
        cells = table.add_row().cells
        for cell, text in zip(cells, header):
            cell.text = ""
            cell.paragraphs[0].add_run(text).bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text


def _signature(document, parties) -> None:
    table = document.add_table(rows=4, cols=len(parties))
    for col, (role, name, when, signed) in enumerate(parties):
        table.cell(0, col).paragraphs[0].add_run(role).bold = True
        table.cell(1, col).text = f"Naam: {name}"
        table.cell(2, col).text = f"Datum: {when}"
        table.cell(3, col).text = "Handtekening: " + ("w.g." if signed else "")


def doc_to_docx(doc: Doc):
    document = new_docx()
    props = document.core_properties
    props.author, props.last_modified_by, props.title = "", "", doc.title
    props.created = props.modified = datetime(2024, 1, 1)
    props.revision = 1
    section = document.sections[0]
    if doc.header:
        section.header.paragraphs[0].text = doc.header
    if doc.footer:
        section.footer.paragraphs[0].text = doc.footer
    if doc.headings:
        document.add_heading(doc.title, level=0)
    else:
        _bold_line(document, doc.title, 14)
    for e in doc.body:
        if isinstance(e, H):
            if doc.headings:
                document.add_heading(e.text, level=min(e.level, 3))
            else:
                _bold_line(document, e.text)
        elif isinstance(e, P):
            for line in e.text.split("\n"):
                document.add_paragraph(line)
        elif isinstance(e, Bullets):
            for item in e.items:
                document.add_paragraph(item, style="List Bullet")
        elif isinstance(e, KV):
            _table(document, (), e.rows)
        elif isinstance(e, Table):
            _table(document, e.header, e.rows)
        elif isinstance(e, Sig):
            document.add_paragraph("")
            _signature(document, e.parties)
    return document


def _fixed_zip(data: bytes) -> bytes:
    """Same members, fixed timestamps: byte-identical reruns."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = (stat.S_IFREG | 0o644) << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def write_docx(doc: Doc, path: Path) -> None:
    buffer = io.BytesIO()
    doc_to_docx(doc).save(buffer)
    path.write_bytes(_fixed_zip(buffer.getvalue()))
