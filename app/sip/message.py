"""SIP requests and responses as values: parse from bytes, serialize to bytes (RFC 3261 section 7).

Parsing accepts what real peers send and the grammar allows: compact header names (`v:`, `i:`,
`m:` ...), folded header lines, repeated headers and comma-joined lists, bare LF line ends, linear
white space inside Via and CSeq, Latin-1 bytes in a header line of an older phone. What the grammar
does not allow (non-ASCII digits, a header name that is not a token, ...) raises SipParseError and
nothing else, so a caller can drop one bad datagram and go on. Serializing always writes canonical
long names, CRLF and a correct Content-Length.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from app.sip.errors import SipParseError
from app.sip.syntax import is_token, parse_number
from app.sip.uri import NameAddress, SipUri, parse_params, split_host_port, split_outside_quotes

log = logging.getLogger(__name__)

SIP_VERSION = "SIP/2.0"
MAX_MESSAGE_BYTES = 65_535  # larger messages are refused: nothing we talk to needs more

COMPACT_FORMS = {
    "a": "Accept-Contact",
    "b": "Referred-By",
    "c": "Content-Type",
    "d": "Request-Disposition",
    "e": "Content-Encoding",
    "f": "From",
    "i": "Call-ID",
    "j": "Reject-Contact",
    "k": "Supported",
    "l": "Content-Length",
    "m": "Contact",
    "n": "Identity-Info",
    "o": "Event",
    "r": "Refer-To",
    "s": "Subject",
    "t": "To",
    "u": "Allow-Events",
    "v": "Via",
    "x": "Session-Expires",
    "y": "Identity",
}
_CANONICAL = {name.lower(): name for name in COMPACT_FORMS.values()} | {
    name.lower(): name
    for name in (
        "Call-ID",
        "CSeq",
        "WWW-Authenticate",
        "Proxy-Authenticate",
        "Authorization",
        "Proxy-Authorization",
        "Max-Forwards",
        "User-Agent",
        "Server",
        "Expires",
        "Record-Route",
        "Route",
        "Allow",
        "Accept",
        "Subscription-State",
        "Min-Expires",
        "Retry-After",
        "Date",
        "Authentication-Info",
        "Warning",
        "Timestamp",
        "Path",
        "Unsupported",
        "Require",
    )
}
# Headers whose values are comma-separated lists (RFC 3261 7.3.1); others (e.g. WWW-Authenticate)
# contain commas inside one value and must never be split.
LIST_HEADERS = frozenset(
    [
        "via",
        "contact",
        "route",
        "record-route",
        "allow",
        "supported",
        "require",
        "unsupported",
        "accept",
        "allow-events",
        "path",
        "accept-encoding",
        "accept-language",
        "proxy-require",
    ]
)


def canonical_name(name: str) -> str:
    name = name.strip()
    lowered = name.lower()
    if lowered in COMPACT_FORMS:
        return COMPACT_FORMS[lowered]
    return _CANONICAL.get(lowered, "-".join(part.capitalize() for part in name.split("-")))


class Headers:
    """Ordered, case-insensitive, multi-valued header list. Names are stored canonical."""

    def __init__(self, items: Iterable[tuple[str, str]] = ()) -> None:
        self._items: list[tuple[str, str]] = [(canonical_name(n), v.strip()) for n, v in items]

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.get(name) is not None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Headers) and self._items == other._items

    def __repr__(self) -> str:
        return f"Headers({self._items!r})"

    def copy(self) -> Headers:
        return Headers(self._items)

    def get(self, name: str, default: str | None = None) -> str | None:
        wanted = canonical_name(name)
        for item_name, value in self._items:
            if item_name == wanted:
                return value
        return default

    def get_all(self, name: str) -> list[str]:
        """All values of `name` in order; list headers are split on commas outside quotes/brackets."""
        wanted = canonical_name(name)
        values = [value for item_name, value in self._items if item_name == wanted]
        if wanted.lower() not in LIST_HEADERS:
            return values
        return [part.strip() for value in values for part in split_outside_quotes(value, ",") if part.strip()]

    def add(self, name: str, value: str) -> None:
        self._items.append((canonical_name(name), str(value).strip()))

    def set(self, name: str, value: str) -> None:
        """Replace every value of `name` by one value, keeping the position of the first."""
        wanted = canonical_name(name)
        position = next((i for i, (n, _) in enumerate(self._items) if n == wanted), len(self._items))
        self.remove(wanted)
        self._items.insert(position, (wanted, str(value).strip()))

    def remove(self, name: str) -> None:
        wanted = canonical_name(name)
        self._items = [(n, v) for n, v in self._items if n != wanted]


# via-parm = sent-protocol LWS sent-by *(SEMI via-params), with SWS around "/" and ":" (RFC 3261 25.1)
_VIA = re.compile(
    r"(?P<name>[^ \t/]+)[ \t]*/[ \t]*(?P<version>[^ \t/]+)[ \t]*/[ \t]*(?P<transport>[^ \t/;]+)"
    r"[ \t]+(?P<host>\[[^\]]*\]|[^ \t:;\[\]]+)(?:[ \t]*:[ \t]*(?P<port>[^ \t;]*))?[ \t]*(?P<params>;.*)?",
    re.DOTALL,
)
_CSEQ = re.compile(r"(?P<number>[^ \t]+)[ \t]+(?P<method>[^ \t]+)")
_STATUS_LINE = re.compile(r"SIP/2\.0 (?P<code>[^ ]*)(?: (?P<reason>.*))?", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Via:
    transport: str  # upper case as on the wire: UDP, TCP, TLS, WS
    host: str
    port: int | None
    params: dict[str, str | None] = field(default_factory=dict, hash=False)

    @classmethod
    def parse(cls, text: str) -> Via:
        match = _VIA.fullmatch(text.strip(" \t"))
        if (
            match is None
            or match["name"].upper() != "SIP"
            or match["version"] != "2.0"
            or not is_token(match["transport"])
        ):
            raise SipParseError(f"malformed Via header: {text!r}")
        host, _ = split_host_port(match["host"])
        port = None if match["port"] is None else parse_number(match["port"], "port in Via", low=1, high=65535)
        return cls(match["transport"].upper(), host, port, parse_params(match["params"] or ""))

    @property
    def branch(self) -> str | None:
        return self.params.get("branch")


@dataclass(frozen=True)
class CSeq:
    number: int
    method: str

    @classmethod
    def parse(cls, text: str) -> CSeq:
        match = _CSEQ.fullmatch(text.strip(" \t"))
        if match is None or not is_token(match["method"]):
            raise SipParseError(f"malformed CSeq header: {text!r}")
        return cls(parse_number(match["number"], "CSeq number"), match["method"].upper())

    def __str__(self) -> str:
        return f"{self.number} {self.method}"


class _MessageBase:
    headers: Headers
    body: bytes

    @property
    def call_id(self) -> str:
        return self._required("Call-ID")

    @property
    def cseq(self) -> CSeq:
        return CSeq.parse(self._required("CSeq"))

    @property
    def vias(self) -> list[Via]:
        return [Via.parse(value) for value in self.headers.get_all("Via")]

    @property
    def top_via(self) -> Via:
        vias = self.headers.get_all("Via")
        if not vias:
            raise SipParseError("message has no Via header")
        return Via.parse(vias[0])

    @property
    def from_address(self) -> NameAddress:
        return NameAddress.parse(self._required("From"))

    @property
    def to_address(self) -> NameAddress:
        return NameAddress.parse(self._required("To"))

    @property
    def contacts(self) -> list[NameAddress]:
        """The sip:/sips: Contact addresses; others (tel:, urn:, unparsable ones) are skipped, not fatal."""
        contacts = []
        for value in self.headers.get_all("Contact"):
            if value == "*":
                continue
            try:
                contacts.append(NameAddress.parse(value))
            except SipParseError:
                # the value is not logged: a URI's user part may carry a (deprecated) password
                scheme = value.lstrip('"<').partition(":")[0][:10]
                log.debug("skipping a Contact that is not a sip:/sips: address (scheme %r)", scheme)
        return contacts

    def _required(self, name: str) -> str:
        value = self.headers.get(name)
        if value is None:
            raise SipParseError(f"message has no {name} header")
        return value

    def _serialize(self, start_line: str) -> bytes:
        lines = [start_line]
        for name, value in self.headers:
            if name != "Content-Length":
                lines.append(f"{name}: {value}")
        lines.append(f"Content-Length: {len(self.body)}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8") + self.body


@dataclass
class SipRequest(_MessageBase):
    method: str
    uri: SipUri
    headers: Headers = field(default_factory=Headers)
    body: bytes = b""

    def to_bytes(self) -> bytes:
        return self._serialize(f"{self.method} {self.uri} {SIP_VERSION}")


@dataclass
class SipResponse(_MessageBase):
    status: int
    reason: str
    headers: Headers = field(default_factory=Headers)
    body: bytes = b""

    def to_bytes(self) -> bytes:
        return self._serialize(f"{SIP_VERSION} {self.status} {self.reason}")

    @property
    def is_provisional(self) -> bool:
        return 100 <= self.status < 200

    @property
    def is_final(self) -> bool:
        return self.status >= 200

    @property
    def user_agent(self) -> str | None:
        """What the peer calls itself: `Server` in responses, `User-Agent` if it sends that instead."""
        return self.headers.get("Server") or self.headers.get("User-Agent")


SipMessage = SipRequest | SipResponse


def _split_head(data: bytes) -> tuple[bytes, bytes]:
    """Header part and body, cut at the first empty line (CRLF CRLF, or LF LF from sloppy peers)."""
    found = [(index, len(sep)) for sep in (b"\r\n\r\n", b"\n\n") if (index := data.find(sep)) >= 0]
    if not found:
        return data, b""
    index, length = min(found)
    return data[:index], data[index + length :]


def _decode_head(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        # The grammar says UTF-8, but older phones put Latin-1 into display names and Server headers.
        # Latin-1 maps every byte, so such a line is read instead of the whole answer being dropped;
        # what must be ASCII (names, numbers, URIs) is still checked afterwards.
        return "\n".join(_decode_line(line) for line in raw.split(b"\n"))


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("latin-1")


def _unfold(head: str) -> list[str]:
    lines: list[str] = []
    for line in head.replace("\r\n", "\n").split("\n"):
        if line[:1] in (" ", "\t") and lines:
            lines[-1] += " " + line.strip(" \t\r")  # folded continuation (RFC 3261 7.3.1)
        elif line.strip(" \t\r"):
            lines.append(line)
    return lines


def parse_message(data: bytes) -> SipMessage:
    """Parse one complete SIP message (a UDP datagram, or a frame cut by `StreamFramer`)."""
    if len(data) > MAX_MESSAGE_BYTES:
        raise SipParseError(f"message of {len(data)} bytes exceeds the {MAX_MESSAGE_BYTES} byte limit")
    data = data.lstrip(b"\r\n")  # keep-alive CRLFs before a message are allowed (RFC 5626)
    if not data:
        raise SipParseError("empty message")
    raw_head, body = _split_head(data)
    lines = _unfold(_decode_head(raw_head))
    if not lines:
        raise SipParseError("message has no start line (only white space)")
    start_line, header_lines = lines[0].rstrip("\r"), lines[1:]
    headers = Headers()
    for line in header_lines:
        name, colon, value = line.partition(":")
        if not colon or not is_token(name.rstrip(" \t")):  # HCOLON = *(SP / HTAB) ":" SWS
            raise SipParseError(f"malformed header line: {_shorten(line)!r}")
        headers.add(name, value)
    body = _apply_content_length(headers, body)
    if start_line[:4].upper() == "SIP/":
        match = _STATUS_LINE.fullmatch(start_line)
        if match is None:
            raise SipParseError(f"malformed status line: {_shorten(start_line)!r}")
        code = parse_number(match["code"], "status code in the status line", low=100, high=699)
        if len(match["code"]) != 3:
            raise SipParseError(f"malformed status line: {_shorten(start_line)!r}")
        return SipResponse(code, (match["reason"] or "").strip(), headers, body)
    parts = start_line.split(" ")
    if len(parts) != 3 or parts[2].upper() != SIP_VERSION or not is_token(parts[0]):
        raise SipParseError(f"malformed request line: {_shorten(start_line)!r}")
    return SipRequest(parts[0].upper(), SipUri.parse(parts[1]), headers, body)


def _shorten(text: str) -> str:
    return text if len(text) <= 120 else text[:120] + "..."


def content_length(value: str) -> int:
    """A Content-Length value: ASCII digits, at most MAX_MESSAGE_BYTES (the same rule for UDP and streams)."""
    return parse_number(value.strip(" \t"), "Content-Length", high=MAX_MESSAGE_BYTES)


def _apply_content_length(headers: Headers, body: bytes) -> bytes:
    value = headers.get("Content-Length")
    if value is None:
        return body  # allowed over UDP: the body is the rest of the datagram
    length = content_length(value)
    if length > len(body):
        raise SipParseError(f"Content-Length {length} but only {len(body)} body bytes received")
    return body[:length]


class StreamFramer:
    """Cuts a TCP/TLS byte stream into messages using Content-Length (mandatory on streams)."""

    def __init__(self) -> None:
        self._buffer = bytearray()

    def feed(self, data: bytes) -> list[bytes]:
        self._buffer += data
        messages: list[bytes] = []
        while True:
            while self._buffer[:2] == b"\r\n":  # CRLF keep-alives between messages
                del self._buffer[:2]
            end = self._buffer.find(b"\r\n\r\n")
            if end < 0:
                if len(self._buffer) > MAX_MESSAGE_BYTES:
                    raise SipParseError("stream sent more than 64 KiB without an end of headers")
                return messages
            head = bytes(self._buffer[:end]).decode("utf-8", "replace")
            length = _content_length_of(head)
            total = end + 4 + length
            if len(self._buffer) < total:
                return messages
            messages.append(bytes(self._buffer[:total]))
            del self._buffer[:total]


def _content_length_of(head: str) -> int:
    for line in _unfold(head)[1:]:
        name, _, value = line.partition(":")
        if canonical_name(name) == "Content-Length":
            return content_length(value)
    raise SipParseError("message on a stream transport has no Content-Length")
