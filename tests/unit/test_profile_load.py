"""Run profiles: every bundled profile validates; a wrong key or value names file, key and what is allowed."""
from __future__ import annotations

from dataclasses import fields

import pytest

from audit.errors import UsageError
from audit.ingest import ReadOptions
from audit.profile import PIPELINES_DIR, available_profiles, load_profile


def test_bundled_profiles_load_and_map_onto_read_options():
    names = available_profiles()
    assert {"riv-toets", "spoor2", "bulk"} <= set(names)
    for name in names:
        profile = load_profile(name)
        assert profile.name == name
        read = profile.read_options()
        known = {f.name for f in fields(ReadOptions)}
        for attr in ("ocr", "dpi", "max_pages", "max_file_bytes"):
            if attr in known:
                assert getattr(read, attr) == getattr(profile, attr)


def test_bulk_is_lighter_than_riv_toets():
    bulk, full = load_profile("bulk"), load_profile("riv-toets")
    assert bulk.dpi < full.dpi
    assert "html" not in bulk.formats and "html" in full.formats


def test_unknown_key_names_file_key_and_allowed_keys(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("kind: pipeline\nname: mine\nocr: auto\nspeed: fast\n", encoding="utf-8")
    with pytest.raises(UsageError) as err:
        load_profile(path)
    text = str(err.value)
    assert str(path) in text and "'speed'" in text and "max_pages" in text and "ocr" in text


def test_wrong_value_is_named(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("kind: pipeline\nname: mine\nocr: sometimes\n", encoding="utf-8")
    with pytest.raises(UsageError) as err:
        load_profile(path)
    assert "ocr" in str(err.value) and "sometimes" in str(err.value) and "always" in str(err.value)


def test_profile_by_path_and_unknown_name(tmp_path):
    path = tmp_path / "quick.yaml"
    path.write_text("kind: pipeline\nname: quick\ndpi: 150\nformats: [json]\nworkers: 3\n", encoding="utf-8")
    profile = load_profile(str(path))
    assert (profile.dpi, profile.formats, profile.workers) == (150, ("json",), 3)
    with pytest.raises(UsageError) as err:
        load_profile("no-such-profile")
    assert "riv-toets" in str(err.value)


def test_profiles_hold_no_dutch_law():
    """A profile says how to run; deadlines and cue words live in checklists/."""
    for path in PIPELINES_DIR.glob("*.yaml"):
        text = path.read_text(encoding="utf-8").lower()
        for word in ("week", "ziekte", "termijn", "spoor 2", "uwv"):
            assert word not in text, (path, word)
