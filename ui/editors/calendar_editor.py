"""CalendarEditor: months × days coloured by WorkCalendar day type, with user overrides by clicking.

节 = statutory holiday (300 %), 休 = rest day (including 调休/补假 rest days), 班 = make-up working day on a
weekend.  A click cycles the date's override: 工作日 → 休息日 → 节假日 → 清除 (back to the package).
"""

from __future__ import annotations

import calendar as pycal
import datetime as dt
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from roster.calendar import WorkCalendar, override_of
from roster.model import CalendarOverrides, DayType, Scenario

from .common import WARN_STYLE, StatusLabel

Index = QModelIndex | QPersistentModelIndex

COLORS = {
    DayType.HOLIDAY: QColor("#F28B82"),
    DayType.RESTDAY: QColor("#CDE8C4"),
    "makeup": QColor("#FFD08A"),
    DayType.WORKDAY: QColor("#FFFFFF"),
}
CYCLE: tuple[DayType | None, ...] = (None, DayType.WORKDAY, DayType.RESTDAY, DayType.HOLIDAY)


def with_override(o: CalendarOverrides, day: dt.date, kind: DayType | None) -> CalendarOverrides:
    """Overrides with ``day`` set to ``kind`` (None clears it); other dates untouched."""
    h, r, w = set(o.holidays) - {day}, set(o.restdays) - {day}, set(o.workdays) - {day}
    if kind == DayType.HOLIDAY:
        h.add(day)
    elif kind == DayType.RESTDAY:
        r.add(day)
    elif kind == DayType.WORKDAY:
        w.add(day)
    return CalendarOverrides(frozenset(h), frozenset(r), frozenset(w))


def contract_months(first: dt.date) -> list[tuple[int, int]]:
    return [((first.month - 1 + i) // 12 + first.year, (first.month - 1 + i) % 12 + 1) for i in range(12)]


class CalendarMonthsModel(QAbstractTableModel):
    """Rows = (year, month), columns = day 1..31; DisplayRole is the mark, BackgroundRole the type colour."""

    editRefused = Signal(str)
    overridesEdited = Signal()

    def __init__(self, months: list[tuple[int, int]], overrides: CalendarOverrides, parent: QWidget | None = None,
                 makeup_class: str = "rest") -> None:
        super().__init__(parent)
        self._months = list(months)
        self._overrides = overrides
        self._makeup_class = makeup_class  # rules.makeup_rest_day_class: shows 补假 days as 节 when "holiday"
        self._cal = WorkCalendar(overrides, makeup_class)

    def overrides(self) -> CalendarOverrides:
        return self._overrides

    def months(self) -> list[tuple[int, int]]:
        return list(self._months)

    def set_months(self, months: list[tuple[int, int]]) -> None:
        self.beginResetModel()
        self._months = list(months)
        self.endResetModel()

    def set_overrides(self, overrides: CalendarOverrides, makeup_class: str | None = None) -> None:
        self.beginResetModel()
        self._overrides = overrides
        if makeup_class is not None:
            self._makeup_class = makeup_class
        self._cal = WorkCalendar(overrides, self._makeup_class)
        self.endResetModel()

    def date_at(self, index: Index) -> dt.date | None:
        if not index.isValid():
            return None
        y, m = self._months[index.row()]
        day = index.column() + 1
        return dt.date(y, m, day) if day <= pycal.monthrange(y, m)[1] else None

    def mark(self, day: dt.date) -> str:
        t = self._cal.day_type(day)
        if t == DayType.HOLIDAY:
            return self.tr("节")
        if t == DayType.RESTDAY:
            return self.tr("休")
        if self._cal.is_makeup_workday(day):
            return self.tr("班")
        return ""

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._months)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else 31

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return str(section + 1)
        y, m = self._months[section]
        return self.tr("%1年%2月").replace("%1", str(y)).replace("%2", str(m))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        day = self.date_at(index)
        if day is None:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QColor("#E0E0E0")
            return None
        over = override_of(self._overrides, day)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.mark(day) + ("*" if over else "")
        if role == Qt.ItemDataRole.EditRole:
            return over.value if over else ""
        if role == Qt.ItemDataRole.BackgroundRole:
            t = self._cal.day_type(day)
            return COLORS["makeup"] if self._cal.is_makeup_workday(day) else COLORS[t]
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#000000") if day.weekday() < 5 else QColor("#8E24AA")
        if role == Qt.ItemDataRole.FontRole and over:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(day, over)
        return None

    def _tooltip(self, day: dt.date, over: DayType | None) -> str:
        names = {
            DayType.WORKDAY: self.tr("工作日"),
            DayType.RESTDAY: self.tr("休息日"),
            DayType.HOLIDAY: self.tr("法定节假日（300%）"),
        }
        weekdays = [self.tr("周一"), self.tr("周二"), self.tr("周三"), self.tr("周四"), self.tr("周五"), self.tr("周六"), self.tr("周日")]
        text = f"{day.isoformat()} {weekdays[day.weekday()]} · {names[self._cal.day_type(day)]}"
        try:
            from ..i18n import current_language

            holiday = self._cal.holiday_name(day, current_language())
        except Exception:  # pragma: no cover - depends on the holidays package build
            holiday = None
        if holiday:
            text += f" · {holiday}"
        if over:
            text += self.tr("（用户覆盖）")
        return text

    def flags(self, index: Index) -> Qt.ItemFlag:
        if self.date_at(index) is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        day = self.date_at(index)
        if day is None:
            y, m = self._months[index.row()]
            self.editRefused.emit(
                self.tr("日期不存在：%1年%2月%3日").replace("%1", str(y)).replace("%2", str(m)).replace("%3", str(index.column() + 1))
            )
            return False
        text = "" if value is None else str(value)
        if text and text not in {t.value for t in DayType}:
            self.editRefused.emit(self.tr("日期类型应为 workday/restday/holiday 或空：%1").replace("%1", text))
            return False
        self.set_override(day, DayType(text) if text else None)
        return True

    def set_override(self, day: dt.date, kind: DayType | None) -> None:
        new = with_override(self._overrides, day, kind)
        if new == self._overrides:
            return
        self._overrides = new
        self._cal = WorkCalendar(new, self._makeup_class)
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 30))
        self.overridesEdited.emit()

    def cycle(self, index: Index) -> bool:
        day = self.date_at(index)
        if day is None:
            return False
        current = override_of(self._overrides, day)
        self.set_override(day, CYCLE[(CYCLE.index(current) + 1) % len(CYCLE)])
        return True


