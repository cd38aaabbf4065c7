"""The small part of HTTP/1.x the provisioning server speaks: parse a request head, format a response head.

Only what devices need: GET and HEAD without a body, keep-alive, `Connection: close`. Anything else is refused.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from email.utils import formatdate

ALLOWED_METHODS = ("GET", "HEAD")
USER_AGENT_LIMIT = 256

_REASONS = {
    200: "OK",
    400: "Bad Request",
    404: "Not Found",
    405: "Method Not Allowed",
    431: "Request Header Fields Too Large",
}


class BadRequest(ValueError):
    """The bytes received are not an HTTP/1.x request head this server can answer."""


@dataclass(frozen=True, slots=True)
class RequestHead:
    method: str
    target: str
    keep_alive: bool
    user_agent: str
    has_body: bool


def parse_request_head(head: bytes) -> RequestHead:
    """Parse everything before the blank line. Raises BadRequest with the reason (for logs, never for clients)."""
    try:
        text = head.decode("latin-1")
    except UnicodeDecodeError as exc:  # latin-1 decodes every byte; kept for clarity of intent
        raise BadRequest("undecodable head") from exc
    lines = text.split("\r\n") if "\r\n" in text else text.split("\n")
    parts = lines[0].split(" ")
    if len(parts) != 3:
        raise BadRequest("request line is not 'METHOD TARGET VERSION'")
    method, target, version = parts
    if version not in ("HTTP/1.1", "HTTP/1.0"):
        raise BadRequest("unsupported HTTP version")
    if not method.isalpha() or not method.isupper() or not target:
        raise BadRequest("malformed request line")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        if not line:
            continue
        name, sep, value = line.partition(":")
        if not sep or not name or name != name.strip():
            raise BadRequest("malformed header line")
        headers[name.lower()] = value.strip()
    connection = headers.get("connection", "").lower()
    if version == "HTTP/1.1":
        keep_alive = "close" not in connection
    else:
        keep_alive = "keep-alive" in connection
    has_body = "transfer-encoding" in headers or headers.get("content-length", "0").strip() not in ("0", "")
    user_agent = headers.get("user-agent", "")[:USER_AGENT_LIMIT]
    if not user_agent.isprintable():  # control characters never reach the database or a log line
        user_agent = "".join(c if c.isprintable() else "?" for c in user_agent)
    return RequestHead(method, target, keep_alive, user_agent, has_body)


class HttpDate:
    """The `Date` header value, formatted at most once per second."""

    def __init__(self) -> None:
        self._second = -1
        self._value = ""

    def now(self) -> str:
        second = int(time.time())
        if second != self._second:
            self._second = second
            self._value = formatdate(second, usegmt=True)
        return self._value


def response_head(
    status: int,
    date: str,
    *,
    content_type: str | None = None,
    content_length: int = 0,
    keep_alive: bool,
    allow: str | None = None,
) -> bytes:
    lines = [f"HTTP/1.1 {status} {_REASONS[status]}", f"Date: {date}"]
    if content_type is not None:
        lines.append(f"Content-Type: {content_type}")
        # Rendered configurations carry SIP passwords: no proxy or device cache may keep a copy.
        lines.append("Cache-Control: no-store")
    lines.append(f"Content-Length: {content_length}")
    if allow is not None:
        lines.append(f"Allow: {allow}")
    lines.append("Connection: keep-alive" if keep_alive else "Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
