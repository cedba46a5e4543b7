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
from solver.cuts import cut_rows, divisibility_cuts
from solver.lp_bound import BackgroundBound, LinearRelaxation, lp_bound
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


def _absorb_model(n: int, k: int, slots: int, need: int, coef: int, consts: list[int], outside_consts: list[int],
                  over_cost: int, outside_weight: int):
    """A group of n people plus k outsiders (their own spread group when k ≥ 2, else a lone person) sharing
    ``need`` tasks; minimise spread(group) + outside_weight·spread(outsiders) + over_cost·extra tasks."""
    model = cp_model.CpModel()
    people = n + k
    x = [[model.NewBoolVar(f"x{p}_{i}") for i in range(slots)] for p in range(people)]
    all_consts = consts[:n] + outside_consts[:k]
    values = {p: ([(coef, v) for v in x[p]], all_consts[p]) for p in range(people)}
    groups, objective = [], []
    for members, weight in ((list(range(n)), 1), (list(range(n, people)), outside_weight)):
        if len(members) < 2:
            continue
        top = max(all_consts) + coef * slots
        hi, lo = model.NewIntVar(0, top, f"hi{len(groups)}"), model.NewIntVar(0, top, f"lo{len(groups)}")
        for p in members:
            e = coef * sum(x[p]) + all_consts[p]
            model.Add(hi >= e)
            model.Add(lo <= e)
        groups.append(SpreadGroup("fair", weight, [(p, *values[p]) for p in members], hi, lo))
        objective.append(weight * (hi - lo))
    total_tasks = sum(sum(row) for row in x)
    model.Add(total_tasks >= need)
    model.Minimize(sum(objective) + over_cost * (total_tasks - need))
    return SimpleNamespace(model=model, spread_groups=groups, spread_values={"fair": values}, x=x)


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 4), st.integers(1, 3), st.integers(1, 4), st.integers(0, 16), st.integers(1, 3),
       st.lists(st.integers(0, 5), min_size=4, max_size=4), st.lists(st.integers(0, 5), min_size=3, max_size=3),
       st.integers(0, 4), st.integers(0, 3))
def test_absorb_cuts_never_change_the_integer_optimum(n, k, slots, need, coef, consts, outside, over_cost, ow):
    need = min(need, (n + k) * slots)
    args = (n, k, slots, need, coef, consts, outside, over_cost, ow)
    plain, cut = _absorb_model(*args), _absorb_model(*args)
    divisibility_cuts(cut)
    assert _optimum(cut.model) == _optimum(plain.model)
    assert (lp_bound(cut.model) or 0) <= _optimum(plain.model)


def test_absorb_cut_sees_the_remainder_must_go_somewhere():
    # 3 people, 4 tasks; a lone outsider could take the 4th but then pays 5 for an extra... here nothing
    # outside the group costs anything, so the spread can be 0 (1 task each + 1 outside): the cut stays valid
    free = _absorb_model(3, 1, 3, 4, 1, [0, 0, 0], [0], over_cost=5, outside_weight=0)
    divisibility_cuts(free)
    assert _optimum(free.model) == 0 and (lp_bound(free.model) or 0) == 0
    # two outsiders in their own group, one of whom cannot take tasks (like a night-blocked colleague beside
    # one who may still take nights): the 4th task outside costs their spread (weight 3) → optimum 1
    m = _absorb_model(3, 2, 3, 4, 1, [0, 0, 0], [0, 0], over_cost=5, outside_weight=3)
    m.model.Add(sum(m.x[4]) == 0)
    assert lp_bound(m.model) == 0
    added = divisibility_cuts(m)
    assert ("fair+", 4, 6, 1) in added
    assert lp_bound(m.model) >= 1
    assert _optimum(m.model) == 1


def test_sample_month_bound_rises_with_the_cuts():
    m = build(sample_scenario(), dt.date(2026, 6, 1), 28)
    under = sum(c * u for c, u in m.terms["under_cover"].parts)
    m.model.Add(under == 0)
    before = lp_bound(m.model)
    clone = m.model.Clone()
    added = divisibility_cuts(m, clone)
    names = {name for name, *_ in added}
    assert names >= {"fair_holidays", "fair_nights+"}  # 7 holiday shifts cannot be shared by 11; nor can 56 nights
    assert lp_bound(clone) > before
    assert lp_bound(m.model) == before  # the original model is untouched


def test_background_bound_adds_the_cuts_on_its_thread():
    m = _group_model(3, 3, 4, 1, [0, 0, 0], over_cost=5)
    assert BackgroundBound(m.model).result() == 0
    seen = []
    bg = BackgroundBound(m.model, on_done=seen.append, cuts=lambda relax, stop: cut_rows(m, relax, stop))
    assert bg.result() == seen[0] >= 1
    assert lp_bound(m.model) == 0  # the cuts went into the thread's relaxation only


def test_cut_rows_stop_before_any_lp():
    m = _group_model(3, 3, 4, 1, [0, 0, 0], over_cost=5)
    assert cut_rows(m, LinearRelaxation(m.model), stop=lambda: True) == []


def test_a_row_over_a_negated_literal_keeps_its_meaning():
    model = cp_model.CpModel()
    x = model.NewBoolVar("x")
    y = model.NewIntVar(0, 10, "y")
    model.Minimize(y)
    relax = LinearRelaxation(model)
    relax.add_row([(1, y), (-4, ~x)], 0)  # y ≥ 4·(1 − x), with x ≤ 0 below: y ≥ 4
    model.Add(x == 0)
    relax2 = LinearRelaxation(model)
    relax2.add_row([(1, y), (-4, ~x)], 0)
    assert relax.minimise([(1, y)]) == 0  # x free: x = 1 lifts the row
    assert relax2.minimise([(1, y)]) == 4
