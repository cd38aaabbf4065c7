"""The Exchange page: the selected vPBX's access data, NTP/time zone/language and TopStop limit with
[Save]/[Revert]; a provider also creates and deletes vPBXs here (the service allows only them)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QScrollArea, QVBoxLayout, QWidget

from app.services.dto import PbxInfo
from ui.messages import SERVICE_ERRORS
from ui.pbx.common import confirm
from ui.pbx.new_pbx_dialog import NewPbxDialog
from ui.pbx.pbx_form import PbxForm
from ui.session import ConsoleSession


class ExchangePage(QWidget):
    pbx_created = Signal(object)  # PbxInfo
    pbx_deleted = Signal(int)

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exchange_page")
        self._session = session
        self.pbx: PbxInfo | None = None
        self.dirty = False
        self.is_provider = session.actor.role == "provider"
        self.dialog: NewPbxDialog | None = None
        self.confirmation: QMessageBox | None = None

        self.form = PbxForm(self)
        self.form.setObjectName("exchange_form")
        self.form.changed.connect(self._mark_dirty)
        self.fields = self.form.fields
        self.status = QLabel(self)
        self.status.setObjectName("exchange_status")
        self.save_button = QPushButton(self.tr("S&ave"), self)
        self.save_button.setToolTip(self.tr(
            "Saves all fields at once, or nothing when one is wrong (Ctrl+S, or Enter in a field). Devices must "
            "then be synchronized."))
        self.save_button.clicked.connect(self.save)
        self.form.submitted.connect(self.save)
        save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_shortcut.activated.connect(self.save)
        self.revert_button = QPushButton(self.tr("Revert"), self)
        self.revert_button.setToolTip(self.tr("Discards your changes and shows the saved data again."))
        self.revert_button.clicked.connect(self.revert)
        self.new_button = QPushButton(self.tr("New vPBX ..."), self)
        self.new_button.setObjectName("new_pbx")
        self.new_button.setToolTip(self.tr("Creates another vPBX (providers only)."))
        self.new_button.clicked.connect(self.open_new_dialog)
        self.delete_button = QPushButton(self.tr("Delete vPBX ..."), self)
        self.delete_button.setObjectName("delete_pbx")
        self.delete_button.setToolTip(self.tr(
            "Deletes this vPBX with its lines, devices, phonebook and console users (providers only)."))
        self.delete_button.clicked.connect(self.ask_delete)
        # creating and deleting a vPBX is the provider's (PbxService.create/delete); hide what others may not do
        self.new_button.setVisible(self.is_provider)
        self.delete_button.setVisible(self.is_provider)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        # the fields follow the width; only a short window scrolls (vertically)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def set_pbx(self, pbx: PbxInfo | None, *, keep_edits: bool = False) -> None:
        """Show `pbx`; with keep_edits, unsaved edits of the same vPBX stay (another window saved it)."""
        same = pbx is not None and self.pbx is not None and pbx.id == self.pbx.id
        self.pbx = pbx
        if not same:
            self.status.setText("")
        if not (keep_edits and same and self.dirty):
            self.form.load(pbx)
            self.dirty = False
        self.form.set_editable(pbx is not None)
        self._update_buttons()

    @Slot()
    def _mark_dirty(self) -> None:
        self.dirty = True
        self.status.setText(self.tr("Changed, not saved."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self.pbx is not None and self.dirty)
        self.revert_button.setEnabled(self.pbx is not None and self.dirty)
        self.delete_button.setEnabled(self.pbx is not None)

    @Slot()
    def save(self) -> bool:
        if self.pbx is None or not self.dirty:  # Enter or Ctrl+S without changes: nothing to save
            return False
        try:
            saved = self._session.ctx.pbx.update(self._session.actor, self.pbx.id, self.form.input())
        except SERVICE_ERRORS as exc:
            self.form.show_error(exc)
            self.status.setText(self.tr("Not saved."))
            return False
        self.set_pbx(saved)
        self.status.setText(self.tr("Saved. Synchronize the devices so that they load the changes."))
        return True

    @Slot()
    def revert(self) -> None:
        self.set_pbx(self.pbx)
        self.status.setText("")

    @Slot()
    def open_new_dialog(self) -> NewPbxDialog | None:
        if not self.is_provider:
            return None
        self.dialog = NewPbxDialog(self._session, self)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # no passwords kept in hidden dialogs
        self.dialog.created.connect(self.pbx_created)
        self.dialog.open()
        return self.dialog

    @Slot()
    def ask_delete(self) -> QMessageBox | None:
        if self.pbx is None or not self.is_provider:
            return None
        pbx, ctx, actor = self.pbx, self._session.ctx, self._session.actor
        lines = ctx.lines.list(actor, pbx.id)
        devices = sum(line.device_count for line in lines)
        users = [u for u in ctx.users.list(actor) if u.pbx_id == pbx.id]
        entries = ctx.pbx.phonebook(actor, pbx.id)
        text = (self.tr("Delete the vPBX \u201c%1\u201d? This cannot be undone.\n\nDeleted with it:\n"
                        "\u2022 lines: %2\n"
                        "\u2022 devices of these lines: %3 (their configuration links stop working)\n"
                        "\u2022 phonebook entries: %4\n"
                        "\u2022 console users of this vPBX: %5 (they can no longer log in)\n"
                        "\u2022 its accounts with their TopStop limits")
                .replace("%1", pbx.name).replace("%2", str(len(lines))).replace("%3", str(devices))
                .replace("%4", str(len(entries))).replace("%5", str(len(users))))
        self.confirmation = confirm(self, self.tr("Delete vPBX"), text, self.tr("&Delete vPBX"),
                                    lambda pbx_id=pbx.id: self.delete(pbx_id))
        return self.confirmation

    def delete(self, pbx_id: int) -> bool:
        try:
            self._session.ctx.pbx.delete(self._session.actor, pbx_id)
        except SERVICE_ERRORS as exc:
            self.form.show_error(exc)
            return False
        self.pbx_deleted.emit(pbx_id)
        return True
