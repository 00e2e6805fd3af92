import json
from pathlib import Path

from click.testing import CliRunner

from audit.cli import main
from unit.ingest_factories import write_pdf


def _dossier(tmp_path: Path) -> Path:
    folder = tmp_path / "dossier"
    folder.mkdir()
    write_pdf(folder / "pa.pdf", [[("h1", "Probleemanalyse"), ("body", "Eerste ziektedag 4 maart 2024.")]])
    (folder / "oud.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    (folder / "truth.json").write_text("{}")
    return folder


def test_extract_text_shows_blocks_errors_and_skips(tmp_path: Path):
    result = CliRunner().invoke(main, ["extract", str(_dossier(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "== pa.pdf (pdf, 1 pagina's)" in result.output
    assert "[KOP · niveau 1 · vet] Probleemanalyse" in result.output
    assert "Eerste ziektedag 4 maart 2024." in result.output
    assert "oud.doc" in result.output and "DOCX of PDF" in result.output
    assert "overgeslagen: truth.json" in result.output


def test_extract_json_is_machine_readable(tmp_path: Path):
    result = CliRunner().invoke(main, ["extract", str(_dossier(tmp_path)), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    docs = {d["path"]: d for d in data["documents"]}
    block = docs["pa.pdf"]["pages"][0]["blocks"][0]
    assert block["kind"] == "heading" and block["page"] == 1 and block["text"] == "Probleemanalyse"
    assert docs["oud.doc"]["error_code"] == "unsupported"


def test_extract_missing_path_is_usage_error(tmp_path: Path):
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "nergens.pdf")])
    assert result.exit_code == 2 and "bestaat niet" in result.output


def test_extract_help_is_dutch_with_example():
    result = CliRunner().invoke(main, ["extract", "--help"])
    assert "Voorbeelden" in result.output and "poortwachter extract" in result.output
