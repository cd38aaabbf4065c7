import re

import pytest
import sqlalchemy as sa

from app import security
from app.services.base import NotFound
from app.services.devices import DELETE_WARNING, DeviceInput
from app.services.lines import LineInput
from app.services.pbx import PbxInput
from app.validation import ValidationError
from models.schema import Device, RetiredAccessKey

from .conftest import ADMIN

DESK = "yealink-t46u"


def stored(ctx, device_id) -> Device:
    with ctx.db.session() as s:
        return s.get(Device, device_id)


def test_new_device_gets_a_192_bit_key_url_and_generated_passwords_that_are_never_shown(ctx, line):
    device = ctx.devices.create(ADMIN, line.id, DESK)
    assert re.fullmatch(r"[0-9a-f]{48}", device.access_key)
    assert device.url == f"https://prov.test.example:8448/{device.access_key}.cfg"
    assert device.admin_password is None and device.admin_password_generated
    assert device.user_password is None and device.user_password_generated
    row = stored(ctx, device.id)
    assert len(row.admin_password) == 40 and row.admin_password.isdigit()
    assert row.admin_password != row.user_password
    assert device.mac_provisioning == "no"


def test_set_passwords_are_shown_and_empty_generates_once(ctx, line):
    device = ctx.devices.create(ADMIN, line.id, DESK, DeviceInput(admin_password="1234", user_password="56789"))
    assert (device.admin_password, device.user_password) == ("1234", "56789")
    cleared = ctx.devices.update(ADMIN, device.id, DeviceInput(admin_password=""))
    assert cleared.admin_password is None and cleared.admin_password_generated
    generated = stored(ctx, device.id).admin_password
    again = ctx.devices.update(ADMIN, device.id, DeviceInput(admin_password=""))
    assert stored(ctx, device.id).admin_password == generated  # not regenerated on every save
    assert again.config_revision == cleared.config_revision


def test_invalid_password_leaves_everything_unchanged(ctx, line):
    device = ctx.devices.create(ADMIN, line.id, DESK, DeviceInput(user_name="anna"))
    with pytest.raises(ValidationError, match="4 to 9 digits"):
        ctx.devices.update(ADMIN, device.id, DeviceInput(user_name="changed", admin_password="12"))
    assert ctx.devices.get(ADMIN, device.id).user_name == "anna"


def test_mac_is_normalised_unique_and_once_needs_a_mac_and_a_redirection_service(ctx, line, other_line):
    device = ctx.devices.create(ADMIN, line.id, DESK)
    with pytest.raises(ValidationError, match="MAC address before choosing 'once'"):
        ctx.devices.update(ADMIN, device.id, DeviceInput(mac_provisioning="once"))
    updated = ctx.devices.update(ADMIN, device.id, DeviceInput(mac="80:5E:C0:12:34:56", mac_provisioning="once"))
    assert (updated.mac, updated.mac_provisioning) == ("805ec0123456", "once")
    second = ctx.devices.create(ADMIN, other_line.id, DESK)
    with pytest.raises(ValidationError, match="already used by device"):
        ctx.devices.update(ADMIN, second.id, DeviceInput(mac="805ec0123456"))
    with pytest.raises(ValidationError, match="set by the console"):
        ctx.devices.update(ADMIN, device.id, DeviceInput(mac_provisioning="done"))
    back = ctx.devices.update(ADMIN, device.id, DeviceInput(mac_provisioning="no"))
    assert back.mac_provisioning == "no"


def test_unknown_device_type_is_refused(ctx, line):
    with pytest.raises(ValidationError, match="not a device type"):
        ctx.devices.create(ADMIN, line.id, "acme-phone-9000")


def test_new_access_key_retires_the_old_one_and_keeps_keys(ctx, line, other_line):
    device = ctx.devices.create(ADMIN, line.id, DESK)
    key_id = ctx.catalog.device_type(DESK).keys[1].id
    ctx.keys.assign(ADMIN, device.id, 0, key_id, "blf", other_line.number)
    renewed = ctx.devices.new_access_key(ADMIN, device.id)
    assert renewed.access_key != device.access_key
    with ctx.db.session() as s:
        hashes = set(s.scalars(sa.select(RetiredAccessKey.key_hash)))
    assert security.access_key_hash(device.access_key) in hashes
    assert [k.value for k in ctx.keys.list(ADMIN, device.id)] == [other_line.number]


def test_delete_removes_exchange_data_and_returns_the_manuals_warning(ctx, line):
    device = ctx.devices.create(ADMIN, line.id, DESK)
    assert ctx.devices.delete(ADMIN, device.id) == DELETE_WARNING
    assert "configuration on the VoIP device is not deleted" in DELETE_WARNING
    with pytest.raises(NotFound):
        ctx.devices.get(ADMIN, device.id)


