"""Labour rules as CP-SAT constraints: one function per rule id of docs/ARCHITECTURE.md.

Each function takes the :class:`solver.model.RosterModel` and either removes cells
(``m.forbid``; called before the variables exist) or adds constraints on ``x``/``a``/``w``.
A rule listed in ``Rules.disabled`` is skipped by :func:`apply_rules`.  The validator
(``roster/validator.py``) implements the same rules independently; this module never imports it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from roster.demand import SLOT_MINUTES, SLOTS_PER_DAY
from roster.model import NO_OVERTIME_KINDS, OFF, DayType, LeaveKind, ProtectedKind, WorkingTimeSystem

from .model import DAY, RosterModel, slot_cover, symmetry_classes

# ---------------------------------------------------------------- cell rules (before variables)


def approved_leave(m: RosterModel) -> None:
    """No shift starts on a leave date and no working minute falls on one.

    Source: S5 Art. 7 (maternity leave, PG-03); S6 Art. 2 (annual leave); approved leave is hard (SPEC §2.2).
    """
    inst = m.inst
    for p, person in enumerate(inst.staff):
        for d, day in enumerate(inst.dates):
            for s in inst.shifts:
                for k in inst.day_min[s.code]:
                    lv = person.leave_on(day + dt.timedelta(days=k))
                    if lv is not None:
                        m.forbid(p, d, s.code, "approved_leave", f"{person.name} {day + dt.timedelta(days=k)} 请假",
                                 _LEAVE_SOURCE.get(lv.kind, _APPROVED_LEAVE)[0],
                                 f"{person.name} is on leave on {day + dt.timedelta(days=k)}")
                        break


#: the source of the leave kind a lock breaks (review of session 15: a sick-leave lock cited maternity + annual)
# (Chinese, English) — every cause-specific source is written once; SOURCE_EN (below) is derived from these
_LEAVE_SOURCE = {
    LeaveKind.ANNUAL: ("S6 第2条（年休假）", "S6 Art. 2 (annual leave)"),
    LeaveKind.MATERNITY: ("S5 第7条（产假，PG-03）", "S5 Art. 7 (maternity leave, PG-03)"),
    LeaveKind.COMP: ("劳动法第44条（调休，PAY-02）", "Labour Law Art. 44 (comp time off, PAY-02)"),
}
_APPROVED_LEAVE = ("经批准的请假（SPEC §2.2）", "approved leave (SPEC §2.2)")


def unavailable_slots(m: RosterModel) -> None:
    """No working minute inside a time the person registered as unavailable (hard, like approved leave).

    Source: SPEC §2.2 ("unavailable slots"; approved leave is hard).  Minutes are counted from the period's first
    midnight; a window whose end is not after its start runs into the next day; the whole shift span counts.
    """
    inst = m.inst
    for p, person in enumerate(inst.staff):
        if not person.unavailable:
            continue
        windows = []
        for d in range(-1, inst.days + 1):
            day = inst.start + dt.timedelta(days=d)
            for u in person.unavailable:
                if u.applies_on(day):
                    windows.append((d * DAY + u.start, d * DAY + u.end + (DAY if u.end <= u.start else 0)))
        if not windows:
            continue
        for d, day in enumerate(inst.dates):
            for s in inst.shifts:
                a = d * DAY + s.start
                b = a + s.span_minutes
                if any(min(b, hi) > max(a, lo) for lo, hi in windows):
                    m.forbid(p, d, s.code, "unavailable_slots", f"{person.name} {day} 该时段登记为不可排班",
                             reason_en=f"{person.name} is registered unavailable at that time on {day}")


def employment_dates(m: RosterModel) -> None:
    """No working minute before the hire date or after the leaving date.

    Source: S2 (劳动合同法) — no work outside the employment relationship.
    """
    inst = m.inst
    for p, person in enumerate(inst.staff):
        for d, day in enumerate(inst.dates):
            for s in inst.shifts:
                for k in inst.day_min[s.code]:
                    if not person.employed_on(day + dt.timedelta(days=k)):
                        m.forbid(p, d, s.code, "employment_dates", f"{person.name} {day} 不在聘用期内",
                                 reason_en=f"{person.name} is not employed on {day}")
                        break


def shift_skills(m: RosterModel) -> None:
    """A shift template with ``skills_any`` may only be worked by someone holding one of them.

    Source: contract post requirements (SPEC §2.3).
    """
    inst = m.inst
    for p, person in enumerate(inst.staff):
        for s in inst.shifts:
            if s.skills_any is not None and not set(s.skills_any) & set(person.skills):
                for d in range(inst.days):
                    m.forbid(p, d, s.code, "shift_skills", f"{person.name} 不具备 {s.code} 班所需技能",
                             reason_en=f"{person.name} lacks the skill shift {s.code} needs")


def night_work_ban(m: RosterModel) -> None:
    """Protected staff (pregnant ≥ 7 months, nursing, minor) and ``night_ok=false``: no night minute.

    Source: PG-01 S5 Art. 6; PG-02 S5 Art. 9; PG-07 policy (minors).  Night window from the rules
    (default 22:00–06:00, NW-01); a date inside the protected period may hold no night minute.
    """
    inst = m.inst
    for p, person in enumerate(inst.staff):
        for d, day in enumerate(inst.dates):
            for s in inst.shifts:
                for k in inst.night_min[s.code]:
                    on = day + dt.timedelta(days=k)
                    kinds = list(dict.fromkeys(pr.kind for pr in person.protected_on(on)))
                    if not person.night_ok or kinds:
                        why = "；".join([_NIGHT_BAN_SOURCE[x][0] for x in kinds]
                                       + ([] if person.night_ok else [_NIGHT_OK[0]]))
                        m.forbid(p, d, s.code, "night_work_ban", f"{person.name} {on} 不得安排夜间工作", why,
                                 f"{person.name} may not work in the night window on {on}")
                        break


_NIGHT_BAN_SOURCE = {
    ProtectedKind.PREGNANT_7M: ("怀孕 7 个月以上：PG-01 S5 第6条", "pregnant ≥ 7 months: PG-01 S5 Art. 6"),
    ProtectedKind.NURSING: ("哺乳期：PG-02 S5 第9条", "nursing: PG-02 S5 Art. 9"),
    ProtectedKind.MINOR: ("未成年工：PG-07 政策", "minor: PG-07 policy"),
}
_NIGHT_OK = ("员工设置：不安排夜班", "employee setting: no nights")


_STANDARD_CAP = ("OT-02 劳动法第41条", "OT-02 Labour Law Art. 41")
_COMPREHENSIVE_CAP = ("CH-06 S12 第5项", "CH-06 S12 item 5")
_PROTECTED_DAY = ("PG-01/02 S5 第6条、第9条", "PG-01/02 S5 Arts. 6, 9")


def max_daily_hours(m: RosterModel) -> None:
    """Each shift's paid hours and each calendar date's working hours ≤ the daily cap; for pregnant ≥ 7 months
    and nursing staff a shift's paid hours ≤ the standard working day (8 h × weekly_hours / 40).

    Source: OT-02 S1 Art. 41 (standard system: 8 h + ≤ 3 h = labour-law §0's flat 11 h for every contract; a
    part-timer's hours beyond their own standard day count toward the monthly cap, :func:`overtime_cap`);
    CH-06 S12 item 5 (comprehensive: policy cap);
    PG-01 S5 Art. 6 / PG-02 S5 Art. 9 ("不得延长劳动时间": no hours beyond the standard shift).
    The per-date measure excludes unpaid breaks (labour-law §4: "total shift ≤ 11 h excluding unpaid breaks"):
    a shift's paid minutes count on each date in proportion to its minutes there (the validator's reading).
    """
    inst = m.inst
    cap = round(inst.rules.effective_daily_cap_hours() * 60)
    cap_source = (_STANDARD_CAP if inst.rules.working_time_system == WorkingTimeSystem.STANDARD else _COMPREHENSIVE_CAP)[0]

    def paid_on(s, k: int) -> float:
        """Paid minutes of shift ``s`` on the date ``k`` days after its start (the break pro rata)."""
        return inst.day_min[s.code].get(k, 0) * s.paid_minutes / s.span_minutes if s.span_minutes else 0.0

    for p, person in enumerate(inst.staff):
        for s in inst.shifts:
            if s.paid_minutes > cap or any(paid_on(s, k) > cap + 1e-9 for k in inst.day_min[s.code]):
                for d in range(inst.days):
                    m.forbid(p, d, s.code, "max_daily_hours", f"{s.code} 班超过每日工时上限", cap_source,
                             f"shift {s.code} is longer than the daily hours cap")
                continue
            for d, day in enumerate(inst.dates):
                own = person.standard_day_cap_minutes(day)
                if own is not None and s.paid_minutes > own + 1e-9:
                    m.forbid(p, d, s.code, "max_daily_hours",
                             f"{person.name} {day} 孕期/哺乳期不得延长劳动时间（{s.code} 班超过标准工作日）",
                             _PROTECTED_DAY[0],
                             f"{person.name} may not work beyond the standard day on {day} (pregnant ≥ 7 months or "
                             f"nursing; shift {s.code} is longer)")
        # history's last shift spilling into the first date
        lse = inst.last_shift_end(person)
        carried = max(0, min(inst.minute(lse), DAY)) if lse is not None else 0
        if carried:
            for s in inst.shifts:
                # (the history's last shift: its break is unknown, so its minutes count in full)
                if carried + paid_on(s, 0) > cap + 1e-9:
                    m.forbid(p, 0, s.code, "max_daily_hours", f"{person.name} 首日工时超过上限", cap_source,
                             f"{person.name} would exceed the daily hours cap on the first date")
    if not m.frozen:
        return
    # pairs: a shift crossing into date d plus the shift starting on d
    for p in range(len(inst.staff)):
        for d in range(1, inst.days):
            for s1, v1 in m.cells(p, d - 1):
                spill = paid_on(s1, 1)
                if not spill:
                    continue
                bad = [v2 for s2, v2 in m.cells(p, d) if spill + paid_on(s2, 0) > cap + 1e-9]
                if bad:
                    m.model.Add(v1 + sum(bad) <= 1)


def min_rest_between_shifts(m: RosterModel) -> None:
    """Rest between the end of one shift and the start of the next ≥ ``min_rest_hours``.

    Source: RB-01/RB-02 (product policy; EU WTD S24 Art. 3 as reference).  Includes the history's /
    prior roster's ``last_shift_end``.  Forbidden pairs are grouped per later date (at most one start
    a date, so ``x1 + Σ conflicting starts of that date ≤ 1`` is exact and tighter).
    """
    inst = m.inst
    rest = round(inst.rules.min_rest_hours * 60)
    for p, person in enumerate(inst.staff):
        lse = inst.last_shift_end(person)
        if lse is None:
            continue
        end = inst.minute(lse)
        for d in range(inst.days):
            for s in inst.shifts:
                if d * DAY + s.start - end < rest:
                    m.forbid(p, d, s.code, "min_rest_between_shifts", f"{person.name} 距上一班结束不足 {rest // 60} 小时",
                             reason_en=f"{person.name} would have less than {rest // 60} h rest after the last shift")
    if not m.frozen:
        return
    horizon = max((s.end for s in inst.shifts), default=0) + rest
    for p in range(len(inst.staff)):
        for d1 in range(inst.days):
            for s1, v1 in m.cells(p, d1):
                e1 = d1 * DAY + s1.end
                for d2 in range(d1 + 1, inst.days):
                    if d2 * DAY > d1 * DAY + horizon:
                        break
                    bad = [v2 for s2, v2 in m.cells(p, d2) if d2 * DAY + s2.start - e1 < rest]
                    if bad:
                        m.model.Add(v1 + sum(bad) <= 1)


# ---------------------------------------------------------------- constraint rules (after variables)


def one_shift_per_day(m: RosterModel) -> None:
    """At most one shift starts per person and date.

    Source: SPEC §4.  (``a[p, d] = Σ_s x[p, d, s]`` with ``a`` boolean already implies it; the explicit
    at-most-one helps presolve recognise the clique.)
    """
    for p in range(len(m.inst.staff)):
        for d in range(m.inst.days):
            cells = [v for _, v in m.cells(p, d)]
            if len(cells) > 1:
                m.model.AddAtMostOne(cells)


def _window_constraints(m: RosterModel, length: int, max_working: int, rule_id: str, *, after: bool = False) -> None:
    """Every window of ``length`` consecutive dates inside [start − (length−1), end] has ≤ max_working working dates.

    Pre-period dates come from the prior roster (rolling) or the history's ``consecutive_days``.
    """
    inst = m.inst
    for p, person in enumerate(inst.staff):
        pre = inst.pre_working_dates(person)
        for ws in range(-(length - 1), inst.days + int(after) - length + 1):
            fixed = 0
            lits = []
            for d in range(ws, ws + length):
                if d < 0:
                    fixed += d in pre
                    continue
                w = m.w[p, d]
                if isinstance(w, int):
                    fixed += w
                else:
                    lits.append(w)
            room = max_working - fixed
            if room < 0:
                m.static_infeasible.append((rule_id, person.id, str(inst.dates[max(ws, 0)])))
                room = 0
            if len(lits) > room:
                m.model.Add(sum(lits) <= room)


def max_consecutive_days(m: RosterModel) -> None:
    """At most ``max_consecutive_days`` working dates in a row (history ``consecutive_days`` prefixes the run).

    Source: RB-03; S8 Art. 7 ("前后连续工作一般不超过6天"); S1 Art. 38.
    """
    n = m.inst.rules.max_consecutive_days
    # a shift crossing midnight on the last date extends the run into the next date (validator counts it)
    _window_constraints(m, n + 1, n, "max_consecutive_days", after=True)


def weekly_rest_day(m: RosterModel) -> None:
    """Every 7 consecutive dates hold ≥ ``min_rest_days_per_week`` rest dates (no working minute).

    Source: WH-03 S1 Art. 38 ("每周至少休息一日").
    """
    r = m.inst.rules.min_rest_days_per_week
    if r > 0:
        _window_constraints(m, 7, 7 - r, "weekly_rest_day")


def coverage(m: RosterModel) -> None:
    """Head-count per 30-minute slot and per skill, with a non-negative under-cover slack.

    Source: 国办发〔2020〕53号 (S25, 7×24 service); contract.  The slack makes a best-effort roster always
    exist; it is penalised by ``under_cover`` and reported as shortfall.  Consecutive slots of a date with
    the same demand and the same set of possible starters share one slack variable (weighted by length).
    Shifts of the prior roster crossing into the period count as fixed cover.
    """
    inst = m.inst
    cover = slot_cover(inst)
    n = inst.days * SLOTS_PER_DAY
    by_slot: list[list[tuple[int, object]]] = [[] for _ in range(n)]
    for (p, d, code), v in m.x.items():
        for g in cover[code]:
            gg = d * SLOTS_PER_DAY + g
            if 0 <= gg < n:
                by_slot[gg].append((p, v))
    fixed = [0] * n
    fixed_skill: dict[str, list[int]] = defaultdict(lambda: [0] * n)
    if inst.prior is not None:
        staff_by_id = {p.id: p for p in inst.scenario.staff}  # also someone inactive now: the night was worked
        t0 = dt.datetime.combine(inst.start, dt.time())
        for asg in inst.prior.assignments:
            s_min = int((asg.start - t0).total_seconds() // 60)
            e_min = int((asg.end - t0).total_seconds() // 60)
            for g in range(max(0, -(-s_min // SLOT_MINUTES)), min(n, e_min // SLOT_MINUTES)):
                fixed[g] += 1
                person = staff_by_id.get(asg.staff)
                for sk in person.skills if person else ():
                    fixed_skill[sk][g] += 1
    skills = {p: set(person.skills) for p, person in enumerate(inst.staff)}
    under_t = m.term("under_cover", "人·半小时")
    over_t = m.term("over_cover", "人·半小时")
    for d, day in enumerate(inst.dates):
        for skill, row in inst.demand[day].items():
            j = 0
            while j < SLOTS_PER_DAY:
                g = d * SLOTS_PER_DAY + j
                fx = fixed[g] if skill is None else fixed_skill[skill][g]
                cells = [v for p, v in by_slot[g] if skill is None or skill in skills[p]]
                sig = (row[j], fx, tuple(v.Index() for v in cells))
                k = j + 1
                while k < SLOTS_PER_DAY:
                    gk = d * SLOTS_PER_DAY + k
                    fxk = fixed[gk] if skill is None else fixed_skill[skill][gk]
                    if (row[k], fxk, tuple(v.Index() for p, v in by_slot[gk] if skill is None or skill in skills[p])) != sig:
                        break
                    k += 1
                length = k - j
                need = row[j] - fx
                if need > 0:
                    u = m.model.NewIntVar(0, need, f"under_{d}_{j}_{skill}")
                    m.model.Add(sum(cells) + u >= need)
                    under_t.add(u, length)
                    m.under.append((d, j, k, skill, u))
                if skill is None and len(cells) > max(need, 0):
                    o = m.model.NewIntVar(0, len(cells), f"over_{d}_{j}")
                    m.model.Add(o >= sum(cells) - max(need, 0))
                    over_t.add(o, length)
                j = k


def _month_parts(inst) -> list[tuple[int, int, list[int]]]:
    parts: dict[tuple[int, int], list[int]] = defaultdict(list)
    for d, day in enumerate(inst.dates):
        parts[day.year, day.month].append(d)
    return [(y, mo, ds) for (y, mo), ds in sorted(parts.items())]


def _days_in_month(y: int, mo: int) -> int:
    nxt = dt.date(y + (mo == 12), mo % 12 + 1, 1)
    return (nxt - dt.date(y, mo, 1)).days


def overtime_parts(m: RosterModel) -> dict:
    """Per person and natural-month part: paid and holiday minute expressions, standard and cap minutes.

    Formula of docs/ARCHITECTURE.md ("Overtime for the cap").  Rounded conservatively: standard minutes
    down, holiday minutes and the measure up, caps down.
    """
    inst = m.inst
    out = {}
    last = inst.period_last  # a rolling chunk's shifts count into the next month while it is inside the period
    for p, person in enumerate(inst.staff):
        hist = inst.history(person)
        # the minutes that fall in each month (the other reading of "paid hours per natural month": a night shift
        # from a month's last day counts its morning in the next month), rounded up, inside the period only
        by_minute: dict[tuple[int, int], tuple[list, list]] = defaultdict(lambda: ([], []))
        crossing: set[tuple[int, int]] = set()  # months holding minutes of shifts that start in another month
        # the chunk's own dates: a rolling chunk planned past its end to see the next chunk's locks
        # (``lookahead_from``) leaves the cap of the months it only looks into to the next chunk
        own_days = [d for d in range(inst.days) if inst.lookahead_from is None or inst.dates[d] < inst.lookahead_from]
        cells = [(inst.dates[d], s, v) for d in own_days for s, v in m.cells(p, d)]
        # rolling horizon: the previous chunk's shifts that run into this chunk's first month count there (as
        # constants); they were planned against that month's cap by the previous chunk (below)
        cells += [(a.date, inst.scenario.shift(a.shift), 1) for a in _prior_into_period(inst, person)]
        for day, s, v in cells:
            for k, mins in inst.day_min[s.code].items():
                on = day + dt.timedelta(days=k)
                if on > last or on < inst.start or not s.span_minutes:
                    continue
                part = -(-s.paid_minutes * mins // s.span_minutes)
                if (on.year, on.month) != (day.year, day.month):
                    crossing.add((on.year, on.month))
                paid_m, hol_m = by_minute[on.year, on.month]
                paid_m.append((part, v))
                if inst.cal.day_type(on) == DayType.HOLIDAY:
                    hol_m.append((part, v))
        # months this chunk only looks into (solver.rolling): settled as spill months — only this chunk's own shifts
        # that run into them count, against the month's part of the period (sweep #12: capped on the few
        # looked-ahead days, 1–7 October had a standard of 0 h and six locked 8-h shifts broke "the cap")
        look_months = {(y, mo): ds for y, mo, ds in _month_parts(inst)
                       if inst.lookahead_from is not None and inst.dates[ds[0]] >= inst.lookahead_from}
        own_months = {(y, mo) for y, mo, _ds in _month_parts(inst)} - set(look_months)
        for y, mo in sorted((crossing - own_months) | set(look_months)):
            out[p, y, mo] = _spill_month(inst, person, y, mo, *by_minute[y, mo])
            out[p, y, mo]["days"] = look_months.get((y, mo), [])  # (the greedy start looks a date's month up)
        for y, mo, ds in _month_parts(inst):
            if (y, mo) in look_months:
                continue
            dim = _days_in_month(y, mo)
            paid, hol = [], []
            for d in ds:
                for s, v in m.cells(p, d):
                    paid.append((s.paid_minutes, v))
                    h = 0
                    for k, mins in inst.day_min[s.code].items():
                        if inst.cal.day_type(inst.dates[d] + dt.timedelta(days=k)) == DayType.HOLIDAY:
                            h += -(-s.paid_minutes * mins // s.span_minutes)
                    if h:
                        hol.append((h, v))
            dates = [inst.dates[d] for d in ds]
            first = dates[0]
            hist_ot = 0
            frac_days = len(ds)
            if ds[0] == 0 and first.day > 1 and hist.overtime_minutes_month > 0:
                hist_ot = hist.overtime_minutes_month
                frac_days = (dates[-1] - first.replace(day=1)).days + 1
            std, cap = _standard_and_cap(inst, person, dates, frac_days, dim)
            alone = cap == 0  # no overtime allowed: settled on its own, never netted (_net_settlement_cap)
            if hist_ot:
                # overtime already worked this month is lawful up to the monthly cap (OT-03; a 综合 quarter/year: its
                # sum): more than the pro-rata share of days 1…end — or any, for someone who may not work overtime
                # now (protected from a later date) — leaves the period no room, but breaks nothing by itself
                cap = max(cap, min(hist_ot, inst.rules.history_overtime_allowance_minutes()))
            # standard system: hours beyond the standard day of each shift starting on a workday (延长工作时间)
            daily = person.standard_day_minutes
            ext = [(s.paid_minutes - int(daily), v) for d in ds if inst.day_type[d] == DayType.WORKDAY
                   for s, v in m.cells(p, d) if s.paid_minutes > daily]
            # without minutes from another month the minute reading is at most the start-date one: no constraint
            paid_m, hol_m = by_minute[y, mo] if (y, mo) in crossing else ([], [])
            # every month's minute reading, for a quarter/year that nets its months (_net_settlement_cap)
            out[p, y, mo] = dict(paid=paid, hol=hol, std=std, cap=cap, hist=hist_ot, days=ds, ext=ext,
                                 paid_m=paid_m, hol_m=hol_m, minutes=by_minute[y, mo], alone=alone)
    return out


def _standard_and_cap(inst, person, dates: list[dt.date], frac_days: int, dim: int) -> tuple[int, int]:
    """Standard minutes of a month part (its ``dates``; rounded down) less 8 h per leave day on a workday (at least
    0, as the validator clamps it), and its
    pro-rata cap over ``frac_days`` of the month's ``dim`` days (rounded down; 0 where overtime is not allowed)."""
    rules = inst.rules
    def standard(days: list[dt.date]) -> int:
        workdays = [d for d in days if inst.cal.day_type(d) == DayType.WORKDAY]
        if rules.standard_hours_method == "average":
            base = int(1984 / 12 * 60 * person.weekly_hours / 40 * len(days) / dim)
        else:
            base = int(len(workdays) * 480 * person.weekly_hours / 40)
        return base - 480 * sum(1 for d in workdays if person.leave_on(d))

    # a joiner's / leaver's standard: the employed days only, never above the whole part's (SPEC §4's) figure
    employed = [d for d in dates if person.employed_on(d)]
    std = max(0, min(standard(dates), standard(employed)))  # a part-timer's leave: not below 0
    cap = int(rules.max_overtime_hours_per_month * 60 * frac_days / dim)
    if (not person.overtime_ok or not employed
            or any(pr.kind in NO_OVERTIME_KINDS for d in dates for pr in person.protected_on(d))):
        cap = 0  # (not employed in the part: settled alone, lends no cap to a quarter/year)
    return std, cap