class CalendarEditor(QWidget):
    scenarioChanged = Signal(object)

    def __init__(self, scenario: Scenario, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from roster.sample import CONTRACT_START

        self._scenario = scenario
        self._contract_start = CONTRACT_START
        self.range_box = QComboBox(self)
        self.range_box.addItem(self.tr("合同年 2026-06 至 2027-05"), "contract")
        for y in (2026, 2027, 2028):
            self.range_box.addItem(self.tr("%1 年").replace("%1", str(y)), y)
        self.model = CalendarMonthsModel(contract_months(CONTRACT_START), scenario.calendar, self,
                                         scenario.rules.makeup_rest_day_class)
        self.view = QTableView(self)
        self.view.setObjectName("calendarGrid")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setDefaultSectionSize(32)
        self.view.horizontalHeader().setMinimumSectionSize(24)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setDefaultSectionSize(30)
        self.view.verticalHeader().setMinimumWidth(96)
        self.banner = QLabel(self)
        self.banner.setObjectName("estimatedBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(WARN_STYLE)
        self.status = StatusLabel(self)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("范围"), self))
        top.addWidget(self.range_box)
        top.addSpacing(16)
        for key, text in (
            (DayType.HOLIDAY, self.tr("节 法定节假日（300%）")),
            (DayType.RESTDAY, self.tr("休 休息日（含调休、补假）")),
            ("makeup", self.tr("班 调休上班")),
            (DayType.WORKDAY, self.tr("工作日")),
        ):
            chip = QLabel(text, self)
            chip.setStyleSheet(f"background: {COLORS[key].name()}; border: 1px solid #BBB; padding: 2px 6px;")
            top.addWidget(chip)
        top.addStretch(1)
        hint = QLabel(self.tr("双击日期循环覆盖：工作日 → 休息日 → 节假日 → 清除；* 表示用户覆盖；紫色标记为周六、周日，"
                              "黑色标记为周一至周五"), self)
        hint.setStyleSheet("color: #555;")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.view, 1)
        layout.addWidget(hint)
        layout.addWidget(self.status)

        # a double click: a date's pay class (300 % / 200 % / workday) must not change on a stray click (GUI review #13)
        self.view.doubleClicked.connect(self.model.cycle)
        self.model.editRefused.connect(self.status.show_error)
        self.model.overridesEdited.connect(self._edited)
        self.range_box.currentIndexChanged.connect(self._range_changed)
        self._update_banner()

    def scenario(self) -> Scenario:
        return self._scenario

    def set_scenario(self, scenario: Scenario) -> None:
        self._scenario = scenario
        self.model.set_overrides(scenario.calendar, scenario.rules.makeup_rest_day_class)
        self._update_banner()

    def _range_changed(self) -> None:
        data = self.range_box.currentData()
        months = contract_months(self._contract_start) if data == "contract" else [(int(data), m) for m in range(1, 13)]
        self.model.set_months(months)
        self._update_banner()

    def _update_banner(self) -> None:
        months = self.model.months()
        first = dt.date(*months[0], 1)
        y, m = months[-1]
        last = dt.date(y, m, pycal.monthrange(y, m)[1])
        cal = WorkCalendar(self.model.overrides())
        years = cal.estimated_years(first, last)
        if years:
            pending = cal.pending_dates(first, last)
            text = self.tr("%1 年的节假日调休安排尚未公布，当前日期类型为估计值（HD-07）。请在公布后核对并双击日期修改。").replace(
                "%1", self.tr("、").join(str(y) for y in years))
            if pending:
                text += self.tr("尚未核对的估计调休日：%1（估计正确的日期也请双击设为同一类型以确认）").replace("%1", self.tr("、").join(d.isoformat() for d in pending))
            self.banner.setText(text)
            self.banner.show()
        else:
            self.banner.hide()

    def _edited(self) -> None:
        self.status.clear_message()
        self._scenario = replace(self._scenario, calendar=self.model.overrides())
        self._update_banner()
        self.scenarioChanged.emit(self._scenario)
