"""ContractView: the contract year 2026-06 … 2027-05 per natural month (SPEC §2.13, clause 5.2 billing).

Per month: roster days, coverage % (demand slots met, all skills), paid / standard hours, overtime used
against the budget (``max_overtime_hours_per_month`` × people employed that month, OT-03/CH-07),
person-days (billing) and leave days; per person: 调休 earned / taken and the running balance.
The numbers come from :func:`roster.hours.month_hours` over a Roster covering (part of) the year;
months the roster does not reach show "—".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QGroupBox, QHeaderView, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from roster.calendar import WorkCalendar
from roster.demand import SLOT_MINUTES, SLOTS_PER_DAY, demand_for_date
from roster.model import Roster, Scenario

Index = QModelIndex | QPersistentModelIndex
CONTRACT_FIRST = dt.date(2026, 6, 1)
CONTRACT_MONTHS = 12


def contract_months(first: dt.date = CONTRACT_FIRST, n: int = CONTRACT_MONTHS) -> list[tuple[int, int]]:
    return [((first.month - 1 + i) // 12 + first.year, (first.month - 1 + i) % 12 + 1) for i in range(n)]


@dataclass(frozen=True, slots=True)
class ContractMonth:
    year: int
    month: int
    roster_days: int  # dates of the month inside the roster period
    coverage_pct: float | None  # None without roster days or without demand
    shortfall_slot_hours: float  # person-hours of demand not met
    paid_hours: float
    standard_hours: float
    overtime_hours: float
    budget_hours: float
    staff_count: int  # people employed on some date of the month part
    person_days: int
    leave_days: int


@dataclass(frozen=True, slots=True)
class CompBalance:
    staff: str
    name: str
    earned: float
    taken: float
    monthly_balance: tuple[float | None, ...]  # running balance at each month's end (None: not rostered)

    @property
    def balance(self) -> float:
        return round(self.earned - self.taken, 2)


def coverage_by_month(scenario: Scenario, roster: Roster) -> dict[tuple[int, int], tuple[float, float]]:
    """{(year, month): (slot-demand met, slot-demand total)} over the roster dates (30-min slots)."""
    cal = WorkCalendar.of(scenario)
    skills = {p.id: set(p.skills) for p in scenario.staff}
    first, last = roster.start, roster.end
    # people on duty per (date, slot) and per skill
    on_duty: dict[tuple[dt.date, int], list[str]] = {}
    base = dt.datetime.combine(first, dt.time())
    for a in roster.assignments:
        s = int((a.start - base).total_seconds() // 60)
        e = int((a.end - base).total_seconds() // 60)
        k0 = -(-s // SLOT_MINUTES)  # a person counts when the span covers the whole slot
        k1 = e // SLOT_MINUTES
        for k in range(max(k0, 0), k1):
            day = first + dt.timedelta(days=k // SLOTS_PER_DAY)
            if day > last:
                break
            on_duty.setdefault((day, k % SLOTS_PER_DAY), []).append(a.staff)
    out: dict[tuple[int, int], tuple[float, float]] = {}
    for day in roster.dates():
        met, total = out.get((day.year, day.month), (0.0, 0.0))
        for skill, counts in demand_for_date(scenario, day, cal).items():
            for slot, need in enumerate(counts):
                if need <= 0:
                    continue
                people = on_duty.get((day, slot), ())
                have = len(people) if skill is None else sum(1 for sid in people if skill in skills.get(sid, ()))
                met += min(have, need)
                total += need
        out[(day.year, day.month)] = (met, total)
    return out


def contract_summary(
    scenario: Scenario,
    roster: Roster | None,
    rows: list[Any],
    months: list[tuple[int, int]] | None = None,
) -> list[ContractMonth]:
    """Aggregate ``month_hours`` rows (one per person per month) into one line per contract month."""
    months = months or contract_months()
    coverage = coverage_by_month(scenario, roster) if roster is not None else {}
    dates = set(roster.dates()) if roster is not None else set()
    cap = scenario.rules.max_overtime_hours_per_month
    out = []
    for y, m in months:
        mine = [r for r in rows if r.year == y and r.month == m]
        employed = [r for r in mine if getattr(r, "employed", True)]
        met, total = coverage.get((y, m), (0.0, 0.0))
        days = sum(1 for d in dates if d.year == y and d.month == m)
        out.append(
            ContractMonth(
                year=y,
                month=m,
                roster_days=days,
                coverage_pct=(100.0 * met / total) if days and total else None,
                shortfall_slot_hours=(total - met) * SLOT_MINUTES / 60,
                paid_hours=round(sum(r.paid_hours for r in mine), 2),
                standard_hours=round(sum(r.standard_hours for r in mine), 2),
                overtime_hours=round(sum(r.overtime_total_hours for r in mine), 2),
                budget_hours=round(cap * len(employed), 2) if days else 0.0,
                staff_count=len(employed),
                person_days=sum(r.person_days for r in mine),
                leave_days=sum(sum(r.leave_days.values()) for r in mine),
            )
        )
    return out


def comp_balances(scenario: Scenario, rows: list[Any], months: list[tuple[int, int]] | None = None) -> list[CompBalance]:
    """Per person: 调休 earned/taken over the year and the running balance at each month end."""
    months = months or contract_months()
    out = []
    for p in scenario.staff:
        by_month = {(r.year, r.month): r for r in rows if r.staff == p.id}
        running = 0.0
        monthly: list[float | None] = []
        earned = taken = 0.0
        for ym in months:
            r = by_month.get(ym)
            if r is None:
                monthly.append(None)
                continue
            earned += r.comp_earned_hours
            taken += r.comp_taken_hours
            running += r.comp_balance_hours
            monthly.append(round(running, 2))
        out.append(CompBalance(p.id, p.name, round(earned, 2), round(taken, 2), tuple(monthly)))
    return out


def _num(v: float) -> str:
    return f"{v:,.1f}".rstrip("0").rstrip(".") if v % 1 else f"{v:,.0f}"


class ContractMonthModel(QAbstractTableModel):
    class Column(IntEnum):
        MONTH = 0
        ROSTER_DAYS = 1
        COVERAGE = 2
        PAID = 3
        STANDARD = 4
        OVERTIME = 5
        BUDGET = 6
        BUDGET_USE = 7
        PERSON_DAYS = 8
        LEAVE_DAYS = 9

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._months: list[ContractMonth] = []

    def set_months(self, months: list[ContractMonth]) -> None:
        self.beginResetModel()
        self._months = list(months)
        self.endResetModel()

    def months(self) -> list[ContractMonth]:
        return list(self._months)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else (len(self._months) + 1 if self._months else 0)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self.Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [
            self.tr("月份"),
            self.tr("排班天数"),
            self.tr("覆盖率"),
            self.tr("计薪工时"),
            self.tr("标准工时"),
            self.tr("加班工时"),
            self.tr("加班预算"),
            self.tr("预算使用"),
            self.tr("人天（计费）"),
            self.tr("请假天数"),
        ][section]

    def _total(self) -> ContractMonth:
        ms = self._months
        return ContractMonth(
            0, 0, sum(m.roster_days for m in ms), None, sum(m.shortfall_slot_hours for m in ms),
            round(sum(m.paid_hours for m in ms), 2), round(sum(m.standard_hours for m in ms), 2),
            round(sum(m.overtime_hours for m in ms), 2), round(sum(m.budget_hours for m in ms), 2),
            max((m.staff_count for m in ms), default=0), sum(m.person_days for m in ms), sum(m.leave_days for m in ms),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        is_total = index.row() == len(self._months)
        m = self._total() if is_total else self._months[index.row()]
        C = self.Column
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == C.MONTH:
                return self.tr("合计") if is_total else f"{m.year}-{m.month:02d}"
            if not m.roster_days and col != C.ROSTER_DAYS:
                return "—"
            match col:
                case C.ROSTER_DAYS:
                    return str(m.roster_days)
                case C.COVERAGE:
                    return "" if m.coverage_pct is None else f"{m.coverage_pct:.1f}%"
                case C.PAID:
                    return _num(m.paid_hours)
                case C.STANDARD:
                    return _num(m.standard_hours)
                case C.OVERTIME:
                    return _num(m.overtime_hours)
                case C.BUDGET:
                    return _num(m.budget_hours)
                case C.BUDGET_USE:
                    return f"{100 * m.overtime_hours / m.budget_hours:.0f}%" if m.budget_hours else "—"
                case C.PERSON_DAYS:
                    return str(m.person_days)
                case C.LEAVE_DAYS:
                    return str(m.leave_days)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter if col == C.MONTH else Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.BackgroundRole and m.roster_days:
            if col in (C.OVERTIME, C.BUDGET_USE) and m.budget_hours and m.overtime_hours > m.budget_hours:
                return QColor("#F8D7DA")
            if col == C.COVERAGE and m.coverage_pct is not None and m.coverage_pct < 100:
                return QColor("#FFF3CD")
        if role == Qt.ItemDataRole.FontRole and is_total:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.ToolTipRole and col == C.COVERAGE and m.roster_days and not is_total:
            return self.tr("未满足的需求：%1 人·小时").replace("%1", _num(m.shortfall_slot_hours))
        if role == Qt.ItemDataRole.ToolTipRole and col == C.BUDGET:
            return self.tr("每月加班上限 × 当月在职人数（OT-03、CH-07）")
        return None


class CompBalanceModel(QAbstractTableModel):
    """Rows = people; columns = name, earned, taken, balance, then the running balance per month."""

    FIXED = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CompBalance] = []
        self._months: list[tuple[int, int]] = contract_months()

    def set_rows(self, rows: list[CompBalance], months: list[tuple[int, int]]) -> None:
        self.beginResetModel()
        self._rows, self._months = list(rows), list(months)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else self.FIXED + len(self._months)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        fixed = [self.tr("人员"), self.tr("调休获得"), self.tr("调休已用"), self.tr("调休余额")]
        if section < self.FIXED:
            return fixed[section]
        y, m = self._months[section - self.FIXED]
        return f"{y % 100:02d}-{m:02d}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return f"{r.name}（{r.staff}）"
            if col == 1:
                return _num(r.earned)
            if col == 2:
                return _num(r.taken)
            if col == 3:
                return _num(r.balance)
            v = r.monthly_balance[col - self.FIXED]
            return "—" if v is None else _num(v)
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ForegroundRole and col == 3 and r.balance < 0:
            return QColor("#B00020")
        return None


class ContractView(QWidget):
    """Read-only view; ``scenarioChanged`` exists for a uniform tab API and is never emitted."""

    scenarioChanged = Signal(object)

    def __init__(
        self,
        scenario: Scenario,
        roster: Roster | None = None,
        parent: QWidget | None = None,
        *,
        hours_fn: Callable[[Scenario, Roster], list[Any]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._scenario = scenario
        self._roster = roster
        self._hours_fn = hours_fn
        self._dirty = True
        self.month_model = ContractMonthModel(self)
        self.comp_model = CompBalanceModel(self)
        self.month_view = self._table(self.month_model, "contractMonths")
        self.comp_view = self._table(self.comp_model, "compBalances")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        title = QLabel(self.tr("合同期 2026-06-01 至 2027-05-31：按自然月统计（计费依据合同 5.2 条）"), self)
        f = title.font()
        f.setBold(True)
        title.setFont(f)

        box1 = QGroupBox(self.tr("每月覆盖、工时与加班预算"), self)
        QVBoxLayout(box1).addWidget(self.month_view)
        box2 = QGroupBox(self.tr("每人调休余额（小时，月末累计）"), self)
        QVBoxLayout(box2).addWidget(self.comp_view)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(box1)
        split.addWidget(box2)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.note)
        layout.addWidget(split, 1)

    def _table(self, model: QAbstractTableModel, name: str) -> QTableView:
        v = QTableView(self)
        v.setObjectName(name)
        v.setModel(model)
        v.verticalHeader().hide()
        v.verticalHeader().setDefaultSectionSize(24)
        v.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        return v

    def scenario(self) -> Scenario:
        return self._scenario

    def set_scenario(self, scenario: Scenario) -> None:
        self._scenario = scenario
        self._refresh_when_shown()

    def set_roster(self, roster: Roster | None) -> None:
        self._roster = roster
        self._refresh_when_shown()

    def _refresh_when_shown(self) -> None:
        # a year of roster takes ~0.5 s to summarise; hidden tabs catch up when shown
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self._dirty:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self._dirty = False
        months = contract_months()
        rows: list[Any] = []
        if self._roster is not None:
            fn = self._hours_fn
            if fn is None:
                from roster.hours import month_hours as fn
            rows = fn(self._scenario, self._roster)
            self.note.setText(
                self.tr("排班范围 %1 至 %2；“—”表示该月尚无排班。加班预算 = 每月上限 %3 小时 × 在职人数。")
                .replace("%1", self._roster.start.isoformat())
                .replace("%2", self._roster.end.isoformat())
                .replace("%3", _num(self._scenario.rules.max_overtime_hours_per_month))
            )
        else:
            self.note.setText(self.tr("尚无排班：求解或打开覆盖合同年的排班后，这里显示每月统计。"))
        self.month_model.set_months(contract_summary(self._scenario, self._roster, rows, months))
        self.comp_model.set_rows(comp_balances(self._scenario, rows, months) if rows else [], months)
        self.comp_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
