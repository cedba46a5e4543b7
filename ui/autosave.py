"""Autosave of the scenario and roster to the SQLite store, with an audit trail of every edit.

Edits are collected for a short moment and written in one transaction (one audit row listing the
edits), so a burst of typing does not hit the disk per key.  Opening the store goes through
:func:`open_store_with_recovery`, which turns a corrupt / locked / newer database into a choice
(open backup, choose another file, start with the sample) instead of a crash.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

CHOICE_BACKUP = "backup"
CHOICE_OTHER = "other"
CHOICE_SAMPLE = "sample"
CHOICE_QUIT = "quit"
CHOICE_RETRY = "retry"


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some sandboxes
        return os.environ.get("USERNAME") or os.environ.get("USER") or "user"


def _storage():
    from roster import storage

    return storage


def backup_candidates(path: str | os.PathLike | None) -> list[Path]:
    """The store's backup of ``path`` (written on every successful open), if it exists."""
    storage = _storage()
    p = Path(path) if path is not None else storage.default_path()
    bak = storage.backup_path(p)
    return [bak] if bak.exists() else []


def open_store_with_recovery(path: str | os.PathLike | None,
                             chooser: Callable[[object, list[Path]], tuple[str, str | None]],
                             max_attempts: int = 5):
    """Open the store; on StoreError ask ``chooser(error, backups)`` -> (choice, path or None).

    Returns ``(store or None, choice or None, message)``.  ``store`` None with choice "sample" means
    the caller starts with the embedded sample without a database; "quit" means give up.
    """
    storage = _storage()
    target = path
    last_msg = ""
    attempts = 0
    while attempts < max_attempts:
        attempts += 1
        try:
            return storage.Store.open(target), None, last_msg
        except storage.StoreError as e:
            backups = backup_candidates(target)
            choice, other = chooser(e, backups)
            last_msg = str(e)
            if choice == CHOICE_BACKUP:
                if not backups:
                    continue
                try:
                    # the broken file is kept beside it as .broken-<time>, nothing is lost
                    storage.Store.restore_backup(target)
                except storage.StoreError as e2:
                    last_msg = str(e2)
                    continue
            elif choice == CHOICE_OTHER and other:
                target = other
            elif choice == CHOICE_RETRY:
                attempts -= 1  # the user's own retries are not counted against the attempts
                continue  # the same file again (another program may have let go of it)
            elif choice == CHOICE_SAMPLE:
                return None, CHOICE_SAMPLE, last_msg
            else:
                return None, CHOICE_QUIT, last_msg
    return None, CHOICE_SAMPLE, last_msg


class Autosaver(QObject):
    """Debounced writes of the current roster to the store plus one audit row per flush."""

    saved = Signal(object)  # roster id
    failed = Signal(str)

    def __init__(self, store, delay_ms: int = 800, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.roster_id = None
        self.scenario_id = None
        self.user = current_user()
        self._get_roster: Callable[[], object] | None = None
        self._get_scenario: Callable[[], object] | None = None
        self._scenario_dirty = False
        self._name = ""
        self._pending: list[tuple[str, str]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)

    def bind(self, get_roster: Callable[[], object], name: str, roster_id=None,
             get_scenario: Callable[[], object] | None = None) -> None:
        self._get_roster = get_roster
        if get_scenario is not None:
            self._get_scenario = get_scenario
        self._name = name
        self.roster_id = roster_id

    def note(self, action: str, detail: str) -> None:
        """Record an edit; it is written (with the roster) when edits pause."""
        if self.store is None:
            return
        self._pending.append((action, detail))
        self._timer.start()

    def scenario_changed(self) -> None:
        """The team/rules/locks changed: a new scenario version is written with the next flush."""
        if self.store is None:
            return
        self._scenario_dirty = True
        self._timer.start()

    def pending(self) -> int:
        return len(self._pending) + int(self._scenario_dirty)

    def flush(self) -> bool:
        self._timer.stop()
        if self.store is None:
            return True
        if self._scenario_dirty and self._get_scenario is not None:
            if not self.save_scenario(self._get_scenario()):
                return False
            self._scenario_dirty = False
        if self._get_roster is None or not self._pending:
            return True
        actions = self._pending
        self._pending = []
        roster = self._get_roster()
        mixed = len({a for a, _ in actions}) > 1
        action = "edit" if mixed else actions[-1][0]
        # mixed edits keep what each one was: an undo stored as a plain repeat of the edit misread the history
        # (GUI review M3: "修改 徐丽 6/5 → N；修改 徐丽 6/5 → N" while the file held D)
        prefix = {"undo": "撤销：", "redo": "重做："}
        detail = "；".join((prefix.get(a, "") if mixed else "") + d for a, d in actions[:50]) + (
            "…" if len(actions) > 50 else "")
        try:
            if self.roster_id is None:
                self.roster_id = self.store.save_roster(self._name, roster, scenario_id=self.scenario_id,
                                                        user=self.user)
                self.store.record_audit(self.roster_id, action, detail, user=self.user)
            else:
                self.store.update_roster(self.roster_id, roster, action=action, detail=detail, user=self.user)
        except Exception as e:  # a full disk or a lost lock must not lose the session
            self._pending = actions + self._pending
            self.failed.emit(str(e))
            return False
        self.saved.emit(self.roster_id)
        return True

    def save_scenario(self, scenario) -> bool:
        if self.store is None:
            return True
        try:
            self.scenario_id = self.store.save_scenario(scenario)
        except Exception as e:
            self.failed.emit(str(e))
            return False
        return True
