"""The Settings tab: where the provisioning server listens, its certificate, SIP and the console's language.

Only administrators change settings; users see the values read-only. A save validates every field first
and writes the whole file at once (nothing half-saved). Server settings and a new certificate apply when
the provisioning server restarts: the tab says so and emits `server_restart_needed`.
"""
from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from app.provisioning.events import ServerStateChanged
from ui.messages import inline_error_label, sentence, show_inline
from ui.session import ConsoleSession
from ui.settings.certificate_section import CertificateSection
from ui.settings.form import SERVER_FIELDS, SettingsForm


class SettingsTab(QWidget):
    settings_saved = Signal(object)  # app.settings.Settings, after it was written
    server_restart_needed = Signal()  # server settings or the certificate changed

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsTab")
        self._session = session
        self._ctx = session.ctx
        # the server settings belong to the workstation's operators, not to users of single lines
        self.editable = session.actor.is_admin

        self.form = SettingsForm(self)
        self.certificate = CertificateSection(session, self)
        self.read_only_note = QLabel(self.tr("Only administrators can change these settings."), self)
        self.message = inline_error_label(self)
        self.restart_note = QLabel(self)
        self.restart_note.setObjectName("restartNote")
        self.restart_note.setWordWrap(True)
        self.restart_note.setVisible(False)
        self.saved_label = QLabel(self)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_button.setToolTip(self.tr("Check and save all settings (Ctrl+S); nothing is saved while a field "
                                            "is wrong."))
        self.revert_button = QPushButton(self.tr("Re&vert"), self)
        self.revert_button.setToolTip(self.tr("Discard the changes and show the saved settings again."))

        content = QWidget(self)
        inner = QVBoxLayout(content)
        inner.addWidget(self.read_only_note)
        inner.addWidget(self.form)
        inner.addWidget(self.certificate)
        inner.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.saved_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.restart_note)
        layout.addLayout(buttons)
        self.setTabOrder(self.form, self.certificate)
        self.setTabOrder(self.certificate, self.save_button)
        self.setTabOrder(self.save_button, self.revert_button)

        self.read_only_note.setVisible(not self.editable)
        self.form.set_editable(self.editable)
        self.save_button.setVisible(self.editable)
        self.revert_button.setVisible(self.editable)
        self.form.edited.connect(self._edited)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        # the certificate section says so next to the certificate
        self.certificate.server_restart_needed.connect(self.server_restart_needed)
        session.bridge.event_received.connect(self._on_event)
        self.revert()

    @property
    def url_preview(self) -> QLabel:
        return self.form.url_preview

    @Slot()
    def revert(self) -> None:
        self.form.load(self._ctx.settings)
        show_inline(self.message, "")
        self.saved_label.clear()

    @Slot()
    def _edited(self) -> None:
        self.saved_label.clear()

    @Slot()
    def save(self) -> bool:
        if not self.editable:
            return False
        before = self._ctx.settings
        settings, errors = self.form.validate(before)
        if settings is None:
            self.form.show_errors(errors)
            general = errors.get("")
            marked = (self.tr("Nothing was saved: correct the marked field.") if len(errors) == 1
                      else self.tr("Nothing was saved: correct the marked fields."))
            show_inline(self.message, general or marked)
            self.saved_label.clear()
            return False
        try:
            self._ctx.update_settings(settings)  # one atomic write of the whole file
        except (ValueError, OSError) as exc:
            show_inline(self.message, self.tr("Nothing was saved: %1").replace("%1", sentence(exc)))
            self.saved_label.clear()
            return False
        self.revert()
        self.saved_label.setText(self.tr("Saved."))
        self.settings_saved.emit(settings)
        if any(getattr(before, name) != getattr(settings, name) for name in SERVER_FIELDS):
            self._note_restart(self.tr("The provisioning server restarts with the new settings ..."))
        return True

    @Slot()
    def _note_restart(self, text: str) -> None:
        self.restart_note.setText(text)
        self.restart_note.setVisible(True)
        self.server_restart_needed.emit()

    @Slot(object)
    def _on_event(self, event: object) -> None:
        if isinstance(event, ServerStateChanged) and event.running:
            self.restart_note.setVisible(False)  # started again: it uses the saved settings now
