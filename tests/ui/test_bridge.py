from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from PySide6.QtCore import QCoreApplication

from app.events import DataChanged, EventBus
from app.services.devices import DeviceInput
from ui.bridge import EventBridge
from ui.itemmodels.phones_tree_model import PhonesTreeModel

T = TypeVar("T")


def _run_in_worker(name: str, work: Callable[[], T]) -> T:
    """Run `work` on a short-lived worker thread, as the provisioning server or task pool would publish
    from; its exception, if any, is raised here. Leaving the `with` joins the thread."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix=name) as pool:
        return pool.submit(work).result(timeout=10)


def test_events_from_a_worker_thread_arrive_on_the_gui_thread(qtbot):
    bus = EventBus()
    bridge = EventBridge(bus)
    received: list[tuple[object, threading.Thread]] = []
    bridge.event_received.connect(lambda event: received.append((event, threading.current_thread())))
    event = DataChanged(what="device", ids=(7,))

    with qtbot.waitSignal(bridge.data_changed, timeout=5000) as blocker:
        _run_in_worker("test-publisher", lambda: bus.publish(event))
    assert blocker.args == [event]
    assert received == [(event, threading.main_thread())]
    bridge.close()


def test_a_closed_bridge_delivers_nothing(qtbot):
    bus = EventBus()
    bridge = EventBridge(bus)
    received: list[object] = []
    bridge.event_received.connect(received.append)
    bridge.close()
    bus.publish(DataChanged(what="line"))
    QCoreApplication.processEvents()  # anything queued would be delivered here
    assert received == []
    bridge.close()  # closing twice is harmless


def test_the_phones_model_shows_a_device_added_from_another_thread(qtbot, ctx, provider, make_line):
    line = make_line("100", "Anna")
    model = PhonesTreeModel(ctx, provider)
    bridge = EventBridge(ctx.bus)
    bridge.data_changed.connect(model.on_data_changed)
    # a single new device is inserted, not a reset of the whole model
    inserted_on: list[threading.Thread] = []
    model.rowsInserted.connect(lambda *_: inserted_on.append(threading.current_thread()))
    assert model.device_ids() == []
    type_id = ctx.catalog.device_types()[0].id

    created = _run_in_worker("test-device-creator",
                             lambda: ctx.devices.create(provider, line.id, type_id, DeviceInput()))

    qtbot.waitUntil(lambda: model.device_ids() == [created.id], timeout=5000)
    assert model.device_index(created.id).parent() == model.line_index(line.id)
    assert inserted_on and set(inserted_on) == {threading.main_thread()}
    bridge.close()
