"""GUI entry point: ``main(argv=None) -> int``.

Opens the SQLite store (with a recovery choice when it is corrupt or locked), loads the latest
scenario and roster from it, or the embedded 13-person sample on first run, and shows the window.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

ORG_NAME = "Shichahai12345"
APP_NAME = "roster"


def _app(argv: list[str]) -> QApplication:
    app = QApplication.instance()
    if app is not None:
        return app  # type: ignore[return-value]
    # Qt 6 scales by the monitor's DPI itself; keep fractional factors (125 %, 150 % on Windows laptops)
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication([sys.argv[0] if sys.argv else "roster", *argv])
    return app


def setup_application(app: QApplication) -> None:
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    from .main_window import app_version

    QCoreApplication.setApplicationVersion(app_version())
    app.setApplicationDisplayName("排班")
    app.setStyle("Fusion")
    f = QFont(app.font())
    # Windows ships 微软雅黑; Linux CI has Noto Sans CJK; the first one present wins
    f.setFamilies(["Microsoft YaHei UI", "Microsoft YaHei", "Noto Sans CJK SC", "PingFang SC", f.family()])
    app.setFont(f)


def install_language(app: QApplication, lang: str) -> bool:
    try:
        from .i18n import install_translator
    except ImportError:
        return lang == "zh"
    return bool(install_translator(app, lang))


def load_initial(store, chooser_result: str | None = None):
    """(scenario, roster, roster_id) from the store, or the sample when the store is empty/absent."""
    from roster.sample import sample_scenario

    scenario = None
    roster = None
    roster_id = None
    if store is not None:
        try:
            scenario = store.load_scenario()
            infos = store.list_rosters()
            if infos:
                roster_id = infos[-1].id
                roster = store.load_roster(roster_id)
        except Exception:
            scenario, roster, roster_id = None, None, None
    if scenario is None:
        scenario = sample_scenario()
    return scenario, roster, roster_id


def main(argv: list[str] | None = None) -> int:
    argv = list(argv or [])
    app = _app(argv)
    setup_application(app)
    settings = QSettings()
    lang = str(settings.value("lang", "zh"))
    if not install_language(app, lang):
        lang = "zh"
    app.setApplicationDisplayName(QCoreApplication.translate("App", "排班"))  # Qt appends it to window titles

    from .autosave import CHOICE_QUIT, open_store_with_recovery
    from .main_window import MainWindow, ask_store_recovery

    store, choice, message = open_store_with_recovery(None, lambda e, b: ask_store_recovery(None, e, b))
    if choice == CHOICE_QUIT:
        return 1
    scenario, roster, roster_id = load_initial(store)
    win = MainWindow(scenario, roster=roster, store=store, settings=settings, roster_id=roster_id, lang=lang)
    if store is None:
        win.statusBar().showMessage(QCoreApplication.translate("App", "未打开数据文件：本次修改不会自动保存") +
                                    (f"（{message}）" if message else ""))
    elif store is not None and roster is None:
        win.autosaver.scenario_changed()
    win.show()
    try:
        return app.exec()
    except Exception as e:  # pragma: no cover - last resort
        QMessageBox.critical(None, "排班", str(e))
        return 1
    finally:
        if store is not None:
            try:
                store.close()
            except Exception:
                pass


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
