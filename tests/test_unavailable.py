"""Unavailable times (SPEC §2.2 "unavailable slots", hard like approved leave): JSON round trip and errors, the
validator rule in threes, the solver keeps them, the explanation names them and proposes freeing them."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roster.model import (
    Approval,
    DateRange,
    DemandRule,
    Lock,
    Roster,
    Rules,
    Scenario,
    Shift,
    Staff,
    Unavailable,
    make_assignment,
)
from roster.scenario_io import InputError, scenario_from_dict, scenario_to_dict
from roster.validator import cell_violations, check, format_violation
from solver.api import SolveOptions, solve
from solver.explain import explain, lock_conflicts

D = dt.date.fromisoformat
START = D("2026-06-01")  # a Monday
SHIFTS = (Shift("D", "白班", 8 * 60, 8), Shift("E", "中班", 16 * 60, 8), Shift("N", "夜班", 0, 8),
          Shift("B", "夜12", 20 * 60, 12))
APPROVED = Approval("测试审批", dt.date(2000, 1, 1), dt.date(2099, 12, 31))
FAST = SolveOptions(time_limit=3.0, seed=0, workers=2)


def scen(*staff: Staff, demand=(), locked=()) -> Scenario:
    return Scenario(rules=Rules(approval=APPROVED), shifts=SHIFTS, demand=tuple(demand), staff=staff,
                    locked=tuple(locked))


def away(a: str, b: str, start: str = "00:00", end: str = "24:00", weekdays=()) -> Unavailable:
    h1, m1 = map(int, start.split(":"))
    h2, m2 = map(int, end.split(":"))
    return Unavailable(DateRange(D(a), D(b)), h1 * 60 + m1, h2 * 60 + m2, tuple(weekdays))


def roster(cells, days: int = 7) -> Roster:
    sm = {s.code: s for s in SHIFTS}
    return Roster(START, days, tuple(make_assignment(sid, D(day), sm[code]) for sid, day, code in cells))


def rule_hits(sc: Scenario, ro: Roster):
    return [v for v in check(sc, ro) if v.rule == "unavailable_slots"]


# ---------------------------------------------------------------- JSON


def test_json_round_trip_and_defaults():
    sc = scen(Staff("a", "甲", unavailable=(away("2026-06-01", "2026-06-30", "08:00", "12:00", (2, 4)),
                                             away("2026-06-10", "2026-06-10"))))
    data = scenario_to_dict(sc)
    assert data["staff"][0]["unavailable"][0] == {"from": "2026-06-01", "to": "2026-06-30", "start": "08:00",
                                                  "end": "12:00", "weekdays": [2, 4]}
    back, warnings = scenario_from_dict(data)
    assert warnings == [] and back.staff[0].unavailable == sc.staff[0].unavailable
    # start/end default to the whole day
    data["staff"][0]["unavailable"] = [{"from": "2026-06-03", "to": "2026-06-04"}]
    back, _ = scenario_from_dict(data)
    assert back.staff[0].unavailable == (away("2026-06-03", "2026-06-04"),)


@pytest.mark.parametrize("entry, field, words", [
    ({"from": "2026-06-01", "to": "2026-06-02", "start": "08:00", "end": "08:00"}, "unavailable[0].end", "相同"),
    ({"from": "2026-06-01", "to": "2026-06-02", "weekdays": [0]}, "unavailable[0].weekdays[0]", "1（周一）到 7"),
    ({"from": "2026-06-05", "to": "2026-06-02"}, "unavailable[0].to", "早于"),
    ({"from": "2026-06-01", "to": "2026-06-02", "start": "24:00", "end": "08:00"}, "unavailable[0].start", "24:00"),
    ({"from": "2026-06-01", "to": "2026-06-02", "begin": "08:00"}, "unavailable[0]", "begin"),
])
def test_json_errors_name_the_field(entry, field, words):
    data = scenario_to_dict(scen(Staff("a", "甲")))
    data["staff"][0]["unavailable"] = [entry]
    if "begin" in entry:  # unknown keys are ignored with a warning (SPEC §4)
        _sc, warnings = scenario_from_dict(data, file="team.json")
        assert any(field in w and words in w for w in warnings)
        return
    with pytest.raises(InputError) as e:
        scenario_from_dict(data, file="team.json")
    assert "team.json" in str(e.value) and field in str(e.value) and words in str(e.value)


# ---------------------------------------------------------------- validator, in threes


def test_validator_satisfied_when_the_shift_ends_as_the_window_starts():
    sc = scen(Staff("a", "甲", unavailable=(away("2026-06-01", "2026-06-07", "16:00", "20:00"),)))
    assert rule_hits(sc, roster([("a", "2026-06-01", "D"), ("a", "2026-06-03", "N")])) == []


def test_validator_just_violated_by_a_night_shift_crossing_into_a_whole_day():
    # B 20:00–08:00 on 06-02 reaches 8 h into 06-03, which is unavailable all day
    sc = scen(Staff("a", "甲", unavailable=(away("2026-06-03", "2026-06-03"),)))
    (v,) = rule_hits(sc, roster([("a", "2026-06-02", "B")]))
    assert v.staff == "a" and v.measured == 8 * 60 and v.limit == 0
    assert "6月3日 00:00–24:00" in v.message and "不可排班时段" in v.source and "SPEC" not in v.source
    assert "registered as unavailable" in format_violation(v, "en") and "Unavailable times" in format_violation(v, "en")
    assert set(cell_violations([v])) == {("a", D("2026-06-02"))}  # the cell of the shift


def test_validator_far_violated_by_a_window_crossing_midnight_on_given_weekdays():
    # Tue/Thu 22:00–06:00: N on Wed 06-03 00:00–08:00 has 6 h inside (Tue's window); N on Mon 06-01 is fine
    # (Sunday's window does not exist: Sunday is not listed); E on Thu 06-04 has 2 h inside
    sc = scen(Staff("a", "甲", unavailable=(away("2026-06-01", "2026-06-30", "22:00", "06:00", (2, 4)),)))
    hits = rule_hits(sc, roster([("a", "2026-06-01", "N"), ("a", "2026-06-03", "N"), ("a", "2026-06-04", "E")]))
    assert [(v.start.date(), v.measured) for v in hits] == [(D("2026-06-03"), 360.0), (D("2026-06-04"), 120.0)]


def test_validator_rule_can_be_switched_off():
    sc = scen(Staff("a", "甲", unavailable=(away("2026-06-01", "2026-06-01"),)))
    sc = dataclasses.replace(sc, rules=dataclasses.replace(sc.rules, disabled=frozenset({"unavailable_slots"})))
    assert rule_hits(sc, roster([("a", "2026-06-01", "D")])) == []


# ---------------------------------------------------------------- solver


def test_solver_keeps_unavailable_times_and_the_validator_agrees():
    # two people, one shift a day 08–16; a is away Mon–Wed mornings, b on Thursday: each day still covered
    a = Staff("a", "甲", unavailable=(away("2026-06-01", "2026-06-03", "07:00", "09:00"),))
    b = Staff("b", "乙", unavailable=(away("2026-06-04", "2026-06-04"),))
    sc = scen(a, b, demand=[DemandRule("all", 8 * 60, 16 * 60, 1)])
    res = solve(sc, START, 5, FAST)
    assert res.status in ("OPTIMAL", "FEASIBLE") and res.shortfalls == []
    assert check(sc, res.roster) == []
    day_shift = {x.date: x.staff for x in res.roster.assignments if x.shift == "D"}
    assert [day_shift.get(START + dt.timedelta(days=i)) for i in range(4)] == ["b", "b", "b", "a"]


@settings(max_examples=12, deadline=None)
@given(start=st.integers(0, 47), length=st.integers(1, 48), day=st.integers(0, 3), wd=st.sets(st.integers(1, 7)))
def test_solver_output_passes_the_validator_for_random_windows(start, length, day, wd):
    s = start * 30
    e = (s + length * 30) % 1440 if length < 48 else s
    if e == s:
        s, e = 0, 1440
    p = Staff("a", "甲", unavailable=(Unavailable(DateRange(START + dt.timedelta(days=day), START + dt.timedelta(days=3)),
                                                   s, e, tuple(sorted(wd))),))
    sc = scen(p, Staff("b", "乙"), demand=[DemandRule("all", 0, 1440, 1)])
    res = solve(sc, START, 4, SolveOptions(time_limit=2.0, seed=0, workers=2))
    assert res.roster is not None
    assert [v for v in check(sc, res.roster) if v.rule != "coverage"] == []


# ---------------------------------------------------------------- explanation


def test_shortfall_explanation_names_the_unavailable_person_and_the_fix_frees_the_time():
    # one person must cover 08–16 every day but registered Wednesday 10:00–12:00 as unavailable
    a = Staff("a", "张伟", unavailable=(away("2026-06-01", "2026-06-30", "10:00", "12:00", (3,)),))
    sc = scen(a, demand=[DemandRule("all", 8 * 60, 16 * 60, 1)])
    res = solve(sc, START, 4, FAST)
    assert [(s.date, s.missing) for s in res.shortfalls][:1] == [(D("2026-06-03"), 1)]
    ex = explain(sc, START, 4, res)
    (it,) = ex.items
    assert it.date == D("2026-06-03") and it.people[0].main.kind == "unavailable"
    assert "登记了该时段不可排班" in ex.text() and "张伟 10:00–12:00" in ex.text()
    assert "registered as unavailable" in ex.text("en")
    fix = next(f for f in ex.fixes if f.kind == "free_unavailable")
    assert fix.resolves and fix.params == {"staff": {"a": [D("2026-06-03")]}}
    fixed = fix.apply(sc)
    # the entry keeps its other dates: only the 3rd was freed
    assert [u.period for u in fixed.staff[0].unavailable] == [DateRange(D("2026-06-01"), D("2026-06-02")),
                                                              DateRange(D("2026-06-04"), D("2026-06-30"))]
    again = solve(fixed, START, 4, FAST)
    assert again.shortfalls == [] and check(fixed, again.roster) == []


def test_lock_inside_an_unavailable_time_is_refused_with_the_reason():
    a = Staff("a", "甲", unavailable=(away("2026-06-02", "2026-06-02", "12:00", "13:00"),))
    sc = scen(a, locked=[Lock("a", D("2026-06-02"), "D")])
    (c,) = lock_conflicts(sc, START, 3)
    assert c.rule == "unavailable_slots"
    assert "不可排班时段（12:00–13:00）" in c.message and "unavailable (12:00–13:00)" in c.message_en
    res = solve(sc, START, 3, FAST)
    assert res.status == "INFEASIBLE" and "不可排班" in res.infeasible_reason


def test_staff_differing_only_in_unavailable_times_are_not_interchangeable():
    """Review: the identical-staff classes ignored ``unavailable``, so symmetry breaking ordered an unavailable
    person first and pushed everyone to zero: OPTIMAL with 7 empty days.  Three otherwise identical people, one
    unavailable all week, one shift a day: the other two cover every day."""
    from solver.model import Instance, identical_classes

    people = (Staff("a", "甲", unavailable=(away("2026-06-01", "2026-06-30"),)), Staff("b", "乙"), Staff("c", "丙"))
    sc = scen(*people, demand=[DemandRule("all", 8 * 60, 16 * 60, 1)])
    assert identical_classes(Instance(sc, START, 7)) == [[1, 2]]
    res = solve(sc, START, 7, FAST)
    assert res.shortfalls == [] and check(sc, res.roster) == []
    assert {x.staff for x in res.roster.assignments} == {"b", "c"}
