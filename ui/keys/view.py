"""The view of one module with its page selector, and the keyboard alternative to dragging.

Keys: arrows move to the nearest key in that direction, Tab / Shift+Tab to the next / previous key
(across pages), PageUp / PageDown change the page, Enter asks for the key's feature and value,
Delete clears the key.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QResizeEvent
from PySide6.QtWidgets import QGraphicsView, QTabBar, QVBoxLayout, QWidget

from ui.keys.operations import keys_in_order
from ui.keys.scene import KeyScene

_DIRECTIONS = {
    Qt.Key.Key_Left: QPointF(-1, 0),
    Qt.Key.Key_Right: QPointF(1, 0),
    Qt.Key.Key_Up: QPointF(0, -1),
    Qt.Key.Key_Down: QPointF(0, 1),
}


class KeyView(QGraphicsView):
    activated = Signal(str)  # Enter on a key: choose its feature and value
    clear_requested = Signal(str)  # Delete on a key

    def __init__(self, scene: KeyScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.key_scene = scene
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumSize(240, 180)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    # --- keyboard -------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        # Tab would otherwise move the focus to the next widget before keyPressEvent sees it
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.step(-1 if event.key() == Qt.Key.Key_Backtab else 1)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        current = self.key_scene.selected_key()
        if key in _DIRECTIONS:
            self.move_selection(_DIRECTIONS[key])
        elif key == Qt.Key.Key_PageDown:
            self.key_scene.set_page(self.key_scene.page % self.key_scene.pages + 1)
        elif key == Qt.Key.Key_PageUp:
            self.key_scene.set_page((self.key_scene.page - 2) % self.key_scene.pages + 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current:
            self.activated.emit(current)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and current:
            self.clear_requested.emit(current)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def step(self, delta: int) -> None:
        order = [k.id for k in keys_in_order(self.key_scene.layout)]
        current = self.key_scene.selected_key()
        if current is None:
            visible = {item.key.id for item in self.key_scene.visible_keys()}
            target = next((k for k in order if k in visible), order[0])
        else:
            target = order[(order.index(current) + delta) % len(order)]
        self._select(target)

    def move_selection(self, direction: QPointF) -> None:
        scene = self.key_scene
        current = scene.selected_key()
        if current is None:
            self.step(1)
            return
        here = scene.key_rect(current).center()
        best, best_score = None, None
        for item in scene.visible_keys():
            delta = item.key_rect().center() - here
            along = delta.x() * direction.x() + delta.y() * direction.y()
            if along <= 1:
                continue
            across = abs(delta.x() * direction.y()) + abs(delta.y() * direction.x())
            score = along + 2 * across
            if best_score is None or score < best_score:
                best, best_score = item.key.id, score
        if best is not None:
            self._select(best)

    def _select(self, key_id: str) -> None:
        self.key_scene.select_key(key_id)
        self.ensureVisible(self.key_scene.key_rect(key_id))


class ModulePage(QWidget):
    """One tab of the Keys tab: the page selector above the drawing of one module."""

    def __init__(self, scene: KeyScene, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene = scene
        self.page_bar = QTabBar(self)
        self.page_bar.setAccessibleName(self.tr("Page"))
        for number in range(1, scene.pages + 1):
            self.page_bar.addTab(self.tr("Page %1").replace("%1", str(number)))
        self.page_bar.setVisible(scene.pages > 1)
        self.view = KeyView(scene, self)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.page_bar)
        box.addWidget(self.view, 1)
        self.page_bar.currentChanged.connect(lambda index: scene.set_page(index + 1))
        scene.page_changed.connect(self._follow_scene_page)

    def set_page(self, page: int) -> None:
        self.scene.set_page(page)

    def _follow_scene_page(self, page: int) -> None:
        # keyboard navigation and selection may turn the page; keep the selector in step
        self.page_bar.blockSignals(True)
        self.page_bar.setCurrentIndex(page - 1)
        self.page_bar.blockSignals(False)
