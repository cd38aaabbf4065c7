"""The manual's input rules. Each failure says what is wrong and how to fix it."""
from __future__ import annotations

import ipaddress
import re
import zoneinfo
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from models.schema import MAC_PROVISIONING_STATES, TRANSPORTS


class ValidationError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


LANGUAGES = ("en", "de", "fr", "it", "es", "nl", "pl", "cs", "sv", "da", "pt", "tr", "ru")

_MAC_FORMS = (
    re.compile(r"^[0-9a-fA-F]{12}$"),
    re.compile(r"^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$"),
    re.compile(r"^[0-9a-fA-F]{2}(-[0-9a-fA-F]{2}){5}$"),
    re.compile(r"^[0-9a-fA-F]{4}(\.[0-9a-fA-F]{4}){2}$"),
)
_HOST_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")
_SIP_USER = re.compile(r"^[A-Za-z0-9_.!~*'()&=+$,;?/-]{1,100}$")  # RFC 3261 "user" unreserved set


def normalize_mac(text: str, field: str = "MAC") -> str | None:
    """12 hex digits, separators ':' '-' '.' accepted in the usual groupings; stored lowercase."""
    raw = text.strip()
    if not raw:
        return None
    if not any(form.match(raw) for form in _MAC_FORMS):
        digits = re.sub(r"[:.\-]", "", raw)
        bad = sorted({c for c in digits if c not in "0123456789abcdefABCDEF"})
        if bad:
            shown = ", ".join(repr(c) for c in bad)
            raise ValidationError(
                field, f"{raw!r} contains {shown}, which is not a hex digit; use 0-9 and A-F, e.g. 00041345C9BF."
            )
        if len(digits) != 12:
            raise ValidationError(
                field, f"{raw!r} has {len(digits)} hex digits; a MAC address has exactly 12, e.g. 00041345C9BF."
            )
        raise ValidationError(
            field, f"{raw!r} mixes separators or groups; write 00041345C9BF, 00:04:13:45:C9:BF, "
            "00-04-13-45-C9-BF or 0004.1345.C9BF."
        )
    mac = re.sub(r"[:.\-]", "", raw).lower()
    if mac == "0" * 12:
        raise ValidationError(field, "00:00:00:00:00:00 is not a device's MAC address; copy it from the type label.")
    if int(mac[:2], 16) & 1:
        raise ValidationError(
            field, f"{raw!r} is a multicast address, never a device's own; check the type label again."
        )
    return mac


def device_password(text: str, field: str) -> str | None:
    """4-9 digits, or empty: None means 'generate a random 40-digit password'."""
    value = text.strip()
    if not value:
        return None
    if not value.isascii() or not value.isdigit():
        raise ValidationError(field, "use digits only (4 to 9 of them), or leave it empty for a random 40-digit password.")
    if not 4 <= len(value) <= 9:
        raise ValidationError(
            field, f"{len(value)} digits given; use 4 to 9 digits, or leave it empty for a random 40-digit password."
        )
    return value


def device_user_name(text: str) -> str:
    value = text.strip()
    if len(value) > 64:
        raise ValidationError("user name", "at most 64 characters.")
    if any(ord(c) < 32 for c in value):
        raise ValidationError("user name", "control characters are not allowed.")
    return value


def mac_provisioning(value: str) -> str:
    if value not in MAC_PROVISIONING_STATES:
        raise ValidationError("MAC provisioning", f"{value!r} is not one of: no, once, done.")
    return value


def phone_number(text: str, field: str = "number") -> str:
    value = text.strip().replace(" ", "")
    if not re.fullmatch(r"\+?[0-9]{2,20}", value):
        raise ValidationError(field, f"{text!r} is not a telephone number; use 2 to 20 digits, optionally a leading +.")
    return value


def dial_value(text: str, field: str = "value") -> str:
    """A number or *#-code to dial: digits, *, #, an optional leading +."""
    value = text.strip().replace(" ", "")
    if not re.fullmatch(r"\+?[0-9*#]{1,32}", value):
        raise ValidationError(field, f"{text!r} cannot be dialled; use digits, * and # (up to 32), e.g. *21# or 0301234567.")
    return value


