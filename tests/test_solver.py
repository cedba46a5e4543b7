"""Solver core: each hard rule binds in a small scenario (satisfied / just / far), every roster passes the
independent validator, locks, carry-over, determinism, cancel, and the sample team."""

from __future__ import annotations

import datetime as dt
import threading
import time
from dataclasses import replace

import pytest

from roster.model import (
    Approval,
    DateRange,
    DemandRule,
    History,
    Leave,
    Lock,
    Protected,
    ProtectedKind,
    Rules,
    Scenario,
    Shift,
    Staff,
)
from roster.sample import sample_scenario
from solver.api import CancelToken, SolveOptions, solve

validator = pytest.importorskip("roster.validator")

D0 = dt.date(2026, 6, 1)  # a Monday, no holiday in the first two weeks of June 2026
SHIFTS = (
    Shift("D", "白班", 8 * 60, 8),
    Shift("E", "中班", 16 * 60, 8),
    Shift("N", "夜班", 0, 8),
)
FAST = SolveOptions(time_limit=5, workers=2)
APPROVED = Approval("测试审批", dt.date(2000, 1, 1), dt.date(2099, 12, 31))  # 综合 needs a valid approval, else standard applies
NO_OT = Rules(disabled=frozenset({"overtime_cap"}), approval=APPROVED)  # isolate the rule under test from the pro-rata overtime cap


def team(n: int, **kw) -> tuple[Staff, ...]:
    return tuple(Staff(id=f"p{i}", name=f"员工{i}", **kw) for i in range(n))


def scen(staff, demand, rules: Rules | None = None, shifts=SHIFTS, **kw) -> Scenario:
    return Scenario(rules=rules or Rules(), shifts=shifts, demand=tuple(demand), staff=tuple(staff), **kw)


def non_coverage(sc: Scenario, roster) -> list:
    return [v for v in validator.check(sc, roster) if v.rule != "coverage"]


def assert_clean(sc: Scenario, res) -> None:
    assert res.status in ("OPTIMAL", "FEASIBLE"), res.infeasible_reason
    bad = non_coverage(sc, res.roster)
    assert not bad, [v.message for v in bad]
    for v in validator.check(sc, res.roster):
        if v.rule == "coverage":
            assert any(s.start < v.end and v.start < s.end for s in res.shortfalls), v.message


def missing(res) -> int:
    return sum(s.missing * (s.end - s.start).total_seconds() / 1800 for s in res.shortfalls)


# ------------------------------------------------------------------ rules, each in three cases


@pytest.mark.parametrize(
    "rest_hours, short",
    [(8, False), (8.5, True), (12, True)],  # satisfied / just violated / far violated
)
def test_min_rest_between_shifts_binds(rest_hours, short):
    # one person must work D on day 0 (ends 16:00) and N on day 1 (starts 00:00): 8 h rest
    sc = scen(
        team(1),
        [DemandRule(D0.isoformat(), 8 * 60, 16 * 60, 1), DemandRule((D0 + dt.timedelta(days=1)).isoformat(), 0, 8 * 60, 1)],
        Rules(min_rest_hours=rest_hours),
    )
    res = solve(sc, D0, 2, FAST)
    assert_clean(sc, res)
    assert (missing(res) > 0) == short


def test_min_rest_far_violation_is_never_made():
    # E then N straight after (0 h rest): needs two people; with one, one of the shifts is short
    sc = scen(
        team(1),
        [DemandRule(D0.isoformat(), 16 * 60, 24 * 60, 1), DemandRule((D0 + dt.timedelta(days=1)).isoformat(), 0, 8 * 60, 1)],
    )
    res = solve(sc, D0, 2, FAST)
    assert_clean(sc, res)
    assert missing(res) == 16
    res2 = solve(replace(sc, staff=team(2)), D0, 2, FAST)
    assert missing(res2) == 0


@pytest.mark.parametrize("days, short_slots", [(6, 0), (7, 16), (10, 16)])
def test_max_consecutive_days_binds(days, short_slots):
    # one person, D needed every day; 6 in a row allowed, the 7th is short; 10 days: weekly rest also bites
    sc = scen(team(1), [DemandRule("all", 8 * 60, 16 * 60, 1)], NO_OT)
    res = solve(sc, D0, days, FAST)
    assert_clean(sc, res)
    if days == 10:
        assert missing(res) >= 16
    else:
        assert missing(res) == short_slots


@pytest.mark.parametrize("rest_days, short_slots", [(1, 16), (2, 32), (3, 48)])
def test_weekly_rest_day_binds(rest_days, short_slots):
    sc = scen(team(1), [DemandRule("all", 8 * 60, 16 * 60, 1)], replace(NO_OT, min_rest_days_per_week=rest_days))
    res = solve(sc, D0, 7, FAST)
    assert_clean(sc, res)
    assert missing(res) == short_slots


@pytest.mark.parametrize("before, short_slots", [(0, 0), (3, 16), (6, 16)])
def test_history_consecutive_days_prefix(before, short_slots):
    # 4 days of D demand; a run of 3 before the start makes 7 in a row (one day short); 6 before: day 0 must rest
    sc = scen(team(1), [DemandRule("all", 8 * 60, 16 * 60, 1)], NO_OT, history={"p0": History(consecutive_days=before)})
    res = solve(sc, D0, 4, FAST)
    assert_clean(sc, res)
    assert missing(res) == short_slots
    if before == 6:
        assert all(a.date != D0 for a in res.roster.assignments)


@pytest.mark.parametrize("cap, hours, allowed", [(12, 12, True), (11, 12, False), (8, 12, False)])
def test_max_daily_hours_binds(cap, hours, allowed):
    shifts = (Shift("A", "长白班", 8 * 60, hours),)
    sc = scen(team(1), [DemandRule(D0.isoformat(), 8 * 60, 20 * 60, 1)], replace(NO_OT, max_daily_hours=cap), shifts=shifts)
    res = solve(sc, D0, 1, FAST)
    assert_clean(sc, res)
    assert (missing(res) == 0) == allowed


def test_standard_system_allows_12h_span_with_1h_unpaid_break():
    # 08:00–20:00 with a 1 h unpaid break: 11 paid hours, the standard system's daily cap (labour-law §4:
    # "total shift ≤ 11 h excluding unpaid breaks") — the shift may be used on every date of its span
    shifts = (Shift("A", "长白班", 8 * 60, 12, 60),)
    # (a monthly overtime cap of 90 h leaves this one-day period 3 h pro rata: room for the shift's 3 extended hours)
    rules = Rules(working_time_system="standard", max_overtime_hours_per_month=90)
    sc = scen(team(1), [DemandRule(D0.isoformat(), 8 * 60, 20 * 60, 1)], rules, shifts=shifts)
    res = solve(sc, D0, 1, FAST)
    assert_clean(sc, res)
    assert missing(res) == 0


def test_standard_system_caps_day_at_11h():
    shifts = (Shift("A", "长白班", 8 * 60, 12),)
    sc = scen(team(1), [DemandRule(D0.isoformat(), 8 * 60, 20 * 60, 1)], Rules(working_time_system="standard"), shifts=shifts)
    res = solve(sc, D0, 1, FAST)
    assert_clean(sc, res)
    assert missing(res) == 24


@pytest.mark.parametrize("ot_hours, max_shifts", [(36, None), (8, None), (0, None)])
def test_overtime_cap_binds(ot_hours, max_shifts):
    # 14 days (June 1–14: 10 workdays → 80 h standard); D demanded every day, weekly rest allows 12 shifts = 96 h
    sc = scen(team(1), [DemandRule("all", 8 * 60, 16 * 60, 1)], Rules(max_overtime_hours_per_month=ot_hours))
    res = solve(sc, D0, 14, FAST)
    assert_clean(sc, res)
    cap = int(ot_hours * 60 * 14 / 30)
    worked = len(res.roster.assignments) * 480
    assert worked <= 80 * 60 + cap
    assert worked > 80 * 60 + cap - 480  # the cap is what binds, not something else
    if ot_hours == 36:
        assert len(res.roster.assignments) == 12


