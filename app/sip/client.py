"""A blocking SIP user-agent client: runs out-of-dialog requests through transactions and transports.

One `SipClient` belongs to one thread. `run()` sends many requests at once (a sliding window of
at most `max_outstanding`), answers digest challenges once per request, and returns when every
request has a final response or timed out. The clock is injected; the waiting is done in
`selector.select()` so no time is spent sleeping.
"""

from __future__ import annotations

import logging
import selectors
import ssl
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Self

from app.sip.builder import (
    add_authorization,
    build_request,
    new_branch,
    new_call_id,
    new_tag,
    next_attempt,
    via_value,
)
from app.sip.digest import SipCredentials, best_challenge, parse_challenge
from app.sip.errors import SipError, SipParseError, SipTransportError, SipUsageError
from app.sip.message import SipRequest, SipResponse, parse_message
from app.sip.transaction import ClientTransaction, DeadlineQueue, TimerSettings, TransactionTable
from app.sip.transport import Address, Incoming, TcpTransport, TlsTransport, Transport, UdpTransport
from app.sip.uri import NameAddress, SipUri

log = logging.getLogger(__name__)

DEFAULT_USER_AGENT = "VoIP-Device-Console/0.1"
DEFAULT_TIMERS = TimerSettings()  # RFC 3261 values: T1 0.5 s, T2 4 s, give up after 32 s
Clock = Callable[[], float]
_SEND_BATCH = 32  # requests started before the client reads answers again
_WARNED_SOURCES_MAX = 256  # peers whose unparsable messages were logged at warning level once


@dataclass(frozen=True)
class Outgoing:
    """One out-of-dialog request to send. Via, tags, Call-ID and CSeq are filled in by the client."""

    method: str
    uri: SipUri
    from_address: NameAddress
    to_address: NameAddress
    destination: Address | None = None  # None: taken from the URI (host, port or default port)
    transport: str | None = None  # None: taken from the URI (transport= parameter, sips -> tls)
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    contact: NameAddress | None = None
    credentials: SipCredentials | None = None


@dataclass(frozen=True)
class ExchangeResult:
    request: SipRequest | None  # the last request sent (None if it could not be sent at all)
    response: SipResponse | None  # final response; None on timeout or transport error
    rtt_ms: float | None  # first transmission of the last attempt -> its final response
    authenticated: bool = False  # a digest challenge was answered
    auth_rejected: bool = False  # the answer to a challenge was challenged again (wrong password)
    error: str | None = None  # transport failure (connection refused, TLS handshake)

    @property
    def timed_out(self) -> bool:
        return self.response is None and self.error is None


class _Pending:
    def __init__(self, index: int, outgoing: Outgoing, transport: Transport, destination: Address) -> None:
        self.index = index
        self.outgoing = outgoing
        self.transport = transport
        self.destination = destination
        self.transaction: ClientTransaction | None = None
        self.challenges_answered = 0
        self.nonce_counts: dict[str, int] = {}


