from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import QModelIndex, Qt

from app.demo import create_demo
from app.events import DataChanged
from app.services.devices import DeviceInput
from app.sip.monitor import EndpointStateChanged
from ui.itemmodels.phones_tree_model import (
    ITEM_ID_ROLE,
    ITEM_KIND_ROLE,
    SYNC_STATE_ROLE,
    Column,
    PhonesTreeModel,
    SyncState,
    local_time_text,
    sync_state,
)

DISPLAY = Qt.ItemDataRole.DisplayRole


def _text(model: PhonesTreeModel, index: QModelIndex, column: Column) -> str:
    return model.data(index.siblingAtColumn(column), DISPLAY)


def test_model_passes_the_model_tester_with_demo_data(qtbot, qtmodeltester, ctx, provider):
    demo = create_demo(ctx, provider)
    model = PhonesTreeModel(ctx, provider)
    qtmodeltester.check(model)

    assert model.rowCount() == len(demo.lines) == 8
    # under each line its devices, then the empty "Telephone" slot
    children = sum(model.rowCount(model.index(r, 0)) for r in range(model.rowCount()))
    assert children == len(demo.devices) + len(demo.lines)
    # only column 0 has children, as views expect
    assert model.rowCount(model.index(0, 1)) == 0


def test_lines_and_their_devices_are_shown(qtbot, ctx, provider):
    demo = create_demo(ctx, provider)
    model = PhonesTreeModel(ctx, provider)
    first_line = demo.lines[0]
    line_index = model.line_index(first_line.id)
    assert _text(model, line_index, Column.NUMBER_OR_DEVICE) == "100"
    assert _text(model, line_index, Column.NAME) == "Anna Berger"
    assert line_index.data(ITEM_KIND_ROLE) == "line"
    assert line_index.data(ITEM_ID_ROLE) == first_line.id

    device = next(d for d in demo.devices if d.line_id == first_line.id)
    index = model.device_index(device.id)
    assert index.parent() == line_index
    assert index.data(ITEM_KIND_ROLE) == "device"
    assert _text(model, index, Column.NUMBER_OR_DEVICE) == device.type_label
    assert _text(model, index, Column.SYNC) == "not loaded yet"
    assert _text(model, index, Column.LAST_ACCESS) == "never"
    url = _text(model, index, Column.URL)
    assert url == f"https://prov.test.example:8448/{device.access_key}.cfg"
    assert model.rowCount(line_index) == 3 + 1  # + the empty slot
    assert model.slot_index(first_line.id).row() == 3
    assert model.slot_index(first_line.id).data(ITEM_KIND_ROLE) == "slot"
    assert _text(model, line_index, Column.SYNC) == "3 devices"


def test_mac_is_shown_in_the_usual_notation(qtbot, ctx, provider):
    demo = create_demo(ctx, provider)
    device = ctx.devices.update(provider, demo.devices[0].id, DeviceInput(mac="00-04-13-45-c9-bf"))
    model = PhonesTreeModel(ctx, provider)
    assert _text(model, model.device_index(device.id), Column.MAC) == "00:04:13:45:C9:BF"


def test_sync_state_and_last_access_of_a_device_that_loaded_its_configuration(qtbot, ctx, provider):
    demo = create_demo(ctx, provider)
    fetched = datetime(2026, 11, 27, 6, 30, 5, tzinfo=UTC)
    stale = replace(demo.devices[0], served_revision=demo.devices[0].config_revision - 1,
                    last_access_at=fetched, last_access_ip="192.0.2.10", last_access_user_agent="Yealink SIP-T46U")
    current = replace(demo.devices[1], served_revision=demo.devices[1].config_revision)
    assert sync_state(demo.devices[0]) == SyncState.NOT_LOADED
    assert sync_state(stale) == SyncState.NEEDS_SYNC
    assert sync_state(current) == SyncState.SYNCHRONIZED

    model = PhonesTreeModel(ctx, provider)
    model.set_phones(list(demo.lines), [stale, current])
    stale_index = model.device_index(stale.id)
    assert _text(model, stale_index, Column.SYNC) == "needs sync"
    assert stale_index.data(SYNC_STATE_ROLE) == SyncState.NEEDS_SYNC
    assert model.data(stale_index.siblingAtColumn(Column.SYNC), Qt.ItemDataRole.ForegroundRole) is not None
    assert _text(model, stale_index, Column.LAST_ACCESS) == f"{local_time_text(fetched)}, 192.0.2.10"
    tooltip = model.data(stale_index.siblingAtColumn(Column.LAST_ACCESS), Qt.ItemDataRole.ToolTipRole)
    assert "Yealink SIP-T46U" in tooltip
    assert _text(model, model.device_index(current.id), Column.SYNC) == "synchronized"


def test_naive_database_times_are_taken_as_utc():
    naive = datetime(2026, 1, 2, 3, 4, 5)
    assert local_time_text(naive) == local_time_text(naive.replace(tzinfo=UTC))


def test_a_user_sees_only_their_own_lines(qtbot, ctx, provider, make_line):
    mine, other = make_line("100", "Anna"), make_line("101", "Bernd")
    type_id = ctx.catalog.device_types()[0].id
    my_device = ctx.devices.create(provider, mine.id, type_id, DeviceInput())
    ctx.devices.create(provider, other.id, type_id, DeviceInput())
    ctx.users.create(provider, "anna", "anna-password", "user", mine.pbx_id, (mine.id,))
    anna = ctx.users.login("anna", "anna-password")

    model = PhonesTreeModel(ctx, anna)
    assert model.line_ids() == [mine.id]
    assert model.device_ids() == [my_device.id]
    assert _text(model, model.line_index(mine.id), Column.SYNC) == "1 device"


