"""The server under abuse, over real TLS on loopback with real source addresses (127.0.0.0/8 all route via lo):
a connection flood from one address, a flood from many, a scanner behind a NATed office, silent connections."""
from __future__ import annotations

import resource
import socket
import ssl
import statistics
import struct
import threading
import time
from collections import deque
from typing import Self

import pytest

from app.provisioning.events import ClientThrottled, ConfigServed, RefusalReason, RequestRefused
from tests.conftest import wait_for

LINGER_RESET = struct.pack("ii", 1, 0)  # close with RST: no TIME_WAIT on the flooding side


@pytest.fixture(autouse=True)
def open_files():
    """A flood needs a few thousand descriptors: raise the soft limit for the test, restore it after."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 8192 if hard == resource.RLIM_INFINITY else min(8192, hard)
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    yield
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def client_context(certificate) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(certificate.ca_path))


def fetch_from(source: str, port: int, path: str, context: ssl.SSLContext, timeout: float = 5.0):
    """One GET on a new TLS connection from `source`; (status or None, seconds)."""
    started = time.monotonic()
    try:
        raw = socket.create_connection(("127.0.0.1", port), timeout=timeout, source_address=(source, 0))
        raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # as HTTP clients do: no Nagle delay
        with context.wrap_socket(raw, server_hostname="localhost") as tls:
            tls.sendall(f"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode())
            data = b""
            while chunk := tls.recv(65536):
                data += chunk
    except (OSError, ssl.SSLError):
        return None, time.monotonic() - started
    status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/1.1 ") else None
    return status, time.monotonic() - started


class Flood:
    """Bare TCP connections from `sources` that never send a byte; keeps `hold` open, renewing `renew` of them
    every `every` seconds (closing the oldest), until stopped."""

    def __init__(self, sources: list[str], port: int, hold: int, renew: int = 0, every: float = 0.05) -> None:
        self.sources, self.port, self.hold, self.renew, self.every = sources, port, hold, renew, every
        self.opened = 0
        self.failed = 0
        self.held: deque[socket.socket] = deque()
        self.ready = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="test-flood", daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        assert self.ready.wait(60), "the flood did not open its connections"
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(30)
        while self.held:
            self.held.popleft().close()

    def _open(self, count: int) -> None:
        for _ in range(count):
            source = self.sources[self.opened % len(self.sources)]
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, LINGER_RESET)
            sock.setblocking(False)
            try:
                sock.bind((source, 0))
                sock.connect_ex(("127.0.0.1", self.port))
            except OSError:
                self.failed += 1
                sock.close()
                continue
            self.opened += 1
            self.held.append(sock)

    def _run(self) -> None:
        self._open(self.hold)
        self.ready.set()
        while self.renew and not self._stop.wait(self.every):
            for _ in range(min(self.renew, len(self.held))):
                self.held.popleft().close()
            self._open(self.renew)


def test_a_flood_from_one_address_does_not_stop_another_from_fetching(make_server, certificate, fleet, recorder):
    # 1,024 slots in all (the default is 4,096): before per-address caps, 2,000 connections from one address
    # filled them and every other address was dropped until the handshake timeout.
    server = make_server(max_connections=1024, reserved_connections=128, per_address_connections=64,
                         handshake_timeout=2.0)
    context = client_context(certificate)
    baseline = sorted(fetch_from("127.0.0.3", server.port, f"/{fleet.key}.cfg", context)[1] for _ in range(10))
    results = []
    with Flood(["127.0.0.2"], server.port, hold=2000, renew=100, every=0.25) as flood:
        wait_for(lambda: server.throttle.open_of("127.0.0.2") == 64, message="the flood at its cap")
        began = time.monotonic()
        for _ in range(30):
            results.append(fetch_from("127.0.0.3", server.port, f"/{fleet.key}.cfg", context))
        spent = time.monotonic() - began
        wait_for(lambda: any(e.client_ip == "127.0.0.2" for e in recorder.of(ClientThrottled)), timeout=10,
                 message="the silent flood blocked")
        opened, flood_open = flood.opened, server.throttle.open_of("127.0.0.2")
    latencies = sorted(seconds for _status, seconds in results)
    print(f"\nflood: {opened} bare TCP connections opened from 127.0.0.2 ({flood.failed} could not be opened), "
          f"at most {64} admitted at a time (open at the end: {flood_open}); "
          f"127.0.0.3: {sum(s == 200 for s, _ in results)}/{len(results)} fetches 200 in {spent:.2f} s, "
          f"latency median {statistics.median(latencies) * 1000:.1f} ms, max {latencies[-1] * 1000:.1f} ms "
          f"(without the flood: median {statistics.median(baseline) * 1000:.1f} ms)")
    assert [status for status, _ in results] == [200] * 30
    assert opened >= 2000
    silent = [e for e in recorder.of(RequestRefused) if e.reason is RefusalReason.SILENT]
    assert silent and all(e.client_ip == "127.0.0.2" for e in silent)  # silent connections count as refusals
    wait_for(lambda: server.throttle.open_connections == 0, message="every connection released")


def test_a_flood_from_many_addresses_leaves_the_reserve_to_known_devices(make_server, certificate, fleet):
    server = make_server(max_connections=256, reserved_connections=32, per_address_connections=64,
                         handshake_timeout=10.0)
    context = client_context(certificate)
    assert fetch_from("127.0.0.3", server.port, f"/{fleet.key}.cfg", context)[0] == 200  # known from now on
    sources = [f"127.0.0.{n}" for n in range(10, 30)]  # 20 x 64 > the 224 slots not reserved
    with Flood(sources, server.port, hold=1280):
        wait_for(lambda: server.throttle.open_connections >= 224, message="the unreserved slots full")
        assert fetch_from("127.0.0.5", server.port, f"/{fleet.key}.cfg", context)[0] is None  # unknown: no slot
        statuses = [fetch_from("127.0.0.3", server.port, f"/{fleet.key}.cfg", context)[0] for _ in range(10)]
    assert statuses == [200] * 10
    wait_for(lambda: server.throttle.open_connections == 0, message="every connection released")


def test_a_scanner_behind_a_nat_blocks_its_bad_requests_not_the_offices_phones(make_server, certificate, fleet,
                                                                            recorder):
    server = make_server(throttle_after=10, throttle_window=60, throttle_block_seconds=300)
    context = client_context(certificate)
    for _ in range(10):  # the scanner
        assert fetch_from("127.0.0.4", server.port, f"/{fleet.unknown_key}.cfg", context)[0] == 404
    throttled = wait_for(lambda: recorder.of(ClientThrottled), message="the block")[0]
    assert (throttled.client_ip, throttled.seconds, throttled.reason) == ("127.0.0.4", 300, "unknown-key")
    assert fetch_from("127.0.0.4", server.port, f"/{fleet.unknown_key}.cfg", context)[0] is None  # unanswered

    for _ in range(3):  # a phone of the same office, a new connection each time
        assert fetch_from("127.0.0.4", server.port, f"/{fleet.key}.cfg", context)[0] == 200
    assert [e.client_ip for e in recorder.of(ConfigServed)] == ["127.0.0.4"] * 3
    assert server.throttle.is_known("127.0.0.4") and server.throttle.is_blocked("127.0.0.4")
    assert fetch_from("127.0.0.5", server.port, f"/{fleet.unknown_key}.cfg", context)[0] == 404  # others: normal


def test_silent_connections_count_as_refusals(make_server, certificate, fleet, recorder):
    server = make_server(throttle_after=3, handshake_timeout=1.0)
    silent = [socket.create_connection(("127.0.0.1", server.port), timeout=5, source_address=("127.0.0.6", 0))
              for _ in range(3)]
    try:
        throttled = wait_for(lambda: recorder.of(ClientThrottled), timeout=10, message="the block")[0]
        assert (throttled.client_ip, throttled.reason) == ("127.0.0.6", "silent-connection")
        refused = recorder.of(RequestRefused)
        assert [(e.reason, e.status) for e in refused] == [(RefusalReason.SILENT, 408)] * 3
    finally:
        for sock in silent:
            sock.close()
    # blocked and not known: a few connections at a time, and a valid key is still served
    assert fetch_from("127.0.0.6", server.port, f"/{fleet.key}.cfg", client_context(certificate))[0] == 200
