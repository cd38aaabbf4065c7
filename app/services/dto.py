"""Plain results of the services: no ORM row ever leaves `app/`."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal


@dataclass(frozen=True)
class Actor:
    """Who is acting; the services enforce the manual's roles from this."""

    username: str
    role: str  # "provider" | "pbx_admin" | "user"
    pbx_id: int | None = None  # for pbx_admin and user
    line_ids: frozenset[int] = frozenset()  # for user

    @property
    def is_admin(self) -> bool:
        return self.role in ("provider", "pbx_admin")


@dataclass(frozen=True)
class PbxInfo:
    id: int
    name: str
    sip_domain: str
    registrar_host: str
    registrar_port: int
    transport: str
    outbound_proxy: str | None
    wss_url: str
    webrtc_login_url: str
    pickup_prefix: str
    voicemail_number: str
    ntp_server: str
    time_zone: str
    language: str
    topstop_limit: Decimal | None


@dataclass(frozen=True)
class AccountInfo:
    id: int
    pbx_id: int
    name: str
    topstop_limit: Decimal | None


@dataclass(frozen=True)
class LineInfo:
    """A telephone line; its SIP password is never part of it (see LineService.sip_password)."""

    id: int
    pbx_id: int
    account_id: int
    number: str
    display_name: str
    sip_user: str | None  # None for actors who may not see SIP credentials
    auth_user: str | None
    blocked_public: bool
    topstop_limit: Decimal | None
    device_count: int


@dataclass(frozen=True)
class DeviceInfo:
    id: int
    line_id: int
    line_number: str
    type_id: str
    type_label: str
    access_key: str
    url: str
    mac: str | None
    mac_provisioning: str
    # None when the password was generated: a generated password is never disclosed
    admin_password: str | None
    admin_password_generated: bool
    user_name: str
    user_password: str | None
    user_password_generated: bool
    base_unit_id: int | None
    last_access_at: datetime | None
    last_access_ip: str | None
    last_access_user_agent: str | None
    config_revision: int
    served_revision: int | None
    needs_sync: bool
    synchronized_at: datetime | None

    @property
    def synchronized(self) -> bool:
        return self.served_revision is not None and self.served_revision >= self.config_revision


@dataclass(frozen=True)
class KeyInfo:
    device_id: int
    module: int
    key_id: str
    feature: str
    value: str
    label: str


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    role: str
    pbx_id: int | None
    line_ids: tuple[int, ...]


@dataclass(frozen=True)
class AuditInfo:
    at: datetime
    actor: str
    action: str
    object_type: str
    object_id: int | None
    details: str


@dataclass(frozen=True)
class AccessLogInfo:
    at: datetime
    client_ip: str
    device_id: int | None
    status: int
    reason: str
    user_agent: str


@dataclass(frozen=True)
class PhonebookEntryInfo:
    id: int
    pbx_id: int
    name: str
    number: str
