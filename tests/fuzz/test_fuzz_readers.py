"""Fuzzing the readers: mutated real files never make ``load_document`` / ``read_dossier`` raise.

Seeds are real files written by fuzz_seeds.py (reportlab PDF, python-docx DOCX, a Pillow PNG, a ZIP of
both); hypothesis mutates them with byte flips, truncations, insertions of format tokens,
chunk duplications and deletions. DOCX mutations are also made inside the package (one XML
part changed, the ZIP rebuilt valid), so the XML walk is reached and not only the ZIP check.

For every mutant: a Document comes back (no exception), named as asked, with either pages or
an error message (nothing is lost silently), every text is valid UTF-8 (the JSON report can
be written), the input file is unchanged, and it took less than ``MAX_SECONDS``.

Reader bugs that the reader's safety net (audit/ingest/reader.py) turns into a "corrupt"
message are tallied and shown as one warning at the end of the module: they are not
failures of the contract, but each is a file shape a reader did not foresee.
"""
from __future__ import annotations

import hashlib
import io
import struct
import logging
import time
import warnings
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, reject, settings
from hypothesis import strategies as st

from fuzz_seeds import seed

from audit.ingest import ReadOptions, load_document, read_dossier
from audit.model import Document

FILES = settings.get_profile("fuzz-files")
OPTIONS = ReadOptions(ocr="never", ocr_timeout=5.0, max_pages=20)
MAX_SECONDS = 20.0  # per file; generous (shared machine), a hang or a runaway is far beyond it
FORMATS = {"pdf", "docx", "scan", "image", "text"}

# Open defects, each pinned by its own xfail(strict=True) test at the end of this module: the
# random tests pass over them (hypothesis.reject) so they keep looking for new ones. Remove an
# entry when its fix lands; PW_FUZZ_STRICT=1 tolerates none.
OPEN_DEFECTS: tuple[type[BaseException], ...] = ()  # none open; PW_FUZZ_STRICT kept for when one is

@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz-readers")


# --------------------------------------------------------------------------- mutations

TOKENS = {
    "pdf": [b"obj", b"endobj", b"0 0 obj", b"1 0 R", b"99999 0 R", b"<<", b">>", b"[", b"]", b"(", b")", b"\\",
            b"/Type /Pages", b"/Kids [1 0 R]", b"/Count 1000000", b"/Count -1", b"/Length 999999999",
            b"/Filter /FlateDecode", b"/Filter /LZWDecode", b"stream\n", b"endstream", b"xref", b"trailer",
            b"startxref\n0\n%%EOF", b"/Encrypt", b"BT", b"ET", b"Tj", b"TJ", b"Tf", b"Td", b"cm", b"re f",
            b"/MediaBox [0 0 0 0]", b"/MediaBox [0 0 1e30 1e30]", b"/Rotate 45", b"-1", b"1e308", b"\x00",
            b"9" * 20, b"%PDF-1.7", b"%%EOF"],
    "xml": [b"<w:p>", b"</w:p>", b"<w:r><w:t>3 maart 2024</w:t></w:r>", b"<w:tbl>", b"</w:tbl>", b"<w:tr>",
            b"<w:tc>", b"<w:gridSpan w:val=\"99999\"/>", b"<w:gridSpan w:val=\"-1\"/>", b"<w:vMerge/>",
            b"<w:vMerge w:val=\"restart\"/>", b"w:val=\"x\"", b"w:val=\"99999999999999999999\"",
            b"<w:numPr><w:ilvl w:val=\"9\"/><w:numId w:val=\"99\"/></w:numPr>", b"<w:pStyle w:val=\"Kop1\"/>",
            b"<w:outlineLvl w:val=\"-3\"/>", b"<w:del><w:r><w:delText>x</w:delText></w:r></w:del>",
            b"<w:ins>", b"&amp;", b"&#0;", b"&#xD800;", b"&undefined;", b"<![CDATA[x]]>", b"<?xml version=\"1.0\"?>",
            b"<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>", b"<w:br/>", b"<w:tab/>",
            b"<w:sym w:char=\"F0FC\"/>", b"<w:fldSimple w:instr=\"DATE\">", b"\xff\xfe", b"\x00"],
    "png": [b"IHDR", b"IDAT", b"IEND", b"PLTE", b"tRNS", b"acTL", b"\xff\xff\xff\xff", b"\x00\x00\x00\x00",
            b"\x7f\xff\xff\xff"],
    "zip": [b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06", b"PK\x06\x06", b"\xff\xff\xff\xff", b"../", b"/etc/",
            b"\x00\x00\x00\x00"],
}


