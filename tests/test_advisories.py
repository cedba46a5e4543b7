"""Supervisor advisories (labour-law.md §4 "Warnings (allowed, flagged for the supervisor)"): hand-built rosters."""

from __future__ import annotations

import dataclasses
import datetime as dt

from roster.advisories import advisories
from roster.model import Approval, Roster, Rules, Scenario, Shift, Staff, WorkingTimeSystem, make_assignment

D = dt.date.fromisoformat
DAY = Shift("D", "白班", 8 * 60, 8)
NIGHT = Shift("N", "夜班", 0, 8)
LONG = Shift("A", "长白班", 8 * 60, 12)
START = D("2026-11-02")  # a Monday; 7/8 Nov and 14/15 Nov are weekends


def _roster(rows: dict[str, list[tuple[str, str]]], days: int = 14) -> Roster:
    shifts = {s.code: s for s in (DAY, NIGHT, LONG)}
    return Roster(START, days, tuple(make_assignment(sid, D(day), shifts[code])
                                     for sid, cells in rows.items() for day, code in cells))


def _team(*staff: Staff, rules: Rules | None = None) -> Scenario:
    return Scenario(shifts=(DAY, NIGHT, LONG), staff=staff, rules=rules or Rules())


def test_a_part_timer_with_every_weekend_is_flagged_per_contract_hour():
    # sweep #10 M1: a 20-h part-timer got every weekend day of November while full-timers had 3-4
    sc = _team(Staff("a", "甲"), Staff("b", "乙"), Staff("c", "丙"), Staff("p", "丁", weekly_hours=20))
    weekend = ["2026-11-07", "2026-11-08", "2026-11-14", "2026-11-15"]
    ro = _roster({"p": [(d, "D") for d in weekend], "a": [("2026-11-07", "D")],
                  "b": [("2026-11-02", "D"), ("2026-11-03", "D")], "c": [("2026-11-04", "D")]})
    got = advisories(sc, ro)
    assert [(x.kind, x.staff) for x in got] == [("weekend_share", "p")]
    assert "丁（p）本期休息日" in got[0].zh and "4 个" in got[0].zh and "折算为 8.0 个" in got[0].zh
    # no approval: the standard system, where rest-day work is owed 调休 or 200 % (PAY-02)
    assert got[0].source == "PAY-02"
    # three full-timers with 4 each is even: nothing to say
    even = _roster({sid: [(d, "D") for d in weekend] for sid in ("a", "b", "c")})
    assert advisories(_team(Staff("a", "甲"), Staff("b", "乙"), Staff("c", "丙")), even) == []


def test_night_share_counts_only_people_who_may_work_nights():
    nights = [("2026-11-0" + str(d), "N") for d in range(2, 8)]
    sc = _team(Staff("a", "甲"), Staff("b", "乙"), Staff("c", "丙", night_ok=False), Staff("d", "丁", night_ok=False))
    ro = _roster({"a": nights, "b": [("2026-11-02", "D")]})
    assert [(x.kind, x.staff) for x in advisories(sc, ro)] == [("night_share", "a")]
    # with the day-only people counted in, the average would fall and flag more; among 2 night workers 6 vs 0
    # is flagged, 6 vs 4 is not (ratio 1.2)
    even = _roster({"a": nights, "b": nights[:4]})
    assert advisories(sc, even) == []


def test_a_comprehensive_week_over_60_hours_and_a_long_standard_workday_are_said():
    full = Staff("a", "甲")
    week = _roster({"a": [(f"2026-11-0{d}", "A") for d in range(2, 8)]})  # 6 × 12 h = 72 h in one week
    approved = Rules(approval=Approval("京人社工时〔2026〕1号", D("2026-01-01"), D("2027-12-31")))  # 综合 in force
    got = advisories(_team(full, Staff("b", "乙"), rules=approved), week)
    assert [(x.kind, x.source) for x in got] == [("week_hours", "CH-10")]
    assert "72 小时" in got[0].zh
    std = Rules(working_time_system=WorkingTimeSystem.STANDARD)
    one = _roster({"a": [("2026-11-02", "A")]})  # a 12-h workday shift: 4 h beyond the standard 8 h
    got = advisories(_team(full, Staff("b", "乙"), rules=std), one)
    assert [(x.kind, x.source) for x in got] == [("daily_extension", "OT-02")]
    part = dataclasses.replace(full, weekly_hours=24)  # standard day 4.8 h: a 6-h shift is 1.2 h beyond
    six = Shift("S", "短班", 8 * 60, 6)
    ro = Roster(START, 7, (make_assignment("a", START, six),))
    sc = Scenario(shifts=(six,), staff=(part,), rules=std)
    assert [x.kind for x in advisories(sc, ro)] == ["daily_extension"]