def _prior_into_period(inst, person) -> list:
    """Assignments of the rolling horizon's previous chunk that start in an earlier month and run into the period."""
    if inst.prior is None:
        return []
    # only when this chunk plans the whole of its first month's part of the period (month chunks): a shorter chunk
    # would hold the spill against its own few days' pro-rata cap, far below the one the validator uses
    month_end = dt.date(inst.start.year, inst.start.month, _days_in_month(inst.start.year, inst.start.month))
    if inst.dates[-1] < min(month_end, inst.period_last):
        return []
    begin = dt.datetime.combine(inst.start, dt.time())
    return [a for a in inst.prior.assignments if a.staff == person.id and a.end > begin
            and (a.date.year, a.date.month) != (inst.start.year, inst.start.month)]


def _spill_month(inst, person, y: int, mo: int, paid_m: list, hol_m: list) -> dict:
    """A month after a rolling chunk, inside the whole period, that only the chunk's last night shifts reach:
    its part of the period (1st … ``period_last``) with that part's standard and pro-rata cap, as the validator
    will measure it — so the chunk cannot push a short month (New Year's Day as the last 3 days of a period:
    standard 0, cap 3.5 h) over its cap before the next chunk starts."""
    first = dt.date(y, mo, 1)
    dim = _days_in_month(y, mo)
    end = min(inst.period_last, first + dt.timedelta(days=dim - 1))
    dates = [first + dt.timedelta(days=i) for i in range((end - first).days + 1)]
    std, cap = _standard_and_cap(inst, person, dates, len(dates), dim)
    # the locked shifts of that month (later chunks must keep them) use its cap before this chunk's spill does
    # (sweep #12: October's locks filled its 36 h, and a 30 Sep night then made October infeasible); if the locks
    # alone break the cap, the next chunk says so — here they only leave no room
    lp, lh = _locked_minutes(inst, person, y, mo)
    if lp:
        paid_m, hol_m = paid_m + [(lp, 1)], hol_m + ([(lh, 1)] if lh else [])
        cap = max(cap, max(0, lp - lh - std) + lh)
    # a settlement key of its own: the month's own hours are planned by the next chunk, so its cap is not
    # shared with this chunk's months even under quarter/year settlement (stricter, never looser)
    # (standard system: its holiday minutes count toward the 36 h as extended hours do, 劳动法 第41条)
    return dict(paid=[], hol=[], std=std, cap=cap, hist=0, days=[], ext=list(hol_m), paid_m=paid_m, hol_m=hol_m, spill=True)


