"""Each validator rule alone, in threes (satisfied / just violated / far violated), on hand-made cases.

Calendar facts used (2026, from labour-law.md §3.1/§3.3): 06-01 is a Monday; 06-19 (端午) is a
statutory holiday; June has 21 working days (168 h), July 23 (184 h); 06-15..06-30 holds 11 working
days, 07-01..07-14 holds 10.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from roster.model import (
    Approval,
    DateRange,
    DemandRule,
    History,
    Leave,
    LeaveKind,
    Protected,
    ProtectedKind,
    Roster,
    Rules,
    Scenario,
    SettlementPeriod,
    Shift,
    Staff,
    WorkingTimeSystem,
    make_assignment,
)
from roster.sample import default_shifts, twelve_hour_shifts
from roster.validator import (
    RULES,
    cell_violations,
    check,
    format_violation,
    source_text,
    violation_to_dict,
)

D = dt.date.fromisoformat
T = dt.datetime.fromisoformat
START = D("2026-06-01")
H = 60


def custom(code: str, start: str, minutes: int, brk: int = 0, skills=None) -> Shift:
    h, m = map(int, start.split(":"))
    return Shift(code, code, h * 60 + m, minutes / 60, brk, skills)


EXTRA = (
    custom("L", "20:00", 4 * H + 1),  # 20:00–00:01: one minute on the next date
    custom("X", "08:00", 12 * H + 1),  # 12 h 01 min
    custom("Y", "11:59", 8 * H),  # starts 11:59
    custom("Z", "12:00", 8 * H),  # starts 12:00
    custom("Q", "16:00", 6 * H),  # 16:00–22:00, ends exactly at the night window
    custom("R", "16:00", 6 * H + 1),  # 16:00–22:01
    custom("K", "08:00", 8 * H, skills=("值班长",)),
    custom("S", "08:15", 8 * H),  # 08:15–16:15
)
SHIFTS = default_shifts() + twelve_hour_shifts() + EXTRA


APPROVED = Approval("测试审批", dt.date(2000, 1, 1), dt.date(2099, 12, 31))  # 综合 needs a valid approval, else standard applies


def scen(*staff: Staff, demand=(), rules: Rules | None = None, history=None) -> Scenario:
    """A scenario over SHIFTS; rules without an approval get one (the 综合 → standard fallback is
    tested in test_alerts.py)."""
    rules = rules or Rules()
    if rules.approval == Approval():
        rules = dataclasses.replace(rules, approval=APPROVED)
    return Scenario(rules=rules, shifts=SHIFTS, demand=tuple(demand), staff=staff or (Staff("s1", "甲"),),
                    history=dict(history or {}))


def ro(cells, start: dt.date = START, days: int = 7) -> Roster:
    """cells: iterable of (staff, 'YYYY-MM-DD' or day offset, shift code)."""
    sm = {s.code: s for s in SHIFTS}
    out = []
    for sid, day, code in cells:
        d = start + dt.timedelta(days=day) if isinstance(day, int) else D(day)
        out.append(make_assignment(sid, d, sm[code]))
    return Roster(start, days, tuple(out))


def only(vs, rule):
    return [v for v in vs if v.rule == rule]


def run(sc, r, rule):
    return only(check(sc, r), rule)


# ---------------------------------------------------------------- registry and API


def test_registry_lists_every_rule_id_with_source_and_function():
    ids = ["coverage", "one_shift_per_day", "approved_leave", "unavailable_slots", "employment_dates", "shift_skills",
           "night_work_ban", "min_rest_between_shifts", "weekly_rest_day", "max_consecutive_days",
           "max_daily_hours", "overtime_cap"]
    assert list(RULES) == ids
    for rid, info in RULES.items():
        assert info.id == rid and info.name_zh and info.name_en and info.source
        assert callable(info.func) and info.func.__name__ == rid
        assert info.func.__doc__ and "Source:" in info.func.__doc__


def test_empty_roster_without_demand_is_clean():
    assert check(scen(), ro([])) == []


def test_disabled_rules_are_skipped():
    r = ro([("s1", i, "D") for i in range(7)])
    assert only(check(scen(), r), "weekly_rest_day")
    sc = scen(rules=Rules(disabled=frozenset({"weekly_rest_day", "max_consecutive_days"})))
    vs = check(sc, r)
    assert not only(vs, "weekly_rest_day") and not only(vs, "max_consecutive_days")


def test_violation_dict_and_formatting():
    r = ro([("s1", i, "D") for i in range(7)])
    v = only(check(scen(), r), "weekly_rest_day")[0]
    d = violation_to_dict(v)
    assert d["rule"] == "weekly_rest_day" and d["staff"] == "s1"
    assert d["start"] == "2026-06-01" and d["end"] == "2026-06-07"
    assert d["measured"] == 0 and d["limit"] == 1 and d["unit"] == "天"
    assert "劳动法" in d["source"] and "休息日" in d["message"]
    zh = format_violation(v)
    assert v.message in zh and v.source in zh
    en = format_violation(v, "en")
    assert "weekly_rest_day" in en and "s1" in en and "limit 1" in en and "休息日" not in en.split("source")[0]


def test_cell_violations_marks_shift_cells_and_ranges():
    sc = scen(Staff("s1", "甲", night_ok=False))
    r = ro([("s1", 0, "N"), ("s1", 1, "D"), ("s1", 2, "D"), ("s1", 3, "D"), ("s1", 4, "D"), ("s1", 5, "D"),
            ("s1", 6, "D")])
    cells = cell_violations(check(sc, r))
    # 7 days: std 40 h, 56 h paid → 16 h > 36 × 7/30 = 8.4 h: the month part marks every cell
    assert [v.rule for v in cells[("s1", START)]] == ["night_work_ban", "weekly_rest_day", "max_consecutive_days",
                                                      "overtime_cap"]
    assert {v.rule for v in cells[("s1", D("2026-06-04"))]} == {"weekly_rest_day", "max_consecutive_days",
                                                                 "overtime_cap"}
    # a rest violation marks the cell of the shift that starts too early
    cells = cell_violations(check(scen(), ro([("s1", 0, "E"), ("s1", 1, "D")])))
    assert [v.rule for v in cells[("s1", D("2026-06-02"))]] == ["min_rest_between_shifts"]
    assert ("s1", START) not in cells
    assert all(k[0] == "s1" for k in cells)


# ---------------------------------------------------------------- coverage


def test_coverage_satisfied():
    sc = scen(demand=[DemandRule("2026-06-01", 8 * H, 16 * H, 1)])
    assert run(sc, ro([("s1", 0, "D")]), "coverage") == []


def test_coverage_just_violated_one_violation_per_run():
    sc = scen(demand=[DemandRule("2026-06-01", 8 * H, 16 * H, 2)])
    vs = run(sc, ro([("s1", 0, "D")]), "coverage")
    assert len(vs) == 1
    v = vs[0]
    assert (v.staff, v.start, v.end, v.measured, v.limit) == (None, T("2026-06-01T08:00"), T("2026-06-01T16:00"), 1, 2)
    assert "6月1日 08:00–16:00" in v.message and "缺 1 人" in v.message


def test_coverage_far_violated_one_per_date():
    sc = scen(demand=[DemandRule("all", 0, 24 * H, 2)])
    vs = run(sc, ro([]), "coverage")
    assert len(vs) == 7
    assert [v.start for v in vs] == [dt.datetime.combine(START + dt.timedelta(days=i), dt.time()) for i in range(7)]
    assert all(v.end - v.start == dt.timedelta(days=1) and v.measured == 0 and v.limit == 2 for v in vs)


def test_coverage_person_counts_only_for_whole_slots():
    # S 08:15–16:15 covers the slots 08:30–16:00 only
    sc = scen(demand=[DemandRule("2026-06-01", 8 * H, 17 * H, 1)])
    vs = run(sc, ro([("s1", 0, "S")]), "coverage")
    assert [(v.start.time(), v.end.time()) for v in vs] == [(dt.time(8), dt.time(8, 30)), (dt.time(16), dt.time(17))]


def test_coverage_per_skill():
    demand = [DemandRule("2026-06-01", 9 * H, 18 * H, 1, "审核")]
    ok = scen(Staff("s1", "甲", skills=("审核",)), demand=demand)
    assert run(ok, ro([("s1", 0, "G")]), "coverage") == []
    bad = scen(Staff("s1", "甲", skills=("统计",)), demand=demand)
    vs = run(bad, ro([("s1", 0, "G")]), "coverage")
    assert len(vs) == 1 and "审核" in vs[0].message and vs[0].measured == 0


def test_coverage_person_counted_once_and_run_limit_is_max_demand():
    sc = scen(Staff("s1", "甲"), demand=[DemandRule("2026-06-01", 8 * H, 10 * H, 2),
                                         DemandRule("2026-06-01", 10 * H, 12 * H, 3)])
    vs = run(sc, ro([("s1", 0, "D"), ("s1", 0, "A")]), "coverage")
    assert len(vs) == 1 and vs[0].measured == 1 and vs[0].limit == 3
    assert (vs[0].start.time(), vs[0].end.time()) == (dt.time(8), dt.time(12))
    # the message gives each sub-window's own head-count and demand (not the run's min against its max)
    assert vs[0].message.endswith("08:00–10:00 在岗 1 人、需 2 人；10:00–12:00 在岗 1 人、需 3 人（最多缺 2 人）")


def test_coverage_uniform_run_is_one_sentence():
    # 3 needed 08:00–16:00 and one person on D: one run, the same head-count and demand throughout
    sc = scen(Staff("s1", "甲"), Staff("s2", "乙"), demand=[DemandRule("2026-06-01", 8 * H, 16 * H, 3)])
    vs = run(sc, ro([("s1", 0, "D")]), "coverage")
    assert len(vs) == 1 and (vs[0].measured, vs[0].limit) == (1, 3)
    assert vs[0].message.endswith("在岗 1 人，需 3 人，缺 2 人")


# ---------------------------------------------------------------- one_shift_per_day


def test_one_shift_per_day_satisfied():
    assert run(scen(), ro([("s1", 0, "D"), ("s1", 1, "D")]), "one_shift_per_day") == []


def test_one_shift_per_day_just_violated():
    vs = run(scen(), ro([("s1", 0, "N"), ("s1", 0, "E")]), "one_shift_per_day")
    assert len(vs) == 1 and vs[0].measured == 2 and vs[0].start == START


def test_one_shift_per_day_far_violated_still_one_violation():
    vs = run(scen(), ro([("s1", 0, "N"), ("s1", 0, "D"), ("s1", 0, "E")]), "one_shift_per_day")
    assert len(vs) == 1 and vs[0].measured == 3


# ---------------------------------------------------------------- approved_leave


def on_leave(first: str, last: str, kind=LeaveKind.ANNUAL, **kw) -> Staff:
    return Staff("s1", "甲", leave=(Leave(DateRange(D(first), D(last)), kind),), **kw)


def test_approved_leave_satisfied():
    sc = scen(on_leave("2026-06-03", "2026-06-04"))
    # E ends at 24:00 exactly (no minute on 06-03); N on 06-05 starts after the leave
    assert run(sc, ro([("s1", 1, "E"), ("s1", 4, "N")]), "approved_leave") == []


def test_approved_leave_just_violated_one_minute():
    sc = scen(on_leave("2026-06-03", "2026-06-03"))
    vs = run(sc, ro([("s1", 1, "L")]), "approved_leave")
    assert len(vs) == 1 and vs[0].measured == 1 and vs[0].start == T("2026-06-02T20:00")


def test_approved_leave_far_violated_one_per_shift():
    sc = scen(on_leave("2026-06-02", "2026-06-04", LeaveKind.SICK))
    vs = run(sc, ro([("s1", i, "D") for i in range(7)]), "approved_leave")
    assert [v.start.date() for v in vs] == [D("2026-06-02"), D("2026-06-03"), D("2026-06-04")]
    assert all(v.measured == 480 and "病假" in v.message for v in vs)


@pytest.mark.parametrize("kind, cites, not_cited", [
    (LeaveKind.ANNUAL, "职工带薪年休假条例", "女职工"),
    (LeaveKind.MATERNITY, "女职工劳动保护特别规定》第7条", "年休假"),
    (LeaveKind.COMP, "劳动法》第44条", "女职工"),
    (LeaveKind.SICK, "请假审批", "女职工"),
])
def test_approved_leave_cites_the_source_of_its_kind(kind, cites, not_cited):
    """GUI review #13: a man's annual leave cited the maternity-leave article first."""
    sc = scen(on_leave("2026-06-03", "2026-06-03", kind))
    (v,) = run(sc, ro([("s1", 2, "D")]), "approved_leave")
    assert cites in v.source and not_cited not in v.source


