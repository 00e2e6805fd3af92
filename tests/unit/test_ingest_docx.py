from pathlib import Path

import docx
import pytest

from audit.ingest import ReadOptions, load_document
from unit.ingest_factories import docx_from_body


def _r(text: str, bold: bool = False) -> str:
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def test_python_docx_body_order_headings_lists_tables(tmp_path: Path):
    document = docx.Document()
    document.add_heading("Plan van aanpak", level=1)
    document.add_paragraph("Eerste ziektedag: 4 maart 2024.")
    document.add_heading("Afspraken", level=2)
    document.add_paragraph("Opbouw naar 4 uur per dag", style="List Number")
    document.add_paragraph("Evaluatie elke zes weken", style="List Number")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Werknemer", "K. de Vries"
    table.cell(1, 0).text, table.cell(1, 1).text = "Werkgever", "Bakkerij Zuid"
    document.add_paragraph("Na de tabel.")
    section = document.sections[0]
    section.header.paragraphs[0].text = "Bakkerij Zuid - vertrouwelijk"
    section.footer.paragraphs[0].text = "Plan van aanpak K. de Vries"
    path = tmp_path / "pva.docx"
    document.save(path)

    doc = load_document(path, "pva.docx", ReadOptions())
    assert doc.error is None and doc.format == "docx"
    content = [b for b in doc.blocks if not b.is_furniture]
    assert [b.kind for b in content] == ["heading", "paragraph", "heading", "list_item", "list_item", "table", "paragraph"]
    assert content[0].level == 1 and content[2].level == 2 and content[2].style == "Heading 2"
    assert [b.numbering for b in content[3:5]] == ["1.", "2."]
    assert content[5].rows == (("Werknemer", "K. de Vries"), ("Werkgever", "Bakkerij Zuid"))
    furniture = [b for b in doc.blocks if b.is_furniture]
    assert {b.kind for b in furniture} == {"header", "footer"}
    assert "vertrouwelijk" not in doc.text


def test_tracked_changes_sdt_and_textbox(tmp_path: Path):
    body = (
        f"<w:p>{_r('Datum plan: ')}<w:ins w:id='1' w:author='a'>{_r('3 januari 2024')}</w:ins>"
        f"<w:del w:id='2' w:author='a'><w:r><w:delText>1 december 2023</w:delText></w:r></w:del></w:p>"
        f"<w:sdt><w:sdtContent><w:p>{_r('Naam werknemer: P. Bakker')}</w:p></w:sdtContent></w:sdt>"
        f"<w:p><w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><w:txbxContent>"
        f"<w:p>{_r('Tekst in een tekstvak')}</w:p></w:txbxContent></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><w:txbxContent><w:p>{_r('Tekst in een tekstvak')}</w:p></w:txbxContent></w:pict>"
        f"</mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )
    doc = load_document(docx_from_body(tmp_path / "t.docx", body), "t.docx", ReadOptions())
    assert "Datum plan: 3 januari 2024" in doc.text
    assert "1 december 2023" not in doc.text
    assert doc.text.count("Tekst in een tekstvak") == 1
    assert "Naam werknemer: P. Bakker" in doc.text
    assert any("verwijdering" in w for w in doc.warnings) and any("invoeging" in w for w in doc.warnings)


def test_page_breaks_give_page_numbers(tmp_path: Path):
    body = (f"<w:p>{_r('Pagina een')}</w:p><w:p><w:r><w:br w:type='page'/></w:r>{_r('Pagina twee')}</w:p>"
            f"<w:p>{_r('Nog steeds twee')}</w:p>")
    doc = load_document(docx_from_body(tmp_path / "p.docx", body), "p.docx", ReadOptions())
    assert [(b.text, b.page) for b in doc.blocks] == [("Pagina een", 1), ("Pagina twee", 2), ("Nog steeds twee", 2)]


def test_bold_short_line_is_heading(tmp_path: Path):
    body = f"<w:p>{_r('Afspraken', bold=True)}</w:p><w:p>{_r('We spreken af dat er gewerkt wordt.')}</w:p>"
    doc = load_document(docx_from_body(tmp_path / "b.docx", body), "b.docx", ReadOptions())
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph"]


def test_entities_not_resolved(tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("GEHEIM")
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">'
           '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           '<w:body><w:p><w:r><w:t>&x;&b;Tekst</w:t></w:r></w:p></w:body></w:document>')
    path = docx_from_body(tmp_path / "e.docx", "", document=xml)
    doc = load_document(path, "e.docx", ReadOptions())
    assert "GEHEIM" not in doc.text and "aaaaaaaaaa" not in doc.text


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 kapot", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600])
def test_broken_and_old_word_files(tmp_path: Path, content: bytes):
    path = tmp_path / "rapport.docx"
    path.write_bytes(content)
    doc = load_document(path, "rapport.docx", ReadOptions())
    assert doc.error and doc.error_code in ("empty", "corrupt", "unsupported")
    if content.startswith(b"\xd0\xcf"):
        assert "DOCX of PDF" in doc.error


def test_footnotes_read_after_body(tmp_path: Path):
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    notes = (f'<w:footnotes xmlns:w="{w}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:t>---</w:t></w:r></w:p>'
             f'</w:footnote><w:footnote w:id="1"><w:p>{_r("Bron: FML van 12-12-2023.")}</w:p></w:footnote></w:footnotes>')
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" '
            'Target="footnotes.xml"/></Relationships>')
    path = docx_from_body(tmp_path / "f.docx", f"<w:p>{_r('Zie voetnoot.')}</w:p>",
                          extra_parts={"word/footnotes.xml": notes, "word/_rels/document.xml.rels": rels})
    doc = load_document(path, "f.docx", ReadOptions())
    assert [b.text for b in doc.blocks] == ["Zie voetnoot.", "Bron: FML van 12-12-2023."]
