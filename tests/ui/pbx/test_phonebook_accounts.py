"""The Phonebook and Accounts pages: add with the service's validation shown at the field; delete asks first."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from tests.ui.pbx.fixtures import save_png
from ui.pbx.common import click_confirm


def _type(qtbot, edit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def test_phonebook_refuses_a_bad_number_then_adds_and_deletes_with_del(qtbot, ctx, provider, pbx, make_pbx_tab):
    ctx.pbx.add_phonebook_entry(provider, pbx.id, "Reception", "100")
    tab = make_pbx_tab(provider)
    tab.pages.setCurrentWidget(tab.phonebook)
    page = tab.phonebook
    _type(qtbot, page.name_edit, "Service hotline")
    _type(qtbot, page.number_edit, "0800-HOTLINE")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert "not a telephone number" in page.form.error_texts()["number"]
    assert len(ctx.pbx.phonebook(provider, pbx.id)) == 1

    _type(qtbot, page.number_edit, "0800 1234567")
    qtbot.keyClick(page.number_edit, Qt.Key.Key_Return)  # Enter adds
    entries = ctx.pbx.phonebook(provider, pbx.id)
    assert [(e.name, e.number) for e in entries] == [("Reception", "100"), ("Service hotline", "08001234567")]
    assert page.form.error_texts() == {}
    assert page.name_edit.text() == "" and page.table.rowCount() == 2
    save_png(qtbot, tab, "tab-pbx-phonebook")

    hotline = entries[1]
    assert page.table.selected_id() == hotline.id
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert "Service hotline" in page.confirmation.text()
    click_confirm(page.confirmation)
    assert [e.name for e in ctx.pbx.phonebook(provider, pbx.id)] == ["Reception"]
    assert page.table.rowCount() == 1


def test_account_topstop_limits(qtbot, ctx, provider, pbx, make_pbx_tab):
    tab = make_pbx_tab(provider)
    tab.pages.setCurrentWidget(tab.accounts)
    page = tab.accounts
    [main] = ctx.pbx.accounts(provider, pbx.id)
    page.table.select_id(main.id)
    assert page.name_edit.text() == "Main"
    _type(qtbot, page.topstop_edit, "12.345")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "at most 2 decimals" in page.form.error_texts()["topstop_limit"]
    assert ctx.pbx.accounts(provider, pbx.id)[0].topstop_limit is None

    _type(qtbot, page.topstop_edit, "50")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert ctx.pbx.accounts(provider, pbx.id)[0].topstop_limit == Decimal(50)

    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    _type(qtbot, page.name_edit, "Sales")
    _type(qtbot, page.topstop_edit, "20")
    assert page.save()
    assert {(a.name, a.topstop_limit) for a in ctx.pbx.accounts(provider, pbx.id)} == {
        ("Main", Decimal(50)), ("Sales", Decimal(20))}
    assert page.selected().name == "Sales"
    qtbot.waitUntil(lambda: page.table.rowCount() == 2)
    save_png(qtbot, tab, "tab-pbx-accounts")
    # the new account is offered for lines
    dialog = tab.lines.open_new_dialog()
    assert [dialog.account_combo.itemText(i) for i in range(dialog.account_combo.count())] == ["Main", "Sales"]
    dialog.reject()
