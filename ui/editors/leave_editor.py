"""LeaveEditor: approved leave by kind (hard), unavailable times (hard, SPEC §2.2) and wishes (soft, weighted), with
a month calendar of who is away."""

from __future__ import annotations

import calendar as pycal
import datetime as dt
from collections.abc import Callable
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
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from roster.annual_leave import AnnualLeave, annual_leave_balance, overdrawn
from roster.calendar import WorkCalendar
from roster.model import DateRange, DayType, Leave, LeaveKind, Request, Scenario, Staff, Unavailable
from roster.model import parse_weekdays as parse_weekdays_text

from .common import (
    ComboDelegate,
    EditRefused,
    RowTableModel,
    StatusLabel,
    fit_columns,
    fmt_date,
    fmt_time,
    make_table,
    parse_date,
    parse_number,
    parse_time,
    selected_row,
    tool_box,
)

Index = QModelIndex | QPersistentModelIndex
LEAVE_ORDER = (
    LeaveKind.ANNUAL,
    LeaveKind.SICK,
    LeaveKind.PERSONAL,
    LeaveKind.MARRIAGE,
    LeaveKind.MATERNITY,
    LeaveKind.COMP,
    LeaveKind.BEREAVEMENT,
    LeaveKind.OTHER,
)
LEAVE_COLORS = {
    LeaveKind.ANNUAL: "#BBDEFB",
    LeaveKind.SICK: "#FFCDD2",
    LeaveKind.PERSONAL: "#E1BEE7",
    LeaveKind.MARRIAGE: "#F8BBD0",
    LeaveKind.MATERNITY: "#FFE0B2",
    LeaveKind.COMP: "#C8E6C9",
    LeaveKind.BEREAVEMENT: "#CFD8DC",
    LeaveKind.OTHER: "#EEEEEE",
}


def leave_label(kind: LeaveKind) -> str:

    return {
        LeaveKind.ANNUAL: QCoreApplication.translate("LeaveEditor", "年假"),
        LeaveKind.SICK: QCoreApplication.translate("LeaveEditor", "病假"),
        LeaveKind.PERSONAL: QCoreApplication.translate("LeaveEditor", "事假"),
        LeaveKind.MARRIAGE: QCoreApplication.translate("LeaveEditor", "婚假"),
        LeaveKind.MATERNITY: QCoreApplication.translate("LeaveEditor", "产假"),
        LeaveKind.COMP: QCoreApplication.translate("LeaveEditor", "调休"),
        LeaveKind.BEREAVEMENT: QCoreApplication.translate("LeaveEditor", "丧假"),
        LeaveKind.OTHER: QCoreApplication.translate("LeaveEditor", "其他"),
    }[LeaveKind(kind)]


def known_staff(text: str, names: dict[str, str]) -> str:
    """``text`` if it is a staff id, else the edit is refused."""
    if text not in names:
        raise EditRefused(QCoreApplication.translate("LeaveEditor", "没有编号为 %1 的人员").replace("%1", text))
    return text


def edited_period(period: DateRange, text: str, *, start: bool) -> DateRange:
    """``period`` with its start (or end) set to the typed date.  A start typed past the end moves the end along
    (the period keeps its length: a new row's default 1-day period must not refuse the natural order, start
    first); an end typed before the start is refused."""
    d = parse_date(text)
    assert d is not None
    a, b = (d, period.end) if start else (period.start, d)
    if start and b < a:
        b = a + (period.end - period.start)
    if b < a:
        raise EditRefused(QCoreApplication.translate("LeaveEditor", "结束日期 %1 早于开始日期 %2")
                          .replace("%1", fmt_date(b)).replace("%2", fmt_date(a)))
    return DateRange(a, b)