def edits(tokens: list[bytes]) -> st.SearchStrategy[list[tuple]]:
    """A handful of byte-level edits: flip a bit, set a byte, overwrite with a format token,
    insert, duplicate a chunk, delete a chunk, truncate. Positions are drawn large and taken
    modulo the current length, so a failing example prints as a short list of edits."""
    pos = st.integers(0, 2**31)
    one = st.one_of(
        st.tuples(st.just("flip"), pos, st.integers(0, 7)),
        st.tuples(st.just("byte"), pos, st.sampled_from([0x00, 0x0A, 0x20, 0x25, 0x28, 0x29, 0x2F, 0x3C, 0x3E, 0x7F, 0xFF])),
        st.tuples(st.just("token"), pos, st.sampled_from(tokens)),
        st.tuples(st.just("insert"), pos, st.one_of(st.sampled_from(tokens), st.binary(min_size=1, max_size=32))),
        st.tuples(st.just("dup"), pos, st.integers(1, 4096), st.integers(1, 8)),
        st.tuples(st.just("delete"), pos, st.integers(1, 512)),
        st.tuples(st.just("truncate"), pos),
    )
    return st.lists(one, min_size=1, max_size=6)


def apply_edits(data: bytes, ops: list[tuple]) -> bytes:
    out = bytearray(data)
    for kind, at, *args in ops:
        if not out:
            break
        at %= len(out)
        if kind == "flip":
            out[at] ^= 1 << args[0]
        elif kind == "byte":
            out[at] = args[0]
        elif kind == "token":
            out[at:at + len(args[0])] = args[0]
        elif kind == "insert":
            out[at:at] = args[0]
        elif kind == "dup":
            out[at:at] = bytes(out[at:at + args[0]]) * args[1]
        elif kind == "delete":
            del out[at:at + args[0]]
        else:
            del out[at:]
    return bytes(out)


def repacked(package: bytes, member: str, content: bytes) -> bytes:
    """The same ZIP package with one member's bytes replaced (a valid ZIP, a damaged part)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info.filename, content if info.filename == member else source.read(info))
    return buffer.getvalue()


def docx_members(package: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return [n for n in archive.namelist() if n.endswith((".xml", ".rels"))]


# --------------------------------------------------------------------------- the contract

SAFETY_NET: Counter[str] = Counter()


class _NetCounter(logging.Handler):
    """Counts the reader exceptions that audit.ingest.reader's safety net turned into messages."""

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            frame = exc.__traceback__
            while frame and frame.tb_next:
                frame = frame.tb_next
            where = f"{Path(frame.tb_frame.f_code.co_filename).name}:{frame.tb_lineno}" if frame else "?"
            SAFETY_NET[f"{type(exc).__name__}: {str(exc)[:80]} at {where}"] += 1


@pytest.fixture(scope="module", autouse=True)
def safety_net_tally():
    handler = _NetCounter(level=logging.WARNING)
    logger = logging.getLogger("audit.ingest")
    logger.addHandler(handler)
    yield
    logger.removeHandler(handler)
    if SAFETY_NET:
        lines = "\n".join(f"  {n} x {k}" for k, n in SAFETY_NET.most_common())
        warnings.warn(f"reader exceptions caught by the reader's safety net:\n{lines}", stacklevel=1)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_text_writable(doc: Document) -> None:
    """Every string a report will print encodes as UTF-8 (no lone surrogates)."""
    for text in [doc.path, doc.error or "", *doc.warnings, *(n for p in doc.pages for n in p.notes),
                 *(b.text for b in doc.blocks)]:
        text.encode("utf-8")


def assert_document(doc: object, display: str) -> None:
    assert isinstance(doc, Document)
    assert doc.path == display
    assert doc.format in FORMATS
    assert doc.pages or doc.error, "a document without pages must say why (error)"
    if doc.error:
        assert isinstance(doc.error, str) and doc.error.strip()
        assert doc.error_code, "an error needs its error_code"
    for page in doc.pages:
        assert page.number >= 1
        for block in page.blocks:
            assert isinstance(block.text, str)
            assert block.page >= 1
    assert_text_writable(doc)


def read_checked(workdir: Path, name: str, data: bytes, tolerate: tuple[type[BaseException], ...] = ()) -> Document:
    path = workdir / name
    path.write_bytes(data)
    before = sha256(path)
    started = time.perf_counter()
    try:
        doc = load_document(path, name, OPTIONS)
    except tolerate:
        reject()
    elapsed = time.perf_counter() - started
    assert_document(doc, name)
    assert elapsed < MAX_SECONDS, f"{name}: {elapsed:.1f} s"
    assert sha256(path) == before, "the input file was modified"
    if doc.sha256:
        assert doc.sha256 == before
    return doc


