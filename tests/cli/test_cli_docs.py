"""Every command explains itself and is in the README (sqlite-utils' test_docs habit)."""
from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from audit.cli import main

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = ""):
    for name, command in group.commands.items():
        yield f"{prefix}{name}", command
        if isinstance(command, click.Group):
            yield from _commands(command, f"{prefix}{name} ")


COMMANDS = list(_commands(main))


def test_the_main_commands_are_registered():
    names = {name for name, _ in COMMANDS}
    assert {"check", "extract", "batch", "checklists"} <= names


@pytest.mark.parametrize("name,command", COMMANDS, ids=[n for n, _ in COMMANDS])
def test_every_command_has_help_with_text(name, command):
    result = CliRunner().invoke(main, [*name.split(), "--help"])
    assert result.exit_code == 0, result.output
    assert (command.help or "").strip(), f"{name} has no help text"


@pytest.mark.parametrize("name", [n for n, c in COMMANDS if " " not in n])
def test_every_top_level_command_is_in_the_readme(name):
    assert f"poortwachter {name}" in README


def test_a_missing_path_is_a_usage_error_not_a_traceback(tmp_path):
    result = CliRunner().invoke(main, ["check", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "bestaat niet" in result.output
    assert "Traceback" not in result.output
