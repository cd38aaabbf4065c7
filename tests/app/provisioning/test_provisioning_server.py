"""The provisioning server over real TLS on loopback: serving, refusals, events, throttling, timeouts, lifecycle."""
from __future__ import annotations

import logging
import socket
import ssl
import threading
import time
import warnings

import pytest
import requests

from app.provisioning.events import (
    ClientThrottled,
    ConfigServed,
    RefusalReason,
    RequestRefused,
    RetiredKeyUsed,
    ServerStateChanged,
)
from app.provisioning.server import PortInUseError, ProvisioningServer, ServerSettings, ServerStartError
from app.provisioning.snapshot import DeviceEntry, ServedFile, Snapshot
from tests.app.provisioning.conftest import MAIN_BODY, PHONEBOOK
from tests.conftest import wait_for


def tls_client_context(certificate, **kwargs) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=str(certificate.ca_path))
    for name, value in kwargs.items():
        setattr(context, name, value)
    return context


def raw_tls(server: ProvisioningServer, certificate) -> ssl.SSLSocket:
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=5)
    return tls_client_context(certificate).wrap_socket(sock, server_hostname="localhost")


def read_until_closed(sock: socket.socket, timeout: float = 5.0) -> bytes:
    sock.settimeout(timeout)
    chunks = []
    while True:
        try:
            chunk = sock.recv(65536)
        except (ConnectionError, ssl.SSLError):
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


# -- serving -----------------------------------------------------------------------------------------------------


def test_fetch_by_key_serves_the_config_and_reports_the_access(make_server, session, fleet, recorder):
    server = make_server()

    response = session.get(f"{server.url}/{fleet.key}.cfg", headers={"User-Agent": "Yealink SIP-T54W 96.86"})

    assert response.status_code == 200
    assert response.content == MAIN_BODY
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert response.headers["Cache-Control"] == "no-store"
    served = wait_for(lambda: recorder.of(ConfigServed), message="ConfigServed")[0]
    assert (served.device_id, served.file_name, served.revision) == (1, "", 5)
    assert (served.client_ip, served.user_agent, served.method) == ("127.0.0.1", "Yealink SIP-T54W 96.86", "GET")


def test_head_gives_the_length_without_a_body(make_server, session, fleet, recorder):
    server = make_server()

    response = session.head(f"{server.url}/{fleet.key}.cfg")

    assert response.status_code == 200
    assert response.headers["Content-Length"] == str(len(MAIN_BODY))
    assert response.content == b""
    assert wait_for(lambda: recorder.of(ConfigServed))[0].method == "HEAD"


def test_follow_up_file_is_served_under_the_key(make_server, session, fleet, recorder):
    server = make_server()

    response = session.get(f"{server.url}/{fleet.key}/phonebook.xml")

    assert response.status_code == 200
    assert response.content == PHONEBOOK
    assert response.headers["Content-Type"] == "application/xml"
    assert wait_for(lambda: recorder.of(ConfigServed))[0].file_name == "phonebook.xml"


def test_swapped_snapshot_is_served_by_the_very_next_request(make_server, session, fleet):
    server = make_server()
    assert session.get(f"{server.url}/{fleet.key}.cfg").content == MAIN_BODY

    server.swap(Snapshot({fleet.key: DeviceEntry(1, 6, {"": ServedFile(b"revision 6\n", "text/plain")})}))

    # same keep-alive connection, no waiting: the swap is one reference assignment
    assert session.get(f"{server.url}/{fleet.key}.cfg").content == b"revision 6\n"


def test_keep_alive_serves_many_requests_on_one_connection(make_server, certificate, fleet):
    server = make_server()
    with raw_tls(server, certificate) as tls:
        request = f"GET /{fleet.key}.cfg HTTP/1.1\r\nHost: x\r\n\r\n".encode()
        tls.sendall(request * 3)  # pipelined
        expected = len(MAIN_BODY) * 3
        data = b""
        deadline = time.monotonic() + 5
        while data.count(MAIN_BODY) < 3 and time.monotonic() < deadline:
            data += tls.recv(65536)
    assert data.count(b"HTTP/1.1 200 OK") == 3
    assert data.count(MAIN_BODY) * len(MAIN_BODY) == expected


