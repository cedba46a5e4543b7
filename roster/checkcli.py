"""``roster check``: run the independent validator on a roster JSON file.

Prints each violation once with its legal source and returns 1, or prints "0 违规" / "0 violations"
and returns 0.  Bad input raises :class:`roster.scenario_io.InputError` (the CLI maps it to exit 2).
"""

from __future__ import annotations

import sys
from typing import TextIO

from .advisories import advisories
from .model import OFF, Roster, Scenario, Violation
from .sample import sample_scenario
from .scenario_io import load_roster, load_scenario
from .validator import check, format_violation

LOCK_SOURCE = "排班规则（非法律条文）：锁定的单元格"


def lock_violations(scenario: Scenario, roster: Roster) -> list[Violation]:
    """Locked cells (SPEC §4 ``locked``) inside the roster's period that the roster does not hold.  Not a labour
    rule, so not in :data:`roster.validator.RULES`: the app's grid makes a lock the cell's own value."""
    held = {(a.staff, a.date): a.shift for a in roster.assignments}
    active = {p.id for p in scenario.staff if p.active}
    out = []
    for lk in scenario.locked:
        if not roster.start <= lk.date <= roster.end or lk.staff not in active:
            continue  # an inactive person is not planned, so the solver leaves their locks out too (alerted)
        got = held.get((lk.staff, lk.date), OFF)
        if got != lk.shift:
            msg = f"{lk.staff} {lk.date.month}月{lk.date.day}日 锁定为 {lk.shift}，排班中为 {got}"
            out.append(Violation("locked", lk.staff, lk.date, lk.date, None, None, LOCK_SOURCE, msg))
    return out


def run_check(scenario_path: str | None, roster_path: str, lang: str = "zh", *,
              out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    if scenario_path:
        scenario, warnings = load_scenario(scenario_path)
        for w in warnings:
            print(f"警告 (warning) {scenario_path}: {w}", file=err)
    else:
        scenario = sample_scenario()
    roster_warnings: list[str] = []
    roster = load_roster(roster_path, scenario, warnings=roster_warnings)
    for w in roster_warnings:
        print(f"警告 (warning) {roster_path}: {w}", file=err)
    violations = check(scenario, roster) + lock_violations(scenario, roster)
    for adv in advisories(scenario, roster):  # labour-law §4 warnings: said, never a violation
        print(("advisory: " if lang == "en" else "提示：") + adv.text(lang), file=err)
    if not violations:
        print("0 violations" if lang == "en" else "0 违规", file=out)
        return 0
    for v in violations:
        print(format_violation(v, lang), file=out)
    n = len(violations)
    print(f"{n} violation{'s' if n != 1 else ''}" if lang == "en" else f"共 {n} 条违规", file=out)
    return 1
