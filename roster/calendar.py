"""China working calendar: every date is a workday, rest day or statutory holiday (H300).

Source of truth is the ``holidays`` package (China), which knows the statutory dates, the
observed/substituted rest days (补假/调休) and the make-up working days (调休上班).  Its 2027+
arrangements are estimates (HD-07), so :meth:`WorkCalendar.estimated_years` tells the UI to warn
and users can override any date.

Pay classes (labour-law.md §3.1): H300 = statutory date (``DayType.HOLIDAY``); R = rest day,
including 补假/调休 rest days in a holiday block (``makeup_rest_day_class = "rest"``, HD-05/HD-06);
W = workday, including make-up working days.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays as holidays_lib

from .model import CalendarOverrides, DayType

#: the last year whose 调休 arrangement was published (S15) when this table was written; later years are estimates
LAST_PUBLISHED_YEAR = 2026
AVERAGE_MONTH_HOURS = 1984 / 12  # 165.33 h, 人社部发〔2025〕2号 (MD-01)


@lru_cache(maxsize=64)
def _china_year(year: int) -> tuple[frozenset[dt.date], frozenset[dt.date], frozenset[dt.date], frozenset[dt.date]]:
    """(statutory dates, 补假 days, 调休 rest days, make-up workdays) for one year.

    The package names a 补假 day (a weekday off for a statutory day that falls on a weekend, S8 Art. 6; HD-06)
    "… (observed)" and a swapped rest day (调休) "Day off (substituted from …)"."""
    cn = holidays_lib.China(years=year)
    statutory: set[dt.date] = set()
    observed: set[dt.date] = set()
    swapped: set[dt.date] = set()
    for day, name in cn.items():
        low = name.lower()
        if "observed" in low:
            observed.add(day)
        elif "substituted" in low or "day off" in low:
            swapped.add(day)
        else:
            statutory.add(day)
    workdays = {d for d in getattr(cn, "weekend_workdays", set()) if d.year == year}
    return frozenset(statutory), frozenset(observed), frozenset(swapped), frozenset(workdays)


def override_of(o: CalendarOverrides, day: dt.date) -> DayType | None:
    """The user's override for ``day`` (holiday wins over rest day over workday), or None."""
    if day in o.holidays:
        return DayType.HOLIDAY
    if day in o.restdays:
        return DayType.RESTDAY
    if day in o.workdays:
        return DayType.WORKDAY
    return None


