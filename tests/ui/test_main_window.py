from __future__ import annotations

from dataclasses import fields
from decimal import Decimal

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from app.services.devices import DeviceInput
from app.services.dto import PbxInfo
from ui.itemmodels.phones_tree_model import Column
from ui.main_window import MainWindow


def test_provider_loads_demo_data_from_the_empty_pbx_tab(qtbot, ctx, provider, make_window):
    window = make_window(provider)
    assert window.tab_titles() == ["PBX", "Settings", "Phones"]
    pbx_tab = window.pbx_tab
    assert pbx_tab.demo_button.isVisible()
    assert pbx_tab.stack.currentWidget() is pbx_tab.first_start
    assert window.phones_model.rowCount() == 0

    with qtbot.waitSignal(pbx_tab.demo_loaded, timeout=10000) as loaded:
        qtbot.mouseClick(pbx_tab.demo_button, Qt.MouseButton.LeftButton)
    demo = loaded.args[0]
    assert not pbx_tab.demo_button.isVisible()
    assert pbx_tab.stack.currentWidget() is pbx_tab.main_page
    assert pbx_tab.fields["name"].text() == demo.pbx.name
    assert pbx_tab.fields["registrar_host"].text() == "sip.demo.example"
    assert pbx_tab.fields["registrar_port"].text() == "5060"
    assert pbx_tab.fields["wss_url"].text() == demo.pbx.wss_url
    assert Decimal(pbx_tab.fields["topstop_limit"].text()) == Decimal(100)
    # every field of the vPBX is shown
    assert set(pbx_tab.exchange.form.widgets) == {f.name for f in fields(PbxInfo)} - {"id"}
    # the Phones tree follows through the bus and the bridge
    qtbot.waitUntil(lambda: len(window.phones_model.device_ids()) == len(demo.devices), timeout=5000)
    window.show_tab(window.phones_tab)
    assert window.phones_tab.is_line_expanded(demo.lines[0].id)


def test_pbx_admin_sees_the_pbx_but_cannot_load_demo_data(qtbot, ctx, provider, pbx, make_window):
    ctx.users.create(provider, "pbxadmin", "admin-password", "pbx_admin", pbx.id)
    admin = ctx.users.login("pbxadmin", "admin-password")
    window = make_window(admin)
    assert window.tab_titles() == ["PBX", "Settings", "Phones"]
    assert window.pbx_tab.fields["name"].text() == "Acme"
    assert not window.pbx_tab.demo_button.isVisible()


def test_user_has_no_pbx_tab_and_sees_only_their_lines(qtbot, ctx, provider, make_line, make_window):
    mine, other = make_line("100", "Anna"), make_line("101", "Bernd")
    type_id = ctx.catalog.device_types()[0].id
    my_device = ctx.devices.create(provider, mine.id, type_id, DeviceInput())
    ctx.devices.create(provider, other.id, type_id, DeviceInput())
    ctx.users.create(provider, "anna", "anna-password", "user", mine.pbx_id, (mine.id,))
    anna = ctx.users.login("anna", "anna-password")

    window = make_window(anna)
    assert window.tab_titles() == ["Settings", "Phones"]
    assert window.pbx_tab is None
    model = window.phones_model
    assert model.line_ids() == [mine.id]
    assert model.device_ids() == [my_device.id]
    assert window.settings_tab.form.port_edit.isReadOnly()
    assert not window.settings_tab.save_button.isVisible()

    # a device added to someone else's line does not appear; one on Anna's line does
    ctx.devices.create(provider, other.id, type_id, DeviceInput())
    second = ctx.devices.create(provider, mine.id, type_id, DeviceInput())
    qtbot.waitUntil(lambda: model.device_ids() == [my_device.id, second.id], timeout=5000)
    assert model.line_ids() == [mine.id]


def test_saved_settings_change_the_links_in_the_phones_tree(qtbot, ctx, provider, make_line, make_window):
    line = make_line("100", "Anna")
    device = ctx.devices.create(provider, line.id, ctx.catalog.device_types()[0].id, DeviceInput())
    window = make_window(provider)
    tab = window.settings_tab
    expected = f"https://phones.example.net:8448/{device.access_key}.cfg"

    def shown_url() -> str:
        return window.phones_model.device_index(device.id).siblingAtColumn(Column.URL).data()

    assert shown_url() == f"https://prov.test.example:8448/{device.access_key}.cfg"
    tab.form.public_host_edit.setText("phones.example.net")
    assert tab.save()
    qtbot.waitUntil(lambda: shown_url() == expected, timeout=5000)


def test_window_geometry_and_tab_are_remembered(qtbot, ctx, provider, ui_state, make_window):
    window = make_window(provider)
    window.resize(690, 430)  # inside the offscreen screen (800 x 600)
    window.show_tab(window.phones_tab)
    window.close()

    again = MainWindow(ctx, provider, ui_state)
    qtbot.addWidget(again)
    assert again.size() == QSize(690, 430)
    assert again.tabs.currentWidget() is again.phones_tab
    again.close()


def test_quit_closes_the_window_and_about_names_the_application(qtbot, ctx, provider, make_window):
    window = make_window(provider)
    assert window.quit_action.shortcut() == QKeySequence("Ctrl+Q")
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&View", "&Help"]

    box = window.show_about()
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible, timeout=5000)
    assert "VoIP Device Console" in box.text()
    box.accept()

    window.quit_action.trigger()
    assert not window.isVisible()


def test_a_new_monitor_interval_restarts_the_monitor_and_quitting_stops_the_workers(qtbot, ctx, provider, ui_state):
    import threading

    from app.background import BackgroundServices

    background = BackgroundServices(ctx, port=0, bind="127.0.0.1")
    window = MainWindow(ctx, provider, ui_state, background=background)
    qtbot.addWidget(window)
    window.start_background()
    window.show()
    qtbot.waitUntil(lambda: window.server_status.state == "running", timeout=10000)
    first = background.monitor
    window.show_tab(window.settings_tab)
    window.settings_tab.form.monitor_interval_spin.setValue(17)
    assert window.settings_tab.save()
    qtbot.waitUntil(lambda: background.monitor is not first and background.monitor.interval == 17, timeout=10000)

    window.quit_action.trigger()
    assert not window.isVisible()
    names = {thread.name for thread in threading.enumerate()}
    assert "sip-monitor" not in names and "contact-discovery" not in names
    assert not any(name.startswith("provisioning-server") for name in names)


def test_keyboard_only_from_the_tabs_to_a_device_and_back(qtbot, ctx, provider, make_line, make_window):
    line = make_line("100", "Anna")
    device = ctx.devices.create(provider, line.id, "yealink-t46u", DeviceInput())
    window = make_window(provider)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # View > Phones
    assert window.tabs.currentWidget() is window.phones_tab
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.pbx_tab
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)

    tab = window.phones_tab
    tab.tree.setFocus()
    tab.tree.setCurrentIndex(window.phones_model.line_index(line.id))
    qtbot.keyClick(tab.tree, Qt.Key.Key_Down)  # the line's first device
    assert tab.current_device().id == device.id
    qtbot.keyClick(tab.tree, Qt.Key.Key_Return)  # [Details ...]
    dialog = window.device_dialogs[device.id]
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing unsaved: Esc closes without asking
    qtbot.waitUntil(lambda: device.id not in window.device_dialogs, timeout=5000)

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # View > Access log
    assert window.access_log_dialog is not None and window.access_log_dialog.isVisible()
    window.access_log_dialog.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)  # Help > Manual
    assert window.help_viewer is not None and window.help_viewer.isVisible()
    window.help_viewer.close()
