"""Greedy warm start: date by date, put the shift that covers most uncovered demand on the least-loaded
eligible person who can take it without breaking a hard rule (rest, consecutive days, weekly rest,
daily cap, monthly overtime).  CP-SAT gets it as a hint; a good hint is what lets the LNS workers
start from a full-coverage roster instead of from "everybody off".
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from roster.demand import SLOTS_PER_DAY
from roster.model import OFF, Roster, make_assignment

from .model import DAY, RosterModel, lock_cell, slot_cover
from .rules import overtime_parts


def greedy_roster(m: RosterModel) -> Roster:
    inst = m.inst
    rules = inst.rules
    rest = round(rules.min_rest_hours * 60)
    n_staff = len(inst.staff)
    cover = slot_cover(inst)
    nslots = inst.days * SLOTS_PER_DAY
    need: dict[str | None, list[int]] = defaultdict(lambda: [0] * nslots)
    for d, day in enumerate(inst.dates):
        for skill, row in inst.demand[day].items():
            for j, c in enumerate(row):
                need[skill][d * SLOTS_PER_DAY + j] = c
    # prior / history carry-in
    last_end = {}
    working: dict[int, set[int]] = {}
    for p, person in enumerate(inst.staff):
        lse = inst.last_shift_end(person)
        last_end[p] = inst.minute(lse) if lse is not None else -10**9
        working[p] = set(inst.pre_working_dates(person))
        if last_end[p] > 0:
            working[p].add(0)
    parts = overtime_parts(m)
    month_of = {}
    budget = {}
    hol_budget = {}
    hol_of: dict[int, int] = {}
    used_hol = defaultdict(int)
    for (p, y, mo), info in parts.items():
        for d in info["days"]:
            month_of[p, d] = (y, mo)
        budget[p, y, mo] = info["std"] + info["cap"] - info["hist"]
        hol_budget[p, y, mo] = info["cap"] - info["hist"]
        for c, v in info["hol"]:
            hol_of[v.Index()] = c
    used = defaultdict(int)
    load = [0] * n_staff
    nights = [inst.history(person).nights for person in inst.staff]
    night_codes = {s.code for s in inst.shifts if inst.is_night_shift(s)}
    skills = [set(person.skills) for person in inst.staff]
    maxc = rules.max_consecutive_days
    min_rest_days = rules.min_rest_days_per_week
    chosen: dict[tuple[int, int], str] = {}

    def can_take(p: int, d: int, code: str) -> bool:
        if (p, d, code) not in m.x or (p, d) in chosen:
            return False
        s = inst.scenario.shift(code)
        if d * DAY + s.start - last_end[p] < rest:
            return False
        wd = set(working[p]) | {d + k for k in inst.day_min[code]}
        for k in inst.day_min[code]:
            dd = d + k
            run = 0
            x = dd
            while x in wd:
                run += 1
                x -= 1
            if run > maxc:
                return False
            for ws in range(dd - 6, dd + 1):
                if sum(1 for z in range(ws, ws + 7) if z in wd and z < inst.days) > 7 - min_rest_days:
                    return False
        y, mo = month_of[p, d]
        if used[p, y, mo] + s.paid_minutes > budget[p, y, mo]:
            return False
        if used_hol[p, y, mo] + hol_of.get(m.x[p, d, code].Index(), 0) > hol_budget[p, y, mo]:
            return False
        return True

    def take(p: int, d: int, s) -> None:
        slots = [d * SLOTS_PER_DAY + g for g in cover[s.code] if d * SLOTS_PER_DAY + g < nslots]
        chosen[p, d] = s.code
        for g in slots:
            need[None][g] -= 1
            for sk in skills[p]:
                if sk in need:
                    need[sk][g] -= 1
        last_end[p] = d * DAY + s.end
        working[p] |= {d + k for k in inst.day_min[s.code]}
        y, mo = month_of[p, d]
        used[p, y, mo] += s.paid_minutes
        used_hol[p, y, mo] += hol_of.get(m.x[p, d, s.code].Index(), 0)
        load[p] += s.paid_minutes
        if s.code in night_codes:
            nights[p] += 1

    locked = {}
    for lk in inst.scenario.locked:
        cell = lock_cell(inst, lk)
        if cell is not None:
            locked[cell[0], cell[1]] = cell[2]

    for d in range(inst.days):
        for (p, dd), code in locked.items():
            if dd == d:
                if code == OFF:
                    chosen[p, d] = OFF
                elif (p, d, code) in m.x:
                    take(p, d, inst.scenario.shift(code))
        # taking a shift only changes the taker's own state (and they are done for the day)
        ok = {(p, s.code): can_take(p, d, s.code) for p in range(n_staff) for s in inst.shifts}
        skipped: set[int] = set()
        while True:
            # chronological sweep: the earliest still-short slot of the day decides which shifts compete,
            # so a long shift cannot crowd out the one that starts exactly where the need starts
            target = None
            for g in range(d * SLOTS_PER_DAY, min(nslots, (d + 1) * SLOTS_PER_DAY)):
                if g not in skipped and (need[None][g] > 0 or any(need[k][g] > 0 for k in need if k is not None)):
                    target = g
                    break
            if target is None:
                break
            best = None
            for s in inst.shifts:
                slots = [d * SLOTS_PER_DAY + g for g in cover[s.code] if d * SLOTS_PER_DAY + g < nslots]
                if target not in slots:
                    continue
                gain_any = sum(1 for g in slots if need[None][g] > 0)
                waste = len(slots) - gain_any
                for p in range(n_staff):
                    if not ok[p, s.code] or (p, d) in chosen:
                        continue
                    gain_skill = sum(1 for sk in skills[p] if sk in need for g in slots if need[sk][g] > 0)
                    if need[None][target] <= 0 and not any(sk in need and need[sk][target] > 0 for sk in skills[p]):
                        continue  # only a skill is short here and this person lacks it
                    same = chosen.get((p, d - 1)) == s.code
                    free_before = (p, d - 1) not in chosen
                    score = (
                        gain_any * 4 + gain_skill * 3 - waste * 4,
                        same or (s.code in night_codes and free_before),
                        -load[p],
                        -(nights[p] if s.code in night_codes else 0),
                        -p,
                    )
                    if best is None or score > best[0]:
                        best = (score, p, s)
            if best is None:
                skipped.add(target)
                continue
            _, p, s = best
            take(p, d, s)
    assignments = tuple(
        make_assignment(inst.staff[p].id, inst.dates[d], inst.scenario.shift(code))
        for (p, d), code in sorted(chosen.items(), key=lambda t: (t[0][1], t[0][0]))
        if code != OFF
    )
    return Roster(inst.start, inst.days, assignments, {"status": "GREEDY"})


_ = dt
