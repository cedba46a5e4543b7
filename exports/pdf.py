"""Weekly wall rota as PDF / print: one Monday–Sunday week per A4 landscape page (SPEC.md §5); up to
~37 staff a week stays on one page (compact rows above ~19), a larger team continues on balanced extra pages.

Same content as the Excel 排班表 sheet: title, dates with weekday and 节/休/班 marks, staff rows with
shift codes on the template colour (codes are printed so black-and-white copies read the same),
leave labels, per-shift and total head-counts, a legend with shift times and sign-off lines.  No phone
or ID numbers.  :func:`paint_rota` draws on any ``QPagedPaintDevice`` (``QPdfWriter``; the GUI's
print preview passes its ``QPrinter``), :func:`write_pdf` saves a PDF atomically.

Only QtGui/QtCore are used; a ``QGuiApplication`` is created (offscreen on a headless Linux box)
when none exists, because fonts need one.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import sys
import unicodedata
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
    QRawFont,
)

from roster.calendar import WorkCalendar
from roster.model import DayType, Roster, Scenario, Staff

from ._common import (
    T_EMPNO,
    T_GENERATED,
    T_HEADCOUNT,
    T_LEGEND,
    T_MARKS,
    T_NAME,
    T_PAGE,
    T_ROTA,
    T_SIGN_BY,
    T_SIGN_CHECK,
    T_SIGN_DATE,
    T_WEEK,
    Msg,
    _s,
    colon,
    counts_by_date,
    day_mark,
    estimated_note,
    leave_label,
    rota_staff,
    shift_codes_in_use,
    shift_times,
    team_name,
    week_blocks,
    weekday_label,
    xtr,
)
from .safe_write import ExportError, atomic_write

T_PDF_FAILED = _s("Pdf", QT_TRANSLATE_NOOP("Pdf", "无法生成 PDF 文件 {path}"), "Cannot create the PDF file {path}")
T_NO_GUI = _s("Pdf", QT_TRANSLATE_NOOP("Pdf", "无法初始化字体（需要图形环境）"), "Cannot initialise fonts (a GUI context is needed)")

CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "微软雅黑", "SimHei", "黑体",
                "PingFang SC", "WenQuanYi Micro Hei", "Noto Sans SC")
MIN_ROW_MM = 5.5  # comfortable on the wall; a larger team switches to the compact layout below
COMPACT_ROW_MM = 3.0  # compact layout (~5 pt names): still one week per page; more staff → continuation pages
MAX_ROW_MM = 9.0

_app: QGuiApplication | None = None


def ensure_gui_app() -> QGuiApplication:
    """The running ``QGuiApplication``, or a new one (offscreen when there is no display)."""
    global _app
    inst = QGuiApplication.instance()
    if inst is not None:
        if not isinstance(inst, QGuiApplication):
            raise ExportError(Msg("Pdf", T_NO_GUI))
        return inst
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication([])
    return _app


def cjk_family() -> str | None:
    """First installed CJK family from :data:`CJK_FAMILIES` (None: let Qt fall back)."""
    ensure_gui_app()
    installed = set(QFontDatabase.families())
    for fam in CJK_FAMILIES:
        if fam in installed:
            return fam
    return None


class _Painter:
    """Millimetre-based drawing helpers on top of a QPainter."""

    def __init__(self, painter: QPainter, device: QPaintDevice, family: str | None) -> None:
        self.p = painter
        self.k = device.logicalDpiX() / 25.4  # device pixels per mm
        self.w = device.width() / self.k
        self.h = device.height() / self.k
        self.family = family

    def font(self, size_mm: float, *, bold: bool = False, italic: bool = False) -> QFont:
        f = QFont(self.family) if self.family else QFont()
        f.setPixelSize(max(1, round(size_mm * self.k)))
        # no OpenType shaping: after Latin letters Noto Sans CJK substitutes the digits (GSUB), and Qt's ToUnicode
        # map, built from the font's cmap, has no entry for the substitutes — "SCH0001" was copied and searched as
        # "SCH" (sweep #15).  The drawing is the same; CJK and Latin need no shaping.
        f.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
        f.setBold(bold)
        f.setItalic(italic)
        return f

    def rect(self, x: float, y: float, w: float, h: float) -> QRectF:
        k = self.k
        return QRectF(x * k, y * k, w * k, h * k)

    def box(self, x: float, y: float, w: float, h: float, *, fill: QColor | None = None,
            pen_mm: float = 0.2, color: str = "#555555") -> None:
        pen = QPen(QColor(color))
        pen.setWidthF(pen_mm * self.k)
        self.p.setPen(pen)
        self.p.setBrush(fill if fill is not None else Qt.BrushStyle.NoBrush)
        self.p.drawRect(self.rect(x, y, w, h))

    def text(self, x: float, y: float, w: float, h: float, text: str, *, size: float = 3.5, bold: bool = False,
             italic: bool = False, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter, color: str = "#000000",
             fit: bool = True) -> None:
        if not text:
            return
        font = self.font(size, bold=bold, italic=italic)
        self.p.setFont(font)
        if fit:  # shrink long names instead of cutting them off
            fm_w = self.p.fontMetrics().horizontalAdvance(text) / self.k
            if fm_w > w - 1 and fm_w > 0:
                font = self.font(max(1.6, size * (w - 1) / fm_w), bold=bold, italic=italic)
                self.p.setFont(font)
        self.p.setPen(QColor(color))
        self.p.drawText(self.rect(x, y, w, h), int(align | Qt.AlignmentFlag.AlignVCenter), text)

    def line(self, x1: float, y1: float, x2: float, y2: float, pen_mm: float = 0.25) -> None:
        pen = QPen(QColor("#000000"))
        pen.setWidthF(pen_mm * self.k)
        self.p.setPen(pen)
        k = self.k
        self.p.drawLine(round(x1 * k), round(y1 * k), round(x2 * k), round(y2 * k))


def _day_fill(cal: WorkCalendar, day: dt.date) -> QColor:
    kind = cal.day_type(day)
    if kind == DayType.HOLIDAY:
        return QColor("#F8C9C4")
    if kind == DayType.RESTDAY:
        return QColor("#E3E3E3")
    if day.weekday() >= 5:
        return QColor("#CFE2F3")
    return QColor("#F4F4F4")


def rota_pages(scenario: Scenario, roster: Roster, rows_per_page: int | None = None) -> list[tuple[int, list]]:
    """[(week number, staff chunk)] — one page per week unless the team is too large for one A4 page."""
    staff = rota_staff(scenario, roster)
    weeks = week_blocks(roster)
    if rows_per_page is None:
        rows_per_page = _layout(len(staff), len(shift_codes_in_use(scenario, roster)))[1]
    # balanced chunks (50 staff at 37 a page → 25 + 25, not 37 + 13)
    n_pages = max(1, -(-len(staff) // rows_per_page))
    size = -(-len(staff) // n_pages) if staff else 1
    chunks = [staff[i:i + size] for i in range(0, len(staff), size)] or [[]]
    return [(n, chunk) for n in range(1, len(weeks) + 1) for chunk in chunks]


_PAGE_H_MM = 190.0  # A4 landscape minus 10 mm margins
_TOP_MM = 17.0  # title block
_HEAD_MM = 12.0  # two header rows
_COUNT_ROW_MM = 5.5
_COUNT_ROW_COMPACT_MM = 4.0
_BOTTOM_MM = 27.0  # legend, sign-off, footer


def _staff_area_mm(n_codes: int, page_h: float = _PAGE_H_MM, count_row: float = _COUNT_ROW_MM) -> float:
    return page_h - _TOP_MM - _HEAD_MM - (n_codes + 1) * count_row - _BOTTOM_MM


def _layout(n_staff: int, n_codes: int, page_h: float = _PAGE_H_MM) -> tuple[float, int]:
    """(head-count row height, staff rows per page): the normal layout while the team fits at
    ``MIN_ROW_MM``, else the compact one (smaller rows and head-count rows) so a week stays on one A4 page up
    to ~37 staff (4 shift codes); beyond that the week continues on further pages."""
    normal = int(_staff_area_mm(n_codes, page_h) // MIN_ROW_MM)
    if n_staff <= normal:
        return _COUNT_ROW_MM, max(1, normal)
    return _COUNT_ROW_COMPACT_MM, max(1, int(_staff_area_mm(n_codes, page_h, _COUNT_ROW_COMPACT_MM) // COMPACT_ROW_MM))


def paint_rota(device: QPaintDevice, scenario: Scenario, roster: Roster, lang: str = "zh", *,
               generated_at: dt.datetime | None = None) -> int:
    """Paint the weekly rota on ``device`` (QPdfWriter or QPrinter); returns the number of pages.

    A ``QPagedPaintDevice`` is switched to landscape before painting and gets one page per week (more
    when the team does not fit on one page); any other device (QImage, QPixmap) gets the first week only.
    The caller owns the device.
    """
    return _paint_rota(device, scenario, roster, lang, generated_at)


def _paint_rota(device: QPaintDevice, scenario: Scenario, roster: Roster, lang: str,
                generated_at: dt.datetime | None) -> int:
    ensure_gui_app()
    if isinstance(device, QPagedPaintDevice):
        device.setPageOrientation(QPageLayout.Orientation.Landscape)
    generated_at = generated_at or dt.datetime.now().replace(microsecond=0)
    cal = WorkCalendar.of(scenario)
    weeks = week_blocks(roster)
    codes = shift_codes_in_use(scenario, roster)
    painter = QPainter()
    if not painter.begin(device):
        raise ExportError(Msg("Pdf", T_PDF_FAILED, path=""), lang=lang)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        d = _Painter(painter, device, cjk_family())
        count_row, rows_per_page = _layout(len(rota_staff(scenario, roster)), len(codes), d.h)
        staff_area = _staff_area_mm(len(codes), d.h, count_row)
        pages = rota_pages(scenario, roster, rows_per_page)
        if not isinstance(device, QPagedPaintDevice):
            pages = pages[:1]  # a QImage/QPixmap/widget has one page: draw the first week (preview thumbnail)
        for i, (n, chunk) in enumerate(pages):
            if i and isinstance(device, QPagedPaintDevice):
                device.newPage()
            _paint_week(d, scenario, roster, cal, weeks[n - 1], n, chunk, codes, lang, staff_area, count_row,
                        page=(i + 1, len(pages)), generated_at=generated_at)
    finally:
        painter.end()
    return len(pages)


def _paint_week(d: _Painter, scenario: Scenario, roster: Roster, cal: WorkCalendar, week: list[dt.date | None],
                n: int, staff: list[Staff], codes: list[str], lang: str, staff_area: float, count_row: float, *,
                page: tuple[int, int], generated_at: dt.datetime) -> None:
    t = lambda s: xtr("Rota", s, lang)  # noqa: E731
    days = [x for x in week if x is not None]
    shift_map = scenario.shift_map()
    by_sd = roster.by_staff_date()
    counts = counts_by_date(roster)
    W = d.w
    # title block
    d.text(0, 0, W * 0.62, 9, f"{team_name(scenario, lang)}  {t(T_ROTA)}", size=6.2, bold=True,
           align=Qt.AlignmentFlag.AlignLeft)
    d.text(W * 0.62, 0, W * 0.38, 9, f"{t(T_WEEK).format(n=n)}   {days[0].isoformat()} – {days[-1].isoformat()}",
           size=5.0, bold=True, align=Qt.AlignmentFlag.AlignRight)
    d.text(0, 9.5, W, 5, t(T_MARKS), size=3.0, align=Qt.AlignmentFlag.AlignLeft, color="#333333", fit=False)

    name_w, no_w = 34.0, 24.0
    day_w = (W - name_w - no_w) / 7
    x_days = [name_w + no_w + i * day_w for i in range(7)]
    y = _TOP_MM
    row_h = min(MAX_ROW_MM, staff_area / max(1, len(staff)))
    hh = _HEAD_MM / 2
    # header
    head_fill = QColor("#E7E6E6")
    d.box(0, y, name_w, 2 * hh, fill=head_fill)
    d.text(0, y, name_w, 2 * hh, t(T_NAME), size=3.8, bold=True)
    d.box(name_w, y, no_w, 2 * hh, fill=head_fill)
    d.text(name_w, y, no_w, 2 * hh, t(T_EMPNO), size=3.8, bold=True)
    for i, day in enumerate(week):
        x = x_days[i]
        if day is None:
            d.box(x, y, day_w, 2 * hh, fill=QColor("#FFFFFF"))
            continue
        fill = _day_fill(cal, day)
        d.box(x, y, day_w, 2 * hh, fill=fill)
        date_label = f"{day.month}月{day.day}日" if lang == "zh" else day.strftime("%b %d").replace(" 0", " ")
        hol = cal.holiday_name(day, lang) if cal.day_type(day) == DayType.HOLIDAY else None
        d.text(x, y, day_w, hh, date_label, size=3.8, bold=True)
        mark = day_mark(cal, day, lang)
        sub = f"{weekday_label(day, lang)}  {mark}" if mark else weekday_label(day, lang)
        if hol and lang == "zh":
            sub = f"{sub} {hol}"
        d.text(x, y + hh, day_w, hh, sub, size=3.3, bold=bool(mark))
    y += 2 * hh
    # staff rows
    code_size = min(5.2, row_h * 0.62)
    for p in staff:
        d.box(0, y, name_w, row_h)
        d.text(1.5, y, name_w - 2, row_h, p.name, size=min(4.2, row_h * 0.62), align=Qt.AlignmentFlag.AlignLeft)
        d.box(name_w, y, no_w, row_h)
        d.text(name_w, y, no_w, row_h, p.employee_no, size=min(3.3, row_h * 0.55))
        for i, day in enumerate(week):
            x = x_days[i]
            if day is None:
                d.box(x, y, day_w, row_h)
                continue
            a = by_sd.get((p.id, day))
            if a is not None:
                sh = shift_map.get(a.shift)
                d.box(x, y, day_w, row_h, fill=QColor(sh.color) if sh else QColor("#DDDDDD"))
                d.text(x, y, day_w, row_h, a.shift, size=code_size, bold=True)
                continue
            d.box(x, y, day_w, row_h)
            lv = p.leave_on(day)
            if lv is not None:
                d.text(x, y, day_w, row_h, leave_label(lv.kind, lang), size=min(3.4, row_h * 0.45), italic=True,
                       color="#444444")
            elif not p.employed_on(day):
                d.text(x, y, day_w, row_h, "—", size=3.0, color="#666666")
        y += row_h
    # head-counts
    for code in codes:
        sh = shift_map.get(code)
        fill = QColor(sh.color) if sh else QColor("#DDDDDD")
        d.box(0, y, name_w + no_w, count_row, fill=fill)
        label = f"{code} {sh.name}" if sh else code
        d.text(1.5, y, name_w + no_w - 2, count_row, label, size=3.1, align=Qt.AlignmentFlag.AlignLeft)
        for i, day in enumerate(week):
            d.box(x_days[i], y, day_w, count_row)
            if day is not None:
                d.text(x_days[i], y, day_w, count_row, str(counts.get(day, {}).get(code, 0)), size=3.1)
        y += count_row
    d.box(0, y, name_w + no_w, count_row, fill=head_fill)
    d.text(1.5, y, name_w + no_w - 2, count_row, t(T_HEADCOUNT), size=3.3, bold=True,
           align=Qt.AlignmentFlag.AlignLeft)
    for i, day in enumerate(week):
        d.box(x_days[i], y, day_w, count_row, fill=head_fill)
        if day is not None:
            d.text(x_days[i], y, day_w, count_row, str(sum(counts.get(day, {}).values())), size=3.4, bold=True)
    y += count_row
    # legend
    y += 3
    legend_w = 16.0 if lang == "zh" else 18.0
    d.text(0, y, legend_w, 7, f"{t(T_LEGEND)}{colon(lang)}", size=3.4, bold=True, align=Qt.AlignmentFlag.AlignLeft)
    x = legend_w
    item_w = min(46.0, (W - legend_w) / max(1, len(scenario.shifts)))
    for sh in scenario.shifts:
        d.box(x, y + 0.8, 9, 5.4, fill=QColor(sh.color))
        d.text(x, y + 0.8, 9, 5.4, sh.code, size=3.6, bold=True)
        d.text(x + 10, y, item_w - 11, 7, f"{sh.name} {shift_times(sh)}", size=3.1,
               align=Qt.AlignmentFlag.AlignLeft)
        x += item_w
    # sign-off line
    y += 11
    third = W / 3
    for j, label in enumerate((t(T_SIGN_BY), t(T_SIGN_CHECK), t(T_SIGN_DATE))):
        x0 = j * third
        text = f"{label}{colon(lang)}"
        d.p.setFont(d.font(3.6))
        label_w = max(18.0, d.p.fontMetrics().horizontalAdvance(text) / d.k + 1)  # "Prepared by: " is wider
        d.text(x0, y, label_w, 6, text, size=3.6, align=Qt.AlignmentFlag.AlignLeft, fit=False)
        d.line(x0 + label_w + 1, y + 5.2, x0 + third - 10, y + 5.2)
    # footer
    foot_y = d.h - 4
    d.text(0, foot_y, W / 2, 4, f"{t(T_GENERATED)} {generated_at.strftime('%Y-%m-%d %H:%M')}", size=2.6,
           align=Qt.AlignmentFlag.AlignLeft, color="#555555", fit=False)
    d.text(W / 2, foot_y, W / 2, 4, t(T_PAGE).format(i=page[0], n=page[1]), size=2.6,
           align=Qt.AlignmentFlag.AlignRight, color="#555555", fit=False)
    note = estimated_note(cal, days[0], days[-1], lang)
    if note:  # dates of this week classified from an estimated arrangement (HD-07)
        d.text(W / 4, foot_y - 0.6, W / 2, 4.6, note, size=3.0, bold=True, color="#9C0006")


def write_pdf(path: str | os.PathLike, scenario: Scenario, roster: Roster, *, lang: str = "zh",
              generated_at: dt.datetime | None = None) -> int:
    """Write the weekly rota PDF to ``path`` atomically; returns the page count."""
    ensure_gui_app()
    pages = 0

    def _write(tmp: Path) -> None:
        nonlocal pages
        pages = _write_pdf(tmp)

    def _write_pdf(tmp: Path) -> int:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(300)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                         QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter))
        writer.setTitle(f"{team_name(scenario, lang)} {xtr('Rota', T_ROTA, lang)}")
        writer.setCreator("roster")
        n = _paint_rota(writer, scenario, roster, lang, generated_at)
        del writer  # flushes and closes the file
        if not tmp.exists() or tmp.stat().st_size == 0:
            raise ExportError(Msg("Pdf", T_PDF_FAILED, path=str(path)), path=path, lang=lang)
        fix_cjk_text_layer(tmp)
        return n

    atomic_write(path, _write)
    return pages


#: Kangxi radicals and CJK radicals supplement: Qt maps a glyph shared with a unified ideograph back to these
_RADICALS = re.compile(rb"<(2[EF][0-9A-Fa-f]{2})>")


def fix_cjk_text_layer(path: str | os.PathLike) -> int:
    """Make the PDF's text layer read the ideographs that were drawn.  CJK fonts (Noto Sans CJK, also 微软雅黑) give
    one glyph both to a unified ideograph and to its Kangxi radical (日 U+65E5 and ⽇ U+2F47); Qt's ToUnicode map
    names the radical, so copying or searching the PDF found "⽇期" instead of "日期" and "排班⼈" instead of
    "排班人" (review of session 9).  Each such target becomes its NFKC form — the unified ideograph — in every
    font's ToUnicode CMap (only the targets: a source code in that range is a glyph id).  Rewrites ``path`` in
    place; returns how many mappings changed.  Uses pypdf; the drawing is untouched."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    changed = 0
    same_glyph = _radical_equivalents()

    def unify(m: re.Match) -> bytes:
        nonlocal changed
        ch = chr(int(m.group(1), 16))
        norm = same_glyph.get(ch) or unicodedata.normalize("NFKC", ch)
        if len(norm) != 1 or norm == ch:
            return m.group(0)
        changed += 1
        return f"<{ord(norm):04X}>".encode()

    writer = PdfWriter(clone_from=PdfReader(str(path)))
    seen: set[int] = set()
    for page in writer.pages:
        fonts = page.get(NameObject("/Resources"), {}).get_object().get(NameObject("/Font"), {})
        for ref in fonts.get_object().values():
            font = ref.get_object()
            cmap_ref = font.get(NameObject("/ToUnicode"))
            if cmap_ref is None or id(cmap_ref.get_object()) in seen:
                continue
            stream = cmap_ref.get_object()
            seen.add(id(stream))
            before = changed
            fixed = _fix_cmap_targets(stream.get_data(), unify)
            if changed > before:
                stream.set_data(fixed)
    if changed:
        with open(path, "wb") as fh:
            writer.write(fh)
    return changed


