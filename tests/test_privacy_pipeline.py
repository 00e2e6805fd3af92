"""Privacy of a whole run on the sample dossiers (issue 7, item 3):
no network, inputs untouched, no temporary files left behind, and --redact leaves none of the
dossier's personal data in the report while keeping its findings."""
from __future__ import annotations

import hashlib
import json
import shutil
import socket
import tempfile
import zipfile
from pathlib import Path

import pytest

from audit.pipeline import check_path
from audit.redact import redact_report
from audit.report.json import to_json

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
PERSONAL = json.loads((SAMPLES / "personal.json").read_text(encoding="utf-8"))
DOSSIERS = ["bureau-spoor2", "casemanager-docx", "scan-formulier", "dossier-zip.zip", "wia-dossier"]


class NetworkAttempt(RuntimeError):
    pass


class NoNetwork:
    """Every way to open a connection raises, and is recorded."""

    def __init__(self) -> None:
        self.attempts: list[str] = []

    def _refuse(self, what: str):
        def refuse(*args, **kwargs):
            self.attempts.append(f"{what}{args[1:] if what.startswith('socket.') else args}")
            raise NetworkAttempt(f"network access during a run: {what}")
        return refuse

    def install(self, mp: pytest.MonkeyPatch) -> None:
        mp.setattr(socket.socket, "connect", self._refuse("socket.connect"))
        mp.setattr(socket.socket, "connect_ex", self._refuse("socket.connect_ex"))
        mp.setattr(socket, "getaddrinfo", self._refuse("getaddrinfo"))
        mp.setattr(socket, "create_connection", self._refuse("create_connection"))


def files_of(path: Path) -> list[Path]:
    return sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]