class SipClient:
    def __init__(
        self,
        *,
        bind_host: str = "127.0.0.1",
        udp_port: int = 0,
        tls_context: ssl.SSLContext | None = None,
        tls_server_hostname: str | None = None,
        timers: TimerSettings = DEFAULT_TIMERS,
        clock: Clock = time.monotonic,
        user_agent: str = DEFAULT_USER_AGENT,
        connect_timeout: float = 5.0,
    ) -> None:
        self.bind_host = bind_host
        self.timers = timers
        self.clock = clock
        self.user_agent = user_agent
        self._udp_port = udp_port
        self._tls_context = tls_context
        self._tls_server_hostname = tls_server_hostname
        self._connect_timeout = connect_timeout
        self._selector = selectors.DefaultSelector()
        self._transports: dict[str, Transport] = {}
        self._table = TransactionTable()
        self._deadlines = DeadlineQueue()
        self._owners: dict[ClientTransaction, _Pending] = {}  # transactions of the current run()
        self._warned_sources: set[Address] = set()

    def transport(self, name: str) -> Transport:
        """The client's transport of that kind, opened on first use."""
        name = name.lower()
        if name not in self._transports:
            if name == "udp":
                self._transports[name] = UdpTransport(self.bind_host, self._udp_port, self._selector)
            elif name == "tcp":
                self._transports[name] = TcpTransport(self.bind_host, self._connect_timeout, self._selector)
            elif name == "tls":
                if self._tls_context is None:
                    raise SipUsageError("TLS requested but the SIP client has no tls_context; pass one")
                self._transports[name] = TlsTransport(
                    self._tls_context,
                    self.bind_host,
                    self._connect_timeout,
                    self._tls_server_hostname,
                    self._selector,
                )
            else:
                raise SipUsageError(f"unknown SIP transport {name!r}: use udp, tcp or tls")
        return self._transports[name]

    def close(self) -> None:
        for transport in self._transports.values():
            transport.close()
        self._transports.clear()
        self._selector.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def send(self, outgoing: Outgoing) -> ExchangeResult:
        return self.run([outgoing])[0]

    def run(
        self,
        outgoings: Sequence[Outgoing],
        max_outstanding: int = 32,
        cancelled: Callable[[], bool] | None = None,
        give_up_after: float | None = None,
    ) -> list[ExchangeResult]:
        """Send all requests (at most `max_outstanding` at a time); results in the order given.

        `cancelled` is checked at least every 0.2 s; once it returns True the unfinished requests
        end with error "cancelled" (used by the monitor so stop() does not wait for Timer F).
        `give_up_after` shortens Timer B/F for these requests (never lengthens it): a reachability
        probe need not wait the RFC's 32 s for a peer that is gone.
        """
        if max_outstanding < 1:
            raise SipUsageError("max_outstanding must be at least 1")
        if give_up_after is not None and give_up_after <= 0:
            raise SipUsageError("give_up_after must be a positive number of seconds")
        timers = self.timers
        if give_up_after is not None and give_up_after < timers.give_up_after:
            timers = replace(timers, timeout=give_up_after)
        results: list[ExchangeResult | None] = [None] * len(outgoings)
        next_index = 0
        active: dict[int, _Pending] = {}
        self._owners = {}
        while next_index < len(outgoings) or active:
            if cancelled is not None and cancelled():
                for index in range(next_index, len(outgoings)):
                    results[index] = ExchangeResult(None, None, None, error="cancelled")
                for index, pending in active.items():
                    request = pending.transaction.request if pending.transaction else None
                    results[index] = ExchangeResult(request, None, None, error="cancelled")
                break
            # Start a batch at most, then read what came back: a long burst of sends would let answers
            # pile up in the socket's receive buffer until it drops some.
            batch_end = min(len(outgoings), next_index + _SEND_BATCH)
            while next_index < batch_end and len(active) < max_outstanding:
                pending, failure = self._start(next_index, outgoings[next_index], timers)
                if pending is None:
                    results[next_index] = failure
                else:
                    active[next_index] = pending
                next_index += 1
            if not active:
                continue
            more_to_send = next_index < len(outgoings) and len(active) < max_outstanding
            max_wait = 0.0 if more_to_send else (0.2 if cancelled is not None else self.timers.t2)
            for pending in self._wait_and_dispatch(max_wait):
                if pending.index not in active:
                    continue  # a late answer to an exchange already settled
                result = self._settle(pending, timers)
                if result is not None:
                    results[pending.index] = result
                    del active[pending.index]
                    self._disown(pending)
        self._forget(active)  # transactions left over after a cancel
        self._owners = {}
        return [r for r in results if r is not None]

    def _forget(self, active: dict[int, _Pending]) -> None:
        for pending in active.values():
            if pending.transaction is not None:
                pending.transaction.abort()
                self._table.remove(pending.transaction)
                self._deadlines.schedule(pending.transaction)

    def _disown(self, pending: _Pending) -> None:
        if pending.transaction is not None:
            self._owners.pop(pending.transaction, None)

    # -- internals ---------------------------------------------------------------------------------

    def _start(
        self, index: int, outgoing: Outgoing, timers: TimerSettings
    ) -> tuple[_Pending | None, ExchangeResult | None]:
        transport_name = (outgoing.transport or outgoing.uri.transport).lower()
        destination = outgoing.destination or outgoing.uri.destination()
        try:
            transport = self.transport(transport_name)
            host, port = transport.sent_by(destination)
            request = build_request(
                outgoing.method,
                outgoing.uri,
                via=via_value(transport.via_name, host, port, new_branch()),
                from_address=outgoing.from_address.with_params(tag=new_tag()),
                to_address=outgoing.to_address,
                call_id=new_call_id(host),
                cseq=1,
                contact=outgoing.contact,
                user_agent=self.user_agent,
                extra_headers=outgoing.headers,
                body=outgoing.body,
            )
        except SipTransportError as exc:
            return None, ExchangeResult(None, None, None, error=str(exc))
        pending = _Pending(index, outgoing, transport, destination)
        error = self._transmit(pending, request, timers)
        if error is not None:
            return None, ExchangeResult(request, None, None, error=error)
        return pending, None

    def _transmit(self, pending: _Pending, request: SipRequest, timers: TimerSettings) -> str | None:
        if pending.transaction is not None:  # an authenticated retry replaces the challenged attempt
            self._owners.pop(pending.transaction, None)
        transaction = ClientTransaction(
            request, reliable=pending.transport.reliable, timers=timers, now=self.clock()
        )
        pending.transaction = transaction
        try:
            pending.transport.send(transaction.first_transmission(), pending.destination)
        except SipTransportError as exc:
            transaction.abort()
            return str(exc)
        self._table.add(transaction)
        self._deadlines.schedule(transaction)
        self._owners[transaction] = pending
        return None

    def _wait_and_dispatch(self, max_wait: float) -> set[_Pending]:
        """Wait for answers or the nearest timer; returns the exchanges of this run() that moved."""
        deadline = self._deadlines.next_deadline()
        now = self.clock()
        timeout = max_wait if deadline is None else min(max(0.0, deadline - now), max_wait)
        moved: list[ClientTransaction] = []
        # Wake up for the nearest timer (retransmission, give-up) or a cancel check, whichever is first.
        for key, _ in self._selector.select(timeout):
            for incoming in key.data():
                transaction = self._on_incoming(incoming)
                if transaction is not None:
                    moved.append(transaction)
        now = self.clock()
        for transaction in self._deadlines.pop_due(now):
            pending = self._owners.get(transaction)
            for data in transaction.on_timer(now):
                if pending is not None:
                    self._resend(pending, data)
            moved.append(transaction)
        touched: set[_Pending] = set()
        for transaction in moved:
            self._deadlines.schedule(transaction)
            if transaction.terminated:
                self._table.remove(transaction)
            pending = self._owners.get(transaction)
            if pending is not None:
                touched.add(pending)
        return touched

    def _resend(self, pending: _Pending, data: bytes) -> None:
        try:
            pending.transport.send(data, pending.destination)
        except SipTransportError as exc:
            log.debug("retransmission failed: %s", exc)

    def _on_incoming(self, incoming: Incoming) -> ClientTransaction | None:
        """Feed a response to its transaction; returns that transaction (None if the message was ignored)."""
        try:
            message = parse_message(incoming.data)
        except SipParseError as exc:
            self._drop_unparsable(incoming, exc)
            return None
        if not isinstance(message, SipResponse):
            # We are a client only; requests reaching our socket (e.g. a phone's OPTIONS) are ignored.
            log.debug("ignoring %s request from %s:%s", message.method, *incoming.source)
            return None
        try:
            transaction = self._table.match(message)
        except SipParseError as exc:
            self._drop_unparsable(incoming, exc)
            return None
        if transaction is None:
            log.debug("ignoring response %s that matches no transaction", message.status)
            return None
        for data in transaction.on_response(message, self.clock()):
            try:
                self._transports[incoming.transport].send(data, incoming.source)
            except SipTransportError as exc:
                log.debug("sending ACK failed: %s", exc)
        return transaction

    def _drop_unparsable(self, incoming: Incoming, exc: SipParseError) -> None:
        """One bad message costs only itself: dropped and logged on one line, at warning level the first time
        a peer sends one and at debug level after that (a flood must not flood the log). The line holds the
        parser's complaint, cut to 200 characters; our own secrets never travel in a response."""
        source = incoming.source
        level = logging.DEBUG
        if source not in self._warned_sources and len(self._warned_sources) < _WARNED_SOURCES_MAX:
            self._warned_sources.add(source)
            level = logging.WARNING
        log.log(level, "dropping an unparsable SIP message from %s:%s: %s", *source, str(exc)[:200])

    def _settle(self, pending: _Pending, timers: TimerSettings) -> ExchangeResult | None:
        """Result of a finished exchange, a new authenticated attempt, or None while waiting."""
        transaction = pending.transaction
        assert transaction is not None
        if transaction.timed_out or (transaction.terminated and transaction.final_response is None):
            return ExchangeResult(
                transaction.request, None, None, authenticated=pending.challenges_answered > 0
            )
        response = transaction.final_response
        if response is None:
            return None
        rtt_ms = (transaction.final_at - transaction.started_at) * 1000 if transaction.final_at else None
        if response.status in (401, 407) and pending.outgoing.credentials is not None:
            retry = self._answer_challenge(pending, response)
            if retry is not None:
                error = self._transmit(pending, retry, timers)
                if error is None:
                    return None
                return ExchangeResult(retry, None, None, authenticated=True, error=error)
            return ExchangeResult(
                transaction.request,
                response,
                rtt_ms,
                authenticated=pending.challenges_answered > 0,
                auth_rejected=pending.challenges_answered > 0,
            )
        return ExchangeResult(
            transaction.request, response, rtt_ms, authenticated=pending.challenges_answered > 0
        )

    def _answer_challenge(self, pending: _Pending, response: SipResponse) -> SipRequest | None:
        proxy = response.status == 407
        header = "Proxy-Authenticate" if proxy else "WWW-Authenticate"
        challenges = []
        for value in response.headers.get_all(header):
            try:
                challenges.append(parse_challenge(value, proxy=proxy))
            except SipError as exc:
                log.debug("skipping unusable challenge: %s", exc)
        credentials = pending.outgoing.credentials
        assert credentials is not None
        if credentials.realm is not None:
            challenges = [c for c in challenges if c.realm == credentials.realm]
        challenge = best_challenge(challenges)
        if challenge is None:
            return None
        # One answer per request; a second challenge only gets an answer if it says our nonce was stale.
        if pending.challenges_answered >= 1 and not challenge.stale:
            return None
        if pending.challenges_answered >= 3:
            return None
        pending.challenges_answered += 1
        count = pending.nonce_counts.get(challenge.nonce, 0) + 1
        pending.nonce_counts[challenge.nonce] = count
        previous = pending.transaction.request if pending.transaction else None
        assert previous is not None
        host, port = pending.transport.sent_by(pending.destination)
        retry = next_attempt(previous, via_value(pending.transport.via_name, host, port, new_branch()))
        return add_authorization(retry, challenge, credentials, nonce_count=count)
