from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from tests.ui.conftest import PROVIDER_NAME, PROVIDER_PASSWORD
from ui.login_dialog import LoginDialog


def _open(qtbot, ctx) -> LoginDialog:
    dialog = LoginDialog(ctx.users)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _fill(qtbot, dialog: LoginDialog, name: str, password: str, repeat: str | None = None) -> None:
    for edit, text in ((dialog.user_name_edit, name), (dialog.password_edit, password),
                       (dialog.repeat_edit, repeat)):
        if text is not None:
            edit.clear()
            qtbot.keyClicks(edit, text)
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)


def test_first_start_creates_the_provider_then_logs_in(qtbot, ctx):
    dialog = _open(qtbot, ctx)
    assert dialog.first_start
    assert dialog.repeat_edit.isVisible()

    _fill(qtbot, dialog, "chief", "short", "short")
    assert dialog.message.isVisible()
    assert "at least 8 characters" in dialog.message.text()
    assert not ctx.users.has_users()

    _fill(qtbot, dialog, "chief", "long-enough-1", "long-enough-2")
    assert "does not match" in dialog.message.text()
    # the message follows the typing once shown
    dialog.repeat_edit.setText("long-enough-1")
    assert not dialog.message.isVisible()

    _fill(qtbot, dialog, "chief", "long-enough-1", "long-enough-1")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None
    assert (dialog.actor.username, dialog.actor.role) == ("chief", "provider")
    assert ctx.users.has_users()

    again = _open(qtbot, ctx)
    assert not again.first_start
    assert not again.repeat_edit.isVisible()
    _fill(qtbot, again, "chief", "long-enough-1")
    assert again.result() == QDialog.DialogCode.Accepted
    assert again.actor == dialog.actor


def test_first_start_shows_the_services_message_for_a_bad_user_name(qtbot, ctx):
    dialog = _open(qtbot, ctx)
    _fill(qtbot, dialog, "x" * 65, "long-enough-1", "long-enough-1")
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.message.text().startswith("User name")
    assert not ctx.users.has_users()


def test_wrong_password_shows_the_services_message(qtbot, ctx, provider):
    dialog = _open(qtbot, ctx)
    _fill(qtbot, dialog, PROVIDER_NAME, "not-the-password")
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.actor is None
    assert dialog.message.isVisible()
    assert dialog.message.text() == "User name or password is wrong."
    assert dialog.password_edit.text() == ""

    _fill(qtbot, dialog, PROVIDER_NAME, PROVIDER_PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor == provider


def test_empty_password_is_asked_for_without_asking_the_service(qtbot, ctx, provider):
    dialog = _open(qtbot, ctx)
    _fill(qtbot, dialog, PROVIDER_NAME, "")
    assert dialog.message.text() == "Enter your password."
