"""Real Tesseract on pages rendered by the test (a handful of pages in total)."""
import shutil
import stat
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from audit.errors import DependencyError
from audit.ingest import ReadOptions, check_tesseract, load_document
from audit.ingest.ocr import CACHE_ENV, estimate_skew
from unit.ingest_factories import cer, images_to_pdf, render_scan, write_pdf

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")
pytestmark = pytest.mark.ocr

LINES = [
    "Plan van aanpak re-integratie",
    "De werknemer is op 4 maart 2024 ziek gemeld en werkt sinds",
    "15 april 2024 weer 2 x 3 uur per week in het eigen werk.",
    "De bedrijfsarts adviseert een opbouw naar 4 uur per dag.",
    "Het volgende evaluatiegesprek vindt plaats op 12-06-2024.",
    "Werkgever en werknemer zijn het eens met dit plan.",
]


def _ocr_text(doc, page: int) -> str:
    return " ".join(b.text for b in doc.pages[page - 1].blocks)


@pytest.mark.parametrize("angle", [2.8, -2.2, 0.0])
def test_skew_estimate(angle: float):
    assert abs(estimate_skew(render_scan("\n".join(LINES * 4), angle=angle)) - angle) <= 0.2


@needs_tesseract
def test_mixed_pdf_ocr_only_the_scanned_page(tmp_path: Path):
    digital = write_pdf(tmp_path / "digital.pdf", [[("body", "Deze pagina heeft een tekstlaag en hoeft geen OCR.")]])
    scan = images_to_pdf(tmp_path / "scan.pdf", [render_scan("\n".join(LINES), angle=2.6)])
    mixed = pdfium.PdfDocument(digital)
    mixed.import_pages(pdfium.PdfDocument(scan))
    mixed.save(tmp_path / "mixed.pdf")
    doc = load_document(tmp_path / "mixed.pdf", "mixed.pdf", ReadOptions())
    assert doc.error is None and doc.format == "pdf"
    assert not doc.pages[0].ocr and doc.pages[1].ocr
    assert abs(doc.pages[1].skew_angle - 2.6) <= 0.3
    assert cer(" ".join(LINES), _ocr_text(doc, 2)) <= 0.01
    assert all(b.source == "ocr" and b.confidence and b.bbox for b in doc.pages[1].blocks)
    assert doc.pages[1].ocr_confidence > 80


@needs_tesseract
def test_png_scan_with_cache(tmp_path: Path, monkeypatch):
    path = tmp_path / "foto.png"
    render_scan("\n".join(LINES), angle=-3.0, seed=7).save(path, dpi=(300, 300))
    cache = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(cache))
    first = load_document(path, "foto.png", ReadOptions())
    assert first.format == "image" and first.error is None
    assert cer(" ".join(LINES), _ocr_text(first, 1)) <= 0.01
    files = list(cache.iterdir())
    assert len(files) == 1 and stat.S_IMODE(files[0].stat().st_mode) == 0o600
    again = load_document(path, "foto.png", ReadOptions())
    assert again.pages == first.pages


@needs_tesseract
def test_multipage_tiff(tmp_path: Path):
    pages = [render_scan(f"{LINES[0]}, deel {n}\n{LINES[1]}\n{LINES[2]}", angle=0.0, seed=n) for n in (1, 2)]
    path = tmp_path / "scan.tif"
    pages[0].save(path, save_all=True, append_images=pages[1:], dpi=(300, 300), compression="tiff_lzw")
    doc = load_document(path, "scan.tif", ReadOptions())
    assert [p.number for p in doc.pages] == [1, 2]
    assert all("2 x 3 uur per week" in p.text for p in doc.pages)


@needs_tesseract
def test_ocr_timeout_is_a_page_note(tmp_path: Path, monkeypatch):
    monkeypatch.delenv(CACHE_ENV, raising=False)  # a cached page would never time out
    scan = images_to_pdf(tmp_path / "scan.pdf", [render_scan("\n".join(LINES), angle=0.0)])
    doc = load_document(scan, "scan.pdf", ReadOptions(ocr_timeout=0.01))
    assert doc.pages[0].notes and "afgebroken" in doc.pages[0].notes[0]
    assert doc.error_code == "empty"  # nothing could be read: said on the document too


def test_missing_language_gives_install_command(tmp_path: Path):
    with pytest.raises(DependencyError, match="apt-get install tesseract-ocr"):
        check_tesseract("xyz")
    scan = images_to_pdf(tmp_path / "scan.pdf", [render_scan("Korte tekst", angle=0.0)])
    doc = load_document(scan, "scan.pdf", ReadOptions(lang="xyz"))
    assert doc.error_code == "ocr_unavailable" and "apt-get install" in doc.error
    digital = write_pdf(tmp_path / "d.pdf", [[("body", "Een digitale PDF werkt zonder OCR-taaldata.")]])
    assert load_document(digital, "d.pdf", ReadOptions(lang="xyz")).error is None


def test_missing_tesseract_binary(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    from audit.ingest import ocr
    with pytest.raises(DependencyError, match="apt-get install"):
        ocr.check_tesseract("nld")
