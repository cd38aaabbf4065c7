"""Every database reaches the current schema through the ordered steps, data intact."""
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from models import migrations
from models.schema import Base


def schema_of(engine: sa.Engine) -> dict[str, dict[str, bool]]:
    inspector = sa.inspect(engine)
    return {t: {c["name"]: bool(c["nullable"]) for c in inspector.get_columns(t)}
            for t in inspector.get_table_names()}


def orm_schema() -> dict[str, dict[str, bool]]:
    return {t.name: {c.name: bool(c.nullable) for c in t.columns} for t in Base.metadata.sorted_tables}


def seed_v1(engine: sa.Engine) -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    with engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO pbx (id, name, sip_domain, registrar_host, registrar_port, transport, ntp_server, "
            "time_zone, language) VALUES (1, 'Old', 'sip.old', 'sip.old', 5060, 'udp', 'ntp', 'UTC', 'en')"))
        conn.execute(sa.text("INSERT INTO account (id, pbx_id, name) VALUES (1, 1, 'Main')"))
        conn.execute(sa.text(
            "INSERT INTO line (id, pbx_id, account_id, number, display_name, sip_user, auth_user, password, "
            "blocked_public) VALUES (1, 1, 1, '100', 'Old line', 'u100', 'u100', 'pw', false)"))
        conn.execute(sa.text(
            "INSERT INTO device (id, line_id, type_id, access_key, mac_provisioning, admin_password, "
            "admin_password_generated, user_name, user_password, user_password_generated, config_revision, "
            "needs_sync, created_at) VALUES (1, 1, 'yealink-t46u', :key, 'no', '1234', false, '', '5678', "
            "false, 3, false, :now)"), {"key": "a" * 48, "now": now})


def check_upgrade(engine: sa.Engine) -> None:
    assert migrations.upgrade(engine, target=1) == [1]
    with engine.connect() as conn:
        assert migrations.current_version(conn) == 1
    assert "phonebook_entry" not in schema_of(engine)
    seed_v1(engine)
    assert migrations.upgrade(engine) == list(range(2, migrations.LATEST_VERSION + 1))
    with engine.connect() as conn:
        assert migrations.current_version(conn) == migrations.LATEST_VERSION
        assert conn.execute(sa.text("SELECT config_revision FROM device WHERE id = 1")).scalar_one() == 3
        assert conn.execute(sa.text("SELECT display_name FROM line WHERE id = 1")).scalar_one() == "Old line"
    assert schema_of(engine) == orm_schema()
    assert migrations.upgrade(engine) == []  # idempotent


def test_first_schema_version_upgrades_to_the_current_one_on_sqlite(tmp_path):
    check_upgrade(sa.create_engine(f"sqlite:///{tmp_path / 'old.db'}"))


def test_a_newer_database_is_refused_with_a_clear_message(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'new.db'}")
    migrations.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE schema_version SET version = 999"))
    with pytest.raises(migrations.SchemaTooNewError, match="Update VoIP Device Console"):
        migrations.upgrade(engine)


def test_sqlite_runs_with_wal_and_foreign_keys(tmp_path):
    from app.db import Database

    db = Database(f"sqlite:///{tmp_path / 'c.db'}")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.dispose()
