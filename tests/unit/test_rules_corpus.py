"""End to end on the development corpus's digital single-document dossiers: the findings its
truth.json expects are raised and its near misses stay quiet. Skips without ../shared."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from audit.pipeline import check_path

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
CORPUS = SHARED / "corpus"


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not present")
@pytest.mark.parametrize("name", ["d03", "d07"])
def test_findings_and_near_misses_of_a_corpus_dossier(name):
    truth = json.loads((CORPUS / name / "truth.json").read_text(encoding="utf-8"))
    report = check_path(CORPUS / name)
    said = {f.id for f in report.findings if f.id.startswith(("deadline.", "consistency."))}
    assert set(truth["findings"]) <= said
    assert not said & set(truth["not_findings"])
    assert report.timeline.first_sick_day.isoformat() == truth["first_sick_day"]
    for f in report.findings:
        if f.id in truth["findings"]:
            assert f.evidence and f.message and f.message_en and "{" not in f.message