class LeaveTableModel(RowTableModel):
    """Rows are ``(staff_id, Leave)``."""

    class Column(IntEnum):
        STAFF = 0
        KIND = 1
        START = 2
        END = 3
        DAYS = 4
        BALANCE = 5
        NOTE = 6

    def __init__(self, rows, names: Callable[[], dict[str, str]], parent: QWidget | None = None,
                 balance: Callable[[str, int], AnnualLeave | None] = lambda sid, year: None) -> None:
        super().__init__(rows, parent)
        self._names = names
        self._balance = balance

    def header_labels(self) -> list[str]:
        return [self.tr("人员"), self.tr("假别"), self.tr("开始"), self.tr("结束"), self.tr("天数"),
                self.tr("年假 已排/应休"), self.tr("备注")]

    def balances(self, value: tuple[str, Leave]) -> list[AnnualLeave]:
        """The annual-leave balance of each calendar year an annual-leave row touches (none for other kinds)."""
        sid, lv = value
        if lv.kind != LeaveKind.ANNUAL:
            return []
        out = [self._balance(sid, y) for y in range(lv.period.start.year, lv.period.end.year + 1)]
        return [b for b in out if b is not None]

    def display(self, value: tuple[str, Leave], column: int) -> Any:
        sid, lv = value
        C = self.Column
        match column:
            case C.STAFF:
                return f"{self._names().get(sid, sid)}（{sid}）"
            case C.KIND:
                return leave_label(lv.kind)
            case C.START:
                return fmt_date(lv.period.start)
            case C.END:
                return fmt_date(lv.period.end)
            case C.DAYS:
                return str(len(lv.period.days()))
            case C.BALANCE:
                parts = self.balances(value)
                if len(parts) == 1:
                    return f"{parts[0].planned}/{parts[0].entitled}"
                return " · ".join(f"{b.year}: {b.planned}/{b.entitled}" for b in parts)
            case C.NOTE:
                return lv.note
        return None

    def tooltip(self, value: tuple[str, Leave], column: int) -> str | None:
        if column != self.Column.BALANCE or not self.balances(value):
            return None
        lines = [(self.tr("%1 年：年假已排 %2 个工作日，应休 %3 天，剩余 %4 天") if not b.over else
                  self.tr("%1 年：年假已排 %2 个工作日，应休 %3 天，超出 %4 天"))
                 .replace("%1", str(b.year)).replace("%2", str(b.planned)).replace("%3", str(b.entitled))
                 .replace("%4", str(abs(b.remaining))) for b in self.balances(value)]
        lines.append(self.tr("只计工作日：周末、法定节假日和调休休息日不占用年假（《职工带薪年休假条例》第3条，AL-02）"))
        return "\n".join(lines)

    def edit_value(self, value: tuple[str, Leave], column: int) -> Any:
        sid, lv = value
        if column == self.Column.STAFF:
            return sid
        if column == self.Column.KIND:
            return lv.kind
        return self.display(value, column)

    def editable(self, column: int) -> bool:
        return column not in (self.Column.DAYS, self.Column.BALANCE)

    def background(self, value: tuple[str, Leave], column: int) -> QColor | None:
        if column == self.Column.BALANCE and any(b.over for b in self.balances(value)):
            return QColor("#FFCDD2")
        return QColor(LEAVE_COLORS[value[1].kind]) if column == self.Column.KIND else None

    def _check_overlap(self, sid: str, period: DateRange, row: int) -> None:
        for i, (other_sid, other) in enumerate(self._rows):
            if i != row and other_sid == sid and other.period.start <= period.end and period.start <= other.period.end:
                raise EditRefused(
                    self.tr("%1 的请假与已有请假 %2 至 %3 重叠")
                    .replace("%1", self._names().get(sid, sid))
                    .replace("%2", fmt_date(other.period.start))
                    .replace("%3", fmt_date(other.period.end))
                )

    def apply(self, value: tuple[str, Leave], column: int, new: Any, row: int) -> tuple[str, Leave]:
        sid, lv = value
        C = self.Column
        text = "" if new is None else str(new).strip()
        match column:
            case C.STAFF:
                self._check_overlap(known_staff(text, self._names()), lv.period, row)
                return (text, lv)
            case C.KIND:
                try:
                    return (sid, replace(lv, kind=LeaveKind(text)))
                except ValueError:
                    raise EditRefused(self.tr("未知假别：%1").replace("%1", text)) from None
            case C.START | C.END:
                period = edited_period(lv.period, text, start=column == C.START)
                self._check_overlap(sid, period, row)
                return (sid, replace(lv, period=period))
            case C.NOTE:
                return (sid, replace(lv, note=text))
        return value


