"""Table model of one roster period: rows = staff (+ a head-count row), columns = dates (+ totals).

The model owns the editable grid ``{(staff_id, date): code}`` (``OFF`` for no shift), the set of
locked cells and the per-cell violation lists computed by the validator.  It knows nothing about
views; edits from a view go through :meth:`setData`, which pushes an undo command when an undo
stack is attached (so every edit is undoable), and commands call :meth:`set_cell` directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from roster.calendar import WorkCalendar
from roster.model import (
    LEAVE_LABELS_ZH,
    OFF,
    DayType,
    Roster,
    Scenario,
    Staff,
    make_assignment,
)

WEEKDAYS_ZH = "一二三四五六日"
#: weekday labels, translated in the "RosterModel" context (the heat-map uses them too)
WEEKDAY_LABELS = (
    QT_TRANSLATE_NOOP("RosterModel", "周一"), QT_TRANSLATE_NOOP("RosterModel", "周二"),
    QT_TRANSLATE_NOOP("RosterModel", "周三"), QT_TRANSLATE_NOOP("RosterModel", "周四"),
    QT_TRANSLATE_NOOP("RosterModel", "周五"), QT_TRANSLATE_NOOP("RosterModel", "周六"),
    QT_TRANSLATE_NOOP("RosterModel", "周日"),
)


#: leave labels shown in empty cells (roster.model.LEAVE_LABELS_ZH), so lupdate sees them in this context
LEAVE_LABELS = (
    QT_TRANSLATE_NOOP("RosterModel", "年假"), QT_TRANSLATE_NOOP("RosterModel", "病假"),
    QT_TRANSLATE_NOOP("RosterModel", "事假"), QT_TRANSLATE_NOOP("RosterModel", "婚假"),
    QT_TRANSLATE_NOOP("RosterModel", "产假"), QT_TRANSLATE_NOOP("RosterModel", "调休"),
    QT_TRANSLATE_NOOP("RosterModel", "丧假"), QT_TRANSLATE_NOOP("RosterModel", "其他"),
    QT_TRANSLATE_NOOP("RosterModel", "假"),
)


def weekday_label(day: dt.date) -> str:
    return QCoreApplication.translate("RosterModel", WEEKDAY_LABELS[day.weekday()])
NIGHT_SHIFT_MINUTES = 180  # ARCHITECTURE: a "night shift" has ≥ 180 night minutes


class Roles(IntEnum):
    CODE = Qt.ItemDataRole.UserRole + 1  # shift code or OFF
    LOCKED = Qt.ItemDataRole.UserRole + 2  # bool
    VIOLATIONS = Qt.ItemDataRole.UserRole + 3  # list of Violation
    LEAVE = Qt.ItemDataRole.UserRole + 4  # leave label or None
    STAFF_ID = Qt.ItemDataRole.UserRole + 5
    DATE = Qt.ItemDataRole.UserRole + 6
    KIND = Qt.ItemDataRole.UserRole + 7  # "cell" | "headcount" | "total"
    WISH = Qt.ItemDataRole.UserRole + 8  # str describing a wish on that date, or None
    DAY_TYPE = Qt.ItemDataRole.UserRole + 9  # DayType value of a column
    PAINT = Qt.ItemDataRole.UserRole + 10  # (text, bg, fg, bold, locked, wish, violated, kind, away) for the delegate


class TotalColumn(IntEnum):
    HOURS = 0
    OVERTIME = 1
    NIGHTS = 2
    WEEKENDS = 3


TOTAL_LABELS = {
    TotalColumn.HOURS: QT_TRANSLATE_NOOP("RosterModel", "工时"),
    TotalColumn.OVERTIME: QT_TRANSLATE_NOOP("RosterModel", "加班"),
    TotalColumn.NIGHTS: QT_TRANSLATE_NOOP("RosterModel", "夜班"),
    TotalColumn.WEEKENDS: QT_TRANSLATE_NOOP("RosterModel", "周末"),
}

HOLIDAY_BG = QColor("#F8C9C4")
RESTDAY_BG = QColor("#E4ECF7")
MAKEUP_BG = QColor("#FFF1C2")
LEAVE_BG = QColor("#E9E9E9")
HEADCOUNT_BG = QColor("#F3F3F3")
TOTAL_BG = QColor("#FAFAFA")


@dataclass(frozen=True, slots=True)
class PersonTotals:
    hours: float
    overtime: float
    nights: int
    weekends: int
    cap: float | None = None  # the overtime cap over the period (None: unknown) — red only above it


def _night_minutes(start: dt.datetime, end: dt.datetime, window: tuple[int, int]) -> int:
    """Minutes of [start, end) inside the (possibly wrapping) daily night window."""
    w0, w1 = window
    total = 0
    day = start.date() - dt.timedelta(days=1)
    while dt.datetime.combine(day, dt.time()) < end:
        base = dt.datetime.combine(day, dt.time())
        spans = [(w0, w1)] if w0 < w1 else [(w0, 24 * 60 + w1)]
        for a, b in spans:
            s = max(start, base + dt.timedelta(minutes=a))
            e = min(end, base + dt.timedelta(minutes=b))
            if e > s:
                total += int((e - s).total_seconds() // 60)
        day += dt.timedelta(days=1)
    return total


class RosterModel(QAbstractTableModel):
    """staff × dates grid with a head-count row and per-person totals columns."""

    cellChanged = Signal(str, object)  # staff id, date
    gridReset = Signal()
    locksChanged = Signal()
    editRefused = Signal(str)  # why a typed value was not taken (for the status bar)

    def __init__(self, scenario: Scenario, start: dt.date, days: int, parent=None) -> None:
        super().__init__(parent)
        self.lang = "zh"  # the language of the violation lines in cell tooltips (the main window sets it)
        self._scenario = scenario
        self._start = start
        self._days = days
        self._grid: dict[tuple[str, dt.date], str] = {}
        self._locked: set[tuple[str, dt.date]] = set()
        # cells of people / shift codes the scenario does not have now (see set_scenario)
        self._parked: dict[tuple[str, dt.date], str] = {}
        self._violations: dict[tuple[str, dt.date], list] = {}
        self._shortfall_dates: set[dt.date] = set()
        self._solver_info: dict = {}
        self.undo_stack = None  # QUndoStack; setData pushes commands onto it when set
        self._rebuild_caches()

    # ---- structure -------------------------------------------------------------------------
    def _rebuild_caches(self) -> None:
        self._staff: list[Staff] = [p for p in self._scenario.staff if p.active]
        self._dates = [self._start + dt.timedelta(days=i) for i in range(self._days)]
        cal = WorkCalendar.of(self._scenario)
        self._cal = cal
        self._day_types = {d: cal.day_type(d) for d in self._dates}
        self._makeup = {d for d in self._dates if cal.is_makeup_workday(d)}
        self._shifts = self._scenario.shift_map()
        self._shift_colors = {c: QColor(sh.color) for c, sh in self._shifts.items()}
        self._wish_dates = {p.id: {q.date for q in p.requests} for p in self._staff}
        # dates an unavailable window touches: it begins there, or runs there from the day before
        self._away_dates = {
            p.id: {d for d in self._dates for u in p.unavailable if u.starts_reaching(d)}
            for p in self._staff if p.unavailable}
        self._totals_cache: dict[str, PersonTotals] | None = None
        self._caps: dict[str, float] = {}  # overtime cap per person over the period (roster.hours)
        self._paint_cache: dict[tuple[int, int], tuple] = {}

    @property
    def scenario(self) -> Scenario:
        return self._scenario

    @property
    def start(self) -> dt.date:
        return self._start

    @property
    def days(self) -> int:
        return self._days

    @property
    def staff(self) -> list[Staff]:
        return list(self._staff)

    @property
    def dates(self) -> list[dt.date]:
        return list(self._dates)

    def staff_row(self, staff_id: str) -> int:
        for i, p in enumerate(self._staff):
            if p.id == staff_id:
                return i
        raise KeyError(staff_id)

    def date_column(self, day: dt.date) -> int:
        return (day - self._start).days

    def index_of(self, staff_id: str, day: dt.date) -> QModelIndex:
        return self.index(self.staff_row(staff_id), self.date_column(day))

    def cell_at(self, index: QModelIndex) -> tuple[str, dt.date] | None:
        """(staff id, date) of an editable cell, else None."""
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if r < len(self._staff) and c < self._days:
            return self._staff[r].id, self._dates[c]
        return None

    def headcount_row(self) -> int:
        return len(self._staff)

    def total_column(self, which: TotalColumn) -> int:
        return self._days + int(which)

    def shift_codes(self) -> list[str]:
        return [OFF] + [s.code for s in self._scenario.shifts]

    # ---- bulk state ------------------------------------------------------------------------
    def set_scenario(self, scenario: Scenario, start: dt.date | None = None, days: int | None = None, *,
                     staff_renames: dict[str, str] | None = None, shift_renames: dict[str, str] | None = None) -> int:
        """Replace the scenario (and optionally the period).  Cells of a renamed person or shift code follow the
        rename; cells of a person or shift the scenario no longer has (deleted, deactivated) are *parked*, not
        dropped, and come back when that person or shift does (undo, reactivation) — review of session 9: an
        edit in the team or shift tab silently emptied those cells for good.  A new period drops cells outside
        it.  Returns how many cells were parked by this call."""
        self.beginResetModel()
        self._scenario = scenario
        if start is not None or days is not None:
            self._parked = {}
        if start is not None:
            self._start = start
        if days is not None:
            self._days = days
        self._rebuild_caches()
        staff_renames, shift_renames = staff_renames or {}, shift_renames or {}
        if staff_renames or shift_renames:
            def rename(cells: dict) -> dict:
                return {(staff_renames.get(sid, sid), day): shift_renames.get(v, v) for (sid, day), v in cells.items()}
            self._grid, self._parked = rename(self._grid), rename(self._parked)
            self._locked = {(staff_renames.get(sid, sid), day) for sid, day in self._locked}
        valid_staff = {p.id for p in self._staff}
        valid_dates = set(self._dates)

        def valid(k, v) -> bool:
            return k[0] in valid_staff and (v == OFF or v in self._shifts)

        everything = {**self._parked, **self._grid}
        self._grid = {k: v for k, v in everything.items() if k[1] in valid_dates and valid(k, v)}
        parked_before = len(self._parked)
        self._parked = {k: v for k, v in everything.items() if k[1] in valid_dates and not valid(k, v)}
        self._locked = {k for k in self._locked if k[1] in valid_dates}
        self._violations = {}
        self.endResetModel()
        self.gridReset.emit()
        return max(0, len(self._parked) - parked_before)

    def set_roster(self, roster: Roster | None) -> None:
        """Load a roster's assignments into the grid (locks are kept)."""
        self.beginResetModel()
        self._grid = {}
        self._parked = {}
        if roster is not None:
            valid = set(self._dates)
            for a in roster.assignments:
                if a.date in valid:
                    self._grid[(a.staff, a.date)] = a.shift
            self._solver_info = dict(roster.solver or {})
        self._totals_cache = None
        self._paint_cache.clear()
        self.endResetModel()
        self.gridReset.emit()

    def grid(self) -> dict[tuple[str, dt.date], str]:
        return dict(self._grid)

    def set_grid(self, grid: dict[tuple[str, dt.date], str], parked: dict | None = None) -> None:
        """Replace the grid; ``parked`` (if given) replaces the parked cells too — {} when a new plan replaces the
        grid (a parked cell is no part of it: code review), the old ones when that is undone."""
        self.beginResetModel()
        if parked is not None:
            self._parked = dict(parked)
        self._grid = {k: v for k, v in grid.items() if v != OFF}
        self._totals_cache = None
        self._paint_cache.clear()
        self.endResetModel()
        self.gridReset.emit()

    def to_roster(self) -> Roster:
        out = []
        for (sid, day), code in sorted(self._grid.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            if code == OFF or code not in self._shifts:
                continue
            out.append(make_assignment(sid, day, self._shifts[code]))
        return Roster(self._start, self._days, tuple(out), dict(self._solver_info))

    def set_solver_info(self, info: dict) -> None:
        self._solver_info = dict(info)

    # ---- single cells (used by undo commands) ---------------------------------------------
    def code(self, staff_id: str, day: dt.date) -> str:
        return self._grid.get((staff_id, day), OFF)

    def set_cell(self, staff_id: str, day: dt.date, code: str) -> None:
        if code != OFF and code not in self._shifts:
            raise ValueError(f"未知班次代码 {code!r}")
        key = (staff_id, day)
        if code == OFF:
            self._grid.pop(key, None)
        else:
            self._grid[key] = code
        self._totals_cache = None
        self._paint_cache.clear()
        idx = self.index_of(staff_id, day)
        self.dataChanged.emit(idx, idx)
        self._emit_summaries(day)
        self.cellChanged.emit(staff_id, day)

    def _emit_summaries(self, day: dt.date | None = None) -> None:
        hc = self.headcount_row()
        if day is not None:
            i = self.index(hc, self.date_column(day))
            self.dataChanged.emit(i, i)
        first, last = self.total_column(TotalColumn.HOURS), self.total_column(TotalColumn.WEEKENDS)
        self.dataChanged.emit(self.index(0, first), self.index(self.rowCount() - 1, last))

    def is_locked(self, staff_id: str, day: dt.date) -> bool:
        return (staff_id, day) in self._locked

    def locked_cells(self) -> set[tuple[str, dt.date]]:
        """Locked cells of the people in the grid; a parked cell's lock waits with it (it must not become an OFF
        lock for re-optimisation)."""
        ids = {p.id for p in self._staff}
        return {k for k in self._locked if k[0] in ids and k not in self._parked}

    def parked(self) -> dict[tuple[str, dt.date], str]:
        return dict(self._parked)

    def set_locked(self, cells: Iterable[tuple[str, dt.date]], locked: bool) -> None:
        changed = []
        for key in cells:
            if locked and key not in self._locked:
                self._locked.add(key)
                changed.append(key)
            elif not locked and key in self._locked:
                self._locked.discard(key)
                changed.append(key)
        if changed:
            self._paint_cache.clear()
        for sid, day in changed:
            idx = self.index_of(sid, day)
            self.dataChanged.emit(idx, idx, [Roles.LOCKED, Qt.ItemDataRole.ToolTipRole])
        if changed:
            self.locksChanged.emit()

    def retranslate(self) -> None:
        """Texts follow a language switch: drop the painted texts (leave labels) and the headers."""
        self._paint_cache.clear()
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)

    def set_violations(self, per_cell: dict[tuple[str, dt.date], list], shortfall_dates: Iterable[dt.date] = ()) -> None:
        self._violations = {k: list(v) for k, v in per_cell.items()}
        self._shortfall_dates = set(shortfall_dates)
        self._paint_cache.clear()
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def violations_at(self, staff_id: str, day: dt.date) -> list:
        return list(self._violations.get((staff_id, day), ()))

    # ---- totals ----------------------------------------------------------------------------
    def totals(self) -> dict[str, PersonTotals]:
        if self._totals_cache is None:
            self._totals_cache = self._compute_totals()
        return self._totals_cache

    def _compute_totals(self) -> dict[str, PersonTotals]:
        """Hours, overtime, nights and weekend days of each person in the period.

        Overtime uses roster.hours when it is available (the HR accounting); otherwise paid hours
        minus the period's standard hours (SPEC §4 formula), never below zero.
        """
        window = self._scenario.rules.night_window
        out: dict[str, PersonTotals] = {}
        ot_from_hours = self._overtime_from_hours_module()
        workdays = [d for d in self._dates if self._day_types[d] == DayType.WORKDAY]
        for p in self._staff:
            paid = 0
            nights = 0
            weekends = 0
            for d in self._dates:
                code = self._grid.get((p.id, d))
                if not code or code not in self._shifts:
                    continue
                sh = self._shifts[code]
                paid += sh.paid_minutes
                s, e = sh.interval_on(d)
                if _night_minutes(s, e, window) >= NIGHT_SHIFT_MINUTES:
                    nights += 1
                if d.weekday() >= 5:
                    weekends += 1
            if ot_from_hours is not None and p.id in ot_from_hours:
                ot = ot_from_hours[p.id]
            else:
                leave_wd = sum(1 for d in workdays if p.leave_on(d) is not None)
                std = (len(workdays) * 8 * p.weekly_hours / 40 - 8 * leave_wd) * 60
                ot = max(0.0, (paid - std) / 60)
            out[p.id] = PersonTotals(paid / 60, ot, nights, weekends, self._caps.get(p.id))
        return out

    def _overtime_from_hours_module(self) -> dict[str, float] | None:
        try:
            from roster.hours import month_hours, settled_totals_by_staff
        except ImportError:
            return None
        try:
            # per person over the period; a 综合 quarter/year nets its months as the rule check does
            totals = settled_totals_by_staff(self._scenario, month_hours(self._scenario, self.to_roster()))
        except Exception:  # the HR module must never break the grid
            return None
        self._caps = {sid: float(t.overtime_cap_hours) for sid, t in totals.items()}
        return {sid: float(t.overtime_total_hours) for sid, t in totals.items()}

    def headcount(self, day: dt.date) -> int:
        return sum(1 for p in self._staff if self._grid.get((p.id, day), OFF) != OFF)

    # ---- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._staff) + 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._days + len(TotalColumn)

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.cell_at(index) is not None:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if section < 0 or section >= self.columnCount():
                return None
            if section >= self._days:
                which = TotalColumn(section - self._days)
                if role == Qt.ItemDataRole.DisplayRole:
                    return self.tr(TOTAL_LABELS[which])
                if role == Qt.ItemDataRole.ToolTipRole:
                    return {
                        TotalColumn.HOURS: self.tr("本期计薪工时（小时）"),
                        TotalColumn.OVERTIME: self.tr("本期加班（小时）"),
                        TotalColumn.NIGHTS: self.tr("夜班次数"),
                        TotalColumn.WEEKENDS: self.tr("周末上班天数"),
                    }[which]
                return None
            day = self._dates[section]
            dtp = self._day_types[day]
            mark = self._day_mark(day)
            if role == Qt.ItemDataRole.DisplayRole:
                text = f"{day.month}/{day.day}\n{weekday_label(day)}"
                return text + (f"\n{mark}" if mark else "\n ")
            if role == Qt.ItemDataRole.BackgroundRole:
                if dtp == DayType.HOLIDAY:
                    return QBrush(HOLIDAY_BG)
                if day in self._makeup:
                    return QBrush(MAKEUP_BG)
                if dtp == DayType.RESTDAY:
                    return QBrush(RESTDAY_BG)
                return None
            if role == Qt.ItemDataRole.ToolTipRole:
                name = self._cal.holiday_name(day, self.lang) if dtp == DayType.HOLIDAY else None
                kind = {DayType.HOLIDAY: self.tr("法定节假日（300%）"), DayType.RESTDAY: self.tr("休息日"),
                        DayType.WORKDAY: self.tr("工作日")}[dtp]
                if day in self._makeup:
                    kind = self.tr("调休上班日")
                return f"{day.isoformat()} {kind}" + (f" — {name}" if name else "")
            if role == Roles.DATE:
                return day
            if role == Roles.DAY_TYPE:
                return dtp.value
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        if section < 0 or section >= self.rowCount():
            return None
        if section == len(self._staff):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("在岗人数")
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("每天开始上班的人数（红色：当天有覆盖缺口）")
            return None
        p = self._staff[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return p.name
        if role == Qt.ItemDataRole.ToolTipRole:
            skills = "、".join(p.skills) if p.skills else self.tr("无")
            skills_label, hours_label = self.tr("技能"), self.tr("周工时")
            return f"{p.name}（{p.id}）\n{skills_label}：{skills}\n{hours_label}：{p.weekly_hours:g}"
        if role == Roles.STAFF_ID:
            return p.id
        return None

    def _day_mark(self, day: dt.date) -> str:
        dtp = self._day_types[day]
        if dtp == DayType.HOLIDAY:
            return self.tr("节")
        if day in self._makeup:
            return self.tr("班")
        if dtp == DayType.RESTDAY:
            return self.tr("休")
        return ""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if r > len(self._staff) or c >= self._days + len(TotalColumn):
            return None
        if role == Roles.PAINT:
            key = (r, c)
            got = self._paint_cache.get(key)
            if got is None:
                got = self._paint_cache[key] = self._paint_tuple(r, c)
            return got
        if r == len(self._staff):
            return self._headcount_data(c, role)
        if c >= self._days:
            return self._total_data(self._staff[r], TotalColumn(c - self._days), role)
        p = self._staff[r]
        day = self._dates[c]
        code = self._grid.get((p.id, day), OFF)
        leave = p.leave_on(day)
        if role == Qt.ItemDataRole.DisplayRole:
            if code == OFF:
                if leave is not None:
                    return self.tr(LEAVE_LABELS_ZH.get(leave.kind, "假"))
                return ""
            return code
        if role in (Qt.ItemDataRole.EditRole, Roles.CODE):
            return code
        if role == Qt.ItemDataRole.BackgroundRole:
            if code != OFF and code in self._shifts:
                return QBrush(QColor(self._shifts[code].color))
            if leave is not None:
                return QBrush(LEAVE_BG)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._cell_tooltip(p, day, code, leave)
        if role == Roles.LOCKED:
            return (p.id, day) in self._locked
        if role == Roles.VIOLATIONS:
            return self._violations.get((p.id, day), [])
        if role == Roles.LEAVE:
            return LEAVE_LABELS_ZH.get(leave.kind) if leave is not None else None
        if role == Roles.STAFF_ID:
            return p.id
        if role == Roles.DATE:
            return day
        if role == Roles.KIND:
            return "cell"
        if role == Roles.WISH:
            return self._wish_text(p, day)
        return None

    def _paint_tuple(self, r: int, c: int) -> tuple:
        """Everything the delegate paints, in one call (painting is the hot path during previews)."""
        if r < len(self._staff) and c < self._days:
            p = self._staff[r]
            day = self._dates[c]
            code = self._grid.get((p.id, day), OFF)
            if code != OFF:
                text, bg, fg, bold = code, self._shift_colors.get(code), None, True
            else:
                leave = p.leave_on(day) if p.leave else None
                text = self.tr(LEAVE_LABELS_ZH.get(leave.kind, "假")) if leave is not None else ""
                bg, fg, bold = (LEAVE_BG if leave is not None else None), QColor("#666666"), False
            return (text, bg, fg, bold, (p.id, day) in self._locked, day in self._wish_dates.get(p.id, ()),
                    bool(self._violations.get((p.id, day))), "cell", day in self._away_dates.get(p.id, ()))
        idx = self.index(r, c)
        bg = self.data(idx, Qt.ItemDataRole.BackgroundRole)
        fg = self.data(idx, Qt.ItemDataRole.ForegroundRole)
        font = self.data(idx, Qt.ItemDataRole.FontRole)
        return (str(self.data(idx, Qt.ItemDataRole.DisplayRole) or ""), bg.color() if isinstance(bg, QBrush) else None,
                fg.color() if isinstance(fg, QBrush) else None, bool(font is not None and font.bold()), False, False,
                False, self.data(idx, Roles.KIND), False)

    def _wish_text(self, p: Staff, day: dt.date) -> str | None:
        for q in p.requests:
            if q.date == day:
                weight = self.tr("权重")
                if q.off:
                    return self.tr("希望休息") + f"（{weight} {q.weight}）"
                return self.tr("希望上") + f" {q.shift}（{weight} {q.weight}）"
        return None

    def _cell_tooltip(self, p: Staff, day: dt.date, code: str, leave) -> str:
        lines = [f"{p.name} {day.isoformat()}"]
        if code != OFF and code in self._shifts:
            sh = self._shifts[code]
            s, e = sh.interval_on(day)
            lines.append(f"{sh.code} {self.tr(sh.name)} {s:%H:%M}–{e:%H:%M}")
        else:
            lines.append(self.tr("休息"))
        if leave is not None:
            lines.append(self.tr("请假") + self.tr("：") + f"{self.tr(LEAVE_LABELS_ZH.get(leave.kind, ''))}")
        from .editors.leave_editor import times_text

        for u in p.unavailable:
            for first in u.starts_reaching(day):  # a window from the day before may run into this date
                lines.append(self.tr("不可排班") + self.tr("：") + f"{first.month}/{first.day} " + times_text(u)
                             + (f"（{u.note}）" if u.note else ""))
        wish = self._wish_text(p, day)
        if wish:
            lines.append(wish)
        if (p.id, day) in self._locked:
            lines.append(self.tr("已锁定"))
        for v in self._violations.get((p.id, day), ()):
            lines.append("⚠ " + _violation_line(v, self.lang))
        return "\n".join(lines)

    def _headcount_data(self, c: int, role):
        if c >= self._days:
            if role == Qt.ItemDataRole.DisplayRole:
                totals = self.totals().values()
                which = TotalColumn(c - self._days)
                if which == TotalColumn.HOURS:
                    return f"{sum(t.hours for t in totals):.0f}"
                if which == TotalColumn.OVERTIME:
                    return f"{sum(t.overtime for t in totals):.0f}"
                if which == TotalColumn.NIGHTS:
                    return str(sum(t.nights for t in totals))
                return str(sum(t.weekends for t in totals))
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(HEADCOUNT_BG)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            if role == Roles.KIND:
                return "headcount"
            return None
        day = self._dates[c]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(self.headcount(day))
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor("#F6B8B8") if day in self._shortfall_dates else HEADCOUNT_BG)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.ToolTipRole:
            by_code: dict[str, int] = {}
            for p in self._staff:
                code = self._grid.get((p.id, day), OFF)
                if code != OFF:
                    by_code[code] = by_code.get(code, 0) + 1
            parts = [f"{k}×{v}" for k, v in sorted(by_code.items())]
            warn = ("\n" + self.tr("当天有覆盖缺口")) if day in self._shortfall_dates else ""
            return (" ".join(parts) or self.tr("无人上班")) + warn
        if role == Roles.DATE:
            return day
        if role == Roles.KIND:
            return "headcount"
        return None

    def _total_data(self, p: Staff, which: TotalColumn, role):
        if role == Qt.ItemDataRole.DisplayRole:
            t = self.totals()[p.id]
            if which == TotalColumn.HOURS:
                return f"{t.hours:.0f}"
            if which == TotalColumn.OVERTIME:
                return f"{t.overtime:.1f}"
            if which == TotalColumn.NIGHTS:
                return str(t.nights)
            return str(t.weekends)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(TOTAL_BG)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and which == TotalColumn.OVERTIME:
            t = self.totals()[p.id]
            if t.overtime > (t.cap if t.cap is not None else 0.0) + 1e-6:  # above the cap, not any overtime
                return QBrush(QColor("#B3261E"))
            return None
        if role == Roles.KIND:
            return "total"
        if role == Roles.STAFF_ID:
            return p.id
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole:
            return False
        cell = self.cell_at(index)
        if cell is None:
            return False
        code = str(value).strip()
        if code != OFF and code not in self._shifts and code.upper() in self._shifts:
            code = code.upper()  # "d" typed for D
        if code != OFF and code not in self._shifts:
            # say why nothing happened (GUI review: an unknown code was refused silently)
            self.editRefused.emit(self.tr("没有班次代码 %1（可用：%2）").replace("%1", code).replace(
                "%2", (", " if str(getattr(self, "lang", "zh")).startswith("en") else "、").join([*self._shifts, OFF])))
            return False
        sid, day = cell
        if self.code(sid, day) == code:
            return False
        if self.undo_stack is not None:
            from .commands import SetCellCommand

            self.undo_stack.push(SetCellCommand(self, sid, day, code))
        else:
            self.set_cell(sid, day, code)
        return True


def _violation_line(v, lang: str) -> str:
    """A cell tooltip's line for one violation: the validator's Chinese message, or in English the rule's name
    with the measured value against the limit."""
    if not lang.startswith("en") or not hasattr(v, "rule"):
        return str(getattr(v, "message", v))
    from roster.validator import measure_text

    from .violations_panel import _rule_name

    return f"{_rule_name(v.rule, 'en')}: {measure_text(v, 'en')}"
