"""``roster check`` (roster.checkcli.run_check) on hand-made JSON files.

The bad roster plants one instance of every rule that a roster JSON can carry (two shifts on one
date are rejected as bad input by the reader); each must be listed exactly once.
"""

from __future__ import annotations

import json
import re

import pytest

from roster.checkcli import run_check
from roster.model import (
    CalendarOverrides,
    DateRange,
    DemandRule,
    History,
    Leave,
    Scenario,
    Shift,
    Staff,
)
from roster.sample import default_shifts
from roster.scenario_io import InputError, scenario_to_dict, write_json
from roster.validator import RULES, daily_hours_sources, night_ban_sources, overtime_cap_sources, source_text

D = __import__("datetime").date.fromisoformat

SHIFTS = default_shifts() + (Shift("X", "超长班", 8 * 60, 12 + 1 / 60), Shift("K", "值班长班", 8 * 60, 8, 0, ("值班长",)))
STAFF = (
    Staff("s1", "张一"),
    Staff("s2", "王二", night_ok=False),
    Staff("s3", "李三", leave=(Leave(DateRange(D("2026-06-05"), D("2026-06-05"))),)),
    Staff("s4", "赵四"),
    Staff("s5", "钱五", hire_date=D("2026-06-04")),
    Staff("s6", "孙六", overtime_ok=False),
)
SCENARIO = Scenario(
    shifts=SHIFTS,
    demand=(DemandRule("2026-06-04", 8 * 60, 16 * 60, 1),),
    staff=STAFF,
    calendar=CalendarOverrides(holidays=frozenset({D("2026-06-03")})),
    history={"s4": History(consecutive_days=5)},
)

# (staff, date, shift) and the single violation each line is planted for
PLANTED = [
    ("s1", "2026-06-01", "E", None),
    ("s1", "2026-06-02", "D", "min_rest_between_shifts"),  # 8 h after E ends at 24:00
    ("s1", "2026-06-06", "K", "shift_skills"),
    ("s2", "2026-06-03", "N", "night_work_ban"),
    ("s3", "2026-06-05", "D", "approved_leave"),
    ("s4", "2026-06-01", "D", None),
    ("s4", "2026-06-02", "D", "max_consecutive_days"),  # 5 carried + 2 = 7 > 6; window 05-27..06-02 has no rest
    ("s5", "2026-06-02", "D", "employment_dates"),
    ("s6", "2026-06-03", "D", "overtime_cap"),  # 8 h on a statutory holiday, overtime not allowed
    ("s6", "2026-06-05", "X", "max_daily_hours"),  # 12 h 01 min
]
EXPECTED = sorted({r for *_, r in PLANTED if r} | {"weekly_rest_day", "coverage"})  # coverage: nobody on 06-04 D


def _roster_json(cells, start="2026-06-01", days=7, violations=()) -> dict:
    return {
        "format": "roster/1", "start": start, "days": days,
        "assignments": [{"staff": s, "date": d, "shift": c} for s, d, c, *_ in cells],
        "violations": list(violations),
    }


@pytest.fixture
def files(tmp_path):
    sc_path = tmp_path / "team.json"
    write_json(sc_path, scenario_to_dict(SCENARIO))

    def roster(cells, **kw) -> str:
        p = tmp_path / f"rota{len(list(tmp_path.iterdir()))}.json"
        p.write_text(json.dumps(_roster_json(cells, **kw), ensure_ascii=False), encoding="utf-8")
        return str(p)

    return str(sc_path), roster


def test_each_planted_violation_is_listed_exactly_once(files, capsys):
    sc_path, roster = files
    # a stale "violations" list in the file is ignored: the check recomputes
    rc = run_check(sc_path, roster(PLANTED, violations=[{"rule": "bogus"}]), lang="en")
    out = capsys.readouterr().out.strip().splitlines()
    assert rc == 1
    assert out[-1] == f"{len(EXPECTED)} violations"
    rules = [re.match(r"\[(\w+)\]", line).group(1) for line in out[:-1]]
    assert sorted(rules) == EXPECTED
    for line in out[:-1]:
        rid = re.match(r"\[(\w+)\]", line).group(1)
        if rid == "night_work_ban":  # cites the reason that applies (PG-01/PG-02/PG-07 or the night_ok setting)
            cited = re.search(r"\(source: (.*)\)$", line).group(1)
            assert cited and set(cited.split("; ")) <= {source_text(s, "en") for s in night_ban_sources()}
        elif rid == "max_daily_hours":  # the cap of the system in force (or the protected rule), not all three
            assert any(f"(source: {source_text(x, 'en')})" in line for x in daily_hours_sources())
        elif rid == "approved_leave":  # cites the source of the leave kind broken (annual leave here)
            assert "(source: Regulations on Paid Annual Leave of Employees, Art. 2 (annual leave))" in line
        elif rid == "overtime_cap":  # s6 may not work overtime and is not protected: the cap's own source only
            assert f"(source: {source_text(overtime_cap_sources()[0], 'en')}" in line and "Female" not in line
        else:
            assert source_text(RULES[rid].source, "en") in line