def test_protected_pregnant_no_overtime_no_night():
    p = Staff(id="p0", name="孕", protected=(Protected(ProtectedKind.PREGNANT_7M, DateRange(D0, D0 + dt.timedelta(days=30))),))
    sc = scen([p], [DemandRule("all", 0, 24 * 60, 1)])
    res = solve(sc, D0, 14, FAST)
    assert_clean(sc, res)
    assert {a.shift for a in res.roster.assignments} <= {"D"}  # E touches 22:00–24:00, N is night
    assert len(res.roster.assignments) <= 10  # no overtime: 10 workdays × 8 h


@pytest.mark.parametrize("kind, long_allowed", [(ProtectedKind.NURSING, False), (ProtectedKind.PREGNANT_7M, False),
                                               (ProtectedKind.MINOR, True)])
def test_protected_staff_get_no_shift_longer_than_the_standard_day(kind, long_allowed):
    # only an 11 h paid day shift exists; the 08–19 demand can be met only by extending the working day
    shifts = (Shift("A", "长白班", 8 * 60, 12, 60),)
    p = Staff(id="p0", name="甲", protected=(Protected(kind, DateRange(D0, D0 + dt.timedelta(days=30))),))
    sc = scen([p], [DemandRule(D0.isoformat(), 8 * 60, 19 * 60, 1)], NO_OT, shifts=shifts)
    res = solve(sc, D0, 1, FAST)
    assert_clean(sc, res)
    assert (missing(res) == 0) == long_allowed


@pytest.mark.parametrize("night_ok", [True, False])
def test_night_work_ban(night_ok):
    sc = scen(team(1, night_ok=night_ok), [DemandRule("all", 0, 8 * 60, 1)])
    res = solve(sc, D0, 2, FAST)
    assert_clean(sc, res)
    assert (missing(res) == 0) == night_ok


def test_approved_leave_and_employment_dates():
    people = (
        Staff(id="p0", name="甲", leave=(Leave(DateRange(D0 + dt.timedelta(days=1), D0 + dt.timedelta(days=1))),)),
        Staff(id="p1", name="乙", hire_date=D0 + dt.timedelta(days=2)),
    )
    sc = scen(people, [DemandRule("all", 8 * 60, 16 * 60, 1)])
    res = solve(sc, D0, 3, FAST)
    assert_clean(sc, res)
    got = {(a.staff, a.date) for a in res.roster.assignments}
    assert ("p0", D0 + dt.timedelta(days=1)) not in got
    assert not any(s == "p1" and d < D0 + dt.timedelta(days=2) for s, d in got)
    assert missing(res) == 16  # day 1: p0 on leave, p1 not hired yet


def test_skill_demand_and_shift_skills():
    shifts = SHIFTS + (Shift("R", "审核班", 9 * 60, 8, 0, ("审核",)),)
    people = (Staff(id="p0", name="甲", skills=("审核",)), Staff(id="p1", name="乙"))
    sc = scen(people, [DemandRule("all", 9 * 60, 16 * 60, 1, "审核"), DemandRule("all", 9 * 60, 16 * 60, 2)], shifts=shifts)
    res = solve(sc, D0, 2, FAST)
    assert_clean(sc, res)
    assert all(a.staff == "p0" for a in res.roster.assignments if a.shift == "R")
    assert missing(res) == 0


# ------------------------------------------------------------------ carry-over, locks


def test_carry_over_prevents_rest_violation_at_period_start():
    demand = [DemandRule(D0.isoformat(), 0, 8 * 60, 1)]
    sc = scen(team(1), demand)
    assert missing(solve(sc, D0, 1, FAST)) == 0
    late = dt.datetime.combine(D0, dt.time()) - dt.timedelta(hours=2)  # previous shift ended 22:00
    sc2 = replace(sc, history={"p0": History(last_shift_end=late, consecutive_days=1)})
    res = solve(sc2, D0, 1, FAST)
    assert_clean(sc2, res)
    assert missing(res) == 16


def test_locked_cells_stay_put():
    sc = sample_scenario()
    locks = (Lock("s01", D0 + dt.timedelta(days=2), "N"), Lock("s04", D0 + dt.timedelta(days=3), "OFF"),
             Lock("s07", D0, "G"))
    sc = replace(sc, locked=locks)
    res = solve(sc, D0, 7, SolveOptions(time_limit=4))
    assert_clean(sc, res)
    cells = {(a.staff, a.date): a.shift for a in res.roster.assignments}
    assert cells[("s01", D0 + dt.timedelta(days=2))] == "N"
    assert ("s04", D0 + dt.timedelta(days=3)) not in cells
    assert cells[("s07", D0)] == "G"


def _has_cjk_words(text: str) -> bool:
    """Chinese outside people's names (员工0 / 甲 are names in these tests)."""
    import re

    rest = re.sub(r"员工\d+|[甲乙丙]", "", text)
    return any("\u4e00" <= ch <= "\u9fff" for ch in rest)


def test_lock_on_forbidden_cell_is_infeasible_and_named():
    sc = replace(sample_scenario(), locked=(Lock("s11", D0, "N"),))  # s11 may not work nights
    res = solve(sc, D0, 7, SolveOptions(time_limit=4))
    assert res.status == "INFEASIBLE"
    assert "s11" in res.infeasible_reason and "禁止夜班" in res.infeasible_reason and "请解除该锁定" in res.infeasible_reason
    # sweep #14 F6: her own setting is the cause, not the pregnancy/nursing/minor rules
    assert "员工设置：不安排夜班" in res.infeasible_reason and "PG-0" not in res.infeasible_reason
    en = res.infeasible_reason_en
    assert "'Night-work ban' (employee setting: no nights)" in en and "may not work in the night window" in en


def test_lock_on_a_night_with_two_causes_cites_both_in_either_language():
    # review of session 15: pregnant and a minor at once left the joined source untranslated in English
    from roster.model import DateRange, Protected, ProtectedKind

    span = DateRange(D0, D0 + dt.timedelta(days=30))
    s05 = next(p for p in sample_scenario().staff if p.id == "s05")
    both = replace(s05, night_ok=False, protected=(Protected(ProtectedKind.PREGNANT_7M, span),
                                                   Protected(ProtectedKind.MINOR, span), Protected(ProtectedKind.MINOR, span)))
    sc = sample_scenario()
    sc = replace(sc, staff=tuple(both if p.id == "s05" else p for p in sc.staff), locked=(Lock("s05", D0, "N"),))
    res = solve(sc, D0, 7, SolveOptions(time_limit=4))
    assert res.status == "INFEASIBLE"
    assert "（怀孕 7 个月以上：PG-01 S5 第6条；未成年工：PG-07 政策；员工设置：不安排夜班）" in res.infeasible_reason
    assert ("(pregnant ≥ 7 months: PG-01 S5 Art. 6; minor: PG-07 policy; employee setting: no nights)"
            in res.infeasible_reason_en)


def test_lock_on_a_leave_day_cites_that_kind_of_leave():
    # review of session 15: a lock on a sick-leave day cited the maternity and annual-leave sources
    s08 = next(p for p in sample_scenario().staff if p.id == "s08")  # sick leave 06-22 … 06-23
    sc = replace(sample_scenario(), locked=(Lock("s08", s08.leave[0].period.start, "D"),))
    res = solve(sc, dt.date(2026, 6, 22), 7, SolveOptions(time_limit=4))
    assert res.status == "INFEASIBLE"
    assert "“请假期间不排班”（经批准的请假（SPEC §2.2））" in res.infeasible_reason and "PG-03" not in res.infeasible_reason
    assert "'No work on approved leave' (approved leave (SPEC §2.2))" in res.infeasible_reason_en


