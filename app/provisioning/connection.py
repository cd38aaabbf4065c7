"""One client connection of the provisioning server, as an asyncio protocol on the server thread's loop.

Life of a connection: TCP accepted -> admitted by the throttle (per-address and total caps, a reserve for known
addresses) or dropped before any TLS work -> TLS handshake with a deadline (`loop.start_tls`) -> requests read, answered from the current snapshot, events published -> closed on
`Connection: close`, on a refusal, at the idle deadline, or when the server stops.
"""
from __future__ import annotations

import asyncio
import asyncio.sslproto
import logging
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from app.events import Event, utcnow
from app.provisioning.events import (
    ClientThrottled,
    ConfigServed,
    RefusalReason,
    RequestRefused,
    RetiredKeyUsed,
)
from app.provisioning.httpwire import (
    ALLOWED_METHODS,
    BadRequest,
    HttpDate,
    parse_request_head,
    response_head,
)
from app.provisioning.routing import Found, redact_target, resolve
from app.provisioning.snapshot import Snapshot
from app.provisioning.throttle import ClientThrottle

log = logging.getLogger(__name__)

_HEAD_END = b"\r\n\r\n"

# asyncio gives every TLS connection a 256 KiB read buffer (SSLProtocol.max_size), allocated when the handshake
# starts: 1,500 idle connections held ~380 MB, and glibc kept most of it after they closed. Requests here are at
# most max_request_bytes (8 KiB) and a TLS record is at most 16 KiB, so one record per read is plenty.
TLS_READ_BUFFER = 32 * 1024
asyncio.sslproto.SSLProtocol.max_size = TLS_READ_BUFFER  # process-wide: no other asyncio TLS in this program


@dataclass
class ServingContext:
    """What every connection of one server run shares. Used only on the server thread, except `snapshot`."""

    loop: asyncio.AbstractEventLoop
    ssl_context: ssl.SSLContext | None
    handshake_timeout: float
    idle_timeout: float
    max_request_bytes: int
    throttle: ClientThrottle
    publish: Callable[[Event], None]
    current_snapshot: Callable[[], Snapshot]
    connections: set[ProvisioningConnection] = field(default_factory=set)
    http_date: HttpDate = field(default_factory=HttpDate)


def _client_ip(transport: asyncio.BaseTransport) -> str:
    peer = transport.get_extra_info("peername")
    if not peer:
        return "unknown"
    host = str(peer[0])
    return host.removeprefix("::ffff:")  # IPv4 clients of a dual-stack socket


