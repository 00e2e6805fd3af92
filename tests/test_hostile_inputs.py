"""Hostile and broken input for the readers (issue 7, item 1): every input is generated here.

For each input: load_dossier finishes, the file is named with a plain Dutch message or read,
a control document beside it is read as usual, time and memory stay bounded. The last test
prints a tally (inputs, crashes, documents lost, largest memory, longest time).
"""
from __future__ import annotations

import os
import stat
import struct
import threading
import time
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import psutil
import pytest
from PIL import Image

from audit.ingest import ReadOptions, read_dossier
from unit.ingest_factories import docx_from_body, write_pdf

CONTROL = "controle.txt"
CONTROL_TEXT = "Controledocument: evaluatie op 3 mei 2024."
MAX_SECONDS = 120
MAX_MEMORY = 2 * 1024 * 1024 * 1024  # peak RSS of the whole test process
TALLY: list[dict] = []
OPTIONS = ReadOptions()


def _pdf(folder: Path, name: str = "rapport.pdf", text: str = "Probleemanalyse van 12 maart 2024.") -> Path:
    return write_pdf(folder / name, [[("h1", "Probleemanalyse"), ("body", text)]])


def _docx(folder: Path, name: str = "plan.docx") -> Path:
    return docx_from_body(folder / name, '<w:p><w:r><w:t>Plan van aanpak van 2 april 2024.</w:t></w:r></w:p>')


def _png(path: Path, fmt: str = "PNG") -> Path:
    Image.new("L", (400, 200), 255).save(path, format=fmt)
    return path


def zero_byte(folder: Path) -> list[str]:
    (folder / "leeg.pdf").write_bytes(b"")
    return ["leeg.pdf"]


