"""``critmin news extract|ingest|events|developments|evaluate`` (issue 4)."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from critmin.cli._output import (
    DbOption,
    Format,
    FormatOption,
    console,
    err_console,
    print_csv,
    print_json,
    rich_table,
)
from critmin.settings import default_db_path

news_app = typer.Typer(help="News intelligence: articles to events with evidence, developments.")


class ExtractFormat(StrEnum):
    """Output formats of ``news extract``."""

    json = "json"
    table = "table"


def _event_rows(events: list[dict[str, object]]) -> list[dict[str, object]]:
    rows = []
    for e in events:
        q = e.get("quantity")
        rows.append(
            {
                "type": e["type"],
                "countries": ",".join(e["countries"]),  # type: ignore[arg-type]
                "commodities": ",".join(e["commodities"]),  # type: ignore[arg-type]
                "quantity": f"{q['value']} {q['unit']}" if isinstance(q, dict) else "",
                "date": e.get("date") or "",
                "evidence": e["evidence"],
                "confidence": e["confidence"],
            }
        )
    return rows


_EVENT_COLUMNS = [
    ("type", "type"),
    ("countries", "countries"),
    ("commodities", "commodities"),
    ("quantity", "quantity"),
    ("date", "date"),
    ("evidence", "evidence"),
]


@news_app.command("extract")
def extract(
    file: Annotated[Path, typer.Argument(help="An article: .txt, .md, .html, .rss, .json, .jsonl")],
    fmt: Annotated[
        ExtractFormat, typer.Option("--format", "-f", help="json (default) or table.")
    ] = ExtractFormat.json,
) -> None:
    """Extract events (with their evidence sentences) from one article file.

    Prints ``{"events": [...]}`` in JSON. Nothing is stored.
    """
    from critmin.news.extract import extract_events
    from critmin.news.read import read_articles

    events = [e.to_dict() for a in read_articles(file) for e in extract_events(a)]
    if fmt == ExtractFormat.json:
        print_json({"events": events})
    else:
        console.print(rich_table(_event_rows(events), _EVENT_COLUMNS, title=str(file)))


@news_app.command("ingest")
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Article files, JSONL batches or folders.")],
    db: DbOption = None,
    scheduler: Annotated[
        str | None,
        typer.Option(help="Dask scheduler address, or 'local' for a local cluster."),
    ] = None,
) -> None:
    """Ingest articles into the store: extract events, skip what is stored, link near-duplicates.

    Resumable: rerun after an interruption and finished files are skipped.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from critmin.news.ingest import article_files
    from critmin.news.ingest import ingest as run

    path = db or default_db_path()
    total = len(article_files(paths))
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err_console,
        transient=True,
    ) as bar:
        task = bar.add_task("ingesting", total=total)

        def step(done: int, _total: int, file: str) -> None:
            bar.update(task, completed=done, description=f"ingesting {Path(file).name}")

        report = run(paths, path, progress=step, scheduler=scheduler)
    console.print(
        f"{report.files} files, {report.articles} articles: {report.new} new, "
        f"{report.already_stored} already stored, {report.near_duplicates} near-duplicates "
        f"linked; {report.events} events added to {path}"
    )
    for error in report.errors:
        err_console.print(f"[yellow]skipped:[/] {error}", highlight=False, soft_wrap=True)


