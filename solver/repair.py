"""Repairs during the period (SPEC §2.9, §2.10): re-optimise around locked cells, re-plan after an
absence with as few changes as possible, and rank who can cover a shift.

All three are application services on top of :func:`solver.api.solve`.  ``who_can_cover`` does not
solve: it checks each candidate with the solver package's own per-person rule logic
(:class:`solver.explain.PersonRules`), never with ``roster.validator`` (the two implementations stay
independent; the tests compare them).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from roster.model import (
    OFF,
    DateRange,
    DayType,
    Leave,
    LeaveKind,
    Lock,
    Roster,
    Scenario,
)

from .explain import RULE_TO_REASON, PersonRules, rows_of

DAY = dt.timedelta(days=1)


def _solve(scenario: Scenario, start: dt.date, days: int, options):
    from .api import solve  # late import: keeps this module importable while the core changes

    return solve(scenario, start, days, options)


def _options(options, **changes):
    if options is None:
        from .api import SolveOptions

        options = SolveOptions()
    if dataclasses.is_dataclass(options):
        return replace(options, **changes)
    for k, v in changes.items():  # pragma: no cover - plain objects
        setattr(options, k, v)
    return options


def _cell_value(roster: Roster, staff: str, day: dt.date) -> str:
    a = roster.by_staff_date().get((staff, day))
    return a.shift if a is not None else OFF


# --------------------------------------------------------------------------------------------------
# re-optimise around locked cells
# --------------------------------------------------------------------------------------------------


def reoptimise(scenario: Scenario, roster: Roster, *, locked_cells: Iterable[tuple[str, dt.date]], options=None,
               change_weight: int | None = None):
    """Keep ``locked_cells`` at their current value (as :class:`Lock`), re-solve the rest while
    minimising changes against ``roster`` (``options.previous``).  Returns the ``SolveResult``.

    Changes are weighed by the scenario's ``changes`` weight; ``change_weight`` overrides it for this
    solve (a large value means "touch as little as possible, even at some cost in fairness")."""
    if change_weight is not None:
        scenario = replace(scenario, weights={**scenario.weights, "changes": int(change_weight)})
    cells = set(locked_cells)
    cur = roster.by_staff_date()
    new_locks = [Lock(s, d, cur[(s, d)].shift if (s, d) in cur else OFF) for s, d in sorted(cells)]
    keep = [lk for lk in scenario.locked if (lk.staff, lk.date) not in cells]
    sc = replace(scenario, locked=tuple(keep) + tuple(new_locks))
    opts = _options(options, previous=roster, hint=getattr(options, "hint", None) or roster)
    return _solve(sc, roster.start, roster.days, opts)


# --------------------------------------------------------------------------------------------------
# absence
# --------------------------------------------------------------------------------------------------


def _runs(days: Iterable[dt.date]) -> list[tuple[dt.date, dt.date]]:
    out: list[list[dt.date]] = []
    for d in sorted(set(days)):
        if out and out[-1][1] + DAY == d:
            out[-1][1] = d
        else:
            out.append([d, d])
    return [(a, b) for a, b in out]


def add_leave(scenario: Scenario, staff_id: str, dates: Iterable[dt.date], kind: str | LeaveKind = "sick",
              note: str = "") -> Scenario:
    """The scenario with ``staff_id`` on leave of ``kind`` on ``dates`` (contiguous runs merged)."""
    lk = LeaveKind(kind)
    new = tuple(Leave(DateRange(a, b), lk, note) for a, b in _runs(dates))
    scenario.person(staff_id)  # KeyError for an unknown id
    staff = tuple(replace(p, leave=tuple(p.leave) + new) if p.id == staff_id else p for p in scenario.staff)
    return replace(scenario, staff=staff)


def repair_absence(scenario: Scenario, roster: Roster, staff_id: str, dates: Iterable[dt.date], *,
                   kind: str | LeaveKind = "sick", options=None, change_weight: int | None = None):
    """Record an absence as leave and re-plan with minimal changes.

    Every cell on a date before the first absence date is locked to its current value (the past
    and the already-announced part stay as they are), except on a date whose shift of the absent person
    runs into the absence (a night from the evening before): that shift is re-planned and anybody may take it
    over (changes still cost ``change_weight`` each).  Returns ``(new_scenario, SolveResult)``; ``new_scenario`` holds the
    new leave but not those temporary locks (user locks that clash with the leave are dropped).
    """
    days = sorted(set(dates))
    if not days:
        raise ValueError("缺勤日期为空")
    first = days[0]
    absent = set(days)
    new_sc = add_leave(scenario, staff_id, days, kind, note="缺勤补排")
    new_sc = replace(new_sc, locked=tuple(
        lk for lk in new_sc.locked if not (lk.staff == staff_id and lk.date in absent and lk.shift != OFF)))
    shifts = scenario.shift_map()
    cur = roster.by_staff_date()
    cells: set[tuple[str, dt.date]] = set()
    reopened: set[dt.date] = set()  # dates whose shift of the absent person runs into the absence
    d = roster.start
    while d < first and d <= roster.end:
        a = cur.get((staff_id, d))
        if a is not None and a.shift in shifts:
            s, e = shifts[a.shift].interval_on(d)
            if any(dt.datetime.combine(x, dt.time()) < e and s < dt.datetime.combine(x + DAY, dt.time())
                   for x in absent):
                reopened.add(d)  # must be re-planned — and somebody else may take it over that date (sweep #8)
        if d not in reopened:
            cells.update((p.id, d) for p in scenario.staff)
        d += DAY
    result = reoptimise(new_sc, roster, locked_cells=cells, options=options, change_weight=change_weight)
    return new_sc, result


# --------------------------------------------------------------------------------------------------
# who can cover
# --------------------------------------------------------------------------------------------------


#: the notes on a candidate's cost, by kind: (Chinese, English) formats of the note's values
_NOTES = {
    "overtime": ("加班增加 {added:.1f} 小时（本结算期 {after:.1f}/{cap:.1f} 小时）",
                 "overtime +{added:.1f} h (settlement period {after:.1f}/{cap:.1f} h)"),
    "nights": ("夜班 {count} 次，高于团队平均 {mean:.1f}", "{count} night shifts, team average {mean:.1f}"),
    "weekends": ("周末班 {count} 次，高于团队平均 {mean:.1f}", "{count} weekend shifts, team average {mean:.1f}"),
    "holidays": ("节假日班 {count} 次，高于团队平均 {mean:.1f}", "{count} holiday shifts, team average {mean:.1f}"),
    "hours": ("工时 {hours:.1f} 小时，高于平均 {mean:.1f}", "{hours:.1f} paid hours, team average {mean:.1f}"),
    "wish_off": ("本人希望当天休息", "asked for this day off"),
    "skill_gap": ("不具备{skills}技能，该技能覆盖可能不足", "lacks the skill {skills}: its cover may fall short"),
    "none": ("无额外成本", "no extra cost"),
}


def note_text(kind: str, values: dict, lang: str = "zh") -> str:
    """One note on a candidate's cost in ``lang`` ("zh" or "en")."""
    zh, en = _NOTES[kind]
    return (en if lang.startswith("en") else zh).format(**values)


