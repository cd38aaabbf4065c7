"""[New vPBX ...]: a provider creates another vPBX. Window-modal, opened with .open(); stays open
with the message next to the field while the service refuses the data."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QScrollArea, QVBoxLayout, QWidget

from ui.messages import SERVICE_ERRORS
from ui.pbx.pbx_form import PbxForm
from ui.session import ConsoleSession


class NewPbxDialog(QDialog):
    created = Signal(object)  # PbxInfo

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new_pbx_dialog")
        self.setWindowTitle(self.tr("New vPBX"))
        self._session = session
        self.form = PbxForm(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        # the fields follow the width; only a short window scrolls (vertically)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.create_button = self.buttons.addButton(self.tr("&Create"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setToolTip(self.tr("Creates the vPBX; its lines are added on the Lines page."))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.resize(520, 560)

    @Slot()
    def save(self) -> bool:
        try:
            pbx = self._session.ctx.pbx.create(self._session.actor, self.form.input())
        except SERVICE_ERRORS as exc:
            self.form.show_error(exc)
            return False
        self.created.emit(pbx)
        self.accept()
        return True