# ---------------------------------------------------------------- employment_dates


def test_employment_dates_satisfied():
    sc = scen(Staff("s1", "甲", hire_date=D("2026-06-02"), leave_date=D("2026-06-05")))
    assert run(sc, ro([("s1", 1, "D"), ("s1", 4, "E")]), "employment_dates") == []


def test_employment_dates_just_violated_one_minute_after_leaving():
    sc = scen(Staff("s1", "甲", leave_date=D("2026-06-05")))
    vs = run(sc, ro([("s1", 4, "L")]), "employment_dates")
    assert len(vs) == 1 and vs[0].measured == 1


def test_employment_dates_far_violated_and_unknown_person():
    sc = scen(Staff("s1", "甲", hire_date=D("2026-06-05")))
    vs = run(sc, ro([("s1", i, "D") for i in range(4)] + [("zz", 0, "D")]), "employment_dates")
    assert [(v.staff, v.start.date()) for v in vs] == [("s1", START + dt.timedelta(days=i)) for i in range(4)] + [
        ("zz", START)]
    assert "不在人员名单" in vs[-1].message


# ---------------------------------------------------------------- shift_skills


def test_shift_skills_satisfied():
    sc = scen(Staff("s1", "甲", skills=("审核", "值班长")))
    assert run(sc, ro([("s1", 0, "K"), ("s1", 1, "D")]), "shift_skills") == []