@dataclass(frozen=True, slots=True)
class Candidate:
    staff: str
    shift: str
    cost: float
    overtime_hours_after: float  # measured overtime of the settlement part holding the date, after
    reasons: tuple[str, ...]  # Chinese notes on the cost (overtime, fairness, wishes, skills)
    name: str = ""
    overtime_hours_added: float = 0.0
    notes: tuple[tuple[str, dict], ...] = ()  # the same notes as (kind, values): :meth:`notes_text` in a language

    def notes_text(self, lang: str = "zh") -> tuple[str, ...]:
        return tuple(note_text(kind, values, lang) for kind, values in self.notes) or self.reasons


SKILL_GAP_PENALTY = 500.0  # ranks a candidate lacking a skill the absent person brought below skilled ones


def _counts(checker: PersonRules, scenario: Scenario, rows, sid: str) -> tuple[int, int, int, float]:
    """(nights, weekend dates, holiday dates, paid hours) of a person in the period plus history."""
    h = scenario.history_of(sid)
    nights, weekends, hols, paid = h.nights, h.weekend_days, h.holiday_days, 0.0
    for d, code in rows.get(sid, {}).items():
        sh = checker.shifts.get(code)
        if sh is None:
            continue
        paid += sh.paid_minutes / 60
        nights += checker.night_minutes(d, code) >= 180
        weekends += d.weekday() >= 5
        hols += checker.day_type(d) == DayType.HOLIDAY
    return nights, weekends, hols, paid


