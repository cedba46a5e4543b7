"""Alerts about a planning period that the user must see wherever a roster is made or exported
(CLI stderr, the roster JSON's ``solver.warnings``, the Excel 说明 sheet).

- 综合计算工时 without an approval valid over the whole period: the standard system is applied
  (labour-law.md §0 / §4, :meth:`roster.model.Rules.in_force`).
- Holiday arrangements that are only estimated (2027's 调休 swaps are not published yet; HD-07): labour-law.md
  §0 says the app "must warn when it uses estimated dates".
- A weekly 综合 settlement period: the cap and the 150 % hours are measured per natural month (SPEC §4's
  formula); a week-by-week settlement is not computed, so HR must settle the weeks themselves.
- A month only partly inside the period whose demand cannot be met: SPEC §4 gives such a part its own standard
  hours (its working days) and a pro-rata cap, so a tail of rest days or holidays (30–31 Jan, 1–3 Oct) leaves
  almost no legal hours; the team lead should plan whole months.
- Input the app accepts but the law or common sense questions (:func:`input_alerts`): parameters beyond the
  statutory limits (labour-law.md §0, the §4 warning list), switched-off rules, contracts over 40 h a week,
  contradictory calendar overrides, templates no one can work, history that cannot apply.
"""

from __future__ import annotations

import calendar as pycal
import datetime as dt

from .calendar import WorkCalendar
from .demand import SLOT_MINUTES, demand_for_date
from .hours import calendar_standard_minutes, overtime_cap_hours
from .model import OFF, DayType, Scenario, SettlementPeriod, WorkingTimeSystem

DAY_MIN = 24 * 60


def period_alerts(scenario: Scenario, first: dt.date, last: dt.date, lang: str = "zh") -> list[str]:
    """The alerts for [first, last] in ``lang`` ("zh" or "en"), most important first."""
    out = []
    fallback = scenario.fallback_alert(first, last, lang)
    if fallback:
        out.append(fallback)
    years = WorkCalendar.of(scenario).estimated_years(first, last)
    if years:
        ys = "、".join(map(str, years)) if not lang.startswith("en") else ", ".join(map(str, years))
        out.append(
            f"The {ys} holiday arrangement is estimated (the official notice is not published or not entered): "
            "check the dates and enter them in the calendar." if lang.startswith("en") else
            f"{ys} 年的节假日调休安排为估算（国务院通知尚未发布或未录入），请核对后在“日历”中录入。")
    week = settlement_alert(scenario, first, last, lang)
    if week:
        out.append(week)
    out.extend(partial_month_alerts(scenario, first, last, lang))
    out.extend(input_alerts(scenario, first, last, lang))
    return out


