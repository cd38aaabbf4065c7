"""Lexical rules of RFC 3261 section 25 that several parsers share: DIGIT, token, linear white space.

One place for them, because Python's own checks are wider than the grammar: `str.isdigit()` is true
for "²" and "٣" (which `int()` then refuses or reads), `str.split()` splits on Unicode spaces, and
`int()` raises a plain ValueError for strings of more than 4300 digits. Everything here raises only
SipParseError, so a bad datagram can never escape the parser as another exception.
"""

from __future__ import annotations

import re

from app.sip.errors import SipParseError

# token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~")  (ASCII only)
TOKEN = re.compile(r"[A-Za-z0-9\-.!%*_+`'~]+")
WSP = " \t"  # SP / HTAB: the only white space inside a (unfolded) header line
_MAX_DIGITS = 10  # enough for any 32-bit number (CSeq, Content-Length, Expires, ports)
_UINT32 = 2**32 - 1


def is_digits(text: str) -> bool:
    """1*DIGIT with DIGIT = %x30-39: ASCII digits only (never "²", "٣" or full-width digits)."""
    return bool(text) and text.isascii() and text.isdigit()


def is_token(text: str) -> bool:
    return TOKEN.fullmatch(text) is not None


def parse_number(text: str, what: str, *, low: int = 0, high: int = _UINT32) -> int:
    """`text` as a number from `low` to `high`, or SipParseError naming `what` (e.g. "port in 'h:x'")."""
    if not is_digits(text) or len(text.lstrip("0")) > _MAX_DIGITS or not low <= int(text) <= high:
        shown = text if len(text) <= 20 else text[:20] + "..."
        raise SipParseError(f"invalid {what}: {shown!r}: expected a number from {low} to {high}")
    return int(text)


def optional_number(text: str | None, *, high: int = _UINT32) -> int | None:
    """`text` as a number, or None if it is missing or not one (for values a peer may leave out or garble)."""
    if text is None or not is_digits(text) or len(text.lstrip("0")) > _MAX_DIGITS or int(text) > high:
        return None
    return int(text)
