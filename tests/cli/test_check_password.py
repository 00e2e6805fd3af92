"""A lawyer with the password of a protected PDF can audit it; without it the report says why."""
from __future__ import annotations

import json

import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner

from audit.cli import main

reportlab = pytest.importorskip("reportlab")
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402


def _protected_pdf(path, password: str) -> None:
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=password, invariant=1)
    c.drawString(72, 760, "Plan van aanpak")
    c.drawString(72, 730, "Eerste ziektedag: 8 januari 2024. Datum: 26 februari 2024.")
    c.save()


def test_password_opens_a_protected_pdf(tmp_path):
    pdf = tmp_path / "pva.pdf"
    _protected_pdf(pdf, "geheim")
    with pytest.raises(pdfium.PdfiumError):
        pdfium.PdfDocument(str(pdf))  # really protected
    without = json.loads(CliRunner().invoke(main, ["check", str(pdf), "--format", "json"]).output)
    assert without["documents"][0]["error_code"] == "encrypted"
    result = CliRunner().invoke(main, ["check", str(pdf), "--format", "json", "--password", "geheim"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["documents"][0]["error"] is None
    assert "2024-02-26" in {d["value"] for d in report["documents"][0]["dates"]}
