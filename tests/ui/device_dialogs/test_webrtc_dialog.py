"""The manual's "Manage an Web-Telephone": the login URL, [Copy], [Open in browser], [State ...]."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication

from app.services.pbx import PbxInput
from tests.integration.sip.conftest import wait_until
from tests.ui.device_dialogs.conftest import save_screenshot
from ui.device.webrtc_dialog import WebRtcDialog, webrtc_login_url

pytestmark = pytest.mark.integration

JSSIP_USER_AGENT = "JsSIP 3.10.1"
LOGIN_URL = "https://webrtc.lab.example:8449/webphone.jsp"


class UrlCatcher(QObject):
    """Takes the place of the web browser for https links (Qt's own hook for openUrl)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.urls.append(url.toString())


def test_the_login_url_follows_the_manual_example_on_the_websocket_host():
    assert webrtc_login_url("wss://webrtc.lab.example:8089/ws") == LOGIN_URL
    assert webrtc_login_url("wss://[2001:db8::5]:8089/ws") == "https://[2001:db8::5]:8449/webphone.jsp"
    assert webrtc_login_url("") is None
    assert webrtc_login_url("https://not.a.websocket/") is None


def test_the_steps_the_login_url_copy_and_open(qtbot, ctx, session, sip_line):
    line = sip_line("1002")
    device = ctx.devices.create(session.actor, line.id, "webrtc-browser")
    dialog = WebRtcDialog(session, device.id)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.error_label)))
    assert "RTC-enabled web browser, e.g. Google Chrome" in texts and "Safari" in texts
    assert "user name and password of the AdminCenter account" in texts
    assert "Check with your provider or vPBX administrator" in texts
    assert dialog.login_url() == LOGIN_URL and dialog.url_edit.text() == LOGIN_URL
    assert dialog.url_edit.isReadOnly() and not dialog.error_label.isVisible()

    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == LOGIN_URL

    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("https", catcher, "handle")
    try:
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert catcher.urls == [LOGIN_URL]
    save_screenshot(qtbot, dialog, "dialog-webrtc")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_state_shows_the_registered_browser_phone(qtbot, ctx, session, kamailio, sip_line, phone_as):
    line = sip_line("1000")
    device = ctx.devices.create(session.actor, line.id, "webrtc-browser")
    phone = phone_as("1000", JSSIP_USER_AGENT)
    wait_until(lambda: any(f":{phone.port}" in c["Address"] for c in kamailio.contacts("1000")), 10,
               "the browser phone registering 1000")
    dialog = WebRtcDialog(session, device.id)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.mouseClick(dialog.state_button, Qt.MouseButton.LeftButton)
    state = dialog.state_dialog
    assert state is not None and state.isVisible()
    assert state.selected_device_id() == device.id
    qtbot.waitUntil(lambda: state.state is not None, timeout=10000)
    assert [label.property("passed") for label in state.check_labels] == [True, True, True]
    assert "matches WebRTC Browser phone" in state.table.item(state.table.currentRow(), 6).text()


def test_without_a_websocket_address_the_dialog_says_what_to_do(qtbot, ctx, session, kamailio, sip_pbx, sip_line):
    line = sip_line("1003")
    device = ctx.devices.create(session.actor, line.id, "webrtc-browser")
    # the vPBX's WebSocket address removed after the browser phone was set up
    ctx.pbx.update(session.actor, sip_pbx.id, PbxInput(
        name="Lab", sip_domain="127.0.0.1", registrar_host="127.0.0.1", registrar_port=kamailio.sip_port,
        transport="udp", wss_url=""))
    dialog = WebRtcDialog(session, device.id)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert dialog.login_url() is None and dialog.url_edit.text() == ""
    assert dialog.error_label.isVisible() and "exchange access data" in dialog.error_label.text()
    assert not dialog.copy_button.isEnabled() and not dialog.open_button.isEnabled()


def test_the_login_page_set_for_the_vpbx_wins(qtbot, ctx, session, kamailio, sip_pbx, sip_line):
    line = sip_line("1004")
    device = ctx.devices.create(session.actor, line.id, "webrtc-browser")
    configured = "https://phone.lab.example/webrtc/login"
    ctx.pbx.update(session.actor, sip_pbx.id, PbxInput(
        name="Lab", sip_domain="127.0.0.1", registrar_host="127.0.0.1", registrar_port=kamailio.sip_port,
        transport="udp", wss_url="wss://webrtc.lab.example:8089/ws", webrtc_login_url=configured))
    dialog = WebRtcDialog(session, device.id)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert dialog.login_url() == configured and dialog.url_edit.text() == configured
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.error_label)))
    assert "set in the vPBX's exchange access data" in texts and "follows the manual's example" not in texts
