"""Fixtures of the Keys tab tests: a vPBX with subscribers and devices, and the drag helpers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from app.services.devices import DeviceInput
from app.services.lines import LineInput

SUBSCRIBERS = (("100", "Anna Berger"), ("101", "Bernd Krüger"), ("102", "Clara Weiß"), ("103", "Dieter Hahn"))


@pytest.fixture
def lines(ctx, provider, pbx):
    return [
        ctx.lines.create(
            provider, pbx.id, LineInput(number=number, display_name=name, password=f"s3cret-{number}")
        )
        for number, name in SUBSCRIBERS
    ]


@pytest.fixture
def make_device(ctx, provider, lines):
    def make(type_id: str, line_index: int = 0):
        return ctx.devices.create(provider, lines[line_index].id, type_id, DeviceInput(user_name="demo"))

    return make


@pytest.fixture
def make_tab(qtbot, ctx, provider):
    """A shown KeysTab for a device id, big enough that every key is on screen."""
    from ui.keys.keys_tab import KeysTab

    def make(device_id: int, synchronize=None, size=(1200, 760)):
        tab = KeysTab(ctx, provider, device_id, synchronize=synchronize)
        qtbot.addWidget(tab)
        tab.resize(*size)
        tab.show()
        qtbot.waitExposed(tab)
        return tab

    return make


def key_pos(tab, slot) -> QPoint:
    """Viewport position of a key's centre (the module's tab and the key's page are shown first)."""
    module, key_id = slot
    page = tab.module_pages[module]
    tab.modules.setCurrentWidget(page)
    page.set_page(page.scene.layout.key(key_id).page)
    QApplication.processEvents()
    return page.view.mapFromScene(page.scene.key_rect(key_id).center())


def send_drag(tab, slot, mime: QMimeData, action=Qt.DropAction.CopyAction) -> tuple[bool, bool]:
    """Enter, move and (if the move was accepted) drop onto a key: (move accepted, drop accepted)."""
    point = key_pos(tab, slot)
    pos = QPointF(point)
    viewport = tab.module_pages[slot[0]].view.viewport()
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    # PySide6 6.11 builds enter/move events from a QPoint (6.12 from a QPointF); drops take a QPointF
    QApplication.sendEvent(viewport, QDragEnterEvent(point, action, mime, buttons, mods))
    move = QDragMoveEvent(point, action, mime, buttons, mods)
    QApplication.sendEvent(viewport, move)
    if not move.isAccepted():
        return False, False
    drop = QDropEvent(pos, action, mime, buttons, mods)
    QApplication.sendEvent(viewport, drop)
    return True, drop.isAccepted()
