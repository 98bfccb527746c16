"""Write a composed brief to a folder: brief.json, brief.md, brief.html (and scenario.yaml).

Files are written beside their final names and renamed into place, so an interrupted run
leaves no half-written brief. The HTML is audited first: a number without a footnote is a
bug, and the brief is refused rather than written.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from critmin.brief.audit import unfootnoted_numbers
from critmin.brief.compose import BriefRun
from critmin.brief.render import to_html, to_json, to_markdown
from critmin.errors import CritminError


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def write_brief(run: BriefRun, out: Path) -> dict[str, Path]:
    """Render and write the brief's files into ``out``; return their paths by kind."""
    html = to_html(run.brief)
    problems = unfootnoted_numbers(html)
    if problems:
        raise CritminError(f"brief refused, {len(problems)} number(s) unsourced: {problems[0]}")
    rendered = {"json": to_json(run.brief), "md": to_markdown(run.brief), "html": html}
    out.mkdir(parents=True, exist_ok=True)
    paths = {kind: out / f"brief.{kind}" for kind in rendered}
    for kind, text in rendered.items():
        _write_atomic(paths[kind], text)
    if run.scenario_yaml:
        paths["scenario"] = out / "scenario.yaml"
        _write_atomic(paths["scenario"], run.scenario_yaml)
    return paths
