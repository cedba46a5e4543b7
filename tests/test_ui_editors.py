"""Editors: models pass QAbstractItemModelTester; typed bad values are refused and nothing saved is lost;
accepted edits emit a new frozen Scenario."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from model_tester import model_tester
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from roster.calendar import WorkCalendar
from roster.demand import demand_for_date
from roster.model import (
    Approval,
    CalendarOverrides,
    DateRange,
    DayType,
    DemandRule,
    Leave,
    LeaveKind,
    ProtectedKind,
    Rules,
    WorkingTimeSystem,
)
from roster.sample import sample_scenario, twelve_hour_shifts

D = dt.date.fromisoformat
EDIT = Qt.ItemDataRole.EditRole
CHECK = Qt.ItemDataRole.CheckStateRole


def test_model_tester_helper_catches_a_broken_model(qapp):
    class Broken(QAbstractTableModel):  # children under every index: a tree where a table is promised
        def rowCount(self, parent=QModelIndex()):  # noqa: B008
            return 3

        def columnCount(self, parent=QModelIndex()):  # noqa: B008
            return 2

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            return "x"

    with pytest.raises(AssertionError):
        with model_tester(Broken()):
            pass


class Spy:
    def __init__(self, signal):
        self.values: list = []
        signal.connect(self.values.append)


# ---------------------------------------------------------------------------------------- team
def test_team_model_passes_tester_and_edits(qtbot):
    from ui.editors.team_editor import StaffTableModel, TeamEditor

    w = TeamEditor(sample_scenario())
    qtbot.addWidget(w)
    spy = Spy(w.scenarioChanged)
    C = StaffTableModel.Column
    m = w.model
    with model_tester(m):
        assert m.rowCount() == 13 and m.columnCount() == len(C)
        assert m.setData(m.index(0, C.NAME), "张伟伟", EDIT)
        assert m.setData(m.index(0, C.NIGHT_OK), Qt.CheckState.Unchecked.value, CHECK)
        assert m.setData(m.index(1, C.SKILLS), "审核，统计", EDIT)
        w.add_person()
        w.toggle_active()
    s = spy.values[-1]
    assert s.staff[0].name == "张伟伟" and s.staff[0].night_ok is False
    assert s.staff[1].skills == ("审核", "统计")
    assert len(s.staff) == 14 and s.staff[-1].active is False  # added then deactivated, not deleted
    assert sample_scenario().staff[0].name == "张伟"  # frozen input untouched


@pytest.mark.parametrize(
    ("column", "value", "fragment"),
    [
        ("ID", "s02", "唯一"),  # duplicate id
        ("ID", "", "不能为空"),
        ("NAME", "  ", "姓名"),
        ("WEEKLY_HOURS", "80", "超出范围"),
        ("WEEKLY_HOURS", "abc", "数字"),
        ("HIRE_DATE", "2026-02-31", "日期无效"),  # impossible date
        ("ANNUAL_LEAVE", "-1", "超出范围"),
        ("ID_NUMBER", "12345", "身份证"),
    ],
)
def test_team_refuses_bad_values(qtbot, column, value, fragment):
    from ui.editors.team_editor import StaffTableModel, TeamEditor

    w = TeamEditor(sample_scenario())
    qtbot.addWidget(w)
    spy = Spy(w.scenarioChanged)
    before = w.model.rows()
    idx = w.model.index(0, StaffTableModel.Column[column])
    assert w.model.setData(idx, value, EDIT) is False
    assert w.model.rows() == before and spy.values == []
    assert fragment in w.status.text() and not w.status.isHidden()


def test_team_leave_date_before_hire_refused_and_id_rename_moves_history(qtbot):
    from roster.model import History, Lock
    from ui.editors.team_editor import StaffTableModel, TeamEditor

    s = sample_scenario()
    s = type(s)(**{**{f: getattr(s, f) for f in s.__slots__}, "history": {"s01": History(consecutive_days=3)},
                   "locked": (Lock("s01", D("2026-06-01"), "D"),)})
    w = TeamEditor(s)
    qtbot.addWidget(w)
    C = StaffTableModel.Column
    assert w.model.setData(w.model.index(0, C.LEAVE_DATE), "2020-01-01", EDIT) is False  # hired 2021-03-01
    assert "早于入职日期" in w.status.text()
    spy = Spy(w.scenarioChanged)
    assert w.model.setData(w.model.index(0, C.ID), "s99", EDIT)
    new = spy.values[-1]
    assert "s99" in new.history and "s01" not in new.history
    assert new.locked[0].staff == "s99"


def test_team_private_columns_marked(qtbot):
    from ui.editors.team_editor import StaffTableModel, TeamEditor

    w = TeamEditor(sample_scenario())
    qtbot.addWidget(w)
    C = StaffTableModel.Column
    for col in (C.PHONE, C.ID_NUMBER):
        assert "隐私" in w.model.headerData(col, Qt.Orientation.Horizontal)
        assert w.model.data(w.model.index(0, col), Qt.ItemDataRole.BackgroundRole) is not None
    assert w.model.data(w.model.index(0, C.NAME), Qt.ItemDataRole.BackgroundRole) is None
    assert w.model.setData(w.model.index(0, C.PHONE), "138-0000-0000", EDIT)


def test_protected_periods_edit_and_end_before_start_refused(qtbot):
    from ui.editors.team_editor import ProtectedTableModel, TeamEditor

    w = TeamEditor(sample_scenario())
    qtbot.addWidget(w)
    w.view.selectRow(4)  # 陈静, pregnant_7m 2026-06-15 … 2026-09-10
    pm = w.protected_model
    C = ProtectedTableModel.Column
    with model_tester(pm):
        assert pm.rowCount() == 1
        assert pm.setData(pm.index(0, C.END), "2026-06-01", EDIT) is False
        assert "早于开始日期" in w.status.text()
        assert pm.setData(pm.index(0, C.KIND), ProtectedKind.NURSING, EDIT)
        w.add_protected()
        assert pm.setData(pm.index(1, C.END), "2026-07-31", EDIT)
    p = w.scenario().staff[4]
    assert p.protected[0].kind == ProtectedKind.NURSING
    assert p.protected[0].period == DateRange(D("2026-06-15"), D("2026-09-10"))  # saved value kept
    assert p.protected[1].period.end == D("2026-07-31")


# ---------------------------------------------------------------------------------------- shifts
def test_shift_editor_crossing_midnight_and_validation(qtbot):
    from ui.editors.shift_editor import ShiftEditor, ShiftTableModel

    s = sample_scenario()
    s = type(s)(**{**{f: getattr(s, f) for f in s.__slots__}, "shifts": s.shifts + twelve_hour_shifts()})
    w = ShiftEditor(s)
    qtbot.addWidget(w)
    m = w.model
    C = ShiftTableModel.Column
    spy = Spy(w.scenarioChanged)
    with model_tester(m):
        b = [sh.code for sh in m.rows()].index("B")
        assert "次日 08:00" in m.data(m.index(b, C.END))
        assert "次日" not in m.data(m.index(0, C.END))
        assert m.setData(m.index(0, C.CODE), "E", EDIT) is False  # duplicate code
        assert m.setData(m.index(0, C.HOURS), "25", EDIT) is False  # hours out of range
        assert m.setData(m.index(3, C.BREAK), "600", EDIT) is False  # break longer than the shift
        assert m.setData(m.index(0, C.START), "25:00", EDIT) is False
        assert spy.values == []
        assert m.setData(m.index(0, C.COLOR), "#ff0000", EDIT)
        assert m.setData(m.index(0, C.START), "07:30", EDIT)
        assert m.setData(m.index(0, C.SKILLS_ANY), "值班长", EDIT)
        w.add_shift()
        w.add_shift()
    new = spy.values[-1]
    assert new.shifts[0].color == "#FF0000" and new.shifts[0].start == 450
    assert new.shifts[0].skills_any == ("值班长",)
    assert len(new.shifts) == 8
    colours = [s.color.upper() for s in new.shifts]
    assert len(set(colours)) == len(colours)  # new templates are not all the same grey (GUI review)
    assert m.flags(m.index(0, C.END)) & Qt.ItemFlag.ItemIsEditable == Qt.ItemFlag.NoItemFlags


def test_shift_in_use_cannot_be_removed(qtbot):
    from ui.editors.shift_editor import ShiftEditor

    w = ShiftEditor(sample_scenario())  # s06 wishes shift N
    qtbot.addWidget(w)
    n = [s.code for s in w.model.rows()].index("N")
    w.view.selectRow(n)
    assert w.remove_selected() is False and "N" in w.status.text()
    w.view.selectRow(0)
    assert w.remove_selected() is True


def test_shift_code_rename_moves_wishes(qtbot):
    from ui.editors.shift_editor import ShiftEditor, ShiftTableModel

    w = ShiftEditor(sample_scenario())  # s06 wishes shift N on 2026-06-12
    qtbot.addWidget(w)
    spy = Spy(w.scenarioChanged)
    n = [s.code for s in w.model.rows()].index("N")
    assert w.model.setData(w.model.index(n, ShiftTableModel.Column.CODE), "N1", EDIT)
    new = spy.values[-1]
    assert new.person("s06").requests[0].shift == "N1"
    assert [s.code for s in new.shifts].count("N1") == 1


def test_color_dialog_is_non_modal(qtbot):
    from ui.editors.shift_editor import ShiftEditor

    w = ShiftEditor(sample_scenario())
    qtbot.addWidget(w)
    w.view.selectRow(1)
    w.pick_color()
    assert w.color_dialog is not None and w.color_dialog.isVisible()
    spy = Spy(w.scenarioChanged)
    from PySide6.QtGui import QColor

    w.color_dialog.colorSelected.emit(QColor("#123456"))
    w.color_dialog.close()
    assert spy.values[-1].shifts[1].color == "#123456"


# ---------------------------------------------------------------------------------------- demand
def test_demand_grid_round_trip_keeps_semantics(qtbot):
    from ui.editors.demand_editor import DemandEditor, grid_from_rules, rules_from_grid

    s = sample_scenario()
    grid = grid_from_rules(s.demand)
    assert grid[0][18] == 5 and grid[1][18] == 3 and grid[0][0] == 2  # 09:00 workday 5, restday 3
    w = DemandEditor(s)
    qtbot.addWidget(w)
    rebuilt = type(s)(**{**{f: getattr(s, f) for f in s.__slots__}, "demand": w.demand_rules()})
    cal = WorkCalendar()
    for day in (D("2026-06-01"), D("2026-06-06"), D("2026-06-19"), D("2026-10-01")):
        assert demand_for_date(rebuilt, day, cal) == demand_for_date(s, day, cal)
    # collapsing: equal consecutive cells → one rule; identical columns → "all"
    same = [[1] * 16 + [3] * 32 for _ in range(3)]
    assert rules_from_grid(same) == (DemandRule("all", 0, 480, 1), DemandRule("all", 480, 1440, 3))


def test_demand_grid_edit_refuses_negative_and_heatmap(qtbot):
    from ui.editors.demand_editor import DemandEditor, DemandGridModel

    w = DemandEditor(sample_scenario())
    qtbot.addWidget(w)
    m = w.grid_model
    spy = Spy(w.scenarioChanged)
    with model_tester(m):
        assert m.setData(m.index(0, DemandGridModel.Column.HOLIDAY), "-1", EDIT) is False
        assert m.setData(m.index(0, DemandGridModel.Column.HOLIDAY), "1.5", EDIT) is False
        assert "需求人数" in w.status.text() and spy.values == []
        assert m.setData(m.index(0, DemandGridModel.Column.HOLIDAY), "4", EDIT)
        hot = m.data(m.index(18, 0), Qt.ItemDataRole.BackgroundRole)  # workday 09:00 = 5 (max)
        cool = m.data(m.index(0, 0), Qt.ItemDataRole.BackgroundRole)  # 2
        assert hot != cool and hot.lightness() < cool.lightness()
        w.grid_view.selectionModel().select(m.index(47, 1), w.grid_view.selectionModel().SelectionFlag.Select)
        w.fill_spin.setValue(7)
        w.fill_selection()
    new = spy.values[-1]
    assert demand_for_date(new, D("2026-10-01"))[None][0] == 4  # holiday 00:00
    assert demand_for_date(new, D("2026-06-06"))[None][47] == 7  # Saturday 23:30
    assert demand_for_date(new, D("2026-06-01"))[None][47] == 2  # workday unchanged
    assert any(r.skill == "审核" for r in new.demand)  # skill rule kept


def test_demand_rule_list_validation(qtbot):
    from ui.editors.demand_editor import DemandEditor, DemandRuleTableModel

    w = DemandEditor(sample_scenario())
    qtbot.addWidget(w)
    m = w.rules_model
    C = DemandRuleTableModel.Column
    with model_tester(m):
        assert m.rowCount() == 1
        assert m.setData(m.index(0, C.END), "08:00", EDIT) is False  # end before start 09:00
        assert m.setData(m.index(0, C.START), "08:15", EDIT) is False  # no 30-minute slot starts there
        assert "整点或半点" in w.status.text()
        assert m.setData(m.index(0, C.COUNT), "-2", EDIT) is False
        assert m.setData(m.index(0, C.DAY_TYPE), "2027-02-31", EDIT) is False
        assert m.setData(m.index(0, C.DAY_TYPE), "2026-06-06", EDIT)
        assert m.setData(m.index(0, C.COUNT), "2", EDIT)
        w.add_rule()
    rules = w.scenario().demand
    assert DemandRule("2026-06-06", 540, 1080, 2, "审核") in rules


# ---------------------------------------------------------------------------------------- leave
def test_leave_editor_edits_and_refusals(qtbot):
    from ui.editors.leave_editor import LeaveEditor, LeaveTableModel, WishTableModel

    w = LeaveEditor(sample_scenario())
    qtbot.addWidget(w)
    lm, wm = w.leave_model, w.wish_model
    L, W = LeaveTableModel.Column, WishTableModel.Column
    spy = Spy(w.scenarioChanged)
    with model_tester(lm), model_tester(wm), model_tester(w.month_model):
        assert lm.rowCount() == 4  # sample leaves of s03, s05, s08, s10
        assert lm.setData(lm.index(0, L.END), "2026-06-01", EDIT) is False  # end before start
        assert lm.setData(lm.index(0, L.START), "2026-02-30", EDIT) is False  # impossible date
        assert spy.values == []
        assert lm.setData(lm.index(0, L.KIND), LeaveKind.SICK, EDIT)
        w.leave_view.selectRow(0)
        row = w.add_leave()  # same person, first free day of the shown month
        assert lm.setData(lm.index(row, L.END), "2026-06-09", EDIT) is False  # 06-01..06-09 overlaps 06-08..06-10
        assert "重叠" in w.status.text()
        assert wm.setData(wm.index(0, W.WEIGHT), "0", EDIT) is False
        assert wm.setData(wm.index(0, W.WISH), "Q", EDIT) is False  # no such shift
        assert wm.setData(wm.index(0, W.WISH), "E", EDIT)
        assert wm.setData(wm.index(0, W.WEIGHT), "9", EDIT)
        # a start typed past the end moves the end along (the natural order: start first, then end)
        assert lm.setData(lm.index(row, L.START), "2026-06-20", EDIT), w.status.text()
        assert lm.setData(lm.index(row, L.END), "2026-06-22", EDIT)
        assert lm.setData(lm.index(row, L.START), "2026-06-15", EDIT)
    s = spy.values[-1]
    li = s.person("s03")
    assert li.leave[0].kind == LeaveKind.SICK and li.leave[0].period == DateRange(D("2026-06-08"), D("2026-06-10"))
    assert len(li.leave) == 2 and li.leave[1].period == DateRange(D("2026-06-15"), D("2026-06-22"))
    wang = s.person("s02")
    assert wang.requests[0].off is False and wang.requests[0].shift == "E" and wang.requests[0].weight == 9


def test_leave_table_shows_the_annual_leave_balance_and_warns_when_overdrawn(qtbot):
    from ui.editors.leave_editor import LeaveEditor, LeaveTableModel

    w = LeaveEditor(sample_scenario())
    qtbot.addWidget(w)
    lm, L = w.leave_model, LeaveTableModel.Column
    # 李娜 (s03): annual leave 06-08..06-10 (Mon–Wed) of 5 days
    assert lm.data(lm.index(0, L.BALANCE)) == "3/5"
    assert "剩余 2 天" in lm.data(lm.index(0, L.BALANCE), Qt.ItemDataRole.ToolTipRole)
    sick = next(r for r in range(lm.rowCount()) if lm.row_value(r)[1].kind == LeaveKind.SICK)
    assert lm.data(lm.index(sick, L.BALANCE)) == ""
    # two more weeks (06-08..06-19 holds 9 workdays: 06-19 is 端午) → over the 5 days: shown red and said
    assert lm.setData(lm.index(0, L.END), "2026-06-21", EDIT)
    assert lm.data(lm.index(0, L.BALANCE)) == "9/5"
    assert lm.data(lm.index(0, L.BALANCE), Qt.ItemDataRole.BackgroundRole).name().lower() == "#ffcdd2"
    assert "李娜 2026 年已排 9 天、应休 5 天" in w.status.text()


def test_leave_month_calendar_shows_who_is_away(qtbot):
    from ui.editors.leave_editor import LeaveEditor

    w = LeaveEditor(sample_scenario())
    qtbot.addWidget(w)
    mm = w.month_model
    assert mm.month() == (2026, 6)
    texts = {mm.date_at(mm.index(r, c)): mm.data(mm.index(r, c)) for r in range(mm.rowCount()) for c in range(7)}
    assert "李娜·年假" in texts[D("2026-06-09")]
    assert "黄强·病假" in texts[D("2026-06-23")]
    assert "李娜" not in texts[D("2026-06-11")]
    w.shift_month(4)
    assert mm.month() == (2026, 10)
    assert any("陈静·产假" in (mm.data(mm.index(r, c)) or "") for r in range(mm.rowCount()) for c in range(7))


def test_unavailable_times_edit_refuse_and_show_in_the_month(qtbot):
    from ui.editors.leave_editor import LeaveEditor, UnavailableTableModel, parse_weekdays

    assert parse_weekdays("1,3") == parse_weekdays("一、三") == parse_weekdays("周一 周三") == parse_weekdays("Mon Wed") == (1, 3)
    assert parse_weekdays("") == parse_weekdays("每天") == ()
    assert parse_weekdays("周日") == (7,)
    w = LeaveEditor(sample_scenario())
    qtbot.addWidget(w)
    am, U = w.away_model, UnavailableTableModel.Column
    spy = Spy(w.scenarioChanged)
    with model_tester(am):
        assert am.rowCount() == 0
        w.leave_view.clearSelection()
        row = w.add_unavailable()  # first person, the shown month, 08:00–12:00
        assert am.setData(am.index(row, U.STAFF), "s02", EDIT)
        assert am.setData(am.index(row, U.TO), "08:00", EDIT) is False  # same as the start
        assert "相同" in w.status.text()
        assert am.setData(am.index(row, U.WEEKDAYS), "周八", EDIT) is False
        assert am.setData(am.index(row, U.END), "2026-05-01", EDIT) is False  # end before start
        assert am.setData(am.index(row, U.FROM), "22:00", EDIT)
        assert am.setData(am.index(row, U.TO), "06:00", EDIT)
        assert am.setData(am.index(row, U.WEEKDAYS), "二、四", EDIT)
        assert am.data(am.index(row, U.TO)) == "06:00（次日）" and am.data(am.index(row, U.WEEKDAYS)) == "二、四"
    wang = spy.values[-1].person("s02")
    (u,) = wang.unavailable
    assert (u.period, u.start, u.end, u.weekdays) == (DateRange(D("2026-06-01"), D("2026-06-30")), 1320, 360, (2, 4))
    mm = w.month_model
    texts = {mm.date_at(mm.index(r, c)): mm.data(mm.index(r, c)) for r in range(mm.rowCount()) for c in range(7)}
    # Tuesday's window shows on Tuesday and, running past midnight, on Wednesday; Thursday's on Thu and Fri
    assert "王芳·22:00起" in texts[D("2026-06-02")] and "王芳·至06:00" in texts[D("2026-06-03")]
    tip = mm.data(mm.index(*next((r, c) for r in range(mm.rowCount()) for c in range(7)
                                 if mm.date_at(mm.index(r, c)) == D("2026-06-03"))), Qt.ItemDataRole.ToolTipRole)
    assert "王芳（s02）不可排班 00:00–06:00（前日起）" in tip
    assert "王芳" not in texts[D("2026-06-01")] and "王芳" not in texts[D("2026-06-06")]
    # survives the scenario round trip the app uses for autosave
    from roster.scenario_io import scenario_from_dict, scenario_to_dict
    assert scenario_from_dict(scenario_to_dict(spy.values[-1]))[0].person("s02").unavailable == (u,)


# ---------------------------------------------------------------------------------------- rules
def test_rules_editor_sources_switches_and_ch04(qtbot):
    from ui.editors.rules_editor import RULE_SOURCES, RulesEditor, approval_problems

    w = RulesEditor(dataclasses.replace(sample_scenario(), rules=Rules()))
    qtbot.addWidget(w)
    w.show()
    spy = Spy(w.scenarioChanged)
    assert not w.banner.isHidden() and "CH-04" in w.banner.text()  # comprehensive without approval
    assert "WH-03" in RULE_SOURCES["weekly_rest_day"] and "RB-01" in RULE_SOURCES["min_rest_between_shifts"]
    for needle in ("WH-03", "RB-01", "OT-03", "CH-07", "PG-01", "NW-01", "CH-04"):
        assert needle in " ".join(lbl.text() for lbl in w.findChildren(type(w.banner))), needle
    w.min_rest.setValue(11)
    w.switches["weekly_rest_day"].setChecked(False)
    w.approval_number.setText("京西人社综审字〔2026〕12号")
    w.approval_number.editingFinished.emit()
    w.approval_from.setText("2026-01-01")
    w.approval_from.editingFinished.emit()
    w.approval_to.setText("2027-12-31")
    w.approval_to.editingFinished.emit()
    rules = spy.values[-1].rules
    assert rules.min_rest_hours == 11 and "weekly_rest_day" in rules.disabled
    assert rules.approval == Approval("京西人社综审字〔2026〕12号", D("2026-01-01"), D("2027-12-31"))
    assert w.banner.isHidden()
    w.system.setCurrentIndex(w.system.findData(WorkingTimeSystem.STANDARD))
    assert spy.values[-1].rules.working_time_system == WorkingTimeSystem.STANDARD
    assert approval_problems(spy.values[-1].rules, D("2026-06-01"), D("2027-05-31")) == []


def test_rules_editor_tooltips_cite_the_law_not_internal_ids(qtbot):
    """GUI review #13: switches showed ids like min_rest_between_shifts and sources pointed to labour-law.md."""
    from PySide6.QtWidgets import QLabel

    from ui.editors.rules_editor import RulesEditor

    w = RulesEditor(dataclasses.replace(sample_scenario(), rules=Rules()))
    qtbot.addWidget(w)
    assert all(rid not in box.toolTip() for rid, box in w.switches.items())
    tips = [lbl.toolTip() for lbl in w.findChildren(QLabel)]
    assert not any("labour-law.md" in t for t in tips)
    assert any("劳动法》第41条" in t for t in tips) and any("《劳动法》第38条" in t for t in tips)


