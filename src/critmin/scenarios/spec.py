"""Scenario files: YAML validated by pydantic, with errors that name the file, line and field.

A scenario names a commodity network, a base year, a horizon, a target (``world``,
``non-CN``, a bloc code such as ``EU`` or an ISO alpha-2 code) and a list of shocks. Each
shock carries its ``basis`` (reported, estimated, recalled or assumption) and its source or
note, so a result can list every assumption it used. The news layer writes files of this
shape for new-capacity developments, so the field names are a contract.

Parsing is pure (:func:`parse_scenario` takes text); :func:`load_scenario` reads the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from critmin.data.catalogue import bloc, find_country
from critmin.errors import DataError, UnknownNameError
from critmin.model.records import STAGES

#: Units a capacity may be given in, and their factor to tonnes.
UNITS: dict[str, float] = {
    "t": 1.0, "t/yr": 1.0, "t REO": 1.0, "t REO/yr": 1.0, "tpa": 1.0,
    "kt": 1e3, "kt/yr": 1e3, "kt REO": 1e3, "kt REO/yr": 1e3, "ktpa": 1e3,
}


class ScenarioError(DataError):
    """A scenario file is malformed: names the file, the line and the field."""

    def __init__(self, message: str, *, file: str, line: int | None, field: str = "") -> None:
        self.field = field
        text = f"{field}: {message}" if field else message
        super().__init__(text, file=file, line=line)


def _country(code: str) -> str:
    if code in ("OTHER",):
        return code
    found = find_country(code)
    if found is None:
        raise ValueError(f"unknown country {code!r} (use an ISO alpha-2 code such as 'KZ')")
    return found.alpha2


def _place(code: str) -> str:
    """A country code or a bloc code."""
    found = find_country(code)
    if found is not None and len(code) <= 3:
        return found.alpha2
    try:
        return bloc(code).code
    except UnknownNameError:
        pass
    if found is not None:
        return found.alpha2
    raise ValueError(f"unknown country or bloc {code!r}")


def _stage(stage: str) -> str:
    value = {"separation": "refining", "mine": "mining"}.get(stage, stage)
    if value not in STAGES:
        raise ValueError(f"unknown stage {stage!r}; known: separation, {', '.join(STAGES)}")
    return value


class _Shock(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    probability: float | None = Field(None, ge=0.0, le=1.0)
    """Chance the shock happens in a Monte Carlo draw; ``None`` means it always does."""
    basis: Literal["reported", "estimated", "recalled", "assumption"] = "assumption"
    """How the shock's figures are known."""
    source: str = ""
    """Publisher, title, year and URL (or FACTS.md row id) of what the shock is based on."""
    note: str = ""
    """Reasoning, especially for assumptions."""
    start_year: int = 0
    """First year the shock is in force."""
    end_year: int | None = None
    """Last year in force (``None``: to the horizon)."""

    def active(self, year: int) -> bool:
        """Whether the shock is in force in ``year``."""
        return year >= self.start_year and (self.end_year is None or year <= self.end_year)


class Capacity(BaseModel):
    """A quantity with its unit."""

    model_config = ConfigDict(extra="forbid")

    value: float = Field(ge=0.0)
    """Amount per year, non-negative."""
    unit: str = "t"
    """One of :data:`UNITS`."""

    @field_validator("unit")
    @classmethod
    def _unit(cls, unit: str) -> str:
        if unit not in UNITS:
            raise ValueError(f"unknown unit {unit!r}; use one of {', '.join(UNITS)}")
        return unit

    @property
    def tonnes(self) -> float:
        """The value in tonnes per year."""
        return self.value * UNITS[self.unit]


class NewCapacity(_Shock):
    """New mining, separation or downstream capacity in a country, ramping up."""

    kind: Literal["new_capacity"]
    country: str
    commodity: str | None = None
    elements: list[str] | None = None
    stage: str
    capacity: Capacity
    low: float | None = Field(None, ge=0.0)
    """Low end of the capacity range, in the capacity's unit."""
    high: float | None = Field(None, ge=0.0)
    """High end of the capacity range, in the capacity's unit."""
    ramp_years: int = Field(1, ge=1)
    """Years from the first output to full capacity (linear)."""

    _c = field_validator("country")(classmethod(lambda cls, v: _country(v)))
    _s = field_validator("stage")(classmethod(lambda cls, v: _stage(v)))

    @model_validator(mode="after")
    def _range(self) -> NewCapacity:
        if self.low is not None and self.low > self.capacity.value:
            raise ValueError("low is above capacity.value")
        if self.high is not None and self.high < self.capacity.value:
            raise ValueError("high is below capacity.value")
        return self


