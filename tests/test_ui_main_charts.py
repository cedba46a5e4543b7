"""Charts, roster model totals and the solve worker on their own (no main window)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time

from PySide6.QtTest import QAbstractItemModelTester

from roster.model import History, Roster, make_assignment
from roster.sample import sample_scenario
from ui.charts import CoverageHeatmap, FairnessChart, coverage_data, fairness_rows
from ui.roster_model import Roles, RosterModel, TotalColumn
from ui.solve_worker import SolveRunner

START = dt.date(2026, 6, 1)  # a Monday (workday)


def _roster(*cells: tuple[str, dt.date, str], days: int = 7) -> Roster:
    sc = sample_scenario()
    return Roster(START, days, tuple(make_assignment(s, d, sc.shift(c)) for s, d, c in cells))


def test_coverage_counts_whole_slots_and_flags_shortfalls():
    sc = sample_scenario()
    ro = _roster(("s01", START, "D"), ("s02", START, "D"), ("s03", START, "D"), ("s04", START, "N"))
    cov = coverage_data(sc, ro)
    have, dem, skill_short = cov.hour(START, 10)
    assert (have, dem) == (3, 5)  # workday 09–16 needs 5
    assert skill_short == 0  # s01 holds 审核
    assert cov.hour(START, 3)[:2] == (1, 2)  # N 00–08: one person, two needed
    assert cov.hour(START, 20)[:2] == (0, 2)
    assert START in cov.shortfall_dates()
    # a night shift of the last day does not spill outside the period
    assert cov.hour(START + dt.timedelta(days=1), 3)[0] == 0


def test_skill_shortfall_without_the_reviewer():
    sc = sample_scenario()
    ro = _roster(*((s, START, "G") for s in ("s03", "s04", "s07", "s08", "s10")))  # nobody with 审核
    cov = coverage_data(sc, ro)
    assert cov.hour(START, 10)[0] == 5
    assert cov.hour(START, 10)[2] == 1


def test_fairness_rows_count_nights_weekends_holidays_hours():
    sc = sample_scenario()
    sat = START + dt.timedelta(days=5)
    ro = _roster(("s01", START, "N"), ("s01", sat, "D"), ("s02", START, "G"))
    rows = {r.name: r for r in fairness_rows(sc, ro)}
    assert (rows["张伟"].nights, rows["张伟"].weekends, rows["张伟"].hours) == (1, 1, 16)
    assert (rows["王芳"].nights, rows["王芳"].hours) == (0, 8)  # G: 9 h span, 1 h unpaid break
    hol = dt.date(2026, 6, 19)  # 端午节 2026
    ro2 = Roster(hol, 1, (make_assignment("s03", hol, sc.shift("D")),))
    assert {r.name: r for r in fairness_rows(sc, ro2)}["李娜"].holidays == 1


def test_charts_paint_without_error(qtbot):
    sc = sample_scenario()
    ro = _roster(("s01", START, "D"))
    for w in (CoverageHeatmap(), FairnessChart()):
        qtbot.addWidget(w)
        w.resize(900, 600)
        w.set_data(sc, ro)
        img = w.grab().toImage()
        assert not img.isNull() and img.width() == 900


def test_roster_model_totals_and_tester(qtbot):
    m = RosterModel(sample_scenario(), START, 7)
    QAbstractItemModelTester(m, QAbstractItemModelTester.FailureReportingMode.Fatal)
    m.set_cell("s01", START, "N")
    m.set_cell("s01", START + dt.timedelta(days=5), "D")
    t = m.totals()["s01"]
    assert (t.hours, t.nights, t.weekends) == (16, 1, 1)
    r = m.staff_row("s01")
    assert m.index(r, m.total_column(TotalColumn.NIGHTS)).data() == "1"
    assert m.index(m.headcount_row(), 0).data() == "1"
    assert m.index(r, 0).data(Roles.PAINT)[0] == "N"
    # leave shows as the leave kind when no shift is set (李娜 年假 6/8–6/10)
    m.set_scenario(m.scenario, START + dt.timedelta(days=7), 7)
    assert m.index(m.staff_row("s03"), 0).data() == "年假"
    assert m.to_roster().assignments == ()


def test_runner_reports_failure_and_cancel(qtbot):
    runner = SolveRunner()

    def boom(on_progress, on_solution, cancel):
        raise ValueError("坏输入")

    with qtbot.waitSignal(runner.failed, timeout=5000) as blk:
        runner.start(boom)
    assert "坏输入" in blk.args[0]
    assert not runner.is_running()

    def slow(on_progress, on_solution, cancel):
        for i in range(500):
            on_progress(i)
            if cancel.cancelled:
                return "stopped"
            time.sleep(0.01)
        return "ran out"

    got = []
    runner.progress.connect(got.append)
    with qtbot.waitSignal(runner.finished, timeout=10000) as blk:
        runner.start(slow)
        qtbot.waitUntil(lambda: bool(got), timeout=5000)
        runner.cancel()
    assert blk.args[0] == "stopped"
    assert not runner.is_running()
    runner.shutdown()


def test_overtime_total_is_red_only_above_the_cap(qtbot):
    from PySide6.QtCore import Qt

    m = RosterModel(sample_scenario(), dt.date(2026, 6, 15), 7)  # 06-19 is 端午 (a statutory holiday)
    m.set_cell("s01", dt.date(2026, 6, 19), "D")  # 8 h at 300 %: overtime, but within the pro-rata cap
    col = m.total_column(TotalColumn.OVERTIME)
    idx = m.index(m.staff_row("s01"), col)
    t = m.totals()["s01"]
    assert t.overtime == 8 and t.cap is not None and t.cap > 8
    assert idx.data() == "8.0" and idx.data(Qt.ItemDataRole.ForegroundRole) is None
    for d in range(7):  # every day of the week: far above 7/30 of 36 h
        m.set_cell("s01", dt.date(2026, 6, 15) + dt.timedelta(days=d), "D")
    assert m.totals()["s01"].overtime > m.totals()["s01"].cap
    assert idx.data(Qt.ItemDataRole.ForegroundRole) is not None


def test_fairness_spread_is_measured_per_comparable_group_like_the_solver():
    from ui.charts import group_spread

    sc = sample_scenario()  # s11 may not work nights: another group than the night-capable staff
    ro = _roster(("s01", START, "N"), ("s01", START + dt.timedelta(days=2), "N"))
    rows = {r.name: r for r in fairness_rows(sc, ro)}
    assert rows["徐丽"].group != rows["张伟"].group
    # all night-capable people but 张伟 have 0 nights: spread 2 in that group; 徐丽's group has no nights at all
    assert group_spread(list(rows.values()), "nights") == 2
    hist = dataclasses.replace(sc, history={"s02": History(nights=5)})
    assert group_spread(fairness_rows(hist, ro), "nights") == 5  # history counts, as in the solver
    # a 20-h part-timer is in the same group, each of her nights weighing 2 (solver.model.contract_factor)
    part = dataclasses.replace(sc, staff=tuple(dataclasses.replace(p, weekly_hours=20) if p.id == "s02" else p
                                               for p in sc.staff))
    ro2 = _roster(("s02", START, "N"), ("s02", START + dt.timedelta(days=2), "N"), ("s02", START + dt.timedelta(days=4), "N"))
    rows2 = {r.name: r for r in fairness_rows(part, ro2)}
    assert rows2["王芳"].group == rows2["张伟"].group and rows2["王芳"].factor == 2
    assert group_spread(list(rows2.values()), "nights") == 6


def test_overtime_total_nets_the_months_of_a_quarter(qtbot):
    # sweep #8: under a 综合 quarter settlement the grid's overtime column summed the months' own measures (July
    # 64 h over) where the rule check nets July against an empty August (248 − 352 < 0 → 0)
    from roster.model import SettlementPeriod

    sc = sample_scenario()
    sc = dataclasses.replace(sc, rules=dataclasses.replace(sc.rules, settlement_period=SettlementPeriod.QUARTER))
    m = RosterModel(sc, dt.date(2026, 7, 1), 62)
    for k in range(31):
        m.set_cell("s01", dt.date(2026, 7, 1) + dt.timedelta(days=k), "D")
    assert m.totals()["s01"].overtime == 0
    monthly = RosterModel(sample_scenario(), dt.date(2026, 7, 1), 62)
    for k in range(31):
        monthly.set_cell("s01", dt.date(2026, 7, 1) + dt.timedelta(days=k), "D")
    assert monthly.totals()["s01"].overtime == 248 - 184


def test_heatmap_cell_labels_never_spill_into_the_next_column(qtbot):
    from PySide6.QtGui import QFontMetricsF

    w = CoverageHeatmap()
    qtbot.addWidget(w)
    fm = QFontMetricsF(w.font())
    assert CoverageHeatmap.cell_label(fm, 2, 2, 40, 16) == "2/2"
    wide = fm.horizontalAdvance("120/118")
    assert CoverageHeatmap.cell_label(fm, 120, 118, wide + 2, 16) == "120/118"
    assert CoverageHeatmap.cell_label(fm, 120, 118, wide - 1, 16) == ""  # a big team's counts in a narrow column
    assert CoverageHeatmap.cell_label(fm, 2, 2, 40, 9) == ""  # rows too low for text