def test_lock_on_a_protected_night_cites_the_protection_it_breaks():
    from roster.model import DateRange, Protected, ProtectedKind

    s05 = next(p for p in sample_scenario().staff if p.id == "s05")
    nursing = replace(s05, protected=(Protected(ProtectedKind.NURSING, DateRange(D0, D0 + dt.timedelta(days=30))),))
    sc = sample_scenario()
    sc = replace(sc, staff=tuple(nursing if p.id == "s05" else p for p in sc.staff), locked=(Lock("s05", D0, "N"),))
    res = solve(sc, D0, 7, SolveOptions(time_limit=4))
    assert res.status == "INFEASIBLE"
    assert "哺乳期：PG-02 S5 第9条" in res.infeasible_reason and "PG-01" not in res.infeasible_reason


def test_conflicting_locks_are_named_by_the_core():
    sc = scen(team(2), [DemandRule("all", 8 * 60, 16 * 60, 1)],
              locked=(Lock("p0", D0, "E"), Lock("p0", D0 + dt.timedelta(days=1), "N"), Lock("p1", D0, "D")))
    res = solve(sc, D0, 3, FAST)
    assert res.status == "INFEASIBLE"
    assert "p0" in res.infeasible_reason and "E" in res.infeasible_reason and "N" in res.infeasible_reason
    assert "p1" not in res.infeasible_reason  # the core is minimised: p1's lock is not part of the conflict
    # named by person, the one rule that forbids it (E ends 24:00, N starts 00:00) and the fix (review finding)
    assert "员工0（p0）" in res.infeasible_reason
    assert "“班间最短休息”" in res.infeasible_reason and "连续工作天数" not in res.infeasible_reason
    assert "请解除其中一个锁定" in res.infeasible_reason
    en = res.infeasible_reason_en  # sweep #14 F4: English available
    assert "员工0 (p0)" in en and "'Minimum rest between shifts'" in en and "Remove one of them" in en and not _has_cjk_words(en)


def test_a_lock_that_history_forbids_is_explained_as_one_lock_with_both_rules():
    sc = scen(team(2), [DemandRule("all", 8 * 60, 16 * 60, 1)], NO_OT,
              history={"p0": History(consecutive_days=6)}, locked=(Lock("p0", D0, "D"),))
    res = solve(sc, D0, 5, FAST)
    assert res.status == "INFEASIBLE"
    reason = res.infeasible_reason
    assert reason.startswith("锁定的班次 员工0（p0）") and "至少一个" not in reason
    assert "“连续工作天数”" in reason and "“每周休息日”" in reason  # neither alone: the pair is named
    en = res.infeasible_reason_en
    assert en.startswith("the locked cell 员工0 (p0)") and "'Maximum consecutive working days'" in en and not _has_cjk_words(en)


def test_two_locks_on_one_cell_name_the_one_shift_rule():
    sc = scen(team(2), [DemandRule("all", 8 * 60, 16 * 60, 1)], NO_OT, locked=(Lock("p0", D0, "D"), Lock("p0", D0, "E")))
    res = solve(sc, D0, 3, FAST)
    assert res.status == "INFEASIBLE" and "“每天一个班次”" in res.infeasible_reason and "D、E" in res.infeasible_reason


def test_history_explanation_survives_a_colon_in_the_staff_id():
    sc = scen((Staff("N:01", "甲"), Staff("p1", "乙")), [DemandRule("all", 8 * 60, 16 * 60, 1)], Rules(approval=APPROVED),
              history={"N:01": History(overtime_minutes_month=60 * 60)})
    res = solve(sc, dt.date(2026, 6, 10), 7, FAST)  # mid-month: the history's overtime is this month's
    assert res.status == "INFEASIBLE"
    assert "甲（N:01）的历史数据记录本结算期已加班 60.0 小时" in res.infeasible_reason
    assert "the history of 甲 (N:01) records 60.0 h of overtime" in res.infeasible_reason_en


def test_history_that_breaks_a_rule_is_explained_by_person_with_the_fix():
    sc = scen(team(2), [DemandRule("all", 8 * 60, 16 * 60, 1)], NO_OT,
              history={"p0": History(consecutive_days=9, last_shift_end=dt.datetime.combine(D0, dt.time(8)))})
    res = solve(sc, D0, 7, FAST)
    assert res.status == "INFEASIBLE"
    reason = res.infeasible_reason
    assert "（p0）的历史数据（连续工作 9 天" in reason and "p1" not in reason
    assert "“连续工作天数”" in reason and "请核对该员工的历史数据" in reason
    assert "max_consecutive_days" not in reason  # no raw rule ids
    en = res.infeasible_reason_en
    assert "(p0) — 9 consecutive days" in en and "'Maximum consecutive working days'" in en and not _has_cjk_words(en)


# ------------------------------------------------------------------ API behaviour


def test_same_seed_same_roster():
    sc = sample_scenario()
    opts = SolveOptions(time_limit=1, seed=7, deterministic=True)
    a = solve(sc, D0, 7, opts)
    b = solve(sc, D0, 7, opts)
    assert a.roster.assignments == b.roster.assignments
    assert a.objective == b.objective


def test_deterministic_default_improves_and_ignores_worker_count():
    # the default mode is deterministic: same roster whatever ``workers`` says or how loaded the machine is,
    # and its interleaved LNS improves well past the phase-1 roster (a single thread stayed at 7760 here)
    sc = sample_scenario()
    a = solve(sc, D0, 28, SolveOptions(time_limit=5, seed=0))
    b = solve(sc, D0, 28, SolveOptions(time_limit=5, seed=0, workers=1))
    assert SolveOptions().deterministic
    assert a.roster.assignments == b.roster.assignments
    assert a.objective == b.objective
    assert a.objective <= 5200
    assert_clean(sc, a)


def test_cancel_returns_best_so_far_within_a_second():
    sc = sample_scenario()
    token = CancelToken()
    seen = []
    cancelled_at = []

    def do_cancel():
        cancelled_at.append(time.perf_counter())
        token.cancel()

    def on_solution(roster):
        seen.append(roster)
        if len(seen) == 1:
            threading.Timer(0.3, do_cancel).start()

    t0 = time.perf_counter()
    res = solve(sc, D0, 28, SolveOptions(time_limit=60), on_solution=on_solution, cancel=token)
    end = time.perf_counter()
    assert seen, "no solution before cancel"
    assert cancelled_at
    assert end - cancelled_at[0] < 1.5  # 1 s target, slack for a loaded 2-core machine
    assert end - t0 < 30
    assert res.status == "FEASIBLE"
    assert res.roster.assignments
    assert_clean(sc, res)


@pytest.mark.parametrize("delay", [0.0, 0.02, 0.1])
def test_cancel_at_any_moment_stops(delay):
    # a cancel landing between the two phases (or before a Solve() has started) must not be lost
    sc = sample_scenario()
    token = CancelToken()
    t0 = time.perf_counter()
    threading.Timer(delay, token.cancel).start()
    res = solve(sc, D0, 28, SolveOptions(time_limit=60), cancel=token)
    assert time.perf_counter() - t0 < 8  # build + greedy + ≤ 1 s to stop
    assert res.status in ("FEASIBLE", "CANCELLED")


def test_progress_and_terms_reported():
    sc = sample_scenario()
    prog = []
    res = solve(sc, D0, 7, SolveOptions(time_limit=3), on_progress=prog.append)
    assert prog and all(p.elapsed >= 0 for p in prog)
    for key in ("under_cover", "over_cover", "overtime_150", "overtime_300", "fair_nights", "fair_hours", "wishes", "isolated_days"):
        assert key in res.terms
    assert res.roster.solver["terms"] == res.terms
    assert res.roster.solver["status"] == res.status
    w = res.roster.solver["weights"]
    assert res.objective == pytest.approx(sum(w[k] * v for k, v in res.terms.items() if w[k] > 0))


def test_changes_term_keeps_previous_plan():
    sc = sample_scenario()
    first = solve(sc, D0, 7, SolveOptions(time_limit=3))
    again = solve(sc, D0, 7, SolveOptions(time_limit=3, previous=first.roster))
    assert again.terms["changes"] <= 4


