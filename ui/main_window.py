"""Main window: roster grid, charts, editors, solve panel and violations, menus and shortcuts.

The window is a thin shell over plain domain values: the scenario (``roster.model.Scenario``) and
the roster grid (:class:`ui.roster_model.RosterModel`).  Every change of the grid or the scenario
goes through the undo stack; after each change the independent validator re-checks the roster
(coalesced to once per event-loop turn) and the marks, charts, and violations list follow.
Solver work (solve, re-optimise, explanation) runs on a QThread via :class:`SolveRunner`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import inspect
import time
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QDate, QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QFrame,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from roster.alerts import period_alerts
from roster.carryover import carried_in
from roster.model import OFF, Lock, Roster, Scenario, fmt_hhmm

from .autosave import Autosaver
from .charts import CoverageHeatmap, FairnessChart, coverage_data
from .commands import ApplyGridCommand, SetLockCommand, SetScenarioCommand
from .roster_model import RosterModel
from .roster_view import RosterView, RotaLegend
from .solve_panel import SolvePanel
from .solve_worker import SolveRunner
from .violations_panel import ViolationsPanel

MAX_RECENT = 8
EXPLAINING = "explaining"  # progress marker: the solve is done, the shortfall explanation runs
PREVIEW_INTERVAL_S = 0.5

#: editors written in parallel (module, class, tab title); each takes (scenario, parent), has
#: scenarioChanged(object) and set_scenario(scenario).  Missing modules are skipped.
EDITORS = (
    ("ui.editors.team_editor", "TeamEditor", "团队"),
    ("ui.editors.leave_editor", "LeaveEditor", "请假与意愿"),
    ("ui.editors.shift_editor", "ShiftEditor", "班次"),
    ("ui.editors.demand_editor", "DemandEditor", "需求"),
    ("ui.editors.rules_editor", "RulesEditor", "规则"),
    ("ui.editors.calendar_editor", "CalendarEditor", "日历"),
)


def app_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("roster")
    except PackageNotFoundError:
        return "0.0.0+dev"


def _export_fn(name: str):
    """Find an export function by its contract name in the exports package (module layout may vary)."""
    for mod in ("exports", "exports.excel", "exports.pdf", "exports.rota", "exports.printing", "exports.print_rota",
                "exports.ics", "exports.importer", "exports.import_xlsx", "exports.xlsx_import",
                "exports.template", "exports.staff_import"):
        try:
            m = importlib.import_module(mod)
        except ImportError:
            continue
        fn = getattr(m, name, None)
        if callable(fn):
            return fn
    return None


def error_text(error: BaseException, lang: str) -> str:
    """An export/import error in the UI language: exports/ errors keep their message language-neutral and give it
    through ``text(lang)`` (``str()`` is Chinese, for the CLI); any other exception shows ``str()``."""
    text = getattr(error, "text", None)
    if callable(text):
        try:
            return str(text(lang))
        except Exception:  # a foreign .text() with another signature
            pass
    return str(error)


def _call_flexible(fn, *args, **kwargs):
    """Call ``fn`` with only the keyword arguments it accepts (contract parameters landed in stages)."""
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return fn(*args, **kwargs)
    params = sig.parameters
    if any(p.kind == p.VAR_KEYWORD for p in params.values()):
        return fn(*args, **kwargs)
    return fn(*args, **{k: v for k, v in kwargs.items() if k in params})


def ask_store_recovery(parent, error, backups) -> tuple[str, str | None]:
    """Dialog for a store that cannot be opened; returns (choice, path).  Patched in tests.

    Every string is a literal ``QCoreApplication.translate("StoreRecovery", …)`` call: lupdate does not see through
    a helper (GUI review #13: a ``tr = lambda`` put them in a nameless context and the English UI showed Chinese)."""
    kind = getattr(error, "kind", "io")
    what = {
        "corrupt": QCoreApplication.translate("StoreRecovery", "数据文件已损坏。"),
        "locked": QCoreApplication.translate("StoreRecovery", "数据文件正被另一个程序使用（已加锁）。"),
        "newer_schema": QCoreApplication.translate("StoreRecovery", "数据文件来自更新版本的程序。"),
    }.get(kind, QCoreApplication.translate("StoreRecovery", "无法打开数据文件。"))
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("StoreRecovery", "无法打开数据文件"))
    box.setText(what)
    from .i18n import current_language

    # the storage layer's detail is Chinese (it names the file and SQLite's reason): the English UI names the file
    path = getattr(error, "path", None) or ""
    box.setInformativeText(QCoreApplication.translate("StoreRecovery", "数据文件：{path}").format(path=path)
                           if current_language() == "en" else str(error))
    role = QMessageBox.ButtonRole
    # a locked file is usually freed by closing the other program: retry first (GUI review M6)
    b_retry = (box.addButton(QCoreApplication.translate("StoreRecovery", "重试"), role.AcceptRole)
               if kind == "locked" else None)
    b_backup = (box.addButton(QCoreApplication.translate("StoreRecovery", "打开备份"), role.AcceptRole)
                if backups and kind != "locked" else None)
    b_other = box.addButton(QCoreApplication.translate("StoreRecovery", "选择其他文件…"), role.ActionRole)
    b_sample = box.addButton(QCoreApplication.translate("StoreRecovery", "使用示例数据开始（不保存）"), role.ResetRole)
    box.addButton(QCoreApplication.translate("StoreRecovery", "退出"), role.RejectRole)
    box.setDefaultButton(b_retry or b_backup or b_other)
    box.exec()
    clicked = box.clickedButton()
    if b_retry is not None and clicked is b_retry:
        return "retry", None
    if b_backup is not None and clicked is b_backup:
        return "backup", str(backups[0])
    if clicked is b_other:
        path, _ = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("StoreRecovery", "选择数据文件"), "",
            QCoreApplication.translate("StoreRecovery", "排班数据库 (*.sqlite *.db);;所有文件 (*)"))
        return ("other", path) if path else ("quit", None)
    if clicked is b_sample:
        return "sample", None
    return "quit", None


class WhoCanCoverDialog(QDialog):
    """Ranked candidates to cover someone's shift; ``chosen()`` is the picked candidate or None and
    ``lock_cells()`` whether the swap is to be locked (kept by re-optimisation)."""

    def __init__(self, names: dict[str, str], absent: str, day: dt.date, shift: str, candidates, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("谁能顶班"))
        self._candidates = list(candidates)
        lang = getattr(parent, "lang", "zh")
        scenario = getattr(parent, "scenario", None)
        try:
            sh = scenario.shift(shift) if scenario is not None else None
        except KeyError:
            sh = None
        what = f"{shift} {sh.name} {fmt_hhmm(sh.start)}–{fmt_hhmm((sh.start + sh.span_minutes) % 1440)}" if sh else shift
        lay = QVBoxLayout(self)
        head = QLabel(f"{names.get(absent, absent)} {day.month}/{day.day} {what} — " +
                      self.tr("不违反任何规则可以顶班的人（代价小的在前）："), self)
        head.setWordWrap(True)
        lay.addWidget(head)
        self.table = QTableWidget(len(self._candidates), 4, self)
        self.table.setObjectName("candidates")
        self.table.setHorizontalHeaderLabels([self.tr("人员"), self.tr("代价"), self.tr("顶班后加班（小时）"),
                                              self.tr("说明")])
        self.table.horizontalHeaderItem(1).setToolTip(self.tr(
            "加班、公平性（夜班、周末、节假日、工时高于团队平均）、本人意愿和技能缺口按目标权重折算，越小越好"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for k in range(3):
            header.setSectionResizeMode(k, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for r, c in enumerate(self._candidates):
            sid = getattr(c, "staff", "")
            sid = getattr(sid, "id", sid)
            notes = c.notes_text(lang) if hasattr(c, "notes_text") else (getattr(c, "reasons", ()) or ())
            vals = [names.get(sid, sid), f"{float(getattr(c, 'cost', 0)):.0f}",
                    f"{float(getattr(c, 'overtime_hours_after', 0) or 0):.1f}",
                    ("; " if lang.startswith("en") else "；").join(str(x) for x in notes)]
            for k, v in enumerate(vals):
                item = QTableWidgetItem(v)
                if k in (1, 2):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, k, item)
        self.table.resizeRowsToContents()
        if self._candidates:
            self.table.selectRow(0)
        else:
            lay.addWidget(QLabel(self.tr("没有人能在不违反规则的情况下顶这个班。"), self))
        lay.addWidget(self.table)
        self.lock_box = QCheckBox(self.tr("锁定这两格（缺勤者休息、顶班者上班），重新优化时保留"), self)
        self.lock_box.setChecked(True)
        lay.addWidget(self.lock_box)
        buttons = QDialogButtonBox(self)
        self.assign_button = buttons.addButton(self.tr("安排顶班"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.assign_button.setEnabled(bool(self._candidates))
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(760, 400)

    def lock_cells(self) -> bool:
        return self.lock_box.isChecked()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self, self.table.resizeRowsToContents)  # the notes column has its real width now

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self.table.resizeRowsToContents)

    def chosen(self):
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self._candidates[rows[0].row()]


class ImportReportDialog(QDialog):
    """Row-by-row errors of an .xlsx import (sheet, row, column, problem); nothing was imported.

    The problems are shown in ``lang`` (default: the parent window's UI language)."""

    def __init__(self, errors, parent=None, lang: str | None = None) -> None:
        super().__init__(parent)
        lang = lang or getattr(parent, "lang", None) or "zh"
        self.setWindowTitle(self.tr("导入错误"))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("以下行有错误，未导入任何数据。请修改后重新导入："), self))
        self.table = QTableWidget(len(errors), 4, self)
        self.table.setObjectName("importErrors")
        self.table.setHorizontalHeaderLabels([self.tr("工作表"), self.tr("行"), self.tr("列"), self.tr("问题")])
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for r, e in enumerate(errors):
            sheet = getattr(e, "sheet", "")
            row = getattr(e, "row", None)
            col = getattr(e, "column", None)
            reason_text = getattr(e, "reason_text", None)
            msg = (reason_text(lang) if callable(reason_text)
                   else getattr(e, "reason", None) or getattr(e, "message", None) or str(e))
            vals = [sheet or "", "" if not row else str(row), col or "", str(msg)]
            for c, v in enumerate(vals):
                item = QTableWidgetItem(v)
                if c == 3:
                    item.setToolTip(v)  # a long reason stays readable when the column is narrow
                self.table.setItem(r, c, item)
        for c in range(3):
            self.table.resizeColumnToContents(c)
        self.table.setWordWrap(True)
        lay.addWidget(self.table)
        bb = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        bb.rejected.connect(self.reject)
        lay.addWidget(bb)
        self.resize(760, 360)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.table.resizeRowsToContents()  # a long reason wraps in the problem column at its shown width


