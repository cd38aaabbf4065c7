"""From the database to each device's native configuration files."""
from __future__ import annotations

import logging
from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from app import render as rendering
from app.render.inputs import (
    DeviceData,
    HandsetData,
    KeyData,
    LineData,
    PbxData,
    PortData,
    RenderedFile,
    RenderInput,
)
from app.services.base import NotFound, Service
from app.services.dto import Actor
from app.services.keys import RELEASED
from models.schema import Device, GatewayPort, Line, Pbx, PhonebookEntry

log = logging.getLogger(__name__)

def line_data(line: Line) -> LineData:
    return LineData(number=line.number, display_name=line.display_name, sip_user=line.sip_user,
                    auth_user=line.auth_user, password=line.password)

def pbx_data(pbx: Pbx) -> PbxData:
    return PbxData(name=pbx.name, sip_domain=pbx.sip_domain, registrar_host=pbx.registrar_host,
                   registrar_port=pbx.registrar_port, transport=pbx.transport,
                   outbound_proxy=pbx.outbound_proxy, wss_url=pbx.wss_url,
                   pickup_prefix=pbx.pickup_prefix, voicemail_number=pbx.voicemail_number, ntp_server=pbx.ntp_server,
                   time_zone=pbx.time_zone, language=pbx.language)

class ConfigService(Service):
    def render_input(self, s: Session, device: Device) -> RenderInput:
        line = device.line
        pbx = s.get(Pbx, line.pbx_id)
        assert pbx is not None
        names = dict(s.execute(sa.select(Line.number, Line.display_name).where(Line.pbx_id == pbx.id)).all())
        catalog = self.ctx.catalog
        keys = []
        released = []
        for key in sorted(device.keys, key=lambda k: (k.module, k.id)):
            if key.feature == RELEASED:
                released.append((key.module, key.key_id))
                continue
            label = key.label
            if not label and catalog.features[key.feature].value_kind == "subscriber":
                # an empty label follows the subscriber's current name (a rename shows on the next sync)
                label = names.get(key.value) or key.value
            keys.append(KeyData(module=key.module, key_id=key.key_id, feature=key.feature,
                                value=key.value, label=label))
        device_type = catalog.device_type(device.type_id)
        handsets: tuple[HandsetData, ...] = ()
        if device_type.kind == "dect-base":
            bound = s.scalars(sa.select(Device).where(Device.base_unit_id == device.id).order_by(Device.id))
            handsets = tuple(HandsetData(device_id=h.id, type_id=h.type_id, slot=i, line=line_data(h.line))
                             for i, h in enumerate(bound, start=1))
        ports: tuple[PortData, ...] = ()
        if device_type.kind == "gateway":
            extra = {p.port: p for p in s.scalars(sa.select(GatewayPort).where(GatewayPort.device_id == device.id))}
            ports = (PortData(port=1, line=line_data(line), fax=device_type.fax),)
            ports += tuple(PortData(port=n, line=line_data(s.get(Line, extra[n].line_id)),  # type: ignore[arg-type]
                                    fax=extra[n].fax and device_type.fax) for n in sorted(extra))
        phonebook = tuple(s.execute(sa.select(PhonebookEntry.name, PhonebookEntry.number)
                                    .where(PhonebookEntry.pbx_id == pbx.id).order_by(PhonebookEntry.name)).all())
        return RenderInput(
            pbx=pbx_data(pbx),
            device=DeviceData(
                device_id=device.id, type_id=device.type_id, mac=device.mac, access_key=device.access_key,
                admin_password=device.admin_password, user_name=device.user_name,
                user_password=device.user_password, line=line_data(line), keys=tuple(keys), released_keys=tuple(released),
                handsets=handsets, ports=ports),
            base_url=self.ctx.base_url(),
            phonebook=tuple((name, number) for name, number in phonebook),
        )

    def render_device(self, actor: Actor, device_id: int) -> tuple[RenderedFile, ...]:
        with self.ctx.db.session() as s:
            device = s.get(Device, device_id)
            if device is None or not self.can_see_line(actor, device.line):
                raise NotFound(f"device {device_id} not found.")
            return rendering.render(self.ctx.catalog, self.render_input(s, device))

    def render_many(self, device_ids: Iterable[int] | None = None) -> dict[int, tuple[str, int, tuple[RenderedFile, ...]]]:
        """For the provisioning snapshot (system use, no actor): device id -> (key, revision, files)."""
        with self.ctx.db.session() as s:
            query = sa.select(Device).options(selectinload(Device.keys), selectinload(Device.line))
            if device_ids is not None:
                query = query.where(Device.id.in_(list(device_ids)))
            result = {}
            for device in s.scalars(query):
                try:
                    files = rendering.render(self.ctx.catalog, self.render_input(s, device))
                except rendering.RenderError as exc:
                    # one device with incomplete data must not stop every other device's provisioning
                    log.warning("device %d is not served: %s", device.id, exc)
                    continue
                result[device.id] = (device.access_key, device.config_revision, files)
            return result
