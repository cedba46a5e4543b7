"""The embedded sample: a fictional 13-person 12345 hotline team (什刹海 接诉即办).

Demand is sized so that a legal roster exists in every month of the contract year: 2 people at night,
3 in the day, 2 in the evening, 2 extra office staff (G) on workdays, ≥ 1 审核 on workday office hours.
"""

from __future__ import annotations

import datetime as dt

from .model import (
    DEFAULT_WEIGHTS,
    Approval,
    DateRange,
    DemandRule,
    Leave,
    LeaveKind,
    Protected,
    ProtectedKind,
    Request,
    Rules,
    Scenario,
    Shift,
    Staff,
)

D = dt.date.fromisoformat
CONTRACT_START = D("2026-06-01")
CONTRACT_END = D("2027-05-31")


def default_shifts() -> tuple[Shift, ...]:
    return (
        Shift("D", "白班", 8 * 60, 8, 0, None, "#FFE08A"),
        Shift("E", "中班", 16 * 60, 8, 0, None, "#9EC9FF"),
        Shift("N", "夜班", 0, 8, 0, None, "#B9A6F0"),
        Shift("G", "行政班", 9 * 60, 9, 60, None, "#A8E6A1"),
    )


def twelve_hour_shifts() -> tuple[Shift, ...]:
    """Optional 12 h templates a user may add (SPEC §2.3)."""
    return (
        Shift("A", "长白班", 8 * 60, 12, 0, None, "#FFB37A"),
        Shift("B", "长夜班", 20 * 60, 12, 0, None, "#8FA3D9"),
    )


def default_demand() -> tuple[DemandRule, ...]:
    return (
        DemandRule("all", 0, 8 * 60, 2),
        DemandRule("all", 8 * 60, 16 * 60, 3),
        DemandRule("all", 16 * 60, 24 * 60, 2),
        DemandRule("workday", 9 * 60, 16 * 60, 5),
        DemandRule("workday", 16 * 60, 18 * 60, 4),
        DemandRule("workday", 9 * 60, 18 * 60, 1, "审核"),
    )


def _p(sid: str, name: str, skills: tuple[str, ...] = (), **kw) -> Staff:
    return Staff(id=sid, name=name, skills=skills, employee_no=f"SCH{sid[1:]:0>4}", **kw)


def sample_staff() -> tuple[Staff, ...]:
    return (
        _p("s01", "张伟", ("值班长", "审核"), hire_date=D("2021-03-01"), annual_leave_days=5),
        _p("s02", "王芳", ("审核",), requests=(Request(D("2026-06-06"), True, None, 3),)),
        _p("s03", "李娜", ("统计",), leave=(Leave(DateRange(D("2026-06-08"), D("2026-06-10")), LeaveKind.ANNUAL),)),
        _p("s04", "刘洋", ()),
        _p("s05", "陈静", ("审核",),
           protected=(Protected(ProtectedKind.PREGNANT_7M, DateRange(D("2026-06-15"), D("2026-09-10"))),),
           leave=(Leave(DateRange(D("2026-09-11"), D("2026-12-17")), LeaveKind.MATERNITY),)),
        _p("s06", "杨磊", ("值班长",), requests=(Request(D("2026-06-12"), False, "N", 2),)),
        _p("s07", "赵敏", ("统计",)),
        _p("s08", "黄强", (), leave=(Leave(DateRange(D("2026-06-22"), D("2026-06-23")), LeaveKind.SICK),)),
        _p("s09", "周婷", ("审核",)),
        _p("s10", "吴刚", (), leave=(Leave(DateRange(D("2026-06-26"), D("2026-06-26")), LeaveKind.COMP),)),
        _p("s11", "徐丽", ("统计",), night_ok=False),
        _p("s12", "孙浩", (), requests=(Request(D("2026-06-13"), True, None, 2),)),
        _p("s13", "马超", ("值班长",)),
    )


#: the sample team's 综合计算工时 approval (CH-04), valid over the contract term; a placeholder number
SAMPLE_APPROVAL = Approval("（示例）京西人社综审字〔2026〕12号", D("2026-06-01"), D("2027-05-31"))


def sample_scenario() -> Scenario:
    return Scenario(
        rules=Rules(approval=SAMPLE_APPROVAL),
        shifts=default_shifts(),
        demand=default_demand(),
        staff=sample_staff(),
        weights=dict(DEFAULT_WEIGHTS),
        name="什刹海街道 12345 接诉即办 值守班组（示例）",
    )
