"""Annual-leave balance: only working days use the entitlement (AL-02), per calendar year."""

from __future__ import annotations

import datetime as dt

from roster.annual_leave import annual_leave_balance, annual_leave_planned, overdrawn
from roster.calendar import WorkCalendar
from roster.model import DateRange, Leave, LeaveKind, Scenario, Staff

D = dt.date.fromisoformat
CAL = WorkCalendar()


def person(*leave: Leave, days: int = 5) -> Staff:
    return Staff("a", "甲", leave=leave, annual_leave_days=days)


def test_weekends_and_the_national_day_holidays_use_no_entitlement():
    # 2026-09-28 (Mon) … 10-09 (Fri): workdays 09-28, 09-29, 09-30, 10-08, 10-09; 10-01..10-07 are holidays or
    # rest days (labour-law §3.1); 10-10 (Sat) is a make-up workday but outside the leave
    lv = Leave(DateRange(D("2026-09-28"), D("2026-10-09")), LeaveKind.ANNUAL)
    assert annual_leave_planned(person(lv), 2026, CAL) == 5


def test_a_make_up_workday_uses_entitlement_and_other_kinds_do_not():
    sat = Leave(DateRange(D("2026-10-10"), D("2026-10-11")), LeaveKind.ANNUAL)  # Sat (班) + Sun
    sick = Leave(DateRange(D("2026-10-12"), D("2026-10-16")), LeaveKind.SICK)
    assert annual_leave_planned(person(sat, sick), 2026, CAL) == 1


def test_balance_is_per_calendar_year_and_overdrawn_lists_the_excess():
    lv = Leave(DateRange(D("2026-12-28"), D("2027-01-08")), LeaveKind.ANNUAL)
    # 2026: 12-28..12-31 = 4 workdays; 2027: 01-01 statutory holiday, 01-02/03 weekend, 01-04..01-08 = 5
    p = person(lv, days=4)
    sc = Scenario(staff=(p,))
    b26, b27 = annual_leave_balance(sc, p, 2026), annual_leave_balance(sc, p, 2027)
    assert (b26.planned, b26.remaining, b26.over) == (4, 0, False)
    assert (b27.planned, b27.remaining, b27.over) == (5, -1, True)
    assert overdrawn(sc, [2026, 2027]) == [b27]
