"""Translations: Chinese source strings by default, English from i18n/roster_en.qm."""

from __future__ import annotations

import dataclasses
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from roster.model import Rules
from roster.sample import sample_scenario

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "i18n" / "roster_en.ts"
MY_FILES = sorted((ROOT / "ui" / "editors").glob("*.py")) + [ROOT / "ui" / "contract_view.py"]
H = Qt.Orientation.Horizontal


@pytest.fixture
def english(qapp):
    from ui.i18n import install_translator, remove_translators

    assert install_translator(qapp, "en") is True
    yield qapp
    remove_translators(qapp)


def test_editor_header_english_with_translator_chinese_without(qtbot, qapp):
    from ui.editors.team_editor import StaffTableModel, TeamEditor
    from ui.i18n import install_translator, remove_translators

    model = StaffTableModel(())
    assert model.headerData(StaffTableModel.Column.NAME, H) == "姓名"
    assert install_translator(qapp, "en")
    try:
        assert model.headerData(StaffTableModel.Column.NAME, H) == "Name"
        assert model.headerData(StaffTableModel.Column.PHONE, H) == "Phone (private)"
        w = TeamEditor(sample_scenario())
        qtbot.addWidget(w)
        assert w.add_button.text() == "Add person"
    finally:
        assert install_translator(qapp, "zh")
    assert model.headerData(StaffTableModel.Column.NAME, H) == "姓名"
    remove_translators(qapp)


def test_other_editors_translate(qtbot, english):
    from ui.contract_view import ContractMonthModel
    from ui.editors.calendar_editor import CalendarEditor
    from ui.editors.demand_editor import DemandGridModel
    from ui.editors.rules_editor import RulesEditor
    from ui.editors.shift_editor import ShiftTableModel

    assert ShiftTableModel(()).headerData(ShiftTableModel.Column.END, H) == "End"
    assert DemandGridModel().headerData(0, H) == "Workday"
    assert ContractMonthModel().headerData(ContractMonthModel.Column.COVERAGE, H) == "Coverage"
    r = RulesEditor(dataclasses.replace(sample_scenario(), rules=Rules()))  # no approval → the CH-04 banner
    qtbot.addWidget(r)
    assert r.banner.text().startswith("Warning (CH-04)")
    c = CalendarEditor(sample_scenario())
    qtbot.addWidget(c)
    assert c.model.data(c.model.index(4, 0)) == "H"  # 2026-10-01
    # the holiday's name is English too (GUI review #13: the tooltips carried the Chinese names)
    tip = c.model.data(c.model.index(4, 0), Qt.ItemDataRole.ToolTipRole)
    assert "National Day" in tip and not CJK.search(tip), tip


def test_english_explanation_fits_the_solve_panel_width(qtbot, english):
    """GUI review #13: the English fix buttons' one-line titles made the explanation wider than the dock at 1366 px
    wide (lines cut at the right edge, a sideways scroll bar over the last line)."""
    from types import SimpleNamespace

    from ui.solve_panel import SolvePanel

    panel = SolvePanel()
    qtbot.addWidget(panel)
    panel.resize(340, 700)
    panel.show()
    fixes = [SimpleNamespace(description=f"unlock: 刘洋 Jun {d} D", resolves=True) for d in range(1, 3)]
    panel.show_explanation("No legal roster: conflicting fixed cells.", fixes, True)
    qtbot.wait(50)
    box = panel.explain_box
    assert box.widget().minimumSizeHint().width() <= box.viewport().width()


def test_switching_language_retranslates_a_stale_cancelled_banner(qtbot, qapp):
    """GUI review #13: after a cancelled solve and a hand edit, the orange bar kept "已取消：保留原排班" in English."""
    from ui.i18n import install_translator, remove_translators
    from ui.solve_panel import SolvePanel

    panel = SolvePanel()
    qtbot.addWidget(panel)
    panel.objective_label.setText("4,677")
    panel.show_cancelled(None, kept=True)
    panel.mark_stale()
    assert "已取消" in panel.progress.format()
    try:
        assert install_translator(qapp, "en") is True
        qtbot.waitUntil(lambda: "Edited" in panel.status_label.text(), timeout=2000)
        assert not CJK.search(panel.progress.format()), panel.progress.format()
    finally:
        remove_translators(qapp)


