"""The embedded provisioning server: an asyncio loop on one thread ("provisioning-server").

Why asyncio and not `http.server.ThreadingHTTPServer`: see docs/decisions/0002-provisioning-server-design.md.
Other threads call `start()`, `stop()`, `join()`, `swap()` and `restart()`; everything else runs on the loop.
"""
from __future__ import annotations

import asyncio
import errno
import logging
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from app.events import EventBus
from app.provisioning.certificates import CertificateInfo
from app.provisioning.connection import ProvisioningConnection, ServingContext
from app.provisioning.events import ServerStateChanged
from app.provisioning.snapshot import Snapshot
from app.provisioning.throttle import ClientThrottle, ThrottleSettings
from app.provisioning.tls import TLS_VERSIONS, build_server_context

log = logging.getLogger(__name__)

THREAD_NAME = "provisioning-server"
_WILDCARDS = ("0.0.0.0", "::", "")
PLAIN_HTTP_WARNING = (
    "Plain HTTP is on: configurations, with SIP and device passwords, travel unencrypted and can be read by "
    "anyone on the network path. Turn TLS back on unless the devices cannot use HTTPS."
)


class ServerStartError(RuntimeError):
    """The server could not start; str() is a message for the administrator saying what to do."""


class PortInUseError(ServerStartError):
    def __init__(self, address: str, port: int) -> None:
        self.address = address
        self.port = port
        super().__init__(
            f"The provisioning server cannot listen on {address}:{port} because another program already uses port "
            f"{port}. Stop that program (or another running copy of this console), or choose a different port "
            "in the provisioning settings."
        )


@dataclass(frozen=True)
class ServerSettings:
    bind_address: str = "0.0.0.0"
    port: int = 8448
    tls: bool = True  # plain HTTP sends SIP passwords in clear text: only as an explicit, warned opt-in
    min_tls: str = "1.2"  # "1.0"/"1.1" only for old devices, by explicit setting
    session_tickets: bool = False  # TLS 1.3 resumption: measured to cost this server more than it saves (ADR 0002)
    handshake_timeout: float = 10.0
    idle_timeout: float = 15.0  # a request must arrive completely within this long of the previous answer
    max_request_bytes: int = 8192  # request line + headers
    max_connections: int = 4096  # open connections in all (both loops) ...
    reserved_connections: int = 512  # ... of which these only for addresses known from valid fetches
    per_address_connections: int = 64  # open connections of one address ...
    known_address_connections: int = 256  # ... of a known one (a NATed office with many phones)
    blocked_address_connections: int = 4  # ... of a blocked address that is not known
    known_address_seconds: float = 86_400.0  # an address is known this long after it fetched a valid key
    backlog: int = 1024  # socketserver's 5 overflowed with 50 clients in the lab; a storm needs far more
    throttle_after: int = 10  # bad requests from one address ...
    throttle_window: float = 60.0  # ... within this many seconds ...
    throttle_block_seconds: float = 300.0  # ... block its bad requests (not its valid keys) this long
    advertised_host: str | None = None  # host name or address put into `url` (devices need a reachable one)
    stop_grace: float = 2.0  # how long stop() lets answers in flight drain before cutting connections
    loop_threads: int = 2  # event loops sharing the socket: TLS crypto releases the GIL, so 2 use both cores

    def __post_init__(self) -> None:
        problems = []
        if not 0 <= self.port <= 65535:
            problems.append(f"port {self.port} is outside 0-65535")
        if self.min_tls not in TLS_VERSIONS:
            problems.append(f"minimum TLS version {self.min_tls!r} is not one of {', '.join(TLS_VERSIONS)}")
        for name in ("handshake_timeout", "idle_timeout", "stop_grace", "throttle_window", "throttle_block_seconds",
                     "known_address_seconds"):
            if getattr(self, name) <= 0:
                problems.append(f"{name} must be positive")
        if self.max_request_bytes < 1024:
            problems.append("max_request_bytes must be at least 1024 (devices send long User-Agent headers)")
        if min(self.max_connections, self.backlog, self.throttle_after, self.loop_threads, self.per_address_connections,
               self.known_address_connections, self.blocked_address_connections) < 1:
            problems.append("max_connections, backlog, throttle_after, loop_threads and the per-address connection "
                            "limits must be at least 1")
        if not 0 <= self.reserved_connections < self.max_connections:
            problems.append("reserved_connections must be at least 0 and below max_connections")
        if problems:
            raise ValueError("invalid provisioning server settings: " + "; ".join(problems))

    @property
    def throttle(self) -> ThrottleSettings:
        return ThrottleSettings(
            self.throttle_after, self.throttle_window, self.throttle_block_seconds,
            max_connections=self.max_connections, reserve=self.reserved_connections,
            per_address=self.per_address_connections, per_known_address=self.known_address_connections,
            blocked_per_address=self.blocked_address_connections, known_seconds=self.known_address_seconds)


@dataclass
class _Worker:
    """One event loop thread. Several share the listening socket (each holds a duplicate descriptor)."""

    loop: asyncio.AbstractEventLoop
    stop_event: asyncio.Event
    thread: threading.Thread | None = None


