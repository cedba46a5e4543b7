"""Property tests of the validator on random small scenarios and rosters (hypothesis).

(a) Removing a shift never creates a new violation of the per-person rules: every violation left
    afterwards overlaps one of the same rule and person that was there before.
(b) A roster with no violations stays clean when a shift is removed where coverage allows.
(c) ``check`` is deterministic and independent of the order of the assignments.
"""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from roster.calendar import WorkCalendar
from roster.model import (
    Approval,
    DateRange,
    DemandRule,
    History,
    Leave,
    LeaveKind,
    Protected,
    ProtectedKind,
    Roster,
    Rules,
    Scenario,
    SettlementPeriod,
    Shift,
    Staff,
    Unavailable,
    WorkingTimeSystem,
    make_assignment,
)
from roster.sample import default_shifts, twelve_hour_shifts
from roster.validator import (
    RULES,
    check,
    daily_hours_sources,
    leave_sources,
    night_ban_sources,
    overtime_cap_sources,
    violation_to_dict,
)

SHIFTS = default_shifts() + twelve_hour_shifts() + (
    Shift("L", "晚班", 20 * 60, 4 + 1 / 60),
    Shift("K", "值班长", 8 * 60, 8, 0, ("值班长",)),
    Shift("H", "半班", 12 * 60, 4.5, 30),
)
STARTS = [dt.date(2026, 6, 1), dt.date(2026, 6, 15), dt.date(2026, 9, 24), dt.date(2026, 12, 28)]
PER_PERSON = ("one_shift_per_day", "approved_leave", "unavailable_slots", "employment_dates", "shift_skills", "night_work_ban",
              "min_rest_between_shifts", "weekly_rest_day", "max_consecutive_days", "max_daily_hours",
              "overtime_cap")
NON_COVERAGE = tuple(r for r in RULES if r != "coverage")
CAL = WorkCalendar()


def _around(draw, start: dt.date, days: int) -> DateRange:
    a = start + dt.timedelta(days=draw(st.integers(-3, days + 1)))
    return DateRange(a, a + dt.timedelta(days=draw(st.integers(0, days))))


@st.composite
def staff_member(draw, sid: str, start: dt.date, days: int) -> Staff:
    protected = ()
    if draw(st.booleans()):
        protected = (Protected(draw(st.sampled_from(list(ProtectedKind))), _around(draw, start, days)),)
    leave = ()
    if draw(st.booleans()):
        leave = (Leave(_around(draw, start, days), draw(st.sampled_from(list(LeaveKind)))),)
    away = ()
    if draw(st.booleans()):
        a, b = draw(st.integers(0, 47)) * 30, draw(st.integers(1, 48)) * 30
        away = (Unavailable(_around(draw, start, days), a, b if b != a else 1440,
                            tuple(sorted(draw(st.sets(st.integers(1, 7), max_size=3))))),)
    hire = start + dt.timedelta(days=draw(st.integers(-5, 3))) if draw(st.booleans()) else None
    gone = start + dt.timedelta(days=draw(st.integers(days - 3, days + 5))) if draw(st.booleans()) else None
    return Staff(
        sid, sid,
        skills=tuple(draw(st.sets(st.sampled_from(["审核", "值班长"]), max_size=2))),
        weekly_hours=draw(st.sampled_from([40, 40, 32, 20])),
        night_ok=draw(st.booleans()),
        overtime_ok=draw(st.booleans()),
        protected=protected,
        leave=leave,
        unavailable=away,
        hire_date=hire,
        leave_date=gone,
    )


@st.composite
def scenario_and_roster(draw) -> tuple[Scenario, Roster]:
    start = draw(st.sampled_from(STARTS))
    days = draw(st.integers(3, 21))
    n = draw(st.integers(1, 3))
    ids = [f"s{i}" for i in range(1, n + 1)]
    staff = tuple(draw(staff_member(sid, start, days)) for sid in ids)
    rules = Rules(
        working_time_system=draw(st.sampled_from(list(WorkingTimeSystem))),
        settlement_period=draw(st.sampled_from([SettlementPeriod.MONTH, SettlementPeriod.QUARTER])),
        min_rest_hours=draw(st.sampled_from([8, 11, 12])),
        max_consecutive_days=draw(st.integers(2, 6)),
        min_rest_days_per_week=draw(st.integers(0, 2)),
        max_overtime_hours_per_month=draw(st.sampled_from([0, 10, 36])),
        max_daily_hours=draw(st.sampled_from([8.5, 12])),
        standard_hours_method=draw(st.sampled_from(["calendar", "average"])),
        holiday_hours_in_period_total=draw(st.booleans()),
        leave_counts_as_attended=draw(st.booleans()),
        # none (→ the standard fallback), valid over every drawn period, or ending inside it
        approval=draw(st.sampled_from([
            Approval(), Approval("审批", dt.date(2026, 1, 1), dt.date(2027, 12, 31)),
            Approval("审批", dt.date(2026, 1, 1), start + dt.timedelta(days=1))])),
    )
    history = {}
    for sid in ids:
        if draw(st.booleans()):
            end = dt.datetime.combine(start, dt.time()) + dt.timedelta(hours=draw(st.integers(-30, 8)))
            history[sid] = History(last_shift_end=end, consecutive_days=draw(st.integers(0, 7)),
                                   overtime_minutes_month=draw(st.integers(0, 40 * 60)))
    demand = ()
    if draw(st.booleans()):
        demand = (DemandRule("all", 0, 24 * 60, 1), DemandRule("workday", 9 * 60, 18 * 60, 1, "审核"))
    sc = Scenario(rules=rules, shifts=SHIFTS, demand=demand, staff=staff, history=history)
    cells = draw(st.lists(st.tuples(st.sampled_from(ids), st.integers(0, days - 1),
                                    st.sampled_from([s.code for s in SHIFTS])), max_size=3 * days))
    sm = sc.shift_map()
    asg = tuple(make_assignment(sid, start + dt.timedelta(days=d), sm[c]) for sid, d, c in cells)
    return sc, Roster(start, days, asg)


