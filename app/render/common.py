"""What every renderer family needs: links, checked key assignments, handsets, ports, escaping.

The checks here turn bad input into a RenderError that says what is wrong and how to fix it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zoneinfo
from dataclasses import dataclass
from pathlib import Path

from app.catalog import Catalog, DeviceType, Family, Key, link_placeholders
from app.render.inputs import HandsetData, KeyData, PbxData, PortData, RenderInput
from app.sip.syntax import is_digits

# How often a device re-checks its own configuration link (daily; vendors' own default too).
RECHECK_MINUTES = 1440
# Registration lifetime we ask devices for.
REGISTER_EXPIRES_SECONDS = 3600
PHONEBOOK_FILE = "phonebook.xml"

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_LINE_BREAKS = re.compile(r"[\r\n\t\x00-\x1f\x7f]")


class RenderError(ValueError):
    """The input cannot be rendered for this device type; the message says what to fix."""


@dataclass(frozen=True)
class Links:
    config_url: str  # the device's own link: base_url + access_key + ".cfg"
    directory_url: str  # base_url + access_key + "/" (follow-up files live below it)
    server_path: str  # directory without scheme, for vendors that want "host[:port]/path"
    phonebook_url: str  # directory_url + "phonebook.xml"
    https: bool


def links(inp: RenderInput) -> Links:
    base = inp.base_url
    if not re.fullmatch(r"https?://[^/\s]+/(?:[^\s]*/)?", base):
        raise RenderError(
            f"base URL {base!r} must look like 'https://host:port/' (scheme, host, ending in '/')"
        )
    if not re.fullmatch(r"[A-Za-z0-9_-]{8,128}", inp.device.access_key):
        raise RenderError(
            "the device's access key must be 8-128 letters, digits, '-' or '_'; create a new one"
        )
    values = link_placeholders(base, inp.device.access_key)
    return Links(
        values["url"],
        values["directory_url"],
        values["server_path"],
        values["directory_url"] + PHONEBOOK_FILE,
        base.startswith("https://"),
    )


@dataclass(frozen=True)
class Assignment:
    """A key with its checked feature and the vendor's native fields, templates filled in."""

    module: int
    key: Key
    bank: str  # the key group's vendor key bank (families.toml banks)
    native_index: int  # vendor index of the key, modules included (see Expansion.native_first)
    data: KeyData | None  # None: the key is unassigned
    fields: dict[str, str]  # empty when unassigned
    released: bool = False  # unassigned by the console after it had assigned it: reset on the phone


def assignments(catalog: Catalog, device_type: DeviceType, inp: RenderInput) -> tuple[Assignment, ...]:
    """Every key of the device and of each expansion module up to the highest one in use."""
    family = catalog.family(device_type.renderer)
    given: dict[tuple[int, str], KeyData] = {}
    for key_data in inp.device.keys:
        spot = (key_data.module, key_data.key_id)
        if spot in given:
            raise RenderError(f"key {key_data.key_id!r} on module {key_data.module} is assigned twice")
        _check_key(catalog, device_type, key_data)
        given[spot] = key_data
    released = {spot for spot in inp.device.released_keys
                if spot not in given and _key_exists(catalog, device_type, *spot)}
    modules_used = max((module for module, _ in (*given, *released)), default=0)
    result: list[Assignment] = []
    for module in range(modules_used + 1):
        layout = catalog.layout(device_type.id, module)
        assert layout is not None  # checked in _check_key
        offset = 0
        if module > 0 and device_type.expansion and device_type.expansion.native_first is not None:
            offset = (
                device_type.expansion.native_first
                + (module - 1) * len(layout.keys)
                - layout.keys[0].native_index
            )
        banks = {group.id: group.bank for group in layout.groups}
        for key in layout.keys:
            key_data = given.get((module, key.id))
            fields = _native_fields(family, key_data, inp) if key_data else {}
            result.append(
                Assignment(module, key, banks[key.group], key.native_index + offset, key_data, fields,
                           released=(module, key.id) in released)
            )
    return tuple(result)


def _key_exists(catalog: Catalog, device_type: DeviceType, module: int, key_id: str) -> bool:
    layout = catalog.layout(device_type.id, module)
    return layout is not None and layout.group_of(key_id) is not None


def _check_key(catalog: Catalog, device_type: DeviceType, key_data: KeyData) -> None:
    where = (
        f"key {key_data.key_id!r} on module {key_data.module} of the {device_type.vendor} {device_type.model}"
    )
    layout = catalog.layout(device_type.id, key_data.module)
    if layout is None:
        most = device_type.expansion.max_count if device_type.expansion else 0
        raise RenderError(f"{where}: this device has modules 0..{most} only; move or remove the key")
    if layout.group_of(key_data.key_id) is None:
        raise RenderError(f"{where}: no such key on this module; remove the assignment")
    feature = catalog.features.get(key_data.feature)
    if feature is None:
        raise RenderError(f"{where}: unknown feature {key_data.feature!r}")
    if not catalog.accepts(device_type.id, key_data.module, key_data.key_id, key_data.feature):
        raise RenderError(f"{where}: the key does not support '{feature.label}'; choose another feature")
    problem = feature.value_problem(key_data.value)
    if problem:
        raise RenderError(f"{where}: {problem}")