def who_can_cover(scenario: Scenario, roster: Roster, staff_id: str, date: dt.date) -> list[Candidate]:
    """Rank the people who may legally take ``staff_id``'s shift on ``date`` (cheapest first).

    Legal = giving them the shift (and removing it from ``staff_id``) adds no per-person rule breach
    (everything but coverage): leave, employment, skills of the template, night ban, rest, weekly
    rest, consecutive days, daily cap, overtime cap.  People already working that date, and cells a
    user locked, are not candidates.  Cost = overtime hours added × the overtime weight (300 % weight
    on a statutory holiday) + fairness (nights / weekend / holiday count above the team average ×
    its weight, paid hours above average × ``fair_hours``) + a "prefers off" wish's weight, plus
    :data:`SKILL_GAP_PENALTY` when a skill demanded during the shift is lost.
    """
    rows = rows_of(roster)
    code = rows.get(staff_id, {}).get(date)
    if code is None or code == OFF:
        return []
    checker = PersonRules(scenario, roster.start, roster.days)
    if code not in checker.shifts:
        return []
    sh = checker.shifts[code]
    rows = {k: dict(v) for k, v in rows.items()}
    rows.setdefault(staff_id, {}).pop(date, None)
    locks = {(lk.staff, lk.date): lk.shift for lk in scenario.locked}
    is_night = checker.night_minutes(date, code) >= 180
    is_weekend = date.weekday() >= 5
    is_holiday = checker.day_type(date) == DayType.HOLIDAY
    team = [p for p in scenario.staff if p.active]
    stats = {p.id: _counts(checker, scenario, rows, p.id) for p in team}
    n = max(1, len(team))
    avg = [sum(s[i] for s in stats.values()) / n for i in range(4)]
    needed_skills = _skills_demanded(scenario, date, sh, checker)
    absent = scenario.person(staff_id)
    lost_skills = sorted(needed_skills & set(absent.skills))
    w_ot = scenario.weight("overtime_300" if is_holiday else "overtime_150")
    out: list[Candidate] = []
    for p in team:
        if p.id == staff_id:
            continue
        row = rows.get(p.id, {})
        if date in row:
            continue  # already working that date (one shift per date)
        if locks.get((p.id, date), code) != code:
            continue
        after = dict(row)
        after[date] = code
        if checker.new_breaches(p, row, after):
            continue
        ot_before, _cap = checker.overtime_in_month(p, row, date)
        ot_after, cap = checker.overtime_in_month(p, after, date)
        added = max(0.0, ot_after - ot_before)
        cost = added * w_ot
        notes: list[tuple[str, dict]] = []
        if added > 1e-9:
            notes.append(("overtime", {"added": added, "after": ot_after, "cap": cap}))
        nights, weekends, hols, paid = stats[p.id]
        for flag, count, mean, wname, kind in (
            (is_night, nights, avg[0], "fair_nights", "nights"),
            (is_weekend, weekends, avg[1], "fair_weekends", "weekends"),
            (is_holiday, hols, avg[2], "fair_holidays", "holidays"),
        ):
            if flag:
                excess = count + 1 - mean
                if excess > 0:
                    cost += scenario.weight(wname) * excess
                    notes.append((kind, {"count": count + 1, "mean": mean}))
        hours_excess = paid + sh.paid_minutes / 60 - avg[3]
        if hours_excess > 0:
            cost += scenario.weight("fair_hours") * hours_excess
            notes.append(("hours", {"hours": paid + sh.paid_minutes / 60, "mean": avg[3]}))
        for rq in p.requests:
            if rq.date == date and rq.off:
                cost += scenario.weight("wishes") * rq.weight
                notes.append(("wish_off", {}))
        missing = [s for s in lost_skills if s not in p.skills]
        if missing:
            cost += SKILL_GAP_PENALTY
            notes.append(("skill_gap", {"skills": "、".join(missing)}))
        if not notes:
            notes.append(("none", {}))
        reasons = tuple(note_text(kind, values) for kind, values in notes)
        out.append(Candidate(p.id, code, round(cost, 3), round(ot_after, 2), reasons, p.name, round(added, 2),
                             tuple(notes)))
    out.sort(key=lambda c: (c.cost, c.staff))
    return out


def why_not_cover(scenario: Scenario, roster: Roster, staff_id: str, date: dt.date, candidate: str) -> list[str]:
    """Rule ids (reason kinds) that stop ``candidate`` from taking the shift; [] when they can."""
    rows = rows_of(roster)
    code = rows.get(staff_id, {}).get(date)
    if code is None:
        return []
    row = dict(rows.get(candidate, {}))
    if date in row:
        return ["busy"]
    after = dict(row)
    after[date] = code
    checker = PersonRules(scenario, roster.start, roster.days)
    return sorted({RULE_TO_REASON[b.rule] for b in checker.new_breaches(scenario.person(candidate), row, after)})


def _skills_demanded(scenario: Scenario, day: dt.date, sh, checker: PersonRules) -> set[str]:
    from roster.demand import SLOT_MINUTES, demand_for_date

    out: set[str] = set()
    s, e = sh.interval_on(day)
    for d in {s.date(), (e - dt.timedelta(minutes=1)).date()}:
        prof = demand_for_date(scenario, d, checker.cal)
        mid = dt.datetime.combine(d, dt.time())
        for skill, slots in prof.items():
            if skill is None:
                continue
            for k, cnt in enumerate(slots):
                if cnt <= 0:
                    continue
                a = mid + dt.timedelta(minutes=k * SLOT_MINUTES)
                if s <= a and a + dt.timedelta(minutes=SLOT_MINUTES) <= e:
                    out.add(skill)
                    break
    return out


__all__ = [
    "Candidate",
    "add_leave",
    "note_text",
    "reoptimise",
    "repair_absence",
    "who_can_cover",
    "why_not_cover",
]
