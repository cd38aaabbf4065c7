"""Colours and icons for the Phones tree's states, chosen from the palette so they read on light and dark themes.

Only the hue is fixed (green reachable, red unreachable, amber needs sync); its lightness follows the
palette's base colour. Icons are small filled discs painted once, not per `data()` call.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap

_ICON_SIZE = 12


@dataclass(frozen=True)
class StatusLook:
    reachable: QColor
    unreachable: QColor
    needs_sync: QColor
    placeholder: QColor  # the "Telephone: (empty ...)" slot rows
    reachable_icon: QIcon
    unreachable_icon: QIcon
    unknown_icon: QIcon


def _disc(colour: QColor, outline: QColor) -> QIcon:
    pixmap = QPixmap(_ICON_SIZE, _ICON_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(outline)
    painter.setBrush(colour)
    painter.drawEllipse(QRectF(1.5, 1.5, _ICON_SIZE - 3, _ICON_SIZE - 3))
    painter.end()
    return QIcon(pixmap)


def status_look(palette: QPalette | None = None) -> StatusLook:
    palette = palette or QGuiApplication.palette()
    dark = palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5
    # darker shades on a light base, lighter ones on a dark base: both keep enough contrast with the text
    reachable = QColor.fromHsl(135, 160, 170 if dark else 70)
    unreachable = QColor.fromHsl(0, 190, 165 if dark else 95)
    needs_sync = QColor.fromHsl(32, 220, 150 if dark else 80)
    placeholder = palette.color(QPalette.ColorRole.PlaceholderText)
    outline = palette.color(QPalette.ColorRole.Text)
    unknown_fill = palette.color(QPalette.ColorRole.Base)
    return StatusLook(
        reachable=reachable, unreachable=unreachable, needs_sync=needs_sync, placeholder=placeholder,
        reachable_icon=_disc(reachable, reachable.darker(130)),
        unreachable_icon=_disc(unreachable, unreachable.darker(130)),
        unknown_icon=_disc(unknown_fill, outline),
    )