def _native_fields(family: Family, key_data: KeyData, inp: RenderInput) -> dict[str, str]:
    templates = family.native_key(key_data.feature)
    assert templates is not None  # the catalog checks every group feature has a mapping
    values = {
        "value": key_data.value,
        "label": key_data.label,
        "pickup": inp.pbx.pickup_prefix,
        "domain": inp.pbx.sip_domain,
        "phonebook_url": links(inp).phonebook_url,
    }
    return {name: template.format_map(values) for name, template in templates.items()}


def handsets(catalog: Catalog, base: DeviceType, inp: RenderInput) -> tuple[HandsetData, ...]:
    """The handsets bound to a DECT base, checked against the base's limits, in slot order."""
    found = sorted(inp.device.handsets, key=lambda h: h.slot)
    assert base.max_handsets is not None
    if len(found) > base.max_handsets:
        raise RenderError(
            f"the {base.model} takes at most {base.max_handsets} handsets, {len(found)} are bound to it"
        )
    slots = [h.slot for h in found]
    if len(set(slots)) != len(slots):
        raise RenderError("two handsets use the same slot on the base; give each handset its own slot")
    for handset in found:
        if not 1 <= handset.slot <= min(base.max_handsets, base.accounts):
            raise RenderError(
                f"handset slot {handset.slot} is outside 1..{base.max_handsets} of the {base.model}"
            )
        if handset.type_id not in base.handset_types:
            names = ", ".join(catalog.device_type(t).model for t in base.handset_types)
            raise RenderError(
                f"handset type {handset.type_id!r} does not fit the {base.model} (fitting: {names})"
            )
    return tuple(found)


def ports(device_type: DeviceType, inp: RenderInput) -> tuple[PortData, ...]:
    """A gateway's ports; without explicit ports, port 1 carries the device's own line."""
    found = tuple(sorted(inp.device.ports, key=lambda p: p.port)) or (
        PortData(1, inp.device.line, device_type.fax),
    )
    numbers = [p.port for p in found]
    if len(set(numbers)) != len(numbers):
        raise RenderError("two lines are put on the same gateway port; use each port once")
    for port in found:
        if not 1 <= port.port <= device_type.ports:
            raise RenderError(
                f"port {port.port} does not exist on the {device_type.model} (ports 1..{device_type.ports})"
            )
        if port.fax and not device_type.fax:
            raise RenderError(
                f"the {device_type.model} has no fax (T.38) support; switch fax off for port {port.port}"
            )
    return found


def proxy(pbx: PbxData) -> str | None:
    """Where REGISTERs go when that is not the SIP domain itself: the outbound proxy or the registrar."""
    if pbx.outbound_proxy:
        return pbx.outbound_proxy
    if pbx.registrar_host != pbx.sip_domain:
        return f"{pbx.registrar_host}:{pbx.registrar_port}"
    return None


def split_host_port(address: str, default_port: int) -> tuple[str, int]:
    host, sep, port = address.rpartition(":")
    if sep and is_digits(port) and "]" not in port:
        return host, int(port)
    return address, default_port


def check_transport(pbx: PbxData) -> str:
    if pbx.transport not in ("udp", "tcp", "tls"):
        raise RenderError(f"SIP transport {pbx.transport!r} of the vPBX must be udp, tcp or tls")
    return pbx.transport


# --- escaping --------------------------------------------------------------------------------


def one_line(value: str) -> str:
    """For line-based formats without an escape syntax: a line break would start a new setting."""
    return _LINE_BREAKS.sub(" ", value)


def xml_text(value: str) -> str:
    """XML 1.0 cannot carry most control characters even escaped; ElementTree escapes the rest."""
    return _CONTROL.sub(" ", value)


def sip_quoted(value: str) -> str:
    """A SIP quoted-string (display name): backslash-escape '\\' and '"'."""
    return '"' + one_line(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def xml_bytes(root: ET.Element) -> bytes:
    """UTF-8 XML with declaration, indented, ending in a newline (ElementTree escapes text and attributes)."""
    ET.indent(root)
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        + ET.tostring(root, encoding="unicode", short_empty_elements=False).encode("utf-8")
        + b"\n"
    )


# --- time zones ------------------------------------------------------------------------------


def posix_rule(iana: str) -> str:
    """The POSIX TZ rule of an IANA zone, e.g. 'CET-1CEST,M3.5.0,M10.5.0/3'.

    Read from the footer of the system's TZif file (tzdata), so no zone table lives in code.
    """
    if not re.fullmatch(r"[A-Za-z0-9_+-]+(?:/[A-Za-z0-9_+-]+)*", iana):
        raise RenderError(f"time zone {iana!r} is not an IANA zone name such as 'Europe/Berlin'")
    for folder in zoneinfo.TZPATH:
        path = Path(folder) / iana
        if path.is_file():
            data = path.read_bytes()
            if data.startswith(b"TZif") and data.endswith(b"\n"):
                footer = data[:-1].rsplit(b"\n", 1)[-1].decode("ascii", "replace")
                if footer:
                    return footer
    raise RenderError(
        f"time zone {iana!r} is unknown on this system (install tzdata or pick an IANA zone name)"
    )


def utc_offset_hours(iana: str) -> str:
    """Standard-time offset from UTC as '+1', '-5', '+5:30' or '0' (POSIX signs are inverted)."""
    match = re.match(r"(?:<[^>]+>|[A-Za-z]+)([+-]?)(\d+)(?::(\d+))?", posix_rule(iana))
    if not match:
        return "0"
    sign, hours, minutes = match.groups()
    if int(hours) == 0 and not minutes:
        return "0"
    text = f"{'-' if sign != '-' else '+'}{int(hours)}"
    return text + (f":{minutes}" if minutes and int(minutes) else "")
