"""A small round state indicator whose colours follow the palette (light and dark themes)."""
from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget


class DotState(Enum):
    OK = "ok"
    OFF = "off"
    WARNING = "warning"
    ERROR = "error"


# (light theme, dark theme): darker shades on light backgrounds, lighter ones on dark backgrounds
_COLOURS = {
    DotState.OK: ("#2e7d32", "#81c784"),
    DotState.WARNING: ("#b26a00", "#ffb74d"),
    DotState.ERROR: ("#b00020", "#ef9a9a"),
}


def dot_colour(state: DotState, palette: QPalette) -> QColor:
    if state is DotState.OFF:
        return palette.color(QPalette.ColorRole.PlaceholderText)
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor(_COLOURS[state][1 if dark else 0])


class StateDot(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = DotState.OFF
        self.setFixedSize(QSize(12, 12))

    def set_state(self, state: DotState) -> None:
        self.state = state
        self.update()

    def colour(self) -> QColor:
        return dot_colour(self.state, self.palette())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.setBrush(self.colour())
        painter.drawEllipse(self.rect().adjusted(1, 1, -1, -1))
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.update()
        super().changeEvent(event)

