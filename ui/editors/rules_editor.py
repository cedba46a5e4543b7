"""RulesEditor: every parameter of roster.model.Rules with its legal source (labour-law.md ids) and
per-rule enable switches (``Rules.disabled``).  Warns when 综合计算工时 lacks a valid approval (CH-04)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from roster.model import Approval, Rules, Scenario, SettlementPeriod, WorkingTimeSystem

from .common import WARN_STYLE, EditRefused, StatusLabel, fmt_date, parse_date

#: rule ids of ARCHITECTURE.md with their legal sources (labour-law.md ids); shown translated
RULE_SOURCES: dict[str, str] = {
    "coverage": QT_TRANSLATE_NOOP("RulesEditor", "WH-06 · 国办发〔2020〕53号 7×24"),
    "one_shift_per_day": QT_TRANSLATE_NOOP("RulesEditor", "班次归属开始日期（产品规则）"),
    "approved_leave": "PG-03 · AL-01",
    "unavailable_slots": QT_TRANSLATE_NOOP("RulesEditor", "员工登记的不可排班时段（产品规则）"),
    "employment_dates": QT_TRANSLATE_NOOP("RulesEditor", "劳动合同法"),
    "shift_skills": QT_TRANSLATE_NOOP("RulesEditor", "合同岗位要求"),
    "night_work_ban": "NW-01 · PG-01 · PG-02 · PG-07",
    "min_rest_between_shifts": "RB-01 · RB-02",
    "weekly_rest_day": QT_TRANSLATE_NOOP("RulesEditor", "WH-03 · 劳动法第38条"),
    "max_consecutive_days": "RB-03 · HD-03",
    "max_daily_hours": QT_TRANSLATE_NOOP("RulesEditor", "OT-02 · CH-06 · 劳动法第41条"),
    "overtime_cap": "OT-03 · CH-07 · PG-01/02",
}


def _citation(rule_id: str | None, fallback: str) -> str:
    """The validator's legal source of ``rule_id`` in the UI language (``fallback`` for a setting without a rule)."""
    from roster.validator import RULES, source_text

    from ..i18n import current_language

    info = RULES.get(rule_id or "")
    return source_text(info.source, current_language()) if info else fallback


def approval_problems(rules: Rules, first: dt.date, last: dt.date) -> list[str]:
    """Why the 综合 approval is not valid for [first, last]; empty when standard hours are used or all is well."""
    if rules.working_time_system != WorkingTimeSystem.COMPREHENSIVE:
        return []

    a = rules.approval
    out: list[str] = []
    if not a.number.strip():
        out.append(QCoreApplication.translate("RulesEditor", "未填写审批文号"))
    if a.valid_from is None or a.valid_to is None:
        out.append(QCoreApplication.translate("RulesEditor", "未填写审批有效期"))
    else:
        if a.valid_from > first or a.valid_to < last:
            out.append(
                QCoreApplication.translate("RulesEditor", "审批有效期 %1 至 %2 未覆盖排班期 %3 至 %4")
                .replace("%1", fmt_date(a.valid_from))
                .replace("%2", fmt_date(a.valid_to))
                .replace("%3", fmt_date(first))
                .replace("%4", fmt_date(last))
            )
    return out


