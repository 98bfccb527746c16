"""The ``critmin`` command: a thin adapter over the Python API.

Errors critmin raises on purpose print as one line and exit 1; nothing prints a traceback
unless ``CRITMIN_DEBUG=1``.
"""

from __future__ import annotations

import logging
import os
import sys

import typer

from critmin import __version__
from critmin.cli import brief, data, explore, news, scenario
from critmin.cli._output import err_console
from critmin.errors import CritminError

app = typer.Typer(
    name="critmin",
    help="Critical-minerals supply-chain intelligence: sourced figures, concentration, scenarios.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"critmin {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log what critmin does."),
) -> None:
    """Critical-minerals supply-chain intelligence with the source of every figure."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


data.register(app)
brief.register(app)
explore.register(app)
news.register(app)
scenario.register(app)


def main() -> None:
    """Entry point: run the app, turning critmin's errors into one line and exit code 1."""
    try:
        code = app(standalone_mode=False)
    except CritminError as exc:
        if os.environ.get("CRITMIN_DEBUG"):
            raise
        err_console.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
        sys.exit(1)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        err_console.print("aborted")
        sys.exit(130)
    except Exception as exc:  # click's usage errors and the like
        import click

        # typer 0.29 ships its own click: its usage errors are TyperExceptions, not click's
        if isinstance(exc, click.ClickException | typer.TyperException) and hasattr(exc, "show"):
            exc.show()
            sys.exit(getattr(exc, "exit_code", 2))
        if os.environ.get("CRITMIN_DEBUG"):
            raise
        err_console.print(
            f"[bold red]internal error:[/] {type(exc).__name__}: {exc} "
            "(set CRITMIN_DEBUG=1 for a traceback, and please report it)",
            highlight=False,
            soft_wrap=True,
        )
        sys.exit(70)
    sys.exit(code if isinstance(code, int) else 0)
