"""Translations: Chinese source strings by default, English from i18n/roster_en.qm."""

from __future__ import annotations

import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

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
    r = RulesEditor(sample_scenario())
    qtbot.addWidget(r)
    assert r.banner.text().startswith("Warning (CH-04)")
    c = CalendarEditor(sample_scenario())
    qtbot.addWidget(c)
    assert c.model.data(c.model.index(4, 0)) == "H"  # 2026-10-01


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


def test_placeholders_survive_translation():
    ph = re.compile(r"%\d|\{[a-z_]+\}")
    for ctx, src, tr in _messages():
        if tr is None or not (tr.text or "").strip():
            continue
        assert sorted(ph.findall(src)) == sorted(ph.findall(tr.text)), (ctx, src, tr.text)
