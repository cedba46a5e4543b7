"""Weekly rota PDF: one A4 landscape page per week, CJK text, no private data."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import unicodedata

import pytest
from PySide6.QtGui import QColor, QImage

from exports._synthetic import rotation_roster, rotation_scenario, with_leave
from exports.pdf import cjk_family, paint_rota, rota_pages, write_pdf
from roster.model import LeaveKind, Staff
from roster.sample import sample_scenario


@pytest.fixture(autouse=True)
def _qt_app(qapp):
    """Use pytest-qt's QApplication so a later widget test never finds a bare QGuiApplication."""
    return qapp


def _pages(path) -> int:
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
    return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))


def _text(path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) not installed")
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return unicodedata.normalize("NFKC", out)  # poppler maps some CJK glyphs to Kangxi radicals (人 → ⼈)


def test_one_page_per_week_a4_landscape(tmp_path):
    sc = rotation_scenario(8)
    ro = rotation_roster(sc, dt.date(2026, 6, 1), 28)
    path = tmp_path / "rota.pdf"
    assert write_pdf(path, sc, ro) == 4
    assert _pages(path) == 4
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
        w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
        assert (round(w), round(h)) == (842, 595)  # A4 landscape in points


def test_partial_weeks_count(tmp_path):
    sc = rotation_scenario(8)
    ro = rotation_roster(sc, dt.date(2026, 6, 3), 10)  # Wed..Fri of the next week: two Mon–Sun weeks
    path = tmp_path / "r.pdf"
    assert write_pdf(path, sc, ro) == 2 == _pages(path)


def test_content_text(tmp_path):
    sc = with_leave(sample_scenario(), 2, dt.date(2026, 6, 16), dt.date(2026, 6, 17), LeaveKind.ANNUAL)
    staff = list(sc.staff)
    staff[0] = Staff(**{**{f: getattr(staff[0], f) for f in Staff.__slots__}, "phone": "13912345678",
                        "id_number": "110101199001011234"})
    import dataclasses

    sc = dataclasses.replace(sc, staff=tuple(staff))
    ro = rotation_roster(sc, dt.date(2026, 6, 15), 7)
    path = tmp_path / "w.pdf"
    write_pdf(path, sc, ro, generated_at=dt.datetime(2026, 6, 1, 8, 0))
    text = _text(path)
    for needle in ("排班表", "张伟", "王芳", "周五 节", "端午节", "在岗人数", "排班人", "审核人", "白班", "08:00",
                   "年假", "2026-06-01 08:00", "2026-06-15"):
        assert needle in text, needle
    assert "13912345678" not in text and "110101199001011234" not in text
    assert b"13912345678" not in path.read_bytes()
    assert "估算" not in text  # 2026 is published


def test_a_week_on_an_estimated_calendar_says_so(tmp_path):
    """Sweep #16: the 2027 arrangement is estimated (HD-07: warn when estimated dates are used); the CLI, the JSON and
    the 说明 sheet said so, the wall rota — what the staff read — did not."""
    sc = sample_scenario()
    ro = rotation_roster(sc, dt.date(2027, 4, 26), 14)
    path = tmp_path / "w.pdf"
    write_pdf(path, sc, ro)
    pages = _text(path).split("\f")
    assert all("2027 年节假日调休安排为估算" in page for page in pages if page.strip())
    write_pdf(path, sc, ro, lang="en")
    assert "The 2027 holiday arrangement is estimated" in _text(path)


def test_text_layer_reads_ideographs_not_kangxi_radicals(tmp_path):
    # review of session 9: copying or searching the PDF found "⽇期" / "排班⼈" — Qt's ToUnicode named the radical
    # that shares the glyph; the text layer now names the ideograph that was drawn
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) not installed")
    sc = sample_scenario()
    ro = rotation_roster(sc, dt.date(2026, 6, 1), 7)
    path = tmp_path / "w.pdf"
    assert write_pdf(path, sc, ro) == 1 == _pages(path)
    raw = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    for needle in ("排班人", "审核人", "日期", "6月1日", "在岗人数", "示例"):
        assert needle in raw, needle
    assert not [ch for ch in raw if 0x2E80 <= ord(ch) <= 0x2FDF], raw[:200]
    # sweep #15: the digits after Latin letters (OpenType substitutes) had no text: "SCH0001" read "SCH"
    for p in sc.staff:
        assert p.employee_no in raw, p.employee_no


def test_english(tmp_path):
    sc = rotation_scenario(8)
    ro = rotation_roster(sc, dt.date(2026, 6, 1), 7)
    path = tmp_path / "en.pdf"
    write_pdf(path, sc, ro, lang="en")
    text = _text(path)
    assert "Rota" in text and "On duty" in text and "Prepared by" in text and "Mon" in text


def test_larger_team_keeps_one_page_per_week(tmp_path):
    sc = rotation_scenario(36)  # too many for the 5.5 mm rows: the compact layout keeps the week on one page
    ro = rotation_roster(sc, dt.date(2026, 6, 1), 14)
    assert [len(chunk) for _, chunk in rota_pages(sc, ro)] == [36, 36]
    path = tmp_path / "big.pdf"
    assert write_pdf(path, sc, ro) == _pages(path) == 2
    text = _text(path)
    assert sc.staff[0].name in text and sc.staff[-1].name in text


def test_very_large_team_continues_on_balanced_pages(tmp_path):
    sc = rotation_scenario(70)
    ro = rotation_roster(sc, dt.date(2026, 6, 1), 14)
    chunks = [len(chunk) for _, chunk in rota_pages(sc, ro)]
    per_week = len(chunks) // 2
    assert per_week >= 2 and sum(chunks) == 2 * 70 and max(chunks) - min(chunks) <= 1
    path = tmp_path / "huge.pdf"
    assert write_pdf(path, sc, ro) == _pages(path) == 2 * per_week


def test_cjk_font_available():
    if not shutil.which("fc-list"):
        pytest.skip("no fontconfig")
    out = subprocess.run(["fc-list"], capture_output=True, text=True).stdout
    if "Noto Sans CJK SC" not in out:
        pytest.skip("fonts-noto-cjk not installed")
    assert cjk_family() == "Noto Sans CJK SC"


def test_paint_on_image_draws_first_week():
    sc = rotation_scenario(8)
    ro = rotation_roster(sc, dt.date(2026, 6, 1), 14)
    img = QImage(1169, 826, QImage.Format.Format_RGB32)  # A4 landscape at 100 dpi
    img.fill(QColor("white"))
    assert paint_rota(img, sc, ro, "zh") == 1
    coloured = sum(1 for x in range(0, img.width(), 7) for y in range(0, img.height(), 7)
                   if img.pixelColor(x, y) != QColor("white"))
    assert coloured > 500