def test_roster_check_and_the_excel_compliance_sheet_list_the_advisories(tmp_path):
    import io

    import openpyxl

    from exports.excel import write_workbook
    from roster.checkcli import run_check
    from roster.scenario_io import roster_to_dict, scenario_to_dict, write_json

    sc = _team(Staff("a", "甲"), Staff("b", "乙"), Staff("c", "丙"), Staff("p", "丁", weekly_hours=20))
    ro = _roster({"p": [(d, "D") for d in ("2026-11-07", "2026-11-08", "2026-11-14", "2026-11-15")],
                  "a": [("2026-11-07", "D")], "b": [("2026-11-02", "D")], "c": [("2026-11-04", "D")]})
    write_json(tmp_path / "team.json", scenario_to_dict(sc))
    write_json(tmp_path / "rota.json", roster_to_dict(ro))
    out, err = io.StringIO(), io.StringIO()
    code = run_check(str(tmp_path / "team.json"), str(tmp_path / "rota.json"), out=out, err=err)
    assert "提示：丁（p）本期休息日" in err.getvalue()
    assert ("提示" not in out.getvalue()) and code in (0, 1)  # never counted as a violation
    write_workbook(tmp_path / "r.xlsx", sc, ro)
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx")["合规"]
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert "提示（不违规，供审核人核对）" in texts and any(t.startswith("丁（p）本期休息日") for t in texts)


def test_people_on_leave_do_not_pull_the_average_down():
    # code review: with three people on leave all month the seven night workers present (6-8 nights each) were
    # flagged "1.6 ×" the average
    from roster.model import DateRange, Leave, LeaveKind

    away = (Leave(DateRange(START, START + dt.timedelta(days=13)), LeaveKind.ANNUAL),)
    staff = [Staff(f"w{i}", f"在岗{i}") for i in range(4)] + [Staff(f"l{i}", f"休假{i}", leave=away) for i in range(3)]
    nights = {f"w{i}": [(str(START + dt.timedelta(days=d)), "N") for d in range(i % 2, 14, 2)][: 6 + i % 2]
              for i in range(4)}
    assert advisories(_team(*staff), _roster(nights)) == []


def test_the_sample_teams_solved_month_raises_only_the_reminder_for_its_pregnant_colleague():
    # a fair roster must not read as unfair: the sample's 28-day solve (3 days of leave for 李娜 scale her share up;
    # at 1.5 × her 6 rest-day shifts, as many as three colleagues had, were flagged)
    from roster.sample import sample_scenario
    from solver.api import SolveOptions, solve

    sc = sample_scenario()
    res = solve(sc, dt.date(2026, 6, 1), 28, SolveOptions(time_limit=3))
    got = advisories(sc, res.roster)
    # only the reminder for 陈静 (pregnant from 15 June): her rest time inside each shift is arranged on the day
    assert [(a.kind, a.staff) for a in got] == [("protected_rest", "s05")], [a.zh for a in got]


def test_pregnant_and_nursing_shifts_carry_a_reminder_of_the_rest_block_minors_do_not():
    from roster.model import DateRange, Protected, ProtectedKind

    nov = DateRange(D("2026-11-04"), D("2026-11-30"))
    staff = (Staff("a", "甲", protected=(Protected(ProtectedKind.NURSING, nov),)),
             Staff("b", "乙", protected=(Protected(ProtectedKind.PREGNANT_7M, nov),)),
             Staff("c", "丙", protected=(Protected(ProtectedKind.MINOR, nov),)),
             Staff("d", "丁", protected=(Protected(ProtectedKind.NURSING, nov),)))
    days = ["2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05"]
    # d works only before the nursing period starts: nothing to arrange in this roster
    ro = _roster({"a": [(d, "D") for d in days], "b": [(days[3], "D")], "c": [(d, "D") for d in days],
                  "d": [(d, "D") for d in days[:2]]})
    got = advisories(_team(*staff), ro)
    assert [(x.kind, x.staff, x.source) for x in got] == [("protected_rest", "a", "PG-02"),
                                                          ("protected_rest", "b", "PG-01")]
    assert "本期有 2 个班次" in got[0].zh and "1 小时哺乳时间" in got[0].zh
    assert "1 shift this period" in got[1].en and "rest time" in got[1].en


def test_a_protected_period_across_new_year_names_its_years():
    # sweep #14 F5: 2025-12-01 … 2026-11-12 read "哺乳期（12月1日–11月12日）", backwards
    from roster.model import DateRange, Protected, ProtectedKind

    long = DateRange(D("2025-12-01"), D("2026-11-12"))
    staff = (Staff("a", "甲", protected=(Protected(ProtectedKind.NURSING, long),)),
             Staff("b", "乙", protected=(Protected(ProtectedKind.NURSING, DateRange(D("2026-01-05"), D("2026-11-30"))),)))
    ro = _roster({"a": [("2026-11-02", "D")], "b": [("2026-11-02", "D")]})
    a, b = advisories(_team(*staff), ro)
    assert "2025年12月1日–2026年11月12日" in a.zh and "2025-12-01–2026-11-12" in a.en
    assert "（1月5日–11月30日）" in b.zh and "(01-05–11-30)" in b.en