class ProvisioningConnection(asyncio.Protocol):
    def __init__(self, context: ServingContext) -> None:
        self._ctx = context
        self._transport: asyncio.Transport | None = None  # the transport HTTP is spoken on (TLS or plain)
        self._raw: asyncio.Transport | None = None  # the TCP transport, for aborting during the handshake
        self._buffer = bytearray()
        self._closing = False
        self._write_paused = False
        self._handshake: asyncio.Task[None] | None = None
        self._admitted = False  # counted in by the throttle: release exactly once
        self._requested = False  # a complete request arrived (else, at the deadline, a silent connection)
        self._proven = False  # a live key was asked for: the address is known
        self.client_ip = "unknown"
        self.deadline = 0.0  # loop time after which the server's sweeper aborts this connection

    # -- asyncio callbacks -------------------------------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._raw = transport
        self.client_ip = _client_ip(transport)
        refusal = self._ctx.throttle.admit(self.client_ip)
        if refusal is not None:  # no handshake, no answer: costs an accept and a dict look-up
            log.debug("connection from %s dropped: %s", self.client_ip, refusal)
            transport.abort()
            return
        self._admitted = True
        self._ctx.connections.add(self)
        if self._ctx.ssl_context is None:
            self._transport = transport
            self.deadline = self._ctx.loop.time() + self._ctx.idle_timeout
            return
        self.deadline = self._ctx.loop.time() + self._ctx.handshake_timeout
        transport.pause_reading()  # the ClientHello must reach the TLS layer, not data_received
        self._handshake = self._ctx.loop.create_task(self._start_tls(transport))  # kept: the loop holds tasks weakly

    async def _start_tls(self, raw: asyncio.Transport) -> None:
        assert self._ctx.ssl_context is not None
        try:
            tls = await self._ctx.loop.start_tls(
                raw,
                self,
                self._ctx.ssl_context,
                server_side=True,
                # the sweeper cuts at `deadline` first (and counts the silent client); this is only a backstop
                ssl_handshake_timeout=self._ctx.handshake_timeout * 2 + 2,
                ssl_shutdown_timeout=self._ctx.handshake_timeout,
            )
        except Exception as exc:  # noqa: BLE001 - timeouts, resets, old protocols, rejected certificates: routine
            log.debug("TLS handshake with %s failed: %s", self.client_ip, type(exc).__name__)
            raw.abort()
            self._forget()
            return
        if self._closing or tls is None:
            if tls is not None:
                tls.abort()
            self._forget()
            return
        self._transport = tls
        self.deadline = self._ctx.loop.time() + self._ctx.idle_timeout
        if self._buffer:  # TLS may hand over the first request before start_tls returns
            self._process()

    def data_received(self, data: bytes) -> None:
        if self._closing:
            return
        self._buffer += data
        if self._transport is not None and not self._write_paused:
            self._process()

    def eof_received(self) -> bool:
        return False  # close our side too: requests are answered before the client may half-close

    def connection_lost(self, exc: Exception | None) -> None:
        self._closing = True
        self._forget()

    def _forget(self) -> None:
        self._ctx.connections.discard(self)
        if self._admitted:
            self._admitted = False
            self._ctx.throttle.release(self.client_ip)

    def pause_writing(self) -> None:
        # A client that pipelines requests but does not read answers: stop reading until it catches up.
        self._write_paused = True
        if self._transport is not None:
            self._transport.pause_reading()

    def resume_writing(self) -> None:
        self._write_paused = False
        self.deadline = self._ctx.loop.time() + self._ctx.idle_timeout
        if self._transport is not None and not self._closing:
            self._transport.resume_reading()
            self._process()

    # -- called by the server ----------------------------------------------------------------------------------

    def close(self) -> None:
        """Stop serving: let queued answers drain, then close (TLS close_notify included)."""
        self._closing = True
        if self._transport is not None and not self._transport.is_closing():
            self._transport.close()
        elif self._raw is not None and self._transport is None:
            self._raw.abort()  # still in the handshake: nothing to drain

    def stop(self) -> None:
        """The server is stopping: an idle connection is cut at once (no wait for the client's TLS close_notify),
        one with an answer still being sent is closed after it drains."""
        pending = sum(t.get_write_buffer_size() for t in (self._transport, self._raw) if t is not None)
        if pending:
            self.close()
        else:
            self.abort()

    def abort(self) -> None:
        self._closing = True
        for transport in (self._transport, self._raw):
            if transport is not None:
                transport.abort()
        self._forget()

    def expire(self) -> None:
        """The sweeper found the connection past its deadline. One that never sent a complete request (a silent
        client, or one stuck in the handshake) counts as a refusal of its address."""
        if not self._requested and not self._closing:
            self._count_bad(RefusalReason.SILENT, 408, "-")
        self.abort()

    # -- HTTP --------------------------------------------------------------------------------------------------

    def _process(self) -> None:
        while not self._closing and not self._write_paused:
            end = self._buffer.find(_HEAD_END)
            if end < 0:
                if len(self._buffer) > self._ctx.max_request_bytes:
                    self._refuse(RefusalReason.REQUEST_TOO_LARGE, 431, "?", keep_alive=False)
                return
            if end + 4 > self._ctx.max_request_bytes:
                self._refuse(RefusalReason.REQUEST_TOO_LARGE, 431, "?", keep_alive=False)
                return
            head = bytes(self._buffer[:end])
            del self._buffer[: end + 4]
            self._answer(head)

    def _answer(self, head: bytes) -> None:
        self._requested = True
        try:
            request = parse_request_head(head)
        except BadRequest as exc:
            log.debug("bad request from %s: %s", self.client_ip, exc)
            self._refuse(RefusalReason.BAD_REQUEST, 400, "?", keep_alive=False)
            return
        if request.method not in ALLOWED_METHODS:
            self._refuse(RefusalReason.METHOD_NOT_ALLOWED, 405, request.method, keep_alive=False)
            return
        if request.has_body:  # a GET with a body is not something a phone sends; we do not read bodies
            self._refuse(RefusalReason.BAD_REQUEST, 400, request.method, keep_alive=False)
            return
        route = resolve(self._ctx.current_snapshot(), request.target)
        if not isinstance(route, Found):
            if route.reason is RefusalReason.RETIRED_KEY:
                log.warning("retired access key used from %s (device %s)", self.client_ip, route.device_id)
                self._ctx.publish(RetiredKeyUsed(client_ip=self.client_ip, device_id=route.device_id))
            log.debug(
                "refused %s %s from %s: %s",
                request.method,
                redact_target(request.target),
                self.client_ip,
                route.reason,
            )
            # A live key with a file the device does not have (optional files many phones probe for) proves the
            # client knows a secret: answer 404 but keep the connection and do not count it toward throttling.
            known_client = route.reason is RefusalReason.UNKNOWN_FILE
            if known_client:
                self._prove()
            self._refuse(route.reason, 404, request.method, keep_alive=known_client and request.keep_alive,
                         counts_as_bad=not known_client, device_id=route.device_id)
            return
        self._prove()
        served = route.served
        transport = self._transport
        assert transport is not None
        head_bytes = response_head(
            200,
            self._ctx.http_date.now(),
            content_type=served.content_type,
            content_length=len(served.body),
            keep_alive=request.keep_alive,
        )
        if request.method == "GET":
            transport.writelines((head_bytes, served.body))
        else:
            transport.write(head_bytes)
        self._after_response(request.keep_alive)
        self._ctx.publish(
            ConfigServed(
                device_id=route.entry.device_id,
                file_name=route.file_name,
                revision=route.entry.revision,
                client_ip=self.client_ip,
                user_agent=request.user_agent,
                method=request.method,
            )
        )

    def _refuse(
        self,
        reason: RefusalReason,
        status: int,
        method: str,
        *,
        keep_alive: bool,
        counts_as_bad: bool = True,
        device_id: int | None = None,
    ) -> None:
        transport = self._transport
        assert transport is not None
        if counts_as_bad and self._ctx.throttle.is_blocked(self.client_ip):
            # Blocked: a bad request gets no answer and costs nothing more. Valid keys never come here.
            self._ctx.publish(RequestRefused(client_ip=self.client_ip, reason=RefusalReason.BLOCKED,
                                             method=method, status=429, device_id=device_id))
            self.abort()
            return
        allow = ", ".join(ALLOWED_METHODS) if status == 405 else None
        transport.write(response_head(status, self._ctx.http_date.now(), keep_alive=keep_alive, allow=allow))
        self._after_response(keep_alive)
        if counts_as_bad:
            self._count_bad(reason, status, method, device_id)
        else:
            self._ctx.publish(RequestRefused(client_ip=self.client_ip, reason=reason, method=method, status=status))

    def _count_bad(self, reason: RefusalReason, status: int, method: str, device_id: int | None = None) -> None:
        self._ctx.publish(RequestRefused(client_ip=self.client_ip, reason=reason, method=method, status=status,
                                         device_id=device_id))
        blocked_for = self._ctx.throttle.record_bad_request(self.client_ip)
        if blocked_for is not None:
            log.warning("blocking bad requests from %s for %.0f s (its valid keys are still served)",
                        self.client_ip, blocked_for)
            self._ctx.publish(
                ClientThrottled(
                    client_ip=self.client_ip,
                    bad_requests=self._ctx.throttle.bad_requests_limit,
                    until=utcnow() + timedelta(seconds=blocked_for),
                    seconds=blocked_for,
                    reason=str(reason),
                )
            )

    def _prove(self) -> None:
        if not self._proven:
            self._proven = True
            self._ctx.throttle.record_valid(self.client_ip)

    def _after_response(self, keep_alive: bool) -> None:
        if keep_alive:
            self.deadline = self._ctx.loop.time() + self._ctx.idle_timeout
        else:
            self.close()
