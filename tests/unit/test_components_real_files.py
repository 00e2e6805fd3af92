"""Components on real files written here (python-docx, reportlab), read by the real ingest."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from audit.checklist import load_checklists
from audit.ingest import ReadOptions, load_document
from audit.pipeline import audit_part


@pytest.fixture(scope="module")
def checklists():
    return load_checklists()


def _statuses(path: Path, doc_type: str, checklists) -> dict[str, str]:
    doc = load_document(path, path.name, ReadOptions(ocr="never"))
    assert doc.error is None, doc.error
    return {r.id.split(".", 1)[1]: r.status for r in audit_part(doc, checklists, doc_type).components}


def test_docx_voortgang_with_heading_styles(tmp_path: Path, checklists) -> None:
    d = docx.Document()
    d.add_heading("Voortgangsrapportage 2", 0)
    d.add_paragraph("Rapportageperiode: 14-10-2024 tot en met 13-12-2024.")
    d.add_heading("Belastbaarheid", 1)
    d.add_paragraph("Geen wijziging. De FML van 17-06-2024 is leidend: 4 uur per dag, dagdiensten.")
    d.add_heading("Aanbodversterking", 1)
    d.add_paragraph("Er is in deze periode (nog) geen training of scholing ingezet.")
    d.add_heading("Sollicitaties", 1)
    d.add_paragraph("Hij heeft 8 keer gesolliciteerd op functies uit het zoekprofiel; bewijs is aanwezig.")
    path = tmp_path / "voortgang.docx"
    d.save(str(path))
    got = _statuses(path, "spoor2_voortgang", checklists)
    assert got["periode"] == "present" and got["belastbaarheid_actueel"] == "present"
    assert got["sollicitaties"] == "present"
    assert got["aanbodversterking"] in ("weak", "missing")
    assert got["medewerking"] == "missing" and got["wep"] == "not_applicable"


def test_pdf_plan_with_numbered_bold_headings(tmp_path: Path, checklists) -> None:
    path = tmp_path / "plan.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    y = 800
    lines = [("Helvetica-Bold", 16, "Re-integratieplan tweede spoor"),
             ("Helvetica", 10, "Het traject is gestart op 25-11-2024 met een intakegesprek."),
             ("Helvetica-Bold", 12.5, "2. Belastbaarheid"),
             ("Helvetica", 10, "Volgens de FML van de bedrijfsarts heeft hij benutbare mogelijkheden voor 6 uur per dag."),
             ("Helvetica-Bold", 12.5, "4. Zoekprofiel"),
             ("Helvetica", 10, "Chauffeur personenvervoer, terreinmedewerker en baliemedewerker; 16 uur/week."),
             ("Helvetica-Bold", 12.5, "8. Rapportagemomenten"),
             ("Helvetica", 10, "Voortgangsrapportages na 3 en 6 maanden, eindrapportage na 9 maanden.")]
    for font, size, text in lines:
        c.setFont(font, size)
        c.drawString(60, y, text)
        y -= 28
    c.save()
    got = _statuses(path, "spoor2_plan", checklists)
    assert got["startdatum"] == "present" and got["zoekprofiel"] == "present" and got["rapportagemomenten"] == "present"
    assert got["urenomvang"] == "missing"  # 16 h/week against 6 h/day
    assert got["onderbouwing_zoekprofiel"] == "missing" and got["ondertekening"] == "missing"
