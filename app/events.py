"""Immutable events and the thread-safe bus that carries them from worker threads.

Workers (provisioning server, SIP monitor, task pool) publish; the GUI bridge and the
headless `serve` mode subscribe. Subscribers are called on the publishing thread, so
they must be quick and must not touch Qt objects directly (the bridge re-emits them as
queued Qt signals).
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

log = logging.getLogger(__name__)


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Event:
    at: datetime = field(default_factory=utcnow, kw_only=True)


@dataclass(frozen=True)
class DataChanged(Event):
    """Something in the database changed that views or the served snapshot depend on."""

    what: str  # "line", "device", "pbx", "keys", ...
    ids: tuple[int, ...] = ()


Subscriber = Callable[[Event], None]


class EventBus:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: list[tuple[type[Event], Subscriber]] = []

    def subscribe(self, callback: Subscriber, event_type: type[Event] = Event) -> Callable[[], None]:
        entry = (event_type, callback)
        with self._lock:
            self._subscribers.append(entry)

        def unsubscribe() -> None:
            with self._lock:
                if entry in self._subscribers:
                    self._subscribers.remove(entry)

        return unsubscribe

    def publish(self, event: Event) -> None:
        with self._lock:
            targets = [cb for typ, cb in self._subscribers if isinstance(event, typ)]
        for callback in targets:
            try:
                callback(event)
            except Exception:  # one broken subscriber must not stop the publisher
                log.exception("event subscriber failed for %s", type(event).__name__)
