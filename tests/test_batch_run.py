"""A batch gives the same reports as auditing one dossier at a time, and a rerun reads nothing."""
from __future__ import annotations

import csv
import io
import re
import stat
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_batch_portfolio import (CORPUS, SAMPLES, digital_corpus_dossiers, make_portfolio, read_results,
                                  write_dossier)

from audit.batch import BatchOptions, run_batch
from audit.cli import main
from audit.pipeline import check_path
from audit.profile import load_profile
from audit.report import to_dict


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory) -> Path:
    return make_portfolio(tmp_path_factory.mktemp("portfolio") / "root")


@pytest.fixture(scope="module")
def first_run(portfolio, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "batch"
    summary = run_batch(BatchOptions(portfolio, out, workers=2))
    return out, summary


def test_batch_equals_check_one_by_one(portfolio, first_run):
    out, summary = first_run
    rows = read_results(out)
    names = sorted(p.name for p in portfolio.iterdir())
    assert [Path(r["dossier"]).name for r in rows] == names  # stable order, every dossier once
    for row in rows:
        assert row == to_dict(check_path(Path(row["dossier"]))), row["dossier"]
    assert summary.dossiers == summary.audited == len(names) and summary.failed == 0
    broken = next(r for r in rows if r["dossier"].endswith("kapot.zip"))
    assert [d["error_code"] for d in broken["documents"]] == ["corrupt"]  # a bad ZIP is a document error


def test_failed_dossier_is_a_row_not_a_stop(portfolio, tmp_path):
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("path\nbestaat-niet\ndossier-000\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(portfolio), "-o", str(out), "--manifest", str(manifest),
                                       "--workers", "1"])
    assert result.exit_code == 0, result.output
    rows = read_results(out)
    assert [Path(r["dossier"]).name for r in rows] == ["bestaat-niet", "dossier-000"]
    assert rows[0]["error"] and rows[0]["findings"] == [] and not rows[1].get("error")
    assert "2 dossiers: 1 gecontroleerd" in result.output and "1 mislukt" in result.output
    assert "2/2 " in result.output  # not a terminal: plain progress lines, one per dossier
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.index("bestaat-niet") < index.index("dossier-000")  # failures on top


def test_outputs_are_private_and_consistent(first_run):
    out, summary = first_run
    rows = read_results(out)
    findings = list(csv.DictReader(io.StringIO((out / "findings.csv").read_text(encoding="utf-8"))))
    assert len(findings) == sum(max(1, len(f["evidence"])) for r in rows for f in r["findings"])  # per quote
    assert {f["id"] for f in findings} == {f["id"] for r in rows for f in r["findings"]}
    index = (out / "index.html").read_text(encoding="utf-8")
    for row in rows:
        assert Path(row["dossier"]).name in index
    links = re.findall(r'href="([^"]+)"', index)
    assert len(links) == len(rows) == len(list((out / "reports").glob("*.html")))  # riv-toets renders HTML
    assert all((out / link).is_file() for link in links)
    for path in [out, *out.rglob("*")]:
        assert stat.S_IMODE(path.stat().st_mode) == (0o700 if path.is_dir() else 0o600), path
    assert not list(out.rglob(".*.tmp"))
    assert summary.with_high == sum(1 for r in rows if any(f["severity"] == "high" for f in r["findings"]))


def test_second_run_reads_nothing_and_writes_the_same(portfolio, first_run):
    out, first = first_run
    before = (out / "results.jsonl").read_bytes()
    again = run_batch(BatchOptions(portfolio, out, workers=2))
    assert first.documents_read == first.documents > 0
    assert (again.documents_read, again.dossiers_assembled, again.pages_read) == (0, 0, 0)
    assert again.documents_cached == first.documents
    assert (out / "results.jsonl").read_bytes() == before


def test_changed_document_redoes_only_that_dossier(tmp_path):
    root = make_portfolio(tmp_path / "root", dossiers=3, with_zip=False, with_broken=False)
    out = tmp_path / "out"
    run_batch(BatchOptions(root, out, workers=1))
    target = root / "dossier-001" / "plan_van_aanpak.docx"
    target.unlink()
    write_dossier(tmp_path / "other", 7)
    (tmp_path / "other" / "plan_van_aanpak.docx").rename(target)
    second = run_batch(BatchOptions(root, out, workers=1))
    assert (second.documents_read, second.dossiers_assembled) == (1, 1)
    row = next(r for r in read_results(out) if r["dossier"].endswith("dossier-001"))
    assert row == to_dict(check_path(root / "dossier-001"))


def test_cli_closing_line_and_exit_status(portfolio, tmp_path):
    out = tmp_path / "cli-out"
    result = CliRunner().invoke(main, ["batch", str(portfolio), "-o", str(out), "--workers", "1",
                                       "--pipeline", "bulk", "--lang", "en", "-q"])
    assert result.exit_code == 0, result.output
    rows = read_results(out)
    high = sum(1 for r in rows if any(f["severity"] == "high" for f in r["findings"]))
    assert f"{len(rows)} dossiers: {len(rows)} audited, {high} with high findings, 0 failed" in result.output
    assert not list((out / "reports").glob("*.html")) if (out / "reports").exists() else True  # bulk: no HTML
    strict = CliRunner().invoke(main, ["batch", str(portfolio), "-o", str(out), "--pipeline", "bulk",
                                       "--fail-on", "low", "-q"])
    any_finding = any(r["findings"] for r in rows)
    assert strict.exit_code == (1 if any_finding else 0)