def test_shift_skills_just_violated():
    sc = scen(Staff("s1", "甲", skills=("审核",)))
    vs = run(sc, ro([("s1", 0, "K"), ("s1", 1, "D")]), "shift_skills")
    assert len(vs) == 1 and vs[0].start == T("2026-06-01T08:00") and "值班长" in vs[0].message


def test_shift_skills_far_violated():
    vs = run(scen(), ro([("s1", i, "K") for i in range(5)]), "shift_skills")
    assert len(vs) == 5


# ---------------------------------------------------------------- night_work_ban


def test_night_work_ban_satisfied_up_to_the_window_edge():
    sc = scen(Staff("s1", "甲", night_ok=False))
    # N on 06-01 would be night; D and Q (16:00–22:00) are not
    assert run(sc, ro([("s1", 0, "Q"), ("s1", 1, "D")]), "night_work_ban") == []


def test_night_work_ban_just_violated_one_minute():
    sc = scen(Staff("s1", "甲", night_ok=False))
    vs = run(sc, ro([("s1", 0, "R")]), "night_work_ban")
    assert len(vs) == 1 and vs[0].measured == 1 and vs[0].limit == 0


def test_night_work_ban_far_violated_one_per_shift():
    sc = scen(Staff("s1", "甲", night_ok=False))
    vs = run(sc, ro([("s1", i, "N") for i in range(7)]), "night_work_ban")
    assert len(vs) == 7 and all(v.measured == 360 for v in vs)  # 00:00–06:00 of each night


def test_night_shift_crossing_into_a_protected_date():
    preg = Protected(ProtectedKind.PREGNANT_7M, DateRange(D("2026-06-04"), D("2026-09-10")))
    sc = scen(Staff("s1", "甲", protected=(preg,)))
    # B 06-02 20:00–06-03 08:00 lies before the protection; B 06-03 20:00–06-04 08:00 crosses into it:
    # its 22:00–24:00 on 06-03 is allowed, its 00:00–06:00 on 06-04 is not.
    vs = run(sc, ro([("s1", 1, "B"), ("s1", 2, "B")]), "night_work_ban")
    assert len(vs) == 1
    assert vs[0].start == T("2026-06-03T20:00") and vs[0].measured == 360
    assert "怀孕7个月以上" in vs[0].message


def test_night_work_ban_minor_and_custom_window():
    minor = Protected(ProtectedKind.MINOR, DateRange(D("2026-01-01"), D("2026-12-31")))
    sc = scen(Staff("s1", "甲", protected=(minor,)), rules=Rules(night_window=(23 * H, 5 * H)))
    vs = run(sc, ro([("s1", 0, "Q"), ("s1", 1, "R"), ("s1", 2, "E"), ("s1", 3, "N")]), "night_work_ban")
    assert [(v.start.date(), v.measured) for v in vs] == [(D("2026-06-03"), 60), (D("2026-06-04"), 300)]


def test_night_ban_does_not_apply_outside_protection_for_night_ok_staff():
    nursing = Protected(ProtectedKind.NURSING, DateRange(D("2026-06-05"), D("2026-06-30")))
    sc = scen(Staff("s1", "甲", protected=(nursing,)))
    vs = run(sc, ro([("s1", i, "N") for i in range(7)]), "night_work_ban")
    assert [v.start.date() for v in vs] == [D("2026-06-05"), D("2026-06-06"), D("2026-06-07")]


# ---------------------------------------------------------------- min_rest_between_shifts


def test_min_rest_satisfied_at_exactly_12_hours():
    # E ends 06-02 00:00, Z starts 06-02 12:00
    assert run(scen(), ro([("s1", 0, "E"), ("s1", 1, "Z"), ("s1", 3, "D")]), "min_rest_between_shifts") == []


def test_min_rest_just_violated():
    vs = run(scen(), ro([("s1", 0, "E"), ("s1", 1, "Y")]), "min_rest_between_shifts")
    assert len(vs) == 1
    v = vs[0]
    assert (v.start, v.end, v.limit) == (T("2026-06-02T00:00"), T("2026-06-02T11:59"), 12)
    assert v.measured == pytest.approx(11 + 59 / 60, abs=1e-3)


def test_min_rest_far_violated_one_per_pair():
    vs = run(scen(), ro([("s1", 0, "E"), ("s1", 1, "N"), ("s1", 1, "D")]), "min_rest_between_shifts")
    assert [v.measured for v in vs] == [0, 0]


def test_min_rest_uses_history_last_shift_end():
    hist = {"s1": History(last_shift_end=T("2026-06-01T00:00"))}
    vs = run(scen(history=hist), ro([("s1", 0, "D")]), "min_rest_between_shifts")
    assert len(vs) == 1 and vs[0].start == T("2026-06-01T00:00") and vs[0].measured == 8
    assert "上一排班期" in vs[0].message
    assert run(scen(history=hist), ro([("s1", 0, "Z")]), "min_rest_between_shifts") == []


def test_min_rest_parameter():
    sc = scen(rules=Rules(min_rest_hours=8))
    assert run(sc, ro([("s1", 0, "E"), ("s1", 1, "D")]), "min_rest_between_shifts") == []


# ---------------------------------------------------------------- weekly_rest_day


def test_weekly_rest_satisfied():
    assert run(scen(), ro([("s1", i, "D") for i in range(6)]), "weekly_rest_day") == []


def test_weekly_rest_just_violated():
    vs = run(scen(), ro([("s1", i, "D") for i in range(7)]), "weekly_rest_day")
    assert len(vs) == 1 and (vs[0].start, vs[0].end, vs[0].measured) == (START, D("2026-06-07"), 0)


def test_weekly_rest_far_violated_one_per_window():
    vs = run(scen(), ro([("s1", i, "D") for i in range(14)], days=14), "weekly_rest_day")
    assert len(vs) == 8
    assert [v.start for v in vs] == [START + dt.timedelta(days=i) for i in range(8)]


