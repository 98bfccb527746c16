"""The main job: a quantified, sourced impact brief of one article or scenario.

>>> import critmin
>>> from critmin.brief import brief
>>> run = brief("examples/kazakhstan-rare-earth-enterprises.md", out="out/kz")  # doctest: +SKIP
>>> run.brief["stages"][1]["largest_share_after"]                                 # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from critmin.brief.compose import BriefRun, compose_brief
from critmin.brief.write import write_brief


def brief(
    source: str | Path,
    out: str | Path | None = None,
    *,
    draws: int = 100_000,
    seed: int = 0,
    db: Any = None,
) -> BriefRun:
    """Compose the brief of ``source`` and, if ``out`` is given, write its files there.

    ``db`` is an open :class:`critmin.query.Critmin`, a store path, or ``None`` for the
    default store (built on first use).
    """
    import critmin

    handle = db if hasattr(db, "observations") else critmin.open(str(db) if db else None)
    try:
        run = compose_brief(Path(source), handle, draws=draws, seed=seed)
        if out is not None:
            run.extras["paths"] = write_brief(run, Path(out))
        return run
    finally:
        if handle is not db:
            handle.close()


__all__ = ["BriefRun", "brief", "compose_brief", "write_brief"]
