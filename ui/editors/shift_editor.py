"""ShiftEditor: shift templates (code, name, colour, start, span, unpaid break, who may work it)."""

from __future__ import annotations

import re
from dataclasses import replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from roster.model import MINUTES_PER_DAY, OFF, Scenario, Shift

from .common import (
    EditRefused,
    RowTableModel,
    StatusLabel,
    fit_columns,
    fmt_time,
    make_table,
    parse_number,
    parse_time,
    selected_row,
    split_list,
)

_CODE = re.compile(r"^[A-Za-z0-9]{1,4}$")


#: colours for new templates, each easy to tell from the others and light enough under a black code
NEW_SHIFT_COLORS = ("#FFB37A", "#8FA3D9", "#F4A6C6", "#9FE0D8", "#D9E38A", "#C9B08F", "#E6B3FF", "#A8D5A2",
                    "#FFD1A1", "#B5C7E8")

class ShiftTableModel(RowTableModel):
    class Column(IntEnum):
        CODE = 0
        NAME = 1
        COLOR = 2
        START = 3
        HOURS = 4
        BREAK = 5
        END = 6
        PAID = 7
        SKILLS_ANY = 8

    READ_ONLY = frozenset({Column.END, Column.PAID})
    codeRenamed = Signal(str, str)

    def header_labels(self) -> list[str]:
        return [
            self.tr("代码"),
            self.tr("名称"),
            self.tr("颜色"),
            self.tr("开始"),
            self.tr("时长（小时）"),
            self.tr("休息（分钟，不计薪）"),
            self.tr("结束"),
            self.tr("计薪工时"),
            self.tr("可上岗技能（空=任何人）"),
        ]

    def end_text(self, s: Shift) -> str:
        end = s.end
        if end > MINUTES_PER_DAY:
            return self.tr("次日 %1（跨夜）").replace("%1", fmt_time(end - MINUTES_PER_DAY))
        return fmt_time(end)

    def display(self, s: Shift, column: int) -> Any:
        C = self.Column
        match column:
            case C.CODE:
                return s.code
            case C.NAME:
                return s.name
            case C.COLOR:
                return s.color.upper()
            case C.START:
                return fmt_time(s.start)
            case C.HOURS:
                return f"{s.hours:g}"
            case C.BREAK:
                return str(s.break_minutes)
            case C.END:
                return self.end_text(s)
            case C.PAID:
                return f"{s.paid_minutes / 60:g}"
            case C.SKILLS_ANY:
                return "、".join(s.skills_any or ())
        return None

    def edit_value(self, s: Shift, column: int) -> Any:
        if column == self.Column.SKILLS_ANY:
            return ", ".join(s.skills_any or ())
        return self.display(s, column)

    def editable(self, column: int) -> bool:
        return column not in self.READ_ONLY

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        f = super().flags(index)
        if index.isValid() and index.column() == self.Column.COLOR:
            f &= ~Qt.ItemFlag.ItemIsEditable  # edited through QColorDialog (double-click / button)
        return f

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == self.Column.COLOR and role == Qt.ItemDataRole.DecorationRole:
            return QColor(self._rows[index.row()].color)
        return super().data(index, role)

    def background(self, s: Shift, column: int) -> QColor | None:
        if column == self.Column.CODE:
            return QColor(s.color)
        if column == self.Column.END and s.crosses_midnight:
            return QColor("#E3E8F8")
        return None

    def tooltip(self, s: Shift, column: int) -> str | None:
        if s.crosses_midnight:
            return self.tr("跨夜班次：归属开始当天，结束于次日")
        return None

    def apply(self, s: Shift, column: int, new: Any, row: int) -> Shift:
        C = self.Column
        text = "" if new is None else str(new).strip()
        match column:
            case C.CODE:
                if not _CODE.match(text) or text.upper() == OFF:
                    raise EditRefused(self.tr("班次代码应为 1–4 位字母或数字，且不能是 OFF：%1").replace("%1", text))
                if any(o.code == text for i, o in enumerate(self._rows) if i != row):
                    raise EditRefused(self.tr("班次代码 %1 已存在").replace("%1", text))
                if text != s.code:
                    self.codeRenamed.emit(s.code, text)
                return replace(s, code=text)
            case C.NAME:
                if not text:
                    raise EditRefused(self.tr("班次名称不能为空"))
                return replace(s, name=text)
            case C.COLOR:
                c = QColor(text)
                if not c.isValid():
                    raise EditRefused(self.tr("颜色无效：%1").replace("%1", text))
                return replace(s, color=c.name().upper())
            case C.START:
                start = parse_time(text)
                if start >= MINUTES_PER_DAY:
                    raise EditRefused(self.tr("开始时间应在 00:00–23:59 之间"))
                return replace(s, start=start)
            case C.HOURS:
                hours = parse_number(text, 0.5, 24, what=self.tr("时长"))
                if round(hours * 60) <= s.break_minutes:
                    raise EditRefused(self.tr("时长必须长于休息时间"))
                if round(hours * 60) % 15:
                    raise EditRefused(self.tr("时长应为 15 分钟的整数倍"))
                return replace(s, hours=hours)
            case C.BREAK:
                b = int(parse_number(text, 0, 240, integer=True, what=self.tr("休息分钟")))
                if b >= s.span_minutes:
                    raise EditRefused(self.tr("休息时间必须短于班次时长"))
                return replace(s, break_minutes=b)
            case C.SKILLS_ANY:
                skills = split_list(text)
                return replace(s, skills_any=skills or None)
        return s


