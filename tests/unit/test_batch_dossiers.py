"""Finding dossiers and their documents: folders and ZIPs give the same names and hashes."""
from __future__ import annotations

import hashlib
import zipfile

import pytest

from audit.batch.dossiers import dossier_to_files, entry_to_documents, manifest_to_dossiers, root_to_dossiers
from audit.ingest import ReadOptions, load_dossier, read_dossier
from audit.errors import UsageError


def _portfolio(root):
    (root / "alpha" / "sub").mkdir(parents=True)
    (root / "alpha" / "pva.txt").write_bytes(b"plan van aanpak")
    (root / "alpha" / "sub" / "fml.txt").write_bytes(b"fml")
    (root / "alpha" / ".DS_Store").write_bytes(b"junk")
    with zipfile.ZipFile(root / "beta.zip", "w") as z:
        z.writestr("pva.txt", b"plan van aanpak")
        z.writestr("sub/fml.txt", b"fml")
        z.writestr("__MACOSX/._pva.txt", b"junk")
        z.writestr("export.json", b'{"bsn": "123456782"}')
    (root / "loose.pdf").write_bytes(b"%PDF-1.4")
    (root / ".hidden").mkdir()
    (root / "broken.zip").write_bytes(b"PK\x03\x04 not really a zip")


def test_root_lists_folders_and_zips_sorted(tmp_path):
    _portfolio(tmp_path)
    names = [d.name for d in root_to_dossiers(tmp_path)]
    assert names == ["alpha", "beta.zip", "broken.zip"]


def test_folder_entries_follow_ingest_and_zip_is_one_unit(tmp_path):
    _portfolio(tmp_path)
    (tmp_path / "alpha" / "~$lock.docx").write_bytes(b"lock")
    alpha, beta, broken = root_to_dossiers(tmp_path)
    a, b = dossier_to_files(alpha), dossier_to_files(beta)
    assert [e.display for e in a.entries] == ["pva.txt", "sub/fml.txt"]
    assert a.entries[0].sha256 == hashlib.sha256(b"plan van aanpak").hexdigest()
    assert not a.entries[0].whole
    assert [(e.display, e.whole) for e in b.entries] == [("beta.zip", True)]
    assert b.entries[0].sha256 == hashlib.sha256((tmp_path / "beta.zip").read_bytes()).hexdigest()


def test_units_read_the_same_documents_as_load_dossier(tmp_path):
    _portfolio(tmp_path)
    options = ReadOptions(ocr="never")
    for dossier in root_to_dossiers(tmp_path):
        files = dossier_to_files(dossier)
        assert files.error is None
        units = [entry_to_documents(e, options) for e in files.entries]
        ours = [d for documents, _ in units for d in documents]
        theirs = load_dossier(dossier.path, options)
        assert [(d.path, d.error_code, d.text) for d in ours] == [(d.path, d.error_code, d.text) for d in theirs]
        passed_over = [*files.skipped, *(line for _, skipped in units for line in skipped)]
        assert sorted(passed_over) == sorted(read_dossier(dossier.path, options).skipped)


def test_files_passed_over_are_listed_with_their_reason(tmp_path):
    _portfolio(tmp_path)
    alpha, beta, _ = root_to_dossiers(tmp_path)
    assert dossier_to_files(alpha).skipped == (".DS_Store: overgeslagen (verborgen of tijdelijk bestand).",)
    options = ReadOptions(ocr="never")
    [zip_unit] = dossier_to_files(beta).entries
    _, skipped = entry_to_documents(zip_unit, options)
    assert skipped == ["__MACOSX/._pva.txt: overgeslagen (verborgen of tijdelijk bestand).",
                       "export.json: overgeslagen (JSON-gegevens, geen dossierdocument)."]


def test_missing_root_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError):
        root_to_dossiers(tmp_path / "nope")


def test_manifest_lists_dossiers_relative_to_root(tmp_path):
    _portfolio(tmp_path)
    manifest = tmp_path / "m.csv"
    manifest.write_text("path,owner\nbeta.zip,x\nalpha,y\n\nalpha,z\n", encoding="utf-8")
    dossiers = manifest_to_dossiers(manifest, tmp_path)
    assert [d.name for d in dossiers] == ["alpha", "beta.zip"]
    assert dossiers[0].path == tmp_path / "alpha"
