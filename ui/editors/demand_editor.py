"""DemandEditor: head-count per half hour × day type (heat-map grid) plus per-skill / per-date rules.

The grid shows the rules with no skill whose ``day_type`` is workday/restday/holiday/all, applied in
file order like :func:`roster.demand.demand_for_date`.  Writing back collapses equal consecutive
cells into :class:`~roster.model.DemandRule` values (``all`` when the three columns agree); the
per-skill and specific-date rules follow the grid rules unchanged, so they still override it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from roster.demand import SLOT_MINUTES, SLOTS_PER_DAY, apply_rule
from roster.model import DemandRule, Scenario

from .common import (
    EditRefused,
    RowTableModel,
    StatusLabel,
    fit_columns,
    fmt_time,
    heat_color,
    make_table,
    parse_number,
    parse_time,
    selected_row,
    text_color_for,
    tool_box,
)

GRID_DAY_TYPES = ("workday", "restday", "holiday")
MAX_HEADCOUNT = 99
Index = QModelIndex | QPersistentModelIndex


def is_grid_rule(rule: DemandRule) -> bool:
    return rule.skill is None and rule.day_type in ("all", *GRID_DAY_TYPES)


def grid_from_rules(rules: tuple[DemandRule, ...] | list[DemandRule]) -> list[list[int]]:
    """[day-type column][slot] head-counts from the grid rules (same semantics as roster.demand)."""
    grid = [[0] * SLOTS_PER_DAY for _ in GRID_DAY_TYPES]
    for rule in rules:
        if not is_grid_rule(rule):
            continue
        cols = range(len(GRID_DAY_TYPES)) if rule.day_type == "all" else [GRID_DAY_TYPES.index(rule.day_type)]
        for c in cols:
            apply_rule(grid[c], rule)
    return grid


def _runs(column: list[int]) -> list[tuple[int, int, int]]:
    out: list[tuple[int, int, int]] = []
    k = 0
    while k < len(column):
        j = k
        while j + 1 < len(column) and column[j + 1] == column[k]:
            j += 1
        if column[k] > 0:
            out.append((k * SLOT_MINUTES, (j + 1) * SLOT_MINUTES, column[k]))
        k = j + 1
    return out


def rules_from_grid(grid: list[list[int]]) -> tuple[DemandRule, ...]:
    """Collapse equal consecutive cells into rules; ``all`` when every day type has the same column."""
    if all(col == grid[0] for col in grid):
        return tuple(DemandRule("all", s, e, n) for s, e, n in _runs(grid[0]))
    out: list[DemandRule] = []
    for c, day_type in enumerate(GRID_DAY_TYPES):
        out.extend(DemandRule(day_type, s, e, n) for s, e, n in _runs(grid[c]))
    return tuple(out)



def _on_slot(minutes: int) -> int:
    """``minutes`` if it starts a 30-minute demand slot, else the edit is refused: the grid edits whole slots (a
    scenario file may hold finer times; they count their whole slot, roster.demand.apply_rule)."""
    if minutes % SLOT_MINUTES:
        raise EditRefused(QCoreApplication.translate("DemandEditor", "需求时段须从整点或半点开始和结束：%1").replace(
            "%1", fmt_time(minutes)))
    return minutes

class DemandGridModel(QAbstractTableModel):
    """Rows = half-hour slots 00:00–23:30, columns = workday / restday / holiday, cells = head-count."""

    class Column(IntEnum):
        WORKDAY = 0
        RESTDAY = 1
        HOLIDAY = 2

    editRefused = Signal(str)
    gridEdited = Signal()

    def __init__(self, grid: list[list[int]] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = grid or [[0] * SLOTS_PER_DAY for _ in GRID_DAY_TYPES]

    def grid(self) -> list[list[int]]:
        return [list(col) for col in self._grid]

    def set_grid(self, grid: list[list[int]]) -> None:
        self.beginResetModel()
        self._grid = [list(col) for col in grid]
        self.endResetModel()

    def maximum(self) -> int:
        return max((max(col) for col in self._grid), default=0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else SLOTS_PER_DAY

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self.Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return [self.tr("工作日"), self.tr("休息日"), self.tr("法定节假日")][section]
        start = section * SLOT_MINUTES
        return f"{fmt_time(start)}–{fmt_time(start + SLOT_MINUTES)}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self._grid[index.column()][index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return value
        if role == Qt.ItemDataRole.BackgroundRole:
            return heat_color(value, max(self.maximum(), 1))
        if role == Qt.ItemDataRole.ForegroundRole:
            return text_color_for(heat_color(value, max(self.maximum(), 1)))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def _parse(self, value: Any) -> int:
        return int(parse_number(value, 0, MAX_HEADCOUNT, integer=True, what=self.tr("需求人数")))

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        try:
            n = self._parse(value)
        except EditRefused as exc:
            self.editRefused.emit(str(exc))
            return False
        return self.set_cells([(index.row(), index.column())], n)

    def set_cells(self, cells: list[tuple[int, int]], n: int) -> bool:
        if n < 0 or n > MAX_HEADCOUNT:
            self.editRefused.emit(self.tr("需求人数超出范围：%1（允许 0–99）").replace("%1", str(n)))
            return False
        changed = False
        for row, col in cells:
            if self._grid[col][row] != n:
                self._grid[col][row] = n
                changed = True
        if changed:
            # colours of every cell depend on the maximum
            self.dataChanged.emit(self.index(0, 0), self.index(SLOTS_PER_DAY - 1, len(self.Column) - 1))
            self.gridEdited.emit()
        return True


DAY_TYPE_CHOICES = ("all", "workday", "restday", "holiday")


class DemandRuleTableModel(RowTableModel):
    """Per-skill rules and rules for a specific date (listed in file order)."""

    class Column(IntEnum):
        DAY_TYPE = 0
        START = 1
        END = 2
        COUNT = 3
        SKILL = 4

    def day_type_label(self, day_type: str) -> str:
        return {
            "all": self.tr("每天"),
            "workday": self.tr("工作日"),
            "restday": self.tr("休息日"),
            "holiday": self.tr("法定节假日"),
        }.get(day_type, day_type)

    def header_labels(self) -> list[str]:
        return [self.tr("日期类型或日期"), self.tr("从"), self.tr("到"), self.tr("人数"), self.tr("技能（空=不限）")]

    def display(self, r: DemandRule, column: int) -> Any:
        C = self.Column
        match column:
            case C.DAY_TYPE:
                return self.day_type_label(r.day_type)
            case C.START:
                return fmt_time(r.start)
            case C.END:
                return fmt_time(r.end)
            case C.COUNT:
                return str(r.count)
            case C.SKILL:
                return r.skill or ""
        return None

    def _day_type(self, text: str) -> str:
        for key in DAY_TYPE_CHOICES:
            if text in (key, self.day_type_label(key)):
                return key
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            raise EditRefused(
                self.tr("日期类型应为 每天/工作日/休息日/法定节假日 或有效日期 YYYY-MM-DD：%1").replace("%1", text)
            ) from None

    def apply(self, r: DemandRule, column: int, new: Any, row: int) -> DemandRule:
        C = self.Column
        text = "" if new is None else str(new).strip()
        match column:
            case C.DAY_TYPE:
                day_type = self._day_type(text)
                if r.skill is None and day_type in DAY_TYPE_CHOICES:
                    raise EditRefused(self.tr("不限技能的按日期类型需求请在左侧网格中编辑"))
                return replace(r, day_type=day_type)
            case C.START:
                start = _on_slot(parse_time(text))
                if start >= r.end:
                    raise EditRefused(self.tr("开始 %1 必须早于结束 %2").replace("%1", fmt_time(start)).replace("%2", fmt_time(r.end)))
                return replace(r, start=start)
            case C.END:
                end = _on_slot(parse_time(text))
                if end <= r.start:
                    raise EditRefused(self.tr("结束 %1 必须晚于开始 %2").replace("%1", fmt_time(end)).replace("%2", fmt_time(r.start)))
                return replace(r, end=end)
            case C.COUNT:
                return replace(r, count=int(parse_number(text, 0, MAX_HEADCOUNT, integer=True, what=self.tr("人数"))))
            case C.SKILL:
                if not text and r.day_type in DAY_TYPE_CHOICES:
                    raise EditRefused(self.tr("按日期类型的需求必须指定技能（不限技能的请用左侧网格）"))
                return replace(r, skill=text or None)
        return r


class DemandEditor(QWidget):
    scenarioChanged = Signal(object)

    def __init__(self, scenario: Scenario, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scenario = scenario
        self.grid_model = DemandGridModel(grid_from_rules(scenario.demand), self)
        self.rules_model = DemandRuleTableModel([r for r in scenario.demand if not is_grid_rule(r)], self)
        self.status = StatusLabel(self)

        self.grid_view = QTableView(self)
        self.grid_view.setObjectName("demandGrid")
        self.grid_view.setModel(self.grid_model)
        self.grid_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.grid_view.verticalHeader().setDefaultSectionSize(22)
        self.grid_view.horizontalHeader().setDefaultSectionSize(92)
        self.grid_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.fill_spin = QSpinBox(self)
        self.fill_spin.setRange(0, MAX_HEADCOUNT)
        self.fill_button = QPushButton(self.tr("填入所选格"), self)

        grid_box, _ = tool_box(self.tr("每半小时需求人数（不限技能）"), self,
                               (QLabel(self.tr("人数"), self), self.fill_spin, self.fill_button), self.grid_view)
        grid_box.setMinimumWidth(440)

        self.rules_view = make_table(self.rules_model, self)
        self.add_rule_button = QPushButton(self.tr("添加技能需求"), self)
        self.remove_rule_button = QPushButton(self.tr("删除"), self)
        rules_box, rl = tool_box(self.tr("按技能或特定日期的需求（覆盖左侧网格）"), self,
                                 (self.add_rule_button, self.remove_rule_button), self.rules_view)
        note = QLabel(
            self.tr("“从 08:00 到 18:00”包含 08:00、不含 18:00（18:00 起归下一段）；技能需求按持有该技能的人数计算。颜色越深需求越高。"), self
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        rl.addWidget(note)

        body = QHBoxLayout()
        body.addWidget(grid_box, 0)
        body.addWidget(rules_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)

        self.grid_model.editRefused.connect(self.status.show_error)
        self.rules_model.editRefused.connect(self.status.show_error)
        self.grid_model.gridEdited.connect(self._edited)
        self.rules_model.rowsEdited.connect(self._edited)
        self.fill_button.clicked.connect(self.fill_selection)
        self.add_rule_button.clicked.connect(self.add_rule)
        self.remove_rule_button.clicked.connect(lambda: self.rules_model.remove_row(selected_row(self.rules_view)))
        self._fit()

    def scenario(self) -> Scenario:
        return self._scenario

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not getattr(self, "_scrolled", False):
            self._scrolled = True
            self.scroll_to_day()

    def scroll_to_day(self) -> None:
        """Show the day from 07:00: the night rows above it rarely change, the daytime ones are the work."""
        row = min(self.grid_model.rowCount() - 1, 7 * 60 // SLOT_MINUTES)
        if row >= 0:
            self.grid_view.scrollTo(self.grid_model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)

    def set_scenario(self, scenario: Scenario) -> None:
        self._scenario = scenario
        self.grid_model.set_grid(grid_from_rules(scenario.demand))
        self.rules_model.set_rows([r for r in scenario.demand if not is_grid_rule(r)])
        self._fit()

    def demand_rules(self) -> tuple[DemandRule, ...]:
        return rules_from_grid(self.grid_model.grid()) + self.rules_model.rows()

    def fill_selection(self) -> None:
        cells = [(i.row(), i.column()) for i in self.grid_view.selectionModel().selectedIndexes()]
        if not cells:
            self.status.show_error(self.tr("请先在网格中选择单元格"))
            return
        self.grid_model.set_cells(cells, self.fill_spin.value())

    def add_rule(self) -> None:
        skills = sorted({s for p in self._scenario.staff for s in p.skills})
        row = self.rules_model.append_row(DemandRule("workday", 9 * 60, 18 * 60, 1, skills[0] if skills else "审核"))
        self.rules_view.selectRow(row)

    def _fit(self) -> None:
        self.grid_view.verticalHeader().setMinimumWidth(96)
        fit_columns(self.rules_view, widths={0: 130, 1: 70, 2: 70, 3: 56})

    def _edited(self) -> None:
        self.status.clear_message()
        self._scenario = replace(self._scenario, demand=self.demand_rules())
        self.scenarioChanged.emit(self._scenario)