def _locked_minutes(inst, person, y: int, mo: int) -> tuple[int, int]:
    """(paid, holiday) minutes that ``person``'s later locks (:attr:`solver.model.Instance.later_locks`) put into month
    (y, mo) inside the period, by the minutes that fall in it (rounded up, as the spill is)."""
    paid = hol = 0
    shifts = {s.code: s for s in inst.shifts}
    for lk in inst.later_locks:
        s = shifts.get(lk.shift) if lk.staff == person.id and lk.shift != OFF else None
        if s is None or not s.span_minutes:
            continue
        for k, mins in inst.day_min[s.code].items():
            on = lk.date + dt.timedelta(days=k)
            if (on.year, on.month) != (y, mo) or on > inst.period_last:
                continue
            part = -(-s.paid_minutes * mins // s.span_minutes)
            paid += part
            if inst.cal.day_type(on) == DayType.HOLIDAY:
                hol += part
    return paid, hol


def _settlement_key(rules, y: int, mo: int):
    from roster.model import SettlementPeriod, WorkingTimeSystem

    if rules.working_time_system == WorkingTimeSystem.COMPREHENSIVE:
        if rules.settlement_period == SettlementPeriod.QUARTER:
            return (y, (mo - 1) // 3)
        if rules.settlement_period == SettlementPeriod.YEAR:
            return (y,)
    return (y, mo)


def _month_measure(m: RosterModel, paid_parts: list, hol_parts: list, std: int, name: str):
    """The cap measure of one month part (docs/ARCHITECTURE.md): (measure, excess variable, paid upper bound)."""
    paid = sum(c * v for c, v in paid_parts) if paid_parts else 0
    hol = sum(c * v for c, v in hol_parts) if hol_parts else 0
    ub = sum(c for c, _ in paid_parts)
    ex = m.model.NewIntVar(0, max(0, ub), name)
    # each overtime hour once, whatever holiday_hours_in_period_total says (that switch only moves pay between
    # 150 % and 300 %): max(paid − std, hol) = max(0, paid − hol − std) + hol ≥ SPEC §4's paid − std
    m.model.Add(ex >= paid - hol - std)
    return ex + hol, ex, ub


def overtime_cap(m: RosterModel) -> None:
    """Monthly (or settlement-period) overtime ≤ 36 h pro rata; 0 where overtime is not allowed.

    Source: OT-03 S1 Art. 41 ("每月不得超过三十六小时"); CH-07 S12 item 5 (综合: average over the period);
    PG-01 S5 Art. 6 / PG-02 S5 Art. 9 (no extended hours for pregnant ≥ 7 months / nursing).
    Creates the ``overtime_150`` / ``overtime_300`` objective terms (half-hour units) as well.
    """
    inst = m.inst
    rules = inst.rules
    t150 = m.term("overtime_150", "半小时")
    t300 = m.term("overtime_300", "半小时")
    parts = overtime_parts(m)
    groups: dict[tuple, list] = defaultdict(list)
    for (p, y, mo), info in parts.items():
        measured, ex, ub = _month_measure(m, info["paid"], info["hol"], info["std"], f"ot_{p}_{y}_{mo}")
        half = m.model.NewIntVar(0, max(0, ub) // 30 + 1, f"ot150h_{p}_{y}_{mo}")
        m.model.Add(30 * half >= ex)
        t150.add(half, 1)
        for c, v in info["hol"]:
            t300.add(v, -(-c // 30))
        # the same measure over the minutes that fall in the month (info["paid_m"] / info["hol_m"])
        key = ((p, "spill", y, mo) if info.get("spill") else (p, "alone", y, mo) if info.get("alone")
               else (p, *_settlement_key(rules, y, mo)))
        if not info["paid_m"]:
            info["measured_m"] = None
            groups[key].append((measured, info))
            continue
        measured_m, _ex_m, ub_m = _month_measure(m, info["paid_m"], info["hol_m"], info["std"], f"otm_{p}_{y}_{mo}")
        # the month's measure is the larger reading (the validator sums the per-month maxima)
        larger = m.model.NewIntVar(0, max(0, ub, ub_m), f"otx_{p}_{y}_{mo}")
        m.model.Add(larger >= measured)
        m.model.Add(larger >= measured_m)
        info["measured_m"] = larger
        groups[key].append((measured, info))
    if not inst.enabled("overtime_cap"):
        return
    for key, items in groups.items():
        cap = sum(info["cap"] for _, info in items)
        hist = sum(info["hist"] for _, info in items)
        if len(items) > 1:
            _net_settlement_cap(m, [info for _, info in items], hist, cap)
        else:
            # per month the larger of the start-date and the minute readings (the same variable when they cannot
            # differ)
            total = sum(info["measured_m"] if info["measured_m"] is not None else meas for meas, info in items)
            m.model.Add(total + hist <= cap)
        if hist > cap:
            m.static_infeasible.append(("overtime_cap", inst.staff[key[0]].id, hist, cap))
        if rules.working_time_system == WorkingTimeSystem.STANDARD:
            # OT-03 S1 Art. 41 under the standard system: the extended daily hours plus the statutory-holiday
            # hours count toward the 36 h even when the month's total stays below its standard
            extended = [(c, v) for _, info in items for c, v in info["ext"] + info["hol"]]
            if extended:
                m.model.Add(sum(c * v for c, v in extended) + hist <= cap)


def _net_settlement_cap(m: RosterModel, infos: list[dict], hist: int, cap: int) -> None:
    """A 综合 quarter/year settles its months together (CH-07 S12 item 5, "平均每月不得超过36小时"): an hour under
    the standard in one month offsets one over it in another.  max(0, Σ(paid − hol − std)) + Σ hol + hist ≤ cap for
    both readings (by start date, by the minutes falling in each month), written without the max:
    Σ paid − Σ std + hist ≤ cap and Σ hol + hist ≤ cap."""
    std = sum(info["std"] for info in infos)
    by_start = ([cv for info in infos for cv in info["paid"]], [cv for info in infos for cv in info["hol"]])
    by_minutes = ([cv for info in infos for cv in info["minutes"][0]], [cv for info in infos for cv in info["minutes"][1]])
    for paid, hol in (by_start, by_minutes):
        m.model.Add(sum(c * v for c, v in paid) - std + hist <= cap)
        if hol:
            m.model.Add(sum(c * v for c, v in hol) + hist <= cap)


def symmetry_breaking(m: RosterModel) -> None:
    """Not a labour rule: among interchangeable staff, order schedules by paid minutes (non-increasing).

    Valid because swapping the whole schedules of two identical people changes no constraint and no
    objective term; it removes the n! equivalent permutations the search would otherwise explore.
    """
    for cls in symmetry_classes(m):
        totals = []
        for p in cls:
            totals.append(sum(s.paid_minutes * v for d in range(m.inst.days) for s, v in m.cells(p, d)))
        for a, b in zip(totals, totals[1:], strict=False):
            m.model.Add(a >= b)


#: order matters: cell rules first (they only remove cells), then the variables are created
CELL_RULES = (approved_leave, unavailable_slots, employment_dates, shift_skills, night_work_ban)
PAIR_RULES = (max_daily_hours, min_rest_between_shifts)
CONSTRAINT_RULES = (one_shift_per_day, max_consecutive_days, weekly_rest_day, coverage, overtime_cap, symmetry_breaking)

ALWAYS_ON = {"coverage", "overtime_cap", "symmetry_breaking"}  # coverage is soft anyway; overtime_cap checks `disabled` itself


def apply_rules(m: RosterModel) -> None:
    inst = m.inst
    for rule in CELL_RULES + PAIR_RULES:
        if inst.enabled(rule.__name__):
            rule(m)
    m.create_variables()
    for rule in PAIR_RULES + CONSTRAINT_RULES:
        if rule.__name__ in ALWAYS_ON or inst.enabled(rule.__name__):
            rule(m)


RULE_SOURCES = {
    "coverage": "国办发〔2020〕53号 (S25) 7×24；合同",
    "one_shift_per_day": "排班规则：班次归属其开始日期",
    "approved_leave": "S5 第7条 (PG-03)；S6 第2条",
    "unavailable_slots": "排班规则：员工登记的不可排班时段",
    "employment_dates": "劳动合同法 (S2)",
    "shift_skills": "合同岗位要求",
    "night_work_ban": "PG-01 S5 第6条；PG-02 S5 第9条；PG-07 政策",
    "min_rest_between_shifts": "RB-01/RB-02（政策；S24 第3条参考）",
    "weekly_rest_day": "WH-03 劳动法第38条",
    "max_consecutive_days": "RB-03；S8 第7条；劳动法第38条",
    "max_daily_hours": "OT-02 劳动法第41条；CH-06 S12 第5项；PG-01/02 S5 第6条、第9条",
    "overtime_cap": "OT-03 劳动法第41条；CH-07 S12 第5项；PG-01/02",
}
RULE_SOURCES_EN = {
    "coverage": "State Council General Office Guo Ban Fa [2020] No. 53 (S25) 7×24; contract",
    "one_shift_per_day": "rostering rule: a shift belongs to the date it starts",
    "approved_leave": "S5 Art. 7 (PG-03); S6 Art. 2",
    "unavailable_slots": "rostering rule: times the employee registered as unavailable",
    "employment_dates": "Labour Contract Law (S2)",
    "shift_skills": "job requirements of the contract",
    "night_work_ban": "PG-01 S5 Art. 6; PG-02 S5 Art. 9; PG-07 policy",
    "min_rest_between_shifts": "RB-01/RB-02 (policy; S24 Art. 3 as reference)",
    "weekly_rest_day": "WH-03 Labour Law Art. 38",
    "max_consecutive_days": "RB-03; S8 Art. 7; Labour Law Art. 38",
    "max_daily_hours": "OT-02 Labour Law Art. 41; CH-06 S12 item 5; PG-01/02 S5 Arts. 6, 9",
    "overtime_cap": "OT-03 Labour Law Art. 41; CH-07 S12 item 5; PG-01/02",
}
RULE_NAMES_EN = {  # as roster.validator's rule table names them in English (`roster check --lang en`)
    "coverage": "Coverage (head-count and skills)", "one_shift_per_day": "At most one shift per date",
    "approved_leave": "No work on approved leave", "unavailable_slots": "Unavailable times",
    "employment_dates": "Employment dates", "shift_skills": "Shift skills", "night_work_ban": "Night-work ban",
    "min_rest_between_shifts": "Minimum rest between shifts", "weekly_rest_day": "Weekly rest day",
    "max_consecutive_days": "Maximum consecutive working days", "max_daily_hours": "Maximum daily hours",
    "overtime_cap": "Overtime cap",
}
#: the cause-specific sources of :func:`approved_leave`, :func:`night_work_ban`, :func:`max_daily_hours` in English
#: (several causes are joined with "；")
SOURCE_EN = dict([*_LEAVE_SOURCE.values(), _APPROVED_LEAVE, *_NIGHT_BAN_SOURCE.values(), _NIGHT_OK, _STANDARD_CAP,
                  _COMPREHENSIVE_CAP, _PROTECTED_DAY])
#: the rules' names in messages (the validator keeps its own table: the two sides share no code)
RULE_NAMES_ZH = {
    "coverage": "人手覆盖", "one_shift_per_day": "每天一个班次", "approved_leave": "请假期间不排班",
    "unavailable_slots": "不可排班时段", "employment_dates": "在职期间", "shift_skills": "班次技能要求", "night_work_ban": "禁止夜班",
    "min_rest_between_shifts": "班间最短休息", "weekly_rest_day": "每周休息日", "max_consecutive_days": "连续工作天数",
    "max_daily_hours": "每日工时上限", "overtime_cap": "加班上限",
}
_ = ProtectedKind  # re-exported for rule docs