def truncated_pdf(folder: Path) -> list[str]:
    data = _pdf(folder, "heel.pdf").read_bytes()
    (folder / "heel.pdf").unlink()
    (folder / "afgebroken.pdf").write_bytes(data[: len(data) // 2])
    return ["afgebroken.pdf"]


def garbage_pdf(folder: Path) -> list[str]:
    (folder / "rommel.pdf").write_bytes(b"%PDF-1.4\n" + os.urandom(20_000))
    return ["rommel.pdf"]


def broken_xref(folder: Path) -> list[str]:
    path = _pdf(folder, "xref.pdf")
    data = path.read_bytes()
    start = data.rfind(b"xref")
    data = data[:start] + b"xref\n0 9\n" + b"9999999999 65535 f \n" * 9 + data[data.find(b"trailer", start):]
    path.write_bytes(data.replace(b"startxref\n", b"startxref\n1").replace(b"startxref", b"startxref", 1))
    return ["xref.pdf"]


def encrypted_user_password(folder: Path) -> list[str]:
    write_pdf(folder / "beveiligd.pdf", [[("body", "Geheim")]], encrypt="wachtwoord")
    return ["beveiligd.pdf"]


def encrypted_owner_only(folder: Path) -> list[str]:
    write_pdf(folder / "alleen-eigenaar.pdf", [[("body", "Te lezen zonder wachtwoord.")]], encrypt="")
    return ["alleen-eigenaar.pdf"]


def docx_zip_bomb(folder: Path) -> list[str]:
    path = folder / "bom.docx"
    docx_from_body(path, "")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("word/styles.xml", "w") as handle:  # 400 MB of zeros, ~400 KB compressed
            chunk = b"\0" * (4 * 1024 * 1024)
            for _ in range(100):
                handle.write(chunk)
    return ["bom.docx"]


def docx_entities(folder: Path) -> list[str]:
    laughs = "".join(f'<!ENTITY l{i} "{"&l%d;" % (i - 1) * 10}">' for i in range(1, 10))
    xml = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l0 "lol">' + laughs +
           '<!ENTITY ext SYSTEM "file:///etc/passwd">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           '<w:p><w:r><w:t>&l9;&ext;Plan</w:t></w:r></w:p></w:body></w:document>')
    docx_from_body(folder / "entiteiten.docx", "", document=xml)
    return ["entiteiten.docx"]


def zip_traversal(folder: Path) -> list[str]:
    with zipfile.ZipFile(folder / "dossier.zip", "w") as archive:
        archive.writestr("../../ontsnapt.txt", b"buiten")
        link = zipfile.ZipInfo("link.txt")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, b"/etc/passwd")
        archive.writestr("binnen.txt", "Gewoon document in de ZIP.".encode())
    return ["dossier.zip/../../ontsnapt.txt", "dossier.zip/link.txt", "dossier.zip/binnen.txt"]


def image_bomb(folder: Path) -> list[str]:
    """A PNG header claiming 60,000 x 60,000 pixels with almost no data."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 60000, 60000, 8, 0, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(b"\0" * 1000)) + chunk(b"IEND", b""))
    (folder / "bom.png").write_bytes(png)
    return ["bom.png"]


def many_pages(folder: Path) -> list[str]:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(folder / "lang.pdf"), pagesize=(200, 100))
    for n in range(2000):
        if n % 2 == 0:
            c.drawString(10, 50, f"Regel op pagina {n + 1} van het logboek.")
        c.showPage()  # odd pages are blank: nothing to OCR
    c.save()
    return ["lang.pdf"]


def wrong_extensions(folder: Path) -> list[str]:
    sub = folder / "tmp"
    sub.mkdir()
    shutil_move = os.replace
    shutil_move(_pdf(sub), folder / "pdf-als.docx")
    shutil_move(_docx(sub), folder / "docx-als.pdf")
    _png(folder / "png-als.pdf")
    _png(folder / "jpeg-als.txt", "JPEG")
    _png(folder / "tiff-als.docx", "TIFF")
    (folder / "tekst-als.pdf").write_text("Gewone tekst met een datum: 1 juni 2024.", encoding="utf-8")
    (folder / "word97-als.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    sub.rmdir()
    return ["docx-als.pdf", "jpeg-als.txt", "pdf-als.docx", "png-als.pdf", "tekst-als.pdf", "tiff-als.docx", "word97-als.docx"]


def odd_unicode_names(folder: Path) -> list[str]:
    names = ["Ré-integratie ﬁnaal 😀.txt", "rechts\u202eftp.txt", "e\u0301e\u0301n.txt", "met\nregelovergang.txt"]
    for name in names:
        (folder / name).write_text("Tekst.", encoding="utf-8")
    raw = os.fsencode(folder) + b"/caf\xe9-latin1.txt"
    with open(raw, "wb") as handle:
        handle.write("Tekst.".encode())
    return names + ["caf\ufffd-latin1.txt"]


def deep_folders(folder: Path) -> list[str]:
    deep = folder.joinpath(*["m"] * 50)
    deep.mkdir(parents=True)
    (deep / "diep.txt").write_text("Diep verstopt document.", encoding="utf-8")
    return ["/".join(["m"] * 50 + ["diep.txt"])]


def long_line(folder: Path) -> list[str]:
    (folder / "lang.txt").write_bytes(("woord " * (10 * 1024 * 1024 // 6)).encode())
    return ["lang.txt"]


def symlink_in_folder(folder: Path) -> list[str]:
    (folder / "naar-passwd.txt").symlink_to("/etc/passwd")
    return ["naar-passwd.txt"]


CASES: dict[str, Callable[[Path], list[str]]] = {f.__name__: f for f in (
    zero_byte, truncated_pdf, garbage_pdf, broken_xref, encrypted_user_password, encrypted_owner_only,
    docx_zip_bomb, docx_entities, zip_traversal, image_bomb, many_pages, wrong_extensions,
    odd_unicode_names, deep_folders, long_line, symlink_in_folder)}


def _measured(call: Callable[[], object]) -> tuple[object, float, int]:
    """Result, seconds and the process's peak RSS during ``call`` (sampled every 5 ms; growth
    alone would hide memory that earlier tests freed and this call reused)."""
    process = psutil.Process()
    peak = process.memory_info().rss
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.005):
            peak = max(peak, process.memory_info().rss)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    start = time.perf_counter()
    try:
        result = call()
    finally:
        seconds = time.perf_counter() - start
        done.set()
        sampler.join()
    return result, seconds, peak


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_input(case: str, tmp_path: Path):
    folder = tmp_path / "dossier"
    folder.mkdir()
    (folder / CONTROL).write_text(CONTROL_TEXT, encoding="utf-8")
    expected = CASES[case](folder)
    entry = {"case": case, "crash": False, "lost": 0, "seconds": 0.0, "memory": 0}
    TALLY.append(entry)
    try:
        result, entry["seconds"], entry["memory"] = _measured(lambda: read_dossier(folder, OPTIONS))
    except Exception:
        entry["crash"] = True
        raise
    docs = {d.path: d for d in result.documents}
    skipped = " ".join(result.skipped)
    entry["lost"] = sum(1 for name in expected if name not in docs and name not in skipped)
    assert entry["lost"] == 0, (expected, list(docs), result.skipped)
    assert docs[CONTROL].error is None and docs[CONTROL].text == CONTROL_TEXT
    for name in expected:
        doc = docs.get(name)
        if doc is not None:
            assert doc.error or doc.text.strip(), f"{name}: neither read nor explained"
            if doc.error:
                assert doc.error_code and len(doc.error) > 20 and doc.error[0].isupper()
    assert entry["seconds"] < MAX_SECONDS and entry["memory"] < MAX_MEMORY
    EXPECTATIONS.get(case, lambda d, s: None)(docs, skipped)


def _expect_codes(**codes: str):
    def check(docs, skipped):
        for name, code in codes.items():
            assert docs[name].error_code == code, (name, docs[name].error)
    return check


def _expect_read(*names: str):
    def check(docs, skipped):
        for name in names:
            assert docs[name].error is None and docs[name].text, (name, docs[name].error)
    return check


EXPECTATIONS = {
    "zero_byte": _expect_codes(**{"leeg.pdf": "empty"}),
    "truncated_pdf": lambda d, s: None,  # pdfium may recover part of it: read or "corrupt", both named
    "garbage_pdf": _expect_codes(**{"rommel.pdf": "corrupt"}),
    "broken_xref": _expect_read("xref.pdf"),
    "encrypted_user_password": _expect_codes(**{"beveiligd.pdf": "encrypted"}),
    "encrypted_owner_only": _expect_read("alleen-eigenaar.pdf"),
    "docx_zip_bomb": _expect_codes(**{"bom.docx": "too_large"}),
    "docx_entities": lambda d, s: ("root:" not in d["entiteiten.docx"].text
                                   and "lollollol" not in d["entiteiten.docx"].text) or pytest.fail("entities resolved"),
    "zip_traversal": _expect_codes(**{"dossier.zip/../../ontsnapt.txt": "unsafe", "dossier.zip/link.txt": "unsafe"}),
    "image_bomb": _expect_codes(**{"bom.png": "too_large"}),
    "many_pages": _expect_read("lang.pdf"),
    "wrong_extensions": _expect_read("docx-als.pdf", "pdf-als.docx", "tekst-als.pdf"),
    "long_line": _expect_read("lang.txt"),
}


def test_password_opens_encrypted_pdf(tmp_path: Path):
    encrypted_user_password(tmp_path)
    result = read_dossier(tmp_path / "beveiligd.pdf", ReadOptions(password="wachtwoord"))
    assert result.documents[0].error is None and "Geheim" in result.documents[0].text


def test_zz_tally(capsys):
    """Runs last (file order): prints the tally the issue asks for."""
    if not TALLY:
        pytest.skip("no hostile input ran in this session")
    crashes = sum(e["crash"] for e in TALLY)
    lost = sum(e["lost"] for e in TALLY)
    worst_time = max(TALLY, key=lambda e: e["seconds"])
    worst_memory = max(TALLY, key=lambda e: e["memory"])
    with capsys.disabled():
        print(f"\nhostile inputs tried: {len(TALLY)}; crashes: {crashes}; documents lost: {lost}; "
              f"largest memory (peak RSS): {worst_memory['memory'] / 1e6:.0f} MB ({worst_memory['case']}); "
              f"longest time: {worst_time['seconds']:.1f} s ({worst_time['case']})")
    assert crashes == 0 and lost == 0
