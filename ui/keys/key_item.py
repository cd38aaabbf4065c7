"""One drawn key: a physical button with its LED or a touch-screen tile, with its label, state and
drag-and-drop handlers (the decisions are the KeyDropHandler's, i.e. the Keys tab's).

Geometry: catalog units (about mm) times SCALE are scene pixels.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QMimeData, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsSceneDragDropEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from app.catalog import Key, Rect
from ui.keys.key_text import KeyLook
from ui.keys.operations import Slot

SCALE = 4.0
MARGIN = 8.0  # scene pixels around the faceplate, so the selection outline is never cut off

# The device's own look: hard-coded on purpose (a phone is dark plastic whatever the desktop theme).
FACE_TOP, FACE_BOTTOM, FACE_EDGE = QColor("#3a3d44"), QColor("#202226"), QColor("#5b5f68")
SCREEN_TOP, SCREEN_BOTTOM, SCREEN_EDGE = QColor("#1c2e4a"), QColor("#0c1524"), QColor("#0a0a0a")
KEY_TOP, KEY_BOTTOM, KEY_EDGE = QColor("#54575f"), QColor("#393b41"), QColor("#1a1b1e")
TILE_EMPTY, TILE_FULL, TILE_EDGE = QColor("#16263d"), QColor("#24426b"), QColor("#3f6496")
TEXT_ON_DEVICE, TEXT_DIM = QColor("#f2f2f2"), QColor("#9aa3b0")
LED_ON, LED_OFF = QColor("#3ddc5a"), QColor("#2b2d31")
PROBLEM = QColor("#ff9f1a")
REFUSE = QColor("#d03030")  # "does not accept": red reads as refusal on any theme


class KeyDropHandler(Protocol):
    """The Keys tab: decides what a key accepts (Catalog.accepts) and applies drops."""

    def can_drop(self, slot: Slot, mime: QMimeData) -> bool: ...

    def drop(self, slot: Slot, mime: QMimeData) -> bool: ...

    def start_drag(self, slot: Slot) -> None: ...


def scaled(rect: Rect) -> QRectF:
    return QRectF(rect.x * SCALE, rect.y * SCALE, rect.w * SCALE, rect.h * SCALE)


def highlight_colour() -> QColor:
    return QApplication.palette().color(QPalette.ColorRole.Highlight)


class KeyItem(QGraphicsItem):
    def __init__(self, module: int, key: Key, on_screen: bool) -> None:
        super().__init__()
        self.module = module
        self.key = key
        self.on_screen = on_screen  # a touch-screen tile rather than a physical button
        self.look = KeyLook()
        self.drag_state: str | None = None  # None, "accept" or "refuse" while something is dragged
        self.hovered = False
        self._press_pos: QPointF | None = None
        rect = scaled(key.rect)
        self.setPos(rect.topLeft())
        self._rect = QRectF(0, 0, rect.width(), rect.height())
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setAcceptDrops(True)
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    @property
    def slot(self) -> Slot:
        return (self.module, self.key.id)

    def key_rect(self) -> QRectF:
        return self.mapRectToScene(self._rect)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-4, -4, 4, 4)

    def set_look(self, look: KeyLook, tooltip: str) -> None:
        self.look = look
        self.setToolTip(tooltip)
        self.update()

    def set_drag_state(self, state: str | None, hovered: bool = False) -> None:
        if (state, hovered) != (self.drag_state, self.hovered):
            self.drag_state, self.hovered = state, hovered
            self.update()

    # --- drawing ---------------------------------------------------------------------------
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        r = self._rect
        radius = min(r.height() * 0.18, 8.0)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if self.on_screen:
            painter.setPen(QPen(TILE_EDGE, 1.5))
            painter.setBrush(TILE_FULL if self.look.assigned else TILE_EMPTY)
        else:
            gradient = QLinearGradient(r.topLeft(), r.bottomLeft())
            gradient.setColorAt(0, KEY_TOP)
            gradient.setColorAt(1, KEY_BOTTOM)
            painter.setPen(QPen(KEY_EDGE, 1.5))
            painter.setBrush(QBrush(gradient))
        painter.drawRoundedRect(r, radius, radius)
        text_left = r.left() + r.height() * 0.18
        if not self.on_screen:  # the key's LED
            led = min(r.height() * 0.22, 10.0)
            centre = QPointF(r.left() + led * 1.2, r.center().y())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(LED_ON if self.look.assigned else LED_OFF)
            painter.drawEllipse(centre, led / 2, led / 2)
            text_left = centre.x() + led
        self._paint_text(painter, QRectF(text_left, r.top(), r.right() - text_left - 4, r.height()))
        if self.look.problem:
            self._paint_problem(painter)
        self._paint_state(painter, radius)

    def _paint_text(self, painter: QPainter, area: QRectF) -> None:
        title_px = max(8.0, min(area.height() * 0.36, area.width() / 7.5, 18.0))
        lines = [(self.look.title, title_px, TEXT_ON_DEVICE, True)]
        if self.look.detail:
            lines.append((self.look.detail, title_px * 0.8, TEXT_DIM, False))
        total = sum(px * 1.15 for _, px, _, _ in lines)
        y = area.center().y() - total / 2
        for text, px, colour, bold in lines:
            font = QFont()
            font.setPixelSize(round(px))
            font.setBold(bold)
            metrics = QFontMetricsF(font)
            painter.setFont(font)
            painter.setPen(colour)
            line = QRectF(area.left(), y, area.width(), px * 1.15)
            painter.drawText(
                line,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(text, Qt.TextElideMode.ElideRight, area.width()),
            )
            y += px * 1.15

    def _paint_problem(self, painter: QPainter) -> None:
        size = min(self._rect.height() * 0.35, 14.0)
        top_right = self._rect.topRight()
        triangle = QPainterPath()
        triangle.moveTo(top_right.x() - size - 2, top_right.y() + 2)
        triangle.lineTo(top_right.x() - 2, top_right.y() + 2)
        triangle.lineTo(top_right.x() - 2, top_right.y() + 2 + size)
        triangle.closeSubpath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(PROBLEM)
        painter.drawPath(triangle)

    def _paint_state(self, painter: QPainter, radius: float) -> None:
        outline = self._rect.adjusted(-2, -2, 2, 2)
        if self.drag_state == "accept":
            colour = highlight_colour()
            fill = QColor(colour)
            fill.setAlpha(110 if self.hovered else 45)
            painter.setBrush(fill)
            painter.setPen(QPen(colour, 3 if self.hovered else 1.5))
            painter.drawRoundedRect(outline, radius, radius)
        elif self.drag_state == "refuse":
            fill = QColor(REFUSE)
            fill.setAlpha(120 if self.hovered else 60)
            painter.setBrush(
                QBrush(fill, Qt.BrushStyle.BDiagPattern if not self.hovered else Qt.BrushStyle.SolidPattern)
            )
            painter.setPen(QPen(REFUSE, 3) if self.hovered else Qt.PenStyle.NoPen)
            painter.drawRoundedRect(outline, radius, radius)
        if self.isSelected():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(highlight_colour(), 4))
            painter.drawRoundedRect(outline, radius + 2, radius + 2)

    # --- dragging a key onto another (swap) and dropping onto it ---------------------------
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._press_pos = QPointF(event.screenPos())
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._press_pos is None or not self.look.assigned:
            return
        moved = QPointF(event.screenPos()) - self._press_pos
        if moved.manhattanLength() >= QApplication.startDragDistance():
            self._press_pos = None
            handler = self._handler()
            if handler is not None:
                handler.start_drag(self.slot)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._press_pos = None
        super().mouseReleaseEvent(event)

    def _handler(self) -> KeyDropHandler | None:
        return getattr(self.scene(), "handler", None)

    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        handler = self._handler()
        event.setAccepted(handler is not None and handler.can_drop(self.slot, event.mimeData()))

    def dragMoveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        handler = self._handler()
        event.setAccepted(handler is not None and handler.drop(self.slot, event.mimeData()))
