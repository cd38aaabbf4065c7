"""The same services on a real PostgreSQL server."""
import sqlalchemy as sa

from app.context import CLI_ACTOR as ADMIN
from app.context import build_context
from app.demo import create_demo
from app.services.devices import DeviceInput
from app.services.lines import LineInput
from app.validation import ValidationError
from tests.models.test_migrations import check_upgrade


def test_first_schema_version_upgrades_on_postgresql(pg_url):
    engine = sa.create_engine(pg_url)
    try:
        check_upgrade(engine)
    finally:
        engine.dispose()


def test_demo_and_services_on_postgresql(pg_url, data_dir):
    ctx = build_context(data_dir, pg_url)
    try:
        assert ctx.db.engine.dialect.name == "postgresql"
        result = create_demo(ctx, ADMIN)
        assert len(result.devices) == len(ctx.catalog.device_types())
        line = result.lines[0]
        device = ctx.devices.create(ADMIN, line.id, "yealink-t46u", DeviceInput(mac="805ec0010203"))
        try:
            ctx.devices.create(ADMIN, line.id, "yealink-t46u", DeviceInput(mac="80:5e:c0:01:02:03"))
        except ValidationError as exc:
            assert "already used" in str(exc)
        else:
            raise AssertionError("a duplicate MAC was accepted")
        before = ctx.db.change_count()
        ctx.lines.update(ADMIN, line.id, LineInput(number=line.number, display_name="Über <Name>"))
        assert ctx.db.change_count() == before + 1
        assert ctx.devices.get(ADMIN, device.id).needs_sync
        assert ctx.lines.get(ADMIN, line.id).display_name == "Über <Name>"
    finally:
        ctx.close()