def test_profile_options_reach_the_reader(portfolio, tmp_path):
    """A profile with other read options keys documents differently: nothing is reused wrongly."""
    out = tmp_path / "out"
    run_batch(BatchOptions(portfolio, out, workers=1, profile=load_profile("riv-toets")))
    other = run_batch(BatchOptions(portfolio, out, workers=1, profile=load_profile("bulk")))
    assert other.documents_read == other.documents


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.exists(), reason="needs ../shared/corpus")
def test_corpus_digital_dossiers_equal_check(tmp_path):
    names = digital_corpus_dossiers()
    if not names:
        pytest.skip("no corpus dossier without scans")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("path\n" + "\n".join(names) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    summary = run_batch(BatchOptions(CORPUS, out, workers=2, manifest=manifest))
    rows = read_results(out)
    assert summary.dossiers == len(names) == len(rows) and summary.failed == 0
    for row in rows:
        assert row == to_dict(check_path(Path(row["dossier"]))), row["dossier"]


def _sample_dossiers() -> list[Path]:
    """Dossier folders the samples engineer committed (folders holding documents, not code)."""
    found = []
    for folder in sorted(SAMPLES.rglob("*")):
        if folder.is_dir() and not folder.name.startswith((".", "_")) and "samplegen" not in folder.parts:
            files = [p for p in folder.iterdir() if p.is_file()]
            if files and all(p.suffix.lower() in {".pdf", ".docx", ".jpg", ".png", ".txt", ".json"}
                             for p in files) and any(p.suffix.lower() in {".pdf", ".docx"} for p in files):
                found.append(folder)
    return found


@pytest.mark.slow
@pytest.mark.skipif(not _sample_dossiers(), reason="no sample dossiers in samples/ yet")
def test_samples_equal_check(tmp_path):
    dossiers = _sample_dossiers()
    root = tmp_path / "samples"
    root.mkdir()
    for folder in dossiers:
        (root / folder.name).symlink_to(folder.resolve(), target_is_directory=True)
    out = tmp_path / "out"
    summary = run_batch(BatchOptions(root, out, workers=2))
    rows = read_results(out)
    assert len(rows) == len(dossiers) and summary.failed == 0
    for row in rows:
        assert row == to_dict(check_path(Path(row["dossier"]))), row["dossier"]


def test_bad_profile_stops_before_reading(portfolio, tmp_path):
    profile = tmp_path / "mine.yaml"
    profile.write_text("kind: pipeline\nname: mine\nthreads: 4\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(portfolio), "-o", str(out), "--pipeline", str(profile)])
    assert result.exit_code == 2 and "'threads'" in result.output and "workers" in result.output
    assert not out.exists()


def test_output_folder_inside_root_is_not_a_dossier(tmp_path):
    root = make_portfolio(tmp_path / "root", dossiers=1, with_zip=False, with_broken=False)
    out = root / "uitvoer"
    run_batch(BatchOptions(root, out, workers=1))
    again = run_batch(BatchOptions(root, out, workers=1))
    assert again.dossiers == 1 and [Path(r["dossier"]).name for r in read_results(out)] == ["dossier-000"]


def test_other_language_rerenders_without_reading(tmp_path):
    root = make_portfolio(tmp_path / "root", dossiers=1, with_zip=False, with_broken=False)
    out = tmp_path / "out"
    run_batch(BatchOptions(root, out, workers=1, lang="nl"))
    pages = sorted((out / "reports").glob("*.html"))
    before = [p.read_bytes() for p in pages]
    english = run_batch(BatchOptions(root, out, workers=1, lang="en"))
    assert english.documents_read == 0 and english.dossiers_assembled == 0
    assert pages and [p.read_bytes() for p in pages] != before
    assert 'lang="en"' in (out / "index.html").read_text(encoding="utf-8")
    rows = (out / "findings.csv").read_text(encoding="utf-8-sig")
    report = read_results(out)[0]
    assert all((f["message_en"] or f["message"]) in rows for f in report["findings"])


def test_files_passed_over_are_in_both_reports(tmp_path):
    """A JSON export, a Word lock file and a hidden ZIP member are named in the report's
    warnings, the same in the batch as in ``check``, and never read as documents."""
    root = tmp_path / "root"
    write_dossier(root / "map", 1)
    (root / "map" / "export.json").write_text('{"bsn": "123456782"}', encoding="utf-8")
    (root / "map" / "~$plan_van_aanpak.docx").write_bytes(b"lock")
    write_dossier(tmp_path / "src", 2)
    with zipfile.ZipFile(root / "archief.zip", "w") as archive:
        for path in sorted((tmp_path / "src").iterdir()):
            archive.write(path, path.name)
        archive.writestr("__MACOSX/._plan_van_aanpak.docx", b"junk")
    run_batch(BatchOptions(root, tmp_path / "out", workers=1))
    rows = {Path(r["dossier"]).name: r for r in read_results(tmp_path / "out")}
    for name, row in rows.items():
        assert row == to_dict(check_path(root / name)), name
    assert rows["map"]["warnings"] == ["export.json: overgeslagen (JSON-gegevens, geen dossierdocument).",
                                       "~$plan_van_aanpak.docx: overgeslagen (verborgen of tijdelijk bestand)."]
    assert rows["archief.zip"]["warnings"] == [
        "__MACOSX/._plan_van_aanpak.docx: overgeslagen (verborgen of tijdelijk bestand)."]
    assert len(rows["map"]["documents"]) == 3
