"""PyInstaller entry: the GUI (ui.app.main).  User data lives in the platformdirs data dir
(see roster.storage), never next to the executable, so the install folder can be read-only.

``roster --selftest`` checks a frozen build without opening a window: CP-SAT solves a tiny model,
the holiday calendar loads, and the English catalogue is found; exit 0 when all work.
"""

import sys


def selftest() -> int:
    import datetime as dt
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ortools.sat.python import cp_model
    from PySide6.QtWidgets import QApplication

    from roster.calendar import WorkCalendar
    from roster.model import DayType
    from ui.i18n import install_translator, qm_path

    m = cp_model.CpModel()
    x = m.new_int_var(0, 10, "x")
    m.add(x >= 7)
    m.minimize(x)
    solver = cp_model.CpSolver()
    ok_solver = solver.solve(m) == cp_model.OPTIMAL and solver.value(x) == 7
    ok_calendar = WorkCalendar().day_type(dt.date(2026, 10, 1)) == DayType.HOLIDAY
    app = QApplication(sys.argv[:1])
    ok_i18n = qm_path("en") is not None and install_translator(app, "en")
    print(f"solver={ok_solver} calendar={ok_calendar} i18n={ok_i18n} qm={qm_path('en')}")
    return 0 if (ok_solver and ok_calendar and ok_i18n) else 1


if __name__ == "__main__":
    if "--selftest" in sys.argv[1:]:
        raise SystemExit(selftest())
    from ui.app import main

    raise SystemExit(main(sys.argv[1:]))
