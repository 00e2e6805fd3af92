"""Fuzzing the text scanners and the stages after reading: privacy finders, redaction,
segmentation and the whole audit of random documents.

Properties: nothing raises; after redaction no valid BSN, e-mail address or phone number is
left; a redacted report keeps its findings. Linear time is checked on one long line without a
newline (issue 7 names a 10 MB text; here a scaled-down ratio, see ``fuzz_linearity``).
"""
from __future__ import annotations

from dataclasses import replace
import os
from datetime import date
from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from fuzz_linearity import MAX_GROWTH, describe, growth
from fuzz_texts import WORDS, grammar_text

from audit.checklist import load_checklists
from audit.model import AuditedDocument, Block, Document, DossierReport, Page, Timeline
from audit.pipeline import RunOptions, audit_dossier
from audit.privacy import (EMAIL, Name, addresses_in, birth_dates_in, bsns_in, find_other_persons, find_werknemer,
                           load_vocabulary, phones_in, titled_surnames)
from audit.redact import redact_report, redactor_for
from audit.segment import blocks_to_sections

TEXT = settings.get_profile("fuzz-text")
LONG = os.environ.get("HYPOTHESIS_PROFILE", "").lower() == "long"


@lru_cache(maxsize=1)
def checklists():
    return load_checklists()


PRIVACY_WORDS = ["Naam werknemer:", "Werknemer:", "Naam:", "de heer", "mevrouw", "dhr.", "mw.", "van", "de", "van der",
                 "Jansen", "P.", "J.M.", "Peter", "Hulshof", "Geboortedatum:", "geb.", "Adres:", "Kerkstraat", "12a",
                 "1234 AB", "Amsterdam", "BSN", "123456782", "1234.56.782", "123 456 782", "06-12345678",
                 "+31 6 12345678", "0031612345678", "(0)20", "a@b.nl", "p.hulshof@example.com", "@", ".", "-",
                 "burn-out", "depressie", "hernia", "Bedrijfsarts:", "Casemanager:", "|", "\n", "  ", "\t"]
PRIVACY_TEXT = st.lists(st.one_of(st.sampled_from(PRIVACY_WORDS), st.sampled_from(WORDS), st.text(max_size=6)),
                        max_size=40).map(" ".join)
TEXTS = st.one_of(PRIVACY_TEXT, grammar_text(), st.text(max_size=200))


@settings(TEXT)
@given(text=TEXTS)
def test_privacy_finders_never_raise(text):
    vocab = load_vocabulary()
    for found in (bsns_in(text), phones_in(text), birth_dates_in(text, vocab), addresses_in(text, vocab)):
        assert all(isinstance(s, str) and s for s in found)
        assert all(s in text for s in found if s.strip() == s)
    werknemer = find_werknemer([text], vocab)
    assert werknemer is None or isinstance(werknemer, Name)
    find_other_persons([text], vocab, werknemer)
    titled_surnames([text], vocab)


def report_of(texts: list[str]) -> DossierReport:
    blocks = tuple(Block("paragraph", t, 1) for t in texts)
    doc = Document(path="verslag.pdf", format="pdf", pages=(Page(1, blocks),))
    return DossierReport(dossier="dossier", documents=(AuditedDocument(doc),), timeline=Timeline(None))


