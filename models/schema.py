"""SQLAlchemy 2.0 typed mappings of everything the console stores.

The tables here are the *current* schema. The database reaches it through the ordered
upgrade steps in `models.migrations`; a test checks that both agree.
"""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

MAC_PROVISIONING_STATES = ("no", "once", "done")
TRANSPORTS = ("udp", "tcp", "tls")
ROLES = ("provider", "pbx_admin", "user")


class Base(DeclarativeBase):
    pass


class Pbx(Base):
    __tablename__ = "pbx"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    sip_domain: Mapped[str] = mapped_column(String(253))
    registrar_host: Mapped[str] = mapped_column(String(253))
    registrar_port: Mapped[int] = mapped_column(Integer, default=5060)
    transport: Mapped[str] = mapped_column(String(3), default="udp")
    outbound_proxy: Mapped[str | None] = mapped_column(String(260), nullable=True)
    # added by schema version 3: browser phones and key features need these exchange facts
    wss_url: Mapped[str] = mapped_column(String(260), default="", server_default="")
    webrtc_login_url: Mapped[str] = mapped_column(String(260), default="", server_default="")
    pickup_prefix: Mapped[str] = mapped_column(String(8), default="**", server_default="**")
    voicemail_number: Mapped[str] = mapped_column(String(32), default="", server_default="")
    ntp_server: Mapped[str] = mapped_column(String(253), default="pool.ntp.org")
    time_zone: Mapped[str] = mapped_column(String(64), default="UTC")
    language: Mapped[str] = mapped_column(String(8), default="en")
    topstop_limit: Mapped[Decimal | None] = mapped_column(Numeric(12, 2), nullable=True)

    accounts: Mapped[list[Account]] = relationship(back_populates="pbx", cascade="all, delete-orphan")
    phonebook: Mapped[list[PhonebookEntry]] = relationship(cascade="all, delete-orphan")