class CapacityLoss(_Shock):
    """A share of a country's capacity lost (accident, conflict, closure)."""

    kind: Literal["capacity_loss"]
    country: str
    commodity: str | None = None
    elements: list[str] | None = None
    stages: list[str] | None = None
    share_lost: float = Field(ge=0.0, le=1.0)
    low: float | None = Field(None, ge=0.0, le=1.0)
    high: float | None = Field(None, ge=0.0, le=1.0)

    _c = field_validator("country")(classmethod(lambda cls, v: _country(v)))
    _s = field_validator("stages")(
        classmethod(lambda cls, v: None if v is None else [_stage(s) for s in v])
    )


class ExportControl(_Shock):
    """Exports from one country limited: a share blocked, by element/commodity and stage."""

    kind: Literal["export_control"]
    from_: str = Field(alias="from")
    elements: list[str] | None = None
    commodities: list[str] | None = None
    stages: list[str] | None = None
    to: Literal["all"] | list[str] = "all"
    share_blocked: float = Field(ge=0.0, le=1.0)
    low: float | None = Field(None, ge=0.0, le=1.0)
    high: float | None = Field(None, ge=0.0, le=1.0)

    _c = field_validator("from_")(classmethod(lambda cls, v: _country(v)))
    _s = field_validator("stages")(
        classmethod(lambda cls, v: None if v is None else [_stage(s) for s in v])
    )

    @field_validator("to")
    @classmethod
    def _to(cls, v: str | list[str]) -> str | list[str]:
        return v if v == "all" else [_place(p) for p in v]


class Sanction(_Shock):
    """Imports from a country stopped by the sanctioning countries or blocs."""

    kind: Literal["sanction"]
    from_: str = Field(alias="from")
    to: list[str]
    commodities: list[str] | None = None
    stages: list[str] | None = None
    share_blocked: float = Field(1.0, ge=0.0, le=1.0)
    low: float | None = Field(None, ge=0.0, le=1.0)
    high: float | None = Field(None, ge=0.0, le=1.0)

    _c = field_validator("from_")(classmethod(lambda cls, v: _country(v)))
    _t = field_validator("to")(classmethod(lambda cls, v: [_place(p) for p in v]))
    _s = field_validator("stages")(
        classmethod(lambda cls, v: None if v is None else [_stage(s) for s in v])
    )


class TradeBlock(_Shock):
    """Trade from some countries to others stopped (a corridor closed)."""

    kind: Literal["trade_block"]
    from_: list[str] = Field(alias="from")
    to: list[str]
    commodities: list[str] | None = None
    stages: list[str] | None = None
    share_blocked: float = Field(1.0, ge=0.0, le=1.0)

    _c = field_validator("from_")(classmethod(lambda cls, v: [_country(p) for p in v]))
    _t = field_validator("to")(classmethod(lambda cls, v: [_place(p) for p in v]))
    _s = field_validator("stages")(
        classmethod(lambda cls, v: None if v is None else [_stage(s) for s in v])
    )


class DemandChange(_Shock):
    """The target's demand changes by a fraction (0.2 = +20 %)."""

    kind: Literal["demand_change"]
    change: float = Field(ge=-1.0)
    commodity: str | None = None
    low: float | None = None
    high: float | None = None


Shock = Annotated[
    NewCapacity | CapacityLoss | ExportControl | Sanction | TradeBlock | DemandChange,
    Field(discriminator="kind"),
]


class Threshold(BaseModel):
    """A "what would it take" question asked with every run of the scenario."""

    model_config = ConfigDict(extra="forbid")

    metric: str
    """``share:CN:refining``, ``delivered[:stage]``, optionally ``@element``."""
    value: float
    """Share (0-1) to go below, or tonnes per year to reach."""
    shock: int | None = None
    """Index of the ``new_capacity`` shock to size (default: first at the metric's stage)."""
    note: str = ""
    """Why this threshold matters."""


