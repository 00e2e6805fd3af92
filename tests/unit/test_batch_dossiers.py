"""Finding dossiers and their documents: folders and ZIPs give the same names and hashes."""
from __future__ import annotations

import hashlib
import zipfile

import pytest

from audit.batch.dossiers import dossier_to_files, manifest_to_dossiers, root_to_dossiers
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
    (root / "loose.pdf").write_bytes(b"%PDF-1.4")
    (root / ".hidden").mkdir()
    (root / "broken.zip").write_bytes(b"PK\x03\x04 not really a zip")


def test_root_lists_folders_and_zips_sorted(tmp_path):
    _portfolio(tmp_path)
    names = [d.name for d in root_to_dossiers(tmp_path)]
    assert names == ["alpha", "beta.zip", "broken.zip"]


def test_folder_and_zip_give_same_entries(tmp_path):
    _portfolio(tmp_path)
    alpha, beta, broken = root_to_dossiers(tmp_path)
    a, b = dossier_to_files(alpha, 10**9), dossier_to_files(beta, 10**9)
    assert [e.display for e in a.entries] == ["pva.txt", "sub/fml.txt"]
    assert [(e.display, e.sha256) for e in a.entries] == [(e.display, e.sha256) for e in b.entries]
    assert a.entries[0].sha256 == hashlib.sha256(b"plan van aanpak").hexdigest()
    assert b.entries[1].member == "sub/fml.txt" and b.entries[1].source.endswith("beta.zip")
    bad = dossier_to_files(broken, 10**9)
    assert bad.error and bad.error_code and not bad.entries


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
