"""Violations list: rule, person, dates, message, legal source.  Double-click jumps to the cell."""

from __future__ import annotations

import datetime as dt
from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget


class VCol(IntEnum):
    RULE = 0
    PERSON = 1
    DATES = 2
    MESSAGE = 3
    SOURCE = 4


def _rule_name(rule: str, lang: str) -> str:
    try:
        from roster.validator import RULES
    except ImportError:
        return rule
    info = RULES.get(rule)
    if info is None:
        return rule
    return info.name_en if lang == "en" else info.name_zh


def _dates_text(v) -> str:
    def one(x) -> str:
        if x is None:
            return ""
        if isinstance(x, dt.datetime):
            return f"{x.month}/{x.day} {x:%H:%M}"
        return f"{x.month}/{x.day}"

    a, b = one(v.start), one(v.end)
    if not b or a == b:
        return a
    return f"{a} – {b}"


def first_date(v) -> dt.date | None:
    x = v.start
    if isinstance(x, dt.datetime):
        return x.date()
    return x


class ViolationsModel(QAbstractTableModel):
    HEADERS = {
        VCol.RULE: QT_TRANSLATE_NOOP("ViolationsModel", "规则"),
        VCol.PERSON: QT_TRANSLATE_NOOP("ViolationsModel", "人员"),
        VCol.DATES: QT_TRANSLATE_NOOP("ViolationsModel", "日期"),
        VCol.MESSAGE: QT_TRANSLATE_NOOP("ViolationsModel", "说明"),
        VCol.SOURCE: QT_TRANSLATE_NOOP("ViolationsModel", "法律依据"),
    }

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list = []
        self._names: dict[str, str] = {}
        self.lang = "zh"

    def set_violations(self, violations, names: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(violations)
        if names is not None:
            self._names = dict(names)
        self.endResetModel()

    def violations(self) -> list:
        return list(self._rows)

    def violation(self, row: int):
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(VCol)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(VCol):
            return self.tr(self.HEADERS[VCol(section)])
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(VCol):
            return None
        v = self._rows[index.row()]
        col = VCol(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == VCol.RULE:
                return _rule_name(v.rule, self.lang)
            if col == VCol.PERSON:
                return self._names.get(v.staff, v.staff) if v.staff else self.tr("全体")
            if col == VCol.DATES:
                return _dates_text(v)
            if col == VCol.MESSAGE:
                if self.lang == "en":  # rule, person, dates and source have their own columns
                    from roster.validator import measure_text

                    return measure_text(v, "en")
                return v.message
            from roster.validator import source_text

            return source_text(v.source, self.lang)
        if role == Qt.ItemDataRole.ForegroundRole and col == VCol.RULE:
            return QBrush(QColor("#B3261E"))
        if role == Qt.ItemDataRole.UserRole:
            return v
        return None


class ViolationsPanel(QWidget):
    """Table of current violations; emits ``cellActivated(staff, date)`` on double-click."""

    cellActivated = Signal(str, object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = ViolationsModel(self)
        self.planned = True  # False while the roster is empty: the summary says so instead of "0 违规"
        self.summary = QLabel(self)
        self.summary.setObjectName("violationsSummary")
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        hh = self.view.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(True)
        self.view.setColumnWidth(VCol.RULE, 110)
        self.view.setColumnWidth(VCol.PERSON, 70)
        self.view.setColumnWidth(VCol.DATES, 175)
        self.view.setColumnWidth(VCol.MESSAGE, 600)
        self.view.doubleClicked.connect(self._activated)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.summary)
        lay.addWidget(self.view)
        self._update_summary()

    def set_violations(self, violations, names: dict[str, str] | None = None) -> None:
        self.model.set_violations(violations, names)
        self._update_summary()
        # an empty table is just a header: the summary line says it all and the rota gets the room
        self.view.setVisible(self.model.rowCount() > 0)

    def set_language(self, lang: str) -> None:
        self.model.lang = lang
        self.model.set_violations(self.model.violations())
        self._update_summary()

    def _update_summary(self) -> None:
        n = self.model.rowCount()
        if n == 0 and not self.planned:
            self.summary.setText(self.tr("尚未排班：按 F5 求解"))
            self.summary.setStyleSheet("color: #555555;")
        elif n == 0:
            self.summary.setText(self.tr("0 违规：当前排班符合所有已启用的规则"))
            self.summary.setStyleSheet("color: #1B6E20; font-weight: bold;")
        else:
            rules = sorted({_rule_name(v.rule, self.model.lang) for v in self.model.violations()})
            text = self.tr("违规 1 条：%2") if n == 1 else self.tr("违规 %1 条：%2").replace("%1", str(n))
            self.summary.setText(text.replace("%2", self.tr("、").join(rules)))
            self.summary.setStyleSheet("color: #B3261E; font-weight: bold;")

    def _activated(self, index: QModelIndex) -> None:
        v = self.model.violation(index.row())
        d = first_date(v)
        if v.staff and d is not None:
            self.cellActivated.emit(v.staff, d)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(VCol) - 1)
            self._update_summary()
        super().changeEvent(event)
