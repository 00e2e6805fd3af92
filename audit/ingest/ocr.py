"""Images to blocks with Tesseract: deskew, one OCR call per page, words to paragraphs.

Tesseract runs as a child process reading the page as PGM on stdin and writing TSV to stdout,
so no rendered page of a medical dossier is ever written to disk (pytesseract writes a PNG to
the system temp dir, and PNG encoding costs ~0.2 s per A4 page at 300 dpi).
``OMP_THREAD_LIMIT=1``: one thread per page, parallelism comes from processes
(tesseract-ocr/tesseract#3109: OpenMP threads slow Tesseract down when pages run in parallel).
Deskew is our own (Tesseract 5.3.0 reports wrong skew angles, OCRmyPDF #4445).
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
    digest = hashlib.sha256(data + f"|{lang}|{__version__}".encode()).hexdigest()
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
        result = subprocess.run(["tesseract", "stdin", "stdout", "-l", lang, "--psm", "3", "tsv"],
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


def _paragraph_to_block(words: list[dict], page: int, px_to_pt: float, body_height: float) -> Block:
    lines: dict[int, list[str]] = {}
    for word in words:
        lines.setdefault(int(word["line_num"]), []).append(word["text"])
    text = _SPLIT_NUMBER.sub("-", normalise_line(join_lines([" ".join(ws) for _, ws in sorted(lines.items())])))
    left = min(int(w["left"]) for w in words)
    top = min(int(w["top"]) for w in words)
    right = max(int(w["left"]) + int(w["width"]) for w in words)
    bottom = max(int(w["top"]) + int(w["height"]) for w in words)
    confs = [float(w["conf"]) for w in words if float(w["conf"]) >= 0]
    heights = sorted(int(w["height"]) for w in words)
    size_ratio = heights[len(heights) // 2] / body_height if body_height else 1.0
    numbering, level = split_numbering(text)
    kind = "heading" if len(lines) == 1 and looks_like_heading(text, bold=False, size_ratio=size_ratio) else "paragraph"
    return Block(kind=kind, text=text, page=page,
                 bbox=(left * px_to_pt, top * px_to_pt, right * px_to_pt, bottom * px_to_pt),
                 font_size=round(heights[len(heights) // 2] * px_to_pt, 1), numbering=numbering,
                 level=level if kind == "heading" else None, pages=(page,),
                 confidence=round(sum(confs) / len(confs), 1) if confs else None, source="ocr")


def rows_to_blocks(rows: list[dict[str, str]], page: int, dpi: int) -> tuple[tuple[Block, ...], float | None]:
    """Tesseract paragraphs as blocks (bbox in pt) and the page's mean word confidence."""
    paragraphs = _words_by_paragraph(rows)
    heights = sorted(int(w["height"]) for ws in paragraphs.values() for w in ws)
    body = heights[len(heights) // 2] if heights else 0
    blocks = tuple(b for b in (_paragraph_to_block(ws, page, 72.0 / dpi, body)
                               for _, ws in sorted(paragraphs.items())) if b.text)
    confs = [float(w["conf"]) for ws in paragraphs.values() for w in ws if float(w["conf"]) >= 0]
    return blocks, (round(sum(confs) / len(confs), 1) if confs else None)


def ocr_image(image: Image.Image, page: int, *, dpi: int, lang: str, timeout: float) -> OcrPage:
    """One page image (at ``dpi``) to blocks. Raises DocumentError('ocr_timeout') on timeout."""
    gray = image.convert("L")
    straight, angle = deskew(gray)
    rows = run_tesseract(straight, lang, timeout)
    blocks, confidence = rows_to_blocks(rows, page, dpi)
    return OcrPage(blocks, confidence, angle, gray.width * 72.0 / dpi, gray.height * 72.0 / dpi)

