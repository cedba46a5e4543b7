"""JSON interchange (SPEC.md §4): scenario ``roster-scenario/1`` and roster ``roster/1``.

Every problem raises :class:`InputError` naming the file, the field path and what is wrong, in
Chinese with the English in brackets for the log.  Unknown keys are collected as warnings.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from .demand import SLOT_MINUTES
from .model import (
    OFF,
    Approval,
    Assignment,
    CalendarOverrides,
    DateRange,
    DemandRule,
    History,
    Leave,
    LeaveKind,
    Lock,
    Protected,
    ProtectedKind,
    Request,
    Roster,
    Rules,
    Scenario,
    SettlementPeriod,
    Shift,
    Staff,
    Unavailable,
    WorkingTimeSystem,
    fmt_hhmm,
    parse_hhmm,
)

SCENARIO_FORMAT = "roster-scenario/1"
ROSTER_FORMAT = "roster/1"


def date_problem(text: str) -> str:
    """What is wrong with a date string that ``date.fromisoformat`` refused: its format, or a date that does not
    exist (2026-02-30)."""
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        return f"日期不存在 (no such date): {text!r}"
    return f"日期格式应为 YYYY-MM-DD (bad date), 得到 {text!r}"


class InputError(ValueError):
    """Bad user input; ``str()`` is a sentence for the user naming file, field and problem."""

    def __init__(self, message: str, *, file: str | None = None, field: str | None = None) -> None:
        self.file = file
        self.field = field
        self.reason = message
        where = " ".join(x for x in (f"文件 {file}" if file else "", f"字段 {field}" if field else "") if x)
        super().__init__(f"{where}：{message}" if where else message)


class _Reader:
    def __init__(self, file: str | None) -> None:
        self.file = file
        self.warnings: list[str] = []

    lenient = False

    def strict_fail(self, path: str, msg: str) -> None:
        """A check newer than data that may already be saved: an error, or a warning when ``lenient``."""
        if self.lenient:
            self.warnings.append(f"{path}: {msg}")
            return
        raise self.fail(path, msg)

    def fail(self, path: str, msg: str) -> InputError:
        return InputError(msg, file=self.file, field=path)

    def obj(self, v: Any, path: str) -> dict:
        if not isinstance(v, dict):
            raise self.fail(path, f"应为对象 (expected an object), 得到 {type(v).__name__}")
        return v

    def lst(self, v: Any, path: str) -> list:
        if not isinstance(v, list):
            raise self.fail(path, f"应为列表 (expected a list), 得到 {type(v).__name__}")
        return v

    def known(self, d: dict, keys: set[str], path: str) -> None:
        for k in d:
            if k not in keys:
                self.warnings.append(f"{path}.{k}: 未知字段，已忽略 (unknown field ignored)")

    def req(self, d: dict, key: str, path: str) -> Any:
        if key not in d:
            raise self.fail(f"{path}.{key}", "缺少必填字段 (missing required field)")
        return d[key]

    def string(self, v: Any, path: str) -> str:
        if not isinstance(v, str) or not v.strip():
            raise self.fail(path, f"应为非空文本 (expected a non-empty string), 得到 {v!r}")
        return v.strip()

    def number(self, v: Any, path: str, *, minimum: float | None = 0, integer: bool = False) -> float:
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise self.fail(path, f"应为数字 (expected a number), 得到 {v!r}")
        if not math.isfinite(v):
            raise self.fail(path, f"应为有限的数字 (expected a finite number), 得到 {v!r}")
        if integer and int(v) != v:
            raise self.fail(path, f"应为整数 (expected an integer), 得到 {v!r}")
        if minimum is not None and v < minimum:
            raise self.fail(path, f"不能小于 {minimum} (must be ≥ {minimum}), 得到 {v!r}")
        return int(v) if integer else float(v)

    def boolean(self, v: Any, path: str) -> bool:
        if not isinstance(v, bool):
            raise self.fail(path, f"应为 true/false, 得到 {v!r}")
        return v

    def date(self, v: Any, path: str) -> dt.date:
        text = self.string(v, path)
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise self.fail(path, date_problem(text)) from None

    def datetime(self, v: Any, path: str, *, end: bool = False) -> dt.datetime:
        """An ISO date-time; an ``end`` may also be written "YYYY-MM-DDT24:00" (the midnight that ends that date,
        as in a 16:00–24:00 shift), read as 00:00 of the next date."""
        text = self.string(v, path)
        try:
            if end and len(text) in (16, 19) and text[10:] in ("T24:00", "T24:00:00"):
                return dt.datetime.combine(dt.date.fromisoformat(text[:10]) + dt.timedelta(days=1), dt.time())
            return dt.datetime.fromisoformat(text)
        except ValueError:
            raise self.fail(path, f"时间格式应为 YYYY-MM-DDTHH:MM (bad datetime), 得到 {v!r}") from None

    def hhmm(self, v: Any, path: str) -> int:
        try:
            return parse_hhmm(self.string(v, path))
        except ValueError as e:
            raise self.fail(path, str(e)) from None

    def range(self, d: dict, path: str) -> DateRange:
        a = self.date(self.req(d, "from", path), f"{path}.from")
        b = self.date(self.req(d, "to", path), f"{path}.to")
        if b < a:
            raise self.fail(f"{path}.to", f"结束日期 {b} 早于开始日期 {a} (end before start)")
        return DateRange(a, b)

    def enum(self, enum_cls: type, v: Any, path: str) -> Any:
        try:
            return enum_cls(v)
        except ValueError:
            allowed = ", ".join(m.value for m in enum_cls)
            raise self.fail(path, f"取值 {v!r} 无效，可选：{allowed} (invalid value)") from None


_RULE_KEYS = {
    "working_time_system", "settlement_period", "min_rest_hours", "max_consecutive_days",
    "min_rest_days_per_week", "max_overtime_hours_per_month", "max_daily_hours", "night_window",
    "standard_hours_method", "holiday_hours_in_period_total", "makeup_rest_day_class",
    "leave_counts_as_attended", "approval", "disabled",
}


def _rules(r: _Reader, d: Any) -> Rules:
    d = r.obj(d, "rules")
    r.known(d, _RULE_KEYS, "rules")
    kw: dict[str, Any] = {}
    if "working_time_system" in d:
        kw["working_time_system"] = r.enum(WorkingTimeSystem, d["working_time_system"], "rules.working_time_system")
    if "settlement_period" in d:
        kw["settlement_period"] = r.enum(SettlementPeriod, d["settlement_period"], "rules.settlement_period")
    for key in ("min_rest_hours", "max_overtime_hours_per_month", "max_daily_hours"):
        if key in d:
            kw[key] = r.number(d[key], f"rules.{key}")
    for key in ("max_consecutive_days", "min_rest_days_per_week"):
        if key in d:
            kw[key] = r.number(d[key], f"rules.{key}", integer=True)
    if "max_consecutive_days" in kw and kw["max_consecutive_days"] < 1:
        raise r.fail("rules.max_consecutive_days", "至少为 1 (must be ≥ 1)")
    if kw.get("min_rest_days_per_week", 0) > 7:
        raise r.fail("rules.min_rest_days_per_week", "不能超过 7 (must be ≤ 7)")
    if "night_window" in d:
        nw = r.lst(d["night_window"], "rules.night_window")
        if len(nw) != 2:
            raise r.fail("rules.night_window", "应为 [开始, 结束] 两个时间 (expected [from, to])")
        kw["night_window"] = (r.hhmm(nw[0], "rules.night_window[0]"), r.hhmm(nw[1], "rules.night_window[1]"))
        if kw["night_window"][0] == kw["night_window"][1]:
            # an empty window would switch the night-work bans of protected staff off without a word
            raise r.fail("rules.night_window", "夜间时段的开始与结束不能相同 (the night window is empty)")
    if "standard_hours_method" in d:
        if d["standard_hours_method"] not in ("calendar", "average"):
            raise r.fail("rules.standard_hours_method", "可选 calendar / average")
        kw["standard_hours_method"] = d["standard_hours_method"]
    for key in ("holiday_hours_in_period_total", "leave_counts_as_attended"):
        if key in d:
            kw[key] = r.boolean(d[key], f"rules.{key}")
    if "makeup_rest_day_class" in d:
        kw["makeup_rest_day_class"] = r.string(d["makeup_rest_day_class"], "rules.makeup_rest_day_class")
        if kw["makeup_rest_day_class"] not in ("rest", "holiday"):
            raise r.fail("rules.makeup_rest_day_class",
                         f"应为 \"rest\"（补假日按休息日）或 \"holiday\"（按法定节假日 300%）(HD-06), "
                         f"得到 {kw['makeup_rest_day_class']!r}")
    if "approval" in d and d["approval"] is not None:
        a = r.obj(d["approval"], "rules.approval")
        kw["approval"] = Approval(
            number=str(a.get("number", "")),
            valid_from=r.date(a["valid_from"], "rules.approval.valid_from") if a.get("valid_from") else None,
            valid_to=r.date(a["valid_to"], "rules.approval.valid_to") if a.get("valid_to") else None,
        )
        ap = kw["approval"]
        if ap.valid_from and ap.valid_to and ap.valid_to < ap.valid_from:
            r.strict_fail("rules.approval.valid_to", f"批文有效期结束 {ap.valid_to} 早于开始 {ap.valid_from} "
                          f"(the approval ends before it starts)")
    if "disabled" in d:
        kw["disabled"] = frozenset(str(x) for x in r.lst(d["disabled"], "rules.disabled"))
    return Rules(**kw)


def _shift(r: _Reader, d: Any, path: str) -> Shift:
    d = r.obj(d, path)
    r.known(d, {"code", "name", "start", "hours", "break_minutes", "skills_any", "color", "colour"}, path)
    code = r.string(r.req(d, "code", path), f"{path}.code")
    if code.upper() == OFF:
        raise r.fail(f"{path}.code", "OFF 是保留代码 (OFF is reserved)")
    hours = r.number(r.req(d, "hours", path), f"{path}.hours")
    if not 0 < hours <= 24:
        raise r.fail(f"{path}.hours", f"班次时长应大于 0 且不超过 24 小时 (expected 0 < hours ≤ 24), 得到 {hours}")
    brk = r.number(d.get("break_minutes", 0), f"{path}.break_minutes", integer=True)
    if brk >= hours * 60:
        raise r.fail(f"{path}.break_minutes", "休息时间不能超过班次时长 (break longer than the shift)")
    skills = d.get("skills_any")
    if skills is not None:
        skills = tuple(r.string(s, f"{path}.skills_any[{i}]") for i, s in enumerate(r.lst(skills, f"{path}.skills_any")))
    start = r.hhmm(r.req(d, "start", path), f"{path}.start")
    if start >= 1440:  # "24:00" is the end of a day, not a start (a shift belongs to the date it starts, SPEC §4)
        raise r.fail(f"{path}.start", "班次开始时间应在 00:00–23:59 之间；次日零点开始请写 00:00 "
                                      "(a shift starts at 00:00–23:59; write 00:00 for midnight)")
    return Shift(
        code=code,
        name=str(d.get("name") or code),
        start=start,
        hours=hours,
        break_minutes=int(brk),
        skills_any=skills or None,
        color=str(d.get("color") or d.get("colour") or "#cccccc"),
    )


def _demand(r: _Reader, d: Any, path: str) -> DemandRule:
    d = r.obj(d, path)
    r.known(d, {"day_type", "from", "to", "count", "skill"}, path)
    day_type = r.string(r.req(d, "day_type", path), f"{path}.day_type")
    if day_type not in ("workday", "restday", "holiday", "all"):
        try:
            dt.date.fromisoformat(day_type)
        except ValueError:
            raise r.fail(f"{path}.day_type", f"应为 workday、restday、holiday、all 或日期 YYYY-MM-DD "
                         f"(expected workday|restday|holiday|all or a date), 得到 {day_type!r}") from None
    a = r.hhmm(r.req(d, "from", path), f"{path}.from")
    b = r.hhmm(r.req(d, "to", path), f"{path}.to")
    if b <= a:
        raise r.fail(f"{path}.to", f"结束 {fmt_hhmm(b)} 应晚于开始 {fmt_hhmm(a)} (to must be after from; split overnight demand in two)")
    for key, x in (("from", a), ("to", b)):
        # SPEC §4: demand is per 30-minute slot "(or finer)".  A finer time is counted as its whole slot
        # (roster.demand: starts round down, ends round up), so the demand is never under-counted: with shifts on
        # the half-hour grid the widened slot is exactly what covering the finer time takes; a shift starting
        # off the grid covers only the slots it holds whole (sweep #14 F3: refused before, so such a scenario
        # could not be planned at all)
        if x % SLOT_MINUTES:
            lo = x // SLOT_MINUTES * SLOT_MINUTES
            r.warnings.append(
                f"{path}.{key}: 需求时间 {fmt_hhmm(x)} 不在整点或半点上，按 {SLOT_MINUTES} 分钟时段整段计入（"
                f"{fmt_hhmm(lo)}–{fmt_hhmm(lo + SLOT_MINUTES)}），需求只会多算、不会少算 "
                f"(demand is counted per {SLOT_MINUTES}-minute slot: {fmt_hhmm(x)} counts its whole slot)")
    count = r.number(r.req(d, "count", path), f"{path}.count", integer=True)
    skill = d.get("skill")
    return DemandRule(day_type, a, b, int(count), r.string(skill, f"{path}.skill") if skill else None)


def _staff(r: _Reader, d: Any, path: str, shift_codes: set[str]) -> Staff:
    d = r.obj(d, path)
    r.known(d, {"id", "name", "skills", "weekly_hours", "night_ok", "overtime_ok", "protected", "leave",
                "requests", "employee_no", "phone", "id_number", "hire_date", "leave_date",
                "annual_leave_days", "active", "unavailable"}, path)
    sid = r.string(r.req(d, "id", path), f"{path}.id")
    prot = []
    for i, p in enumerate(r.lst(d.get("protected", []), f"{path}.protected")):
        pp = f"{path}.protected[{i}]"
        p = r.obj(p, pp)
        r.known(p, {"kind", "from", "to"}, pp)
        prot.append(Protected(r.enum(ProtectedKind, r.req(p, "kind", pp), f"{pp}.kind"), r.range(p, pp)))
    leaves: list[Leave] = []
    for i, lv in enumerate(r.lst(d.get("leave", []), f"{path}.leave")):
        lp = f"{path}.leave[{i}]"
        lv = r.obj(lv, lp)
        r.known(lv, {"from", "to", "kind", "note"}, lp)
        rng = r.range(lv, lp)
        for j, other in enumerate(leaves):
            if rng.start <= other.period.end and other.period.start <= rng.end:
                raise r.fail(lp, f"与 leave[{j}] ({other.period.start}–{other.period.end}) 重叠 (overlapping leave)")
        leaves.append(Leave(rng, r.enum(LeaveKind, lv.get("kind", "annual"), f"{lp}.kind"), str(lv.get("note", ""))))
    reqs = []
    for i, q in enumerate(r.lst(d.get("requests", []), f"{path}.requests")):
        qp = f"{path}.requests[{i}]"
        q = r.obj(q, qp)
        r.known(q, {"date", "off", "shift", "weight"}, qp)
        shift = q.get("shift")
        if shift is not None and shift not in shift_codes:
            raise r.fail(f"{qp}.shift", f"未知班次代码 {shift!r} (unknown shift code)")
        reqs.append(Request(
            date=r.date(r.req(q, "date", qp), f"{qp}.date"),
            off=bool(q.get("off", shift is None)),
            shift=shift,
            weight=int(r.number(q.get("weight", 1), f"{qp}.weight", integer=True)),
        ))
    away = tuple(_unavailable(r, u, f"{path}.unavailable[{i}]")
                 for i, u in enumerate(r.lst(d.get("unavailable", []), f"{path}.unavailable")))
    wh = r.number(d.get("weekly_hours", 40), f"{path}.weekly_hours")
    if not 0 < wh <= 60:
        raise r.fail(f"{path}.weekly_hours", f"每周合同工时应大于 0 且不超过 60 (0 < weekly_hours ≤ 60), 得到 {wh}")
    return Staff(
        id=sid,
        name=str(d.get("name") or sid),
        skills=tuple(r.string(s, f"{path}.skills[{i}]") for i, s in enumerate(r.lst(d.get("skills", []), f"{path}.skills"))),
        weekly_hours=wh,
        night_ok=r.boolean(d.get("night_ok", True), f"{path}.night_ok"),
        overtime_ok=r.boolean(d.get("overtime_ok", True), f"{path}.overtime_ok"),
        protected=tuple(prot),
        leave=tuple(leaves),
        requests=tuple(reqs),
        employee_no=str(d.get("employee_no", "")),
        phone=str(d.get("phone", "")),
        id_number=str(d.get("id_number", "")),
        hire_date=r.date(d["hire_date"], f"{path}.hire_date") if d.get("hire_date") else None,
        leave_date=r.date(d["leave_date"], f"{path}.leave_date") if d.get("leave_date") else None,
        annual_leave_days=int(r.number(d.get("annual_leave_days", 5), f"{path}.annual_leave_days", integer=True)),
        active=r.boolean(d.get("active", True), f"{path}.active"),
        unavailable=away,
    )


def _unavailable(r: _Reader, u: Any, path: str) -> Unavailable:
    """One ``unavailable`` entry: dates ``from``–``to``, clock times ``start``–``end`` (default the whole day;
    an end at or before the start runs into the next day), optional ISO ``weekdays`` 1–7 and ``note``."""
    u = r.obj(u, path)
    r.known(u, {"from", "to", "start", "end", "weekdays", "note"}, path)
    rng = r.range(u, path)
    start = r.hhmm(u.get("start", "00:00"), f"{path}.start")
    end = r.hhmm(u.get("end", "24:00"), f"{path}.end")
    if start >= 1440:
        raise r.fail(f"{path}.start", "开始时间应早于 24:00 (start must be before 24:00)")
    if start == end:
        raise r.fail(f"{path}.end", f"结束时间与开始时间相同（{fmt_hhmm(start)}）；全天不可排班请写 00:00–24:00 "
                                    "(end equals start; write 00:00–24:00 for a whole day)")
    days = []
    for i, w in enumerate(r.lst(u.get("weekdays", []), f"{path}.weekdays")):
        n = int(r.number(w, f"{path}.weekdays[{i}]", integer=True))
        if not 1 <= n <= 7:
            raise r.fail(f"{path}.weekdays[{i}]", f"星期应为 1（周一）到 7（周日）(ISO weekday 1–7), 得到 {n}")
        if n not in days:
            days.append(n)
    return Unavailable(rng, start, end, tuple(sorted(days)), str(u.get("note", "")))


def scenario_from_dict(data: Any, *, file: str | None = None, lenient: bool = False) -> tuple[Scenario, list[str]]:
    """Parse and validate a scenario dict; returns (scenario, warnings).  ``lenient`` (the app's own data file):
    checks added after data may have been saved — demand off the half hour, an approval ending before it starts —
    are warnings, so a file written by an earlier version still opens (review of session 9)."""
    r = _Reader(file)
    r.lenient = lenient
    d = r.obj(data, "$")
    fmt = d.get("format")
    if fmt != SCENARIO_FORMAT:
        raise r.fail("format", f"应为 {SCENARIO_FORMAT!r}, 得到 {fmt!r}")
    r.known(d, {"format", "name", "rules", "shifts", "demand", "staff", "calendar", "history", "locked", "weights"}, "$")
    rules = _rules(r, d.get("rules", {}))
    shifts = tuple(_shift(r, s, f"shifts[{i}]") for i, s in enumerate(r.lst(d.get("shifts", []), "shifts")))
    codes = [s.code for s in shifts]
    dup = {c for c in codes if codes.count(c) > 1}
    if dup:
        raise r.fail("shifts", f"班次代码重复 (duplicate shift code): {', '.join(sorted(dup))}")
    demand = tuple(_demand(r, x, f"demand[{i}]") for i, x in enumerate(r.lst(d.get("demand", []), "demand")))
    staff = tuple(_staff(r, s, f"staff[{i}]", set(codes)) for i, s in enumerate(r.lst(d.get("staff", []), "staff")))
    ids = [s.id for s in staff]
    dup = {c for c in ids if ids.count(c) > 1}
    if dup:
        raise r.fail("staff", f"员工编号重复 (duplicate staff id): {', '.join(sorted(dup))}")
    skills = {k for s in staff for k in s.skills}
    for i, x in enumerate(demand):
        if x.skill and x.skill not in skills:
            r.warnings.append(f"demand[{i}].skill: 没有员工具备技能 {x.skill!r} (no one has this skill)")
    cal = r.obj(d.get("calendar") or {}, "calendar")
    r.known(cal, {"holidays", "restdays", "workdays"}, "calendar")
    overrides = CalendarOverrides(**{
        k: frozenset(r.date(x, f"calendar.{k}[{i}]") for i, x in enumerate(r.lst(cal.get(k, []), f"calendar.{k}")))
        for k in ("holidays", "restdays", "workdays")
    })
    history = _history(r, d.get("history"), ids)
    locked = []
    for i, lk in enumerate(r.lst(d.get("locked") or [], "locked")):
        lp = f"locked[{i}]"
        lk = r.obj(lk, lp)
        r.known(lk, {"staff", "date", "shift"}, lp)
        sid = r.string(r.req(lk, "staff", lp), f"{lp}.staff")
        if sid not in ids:
            raise r.fail(f"{lp}.staff", f"未知员工 {sid!r} (unknown staff id)")
        code = r.string(r.req(lk, "shift", lp), f"{lp}.shift")
        if code != OFF and code not in codes:
            raise r.fail(f"{lp}.shift", f"未知班次代码 {code!r} (unknown shift code)")
        day = r.date(r.req(lk, "date", lp), f"{lp}.date")
        if any(other.staff == sid and other.date == day for other in locked):
            raise r.fail(lp, f"{sid} 在 {day} 已有一个锁定 (a second lock on the same person and date)")
        locked.append(Lock(sid, day, code))
    weights = dict(Scenario().weights)
    for k, v in r.obj(d.get("weights") or {}, "weights").items():
        weights[k] = int(r.number(v, f"weights.{k}", integer=True))
    sc = Scenario(rules=rules, shifts=shifts, demand=demand, staff=staff, calendar=overrides,
                  history=history, locked=tuple(locked), weights=weights, name=str(d.get("name", "")))
    return sc, r.warnings


def _d(x: dt.date | None) -> str | None:
    return x.isoformat() if x else None


def scenario_to_dict(sc: Scenario) -> dict:
    ru = sc.rules
    return {
        "format": SCENARIO_FORMAT,
        "name": sc.name,
        "rules": {
            "working_time_system": ru.working_time_system.value,
            "settlement_period": ru.settlement_period.value,
            "min_rest_hours": ru.min_rest_hours,
            "max_consecutive_days": ru.max_consecutive_days,
            "min_rest_days_per_week": ru.min_rest_days_per_week,
            "max_overtime_hours_per_month": ru.max_overtime_hours_per_month,
            "max_daily_hours": ru.max_daily_hours,
            "night_window": [fmt_hhmm(ru.night_window[0]), fmt_hhmm(ru.night_window[1])],
            "standard_hours_method": ru.standard_hours_method,
            "holiday_hours_in_period_total": ru.holiday_hours_in_period_total,
            "makeup_rest_day_class": ru.makeup_rest_day_class,
            "leave_counts_as_attended": ru.leave_counts_as_attended,
            "approval": {"number": ru.approval.number, "valid_from": _d(ru.approval.valid_from),
                         "valid_to": _d(ru.approval.valid_to)},
            "disabled": sorted(ru.disabled),
        },
        "shifts": [
            {"code": s.code, "name": s.name, "start": fmt_hhmm(s.start), "hours": s.hours,
             "break_minutes": s.break_minutes, "skills_any": list(s.skills_any) if s.skills_any else None,
             "color": s.color}
            for s in sc.shifts
        ],
        "demand": [
            {"day_type": x.day_type, "from": fmt_hhmm(x.start), "to": fmt_hhmm(x.end), "count": x.count, "skill": x.skill}
            for x in sc.demand
        ],
        "staff": [
            {
                "id": p.id, "name": p.name, "skills": list(p.skills), "weekly_hours": p.weekly_hours,
                "night_ok": p.night_ok, "overtime_ok": p.overtime_ok,
                "protected": [{"kind": q.kind.value, "from": _d(q.period.start), "to": _d(q.period.end)} for q in p.protected],
                "leave": [{"from": _d(lv.period.start), "to": _d(lv.period.end), "kind": lv.kind.value,
                           **({"note": lv.note} if lv.note else {})} for lv in p.leave],
                "requests": [{"date": _d(q.date), "off": q.off, **({"shift": q.shift} if q.shift else {}),
                              "weight": q.weight} for q in p.requests],
                "employee_no": p.employee_no, "phone": p.phone, "id_number": p.id_number,
                "hire_date": _d(p.hire_date), "leave_date": _d(p.leave_date),
                "annual_leave_days": p.annual_leave_days, "active": p.active,
                **({"unavailable": [_unavailable_dict(u) for u in p.unavailable]} if p.unavailable else {}),
            }
            for p in sc.staff
        ],
        "calendar": {k: sorted(_d(x) for x in getattr(sc.calendar, k)) for k in ("holidays", "restdays", "workdays")},
        "history": _history_dict(sc.history),
        "locked": [{"staff": lk.staff, "date": _d(lk.date), "shift": lk.shift} for lk in sc.locked],
        "weights": dict(sc.weights),
    }


def _unavailable_dict(u: Unavailable) -> dict:
    return {"from": _d(u.period.start), "to": _d(u.period.end), "start": fmt_hhmm(u.start), "end": fmt_hhmm(u.end),
            **({"weekdays": list(u.weekdays)} if u.weekdays else {}), **({"note": u.note} if u.note else {})}


def _history(r: _Reader, data: Any, ids: set[str] | None) -> dict[str, History]:
    """A ``history`` object (SPEC §4) of a scenario or a roster; ``ids`` (if given) are the known staff ids."""
    history: dict[str, History] = {}
    for sid, h in r.obj(data or {}, "history").items():
        hp = f"history.{sid}"
        if ids is not None and sid not in ids:
            raise r.fail(hp, f"未知员工 {sid!r} (unknown staff id)")
        h = r.obj(h, hp)
        r.known(h, {"last_shift_end", "consecutive_days", "overtime_minutes_month", "nights", "weekend_days",
                    "holiday_days"}, hp)
        history[sid] = History(
            last_shift_end=r.datetime(h["last_shift_end"], f"{hp}.last_shift_end", end=True) if h.get("last_shift_end") else None,
            consecutive_days=int(r.number(h.get("consecutive_days", 0), f"{hp}.consecutive_days", integer=True)),
            overtime_minutes_month=int(r.number(h.get("overtime_minutes_month", 0), f"{hp}.overtime_minutes_month", integer=True)),
            nights=int(r.number(h.get("nights", 0), f"{hp}.nights", integer=True)),
            weekend_days=int(r.number(h.get("weekend_days", 0), f"{hp}.weekend_days", integer=True)),
            holiday_days=int(r.number(h.get("holiday_days", 0), f"{hp}.holiday_days", integer=True)),
        )
    return history


def _history_dict(history: dict[str, History]) -> dict:
    return {
        sid: {"last_shift_end": h.last_shift_end.isoformat(timespec="minutes") if h.last_shift_end else None,
              "consecutive_days": h.consecutive_days, "overtime_minutes_month": h.overtime_minutes_month,
              "nights": h.nights, "weekend_days": h.weekend_days, "holiday_days": h.holiday_days}
        for sid, h in history.items()
    }


def _assignment_dict(a: Assignment) -> dict:
    return {"staff": a.staff, "date": a.date.isoformat(), "shift": a.shift,
            "start": a.start.isoformat(timespec="minutes"), "end": a.end.isoformat(timespec="minutes")}


def roster_to_dict(ro: Roster) -> dict:
    return {
        "format": ROSTER_FORMAT,
        "start": ro.start.isoformat(),
        "days": ro.days,
        "assignments": [_assignment_dict(a) for a in sorted(ro.assignments, key=lambda a: (a.date, a.staff))],
        # extra fields (SPEC §4 allows them): a continuation of a previous period keeps that period's shifts running
        # into its first date and the history it was planned on, so ``roster check`` sees the seam
        **({"carried_in": [_assignment_dict(a) for a in sorted(ro.carried_in, key=lambda a: (a.date, a.staff))]}
           if ro.carried_in else {}),
        **({"history": _history_dict(ro.history)} if ro.history else {}),
        "solver": ro.solver,
        "violations": list(ro.violations),
    }


def roster_from_dict(data: Any, scenario: Scenario | None = None, *, file: str | None = None,
                     warnings: list[str] | None = None) -> Roster:
    """Parse a roster; with a scenario, shift codes and staff ids are checked against it.  The shift template is
    the truth for start/end; given times that disagree with it are reported in ``warnings`` (if a list)."""
    r = _Reader(file)
    d = r.obj(data, "$")
    if d.get("format") != ROSTER_FORMAT:
        raise r.fail("format", f"应为 {ROSTER_FORMAT!r}, 得到 {d.get('format')!r}")
    start = r.date(r.req(d, "start", "$"), "start")
    days = int(r.number(r.req(d, "days", "$"), "days", integer=True, minimum=1))
    end = start + dt.timedelta(days=days - 1)
    shifts = scenario.shift_map() if scenario else {}
    ids = {p.id for p in scenario.staff} if scenario else None
    out = []
    seen: set[tuple[str, dt.date]] = set()
    for i, a in enumerate(r.lst(r.req(d, "assignments", "$"), "assignments")):
        ap = f"assignments[{i}]"
        a = r.obj(a, ap)
        sid, day = _staff_and_date(r, a, ap, ids)
        if not start <= day <= end:
            raise r.fail(f"{ap}.date", f"{day} 不在排班期 {start}–{end} 内 (date outside the period)")
        code = r.string(r.req(a, "shift", ap), f"{ap}.shift")
        if code == OFF:
            continue
        if scenario is not None and code not in shifts:
            raise r.fail(f"{ap}.shift", f"未知班次代码 {code!r} (unknown shift code)")
        if (sid, day) in seen:
            raise r.fail(ap, f"{sid} 在 {day} 有两个班次 (two shifts start on one date)")
        seen.add((sid, day))
        if code in shifts:
            s_dt, e_dt = shifts[code].interval_on(day)  # the template is the truth
            given = (a.get("start"), a.get("end"))
            if warnings is not None and any(given) and _parsed(given) != (s_dt, e_dt):
                warnings.append(f"{ap}: 给出的时间 {given[0]} – {given[1]} 与班次 {code} 的模板 {_iso_minutes(s_dt)} – "
                                f"{_iso_minutes(e_dt)} 不一致，按模板检查 (times differ from the shift template; "
                                f"the template is used)")
        else:
            s_dt = r.datetime(r.req(a, "start", ap), f"{ap}.start")
            e_dt = r.datetime(r.req(a, "end", ap), f"{ap}.end", end=True)
        out.append(Assignment(sid, day, code, s_dt, e_dt))
    carried = []
    t0 = dt.datetime.combine(start, dt.time())
    for i, a in enumerate(r.lst(d.get("carried_in") or [], "carried_in")):
        ap = f"carried_in[{i}]"
        a = r.obj(a, ap)
        # someone who has left since still covered that night: kept, with a note (SPEC §4: unknown → warning)
        sid, day = _staff_and_date(r, a, ap, None)
        if ids is not None and sid not in ids and warnings is not None:
            warnings.append(f"{ap}.staff: 未知员工 {sid!r}，仍计入首日覆盖 (unknown staff id; still counted as cover)")
        s_dt = r.datetime(r.req(a, "start", ap), f"{ap}.start")
        e_dt = r.datetime(r.req(a, "end", ap), f"{ap}.end", end=True)
        if not (day < start and s_dt < t0 < e_dt):
            raise r.fail(ap, f"应为上一期在 {start} 0 点前开始、0 点后结束的班次 (must be a shift of the previous "
                             f"period running into {start})")
        carried.append(Assignment(sid, day, r.string(r.req(a, "shift", ap), f"{ap}.shift"), s_dt, e_dt))
    history = _history(r, d.get("history"), None)
    if ids is not None:
        for sid in sorted(set(history) - ids):  # somebody who has left since: their history no longer matters
            del history[sid]
            if warnings is not None:
                warnings.append(f"history.{sid}: 未知员工 {sid!r}，已忽略 (unknown staff id ignored)")
    return Roster(start, days, tuple(out), dict(d.get("solver") or {}), tuple(d.get("violations") or ()),
                  tuple(carried), history)


def _staff_and_date(r: _Reader, a: dict, ap: str, ids: set[str] | None) -> tuple[str, dt.date]:
    """The ``staff`` (a known id when ``ids`` is given) and ``date`` of a roster entry at path ``ap``."""
    sid = r.string(r.req(a, "staff", ap), f"{ap}.staff")
    if ids is not None and sid not in ids:
        raise r.fail(f"{ap}.staff", f"未知员工 {sid!r} (unknown staff id)")
    return sid, r.date(r.req(a, "date", ap), f"{ap}.date")


def read_json(path: str | os.PathLike) -> Any:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InputError("文件不存在 (file not found)", file=str(p)) from None
    except OSError as e:
        raise InputError(f"无法读取 (cannot read): {e.strerror}", file=str(p)) from None
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError("不是 UTF-8 文本，可能不是 JSON 文件 (not UTF-8 text)", file=str(p)) from None
    except json.JSONDecodeError as e:
        raise InputError(f"JSON 格式错误，第 {e.lineno} 行第 {e.colno} 列：{e.msg} (malformed JSON)", file=str(p)) from None


def load_scenario(path: str | os.PathLike) -> tuple[Scenario, list[str]]:
    return scenario_from_dict(read_json(path), file=str(path))


def load_roster(path: str | os.PathLike, scenario: Scenario | None = None, *,
                warnings: list[str] | None = None) -> Roster:
    return roster_from_dict(read_json(path), scenario, file=str(path), warnings=warnings)


def _iso_minutes(x: dt.datetime) -> str:
    return x.isoformat(timespec="minutes")


def _parsed(given: tuple[Any, Any]) -> tuple[Any, Any]:
    """Given start/end strings as datetimes where they parse (else as they are, so they compare unequal)."""
    out = []
    for x in given:
        try:
            out.append(dt.datetime.fromisoformat(x) if isinstance(x, str) else x)
        except ValueError:
            out.append(x)
    return tuple(out)


def give_normal_permissions(tmp: str | os.PathLike, target: str | os.PathLike) -> None:
    """mkstemp makes 0600 files; give the replacement the target's mode, or the umask default for a new file."""
    try:
        mode = Path(target).stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with contextlib.suppress(OSError):
        os.chmod(tmp, mode)


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write to a temp file beside the target, fsync, then replace: the old file survives any failure."""
    p = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent if str(p.parent) else ".")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        give_normal_permissions(tmp, p)
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_json(path: str | os.PathLike, data: Any) -> None:
    atomic_write_bytes(path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
