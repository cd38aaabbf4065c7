"""Typed, ORM-free input of the configuration renderers.

The services build these from the database; renderers are pure functions of them.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PbxData:
    name: str
    sip_domain: str
    registrar_host: str
    registrar_port: int
    transport: str  # "udp" | "tcp" | "tls"
    outbound_proxy: str | None  # "host" or "host:port"
    ntp_server: str
    time_zone: str  # IANA name, e.g. "Europe/Berlin"
    language: str  # ISO 639-1, e.g. "en", "de"
    # Added for the renderers (issue 2), with defaults so existing callers keep working:
    pickup_prefix: str = "**"  # the exchange's directed-pickup prefix, used by BLF/team keys
    voicemail_number: str = ""  # number the voicemail key dials; "" = leave the device's own setting
    wss_url: str = ""  # SIP over WebSocket for browser phones, e.g. "wss://pbx.example.net:8089/ws"


@dataclass(frozen=True)
class LineData:
    number: str
    display_name: str
    sip_user: str
    auth_user: str
    password: str


@dataclass(frozen=True)
class KeyData:
    module: int  # 0 = the device itself, 1..n = expansion modules
    key_id: str  # stable key id from the catalog
    feature: str  # vendor-neutral feature name from the catalog
    value: str  # subscriber number, phone number, *#-code, or ""
    label: str


@dataclass(frozen=True)
class HandsetData:
    """A DECT handset bound to a base station, as the base's configuration needs it."""

    device_id: int
    type_id: str
    slot: int  # 1-based handset number on the base
    line: LineData


@dataclass(frozen=True)
class PortData:
    """An analog port of a gateway (ATA) with the line it carries."""

    port: int  # 1-based
    line: LineData
    fax: bool  # T.38 fax settings on this port


@dataclass(frozen=True)
class DeviceData:
    device_id: int
    type_id: str
    mac: str | None  # 12 lowercase hex digits, or None
    access_key: str
    admin_password: str  # 4-9 digits or a generated 40-digit secret
    user_name: str
    user_password: str
    line: LineData
    keys: tuple[KeyData, ...] = ()
    # keys the console assigned once and has cleared since: written as "unassigned" so the phone drops the
    # console's old function; keys the console never touched are not written (the phone keeps its own)
    released_keys: tuple[tuple[int, str], ...] = ()
    handsets: tuple[HandsetData, ...] = ()  # DECT bases only
    ports: tuple[PortData, ...] = ()  # gateways only


@dataclass(frozen=True)
class RenderInput:
    pbx: PbxData
    device: DeviceData
    # e.g. "https://prov.example.net:8448/"; a device's own URL is base_url + access_key + ".cfg"
    base_url: str
    phonebook: tuple[tuple[str, str], ...] = ()  # (name, number) entries of the vPBX phonebook


@dataclass(frozen=True)
class RenderedFile:
    name: str  # "" for the main configuration (<access key>.cfg); else a follow-up file name
    content_type: str
    body: bytes
