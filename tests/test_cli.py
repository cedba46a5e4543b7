"""End-to-end CLI tests (SPEC §3): exit codes and messages, run in-process through ui.cli.main."""

from __future__ import annotations

import json

import pytest

from ui.cli import main


def test_sample_writes_scenario_that_loads(tmp_path):
    out = tmp_path / "team.json"
    assert main(["sample", "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "roster-scenario/1"
    assert len(data["staff"]) == 13


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"{not json", "JSON"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "UTF-8"),
        (json.dumps({"format": "roster-scenario/1", "shifts": [{"code": "D", "start": "8:00x", "hours": 8}]}).encode(), "shifts[0].start"),
        (json.dumps({"format": "roster-scenario/1", "demand": [{"day_type": "all", "from": "00:00", "to": "08:00", "count": -1}]}).encode(), "demand[0].count"),
        (json.dumps({"format": "roster-scenario/1", "staff": [{"id": "a", "leave": [
            {"from": "2026-06-01", "to": "2026-06-05"}, {"from": "2026-06-03", "to": "2026-06-04"}]}]}).encode(), "staff[0].leave[1]"),
        (json.dumps({"format": "something-else"}).encode(), "format"),
        (json.dumps({"format": "roster-scenario/1", "demand": [{"day_type": "weekend", "from": "00:00", "to": "08:00",
                                                                "count": 1}]}).encode(), "workday、restday、holiday、all"),
    ],
)
def test_bad_scenario_exits_2_naming_file_and_field(tmp_path, capsys, content, needle):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    rota = tmp_path / "rota.json"
    rota.write_text(json.dumps({"format": "roster/1", "start": "2026-06-01", "days": 7, "assignments": []}))
    code = main(["check", "--scenario", str(bad), str(rota)])
    err = capsys.readouterr().err
    assert code == 2
    assert str(bad) in err and needle in err
    assert "Traceback" not in err


def test_unknown_shift_and_date_outside_period_in_roster_exit_2(tmp_path, capsys):
    rota = tmp_path / "rota.json"
    rota.write_text(json.dumps({"format": "roster/1", "start": "2026-06-01", "days": 7, "assignments": [
        {"staff": "s01", "date": "2026-06-02", "shift": "Q"}]}))
    assert main(["check", str(rota)]) == 2
    assert "assignments[0].shift" in capsys.readouterr().err
    rota.write_text(json.dumps({"format": "roster/1", "start": "2026-06-01", "days": 7, "assignments": [
        {"staff": "s01", "date": "2026-07-02", "shift": "D"}]}))
    assert main(["check", str(rota)]) == 2
    assert "assignments[0].date" in capsys.readouterr().err


