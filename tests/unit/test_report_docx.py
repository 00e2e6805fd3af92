"""The Word report: reopened with python-docx it holds every finding id and quote of the JSON,
the per-document checklists and the timeline, and nothing Dutch of ours in English."""
from __future__ import annotations

import io
import json
import re

import docx
import pytest
from report_sample import empty_report, sample_report

from audit.report import render
from audit.report.texts import dutch_only_texts, text


def reopen(report, lang="nl"):
    return docx.Document(io.BytesIO(render(report, "docx", lang)))


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_finding_id_and_quote_of_the_json_is_in_the_docx(lang):
    report = sample_report()
    data = json.loads(render(report, "json"))
    body = all_text(reopen(report, lang))
    assert data["findings"]
    for f in data["findings"]:
        assert f["id"] in body
        assert (f["message_en"] if lang == "en" else f["message"]) in body
        for e in f["evidence"]:
            assert e["quote"] in body and e["document"] in body


def test_structure_title_findings_table_checklists_timeline():
    report = sample_report()
    document = reopen(report)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == "Bevindingen re-integratiedossier"
    for key in ("summary", "findings", "documents", "timeline"):
        assert text(key, "nl") in headings
    findings_table = document.tables[0]
    header = [c.text for c in findings_table.rows[0].cells]
    assert header == ["Bevinding", "Wat het dossier laat zien", "Document", "Pagina", "Citaat", "Regel en bron"]
    assert len(findings_table.rows) == 1 + len(report.findings)
    first = [c.text for c in findings_table.rows[1].cells]  # worst first
    assert "deadline.spoor2_start" in first[0] and first[3] == "1"
    assert "Werkwijzer Poortwachter 4.3.1" in first[5]
    # one checklist table per document with components, plus the dossier's, plus the timeline
    with_checklist = sum(1 for a in report.documents if a.components)
    assert len(document.tables) == 1 + 1 + with_checklist + 1
    timeline_rows = [[c.text for c in r.cells] for r in document.tables[-1].rows[1:]]
    late = [r for r in timeline_rows if r[4] == "te laat"]
    assert {r[0] for r in late} == {"11", "63"}


def test_english_docx_has_no_dutch_frame_words():
    report = sample_report()
    document = reopen(report, "en")
    assert document.paragraphs[0].text == "Findings re-integration dossier"
    body = "\n".join(p.text for p in document.paragraphs)
    for table in document.tables:
        for row in table.rows[:1]:  # headers are ours; cells below quote the documents
            body += "\n" + " ".join(c.text for c in row.cells)
    body = re.sub(r"\b[a-z0-9_]+(?:\.[a-z0-9_]+)+\b", " ", body)
    for q in (report.dossier, *report.warnings, *report.timeline.warnings,
              *(w for a in report.documents for w in a.document.warnings),
              *(a.document.error for a in report.documents if a.document.error),
              *(a.document.path for a in report.documents)):
        body = body.replace(q, " ")
    leftovers = [w for w in dutch_only_texts() if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", body)]
    assert not leftovers, leftovers


def test_empty_report_still_makes_a_document():
    document = reopen(empty_report())
    assert text("findings_none", "nl") in all_text(document)
    assert document.core_properties.author == ""


def test_control_characters_from_ocr_do_not_break_the_file():
    from dataclasses import replace

    from audit.model import Evidence, Finding

    quote = "Datum:\x0c 14-03-2023\x00 \x1b[0m"
    finding = Finding("deadline.probleemanalyse", "high", "Te laat.", (Evidence("scan\x07.pdf", 1, quote),))
    report = replace(sample_report(), findings=(finding,), warnings=("pagina\x0b 2 onleesbaar",))
    body = all_text(reopen(report))
    assert "Datum: 14-03-2023 [0m" in body and "scan.pdf" in body
    for fmt in ("html", "json", "csv"):
        assert render(report, fmt)


def test_same_report_same_bytes_and_nothing_of_the_template_leaks():
    import zipfile

    report = sample_report()
    first, second = render(report, "docx"), render(report, "docx")
    assert first == second  # fixed dates in the ZIP: a re-run is byte-identical
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert z.testzip() is None
        names = z.namelist()
        core = z.read("docProps/core.xml").decode()
        rels = z.read("_rels/.rels").decode()
    assert names[0] == "[Content_Types].xml" and "word/document.xml" in names
    assert not any("thumbnail" in n for n in names) and "thumbnail" not in rels
    assert "python-docx" not in core and "<dc:language>nl</dc:language>" in core
    document = docx.Document(io.BytesIO(first))
    assert document.styles["Normal"].font.size.pt == 10
    assert document.sections[0].page_width > document.sections[0].page_height  # landscape A4


@pytest.mark.skipif(not __import__("shutil").which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_a_word_processor_opens_the_file(tmp_path):
    """The DOCX is written without python-docx's save(): LibreOffice must open it and lay it out
    on A4 landscape with the findings in it."""
    import subprocess

    import pypdfium2

    source = tmp_path / "bevindingen.docx"
    source.write_bytes(render(sample_report(), "docx"))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    pdf = pypdfium2.PdfDocument(tmp_path / "bevindingen.pdf")
    width, height = pdf[0].get_size()
    assert (round(width), round(height)) == (842, 595)
    text = " ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert "Bevindingen re-integratiedossier" in text and "deadline.spoor2_start" in text.replace("\r\n", "")
