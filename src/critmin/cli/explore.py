"""``critmin commodity``, ``critmin country``, ``critmin commodities``, ``critmin demo``."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.panel import Panel

from critmin.cli._output import (
    DbOption,
    Format,
    FormatOption,
    console,
    emit,
    fmt_number,
    fmt_share,
    print_csv,
    print_json,
    rich_table,
)

StageOption = Annotated[
    str | None,
    typer.Option(
        "--stage", "-s",
        help="mining, refining (separation for rare earths), smelting, metal... "
        "Default: the most upstream stage with figures.",
    ),
]
YearOption = Annotated[
    int | None, typer.Option("--year", "-y", help="Year (default: latest with figures).")
]
PublisherOption = Annotated[
    str | None,
    typer.Option(
        "--publisher",
        help="Use this publisher's figures (default: USGS, else IEA).",
    ),
]

ReleaseOption = Annotated[
    str | None,
    typer.Option(
        "--release",
        help="Use this release's figures, e.g. mcs2025 (default: the newest per year).",
    ),
]


def _open(db: Any) -> Any:
    import critmin

    return critmin.open(str(db) if db else None)


def show_commodity_profile(profile: Any) -> None:
    """Print a commodity profile as tables (also used by ``critmin demo``)."""
    rows = [
        {
            "rank": i + 1,
            "country": p.country,
            "name": p.name,
            "value": p.value,
            "share": p.share,
            "basis": p.basis,
            "source_id": p.source_id,
        }
        for i, p in enumerate(profile.producers)
    ]
    total = profile.world_total
    world = (
        f"world total {'>' if profile.world_total_flag == '>' else ''}{fmt_number(total)}"
        if total is not None
        else "no world total published"
    )
    other = (
        f"; other countries {fmt_number(profile.other_countries)}"
        if profile.other_countries
        else ""
    )
    caption = (
        f"Shares of the country sum {fmt_number(profile.country_sum)} {profile.unit}{other} "
        f"({world}). Source: {profile.publisher}."
    )
    if profile.withheld:
        caption += f" Withheld or not available: {', '.join(profile.withheld)}."
    if profile.note:
        caption += f" Note: {profile.note}"
    console.print(
        rich_table(
            rows,
            [("rank", "#"), ("country", "ISO"), ("name", "Country"), ("value", profile.unit),
             ("share", "Share"), ("basis", "Basis"), ("source_id", "Source")],
            title=(
                f"{profile.name}: {profile.stage} {profile.year}"
                + (f" ({profile.content})" if profile.content else "")
            ),
            formatters={"rank": str, "value": fmt_number, "share": fmt_share},
            caption=caption,
        )
    )
    lines = [
        f"HHI {profile.hhi:,.0f} (0-10,000; above 1,800 is highly concentrated)",
        f"largest producer {fmt_share(profile.largest_share)}, "
        f"top 3 {fmt_share(profile.top3_share)}",
    ]
    if profile.governance_weighted_hhi is not None:
        lines.append(
            f"governance-weighted HHI {profile.governance_weighted_hhi:.2f} (0-10, EU CRM method)"
        )
    if profile.world_reserves is not None:
        res = f"world reserves {profile.world_reserves_flag}{fmt_number(profile.world_reserves)}"
        if profile.reserve_life_years:
            res += f", {profile.reserve_life_years:,.0f} years of {profile.year} output"
        lines.append(res)
    console.print(Panel("\n".join(lines), title="Concentration", expand=False))


def _commodity(
    slug: Annotated[str, typer.Argument(help="Commodity slug or name, e.g. rare-earths.")],
    stage: StageOption = None,
    year: YearOption = None,
    publisher: PublisherOption = None,
    release: ReleaseOption = None,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Producers of a commodity: table, shares, HHI, reserves and reserve life, sources."""
    with _open(db) as cm:
        profile = cm.producers(
            slug, stage=stage, year=year, publisher=publisher, release=release
        )
    data = profile.to_dict()
    if fmt is Format.json:
        print_json(data)
    elif fmt is Format.csv:
        print_csv(
            data["producers"], ["country", "name", "value", "share", "source_id", "basis"]
        )
    else:
        show_commodity_profile(profile)
        for s in profile.sources:
            console.print(f"[dim]{s['id']}: {s['publisher']}, {s['title']} ({s['year']}), "
                          f"{s['table']}. {s['url']}[/]", highlight=False)