def test_ipv6_loopback_is_served_with_the_client_address(make_server, session, fleet, recorder):
    server = make_server(bind_address="::1")

    assert server.url == f"https://[::1]:{server.port}"
    assert session.get(f"{server.url}/{fleet.key}.cfg").content == MAIN_BODY
    assert wait_for(lambda: recorder.of(ConfigServed))[0].client_ip == "::1"


def test_plain_http_only_when_chosen_and_warned(make_server, fleet, caplog, recorder):
    server = make_server(cert=None, tls=False)

    response = requests.get(f"{server.url}/{fleet.key}.cfg", timeout=5)

    assert server.url.startswith("http://")
    assert response.content == MAIN_BODY
    assert any("plain HTTP" in r.getMessage() and r.levelno == logging.WARNING for r in caplog.records)
    assert "unencrypted" in recorder.of(ServerStateChanged)[0].warning


def test_tls_server_has_no_warning(make_server, recorder):
    make_server()
    assert recorder.of(ServerStateChanged)[0].warning is None


# -- refusals ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path_of", "reason"),
    [
        (lambda f: f"/{f.unknown_key}.cfg", RefusalReason.UNKNOWN_KEY),
        (lambda f: f"/{f.retired_key}.cfg", RefusalReason.RETIRED_KEY),
        (lambda f: f"/{f.key.upper()}.cfg", RefusalReason.MALFORMED_PATH),
        (lambda f: f"/{f.key}.cfg/../../etc/passwd", RefusalReason.MALFORMED_PATH),
        (lambda f: "/", RefusalReason.MALFORMED_PATH),
        (lambda f: f"/{f.key}/secret.xml", RefusalReason.UNKNOWN_FILE),
    ],
)
def test_refusals_are_404_without_detail_and_reported(make_server, session, fleet, recorder, path_of, reason):
    server = make_server()

    response = session.get(f"{server.url}{path_of(fleet)}")

    assert response.status_code == 404
    assert response.content == b""
    assert set(response.headers) == {"Date", "Content-Length", "Connection"}  # nothing hints at the reason
    refused = wait_for(lambda: recorder.of(RequestRefused), message="RequestRefused")[0]
    assert (refused.reason, refused.status, refused.client_ip, refused.method) == (reason, 404, "127.0.0.1", "GET")


def test_retired_key_is_raised_as_possible_misuse(make_server, session, fleet, recorder):
    server = make_server()

    session.get(f"{server.url}/{fleet.retired_key}/phonebook.xml")

    used = wait_for(lambda: recorder.of(RetiredKeyUsed), message="RetiredKeyUsed")[0]
    assert (used.client_ip, used.device_id) == ("127.0.0.1", 7)


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "OPTIONS"])
def test_wrong_method_is_405(make_server, session, fleet, recorder, method):
    server = make_server()

    response = session.request(method, f"{server.url}/{fleet.key}.cfg")

    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, HEAD"
    assert response.content == b""
    refused = wait_for(lambda: recorder.of(RequestRefused))[0]
    assert (refused.reason, refused.method, refused.status) == (RefusalReason.METHOD_NOT_ALLOWED, method, 405)
    assert not recorder.of(ConfigServed)


def test_oversized_request_head_is_refused_and_closed(make_server, certificate, fleet, recorder):
    server = make_server(max_request_bytes=2048)
    with raw_tls(server, certificate) as tls:
        tls.sendall(f"GET /{fleet.key}.cfg HTTP/1.1\r\nX-Padding: {'a' * 4000}\r\n\r\n".encode())
        answer = read_until_closed(tls)
    assert answer.startswith(b"HTTP/1.1 431 ")
    assert wait_for(lambda: recorder.of(RequestRefused))[0].reason == RefusalReason.REQUEST_TOO_LARGE


def test_garbage_is_a_bad_request(make_server, certificate, recorder):
    server = make_server()
    with raw_tls(server, certificate) as tls:
        tls.sendall(b"\x16\x03\x01 hello\r\n\r\n")
        answer = read_until_closed(tls)
    assert answer.startswith(b"HTTP/1.1 400 ")
    assert wait_for(lambda: recorder.of(RequestRefused))[0].reason == RefusalReason.BAD_REQUEST


