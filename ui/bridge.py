"""The one place where events from worker threads cross into the GUI thread.

The app's EventBus calls subscribers on the publishing thread (provisioning server, SIP monitor,
task pool). Qt objects may only be touched on the GUI thread, so the bus callback does nothing but
emit a private signal; an explicit queued connection then runs the @Slot on the thread this bridge
lives in, which re-emits the event for widgets and models. No lambdas cross threads: PySide6 6.8+
crashes were traced to queued connections to lambdas.
"""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal, Slot

from app.events import DataChanged, Event, EventBus


class EventBridge(QObject):
    """Subscribes to the bus on creation; call `close()` before the bridge is deleted."""

    # emitted on the publisher's thread, received (queued) on the bridge's thread
    _arrived = Signal(object)
    # emitted on the GUI thread only
    event_received = Signal(object)
    data_changed = Signal(object)

    def __init__(self, bus: EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # close() takes this lock, so once it returns no worker is half-way through an emit
        self._lock = threading.Lock()
        self._open = True
        self._arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = bus.subscribe(self._on_bus_event)

    def _on_bus_event(self, event: Event) -> None:
        """Runs on any thread: only hand the event over, touch nothing else."""
        with self._lock:
            if self._open:
                self._arrived.emit(event)

    @Slot(object)
    def _deliver(self, event: Event) -> None:
        if not self._open:
            return
        self.event_received.emit(event)
        if isinstance(event, DataChanged):
            self.data_changed.emit(event)

    def close(self) -> None:
        """Stop listening to the bus; events already queued are dropped."""
        with self._lock:
            if not self._open:
                return
            self._open = False
        self._unsubscribe()
