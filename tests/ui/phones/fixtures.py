"""Shown Phones tabs on a real console session (task pool, event bridge); imported by the Phones tests.

A module of fixtures rather than a conftest so that tests/ui/tabs/test_phones_tab.py can use them too.
"""
from __future__ import annotations

import pytest

from app.services.dto import Actor
from ui.bridge import EventBridge
from ui.itemmodels.phones_tree_model import PhonesTreeModel
from ui.session import ConsoleSession, make_session
from ui.tabs.phones_tab import PhonesTab


@pytest.fixture
def make_phones_tab(qtbot, ctx):
    """`make(actor)`: a shown PhonesTab whose model has finished its first (background) read."""
    sessions: list[tuple[ConsoleSession, EventBridge]] = []

    def make(actor: Actor) -> PhonesTab:
        bridge = EventBridge(ctx.bus)
        session = make_session(ctx, actor, bridge)
        sessions.append((session, bridge))
        model = PhonesTreeModel(session)
        tab = PhonesTab(session, model)
        model.setParent(tab)
        qtbot.addWidget(tab)
        tab.resize(1200, 600)
        tab.show()
        qtbot.waitExposed(tab)
        qtbot.waitUntil(lambda: not model.loading, timeout=5000)
        return tab

    yield make
    for session, bridge in sessions:
        session.pool.stop()
        assert session.pool.join(5), "a task of the Phones tab did not end"
        bridge.close()