def test_weekly_rest_counts_working_dates_of_night_shifts():
    # B 20:00–08:00 every other day leaves no calendar date without a working minute
    vs = run(scen(), ro([("s1", i, "B") for i in (0, 2, 4, 6)]), "weekly_rest_day")
    assert len(vs) == 1 and vs[0].end == D("2026-06-07")


def test_weekly_rest_history_carry_over():
    r = ro([("s1", i, "D") for i in range(4)])
    assert run(scen(), r, "weekly_rest_day") == []
    vs = run(scen(history={"s1": History(consecutive_days=3)}), r, "weekly_rest_day")
    assert len(vs) == 1 and (vs[0].start, vs[0].end) == (D("2026-05-29"), D("2026-06-04"))


def test_weekly_rest_two_days_parameter():
    sc = scen(rules=Rules(min_rest_days_per_week=2))
    assert run(sc, ro([("s1", i, "D") for i in range(1, 6)]), "weekly_rest_day") == []
    vs = run(sc, ro([("s1", i, "D") for i in range(1, 7)]), "weekly_rest_day")
    assert len(vs) == 1 and vs[0].measured == 1 and vs[0].limit == 2 and vs[0].start == START
    # 06-01..06-06 at work: the window 05-31..06-06 (pre-period dates are rest) is short as well
    assert len(run(sc, ro([("s1", i, "D") for i in range(6)]), "weekly_rest_day")) == 2


# ---------------------------------------------------------------- max_consecutive_days


def test_consecutive_satisfied():
    assert run(scen(), ro([("s1", i, "D") for i in range(6)]), "max_consecutive_days") == []


def test_consecutive_just_violated():
    vs = run(scen(), ro([("s1", i, "D") for i in range(7)]), "max_consecutive_days")
    assert len(vs) == 1 and (vs[0].start, vs[0].end, vs[0].measured, vs[0].limit) == (START, D("2026-06-07"), 7, 6)


def test_consecutive_far_violated_one_per_run():
    vs = run(scen(), ro([("s1", i, "D") for i in range(14)], days=14), "max_consecutive_days")
    assert len(vs) == 1 and vs[0].measured == 14


def test_consecutive_history_prefix():
    hist = {"s1": History(consecutive_days=4)}
    vs = run(scen(history=hist), ro([("s1", i, "D") for i in range(3)]), "max_consecutive_days")
    assert len(vs) == 1 and (vs[0].start, vs[0].end, vs[0].measured) == (D("2026-05-28"), D("2026-06-03"), 7)
    # a rest day on the period start breaks the carried run
    assert run(scen(history=hist), ro([("s1", i, "D") for i in range(1, 6)]), "max_consecutive_days") == []


def test_consecutive_history_shift_reaching_into_the_period():
    hist = {"s1": History(last_shift_end=T("2026-06-01T06:00"), consecutive_days=6)}
    vs = run(scen(history=hist), ro([]), "max_consecutive_days")
    assert len(vs) == 1 and (vs[0].start, vs[0].end, vs[0].measured) == (D("2026-05-26"), START, 7)


def test_consecutive_counts_the_date_a_night_shift_reaches():
    assert run(scen(), ro([("s1", i, "B") for i in (0, 2, 4)]), "max_consecutive_days") == []  # 06-01..06-06
    vs = run(scen(), ro([("s1", i, "B") for i in (0, 2, 4, 6)]), "max_consecutive_days")
    assert len(vs) == 1 and (vs[0].start, vs[0].end, vs[0].measured) == (START, D("2026-06-08"), 8)


# ---------------------------------------------------------------- max_daily_hours


def test_daily_hours_satisfied_at_12_hours():
    assert run(scen(), ro([("s1", 0, "A"), ("s1", 2, "B")]), "max_daily_hours") == []


def test_daily_hours_just_violated_listed_once():
    vs = run(scen(), ro([("s1", 0, "X")]), "max_daily_hours")
    assert len(vs) == 1
    assert vs[0].measured == pytest.approx(12 + 1 / 60, abs=1e-3) and vs[0].start == T("2026-06-01T08:00")


def test_daily_hours_far_violated_per_date():
    # B 06-01 20:00–06-02 08:00 and A 06-02 08:00–20:00: 20 h of work on 06-02
    vs = run(scen(), ro([("s1", 0, "B"), ("s1", 1, "A")]), "max_daily_hours")
    assert len(vs) == 1
    assert (vs[0].start, vs[0].end, vs[0].measured) == (T("2026-06-02T00:00"), T("2026-06-03T00:00"), 20)


def test_daily_hours_standard_system_caps_at_11():
    sc = scen(rules=Rules(working_time_system=WorkingTimeSystem.STANDARD))
    vs = run(sc, ro([("s1", 0, "A"), ("s1", 2, "D")]), "max_daily_hours")
    assert len(vs) == 1 and vs[0].limit == 11 and vs[0].measured == 12


def test_daily_hours_standard_system_cap_is_11h_for_every_contract():
    # labour-law §0: 11 h incl. ≤ 3 h overtime under the standard system, whatever the contract (sweep #13 F1; a
    # part-timer's hours beyond their own standard day count toward the monthly overtime cap instead)
    std = Rules(working_time_system=WorkingTimeSystem.STANDARD)
    part = scen(Staff("s1", "甲", weekly_hours=20), rules=std)
    assert run(part, ro([("s1", 0, "D")]), "max_daily_hours") == []  # 8 h on a workday
    (v,) = run(part, ro([("s1", 0, "A")]), "max_daily_hours")  # 12 h
    assert v.measured == 12 and v.limit == 11

def test_daily_hours_exclude_unpaid_breaks():
    # G: 9 h span, 8 h paid.  Cap 8.5: the shift's 8 paid hours pass, and so does its date — working hours exclude
    # unpaid breaks (labour-law §4 "total shift ≤ 11 h excluding unpaid breaks")
    assert run(scen(rules=Rules(max_daily_hours=8.5)), ro([("s1", 0, "G")]), "max_daily_hours") == []
    # cap 7.5: the shift breaks it, reported once (the date adds nothing)
    vs = run(scen(rules=Rules(max_daily_hours=7.5)), ro([("s1", 0, "G")]), "max_daily_hours")
    assert len(vs) == 1 and vs[0].measured == 8 and vs[0].start == T("2026-06-01T09:00")


def test_daily_hours_per_date_counts_a_crossing_break_pro_rata():
    # BB 20:00–08:00 with a 2 h break (10 h paid: 4 h × 10/12 on the first date, 8 h × 10/12 on the second) and
    # D 08:00–16:00 on the second date: 6.67 + 8 = 14.67 h > 12 → one per-date violation; no shift is over 12 h
    bb = custom("BB", "20:00", 12 * H, 120)
    sc = dataclasses.replace(scen(), shifts=SHIFTS + (bb,))
    d = ro([("s1", 1, "D")])
    r = dataclasses.replace(d, assignments=(make_assignment("s1", START, bb),) + d.assignments)
    vs = run(sc, r, "max_daily_hours")
    assert len(vs) == 1 and vs[0].start == T("2026-06-02T00:00")
    assert vs[0].measured == pytest.approx(8 * 10 / 12 + 8, abs=1e-3)