def test_missing_file_exits_2(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nope.json")]) == 2
    assert "nope.json" in capsys.readouterr().err


def test_solve_then_check_reports_zero_violations(tmp_path, capsys):
    rota = tmp_path / "rota.json"
    code = main(["solve", "--days", "7", "--time-limit", "10", "--json", str(rota)])
    assert code == 0, capsys.readouterr().err
    data = json.loads(rota.read_text(encoding="utf-8"))
    assert data["format"] == "roster/1" and data["assignments"]
    assert main(["check", str(rota)]) == 0
    out = capsys.readouterr().out
    assert "0 violations" in out or "0 违规" in out


def test_check_flags_a_planted_violation(tmp_path, capsys):
    # s11 has night_ok = false in the sample: a night shift is a violation of night_work_ban
    rota = tmp_path / "rota.json"
    rota.write_text(json.dumps({"format": "roster/1", "start": "2026-06-01", "days": 1, "assignments": [
        {"staff": "s11", "date": "2026-06-01", "shift": "N"}]}))
    assert main(["check", str(rota)]) == 1
    out = capsys.readouterr().out
    assert "night_work_ban" in out


def test_unwritable_output_gives_a_message_not_a_traceback(tmp_path, capsys):
    target = tmp_path / "missing-folder" / "rota.json"
    code = main(["solve", "--days", "1", "--time-limit", "5", "--out", str(tmp_path / "no" / "rota.xlsx")])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "rota.xlsx" in err and "Traceback" not in err
    assert not target.exists()


def test_missing_output_folder_is_refused_before_solving(tmp_path, capsys, monkeypatch):
    import solver.api

    def must_not_run(*a, **k):
        raise AssertionError("solve started although the output folder is missing")

    monkeypatch.setattr(solver.api, "solve", must_not_run)
    code = main(["solve", "--days", "7", "--json", str(tmp_path / "no" / "rota.json")])
    err = capsys.readouterr().err
    assert code == 2 and "--json" in err and "rota.json" in err
    # a folder nothing can be created in (sweep #6: it failed only after the solve)
    code = main(["solve", "--days", "7", "--pdf", "/proc/rota.pdf"])
    err = capsys.readouterr().err
    assert code == 2 and "--pdf" in err and "不可写" in err


def test_impossible_lock_exits_1_with_an_explanation_and_no_traceback(tmp_path, capsys):
    # s03 has approved leave in the sample; a D shift locked on one of her leave days cannot hold
    from roster.sample import sample_scenario

    sc = sample_scenario()
    s03 = next(p for p in sc.staff if p.id == "s03")
    day = s03.leave[0].period.start
    team = tmp_path / "team.json"
    assert main(["sample", "--out", str(team)]) == 0
    data = json.loads(team.read_text(encoding="utf-8"))
    data["locked"] = [{"staff": "s03", "date": day.isoformat(), "shift": "D"}]
    team.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    rota = tmp_path / "rota.json"
    start = day.replace(day=1)
    code = main(["solve", "--scenario", str(team), "--start", start.isoformat(), "--days", "14",
                 "--time-limit", "5", "--json", str(rota)])
    err = capsys.readouterr().err
    assert code == 1, err
    assert "Traceback" not in err and "INFEASIBLE" in err
    assert "s03" in err and day.isoformat() in err  # the explanation names the conflicting lock
    saved = json.loads(rota.read_text(encoding="utf-8"))
    assert saved["assignments"] == [] and saved["solver"]["status"] == "INFEASIBLE"
    assert "s03" in saved["solver"]["infeasible_reason"]
    # the same in English (sweep #14 F4: the reason stayed Chinese)
    code = main(["solve", "--lang", "en", "--scenario", str(team), "--start", start.isoformat(), "--days", "14",
                 "--time-limit", "5", "--json", str(rota)])
    err = capsys.readouterr().err
    assert code == 1 and "The lock of 李娜 (s03)" in err and "'No work on approved leave'" in err and "锁定" not in err
    assert "remove the lock or cancel that day's leave" in err
    assert "No work on approved leave" in json.loads(rota.read_text(encoding="utf-8"))["solver"]["infeasible_reason_en"]


def test_solve_warns_when_comprehensive_hours_lack_an_approval(tmp_path, capsys):
    team = tmp_path / "team.json"
    assert main(["sample", "--out", str(team)]) == 0
    data = json.loads(team.read_text(encoding="utf-8"))
    data["rules"]["approval"] = {"number": "", "valid_from": None, "valid_to": None}
    team.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    rota = tmp_path / "rota.json"
    capsys.readouterr()
    main(["solve", "--scenario", str(team), "--days", "3", "--time-limit", "3", "--json", str(rota)])
    err = capsys.readouterr().err
    assert "警告" in err and "标准工时制" in err
    assert any("标准工时制" in w for w in json.loads(rota.read_text(encoding="utf-8"))["solver"]["warnings"])


def test_solve_warns_about_estimated_holidays(tmp_path, capsys):
    rota = tmp_path / "rota.json"
    main(["solve", "--start", "2027-02-01", "--days", "3", "--time-limit", "3", "--json", str(rota)])
    err = capsys.readouterr().err
    assert "2027" in err and "估算" in err
    info = json.loads(rota.read_text(encoding="utf-8"))["solver"]
    assert any("估算" in w for w in info["warnings"])
    assert any("estimated" in w for w in info["warnings_en"]) and len(info["warnings_en"]) == len(info["warnings"])



def test_solve_in_english_prints_status_and_alerts_in_english(tmp_path, capsys):
    # sweep #14 F4: with --lang en the status line and the period alerts stayed Chinese
    main(["solve", "--lang", "en", "--start", "2027-02-01", "--days", "3", "--time-limit", "3",
          "--json", str(tmp_path / "rota.json")])
    err = capsys.readouterr().err
    assert "status " in err and "objective " in err and "状态" not in err and "目标值" not in err
    assert "warning: " in err and "估算" not in err and "estimated" in err

def test_history_ending_after_the_period_start_is_bad_input(tmp_path, capsys):
    team = tmp_path / "team.json"
    assert main(["sample", "--out", str(team)]) == 0
    data = json.loads(team.read_text(encoding="utf-8"))
    data["history"] = {"s01": {"last_shift_end": "2026-06-03T16:00"}}
    team.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    code = main(["solve", "--scenario", str(team), "--start", "2026-06-01", "--days", "7", "--time-limit", "3"])
    err = capsys.readouterr().err
    assert code == 2 and "history.s01.last_shift_end" in err
    # a night shift of the day before may end on the first date
    data["history"] = {"s01": {"last_shift_end": "2026-06-01T08:00"}}
    team.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["solve", "--scenario", str(team), "--start", "2026-06-01", "--days", "2", "--time-limit", "3"]) != 2


