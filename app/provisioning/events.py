"""Events the provisioning server publishes on the `app.events.EventBus`.

They are published on the server thread right after the response has been handed to the socket, so a subscriber
must be quick (queue the event and persist it elsewhere). No event ever carries an access key.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from app.events import Event


class RefusalReason(StrEnum):
    UNKNOWN_KEY = "unknown-key"
    RETIRED_KEY = "retired-key"
    UNKNOWN_FILE = "unknown-file"  # a live key, but a file name the device's entry does not have
    MALFORMED_PATH = "malformed-path"
    METHOD_NOT_ALLOWED = "method-not-allowed"
    BAD_REQUEST = "bad-request"  # not parseable as an HTTP/1.x request
    REQUEST_TOO_LARGE = "request-too-large"
    SILENT = "silent-connection"  # no complete request within the handshake/idle timeout: no answer sent
    BLOCKED = "blocked"  # a bad request from a blocked address: the connection is closed without an answer


@dataclass(frozen=True)
class ConfigServed(Event):
    """A device fetched one of its files: the source of its "last access" and "revision served" record."""

    device_id: int
    file_name: str  # "" for the main `<key>.cfg`
    revision: int
    client_ip: str
    user_agent: str
    method: str  # "GET" or "HEAD"


@dataclass(frozen=True)
class RequestRefused(Event):
    client_ip: str
    reason: RefusalReason
    method: str
    status: int  # the status answered; 408 for a silent connection and 429 for a blocked request (not sent)
    device_id: int | None = None  # known only for a retired key


@dataclass(frozen=True)
class RetiredKeyUsed(Event):
    """Someone presented a key that was retired: a stolen or stale URL, worth showing to the administrator."""

    client_ip: str
    device_id: int | None


@dataclass(frozen=True)
class ClientThrottled(Event):
    """A client made too many bad requests: until `until` its bad requests get no answer (its valid keys are
    still served). `reason` is the refusal that started the block."""

    client_ip: str
    bad_requests: int
    until: datetime
    seconds: float = 0.0
    reason: str = ""


@dataclass(frozen=True)
class ServerStateChanged(Event):
    running: bool
    url: str
    error: str | None = None  # why it stopped or could not start, for the administrator
    warning: str | None = None  # e.g. plain HTTP: show it while the server runs
