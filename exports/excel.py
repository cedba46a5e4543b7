"""Excel workbook for HR and the wall (SPEC.md §5).

Sheets: 排班表 (weekly wall rota, printable), 工时汇总 (HR hours per person per natural month),
覆盖 (scheduled vs demand per date × hour), 合规 (every rule with its result and legal source, then the
violations), 说明 (parameters, calendar, solver status, generation time, version).

Text that starts with ``= + - @`` is stored as a string with Excel's quote prefix, never as a formula.
Phone numbers and ID numbers are never written.
"""

from __future__ import annotations

import copy
import datetime as dt
import importlib.metadata
import os
from dataclasses import replace
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet
from PySide6.QtCore import QT_TRANSLATE_NOOP

from roster.alerts import settlement_alert
from roster.calendar import LAST_PUBLISHED_YEAR, WorkCalendar
from roster.demand import SLOT_MINUTES, SLOTS_PER_DAY, demand_for_date, slot_counts
from roster.model import LEAVE_LABELS_ZH, DayType, LeaveKind, Roster, Scenario, fmt_hhmm

from ._common import (
    T_EMPNO,
    T_GENERATED,
    T_HEADCOUNT,
    T_LEGEND,
    T_MARKS,
    T_NAME,
    T_PERIOD,
    T_ROTA,
    T_SIGN_BY,
    T_SIGN_CHECK,
    T_SIGN_DATE,
    T_WEEK,
    _s,
    colon,
    counts_by_date,
    day_mark,
    estimated_note,
    is_formula_like,
    leave_label,
    rota_staff,
    shift_codes_in_use,
    shift_times,
    team_name,
    week_blocks,
    xtr,
)
from .safe_write import atomic_write

CTX = "Excel"

T_SHEET_HOURS = _s(CTX, QT_TRANSLATE_NOOP("Excel", "工时汇总"), "Hours")
T_SHEET_COVER = _s(CTX, QT_TRANSLATE_NOOP("Excel", "覆盖"), "Coverage")
T_SHEET_RULES = _s(CTX, QT_TRANSLATE_NOOP("Excel", "合规"), "Compliance")
T_SHEET_NOTES = _s(CTX, QT_TRANSLATE_NOOP("Excel", "说明"), "Notes")

# 工时汇总 headers
T_MONTH = _s(CTX, QT_TRANSLATE_NOOP("Excel", "月份"), "Month")
T_DAYS_WORKED = _s(CTX, QT_TRANSLATE_NOOP("Excel", "出勤天数"), "Days worked")
T_WORKING_DATES = _s(CTX, QT_TRANSLATE_NOOP("Excel", "工作日历日数"), "Working dates")
T_PAID = _s(CTX, QT_TRANSLATE_NOOP("Excel", "计薪工时"), "Paid hours")
T_STANDARD = _s(CTX, QT_TRANSLATE_NOOP("Excel", "标准工时"), "Standard hours")
T_OT150 = _s(CTX, QT_TRANSLATE_NOOP("Excel", "工作日延时 150%"), "Extended hours 150%")
T_OT200 = _s(CTX, QT_TRANSLATE_NOOP("Excel", "休息日加班 200%"), "Rest-day overtime 200%")
T_OT300 = _s(CTX, QT_TRANSLATE_NOOP("Excel", "法定节假日 300%"), "Statutory holiday 300%")
T_OT_TOTAL = _s(CTX, QT_TRANSLATE_NOOP("Excel", "加班合计（36 小时上限口径）"), "Overtime for the 36 h cap")
T_PRIOR_OT = _s(CTX, QT_TRANSLATE_NOOP("Excel", "另计：本月期前已加班（小时）"),
                "Plus: overtime earlier this month, before the period (h)")
T_OT_TOTAL_SETTLED = _s(CTX, QT_TRANSLATE_NOOP("Excel", "加班合计（含期前已加班，上限口径）"),
                        "Overtime for the cap (incl. earlier this month)")
T_NIGHT = _s(CTX, QT_TRANSLATE_NOOP("Excel", "夜间工时"), "Night hours")
T_COMP_EARNED = _s(CTX, QT_TRANSLATE_NOOP("Excel", "调休获得（小时）"), "Comp time earned (h)")
T_COMP_TAKEN = _s(CTX, QT_TRANSLATE_NOOP("Excel", "调休使用（小时）"), "Comp time taken (h)")
T_COMP_BALANCE = _s(CTX, QT_TRANSLATE_NOOP("Excel", "本月调休增减（小时）"), "Comp time change this month (h)")
T_COMP_RUNNING = _s(CTX, QT_TRANSLATE_NOOP("Excel", "调休累计余额（小时）"), "Comp time balance to date (h)")
T_LEAVE_DAYS = _s(CTX, QT_TRANSLATE_NOOP("Excel", "{kind}（天）"), "{kind} (days)")
T_PERSON_DAYS = _s(CTX, QT_TRANSLATE_NOOP("Excel", "人天（计费）"), "Person-days (billing)")
T_TOTAL = _s(CTX, QT_TRANSLATE_NOOP("Excel", "合计"), "Total")
T_BILLING = _s(CTX, QT_TRANSLATE_NOOP("Excel", "按自然月计费人天（合同第 5.2 条）"),
               "Person-days per natural month for billing (contract clause 5.2)")
T_PER_PERSON = _s(CTX, QT_TRANSLATE_NOOP("Excel", "按人员汇总（整个排班期）"), "Per person, whole period")
T_SETTLED = _s(CTX, QT_TRANSLATE_NOOP(
    "Excel", "综合计算工时按{period}结算：延时加班（150%）以下表为准，上方月度 150% 仅为当月预估"),
    "Comprehensive hours settle by {period}: the 150% hours below are the ones to pay; the monthly 150% above are "
    "provisional")
T_SETTLE_COL = _s(CTX, QT_TRANSLATE_NOOP("Excel", "结算期"), "Settlement period")
T_CAP = _s(CTX, QT_TRANSLATE_NOOP("Excel", "加班上限（小时）"), "Overtime cap (h)")
T_SETTLE_STATE = _s(CTX, QT_TRANSLATE_NOOP("Excel", "状态"), "State")
T_SETTLE_FINAL = _s(CTX, QT_TRANSLATE_NOOP("Excel", "已结算"), "Settled")
T_SETTLE_PART = _s(CTX, QT_TRANSLATE_NOOP("Excel", "结算期未完（预估）"),
                   "Settlement period not complete (provisional)")
T_WHOLE = _s(CTX, QT_TRANSLATE_NOOP("Excel", "全期"), "All")
T_PERIOD_COL = _s(CTX, QT_TRANSLATE_NOOP("Excel", "期间"), "Period")
T_PEOPLE = _s(CTX, QT_TRANSLATE_NOOP("Excel", "在岗人数"), "Staff on duty")
T_HOURS_NOTE = _s(CTX, QT_TRANSLATE_NOOP(
    "Excel", "工时单位为小时；标准工时按当月日历工作日计算，请假日（含调休）按出勤扣除。150%/200%/300% 为应付加班费的小时数："
             "休息日加班先计入调休，排班中空出的工作日与调休假都算作抵偿（计入“调休使用”），200% 列为本期尚未抵偿的部分，"
             "与调休余额是同一批小时，二者只兑现其一。"
             "“加班合计”是 36 小时月上限的计量口径（SPEC §4：有薪工时减标准工时，法定节假日工时全计），不是各列之和。"),
    "Hours in decimal hours; standard hours from the month's calendar working days, leave days (comp days included) count "
    "as attended. 150%/200%/300% are the hours payable at that rate: rest-day work is first banked as comp time, "
    "given back by workdays the rota leaves off and by comp days (both counted as comp time taken); the "
    "200% column is the part not yet given back, i.e. the same hours as the comp balance — settle each "
    "hour once. \"Overtime for the 36 h cap\" is the cap's measure (SPEC §4: paid minus standard hours, statutory "
    "holiday hours counted in full), not the sum of the rate columns.")

