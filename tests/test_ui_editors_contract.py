"""ContractView: per-month coverage / hours / overtime budget / person-days and 调休 balances."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from model_tester import model_tester
from PySide6.QtCore import Qt

from roster.model import DemandRule, Roster, make_assignment
from roster.sample import sample_scenario

D = dt.date.fromisoformat


@dataclass
class FakeMonth:  # the fields of roster.hours.MonthHours the view reads
    staff: str
    year: int
    month: int
    paid_hours: float = 0
    standard_hours: float = 0
    overtime_total_hours: float = 0
    comp_earned_hours: float = 0
    comp_taken_hours: float = 0
    comp_balance_hours: float = 0
    person_days: int = 0
    leave_days: dict = field(default_factory=dict)
    employed: bool = True


def test_coverage_by_month_counts_whole_slots_and_skills():
    from ui.contract_view import coverage_by_month

    s = sample_scenario()
    s = replace(s, demand=(DemandRule("all", 0, 1440, 1), DemandRule("all", 8 * 60, 16 * 60, 1, "审核")))
    d_shift = s.shift("D")
    # s01 (审核) works D on 06-30; s04 (no skill) works D on 07-01
    r = Roster(D("2026-06-30"), 2, (make_assignment("s01", D("2026-06-30"), d_shift),
                                     make_assignment("s04", D("2026-07-01"), d_shift)))
    cov = coverage_by_month(s, r)
    assert cov[(2026, 6)] == (16 + 16, 48 + 16)  # any-person 16/48 slots, 审核 16/16
    assert cov[(2026, 7)] == (16, 48 + 16)  # s04 covers the head-count but not the 审核 need


def test_night_shift_counts_on_the_next_date():
    from ui.contract_view import coverage_by_month

    s = replace(sample_scenario(), demand=(DemandRule("all", 0, 1440, 1),))
    from roster.model import Shift

    b = Shift("B", "长夜班", 20 * 60, 12)
    s = replace(s, shifts=s.shifts + (b,))
    r = Roster(D("2026-06-30"), 2, (make_assignment("s01", D("2026-06-30"), b),))
    cov = coverage_by_month(s, r)
    assert cov[(2026, 6)][0] == 8  # 20:00–24:00 on 06-30
    assert cov[(2026, 7)][0] == 16  # 00:00–08:00 on 07-01


def test_summary_budget_person_days_and_comp_running_balance():
    from ui.contract_view import comp_balances, contract_summary

    s = sample_scenario()
    r = Roster(D("2026-06-01"), 61)  # June + July, no shifts
    rows = [FakeMonth(p.id, 2026, 6, paid_hours=170, standard_hours=168, overtime_total_hours=2, person_days=21,
                      comp_earned_hours=8, comp_balance_hours=8) for p in s.staff]
    rows += [FakeMonth(p.id, 2026, 7, paid_hours=180, standard_hours=184, person_days=22, comp_taken_hours=8,
                       comp_balance_hours=-8, employed=p.id != "s13", leave_days={"annual": 1}) for p in s.staff]
    months = contract_summary(s, r, rows)
    assert len(months) == 12 and (months[0].year, months[0].month) == (2026, 6) and months[-1].month == 5
    jun, jul, aug = months[0], months[1], months[2]
    assert jun.roster_days == 30 and jun.paid_hours == 170 * 13 and jun.overtime_hours == 26
    assert jun.budget_hours == 36 * 13 and jul.budget_hours == 36 * 12  # s13 not employed in July
    assert jun.person_days == 21 * 13 and jul.leave_days == 13
    assert aug.roster_days == 0 and aug.coverage_pct is None and aug.budget_hours == 0
    bal = {b.staff: b for b in comp_balances(s, rows)}
    assert bal["s01"].monthly_balance[:3] == (8, 0, None)
    assert bal["s01"].earned == 8 and bal["s01"].taken == 8 and bal["s01"].balance == 0


def test_contract_view_with_real_month_hours(qtbot):
    from ui.contract_view import CompBalanceModel, ContractMonthModel, ContractView

    s = sample_scenario()
    sh = s.shift_map()
    start = D("2026-06-01")
    pattern = ["D", "D", "E", "E", "N", "N", None, None]
    ass = []
    for i, p in enumerate(s.staff):
        for k in range(35):
            d = start + dt.timedelta(days=k)
            code = pattern[(k + i) % 8]
            if code and not p.leave_on(d):
                ass.append(make_assignment(p.id, d, sh[code]))
    roster = Roster(start, 35, tuple(ass))
    w = ContractView(s)
    qtbot.addWidget(w)
    w.refresh()
    assert w.month_model.rowCount() == 13  # 12 months + total
    assert w.month_model.data(w.month_model.index(0, ContractMonthModel.Column.COVERAGE)) == "—"
    w.show()
    assert w.month_model.rowCount() == 13
    with model_tester(w.month_model), model_tester(w.comp_model):
        w.set_roster(roster)
    m = w.month_model
    C = ContractMonthModel.Column
    june = m.months()[0]
    assert 0 < june.coverage_pct < 100
    assert june.person_days == sum(1 for a in ass if a.date.month == 6)
    assert m.data(m.index(0, C.MONTH)) == "2026-06" and m.data(m.index(0, C.COVERAGE)).endswith("%")
    assert m.data(m.index(1, C.ROSTER_DAYS)) == "5" and m.data(m.index(2, C.PAID)) == "—"
    assert m.data(m.index(12, C.MONTH)) == "合计"
    assert w.comp_model.rowCount() == 13
    wu = [i for i in range(13) if "s10" in w.comp_model.data(w.comp_model.index(i, 0))][0]
    # 吴刚 takes a 调休 day on 06-26 under the comprehensive system; his June hours above the standard cover it, so
    # it is earned and taken in the same month (8 h each) and the balance stays 0 — the day is not charged twice
    row = [w.comp_model.data(w.comp_model.index(wu, c)) for c in range(1, CompBalanceModel.FIXED)]
    assert [float(x) for x in row] == [8.0, 8.0, 0.0]
    assert w.comp_model.headerData(CompBalanceModel.FIXED, Qt.Orientation.Horizontal) == "26-06"


def test_hidden_contract_view_refreshes_when_shown(qtbot):
    from ui.contract_view import ContractView

    calls = []

    def fake_hours(scenario, roster):
        calls.append(roster)
        return []

    w = ContractView(sample_scenario(), hours_fn=fake_hours)
    qtbot.addWidget(w)
    w.set_roster(Roster(D("2026-06-01"), 7))
    w.set_roster(Roster(D("2026-06-01"), 14))
    assert calls == []  # hidden: nothing computed yet
    w.show()
    assert [r.days for r in calls] == [14]
    w.set_roster(Roster(D("2026-06-01"), 21))
    assert [r.days for r in calls] == [14, 21]