def test_rules_editor_refuses_impossible_and_inverted_dates(qtbot):
    from ui.editors.rules_editor import RulesEditor

    w = RulesEditor(dataclasses.replace(sample_scenario(), rules=Rules()))
    qtbot.addWidget(w)
    spy = Spy(w.scenarioChanged)
    w.approval_from.setText("2026-02-31")
    w.approval_from.editingFinished.emit()
    assert "日期无效" in w.status.text() and spy.values == [] and w.approval_from.text() == ""
    w.approval_from.setText("2026-06-01")
    w.approval_from.editingFinished.emit()
    w.approval_to.setText("2026-01-01")
    w.approval_to.editingFinished.emit()
    assert "早于开始" in w.status.text()
    assert spy.values[-1].rules.approval.valid_to is None  # refused value not saved
    assert w.approval_from.text() == "2026-06-01"  # the saved value is kept
    from PySide6.QtCore import QTime

    w.night_to.setTime(QTime(22, 0))  # same as start
    assert "夜间时段" in w.status.text() and spy.values[-1].rules.night_window == (1320, 360)


# ---------------------------------------------------------------------------------------- calendar
def test_calendar_editor_marks_and_click_cycle(qtbot):
    from ui.editors.calendar_editor import CalendarEditor

    w = CalendarEditor(sample_scenario())
    qtbot.addWidget(w)
    m = w.model
    spy = Spy(w.scenarioChanged)
    with model_tester(m):
        assert m.rowCount() == 12 and m.headerData(0, Qt.Orientation.Vertical) == "2026年6月"
        oct1 = m.index(4, 0)  # 2026-10
        assert m.date_at(oct1) == D("2026-10-01") and m.data(oct1) == "节"
        sep20 = m.index(3, 19)  # 2026-09-20 Sunday, make-up workday
        assert m.data(sep20) == "班"
        assert m.data(m.index(0, 5)) == "休"  # 2026-06-06 Saturday
        assert m.date_at(m.index(8, 29)) is None  # 2027-02-30 does not exist
        assert m.setData(m.index(8, 29), "holiday", EDIT) is False
        assert "不存在" in w.status.text()
        jun2 = m.index(0, 1)
        n = len(spy.values)
        w.view.clicked.emit(jun2)  # a single click changes nothing (GUI review #13: a stray click changed pay class)
        assert len(spy.values) == n
        for expected in (DayType.WORKDAY, DayType.RESTDAY, DayType.HOLIDAY, None):
            w.view.doubleClicked.emit(jun2)
            o = spy.values[-1].calendar
            got = (DayType.HOLIDAY if D("2026-06-02") in o.holidays else DayType.RESTDAY if D("2026-06-02") in o.restdays
                   else DayType.WORKDAY if D("2026-06-02") in o.workdays else None)
            assert got == expected
        assert spy.values[-1].calendar == CalendarOverrides()


