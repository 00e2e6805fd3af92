"""DossierReport -> an editable Word file, "Bevindingen re-integratiedossier".

For a lawyer or casemanager who pastes findings into a bezwaarschrift: a summary, the
findings table (finding, what the dossier shows, document, page, quote, rule and source), the
checklist per document and the timeline as a table. Plain built-in styles only, so the file
stays easy to edit.

The body is written as WordprocessingML text. The package around it (styles, numbering, theme,
settings: python-docx's default template with Normal at 10 pt) never changes, so it is made and
compressed once per process and each report only adds its ``document.xml`` and ``core.xml``.
Going through python-docx's ``Document()`` and ``save()`` instead re-parses and re-compresses
0.9 MB of style sheets for every report, which cost more than the whole HTML report. The tests
reopen every file with python-docx.
"""
from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from functools import lru_cache
from xml.sax.saxutils import escape

from audit.model import DossierReport
from audit.report.view import ComponentView, FindingView, ReportView, report_view

SEVERITY_COLOURS = {"high": "B3261E", "medium": "A05A00", "low": "2F5D8A"}
NO_RISK_COLOUR = "2E7D32"
STYLES = {"title": "Title", "h1": "Heading1", "h2": "Heading2", "bullet": "ListBullet", "table": "TableGrid"}
TWIPS_PER_CM = 1440 / 2.54
PAGE_CM, MARGIN_CM = (29.7, 21.0), 1.5  # A4 landscape: the findings table has six columns
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # fixed, so the same report gives the same bytes

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_THUMBNAIL_REL = re.compile(r"<Relationship\b[^>]*thumbnail[^>]*/>")


def xml_safe(text: str) -> str:
    """Drop the control characters XML 1.0 cannot hold (OCR and old Word files produce them)."""
    return _XML_ILLEGAL.sub("", text)


def _text(text: str) -> str:
    return escape(xml_safe(text))


def twips(cm: float) -> int:
    return round(cm * TWIPS_PER_CM)


# --- the body ---------------------------------------------------------------------------------

def run(text: str, bold: bool = False, italic: bool = False, colour: str | None = None) -> str:
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") + (f'<w:color w:val="{colour}"/>' if colour else "")
    return (f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}"
            f'<w:t xml:space="preserve">{_text(text)}</w:t></w:r>')


def para(*runs: str, style: str | None = None) -> str:
    props = f'<w:pPr><w:pStyle w:val="{STYLES[style]}"/></w:pPr>' if style else ""
    return f"<w:p>{props}{''.join(runs)}</w:p>"


def text_para(text: str, style: str | None = None) -> str:
    return para(run(text), style=style)


def table(header: Sequence[str], rows: Sequence[Sequence[Sequence[str]]], widths_cm: Sequence[float],
          italic_columns: frozenset[int] = frozenset(), first_colours: Sequence[str | None] = ()) -> str:
    """A table whose cells hold one paragraph per line, so every quote stays a findable, editable
    paragraph. Widths go in the grid (LibreOffice reads it) and in every cell (Word does)."""
    widths = [twips(w) for w in widths_cm]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    out = [f'<w:tbl><w:tblPr><w:tblStyle w:val="{STYLES["table"]}"/><w:tblW w:type="auto" w:w="0"/>'
           '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" '
           f'w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>']
    out.append(_row([[h] for h in header], widths, bold=True))
    for n, cells in enumerate(rows):
        colour = first_colours[n] if n < len(first_colours) else None
        out.append(_row(cells, widths, italic_columns=italic_columns, first_colour=colour))
    out.append("</w:tbl>")
    return "".join(out)


def _row(cells: Sequence[Sequence[str]], widths: Sequence[int], bold: bool = False,
         italic_columns: frozenset[int] = frozenset(), first_colour: str | None = None) -> str:
    out = ["<w:tr>"]
    for c, lines in enumerate(cells):
        width = f'<w:tcPr><w:tcW w:type="dxa" w:w="{widths[c]}"/></w:tcPr>' if c < len(widths) else "<w:tcPr/>"
        colour = first_colour if c == 0 else None
        body = "".join(para(run(line, bold=bold, italic=c in italic_columns, colour=colour)) for line in lines)
        out.append(f"<w:tc>{width}{body or '<w:p/>'}</w:tc>")  # a cell must hold a paragraph
    out.append("</w:tr>")
    return "".join(out)


def _summary(v: ReportView) -> list[str]:
    t = v.t
    out = [text_para(t["summary"], "h1")]
    for label, value in ((t["dossier"], v.dossier), (t["first_sick_day"], v.first_sick_day),
                         (t["peildatum"], v.peildatum or "—"), (t["documents_count"], str(len(v.documents)))):
        out.append(para(run(f"{label}: ", bold=True), run(value)))
    severity = {"hoog": "high", "middel": "medium", "laag": "low"}.get(v.risk, "")
    out.append(para(run(f"{t['risk']}: ", bold=True),
                    run(v.risk_label.upper(), bold=True, colour=SEVERITY_COLOURS.get(severity, NO_RISK_COLOUR))))
    out += [text_para(v.risk_explain), text_para(t["counts_line"].format(**v.counts))]
    out += [text_para(warning, "bullet") for warning in v.warnings]
    return out


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


