"""A small SIP server on loopback (UDP, TCP or TLS) answering with a handler the test supplies,
and a self-signed certificate for TLS tests. It runs in its own named thread, stopped after the test."""

from __future__ import annotations

import datetime
import ipaddress
import selectors
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from app.sip.message import Headers, SipRequest, SipResponse, StreamFramer, parse_message

Handler = Callable[[SipRequest], list[SipResponse]]


def answer(request: SipRequest, status: int, reason: str, *extra: tuple[str, str]) -> SipResponse:
    headers = Headers([("Via", v) for v in request.headers.get_all("Via")])
    headers.add("From", request.headers.get("From") or "")
    headers.add("To", (request.headers.get("To") or "") + ";tag=uas1")
    headers.add("Call-ID", request.call_id)
    headers.add("CSeq", str(request.cseq))
    for name, value in extra:
        headers.add(name, value)
    return SipResponse(status, reason, headers)


def ok_with_server(request: SipRequest) -> list[SipResponse]:
    return [answer(request, 200, "OK", ("Server", "loopback-uas/1.0"))]


@dataclass
class TlsFiles:
    cert: Path
    key: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert, self.key)
        return context

    def client_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.cert))


@pytest.fixture(scope="session")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> TlsFiles:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    directory = tmp_path_factory.mktemp("tls")
    files = TlsFiles(directory / "cert.pem", directory / "key.pem")
    files.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    files.key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return files


class LoopbackUas:
    """Answers every request with `handler(request)`; records what it received (with arrival times)."""

    def __init__(self, transport: str, handler: Handler, tls_context: ssl.SSLContext | None = None) -> None:
        self.transport = transport
        self.handler = handler
        self.received: list[tuple[float, SipRequest]] = []
        self._tls_context = tls_context
        self._selector = selectors.DefaultSelector()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        kind = socket.SOCK_DGRAM if transport == "udp" else socket.SOCK_STREAM
        self._socket = socket.socket(socket.AF_INET, kind)
        self._socket.bind(("127.0.0.1", 0))
        if transport != "udp":
            self._socket.listen(16)
        self.port = self._socket.getsockname()[1]
        self._selector.register(self._socket, selectors.EVENT_READ, self._on_listen)
        self._thread = threading.Thread(target=self._run, name=f"loopback-uas-{transport}", daemon=True)

    @property
    def address(self) -> tuple[str, int]:
        return "127.0.0.1", self.port

    def requests(self) -> list[SipRequest]:
        with self._lock:
            return [r for _, r in self.received]

    def start(self) -> LoopbackUas:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()

    def join(self, timeout: float) -> None:
        self._thread.join(timeout)
        assert not self._thread.is_alive(), "loopback UAS thread did not stop"

    def _run(self) -> None:
        import time

        try:
            while not self._stop.is_set():
                for key, _ in self._selector.select(0.05):
                    key.data(key.fileobj, time.monotonic)
        finally:
            for key in list(self._selector.get_map().values()):
                key.fileobj.close()
            self._selector.close()

    def _handle(self, data: bytes, now: float, reply: Callable[[bytes], None]) -> None:
        message = parse_message(data)
        if not isinstance(message, SipRequest):
            return
        with self._lock:
            self.received.append((now, message))
        for response in self.handler(message):
            reply(response.to_bytes())

    def _on_listen(self, sock: socket.socket, clock: Callable[[], float]) -> None:
        if self.transport == "udp":
            data, source = sock.recvfrom(65535)
            self._handle(data, clock(), lambda out: sock.sendto(out, source))
            return
        connection, _ = sock.accept()
        if self._tls_context is not None:
            connection.settimeout(5)
            try:
                connection = self._tls_context.wrap_socket(connection, server_side=True)
            except (ssl.SSLError, OSError):  # e.g. the client refused our certificate
                connection.close()
                return
        framer = StreamFramer()
        self._selector.register(
            connection, selectors.EVENT_READ, lambda conn, clk: self._on_stream(conn, clk, framer)
        )

    def _on_stream(self, connection: socket.socket, clock: Callable[[], float], framer: StreamFramer) -> None:
        try:
            chunk = connection.recv(65535)
        except (ssl.SSLWantReadError, BlockingIOError):
            return
        if not chunk:
            self._selector.unregister(connection)
            connection.close()
            return
        for frame in framer.feed(chunk):
            self._handle(frame, clock(), connection.sendall)


@pytest.fixture
def uas(tls_files: TlsFiles) -> Iterator[Callable[..., LoopbackUas]]:
    started: list[LoopbackUas] = []

    def start(transport: str = "udp", handler: Handler = ok_with_server) -> LoopbackUas:
        context = tls_files.server_context() if transport == "tls" else None
        server = LoopbackUas(transport, handler, context).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
    for server in started:
        server.join(5)


@pytest.fixture
def answer_to() -> Callable[..., SipResponse]:
    """`answer_to(request, status, reason, *(name, value))`: a response matching the request.

    A fixture rather than an import: test directories here are not packages, so a `from conftest
    import` would pick whichever conftest was imported first.
    """
    return answer
