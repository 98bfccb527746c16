"""Answer a development's investor questions from the evidence first, then from the data.

A question the articles answer keeps that answer and its evidence (``answered``). Otherwise
the data may say something (``inferred``: the country's stages in the store, its blocs and
export controls, the element split of its deposits), or the scenario assumes it
(``assumed``); a question neither covers stays ``open``. Every non-open answer cites notes.
"""

from __future__ import annotations

from typing import Any

from critmin.brief.notes import Notes
from critmin.brief.sections import country_name
from critmin.data.catalogue import bloc, find_country
from critmin.query import Critmin

_DOWNSTREAM = ("refining", "metal", "magnet")


def _article_fn(notes: Notes, articles: dict[str, Any], article_id: str) -> str | None:
    article = articles.get(article_id)
    return notes.article(article) if article is not None else None


def _elements(notes: Notes, code: str, curated: dict[str, Any] | None
              ) -> tuple[str, str, str] | None:
    """Light/heavy split of the country's ore, from the curated deposit mix and distributions."""
    from critmin.network.elements import HEAVY, LIGHT, country_mix, distribution, element_share

    if not curated or "deposit_mix" not in curated or "element_distributions" not in curated:
        return None
    mix_table, dist_table = curated["deposit_mix"], curated["element_distributions"]
    mix = country_mix(mix_table, code)
    dists = {t: distribution(dist_table, t) for t in mix}
    light = sum(element_share(mix, dists, e) for e in LIGHT)
    heavy = sum(element_share(mix, dists, e) for e in HEAVY)
    if light + heavy <= 0:
        return None
    own = mix_table[mix_table["country"] == code]
    rows = own if not own.empty else mix_table[mix_table["country"] == "*"]
    deps = [
        notes.assumption(
            f"deposit-mix:{r.country}:{r.deposit_type}",
            f"Deposit mix {r.country}: {r.deposit_type} {r.share:.0%}. {r.note}",
            basis=str(r.basis),
        )
        for r in rows.itertuples(index=False)
    ]
    for t in mix:
        rows_t = dist_table[dist_table["deposit_type"] == t]
        bases = sorted(set(rows_t["basis"]))
        deps.append(notes.assumption(
            f"distribution:{t}",
            f"Element distribution of {t} deposits (basis: {', '.join(bases)}); see the "
            "curated table element_distributions.",
            basis="assumption" if "assumption" in bases else "recalled",
        ))
    fn = notes.computed(
        f"elements:{code}",
        "Light/heavy split of the country's ore: its deposit mix times each deposit type's "
        "element distribution (light: La-Sm; heavy: Eu-Lu and Y).",
        deps,
    )
    which = "mostly light" if light >= 0.8 * (light + heavy) else (
        "mostly heavy" if heavy >= 0.8 * (light + heavy) else "both light and heavy")
    answer = (
        f"{which}: on the deposit distribution critmin assigns to {country_name(code)}, "
        f"{light / (light + heavy):.0%} of its rare-earth oxide is light and "
        f"{heavy / (light + heavy):.0%} heavy (not stated in the articles)"
    )
    return "inferred", answer, fn


def _downstream(notes: Notes, db: Critmin, code: str, family: str, scenario: Any
                ) -> tuple[str, str, str]:
    frame = db.observations(country=code, measure="production")
    family_rows = frame[frame["commodity"].isin([family, f"magnet-{family}"])] if not \
        frame.empty else frame
    stages = sorted(
        {str(s) for s, v in zip(family_rows["stage"], family_rows["value"], strict=True)
         if v and v > 0}
    )
    fns = [notes.source({**db.source(s), "basis": "reported"})
           for s in sorted(set(family_rows["source_id"]))] if not family_rows.empty else []
    have = (
        f"the data has {country_name(code)} producing {family} at: {', '.join(stages)}"
        if stages
        else f"the data has no {family} output in {country_name(code)} at any stage"
    )
    added = sorted(
        {getattr(s, "stage", "") for s in (scenario.shocks if scenario else [])
         if s.kind == "new_capacity" and getattr(s, "country", "") == code}
    )
    down = [s for s in added if s in _DOWNSTREAM]
    if added:
        have += (
            "; the scenario adds "
            + ", ".join(added)
            + (" capacity (downstream: " + ", ".join(down) + ")" if down else " capacity only")
        )
    fn = notes.computed(f"downstream:{code}:{family}", "Stages in the store and the scenario.",
                        fns or [notes.assumption("no-data", "no figures in the store",
                                                 basis="gap")])
    return ("inferred" if stages or added else "open"), have, fn


