"""TeamEditor: people (id, name, employee no., skills, hours, night/overtime, protected periods, dates)."""

from __future__ import annotations

import re
from dataclasses import replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from roster.model import DateRange, Protected, ProtectedKind, Scenario, Staff

from .common import (
    PRIVATE_BG,
    ComboDelegate,
    EditRefused,
    RowTableModel,
    StatusLabel,
    fit_columns,
    fmt_date,
    make_table,
    parse_date,
    parse_number,
    selected_row,
    split_list,
    tool_box,
)

_PHONE = re.compile(r"^[0-9+\- ()]{3,20}$")
_ID_NUMBER = re.compile(r"^(\d{15}|\d{17}[\dXx])$")
_STAFF_ID = re.compile(r"^[A-Za-z0-9_.\-]{1,32}$")


class StaffTableModel(RowTableModel):
    class Column(IntEnum):
        ID = 0
        NAME = 1
        EMPLOYEE_NO = 2
        SKILLS = 3
        WEEKLY_HOURS = 4
        NIGHT_OK = 5
        OVERTIME_OK = 6
        HIRE_DATE = 7
        LEAVE_DATE = 8
        ANNUAL_LEAVE = 9
        ACTIVE = 10
        PHONE = 11
        ID_NUMBER = 12

    PRIVATE = frozenset({Column.PHONE, Column.ID_NUMBER})
    idRenamed = Signal(str, str)

    def header_labels(self) -> list[str]:
        return [
            self.tr("编号"),
            self.tr("姓名"),
            self.tr("工号"),
            self.tr("技能"),
            self.tr("周工时"),
            self.tr("可上夜班"),
            self.tr("可加班"),
            self.tr("入职日期"),
            self.tr("离职日期"),
            self.tr("年假天数"),
            self.tr("在岗"),
            self.tr("电话（隐私）"),
            self.tr("身份证号（隐私）"),
        ]

    def display(self, p: Staff, column: int) -> Any:
        C = self.Column
        match column:
            case C.ID:
                return p.id
            case C.NAME:
                return p.name
            case C.EMPLOYEE_NO:
                return p.employee_no
            case C.SKILLS:
                return "、".join(p.skills)
            case C.WEEKLY_HOURS:
                return f"{p.weekly_hours:g}"
            case C.HIRE_DATE:
                return fmt_date(p.hire_date)
            case C.LEAVE_DATE:
                return fmt_date(p.leave_date)
            case C.ANNUAL_LEAVE:
                return str(p.annual_leave_days)
            case C.PHONE:
                return p.phone
            case C.ID_NUMBER:
                return p.id_number
        return None

    def edit_value(self, p: Staff, column: int) -> Any:
        if column == self.Column.SKILLS:
            return ", ".join(p.skills)
        return self.display(p, column)

    def check_state(self, p: Staff, column: int) -> bool | None:
        C = self.Column
        if column == C.NIGHT_OK:
            return p.night_ok
        if column == C.OVERTIME_OK:
            return p.overtime_ok
        if column == C.ACTIVE:
            return p.active
        return None

    def background(self, p: Staff, column: int) -> QColor | None:
        return PRIVATE_BG if column in self.PRIVATE else None

    def foreground(self, p: Staff, column: int) -> QColor | None:
        return QColor("#9E9E9E") if not p.active else None

    def tooltip(self, p: Staff, column: int) -> str | None:
        if column in self.PRIVATE:
            return self.tr("隐私信息：仅保存在本机，不会打印在排班表或导出给班组")
        if not p.active:
            return self.tr("已停用：不参与排班")
        return None

    def apply(self, p: Staff, column: int, new: Any, row: int) -> Staff:
        C = self.Column
        text = "" if new is None else str(new).strip()
        match column:
            case C.ID:
                if not _STAFF_ID.match(text):
                    raise EditRefused(self.tr("编号只能用字母、数字、下划线或连字符，且不能为空：%1").replace("%1", text))
                if any(o.id == text for i, o in enumerate(self._rows) if i != row):
                    raise EditRefused(self.tr("编号 %1 已被其他人使用，编号必须唯一").replace("%1", text))
                if text != p.id:
                    self.idRenamed.emit(p.id, text)
                return replace(p, id=text)
            case C.NAME:
                if not text:
                    raise EditRefused(self.tr("姓名不能为空"))
                return replace(p, name=text)
            case C.EMPLOYEE_NO:
                if text and any(o.employee_no == text for i, o in enumerate(self._rows) if i != row):
                    raise EditRefused(self.tr("工号 %1 已被其他人使用").replace("%1", text))
                return replace(p, employee_no=text)
            case C.SKILLS:
                return replace(p, skills=split_list(text))
            case C.WEEKLY_HOURS:
                return replace(p, weekly_hours=parse_number(text, 1, 60, what=self.tr("周工时")))
            case C.NIGHT_OK:
                return replace(p, night_ok=bool(new))
            case C.OVERTIME_OK:
                return replace(p, overtime_ok=bool(new))
            case C.ACTIVE:
                return replace(p, active=bool(new))
            case C.HIRE_DATE:
                d = parse_date(text, allow_empty=True)
                if d and p.leave_date and p.leave_date < d:
                    raise EditRefused(self.tr("入职日期不能晚于离职日期 %1").replace("%1", fmt_date(p.leave_date)))
                return replace(p, hire_date=d)
            case C.LEAVE_DATE:
                d = parse_date(text, allow_empty=True)
                if d and p.hire_date and d < p.hire_date:
                    raise EditRefused(self.tr("离职日期不能早于入职日期 %1").replace("%1", fmt_date(p.hire_date)))
                return replace(p, leave_date=d)
            case C.ANNUAL_LEAVE:
                return replace(p, annual_leave_days=int(parse_number(text, 0, 30, integer=True, what=self.tr("年假天数"))))
            case C.PHONE:
                if text and not _PHONE.match(text):
                    raise EditRefused(self.tr("电话号码格式无效：%1").replace("%1", text))
                return replace(p, phone=text)
            case C.ID_NUMBER:
                if text and not _ID_NUMBER.match(text):
                    raise EditRefused(self.tr("身份证号应为 15 或 18 位：%1").replace("%1", text))
                return replace(p, id_number=text.upper())
        return p


