"""Reading speed against the raw library call, in the same process (medians of several runs,
CPU seconds of this process and its children, so figures are per core and not skewed by
other jobs on a shared machine).

    .venv/bin/python benchmarks/ingest.py [--runs 5] [--skip-ocr]

Prints: digital PDF pages/s for 10/50/200-page reports (our reader vs raw pypdfium2 text
extraction; goal within 2.5x and >= 300 pages/s on one core for 200 pages), the same with a
ruled table every tenth page (pdfplumber runs on those pages), DOCX paragraphs/s (vs raw
python-docx ``paragraph.text``), and OCR seconds per page (vs a bare pytesseract call on the
same rendered image; goal overhead <= 15%), and the same for a ruled form, with the cost of
rule removal and deskew on their own. Inputs are generated in a private temp folder.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

WORDS = ("de werknemer heeft op het spreekuur aangegeven dat de belastbaarheid in de afgelopen "
         "weken is toegenomen en dat een opbouw in uren naar vier uur per dag haalbaar lijkt").split()


def _sentence(n: int) -> str:
    return " ".join(WORDS[(n + i) % len(WORDS)] for i in range(14)).capitalize() + "."


def make_pdf(path: Path, pages: int, table_every: int = 0) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    for number in range(1, pages + 1):
        c.setFont("Helvetica", 8)
        c.drawString(60, height - 30, "Arbodienst Voorbeeld - Medisch vertrouwelijk")
        c.drawString(60, 25, f"Pagina {number} van {pages}")
        c.setFont("Helvetica-Bold", 13)
        c.drawString(60, height - 70, f"{number}. Verloop van de re-integratie")
        y = height - 95
        table = table_every and number % table_every == 0
        for line in range(20 if table else 44):
            if line % 8 == 7:
                y -= 8  # paragraph break
            c.setFont("Helvetica", 10)
            c.drawString(60, y, _sentence(number * 50 + line))
            y -= 13
        if table:
            top = y - 10
            for row in range(12):
                for col, x in enumerate((60, 200, 340)):
                    c.rect(x, top - row * 18, 140, 18)
                    c.drawString(x + 4, top - row * 18 + 5, f"rij {row} kolom {col}")
        c.showPage()
    c.save()
    return path


def make_docx(path: Path, paragraphs: int) -> Path:
    import docx

    document = docx.Document()
    for n in range(paragraphs):
        if n % 25 == 0:
            document.add_heading(f"Evaluatie {n // 25 + 1}", level=2)
        document.add_paragraph(_sentence(n) + " " + _sentence(n + 3))
    document.save(path)
    return path


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (Tesseract): one-core cost,
    unaffected by other jobs sharing the machine."""
    times = os.times()
    return time.process_time() + times.children_user + times.children_system


