"""SIP URIs and name-addr values (RFC 3261 19.1 and 20.10), parsed without any I/O.

Only what the console needs: sip/sips URIs with user, host (IPv4, IPv6 in brackets or a
name), port, URI parameters and headers, plus the `"Name" <uri>;param=value` form used by
From, To and Contact.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from app.sip.errors import SipParseError
from app.sip.syntax import parse_number

DEFAULT_PORTS = {"udp": 5060, "tcp": 5060, "tls": 5061}


def split_outside_quotes(text: str, separator: str) -> list[str]:
    """Split on `separator` except inside double quotes or <...> (both can hold it legally)."""
    parts: list[str] = []
    current: list[str] = []
    in_quotes = False
    angle_depth = 0
    escaped = False
    for char in text:
        if escaped:
            current.append(char)
            escaped = False
            continue
        if char == "\\" and in_quotes:
            current.append(char)
            escaped = True
            continue
        if char == '"':
            in_quotes = not in_quotes
        elif not in_quotes and char == "<":
            angle_depth += 1
        elif not in_quotes and char == ">" and angle_depth:
            angle_depth -= 1
        if char == separator and not in_quotes and not angle_depth:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def parse_params(text: str) -> dict[str, str | None]:
    """Parse `;a=1;b;c="x y"` (leading semicolon optional) into a dict with lower-case names."""
    params: dict[str, str | None] = {}
    for raw in split_outside_quotes(text, ";"):
        raw = raw.strip()
        if not raw:
            continue
        name, sep, value = raw.partition("=")
        params[name.strip().lower()] = value.strip() if sep else None
    return params


def format_params(params: dict[str, str | None]) -> str:
    return "".join(f";{name}" if value is None else f";{name}={value}" for name, value in params.items())


def find_outside_quotes(text: str, char: str) -> int:
    """Index of the first `char` outside a quoted string (backslash escapes honoured), or -1."""
    in_quotes = escaped = False
    for index, current in enumerate(text):
        if escaped:
            escaped = False
        elif in_quotes and current == "\\":
            escaped = True
        elif current == '"':
            in_quotes = not in_quotes
        elif current == char and not in_quotes:
            return index
    return -1


def unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        inner = value[1:-1]
        result: list[str] = []
        escaped = False
        for char in inner:
            if escaped:
                result.append(char)
                escaped = False
            elif char == "\\":
                escaped = True
            else:
                result.append(char)
        return "".join(result)
    return value


def quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def split_host_port(text: str) -> tuple[str, int | None]:
    """`host`, `host:port`, `[v6]` or `[v6]:port` -> (host without brackets, port or None)."""
    text = text.strip()
    if text.startswith("["):
        end = text.find("]")
        if end < 0:
            raise SipParseError(f"IPv6 address without closing bracket: {text!r}")
        host, rest = text[1:end], text[end + 1 :]
        if not rest:
            return host, None
        if not rest.startswith(":"):
            raise SipParseError(f"unexpected text after IPv6 address: {text!r}")
        return host, _parse_port(rest[1:], text)
    host, sep, port = text.partition(":")
    if not host:
        raise SipParseError(f"missing host in {text!r}")
    return host, _parse_port(port, text) if sep else None


def _parse_port(port: str, whole: str) -> int:
    return parse_number(port, f"port in {whole!r}", low=1, high=65535)


def format_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def format_host_port(host: str, port: int | None) -> str:
    return format_host(host) if port is None else f"{format_host(host)}:{port}"


@dataclass(frozen=True)
class SipUri:
    host: str
    user: str | None = None
    port: int | None = None
    scheme: str = "sip"
    params: dict[str, str | None] = field(default_factory=dict, hash=False)
    headers: str = ""

    @classmethod
    def parse(cls, text: str) -> SipUri:
        text = text.strip()
        scheme, sep, rest = text.partition(":")
        scheme = scheme.lower()
        if not sep or scheme not in ("sip", "sips"):
            raise SipParseError(f"not a sip: or sips: URI: {text!r}")
        rest, _, headers = rest.partition("?")
        user: str | None = None
        if "@" in rest:
            userinfo, _, rest = rest.rpartition("@")
            user = userinfo.partition(":")[0]  # a password in a URI is deprecated; never keep it
        hostport, _, params = rest.partition(";")
        host, port = split_host_port(hostport)
        return cls(
            host=host, user=user, port=port, scheme=scheme, params=parse_params(params), headers=headers
        )

    @property
    def transport(self) -> str:
        """Transport the URI asks for (lower case); sips implies TLS."""
        if self.scheme == "sips":
            return "tls"
        value = self.params.get("transport")
        return value.lower() if value else "udp"

    def destination(self) -> tuple[str, int]:
        """Where to send a request for this URI when no DNS SRV/NAPTR lookup is done (RFC 3263 simplified)."""
        return self.host, self.port or DEFAULT_PORTS.get(self.transport, 5060)

    def with_params(self, **params: str | None) -> SipUri:
        return replace(self, params={**self.params, **params})

    def without_params(self) -> SipUri:
        return replace(self, params={}, headers="")

    def __str__(self) -> str:
        user = f"{self.user}@" if self.user else ""
        headers = f"?{self.headers}" if self.headers else ""
        host = format_host_port(self.host, self.port)
        return f"{self.scheme}:{user}{host}{format_params(self.params)}{headers}"


@dataclass(frozen=True)
class NameAddress:
    """A From/To/Contact value: optional display name, URI, header parameters (tag, expires, ...)."""

    uri: SipUri
    display_name: str | None = None
    params: dict[str, str | None] = field(default_factory=dict, hash=False)

    @classmethod
    def parse(cls, text: str) -> NameAddress:
        text = text.strip()
        opening = find_outside_quotes(text, "<")  # a quoted display name may hold "<" (RFC 3261 25.1)
        if opening >= 0:
            head, rest = text[:opening], text[opening + 1 :]
            uri_text, closed, params = rest.partition(">")
            if not closed:
                raise SipParseError(f"'<' without '>' in {text!r}")
            display = unquote(head) or None
            return cls(uri=SipUri.parse(uri_text), display_name=display, params=parse_params(params))
        # addr-spec form: parameters after the URI belong to the header, not the URI (RFC 3261 20.10)
        uri_text, _, params = text.partition(";")
        return cls(uri=SipUri.parse(uri_text), params=parse_params(params))

    @property
    def tag(self) -> str | None:
        return self.params.get("tag")

    def with_params(self, **params: str | None) -> NameAddress:
        return replace(self, params={**self.params, **params})

    def __str__(self) -> str:
        display = f"{quote(self.display_name)} " if self.display_name else ""
        return f"{display}<{self.uri}>{format_params(self.params)}"
