"""``critmin news ...`` commands (issue 4). Placeholder until the news layer lands."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Attach the news commands to the top-level app."""
