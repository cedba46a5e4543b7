"""Curtois–Qu nurse-rostering benchmark: file reader, independent evaluator and CP-SAT model.

The format and the objective are described in ``/work/shared/bench/curtois/FORMAT.md``
(schedulingbenchmarks.org/nrp, instances 1–24).  Three independent parts live here:

* :func:`read_instance` parses a file into frozen dataclasses and raises :class:`ValueError` naming the
  file, the line and what is wrong.
* :func:`evaluate` checks the 10 hard constraints and computes the objective straight from the
  definitions (run scans, explicit counts).  It shares no code with the model.
* :func:`solve_instance` builds and solves a CP-SAT model.

An *assignment* maps every staff id to a sequence of ``horizon`` entries; entry ``d`` is the shift id
worked on day ``d`` or ``None`` for a day off.
"""

from __future__ import annotations

import os
import random
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "CoverRequirement",
    "CurtoisInstance",
    "CurtoisShift",
    "CurtoisStaff",
    "ShiftRequest",
    "evaluate",
    "read_instance",
    "solve_instance",
]

Assignment = dict[str, tuple[str | None, ...]]
ProgressCallback = Callable[[int, int, float], None]
_DEBUG = bool(os.environ.get("CURTOIS_DEBUG"))
_FULL_SOLVE_SHARE = float(os.environ.get("CURTOIS_FULL_SHARE", "0.3"))  # of the time limit, for phase 1
_SUB_SOLVE_SHARE = float(
    os.environ.get("CURTOIS_SUB_SHARE", "0.05")
)  # of the time limit, per LNS sub-problem


# ---------------------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CurtoisShift:
    id: str
    length_minutes: int
    forbidden_next: tuple[str, ...]  # shift types that may not be worked on the following day


@dataclass(frozen=True, slots=True)
class CurtoisStaff:
    id: str
    max_shifts: tuple[tuple[str, int], ...]  # (shift id, max count) for every shift type
    max_total_minutes: int
    min_total_minutes: int
    max_consecutive_shifts: int
    min_consecutive_shifts: int
    min_consecutive_days_off: int
    max_weekends: int

    def max_shifts_of(self, shift_id: str) -> int:
        for sid, k in self.max_shifts:
            if sid == shift_id:
                return k
        raise KeyError(shift_id)


@dataclass(frozen=True, slots=True)
class ShiftRequest:
    staff: str
    day: int
    shift: str
    weight: int


@dataclass(frozen=True, slots=True)
class CoverRequirement:
    day: int
    shift: str
    requirement: int
    weight_under: int
    weight_over: int


@dataclass(frozen=True, slots=True)
class CurtoisInstance:
    name: str
    horizon: int
    shifts: tuple[CurtoisShift, ...]
    staff: tuple[CurtoisStaff, ...]
    days_off: tuple[tuple[str, tuple[int, ...]], ...]  # (staff id, sorted fixed days off)
    on_requests: tuple[ShiftRequest, ...]
    off_requests: tuple[ShiftRequest, ...]
    cover: tuple[CoverRequirement, ...]

    @property
    def shift_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.shifts)

    @property
    def staff_ids(self) -> tuple[str, ...]:
        return tuple(e.id for e in self.staff)

    def fixed_days_off(self, staff_id: str) -> tuple[int, ...]:
        for sid, days in self.days_off:
            if sid == staff_id:
                return days
        return ()

    def weekends(self) -> tuple[tuple[int, ...], ...]:
        """Days of each weekend (Saturday 7w+5, Sunday 7w+6) that lie inside the horizon."""
        out = []
        for w in range((self.horizon + 1) // 7 + 1):
            days = tuple(d for d in (7 * w + 5, 7 * w + 6) if d < self.horizon)
            if days:
                out.append(days)
        return tuple(out)


# ---------------------------------------------------------------------------------------------------------
# Reader
# ---------------------------------------------------------------------------------------------------------

_SECTIONS = (
    "SECTION_HORIZON",
    "SECTION_SHIFTS",
    "SECTION_STAFF",
    "SECTION_DAYS_OFF",
    "SECTION_SHIFT_ON_REQUESTS",
    "SECTION_SHIFT_OFF_REQUESTS",
    "SECTION_COVER",
)
_REQUIRED_SECTIONS = ("SECTION_HORIZON", "SECTION_SHIFTS", "SECTION_STAFF", "SECTION_COVER")


class _Reader:
    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, lineno: int | None, message: str) -> ValueError:
        where = f"{self.path} 第 {lineno} 行" if lineno is not None else self.path
        return ValueError(f"{where}：{message}")

    def int_field(self, lineno: int, text: str, what: str, minimum: int = 0) -> int:
        t = text.strip()
        try:
            value = int(t)
        except ValueError:
            raise self.fail(lineno, f"{what} 应为整数，实际为 {t!r}") from None
        if value < minimum:
            raise self.fail(lineno, f"{what} 应不小于 {minimum}，实际为 {value}")
        return value

    def fields(self, lineno: int, line: str, count: int | None, layout: str) -> list[str]:
        parts = [p.strip() for p in line.split(",")]
        if count is not None and len(parts) != count:
            raise self.fail(
                lineno, f"应有 {count} 个逗号分隔的字段（{layout}），实际有 {len(parts)} 个：{line!r}"
            )
        return parts


