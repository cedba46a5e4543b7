"""Named, weighted soft objective terms (weights from ``scenario.weights``, keys of ``DEFAULT_WEIGHTS``).

``under_cover``/``over_cover`` come from :func:`solver.rules.coverage` and ``overtime_150``/``overtime_300``
from :func:`solver.rules.overtime_cap`; this module adds fairness, wishes, isolated days and changes.
Every term value is an integer count in the unit stored on the term (see ``TERM_UNITS``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from roster.model import OFF, DayType, contract_factor

from .model import RosterModel, by_person_date, group_key, hours_group_key

TERM_UNITS = {
    "under_cover": "人·半小时 (missing person × 30-min slots)",
    "over_cover": "人·半小时 (surplus person × 30-min slots)",
    "overtime_150": "半小时 (half-hours over standard, 150 %)",
    "overtime_300": "半小时 (half-hours on statutory holidays, 300 %)",
    "fair_nights": "班 (max − min night shifts incl. history)",
    "fair_weekends": "天 (max − min weekend shifts incl. history)",
    "fair_holidays": "天 (max − min holiday shifts incl. history)",
    "fair_hours": "半小时 (max − min paid half-hours, leave credited)",
    "wishes": "权重 (sum of weights of unmet wishes)",
    "isolated_days": "次 (isolated working days + isolated days off)",
    "changes": "格 (cells changed vs the previous roster)",
}


@dataclass
class SpreadGroup:
    """One max − min group of a fairness term: members as (person, [(coef, var)], constant), and the
    ``hi``/``lo`` variables whose difference is the group's spread."""

    name: str
    weight: int
    members: list
    hi: object
    lo: object


def _spread(m: RosterModel, name: str, values: dict[int, tuple[list, int]], ub: int, key=group_key) -> None:
    """Add max − min of ``values`` over each group of comparable staff (``key``) to term ``name``."""
    inst = m.inst
    t = m.term(name, TERM_UNITS[name])
    if t.weight <= 0:
        return
    m.spread_values[name] = values
    groups: dict[tuple, list[int]] = defaultdict(list)
    for p, person in enumerate(inst.staff):
        groups[key(inst, person)].append(p)
    for key, members in groups.items():
        if len(members) < 2:
            continue
        exprs = []
        for p in members:
            parts, const = values[p]
            exprs.append((sum(c * v for c, v in parts) if parts else 0) + const)
        consts = [values[p][1] for p in members]
        hi = m.model.NewIntVar(min(consts), max(consts) + ub, f"{name}_hi_{len(m.terms)}_{key[1]}")
        lo = m.model.NewIntVar(min(consts), max(consts) + ub, f"{name}_lo_{len(m.terms)}_{key[1]}")
        for e in exprs:
            m.model.Add(hi >= e)
            m.model.Add(lo <= e)
        # redundant: max ≥ mean ≥ min (gives the LP and integer rounding something to bite on)
        total = sum(exprs)
        m.model.Add(len(members) * hi >= total)
        m.model.Add(len(members) * lo <= total)
        t.add(hi, 1)
        t.add(lo, -1)
        m.spread_groups.append(SpreadGroup(name, t.weight, [(p, values[p][0], values[p][1]) for p in members], hi, lo))


def fair_nights(m: RosterModel) -> None:
    """Spread of night shifts (≥ 180 night minutes) among comparable staff, history included; each counts
    :func:`roster.model.contract_factor` times (a part-timer's share against a full-timer's)."""
    inst = m.inst
    night = {s.code for s in inst.shifts if inst.is_night_shift(s)}
    vals = {}
    for p, person in enumerate(inst.staff):
        f = contract_factor(person.weekly_hours)
        parts = [(f, v) for (pp, d, code), v in m.x.items() if pp == p and code in night]
        vals[p] = (parts, f * inst.history(person).nights)
    _spread(m, "fair_nights", vals, max((contract_factor(x.weekly_hours) for x in inst.staff), default=1) * inst.days)


def _day_count(m: RosterModel, name: str, pick, hist_attr: str) -> None:
    inst = m.inst
    vals = {}
    top = 1
    for p, person in enumerate(inst.staff):
        f = contract_factor(person.weekly_hours)
        top = max(top, f)
        parts = []
        for d in range(inst.days):
            a = m.a[p, d]
            if pick(d) and not isinstance(a, int):
                parts.append((f, a))
        vals[p] = (parts, f * getattr(inst.history(person), hist_attr))
    _spread(m, name, vals, top * inst.days)