def median_time(call, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = cpu_seconds()
        call()
        times.append(cpu_seconds() - start)
    return statistics.median(times)


def raw_pdf_text(path: Path) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    for page in pdf:
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    pdf.close()


def bench_pdf(folder: Path, runs: int) -> None:
    from audit.ingest import ReadOptions, load_document

    options = ReadOptions(ocr="never")
    for label, table_every in (("text only", 0), ("table every 10th page", 10)):
        print(f"digital PDF ({label}):")
        for pages in (10, 50, 200):
            path = make_pdf(folder / f"r{pages}-{table_every}.pdf", pages, table_every)
            raw = median_time(lambda: raw_pdf_text(path), runs)
            ours = median_time(lambda: load_document(path, path.name, options), runs)
            print(f"  {pages:4d} pages: ours {pages / ours:7.0f} pages/s ({ours * 1000 / pages:5.2f} ms/page), "
                  f"raw pypdfium2 {pages / raw:7.0f} pages/s, ratio {ours / raw:4.2f}x")


def bench_docx(folder: Path, runs: int) -> None:
    import docx

    from audit.ingest import ReadOptions, load_document

    path = make_docx(folder / "plan.docx", 2000)
    count = 2000 + 80
    raw = median_time(lambda: [p.text for p in docx.Document(path).paragraphs], runs)
    ours = median_time(lambda: load_document(path, path.name, ReadOptions()), runs)
    print(f"DOCX ({count} paragraphs): ours {count / ours:7.0f} paragraphs/s, raw python-docx "
          f"{count / raw:7.0f} paragraphs/s, ratio {ours / raw:4.2f}x")


def bench_ocr(folder: Path, runs: int) -> None:
    import pypdfium2 as pdfium
    import pytesseract
    from PIL import Image, ImageDraw, ImageFont

    from audit.ingest.ocr import ocr_image

    dpi = 300
    image = Image.new("L", (int(8.27 * dpi), int(11.69 * dpi)), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", int(11 * dpi / 72))
    for line in range(40):
        draw.text((270, 300 + line * 70), _sentence(line), font=font, fill=0)
    image = image.rotate(2.0, resample=Image.BICUBIC, fillcolor=255)
    bare = median_time(lambda: pytesseract.image_to_string(image, lang="nld"), runs)
    ours = median_time(lambda: ocr_image(image, 1, dpi=dpi, lang="nld", timeout=120), runs)
    print(f"OCR (A4, 300 dpi, 40 lines, 2 degrees skew): ours {ours:5.2f} s/page (deskew + Tesseract + blocks), "
          f"bare pytesseract.image_to_string {bare:5.2f} s/page, overhead {100 * (ours / bare - 1):+4.0f}%")
    from audit.ingest.ocr import deskew
    from audit.ingest.ocr_prep import remove_rules
    form = ruled_form(dpi)
    unrule = median_time(lambda: remove_rules(form, dpi), runs)
    skew = median_time(lambda: deskew(form), runs)
    bare_form = median_time(lambda: pytesseract.image_to_string(form, lang="nld"), runs)
    ours_form = median_time(lambda: ocr_image(form, 1, dpi=dpi, lang="nld", timeout=120), runs)
    print(f"OCR ruled form (A4, 300 dpi, 10-row grid, 1.5 degrees skew): ours {ours_form:5.2f} s/page, bare "
          f"{bare_form:5.2f} s/page, overhead {100 * (ours_form / bare_form - 1):+4.0f}%; of ours: rule removal "
          f"{unrule:4.2f} s, deskew {skew:4.2f} s")
    pdf_path = folder / "scan.pdf"
    image.save(pdf_path, format="PDF", resolution=dpi)
    from audit.ingest import ReadOptions, load_document
    whole = median_time(lambda: load_document(pdf_path, "scan.pdf", ReadOptions()), runs)
    print(f"  scanned PDF page end to end (render 300 dpi + the above): {whole:5.2f} s/page")
    pdfium.PdfDocument(pdf_path).close()


def ruled_form(dpi: int):
    """A form page with a ruled label/value grid and a few body lines, slightly skewed."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (int(8.27 * dpi), int(11.69 * dpi)), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", int(10 * dpi / 72))
    left, split, right, top, row = 240, 960, 2220, 420, 100
    for n in range(10):
        draw.text((left + 18, top + n * row + 24), f"Veld {n + 1}", font=font, fill=0)
        draw.text((split + 18, top + n * row + 24), f"{n + 1:02d}-03-2024", font=font, fill=0)
    for n in range(11):
        draw.line([(left, top + n * row), (right, top + n * row)], fill=0, width=3)
    for x in (left, split, right):
        draw.line([(x, top), (x, top + 10 * row)], fill=0, width=3)
    for line in range(20):
        draw.text((left, top + 10 * row + 120 + line * 70), _sentence(line), font=font, fill=0)
    return image.rotate(1.5, resample=Image.BICUBIC, fillcolor=255)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-ocr", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="poortwachter-bench-"))
    try:
        bench_pdf(folder, args.runs)
        bench_docx(folder, args.runs)
        if not args.skip_ocr and shutil.which("tesseract"):
            bench_ocr(folder, max(3, args.runs // 2))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
