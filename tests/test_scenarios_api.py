"""The Python API for scenarios and risk gives what the CLI gives."""

import json

import numpy as np
import pytest

from critmin.scenarios import api
from critmin.scenarios.montecarlo import check_against_lp
from tests.helpers import run_cli


def test_run_from_python_equals_cli_json(built_db):
    result = api.run("china-2025-rare-earth-export-controls", db=built_db).to_dict()
    cli = run_cli("scenario", "run", "china-2025-rare-earth-export-controls", "--format", "json",
                  db=built_db)
    assert cli.returncode == 0, cli.stderr
    assert json.loads(json.dumps(result)) == json.loads(cli.stdout)


def test_risk_from_python_same_seed_and_lp_check(built_db):
    a = api.risk("terbium", 20_000, seed=2, target="non-CN", db=built_db)
    b = api.risk("terbium", 20_000, seed=2, target="non-CN", db=built_db)
    assert np.array_equal(a.values, b.values)
    model = api.risk_model_for("cobalt", target="non-CN", db=built_db)
    assert check_against_lp(model, n=15, seed=1) < 1e-6 * model.reference


def test_unknown_scenario_name_is_a_clear_error(built_db):
    from critmin.scenarios.spec import ScenarioError

    with pytest.raises(ScenarioError, match="cannot read"):
        api.run("no-such-scenario", db=built_db)