def _protected(kind, first, last, **kw) -> Staff:
    return Staff("s1", "甲", protected=(Protected(kind, DateRange(D(first), D(last))),), **kw)


def test_protected_standard_shift_is_allowed():
    # nursing from 06-01: an 8 h D shift is the standard working day — no extended hours, no violation
    sc = scen(_protected(ProtectedKind.NURSING, "2026-06-01", "2026-12-31"))
    assert run(sc, ro([("s1", 0, "D"), ("s1", 1, "G")]), "max_daily_hours") == []


def test_protected_long_shift_just_violated():
    # A: 12 h paid; a 12 h shift is within the team's cap but extends a pregnant employee's working day
    sc = scen(_protected(ProtectedKind.PREGNANT_7M, "2026-06-02", "2026-08-31"))
    vs = run(sc, ro([("s1", 0, "A"), ("s1", 2, "A")]), "max_daily_hours")
    assert len(vs) == 1  # 06-01 is before the protected period
    v = vs[0]
    assert (v.start, v.measured, v.limit) == (T("2026-06-03T08:00"), 12, 8)
    assert "不得延长劳动时间" in v.message and "PG-01" in v.source


def test_protected_day_scales_with_contract_hours_and_minor_is_not_capped():
    part_time = _protected(ProtectedKind.NURSING, "2026-06-01", "2026-06-30", weekly_hours=30)  # 6 h day
    vs = run(scen(part_time), ro([("s1", 0, "D"), ("s1", 1, "S")]), "max_daily_hours")
    assert [(v.start.date(), v.limit) for v in vs] == [(D("2026-06-01"), 6), (D("2026-06-02"), 6)]
    minor = _protected(ProtectedKind.MINOR, "2026-06-01", "2026-06-30")  # minors: night ban only (PG-07)
    assert run(scen(minor), ro([("s1", 0, "A")]), "max_daily_hours") == []


# ---------------------------------------------------------------- overtime_cap


def month_roster(codes_by_day: dict[int, str], start=START, days=30, sid="s1") -> Roster:
    return ro([(sid, i, c) for i, c in codes_by_day.items()], start=start, days=days)


NO_HOLIDAY_JUNE = [i for i in range(30) if i != 18]  # day offset 18 = 06-19 (statutory)


def test_overtime_satisfied_at_exactly_36_hours():
    # June (full month): std 21 × 8 = 168 h; 17 × A = 204 h → 36 h
    r = month_roster({i: "A" for i in NO_HOLIDAY_JUNE[:17]})
    assert run(scen(), r, "overtime_cap") == []


def test_overtime_just_violated():
    r = month_roster({**{i: "A" for i in NO_HOLIDAY_JUNE[:16]}, NO_HOLIDAY_JUNE[16]: "X"})
    vs = run(scen(), r, "overtime_cap")
    assert len(vs) == 1
    v = vs[0]
    assert (v.start, v.end, v.limit) == (START, D("2026-06-30"), 36)
    assert v.measured == pytest.approx(36 + 1 / 60, abs=1e-3)
    assert "2026年6月" in v.message


def test_overtime_cap_cites_the_source_of_its_cause():
    """Sweep #16: a man over the cap cited the 女职工 rules too (the rule's whole source list); it cites the monthly
    cap (and 综合's period average when that system is in force), the protected-staff rule only for a protected
    period that takes the cap to 0."""
    r = month_roster({i: "A" for i in range(30)})
    (comp,) = run(scen(), r, "overtime_cap")
    assert "第41条" in comp.source and "271号" in comp.source and "女职工" not in comp.source
    (std,) = run(scen(rules=Rules(working_time_system=WorkingTimeSystem.STANDARD)), r, "overtime_cap")
    assert "第41条" in std.source and "271号" not in std.source and "女职工" not in std.source
    nursing = Staff("s1", "甲", protected=(Protected(ProtectedKind.NURSING, DateRange(D("2026-06-20"), D("2026-12-31"))),))
    (prot,) = run(scen(nursing), month_roster({i: "D" for i in range(22)}), "overtime_cap")
    assert prot.limit == 0 and "女职工" in prot.source
    assert "女" not in source_text(prot.source, "en")  # every part has its English rendering


def test_overtime_far_violated_one_per_month():
    r = month_roster({i: "A" for i in range(30)})  # 360 h, 12 of them on the 06-19 holiday
    vs = run(scen(), r, "overtime_cap")
    assert len(vs) == 1
    # max(0, 360 − 12 − 168) + 12 = 192
    assert vs[0].measured == 192


@pytest.mark.parametrize("hired, left", [("2026-06-15", None), (None, "2026-06-12")])
def test_overtime_standard_counts_only_the_employed_days(hired, left):
    """Sweep #13 F2: a joiner's (leaver's) standard is that of the days employed, as on the HR sheet — against the
    whole month's 168 h, twelve 12-h shifts (144 h) were no overtime at all."""
    who = Staff("s1", "甲", hire_date=D(hired) if hired else None, leave_date=D(left) if left else None)
    days = [i for i in range(30) if who.employed_on(START + dt.timedelta(days=i)) and i != 18][:12]
    # employed workdays: 06-15..30 → 11 (06-19 holiday), 88 h; 06-01..12 → 10, 80 h.  Twelve shifts × 12 h =
    # 144 h → 56 h / 64 h (both 0 against the whole month's 168 h)
    (v,) = run(scen(who), month_roster({i: "A" for i in days}), "overtime_cap")
    assert len(days) * 12 - (88 if hired else 80) == v.measured > v.limit == 36


def test_overtime_standard_of_employed_days_never_exceeds_the_whole_months():
    """Review of session 11: a 20-h part-timer leaving on 12 June with annual leave booked 15–30 June (after leaving)
    has SPEC §4's whole-month standard 0 h; the employed days alone gave 40 h and let 72 h of work pass as 32 h."""
    who = Staff("s1", "甲", weekly_hours=20, leave_date=D("2026-06-12"),
                leave=(Leave(DateRange(D("2026-06-15"), D("2026-06-30")), LeaveKind.ANNUAL),))
    r = month_roster({i: "D" for i in (0, 1, 2, 3, 4, 7, 8, 9, 10)})  # nine 8-h shifts up to 06-11
    (v,) = run(scen(who), r, "overtime_cap")
    assert v.measured == 72 and v.limit == 36


