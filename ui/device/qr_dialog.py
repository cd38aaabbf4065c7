"""[New] for the smartphone app: the manual's "Manage an IP-Telephone".

"Click Button [New]. → A QR code is displayed. Start the app and scan the QR code. Wait for the app
to load the configuration. Check if the configuration was loaded: repeatedly click [Refresh];
'Last Access' displays date, time and IP address."

The QR code holds the device's provisioning link. The dialog watches for the app's first fetch
(the provisioning server's ConfigServed event, the access recorder's DataChanged, or [Refresh]).
"""
from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import qrcode
import qrcode.constants
from PySide6.QtCore import QRect, Qt, Slot
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.events import DataChanged, utcnow
from app.provisioning.events import ConfigServed
from app.services.dto import DeviceInfo
from ui.itemmodels.phones_tree_model import local_time_text
from ui.messages import SERVICE_ERRORS, inline_error_label, sentence, show_inline
from ui.session import ConsoleSession

# A phone camera reads a code reliably from about 4 cm per 100 modules... in practice: at least
# ~6 cm on screen. 300 logical pixels are that on common screens; the code is drawn in device
# pixels so that every module is a whole number of pixels (no blurred edges) on high-DPI screens.
MIN_SIDE_LOGICAL_PX = 300
QUIET_ZONE_MODULES = 4  # the standard's minimum white border around the code
# The access recorder stores the time of the fetch; a fetch a moment before "now" on this machine
# (clock granularity, event in flight while the link was being shown) still counts.
ACCESS_TOLERANCE = timedelta(seconds=1)


def qr_matrix(text: str) -> list[list[bool]]:
    """The modules of the QR code of `text`, quiet zone included (True = dark)."""
    # M: 15 % of the code may be damaged or hidden (glare on the screen) and the link still reads
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=QUIET_ZONE_MODULES)
    code.add_data(text)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


def qr_qimage(text: str, device_pixel_ratio: float = 1.0, min_side: int = MIN_SIDE_LOGICAL_PX) -> QImage:
    """A black-on-white QImage of the code, `min_side` logical pixels or more, sharp at `device_pixel_ratio`."""
    matrix = qr_matrix(text)
    modules = len(matrix)
    module_px = max(4, math.ceil(min_side * device_pixel_ratio / modules))
    side = modules * module_px
    image = QImage(side, side, QImage.Format.Format_RGB32)
    # Fixed black on white, not the palette: scanners need dark modules on a light ground, and an
    # inverted code on a dark theme is not read by many apps.
    image.fill(QColor(Qt.GlobalColor.white))
    painter = QPainter(image)
    try:
        black = QColor(Qt.GlobalColor.black)
        for y, row in enumerate(matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(QRect(x * module_px, y * module_px, module_px, module_px), black)
    finally:
        painter.end()
    image.setDevicePixelRatio(device_pixel_ratio)
    return image


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)  # the database keeps UTC without zone


