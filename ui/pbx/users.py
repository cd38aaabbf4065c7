"""The Users page: the console users of the vPBX (administrators and users) with their lines."""
from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from app.services.dto import LineInfo, UserInfo
from ui.messages import SERVICE_ERRORS, inline_error_label, sentence, show_inline
from ui.pbx.common import RecordTable, confirm
from ui.pbx.user_dialogs import NewUserDialog, UserLinesDialog
from ui.session import ConsoleSession


class UsersPage(QWidget):
    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("users_page")
        self._session = session
        self.pbx_id: int | None = None
        self.users: list[UserInfo] = []
        self.lines: list[LineInfo] = []
        self.dialog: QDialog | None = None
        self.confirmation: QMessageBox | None = None

        self.table = RecordTable([self.tr("User name"), self.tr("Role"), self.tr("Lines")], self)
        self.table.setObjectName("users_table")
        self.table.setToolTip(self.tr("Enter changes the selected user's lines, Del deletes the user."))
        self.table.edit_requested.connect(self.open_lines_dialog)
        self.table.delete_requested.connect(self.ask_delete)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.message = inline_error_label(self)
        self.new_button = QPushButton(self.tr("&New user ..."), self)
        self.new_button.setToolTip(self.tr("Creates a console user of this vPBX."))
        self.new_button.clicked.connect(self.open_new_dialog)
        self.lines_button = QPushButton(self.tr("L&ines ..."), self)
        self.lines_button.setToolTip(self.tr("Chooses the lines the selected user sees (Enter)."))
        self.lines_button.clicked.connect(self.open_lines_dialog)
        self.delete_button = QPushButton(self.tr("&Delete ..."), self)
        self.delete_button.setToolTip(self.tr("Deletes the selected console user (Del); never yourself."))
        self.delete_button.clicked.connect(self.ask_delete)

        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.lines_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Console users log in to this console: a vPBX administrator manages the whole vPBX, a user only "
            "the devices of their lines."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._update_buttons()

    def role_name(self, role: str) -> str:
        return {"provider": self.tr("provider"), "pbx_admin": self.tr("vPBX administrator"),
                "user": self.tr("user")}.get(role, role)

    def set_pbx(self, pbx_id: int | None) -> None:
        if pbx_id != self.pbx_id:
            self.table.clearSelection()
        self.pbx_id = pbx_id
        self.reload()

    @Slot()
    def reload(self) -> None:
        ctx, actor = self._session.ctx, self._session.actor
        if self.pbx_id is None:
            self.users, self.lines = [], []
        else:
            try:
                self.lines = ctx.lines.list(actor, self.pbx_id)
                # the users of this vPBX; providers belong to no vPBX and are not managed here
                self.users = [u for u in ctx.users.list(actor) if u.pbx_id == self.pbx_id]
            except SERVICE_ERRORS as exc:
                self.users, self.lines = [], []
                show_inline(self.message, sentence(exc))
        numbers = {line.id: line.number for line in self.lines}
        everything = self.tr("all (administrator)")
        self.table.set_records([(u.id, (
            u.username, self.role_name(u.role),
            everything if u.role != "user" else ", ".join(numbers.get(i, str(i)) for i in u.line_ids),
        )) for u in self.users])
        self._update_buttons()

    def selected(self) -> UserInfo | None:
        selected = self.table.selected_id()
        return next((u for u in self.users if u.id == selected), None)

    def _is_self(self, user: UserInfo | None) -> bool:
        return user is not None and user.username == self._session.actor.username

    @Slot()
    def _update_buttons(self) -> None:
        user = self.selected()
        self.new_button.setEnabled(self.pbx_id is not None)
        self.lines_button.setEnabled(user is not None and user.role == "user")
        self.delete_button.setEnabled(user is not None and not self._is_self(user))

    @Slot()
    def open_new_dialog(self) -> NewUserDialog | None:
        if self.pbx_id is None:
            return None
        show_inline(self.message, "")
        dialog = NewUserDialog(self._session, self.pbx_id, self.lines, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # no passwords kept in hidden dialogs
        dialog.saved.connect(self._saved)
        self.dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def open_lines_dialog(self) -> UserLinesDialog | None:
        user = self.selected()
        if user is None or user.role != "user":
            return None
        show_inline(self.message, "")
        dialog = UserLinesDialog(self._session, user, self.lines, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # no passwords kept in hidden dialogs
        dialog.saved.connect(self._saved)
        self.dialog = dialog
        dialog.open()
        return dialog

    @Slot(object)
    def _saved(self, user: UserInfo) -> None:
        self.reload()
        self.table.select_id(user.id)

    @Slot()
    def ask_delete(self) -> QMessageBox | None:
        user = self.selected()
        if user is None:
            return None
        if self._is_self(user):
            show_inline(self.message, self.tr("You cannot delete yourself; another administrator can."))
            return None
        text = self.tr("Delete the console user %1? They can no longer log in; lines and devices stay.") \
            .replace("%1", user.username)
        self.confirmation = confirm(self, self.tr("Delete console user"), text, self.tr("&Delete user"),
                                    lambda user_id=user.id: self.delete(user_id))
        return self.confirmation

    def delete(self, user_id: int) -> bool:
        try:
            self._session.ctx.users.delete(self._session.actor, user_id)
        except SERVICE_ERRORS as exc:
            show_inline(self.message, sentence(exc))
            return False
        show_inline(self.message, "")
        self.reload()
        return True