def test_no_access_key_in_events_or_logs(make_server, session, fleet, recorder, caplog):
    caplog.set_level(logging.DEBUG, logger="app.provisioning")
    server = make_server()
    for path in (f"/{fleet.key}.cfg", f"/{fleet.unknown_key}.cfg", f"/{fleet.retired_key}.cfg",
                 f"/{fleet.key}/nope.xml", f"/x{fleet.key}.cfg"):
        session.get(f"{server.url}{path}")
    wait_for(lambda: len(recorder.of(ConfigServed)) + len(recorder.of(RequestRefused)) == 5)

    text = caplog.text + " ".join(repr(e) for e in recorder.all)
    for key in (fleet.key, fleet.unknown_key, fleet.retired_key):
        assert key not in text
        assert key[:16] not in text
    assert "<redacted>" in caplog.text  # the refused path is logged, redacted


# -- throttling --------------------------------------------------------------------------------------------------


def test_repeated_bad_requests_block_the_bad_requests_not_the_valid_keys(make_server, session, fleet, recorder):
    server = make_server(throttle_after=3, throttle_window=60, throttle_block_seconds=60)
    for _ in range(3):
        assert session.get(f"{server.url}/{fleet.unknown_key}.cfg").status_code == 404

    with pytest.raises(requests.ConnectionError):
        session.get(f"{server.url}/{fleet.unknown_key}.cfg")  # blocked: no answer at all
    assert session.get(f"{server.url}/{fleet.key}.cfg").status_code == 200  # a valid key still is served

    throttled = wait_for(lambda: recorder.of(ClientThrottled), message="ClientThrottled")[0]
    assert (throttled.client_ip, throttled.bad_requests, throttled.seconds) == ("127.0.0.1", 3, 60)
    assert throttled.reason == "unknown-key"
    reasons = [e.reason for e in recorder.of(RequestRefused)]
    assert reasons == [RefusalReason.UNKNOWN_KEY] * 3 + [RefusalReason.BLOCKED]


def test_missing_optional_file_under_a_live_key_does_not_throttle(make_server, session, fleet):
    server = make_server(throttle_after=3)
    for _ in range(5):
        assert session.get(f"{server.url}/{fleet.key}/optional-{_}.cfg").status_code == 404

    assert session.get(f"{server.url}/{fleet.key}.cfg").status_code == 200


# -- slow and silent clients -------------------------------------------------------------------------------------


def test_silent_client_does_not_block_others_and_is_cut_at_the_handshake_timeout(make_server, session, fleet):
    server = make_server(handshake_timeout=2.0)
    silent = socket.create_connection(("127.0.0.1", server.port), timeout=5)  # connects, never says hello
    try:
        started = time.monotonic()
        assert session.get(f"{server.url}/{fleet.key}.cfg", timeout=5).status_code == 200
        assert time.monotonic() - started < 1.5  # well before the silent client's handshake deadline

        assert read_until_closed(silent, timeout=8) == b""  # closed by the server, not by our timeout
        assert time.monotonic() - started < 6.0
    finally:
        silent.close()


def test_slow_client_does_not_block_others_and_is_cut_at_the_idle_timeout(make_server, certificate, session, fleet):
    server = make_server(idle_timeout=2.0)
    slow = raw_tls(server, certificate)
    try:
        slow.sendall(b"GET /")  # ... and the rest of the request never comes in time
        started = time.monotonic()
        assert session.get(f"{server.url}/{fleet.key}.cfg", timeout=5).status_code == 200
        assert time.monotonic() - started < 1.5  # well before the slow client's idle deadline

        for ch in f"{fleet.key}.cfg HTT":  # trickling bytes does not extend the deadline
            try:
                slow.sendall(ch.encode())
            except OSError:
                break
            time.sleep(0.1)  # the slow client's pace, not a wait for the server
        assert read_until_closed(slow, timeout=8) == b""
        assert time.monotonic() - started < 6.0
    finally:
        slow.close()


# -- TLS ---------------------------------------------------------------------------------------------------------


def tls11_client(certificate) -> ssl.SSLContext:
    context = tls_client_context(certificate)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # deprecated on purpose: an old device's TLS
        context.minimum_version = ssl.TLSVersion.TLSv1
        context.maximum_version = ssl.TLSVersion.TLSv1_1
    context.set_ciphers("DEFAULT:@SECLEVEL=0")  # this OpenSSL refuses TLS 1.1 at its default level
    return context


