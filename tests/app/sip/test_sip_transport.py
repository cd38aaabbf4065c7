"""UDP, TCP and TLS transports against loopback peers."""

from __future__ import annotations

import socket
import ssl
import time

import pytest

from app.sip.errors import SipTransportError, SipUsageError
from app.sip.message import parse_message
from app.sip.transport import TcpTransport, TlsTransport, UdpTransport

OPTIONS = (
    b"OPTIONS sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK1\r\n"
    b"Call-ID: t@x\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"
)


def poll_until(transport, count: int, timeout: float = 5.0):
    received, deadline = [], time.monotonic() + timeout
    while len(received) < count and time.monotonic() < deadline:
        received += transport.poll(deadline - time.monotonic())
    return received


def test_udp_round_trip_and_sent_by():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as peer, UdpTransport("127.0.0.1") as transport:
        peer.bind(("127.0.0.1", 0))
        transport.send(OPTIONS, peer.getsockname())
        data, source = peer.recvfrom(4096)
        assert data == OPTIONS and source == transport.local_address
        assert transport.sent_by(peer.getsockname()) == transport.local_address
        peer.sendto(b"SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n", source)
        [incoming] = poll_until(transport, 1)
        assert (incoming.source, incoming.transport) == (peer.getsockname(), "udp")
        assert parse_message(incoming.data).status == 200


def test_udp_wildcard_bind_advertises_the_outgoing_interface():
    with UdpTransport("0.0.0.0") as transport:
        host, port = transport.sent_by(("127.0.0.1", 5060))
        assert host == "127.0.0.1" and port == transport.local_address[1]


def test_udp_bind_failure_is_explained():
    with (
        UdpTransport("127.0.0.1") as first,
        pytest.raises(SipTransportError, match="cannot bind UDP 127.0.0.1"),
    ):
        UdpTransport("127.0.0.1", first.local_address[1])


def test_tcp_reuses_the_connection_and_frames_split_messages():
    with socket.socket() as listener, TcpTransport("127.0.0.1") as transport:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        destination = listener.getsockname()
        local = transport.sent_by(destination)
        transport.send(OPTIONS, destination)
        transport.send(OPTIONS, destination)
        connection, peer = listener.accept()
        with connection:
            assert peer == local
            received = b""
            while len(received) < 2 * len(OPTIONS):
                received += connection.recv(4096)
            assert received == 2 * OPTIONS  # both requests on the one connection
            reply = b"SIP/2.0 200 OK\r\nContent-Length: 2\r\n\r\nok"
            connection.sendall(reply[:10])
            connection.sendall(reply[10:] + reply)
            frames = poll_until(transport, 2)
        assert [f.data for f in frames] == [reply, reply]


def test_tcp_connection_refused_is_a_transport_error():
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        destination = unused.getsockname()  # bound, not listening: connections are refused
        with TcpTransport("127.0.0.1") as transport, pytest.raises(SipTransportError, match="cannot connect"):
            transport.send(OPTIONS, destination)


def test_tls_round_trip_with_verified_certificate(uas, tls_files):
    server = uas("tls")
    with TlsTransport(tls_files.client_context(), server_hostname="localhost") as transport:
        transport.send(OPTIONS.replace(b"UDP", b"TLS"), server.address)
        [incoming] = poll_until(transport, 1)
    assert incoming.transport == "tls" and parse_message(incoming.data).status == 200
    assert server.requests()[0].method == "OPTIONS"


def test_tls_refuses_an_unknown_certificate(uas):
    server = uas("tls")
    with (
        TlsTransport(ssl.create_default_context(), server_hostname="localhost") as transport,
        pytest.raises(SipTransportError, match="TLS handshake with 127.0.0.1"),
    ):
        transport.send(OPTIONS, server.address)


def test_tls_needs_a_context():
    with pytest.raises(SipUsageError, match="ssl.SSLContext"):
        TlsTransport(None)  # type: ignore[arg-type]
