"""The ``poortwachter`` command: thin commands, each calling one library function.

Commands live one per module; this module builds the group and turns the tool's exceptions
into exit codes and one clear message (only the CLI prints).
"""
from __future__ import annotations

import sys

import click

from audit import __version__
from audit.errors import AuditError


class AuditGroup(click.Group):
    """Turns an AuditError into its message and exit code instead of a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except AuditError as exc:
            click.echo(f"poortwachter: {exc}", err=True)
            sys.exit(exc.exit_code)


@click.group(cls=AuditGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="poortwachter")
def main() -> None:
    """Poortwachter Audit: lees een re-integratiedossier zoals UWV bij de RIV-toets, en zie
    vóór UWV wat ontbreekt.

    \b
    Voorbeelden:
      poortwachter check dossier/ --format json
      poortwachter extract rapport.pdf
      poortwachter checklists list
    """


def _register() -> None:
    from importlib import import_module

    for name in ("extract", "check", "checklists", "batch"):
        try:
            module = import_module(f"audit.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"audit.cli.{name}":
                raise
            continue
        main.add_command(module.command)


_register()
