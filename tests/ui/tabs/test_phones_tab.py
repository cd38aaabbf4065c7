# ruff: noqa: F811  (make_phones_tab is a fixture imported from tests/ui/phones/fixtures.py)
"""The Phones tab on a real console session: the manual's "Creating, Modifying and Deleting a VoIP Device"."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.demo import create_demo
from app.services.devices import DELETE_WARNING, DeviceInput
from app.services.lines import LineInput
from app.sip.monitor import EndpointStateChanged
from tests.ui.phones.fixtures import make_phones_tab  # noqa: F401  (a fixture)
from tests.ui.test_screenshots import _save
from ui.itemmodels.phones_tree_model import (
    ITEM_ID_ROLE,
    REACHABLE_ROLE,
    SYNC_STATE_ROLE,
    Column,
    RowKind,
    SyncState,
)

DESK_PHONE = "yealink-t46u"


def _select_slot(tab, line_id: int) -> None:
    tab.tree.setFocus()
    tab.tree.setCurrentIndex(tab.model.slot_index(line_id))


def test_empty_tree_says_so(make_phones_tab, provider):
    tab = make_phones_tab(provider)
    assert tab.empty_label.isVisible()
    assert "No telephone lines" in tab.empty_label.text()
    assert not tab.panel.save_button.isEnabled()


def test_refresh_reads_the_services_again(qtbot, ctx, make_phones_tab, provider, make_line):
    line = make_line("100", "Anna")
    tab = make_phones_tab(provider)
    assert not tab.empty_label.isVisible()
    tab.session.bridge.data_changed.disconnect(tab.model.on_data_changed)  # only [Refresh] brings news
    device = ctx.devices.create(provider, line.id, DESK_PHONE, DeviceInput())
    qtbot.wait(50)
    assert tab.model.device_ids() == []
    qtbot.mouseClick(tab.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.device_ids() == [device.id], timeout=5000)


def test_a_collapsed_line_stays_collapsed_and_the_selection_stays_after_a_reload(make_phones_tab, provider,
                                                                                 make_line):
    first, second = make_line("100", "Anna"), make_line("101", "Bernd")
    tab = make_phones_tab(provider)
    assert tab.is_line_expanded(first.id) and tab.is_line_expanded(second.id)
    tab.tree.collapse(tab.model.line_index(first.id))
    tab.select((RowKind.SLOT, second.id))
    tab.model.reload()
    assert not tab.is_line_expanded(first.id)
    assert tab.is_line_expanded(second.id)
    assert tab.current_key() == (RowKind.SLOT, second.id)
    tab.tree.expand(tab.model.line_index(first.id))
    tab.model.reload()
    assert tab.is_line_expanded(first.id)


def test_every_line_has_an_empty_telephone_slot(make_phones_tab, provider, make_line):
    line = make_line("100", "Anna")
    tab = make_phones_tab(provider)
    slot = tab.model.slot_index(line.id)
    assert slot.parent() == tab.model.line_index(line.id)
    assert slot.data() == "Telephone: (empty \N{EM DASH} choose a type)"
    assert slot.data(ITEM_ID_ROLE) == line.id


def test_create_a_device_at_the_empty_telephone_with_save(qtbot, ctx, make_phones_tab, provider, make_line):
    line = make_line("100", "Anna")
    tab = make_phones_tab(provider)
    _select_slot(tab, line.id)
    assert tab.panel.new_box.isEnabled() and tab.panel.save_button.isEnabled()
    tab.panel.type_combo.select_type(DESK_PHONE)
    qtbot.mouseClick(tab.panel.save_button, Qt.MouseButton.LeftButton)

    [device] = ctx.devices.list(provider, line_id=line.id)
    assert device.type_id == DESK_PHONE
    index = tab.model.device_index(device.id)
    assert index.parent() == tab.model.line_index(line.id)  # under its line, before the empty slot
    assert index.row() == 0 and tab.model.slot_index(line.id).row() == 1
    assert index.data() == "Yealink T46U"
    # a new device has not loaded its configuration yet: it must be configured / synchronized
    assert index.data(SYNC_STATE_ROLE) == SyncState.NOT_LOADED
    assert index.siblingAtColumn(Column.SYNC).data() == "not loaded yet"
    assert tab.current_key() == (RowKind.DEVICE, device.id)
    assert "created on line 100" in tab.panel.status_label.text()
    # the DataChanged that follows does not add it twice
    qtbot.wait(100)
    assert tab.model.device_ids() == [device.id]


def test_a_refused_type_is_explained_inline(qtbot, make_phones_tab, provider, make_line):
    line = make_line("100", "Anna")  # the vPBX has no WebSocket URL
    tab = make_phones_tab(provider)
    _select_slot(tab, line.id)
    tab.panel.type_combo.select_type("webrtc-browser")
    qtbot.mouseClick(tab.panel.save_button, Qt.MouseButton.LeftButton)
    assert tab.panel.create_error.isVisible()
    assert "WebSocket" in tab.panel.create_error.text()
    assert tab.model.device_ids() == []


def test_a_dect_handset_needs_a_base_station(qtbot, ctx, make_phones_tab, provider, make_line):
    line, other = make_line("100", "Anna"), make_line("101", "Bernd")
    tab = make_phones_tab(provider)
    _select_slot(tab, line.id)
    combo = tab.panel.type_combo
    assert not combo.is_enabled("snom-m85")
    assert "needs a DECT base" in combo.itemText(combo.findData("snom-m85", Qt.ItemDataRole.UserRole + 1))

    _select_slot(tab, other.id)
    combo.select_type("snom-m700")
    qtbot.mouseClick(tab.panel.save_button, Qt.MouseButton.LeftButton)
    [base] = ctx.devices.list(provider, line_id=other.id)
    _select_slot(tab, line.id)
    assert combo.is_enabled("snom-m85")
    combo.select_type("snom-m85")
    qtbot.mouseClick(tab.panel.save_button, Qt.MouseButton.LeftButton)
    [handset] = ctx.devices.list(provider, line_id=line.id)
    assert handset.base_unit_id == base.id


def test_details_and_state_ask_the_main_window(qtbot, ctx, make_phones_tab, provider, make_line):
    line = make_line("100", "Anna")
    device = ctx.devices.create(provider, line.id, DESK_PHONE, DeviceInput())
    tab = make_phones_tab(provider)
    tab.tree.setFocus()
    tab.select((RowKind.DEVICE, device.id))
    with qtbot.waitSignal(tab.details_requested) as details:
        qtbot.mouseClick(tab.panel.details_button, Qt.MouseButton.LeftButton)
    assert details.args == [device.id]
    with qtbot.waitSignal(tab.details_requested) as details:
        qtbot.keyClick(tab.tree, Qt.Key.Key_Return)  # keyboard: Enter on the device
    assert details.args == [device.id]
    with qtbot.waitSignal(tab.state_requested) as state:
        qtbot.mouseClick(tab.panel.state_button, Qt.MouseButton.LeftButton)
    assert state.args == [line.id]

    # Enter on the empty "Telephone" goes to the type chooser
    tab.select((RowKind.SLOT, line.id))
    tab.tree.setFocus()
    qtbot.keyClick(tab.tree, Qt.Key.Key_Return)
    assert tab.panel.type_combo.hasFocus() or tab.focusWidget() is tab.panel.type_combo

    tab.select((RowKind.LINE, line.id))
    assert not tab.panel.details_button.isEnabled() and not tab.panel.delete_button.isEnabled()
    assert tab.panel.state_button.isEnabled()


def test_delete_warns_as_the_manual_says_cancel_keeps_ok_deletes(qtbot, ctx, make_phones_tab, provider,
                                                                   make_line):
    line = make_line("100", "Anna")
    device = ctx.devices.create(provider, line.id, DESK_PHONE, DeviceInput())
    tab = make_phones_tab(provider)
    tab.tree.setFocus()
    tab.select((RowKind.DEVICE, device.id))

    qtbot.keyClick(tab.tree, Qt.Key.Key_Delete)
    box = tab.confirmation
    assert box is not None and box.isVisible()
    assert box.informativeText() == DELETE_WARNING
    assert "configuration on the VoIP device is not deleted" in box.informativeText()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert [d.id for d in ctx.devices.list(provider)] == [device.id]
    assert tab.model.device_ids() == [device.id]

    qtbot.mouseClick(tab.panel.delete_button, Qt.MouseButton.LeftButton)
    tab.confirmation.button(QMessageBox.StandardButton.Ok).click()
    assert ctx.devices.list(provider) == []
    assert tab.model.device_ids() == []
    assert tab.model.rowCount(tab.model.line_index(line.id)) == 1  # the empty slot only


def test_a_user_sees_only_their_lines(ctx, make_phones_tab, provider, make_line):
    mine, other = make_line("100", "Anna"), make_line("101", "Bernd")
    my_device = ctx.devices.create(provider, mine.id, DESK_PHONE, DeviceInput())
    ctx.devices.create(provider, other.id, DESK_PHONE, DeviceInput())
    ctx.users.create(provider, "anna", "anna-password", "user", mine.pbx_id, (mine.id,))
    anna = ctx.users.login("anna", "anna-password")
    tab = make_phones_tab(anna)
    assert tab.model.line_ids() == [mine.id]
    assert tab.model.device_ids() == [my_device.id]
    assert tab.count_label.text() == "1 lines, 1 devices"


def test_filter_by_number_name_and_mac_with_ctrl_f(qtbot, ctx, make_phones_tab, provider, make_line):
    anna, bernd, clara = make_line("100", "Anna"), make_line("201", "Bernd"), make_line("302", "Clara")
    ctx.devices.create(provider, clara.id, DESK_PHONE, DeviceInput(mac="00-15-65-AA-BB-CC"))
    tab = make_phones_tab(provider)
    tab.activateWindow()  # a shortcut needs the active window
    qtbot.waitUntil(tab.isActiveWindow)
    tab.tree.setFocus()
    qtbot.keyClick(tab.tree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.filter_edit.hasFocus()
    qtbot.keyClicks(tab.filter_edit, "20")
    assert tab.model.line_ids() == [bernd.id]
    assert tab.count_label.text() == "1 of 3 lines"
    tab.filter_edit.setText("anna")
    assert tab.model.line_ids() == [anna.id]
    tab.filter_edit.setText("65:aa:bb")
    assert tab.model.line_ids() == [clara.id]
    assert tab.is_line_expanded(clara.id)
    tab.filter_edit.setText("nobody")
    assert tab.model.line_ids() == [] and "No line matches" in tab.empty_label.text()
    tab.filter_edit.clear()
    assert tab.model.line_ids() == [anna.id, bernd.id, clara.id]


def test_a_device_created_elsewhere_appears_without_losing_the_selection(qtbot, ctx, make_phones_tab, provider,
                                                                           make_line):
    anna, bernd = make_line("100", "Anna"), make_line("101", "Bernd")
    tab = make_phones_tab(provider)
    tab.select((RowKind.SLOT, bernd.id))
    device = ctx.devices.create(provider, anna.id, DESK_PHONE, DeviceInput())
    qtbot.waitUntil(lambda: tab.model.device_ids() == [device.id], timeout=5000)
    assert tab.current_key() == (RowKind.SLOT, bernd.id)
    # a new line needs a reload; the selection survives it
    line = ctx.lines.create(provider, anna.pbx_id, LineInput(number="102", display_name="Clara",
                                                             password="s3cret-102"))
    qtbot.waitUntil(lambda: line.id in tab.model.line_ids(), timeout=5000)
    assert tab.current_key() == (RowKind.SLOT, bernd.id)


def test_reachable_column_follows_the_sip_monitor(qtbot, ctx, make_phones_tab, provider, make_line):
    line = make_line("100", "Anna")
    device = ctx.devices.create(provider, line.id, DESK_PHONE, DeviceInput())
    tab = make_phones_tab(provider)
    cell = tab.model.device_index(device.id, Column.REACHABLE)
    assert cell.data() == "not probed" and cell.data(REACHABLE_ROLE) is None
    changed = []
    tab.model.dataChanged.connect(lambda top, _bottom, _roles: changed.append(top))
    ctx.bus.publish(EndpointStateChanged(target_id=f"device:{device.id}", reachable=True,
                                         user_agent="Yealink SIP-T46U", rtt_ms=3.0))
    qtbot.waitUntil(lambda: cell.data() == "reachable", timeout=5000)
    assert any(index.column() == Column.REACHABLE for index in changed)
    ctx.bus.publish(EndpointStateChanged(target_id=f"device:{device.id}", reachable=False, user_agent=None,
                                         rtt_ms=None))
    qtbot.waitUntil(lambda: cell.data() == "unreachable", timeout=5000)
    assert cell.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert not cell.data(Qt.ItemDataRole.DecorationRole).isNull()


def test_screenshot_with_demo_data(qtbot, ctx, make_phones_tab, provider):
    demo = create_demo(ctx, provider)
    tab = make_phones_tab(provider)
    qtbot.waitUntil(lambda: len(tab.model.device_ids()) == len(demo.devices), timeout=5000)
    ctx.bus.publish(EndpointStateChanged(target_id=f"device:{demo.devices[0].id}", reachable=True,
                                         user_agent=None, rtt_ms=2.0))
    ctx.bus.publish(EndpointStateChanged(target_id=f"device:{demo.devices[1].id}", reachable=False,
                                         user_agent=None, rtt_ms=None))
    tab.select((RowKind.DEVICE, demo.devices[0].id))
    qtbot.waitUntil(lambda: tab.model.is_reachable(demo.devices[1].id) is False, timeout=5000)
    tab.resize(1280, 720)
    _save(qtbot, tab, "tab-phones")