# --------------------------------------------------------------------------- tests


@settings(FILES)
@given(kind=st.sampled_from(["pdf", "pdf_z"]), ops=edits(TOKENS["pdf"]))
def test_mutated_pdf_never_raises(workdir, kind, ops):
    read_checked(workdir, "mutant.pdf", apply_edits(seed(kind), ops), OPEN_DEFECTS)


@settings(FILES)
@given(ops=edits(TOKENS["zip"] + TOKENS["xml"]))
def test_mutated_docx_bytes_never_raise(workdir, ops):
    read_checked(workdir, "mutant.docx", apply_edits(seed("docx"), ops), OPEN_DEFECTS)


@settings(FILES)
@given(data=st.data())
def test_mutated_docx_parts_never_raise(workdir, data):
    """A valid ZIP whose document.xml, styles.xml, numbering.xml, ... is damaged."""
    package = seed("docx")
    member = data.draw(st.sampled_from(docx_members(package)), label="member")
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        original = archive.read(member)
    mutant = repacked(package, member, apply_edits(original, data.draw(edits(TOKENS["xml"]), label="edits")))
    read_checked(workdir, "mutant_part.docx", mutant, OPEN_DEFECTS)


@settings(FILES, max_examples=max(10, FILES.max_examples // 4))
@given(ops=edits(TOKENS["png"]))
def test_mutated_png_never_raises(workdir, ops):
    """Decodable mutants go through Tesseract (images are OCR'd whatever ReadOptions.ocr says)."""
    read_checked(workdir, "mutant.png", apply_edits(seed("png"), ops), OPEN_DEFECTS)


MAGIC = [b"%PDF-1.4\n", b"%PDF-", b"PK\x03\x04", b"PK\x05\x06", b"\x89PNG\r\n\x1a\n", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
         b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"GIF89a", b"\xef\xbb\xbf", b"{", b""]


@settings(FILES)
@given(magic=st.sampled_from(MAGIC), body=st.binary(max_size=4096))
def test_magic_prefix_with_random_bytes_never_raises(workdir, magic, body):
    read_checked(workdir, "random.bin", magic + body, OPEN_DEFECTS)


@settings(FILES, max_examples=max(10, FILES.max_examples // 2))
@given(ops=edits(TOKENS["zip"] + TOKENS["pdf"]))
def test_mutated_zip_dossier_never_raises(workdir, ops):
    """A ZIP dossier: every member that can be read is read, the rest is named with a reason."""
    mutant = apply_edits(seed("zip"), ops)
    path = workdir / "mutant.zip"
    path.write_bytes(mutant)
    before = sha256(path)
    started = time.perf_counter()
    try:
        result = read_dossier(path, OPTIONS)
    except OPEN_DEFECTS:
        reject()
    assert time.perf_counter() - started < 2 * MAX_SECONDS
    assert sha256(path) == before
    assert result.documents or result.skipped, "a dossier file must give a document or a reason"
    for doc in result.documents:
        assert_document(doc, doc.path)
    for line in result.skipped:
        assert isinstance(line, str) and line.strip()


NAMES = st.one_of(
    st.sampled_from(["../../evil.pdf", "/abs/plan.pdf", "a/../../b.docx", "dir/", "con.pdf", "a" * 300 + ".pdf",
                     "x\\..\\y.pdf", "ünïcödé/verslag.pdf", ".hidden.pdf", "__MACOSX/._plan.pdf", "~$lock.docx"]),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=40),
)


@settings(FILES, max_examples=max(10, FILES.max_examples // 2))
@given(members=st.lists(st.tuples(NAMES, st.sampled_from(["pdf_z", "docx", "", "tekst 3 maart"])), min_size=1, max_size=4))
def test_zip_with_hostile_member_names_never_raises(workdir, members):
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w") as archive:
        warnings.simplefilter("ignore", UserWarning)  # "Duplicate name": intended
        for name, content in members:
            archive.writestr(name, seed(content) if content in ("pdf_z", "docx") else content.encode())
    path = workdir / "names.zip"
    path.write_bytes(buffer.getvalue())
    result = read_dossier(path, OPTIONS)
    for doc in result.documents:
        assert_document(doc, doc.path)
        if doc.path.startswith("/") or ".." in Path(doc.path).parts:
            assert doc.error and not doc.pages, f"{doc.path}: a member outside the folder must be refused"
    assert not (workdir / "evil.pdf").exists() and not workdir.parent.joinpath("evil.pdf").exists()


# --------------------------------------------------------------------------- found by fuzzing
# zlib.error (a plain Exception, not zipfile.BadZipFile) escaped three readers when a ZIP
# member's deflate stream is damaged but the ZIP directory is intact: sniff.zip_kind,
# docx_package.read and archive._copy_bounded (found by test_mutated_docx_bytes_never_raise
# and test_mutated_zip_dossier_never_raises with a single bit flip).

CONTENT_TYPES = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                 'wordprocessingml.document.main+xml"/></Types>')
DOCUMENT = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            + "<w:p><w:r><w:t>Eerste ziektedag 3 maart 2024</w:t></w:r></w:p>" * 20 + "</w:body></w:document>")


def with_broken_deflate(members: dict[str, str], broken: str) -> bytes:
    """A ZIP whose member ``broken`` has its first deflate bytes inverted; the ZIP directory,
    names and sizes stay intact, so zipfile opens it and fails only when decompressing."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    data = bytearray(buffer.getvalue())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo(broken)
    start = info.header_offset + 30 + len(broken.encode()) + len(info.extra)
    for i in range(start, start + 8):
        data[i] ^= 0xFF
    return bytes(data)


# Fixed defects (docs/fuzzing.md): each test below failed before its fix.


@pytest.mark.parametrize("broken", ["[Content_Types].xml", "word/document.xml"])
def test_docx_with_a_broken_deflate_stream_is_a_message(workdir, broken):
    """sniff.zip_kind ([Content_Types].xml) and docx_package.read (word/document.xml)."""
    data = with_broken_deflate({"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": DOCUMENT}, broken)
    doc = read_checked(workdir, "broken_deflate.docx", data)
    assert doc.format == "docx"
    if broken == "word/document.xml":
        assert doc.error  # the text itself is lost: say so
    else:
        assert doc.error or doc.pages  # Word's main part is intact: reading it is better than refusing


def test_zip_dossier_with_a_broken_deflate_member_names_it(workdir):
    """archive._copy_bounded: the member is reported as corrupt, the others are read."""
    path = workdir / "broken_member.zip"
    path.write_bytes(with_broken_deflate({"a.txt": "3 maart 2024 " * 50, "b.txt": "Eerste ziektedag 3 maart 2024"},
                                         "a.txt"))
    result = read_dossier(path, OPTIONS)
    by_path = {d.path: d for d in result.documents}
    assert set(by_path) == {"a.txt", "b.txt"}
    assert by_path["a.txt"].error and by_path["b.txt"].pages


def test_zip_whose_directory_promises_more_bytes_than_the_file_has(workdir):
    """sniff.zip_kind reads [Content_Types].xml past the end of the file: zipfile raises
    EOFError, which neither zip_kind nor reader.read_file catches (found by atheris_readers)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    data = bytearray(buffer.getvalue())
    directory = data.index(b"PK\x01\x02")
    struct.pack_into("<II", data, directory + 20, 500_000, 500_000)  # compressed, uncompressed size
    doc = read_checked(workdir, "short.docx", bytes(data))
    assert doc.error


def docx_with_bad_crc_content_types() -> bytes:
    """A DOCX package (stored, not deflated) whose [Content_Types].xml fails its CRC check."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", DOCUMENT)
    data = bytearray(buffer.getvalue())
    at = data.index(b"<Types")
    data[at + 1] = ord("X")  # same size, wrong CRC: zipfile raises BadZipFile on reading it
    return bytes(data)


def test_docx_with_unreadable_content_types_stays_one_document(workdir):
    path = workdir / "broken_types.docx"
    path.write_bytes(docx_with_bad_crc_content_types())
    result = read_dossier(path, OPTIONS)
    assert [d.path for d in result.documents] == ["broken_types.docx"], [d.path for d in result.documents]
    doc = result.documents[0]
    assert doc.format == "docx" and (doc.error or doc.pages)  # Word's main part is intact: read it


def test_pdf_with_one_unloadable_page_keeps_the_others(workdir):
    """pdf.read_raw_page: ``pdf[index]`` raises PdfiumError for a page whose dictionary is
    broken; the whole document then falls to the reader's safety net (0 pages, "corrupt")
    although page 1 is fine (found through the safety-net tally of the PDF fuzzer)."""
    data = seed("pdf")
    start = data.index(b"5 0 obj\n")  # page 2 of the seed
    end = data.index(b"endobj", start)
    broken = data[:start] + b"5 0 obj\n" + b"42".ljust(end - start - 8) + data[end:]
    doc = read_checked(workdir, "one_bad_page.pdf", broken)
    assert "Plan van aanpak" in doc.text, (doc.error, len(doc.pages))
    assert doc.error or any(p.notes for p in doc.pages), "the unreadable page is named"
