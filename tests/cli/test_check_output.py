"""``poortwachter check``: stdout stays pure JSON for the scorer, files are private and named
after the dossier, --fail-on sets exit 10, --lang en, --redact and --pipeline are wired.

The dossier is written by the test (python-docx) and run through the real pipeline."""
from __future__ import annotations

import importlib.util
import io
import json
import os
import pty
import select
import stat
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from report_schema import assert_valid_report

from audit.cli import main

POORTWACHTER = Path(sys.executable).with_name("poortwachter")


def _docx(path: Path, title: str, lines: list[str]) -> None:
    document = docx.Document()
    document.add_heading(title, 0)
    for line in lines:
        document.add_paragraph(line)
    document.save(path)


@pytest.fixture(scope="module")
def dossier(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("dossiers") / "Dossier Jansen"
    folder.mkdir()
    _docx(folder / "pa.docx", "Probleemanalyse", ["Eerste ziektedag: 9 januari 2023", "Datum: 1 maart 2023",
                                                   "Prognose: gedeeltelijke terugkeer binnen drie maanden."])
    _docx(folder / "pva.docx", "Plan van aanpak", ["Eerste ziektedag: 9 januari 2023",
                                                   "Datum plan van aanpak: 20 maart 2023",
                                                   "Werknemer kan 4 uur per dag werken.",
                                                   "Handtekening werkgever en werknemer"])
    return folder


@pytest.fixture(scope="module")
def report_json(dossier) -> dict:
    """The scorer's call, as a real process: stdout must be one JSON object and nothing else."""
    run = subprocess.run([str(POORTWACHTER), "check", str(dossier), "--format", "json"],
                         capture_output=True, timeout=300)
    assert run.returncode == 0, run.stderr.decode()
    data = json.loads(run.stdout)
    assert_valid_report(data)
    return data


def invoke(args: list[str], cwd: Path | None = None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, args, catch_exceptions=False)
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return runner.invoke(main, args, catch_exceptions=False)
    finally:
        os.chdir(old)


def test_stdout_is_pure_json(report_json, dossier):
    assert report_json["dossier"] == str(dossier)
    assert {d["path"] for d in report_json["documents"]} == {"pa.docx", "pva.docx"}


def test_all_formats_written_private_named_after_the_dossier(dossier, report_json, tmp_path):
    out = tmp_path / "rapporten"
    result = invoke(["check", str(dossier), "-f", "json", "-f", "html", "-f", "docx", "-f", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"Dossier Jansen.{ext}" for ext in ("json", "html", "docx", "csv"))
    for path in out.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    assert result.output.split("\n")[:4] == [str(out / n) for n in sorted(names, key=lambda n: ["json", "html", "docx", "csv"].index(n.rsplit(".", 1)[1]))]
    written = json.loads((out / "Dossier Jansen.json").read_text(encoding="utf-8"))
    assert_valid_report(written)
    assert [f["id"] for f in written["findings"]] == [f["id"] for f in report_json["findings"]]
    body = "\n".join(c.text for t in docx.Document(out / "Dossier Jansen.docx").tables for r in t.rows for c in r.cells)
    for f in written["findings"]:
        assert f["id"] in body


def test_fail_on_exit_code_follows_the_worst_finding(dossier, report_json):
    order = ["high", "medium", "low"]
    worst = min((order.index(f["severity"]) for f in report_json["findings"]), default=None)
    for level in order:
        result = invoke(["check", str(dossier), "--fail-on", level])
        expected = 10 if worst is not None and worst <= order.index(level) else 0
        assert result.exit_code == expected, (level, result.output[-300:])
        json.loads(result.stdout)  # the report is still printed


def test_english_html_and_csv_to_stdout(dossier, tmp_path):
    result = invoke(["check", str(dossier), "-f", "html", "--lang", "en", "-o", str(tmp_path)])
    assert result.exit_code == 0
    html = (tmp_path / "Dossier Jansen.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "Findings re-integration dossier" in html
    result = invoke(["check", str(dossier), "-f", "csv"])
    assert result.stdout.splitlines()[0] == "dossier,document,id,severity,week,message,page,quote"


def test_without_output_dir_other_formats_go_to_the_current_folder(dossier, tmp_path):
    result = invoke(["check", str(dossier), "-f", "html", "-f", "json"], cwd=tmp_path)
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Dossier Jansen.html", "Dossier Jansen.json"]


def test_usage_errors_exit_2(tmp_path):
    result = CliRunner().invoke(main, ["check", str(tmp_path / "bestaat-niet")])
    assert result.exit_code == 2 and "bestaat niet" in result.output
    result = CliRunner().invoke(main, ["check", str(tmp_path), "-f", "pdf"])
    assert result.exit_code == 2


def test_redact(dossier):
    result = CliRunner().invoke(main, ["check", str(dossier), "--redact"])
    if importlib.util.find_spec("audit.redact") is None:
        assert result.exit_code == 1 and "audit.redact" in result.output
    else:
        assert result.exit_code == 0, result.output
        assert_valid_report(json.loads(result.stdout))


@pytest.mark.skipif(importlib.util.find_spec("audit.profile") is None, reason="no run profiles (audit.profile)")
def test_pipeline_profile_sets_the_formats(dossier, tmp_path):
    from audit.profile import load_profile

    result = invoke(["check", str(dossier), "--pipeline", "riv-toets", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    wanted = {f for f in load_profile("riv-toets").formats if f in ("json", "html", "docx", "csv")}
    assert {p.suffix[1:] for p in tmp_path.iterdir()} == wanted
    assert CliRunner().invoke(main, ["check", str(dossier), "--pipeline", "bestaat-niet"]).exit_code == 2


def test_terminal_gets_the_coloured_summary(dossier, report_json, tmp_path):
    """On a terminal (a pty) with -o: the verdict and where the files went, in colour."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen([str(POORTWACHTER), "check", str(dossier), "-f", "html", "-o", str(tmp_path)],
                            stdout=follower, stderr=subprocess.PIPE, env={**os.environ, "COLUMNS": "120"})
    os.close(follower)
    chunks = io.BytesIO()
    while True:
        ready, _, _ = select.select([leader], [], [], 300)
        if not ready:
            break
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.write(data)
    proc.wait(timeout=60)
    os.close(leader)
    out = chunks.getvalue().decode("utf-8", "replace")
    assert proc.returncode == 0, proc.stderr.read().decode()[-2000:]
    assert "\x1b[" in out, "colour codes on a terminal"
    assert "Risico op een loonsanctie" in out and str(tmp_path / "Dossier Jansen.html") in out.replace("\r\n", "\n")
    risk = {"high": "HOOG", "medium": "MIDDEL", "low": "LAAG"}
    severities = [f["severity"] for f in report_json["findings"]]
    worst = next((risk[s] for s in ("high", "medium", "low") if s in severities), "GEEN BEVINDINGEN")
    assert worst in out


def test_unwritable_output_folder_is_a_clear_usage_error(dossier, tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, not a folder")
    result = CliRunner().invoke(main, ["check", str(dossier), "-f", "html", "-o", str(blocked / "sub")])
    assert result.exit_code == 2 and "kan het rapport niet schrijven" in result.output
