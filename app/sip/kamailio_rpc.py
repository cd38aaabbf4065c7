"""Reading a Kamailio registrar's location table over its JSON-RPC HTTP interface (jsonrpcs + xhttp).

An alternative to asking the registrar with a REGISTER query: it also reports each binding's
User-Agent and source address, but needs the RPC port to be reachable from the console.
Formats as observed with Kamailio 5.6.3 (`ul.lookup`, `ul.dump`; see shared/reference/lab-sip.md).
"""

from __future__ import annotations

import logging
from typing import Any, Self

import requests

from app.sip.errors import PeerUnreachable, SipError, SipParseError
from app.sip.registration import RegisteredContact
from app.sip.uri import SipUri

log = logging.getLogger(__name__)

_NOT_SET = "[not set]"


class KamailioRpcError(SipError):
    """The RPC answered with an error or something that is not JSON-RPC."""


class KamailioRpc:
    def __init__(
        self,
        url: str,
        *,
        session: requests.Session | None = None,
        timeout: float = 5.0,
        use_domain: bool = False,
    ) -> None:
        """`use_domain` must match usrloc's modparam: with it, AoRs are "user@domain", else "user"."""
        if not url.startswith(("http://", "https://")):
            raise ValueError(f"Kamailio RPC URL must start with http:// or https://, got {url!r}")
        self.url = url
        self.timeout = timeout
        self.use_domain = use_domain
        self._owns_session = session is None
        self._session = session or requests.Session()
        self._next_id = 1

    def close(self) -> None:
        if self._owns_session:
            self._session.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def call(self, method: str, *params: Any) -> Any:
        body: dict[str, Any] = {"jsonrpc": "2.0", "method": method, "id": self._next_id}
        self._next_id += 1
        if params:
            body["params"] = list(params)
        try:
            reply = self._session.post(self.url, json=body, timeout=self.timeout)
        except requests.RequestException as exc:
            raise PeerUnreachable(f"Kamailio RPC at {self.url} is not reachable: {exc}") from None
        try:
            data = reply.json()
        except ValueError:
            raise KamailioRpcError(
                f"Kamailio RPC at {self.url} answered HTTP {reply.status_code} without JSON; "
                "is jsonrpcs loaded and routed from event_route[xhttp:request]?"
            ) from None
        if "error" in data:
            error = data["error"] or {}
            raise KamailioRpcError(f"{method} failed: {error.get('code')} {error.get('message')}")
        return data.get("result")

    def aor(self, user: str, domain: str) -> str:
        return f"{user}@{domain}" if self.use_domain else user

    def lookup(self, aor: str, table: str = "location") -> list[RegisteredContact]:
        """Current bindings of one AoR (see `aor()`); an unknown AoR has none."""
        try:
            result = self.call("ul.lookup", table, aor)
        except KamailioRpcError as exc:
            # "AOR not found in location table" means nothing is registered. The code was 404 in the lab
            # notes and 500 in the test run (both Kamailio 5.6.3), so the message decides.
            if "not found" in str(exc).lower():
                return []
            raise
        return _sip_bindings((result or {}).get("Contacts", []))

    def dump(self) -> dict[str, list[RegisteredContact]]:
        """Every AoR of every usrloc domain with its bindings."""
        result = self.call("ul.dump") or {}
        bindings: dict[str, list[RegisteredContact]] = {}
        for domain in result.get("Domains", []):
            for record in domain.get("Domain", {}).get("AoRs", []):
                info = record.get("Info", {})
                bindings.setdefault(info.get("AoR", ""), []).extend(_sip_bindings(info.get("Contacts", [])))
        return bindings


def _value(raw: Any) -> str | None:
    return None if raw in (None, "", _NOT_SET) else str(raw)


def _sip_bindings(entries: list[dict[str, Any]]) -> list[RegisteredContact]:
    """The bindings with a sip:/sips: address; a tel: (or other) one is skipped so the others are still read."""
    bindings = []
    for entry in entries:
        binding = _contact(entry)
        try:
            SipUri.parse(binding.contact)
        except SipParseError:
            scheme = binding.contact.partition(":")[0][:10]
            log.debug("skipping a binding that is not a sip:/sips: address (scheme %r)", scheme)
            continue
        bindings.append(binding)
    return bindings


def _contact(entry: dict[str, Any]) -> RegisteredContact:
    contact = entry.get("Contact", entry)
    address = _value(contact.get("Address"))
    if address is None:
        raise KamailioRpcError(f"ul contact without Address: {contact!r}")
    expires = contact.get("Expires")
    return RegisteredContact(
        contact=address,
        expires=int(expires) if isinstance(expires, int) else None,  # seconds remaining
        received=_value(contact.get("Received")),
        user_agent=_value(contact.get("User-Agent")),
    )
