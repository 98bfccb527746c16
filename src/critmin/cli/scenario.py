"""``critmin scenario ...`` and ``critmin risk`` commands (issue 3). Placeholder."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Attach the scenario and risk commands to the top-level app."""
