"""The docs tell the truth: every command has help, the README's commands exist."""

import re
from pathlib import Path

import typer.main

from critmin.cli import app

ROOT = Path(__file__).resolve().parents[1]


def _commands(group, prefix: str = "critmin"):
    # Typer may bring its own copy of click, so look for sub-commands by duck typing.
    yield prefix, group
    if hasattr(group, "commands"):
        for name, cmd in group.commands.items():
            yield from _commands(cmd, f"{prefix} {name}")


def test_every_command_has_help():
    root = typer.main.get_command(app)
    commands = list(_commands(root))
    names = {n for n, _ in commands}
    assert {"critmin commodity", "critmin data build", "critmin country"} <= names
    missing = [name for name, cmd in commands if not (cmd.help or "").strip()]
    assert missing == []


def test_readme_first_screen_gives_the_two_commands():
    first_screen = "\n".join(ROOT.joinpath("README.md").read_text().splitlines()[:25])
    assert "make demo" in first_screen
    assert "make test" in first_screen
    makefile = ROOT.joinpath("Makefile").read_text()
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    assert "make test" in ROOT.joinpath(".ci", "run").read_text()


def test_readme_commands_exist():
    root = typer.main.get_command(app)
    known = {name for name, _ in _commands(root)}
    readme = ROOT.joinpath("README.md").read_text()
    used = set(re.findall(r"^\$ (critmin(?: [a-z][a-z-]*)+)", readme, re.M))
    assert used, "README shows no commands"
    for line in used:
        words = line.split()
        # the longest prefix that is a command must be more than just "critmin"
        prefixes = [" ".join(words[:i]) for i in range(len(words), 1, -1)]
        assert any(p in known for p in prefixes), line
