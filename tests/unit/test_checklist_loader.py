"""Loading and validating checklists: every kind of error names the file, the key and what is
allowed, before any document is read; ``--checklists DIR`` overrides by id."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from audit.checklist import BUNDLED_DIR, load_checklists, validate_file
from audit.errors import ChecklistError


@pytest.fixture()
def bundled(tmp_path: Path) -> Path:
    """A private copy of the bundled checklists that a test may break."""
    target = tmp_path / "bundled"
    shutil.copytree(BUNDLED_DIR, target)
    return target


def write(path: Path, data) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def doc_types_file(bundled: Path) -> dict:
    return yaml.safe_load((bundled / "doc_types.yaml").read_text(encoding="utf-8"))


def error_of(bundled: Path, extra: tuple[Path, ...] = ()) -> str:
    with pytest.raises(ChecklistError) as caught:
        load_checklists(extra, bundled=bundled)
    return str(caught.value)


def test_bundled_checklists_load_and_cover_every_doc_type():
    checklists = load_checklists()
    assert set(checklists.doc_types) == set(checklists.spec.doc_types)
    for doc_type, entry in checklists.doc_types.items():
        assert entry["title"]["nl"] and entry["source"], doc_type
        if doc_type != "overig":
            assert entry["titles"], doc_type


def test_unknown_top_level_key_names_file_key_and_allowed(bundled):
    data = doc_types_file(bundled)
    data["treshold"] = 3
    path = write(bundled / "doc_types.yaml", data)
    message = error_of(bundled)
    assert str(path) in message and "'treshold'" in message and "matching" in message and "doc_types" in message


def test_unknown_key_inside_a_doc_type_entry(bundled):
    data = doc_types_file(bundled)
    data["doc_types"]["fml"]["titel"] = ["FML"]
    write(bundled / "doc_types.yaml", data)
    message = error_of(bundled)
    assert "doc_types/fml" in message and "'titel'" in message and "titles" in message


def test_unknown_key_inside_matching_settings(bundled):
    data = doc_types_file(bundled)
    data["matching"]["fuzzy"] = 80
    write(bundled / "doc_types.yaml", data)
    message = error_of(bundled)
    assert "matching" in message and "'fuzzy'" in message and "fuzzy_min" in message


def test_wrong_value_type_is_an_error(bundled):
    data = doc_types_file(bundled)
    data["doc_types"]["fml"]["titles"] = "FML"
    write(bundled / "doc_types.yaml", data)
    assert "doc_types/fml/titles" in error_of(bundled)


def test_unknown_doc_type_id_lists_the_allowed_ones(bundled):
    data = doc_types_file(bundled)
    data["doc_types"]["ziekteverslag"] = {"titles": ["ziekteverslag"]}
    write(bundled / "doc_types.yaml", data)
    message = error_of(bundled)
    assert "doc_types/ziekteverslag" in message and "probleemanalyse" in message and "riv" in message


def test_missing_doc_type_is_an_error(bundled):
    data = doc_types_file(bundled)
    del data["doc_types"]["logboek"]
    write(bundled / "doc_types.yaml", data)
    assert "logboek" in error_of(bundled)


def test_duplicate_id_in_one_file_is_an_error(bundled):
    text = (bundled / "doc_types.yaml").read_text(encoding="utf-8")
    text += "\n  fml:\n    titles: [fml]\n"
    path = write(bundled / "doc_types.yaml", text)
    message = error_of(bundled)
    assert str(path) in message and "'fml'" in message and "dubbel" in message


def test_duplicate_id_in_two_bundled_files_is_an_error(bundled):
    write(bundled / "extra_types.yaml", {"kind": "doc_types", "doc_types": {"fml": {"titles": ["fml"]}}})
    message = error_of(bundled)
    assert "doc_types/fml" in message and "dubbel" in message and "doc_types.yaml" in message


def test_duplicate_id_in_two_files_of_one_extra_dir_is_an_error(bundled, tmp_path):
    extra = tmp_path / "bureau"
    for name in ("a.yaml", "b.yaml"):
        write(extra / name, {"kind": "doc_types", "doc_types": {"fml": {"titles": ["fml"]}}})
    assert "dubbel" in error_of(bundled, (extra,))


def test_unknown_kind(bundled):
    path = write(bundled / "odd.yaml", {"kind": "rules"})
    message = error_of(bundled)
    assert str(path) in message and "'kind'" in message and "doc_types" in message


def test_component_id_not_in_the_spec(bundled):
    own = yaml.safe_load((bundled / "spoor2_plan.yaml").read_text(encoding="utf-8"))
    first = next(iter(own["components"].values()))
    write(bundled / "spoor2_plan.yaml", {**own, "components": {"vacaturebank": first}})
    message = error_of(bundled)
    assert "spoor2_plan.vacaturebank" in message and "zoekprofiel" in message


def test_component_file_for_a_doc_type_without_checklist(bundled):
    own = yaml.safe_load((bundled / "spoor2_plan.yaml").read_text(encoding="utf-8"))
    (bundled / "spoor2_plan.yaml").unlink()
    write(bundled / "fml.yaml", {**own, "doc_type": "fml"})
    message = error_of(bundled)
    assert "'fml'" in message and "spoor2_plan" in message


def test_finding_id_not_in_the_spec(bundled):
    own = yaml.safe_load((bundled / "findings.yaml").read_text(encoding="utf-8"))
    first = next(iter(own["findings"].values()))
    own["findings"]["deadline.te_laat"] = first
    write(bundled / "findings.yaml", own)
    assert "findings/deadline.te_laat" in error_of(bundled)


def test_bad_yaml_names_the_file(bundled):
    path = write(bundled / "broken.yaml", "kind: doc_types\ndoc_types: [unclosed\n")
    message = error_of(bundled)
    assert str(path) in message and "YAML" in message


def test_missing_extra_dir(bundled, tmp_path):
    assert "bestaat niet" in error_of(bundled, (tmp_path / "nowhere",))


def test_extra_dir_overrides_an_entry_by_id(bundled, tmp_path):
    extra = tmp_path / "bureau"
    write(extra / "huisstijl.yaml", {
        "kind": "doc_types",
        "matching": {"min_score": 0.5},
        "doc_types": {"fml": {"titles": ["Belastbaarheidsoverzicht Arbo Noord"]}},
    })
    base = load_checklists(bundled=bundled)
    merged = load_checklists((extra,), bundled=bundled)
    assert merged.doc_types["fml"]["titles"] == ["Belastbaarheidsoverzicht Arbo Noord"]
    assert merged.doc_types["fml"]["title"] == base.doc_types["fml"]["title"]  # fields not given stay
    assert merged.doc_type_settings["matching"]["min_score"] == 0.5
    assert merged.doc_type_settings["matching"]["fuzzy_min"] == base.doc_type_settings["matching"]["fuzzy_min"]
    assert merged.version != base.version


def test_errors_come_before_any_document_is_read(bundled, tmp_path):
    """A broken checklist stops the run even when the dossier does not exist."""
    from audit.pipeline import RunOptions, check_path

    extra = write(tmp_path / "bureau" / "bad.yaml", {"kind": "doc_types", "doc_types": {"x": {}}}).parent
    with pytest.raises(ChecklistError):
        check_path(tmp_path / "geen-dossier", RunOptions(checklist_dirs=(extra,)))


def test_validate_file_returns_the_data():
    data = validate_file(BUNDLED_DIR / "doc_types.yaml")
    assert data["kind"] == "doc_types" and "riv" in data["doc_types"]
