"""Admission and throttling per client address: connection caps with a reserve for known devices, and blocks
of addresses that keep making bad requests (a scan cannot enumerate access keys).

- Every connection is admitted here first (`admit`, `release`): at most `per_address` open connections per
  address, `max_connections` in all, of which the last `reserve` only for *known* addresses, those that fetched
  a valid key within `known_seconds`. One address flooding the server cannot take the slots of the others, and
  a flood from many addresses cannot lock out the devices that have fetched before.
- Bad requests (and connections that never send a request) are counted per address; `bad_requests` within
  `window_seconds` block the address for `block_seconds`. A block refuses the address's bad requests without an
  answer, never its valid keys (a NATed office keeps working while a scanner behind it is blocked); a blocked
  address that is not known gets only `blocked_per_address` connections at a time.

Shared by the server's event loop threads, hence the lock (uncontended in practice, and cheap). Memory is bounded:
at most `max_tracked` addresses are remembered; when full, entries with nothing to remember are dropped first,
then the oldest without open connections.
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
    block_seconds: float = 300.0  # ... block the address's bad requests for this long
    max_connections: int = 4096  # open connections of all addresses together ...
    reserve: int = 512  # ... of which these only for known addresses
    per_address: int = 64  # open connections of one address
    per_known_address: int = 256  # ... of an address that fetched a valid key within known_seconds
    blocked_per_address: int = 4  # ... of a blocked address that is not known
    known_seconds: float = 86_400.0

    def __post_init__(self) -> None:
        if self.bad_requests < 1 or self.window_seconds <= 0 or self.block_seconds <= 0:
            raise ValueError(
                "throttling needs bad_requests >= 1 and positive window and block durations, "
                f"got {self.bad_requests}, {self.window_seconds}, {self.block_seconds}"
            )
        if min(self.per_address, self.per_known_address, self.blocked_per_address, self.max_connections) < 1:
            raise ValueError("connection limits per address and in all must be at least 1")
        if not 0 <= self.reserve < self.max_connections:
            raise ValueError(f"the reserve for known addresses ({self.reserve}) must be below max_connections "
                             f"({self.max_connections})")
        if self.known_seconds <= 0:
            raise ValueError("known_seconds must be positive")


class _Record:
    __slots__ = ("blocked_until", "known_until", "open", "times")

    def __init__(self, size: int) -> None:
        self.times: deque[float] = deque(maxlen=size)
        self.blocked_until = 0.0
        self.known_until = 0.0
        self.open = 0

    def idle(self, now: float, window: float) -> bool:
        return (not self.open and self.blocked_until <= now and self.known_until <= now
                and (not self.times or now - self.times[-1] > window))


class ClientThrottle:
    def __init__(
        self,
        settings: ThrottleSettings,
        clock: Callable[[], float] = time.monotonic,
        max_tracked: int = 10_000,
    ) -> None:
        self._settings = settings
        self._clock = clock
        self._max_tracked = max(max_tracked, settings.max_connections + 1)  # open connections are never forgotten
        self._records: dict[str, _Record] = {}
        self._open = 0
        self._lock = threading.Lock()

    @property
    def settings(self) -> ThrottleSettings:
        return self._settings

    @property
    def bad_requests_limit(self) -> int:
        return self._settings.bad_requests

    @property
    def tracked_addresses(self) -> int:
        return len(self._records)

    @property
    def open_connections(self) -> int:
        return self._open

    def open_of(self, client_ip: str) -> int:
        record = self._records.get(client_ip)
        return record.open if record is not None else 0

    # -- connections ----------------------------------------------------------------------------------------------

    def admit(self, client_ip: str) -> str | None:
        """Count a new connection in; None if admitted, else why not (for a log line). Pair with release()."""
        s = self._settings
        with self._lock:
            now = self._clock()
            record = self._records.get(client_ip)
            known = record is not None and record.known_until > now
            if record is not None and not known and record.blocked_until > now:
                cap = s.blocked_per_address
            else:
                cap = s.per_known_address if known else s.per_address
            if record is not None and record.open >= cap:
                return f"{cap} connections of this address open"
            budget = s.max_connections if known else s.max_connections - s.reserve
            if self._open >= budget:
                return f"{budget} connections open" + ("" if known else " (the rest is kept for known devices)")
            if record is None:
                record = self._record(client_ip, now)
            record.open += 1
            self._open += 1
            return None

    def release(self, client_ip: str) -> None:
        with self._lock:
            record = self._records.get(client_ip)
            if record is not None and record.open > 0:
                record.open -= 1
                self._open -= 1

    # -- requests -------------------------------------------------------------------------------------------------

    def is_blocked(self, client_ip: str) -> bool:
        with self._lock:
            record = self._records.get(client_ip)
            return record is not None and record.blocked_until > self._clock()

    def is_known(self, client_ip: str) -> bool:
        with self._lock:
            record = self._records.get(client_ip)
            return record is not None and record.known_until > self._clock()

    def record_valid(self, client_ip: str) -> None:
        """The address fetched a live key: it is known for `known_seconds` (reserve, higher cap, no lock-out)."""
        with self._lock:
            now = self._clock()
            record = self._records.get(client_ip) or self._record(client_ip, now)
            record.known_until = now + self._settings.known_seconds

    def record_bad_request(self, client_ip: str) -> float | None:
        """Count one refusal; return the block's length in seconds if this refusal started a block, else None."""
        with self._lock:
            now = self._clock()
            record = self._records.get(client_ip) or self._record(client_ip, now)
            if record.blocked_until > now:
                return None
            record.times.append(now)
            window_full = len(record.times) == self._settings.bad_requests
            if window_full and now - record.times[0] <= self._settings.window_seconds:
                record.blocked_until = now + self._settings.block_seconds
                record.times.clear()
                return self._settings.block_seconds
            return None

    def _record(self, client_ip: str, now: float) -> _Record:
        if len(self._records) >= self._max_tracked:
            self._make_room(now)
        record = self._records[client_ip] = _Record(self._settings.bad_requests)
        return record

    def _make_room(self, now: float) -> None:
        window = self._settings.window_seconds
        for ip in [ip for ip, rec in self._records.items() if rec.idle(now, window)]:
            del self._records[ip]
        if len(self._records) < self._max_tracked:
            return
        for ip in [ip for ip, rec in self._records.items() if not rec.open]:  # insertion order: oldest first
            del self._records[ip]
            if len(self._records) < self._max_tracked:
                return
