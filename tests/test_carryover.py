"""Carry-over into the next period (SPEC §2.11), hand-computed."""

from __future__ import annotations

import datetime as dt

from roster.carryover import consecutive_working_dates, history_after, next_scenario
from roster.model import History, Lock, Roster, Rules, Scenario, Shift, Staff, make_assignment
from roster.sample import default_shifts

D = dt.date.fromisoformat
L = Shift("L", "晚夜班", 22 * 60, 8)


def scenario(history: dict[str, History] | None = None, **kw) -> Scenario:
    return Scenario(rules=Rules(), shifts=default_shifts() + (L,),
                    staff=(Staff("a", "甲"), Staff("b", "乙"), Staff("c", "丙")),
                    history=history or {}, **kw)


def roster(sc: Scenario, start: str, days: int, cells: dict[tuple[str, str], str]) -> Roster:
    m = sc.shift_map()
    return Roster(D(start), days, tuple(make_assignment(s, D(d), m[c]) for (s, d), c in cells.items()))


def test_last_shift_end_and_run_at_the_end():
    sc = scenario()
    # a: works 06-03..06-07 (last five dates of a 7-day period) with E; b: nothing; c: L on the last date
    cells = {("a", f"2026-06-0{i}"): "E" for i in range(3, 8)}
    cells[("c", "2026-06-07")] = "L"
    cells[("c", "2026-06-05")] = "D"
    h = history_after(sc, roster(sc, "2026-06-01", 7, cells))
    assert h["a"].last_shift_end == dt.datetime(2026, 6, 8, 0, 0)
    assert h["a"].consecutive_days == 5
    assert h["b"] == History()
    # c's L shift 22:00 06-07 -> 06:00 06-08: 06-07 is a working date, 06-06 is not
    assert h["c"].last_shift_end == dt.datetime(2026, 6, 8, 6, 0)
    assert h["c"].consecutive_days == 1
    assert h["c"].nights == 1  # L: 8 night hours (>= 3 h makes a night shift)
    assert h["a"].nights == 0  # E has 2 night hours only


def test_whole_period_worked_adds_incoming_run_and_history_spill_counts():
    hist = {"a": History(consecutive_days=2, last_shift_end=dt.datetime(2026, 6, 1, 6, 0)),
            "b": History(consecutive_days=4)}
    sc = scenario(hist)
    # a: the history shift spills into 06-01 (working date) and a works 06-02, 06-03
    # b: works every date of the 3-day period
    cells = {("a", "2026-06-02"): "D", ("a", "2026-06-03"): "D",
             ("b", "2026-06-01"): "D", ("b", "2026-06-02"): "D", ("b", "2026-06-03"): "D"}
    ro = roster(sc, "2026-06-01", 3, cells)
    assert consecutive_working_dates(sc, ro, "a") == 3 + 2
    assert consecutive_working_dates(sc, ro, "b") == 3 + 4
    # c had no history and did not work
    assert consecutive_working_dates(sc, ro, "c") == 0


def test_gap_breaks_the_run_and_history_not_added():
    sc = scenario({"a": History(consecutive_days=5)})
    ro = roster(sc, "2026-06-01", 4, {("a", "2026-06-01"): "D", ("a", "2026-06-03"): "D", ("a", "2026-06-04"): "D"})
    assert consecutive_working_dates(sc, ro, "a") == 2


def test_history_last_shift_end_kept_when_nothing_worked():
    end = dt.datetime(2026, 5, 31, 23, 0)
    sc = scenario({"b": History(last_shift_end=end, nights=7, weekend_days=3, holiday_days=1)})
    h = history_after(sc, roster(sc, "2026-06-01", 7, {}))
    assert h["b"].last_shift_end == end
    assert (h["b"].nights, h["b"].weekend_days, h["b"].holiday_days) == (7, 3, 1)
    assert h["b"].consecutive_days == 0


def test_counters_accumulate():
    sc = scenario({"a": History(nights=2, weekend_days=1, holiday_days=0)})
    # 2026-09-26 Sat rest (中秋 block), 09-27 Sun rest, 10-01 H300, 10-10 Sat make-up workday, 10-02 N
    cells = {("a", "2026-09-26"): "D", ("a", "2026-09-27"): "N", ("a", "2026-10-01"): "D",
             ("a", "2026-10-10"): "D", ("a", "2026-10-02"): "N"}
    h = history_after(sc, roster(sc, "2026-09-26", 20, cells))
    assert h["a"].nights == 2 + 2
    assert h["a"].weekend_days == 1 + 2  # 10-10 is a workday
    assert h["a"].holiday_days == 0 + 2  # 10-01, 10-02