def _interval(x) -> tuple[dt.datetime, dt.datetime]:
    s, e = x.start, x.end
    if not isinstance(s, dt.datetime):
        s = dt.datetime.combine(s, dt.time())
    if not isinstance(e, dt.datetime):
        e = dt.datetime.combine(e, dt.time()) + dt.timedelta(days=1)
    return s, e


def _covered_by(v, before) -> bool:
    s, e = _interval(v)
    for b in before:
        if b.rule == v.rule and b.staff == v.staff:
            bs, be = _interval(b)
            if bs <= e and s <= be:
                return True
    return False


def _without(roster: Roster, i: int) -> Roster:
    return Roster(roster.start, roster.days, roster.assignments[:i] + roster.assignments[i + 1:])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario_and_roster(), st.data())
def test_removing_a_shift_never_creates_a_violation(case, data):
    sc, roster = case
    if not roster.assignments:
        return
    before = check(sc, roster, cal=CAL, rules=PER_PERSON)
    i = data.draw(st.integers(0, len(roster.assignments) - 1))
    after = check(sc, _without(roster, i), cal=CAL, rules=PER_PERSON)
    new = [v for v in after if not _covered_by(v, before)]
    assert new == []
    # the overtime measured in a month never grows either
    ot_before = {(v.staff, v.start): v.measured for v in before if v.rule == "overtime_cap"}
    for v in after:
        if v.rule == "overtime_cap":
            assert v.measured <= ot_before[(v.staff, v.start)] + 1e-9


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario_and_roster(), st.randoms(use_true_random=False))
def test_check_is_deterministic_and_order_independent(case, rnd: random.Random):
    sc, roster = case
    first = check(sc, roster, cal=CAL)
    shuffled = list(roster.assignments)
    rnd.shuffle(shuffled)
    again = check(sc, Roster(roster.start, roster.days, tuple(shuffled)))
    assert again == first
    assert [violation_to_dict(v) for v in again] == [violation_to_dict(v) for v in first]
    assert check(sc, roster, cal=CAL) == first
    # every violation is well-formed
    for v in first:
        assert v.rule in RULES and v.message
        if v.rule == "night_work_ban":  # the reason that applies, not the rule's whole source list
            assert v.source and set(v.source.split("；")) <= night_ban_sources()
        elif v.rule == "approved_leave":  # the sources of the leave kinds broken
            assert v.source and set(v.source.split("；")) <= leave_sources()
        elif v.rule == "max_daily_hours":  # the system's cap or the protected-staff rule, not all three
            assert v.source in daily_hours_sources()
        elif v.rule == "overtime_cap":  # the monthly cap first, then 综合's average / the protected-staff rule
            parts = v.source.split("；")
            assert parts[0] == overtime_cap_sources()[0] and set(parts) <= set(overtime_cap_sources())
        else:
            assert v.source == RULES[v.rule].source
        s, e = _interval(v)
        assert s <= e


def _head_count(roster: Roster, day: dt.date) -> list[int]:
    """People whose shift covers each whole 30-minute slot of ``day`` (brute force, per minute)."""
    base = dt.datetime.combine(day, dt.time())
    out = []
    for k in range(48):
        s0, s1 = base + dt.timedelta(minutes=30 * k), base + dt.timedelta(minutes=30 * (k + 1))
        out.append(len({a.staff for a in roster.assignments if a.start <= s0 and a.end >= s1}))
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario_and_roster(), st.randoms(use_true_random=False), st.data())
def test_clean_roster_stays_clean_when_coverage_allows_a_removal(case, rnd: random.Random, data):
    sc, roster = case
    if check(sc, Roster(roster.start, roster.days), cal=CAL, rules=NON_COVERAGE):
        # the carry-over alone already breaks a rule (e.g. a long run before the start): drop it
        sc = Scenario(rules=sc.rules, shifts=sc.shifts, staff=sc.staff)
    # build a clean roster greedily from the random cells (all rules but coverage)...
    kept: list = []
    sm = sc.shift_map()
    cells = [(p.id, d, code) for p in sc.staff for d in roster.dates() for code in sm]
    rnd.shuffle(cells)
    candidates = [make_assignment(sid, d, sm[code]) for sid, d, code in cells[:60]]
    for a in candidates:
        trial = Roster(roster.start, roster.days, tuple(kept + [a]))
        if not check(sc, trial, cal=CAL, rules=NON_COVERAGE):
            kept.append(a)
    clean = Roster(roster.start, roster.days, tuple(kept))
    event("clean roster size " + (str(len(kept)) if len(kept) < 10 else "10+"))
    # ...then demand exactly what it covers on some dates (so coverage is tight there)
    demand = []
    for day in clean.dates():
        if rnd.random() < 0.6:
            for k, n in enumerate(_head_count(clean, day)):
                if n:
                    demand.append(DemandRule(day.isoformat(), 30 * k, 30 * (k + 1), n))
    sc = Scenario(rules=sc.rules, shifts=sc.shifts, demand=tuple(demand), staff=sc.staff, history=sc.history)
    assert check(sc, clean, cal=CAL) == []
    for i in range(len(clean.assignments)):
        smaller = _without(clean, i)
        if check(sc, smaller, cal=CAL, rules=["coverage"]):
            continue  # coverage does not allow this removal
        assert check(sc, smaller, cal=CAL) == []