class Scenario(BaseModel):
    """A scenario file."""

    model_config = ConfigDict(extra="forbid")

    name: str
    """Short name."""
    description: str = ""
    """What the scenario models and why."""
    base_year: int = Field(ge=1990, le=2100)
    """Year of the figures the network is built from."""
    horizon: int = Field(ge=1990, le=2100)
    """Year the shocks are evaluated at."""
    target: str = "world"
    """``world``, ``non-XX`` (world minus a country), a bloc code or an ISO alpha-2 code."""
    commodity: str
    """The network's commodity slug, e.g. ``rare-earths``."""
    elements: list[str] = Field(default_factory=list)
    """Rare-earth elements to report besides those the shocks name."""
    shocks: list[Shock] = Field(default_factory=list)
    """The shocks, applied in order."""
    thresholds: list[Threshold] = Field(default_factory=list)
    """Optional: capacities to solve for on every run (see :mod:`critmin.scenarios.solve`)."""

    @field_validator("target")
    @classmethod
    def _target(cls, v: str) -> str:
        if v == "world":
            return v
        if v.lower().startswith("non-"):
            return "non-" + _country(v[4:])
        return _place(v)

    @model_validator(mode="after")
    def _years(self) -> Scenario:
        if self.horizon < self.base_year:
            raise ValueError("horizon is before base_year")
        for s in self.shocks:
            if s.basis == "assumption" and not (s.note or s.source):
                raise ValueError(f"a {s.kind} shock with basis assumption needs a note")
        return self


# -- YAML with line numbers -------------------------------------------------------------


def _to_python(node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return {_to_python(k): _to_python(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(v) for v in node.value]
    return yaml.safe_load(yaml.serialize(node))


def _line_of(node: yaml.Node | None, loc: tuple[int | str, ...]) -> tuple[int | None, str]:
    """Line (1-based) of the deepest node along a pydantic error location, and the field path."""
    if node is None:
        return None, ".".join(str(p) for p in loc)
    line = node.start_mark.line + 1
    path: list[str] = []
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = [(k, v) for k, v in node.value if getattr(k, "value", None) == part]
            if not match:
                continue  # a union tag such as 'new_capacity', not a key
            key, node = match[0]
            line = key.start_mark.line + 1
            path.append(str(part))
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                break
            node = node.value[part]
            line = node.start_mark.line + 1
            path.append(f"[{part}]")
        else:
            break
    return line, ".".join(path).replace(".[", "[")


def parse_scenario(text: str, file: str = "<scenario>") -> Scenario:
    """Validate a scenario's YAML text.

    Raises
    ------
    ScenarioError
        With the file, the line and the field of the first problem.
    """
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ScenarioError(
            f"not valid YAML: {getattr(exc, 'problem', exc)}", file=file,
            line=mark.line + 1 if mark else None,
        ) from exc
    if not isinstance(root, yaml.MappingNode):
        raise ScenarioError("a scenario file must be a mapping of fields", file=file,
                            line=root.start_mark.line + 1 if root else 1)
    try:
        return Scenario.model_validate(_to_python(root))
    except ValidationError as exc:
        first = exc.errors()[0]
        line, field = _line_of(root, tuple(first["loc"]))
        message = str(first["msg"]).removeprefix("Value error, ")
        if first["type"] == "union_tag_invalid":
            tag = first.get("ctx", {}).get("tag")
            message = (f"unknown shock kind {tag!r}; known: new_capacity, capacity_loss, "
                       "export_control, sanction, trade_block, demand_change")
            line, field = _line_of(root, (*tuple(first["loc"]), "kind"))
        raise ScenarioError(message, file=file, line=line, field=field) from None


def load_scenario(path: str | Path) -> Scenario:
    """Read and validate a scenario file (see :func:`parse_scenario`)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ScenarioError(f"cannot read: {exc.strerror}", file=str(path), line=None) from exc
    return parse_scenario(text, file=str(path))
