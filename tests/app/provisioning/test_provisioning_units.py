"""Pure parts of the provisioning server: snapshot validation, routing, HTTP head parsing, throttling."""
from __future__ import annotations

import secrets

import pytest

from app.provisioning.events import RefusalReason
from app.provisioning.httpwire import BadRequest, parse_request_head, response_head
from app.provisioning.routing import Found, Refused, redact_target, resolve
from app.provisioning.snapshot import (
    DeviceEntry,
    ServedFile,
    Snapshot,
    SnapshotError,
    content_type_for,
    retired_key_digest,
)
from app.provisioning.throttle import ClientThrottle, ThrottleSettings

KEY = secrets.token_hex(24)
OLD = secrets.token_hex(24)
SNAPSHOT = Snapshot(
    {KEY: DeviceEntry(3, 9, {"": ServedFile(b"main", "text/plain"), "phonebook.xml": ServedFile(b"pb", "application/xml")})},
    {retired_key_digest(OLD): 4},
)


# -- snapshot ----------------------------------------------------------------------------------------------------


def test_snapshot_is_immutable():
    with pytest.raises(TypeError):
        SNAPSHOT.entries["x" * 48] = SNAPSHOT.entries[KEY]  # type: ignore[index]
    with pytest.raises(TypeError):
        SNAPSHOT.entries[KEY].files["new.cfg"] = ServedFile(b"", "text/plain")  # type: ignore[index]


def test_snapshot_copies_its_input():
    files = {"": ServedFile(b"a", "text/plain")}
    entry = DeviceEntry(1, 1, files)
    files["late.cfg"] = ServedFile(b"b", "text/plain")
    assert "late.cfg" not in entry.files


@pytest.mark.parametrize("bad_key", ["ABC" * 16, "a" * 47, "g" * 48, ""])
def test_snapshot_rejects_malformed_keys_without_repeating_them(bad_key):
    with pytest.raises(SnapshotError, match="48 lowercase hex") as caught:
        Snapshot({bad_key: DeviceEntry(1, 1, {})})
    if bad_key:
        assert bad_key not in str(caught.value)


@pytest.mark.parametrize("name", ["../x", "a/b", ".hidden", "x y", "a" * 200])
def test_entry_rejects_unservable_file_names(name):
    with pytest.raises(SnapshotError, match="cannot be served"):
        DeviceEntry(1, 1, {name: ServedFile(b"", "text/plain")})


def test_served_file_rejects_header_injection():
    with pytest.raises(SnapshotError):
        ServedFile(b"", "text/plain\r\nX-Evil: 1")


def test_retired_keys_must_be_digests():
    with pytest.raises(SnapshotError, match="SHA-256"):
        Snapshot({}, {OLD: 1})


@pytest.mark.parametrize(
    ("name", "content_type"),
    [("y0000000000.cfg", "text/plain; charset=utf-8"), ("phonebook.XML", "application/xml"), ("blob", "application/octet-stream")],
)
def test_content_types(name, content_type):
    assert content_type_for(name) == content_type


# -- routing -----------------------------------------------------------------------------------------------------


def test_main_and_follow_up_files_resolve():
    main = resolve(SNAPSHOT, f"/{KEY}.cfg")
    assert isinstance(main, Found) and (main.file_name, main.served.body, main.entry.revision) == ("", b"main", 9)
    follow = resolve(SNAPSHOT, f"/{KEY}/phonebook.xml?mac=001565aabbcc")  # query strings are ignored
    assert isinstance(follow, Found) and follow.served.body == b"pb"


@pytest.mark.parametrize(
    ("target", "reason", "device_id"),
    [
        (f"/{OLD}.cfg", RefusalReason.RETIRED_KEY, 4),
        (f"/{OLD}/phonebook.xml", RefusalReason.RETIRED_KEY, 4),
        (f"/{secrets.token_hex(24)}.cfg", RefusalReason.UNKNOWN_KEY, None),
        (f"/{KEY}/other.xml", RefusalReason.UNKNOWN_FILE, None),
        (f"/{KEY}.xml", RefusalReason.MALFORMED_PATH, None),
        (f"/{KEY}/", RefusalReason.MALFORMED_PATH, None),
        (f"/{KEY}/a/b", RefusalReason.MALFORMED_PATH, None),
        (f"/{KEY}/%2e%2e", RefusalReason.MALFORMED_PATH, None),
        (f"{KEY}.cfg", RefusalReason.MALFORMED_PATH, None),
        (f"http://host/{KEY}.cfg", RefusalReason.MALFORMED_PATH, None),
        ("/index.html", RefusalReason.MALFORMED_PATH, None),
    ],
)
def test_everything_else_is_refused_with_a_reason(target, reason, device_id):
    assert resolve(SNAPSHOT, target) == Refused(reason, device_id)