@pytest.mark.slow
def test_sample_28_days_full_cover():
    sc = sample_scenario()
    res = solve(sc, D0, 28, SolveOptions(time_limit=8))
    assert_clean(sc, res)
    assert res.terms["under_cover"] == 0
    assert not res.shortfalls
    assert res.first_solution_seconds is not None and res.first_solution_seconds < 5


def test_objective_equals_weighted_terms_with_shift_wish():
    from roster.model import Request

    people = (Staff(id="p0", name="甲", requests=(Request(D0, False, "N", 2),)), Staff(id="p1", name="乙"))
    sc = scen(people, [DemandRule("all", 8 * 60, 16 * 60, 1)], NO_OT)
    res = solve(sc, D0, 3, FAST)
    w = res.roster.solver["weights"]
    assert res.objective == pytest.approx(sum(w[k] * v for k, v in res.terms.items() if w[k] > 0))
    assert res.terms["wishes"] == 0  # p0 gets the night they asked for (nobody else needs it)
    assert any(a.staff == "p0" and a.date == D0 and a.shift == "N" for a in res.roster.assignments)


def test_rolling_has_no_seam_violations():
    from solver.rolling import solve_rolling

    sc = sample_scenario()
    res = solve_rolling(sc, D0, 21, SolveOptions(time_limit=2), chunk=5)
    assert [c[1] for c in res.roster.solver["chunks"]] == [5, 5, 5, 5, 1]
    assert_clean(sc, res)
    assert len({(a.staff, a.date) for a in res.roster.assignments}) == len(res.roster.assignments)


@pytest.mark.parametrize("chunk", [1, 2, 3])
def test_rolling_respects_incoming_history(chunk):
    from solver.rolling import solve_rolling

    # chunks shorter than the 7-day window: the incoming run must still be seen by later chunks
    sc = scen(team(1), [DemandRule("all", 8 * 60, 16 * 60, 1)], NO_OT, history={"p0": History(consecutive_days=5)})
    res = solve_rolling(sc, D0, 9, SolveOptions(time_limit=2), chunk=chunk)
    assert_clean(sc, res)
    worked = {a.date for a in res.roster.assignments}
    assert not {D0, D0 + dt.timedelta(days=1)} <= worked  # 5 before + 2 = 7 in a row
    assert len(worked) >= 7  # and it still works as much as the rules allow


def test_deterministic_mode_reports_a_real_lower_bound():
    """Deterministic search runs no LP; the reported bound comes from a seeded LP-bound solve and must be a
    valid, non-trivial lower bound (objective ≥ bound > 0 on the sample, which has forced holiday overtime)."""
    import datetime as dt

    from roster.sample import sample_scenario
    from solver.api import SolveOptions, solve

    res = solve(sample_scenario(), dt.date(2026, 6, 15), 7, SolveOptions(time_limit=4, seed=0))
    assert res.bound is not None and res.objective is not None
    assert 0 < res.bound <= res.objective + 1e-6
    assert res.gap < 1.0


@pytest.mark.parametrize("approval, covered", [(None, False), (APPROVED, True)])
def test_comprehensive_without_approval_is_planned_as_standard(approval, covered):
    # a 12 h day is legal under an approved 综合 system (cap 12) but not under the standard fallback (cap 11)
    shifts = (Shift("A", "长白班", 8 * 60, 12),)
    rules = Rules(disabled=frozenset({"overtime_cap"}), approval=approval or Approval())
    sc = scen(team(1), [DemandRule(D0.isoformat(), 8 * 60, 20 * 60, 1)], rules, shifts=shifts)
    res = solve(sc, D0, 1, FAST)
    assert_clean(sc, res)
    assert (missing(res) == 0) == covered
    warnings = res.roster.solver.get("warnings", [])
    assert bool([w for w in warnings if "标准工时制" in w]) != covered
    # the input alerts say the rest: the switched-off cap, and (standard: 11 h a day) that A is never planned
    assert any("overtime_cap" in w for w in warnings)
    assert any("班次 A" in w and "不会被排班" in w for w in warnings) != covered


@pytest.mark.parametrize("system, max_shifts", [("standard", 18), ("comprehensive", 20)])
def test_standard_system_caps_extended_daily_hours(system, max_shifts):
    # June 2026, only a 10 h day shift, demand every workday: under the standard system 2 h a day beyond the
    # standard day count toward the 36 h cap (18 days); an approved 综合 system settles the month's total instead
    # (21 workdays × 10 h = 210 h against 168 + 36 h: 20 days)
    shifts = (Shift("T", "长白班", 8 * 60, 10),)
    rules = Rules(working_time_system=system, approval=APPROVED)
    sc = scen(team(1), [DemandRule("workday", 8 * 60, 18 * 60, 1)], rules, shifts=shifts)
    res = solve(sc, D0, 30, FAST)
    assert_clean(sc, res)
    assert len(res.roster.assignments) == max_shifts


def test_wall_clock_guard_stops_a_search_the_machine_cannot_keep_up_with():
    # a progress callback that takes 1 s per improvement stands in for a heavily loaded machine: the
    # deterministic budget alone lets the 28-day search run ~9 s plus 1 s per improvement; the guard stops the
    # roster LNS at max(2.5 × limit, limit + 2 s) = 7.5 s here, and the result says so (sweep #9: silently)
    sc = sample_scenario()
    calls = []

    def slow(p):
        calls.append(p)
        time.sleep(1.0)

    t0 = time.perf_counter()
    res = solve(sc, D0, 28, SolveOptions(time_limit=3), on_progress=slow)
    wall = time.perf_counter() - t0
    assert res.status in ("FEASIBLE", "OPTIMAL") and res.roster.assignments
    assert len(calls) >= 4
    assert wall < 7.5 + 1.0 + 2.0, wall  # the guard, one callback in flight, the result assembly
    assert res.roster.solver["wall_clock_cutoff"] is True
    assert any("时钟保护" in w for w in res.roster.solver["warnings"])
    # the same warnings in English, one for one (the wall-clock one was a bilingual string)
    en = res.roster.solver["warnings_en"]
    assert len(en) == len(res.roster.solver["warnings"]) and "wall-clock guard" in en[-1]
    assert not any("\u4e00" <= ch <= "\u9fff" for w in en for ch in w)
    assert_clean(sc, res)
    quiet = solve(sc, D0, 7, SolveOptions(time_limit=1))  # no guard involved: no such flag or warning
    assert "wall_clock_cutoff" not in quiet.roster.solver
    assert not any("时钟保护" in w for w in quiet.roster.solver.get("warnings", ()))


def test_overtime_cap_also_binds_the_minutes_that_fall_in_the_next_month():
    # 10-29 .. 11-02, one person, demand for a 12 h night 10-31 20:00 → 11-01 08:00 and a day shift on 11-02.
    # By start date November holds only the day shift (8 h = its standard); by the minutes it also holds the
    # night's 8 morning hours: 16 h against 8 h + a 2.4 h cap — so one of the two must stay uncovered
    shifts = (Shift("B", "长夜班", 20 * 60, 12), Shift("D", "白班", 8 * 60, 8))
    start = dt.date(2026, 10, 29)
    demand = [DemandRule("2026-10-31", 20 * 60, 24 * 60, 1), DemandRule("2026-11-01", 0, 8 * 60, 1),
              DemandRule("2026-11-02", 8 * 60, 16 * 60, 1)]
    sc = scen(team(1), demand, Rules(approval=APPROVED), shifts=shifts)
    res = solve(sc, start, 5, FAST)
    assert_clean(sc, res)
    assert missing(res) > 0
    codes = {(a.date, a.shift) for a in res.roster.assignments}
    assert not ({(dt.date(2026, 10, 31), "B"), (dt.date(2026, 11, 2), "D")} <= codes)


