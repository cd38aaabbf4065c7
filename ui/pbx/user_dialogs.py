"""Dialogs of the Users page: a new console user (password twice, role, lines) and a user's lines.
Passwords are typed, never shown: the fields echo as password and are cleared after saving."""
from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import validation as v
from app.services.dto import LineInfo, UserInfo
from ui.messages import SERVICE_ERRORS
from ui.pbx.form import ValidatedForm
from ui.session import ConsoleSession

LINE_ID_ROLE = Qt.ItemDataRole.UserRole


class LineChecklist(QListWidget):
    """The vPBX's lines as checkable items."""

    def __init__(self, lines: Iterable[LineInfo], checked: Iterable[int] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        on = set(checked)
        for line in lines:
            text = f"{line.number}  {line.display_name}".rstrip()
            item = QListWidgetItem(text, self)
            item.setData(LINE_ID_ROLE, line.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if line.id in on else Qt.CheckState.Unchecked)

    def checked_ids(self) -> tuple[int, ...]:
        return tuple(int(self.item(r).data(LINE_ID_ROLE)) for r in range(self.count())
                     if self.item(r).checkState() == Qt.CheckState.Checked)

    def set_checked(self, line_ids: Iterable[int]) -> None:
        on = set(line_ids)
        for r in range(self.count()):
            item = self.item(r)
            item.setCheckState(Qt.CheckState.Checked if item.data(LINE_ID_ROLE) in on else Qt.CheckState.Unchecked)


class NewUserDialog(QDialog):
    saved = Signal(object)  # UserInfo

    def __init__(self, session: ConsoleSession, pbx_id: int, lines: list[LineInfo],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new_user_dialog")
        self.setWindowTitle(self.tr("New console user"))
        self._session = session
        self.pbx_id = pbx_id

        self.form = ValidatedForm(self)
        self.username_edit = QLineEdit(self)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit(self)
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.role_combo = QComboBox(self)
        self.role_combo.addItem(self.tr("user (their own lines)"), "user")
        self.role_combo.addItem(self.tr("vPBX administrator"), "pbx_admin")
        self.lines_list = LineChecklist(lines, parent=self)
        self.role_combo.currentIndexChanged.connect(self._role_changed)

        f = self.form
        f.add_row("username", self.tr("&User name:"), self.username_edit,
                  self.tr("The name to log in with; unique, at most 64 characters."), "user name")
        f.add_row("password", self.tr("&Password:"), self.password_edit,
                  self.tr("At least 8 characters; it is never shown."), "password")
        f.add_row("repeat", self.tr("&Repeat password:"), self.repeat_edit,
                  self.tr("The same password again, to catch typing errors."))
        f.add_row("role", self.tr("R&ole:"), self.role_combo, self.tr(
            "A user sees and sets up only the lines checked below; a vPBX administrator manages the whole vPBX."),
                  "role", "vPBX")
        f.add_row("lines", self.tr("&Lines:"), self.lines_list,
                  self.tr("The lines this user may see and set up devices for."), "lines")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.addButton(self.tr("&Create"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setToolTip(self.tr("Creates the console user."))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        # grows when a message appears under a field instead of squeezing it
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self._role_changed()
        self.resize(460, 480)

    def role(self) -> str:
        return str(self.role_combo.currentData())

    @Slot()
    def _role_changed(self) -> None:
        # administrators see every line of the vPBX; lines are only chosen for users
        self.lines_list.setEnabled(self.role() == "user")

    @Slot()
    def save(self) -> bool:
        if self.password_edit.text() != self.repeat_edit.text():
            self.form.show_error(v.ValidationError("repeat", self.tr(
                "the two passwords differ; type the same password twice.")))
            return False
        lines = self.lines_list.checked_ids() if self.role() == "user" else ()
        try:
            user = self._session.ctx.users.create(self._session.actor, self.username_edit.text(),
                                                  self.password_edit.text(), self.role(), self.pbx_id, lines)
        except SERVICE_ERRORS as exc:
            self.form.show_error(exc)
            return False
        self.password_edit.clear()
        self.repeat_edit.clear()
        self.saved.emit(user)
        self.accept()
        return True


class UserLinesDialog(QDialog):
    saved = Signal(object)  # UserInfo

    def __init__(self, session: ConsoleSession, user: UserInfo, lines: list[LineInfo],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("user_lines_dialog")
        self.setWindowTitle(self.tr("Lines of %1").replace("%1", user.username))
        self._session = session
        self.user = user
        self.lines_list = LineChecklist(lines, user.line_ids, self)
        self.lines_list.setToolTip(self.tr("Check the lines %1 may see and set up devices for.")
                                   .replace("%1", user.username))
        self.form = ValidatedForm(self)
        self.form.add_row("lines", self.tr("&Lines:"), self.lines_list, self.lines_list.toolTip(), "lines")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.addButton(self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setToolTip(self.tr("Saves the checked lines; the user sees them at the next login."))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        # grows when a message appears under a field instead of squeezing it
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(QLabel(self.tr("%1 sees only the checked lines.").replace("%1", user.username), self))
        layout.addWidget(self.form, 1)
        layout.addWidget(self.buttons)
        self.resize(380, 420)

    @Slot()
    def save(self) -> bool:
        try:
            user = self._session.ctx.users.set_lines(self._session.actor, self.user.id,
                                                     self.lines_list.checked_ids())
        except SERVICE_ERRORS as exc:
            self.form.show_error(exc)
            return False
        self.saved.emit(user)
        self.accept()
        return True