class RulesEditor(QWidget):
    scenarioChanged = Signal(object)

    def __init__(self, scenario: Scenario, parent: QWidget | None = None, *, period: tuple[dt.date, dt.date] | None = None) -> None:
        super().__init__(parent)
        from roster.sample import CONTRACT_END, CONTRACT_START

        self._scenario = scenario
        self._period = period or (CONTRACT_START, CONTRACT_END)
        self._loading = False
        self.switches: dict[str, QCheckBox] = {}
        self.status = StatusLabel(self)
        self.banner = QLabel(self)
        self.banner.setObjectName("approvalBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(WARN_STYLE)

        # --- widgets -----------------------------------------------------------------------
        self.system = QComboBox(self)
        self.system.addItem(self.tr("综合计算工时制（需审批）"), WorkingTimeSystem.COMPREHENSIVE)
        self.system.addItem(self.tr("标准工时制"), WorkingTimeSystem.STANDARD)
        self.settlement = QComboBox(self)
        for value, label in (
            (SettlementPeriod.WEEK, self.tr("周")),
            (SettlementPeriod.MONTH, self.tr("月")),
            (SettlementPeriod.QUARTER, self.tr("季")),
            (SettlementPeriod.YEAR, self.tr("年")),
        ):
            self.settlement.addItem(label, value)
        self.std_method = QComboBox(self)
        self.std_method.addItem(self.tr("按日历：工作日 × 8 小时"), "calendar")
        self.std_method.addItem(self.tr("按月平均：165.33 小时"), "average")
        self.min_rest = self._dspin(0, 24, 0.5, self.tr(" 小时"))
        self.max_consecutive = self._spin(1, 13, self.tr(" 天"))
        self.rest_days = self._spin(1, 3, self.tr(" 天"))
        self.daily_hours = self._dspin(4, 24, 0.5, self.tr(" 小时"))
        self.overtime_cap = self._dspin(0, 72, 1, self.tr(" 小时"))
        self.night_from = QTimeEdit(self)
        self.night_to = QTimeEdit(self)
        for w in (self.night_from, self.night_to):
            w.setDisplayFormat("HH:mm")
        self.holiday_in_total = QCheckBox(self.tr("法定节假日工时同时计入 150% 加班工资（加班上限不重复计）"), self)
        self.leave_attended = QCheckBox(self.tr("带薪假日按出勤 8 小时抵扣标准工时"), self)
        self.makeup_class = QComboBox(self)
        self.makeup_class.addItem(self.tr("休息日（200% 或调休）"), "rest")
        self.makeup_class.addItem(self.tr("法定节假日（300%）"), "holiday")
        self.approval_number = QLineEdit(self)
        self.approval_number.setPlaceholderText(self.tr("例如 京西人社综审字〔2026〕12号"))
        self.approval_from = QLineEdit(self)
        self.approval_to = QLineEdit(self)
        for w in (self.approval_from, self.approval_to):
            w.setPlaceholderText("YYYY-MM-DD")
            w.setMaximumWidth(140)

        # --- layout ------------------------------------------------------------------------
        content = QWidget(self)
        col = QVBoxLayout(content)
        col.addWidget(self.banner)
        g = self._group(col, self.tr("工时制度"))
        self._row(g, None, self.tr("工时制度"), self.system, "WH-05 · CH-01 · CH-04")
        self._row(g, None, self.tr("结算周期"), self.settlement, "CH-01")
        self._row(g, None, self.tr("标准工时算法"), self.std_method, "MD-01 · CH-08")
        self._row(g, None, self.tr("调休/补假休息日类别"), self.makeup_class, "HD-05 · HD-06")
        self._row(g, None, self.tr("请假与标准工时"), self.leave_attended, "AL-01 · AL-02 · AL-03")
        g = self._group(col, self.tr("休息"))
        self._row(g, "min_rest_between_shifts", self.tr("两班之间最少休息"), self.min_rest, RULE_SOURCES["min_rest_between_shifts"])
        self._row(g, "weekly_rest_day", self.tr("每 7 天至少休息"), self.rest_days, RULE_SOURCES["weekly_rest_day"])
        self._row(g, "max_consecutive_days", self.tr("最多连续工作"), self.max_consecutive, RULE_SOURCES["max_consecutive_days"])
        g = self._group(col, self.tr("工时与加班"))
        self._row(g, "max_daily_hours", self.tr("每日最长工时"), self.daily_hours, RULE_SOURCES["max_daily_hours"])
        self._row(g, "overtime_cap", self.tr("每月加班上限"), self.overtime_cap, RULE_SOURCES["overtime_cap"])
        self._row(g, None, self.tr("节假日工时"), self.holiday_in_total, "PAY-03 · PAY-05")
        g = self._group(col, self.tr("夜间工作"))
        night = QWidget(self)
        nl = QHBoxLayout(night)
        nl.setContentsMargins(0, 0, 0, 0)
        nl.addWidget(self.night_from)
        nl.addWidget(QLabel("—", self))
        nl.addWidget(self.night_to)
        nl.addStretch(1)
        self._row(g, "night_work_ban", self.tr("夜间时段（孕期/哺乳期/未成年/不可夜班者禁排）"), night, RULE_SOURCES["night_work_ban"])
        g = self._group(col, self.tr("综合计算工时审批"))
        self._row(g, None, self.tr("审批文号"), self.approval_number, "CH-04 · CH-05")
        self._row(g, None, self.tr("有效期自"), self.approval_from, "CH-09")
        self._row(g, None, self.tr("有效期至"), self.approval_to, "CH-09")
        g = self._group(col, self.tr("其他规则"))
        self._row(g, "coverage", self.tr("满足每半小时需求人数"), None, RULE_SOURCES["coverage"])
        self._row(g, "one_shift_per_day", self.tr("每天最多一个班次"), None, RULE_SOURCES["one_shift_per_day"])
        self._row(g, "approved_leave", self.tr("已批准的假期不排班"), None, RULE_SOURCES["approved_leave"])
        self._row(g, "unavailable_slots", self.tr("登记的不可排班时段不排班"), None, RULE_SOURCES["unavailable_slots"])
        self._row(g, "employment_dates", self.tr("入职前/离职后不排班"), None, RULE_SOURCES["employment_dates"])
        self._row(g, "shift_skills", self.tr("班次所需技能"), None, RULE_SOURCES["shift_skills"])
        col.addStretch(1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)

        self._load(scenario.rules)
        for w in (self.system, self.settlement, self.std_method, self.makeup_class):
            w.currentIndexChanged.connect(self._changed)
        for w in (self.min_rest, self.max_consecutive, self.rest_days, self.daily_hours, self.overtime_cap):
            w.valueChanged.connect(self._changed)
        for w in (self.night_from, self.night_to):
            w.timeChanged.connect(self._changed)
        for w in (self.holiday_in_total, self.leave_attended, *self.switches.values()):
            w.toggled.connect(self._changed)
        for w in (self.approval_number, self.approval_from, self.approval_to):
            w.editingFinished.connect(self._changed)

    # --- public API -----------------------------------------------------------------------
    def scenario(self) -> Scenario:
        return self._scenario

    def set_scenario(self, scenario: Scenario) -> None:
        self._scenario = scenario
        self._load(scenario.rules)

    def set_period(self, first: dt.date, last: dt.date) -> None:
        self._period = (first, last)
        self._update_banner(self._scenario.rules)

    # --- building ----------------------------------------------------------------------------
    def _spin(self, lo: int, hi: int, suffix: str) -> QSpinBox:
        w = QSpinBox(self)
        w.setRange(lo, hi)
        w.setSuffix(suffix)
        return w

    def _dspin(self, lo: float, hi: float, step: float, suffix: str) -> QDoubleSpinBox:
        w = QDoubleSpinBox(self)
        w.setRange(lo, hi)
        w.setSingleStep(step)
        w.setDecimals(1)
        w.setSuffix(suffix)
        return w

    def _group(self, col: QVBoxLayout, title: str) -> QGridLayout:
        box = QGroupBox(title, self)
        grid = QGridLayout(box)
        grid.setColumnStretch(3, 1)
        grid.setColumnMinimumWidth(1, 260)
        col.addWidget(box)
        return grid

    def _row(self, grid: QGridLayout, rule_id: str | None, label: str, widget: QWidget | None, source: str) -> None:
        r = grid.rowCount()
        if rule_id:
            box = QCheckBox(label, self)
            box.setToolTip(self.tr("取消勾选则停用此规则（求解和校验都不再检查）"))
            box.setObjectName(f"enable_{rule_id}")
            self.switches[rule_id] = box
            grid.addWidget(box, r, 0, 1, 2)
        else:
            grid.addWidget(QLabel(label, self), r, 0, 1, 2)
        if widget is not None:
            if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
                widget.setMinimumWidth(120)
                widget.setMaximumWidth(160)
            elif isinstance(widget, (QComboBox, QLineEdit)) and widget.maximumWidth() > 400:
                widget.setMinimumWidth(300)
            grid.addWidget(widget, r, 2)
        text = QCoreApplication.translate("RulesEditor", source)
        src = QLabel(text, self)
        src.setStyleSheet("color: #37474F; background: #ECEFF1; padding: 1px 6px; border-radius: 3px;")
        # wraps instead of widening the page: English sources ran off the right edge at 1366 px (GUI review)
        src.setWordWrap(True)
        src.setMaximumWidth(230)
        # the full citation the validator gives (the badge's ids are labour-law.md's, a document the user lacks)
        src.setToolTip(self.tr("法律依据") + self.tr("：") + _citation(rule_id, text))
        grid.addWidget(src, r, 4)

    def _load(self, rules: Rules) -> None:
        self._loading = True
        try:
            self.system.setCurrentIndex(self.system.findData(rules.working_time_system))
            self.settlement.setCurrentIndex(self.settlement.findData(rules.settlement_period))
            self.std_method.setCurrentIndex(max(0, self.std_method.findData(rules.standard_hours_method)))
            self.makeup_class.setCurrentIndex(max(0, self.makeup_class.findData(rules.makeup_rest_day_class)))
            self.min_rest.setValue(rules.min_rest_hours)
            self.max_consecutive.setValue(rules.max_consecutive_days)
            self.rest_days.setValue(rules.min_rest_days_per_week)
            self.daily_hours.setValue(rules.max_daily_hours)
            self.overtime_cap.setValue(rules.max_overtime_hours_per_month)
            a, b = rules.night_window
            self.night_from.setTime(QTime(a // 60 % 24, a % 60))
            self.night_to.setTime(QTime(b // 60 % 24, b % 60))
            self.holiday_in_total.setChecked(rules.holiday_hours_in_period_total)
            self.leave_attended.setChecked(rules.leave_counts_as_attended)
            self.approval_number.setText(rules.approval.number)
            self.approval_from.setText(fmt_date(rules.approval.valid_from))
            self.approval_to.setText(fmt_date(rules.approval.valid_to))
            for rule_id, box in self.switches.items():
                box.setChecked(rule_id not in rules.disabled)
        finally:
            self._loading = False
        self._update_banner(rules)

    def rules_from_widgets(self) -> Rules:
        """Rules from the widgets; raises EditRefused for impossible or inconsistent values."""
        old = self._scenario.rules
        nf = self.night_from.time()
        nt = self.night_to.time()
        night = (nf.hour() * 60 + nf.minute(), nt.hour() * 60 + nt.minute())
        if night[0] == night[1]:
            raise EditRefused(self.tr("夜间时段的开始和结束不能相同"))
        valid_from = parse_date(self.approval_from.text(), allow_empty=True)
        valid_to = parse_date(self.approval_to.text(), allow_empty=True)
        if valid_from and valid_to and valid_to < valid_from:
            raise EditRefused(
                self.tr("审批有效期结束 %1 早于开始 %2").replace("%1", fmt_date(valid_to)).replace("%2", fmt_date(valid_from))
            )
        disabled = frozenset(r for r, box in self.switches.items() if not box.isChecked())
        # rule ids not shown here stay as they were
        disabled |= frozenset(r for r in old.disabled if r not in self.switches)
        return replace(
            old,
            working_time_system=WorkingTimeSystem(self.system.currentData()),
            settlement_period=SettlementPeriod(self.settlement.currentData()),
            standard_hours_method=str(self.std_method.currentData()),
            makeup_rest_day_class=str(self.makeup_class.currentData()),
            min_rest_hours=self.min_rest.value(),
            max_consecutive_days=self.max_consecutive.value(),
            min_rest_days_per_week=self.rest_days.value(),
            max_daily_hours=self.daily_hours.value(),
            max_overtime_hours_per_month=self.overtime_cap.value(),
            night_window=night,
            holiday_hours_in_period_total=self.holiday_in_total.isChecked(),
            leave_counts_as_attended=self.leave_attended.isChecked(),
            approval=Approval(self.approval_number.text().strip(), valid_from, valid_to),
            disabled=disabled,
        )

    def _changed(self, *_args: object) -> None:
        if self._loading:
            return
        try:
            rules = self.rules_from_widgets()
        except EditRefused as exc:
            self.status.show_error(str(exc))
            self._load(self._scenario.rules)  # the saved value stays; the typed one is refused
            return
        self.status.clear_message()
        self._update_banner(rules)
        if rules != self._scenario.rules:
            self._scenario = replace(self._scenario, rules=rules)
            self.scenarioChanged.emit(self._scenario)

    def _update_banner(self, rules: Rules) -> None:
        problems = approval_problems(rules, *self._period)
        if problems:
            self.banner.setText(
                self.tr("警告（CH-04）：综合计算工时制须经劳动行政部门审批，目前审批无效：%1。排班和规则检查已按标准工时制处理（每日上限 11 小时，按月结算）。")
                .replace("%1", "；".join(problems))
            )
            self.banner.show()
        else:
            self.banner.hide()
