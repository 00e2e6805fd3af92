"""Scanned forms with a ruled label/value table: the rules are whitened before OCR and every
row is read as label and value (real Tesseract on one rendered page)."""
import shutil
from pathlib import Path

import numpy as np
import pytest

from audit.ingest import ReadOptions, load_document
from audit.ingest import ocr
from audit.ingest.ocr_prep import remove_rules
from unit.ingest_factories import images_to_pdf, render_ruled_form, render_scan

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")

ROWS = [("Naam werknemer", "Karin de Wit"), ("BSN", "123456782"), ("Geboortedatum", "14-02-1975"),
        ("Werkgever", "Bakkerij Van Dijk B.V."), ("Eerste ziektedag", "03-04-2024"),
        ("Datum spreekuur", "22-05-2024")]
BODY = ["De werknemer is beperkt in tillen en langdurig staan.",
        "Advies: start met aangepast werk, 2 x 2 uur per dag."]


def test_rules_are_whitened_and_text_is_kept():
    form = render_ruled_form("Probleemanalyse", ROWS, BODY, angle=0.0)
    plain = render_scan("\n".join(BODY), angle=0.0)
    cleaned, whitened = remove_rules(form, 300)
    assert whitened > 0
    pixels = np.asarray(cleaned)
    # no long dark horizontal run survives anywhere on the page
    ink = pixels < 160
    assert max(_longest_run(row) for row in ink) < 150
    # a page without rules is left as it was: no glyph stroke counts as a rule
    unchanged, none = remove_rules(plain, 300)
    assert none == 0 and np.array_equal(np.asarray(unchanged), np.asarray(plain.convert("L")))


def test_solid_dark_area_is_not_a_rule():
    page = render_scan("Korte tekst", angle=0.0)
    from PIL import ImageDraw
    ImageDraw.Draw(page).rectangle([300, 2000, 1800, 2300], fill=0)  # a dark photo or bar, 1 inch tall
    _, whitened = remove_rules(page, 300)
    assert whitened < 1500 * 20  # at most its fringe, never the whole area


def test_white_letters_on_a_dark_title_bar_are_kept():
    from PIL import ImageDraw, ImageFont
    from unit.ingest_factories import FONT
    page = render_ruled_form("", ROWS, BODY, angle=0.0)
    draw = ImageDraw.Draw(page)
    bar = (240, 60, 2200, 200)  # 0.47 in tall: taller than a vertical rule must be
    draw.rectangle(bar, fill=70)
    draw.text((280, 90), "Actueel oordeel bedrijfsarts", font=ImageFont.truetype(str(FONT), 75), fill=255)
    cleaned, whitened = remove_rules(page, 300)
    assert whitened > 0  # the form's grid is still found
    before = np.asarray(page.convert("L"))[bar[1]:bar[3], bar[0]:bar[2]]
    after = np.asarray(cleaned)[bar[1]:bar[3], bar[0]:bar[2]]
    assert (before != after).mean() < 0.01


def _longest_run(row) -> int:
    best = run = 0
    for value in row:
        run = run + 1 if value else 0
        best = max(best, run)
    return best


def test_cache_key_names_the_preprocessing_recipe(tmp_path: Path, monkeypatch):
    monkeypatch.setenv(ocr.CACHE_ENV, str(tmp_path))
    first = ocr._cache_path(b"page", "nld")
    monkeypatch.setattr(ocr, "RECIPE", ocr.RECIPE + "-changed")
    assert ocr._cache_path(b"page", "nld") != first


@needs_tesseract
def test_scanned_ruled_form_reads_every_row(tmp_path: Path, monkeypatch):
    monkeypatch.delenv(ocr.CACHE_ENV, raising=False)
    scan = images_to_pdf(tmp_path / "scan.pdf", [render_ruled_form("Probleemanalyse bedrijfsarts", ROWS, BODY)])
    doc = load_document(scan, "scan.pdf", ReadOptions())
    assert doc.error is None and doc.format == "scan"
    texts = [" ".join(b.text.split()) for b in doc.pages[0].blocks]
    for label, value in ROWS:  # each row one block, label then value, never a title
        row = [b for b, t in zip(doc.pages[0].blocks, texts) if t.startswith(label) and t.endswith(value)]
        assert row and row[0].kind == "paragraph", (label, texts)
    assert texts[0] == "Probleemanalyse bedrijfsarts"
    assert "2 x 2 uur per dag" in doc.pages[0].text
    assert not any(set(t) <= set("|NnE-_ ") for t in texts), texts  # no rule read as letters


@needs_tesseract
def test_one_and_a_half_spaced_sentence_stays_one_block(monkeypatch):
    # render_scan sets lines 1.6 font sizes apart: the gap split must not cut a sentence per line
    monkeypatch.delenv(ocr.CACHE_ENV, raising=False)
    lines = ["Toelichting", "De werknemer is op 4 maart 2024 ziek gemeld en werkt sinds",
             "15 april 2024 weer 2 x 3 uur per week in het eigen werk, met", "een opbouw naar vier uur per dag."]
    result = ocr.ocr_image(render_scan("\n".join(lines), angle=1.0), 1, dpi=300, lang="nld", timeout=60)
    texts = [" ".join(b.text.split()) for b in result.blocks]
    assert any(t.startswith("De werknemer is op 4 maart") and t.endswith("vier uur per dag.") for t in texts), texts