def _partners(notes: Notes, db: Critmin, code: str) -> tuple[str, str, str]:
    found = find_country(code)
    blocs = list(found.blocs) if found else []
    bloc_notes = []
    for b in blocs:
        try:
            bloc_notes.append(bloc(b).note)
        except Exception:
            continue
    fns = [notes.assumption(f"bloc:{b}", f"Bloc membership {b}: {n}", basis="recalled")
           for b, n in zip(blocs, bloc_notes, strict=False)]
    controls = db.export_controls(country=code)
    parts = []
    if blocs:
        parts.append(f"{country_name(code)} belongs to {', '.join(blocs)}")
    if not controls.empty:
        items = sorted({str(t) for t in controls["commodity_text"]})
        parts.append(f"export controls in force there (USGS T4): {'; '.join(items)}")
        fns += [notes.source({**db.source(s), "basis": "reported"})
                for s in sorted(set(controls["source_id"]))]
    else:
        parts.append("no export controls of its own in USGS table T4")
    parts.append("the articles name no partner, so sanctions exposure of partners is open")
    fn = notes.computed(f"partners:{code}", "Blocs and export controls of the country.", fns)
    return "inferred", "; ".join(parts), fn


def _timeline(notes: Notes, scenario: Any, code: str) -> tuple[str, str, str] | None:
    shocks = [s for s in (scenario.shocks if scenario else [])
              if s.kind == "new_capacity" and getattr(s, "country", "") == code]
    if not shocks:
        return None
    texts, fns = [], []
    for s in shocks:
        texts.append(
            f"{s.stage} {s.capacity.value:,.0f} {s.capacity.unit} from {s.start_year}, "
            f"{s.ramp_years}-year ramp ({s.basis})"
        )
        fns.append(notes.assumption(f"shock-timeline:{s.stage}:{s.note}", s.note or s.source,
                                    basis=s.basis))
    fn = notes.computed(f"timeline:{code}", "The scenario's new-capacity shocks.", fns)
    return "assumed", "; ".join(texts), fn


def answer_questions(
    notes: Notes,
    db: Critmin,
    development: Any,
    scenario: Any,
    result: dict[str, Any] | None,
    articles: dict[str, Any],
    curated: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """The development's questions, each answered, inferred, assumed or open."""
    code, family = development.country, development.family
    out = []
    for q in development.questions:
        row: dict[str, Any] = {"key": q.question, "question": q.text, "status": q.status,
                               "answer": q.answer, "evidence": q.evidence, "fn": None}
        if q.status == "answered":
            row["fn"] = _article_fn(notes, articles, q.article_id)
            out.append(row)
            continue
        derived: tuple[str, str, str] | None = None
        if q.question == "elements":
            derived = _elements(notes, code, curated) if family == "rare-earths" else None
        elif q.question == "downstream":
            derived = _downstream(notes, db, code, family, scenario)
        elif q.question == "partners":
            derived = _partners(notes, db, code)
        elif q.question == "timeline_capacity":
            derived = _timeline(notes, scenario, code)
        if derived is not None:
            status, answer, fn = derived
            row.update(status=status, answer=answer, fn=fn,
                       evidence="", note="not stated in the articles; from the data")
        out.append(row)
    return out
