"""Grab every editor (and the contract view) into docs/screenshots/editor-<name>.png.

    uv run python -m ui.editors._screenshots [--lang zh|en] [--solve-seconds 20]

Runs offscreen; the contract view uses a 61-day CP-SAT roster from the sample team (June–July 2026).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", default="zh", choices=("zh", "en"))
    ap.add_argument("--solve-seconds", type=float, default=20.0)
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = ap.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from roster.model import Approval
    from roster.sample import sample_scenario, twelve_hour_shifts
    from ui.contract_view import ContractView
    from ui.editors import CalendarEditor, DemandEditor, LeaveEditor, RulesEditor, ShiftEditor, TeamEditor
    from ui.i18n import install_translator

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    f = QFont(app.font())
    f.setFamilies(["Microsoft YaHei UI", "Noto Sans CJK SC", f.family()])
    app.setFont(f)
    install_translator(app, args.lang)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.lang == "zh" else "-en"

    s = sample_scenario()
    s = replace(s, shifts=s.shifts + twelve_hour_shifts())
    roster = None
    try:
        from solver.api import SolveOptions, solve

        res = solve(sample_scenario(), dt.date(2026, 6, 1), 61, SolveOptions(time_limit=args.solve_seconds, workers=2))
        roster = getattr(res, "roster", None)
    except Exception as exc:  # the screenshot still shows the empty state
        print(f"solver unavailable for the contract view: {exc}", file=sys.stderr)

    widgets = {
        "team": TeamEditor(s),
        "leave": LeaveEditor(_with_unavailable(s)),
        "shift": ShiftEditor(s),
        "demand": DemandEditor(s),
        "rules": RulesEditor(s),
        "rules-approved": RulesEditor(
            replace(s, rules=replace(s.rules, approval=Approval("京西人社综审字〔2026〕12号", dt.date(2026, 1, 1), dt.date(2028, 12, 31))))
        ),
        "calendar": CalendarEditor(s),
        "contract": ContractView(sample_scenario(), roster),
    }
    widgets["team"].view.selectRow(4)  # 陈静: a protected period to show
    widgets["leave"].show_month(2026, 9)  # maternity leave starts 09-11
    for name, w in widgets.items():
        w.resize(1280, 760)
        w.show()
        app.processEvents()
        path = out / f"editor-{name}{suffix}.png"
        w.grab().save(str(path))
        print(path)
        w.close()
    return 0


def _with_unavailable(s):
    """The sample plus two unavailable times, so the leave editor's table has something to show (the sample team
    itself has none: its benchmark figures stay comparable)."""
    from roster.model import DateRange, Unavailable

    staff = list(s.staff)
    staff[1] = replace(staff[1], unavailable=(Unavailable(DateRange(dt.date(2026, 9, 1), dt.date(2026, 9, 30)), 22 * 60,
                                                          6 * 60, (2, 4), "家中照护"),))
    staff[6] = replace(staff[6], unavailable=(Unavailable(DateRange(dt.date(2026, 9, 15), dt.date(2026, 9, 15)), 0,
                                                          24 * 60, (), "区级培训"),))
    return replace(s, staff=tuple(staff))


if __name__ == "__main__":
    raise SystemExit(main())
