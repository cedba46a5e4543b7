"""Domain values of the roster: plain, frozen, slotted dataclasses.

Nothing here imports Qt or OR-Tools (a test enforces it).  Times inside the core are
``datetime``/``date``/minutes-from-midnight; JSON conversion lives in :mod:`roster.scenario_io`.

Semantics shared by solver, validator and exports (SPEC.md §4):

* A shift belongs to the date it starts.  ``Shift.hours`` is the elapsed span from start to end
  (G 09:00–18:00 has ``hours=9``); ``break_minutes`` of that span are unpaid, so paid minutes are
  ``hours*60 - break_minutes``.  The whole span counts as "working minutes" for working dates, rest,
  night and coverage (the break is taken at the desk, position unknown).
* A *working date* is any calendar date holding at least one working minute.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import NewType

StaffId = NewType("StaffId", str)
ShiftCode = NewType("ShiftCode", str)

OFF = "OFF"
MINUTES_PER_DAY = 24 * 60


class DayType(StrEnum):
    WORKDAY = "workday"
    RESTDAY = "restday"
    HOLIDAY = "holiday"  # statutory holiday date (H300)


class LeaveKind(StrEnum):
    ANNUAL = "annual"  # 年假
    SICK = "sick"  # 病假
    PERSONAL = "personal"  # 事假 (unpaid)
    MARRIAGE = "marriage"  # 婚假
    MATERNITY = "maternity"  # 产假
    COMP = "comp"  # 调休 (draws on the comp-time ledger)
    BEREAVEMENT = "bereavement"  # 丧假
    OTHER = "other"


#: leave the team lead may ask someone to move when no legal roster exists (solver.explain's "cancel leave" fix):
#: annual leave and 调休 are scheduled by the employer with the employee (AL-02), 事假 is at the employee's request;
#: maternity leave is statutory and may not be rostered (PG-03), sick leave is medical, marriage and bereavement
#: leave are entitlements — none of those is a fix to offer (sweep #11: the explanation offered 产假)
CANCELLABLE_LEAVE = frozenset({LeaveKind.ANNUAL, LeaveKind.PERSONAL, LeaveKind.COMP, LeaveKind.OTHER})

LEAVE_LABELS_ZH = {
    LeaveKind.ANNUAL: "年假",
    LeaveKind.SICK: "病假",
    LeaveKind.PERSONAL: "事假",
    LeaveKind.MARRIAGE: "婚假",
    LeaveKind.MATERNITY: "产假",
    LeaveKind.COMP: "调休",
    LeaveKind.BEREAVEMENT: "丧假",
    LeaveKind.OTHER: "其他",
}

#: leave kinds that are paid time and count as attended toward standard hours (labour-law.md §0)
PAID_LEAVE_KINDS = frozenset(
    {LeaveKind.ANNUAL, LeaveKind.SICK, LeaveKind.MARRIAGE, LeaveKind.MATERNITY, LeaveKind.BEREAVEMENT}
)


class ProtectedKind(StrEnum):
    PREGNANT_7M = "pregnant_7m"
    NURSING = "nursing"
    MINOR = "minor"


#: protected kinds that also forbid overtime (PG-01, PG-02); minors: night ban only (PG-07)
NO_OVERTIME_KINDS = frozenset({ProtectedKind.PREGNANT_7M, ProtectedKind.NURSING})


class WorkingTimeSystem(StrEnum):
    COMPREHENSIVE = "comprehensive"
    STANDARD = "standard"


class SettlementPeriod(StrEnum):
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class Approval:
    """综合计算工时 approval record (CH-04)."""

    number: str = ""
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Rules:
    """Rule parameters, SPEC.md §4 ``rules`` (defaults per labour-law.md §0)."""

    working_time_system: WorkingTimeSystem = WorkingTimeSystem.COMPREHENSIVE
    settlement_period: SettlementPeriod = SettlementPeriod.MONTH
    min_rest_hours: float = 12
    max_consecutive_days: int = 6
    min_rest_days_per_week: int = 1
    max_overtime_hours_per_month: float = 36
    max_daily_hours: float = 12
    night_window: tuple[int, int] = (22 * 60, 6 * 60)  # minutes from midnight, may wrap
    standard_hours_method: str = "calendar"  # or "average" (165.33 h/month)
    holiday_hours_in_period_total: bool = False
    makeup_rest_day_class: str = "rest"
    leave_counts_as_attended: bool = True
    approval: Approval = Approval()
    disabled: frozenset[str] = frozenset()  # rule ids switched off by the user

    def approval_covers(self, first: dt.date, last: dt.date) -> bool:
        """A 综合计算工时 approval is on record (number entered) and valid on every date of [first, last] (CH-04)."""
        a = self.approval
        return (bool(a.number.strip()) and a.valid_from is not None and a.valid_to is not None
                and a.valid_from <= first and last <= a.valid_to)

    def in_force(self, first: dt.date, last: dt.date) -> Rules:
        """The rules that apply to [first, last]: ``comprehensive`` without an approval valid over the whole
        span falls back to ``standard`` (labour-law.md §0: "standard is the fallback when no valid approval is
        entered"; §4: "when the approval expires, the tool falls back to standard and raises an alert").
        Standard is never looser (11 h daily cap, monthly settlement), so a roster planned under it stays
        legal whichever date the approval ends on."""
        if self.working_time_system != WorkingTimeSystem.COMPREHENSIVE or self.approval_covers(first, last):
            return self
        return replace(self, working_time_system=WorkingTimeSystem.STANDARD, settlement_period=SettlementPeriod.MONTH)

    def effective_daily_cap_hours(self) -> float:
        """Standard system: 8 h + at most 3 h overtime a day (OT-02); comprehensive: the parameter."""
        if self.working_time_system == WorkingTimeSystem.STANDARD:
            return min(self.max_daily_hours, 11.0)
        return self.max_daily_hours

    def seam_days(self) -> int:
        """How many days after a period its locks still bind the period's end: the longest window a rule spans
        across a seam (the 7-day rest window, the consecutive-day limit + 1; the rest between shifts is shorter)."""
        return max(7, self.max_consecutive_days + 1)

    def history_overtime_allowance_minutes(self) -> int:
        """How much overtime the history may already hold without breaking the cap by itself: the monthly cap
        (OT-03), or its sum over a 综合 quarter/year settlement period (CH-07 averages 36 h a month over it).
        The history's month then leaves the period no room, but it is no reason to refuse the whole roster."""
        months = 1
        if self.working_time_system == WorkingTimeSystem.COMPREHENSIVE:
            months = {SettlementPeriod.QUARTER: 3, SettlementPeriod.YEAR: 12}.get(self.settlement_period, 1)
        return int(self.max_overtime_hours_per_month * 60 * months)


@dataclass(frozen=True, slots=True)
class Shift:
    code: str
    name: str
    start: int  # minutes from midnight
    hours: float  # elapsed span
    break_minutes: int = 0
    skills_any: tuple[str, ...] | None = None  # who may work it (any of these skills); None = anyone
    color: str = "#cccccc"

    @property
    def span_minutes(self) -> int:
        return round(self.hours * 60)

    @property
    def paid_minutes(self) -> int:
        return self.span_minutes - self.break_minutes

    @property
    def end(self) -> int:
        """End in minutes from the start date's midnight (may exceed 1440)."""
        return self.start + self.span_minutes

    @property
    def crosses_midnight(self) -> bool:
        return self.end > MINUTES_PER_DAY

    def interval_on(self, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
        s = dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=self.start)
        return s, s + dt.timedelta(minutes=self.span_minutes)


@dataclass(frozen=True, slots=True)
class DemandRule:
    """Head-count need; half-open [from, to) in minutes; later rules override earlier ones."""

    day_type: str  # "workday" | "restday" | "holiday" | "all" | "YYYY-MM-DD"
    start: int
    end: int  # up to 1440
    count: int
    skill: str | None = None


@dataclass(frozen=True, slots=True)
class DateRange:
    start: dt.date
    end: dt.date  # inclusive

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    def days(self) -> list[dt.date]:
        n = (self.end - self.start).days + 1
        return [self.start + dt.timedelta(days=i) for i in range(max(0, n))]


@dataclass(frozen=True, slots=True)
class Protected:
    kind: ProtectedKind
    period: DateRange


@dataclass(frozen=True, slots=True)
class Leave:
    period: DateRange
    kind: LeaveKind = LeaveKind.ANNUAL
    note: str = ""


@dataclass(frozen=True, slots=True)
class Unavailable:
    """A time the person cannot work (SPEC §2.2 "unavailable slots"; hard, like approved leave): ``start``–``end``
    (minutes after midnight, 0–1440; an ``end`` at or before ``start`` runs into the next day) on every date of
    ``period`` whose ISO weekday (1 = Monday … 7 = Sunday) is in ``weekdays`` (empty: every date).  No working
    minute may fall inside it; a shift's unpaid break counts as inside the shift (its place is not recorded)."""

    period: DateRange
    start: int = 0
    end: int = 1440
    weekdays: tuple[int, ...] = ()
    note: str = ""

    def applies_on(self, day: dt.date) -> bool:
        """Whether a window of this entry begins on ``day``."""
        return day in self.period and (not self.weekdays or day.isoweekday() in self.weekdays)

    @property
    def spills(self) -> bool:
        """A window runs past midnight into the next date (an end of 00:00 stops at midnight)."""
        return 0 < self.end <= self.start

    def starts_reaching(self, day: dt.date) -> tuple[dt.date, ...]:
        """The start dates of this entry's windows that hold minutes of ``day``: the day before (a window running
        past midnight) and/or ``day`` itself."""
        before = day - dt.timedelta(days=1)
        return tuple(d for d in (before, day) if self.applies_on(d) and (d == day or self.spills))


@dataclass(frozen=True, slots=True)
class Request:
    """A wish: ``off=True`` (prefer a day off) or ``shift`` (prefer that shift); soft, weighted."""

    date: dt.date
    off: bool = True
    shift: str | None = None
    weight: int = 1


@dataclass(frozen=True, slots=True)
class Staff:
    id: str
    name: str
    skills: tuple[str, ...] = ()
    weekly_hours: float = 40
    night_ok: bool = True
    overtime_ok: bool = True
    protected: tuple[Protected, ...] = ()
    leave: tuple[Leave, ...] = ()
    requests: tuple[Request, ...] = ()
    employee_no: str = ""
    phone: str = ""  # private: never printed on the public rota
    id_number: str = ""  # private: never printed on the public rota
    hire_date: dt.date | None = None
    leave_date: dt.date | None = None  # last day employed
    annual_leave_days: int = 5
    active: bool = True
    unavailable: tuple[Unavailable, ...] = ()  # hard: times the person cannot work (SPEC §2.2)

    def leave_on(self, day: dt.date) -> Leave | None:
        for lv in self.leave:
            if day in lv.period:
                return lv
        return None

    def protected_on(self, day: dt.date) -> tuple[Protected, ...]:
        return tuple(p for p in self.protected if day in p.period)

    @property
    def standard_day_minutes(self) -> float:
        """The standard working day of this contract: 8 h × weekly_hours / 40, in minutes."""
        return 8 * 60 * self.weekly_hours / 40

    def standard_day_cap_minutes(self, day: dt.date) -> float | None:
        """Pregnant ≥ 7 months / nursing on ``day`` (PG-01, PG-02 "不得延长劳动时间"): a shift starting that day may
        not be longer than the standard working day, 8 h × weekly_hours / 40 paid; None when not protected so."""
        if any(p.kind in NO_OVERTIME_KINDS for p in self.protected_on(day)):
            return self.standard_day_minutes
        return None

    def employed_on(self, day: dt.date) -> bool:
        if self.hire_date and day < self.hire_date:
            return False
        if self.leave_date and day > self.leave_date:
            return False
        return True


@dataclass(frozen=True, slots=True)
class History:
    """Carry-over from the previous period (SPEC.md §4 ``history``)."""

    last_shift_end: dt.datetime | None = None
    consecutive_days: int = 0  # working dates in a row ending the day before the period start
    overtime_minutes_month: int = 0  # overtime already used in the start month before the period
    nights: int = 0
    weekend_days: int = 0
    holiday_days: int = 0


@dataclass(frozen=True, slots=True)
class Lock:
    staff: str
    date: dt.date
    shift: str  # a shift code or OFF


@dataclass(frozen=True, slots=True)
class CalendarOverrides:
    holidays: frozenset[dt.date] = frozenset()
    restdays: frozenset[dt.date] = frozenset()
    workdays: frozenset[dt.date] = frozenset()


DEFAULT_WEIGHTS: dict[str, int] = {
    "under_cover": 10000,
    "over_cover": 5,
    "overtime_150": 20,
    "overtime_300": 40,
    "fair_nights": 30,
    "fair_weekends": 20,
    "fair_holidays": 30,
    "fair_hours": 2,
    "wishes": 50,
    "isolated_days": 15,
    "changes": 200,
}


@dataclass(frozen=True, slots=True)
class Scenario:
    rules: Rules = Rules()
    shifts: tuple[Shift, ...] = ()
    demand: tuple[DemandRule, ...] = ()
    staff: tuple[Staff, ...] = ()
    calendar: CalendarOverrides = CalendarOverrides()
    history: dict[str, History] = field(default_factory=dict)
    locked: tuple[Lock, ...] = ()
    weights: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    name: str = ""

    def shift(self, code: str) -> Shift:
        for s in self.shifts:
            if s.code == code:
                return s
        raise KeyError(code)

    def shift_map(self) -> dict[str, Shift]:
        return {s.code: s for s in self.shifts}

    def person(self, staff_id: str) -> Staff:
        for p in self.staff:
            if p.id == staff_id:
                return p
        raise KeyError(staff_id)

    def history_of(self, staff_id: str) -> History:
        return self.history.get(staff_id, History())

    def weight(self, name: str) -> int:
        return self.weights.get(name, DEFAULT_WEIGHTS.get(name, 0))

    def for_period(self, first: dt.date, last: dt.date) -> Scenario:
        """This scenario with the rules in force over [first, last] (:meth:`Rules.in_force`)."""
        rules = self.rules.in_force(first, last)
        return self if rules is self.rules else replace(self, rules=rules)

    def fallback_alert(self, first: dt.date, last: dt.date, lang: str = "zh") -> str | None:
        """The alert to raise when 综合计算工时 falls back to the standard system over [first, last]."""
        if self.rules.in_force(first, last) is self.rules:
            return None
        a = self.rules.approval
        if lang.startswith("en"):
            why = ("no approval number is entered" if not a.number.strip() else
                   f"the approval ({a.valid_from or '?'} – {a.valid_to or '?'}) does not cover {first} – {last}")
            return (f"Comprehensive working hours need a valid approval (CH-04), but {why}: "
                    f"the standard working-time system is applied (11 h daily cap, monthly settlement).")
        why = ("未录入审批文号" if not a.number.strip() else
               f"审批有效期（{a.valid_from or '?'} 至 {a.valid_to or '?'}）未覆盖 {first} 至 {last}")
        return f"综合计算工时须有有效审批（CH-04），但{why}：已按标准工时制处理（每日上限 11 小时，按月结算）。"


@dataclass(frozen=True, slots=True)
class Assignment:
    staff: str
    date: dt.date
    shift: str
    start: dt.datetime
    end: dt.datetime


@dataclass(frozen=True, slots=True)
class Violation:
    rule: str  # rule id, e.g. "RB-01"
    staff: str | None
    start: dt.datetime | dt.date | None
    end: dt.datetime | dt.date | None
    measured: float | None
    limit: float | None
    source: str
    message: str



def contract_factor(weekly_hours: float) -> int:
    """How many times a person's night / rest-day / holiday shift counts when shares are compared across contracts:
    round(40 h / contract hours), at least 1 (2 for a 20-h part-timer).  The solver's fairness spreads and the
    supervisor advisories use this one measure."""
    return max(1, round(40 / weekly_hours)) if weekly_hours > 0 else 1

@dataclass(frozen=True, slots=True)
class Roster:
    start: dt.date
    days: int
    assignments: tuple[Assignment, ...] = ()
    solver: dict = field(default_factory=dict)
    violations: tuple[dict, ...] = ()
    # the previous period's shifts that run into this one's first date (a night from the day before): they cover
    # demand there (SPEC §2.11 carry-over); the roster JSON keeps them so ``roster check`` sees the seam as the
    # solver did
    carried_in: tuple[Assignment, ...] = ()
    # the history this roster was planned on when it continues a previous period (``roster solve --after``):
    # per staff id, it overrides the scenario's history in the validator
    history: dict = field(default_factory=dict)

    @property
    def end(self) -> dt.date:
        """Last date of the period (inclusive)."""
        return self.start + dt.timedelta(days=self.days - 1)

    def dates(self) -> list[dt.date]:
        return [self.start + dt.timedelta(days=i) for i in range(self.days)]

    def by_staff_date(self) -> dict[tuple[str, dt.date], Assignment]:
        return {(a.staff, a.date): a for a in self.assignments}


def make_assignment(staff_id: str, day: dt.date, shift: Shift) -> Assignment:
    s, e = shift.interval_on(day)
    return Assignment(staff_id, day, shift.code, s, e)


def parse_hhmm(text: str) -> int:
    """'08:30' -> 510; '24:00' -> 1440.  Raises ValueError with a readable message."""
    parts = text.strip().split(":")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        raise ValueError(f"时间格式应为 HH:MM，得到 {text!r}")
    h, m = int(parts[0]), int(parts[1])
    if not (0 <= m < 60) or not (0 <= h <= 24) or (h == 24 and m != 0):
        raise ValueError(f"时间超出范围：{text!r}")
    return h * 60 + m


_WEEKDAY_WORDS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7, "mon": 1, "tue": 2,
                  "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7}


def parse_weekdays(text: str, extra: dict[str, int] | None = None) -> tuple[int, ...]:
    """ISO weekdays (1 = Monday) from "1,3", "一三", "周一、周三", "Mon Wed" (``extra``: more names, e.g. a UI's own
    translations); empty or "每天"/"every day" → () meaning every date.  Raises ValueError with a readable message."""
    t = str(text or "").strip().lower()
    if t in ("", "每天", "每日", "every day", "daily", "all"):
        return ()
    t = t.replace("星期", "").replace("周", "").replace("礼拜", "")
    keys = dict(_WEEKDAY_WORDS)
    for name, n in (extra or {}).items():
        keys.setdefault(name.lower(), n)
    words = sorted(keys, key=len, reverse=True)
    out: set[int] = set()
    i = 0
    while i < len(t):
        ch = t[i]
        if ch.isdigit():
            if not 1 <= int(ch) <= 7:
                raise ValueError(f"星期应为 1（周一）到 7（周日）：{text}")
            out.add(int(ch))
            i += 1
            continue
        word = next((k for k in words if t.startswith(k, i)), None)
        if word is not None:
            out.add(keys[word])
            i += len(word)
            continue
        if ch in " ,，、;；/":
            i += 1
            continue
        raise ValueError(f"无法识别的星期：{text}（例如 1,3 或 一、三；留空为每天）")
    return tuple(sorted(out))


def fmt_hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
