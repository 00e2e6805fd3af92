"""Images (PNG, JPEG, multi-page TIFF) to a Document through the OCR path.

The pixel count is checked from the header before any pixel is decoded (decompression bombs);
phone photos are turned upright by their EXIF orientation.
"""
from __future__ import annotations

import warnings
from dataclasses import replace
from pathlib import Path

from PIL import Image, ImageOps, ImageSequence

from audit.errors import DependencyError, DocumentError
from audit.ingest import messages as msg
from audit.ingest.ocr import check_tesseract, ocr_image
from audit.ingest.options import ReadOptions
from audit.ingest.text import mark_furniture
from audit.model import Document, Page

DEFAULT_DPI = 300  # an image without a resolution tag: assume a 300 dpi scan
LOW_CONFIDENCE = 60.0


def _dpi(image: Image.Image) -> int:
    value = image.info.get("dpi", (DEFAULT_DPI, DEFAULT_DPI))[0]
    try:
        value = int(round(float(value)))
    except (TypeError, ValueError):
        return DEFAULT_DPI
    return value if 70 <= value <= 1200 else DEFAULT_DPI


def _on_white(image: Image.Image) -> Image.Image:
    """Grayscale; transparent pixels become paper white, not black."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, rgba)
    return image.convert("L")


def _frame_to_page(frame: Image.Image, number: int, options: ReadOptions) -> Page:
    pixels = frame.width * frame.height
    if pixels > options.max_pixels:
        raise DocumentError("too_large", msg.too_many_pixels(pixels, options.max_pixels))
    upright = _on_white(ImageOps.exif_transpose(frame))
    dpi = _dpi(frame)
    base = Page(number=number, blocks=(), ocr=True, width=upright.width * 72.0 / dpi, height=upright.height * 72.0 / dpi)
    try:
        result = ocr_image(upright, number, dpi=dpi, lang=options.lang, timeout=options.ocr_timeout)
    except DocumentError as exc:
        return replace(base, notes=(exc.message,))
    notes = (msg.low_confidence(result.confidence),) if (result.confidence or 100) < LOW_CONFIDENCE else ()
    return replace(base, blocks=result.blocks, ocr_confidence=result.confidence, skew_angle=result.skew, notes=notes)


def read_image(path: Path, display: str, options: ReadOptions) -> Document:
    try:
        check_tesseract(options.lang)
    except DependencyError as exc:
        return Document(path=display, format="image", error=str(exc), error_code="ocr_unavailable")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                if image.width * image.height > options.max_pixels:
                    raise DocumentError("too_large", msg.too_many_pixels(image.width * image.height, options.max_pixels))
                total = getattr(image, "n_frames", 1)
                pages = []
                for index, frame in enumerate(ImageSequence.Iterator(image)):
                    if index >= options.max_pages:
                        break
                    pages.append(_frame_to_page(frame, index + 1, options))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise DocumentError("too_large", msg.pixels_over(options.max_pixels)) from exc
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise DocumentError("corrupt", msg.CORRUPT_IMAGE) from exc
    pages_t, marked = mark_furniture(tuple(pages))
    warnings_out = (msg.furniture(marked),) if marked else ()
    error = code = None
    if total > options.max_pages:
        error, code = msg.image_frames(total, options.max_pages), "too_large"
    elif not any(b.text for p in pages_t for b in p.blocks):
        error, code = msg.NO_TEXT, "empty"
    return Document(path=display, format="image", pages=pages_t, error=error, error_code=code, warnings=warnings_out)
