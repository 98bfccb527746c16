"""USGS Mineral Commodity Summaries (MCS) data releases: world production, capacity, reserves.

Three shipped files, three readers, one set of rules:

- :func:`read_mcs2026` reads the long-format ``MCS2026_Commodities_Data.csv`` (cp1252). Only the
  world tables (``Section`` starting with "World") are imported. The U.S. salient statistics and
  import-source sections are out of scope for now: they are skipped on purpose and counted in
  ``ParseResult.tables["skipped"]``, not reported as issues.
- :func:`read_mcs2025` reads the wide ``MCS2025_World_Data.csv`` (UTF-8 with BOM), one row per
  country and type with columns for production 2023/2024e, capacity 2023/2024e and reserves. A
  blank cell there means the chapter prints nothing in that column and yields no figure.
- :func:`read_mcs2024_rare_earths` reads the MCS 2024 rare-earths world table.

Each ``read_*`` opens the file and hands rows to a pure ``parse_*``. Row labels become
(commodity, stage, measure, content) through :data:`DETAIL_RULES`, a table of patterns rather than
if-chains, so that a new label is one new line. Undifferentiated "Production", "Plant production"
and "Primary production" map to stage ``production`` (records.STAGES: a publisher's
undifferentiated production, e.g. gallium primary output) unless :data:`DEFAULT_STAGE` names the
stage the product belongs to (pig iron, raw steel, silicon metal and ferrosilicon: ``metal``).
Reserves are stage ``mining``.

Masses are normalised to metric tons; carats, cubic metres and litres keep their unit (scaled
from "million"/"thousand"). Every figure keeps the cell as published (``value_text``), the
publisher's label (``detail``), its notes, and its file and 1-based line (the header is line 1).
Country labels resolve through :func:`critmin.data.catalogue.find_country`; "World total" rows
become ``WORLD`` and "Other countries" ``OTHER``; a label that is not one country ("United
States and Canada") is an :class:`~critmin.model.ImportIssue`, never a silent drop.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from critmin.data.catalogue.commodities import Commodity, find_commodity
from critmin.data.importers._values import parse_value
from critmin.data.shipped import relative
from critmin.errors import DataError
from critmin.model.records import OTHER, WORLD, ImportIssue, Observation, ParseResult, Source

PUBLISHER = "U.S. Geological Survey"
LICENCE = "Public domain (U.S. Government work); cite USGS"


@dataclass(frozen=True, slots=True)
class Release:
    """What is known about one MCS data release (from the folder's SOURCE.md)."""

    key: str
    year: int
    title: str
    url: str
    #: ISO date (or month, when only the month is documented) of publication
    published: str


RELEASES: dict[str, Release] = {
    "mcs2026": Release(
        "mcs2026",
        2026,
        "Mineral Commodity Summaries 2026 Data Release",
        "https://doi.org/10.5066/P1WKQ63T",
        "2026-02-06",
    ),
    "mcs2025": Release(
        "mcs2025",
        2025,
        "Mineral Commodity Summaries 2025 Data Release",
        "https://doi.org/10.5066/P13XCP3R",
        # SOURCE.md: "published January 2025"; the zip members are dated 2025-01-28/29
        "2025-01",
    ),
    "mcs2024": Release(
        "mcs2024",
        2024,
        "Mineral Commodity Summaries 2024 Data Release (ver. 2.0, March 2024)",
        "https://doi.org/10.5066/P144BA54",
        "2024-03",
    ),
}


@dataclass(frozen=True, slots=True)
class DetailRule:
    """How a row label maps onto critmin's nouns.

    ``pattern`` is searched (case-insensitively) in the row's descriptor: the MCS 2026
    ``Statistics_detail`` or the MCS 2025 ``TYPE``, plus any qualifier in the country label.
    ``None`` fields leave the value decided elsewhere (the commodity label, the measure column).
    """

    pattern: str
    commodity: str | None = None
    stage: str | None = None
    #: apply only to rows of this commodity label's slug (None: any)
    within: str | None = None


#: Sub-products named in row labels. First match wins, so specific patterns come first.
COMMODITY_RULES: tuple[DetailRule, ...] = (
    DetailRule(r"natural and synthetic", commodity="soda-ash", within="soda-ash"),
    DetailRule(r"natural", commodity="soda-ash-natural", within="soda-ash"),
    DetailRule(r"synthetic", commodity="soda-ash-synthetic", within="soda-ash"),
    DetailRule(r"iron content", commodity="iron-ore-iron-content", within="iron-ore"),
    DetailRule(r"recoverable ore", commodity="potash-recoverable-ore", within="potash"),
    DetailRule(r"fused aluminum oxide", commodity="fused-aluminum-oxide"),
    DetailRule(r"silicon carbide", commodity="silicon-carbide"),
    DetailRule(r"iron slag", commodity="iron-slag"),
    DetailRule(r"steel slag", commodity="steel-slag"),
    DetailRule(r"ilmenite and rutile", commodity="titanium-mineral-concentrates"),
    DetailRule(r"ilmen(?:t)?ite", commodity="ilmenite"),
    DetailRule(r"rutile", commodity="rutile"),
    DetailRule(r"palladium", commodity="palladium"),
    DetailRule(r"platinum(?!-group)", commodity="platinum"),
    DetailRule(r"bentonite", commodity="bentonite"),
    DetailRule(r"fuller", commodity="fullers-earth"),
    DetailRule(r"kaolin", commodity="kaolin"),
    DetailRule(r"mica \(?scrap and flake", commodity="mica-scrap-and-flake"),
    DetailRule(r"mica \(?sheet", commodity="mica-sheet"),
    DetailRule(r"pig iron", commodity="pig-iron"),
    DetailRule(r"raw steel", commodity="raw-steel"),
    DetailRule(r"fer+osilicon", commodity="ferrosilicon"),
    DetailRule(r"silicon metal", commodity="silicon-metal"),
    DetailRule(r"tio2 pigment|pigment capacity", commodity="titanium-dioxide-pigment"),
    DetailRule(r"sponge metal", commodity="titanium-sponge"),
    DetailRule(r"^alumina|refinery production, alumina", commodity="alumina"),
    DetailRule(r"^bauxite|mine production, bauxite", commodity="bauxite"),
    DetailRule(r"zirconium", commodity="zirconium"),
)

#: Stage from the row label. First match wins; no match -> DEFAULT_STAGE or "production".
STAGE_RULES: tuple[DetailRule, ...] = (
    DetailRule(r"mine poduction|mine production|\bmine\b", stage="mining"),
    DetailRule(r"refinery", stage="refining"),
    DetailRule(r"smelter", stage="smelting"),
    DetailRule(r"sponge metal", stage="metal"),
)

#: Stage for undifferentiated production, per commodity (see module docstring).
DEFAULT_STAGE: dict[str, str] = {
    "pig-iron": "metal",
    "raw-steel": "metal",
    "silicon-metal": "metal",
    "ferrosilicon": "metal",
    "titanium-sponge": "metal",
}

#: Publisher units -> (critmin unit, factor).
UNITS: dict[str, tuple[str, float]] = {
    "metric tons": ("t", 1.0),
    "tons": ("t", 1.0),
    "thousand metric tons": ("t", 1e3),
    "thousand metric dry tons": ("t", 1e3),
    "million metric tons": ("t", 1e6),
    "kilograms": ("t", 1e-3),
    "million carats": ("carats", 1e6),
    "thousand carats": ("carats", 1e3),
    "thousands of carats": ("carats", 1e3),
    "million cubic meters": ("m3", 1e6),
    "million liters": ("l", 1e6),
}

#: Units the MCS 2025 world file gets wrong, corrected with the reason. Titanium mineral
#: concentrates are in thousand metric tons of TiO2 content per the chapter header (MCS 2026
#: "Other notes"); MCS 2025 labels the rows "metric tons" although the world ilmenite total is
#: printed as 8,840 (2023), i.e. 8.84 million t, and one row (Sierra Leone) has no unit at all.
UNIT_CORRECTIONS: dict[tuple[str, str], str] = {
    ("mcs2025", "titanium-mineral-concentrates"): "thousand metric tons",
}

_ROUNDED = re.compile(r"(?:[:,]\s*|\s+)rounded\b", re.IGNORECASE)
_FOOTNOTE = re.compile(r"(?:\s+\d{1,2})+$")
_QUALIFIER = re.compile(r"^(?P<name>[^()]*?)\s*\((?P<qual>[^()]*)\)\s*(?P<rest>.*)$")
_SECTION_CONTENT = re.compile(r"\((?P<content>[^()]*(?:content|weight)[^()]*)\)", re.IGNORECASE)


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def _clean(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _first(rules: Iterable[DetailRule], text: str, within: str = "") -> DetailRule | None:
    for rule in rules:
        if rule.within not in (None, within):
            continue
        if re.search(rule.pattern, text, re.IGNORECASE):
            return rule
    return None


@dataclass(frozen=True, slots=True)
class _Country:
    code: str | None
    qualifier: str
    rounded: bool


def _country(label: str) -> _Country:
    """Split a USGS country label into a code, a qualifier and a "rounded" marker."""
    from critmin.data.catalogue import find_country

    text = _FOOTNOTE.sub("", _clean(label))
    qualifier = ""
    whole = find_country(text)
    if whole is not None:
        # "Congo (Kinshasa)" is a name, not "Congo" with a qualifier
        return _Country(whole.alpha2, "", False)
    match = _QUALIFIER.match(text)
    if match:
        text = _clean(f"{match['name']} {match['rest']}".replace(" ,", ","))
        qualifier = match["qual"]
    rounded = bool(_ROUNDED.search(text) or _ROUNDED.search(f" {qualifier}"))
    text = _ROUNDED.sub("", text).strip(" ,")
    qualifier = _ROUNDED.sub("", f" {qualifier}").strip(" ,")
    if "," in text and text.casefold().startswith(("world total", "other countries")):
        # "World total (rounded), natural": the part after the comma qualifies the figure
        text, _, extra = text.partition(",")
        qualifier = _clean(f"{qualifier} {extra}").strip(" ,")
    key = text.casefold()
    if key == "world total":
        return _Country(WORLD, qualifier, rounded)
    if key == "other countries":
        return _Country(OTHER, qualifier, rounded)
    found = find_country(text)
    return _Country(found.alpha2 if found else None, qualifier, rounded)


@dataclass(frozen=True, slots=True)
class _Mapped:
    commodity: str
    stage: str
    content: str


def _map(commodity_slug: str, descriptor: str, measure: str, default_content: str) -> _Mapped:
    """Apply the rule tables to one row's descriptor."""
    rule = _first(COMMODITY_RULES, descriptor, commodity_slug)
    slug = rule.commodity if rule and rule.commodity else commodity_slug
    if measure == "reserves":
        stage = "mining"
    else:
        stage_rule = _first(STAGE_RULES, descriptor)
        stage = (
            stage_rule.stage
            if stage_rule and stage_rule.stage
            else DEFAULT_STAGE.get(slug, "production")
        )
    return _Mapped(slug, stage, default_content)


def _content_of(descriptor: str, section: str, basis: str) -> str:
    """What a figure is of: a qualifier in the label, then the section, then the chapter basis."""
    _, sep, tail = descriptor.partition(":")
    tail = _ROUNDED.sub("", tail).strip(" ,")
    if sep and tail:
        return tail
    match = _SECTION_CONTENT.search(section)
    if match:
        return match["content"]
    return basis


def _source(release: Release, commodity_slug: str, table: str, file: str) -> Source:
    return Source(
        id=f"usgs-{release.key}:{commodity_slug}:{_slugify(table)}",
        publisher=PUBLISHER,
        title=release.title,
        year=release.year,
        table=table,
        url=release.url,
        licence=LICENCE,
        release=release.key,
        published=release.published,
        file=file,
    )


class _Builder:
    """Collects observations, sources and issues for one file (keeps the parsers short)."""

    def __init__(self, release: Release, file: str) -> None:
        self.release = release
        self.file = file
        self.observations: list[Observation] = []
        self.sources: dict[str, Source] = {}
        self.issues: list[ImportIssue] = []
        self.rows = 0
        self.skipped: Counter[str] = Counter()

    def issue(self, line: int, reason: str, raw: str = "") -> None:
        found = ImportIssue(self.file, line, reason, raw)
        if not self.issues or self.issues[-1] != found:  # one issue per row, not per column
            self.issues.append(found)

    def commodity(self, label: str, line: int, raw: str) -> Commodity | None:
        found = find_commodity(label)
        if found is None:
            self.issue(line, f"unknown commodity label {label!r}", raw)
        return found

    def add(
        self,
        *,
        line: int,
        raw: str,
        table_commodity: str,
        table: str,
        country_label: str,
        label: str,
        descriptor: str,
        measure: str,
        year_text: str,
        cell: str,
        unit_label: str,
        estimated: bool,
        note: str,
        content: str,
    ) -> None:
        """Turn one value cell into an observation, or an issue saying why not."""
        where = _country(country_label)
        if where.code is None:
            self.issue(line, f"country label {country_label.strip()!r} is not one country", raw)
            return
        try:
            year = int(year_text.strip())
        except ValueError:
            self.issue(line, f"year {year_text!r} is not a year", raw)
            return
        parsed = parse_value(cell)
        if not parsed.ok or parsed.flag == "blank":
            self.issue(line, f"value {cell!r} is not a number or a USGS mark", raw)
            return
        unit_key = _clean(unit_label).casefold()
        unit = UNITS.get(unit_key)
        if unit is None:
            self.issue(line, f"unknown unit {unit_label!r}", raw)
            return
        descriptor = _clean(f"{descriptor} {where.qualifier}")
        mapped = _map(table_commodity, descriptor, measure, content)
        value = parsed.value * unit[1] if parsed.value is not None else None
        source = _source(self.release, table_commodity, table, self.file)
        self.sources.setdefault(source.id, source)
        detail = _clean(f"{label} ({where.qualifier})" if where.qualifier else label)
        self.observations.append(
            Observation(
                commodity=mapped.commodity,
                country=where.code,
                stage=mapped.stage,
                year=year,
                measure=measure,
                value=value,
                unit=unit[0],
                source_id=source.id,
                basis="estimated" if estimated else "reported",
                note=note.strip(),
                flag=parsed.flag,
                value_text=parsed.text,
                content=mapped.content,
                detail=detail,
                file=self.file,
                line=line,
                release=self.release.key,
            )
        )

    def result(self) -> ParseResult:
        return ParseResult(
            observations=tuple(self.observations),
            sources=tuple(self.sources.values()),
            issues=tuple(self.issues),
            tables={
                "usgs_read_counts": [
                    {
                        "file": self.file,
                        "rows": self.rows,
                        "observations": len(self.observations),
                        "issues": len(self.issues),
                        "skipped": dict(self.skipped),
                    }
                ]
            },
        )


def _require(header: Sequence[str], needed: Sequence[str], file: str) -> dict[str, int]:
    index = {name.strip(): i for i, name in enumerate(header)}
    missing = [name for name in needed if name.strip() not in index]
    if missing:
        raise DataError(f"missing column(s) {missing}", file=file, line=1)
    return {name: index[name.strip()] for name in needed}


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def _raw(row: Sequence[str]) -> str:
    return ",".join(row)[:300]


def _estimated(*notes: str) -> bool:
    return any(n.strip().casefold().startswith("estimated") for n in notes)


MCS2026_COLUMNS = (
    "Section",
    "Commodity",
    "Country",
    "Statistics",
    "Statistics_detail",
    "Unit",
    "Year",
    "Value",
    "Notes",
)
_MEASURES_2026 = {"production": "production", "reserves": "reserves", "capacity": "capacity"}


def parse_mcs2026(
    text: str, file: str = "usgs_mcs2026/MCS2026_Commodities_Data.csv"
) -> ParseResult:
    """Parse the MCS 2026 long-format data release (world tables only).

    Parameters
    ----------
    text
        The decoded file content.
    file
        The file name to put in provenance and issues.

    Returns
    -------
    ParseResult
        Observations of the world tables, one source per commodity label and section, and an
        issue for each row that could not be used. ``tables["usgs_read_counts"]`` has the row
        counts.

    Raises
    ------
    DataError
        When the header lacks a required column.
    """
    rows = _rows(text)
    if not rows:
        raise DataError("file is empty", file=file)
    col = _require(rows[0], MCS2026_COLUMNS, file)
    out = _Builder(RELEASES["mcs2026"], file)
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        out.rows += 1
        if len(row) < len(rows[0]):
            out.issue(number, f"truncated row: {len(row)} of {len(rows[0])} columns", _raw(row))
            continue
        section = _clean(row[col["Section"]]).rstrip(":")
        if not section.startswith("World"):
            out.skipped[section] += 1
            continue
        item = out.commodity(row[col["Commodity"]], number, _raw(row))
        if item is None:
            continue
        measure = _MEASURES_2026.get(row[col["Statistics"]].strip().casefold())
        if measure is None:
            out.issue(number, f"unknown statistic {row[col['Statistics']]!r}", _raw(row))
            continue
        detail = _clean(row[col["Statistics_detail"]])
        notes = row[col["Notes"]]
        unit_label = row[col["Unit"]]
        if (release_unit := UNIT_CORRECTIONS.get(("mcs2026", item.slug))) is not None:
            unit_label = release_unit
        out.add(
            line=number,
            raw=_raw(row),
            table_commodity=item.slug,
            table=section,
            country_label=row[col["Country"]],
            label=detail,
            descriptor=_ROUNDED.sub("", detail).strip(" ,:"),
            measure=measure,
            year_text=row[col["Year"]],
            cell=row[col["Value"]],
            unit_label=unit_label,
            estimated=_estimated(notes),
            note=notes,
            content=_content_of(detail, section, item.basis_of_measure),
        )
    return out.result()


MCS2025_COLUMNS = ("COMMODITY", "COUNTRY", "TYPE", "UNIT_MEAS")
#: The value columns of MCS2025_World_Data.csv: (column, measure, year, estimated, notes column).
MCS2025_VALUES: tuple[tuple[str, str, int, bool, str], ...] = (
    ("PROD_2023", "production", 2023, False, "PROD_NOTES"),
    ("PROD_EST_ 2024", "production", 2024, True, "PROD_NOTES"),
    ("CAP_2023", "capacity", 2023, False, "CAP_NOTES"),
    ("CAP_EST_ 2024", "capacity", 2024, True, "CAP_NOTES"),
    ("RESERVES_2024", "reserves", 2024, False, "RESERVE_NOTES"),
)
MCS2025_TABLE = "World Production, Capacity and Reserves"


def parse_mcs2025(text: str, file: str = "usgs_mcs2025/MCS2025_World_Data.csv") -> ParseResult:
    """Parse the MCS 2025 world data file (wide: one row per country and type).

    A blank value cell yields nothing (the chapter prints no figure in that column); the
    ``*_EST_ 2024`` columns are USGS estimates, and so is any cell whose type or notes say
    "estimated". The type's text after the first comma is kept as ``content``.

    Parameters
    ----------
    text
        The decoded file content (BOM removed).
    file
        The file name to put in provenance and issues.

    Returns
    -------
    ParseResult

    Raises
    ------
    DataError
        When the header lacks a required column.
    """
    rows = _rows(text)
    if not rows:
        raise DataError("file is empty", file=file)
    needed = (*MCS2025_COLUMNS, *(c for spec in MCS2025_VALUES for c in (spec[0], spec[4])))
    col = _require(rows[0], tuple(dict.fromkeys(needed)), file)
    width = max(col.values()) + 1
    out = _Builder(RELEASES["mcs2025"], file)
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        out.rows += 1
        if len(row) < width:
            out.issue(number, f"truncated row: {len(row)} of {len(rows[0])} columns", _raw(row))
            continue
        item = out.commodity(row[col["COMMODITY"]], number, _raw(row))
        if item is None:
            continue
        kind = _clean(row[col["TYPE"]])
        type_estimated = "estimated" in kind.casefold()
        descriptor = re.sub(r",?\s*estimated\.?$", "", kind, flags=re.IGNORECASE).rstrip(" .")
        _, _, tail = descriptor.partition(",")
        content = tail.strip() or item.basis_of_measure
        unit_label = UNIT_CORRECTIONS.get(("mcs2025", item.slug), row[col["UNIT_MEAS"]])
        for column, measure, year, estimated, notes_column in MCS2025_VALUES:
            cell = row[col[column]]
            if not cell.strip():
                continue
            if measure != "reserves" and descriptor.casefold().startswith("reserves"):
                out.issue(number, f"{column} value on a reserves row", _raw(row))
                continue
            is_capacity = "capacity" in descriptor.casefold()
            if measure == "production" and is_capacity:
                measure = "capacity"  # e.g. "Plant capacity", "Clinker capacity" in PROD_ columns
            notes = row[col[notes_column]]
            out.add(
                line=number,
                raw=_raw(row),
                table_commodity=item.slug,
                table=MCS2025_TABLE,
                country_label=row[col["COUNTRY"]],
                label=kind,
                descriptor=descriptor,
                measure=measure,
                year_text=str(year),
                cell=cell,
                unit_label=unit_label,
                estimated=estimated or type_estimated or _estimated(notes),
                note=notes,
                content=content,
            )
    return out.result()


MCS2024_REE_COLUMNS = (
    "Country",
    "Type",
    "Prod_t_est_2022",
    "Prod_t_est_2023",
    "Prod_notes",
    "Reserves_t",
    "Reserves_notes",
)
#: (column, measure, year, estimated). The MCS 2024 chapter marks only 2023 as estimated ("e");
#: the file's header says "est" for both years, which we read as a naming template.
MCS2024_VALUES: tuple[tuple[str, str, int, bool, str], ...] = (
    ("Prod_t_est_2022", "production", 2022, False, "Prod_notes"),
    ("Prod_t_est_2023", "production", 2023, True, "Prod_notes"),
    ("Reserves_t", "reserves", 2023, False, "Reserves_notes"),
)
MCS2024_TABLE = "World Mine Production and Reserves"


def parse_mcs2024_rare_earths(
    text: str, file: str = "usgs_mcs2024/mcs2024-raree_world-1.csv"
) -> ParseResult:
    """Parse the MCS 2024 rare-earths world table (t REO; reserves as of the 2023 edition).

    Parameters
    ----------
    text
        The decoded file content (BOM removed).
    file
        The file name to put in provenance and issues.

    Returns
    -------
    ParseResult

    Raises
    ------
    DataError
        When the header lacks a required column.
    """
    rows = _rows(text)
    if not rows:
        raise DataError("file is empty", file=file)
    col = _require(rows[0], MCS2024_REE_COLUMNS, file)
    width = max(col.values()) + 1
    out = _Builder(RELEASES["mcs2024"], file)
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        out.rows += 1
        if len(row) < width:
            out.issue(number, f"truncated row: {len(row)} of {len(rows[0])} columns", _raw(row))
            continue
        kind = _clean(row[col["Type"]])
        label, _, rest = kind.partition(",")
        item = out.commodity(label, number, _raw(row))
        if item is None:
            continue
        unit_label = rest.rsplit(",", 1)[-1].strip() if "," in rest else ""
        descriptor = rest.rsplit(",", 1)[0].strip() if "," in rest else rest.strip()
        for column, measure, year, estimated, notes_column in MCS2024_VALUES:
            cell = row[col[column]]
            if not cell.strip():
                continue
            notes = row[col[notes_column]]
            out.add(
                line=number,
                raw=_raw(row),
                table_commodity=item.slug,
                table=MCS2024_TABLE,
                country_label=row[col["Country"]],
                label=kind,
                descriptor="Reserves" if measure == "reserves" else descriptor,
                measure=measure,
                year_text=str(year),
                cell=cell,
                unit_label=unit_label,
                estimated=estimated or _estimated(notes),
                note=notes,
                content=item.basis_of_measure,
            )
    return out.result()


def _read(path: Path, encoding: str) -> tuple[str, str]:
    file = relative(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read file: {exc.strerror or exc}", file=str(path)) from exc
    try:
        return data.decode(encoding), file
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(
            f"not valid {encoding} at byte {exc.start}: {exc.reason}", file=file, line=line
        ) from exc


def read_mcs2026(path: Path) -> ParseResult:
    """Read ``MCS2026_Commodities_Data.csv`` (cp1252); see :func:`parse_mcs2026`."""
    text, file = _read(path, "cp1252")
    return parse_mcs2026(text, file)


def read_mcs2025(path: Path) -> ParseResult:
    """Read ``MCS2025_World_Data.csv`` (UTF-8 with BOM); see :func:`parse_mcs2025`."""
    text, file = _read(path, "utf-8-sig")
    return parse_mcs2025(text, file)


def read_mcs2024_rare_earths(path: Path) -> ParseResult:
    """Read the MCS 2024 rare-earths CSV (UTF-8, BOM); see :func:`parse_mcs2024_rare_earths`."""
    text, file = _read(path, "utf-8-sig")
    return parse_mcs2024_rare_earths(text, file)
