"""Synthetic rosters for export tests, benchmarks and documentation screenshots (no solver needed).

:func:`rotation_scenario` is a small legal-by-construction team: ``n`` people on an 8-day backward
rotation N N D D E E – – (rest between shifts ≥ 16 h, ≤ 6 days in a row, ≥ 1 rest day in every 7),
with demand of ``n // 4`` people round the clock so every hour is exactly covered when ``n`` is a
multiple of 8.
"""

from __future__ import annotations

import datetime as dt

from roster.model import (
    DateRange,
    DemandRule,
    Leave,
    LeaveKind,
    Roster,
    Rules,
    Scenario,
    Staff,
    make_assignment,
)
from roster.sample import default_shifts

PATTERN = ("N", "N", "D", "D", "E", "E", None, None)


def rotation_scenario(n: int = 8, *, names: dict[int, str] | None = None, name: str = "轮班测试班组") -> Scenario:
    names = names or {}
    staff = tuple(
        Staff(id=f"p{i:02d}", name=names.get(i, f"员工{i:02d}"), employee_no=f"E{i:04d}", phone="13800000000",
              id_number="110101199001011234")
        for i in range(n)
    )
    per_shift = max(1, n // 4)
    return Scenario(rules=Rules(), shifts=default_shifts(), demand=(DemandRule("all", 0, 24 * 60, per_shift),),
                    staff=staff, name=name)


def rotation_roster(scenario: Scenario, start: dt.date, days: int, *, skip_leave: bool = True) -> Roster:
    """Person ``i`` works ``PATTERN[(d + i) % 8]`` on day ``d``; leave dates are left off when ``skip_leave``."""
    shifts = scenario.shift_map()
    out = []
    for i, p in enumerate(scenario.staff):
        for k in range(days):
            code = PATTERN[(k + i) % len(PATTERN)]
            day = start + dt.timedelta(days=k)
            if code is None or (skip_leave and p.leave_on(day)) or not p.employed_on(day):
                continue
            out.append(make_assignment(p.id, day, shifts[code]))
    return Roster(start, days, tuple(out), {"status": "FEASIBLE", "objective": 120.0, "bound": 100.0,
                                           "seconds": 1.5})


def with_leave(scenario: Scenario, staff_index: int, first: dt.date, last: dt.date,
               kind: LeaveKind = LeaveKind.ANNUAL) -> Scenario:
    from dataclasses import replace

    staff = list(scenario.staff)
    p = staff[staff_index]
    staff[staff_index] = replace(p, leave=p.leave + (Leave(DateRange(first, last), kind),))
    return replace(scenario, staff=tuple(staff))