# 覆盖
T_DATE = _s(CTX, QT_TRANSLATE_NOOP("Excel", "日期"), "Date")
T_WEEKDAY = _s(CTX, QT_TRANSLATE_NOOP("Excel", "星期"), "Weekday")
T_ITEM = _s(CTX, QT_TRANSLATE_NOOP("Excel", "项目"), "Item")
T_SCHEDULED = _s(CTX, QT_TRANSLATE_NOOP("Excel", "排班"), "Scheduled")
T_DEMAND = _s(CTX, QT_TRANSLATE_NOOP("Excel", "需求"), "Demand")
T_ALL_STAFF = _s(CTX, QT_TRANSLATE_NOOP("Excel", "总人数"), "All staff")
T_SHORT = _s(CTX, QT_TRANSLATE_NOOP("Excel", "缺口（人·时）"), "Shortfall (person-hours)")
T_COVER_NOTE = _s(CTX, QT_TRANSLATE_NOOP(
    "Excel", "每小时：排班 = 两个半小时时段中在岗人数的较小值，需求 = 较大值；红色 = 人手不足。"),
    "Per hour: scheduled = the smaller head-count of its two 30-minute slots, demand = the larger; red = short.")

# 合规
T_RULE_ID = _s(CTX, QT_TRANSLATE_NOOP("Excel", "规则编号"), "Rule id")
T_RULE = _s(CTX, QT_TRANSLATE_NOOP("Excel", "规则"), "Rule")
T_SOURCE = _s(CTX, QT_TRANSLATE_NOOP("Excel", "法律依据"), "Legal source")
T_RESULT = _s(CTX, QT_TRANSLATE_NOOP("Excel", "结果"), "Result")
T_COUNT = _s(CTX, QT_TRANSLATE_NOOP("Excel", "违规数"), "Violations")
T_PASS = _s(CTX, QT_TRANSLATE_NOOP("Excel", "通过"), "Pass")
T_FAIL = _s(CTX, QT_TRANSLATE_NOOP("Excel", "违规 {n} 条"), "{n} violations")
T_DISABLED = _s(CTX, QT_TRANSLATE_NOOP("Excel", "已停用"), "Disabled")
T_VIOLATIONS = _s(CTX, QT_TRANSLATE_NOOP("Excel", "违规明细"), "Violations")
T_ZERO = _s(CTX, QT_TRANSLATE_NOOP("Excel", "0 违规"), "0 violations")
T_STAFF = _s(CTX, QT_TRANSLATE_NOOP("Excel", "员工"), "Staff")
T_FROM = _s(CTX, QT_TRANSLATE_NOOP("Excel", "开始"), "From")
T_TO = _s(CTX, QT_TRANSLATE_NOOP("Excel", "结束"), "To")
T_MEASURED = _s(CTX, QT_TRANSLATE_NOOP("Excel", "实测"), "Measured")
T_LIMIT = _s(CTX, QT_TRANSLATE_NOOP("Excel", "限值"), "Limit")
T_MESSAGE = _s(CTX, QT_TRANSLATE_NOOP("Excel", "详情"), "Details")

# 说明
T_KEY = _s(CTX, QT_TRANSLATE_NOOP("Excel", "项目"), "Item")
T_VALUE = _s(CTX, QT_TRANSLATE_NOOP("Excel", "内容"), "Value")
T_TEAM = _s(CTX, QT_TRANSLATE_NOOP("Excel", "班组"), "Team")
T_DAYS = _s(CTX, QT_TRANSLATE_NOOP("Excel", "{start} 至 {end}，共 {n} 天"), "{start} to {end}, {n} days")
T_HEADS = _s(CTX, QT_TRANSLATE_NOOP("Excel", "人数"), "Staff")
T_SYSTEM = _s(CTX, QT_TRANSLATE_NOOP("Excel", "工时制度"), "Working-time system")
T_SYS_COMP = _s(CTX, QT_TRANSLATE_NOOP("Excel", "综合计算工时工作制"), "Comprehensive working-hours system")
T_SYS_STD = _s(CTX, QT_TRANSLATE_NOOP("Excel", "标准工时制"), "Standard hours")
T_APPROVAL = _s(CTX, QT_TRANSLATE_NOOP("Excel", "综合工时审批"), "Comprehensive-hours approval")
T_NO_APPROVAL = _s(CTX, QT_TRANSLATE_NOOP("Excel", "未录入审批文号"), "No approval number entered")
T_SETTLEMENT = _s(CTX, QT_TRANSLATE_NOOP("Excel", "结算周期"), "Settlement period")
T_STD_METHOD = _s(CTX, QT_TRANSLATE_NOOP("Excel", "标准工时计算方法"), "Standard-hours method")
T_STD_CAL = _s(CTX, QT_TRANSLATE_NOOP("Excel", "按日历工作日 × 8 小时"), "Calendar working days × 8 h")
T_STD_AVG = _s(CTX, QT_TRANSLATE_NOOP("Excel", "月平均 165.33 小时"), "Monthly average 165.33 h")
T_SHIFTS = _s(CTX, QT_TRANSLATE_NOOP("Excel", "班次"), "Shifts")
T_SHIFT_LINE = _s(CTX, QT_TRANSLATE_NOOP("Excel", "{code} {name} {times}，计薪 {paid} 小时"),
                  "{code} {name} {times}, {paid} paid hours")
T_MIN_REST = _s(CTX, QT_TRANSLATE_NOOP("Excel", "两班之间最少休息（小时）"), "Minimum rest between shifts (h)")
T_MAX_CONSEC = _s(CTX, QT_TRANSLATE_NOOP("Excel", "最多连续工作天数"), "Maximum consecutive working days")
T_WEEKLY_REST = _s(CTX, QT_TRANSLATE_NOOP("Excel", "每 7 天最少休息日"), "Minimum rest days in every 7")
T_MAX_OT = _s(CTX, QT_TRANSLATE_NOOP("Excel", "每月加班上限（小时）"), "Monthly overtime cap (h)")
T_MAX_DAILY = _s(CTX, QT_TRANSLATE_NOOP("Excel", "每日工时上限（小时）"), "Daily hours cap (h)")
T_NIGHT_WIN = _s(CTX, QT_TRANSLATE_NOOP("Excel", "夜间时段"), "Night window")
T_HOL_IN_TOTAL = _s(CTX, QT_TRANSLATE_NOOP("Excel", "节假日工时计入周期总工时"), "Holiday hours in period total")
T_LEAVE_ATT = _s(CTX, QT_TRANSLATE_NOOP("Excel", "带薪假计为出勤"), "Paid leave counts as attended")
T_DISABLED_RULES = _s(CTX, QT_TRANSLATE_NOOP("Excel", "已停用规则"), "Disabled rules")
T_NONE = _s(CTX, QT_TRANSLATE_NOOP("Excel", "无"), "None")
T_YES = _s(CTX, QT_TRANSLATE_NOOP("Excel", "是"), "Yes")
T_NO = _s(CTX, QT_TRANSLATE_NOOP("Excel", "否"), "No")
T_CALENDAR = _s(CTX, QT_TRANSLATE_NOOP("Excel", "日历"), "Calendar")
T_CAL_TEXT = _s(CTX, QT_TRANSLATE_NOOP(
    "Excel", "中国法定节假日与调休安排（holidays {ver}）；用户覆盖：节假日 {h} 天，休息日 {r} 天，工作日 {w} 天"),
    "Chinese public holidays and make-up days (holidays {ver}); user overrides: {h} holidays, {r} rest days, {w} workdays")