def test_objective_terms_show_hours_with_units_and_plain_tooltips(qtbot, qapp):
    """GUI review #13: "节假日加班 112" meant 112 half-hours (56 h); tooltips showed internal ids in two languages."""
    from ui.i18n import install_translator, remove_translators
    from ui.solve_panel import SolvePanel

    panel = SolvePanel()
    qtbot.addWidget(panel)
    panel.show_terms({"overtime_300": 112.0, "fair_nights": 2.0, "under_cover": 3.0}, {"overtime_300": 40}, None)
    rows = {panel.terms.item(r, 0).data(Qt.ItemDataRole.UserRole): r for r in range(panel.terms.rowCount())}
    assert panel.terms.item(rows["overtime_300"], 1).text() == "56 小时"
    assert panel.terms.item(rows["under_cover"], 1).text() == "1.50 人·小时"
    assert panel.terms.item(rows["fair_nights"], 1).text() == "2 班"
    assert panel.terms.item(rows["overtime_300"], 2).text() == "40"
    assert "overtime_300" not in panel.terms.item(rows["overtime_300"], 0).toolTip()
    try:
        assert install_translator(qapp, "en") is True
        qtbot.waitUntil(lambda: panel.terms.item(rows["overtime_300"], 1).text() == "56 h", timeout=2000)
        assert not CJK.search(panel.terms.item(rows["overtime_300"], 0).toolTip())
    finally:
        remove_translators(qapp)


def test_store_recovery_dialog_is_english_in_the_english_ui(qtbot, english):
    """GUI review #13: the data-file recovery dialog was all Chinese in the English UI (strings in a nameless lupdate
    context, and the storage layer's Chinese detail)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from roster.storage import StoreError
    from ui.main_window import ask_store_recovery

    seen = {}

    def look() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(50, look)
            return
        seen.update(text=box.text(), info=box.informativeText(), buttons=[b.text() for b in box.buttons()])
        box.reject()

    QTimer.singleShot(50, look)
    err = StoreError("数据文件 /tmp/a.db 已损坏", kind="corrupt", path="/tmp/a.db")
    assert ask_store_recovery(None, err, []) == ("quit", None)
    shown = " ".join([seen["text"], seen["info"], *seen["buttons"]])
    assert "damaged" in seen["text"] and "/tmp/a.db" in seen["info"] and not CJK.search(shown), shown


def test_refusal_message_translated(qtbot, english):
    from ui.editors.common import EditRefused, parse_date

    with pytest.raises(EditRefused, match="Invalid date: 2026-02-31"):
        parse_date("2026-02-31")


def test_unknown_language_rejected(qapp):
    from ui.i18n import install_translator

    with pytest.raises(ValueError):
        install_translator(qapp, "fr")


def test_catalogue_found_under_pyinstaller_meipass(tmp_path, monkeypatch):
    from ui import i18n

    (tmp_path / "i18n").mkdir()
    shutil.copy(ROOT / "i18n" / "roster_en.qm", tmp_path / "i18n" / "roster_en.qm")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert i18n.qm_path("en") == tmp_path / "i18n" / "roster_en.qm"
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "missing"), raising=False)
    assert i18n.qm_path("en") == ROOT / "i18n" / "roster_en.qm"  # falls back to the source tree
    assert i18n.qm_path("zh") is None


def _messages() -> list[tuple[str, str, ET.Element | None]]:
    out = []
    for ctx in ET.parse(TS).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            out.append((name, msg.findtext("source") or "", msg.find("translation")))
    return out


_LITERAL = re.compile(r"""(?:self\.tr|QCoreApplication\.translate\(\s*"[^"]*"\s*,|\bt\(\s*"[^"]*"\s*,)\(?\s*"((?:[^"\\]|\\.)*)"\s*\)""")


def test_catalogue_holds_every_editor_string_with_english():
    sources = {src: tr for _ctx, src, tr in _messages()}
    found = 0
    for path in MY_FILES:
        for literal in _LITERAL.findall(path.read_text(encoding="utf-8")):
            found += 1
            assert literal in sources, f"{path.name}: {literal!r} missing from roster_en.ts (run i18n/update_translations.py)"
            tr = sources[literal]
            assert tr is not None and (tr.text or "").strip() and tr.get("type") != "unfinished", literal
    assert found > 150  # the scan really read the editors