class Account(Base):
    """The manual's level between the vPBX and its telephone numbers (own TopStop)."""

    __tablename__ = "account"
    __table_args__ = (UniqueConstraint("pbx_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pbx_id: Mapped[int] = mapped_column(ForeignKey("pbx.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    topstop_limit: Mapped[Decimal | None] = mapped_column(Numeric(12, 2), nullable=True)

    pbx: Mapped[Pbx] = relationship(back_populates="accounts")
    lines: Mapped[list[Line]] = relationship(back_populates="account", cascade="all, delete-orphan")


class Line(Base):
    __tablename__ = "line"
    __table_args__ = (UniqueConstraint("pbx_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # pbx_id is the account's vPBX, stored to make numbers unique per vPBX
    pbx_id: Mapped[int] = mapped_column(ForeignKey("pbx.id", ondelete="CASCADE"), index=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), index=True)
    number: Mapped[str] = mapped_column(String(32))
    display_name: Mapped[str] = mapped_column(String(100), default="")
    sip_user: Mapped[str] = mapped_column(String(100))
    auth_user: Mapped[str] = mapped_column(String(100))
    password: Mapped[str] = mapped_column(String(128))
    blocked_public: Mapped[bool] = mapped_column(Boolean, default=False)
    topstop_limit: Mapped[Decimal | None] = mapped_column(Numeric(12, 2), nullable=True)

    account: Mapped[Account] = relationship(back_populates="lines")
    devices: Mapped[list[Device]] = relationship(
        back_populates="line", cascade="all, delete-orphan", foreign_keys="Device.line_id"
    )


class Device(Base):
    __tablename__ = "device"

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("line.id", ondelete="CASCADE"), index=True)
    type_id: Mapped[str] = mapped_column(String(64))
    access_key: Mapped[str] = mapped_column(String(48), unique=True)
    mac: Mapped[str | None] = mapped_column(String(12), unique=True, nullable=True)
    mac_provisioning: Mapped[str] = mapped_column(String(4), default="no")
    admin_password: Mapped[str] = mapped_column(String(40))
    admin_password_generated: Mapped[bool] = mapped_column(Boolean, default=True)
    user_name: Mapped[str] = mapped_column(String(64), default="")
    user_password: Mapped[str] = mapped_column(String(40))
    user_password_generated: Mapped[bool] = mapped_column(Boolean, default=True)
    base_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("device.id", ondelete="SET NULL"), nullable=True, index=True
    )
    last_access_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    last_access_ip: Mapped[str | None] = mapped_column(String(45), nullable=True)
    last_access_user_agent: Mapped[str | None] = mapped_column(String(300), nullable=True)
    config_revision: Mapped[int] = mapped_column(Integer, default=1)
    served_revision: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # set whenever the configuration changes, cleared once the device fetched the current revision
    needs_sync: Mapped[bool] = mapped_column(Boolean, default=False)
    synchronized_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    line: Mapped[Line] = relationship(back_populates="devices", foreign_keys=[line_id])
    keys: Mapped[list[KeyAssignment]] = relationship(cascade="all, delete-orphan")
    ports: Mapped[list[GatewayPort]] = relationship(
        cascade="all, delete-orphan", foreign_keys="GatewayPort.device_id"
    )


class KeyAssignment(Base):
    __tablename__ = "key_assignment"
    __table_args__ = (UniqueConstraint("device_id", "module", "key_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("device.id", ondelete="CASCADE"), index=True)
    module: Mapped[int] = mapped_column(Integer)  # 0 = the device, 1..n = expansion modules
    key_id: Mapped[str] = mapped_column(String(32))
    feature: Mapped[str] = mapped_column(String(32))
    value: Mapped[str] = mapped_column(String(100), default="")
    label: Mapped[str] = mapped_column(String(64), default="")


class RetiredAccessKey(Base):
    """A replaced access key, kept only as a SHA-256 hash so that its use can be recognised."""

    __tablename__ = "retired_access_key"

    id: Mapped[int] = mapped_column(primary_key=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    device_id: Mapped[int | None] = mapped_column(
        ForeignKey("device.id", ondelete="SET NULL"), nullable=True, index=True
    )
    retired_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AccessLogEntry(Base):
    __tablename__ = "access_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    client_ip: Mapped[str] = mapped_column(String(45))
    device_id: Mapped[int | None] = mapped_column(
        ForeignKey("device.id", ondelete="SET NULL"), nullable=True, index=True
    )
    status: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(64))  # "served", "unknown key", "retired key", ...
    user_agent: Mapped[str] = mapped_column(String(300), default="")


class ConsoleUser(Base):
    __tablename__ = "console_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    pbx_id: Mapped[int | None] = mapped_column(ForeignKey("pbx.id", ondelete="CASCADE"), nullable=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    lines: Mapped[list[UserLine]] = relationship(cascade="all, delete-orphan")


class UserLine(Base):
    """Which lines a console user of role `user` may see and change."""

    __tablename__ = "user_line"

    user_id: Mapped[int] = mapped_column(ForeignKey("console_user.id", ondelete="CASCADE"), primary_key=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("line.id", ondelete="CASCADE"), primary_key=True)


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    object_type: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    details: Mapped[str] = mapped_column(Text, default="")  # never a secret


class ChangeCounter(Base):
    """One row, bumped by every write; other processes poll it to notice changes cheaply."""

    __tablename__ = "change_counter"

    id: Mapped[int] = mapped_column(primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class SchemaVersion(Base):
    __tablename__ = "schema_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer)


# --- added by schema version 2 -------------------------------------------------------------


class PhonebookEntry(Base):
    __tablename__ = "phonebook_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    pbx_id: Mapped[int] = mapped_column(ForeignKey("pbx.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    number: Mapped[str] = mapped_column(String(32))


class GatewayPort(Base):
    """An analog port 2..n of a gateway (ATA) and the line it carries; port 1 is the device's own line."""

    __tablename__ = "gateway_port"
    __table_args__ = (UniqueConstraint("device_id", "port"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("device.id", ondelete="CASCADE"), index=True)
    port: Mapped[int] = mapped_column(Integer)
    line_id: Mapped[int] = mapped_column(ForeignKey("line.id", ondelete="CASCADE"), index=True)
    fax: Mapped[bool] = mapped_column(Boolean, default=True)
