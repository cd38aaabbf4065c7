"""The manual's roles, enforced in the services (not only hidden in the UI)."""
import pytest

from app.services.base import NotFound, PermissionDenied
from app.services.devices import DeviceInput
from app.services.lines import LineInput
from app.services.pbx import PbxInput
from app.services.users import LoginFailed
from app.validation import ValidationError

from .conftest import ADMIN

DESK = "yealink-t46u"


@pytest.fixture
def people(ctx, pbx, line, other_line):
    ctx.users.create(ADMIN, "admin1", "admin-password", "pbx_admin", pbx.id)
    ctx.users.create(ADMIN, "anna", "anna-password", "user", pbx.id, (line.id,))
    return ctx.users.login("admin1", "admin-password"), ctx.users.login("anna", "anna-password")


def test_first_provider_only_once_and_login_checks_the_password(ctx):
    assert not ctx.users.has_users()
    with pytest.raises(ValidationError, match="at least 8"):
        ctx.users.create_first_provider("root", "short")
    ctx.users.create_first_provider("root", "long enough")
    with pytest.raises(PermissionDenied):
        ctx.users.create_first_provider("root2", "long enough")
    assert ctx.users.login("root", "long enough").role == "provider"
    with pytest.raises(LoginFailed):
        ctx.users.login("root", "wrong password")
    with pytest.raises(LoginFailed):
        ctx.users.login("nobody", "long enough")


def test_user_sees_and_changes_only_their_lines(ctx, pbx, line, other_line, people):
    _, anna = people
    assert [entry.number for entry in ctx.lines.list(anna)] == ["100"]
    mine = ctx.lines.get(anna, line.id)
    assert mine.sip_user is None and mine.auth_user is None  # no SIP credentials for users
    with pytest.raises(NotFound):
        ctx.lines.get(anna, other_line.id)
    device = ctx.devices.create(anna, line.id, DESK, DeviceInput(admin_password="1234"))
    ctx.devices.update(anna, device.id, DeviceInput(user_password="98765"))
    with pytest.raises(NotFound):
        ctx.devices.create(anna, other_line.id, DESK)
    foreign = ctx.devices.create(ADMIN, other_line.id, DESK)
    with pytest.raises(NotFound):
        ctx.devices.update(anna, foreign.id, DeviceInput(user_name="x"))
    with pytest.raises(NotFound):
        ctx.keys.list(anna, foreign.id)
    assert [d.id for d in ctx.devices.list(anna)] == [device.id]


def test_user_cannot_change_exchange_access_or_registration_data(ctx, pbx, line, people):
    _, anna = people
    with pytest.raises(PermissionDenied):
        ctx.pbx.update(anna, pbx.id, PbxInput(name="Acme", sip_domain="evil.example", registrar_host="evil.example"))
    with pytest.raises(PermissionDenied):
        ctx.lines.update(anna, line.id, LineInput(number="100", password="stolen"))
    with pytest.raises(PermissionDenied):
        ctx.lines.sip_password(anna, line.id)
    with pytest.raises(PermissionDenied):
        ctx.lines.create(anna, pbx.id, LineInput(number="555", password="x"))


def test_pbx_admin_is_confined_to_their_vpbx(ctx, pbx, line, people):
    admin1, _ = people
    other = ctx.pbx.create(ADMIN, PbxInput(name="Other", sip_domain="o.example", registrar_host="o.example"))
    foreign_line = ctx.lines.create(ADMIN, other.id, LineInput(number="200", password="x"))
    assert [p.name for p in ctx.pbx.list(admin1)] == ["Acme"]
    ctx.pbx.update(admin1, pbx.id, PbxInput(name="Acme", sip_domain="sip.acme.example",
                                            registrar_host="sip.acme.example", transport="tls"))
    assert ctx.lines.sip_password(admin1, line.id) == "s3cret-100"
    with pytest.raises(PermissionDenied):
        ctx.pbx.update(admin1, other.id, PbxInput(name="Other", sip_domain="o.example", registrar_host="o.example"))
    with pytest.raises(NotFound):
        ctx.lines.get(admin1, foreign_line.id)
    with pytest.raises(PermissionDenied):
        ctx.pbx.create(admin1, PbxInput(name="New", sip_domain="n.example", registrar_host="n.example"))
    with pytest.raises(PermissionDenied):
        ctx.users.create(admin1, "boss", "boss-password", "provider")
    assert {u.username for u in ctx.users.list(admin1)} == {"admin1", "anna"}


def test_user_lines_must_belong_to_the_users_vpbx(ctx, pbx):
    other = ctx.pbx.create(ADMIN, PbxInput(name="Other", sip_domain="o.example", registrar_host="o.example"))
    foreign = ctx.lines.create(ADMIN, other.id, LineInput(number="200", password="x"))
    with pytest.raises(ValidationError, match="not a line of the user's vPBX"):
        ctx.users.create(ADMIN, "eve", "eve-password", "user", pbx.id, (foreign.id,))
