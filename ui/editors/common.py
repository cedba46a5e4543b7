"""Shared pieces of the editors: a row-table model base, delegates, parsing helpers, status label.

The base model keeps no translatable strings (``self.tr`` contexts are per lexical class for
``lupdate``); subclasses supply headers with their own ``self.tr``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from roster.model import fmt_hhmm, parse_hhmm

Index = QModelIndex | QPersistentModelIndex

PRIVATE_BG = QColor("#FFF4E5")
ERROR_STYLE = "QLabel { color: #B00020; background: #FDECEA; padding: 4px 8px; border-radius: 3px; }"
INFO_STYLE = "QLabel { color: #1B5E20; background: #E8F5E9; padding: 4px 8px; border-radius: 3px; }"
WARN_STYLE = "QLabel { color: #5D4037; background: #FFF3CD; padding: 6px 8px; border: 1px solid #E0C36A; }"



class EditRefused(ValueError):
    """A typed value the editor refuses; the message is a user-facing sentence."""


def parse_date(text: str, *, allow_empty: bool = False) -> dt.date | None:
    text = (text or "").strip()
    if not text:
        if allow_empty:
            return None
        raise EditRefused(QCoreApplication.translate("Editors", "日期不能为空，格式为 YYYY-MM-DD"))
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise EditRefused(QCoreApplication.translate("Editors", "日期无效：%1（格式 YYYY-MM-DD，且须是真实存在的日期）").replace("%1", text)) from None


def parse_time(text: str) -> int:
    try:
        return parse_hhmm(str(text))
    except ValueError:
        raise EditRefused(QCoreApplication.translate("Editors", "时间无效：%1（格式 HH:MM，00:00–24:00）").replace("%1", str(text))) from None


def parse_number(text: Any, lo: float, hi: float, *, integer: bool = False, what: str = "") -> float:
    try:
        value = float(str(text).strip()) if not isinstance(text, (int, float)) else float(text)
    except ValueError:
        raise EditRefused(QCoreApplication.translate("Editors", "%1 应为数字：%2").replace("%1", what).replace("%2", str(text))) from None
    if integer and value != int(value):
        raise EditRefused(QCoreApplication.translate("Editors", "%1 应为整数：%2").replace("%1", what).replace("%2", str(text)))
    if not (lo <= value <= hi):
        raise EditRefused(
            QCoreApplication.translate("Editors", "%1 超出范围：%2（允许 %3–%4）")
            .replace("%1", what)
            .replace("%2", _num(value))
            .replace("%3", _num(lo))
            .replace("%4", _num(hi))
        )
    return int(value) if integer else value


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def fmt_date(d: dt.date | None) -> str:
    return d.isoformat() if d else ""


def fmt_time(minutes: int) -> str:
    return fmt_hhmm(minutes)


def split_list(text: str) -> tuple[str, ...]:
    parts = str(text or "").replace("，", ",").replace("、", ",").replace(";", ",").split(",")
    out: list[str] = []
    for p in parts:
        p = p.strip()
        if p and p not in out:
            out.append(p)
    return tuple(out)


class RowTableModel(QAbstractTableModel):
    """Rows of frozen values with a column enum.  Subclasses implement ``display``/``apply``.

    ``apply(row, column, value)`` returns the new row value or raises :class:`EditRefused`; the
    refusal is emitted as ``editRefused(message)`` and ``setData`` returns False, leaving the row
    untouched.  ``rowsEdited`` fires after any successful change (edit, insert, remove).
    """

    Column: type[IntEnum]
    editRefused = Signal(str)
    rowsEdited = Signal()

    def __init__(self, rows: Sequence[Any] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = list(rows)

    # --- helpers for subclasses -------------------------------------------------------------
    def rows(self) -> tuple[Any, ...]:
        return tuple(self._rows)

    def row_value(self, row: int) -> Any:
        return self._rows[row]

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def header_labels(self) -> list[str]:  # pragma: no cover - abstract
        raise NotImplementedError

    def display(self, value: Any, column: int) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def edit_value(self, value: Any, column: int) -> Any:
        return self.display(value, column)

    def apply(self, value: Any, column: int, new: Any, row: int) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def check_state(self, value: Any, column: int) -> bool | None:
        return None

    def background(self, value: Any, column: int) -> QColor | None:
        return None

    def tooltip(self, value: Any, column: int) -> str | None:
        return None

    def foreground(self, value: Any, column: int) -> QColor | None:
        return None

    def alignment(self, value: Any, column: int) -> Qt.AlignmentFlag | None:
        return None

    def editable(self, column: int) -> bool:
        return True

    def refuse(self, message: str) -> bool:
        self.editRefused.emit(message)
        return False

    # --- Qt model API ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self.Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            labels = self.header_labels()
            return labels[section] if 0 <= section < len(labels) else None
        return str(section + 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        value = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if self.check_state(value, col) is not None:
                return None
            return self.display(value, col)
        if role == Qt.ItemDataRole.EditRole:
            return self.edit_value(value, col)
        if role == Qt.ItemDataRole.CheckStateRole:
            state = self.check_state(value, col)
            if state is None:
                return None
            return Qt.CheckState.Checked if state else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.background(value, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(value, col)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(value, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignment(value, col)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable(index.column()):
            if self.check_state(self._rows[index.row()], index.column()) is not None:
                f |= Qt.ItemFlag.ItemIsUserCheckable
            else:
                f |= Qt.ItemFlag.ItemIsEditable
        return f

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self.editable(index.column()):
            return False
        old = self._rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole:
            if self.check_state(old, index.column()) is None:
                return False
            value = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        elif role != Qt.ItemDataRole.EditRole:
            return False
        try:
            new = self.apply(old, index.column(), value, index.row())
        except EditRefused as exc:
            return self.refuse(str(exc))
        if new == old:
            return True
        self._rows[index.row()] = new
        left = self.index(index.row(), 0)
        right = self.index(index.row(), self.columnCount() - 1)
        self.dataChanged.emit(left, right)
        self.rowsEdited.emit()
        return True

    def replace_row(self, row: int, value: Any) -> None:
        """Programmatic change of a whole row (already validated by the caller)."""
        if self._rows[row] == value:
            return
        self._rows[row] = value
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self.rowsEdited.emit()

    def append_row(self, value: Any) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(value)
        self.endInsertRows()
        self.rowsEdited.emit()
        return row

    def remove_row(self, row: int) -> bool:
        if not (0 <= row < len(self._rows)):
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        self.rowsEdited.emit()
        return True


class ComboDelegate(QStyledItemDelegate):
    """Editor = a combo box of (value, label) pairs; writes the value (not the label)."""

    def __init__(self, items: Callable[[], Sequence[tuple[Any, str]]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items = items

    def createEditor(self, parent: QWidget, option, index: Index) -> QWidget:  # noqa: N802
        box = QComboBox(parent)
        for value, label in self._items():
            box.addItem(label, value)
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        current = index.data(Qt.ItemDataRole.EditRole)
        for i in range(editor.count()):
            if editor.itemData(i) == current:
                editor.setCurrentIndex(i)
                return

    def setModelData(self, editor: QWidget, model, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class StatusLabel(QLabel):
    """One-line message under a table: refusals in red, confirmations in green; never modal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()

    def show_error(self, message: str) -> None:
        self.setStyleSheet(ERROR_STYLE)
        self.setText(message)
        self.show()

    def show_info(self, message: str) -> None:
        self.setStyleSheet(INFO_STYLE)
        self.setText(message)
        self.show()

    def show_warning(self, message: str) -> None:
        """Accepted, but worth a second look (amber)."""
        self.setStyleSheet(WARN_STYLE)
        self.setText(message)
        self.show()

    def clear_message(self) -> None:
        self.setText("")
        self.hide()


