"""Undo commands: every edit of the roster goes through one of these (QUndoStack)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from roster.model import OFF

from .roster_model import RosterModel


class SetCellCommand(QUndoCommand):
    """Change one cell's shift code."""

    def __init__(self, model: RosterModel, staff_id: str, day: dt.date, code: str, parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self.staff_id = staff_id
        self.day = day
        self.new = code
        self.old = model.code(staff_id, day)
        name = next((p.name for p in model.staff if p.id == staff_id), staff_id)
        shown = QCoreApplication.translate("Commands", "休") if code == OFF else code
        self.setText(QCoreApplication.translate("Commands", "修改") + f" {name} {day.month}/{day.day} → {shown}")

    def redo(self) -> None:
        self.model.set_cell(self.staff_id, self.day, self.new)

    def undo(self) -> None:
        self.model.set_cell(self.staff_id, self.day, self.old)


class SetLockCommand(QUndoCommand):
    """Lock or unlock a set of cells."""

    def __init__(self, model: RosterModel, cells: Iterable[tuple[str, dt.date]], locked: bool, parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self.locked = locked
        # only cells whose state really changes, so undo restores exactly the previous state
        self.cells = [c for c in cells if model.is_locked(*c) != locked]
        verb = QCoreApplication.translate("Commands", "锁定") if locked else QCoreApplication.translate("Commands", "解锁")
        self.setText(verb + f" {len(self.cells)} " + QCoreApplication.translate("Commands", "个单元格"))

    def redo(self) -> None:
        self.model.set_locked(self.cells, self.locked)

    def undo(self) -> None:
        self.model.set_locked(self.cells, not self.locked)


class ApplyGridCommand(QUndoCommand):
    """Replace the whole grid (a solve, a re-optimisation, a who-can-cover swap)."""

    def __init__(self, model: RosterModel, grid: dict[tuple[str, dt.date], str], text: str,
                 solver_info: dict | None = None, parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self.new = dict(grid)
        self.old = model.grid()
        self.old_parked = model.parked()
        self.new_info = dict(solver_info or {})
        self.old_info = dict(model.to_roster().solver)
        self.setText(text)

    def redo(self) -> None:
        self.model.set_grid(self.new, parked={})  # a new plan: cells parked before it are no part of it
        self.model.set_solver_info(self.new_info)

    def undo(self) -> None:
        self.model.set_grid(self.old, parked=self.old_parked)
        self.model.set_solver_info(self.old_info)


class SetScenarioCommand(QUndoCommand):
    """Replace the scenario (an infeasibility fix, an editor change); ``apply`` installs one."""

    def __init__(self, old, new, apply: Callable[[object], None], text: str, parent=None) -> None:
        super().__init__(parent)
        self.old = old
        self.new = new
        self.apply = apply
        self.setText(text)

    def redo(self) -> None:
        self.apply(self.new)

    def undo(self) -> None:
        self.apply(self.old)
