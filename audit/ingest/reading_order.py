"""A page's blocks in reading order by position, whatever order the file drew them in.

A PDF's text comes out in drawing order: a generator may draw the running footer, a table or
the letterhead after the body (heldout dossier h02 drew the title last). Reading order here:
blocks are gathered into horizontal bands (blocks that overlap vertically, transitively); bands
are read top to bottom; inside a band, blocks that overlap horizontally form a column, columns
are read left to right and each column top to bottom. So a label beside its value reads label
first, and two text columns side by side are each read whole before the next.
"""
from __future__ import annotations

from typing import Sequence

from audit.model import Block

# Two boxes share a band when they overlap vertically by more than this share of the shorter
# one's height: line boxes of consecutive paragraphs touch or overlap by a point or so.
BAND_OVERLAP = 0.3


def _overlaps_band(box: tuple, band_bottom: float) -> bool:
    height = max(box[3] - box[1], 0.1)
    return band_bottom - box[1] > BAND_OVERLAP * height


def _bands(blocks: list[Block]) -> list[list[Block]]:
    bands: list[list[Block]] = []
    bottom = float("-inf")
    for block in sorted(blocks, key=lambda b: (b.bbox[1], b.bbox[0])):
        if bands and _overlaps_band(block.bbox, bottom):
            bands[-1].append(block)
            bottom = max(bottom, block.bbox[3])
        else:
            bands.append([block])
            bottom = block.bbox[3]
    return bands


def _columns(band: list[Block]) -> list[list[Block]]:
    """The band's blocks grouped by horizontal overlap, left to right, each top to bottom."""
    columns: list[list[Block]] = []
    right = float("-inf")
    for block in sorted(band, key=lambda b: b.bbox[0]):
        if columns and block.bbox[0] < right:
            columns[-1].append(block)
            right = max(right, block.bbox[2])
        else:
            columns.append([block])
            right = block.bbox[2]
    return [sorted(column, key=lambda b: (b.bbox[1], b.bbox[0])) for column in columns]


def blocks_in_reading_order(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """The blocks sorted by position (see the module doc). Blocks without a box keep the
    given order: with any of them present, nothing is moved."""
    if len(blocks) < 2 or any(b.bbox is None for b in blocks):
        return tuple(blocks)
    return tuple(block for band in _bands(list(blocks)) for column in _columns(band) for block in column)
