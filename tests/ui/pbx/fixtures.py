"""Fixtures of the PBX tab tests (also imported by tests/ui/tabs/test_pbx_tab.py): console sessions
for any actor, stopped after the test, and shown PBX tabs."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit, QWidget

from app.services.dto import Actor
from tests.ui.screenshots import save_screenshot


@pytest.fixture
def make_session(ctx) -> Iterator:
    from ui.bridge import EventBridge
    from ui.session import make_session as build

    sessions = []

    def make(actor: Actor):
        session = build(ctx, actor, EventBridge(ctx.bus), workers=2)
        sessions.append(session)
        return session

    yield make
    for session in sessions:
        session.pool.stop()
        session.pool.join(10)
        session.bridge.close()


@pytest.fixture
def make_pbx_tab(qtbot, make_session):
    from ui.tabs.pbx_tab import PbxTab

    def make(actor: Actor, size=(780, 560)) -> PbxTab:
        tab = PbxTab(make_session(actor))
        qtbot.addWidget(tab)
        tab.resize(*size)
        tab.show()
        qtbot.waitExposed(tab)
        return tab

    return make


def admin_of(ctx, provider: Actor, pbx_id: int, name: str = "pbxadmin") -> Actor:
    ctx.users.create(provider, name, "admin-pass-1", "pbx_admin", pbx_id)
    return ctx.users.actor(name)


def all_texts(*widgets: QWidget) -> list[str]:
    """Every text a user could read or copy out of these widgets and their children."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QListWidget, QTableWidget

    texts: list[str] = []
    for root in widgets:
        for w in [root, *root.findChildren(QWidget)]:
            if isinstance(w, (QLineEdit, QLabel, QAbstractButton)):
                texts.append(w.text())
            elif isinstance(w, QComboBox):
                texts.extend(w.itemText(i) for i in range(w.count()))
            elif isinstance(w, QTableWidget):
                texts.extend(w.item(r, c).text() for r in range(w.rowCount()) for c in range(w.columnCount())
                             if w.item(r, c) is not None)
            elif isinstance(w, QListWidget):
                texts.extend(w.item(r).text() for r in range(w.count()))
            texts.append(w.toolTip())
    return texts


def save_png(qtbot, widget: QWidget, name: str) -> Path:
    qtbot.wait(50)  # let pending layout requests (a message appeared) run before the picture
    return save_screenshot(qtbot, widget, name)