@settings(TEXT, max_examples=max(20, TEXT.max_examples // 2))
@given(texts=st.lists(TEXTS, min_size=1, max_size=4), probe=TEXTS)
def test_redaction_never_raises_and_leaves_no_identifier(texts, probe):
    redact = redactor_for(report_of(texts))
    for text in [*texts, probe]:
        out = redact(text)
        assert isinstance(out, str)
        assert bsns_in(out) == [], f"a BSN survived redaction: {out!r}"
        assert EMAIL.search(out) is None, f"an e-mail address survived redaction: {out!r}"
        assert phones_in(out) == [], f"a phone number survived redaction: {out!r}"


BLOCK_KINDS = st.sampled_from(["paragraph", "paragraph", "heading", "list_item", "table", "header", "footer"])


@st.composite
def blocks(draw, page: int) -> Block:
    kind = draw(BLOCK_KINDS)
    text = draw(TEXTS)
    rows = None
    if kind == "table":
        rows = tuple(tuple(draw(st.lists(TEXTS, min_size=1, max_size=3))) for _ in range(draw(st.integers(0, 4))))
        text = "\n".join(" | ".join(r) for r in rows)
    return Block(kind=kind, text=text, page=page, rows=rows, pages=(page,),
                 font_size=draw(st.one_of(st.none(), st.floats(0, 72))), bold=draw(st.booleans()),
                 style=draw(st.one_of(st.none(), st.sampled_from(["Heading 1", "Kop 2", "Title", "heading 9", "Normal",
                                                                    "List Paragraph", "Heading -1", "Heading x"]))),
                 level=draw(st.one_of(st.none(), st.integers(-2, 12))),
                 numbering=draw(st.one_of(st.none(), st.sampled_from(["1.", "2.1", "a)", "IV."]))),
                 source=draw(st.sampled_from(["text", "ocr", "docx", "plain"])))


@st.composite
def documents(draw, name: str = "doc.pdf") -> Document:
    pages = tuple(Page(n, tuple(draw(st.lists(blocks(n), max_size=6)))) for n in range(1, draw(st.integers(1, 3)) + 1))
    return Document(path=name, format=draw(st.sampled_from(["pdf", "docx", "scan", "text"])), pages=pages)


@settings(TEXT)
@given(doc=documents())
def test_segmentation_never_raises_and_keeps_blocks(doc):
    sections = blocks_to_sections(doc, checklists())
    body = [b for b in doc.blocks if not b.is_furniture]
    assert bool(sections) == bool(body)
    kept = {id(b) for s in sections for b in s.blocks}
    # every non-furniture block that is not split in two by a run-in heading stays in some section
    lost = [b for b in body if id(b) not in kept and b.kind != "paragraph"]
    assert not lost, f"blocks lost by segmentation: {lost[:2]}"


@settings(TEXT, max_examples=max(20, TEXT.max_examples // 5))
@given(docs=st.lists(documents(), min_size=1, max_size=3),
       peildatum=st.one_of(st.none(), st.dates(date(2015, 1, 1), date(2035, 12, 31))))
def test_whole_audit_and_redaction_never_raise(docs, peildatum):
    """Every stage after reading (split, segment, classify, extract, components, timeline,
    rules, riv) on random documents, then --redact on the report."""
    docs = [replace(d, path=f"doc{i}.pdf") for i, d in enumerate(docs)]
    report = audit_dossier("fuzz", docs, checklists(), RunOptions(peildatum=peildatum))
    assert isinstance(report, DossierReport)
    redacted = redact_report(report)
    assert [f.id for f in redacted.findings] == [f.id for f in report.findings]


# --------------------------------------------------------------------------- linear time

N = 20_000


def make_redactor():
    """A redactor that knows a werknemer by initials and a colleague by first name (the name
    patterns are where a scan can backtrack), applied to one long text."""
    texts = ["Naam werknemer: A. Jansen", "Casemanager: Peter de Vries", "de heer Jansen"]
    return redactor_for(report_of(texts))


def make_segmenter():
    def segment(text: str):
        return blocks_to_sections(Document("x.txt", "text", (Page(1, (Block("paragraph", text, 1),)),)), checklists())
    return segment


def make_auditor():
    def audit(text: str):
        doc = Document("x.txt", "text", (Page(1, (Block("paragraph", text, 1),)),))
        return audit_dossier("x", [doc], checklists())
    return audit


def make_privacy_finders():
    vocab = load_vocabulary()

    def find_all(text: str):
        return (bsns_in(text), phones_in(text), birth_dates_in(text, vocab), addresses_in(text, vocab),
                find_werknemer([text], vocab))
    return find_all


SCANNERS = {
    "privacy": "test_fuzz_textscanners:make_privacy_finders",
    "redact": "test_fuzz_textscanners:make_redactor",
    "segment": "test_fuzz_textscanners:make_segmenter",
    "audit": "test_fuzz_textscanners:make_auditor",
}
LONG_LINES = {
    "words": "woord ",
    "digits": "1234567890",
    "initials": "A.",
    "initials_spaced": "A. ",
    "email_local": "a.",
    "email_at": "a@b.",
    "phone_digits": "06 ",
    "street": "Kerkstraat 1",
    "titles": "de heer ",
    "labels": "Naam: ",
    "table_cells": "| x ",
    "capitals": "Ab-",
}
KNOWN_QUADRATIC: dict[tuple[str, str], str] = {}  # all fixed (docs/fuzzing.md)


def _case(scanner: str, shape: str):
    reason = KNOWN_QUADRATIC.get((scanner, shape))
    marks = [pytest.mark.xfail(strict=True, reason=f"super-linear, reported: {reason}")] if reason else []
    return pytest.param(scanner, shape, marks=marks, id=f"{scanner}-{shape}")


# the whole audit is the costly one: in CI only the shapes that reach every stage
AUDIT_SHAPES = set(LONG_LINES) if LONG else {"words", "digits", "labels", "titles"}


@pytest.mark.parametrize("scanner,shape", [_case(s, t) for s in SCANNERS for t in LONG_LINES
                                           if s != "audit" or t in AUDIT_SHAPES])
def test_one_long_line_is_linear(scanner, shape):
    ratio = growth("", LONG_LINES[shape], N, factory=SCANNERS[scanner])
    assert ratio < MAX_GROWTH, f"{scanner} on {LONG_LINES[shape]!r} * n: {describe(ratio)}"
