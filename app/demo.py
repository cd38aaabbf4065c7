"""Demo data: a vPBX with several lines and one device of every catalog type."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa

from app.catalog import DeviceType
from app.context import AppContext
from app.services.devices import DeviceInput
from app.services.dto import Actor, DeviceInfo, LineInfo, PbxInfo
from app.services.lines import LineInput
from app.services.pbx import PbxInput
from models.schema import Pbx

DEMO_NAMES = ("Anna Berger", "Bernd Krüger", "Clara Weiß", "Dieter Hahn", "Eva Schmitt", "Frank Lorenz",
              "Gabi Roth", "Heinz Vogel")
# features tried on the first keys of each device, in order, with the value each needs
_KEY_PLAN = (("line", ""), ("blf", "{other}"), ("speed_dial", "0301234567"), ("star_code", "*21#"),
             ("voicemail", ""), ("phonebook", ""), ("dnd", ""))


@dataclass(frozen=True)
class DemoResult:
    pbx: PbxInfo
    lines: tuple[LineInfo, ...]
    devices: tuple[DeviceInfo, ...]


def _free_name(ctx: AppContext) -> str:
    with ctx.db.session() as s:
        taken = set(s.scalars(sa.select(Pbx.name)))
    name, n = "Demo vPBX", 1
    while name in taken:
        n += 1
        name = f"Demo vPBX {n}"
    return name


def create_demo(ctx: AppContext, actor: Actor,
                progress: Callable[[int, int], None] | None = None) -> DemoResult:
    """`progress(done, total)` after each device. Not cancellable: half a demo would be worse than none."""
    pbx = ctx.pbx.create(actor, PbxInput(
        name=_free_name(ctx), sip_domain="sip.demo.example", registrar_host="sip.demo.example",
        registrar_port=5060, transport="udp", wss_url="wss://sip.demo.example:8089/ws",
        webrtc_login_url="https://sip.demo.example:8449/webphone.jsp", voicemail_number="*55", ntp_server="pool.ntp.org", time_zone="Europe/Berlin",
        language="de", topstop_limit="100"))
    lines = []
    for i, display in enumerate(DEMO_NAMES):
        number = str(100 + i)
        lines.append(ctx.lines.create(actor, pbx.id, LineInput(
            number=number, display_name=display, sip_user=f"demo{number}", password=f"demo-secret-{number}")))
    for name, number in (("Reception", "100"), ("Service hotline", "08001234567")):
        ctx.pbx.add_phonebook_entry(actor, pbx.id, name, number)
    types = ctx.catalog.device_types()
    bases = {t.id: None for t in types if t.kind == "dect-base"}
    devices: list[DeviceInfo] = []
    # bases first so that every handset finds its base
    ordered = sorted(types, key=lambda t: t.kind == "dect-handset")
    for index, device_type in enumerate(ordered):
        line = lines[index % len(lines)]
        base_id = None
        if device_type.kind == "dect-handset":
            base_id = next((bases[b] for b in device_type.compatible_bases if bases.get(b)), None)
        device = ctx.devices.create(actor, line.id, device_type.id, DeviceInput(user_name="demo", base_unit_id=base_id))
        if device_type.kind == "dect-base":
            bases[device_type.id] = device.id
        other = lines[(index + 1) % len(lines)].number
        for key_id, feature, value in _key_plan(ctx, device_type):
            ctx.keys.assign(actor, device.id, 0, key_id, feature, value.format(other=other))
        devices.append(ctx.devices.get(actor, device.id))
        if progress is not None:
            progress(index + 1, len(ordered))
    return DemoResult(pbx=pbx, lines=tuple(ctx.lines.list(actor, pbx.id)), devices=tuple(devices))


def _key_plan(ctx: AppContext, device_type: DeviceType) -> list[tuple[str, str, str]]:
    """Each planned feature once, on the first free key that accepts it."""
    plan, remaining = [], list(_KEY_PLAN)
    for key in device_type.keys:
        choice = next(((f, v) for f, v in remaining if ctx.catalog.accepts(device_type.id, 0, key.id, f)), None)
        if choice is not None:
            plan.append((key.id, *choice))
            remaining.remove(choice)
    return plan
