"""The look: Fusion, one restrained accent colour, the system font with a CJK fallback."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = "#2f6690"  # a muted blue: marks the current page, selections, the primary button
ERROR = "#b3261e"
STYLE_SHEET = Path(__file__).resolve().parent.parent / "resources" / "style" / "propdesk.qss"

_CJK_FALLBACK = {
    "win32": ["Microsoft YaHei UI", "Microsoft YaHei"],
    "darwin": ["PingFang SC", "Hiragino Sans GB"],
}.get(
    sys.platform, ["WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC"]
)


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    font = QFont(app.font())
    font.setFamilies([font.family(), *_CJK_FALLBACK])
    font.setPointSize(max(font.pointSize(), 10))
    app.setFont(font)

    palette = app.style().standardPalette()
    accent = QColor(ACCENT)
    palette.setColor(QPalette.ColorRole.Highlight, accent)
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Link, accent)
    palette.setColor(QPalette.ColorRole.Window, QColor("#f4f5f7"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f7f8fa"))
    app.setPalette(palette)
    if STYLE_SHEET.exists():
        app.setStyleSheet(STYLE_SHEET.read_text(encoding="utf-8"))
