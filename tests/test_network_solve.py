"""The flow LP and its minimum cut on hand-made networks with known answers."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from critmin.network.graph import Network, Target
from critmin.network.shocks import add_capacity, block_exports, lose_capacity, ramp_factor
from critmin.network.solve import CAPACITY, DELIVER, SUPPLY, max_flow

NON_CN = Target("non-CN", exclude=frozenset({"CN"}))


def two_stage() -> Network:
    # mining: A 10, B 5, CN 50; refining: B 3, CN 60
    return Network("x", 2024, "t", ("mining", "refining"), ("A", "B", "CN"),
                   np.array([[10.0, 0.0], [5.0, 3.0], [50.0, 60.0]]))


def test_world_flow_is_the_smallest_stage_total():
    res = max_flow(two_stage())
    assert res.value == pytest.approx(63.0)  # refining 3 + 60 < mining 65
    assert res.bottleneck_stage == "refining"
    assert {(c.country, c.stage) for c in res.cut} == {("B", "refining"), ("CN", "refining")}


def test_export_control_limits_what_leaves_and_is_named_in_the_cut():
    net = block_exports(two_stage(), "CN", ["refining"], 0.75)
    res = max_flow(net, NON_CN)
    # B refines 3 for itself; CN may export 25% of 60 = 15
    assert res.value == pytest.approx(18.0)
    kinds = {(c.country, c.stage, c.kind): c.capacity for c in res.cut}
    assert kinds[("CN", "refining", "export")] == pytest.approx(15.0)
    assert kinds[("B", "refining", "capacity")] == pytest.approx(3.0)
    # the world as a whole is not affected: China keeps what it does not export
    assert max_flow(net).value == pytest.approx(63.0)


def test_block_to_named_destinations_only():
    net = block_exports(two_stage(), "CN", ["refining"], 1.0, frozenset({"A"}))
    # target B only: the block on A does not apply
    assert max_flow(net, Target("B", include=frozenset({"B"}))).value == pytest.approx(63.0)
    # target A: only B's 3 t of refining can reach it
    assert max_flow(net, Target("A", include=frozenset({"A"}))).value == pytest.approx(3.0)


def test_tie_forces_ore_to_one_refiner():
    net = Network("x", 2024, "t", ("mining", "refining"), ("MM", "CN", "MY"),
                  np.array([[20.0, 0.0], [0.0, 100.0], [0.0, 30.0]]),
                  ties={("MM", "mining"): frozenset({"CN"})})
    res = max_flow(net, Target("MY", include=frozenset({"MY"})))
    # MM ore may only go to CN; CN output is free to go to MY: 20
    assert res.value == pytest.approx(20.0)
    blocked = block_exports(net, "CN", ["refining"], 1.0)
    assert max_flow(blocked, Target("MY", include=frozenset({"MY"}))).value == pytest.approx(0)


def test_truncated_stage_and_demand_cap():
    net = two_stage()
    assert max_flow(net, upto="mining").value == pytest.approx(65.0)
    assert max_flow(net, demand=40.0).value == pytest.approx(40.0)


def test_capacity_shocks_and_ramp():
    net = add_capacity(two_stage(), "KZ", "refining", 10.0)
    assert net.cap("KZ", "refining") == 10.0
    assert max_flow(net).value == pytest.approx(65.0)  # now mining binds
    assert max_flow(lose_capacity(net, "CN", ["mining"], 0.5)).value == pytest.approx(40.0)
    assert [ramp_factor(y, 2027, 3) for y in (2026, 2027, 2028, 2029, 2035)] == pytest.approx(
        [0.0, 1 / 3, 2 / 3, 1.0, 1.0])


@st.composite
def networks(draw):
    n_c = draw(st.integers(1, 4))
    n_s = draw(st.integers(1, 4))
    caps = draw(st.lists(st.floats(0, 1000, allow_nan=False), min_size=n_c * n_s,
                         max_size=n_c * n_s))
    net = Network("x", 2024, "t", tuple(f"s{j}" for j in range(n_s)),
                  tuple(f"C{i}" for i in range(n_c)), np.array(caps).reshape(n_c, n_s))
    if draw(st.booleans()) and n_s > 1:
        net = block_exports(net, "C0", ["s0"], draw(st.floats(0, 1)))
    return net


@settings(max_examples=60, deadline=None)
@given(networks(), st.sampled_from(["world", "C0", "non-C0"]))
def test_mass_is_conserved_and_flow_equals_cut(net, target_name):
    target = {"world": Target("world"), "C0": Target("C0", include=frozenset({"C0"})),
              "non-C0": Target("non-C0", exclude=frozenset({"C0"}))}[target_name]
    res = max_flow(net, target)
    g = res.graph
    # conservation at every inner node
    balance = np.zeros(len(g.nodes))
    np.add.at(balance, g.heads, res.flows)
    np.add.at(balance, g.tails, -res.flows)
    inner = [k for k in range(len(g.nodes)) if k not in (g.source, g.sink)]
    assert np.allclose(balance[inner], 0.0, atol=1e-6)
    # what leaves the source reaches the sink, and never exceeds any stage's total
    supplied = res.flows[[a.kind == SUPPLY for a in g.arcs]].sum()
    delivered = res.flows[[a.kind == DELIVER or (a.kind == "export" and a.to == target.name)
                           for a in g.arcs]].sum()
    assert supplied == pytest.approx(res.value, abs=1e-6)
    assert delivered == pytest.approx(res.value, abs=1e-6)
    for j, stage in enumerate(net.stages):
        assert res.value <= net.capacity[:, j].sum() + 1e-6
        through = sum(f for a, f in zip(g.arcs, res.flows, strict=True)
                      if a.kind == CAPACITY and a.stage == stage)
        assert through == pytest.approx(res.value, abs=1e-6)
    # max-flow min-cut
    assert sum(c.capacity for c in res.cut) == pytest.approx(res.value, rel=1e-6, abs=1e-6)
