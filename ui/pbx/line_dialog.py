"""Add or edit a telephone line. The SIP password field never shows the stored password: it starts
empty, and an empty field on edit keeps the password (LineInput semantics)."""
from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from app.services.dto import AccountInfo, LineInfo
from app.services.lines import LineInput
from ui.messages import SERVICE_ERRORS
from ui.pbx.form import ValidatedForm
from ui.session import ConsoleSession


class LineDialog(QDialog):
    saved = Signal(object)  # LineInfo

    def __init__(self, session: ConsoleSession, pbx_id: int, accounts: list[AccountInfo],
                 line: LineInfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("line_dialog")
        self._session = session
        self.pbx_id = pbx_id
        self.line = line
        self.setWindowTitle(self.tr("New line") if line is None else self.tr("Edit line %1").replace("%1", line.number))

        self.form = ValidatedForm(self)
        self.number_edit = QLineEdit(self)
        self.display_name_edit = QLineEdit(self)
        self.sip_user_edit = QLineEdit(self)
        self.sip_user_edit.setPlaceholderText(self.tr("empty: the number"))
        self.auth_user_edit = QLineEdit(self)
        self.auth_user_edit.setPlaceholderText(self.tr("empty: the SIP user"))
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(
            self.tr("required") if line is None else self.tr("empty: keep the current password"))
        self.account_combo = QComboBox(self)
        for account in accounts:
            self.account_combo.addItem(account.name, account.id)
        self.blocked_check = QCheckBox(self.tr("&Blocked for the public telephone network"), self)
        self.topstop_edit = QLineEdit(self)
        self.topstop_edit.setPlaceholderText(self.tr("none"))

        f = self.form
        f.add_row("number", self.tr("&Number:"), self.number_edit,
                  self.tr("The line's telephone number in this vPBX: 2 to 20 digits, optionally a leading +."),
                  "number")
        f.add_row("display_name", self.tr("&Display name:"), self.display_name_edit,
                  self.tr("The name the devices show and send with calls; at most 100 characters."), "display name")
        f.add_row("sip_user", self.tr("SIP &user:"), self.sip_user_edit,
                  self.tr("The user part of the SIP address the devices register; empty: the number."), "SIP user")
        f.add_row("auth_user", self.tr("Au&th user:"), self.auth_user_edit,
                  self.tr("The name the devices authenticate with; empty: the SIP user."), "auth user")
        f.add_row("password", self.tr("SIP &password:"), self.password_edit, self.tr(
            "The registration password from the exchange; it is never shown again. On edit, leave it empty to "
            "keep the current one."), "SIP password")
        f.add_row("account", self.tr("A&ccount:"), self.account_combo,
                  self.tr("The account the line's charges (and its TopStop) belong to."), "account")
        f.add_row("blocked_public", "", self.blocked_check, self.tr(
            "Blocks calls to and from the public network, e.g. after misuse or the loss of a device; calls "
            "inside the vPBX keep working."))
        f.add_row("topstop_limit", self.tr("TopStop l&imit:"), self.topstop_edit,
                  self.tr("A charge limit for this line, e.g. 20 or 19.90; empty: none."), "line TopStop")

        if line is not None:
            self.number_edit.setText(line.number)
            self.display_name_edit.setText(line.display_name)
            self.sip_user_edit.setText(line.sip_user or "")
            self.auth_user_edit.setText(line.auth_user or "")
            self.blocked_check.setChecked(line.blocked_public)
            self.topstop_edit.setText("" if line.topstop_limit is None else str(line.topstop_limit))
            self.account_combo.setCurrentIndex(max(self.account_combo.findData(line.account_id), 0))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.addButton(
            self.tr("&Add") if line is None else self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setToolTip(self.tr("Saves the line; its devices must then be synchronized."))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        # grows when a message appears under a field instead of squeezing it
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.resize(480, self.sizeHint().height())

    def input(self) -> LineInput:
        return LineInput(
            number=self.number_edit.text(), display_name=self.display_name_edit.text(),
            sip_user=self.sip_user_edit.text(), auth_user=self.auth_user_edit.text(),
            password=self.password_edit.text(), blocked_public=self.blocked_check.isChecked(),
            topstop_limit=self.topstop_edit.text(), account_id=self.account_combo.currentData())

    @Slot()
    def save(self) -> bool:
        ctx, actor = self._session.ctx, self._session.actor
        try:
            if self.line is None:
                saved = ctx.lines.create(actor, self.pbx_id, self.input())
            else:
                saved = ctx.lines.update(actor, self.line.id, self.input())
        except SERVICE_ERRORS as exc:
            self.form.show_error(exc)
            return False
        # the typed password leaves the widget as soon as it is saved
        self.password_edit.clear()
        self.saved.emit(saved)
        self.accept()
        return True