def test_check_warns_when_given_times_contradict_the_template(tmp_path, capsys):
    rota = tmp_path / "rota.json"
    rota.write_text(json.dumps({"format": "roster/1", "start": "2026-06-01", "days": 1, "assignments": [
        {"staff": "s01", "date": "2026-06-01", "shift": "D", "start": "2026-06-01T08:00", "end": "2026-06-01T17:00"},
        {"staff": "s02", "date": "2026-06-01", "shift": "D", "start": "2026-06-01T08:00:00",
         "end": "2026-06-01T16:00:00"}]}))
    main(["check", str(rota)])
    err = capsys.readouterr().err
    assert "assignments[0]" in err and "2026-06-01T17:00" in err  # D is 08:00–16:00 in the template
    assert "assignments[1]" not in err  # the same times written with seconds agree


def test_roster_without_assignments_and_scenario_without_shifts_are_bad_input(tmp_path, capsys):
    rota = tmp_path / "rota.json"
    rota.write_text(json.dumps({"format": "roster/1", "start": "2026-06-01", "days": 7}))
    assert main(["check", str(rota)]) == 2
    assert "assignments" in capsys.readouterr().err
    sc = tmp_path / "team.json"
    sc.write_text(json.dumps({"format": "roster-scenario/1", "shifts": [], "staff": [{"id": "a", "name": "甲"}]}))
    assert main(["solve", "--scenario", str(sc), "--start", "2026-06-01", "--days", "3"]) == 2
    err = capsys.readouterr().err
    assert str(sc) in err and "shifts" in err and "Traceback" not in err


@pytest.mark.parametrize(("text", "needle"), [("2026-02-30", "日期不存在"), ("2026-2-3", "YYYY-MM-DD")])
def test_bad_start_date_says_what_is_wrong(capsys, text, needle):
    assert main(["solve", "--start", text, "--days", "3"]) == 2
    assert needle in capsys.readouterr().err