@pytest.mark.parametrize("clash", ["rest", "consecutive"])
def test_rolling_chunk_plans_its_end_around_the_next_chunks_locks(clash):
    """HR audit (session 10): a 61-day Sep–Oct plan was INFEASIBLE, "these locks together…", because the September
    chunk did not know the locks of 1–3 October and ended someone's month in a way the locks could not follow.  A
    chunk now looks ahead to the next chunk's locks near the seam.  Here the first chunk has a reason to clash: p0
    wishes for the 16:00–24:00 E on its last day (rest before a locked 08:00 D is then 8 h) or for a run of six
    days up to it (seven in a row with the lock)."""
    from roster.model import Lock, Request
    from solver.rolling import solve_rolling

    last = D0 + dt.timedelta(days=6)
    if clash == "rest":
        wishes = (Request(last, False, "E", 5),)
    else:
        wishes = tuple(Request(last - dt.timedelta(days=k), False, "D", 5) for k in range(6))
    staff = (Staff("p0", "甲", requests=wishes),) + team(4)[1:]
    lock = Lock("p0", last + dt.timedelta(days=1), "D")
    sc = scen(staff, [DemandRule("all", 0, 24 * 60, 1)], NO_OT, locked=(lock,))
    res = solve_rolling(sc, D0, 14, SolveOptions(time_limit=2), chunk=7)
    assert_clean(sc, res)
    assert any(a.staff == "p0" and a.date == lock.date and a.shift == "D" for a in res.roster.assignments)
    assert [c[1] for c in res.roster.solver["chunks"]] == [7, 7]
    assert len(res.roster.assignments) == len({(a.staff, a.date) for a in res.roster.assignments})
    assert all(D0 <= a.date < D0 + dt.timedelta(days=14) for a in res.roster.assignments)


def test_rolling_lookahead_into_a_holiday_month_keeps_that_months_whole_cap():
    """The HR audit's case itself: a 20:00–08:00 night locked on 30 Sep (8 h into the 1 Oct holiday) and a day
    shift locked on 1 Oct for someone who wishes for the 30 Sep night.  The September chunk looks ahead to 1 Oct;
    that one October day must be capped as October inside the period (36 h), not 36 × 1/31 h — else the longer
    plan fails on the locked night and the chunk ends without knowing the 1 Oct lock."""
    from roster.model import Lock, Request
    from roster.sample import twelve_hour_shifts
    from solver.rolling import solve_rolling

    sep30, oct1 = dt.date(2026, 9, 30), dt.date(2026, 10, 1)
    staff = (Staff("p0", "甲"), Staff("p1", "乙", requests=(Request(sep30, False, "B", 20),))) + team(5)[2:]
    sc = scen(staff, [DemandRule("all", 0, 24 * 60, 1)], Rules(approval=APPROVED), shifts=twelve_hour_shifts(),
              locked=(Lock("p0", sep30, "B"), Lock("p1", oct1, "A")))
    # from 16 Sep: September's pro-rata cap (18 h) holds the night's 8 holiday hours (start-date reading)
    res = solve_rolling(sc, dt.date(2026, 9, 16), 46, SolveOptions(time_limit=2), chunk="month")
    assert_clean(sc, res)
    assert [c[1] for c in res.roster.solver["chunks"]] == [15, 31]
    got = {(a.staff, a.date): a.shift for a in res.roster.assignments}
    assert got[("p0", sep30)] == "B" and got[("p1", oct1)] == "A" and ("p1", sep30) not in got


@pytest.mark.parametrize("period", ["quarter", "year"])
def test_rolling_lookahead_month_does_not_lend_its_cap_to_the_chunk_under_quarter_settlement(period):
    """Review (session 10): July looking ahead to a lock on 1 Aug settled August's 36 h together with its own (one
    综合 quarter), kept that overtime after the cut, and the August chunk used its full cap again — 92 h against the
    72 h of the two months.  A month only looked into is settled on its own."""
    from roster.model import Lock, SettlementPeriod
    from roster.sample import twelve_hour_shifts
    from solver.rolling import solve_rolling

    rules = Rules(approval=APPROVED, settlement_period=SettlementPeriod(period))
    sc = scen(team(4), [DemandRule("all", 0, 24 * 60, 2)], rules, shifts=twelve_hour_shifts(),
              locked=(Lock("p0", dt.date(2026, 8, 1), "A"),))
    res = solve_rolling(sc, dt.date(2026, 7, 1), 62, SolveOptions(time_limit=3), chunk="month")
    assert_clean(sc, res)
    assert any(a.staff == "p0" and a.date == dt.date(2026, 8, 1) and a.shift == "A" for a in res.roster.assignments)


def test_a_chunk_planned_past_its_end_reports_its_own_objective():
    """Review (session 10): the longer plan's objective and terms counted the looked-ahead days twice (under-cover
    816 half-hours against the 768 the shortfalls list)."""
    from roster.model import Lock
    from solver.rolling import solve_rolling

    for locks in ((), (Lock("p0", D0 + dt.timedelta(days=7), "D"),)):
        sc = scen(team(3), [DemandRule("all", 0, 24 * 60, 2)], Rules(approval=APPROVED), locked=locks)
        res = solve_rolling(sc, D0, 14, SolveOptions(time_limit=2), chunk=7)
        assert res.terms["under_cover"] == missing(res)
        assert res.bound <= res.objective
        assert res.objective == pytest.approx(sum(sc.weight(k) * v for k, v in res.terms.items() if sc.weight(k) > 0))


def test_rolling_lookahead_into_golden_week_is_not_capped_on_the_days_it_sees():
    """Sweep #12: locks on 1–6 Oct (Golden Week: no workday among the days looked into) made the September chunk's
    longer plan "break the cap" — a standard of 0 h for those days against 48 h of locked shifts — so it was
    planned alone, gave p0 the 30 Sep shift p0 wished for and October could not follow (7 days in a row)."""
    from roster.model import Lock, Request
    from solver.rolling import solve_rolling

    sep30 = dt.date(2026, 9, 30)
    locks = tuple(Lock("p0", dt.date(2026, 10, d), "D") for d in range(1, 7))
    staff = (Staff("p0", "甲", requests=(Request(sep30, False, "D", 20),)),) + team(4)[1:]
    sc = scen(staff, [DemandRule("all", 8 * 60, 16 * 60, 1)], Rules(approval=APPROVED), locked=locks)
    res = solve_rolling(sc, dt.date(2026, 9, 16), 46, SolveOptions(time_limit=2), chunk="month")
    assert_clean(sc, res)
    got = {(a.staff, a.date): a.shift for a in res.roster.assignments}
    assert all(got.get((lk.staff, lk.date)) == "D" for lk in locks) and ("p0", sep30) not in got


def test_rolling_chunk_keeps_room_for_the_next_months_locked_hours():
    """Sweep #12: October's locks use all of p0's 36 h (15 × 12 h against a 144-h standard); a 20:00–08:00 night on
    30 Sep puts 8 h more into October — the September chunk, seeing no lock near the seam, planned it (p0 wished
    for it) and October had no legal roster."""
    from roster.model import Lock, Request
    from roster.sample import twelve_hour_shifts
    from solver.rolling import solve_rolling

    sep30 = dt.date(2026, 9, 30)
    days = [8, 9, 10, 12, 13, 14, 16, 17, 18, 20, 21, 22, 24, 25, 26]
    locks = tuple(Lock("p0", dt.date(2026, 10, d), "A") for d in days)
    staff = (Staff("p0", "甲", requests=(Request(sep30, False, "B", 20),)),) + team(5)[1:]
    sc = scen(staff, [DemandRule("all", 0, 24 * 60, 1)], Rules(approval=APPROVED), shifts=twelve_hour_shifts(),
              locked=locks)
    res = solve_rolling(sc, dt.date(2026, 9, 16), 46, SolveOptions(time_limit=2), chunk="month")
    assert_clean(sc, res)
    got = {(a.staff, a.date): a.shift for a in res.roster.assignments}
    assert all(got.get((lk.staff, lk.date)) == "A" for lk in locks) and got.get(("p0", sep30)) != "B"


