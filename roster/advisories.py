"""Supervisor advisories: what labour-law.md §4 lists under "Warnings (allowed, flagged for the supervisor)" —
a roster may do it, but the team lead should look.  Not violations: they never change an exit code or a verdict.

- NW-01: a night share per person far above the team average (fairness).  Night shifts are counted as the
  fairness counters count them (≥ 180 night minutes, NW-03), weighed by :func:`roster.model.contract_factor` as the
  solver weighs them (a 20-h part-timer's 5 nights like a full-timer's 10) and scaled to the whole period by the
  days each person could work (leave, hire and leave dates).
- The same for shifts on calendar rest days (weekends and holiday-block rest days): under the standard system each
  is rest-day work owed 1:1 调休 or 200 % pay, and a part-timer given every weekend is the picture a sweep found.
- CH-10: a calendar week (Mon–Sun) over 60 paid hours under the 综合 system (policy default, no statute).
- OT-02: under the standard system, a workday shift more than 1 h beyond the person's standard day ("needs a
  special reason").
- PG-01 / PG-02: shifts of someone pregnant ≥ 7 months or nursing — the roster keeps their nights and hours within
  the law, but the rest time (pregnant) or the 1 h nursing time (nursing, working time) inside each shift is arranged
  on the day; the rota does not place it, so the team lead is reminded (labour-law §4 lists the block as a hard
  constraint; sweep #11).

"Far above" is both ≥ 1.75 × the average and ≥ 2 more than it (per contract hour, among the people who may take
such shifts), and at least 3 such shifts: small teams and short periods are not flagged for one shift of noise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .calendar import WorkCalendar
from .carryover import fairness_counters
from .model import ProtectedKind, Roster, Scenario, Staff, WorkingTimeSystem, contract_factor

SHARE_RATIO = 1.75
SHARE_MARGIN = 2.0
SHARE_MIN_COUNT = 3
WEEK_HOURS_LIMIT = 60.0
DAILY_EXTENSION_LIMIT_MIN = 60
_NIGHT_BANNED = (ProtectedKind.PREGNANT_7M, ProtectedKind.NURSING, ProtectedKind.MINOR)


@dataclass(frozen=True, slots=True)
class Advisory:
    kind: str  # night_share | weekend_share | week_hours | daily_extension | protected_rest
    staff: str
    source: str  # labour-law.md rule ids ("" for a plain fairness matter)
    zh: str
    en: str

    def text(self, lang: str = "zh") -> str:
        return self.en if lang.startswith("en") else self.zh


def advisories(scenario: Scenario, roster: Roster, cal: WorkCalendar | None = None) -> list[Advisory]:
    """The advisories of ``roster`` (rules in force over its period), people in scenario order."""
    cal = cal or WorkCalendar.of(scenario)
    scenario = scenario.for_period(roster.start, roster.end)
    shifts = scenario.shift_map()
    people = [p for p in scenario.staff if p.active and p.weekly_hours > 0]
    mine: dict[str, list] = {p.id: [] for p in people}
    for a in roster.assignments:
        if a.staff in mine and a.shift in shifts:
            mine[a.staff].append(a)
    counted = {sid: [fairness_counters(a, scenario, cal) for a in rows] for sid, rows in mine.items()}
    nights = {sid: sum(c[0] for c in cs) for sid, cs in counted.items()}
    rest = {sid: sum(c[1] for c in cs) for sid, cs in counted.items()}
    may_night = [p for p in people if p.night_ok and not any(
        pr.kind in _NIGHT_BANNED and pr.period.start <= roster.end and pr.period.end >= roster.start
        for pr in p.protected)]
    # the days each person could work at all: leave, hire and leave dates shrink it (code review: three people on
    # leave all month pulled the average down and flagged the rest as "1.6 ×")
    present = {p.id: sum(1 for d in roster.dates() if p.employed_on(d) and p.leave_on(d) is None) for p in people}
    rules = scenario.rules
    standard = rules.working_time_system == WorkingTimeSystem.STANDARD
    out = _share(may_night, nights, present, roster.days, "night_share", "NW-01",
                 "夜班", "night shifts", "可上夜班的同事")
    # under the standard system rest-day work is owed 1:1 调休 or 200 % (PAY-02); under 综合 it is plain fairness
    out += _share(people, rest, present, roster.days, "weekend_share", "PAY-02" if standard else "",
                  "休息日（周末/调休休息日）班", "shifts on rest days (weekends, make-up rest days)", "同事")
    for p in people:
        rows = mine[p.id]
        out += _protected_rest(p, rows)
        if rules.working_time_system == WorkingTimeSystem.COMPREHENSIVE:
            out += _long_weeks(p, rows, shifts)
        else:
            out += _long_days(p, rows, shifts, cal)
    order = {p.id: i for i, p in enumerate(scenario.staff)}
    return sorted(out, key=lambda x: (order.get(x.staff, 0), x.kind))


def _share(people: list[Staff], counts: dict[str, int], present: dict[str, int], days: int, kind: str, source: str,
           what_zh: str, what_en: str, peers_zh: str, why: dict[str, tuple[str, str]] | None = None) -> list[Advisory]:
    """Flag shares far above the average, each person's count weighed by :func:`roster.model.contract_factor` (the
    solver's own measure) and scaled to the whole period by the days they could work."""
    people = [p for p in people if present[p.id] > 0]
    if len(people) < 2:
        return []
    rate = {p.id: counts.get(p.id, 0) * contract_factor(p.weekly_hours) * days / present[p.id] for p in people}
    avg = sum(rate.values()) / len(rate)
    out = []
    for p in people:
        n, r = counts.get(p.id, 0), rate[p.id]
        if n >= SHARE_MIN_COUNT and r >= SHARE_RATIO * avg and r - avg >= SHARE_MARGIN:
            scaled = r != n
            per = f"（按合同与在岗天数折算为 {r:.1f} 个）" if scaled else ""
            per_en = f" ({r:.1f} scaled to a full contract and the whole period)" if scaled else ""
            cause_zh, cause_en = (why or {}).get(p.id, ("", ""))
            cite_zh, cite_en = (f"（{source}）", f" ({source})") if source else ("", "")  # "": fairness alone
            out.append(Advisory(
                kind, p.id, source,
                f"{p.name}（{p.id}）本期{what_zh} {n} 个{per}，是{peers_zh}平均 {avg:.1f} 个的 {r / avg:.1f} 倍："
                f"分配明显偏多，请核对公平性{cause_zh}{cite_zh}",
                f"{p.name} ({p.id}) has {n} {what_en}{per_en}, {r / avg:.1f} × the average of {avg:.1f}: "
                f"clearly more than colleagues, check fairness{cause_en}{cite_en}"))
    return out


