"""Painted charts: coverage heat-map (hour × day, demand vs scheduled) and fairness bars per person."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from roster.calendar import WorkCalendar
from roster.demand import SLOT_MINUTES, SLOTS_PER_DAY, demand_profile, slot_counts
from roster.model import DayType, Roster, Scenario, contract_factor

from .roster_model import NIGHT_SHIFT_MINUTES, _night_minutes, weekday_label


@dataclass
class CoverageData:
    dates: list[dt.date]
    demand: dict[dt.date, list[int]]  # per slot, any skill
    have: dict[dt.date, list[int]]  # people covering the whole slot
    skill_short: dict[dt.date, list[int]]  # per slot: people missing for skill demands

    def hour(self, day: dt.date, h: int) -> tuple[int, int, int]:
        """(scheduled, demand, skill shortfall) for one hour: worst of its slots."""
        per = 60 // SLOT_MINUTES
        slots = range(h * per, (h + 1) * per)
        dem = max(self.demand[day][k] for k in slots)
        have = min(self.have[day][k] for k in slots)
        sk = max(self.skill_short[day][k] for k in slots)
        return have, dem, sk

    def shortfall_dates(self) -> set[dt.date]:
        out = set()
        for d in self.dates:
            if any(h < n for h, n in zip(self.have[d], self.demand[d], strict=True)) or any(self.skill_short[d]):
                out.add(d)
        return out


def coverage_data(scenario: Scenario, roster: Roster) -> CoverageData:
    dates = roster.dates()
    prof = demand_profile(scenario, dates)
    counts = slot_counts(scenario, roster)  # the Excel 覆盖 sheet's counts (carried-in nights included)

    def day_row(key, i: int) -> list[int]:
        return counts[key][i * SLOTS_PER_DAY:(i + 1) * SLOTS_PER_DAY]

    have = {d: day_row(None, i) for i, d in enumerate(dates)}
    short = {d: [0] * SLOTS_PER_DAY for d in dates}
    for i, d in enumerate(dates):
        for sk, need in prof[d].items():
            if sk is None:
                continue
            got = day_row(sk, i)
            for k in range(SLOTS_PER_DAY):
                short[d][k] = max(short[d][k], need[k] - got[k])
    return CoverageData(dates, {d: prof[d][None] for d in dates}, have, short)


class CoverageHeatmap(QWidget):
    """Rows = hours 0–23, columns = dates; each cell shows scheduled/demand, shortfalls in red."""

    LEFT, TOP = 46, 40

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("coverageHeatmap")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._data: CoverageData | None = None
        self._cal = WorkCalendar()

    def set_data(self, scenario: Scenario, roster: Roster, data: CoverageData | None = None) -> None:
        self._data = data if data is not None else coverage_data(scenario, roster)
        self._cal = WorkCalendar.of(scenario)
        self.update()

    def data(self) -> CoverageData | None:
        return self._data

    def sizeHint(self) -> QSize:
        n = len(self._data.dates) if self._data else 28
        return QSize(self.LEFT + n * 34 + 10, self.TOP + 24 * 20 + 40)

    def minimumSizeHint(self) -> QSize:
        return QSize(300, 300)

    def _geometry(self) -> tuple[float, float]:
        n = max(1, len(self._data.dates)) if self._data else 1
        cw = (self.width() - self.LEFT - 8) / n
        ch = (self.height() - self.TOP - 34) / 24
        return cw, ch

    @staticmethod
    def colour(have: int, dem: int, skill_short: int) -> QColor:
        if have < dem or skill_short > 0:
            missing = max(dem - have, skill_short)
            return QColor(255, max(60, 170 - 50 * missing), max(60, 160 - 50 * missing))
        if dem == 0 and have == 0:
            return QColor("#F4F4F4")
        if have == dem:
            return QColor("#CDEBC5")
        extra = have - dem
        return QColor(max(120, 205 - 25 * extra), max(170, 225 - 15 * extra), 250)

    @staticmethod
    def cell_label(fm, have: int, dem: int, cw: float, ch: float) -> str:
        """The "scheduled/demand" text of a cell, or "" where it would spill into its neighbours (large teams:
        three-digit counts in a narrow column) — the colour and the tooltip still tell."""
        label = f"{have}/{dem}"
        if ch < 11 or fm.horizontalAdvance(label) > cw - 2:
            return ""
        return label

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        if not self._data or not self._data.dates:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("暂无排班"))
            return
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        cw, ch = self._geometry()
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, min(9.0, ch * 0.45)))
        p.setFont(small)
        fm = p.fontMetrics()  # once, not per cell (a month is 744 cells)
        for j, d in enumerate(self._data.dates):
            x = self.LEFT + j * cw
            dtp = self._cal.day_type(d)
            head = QRectF(x, 2, cw, self.TOP - 4)
            if dtp == DayType.HOLIDAY:
                p.fillRect(head, QColor("#F8C9C4"))
            elif dtp == DayType.RESTDAY:
                p.fillRect(head, QColor("#E4ECF7"))
            p.setPen(QColor("#333333"))
            p.drawText(head, Qt.AlignmentFlag.AlignCenter, f"{d.month}/{d.day}\n{weekday_label(d)}")
            for h in range(24):
                have, dem, sk = self._data.hour(d, h)
                r = QRectF(x, self.TOP + h * ch, cw, ch)
                p.fillRect(r, self.colour(have, dem, sk))
                label = self.cell_label(fm, have, dem, cw, ch)
                if label:
                    short = have < dem or sk > 0
                    p.setPen(QColor("#7A0000") if short else QColor("#2A2A2A"))
                    p.drawText(r, Qt.AlignmentFlag.AlignCenter, label)
        p.setPen(QPen(QColor("white"), 1))
        for j in range(len(self._data.dates) + 1):
            x = self.LEFT + j * cw
            p.drawLine(QPointF(x, self.TOP), QPointF(x, self.TOP + 24 * ch))
        for h in range(25):
            y = self.TOP + h * ch
            p.drawLine(QPointF(self.LEFT, y), QPointF(self.LEFT + len(self._data.dates) * cw, y))
        p.setPen(QColor("#333333"))
        for h in range(24):
            p.drawText(QRectF(0, self.TOP + h * ch, self.LEFT - 6, ch),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{h:02d}:00")
        # legend
        y = self.TOP + 24 * ch + 8
        x = self.LEFT
        for colour, label in ((self.colour(1, 2, 0), self.tr("缺人（已排/需求）")), (self.colour(2, 2, 0), self.tr("刚好满足")),
                              (self.colour(3, 2, 0), self.tr("超出需求"))):
            p.fillRect(QRectF(x, y + 3, 14, 14), colour)
            p.setPen(QColor("#333333"))
            tw = p.fontMetrics().horizontalAdvance(label)
            p.drawText(QRectF(x + 18, y, tw + 4, 20), Qt.AlignmentFlag.AlignVCenter, label)
            x += 18 + tw + 24
        p.end()

    def event(self, e) -> bool:
        if e.type() == QEvent.Type.ToolTip and self._data and self._data.dates:
            cw, ch = self._geometry()
            pos = e.position() if hasattr(e, "position") else e.pos()
            j = int((pos.x() - self.LEFT) // cw) if cw > 0 else -1
            h = int((pos.y() - self.TOP) // ch) if ch > 0 else -1
            if 0 <= j < len(self._data.dates) and 0 <= h < 24:
                d = self._data.dates[j]
                have, dem, sk = self._data.hour(d, h)
                text = f"{d.isoformat()} {h:02d}:00–{h + 1:02d}:00\n" + self.tr("已排") + f" {have}，" + self.tr("需求") + f" {dem}"
                if sk:
                    text += "\n" + self.tr("技能缺口") + f" {sk}"
                QToolTip.showText(e.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)


@dataclass
class FairnessRow:
    """One person's fairness counters as the solver's objective sees them (solver/objective.py): nights, shifts
    on calendar rest days and on statutory holidays including the history carried over, paid hours plus a
    standard day per leave day on a workday; ``group`` numbers the comparable staff (solver.model.comparable_key) —
    spreads are measured inside a group only."""

    name: str
    nights: int
    weekends: int
    holidays: int
    hours: float
    group: int = 0
    hours_group: int = 0  # the hours spread's own grouping (solver.model.hours_key): contract hours, not shifts
    factor: int = 1  # roster.model.contract_factor: how much one night / rest-day / holiday shift weighs in a spread


def fairness_rows(scenario: Scenario, roster: Roster) -> list[FairnessRow]:
    from solver.model import comparable_key, hours_key, night_minutes_by_day

    cal = WorkCalendar.of(scenario)
    shifts = scenario.shift_map()
    window = scenario.rules.night_window
    rules = scenario.rules.in_force(roster.start, roster.end)
    night_min = {s.code: night_minutes_by_day(s, window) for s in scenario.shifts}
    keys: dict[tuple, int] = {}
    hour_keys: dict[tuple, int] = {}
    rows = []
    by = roster.by_staff_date()
    for p in scenario.staff:
        if not p.active:
            continue
        hist = scenario.history_of(p.id)
        n, w, hol = hist.nights, hist.weekend_days, hist.holiday_days
        minutes = 0.0
        for d in roster.dates():
            if cal.day_type(d) == DayType.WORKDAY and p.leave_on(d) is not None:
                minutes += 8 * 60 * p.weekly_hours / 40  # leave credited as a standard day
            a = by.get((p.id, d))
            if a is None or a.shift not in shifts:
                continue
            sh = shifts[a.shift]
            minutes += sh.paid_minutes
            if _night_minutes(a.start, a.end, window) >= NIGHT_SHIFT_MINUTES:
                n += 1
            if cal.day_type(d) == DayType.RESTDAY:
                w += 1
            if cal.day_type(d) == DayType.HOLIDAY:
                hol += 1
        key = comparable_key(rules, scenario.shifts, night_min, roster.start, roster.end, p)
        group = keys.setdefault(key, len(keys))
        hours_group = hour_keys.setdefault(hours_key(rules, p), len(hour_keys))
        rows.append(FairnessRow(p.name, n, w, hol, minutes / 60, group, hours_group, contract_factor(p.weekly_hours)))
    return rows


def group_spread(rows: list[FairnessRow], attr: str) -> float:
    """Σ over groups of ≥ 2 comparable people of max − min (the solver's fairness term, in the row's unit; nights,
    rest days and holidays weighed by each person's contract factor as the solver weighs them)."""
    groups: dict[int, list[float]] = {}
    for r in rows:
        if attr == "hours":
            groups.setdefault(r.hours_group, []).append(float(r.hours))
        else:  # weighed like the solver's spread: a part-timer's shift counts contract_factor times
            groups.setdefault(r.group, []).append(float(getattr(r, attr)) * r.factor)
    return sum(max(v) - min(v) for v in groups.values() if len(v) >= 2)


class FairnessChart(QWidget):
    """Four small bar charts side by side: nights, weekends, holidays, hours per person (dashed = mean)."""

    METRICS = (("nights", QT_TRANSLATE_NOOP("FairnessChart", "夜班")),
               ("weekends", QT_TRANSLATE_NOOP("FairnessChart", "周末班")),
               ("holidays", QT_TRANSLATE_NOOP("FairnessChart", "节假日班")),
               ("hours", QT_TRANSLATE_NOOP("FairnessChart", "工时")))
    COLOURS = ("#6A5ACD", "#2E86C1", "#C0392B", "#7D8C2E")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("fairnessChart")
        self._rows: list[FairnessRow] = []

    def set_data(self, scenario: Scenario, roster: Roster) -> None:
        self._rows = fairness_rows(scenario, roster)
        self.updateGeometry()  # a larger team needs more height: the scroll area around the chart follows
        self.update()

    def rows(self) -> list[FairnessRow]:
        return list(self._rows)

    def sizeHint(self) -> QSize:
        return QSize(900, 60 + 24 * max(13, len(self._rows)))

    def minimumSizeHint(self) -> QSize:
        """Every row at least 14 px (paintEvent's floor) plus the title and the footnote: a team of 250 scrolls
        instead of being cut off after ~36 rows (large-team check of session 11)."""
        return QSize(400, 34 + 44 + 14 * max(1, len(self._rows)))

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        if not self._rows:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("暂无排班"))
            return
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        fm = p.fontMetrics()
        name_w = max(fm.horizontalAdvance(r.name) for r in self._rows) + 12
        top = 34
        row_h = max(14.0, (self.height() - top - 44) / len(self._rows))  # (two lines of footnote below)
        panel_w = (self.width() - name_w - 10) / len(self.METRICS)
        for i, r in enumerate(self._rows):
            y = top + i * row_h
            if i % 2:
                p.fillRect(QRectF(0, y, self.width(), row_h), QColor("#F7F7F7"))
            p.setPen(QColor("#222222"))
            p.drawText(QRectF(4, y, name_w - 8, row_h), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, r.name)
        for m, ((attr, title), colour) in enumerate(zip(self.METRICS, self.COLOURS, strict=True)):
            x0 = name_w + m * panel_w
            values = [float(getattr(r, attr)) for r in self._rows]
            vmax = max(values) or 1.0
            grp = [r.hours_group if attr == "hours" else r.group for r in self._rows]  # the spread's own grouping
            main = max(set(grp), key=grp.count)
            in_main = [v for v, g in zip(values, grp, strict=True) if g == main]
            mean = sum(in_main) / len(in_main)
            bold = QFont(self.font())
            bold.setBold(True)
            p.setFont(bold)
            p.setPen(QColor("#222222"))
            spread = group_spread(self._rows, attr)
            p.drawText(QRectF(x0, 4, panel_w, 24), Qt.AlignmentFlag.AlignCenter,
                       self.tr("%1（差 %2）").replace("%1", self.tr(title)).replace("%2", f"{spread:g}"))
            p.setFont(self.font())
            bar_w = panel_w - 52
            for i, v in enumerate(values):
                y = top + i * row_h
                w = bar_w * v / vmax
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(QColor(colour) if grp[i] == main else QColor("#B0B0B0"))
                p.drawRoundedRect(QRectF(x0 + 6, y + row_h * 0.2, w, row_h * 0.6), 2, 2)
                p.setPen(QColor("#222222"))
                p.drawText(QRectF(x0 + 10 + w, y, 44, row_h), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                           f"{v:.0f}")
            mx = x0 + 6 + bar_w * mean / vmax
            p.setPen(QPen(QColor("#555555"), 1, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(mx, top - 2), QPointF(mx, top + len(values) * row_h))
            p.setPen(QPen(QColor("#DDDDDD"), 1))
            p.drawLine(QPointF(x0, top), QPointF(x0, top + len(values) * row_h))
        p.setPen(QColor("#555555"))
        p.drawText(QRectF(8, top + len(self._rows) * row_h + 4, self.width() - 16, 40),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                   self.tr("虚线 = 组内平均；灰色 = 另一可比组（夜班、休息日、节假日按可排班次分组，工时按合同工时分组）。"
                           "差值按可比组计算，非全职人员的班次按合同折算（与求解目标一致），含上期结转；工时含请假折算，单位小时"))
        p.end()
