"""The Settings tab: where the provisioning server listens and the link devices load from."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import validation as v
from app.context import AppContext
from app.services.dto import Actor
from app.settings import Settings
from ui.messages import inline_error_label, sentence, show_inline


class SettingsTab(QWidget):
    settings_saved = Signal(object)  # app.settings.Settings

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        # the server settings belong to the workstation's operators, not to users of single lines
        editable = actor.is_admin

        self.bind_address_edit = QLineEdit(self)
        self.bind_address_edit.setToolTip(self.tr("0.0.0.0 listens on every IPv4 address, :: on every IPv6 one."))
        self.port_edit = QLineEdit(self)
        self.port_edit.setMaxLength(5)
        self.public_host_edit = QLineEdit(self)
        self.public_host_edit.setPlaceholderText(self.tr("empty: this computer's name"))
        self.public_host_edit.setToolTip(self.tr("The host name or address the devices use in their link."))
        self.url_preview = QLabel(self)
        self.url_preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = inline_error_label(self)
        self.saved_label = QLabel(self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.revert_button = QPushButton(self.tr("Revert"), self)

        box = QGroupBox(self.tr("Provisioning server"), self)
        form = QFormLayout(box)
        form.addRow(self.tr("Bind address:"), self.bind_address_edit)
        form.addRow(self.tr("Port:"), self.port_edit)
        form.addRow(self.tr("Public host:"), self.public_host_edit)
        form.addRow(self.tr("Devices load from:"), self.url_preview)
        form.addRow(self.message)

        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.saved_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addLayout(buttons)
        layout.addStretch(1)

        for edit in (self.bind_address_edit, self.port_edit, self.public_host_edit):
            edit.setReadOnly(not editable)
            edit.textEdited.connect(self._edited)
        self.save_button.setVisible(editable)
        self.revert_button.setVisible(editable)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.revert()

    @Slot()
    def revert(self) -> None:
        settings = self._ctx.settings
        self.bind_address_edit.setText(settings.bind_address)
        self.port_edit.setText(str(settings.port))
        self.public_host_edit.setText(settings.public_host)
        self.url_preview.setText(self._ctx.base_url() + self.tr("<access key>.cfg"))
        show_inline(self.message, "")
        self.saved_label.clear()

    @Slot()
    def _edited(self) -> None:
        self.saved_label.clear()

    def _changed_settings(self) -> Settings:
        """The edited settings, validated by the app; raises ValidationError saying what to fix."""
        port = v.port_number(self.port_edit.text().strip(), "provisioning port")
        return self._ctx.settings.with_changes(
            bind_address=self.bind_address_edit.text().strip(), port=port,
            public_host=self.public_host_edit.text().strip())

    @Slot()
    def save(self) -> bool:
        try:
            settings = self._changed_settings()
            self._ctx.update_settings(settings)
        except (v.ValidationError, OSError) as exc:
            show_inline(self.message, sentence(exc))
            self.saved_label.clear()
            return False
        self.revert()
        self.saved_label.setText(self.tr("Saved."))
        self.settings_saved.emit(settings)
        return True
