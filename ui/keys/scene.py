"""One module (the device or an expansion module) drawn from its catalog layout.

The same scene is shown in the Keys tab and rendered into PNG images (printing key labels,
documentation), so there is exactly one drawing. Nothing here knows a model: the faceplate, the
screen, the keys, their pages and the dial pad in the free space all follow the catalog data.
Geometry: catalog units (about mm) times SCALE are scene pixels.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QMimeData, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneDragDropEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from app.catalog import Key, Layout, Rect
from ui.keys.mime import ALL_TYPES
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


@dataclass(frozen=True)
class KeyLook:
    """What a key shows: first line (label or name), second line (feature and value)."""

    title: str = ""
    detail: str = ""
    assigned: bool = False
    problem: str = ""  # non-empty: the value is incomplete or wrong (drawn as a warning mark)


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
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
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
        title_px = max(8.0, min(area.height() * 0.36, 18.0))
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
            painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(text, Qt.TextElideMode.ElideRight, area.width()))
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
            painter.setBrush(QBrush(fill, Qt.BrushStyle.BDiagPattern if not self.hovered else Qt.BrushStyle.SolidPattern))
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
            scene = self.scene()
            if isinstance(scene, KeyScene):
                scene.handler.start_drag(self.slot)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._press_pos = None
        super().mouseReleaseEvent(event)

    def _handler(self) -> KeyDropHandler | None:
        scene = self.scene()
        return scene.handler if isinstance(scene, KeyScene) else None

    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        handler = self._handler()
        event.setAccepted(handler is not None and handler.can_drop(self.slot, event.mimeData()))

    def dragMoveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        handler = self._handler()
        event.setAccepted(handler is not None and handler.drop(self.slot, event.mimeData()))


class KeyScene(QGraphicsScene):
    """The faceplate of one module with one KeyItem per catalog key; only the current page is shown."""

    key_selected = Signal(str)  # key id, "" when nothing is selected
    page_changed = Signal(int)

    def __init__(self, module: int, layout: Layout, caption: str, handler: KeyDropHandler,
                 decorate_as_phone: bool, parent=None) -> None:
        super().__init__(parent)
        self.module = module
        self.layout = layout
        self.caption = caption
        self.handler = handler
        self.page = 1
        self.keys: dict[str, KeyItem] = {}
        self._page_dots: list = []
        self._build(decorate_as_phone)
        self.set_page(1)
        self.selectionChanged.connect(self._selection_changed)

    @property
    def pages(self) -> int:
        return max(1, self.layout.pages)

    # --- building the drawing --------------------------------------------------------------
    def _build(self, decorate_as_phone: bool) -> None:
        face = QRectF(0, 0, self.layout.width * SCALE, self.layout.height * SCALE)
        self.setSceneRect(face.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))
        gradient = QLinearGradient(face.topLeft(), face.bottomLeft())
        gradient.setColorAt(0, FACE_TOP)
        gradient.setColorAt(1, FACE_BOTTOM)
        body = QPainterPath()
        body.addRoundedRect(face, 12 * SCALE * 0.6, 12 * SCALE * 0.6)
        self.addPath(body, QPen(FACE_EDGE, 3), QBrush(gradient)).setZValue(-10)
        screen = scaled(self.layout.screen) if self.layout.screen else None
        if screen is not None:
            glass = QLinearGradient(screen.topLeft(), screen.bottomLeft())
            glass.setColorAt(0, SCREEN_TOP)
            glass.setColorAt(1, SCREEN_BOTTOM)
            path = QPainterPath()
            path.addRoundedRect(screen, 2 * SCALE, 2 * SCALE)
            self.addPath(path, QPen(SCREEN_EDGE, 4), QBrush(glass)).setZValue(-9)
        for key in self.layout.keys:
            on_screen = screen is not None and screen.contains(scaled(key.rect))
            item = KeyItem(self.module, key, on_screen)
            self.addItem(item)
            self.keys[key.id] = item
        occupied = [scaled(k.rect) for k in self.layout.keys] + ([screen] if screen is not None else [])
        bottom = max((r.bottom() for r in occupied), default=0.0)
        self._add_page_dots(face, screen, bottom)
        self._add_caption(face, screen)
        if decorate_as_phone:
            self._add_dial_pad(QRectF(face.left(), bottom + 6 * SCALE, face.width(), face.bottom() - bottom - 10 * SCALE))

    def _add_caption(self, face: QRectF, screen: QRectF | None) -> None:
        font = QFont()
        font.setPixelSize(round(4 * SCALE))
        font.setBold(True)
        text = self.addSimpleText(self.caption, font)
        text.setBrush(TEXT_DIM)
        width = text.boundingRect().width()
        text.setPos(face.center().x() - width / 2, face.bottom() - 8 * SCALE)
        text.setZValue(-8)

    def _add_page_dots(self, face: QRectF, screen: QRectF | None, bottom: float) -> None:
        if self.pages < 2:
            return
        area = screen if screen is not None else QRectF(face.left(), bottom, face.width(), 4 * SCALE)
        size, gap = 2.2 * SCALE, 1.6 * SCALE
        total = self.pages * size + (self.pages - 1) * gap
        x = area.center().x() - total / 2
        y = area.bottom() - size - 1.5 * SCALE if screen is not None else bottom + 1.5 * SCALE
        for _ in range(self.pages):
            dot = self.addEllipse(QRectF(x, y, size, size), QPen(TEXT_DIM, 1), QBrush(Qt.BrushStyle.NoBrush))
            dot.setZValue(-8)
            self._page_dots.append(dot)
            x += size + gap

    def _add_dial_pad(self, area: QRectF) -> None:
        """A generic 12-key pad and navigation ring in the faceplate's free lower part, if there is room."""
        if area.height() < 36 * SCALE:
            return
        rows, cols = 4, 3
        pitch_y = area.height() / rows
        key_h = pitch_y * 0.72
        key_w = key_h * 1.6
        pitch_x = key_w * 1.25
        left = area.center().x() + area.width() * 0.05
        font = QFont()
        font.setPixelSize(round(key_h * 0.55))
        for index, symbol in enumerate("123456789*0#"):
            row, col = divmod(index, cols)
            rect = QRectF(left + col * pitch_x, area.top() + row * pitch_y, key_w, key_h)
            if rect.right() > area.right() - 4 * SCALE:
                return
            path = QPainterPath()
            path.addRoundedRect(rect, key_h / 2.5, key_h / 2.5)
            self.addPath(path, QPen(KEY_EDGE, 1.5), QBrush(KEY_BOTTOM)).setZValue(-8)
            label = self.addSimpleText(symbol, font)
            label.setBrush(TEXT_ON_DEVICE)
            bounds = label.boundingRect()
            label.setPos(rect.center().x() - bounds.width() / 2, rect.center().y() - bounds.height() / 2)
            label.setZValue(-7)
        ring = min(area.height() * 0.75, area.center().x() - area.left() - 10 * SCALE)
        if ring > 20 * SCALE:
            centre = QPointF(area.left() + area.width() * 0.28, area.center().y())
            self.addEllipse(QRectF(centre.x() - ring / 2, centre.y() - ring / 2, ring, ring),
                            QPen(KEY_EDGE, 2), QBrush(KEY_TOP)).setZValue(-8)
            inner = ring * 0.42
            self.addEllipse(QRectF(centre.x() - inner / 2, centre.y() - inner / 2, inner, inner),
                            QPen(KEY_EDGE, 2), QBrush(KEY_BOTTOM)).setZValue(-7)

    # --- pages, looks, hit-testing -----------------------------------------------------------
    def set_page(self, page: int) -> None:
        self.page = max(1, min(page, self.pages))
        for item in self.keys.values():
            visible = item.key.page == self.page
            item.setVisible(visible)
            if not visible and item.isSelected():
                item.setSelected(False)
        for number, dot in enumerate(self._page_dots, start=1):
            dot.setBrush(QBrush(TEXT_ON_DEVICE if number == self.page else Qt.BrushStyle.NoBrush))
        self.page_changed.emit(self.page)

    def set_look(self, key_id: str, look: KeyLook, tooltip: str) -> None:
        self.keys[key_id].set_look(look, tooltip)

    def key_rect(self, key_id: str) -> QRectF:
        """The key's rectangle in scene coordinates (whether or not its page is shown)."""
        return self.keys[key_id].key_rect()

    def key_at(self, pos: QPointF) -> str | None:
        """Id of the key shown at scene position `pos`, or None."""
        for item in self.keys.values():
            if item.isVisible() and item.key_rect().contains(pos):
                return item.key.id
        return None

    def visible_keys(self) -> list[KeyItem]:
        return [item for item in self.keys.values() if item.isVisible()]

    def selected_key(self) -> str | None:
        for item in self.selectedItems():
            if isinstance(item, KeyItem):
                return item.key.id
        return None

    def select_key(self, key_id: str | None) -> None:
        if key_id is not None and self.keys[key_id].key.page != self.page:
            self.set_page(self.keys[key_id].key.page)
        self.blockSignals(True)
        self.clearSelection()
        self.blockSignals(False)
        if key_id is not None:
            self.keys[key_id].setSelected(True)
        else:
            self._selection_changed()

    def _selection_changed(self) -> None:
        self.key_selected.emit(self.selected_key() or "")

    # --- drag feedback: every key shows whether it would accept what is dragged -------------
    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        super().dragEnterEvent(event)
        mime = event.mimeData()
        ours = any(mime.hasFormat(t) for t in ALL_TYPES)
        if ours:
            for item in self.keys.values():
                item.set_drag_state("accept" if self.handler.can_drop(item.slot, mime) else "refuse")
        event.setAccepted(ours)

    def dragMoveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        hovered = self.key_at(event.scenePos())
        for key_id, item in self.keys.items():
            item.set_drag_state(item.drag_state, key_id == hovered)
        super().dragMoveEvent(event)

    def dragLeaveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        super().dragLeaveEvent(event)
        self.clear_drag_state()

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        super().dropEvent(event)
        self.clear_drag_state()

    def clear_drag_state(self) -> None:
        for item in self.keys.values():
            item.set_drag_state(None)

    # --- pictures ---------------------------------------------------------------------------
    def render_image(self, scale: float = 1.0) -> QImage:
        """The module as a PNG-ready image (transparent around the faceplate), selection hidden."""
        source = self.sceneRect()
        image = QImage(round(source.width() * scale), round(source.height() * scale),
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        selected = self.selectedItems()
        self.blockSignals(True)
        self.clearSelection()
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.render(painter, QRectF(image.rect()), source)
        painter.end()
        for item in selected:
            item.setSelected(True)
        self.blockSignals(False)
        return image