def _dect(ctx):
    bases = [t for t in ctx.catalog.device_types() if t.kind == "dect-base"]
    handset = next(t for t in ctx.catalog.device_types() if t.kind == "dect-handset")
    fitting = next(b for b in bases if b.id in handset.compatible_bases)
    foreign = next((b for b in bases if b.id not in handset.compatible_bases), None)
    return handset, fitting, foreign


def test_handset_base_must_be_a_compatible_dect_base_of_the_same_vpbx(ctx, line, other_line):
    handset_type, base_type, foreign_type = _dect(ctx)
    base = ctx.devices.create(ADMIN, line.id, base_type.id)
    handset = ctx.devices.create(ADMIN, other_line.id, handset_type.id)
    desk = ctx.devices.create(ADMIN, line.id, DESK)
    with pytest.raises(ValidationError, match="does not fit"):
        ctx.devices.update(ADMIN, handset.id, DeviceInput(base_unit_id=desk.id))
    if foreign_type is not None:
        foreign = ctx.devices.create(ADMIN, line.id, foreign_type.id)
        with pytest.raises(ValidationError, match="does not fit"):
            ctx.devices.update(ADMIN, handset.id, DeviceInput(base_unit_id=foreign.id))
    other_pbx = ctx.pbx.create(ADMIN, PbxInput(name="Other", sip_domain="o.example", registrar_host="o.example"))
    other = ctx.lines.create(ADMIN, other_pbx.id, LineInput(number="100", password="x"))
    far_base = ctx.devices.create(ADMIN, other.id, base_type.id)
    with pytest.raises(ValidationError, match="not a DECT base of this vPBX"):
        ctx.devices.update(ADMIN, handset.id, DeviceInput(base_unit_id=far_base.id))
    base_before = ctx.devices.get(ADMIN, base.id).config_revision
    bound = ctx.devices.update(ADMIN, handset.id, DeviceInput(base_unit_id=base.id))
    assert bound.base_unit_id == base.id
    assert ctx.devices.get(ADMIN, base.id).config_revision == base_before + 1  # the base carries the handset
    assert [d.id for d in ctx.devices.compatible_bases(ADMIN, handset_type.id, line.pbx_id)] == [base.id]
    with pytest.raises(ValidationError, match="only a DECT handset"):
        ctx.devices.update(ADMIN, desk.id, DeviceInput(base_unit_id=base.id))


def test_changes_the_manual_lists_mark_devices_needing_sync(ctx, pbx, line, other_line):
    device = ctx.devices.create(ADMIN, line.id, DESK)
    assert not device.needs_sync
    rev = device.config_revision

    def after(action):
        nonlocal rev
        action()
        info = ctx.devices.get(ADMIN, device.id)
        assert info.needs_sync and info.config_revision == rev + 1
        rev = info.config_revision

    after(lambda: ctx.lines.update(ADMIN, line.id, LineInput(number="100", display_name="Anna B.")))
    after(lambda: ctx.lines.update(ADMIN, line.id, LineInput(number="100", display_name="Anna B.", password="new")))
    key_id = ctx.catalog.device_type(DESK).keys[2].id
    after(lambda: ctx.keys.assign(ADMIN, device.id, 0, key_id, "blf", other_line.number))
    after(lambda: ctx.pbx.update(ADMIN, pbx.id, PbxInput(name="Acme", sip_domain="sip.acme.example",
                                                          registrar_host="sip2.acme.example",
                                                          time_zone="Europe/Berlin")))
    # a change that is not in the configuration does not bump it
    ctx.lines.update(ADMIN, line.id, LineInput(number="100", display_name="Anna B.", blocked_public=True))
    assert ctx.devices.get(ADMIN, device.id).config_revision == rev


def test_audit_log_records_changes_without_secrets(ctx, line):
    device = ctx.devices.create(ADMIN, line.id, DESK, DeviceInput(admin_password="4711"))
    ctx.lines.update(ADMIN, line.id, LineInput(number="100", display_name="Anna", password="TopSecretSip"))
    ctx.devices.new_access_key(ADMIN, device.id)
    entries = ctx.logs.audit(ADMIN)
    text = repr(entries)
    assert "TopSecretSip" not in text and "4711" not in text and device.access_key not in text
    assert {"create", "update", "new access key"} <= {e.action for e in entries}
    assert any(e.details == "changed: password" for e in entries)


def test_deleting_a_dect_base_names_the_handsets_that_lose_it_and_keeps_them(ctx, line, other_line):
    base = ctx.devices.create(ADMIN, line.id, "yealink-w70b")
    handset = ctx.devices.create(ADMIN, other_line.id, "yealink-w56h", DeviceInput(base_unit_id=base.id))
    warning = ctx.devices.delete(ADMIN, base.id)
    assert warning.startswith(DELETE_WARNING)
    assert f"device {handset.id} (line 101)" in warning and "need a base unit" in warning
    kept = ctx.devices.get(ADMIN, handset.id)
    assert kept.base_unit_id is None
    assert ctx.devices.delete(ADMIN, kept.id) == DELETE_WARNING  # a handset alone: the manual's warning only
