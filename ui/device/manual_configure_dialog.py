"""[Manual configure ...]: the exact steps for this device type from the catalog, with the link that
holds the access key, which the user copies into the device's configuration interface (the manual's
"Manage a VoIP Device Manually via AdminCenter")."""
from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
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

if TYPE_CHECKING:
    from ui.session import ConsoleSession


class ManualConfigureDialog(QDialog):
    def __init__(self, session: ConsoleSession, device_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("manualConfigureDialog")
        self.session, self.device_id = session, device_id
        ctx = session.ctx
        self.device = ctx.devices.get(session.actor, device_id)
        self.device_type = ctx.catalog.device_type(self.device.type_id)
        self.url = self.device.url
        self.steps: tuple[str, ...] = self.device_type.manual_steps_for(ctx.base_url(), self.device.access_key)
        self.setWindowTitle(
            self.tr("Manual configure — %1, line %2").replace("%1", self.device.type_label)
            .replace("%2", self.device.line_number))
        self._build()

    def _build(self) -> None:
        box = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Follow these instructions carefully. The device loads its configuration from the link below "
            "the next time it restarts or is told to download it."), self)
        intro.setWordWrap(True)
        box.addWidget(intro)

        self.steps_label = QLabel(self)
        self.steps_label.setObjectName("manualSteps")
        self.steps_label.setTextFormat(Qt.TextFormat.RichText)
        self.steps_label.setWordWrap(True)
        self.steps_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        items = "".join(f"<li>{html.escape(step)}</li>" for step in self.steps)
        self.steps_label.setText(f"<ol>{items}</ol>")
        box.addWidget(self.steps_label)

        row = QHBoxLayout()
        link_label = QLabel(self.tr("&Link:"), self)
        self.link_edit = QLineEdit(self.url, self)
        self.link_edit.setObjectName("manualLink")
        self.link_edit.setReadOnly(True)
        self.link_edit.setToolTip(self.tr(
            "The link with the device's access key. Copy it into the device's configuration interface; "
            "keep it private: whoever has it can read the device's configuration."))
        self.link_edit.setMinimumWidth(420)
        link_label.setBuddy(self.link_edit)
        self.copy_button = QPushButton(self.tr("&Copy"), self)
        self.copy_button.setToolTip(self.tr("Put the link on the clipboard."))
        self.copy_button.clicked.connect(self.copy_link)
        row.addWidget(link_label)
        row.addWidget(self.link_edit, 1)
        row.addWidget(self.copy_button)
        box.addLayout(row)

        self.copied_label = QLabel(self)
        box.addWidget(self.copied_label)
        box.addStretch(1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setToolTip(self.tr("Close these instructions (Esc)."))
        box.addWidget(buttons)

    def copy_link(self) -> None:
        QGuiApplication.clipboard().setText(self.url)
        self.copied_label.setText(self.tr("The link is on the clipboard."))
