"""Shared by the batch tests: a small portfolio of real DOCX and PDF dossiers written here.

(Collected by pytest but holds no tests; the batch test files import it.)
"""
from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import docx
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"
CORPUS = SHARED / "corpus"
SAMPLES = REPO / "samples"

NAMES = ["De Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos", "Peters"]


def _docx(path: Path, paragraphs: list[str]) -> None:
    document = docx.Document()
    document.add_heading(paragraphs[0], level=1)
    for text in paragraphs[1:]:
        document.add_paragraph(text)
    document.save(path)


def _pdf(path: Path, lines: list[str]) -> None:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = 800
    for line in lines:
        pdf.drawString(60, y, line)
        y -= 18
    pdf.showPage()
    pdf.drawString(60, 800, lines[-1])
    pdf.save()


def write_dossier(folder: Path, i: int) -> None:
    """Three documents of one employee; names and dates differ per ``i`` so hashes differ."""
    folder.mkdir(parents=True)
    name = NAMES[i % len(NAMES)]
    day, month = 1 + i % 27, 1 + i % 12
    first = f"{day:02d}-{month:02d}-2023"
    _docx(folder / "plan_van_aanpak.docx", [
        "Plan van aanpak", f"Werknemer: {name} ({i})", f"Eerste ziektedag: {first}",
        f"Datum: {day} maart 2023", "Doel: terugkeer in eigen werk, opbouw van 2 x 3 uur per week.",
        "Afspraken: evaluatie elke zes weken met de casemanager."])
    _pdf(folder / "probleemanalyse.pdf", [
        "Probleemanalyse bedrijfsarts", f"Werknemer: {name} ({i})", f"Eerste ziektedag: {first}",
        f"Datum: {day:02d}-02-2023", "Belastbaarheid: 4 uur per dag.", "Prognose: herstel binnen zes maanden."])
    _docx(folder / "eerstejaarsevaluatie.docx", [
        "Eerstejaarsevaluatie", f"Werknemer: {name} ({i})", f"Datum: {day} juni 2024",
        "Resultaat: werkt 20 uur per week in aangepast werk."])


def make_portfolio(root: Path, dossiers: int = 4, with_zip: bool = True, with_broken: bool = True) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(dossiers):
        write_dossier(root / f"dossier-{i:03d}", i)
    if with_zip:
        source = root / "_zip-src"
        write_dossier(source, dossiers + 1)
        with zipfile.ZipFile(root / f"dossier-{dossiers:03d}.zip", "w") as archive:
            for path in sorted(source.iterdir()):
                archive.write(path, path.name)
        shutil.rmtree(source)
    if with_broken:
        (root / "kapot.zip").write_bytes(b"PK\x03\x04 geen echt zip-bestand")
    return root


def read_results(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]


def digital_corpus_dossiers() -> list[str]:
    """Corpus dossiers without scans or images (bounded: no OCR needed)."""
    names = []
    for truth in sorted(CORPUS.glob("*/truth.json")):
        formats = {d.get("format") for d in json.loads(truth.read_text(encoding="utf-8"))["documents"].values()}
        if not formats & {"scan", "image"}:
            names.append(truth.parent.name)
    return names