def weekday_names() -> list[str]:
    """Short weekday names, Monday first ("一" … "日"; "Mon" … "Sun" in English)."""
    return [QCoreApplication.translate("Weekday", "一"), QCoreApplication.translate("Weekday", "二"),
            QCoreApplication.translate("Weekday", "三"), QCoreApplication.translate("Weekday", "四"),
            QCoreApplication.translate("Weekday", "五"), QCoreApplication.translate("Weekday", "六"),
            QCoreApplication.translate("Weekday", "日")]


def weekdays_text(days: tuple[int, ...]) -> str:
    """"一、三" for ISO weekdays (1, 3); "每天" when empty (every date)."""
    if not days:
        return QCoreApplication.translate("LeaveEditor", "每天")
    names = weekday_names()
    return QCoreApplication.translate("LeaveEditor", "、").join(names[d - 1] for d in days)


def parse_weekdays(text: str) -> tuple[int, ...]:
    """ISO weekdays from "1,3", "一三", "周一、周三", "Mon Wed" (and this UI's translated names); empty or "每天" →
    () (every date).  :func:`roster.model.parse_weekdays` with the refusal as an :class:`EditRefused`."""
    try:
        return parse_weekdays_text(text, {name: i for i, name in enumerate(weekday_names(), 1)})
    except ValueError:
        raise EditRefused(QCoreApplication.translate("LeaveEditor", "无法识别的星期：%1（例如 1,3 或 一、三；留空为每天）")
                          .replace("%1", text)) from None


def times_text(u: Unavailable) -> str:
    """"08:00–12:00", "22:00–次日06:00", or "全天" for 00:00–24:00."""
    if u.start == 0 and u.end in (0, 24 * 60):
        return QCoreApplication.translate("LeaveEditor", "全天")
    if u.spills:
        return f"{fmt_time(u.start)}–" + QCoreApplication.translate("LeaveEditor", "次日%1").replace("%1", fmt_time(u.end))
    return f"{fmt_time(u.start)}–{fmt_time(u.end)}"


