"""``poortwachter checklists list|show|validate``."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from audit.checklist import BUNDLED_DIR, load_checklists
from audit.cli import main


def run(*args: str):
    return CliRunner().invoke(main, ["checklists", *args])


@pytest.fixture(scope="module")
def checklists():
    return load_checklists()


def test_every_subcommand_has_dutch_help_with_an_example():
    for sub in ("list", "show", "validate"):
        result = run(sub, "--help")
        assert result.exit_code == 0 and "Voorbeeld" in result.output, sub


def test_list_shows_every_id(checklists):
    result = run("list")
    assert result.exit_code == 0
    for doc_type in checklists.spec.doc_types:
        assert f"  {doc_type} " in result.output
    for finding in checklists.findings:
        assert finding in result.output


def test_list_one_kind_in_english():
    result = run("list", "--kind", "doc_types", "--lang", "en")
    assert result.exit_code == 0
    assert "Document types:" in result.output and "Findings" not in result.output
    assert "Functional capacity list" in result.output


def test_show_doc_type_with_its_cues(checklists):
    result = run("show", "riv")
    assert result.exit_code == 0
    assert "Titel: Re-integratieverslag" in result.output and "Bron:" in result.output
    assert "re-integratieverslag" in result.output.lower() and "Herkenning" in result.output
    if "riv" in checklists.components:
        assert "Onderdelen van dit type" in result.output


def test_show_component_and_finding_in_both_languages(checklists):
    component = next(f"{dt}.{key}" for dt, comps in checklists.components.items() for key in comps)
    finding = next(iter(checklists.findings))
    for wanted in (component, finding):
        nl, en = run("show", wanted), run("show", wanted, "--lang", "en")
        assert nl.exit_code == en.exit_code == 0
        assert wanted in nl.output and ("Bron:" in nl.output) and ("Source:" in en.output)
        assert nl.output != en.output


def test_show_unknown_id_fails_with_a_hint():
    result = run("show", "zoekprof")
    assert result.exit_code == 2 and "onbekend id" in result.output and "zoekprofiel" in result.output


def test_validate_bundled_folder_and_file():
    assert run("validate", str(BUNDLED_DIR)).exit_code == 0
    result = run("validate", str(BUNDLED_DIR / "doc_types.yaml"))
    assert result.exit_code == 0 and "geldig" in result.output


def test_validate_bad_file_exits_with_the_loader_message(tmp_path: Path):
    bad = tmp_path / "bureau.yaml"
    bad.write_text(yaml.safe_dump({"kind": "doc_types", "doc_types": {"fml": {"titel": ["x"]}}}), encoding="utf-8")
    result = run("validate", str(bad))
    assert result.exit_code == 3
    assert str(bad) in result.output and "'titel'" in result.output and "titles" in result.output


def test_validate_folder_with_unknown_id(tmp_path: Path):
    (tmp_path / "types.yaml").write_text(
        yaml.safe_dump({"kind": "doc_types", "doc_types": {"brief": {"titles": ["brief"]}}}), encoding="utf-8")
    result = run("validate", str(tmp_path))
    assert result.exit_code == 3 and "doc_types/brief" in result.output


def test_validate_missing_path():
    result = run("validate", "/nonexistent/checklists")
    assert result.exit_code == 2 and "bestaat niet" in result.output


def test_list_with_a_bureau_override(tmp_path: Path):
    (tmp_path / "huis.yaml").write_text(yaml.safe_dump({
        "kind": "doc_types", "doc_types": {"fml": {"title": {"nl": "Belastbaarheidsoverzicht"}}}}), encoding="utf-8")
    result = run("list", "--checklists", str(tmp_path))
    assert result.exit_code == 0 and "Belastbaarheidsoverzicht" in result.output