def read_instance(path: str | os.PathLike[str]) -> CurtoisInstance:
    """Read a Curtois–Qu instance file (CRLF or LF, ``#`` comments, blank line ends a section)."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise ValueError(f"{p}：无法读取文件（{exc.strerror or exc}）") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad_line = raw[: exc.start].count(b"\n") + 1
        raise ValueError(f"{p} 第 {bad_line} 行：不是 UTF-8 文本（含非法字节）") from None
    return parse_instance(text, name=p.stem, source=str(p))


def parse_instance(text: str, name: str = "instance", source: str = "<text>") -> CurtoisInstance:
    """Parse the text of an instance file; ``source`` names it in error messages."""
    r = _Reader(source)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")

    # Split into sections: {section: [(lineno, line), ...]}.
    sections: dict[str, list[tuple[int, str]]] = {}
    header_line: dict[str, int] = {}
    current: str | None = None
    for lineno, rawline in enumerate(lines, start=1):
        line = rawline.strip()
        if line.startswith("#"):
            continue
        if not line:
            current = None
            continue
        if line.startswith("SECTION_"):
            if line not in _SECTIONS:
                raise r.fail(lineno, f"未知的段名 {line!r}（应为 {', '.join(_SECTIONS)} 之一）")
            if line in sections:
                raise r.fail(lineno, f"段 {line} 重复出现（首次在第 {header_line[line]} 行）")
            order = _SECTIONS.index(line)
            later = [s for s in sections if _SECTIONS.index(s) > order]
            if later:
                raise r.fail(lineno, f"段 {line} 应出现在 {later[0]} 之前")
            sections[line] = []
            header_line[line] = lineno
            current = line
            continue
        if current is None:
            raise r.fail(lineno, f"数据行不属于任何段（缺少 SECTION_ 标题，或段内有空行）：{line!r}")
        sections[current].append((lineno, line))

    for s in _REQUIRED_SECTIONS:
        if s not in sections:
            raise r.fail(None, f"缺少段 {s}")

    # HORIZON
    rows = sections["SECTION_HORIZON"]
    if len(rows) != 1:
        raise r.fail(
            header_line["SECTION_HORIZON"], f"SECTION_HORIZON 应只有一行（天数），实际有 {len(rows)} 行"
        )
    horizon = r.int_field(rows[0][0], rows[0][1], "天数", minimum=1)

    # SHIFTS
    shift_rows: list[tuple[int, str, int, list[str]]] = []
    seen_shift: dict[str, int] = {}
    for lineno, line in sections["SECTION_SHIFTS"]:
        f = r.fields(lineno, line, 3, "ShiftID,LengthMins,F1|F2|...")
        sid = f[0]
        if not sid:
            raise r.fail(lineno, "班次编号为空")
        if sid in seen_shift:
            raise r.fail(lineno, f"班次 {sid!r} 重复定义（首次在第 {seen_shift[sid]} 行）")
        seen_shift[sid] = lineno
        length = r.int_field(lineno, f[1], f"班次 {sid} 的时长（分钟）", minimum=1)
        forbidden = [x.strip() for x in f[2].split("|")] if f[2] else []
        if any(not x for x in forbidden):
            raise r.fail(lineno, f"班次 {sid} 的禁止后继列表有空项：{f[2]!r}")
        shift_rows.append((lineno, sid, length, forbidden))
    if not shift_rows:
        raise r.fail(header_line["SECTION_SHIFTS"], "SECTION_SHIFTS 中没有任何班次")
    shifts = []
    for lineno, sid, length, forbidden in shift_rows:
        for x in forbidden:
            if x not in seen_shift:
                raise r.fail(lineno, f"班次 {sid} 的禁止后继 {x!r} 不是已定义的班次")
        shifts.append(CurtoisShift(sid, length, tuple(dict.fromkeys(forbidden))))
    shift_ids = tuple(s.id for s in shifts)

    # STAFF
    staff = []
    seen_staff: dict[str, int] = {}
    layout = "ID,MaxShifts,MaxTotalMin,MinTotalMin,MaxConsec,MinConsec,MinConsecOff,MaxWeekends"
    for lineno, line in sections["SECTION_STAFF"]:
        f = r.fields(lineno, line, 8, layout)
        eid = f[0]
        if not eid:
            raise r.fail(lineno, "员工编号为空")
        if eid in seen_staff:
            raise r.fail(lineno, f"员工 {eid!r} 重复定义（首次在第 {seen_staff[eid]} 行）")
        seen_staff[eid] = lineno
        max_shifts: dict[str, int] = {}
        for pair in f[1].split("|"):
            sid, eq, k = pair.partition("=")
            sid = sid.strip()
            if not eq:
                raise r.fail(lineno, f"员工 {eid} 的 MaxShifts 项 {pair!r} 应为 班次=次数")
            if sid not in seen_shift:
                raise r.fail(lineno, f"员工 {eid} 的 MaxShifts 引用了未定义的班次 {sid!r}")
            if sid in max_shifts:
                raise r.fail(lineno, f"员工 {eid} 的 MaxShifts 中班次 {sid} 出现了两次")
            max_shifts[sid] = r.int_field(lineno, k, f"员工 {eid} 班次 {sid} 的最多次数")
        missing = [s for s in shift_ids if s not in max_shifts]
        if missing:
            raise r.fail(lineno, f"员工 {eid} 的 MaxShifts 缺少班次 {', '.join(missing)}")
        staff.append(
            CurtoisStaff(
                id=eid,
                max_shifts=tuple((s, max_shifts[s]) for s in shift_ids),
                max_total_minutes=r.int_field(lineno, f[2], f"员工 {eid} 的 MaxTotalMinutes"),
                min_total_minutes=r.int_field(lineno, f[3], f"员工 {eid} 的 MinTotalMinutes"),
                max_consecutive_shifts=r.int_field(lineno, f[4], f"员工 {eid} 的 MaxConsecutiveShifts", 1),
                min_consecutive_shifts=r.int_field(lineno, f[5], f"员工 {eid} 的 MinConsecutiveShifts"),
                min_consecutive_days_off=r.int_field(lineno, f[6], f"员工 {eid} 的 MinConsecutiveDaysOff"),
                max_weekends=r.int_field(lineno, f[7], f"员工 {eid} 的 MaxWeekends"),
            )
        )
    if not staff:
        raise r.fail(header_line["SECTION_STAFF"], "SECTION_STAFF 中没有任何员工")

    def check_staff(lineno: int, eid: str) -> None:
        if eid not in seen_staff:
            raise r.fail(lineno, f"员工 {eid!r} 未在 SECTION_STAFF 中定义")

    def check_day(lineno: int, text: str, what: str) -> int:
        d = r.int_field(lineno, text, what)
        if d >= horizon:
            raise r.fail(lineno, f"{what} {d} 超出排班期（0…{horizon - 1}）")
        return d

    # DAYS_OFF
    days_off: dict[str, set[int]] = {}
    for lineno, line in sections.get("SECTION_DAYS_OFF", []):
        f = r.fields(lineno, line, None, "")
        while len(f) > 1 and f[-1] == "":  # tolerate a trailing comma
            f.pop()
        eid = f[0]
        check_staff(lineno, eid)
        if len(f) < 2:
            raise r.fail(lineno, f"员工 {eid} 的固定休息日行没有日期")
        for t in f[1:]:
            days_off.setdefault(eid, set()).add(check_day(lineno, t, "休息日"))

    # REQUESTS
    def read_requests(section: str) -> tuple[ShiftRequest, ...]:
        out = []
        seen: dict[tuple[str, int, str], int] = {}
        for lineno, line in sections.get(section, []):
            f = r.fields(lineno, line, 4, "EmployeeID,Day,ShiftID,Weight")
            check_staff(lineno, f[0])
            day = check_day(lineno, f[1], "日期")
            if f[2] not in seen_shift:
                raise r.fail(lineno, f"未定义的班次 {f[2]!r}")
            key = (f[0], day, f[2])
            if key in seen:
                raise r.fail(lineno, f"与第 {seen[key]} 行重复（同一员工、日期、班次）")
            seen[key] = lineno
            out.append(ShiftRequest(f[0], day, f[2], r.int_field(lineno, f[3], "权重")))
        return tuple(out)

    on_requests = read_requests("SECTION_SHIFT_ON_REQUESTS")
    off_requests = read_requests("SECTION_SHIFT_OFF_REQUESTS")

    # COVER
    cover = []
    seen_cover: dict[tuple[int, str], int] = {}
    for lineno, line in sections["SECTION_COVER"]:
        f = r.fields(lineno, line, 5, "Day,ShiftID,Requirement,WeightUnder,WeightOver")
        day = check_day(lineno, f[0], "日期")
        if f[1] not in seen_shift:
            raise r.fail(lineno, f"未定义的班次 {f[1]!r}")
        key = (day, f[1])
        if key in seen_cover:
            raise r.fail(lineno, f"第 {day} 天班次 {f[1]} 的需求与第 {seen_cover[key]} 行重复")
        seen_cover[key] = lineno
        cover.append(
            CoverRequirement(
                day,
                f[1],
                r.int_field(lineno, f[2], "需求人数"),
                r.int_field(lineno, f[3], "缺员权重"),
                r.int_field(lineno, f[4], "超员权重"),
            )
        )

    return CurtoisInstance(
        name=name,
        horizon=horizon,
        shifts=tuple(shifts),
        staff=tuple(staff),
        days_off=tuple((e.id, tuple(sorted(days_off[e.id]))) for e in staff if e.id in days_off),
        on_requests=on_requests,
        off_requests=off_requests,
        cover=tuple(cover),
    )


# ---------------------------------------------------------------------------------------------------------
# Independent evaluator (written from FORMAT.md; shares nothing with the model below)
# ---------------------------------------------------------------------------------------------------------


def _runs(flags: Sequence[bool], value: bool) -> list[tuple[int, int]]:
    """Maximal runs of ``value`` in ``flags`` as (first day, length)."""
    runs = []
    start = None
    for d, f in enumerate(list(flags) + [not value]):
        if f == value and start is None:
            start = d
        elif f != value and start is not None:
            runs.append((start, d - start))
            start = None
    return runs


def evaluate(
    instance: CurtoisInstance, assignment: Mapping[str, Sequence[str | None]]
) -> tuple[list[str], int]:
    """Return (hard violations as sentences, objective) of ``assignment``.

    Raises ValueError when the assignment does not have one row of ``horizon`` entries per staff id.
    """
    H = instance.horizon
    if set(assignment) != set(instance.staff_ids):
        raise ValueError(
            f"排班结果的员工集合与算例不一致：缺少 {sorted(set(instance.staff_ids) - set(assignment))}，"
            f"多出 {sorted(set(assignment) - set(instance.staff_ids))}"
        )
    lengths = {s.id: s.length_minutes for s in instance.shifts}
    forbidden = {s.id: set(s.forbidden_next) for s in instance.shifts}
    violations: list[str] = []
    for e in instance.staff:
        row = list(assignment[e.id])
        if len(row) != H:
            raise ValueError(f"员工 {e.id} 的排班有 {len(row)} 天，应为 {H} 天")
        # 1. one shift per day is structural here (one entry per day); an unknown id is still wrong.
        for d, s in enumerate(row):
            if s is not None and s not in lengths:
                violations.append(f"员工 {e.id} 第 {d} 天：未知班次 {s!r}")
        row = [s if s in lengths else None for s in row]
        # 2. forbidden successions
        for d in range(H - 1):
            if row[d] is not None and row[d + 1] is not None and row[d + 1] in forbidden[row[d]]:
                violations.append(f"员工 {e.id} 第 {d}→{d + 1} 天：{row[d]} 之后不能接 {row[d + 1]}")
        # 3. max shifts per type
        for sid, k in e.max_shifts:
            n = sum(1 for s in row if s == sid)
            if n > k:
                violations.append(f"员工 {e.id}：班次 {sid} 排了 {n} 次，最多 {k} 次")
        # 4/5. total minutes
        minutes = sum(lengths[s] for s in row if s is not None)
        if minutes > e.max_total_minutes:
            violations.append(f"员工 {e.id}：总时长 {minutes} 分钟，超过上限 {e.max_total_minutes}")
        if minutes < e.min_total_minutes:
            violations.append(f"员工 {e.id}：总时长 {minutes} 分钟，低于下限 {e.min_total_minutes}")
        working = [s is not None for s in row]
        # 6/7. consecutive shifts
        for start, length in _runs(working, True):
            if length > e.max_consecutive_shifts:
                violations.append(
                    f"员工 {e.id} 第 {start}…{start + length - 1} 天连续上班 {length} 天，最多 {e.max_consecutive_shifts} 天"
                )
            touches_edge = start == 0 or start + length == H
            if not touches_edge and length < e.min_consecutive_shifts:
                violations.append(
                    f"员工 {e.id} 第 {start}…{start + length - 1} 天连续上班 {length} 天，至少 {e.min_consecutive_shifts} 天"
                )
        # 8. consecutive days off
        for start, length in _runs(working, False):
            touches_edge = start == 0 or start + length == H
            if not touches_edge and length < e.min_consecutive_days_off:
                violations.append(
                    f"员工 {e.id} 第 {start}…{start + length - 1} 天连续休息 {length} 天，至少 {e.min_consecutive_days_off} 天"
                )
        # 9. weekends
        worked_weekends = 0
        for w in range(H // 7 + 1):
            if any(d < H and working[d] for d in (7 * w + 5, 7 * w + 6)):
                worked_weekends += 1
        if worked_weekends > e.max_weekends:
            violations.append(f"员工 {e.id}：上了 {worked_weekends} 个周末，最多 {e.max_weekends} 个")
        # 10. fixed days off
        for d in instance.fixed_days_off(e.id):
            if working[d]:
                violations.append(f"员工 {e.id} 第 {d} 天是固定休息日，却排了 {row[d]}")

    def assigned(staff: str, day: int) -> str | None:
        s = assignment[staff][day]
        return s if s in lengths else None

    objective = 0
    for q in instance.on_requests:
        if assigned(q.staff, q.day) != q.shift:
            objective += q.weight
    for q in instance.off_requests:
        if assigned(q.staff, q.day) == q.shift:
            objective += q.weight
    for c in instance.cover:
        n = sum(1 for e in instance.staff if assigned(e.id, c.day) == c.shift)
        objective += c.weight_under * max(0, c.requirement - n) + c.weight_over * max(0, n - c.requirement)
    return violations, objective


# ---------------------------------------------------------------------------------------------------------
# CP-SAT model
# ---------------------------------------------------------------------------------------------------------


def _build_model(instance: CurtoisInstance):  # noqa: C901 - one block per hard constraint
    from ortools.sat.python import cp_model

    H = instance.horizon
    shifts = instance.shifts
    m = cp_model.CpModel()
    x: dict[tuple[int, int, int], cp_model.IntVar] = {}  # (staff, day, shift) -> worked
    work: dict[tuple[int, int], cp_model.IntVar] = {}  # (staff, day) -> works any shift

    for i, e in enumerate(instance.staff):
        fixed_off = set(instance.fixed_days_off(e.id))
        for d in range(H):
            day_vars = []
            if d not in fixed_off:  # rule 10: fixed days off get no variable at all
                for j, s in enumerate(shifts):
                    if e.max_shifts_of(s.id) > 0:  # rule 3 with k = 0
                        x[i, d, j] = v = m.new_bool_var(f"x_{e.id}_{d}_{s.id}")
                        day_vars.append(v)
            w = work[i, d] = m.new_bool_var(f"work_{e.id}_{d}")
            # rule 1: at most one shift per day, and `work` is exactly "some shift"
            m.add(sum(day_vars) == w) if day_vars else m.add(w == 0)

    for i, e in enumerate(instance.staff):
        W = [work[i, d] for d in range(H)]
        # rule 2: forbidden successions
        for j, s in enumerate(shifts):
            for nxt in s.forbidden_next:
                k = instance.shift_ids.index(nxt)
                for d in range(H - 1):
                    if (i, d, j) in x and (i, d + 1, k) in x:
                        m.add_bool_or([x[i, d, j].Not(), x[i, d + 1, k].Not()])
        # rule 3: max shifts per type
        for j, s in enumerate(shifts):
            vs = [x[i, d, j] for d in range(H) if (i, d, j) in x]
            if vs and e.max_shifts_of(s.id) < len(vs):
                m.add(sum(vs) <= e.max_shifts_of(s.id))
        # rules 4/5: total minutes
        minutes = sum(
            s.length_minutes * x[i, d, j] for d in range(H) for j, s in enumerate(shifts) if (i, d, j) in x
        )
        m.add(minutes <= e.max_total_minutes)
        m.add(minutes >= e.min_total_minutes)
        lengths = {s.length_minutes for s in shifts}
        if len(lengths) == 1:  # the same bounds as a day count, which propagates better
            (length,) = lengths
            m.add(sum(W) <= e.max_total_minutes // length)
            m.add(sum(W) >= -(-e.min_total_minutes // length))
        # rule 6: max consecutive shifts — every window of MaxConsec+1 days has a day off
        c = e.max_consecutive_shifts
        for d in range(H - c):
            m.add(sum(W[d : d + c + 1]) <= c)
        # rule 7: min consecutive shifts — forbid off, work×L, off for L < MinConsec (runs at the edges exempt)
        _forbid_short_runs(m, W, e.min_consecutive_shifts, worked=True)
        # rule 8: min consecutive days off — forbid work, off×L, work for L < MinConsecOff
        _forbid_short_runs(m, W, e.min_consecutive_days_off, worked=False)
        # rule 9: max weekends
        weekend_vars = []
        for days in instance.weekends():
            if len(days) == 1:
                weekend_vars.append(W[days[0]])
                continue
            we = m.new_bool_var(f"weekend_{e.id}_{days[0]}")
            for d in days:
                m.add_implication(W[d], we)
            m.add_bool_or([W[d] for d in days]).only_enforce_if(we)
            m.add(sum(W[d] for d in days) <= len(days) * we)  # the LP sees this row, not the implications
            weekend_vars.append(we)
        if len(weekend_vars) > e.max_weekends:
            m.add(sum(weekend_vars) <= e.max_weekends)
            # The same in days, as one linear row: the implications above are clauses, which the LP
            # relaxation does not see, and without this the bound misses the weekend shortage entirely.
            weekend_days = [W[d] for days in instance.weekends() for d in days]
            m.add(
                sum(weekend_days)
                <= sum(2 if len(days) == 2 else 1 for days in instance.weekends()[: e.max_weekends])
            )

    # Objective
    staff_index = {e.id: i for i, e in enumerate(instance.staff)}
    shift_index = {s.id: j for j, s in enumerate(shifts)}
    terms = []
    unders = []
    constant = 0
    for q in instance.on_requests:
        key = (staff_index[q.staff], q.day, shift_index[q.shift])
        if key in x:
            constant += q.weight
            terms.append(-q.weight * x[key])
        else:
            constant += q.weight
    for q in instance.off_requests:
        key = (staff_index[q.staff], q.day, shift_index[q.shift])
        if key in x:
            terms.append(q.weight * x[key])
    for c in instance.cover:
        j = shift_index[c.shift]
        vs = [x[i, c.day, j] for i in range(len(instance.staff)) if (i, c.day, j) in x]
        under = m.new_int_var(0, c.requirement, f"under_{c.day}_{c.shift}")
        over = m.new_int_var(0, max(0, len(vs) - c.requirement), f"over_{c.day}_{c.shift}")
        m.add(sum(vs) + under - over == c.requirement)
        # exactness: never both under and over, so the objective equals the evaluator's max(0, ·) terms
        short = m.new_bool_var(f"short_{c.day}_{c.shift}")
        m.add(over == 0).only_enforce_if(short)
        m.add(under == 0).only_enforce_if(short.Not())
        terms.append(c.weight_under * under + c.weight_over * over)
        unders.append((c.day, under))
    # Redundant aggregate rows (valid because each employee fills at most one cover row a day): the
    # shortage on weekends, and over the whole horizon, is at least demand minus the days worked.  The
    # LP keeps these where presolve dissolves the per-row structure; on Instance5 they carry the bound.
    weekend_days = {d for days in instance.weekends() for d in days}
    for day_set in (weekend_days, set(range(H))):
        demand = sum(c.requirement for c in instance.cover if c.day in day_set)
        worked = [work[i, d] for i in range(len(instance.staff)) for d in sorted(day_set)]
        m.add(sum(u for d, u in unders if d in day_set) + sum(worked) >= demand)
    m.minimize(sum(terms) + constant)
    return m, x, work


def _forbid_short_runs(m, W, k: int, worked: bool) -> None:
    """Forbid runs of `worked` days shorter than k that have the opposite value on both sides inside the horizon."""
    H = len(W)
    for length in range(1, k):
        for start in range(1, H - length):
            end = start + length  # first day after the run, < H
            inside = [W[d] for d in range(start, end)]
            if worked:  # not (off, work…, off)
                m.add_bool_or([W[start - 1], *[v.Not() for v in inside], W[end]])
            else:  # not (work, off…, work)
                m.add_bool_or([W[start - 1].Not(), *inside, W[end].Not()])


def solve_instance(
    instance: CurtoisInstance,
    time_limit: float = 60,
    workers: int = 2,
    seed: int = 0,
    on_progress: ProgressCallback | None = None,
) -> tuple[Assignment | None, int | None, int | None, str, float]:
    """Solve with CP-SAT; return (assignment, objective, lower bound, status name, wall seconds).

    With two or more workers, one CP-SAT solve of the full model (linearisation level 2, half of the
    workers) runs for the whole time limit and supplies the lower bound; the other workers run a
    large-neighbourhood search on the shared incumbent: a few employees' whole rows, every employee on
    a window of days, every employee around some weekends, or a block, re-solved exactly with the
    rest fixed (neighbourhoods CP-SAT's generic LNS does not know about).  A presolve-free search
    races the full solve for the first roster.  With one worker the full solve runs first, for 30 % of
    the time, then the LNS.

    ``on_progress(objective, bound, seconds)`` is called for every improving solution, from solver
    threads (bound = best bound known then).  Status is ``OPTIMAL`` when the objective equals the
    bound, ``FEASIBLE`` otherwise; without a solution, assignment, objective and bound are None and the
    status is CP-SAT's (``INFEASIBLE``, ``UNKNOWN``, ``MODEL_INVALID``).  Results vary with timing.
    """
    from ortools.sat.python import cp_model

    t0 = time.perf_counter()
    deadline = t0 + float(time_limit)
    m, x, _work = _build_model(instance)
    rng = random.Random(seed)
    n_staff, H = len(instance.staff), instance.horizon
    cells: dict[tuple[int, int], list[int]] = {}  # (staff, day) -> proto indices of its x variables
    for (i, d, _j), v in x.items():
        cells.setdefault((i, d), []).append(v.index)

    lock = threading.Lock()
    reported: list[int] = []  # best objective passed to on_progress so far
    shared: dict = {"values": None, "best": None, "bound": 0}  # incumbent shared by the full solve and LNS
    found = threading.Event()

    def report(objective: int, bound: int) -> None:
        with lock:  # solution callbacks come from several solver threads
            if reported and objective >= reported[-1]:
                return
            reported.append(objective)
            if on_progress is not None:
                on_progress(objective, bound, time.perf_counter() - t0)

    def offer(values: list[int], objective: int) -> None:
        with lock:  # equal moves are taken too: they let the search walk along plateaus
            if shared["best"] is None or objective <= shared["best"]:
                shared["values"], shared["best"] = values, objective
        found.set()

    class _Progress(cp_model.CpSolverSolutionCallback):
        def __init__(self, full: bool) -> None:
            super().__init__()
            self.full = full

        def on_solution_callback(self) -> None:
            objective = int(round(self.ObjectiveValue()))
            if self.full:
                shared["bound"] = max(shared["bound"], int(round(self.BestObjectiveBound())))
                offer(list(self.response_proto.solution), objective)
            report(objective, shared["bound"])

    def run(solver, model, limit: float, rseed: int, threads: int, full: bool):
        p = solver.parameters
        p.max_time_in_seconds = max(0.01, limit)
        p.num_workers = threads
        p.random_seed = rseed
        # Clauses (min-consecutive patterns, weekend links) in the LP: a much better bound here.
        p.linearization_level = 2
        if threads == 2:
            # Two workers run one full-problem subsolver plus interleaved LNS; the default one ("default_lp")
            # forces linearization level 1, whose bound misses most of the shortage (Instance5: 501 vs 739).
            p.subsolvers.append("max_lp")
        p.log_search_progress = False
        return solver.solve(model, _Progress(full))

    # The full model runs all along (with one worker, the rest go to LNS) for solutions and the bound;
    # with a single worker it runs first, for a share of the time.
    workers = max(1, int(workers))
    full_threads = max(1, workers // 2) if workers > 1 else 1
    parallel = workers - full_threads if workers > 1 else 1
    full_limit = (
        float(time_limit) if workers > 1 else min(float(time_limit), max(1.0, _FULL_SOLVE_SHARE * time_limit))
    )
    full_solver = cp_model.CpSolver()
    full_result: dict = {}

    quick_solver = cp_model.CpSolver()

    def full_solve() -> None:
        full_result["status"] = run(full_solver, m, full_limit, int(seed), full_threads, True)
        quick_solver.stop_search()
        found.set()

    full_thread = threading.Thread(target=full_solve, name="curtois-full-solve", daemon=True)
    full_thread.start()
    if workers == 1:
        full_thread.join()
    else:
        # A single LP-heavy worker can take seconds to its first solution: race it with a plain search.
        q = quick_solver.parameters
        q.num_workers = 1
        q.linearization_level = 0
        q.cp_model_presolve = False  # 0.04 s instead of 0.5 s to a first roster on Instance7
        q.stop_after_first_solution = True
        q.random_seed = int(seed)
        q.max_time_in_seconds = max(0.01, deadline - time.perf_counter())
        quick_status = quick_solver.solve(m, _Progress(False))
        if quick_status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            offer(list(quick_solver.response_proto.solution), int(round(quick_solver.objective_value)))
        found.wait()

    def full_finished() -> bool:
        return not full_thread.is_alive()

    # Large-neighbourhood search: single-threaded sub-solves of the incumbent with most cells fixed.
    # Each kind of neighbourhood has its own size, grown when its sub-problems are solved to optimality
    # and shrunk when they time out.
    size = {"rows": 0.15, "window": 0.25, "block": 0.3, "weekends": 0.3}
    kinds = ("window", "rows", "weekends", "window", "block")
    iteration = 0

    def sub_solve(free: set[tuple[int, int]], incumbent: list[int], limit: float, rseed: int):
        sub = m.clone()
        for cell, indices in cells.items():
            if cell not in free:
                for idx in indices:
                    dom = sub.proto.variables[idx].domain
                    dom[0] = dom[1] = incumbent[idx]
        sub.proto.solution_hint.vars.extend(range(len(incumbent)))
        sub.proto.solution_hint.values.extend(incumbent)
        sub_solver = cp_model.CpSolver()
        return sub_solver, run(sub_solver, sub, limit, rseed, 1, False)

    sub_seconds = min(5.0, max(0.5, _SUB_SOLVE_SHARE * float(time_limit)))
    with ThreadPoolExecutor(max_workers=parallel) as pool:
        while shared["values"] is not None:
            if full_finished() and full_result.get("status") == cp_model.OPTIMAL:
                break
            if shared["best"] <= shared["bound"]:
                break
            remaining = deadline - time.perf_counter()
            if remaining < 0.05:
                break
            jobs = []
            incumbent = shared["values"]
            for _ in range(parallel):
                kind = kinds[iteration % len(kinds)]
                iteration += 1
                free = _neighbourhood(rng, n_staff, H, kind, size[kind])
                limit = min(sub_seconds, remaining)
                jobs.append(
                    (kind, limit, pool.submit(sub_solve, free, incumbent, limit, rng.randrange(1 << 30)))
                )
            for kind, limit, job in jobs:
                sub_solver, sub_status = job.result()
                if sub_status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
                    offer(list(sub_solver.response_proto.solution), int(round(sub_solver.objective_value)))
                if _DEBUG:
                    print(
                        f"lns {time.perf_counter() - t0:6.2f}s {kind:8} size={size[kind]:.2f} "
                        f"{sub_solver.status_name(sub_status)} {sub_solver.wall_time:.2f}s best={shared['best']}"
                    )
                if sub_status == cp_model.OPTIMAL:
                    size[kind] = min(1.0, size[kind] * 1.1)
                elif sub_status != cp_model.INFEASIBLE and limit >= sub_seconds:
                    size[kind] = max(0.02, size[kind] / 1.1)
    full_solver.stop_search()
    full_thread.join()

    status = full_result["status"]
    if shared["values"] is None:
        return None, None, None, full_solver.status_name(status), time.perf_counter() - t0
    values, best = shared["values"], shared["best"]
    bound = int(round(full_solver.best_objective_bound))
    if status == cp_model.OPTIMAL:
        bound = int(round(full_solver.objective_value))
    bound = max(bound, shared["bound"])
    status_name = "OPTIMAL" if best <= bound else "FEASIBLE"
    assignment: Assignment = {}
    for i, e in enumerate(instance.staff):
        row: list[str | None] = []
        for d in range(H):
            worked = [
                s.id for j, s in enumerate(instance.shifts) if (i, d, j) in x and values[x[i, d, j].index]
            ]
            row.append(worked[0] if worked else None)
        assignment[e.id] = tuple(row)
    return assignment, best, bound, status_name, time.perf_counter() - t0


def _neighbourhood(
    rng: random.Random, n_staff: int, horizon: int, kind: str, size: float
) -> set[tuple[int, int]]:
    """(staff, day) cells to free: whole rows of a few staff, every staff on a day window, a block of
    both, or every staff around a few weekends (weekend cover is where the shortage sits)."""
    if kind == "weekends" and horizon >= 7:
        saturdays = list(range(5, horizon, 7))
        chosen = rng.sample(saturdays, max(1, min(len(saturdays), round(size * len(saturdays)))))
        return {
            (i, d) for i in range(n_staff) for sat in chosen for d in range(sat - 2, min(horizon, sat + 4))
        }
    if kind == "rows":
        rows = rng.sample(range(n_staff), max(2, min(n_staff, round(size * n_staff))))
        days = range(horizon)
    elif kind == "window":
        rows = range(n_staff)
        length = max(2, min(horizon, round(size * horizon)))
        start = rng.randrange(horizon - length + 1)
        days = range(start, start + length)
    else:
        rows = rng.sample(range(n_staff), max(2, min(n_staff, round(size**0.5 * n_staff))))
        length = max(2, min(horizon, round(size**0.5 * horizon)))
        start = rng.randrange(horizon - length + 1)
        days = range(start, start + length)
    return {(i, d) for i in rows for d in days}
