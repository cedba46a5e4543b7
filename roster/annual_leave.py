"""Annual-leave balance per calendar year: days of 年假 planned against the person's entitlement.

Only working days count (AL-02, S6 Art. 3 "国家法定休假日、休息日不计入年休假的假期"): a leave period that spans a
weekend or a statutory holiday uses no entitlement for those dates.  The entitlement is the ``annual_leave_days``
entered for the person (AL-01; pro rata for new hires per AL-04 is the HR clerk's figure).  Planning more than the
entitlement is not a labour-law breach (an employer may grant more), so the app warns instead of refusing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .calendar import WorkCalendar
from .model import LeaveKind, Scenario, Staff


@dataclass(frozen=True, slots=True)
class AnnualLeave:
    staff: str
    year: int
    planned: int  # working days of annual leave in the calendar year
    entitled: int

    @property
    def remaining(self) -> int:
        return self.entitled - self.planned

    @property
    def over(self) -> bool:
        return self.planned > self.entitled


def annual_leave_planned(person: Staff, year: int, cal: WorkCalendar) -> int:
    """Working days of ``person``'s annual leave (年假) that fall in calendar ``year``."""
    days = 0
    for lv in person.leave:
        if lv.kind != LeaveKind.ANNUAL:
            continue
        d = max(lv.period.start, dt.date(year, 1, 1))
        last = min(lv.period.end, dt.date(year, 12, 31))
        while d <= last:
            if cal.is_workday(d):
                days += 1
            d += dt.timedelta(days=1)
    return days


def annual_leave_balance(scenario: Scenario, person: Staff, year: int, cal: WorkCalendar | None = None) -> AnnualLeave:
    cal = cal or WorkCalendar.of(scenario)
    return AnnualLeave(person.id, year, annual_leave_planned(person, year, cal), person.annual_leave_days)


def overdrawn(scenario: Scenario, years: list[int], cal: WorkCalendar | None = None) -> list[AnnualLeave]:
    """Everyone whose planned annual leave in one of ``years`` exceeds the entitlement."""
    cal = cal or WorkCalendar.of(scenario)
    out = []
    for p in scenario.staff:
        for y in years:
            b = annual_leave_balance(scenario, p, y, cal)
            if b.over:
                out.append(b)
    return out