class ProvisioningServer:
    def __init__(
        self,
        settings: ServerSettings,
        cert_info: CertificateInfo | None,
        bus: EventBus,
        snapshot: Snapshot,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._settings = settings
        self._cert_info = cert_info
        self._bus = bus
        self._snapshot = snapshot
        self._clock = clock
        self._throttle = ClientThrottle(settings.throttle, clock=clock)
        self._lock = threading.Lock()  # guards start/stop/restart against each other
        self._workers: list[_Worker] = []
        self._workers_left = 0
        self._lock_workers = threading.Lock()
        self._errors: list[str] = []
        self._port = 0

    # -- public API (any thread) -----------------------------------------------------------------------------

    @property
    def settings(self) -> ServerSettings:
        return self._settings

    @property
    def running(self) -> bool:
        return any(w.thread is not None and w.thread.is_alive() for w in self._workers)

    @property
    def throttle(self) -> ClientThrottle:
        """Connection counts and blocks per address (shared by the loops)."""
        return self._throttle

    @property
    def port(self) -> int:
        """The bound port (the real one when settings.port is 0); 0 before the first start."""
        return self._port

    @property
    def url(self) -> str:
        scheme = "https" if self._settings.tls else "http"
        host = self._settings.advertised_host or self._settings.bind_address
        if host in _WILDCARDS:
            host = "::1" if host == "::" else "127.0.0.1"
        if ":" in host:
            host = f"[{host}]"
        return f"{scheme}://{host}:{self._port or self._settings.port}"

    def swap(self, snapshot: Snapshot) -> None:
        """Serve `snapshot` from the next request on (a single reference assignment: atomic)."""
        if not isinstance(snapshot, Snapshot):
            raise TypeError(f"swap() needs a Snapshot, got {type(snapshot).__name__}")
        self._snapshot = snapshot

    def start(self) -> None:
        """Bind, then serve on new threads. Raises ServerStartError (PortInUseError) with a readable message."""
        with self._lock:
            if self.running:
                raise ServerStartError("the provisioning server is already running; stop it first or use restart()")
            settings = self._settings
            try:
                ssl_context = self._tls_context()
                sock = _listening_socket(settings.bind_address, settings.port, settings.backlog)
            except ServerStartError as exc:
                self._bus.publish(ServerStateChanged(running=False, url=self.url, error=str(exc)))
                raise
            self._port = sock.getsockname()[1]
            _raise_open_file_limit(settings.max_connections + 64)
            warning = None
            if not settings.tls:
                warning = PLAIN_HTTP_WARNING
                log.warning("provisioning over plain HTTP at %s: %s", self.url, warning)
            sockets = [sock] + [sock.dup() for _ in range(settings.loop_threads - 1)]
            self._workers = [_Worker(asyncio.new_event_loop(), asyncio.Event()) for _ in sockets]
            self._workers_left = len(sockets)
            self._errors = []
            readies = []
            for index, (worker, worker_sock) in enumerate(zip(self._workers, sockets)):
                ready = threading.Event()
                readies.append(ready)
                worker.thread = threading.Thread(
                    target=self._run,
                    args=(worker, worker_sock, ssl_context, ready),
                    name=THREAD_NAME if index == 0 else f"{THREAD_NAME}-{index + 1}",
                    daemon=True,
                )
                worker.thread.start()
            for ready in readies:
                ready.wait(10.0)
            log.info("provisioning server listening at %s", self.url)
            self._bus.publish(ServerStateChanged(running=True, url=self.url, error=None, warning=warning))

    def stop(self) -> None:
        """Ask the server to stop: stop listening, close keep-alive connections, end the threads. See join()."""
        for worker in self._workers:
            try:
                worker.loop.call_soon_threadsafe(worker.stop_event.set)
            except RuntimeError:
                pass  # that loop has already closed: nothing left to stop

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the server threads to end; True if they have (or never ran)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        for worker in self._workers:
            if worker.thread is not None:
                worker.thread.join(None if deadline is None else max(0.0, deadline - time.monotonic()))
        return not self.running

    def restart(
        self,
        settings: ServerSettings | None = None,
        cert_info: CertificateInfo | None = None,
        *,
        timeout: float = 10.0,
    ) -> None:
        """Stop, apply changed settings and/or certificate, start again (raises like start())."""
        self.stop()
        if not self.join(timeout):
            raise ServerStartError("the provisioning server did not stop in time; try again or restart the console")
        if settings is not None:
            if settings.throttle != self._settings.throttle:
                self._throttle = ClientThrottle(settings.throttle, clock=self._clock)
            self._settings = settings
        if cert_info is not None:
            self._cert_info = cert_info
        self.start()

    # -- server threads --------------------------------------------------------------------------------------

    def _tls_context(self) -> ssl.SSLContext | None:
        if not self._settings.tls:
            return None
        if self._cert_info is None:
            raise ServerStartError("TLS is on but no certificate was given; create or import one first")
        try:
            return build_server_context(self._cert_info, self._settings.min_tls, self._settings.session_tickets)
        except Exception as exc:  # TlsSetupError and anything OpenSSL says: the message is for the user
            raise ServerStartError(str(exc)) from exc

    def _run(
        self, worker: _Worker, sock: socket.socket, ssl_context: ssl.SSLContext | None, ready: threading.Event
    ) -> None:
        loop = worker.loop
        asyncio.set_event_loop(loop)
        loop.set_exception_handler(_quiet_exception_handler)
        try:
            loop.run_until_complete(self._serve(worker, sock, ssl_context, ready))
        except Exception as exc:  # the server must report, not vanish silently
            log.exception("provisioning server failed")
            self._errors.append(f"the provisioning server stopped after an error: {exc}")
            for other in self._workers:  # one failed loop takes the others down: no half-running server
                if other is not worker:
                    try:
                        other.loop.call_soon_threadsafe(other.stop_event.set)
                    except RuntimeError:
                        pass
        finally:
            ready.set()
            _close_loop(loop)
            sock.close()
            with self._lock_workers:
                self._workers_left -= 1
                last = self._workers_left == 0
            if last:
                error = self._errors[0] if self._errors else None
                self._bus.publish(ServerStateChanged(running=False, url=self.url, error=error))

    async def _serve(
        self, worker: _Worker, sock: socket.socket, ssl_context: ssl.SSLContext | None, ready: threading.Event
    ) -> None:
        loop = worker.loop
        settings = self._settings
        context = ServingContext(
            loop=loop,
            ssl_context=ssl_context,
            handshake_timeout=settings.handshake_timeout,
            idle_timeout=settings.idle_timeout,
            max_request_bytes=settings.max_request_bytes,
            throttle=self._throttle,
            publish=self._bus.publish,
            current_snapshot=lambda: self._snapshot,
        )
        # TLS is started per connection (connection.py), so connections over a cap are dropped before any
        # handshake work and connections still in their handshake can be closed on stop.
        server = await loop.create_server(
            lambda: ProvisioningConnection(context), sock=sock, backlog=settings.backlog
        )
        ready.set()
        sweep_every = min(1.0, settings.idle_timeout / 4, settings.handshake_timeout / 4)
        while not worker.stop_event.is_set():
            try:
                await asyncio.wait_for(worker.stop_event.wait(), timeout=sweep_every)
            except TimeoutError:
                _abort_overdue(context, loop.time())
        server.close()
        for connection in list(context.connections):
            connection.stop()
        deadline = loop.time() + settings.stop_grace
        while context.connections and loop.time() < deadline:
            await asyncio.sleep(0.02)
        for connection in list(context.connections):
            connection.abort()
        await server.wait_closed()


def _abort_overdue(context: ServingContext, now: float) -> None:
    """Silent, slow and idle clients lose their connection at their deadline, so they cannot pile up; one that
    never sent a complete request counts as a refusal of its address."""
    for connection in [c for c in context.connections if c.deadline < now]:
        connection.expire()


def _listening_socket(address: str, port: int, backlog: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # rebinding after a restart (TIME_WAIT)
        if family == socket.AF_INET6 and address == "::":
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)  # serve IPv4 devices too
        sock.bind((address or "0.0.0.0", port))
        sock.listen(backlog)
        sock.setblocking(False)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise PortInUseError(address, port) from exc
        if exc.errno == errno.EACCES:
            raise ServerStartError(
                f"The provisioning server may not listen on port {port} of {address}: ports below 1024 need "
                "administrator rights. Choose a port above 1024, such as 8448."
            ) from exc
        if exc.errno == errno.EADDRNOTAVAIL:
            raise ServerStartError(
                f"{address} is not an address of this computer. Choose 0.0.0.0 (all addresses) or one of its "
                "own addresses in the provisioning settings."
            ) from exc
        raise ServerStartError(f"The provisioning server cannot listen on {address}:{port}: {exc.strerror}") from exc
    return sock


def _raise_open_file_limit(needed: int) -> None:
    """Each connection is a file descriptor; Linux' default soft limit (1024) is below a 1,000-device storm."""
    try:
        import resource
    except ImportError:  # not on Windows
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < needed:
        target = needed if hard == resource.RLIM_INFINITY else min(needed, hard)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        except (ValueError, OSError):
            log.warning("could not raise the open-file limit to %d; very large storms may be refused", needed)


def _quiet_exception_handler(loop: asyncio.AbstractEventLoop, context: dict) -> None:
    # Clients that reset connections or reject the certificate are routine, not tracebacks.
    exc = context.get("exception")
    if isinstance(exc, (ssl.SSLError, ConnectionError, TimeoutError)):
        log.debug("connection ended: %s", exc)
        return
    loop.default_exception_handler(context)


def _close_loop(loop: asyncio.AbstractEventLoop) -> None:
    pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
    for task in pending:
        task.cancel()
    if pending:
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    loop.run_until_complete(loop.shutdown_asyncgens())
    loop.close()
