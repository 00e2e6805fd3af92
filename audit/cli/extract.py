"""``poortwachter extract PATH``: the documents as the tool read them (blocks with page, kind
and OCR confidence), so a user can see why the auditor said what it said."""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click

from audit.errors import UsageError
from audit.ingest import DossierRead, ReadOptions, read_dossier
from audit.model import Document

_KIND_LABEL = {"heading": "KOP", "paragraph": "ALINEA", "list_item": "OPSOMMING", "table": "TABEL",
               "header": "KOPREGEL", "footer": "VOETREGEL"}


def document_to_dict(doc: Document) -> dict:
    data = asdict(doc)
    for page in data["pages"]:
        for block in page["blocks"]:
            for key in [k for k, v in block.items() if v in (None, False, ()) and k not in ("kind", "text", "page")]:
                del block[key]
    return data


def read_to_json(result: DossierRead) -> str:
    return json.dumps({"documents": [document_to_dict(d) for d in result.documents],
                       "skipped": list(result.skipped)}, ensure_ascii=False, indent=2)


def _block_line(block) -> str:
    cues = [_KIND_LABEL.get(block.kind, block.kind)]
    if block.level:
        cues.append(f"niveau {block.level}")
    if block.numbering:
        cues.append(block.numbering)
    if block.bold:
        cues.append("vet")
    if block.confidence is not None:
        cues.append(f"OCR {block.confidence:.0f}%")
    if len(block.pages) > 1:
        cues.append("pagina's " + ", ".join(map(str, block.pages)))
    text = block.text.replace("\n", "\n      ") if block.kind == "table" else block.text
    return f"  [{' · '.join(cues)}] {text}"


def document_to_text(doc: Document) -> str:
    lines = [f"== {doc.path} ({doc.format}, {len(doc.pages)} pagina's)"]
    if doc.error:
        lines.append(f"!! {doc.error}")
    lines.extend(f"   let op: {w}" for w in doc.warnings)
    for page in doc.pages:
        header = f"-- pagina {page.number}"
        if page.ocr:
            header += f" (OCR, zekerheid {page.ocr_confidence or 0:.0f}%, scheefstand {page.skew_angle or 0:.1f}°)"
        lines.append(header)
        lines.extend(f"   let op: {n}" for n in page.notes)
        lines.extend(_block_line(b) for b in page.blocks)
    return "\n".join(lines)


def read_to_text(result: DossierRead) -> str:
    parts = [document_to_text(d) for d in result.documents]
    parts.extend(f"overgeslagen: {s}" for s in result.skipped)
    return "\n\n".join(parts)


@click.command("extract")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--format", "-f", "fmt", default="text", show_default=True, type=click.Choice(["text", "json"]),
              help="text: leesbaar; json: voor programma's.")
@click.option("--ocr", default="auto", show_default=True, type=click.Choice(["auto", "always", "never"]),
              help="OCR: alleen waar nodig (auto), altijd, of nooit.")
@click.option("--password", default=None, help="Wachtwoord voor een beveiligde PDF.")
@click.option("--max-pages", default=ReadOptions.max_pages, show_default=True, type=click.IntRange(1),
              help="Lees per document hooguit zoveel pagina's.")
def command(path: Path, fmt: str, ocr: str, password: str | None, max_pages: int) -> None:
    """Toon de documenten zoals ze gelezen zijn: blokken met pagina, soort en OCR-zekerheid.

    PATH is een bestand, een map of een ZIP.

    \b
    Voorbeelden:
      poortwachter extract rapport.pdf
      poortwachter extract dossier/ --format json
    """
    if not path.exists():
        raise UsageError(f"{path}: bestand of map bestaat niet")
    result = read_dossier(path, ReadOptions(ocr=ocr, password=password, max_pages=max_pages))
    click.echo(read_to_json(result) if fmt == "json" else read_to_text(result))
