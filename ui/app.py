"""GUI entry point: ``main(argv=None) -> int``.

Opens the SQLite store (with a recovery choice when it is corrupt or locked), loads the latest
scenario and roster from it, or the embedded 13-person sample on first run, and shows the window.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

if TYPE_CHECKING:
    from roster.model import Roster, Scenario

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


class Initial(NamedTuple):
    """What the app opens with (:func:`load_initial`)."""

    scenario: Scenario
    roster: Roster | None
    roster_id: int | None
    #: a message for the user when a saved team version or roster could not be read (None when all was read)
    problem: str | None = None
    #: the store holds team data but no version of it can be read: the app must not save over the file
    keep_file: bool = False


def load_initial(store) -> Initial:
    """The newest readable team version and roster from the store, or the sample when the store is empty/absent.

    A damaged newest version is skipped for the one before it, and the user is told (GUI review #13: a damaged team
    row silently opened the sample, which autosave then stored as the newest version over the user's team); when no
    version can be read the sample opens with ``keep_file`` set, so nothing is written to the file."""
    from roster.sample import sample_scenario

    problems: list[str] = []
    scenario = roster = roster_id = None
    keep_file = False
    if store is not None:
        try:
            versions = store.scenario_versions()
        except Exception as e:  # noqa: BLE001 - a store that cannot even list its versions: say so, write nothing
            problems.append(str(e))
            versions, keep_file = [], True
        for i, (sid, saved_at) in enumerate(versions):
            try:
                scenario = store.load_scenario(sid)
            except Exception as e:  # noqa: BLE001 - every failure of a saved version is reported, none is fatal
                problems.append(_damaged(QCoreApplication.translate("App", "第 {sid} 版团队数据（{at}）已损坏，无法读取")
                                         .format(sid=sid, at=saved_at.strftime("%Y-%m-%d %H:%M")), e))
                continue
            if i:
                problems.append(QCoreApplication.translate("App", "已打开较早保存的第 {sid} 版团队数据（{at}）；损坏的版本仍留在数据文件中。")
                                .format(sid=sid, at=saved_at.strftime("%Y-%m-%d %H:%M")))
            break
        if versions and scenario is None:
            keep_file = True
            problems.append(QCoreApplication.translate("App", "数据文件中没有一版团队数据可以读取：现以示例团队打开，本次不会写入"
                                                              "该数据文件，它保持原样：{path}").format(path=store.path))
        elif scenario is not None:
            try:
                infos = store.list_rosters()
            except Exception as e:  # noqa: BLE001
                problems.append(str(e))
                infos = []
            for i, info in enumerate(reversed(infos)):
                try:
                    roster = store.load_roster(info.id)
                except Exception as e:  # noqa: BLE001
                    problems.append(_damaged(QCoreApplication.translate("App", "排班“{name}”（{at}）已损坏，无法读取")
                                             .format(name=info.name, at=info.saved_at.strftime("%Y-%m-%d %H:%M")), e))
                    continue
                roster_id = info.id
                if i:
                    problems.append(QCoreApplication.translate("App", "已打开较早保存的排班“{name}”（{at}）。")
                                    .format(name=info.name, at=info.saved_at.strftime("%Y-%m-%d %H:%M")))
                break
    if scenario is None:
        scenario = sample_scenario()
    return Initial(scenario, roster, roster_id, "\n".join(problems) or None, keep_file)


def _damaged(what: str, error: Exception) -> str:
    """A damaged record for the user, in the UI language; the technical detail (Chinese, from roster.storage) only
    in the Chinese UI (review of session 11: it made the English warning Chinese)."""
    from .i18n import current_language

    return what + ("" if current_language() == "en" else f"（{error}）") + QCoreApplication.translate("App", "。")


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
    initial = load_initial(store)
    scenario, roster, roster_id = initial.scenario, initial.roster, initial.roster_id
    if initial.keep_file and store is not None:
        store.close()  # no readable team in it: open the sample without writing to that file
        store = None
        message = ""  # the warning below says why
    win = MainWindow(scenario, roster=roster, store=store, settings=settings, roster_id=roster_id, lang=lang)
    if initial.problem:
        QMessageBox.warning(win, QCoreApplication.translate("App", "部分保存的数据无法读取"), initial.problem)
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
