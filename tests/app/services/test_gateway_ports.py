"""Gateway ports 2..n: which lines may go on them, and what the adapter then receives."""
import xml.etree.ElementTree as ET

import pytest

from app.services.lines import LineInput
from app.services.pbx import PbxInput
from app.validation import ValidationError

from .conftest import ADMIN

HT814 = "grandstream-ht814"


def pvalues(ctx, device_id):
    body = {f.name: f for f in ctx.configs.render_device(ADMIN, device_id)}[""].body
    return {e.tag: (e.text or "") for e in ET.fromstring(body).find("config")}


def make_lines(ctx, pbx, *numbers):
    return [ctx.lines.create(ADMIN, pbx.id, LineInput(number=n, display_name=f"Fax {n}", password=f"pw-{n}-x"))
            for n in numbers]


def test_ports_2_to_4_carry_their_lines_and_bump_needs_sync(ctx, pbx, line):
    gateway = ctx.devices.create(ADMIN, line.id, HT814)
    a, b, c = make_lines(ctx, pbx, "301", "302", "303")
    for port, other in ((2, a), (3, b), (4, c)):
        ctx.devices.set_gateway_port(ADMIN, gateway.id, port, other.id)
    assert ctx.devices.get(ADMIN, gateway.id).needs_sync is True
    values = pvalues(ctx, gateway.id)
    assert [values[f"P{4060 + n}"] for n in range(4)] == ["100", "301", "302", "303"]
    assert [values[f"P{4595 + n}"] for n in range(4)] == ["1", "1", "1", "1"]
    assert ctx.devices.gateway_ports(ADMIN, gateway.id) == [(1, "100"), (2, "301"), (3, "302"), (4, "303")]
    ctx.devices.set_gateway_port(ADMIN, gateway.id, 3, None)
    values = pvalues(ctx, gateway.id)
    assert (values["P4062"], values["P4597"]) == ("", "0")  # a cleared port reaches the adapter


@pytest.mark.parametrize("port", [0, 5])
def test_a_port_outside_the_model_is_refused_naming_its_ports(ctx, pbx, line, port):
    gateway = ctx.devices.create(ADMIN, line.id, HT814)
    (other,) = make_lines(ctx, pbx, "301")
    with pytest.raises(ValidationError, match="ports 1 to 4"):
        ctx.devices.set_gateway_port(ADMIN, gateway.id, port, other.id)


def test_port_one_and_a_second_port_for_one_line_are_refused(ctx, pbx, line):
    gateway = ctx.devices.create(ADMIN, line.id, HT814)
    (other,) = make_lines(ctx, pbx, "301")
    with pytest.raises(ValidationError, match="port 1 carries the device's own line 100"):
        ctx.devices.set_gateway_port(ADMIN, gateway.id, 1, other.id)
    with pytest.raises(ValidationError, match="line 100 is already on port 1"):
        ctx.devices.set_gateway_port(ADMIN, gateway.id, 2, line.id)
    ctx.devices.set_gateway_port(ADMIN, gateway.id, 2, other.id)
    with pytest.raises(ValidationError, match="line 301 is already on port 2"):
        ctx.devices.set_gateway_port(ADMIN, gateway.id, 3, other.id)
    ctx.devices.set_gateway_port(ADMIN, gateway.id, 2, other.id)  # the same port again is fine


def test_a_line_of_another_vpbx_never_goes_on_a_port(ctx, line):
    gateway = ctx.devices.create(ADMIN, line.id, HT814)
    elsewhere = ctx.pbx.create(ADMIN, PbxInput(name="Other", sip_domain="sip.other.example",
                                               registrar_host="sip.other.example"))
    (foreign,) = make_lines(ctx, elsewhere, "301")
    with pytest.raises(ValidationError, match="not a line of this vPBX"):
        ctx.devices.set_gateway_port(ADMIN, gateway.id, 2, foreign.id)
    with pytest.raises(ValidationError, match="not a line of this gateway's vPBX"):
        ctx.devices.set_gateway_port_number(ADMIN, gateway.id, 2, "301")


def test_only_a_gateway_has_ports(ctx, pbx, line):
    phone = ctx.devices.create(ADMIN, line.id, "yealink-t46u")
    (other,) = make_lines(ctx, pbx, "301")
    with pytest.raises(ValidationError, match="only a gateway"):
        ctx.devices.set_gateway_port(ADMIN, phone.id, 2, other.id)
