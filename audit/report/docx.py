"""DossierReport -> an editable Word file, "Bevindingen re-integratiedossier".

For a lawyer or casemanager who pastes findings into a bezwaarschrift: a summary, the
findings table (finding, what the dossier shows, document, page, quote, rule and source), the
checklist per document and the timeline as a table. Plain built-in styles only, so the file
stays easy to edit.
"""
from __future__ import annotations

import io
import re
from collections.abc import Sequence

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt, RGBColor
from docx.oxml.ns import qn
from docx.table import _Cell
from lxml import etree

from audit.model import DossierReport
from audit.report.view import ComponentView, FindingView, ReportView, report_view

SEVERITY_COLOURS = {"high": RGBColor(0xB3, 0x26, 0x1E), "medium": RGBColor(0xA0, 0x5A, 0x00),
                    "low": RGBColor(0x2F, 0x5D, 0x8A)}
TABLE_STYLE = "Table Grid"
_W_P, _W_R, _W_RPR, _W_B, _W_I, _W_T, _W_W = (qn(f"w:{n}") for n in ("p", "r", "rPr", "b", "i", "t", "w"))
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Drop the control characters XML 1.0 cannot hold (OCR and old Word files produce them)."""
    return _XML_ILLEGAL.sub("", text)


def _para(doc, text: str, style_id: str | None = None):
    para = doc.add_paragraph(text)
    if style_id:
        para._p.style = style_id
    return para


def _table(doc, header: Sequence[str], rows: Sequence[Sequence[Sequence[str]]], widths_cm: Sequence[float] = (),
           italic_columns: frozenset[int] = frozenset()):
    """A table made in one go; each cell holds one paragraph per line, so every quote stays a
    findable, editable paragraph. The cells are filled as XML: python-docx's ``row.cells`` walks
    the whole table each time (quadratic) and its run API costs more than the rest of the report."""
    table = doc.add_table(rows=1 + len(rows), cols=len(header))
    table._tbl.tblStyle_val = doc.styles[TABLE_STYLE].style_id
    widths = [str(Cm(w).twips) for w in widths_cm]
    for col, width in zip(table._tbl.tblGrid.gridCol_lst, widths_cm):
        col.w = Cm(width)  # LibreOffice reads the grid, Word the cells: set both
    for r, tr in enumerate(table._tbl.tr_lst):
        for c, tc in enumerate(tr.tc_lst):
            if c < len(widths):
                tc.tcPr.tcW.set(_W_W, widths[c])  # add_table wrote a dxa width in every cell
            if r == 0:
                _fill_cell(tc, [header[c]], bold=True)
            else:
                _fill_cell(tc, rows[r - 1][c], italic=c in italic_columns)
    return table


def _fill_cell(tc, lines: Sequence[str], italic: bool = False, bold: bool = False) -> None:
    first = tc.find(_W_P)
    for n, line in enumerate(lines):
        para = first if n == 0 else etree.SubElement(tc, _W_P)
        run = etree.SubElement(para, _W_R)
        if italic or bold:
            etree.SubElement(etree.SubElement(run, _W_RPR), _W_B if bold else _W_I)
        text = etree.SubElement(run, _W_T)
        text.set(_XML_SPACE, "preserve")
        text.text = xml_safe(line)


def _summary(doc, v: ReportView, styles: dict) -> None:
    t = v.t
    _para(doc, t["summary"], styles[1])
    for label, value in ((t["dossier"], v.dossier), (t["first_sick_day"], v.first_sick_day),
                         (t["peildatum"], v.peildatum or "—"), (t["documents_count"], str(len(v.documents)))):
        para = doc.add_paragraph()
        para.add_run(f"{label}: ").bold = True
        para.add_run(xml_safe(value))
    para = doc.add_paragraph()
    para.add_run(f"{t['risk']}: ").bold = True
    run = para.add_run(v.risk_label.upper())
    run.bold = True
    run.font.color.rgb = SEVERITY_COLOURS.get({"hoog": "high", "middel": "medium", "laag": "low"}.get(v.risk, ""),
                                              RGBColor(0x2E, 0x7D, 0x32))
    doc.add_paragraph(v.risk_explain)
    doc.add_paragraph(t["counts_line"].format(**v.counts))
    for warning in v.warnings:
        _para(doc, xml_safe(warning), styles["bullet"])


def _finding_cells(f: FindingView, t) -> list[list[str]]:
    rule = [f.rule_text]
    if f.practice_norm:
        rule.append(f"({t['practice_norm']})")
    if f.source:
        rule.append(f"{t['source']}: {f.source}")
    if f.reading:
        rule.append(f"{t['reading']}: {f.reading}")
    if f.rule_name:
        rule.append(f.rule_name)
    return [[f"{f.severity_label.upper()} · {f.id}"], [f.message],
            [e.document for e in f.evidence] or [f.document],
            [str(e.page) for e in f.evidence] or ["—"],
            [e.quote for e in f.evidence] or [t["no_evidence"]], rule]


def _findings(doc, v: ReportView, styles: dict) -> None:
    t = v.t
    _para(doc, t["findings"], styles[1])
    if not v.findings:
        doc.add_paragraph(t["findings_none"])
        return
    table = _table(doc, [t["finding"], t["what_dossier_shows"], t["document"], t["page"], t["quote"],
                         t["rule_and_source"]], [_finding_cells(f, t) for f in v.findings],
                   (3.2, 5.5, 3.2, 1.3, 5.5, 5.8), frozenset({4}))
    for tr, f in zip(table._tbl.tr_lst[1:], v.findings):
        _Cell(tr.tc_lst[0], table).paragraphs[0].runs[0].font.color.rgb = SEVERITY_COLOURS[f.severity]


def _checklist(doc, components: Sequence[ComponentView], t) -> None:
    rows = [[[c.title] + ([c.id] if c.id != c.title else []), [c.status_label], [c.reason] if c.reason else [],
             [f"{t['page_short']} {e.page}: {e.quote}" for e in c.evidence]] for c in components]
    _table(doc, [t["component"], t["status"], t["reason"], t["quote"]], rows, (6.5, 2.6, 7.5, 7.5), frozenset({3}))


def _documents(doc, v: ReportView, styles: dict) -> None:
    t = v.t
    _para(doc, t["documents"], styles[1])
    if v.dossier_components:
        _para(doc, t["dossier_checklist"], styles[2])
        _checklist(doc, v.dossier_components, t)
    for d in v.documents:
        _para(doc, xml_safe(d.label), styles[2])
        meta = f"{t['doc_type']}: {d.doc_type_label} · {d.pages} {t['page_one'] if d.pages == 1 else t['pages']}" + (f" · {d.date}" if d.date else "")
        doc.add_paragraph(xml_safe(meta))
        if d.error:
            doc.add_paragraph(xml_safe(f"{t['doc_error']}: {d.error}"))
        for warning in d.warnings:
            _para(doc, xml_safe(warning), styles["bullet"])
        if d.components:
            _checklist(doc, d.components, t)
        else:
            doc.add_paragraph(t["no_checklist"])


def _timeline_cells(r, t) -> list[list[str]]:
    where = r.source if r.kind == "moment" else ", ".join(
        x for x in (r.document, f"{t['page_short']} {r.page}" if r.page else "", r.quote) if x)
    return [[r.weeks], [r.date],
            [f"{t['statutory_moment'] if r.kind == 'moment' else t['event']}: {r.label}"], [where],
            [t["late"]] if r.late else []]


def _timeline(doc, v: ReportView, styles: dict) -> None:
    t = v.t
    _para(doc, t["timeline"], styles[1])
    doc.add_paragraph(t["timeline_intro"])
    _table(doc, [t["week"], t["date"], t["what"], t["evidence"], t["status"]],
           [_timeline_cells(r, t) for r in v.timeline_rows], (1.5, 2.6, 6.5, 11.0, 2.5))


def view_to_docx(v: ReportView) -> bytes:
    doc = new_docx()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE  # the findings table has six columns
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    doc.styles["Normal"].font.size = Pt(10)
    doc.core_properties.title = xml_safe(f"{v.t['title']} — {v.dossier_name}")
    doc.core_properties.language = v.lang
    doc.core_properties.author = ""  # nothing about the machine or user leaks into the file
    # style ids looked up once: python-docx resolves a style by scanning every style on each use
    styles = {key: doc.styles[name].style_id for key, name in
              ((0, "Title"), (1, "Heading 1"), (2, "Heading 2"), ("bullet", "List Bullet"))}
    _para(doc, v.t["title"], styles[0])
    doc.add_paragraph(xml_safe(v.dossier_name))
    for part in (_summary, _findings, _documents, _timeline):
        part(doc, v, styles)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def render_docx(report: DossierReport, lang: str = "nl", checklists=None) -> bytes:
    return view_to_docx(report_view(report, lang, checklists))