def input_alerts(scenario: Scenario, first: dt.date, last: dt.date, lang: str = "zh") -> list[str]:
    """Warnings about accepted input that breaks a statutory limit or cannot take effect (one line each)."""
    en = lang.startswith("en")
    r = scenario.rules
    in_force = scenario.for_period(first, last)  # the system in force (standard without a valid approval)
    out: list[str] = []

    def say(zh: str, english: str) -> None:
        out.append(english if en else zh)

    if r.max_overtime_hours_per_month > 36:
        say(f"每月加班上限设为 {r.max_overtime_hours_per_month:g} 小时，高于《劳动法》第41条的 36 小时（OT-03）；"
            "超出只限第42条的紧急情况（OT-04）。",
            f"The monthly overtime cap is {r.max_overtime_hours_per_month:g} h, above the 36 h of Labour Law Art. 41 "
            "(OT-03); more is lawful only in the emergencies of Art. 42 (OT-04).")
    if r.min_rest_days_per_week < 1 and "weekly_rest_day" not in r.disabled:
        say("每 7 天最少休息日设为 0，低于《劳动法》第38条“每周至少休息一日”（WH-03）。",
            "Minimum rest days in every 7 is 0, below Labour Law Art. 38 (at least one day of rest a week, WH-03).")
    if r.max_consecutive_days > 6:
        say(f"连续工作天数上限为 {r.max_consecutive_days} 天，超过 6 天（RB-03、HD-03）。",
            f"The consecutive-day limit is {r.max_consecutive_days}, over 6 (RB-03, HD-03).")
    if r.min_rest_hours < 11:
        say(f"两班之间最少休息 {r.min_rest_hours:g} 小时，低于 11 小时的参考值（RB-01/RB-02）。",
            f"Minimum rest between shifts is {r.min_rest_hours:g} h, below the 11 h reference (RB-01/RB-02).")
    if r.working_time_system == WorkingTimeSystem.COMPREHENSIVE and r.max_daily_hours > 12:
        say(f"每日工时上限为 {r.max_daily_hours:g} 小时，超过综合工时制 12 小时的政策值（CH-06）。",
            f"The daily hours cap is {r.max_daily_hours:g} h, over the 12 h policy value of the comprehensive "
            "system (CH-06).")
    if r.disabled:
        from .validator import RULES  # late: the validator is not needed for the other alerts

        def named(rid: str, english: bool) -> str:
            info = RULES.get(rid)
            return f"{info.name_en if english else info.name_zh}（{rid}）" if info else rid
        say(f"已停用的规则不检查、不排班约束：{'、'.join(named(x, False) for x in sorted(r.disabled))}。",
            f"Switched-off rules are neither planned nor checked: {', '.join(named(x, True) for x in sorted(r.disabled))}."
            .replace("（", " (").replace("）", ")"))
    over40 = [p for p in scenario.staff if p.active and p.weekly_hours > 40]
    if over40:
        names_zh = "、".join(f"{p.name}（{p.weekly_hours:g} 小时）" for p in over40)
        names_en = ", ".join(f"{p.name} ({p.weekly_hours:g} h)" for p in over40)
        say(f"每周合同工时超过 40 小时：{names_zh}。国务院令第146号第3条为每周 40 小时，超出部分应按加班计"
            "（WH-01、WH-02）。",
            f"Contract hours over 40 a week: {names_en}. State Council Decree 146 Art. 3 sets 40 h a week; the "
            "excess is overtime (WH-01, WH-02).")
    o = scenario.calendar
    clash = sorted((o.holidays & o.restdays) | (o.holidays & o.workdays) | (o.restdays & o.workdays))
    if clash:
        say(f"日历覆盖中这些日期被设为多种类型，按“节假日 > 休息日 > 工作日”处理：{'、'.join(d.isoformat() for d in clash)}。",
            "These calendar overrides give a date more than one type; holiday > rest day > workday is used: "
            + ", ".join(d.isoformat() for d in clash) + ".")
    cap_h = in_force.rules.effective_daily_cap_hours()
    skills = {k for p in scenario.staff for k in p.skills}
    for sh in scenario.shifts:
        if sh.paid_minutes > cap_h * 60 + 1e-9 and "max_daily_hours" not in r.disabled:
            say(f"班次 {sh.code}（计薪 {sh.paid_minutes / 60:g} 小时）超过每日工时上限 {cap_h:g} 小时，不会被排班。",
                f"Shift {sh.code} ({sh.paid_minutes / 60:g} paid hours) is over the daily cap of {cap_h:g} h and "
                "is never planned.")
        if sh.skills_any and not set(sh.skills_any) & skills:
            say(f"班次 {sh.code} 要求技能 {'/'.join(sh.skills_any)}，但没有人员具备，不会被排班。",
                f"Shift {sh.code} needs skill {'/'.join(sh.skills_any)}, which nobody has; it is never planned.")
    # locks just after the period: this period's end does not see them (a `--after` chain plans one period at a
    # time; the next may find its locks impossible after this one — sweep #12).  Solving both periods together
    # (more than 35 days are planned month by month with a look ahead at the next month's locks) avoids it.
    reach = last + dt.timedelta(days=r.seam_days())
    active = {p.id for p in scenario.staff if p.active}
    codes = {sh.code for sh in scenario.shifts}
    after = sorted((lk for lk in scenario.locked if last < lk.date <= reach and lk.shift != OFF
                    and lk.staff in active and lk.shift in codes), key=lambda lk: lk.date)
    if after:
        lk = after[0]
        say(f"本期结束后 {(reach - last).days} 天内有 {len(after)} 个锁定（首个：{lk.date.month}月{lk.date.day}日 "
            f"{lk.staff} {lk.shift}），本期排班不考虑它们，下一期可能因休息、连续天数或加班上限而无法满足；"
            "请将两期一起求解。",
            f"{len(after)} lock{'s fall' if len(after) != 1 else ' falls'} within {(reach - last).days} days after this period "
            f"(first: {lk.date:%m-%d} {lk.staff} {lk.shift}); this period does not plan around them, so the next one may "
            "not be able to keep them (rest, consecutive days, overtime cap) — solve both periods together.")
    inactive = {p.id for p in scenario.staff if not p.active}
    dead = sorted({lk.staff for lk in scenario.locked if lk.staff in inactive and first <= lk.date <= last})
    if dead:
        say(f"已停用人员的锁定不起作用（不排班、不检查）：{'、'.join(dead)}。",
            f"Locks of inactive staff have no effect (neither planned nor checked): {', '.join(dead)}.")
    allowance = in_force.rules.history_overtime_allowance_minutes()
    month_end = first.replace(day=pycal.monthrange(first.year, first.month)[1])
    for sid, h in sorted(scenario.history.items()):
        if not h.overtime_minutes_month:
            continue
        used = h.overtime_minutes_month / 60
        if first.day == 1:
            say(f"{sid} 的历史加班（本月已用 {used:g} 小时）不适用：排班期从 1 日开始，该月此前没有日期。",
                f"{sid}'s history overtime ({used:g} h used this month) does not apply: the period starts on the 1st.")
        elif h.overtime_minutes_month > allowance:
            say(f"{sid} 的历史加班 {used:g} 小时已超过上限 {allowance / 60:g} 小时，本期无法合法排班该月剩余日期。",
                f"{sid}'s history overtime of {used:g} h is already over the cap of {allowance / 60:g} h; no legal "
                "roster can give them more work that month.")
        else:
            person = next((p for p in in_force.staff if p.id == sid), None)
            if person is None:
                continue
            share = overtime_cap_hours(in_force, person, first, min(last, month_end), first)
            if used > share + 1e-9:
                say(f"{sid} 本月已加班 {used:g} 小时（历史），超过按本期天数折算的上限 {share:g} 小时：本期不再给其"
                    "安排加班（合法，只是不再有余量）。",
                    f"{sid} has already worked {used:g} h of overtime this month (history), above the pro-rata cap "
                    f"of {share:g} h for the period's days: they get no more overtime in this period (lawful, but no "
                    "room is left).")
    return out


