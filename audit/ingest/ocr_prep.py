"""Page images made easier for Tesseract: table ruling lines whitened before OCR.

Tesseract's layout analysis takes the rules of a ruled form (label | value grid) for an image
region and drops the text inside it: a scanned probleemanalyse came out as "NN" and "|" where
the name, BSN and dates stood (Tesseract's own advice, tessdoc ImproveQuality "Borders" and
"Tables": remove lines before recognition). A rule is a long, thin run of ink: horizontal runs
of at least H_RULE_MIN_INCH (vertical: V_RULE_MIN_INCH), at most RULE_MAX_THICK_INCH thick.
Glyphs of body and heading sizes have no runs that long and thin; runs inside dark areas (a
photo, a title bar with white letters) are left alone (``_dense_areas``).

The run-length work is vectorised numpy: one diff over the flattened image, then only the
kept runs' pixels are touched.
"""
from __future__ import annotations

import numpy as np
from PIL import Image, ImageFilter

INK_MARGIN = 45  # grey levels under the paper tone that count as ink
MAX_INK_LEVEL = 200
H_RULE_MIN_INCH = 0.5  # a horizontal rule is at least this long (a word is a few glyphs apart)
V_RULE_MIN_INCH = 0.3  # a vertical rule: one table row is ~0.25 in; tall glyphs at 24 pt stay below
RULE_MAX_THICK_INCH = 0.04  # ~3 pt: thicker runs are a filled area, not a rule
DENSE_WINDOW_INCH, DENSE_SHARE = 0.15, 0.45  # ink share around a pixel that makes a dark area
# ~9 bytes of working memory per pixel: larger images (posters, not A4 at 300 dpi = 8.7 Mpx)
# go to Tesseract as they are rather than cost gigabytes.
MAX_PIXELS = 40_000_000
GROW = 1  # px whitened around a rule: the scanner's grey fringe would be read as a dash


def _runs_along_rows(mask: np.ndarray, lo: int, hi: int | None = None) -> np.ndarray:
    """Pixels of ``mask`` that lie in a horizontal run of ``lo`` to ``hi`` set pixels."""
    height, width = mask.shape
    padded = np.zeros((height, width + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    flat = padded.ravel()
    step = np.diff(flat)
    starts = np.flatnonzero(step == 1) + 1
    ends = np.flatnonzero(step == -1) + 1
    length = ends - starts
    keep = length >= lo if hi is None else (length >= lo) & (length <= hi)
    starts, length = starts[keep], length[keep]
    out = np.zeros(flat.size, dtype=bool)
    if length.size:  # the indices of every kept run's pixels: only the runs' pixels are touched
        offsets = np.repeat(starts - np.concatenate(([0], np.cumsum(length)[:-1])), length)
        out[np.arange(int(length.sum())) + offsets] = True
    return out.reshape(height, width + 2)[:, 1:-1]


def _runs_along_columns(mask: np.ndarray, lo: int, hi: int | None = None) -> np.ndarray:
    return _runs_along_rows(np.ascontiguousarray(mask.T), lo, hi).T


def _grow(mask: np.ndarray, by: int) -> np.ndarray:
    out = mask.copy()
    for _ in range(by):
        grown = out.copy()
        grown[1:] |= out[:-1]
        grown[:-1] |= out[1:]
        grown[:, 1:] |= out[:, :-1]
        grown[:, :-1] |= out[:, 1:]
        out = grown
    return out


def _dense_areas(ink: np.ndarray, dpi: int) -> np.ndarray:
    """Where ink covers more than DENSE_SHARE of the surrounding DENSE_WINDOW_INCH square: a
    dark bar, a photo or a stamp. The white gaps between light letters on a dark title bar
    make thin dark columns that look like rules; whitening them cuts the letters apart (corpus
    d04, a grey title bar with white text)."""
    factor = max(1, round(dpi / 75))  # work at ~75 dpi: the share is a coarse measure
    small = Image.fromarray(ink.astype(np.uint8) * 255).reduce(factor)
    radius = max(1, round(DENSE_WINDOW_INCH * dpi / factor / 2))
    share = np.asarray(small.filter(ImageFilter.BoxBlur(radius))) > DENSE_SHARE * 255
    full = np.repeat(np.repeat(share, factor, axis=0), factor, axis=1)
    out = np.zeros(ink.shape, dtype=bool)
    height, width = min(full.shape[0], ink.shape[0]), min(full.shape[1], ink.shape[1])
    out[:height, :width] = full[:height, :width]
    return out


def _ink_level(gray: np.ndarray) -> float:
    """Grey level below which a pixel is ink for rule finding: a fixed margin under the page's
    paper tone. Scanned hairlines are light (~150 on ~240 paper, d01) and broken into short
    runs by a fixed threshold of 160."""
    paper = float(np.median(gray[::7, ::7]))
    return min(paper - INK_MARGIN, MAX_INK_LEVEL)


def rule_mask(gray: np.ndarray, dpi: int) -> np.ndarray:
    """Pixels that belong to long thin horizontal or vertical lines outside dark areas."""
    ink = gray < _ink_level(gray)
    thick = max(2, round(RULE_MAX_THICK_INCH * dpi))
    horizontal = _runs_along_rows(ink, max(8, round(H_RULE_MIN_INCH * dpi)))
    horizontal = _runs_along_columns(horizontal, 1, thick)
    vertical = _runs_along_columns(ink, max(8, round(V_RULE_MIN_INCH * dpi)))
    vertical = _runs_along_rows(vertical, 1, thick)
    rules = horizontal | vertical
    if rules.any():
        rules &= ~_dense_areas(ink, dpi)
    return rules


def remove_rules(image: Image.Image, dpi: int) -> tuple[Image.Image, int]:
    """The grayscale page with its ruling lines whitened, and how many pixels were whitened."""
    if image.width * image.height > MAX_PIXELS:
        return image.convert("L"), 0
    gray = np.asarray(image.convert("L"))
    mask = rule_mask(gray, dpi)
    count = int(mask.sum())
    if not count:
        return image.convert("L"), 0
    out = gray.copy()
    out[_grow(mask, GROW)] = 255
    return Image.fromarray(out), count
