"""HR hour accounting on hand-computed cases (SPEC §6: holiday week with 调休, a night crossing into a
holiday, month boundaries, a pregnant employee from a date).  Every expected figure is worked out in
the comment above it from the 2026 calendar of labour-law.md §3.1."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roster.hours import MonthHours, month_hours, night_minutes, split_by_date, totals, totals_by_staff
from roster.model import (
    Approval,
    DateRange,
    Leave,
    LeaveKind,
    Protected,
    ProtectedKind,
    Roster,
    Rules,
    Scenario,
    Shift,
    Staff,
    WorkingTimeSystem,
    make_assignment,
)
from roster.sample import default_shifts

D = dt.date.fromisoformat
#: L: a late shift 22:00 + 8 h that crosses midnight; T: a 10 h day shift
EXTRA = (Shift("L", "晚夜班", 22 * 60, 8), Shift("T", "长白班", 8 * 60, 10))
APPROVED = Approval("测试审批", dt.date(2000, 1, 1), dt.date(2099, 12, 31))  # 综合 needs a valid approval, else standard applies
COMPREHENSIVE = Rules(approval=APPROVED)
STANDARD = Rules(working_time_system=WorkingTimeSystem.STANDARD)


def scenario(*staff: Staff, rules: Rules = COMPREHENSIVE) -> Scenario:
    return Scenario(rules=rules, shifts=default_shifts() + EXTRA, staff=staff)


def roster(sc: Scenario, start: str, days: int, cells: dict[tuple[str, str], str]) -> Roster:
    shifts = sc.shift_map()
    return Roster(D(start), days, tuple(make_assignment(s, D(d), shifts[c]) for (s, d), c in cells.items()))


def row(rows: list[MonthHours], staff: str, month: int) -> MonthHours:
    (r,) = [r for r in rows if r.staff == staff and r.month == month]
    return r


# ------------------------------------------------------------------ helpers


def test_split_by_date_and_night_minutes():
    a = dt.datetime(2026, 9, 30, 22, 0)
    b = dt.datetime(2026, 10, 1, 6, 0)
    assert split_by_date(a, b) == {D("2026-09-30"): 120, D("2026-10-01"): 360}
    assert night_minutes(a, b, (22 * 60, 6 * 60)) == 480
    # E 16:00-24:00: two night hours; N 00:00-08:00: six
    assert night_minutes(dt.datetime(2026, 9, 30, 16), dt.datetime(2026, 10, 1), (1320, 360)) == 120
    assert night_minutes(dt.datetime(2026, 10, 1), dt.datetime(2026, 10, 1, 8), (1320, 360)) == 360
    # a non-wrapping window 00:00-05:00
    assert night_minutes(dt.datetime(2026, 10, 1), dt.datetime(2026, 10, 1, 8), (0, 300)) == 300


# ------------------------------------------------------------------ national-day week


def national_day_week(rules: Rules) -> tuple[Scenario, Roster]:
    sc = scenario(Staff("a", "甲"), Staff("b", "乙"), rules=rules)
    ro = roster(sc, "2026-09-28", 7, {
        ("a", "2026-09-28"): "D",   # Mon workday
        ("a", "2026-09-30"): "E",   # 16:00-24:00 on a workday: no 300 % minute
        ("a", "2026-10-01"): "N",   # 00:00-08:00 on the national day: 8 h at 300 %
        ("a", "2026-10-04"): "D",   # Sun, a rest day in the holiday block
        ("b", "2026-09-30"): "L",   # 22:00-06:00: 2 h on 09-30, 6 h on 10-01 (H300)
    })
    return sc, ro


def test_comprehensive_holiday_week_minute_exact():
    sc, ro = national_day_week(COMPREHENSIVE)
    rows = month_hours(sc, ro)
    assert [(r.staff, r.month) for r in rows] == [("a", 9), ("a", 10), ("b", 9), ("b", 10)]

    a9 = row(rows, "a", 9)
    # P = 09-28..09-30: three workdays -> std 24 h; paid 16 h; nothing on H300 dates
    assert (a9.days_worked, a9.paid_hours, a9.standard_hours) == (2, 16, 24)
    assert (a9.ot150_hours, a9.ot200_hours, a9.ot300_hours, a9.overtime_total_hours) == (0, 0, 0, 0)
    assert a9.night_hours == 2  # E 22:00-24:00
    assert a9.working_dates == (D("2026-09-28"), D("2026-09-30"))

    a10 = row(rows, "a", 10)
    # P = 10-01..10-04: no workday -> std 0; paid 16 of which 8 on 10-01 (H300);
    # ot150 = max(0, 16 - 8 - 0) = 8 (the 10-04 rest-day shift is ordinary work above a zero standard)
    assert (a10.paid_hours, a10.standard_hours, a10.ot150_hours, a10.ot300_hours) == (16, 0, 8, 8)
    assert a10.ot200_hours == 0 and a10.comp_earned_hours == 0
    assert a10.overtime_total_hours == 16  # max(0, 16 - 8 - 0) + 8
    assert a10.night_hours == 6  # N 00:00-06:00

    b9 = row(rows, "b", 9)
    # the L shift starts 09-30, so it is September's; 6 of its 8 hours fall on 10-01
    assert (b9.paid_hours, b9.ot300_hours, b9.ot150_hours, b9.night_hours) == (8, 6, 0, 8)
    assert b9.overtime_total_hours == 6  # max(0, 8 - 6 - 24) + 6
    b10 = row(rows, "b", 10)
    assert (b10.days_worked, b10.paid_hours, b10.ot300_hours) == (0, 0, 0)
    assert b10.working_dates == (D("2026-10-01"),)  # the spill makes 10-01 a working date


def test_comprehensive_holiday_hours_in_period_total():
    sc, ro = national_day_week(dataclasses.replace(COMPREHENSIVE, holiday_hours_in_period_total=True))
    a10 = row(month_hours(sc, ro), "a", 10)
    # ot150 = max(0, paid - std) = 16 and the 8 holiday hours are also paid at 300 %; the cap measure counts each
    # overtime hour once: max(paid - std, hol) = 16 (the 8 holiday hours are inside the 16; SPEC §4: paid - std)
    assert (a10.ot150_hours, a10.ot300_hours, a10.overtime_total_hours) == (16, 8, 16)


def test_standard_holiday_week():
    sc, ro = national_day_week(STANDARD)
    rows = month_hours(sc, ro)
    a10 = row(rows, "a", 10)
    # 10-01: 8 h at 300 %, never comp; 10-04 rest day: 8 h comp earned, none taken -> 200 %
    assert (a10.ot150_hours, a10.ot200_hours, a10.ot300_hours) == (0, 8, 8)
    assert (a10.comp_earned_hours, a10.comp_taken_hours, a10.comp_balance_hours) == (8, 0, 8)
    b9 = row(rows, "b", 9)
    # 2 h on workday 09-30 (not beyond 8 h), 6 h on the H300 date
    assert (b9.ot150_hours, b9.ot200_hours, b9.ot300_hours) == (0, 0, 6)


# ------------------------------------------------------------------ standard system with 调休


def june_with_comp(comp: bool) -> list[MonthHours]:
    leave = (Leave(DateRange(D("2026-06-10"), D("2026-06-10")), LeaveKind.COMP),) if comp else ()
    sc = scenario(Staff("a", "甲", leave=leave), rules=STANDARD)
    cells = {}
    for d in DateRange(D("2026-06-01"), D("2026-06-30")).days():
        if d.weekday() < 5 and d != D("2026-06-19") and not (comp and d == D("2026-06-10")):
            cells[("a", d.isoformat())] = "D"
    cells[("a", "2026-06-06")] = "D"  # Saturday: rest-day work
    cells[("a", "2026-06-03")] = "T"  # a 10 h day on a workday: 2 h at 150 %
    return month_hours(sc, roster(sc, "2026-06-01", 30, cells))


def test_standard_rest_day_compensated_by_comp_leave():
    (r,) = june_with_comp(comp=True)
    # June 2026: 21 workdays (06-19 is 端午).  Worked: 20 workdays (06-10 is 调休) + Sat 06-06.
    # paid = 19 x 8 + 10 + 8 = 170 h; std = 21 x 8 − 8 = 160 (the 调休 day counts as attended)
    assert (r.days_worked, r.paid_hours, r.standard_hours) == (21, 170, 160)
    assert r.ot150_hours == 2  # the T day
    assert (r.comp_earned_hours, r.comp_taken_hours, r.comp_balance_hours) == (8, 8, 0)
    assert r.ot200_hours == 0  # the rest day was given back
    assert r.ot300_hours == 0
    assert r.leave_days == {"comp": 1}
    # the cap measure (ARCHITECTURE.md) cuts the standard for every leave day: 170 - (168 - 8) = 10
    assert r.overtime_total_hours == 10


def test_comprehensive_comp_day_is_charged_once():
    # November 2026 under an approved 综合 system: 21 workdays, the period ends 11-29 → 20 workdays = 160 h.
    # Sick leave 11-02, 事假 11-03, 调休 11-04; 19 D shifts (152 h), some on rest days.
    leave = (Leave(DateRange(D("2026-11-02"), D("2026-11-02")), LeaveKind.SICK),
             Leave(DateRange(D("2026-11-03"), D("2026-11-03")), LeaveKind.PERSONAL),
             Leave(DateRange(D("2026-11-04"), D("2026-11-04")), LeaveKind.COMP))
    sc = scenario(Staff("s", "甲", leave=leave), rules=COMPREHENSIVE)
    off = {D("2026-11-02"), D("2026-11-03"), D("2026-11-04")}
    days = [d for d in (D("2026-11-01") + dt.timedelta(days=i) for i in range(29)) if d not in off][:19]
    (r,) = month_hours(sc, roster(sc, "2026-11-01", 29, {("s", d.isoformat()): "D" for d in days}))
    assert (r.paid_hours, r.calendar_standard_hours, r.standard_hours) == (152, 160, 136)
    # 16 h above the standard: 8 were given back as the 调休 day, 8 are paid at 150 %; nothing is owed twice
    assert (r.comp_earned_hours, r.comp_taken_hours, r.comp_balance_hours) == (8, 8, 0)
    assert (r.ot150_hours, r.overtime_total_hours) == (8, 16)


def test_standard_rest_day_not_compensated_is_200():
    (r,) = june_with_comp(comp=False)
    # 21 workdays worked + Sat: paid = 20 x 8 + 10 + 8 = 178
    assert r.paid_hours == 178
    assert (r.comp_earned_hours, r.comp_taken_hours, r.ot200_hours, r.ot150_hours) == (8, 0, 8, 2)
    assert r.overtime_total_hours == 10  # 178 - 168


# ------------------------------------------------------------------ month boundary


def test_month_boundary_roster_june_20_to_july_10():
    sc = scenario(Staff("a", "甲"), Staff("b", "乙"))
    cells = {("a", d.isoformat()): "D" for d in DateRange(D("2026-06-20"), D("2026-07-10")).days()}
    cells[("b", "2026-06-30")] = "L"  # 22:00 06-30 -> 06:00 07-01, a June shift
    ro = roster(sc, "2026-06-20", 21, cells)
    rows = month_hours(sc, ro)
    assert [(r.staff, r.year, r.month, r.first, r.last) for r in rows] == [
        ("a", 2026, 6, D("2026-06-20"), D("2026-06-30")), ("a", 2026, 7, D("2026-07-01"), D("2026-07-10")),
        ("b", 2026, 6, D("2026-06-20"), D("2026-06-30")), ("b", 2026, 7, D("2026-07-01"), D("2026-07-10")),
    ]
    a6, a7 = row(rows, "a", 6), row(rows, "a", 7)
    # June part: workdays 06-22..26, 06-29, 06-30 = 7 -> 56 h; 11 shifts = 88 h -> ot150 32
    assert (a6.days_worked, a6.paid_hours, a6.standard_hours, a6.ot150_hours) == (11, 88, 56, 32)
    # no history: the cap is pro rata of the 11 days inside the period
    assert a6.overtime_cap_hours == round(36 * 11 / 30, 2)
    # July part: 07-01..03 and 07-06..10 = 8 workdays -> 64 h; 10 shifts = 80 h -> ot150 16
    assert (a7.days_worked, a7.paid_hours, a7.standard_hours, a7.ot150_hours) == (10, 80, 64, 16)
    assert a7.overtime_cap_hours == round(36 * 10 / 31, 2)
    assert a7.person_days == 10
    b6, b7 = row(rows, "b", 6), row(rows, "b", 7)
    assert (b6.paid_hours, b6.night_hours, b7.paid_hours, b7.night_hours) == (8, 8, 0, 0)
    assert b7.working_dates == (D("2026-07-01"),)
    t = totals(rows)
    assert (t.paid_hours, t.days_worked, t.ot150_hours) == (88 + 80 + 8, 22, 48)
    by = totals_by_staff(rows)
    assert by["a"].paid_hours == 168 and by["b"].paid_hours == 8


def test_history_overtime_in_start_month():
    from roster.model import History
    sc = dataclasses.replace(scenario(Staff("a", "甲")), history={"a": History(overtime_minutes_month=600)})
    rows = month_hours(sc, roster(sc, "2026-06-20", 21, {}))
    assert row(rows, "a", 6).prior_overtime_hours == 10
    # with a history the start month's cap counts from the 1st: the history covers 06-01..06-19
    assert row(rows, "a", 6).overtime_cap_hours == 36
    assert row(rows, "a", 7).prior_overtime_hours == 0


# ------------------------------------------------------------------ protected from a date


def test_pregnant_from_mid_month_has_no_overtime_cap():
    preg = Protected(ProtectedKind.PREGNANT_7M, DateRange(D("2026-07-15"), D("2026-10-31")))
    sc = scenario(Staff("p", "孕", protected=(preg,)), Staff("q", "常"))
    cells = {("p", "2026-07-13"): "N", ("p", "2026-07-16"): "D"}
    rows = month_hours(sc, roster(sc, "2026-07-01", 62, cells))
    p7, p8 = row(rows, "p", 7), row(rows, "p", 8)
    assert p7.overtime_cap_hours == 0 and p8.overtime_cap_hours == 0
    assert row(rows, "q", 7).overtime_cap_hours == 36
    # the night before the protected date still counts as night hours
    assert p7.night_hours == 6 and p7.paid_hours == 16
    # a protection that starts after the month leaves that month's cap alone
    sc2 = scenario(Staff("p", "孕", protected=(preg,)))
    (p6,) = month_hours(sc2, roster(sc2, "2026-06-01", 30, {}))
    assert p6.overtime_cap_hours == 36


def test_overtime_not_allowed_cap_zero():
    sc = scenario(Staff("a", "甲", overtime_ok=False))
    (r,) = month_hours(sc, roster(sc, "2026-06-01", 30, {}))
    assert r.overtime_cap_hours == 0


# ------------------------------------------------------------------ standard hours


def test_october_2026_standard_144():
    sc = scenario(Staff("a", "甲"), Staff("h", "半", weekly_hours=20))
    rows = month_hours(sc, roster(sc, "2026-10-01", 31, {}))
    assert row(rows, "a", 10).standard_hours == 144
    assert row(rows, "h", 10).standard_hours == 72


def test_average_method_is_pro_rata_by_days():
    sc = scenario(Staff("a", "甲"), rules=Rules(standard_hours_method="average"))
    (r,) = month_hours(sc, roster(sc, "2026-06-01", 15, {}))
    assert r.standard_hours == round(1984 / 12 * 15 / 30, 2)


@pytest.mark.parametrize(("attended", "kind", "expected_std"), [
    (True, LeaveKind.ANNUAL, 144 - 16),    # paid leave counts 8 h per workday
    (True, LeaveKind.PERSONAL, 144 - 16),  # 事假: no work due
    (True, LeaveKind.COMP, 144 - 16),      # 调休: time off in lieu, attended (the ledger records it as taken)
    (False, LeaveKind.ANNUAL, 144),        # paid leave not counted as attended
    (False, LeaveKind.PERSONAL, 144 - 16),
])
def test_leave_reduces_standard(attended, kind, expected_std):
    # leave 10-09 (Fri) .. 10-11 (Sun): workdays 10-09 and 10-10 (make-up Saturday), rest 10-11
    lv = Leave(DateRange(D("2026-10-09"), D("2026-10-11")), kind)
    sc = scenario(Staff("a", "甲", leave=(lv,)), rules=Rules(leave_counts_as_attended=attended))
    (r,) = month_hours(sc, roster(sc, "2026-10-01", 31, {}))
    assert r.standard_hours == expected_std
    assert r.calendar_standard_hours == 144
    assert r.leave_days == {kind.value: 2}
    assert r.comp_taken_hours == (16 if kind == LeaveKind.COMP else 0)


def test_maternity_leave_counted_in_natural_days_and_hire_date_cuts_standard():
    lv = Leave(DateRange(D("2026-10-01"), D("2026-10-31")), LeaveKind.MATERNITY)
    sc = scenario(Staff("m", "产", leave=(lv,)), Staff("n", "新", hire_date=D("2026-10-26")))
    rows = month_hours(sc, roster(sc, "2026-10-01", 31, {}))
    m = row(rows, "m", 10)
    assert m.leave_days == {"maternity": 31} and m.standard_hours == 0
    # hired 10-26: workdays 10-26..30 = 5 -> 40 h
    assert row(rows, "n", 10).standard_hours == 40
    # the cap measure uses the same employed-days standard (sweep #13 F2: the whole month's, 144 h): five 8-h day
    # shifts and a rest-day one from the hire date are 8 h of overtime, as the 150 % column says
    cells = {("n", f"2026-10-{d}"): "D" for d in (26, 27, 28, 29, 30, 31)}
    n = row(month_hours(sc, roster(sc, "2026-10-01", 31, cells)), "n", 10)
    assert n.cap_standard_hours == 40 and n.overtime_total_hours == n.ot150_hours == 8


def test_break_is_unpaid_and_spread():
    sc = scenario(Staff("a", "甲"))
    (r,) = month_hours(sc, roster(sc, "2026-10-09", 1, {("a", "2026-10-09"): "G"}))
    assert r.paid_hours == 8 and r.night_hours == 0


def test_totals_of_nothing_is_zero():
    t = totals([])
    assert t.paid_hours == 0 and t.days_worked == 0 and t.leave_days == {}


def test_cap_measure_agrees_with_validator():
    """hours.overtime_total_hours and the validator's month_overtime are two implementations of one
    formula (ARCHITECTURE.md); they must agree on the sample team."""
    from roster.sample import sample_scenario
    from roster.validator import CheckContext, month_overtime

    sc = sample_scenario()
    shifts = sc.shift_map()
    cells = []
    for i, p in enumerate(sc.staff):
        for k, d in enumerate(DateRange(D("2026-06-01"), D("2026-07-05")).days()):
            if (i + k) % 7 in (0, 1) or p.leave_on(d):
                continue
            code = "DENG"[(i + k) % 4]
            if code == "N" and (not p.night_ok or p.protected_on(d)):
                code = "D"
            cells.append(make_assignment(p.id, d, shifts[code]))
    ro = Roster(D("2026-06-01"), 35, tuple(cells))
    rows = month_hours(sc, ro)
    ctx = CheckContext.build(sc, ro)
    assert any(r.overtime_total_hours > 0 for r in rows)  # the comparison is not vacuous
    for p in sc.staff:
        theirs = month_overtime(ctx, p)
        mine = [r for r in rows if r.staff == p.id]
        assert [round((m.overtime - m.history) / 60, 2) for m in theirs] == [r.overtime_total_hours for r in mine]
        assert [round(m.cap / 60, 2) for m in theirs] == [r.overtime_cap_hours for r in mine]


def test_quarter_settlement_evens_out_months():
    from roster.hours import settlement_hours
    from roster.model import SettlementPeriod

    # July 2026: 23 workdays (184 h); August: 21 (168 h).  a works D every day 07-01..07-31 (248 h) and
    # nothing in August: month by month July has 64 h at 150 %, over the quarter part Jul-Aug
    # 248 - 352 < 0, so nothing.
    rules = Rules(settlement_period=SettlementPeriod.QUARTER, approval=APPROVED)
    sc = scenario(Staff("a", "甲"), rules=rules)
    cells = {("a", d.isoformat()): "D" for d in DateRange(D("2026-07-01"), D("2026-07-31")).days()}
    rows = month_hours(sc, roster(sc, "2026-07-01", 62, cells))
    assert row(rows, "a", 7).ot150_hours == 248 - 184
    (q,) = settlement_hours(sc, rows)
    assert q.key == (2026, 2) and (q.first, q.last) == (D("2026-07-01"), D("2026-08-31"))
    assert (q.paid_hours, q.standard_hours, q.ot150_hours) == (248, 352, 0)
    assert q.overtime_cap_hours == 72
    # the cap measure nets the months as well (CH-07; validator and solver agree): 248 − 352 < 0 → 0, not July's 64
    assert row(rows, "a", 7).overtime_total_hours == 64 and q.overtime_total_hours == 0
    # month settlement keeps the monthly figure
    sc_m = scenario(Staff("a", "甲"))
    ms = settlement_hours(sc_m, month_hours(sc_m, roster(sc_m, "2026-07-01", 62, cells)))
    assert [m.ot150_hours for m in ms] == [64, 0]


def test_hr_columns_are_fields():
    from roster.hours import HR_COLUMNS_ZH, field_names

    assert {f for f, _ in HR_COLUMNS_ZH} <= set(field_names())


def test_makeup_rest_day_class_holiday_moves_a_buja_shift_to_300_percent():
    """HD-06 switch: a D shift on 2026-10-05 (补假 for 10-03) is rest-day work by default, 300 % when chosen."""
    import dataclasses as _dc

    from roster.hours import month_hours
    from roster.model import Approval, Roster, Rules, Scenario, Staff, make_assignment
    from roster.sample import default_shifts

    shifts = default_shifts()
    d = next(s for s in shifts if s.code == "D")
    ro = Roster(dt.date(2026, 10, 5), 1, (make_assignment("a", dt.date(2026, 10, 5), d),))
    base = Rules(approval=Approval("审批", dt.date(2026, 1, 1), dt.date(2027, 12, 31)))
    for klass, h300 in (("rest", 0.0), ("holiday", 8.0)):
        sc = Scenario(rules=_dc.replace(base, makeup_rest_day_class=klass), shifts=shifts, staff=(Staff("a", "甲"),))
        (row,) = month_hours(sc, ro)
        assert row.ot300_hours == h300, klass


def test_holiday_hours_in_the_total_are_counted_once_by_the_cap_in_validator_and_solver_model():
    """Sweep #6 F3: with holiday_hours_in_period_total the cap measure was max(0, paid − std) + hol, counting the
    holiday hours twice.  October part of the week: std 0 (10-01..10-04 hold no workday), paid 16, hol 8 → 16.
    A cap of 150 h/month pro rata over 4 of 31 days is 19.35 h: legal at 16, a breach at the old 24."""
    from roster.validator import check

    rules = dataclasses.replace(COMPREHENSIVE, holiday_hours_in_period_total=True, max_overtime_hours_per_month=150)
    sc, ro = national_day_week(rules)
    assert row(month_hours(sc, ro), "a", 10).overtime_total_hours == 16
    assert [v for v in check(sc, ro) if v.rule == "overtime_cap"] == []
    tight = dataclasses.replace(rules, max_overtime_hours_per_month=100)  # 12.9 h < 16
    (v,) = [v for v in check(dataclasses.replace(sc, rules=tight), ro) if v.rule == "overtime_cap"]
    assert v.staff == "a" and round(v.measured, 2) == 16


def test_personal_leave_lowers_the_cap_standard_whatever_leave_counts_as_attended_says():
    """Sweep #6 F6: with leave_counts_as_attended=false, 2 days of 事假 lowered the standard for pay (8 h at 150 %)
    but not for the cap (0 h).  SPEC §4 lowers it by 8 h per leave day of any kind."""
    p = Staff("a", "甲", leave=(Leave(DateRange(D("2026-06-08"), D("2026-06-09")), LeaveKind.PERSONAL),))
    rules = dataclasses.replace(COMPREHENSIVE, leave_counts_as_attended=False)
    sc = scenario(p, rules=rules)
    # 06-01..06-14: 10 workdays (80 h) − 2 leave days = 64 h; nine 8-h shifts = 72 h → 8 h over
    cells = {("a", f"2026-06-{d:02d}"): "D" for d in (1, 2, 3, 4, 5, 6, 10, 11, 12)}
    r = row(month_hours(sc, roster(sc, "2026-06-01", 14, cells)), "a", 6)
    assert (r.ot150_hours, r.overtime_total_hours) == (8, 8)


def test_standard_weekend_worked_and_weekdays_off_is_given_back():
    # sweep #7: under the standard system a roster's weekday off is the 调休 for the weekend worked.  June 2026,
    # week of 1–7 June: Mon–Wed, Sat, Sun worked (40 h), Thu–Fri off → 16 h earned on rest days, 16 h given back,
    # no 200 % pay; the cap measure (paid − standard over the week: 40 − 40) is 0 as well
    sc = scenario(Staff("a", "甲"), rules=STANDARD)
    days = [D("2026-06-01"), D("2026-06-02"), D("2026-06-03"), D("2026-06-06"), D("2026-06-07")]
    ro = Roster(D("2026-06-01"), 7, tuple(make_assignment("a", d, sc.shift("D")) for d in days))
    (r,) = month_hours(sc, ro)
    assert (r.paid_hours, r.standard_hours) == (40, 40)
    assert (r.comp_earned_hours, r.comp_taken_hours, r.comp_balance_hours) == (16, 16, 0)
    assert (r.ot150_hours, r.ot200_hours, r.ot300_hours, r.overtime_total_hours) == (0, 0, 0, 0)
    # one more weekday worked: 8 h of the weekend are not given back → 8 h at 200 %, as the cap measure says
    ro2 = dataclasses.replace(ro, assignments=ro.assignments + (make_assignment("a", D("2026-06-04"), sc.shift("D")),))
    (r2,) = month_hours(sc, ro2)
    assert (r2.comp_taken_hours, r2.ot200_hours, r2.overtime_total_hours) == (8, 8, 8)


@settings(max_examples=60, deadline=None)
@given(st.sets(st.integers(0, 29), max_size=26), st.sampled_from(["D", "T"]))
def test_standard_pay_columns_add_up_to_the_cap_measure(worked, code):
    """Day shifts only, no leave, the whole of September 2026 (no statutory holiday; 9-20 is a make-up workday):
    every overtime hour is paid once — 150 % + 200 % + 300 % equals the hours the cap measures."""
    sc = scenario(Staff("a", "甲"), rules=STANDARD)
    start = D("2026-09-01")
    ro = Roster(start, 30, tuple(make_assignment("a", start + dt.timedelta(days=k), sc.shift(code))
                                 for k in sorted(worked)))
    (r,) = month_hours(sc, ro)
    assert r.ot150_hours + r.ot200_hours + r.ot300_hours == pytest.approx(r.overtime_total_hours, abs=0.02)


def test_settlement_table_nets_only_quarter_and_year_under_the_system_in_force():
    # review of sweep #7: a week settlement keys month parts by ISO week, so a week across a month end held two
    # months and was netted; a 综合 quarter without an approval is the standard system and is not netted either
    from roster.hours import settlement_hours
    from roster.model import SettlementPeriod

    start = D("2026-11-30")  # Monday: Nov 30 worked 10 h (standard 8 h), Dec 1–6 nothing
    cells = {("a", "2026-11-30"): "T"}
    week = scenario(Staff("a", "甲"), rules=Rules(settlement_period=SettlementPeriod.WEEK, approval=APPROVED))
    (w,) = settlement_hours(week, month_hours(week, roster(week, start.isoformat(), 7, cells)))
    assert w.overtime_total_hours == 2
    no_approval = scenario(Staff("a", "甲"), rules=Rules(settlement_period=SettlementPeriod.QUARTER))
    rows = month_hours(no_approval, roster(no_approval, start.isoformat(), 7, cells))
    assert sum(s.overtime_total_hours for s in settlement_hours(no_approval, rows)) == 2


@pytest.mark.parametrize(("day", "ot150", "rest_hours"), [
    ("2026-06-11", 2, 0),  # Thursday → Friday: 10 h of one working day, 2 h beyond the standard day
    ("2026-06-12", 0, 6),  # Friday → Saturday: 4 h on the workday, the 6 h on the rest day earn 调休 instead
])
def test_standard_system_pays_a_long_night_beyond_the_standard_day_at_150(day, ot150, rest_hours):
    """Sweep #16: a 10-h night 20:00–06:00 put 4 h and 6 h on two dates, neither above 8 h, so its 2 h beyond the
    standard day were never paid 150 % (a 10-h day shift was); the shift is one working day (SPEC §4: it belongs
    to the date it starts), its hours on workdays beyond the standard day are 工作日延时."""
    sc = dataclasses.replace(scenario(Staff("a", "甲"), rules=STANDARD),
                             shifts=default_shifts() + (Shift("X", "长夜班", 20 * 60, 10),))
    (r,) = month_hours(sc, roster(sc, "2026-06-01", 30, {("a", day): "X"}))
    assert r.paid_hours == 10 and r.ot150_hours == ot150 and r.comp_earned_hours == rest_hours
    # the same hours as a 10-h day shift on a workday: the same 150 %
    day_shift = dataclasses.replace(sc, shifts=sc.shifts + (Shift("T", "长白班", 8 * 60, 10),))
    (t,) = month_hours(day_shift, roster(day_shift, "2026-06-01", 30, {("a", "2026-06-11"): "T"}))
    assert t.ot150_hours == 2