def test_rolling_refusal_under_quarter_settlement_says_month_chunks_are_stricter():
    """Sweep #12: month by month each chunk keeps its own month's cap, stricter than the quarter's netted one; the
    refusal says so and names the way out (one model over the whole period)."""
    from roster.model import Lock, SettlementPeriod
    from roster.sample import twelve_hour_shifts
    from solver.rolling import solve_rolling

    nov = [dt.date(2026, 11, 2) + dt.timedelta(days=i) for i in range(27) if i % 3 != 2][:18]
    rules = Rules(approval=APPROVED, settlement_period=SettlementPeriod.QUARTER)
    sc = scen(team(3), [DemandRule("all", 8 * 60, 20 * 60, 1)], rules, shifts=twelve_hour_shifts(),
              locked=tuple(Lock("p0", d, "A") for d in nov))
    res = solve_rolling(sc, dt.date(2026, 10, 1), 61, SolveOptions(time_limit=2), chunk="month")
    assert res.status == "INFEASIBLE" and "--whole-period" in res.infeasible_reason
    monthly = replace(sc, rules=replace(rules, settlement_period=SettlementPeriod.MONTH))
    res = solve_rolling(monthly, dt.date(2026, 10, 1), 61, SolveOptions(time_limit=2), chunk="month")
    assert res.status == "INFEASIBLE" and "--whole-period" not in res.infeasible_reason


def test_rolling_infeasible_chunk_reports_reason_and_alert():
    # a 12 h shift locked while the approval (and so the 综合 system's 12 h daily cap) ends inside the period:
    # the whole period is planned under the standard system (11 h cap), the lock cannot hold
    from roster.model import Lock
    from solver.rolling import solve_rolling

    sc = sample_scenario()
    sc = replace(sc, rules=replace(sc.rules, approval=Approval("X", D0, D0 + dt.timedelta(days=6))),
                 shifts=sc.shifts + (Shift("A", "长白班", 8 * 60, 12),),
                 locked=(Lock(sc.staff[0].id, D0 + dt.timedelta(days=1), "A"),))
    res = solve_rolling(sc, D0, 14, SolveOptions(time_limit=2), chunk=7)
    assert res.status == "INFEASIBLE"
    info = res.roster.solver
    assert "每日工时上限" in info["infeasible_reason"] and any("标准工时制" in w for w in info["warnings"])
    # in English too, the chunk's dates in front once (sweep #14 F4)
    en = info["infeasible_reason_en"]
    assert en == res.infeasible_reason_en and en.startswith(f"{D0}–{D0 + dt.timedelta(days=6)}: The lock of ")
    assert "'Maximum daily hours' (OT-02 Labour Law Art. 41)" in en and en.count(str(D0)) == 1


def test_rolling_chunk_keeps_the_next_months_cap_for_its_last_night():
    """A 20:00–08:00 night on a chunk's last day puts 8 paid hours into the next month, which the validator
    measures inside the whole period (the minute reading).  When that month is a 3-day stub of holidays and a
    weekend (standard 0 h, cap 36 h × 3/31 = 3.48 h) the night breaks its cap: the December chunk must know."""
    from roster.sample import twelve_hour_shifts
    from solver.rolling import solve_rolling

    sc = replace(sample_scenario(), shifts=twelve_hour_shifts())
    start = dt.date(2026, 12, 1)
    res = solve_rolling(sc, start, 34, SolveOptions(time_limit=2), chunk="month")
    assert [c[1] for c in res.roster.solver["chunks"]] == [31, 3]
    assert [v.message for v in validator.check(sc, res.roster) if v.rule != "coverage"] == []
    assert not any(a.date == dt.date(2026, 12, 31) and a.shift == "B" for a in res.roster.assignments)


@pytest.mark.parametrize("in_total", [False, True])
def test_holiday_shift_goes_to_whoever_may_work_overtime(in_total):
    """19 June 2026 (Dragon Boat) is a statutory holiday: its hours are 300 % overtime whether or not they are
    also in the period total (labour-law §0: the cap counts 150 % and 300 % hours together), so a person who may
    not work overtime never gets it; the whole of June is planned so that the other's pro-rata cap is 36 h."""
    holiday = dt.date(2026, 6, 19)
    staff = (Staff("a", "甲", overtime_ok=False), Staff("b", "乙"))
    rules = Rules(holiday_hours_in_period_total=in_total, approval=APPROVED)
    sc = scen(staff, [DemandRule(holiday.isoformat(), 8 * 60, 16 * 60, 1)], rules)
    res = solve(sc, dt.date(2026, 6, 1), 30, FAST)
    assert_clean(sc, res)
    assert [(a.staff, a.date) for a in res.roster.assignments if a.date == holiday] == [("b", holiday)]


def test_symmetry_breaking_only_in_small_models():
    """Identical staff are ordered only where CP-SAT's tree search runs (≤ SMALL_MODEL shift variables); in larger
    models the LNS does better without the ordering (measured: 40 staff × 28 d 13894 → 13794)."""
    from solver.api import build
    from solver.model import SMALL_MODEL, identical_classes, symmetry_classes

    twins = scen(team(4), [DemandRule("all", 8 * 60, 16 * 60, 2)], NO_OT)
    small = build(twins, D0, 7)
    assert len(small.x) <= SMALL_MODEL and symmetry_classes(small) == identical_classes(small.inst) == [[0, 1, 2, 3]]
    large = build(twins, D0, 100)
    assert len(large.x) > SMALL_MODEL and identical_classes(large.inst) and symmetry_classes(large) == []


def test_standard_extension_check_agrees_with_validator_across_new_year():
    """Standard system, 10-h shifts: January's 15 day shifts are 30 h extended; a 22:00 night on 31 Dec puts 8 h on
    New Year's Day.  The extension check (劳动法 第41条) counts holiday hours by the shift's start date on both sides
    (a validator message change once made it count the spilled morning and reject the solver's roster)."""
    from roster.calendar import WorkCalendar
    from roster.model import OFF

    shifts = (Shift("D", "长白", 8 * 60, 10), Shift("N", "长夜", 22 * 60, 10))
    start, days = dt.date(2026, 12, 1), 62
    cal = WorkCalendar(())
    january = [dt.date(2027, 1, 1) + dt.timedelta(days=i) for i in range(31)]
    plan = {dt.date(2026, 12, 31): "N"} | {d: "D" for d in [d for d in january if cal.is_workday(d)][:15]}
    locks = tuple(Lock("p0", start + dt.timedelta(days=i), plan.get(start + dt.timedelta(days=i), OFF))
                  for i in range(days))
    sc = Scenario(rules=Rules(), shifts=shifts, demand=(DemandRule("all", 0, 24 * 60, 1),),
                  staff=(Staff("p0", "甲"),), locked=locks)
    res = solve(sc, start, days, SolveOptions(time_limit=1))
    assert res.status == "OPTIMAL"
    assert non_coverage(sc, res.roster) == []


def test_part_timer_on_leave_all_month_is_not_infeasible():
    """32 h a week with leave on every workday: 8 h of leave credit per workday exceeds the 6.4 h standard day, so
    the month's standard is clamped at 0 (as the validator does), not negative (which made the model infeasible)."""
    from roster.sample import twelve_hour_shifts

    leave = Leave(DateRange(dt.date(2026, 12, 20), dt.date(2027, 1, 31)))
    staff = (Staff("p0", "甲", weekly_hours=32, leave=(leave,)), Staff("p1", "乙"))
    sc = scen(staff, [DemandRule("all", 8 * 60, 20 * 60, 1)], Rules(approval=APPROVED), shifts=twelve_hour_shifts())
    res = solve(sc, dt.date(2027, 1, 1), 14, SolveOptions(time_limit=1))
    assert_clean(sc, res)