def _findings(v: ReportView) -> list[str]:
    t = v.t
    out = [text_para(t["findings"], "h1")]
    if not v.findings:
        return out + [text_para(t["findings_none"])]
    header = [t["finding"], t["what_dossier_shows"], t["document"], t["page"], t["quote"], t["rule_and_source"]]
    out.append(table(header, [_finding_cells(f, t) for f in v.findings], (3.2, 5.5, 3.2, 1.3, 5.5, 5.8),
                     frozenset({4}), [SEVERITY_COLOURS[f.severity] for f in v.findings]))
    return out


def _checklist(components: Sequence[ComponentView], t) -> str:
    rows = [[[c.title] + ([c.id] if c.id != c.title else []), [c.status_label], [c.reason] if c.reason else [],
             [f"{t['page_short']} {e.page}: {e.quote}" for e in c.evidence]] for c in components]
    return table([t["component"], t["status"], t["reason"], t["quote"]], rows, (6.5, 2.6, 7.5, 7.5), frozenset({3}))


def _documents(v: ReportView) -> list[str]:
    t = v.t
    out = [text_para(t["documents"], "h1")]
    if v.dossier_components:
        out += [text_para(t["dossier_checklist"], "h2"), _checklist(v.dossier_components, t)]
    for d in v.documents:
        out.append(text_para(d.label, "h2"))
        pages = t["page_one"] if d.pages == 1 else t["pages"]
        out.append(text_para(f"{t['doc_type']}: {d.doc_type_label} · {d.pages} {pages}" + (f" · {d.date}" if d.date else "")))
        if d.error:
            out.append(text_para(f"{t['doc_error']}: {d.error}"))
        out += [text_para(warning, "bullet") for warning in d.warnings]
        out.append(_checklist(d.components, t) if d.components else text_para(t["no_checklist"]))
    return out


def _timeline_cells(r, t) -> list[list[str]]:
    where = r.source if r.kind == "moment" else ", ".join(
        x for x in (r.document, f"{t['page_short']} {r.page}" if r.page else "", r.quote) if x)
    return [[r.weeks], [r.date],
            [f"{t['statutory_moment'] if r.kind == 'moment' else t['event']}: {r.label}"], [where],
            [t["late"]] if r.late else []]


def _timeline(v: ReportView) -> list[str]:
    t = v.t
    return [text_para(t["timeline"], "h1"), text_para(t["timeline_intro"]),
            table([t["week"], t["date"], t["what"], t["evidence"], t["status"]],
                  [_timeline_cells(r, t) for r in v.timeline_rows], (1.5, 2.6, 6.5, 11.0, 2.5))]


def document_xml(v: ReportView) -> str:
    width, height = (twips(cm) for cm in PAGE_CM)
    margin = twips(MARGIN_CM)
    section = (f'<w:sectPr><w:pgSz w:w="{width}" w:h="{height}" w:orient="landscape"/>'
               f'<w:pgMar w:top="{margin}" w:right="{margin}" w:bottom="{margin}" w:left="{margin}" '
               'w:header="720" w:footer="720" w:gutter="0"/><w:cols w:space="720"/><w:docGrid w:linePitch="360"/>'
               "</w:sectPr>")
    body = [text_para(v.t["title"], "title"), text_para(v.dossier_name),
            *_summary(v), *_findings(v), *_documents(v), *_timeline(v)]
    return ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            f'<w:document xmlns:w="{W_NS}"><w:body>{"".join(body)}{section}</w:body></w:document>')


def core_xml(title: str, lang: str) -> str:
    """Document properties: a title and a language, nothing about the machine or the user."""
    return ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{_text(title)}</dc:title><dc:creator></dc:creator><dc:language>{_text(lang)}</dc:language>"
            "</cp:coreProperties>")


# --- the package --------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def package_frame() -> bytes:
    """The parts every report shares, compressed once: python-docx's default template with
    Normal at 10 pt, without its body, its properties and its thumbnail (a picture of some other
    document)."""
    from docx import Document
    from docx.shared import Pt

    template = Document()
    template.styles["Normal"].font.size = Pt(10)
    saved = io.BytesIO()
    template.save(saved)
    frame = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(frame, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():  # [Content_Types].xml stays the first entry
            if item.filename in ("word/document.xml", "docProps/core.xml", "docProps/thumbnail.jpeg"):
                continue
            data = source.read(item.filename)
            if item.filename == "_rels/.rels":
                data = _THUMBNAIL_REL.sub("", data.decode("utf-8")).encode("utf-8")
            target.writestr(zipfile.ZipInfo(item.filename, ZIP_DATE), data, zipfile.ZIP_DEFLATED)
    return frame.getvalue()


def package(document: str, core: str) -> bytes:
    buffer = io.BytesIO(package_frame())
    with zipfile.ZipFile(buffer, "a") as z:
        for name, xml in (("docProps/core.xml", core), ("word/document.xml", document)):
            z.writestr(zipfile.ZipInfo(name, ZIP_DATE), xml.encode("utf-8"), zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def view_to_docx(v: ReportView) -> bytes:
    return package(document_xml(v), core_xml(f"{v.t['title']} — {v.dossier_name}", v.lang))


def render_docx(report: DossierReport, lang: str = "nl", checklists=None) -> bytes:
    return view_to_docx(report_view(report, lang, checklists))