def test_solve_after_a_previous_roster_carries_the_seam_over(tmp_path, capsys):
    # SPEC §2.11: June ends with 张伟 (s01) on E 16:00–24:00 on 30 June; July "--after" June keeps his 1 July
    # morning free (8 h of rest), and a roster that does not hold 30 June is refused with exit 2
    import datetime as dt

    from roster.carryover import history_after
    from roster.model import Roster, make_assignment
    from roster.sample import sample_scenario
    from roster.scenario_io import load_roster, roster_to_dict, write_json
    from roster.validator import check

    sc = sample_scenario()
    june = Roster(dt.date(2026, 6, 1), 30, (make_assignment("s01", dt.date(2026, 6, 30), sc.shift("E")),))
    june_path, out = tmp_path / "june.json", tmp_path / "july.json"
    write_json(june_path, roster_to_dict(june))
    code = main(["solve", "--start", "2026-07-01", "--days", "7", "--time-limit", "2", "--after", str(june_path),
                 "--json", str(out)])
    assert code in (0, 1)
    july = load_roster(out)
    # on 1 July only E (16 h after) is legal for him: N (0 h), D (8 h) and G (9 h) are too close to 24:00
    assert {a.shift for a in july.assignments if a.staff == "s01" and a.date == dt.date(2026, 7, 1)} <= {"E"}
    carried = sc.__class__(**{**{f: getattr(sc, f) for f in sc.__slots__}, "history": history_after(sc, june)})
    assert not [v for v in check(carried, july) if v.rule != "coverage"]
    capsys.readouterr()
    assert main(["solve", "--start", "2026-08-01", "--days", "7", "--after", str(june_path)]) == 2
    assert "不含开始日前一天" in capsys.readouterr().err


def test_solve_after_counts_the_previous_nights_running_into_the_first_date(tmp_path, capsys):
    # sweep #9 F3: with 12-h shifts only a previous period's B 20:00–08:00 can cover 00–08 of the first date; the
    # solver counted it, but the roster JSON's violations and `roster check` reported "缺 1 人" there
    import datetime as dt
    from dataclasses import replace

    from roster.model import DemandRule, Roster, make_assignment
    from roster.sample import sample_scenario
    from roster.scenario_io import load_roster, roster_to_dict, scenario_to_dict, write_json

    sc = sample_scenario()
    a = replace(sc.shift("D"), code="A", name="长白", start=8 * 60, hours=12.0)
    b = replace(sc.shift("D"), code="B", name="长夜", start=20 * 60, hours=12.0)
    staff = tuple(replace(p, requests=(), skills=()) for p in sc.staff)
    sc = replace(sc, shifts=(a, b), demand=(DemandRule("all", 0, 24 * 60, 1, None),), staff=staff, locked=(),
                 history={})
    start = dt.date(2026, 7, 1)
    june = Roster(dt.date(2026, 6, 24), 7, (make_assignment("s01", start - dt.timedelta(days=1), b),))
    scen, june_path, out = tmp_path / "team.json", tmp_path / "june.json", tmp_path / "july.json"
    write_json(scen, scenario_to_dict(sc))
    write_json(june_path, roster_to_dict(june))
    code = main(["solve", "--scenario", str(scen), "--start", str(start), "--days", "3", "--time-limit", "3",
                 "--after", str(june_path), "--json", str(out)])
    err = capsys.readouterr().err
    assert out.exists(), err
    july = load_roster(out)
    assert [(c.staff, c.shift) for c in july.carried_in] == [("s01", "B")]
    assert july.history["s01"].last_shift_end == dt.datetime(2026, 7, 1, 8, 0)
    assert code == 0 and july.violations == ()
    assert main(["check", "--scenario", str(scen), str(out)]) == 0
    assert "0 违规" in capsys.readouterr().out
    # without the carried night the first morning is short: the check reads the JSON's carried_in
    raw = json.loads(out.read_text(encoding="utf-8"))
    del raw["carried_in"]
    out.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    assert main(["check", "--scenario", str(scen), str(out)]) == 1
    assert "7月1日" in capsys.readouterr().out


def test_whole_period_solves_a_long_period_as_one_model(tmp_path):
    """Above 35 days the CLI plans month by month; --whole-period keeps one model (sweep #12: a quarter settlement
    legal over the quarter was refused month by month)."""
    for flag, chunked in (([], True), (["--whole-period"], False)):
        rota = tmp_path / f"rota{len(flag)}.json"
        code = main(["solve", "--days", "36", "--time-limit", "2", "--json", str(rota), *flag])
        assert code in (0, 1)
        assert ("chunks" in json.loads(rota.read_text(encoding="utf-8"))["solver"]) == chunked