def test_calendar_estimated_year_banner(qtbot):
    from ui.editors.calendar_editor import CalendarEditor

    w = CalendarEditor(sample_scenario())
    qtbot.addWidget(w)
    assert not w.banner.isHidden() and "2027" in w.banner.text()
    w.range_box.setCurrentIndex(w.range_box.findData(2026))
    assert w.banner.isHidden()
    w.range_box.setCurrentIndex(w.range_box.findData(2027))
    assert not w.banner.isHidden()
    assert "2027-02-09" in w.banner.text()  # the estimated dates still to confirm are named
    w.model.setData(w.model.index(1, 9), "workday", EDIT)  # user enters one 2027 date: the rest are still estimates
    assert not w.banner.isHidden() and "2027-02-10" not in w.banner.text() and "2027-02-09" in w.banner.text()
    for d in WorkCalendar(w.model.overrides()).unconfirmed_dates(2027):  # confirm every estimated date
        w.model.setData(w.model.index(d.month - 1, d.day - 1), "restday", EDIT)
    assert w.banner.isHidden()


def test_editors_set_scenario_reloads(qtbot):
    from ui.editors import CalendarEditor, DemandEditor, LeaveEditor, RulesEditor, ShiftEditor, TeamEditor

    s = sample_scenario()
    smaller = type(s)(**{**{f: getattr(s, f) for f in s.__slots__}, "staff": s.staff[:2], "shifts": s.shifts[:1],
                         "demand": (DemandRule("all", 0, 1440, 1),)})
    for cls in (TeamEditor, LeaveEditor, ShiftEditor, DemandEditor, RulesEditor, CalendarEditor):
        w = cls(s)
        qtbot.addWidget(w)
        w.set_scenario(smaller)
        assert w.scenario() is smaller
    t = TeamEditor(s)
    qtbot.addWidget(t)
    t.set_scenario(smaller)
    assert t.model.rowCount() == 2
    d = DemandEditor(s)
    qtbot.addWidget(d)
    d.set_scenario(smaller)
    assert d.grid_model.grid()[2][30] == 1 and d.rules_model.rowCount() == 0


def test_leave_kinds_cover_spec(qtbot):
    from ui.editors.leave_editor import LEAVE_ORDER, leave_label

    labels = {leave_label(k) for k in LEAVE_ORDER}
    assert {"年假", "病假", "事假", "婚假", "产假", "调休", "丧假"} <= labels
    assert Leave(DateRange(D("2026-06-01"), D("2026-06-01"))).kind in LEAVE_ORDER


def test_demand_grid_opens_on_the_day_rows(qtbot):
    from ui.editors.demand_editor import DemandEditor

    w = DemandEditor(sample_scenario())
    qtbot.addWidget(w)
    w.resize(900, 420)
    w.show()
    qtbot.waitExposed(w)
    assert w.grid_view.rowAt(0) == 14  # 07:00 at the top: the 08:00 and 09:00 changes are in view