def heat_color(value: float, maximum: float) -> QColor:
    """White → amber → red by value/maximum (0 stays white)."""
    if value <= 0 or maximum <= 0:
        return QColor("#FFFFFF")
    t = max(0.0, min(1.0, value / maximum))
    # interpolate #FFF5D6 (low) → #F4A259 (mid) → #D7263D (high)
    stops = [(0.0, (0xFF, 0xF5, 0xD6)), (0.5, (0xF4, 0xA2, 0x59)), (1.0, (0xD7, 0x26, 0x3D))]
    for (t0, c0), (t1, c1) in zip(stops, stops[1:], strict=False):
        if t <= t1:
            f = (t - t0) / (t1 - t0)
            return QColor(*(round(a + (b - a) * f) for a, b in zip(c0, c1, strict=True)))
    return QColor(*stops[-1][1])


def text_color_for(bg: QColor) -> QColor:
    return QColor("#000000") if bg.lightnessF() > 0.55 else QColor("#FFFFFF")


def make_table(model: QAbstractTableModel, parent: QWidget | None = None, *, rows: bool = True) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setAlternatingRowColors(False)
    if rows:
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    view.verticalHeader().setDefaultSectionSize(26)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setHighlightSections(False)
    return view


def tool_box(title: str, parent: QWidget, controls: Sequence[QWidget], body: QWidget,
             *, stretch: int = 1) -> tuple[QGroupBox, QVBoxLayout]:
    """A titled group: ``controls`` in a left-aligned row above ``body`` (added with ``stretch``).

    Returns the box and its vertical layout, so a caller can add more below the body.
    """
    box = QGroupBox(title, parent)
    layout = QVBoxLayout(box)
    row = QHBoxLayout()
    for w in controls:
        row.addWidget(w)
    row.addStretch(1)
    layout.addLayout(row)
    layout.addWidget(body, stretch)
    return box, layout


def selected_row(view: QTableView) -> int:
    idx = view.selectionModel().currentIndex() if view.selectionModel() else QModelIndex()
    return idx.row() if idx.isValid() else -1


def fit_columns(view: QTableView, *, minimum: int = 56, padding: int = 14, widths: dict[int, int] | None = None) -> None:
    """Content width plus padding (CJK headers look cramped otherwise), with per-column minimums."""
    view.resizeColumnsToContents()
    model = view.model()
    for col in range(model.columnCount()):
        w = max(minimum, view.columnWidth(col) + padding, (widths or {}).get(col, 0))
        view.setColumnWidth(col, w)
