"""Coverage-guided fuzzing of ``load_document`` with atheris (libFuzzer), for runs by hand.

    .venv/bin/python tests/fuzz/atheris_readers.py -max_total_time=600      # ten minutes
    .venv/bin/python tests/fuzz/atheris_readers.py -atheris_runs=2000       # a fixed number of inputs
    .venv/bin/python tests/fuzz/atheris_readers.py CORPUS_DIR -max_total_time=3600

The seeds are the real files of test_fuzz_readers (PDF, compressed PDF, DOCX, PNG, ZIP), written
into a fresh corpus folder unless one is given. Each input is written to a private temporary
file and read with OCR off; an exception, or a Document without pages and without an error,
is a crash: libFuzzer stops and keeps the input as ``crash-<sha1>`` in the working folder
(``-artifact_prefix=DIR/`` to put it elsewhere). Replay one with
``.venv/bin/python tests/fuzz/atheris_readers.py crash-<sha1>``.
test_fuzz_atheris.py runs this for a few seconds in CI when atheris is installed.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the seeds live beside this file

with atheris.instrument_imports(include=["audit"]):
    from audit.ingest import ReadOptions, load_document
    from audit.model import Document

OPTIONS = ReadOptions(ocr="never", ocr_timeout=5.0, max_pages=20)
WORKDIR = Path(tempfile.mkdtemp(prefix="pw-atheris-"))
os.chmod(WORKDIR, 0o700)
TARGET = WORKDIR / "input"
# Open defects pinned by xfail tests in test_fuzz_readers.py, passed over so the run goes on
# to find new ones; remove an entry when its fix lands. PW_FUZZ_STRICT=1 tolerates none.
OPEN_DEFECTS: tuple[type[BaseException], ...] = ()  # none open


def test_one_input(data: bytes) -> None:
    TARGET.write_bytes(data)
    try:
        doc = load_document(TARGET, "input", OPTIONS)
    except OPEN_DEFECTS:
        return
    if not isinstance(doc, Document):
        raise AssertionError(f"load_document returned {type(doc).__name__}")
    if not doc.pages and not doc.error:
        raise AssertionError("a document without pages and without an error: lost silently")
    for block in doc.blocks:
        block.text.encode("utf-8")  # a lone surrogate would break the JSON report


def seed_corpus() -> Path:
    from fuzz_seeds import seed

    folder = WORKDIR / "corpus"
    folder.mkdir()
    for name in ("pdf", "pdf_z", "docx", "png", "zip"):
        (folder / name).write_bytes(seed(name))
    return folder


def main(argv: list[str]) -> None:
    args = list(argv)
    if not any(not a.startswith("-") for a in args[1:]):
        args.append(str(seed_corpus()))
    atheris.Setup(args, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
