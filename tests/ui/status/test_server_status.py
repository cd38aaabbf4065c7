"""The status bar's provisioning server state, from the real server's events."""
from __future__ import annotations

import socket

import pytest

from app.provisioning.server import PortInUseError
from app.serving import ProvisioningService
from tests.ui.screenshots import save_screenshot
from ui.status.dot import DotState, dot_colour
from ui.status.server_status import ServerStatusWidget


@pytest.fixture
def widget(qtbot, session):
    shown = ServerStatusWidget(session.bridge)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_before_any_event_the_server_is_not_started(widget):
    assert widget.state == "not started"
    assert widget.label.text() == "Provisioning: not started"


def test_running_then_stopped_from_the_real_server(qtbot, ctx, widget):
    service = ProvisioningService(ctx, port=0, bind="127.0.0.1")
    service.start()
    try:
        url = service.server.url
        assert url == f"https://prov.test.example:{service.server.port}"
        qtbot.waitUntil(lambda: widget.state == "running", timeout=5000)
        assert widget.label.text() == f"Provisioning: running at {url}"
        assert url in widget.toolTip()
        assert widget.dot.state is DotState.OK
        widget.resize(widget.sizeHint())
        save_screenshot(qtbot, widget, "statusbar-server")
    finally:
        service.stop()
        assert service.join(10)
    qtbot.waitUntil(lambda: widget.state == "stopped", timeout=5000)
    assert widget.label.text() == "Provisioning: stopped"
    assert widget.dot.state is DotState.OFF


def test_a_port_in_use_shows_the_error_and_its_message(qtbot, ctx, widget):
    blocker = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    blocker.bind(("127.0.0.1", 0))
    blocker.listen(1)
    port = blocker.getsockname()[1]
    try:
        service = ProvisioningService(ctx, port=port, bind="127.0.0.1")
        with pytest.raises(PortInUseError):
            service.start()
        qtbot.waitUntil(lambda: widget.state == "error", timeout=5000)
    finally:
        blocker.close()
    assert widget.label.text() == "Provisioning: error"
    assert f"because another program already uses port {port}" in widget.toolTip()
    assert widget.dot.state is DotState.ERROR


def test_the_dot_colour_follows_light_and_dark_palettes(widget):
    from PySide6.QtGui import QColor, QPalette

    light, dark = QPalette(QColor("#f0f0f0")), QPalette(QColor("#202020"))
    assert dot_colour(DotState.ERROR, light) != dot_colour(DotState.ERROR, dark)
    assert dot_colour(DotState.ERROR, dark).lightness() > dot_colour(DotState.ERROR, light).lightness()


def test_plain_http_shows_the_warning(qtbot, ctx, widget, caplog):
    ctx.update_settings(ctx.settings.with_changes(tls=False))
    service = ProvisioningService(ctx, port=0, bind="127.0.0.1")
    service.start()
    try:
        qtbot.waitUntil(lambda: widget.state == "running", timeout=5000)
        assert widget.dot.state is DotState.WARNING
        assert widget.label.text().endswith("(warning)")
        assert "Plain HTTP is on" in widget.toolTip()
    finally:
        service.stop()
        assert service.join(10)
