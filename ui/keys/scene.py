"""One module (the device or an expansion module) drawn from its catalog layout.

The same scene is shown in the Keys tab and rendered into PNG images (printing key labels,
documentation), so there is exactly one drawing. Nothing here knows a model: the faceplate, the
screen, the keys, their pages and the dial pad in the free space all follow the catalog data.
Geometry: catalog units (about mm) times SCALE are scene pixels.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QFont,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsSceneDragDropEvent,
)

from app.catalog import Layout
from ui.keys.key_item import (
    FACE_BOTTOM,
    FACE_EDGE,
    FACE_TOP,
    KEY_BOTTOM,
    KEY_EDGE,
    KEY_TOP,
    MARGIN,
    SCALE,
    SCREEN_BOTTOM,
    SCREEN_EDGE,
    SCREEN_TOP,
    TEXT_DIM,
    TEXT_ON_DEVICE,
    KeyDropHandler,
    KeyItem,
    scaled,
)
from ui.keys.key_text import KeyLook
from ui.keys.mime import ALL_TYPES


class KeyScene(QGraphicsScene):
    """The faceplate of one module with one KeyItem per catalog key; only the current page is shown."""

    key_selected = Signal(str)  # key id, "" when nothing is selected
    page_changed = Signal(int)

    def __init__(
        self,
        module: int,
        layout: Layout,
        caption: str,
        handler: KeyDropHandler,
        decorate_as_phone: bool,
        parent=None,
    ) -> None:
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
            self._add_dial_pad(
                QRectF(face.left(), bottom + 6 * SCALE, face.width(), face.bottom() - bottom - 10 * SCALE)
            )

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
        key_h = min(pitch_y * 0.62, 12 * SCALE)
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
        ring = min(area.height() * 0.6, area.center().x() - area.left() - 10 * SCALE)
        if ring > 20 * SCALE:
            centre = QPointF(area.left() + area.width() * 0.28, area.center().y())
            self.addEllipse(
                QRectF(centre.x() - ring / 2, centre.y() - ring / 2, ring, ring),
                QPen(KEY_EDGE, 2),
                QBrush(KEY_TOP),
            ).setZValue(-8)
            inner = ring * 0.42
            self.addEllipse(
                QRectF(centre.x() - inner / 2, centre.y() - inner / 2, inner, inner),
                QPen(KEY_EDGE, 2),
                QBrush(KEY_BOTTOM),
            ).setZValue(-7)

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
        event.setAccepted(False)  # stays refused unless a key item takes the drop
        super().dropEvent(event)
        self.clear_drag_state()

    def clear_drag_state(self) -> None:
        for item in self.keys.values():
            item.set_drag_state(None)

    # --- pictures ---------------------------------------------------------------------------
    def render_image(self, scale: float = 1.0) -> QImage:
        """The module as a PNG-ready image (transparent around the faceplate), selection hidden."""
        source = self.sceneRect()
        image = QImage(
            round(source.width() * scale),
            round(source.height() * scale),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
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


def side_by_side(images: list[QImage], gap: int) -> QImage:
    """Module pictures next to each other, bottoms aligned (the device first)."""
    if not images:
        return QImage()
    width = sum(i.width() for i in images) + gap * (len(images) - 1)
    height = max(i.height() for i in images)
    result = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    result.fill(Qt.GlobalColor.transparent)
    painter = QPainter(result)
    x = 0
    for image in images:
        painter.drawImage(QPoint(x, height - image.height()), image)
        x += image.width() + gap
    painter.end()
    return result
