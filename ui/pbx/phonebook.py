"""The Phonebook page: the vPBX phonebook the devices load (list, add, delete)."""
from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QVBoxLayout, QWidget

from app.services.dto import PhonebookEntryInfo
from ui.messages import SERVICE_ERRORS
from ui.pbx.common import RecordTable, confirm
from ui.pbx.form import ValidatedForm
from ui.session import ConsoleSession


class PhonebookPage(QWidget):
    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phonebook_page")
        self._session = session
        self.pbx_id: int | None = None
        self.entries: list[PhonebookEntryInfo] = []
        self.confirmation: QMessageBox | None = None

        self.table = RecordTable([self.tr("Name"), self.tr("Number")], self)
        self.table.setObjectName("phonebook_table")
        self.table.setToolTip(self.tr("Del deletes the selected entry."))
        self.table.delete_requested.connect(self.ask_delete)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.form = ValidatedForm(self)
        self.name_edit = QLineEdit(self)
        self.number_edit = QLineEdit(self)
        self.form.add_row("name", self.tr("&Name:"), self.name_edit,
                          self.tr("How the entry appears in the devices' phonebook."), "phonebook name")
        self.form.add_row("number", self.tr("Nu&mber:"), self.number_edit,
                          self.tr("2 to 20 digits, optionally a leading +; spaces are removed."), "phonebook number")
        self.name_edit.returnPressed.connect(self.add)
        self.number_edit.returnPressed.connect(self.add)
        self.add_button = QPushButton(self.tr("&Add entry"), self)
        self.add_button.setToolTip(self.tr("Adds the entry; the devices load it with their next synchronization."))
        self.add_button.clicked.connect(self.add)
        self.delete_button = QPushButton(self.tr("&Delete ..."), self)
        self.delete_button.setToolTip(self.tr("Deletes the selected entry (Del)."))
        self.delete_button.clicked.connect(self.ask_delete)
        self.status = QLabel(self)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.form)
        layout.addLayout(buttons)
        self._update_buttons()

    def set_pbx(self, pbx_id: int | None) -> None:
        if pbx_id != self.pbx_id:
            self.table.clearSelection()
            self.form.clear_errors()
        self.pbx_id = pbx_id
        self.reload()

    @Slot()
    def reload(self) -> None:
        if self.pbx_id is None:
            self.entries = []
        else:
            try:
                self.entries = self._session.ctx.pbx.phonebook(self._session.actor, self.pbx_id)
            except SERVICE_ERRORS as exc:
                self.entries = []
                self.form.show_error(exc)
        self.table.set_records([(e.id, (e.name, e.number)) for e in self.entries])
        self._update_buttons()

    def selected(self) -> PhonebookEntryInfo | None:
        selected = self.table.selected_id()
        return next((e for e in self.entries if e.id == selected), None)

    @Slot()
    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self.pbx_id is not None)
        self.delete_button.setEnabled(self.selected() is not None)

    @Slot()
    def add(self) -> bool:
        if self.pbx_id is None:
            return False
        try:
            entry = self._session.ctx.pbx.add_phonebook_entry(
                self._session.actor, self.pbx_id, self.name_edit.text(), self.number_edit.text())
        except SERVICE_ERRORS as exc:
            self.form.show_error(exc)
            self.status.setText(self.tr("Not added."))
            return False
        self.form.clear_errors()
        self.name_edit.clear()
        self.number_edit.clear()
        self.reload()
        self.table.select_id(entry.id)
        self.status.setText(self.tr("Added. Synchronize the devices so that they load it."))
        self.name_edit.setFocus()
        return True

    @Slot()
    def ask_delete(self) -> QMessageBox | None:
        entry = self.selected()
        if entry is None:
            return None
        text = self.tr("Delete the phonebook entry %1 (%2)? The devices lose it with their next "
                       "synchronization.").replace("%1", entry.name).replace("%2", entry.number)
        self.confirmation = confirm(self, self.tr("Delete phonebook entry"), text, self.tr("&Delete entry"),
                                    lambda entry_id=entry.id: self.delete(entry_id))
        return self.confirmation

    def delete(self, entry_id: int) -> bool:
        try:
            self._session.ctx.pbx.delete_phonebook_entry(self._session.actor, entry_id)
        except SERVICE_ERRORS as exc:
            self.form.show_error(exc)
            return False
        self.reload()
        self.status.setText(self.tr("Deleted."))
        return True