def test_every_message_has_a_context():
    """A message without a context never matches at run time (Qt looks it up by context): lupdate writes one when
    the text goes through a helper instead of a literal ``self.tr`` / ``QCoreApplication.translate`` call (GUI
    review #13: the data-file recovery dialog stayed Chinese in the English UI)."""
    nameless = [src for ctx, src, _tr in _messages() if not ctx]
    assert not nameless, nameless


def test_placeholders_survive_translation():
    ph = re.compile(r"%\d|\{[a-z_]+\}")
    for ctx, src, tr in _messages():
        if tr is None or not (tr.text or "").strip():
            continue
        assert sorted(ph.findall(src)) == sorted(ph.findall(tr.text)), (ctx, src, tr.text)


# --- whole catalogue -------------------------------------------------------------------------------

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _pairs(ts: Path) -> set[tuple[str, str]]:
    return {(ctx.findtext("name") or "", msg.findtext("source") or "")
            for ctx in ET.parse(ts).getroot().iter("context") for msg in ctx.iter("message")}


def test_update_script_check_passes_and_committed_catalogue_is_current(tmp_path):
    """lupdate over ui/ and exports/ into a temp copy: nothing untranslated, nothing the committed .ts lacks."""
    import subprocess

    ts, qm = tmp_path / "roster_en.ts", tmp_path / "roster_en.qm"
    run = subprocess.run([sys.executable, str(ROOT / "i18n" / "update_translations.py"), "--check",
                          "--ts", str(ts), "--qm", str(qm)],
                         cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert re.search(r"\b0 missing\b", run.stdout), run.stdout
    assert qm.stat().st_size > 10_000
    fresh, committed = _pairs(ts), _pairs(TS)
    assert len(fresh) > 600
    assert fresh - committed == set(), "run `uv run python i18n/update_translations.py` and commit i18n/"
    assert committed - fresh == set(), "vanished strings still in roster_en.ts: rerun update_translations.py"


def test_every_committed_message_has_finished_english():
    msgs = _messages()
    assert len(msgs) > 600
    for ctx, src, tr in msgs:
        assert tr is not None and (tr.text or "").strip(), (ctx, src)
        assert tr.get("type") not in ("unfinished", "vanished", "obsolete"), (ctx, src)
        # English keeps no Chinese, except the bilingual language menu and a sample Chinese approval number
        if src not in ("语言 / Language", "例如 京西人社综审字〔2026〕12号"):
            assert not re.search(r"[\u4e00-\u9fff]", tr.text), (ctx, src, tr.text)


def _hidden_tr_calls(path: Path, root: Path = ROOT) -> list[str]:
    """tr("…")/translate(ctx, "…") with a literal inside an f-string: lupdate does not look into f-strings.
    (A variable argument is fine: its literals are registered with QT_TRANSLATE_NOOP elsewhere.)"""
    import ast

    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.JoinedStr):
            for sub in ast.walk(node):
                if (isinstance(sub, ast.Call) and getattr(sub.func, "attr", getattr(sub.func, "id", "")) in ("tr", "translate")
                        and any(isinstance(a, ast.Constant) and isinstance(a.value, str) and CJK.search(a.value)
                                for a in sub.args)):
                    found.append(f"{path.relative_to(root).as_posix()}:{sub.lineno}")
    return found


def test_no_tr_call_hidden_in_an_f_string():
    files = sorted((ROOT / "ui").rglob("*.py")) + sorted((ROOT / "exports").rglob("*.py"))
    assert len(files) > 20
    hidden = [h for f in files for h in _hidden_tr_calls(f)]
    assert hidden == [], "hoist these tr() calls out of the f-string so lupdate sees them: " + ", ".join(hidden)


def test_hidden_tr_scan_finds_one(tmp_path):
    p = tmp_path / "probe.py"
    p.write_text('x = f"{self.tr(\'周\')} 1"\ny = self.tr("周")\nz = f"{self.tr(name)}"\n', encoding="utf-8")
    assert _hidden_tr_calls(p, tmp_path) == ["probe.py:1"]