@functools.cache
def _radical_equivalents() -> dict[str, str]:
    """Radical → the unified ideograph drawn with the same glyph of the CJK font the rota uses (⻩ → 黄, ⽇ → 日).
    Read from the font itself: the CJK Radicals Supplement has no NFKC form, and the font is what Qt mapped from."""
    family = cjk_family()
    if not family:
        return {}
    raw = QRawFont.fromFont(QFont(family))
    unified = "".join(chr(c) for c in range(0x4E00, 0xA000))
    by_glyph: dict[int, str] = {}
    for ch, glyph in zip(unified, raw.glyphIndexesForString(unified), strict=False):
        if glyph:
            by_glyph.setdefault(glyph, ch)
    radicals = "".join(chr(c) for c in range(0x2E80, 0x2FE0))
    return {ch: by_glyph[g] for ch, g in zip(radicals, raw.glyphIndexesForString(radicals), strict=False)
            if g in by_glyph}


def _fix_cmap_targets(data: bytes, unify) -> bytes:
    """Apply ``unify`` to the destination codes of a ToUnicode CMap (bfchar pairs, bfrange targets and arrays)."""

    def sub(text: bytes) -> bytes:
        return _RADICALS.sub(unify, text)

    lines = []
    section = None
    for line in data.split(b"\n"):
        stripped = line.strip()
        if stripped.endswith(b"beginbfchar"):
            section = "char"
        elif stripped.endswith(b"beginbfrange"):
            section = "range"
        elif stripped in (b"endbfchar", b"endbfrange"):
            section = None
        elif section == "char":  # <src> <dst>
            head, sep, tail = line.partition(b">")
            line = head + sep + sub(tail)
        elif section == "range":  # <lo> <hi> <dst> or <lo> <hi> [<d1> <d2> ...]
            first, sep1, rest = line.partition(b">")
            second, sep2, tail = rest.partition(b">")
            line = first + sep1 + second + sep2 + sub(tail)
        lines.append(line)
    return b"\n".join(lines)
