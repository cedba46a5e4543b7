"""HR hour accounting per person per natural month (SPEC §5 工时汇总; labour-law.md §0, §4 "Pay accounting").

Everything is computed over the part *P* of a natural month that lies inside the roster period.
A shift belongs to the month of the date it starts: its paid hours, night hours and premium hours all
go to that month, even the minutes it spends after midnight of the next month.  Minutes on a date are
classified by that date's calendar class (minute-exact), and an unpaid break is spread pro rata over
the shift's span, so a night shift 09-30 22:00 – 10-01 06:00 has 6 of its 8 hours on the 300 % date.

Two working-time systems (``Rules.working_time_system``):

* **comprehensive** (综合计算工时, PAY-04/PAY-05): ``ot300`` = paid hours on H300 dates;
  ``ot150 = max(0, paid − hol − std)`` (or ``max(0, paid − std)`` with
  ``holiday_hours_in_period_total``); rest-day hours are ordinary rostered time, no comp time is earned.
* **standard** (标准工时): ``ot150`` = hours beyond the daily standard (8 h × weekly_hours/40) on each
  workday date (PAY-01); rest-day hours earn 调休 1:1 (PAY-02) and what the month's 调休 does not
  give back is ``ot200`` — given back are 调休 leave days and the workdays the roster leaves off (the
  standard minus the hours worked within the daily standard on workdays); hours on H300 dates are ``ot300``
  and never converted (PAY-03).

``standard_hours`` = the calendar standard of P (working days of P while employed × 8 × weekly_hours/40,
or the 165.33 h average pro rata) minus 8 h per leave day on a working day for leave that means no
work is due: paid leave when ``leave_counts_as_attended`` (labour-law.md §0), 事假 and 其他 always.
A 调休 day does not reduce it: it draws on the comp ledger (``comp_taken_hours``).

``overtime_total_hours`` is the figure the 36 h cap is applied to, as docs/ARCHITECTURE.md and the
validator (``roster.validator.month_overtime``) define it: with ``leave_counts_as_attended`` every leave
day on a working day, 调休 included, reduces the standard; like the pay columns it counts only the days the
person is employed (sweep #13 F2: it used the whole month's standard, so a joiner's 64 h of 150 % showed
0 h against the cap).  It is therefore not always the sum of the pay columns.  It excludes the history overtime of
the start month (``prior_overtime_hours``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from fractions import Fraction

from .calendar import AVERAGE_MONTH_HOURS, WorkCalendar, month_bounds
from .carryover import night_minutes, split_by_date
from .model import (
    NO_OVERTIME_KINDS,
    PAID_LEAVE_KINDS,
    Assignment,
    DayType,
    LeaveKind,
    Roster,
    Rules,
    Scenario,
    SettlementPeriod,
    Staff,
    WorkingTimeSystem,
)

#: leave that means "no work is due" whatever ``leave_counts_as_attended`` says
NO_WORK_DUE_KINDS = frozenset({LeaveKind.PERSONAL, LeaveKind.OTHER})
#: leave counted in natural days on the HR sheet (98-day maternity leave, S5 Art. 7); others in working days
NATURAL_DAY_LEAVE_KINDS = frozenset({LeaveKind.MATERNITY})
#: a shift with at least this many night minutes is a "night shift" for counters (NW-03 reference)
NIGHT_SHIFT_MINUTES = 180
_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class MonthHours:
    """HR figures of one person for the part of one natural month inside the roster period."""

    staff: str
    year: int
    month: int
    days_worked: int  # shifts starting in P
    working_dates: tuple[dt.date, ...]  # dates of P holding at least one working minute
    paid_hours: float
    standard_hours: float  # calendar standard of P minus leave that means no work is due
    ot150_hours: float
    ot200_hours: float
    ot300_hours: float
    overtime_total_hours: float  # cap measure of docs/ARCHITECTURE.md (period part only)
    night_hours: float
    comp_earned_hours: float
    comp_taken_hours: float
    comp_balance_hours: float  # earned − taken in this month (negative: drawn from earlier balance)
    leave_days: dict[str, int]  # LeaveKind value -> days
    person_days: int  # billing (contract clause 5.2): days with a shift start
    first: dt.date | None = None  # P = [first, last]
    last: dt.date | None = None
    calendar_standard_hours: float = 0.0  # standard of P before leave reductions
    overtime_cap_hours: float = 0.0  # pro-rata cap for P (0 when overtime is not allowed)
    prior_overtime_hours: float = 0.0  # history overtime of the start month before the period
    cap_standard_hours: float = 0.0  # the standard the cap measure uses (SPEC §4: every leave day on a workday)
    employed: bool = True  # False when the person was employed on no date of P

    @property
    def overtime_pay_hours(self) -> float:
        return round(self.ot150_hours + self.ot200_hours + self.ot300_hours, 2)


# ---------------------------------------------------------------- small time helpers


def break_minutes_of(scenario: Scenario, a: Assignment) -> int:
    shifts = scenario.shift_map()
    sh = shifts.get(a.shift)
    return sh.break_minutes if sh else 0


def paid_by_date(a: Assignment, break_minutes: int) -> dict[dt.date, Fraction]:
    """Paid minutes of one shift on each date; the unpaid break is spread pro rata over the span."""
    span = split_by_date(a.start, a.end)
    total = sum(span.values())
    if total <= 0:
        return {}
    paid = max(0, total - break_minutes)
    return {d: Fraction(m * paid, total) for d, m in span.items()}


def working_dates_of(assignments: Iterable[Assignment], history_end: dt.datetime | None = None,
                     period_start: dt.date | None = None) -> set[dt.date]:
    """Dates holding at least one working minute (history's last shift may spill into the period)."""
    out: set[dt.date] = set()
    for a in assignments:
        if a.end <= a.start:
            continue
        d = a.start.date()
        last = (a.end - dt.timedelta(microseconds=1)).date()
        while d <= last:
            out.add(d)
            d += _DAY
    if history_end is not None and period_start is not None:
        ps = dt.datetime.combine(period_start, dt.time())
        if history_end > ps:
            out.update(d for d in split_by_date(ps, history_end) if d >= period_start)
    return out


def month_parts(first: dt.date, last: dt.date) -> list[tuple[int, int, dt.date, dt.date]]:
    """(year, month, P.first, P.last) for every natural month intersecting [first, last]."""
    out = []
    y, m = first.year, first.month
    while dt.date(y, m, 1) <= last:
        a, b = month_bounds(y, m)
        out.append((y, m, max(a, first), min(b, last)))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _dates(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def _h(x: Fraction | float) -> float:
    """Minutes -> hours rounded for display (2 decimals)."""
    return round(float(x) / 60, 2)


def _std_reducing_kinds(rules: Rules) -> frozenset[LeaveKind]:
    return (PAID_LEAVE_KINDS | NO_WORK_DUE_KINDS) if rules.leave_counts_as_attended else NO_WORK_DUE_KINDS


def calendar_standard_minutes(rules: Rules, person: Staff, cal: WorkCalendar, first: dt.date,
                              last: dt.date, *, employed_only: bool = True) -> Fraction:
    """Standard minutes of P before leave reductions (calendar method or the 165.33 h average)."""
    scale = Fraction(person.weekly_hours).limit_denominator(1000) / 40
    days = [d for d in _dates(first, last) if not employed_only or person.employed_on(d)]
    if rules.standard_hours_method == "average":
        m_first, m_last = month_bounds(first.year, first.month)
        month_days = (m_last - m_first).days + 1
        avg = Fraction(AVERAGE_MONTH_HOURS).limit_denominator(1000) * 60
        return avg * scale * len(days) / month_days
    return 8 * 60 * scale * sum(1 for d in days if cal.is_workday(d))


def overtime_cap_hours(scenario: Scenario, person: Staff, first: dt.date, last: dt.date,
                       roster_start: dt.date) -> float:
    """Pro-rata monthly cap for P (ARCHITECTURE.md).  In a period's start month P counts from the 1st
    when the scenario carries history overtime for the person (it covers the days before)."""
    if not person.overtime_ok or not any(person.employed_on(d) for d in _dates(first, last)):
        return 0.0
    for d in _dates(first, last):
        if any(p.kind in NO_OVERTIME_KINDS for p in person.protected_on(d)):
            return 0.0
    m_first, m_last = month_bounds(first.year, first.month)
    if first == roster_start and first.day != 1 and scenario.history_of(person.id).overtime_minutes_month > 0:
        first = m_first
    frac = Fraction((last - first).days + 1, (m_last - m_first).days + 1)
    return round(float(scenario.rules.max_overtime_hours_per_month * frac), 2)


# ---------------------------------------------------------------- the accounting


def _person_month(scenario: Scenario, roster: Roster, person: Staff, assignments: list[Assignment],
                  cal: WorkCalendar, y: int, m: int, first: dt.date, last: dt.date,
                  worked: set[dt.date], breaks: dict[str, int]) -> MonthHours:
    rules = scenario.rules
    hist = scenario.history_of(person.id)
    starting = [a for a in assignments if first <= a.date <= last]

    paid = Fraction(0)
    per_date: dict[dt.date, Fraction] = {}
    night = 0
    day_std = Fraction(person.weekly_hours).limit_denominator(1000) / 40 * 8 * 60  # the standard working day
    extended = Fraction(0)  # standard system: paid minutes of workday shifts beyond the standard day (cap, OT-03)
    # standard system, 150 %: each shift's paid minutes on workdays beyond the standard day (sweep #16: a 10-h night
    # 20:00–06:00 from a Thursday put 4 h + 6 h on two dates and was never paid 150 %; the shift is one working
    # day, SPEC §4 "a shift belongs to the date it starts").  Its minutes on a rest day or holiday are paid there.
    beyond_day = Fraction(0)
    for a in starting:
        shift_paid = Fraction(0)
        on_workdays = Fraction(0)
        for d, mins in paid_by_date(a, breaks.get(a.shift, 0)).items():
            per_date[d] = per_date.get(d, Fraction(0)) + mins
            shift_paid += mins
            if cal.is_workday(d):
                on_workdays += mins
        paid += shift_paid
        beyond_day += max(Fraction(0), on_workdays - day_std)
        if cal.is_workday(a.date):
            extended += max(Fraction(0), shift_paid - day_std)
        night += night_minutes(a.start, a.end, rules.night_window)
    klass = {d: cal.day_type(d) for d in per_date}
    hol = sum((v for d, v in per_date.items() if klass[d] == DayType.HOLIDAY), Fraction(0))
    rest = sum((v for d, v in per_date.items() if klass[d] == DayType.RESTDAY), Fraction(0))

    leave_days: dict[str, int] = {}
    reducing = _std_reducing_kinds(rules)
    reduce_min = Fraction(0)
    any_leave_workdays = 0
    employed_leave_workdays = 0
    comp_days = 0
    for d in _dates(first, last):
        lv = person.leave_on(d)
        if lv is None:
            continue
        workday = cal.is_workday(d)
        if workday or lv.kind in NATURAL_DAY_LEAVE_KINDS:
            leave_days[lv.kind.value] = leave_days.get(lv.kind.value, 0) + 1
        if not workday:
            continue
        any_leave_workdays += 1
        employed_leave_workdays += person.employed_on(d)
        if lv.kind == LeaveKind.COMP:
            comp_days += 1
        elif lv.kind in reducing and person.employed_on(d):
            reduce_min += 8 * 60

    cal_std = calendar_standard_minutes(rules, person, cal, first, last)
    comp_taken = Fraction(comp_days * 8 * 60)
    # a 调休 day is time off in lieu of hours already worked: it counts as attended (like paid leave) and the
    # ledger records it as taken — never both "not attended" and "taken" (that would charge the day twice)
    std = max(Fraction(0), cal_std - reduce_min - comp_taken)

    if rules.working_time_system == WorkingTimeSystem.STANDARD:
        # per shift, or per calendar date where two shifts share a workday (a night's morning and an evening shift):
        # the larger reading, as the cap measure takes the larger of its two readings
        by_date = sum((max(Fraction(0), v - day_std) for d, v in per_date.items() if klass[d] == DayType.WORKDAY),
                      Fraction(0))
        ot150 = max(by_date, beyond_day)
        comp_earned = rest
        # rest-day hours the roster itself gives back: the standard hours of workdays left without work (the hours
        # within the daily standard on workdays fall short of the standard by that much) — a weekday off in a
        # rota is the 调休 for the weekend worked; only what neither that nor a 调休 day gives back is paid 200 %
        normal = paid - rest - hol - ot150
        given = min(rest, max(Fraction(0), std - normal))
        comp_taken += given
        ot200 = max(Fraction(0), rest - comp_taken)
    else:
        # 综合: the month's excess over the standard is overtime; the part given back as 调休 days this month is
        # earned-and-taken time off, only the rest is paid at 150 % (PAY-02 "pay only for what is not given back")
        base = paid if rules.holiday_hours_in_period_total else paid - hol
        excess = max(Fraction(0), base - std)
        comp_earned = min(excess, comp_taken)
        ot150 = excess - comp_earned
        ot200 = Fraction(0)
    ot300 = hol

    # the cap measure, exactly as docs/ARCHITECTURE.md defines it
    # SPEC §4: minus 8 h per leave day of any kind on a workday, whatever leave_counts_as_attended says; over the
    # employed days (as the pay columns), never above the whole part's figure (as the validator)
    whole = calendar_standard_minutes(rules, person, cal, first, last, employed_only=False) - 8 * 60 * any_leave_workdays
    employed = calendar_standard_minutes(rules, person, cal, first, last) - 8 * 60 * employed_leave_workdays
    cap_std = max(Fraction(0), min(whole, employed))
    # each overtime hour once (holiday_hours_in_period_total only moves pay between the 150 and 300 % columns)
    ot_total = max(Fraction(0), paid - hol - cap_std) + hol
    if rules.working_time_system == WorkingTimeSystem.STANDARD:
        # the standard system's cap also counts each workday shift's hours beyond the standard day (OT-03)
        ot_total = max(ot_total, extended + hol)

    prior = 0.0
    if first == roster.start and first.day != 1 and person.id in scenario.history:
        prior = round(hist.overtime_minutes_month / 60, 2)

    wdates = tuple(sorted(d for d in worked if first <= d <= last))
    return MonthHours(
        staff=person.id, year=y, month=m,
        days_worked=len(starting),
        working_dates=wdates,
        paid_hours=_h(paid),
        standard_hours=_h(std),
        ot150_hours=_h(ot150),
        ot200_hours=_h(ot200),
        ot300_hours=_h(ot300),
        overtime_total_hours=_h(ot_total),
        night_hours=_h(night),
        comp_earned_hours=_h(comp_earned),
        comp_taken_hours=_h(comp_taken),
        comp_balance_hours=_h(comp_earned - comp_taken),
        leave_days=leave_days,
        person_days=len(starting),
        first=first, last=last,
        calendar_standard_hours=_h(cal_std),
        overtime_cap_hours=overtime_cap_hours(scenario, person, first, last, roster.start),
        prior_overtime_hours=prior,
        cap_standard_hours=_h(cap_std),
        employed=any(person.employed_on(d) for d in _dates(first, last)),
    )


def month_hours(scenario: Scenario, roster: Roster, *, cal: WorkCalendar | None = None) -> list[MonthHours]:
    """One row per person (scenario order) per natural month intersecting the roster period, under the rules in
    force for the period (综合计算工时 without a valid approval → standard, :meth:`Rules.in_force`)."""
    scenario = scenario.for_period(roster.start, roster.end)
    cal = cal or WorkCalendar.of(scenario)
    by_staff: dict[str, list[Assignment]] = {}
    for a in roster.assignments:
        by_staff.setdefault(a.staff, []).append(a)
    parts = month_parts(roster.start, roster.end)
    breaks = {s.code: s.break_minutes for s in scenario.shifts}
    rows = []
    for person in scenario.staff:
        mine = sorted(by_staff.get(person.id, []), key=lambda a: a.start)
        worked = working_dates_of(mine, scenario.history_of(person.id).last_shift_end, roster.start)
        for y, m, first, last in parts:
            starting = [a for a in mine if first <= a.date <= last]
            rows.append(_person_month(scenario, roster, person, starting, cal, y, m, first, last, worked, breaks))
    return rows


_SUMMED = ("days_worked", "paid_hours", "standard_hours", "ot150_hours", "ot200_hours", "ot300_hours",
           "overtime_total_hours", "night_hours", "comp_earned_hours", "comp_taken_hours",
           "comp_balance_hours", "person_days", "calendar_standard_hours", "overtime_cap_hours",
           "prior_overtime_hours")


def totals(rows: Iterable[MonthHours], *, staff: str = "合计") -> MonthHours:
    """Sum of the numeric columns (the HR sheet's totals row); ``year``/``month`` are 0."""
    rows = list(rows)
    sums: dict[str, float] = {}
    for name in _SUMMED:
        vals = [getattr(r, name) for r in rows]
        sums[name] = sum(vals) if name in ("days_worked", "person_days") else round(sum(vals), 2)
    leave: dict[str, int] = {}
    for r in rows:
        for k, v in r.leave_days.items():
            leave[k] = leave.get(k, 0) + v
    dates = tuple(sorted({d for r in rows for d in r.working_dates}))
    firsts = [r.first for r in rows if r.first]
    lasts = [r.last for r in rows if r.last]
    return MonthHours(staff=staff, year=0, month=0, working_dates=dates, leave_days=leave,
                      first=min(firsts) if firsts else None, last=max(lasts) if lasts else None,
                      employed=any(r.employed for r in rows) if rows else True,
                      **sums)  # type: ignore[arg-type]


def totals_by_staff(rows: Iterable[MonthHours]) -> dict[str, MonthHours]:
    """Per-person totals over all months (e.g. the contract view's 调休 balance)."""
    groups: dict[str, list[MonthHours]] = {}
    for r in rows:
        groups.setdefault(r.staff, []).append(r)
    return {sid: totals(rs, staff=sid) for sid, rs in groups.items()}


def _rules_in_force(scenario: Scenario, rows: list[MonthHours]) -> Rules:
    """The rules in force over the rows' dates (综合 without a valid approval → standard), as month_hours applies them."""
    dated = [r for r in rows if r.first is not None and r.last is not None]
    if not dated:
        return scenario.rules
    return scenario.for_period(min(r.first for r in dated), max(r.last for r in dated)).rules


def settled_totals_by_staff(scenario: Scenario, rows: Iterable[MonthHours]) -> dict[str, MonthHours]:
    """:func:`totals_by_staff`, but under a 综合 quarter/year settlement (rules in force) the 150 % hours and the
    cap measure are those settled over each settlement period (:func:`settlement_hours`), not the sum of the
    months' estimates (sweep #8: the HR sheet's whole-period rows and total overstated the 150 % hours)."""
    rows = list(rows)
    out = totals_by_staff(rows)
    rules = _rules_in_force(scenario, rows)
    if rules.working_time_system != WorkingTimeSystem.COMPREHENSIVE or rules.settlement_period not in (
            SettlementPeriod.QUARTER, SettlementPeriod.YEAR):
        return out
    settled = settlement_hours(scenario, rows)
    for sid, tot in out.items():
        mine = [s for s in settled if s.staff == sid]
        prior = sum(r.prior_overtime_hours for r in rows if r.staff == sid)  # the month rows leave history out
        out[sid] = replace(tot, ot150_hours=round(sum(s.ot150_hours for s in mine), 2),
                           overtime_total_hours=round(sum(s.overtime_total_hours for s in mine) - prior, 2))
    return out


@dataclass(frozen=True, slots=True)
class SettlementHours:
    """Comprehensive system: the 150 % excess and the cap over one settlement period (CH-01, CH-07)."""

    staff: str
    key: tuple[int, ...]  # (year, month) | (year, quarter 0-3) | (year,) | (iso year, iso week)
    first: dt.date
    last: dt.date
    paid_hours: float
    standard_hours: float
    ot150_hours: float  # max(0, Σpaid − Σhol − Σstd) over the period (or with hol, per the flag)
    ot300_hours: float
    overtime_total_hours: float  # Σ of the months' cap measures
    overtime_cap_hours: float


def _settled_overtime(rules: Rules, rs: list[MonthHours]) -> float:
    """The cap measure of a settlement period: a 综合 quarter/year nets its months (CH-07, as the validator and the
    solver do) — max(0, Σ(paid − holiday − cap standard)) + Σ holiday, by the shifts' start dates (the HR rows'
    reading; the validator also reads the minutes falling in each month); otherwise the months' own measures.
    A month where no overtime is allowed stays on its own."""
    prior = sum(r.prior_overtime_hours for r in rs)
    netted = [r for r in rs if r.overtime_cap_hours > 0]  # a month without overtime allowed is settled alone
    alone = sum(r.overtime_total_hours for r in rs if r.overtime_cap_hours <= 0)
    if len(netted) > 1 and rules.working_time_system == WorkingTimeSystem.COMPREHENSIVE and rules.settlement_period in (
            SettlementPeriod.QUARTER, SettlementPeriod.YEAR):
        hol = sum(r.ot300_hours for r in netted)
        return max(0.0, sum(r.paid_hours - r.ot300_hours - r.cap_standard_hours for r in netted)) + hol + alone + prior
    return sum(r.overtime_total_hours for r in rs) + prior


def settlement_key(rules: Rules, first: dt.date) -> tuple[int, ...]:
    sp = rules.settlement_period.value
    if rules.working_time_system != WorkingTimeSystem.COMPREHENSIVE or sp == "month":
        return (first.year, first.month)
    if sp == "quarter":
        return (first.year, (first.month - 1) // 3)
    if sp == "year":
        return (first.year,)
    iso = first.isocalendar()
    return (iso[0], iso[1])


def settlement_hours(scenario: Scenario, rows: Iterable[MonthHours]) -> list[SettlementHours]:
    """Group month rows by the settlement period of ``rules`` and settle the 150 % excess there.

    For a ``month`` period (or the standard system) this repeats the month rows.  A ``week`` period
    cannot be rebuilt from month rows: the months are returned, keyed by the ISO week of their start.
    """
    rows = list(rows)
    rules = _rules_in_force(scenario, rows)
    groups: dict[tuple[str, tuple[int, ...]], list[MonthHours]] = {}
    for r in rows:
        if r.first is None:
            continue
        groups.setdefault((r.staff, settlement_key(rules, r.first)), []).append(r)
    out = []
    for (sid, key), rs in groups.items():
        paid = sum(r.paid_hours for r in rs)
        std = sum(r.standard_hours for r in rs)
        hol = sum(r.ot300_hours for r in rs)
        if rules.working_time_system == WorkingTimeSystem.COMPREHENSIVE:
            # the period's excess; the part given back as 调休 days is not paid (as in the month rows)
            base = paid if rules.holiday_hours_in_period_total else paid - hol
            excess = max(0.0, base - std)
            ot150 = excess - min(excess, sum(r.comp_taken_hours for r in rs))
        else:
            ot150 = sum(r.ot150_hours for r in rs)
        out.append(SettlementHours(
            staff=sid, key=key, first=min(r.first for r in rs if r.first),
            last=max(r.last for r in rs if r.last), paid_hours=round(paid, 2), standard_hours=round(std, 2),
            ot150_hours=round(ot150, 2), ot300_hours=round(hol, 2),
            overtime_total_hours=round(_settled_overtime(rules, rs), 2),
            overtime_cap_hours=round(sum(r.overtime_cap_hours for r in rs), 2)))
    return out


#: HR sheet (工时汇总) columns: field name and Simplified Chinese header
HR_COLUMNS_ZH: tuple[tuple[str, str], ...] = (
    ("staff", "员工"),
    ("month", "月份"),
    ("days_worked", "出勤天数"),
    ("paid_hours", "计薪工时"),
    ("standard_hours", "标准工时"),
    ("ot150_hours", "工作日延时(150%)"),
    ("ot200_hours", "休息日加班(200%)"),
    ("ot300_hours", "法定节假日(300%)"),
    ("overtime_total_hours", "加班合计(36小时上限口径)"),
    ("night_hours", "夜间工时"),
    ("comp_earned_hours", "调休获得"),
    ("comp_taken_hours", "调休使用"),
    ("comp_balance_hours", "调休结余"),
    ("leave_days", "请假天数"),
    ("person_days", "人天(结算)"),
)


def field_names() -> tuple[str, ...]:
    return tuple(f.name for f in fields(MonthHours))


__all__ = [
    "MonthHours", "month_hours", "totals", "totals_by_staff", "SettlementHours", "settlement_hours",
    "settlement_key", "HR_COLUMNS_ZH", "split_by_date", "night_minutes",
    "paid_by_date", "working_dates_of", "month_parts", "overtime_cap_hours", "NIGHT_SHIFT_MINUTES",
    "field_names",
]