T_CAL_WARN_KEY = _s(CTX, QT_TRANSLATE_NOOP("Excel", "日历警告"), "Calendar warning")
T_CAL_WARN = _s(CTX, QT_TRANSLATE_NOOP(
    "Excel", "{years} 年的节假日调休安排为估算（国务院通知尚未发布或未录入），请核对后在“日历”中录入。"),
    "The {years} holiday arrangement is estimated (official notice not published or not entered); check it and enter it in the calendar.")
T_CAL_OK = _s(CTX, QT_TRANSLATE_NOOP("Excel", "排班期内的节假日安排均为官方发布"), "All holiday arrangements in the period are official")
T_CAL_USER = _s(CTX, QT_TRANSLATE_NOOP("Excel", "{years} 年的节假日安排按用户在“日历”中录入的日期（请与国务院通知核对）"),
                "The {years} holiday arrangement follows the dates entered in the calendar (check them against the official notice)")
T_SOLVER_STATUS = _s(CTX, QT_TRANSLATE_NOOP("Excel", "求解状态"), "Solver status")
T_ADVISORIES = _s(CTX, QT_TRANSLATE_NOOP("Excel", "提示（不违规，供审核人核对）"),
                  "Advisories (not violations; for the reviewer to look at)")
T_NO_ADVISORIES = _s(CTX, QT_TRANSLATE_NOOP("Excel", "无"), "None")
T_FAIRNESS = _s(CTX, QT_TRANSLATE_NOOP("Excel", "公平"), "Fairness")
#: solver statuses in words (the code stays in brackets for support)
T_STATUS_WORDS = {
    "OPTIMAL": _s(CTX, QT_TRANSLATE_NOOP("Excel", "最优"), "Optimal"),
    "FEASIBLE": _s(CTX, QT_TRANSLATE_NOOP("Excel", "可行（未证明最优）"), "Feasible (optimality not proven)"),
    "INFEASIBLE": _s(CTX, QT_TRANSLATE_NOOP("Excel", "无合法排班"), "No legal roster"),
    "CANCELLED": _s(CTX, QT_TRANSLATE_NOOP("Excel", "已取消"), "Cancelled"),
}
T_OBJECTIVE = _s(CTX, QT_TRANSLATE_NOOP("Excel", "目标值"), "Objective")
T_BOUND = _s(CTX, QT_TRANSLATE_NOOP("Excel", "下界"), "Bound")
T_GAP = _s(CTX, QT_TRANSLATE_NOOP("Excel", "最优性差距"), "Gap")
T_SECONDS = _s(CTX, QT_TRANSLATE_NOOP("Excel", "求解用时（秒）"), "Solve time (s)")
T_NOT_SOLVED = _s(CTX, QT_TRANSLATE_NOOP("Excel", "未经求解器（手工排班）"), "Not from the solver (hand-made)")
T_VERSION = _s(CTX, QT_TRANSLATE_NOOP("Excel", "软件版本"), "App version")
T_PRIVACY = _s(CTX, QT_TRANSLATE_NOOP("Excel", "隐私"), "Privacy")
T_PRIVACY_TEXT = _s(CTX, QT_TRANSLATE_NOOP("Excel", "本工作簿不含电话号码和身份证号。"),
                    "This workbook contains no phone or ID numbers.")

_SETTLEMENT_ZH = {
    "week": _s(CTX, QT_TRANSLATE_NOOP("Excel", "周"), "Week"),
    "month": _s(CTX, QT_TRANSLATE_NOOP("Excel", "月"), "Month"),
    "quarter": _s(CTX, QT_TRANSLATE_NOOP("Excel", "季"), "Quarter"),
    "year": _s(CTX, QT_TRANSLATE_NOOP("Excel", "年"), "Year"),
}

# ---------------------------------------------------------------------------------------------- styles
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_BORDER_OPEN_BOTTOM = Border(left=_THIN, right=_THIN, top=_THIN)  # stands in for a vertical merge (merges are slow)
_BORDER_OPEN_TOP = Border(left=_THIN, right=_THIN, bottom=_THIN)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=False)
_LEFT_WRAP = Alignment(horizontal="left", vertical="top", wrap_text=True)
_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=16)
_WEEK_TITLE = Font(bold=True, size=13)
_CODE_FONT = Font(bold=True, size=14)
_LEAVE_FONT = Font(italic=True, size=10, color="555555")
_HEADER_FILL = PatternFill("solid", fgColor="E7E6E6")
_HOL_FILL = PatternFill("solid", fgColor="F8C9C4")
_REST_FILL = PatternFill("solid", fgColor="EDEDED")
_MAKEUP_FILL = PatternFill("solid", fgColor="CFE2F3")
_RED_FILL = PatternFill("solid", fgColor="FF9C9C")
_RED_FONT = Font(bold=True, color="9C0006")
_NAME_FONT = Font(size=12)
_SMALL_FONT = Font(size=9)
_ESTIMATE_FONT = Font(bold=True, color="9C0006")  # the estimated-calendar caveat (HD-07)
_GREY_FONT = Font(color="555555")
_HOURS_FMT = "0.0"
_INT_FMT = "0"


# openpyxl hashes every style object on each assignment (slow: ~0.1 ms per cell); a workbook-level cache
# of finished StyleArrays makes styling a copy.  Keys are object ids, so the cache keeps the objects alive;
# it lives on the workbook because StyleArray indexes refer to that workbook's style tables.


def _put(ws: Worksheet, row: int, col: int, value: Any, *, font: Font | None = None, fill: PatternFill | None = None,
         align: Alignment | None = None, border: Border | None = None, fmt: str | None = None):
    """Write one cell; text that Excel could read as a formula is stored as quoted text."""
    c = ws.cell(row=row, column=col)
    c.value = value
    quote = isinstance(value, str) and is_formula_like(value)
    if quote:
        c.data_type = "s"
    key = (id(font), id(fill), id(align), id(border), fmt, quote)
    if key == (id(None), id(None), id(None), id(None), None, False):
        return c
    wb = ws.parent
    cache = getattr(wb, "_export_style_cache", None)
    if cache is None:
        cache = wb._export_style_cache = {}
    hit = cache.get(key)
    if hit is not None:
        c._style = copy.copy(hit[0])
        return c
    if quote:
        c.quotePrefix = True
    if font is not None:
        c.font = font
    if fill is not None:
        c.fill = fill
    if align is not None:
        c.alignment = align
    if border is not None:
        c.border = border
    if fmt is not None:
        c.number_format = fmt
    cache[key] = (copy.copy(c._style), (font, fill, align, border))
    return c