def test_redaction_hides_key_material():
    text = redact_target(f"/{KEY}/phonebook.xml?token=abcdefabcdef12")
    assert KEY not in text and KEY[:12] not in text and "abcdefabcdef12" not in text
    assert text == "/<redacted>/phonebook.xml?token=<redacted>"
    assert redact_target("/" + "ab/" * 100).endswith("...")


# -- HTTP head ---------------------------------------------------------------------------------------------------


def test_request_head_is_parsed():
    head = parse_request_head(b"GET /x.cfg HTTP/1.1\r\nHost: h\r\nUser-Agent: Yealink SIP-T46U\x01\r\n")
    assert (head.method, head.target, head.keep_alive, head.has_body) == ("GET", "/x.cfg", True, False)
    assert head.user_agent == "Yealink SIP-T46U?"  # control characters never reach the database or logs


@pytest.mark.parametrize(
    ("raw", "keep_alive"),
    [
        (b"GET / HTTP/1.1\r\nConnection: close", False),
        (b"GET / HTTP/1.0", False),
        (b"GET / HTTP/1.0\r\nConnection: Keep-Alive", True),
    ],
)
def test_keep_alive_rules(raw, keep_alive):
    assert parse_request_head(raw).keep_alive is keep_alive


def test_body_is_detected():
    assert parse_request_head(b"POST / HTTP/1.1\r\nContent-Length: 3").has_body
    assert parse_request_head(b"GET / HTTP/1.1\r\nTransfer-Encoding: chunked").has_body


@pytest.mark.parametrize(
    "raw", [b"GET /", b"GET / HTTP/2.0", b"get / HTTP/1.1", b"GET / HTTP/1.1\r\nbroken header", b"GET  / HTTP/1.1"]
)
def test_malformed_heads_raise(raw):
    with pytest.raises(BadRequest):
        parse_request_head(raw)


def test_response_head():
    head = response_head(200, "Thu, 01 Jan 2026 00:00:00 GMT", content_type="text/plain", content_length=5,
                         keep_alive=True)
    assert head.startswith(b"HTTP/1.1 200 OK\r\n") and head.endswith(b"\r\n\r\n")
    assert b"Content-Length: 5\r\n" in head and b"Connection: keep-alive" in head


# -- throttle ----------------------------------------------------------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_throttle_blocks_after_n_bad_requests_in_the_window_and_releases_later():
    clock = FakeClock()
    throttle = ClientThrottle(ThrottleSettings(bad_requests=3, window_seconds=10, block_seconds=60), clock=clock)
    assert throttle.record_bad_request("192.0.2.1") is None
    assert throttle.record_bad_request("192.0.2.1") is None
    assert not throttle.is_blocked("192.0.2.1")
    assert throttle.record_bad_request("192.0.2.1") == 60
    assert throttle.is_blocked("192.0.2.1")
    assert not throttle.is_blocked("192.0.2.2")  # per address
    clock.now += 61
    assert not throttle.is_blocked("192.0.2.1")


def test_throttle_forgets_bad_requests_outside_the_window():
    clock = FakeClock()
    throttle = ClientThrottle(ThrottleSettings(bad_requests=3, window_seconds=10, block_seconds=60), clock=clock)
    for _ in range(10):
        assert throttle.record_bad_request("192.0.2.1") is None
        clock.now += 6  # slower than 3 per 10 s: a device's occasional mistakes
    assert not throttle.is_blocked("192.0.2.1")


def test_throttle_memory_is_bounded():
    clock = FakeClock()
    throttle = ClientThrottle(ThrottleSettings(3, 10, 60, max_connections=64, reserve=8), clock=clock, max_tracked=100)
    for i in range(1000):
        throttle.record_bad_request(f"10.0.{i // 256}.{i % 256}")
    assert throttle.tracked_addresses <= 100


def test_throttle_settings_are_validated():
    with pytest.raises(ValueError, match="bad_requests >= 1"):
        ThrottleSettings(bad_requests=0)
