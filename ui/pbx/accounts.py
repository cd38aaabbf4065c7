"""The Accounts page: the vPBX's accounts with their TopStop charge limits (the manual's TopStop at the
level of the account); select one to change it, or [New account]."""
from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.services.dto import AccountInfo
from ui.messages import SERVICE_ERRORS
from ui.pbx.common import RecordTable
from ui.pbx.form import ValidatedForm
from ui.session import ConsoleSession


class AccountsPage(QWidget):
    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accounts_page")
        self._session = session
        self.pbx_id: int | None = None
        self.accounts: list[AccountInfo] = []

        self.table = RecordTable([self.tr("Account"), self.tr("TopStop limit")], self)
        self.table.setObjectName("accounts_table")
        self.table.setToolTip(self.tr("Select an account to change it below; Enter moves to its name."))
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.table.edit_requested.connect(lambda: self.name_edit.setFocus())
        self.form = ValidatedForm(self)
        self.name_edit = QLineEdit(self)
        self.topstop_edit = QLineEdit(self)
        self.topstop_edit.setPlaceholderText(self.tr("none"))
        self.form.add_row("name", self.tr("Account &name:"), self.name_edit,
                          self.tr("The account's name, unique in this vPBX."), "account name")
        self.form.add_row("topstop_limit", self.tr("TopStop l&imit:"), self.topstop_edit,
                          self.tr("A charge limit for the account's lines, e.g. 50 or 49.90; empty: none."),
                          "account TopStop")
        self.status = QLabel(self)
        self.new_button = QPushButton(self.tr("New acc&ount"), self)
        self.new_button.setToolTip(self.tr("Clears the fields to enter a new account."))
        self.new_button.clicked.connect(self.new_account)
        self.save_button = QPushButton(self.tr("S&ave account"), self)
        self.save_button.setToolTip(self.tr("Saves the account shown in the fields."))
        self.save_button.clicked.connect(self.save)
        self.name_edit.returnPressed.connect(self.save)
        self.topstop_edit.returnPressed.connect(self.save)

        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "TopStop limits the charges after misuse: set it for the vPBX (Exchange page), per account here, "
            "and per line (Lines page)."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.form)
        layout.addLayout(buttons)

    def set_pbx(self, pbx_id: int | None) -> None:
        if pbx_id != self.pbx_id:
            self.table.clearSelection()
        self.pbx_id = pbx_id
        self.reload()

    @Slot()
    def reload(self) -> None:
        if self.pbx_id is None:
            self.accounts = []
        else:
            try:
                self.accounts = self._session.ctx.pbx.accounts(self._session.actor, self.pbx_id)
            except SERVICE_ERRORS as exc:
                self.accounts = []
                self.form.show_error(exc)
        self.table.set_records([(a.id, (a.name, "" if a.topstop_limit is None else str(a.topstop_limit)))
                                for a in self.accounts])

    def selected(self) -> AccountInfo | None:
        selected = self.table.selected_id()
        return next((a for a in self.accounts if a.id == selected), None)

    @Slot()
    def _show_selected(self) -> None:
        account = self.selected()
        if account is None:
            return
        self.form.clear_errors()
        self.name_edit.setText(account.name)
        self.topstop_edit.setText("" if account.topstop_limit is None else str(account.topstop_limit))
        self.status.setText("")

    @Slot()
    def new_account(self) -> None:
        self.table.clearSelection()
        self.form.clear_errors()
        self.name_edit.clear()
        self.topstop_edit.clear()
        self.name_edit.setFocus()

    @Slot()
    def save(self) -> bool:
        if self.pbx_id is None:
            return False
        current = self.selected()
        try:
            saved = self._session.ctx.pbx.save_account(
                self._session.actor, self.pbx_id, self.name_edit.text(), self.topstop_edit.text(),
                current.id if current else None)
        except SERVICE_ERRORS as exc:
            self.form.show_error(exc)
            self.status.setText(self.tr("Not saved."))
            return False
        self.form.clear_errors()
        self.reload()
        self.table.select_id(saved.id)
        self.status.setText(self.tr("Saved."))
        return True