class UnavailableTableModel(RowTableModel):
    """Rows are ``(staff_id, Unavailable)``: times a person cannot work (hard, like approved leave)."""

    class Column(IntEnum):
        STAFF = 0
        START = 1
        END = 2
        FROM = 3
        TO = 4
        WEEKDAYS = 5
        NOTE = 6

    def __init__(self, rows, names: Callable[[], dict[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(rows, parent)
        self._names = names

    def header_labels(self) -> list[str]:
        return [self.tr("人员"), self.tr("开始日期"), self.tr("结束日期"), self.tr("从"), self.tr("到"),
                self.tr("星期"), self.tr("备注")]

    def display(self, value: tuple[str, Unavailable], column: int) -> Any:
        sid, u = value
        C = self.Column
        match column:
            case C.STAFF:
                return f"{self._names().get(sid, sid)}（{sid}）"
            case C.START:
                return fmt_date(u.period.start)
            case C.END:
                return fmt_date(u.period.end)
            case C.FROM:
                return fmt_time(u.start)
            case C.TO:
                return fmt_time(u.end) + (self.tr("（次日）") if u.spills else "")
            case C.WEEKDAYS:
                return weekdays_text(u.weekdays)
            case C.NOTE:
                return u.note
        return None

    def edit_value(self, value: tuple[str, Unavailable], column: int) -> Any:
        sid, u = value
        if column == self.Column.STAFF:
            return sid
        if column == self.Column.TO:
            return fmt_time(u.end)
        return self.display(value, column)

    def tooltip(self, value: tuple[str, Unavailable], column: int) -> str | None:
        return self.tr("到 ≤ 从：时段跨过午夜到次日；全天请填 00:00–24:00。星期：如 1,3 或 一、三，留空为每天")

    def apply(self, value: tuple[str, Unavailable], column: int, new: Any, row: int) -> tuple[str, Unavailable]:
        sid, u = value
        C = self.Column
        text = "" if new is None else str(new).strip()
        match column:
            case C.STAFF:
                return (known_staff(text, self._names()), u)
            case C.START | C.END:
                return (sid, replace(u, period=edited_period(u.period, text, start=column == C.START)))
            case C.FROM | C.TO:
                t = parse_time(text)
                a, b = (t, u.end) if column == C.FROM else (u.start, t)
                if a >= 24 * 60:
                    raise EditRefused(self.tr("开始时间应早于 24:00"))
                if a == b:
                    raise EditRefused(self.tr("开始与结束时间相同；全天不可排班请填 00:00–24:00"))
                return (sid, replace(u, start=a, end=b))
            case C.WEEKDAYS:
                return (sid, replace(u, weekdays=parse_weekdays(text)))
            case C.NOTE:
                return (sid, replace(u, note=text))
        return value


class WishTableModel(RowTableModel):
    """Rows are ``(staff_id, Request)``; WISH edit value is ``"OFF"`` or a shift code."""

    class Column(IntEnum):
        STAFF = 0
        DATE = 1
        WISH = 2
        WEIGHT = 3

    def __init__(
        self, rows, names: Callable[[], dict[str, str]], shift_codes: Callable[[], list[str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(rows, parent)
        self._names = names
        self._codes = shift_codes

    def header_labels(self) -> list[str]:
        return [self.tr("人员"), self.tr("日期"), self.tr("愿望"), self.tr("权重")]

    def wish_label(self, r: Request) -> str:
        return self.tr("想休息") if r.off else self.tr("想上 %1 班").replace("%1", r.shift or "?")

    def display(self, value: tuple[str, Request], column: int) -> Any:
        sid, r = value
        C = self.Column
        match column:
            case C.STAFF:
                return f"{self._names().get(sid, sid)}（{sid}）"
            case C.DATE:
                return fmt_date(r.date)
            case C.WISH:
                return self.wish_label(r)
            case C.WEIGHT:
                return str(r.weight)
        return None

    def edit_value(self, value: tuple[str, Request], column: int) -> Any:
        sid, r = value
        if column == self.Column.STAFF:
            return sid
        if column == self.Column.WISH:
            return "OFF" if r.off else r.shift
        return self.display(value, column)

    def apply(self, value: tuple[str, Request], column: int, new: Any, row: int) -> tuple[str, Request]:
        sid, r = value
        C = self.Column
        text = "" if new is None else str(new).strip()
        match column:
            case C.STAFF:
                return (known_staff(text, self._names()), r)
            case C.DATE:
                d = parse_date(text)
                assert d is not None
                return (sid, replace(r, date=d))
            case C.WISH:
                if text.upper() == "OFF":
                    return (sid, replace(r, off=True, shift=None))
                if text not in self._codes():
                    raise EditRefused(self.tr("没有代码为 %1 的班次").replace("%1", text))
                return (sid, replace(r, off=False, shift=text))
            case C.WEIGHT:
                return (sid, replace(r, weight=int(parse_number(text, 1, 100, integer=True, what=self.tr("权重")))))
        return value


class AwayMonthModel(QAbstractTableModel):
    """A month as weeks × Monday..Sunday; each cell lists who is on leave that day."""

    def __init__(self, year: int, month: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._year, self._month = year, month
        self._staff: tuple[Staff, ...] = ()
        self._cal = WorkCalendar()

    def set_data(self, staff: tuple[Staff, ...], cal: WorkCalendar) -> None:
        self.beginResetModel()
        self._staff, self._cal = staff, cal
        self.endResetModel()

    def set_month(self, year: int, month: int) -> None:
        self.beginResetModel()
        self._year, self._month = year, month
        self.endResetModel()

    def month(self) -> tuple[int, int]:
        return self._year, self._month

    def _weeks(self) -> list[list[int]]:
        return pycal.Calendar(firstweekday=0).monthdayscalendar(self._year, self._month)

    def date_at(self, index: Index) -> dt.date | None:
        if not index.isValid():
            return None
        day = self._weeks()[index.row()][index.column()]
        return dt.date(self._year, self._month, day) if day else None

    def away_on(self, day: dt.date) -> list[tuple[Staff, Leave]]:
        out = []
        for p in self._staff:
            lv = p.leave_on(day)
            if lv is not None:
                out.append((p, lv))
        return out

    def unavailable_on(self, day: dt.date, *, short: bool = False) -> list[tuple[Staff, str]]:
        """(person, time text) of the unavailable windows on ``day`` of people not on leave that day: a window
        beginning on it ("22:00–次日06:00") and the part of one from the day before that runs into it ("00:00–06:00
        （前日起）"), so Tuesday's 22:00–06:00 does not read as a Wednesday evening.  ``short``: the compact form of
        a month cell ("22:00起", "至06:00")."""
        out = []
        for p in self._staff:
            if p.leave_on(day) is not None:
                continue
            for u in p.unavailable:
                for first in u.starts_reaching(day):
                    if first != day:
                        text = self.tr("至%1") if short else self.tr("00:00–%1（前日起）")
                        out.append((p, text.replace("%1", fmt_time(u.end))))
                    else:
                        out.append((p, self.tr("%1起").replace("%1", fmt_time(u.start)) if short and u.spills
                                    else times_text(u)))
        return out

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._weeks())

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [self.tr("周一"), self.tr("周二"), self.tr("周三"), self.tr("周四"), self.tr("周五"), self.tr("周六"), self.tr("周日")][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        day = self.date_at(index)
        if day is None:
            return QColor("#F0F0F0") if role == Qt.ItemDataRole.BackgroundRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            lines = [str(day.day)]
            lines += [f"{p.name}·{leave_label(lv.kind)}" for p, lv in self.away_on(day)]
            lines += [f"{p.name}·{text}" for p, text in self.unavailable_on(day, short=True)]
            return "\n".join(lines)
        if role == Qt.ItemDataRole.BackgroundRole:
            t = self._cal.day_type(day)
            if t == DayType.HOLIDAY:
                return QColor("#FDE2E0")
            if t == DayType.RESTDAY:
                return QColor("#EEF6EA")
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        if role == Qt.ItemDataRole.ToolTipRole:
            away = self.away_on(day)
            busy = self.unavailable_on(day)
            if not away and not busy:
                return self.tr("%1：无人请假").replace("%1", day.isoformat())
            return day.isoformat() + "\n" + "\n".join(
                [f"{p.name}（{p.id}）{leave_label(lv.kind)} {fmt_date(lv.period.start)}–{fmt_date(lv.period.end)}"
                 for p, lv in away]
                + [self.tr("%1（%2）不可排班 %3").replace("%1", p.name).replace("%2", p.id).replace("%3", text)
                   for p, text in busy]
            )
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if self.date_at(index) else Qt.ItemFlag.NoItemFlags


class LeaveEditor(QWidget):
    scenarioChanged = Signal(object)

    def __init__(self, scenario: Scenario, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from roster.sample import CONTRACT_START

        self._scenario = scenario
        self._default_day = CONTRACT_START
        #: the (staff id, date) selected in the rota, set by the main window: a new leave row starts there
        self.selection_hint: Callable[[], tuple[str, dt.date] | None] | None = None
        self.status = StatusLabel(self)
        self.leave_model = LeaveTableModel(self._leave_rows(scenario), self._names, self, self._annual_balance)
        self.away_model = UnavailableTableModel(self._away_rows(scenario), self._names, self)
        self.wish_model = WishTableModel(self._wish_rows(scenario), self._names, self._codes, self)
        self.month_model = AwayMonthModel(CONTRACT_START.year, CONTRACT_START.month, self)
        self.month_model.set_data(scenario.staff, WorkCalendar.of(scenario))

        self.leave_view = make_table(self.leave_model, self)
        self.leave_view.setObjectName("leaveTable")
        staff_items = lambda: [(p.id, f"{p.name}（{p.id}）") for p in self._scenario.staff]  # noqa: E731
        self.leave_view.setItemDelegateForColumn(LeaveTableModel.Column.STAFF, ComboDelegate(staff_items, self.leave_view))
        self.leave_view.setItemDelegateForColumn(
            LeaveTableModel.Column.KIND, ComboDelegate(lambda: [(k, leave_label(k)) for k in LEAVE_ORDER], self.leave_view)
        )
        self.away_view = make_table(self.away_model, self)
        self.away_view.setObjectName("unavailableTable")
        self.away_view.setItemDelegateForColumn(UnavailableTableModel.Column.STAFF,
                                                ComboDelegate(staff_items, self.away_view))
        self.wish_view = make_table(self.wish_model, self)
        self.wish_view.setItemDelegateForColumn(WishTableModel.Column.STAFF, ComboDelegate(staff_items, self.wish_view))
        self.wish_view.setItemDelegateForColumn(
            WishTableModel.Column.WISH,
            ComboDelegate(
                lambda: [("OFF", self.tr("想休息"))] + [(c, self.tr("想上 %1 班").replace("%1", c)) for c in self._codes()],
                self.wish_view,
            ),
        )
        self.month_view = QTableView(self)
        self.month_view.setObjectName("awayCalendar")
        self.month_view.setModel(self.month_model)
        self.month_view.setWordWrap(True)
        self.month_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.month_view.verticalHeader().hide()
        self.month_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.month_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.month_view.verticalHeader().setMinimumSectionSize(60)

        self.add_leave_button = QPushButton(self.tr("添加请假"), self)
        self.remove_leave_button = QPushButton(self.tr("删除请假"), self)
        self.add_away_button = QPushButton(self.tr("添加时段"), self)
        self.remove_away_button = QPushButton(self.tr("删除时段"), self)
        self.add_wish_button = QPushButton(self.tr("添加愿望"), self)
        self.remove_wish_button = QPushButton(self.tr("删除愿望"), self)
        self.prev_button = QPushButton("◀", self)
        self.next_button = QPushButton("▶", self)
        for b in (self.prev_button, self.next_button):
            b.setFixedWidth(36)
        self.month_label = QLabel(self)
        self.month_label.setMinimumWidth(110)
        self.month_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        leave_box, _ = tool_box(self.tr("请假（已批准，排班时必须遵守）"), self,
                                (self.add_leave_button, self.remove_leave_button), self.leave_view)
        away_box, _ = tool_box(self.tr("不可排班时段（排班时必须遵守）"), self,
                               (self.add_away_button, self.remove_away_button), self.away_view)
        wish_box, _ = tool_box(self.tr("愿望（尽量满足，权重越高越优先）"), self,
                               (self.add_wish_button, self.remove_wish_button), self.wish_view)
        month_box, _ = tool_box(self.tr("月历：谁不在岗"), self,
                                (self.prev_button, self.month_label, self.next_button), self.month_view)

        # unavailable times and wishes share one tabbed box below the leave list: at 1366×768, three stacked boxes
        # left the leave table one visible row once the rule-check panel was open (GUI review #13)
        self.lower_tabs = QTabWidget(self)
        self.lower_tabs.setObjectName("awayWishTabs")
        for box in (wish_box, away_box):
            title = box.title()
            box.setTitle("")
            box.setFlat(True)
            self.lower_tabs.addTab(box, title)
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(leave_box)
        left.addWidget(self.lower_tabs)
        # leave is the list a team lead works in most: it gets the height first (GUI review: 3 of 4 rows at 768 px)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        main = QSplitter(Qt.Orientation.Horizontal, self)
        main.addWidget(left)
        main.addWidget(month_box)
        main.setStretchFactor(0, 3)  # the tables' columns (balance, weekdays, note) need the width more
        main.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(main, 1)
        layout.addWidget(self.status)

        for m in (self.leave_model, self.away_model, self.wish_model):
            m.editRefused.connect(self.status.show_error)
            m.rowsEdited.connect(self._edited)
        self.add_leave_button.clicked.connect(self.add_leave)
        self.remove_leave_button.clicked.connect(lambda: self.leave_model.remove_row(selected_row(self.leave_view)))
        self.add_away_button.clicked.connect(self.add_unavailable)
        self.remove_away_button.clicked.connect(lambda: self.away_model.remove_row(selected_row(self.away_view)))
        self.add_wish_button.clicked.connect(self.add_wish)
        self.remove_wish_button.clicked.connect(lambda: self.wish_model.remove_row(selected_row(self.wish_view)))
        self.prev_button.clicked.connect(lambda: self.shift_month(-1))
        self.next_button.clicked.connect(lambda: self.shift_month(1))
        self._refresh_month()
        self._fit()

    # --- public API -----------------------------------------------------------------------
    def scenario(self) -> Scenario:
        return self._scenario

    def set_scenario(self, scenario: Scenario) -> None:
        self._scenario = scenario
        self.leave_model.set_rows(self._leave_rows(scenario))
        self.away_model.set_rows(self._away_rows(scenario))
        self.wish_model.set_rows(self._wish_rows(scenario))
        self._refresh_month()
        self._fit()

    def show_month(self, year: int, month: int) -> None:
        self.month_model.set_month(year, month)
        self._refresh_month()

    def shift_month(self, delta: int) -> None:
        y, m = self.month_model.month()
        k = y * 12 + (m - 1) + delta
        self.show_month(k // 12, k % 12 + 1)

    def add_leave(self) -> int:
        """A new one-day annual-leave row: for the person and date selected in the rota when no leave row is selected
        (GUI review #13: it always started as the first person's leave on the 1st, a hard constraint at once), else
        for the selected row's person in the shown month."""
        hint = self.selection_hint() if self.selection_hint is not None and selected_row(self.leave_view) < 0 else None
        if hint is not None and any(p.id == hint[0] for p in self._scenario.staff):
            sid, day = hint
        else:
            sid = self._current_staff(self.leave_view, self.leave_model)
            y, m = self.month_model.month()
            day = dt.date(y, m, 1)
        if sid is None:
            self.status.show_error(self.tr("请先在团队中添加人员"))
            return -1
        taken = [lv.period for s, lv in self.leave_model.rows() if s == sid]
        while any(day in p for p in taken):
            day += dt.timedelta(days=1)
        row = self.leave_model.append_row((sid, Leave(DateRange(day, day), LeaveKind.ANNUAL)))
        self.leave_view.selectRow(row)
        return row

    def add_unavailable(self) -> int:
        """A new row for the selected person: every date of the shown month, 08:00–12:00 (to be edited)."""
        sid = self._current_staff(self.away_view, self.away_model)
        if sid is None:
            self.status.show_error(self.tr("请先在团队中添加人员"))
            return -1
        y, m = self.month_model.month()
        first = dt.date(y, m, 1)
        last = dt.date(y, m, pycal.monthrange(y, m)[1])
        row = self.away_model.append_row((sid, Unavailable(DateRange(first, last), 8 * 60, 12 * 60)))
        self.away_view.selectRow(row)
        return row

    def add_wish(self) -> int:
        sid = self._current_staff(self.wish_view, self.wish_model)
        if sid is None:
            self.status.show_error(self.tr("请先在团队中添加人员"))
            return -1
        y, m = self.month_model.month()
        row = self.wish_model.append_row((sid, Request(dt.date(y, m, 1), True, None, 1)))
        self.wish_view.selectRow(row)
        return row

    # --- internals ------------------------------------------------------------------------
    def _names(self) -> dict[str, str]:
        return {p.id: p.name for p in self._scenario.staff}

    def _annual_balance(self, sid: str, year: int) -> AnnualLeave | None:
        try:
            person = self._scenario.person(sid)
        except KeyError:
            return None
        return annual_leave_balance(self._scenario, person, year, WorkCalendar.of(self._scenario))

    def _warn_overdrawn(self) -> None:
        """Annual leave planned beyond the entitlement: allowed (an employer may grant more), but said."""
        years = sorted({y for _sid, lv in self.leave_model.rows() if lv.kind == LeaveKind.ANNUAL
                        for y in range(lv.period.start.year, lv.period.end.year + 1)})
        over = overdrawn(self._scenario, years)
        if over:
            names = self._names()
            self.status.show_warning(self.tr("年假超过应休天数：") + self.tr("，").join(
                self.tr("%1 %2 年已排 %3 天、应休 %4 天").replace("%1", names.get(b.staff, b.staff))
                .replace("%2", str(b.year)).replace("%3", str(b.planned)).replace("%4", str(b.entitled))
                for b in over))

    def _codes(self) -> list[str]:
        return [s.code for s in self._scenario.shifts]

    @staticmethod
    def _leave_rows(s: Scenario) -> list[tuple[str, Leave]]:
        return [(p.id, lv) for p in s.staff for lv in p.leave]

    @staticmethod
    def _away_rows(s: Scenario) -> list[tuple[str, Unavailable]]:
        return [(p.id, u) for p in s.staff for u in p.unavailable]

    @staticmethod
    def _wish_rows(s: Scenario) -> list[tuple[str, Request]]:
        return [(p.id, r) for p in s.staff for r in p.requests]

    def _current_staff(self, view: QTableView, model: RowTableModel) -> str | None:
        row = selected_row(view)
        if row >= 0:
            return model.row_value(row)[0]
        return self._scenario.staff[0].id if self._scenario.staff else None

    def _fit(self) -> None:
        fit_columns(self.leave_view, widths={0: 120, 1: 70, 2: 96, 3: 96, 4: 48, 5: 96})
        fit_columns(self.away_view, widths={0: 120, 1: 96, 2: 96, 3: 56, 4: 80, 5: 90})
        fit_columns(self.wish_view, widths={0: 120, 1: 96, 2: 100})

    def _refresh_month(self) -> None:
        y, m = self.month_model.month()
        self.month_label.setText(self.tr("%1年%2月").replace("%1", str(y)).replace("%2", str(m)))
        self.month_model.set_data(self._scenario.staff, WorkCalendar.of(self._scenario))

    def _edited(self) -> None:
        self.status.clear_message()
        leaves: dict[str, list[Leave]] = {}
        for sid, lv in self.leave_model.rows():
            leaves.setdefault(sid, []).append(lv)
        away: dict[str, list[Unavailable]] = {}
        for sid, u in self.away_model.rows():
            away.setdefault(sid, []).append(u)
        wishes: dict[str, list[Request]] = {}
        for sid, r in self.wish_model.rows():
            wishes.setdefault(sid, []).append(r)
        staff = tuple(
            replace(p, leave=tuple(leaves.get(p.id, ())), unavailable=tuple(away.get(p.id, ())),
                    requests=tuple(wishes.get(p.id, ())))
            for p in self._scenario.staff
        )
        self._scenario = replace(self._scenario, staff=staff)
        self._refresh_month()
        lm, col = self.leave_model, LeaveTableModel.Column.BALANCE
        if lm.rowCount():  # another row of the same person may have changed its balance
            lm.dataChanged.emit(lm.index(0, col), lm.index(lm.rowCount() - 1, col))
        self._warn_overdrawn()
        self.scenarioChanged.emit(self._scenario)