def protected_labels() -> list[tuple[ProtectedKind, str]]:
    return [
        (ProtectedKind.PREGNANT_7M, ProtectedTableModel.kind_label(ProtectedKind.PREGNANT_7M)),
        (ProtectedKind.NURSING, ProtectedTableModel.kind_label(ProtectedKind.NURSING)),
        (ProtectedKind.MINOR, ProtectedTableModel.kind_label(ProtectedKind.MINOR)),
    ]


class ProtectedTableModel(RowTableModel):
    class Column(IntEnum):
        KIND = 0
        START = 1
        END = 2

    @staticmethod
    def kind_label(kind: ProtectedKind) -> str:
        from PySide6.QtCore import QCoreApplication

        return {
            ProtectedKind.PREGNANT_7M: QCoreApplication.translate("ProtectedTableModel", "孕期满7个月（PG-01）"),
            ProtectedKind.NURSING: QCoreApplication.translate("ProtectedTableModel", "哺乳期未满1周岁（PG-02）"),
            ProtectedKind.MINOR: QCoreApplication.translate("ProtectedTableModel", "未成年工（PG-07）"),
        }[ProtectedKind(kind)]

    def header_labels(self) -> list[str]:
        return [self.tr("保护类型"), self.tr("开始"), self.tr("结束")]

    def display(self, p: Protected, column: int) -> Any:
        C = self.Column
        if column == C.KIND:
            return self.kind_label(p.kind)
        if column == C.START:
            return fmt_date(p.period.start)
        return fmt_date(p.period.end)

    def edit_value(self, p: Protected, column: int) -> Any:
        return p.kind if column == self.Column.KIND else self.display(p, column)

    def tooltip(self, p: Protected, column: int) -> str | None:
        return self.tr("保护期内：不安排夜间工作；孕期/哺乳期还不得加班")

    def apply(self, p: Protected, column: int, new: Any, row: int) -> Protected:
        C = self.Column
        if column == C.KIND:
            try:
                return replace(p, kind=ProtectedKind(new))
            except ValueError:
                raise EditRefused(self.tr("未知的保护类型：%1").replace("%1", str(new))) from None
        d = parse_date(str(new))
        assert d is not None
        start, end = (d, p.period.end) if column == C.START else (p.period.start, d)
        if end < start:
            raise EditRefused(self.tr("结束日期 %1 早于开始日期 %2").replace("%1", fmt_date(end)).replace("%2", fmt_date(start)))
        return replace(p, period=DateRange(start, end))


