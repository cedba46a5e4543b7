"""Property: over random small scenarios every solver roster is validator-clean except coverage shortfalls
the solver itself reported (each validator coverage violation overlaps a reported Shortfall)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roster.model import (
    Approval,
    DateRange,
    DemandRule,
    History,
    Leave,
    Protected,
    ProtectedKind,
    Rules,
    Scenario,
    Shift,
    Staff,
    Unavailable,
)
from solver.api import SolveOptions, solve

validator = pytest.importorskip("roster.validator")

START = dt.date(2026, 6, 15)  # 端午 (06-19) inside some windows; mid-month start exercises history overtime
SHIFTS = (
    Shift("D", "白班", 8 * 60, 8),
    Shift("E", "中班", 16 * 60, 8),
    Shift("N", "夜班", 0, 8),
    Shift("G", "行政班", 9 * 60, 9, 60),
    Shift("B", "长夜班", 20 * 60, 12),
    Shift("L", "长夜班（含 1 小时休息）", 20 * 60, 12, 60),  # 11 h paid, the break pro rata on both dates
)


@st.composite
def scenarios(draw):
    days = draw(st.integers(3, 7))
    n = draw(st.integers(2, 5))
    staff = []
    for i in range(n):
        leave = ()
        if draw(st.booleans()):
            a = draw(st.integers(0, days - 1))
            b = draw(st.integers(a, days - 1))
            leave = (Leave(DateRange(START + dt.timedelta(days=a), START + dt.timedelta(days=b))),)
        protected = ()
        if draw(st.integers(0, 3)) == 0:
            a = draw(st.integers(-2, days - 1))
            protected = (Protected(draw(st.sampled_from(list(ProtectedKind))),
                                   DateRange(START + dt.timedelta(days=a), START + dt.timedelta(days=a + 3))),)
        away = ()
        if draw(st.integers(0, 2)) == 0:  # an unavailable time, possibly crossing midnight, on some weekdays
            a, b = draw(st.integers(-1, days - 1)), draw(st.integers(0, 47)) * 30
            away = (Unavailable(DateRange(START + dt.timedelta(days=a), START + dt.timedelta(days=days)),
                                b, (b + draw(st.integers(1, 47)) * 30) % 1440,
                                tuple(sorted(draw(st.sets(st.integers(1, 7), max_size=4))))),)
        staff.append(Staff(id=f"p{i}", name=f"员工{i}", skills=("审核",) if draw(st.booleans()) else (),
                           night_ok=draw(st.booleans()), overtime_ok=draw(st.booleans()),
                           weekly_hours=draw(st.sampled_from([40, 40, 40, 24])),
                           leave=leave, protected=protected, unavailable=away))
    demand = []
    for _ in range(draw(st.integers(1, 4))):
        a = draw(st.integers(0, 23))
        b = draw(st.integers(a + 1, 24))
        demand.append(DemandRule(draw(st.sampled_from(["all", "workday", "restday", "holiday"])), a * 60, b * 60,
                                 draw(st.integers(1, 3)), draw(st.sampled_from([None, None, "审核"]))))
    history = {}
    if draw(st.booleans()):
        hours_before = draw(st.integers(0, 20))
        history["p0"] = History(last_shift_end=dt.datetime.combine(START, dt.time()) - dt.timedelta(hours=hours_before),
                                consecutive_days=draw(st.integers(0, 5)),
                                # 35 h: more than the pro-rata share, within the monthly cap (no room left)
                                overtime_minutes_month=draw(st.sampled_from([0, 0, 120, 600, 2100])))
    rules = Rules(min_rest_hours=draw(st.sampled_from([8, 11, 12])),
                  working_time_system=draw(st.sampled_from(["comprehensive", "standard"])),
                  settlement_period=draw(st.sampled_from(["week", "month", "quarter", "year"])),
                  standard_hours_method=draw(st.sampled_from(["calendar", "average"])),
                  holiday_hours_in_period_total=draw(st.booleans()),
                  max_consecutive_days=draw(st.integers(2, 6)),
                  min_rest_days_per_week=draw(st.integers(0, 2)),
                  max_overtime_hours_per_month=draw(st.sampled_from([0, 8, 36])),
                  # none (→ the standard fallback), valid over the period, or ending inside it
                  approval=draw(st.sampled_from([Approval(), Approval("审批", dt.date(2026, 1, 1), dt.date(2027, 12, 31)),
                                                 Approval("审批", dt.date(2026, 1, 1), START + dt.timedelta(days=2))])))
    # D/E/N always (so demand is mostly coverable and rules, not missing templates, decide); G/B sometimes
    shifts = SHIFTS[:3] + tuple(draw(st.lists(st.sampled_from(SHIFTS[3:]), max_size=2, unique_by=lambda s: s.code)))
    return Scenario(rules=rules, shifts=shifts, demand=tuple(demand), staff=tuple(staff), history=history), days


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_solver_rosters_pass_the_validator(case):
    sc, days = case
    res = solve(sc, START, days, SolveOptions(time_limit=2))
    if res.status == "INFEASIBLE":
        # only history can make a lock-free scenario infeasible; it must be explained
        assert res.infeasible_reason
        return
    assert res.status in ("OPTIMAL", "FEASIBLE")
    for v in validator.check(sc, res.roster):
        if v.rule == "coverage":
            assert any(s.start < v.end and v.start < s.end for s in res.shortfalls), v.message
        else:
            pytest.fail(f"{v.rule}: {v.message}")


@st.composite
def settled_across_months(draw):
    """Short periods across a month end inside one quarter (Jul/Aug) or across a quarter/year end (Sep/Oct with
    the National Day holidays, Dec/Jan), under a 综合 quarter/year settlement that nets its months."""
    start = draw(st.sampled_from([dt.date(2026, 7, 25), dt.date(2026, 9, 25), dt.date(2026, 12, 25)]))
    days = draw(st.integers(8, 14))
    staff = []
    for i in range(draw(st.integers(1, 3))):
        protected = ()
        if draw(st.booleans()):
            a = start + dt.timedelta(days=draw(st.integers(0, days)))
            protected = (Protected(ProtectedKind.NURSING, DateRange(a, a + dt.timedelta(days=draw(st.integers(0, 20))))),)
        staff.append(Staff(id=f"p{i}", name=f"员工{i}", overtime_ok=draw(st.booleans()), protected=protected,
                           weekly_hours=draw(st.sampled_from([40, 40, 24]))))
    demand = [DemandRule("all", a * 60, (a + 8) * 60, draw(st.integers(1, 2)))
              for a in draw(st.lists(st.sampled_from([0, 8, 16]), min_size=1, max_size=3, unique=True))]
    history = {}
    if draw(st.booleans()):
        history["p0"] = History(last_shift_end=dt.datetime.combine(start, dt.time()) - dt.timedelta(hours=14),
                                overtime_minutes_month=draw(st.sampled_from([0, 600, 2100])))
    rules = Rules(settlement_period=draw(st.sampled_from(["quarter", "year"])),
                  approval=Approval("审批", dt.date(2026, 1, 1), dt.date(2027, 12, 31)))
    return Scenario(rules=rules, shifts=SHIFTS[:3] + SHIFTS[4:5], demand=tuple(demand), staff=tuple(staff),
                    history=history), start, days


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(settled_across_months())
def test_solver_rosters_pass_the_validator_across_months_of_a_settlement(case):
    sc, start, days = case
    res = solve(sc, start, days, SolveOptions(time_limit=2))
    assert res.status in ("OPTIMAL", "FEASIBLE"), res.infeasible_reason
    for v in validator.check(sc, res.roster):
        if v.rule == "coverage":
            assert any(s.start < v.end and v.start < s.end for s in res.shortfalls), v.message
        else:
            pytest.fail(f"{v.rule}: {v.message}")