class MainWindow(QMainWindow):
    validated = Signal(int)  # number of violations after a check
    solveFinished = Signal(object)  # SolveResult (or None on failure)
    languageChanged = Signal(str)

    def __init__(self, scenario: Scenario, start: dt.date | None = None, days: int = 28, *,
                 roster: Roster | None = None, store=None, settings: QSettings | None = None,
                 roster_id=None, scenario_path: str | None = None, lang: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.settings = settings if settings is not None else QSettings()
        self.lang = lang or str(self.settings.value("lang", "zh"))
        self.scenario_path = scenario_path
        start = start or (roster.start if roster else dt.date(2026, 6, 1))
        days = roster.days if roster else days
        self._scenario = scenario
        self.undo_stack = QUndoStack(self)
        self.model = RosterModel(scenario, start, days, self)
        self.model.lang = self.lang
        self.model.undo_stack = self.undo_stack
        self._apply_scenario_locks(scenario)
        if roster is not None:
            self.model.set_roster(roster)
            self._apply_scenario_locks(scenario)
        self.runner = SolveRunner(self)
        self._pre_solve_grid: dict | None = None
        self._previewing = False
        self._last_preview = 0.0
        self._job_kind = ""
        self._last_violations: list = []
        self.last_validation_ms = 0.0
        self.last_explanation = None
        self.last_result = None

        self.store = store
        self.autosaver = Autosaver(store, parent=self)
        self.autosaver.bind(self.model.to_roster, self._roster_name(), roster_id, self.scenario_with_locks)
        self._save_error = ""
        self.model.editRefused.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.autosaver.failed.connect(self._save_failed)
        self.autosaver.saved.connect(self._save_ok)

        self._build_central()
        self._build_docks()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_statusbar()
        self._connect()
        self.retranslate_ui()

        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(0)
        self._validate_timer.timeout.connect(self.validate_now)
        self._last_undo_index = 0
        self._initial_size()
        self.resizeDocks([self.violations_dock], [200], Qt.Orientation.Vertical)
        self.resizeDocks([self.solve_dock], [360], Qt.Orientation.Horizontal)
        self._restore_state()
        self.validate_now()
        self.refresh_alerts()
        _preload_solver()

    def _initial_size(self) -> None:
        """1400×860, but at most 92 % of the available screen (a 1366×768 laptop leaves ~700 px)."""
        w, h = 1400, 860
        screen = self.screen() or QApplication.primaryScreen()
        if screen is not None:
            avail = screen.availableGeometry()
            if avail.width() > 0 and avail.height() > 0:
                w, h = min(w, int(avail.width() * 0.92)), min(h, int(avail.height() * 0.92))
        self.resize(w, h)

    # ------------------------------------------------------------------ construction
    def _build_central(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.view = RosterView(self)
        self.view.setModel(self.model)
        self.heatmap = CoverageHeatmap(self)
        self.heat_scroll = QScrollArea(self)
        self.heat_scroll.setWidget(self.heatmap)
        self.heat_scroll.setWidgetResizable(True)
        self.fairness = FairnessChart(self)
        rota = QWidget(self)  # the grid with its legend underneath
        rota.setObjectName("rotaTab")
        box = QVBoxLayout(rota)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.view, 1)
        self.legend = RotaLegend(rota)
        self.legend.set_shifts(self._scenario.shifts)
        box.addWidget(self.legend)
        self.tabs.addTab(rota, "")
        self.tabs.addTab(self.heat_scroll, "")
        # in a scroll area like the heat-map: a large team's rows do not fit the tab (250 staff: 36 rows were shown)
        self.fairness_scroll = QScrollArea(self)
        self.fairness_scroll.setWidget(self.fairness)
        self.fairness_scroll.setWidgetResizable(True)
        self.tabs.addTab(self.fairness_scroll, "")
        self.editors: list[tuple[QWidget, str]] = []
        for mod, cls, title in EDITORS:
            editor = self._make_editor(mod, cls, title)
            if editor is not None:
                self.tabs.addTab(editor, "")
                self.editors.append((editor, title))
        self.contract_view = self._make_contract_view()
        if self.contract_view is not None:
            self.tabs.addTab(self.contract_view, "")
        self.setCentralWidget(self.tabs)

    def _make_editor(self, mod: str, cls: str, title: str) -> QWidget | None:
        try:
            klass = getattr(importlib.import_module(mod), cls)
        except (ImportError, AttributeError):
            return None
        try:
            editor = klass(self._scenario, self)
        except Exception as e:  # an editor failing must not take the window down
            self.statusBar().showMessage(f"{title}: {e}", 8000)
            return None
        editor.setObjectName(cls)
        if hasattr(editor, "selection_hint"):  # the leave editor starts a new row at the rota's selected cell
            editor.selection_hint = self.view.current_cell
        if hasattr(editor, "scenarioChanged"):
            editor.scenarioChanged.connect(lambda sc, ed=editor: self._editor_changed(ed, sc))
        return editor

    def _make_contract_view(self) -> QWidget | None:
        try:
            from .contract_view import ContractView

            return _call_flexible(ContractView, self._scenario, parent=self)
        except Exception:  # not landed yet, or a different constructor
            return None

    def _rebuild_editor_tabs(self) -> None:
        """Recreate the editor tabs and the contract view in the current language.  They build their labels,
        buttons and headers once; the scenario is their only state (every edit is already installed and
        autosaved), so a fresh instance shows the same data in the new language."""
        current = self.tabs.currentIndex()
        first = self.tabs.indexOf(self.editors[0][0]) if self.editors else self.tabs.count()
        by_title = {title: (mod, cls) for mod, cls, title in EDITORS}
        rebuilt = []
        for i, (old, title) in enumerate(self.editors):
            mod, cls = by_title[title]
            editor = self._make_editor(mod, cls, title)
            if editor is None:
                rebuilt.append((old, title))
                continue
            self.tabs.removeTab(first + i)
            self.tabs.insertTab(first + i, editor, "")
            old.deleteLater()
            rebuilt.append((editor, title))
        self.editors = rebuilt
        if self.contract_view is not None:
            view = self._make_contract_view()
            if view is not None:
                index = self.tabs.indexOf(self.contract_view)
                self.tabs.removeTab(index)
                self.tabs.insertTab(index, view, "")
                self.contract_view.deleteLater()
                self.contract_view = view
        self.tabs.setCurrentIndex(current)
        self.retranslate_ui()

    def _build_docks(self) -> None:
        self.solve_panel = SolvePanel(self)
        self.solve_panel.lang = self.lang
        self.solve_dock = QDockWidget(self)
        self.solve_dock.setObjectName("solveDock")
        # the panel needs ~550 px of height; in a scroll area the window still fits a 1366×768 laptop screen
        scroll = QScrollArea(self)
        scroll.setObjectName("solveScroll")
        scroll.setWidget(self.solve_panel)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.solve_scroll = scroll
        self.solve_dock.setWidget(scroll)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.solve_dock)
        self.violations = ViolationsPanel(self)
        self.violations.set_language(self.lang)  # rule names and messages follow the start-up language
        self.violations_dock = QDockWidget(self)
        self.violations_dock.setObjectName("violationsDock")
        self.violations_dock.setWidget(self.violations)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.violations_dock)

    def _act(self, name: str, slot=None, shortcut=None, checkable: bool = False) -> QAction:
        a = QAction(self)
        a.setObjectName(name)
        if shortcut is not None:
            a.setShortcut(shortcut)
        a.setCheckable(checkable)
        if slot is not None:
            a.triggered.connect(slot)
        return a

    def _language_pair(self, name: str, choose, current: str) -> tuple[QAction, QAction]:
        """Two exclusive checkable actions (中文, English) calling ``choose("zh" | "en")``; ``current`` checked."""
        zh = self._act(f"{name}Zh", lambda: choose("zh"), checkable=True)
        en = self._act(f"{name}En", lambda: choose("en"), checkable=True)
        grp = QActionGroup(self)
        grp.addAction(zh)
        grp.addAction(en)
        (en if current == "en" else zh).setChecked(True)
        return zh, en

    def _build_actions(self) -> None:
        K = QKeySequence
        self.act_new = self._act("actNew", self.new_from_sample)
        self.act_open = self._act("actOpen", self.open_scenario_dialog, K.StandardKey.Open)
        self.act_save = self._act("actSave", self.save, K("Ctrl+S"))
        self.act_save_as = self._act("actSaveAs", self.save_scenario_as_dialog, K("Ctrl+Shift+S"))
        self.act_open_roster = self._act("actOpenRoster", self.open_roster_dialog)
        self.act_save_roster = self._act("actSaveRoster", self.save_roster_json_dialog)
        self.act_history = self._act("actHistory", self.show_audit)
        self.act_quit = self._act("actQuit", self.close, K("Ctrl+Q"))
        # own actions (not createUndoAction) so their text follows the language switch
        self.act_undo = self._act("actUndo", self.undo_stack.undo, K("Ctrl+Z"))
        self.act_redo = self._act("actRedo", self.undo_stack.redo)
        self.act_redo.setShortcuts([K("Ctrl+Y"), K("Ctrl+Shift+Z")])
        self.act_undo.setEnabled(False)
        self.act_redo.setEnabled(False)
        self.undo_stack.canUndoChanged.connect(lambda ok: self.act_undo.setEnabled(ok and not self.runner.is_running()))
        self.undo_stack.canRedoChanged.connect(lambda ok: self.act_redo.setEnabled(ok and not self.runner.is_running()))
        self.undo_stack.undoTextChanged.connect(lambda t: self.act_undo.setToolTip(self.tr("撤销") + self.tr("：") + f"{t}"))
        self.undo_stack.redoTextChanged.connect(lambda t: self.act_redo.setToolTip(self.tr("重做") + self.tr("：") + f"{t}"))
        self.act_lock = self._act("actLock", self.toggle_lock_selected, K("Ctrl+L"))
        self.act_clear_unlocked = self._act("actClearUnlocked", self.clear_unlocked)
        self.act_cover = self._act("actCover", self.who_can_cover_current, K("Ctrl+K"))
        self.act_solve = self._act("actSolve", self.start_solve, K("F5"))
        self.act_cancel = self._act("actCancel", self.cancel_solve, K("Esc"))
        self.act_cancel.setEnabled(False)
        self.act_reopt = self._act("actReopt", self.start_reoptimise, K("Shift+F5"))
        self.act_check = self._act("actCheck", self.validate_now, K("F7"))
        self.act_excel = self._act("actExcel", lambda: self.export_excel(), K("Ctrl+E"))
        self.act_pdf = self._act("actPdf", lambda: self.export_pdf())
        self.act_preview = self._act("actPreview", self.print_preview, K("Ctrl+P"))
        self.act_ics = self._act("actIcs", lambda: self.export_ics())
        self.act_template = self._act("actTemplate", lambda: self.export_template())
        self.act_import = self._act("actImport", lambda: self.import_staff_leave())
        self.act_guide = self._act("actGuide", self.show_guide, K("F1"))
        self.act_lang_zh, self.act_lang_en = self._language_pair("actLang", self.set_language, self.lang)
        # exports (Excel for HR, the printed rota) are Chinese unless chosen otherwise, whatever the UI language
        # (SPEC §5 "Chinese headers by default"; GUI review M7: they followed an English UI silently)
        self.export_lang = "en" if str(self.settings.value("export_lang", "zh")) == "en" else "zh"
        self.act_export_zh, self.act_export_en = self._language_pair("actExport", self.set_export_language,
                                                                     self.export_lang)
        self.act_about = self._act("actAbout", self.about)
        self.act_tab_roster = self._act("actTabRoster", lambda: self.tabs.setCurrentIndex(0), K("Ctrl+1"))
        self.act_tab_heat = self._act("actTabHeat", lambda: self.tabs.setCurrentIndex(1), K("Ctrl+2"))
        self.act_tab_fair = self._act("actTabFair", lambda: self.tabs.setCurrentIndex(2), K("Ctrl+3"))
        self.view.set_context_actions([self.act_lock, self.act_cover, None, self.act_reopt])

    def _build_menus(self) -> None:
        mb = self.menuBar()
        self.menu_file = mb.addMenu("")
        self.menu_file.addActions([self.act_new, self.act_open])
        self.menu_recent = self.menu_file.addMenu("")
        self.menu_recent.aboutToShow.connect(self._fill_recent)
        self.menu_file.addActions([self.act_save, self.act_save_as])
        self.menu_file.addSeparator()
        self.menu_file.addActions([self.act_open_roster, self.act_save_roster, self.act_history])
        self.menu_file.addSeparator()
        # importing staff/leave brings data in: File, not Export (GUI review #13)
        self.menu_file.addActions([self.act_import, self.act_template])
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_edit = mb.addMenu("")
        self.menu_edit.addActions([self.act_undo, self.act_redo])
        self.menu_edit.addSeparator()
        self.menu_edit.addActions([self.act_lock, self.act_clear_unlocked, self.act_cover])
        self.menu_roster = mb.addMenu("")
        self.menu_roster.addActions([self.act_solve, self.act_cancel, self.act_reopt, self.act_check])
        self.menu_export = mb.addMenu("")
        self.menu_export.addActions([self.act_excel, self.act_pdf, self.act_preview, self.act_ics])
        self.menu_export_lang = self.menu_export.addMenu("")
        self.menu_export_lang.addActions([self.act_export_zh, self.act_export_en])
        self.menu_view = mb.addMenu("")
        self.menu_view.addActions([self.act_tab_roster, self.act_tab_heat, self.act_tab_fair])
        self.menu_view.addSeparator()
        self.act_toggle_solve = self.solve_dock.toggleViewAction()
        self.act_toggle_viol = self.violations_dock.toggleViewAction()
        self.menu_view.addActions([self.act_toggle_solve, self.act_toggle_viol])
        self.menu_view.addSeparator()
        self.menu_lang = self.menu_view.addMenu("")
        self.menu_lang.addActions([self.act_lang_zh, self.act_lang_en])
        self.menu_help = mb.addMenu("")
        self.menu_help.addActions([self.act_guide, self.act_about])

    def _build_toolbar(self) -> None:
        tb = QToolBar(self)
        tb.setObjectName("mainToolbar")
        tb.setMovable(False)
        self.toolbar = tb
        self._start_label = QLabel(self)
        self.start_edit = QDateEdit(self)
        self.start_edit.setObjectName("periodStart")
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat("yyyy-MM-dd")
        s = self.model.start
        self.start_edit.setDate(QDate(s.year, s.month, s.day))
        self._days_label = QLabel(self)
        self.days_spin = QSpinBox(self)
        self.days_spin.setObjectName("periodDays")
        self.days_spin.setRange(1, 366)
        self.days_spin.setValue(self.model.days)
        # a new period only once the value is entered (Enter, focus out, arrows): typing "28" must not plan 2 days
        # on the way (review of session 9: that cut a 14-day plan to 2 days and cleared the undo history)
        self.start_edit.setKeyboardTracking(False)
        self.days_spin.setKeyboardTracking(False)
        tb.addWidget(self._start_label)
        tb.addWidget(self.start_edit)
        tb.addWidget(self._days_label)
        tb.addWidget(self.days_spin)
        tb.addSeparator()
        tb.addActions([self.act_solve, self.act_cancel, self.act_reopt])
        tb.addSeparator()
        tb.addActions([self.act_undo, self.act_redo, self.act_lock, self.act_cover])
        tb.addSeparator()
        tb.addActions([self.act_preview, self.act_excel, self.act_save])
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(tb)

    def _build_statusbar(self) -> None:
        sb = self.statusBar()
        self._viol_label = QLabel(self)
        self._saved_label = QLabel(self)
        self._period_label = QLabel(self)
        sb.addPermanentWidget(self._viol_label)
        sb.addPermanentWidget(self._period_label)
        sb.addPermanentWidget(self._saved_label)

    def _connect(self) -> None:
        self.model.cellChanged.connect(lambda *_: self.schedule_validation())
        self.model.gridReset.connect(self.schedule_validation)
        self.model.locksChanged.connect(self._locks_changed)
        self.undo_stack.indexChanged.connect(self._undo_index_changed)
        self.undo_stack.cleanChanged.connect(self._update_title)
        self.solve_panel.solveRequested.connect(self.start_solve)
        self.solve_panel.cancelRequested.connect(self.cancel_solve)
        self.solve_panel.reoptimiseRequested.connect(self.start_reoptimise)
        self.solve_panel.fixChosen.connect(self.apply_fix)
        self.runner.progress.connect(self._on_progress)
        self.runner.solution.connect(self._on_solution)
        self.runner.finished.connect(self._on_job_finished)
        self.runner.failed.connect(self._on_job_failed)
        self.runner.runningChanged.connect(self._running_changed)
        self.violations.cellActivated.connect(self._jump_to)
        self.start_edit.dateChanged.connect(lambda *_: self._period_edited())
        self.days_spin.valueChanged.connect(lambda *_: self._period_edited())

    # ------------------------------------------------------------------ texts
    def retranslate_ui(self) -> None:
        self._update_title()
        tabs = [self.tr("排班表"), self.tr("覆盖热图"), self.tr("公平性")]
        editor_titles = {"团队": self.tr("团队"), "请假与意愿": self.tr("请假与意愿"), "班次": self.tr("班次"),
                         "需求": self.tr("需求"), "规则": self.tr("规则"), "日历": self.tr("日历")}
        tabs += [editor_titles.get(t, t) for _, t in self.editors]
        if self.contract_view is not None:
            tabs.append(self.tr("合同期视图"))
        for i, t in enumerate(tabs):
            self.tabs.setTabText(i, t)
        self.solve_dock.setWindowTitle(self.tr("求解"))
        self.violations_dock.setWindowTitle(self.tr("规则检查"))
        self.menu_file.setTitle(self.tr("文件(&F)"))
        self.menu_edit.setTitle(self.tr("编辑(&E)"))
        self.menu_roster.setTitle(self.tr("排班(&R)"))
        self.menu_export.setTitle(self.tr("导出(&X)"))
        self.menu_view.setTitle(self.tr("视图(&V)"))
        self.menu_help.setTitle(self.tr("帮助(&H)"))
        self.menu_recent.setTitle(self.tr("最近打开"))
        self.menu_lang.setTitle(self.tr("语言 / Language"))
        self.menu_export_lang.setTitle(self.tr("导出语言"))
        texts = {
            self.act_new: self.tr("新建（示例班组）"), self.act_open: self.tr("打开场景…"),
            self.act_save: self.tr("保存"), self.act_save_as: self.tr("场景另存为…"),
            self.act_open_roster: self.tr("打开排班 JSON…"), self.act_save_roster: self.tr("排班另存为 JSON…"),
            self.act_history: self.tr("修改记录…"), self.act_quit: self.tr("退出"),
            self.act_lock: self.tr("锁定/解锁"), self.act_clear_unlocked: self.tr("清空未锁定的格子"),
            self.act_cover: self.tr("谁能顶班…"), self.act_solve: self.tr("求解"), self.act_cancel: self.tr("取消求解"),
            self.act_reopt: self.tr("重新优化其余"), self.act_check: self.tr("立即检查规则"),
            self.act_excel: self.tr("导出 Excel…"), self.act_pdf: self.tr("导出 PDF…"),
            self.act_preview: self.tr("打印预览…"), self.act_ics: self.tr("导出日历 .ics…"),
            self.act_template: self.tr("导出导入模板…"), self.act_import: self.tr("导入员工/请假 (.xlsx)…"),
            self.act_lang_zh: "中文", self.act_lang_en: "English", self.act_about: self.tr("关于"),
            self.act_guide: self.tr("使用说明"),
            self.act_export_zh: self.tr("中文（默认）"), self.act_export_en: "English",
            self.act_tab_roster: self.tr("排班表"), self.act_tab_heat: self.tr("覆盖热图"),
            self.act_tab_fair: self.tr("公平性"),
        }
        for a, t in texts.items():
            a.setText(t)
            keys = a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            a.setToolTip(f"{t.rstrip('…')} ({keys})" if keys else t.rstrip("…"))  # toolbar buttons name their key
        self.act_undo.setText(self.tr("撤销"))
        self.act_redo.setText(self.tr("重做"))
        self.act_toggle_solve.setText(self.tr("求解面板"))
        self.act_toggle_viol.setText(self.tr("规则检查面板"))
        self._start_label.setText(self.tr(" 开始日期 "))
        self._days_label.setText(self.tr(" 天数 "))
        self.days_spin.setSuffix(self.tr(" 天"))
        self._update_period_label()
        self._update_violation_label()
        QTimer.singleShot(0, self, self._fit_solve_dock)  # after the panel's texts changed; dropped if the window goes
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        self.model.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.model.rowCount() - 1)

    def _fit_solve_dock(self) -> None:
        """The solve panel never scrolls sideways: its dock is at least as wide as the panel needs in this language."""
        bar = self.solve_scroll.verticalScrollBar().sizeHint().width()
        need = max(self.solve_panel.minimumWidth(), self.solve_panel.minimumSizeHint().width())
        self.solve_dock.setMinimumWidth(need + bar + 2 * self.solve_scroll.frameWidth() + 6)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _update_title(self, *_args) -> None:
        app_name = self.tr("排班")
        name = self._scenario.name or app_name
        dirty = "" if self.undo_stack.isClean() else " *"
        self.setWindowTitle(f"{name}{dirty} — {app_name} {app_version()}")

    def _update_period_label(self) -> None:
        self._period_label.setText(f"{self.model.start.isoformat()} – {(self.model.start + dt.timedelta(days=self.model.days - 1)).isoformat()}")

    def _update_violation_label(self) -> None:
        n = len(self._last_violations)
        if not self.model.grid():  # nothing planned yet: the missing cover is not a mistake to flag in red
            self._viol_label.setText(self.tr("尚未排班：按 F5 求解"))
            self._viol_label.setStyleSheet("color: #555555;")
            return
        if n:
            self._viol_label.setText(self.tr("违规") + f" {n}")
            self._viol_label.setStyleSheet("color: #B3261E; font-weight: bold;")
        else:
            self._viol_label.setText(self.tr("0 违规"))
            self._viol_label.setStyleSheet("color: #1B6E20;")

    # ------------------------------------------------------------------ scenario / period
    @property
    def scenario(self) -> Scenario:
        return self._scenario

    def _roster_name(self) -> str:
        return f"{self.model.start.isoformat()} {self.model.days}天"

    def _apply_scenario_locks(self, scenario: Scenario) -> None:
        valid = set(self.model.dates)
        ids = {p.id for p in self.model.staff}
        cells = []
        for lk in scenario.locked:
            if lk.date in valid and lk.staff in ids:
                cells.append((lk.staff, lk.date))
                code = lk.shift if (lk.shift == OFF or lk.shift in scenario.shift_map()) else OFF
                if self.model.code(lk.staff, lk.date) != code:
                    grid = self.model.grid()
                    grid[(lk.staff, lk.date)] = code
                    self.model.set_grid(grid)
        self.model.set_locked(cells, True)

    def scenario_with_locks(self) -> Scenario:
        """The scenario plus the grid's locked cells as ``locked`` entries (what the solver honours)."""
        keep = [lk for lk in self._scenario.locked if lk.date not in set(self.model.dates)]
        locks = [Lock(s, d, self.model.code(s, d)) for s, d in sorted(self.model.locked_cells(), key=lambda c: (c[1], c[0]))]
        return dataclasses.replace(self._scenario, locked=tuple(keep + locks))

    def install_scenario(self, scenario: Scenario, source=None, sync_locks: bool = False) -> None:
        """Make ``scenario`` current everywhere (grid, editors except ``source``, charts) and re-check.

        ``sync_locks``: the grid's locks become exactly the scenario's ``locked`` entries of the period
        (an applied fix may unlock cells; editors do not touch locks)."""
        old = self._scenario
        self._scenario = scenario
        # an id or code edited in place carries its cells along (also when undone: the renames are read both ways)
        parked = self.model.set_scenario(scenario, staff_renames=_renames(old.staff, scenario.staff, "id"),
                                         shift_renames=_renames(old.shifts, scenario.shifts, "code"))
        if parked:
            self.statusBar().showMessage(self.tr("%1 个班次已移出排班（人员停用或班次删除）；撤销或恢复后会回来").replace(
                "%1", str(parked)), 10000)
        self.legend.set_shifts(scenario.shifts)
        if sync_locks:
            period = set(self.model.dates)
            want = {(lk.staff, lk.date) for lk in scenario.locked if lk.date in period}
            self.model.set_locked(self.model.locked_cells() - want, False)
            self._apply_scenario_locks(scenario)
        for ed, _ in self.editors:
            if ed is not source and hasattr(ed, "set_scenario"):
                ed.blockSignals(True)
                try:
                    ed.set_scenario(scenario)
                finally:
                    ed.blockSignals(False)
        if self.contract_view is not None and hasattr(self.contract_view, "set_scenario"):
            self.contract_view.set_scenario(scenario)
        self._update_title()
        self.autosaver.scenario_changed()
        self.schedule_validation()
        self.refresh_alerts()

    def refresh_alerts(self) -> None:
        """The period's alerts in the solve panel as soon as the data or the period says so, not only after a solve
        (a 44-h contract or an overtime cap above 36 h shows while it is typed)."""
        self.solve_panel.show_alerts(period_alerts(self._scenario, self.model.start, self.model.dates[-1], self.lang))

    def _editor_changed(self, editor, scenario: Scenario) -> None:
        old = self._scenario
        if scenario == old:
            return
        cmd = SetScenarioCommand(old, scenario, lambda sc, ed=editor: self.install_scenario(sc, source=ed),
                                 self._edit_label(editor, old, scenario))
        self.undo_stack.push(cmd)
        # later undo/redo must refresh the editor too
        cmd.apply = lambda sc: self.install_scenario(sc)

    def _edit_label(self, editor, old: Scenario, new: Scenario) -> str:
        """The undo text of an editor's change: the tab and, when people's records changed, whose (GUI review #13:
        every editor change read "修改场景设置")."""
        tab = self.tabs.tabText(self.tabs.indexOf(editor)) if self.tabs.indexOf(editor) >= 0 else ""
        before = {p.id: p for p in old.staff}
        changed = [p.name or p.id for p in new.staff if before.get(p.id) != p]
        changed += [p.name or p.id for p in old.staff if p.id not in {q.id for q in new.staff}]
        text = self.tr("修改%1").replace("%1", tab) if tab else self.tr("修改场景设置")
        if 0 < len(changed) <= 3:
            text += self.tr("：") + self.tr("、").join(changed)
        return text

    def set_period(self, start: dt.date, days: int) -> None:
        if start == self.model.start and days == self.model.days:
            return
        self.autosaver.flush()
        had_undo = self.undo_stack.count() > 0
        self.model.set_scenario(self._scenario, start, days)
        self.undo_stack.clear()
        self._last_undo_index = 0
        roster_id = None
        saved = self._saved_roster_for(start, days)
        if saved is not None:
            roster_id, roster = saved
            self.model.set_roster(roster)
        self._apply_scenario_locks(self._scenario)
        self.autosaver.bind(self.model.to_roster, self._roster_name(), roster_id)
        self.start_edit.blockSignals(True)
        self.days_spin.blockSignals(True)
        self.start_edit.setDate(QDate(start.year, start.month, start.day))
        self.days_spin.setValue(days)
        self.start_edit.blockSignals(False)
        self.days_spin.blockSignals(False)
        self._update_period_label()
        self.schedule_validation()
        self.refresh_alerts()
        if had_undo:  # the edits belong to the other period's roster, which is saved (GUI review #13: said nothing)
            self.statusBar().showMessage(self.tr("已切换排班期：上一期的排班已保存，其撤销记录已清空"), 10000)

    def _saved_roster_for(self, start: dt.date, days: int):
        """(id, roster) of the newest stored roster of exactly this period, or None."""
        if self.store is None:
            return None
        try:
            infos = [i for i in self.store.list_rosters() if i.start == start and i.days == days]
            if not infos:
                return None
            return infos[-1].id, self.store.load_roster(infos[-1].id)
        except Exception as e:  # a damaged record must not block changing the period
            self.statusBar().showMessage(self.tr("无法读取已保存的排班") + self.tr("：") + f"{e}", 8000)
            return None

    def roster_before(self, start: dt.date) -> Roster | None:
        """The stored roster (newest) that holds the day before ``start``, cut to end there: the previous period
        this one continues (SPEC §2.11 carry-over), or None."""
        if self.store is None:
            return None
        try:
            infos = [i for i in self.store.list_rosters()
                     if i.start < start <= i.start + dt.timedelta(days=i.days)]
            if not infos:
                return None
            key = (start, infos[-1].id, infos[-1].saved_at)
            cached = getattr(self, "_roster_before_cache", None)
            if cached is not None and cached[0] == key:
                return cached[1]  # every validation asks: parse the stored roster once per save
            prev = self.store.load_roster(infos[-1].id)
        except Exception:  # a damaged record only costs the carry-over (opening the period reports it)
            return None
        kept = tuple(a for a in prev.assignments if a.date < start)
        out = Roster(prev.start, (start - prev.start).days, kept) if kept else None
        self._roster_before_cache = (key, out)
        return out

    def carried_scenario(self, scenario: Scenario | None = None) -> Scenario:
        """``scenario`` (default: the current one) with the history carried over from the stored previous period
        (last shift end, consecutive days, overtime used this month, fairness counters), so the seam between two
        periods planned one after the other stays legal; unchanged when no previous period is stored."""
        scenario = scenario or self._scenario
        prev = self.roster_before(self.model.start)
        if prev is None:
            return scenario
        from roster.carryover import history_after

        return dataclasses.replace(scenario, history={**scenario.history, **history_after(scenario, prev)})

    def current_roster(self) -> Roster:
        """The grid as a roster; continuing a stored previous period it carries that period's nights running into
        the first date and the history carried over (SPEC §2.11), as a CLI ``--after`` roster does — so the rule
        check, the Excel sheets and a saved roster JSON all see the seam (code review: only the check did)."""
        roster = self.model.to_roster()
        prev = self.roster_before(roster.start)
        if prev is None:
            return roster
        from roster.carryover import history_after

        return dataclasses.replace(roster, carried_in=carried_in(prev, roster.start),
                                   history=history_after(self._scenario, prev))

    def _period_edited(self) -> None:
        if self.runner.is_running():
            return
        q = self.start_edit.date()
        self.set_period(dt.date(q.year(), q.month(), q.day()), self.days_spin.value())

    # ------------------------------------------------------------------ validation
    def schedule_validation(self) -> None:
        if self._previewing:
            return  # best-so-far previews are not validated: the final roster is, once
        self._validate_timer.start()

    def validate_now(self) -> list:
        """Run the independent validator on the current grid and refresh marks, charts and lists."""
        self._validate_timer.stop()
        roster = self.current_roster()
        t0 = time.perf_counter()
        try:
            from roster.validator import cell_violations, check
        except ImportError:
            violations, per_cell = [], {}
        else:
            # seam rules against the stored previous period: the roster carries its history (current_roster), which
            # the validator reads over the scenario's — computing the carried scenario as well did that work twice
            violations = check(self._scenario, roster)
            per_cell = cell_violations(violations)
        cov = coverage_data(self._scenario, roster)
        self.last_validation_ms = (time.perf_counter() - t0) * 1000
        short_dates = cov.shortfall_dates()
        if not roster.assignments:
            # nothing planned yet: every demanded hour is short, which says nothing (the heat-map still shows demand)
            violations = [v for v in violations if v.rule != "coverage"]
            short_dates = set()
        self._last_violations = violations
        self.model.set_violations(per_cell, short_dates)
        self.violations.planned = bool(roster.assignments)  # an empty grid is "nothing planned", not "meets every rule"
        self.violations.set_violations(violations, {p.id: p.name for p in self._scenario.staff})
        self.heatmap.set_data(self._scenario, roster, cov)
        self.fairness.set_data(self._scenario, roster)
        if self.contract_view is not None and hasattr(self.contract_view, "set_roster"):
            try:
                self.contract_view.set_roster(roster)
            except Exception:
                pass
        self._update_violation_label()
        self._fit_violations_dock(bool(violations))
        self.validated.emit(len(violations))
        return violations

    def _fit_violations_dock(self, any_violation: bool) -> None:
        """The rule-check dock shrinks to its summary line while there is nothing to list and gets its table's room
        back with the first violation (only on these changes: a height the user drags stays otherwise)."""
        if getattr(self, "_dock_has_rows", None) is any_violation:
            return
        self._dock_has_rows = any_violation
        if any_violation:
            height = 200
        else:
            height = self.violations.summary.sizeHint().height() + 12
        self.resizeDocks([self.violations_dock], [height], Qt.Orientation.Vertical)

    def violations_list(self) -> list:
        return list(self._last_violations)

    def _jump_to(self, staff_id: str, day: dt.date) -> None:
        self.tabs.setCurrentIndex(0)
        try:
            self.view.select_cell(staff_id, day)
        except KeyError:
            pass

    # ------------------------------------------------------------------ undo / autosave / locks
    def _undo_index_changed(self, idx: int) -> None:
        last = self._last_undo_index
        self._last_undo_index = idx
        if idx > last:
            cmd = self.undo_stack.command(idx - 1)
            self.autosaver.note("edit" if idx == self.undo_stack.count() else "redo", cmd.text() if cmd else "")
        elif idx < last:
            cmd = self.undo_stack.command(idx)
            self.autosaver.note("undo", cmd.text() if cmd else "")
        # the solve panel's figures describe the grid of the last solve: any other edit makes them stale
        top = self.undo_stack.command(idx - 1) if idx > 0 else None
        if top is not None and top is getattr(self, "_last_solve_cmd", None):
            self.solve_panel.mark_fresh()  # back on the grid the panel's figures describe
        elif not (isinstance(top, ApplyGridCommand) and top.new_info.get("objective") is not None):
            self.solve_panel.mark_stale()
        self._update_title()

    def _locks_changed(self) -> None:
        self.autosaver.scenario_changed()

    def toggle_lock_selected(self) -> None:
        cells = self.view.selected_cells()
        if not cells:
            return
        lock = not all(self.model.is_locked(*c) for c in cells)
        self.undo_stack.push(SetLockCommand(self.model, cells, lock))

    def set_locked(self, cells, locked: bool = True) -> None:
        self.undo_stack.push(SetLockCommand(self.model, cells, locked))

    def clear_unlocked(self) -> None:
        grid = {k: v for k, v in self.model.grid().items() if self.model.is_locked(*k)}
        self.undo_stack.push(ApplyGridCommand(self.model, grid, self.tr("清空未锁定的格子")))

    # ------------------------------------------------------------------ solving
    def _solver_options(self, previous: Roster | None = None, hint: Roster | None = None):
        from solver.api import SolveOptions

        return _call_flexible(SolveOptions, time_limit=float(self.solve_panel.time_limit.value()),
                              seed=int(self.solve_panel.seed.value()), workers=2, previous=previous, hint=hint)

    def start_solve(self) -> bool:
        if self.runner.is_running():
            return False
        try:
            from solver.api import solve
        except ImportError as e:
            QMessageBox.warning(self, self.tr("无法求解"), self.tr("求解模块不可用") + self.tr("：") + f"{e}")
            return False
        scenario = self.carried_scenario(self.scenario_with_locks())
        start, days = self.model.start, self.model.days
        prior = self.roster_before(start)  # the previous period's last shifts (minutes running into this one)
        current = self.model.to_roster()
        # F5 plans afresh (the current grid only warm-starts the search); keeping changes small is
        # what "重新优化其余" is for
        options = self._solver_options(hint=current if current.assignments else None)
        lang = self.lang

        from solver.rolling import ROLL_ABOVE_DAYS, chunks, solve_rolling

        rolling = days > ROLL_ABOVE_DAYS  # month by month with the seams carried over, as the CLI does

        def job(on_progress, on_solution, cancel):
            if rolling:
                result = solve_rolling(scenario, start, days, options, on_progress=on_progress, cancel=cancel,
                                       prior=prior)
            else:
                result = solve(scenario, start, days, options, on_progress=on_progress, on_solution=on_solution,
                               cancel=cancel, prior=prior)
            return result, _explain_if_needed(scenario, start, days, result, lang, cancel, on_progress)

        self._start_job("solve", job)
        if prior is not None:
            last = prior.start + dt.timedelta(days=prior.days - 1)
            self.statusBar().showMessage(self.tr("求解中…（承接已保存的上一期排班，至 %1）").replace(
                "%1", f"{last.month}/{last.day}"))
        if rolling:  # the time limit is per month: the progress bar counts the whole run
            self.solve_panel.set_total_limit(options.time_limit * len(chunks(start, days, "month")))
        return True

    def start_reoptimise(self) -> bool:
        """Keep the locked cells, re-solve everything else with as few changes as possible."""
        if self.runner.is_running():
            return False
        try:
            from solver.repair import reoptimise
        except ImportError as e:
            QMessageBox.warning(self, self.tr("无法重新优化"), self.tr("求解模块不可用") + self.tr("：") + f"{e}")
            return False
        scenario = self.carried_scenario(self.scenario_with_locks())
        roster = self.model.to_roster()
        locked = self.model.locked_cells()
        options = self._solver_options(previous=roster)
        start, days, lang = self.model.start, self.model.days, self.lang

        params = inspect.signature(reoptimise).parameters

        def job(on_progress, on_solution, cancel):
            if "cancel" in params:
                result = reoptimise(scenario, roster, locked_cells=locked, options=options,
                                    on_progress=on_progress, on_solution=on_solution, cancel=cancel)
            else:
                # solver.repair.reoptimise has no progress/cancel hooks: the same call (locks from the
                # cells, previous = current roster as change penalty and hint) through solve(), so
                # the panel shows progress and Cancel works
                from solver.api import solve

                locked_sc = _locked_scenario(scenario, roster, locked)
                opts = dataclasses.replace(options, previous=roster, hint=roster)
                result = solve(locked_sc, start, days, opts, on_progress=on_progress, on_solution=on_solution,
                               cancel=cancel)
            return result, _explain_if_needed(scenario, start, days, result, lang, cancel, on_progress)

        self._start_job("reoptimise", job)
        return True

    def _start_job(self, kind: str, job) -> None:
        self._job_kind = kind
        self._job_scenario = self._scenario  # an edit during the job makes its result stale
        self._pre_solve_grid = self.model.grid()
        # what the grid held before this job, to judge a cancelled job's best-so-far against: the objective
        # of the last solve when the grid is still that solve's result (None when edited by hand or empty)
        last = getattr(self, "_last_result", None)  # (grid, objective) of the last solve applied to the grid
        self._pre_solve_objective = (last[1] if last is not None and self._pre_solve_grid_has_shifts()
                                     and last[0] == self._pre_solve_grid else None)
        self._cancel_requested = False
        self._last_preview = 0.0
        self.runner.start(job)
        what = self.tr("求解中…") if kind == "solve" else self.tr("重新优化中…")
        self.solve_panel.set_running(True, what)
        self.statusBar().showMessage(what)

    def _pre_solve_grid_has_shifts(self) -> bool:
        return any(code != OFF for code in (self._pre_solve_grid or {}).values())

    def cancel_solve(self) -> None:
        if self.runner.is_running():
            self._cancel_requested = True
            self.runner.cancel()
            self.statusBar().showMessage(self.tr("正在取消…"), 3000)

    def _running_changed(self, running: bool) -> None:
        self.act_solve.setEnabled(not running)
        self.act_reopt.setEnabled(not running)
        self.act_cancel.setEnabled(running)
        self.start_edit.setEnabled(not running)
        self.days_spin.setEnabled(not running)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if running else
                                  QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.setEnabled(True)
        for a in (self.act_undo, self.act_redo, self.act_lock, self.act_clear_unlocked, self.act_cover):
            a.setEnabled(not running)
        if not running:
            self.act_undo.setEnabled(self.undo_stack.canUndo())
            self.act_redo.setEnabled(self.undo_stack.canRedo())
        self.solve_panel.set_running(running)

    def _on_progress(self, p) -> None:
        if isinstance(p, str) and p == EXPLAINING:
            self.solve_panel.status_label.setText(self.tr("求解结束，正在分析缺人原因并验证修改建议…"))
            return
        self.solve_panel.show_progress(p)

    def _on_solution(self, sol) -> None:
        roster = sol if isinstance(sol, Roster) else getattr(sol, "roster", None)
        if roster is None:
            return
        now = time.monotonic()
        if now - self._last_preview < PREVIEW_INTERVAL_S:
            return
        self._last_preview = now
        self.solve_panel.preview_strip.set_roster(self._scenario, roster)
        if not self.solve_panel.preview.isChecked():
            return
        grid = {(a.staff, a.date): a.shift for a in roster.assignments}
        self._previewing = True
        try:
            self.model.set_grid(grid)
        finally:
            self._previewing = False
        self.statusBar().showMessage(self.tr("预览：当前最优解"), 2000)

    def _on_job_finished(self, payload) -> None:
        result, explanation = payload
        self.last_result = result
        self.last_explanation = explanation
        roster = getattr(result, "roster", None) if _has_solution(result) else None
        pre = self._pre_solve_grid or {}
        cancelled = roster is not None and getattr(self, "_cancel_requested", False)
        # cancelled before the search beat the roster already in the grid: keep that one, with its figures
        kept = cancelled and self._keeps_previous(result)
        if not kept:
            self.solve_panel.show_result(result, getattr(roster, "solver", None) or {})
        if cancelled:
            self.solve_panel.show_cancelled(result, kept=kept)
        alerts = period_alerts(self._scenario, self.model.start, self.model.dates[-1], self.lang)
        if roster is not None and not kept and (roster.solver or {}).get("wall_clock_cutoff"):
            # the search was stopped by the wall clock, not its own budget (code review: said on the CLI only)
            alerts.append(self.tr("计算机繁忙：求解在时钟保护处提前停止，本次结果可能与同一种子的其他运行不同；"
                                  "空闲时重新求解可得到可复现的结果"))
        if roster is not None and not kept:  # labour-law §4 warnings: allowed, for the team lead to look at
            from roster.advisories import advisories

            alerts += [self.tr("提示") + self.tr("：") + adv.text(self.lang)
                       for adv in advisories(self._scenario, roster)]
        self.solve_panel.show_alerts(alerts)
        if kept:
            self.model.set_grid(pre)
            self.statusBar().showMessage(self.tr("已取消：保留原排班（本次求解尚未找到更好的排班）"), 8000)
        elif roster is not None:
            grid = {(a.staff, a.date): a.shift for a in roster.assignments}
            info = dict(getattr(roster, "solver", None) or {})
            info.setdefault("status", getattr(result, "status", ""))
            for k in ("objective", "bound", "gap", "seconds"):
                if getattr(result, k, None) is not None:
                    info.setdefault(k, getattr(result, k))
            info.setdefault("terms", dict(getattr(result, "terms", None) or {}))
            text = self.tr("求解结果") if self._job_kind == "solve" else self.tr("重新优化其余")
            self.model.set_grid(pre)  # the command records the pre-solve grid as its undo state
            self._last_solve_cmd = ApplyGridCommand(self.model, grid, text, info)
            self.undo_stack.push(self._last_solve_cmd)
            # what a later cancelled search must beat to replace the grid (only while the grid is still this one)
            self._last_result = (self.model.grid(), info.get("objective"))
            if cancelled:
                self.statusBar().showMessage(self.tr("已取消：显示目前最好的排班（优化未完成，可再按 F5 继续）"), 8000)
            else:
                self.statusBar().showMessage(self.tr("求解完成") + self.tr("：") + f"{self.solve_panel.status_label.text()}", 5000)
        else:
            self.model.set_grid(pre)
            status = str(getattr(result, "status", ""))
            if _is_infeasible(result):
                self.statusBar().showMessage(self.tr("无合法排班：原因与修改建议见求解面板"), 10000)
            elif status == "CANCELLED":  # cancelled before a first roster (GUI review #13: said "no legal roster")
                self.statusBar().showMessage(self.tr("已取消：尚未找到排班，原排班保持不变"), 8000)
            elif status == "UNKNOWN":
                self.statusBar().showMessage(self.tr("时间上限内未找到排班：请加长时间上限后重新求解"), 10000)
            else:
                self.statusBar().showMessage(self.tr("没有得到排班"), 5000)
        if explanation is not None and not getattr(explanation, "ok", True) and not kept:
            fixes = list(getattr(explanation, "fixes", []) or [])
            self.solve_panel.show_explanation(explanation.text(self.lang), fixes, _is_infeasible(result))
            # on a small screen the explanation sits below the panel's fold: bring it into view
            QTimer.singleShot(0, self, lambda: self.solve_scroll.ensureWidgetVisible(self.solve_panel.explain_box, 0, 40))
        self._pre_solve_grid = None
        self.validate_now()
        self._flag_data_edited_during_job()
        self.solveFinished.emit(result)

    def _flag_data_edited_during_job(self) -> None:
        if getattr(self, "_job_scenario", self._scenario) != self._scenario:
            self.statusBar().showMessage(self.tr("求解期间修改了数据：此结果按求解开始时的数据计算，请重新求解（F5）"), 15000)

    def _keeps_previous(self, result) -> bool:
        """A cancelled job leaves the grid as it was unless its best-so-far is better than the roster there (an
        edited or unknown roster counts as better: the user's own work is not replaced by an unfinished search)."""
        if not self._pre_solve_grid_has_shifts():
            return False
        before = getattr(self, "_pre_solve_objective", None)
        after = getattr(result, "objective", None)
        return before is None or after is None or after >= before

    def _on_job_failed(self, message: str) -> None:
        if self._pre_solve_grid is not None:
            self.model.set_grid(self._pre_solve_grid)
        self._pre_solve_grid = None
        self.solve_panel.show_failure(message)
        self.statusBar().showMessage(self.tr("求解出错") + self.tr("：") + f"{message}", 8000)
        self.solveFinished.emit(None)

    def apply_fix(self, fix) -> None:
        period = getattr(fix, "period", None)
        if period is not None:  # "plan whole months": a different planning period, not a scenario change
            self.set_period(*period)
            self.solve_panel.clear_explanation()
            self.statusBar().showMessage(self.tr("已改为整月计划期，按 F5 重新求解"), 8000)
            return
        old = self.scenario_with_locks()  # fixes may change locks (e.g. "unlock")
        try:
            new = fix.apply(old)
        except Exception as e:
            QMessageBox.warning(self, self.tr("无法采纳"), str(e))
            return
        desc = fix.describe(self.lang) if hasattr(fix, "describe") else str(getattr(fix, "description", fix))
        self.undo_stack.push(SetScenarioCommand(old, new, lambda sc: self.install_scenario(sc, sync_locks=True),
                                                self.tr("采纳建议") + self.tr("：") + f"{desc}"))
        self.solve_panel.clear_explanation()
        self.statusBar().showMessage(self.tr("已采纳修改，按 F5 重新求解"), 8000)

    # ------------------------------------------------------------------ who can cover
    def who_can_cover_current(self) -> None:
        cell = self.view.current_cell()
        if cell is None:
            return
        self.who_can_cover(*cell)

    def cover_candidates(self, staff_id: str, day: dt.date) -> list:
        from solver.repair import who_can_cover

        return list(who_can_cover(self._scenario, self.model.to_roster(), staff_id, day))

    def who_can_cover(self, staff_id: str, day: dt.date, dialog_factory=None) -> bool:
        code = self.model.code(staff_id, day)
        if code == OFF:
            self.statusBar().showMessage(self.tr("这一格没有班次，无需顶班"), 4000)
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            cands = self.cover_candidates(staff_id, day)
        except ImportError as e:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, self.tr("谁能顶班"), self.tr("求解模块不可用") + self.tr("：") + f"{e}")
            return False
        finally:
            if QApplication.overrideCursor() is not None:
                QApplication.restoreOverrideCursor()
        names = {p.id: p.name for p in self._scenario.staff}
        factory = dialog_factory or WhoCanCoverDialog
        dlg = factory(names, staff_id, day, code, cands, self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return False
        c = dlg.chosen()
        if c is None:
            return False
        lock = getattr(dlg, "lock_cells", None)
        self.assign_cover(staff_id, day, c, lock=bool(lock()) if callable(lock) else False)
        return True

    def assign_cover(self, absent: str, day: dt.date, candidate, lock: bool = False) -> None:
        """Give ``absent``'s shift on ``day`` to ``candidate``; ``lock`` also locks both cells (the absent person
        off, the cover on), so a later re-optimisation keeps the swap.  One undo step either way."""
        sid = getattr(candidate, "staff", "")
        sid = getattr(sid, "id", sid)
        shift = getattr(candidate, "shift", None) or self.model.code(absent, day)
        grid = self.model.grid()
        grid.pop((absent, day), None)
        grid[(sid, day)] = shift
        names = {p.id: p.name for p in self._scenario.staff}
        text = self.tr("顶班") + self.tr("：") + f"{names.get(sid, sid)} → {names.get(absent, absent)} {day.month}/{day.day} {shift}"
        self.undo_stack.beginMacro(text)
        try:
            self.undo_stack.push(ApplyGridCommand(self.model, grid, text, self.model.to_roster().solver))
            if lock:
                self.undo_stack.push(SetLockCommand(self.model, [(absent, day), (sid, day)], True))
        finally:
            self.undo_stack.endMacro()

    # ------------------------------------------------------------------ files
    def _remember_recent(self, path: str) -> None:
        rec = [p for p in self.recent_files() if p != path]
        rec.insert(0, path)
        self.settings.setValue("recentFiles", rec[:MAX_RECENT])

    def recent_files(self) -> list[str]:
        v = self.settings.value("recentFiles", [])
        if isinstance(v, str):
            v = [v]
        return [str(x) for x in (v or [])]

    def _fill_recent(self) -> None:
        self.menu_recent.clear()
        files = self.recent_files()
        if not files:
            a = self.menu_recent.addAction(self.tr("（无）"))
            a.setEnabled(False)
            return
        for i, p in enumerate(files):
            a = self.menu_recent.addAction(f"&{i + 1} {p}")
            a.triggered.connect(lambda _=False, path=p: self.open_scenario(path))

    def confirm(self, title: str, text: str) -> bool:
        """Yes/No question (default No); tests replace this method."""
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def new_from_sample(self) -> None:
        from roster.sample import sample_scenario

        old = self._scenario
        sample = sample_scenario()
        if old != sample and not self.confirm(self.tr("载入示例班组"), self.tr(
                "示例班组将替换当前的团队、班次、需求与规则；不属于示例班组的人员的班次会移出排班。\n"
                "之后可用 编辑 → 撤销 恢复。继续吗？")):
            return
        self.undo_stack.push(SetScenarioCommand(old, sample, self.install_scenario, self.tr("载入示例班组")))
        self.statusBar().showMessage(self.tr("已载入示例班组（编辑 → 撤销 可恢复原来的数据）"), 8000)

    def open_scenario_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("打开场景"), "", self.tr("场景 JSON (*.json)"))
        if path:
            self.open_scenario(path)

    def open_scenario(self, path: str) -> bool:
        from roster.scenario_io import InputError, load_scenario

        try:
            scenario, warnings = load_scenario(path)
        except InputError as e:
            QMessageBox.warning(self, self.tr("无法打开场景"), str(e))
            return False
        self.scenario_path = path
        self._remember_recent(path)
        self.undo_stack.push(SetScenarioCommand(self._scenario, scenario, self.install_scenario,
                                                self.tr("打开场景") + f" {Path(path).name}"))
        self._apply_scenario_locks(scenario)
        if warnings:
            self.statusBar().showMessage("；".join(warnings[:3]), 8000)
        return True

    def save(self) -> bool:
        """Ctrl+S: write scenario and roster to the store now (and the scenario file if one is open)."""
        ok = True
        if self.store is not None:
            self.autosaver.scenario_changed()
            self.autosaver.note("save", self.tr("手动保存"))
            ok = self.autosaver.flush()
        if self.scenario_path:
            ok = self.save_scenario_as(self.scenario_path) and ok
        if ok:
            self.undo_stack.setClean()
            self.statusBar().showMessage(self.tr("已保存"), 3000)
        return ok

    def save_scenario_as_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("场景另存为"), "team.json", self.tr("场景 JSON (*.json)"))
        if path and self.save_scenario_as(path):
            self.scenario_path = path
            self._remember_recent(path)

    def save_scenario_as(self, path: str) -> bool:
        from roster.scenario_io import scenario_to_dict, write_json

        try:
            write_json(path, scenario_to_dict(self.scenario_with_locks()))
        except OSError as e:
            QMessageBox.warning(self, self.tr("保存失败"), f"{path}: {e}")
            return False
        return True

    def open_roster_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("打开排班"), "", self.tr("排班 JSON (*.json)"))
        if not path:
            return
        from roster.scenario_io import InputError, load_roster

        try:
            ro = load_roster(path, self._scenario)
        except InputError as e:
            QMessageBox.warning(self, self.tr("无法打开排班"), str(e))
            return
        self.set_period(ro.start, ro.days)
        grid = {(a.staff, a.date): a.shift for a in ro.assignments}
        self.undo_stack.push(ApplyGridCommand(self.model, grid, self.tr("打开排班") + f" {Path(path).name}", ro.solver))

    def save_roster_json_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("排班另存为"), "rota.json", self.tr("排班 JSON (*.json)"))
        if not path:
            return
        from roster.scenario_io import roster_to_dict, write_json

        ro = self.current_roster()
        data = roster_to_dict(ro)
        try:
            from roster.validator import violation_to_dict

            data["violations"] = [violation_to_dict(v) for v in self._last_violations]
        except ImportError:
            pass
        write_json(path, data)

    def show_audit(self) -> None:
        if self.store is None or not hasattr(self.store, "audit"):
            QMessageBox.information(self, self.tr("修改记录"), self.tr("没有打开数据文件。"))
            return
        self.autosaver.flush()
        rows = list(_call_flexible(self.store.audit, roster_id=self.autosaver.roster_id))
        dlg = QDialog(self)
        dlg.setWindowTitle(self.tr("修改记录"))
        lay = QVBoxLayout(dlg)
        t = QTableWidget(len(rows), 4, dlg)
        t.setHorizontalHeaderLabels([self.tr("时间"), self.tr("用户"), self.tr("操作"), self.tr("内容")])
        t.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        actions = {"create": self.tr("新建"), "edit": self.tr("修改"), "undo": self.tr("撤销"), "redo": self.tr("重做"),
                   "save": self.tr("保存")}
        for r, row in enumerate(rows):
            for c, k in enumerate(("at", "user", "action", "detail")):
                val = row.get(k) if isinstance(row, dict) else getattr(row, k, "")
                if isinstance(val, dt.datetime):
                    val = val.strftime("%Y-%m-%d %H:%M:%S")
                if k == "action":
                    val = actions.get(str(val), val)
                item = QTableWidgetItem(str(val or ""))
                item.setToolTip(str(val or ""))
                t.setItem(r, c, item)
        for c in range(3):
            t.resizeColumnToContents(c)  # the time column was cut ("2026-11-26 …")
        lay.addWidget(t)
        dlg.resize(800, 420)
        dlg.exec()

    # ------------------------------------------------------------------ exports
    def _ask_path(self, title: str, default: str, filt: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, title, default, filt)
        return path or None

    def _period_tag(self) -> str:
        return f"{self.model.start:%Y%m%d}_{self.model.days}d"

    def _run_export(self, fn_name: str, path: str, *args, **kwargs) -> bool:
        fn = _export_fn(fn_name)
        if fn is None:
            QMessageBox.warning(self, self.tr("导出"), self.tr("导出模块尚不可用") + self.tr("：") + f"{fn_name}")
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            _call_flexible(fn, path, *args, **kwargs)
        except Exception as e:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, self.tr("导出失败"), f"{path}\n{error_text(e, self.lang)}")
            return False
        QApplication.restoreOverrideCursor()
        self.statusBar().showMessage(self.tr("已导出") + self.tr("：") + f"{path}", 5000)
        return True

    def export_excel(self, path: str | None = None) -> bool:
        path = path or self._ask_path(self.tr("导出 Excel"), self.tr("排班") + f"_{self._period_tag()}.xlsx", self.tr("Excel 工作簿 (*.xlsx)"))
        if not path:
            return False
        ro = self.current_roster()
        return self._run_export("write_workbook", path, self._scenario, ro, lang=self.export_lang, solver_info=ro.solver)

    def _confirm_public_rota(self) -> bool:
        """Before the wall rota is printed or saved as PDF from the menu: say when the grid breaks labour rules
        (GUI review #13: an illegal rota printed without a word); coverage gaps alone do not ask."""
        self.validate_now()  # the debounced check may not have run since the last edit
        broken = [v for v in getattr(self, "_last_violations", []) if v.rule != "coverage"]
        if not broken:
            return True
        answer = QMessageBox.question(
            self, self.tr("排班有违规"),
            self.tr("当前排班有 %1 条违反规则的地方（见“规则检查”），张贴后的排班表不合规。仍要继续吗？")
            .replace("%1", str(len(broken))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def export_pdf(self, path: str | None = None) -> bool:
        if path is None and not self._confirm_public_rota():
            return False
        path = path or self._ask_path(self.tr("导出 PDF"), self.tr("排班") + f"_{self._period_tag()}.pdf", self.tr("PDF 文件 (*.pdf)"))
        if not path:
            return False
        return self._run_export("write_pdf", path, self._scenario, self.model.to_roster(), lang=self.export_lang)

    def export_ics(self, path: str | None = None) -> bool:
        path = path or QFileDialog.getExistingDirectory(self, self.tr("导出日历：选择文件夹"))
        if not path:
            return False
        # one .ics per person into the folder
        return self._run_export("write_all_ics", path, self._scenario, self.model.to_roster())

    def export_template(self, path: str | None = None) -> bool:
        path = path or self._ask_path(self.tr("导出导入模板"), self.tr("员工与请假_模板.xlsx"), self.tr("Excel 工作簿 (*.xlsx)"))
        if not path:
            return False
        return self._run_export("write_template", path, self._scenario, lang=self.export_lang)

    def import_staff_leave(self, path: str | None = None, report_factory=None) -> bool:
        interactive = path is None  # from the menu: the user confirms what the file changes before it is applied
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("导入员工/请假"), "", self.tr("Excel 工作簿 (*.xlsx)"))
        if not path:
            return False
        fn = _export_fn("import_staff_leave")
        if fn is None:
            QMessageBox.warning(self, self.tr("导入"), self.tr("导入模块尚不可用"))
            return False
        try:
            new = fn(path, self._scenario)
        except Exception as e:
            errors = getattr(e, "errors", None)
            if errors is None:
                QMessageBox.warning(self, self.tr("导入失败"), f"{path}\n{error_text(e, self.lang)}")
                return False
            errors = list(errors)
            if errors and all(not getattr(x, "sheet", "") and not getattr(x, "row", 0) and not getattr(x, "column", "")
                              for x in errors):
                # the file itself is unreadable (garbage, truncated, .xls, no sheets, no rows): one sentence, no
                # sheet/row/column to show — a message naming the file, not the row table with empty cells
                reasons = "\n".join(error_text(x, self.lang) for x in errors)
                head = self.tr("无法导入 {file}，未做任何更改。").format(file=path)
                QMessageBox.warning(self, self.tr("导入失败"), f"{head}\n\n{reasons}")
                return False
            dlg = (report_factory or ImportReportDialog)(errors, self)
            dlg.exec()
            return False
        if isinstance(new, tuple):
            new = new[0]
        summary = self._import_summary(self._scenario, new)
        if new == self._scenario:
            self.statusBar().showMessage(self.tr("导入完成：文件中的数据与现有数据相同，没有变化"), 8000)
            return False
        if interactive and QMessageBox.question(
                self, self.tr("导入员工/请假"), summary + "\n\n" + self.tr("确认导入？（导入后可撤销）"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes) != QMessageBox.StandardButton.Yes:
            return False
        self.undo_stack.push(SetScenarioCommand(self._scenario, new, self.install_scenario,
                                                self.tr("导入员工/请假") + f" {Path(path).name}"))
        self.statusBar().showMessage(self.tr("已导入") + self.tr("：") + summary, 10000)
        return True

    def _import_summary(self, old: Scenario, new: Scenario) -> str:
        """What an import changes: people added / updated, leave and unavailable times added (GUI review #13: it
        applied without saying)."""
        before = {p.id: p for p in old.staff}
        added = [p for p in new.staff if p.id not in before]
        updated = [p for p in new.staff if p.id in before and p != before[p.id]]
        leave = sum(len(set(p.leave) - set(before[p.id].leave if p.id in before else ())) for p in new.staff)
        away = sum(len(set(p.unavailable) - set(before[p.id].unavailable if p.id in before else ()))
                   for p in new.staff)
        return (self.tr("新增 %1 人，更新 %2 人，新增请假 %3 段、不可排班时段 %4 段")
                .replace("%1", str(len(added))).replace("%2", str(len(updated)))
                .replace("%3", str(leave)).replace("%4", str(away)))

    def print_preview_dialog(self):
        """A print preview dialog wired to exports.paint_rota (the caller execs or inspects it)."""
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        from PySide6.QtGui import QPageLayout, QPageSize

        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        dlg = QPrintPreviewDialog(printer, self)
        dlg.setWindowTitle(self.tr("打印预览"))
        scenario, roster, lang = self._scenario, self.model.to_roster(), self.export_lang
        paint = _export_fn("paint_rota")

        def on_paint(pr) -> None:
            if paint is not None:
                _call_flexible(paint, pr, scenario, roster, lang=lang)
            else:  # exports not available: a plain page saying so, never an empty crash
                from PySide6.QtGui import QPainter

                p = QPainter(pr)
                p.drawText(100, 100, self.tr("打印模块尚不可用"))
                p.end()

        dlg.paintRequested.connect(on_paint)
        dlg._printer = printer  # keep alive with the dialog
        return dlg

    def print_preview(self) -> None:
        if not self._confirm_public_rota():
            return
        dlg = self.print_preview_dialog()
        dlg.exec()

    # ------------------------------------------------------------------ language / about
    def set_export_language(self, lang: str) -> None:
        """Language of the Excel workbook, the PDF / printed rota and the import template (kept in the settings)."""
        self.export_lang = "en" if lang == "en" else "zh"
        self.settings.setValue("export_lang", self.export_lang)
        (self.act_export_en if self.export_lang == "en" else self.act_export_zh).setChecked(True)

    def set_language(self, lang: str) -> None:
        if lang == self.lang:
            return
        self.lang = lang
        self.solve_panel.lang = lang
        self.model.lang = lang
        self.statusBar().clearMessage()  # a message of the old language would stay until it times out
        self.settings.setValue("lang", lang)
        (self.act_lang_en if lang == "en" else self.act_lang_zh).setChecked(True)
        installed = False
        try:
            from .i18n import install_translator

            installed = bool(_call_flexible(install_translator, QApplication.instance(), lang))
        except ImportError:
            installed = False
        # installing a translator sends LanguageChange → changeEvent → retranslate_ui on every widget; the
        # editors build their texts once, so they are recreated in the new language
        self._rebuild_editor_tabs()
        self.solve_panel.retranslate()  # the posted LanguageChange arrives later; the panel's figures switch now
        self.model.retranslate()  # leave labels in empty cells
        if not self.solve_panel.alerts_label.isHidden():
            self.solve_panel.show_alerts(period_alerts(self._scenario, self.model.start, self.model.dates[-1], lang))
        self.legend.update()
        self.violations.set_language(lang)
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        if self.last_explanation is not None and not getattr(self.last_explanation, "ok", True):
            fixes = list(getattr(self.last_explanation, "fixes", []) or [])
            self.solve_panel.show_explanation(self.last_explanation.text(lang), fixes,
                                              _is_infeasible(self.last_result))
        self.languageChanged.emit(lang)
        if not installed and lang != "zh":
            self.statusBar().showMessage("English translation not available; restart may be required.", 8000)

    def show_guide(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("使用说明"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(self.guide_text())
        box.exec()

    def guide_text(self) -> str:
        """The workflow in six steps with the keys that do it (Help → 使用说明, F1); offline, no web page."""
        steps = [
            self.tr("<b>团队、请假、意愿</b>：在“团队”和“请假与意愿”页维护人员、技能、合同工时、保护期、请假、"
                    "不可排班时段和个人意愿；也可“文件 → 导入员工/请假 (.xlsx)”。"),
            self.tr("<b>班次、需求、日历、规则</b>：“班次”页的模板可跨夜；“需求”页按小时填在岗人数；“日历”页核对"
                    "法定节假日与调休上班日；“规则”页设置工时制度、休息与加班上限。"),
            self.tr("<b>求解</b>：选开始日期和天数，按 F5。求解在后台进行，可随时取消（Esc），保留目前最好的排班；"
                    "无合法排班时，“原因与建议”列出原因和可一键采纳的修改。"),
            self.tr("<b>手工修改</b>：在排班表中输入班次代码或 Delete 清除，违规会立即标出（F7 立即检查）；"
                    "Ctrl+L 锁定所选格子，Shift+F5 保留锁定重新优化其余；Ctrl+K 查看谁能顶班。"),
            self.tr("<b>打印与导出</b>：Ctrl+P 打印预览（每周一页 A4，带签字栏，不含电话与证件号）；Ctrl+E 导出"
                    "给人事的 Excel（工时、加班 150/200/300%、夜班小时、调休、人天）。"),
            self.tr("<b>保存</b>：所有修改自动保存在本机数据文件中（可撤销 Ctrl+Z）；“文件 → 修改记录”查看谁在何时改了什么。"),
        ]
        items = "".join(f"<li>{s}</li>" for s in steps)
        title = self.tr("使用说明")
        return f"<h3>{title}</h3><ol>{items}</ol>"

    def about(self) -> None:
        QMessageBox.about(self, self.tr("关于"), self.about_text())

    def about_text(self) -> str:
        import PySide6

        try:
            import ortools

            ort = ortools.__version__
        except Exception:
            ort = "?"
        title, blurb = self.tr("排班"), self.tr("12345 接诉即办值守班组排班工具：CP-SAT 求解、独立规则校验、离线保存。")
        return (f"<h3>{title} {app_version()}</h3>"
                f"<p>{blurb}</p>"
                f"<p>PySide6 {PySide6.__version__} · OR-Tools {ort}</p>")

    # ------------------------------------------------------------------ state
    def _restore_state(self) -> None:
        geo = self.settings.value("mainWindow/geometry")
        state = self.settings.value("mainWindow/state")
        if isinstance(geo, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geo))
        if isinstance(state, QByteArray | bytes):
            self.restoreState(QByteArray(state))
        tl = self.settings.value("solve/timeLimit")
        if tl is not None:
            try:
                self.solve_panel.time_limit.setValue(int(tl))
            except (TypeError, ValueError):
                pass

    def save_state(self) -> None:
        self.settings.setValue("mainWindow/geometry", self.saveGeometry())
        self.settings.setValue("mainWindow/state", self.saveState())
        self.settings.setValue("solve/timeLimit", self.solve_panel.time_limit.value())
        self.settings.sync()

    def shutdown(self) -> None:
        """Stop background work and write pending edits (close, tests)."""
        self.runner.shutdown()
        self.autosaver.flush()

    def _save_failed(self, message: str) -> None:
        self._save_error = message
        self.statusBar().showMessage(self.tr("自动保存失败") + self.tr("：") + f"{message}", 8000)
        self._saved_label.setText(self.tr("未保存"))  # stays until a save succeeds (a status message is overwritten)

    def _save_ok(self, _roster_id) -> None:
        self._save_error = ""
        self._saved_label.setText(self.tr("已自动保存"))

    def ask_unsaved(self, error: str) -> str:
        """The last edits could not be saved: "retry", "discard" (close anyway) or "cancel" (keep the window open).
        Tests replace this method."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("未能保存"), self.tr(
            "最近的修改未能保存到数据文件。\n原因：%1\n\n可以重试（例如关闭占用该文件的程序后），或取消关闭后用"
            "“文件 → 场景另存为… / 排班另存为 JSON…”另存；放弃则这些修改会丢失。").replace("%1", error or self.tr("未知")), parent=self)
        retry = box.addButton(self.tr("重试"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("取消关闭"), QMessageBox.ButtonRole.RejectRole)
        discard = box.addButton(self.tr("放弃修改并退出"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(retry)
        box.exec()
        return {retry: "retry", cancel: "cancel", discard: "discard"}.get(box.clickedButton(), "cancel")

    def closeEvent(self, event) -> None:
        self.save_state()
        self.runner.shutdown()
        while not self.autosaver.flush():  # never close over edits that did not reach the data file silently
            choice = self.ask_unsaved(self._save_error)
            if choice == "cancel":
                event.ignore()
                return
            if choice == "discard":
                break
        super().closeEvent(event)


def _has_solution(result) -> bool:
    """A usable roster came back (failures carry an empty roster with their status)."""
    return getattr(result, "roster", None) is not None and str(getattr(result, "status", "")) in ("OPTIMAL", "FEASIBLE")


def _is_infeasible(result) -> bool:
    """No roster came back and the solver did not merely stop early (cancelled, or the time limit without one)."""
    return not _has_solution(result) and str(getattr(result, "status", "")) not in ("CANCELLED", "UNKNOWN")


def _preload_solver() -> None:
    """Import OR-Tools now (≈1–3 s): done lazily on the first F5 it would freeze the window then."""
    for mod in ("solver.api", "solver.explain", "solver.repair"):
        try:
            importlib.import_module(mod)
        except ImportError:
            pass


def _renames(old: tuple, new: tuple, key: str) -> dict[str, str]:
    """{old → new} for one item edited in place: the same list, except that at exactly one position a key that is
    new replaced one that is gone (a person's id or a shift's code typed over in an editor).  A whole other team
    (the sample loaded, a scenario opened) renames nothing, even at the same length (code review: cells moved onto
    whoever stood at the same position)."""
    if len(old) != len(new):
        return {}
    differ = [(a, b) for a, b in zip(old, new, strict=True) if getattr(a, key) != getattr(b, key)]
    if len(differ) != 1:
        return {}
    a, b = differ[0]
    if getattr(a, key) in {getattr(x, key) for x in new} or getattr(b, key) in {getattr(x, key) for x in old}:
        return {}
    return {getattr(a, key): getattr(b, key)}


def _locked_scenario(scenario: Scenario, roster: Roster, cells) -> Scenario:
    """``scenario`` with each cell of ``cells`` locked to its value in ``roster`` (as reoptimise does)."""
    cur = roster.by_staff_date()
    cells = set(cells)
    new = [Lock(s, d, cur[(s, d)].shift if (s, d) in cur else OFF) for s, d in sorted(cells)]
    keep = [lk for lk in scenario.locked if (lk.staff, lk.date) not in cells]
    return dataclasses.replace(scenario, locked=tuple(keep) + tuple(new))


def _explain_if_needed(scenario, start, days, result, lang, cancel=None, on_progress=None):
    """Run on the worker thread: an explanation when hours stay uncovered or no roster exists.

    After a Cancel the fixes are not verified by re-solving (that would take seconds more)."""
    status = str(getattr(result, "status", ""))
    shortfalls = getattr(result, "shortfalls", None)
    if _has_solution(result) and not shortfalls:
        return None
    if not _has_solution(result) and status not in ("INFEASIBLE", "MODEL_INVALID"):
        return None  # cancelled / out of time before a first solution: nothing to explain
    try:
        from solver.explain import explain
    except ImportError:
        return None
    try:
        cancelled = bool(cancel is not None and getattr(cancel, "cancelled", False))
        if on_progress is not None:
            on_progress(EXPLAINING)
        return _call_flexible(explain, scenario, start, days, result, lang=lang, verify=not cancelled,
                              verify_time_limit=2.0, max_verified=3)
    except Exception:
        return None
