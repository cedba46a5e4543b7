"""``roster check``: run the independent validator on a roster JSON file.

Prints each violation once with its legal source and returns 1, or prints "0 违规" / "0 violations"
and returns 0.  Bad input raises :class:`roster.scenario_io.InputError` (the CLI maps it to exit 2).
"""

from __future__ import annotations

import sys
from typing import TextIO

from .sample import sample_scenario
from .scenario_io import load_roster, load_scenario
from .validator import check, format_violation


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
    violations = check(scenario, roster)
    if not violations:
        print("0 violations" if lang == "en" else "0 违规", file=out)
        return 0
    for v in violations:
        print(format_violation(v, lang), file=out)
    n = len(violations)
    print(f"{n} violation{'s' if n != 1 else ''}" if lang == "en" else f"共 {n} 条违规", file=out)
    return 1
