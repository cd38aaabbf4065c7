"""Ordered schema upgrade steps, from an empty database to the current schema.

Every database, new or old, reaches the current schema the same way: the steps after its
recorded version run in order, each in its own transaction. Step definitions are frozen
copies of the schema as it was at that version; never edit a released step, add a new one.
"""
from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

Step = Callable[[Connection], None]


def _ts() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def _v1_metadata() -> sa.MetaData:
    md = sa.MetaData()
    sa.Table(
        "pbx", md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("sip_domain", sa.String(253), nullable=False),
        sa.Column("registrar_host", sa.String(253), nullable=False),
        sa.Column("registrar_port", sa.Integer, nullable=False),
        sa.Column("transport", sa.String(3), nullable=False),
        sa.Column("outbound_proxy", sa.String(260)),
        sa.Column("ntp_server", sa.String(253), nullable=False),
        sa.Column("time_zone", sa.String(64), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("topstop_limit", sa.Numeric(12, 2)),
    )
    sa.Table(
        "account", md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("pbx_id", sa.ForeignKey("pbx.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("topstop_limit", sa.Numeric(12, 2)),
        sa.UniqueConstraint("pbx_id", "name"),
    )
    sa.Table(
        "line", md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("pbx_id", sa.ForeignKey("pbx.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("account_id", sa.ForeignKey("account.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("number", sa.String(32), nullable=False),
        sa.Column("display_name", sa.String(100), nullable=False),
        sa.Column("sip_user", sa.String(100), nullable=False),
        sa.Column("auth_user", sa.String(100), nullable=False),
        sa.Column("password", sa.String(128), nullable=False),
        sa.Column("blocked_public", sa.Boolean, nullable=False),
        sa.Column("topstop_limit", sa.Numeric(12, 2)),
        sa.UniqueConstraint("pbx_id", "number"),
    )
    sa.Table(
        "device", md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("line_id", sa.ForeignKey("line.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("type_id", sa.String(64), nullable=False),
        sa.Column("access_key", sa.String(48), nullable=False, unique=True),
        sa.Column("mac", sa.String(12), unique=True),
        sa.Column("mac_provisioning", sa.String(4), nullable=False),
        sa.Column("admin_password", sa.String(40), nullable=False),
        sa.Column("admin_password_generated", sa.Boolean, nullable=False),
        sa.Column("user_name", sa.String(64), nullable=False),
        sa.Column("user_password", sa.String(40), nullable=False),
        sa.Column("user_password_generated", sa.Boolean, nullable=False),
        sa.Column("base_unit_id", sa.ForeignKey("device.id", ondelete="SET NULL"), index=True),
        sa.Column("last_access_at", _ts()),
        sa.Column("last_access_ip", sa.String(45)),
        sa.Column("last_access_user_agent", sa.String(300)),
        sa.Column("config_revision", sa.Integer, nullable=False),
        sa.Column("served_revision", sa.Integer),
        sa.Column("needs_sync", sa.Boolean, nullable=False),
        sa.Column("synchronized_at", _ts()),
        sa.Column("created_at", _ts(), nullable=False),
    )
    sa.Table(
        "key_assignment", md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("device_id", sa.ForeignKey("device.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("module", sa.Integer, nullable=False),
        sa.Column("key_id", sa.String(32), nullable=False),
        sa.Column("feature", sa.String(32), nullable=False),
        sa.Column("value", sa.String(100), nullable=False),
        sa.Column("label", sa.String(64), nullable=False),
        sa.UniqueConstraint("device_id", "module", "key_id"),
    )
    sa.Table(
        "retired_access_key", md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("device_id", sa.ForeignKey("device.id", ondelete="SET NULL"), index=True),
        sa.Column("retired_at", _ts(), nullable=False),
    )
    sa.Table(
        "access_log", md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", _ts(), nullable=False, index=True),
        sa.Column("client_ip", sa.String(45), nullable=False),
        sa.Column("device_id", sa.ForeignKey("device.id", ondelete="SET NULL"), index=True),
        sa.Column("status", sa.Integer, nullable=False),
        sa.Column("reason", sa.String(64), nullable=False),
        sa.Column("user_agent", sa.String(300), nullable=False),
    )
    sa.Table(
        "console_user", md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("username", sa.String(64), nullable=False, unique=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("pbx_id", sa.ForeignKey("pbx.id", ondelete="CASCADE")),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("created_at", _ts(), nullable=False),
    )
    sa.Table(
        "user_line", md,
        sa.Column("user_id", sa.ForeignKey("console_user.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("line_id", sa.ForeignKey("line.id", ondelete="CASCADE"), primary_key=True),
    )
    sa.Table(
        "audit_log", md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", _ts(), nullable=False, index=True),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("object_type", sa.String(32), nullable=False),
        sa.Column("object_id", sa.Integer),
        sa.Column("details", sa.Text, nullable=False),
    )
    sa.Table(
        "change_counter", md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("value", sa.Integer, nullable=False),
    )
    sa.Table(
        "schema_version", md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
    )
    return md


def _step_1_initial(conn: Connection) -> None:
    md = _v1_metadata()
    md.create_all(conn)
    conn.execute(md.tables["change_counter"].insert().values(id=1, value=0))
    conn.execute(md.tables["schema_version"].insert().values(id=1, version=0))


def _step_2_phonebook_and_gateway_ports(conn: Connection) -> None:
    md = sa.MetaData()
    sa.Table("pbx", md, sa.Column("id", sa.Integer, primary_key=True))
    sa.Table("device", md, sa.Column("id", sa.Integer, primary_key=True))
    sa.Table("line", md, sa.Column("id", sa.Integer, primary_key=True))
    phonebook = sa.Table(
        "phonebook_entry", md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("pbx_id", sa.ForeignKey("pbx.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("number", sa.String(32), nullable=False),
    )
    ports = sa.Table(
        "gateway_port", md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("device_id", sa.ForeignKey("device.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("port", sa.Integer, nullable=False),
        sa.Column("line_id", sa.ForeignKey("line.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("fax", sa.Boolean, nullable=False),
        sa.UniqueConstraint("device_id", "port"),
    )
    phonebook.create(conn)
    ports.create(conn)
    # no data to move: a gateway's port 1 is always its own line; these rows hold ports 2..n


def _step_3_exchange_features(conn: Connection) -> None:
    conn.execute(sa.text("ALTER TABLE pbx ADD COLUMN wss_url VARCHAR(260) DEFAULT '' NOT NULL"))
    conn.execute(sa.text("ALTER TABLE pbx ADD COLUMN pickup_prefix VARCHAR(8) DEFAULT '**' NOT NULL"))
    conn.execute(sa.text("ALTER TABLE pbx ADD COLUMN voicemail_number VARCHAR(32) DEFAULT '' NOT NULL"))


def _step_4_webrtc_login(conn: Connection) -> None:
    conn.execute(sa.text("ALTER TABLE pbx ADD COLUMN webrtc_login_url VARCHAR(260) DEFAULT '' NOT NULL"))


# (version reached, step) in order; the list only ever grows.
STEPS: list[tuple[int, Step]] = [
    (1, _step_1_initial),
    (2, _step_2_phonebook_and_gateway_ports),
    (3, _step_3_exchange_features),
    (4, _step_4_webrtc_login),
]
LATEST_VERSION = STEPS[-1][0]


class SchemaTooNewError(RuntimeError):
    pass


def current_version(conn: Connection) -> int:
    if not sa.inspect(conn).has_table("schema_version"):
        return 0
    row = conn.execute(sa.text("SELECT version FROM schema_version WHERE id = 1")).first()
    return int(row[0]) if row else 0


def upgrade(engine: sa.Engine, target: int = LATEST_VERSION) -> list[int]:
    """Run the missing steps up to `target`; returns the versions applied."""
    applied: list[int] = []
    with engine.connect() as conn:
        found = current_version(conn)
    if found > LATEST_VERSION:
        raise SchemaTooNewError(
            f"The database has schema version {found}, newer than this program's {LATEST_VERSION}. "
            "Update VoIP Device Console before opening it."
        )
    for version, step in STEPS:
        if version <= found or version > target:
            continue
        with engine.begin() as conn:
            step(conn)
            conn.execute(sa.text("UPDATE schema_version SET version = :v WHERE id = 1"), {"v": version})
        applied.append(version)
    return applied