def test_overtime_minutes_of_the_next_start_month():
    # 06-01..06-14 comprehensive: workdays 06-01..05, 06-08..12 = 10 -> 80 h standard
    sc = scenario()
    cells = {("a", (D("2026-06-01") + dt.timedelta(days=i)).isoformat()): "D" for i in range(12)}
    ro = roster(sc, "2026-06-01", 14, cells)
    h = history_after(sc, ro)
    assert h["a"].overtime_minutes_month == (96 - 80) * 60
    assert h["b"].overtime_minutes_month == 0
    # a period that ends on the month's last day carries nothing into the new month
    ro2 = roster(sc, "2026-06-17", 14, {("a", "2026-06-20"): "D"})
    assert history_after(sc, ro2)["a"].overtime_minutes_month == 0


def test_overtime_adds_incoming_history_when_same_month():
    # period 06-15..06-21 carrying 300 min from 06-01..06-14; a works all 7 dates: 56 h paid,
    # workdays 06-15..18 (06-19 holiday, 20/21 rest) = 4 -> 32 h; 06-19 D = 8 h at 300 %:
    # ot = max(0, 56 - 8 - 32) + 8 = 24 h; plus 5 h carried
    sc = scenario({"a": History(overtime_minutes_month=300)})
    cells = {("a", (D("2026-06-15") + dt.timedelta(days=i)).isoformat()): "D" for i in range(7)}
    h = history_after(sc, roster(sc, "2026-06-15", 7, cells))
    assert h["a"].overtime_minutes_month == 24 * 60 + 300


def test_overtime_not_carried_from_a_previous_month_of_a_long_period():
    sc = scenario({"a": History(overtime_minutes_month=300)})
    # period 06-20..07-10: the history belongs to June, the next start (07-11) is in July
    h = history_after(sc, roster(sc, "2026-06-20", 21, {("a", "2026-07-06"): "D"}))
    assert h["a"].overtime_minutes_month == 0  # 8 h paid against a 64 h July standard


def test_overtime_counts_a_previous_months_night_running_into_the_month():
    # a's L night 22:00 30 Sep → 06:00 1 Oct puts 6 h into the National Day holiday (300 %, always overtime);
    # 1–7 Oct has no workday (standard 0).  By start date October holds nothing; by the minutes falling in it
    # (the validator's other reading) 6 h — the month-to-date overtime the next period starts from.
    sc = scenario()
    night = make_assignment("a", D("2026-09-30"), L)
    ro = Roster(D("2026-10-01"), 7, (), carried_in=(night,))
    assert history_after(sc, ro)["a"].overtime_minutes_month == 6 * 60
    # the same night inside a period that starts in September and ends in October
    ro2 = Roster(D("2026-09-24"), 14, (night,))
    assert history_after(sc, ro2)["a"].overtime_minutes_month == 6 * 60
    assert history_after(sc, ro2)["b"].overtime_minutes_month == 0


def test_a_mid_month_seam_night_is_not_counted_twice():
    """Review of session 11: a night from the last date of a chunk is counted in full (by its start date) in the
    history's month-to-date overtime; the next chunk's carried-in minutes must not add its morning again."""
    from roster.carryover import carried_in
    from roster.sample import twelve_hour_shifts

    sc = Scenario(rules=Rules(), shifts=default_shifts() + twelve_hour_shifts(), staff=(Staff("a", "甲"),))
    night = sc.shift("B")  # 20:00–08:00
    first = tuple(make_assignment("a", D("2026-10-13") + dt.timedelta(days=i), night) for i in range(6))
    second = tuple(make_assignment("a", D("2026-10-19") + dt.timedelta(days=i), night) for i in range(5))
    whole = history_after(sc, Roster(D("2026-10-12"), 14, first + second))["a"].overtime_minutes_month
    c1 = Roster(D("2026-10-12"), 7, first)
    chained = Scenario(rules=sc.rules, shifts=sc.shifts, staff=sc.staff, history=history_after(sc, c1))
    c2 = Roster(D("2026-10-19"), 7, second, carried_in=carried_in(c1, D("2026-10-19")))
    assert history_after(chained, c2)["a"].overtime_minutes_month == whole


def test_next_scenario_rolls_history_and_drops_old_locks():
    sc = scenario(locked=(Lock("a", D("2026-06-03"), "D"), Lock("a", D("2026-06-10"), "OFF")))
    ro = roster(sc, "2026-06-01", 7, {("a", "2026-06-07"): "D"})
    nx = next_scenario(sc, ro)
    assert [lk.date for lk in nx.locked] == [D("2026-06-10")]
    assert nx.history["a"].consecutive_days == 1
    assert nx.history["a"].last_shift_end == dt.datetime(2026, 6, 7, 16, 0)


