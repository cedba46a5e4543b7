"""Draw the app icon with QPainter: a calendar page with coloured shift cells and 班.

    uv run python packaging/make_icon.py      # writes packaging/icon.png (256 px) and packaging/icon.ico
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def draw(size: int = 256):
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen

    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    page = QRectF(16 * s, 24 * s, 224 * s, 216 * s)
    path = QPainterPath()
    path.addRoundedRect(page, 28 * s, 28 * s)
    p.fillPath(path, QColor("#FFFFFF"))
    # header band
    p.save()
    p.setClipPath(path)
    p.fillRect(QRectF(page.left(), page.top(), page.width(), 60 * s), QColor("#C62828"))
    p.restore()
    p.setPen(QPen(QColor("#8E1B1B"), 6 * s))
    p.drawPath(path)
    # binder rings
    for x in (72, 184):
        p.setPen(QPen(QColor("#424242"), 10 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawLine(int(x * s), int(12 * s), int(x * s), int(44 * s))
    # 3 × 4 grid of shift cells (D yellow, E blue, N purple, off white)
    colors = ["#FFE08A", "#9EC9FF", "#B9A6F0", "#EEEEEE"]
    cell_w, cell_h, gap = 44 * s, 34 * s, 8 * s
    x0, y0 = 34 * s, 100 * s
    for r in range(3):
        for c in range(4):
            rect = QRectF(x0 + c * (cell_w + gap), y0 + r * (cell_h + gap), cell_w, cell_h)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(colors[(r + c) % 4]))
            p.drawRoundedRect(rect, 6 * s, 6 * s)
    # 班 badge
    badge = QRectF(150 * s, 150 * s, 96 * s, 96 * s)
    p.setBrush(QColor("#1565C0"))
    p.setPen(QPen(QColor("#FFFFFF"), 6 * s))
    p.drawEllipse(badge)
    f = QFont()
    f.setFamilies(["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "sans-serif"])
    f.setPixelSize(int(56 * s))
    f.setBold(True)
    p.setFont(f)
    p.setPen(QColor("#FFFFFF"))
    p.drawText(badge, Qt.AlignmentFlag.AlignCenter, "班")
    p.end()
    return img


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts need an app)
    big = draw(256)
    if not big.save(str(HERE / "icon.png")):
        raise SystemExit("写入 icon.png 失败")
    if not big.save(str(HERE / "icon.ico"), "ICO"):
        raise SystemExit("写入 icon.ico 失败")
    print(f"{HERE / 'icon.png'}\n{HERE / 'icon.ico'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
