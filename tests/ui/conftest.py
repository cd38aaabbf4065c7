"""Fixtures for the GUI tests: console users made through the services, a window-state file per test."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from app.services.dto import Actor
from app.services.lines import LineInput
from app.services.pbx import PbxInput

PROVIDER_NAME = "admin"
PROVIDER_PASSWORD = "correct-horse-1"


@pytest.fixture
def provider(ctx) -> Actor:
    return ctx.users.create_first_provider(PROVIDER_NAME, PROVIDER_PASSWORD)


@pytest.fixture
def ui_state(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "window-state.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def pbx(ctx, provider):
    return ctx.pbx.create(provider, PbxInput(name="Acme", sip_domain="sip.acme.example",
                                             registrar_host="sip.acme.example", time_zone="Europe/Berlin"))


@pytest.fixture
def make_line(ctx, provider, pbx):
    def make(number: str, display_name: str):
        return ctx.lines.create(provider, pbx.id, LineInput(number=number, display_name=display_name,
                                                            password=f"s3cret-{number}"))
    return make


@pytest.fixture
def make_window(qtbot, ctx, ui_state):
    """Shown main windows for an actor; closed (saving their state, closing the bridge) after the test."""
    from ui.main_window import MainWindow

    windows = []

    def make(actor: Actor) -> MainWindow:
        window = MainWindow(ctx, actor, ui_state)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
