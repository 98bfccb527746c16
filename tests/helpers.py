"""Helpers shared by test modules."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_cli(*args: str, db: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed ``critmin`` entry point as a user would."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    env.pop("CRITMIN_DEBUG", None)
    if db is not None:
        env["CRITMIN_DB"] = str(db)
    return subprocess.run(
        [sys.executable, "-c", "from critmin.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