def test_short_rolling_chunk_does_not_hold_a_spilled_night_against_its_own_few_days():
    """Day-count chunks: a 20:00–08:00 night on 30 Sep spills 8 h into the 1 Oct holiday.  The September chunk checks
    it against October's part of the whole period; the 3-day October chunk must not count it again against its
    own 3 days' cap (3.48 h), which made it infeasible though the validator accepts the roster."""
    from roster.sample import twelve_hour_shifts
    from solver.rolling import solve_rolling

    sc = scen((Staff("p0", "甲"), Staff("p1", "乙")), [DemandRule("all", 0, 24 * 60, 1)], Rules(approval=APPROVED),
              shifts=twelve_hour_shifts(), locked=(Lock("p0", dt.date(2026, 9, 30), "B"),),
              history={"p0": History(overtime_minutes_month=60)})
    res = solve_rolling(sc, dt.date(2026, 9, 28), 12, SolveOptions(time_limit=1), chunk=3)
    assert_clean(sc, res)


def test_day_chunks_carry_a_spilled_night_into_the_next_months_overtime():
    """Day-count chunks (review of session 10): the 30 Sep 20:00–08:00 night puts 8 h into the 1 Oct holiday.  The
    September chunk checks them against October's cap, but the October chunks did not count them again (the
    history's month-to-date overtime read October by start date), so October reached 44 h against 36."""
    from roster.sample import twelve_hour_shifts
    from solver.rolling import solve_rolling

    sc = scen(team(3), [DemandRule("all", 0, 24 * 60, 2)], Rules(approval=APPROVED), shifts=twelve_hour_shifts(),
              locked=(Lock("p0", dt.date(2026, 9, 30), "B"),))
    res = solve_rolling(sc, dt.date(2026, 9, 24), 38, SolveOptions(time_limit=1, workers=1), chunk=7)
    assert [c[1] for c in res.roster.solver["chunks"]] == [7, 7, 7, 7, 7, 3]
    assert_clean(sc, res)


def test_rolling_chunk_names_a_lock_that_only_the_next_months_cap_forbids():
    """A lock on a 20:00–08:00 night on 31 Dec when the period ends on 3 Jan (January's cap 3.48 h): the December
    chunk is infeasible, and the lock diagnosis sees the whole period (horizon), so it names the lock."""
    from roster.sample import twelve_hour_shifts
    from solver.rolling import solve_rolling

    sc = scen((Staff("p0", "甲"), Staff("p1", "乙")), [DemandRule("all", 0, 24 * 60, 1)], Rules(approval=APPROVED),
              shifts=twelve_hour_shifts(), locked=(Lock("p0", dt.date(2026, 12, 31), "B"),))
    res = solve_rolling(sc, dt.date(2026, 12, 1), 34, SolveOptions(time_limit=1.5), chunk="month")
    assert res.status == "INFEASIBLE"
    assert "（p0）2026-12-31 B" in res.infeasible_reason and "“加班上限”" in res.infeasible_reason


@pytest.mark.parametrize("hist_hours, legal", [(20, True), (34, True), (36, True), (37, False)])
def test_history_overtime_within_the_monthly_cap_leaves_no_room_but_is_no_breach(hist_hours, legal):
    # 17–26 Aug: the pro-rata cap of days 1…26 is 36 × 26/31 = 30.2 h.  Overtime already worked this month is
    # lawful up to 36 h (OT-03): above 30.2 h the period adds none for that person, and the rest of the team is
    # planned as usual; only history above 36 h breaks the cap whatever the roster (no legal roster)
    start = dt.date(2026, 8, 17)
    staff = team(3)
    sc = scen(staff, [DemandRule("all", 8 * 60, 16 * 60, 1)], Rules(approval=APPROVED),
              history={"p0": History(overtime_minutes_month=hist_hours * 60)})
    res = solve(sc, start, 10, FAST)
    if not legal:
        assert res.status == "INFEASIBLE" and "p0" in (res.infeasible_reason or "")
        return
    assert_clean(sc, res)
    assert missing(res) == 0
    ctx = validator.CheckContext.build(sc, res.roster)
    part = validator.month_overtime(ctx, staff[0])[0]
    assert part.overtime - part.history <= max(0.0, 36 * 60 * 26 / 31 - hist_hours * 60) + 1e-6


@pytest.mark.parametrize("kind", ["protected_later", "overtime_not_ok"])
def test_history_overtime_of_someone_who_may_not_work_overtime_now_is_no_breach(kind):
    # 10 h of overtime on 1–14 July, lawful then; protection from 20 July (or overtime_ok = False now) gives the
    # period a cap of 0 for that person: no more overtime, but the team is planned (it was INFEASIBLE)
    start = dt.date(2026, 7, 15)
    p0 = Staff("p0", "甲", protected=(Protected(ProtectedKind.PREGNANT_7M, DateRange(dt.date(2026, 7, 20),
                                                                                     dt.date(2026, 9, 30))),)
               ) if kind == "protected_later" else Staff("p0", "甲", overtime_ok=False)
    staff = (p0,) + team(3)[1:]
    sc = scen(staff, [DemandRule("all", 8 * 60, 16 * 60, 1)], Rules(approval=APPROVED),
              history={"p0": History(overtime_minutes_month=600)})
    res = solve(sc, start, 10, FAST)
    assert_clean(sc, res)
    ctx = validator.CheckContext.build(sc, res.roster)
    part = validator.month_overtime(ctx, p0)[0]
    assert part.overtime - part.history <= 1e-6  # nothing added


def test_quarter_settlement_history_above_one_month_cap_is_averaged():
    # CH-07: 综合 quarter settlement averages 36 h a month, so 40 h in August so far is no breach by itself
    start = dt.date(2026, 8, 17)
    rules = Rules(approval=APPROVED, settlement_period="quarter")
    sc = scen(team(3), [DemandRule("all", 8 * 60, 16 * 60, 1)], rules,
              history={"p0": History(overtime_minutes_month=40 * 60)})
    res = solve(sc, start, 10, FAST)
    assert_clean(sc, res)


def test_quarter_settlement_lets_an_under_month_offset_an_over_month():
    # sweep #7 (CH-07 "平均每月不得超过36小时"): 综合, quarterly; 10-01..11-30, demand for a 12-h shift only in October.
    # Month by month October allowed 144 + 36 = 180 h (15 shifts), summed over the quarter 144 + 72 h (18); netted
    # with an empty November (168 h under its standard) October may hold as many as the rest rules allow, with its
    # holiday hours (10-01..10-07) ≤ 72 h
    shifts = (Shift("A", "长白班", 8 * 60, 12),)
    start = dt.date(2026, 10, 1)
    demand = [DemandRule((start + dt.timedelta(days=k)).isoformat(), 8 * 60, 20 * 60, 1) for k in range(31)]
    rules = Rules(settlement_period="quarter", approval=APPROVED)
    sc = scen(team(1), demand, rules, shifts=shifts)
    res = solve(sc, start, 61, FAST)
    assert_clean(sc, res)
    october = [a for a in res.roster.assignments if a.date.month == 10]
    assert len(october) > 18  # summed but floored per month it stopped at 144 + 72 h = 18 shifts
    assert not [a for a in res.roster.assignments if a.date.month == 11]
    # monthly settlement: October alone is capped
    monthly = scen(team(1), demand, Rules(approval=APPROVED), shifts=shifts)
    res_m = solve(monthly, start, 61, FAST)
    assert_clean(monthly, res_m)
    assert len([a for a in res_m.roster.assignments if a.date.month == 10]) == 15


def test_every_conflicting_lock_is_named_at_once():
    # sweep #7: a lock inside the history's rest gap and one making 7 consecutive days with the history's 6 were
    # reported one per attempt (remove the first, only then hear of the second)
    start = dt.datetime.combine(D0, dt.time())
    history = {"p0": History(last_shift_end=start - dt.timedelta(minutes=30), consecutive_days=1),
               "p1": History(last_shift_end=start - dt.timedelta(hours=16), consecutive_days=6)}
    locked = (Lock("p0", D0, "D"), Lock("p1", D0, "D"))
    sc = scen(team(3), [DemandRule("all", 8 * 60, 16 * 60, 1)], Rules(approval=APPROVED), history=history,
              locked=locked)
    res = solve(sc, D0, 7, FAST)
    assert res.status == "INFEASIBLE"
    assert "员工0" in res.infeasible_reason and "员工1" in res.infeasible_reason
    assert "连续工作 7 天" in res.infeasible_reason