class ShiftEditor(QWidget):
    scenarioChanged = Signal(object)

    def __init__(self, scenario: Scenario, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scenario = scenario
        self.model = ShiftTableModel(scenario.shifts, self)
        self.view = make_table(self.model, self)
        self.status = StatusLabel(self)
        self.color_dialog: QColorDialog | None = None

        self.add_button = QPushButton(self.tr("添加班次"), self)
        self.remove_button = QPushButton(self.tr("删除班次"), self)
        self.color_button = QPushButton(self.tr("选择颜色…"), self)
        top = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.color_button):
            top.addWidget(b)
        top.addStretch(1)
        hint = QLabel(self.tr("班次归属开始当天；结束晚于 24:00 的为跨夜班次。休息时间不计薪，但计入在岗时段。"), self)
        hint.setStyleSheet("color: #555;")
        top.addWidget(hint)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)

        self.model.editRefused.connect(self.status.show_error)
        self.model.rowsEdited.connect(self._edited)
        self.model.codeRenamed.connect(self._code_renamed)
        self.add_button.clicked.connect(self.add_shift)
        self.remove_button.clicked.connect(self.remove_selected)
        self.color_button.clicked.connect(self.pick_color)
        self.view.doubleClicked.connect(self._double_clicked)
        self._fit()

    def scenario(self) -> Scenario:
        return self._scenario

    def set_scenario(self, scenario: Scenario) -> None:
        self._scenario = scenario
        self.model.set_rows(scenario.shifts)
        self._fit()

    def add_shift(self) -> int:
        taken = {s.code for s in self.model.rows()}
        code = next(c for c in "XYZABCDEFGHIJKLMNOPQRSTUVW" + "".join(str(i) for i in range(10)) if c not in taken)
        used = {s.color.upper() for s in self.model.rows()}
        # a light colour no template has yet (codes are printed too, so colour is never the only cue)
        color = next((c for c in NEW_SHIFT_COLORS if c not in used), "#DDDDDD")
        row = self.model.append_row(Shift(code, self.tr("新班次"), 8 * 60, 8, 0, None, color))
        self.view.selectRow(row)
        return row

    def remove_selected(self) -> bool:
        row = selected_row(self.view)
        if row < 0:
            return False
        code = self.model.row_value(row).code
        used = [p.name for p in self._scenario.staff for r in p.requests if r.shift == code]
        used += [lk.staff for lk in self._scenario.locked if lk.shift == code]
        if used:
            self.status.show_error(
                self.tr("班次 %1 仍被愿望或锁定引用（%2），请先修改它们").replace("%1", code).replace("%2", "、".join(used[:5]))
            )
            return False
        return self.model.remove_row(row)

    def pick_color(self) -> None:
        row = selected_row(self.view)
        if row < 0:
            self.status.show_error(self.tr("请先选择一个班次"))
            return
        dialog = QColorDialog(QColor(self.model.row_value(row).color), self)
        dialog.setWindowTitle(self.tr("班次颜色"))
        dialog.colorSelected.connect(lambda c, r=row: self.model.setData(self.model.index(r, ShiftTableModel.Column.COLOR), c.name()))
        self.color_dialog = dialog
        dialog.open()  # non-blocking

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() == ShiftTableModel.Column.COLOR:
            self.view.selectRow(index.row())
            self.pick_color()

    def _code_renamed(self, old: str, new: str) -> None:
        # wishes and locks follow the template (the shifts tuple is updated by rowsEdited right after)
        sc = self._scenario
        staff = tuple(
            replace(p, requests=tuple(replace(r, shift=new) if r.shift == old else r for r in p.requests)) for p in sc.staff
        )
        locked = tuple(replace(lk, shift=new) if lk.shift == old else lk for lk in sc.locked)
        self._scenario = replace(sc, staff=staff, locked=locked)

    def _fit(self) -> None:
        fit_columns(self.view, widths={ShiftTableModel.Column.END: 130, ShiftTableModel.Column.COLOR: 100})

    def _edited(self) -> None:
        self.status.clear_message()
        self._scenario = replace(self._scenario, shifts=self.model.rows())
        self.view.viewport().update()
        self.scenarioChanged.emit(self._scenario)
