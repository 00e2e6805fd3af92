"""Images to blocks with Tesseract: deskew, one OCR call per page, words to paragraphs.

Tesseract runs as a child process reading the page as PGM on stdin and writing TSV to stdout,
so no rendered page of a medical dossier is ever written to disk (pytesseract writes a PNG to
the system temp dir, and PNG encoding costs ~0.2 s per A4 page at 300 dpi).
``OMP_THREAD_LIMIT=1``: one thread per page, parallelism comes from processes
(tesseract-ocr/tesseract#3109: OpenMP threads slow Tesseract down when pages run in parallel).
Deskew is our own (Tesseract 5.3.0 reports wrong skew angles, OCRmyPDF #4445). Table rules
are whitened before OCR (``ocr_prep``) and the page is read with ``--psm 4`` (one column of
text of varying sizes): with psm 3 Tesseract's layout analysis dropped a ruled form's cells, and
split a label/value table into a column of labels and a column of values.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image

from audit import __version__
from audit.errors import DependencyError, DocumentError
from audit.ingest.ocr_prep import remove_rules
from audit.ingest.reading_order import blocks_in_reading_order
from audit.ingest.text import join_lines, looks_like_heading, normalise_line, split_numbering
from audit.model import Block

INSTALL = "sudo apt-get install tesseract-ocr tesseract-ocr-nld"
CACHE_ENV = "POORTWACHTER_OCR_CACHE"
MAX_SKEW = 6.0  # degrees searched either way; scans beyond that are rare and need OSD
MIN_SKEW = 0.3  # below this a rotation costs more sharpness than it gains
_SKEW_WIDTH = 900  # px of the downscaled image the angle is estimated on
# Tesseract splits a number group at a dash into two words ("14- 03-2024"); dates and ranges
# written with dashes never carry a space after the dash.
_SPLIT_NUMBER = re.compile(r"(?<=\d)- (?=\d)")
PSM = "4"
# Part of the OCR cache key: change it whenever preprocessing or Tesseract's settings change,
# or the cache serves text read the old way.
RECIPE = f"deskew-1|unrule-2|psm{PSM}"


@dataclass(frozen=True)
class OcrPage:
    blocks: tuple[Block, ...]
    confidence: float | None
    skew: float
    width_pt: float
    height_pt: float


@lru_cache(maxsize=8)
def _tesseract_langs(binary: str) -> frozenset[str]:
    result = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30,
                            env=_ocr_env())
    return frozenset(line.strip() for line in result.stdout.splitlines()[1:] if line.strip())


def check_tesseract(lang: str = "nld") -> None:
    """Raise DependencyError with the install command when Tesseract or ``lang`` is missing."""
    binary = shutil.which("tesseract")
    if binary is None:
        raise DependencyError(f"Tesseract (OCR) is niet geïnstalleerd; nodig voor scans en foto's. "
                              f"Installeer met: {INSTALL}")
    try:
        langs = _tesseract_langs(binary)
    except (OSError, subprocess.SubprocessError) as exc:
        raise DependencyError(f"Tesseract start niet ({exc}). Installeer opnieuw met: {INSTALL}") from exc
    missing = [part for part in lang.split("+") if part not in langs]
    if missing:
        raise DependencyError(f"Tesseract mist de taaldata '{'+'.join(missing)}'. Installeer met: {INSTALL}")


def _ocr_env() -> dict[str, str]:
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


# --------------------------------------------------------------------------- deskew


def estimate_skew(image: Image.Image) -> float:
    """Skew angle in degrees, in PIL's sense (counter-clockwise positive), by a projection
    profile search on a downscaled, binarised copy: the angle at which rows of ink are sharpest."""
    gray = image.convert("L")
    factor = max(1, -(-gray.width // _SKEW_WIDTH))
    small = gray.reduce(factor) if factor > 1 else gray
    ink = np.asarray(small) < 160
    ys, xs = np.nonzero(ink)
    if len(ys) < 200:
        return 0.0
    if len(ys) > 200_000:
        pick = np.random.default_rng(0).choice(len(ys), 200_000, replace=False)
        ys, xs = ys[pick], xs[pick]
    xs = xs - small.width / 2.0

    def sharpness(angle: float) -> float:
        rows = np.round(ys + xs * np.tan(np.radians(angle))).astype(np.int64)
        rows -= rows.min()
        hist = np.bincount(rows)
        return float(np.square(hist.astype(np.float64)).sum())

    coarse = np.arange(-MAX_SKEW, MAX_SKEW + 0.01, 0.5)
    best = max(coarse, key=sharpness)
    fine = np.arange(best - 0.5, best + 0.51, 0.05)
    return float(round(max(fine, key=sharpness), 2))


def deskew(image: Image.Image) -> tuple[Image.Image, float]:
    angle = estimate_skew(image)
    if abs(angle) < MIN_SKEW:
        return image, 0.0
    fill = 255 if image.mode == "L" else (255,) * len(image.getbands())
    # Bilinear: a third of bicubic's cost on an A4 page at 300 dpi, no measurable OCR loss.
    return image.rotate(-angle, resample=Image.BILINEAR, expand=False, fillcolor=fill), angle


# --------------------------------------------------------------------------- tesseract


def _cache_path(data: bytes, lang: str) -> Path | None:
    folder = os.environ.get(CACHE_ENV)
    if not folder:
        return None
    digest = hashlib.sha256(data + f"|{lang}|{__version__}|{RECIPE}".encode()).hexdigest()
    return Path(folder) / f"{digest}.json"


def run_tesseract(image: Image.Image, lang: str, timeout: float) -> list[dict[str, str]]:
    """Tesseract's word table (TSV rows as dicts) for one grayscale page.

    Development aid: when POORTWACHTER_OCR_CACHE names a folder, results are cached there by
    the page image's hash. Off by default: caching medical text on disk is otherwise unwanted.
    """
    buffer = io.BytesIO()
    image.convert("L").save(buffer, format="PPM")
    data = buffer.getvalue()
    cache = _cache_path(data, lang)
    if cache is not None and cache.is_file():
        return json.loads(cache.read_text(encoding="utf-8"))
    try:
        result = subprocess.run(["tesseract", "stdin", "stdout", "-l", lang, "--psm", PSM, "tsv"],
                                input=data, capture_output=True, timeout=timeout, env=_ocr_env())
    except subprocess.TimeoutExpired as exc:
        raise DocumentError("ocr_timeout", f"OCR duurde langer dan {timeout:.0f} s en is afgebroken") from exc
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["onbekende fout"]
        raise DocumentError("ocr_failed", f"OCR mislukt: {message[0]}")
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode("utf-8", "replace")),
                               delimiter="\t", quoting=csv.QUOTE_NONE))
    if cache is not None:
        cache.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(cache, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(rows, handle)
    return rows


def _words_by_paragraph(rows: list[dict[str, str]]) -> dict[tuple[int, int, int], list[dict]]:
    paragraphs: dict[tuple[int, int, int], list[dict]] = {}
    for row in rows:
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        key = (int(row["page_num"]), int(row["block_num"]), int(row["par_num"]))
        paragraphs.setdefault(key, []).append({**row, "text": text})
    return paragraphs


# A new paragraph starts inside a Tesseract paragraph where the white space between two lines
# is clearly more than the page's usual line gap: psm 4 runs a heading into its text and the
# rows of a form together. Usual gap: the median of the gaps under PARAGRAPH_GAP type heights
# (single-spaced body sits ~0.25 apart), else of all gaps (a 1.5-spaced letter, ~0.6 apart).
# A form row (a label, wide white space, its value) is a paragraph of its own.
PARAGRAPH_GAP = 0.5  # type heights: never split below this
GAP_RATIO = 1.6  # times the usual gap
ROW_GAP = 2.0  # type heights of white space between two words of a line: a label/value row


def _line_boxes(rows: list[dict[str, str]]) -> dict[tuple[int, int, int, int], tuple[int, int]]:
    return {(int(r["page_num"]), int(r["block_num"]), int(r["par_num"]), int(r["line_num"])):
            (int(r["top"]), int(r["top"]) + int(r["height"])) for r in rows if r.get("level") == "4"}


def _gap_limit(paragraphs: dict, lines: dict, type_height: float) -> float:
    gaps = []
    for key, words in paragraphs.items():
        boxes = [lines[(*key, n)] for n in sorted({int(w["line_num"]) for w in words}) if (*key, n) in lines]
        gaps += [b[0] - a[1] for a, b in zip(boxes, boxes[1:])]
    tight = [g for g in gaps if g <= PARAGRAPH_GAP * type_height]
    usual = _median(tight or gaps)
    return max(PARAGRAPH_GAP * type_height, GAP_RATIO * usual)


def _split_at_gaps(paragraphs: dict[tuple[int, int, int], list[dict]], rows: list[dict[str, str]],
                   type_height: float) -> dict[tuple[int, ...], list[dict]]:
    lines = _line_boxes(rows)
    limit = _gap_limit(paragraphs, lines, type_height)
    out: dict[tuple[int, ...], list[dict]] = {}
    for key, words in paragraphs.items():
        part, previous, previous_row = 0, None, False
        for line_num in sorted({int(w["line_num"]) for w in words}):
            line_words = [w for w in words if int(w["line_num"]) == line_num]
            box = lines.get((*key, line_num))
            row = _is_form_row(line_words, type_height)
            if previous and type_height and (row or previous_row or (box and box[0] - previous[1] > limit)):
                part += 1
            previous, previous_row = box or previous, row
            out.setdefault((*key, part), []).extend(line_words)
    return out


def _is_form_row(words: list[dict], type_height: float) -> bool:
    spans = sorted((int(w["left"]), int(w["left"]) + int(w["width"])) for w in words)
    return any(b[0] - a[1] > ROW_GAP * type_height for a, b in zip(spans, spans[1:])) if type_height else False


def _line_heights(rows: list[dict[str, str]]) -> dict[tuple[int, int, int, int], int]:
    """Type height of each text line: its tallest word of two or more letters. A word with an
    ascender and a descender spans the font's full height; line boxes are not used because a
    table rule, a '|' or leftover skew inflates them."""
    heights: dict[tuple[int, int, int, int], int] = {}
    for r in rows:
        text = (r.get("text") or "").strip()
        if r.get("level") != "5" or sum(ch.isalpha() for ch in text) < 2:
            continue
        key = (int(r["page_num"]), int(r["block_num"]), int(r["par_num"]), int(r["line_num"]))
        heights[key] = max(heights.get(key, 0), int(r["height"]))
    return heights


def _median(values: list[float]) -> float:
    values = sorted(values)
    return values[len(values) // 2] if values else 0.0


HEADING_LINE_RATIO = 1.35  # line height over the page's median line height
HEADING_MIN_CONFIDENCE = 70.0
_LINE_TO_FONT = 1.2  # a text line is about 1.2 times the font size tall (ascender + descender)


def _paragraph_to_block(words: list[dict], page: int, px_to_pt: float, line_height: float, body: float) -> Block:
    lines: dict[int, list[str]] = {}
    for word in words:
        lines.setdefault(int(word["line_num"]), []).append(word["text"])
    text = _SPLIT_NUMBER.sub("-", normalise_line(join_lines([" ".join(ws) for _, ws in sorted(lines.items())])))
    left = min(int(w["left"]) for w in words)
    top = min(int(w["top"]) for w in words)
    right = max(int(w["left"]) + int(w["width"]) for w in words)
    bottom = max(int(w["top"]) + int(w["height"]) for w in words)
    confs = [float(w["conf"]) for w in words if float(w["conf"]) >= 0]
    numbering, level = split_numbering(text)
    ratio = line_height / body if body else 1.0
    confidence = round(sum(confs) / len(confs), 1) if confs else None
    # OCR line heights are noisy (a '|' or a stamp makes a line taller): ask for a clearly
    # larger line, and never take a smudge (a signature, low confidence) for a title.
    # a form row (label, wide white space, value) is never a title
    heading = (len(lines) == 1 and (confidence or 0) >= HEADING_MIN_CONFIDENCE
               and not _is_form_row(words, body)
               and looks_like_heading(text, bold=ratio >= HEADING_LINE_RATIO, size_ratio=1.0))
    kind = "heading" if heading else "paragraph"
    if kind == "paragraph" and numbering:
        # OCR has no bold: a one-line numbered short title ("2. Prognose") is a heading
        short_title = len(lines) == 1 and len(text.split()) <= 8 and not text.endswith((".", ":", ";", ","))
        kind = "heading" if short_title and level and (confidence or 0) >= HEADING_MIN_CONFIDENCE else "list_item"
    return Block(kind=kind, text=text, page=page,
                 bbox=(left * px_to_pt, top * px_to_pt, right * px_to_pt, bottom * px_to_pt),
                 font_size=round(line_height * px_to_pt / _LINE_TO_FONT, 1), numbering=numbering,
                 level=level if kind == "heading" else None, pages=(page,),
                 confidence=confidence, source="ocr")


def rows_to_blocks(rows: list[dict[str, str]], page: int, dpi: int) -> tuple[tuple[Block, ...], float | None]:
    """Tesseract paragraphs as blocks (bbox in pt) and the page's mean word confidence."""
    heights = _line_heights(rows)
    body = _median(list(heights.values()))
    paragraphs = _split_at_gaps(_words_by_paragraph(rows), rows, body)
    blocks = []
    for key, words in sorted(paragraphs.items()):
        own = [heights[(*key[:3], n)] for n in {int(w["line_num"]) for w in words} if (*key[:3], n) in heights]
        block = _paragraph_to_block(words, page, 72.0 / dpi, _median(own) or body, body)
        if block.text:
            blocks.append(block)
    blocks = blocks_in_reading_order(blocks)
    confs = [float(w["conf"]) for ws in paragraphs.values() for w in ws if float(w["conf"]) >= 0]
    return tuple(blocks), (round(sum(confs) / len(confs), 1) if confs else None)


def ocr_image(image: Image.Image, page: int, *, dpi: int, lang: str, timeout: float) -> OcrPage:
    """One page image (at ``dpi``) to blocks. Raises DocumentError('ocr_timeout') on timeout."""
    gray = image.convert("L")
    straight, angle = deskew(gray)
    clean, _ = remove_rules(straight, dpi)
    rows = run_tesseract(clean, lang, timeout)
    blocks, confidence = rows_to_blocks(rows, page, dpi)
    return OcrPage(blocks, confidence, angle, gray.width * 72.0 / dpi, gray.height * 72.0 / dpi)