def test_standard_system_part_timer_may_work_an_8h_workday_shift():
    """labour-law §0: max_daily_hours under the standard system is a flat 11 h (8 h + ≤ 3 h) for every contract
    (sweep #13 F1: a per-contract "own standard day + 3 h" — 7.8 h for 24 h a week — left part-timers rest days only
    and the cover short).  The full-timer is on leave on Monday: only the part-timer can cover it."""
    staff = (Staff("full", "全职", leave=(Leave(DateRange(D0, D0)),)), Staff("part", "兼职", weekly_hours=24))
    sc = scen(staff, [DemandRule("all", 8 * 60, 16 * 60, 1)], Rules(working_time_system="standard"))
    res = solve(sc, D0, 7, FAST)
    assert_clean(sc, res)
    assert missing(res) == 0
    assert any(a.staff == "part" and a.date == D0 for a in res.roster.assignments)


def test_a_joiners_overtime_is_measured_from_the_hire_date():
    """Sweep #13 F2: a joiner hired on 15 June with eleven locked 12-h day shifts (132 h against an 88-h standard
    from the hire date: 44 h) was solved as legal against the whole month's 168 h; the validator and the solver
    now read the same employed-days standard, so the locks are refused with the cap named."""
    from roster.sample import twelve_hour_shifts

    hire = D0 + dt.timedelta(days=14)
    # 15–18, 20–24, 26–27 June: rest on the 19th (holiday) and the 25th keeps every other rule
    days = [hire + dt.timedelta(days=k) for k in (0, 1, 2, 3, 5, 6, 7, 8, 9, 11, 12)]
    staff = (Staff("p0", "甲", hire_date=hire),) + team(4)[1:]
    sc = scen(staff, [DemandRule("all", 8 * 60, 20 * 60, 1)], Rules(approval=APPROVED), shifts=twelve_hour_shifts(),
              locked=tuple(Lock("p0", d, "A") for d in days))
    res = solve(sc, D0, 30, FAST)
    assert res.status == "INFEASIBLE" and "加班上限" in res.infeasible_reason
    ok = replace(sc, locked=sc.locked[:9])  # 108 h − 88 h = 20 h
    assert_clean(ok, solve(ok, D0, 30, FAST))


def test_a_second_bad_lock_of_the_same_person_is_named_too():
    # review of sweep #7's fix: a lock on a leave day and another making 7 consecutive days with the history's 6,
    # both p0's — the second was still reported only on the next attempt
    start = dt.datetime.combine(D0, dt.time())
    day3 = D0 + dt.timedelta(days=3)
    staff = (Staff("p0", "甲", leave=(Leave(DateRange(day3, day3)),)), Staff("p1", "乙"), Staff("p2", "丙"))
    history = {"p0": History(last_shift_end=start - dt.timedelta(hours=16), consecutive_days=6)}
    sc = scen(staff, [DemandRule("all", 8 * 60, 16 * 60, 1)], Rules(approval=APPROVED), history=history,
              locked=(Lock("p0", D0, "D"), Lock("p0", day3, "D")))
    res = solve(sc, D0, 7, FAST)
    assert res.status == "INFEASIBLE"
    assert "请假" in res.infeasible_reason and "连续工作 7 天" in res.infeasible_reason


def test_quarter_netting_never_buys_overtime_for_someone_who_may_not_work_any():
    # review of sweep #7: a nursing mother (no overtime, PG-02) in Q4 — an empty October must not offset November
    # hours beyond November's standard (168 h = 21 shifts of 8 h)
    start = dt.date(2026, 10, 1)
    nursing = Protected(ProtectedKind.NURSING, DateRange(start, dt.date(2026, 12, 31)))
    demand = [DemandRule((dt.date(2026, 11, 1) + dt.timedelta(days=k)).isoformat(), 8 * 60, 16 * 60, 1)
              for k in range(30)]
    sc = scen((Staff("m", "哺乳", protected=(nursing,)),), demand,
              Rules(settlement_period="quarter", approval=APPROVED))
    res = solve(sc, start, 61, FAST)
    assert_clean(sc, res)
    assert len(res.roster.assignments) == 21


def test_someone_who_may_not_work_nights_is_still_compared_on_hours():
    # review of session 9: with 12-h templates 徐丽 (s11, night_ok false) got 8 h in a week while everybody else got
    # 40 h — the hours spread compared only people allowed the same shifts, so nobody was compared with her
    from roster.sample import twelve_hour_shifts
    from solver.api import build

    sc = sample_scenario()
    sc = replace(sc, shifts=sc.shifts + tuple(s for s in twelve_hour_shifts() if s.code in "AB"))
    m = build(sc, D0, 7)
    s11 = next(i for i, p in enumerate(m.inst.staff) if p.id == "s11")
    hours = [g for g in m.spread_groups if g.name == "fair_hours"]
    assert any(s11 in {p for p, _t, _c in g.members} and len(g.members) > 1 for g in hours)
    nights = [g for g in m.spread_groups if g.name == "fair_nights"]
    assert not any(s11 in {p for p, _t, _c in g.members} for g in nights)  # nights still among night workers
    res = solve(sc, D0, 7, SolveOptions(time_limit=5))
    assert_clean(sc, res)
    paid: dict[str, float] = {}
    for a in res.roster.assignments:
        paid[a.staff] = paid.get(a.staff, 0.0) + sc.shift(a.shift).paid_minutes / 60
    others = [v for k, v in paid.items() if k != "s11"]
    assert paid.get("s11", 0.0) >= min(others) - 12, paid  # within one long shift of the least-loaded colleague


def test_a_carried_in_night_of_someone_inactive_now_still_brings_their_skill():
    # code review of session 9: the prior period's night counted as head-count but not as 值班长 when its worker is
    # inactive in the new period (the solver looked up active staff only; the validator all staff)
    from roster.model import DemandRule, Roster, make_assignment
    from roster.sample import twelve_hour_shifts
    from roster.validator import check

    sc = sample_scenario()
    shifts = tuple(s for s in twelve_hour_shifts() if s.code in "AB")
    staff = tuple(replace(p, requests=(), active=p.id != "s01") for p in sc.staff)
    sc = replace(sc, shifts=shifts, staff=staff, locked=(), history={},
                 demand=(DemandRule("all", 0, 24 * 60, 1), DemandRule("all", 0, 24 * 60, 1, "值班长")))
    night = next(s for s in shifts if s.code == "B")
    prior = Roster(D0 - dt.timedelta(days=7), 7, (make_assignment("s01", D0 - dt.timedelta(days=1), night),))
    res = solve(sc, D0, 2, SolveOptions(time_limit=3), prior=prior)
    first_morning = [s for s in res.shortfalls if s.date == D0 and s.start.hour < 8]
    assert not first_morning, first_morning
    assert not [v for v in check(sc, res.roster) if v.rule == "coverage" and v.start.date() == D0
                and v.start.hour < 8]


def test_part_timers_share_the_night_and_weekend_spreads_weighed_by_contract():
    # sweep #10: a 20-h part-timer formed a fairness group of one (compared with nobody) and could be given every
    # weekend or most of the nights; the groups now mix contracts, each shift counting ~40 h / contract hours
    from solver.api import build

    sc = sample_scenario()
    staff = tuple(replace(p, weekly_hours=20) if p.id == "s02" else p for p in sc.staff)
    m = build(replace(sc, staff=staff), D0, 7)
    s02 = next(i for i, p in enumerate(m.inst.staff) if p.id == "s02")
    for name in ("fair_nights", "fair_weekends"):
        grp = next(g for g in m.spread_groups if g.name == name and s02 in {p for p, _t, _c in g.members})
        assert len(grp.members) > 1
        coefs = {p: {c for c, _v in terms} for p, terms, _c in grp.members}
        assert coefs[s02] == {2} and all(c == {1} for p, c in coefs.items() if p != s02 and c)
