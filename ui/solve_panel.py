"""Solve panel: time limit, live progress (objective, bound, gap, elapsed), Cancel, objective terms
after a solve, and the infeasibility explanation with one button per suggested fix."""

from __future__ import annotations

import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QCommandLinkButton,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

TERM_LABELS = {
    "under_cover": QT_TRANSLATE_NOOP("SolvePanel", "缺人"),
    "over_cover": QT_TRANSLATE_NOOP("SolvePanel", "超员"),
    "overtime_150": QT_TRANSLATE_NOOP("SolvePanel", "工作日加班（150%）"),
    "overtime_300": QT_TRANSLATE_NOOP("SolvePanel", "节假日加班（300%）"),
    "overtime": QT_TRANSLATE_NOOP("SolvePanel", "加班"),
    "fair_nights": QT_TRANSLATE_NOOP("SolvePanel", "夜班公平"),
    "fair_weekends": QT_TRANSLATE_NOOP("SolvePanel", "周末公平"),
    "fair_holidays": QT_TRANSLATE_NOOP("SolvePanel", "节假日公平"),
    "fair_hours": QT_TRANSLATE_NOOP("SolvePanel", "工时公平"),
    "wishes": QT_TRANSLATE_NOOP("SolvePanel", "个人意愿未满足"),
    "isolated_days": QT_TRANSLATE_NOOP("SolvePanel", "零散上班/休息日"),
    "changes": QT_TRANSLATE_NOOP("SolvePanel", "与上一版的改动"),
}

#: terms the solver counts in half-hours: the panel shows hours (value / 2); their weight stays per half-hour
HALF_HOUR_TERMS = frozenset({"under_cover", "over_cover", "overtime_150", "overtime_300", "fair_hours"})
#: the unit shown after each term's value (GUI review #13: "节假日加班 112" meant 112 half-hours, i.e. 56 h)
TERM_UNIT_LABELS = {
    "under_cover": QT_TRANSLATE_NOOP("SolvePanel", "人·小时"),
    "over_cover": QT_TRANSLATE_NOOP("SolvePanel", "人·小时"),
    "overtime_150": QT_TRANSLATE_NOOP("SolvePanel", "小时"),
    "overtime_300": QT_TRANSLATE_NOOP("SolvePanel", "小时"),
    "fair_nights": QT_TRANSLATE_NOOP("SolvePanel", "班"),
    "fair_weekends": QT_TRANSLATE_NOOP("SolvePanel", "天"),
    "fair_holidays": QT_TRANSLATE_NOOP("SolvePanel", "天"),
    "fair_hours": QT_TRANSLATE_NOOP("SolvePanel", "小时"),
    "isolated_days": QT_TRANSLATE_NOOP("SolvePanel", "次"),
    "changes": QT_TRANSLATE_NOOP("SolvePanel", "格"),
}
#: what each term measures, for the team lead (the tooltips used to show internal ids and mixed languages)
TERM_TIPS = {
    "under_cover": QT_TRANSLATE_NOOP("SolvePanel", "需求未被覆盖的人·小时：每缺 1 人 1 小时计 1"),
    "over_cover": QT_TRANSLATE_NOOP("SolvePanel", "超出需求的在岗人·小时"),
    "overtime_150": QT_TRANSLATE_NOOP("SolvePanel", "超出标准工时的加班小时（按 150% 计发）"),
    "overtime_300": QT_TRANSLATE_NOOP("SolvePanel", "法定节假日的工作小时（按 300% 计发）"),
    "fair_nights": QT_TRANSLATE_NOOP("SolvePanel", "可比员工之间夜班数最多与最少之差（含历史）"),
    "fair_weekends": QT_TRANSLATE_NOOP("SolvePanel", "可比员工之间周末班数最多与最少之差（含历史）"),
    "fair_holidays": QT_TRANSLATE_NOOP("SolvePanel", "可比员工之间节假日班数最多与最少之差（含历史）"),
    "fair_hours": QT_TRANSLATE_NOOP("SolvePanel", "可比员工之间有薪工时最多与最少之差（请假按工时计入）"),
    "wishes": QT_TRANSLATE_NOOP("SolvePanel", "未满足的个人意愿的权重之和"),
    "isolated_days": QT_TRANSLATE_NOOP("SolvePanel", "前后都休息的单个上班日与前后都上班的单个休息日的次数"),
    "changes": QT_TRANSLATE_NOOP("SolvePanel", "与上一版排班相比改动的格数"),
}

