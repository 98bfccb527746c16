"""Run a Monte Carlo ensemble on a Dask distributed cluster, with the same numbers as one process.

The partitioning (sizes and per-partition seeds from ``SeedSequence(seed).spawn``) is the
one :func:`critmin.scenarios.montecarlo.simulate` uses; each partition runs
:func:`~critmin.scenarios.montecarlo.run_partition` on whichever worker Dask picks, and the
results are combined in partition order. Worker count and scheduling therefore cannot change
the result.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterator
from typing import Any

from critmin.errors import CritminError
from critmin.scenarios.montecarlo import (
    PARTITION_SIZE,
    Partition,
    RiskModel,
    RiskResult,
    combine,
    partition_seeds,
    partition_sizes,
    run_partition,
)


@contextlib.contextmanager
def dask_client(
    scheduler: str | None = None, workers: int | None = None, *, processes: bool = True
) -> Iterator[Any]:
    """A client on ``scheduler`` (an address), or on a new LocalCluster of ``workers``."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - a dependency
        raise CritminError("Dask distributed is not installed: pip install 'dask[distributed]'"
                           ) from exc
    if scheduler:
        try:
            client = Client(scheduler, timeout="10s")
        except OSError as exc:
            raise CritminError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        try:
            yield client
        finally:
            client.close()
        return
    with LocalCluster(n_workers=workers or 1, threads_per_worker=1, processes=processes,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        yield client


def simulate_on(
    client: Any, model: RiskModel, draws: int, seed: int, *, key: str = "",
    partition_size: int = PARTITION_SIZE, progress: Callable[[int], None] | None = None,
) -> RiskResult:
    """Run the ensemble's partitions on a Dask client and combine them in order."""
    from distributed import as_completed

    sizes = partition_sizes(draws, partition_size)
    seeds = partition_seeds(seed, len(sizes))
    run = uuid.uuid4().hex[:12]  # task keys unique per call; the seeds fix the numbers
    [shared] = client.scatter([model], broadcast=True, hash=False)
    futures = [
        client.submit(run_partition, shared, s, n, key=f"critmin-mc-{run}-{i}", pure=False)
        for i, (s, n) in enumerate(zip(seeds, sizes, strict=True))
    ]
    index = {f.key: i for i, f in enumerate(futures)}
    parts: list[Partition | None] = [None] * len(futures)
    for future in as_completed(futures):
        i = index[future.key]
        parts[i] = future.result()
        if progress:
            progress(sizes[i])
    done = [p for p in parts if p is not None]
    return combine(model, key or model.base.commodity, done, seed)
