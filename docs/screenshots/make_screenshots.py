"""Render the documentation screenshots from the real window (offscreen).

    uv run python docs/screenshots/make_screenshots.py

Writes main_window.png, roster_view.png, coverage_heatmap.png, fairness.png, solve_progress.png and
infeasibility.png next to this script.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from roster.model import DateRange, Leave, LeaveKind  # noqa: E402
from roster.sample import sample_scenario  # noqa: E402
from ui.app import setup_application  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

START = dt.date(2026, 6, 1)


def pump(app: QApplication, seconds: float = 0.2) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.005)


def wait_solve(app: QApplication, w: MainWindow, on_running=None) -> None:
    done: list = []
    w.solveFinished.connect(done.append)
    shot = False
    while not done:
        app.processEvents()
        time.sleep(0.005)
        if on_running and not shot and not w.solve_panel.preview_strip.is_empty():
            pump(app, 1.5)
            on_running()
            shot = True


def main() -> int:
    app = QApplication.instance() or QApplication([])
    setup_application(app)
    tmp = tempfile.mkdtemp(prefix="roster-screens-")
    settings = QSettings(str(Path(tmp) / "screens.ini"), QSettings.Format.IniFormat)

    w = MainWindow(sample_scenario(), START, 28, settings=settings)
    w.resize(1500, 900)
    w.show()
    pump(app)
    w.solve_panel.time_limit.setValue(15)
    w.start_solve()
    wait_solve(app, w, on_running=lambda: w.solve_panel.grab().save(str(HERE / "solve_progress.png")))
    # a hand edit that breaks a rule, and a lock, so the marks show
    day = START + dt.timedelta(days=9)
    w.model.setData(w.model.index_of("s11", day), "N")
    w.view.setCurrentIndex(w.model.index_of("s01", START + dt.timedelta(days=2)))
    w.act_lock.trigger()
    w.validate_now()
    pump(app, 0.5)
    w.grab().save(str(HERE / "main_window.png"))
    w.view.grab().save(str(HERE / "roster_view.png"))
    # a shortfall on the heat-map: take two people off one day
    for sid in ("s02", "s04"):
        w.model.setData(w.model.index_of(sid, START + dt.timedelta(days=4)), "OFF")
    w.validate_now()
    w.tabs.setCurrentIndex(1)
    pump(app, 0.3)
    w.heat_scroll.grab().save(str(HERE / "coverage_heatmap.png"))
    w.tabs.setCurrentIndex(2)
    pump(app, 0.3)
    w.fairness.grab().save(str(HERE / "fairness.png"))
    w.shutdown()
    w.close()

    # no legal full cover: eight people on leave on 6/3
    sc = sample_scenario()
    away = {"s01", "s02", "s03", "s04", "s06", "s07", "s08", "s09"}
    staff = tuple(dataclasses.replace(p, leave=p.leave + (Leave(DateRange(START + dt.timedelta(days=2),
                                                                           START + dt.timedelta(days=2)),
                                                                 LeaveKind.ANNUAL),))
                  if p.id in away else p for p in sc.staff)
    sc = dataclasses.replace(sc, staff=staff)
    w2 = MainWindow(sc, START, 7, settings=settings)
    w2.resize(1500, 900)
    w2.show()
    pump(app)
    w2.solve_panel.time_limit.setValue(5)
    w2.start_solve()
    wait_solve(app, w2)
    pump(app, 0.5)
    w2.solve_panel.grab().save(str(HERE / "infeasibility.png"))
    w2.grab().save(str(HERE / "main_window_explanation.png"))
    w2.shutdown()
    w2.close()
    print("written:", ", ".join(sorted(p.name for p in HERE.glob("*.png"))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