class QrDialog(QDialog):
    """The QR code of a device's link and whether the app has loaded it since the code was shown.

    Build it with `open_new_qr`, which asks before replacing a link that is in use."""

    def __init__(self, session: ConsoleSession, device: DeviceInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # [New] makes a new dialog each time; a closed (or cancelled) one must stop following the bus
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("qrDialog")
        self.session = session
        self.device = device
        self.device_id = device.id
        self.confirmation: QMessageBox | None = None
        self.confirm_button: QPushButton | None = None
        self.loaded_at: datetime | None = None
        self.loaded_from: str | None = None
        self._shown_since = utcnow()
        self._image = QImage()
        self.setWindowTitle(self.tr("QR code for the app of line %1").replace("%1", device.line_number))

        steps = QLabel(self.tr(
            "1. Start the app on the smartphone and scan this QR code.\n"
            "2. Wait for the app to load the configuration.\n"
            "3. Check below (or with [Refresh]) that the configuration was loaded."), self)
        steps.setWordWrap(True)
        self.qr_label = QLabel(self)
        self.qr_label.setObjectName("qrCode")
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_label.setToolTip(self.tr("Scan this code with the app. It holds the device's configuration link."))
        self.qr_label.setAccessibleName(self.tr("QR code of the configuration link"))

        self.show_link_button = QPushButton(self.tr("Show &link"), self)
        self.show_link_button.setObjectName("qrShowLinkButton")
        self.show_link_button.setCheckable(True)
        self.show_link_button.setToolTip(self.tr(
            "Show the link as text, e.g. to enter it in the app by hand. The link contains the device's "
            "secret access key: anyone who has it can load the configuration, SIP password included."))
        self.show_link_button.toggled.connect(self._show_link)
        self.link_label = QLabel(self)
        self.link_label.setObjectName("qrLink")
        self.link_label.setTextFormat(Qt.TextFormat.PlainText)
        self.link_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                                | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.link_label.setWordWrap(True)
        self.link_label.setToolTip(self.tr("The configuration link (secret: contains the access key)."))
        self.link_label.setVisible(False)
        secret_hint = QLabel(self.tr("The link contains a secret access key; show it only where nobody else "
                                     "can read it."), self)
        secret_hint.setWordWrap(True)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("qrStatus")
        self.status_label.setWordWrap(True)
        font = self.status_label.font()
        font.setBold(True)
        self.status_label.setFont(font)
        self.last_access_label = QLabel(self)
        self.last_access_label.setObjectName("qrLastAccess")
        self.error_label = inline_error_label(self)

        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setObjectName("qrRefreshButton")
        self.refresh_button.setToolTip(self.tr("Read the device's last access again (F5)."))
        self.refresh_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_button.clicked.connect(self.refresh)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setToolTip(self.tr("Close this window (Esc)."))

        link_row = QHBoxLayout()
        link_row.addWidget(self.show_link_button)
        link_row.addWidget(secret_hint, 1)
        bar = QHBoxLayout()
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        bar.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(steps)
        layout.addWidget(self.qr_label, 1)
        layout.addLayout(link_row)
        layout.addWidget(self.link_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.last_access_label)
        layout.addLayout(bar)
        self.setTabOrder(self.show_link_button, self.link_label)
        self.setTabOrder(self.link_label, self.refresh_button)
        self.setTabOrder(self.refresh_button, self.close_button)
        self.setMinimumWidth(460)

        session.bridge.event_received.connect(self._on_event)
        session.bridge.data_changed.connect(self._on_data_changed)
        self._show_device(device)

    # --- the link -------------------------------------------------------------------------------
    def url(self) -> str:
        return self.device.url

    def qr_image(self) -> QImage:
        """The code as drawn (device pixels, black on white)."""
        return self._image

    def ask_for_new_link(self) -> None:
        """The device already loaded its configuration: replacing the link cuts that app off, so ask."""
        when = local_time_text(self.device.last_access_at) if self.device.last_access_at else ""
        self.confirmation = QMessageBox(QMessageBox.Icon.Warning, self.tr("New link"), self.tr(
            "This device already loaded its configuration (last access %1). A new QR code makes a new link "
            "and the current link invalid at once: the app already installed with the old link will stop "
            "receiving updates until it is set up again with the new code.").replace("%1", when),
            QMessageBox.StandardButton.Cancel, self)
        self.confirm_button = self.confirmation.addButton(self.tr("Make &new link"),
                                                          QMessageBox.ButtonRole.AcceptRole)
        self.confirmation.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.confirmation.setWindowModality(Qt.WindowModality.WindowModal)
        # by the button, not accepted/rejected: a custom button's dialog code is not a role
        self.confirmation.buttonClicked.connect(self._confirmed)
        self.confirmation.open()

    @Slot(object)
    def _confirmed(self, button: object) -> None:
        assert self.confirmation is not None
        if self.confirmation.buttonRole(button) == QMessageBox.ButtonRole.AcceptRole:  # type: ignore[arg-type]
            self._make_new_link()
        else:
            self.reject()

    def _make_new_link(self) -> None:
        try:
            device = self.session.ctx.devices.new_access_key(self.session.actor, self.device_id)
        except SERVICE_ERRORS as exc:
            show_inline(self.error_label, sentence(exc))
            self.qr_label.clear()
            self.open()
            return
        self._shown_since = utcnow()
        self.loaded_at = self.loaded_from = None
        self._show_device(device)
        self.open()

    def _show_device(self, device: DeviceInfo) -> None:
        self.device = device
        ratio = self.devicePixelRatioF() or 1.0
        self._image = qr_qimage(device.url, ratio)
        self.qr_label.setPixmap(QPixmap.fromImage(self._image))
        self.link_label.setText(device.url)
        self._show_status()

    @Slot(bool)
    def _show_link(self, shown: bool) -> None:
        self.link_label.setVisible(shown)
        self.show_link_button.setText(self.tr("Hide &link") if shown else self.tr("Show &link"))

    # --- waiting for the app ---------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        """Re-read the device (a quick database read): last access and whether it came after the code."""
        try:
            device = self.session.ctx.devices.get(self.session.actor, self.device_id)
        except SERVICE_ERRORS as exc:
            show_inline(self.error_label, sentence(exc))
            return
        show_inline(self.error_label, "")
        if device.access_key != self.device.access_key:  # someone made a new link elsewhere
            self._show_device(device)
            return
        self.device = device
        if (self.loaded_at is None and device.last_access_at is not None
                and _aware(device.last_access_at) >= self._shown_since - ACCESS_TOLERANCE):
            self.loaded_at, self.loaded_from = _aware(device.last_access_at), device.last_access_ip
        self._show_status()

    @Slot(object)
    def _on_event(self, event: object) -> None:
        if isinstance(event, ConfigServed) and event.device_id == self.device_id and self.loaded_at is None:
            self.loaded_at, self.loaded_from = _aware(event.at), event.client_ip
            self._show_status()

    @Slot(object)
    def _on_data_changed(self, event: DataChanged) -> None:
        if event.what in ("access", "device") and self.device_id in event.ids and self.isVisible():
            self.refresh()

    def _show_status(self) -> None:
        if self.loaded_at is None:
            self.status_label.setText(self.tr("Waiting for the app to load its configuration \u2026"))
        else:
            self.status_label.setText(self.tr("Configuration loaded at %1 from %2.")
                                      .replace("%1", local_time_text(self.loaded_at))
                                      .replace("%2", self.loaded_from or self.tr("an unknown address")))
        device = self.device
        if device.last_access_at is None:
            self.last_access_label.setText(self.tr("Last Access: never"))
        else:
            text = local_time_text(device.last_access_at)
            if device.last_access_ip:
                text = f"{text}, {device.last_access_ip}"
            self.last_access_label.setText(self.tr("Last Access: %1").replace("%1", text))


def open_new_qr(session: ConsoleSession, device_id: int, parent: QWidget | None = None) -> QrDialog:
    """[New] of a smartphone app: show a QR code of its link (window-modal, non-blocking).

    A device that already loaded its configuration gets a new link (new access key) after the
    confirmation in `dialog.confirmation`; Cancel there closes the dialog without change (its
    `rejected` signal is emitted and it is never shown).

    A device that never loaded its configuration keeps its link: nothing has used it yet, so a new
    key would protect nothing, while it would break an app that scanned the code but fetches only at
    its next start (the Linphone app may do so) and would make a second [New] of an administrator
    who just re-opens the code silently invalidate the first scan.

    Raises the services' NotFound (a LookupError) for a device the actor may not see.
    """
    device = session.ctx.devices.get(session.actor, device_id)
    dialog = QrDialog(session, device, parent)
    if device.last_access_at is None:
        dialog.open()
    else:
        dialog.ask_for_new_link()
    return dialog