def digests(path: Path) -> dict[str, tuple[str, int, float]]:
    return {str(p): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mode, p.stat().st_mtime)
            for p in files_of(path)}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Each sample dossier checked once, in a copy, with the network blocked."""
    work = tmp_path_factory.mktemp("dossiers")
    out = {}
    for name in DOSSIERS:
        source = SAMPLES / name
        target = work / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target)
        for f in files_of(target):
            f.chmod(0o444)  # as a user's read-only archive; a run must not need to write
        guard = NoNetwork()
        before = digests(target)
        with pytest.MonkeyPatch.context() as mp:
            guard.install(mp)
            report = check_path(target)
        out[name] = (report, guard.attempts, before, digests(target))
    return out


@pytest.mark.parametrize("name", DOSSIERS)
def test_no_network_during_a_run(runs, name):
    report, attempts, _, _ = runs[name]
    assert attempts == []
    assert report.documents, "the dossier was read"


@pytest.mark.parametrize("name", DOSSIERS)
def test_inputs_are_never_modified(runs, name):
    _, _, before, after = runs[name]
    assert before == after and len(before) >= 1


def test_the_guard_itself_catches_a_connection():
    guard = NoNetwork()
    with pytest.MonkeyPatch.context() as mp:
        guard.install(mp)
        with pytest.raises(NetworkAttempt):
            socket.create_connection(("example.org", 80), timeout=1)
    assert guard.attempts


@pytest.mark.parametrize("name", DOSSIERS)
def test_redacted_report_shows_no_personal_data_and_keeps_findings(runs, name):
    report, _, _, _ = runs[name]
    personal = PERSONAL[name.removesuffix(".zip")]
    redacted = redact_report(report)
    secrets = personal["names"] + personal["bsns"] + personal["addresses"] + personal["emails"] + personal["phones"]
    original_text, redacted_text = to_json(report) + repr(report), to_json(redacted) + repr(redacted)
    assert any(s in original_text for s in secrets), "the check should have read some personal data"
    leaks = [s for s in secrets if s in redacted_text]
    assert leaks == []
    for diagnosis in personal.get("diagnoses", []):
        assert diagnosis not in redacted_text.lower()
    assert [f.id for f in redacted.findings] == [f.id for f in report.findings]
    assert [c.status for c in redacted.components] == [c.status for c in report.components]
    assert redacted.timeline.first_sick_day == report.timeline.first_sick_day
    assert [(e.event, e.date) for e in redacted.timeline.events] == [(e.event, e.date) for e in report.timeline.events]
    births = set(personal["born"])
    for before, after in zip(report.documents, redacted.documents):  # timeline dates stay, as written
        assert [(d.value, d.text) for d in after.dates] == \
               [(d.value, d.text) for d in before.dates if d.text not in births]


# --------------------------------------------------------------------------- temporary files

@pytest.fixture
def private_tmp(tmp_path, monkeypatch) -> Path:
    """TMPDIR pointed at a fresh, empty folder for the run (tempfile caches its choice)."""
    folder = tmp_path / "tmpdir"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", None)
    return folder


def zip_with_a_corrupt_member(target: Path) -> Path:
    with zipfile.ZipFile(SAMPLES / "dossier-zip.zip") as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist()[:2]:
            out.writestr(info, source.read(info))
        broken = zipfile.ZipInfo("Verzuimdossier/99 Kapot.pdf", date_time=(2024, 1, 1, 0, 0, 0))
        broken.external_attr = 0o100644 << 16
        out.writestr(broken, b"%PDF-1.7\n1 0 obj <</Type /Catalog" + bytes(range(256)) * 4)
    return target


def test_zip_and_scan_leave_no_temporary_files(private_tmp):
    for name in ["dossier-zip.zip", "scan-formulier/Scan_probleemanalyse_Postma.pdf"]:
        report = check_path(SAMPLES / name)
        assert report.documents and all(a.document.pages for a in report.documents)
        assert list(private_tmp.iterdir()) == [], name


def test_a_zip_with_a_corrupt_member_leaves_no_temporary_files(private_tmp, tmp_path):
    dossier = zip_with_a_corrupt_member(tmp_path / "dossier.zip")
    report = check_path(dossier)
    broken = [a for a in report.documents if a.document.path.endswith("Kapot.pdf")]
    assert len(broken) == 1 and broken[0].document.error
    assert len(report.documents) == 3
    assert list(private_tmp.iterdir()) == []


def test_a_run_that_fails_inside_the_zip_leaves_no_temporary_files(private_tmp, monkeypatch):
    """A failure while the ZIP is extracted (a reader crashing on a member) must still remove
    the extracted folder: the exception reaches the caller, the folder does not stay."""
    import audit.ingest

    def crash(*args, **kwargs):
        raise RuntimeError("reader crashed")

    monkeypatch.setattr(audit.ingest, "read_file", crash)
    with pytest.raises(RuntimeError):
        check_path(SAMPLES / "dossier-zip.zip")
    assert list(private_tmp.iterdir()) == []


def test_a_zip_given_as_bytes_in_a_folder_is_read_without_writing_beside_it(tmp_path, private_tmp):
    folder = tmp_path / "inbox"
    folder.mkdir()
    data = (SAMPLES / "dossier-zip.zip").read_bytes()
    (folder / "dossier.zip").write_bytes(data)
    check_path(folder)
    assert [p.name for p in folder.iterdir()] == ["dossier.zip"]
    assert (folder / "dossier.zip").read_bytes() == data
    assert list(private_tmp.iterdir()) == []


def test_report_files_are_for_the_owner_only(tmp_path):
    """check -o writes 0600 files in a 0700 folder, whatever the umask."""
    import os
    import stat
    import subprocess
    import sys

    out = tmp_path / "rapporten"
    old = os.umask(0o022)
    try:
        subprocess.run([sys.executable, "-c", "from audit.cli import main; main()", "check", str(SAMPLES / "bureau-spoor2"),
                        "-f", "json", "-f", "csv", "-o", str(out), "--redact"],
                       check=True, capture_output=True, cwd=ROOT)
    finally:
        os.umask(old)
    written = [p for p in out.rglob("*") if p.is_file()]
    assert len(written) >= 2
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in written)
    assert all("Hulshof" not in p.read_text(encoding="utf-8") for p in written)
