"""Blocks come out in reading order by position, whatever order the PDF drew them in."""
from pathlib import Path

import pytest

from audit.ingest import ReadOptions, load_document
from audit.ingest.reading_order import blocks_in_reading_order
from audit.model import Block
from unit.ingest_factories import write_out_of_order_pdf

pytest.importorskip("reportlab")

ROWS = [("Werknemer", "F. de Boer"), ("Eerste ziektedag", "04-09-2023"), ("Datum consult", "10-10-2023")]


def _block(text: str, box: tuple[float, float, float, float]) -> Block:
    return Block(kind="paragraph", text=text, page=1, bbox=box, pages=(1,))


def test_pdf_drawn_out_of_order_reads_top_to_bottom(tmp_path: Path):
    path = write_out_of_order_pdf(tmp_path / "pa.pdf", ROWS, letterhead="Arbodienst Noord B.V.",
                                  title="Rapportage probleemanalyse", running_header="Vertrouwelijk - medisch",
                                  footer="pagina 1", body="De werknemer kan aangepast werk doen.")
    doc = load_document(path, "pa.pdf", ReadOptions(ocr="never"))
    assert doc.error is None
    texts = [b.text for b in doc.pages[0].blocks]
    kinds = [b.kind for b in doc.pages[0].blocks]
    order = ["Vertrouwelijk", "Arbodienst Noord", "Rapportage probleemanalyse", "Werknemer",
             "De werknemer kan", "pagina 1"]
    positions = [next(i for i, t in enumerate(texts) if t.startswith(start)) for start in order]
    assert positions == sorted(positions), texts
    table = doc.pages[0].blocks[positions[3]]
    assert kinds[positions[3]] == "table" and "Eerste ziektedag | 04-09-2023" in table.text
    tops = [b.bbox[1] for b in doc.pages[0].blocks]
    assert tops == sorted(tops)


def test_unruled_label_value_rows_read_label_first(tmp_path: Path):
    # no grid: each label and its value are separate lines drawn value first
    path = tmp_path / "form.pdf"
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    for i, (label, value) in enumerate(ROWS):
        c.drawString(250, 700 - i * 30, value)
        c.drawString(60, 700 - i * 30, label)
    c.showPage()
    c.save()
    doc = load_document(path, "form.pdf", ReadOptions(ocr="never"))
    assert [b.text for b in doc.pages[0].blocks] == [f"{label} {value}" for label, value in ROWS]


def test_two_columns_each_read_whole():
    left = [_block(f"links {i}", (50, 100 + i * 40, 280, 135 + i * 40)) for i in range(3)]
    right = [_block(f"rechts {i}", (310, 120 + i * 40, 540, 155 + i * 40)) for i in range(3)]
    title = _block("Titel", (50, 40, 540, 60))
    footer = _block("pagina 1", (50, 800, 120, 810))
    shuffled = [right[1], footer, left[2], title, right[0], left[0], right[2], left[1]]
    assert [b.text for b in blocks_in_reading_order(shuffled)] == \
        ["Titel", *(b.text for b in left), *(b.text for b in right), "pagina 1"]


def test_blocks_without_a_box_keep_their_order():
    blocks = [_block("b", (0, 50, 10, 60)), Block(kind="paragraph", text="a", page=1)]
    assert blocks_in_reading_order(blocks) == tuple(blocks)
