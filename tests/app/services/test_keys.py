import pytest

from app.services.dto import KeyInfo
from app.services.lines import LineInput
from app.validation import ValidationError

from .conftest import ADMIN

DESK = "yealink-t46u"


@pytest.fixture
def desk(ctx, line):
    return ctx.devices.create(ADMIN, line.id, DESK)


def key_accepting(ctx, type_id, feature):
    return next(k.id for k in ctx.catalog.device_type(type_id).keys if ctx.catalog.accepts(type_id, 0, k.id, feature))


def test_blf_needs_a_subscriber_of_the_vpbx(ctx, desk, other_line):
    key = key_accepting(ctx, DESK, "blf")
    with pytest.raises(ValidationError, match="not a subscriber of this vPBX"):
        ctx.keys.assign(ADMIN, desk.id, 0, key, "blf", "999")
    assigned = ctx.keys.assign(ADMIN, desk.id, 0, key, "blf", other_line.number)
    assert assigned.value == "101"


def test_unknown_feature_key_and_values_are_refused_with_reasons(ctx, desk):
    key = key_accepting(ctx, DESK, "speed_dial")
    with pytest.raises(ValidationError, match="not a key feature"):
        ctx.keys.assign(ADMIN, desk.id, 0, key, "teleport", "")
    with pytest.raises(ValidationError, match="does not accept"):
        ctx.keys.assign(ADMIN, desk.id, 0, "no-such-key", "dnd", "")
    with pytest.raises(ValidationError, match="cannot be dialled"):
        ctx.keys.assign(ADMIN, desk.id, 0, key, "speed_dial", "call me")
    ok = ctx.keys.assign(ADMIN, desk.id, 0, key, "speed_dial", "+49 30 1234")
    assert ok.value == "+49301234"


def test_a_device_without_that_feature_refuses_it(ctx, line):
    for device_type in ctx.catalog.device_types():
        for key in device_type.keys:
            refused = [f for f in ctx.catalog.features if not ctx.catalog.accepts(device_type.id, 0, key.id, f)]
            if refused:
                device = ctx.devices.create(ADMIN, line.id, device_type.id)
                with pytest.raises(ValidationError, match="does not accept"):
                    ctx.keys.assign(ADMIN, device.id, 0, key.id, refused[0], "")
                return
    pytest.fail("the catalog has no key that refuses any feature")


def test_save_all_is_all_or_nothing(ctx, desk, other_line):
    blf_key = key_accepting(ctx, DESK, "blf")
    ctx.keys.assign(ADMIN, desk.id, 0, blf_key, "blf", other_line.number)
    with pytest.raises(ValidationError):
        ctx.keys.replace_all(ADMIN, desk.id, [KeyInfo(desk.id, 0, blf_key, "dnd", "", ""),
                                              KeyInfo(desk.id, 0, blf_key, "dnd", "", "")])
    assert [k.feature for k in ctx.keys.list(ADMIN, desk.id)] == ["blf"]


def test_empty_label_follows_a_renamed_subscriber_in_the_rendered_input(ctx, pbx, desk, other_line):
    key = key_accepting(ctx, DESK, "blf")
    ctx.keys.assign(ADMIN, desk.id, 0, key, "blf", other_line.number)
    ctx.lines.update(ADMIN, other_line.id, LineInput(number="101", display_name="Bernd Neu"))
    from models.schema import Device

    with ctx.db.session() as s:
        data = ctx.configs.render_input(s, s.get(Device, desk.id))
    assert [k.label for k in data.device.keys] == ["Bernd Neu"]
    assert data.device.line.display_name == "Anna"


def test_renaming_a_subscriber_marks_the_devices_showing_it(ctx, desk, other_line):
    key = key_accepting(ctx, DESK, "blf")
    ctx.keys.assign(ADMIN, desk.id, 0, key, "blf", other_line.number)
    before = ctx.devices.get(ADMIN, desk.id).config_revision
    ctx.lines.update(ADMIN, other_line.id, LineInput(number="101", display_name="Bernd Neu"))
    assert ctx.devices.get(ADMIN, desk.id).config_revision == before + 1


def _main_config(ctx, device_id):
    files = ctx.configs.render_device(ADMIN, device_id)
    return next(f for f in files if f.name == "").body.decode().splitlines()


def test_a_cleared_key_is_reset_on_the_phone_and_a_never_assigned_one_is_left_alone(ctx, desk, other_line):
    ctx.keys.assign(ADMIN, desk.id, 0, "line-2", "blf", other_line.number)
    ctx.keys.clear(ADMIN, desk.id, 0, "line-2")
    assert ctx.keys.list(ADMIN, desk.id) == []
    config = _main_config(ctx, desk.id)
    assert "linekey.2.type = 0" in config
    assert not any(line.startswith("linekey.5.") for line in config)  # the phone's own setting stays
    # assigning it again replaces the reset; saving a layout without it resets it again
    ctx.keys.assign(ADMIN, desk.id, 0, "line-2", "blf", other_line.number)
    assert "linekey.2.type = 0" not in _main_config(ctx, desk.id)
    ctx.keys.replace_all(ADMIN, desk.id, [])
    assert "linekey.2.type = 0" in _main_config(ctx, desk.id)
