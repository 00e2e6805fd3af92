"""``poortwachter check PATH``: audit one dossier (a file, a folder or a ZIP) and write its report."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from audit.checklist import load_checklists
from audit.errors import AuditError, UsageError
from audit.ingest import ReadOptions
from audit.model import SEVERITY_ORDER, DossierReport
from audit.pipeline import RunOptions, check_path
from audit.report import FORMATS, LANGS, render

FAIL_ON_EXIT = 10  # --fail-on reached: the audit ran, and found something at or above the level
STDOUT_FORMATS = ("json", "csv")


def _profile(name: str | None):
    if not name:
        return None
    from audit.profile import load_profile  # the batch's run profiles; lazily, like every option

    return load_profile(name)


def _redact(report: DossierReport) -> DossierReport:
    try:
        from audit.redact import redact_report
    except ModuleNotFoundError as exc:
        if exc.name not in ("audit.redact", "audit"):
            raise
        raise AuditError("--redact: deze installatie heeft geen audit.redact (module voor het "
                         "weglaten van persoonsgegevens); er is niets geschreven") from exc
    return redact_report(report)


def output_name(path: Path) -> str:
    """A folder's name, a file's stem: the reports are written as <name>.<ext>."""
    resolved = path.resolve()
    return (resolved.name if resolved.is_dir() else resolved.stem) or "dossier"


def reached(report: DossierReport, fail_on: str | None) -> bool:
    if not fail_on:
        return False
    return any(SEVERITY_ORDER[f.severity] <= SEVERITY_ORDER[fail_on] for f in report.findings)


def _to_stdout(report: DossierReport, fmt: str, lang: str, checklists) -> None:
    data = render(report, fmt, lang, checklists)
    if fmt == "csv":
        data = data.removeprefix("\ufeff".encode("utf-8"))  # the BOM is for Excel, not for a pipe
    sys.stdout.buffer.write(data)
    sys.stdout.flush()


def _write_files(report, formats, out_dir: Path, lang: str, checklists, name: str) -> None:
    from audit.report.files import write_reports

    try:
        written = write_reports(report, formats, out_dir, lang, checklists, name)
    except OSError as exc:
        raise UsageError(f"{out_dir}: kan het rapport niet schrijven ({exc.strerror or exc}); "
                         f"kies met -o een map waarin u mag schrijven") from exc
    if sys.stdout.isatty():
        from audit.report.terminal import print_summary

        print_summary(report, written, lang, checklists=checklists)
    else:
        for path in written:
            click.echo(str(path))


@click.command("check")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--format", "-f", "formats", multiple=True, type=click.Choice(FORMATS),
              help="Uitvoerformaat, te herhalen (standaard json; met --pipeline die van het profiel).")
@click.option("--output", "-o", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Map voor de rapporten (<dossiernaam>.<ext>, alleen leesbaar voor u). Zonder -o gaat één "
                   "json- of csv-rapport naar stdout en worden de andere in de huidige map geschreven.")
@click.option("--lang", type=click.Choice(LANGS), default=None, help="Taal van het rapport: nl (standaard) of en.")
@click.option("--fail-on", type=click.Choice(list(SEVERITY_ORDER)), default=None,
              help=f"Eindig met exitcode {FAIL_ON_EXIT} als er een bevinding van dit niveau of ernstiger is.")
@click.option("--redact", is_flag=True, help="Laat persoonsgegevens weg uit het rapport (audit.redact).")
@click.option("--pipeline", "pipeline_name", default=None,
              help="Run-profiel uit pipelines/ (riv-toets, spoor2, bulk) of het pad van een YAML-bestand.")
@click.option("--peildatum", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Beoordeel het dossier per deze datum (standaard: datum van het laatste document).")
@click.option("--doc-type", default=None, help="Forceer het documenttype (voor één bestand).")
@click.option("--password", default=None, help="Wachtwoord voor beveiligde PDF's in het dossier.")
@click.option("--checklists", "checklist_dirs", multiple=True, type=click.Path(path_type=Path, file_okay=False),
              help="Extra map met checklists (eigen sjabloon van een bureau); overschrijft bij gelijk id.")
@click.pass_context
def command(ctx: click.Context, path: Path, formats: tuple[str, ...], out_dir: Path | None, lang: str | None,
            fail_on: str | None, redact: bool, pipeline_name: str | None, peildatum, doc_type,
            password, checklist_dirs) -> None:
    """Controleer een dossier (map, bestand of ZIP) en schrijf het rapport.

    Exitcode 0 als de controle is uitgevoerd, ook met bevindingen; 10 als --fail-on is bereikt;
    2 bij een fout in de opdracht of een pad dat niet bestaat; 3 bij een ongeldige checklist.

    \b
    Voorbeelden:
      poortwachter check samples/wia-dossier --format json
      poortwachter check dossier/ -f html -f docx -o rapporten/ --lang en
      poortwachter check dossier.zip --fail-on high
    """
    if not path.exists():
        raise UsageError(f"{path}: bestand of map bestaat niet")
    profile = _profile(pipeline_name)
    formats = formats or tuple(f for f in (profile.formats if profile else ()) if f in FORMATS) or ("json",)
    lang = lang or (profile.lang if profile and profile.lang in LANGS else "nl")
    fail_on = fail_on or (profile.fail_on if profile else None)
    checklists = load_checklists(tuple(checklist_dirs))
    read = profile.read_options(password) if profile else ReadOptions(password=password)
    options = RunOptions(read=read,
                         checklist_dirs=tuple(checklist_dirs),
                         peildatum=peildatum.date() if peildatum else None, doc_type=doc_type)
    report = check_path(path, options, checklists)
    if redact:
        report = _redact(report)
    if out_dir is None and len(formats) == 1 and formats[0] in STDOUT_FORMATS:
        _to_stdout(report, formats[0], lang, checklists)
    else:
        _write_files(report, formats, out_dir or Path.cwd(), lang, checklists, output_name(path))
    if reached(report, fail_on):
        ctx.exit(FAIL_ON_EXIT)