STATUS_LABELS = {
    "OPTIMAL": QT_TRANSLATE_NOOP("SolvePanel", "最优"),
    "FEASIBLE": QT_TRANSLATE_NOOP("SolvePanel", "可行（未证明最优）"),
    "INFEASIBLE": QT_TRANSLATE_NOOP("SolvePanel", "无合法排班"),
    "MODEL_INVALID": QT_TRANSLATE_NOOP("SolvePanel", "模型错误"),
    "UNKNOWN": QT_TRANSLATE_NOOP("SolvePanel", "未找到解"),
    "CANCELLED": QT_TRANSLATE_NOOP("SolvePanel", "已取消"),
    # a cancelled job that found rosters: its best so far was applied, or the roster already there was kept
    "CANCELLED_BEST": QT_TRANSLATE_NOOP("SolvePanel", "已取消：目前最好的排班（未优化完成）"),
    "CANCELLED_KEPT": QT_TRANSLATE_NOOP("SolvePanel", "已取消：保留原排班"),
}

#: statuses whose progress bar is drawn in amber (no roster, or not the finished search)
_WARN_STATUSES = {"INFEASIBLE", "MODEL_INVALID", "UNKNOWN", "CANCELLED", "CANCELLED_BEST", "CANCELLED_KEPT"}
_WARN_BAR = "QProgressBar::chunk { background: #E0A030; }"


