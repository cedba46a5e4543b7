"""Grab the main window in English (offscreen) to look for untranslated or clipped text.

    uv run python i18n/screenshots_en.py [--out /tmp] [--solve-seconds 5] [--docs]

Writes <out>/en_main.png, en_tab<N>_<object>.png for every tab, en_solve_panel.png and
en_violations.png; with ``--docs`` also docs/screenshots/main_window_en.png.  The English
translator is installed BEFORE the window is built, as ui.app.main does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pump(app, seconds: float = 0.2) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.005)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()))
    ap.add_argument("--solve-seconds", type=int, default=5)
    ap.add_argument("--docs", action="store_true", help="also write docs/screenshots/main_window_en.png")
    args = ap.parse_args(argv)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from roster.sample import sample_scenario
    from ui.app import setup_application
    from ui.i18n import install_translator
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    setup_application(app)
    if not install_translator(app, "en"):
        raise SystemExit("i18n/roster_en.qm missing: run i18n/update_translations.py first")
    settings = QSettings(str(Path(tempfile.mkdtemp(prefix="roster-en-")) / "s.ini"), QSettings.Format.IniFormat)
    w = MainWindow(sample_scenario(), dt.date(2026, 6, 1), 28, settings=settings, lang="en")
    w.resize(1500, 900)
    w.show()
    pump(app)
    if args.solve_seconds > 0:
        done: list = []
        w.solveFinished.connect(done.append)
        w.solve_panel.time_limit.setValue(args.solve_seconds)
        w.start_solve()
        while not done:
            app.processEvents()
            time.sleep(0.005)
        pump(app, 0.5)
    args.out.mkdir(parents=True, exist_ok=True)
    w.grab().save(str(args.out / "en_main.png"))
    if args.docs:
        w.grab().save(str(ROOT / "docs" / "screenshots" / "main_window_en.png"))
    for i in range(w.tabs.count()):
        w.tabs.setCurrentIndex(i)
        pump(app, 0.3)
        name = w.tabs.widget(i).objectName() or type(w.tabs.widget(i)).__name__
        w.tabs.widget(i).grab().save(str(args.out / f"en_tab{i}_{name}.png"))
    w.solve_panel.grab().save(str(args.out / "en_solve_panel.png"))
    # a hand edit that breaks rules, a lock and an undo entry, so violation texts and marks show
    w.tabs.setCurrentIndex(0)
    w.model.setData(w.model.index_of("s11", dt.date(2026, 6, 10)), "N")
    w.model.setData(w.model.index_of("s03", dt.date(2026, 6, 9)), "D")
    w.view.setCurrentIndex(w.model.index_of("s01", dt.date(2026, 6, 3)))
    w.act_lock.trigger()
    w.validate_now()
    pump(app, 0.5)
    w.violations_dock.grab().save(str(args.out / "en_violations.png"))
    w.grab().save(str(args.out / "en_main_edited.png"))
    print("undo:", w.undo_stack.undoText())
    for m in (w.menuBar().actions()):
        menu = m.menu()
        if menu is not None:
            print(f"menu {m.text()!r}: " + ", ".join(repr(a.text()) for a in menu.actions() if a.text()))
    print("tabs:", [w.tabs.tabText(i) for i in range(w.tabs.count())])
    print("title:", w.windowTitle())
    w.shutdown()
    w.close()
    print("written to", args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