class WorkCalendar:
    """Classifies dates; user overrides win over the package."""

    def __init__(self, overrides: CalendarOverrides | None = None, makeup_rest_day_class: str = "rest") -> None:
        self.overrides = overrides or CalendarOverrides()
        # HD-06: a 补假 day is a rest day (200 % / comp time) by default; "holiday" pays it as a statutory day
        self.observed_as_holiday = makeup_rest_day_class == "holiday"

    @classmethod
    def of(cls, scenario) -> WorkCalendar:
        """The calendar of a scenario: its overrides and its rules' ``makeup_rest_day_class``."""
        return cls(scenario.calendar, scenario.rules.makeup_rest_day_class)

    def day_type(self, day: dt.date) -> DayType:
        override = override_of(self.overrides, day)
        if override is not None:
            # a 补假 day the user confirmed as a rest day (the 2027 estimate asks for it) still follows HD-06's switch
            if override == DayType.RESTDAY and self.observed_as_holiday and day in _china_year(day.year)[1]:
                return DayType.HOLIDAY
            return override
        statutory, observed, swapped, makeup = _china_year(day.year)
        if day in statutory or (self.observed_as_holiday and day in observed):
            return DayType.HOLIDAY
        if day in makeup:
            return DayType.WORKDAY
        if day in observed or day in swapped or day.weekday() >= 5:
            return DayType.RESTDAY
        return DayType.WORKDAY

    def is_holiday(self, day: dt.date) -> bool:
        return self.day_type(day) == DayType.HOLIDAY

    def is_workday(self, day: dt.date) -> bool:
        return self.day_type(day) == DayType.WORKDAY

    def is_makeup_workday(self, day: dt.date) -> bool:
        """A weekend date that is a working day (调休上班, shown as 班)."""
        return day.weekday() >= 5 and self.is_workday(day)

    def holiday_name(self, day: dt.date, lang: str = "zh") -> str | None:
        """The ``holidays`` package's name of ``day`` (Chinese, or English for ``lang="en"``), None on other days."""
        if lang == "en":
            cn = holidays_lib.China(years=day.year, language="en_US")
        else:
            cn = holidays_lib.China(years=day.year, language="zh_CN") if _has_zh() else holidays_lib.China(years=day.year)
        return cn.get(day)

    def workdays_between(self, first: dt.date, last: dt.date) -> int:
        n = 0
        d = first
        while d <= last:
            n += self.is_workday(d)
            d += dt.timedelta(days=1)
        return n

    def standard_hours_month(self, year: int, month: int, method: str = "calendar") -> float:
        """Standard hours of a natural month for a 40 h week (labour-law.md §3.3 / MD-01)."""
        if method == "average":
            return AVERAGE_MONTH_HOURS
        first = dt.date(year, month, 1)
        last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        return 8.0 * self.workdays_between(first, last)

    def estimated_years(self, first: dt.date, last: dt.date) -> list[int]:
        """Years of [first, last] whose arrangement is still (partly) an estimate there: published after this table
        was written, and either no date of the year is overridden or a date of :meth:`unconfirmed_dates` whose
        block reaches into [first, last] (:data:`REACH_BEFORE` / :data:`REACH_AFTER` days) is left.  One override
        does not confirm a whole year's arrangement: a holiday block nobody entered (its 调休 rest days and make-up
        workdays, which the package cannot estimate) still decides the dates around it — e.g. April 2027 next to the
        Labour Day block when only the Spring Festival dates were entered (sweep #16)."""
        o = self.overrides
        overridden = {d.year for d in (o.holidays | o.restdays | o.workdays)}
        pending = {d.year for d in self.pending_dates(first, last)}
        return [y for y in range(first.year, last.year + 1)
                if y > LAST_PUBLISHED_YEAR and (y not in overridden or y in pending)]

    def pending_dates(self, first: dt.date, last: dt.date) -> list[dt.date]:
        """The :meth:`unconfirmed_dates` of [first, last]'s years whose block reaches into [first, last]."""
        lo, hi = first - dt.timedelta(days=REACH_AFTER), last + dt.timedelta(days=REACH_BEFORE)
        return [d for y in range(first.year, last.year + 1) for d in self.unconfirmed_dates(y) if lo <= d <= hi]

    def unconfirmed_dates(self, year: int) -> list[dt.date]:
        """The dates of ``year`` the user still has to confirm: the package's estimated arrangement dates (shifted
        rest days, make-up workdays) not entered (any override of the date, to the same or another type, confirms
        it), and the statutory dates of every holiday block with no override within its reach (:data:`REACH_BEFORE`
        days before, :data:`REACH_AFTER` after): its real 调休 may add rest days and make-up workdays the package
        does not know; entering any date around it — the statutory date itself kept as a holiday will do — confirms
        the block."""
        if year <= LAST_PUBLISHED_YEAR:
            return []
        statutory, observed, swapped, makeup = _china_year(year)
        o = self.overrides
        mentioned = o.holidays | o.restdays | o.workdays
        out = {d for d in observed | swapped | makeup if d not in mentioned}
        before, after = dt.timedelta(days=REACH_BEFORE), dt.timedelta(days=REACH_AFTER)
        for block in _blocks(statutory):
            if not any(block[0] - before <= d <= block[-1] + after for d in mentioned):
                out.update(block)
        return sorted(out)


#: how far (days) a holiday block's 调休 reaches from its first / last statutory date.  Published arrangements: make-up
#: workdays up to 6 days before (2024 Spring Festival 02-04 for 02-10) and 9 days after (2026 Spring Festival 02-28
#: for 02-19; 2025 National Day 10-11 for 10-03, Spring Festival 02-08 for 01-31)
REACH_BEFORE = 7
REACH_AFTER = 10


def _blocks(dates: frozenset[dt.date]) -> list[list[dt.date]]:
    """Statutory dates grouped into holiday blocks (dates at most 3 days apart belong to one block)."""
    out: list[list[dt.date]] = []
    for d in sorted(dates):
        if out and (d - out[-1][-1]).days <= 3:
            out[-1].append(d)
        else:
            out.append([d])
    return out


@lru_cache(maxsize=1)
def _has_zh() -> bool:
    try:
        holidays_lib.China(years=2026, language="zh_CN")
        return True
    except Exception:  # pragma: no cover - depends on package build
        return False


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, month, 1)
    last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return first, last
