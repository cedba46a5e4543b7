"""Alerts about a planning period that the user must see wherever a roster is made or exported
(CLI stderr, the roster JSON's ``solver.warnings``, the Excel 说明 sheet).

- 综合计算工时 without an approval valid over the whole period: the standard system is applied
  (labour-law.md §0 / §4, :meth:`roster.model.Rules.in_force`).
- Holiday arrangements that are only estimated (2027's 调休 swaps are not published yet; HD-07): labour-law.md
  §0 says the app "must warn when it uses estimated dates".
"""

from __future__ import annotations

import datetime as dt

from .calendar import WorkCalendar
from .model import Scenario


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
    return out
