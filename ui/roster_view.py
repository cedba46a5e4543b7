"""Roster grid view: coloured shift cells, drop-down editor, lock / violation / wish marks."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QKeySequence, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from roster.model import OFF

from .roster_model import Roles, RosterModel

VIOLATION_RED = QColor("#D32F2F")
SELECTION = QColor(30, 90, 200, 45)
SELECTION_EDGE = QColor("#1E5AC8")
TEXT = QColor("#202020")
GRID = QColor("#D0D0D0")
LOCK_COLOR = QColor("#37474F")


def _draw_lock(p: QPainter, r: QRect) -> None:
    """A small padlock in the top-left corner (drawn, so it needs no emoji font)."""
    x, y = r.left() + 3, r.top() + 3
    w, h = 8, 6
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(QPen(LOCK_COLOR, 1.4))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawArc(QRect(x + 1, y, w - 2, 8), 0, 180 * 16)
    p.setBrush(QBrush(LOCK_COLOR))
    p.drawRect(QRect(x, y + 4, w, h))
    p.restore()


def _draw_violation(p: QPainter, r: QRect) -> None:
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(QPen(VIOLATION_RED, 2))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(r.adjusted(1, 1, -1, -1))
    tri = QPolygonF([QPointF(r.right() - 10, r.top()), QPointF(r.right() + 1, r.top()),
                     QPointF(r.right() + 1, r.top() + 11)])
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(VIOLATION_RED))
    p.drawPolygon(tri)
    p.restore()


def _draw_wish(p: QPainter, r: QRect) -> None:
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(QColor("#2E7D32")))
    p.drawEllipse(QPointF(r.left() + 5, r.bottom() - 4), 2.5, 2.5)
    p.restore()


def _draw_away(p: QPainter, r: QRect) -> None:
    """An unavailable time touches the date: grey hatching in the top-left corner (readable in black and white)."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(QPen(QColor("#757575"), 1.2))
    for k in (4, 8, 12):
        p.drawLine(QPointF(r.left() + 1, r.top() + k), QPointF(r.left() + k, r.top() + 1))
    p.restore()


