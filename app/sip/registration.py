"""Registration state of a telephone line: which devices are registered, what they are, are they alive.

1. Ask the registrar for the line's bindings: a REGISTER without Contact, authenticated with the
   line's credentials, lists them in the 200 OK (RFC 3261 10.2.3). Alternatively the caller reads
   them from Kamailio's RPC (`KamailioRpc.lookup`) and passes them in.
2. Send OPTIONS to every contact (concurrently) to learn its User-Agent/Server and round-trip time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.sip.client import Outgoing, SipClient
from app.sip.digest import SipCredentials
from app.sip.errors import (
    AuthenticationFailed,
    PeerUnreachable,
    SipParseError,
    SipUsageError,
    UnexpectedResponse,
)
from app.sip.syntax import optional_number
from app.sip.uri import DEFAULT_PORTS, NameAddress, SipUri, unquote
from app.sip.useragent import Matcher, user_agent_matches

if TYPE_CHECKING:
    from app.sip.kamailio_rpc import KamailioRpc


@dataclass(frozen=True)
class LineAccount:
    """SIP registration data of a telephone line."""

    user: str  # user part of the AoR (usually the number)
    auth_user: str
    password: str = field(repr=False)

    @property
    def credentials(self) -> SipCredentials:
        return SipCredentials(self.auth_user or self.user, self.password)


@dataclass(frozen=True)
class RegistrarAccess:
    """Where a vPBX's lines register: registrar host, port, transport, SIP domain, outbound proxy."""

    host: str
    port: int | None = None
    transport: str = "udp"  # udp | tcp | tls
    domain: str | None = None  # AoR domain; None = host
    outbound_proxy: tuple[str, int] | None = None  # send requests here instead of the registrar

    def __post_init__(self) -> None:
        if self.transport.lower() not in DEFAULT_PORTS:
            raise SipUsageError(f"unknown registrar transport {self.transport!r}: use udp, tcp or tls")

    @property
    def sip_domain(self) -> str:
        return self.domain or self.host

    @property
    def destination(self) -> tuple[str, int]:
        if self.outbound_proxy:
            return self.outbound_proxy
        return self.host, self.port or DEFAULT_PORTS[self.transport.lower()]

    def describe(self) -> str:
        host, port = self.destination
        return f"{host}:{port} ({self.transport.upper()})"


@dataclass(frozen=True)
class RegisteredContact:
    """One binding as the registrar reports it."""

    contact: str  # the Contact URI as registered
    expires: int | None  # seconds remaining
    received: str | None = None  # source address the registrar saw (NAT), as a SIP URI
    user_agent: str | None = None  # only known from the Kamailio RPC


@dataclass(frozen=True)
class BindingState:
    contact: str
    ip: str  # where the OPTIONS went (the registrar's "received" address if it reported one)
    port: int
    expires: int | None
    reachable: bool | None  # None: not probed (WebSocket contacts cannot be reached from here)
    user_agent: str | None  # from the OPTIONS answer, else what the registrar stored
    rtt_ms: float | None
    options_status: int | None = None  # status code of the OPTIONS answer

    def matches(self, matchers: Iterable[Matcher]) -> bool:
        """Whether this binding's User-Agent belongs to a device type (regexes/predicates/catalog types)."""
        return user_agent_matches(self.user_agent, matchers)


def _aor(line: LineAccount, registrar: RegistrarAccess) -> NameAddress:
    if not line.user:
        raise SipUsageError("the line has no SIP user; set it before asking for its registration state")
    return NameAddress(SipUri(host=registrar.sip_domain, user=line.user))