def _fill(color: str) -> PatternFill:
    hexcol = color.lstrip("#").upper()
    if len(hexcol) == 3:
        hexcol = "".join(ch * 2 for ch in hexcol)
    if len(hexcol) != 6 or any(ch not in "0123456789ABCDEF" for ch in hexcol):
        hexcol = "CCCCCC"
    return PatternFill("solid", fgColor=hexcol)


def _day_fill(cal: WorkCalendar, day: dt.date) -> PatternFill | None:
    kind = cal.day_type(day)
    if kind == DayType.HOLIDAY:
        return _HOL_FILL
    if kind == DayType.RESTDAY:
        return _REST_FILL
    if day.weekday() >= 5:
        return _MAKEUP_FILL
    return None


def _staff_id(row: Any) -> str:
    s = getattr(row, "staff", None)
    return str(getattr(s, "id", s))


# ---------------------------------------------------------------------------------------------- 排班表
ROTA_COLS = 2 + 7  # name, employee no., Mon..Sun


def _write_rota(ws: Worksheet, scenario: Scenario, roster: Roster, cal: WorkCalendar, lang: str) -> None:
    t = lambda s: xtr("Rota", s, lang)  # noqa: E731
    staff = rota_staff(scenario, roster)
    by_sd = roster.by_staff_date()
    counts = counts_by_date(roster)
    codes = shift_codes_in_use(scenario, roster)
    shift_map = scenario.shift_map()
    fills = {s.code: _fill(s.color) for s in scenario.shifts}

    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 11
    for c in range(3, ROTA_COLS + 1):
        ws.column_dimensions[get_column_letter(c)].width = 13

    title = f"{team_name(scenario, lang)}  {t(T_ROTA)}"
    _put(ws, 1, 1, title, font=_TITLE, align=_LEFT)
    note = estimated_note(cal, roster.start, roster.end, lang)  # in the title rows: repeated on every page
    _put(ws, 2, 1, f"{t(T_PERIOD)} {roster.start.isoformat()} – {roster.end.isoformat()}    {t(T_MARKS)}"
         + (f"    {note}" if note else ""), align=_LEFT, font=_ESTIMATE_FONT if note else None)
    ws.row_dimensions[1].height = 26

    row = 4
    for n, week in enumerate(week_blocks(roster), start=1):
        days = [d for d in week if d is not None]
        _put(ws, row, 1, f"{t(T_WEEK).format(n=n)}  {days[0].isoformat()} – {days[-1].isoformat()}", font=_WEEK_TITLE,
             align=_LEFT)
        row += 1
        # two header rows: date, then weekday + 节/休/班
        _put(ws, row, 1, t(T_NAME), font=_BOLD, fill=_HEADER_FILL, align=_CENTER, border=_BORDER_OPEN_BOTTOM)
        _put(ws, row, 2, t(T_EMPNO), font=_BOLD, fill=_HEADER_FILL, align=_CENTER, border=_BORDER_OPEN_BOTTOM)
        _put(ws, row + 1, 1, None, fill=_HEADER_FILL, border=_BORDER_OPEN_TOP)
        _put(ws, row + 1, 2, None, fill=_HEADER_FILL, border=_BORDER_OPEN_TOP)
        for i, d in enumerate(week):
            col = 3 + i
            if d is None:
                _put(ws, row, col, None, fill=_HEADER_FILL, border=_BORDER)
                _put(ws, row + 1, col, None, fill=_HEADER_FILL, border=_BORDER)
                continue
            fill = _day_fill(cal, d) or _HEADER_FILL
            label = f"{d.month}/{d.day}" if lang != "zh" else f"{d.month}月{d.day}日"
            _put(ws, row, col, label, font=_BOLD, fill=fill, align=_CENTER, border=_BORDER)
            mark = day_mark(cal, d, lang)
            _put(ws, row + 1, col, f"{xtr('Rota', _weekday_src(d), lang)} {mark}".strip(), font=_BOLD, fill=fill,
                 align=_CENTER, border=_BORDER)
        row += 2
        # staff rows
        for p in staff:
            _put(ws, row, 1, p.name, align=_LEFT, border=_BORDER, font=_NAME_FONT)
            _put(ws, row, 2, p.employee_no, align=_CENTER, border=_BORDER)
            for i, d in enumerate(week):
                col = 3 + i
                if d is None:
                    _put(ws, row, col, None, border=_BORDER)
                    continue
                a = by_sd.get((p.id, d))
                if a is not None:
                    _put(ws, row, col, a.shift, font=_CODE_FONT, fill=fills.get(a.shift), align=_CENTER,
                         border=_BORDER)
                    continue
                lv = p.leave_on(d)
                if lv is not None:
                    _put(ws, row, col, leave_label(lv.kind, lang), font=_LEAVE_FONT, align=_CENTER, border=_BORDER)
                elif not p.employed_on(d):
                    _put(ws, row, col, "—", font=_LEAVE_FONT, align=_CENTER, border=_BORDER)
                else:
                    _put(ws, row, col, None, border=_BORDER)
            ws.row_dimensions[row].height = 21
            row += 1
        # head-count rows: one per shift template, then the total
        for code in codes:
            sh = shift_map.get(code)
            label = f"{code} {sh.name}" if sh else code
            _put(ws, row, 1, label, align=_LEFT, border=_BORDER, fill=fills.get(code))
            _put(ws, row, 2, None, border=_BORDER, fill=fills.get(code))
            for i, d in enumerate(week):
                value = counts.get(d, {}).get(code, 0) if d is not None else None
                _put(ws, row, 3 + i, value, align=_CENTER, border=_BORDER, fmt=_INT_FMT)
            row += 1
        _put(ws, row, 1, t(T_HEADCOUNT), font=_BOLD, align=_LEFT, border=_BORDER, fill=_HEADER_FILL)
        _put(ws, row, 2, None, border=_BORDER, fill=_HEADER_FILL)
        for i, d in enumerate(week):
            value = sum(counts.get(d, {}).values()) if d is not None else None
            _put(ws, row, 3 + i, value, font=_BOLD, align=_CENTER, border=_BORDER, fill=_HEADER_FILL, fmt=_INT_FMT)
        row += 1
        # legend: one coloured cell per shift with code, name and times
        _put(ws, row, 1, t(T_LEGEND), font=_BOLD, align=_LEFT)
        col = 3
        for sh in scenario.shifts:
            if col > ROTA_COLS:
                break
            _put(ws, row, col, f"{sh.code} {sh.name}\n{shift_times(sh)}", fill=fills[sh.code], align=_CENTER,
                 border=_BORDER, font=_SMALL_FONT)
            col += 1
        ws.row_dimensions[row].height = 30
        row += 1
        # sign-off line
        blank = "________________"
        c = colon(lang)
        _put(ws, row, 1, f"{t(T_SIGN_BY)}{c}{blank}", align=_LEFT)
        _put(ws, row, 4, f"{t(T_SIGN_CHECK)}{c}{blank}", align=_LEFT)
        _put(ws, row, 7, f"{t(T_SIGN_DATE)}{c}{blank}", align=_LEFT)
        ws.row_dimensions[row].height = 28
        ws.row_breaks.append(Break(id=row))
        row += 2

    ws.freeze_panes = "C3"
    ws.print_title_rows = "1:2"
    _print_setup(ws)


