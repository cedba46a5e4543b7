"""Translations: Chinese is the source language (works with no catalogue); English from i18n/roster_en.qm.

The catalogue is found next to the source tree (``<repo>/i18n``) or, in a PyInstaller build, under
``sys._MEIPASS/i18n``.  Qt's own strings (dialog buttons) use Qt's shipped qtbase catalogue when present.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

CATALOGUE = "roster_en.qm"
_installed: list[QTranslator] = []


def i18n_dirs() -> list[Path]:
    """Where to look for .qm files, in order."""
    dirs: list[Path] = []
    meipass = getattr(sys, "_MEIPASS", None)
    if meipass:
        dirs.append(Path(meipass) / "i18n")
    dirs.append(Path(__file__).resolve().parent.parent / "i18n")
    return dirs


def qm_path(lang: str) -> Path | None:
    if lang != "en":
        return None
    for d in i18n_dirs():
        p = d / CATALOGUE
        if p.is_file():
            return p
    return None


def _remove_installed(app: QCoreApplication) -> None:
    while _installed:
        app.removeTranslator(_installed.pop())


def install_translator(app: QCoreApplication, lang: str) -> bool:
    """Switch the UI language: ``"zh"`` (source strings) or ``"en"``.  False when English is missing."""
    if lang not in ("zh", "en"):
        raise ValueError(f"未知语言：{lang!r}（应为 zh 或 en）")
    _remove_installed(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if lang == "zh":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        qt = QTranslator(app)
        if qt.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", qt_dir):
            app.installTranslator(qt)
            _installed.append(qt)
        return True
    path = qm_path("en")
    if path is None:
        return False
    ours = QTranslator(app)
    if not ours.load(str(path)):
        return False
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    app.installTranslator(ours)
    _installed.append(ours)
    return True


def remove_translators(app: QCoreApplication) -> None:
    """Back to the bare source strings (no catalogue at all, not even Qt's own)."""
    _remove_installed(app)


def current_language() -> str:
    return "en" if any(t.language().startswith("en") or t.filePath().endswith(CATALOGUE) for t in _installed) else "zh"
