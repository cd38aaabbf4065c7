"""Per-IP throttling of clients that keep making bad requests, so a scan cannot enumerate access keys.

Shared by the server's event loop threads, hence the lock (uncontended in practice, and cheap). Memory is bounded: at most `max_tracked` addresses are remembered;
when full, entries whose window and block are over are dropped first, then the oldest.
"""
from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ThrottleSettings:
    bad_requests: int = 10  # this many refusals ...
    window_seconds: float = 60.0  # ... within this long ...
    block_seconds: float = 300.0  # ... blocks the address for this long

    def __post_init__(self) -> None:
        if self.bad_requests < 1 or self.window_seconds <= 0 or self.block_seconds <= 0:
            raise ValueError(
                "throttling needs bad_requests >= 1 and positive window and block durations, "
                f"got {self.bad_requests}, {self.window_seconds}, {self.block_seconds}"
            )


class _Record:
    __slots__ = ("blocked_until", "times")

    def __init__(self, size: int) -> None:
        self.times: deque[float] = deque(maxlen=size)
        self.blocked_until = 0.0


class ClientThrottle:
    def __init__(
        self,
        settings: ThrottleSettings,
        clock: Callable[[], float] = time.monotonic,
        max_tracked: int = 10_000,
    ) -> None:
        self._settings = settings
        self._clock = clock
        self._max_tracked = max_tracked
        self._records: dict[str, _Record] = {}
        self._lock = threading.Lock()

    @property
    def bad_requests_limit(self) -> int:
        return self._settings.bad_requests

    @property
    def tracked_addresses(self) -> int:
        return len(self._records)

    def is_blocked(self, client_ip: str) -> bool:
        with self._lock:
            record = self._records.get(client_ip)
            return record is not None and record.blocked_until > self._clock()

    def record_bad_request(self, client_ip: str) -> float | None:
        """Count one refusal; return the block's length in seconds if this refusal started a block, else None."""
        with self._lock:
            return self._record_locked(client_ip, self._clock())

    def _record_locked(self, client_ip: str, now: float) -> float | None:
        record = self._records.get(client_ip)
        if record is None:
            self._make_room(now)
            record = self._records[client_ip] = _Record(self._settings.bad_requests)
        if record.blocked_until > now:
            return None
        record.times.append(now)
        window_full = len(record.times) == self._settings.bad_requests
        if window_full and now - record.times[0] <= self._settings.window_seconds:
            record.blocked_until = now + self._settings.block_seconds
            record.times.clear()
            return self._settings.block_seconds
        return None

    def _make_room(self, now: float) -> None:
        if len(self._records) < self._max_tracked:
            return
        window = self._settings.window_seconds
        stale = [
            ip
            for ip, rec in self._records.items()
            if rec.blocked_until <= now and (not rec.times or now - rec.times[-1] > window)
        ]
        for ip in stale:
            del self._records[ip]
        while len(self._records) >= self._max_tracked:
            del self._records[next(iter(self._records))]  # dicts keep insertion order: the oldest goes
