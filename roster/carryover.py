"""Carry-over between rolling periods (SPEC §2.11): the :class:`History` each person brings into the
period that starts the day after a roster ends, so rest, consecutive days, the monthly overtime cap
and the fairness counters stay right at the seams.

Counters (cumulative, the scenario's incoming history added):

* ``nights``: shifts with ≥ 180 night minutes (ARCHITECTURE.md, NW-03 reference);
* ``weekend_days``: shifts starting on a calendar rest day (weekends and the rest days of a holiday
  block; a 调休上班 Saturday is a workday and does not count);
* ``holiday_days``: shifts starting on a statutory (H300) date.

This module uses only the shared data helpers (model, calendar): the solver's rolling horizon imports
it, and the solver must stay independent of the validator side (``roster.hours``/``roster.validator``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from .calendar import AVERAGE_MONTH_HOURS, WorkCalendar
from .model import Assignment, DayType, History, Roster, Scenario, WorkingTimeSystem

_DAY = dt.timedelta(days=1)
#: a shift with at least this many night minutes is a "night shift" (ARCHITECTURE.md, NW-03)
NIGHT_SHIFT_MINUTES = 180


def consecutive_working_dates(scenario: Scenario, roster: Roster, staff_id: str) -> int:
    """Working dates in a row ending at ``roster.end``; a fully worked period adds the incoming run."""
    hist = scenario.history_of(staff_id)
    mine = [a for a in roster.assignments if a.staff == staff_id]
    worked = _working_dates(mine, hist.last_shift_end, roster.start)
    n = 0
    d = roster.end
    while d >= roster.start and d in worked:
        n += 1
        d -= _DAY
    if d < roster.start:
        n += hist.consecutive_days
    return n


def split_by_date(start: dt.datetime, end: dt.datetime) -> dict[dt.date, int]:
    """Minutes of [start, end) on each calendar date (also used by ``roster.hours``)."""
    out: dict[dt.date, int] = {}
    cur = start
    while cur < end:
        nxt = min(end, dt.datetime.combine(cur.date() + _DAY, dt.time()))
        out[cur.date()] = out.get(cur.date(), 0) + int((nxt - cur).total_seconds() // 60)
        cur = nxt
    return out


def night_minutes(start: dt.datetime, end: dt.datetime, window: tuple[int, int]) -> int:
    """Minutes of [start, end) inside the night window (minutes from midnight, may wrap)."""
    w0, w1 = window
    if w0 == w1:
        return 0
    total = 0
    day = start.date() - _DAY
    while day <= end.date():
        base = dt.datetime.combine(day, dt.time())
        lo = max(base + dt.timedelta(minutes=w0), start)
        hi = min(base + dt.timedelta(minutes=w1 if w1 > w0 else w1 + 1440), end)
        if hi > lo:
            total += int((hi - lo).total_seconds() // 60)
        day += _DAY
    return total


def _working_dates(assignments: list[Assignment], history_end: dt.datetime | None, start: dt.date) -> set[dt.date]:
    out: set[dt.date] = set()
    for a in assignments:
        out.update(d for d, m in split_by_date(a.start, a.end).items() if m > 0)
    ps = dt.datetime.combine(start, dt.time())
    if history_end is not None and history_end > ps:
        out.update(split_by_date(ps, history_end))
    return out


def overtime_minutes_in_end_month(scenario: Scenario, roster: Roster, staff_id: str, cal: WorkCalendar) -> float:
    """Overtime (cap measure of docs/ARCHITECTURE.md) used in the natural month of ``roster.end``, up to
    ``roster.end``: the part of the roster inside that month plus the incoming history when the roster
    itself started in that month after the 1st.  Under the standard system (in force for the roster's period) it is
    the larger of the netted measure and the extended daily hours plus holiday hours, so the next period's
    constraints on either measure see what this one used."""
    rules = scenario.rules.in_force(roster.start, roster.end)
    person = scenario.person(staff_id)
    m_first = roster.end.replace(day=1)
    first = max(roster.start, m_first)
    m_last = (m_first + dt.timedelta(days=32)).replace(day=1) - _DAY
    breaks = {s.code: s.break_minutes for s in scenario.shifts}
    paid = hol = ext = 0.0
    day_std = person.standard_day_minutes
    dates = [first + dt.timedelta(days=i) for i in range((roster.end - first).days + 1)]
    in_dates = set(dates)
    # two readings of "paid hours per natural month": by the shift's start date, and (as the validator measures it)
    # the minutes that fall on first … end — the previous period's nights running into the first date
    # (``roster.carried_in``) included: a 30 Sep night's October morning belongs to October's month-to-date overtime
    # (review of session 10: day chunks of a rolling plan lost it, and October reached 44 h).  A carried-in night
    # that started in this month was counted in full, by its start date, in the history's month-to-date figure
    # already: only one from an earlier month adds minutes here (review of session 11)
    paid_m = hol_m = 0.0
    for a in (*roster.assignments, *(a for a in roster.carried_in if a.date < m_first)):
        if a.staff != staff_id:
            continue
        span = split_by_date(a.start, a.end)
        total = sum(span.values())
        if total <= 0:
            continue
        ratio = max(0, total - breaks.get(a.shift, 0)) / total
        paid_m += sum(m for d, m in span.items() if d in in_dates) * ratio
        hol_m += sum(m for d, m in span.items() if d in in_dates and cal.is_holiday(d)) * ratio
        if not first <= a.date <= roster.end:
            continue
        paid += total * ratio
        if cal.is_workday(a.date):
            ext += max(0.0, total * ratio - day_std)
        hol += sum(m for d, m in span.items() if cal.is_holiday(d)) * ratio
    scale = person.weekly_hours / 40

    def standard(days: list[dt.date]) -> float:
        if rules.standard_hours_method == "average":
            base = AVERAGE_MONTH_HOURS * 60 * scale * len(days) / ((m_last - m_first).days + 1)
        else:
            base = 480 * scale * sum(1 for d in days if cal.is_workday(d))
        return base - 480 * sum(1 for d in days if person.leave_on(d) and cal.is_workday(d))  # SPEC §4: every kind

    # the employed days' standard, never above the whole part's (as the validator)
    std = max(0.0, min(standard(dates), standard([d for d in dates if person.employed_on(d)])))
    ot = max(0.0, paid - hol - std) + hol  # each overtime hour once: max(paid − std, hol)
    ot = max(ot, max(0.0, paid_m - hol_m - std) + hol_m)  # the larger reading is measured
    if rules.working_time_system == WorkingTimeSystem.STANDARD:
        ot = max(ot, ext + hol)
    if first == roster.start and first.day != 1 and staff_id in scenario.history:
        ot += scenario.history[staff_id].overtime_minutes_month
    return ot


def _overtime_minutes_for_next(scenario: Scenario, roster: Roster, cal: WorkCalendar) -> dict[str, int]:
    if (roster.end + _DAY).day == 1:
        return {p.id: 0 for p in scenario.staff}
    return {p.id: round(overtime_minutes_in_end_month(scenario, roster, p.id, cal)) for p in scenario.staff}


def fairness_counters(a: Assignment, scenario: Scenario, cal: WorkCalendar) -> tuple[int, int, int]:
    """(night, rest day, statutory holiday) as 0/1 for one shift: the counters history carries and fairness compares
    (a night = ≥ 180 night minutes; the day class of the date the shift starts)."""
    night = night_minutes(a.start, a.end, scenario.rules.night_window) >= NIGHT_SHIFT_MINUTES
    kind = cal.day_type(a.date)
    return int(night), int(kind == DayType.RESTDAY), int(kind == DayType.HOLIDAY)


def history_after(scenario: Scenario, roster: Roster, *, cal: WorkCalendar | None = None) -> dict[str, History]:
    """History per staff id (every person of the scenario) for the period starting ``roster.end + 1``."""
    cal = cal or WorkCalendar.of(scenario)
    overtime = _overtime_minutes_for_next(scenario, roster, cal)
    out: dict[str, History] = {}
    for p in scenario.staff:
        hist = scenario.history_of(p.id)
        mine = [a for a in roster.assignments if a.staff == p.id]
        last_end = max((a.end for a in mine), default=None)
        if hist.last_shift_end and (last_end is None or hist.last_shift_end > last_end):
            last_end = hist.last_shift_end
        nights = weekends = holidays = 0
        for a in mine:
            n, w, h = fairness_counters(a, scenario, cal)
            nights, weekends, holidays = nights + n, weekends + w, holidays + h
        out[p.id] = History(
            last_shift_end=last_end,
            consecutive_days=consecutive_working_dates(scenario, roster, p.id),
            overtime_minutes_month=overtime.get(p.id, 0),
            nights=hist.nights + nights,
            weekend_days=hist.weekend_days + weekends,
            holiday_days=hist.holiday_days + holidays,
        )
    return out


def next_scenario(scenario: Scenario, roster: Roster, *, cal: WorkCalendar | None = None) -> Scenario:
    """The scenario for the following period: same data, history replaced, old locks dropped."""
    nxt = roster.end + _DAY
    locks = tuple(lk for lk in scenario.locked if lk.date >= nxt)
    return replace(scenario, history=history_after(scenario, roster, cal=cal), locked=locks)


def carried_in(prior: Roster | None, start: dt.date) -> tuple[Assignment, ...]:
    """The shifts of ``prior`` (the period before ``start``) that still run after ``start``'s midnight."""
    if prior is None:
        return ()
    t0 = dt.datetime.combine(start, dt.time())
    return tuple(a for a in prior.assignments if a.date < start and a.end > t0)
