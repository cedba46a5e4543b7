"""Expand assignments into working minutes per calendar date, night minutes and paid minutes.

Only the independent validator (:mod:`roster.validator`) and the HR hour accounting may use this
module; the solver has its own encoding of the same semantics (docs/ARCHITECTURE.md), so that a
mistake here cannot hide the same mistake there.

Shared semantics implemented here:

* An assignment's span ``[start, end)`` is working time (break included); the break is unpaid, so
  paid minutes = span − ``break_minutes`` of the template.
* A minute belongs to the calendar date it lies in; a *working date* is any date holding ≥ 1 working
  minute.  A history ``last_shift_end`` after the period start makes the dates it reaches working
  dates too (only for working-date purposes: the earlier part of that shift is not known).
* Night minutes are minutes inside the night window of the date they lie in; the window may wrap
  midnight (22:00–06:00 gives [00:00, 06:00) and [22:00, 24:00) of every date).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .model import Assignment, History, Roster, Scenario, Shift

DAY = dt.timedelta(days=1)
NIGHT_SHIFT_MINUTES = 180  # NW-03 reference: ≥ 3 h in the window makes a "night shift"


def midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time())


def _minutes(delta: dt.timedelta) -> int:
    return int(delta.total_seconds() // 60)


def overlap_minutes(a0: dt.datetime, a1: dt.datetime, b0: dt.datetime, b1: dt.datetime) -> int:
    """Minutes in the intersection of the half-open intervals [a0, a1) and [b0, b1)."""
    lo, hi = max(a0, b0), min(a1, b1)
    return _minutes(hi - lo) if hi > lo else 0


def dates_touched(start: dt.datetime, end: dt.datetime) -> list[dt.date]:
    """Calendar dates holding at least one minute of [start, end)."""
    if end <= start:
        return []
    last = (end - dt.timedelta(microseconds=1)).date()
    out = []
    d = start.date()
    while d <= last:
        out.append(d)
        d += DAY
    return out


def minutes_by_date(start: dt.datetime, end: dt.datetime) -> dict[dt.date, int]:
    """{date: working minutes of [start, end) on that date}, only dates with > 0 minutes."""
    out: dict[dt.date, int] = {}
    for d in dates_touched(start, end):
        m = overlap_minutes(start, end, midnight(d), midnight(d + DAY))
        if m > 0:
            out[d] = m
    return out


def night_intervals(day: dt.date, window: tuple[int, int]) -> list[tuple[dt.datetime, dt.datetime]]:
    """The night window's parts that lie on ``day`` (a wrapping window gives two parts)."""
    a, b = window
    m = midnight(day)
    if a == b:
        return []
    if a < b:
        return [(m + dt.timedelta(minutes=a), m + dt.timedelta(minutes=b))]
    return [(m, m + dt.timedelta(minutes=b)), (m + dt.timedelta(minutes=a), m + DAY)]


def night_minutes_by_date(start: dt.datetime, end: dt.datetime, window: tuple[int, int]) -> dict[dt.date, int]:
    """{date: night minutes of [start, end) lying on that date}, only dates with > 0 minutes."""
    out: dict[dt.date, int] = {}
    for d in dates_touched(start, end):
        m = sum(overlap_minutes(start, end, s, e) for s, e in night_intervals(d, window))
        if m > 0:
            out[d] = m
    return out


def night_minutes(start: dt.datetime, end: dt.datetime, window: tuple[int, int]) -> int:
    return sum(night_minutes_by_date(start, end, window).values())


def is_night_shift(start: dt.datetime, end: dt.datetime, window: tuple[int, int]) -> bool:
    """A shift with ≥ 180 night minutes (NW-03 reference), used for fairness counters."""
    return night_minutes(start, end, window) >= NIGHT_SHIFT_MINUTES


def minutes_on(start: dt.datetime, end: dt.datetime, pred: Callable[[dt.date], bool]) -> int:
    """Working minutes of [start, end) on dates where ``pred(date)`` holds."""
    return sum(m for d, m in minutes_by_date(start, end).items() if pred(d))


@dataclass(frozen=True, slots=True)
class Work:
    """One assignment expanded: its span, paid minutes and minutes per date."""

    assignment: Assignment
    shift: Shift | None  # None when the code is not a template of the scenario
    span: int
    paid: int
    by_date: dict[dt.date, int]

    @property
    def start(self) -> dt.datetime:
        return self.assignment.start

    @property
    def end(self) -> dt.datetime:
        return self.assignment.end

    @property
    def date(self) -> dt.date:
        return self.assignment.date

    def paid_fraction(self) -> float:
        return self.paid / self.span if self.span > 0 else 0.0

    def paid_minutes_on(self, pred: Callable[[dt.date], bool]) -> float:
        """Paid minutes lying on dates where ``pred`` holds, minute-exact with the break pro rata."""
        return sum(m for d, m in self.by_date.items() if pred(d)) * self.paid_fraction()


def expand(assignment: Assignment, shift: Shift | None) -> Work:
    span = max(0, _minutes(assignment.end - assignment.start))
    brk = shift.break_minutes if shift is not None else 0
    return Work(assignment, shift, span, max(0, span - brk), minutes_by_date(assignment.start, assignment.end))


def _sort_key(a: Assignment) -> tuple:
    return (a.start, a.end, a.date, a.shift, a.staff)


@dataclass(slots=True)
class StaffTimeline:
    """All work of one person, sorted by start, with working minutes per date."""

    staff: str
    works: list[Work] = field(default_factory=list)
    minutes: dict[dt.date, int] = field(default_factory=dict)

    def working_dates(self) -> set[dt.date]:
        return {d for d, m in self.minutes.items() if m > 0}


def staff_timelines(scenario: Scenario, assignments: Iterable[Assignment]) -> dict[str, StaffTimeline]:
    """{staff id: timeline} for every staff id that has an assignment (order-independent)."""
    shifts = scenario.shift_map()
    out: dict[str, StaffTimeline] = {}
    for a in sorted(assignments, key=_sort_key):
        tl = out.setdefault(a.staff, StaffTimeline(a.staff))
        w = expand(a, shifts.get(a.shift))
        tl.works.append(w)
        for d, m in w.by_date.items():
            tl.minutes[d] = tl.minutes.get(d, 0) + m
    return out


def history_working_dates(history: History, period_start: dt.date) -> set[dt.date]:
    """Dates ≥ the period start made working by a ``last_shift_end`` that reaches into the period."""
    if history.last_shift_end is None or history.last_shift_end <= midnight(period_start):
        return set()
    return set(dates_touched(midnight(period_start), history.last_shift_end))


def working_dates(scenario: Scenario, roster: Roster, staff_id: str) -> set[dt.date]:
    """Working dates of one person: dates with a working minute, plus history carry-in."""
    tl = staff_timelines(scenario, (a for a in roster.assignments if a.staff == staff_id)).get(staff_id)
    dates = tl.working_dates() if tl else set()
    return dates | history_working_dates(scenario.history_of(staff_id), roster.start)


def pre_period_working(history: History, period_start: dt.date, day: dt.date) -> bool:
    """Before the period: the last ``consecutive_days`` dates are working, the others rest."""
    return 1 <= (period_start - day).days <= history.consecutive_days
