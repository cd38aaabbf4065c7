"""Login; on the very first start (no console user yet) it creates the first provider account instead."""
from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.services.dto import Actor
from app.services.users import MIN_CONSOLE_PASSWORD, UserService
from ui.messages import SERVICE_ERRORS, inline_error_label, sentence, show_inline


class LoginDialog(QDialog):
    """After `exec()` returns Accepted, `actor` is the logged-in console user."""

    def __init__(self, users: UserService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._users = users
        self.actor: Actor | None = None
        self.first_start = not users.has_users()
        # inline messages appear once the user tried to submit, then follow every keystroke
        self._tried = False

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.user_name_edit = QLineEdit(self)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit(self)
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = inline_error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.submit_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.user_name_edit)
        form.addRow(self.tr("Password:"), self.password_edit)
        if self.first_start:
            form.addRow(self.tr("Repeat password:"), self.repeat_edit)
            self.setWindowTitle(self.tr("Create the first provider account"))
            self.intro.setText(self.tr(
                "This is the first start of the console: there is no console user yet. Create the first "
                "provider account; it may manage every vPBX and create further users. The password needs "
                "at least %1 characters.").replace("%1", str(MIN_CONSOLE_PASSWORD)))
            self.submit_button.setText(self.tr("Create account and log in"))
        else:
            self.repeat_edit.hide()
            self.setWindowTitle(self.tr("Log in"))
            self.intro.setText(self.tr("Log in with your console user name and password."))
            self.submit_button.setText(self.tr("Log in"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.user_name_edit, self.password_edit, self.repeat_edit):
            edit.textChanged.connect(self._revalidate)

    def _local_problem(self) -> str:
        """What is wrong before asking the service; empty when nothing is."""
        if not self.user_name_edit.text().strip():
            return self.tr("Enter a user name.")
        if not self.first_start:
            return "" if self.password_edit.text() else self.tr("Enter your password.")
        if len(self.password_edit.text()) < MIN_CONSOLE_PASSWORD:
            return self.tr("The password needs at least %1 characters.").replace("%1", str(MIN_CONSOLE_PASSWORD))
        if self.repeat_edit.text() != self.password_edit.text():
            return self.tr("The repeated password does not match the password.")
        return ""

    @Slot()
    def _revalidate(self) -> None:
        if self._tried:
            show_inline(self.message, self._local_problem())

    @Slot()
    def _submit(self) -> None:
        self._tried = True
        problem = self._local_problem()
        if problem:
            show_inline(self.message, problem)
            return
        name, password = self.user_name_edit.text().strip(), self.password_edit.text()
        try:
            if self.first_start:
                self._users.create_first_provider(name, password)
            self.actor = self._users.login(name, password)
        except SERVICE_ERRORS as exc:
            self._tried = False  # keep the service's message until the user types again
            show_inline(self.message, sentence(exc))
            self.password_edit.clear()
            self.repeat_edit.clear()
            self.password_edit.setFocus()
            return
        self.accept()
