"""Demand per 30-minute slot (SPEC.md §4): later rules override earlier ones for the same hours.

A rule's ``day_type`` matches by the calendar class of the date, ``all`` matches every date and an
ISO date matches that date only.  Rules are applied in file order per skill key (``None`` = any
person), so a later workday rule overrides an earlier ``all`` rule for the hours it names.
"""

from __future__ import annotations

import datetime as dt

from .calendar import WorkCalendar
from .model import DemandRule, Roster, Scenario

SLOT_MINUTES = 30
SLOTS_PER_DAY = 24 * 60 // SLOT_MINUTES


def _matches(rule: DemandRule, day: dt.date, cal: WorkCalendar) -> bool:
    if rule.day_type == "all":
        return True
    if rule.day_type in ("workday", "restday", "holiday"):
        return cal.day_type(day).value == rule.day_type
    return rule.day_type == day.isoformat()


def demand_for_date(scenario: Scenario, day: dt.date, cal: WorkCalendar | None = None) -> dict[str | None, list[int]]:
    """{skill or None: [count per slot]} for one date; a skill appears only if some rule names it."""
    cal = cal or WorkCalendar.of(scenario)
    out: dict[str | None, list[int]] = {None: [0] * SLOTS_PER_DAY}
    for rule in scenario.demand:
        if not _matches(rule, day, cal):
            continue
        apply_rule(out.setdefault(rule.skill, [0] * SLOTS_PER_DAY), rule)
    return out


def apply_rule(row: list[int], rule: DemandRule) -> None:
    """Write ``rule`` into one date's slot counts: it overrides the slots it covers whole; a slot it covers only in
    part (a time finer than 30 min, SPEC §4 "or finer") needs the larger of the two — the earlier rules still hold
    on the rest of that slot, so the slot is never counted below what any part of it asks."""
    first = rule.start // SLOT_MINUTES
    last = min(-(-rule.end // SLOT_MINUTES), len(row))  # ceil: a rule ending mid-slot still needs that slot
    for k in range(first, last):
        whole = rule.start <= k * SLOT_MINUTES and (k + 1) * SLOT_MINUTES <= rule.end
        row[k] = rule.count if whole else max(row[k], rule.count)


def demand_profile(scenario: Scenario, dates: list[dt.date]) -> dict[dt.date, dict[str | None, list[int]]]:
    cal = WorkCalendar.of(scenario)
    return {d: demand_for_date(scenario, d, cal) for d in dates}


def slot_counts(scenario: Scenario, roster: Roster) -> dict[str | None, list[int]]:
    """People covering each whole 30-minute slot of the roster's period (SPEC §4: a person counts toward a slot when
    the shift covers the whole slot), in total (``None``) and per skill some demand rule names; the previous
    period's nights running into the first date (``roster.carried_in``) count too.  Index = date index × 48 + slot.
    Shared by the Excel 覆盖 sheet and the GUI's heat-map (the validator counts on its own)."""
    n = roster.days * SLOTS_PER_DAY
    skills = sorted({r.skill for r in scenario.demand if r.skill})
    out: dict[str | None, list[int]] = {None: [0] * n}
    for sk in skills:
        out[sk] = [0] * n
    person = {p.id: p for p in scenario.staff}
    origin = dt.datetime.combine(roster.start, dt.time())
    for a in (*roster.assignments, *roster.carried_in):
        s = (a.start - origin).total_seconds() / 60
        e = (a.end - origin).total_seconds() / 60
        first = max(0, int(-(-s // SLOT_MINUTES)))
        last = min(n, int(e // SLOT_MINUTES))
        if first >= last:
            continue
        keys: list[str | None] = [None]
        p = person.get(a.staff)
        if p is not None:
            keys += [sk for sk in skills if sk in p.skills]
        for key in keys:
            row = out[key]
            for k in range(first, last):
                row[k] += 1
    return out