class ShiftDelegate(QStyledItemDelegate):
    """Paints cells with their marks and edits them with a combo box of shift codes."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        text, bg, fg, bold, locked, wish, violated, kind, away = index.data(Roles.PAINT)
        rect = option.rect
        painter.save()
        # always paint the background: the view has already drawn the style's solid highlight here
        painter.fillRect(rect, bg if bg is not None else option.palette.base())
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, SELECTION)
        if bold:
            f = QFont(option.font)
            f.setBold(True)
            painter.setFont(f)
        else:
            painter.setFont(option.font)
        painter.setPen(fg if fg is not None else TEXT)
        if text:
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.setPen(GRID)
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        if selected:
            painter.setPen(QPen(SELECTION_EDGE, 2))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        painter.restore()
        if kind == "cell":
            if locked:
                _draw_lock(painter, rect)
            if wish:
                _draw_wish(painter, rect)
            if away:
                _draw_away(painter, rect)
            if violated:
                _draw_violation(painter, rect)

    def createEditor(self, parent, option, index):
        model = index.model()
        if not isinstance(model, RosterModel):
            return super().createEditor(parent, option, index)
        box = QComboBox(parent)
        box.setObjectName("shiftEditor")
        box.addItem(self.tr("休（不上班）"), OFF)
        for s in model.scenario.shifts:
            start = f"{s.start // 60:02d}:{s.start % 60:02d}"
            box.addItem(f"{s.code}  {s.name}  {start} {s.hours:g}h", s.code)
        return box

    def setEditorData(self, editor, index) -> None:
        if isinstance(editor, QComboBox):
            i = editor.findData(index.data(Roles.CODE))
            editor.setCurrentIndex(max(0, i))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)

    def updateEditorGeometry(self, editor, option, index) -> None:
        r = QRect(option.rect)
        r.setWidth(max(r.width(), 190))
        editor.setGeometry(r)

    def sizeHint(self, option, index) -> QSize:
        return QSize(44, 28)


class RosterView(QTableView):
    """The grid.  Typing a shift code (or Delete for OFF) sets every selected cell in one undo step."""

    lockToggled = Signal()
    whoCanCoverRequested = Signal(str, object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterView")
        self.setItemDelegate(ShiftDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setShowGrid(False)
        self.setWordWrap(True)
        self.setCornerButtonEnabled(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        hh = self.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        hh.setDefaultSectionSize(46)
        hh.setMinimumHeight(3 * self.fontMetrics().height() + 12)
        vh = self.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(max(28, self.fontMetrics().height() + 12))
        vh.setMinimumWidth(64)
        self._context_actions: list = []

    def setModel(self, model) -> None:  # noqa: N802 - Qt naming
        super().setModel(model)
        if isinstance(model, RosterModel):
            model.modelReset.connect(self._fit_columns)
            model.headerDataChanged.connect(lambda *_: self._fit_columns())
            self._fit_columns()

    def _fit_columns(self) -> None:
        model = self.model()
        if not isinstance(model, RosterModel):
            return
        fm = self.fontMetrics()
        w = fm.horizontalAdvance("00/00") + 14
        for c in range(model.columnCount()):
            if c < model.days:
                self.setColumnWidth(c, w)
            else:  # totals: as wide as their (translated) header
                head = str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                self.setColumnWidth(c, max(w + 8, fm.horizontalAdvance(head) + 16))

    def roster_model(self) -> RosterModel:
        m = self.model()
        assert isinstance(m, RosterModel)
        return m

    def selected_cells(self) -> list[tuple[str, dt.date]]:
        model = self.roster_model()
        out = []
        for idx in self.selectionModel().selectedIndexes() if self.selectionModel() else []:
            cell = model.cell_at(idx)
            if cell is not None:
                out.append(cell)
        if not out:
            cell = model.cell_at(self.currentIndex())
            if cell is not None:
                out.append(cell)
        return sorted(set(out), key=lambda c: (c[1], c[0]))

    def current_cell(self) -> tuple[str, dt.date] | None:
        return self.roster_model().cell_at(self.currentIndex())

    def select_cell(self, staff_id: str, day: dt.date) -> None:
        idx = self.roster_model().index_of(staff_id, day)
        self.setCurrentIndex(idx)
        self.scrollTo(idx, QAbstractItemView.ScrollHint.PositionAtCenter)

    def set_context_actions(self, actions: list) -> None:
        """Actions shown in the cell context menu (the main window owns them); None = separator."""
        self._context_actions = list(actions)

    def set_selected(self, code: str) -> None:
        model = self.roster_model()
        cells = [c for c in self.selected_cells() if model.code(*c) != code]
        if not cells:
            return
        stack = model.undo_stack
        if stack is not None and len(cells) > 1:
            stack.beginMacro(self.tr("批量修改") + f" {len(cells)} " + self.tr("个单元格") + f" → {code}")
        try:
            for sid, day in cells:
                model.setData(model.index_of(sid, day), code, Qt.ItemDataRole.EditRole)
        finally:
            if stack is not None and len(cells) > 1:
                stack.endMacro()

    def copy_selection(self) -> str:
        """The codes of the selection's bounding box (people × dates) as tab-separated rows, OFF as an empty cell, put
        on the clipboard — pastes into Excel too."""
        model = self.roster_model()
        cells = self.selected_cells()
        if not cells:
            return ""
        rows = sorted({model.staff_row(sid) for sid, _ in cells})
        cols = sorted({model.date_column(day) for _, day in cells})
        staff, dates = model.staff, model.dates
        lines = []
        for r in range(rows[0], rows[-1] + 1):
            sid = staff[r].id
            out = []
            for c in range(cols[0], cols[-1] + 1):  # the whole box: a gap in the selection pastes as it is
                code = model.code(sid, dates[c])
                out.append("" if code == OFF else code)
            lines.append("\t".join(out))
        text = "\n".join(lines)
        QGuiApplication.clipboard().setText(text)
        return text

    def paste(self, text: str | None = None) -> int:
        """Paste tab-separated codes from the current cell on (one undo step); an empty cell is OFF, an unknown
        code or a cell beyond the grid is skipped.  Returns the number of cells changed."""
        model = self.roster_model()
        text = QGuiApplication.clipboard().text() if text is None else text
        start = model.cell_at(self.currentIndex())
        if not text or start is None:
            return 0
        r0, c0 = model.staff_row(start[0]), model.date_column(start[1])
        codes = set(model.shift_codes())
        staff, dates = model.staff, model.dates
        changes = {}
        for i, line in enumerate(text.rstrip("\r\n").split("\n")):
            for j, raw in enumerate(line.rstrip("\r").split("\t")):
                r, c = r0 + i, c0 + j
                code = raw.strip() or OFF
                if code not in codes and code.upper() in codes:
                    code = code.upper()  # "d" from a hand-typed sheet; a mixed-case code like "Dx" stays as it is
                if r < len(staff) and c < len(dates) and code in codes:
                    key = (staff[r].id, dates[c])
                    if model.code(*key) != code:
                        changes[key] = code
        if not changes:
            return 0
        stack = model.undo_stack
        if stack is not None:
            stack.beginMacro(self.tr("粘贴") + f" {len(changes)} " + self.tr("个单元格"))
        try:
            for (sid, day), code in changes.items():
                model.setData(model.index_of(sid, day), code, Qt.ItemDataRole.EditRole)
        finally:
            if stack is not None:
                stack.endMacro()
        return len(changes)

    def keyPressEvent(self, event) -> None:
        model = self.model()
        if isinstance(model, RosterModel) and self.state() != QAbstractItemView.State.EditingState:
            if event.matches(QKeySequence.StandardKey.Copy):
                self.copy_selection()
                return
            if event.matches(QKeySequence.StandardKey.Paste):
                self.paste()
                return
            if event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Backspace:
                self.set_selected(OFF)
                return
            text = event.text().strip().upper()
            if text and text in model.shift_codes() and not event.modifiers() & (
                    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
                self.set_selected(text)
                return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event) -> None:
        model = self.model()
        if not isinstance(model, RosterModel):
            return
        idx = self.indexAt(event.pos())
        if model.cell_at(idx) is None:
            return
        if not self.selectionModel().isSelected(idx):
            self.setCurrentIndex(idx)
        menu = self.build_context_menu()
        menu.exec(event.globalPos())

    def build_context_menu(self) -> QMenu:
        model = self.roster_model()
        menu = QMenu(self)
        set_menu = menu.addMenu(self.tr("设为班次"))
        for code in model.shift_codes():
            label = self.tr("休") if code == OFF else f"{code}  {model.scenario.shift(code).name}"
            act = set_menu.addAction(label)
            act.triggered.connect(lambda _=False, c=code: self.set_selected(c))
        menu.addSeparator()
        for a in self._context_actions:
            if a is None:
                menu.addSeparator()
            else:
                menu.addAction(a)
        return menu


class RotaLegend(QWidget):
    """Under the rota: every shift template (colour, code, name, times) and the cell marks, on as many lines as
    the width needs (six templates and the marks do not fit one line at 1366 px: GUI review)."""

    LINE = 26

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("rotaLegend")
        self._shifts: list = []
        self.setFixedHeight(self.LINE)

    def set_shifts(self, shifts) -> None:
        self._shifts = list(shifts)
        self._fit_height()
        self.update()

    def _items(self) -> list[tuple[str, object]]:
        """(text, shift or mark painter) in order."""
        from roster.model import fmt_hhmm

        out: list[tuple[str, object]] = []
        for s in self._shifts:
            end = s.end % (24 * 60)
            out.append((f"{s.name} {fmt_hhmm(s.start)}–{fmt_hhmm(end) if end else '24:00'}", s))
        out += [(self.tr("锁定"), _draw_lock), (self.tr("意愿"), _draw_wish), (self.tr("不可排班时段"), _draw_away),
                (self.tr("违规"), _draw_violation)]
        return out

    def _positions(self, width: int) -> list[tuple[int, int, str, object]]:
        """(x, line, text, item) with each item moved to the next line when it would cross ``width``."""
        fm = self.fontMetrics()
        x, line, out = 6, 0, []
        for text, item in self._items():
            w = 30 + fm.horizontalAdvance(text) + 16
            if x > 6 and x + w - 16 > width:
                x, line = 6, line + 1
            out.append((x, line, text, item))
            x += w
        return out

    def _fit_height(self) -> None:
        lines = 1 + max((line for _x, line, _t, _i in self._positions(max(200, self.width()))), default=0)
        if self.height() != lines * self.LINE:
            self.setFixedHeight(lines * self.LINE)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        h = self.LINE
        for x, line, text, item in self._positions(self.width()):
            top = line * h
            r = QRect(x, top + (h - 18) // 2, 26, 18)
            if callable(item):  # a cell mark
                p.fillRect(r, QColor("#FFFFFF"))
                p.setPen(QColor("#BBBBBB"))
                p.drawRect(r.adjusted(0, 0, -1, -1))
                item(p, r)
            else:
                p.fillRect(r, QColor(item.color))
                p.setPen(QColor("#333333"))
                p.drawRect(r.adjusted(0, 0, -1, -1))
                f = QFont(self.font())
                f.setBold(True)
                p.setFont(f)
                p.drawText(r, int(Qt.AlignmentFlag.AlignCenter), item.code)
                p.setFont(self.font())
            p.setPen(QColor("#333333"))
            p.drawText(x + 30, top, p.fontMetrics().horizontalAdvance(text) + 4, h,
                       int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)
        p.end()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        self._fit_height()  # the labels' widths change with the language
        self.update()