def test_a_line_without_devices(qtbot, ctx, provider, make_line):
    line = make_line("100", "Anna")
    model = PhonesTreeModel(ctx, provider)
    assert model.rowCount(model.line_index(line.id)) == 1  # the empty "Telephone" only
    assert _text(model, model.line_index(line.id), Column.SYNC) == "no devices"


def test_the_cell_look_answers_as_data_does(qtbot, ctx, provider):
    demo = create_demo(ctx, provider)
    model = PhonesTreeModel(ctx, provider)
    model.on_event(EndpointStateChanged(target_id=f"device:{demo.devices[0].id}", reachable=False,
                                        user_agent=None, rtt_ms=None))
    indexes = [model.line_index(demo.lines[0].id), model.slot_index(demo.lines[0].id),
               model.device_index(demo.devices[0].id), model.device_index(demo.devices[1].id)]
    for index in indexes:
        for column in Column:
            cell = index.siblingAtColumn(column)
            text, icon, colour, font = model.cell_look(cell)
            assert text == cell.data(DISPLAY)
            shown_icon = cell.data(Qt.ItemDataRole.DecorationRole)
            assert (icon.cacheKey() if icon else None) == (shown_icon.cacheKey() if shown_icon else None)
            assert colour == cell.data(Qt.ItemDataRole.ForegroundRole)
            assert font == cell.data(Qt.ItemDataRole.FontRole)


def test_a_reload_with_the_same_rows_updates_in_place(qtbot, ctx, provider):
    demo = create_demo(ctx, provider)
    model = PhonesTreeModel(ctx, provider)
    resets, changes = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda top, bottom, _roles: changes.append((top, bottom)))
    device = demo.devices[0]
    ctx.devices.update(provider, device.id, DeviceInput(mac="00:04:13:45:C9:BF"))
    model.reload()
    assert resets == []
    assert _text(model, model.device_index(device.id), Column.MAC) == "00:04:13:45:C9:BF"
    assert [top.data(ITEM_ID_ROLE) for top, _bottom in changes] == [device.id]
    model.reload()  # nothing changed: nothing announced
    assert len(changes) == 1


def test_single_devices_are_patched_without_a_reset(qtbot, ctx, provider, make_line):
    line = make_line("100", "Anna")
    model = PhonesTreeModel(ctx, provider)
    resets, inserted, removed = [], [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda parent, first, last: inserted.append((parent.data(ITEM_ID_ROLE), first)))
    model.rowsRemoved.connect(lambda parent, first, last: removed.append((parent.data(ITEM_ID_ROLE), first)))
    device = ctx.devices.create(provider, line.id, "yealink-t46u", DeviceInput())
    model.on_data_changed(DataChanged(what="device", ids=(device.id,)))
    assert inserted == [(line.id, 0)] and model.device_ids() == [device.id]
    assert _text(model, model.line_index(line.id), Column.SYNC) == "1 device"
    ctx.devices.delete(provider, device.id)
    model.on_data_changed(DataChanged(what="device", ids=(device.id,)))
    assert removed == [(line.id, 0)] and model.device_ids() == []
    assert resets == []


def test_filter_matches_number_name_and_mac(qtbot, ctx, provider, make_line):
    anna, bernd = make_line("100", "Anna"), make_line("201", "Bernd")
    ctx.devices.create(provider, bernd.id, "yealink-t46u", DeviceInput(mac="00-15-65-aa-bb-cc"))
    model = PhonesTreeModel(ctx, provider)
    model.set_filter("ANN")
    assert model.line_ids() == [anna.id]
    model.set_filter("65:AA:BB")
    assert model.line_ids() == [bernd.id]
    assert model.rowCount(model.line_index(bernd.id)) == 2
    model.set_filter("0015")
    assert model.line_ids() == [bernd.id]
    model.set_filter("")
    assert model.line_ids() == [anna.id, bernd.id]
    assert model.total_line_count() == 2


def test_the_session_form_reads_later_reloads_in_the_pool(qtbot, ctx, provider, make_line):
    from ui.bridge import EventBridge
    from ui.session import make_session

    line = make_line("100", "Anna")
    bridge = EventBridge(ctx.bus)
    session = make_session(ctx, provider, bridge)
    try:
        model = PhonesTreeModel(session)
        assert model.line_ids() == [line.id]  # the first read is synchronous
        device = ctx.devices.create(provider, line.id, "yealink-t46u", DeviceInput())
        qtbot.waitUntil(lambda: model.device_ids() == [device.id], timeout=5000)  # followed by itself
        other = make_line("101", "Bernd")  # a new line: a reload in the pool
        qtbot.waitUntil(lambda: model.line_ids() == [line.id, other.id], timeout=5000)
        ctx.bus.publish(EndpointStateChanged(target_id=f"device:{device.id}", reachable=True, user_agent=None,
                                             rtt_ms=1.0))
        qtbot.waitUntil(lambda: model.is_reachable(device.id) is True, timeout=5000)
        assert session.reachable[device.id] is True
    finally:
        session.pool.stop()
        session.pool.join(5)
        bridge.close()
