"""Building out-of-dialog requests, their authenticated retries and ACKs (RFC 3261 8.1.1, 17.1.1.3, 22.2)."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import replace

from app.sip.digest import DigestChallenge, SipCredentials, digest_response
from app.sip.message import Headers, SipRequest, SipResponse
from app.sip.uri import NameAddress, SipUri, format_host_port

BRANCH_MAGIC = "z9hG4bK"  # RFC 3261 8.1.1.7: marks branches that are unique per transaction


def new_branch() -> str:
    return BRANCH_MAGIC + secrets.token_hex(10)


def new_tag() -> str:
    return secrets.token_hex(6)


def new_call_id(host: str) -> str:
    return f"{secrets.token_hex(12)}@{host}"


def via_value(transport: str, host: str, port: int, branch: str) -> str:
    # rport (RFC 3581) makes the peer answer to the address the request came from.
    return f"SIP/2.0/{transport.upper()} {format_host_port(host, port)};branch={branch};rport"


def build_request(
    method: str,
    uri: SipUri,
    *,
    via: str,
    from_address: NameAddress,
    to_address: NameAddress,
    call_id: str,
    cseq: int,
    contact: NameAddress | None = None,
    user_agent: str | None = None,
    extra_headers: Iterable[tuple[str, str]] = (),
    body: bytes = b"",
    max_forwards: int = 70,
) -> SipRequest:
    method = method.upper()
    headers = Headers(
        [
            ("Via", via),
            ("Max-Forwards", str(max_forwards)),
            ("From", str(from_address)),
            ("To", str(to_address)),
            ("Call-ID", call_id),
            ("CSeq", f"{cseq} {method}"),
        ]
    )
    if contact is not None:
        headers.add("Contact", str(contact))
    if user_agent:
        headers.add("User-Agent", user_agent)
    for name, value in extra_headers:
        headers.add(name, value)
    return SipRequest(method, uri, headers, body)


def next_attempt(request: SipRequest, via: str) -> SipRequest:
    """Same request as a new transaction: new Via branch, CSeq + 1 (RFC 3261 8.1.3.5, 22.2)."""
    headers = request.headers.copy()
    headers.set("Via", via)
    cseq = request.cseq
    headers.set("CSeq", f"{cseq.number + 1} {cseq.method}")
    return replace(request, headers=headers)


def add_authorization(
    request: SipRequest,
    challenge: DigestChallenge,
    credentials: SipCredentials,
    nonce_count: int = 1,
) -> SipRequest:
    headers = request.headers.copy()
    headers.set(
        challenge.answer_header,
        digest_response(
            challenge,
            credentials,
            request.method,
            str(request.uri),
            body=request.body,
            nonce_count=nonce_count,
        ),
    )
    return replace(request, headers=headers)


def build_ack(invite: SipRequest, response: SipResponse) -> SipRequest:
    """ACK for a non-2xx final response to INVITE, sent by the client transaction (RFC 3261 17.1.1.3)."""
    headers = Headers(
        [
            ("Via", invite.headers.get_all("Via")[0]),
            ("Max-Forwards", "70"),
            ("From", invite.headers.get("From") or ""),
            ("To", response.headers.get("To") or ""),
            ("Call-ID", invite.call_id),
            ("CSeq", f"{invite.cseq.number} ACK"),
        ]
    )
    for route in invite.headers.get_all("Route"):
        headers.add("Route", route)
    return SipRequest("ACK", invite.uri, headers)