def test_two_halves_carry_the_same_state_as_the_whole():
    """Rolling two 14-day periods must end in the same history as one 28-day period (overtime aside:
    each part measures its own excess)."""
    import random

    rng = random.Random(7)
    base = scenario({"a": History(consecutive_days=3, nights=1), "b": History(weekend_days=2)})
    m = base.shift_map()
    for _ in range(30):
        cells = []
        for sid in ("a", "b", "c"):
            for k in range(28):
                code = rng.choice(["D", "E", "N", "L", None, None])
                if code:
                    cells.append(make_assignment(sid, D("2026-09-21") + dt.timedelta(days=k), m[code]))
        whole = Roster(D("2026-09-21"), 28, tuple(cells))
        first = Roster(D("2026-09-21"), 14, tuple(a for a in cells if a.date < D("2026-10-05")))
        second = Roster(D("2026-10-05"), 14, tuple(a for a in cells if a.date >= D("2026-10-05")))
        h_whole = history_after(base, whole)
        h_split = history_after(next_scenario(base, first), second)
        for sid in ("a", "b", "c"):
            x, y = h_whole[sid], h_split[sid]
            assert (x.last_shift_end, x.consecutive_days, x.nights, x.weekend_days, x.holiday_days) == \
                   (y.last_shift_end, y.consecutive_days, y.nights, y.weekend_days, y.holiday_days), sid


def test_carried_overtime_agrees_with_hr_accounting():
    """carryover has its own overtime helper (the solver imports it and must not import roster.hours/validator);
    it must agree with the validator's cap measure of the end month (the larger of the start-date and the minute
    readings, history included) on the sample team, breaks, leave and holidays included, and never carry less than
    the HR sheet's overtime (which counts a shift in its start month)."""
    import random

    from roster.hours import month_hours
    from roster.sample import sample_scenario
    from roster.validator import CheckContext, month_overtime

    rng = random.Random(3)
    sc = sample_scenario()
    sc = Scenario(rules=sc.rules, shifts=sc.shifts + (L,), demand=sc.demand, staff=sc.staff,
                  history={"s01": History(overtime_minutes_month=90)})
    m = sc.shift_map()
    for start, days in (("2026-09-10", 25), ("2026-09-21", 14), ("2026-06-01", 20)):
        cells = [make_assignment(p.id, D(start) + dt.timedelta(days=k), m[rng.choice("DENGL")])
                 for p in sc.staff for k in range(days) if rng.random() < 0.85]
        ro = Roster(D(start), days, tuple(cells))
        carried = history_after(sc, ro)
        rows = {r.staff: r for r in month_hours(sc, ro) if r.month == ro.end.month}
        ctx = CheckContext.build(sc, ro)
        assert any(h.overtime_minutes_month > 0 for h in carried.values())
        for p in sc.staff:
            r = rows[p.id]
            assert abs(carried[p.id].overtime_minutes_month - month_overtime(ctx, p)[-1].overtime) <= 1
            assert carried[p.id].overtime_minutes_month >= (r.overtime_total_hours + r.prior_overtime_hours) * 60 - 1


def test_standard_system_carries_the_extended_hours_across_a_seam():
    # standard system, 10 h day shifts (2 h beyond the standard day each): 1–21 June 12 shifts (24 h extended,
    # only 8 h netted), then 22–30 June 7 shifts (14 h): each period alone looks fine on the netted measure, the
    # month has 38 h of extended days > 36 — the history must carry the larger measure
    from roster.model import WorkingTimeSystem
    from roster.validator import check

    ten = Shift("T", "长白班", 8 * 60, 10)
    sc = Scenario(rules=Rules(working_time_system=WorkingTimeSystem.STANDARD), shifts=(ten,),
                  staff=(Staff("a", "甲"),))
    june = [dt.date(2026, 6, d) for d in range(1, 31)]
    workdays = [d for d in june if d.weekday() < 5 and d != dt.date(2026, 6, 19)]
    first = [d for d in workdays if d.day <= 21][:12]
    second = [d for d in workdays if d.day >= 22][:7]
    a = Roster(dt.date(2026, 6, 1), 21, tuple(make_assignment("a", d, ten) for d in first))
    hist = history_after(sc, a)
    assert hist["a"].overtime_minutes_month == 24 * 60  # max(8 h netted, 24 h extended)
    b_sc = next_scenario(sc, a)
    b = Roster(dt.date(2026, 6, 22), 9, tuple(make_assignment("a", d, ten) for d in second))
    assert [v.rule for v in check(sc, a) if v.rule == "overtime_cap"] == []
    assert [v.rule for v in check(b_sc, b) if v.rule == "overtime_cap"] == ["overtime_cap"]
    whole = Roster(dt.date(2026, 6, 1), 30, a.assignments + b.assignments)
    assert [v.rule for v in check(sc, whole) if v.rule == "overtime_cap"] == ["overtime_cap"]
