"""PNG pictures of the login dialog and every tab, for review by eye (artifacts/screenshots/)."""
from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import PROVIDER_NAME
from tests.ui.screenshots import save_screenshot as _save
from ui.login_dialog import LoginDialog


def test_screenshots_of_login_and_every_tab(qtbot, ctx, make_window):
    first = LoginDialog(ctx.users)
    qtbot.addWidget(first)
    first.show()
    first.user_name_edit.setText(PROVIDER_NAME)
    first.password_edit.setText("short")
    first.repeat_edit.setText("short")
    first.submit_button.click()
    _save(qtbot, first, "login-first-start")
    first.password_edit.setText("correct-horse-1")
    first.repeat_edit.setText("correct-horse-1")
    first.submit_button.click()
    provider = first.actor
    assert provider is not None

    login = LoginDialog(ctx.users)
    qtbot.addWidget(login)
    login.show()
    login.user_name_edit.setText(PROVIDER_NAME)
    login.password_edit.setText("wrong password")
    login.submit_button.click()
    _save(qtbot, login, "login-wrong-password")

    window = make_window(provider)
    window.resize(780, 560)  # the offscreen screen is 800 x 600
    _save(qtbot, window, "tab-pbx-empty")
    qtbot.mouseClick(window.pbx_tab.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.phones_model.rowCount() == 8, timeout=10000)
    _save(qtbot, window, "tab-pbx")
    window.show_tab(window.settings_tab)
    window.settings_tab.form.port_edit.setText("70000")
    window.settings_tab.save()
    _save(qtbot, window, "tab-settings-bad-port")
    window.settings_tab.revert()
    window.show_tab(window.phones_tab)
    _save(qtbot, window, "tab-phones")

    # the dialogs of the main window (the Device dialog and its children: tests/ui/device*)
    help_viewer = window.open_help("registration-status")
    help_viewer.resize(760, 520)
    _save(qtbot, help_viewer, "dialog-help-from-menu")
    help_viewer.close()
    access_log = window.open_access_log()
    access_log.resize(760, 480)
    _save(qtbot, access_log, "dialog-access-log-from-menu")
    access_log.close()
    about = window.show_about()
    qtbot.waitUntil(about.isVisible, timeout=5000)
    _save(qtbot, about, "dialog-about")
    about.accept()
