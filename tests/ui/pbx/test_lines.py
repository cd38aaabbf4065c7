"""The Lines page: add, edit and delete telephone lines; the SIP password is never shown."""
from __future__ import annotations

from decimal import Decimal

import shiboken6
from PySide6.QtCore import Qt

from app.services.devices import DeviceInput
from tests.ui.pbx.fixtures import all_texts, save_png
from ui.pbx.common import click_confirm


def _type(qtbot, edit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def test_add_a_line_bad_number_first_then_good_and_the_password_is_nowhere_to_read(
        qtbot, ctx, provider, pbx, make_pbx_tab):
    tab = make_pbx_tab(provider)
    tab.pages.setCurrentWidget(tab.lines)
    page = tab.lines
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.waitExposed(dialog)
    assert dialog.password_edit.echoMode() == dialog.password_edit.EchoMode.Password
    _type(qtbot, dialog.number_edit, "12a")
    _type(qtbot, dialog.display_name_edit, "Anna Berger")
    _type(qtbot, dialog.password_edit, "Very-Secret-77")
    _type(qtbot, dialog.topstop_edit, "20")
    dialog.blocked_check.setChecked(True)
    dialog.save_button.click()
    assert "not a telephone number" in dialog.form.error_texts()["number"]
    assert ctx.lines.list(provider, pbx.id) == []
    save_png(qtbot, dialog, "dialog-pbx-line-new")

    _type(qtbot, dialog.number_edit, "100")
    dialog.save_button.click()
    assert not dialog.isVisible()
    [line] = ctx.lines.list(provider, pbx.id)
    assert (line.number, line.display_name, line.sip_user, line.blocked_public, line.topstop_limit) == (
        "100", "Anna Berger", "100", True, Decimal(20))
    assert ctx.lines.sip_password(provider, line.id) == "Very-Secret-77"
    assert page.table.rowCount() == 1 and page.table.selected_id() == line.id
    assert page.table.item(0, 5).text() == "blocked"
    save_png(qtbot, tab, "tab-pbx-lines")
    assert not any("Very-Secret-77" in text for text in all_texts(tab))
    # the closed dialog is deleted: the typed password does not live on in a hidden widget
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5000)


def test_enter_edits_the_selected_line_and_an_empty_password_keeps_it(qtbot, ctx, provider, pbx, make_line,
                                                                     make_pbx_tab):
    make_line("100", "Anna")
    line = make_line("101", "Bernd")
    tab = make_pbx_tab(provider)
    tab.pages.setCurrentWidget(tab.lines)
    page = tab.lines
    page.table.select_id(line.id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.dialog
    assert dialog is not None and dialog.line.id == line.id
    qtbot.waitExposed(dialog)
    assert dialog.password_edit.text() == ""  # the stored password is never put into the field
    assert not any("s3cret-101" in text for text in all_texts(tab, dialog))
    save_png(qtbot, dialog, "dialog-pbx-line-edit")
    _type(qtbot, dialog.display_name_edit, "Bernd Kramer")
    _type(qtbot, dialog.auth_user_edit, "auth 101")
    dialog.save_button.click()
    assert "auth user" not in dialog.form.error_texts()  # key is the field, message is the service's
    assert "not a valid SIP user" in dialog.form.error_texts()["auth_user"]
    _type(qtbot, dialog.auth_user_edit, "auth101")
    dialog.save_button.click()
    assert not dialog.isVisible()
    saved = ctx.lines.get(provider, line.id)
    assert (saved.display_name, saved.auth_user) == ("Bernd Kramer", "auth101")
    assert ctx.lines.sip_password(provider, line.id) == "s3cret-101"

    # a new password replaces it, and is not shown afterwards either
    dialog = page.open_edit_dialog()
    _type(qtbot, dialog.password_edit, "New-Secret-5")
    assert dialog.save()
    assert ctx.lines.sip_password(provider, line.id) == "New-Secret-5"
    assert dialog.password_edit.text() == ""
    assert not any("New-Secret-5" in text for text in all_texts(tab, dialog))
    assert page.table.selected_id() == line.id


def test_del_deletes_the_selected_line_after_saying_its_devices_go_too(qtbot, ctx, provider, pbx, make_line,
                                                                      make_pbx_tab):
    keep = make_line("100", "Anna")
    line = make_line("101", "Bernd")
    device_type = ctx.catalog.device_types()[0]
    device = ctx.devices.create(provider, line.id, device_type.id, DeviceInput(user_name="demo"))
    tab = make_pbx_tab(provider)
    tab.pages.setCurrentWidget(tab.lines)
    page = tab.lines
    page.table.select_id(line.id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    box = page.confirmation
    assert box is not None
    qtbot.waitExposed(box)
    assert "101 (Bernd)" in box.text() and "deleted with it (1)" in box.text()
    save_png(qtbot, box, "dialog-pbx-delete-line")
    box.button(box.StandardButton.Cancel).click()
    assert len(ctx.lines.list(provider, pbx.id)) == 2

    click_confirm(page.ask_delete())
    assert [x.id for x in ctx.lines.list(provider, pbx.id)] == [keep.id]
    assert [d.id for d in ctx.devices.list(provider, pbx_id=pbx.id)] == []
    assert device.id not in {d.id for d in ctx.devices.list(provider)}
    assert page.table.ids() == [keep.id]