def test_tls_12_is_the_default_minimum(make_server, certificate):
    server = make_server()
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock, pytest.raises(ssl.SSLError):
        tls11_client(certificate).wrap_socket(sock, server_hostname="localhost")


def test_older_tls_only_by_explicit_setting(make_server, certificate, fleet):
    server = make_server(min_tls="1.1")
    with (
        socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock,
        tls11_client(certificate).wrap_socket(sock, server_hostname="localhost") as tls,
    ):
        assert tls.version() == "TLSv1.1"
        tls.sendall(f"GET /{fleet.key}.cfg HTTP/1.1\r\nConnection: close\r\n\r\n".encode())
        assert read_until_closed(tls).endswith(MAIN_BODY)


def test_client_rejecting_the_certificate_leaves_no_error_log(make_server, fleet, caplog):
    server = make_server()
    with pytest.raises(requests.exceptions.SSLError):
        requests.get(f"{server.url}/{fleet.key}.cfg", verify=True, timeout=5)  # system CAs: ours is unknown
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


# -- lifecycle ---------------------------------------------------------------------------------------------------


def test_stop_closes_keep_alive_connections(make_server, certificate, session, fleet, recorder):
    server = make_server()
    assert session.get(f"{server.url}/{fleet.key}.cfg").status_code == 200
    idle = raw_tls(server, certificate)
    idle.sendall(f"GET /{fleet.key}.cfg HTTP/1.1\r\n\r\n".encode())
    answer = b""
    while not answer.endswith(MAIN_BODY):
        answer += idle.recv(65536)
    assert answer.startswith(b"HTTP/1.1 200")
    in_handshake = socket.create_connection(("127.0.0.1", server.port), timeout=5)

    server.stop()
    assert server.join(5)

    assert read_until_closed(idle, timeout=3) == b""  # the server closed the idle keep-alive connection
    assert read_until_closed(in_handshake, timeout=3) == b""  # and the one that had not finished its handshake
    idle.close()
    in_handshake.close()
    with pytest.raises(requests.ConnectionError):
        session.get(f"{server.url}/{fleet.key}.cfg", timeout=3)
    assert not any(t.name.startswith("provisioning-server") for t in threading.enumerate())
    states = recorder.of(ServerStateChanged)
    assert [s.running for s in states] == [True, False]
    assert states[-1].error is None


def test_threads_are_named_and_owned(make_server):
    make_server()
    names = {t.name for t in threading.enumerate()}
    assert "provisioning-server" in names


def test_port_in_use_gives_a_clear_message(make_server, recorder):
    with socket.create_server(("127.0.0.1", 0)) as occupant:
        port = occupant.getsockname()[1]
        with pytest.raises(PortInUseError) as caught:
            make_server(port=port)
    message = str(caught.value)
    assert f"127.0.0.1:{port}" in message
    assert "another program" in message and "choose a different port" in message
    assert recorder.of(ServerStateChanged)[-1].error == message


def test_restart_applies_new_settings(make_server, session, fleet):
    server = make_server()
    old_port = server.port
    with socket.socket() as probe:  # a free port for the new settings
        probe.bind(("127.0.0.1", 0))
        new_port = probe.getsockname()[1]

    server.restart(ServerSettings(bind_address="127.0.0.1", port=new_port))

    assert server.port == new_port
    assert session.get(f"{server.url}/{fleet.key}.cfg").status_code == 200
    with pytest.raises(requests.ConnectionError):
        session.get(f"https://127.0.0.1:{old_port}/{fleet.key}.cfg", timeout=3)


def test_tls_without_certificate_is_a_clear_error(make_server):
    with pytest.raises(ServerStartError, match="no certificate"):
        make_server(cert=None)


def test_start_twice_is_refused(make_server):
    server = make_server()
    with pytest.raises(ServerStartError, match="already running"):
        server.start()


@pytest.mark.parametrize(
    ("field", "value", "needle"),
    [("min_tls", "1.4", "minimum TLS version"), ("port", 70000, "outside"), ("idle_timeout", 0, "positive")],
)
def test_bad_settings_are_explained(field, value, needle):
    with pytest.raises(ValueError, match=needle):
        ServerSettings(**{field: value})