@pytest.fixture
def english_window(qtbot, qapp, tmp_path):
    """The main window built after the English catalogue is installed, as ui.app.main does."""
    import datetime as dt

    from PySide6.QtCore import QSettings

    from ui.i18n import install_translator, remove_translators
    from ui.main_window import MainWindow

    assert install_translator(qapp, "en")
    w = MainWindow(sample_scenario(), dt.date(2026, 6, 1), 7, lang="en",
                   settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    try:
        yield w
    finally:
        w.shutdown()
        install_translator(qapp, "zh")
        remove_translators(qapp)


def test_main_window_menus_tabs_and_roster_header_in_english(english_window):
    w = english_window
    titles = [a.text() for a in w.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&Roster", "E&xport", "&View", "&Help"]
    tabs = [w.tabs.tabText(i) for i in range(w.tabs.count())]
    assert tabs[:3] == ["Rota", "Coverage heat-map", "Fairness"]
    assert "Rules" in tabs and "Team" in tabs
    assert not any(CJK.search(t) for t in tabs), tabs
    # every action in every menu, except the language names themselves
    for menu_action in w.menuBar().actions():
        for a in menu_action.menu().actions():
            if a is w.act_lang_zh or a.menu() is w.menu_lang:
                continue
            assert not CJK.search(a.text()), a.text()
    m = w.model
    first = m.headerData(0, H)  # 2026-06-01 is a Monday
    assert first.splitlines()[:2] == ["6/1", "Mon"]
    assert not CJK.search(first)
    assert m.headerData(m.columnCount() - 4, H) == "Hours"
    assert m.headerData(m.rowCount() - 1, Qt.Orientation.Vertical) == "People on duty"
    assert w.violations.model.lang == "en"


def test_english_undo_texts_and_leave_cells(english_window):
    import datetime as dt

    w = english_window
    w.view.setCurrentIndex(w.model.index_of("s01", dt.date(2026, 6, 3)))
    w.act_lock.trigger()
    assert w.undo_stack.undoText().startswith("Lock 1 ")
    # 李娜 (s03) has annual leave 2026-06-08…10 in the sample; the cell shows the short English label
    from ui.roster_model import RosterModel

    model = RosterModel(sample_scenario(), dt.date(2026, 6, 8), 3)
    assert model.data(model.index_of("s03", dt.date(2026, 6, 8))) == "Annual"


def test_exporter_english_is_the_catalogue_english():
    """A CLI export (no catalogue loaded) and a GUI export (catalogue loaded) must print the same English:
    before, 43 exporter strings differed between the two (e.g. "On duty" vs "People on duty")."""
    import xml.etree.ElementTree as ET
    from pathlib import Path

    import exports.excel  # noqa: F401  (registers the strings)
    import exports.ics  # noqa: F401
    import exports.pdf  # noqa: F401
    import exports.xlsx_import  # noqa: F401
    from exports._common import english_fallbacks

    ts = Path(__file__).resolve().parents[1] / "i18n" / "roster_en.ts"
    catalogue = {(c.findtext("name"), m.findtext("source")): m.findtext("translation")
                 for c in ET.parse(ts).getroot().iter("context") for m in c.iter("message")}
    fallbacks = english_fallbacks()
    assert len(fallbacks) > 100
    for key, english in fallbacks.items():
        if key in catalogue:
            assert catalogue[key] == english, (key, catalogue[key], english)


def test_import_and_export_errors_follow_the_english_catalogue(english_window, tmp_path, monkeypatch):
    """With the catalogue loaded (the GUI), import reasons and export errors come through Qt's translator in the
    Import / SaveFile contexts — and read the same as the exporters' own English (GUI review #13)."""
    from PySide6.QtWidgets import QMessageBox

    from exports.xlsx_import import ImportReport, import_staff_leave

    w = english_window
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append((title, text)))
    assert not w.export_excel(str(tmp_path / "missing" / "rota.xlsx"))
    title, text = shown[-1]
    assert title == "Export failed" and "does not exist; choose another location." in text, text
    assert not CJK.search(text), text
    garbage = tmp_path / "garbage.xlsx"
    garbage.write_bytes(b"")
    assert not w.import_staff_leave(str(garbage))
    title, text = shown[-1]
    assert title == "Import failed"
    assert text == f"Cannot import {garbage}; nothing was changed.\n\nThe file is empty (0 bytes)."
    with pytest.raises(ImportReport) as e:
        import_staff_leave(garbage, sample_scenario())
    assert e.value.text("en").startswith("Cannot import garbage.xlsx: 1 problem(s) found")