_REST_BLOCK = {
    # kind: (zh label, en label, zh duty, en duty, source)
    ProtectedKind.PREGNANT_7M: ("怀孕 7 个月以上", "pregnant ≥ 7 months",
                                "须在劳动时间内安排一定的休息时间", "needs rest time arranged inside working hours", "PG-01"),
    ProtectedKind.NURSING: ("哺乳期", "nursing",
                            "每班须安排 1 小时哺乳时间（计入工作时间）", "needs 1 h of nursing time in each shift (working time)",
                            "PG-02"),
}


def _protected_rest(p: Staff, rows: list) -> list[Advisory]:
    """One reminder per pregnant (≥ 7 months) / nursing period holding shifts of ``p`` (module docstring)."""
    out = []
    for pr in p.protected:
        if pr.kind not in _REST_BLOCK:
            continue
        n = sum(1 for a in rows if a.date in pr.period)
        if not n:
            continue
        zh_kind, en_kind, zh_duty, en_duty, source = _REST_BLOCK[pr.kind]
        a, b = pr.period.start, pr.period.end
        # a period crossing a new year reads backwards without the years (sweep #14 F5: "12月1日–11月12日")
        zh_span = (f"{a.month}月{a.day}日–{b.month}月{b.day}日" if a.year == b.year else
                   f"{a.year}年{a.month}月{a.day}日–{b.year}年{b.month}月{b.day}日")
        fmt = "%m-%d" if a.year == b.year else "%Y-%m-%d"
        out.append(Advisory(
            "protected_rest", p.id, source,
            f"{p.name}（{p.id}）{zh_kind}（{zh_span}）本期有 {n} 个班次：{zh_duty}，"
            f"排班表不标出具体时段，请当班安排（{source}）",
            f"{p.name} ({p.id}), {en_kind} ({a:{fmt}}–{b:{fmt}}), has {n} shift{'s' if n != 1 else ''} this period: "
            f"{en_duty}; the rota does not place it — arrange it on the day ({source})"))
    return out


def _long_weeks(p: Staff, rows: list, shifts: dict) -> list[Advisory]:
    weeks: dict[dt.date, float] = {}
    for a in rows:
        monday = a.date - dt.timedelta(days=a.date.weekday())
        weeks[monday] = weeks.get(monday, 0.0) + shifts[a.shift].paid_minutes / 60
    out = []
    for monday, hours in sorted(weeks.items()):
        if hours > WEEK_HOURS_LIMIT:
            sunday = monday + dt.timedelta(days=6)
            out.append(Advisory(
                "week_hours", p.id, "CH-10",
                f"{p.name}（{p.id}）{monday.month}月{monday.day}日–{sunday.month}月{sunday.day}日 这一周排班 {hours:g} 小时，"
                f"超过 {WEEK_HOURS_LIMIT:g} 小时（综合工时制的周工时提示，CH-10）",
                f"{p.name} ({p.id}) works {hours:g} h in the week {monday:%m-%d}–{sunday:%m-%d}, over "
                f"{WEEK_HOURS_LIMIT:g} h (comprehensive-hours weekly advisory, CH-10)"))
    return out


def _long_days(p: Staff, rows: list, shifts: dict, cal: WorkCalendar) -> list[Advisory]:
    standard = 8 * 60 * p.weekly_hours / 40  # minutes, exact (as the validator's daily extension)
    long_days = [a for a in rows if cal.is_workday(a.date)
                 and shifts[a.shift].paid_minutes > standard + DAILY_EXTENSION_LIMIT_MIN]
    if not long_days:
        return []
    first = min(a.date for a in long_days)
    n = len(long_days)
    h = f"{standard / 60:.2f}".rstrip("0").rstrip(".")
    return [Advisory(
        "daily_extension", p.id, "OT-02",
        f"{p.name}（{p.id}）有 {n} 个工作日的班次比其标准工作日（{h} 小时）长 1 小时以上"
        f"（首个：{first.month}月{first.day}日）：延长工作时间一般每日不超过 1 小时，超过须有“特殊原因”（OT-02）",
        f"{p.name} ({p.id}) has {n} workday shift{'s' if n != 1 else ''} more than 1 h beyond the standard day "
        f"({h} h; first {first:%m-%d}): extensions over 1 h a day need a 'special reason' (OT-02)")]
