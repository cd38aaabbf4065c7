"""The PBX tab: first start (create the first vPBX, or the demo off the GUI thread), role restrictions,
and lists that follow changes made elsewhere without losing the selection."""
from __future__ import annotations

import threading
from dataclasses import fields

from PySide6.QtCore import Qt

from app.events import DataChanged
from app.services.dto import Actor, PbxInfo
from app.services.lines import LineInput
from app.services.pbx import PbxInput
from tests.ui.pbx import fixtures as pbx_fixtures
from tests.ui.pbx.fixtures import admin_of, save_png

# the PBX pages' fixtures (tests/ui/pbx), registered in this module too
make_session = pbx_fixtures.make_session
make_pbx_tab = pbx_fixtures.make_pbx_tab


def _type(qtbot, edit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def test_first_start_refuses_bad_data_then_creates_the_first_vpbx(qtbot, ctx, provider, make_pbx_tab):
    tab = make_pbx_tab(provider)
    page = tab.first_start
    assert tab.stack.currentWidget() is page
    assert page.create_button.isVisible() and tab.demo_button.isVisible()
    form = page.form
    assert set(form.widgets) == {f.name for f in fields(PbxInfo)} - {"id"}  # every field of a vPBX
    _type(qtbot, form.fields["name"], "Acme")
    _type(qtbot, form.fields["sip_domain"], "sip.acme.example")
    _type(qtbot, form.fields["registrar_host"], "sip acme")  # a space: no host name
    form.fields["time_zone"].setText("Europe/Berlin")  # typing opens the completer popup (grabs the keyboard)
    save_png(qtbot, tab, "tab-pbx-first-start")
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)

    errors = form.error_texts()
    assert list(errors) == ["registrar_host"]
    assert "neither a host name nor an IP address" in errors["registrar_host"]
    assert form.errors["registrar_host"].isVisible()
    assert ctx.pbx.list(provider) == []
    assert tab.stack.currentWidget() is page

    _type(qtbot, form.fields["registrar_host"], "sip.acme.example")
    qtbot.keyClick(form.fields["registrar_host"], Qt.Key.Key_Return)  # Enter creates too
    [pbx] = ctx.pbx.list(provider)
    assert (pbx.name, pbx.registrar_host, pbx.time_zone) == ("Acme", "sip.acme.example", "Europe/Berlin")
    assert tab.stack.currentWidget() is tab.main_page
    assert tab.selected_pbx() == pbx
    assert tab.fields["registrar_host"].text() == "sip.acme.example"
    # next step of a first start: the lines
    assert tab.pages.currentWidget() is tab.lines


def test_demo_data_load_in_the_task_pool_and_the_tab_shows_the_vpbx(qtbot, ctx, provider, make_pbx_tab):
    tab = make_pbx_tab(provider)
    publishers: list[threading.Thread] = []
    ctx.bus.subscribe(lambda e: publishers.append(threading.current_thread()) if e.what == "pbx" else None,
                      DataChanged)

    with qtbot.waitSignal(tab.demo_loaded, timeout=60000) as loaded:
        qtbot.mouseClick(tab.demo_button, Qt.MouseButton.LeftButton)
        assert tab.demo_run is not None
        assert not tab.demo_button.isEnabled()  # no second demo while the first is running
    demo = loaded.args[0]

    assert publishers and all(t is not threading.main_thread() for t in publishers)
    qtbot.waitUntil(lambda: tab.stack.currentWidget() is tab.main_page, timeout=5000)
    assert tab.selected_pbx().id == demo.pbx.id
    assert tab.fields["name"].text() == demo.pbx.name
    assert tab.lines.table.rowCount() == len(demo.lines) == 8
    assert tab.phonebook.table.rowCount() == 2
    assert tab.demo_run is None


def test_a_vpbx_administrator_without_vpbx_gets_an_explanation(qtbot, ctx, provider, make_pbx_tab):
    tab = make_pbx_tab(Actor("lost", "pbx_admin", None))
    assert tab.stack.currentWidget() is tab.first_start
    assert "provider" in tab.first_start.intro.text()
    assert not tab.first_start.create_button.isVisible()
    assert not tab.demo_button.isVisible()
    assert tab.load_demo() is None


def test_a_vpbx_administrator_sees_only_their_vpbx_and_cannot_create_or_delete_one(
        qtbot, ctx, provider, pbx, make_pbx_tab):
    other = ctx.pbx.create(provider, PbxInput(name="Other", sip_domain="sip.other.example",
                                              registrar_host="sip.other.example"))
    ctx.users.create(provider, "otheradmin", "admin-pass-1", "pbx_admin", other.id)
    admin = admin_of(ctx, provider, pbx.id)

    tab = make_pbx_tab(admin)
    assert [tab.pbx_combo.itemText(i) for i in range(tab.pbx_combo.count())] == ["Acme"]
    assert not tab.pbx_combo.isEnabled()
    assert tab.exchange.new_button.isHidden() and tab.exchange.delete_button.isHidden()
    assert tab.exchange.open_new_dialog() is None and tab.exchange.ask_delete() is None
    assert [tab.users.table.item(r, 0).text() for r in range(tab.users.table.rowCount())] == ["pbxadmin"]
    # what the service lets an administrator change stays editable
    assert not tab.fields["registrar_host"].isReadOnly()

    provider_tab = make_pbx_tab(provider)
    assert provider_tab.pbx_combo.count() == 2 and provider_tab.pbx_combo.isEnabled()
    assert provider_tab.exchange.new_button.isVisible()
    provider_tab.pbx_combo.setCurrentIndex(provider_tab.pbx_combo.findData(other.id))
    assert provider_tab.fields["name"].text() == "Other"
    assert {p.pbx_id for p in (provider_tab.lines, provider_tab.phonebook, provider_tab.users)} == {other.id}
    assert [provider_tab.users.table.item(0, 0).text()] == ["otheradmin"]


def test_changes_made_elsewhere_reload_the_lists_and_keep_the_selection(qtbot, ctx, provider, pbx, make_line,
                                                                       make_pbx_tab):
    lines = [make_line(str(100 + i), f"Person {i}") for i in range(3)]
    tab = make_pbx_tab(provider)
    tab.pages.setCurrentWidget(tab.lines)
    tab.lines.table.select_id(lines[1].id)

    ctx.lines.update(provider, lines[1].id, LineInput(number="101", display_name="Renamed"))
    ctx.lines.create(provider, pbx.id, LineInput(number="099", display_name="First", password="pw-099"))
    ctx.pbx.add_phonebook_entry(provider, pbx.id, "Reception", "100")

    qtbot.waitUntil(lambda: tab.lines.table.rowCount() == 4 and tab.phonebook.table.rowCount() == 1)
    assert tab.lines.selected().display_name == "Renamed"
    assert tab.lines.table.selected_id() == lines[1].id
    # the vPBX list too: a second vPBX appears in the picker, the selection stays
    ctx.pbx.create(provider, PbxInput(name="Zeta", sip_domain="z.example", registrar_host="z.example"))
    qtbot.waitUntil(lambda: tab.pbx_combo.count() == 2)
    assert tab.selected_pbx().id == pbx.id