class TeamEditor(QWidget):
    """Edit the people of the scenario.  Deactivating keeps a person (and their history) but drops them
    from planning; nothing is deleted."""

    scenarioChanged = Signal(object)

    def __init__(self, scenario: Scenario, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scenario = scenario
        self.model = StaffTableModel(scenario.staff, self)
        self.protected_model = ProtectedTableModel((), self)
        self.status = StatusLabel(self)

        self.view = make_table(self.model, self)
        self.view.setObjectName("staffTable")
        self.protected_view = make_table(self.protected_model, self)
        self.protected_view.horizontalHeader().setStretchLastSection(False)
        self.protected_view.setItemDelegateForColumn(
            ProtectedTableModel.Column.KIND, ComboDelegate(protected_labels, self.protected_view)
        )

        self.add_button = QPushButton(self.tr("添加人员"), self)
        self.toggle_button = QPushButton(self.tr("停用 / 恢复"), self)
        self.toggle_button.setToolTip(self.tr("停用的人员保留在名单中但不参与排班"))
        self.add_protected_button = QPushButton(self.tr("添加保护期"), self)
        self.remove_protected_button = QPushButton(self.tr("删除保护期"), self)

        top = QHBoxLayout()
        top.addWidget(self.add_button)
        top.addWidget(self.toggle_button)
        top.addStretch(1)
        legend = QLabel(self.tr("橙色底色的列是隐私信息（电话、身份证号）：只存本机，不打印、不导出到排班表"), self)
        legend.setStyleSheet("color: #6D4C41;")
        top.addWidget(legend)

        self.protected_box, _ = tool_box(self.tr("保护期"), self,
                                         (self.add_protected_button, self.remove_protected_button),
                                         self.protected_view, stretch=0)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.protected_box)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

        self.model.editRefused.connect(self.status.show_error)
        self.protected_model.editRefused.connect(self.status.show_error)
        self.model.rowsEdited.connect(self._staff_edited)
        self.model.idRenamed.connect(self._id_renamed)
        self.protected_model.rowsEdited.connect(self._protected_edited)
        self.view.selectionModel().currentRowChanged.connect(self._select_person)
        self.add_button.clicked.connect(self.add_person)
        self.toggle_button.clicked.connect(self.toggle_active)
        self.add_protected_button.clicked.connect(self.add_protected)
        self.remove_protected_button.clicked.connect(self.remove_protected)
        self._fit_columns()
        if self.model.rowCount():
            self.view.selectRow(0)
        self._select_person(self.view.currentIndex(), QModelIndex())

    # --- public API -----------------------------------------------------------------------
    def scenario(self) -> Scenario:
        return self._scenario

    def set_scenario(self, scenario: Scenario) -> None:
        row = max(0, selected_row(self.view))
        self._scenario = scenario
        self.model.set_rows(scenario.staff)
        if self.model.rowCount():
            self.view.selectRow(min(row, self.model.rowCount() - 1))
        self._select_person(self.view.currentIndex(), QModelIndex())

    def add_person(self) -> int:
        taken = {p.id for p in self.model.rows()}
        n = len(taken) + 1
        while f"s{n:02d}" in taken:
            n += 1
        row = self.model.append_row(Staff(id=f"s{n:02d}", name=self.tr("新成员")))
        self.view.selectRow(row)
        self.status.show_info(self.tr("已添加 %1，请填写姓名和技能").replace("%1", f"s{n:02d}"))
        return row

    def toggle_active(self) -> None:
        row = selected_row(self.view)
        if row < 0:
            return
        p = self.model.row_value(row)
        self.model.setData(self.model.index(row, StaffTableModel.Column.ACTIVE), not p.active, Qt.ItemDataRole.CheckStateRole)

    def add_protected(self) -> None:
        row = selected_row(self.view)
        if row < 0:
            self.status.show_error(self.tr("请先选择一名人员"))
            return
        from roster.sample import CONTRACT_START

        self.protected_model.append_row(
            Protected(ProtectedKind.PREGNANT_7M, DateRange(CONTRACT_START, CONTRACT_START))
        )

    def remove_protected(self) -> None:
        self.protected_model.remove_row(selected_row(self.protected_view))

    # --- internals ------------------------------------------------------------------------
    def _fit_columns(self) -> None:
        C = StaffTableModel.Column
        self.view.horizontalHeader().setStretchLastSection(False)
        fit_columns(self.view, widths={C.SKILLS: 120, C.HIRE_DATE: 96, C.LEAVE_DATE: 96, C.PHONE: 120, C.ID_NUMBER: 170})

    def _select_person(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.row() if current.isValid() else -1
        if row < 0:
            self.protected_model.set_rows(())
            self.protected_box.setTitle(self.tr("保护期"))
            return
        p = self.model.row_value(row)
        self.protected_model.set_rows(p.protected)
        self.protected_box.setTitle(self.tr("保护期 — %1").replace("%1", f"{p.name}（{p.id}）"))
        fit_columns(self.protected_view, widths={0: 200, 1: 110, 2: 110})

    def _staff_edited(self) -> None:
        self.status.clear_message()
        self._emit(replace(self._scenario, staff=self.model.rows()))

    def _protected_edited(self) -> None:
        row = selected_row(self.view)
        if row < 0:
            return
        p = self.model.row_value(row)
        self.model.replace_row(row, replace(p, protected=self.protected_model.rows()))

    def _id_renamed(self, old: str, new: str) -> None:
        # history and locks follow the person (the staff tuple is updated by rowsEdited right after)
        s = self._scenario
        history = {(new if k == old else k): v for k, v in s.history.items()}
        locked = tuple(replace(lk, staff=new) if lk.staff == old else lk for lk in s.locked)
        self._scenario = replace(s, history=history, locked=locked)

    def _emit(self, scenario: Scenario) -> None:
        self._scenario = scenario
        self.scenarioChanged.emit(scenario)