def test_quarter_settlement_lends_no_cap_from_months_before_the_hire():
    """Review of session 11: under quarterly 综合 settlement a joiner hired on 1 June had April's and May's caps
    (standard 0, nothing worked) netted into June — 108 h of overtime in the one month employed."""
    from roster.model import SettlementPeriod

    who = Staff("s1", "甲", hire_date=D("2026-06-01"))
    quarter = scen(who, rules=Rules(settlement_period=SettlementPeriod.QUARTER))
    june = [d for d in list(range(1, 7)) + list(range(8, 14)) + [15, 16, 17, 18, 20] + list(range(22, 28))][:20]
    cells = [("s1", f"2026-06-{d:02d}", "A") for d in june]  # 20 × 12 h = 240 h against 168 h: 72 h
    vs = run(quarter, ro(cells, start=D("2026-04-01"), days=91), "overtime_cap")
    assert [(v.measured, v.limit) for v in vs] == [(72, 36)]


def test_overtime_holiday_hours_always_count():
    one_holiday_shift = month_roster({18: "D"})
    assert run(scen(), one_holiday_shift, "overtime_cap") == []
    no_ot = scen(Staff("s1", "甲", overtime_ok=False))
    vs = run(no_ot, one_holiday_shift, "overtime_cap")
    assert len(vs) == 1 and vs[0].measured == 8 and vs[0].limit == 0
    # holiday hours in the period total: they are in the 150 % excess (none here) and still 300 % hours, and the
    # cap counts 150 % and 300 % hours together (labour-law §0) — the flag about pay must not make them legal
    in_total = scen(Staff("s1", "甲", overtime_ok=False), rules=Rules(holiday_hours_in_period_total=True))
    vs = run(in_total, one_holiday_shift, "overtime_cap")
    assert len(vs) == 1 and vs[0].measured == 8 and vs[0].limit == 0


def test_overtime_month_boundary_and_pro_rata():
    # period 06-15..07-14: June part 16 days (cap 36×16/30 = 19.2 h, std 11 × 8 = 88 h),
    # July part 14 days (cap 36×14/31 = 16.26 h, std 10 × 8 = 80 h)
    start = D("2026-06-15")
    june = [i for i in range(16) if i != 4]  # skip 06-19
    cells = {i: "A" for i in june[:9]}  # 108 h → 20 h
    cells.update({16 + i: "A" for i in range(8)})  # 96 h → 16 h
    vs = run(scen(), month_roster(cells, start=start, days=30), "overtime_cap")
    assert len(vs) == 1
    v = vs[0]
    assert (v.start, v.end, v.measured) == (start, D("2026-06-30"), 20)
    assert v.limit == pytest.approx(19.2)
    cells[16 + 8] = "D"  # July: 104 h → 24 h > 16.26 h
    vs = run(scen(), month_roster(cells, start=start, days=30), "overtime_cap")
    assert [(v.start, v.measured) for v in vs] == [(start, 20), (D("2026-07-01"), 24)]
    assert vs[1].limit == pytest.approx(36 * 14 / 31, abs=1e-3)


def test_overtime_partial_month_at_period_end():
    # 06-01..06-28: std 19 × 8 = 152 h, cap 36 × 28/30 = 33.6 h; 16 × A = 192 h → 40 h
    r = month_roster({i: "A" for i in NO_HOLIDAY_JUNE[:16]}, days=28)
    vs = run(scen(), r, "overtime_cap")
    assert len(vs) == 1 and vs[0].measured == 40 and vs[0].limit == pytest.approx(33.6)
    r = month_roster({i: "A" for i in NO_HOLIDAY_JUNE[:15]}, days=28)  # 180 h → 28 h
    assert run(scen(), r, "overtime_cap") == []


def test_overtime_history_counts_from_the_first_of_the_month():
    start = D("2026-06-15")
    cells = {i: "A" for i in [0, 1, 2, 3, 7, 8, 9, 10, 11]}  # 108 h; std 88 → 20 h
    r = month_roster(cells, start=start, days=16)
    # without history: pro rata cap 19.2 h → violated
    assert len(run(scen(), r, "overtime_cap")) == 1
    # with a carry-over record the cap counts from 06-01 (36 h) and adds the 10 h already used
    vs = run(scen(history={"s1": History(overtime_minutes_month=10 * 60)}), r, "overtime_cap")
    assert vs == []
    vs = run(scen(history={"s1": History(overtime_minutes_month=17 * 60)}), r, "overtime_cap")
    assert len(vs) == 1 and vs[0].measured == 37 and vs[0].limit == 36
    assert "含上期，按 6月1日–6月30日 计" in vs[0].message


def test_overtime_history_above_the_pro_rata_share_names_the_whole_month_cap():
    # sweep #14 F7: 30 h of history against 1–24 June's share of 28.8 h: the cap used is the history's 30 h (at
    # most the month's 36), and the message said "按 6月1日–6月24日 计" beside it
    start = D("2026-06-15")
    # 84 h, 12 of them on 端午 (06-19, 300 %); std 7 × 8 = 56 → 16 + 12 = 28 h
    r = month_roster({i: "A" for i in [0, 1, 2, 3, 4, 7, 8]}, start=start, days=10)
    vs = run(scen(history={"s1": History(overtime_minutes_month=30 * 60)}), r, "overtime_cap")
    assert len(vs) == 1 and vs[0].limit == 30 and vs[0].measured == 58
    assert "超过上限（30 小时，上期已加班超出按日折算的份额，上限取上期已加班的小时数）" in vs[0].message
    assert "按 6月1日" not in vs[0].message
    vs = run(scen(history={"s1": History(overtime_minutes_month=5 * 60)}), r, "overtime_cap")
    assert len(vs) == 1 and vs[0].limit == pytest.approx(28.8) and vs[0].measured == 33
    assert "含上期，按 6月1日–6月24日 计" in vs[0].message


def test_overtime_leave_reduces_the_standard():
    r = month_roster({i: "A" for i in NO_HOLIDAY_JUNE[5:19]})  # 14 × 12 = 168 h
    assert run(scen(), r, "overtime_cap") == []  # 168 − 168 = 0
    # 5 working days of annual leave (06-01..06-05): std 168 − 40 = 128 → 40 h
    vs = run(scen(on_leave("2026-06-01", "2026-06-05")), r, "overtime_cap")
    assert len(vs) == 1 and vs[0].measured == 40
    # leave on the weekend 06-06..06-07 does not reduce the standard
    assert run(scen(on_leave("2026-06-06", "2026-06-07")), month_roster({i: "A" for i in range(7, 24) if i != 18}),
               "overtime_cap") == []


