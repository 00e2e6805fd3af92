"""The patterns in the vocabularies of checklists/data/, for the tests that compare the fast
pattern machinery (lowercase twins, scanners) with plain case-insensitive matching."""
from __future__ import annotations

from pathlib import Path

import yaml

CHECKLISTS = Path(__file__).resolve().parents[2] / "checklists"


def _walk(node, lists: list, strings: list) -> None:
    if isinstance(node, dict):
        for value in node.values():
            _walk(value, lists, strings)
    elif isinstance(node, list):
        own = tuple(v for v in node if isinstance(v, str))
        if own:
            lists.append(own)
        for value in node:
            _walk(value, lists, strings)
    elif isinstance(node, str):
        strings.append(node)


def _read() -> tuple[list[tuple[str, ...]], list[str]]:
    lists: list[tuple[str, ...]] = []
    strings: list[str] = []
    for path in sorted((CHECKLISTS / "data").glob("*.yaml")):
        _walk(yaml.safe_load(path.read_text(encoding="utf-8")), lists, strings)
    return lists, strings


def vocabulary_lists() -> list[tuple[str, ...]]:
    """Each non-empty list of strings, nested ones included, in file order."""
    return _read()[0]


def vocabulary_strings() -> list[str]:
    """Every string anywhere in the vocabularies: list items and single values."""
    return _read()[1]
