"""``poortwachter check PATH``: audit one dossier (a file, a folder or a ZIP)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from audit.errors import UsageError
from audit.pipeline import RunOptions, check_path
from audit.report import to_json


@click.command("check")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--format", "-f", "formats", multiple=True, default=("json",), show_default=True,
              type=click.Choice(["json"]), help="Uitvoerformaat.")
@click.option("--peildatum", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Beoordeel het dossier per deze datum (standaard: datum van het laatste document).")
@click.option("--doc-type", default=None, help="Forceer het documenttype (voor één bestand).")
@click.option("--checklists", "checklist_dirs", multiple=True, type=click.Path(path_type=Path, file_okay=False),
              help="Extra map met checklists (eigen sjabloon van een bureau); overschrijft bij gelijk id.")
def command(path: Path, formats: tuple[str, ...], peildatum, doc_type, checklist_dirs) -> None:
    """Controleer een dossier en print het rapport.

    \b
    Voorbeeld:
      poortwachter check samples/dossier-bakkerij --format json
    """
    if not path.exists():
        raise UsageError(f"{path}: bestand of map bestaat niet")
    options = RunOptions(checklist_dirs=tuple(checklist_dirs),
                         peildatum=peildatum.date() if peildatum else None, doc_type=doc_type)
    report = check_path(path, options)
    click.echo(to_json(report))