def query_bindings(
    client: SipClient, line: LineAccount, registrar: RegistrarAccess
) -> list[RegisteredContact]:
    """Ask the registrar for the line's current bindings (REGISTER without Contact)."""
    aor = _aor(line, registrar)
    request_uri = SipUri(host=registrar.sip_domain, port=registrar.port)
    if registrar.transport.lower() != "udp":
        request_uri = request_uri.with_params(transport=registrar.transport.lower())
    result = client.send(
        Outgoing(
            "REGISTER",
            request_uri,
            from_address=aor,
            to_address=aor,
            destination=registrar.destination,
            transport=registrar.transport,
            credentials=line.credentials,
        )
    )
    where = registrar.describe()
    if result.error is not None:
        raise PeerUnreachable(f"registrar {where} is unreachable: {result.error}")
    if result.response is None:
        raise PeerUnreachable(
            f"registrar {where} did not answer within {client.timers.give_up_after:g} s; "
            "check host, port and transport of the vPBX"
        )
    response = result.response
    if response.status == 403 or result.auth_rejected:
        raise AuthenticationFailed(
            f"registrar {where} refused the credentials of line {line.user} "
            f"({response.status} {response.reason}): check auth user and password",
            response.status,
        )
    if response.status in (401, 407):
        raise UnexpectedResponse(
            f"registrar {where} asked for an authentication we cannot answer "
            f"({response.status} {response.reason}); only Digest MD5/SHA-256 is supported",
            response.status,
            response.reason,
        )
    if not 200 <= response.status < 300:
        raise UnexpectedResponse(
            f"registrar {where} answered the registration query with {response.status} {response.reason}",
            response.status,
            response.reason,
        )
    default_expires = response.headers.get("Expires")
    contacts = []
    for contact in response.contacts:
        expires = contact.params.get("expires") or default_expires
        received = contact.params.get("received")
        contacts.append(
            RegisteredContact(
                contact=str(contact.uri),
                expires=optional_number(expires),
                received=unquote(received) if received else None,
            )
        )
    return contacts


def _probe_target(binding: RegisteredContact) -> tuple[SipUri, tuple[str, int], str] | None:
    uri = SipUri.parse(binding.contact)
    next_hop = uri
    if binding.received:
        try:
            next_hop = SipUri.parse(binding.received)
        except SipParseError:
            pass
    if next_hop.transport not in DEFAULT_PORTS:  # ws/wss: only the registrar holds that connection
        return None
    return uri, next_hop.destination(), next_hop.transport


def probe_contacts(
    client: SipClient,
    bindings: Sequence[RegisteredContact],
    *,
    from_address: NameAddress,
    max_outstanding: int = 16,
) -> list[BindingState]:
    """OPTIONS to every binding at once; any answer (even 4xx) means the device is alive."""
    targets = [_probe_target(binding) for binding in bindings]
    outgoings = [
        Outgoing(
            "OPTIONS",
            uri,
            from_address=from_address,
            to_address=NameAddress(uri.without_params()),
            destination=destination,
            transport=transport,
            headers=(("Accept", "application/sdp"),),
        )
        for target in targets
        if target is not None
        for uri, destination, transport in [target]
    ]
    results = iter(client.run(outgoings, max_outstanding=max_outstanding))
    states = []
    for binding, target in zip(bindings, targets, strict=True):
        if target is None:
            uri = SipUri.parse(binding.contact)
            states.append(
                BindingState(
                    binding.contact,
                    uri.host,
                    uri.destination()[1],
                    binding.expires,
                    None,
                    binding.user_agent,
                    None,
                )
            )
            continue
        _, (host, port), _ = target
        result = next(results)
        response = result.response
        states.append(
            BindingState(
                contact=binding.contact,
                ip=host,
                port=port,
                expires=binding.expires,
                reachable=response is not None,
                user_agent=(response.user_agent if response is not None else None) or binding.user_agent,
                rtt_ms=round(result.rtt_ms, 3) if result.rtt_ms is not None else None,
                options_status=response.status if response is not None else None,
            )
        )
    return states


def registration_state(
    client: SipClient,
    line: LineAccount,
    registrar: RegistrarAccess,
    *,
    kamailio_rpc: KamailioRpc | None = None,
    from_address: NameAddress | None = None,
) -> list[BindingState]:
    """Bindings of the line with each device's User-Agent and reachability.

    With `kamailio_rpc` the bindings come from Kamailio's location table instead of a REGISTER query
    (no line password needed for that step). Raises AuthenticationFailed / PeerUnreachable /
    UnexpectedResponse for the registrar query; unreachable devices are reported, not raised.
    """
    if kamailio_rpc is not None:
        bindings = kamailio_rpc.lookup(kamailio_rpc.aor(line.user, registrar.sip_domain))
    else:
        bindings = query_bindings(client, line, registrar)
    sender = from_address or NameAddress(SipUri(host=registrar.sip_domain, user=line.user))
    return probe_contacts(client, bindings, from_address=sender)
