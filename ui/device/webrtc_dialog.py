"""The manual's "Manage an Web-Telephone": what a browser phone needs and how to check it.

1. An RTC-enabled web browser, e.g. Google Chrome (Safari on the Mac is not sufficient currently).
2. In the browser, call the WebRTC login, "for example https://<VOIP_SWITCH_IP>:8449/webphone.jsp;
   check with your provider or vPBX administrator how the URL is".
3. Enter the user name and password of the AdminCenter account in the WebRTC login.
4. Verify the registration ([State ...]) and on the phone's display; make calls.

The login page is served by the exchange's web server, not by this console. The vPBX records it
(webrtc_login_url); where that is empty it is derived from the host of the SIP-over-WebSocket
address (wss_url) in the form of the manual's example.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.device.state_dialog import StateDialog
from ui.messages import SERVICE_ERRORS, inline_error_label, sentence, show_inline
from ui.session import ConsoleSession

# the manual's example: https://<VOIP_SWITCH_IP>:8449/webphone.jsp
WEBPHONE_PORT = 8449
WEBPHONE_PATH = "/webphone.jsp"


def webrtc_login_url(wss_url: str) -> str | None:
    """The WebRTC login on the host that serves the vPBX's WebSocket (None without a usable wss_url)."""
    try:
        parts = urlsplit(wss_url.strip())
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme != "wss" or not host:
        return None
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    return f"https://{host}:{WEBPHONE_PORT}{WEBPHONE_PATH}"


class WebRtcDialog(QDialog):
    """Non-blocking: call `.open()`. `state_dialog` is the last [State ...] window opened from here."""

    def __init__(self, session: ConsoleSession, device_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("webRtcDialog")
        self.session = session
        self.device_id = device_id
        self.state_dialog: StateDialog | None = None
        ctx, actor = session.ctx, session.actor
        self.device = ctx.devices.get(actor, device_id)
        line = ctx.lines.get(actor, self.device.line_id)
        self.line_id = line.id
        pbx = ctx.pbx.get(actor, line.pbx_id)
        self.wss_url = pbx.wss_url
        self.login_url_configured = bool(pbx.webrtc_login_url)
        self._login_url = pbx.webrtc_login_url or webrtc_login_url(self.wss_url)
        self.setWindowTitle(self.tr("Web-Telephone of line %1").replace("%1", line.number))

        need = QLabel(self.tr(
            "1. You need an RTC-enabled web browser, e.g. Google Chrome. Safari on the Mac is not sufficient "
            "currently."), self)
        call = QLabel(self.tr("2. In the web browser, call the WebRTC &login:"), self)
        self.url_edit = QLineEdit(self._login_url or "", self)
        self.url_edit.setObjectName("webRtcLoginUrl")
        self.url_edit.setReadOnly(True)
        self.url_edit.setToolTip(self.tr("The address of the WebRTC login of the exchange (read-only; "
                                         "select it or use [Copy])."))
        call.setBuddy(self.url_edit)
        self.copy_button = QPushButton(self.tr("&Copy"), self)
        self.copy_button.setObjectName("webRtcCopyButton")
        self.copy_button.setToolTip(self.tr("Copy the login address to the clipboard."))
        self.copy_button.clicked.connect(self.copy_login_url)
        self.open_button = QPushButton(self.tr("&Open in browser"), self)
        self.open_button.setObjectName("webRtcOpenButton")
        self.open_button.setToolTip(self.tr("Open the login in the default web browser of this computer."))
        self.open_button.clicked.connect(self.open_in_browser)
        check_url = QLabel(self.tr(
            "This address follows the manual's example (https://<exchange>:%1%2) on the host of the vPBX's "
            "WebSocket address %3. Check with your provider or vPBX administrator how the URL is.")
            .replace("%1", str(WEBPHONE_PORT)).replace("%2", WEBPHONE_PATH).replace("%3", self.wss_url or "-"), self)
        if self.login_url_configured:
            check_url.setText(self.tr("This is the WebRTC login page set in the vPBX's exchange access data."))
        self.error_label = inline_error_label(self)
        self.error_label.setObjectName("webRtcError")
        if self._login_url is None:
            show_inline(self.error_label, self.tr(
                "The vPBX has neither a WebRTC login page nor a WebSocket address for browser phones, so the "
                "WebRTC login is not known: enter it in the vPBX's exchange access data, or ask your provider."))
            self.copy_button.setEnabled(False)
            self.open_button.setEnabled(False)
        login = QLabel(self.tr(
            "3. Enter the user name and password of the AdminCenter account in the WebRTC login. "
            "\u2192 The window opens the Web-Telephone."), self)
        verify = QLabel(self.tr(
            "4. Verify that the Web-Telephone registered successfully: click [State ...] and check the "
            "registration; check on the Web-Telephone's display too, and make outgoing and incoming calls."), self)
        for label in (need, check_url, login, verify):
            label.setWordWrap(True)
        check_url.setTextFormat(Qt.TextFormat.PlainText)

        self.state_button = QPushButton(self.tr("&State ..."), self)
        self.state_button.setObjectName("webRtcStateButton")
        self.state_button.setToolTip(self.tr("Show the registrations of the line and the manual's checks."))
        self.state_button.clicked.connect(self.show_state)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setToolTip(self.tr("Close this window (Esc)."))

        url_row = QHBoxLayout()
        url_row.addWidget(self.url_edit, 1)
        url_row.addWidget(self.copy_button)
        url_row.addWidget(self.open_button)
        state_row = QHBoxLayout()
        state_row.addWidget(self.state_button)
        state_row.addStretch(1)
        layout = QVBoxLayout(self)
        for widget in (need, call):
            layout.addWidget(widget)
        layout.addLayout(url_row)
        layout.addWidget(check_url)
        layout.addWidget(self.error_label)
        layout.addWidget(login)
        layout.addWidget(verify)
        layout.addLayout(state_row)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setTabOrder(self.url_edit, self.copy_button)
        self.setTabOrder(self.copy_button, self.open_button)
        self.setTabOrder(self.open_button, self.state_button)
        self.setTabOrder(self.state_button, self.close_button)
        self.setMinimumWidth(520)

    def login_url(self) -> str | None:
        """The address [Open in browser] opens and [Copy] copies (None when it is not known)."""
        return self._login_url

    @Slot()
    def copy_login_url(self) -> None:
        if self._login_url:
            QGuiApplication.clipboard().setText(self._login_url)

    @Slot()
    def open_in_browser(self) -> None:
        if self._login_url and not QDesktopServices.openUrl(QUrl(self._login_url)):
            show_inline(self.error_label, self.tr("No web browser could be started; copy the address and open "
                                                  "it in Google Chrome."))

    @Slot()
    def show_state(self) -> None:
        if self.state_dialog is not None:
            if self.state_dialog.isVisible():
                self.state_dialog.raise_()
                self.state_dialog.refresh()
                return
            self.state_dialog.deleteLater()
            self.state_dialog = None
        try:
            dialog = StateDialog(self.session, self.line_id, self.device_id, self)
        except SERVICE_ERRORS as exc:
            show_inline(self.error_label, sentence(exc))
            return
        self.state_dialog = dialog
        dialog.open()
