"""Carry-over between rolling periods (SPEC §2.11): the :class:`History` each person brings into the
period that starts the day after a roster ends, so rest, consecutive days, the monthly overtime cap
and the fairness counters stay right at the seams.

Counters (cumulative, the scenario's incoming history added):

* ``nights``: shifts with ≥ 180 night minutes (ARCHITECTURE.md, NW-03 reference);
* ``weekend_days``: shifts starting on a calendar rest day (weekends and the rest days of a holiday
  block; a 调休上班 Saturday is a workday and does not count);
* ``holiday_days``: shifts starting on a statutory (H300) date.

This module is independent of the solver; it uses the shared data helpers and :mod:`roster.hours`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from .calendar import WorkCalendar
from .hours import NIGHT_SHIFT_MINUTES, month_hours, night_minutes, working_dates_of
from .model import Assignment, DayType, History, Roster, Scenario

_DAY = dt.timedelta(days=1)


def consecutive_working_dates(scenario: Scenario, roster: Roster, staff_id: str) -> int:
    """Working dates in a row ending at ``roster.end``; a fully worked period adds the incoming run."""
    hist = scenario.history_of(staff_id)
    mine = [a for a in roster.assignments if a.staff == staff_id]
    worked = working_dates_of(mine, hist.last_shift_end, roster.start)
    n = 0
    d = roster.end
    while d >= roster.start and d in worked:
        n += 1
        d -= _DAY
    if d < roster.start:
        n += hist.consecutive_days
    return n


def _overtime_minutes_for_next(scenario: Scenario, roster: Roster, cal: WorkCalendar) -> dict[str, int]:
    nxt = roster.end + _DAY
    if nxt.day == 1:
        return {p.id: 0 for p in scenario.staff}
    # only the month of roster.end matters: account the part of the roster inside it
    start = max(roster.start, roster.end.replace(day=1))
    part = Roster(start, (roster.end - start).days + 1,
                  tuple(a for a in roster.assignments if a.date >= start))
    rows = month_hours(scenario, part, cal=cal)
    out = {}
    for r in rows:
        if (r.year, r.month) == (roster.end.year, roster.end.month):
            out[r.staff] = round((r.overtime_total_hours + r.prior_overtime_hours) * 60)
    return out


def _counters(a: Assignment, scenario: Scenario, cal: WorkCalendar) -> tuple[int, int, int]:
    night = night_minutes(a.start, a.end, scenario.rules.night_window) >= NIGHT_SHIFT_MINUTES
    kind = cal.day_type(a.date)
    return int(night), int(kind == DayType.RESTDAY), int(kind == DayType.HOLIDAY)


def history_after(scenario: Scenario, roster: Roster, *, cal: WorkCalendar | None = None) -> dict[str, History]:
    """History per staff id (every person of the scenario) for the period starting ``roster.end + 1``."""
    cal = cal or WorkCalendar(scenario.calendar)
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
            n, w, h = _counters(a, scenario, cal)
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
