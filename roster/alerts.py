"""Alerts about a planning period that the user must see wherever a roster is made or exported
(CLI stderr, the roster JSON's ``solver.warnings``, the Excel 说明 sheet).

- 综合计算工时 without an approval valid over the whole period: the standard system is applied
  (labour-law.md §0 / §4, :meth:`roster.model.Rules.in_force`).
- Holiday arrangements that are only estimated (2027's 调休 swaps are not published yet; HD-07): labour-law.md
  §0 says the app "must warn when it uses estimated dates".
- A weekly 综合 settlement period: the cap and the 150 % hours are measured per natural month (SPEC §4's
  formula); a week-by-week settlement is not computed, so HR must settle the weeks themselves.
"""

from __future__ import annotations

import datetime as dt

from .calendar import WorkCalendar
from .model import Scenario, SettlementPeriod, WorkingTimeSystem


def period_alerts(scenario: Scenario, first: dt.date, last: dt.date, lang: str = "zh") -> list[str]:
    """The alerts for [first, last] in ``lang`` ("zh" or "en"), most important first."""
    out = []
    fallback = scenario.fallback_alert(first, last, lang)
    if fallback:
        out.append(fallback)
    years = WorkCalendar(scenario.calendar).estimated_years(first, last)
    if years:
        ys = "、".join(map(str, years)) if not lang.startswith("en") else ", ".join(map(str, years))
        out.append(
            f"The {ys} holiday arrangement is estimated (the official notice is not published or not entered): "
            "check the dates and enter them in the calendar." if lang.startswith("en") else
            f"{ys} 年的节假日调休安排为估算（国务院通知尚未发布或未录入），请核对后在“日历”中录入。")
    week = settlement_alert(scenario, first, last, lang)
    if week:
        out.append(week)
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
