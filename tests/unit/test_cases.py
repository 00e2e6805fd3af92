"""Data cases (tests/cases/*.yaml): a text, table or block list, the component, the expected status.

Each case is built into a real Document, segmented and assessed by the real checklists; one case per file.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from audit.checklist import load_checklists
from audit.components import assess_components
from audit.model import AuditedDocument, Block, Document, Page
from audit.segment import blocks_to_sections

CASES = sorted((Path(__file__).resolve().parents[1] / "cases").glob("*.yaml"))


def case_to_document(case: dict, name: str) -> Document:
    """'text': one OCR-like line per block; 'blocks': kinds with style/level/bold; tables via 'rows'."""
    blocks = []
    for spec in case.get("blocks", ()):
        rows = tuple(tuple(r) for r in spec["rows"]) if "rows" in spec else None
        text = spec.get("text") or "\n".join(" | ".join(r) for r in rows or ())
        blocks.append(Block(spec.get("kind", "paragraph"), text, 1, style=spec.get("style"), level=spec.get("level"),
                            bold=spec.get("bold", False), rows=rows))
    for line in (case.get("text") or "").splitlines():
        if line.strip():
            blocks.append(Block("paragraph", line.strip(), 1, source="ocr"))
    return Document(f"{name}.txt", "text", (Page(1, tuple(blocks)),))


@pytest.fixture(scope="module")
def checklists():
    return load_checklists()


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(path: Path, checklists) -> None:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc = case_to_document(case, path.stem)
    audited = AuditedDocument(doc, case["doc_type"], 1.0, blocks_to_sections(doc, checklists))
    results = {r.id: r for r in assess_components(audited, checklists)}
    result = results[f"{case['doc_type']}.{case['component']}"]
    assert result.status == case["expect"], (result.reason, result.evidence)
    if result.status in ("weak", "missing"):
        assert result.reason and result.reason_en
        assert result.evidence and result.evidence[0].document == doc.path


def test_there_are_cases_for_every_checklist() -> None:
    types = {yaml.safe_load(p.read_text(encoding="utf-8"))["doc_type"] for p in CASES}
    assert {"spoor2_plan", "spoor2_voortgang", "spoor2_eind", "riv"} <= types