def test_chinese_output_names_sources_and_counts(files, capsys):
    sc_path, roster = files
    rc = run_check(sc_path, roster(PLANTED))
    out = capsys.readouterr().out.strip().splitlines()
    assert rc == 1
    assert out[-1] == f"共 {len(EXPECTED)} 条违规"
    assert len(out) == len(EXPECTED) + 1 and len(set(out)) == len(out)
    assert all("依据：" in line for line in out[:-1])
    text = "\n".join(out)
    for name in ("王二", "李三", "钱五", "孙六", "6月4日 08:00–16:00"):
        assert name in text


def test_clean_roster_prints_zero(files, capsys):
    sc_path, roster = files
    clean = [("s1", "2026-06-04", "D"), ("s2", "2026-06-02", "D")]
    assert run_check(sc_path, roster(clean)) == 0
    assert capsys.readouterr().out.strip() == "0 违规"
    assert run_check(sc_path, roster(clean), lang="en") == 0
    assert capsys.readouterr().out.strip() == "0 violations"


def test_without_scenario_uses_the_sample_team(files, capsys):
    _, roster = files
    # one empty day for the sample team: 24 h short of people, and 09–18 short of 审核 (06-01 is a workday)
    assert run_check(None, roster([], days=1), lang="en") == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert out[-1] == "2 violations" and all(line.startswith("[coverage]") for line in out[:-1])


@pytest.mark.parametrize("bad", [
    "missing",
    "not json {",
    json.dumps({"format": "roster/1", "start": "2026-06-01", "days": 7,
                "assignments": [{"staff": "nobody", "date": "2026-06-01", "shift": "D"}]}),
    json.dumps({"format": "roster/1", "start": "2026-06-01", "days": 7,
                "assignments": [{"staff": "s1", "date": "2026-06-01", "shift": "D"},
                                {"staff": "s1", "date": "2026-06-01", "shift": "E"}]}),
    json.dumps({"format": "roster/1", "start": "2026-06-01", "days": 7,
                "assignments": [{"staff": "s1", "date": "2026-06-01", "shift": "ZZ"}]}),
])
def test_bad_input_raises_input_error(files, tmp_path, bad):
    sc_path, _ = files
    path = tmp_path / "bad.json"
    if bad != "missing":
        path.write_text(bad, encoding="utf-8")
    with pytest.raises(InputError) as e:
        run_check(sc_path, str(path))
    assert "bad.json" in str(e.value)


def test_bad_scenario_raises_input_error(files, tmp_path):
    _, roster = files
    p = tmp_path / "team_bad.json"
    p.write_text(json.dumps({"format": "roster-scenario/1", "staff": [{"id": "s1", "weekly_hours": -1}]}),
                 encoding="utf-8")
    with pytest.raises(InputError) as e:
        run_check(str(p), roster([]))
    assert "weekly_hours" in str(e.value)


def test_a_lock_the_roster_does_not_hold_is_listed(tmp_path, capsys):
    """Sweep #6 F10: SPEC §4 ``locked`` is part of the scenario; a roster that ignores it does not pass."""
    from dataclasses import replace

    from roster.model import Lock

    sc = replace(SCENARIO, locked=(Lock("s1", D("2026-06-02"), "OFF"), Lock("s4", D("2026-06-03"), "E"),
                                   Lock("s4", D("2026-07-30"), "E")))  # the last is outside the period
    sc_path = tmp_path / "team.json"
    write_json(sc_path, scenario_to_dict(sc))
    ro = tmp_path / "rota.json"
    ro.write_text(json.dumps(_roster_json([("s1", "2026-06-02", "D"), ("s4", "2026-06-03", "E")]),
                             ensure_ascii=False), encoding="utf-8")
    assert run_check(str(sc_path), str(ro)) == 1
    out = capsys.readouterr().out.strip().splitlines()
    locked = [line for line in out if "locked" in line]  # (the other finding: nobody covers 06-04 08–16)
    assert len(locked) == 1 and locked[0].startswith("【锁定单元格 locked】s1 6月2日 锁定为 OFF，排班中为 D")
    assert run_check(str(sc_path), str(ro), lang="en") == 1
    en = [line for line in capsys.readouterr().out.splitlines() if line.startswith("[locked]")]
    assert len(en) == 1 and en[0].startswith("[locked] Locked cell: s1 2026-06-02") and "cells locked in the scenario" in en[0]