def display_name(text: str) -> str:
    value = text.strip()
    if len(value) > 100:
        raise ValidationError("display name", f"{len(value)} characters; at most 100.")
    if any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise ValidationError("display name", "control characters (tabs, line breaks) are not allowed.")
    return value


def sip_user(text: str, field: str) -> str:
    value = text.strip()
    if not _SIP_USER.match(value):
        raise ValidationError(
            field, f"{text!r} is not a valid SIP user; use letters, digits and - _ . (no spaces, no @ or :)."
        )
    return value


def sip_password(text: str) -> str:
    if not text:
        raise ValidationError("SIP password", "must not be empty.")
    if len(text) > 128 or any(ord(c) < 32 for c in text):
        raise ValidationError("SIP password", "at most 128 printable characters.")
    return text


def host(text: str, field: str) -> str:
    value = text.strip().rstrip(".")
    if not value:
        raise ValidationError(field, "must not be empty; give a host name or IP address.")
    try:
        ipaddress.ip_address(value.strip("[]"))
        return value
    except ValueError:
        pass
    if len(value) > 253 or not all(_HOST_LABEL.match(label) for label in value.split(".")):
        raise ValidationError(field, f"{text!r} is neither a host name nor an IP address.")
    return value.lower()


def host_port(text: str, field: str) -> str | None:
    value = text.strip()
    if not value:
        return None
    name, sep, port = value.rpartition(":") if value.count(":") == 1 else (value, "", "")
    host(name, field)
    if sep:
        port_number(port, field)
    return value


def websocket_url(text: str) -> str:
    value = text.strip()
    if value and not re.fullmatch(r"wss://[A-Za-z0-9.\-\[\]:]+(:[0-9]{1,5})?(/[^\s]*)?", value):
        raise ValidationError(
            "WebSocket URL", f"{text!r} is not a wss:// URL; use e.g. wss://pbx.example.net:8089/ws, or leave it empty.")
    return value


def https_url(text: str, field: str) -> str:
    """An https:// URL for people to open (may be empty)."""
    value = text.strip()
    if value and not re.fullmatch(r"https://[A-Za-z0-9.\-\[\]:]+(:[0-9]{1,5})?(/[^\s]*)?", value):
        raise ValidationError(
            field, f"{text!r} is not an https:// URL; use e.g. https://pbx.example.net:8449/webphone.jsp, "
            "or leave it empty.")
    return value


def port_number(value: int | str, field: str = "port") -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValidationError(field, f"{value!r} is not a number; use 1 to 65535.") from None
    if not 1 <= number <= 65535:
        raise ValidationError(field, f"{number} is out of range; use 1 to 65535.")
    return number


def transport(value: str) -> str:
    value = value.strip().lower()
    if value not in TRANSPORTS:
        raise ValidationError("transport", f"{value!r} is not one of: udp, tcp, tls.")
    return value


@lru_cache(maxsize=1)
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones()) | {"UTC"}


def time_zone(value: str) -> str:
    value = value.strip()
    if value not in _time_zones():
        raise ValidationError("time zone", f"{value!r} is not a known time zone; use an IANA name like Europe/Berlin.")
    return value


def language(value: str) -> str:
    value = value.strip().lower()
    if value not in LANGUAGES:
        raise ValidationError("language", f"{value!r} is not supported; use one of {', '.join(LANGUAGES)}.")
    return value


def topstop(value: str | Decimal | None, field: str = "TopStop") -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValidationError(field, f"{value!r} is not an amount; use e.g. 50 or 49.90, or leave it empty.") from None
    if amount < 0 or amount >= Decimal("1e10") or amount != amount.quantize(Decimal("0.01")):
        raise ValidationError(field, f"{value} must be a non-negative amount with at most 2 decimals.")
    return amount


def name(text: str, field: str, max_len: int = 100) -> str:
    value = text.strip()
    if not value:
        raise ValidationError(field, "must not be empty.")
    if len(value) > max_len or any(ord(c) < 32 for c in value):
        raise ValidationError(field, f"at most {max_len} printable characters.")
    return value
