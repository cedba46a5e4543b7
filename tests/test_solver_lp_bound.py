"""solver.lp_bound: the GLOP relaxation bound is valid (≤ every feasible objective, = the optimum when the LP is
integral) and handles negated literals and objective offsets."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

from roster.sample import sample_scenario
from solver.api import build
from solver.lp_bound import lp_bound


def test_integral_lp_bound_is_the_optimum():
    m = cp_model.CpModel()
    x = [m.NewBoolVar(f"x{i}") for i in range(4)]
    m.Add(sum(x) >= 2)
    m.Minimize(3 * x[0] + 1 * x[1] + 2 * x[2] + 5 * x[3] + 7)
    assert lp_bound(m) == 1 + 2 + 7


def test_fractional_lp_optimum_rounds_up():
    m = cp_model.CpModel()
    a, b = m.NewBoolVar("a"), m.NewBoolVar("b")
    m.Add(2 * a + 2 * b >= 1)  # LP: a + b ≥ 0.5, optimum 0.5 → bound 1 (integer optimum 1)
    m.Minimize(a + b)
    assert lp_bound(m) == 1


def test_negated_literal_in_objective():
    m = cp_model.CpModel()
    a = m.NewBoolVar("a")
    m.Add(a == 1)
    m.Minimize(5 * a.Not() + 2)  # 5·(1 − a) + 2 = 2
    assert lp_bound(m) == 2


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 9), st.integers(0, 3), st.integers(0, 3)), min_size=1, max_size=6),
       st.lists(st.integers(-4, 9), min_size=4, max_size=4), st.integers(-20, 20))
def test_bound_never_exceeds_the_cp_sat_optimum(rows, costs, offset):
    m = cp_model.CpModel()
    x = [m.NewBoolVar(f"x{i}") for i in range(4)]
    y = m.NewIntVar(0, 5, "y")
    for rhs, i, j in rows:
        m.Add(3 * x[i] + 2 * x[j] + y >= rhs)
    m.Minimize(sum(c * v for c, v in zip(costs, x, strict=True)) + 2 * y + offset)
    s = cp_model.CpSolver()
    s.parameters.num_workers = 1
    assert s.Solve(m) == cp_model.OPTIMAL
    b = lp_bound(m)
    assert b is not None and b <= s.ObjectiveValue() + 1e-9


def test_sample_month_bound_sees_the_forced_holiday_overtime():
    m = build(sample_scenario(), dt.date(2026, 6, 1), 28)
    under = sum(c * u for c, u in m.terms["under_cover"].parts)
    m.model.Add(under == 0)
    # 19 June 2026 (Dragon Boat) needs 7 eight-hour shifts at 300 %: 112 half-hours × weight 40
    assert lp_bound(m.model) >= 112 * m.terms["overtime_300"].weight


def test_background_bound_matches_and_can_be_stopped():
    from solver.lp_bound import BackgroundBound

    m = build(sample_scenario(), dt.date(2026, 6, 1), 7)
    seen = []
    bg = BackgroundBound(m.model, on_done=seen.append)
    assert bg.result() == lp_bound(m.model) and seen == [bg.result()]
    big = build(sample_scenario(), dt.date(2026, 6, 1), 91)
    bg = BackgroundBound(big.model, on_done=seen.append)
    bg.stop()  # a cancelled solve does not wait for GLOP, and a stopped bound reports nothing
    assert bg.result() is None
    bg._thread.join(30)
    assert not bg._thread.is_alive() and len(seen) == 1
