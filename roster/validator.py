"""Independent labour-law validator: one function per rule id of docs/ARCHITECTURE.md.

This is the second implementation of the rules (the first is the CP-SAT model in ``solver/``); it
never imports the solver, and the solver never imports it.  Each rule reads the roster literally per
"Shared semantics" in docs/ARCHITECTURE.md and returns one :class:`~roster.model.Violation` per
offending instance (a shift, a pair of shifts, a run, a window, a month, or a contiguous run of
short coverage slots), with a Chinese message and the legal source.

Public API: :data:`RULES`, :func:`check`, :func:`violation_to_dict`, :func:`format_violation`,
:func:`cell_violations`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from .calendar import WorkCalendar, month_bounds
from .demand import SLOT_MINUTES, SLOTS_PER_DAY, demand_for_date
from .model import (
    LEAVE_LABELS_ZH,
    NO_OVERTIME_KINDS,
    LeaveKind,
    ProtectedKind,
    Roster,
    Scenario,
    SettlementPeriod,
    Shift,
    Staff,
    Violation,
    WorkingTimeSystem,
    fmt_hhmm,
)
from .timeline import (
    DAY,
    StaffTimeline,
    Work,
    history_working_dates,
    midnight,
    night_minutes_by_date,
    pre_period_working,
    staff_timelines,
)

EPS = 1e-6
AVERAGE_MONTH_HOURS = 1984 / 12  # 165.33 h, 人社部发〔2025〕2号 (MD-01)

PROTECTED_LABELS_ZH = {
    ProtectedKind.PREGNANT_7M: "怀孕7个月以上",
    ProtectedKind.NURSING: "哺乳期",
    ProtectedKind.MINOR: "未成年工",
}


# --------------------------------------------------------------------------------------------------
# context shared by the rules


@dataclass
class CheckContext:
    """Everything a rule needs, computed once per :func:`check` call."""

    scenario: Scenario
    roster: Roster
    cal: WorkCalendar
    shifts: dict[str, Shift] = field(default_factory=dict)
    staff: dict[str, Staff] = field(default_factory=dict)
    timelines: dict[str, StaffTimeline] = field(default_factory=dict)

    @classmethod
    def build(cls, scenario: Scenario, roster: Roster, cal: WorkCalendar | None = None) -> CheckContext:
        return cls(
            scenario=scenario,
            roster=roster,
            cal=cal or WorkCalendar.of(scenario),
            shifts=scenario.shift_map(),
            staff={p.id: p for p in scenario.staff},
            timelines=staff_timelines(scenario, roster.assignments),
        )

    @property
    def rules(self):
        return self.scenario.rules

    def known_timelines(self) -> list[tuple[Staff, StaffTimeline]]:
        """(person, timeline) for staff of the scenario that have work, in scenario order."""
        return [(p, self.timelines[p.id]) for p in self.scenario.staff if p.id in self.timelines]

    def working_dates(self, person: Staff) -> set[dt.date]:
        tl = self.timelines.get(person.id)
        dates = tl.working_dates() if tl else set()
        return dates | history_working_dates(self.scenario.history_of(person.id), self.roster.start)


# --------------------------------------------------------------------------------------------------
# message helpers


def _md(d: dt.date) -> str:
    return f"{d.month}月{d.day}日"


def _dt_zh(t: dt.datetime) -> str:
    return f"{t.month}月{t.day}日 {t:%H:%M}"


def _who(p: Staff | None, sid: str) -> str:
    return f"{p.name}（{sid}）" if p is not None and p.name and p.name != sid else sid


def _h(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".") if abs(x - round(x, 1)) < 1e-9 else f"{x:.2f}"


def _shift_desc(w: Work) -> str:
    s, e = w.start, w.end
    if e.date() == s.date():
        tail = f"{e:%H:%M}"
    elif e == midnight(s.date() + DAY):
        tail = "24:00"
    else:
        tail = _dt_zh(e)
    return f"{w.assignment.shift} 班（{_dt_zh(s)}–{tail}）"


def _range_zh(a: dt.date, b: dt.date) -> str:
    return _md(a) if a == b else f"{_md(a)}–{_md(b)}"


# --------------------------------------------------------------------------------------------------
# the rules (one function each; the docstring's first line after the title is the legal source)


def coverage(ctx: CheckContext) -> list[Violation]:
    """每 30 分钟时段的在岗人数与技能需求。

    Source: 国办发〔2020〕53号 (S25) 12345 热线 7×24 小时人工服务; 服务合同。
    Per 30-minute slot of every period date, a person counts when the shift span covers the whole
    slot; per-skill demand counts people holding that skill.  One violation per contiguous run of
    short slots per date and skill: measured / limit = people on duty / demand in the run's most short slot
    (the message lists every sub-window).
    """
    src = RULES["coverage"].source
    # works touching each date, so each slot looks at a handful of shifts only
    by_day: dict[dt.date, list[tuple[str, Work]]] = {}
    # the previous period's nights running into the first date cover it too (SPEC §2.11)
    carried = staff_timelines(ctx.scenario, ctx.roster.carried_in) if ctx.roster.carried_in else {}
    for timelines in (ctx.timelines, carried):
        for sid, tl in timelines.items():
            for w in tl.works:
                for d in w.by_date:
                    by_day.setdefault(d, []).append((sid, w))
    out: list[Violation] = []
    for day in ctx.roster.dates():
        need = demand_for_date(ctx.scenario, day, ctx.cal)
        if not any(any(row) for row in need.values()):
            continue
        base = midnight(day)
        slots = [(base + dt.timedelta(minutes=k * SLOT_MINUTES), base + dt.timedelta(minutes=(k + 1) * SLOT_MINUTES))
                 for k in range(SLOTS_PER_DAY)]
        todays = by_day.get(day, [])
        # people per slot, each counted once even if two of their shifts overlap the slot
        present = [{sid for sid, w in todays if w.start <= s0 and w.end >= s1} for s0, s1 in slots]
        have: dict[str | None, list[int]] = {}
        for skill in need:
            if skill is None:
                have[skill] = [len(x) for x in present]
            else:
                have[skill] = [sum(1 for sid in x if sid in ctx.staff and skill in ctx.staff[sid].skills)
                               for x in present]
        for skill in sorted(need, key=lambda k: (k is not None, k or "")):
            req, got = need[skill], have[skill]
            k = 0
            while k < SLOTS_PER_DAY:
                if got[k] >= req[k]:
                    k += 1
                    continue
                j = k
                while j < SLOTS_PER_DAY and got[j] < req[j]:
                    j += 1
                worst = max(range(k, j), key=lambda i: (req[i] - got[i], -i))
                what = f"{skill} 技能" if skill else ""
                msg = (f"{_md(day)} {fmt_hhmm(k * SLOT_MINUTES)}–{fmt_hhmm(j * SLOT_MINUTES)} {what}人手不足："
                       + _shortfall_parts(got, req, k, j))
                out.append(Violation("coverage", None, slots[k][0], slots[j - 1][1], float(got[worst]),
                                     float(req[worst]), src, msg))
                k = j
    return out


def _shortfall_parts(got: list[int], req: list[int], k: int, j: int) -> str:
    """The slots k…j−1 of a short run as sub-windows of equal head-count and demand: "在岗 3 人，需 5 人，缺 2 人",
    or "08:00–09:00 在岗 2 人、需 3 人；09:00–16:00 在岗 4 人、需 5 人（最多缺 1 人）"."""
    parts = []
    i = k
    while i < j:
        e = i
        while e < j and (got[e], req[e]) == (got[i], req[i]):
            e += 1
        parts.append((i, e, got[i], req[i]))
        i = e
    if len(parts) == 1:
        _a, _b, g, r = parts[0]
        return f"在岗 {g} 人，需 {r} 人，缺 {r - g} 人"
    short = max(r - g for _a, _b, g, r in parts)
    text = "；".join(f"{fmt_hhmm(a * SLOT_MINUTES)}–{fmt_hhmm(b * SLOT_MINUTES)} 在岗 {g} 人、需 {r} 人"
                    for a, b, g, r in parts)
    return f"{text}（最多缺 {short} 人）"


def one_shift_per_day(ctx: CheckContext) -> list[Violation]:
    """每人每天最多开始一个班次。

    Source: SPEC §4 (a shift belongs to the date it starts; one cell per person and date).
    """
    src = RULES["one_shift_per_day"].source
    out = []
    for sid, tl in sorted(ctx.timelines.items()):
        per: dict[dt.date, list[Work]] = {}
        for w in tl.works:
            per.setdefault(w.date, []).append(w)
        for day, ws in sorted(per.items()):
            if len(ws) > 1:
                codes = "、".join(w.assignment.shift for w in ws)
                msg = f"{_who(ctx.staff.get(sid), sid)} {_md(day)} 开始了 {len(ws)} 个班次（{codes}），每天最多 1 个"
                out.append(Violation("one_shift_per_day", sid, day, day, float(len(ws)), 1.0, src, msg))
    return out


def approved_leave(ctx: CheckContext) -> list[Violation]:
    """已批准的假期内不得排班。

    Source: (per leave kind, :data:`_LEAVE_SOURCES`) 职工带薪年休假条例 第2条 (S6, 年休假); 女职工劳动保护特别规定 第7条
    (S5, PG-03 产假); 劳动法 第44条 (S1, PAY-02 补休/调休); other kinds: the employer's leave approval.
    No shift starts on a leave date and no working minute falls on one; one violation per shift.
    """
    out = []
    for p, tl in ctx.known_timelines():
        if not p.leave:
            continue
        for w in tl.works:
            on_leave = {d: m for d, m in w.by_date.items() if p.leave_on(d)}
            starts_on_leave = p.leave_on(w.date) is not None
            if not on_leave and not starts_on_leave:
                continue
            minutes = sum(on_leave.values())
            days = sorted(set(on_leave) | ({w.date} if starts_on_leave else set()))
            kinds = "、".join(sorted({_leave_label(p, d) for d in days}))
            msg = (f"{_who(p, p.id)} {'、'.join(_md(d) for d in days)} 已批准{kinds}，"
                   f"却排了 {_shift_desc(w)}，假期内工作 {minutes} 分钟")
            # the source of the kinds actually broken (GUI review #13: a man's annual leave cited the maternity rule)
            src = "；".join(dict.fromkeys(_LEAVE_SOURCES.get(lv.kind, _LEAVE_SOURCE_OTHER)
                                          for d in days if (lv := p.leave_on(d)) is not None)) or _LEAVE_SOURCE_OTHER
            out.append(Violation("approved_leave", p.id, w.start, w.end, float(minutes), 0.0, src, msg))
    return out


def unavailable_slots(ctx: CheckContext) -> list[Violation]:
    """员工登记的不可排班时段内不得工作。

    Source: SPEC §2.2 (availability is kept like approved leave: hard).  A window runs from its start time on
    each applicable date to its end time (the next day when the end is not after the start); one violation per
    shift with a working minute inside a window (the whole shift span counts: a break's place is not recorded).
    """
    src = RULES["unavailable_slots"].source
    out = []
    for p, tl in ctx.known_timelines():
        if not p.unavailable:
            continue
        for w in tl.works:
            inside = 0
            hit: list[str] = []
            day = w.start.date() - DAY
            while day <= w.end.date():
                for u in p.unavailable:
                    if not u.applies_on(day):
                        continue
                    a = midnight(day) + dt.timedelta(minutes=u.start)
                    b = midnight(day + (DAY if u.end <= u.start else dt.timedelta())) + dt.timedelta(minutes=u.end)
                    overlap = (min(b, w.end) - max(a, w.start)).total_seconds() / 60
                    if overlap > 0:
                        inside += round(overlap)
                        nxt = "次日" if u.end <= u.start and u.end > 0 else ""
                        hit.append(f"{_md(day)} {fmt_hhmm(u.start)}–{nxt}{fmt_hhmm(u.end)}")
                day += DAY
            if inside:
                msg = (f"{_who(p, p.id)} 登记了不可排班时段（{'、'.join(hit)}），却排了 {_shift_desc(w)}，"
                       f"其中 {inside} 分钟在该时段内")
                out.append(Violation("unavailable_slots", p.id, w.start, w.end, float(inside), 0.0, src, msg))
    return out


_LEAVE_SOURCE_OTHER = "已批准的请假（用人单位的请假审批，排班规则）"
_LEAVE_SOURCES = {
    LeaveKind.ANNUAL: "《职工带薪年休假条例》第2条（年休假）",
    LeaveKind.MATERNITY: "《女职工劳动保护特别规定》第7条（产假，PG-03）",
    LeaveKind.COMP: "《劳动法》第44条（休息日加班安排补休，即调休，PAY-02）",
}


def leave_sources() -> frozenset[str]:
    """Every source an approved_leave violation may cite (joined with "；" when its dates hold several kinds)."""
    return frozenset(_LEAVE_SOURCES.values()) | {_LEAVE_SOURCE_OTHER}


def _leave_label(p: Staff, d: dt.date) -> str:
    lv = p.leave_on(d)
    return LEAVE_LABELS_ZH.get(lv.kind, str(lv.kind)) if lv else "假"


def employment_dates(ctx: CheckContext) -> list[Violation]:
    """入职前、离职后不得排班；排班中的人员须在名单内。

    Source: 劳动合同法 第7条、第10条 (S2: the employment relation starts with the work and ends with
    the contract).  One violation per shift with a working minute outside hire_date..leave_date.
    """
    src = RULES["employment_dates"].source
    out = []
    for sid, tl in sorted(ctx.timelines.items()):
        p = ctx.staff.get(sid)
        for w in tl.works:
            if p is None:
                msg = f"{sid} 不在人员名单中，却排了 {_shift_desc(w)}"
                out.append(Violation("employment_dates", sid, w.start, w.end, float(w.span), 0.0, src, msg))
                continue
            outside = {d: m for d, m in w.by_date.items() if not p.employed_on(d)}
            if not outside and p.employed_on(w.date):
                continue
            minutes = sum(outside.values())
            span = []
            if p.hire_date:
                span.append(f"入职 {p.hire_date.isoformat()}")
            if p.leave_date:
                span.append(f"离职 {p.leave_date.isoformat()}")
            msg = f"{_who(p, sid)}的 {_shift_desc(w)} 有 {minutes} 分钟不在在职期间（{'，'.join(span)}）"
            out.append(Violation("employment_dates", sid, w.start, w.end, float(minutes), 0.0, src, msg))
    return out


def shift_skills(ctx: CheckContext) -> list[Violation]:
    """班次要求的技能（任一）。

    Source: 服务合同岗位要求 (contract post requirements): a template with ``skills_any`` may only be
    worked by someone holding one of those skills.  One violation per shift.
    """
    src = RULES["shift_skills"].source
    out = []
    for p, tl in ctx.known_timelines():
        for w in tl.works:
            need = w.shift.skills_any if w.shift is not None else None
            if not need or set(need) & set(p.skills):
                continue
            msg = f"{_who(p, p.id)} 不具备 {_shift_desc(w)} 所需技能（{'/'.join(need)} 任一）"
            out.append(Violation("shift_skills", p.id, w.start, w.end, 0.0, 1.0, src, msg))
    return out


def night_work_ban(ctx: CheckContext) -> list[Violation]:
    """受保护人员及不可上夜班者不得在夜间时段工作。

    Source: 女职工劳动保护特别规定 第6条 (PG-01 怀孕7个月以上不得安排夜班劳动), 第9条 (PG-02 哺乳期);
    未成年工 (PG-07, policy).  A night minute lying on a date inside a protected period (or on any
    date when ``night_ok`` is false) breaks the rule; one violation per shift.
    """
    src = RULES["night_work_ban"].source
    window = ctx.rules.night_window
    out = []
    for p, tl in ctx.known_timelines():
        if p.night_ok and not p.protected:
            continue
        for w in tl.works:
            bad: dict[dt.date, int] = {}
            reasons: set[str] = set()
            for d, m in night_minutes_by_date(w.start, w.end, window).items():
                prot = p.protected_on(d)
                if not p.night_ok or prot:
                    bad[d] = m
                    reasons |= {PROTECTED_LABELS_ZH.get(q.kind, str(q.kind)) + "保护期" for q in prot}
                    if not p.night_ok:
                        reasons.add("不安排夜班")
            if not bad:
                continue
            minutes = sum(bad.values())
            msg = (f"{_who(p, p.id)}（{'、'.join(sorted(reasons))}）的 {_shift_desc(w)} 在夜间时段 "
                   f"{fmt_hhmm(window[0])}–{fmt_hhmm(window[1])} 工作 {minutes} 分钟（应为 0）")
            out.append(Violation("night_work_ban", p.id, w.start, w.end, float(minutes), 0.0,
                                 _night_ban_source(p, bad) or src, msg))
    return out


_NIGHT_BAN_SOURCES = {
    "pregnant_7m": "《女职工劳动保护特别规定》第6条（PG-01：怀孕7个月以上不得安排夜班劳动）",
    "nursing": "《女职工劳动保护特别规定》第9条（PG-02：哺乳期不得安排夜班劳动）",
    "minor": "未成年工夜班禁排（PG-07，政策）",
}
_NIGHT_OK_SOURCE = "员工设置：不安排夜班"


def daily_hours_sources() -> tuple[str, str, str]:
    """The sources a max_daily_hours violation cites: (standard system's cap, 综合's cap, protected staff)."""
    std, comp, prot = RULES["max_daily_hours"].source.split("；")
    return std, comp, prot


def overtime_cap_sources() -> tuple[str, str, str]:
    """The sources an overtime_cap violation may cite: (the monthly cap, 综合's period average, protected staff)."""
    general, comp, prot = RULES["overtime_cap"].source.split("；")
    return general, comp, prot


def night_ban_sources() -> frozenset[str]:
    """Every source a night_work_ban violation may cite (joined with "；" when several reasons apply)."""
    return frozenset(_NIGHT_BAN_SOURCES.values()) | {_NIGHT_OK_SOURCE}


def _night_ban_source(p: Staff, bad: dict[dt.date, int]) -> str:
    """The legal source of the reasons that apply to this breach (not the rule's whole source list)."""
    parts = []
    for kind in ("pregnant_7m", "nursing", "minor"):
        if any(str(q.kind) == kind for d in bad for q in p.protected_on(d)):
            parts.append(_NIGHT_BAN_SOURCES[kind])
    if not p.night_ok:
        parts.append(_NIGHT_OK_SOURCE)
    return "；".join(parts)


def min_rest_between_shifts(ctx: CheckContext) -> list[Violation]:
    """两班之间的休息时间不少于 min_rest_hours。

    Source: RB-01/RB-02 (no PRC statute; product policy), EU 2003/88/EC Art. 3 (S24) reference.
    Consecutive shifts of a person in start order, the first one after history ``last_shift_end``;
    one violation per offending pair (start = end of the earlier shift, end = start of the later).
    """
    src = RULES["min_rest_between_shifts"].source
    limit = float(ctx.rules.min_rest_hours)
    out = []
    for p in ctx.scenario.staff:
        tl = ctx.timelines.get(p.id)
        if tl is None:
            continue
        prev_end = ctx.scenario.history_of(p.id).last_shift_end
        prev_desc = "上一排班期最后一班"
        for w in tl.works:
            if prev_end is not None:
                gap = (w.start - prev_end).total_seconds() / 3600
                if gap < limit - EPS:
                    msg = (f"{_who(p, p.id)} {prev_desc} {_dt_zh(prev_end)} 下班，{_shift_desc(w)} 上班，"
                           f"间隔仅 {_h(gap)} 小时（至少 {_h(limit)} 小时）")
                    # overlapping shifts (negative gap): keep start ≤ end for the UI
                    lo, hi = min(prev_end, w.start), max(prev_end, w.start)
                    out.append(Violation("min_rest_between_shifts", p.id, lo, hi, round(gap, 4), limit, src, msg))
            prev_end, prev_desc = w.end, f"{w.assignment.shift} 班"
    return out


def weekly_rest_day(ctx: CheckContext) -> list[Violation]:
    """每连续 7 天至少 N 个休息日（无任何工作分钟的日历日）。

    Source: 劳动法 第38条 (S1, WH-03) "用人单位应当保证劳动者每周至少休息一日".
    Every window of 7 consecutive dates inside [period start − 6, period end]; before the period the
    last ``history.consecutive_days`` dates are working and the others rest.  One violation per window.
    """
    src = RULES["weekly_rest_day"].source
    need = ctx.rules.min_rest_days_per_week
    if need <= 0:
        return []
    first, last = ctx.roster.start, ctx.roster.end
    out = []
    for p in ctx.scenario.staff:
        hist = ctx.scenario.history_of(p.id)
        work = ctx.working_dates(p)
        if not work and hist.consecutive_days == 0:
            continue

        def is_work(d: dt.date, work=work, hist=hist) -> bool:
            return pre_period_working(hist, first, d) if d < first else d in work

        d0 = first - dt.timedelta(days=6)
        while d0 + dt.timedelta(days=6) <= last:
            window = [d0 + dt.timedelta(days=i) for i in range(7)]
            rest = sum(1 for d in window if not is_work(d))
            if rest < need:
                msg = (f"{_who(p, p.id)} {_range_zh(window[0], window[-1])} 连续 7 天内只有 {rest} 个休息日"
                       f"（至少 {need} 个）")
                out.append(Violation("weekly_rest_day", p.id, window[0], window[-1], float(rest), float(need), src, msg))
            d0 += DAY
    return out


def max_consecutive_days(ctx: CheckContext) -> list[Violation]:
    """连续工作日数不超过 max_consecutive_days。

    Source: RB-03; 全国年节及纪念日放假办法 第7条 (S8) "前后连续工作一般不超过6天"; 劳动法 第38条 (S1).
    Runs of consecutive working dates (any date holding a working minute, including one after the
    period end reached by a night shift); history ``consecutive_days`` prefixes a run that starts on
    the period start.  One violation per run.
    """
    src = RULES["max_consecutive_days"].source
    limit = ctx.rules.max_consecutive_days
    first = ctx.roster.start
    out = []
    for p in ctx.scenario.staff:
        work = sorted(ctx.working_dates(p))
        if not work:
            continue
        prefix = ctx.scenario.history_of(p.id).consecutive_days
        runs: list[tuple[dt.date, dt.date]] = []
        for d in work:
            if runs and runs[-1][1] + DAY == d:
                runs[-1] = (runs[-1][0], d)
            else:
                runs.append((d, d))
        for a, b in runs:
            start = a - dt.timedelta(days=prefix) if a == first and prefix > 0 else a
            n = (b - start).days + 1
            if n > limit:
                extra = f"（含上一排班期 {prefix} 天）" if start < a else ""
                msg = f"{_who(p, p.id)} {_range_zh(start, b)} 连续工作 {n} 天{extra}，最多 {limit} 天"
                out.append(Violation("max_consecutive_days", p.id, start, b, float(n), float(limit), src, msg))
    return out


def max_daily_hours(ctx: CheckContext) -> list[Violation]:
    """每班有薪工时及每个日历日的工作时间不超过日上限。

    Source: 劳动法 第41条 (S1, OT-02: 延长工作时间每日不得超过三小时 → 标准工时制 11 h);
    劳部发〔1997〕271号 第5项 (S12, CH-06: 综合工时制按 max_daily_hours).
    女职工劳动保护特别规定 第6条、第9条 (S5, PG-01/PG-02 怀孕7个月以上、哺乳期 "不得延长劳动时间"): a shift
    starting on a date inside such a protected period may not be paid longer than the standard working day
    (8 h × weekly_hours / 40).  Under the standard system the cap is labour-law §0's flat 11 h (8 h + ≤ 3 h) for
    every contract: a part-timer's hours beyond their own standard day count toward the 36-h monthly cap
    (:func:`overtime_cap`), not as a shorter daily cap (sweep #13 F1 — sweep #7 had read OT-02 as "own standard day
    + 3 h", 7.8 h for a 24-h contract, which left 8-h templates to rest days only and cover short).
    One violation per shift whose paid hours exceed the cap, and one per date whose working hours exceed it
    unless a single over-long shift on that date already explains it.  Working hours exclude unpaid breaks
    (labour-law §4: "total shift ≤ 11 h excluding unpaid breaks"); where a shift's break falls is not recorded,
    so a shift crossing midnight counts its paid minutes on each date in proportion to its minutes there.
    """
    # the source of the cause, not the rule's whole list (sweep #14 F6: a man's 12-h shift under the standard
    # system cited the 女职工 rules): the daily cap of the system in force, or the protected-staff rule
    src_std, src_comp, src_prot = daily_hours_sources()
    src = src_std if ctx.rules.working_time_system == WorkingTimeSystem.STANDARD else src_comp
    cap = float(ctx.rules.effective_daily_cap_hours())
    cap_min = cap * 60
    out = []
    for p, tl in ctx.known_timelines():
        flagged: set[int] = set()
        for i, w in enumerate(tl.works):
            own = p.standard_day_cap_minutes(w.date)
            if own is not None and own < cap_min and w.paid > own + EPS:
                flagged.add(i)
                msg = (f"{_who(p, p.id)} {_shift_desc(w)} 有薪工时 {_h(w.paid / 60)} 小时，超过标准工作日 {_h(own / 60)} 小时"
                       f"（孕期/哺乳期不得延长劳动时间）")
                out.append(Violation("max_daily_hours", p.id, w.start, w.end, round(w.paid / 60, 4),
                                     round(own / 60, 4), src_prot, msg))
            elif w.paid > cap_min + EPS:
                flagged.add(i)
                msg = f"{_who(p, p.id)} {_shift_desc(w)} 有薪工时 {_h(w.paid / 60)} 小时，超过日上限 {_h(cap)} 小时"
                out.append(Violation("max_daily_hours", p.id, w.start, w.end, round(w.paid / 60, 4), cap, src, msg))
        paid_on: dict[dt.date, float] = {}
        for w in tl.works:
            for d, mins in w.by_date.items():
                paid_on[d] = paid_on.get(d, 0.0) + mins * w.paid_fraction()
        for d, m in sorted(paid_on.items()):
            if m <= cap_min + EPS:
                continue
            contrib = [i for i, w in enumerate(tl.works) if w.by_date.get(d)]
            if len(contrib) == 1 and contrib[0] in flagged:
                continue
            msg = f"{_who(p, p.id)} {_md(d)} 当日工作 {_h(m / 60)} 小时，超过日上限 {_h(cap)} 小时"
            out.append(Violation("max_daily_hours", p.id, midnight(d), midnight(d + DAY), round(m / 60, 4), cap,
                                 src, msg))
    return out


@dataclass(frozen=True)
class MonthOvertime:
    """Overtime measurement of one person in one natural-month part P of the period (minutes)."""

    first: dt.date  # P inside the period
    last: dt.date
    paid: float
    holiday: float
    standard: float
    history: float
    overtime: float  # including history
    cap: float  # minutes
    extended: float = 0.0  # standard system: Σ hours beyond the standard day of shifts starting on workdays
    # (paid, holiday) minutes falling in P — the other reading (paid/holiday are by start date); the larger is measured
    minutes: tuple[float, float] = (0.0, 0.0)
    # no overtime allowed in P (protected, overtime_ok false, a 0-h cap): settled on its own, never netted with
    # the other months of a quarter/year (an empty October must not buy a nursing mother November overtime)
    alone: bool = False
    # the history's own overtime raised the cap above the pro-rata share (to the history's hours, at most the
    # month's cap — the settlement period's under a 综合 quarter/year)
    raised: bool = False


def month_overtime(ctx: CheckContext, p: Staff) -> list[MonthOvertime]:
    """Per natural-month part P of the period, per docs/ARCHITECTURE.md "Overtime for the cap"."""
    ru = ctx.rules
    cal = ctx.cal
    tl = ctx.timelines.get(p.id)
    works = tl.works if tl else []
    hist = ctx.scenario.history_of(p.id)
    # the month-to-date overtime of the history moves P's start to the 1st (pro rata from there); a history entry
    # without overtime leaves P's own pro-rata share (as the solver: review of sweep #7)
    has_history = p.id in ctx.scenario.history and hist.overtime_minutes_month > 0
    out = []
    d = ctx.roster.start
    while d <= ctx.roster.end:
        m_first, m_last = month_bounds(d.year, d.month)
        first, last = d, min(m_last, ctx.roster.end)
        month_days = (m_last - m_first).days + 1
        in_p = [w for w in works if first <= w.date <= last]
        paid = float(sum(w.paid for w in in_p))
        day_std = p.standard_day_minutes
        extended = float(sum(max(0.0, w.paid - day_std) for w in in_p if cal.is_workday(w.date)))
        hol = sum(w.paid_minutes_on(cal.is_holiday) for w in in_p)
        dates = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
        # the standard of the days the person is employed (sweep #13 F2: a joiner on 18 May with twelve 12-h shifts
        # had 144 h against the whole month's 152 h standard — 0 h of overtime here, 64 h of 150 % on the HR sheet)
        # — never above SPEC §4's whole-month figure (review of session 11: a part-timer's leave booked after their
        # leaving date lowered the whole-month standard but not the employed one)
        employed = [x for x in dates if p.employed_on(x)]

        def standard(days: list[dt.date], month_days: int = month_days) -> float:
            if ru.standard_hours_method == "average":
                base = AVERAGE_MONTH_HOURS * 60 * p.weekly_hours / 40 * len(days) / month_days
            else:
                base = sum(1 for x in days if cal.is_workday(x)) * 8 * 60 * p.weekly_hours / 40
            # SPEC §4: minus 8 h per leave day (any kind) on a working day, whatever leave_counts_as_attended says
            return base - 8 * 60 * sum(1 for x in days if p.leave_on(x) and cal.is_workday(x))

        std = max(0.0, min(standard(dates), standard(employed)))
        # the hours beyond the standard and the statutory-holiday hours, each hour once: max(paid − std, hol) —
        # never below SPEC §4's paid − std, and holiday_hours_in_period_total only moves pay between 150 and 300 %
        ot = max(0.0, paid - hol - std) + hol
        # the other reading of "paid hours per natural month": the minutes that fall in P (a night shift from the
        # last day of a month counts its morning in the next month) — the larger of the two readings is measured
        in_dates = set(dates)
        paid_m = sum(w.paid_fraction() * sum(v for x, v in w.by_date.items() if x in in_dates) for w in works)
        hol_m = sum(w.paid_minutes_on(lambda x, days=in_dates: x in days and cal.is_holiday(x)) for w in works)
        ot = max(ot, max(0.0, paid_m - hol_m - std) + hol_m)
        frac_days = len(dates)
        hist_min = 0.0
        if first == ctx.roster.start and first > m_first and has_history:
            hist_min = float(hist.overtime_minutes_month)
            frac_days = (last - m_first).days + 1
        # (a month the person is not employed on any day: no overtime, settled alone — a quarter must not lend a
        # joiner's first month the caps of the months before the hire, review of session 11)
        no_ot = (not p.overtime_ok or not employed
                 or any(q.kind in NO_OVERTIME_KINDS for x in dates for q in p.protected_on(x)))
        cap = 0.0 if no_ot else ru.max_overtime_hours_per_month * 60 * frac_days / month_days
        alone = cap == 0
        raised = False
        if hist_min:
            # the history's overtime is lawful up to the monthly cap (OT-03 "每月不得超过三十六小时"; 综合 quarter/year:
            # CH-07's sum over the period); above the pro-rata share of days 1…last — or any at all for someone
            # protected later in the month — it leaves the period no room, but is no breach by itself
            lifted = min(hist_min, float(ru.history_overtime_allowance_minutes()))
            raised = lifted > cap + EPS
            cap = max(cap, lifted)
        out.append(MonthOvertime(first, last, paid, hol, std, hist_min, ot + hist_min, cap, extended,
                                 (float(paid_m), float(hol_m)), alone, raised))
        d = last + DAY
    return out


def _settlement_key(ctx: CheckContext, m: MonthOvertime) -> tuple:
    ru = ctx.rules
    if ru.working_time_system == WorkingTimeSystem.COMPREHENSIVE:
        if ru.settlement_period == SettlementPeriod.QUARTER:
            return (m.first.year, (m.first.month - 1) // 3)
        if ru.settlement_period == SettlementPeriod.YEAR:
            return (m.first.year,)
    return (m.first.year, m.first.month)


def overtime_cap(ctx: CheckContext) -> list[Violation]:
    """每月（或综合工时结算周期内月均）加班不超过上限；孕晚期/哺乳期及不可加班者为 0。

    Source: 劳动法 第41条 (S1, OT-03 "每月不得超过三十六小时"); 劳部发〔1997〕271号 第5项 (S12, CH-07
    综合工时 "平均每月不得超过36小时"); 女职工劳动保护特别规定 第6条、第9条 (S5, PG-01/PG-02 不得延长劳动时间).
    Overtime per natural-month part P = max(0, paid − holiday − standard) + holiday (holiday hours
    are always overtime), capped pro rata; a 综合 quarter/year settlement nets its months
    (max(0, Σ(paid − holiday − standard)) + Σ holiday) against the sum of their caps.  One violation per
    month (or settlement period).
    """
    # the source of the cause (sweep #16: a man over a 10-h cap cited the 女职工 rules, as the daily cap did before
    # sweep #14 F6): the monthly cap, 综合's period average when it is in force, the protected-staff rule when a
    # protected period takes the cap to 0
    src_general, src_comp, src_prot = overtime_cap_sources()
    src_system = src_general + ("；" + src_comp if ctx.rules.working_time_system == WorkingTimeSystem.COMPREHENSIVE
                                else "")
    out = []
    for p in ctx.scenario.staff:
        months = month_overtime(ctx, p)
        groups: dict[tuple, list[MonthOvertime]] = {}
        for m in months:
            key = (m.first.year, m.first.month, "alone") if m.alone else _settlement_key(ctx, m)
            groups.setdefault(key, []).append(m)
        for ms in groups.values():
            # each reading over the group: a single month gives its own measure; a 综合 quarter/year (CH-07
            # "平均每月不得超过36小时") nets its months, an hour under the standard in one offsetting one over it in
            # another; holiday hours always count
            by_start = max(0.0, sum(m.paid - m.holiday - m.standard for m in ms)) + sum(m.holiday for m in ms)
            by_min = (max(0.0, sum(m.minutes[0] - m.minutes[1] - m.standard for m in ms))
                      + sum(m.minutes[1] for m in ms))
            read_minutes = by_min > by_start  # the minutes falling in the months are the larger reading
            ot = max(by_start, by_min) + sum(m.history for m in ms)
            cap = sum(m.cap for m in ms)
            ext = 0.0
            if ctx.rules.working_time_system == WorkingTimeSystem.STANDARD:
                ext = sum(m.extended for m in ms)
                # 劳动法 第41条 under the standard system: extended daily hours + statutory-holiday hours count
                # toward the cap even when the month's total stays below its standard
                ot = max(ot, sum(m.extended + m.holiday + m.history for m in ms))
            if ot <= cap + EPS:
                continue
            first, last = ms[0].first, ms[-1].last
            label = (f"{first.year}年{first.month}月" if len(ms) == 1
                     else f"{first.year}年{first.month}月–{last.year}年{last.month}月")
            # the reading that was measured
            paid = sum(m.minutes[0] if read_minutes else m.paid for m in ms) / 60
            std = sum(m.standard for m in ms) / 60
            hol = sum(m.minutes[1] if read_minutes else m.holiday for m in ms) / 60
            hist = sum(m.history for m in ms) / 60
            why = "，不可加班" if cap == 0 else ""
            if hist and any(m.raised for m in ms):
                # the history alone is above the pro-rata share: the cap is the history's own hours (at most the
                # month's or settlement period's cap), so any overtime of this period is over it (sweep #14 F7: the
                # cap read as a pro-rata share of 1–23 Dec)
                why += "，上期已加班超出按日折算的份额，上限取上期已加班的小时数"
            elif hist and first.day > 1:  # with history the pro-rata share is counted from the 1st
                why += f"，含上期，按 {first.month}月1日–{last.month}月{last.day}日 计"
            how = "（按落在当月的分钟计）" if read_minutes else ""
            msg = (f"{_who(p, p.id)} {label}（{_range_zh(first, last)}）加班 {_h(ot / 60)} 小时，"
                   f"超过上限（{_h(cap / 60)} 小时{why}）：排班有薪{how} {_h(paid)} 小时，标准工时 {_h(std)} 小时，"
                   f"法定节假日 {_h(hol)} 小时" + (f"，上期已加班 {_h(hist)} 小时" if hist else "")
                   + (f"，标准工时制下超出标准工作日的延时 {_h(ext / 60)} 小时" if ext else ""))
            protected = any(q.kind in NO_OVERTIME_KINDS for m in ms
                            for k in range((m.last - m.first).days + 1)
                            for q in p.protected_on(m.first + dt.timedelta(days=k)))
            src = src_system + ("；" + src_prot if protected else "")
            out.append(Violation("overtime_cap", p.id, first, last, round(ot / 60, 4), round(cap / 60, 4), src, msg))
    return out


# --------------------------------------------------------------------------------------------------
# registry and API


@dataclass(frozen=True, slots=True)
class RuleInfo:
    id: str
    name_zh: str
    name_en: str
    source: str
    func: Callable[[CheckContext], list[Violation]]
    unit: str = ""


RULES: dict[str, RuleInfo] = {
    r.id: r
    for r in (
        RuleInfo("coverage", "人手覆盖", "Coverage (head-count and skills)",
                 "国办发〔2020〕53号（12345热线7×24小时人工服务）；服务合同", coverage, "人"),
        RuleInfo("one_shift_per_day", "每天一个班次", "At most one shift per date",
                 "排班规则（非法律条文）：每人每天至多一个班次，班次归属其开始日期", one_shift_per_day, "个"),
        RuleInfo("approved_leave", "请假期间不排班", "No work on approved leave",
                 "；".join([*_LEAVE_SOURCES.values(), _LEAVE_SOURCE_OTHER]), approved_leave, "分钟"),
        RuleInfo("unavailable_slots", "不可排班时段", "Unavailable times",
                 "排班规则（非法律条文）：员工登记的不可排班时段，与请假同样必须遵守", unavailable_slots, "分钟"),
        RuleInfo("employment_dates", "在职期间", "Employment dates",
                 "《劳动合同法》第7条、第10条", employment_dates, "分钟"),
        RuleInfo("shift_skills", "班次技能", "Shift skills",
                 "服务合同岗位要求", shift_skills, ""),
        RuleInfo("night_work_ban", "夜班禁排", "Night-work ban",
                 "《女职工劳动保护特别规定》第6条（PG-01）、第9条（PG-02）；未成年工夜班（PG-07，政策）",
                 night_work_ban, "分钟"),
        RuleInfo("min_rest_between_shifts", "班间休息", "Minimum rest between shifts",
                 "RB-01/RB-02（无国家强制规定，产品政策；参照欧盟2003/88/EC第3条）", min_rest_between_shifts, "小时"),
        RuleInfo("weekly_rest_day", "每周休息日", "Weekly rest day",
                 "《劳动法》第38条（WH-03：每周至少休息一日）", weekly_rest_day, "天"),
        RuleInfo("max_consecutive_days", "连续工作天数", "Maximum consecutive working days",
                 "RB-03；《全国年节及纪念日放假办法》第7条；《劳动法》第38条", max_consecutive_days, "天"),
        RuleInfo("max_daily_hours", "每日工时上限", "Maximum daily hours",
                 "《劳动法》第41条（OT-02）；劳部发〔1997〕271号第5项（CH-06）；"
                 "《女职工劳动保护特别规定》第6条、第9条（PG-01/PG-02 不得延长劳动时间）", max_daily_hours, "小时"),
        RuleInfo("overtime_cap", "加班上限", "Overtime cap",
                 "《劳动法》第41条（OT-03：每月不得超过36小时）；劳部发〔1997〕271号第5项（CH-07）；"
                 "《女职工劳动保护特别规定》第6条、第9条（PG-01/PG-02）", overtime_cap, "小时"),
    )
}

_ORDER = {rid: i for i, rid in enumerate(RULES)}


def _time_key(x: dt.datetime | dt.date | None) -> str:
    if x is None:
        return ""
    if isinstance(x, dt.datetime):
        return x.isoformat()
    return dt.datetime.combine(x, dt.time()).isoformat()


def _sort_key(v: Violation) -> tuple:
    return (_ORDER.get(v.rule, len(_ORDER)), v.staff or "", _time_key(v.start), _time_key(v.end), v.message)


def check(scenario: Scenario, roster: Roster, *, cal: WorkCalendar | None = None,
          rules: Iterable[str] | None = None) -> list[Violation]:
    """All violations of the roster, sorted (rule order, staff, start); disabled rules are skipped.

    ``rules`` optionally restricts the check to those rule ids (e.g. for a live cell edit).
    """
    # 综合计算工时 without a valid approval falls back to the standard system (labour-law.md §0)
    scenario = scenario.for_period(roster.start, roster.end)
    if roster.history:  # planned as the continuation of a previous period: the history it was planned on
        scenario = replace(scenario, history={**scenario.history, **roster.history})
    ctx = CheckContext.build(scenario, roster, cal)
    wanted = set(RULES) if rules is None else set(rules)
    out: list[Violation] = []
    for rid, info in RULES.items():
        if rid in scenario.rules.disabled or rid not in wanted:
            continue
        out.extend(info.func(ctx))
    return sorted(out, key=_sort_key)


def _iso(x: dt.datetime | dt.date | None) -> str | None:
    if x is None:
        return None
    if isinstance(x, dt.datetime):
        return x.isoformat(timespec="minutes")
    return x.isoformat()


def violation_to_dict(v: Violation) -> dict:
    """JSON-friendly form used in the roster JSON ``violations`` list."""
    info = RULES.get(v.rule)
    return {
        "rule": v.rule,
        "name": info.name_zh if info else v.rule,
        "staff": v.staff,
        "start": _iso(v.start),
        "end": _iso(v.end),
        "measured": v.measured,
        "limit": v.limit,
        "unit": info.unit if info else "",
        "source": v.source,
        "message": v.message,
    }


_UNITS_EN = {"人": "people", "个": "shifts", "分钟": "min", "小时": "h", "天": "days", "": ""}


def _num(x: float | None) -> str:
    if x is None:
        return "-"
    return str(int(x)) if float(x).is_integer() else f"{x:.2f}"


#: findings outside RULES that ``roster check`` also prints (roster.checkcli.lock_violations)
_OTHER_NAMES = {"locked": ("锁定单元格", "Locked cell")}


def format_violation(v: Violation, lang: str = "zh") -> str:
    """One line for people: the Chinese message with its legal source, or an English rendering."""
    info = RULES.get(v.rule)
    other = _OTHER_NAMES.get(v.rule, (v.rule, v.rule))
    if lang == "en":
        name = info.name_en if info else other[1]
        unit = _UNITS_EN.get(info.unit if info else "", "")
        who = f"{v.staff} " if v.staff else ""
        when = _iso(v.start) or ""
        if v.end is not None and v.end != v.start:
            when += f" – {_iso(v.end)}"
        u = f" {unit}" if unit else ""
        return (f"[{v.rule}] {name}: {who}{when}: measured {_num(v.measured)}{u}, "
                f"limit {_num(v.limit)}{u} (source: {source_text(v.source, 'en')})")
    name = info.name_zh if info else other[0]
    return f"【{name} {v.rule}】{v.message}（依据：{v.source}）"


_FEMALE = "Special Provisions on Labour Protection of Female Employees"
#: English renderings of the legal sources: whole source strings first, then the "；"-joined parts of the
#: night-work ban (which cites only the reasons that apply)
_SOURCES_EN = {
    "国办发〔2020〕53号（12345热线7×24小时人工服务）": "State Council General Office Guo Ban Fa [2020] No. 53 (12345 "
                                                   "hotline: human service 7×24)",
    "服务合同": "service contract",
    "排班规则（非法律条文）：员工登记的不可排班时段，与请假同样必须遵守":
        "Rostering rule (not a statute): times a person has registered as unavailable are kept like approved leave",
    "排班规则（非法律条文）：每人每天至多一个班次，班次归属其开始日期": "Rostering rule (not a statute): at most one shift per person and date; a shift belongs to the date it starts",
    "《职工带薪年休假条例》第2条（年休假）": "Regulations on Paid Annual Leave of Employees, Art. 2 (annual leave)",
    "《女职工劳动保护特别规定》第7条（产假，PG-03）": f"{_FEMALE}, Art. 7 (maternity leave, PG-03)",
    "《劳动法》第44条（休息日加班安排补休，即调休，PAY-02）":
        "Labour Law, Art. 44 (rest-day work is given equal time off in lieu; PAY-02)",
    "已批准的请假（用人单位的请假审批，排班规则）": "approved leave (the employer's approval; rostering rule)",
    "《劳动合同法》第7条、第10条": "Labour Contract Law, Arts. 7 and 10",
    "服务合同岗位要求": "post requirements of the service contract",
    "《女职工劳动保护特别规定》第6条（PG-01）、第9条（PG-02）": f"{_FEMALE}, Art. 6 (PG-01) and Art. 9 (PG-02)",
    "未成年工夜班（PG-07，政策）": "night work of minors (PG-07, policy)",
    "RB-01/RB-02（无国家强制规定，产品政策；参照欧盟2003/88/EC第3条）": "RB-01/RB-02 (no national minimum: product "
                                                              "policy, after EU Directive 2003/88/EC Art. 3)",
    "《劳动法》第38条（WH-03：每周至少休息一日）": "Labour Law, Art. 38 (WH-03: at least one day of rest a week)",
    "RB-03": "RB-03",
    "《全国年节及纪念日放假办法》第7条": "Measures on National Holidays and Memorial Days, Art. 7",
    "《劳动法》第38条": "Labour Law, Art. 38",
    "《劳动法》第41条（OT-02）": "Labour Law, Art. 41 (OT-02)",
    "劳部发〔1997〕271号第5项（CH-06）": "MOL Lao Bu Fa [1997] No. 271, item 5 (CH-06)",
    "《女职工劳动保护特别规定》第6条、第9条（PG-01/PG-02 不得延长劳动时间）":
        f"{_FEMALE}, Arts. 6 and 9 (PG-01/PG-02: no extended working hours)",
    "《劳动法》第41条（OT-03：每月不得超过36小时）": "Labour Law, Art. 41 (OT-03: at most 36 hours a month)",
    "劳部发〔1997〕271号第5项（CH-07）": "MOL Lao Bu Fa [1997] No. 271, item 5 (CH-07)",
    "《女职工劳动保护特别规定》第6条、第9条（PG-01/PG-02）": f"{_FEMALE}, Arts. 6 and 9 (PG-01/PG-02)",
    "《女职工劳动保护特别规定》第6条（PG-01：怀孕7个月以上不得安排夜班劳动）":
        f"{_FEMALE}, Art. 6 (PG-01: no night work from the 7th month of pregnancy)",
    "《女职工劳动保护特别规定》第9条（PG-02：哺乳期不得安排夜班劳动）":
        f"{_FEMALE}, Art. 9 (PG-02: no night work while nursing a child under one)",
    "未成年工夜班禁排（PG-07，政策）": "no night work for minors (PG-07, policy)",
    _NIGHT_OK_SOURCE: "staff setting: no night shifts",
    "排班规则（非法律条文）：锁定的单元格": "Rostering rule (not a statute): cells locked in the scenario",
}


def source_text(source: str, lang: str = "zh") -> str:
    """A legal source as the validator cites it (Chinese), or its English rendering; a part without one stays."""
    if not lang.startswith("en") or not source:
        return source
    if source in _SOURCES_EN:
        return _SOURCES_EN[source]
    return "; ".join(_SOURCES_EN.get(part, part) for part in source.split("；"))


def measure_text(v: Violation, lang: str = "en") -> str:
    """The measured value against the limit, for a table whose other columns show rule, person and dates."""
    info = RULES.get(v.rule)
    unit = info.unit if info else ""
    if lang == "en":
        if v.rule == "coverage":
            skill = re.search(r" (\S+) 技能人手不足", v.message or "")
            return (f"{_num(v.measured)} on duty, {_num(v.limit)} needed (short {_num(v.limit - v.measured)})"
                    + (f", skill {skill.group(1)}" if skill else "") + " at the worst time")
        u = f" {_UNITS_EN.get(unit, '')}" if _UNITS_EN.get(unit, "") else ""
        return f"measured {_num(v.measured)}{u}, limit {_num(v.limit)}{u}"
    return f"实际 {_num(v.measured)}{unit}，上限 {_num(v.limit)}{unit}"


#: rules whose violation ``start`` is the start of one shift: mark only that shift's cell
_SHIFT_RULES = frozenset({"approved_leave", "unavailable_slots", "employment_dates", "shift_skills", "night_work_ban"})


def violation_dates(v: Violation) -> list[dt.date]:
    """The roster cells (dates) a violation belongs to."""
    if v.start is None:
        return []
    s, e = v.start, v.end if v.end is not None else v.start
    if isinstance(s, dt.datetime):
        if v.rule in _SHIFT_RULES or (v.rule == "max_daily_hours" and not (s.hour == s.minute == 0 and
                                                                            isinstance(e, dt.datetime) and e - s == DAY)):
            return [s.date()]
        if v.rule == "min_rest_between_shifts" and isinstance(e, dt.datetime):
            return [e.date()]
        last = (e - dt.timedelta(microseconds=1)).date() if isinstance(e, dt.datetime) and e > s else s.date()
        s = s.date()
        e = last
    elif isinstance(e, dt.datetime):
        e = e.date()
    out = []
    d = s
    while d <= e:
        out.append(d)
        d += DAY
    return out


def cell_violations(violations: Iterable[Violation]) -> dict[tuple[str, dt.date], list[Violation]]:
    """{(staff, date): violations} for cell marks; coverage (no staff) is left to the heat-map."""
    out: dict[tuple[str, dt.date], list[Violation]] = {}
    for v in violations:
        if v.staff is None:
            continue
        for d in violation_dates(v):
            out.setdefault((v.staff, d), []).append(v)
    return out

