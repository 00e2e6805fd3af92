"""The development corpus read end to end: no document with an error, and every date and hour
string that truth.json labels is found in the text as read (it was confirmed in each
document's text by the corpus authors, see ../shared/corpus/README.md)."""
import json
from pathlib import Path

import pytest

from audit.ingest import ReadOptions, read_dossier

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
CORPUS = SHARED / "corpus"

pytestmark = [pytest.mark.corpus, pytest.mark.slow, pytest.mark.ocr,
              pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is absent")]


def _dossiers() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.is_dir()) if CORPUS.exists() else []


def _flat(text: str) -> str:
    return " ".join(text.replace("|", " ").split())


@pytest.mark.parametrize("dossier", _dossiers(), ids=lambda p: p.name)
def test_corpus_dossier_read_without_error(dossier: Path):
    result = read_dossier(dossier, ReadOptions())
    truth = json.loads((dossier / "truth.json").read_text(encoding="utf-8"))
    docs = {d.path: d for d in result.documents}
    assert set(docs) == set(truth["documents"])
    missing = []
    for name, expected in truth["documents"].items():
        doc = docs[name]
        assert doc.error is None, (name, doc.error)
        assert doc.format == expected["format"], name
        text = _flat(doc.text)
        for item in expected.get("dates", []) + expected.get("hours", []):
            if _flat(item["text"]) not in text:
                missing.append((name, item["text"]))
    assert not missing
