"""``poortwachter batch ROOT``: audit every dossier under a folder, in parallel, resumably."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from audit.batch import BatchOptions, run_batch
from audit.batch.progress import make_progress
from audit.errors import UsageError
from audit.profile import DEFAULT_PROFILE, load_profile


def closing_line(summary, lang: str) -> str:
    if lang == "en":
        return (f"{summary.dossiers} dossiers: {summary.audited} audited, {summary.with_high} with high findings, "
                f"{summary.failed} failed; {summary.documents_read} documents read, {summary.documents_cached} "
                f"from the store ({summary.seconds:.1f} s). Results in {summary.out}")
    return (f"{summary.dossiers} dossiers: {summary.audited} gecontroleerd, {summary.with_high} met hoge "
            f"bevindingen, {summary.failed} mislukt; {summary.documents_read} documenten gelezen, "
            f"{summary.documents_cached} uit de opslag ({summary.seconds:.1f} s). Resultaten in {summary.out}")


@click.command("batch")
@click.argument("root", type=click.Path(path_type=Path))
@click.option("-o", "--out", type=click.Path(path_type=Path, file_okay=False), default=Path("poortwachter-batch"),
              show_default=True, help="Uitvoermap: results.jsonl, findings.csv, reports/, index.html.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Aantal werkprocessen (standaard: alle kernen).")
@click.option("--pipeline", "pipeline", default=DEFAULT_PROFILE, show_default=True,
              help="Profiel uit pipelines/ (riv-toets, spoor2, bulk) of pad naar een YAML-bestand.")
@click.option("--store", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="SQLite-opslag voor hervatten (standaard: OUT/store.sqlite).")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: procespool op deze machine; dask: een dask.distributed-cluster.")
@click.option("--scheduler", default=None, help="Adres van de Dask-scheduler, bijv. tcp://host:8786.")
@click.option("--manifest", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None,
              help="CSV met een kolom 'path': de dossiers (relatief aan ROOT).")
@click.option("--lang", type=click.Choice(["nl", "en"]), default=None, help="Taal van de rapporten.")
@click.option("--fail-on", type=click.Choice(["high", "medium", "low"]), default=None,
              help="Exitcode 1 als een dossier een bevinding van dit niveau of hoger heeft.")
@click.option("--checklists", "checklist_dirs", multiple=True, type=click.Path(path_type=Path, file_okay=False),
              help="Extra map met checklists (eigen sjabloon van een bureau).")
@click.option("--peildatum", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Beoordeel elk dossier per deze datum.")
@click.option("-q", "--quiet", is_flag=True, help="Geen voortgang tonen.")
def command(root: Path, out: Path, workers, pipeline, store, executor, scheduler, manifest, lang, fail_on,
            checklist_dirs, peildatum, quiet) -> None:
    """Controleer alle dossiers onder ROOT (elke submap of ZIP is een dossier), parallel en hervatbaar.

    Een tweede run doet alleen wat veranderd is; een afgebroken run gaat verder waar hij stopte.

    \b
    Voorbeelden:
      poortwachter batch portefeuille/ -o uit/
      poortwachter batch portefeuille/ -o uit/ --pipeline bulk --workers 4
      poortwachter batch /gedeeld/dossiers -o uit/ --executor dask --scheduler tcp://host:8786
    """
    if executor == "dask" and not scheduler:
        raise UsageError("--executor dask heeft --scheduler tcp://HOST:8786 nodig")
    profile = load_profile(pipeline)
    options = BatchOptions(root=root, out=out, profile=profile, store=store, workers=workers, executor=executor,
                           scheduler=scheduler, manifest=manifest, lang=lang, fail_on=fail_on,
                           checklist_dirs=tuple(checklist_dirs), peildatum=peildatum.date() if peildatum else None)
    summary = run_batch(options, make_progress(sys.stderr, quiet))
    for problem in summary.render_errors[:10]:
        click.echo(f"rapport niet gemaakt / report not rendered: {problem}", err=True)
    click.echo(closing_line(summary, lang or profile.lang), err=True)
    sys.exit(summary.exit_code)
