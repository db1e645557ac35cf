"""Icons by name ("fa5s.building"): Font Awesome glyphs drawn by Qt from the font files
that qtawesome ships.

We read qtawesome's fonts and charmaps but do not import the package: it imports qtpy,
which re-exports every Qt module and adds about half a second to start-up, and it checks
and loads all ten bundled fonts where we use one. Each glyph is drawn once per size and
mode into plain pixmaps, so painting an icon never calls back into Python.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from functools import cache
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QIcon, QPainter, QPixmap

FONT_FILES = {
    "fa5s": (
        "fontawesome5-solid-webfont-5.15.4.ttf",
        "fontawesome5-solid-webfont-charmap-5.15.4.json",
    ),
}
NORMAL = "#4a5661"
ACTIVE = "#2f6690"
DISABLED = "#a7b0b8"


def _fonts_folder() -> Path:
    if getattr(sys, "frozen", False):  # the PyInstaller bundle: build.spec copies the fonts
        return Path(sys._MEIPASS) / "qtawesome" / "fonts"
    spec = importlib.util.find_spec("qtawesome")
    return Path(next(iter(spec.submodule_search_locations))) / "fonts"


@cache
def _font(prefix: str) -> tuple[str, dict[str, str]]:
    """The font family registered with Qt and the glyph of each icon name."""
    ttf, charmap = FONT_FILES[prefix]
    folder = _fonts_folder()
    font_id = QFontDatabase.addApplicationFont(str(folder / ttf))
    if font_id < 0:
        raise RuntimeError(f"Qt could not load the icon font {folder / ttf}")
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    codes = json.loads((folder / charmap).read_text(encoding="utf-8"))
    return family, {name: chr(int(code, 16)) for name, code in codes.items()}


ALIGN_CENTER = 0x84  # Qt.AlignmentFlag.AlignCenter

# the sizes the screens use (sidebar 18, toolbars and buttons 16/24); Qt scales between
SIZES = (16, 18, 24, 32)


def _glyph_pixmap(family: str, glyph: str, size: int, color: QColor, ratio: float) -> QPixmap:
    """The glyph drawn in the default pen, then coloured (SourceIn): the same pixels as
    drawing it with ``setPen(color)``, without the overloads of ``setPen`` (and of
    ``Qt.AlignmentFlag``) that build PySide's whole Qt namespace, 15-40 ms here; the
    sidebar's icons are drawn before the window's first paint."""
    side = round(size * ratio)
    pixmap = QPixmap(side, side)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(QColor(0, 0, 0, 0))
    ink = QPixmap(side, side)
    ink.setDevicePixelRatio(ratio)
    ink.fill(color)
    font = QFont(family)
    font.setPixelSize(round(size * 0.875))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setFont(font)
    painter.drawText(QRect(0, 0, size, size), ALIGN_CENTER, glyph)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.drawPixmap(0, 0, ink)
    painter.end()
    return pixmap


@cache
def _cached_icon(name: str, color: str, active_color: str, ratio: float) -> QIcon:
    prefix, _, glyph_name = name.partition(".")
    family, glyphs = _font(prefix)
    if glyph_name not in glyphs:
        raise KeyError(f"no icon {name!r} in {prefix}")
    glyph = glyphs[glyph_name]
    result = QIcon()
    for size in SIZES:
        # each colour drawn once per size; hover and selection reuse the normal pixmap
        # when they share its colour
        normal = _glyph_pixmap(family, glyph, size, QColor(color), ratio)
        active = (
            normal
            if active_color == color
            else _glyph_pixmap(family, glyph, size, QColor(active_color), ratio)
        )
        result.addPixmap(normal, QIcon.Mode.Normal)
        result.addPixmap(active, QIcon.Mode.Active)
        result.addPixmap(active, QIcon.Mode.Selected)
        result.addPixmap(
            _glyph_pixmap(family, glyph, size, QColor(DISABLED), ratio), QIcon.Mode.Disabled
        )
    return result


def icon(name: str, color: str = NORMAL, active_color: str | None = None) -> QIcon:
    """The icon ``prefix.name`` (e.g. "fa5s.sync"); ``active_color`` for hover and selection."""
    ratio = QGuiApplication.instance().devicePixelRatio()
    return QIcon(_cached_icon(name, color, active_color or color, ratio))