def fair_weekends(m: RosterModel) -> None:
    """Spread of shifts starting on calendar rest days (weekends, holiday-block rest days) among comparable
    staff, history included (same count as ``roster.carryover``'s ``weekend_days``)."""
    _day_count(m, "fair_weekends", lambda d: m.inst.day_type[d] == DayType.RESTDAY, "weekend_days")


def fair_holidays(m: RosterModel) -> None:
    """Spread of shifts starting on statutory holidays (H300) among comparable staff, history included."""
    _day_count(m, "fair_holidays", lambda d: m.inst.day_type[d] == DayType.HOLIDAY, "holiday_days")


def fair_hours(m: RosterModel) -> None:
    """Spread of paid half-hours (+ a leave day on a workday credited as a standard day) among staff with the same contract
    hours under the same system (:func:`solver.model.hours_group_key`; nights, skills and overtime freedom do not
    split them)."""
    inst = m.inst
    vals = {}
    ub = 0
    for p, person in enumerate(inst.staff):
        parts = [(s.paid_minutes // 30, v) for d in range(inst.days) for s, v in m.cells(p, d)]
        credit = sum(
            round(16 * person.weekly_hours / 40)
            for d, day in enumerate(inst.dates)
            if inst.day_type[d] == DayType.WORKDAY and person.leave_on(day)
        )
        vals[p] = (parts, credit)
        ub = max(ub, inst.days * max((s.paid_minutes // 30 for s in inst.shifts), default=0))
    _spread(m, "fair_hours", vals, ub, key=hours_group_key)


def wishes(m: RosterModel) -> None:
    """Unmet wishes (prefer off / prefer shift X), weighted by the request's own weight."""
    inst = m.inst
    t = m.term("wishes", TERM_UNITS["wishes"])
    for p, person in enumerate(inst.staff):
        for req in person.requests:
            d = (req.date - inst.start).days
            if not 0 <= d < inst.days:
                continue
            if req.off or not req.shift:
                a = m.a[p, d]
                if not isinstance(a, int):
                    t.add(a, req.weight)
                else:
                    t.constant += req.weight * a
            else:
                v = m.x.get((p, d, req.shift))
                t.constant += req.weight
                if v is not None:
                    t.add(v, -req.weight)


def isolated_days(m: RosterModel) -> None:
    """Isolated working days (off–on–off) and isolated days off (on–off–on) inside the period."""
    inst = m.inst
    t = m.term("isolated_days", TERM_UNITS["isolated_days"])
    if t.weight <= 0:
        return
    for p in range(len(inst.staff)):
        for d in range(1, inst.days - 1):
            prev, cur, nxt = m.a[p, d - 1], m.a[p, d], m.a[p, d + 1]
            if all(isinstance(z, int) for z in (prev, cur, nxt)):
                continue
            if not isinstance(cur, int) or cur == 1:
                iso = m.model.NewBoolVar(f"isow_{p}_{d}")
                m.model.Add(iso >= cur - prev - nxt)
                t.add(iso)
                m.isolated.append((p, d, iso))
            if not (isinstance(prev, int) and prev == 0) and not (isinstance(nxt, int) and nxt == 0):
                iso = m.model.NewBoolVar(f"isoo_{p}_{d}")
                m.model.Add(iso >= prev + nxt - cur - 1)
                t.add(iso)
                m.isolated.append((p, d, iso))


def changes(m: RosterModel) -> None:
    """Cells that differ from the previous roster (re-optimisation keeps the plan stable)."""
    inst = m.inst
    if inst.previous is None:
        return
    t = m.term("changes", TERM_UNITS["changes"])
    prev = by_person_date(inst.previous.assignments)
    for p, person in enumerate(inst.staff):
        for d, day in enumerate(inst.dates):
            code = prev[person.id, day]
            if code == OFF:
                a = m.a[p, d]
                if isinstance(a, int):
                    t.constant += a
                else:
                    t.add(a)
            else:
                t.constant += 1
                v = m.x.get((p, d, code))
                if v is not None:
                    t.add(v, -1)


TERMS = (fair_nights, fair_weekends, fair_holidays, fair_hours, wishes, isolated_days, changes)


def add_objective(m: RosterModel) -> None:
    for term in TERMS:
        term(m)
    m.set_objective()