def _weekday_src(d: dt.date) -> str:
    from ._common import _WEEKDAYS_ZH

    return _WEEKDAYS_ZH[d.weekday()]


def _print_setup(ws: Worksheet) -> None:
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5


# ---------------------------------------------------------------------------------------------- 工时汇总
_LEAVE_ORDER = list(LeaveKind)


def _leave_kind_key(key: str) -> LeaveKind:
    try:
        return LeaveKind(key)
    except ValueError:
        for k, zh in LEAVE_LABELS_ZH.items():
            if zh == key:
                return k
        return LeaveKind.OTHER


_DAYS_FMT = "General"  # person-days: integers without a trailing "." (Excel shows 3 for "0.##" as "3.")
HOUR_FIELDS = ("paid_hours", "standard_hours", "ot150_hours", "ot200_hours", "ot300_hours",
               "overtime_total_hours", "prior_overtime_hours", "night_hours", "comp_earned_hours", "comp_taken_hours", "comp_balance_hours")


def _write_hours(ws: Worksheet, scenario: Scenario, roster: Roster, cal: WorkCalendar, lang: str) -> None:
    from roster.hours import month_hours, settled_totals_by_staff
    from roster.hours import totals as hours_totals

    t = lambda s: xtr(CTX, s, lang)  # noqa: E731
    rows = list(month_hours(scenario, roster, cal=cal))
    order = {p.id: i for i, p in enumerate(scenario.staff)}
    rows.sort(key=lambda r: (r.year, r.month, order.get(_staff_id(r), 10**6), _staff_id(r)))
    names = {p.id: p for p in scenario.staff}

    headers: list[tuple[str, str, str | None]] = [  # (header, field, number format)
        (xtr("Rota", T_NAME, lang), "", None),
        (xtr("Rota", T_EMPNO, lang), "", None),
        (t(T_MONTH), "", None),
        (t(T_DAYS_WORKED), "days_worked", _INT_FMT),
        (t(T_WORKING_DATES), "working_dates", _INT_FMT),
        (t(T_PAID), "paid_hours", _HOURS_FMT),
        (t(T_STANDARD), "standard_hours", _HOURS_FMT),
        (t(T_OT150), "ot150_hours", _HOURS_FMT),
        (t(T_OT200), "ot200_hours", _HOURS_FMT),
        (t(T_OT300), "ot300_hours", _HOURS_FMT),
        (t(T_OT_TOTAL), "overtime_total_hours", _HOURS_FMT),
        # the history's overtime of the start month counts toward the same cap (sweep #14 F8: the cap column alone
        # showed 4 h where the cap measured 24 h)
        (t(T_PRIOR_OT), "prior_overtime_hours", _HOURS_FMT),
        (t(T_NIGHT), "night_hours", _HOURS_FMT),
        (t(T_COMP_EARNED), "comp_earned_hours", _HOURS_FMT),
        (t(T_COMP_TAKEN), "comp_taken_hours", _HOURS_FMT),
        (t(T_COMP_BALANCE), "comp_balance_hours", _HOURS_FMT),
        (t(T_COMP_RUNNING), "comp_running", _HOURS_FMT),
    ]
    headers += [(t(T_LEAVE_DAYS).format(kind=leave_label(k, lang)), f"leave:{k.value}", _INT_FMT)
                for k in _LEAVE_ORDER]
    headers.append((t(T_PERSON_DAYS), "person_days", _DAYS_FMT))

    for col, (h, _f, _fmt) in enumerate(headers, start=1):
        _put(ws, 1, col, h, font=_BOLD, fill=_HEADER_FILL, align=_CENTER, border=_BORDER)
        ws.column_dimensions[get_column_letter(col)].width = 10 if col > 3 else 12
    ws.row_dimensions[1].height = 45

    def write_row(r: int, mh: Any, label: str, empno: str, month: str | None, *, bold: bool = False) -> None:
        font, fill = (_BOLD, _HEADER_FILL) if bold else (None, None)
        leave: dict[str, int] = {}
        for k, v in (mh.leave_days or {}).items():
            kk = _leave_kind_key(str(k)).value
            leave[kk] = leave.get(kk, 0) + v
        _put(ws, r, 1, label, border=_BORDER, font=font, fill=fill)
        _put(ws, r, 2, empno, border=_BORDER, font=font, fill=fill)
        _put(ws, r, 3, month, border=_BORDER, align=_CENTER, font=font, fill=fill)
        for col, (_h, f, fmt) in enumerate(headers[3:], start=4):
            if f.startswith("leave:"):
                value: Any = leave.get(f[6:], 0)
            elif f == "working_dates":
                value = working_dates_total.get(id(mh), len(mh.working_dates))
            elif f == "comp_running":
                value = running.get(id(mh), 0.0)
            else:
                value = getattr(mh, f)
            _put(ws, r, col, value, border=_BORDER, fmt=fmt, font=font, fill=fill)

    working_dates_total: dict[int, int] = {}  # totals rows: sum of per-person dates, not distinct dates
    running: dict[int, float] = {}  # per row: the person's comp balance from the period start to that month's end
    balance: dict[str, float] = {}
    for mh in sorted(rows, key=lambda x: (x.year, x.month)):
        sid = _staff_id(mh)
        balance[sid] = round(balance.get(sid, 0.0) + (mh.comp_balance_hours or 0.0), 2)
        running[id(mh)] = balance[sid]
    r = 2
    for mh in rows:
        sid = _staff_id(mh)
        p = names.get(sid)
        write_row(r, mh, p.name if p else sid, p.employee_no if p else "", f"{mh.year}-{mh.month:02d}")
        r += 1
    by_staff = settled_totals_by_staff(scenario, rows)  # quarter/year: the settled 150 %, not the months' estimates
    grand = replace(hours_totals(rows, staff=t(T_TOTAL)),
                    ot150_hours=round(sum(x.ot150_hours for x in by_staff.values()), 2),
                    overtime_total_hours=round(sum(x.overtime_total_hours for x in by_staff.values()), 2))
    working_dates_total[id(grand)] = sum(len(m.working_dates) for m in rows)
    running[id(grand)] = round(sum(balance.values()), 2)  # everybody's balance at the period end
    write_row(r, grand, t(T_TOTAL), "", None, bold=True)
    total_row = r
    r += 2
    _put(ws, r, 1, t(T_HOURS_NOTE), align=_LEFT)
    r += 2
    # billing: person-days per natural month
    _put(ws, r, 1, t(T_BILLING), font=_BOLD, align=_LEFT)
    r += 1
    for col, h in enumerate((t(T_MONTH), t(T_PEOPLE), t(T_PERSON_DAYS), t(T_PAID)), start=1):
        _put(ws, r, col, h, font=_BOLD, fill=_HEADER_FILL, align=_CENTER, border=_BORDER)
    r += 1
    months: dict[tuple[int, int], list[Any]] = {}
    for mh in rows:
        months.setdefault((mh.year, mh.month), []).append(mh)
    for (y, m), group in sorted(months.items()):
        _put(ws, r, 1, f"{y}-{m:02d}", border=_BORDER, align=_CENTER)
        _put(ws, r, 2, sum(1 for g in group if (g.person_days or 0) > 0), border=_BORDER, fmt=_INT_FMT)
        _put(ws, r, 3, sum(g.person_days or 0 for g in group), border=_BORDER, fmt=_DAYS_FMT)
        _put(ws, r, 4, sum(g.paid_hours or 0 for g in group), border=_BORDER, fmt=_HOURS_FMT)
        r += 1
    # per person over the whole period (调休 balance, overtime used)
    r += 1
    _put(ws, r, 1, t(T_PER_PERSON), font=_BOLD, align=_LEFT)
    r += 1
    for col, (h, _f, _fmt) in enumerate(headers, start=1):
        _put(ws, r, col, h if col != 3 else t(T_PERIOD_COL), font=_BOLD, fill=_HEADER_FILL, align=_CENTER,
             border=_BORDER)
    r += 1
    period = t(T_WHOLE)
    for sid in sorted(by_staff, key=lambda x: order.get(x, 10**6)):
        tot = by_staff[sid]
        working_dates_total[id(tot)] = sum(len(m.working_dates) for m in rows if _staff_id(m) == sid)
        running[id(tot)] = balance.get(sid, 0.0)  # the balance at the period end
        p = names.get(sid)
        write_row(r, tot, p.name if p else sid, p.employee_no if p else "", period)
        r += 1
    if (scenario.rules.working_time_system == "comprehensive"
            and str(scenario.rules.settlement_period) in ("quarter", "year")):
        r = _write_settlement(ws, r + 1, scenario, rows, names, order, lang)
    ws.freeze_panes = "D2"
    ws.print_title_rows = "1:1"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(1, total_row - 1)}"
    _print_setup(ws)


