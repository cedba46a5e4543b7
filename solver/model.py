"""CP-SAT model of one planning period.

Data → variables → one function per rule (:mod:`solver.rules`) → named objective terms
(:mod:`solver.objective`), after OR-Tools' ``shift_scheduling_sat.py`` and the CP-SAT primer.

Variables
---------
``x[p, d, s]``  person *p* starts shift *s* on period date index *d*.  Cells that a rule forbids
outright (leave, employment dates, night ban, skills, per-shift daily cap, rest after the history's
last shift) are never created; :meth:`RosterModel.forbid` records which rule removed them so a lock
on such a cell can be explained.
``a[p, d]``     person *p* starts some shift on date *d* (= Σ_s x[p, d, s], so at most one start).
``w[p, d]``     date *d* is a working date of *p* (≥ 1 working minute; a shift crossing midnight
makes the next date a working date as well; ``w[p, days]`` is the date after the period, which
only counts for consecutive days).

Time inside the model is minutes from the period start's midnight.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace

from ortools.sat.python import cp_model

from roster.calendar import WorkCalendar
from roster.demand import SLOT_MINUTES, demand_profile
from roster.model import (
    MINUTES_PER_DAY,
    OFF,
    DayType,
    History,
    Roster,
    Scenario,
    Shift,
    Staff,
)

DAY = MINUTES_PER_DAY


def night_minutes_by_day(shift: Shift, window: tuple[int, int]) -> dict[int, int]:
    """Night minutes of a shift per date offset from its start date (0 = start date)."""
    a, b = window
    if a == b:
        return {}
    parts = [(a, b)] if a < b else [(0, b), (a, DAY)]
    out: dict[int, int] = {}
    lo, hi = shift.start, shift.end
    for k in range(0, (hi - 1) // DAY + 1):
        n = 0
        for pa, pb in parts:
            s, e = max(lo, k * DAY + pa), min(hi, k * DAY + pb)
            n += max(0, e - s)
        if n:
            out[k] = n
    return out


def minutes_by_day(shift: Shift) -> dict[int, int]:
    """Working (span) minutes of a shift per date offset from its start date."""
    out: dict[int, int] = {}
    for k in range(0, (shift.end - 1) // DAY + 1):
        s, e = max(shift.start, k * DAY), min(shift.end, (k + 1) * DAY)
        if e > s:
            out[k] = e - s
    return out


@dataclass
class Instance:
    """Pre-computed data of one period (no OR-Tools objects)."""

    scenario: Scenario
    start: dt.date
    days: int
    prior: Roster | None = None  # the roster just before this period (rolling horizon)
    previous: Roster | None = None  # plan to stay close to when re-optimising
    # rolling horizon: the last date of the whole period this instance is a chunk of.  A shift on the chunk's
    # last day that runs into the next month counts there too (the minute reading of the monthly cap), and the
    # validator sees that month inside the whole period — so the chunk must respect it (solver.rules.overtime_parts)
    horizon_last: dt.date | None = None
    # rolling horizon: dates from here on are planned only so that the chunk ends in a way the next chunk's locks
    # can follow (solver.rolling); the next chunk re-plans them, so a month that starts there is capped as the
    # whole month it is in the period, not pro rata to the few days seen (solver.rules.overtime_parts)
    lookahead_from: dt.date | None = None
    # rolling horizon: the locks of the whole period after this chunk's own dates (fixed work of later chunks): a
    # month this chunk's last shifts run into keeps room for them under its cap (solver.rules._spill_month)
    later_locks: tuple = ()
    dates: list[dt.date] = field(init=False)
    cal: WorkCalendar = field(init=False)
    shifts: list[Shift] = field(init=False)
    staff: list[Staff] = field(init=False)
    day_type: list[DayType] = field(init=False)
    demand: dict[dt.date, dict[str | None, list[int]]] = field(init=False)
    night_min: dict[str, dict[int, int]] = field(init=False)
    day_min: dict[str, dict[int, int]] = field(init=False)

    def __post_init__(self) -> None:
        sc = self.scenario
        self.dates = [self.start + dt.timedelta(days=i) for i in range(self.days)]
        self.cal = WorkCalendar.of(sc)
        self.shifts = list(sc.shifts)
        self.staff = [p for p in sc.staff if p.active]
        self.day_type = [self.cal.day_type(d) for d in self.dates]
        self.demand = demand_profile(sc, self.dates)
        self.night_min = {s.code: night_minutes_by_day(s, sc.rules.night_window) for s in self.shifts}
        self.day_min = {s.code: minutes_by_day(s) for s in self.shifts}

    @property
    def rules(self):
        return self.scenario.rules

    @property
    def period_last(self) -> dt.date:
        """The last date of the whole period (a rolling chunk's ``horizon_last``, else the instance's own)."""
        return max(self.horizon_last or self.dates[-1], self.dates[-1])

    def enabled(self, rule_id: str) -> bool:
        return rule_id not in self.scenario.rules.disabled

    def history(self, p: Staff) -> History:
        return self.scenario.history_of(p.id)

    def is_night_shift(self, s: Shift) -> bool:
        """NW-03 reference: ≥ 180 night minutes."""
        return sum(self.night_min[s.code].values()) >= 180

    def minute(self, when: dt.datetime) -> int:
        """Minutes from the period start's midnight."""
        return int((when - dt.datetime.combine(self.start, dt.time())).total_seconds() // 60)

    def pre_working_dates(self, p: Staff) -> set[int]:
        """Day indices (< 0) before the period that are working dates: the history's last
        ``consecutive_days`` dates, plus every working date of the prior roster (rolling horizon)."""
        c = self.history(p).consecutive_days
        out = set(range(-c, 0))
        if self.prior is not None:
            for asg in self.prior.assignments:
                if asg.staff != p.id:
                    continue
                first = (asg.start.date() - self.start).days
                last = ((asg.end - dt.timedelta(minutes=1)).date() - self.start).days
                out.update(k for k in range(first, last + 1) if k < 0)
        return out

    def last_shift_end(self, p: Staff) -> dt.datetime | None:
        ends = [self.history(p).last_shift_end]
        if self.prior is not None:
            ends += [a.end for a in self.prior.assignments if a.staff == p.id]
        ends = [e for e in ends if e is not None]
        return max(ends) if ends else None


@dataclass
class Term:
    """A named objective term: Σ coef·var, weighted by ``weight``; ``unit`` says what one unit is."""

    name: str
    weight: int
    unit: str
    parts: list[tuple[int, cp_model.IntVar]] = field(default_factory=list)
    constant: int = 0

    def add(self, var, coef: int = 1) -> None:
        if coef:
            self.parts.append((coef, var))


class RosterModel:
    """CP-SAT model plus the index maps the rules and the API need."""

    def __init__(self, inst: Instance) -> None:
        self.inst = inst
        self.model = cp_model.CpModel()
        self.forbidden: dict[tuple[int, int, str], tuple[str, str]] = {}
        # the legal source of the cause, where a rule has several (a night ban: pregnancy, nursing, a minor or the
        # person's own setting) — named instead of the rule's whole source list (sweep #14 F6)
        self.forbid_source: dict[tuple[int, int, str], str] = {}
        self.forbid_en: dict[tuple[int, int, str], str] = {}  # the reason in English (sweep #14 F4)
        self.x: dict[tuple[int, int, str], cp_model.IntVar] = {}
        self.a: dict[tuple[int, int], cp_model.IntVar | int] = {}
        self.w: dict[tuple[int, int], cp_model.IntVar | int] = {}
        self.terms: dict[str, Term] = {}
        self.under: list[tuple[int, int, int, str | None, cp_model.IntVar]] = []  # (d, slot0, slot1, skill, var)
        self.lock_lits: list[tuple[object, cp_model.IntVar]] = []
        self.static_infeasible: list[tuple] = []  # (rule id, staff id, …) that history breaks whatever the roster
        # where the soft cost sits (solver.lns aims its neighbourhoods there, solver.cuts cuts on it):
        # fairness groups (objective.SpreadGroup) and isolated-day indicators (person, date, var)
        self.spread_groups: list = []
        self.alerts: list[str] = []  # roster.alerts.period_alerts of the period (reported with the roster)
        self.alerts_en: list[str] = []  # the same in English
        # every person's value of each fairness term: name → {person: ([(coef, var)], constant)} (solver.cuts)
        self.spread_values: dict[str, dict[int, tuple[list, int]]] = {}
        self.isolated: list[tuple[int, int, cp_model.IntVar]] = []
        self.frozen = False

    # ---- cells -------------------------------------------------------------------------------
    def forbid(self, p: int, d: int, code: str, rule_id: str, reason: str, source: str | None = None,
               reason_en: str = "") -> None:
        """Remove cell (p, d, code); the first rule that forbids it is remembered (with ``source``, the legal
        source of this cause, when the rule has several, and the reason in English)."""
        key = (p, d, code)
        if key not in self.forbidden:
            self.forbidden[key] = (rule_id, reason)
            if source:
                self.forbid_source[key] = source
            self.forbid_en[key] = reason_en
        if self.frozen and key in self.x:
            self.model.Add(self.x[key] == 0)

    def create_variables(self) -> None:
        inst = self.inst
        m = self.model
        for p in range(len(inst.staff)):
            for d in range(inst.days):
                cells = []
                for s in inst.shifts:
                    if (p, d, s.code) in self.forbidden:
                        continue
                    v = m.NewBoolVar(f"x_{p}_{d}_{s.code}")
                    self.x[p, d, s.code] = v
                    cells.append(v)
                if not cells:
                    self.a[p, d] = 0
                elif len(cells) == 1:
                    self.a[p, d] = cells[0]
                else:
                    av = m.NewBoolVar(f"a_{p}_{d}")
                    m.Add(sum(cells) == av)  # one_shift_per_day
                    self.a[p, d] = av
        self.frozen = True
        self._working_dates()

    def _working_dates(self) -> None:
        """w[p, d] ⇔ some shift has a working minute on date d; d = days is the date after the period,
        reached only by shifts crossing midnight on the last date (the validator counts it for
        consecutive days, so the model does too)."""
        inst, m = self.inst, self.model
        for p, person in enumerate(inst.staff):
            lse = inst.last_shift_end(person)
            carried_in = lse is not None and inst.minute(lse) > 0
            for d in range(inst.days + 1):
                lits = []
                for s in inst.shifts:
                    for k in inst.day_min[s.code]:
                        v = self.x.get((p, d - k, s.code))
                        if v is not None:
                            lits.append(v)
                if d == 0 and carried_in:
                    self.w[p, d] = 1
                    continue
                if not lits:
                    self.w[p, d] = 0
                elif len(lits) == 1:
                    self.w[p, d] = lits[0]
                else:
                    wv = m.NewBoolVar(f"w_{p}_{d}")
                    for lit in lits:
                        m.AddImplication(lit, wv)
                    m.AddBoolOr(lits).OnlyEnforceIf(wv)
                    self.w[p, d] = wv

    def cells(self, p: int, d: int):
        """(shift, var) pairs that exist for person p on date index d."""
        for s in self.inst.shifts:
            v = self.x.get((p, d, s.code))
            if v is not None:
                yield s, v

    # ---- objective ---------------------------------------------------------------------------
    def term(self, name: str, unit: str) -> Term:
        if name not in self.terms:
            self.terms[name] = Term(name, self.inst.scenario.weight(name), unit)
        return self.terms[name]

    def set_objective(self) -> None:
        expr = []
        for t in self.terms.values():
            if t.weight <= 0:
                continue
            if t.constant:
                expr.append(t.weight * t.constant)
            for coef, var in t.parts:
                expr.append(t.weight * coef * var)
        self.model.Minimize(sum(expr) if expr else 0)

    def term_values(self, value) -> dict[str, float]:
        out = {}
        for t in self.terms.values():
            out[t.name] = float(t.constant + sum(coef * value(var) for coef, var in t.parts))
        return out

    # ---- roster I/O --------------------------------------------------------------------------
    def roster_from(self, value) -> list[tuple[str, dt.date, Shift]]:
        inst = self.inst
        out = []
        for (p, d, code), v in self.x.items():
            if value(v):
                out.append((inst.staff[p].id, inst.dates[d], inst.scenario.shift(code)))
        out.sort(key=lambda t: (t[1], t[0]))
        return out

    def cell_of(self, staff_id: str, day: dt.date) -> tuple[int, int] | None:
        d = (day - self.inst.start).days
        if not 0 <= d < self.inst.days:
            return None
        for p, person in enumerate(self.inst.staff):
            if person.id == staff_id:
                return p, d
        return None


def slot_cover(inst: Instance) -> dict[tuple[int, str], list[int]]:
    """(d_offset, shift code) → global slot indices relative to the start date that the shift fully covers."""
    out = {}
    for s in inst.shifts:
        first = -(-s.start // SLOT_MINUTES)
        last = s.end // SLOT_MINUTES
        out[s.code] = list(range(first, last))
    return out


def group_key(inst: Instance, p: Staff) -> tuple:
    """Comparable staff for nights, rest days and holidays: the same shifts allowed (skills, night) under the same
    system; mixed contracts are weighed by :func:`roster.model.contract_factor`."""
    return comparable_key(inst.rules, inst.shifts, inst.night_min, inst.dates[0], inst.dates[-1], p)


def comparable_key(rules, shifts, night_min: dict[str, dict[int, int]], first: dt.date, last: dt.date,
                   p: Staff) -> tuple:
    """:func:`group_key` without an :class:`Instance` (which also builds the demand profile): for views that
    only need the grouping, e.g. the fairness chart."""
    night_blocked = (not p.night_ok) or any(pr.period.start <= last and pr.period.end >= first for pr in p.protected)
    allowed = []
    for s in shifts:
        if s.skills_any is not None and not set(s.skills_any) & set(p.skills):
            continue
        if night_blocked and night_min[s.code]:
            continue
        allowed.append(s.code)
    return (tuple(allowed), rules.working_time_system)


def hours_group_key(inst: Instance, p: Staff) -> tuple:
    """Comparable staff for the hours spread: the same contract hours under the same working-time system — not the
    same shifts, nor the same freedom to work overtime.  A person who may not work nights still works a full
    contract (review of session 9: with 12-h templates 徐丽, no nights, got 8 h in a week while everybody else got
    40 h, because no fairness term compared her hours with anyone's); a person who may not work overtime is pulled
    up towards the others' hours and they down towards the standard."""
    return hours_key(inst.rules, p)


def hours_key(rules, p: Staff) -> tuple:
    """:func:`hours_group_key` without an :class:`Instance` (the fairness chart)."""
    return (p.weekly_hours, rules.working_time_system)


def lock_cell(inst: Instance, lock) -> tuple[int, int, str] | None:
    d = (lock.date - inst.start).days
    if not 0 <= d < inst.days:
        return None
    for p, person in enumerate(inst.staff):
        if person.id == lock.staff:
            return p, d, lock.shift
    return None


def by_person_date(assignments) -> dict[tuple[str, dt.date], str]:
    out: dict[tuple[str, dt.date], str] = defaultdict(lambda: OFF)
    for a in assignments:
        out[a.staff, a.date] = a.shift
    return out


#: models with at most this many shift variables (e.g. 13 staff × 14 days) are searched by CP-SAT's own tree
#: search with its LP (solver.api), larger ones by LNS
SMALL_MODEL = 1000
#: teams above this size get CP-SAT's interleaved search and then the roster LNS for phase 2 (solver.api)
BIG_TEAM = 50


def symmetry_classes(m) -> list[list[int]]:
    """The identical-staff classes whose schedules :func:`solver.rules.symmetry_breaking` orders: only in small
    models of teams up to BIG_TEAM (the models CP-SAT's tree search alone improves).  Ordering helps a tree search prove a bound but stands in an LNS's way (a move between two identical
    people must also re-sort them).  Measured without it (limit 30/60): 40 staff × 28 d 13894 → 13794, 100 staff
    36725 → 36520; the 28-day sample has no identical staff (4652 either way)."""
    return identical_classes(m.inst) if len(m.x) <= SMALL_MODEL and len(m.inst.staff) <= BIG_TEAM else []


def identical_classes(inst: Instance) -> list[list[int]]:
    """Groups (≥ 2) of staff indices that are interchangeable: same data apart from id and name, same
    history, no locks and no previous roster.  Swapping two of them changes no rule and no term."""
    if inst.previous is not None or inst.prior is not None:
        return []
    locked = {lk.staff for lk in inst.scenario.locked}
    classes: dict[tuple, list[int]] = defaultdict(list)
    for p, person in enumerate(inst.staff):
        if person.id in locked:
            continue
        # every field that can matter (also any added later, e.g. unavailable times): the person minus the
        # fields that only name them
        key = (replace(person, id="", name="", employee_no="", phone="", id_number="", annual_leave_days=0),
               inst.history(person))
        classes[key].append(p)
    return [ps for ps in classes.values() if len(ps) > 1]
