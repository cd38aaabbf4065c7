"""HTTP digest authentication as SIP uses it (RFC 3261 22, RFC 2617, RFC 7616, RFC 8760).

Supports MD5, MD5-sess, SHA-256 and SHA-256-sess, qop "auth" (preferred), "auth-int", or none
(RFC 2069 style). Pure functions: the cnonce source is injectable so tests are repeatable.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from app.sip.errors import SipParseError, SipUsageError
from app.sip.uri import quote, split_outside_quotes, unquote

_HASHES: dict[str, Callable[[bytes], str]] = {
    "MD5": lambda data: hashlib.md5(data).hexdigest(),
    "SHA-256": lambda data: hashlib.sha256(data).hexdigest(),
}
# Strongest first: when a server offers several challenges we answer the best one (RFC 8760 2.4).
_PREFERENCE = ("SHA-256", "SHA-256-SESS", "MD5", "MD5-SESS")


@dataclass(frozen=True)
class SipCredentials:
    """Digest credentials of a line. The password never appears in repr or logs."""

    username: str
    password: str = field(repr=False)
    realm: str | None = None  # answer only challenges for this realm; None = any realm

    def __post_init__(self) -> None:
        if not self.username:
            raise SipUsageError("SIP credentials need an auth user name; set the line's auth user")


@dataclass(frozen=True)
class DigestChallenge:
    realm: str
    nonce: str
    algorithm: str = "MD5"  # upper case
    qop_options: tuple[str, ...] = ()
    opaque: str | None = None
    stale: bool = False
    proxy: bool = False  # from Proxy-Authenticate (answer in Proxy-Authorization)

    @property
    def supported(self) -> bool:
        return self.algorithm.removesuffix("-SESS") in _HASHES and (
            not self.qop_options or bool({"auth", "auth-int"} & set(self.qop_options))
        )

    @property
    def answer_header(self) -> str:
        return "Proxy-Authorization" if self.proxy else "Authorization"


def parse_challenge(value: str, proxy: bool = False) -> DigestChallenge:
    """Parse one WWW-Authenticate / Proxy-Authenticate value."""
    scheme, _, rest = value.strip().partition(" ")
    if scheme.lower() != "digest":
        raise SipParseError(f"unsupported authentication scheme {scheme!r} (only Digest is supported)")
    params: dict[str, str] = {}
    for item in split_outside_quotes(rest, ","):
        name, sep, raw = item.strip().partition("=")
        if sep:
            params[name.strip().lower()] = unquote(raw)
    if "realm" not in params or "nonce" not in params:
        raise SipParseError(f"digest challenge without realm or nonce: {value!r}")
    qop = tuple(option.strip().lower() for option in params.get("qop", "").split(",") if option.strip())
    return DigestChallenge(
        realm=params["realm"],
        nonce=params["nonce"],
        algorithm=params.get("algorithm", "MD5").upper(),
        qop_options=qop,
        opaque=params.get("opaque"),
        stale=params.get("stale", "").lower() == "true",
        proxy=proxy,
    )


def best_challenge(challenges: Iterable[DigestChallenge]) -> DigestChallenge | None:
    usable = [c for c in challenges if c.supported]
    usable.sort(key=lambda c: _PREFERENCE.index(c.algorithm) if c.algorithm in _PREFERENCE else 99)
    return usable[0] if usable else None


def _random_cnonce() -> str:
    return secrets.token_hex(8)


def digest_response(
    challenge: DigestChallenge,
    credentials: SipCredentials,
    method: str,
    uri: str,
    *,
    body: bytes = b"",
    nonce_count: int = 1,
    cnonce_source: Callable[[], str] = _random_cnonce,
) -> str:
    """Build the Authorization/Proxy-Authorization value answering `challenge`."""
    if not challenge.supported:
        raise SipUsageError(
            f"cannot answer digest challenge with algorithm {challenge.algorithm} and qop "
            f"{','.join(challenge.qop_options) or 'none'}: supported are MD5/SHA-256 with qop auth"
        )
    base_algorithm = challenge.algorithm.removesuffix("-SESS")
    h = _HASHES[base_algorithm]
    qop = "auth" if "auth" in challenge.qop_options else ("auth-int" if challenge.qop_options else None)
    cnonce = cnonce_source() if (qop or challenge.algorithm.endswith("-SESS")) else None
    nc = f"{nonce_count:08x}"

    ha1 = h(f"{credentials.username}:{challenge.realm}:{credentials.password}".encode())
    if challenge.algorithm.endswith("-SESS"):
        ha1 = h(f"{ha1}:{challenge.nonce}:{cnonce}".encode())
    ha2_input = f"{method}:{uri}" + (f":{h(body)}" if qop == "auth-int" else "")
    ha2 = h(ha2_input.encode())
    if qop:
        response = h(f"{ha1}:{challenge.nonce}:{nc}:{cnonce}:{qop}:{ha2}".encode())
    else:
        response = h(f"{ha1}:{challenge.nonce}:{ha2}".encode())

    parts = [
        f"username={quote(credentials.username)}",
        f"realm={quote(challenge.realm)}",
        f"nonce={quote(challenge.nonce)}",
        f"uri={quote(uri)}",
        f"response={quote(response)}",
        f"algorithm={challenge.algorithm}",
    ]
    if cnonce is not None:
        parts.append(f"cnonce={quote(cnonce)}")
    if qop:
        parts += [f"qop={qop}", f"nc={nc}"]
    if challenge.opaque is not None:
        parts.append(f"opaque={quote(challenge.opaque)}")
    return "Digest " + ", ".join(parts)
