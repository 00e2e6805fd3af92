import os
import stat
import tempfile
import zipfile
from pathlib import Path

from audit.ingest import ReadOptions, load_dossier, read_dossier
from audit.ingest.archive import TEMP_PREFIX


def _member(archive: zipfile.ZipFile, name: str, data: bytes, mode: int = 0o100644) -> None:
    info = zipfile.ZipInfo(name)
    info.external_attr = mode << 16
    archive.writestr(info, data)


def _temp_dirs() -> set[str]:
    return {p for p in os.listdir(tempfile.gettempdir()) if p.startswith(TEMP_PREFIX)}


def test_zip_dossier_members_named_by_path_and_unsafe_rejected(tmp_path: Path):
    path = tmp_path / "dossier.zip"
    with zipfile.ZipFile(path, "w") as archive:
        _member(archive, "brieven/uitnodiging.txt", "Uitnodiging voor het gesprek op 3 mei 2024.".encode())
        _member(archive, "../../buiten.txt", b"ontsnapt")
        _member(archive, "/etc/absoluut.txt", b"absoluut")
        _member(archive, "link.txt", b"/etc/passwd", mode=stat.S_IFLNK | 0o777)
        _member(archive, "notitie.txt", "Notitie van de casemanager.".encode())
    before = _temp_dirs()
    docs = load_dossier(path, ReadOptions())
    names = [d.path for d in docs]
    assert "brieven/uitnodiging.txt" in names and "notitie.txt" in names
    read = {d.path: d for d in docs}
    assert "3 mei 2024" in read["brieven/uitnodiging.txt"].text
    refused = [d for d in docs if d.error_code == "unsafe"]
    assert len(refused) == 3 and all("buiten de map" in d.error for d in refused)
    assert not (tmp_path.parent / "buiten.txt").exists()
    assert _temp_dirs() == before  # the private extraction folder is gone


def test_zip_bomb_member_refused(tmp_path: Path):
    path = tmp_path / "bom.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("nul.txt", b"\0" * (50 * 1024 * 1024))
        archive.writestr("ok.txt", "Gewone tekst.".encode())
    docs = load_dossier(path, ReadOptions())
    by_name = {d.path: d for d in docs}
    assert by_name["nul.txt"].error and "zip-bom" in by_name["nul.txt"].error
    assert by_name["ok.txt"].text == "Gewone tekst."


def test_folder_skips_json_and_hidden_files_with_a_note(tmp_path: Path):
    (tmp_path / "truth.json").write_text('{"dossier": "d01"}')
    (tmp_path / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Tweede document.")
    (tmp_path / "a.txt").write_text("Eerste document.")
    result = read_dossier(tmp_path, ReadOptions())
    assert [d.path for d in result.documents] == ["a.txt", "sub/b.txt"]
    assert any("truth.json" in s for s in result.skipped) and any(".DS_Store" in s for s in result.skipped)


def test_lock_files_skipped_and_load_dossier_gives_the_same_documents(tmp_path: Path):
    (tmp_path / "~$plan.docx").write_bytes(b"\x08Jan Jansen" + b"\0" * 150)
    (tmp_path / "plan.txt").write_text("Plan van aanpak.")
    (tmp_path / "gegevens.json").write_text("[1, 2]")
    result = read_dossier(tmp_path, ReadOptions())
    assert [d.path for d in result.documents] == ["plan.txt"]
    assert sorted(s.split(":")[0] for s in result.skipped) == ["gegevens.json", "~$plan.docx"]
    assert all("overgeslagen" in s for s in result.skipped)
    assert load_dossier(tmp_path, ReadOptions()) == list(result.documents)