def test_overtime_protected_and_part_time_staff():
    nursing = Protected(ProtectedKind.NURSING, DateRange(D("2026-06-20"), D("2026-12-31")))
    r = month_roster({i: "D" for i in NO_HOLIDAY_JUNE[:22]})  # 176 h → 8 h
    assert run(scen(), r, "overtime_cap") == []
    vs = run(scen(Staff("s1", "甲", protected=(nursing,))), r, "overtime_cap")
    assert len(vs) == 1 and vs[0].limit == 0 and vs[0].measured == 8
    # 20 h/week: std 84 h; 15 × D = 120 h → 36 h ok, 16 × D → 44 h
    half = scen(Staff("s1", "甲", weekly_hours=20))
    assert run(half, month_roster({i: "D" for i in NO_HOLIDAY_JUNE[:15]}), "overtime_cap") == []
    vs = run(half, month_roster({i: "D" for i in NO_HOLIDAY_JUNE[:16]}), "overtime_cap")
    assert len(vs) == 1 and vs[0].measured == 44


def test_overtime_quarter_settlement_sums_months():
    # 07-01..08-31: July std 184 h, August 168 h.  July 20 × A = 240 h → 56 h; August 10 × D = 80 h → 0
    cells = {i: "A" for i in range(20)}
    cells.update({31 + i: "D" for i in range(10)})
    r = month_roster(cells, start=D("2026-07-01"), days=62)
    vs = run(scen(), r, "overtime_cap")
    assert len(vs) == 1 and vs[0].measured == 56 and vs[0].end == D("2026-07-31")
    quarter = Rules(settlement_period=SettlementPeriod.QUARTER, approval=APPROVED)
    assert run(scen(rules=quarter), r, "overtime_cap") == []  # 56 ≤ 72
    # standard system ignores the settlement period
    std_q = Rules(working_time_system=WorkingTimeSystem.STANDARD, settlement_period=SettlementPeriod.QUARTER)
    assert len(run(scen(rules=std_q), r, "overtime_cap")) == 1


def test_overtime_quarter_settlement_nets_the_months():
    # sweep #7: 10-01..12-31 (Q4), 综合 quarterly.  October std 144 h, November 168 h, December 184 h.
    # Oct 18 × A (from 10-09, after the holidays) = 216 h → +72; Nov 18 × A = 216 h → +48; Dec 8 × A = 96 h → −88.
    # CH-07 averages over the period: 72 + 48 − 88 = 32 h ≤ 108 h.  Month by month floored at 0 it read 120 h.
    start = D("2026-10-01")
    cells = {8 + i: "A" for i in range(18)}
    cells.update({31 + i: "A" for i in range(18)})
    cells.update({61 + i: "A" for i in range(8)})
    r = month_roster(cells, start=start, days=92)
    quarter = Rules(settlement_period=SettlementPeriod.QUARTER, approval=APPROVED)
    assert run(scen(rules=quarter), r, "overtime_cap") == []
    # twelve more December shifts (20 × A = 240 h → +56): 72 + 48 + 56 = 176 h > 108, and the message's own
    # figures add up: 672 − 496 = 176
    more = {**cells, **{69 + i: "A" for i in range(12)}}
    (v,) = run(scen(rules=quarter), month_roster(more, start=start, days=92), "overtime_cap")
    assert v.measured == 176 and v.limit == 108
    assert "排班有薪 672 小时，标准工时 496 小时" in v.message
    # monthly settlement still measures each month on its own: October 72 > 36
    assert len(run(scen(), r, "overtime_cap")) == 2
    # no overtime allowed (review of sweep #7): such a month is settled alone, the empty October nets nothing —
    # November 30 × D = 240 h against 168 h: 72 h over a cap of 0
    nov = month_roster({31 + i: "D" for i in range(30)}, start=start, days=61)
    (v,) = run(scen(Staff("s1", "甲", overtime_ok=False), rules=quarter), nov, "overtime_cap")
    assert (v.measured, v.limit, v.start) == (72, 0, D("2026-11-01"))
    assert run(scen(rules=quarter), nov, "overtime_cap") == []  # 240 − 144 − 168 < 0 for anyone else


def test_a_history_without_overtime_keeps_the_part_s_pro_rata_cap():
    # review of sweep #7: 09-15..09-30 (16 days, 12 workdays = 96 h, cap 36 × 16/30 = 19.2 h); 16 × D = 128 h → 32 h.
    # A history entry holding only last_shift_end used to move the cap to the whole month (36 h) in the validator
    # while the solver kept 19.2 — now both keep SPEC §4's pro-rata share unless the history carries overtime
    start = D("2026-09-15")
    r = month_roster({i: "D" for i in range(16)}, start=start, days=16)
    hist = {"s1": History(last_shift_end=dt.datetime(2026, 9, 14, 16, 0))}
    for history in (None, hist):
        (v,) = run(scen(history=history), r, "overtime_cap")
        assert (v.measured, v.limit) == (32, 19.2)


def test_overtime_average_method():
    # average: 165.33 h per month → 17 × A = 204 h gives 38.67 h
    r = month_roster({i: "A" for i in NO_HOLIDAY_JUNE[:17]})
    vs = run(scen(rules=Rules(standard_hours_method="average")), r, "overtime_cap")
    assert len(vs) == 1 and vs[0].measured == pytest.approx(204 - 1984 / 12, abs=1e-3)


def test_overtime_break_is_unpaid_and_holiday_minutes_pro_rata():
    # G on the 06-19 holiday: 9 h span, 8 h paid → 8 holiday hours
    vs = run(scen(Staff("s1", "甲", overtime_ok=False)), month_roster({18: "G"}), "overtime_cap")
    assert len(vs) == 1 and vs[0].measured == 8
    # B 06-18 20:00–06-19 08:00: 8 of its 12 paid hours lie on the holiday
    vs = run(scen(Staff("s1", "甲", overtime_ok=False)), month_roster({17: "B"}), "overtime_cap")
    assert len(vs) == 1 and vs[0].measured == 8


# ---------------------------------------------------------------- timeline helpers


def test_timeline_minutes_and_night_minutes_per_date():
    from roster.timeline import is_night_shift, minutes_by_date, night_minutes_by_date, working_dates

    assert minutes_by_date(T("2026-06-01T16:00"), T("2026-06-02T00:00")) == {START: 480}
    assert minutes_by_date(T("2026-06-01T20:00"), T("2026-06-02T08:00")) == {START: 240, D("2026-06-02"): 480}
    nw = (22 * H, 6 * H)
    assert night_minutes_by_date(T("2026-06-01T20:00"), T("2026-06-02T08:00"), nw) == {START: 120,
                                                                                        D("2026-06-02"): 360}
    assert night_minutes_by_date(T("2026-06-01T06:00"), T("2026-06-01T22:00"), nw) == {}
    assert night_minutes_by_date(T("2026-06-01T00:00"), T("2026-06-01T05:00"), (1 * H, 4 * H)) == {START: 180}
    assert is_night_shift(T("2026-06-01T00:00"), T("2026-06-01T08:00"), nw)
    assert not is_night_shift(T("2026-06-01T16:00"), T("2026-06-02T00:00"), nw)  # 120 night minutes
    sc = scen(history={"s1": History(last_shift_end=T("2026-06-01T06:00"))})
    assert working_dates(sc, ro([("s1", 2, "B")]), "s1") == {START, D("2026-06-03"), D("2026-06-04")}


