"""solver.cuts: divisibility cuts are valid (never change an integer optimum) and let the LP see that an
uneven total costs a spread."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

from roster.sample import sample_scenario
from solver.api import build
from solver.cuts import divisibility_cuts
from solver.lp_bound import lp_bound
from solver.objective import SpreadGroup


def _group_model(n: int, slots: int, need: int, coef: int, consts: list[int], over_cost: int):
    """n people, ``slots`` boolean tasks each; at least ``need`` tasks done in total (extra ones cost
    ``over_cost``); minimise the spread of coef·tasks + const."""
    model = cp_model.CpModel()
    x = [[model.NewBoolVar(f"x{p}_{i}") for i in range(slots)] for p in range(n)]
    vals = [coef * sum(row) + consts[p] for p, row in enumerate(x)]
    top = max(consts) + coef * slots
    hi, lo = model.NewIntVar(min(consts), top, "hi"), model.NewIntVar(min(consts), top, "lo")
    for v in vals:
        model.Add(hi >= v)
        model.Add(lo <= v)
    total_tasks = sum(sum(row) for row in x)
    model.Add(total_tasks >= need)
    model.Minimize((hi - lo) + over_cost * (total_tasks - need))
    grp = SpreadGroup("fair", 1, [(p, [(coef, v) for v in row], consts[p]) for p, row in enumerate(x)], hi, lo)
    return SimpleNamespace(model=model, spread_groups=[grp])


def _optimum(model: cp_model.CpModel) -> int:
    s = cp_model.CpSolver()
    s.parameters.num_workers = 1
    assert s.Solve(model) == cp_model.OPTIMAL
    return round(s.ObjectiveValue())  # integer objective; CP-SAT reports e.g. 3.999999999999999 for 4


def test_uneven_total_costs_a_spread_in_the_lp():
    m = _group_model(3, 3, 4, 1, [0, 0, 0], over_cost=5)  # 4 tasks for 3 people: spread ≥ 1 unless 2 extra
    assert lp_bound(m.model) == 0
    cuts = divisibility_cuts(m)
    assert cuts == [("fair", 4, 6, 1)]
    assert lp_bound(m.model) >= 1
    assert _optimum(m.model) == 1


def test_even_total_gets_no_cut():
    m = _group_model(3, 3, 6, 1, [0, 0, 0], over_cost=5)
    assert divisibility_cuts(m) == []


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 4), st.integers(1, 4), st.integers(0, 12), st.integers(1, 3),
       st.lists(st.integers(0, 6), min_size=4, max_size=4), st.integers(0, 4))
def test_cuts_never_change_the_integer_optimum(n, slots, need, coef, consts, over_cost):
    need = min(need, n * slots)
    plain = _group_model(n, slots, need, coef, consts[:n], over_cost)
    cut = _group_model(n, slots, need, coef, consts[:n], over_cost)
    divisibility_cuts(cut)
    assert _optimum(cut.model) == _optimum(plain.model)
    assert (lp_bound(cut.model) or 0) <= _optimum(plain.model)


def test_sample_month_bound_rises_with_the_cuts():
    m = build(sample_scenario(), dt.date(2026, 6, 1), 28)
    under = sum(c * u for c, u in m.terms["under_cover"].parts)
    m.model.Add(under == 0)
    before = lp_bound(m.model)
    clone = m.model.Clone()
    added = divisibility_cuts(m, clone)
    assert {name for name, *_ in added} >= {"fair_holidays"}  # 7 holiday shifts cannot be shared by 11
    assert lp_bound(clone) > before
    assert lp_bound(m.model) == before  # the original model is untouched
