"""``poortwachter checklists list|show|validate``: read what the auditor checks, and check a
bureau's own checklist files before using them with ``--checklists DIR``."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import click

from audit.checklist import Checklists, check_file, load_checklists
from audit.errors import ChecklistError, UsageError

LANG = click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True,
                    help="Taal van titels en meldingen.")
EXTRA = click.option("--checklists", "checklist_dirs", multiple=True,
                     type=click.Path(path_type=Path, file_okay=False),
                     help="Extra map met checklists (eigen sjabloon van een bureau); overschrijft bij gelijk id.")

LABELS = {
    "nl": {"doc_types": "Documenttypen", "components": "Onderdelen", "findings": "Bevindingen",
           "title": "Titel", "description": "Omschrijving", "source": "Bron", "severity": "Ernst",
           "cues": "Herkenning", "message": "Melding", "when": "Alleen als", "rule": "Regel",
           "params": "Parameters", "components_of": "Onderdelen van dit type"},
    "en": {"doc_types": "Document types", "components": "Components", "findings": "Findings",
           "title": "Title", "description": "Description", "source": "Source", "severity": "Severity",
           "cues": "Cues", "message": "Message", "when": "Only when", "rule": "Rule",
           "params": "Parameters", "components_of": "Components of this type"},
}


@click.group("checklists")
def command() -> None:
    """Bekijk en controleer de checklists: documenttypen, onderdelen en bevindingen.

    \b
    Voorbeelden:
      poortwachter checklists list
      poortwachter checklists show spoor2_plan.zoekprofiel
      poortwachter checklists show deadline.plan_van_aanpak --lang en
      poortwachter checklists validate mijn-bureau/checklists/
    """


def text_in(value: Any, lang: str) -> str:
    """A {nl, en} text in the asked language (Dutch when there is no English)."""
    if isinstance(value, Mapping):
        return str(value.get(lang) or value.get("nl") or "")
    return "" if value is None else str(value)


def spec_title(checklists: Checklists, group: str, key: str) -> str:
    if group == "doc_types":
        return checklists.spec.doc_types.get(key, "")
    if group == "findings":
        return checklists.spec.findings.get(key, "")
    doc_type, _, name = key.partition(".")
    title = checklists.spec.checklists.get(doc_type, {}).get(name, "")
    return title.get("title", "") if isinstance(title, Mapping) else title


def entries(checklists: Checklists) -> Iterable[tuple[str, str, Mapping[str, Any]]]:
    """(group, id, entry) for everything a checklist defines, in contract order."""
    for key, entry in checklists.doc_types.items():
        yield "doc_types", key, entry
    for doc_type, components in checklists.components.items():
        for key, entry in components.items():
            yield "components", f"{doc_type}.{key}", entry
    for key, entry in checklists.findings.items():
        yield "findings", key, entry


@command.command("list")
@click.option("--kind", type=click.Choice(["doc_types", "components", "findings"]), default=None,
              help="Alleen deze soort.")
@LANG
@EXTRA
def list_command(kind: str | None, lang: str, checklist_dirs: tuple[Path, ...]) -> None:
    """Toon alle ids met hun titel.

    \b
    Voorbeeld:
      poortwachter checklists list --kind findings
    """
    checklists = load_checklists(checklist_dirs)
    current = None
    for group, key, entry in entries(checklists):
        if kind and group != kind:
            continue
        if group != current:
            click.echo(f"{LABELS[lang][group]}:")
            current = group
        title = text_in(entry.get("title"), lang) or spec_title(checklists, group, key)
        click.echo(f"  {key:42} {title}")


def find_entry(checklists: Checklists, wanted: str) -> tuple[str, Mapping[str, Any]]:
    for group, key, entry in entries(checklists):
        if key == wanted:
            return group, entry
    known = sorted(key for _, key, _ in entries(checklists))
    close = [k for k in known if wanted.lower() in k.lower()][:8]
    hint = f"; bedoelt u: {', '.join(close)}" if close else "; zie 'poortwachter checklists list'"
    raise UsageError(f"onbekend id {wanted!r}{hint}")


def cue_lines(cues: Any) -> list[str]:
    """Cue lists, whatever their shape: a list, or named lists ({headings: [...], phrases: [...]})."""
    if isinstance(cues, Mapping):
        return [f"{name}: {', '.join(map(str, values))}" for name, values in cues.items()
                if isinstance(values, list)]
    return [", ".join(map(str, cues))] if isinstance(cues, list) and cues else []


def message_lines(entry: Mapping[str, Any], lang: str) -> list[str]:
    if "message" in entry:
        return [text_in(entry["message"], lang)]
    messages = entry.get("messages")
    if isinstance(messages, Mapping):
        return [f"{status}: {text_in(text, lang)}" for status, text in messages.items()]
    return []


def entry_lines(checklists: Checklists, group: str, key: str, entry: Mapping[str, Any], lang: str) -> list[str]:
    words = LABELS[lang]
    lines = [f"{key}  ({words[group]})",
             f"  {words['title']}: {text_in(entry.get('title'), lang) or spec_title(checklists, group, key)}"]
    for field in ("description", "source", "severity", "when", "rule"):
        if entry.get(field) not in (None, ""):
            lines.append(f"  {words[field]}: {text_in(entry[field], lang)}")
    if entry.get("params"):
        lines.append(f"  {words['params']}: " + ", ".join(f"{k}={v}" for k, v in entry["params"].items()))
    if group == "doc_types":
        cues = {name: entry[name] for name in ("titles", "first_page", "body") if entry.get(name)}
    else:
        cues = entry.get("cues")
    lines += [f"  {words['cues']}: {line}" for line in cue_lines(cues)]
    lines += [f"  {words['message']}: {line}" for line in message_lines(entry, lang)]
    if group == "doc_types" and key in checklists.components:
        lines.append(f"  {words['components_of']}: " + ", ".join(checklists.components[key]))
    return lines


@command.command("show")
@click.argument("id_")
@LANG
@EXTRA
def show_command(id_: str, lang: str, checklist_dirs: tuple[Path, ...]) -> None:
    """Toon één documenttype, onderdeel of bevinding: titel, omschrijving, bron, herkenning,
    ernst en melding.

    \b
    Voorbeelden:
      poortwachter checklists show fml
      poortwachter checklists show riv.mening_werknemer
      poortwachter checklists show consistency.sollicitatie_gat --lang en
    """
    checklists = load_checklists(checklist_dirs)
    group, entry = find_entry(checklists, id_)
    click.echo("\n".join(entry_lines(checklists, group, id_, entry, lang)))


@command.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate_command(paths: tuple[Path, ...]) -> None:
    """Controleer checklistbestanden (een bestand of een map) tegen het schema en de ids van
    het contract; een map wordt samen met de meegeleverde checklists geladen, zoals
    --checklists dat doet. Stopt met de melding van de lader (exitcode 3) bij een fout.

    \b
    Voorbeelden:
      poortwachter checklists validate checklists/
      poortwachter checklists validate mijn-bureau/spoor2_plan.yaml
    """
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path}: bestand of map bestaat niet")
        if path.is_dir():
            loaded = load_checklists((path,))
            count = sum(1 for f in loaded.files if f.resolve().is_relative_to(path.resolve()))
            if count == 0:
                raise ChecklistError(f"{path}: geen checklistbestanden (*.yaml) gevonden")
        else:
            check_file(path)
            count = 1
        click.echo(f"{path}: geldig ({count} bestand{'en' if count != 1 else ''})")
