"""A report in English shows the readers' messages in English (they are stored in Dutch)."""
from __future__ import annotations

import inspect

import pytest

from audit.checklist import load_checklists
from audit.ingest import ReadOptions
from audit.ingest import messages as msg
from audit.pipeline import RunOptions, check_path
from audit.report import render

DUTCH_WORDS = {"het", "een", "niet", "bestand", "pagina", "wordt", "deze", "zijn", "kon", "grens", "afbeelding", "gelezen", "overgeslagen"}

CONSTANTS = [v for k, v in vars(msg).items() if k.isupper() and isinstance(v, str)]
FUNCTIONS = [f for name, f in vars(msg).items()
             if inspect.isfunction(f) and not name.startswith("_") and name != "english"]


def _sample_call(function):
    args = []
    for p in inspect.signature(function).parameters.values():
        annotation = str(p.annotation)
        args.append([3, 7] if "list" in annotation else "a.json" if "str" in annotation else 3)
    return function(*args)


@pytest.mark.parametrize("dutch", CONSTANTS + [_sample_call(f) for f in FUNCTIONS])
def test_every_reader_message_has_an_english_text(dutch):
    english = msg.english(dutch)
    assert english != dutch
    assert not DUTCH_WORDS & set(english.lower().replace(",", " ").replace(".", " ").split()), english


def test_an_unknown_text_is_left_alone():
    assert msg.english("Iets wat geen lezer zei.") == "Iets wat geen lezer zei."


def test_english_html_shows_the_reader_error_in_english(tmp_path):
    (tmp_path / "leeg.pdf").write_bytes(b"")
    (tmp_path / "notitie.txt").write_text("Eerste ziektedag 8 januari 2024. Gesprek op 26 februari 2024.", encoding="utf-8")
    checklists = load_checklists()
    report = check_path(tmp_path, RunOptions(read=ReadOptions(ocr="never")), checklists)
    english = render(report, "html", "en", checklists).decode("utf-8")
    dutch = render(report, "html", "nl", checklists).decode("utf-8")
    assert msg.EMPTY_FILE in dutch
    assert msg.EMPTY_FILE not in english and msg.english(msg.EMPTY_FILE) in english