class RosterPreview(QWidget):
    """Best-so-far roster as a compact colour strip (people × days), painted in one pass: cheap
    enough to refresh on every improving solution while the solver runs."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterPreview")
        self.setMinimumHeight(64)
        self.setMaximumHeight(80)
        self._rows: list[list[QColor | None]] = []
        self._colors: dict[str, QColor] = {}

    def set_roster(self, scenario, roster) -> None:
        colors = {s.code: QColor(s.color) for s in scenario.shifts}
        by = {(a.staff, a.date): a.shift for a in roster.assignments}
        dates = roster.dates()
        self._rows = [[colors.get(by.get((p.id, d), ""), None) for d in dates] for p in scenario.staff if p.active]
        self.update()

    def clear(self) -> None:
        self._rows = []
        self.update()

    def is_empty(self) -> bool:
        return not self._rows

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#FFFFFF"))
        if not self._rows:
            p.setPen(QColor("#888888"))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("当前最优解预览"))
            p.end()
            return
        n_r, n_c = len(self._rows), max(1, len(self._rows[0]))
        cw, ch = self.width() / n_c, self.height() / n_r
        off = QColor("#F1F1F1")
        for i, row in enumerate(self._rows):
            for j, col in enumerate(row):
                p.fillRect(QRectF(j * cw + 0.5, i * ch + 0.5, cw - 1, ch - 1), col or off)
        p.end()


def _fmt(x) -> str:
    if x is None:
        return "–"
    try:
        xf = float(x)
    except (TypeError, ValueError):
        return str(x)
    if abs(xf) >= 1e15:
        return "–"
    return f"{xf:,.0f}" if abs(xf) >= 100 or xf.is_integer() else f"{xf:,.2f}"


def _gap(x) -> str:
    if x is None:
        return "–"
    try:
        g = float(x) * 100 if float(x) <= 1.0 else float(x)
        return "<0.1%" if 0 < g < 0.05 else f"{g:.1f}%"  # not "0.0%" beside "未证明最优"
    except (TypeError, ValueError):
        return str(x)


class SolvePanel(QWidget):
    solveRequested = Signal()
    cancelRequested = Signal()
    reoptimiseRequested = Signal()
    fixChosen = Signal(object)  # a solver.explain Fix

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("solvePanel")
        self.setMinimumWidth(330)
        self._limit = 30.0
        self._t0 = 0.0
        self._running = False
        self._fix_buttons: list[QPushButton] = []
        self.lang = "zh"

        self.time_limit = QSpinBox(self)
        self.time_limit.setObjectName("timeLimit")
        self.time_limit.setRange(1, 3600)
        self.time_limit.setValue(30)
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 1_000_000)
        self.preview = QCheckBox(self)
        self.preview.setChecked(False)  # the strip below always previews; the big grid only on request
        self.preview_strip = RosterPreview(self)
        self.solve_button = QPushButton(self)
        self.solve_button.setObjectName("solveButton")
        self.reopt_button = QPushButton(self)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setEnabled(False)
        self.solve_button.clicked.connect(self.solveRequested)
        self.reopt_button.clicked.connect(self.reoptimiseRequested)
        self.cancel_button.clicked.connect(self.cancelRequested)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("solveProgress")
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.progress.setFormat("")
        self.progress.hide()  # an empty bar reads as an input box: shown from the first solve on
        self.status_label = QLabel("–", self)
        self.status_label.setObjectName("solveStatus")
        self.status_label.setWordWrap(True)
        self.objective_label = QLabel("–", self)
        self.bound_label = QLabel("–", self)
        self.gap_label = QLabel("–", self)
        self.elapsed_label = QLabel("–", self)
        self.solutions_label = QLabel("–", self)
        for lab in (self.objective_label, self.bound_label, self.gap_label, self.elapsed_label, self.solutions_label):
            lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.terms = QTableWidget(0, 3, self)
        self.terms.setObjectName("termsTable")
        self.terms.verticalHeader().setVisible(False)
        self.terms.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.terms.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.terms.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.terms.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.terms.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)

        # the explanation tab scrolls as a whole: text first, then one button per fix
        self.explain_box = QScrollArea(self)
        self.explain_box.setObjectName("explainBox")
        self.explain_box.setWidgetResizable(True)
        self.explain_box.setFrameShape(QFrame.Shape.NoFrame)
        # the text wraps to the dock's width: never a sideways scroll bar over the last line (GUI review #13)
        self.explain_box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget(self.explain_box)
        self.explain_title = QLabel(inner)
        self.explain_title.setWordWrap(True)
        self.explain_title.setStyleSheet("font-weight: bold; color: #B3261E;")
        self.explanation = QLabel(inner)
        self.explanation.setObjectName("explanation")
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.fix_area = QVBoxLayout()
        ebl = QVBoxLayout(inner)
        ebl.setContentsMargins(6, 6, 6, 6)
        ebl.addWidget(self.explain_title)
        ebl.addWidget(self.explanation)
        ebl.addLayout(self.fix_area)
        ebl.addStretch(1)
        self.explain_box.setWidget(inner)
        self._infeasible = False

        self.settings_box = QGroupBox(self)
        form = QFormLayout(self.settings_box)
        self._limit_label = QLabel(self)
        self._seed_label = QLabel(self)
        # time limit and seed share a row: at 1366×768 the terms table below needs the height (GUI review)
        row = QHBoxLayout()
        row.addWidget(self.time_limit, 3)
        row.addWidget(self._seed_label)
        row.addWidget(self.seed, 2)
        form.addRow(self._limit_label, row)
        form.addRow(self.preview)
        buttons = QHBoxLayout()
        buttons.addWidget(self.solve_button)
        buttons.addWidget(self.cancel_button)
        self.progress_box = QGroupBox(self)
        pf = QGridLayout(self.progress_box)
        pf.setHorizontalSpacing(10)
        pf.setVerticalSpacing(4)
        self._labels = [QLabel(self) for _ in range(6)]
        pf.addWidget(self._labels[0], 0, 0)
        pf.addWidget(self.status_label, 0, 1, 1, 3)
        for k, (lab, val) in enumerate(((self._labels[1], self.objective_label), (self._labels[2], self.bound_label),
                                        (self._labels[3], self.gap_label), (self._labels[4], self.elapsed_label),
                                        (self._labels[5], self.solutions_label))):
            r, c = 1 + k // 2, (k % 2) * 2
            pf.addWidget(lab, r, c)
            pf.addWidget(val, r, c + 1)
        pf.setColumnStretch(1, 1)
        pf.setColumnStretch(3, 1)
        self.terms_box = QWidget(self)
        tl = QVBoxLayout(self.terms_box)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.terms)
        self.details = QTabWidget(self)
        self.details.setObjectName("solveDetails")
        self.details.addTab(self.terms_box, "")
        self.details.addTab(self.explain_box, "")
        self.details.setTabEnabled(1, False)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.settings_box)
        lay.addLayout(buttons)
        lay.addWidget(self.reopt_button)
        lay.addWidget(self.progress)
        lay.addWidget(self.progress_box)
        # period alerts (roster.alerts): standard-system fallback without a 综合 approval, estimated holidays
        self.alerts_label = QLabel(self)
        self.alerts_label.setObjectName("solveAlerts")
        self.alerts_label.setWordWrap(True)
        self.alerts_label.setStyleSheet(
            "QLabel { color: #5D4037; background: #FFF3CD; padding: 6px 8px; border: 1px solid #E0C36A; }")
        self.alerts_label.hide()
        lay.addWidget(self.alerts_label)
        lay.addWidget(self.preview_strip)
        self.preview_strip.hide()  # only while a search runs: afterwards the grid shows the roster itself
        lay.addWidget(self.details, 1)

        self._tick = QTimer(self)
        self._tick.setInterval(200)
        self._tick.timeout.connect(self._update_elapsed)
        self.retranslate()

    # ---- texts -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.time_limit.setSuffix(self.tr(" 秒"))
        self._limit_label.setText(self.tr("时间上限"))
        self._seed_label.setText(self.tr("随机种子"))
        self.preview.setText(self.tr("求解时在排班表中显示当前最优解"))
        self.elapsed_label.setToolTip(self.tr(
            "求解按确定性时间停止（同一输入与种子得到同一排班），机器繁忙时实际用时可能超过上限，最多约 1.5 倍"))
        self.preview_strip.setToolTip(self.tr("当前最优解预览（每行一人，每列一天，颜色为班次）"))
        tips = (self.tr("排班的总代价：缺人、加班、不公平、意愿未满足等各项按权重相加，越小越好（见“目标各项”）"),
                self.tr("已证明任何合法排班的总代价都不会低于此值"),
                self.tr("目标值与下界的相对差：0% 表示已证明最优"))
        for lab, val, tip in zip(self._labels[1:4], (self.objective_label, self.bound_label, self.gap_label), tips,
                                 strict=True):
            lab.setToolTip(tip)
            val.setToolTip(tip)
        self._seed_label.setToolTip(self.tr("同一数据与同一种子总得到同一排班；换一个种子可得到另一份同样合法的排班"))
        self.seed.setToolTip(self._seed_label.toolTip())
        self.solve_button.setText(self.tr("开始求解 (F5)"))
        self.cancel_button.setText(self.tr("取消"))
        self.reopt_button.setText(self.tr("重新优化其余（保留锁定）"))
        self.settings_box.setTitle(self.tr("求解设置"))
        self.progress_box.setTitle(self.tr("求解进度"))
        self.details.setTabText(0, self.tr("目标各项"))
        self.details.setTabText(1, self.tr("原因与建议"))
        self.explain_title.setText(self.tr("无合法排班：原因与修改建议") if self._infeasible
                                   else self.tr("仍有时段缺人：原因与修改建议"))
        texts = (self.tr("状态"), self.tr("目标值"), self.tr("下界"), self.tr("差距"), self.tr("用时"), self.tr("已找到解"))
        for lab, text in zip(self._labels, texts, strict=True):
            lab.setText(text)
        self.terms.setHorizontalHeaderLabels([self.tr("项目"), self.tr("值"), self.tr("权重")])
        # what is already on screen follows the new language too
        last = getattr(self, "_last_terms", None)
        if last is not None:
            self.show_terms(*last)
        status = getattr(self, "_last_status", None)
        short = getattr(self, "_last_short", 0.0)
        if status is not None:  # the bar too, also once the result is stale (GUI review #13: stayed Chinese)
            self.progress.setFormat(self._bar_text(status, short))
        if getattr(self, "_stale", False):
            self.status_label.setText(self.tr("已手动修改：以上结果已过期（按 F5 重新求解）"))
        elif status is not None:
            self.status_label.setText(self._status_text(status, short))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- running state ---------------------------------------------------------------------
    def set_running(self, running: bool, what: str = "") -> None:
        starting = running and not getattr(self, "_running", False)
        self._running = running
        self.solve_button.setEnabled(not running)
        self.reopt_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.time_limit.setEnabled(not running)
        self.seed.setEnabled(not running)
        for b in self._fix_buttons:
            b.setEnabled(not running)
        if starting:
            # what the panel showed before: a cancelled job that does not replace the roster shows it again
            self._before_run = ([lab.text() for lab in (self.objective_label, self.bound_label, self.gap_label,
                                                        self.elapsed_label, self.solutions_label)],
                                getattr(self, "_last_terms", None), getattr(self, "_stale", False))
            self._limit = float(self.time_limit.value())
            self._t0 = time.monotonic()
        self.preview_strip.setVisible(running)
        if running:
            self.progress.show()
            self.progress.setStyleSheet("")
            self._last_status, self._stale, self._last_short = None, False, 0.0
            self.progress.setValue(0)
            self.status_label.setText(what or self.tr("求解中…"))
            for lab in (self.objective_label, self.bound_label, self.gap_label, self.solutions_label):
                lab.setText("–")
            self.clear_explanation()
            self.preview_strip.clear()
            self._tick.start()
            self._update_elapsed()
        else:
            self._tick.stop()

    def is_running(self) -> bool:
        return self._running

    def set_total_limit(self, seconds: float) -> None:
        """The running job's whole time budget (a long period: the limit per month × its months)."""
        self._limit = float(seconds)

    def show_cancelled(self, result, kept: bool) -> None:
        """A job cancelled after it found rosters: ``kept`` — the roster already in the grid stays and so do its
        figures; otherwise the best roster so far was applied (its figures are shown by :meth:`show_result`)."""
        if kept:
            texts, terms, stale = getattr(self, "_before_run", ([], None, False))
            for lab, text in zip((self.objective_label, self.bound_label, self.gap_label, self.elapsed_label,
                                  self.solutions_label), texts, strict=False):
                lab.setText(text)
            if terms is not None:
                self.show_terms(*terms)
            self._stale = stale
        self._last_status, self._last_short = ("CANCELLED_KEPT" if kept else "CANCELLED_BEST"), 0.0
        label = self.tr(STATUS_LABELS[self._last_status])
        self.status_label.setText(label)
        self.progress.setValue(1000)
        self.progress.setFormat(label)
        self.progress.setStyleSheet(_WARN_BAR)

    def _update_elapsed(self) -> None:
        el = time.monotonic() - self._t0
        self.elapsed_label.setText(f"{el:.1f} s")
        # deterministic solves stop on CP-SAT's deterministic clock, so wall time may pass the limit
        frac = min(0.99, el / self._limit) if self._limit > 0 else 0.0
        self.progress.setValue(int(frac * 1000))
        self.progress.setFormat(self.tr("已用") + f" {el:.0f} / {self._limit:.0f} " + self.tr("秒"))

    def show_progress(self, p) -> None:
        self.objective_label.setText(_fmt(getattr(p, "objective", None)))
        self.bound_label.setText(_fmt(getattr(p, "bound", None)))
        self.gap_label.setText(_gap(getattr(p, "gap", None)))
        sols = getattr(p, "solutions", None)
        if sols is not None:
            self.solutions_label.setText(str(sols))
        if getattr(p, "objective", None) is not None:
            self.status_label.setText(self.tr("求解中… 已有可行解"))

    def show_result(self, result, info: dict | None = None) -> None:
        for label in (self.objective_label, self.bound_label, self.gap_label):
            label.setEnabled(True)
        self._stale = False
        status = str(getattr(result, "status", "") or "")
        self._last_status = status
        short = float((getattr(result, "terms", None) or {}).get("under_cover") or 0)  # person × half-hours
        self._last_short = short
        label = self._status_text(status, short)
        self.status_label.setText(label)
        self.objective_label.setText(_fmt(getattr(result, "objective", None)))
        self.bound_label.setText(_fmt(getattr(result, "bound", None)))
        self.gap_label.setText(_gap(getattr(result, "gap", None)))
        secs = getattr(result, "seconds", None)
        if secs is not None:
            self.elapsed_label.setText(f"{float(secs):.1f} s")
        self.progress.setValue(1000)
        self.progress.setFormat(self._bar_text(status, short))
        self.progress.setStyleSheet(_WARN_BAR if status in _WARN_STATUSES or short > 0 else "")
        info = info or {}
        self.show_terms(getattr(result, "terms", None) or {}, info.get("weights"), info.get("units"))

    def _status_text(self, status: str, short: float = 0.0) -> str:
        label = self.tr(STATUS_LABELS.get(status, status or "完成"))
        if short > 0 and status in ("OPTIMAL", "FEASIBLE"):
            # a roster came back, but not a full cover: never a plain "可行" on a blue bar (GUI review M5)
            label = self.tr("%1，但有 %2 人·小时未覆盖（见“原因与建议”）").replace("%1", label).replace(
                "%2", f"{short / 2:g}")
        return label

    def _bar_text(self, status: str, short: float) -> str:
        """The progress bar's short form of :meth:`_status_text` (the bar is one line wide)."""
        if short > 0 and status in ("OPTIMAL", "FEASIBLE"):
            return self.tr("有缺口：%1 人·小时未覆盖").replace("%1", f"{short / 2:g}")
        return self.tr(STATUS_LABELS.get(status, status or "完成"))

    def mark_stale(self) -> None:
        """The roster was edited after the last solve: its figures no longer describe the grid."""
        if self.objective_label.text() in ("", "–"):
            return  # nothing shown yet
        self._stale = True
        self.status_label.setText(self.tr("已手动修改：以上结果已过期（按 F5 重新求解）"))
        for label in (self.objective_label, self.bound_label, self.gap_label):
            label.setEnabled(False)

    def mark_fresh(self) -> None:
        """The grid is the last solve's again (undo/redo): its figures describe it."""
        if not getattr(self, "_stale", False):
            return
        self._stale = False
        for label in (self.objective_label, self.bound_label, self.gap_label):
            label.setEnabled(True)
        status = getattr(self, "_last_status", None)
        if status is not None:
            self.status_label.setText(self._status_text(status, getattr(self, "_last_short", 0.0)))

    def show_alerts(self, alerts: list[str]) -> None:
        """Show the period's alerts (already in the UI language) above the result; hidden when there are none."""
        self.alerts_label.setText("\n".join(f"⚠ {a}" for a in alerts))
        self.alerts_label.setVisible(bool(alerts))

    def show_terms(self, terms: dict, weights: dict | None = None, units: dict | None = None) -> None:
        self._last_terms = (dict(terms), weights, units)
        self.terms.setRowCount(0)
        for name, value in terms.items():
            r = self.terms.rowCount()
            self.terms.insertRow(r)
            item = QTableWidgetItem(self.tr(TERM_LABELS.get(name, name)))
            tip = self.tr(TERM_TIPS[name]) if name in TERM_TIPS else ""
            item.setToolTip(tip)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.terms.setItem(r, 0, item)
            if isinstance(value, dict):  # tolerate {"value": v, "weight": w}
                value = value.get("value", value.get("weighted"))
            shown = value
            if name in HALF_HOUR_TERMS and isinstance(value, int | float):
                shown = value / 2
            unit = self.tr(TERM_UNIT_LABELS[name]) if name in TERM_UNIT_LABELS else ""
            vi = QTableWidgetItem(_fmt(shown) + (f" {unit}" if unit and shown is not None else ""))
            vi.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            vi.setToolTip(tip)
            self.terms.setItem(r, 1, vi)
            w = (weights or {}).get(name)
            wi = QTableWidgetItem("" if w is None else _fmt(w))
            wi.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            wi.setToolTip(self.tr("目标值中的权重：每半小时") if name in HALF_HOUR_TERMS
                          else self.tr("目标值中的权重：每个单位"))
            self.terms.setItem(r, 2, wi)

    def term_names(self) -> list[str]:
        return [self.terms.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(self.terms.rowCount())]

    def show_failure(self, message: str) -> None:
        self.status_label.setText(self.tr("出错") + self.tr("：") + f"{message}")
        self.progress.setFormat(self.tr("出错"))

    # ---- infeasibility ---------------------------------------------------------------------
    def clear_explanation(self) -> None:
        for b in self._fix_buttons:
            self.fix_area.removeWidget(b)
            b.deleteLater()
        self._fix_buttons = []
        self.explanation.clear()
        self.details.setTabEnabled(1, False)
        self.details.setCurrentIndex(0)

    def has_explanation(self) -> bool:
        return self.details.isTabEnabled(1)

    def show_explanation(self, text: str, fixes, infeasible: bool = False) -> None:
        self.clear_explanation()
        self._infeasible = infeasible
        self.explain_title.setText(self.tr("无合法排班：原因与修改建议") if infeasible
                                   else self.tr("仍有时段缺人：原因与修改建议"))
        self.details.setTabEnabled(1, True)
        self.details.setCurrentIndex(1)
        self.explanation.setText(text)
        for fix in fixes:
            desc = fix.describe(self.lang) if hasattr(fix, "describe") else str(getattr(fix, "description", fix))
            verified = bool(getattr(fix, "resolves", False))
            b = QCommandLinkButton(self.tr("采纳此修改") + (self.tr("（已验证可解决）") if verified else ""), desc,
                                   self.explain_box)
            b.setObjectName("fixButton")
            b.setToolTip(desc)
            b.clicked.connect(lambda _=False, f=fix: self.fixChosen.emit(f))
            self.fix_area.addWidget(b)
            self._fix_buttons.append(b)

    def fix_buttons(self) -> list[QPushButton]:
        return list(self._fix_buttons)