def test_night_ban_cites_the_reason_that_applies():
    night_off = Staff("s1", "甲", night_ok=False)
    vs = run(scen(night_off), ro([("s1", 0, "N")]), "night_work_ban")
    assert len(vs) == 1 and vs[0].source == "员工设置：不安排夜班" and "PG-01" not in vs[0].source
    pregnant = _protected(ProtectedKind.PREGNANT_7M, "2026-06-01", "2026-08-31")
    vs = run(scen(pregnant), ro([("s1", 0, "N")]), "night_work_ban")
    assert len(vs) == 1 and "PG-01" in vs[0].source and "PG-07" not in vs[0].source
    minor = _protected(ProtectedKind.MINOR, "2026-06-01", "2026-08-31")
    vs = run(scen(minor), ro([("s1", 0, "N")]), "night_work_ban")
    assert len(vs) == 1 and "PG-07" in vs[0].source and "PG-01" not in vs[0].source



def test_daily_cap_cites_the_system_in_force_or_the_protection():
    # sweep #14 F6: a man's 12-h shift under the standard system cited the 女职工 rules as well
    vs = run(scen(rules=Rules(working_time_system=WorkingTimeSystem.STANDARD)), ro([("s1", 0, "A")]), "max_daily_hours")
    assert len(vs) == 1 and vs[0].source == "《劳动法》第41条（OT-02）"
    vs = run(scen(), ro([("s1", 0, "X")]), "max_daily_hours")  # 综合: 12 h 01 min over the 12-h cap
    assert len(vs) == 1 and vs[0].source == "劳部发〔1997〕271号第5项（CH-06）"
    vs = run(scen(_protected(ProtectedKind.NURSING, "2026-06-01", "2026-12-31")), ro([("s1", 0, "A")]), "max_daily_hours")
    assert len(vs) == 1 and "PG-01/PG-02" in vs[0].source and "OT-02" not in vs[0].source


# ------------------------------------------- overtime_cap: extended daily hours under the standard system
STANDARD_RULES = Rules(working_time_system=WorkingTimeSystem.STANDARD)
TEN_HOURS = custom("T", "08:00", 10 * H)  # 10 h paid: 2 h beyond the standard day


def _ten_hour_days(n: int) -> Roster:
    days = [d for d in (START + dt.timedelta(days=i) for i in range(30)) if d.weekday() < 5 and d != D("2026-06-19")]
    sm = {s.code: s for s in SHIFTS + (TEN_HOURS,)}
    return Roster(START, 30, tuple(make_assignment("s1", d, sm["T"]) for d in days[:n]))


def test_standard_extended_hours_within_the_cap():
    sc = dataclasses.replace(scen(rules=STANDARD_RULES), shifts=SHIFTS + (TEN_HOURS,))
    # 18 workdays × 10 h = 180 h: 12 h over the 168 h standard, 18 × 2 h = 36 h extended — exactly the cap
    assert run(sc, _ten_hour_days(18), "overtime_cap") == []


def test_standard_extended_hours_just_over_the_cap():
    # 19 workdays × 10 h = 190 h: the month's total is 22 h over its 168 h standard, but 19 × 2 h = 38 h of
    # extended daily hours exceed the 36 h cap (劳动法 第41条) — the netting alone would not see it
    sc = dataclasses.replace(scen(rules=STANDARD_RULES), shifts=SHIFTS + (TEN_HOURS,))
    vs = run(sc, _ten_hour_days(19), "overtime_cap")
    assert len(vs) == 1 and vs[0].measured == 38 and vs[0].limit == 36 and "延时 38" in vs[0].message


def test_comprehensive_ignores_the_daily_extension():
    sc = dataclasses.replace(scen(), shifts=SHIFTS + (TEN_HOURS,))  # approved 综合: settles the month's total
    assert run(sc, _ten_hour_days(19), "overtime_cap") == []


# ------------------------------------------- overtime_cap: minutes that fall in the next month
def test_overtime_counts_a_night_shift_s_morning_in_the_next_month_too():
    # 10-29 .. 11-02: November holds 11-01 (Sun) and 11-02 (Mon) → standard 8 h, cap 36 × 2/30 = 2.4 h.
    # B 10-31 20:00 → 11-01 08:00 belongs to October by its start, but 8 of its hours fall in November;
    # with D on 11-02 November holds 16 h of work: 8 h over its standard on that reading
    start = D("2026-10-29")
    r = ro([("s1", "2026-10-31", "B"), ("s1", "2026-11-02", "D")], start=start, days=5)
    vs = run(scen(), r, "overtime_cap")
    assert len(vs) == 1 and vs[0].start == D("2026-11-01") and vs[0].measured == 8 and vs[0].limit == 2.4


def test_overtime_next_month_reading_satisfied_without_the_spill():
    start = D("2026-10-29")
    r = ro([("s1", "2026-10-30", "D"), ("s1", "2026-11-02", "D")], start=start, days=5)
    assert run(scen(), r, "overtime_cap") == []


def test_a_rosters_own_history_is_checked_at_the_seam_and_its_carried_nights_cover():
    # sweep #9 F3 / code review: a roster made with --after keeps the history it was planned on and the previous
    # period's nights running into its first date; the check reads both (the scenario alone has neither)
    shifts = default_shifts() + twelve_hour_shifts()
    sc = Scenario(shifts=shifts, demand=(DemandRule("all", 0, 8 * 60, 1),), staff=(Staff("a", "甲"), Staff("b", "乙")))
    day_shift = next(s for s in shifts if s.code == "D")
    night = next(s for s in shifts if s.code == "B")
    ro = Roster(START, 1, (make_assignment("a", START, day_shift),))
    base = [v.rule for v in check(sc, ro)]
    assert "min_rest_between_shifts" not in base and "coverage" in base  # 00–08 short, no seam known
    carried = (make_assignment("b", START - dt.timedelta(days=1), night),)
    seam = dataclasses.replace(ro, carried_in=carried, history={"a": History(last_shift_end=T("2026-06-01T06:00"))})
    rules = [v.rule for v in check(sc, seam)]
    assert "min_rest_between_shifts" in rules  # a's shift from the previous period ended 2 h before D
    assert "coverage" not in rules  # b's night covers 00–08
