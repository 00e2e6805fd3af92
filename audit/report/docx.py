"""DossierReport -> an editable Word file, "Bevindingen re-integratiedossier".

For a lawyer or casemanager who pastes findings into a bezwaarschrift: a summary, the
findings table (finding, what the dossier shows, document, page, quote, rule and source), the
checklist per document and the timeline as a table. Plain built-in styles only, so the file
stays easy to edit.
"""
from __future__ import annotations

import io
from collections.abc import Sequence

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt, RGBColor

from audit.model import DossierReport
from audit.report.view import ComponentView, FindingView, ReportView, report_view

SEVERITY_COLOURS = {"high": RGBColor(0xB3, 0x26, 0x1E), "medium": RGBColor(0xA0, 0x5A, 0x00),
                    "low": RGBColor(0x2F, 0x5D, 0x8A)}
TABLE_STYLE = "Table Grid"


def _table(doc, header: Sequence[str], widths_cm: Sequence[float] = ()):
    table = doc.add_table(rows=1, cols=len(header))
    table.style = TABLE_STYLE
    for cell, title in zip(table.rows[0].cells, header):
        cell.text = ""
        cell.paragraphs[0].add_run(title).bold = True
    for i, width in enumerate(widths_cm):
        for cell in table.columns[i].cells:
            cell.width = Cm(width)
    return table


def _cell_lines(cell, lines: Sequence[str], italic: bool = False) -> None:
    """One paragraph per line, so every quote stays a findable, editable paragraph."""
    cell.text = ""
    first = True
    for line in lines:
        para = cell.paragraphs[0] if first else cell.add_paragraph()
        para.add_run(line).italic = italic
        first = False


def _summary(doc, v: ReportView) -> None:
    t = v.t
    doc.add_heading(t["summary"], level=1)
    for label, value in ((t["dossier"], v.dossier), (t["first_sick_day"], v.first_sick_day),
                         (t["peildatum"], v.peildatum or "—"), (t["documents_count"], str(len(v.documents)))):
        para = doc.add_paragraph()
        para.add_run(f"{label}: ").bold = True
        para.add_run(value)
    para = doc.add_paragraph()
    para.add_run(f"{t['risk']}: ").bold = True
    run = para.add_run(v.risk_label.upper())
    run.bold = True
    run.font.color.rgb = SEVERITY_COLOURS.get({"hoog": "high", "middel": "medium", "laag": "low"}.get(v.risk, ""),
                                              RGBColor(0x2E, 0x7D, 0x32))
    doc.add_paragraph(v.risk_explain)
    doc.add_paragraph(t["counts_line"].format(**v.counts))
    for warning in v.warnings:
        doc.add_paragraph(warning, style="List Bullet")


def _finding_row(table, f: FindingView, t) -> None:
    cells = table.add_row().cells
    _cell_lines(cells[0], [f"{f.severity_label.upper()} · {f.id}"])
    cells[0].paragraphs[0].runs[0].font.color.rgb = SEVERITY_COLOURS[f.severity]
    _cell_lines(cells[1], [f.message])
    docs = [e.document for e in f.evidence] or [f.document]
    _cell_lines(cells[2], docs)
    _cell_lines(cells[3], [str(e.page) for e in f.evidence] or ["—"])
    _cell_lines(cells[4], [e.quote for e in f.evidence] or [t["no_evidence"]], italic=True)
    rule = [f.rule_text]
    if f.practice_norm:
        rule.append(f"({t['practice_norm']})")
    if f.source:
        rule.append(f"{t['source']}: {f.source}")
    if f.reading:
        rule.append(f"{t['reading']}: {f.reading}")
    if f.rule_name:
        rule.append(f.rule_name)
    _cell_lines(cells[5], rule)


def _findings(doc, v: ReportView) -> None:
    t = v.t
    doc.add_heading(t["findings"], level=1)
    if not v.findings:
        doc.add_paragraph(t["findings_none"])
        return
    table = _table(doc, [t["finding"], t["what_dossier_shows"], t["document"], t["page"], t["quote"],
                         t["rule_and_source"]], (3.2, 5.5, 3.2, 1.3, 5.5, 5.8))
    for f in v.findings:
        _finding_row(table, f, t)


def _checklist(doc, components: Sequence[ComponentView], t) -> None:
    table = _table(doc, [t["component"], t["status"], t["reason"], t["quote"]], (6.5, 2.6, 7.5, 7.5))
    for c in components:
        cells = table.add_row().cells
        _cell_lines(cells[0], [c.title, c.id])
        _cell_lines(cells[1], [c.status_label])
        _cell_lines(cells[2], [c.reason] if c.reason else [])
        _cell_lines(cells[3], [f"{t['page_short']} {e.page}: {e.quote}" for e in c.evidence], italic=True)


def _documents(doc, v: ReportView) -> None:
    t = v.t
    doc.add_heading(t["documents"], level=1)
    if v.dossier_components:
        doc.add_heading(t["dossier_checklist"], level=2)
        _checklist(doc, v.dossier_components, t)
    for d in v.documents:
        doc.add_heading(d.label, level=2)
        meta = f"{t['doc_type']}: {d.doc_type_label} · {d.pages} {t['page_one'] if d.pages == 1 else t['pages']}" + (f" · {d.date}" if d.date else "")
        doc.add_paragraph(meta)
        if d.error:
            doc.add_paragraph(f"{t['doc_error']}: {d.error}")
        for warning in d.warnings:
            doc.add_paragraph(warning, style="List Bullet")
        if d.components:
            _checklist(doc, d.components, t)
        else:
            doc.add_paragraph(t["no_checklist"])


def _timeline(doc, v: ReportView) -> None:
    t = v.t
    doc.add_heading(t["timeline"], level=1)
    doc.add_paragraph(t["timeline_intro"])
    table = _table(doc, [t["week"], t["date"], t["what"], t["evidence"], t["status"]], (1.5, 2.6, 6.5, 11.0, 2.5))
    for r in v.timeline_rows:
        cells = table.add_row().cells
        _cell_lines(cells[0], [str(r.week) if r.week is not None else "—"])
        _cell_lines(cells[1], [r.date])
        _cell_lines(cells[2], [f"{t['statutory_moment'] if r.kind == 'moment' else t['event']}: {r.label}"])
        where = r.source if r.kind == "moment" else ", ".join(
            x for x in (r.document, f"{t['page_short']} {r.page}" if r.page else "", r.quote) if x)
        _cell_lines(cells[3], [where])
        _cell_lines(cells[4], [t["late"]] if r.late else [])


def view_to_docx(v: ReportView) -> bytes:
    doc = new_docx()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE  # the findings table has six columns
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    doc.styles["Normal"].font.size = Pt(10)
    doc.core_properties.title = f"{v.t['title']} — {v.dossier_name}"
    doc.core_properties.language = v.lang
    doc.core_properties.author = ""  # nothing about the machine or user leaks into the file
    doc.add_heading(v.t["title"], level=0)
    doc.add_paragraph(v.dossier_name)
    for part in (_summary, _findings, _documents, _timeline):
        part(doc, v)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def render_docx(report: DossierReport, lang: str = "nl", checklists=None) -> bytes:
    return view_to_docx(report_view(report, lang, checklists))