@news_app.command("events")
def events(
    country: Annotated[str | None, typer.Option(help="ISO alpha-2 code, e.g. KZ.")] = None,
    commodity: Annotated[str | None, typer.Option(help="Commodity slug (rare-earths).")] = None,
    since: Annotated[str | None, typer.Option(help="Events on or after this ISO date.")] = None,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """List stored events, newest last."""
    from critmin.news.ingest import stored_events

    found = stored_events(
        db or default_db_path(), country=country, commodity=commodity, since=since
    )
    rows = [e.to_dict() for e in found]
    if fmt == Format.json:
        print_json({"events": rows})
    elif fmt == Format.csv:
        print_csv(_event_rows(rows))
    else:
        console.print(rich_table(_event_rows(rows), _EVENT_COLUMNS, title="news events"))


@news_app.command("developments")
def developments(
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    scenarios: Annotated[
        bool,
        typer.Option("--scenarios", help="Also propose a scenario per new-capacity development."),
    ] = False,
) -> None:
    """Developments (country, commodity family, initiative) and their open investor questions."""
    from critmin.news.developments import NoScenarioError, group_developments, propose_scenario
    from critmin.news.ingest import stored_articles, stored_events

    path = db or default_db_path()
    evs = stored_events(path)
    devs = group_developments(evs, stored_articles(path, {e.article_id for e in evs}))
    if fmt == Format.json:
        out = []
        for d in devs:
            item = d.to_dict()
            if scenarios:
                try:
                    item["scenario"] = propose_scenario(d)
                except NoScenarioError as exc:
                    item["scenario"] = None
                    item["scenario_note"] = str(exc)
            out.append(item)
        print_json({"developments": out})
        return
    rows = [
        {
            "id": d.id,
            "events": len(d.events),
            "first": d.first_date or "",
            "answered": ", ".join(q.question for q in d.questions if q.status == "answered"),
            "open": ", ".join(d.open_questions),
        }
        for d in devs
    ]
    cols = [("id", "development"), ("events", "events"), ("first", "first"),
            ("answered", "answered"), ("open", "open questions")]  # fmt: skip
    if fmt == Format.csv:
        print_csv(rows)
    else:
        console.print(rich_table(rows, cols, title="news developments"))


@news_app.command("evaluate")
def evaluate(
    folder: Annotated[Path, typer.Argument(help="Folder of articles with NAME.labels.yaml files.")],
    fmt: FormatOption = Format.table,
    errors: Annotated[
        bool,
        typer.Option(
            "--errors", help="Also list every miss and false alarm, with the sentence behind it."
        ),
    ] = False,
) -> None:
    """Precision, recall and F1 of the extractor per event type and overall.

    An event is correct when its type, country set and commodity set match a labelled one.
    With --errors, each miss and false alarm is listed (a wrong country or type is one of
    each), so you can see why a figure is what it is on your own labelled articles.
    """
    from critmin.news.evaluate import evaluate as run

    report = run(folder)
    data = report.to_dict(errors=errors)
    rows = [*data["per_type"], data["overall"]]  # type: ignore[misc]
    if fmt == Format.json:
        print_json(data)
    elif fmt == Format.csv:
        print_csv(report.errors() if errors else rows)
    else:
        cols = [("type", "type"), ("tp", "tp"), ("fp", "fp"), ("fn", "fn"),
                ("precision", "precision"), ("recall", "recall"), ("f1", "F1")]  # fmt: skip
        two: dict[str, Callable[[Any], str]] = {
            k: _two_places for k in ("precision", "recall", "f1")
        }
        title = f"{folder}: {data['articles']} articles"
        console.print(rich_table(rows, cols, title=title, formatters=two))
        if errors:
            err_cols = [("file", "article"), ("error", "error"), ("type", "type"),
                        ("countries", "countries"), ("commodities", "commodities"),
                        ("evidence", "sentence (false alarms)")]  # fmt: skip
            console.print(
                rich_table(
                    report.errors(),
                    err_cols,
                    title="Misses and false alarms",
                    formatters=_ERROR_FORMATTERS,
                )
            )


def _joined(value: object) -> str:
    return ", ".join(value) if isinstance(value, list) else str(value)


_ERROR_FORMATTERS: dict[str, Callable[[Any], str]] = {
    "file": lambda v: Path(str(v)).name,
    "countries": _joined,
    "commodities": _joined,
}


def _two_places(value: object) -> str:
    return f"{float(value):.2f}" if isinstance(value, float | int) else str(value)


def register(app: typer.Typer) -> None:
    """Attach the news commands to the top-level app."""
    app.add_typer(news_app, name="news")
