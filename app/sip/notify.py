"""Out-of-dialog NOTIFY telling a device to re-read its configuration or to reboot.

Vendors expect `Event: check-sync` (variants `;reboot=true|false`), `resync` or `reboot`, with
`Subscription-State: terminated` since no subscription exists (see shared/reference/vendors/).
Some devices challenge the NOTIFY (Snom `challenge_checksync`, Grandstream P4428): we answer a
401/407 with the line's credentials. Which event a device type needs comes from the catalog.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.sip.client import Outgoing, SipClient
from app.sip.digest import SipCredentials
from app.sip.errors import SipTransportError, SipUsageError
from app.sip.transport import Address
from app.sip.uri import NameAddress, SipUri


@dataclass(frozen=True)
class NotifyResult:
    status: int  # final status; 408 when nobody answered (as RFC 3261 8.1.3.1 reports a timeout)
    reason: str
    timed_out: bool = False
    authenticated: bool = False  # we answered a challenge
    auth_rejected: bool = False  # our credentials were refused (a second challenge)
    user_agent: str | None = None  # Server/User-Agent of the answer
    rtt_ms: float | None = None
    error: str | None = None  # transport failure (connection refused, TLS handshake...)

    @property
    def accepted(self) -> bool:
        return 200 <= self.status < 300


def send_notify(
    client: SipClient,
    target: SipUri | str,
    event: str,
    credentials: SipCredentials | None,
    *,
    transport: str | None = None,
    destination: Address | None = None,
    from_address: NameAddress | None = None,
    extra_headers: tuple[tuple[str, str], ...] = (),
) -> NotifyResult:
    """Send one NOTIFY to a device contact and return its final answer.

    `target` is the device's Contact URI (from the registration state); `destination` overrides
    where the packet goes (e.g. the registrar's "received" address behind NAT).
    """
    uri = SipUri.parse(target) if isinstance(target, str) else target
    if not event or any(c in event for c in "\r\n"):
        raise SipUsageError(f"invalid NOTIFY event {event!r}: use the catalog value, e.g. 'check-sync'")
    transport_name = (transport or uri.transport).lower()
    next_hop = destination or uri.destination()
    try:
        local_host, local_port = client.transport(transport_name).sent_by(next_hop)
    except SipTransportError as exc:
        return NotifyResult(503, "Service Unavailable (not sent)", error=str(exc))
    sender = from_address or NameAddress(SipUri(host=local_host, user="provisioning"))
    # A Contact is required by some phones even out of dialog (Twinkle answers 400 without it).
    contact = NameAddress(
        SipUri(
            host=local_host,
            port=local_port,
            user=sender.uri.user,
            params={} if transport_name == "udp" else {"transport": transport_name},
        )
    )
    result = client.send(
        Outgoing(
            "NOTIFY",
            uri,
            from_address=sender,
            to_address=NameAddress(uri.without_params()),
            destination=next_hop,
            transport=transport_name,
            headers=(("Event", event), ("Subscription-State", "terminated"), *extra_headers),
            contact=contact,
            credentials=credentials,
        )
    )
    if result.error is not None:
        return NotifyResult(
            503, "Service Unavailable (not sent)", authenticated=result.authenticated, error=result.error
        )
    if result.response is None:
        return NotifyResult(
            408, "Request Timeout (no answer)", timed_out=True, authenticated=result.authenticated
        )
    response = result.response
    return NotifyResult(
        status=response.status,
        reason=response.reason,
        authenticated=result.authenticated,
        auth_rejected=result.auth_rejected,
        user_agent=response.user_agent,
        rtt_ms=result.rtt_ms,
    )
