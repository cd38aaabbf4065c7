from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import QModelIndex, Qt

from app.demo import create_demo
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


def test_model_passes_the_model_tester_with_demo_data(qtmodeltester, ctx, provider):
    demo = create_demo(ctx, provider)
    model = PhonesTreeModel(ctx, provider)
    qtmodeltester.check(model)

    assert model.rowCount() == len(demo.lines) == 8
    assert sum(model.rowCount(model.index(r, 0)) for r in range(model.rowCount())) == len(demo.devices)
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
    assert model.rowCount(line_index) == 3
    assert _text(model, line_index, Column.SYNC) == "3 devices"


def test_mac_is_shown_in_the_usual_notation(qtbot, ctx, provider):
    from app.services.devices import DeviceInput

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
    from app.services.devices import DeviceInput

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
    assert model.rowCount(model.line_index(line.id)) == 0
    assert _text(model, model.line_index(line.id), Column.SYNC) == "no devices"
