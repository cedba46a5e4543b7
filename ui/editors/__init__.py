"""Scenario editors (PySide6).  Each is a QWidget taking a Scenario, emitting ``scenarioChanged(object)``
with a new frozen Scenario after every accepted edit, and offering ``set_scenario(scenario)``.

Imported lazily so ``from ui.editors import TeamEditor`` loads only that editor.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "TeamEditor": "team_editor",
    "LeaveEditor": "leave_editor",
    "ShiftEditor": "shift_editor",
    "DemandEditor": "demand_editor",
    "RulesEditor": "rules_editor",
    "CalendarEditor": "calendar_editor",
}

__all__ = list(_WHERE)


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(name)
