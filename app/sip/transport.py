"""Thin client-side SIP transports over sockets: UDP, TCP and TLS (stdlib `ssl`).

A transport only moves bytes: it hands complete messages (one datagram, or one frame cut by
Content-Length on streams) to whoever polls it. Several transports can share one selector so a
single thread can wait on all of them. Only loopback or explicitly given bind addresses are used.
"""

from __future__ import annotations

import logging
import selectors
import socket
import ssl
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Self

from app.sip.errors import SipParseError, SipTransportError, SipUsageError
from app.sip.message import StreamFramer

log = logging.getLogger(__name__)

Address = tuple[str, int]
_WILDCARDS = {"", "0.0.0.0", "::"}
_MAX_DATAGRAM = 65_535


@dataclass(frozen=True)
class Incoming:
    data: bytes
    source: Address
    transport: str  # "udp" | "tcp" | "tls"


def _family(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


class Transport(ABC):
    name: str
    reliable: bool

    def __init__(self, bind_host: str, selector: selectors.BaseSelector | None) -> None:
        self.bind_host = bind_host
        self._own_selector = selector is None
        self.selector = selector if selector is not None else selectors.DefaultSelector()

    @property
    def via_name(self) -> str:
        return self.name.upper()

    @abstractmethod
    def sent_by(self, destination: Address) -> Address:
        """Local address requests to `destination` leave from (for the Via header)."""

    @abstractmethod
    def send(self, data: bytes, destination: Address) -> None: ...

    @abstractmethod
    def close(self) -> None: ...

    def poll(self, timeout: float) -> list[Incoming]:
        """Wait up to `timeout` seconds for messages on this transport's own selector."""
        received: list[Incoming] = []
        for key, _ in self.selector.select(max(timeout, 0)):
            received += key.data()
        return received

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _close_selector(self) -> None:
        if self._own_selector:
            self.selector.close()


class UdpTransport(Transport):
    name = "udp"
    reliable = False

    def __init__(
        self, bind_host: str = "127.0.0.1", port: int = 0, selector: selectors.BaseSelector | None = None
    ) -> None:
        super().__init__(bind_host, selector)
        self._socket = socket.socket(_family(bind_host), socket.SOCK_DGRAM)
        try:
            self._socket.bind((bind_host, port))
        except OSError as exc:
            self._socket.close()
            raise SipTransportError(f"cannot bind UDP {bind_host}:{port}: {exc.strerror or exc}") from None
        self._socket.setblocking(False)
        self.selector.register(self._socket, selectors.EVENT_READ, self._read)

    @property
    def local_address(self) -> Address:
        return self._socket.getsockname()[:2]

    def sent_by(self, destination: Address) -> Address:
        host, port = self.local_address
        if host in _WILDCARDS:
            # Ask the kernel which interface would be used; connecting a UDP socket sends nothing.
            try:
                with socket.socket(_family(destination[0]), socket.SOCK_DGRAM) as probe:
                    probe.connect(destination)
                    host = probe.getsockname()[0]
            except OSError as exc:
                raise SipTransportError(
                    f"no route to {destination[0]}:{destination[1]}: {exc.strerror or exc}"
                ) from None
        return host, port

    def send(self, data: bytes, destination: Address) -> None:
        try:
            self._socket.sendto(data, destination)
        except OSError as exc:
            raise SipTransportError(f"cannot send UDP to {destination[0]}:{destination[1]}: {exc}") from None

    def _read(self) -> list[Incoming]:
        received: list[Incoming] = []
        while True:
            try:
                data, source = self._socket.recvfrom(_MAX_DATAGRAM)
            except (BlockingIOError, InterruptedError):
                return received
            except OSError as exc:  # e.g. ICMP port unreachable reported on Linux
                log.debug("UDP receive error ignored: %s", exc)
                return received
            received.append(Incoming(data, source[:2], self.name))

    def close(self) -> None:
        try:
            self.selector.unregister(self._socket)
        except (KeyError, ValueError):
            pass
        self._socket.close()
        self._close_selector()


class _Connection:
    def __init__(self, sock: socket.socket, peer: Address) -> None:
        self.sock = sock
        self.peer = peer
        self.framer = StreamFramer()


class TcpTransport(Transport):
    """Opens one connection per destination on first use and keeps it for later requests."""

    name = "tcp"
    reliable = True

    def __init__(
        self,
        bind_host: str = "127.0.0.1",
        connect_timeout: float = 5.0,
        selector: selectors.BaseSelector | None = None,
    ) -> None:
        super().__init__(bind_host, selector)
        self.connect_timeout = connect_timeout
        self._connections: dict[Address, _Connection] = {}

    def sent_by(self, destination: Address) -> Address:
        return self._connection(destination).sock.getsockname()[:2]

    def send(self, data: bytes, destination: Address) -> None:
        connection = self._connection(destination)
        try:
            connection.sock.sendall(data)
        except OSError as exc:
            self._drop(connection)
            raise SipTransportError(
                f"cannot send over {self.via_name} to {destination[0]}:{destination[1]}: {exc}"
            ) from None

    def _connection(self, destination: Address) -> _Connection:
        existing = self._connections.get(destination)
        if existing is not None:
            return existing
        source = None if self.bind_host in _WILDCARDS else (self.bind_host, 0)
        try:
            sock = socket.create_connection(destination, timeout=self.connect_timeout, source_address=source)
        except OSError as exc:
            raise SipTransportError(
                f"cannot connect over {self.via_name} to {destination[0]}:{destination[1]}: "
                f"{exc.strerror or exc}"
            ) from None
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            sock = self._secure(sock, destination)
        except BaseException:
            sock.close()
            raise
        connection = _Connection(sock, destination)
        self._connections[destination] = connection
        self.selector.register(sock, selectors.EVENT_READ, lambda: self._read(connection))
        return connection

    def _secure(self, sock: socket.socket, destination: Address) -> socket.socket:
        return sock

    def _receive_chunks(self, sock: socket.socket) -> list[bytes]:
        return [sock.recv(_MAX_DATAGRAM)]

    def _read(self, connection: _Connection) -> list[Incoming]:
        try:
            chunks = self._receive_chunks(connection.sock)
        except (BlockingIOError, InterruptedError, ssl.SSLWantReadError):
            return []
        except OSError as exc:
            log.debug("%s connection to %s closed: %s", self.via_name, connection.peer, exc)
            self._drop(connection)
            return []
        received: list[Incoming] = []
        for chunk in chunks:
            if not chunk:  # orderly close by the peer
                self._drop(connection)
                break
            try:
                frames = connection.framer.feed(chunk)
            except SipParseError as exc:
                log.warning("dropping %s connection to %s: %s", self.via_name, connection.peer, exc)
                self._drop(connection)
                break
            received += [Incoming(frame, connection.peer, self.name) for frame in frames]
        return received

    def _drop(self, connection: _Connection) -> None:
        if self._connections.get(connection.peer) is connection:
            del self._connections[connection.peer]
        try:
            self.selector.unregister(connection.sock)
        except (KeyError, ValueError):
            pass
        connection.sock.close()

    def close(self) -> None:
        for connection in list(self._connections.values()):
            self._drop(connection)
        self._close_selector()


class TlsTransport(TcpTransport):
    """TCP plus TLS from the given client context (certificate checks are the context's business)."""

    name = "tls"

    def __init__(
        self,
        context: ssl.SSLContext,
        bind_host: str = "127.0.0.1",
        connect_timeout: float = 5.0,
        server_hostname: str | None = None,
        selector: selectors.BaseSelector | None = None,
    ) -> None:
        if not isinstance(context, ssl.SSLContext):
            raise SipUsageError("TLS transport needs an ssl.SSLContext (e.g. ssl.create_default_context())")
        super().__init__(bind_host, connect_timeout, selector)
        self.context = context
        self.server_hostname = server_hostname

    def _secure(self, sock: socket.socket, destination: Address) -> socket.socket:
        hostname = self.server_hostname or destination[0]
        try:
            # The handshake runs under the connect timeout set by create_connection.
            return self.context.wrap_socket(sock, server_hostname=hostname)
        except (ssl.SSLError, OSError) as exc:
            raise SipTransportError(
                f"TLS handshake with {destination[0]}:{destination[1]} failed: {exc}"
            ) from None

    def _receive_chunks(self, sock: socket.socket) -> list[bytes]:
        # Records already decrypted inside the SSL object do not wake the selector: drain them too.
        chunks = [sock.recv(_MAX_DATAGRAM)]
        assert isinstance(sock, ssl.SSLSocket)
        while chunks[-1] and sock.pending():
            chunks.append(sock.recv(sock.pending()))
        return chunks
