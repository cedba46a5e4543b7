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
"""

from __future__ import annotations

import calendar as pycal
import datetime as dt

from .calendar import WorkCalendar
from .demand import SLOT_MINUTES, demand_for_date
from .hours import calendar_standard_minutes, overtime_cap_hours
from .model import Scenario, SettlementPeriod, WorkingTimeSystem


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
    return out


def partial_month_alerts(scenario: Scenario, first: dt.date, last: dt.date, lang: str = "zh") -> list[str]:
    """One alert per month only partly inside [first, last] whose demand (person-hours) exceeds what the team may
    legally cover there at most: Σ over staff of the part's standard hours + its pro-rata overtime cap, times the
    largest span/paid ratio of the templates (an unpaid break still covers its slots).  An upper bound — leave,
    protection and history only lower it — so an alert means a certain shortfall.  Not under a 综合 quarter/year
    settlement (the months share one cap)."""
    rules = scenario.for_period(first, last).rules
    if "overtime_cap" in rules.disabled:
        return []  # no cap, no certain shortfall
    if rules.working_time_system == WorkingTimeSystem.COMPREHENSIVE and rules.settlement_period in (
            SettlementPeriod.QUARTER, SettlementPeriod.YEAR):
        return []  # the months share one cap: a short part may borrow from the others
    # a shift covers its whole span but counts only its paid hours: the most cover one paid hour can buy
    spans = [s.span_minutes / s.paid_minutes for s in scenario.shifts if s.paid_minutes > 0]
    if not spans:
        return []
    stretch = max(spans)
    cal = WorkCalendar.of(scenario)
    staff = [p for p in scenario.staff if p.active]
    out = []
    d = first
    while d <= last:
        dim = pycal.monthrange(d.year, d.month)[1]
        m_first, m_last = d.replace(day=1), d.replace(day=dim)
        a, b = d, min(last, m_last)
        d = b + dt.timedelta(days=1)
        if a == m_first and b == m_last:
            continue
        days = [a + dt.timedelta(days=k) for k in range((b - a).days + 1)]
        workdays = sum(1 for x in days if cal.is_workday(x))
        need = sum(sum(demand_for_date(scenario, x, cal)[None]) for x in days) * SLOT_MINUTES / 60
        # the HR accounting's standard (every workday, as the cap check counts it) and pro-rata cap of the part
        # (from the 1st with history); the cap is rounded to 0.01 h, hence the slack
        room = stretch * sum(float(calendar_standard_minutes(rules, p, cal, a, b, employed_only=False)) / 60
                             + overtime_cap_hours(scenario, p, a, b, first) for p in staff)
        if need <= room + 0.01 * len(staff):
            continue
        if lang.startswith("en"):
            out.append(f"The period holds only {a:%m-%d}–{b:%m-%d} of {a.year}-{a.month:02d} ({len(days)} days, "
                       f"{workdays} working days): SPEC §4 gives that part its own standard hours and a pro-rata "
                       f"overtime cap, at most about {room:.0f} person-hours in all, against a demand of {need:.0f}, "
                       "so those days will be short. Plan whole months (from the 1st to the month's end).")
        else:
            out.append(f"排班期只包含 {a.year}年{a.month}月的 {a.month}月{a.day}日–{b.month}月{b.day}日（{len(days)} 天，"
                       f"其中工作日 {workdays} 天）：按 SPEC §4，这部分按自身的标准工时和按比例的加班上限计算，全组最多约 "
                       f"{room:.0f} 人·小时，少于需求 {need:.0f} 人·小时，这几天必然缺人。建议按整月排班（从 1 日到月底）。")
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
