"""Errors of the SIP package, split the way the caller has to react to them.

- `SipUsageError`: we did it wrong (bad argument, missing credentials). Fix the caller or the data.
- `SipParseError`: the peer did it wrong (a message that does not parse).
- `SipTransactionError` and subclasses: the exchange itself failed (no answer, refused credentials,
  unexpected final response). Their messages are meant for the user and never contain secrets.
"""

from __future__ import annotations


class SipError(Exception):
    """Base of every error raised by app.sip."""


class SipUsageError(SipError, ValueError):
    """The caller passed something unusable; the message says what and how to fix it."""


class SipParseError(SipError, ValueError):
    """Received bytes are not a valid SIP message (the peer is at fault)."""


class SipTransportError(SipError, OSError):
    """A socket could not be opened, connected or written (TLS handshake failures included)."""


class SipTransactionError(SipError):
    """A request got no usable final response."""


class PeerUnreachable(SipTransactionError):
    """No response before the transaction timeout (Timer B/F), or the connection was refused."""


class AuthenticationFailed(SipTransactionError):
    """The peer refused our credentials: 403, or a second 401/407 for a fresh nonce (wrong password)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class UnexpectedResponse(SipTransactionError):
    """A final response the operation cannot use (e.g. 500 to REGISTER)."""

    def __init__(self, message: str, status: int, reason: str) -> None:
        super().__init__(message)
        self.status = status
        self.reason = reason
