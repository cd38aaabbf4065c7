"""The Users page: console users of the vPBX with their lines; passwords are never shown."""
from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.pbx.fixtures import admin_of, all_texts, save_png
from ui.pbx.common import click_confirm


def _type(qtbot, edit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def _check(dialog_list, numbers) -> None:
    for r in range(dialog_list.count()):
        item = dialog_list.item(r)
        on = item.text().split()[0] in numbers
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def test_create_a_user_with_lines_then_change_the_lines(qtbot, ctx, provider, pbx, make_line, make_pbx_tab):
    anna, bernd, clara = (make_line("100", "Anna"), make_line("101", "Bernd"), make_line("102", "Clara"))
    tab = make_pbx_tab(provider)
    tab.pages.setCurrentWidget(tab.users)
    page = tab.users
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.waitExposed(dialog)
    assert dialog.lines_list.isEnabled() and dialog.lines_list.count() == 3
    _type(qtbot, dialog.username_edit, "anna")
    _type(qtbot, dialog.password_edit, "Anna-Pass-123")
    _type(qtbot, dialog.repeat_edit, "Anna-Pass-124")
    _check(dialog.lines_list, {"100", "102"})
    dialog.save_button.click()
    assert "differ" in dialog.form.error_texts()["repeat"]
    _type(qtbot, dialog.repeat_edit, "Anna-Pass-123")
    _type(qtbot, dialog.password_edit, "short")
    _type(qtbot, dialog.repeat_edit, "short")
    dialog.save_button.click()
    assert "at least 8 characters" in dialog.form.error_texts()["password"]
    assert [u.username for u in ctx.users.list(provider)] == ["admin"]
    save_png(qtbot, dialog, "dialog-pbx-user-new")

    _type(qtbot, dialog.password_edit, "Anna-Pass-123")
    _type(qtbot, dialog.repeat_edit, "Anna-Pass-123")
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert ctx.users.actor("anna").line_ids == {anna.id, clara.id}
    assert ctx.users.login("anna", "Anna-Pass-123").role == "user"
    assert page.selected().username == "anna"
    assert page.table.item(0, 2).text() == "100, 102"
    assert not any("Anna-Pass-123" in text for text in all_texts(tab, dialog))

    # Enter on the selected user changes their lines
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    lines_dialog = page.dialog
    assert lines_dialog is not dialog and lines_dialog.user.username == "anna"
    qtbot.waitExposed(lines_dialog)
    assert lines_dialog.lines_list.checked_ids() == (anna.id, clara.id)
    _check(lines_dialog.lines_list, {"101"})
    save_png(qtbot, lines_dialog, "dialog-pbx-user-lines")
    lines_dialog.save_button.click()
    assert ctx.users.actor("anna").line_ids == {bernd.id}
    qtbot.waitUntil(lambda: page.table.item(0, 2).text() == "101")
    save_png(qtbot, tab, "tab-pbx-users")


def test_administrators_get_no_lines_and_nobody_deletes_themselves(qtbot, ctx, provider, pbx, make_line,
                                                                   make_pbx_tab):
    make_line("100", "Anna")
    admin = admin_of(ctx, provider, pbx.id)
    ctx.users.create(provider, "bob", "Bob-Pass-123", "user", pbx.id)
    tab = make_pbx_tab(admin)
    page = tab.users
    assert [page.table.item(r, 0).text() for r in range(page.table.rowCount())] == ["bob", "pbxadmin"]
    assert page.table.item(1, 2).text() == "all (administrator)"

    dialog = page.open_new_dialog()
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("pbx_admin"))
    assert not dialog.lines_list.isEnabled()
    _type(qtbot, dialog.username_edit, "second")
    _type(qtbot, dialog.password_edit, "Second-Pass-1")
    _type(qtbot, dialog.repeat_edit, "Second-Pass-1")
    assert dialog.save()
    assert ctx.users.actor("second").role == "pbx_admin"

    page.table.select_id(next(u.id for u in page.users if u.username == "pbxadmin"))
    assert not page.delete_button.isEnabled() and not page.lines_button.isEnabled()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.confirmation is None
    assert "cannot delete yourself" in page.message.text()

    bob = next(u for u in page.users if u.username == "bob")
    page.table.select_id(bob.id)
    box = page.ask_delete()
    assert "bob" in box.text()
    click_confirm(box)
    assert "bob" not in {u.username for u in ctx.users.list(provider)}
    assert bob.id not in page.table.ids()
