"""The Exchange page: access data saved all at once or not at all; a provider creates and deletes vPBXs."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from app.services.devices import DeviceInput
from app.services.pbx import PbxInput
from tests.ui.pbx.fixtures import save_png
from ui.pbx.common import click_confirm


def _type(qtbot, edit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def test_a_bad_port_is_shown_next_to_the_field_and_nothing_is_saved_then_a_good_one_saves(
        qtbot, ctx, provider, pbx, make_pbx_tab):
    tab = make_pbx_tab(provider)
    page = tab.exchange
    save_png(qtbot, tab, "tab-pbx-exchange")
    assert not page.save_button.isEnabled()  # nothing changed yet

    _type(qtbot, page.fields["ntp_server"], "ntp.acme.example")
    _type(qtbot, page.fields["registrar_port"], "70000")
    _type(qtbot, page.fields["topstop_limit"], "250")
    assert page.save_button.isEnabled() and page.dirty
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    assert page.form.error_texts() == {"registrar_port": "70000 is out of range; use 1 to 65535."}
    assert page.form.errors["registrar_port"].isVisible()
    save_png(qtbot, tab, "tab-pbx-exchange-bad-port")
    stored = ctx.pbx.get(provider, pbx.id)
    assert (stored.registrar_port, stored.ntp_server, stored.topstop_limit) == (5060, "pool.ntp.org", None)
    assert page.fields["ntp_server"].text() == "ntp.acme.example"  # the user's input stays for correcting

    _type(qtbot, page.fields["registrar_port"], "5070")
    qtbot.keyClick(page.fields["registrar_port"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = ctx.pbx.get(provider, pbx.id)
    assert (stored.registrar_port, stored.ntp_server, stored.topstop_limit) == (5070, "ntp.acme.example",
                                                                                Decimal(250))
    assert page.form.error_texts() == {}
    qtbot.waitUntil(lambda: tab.selected_pbx().registrar_port == 5070)  # the tab heard of the change
    assert "Synchronize" in page.status.text()
    assert not page.save_button.isEnabled()


def test_revert_discards_edits_and_other_changes_do_not_overwrite_unsaved_edits(
        qtbot, ctx, provider, pbx, make_pbx_tab):
    tab = make_pbx_tab(provider)
    page = tab.exchange
    _type(qtbot, page.fields["voicemail_number"], "*99")
    # someone else saves the vPBX meanwhile: the typed value is kept
    ctx.pbx.update(provider, pbx.id, PbxInput(name="Acme", sip_domain="sip.acme.example",
                                              registrar_host="sip.acme.example", time_zone="Europe/Berlin",
                                              language="de"))
    qtbot.waitUntil(lambda: tab.selected_pbx().language == "de")
    assert page.fields["voicemail_number"].text() == "*99"
    qtbot.mouseClick(page.revert_button, Qt.MouseButton.LeftButton)
    assert page.fields["voicemail_number"].text() == ""
    assert page.form.language_combo.currentText() == "de"
    assert not page.dirty


def test_a_vpbx_administrator_may_edit_their_access_data(qtbot, ctx, provider, pbx, make_pbx_tab):
    from tests.ui.pbx.fixtures import admin_of

    tab = make_pbx_tab(admin_of(ctx, provider, pbx.id))
    _type(qtbot, tab.fields["outbound_proxy"], "proxy.acme.example:5060")
    assert tab.exchange.save()
    assert ctx.pbx.get(provider, pbx.id).outbound_proxy == "proxy.acme.example:5060"


def test_provider_creates_another_vpbx_in_a_dialog(qtbot, ctx, provider, pbx, make_pbx_tab):
    tab = make_pbx_tab(provider)
    dialog = tab.exchange.open_new_dialog()
    qtbot.waitExposed(dialog)
    form = dialog.form
    _type(qtbot, form.fields["name"], "Acme")  # taken
    _type(qtbot, form.fields["sip_domain"], "sip.beta.example")
    _type(qtbot, form.fields["registrar_host"], "sip.beta.example")
    dialog.create_button.click()
    assert "exists already" in form.error_texts()["name"]
    assert dialog.isVisible()
    save_png(qtbot, dialog, "dialog-pbx-new-vpbx")

    _type(qtbot, form.fields["name"], "Beta")
    dialog.create_button.click()
    assert not dialog.isVisible()
    assert [p.name for p in ctx.pbx.list(provider)] == ["Acme", "Beta"]
    assert tab.selected_pbx().name == "Beta"


def test_deleting_a_vpbx_asks_first_and_says_what_goes_with_it(qtbot, ctx, provider, pbx, make_line,
                                                               make_pbx_tab):
    line = make_line("100", "Anna")
    device_type = ctx.catalog.device_types()[0]
    ctx.devices.create(provider, line.id, device_type.id, DeviceInput(user_name="demo"))
    tab = make_pbx_tab(provider)

    box = tab.exchange.ask_delete()
    qtbot.waitExposed(box)
    assert "lines: 1\n" in box.text() and "devices of these lines: 1 " in box.text() and "Acme" in box.text()
    save_png(qtbot, box, "dialog-pbx-delete-vpbx")
    box.button(box.StandardButton.Cancel).click()
    assert len(ctx.pbx.list(provider)) == 1

    box = tab.exchange.ask_delete()
    click_confirm(box)
    assert ctx.pbx.list(provider) == []
    assert tab.stack.currentWidget() is tab.first_start  # back to the first start


def test_a_refusal_of_the_service_is_shown_as_a_sentence(qtbot, ctx, provider, pbx, make_pbx_tab):
    from tests.ui.pbx.fixtures import admin_of

    tab = make_pbx_tab(admin_of(ctx, provider, pbx.id))
    # the button is hidden for administrators; the service refuses all the same
    assert not tab.exchange.delete(pbx.id)
    assert tab.exchange.form.error_texts() == {"": "Only a provider may do this; pbxadmin is pbx_admin."}
    assert len(ctx.pbx.list(provider)) == 1


def test_choosing_another_vpbx_with_unsaved_edits_asks_first(qtbot, ctx, provider, pbx, make_pbx_tab):
    from PySide6.QtWidgets import QMessageBox

    other = ctx.pbx.create(provider, PbxInput(name="Zeta", sip_domain="sip.zeta.example",
                                              registrar_host="sip.zeta.example"))
    tab = make_pbx_tab(provider)
    tab.select_pbx(pbx.id)
    page = tab.exchange
    _type(qtbot, page.fields["voicemail_number"], "*99")

    # Cancel: still the edited vPBX, the typed value kept
    tab.pbx_combo.setCurrentIndex(tab.pbx_combo.findData(other.id))
    box = tab.confirmation
    qtbot.waitUntil(box.isVisible, timeout=5000)
    assert "Acme" in box.text() and tab.selected_pbx().id == pbx.id
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert tab.selected_pbx().id == pbx.id and page.fields["voicemail_number"].text() == "*99"

    # Save: stored, then the other vPBX is shown
    tab.pbx_combo.setCurrentIndex(tab.pbx_combo.findData(other.id))
    tab.confirmation.button(QMessageBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: tab.selected_pbx().id == other.id, timeout=5000)
    assert ctx.pbx.get(provider, pbx.id).voicemail_number == "*99"
    assert page.fields["name"].text() == "Zeta" and not page.dirty

    # Discard: nothing stored
    _type(qtbot, page.fields["voicemail_number"], "*77")
    tab.pbx_combo.setCurrentIndex(tab.pbx_combo.findData(pbx.id))
    tab.confirmation.button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: tab.selected_pbx().id == pbx.id, timeout=5000)
    assert ctx.pbx.get(provider, other.id).voicemail_number == ""
    # Acme as saved (the list follows the save through the bus)
    qtbot.waitUntil(lambda: page.fields["voicemail_number"].text() == "*99", timeout=5000)