def partial_month_alerts(scenario: Scenario, first: dt.date, last: dt.date, lang: str = "zh") -> list[str]:
    """One alert per month only partly inside [first, last] whose demand (person-hours) exceeds what the team may
    legally cover there at most: Σ over staff of the part's standard hours + its pro-rata overtime cap, times the
    largest span/paid ratio of the templates (an unpaid break still covers its slots).  An upper bound — leave,
    protection and history only lower it — so an alert means a certain shortfall.  Under a 综合 quarter/year
    settlement the months of one settlement period share (net) one cap, so the test is made per settlement
    period's part inside [first, last] that holds a partial month (Oct 1–15 alone in its quarter is as short as
    in a monthly settlement)."""
    rules = scenario.for_period(first, last).rules
    if "overtime_cap" in rules.disabled:
        return []  # no cap, no certain shortfall
    netted = rules.working_time_system == WorkingTimeSystem.COMPREHENSIVE and rules.settlement_period in (
        SettlementPeriod.QUARTER, SettlementPeriod.YEAR)
    # a shift covers its whole span but counts only its paid hours: the most cover one paid hour can buy
    spans = [s.span_minutes / s.paid_minutes for s in scenario.shifts if s.paid_minutes > 0]
    if not spans:
        return []
    stretch = max(spans)
    cal = WorkCalendar.of(scenario)
    staff = [p for p in scenario.staff if p.active]
    groups: dict[tuple, list[tuple[dt.date, dt.date, bool]]] = {}
    d = first
    while d <= last:
        dim = pycal.monthrange(d.year, d.month)[1]
        a, b = d, min(last, d.replace(day=dim))
        d = b + dt.timedelta(days=1)
        key = (a.year, (a.month - 1) // 3 if rules.settlement_period == SettlementPeriod.QUARTER else 0) \
            if netted else (a.year, a.month)
        groups.setdefault(key, []).append((a, b, a.day != 1 or b.day != dim))
    out = []
    for parts in groups.values():
        if not any(partial for _a, _b, partial in parts):
            continue
        days = [a + dt.timedelta(days=k) for a, b, _p in parts for k in range((b - a).days + 1)]
        workdays = sum(1 for x in days if cal.is_workday(x))
        need = sum(sum(demand_for_date(scenario, x, cal)[None]) for x in days) * SLOT_MINUTES / 60
        # the HR accounting's standard (every workday, as the cap check counts it) and pro-rata cap of the part
        # (from the 1st with history); the cap is rounded to 0.01 h, hence the slack
        caps = {p.id: sum(overtime_cap_hours(scenario, p, a, b, first) for a, b, _p in parts) for p in staff}
        room = stretch * sum(float(calendar_standard_minutes(rules, p, cal, a, b, employed_only=False)) / 60
                             for p in staff for a, b, _p in parts) + stretch * sum(caps.values())
        a, b = parts[0][0], parts[-1][1]
        if need <= room + 0.01 * len(staff) * len(parts):
            best = max(caps.values(), default=0.0)
            out.extend(_holiday_alerts(scenario, cal, days, a, b, best, lang))
            continue
        out.append(_short_part_text(a, b, len(days), workdays, room, need, len(parts) > 1, lang))
    return out


def _short_part_text(a: dt.date, b: dt.date, ndays: int, workdays: int, room: float, need: float, settlement: bool,
                     lang: str) -> str:
    if lang.startswith("en"):
        what = (f"only {a:%Y-%m-%d}–{b:%Y-%m-%d} of its 综合 settlement period" if settlement
                else f"only {a:%m-%d}–{b:%m-%d} of {a.year}-{a.month:02d}")
        return (f"The period holds {what} ({ndays} days, {workdays} working days): SPEC §4 gives that part its own "
                f"standard hours and a pro-rata overtime cap, at most about {room:.0f} person-hours in all, against a "
                f"demand of {need:.0f}, so those days will be short. Plan whole months (from the 1st to the month's end).")
    what = (f"综合工时结算周期中的 {a.year}年{a.month}月{a.day}日–{b.year}年{b.month}月{b.day}日" if settlement
            else f"{a.year}年{a.month}月的 {a.month}月{a.day}日–{b.month}月{b.day}日")
    return (f"排班期只包含 {what}（{ndays} 天，其中工作日 {workdays} 天）：按 SPEC §4，这部分按自身的标准工时和按比例的"
            f"加班上限计算，全组最多约 {room:.0f} 人·小时，少于需求 {need:.0f} 人·小时，这几天必然缺人。"
            "建议按整月排班（从 1 日到月底）。")


def _holiday_alerts(scenario: Scenario, cal: WorkCalendar, days: list[dt.date], a: dt.date, b: dt.date,
                    best_cap: float, lang: str) -> list[str]:
    """Statutory holidays of a month part whose demand no template can legally cover: every hour on such a date
    counts in full toward the cap (300 %), so a template putting more paid hours on it than the largest pro-rata
    cap of the part (``best_cap``) is out of reach for everyone (a template from the day before counts only its
    hours on the date)."""
    out = []
    for h in days:
        if cal.day_type(h) != DayType.HOLIDAY:
            continue
        prof = demand_for_date(scenario, h, cal).get(None) or []
        reach = [False] * len(prof)
        placements = []  # (paid hours on the holiday, slots covered) of each template, from the day before or the day
        for sh in scenario.shifts:
            if not sh.span_minutes:
                continue
            for offset in (-DAY_MIN, 0):
                s0, e0 = offset + sh.start, offset + sh.start + sh.span_minutes
                lo, hi = max(0, s0), min(DAY_MIN, e0)
                if hi <= lo:
                    continue
                on_h = (hi - lo) * sh.paid_minutes / sh.span_minutes / 60
                slots = {k for k in range(len(prof)) if lo <= k * SLOT_MINUTES and (k + 1) * SLOT_MINUTES <= hi}
                placements.append((on_h, slots))
                if on_h <= best_cap + 1e-6:
                    for k in slots:
                        reach[k] = True
        short = [k for k, c in enumerate(prof) if c > 0 and not reach[k]]
        # only the templates that could cover those hours speak for them (sweep #9: the least over all templates
        # printed 0.47 h "above" a 9-h cap); hours no template covers at all are another problem, told elsewhere
        least = min((on_h for on_h, slots in placements if slots.intersection(short)), default=None)
        if not short or least is None:
            continue
        short = [k for k in short if any(k in slots for _h, slots in placements)]
        # enough digits that the figure is visibly above the cap (9.04 h printed "9" beside a cap of 9)
        shown = next(f"{round(least, n):g}" for n in (1, 2, 3, 6) if round(least, n) > best_cap or n == 6)
        t0, t1 = short[0] * SLOT_MINUTES, (short[-1] + 1) * SLOT_MINUTES
        span = f"{t0 // 60:02d}:{t0 % 60:02d}–{t1 // 60:02d}:{t1 % 60:02d}"
        # a whole month only helps when its cap would hold the shift (sweep #16: with a 0-h cap the advice to plan
        # whole months could not help)
        month_cap = scenario.rules.max_overtime_hours_per_month
        whole_helps = least <= month_cap + 1e-6
        if lang.startswith("en"):
            advice = ("Plan whole months (from the 1st)." if whole_helps else
                      f"A whole month's cap of {month_cap:g} h is too small as well: raise the monthly overtime cap to "
                      f"at least {shown} h or take the demand off that day.")
            out.append(f"{h.isoformat()} is a statutory holiday in the part {a:%m-%d}–{b:%m-%d} of {a.year}-{a.month:02d}: "
                       f"every hour worked on it is overtime (300 %), and each shift covering {span} puts at least "
                       f"{shown} h on it, above the part's pro-rata overtime cap of {best_cap:g} h, so nobody can "
                       f"be planned then. {advice}")
        else:
            advice = ("建议按整月排班（从 1 日开始）。" if whole_helps else
                      f"整月的加班上限 {month_cap:g} 小时也不够：需将每月加班上限提高到至少 {shown} 小时，或取消当天的需求。")
            out.append(f"{h.month}月{h.day}日是法定节假日，在本期 {a.month}月{a.day}日–{b.month}月{b.day}日 这一部分月份内："
                       f"节日工时全部计为加班（300%），覆盖 {span} 的班次在当天至少计薪 {shown} 小时，超过这部分按比例的"
                       f"加班上限 {best_cap:g} 小时，因此无人可排。{advice}")
    return out


def settlement_alert(scenario: Scenario, first: dt.date, last: dt.date, lang: str = "zh") -> str | None:
    """The note for a weekly 综合 settlement period (measured per natural month), else None."""
    rules = scenario.for_period(first, last).rules
    if rules.working_time_system != WorkingTimeSystem.COMPREHENSIVE or rules.settlement_period != SettlementPeriod.WEEK:
        return None
    if lang.startswith("en"):
        return ("Weekly settlement: the overtime cap and the 150 % hours are measured per natural month (SPEC §4); "
                "the week-by-week excess is not computed — settle the weeks in payroll.")
    return "结算周期为周：加班上限与 150% 工时按自然月核算（SPEC §4 公式），未逐周结算；请在工资核算中按周结算。"
