"""The same ensemble on a Dask LocalCluster equals the single-process run for the same seed."""

import numpy as np
import pandas as pd
import pytest

from critmin.data.importers.curated import read_tables
from critmin.scenarios.load import shipped_scenario
from critmin.scenarios.montecarlo import simulate
from critmin.scenarios.risk import risk_model
from critmin.scenarios.run import Inputs
from critmin.scenarios.spec import load_scenario

distributed = pytest.importorskip("distributed")

USGS_2024 = {"CN": 270000, "US": 45500, "AU": 29000, "MM": 27000, "IN": 2900, "RU": 2600,
             "TH": 2100, "NG": 1500, "MG": 1400, "OTHER": 1000, "BR": 560, "VN": 300, "MY": 140}


@pytest.mark.dask
# Dask's LocalCluster may warn about ports or an unclosed event loop when it shuts down in
# threads mode; those are about the test harness, not about critmin's results.
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.filterwarnings("ignore::UserWarning:distributed.*")
def test_two_worker_cluster_equals_single_process():
    from critmin.scenarios.distributed import dask_client, simulate_on

    rows = [dict(commodity="rare-earths", country=c, stage="mining", year=2024,
                 measure="production", value=float(v), unit="t", source_id="s",
                 basis="estimated", publisher="p", scenario="") for c, v in USGS_2024.items()]
    inputs = Inputs(pd.DataFrame(rows), read_tables())
    scenario = load_scenario(shipped_scenario("china-2025-rare-earth-export-controls"))
    model = risk_model(scenario, inputs, {"CN": -0.3, "MM": -2.0}, key="dysprosium")
    single = simulate(model, 40_000, seed=11, partition_size=10_000)
    with dask_client(workers=2, processes=False) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        seen: list[int] = []
        spread = simulate_on(client, model, 40_000, seed=11, partition_size=10_000,
                             progress=seen.append)
    assert sum(seen) == 40_000
    assert np.array_equal(single.values, spread.values)
    assert single.to_dict() == spread.to_dict()
