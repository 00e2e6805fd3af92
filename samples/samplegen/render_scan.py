"""A scanned paper form: text drawn at 300 dpi with Pillow, skewed, speckled, JPEG-compressed,
wrapped in an image-only PDF (no text layer).

Deterministic: noise comes from ``random.Random(doc.seed)``; the PDF is written with
reportlab ``invariant=1``.
"""
from __future__ import annotations

import io
import math
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas as rl_canvas

from .core import KV, Bullets, Doc, H, P, Sig, Table

DPI = 300
PAGE = (2480, 3508)  # A4 at 300 dpi
MARGIN = 210
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
SIZES = {"title": 62, "h": 48, "body": 42, "small": 36}


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONT_DIR / name), size)


class _Pages:
    """Lays text out top to bottom, starting a new page when one is full."""

    def __init__(self) -> None:
        self.pages: list[Image.Image] = []
        self._new()

    def _new(self) -> None:
        self.img = Image.new("L", PAGE, 255)
        self.draw = ImageDraw.Draw(self.img)
        self.pages.append(self.img)
        self.y = MARGIN

    def need(self, height: int) -> None:
        if self.y + height > PAGE[1] - MARGIN:
            self._new()

    def wrap(self, text: str, font, width: int) -> list[str]:
        lines: list[str] = []
        for para in text.split("\n"):
            line = ""
            for word in para.split():
                trial = f"{line} {word}".strip()
                if font.getlength(trial) <= width:
                    line = trial
                else:
                    lines.append(line)
                    line = word
            lines.append(line)
        return lines

    def text(self, text: str, size: int, bold=False, x=MARGIN, width=None, gap=14) -> None:
        font = _font(size, bold)
        width = width or PAGE[0] - MARGIN - x
        for line in self.wrap(text, font, width):
            self.need(int(size * 1.45))
            self.draw.text((x, self.y), line, font=font, fill=20)
            self.y += int(size * 1.45)
        self.y += gap

    def rows(self, rows, widths, header=False) -> None:
        total = PAGE[0] - 2 * MARGIN
        xs = [MARGIN + int(total * sum(widths[:i])) for i in range(len(widths) + 1)]
        size = SIZES["small"]
        for r, row in enumerate(rows):
            bold = header and r == 0
            font = _font(size, bold)
            wrapped = [self.wrap(c, font, xs[i + 1] - xs[i] - 24) for i, c in enumerate(row)]
            height = max(len(w) for w in wrapped) * int(size * 1.4) + 22
            self.need(height)
            for i, lines in enumerate(wrapped):
                for k, line in enumerate(lines):
                    self.draw.text((xs[i] + 12, self.y + 10 + k * int(size * 1.4)), line, font=font, fill=20)
            self.draw.rectangle((xs[0], self.y, xs[-1], self.y + height), outline=60, width=3)
            for x in xs[1:-1]:
                self.draw.line((x, self.y, x, self.y + height), fill=60, width=3)
            self.y += height
        self.y += 30

    def signature(self, seed: int) -> None:
        """A hand-drawn looking scribble above a line."""
        rnd = random.Random(seed)
        self.need(220)
        x0, y0 = self.x_sig, self.y + 120
        points = []
        for i in range(60):
            t = i / 59
            points.append((x0 + 420 * t + rnd.uniform(-6, 6),
                           y0 + 55 * math.sin(t * 9.5 + rnd.uniform(-0.2, 0.2)) * (1 - 0.4 * t)))
        self.draw.line(points, fill=25, width=6, joint="curve")
        self.draw.line((x0 - 20, y0 + 80, x0 + 560, y0 + 80), fill=80, width=3)

    x_sig = MARGIN


def _layout(doc: Doc) -> list[Image.Image]:
    pages = _Pages()
    pages.text(doc.title, SIZES["title"], bold=True, gap=40)
    for e in doc.body:
        if isinstance(e, H):
            pages.y += 16
            pages.text(e.text, SIZES["h"], bold=True, gap=10)
        elif isinstance(e, P):
            pages.text(e.text, SIZES["body"])
        elif isinstance(e, Bullets):
            for item in e.items:
                pages.text("- " + item, SIZES["body"], gap=4)
            pages.y += 10
        elif isinstance(e, KV):
            pages.rows(e.rows, (0.38, 0.62))
        elif isinstance(e, Table):
            widths = e.widths or tuple(1 / len(e.header) for _ in e.header)
            pages.rows((e.header, *e.rows), widths, header=True)
        elif isinstance(e, Sig):
            for n, (role, name, when, signed) in enumerate(e.parties):
                pages.need(400)
                pages.text(f"{role}: {name}", SIZES["body"], bold=True, gap=4)
                pages.text(f"Datum: {when}", SIZES["body"], gap=0)
                if signed:
                    pages.signature(doc.seed * 31 + n)
                    pages.y += 230
                else:
                    pages.y += 120
    return pages.pages


def _age(img: Image.Image, angle: float, seed: int) -> Image.Image:
    """What a scanner does: a slight skew, specks of dust, a not quite white page."""
    rnd = random.Random(seed)
    img = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    draw = ImageDraw.Draw(img)
    for _ in range(900):
        x, y = rnd.randrange(PAGE[0]), rnd.randrange(PAGE[1])
        r = rnd.choice((1, 1, 2, 3))
        draw.ellipse((x, y, x + r, y + r), fill=rnd.randrange(90, 200))
    return img.point(lambda v: min(v, 246))


def write_scan(doc: Doc, path: Path) -> None:
    rl_config.useA85 = 0  # binary streams: a third smaller than ASCII85
    pages = _layout(doc)
    pdf = rl_canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for n, page in enumerate(pages):
        angle = doc.skew if n % 2 == 0 else -doc.skew * 0.8
        jpeg = io.BytesIO()
        _age(page, angle, doc.seed + n).save(jpeg, "JPEG", quality=55, dpi=(DPI, DPI), optimize=True)
        jpeg.seek(0)
        pdf.drawImage(ImageReader(jpeg), 0, 0, width=A4[0], height=A4[1])
        pdf.showPage()
    pdf.save()