def show_country_profile(profile: Any) -> None:
    """Print a country profile as tables."""
    rows = profile.production.to_dict(orient="records")
    blocs = f" ({', '.join(profile.blocs)})" if profile.blocs else ""
    console.print(
        rich_table(
            rows,
            [("commodity", "Commodity"), ("stage", "Stage"), ("year", "Year"),
             ("value", "Output"), ("unit", "Unit"), ("rank", "World rank"),
             ("share", "Share"), ("source_id", "Source")],
            title=f"{profile.name} [{profile.country}/{profile.alpha3}]{blocs}: what it produces",
            formatters={"value": fmt_number, "rank": lambda r: f"{int(r)}", "share": fmt_share,
                        "year": str},
            caption="Share of the sum of country figures; latest year per commodity.",
        )
    )
    if not profile.governance.empty:
        gov = profile.governance.to_dict(orient="records")
        console.print(
            rich_table(
                gov,
                [("indicator", "WGI indicator"), ("estimate", "Estimate (-2.5..2.5)"),
                 ("pctrank", "Percentile"), ("scaled_0_10", "Risk 0-10 (10 worst)")],
                title=f"Governance {profile.governance_year} (World Bank WGI)",
                formatters={"estimate": lambda v: f"{v:+.2f}", "pctrank": lambda v: f"{v:.0f}",
                            "scaled_0_10": lambda v: f"{v:.1f}"},
            )
        )
    if not profile.export_controls.empty:
        ctl = profile.export_controls.to_dict(orient="records")
        console.print(
            rich_table(
                ctl,
                [("control_type", "Control"), ("commodity_text", "Commodity"), ("year", "Year")],
                title="Export controls in force (USGS MCS 2026 table T4)",
                formatters={"year": lambda v: "" if v != v else f"{int(v)}"},
            )
        )


def _country(
    name: Annotated[str, typer.Argument(help="ISO alpha-2/alpha-3 code or name, e.g. KZ.")],
    year: YearOption = None,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """What a country produces, with world rank and share per commodity, and its governance."""
    with _open(db) as cm:
        profile = cm.country_profile(name, year=year)
    if fmt is Format.json:
        print_json(profile.to_dict())
    elif fmt is Format.csv:
        print_csv(profile.production.to_dict(orient="records"))
    else:
        show_country_profile(profile)


def _commodities(db: DbOption = None, fmt: FormatOption = Format.table) -> None:
    """List the commodities critmin knows, with the stages and years it has figures for."""
    with _open(db) as cm:
        rows = cm.commodities().to_dict(orient="records")
    year = lambda v: "" if v != v else f"{int(v)}"  # noqa: E731 - NaN-safe year cell
    emit(
        rows,
        fmt,
        [("slug", "Slug"), ("name", "Name"), ("stages", "Stages"),
         ("first_year", "From"), ("last_year", "To"), ("critical_us_2025", "US critical")],
        title="Commodities",
        formatters={"first_year": year, "last_year": year},
    )


def _demo(db: DbOption = None) -> None:
    """The main job on the embedded data: rare-earths overview and Kazakhstan's profile."""
    with _open(db) as cm:
        mining = cm.producers("rare-earths", stage="mining")
        show_commodity_profile(mining)
        try:
            refining = cm.producers("magnet-rare-earths", stage="refining", year=2023)
            show_commodity_profile(refining)
        except Exception as exc:
            console.print(f"[yellow]refining figures unavailable: {exc}[/]")
        show_country_profile(cm.country_profile("KZ"))


def register(app: typer.Typer) -> None:
    """Attach the exploration commands to the top-level app."""
    app.command("commodity")(_commodity)
    app.command("country")(_country)
    app.command("commodities")(_commodities)
    app.command("demo")(_demo)