def _settlement_bounds(scenario: Scenario, day: dt.date) -> tuple[dt.date, dt.date]:
    """First and last date of the quarter or year (the settlement period) holding ``day``."""
    if str(scenario.rules.settlement_period) == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    q0 = 3 * ((day.month - 1) // 3) + 1
    last_month = q0 + 2
    nxt = dt.date(day.year + (last_month == 12), last_month % 12 + 1, 1)
    return dt.date(day.year, q0, 1), nxt - dt.timedelta(days=1)


def _write_settlement(ws: Worksheet, r: int, scenario: Scenario, rows: list, names: dict, order: dict,
                      lang: str) -> int:
    """综合计算工时 with a quarter/year settlement period: the 150 % excess settled over each period (CH-01)."""
    from roster.hours import settlement_hours

    t = lambda s: xtr(CTX, s, lang)  # noqa: E731
    period = t(_SETTLEMENT_ZH.get(str(scenario.rules.settlement_period), str(scenario.rules.settlement_period)))
    _put(ws, r, 1, t(T_SETTLED).format(period=period), font=_BOLD, align=_LEFT)
    r += 1
    heads = (xtr("Rota", T_NAME, lang), xtr("Rota", T_EMPNO, lang), t(T_SETTLE_COL), t(T_PAID), t(T_STANDARD), t(T_OT150),
             t(T_OT300), t(T_OT_TOTAL_SETTLED), t(T_CAP), t(T_SETTLE_STATE))  # the history's overtime included
    for col, h in enumerate(heads, start=1):
        _put(ws, r, col, h, font=_BOLD, fill=_HEADER_FILL, align=_CENTER, border=_BORDER)
    r += 1
    settled = sorted(settlement_hours(scenario, rows), key=lambda x: (order.get(x.staff, 10**6), x.first))
    for x in settled:
        p = names.get(x.staff)
        whole = _settlement_bounds(scenario, x.first)
        state = t(T_SETTLE_FINAL) if (x.first, x.last) == whole else t(T_SETTLE_PART)
        values = (p.name if p else x.staff, p.employee_no if p else "", f"{x.first.isoformat()} – {x.last.isoformat()}",
                  x.paid_hours, x.standard_hours, x.ot150_hours, x.ot300_hours, x.overtime_total_hours,
                  x.overtime_cap_hours, state)
        for col, v in enumerate(values, start=1):
            _put(ws, r, col, v, border=_BORDER, fmt=_HOURS_FMT if 3 < col < 10 else None)
        r += 1
    return r


# ---------------------------------------------------------------------------------------------- 覆盖
def _write_coverage(ws: Worksheet, scenario: Scenario, roster: Roster, cal: WorkCalendar, lang: str) -> None:
    t = lambda s: xtr(CTX, s, lang)  # noqa: E731
    counts = slot_counts(scenario, roster)
    heads = [t(T_DATE), t(T_WEEKDAY), t(T_ITEM)] + [f"{h:02d}" for h in range(24)] + [t(T_SHORT)]
    for col, h in enumerate(heads, start=1):
        _put(ws, 1, col, h, font=_BOLD, fill=_HEADER_FILL, align=_CENTER, border=_BORDER)
    ws.column_dimensions["A"].width = 11
    ws.column_dimensions["B"].width = 8
    ws.column_dimensions["C"].width = 12
    for col in range(4, 28):
        ws.column_dimensions[get_column_letter(col)].width = 4.2
    ws.column_dimensions[get_column_letter(28)].width = 10
    r = 2
    all_label = t(T_ALL_STAFF)
    sched, need = t(T_SCHEDULED), t(T_DEMAND)
    for di, d in enumerate(roster.dates()):
        dem = demand_for_date(scenario, d, cal)
        wd = f"{xtr('Rota', _weekday_src(d), lang)} {day_mark(cal, d, lang)}".strip()
        keys: list[str | None] = [None] + sorted(k for k in dem if k is not None and any(dem[k]))
        for key in keys:
            have = counts.get(key) or [0] * (roster.days * SLOTS_PER_DAY)
            want = dem.get(key, [0] * SLOTS_PER_DAY)
            label = all_label if key is None else key
            _put(ws, r, 1, d, fmt="yyyy-mm-dd", border=_BORDER)
            _put(ws, r, 2, wd, border=_BORDER, align=_CENTER)
            _put(ws, r, 3, f"{sched} {label}", border=_BORDER)
            _put(ws, r + 1, 1, d, fmt="yyyy-mm-dd", border=_BORDER)
            _put(ws, r + 1, 2, wd, border=_BORDER, align=_CENTER)
            _put(ws, r + 1, 3, f"{need} {label}", border=_BORDER)
            short_slots = 0
            base = di * SLOTS_PER_DAY
            for h in range(24):
                s0, s1 = base + 2 * h, base + 2 * h + 1
                sc = min(have[s0], have[s1])
                dm = max(want[2 * h], want[2 * h + 1])
                short = have[s0] < want[2 * h] or have[s1] < want[2 * h + 1]
                short_slots += max(0, want[2 * h] - have[s0]) + max(0, want[2 * h + 1] - have[s1])
                if short:
                    _put(ws, r, 4 + h, sc, border=_BORDER, align=_CENTER, fill=_RED_FILL, font=_RED_FONT)
                else:
                    _put(ws, r, 4 + h, sc, border=_BORDER, align=_CENTER)
                _put(ws, r + 1, 4 + h, dm, border=_BORDER, align=_CENTER, font=_GREY_FONT)
            gap = short_slots * SLOT_MINUTES / 60
            if gap:
                _put(ws, r, 28, gap, border=_BORDER, fmt=_HOURS_FMT, fill=_RED_FILL, font=_RED_FONT)
            else:
                _put(ws, r, 28, gap, border=_BORDER, fmt=_HOURS_FMT)
            r += 2
    r += 1
    _put(ws, r, 1, t(T_COVER_NOTE), align=_LEFT)
    ws.freeze_panes = "D2"
    ws.print_title_rows = "1:1"
    _print_setup(ws)


# ---------------------------------------------------------------------------------------------- 合规
def _text_lines(text: str, width: float) -> int:
    """Lines a wrapped cell needs: CJK characters are two columns wide, each line break starts a line (Excel and
    LibreOffice have no auto-height on open)."""
    lines = 0
    for part in text.split("\n"):
        cols = sum(2 if ord(ch) > 0x2E80 else 1 for ch in part)
        lines += max(1, -(-cols // int(width)))
    return min(8, lines)


def _fmt_when(x: Any) -> Any:
    if isinstance(x, dt.datetime):
        return x.strftime("%Y-%m-%d %H:%M")
    if isinstance(x, dt.date):
        return x.isoformat()
    return x


def _write_compliance(ws: Worksheet, scenario: Scenario, roster: Roster, lang: str) -> None:
    from roster.validator import RULES, check, format_violation, source_text

    t = lambda s: xtr(CTX, s, lang)  # noqa: E731
    violations = list(check(scenario, roster))
    per_rule: dict[str, int] = {}
    for v in violations:
        per_rule[v.rule] = per_rule.get(v.rule, 0) + 1
    disabled = set(scenario.rules.disabled)
    for col, h in enumerate((t(T_RULE_ID), t(T_RULE), t(T_SOURCE), t(T_RESULT), t(T_COUNT)), start=1):
        _put(ws, 1, col, h, font=_BOLD, fill=_HEADER_FILL, align=_CENTER, border=_BORDER)
    for col, w in zip("ABCDEFGH", (24, 30, 46, 14, 9, 20, 20, 60), strict=True):
        ws.column_dimensions[col].width = w
    r = 2
    for rid, info in RULES.items():
        n = per_rule.get(rid, 0)
        name = info.name_en if lang == "en" and getattr(info, "name_en", "") else info.name_zh
        _put(ws, r, 1, rid, border=_BORDER, align=_LEFT_WRAP)
        _put(ws, r, 2, name, border=_BORDER, align=_LEFT_WRAP)
        _put(ws, r, 3, source_text(info.source, lang), border=_BORDER, align=_LEFT_WRAP)
        if rid in disabled:
            _put(ws, r, 4, t(T_DISABLED), border=_BORDER, align=_CENTER)
        elif n:
            _put(ws, r, 4, t(T_FAIL).format(n=n), border=_BORDER, align=_CENTER, fill=_RED_FILL, font=_RED_FONT)
        else:
            _put(ws, r, 4, t(T_PASS), border=_BORDER, align=_CENTER)
        _put(ws, r, 5, n, border=_BORDER, fmt=_INT_FMT, align=_CENTER)
        ws.row_dimensions[r].height = 15 * _text_lines(source_text(info.source, lang), 44)  # wrapped text needs room
        r += 1
    r += 1
    _put(ws, r, 1, t(T_VIOLATIONS), font=_WEEK_TITLE)
    r += 1
    if not violations:
        _put(ws, r, 1, t(T_ZERO), font=_BOLD)
        _write_advisories(ws, r + 2, scenario, roster, lang)
        ws.freeze_panes = "A2"
        _print_setup(ws)
        return
    heads = (t(T_RULE_ID), t(T_STAFF), t(T_FROM), t(T_TO), t(T_MEASURED), t(T_LIMIT), t(T_SOURCE), t(T_MESSAGE))
    for col, h in enumerate(heads, start=1):
        _put(ws, r, col, h, font=_BOLD, fill=_HEADER_FILL, align=_CENTER, border=_BORDER)
    r += 1
    names = {p.id: p.name for p in scenario.staff}
    for v in violations:
        values = (v.rule, names.get(v.staff, v.staff) if v.staff else "", _fmt_when(v.start), _fmt_when(v.end),
                  v.measured, v.limit, source_text(v.source, lang), format_violation(v, lang))
        for col, value in enumerate(values, start=1):
            _put(ws, r, col, value, border=_BORDER, align=_LEFT_WRAP if col in (7, 8) else None)
        ws.row_dimensions[r].height = 15 * max(_text_lines(str(values[6]), 44), _text_lines(str(values[7]), 58))
        r += 1
    _write_advisories(ws, r + 1, scenario, roster, lang)
    ws.freeze_panes = "A2"
    _print_setup(ws)


def _write_advisories(ws: Worksheet, r: int, scenario: Scenario, roster: Roster, lang: str) -> None:
    """labour-law §4's warnings (roster.advisories) below the violations: allowed, listed for the supervisor."""
    from roster.advisories import advisories

    t = lambda s: xtr(CTX, s, lang)  # noqa: E731
    items = advisories(scenario, roster)
    _put(ws, r, 1, t(T_ADVISORIES), font=_WEEK_TITLE)
    r += 1
    if not items:
        _put(ws, r, 1, t(T_NO_ADVISORIES))
        return
    names = {p.id: p.name for p in scenario.staff}
    for col, h in enumerate((t(T_RULE_ID), t(T_STAFF), t(T_MESSAGE)), start=1):
        _put(ws, r, col, h, font=_BOLD, fill=_HEADER_FILL, align=_CENTER, border=_BORDER)
    r += 1
    for adv in items:
        text = adv.text(lang)
        for col, value in enumerate((adv.source or t(T_FAIRNESS), names.get(adv.staff, adv.staff), text), start=1):
            _put(ws, r, col, value, border=_BORDER, align=_LEFT_WRAP if col == 3 else None)
        ws.merge_cells(start_row=r, start_column=3, end_row=r, end_column=8)
        ws.row_dimensions[r].height = 15 * _text_lines(text, 150)
        r += 1


# ---------------------------------------------------------------------------------------------- 说明
def _app_version() -> str:
    try:
        return importlib.metadata.version("roster")
    except importlib.metadata.PackageNotFoundError:
        return "0+unknown"


def _solver_lines(info: dict | None, lang: str) -> list[tuple[str, Any]]:
    t = lambda s: xtr(CTX, s, lang)  # noqa: E731
    if not info or not info.get("status"):
        return [(t(T_SOLVER_STATUS), t(T_NOT_SOLVED))]
    code = str(info.get("status"))
    tag = f" ({code})" if lang.startswith("en") else f"（{code}）"
    words = t(T_STATUS_WORDS[code]) + tag if code in T_STATUS_WORDS else code
    out: list[tuple[str, Any]] = [(t(T_SOLVER_STATUS), words)]
    obj, bound = info.get("objective"), info.get("bound")
    if obj is not None:
        out.append((t(T_OBJECTIVE), obj))
    if bound is not None:
        out.append((t(T_BOUND), bound))
    gap = info.get("gap")
    if gap is None and isinstance(obj, (int, float)) and isinstance(bound, (int, float)):
        gap = abs(obj - bound) / max(1.0, abs(obj))
    if gap is not None:
        out.append((t(T_GAP), f"{gap:.2%}"))
    if info.get("seconds") is not None:
        secs = info.get("seconds")
        out.append((t(T_SECONDS), round(secs, 1) if isinstance(secs, (int, float)) else secs))
    return out


def _write_notes(ws: Worksheet, scenario: Scenario, roster: Roster, cal: WorkCalendar, lang: str,
                 solver_info: dict | None, generated_at: dt.datetime, fallback: str | None = None) -> None:
    t = lambda s: xtr(CTX, s, lang)  # noqa: E731
    rules = scenario.rules
    yes_no = lambda b: t(T_YES) if b else t(T_NO)  # noqa: E731
    approval = rules.approval
    if approval.number:
        appr = approval.number + (f"（{approval.valid_from or ''} – {approval.valid_to or ''}）"
                                  if approval.valid_from or approval.valid_to else "")
    else:
        appr = t(T_NO_APPROVAL)
    try:
        import holidays as _h

        hol_ver = _h.__version__
    except Exception:  # pragma: no cover
        hol_ver = "?"
    o = scenario.calendar
    est = cal.estimated_years(roster.start, roster.end)
    lines: list[tuple[str, Any]] = [
        (t(T_TEAM), team_name(scenario, lang)),
        (xtr("Rota", T_PERIOD, lang), t(T_DAYS).format(start=roster.start.isoformat(), end=roster.end.isoformat(),
                                                     n=roster.days)),
        (t(T_HEADS), len(rota_staff(scenario, roster))),
        (t(T_SYSTEM), t(T_SYS_COMP) if rules.working_time_system == "comprehensive" else t(T_SYS_STD)),
        (t(T_APPROVAL), appr + (f"\n{fallback}" if fallback else "")),
        (t(T_SETTLEMENT), t(_SETTLEMENT_ZH.get(str(rules.settlement_period), str(rules.settlement_period)))
         + (f"\n{week}" if (week := settlement_alert(scenario, roster.start, roster.end, lang)) else "")),
        (t(T_STD_METHOD), t(T_STD_AVG) if rules.standard_hours_method == "average" else t(T_STD_CAL)),
        (t(T_MIN_REST), rules.min_rest_hours),
        (t(T_MAX_CONSEC), rules.max_consecutive_days),
        (t(T_WEEKLY_REST), rules.min_rest_days_per_week),
        (t(T_MAX_OT), rules.max_overtime_hours_per_month),
        (t(T_MAX_DAILY), rules.effective_daily_cap_hours()),
        (t(T_NIGHT_WIN), f"{fmt_hhmm(rules.night_window[0])}–{fmt_hhmm(rules.night_window[1])}"),
        (t(T_HOL_IN_TOTAL), yes_no(rules.holiday_hours_in_period_total)),
        (t(T_LEAVE_ATT), yes_no(rules.leave_counts_as_attended)),
        (t(T_DISABLED_RULES), "、".join(sorted(rules.disabled)) or t(T_NONE)),
    ]
    for sh in scenario.shifts:
        lines.append((t(T_SHIFTS), t(T_SHIFT_LINE).format(code=sh.code, name=sh.name, times=shift_times(sh),
                                                          paid=f"{sh.paid_minutes / 60:g}")))
    lines.append((t(T_CALENDAR), t(T_CAL_TEXT).format(ver=hol_ver, h=len(o.holidays), r=len(o.restdays),
                                                      w=len(o.workdays))))
    # years after the last published arrangement whose estimate the user has confirmed or changed by hand
    entered = sorted({y for y in range(roster.start.year, roster.end.year + 1) if y > LAST_PUBLISHED_YEAR} - set(est))
    if est:
        lines.append((t(T_CAL_WARN_KEY), t(T_CAL_WARN).format(years="、".join(str(y) for y in est))))
    elif entered:
        lines.append((t(T_CAL_WARN_KEY), t(T_CAL_USER).format(years="、".join(str(y) for y in entered))))
    else:
        lines.append((t(T_CAL_WARN_KEY), t(T_CAL_OK)))
    lines += _solver_lines(solver_info if solver_info is not None else roster.solver, lang)
    lines.append((xtr("Rota", T_GENERATED, lang), generated_at.strftime("%Y-%m-%d %H:%M:%S")))
    lines.append((t(T_VERSION), f"roster {_app_version()}"))
    lines.append((t(T_PRIVACY), t(T_PRIVACY_TEXT)))

    _put(ws, 1, 1, t(T_KEY), font=_BOLD, fill=_HEADER_FILL, border=_BORDER)
    _put(ws, 1, 2, t(T_VALUE), font=_BOLD, fill=_HEADER_FILL, border=_BORDER)
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 90
    for r, (k, v) in enumerate(lines, start=2):
        _put(ws, r, 1, k, border=_BORDER, font=_BOLD)
        warn = k == t(T_CAL_WARN_KEY) and bool(est)
        _put(ws, r, 2, v, border=_BORDER, align=_LEFT_WRAP, fill=_RED_FILL if warn else None,
             font=_RED_FONT if warn else None)
        lines = _text_lines(str(v), 88)
        if lines > 1:  # an alert under the settlement period or the approval
            ws.row_dimensions[r].height = 15 * lines
    _print_setup(ws)


# ---------------------------------------------------------------------------------------------- API
def sheet_names(lang: str = "zh") -> list[str]:
    return [xtr("Rota", T_ROTA, lang), xtr(CTX, T_SHEET_HOURS, lang), xtr(CTX, T_SHEET_COVER, lang),
            xtr(CTX, T_SHEET_RULES, lang), xtr(CTX, T_SHEET_NOTES, lang)]


def build_workbook(scenario: Scenario, roster: Roster, *, lang: str = "zh", solver_info: dict | None = None,
                   generated_at: dt.datetime | None = None) -> Workbook:
    """The workbook in memory (see module docstring); :func:`write_workbook` saves it atomically."""
    fallback = scenario.fallback_alert(roster.start, roster.end, lang)
    scenario = scenario.for_period(roster.start, roster.end)  # the rules in force (approval, CH-04)
    cal = WorkCalendar.of(scenario)
    wb = Workbook()
    names = sheet_names(lang)
    rota = wb.active
    rota.title = names[0]
    _write_rota(rota, scenario, roster, cal, lang)
    _write_hours(wb.create_sheet(names[1]), scenario, roster, cal, lang)
    _write_coverage(wb.create_sheet(names[2]), scenario, roster, cal, lang)
    _write_compliance(wb.create_sheet(names[3]), scenario, roster, lang)
    _write_notes(wb.create_sheet(names[4]), scenario, roster, cal, lang, solver_info,
                 generated_at or dt.datetime.now().replace(microsecond=0), fallback)
    del wb._export_style_cache
    wb.properties.creator = f"roster {_app_version()}"
    wb.properties.title = f"{team_name(scenario, lang)} {xtr('Rota', T_ROTA, lang)}"
    return wb


def write_workbook(path: str | os.PathLike, scenario: Scenario, roster: Roster, *, lang: str = "zh",
                   solver_info: dict | None = None, generated_at: dt.datetime | None = None) -> None:
    """Write the HR / wall workbook to ``path`` atomically; raises :class:`exports.safe_write.ExportError`."""
    wb = build_workbook(scenario, roster, lang=lang, solver_info=solver_info, generated_at=generated_at)
    atomic_write(path, lambda tmp: wb.save(tmp))
