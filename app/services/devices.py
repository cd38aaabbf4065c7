"""Devices of a line: type, access key, MAC provisioning, passwords, DECT base unit, gateway ports."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app import security
from app import validation as v
from app.services.base import NotFound, Service, plain_rows
from app.services.dto import Actor, DeviceInfo
from models.schema import Device, GatewayPort, Line, Pbx, RetiredAccessKey

# the manual: "Only the configuration data on the telephone exchange will be deleted! ..."
DELETE_WARNING = (
    "Only the configuration data on the telephone exchange will be deleted! The configuration on the "
    "VoIP device is not deleted. If the VoIP device is to be reused, make sure you know the access data "
    "of the device in order to reset it to factory settings."
)
NEW_KEY_WARNING = (
    "A new access key makes the current link invalid at once. The device cannot load its configuration "
    "until it is configured again with the new link (manually or via the redirection service). "
    "Key assignments are kept. Use a new access key after misuse or loss of configuration data."
)


@dataclass(frozen=True)
class DeviceInput:
    """`None` leaves a field unchanged on update. For passwords "" means: a random 40-digit one."""

    admin_password: str | None = None
    user_name: str | None = None
    user_password: str | None = None
    mac: str | None = None  # "" clears it
    mac_provisioning: str | None = None
    base_unit_id: int | None = None
    clear_base_unit: bool = False


def retire_key(s: Session, access_key: str, device_id: int | None, at: datetime) -> None:
    s.add(RetiredAccessKey(key_hash=security.access_key_hash(access_key), device_id=device_id, retired_at=at))


def handsets_losing_base(s: Session, base_id: int) -> list[tuple[int, str]]:
    """(device id, line number) of the handsets bound to a DECT base."""
    return [(i, n) for i, n in s.execute(sa.select(Device.id, Line.number).join(Line, Device.line_id == Line.id)
                                         .where(Device.base_unit_id == base_id).order_by(Device.id)).all()]


def orphan_warning(handsets: list[tuple[int, str]]) -> str:
    """Handsets are kept (their lines and keys stay) and need a base unit before they work again."""
    names = ", ".join(f"device {i} (line {n})" for i, n in handsets)
    return (f"These handsets lost their base unit and need a base unit before they work again: {names}. "
            "Choose a base unit for each (Device dialog or `device update ID --base-unit BASE`).")


class DeviceService(Service):
    # --- reading ---------------------------------------------------------------------------
    def info(self, row: Device, base_url: str | None = None, line_number: str | None = None) -> DeviceInfo:
        """From a Device row, or from a result row of the same columns (see `list`).
        `base_url`: pass it when converting many rows (base_url() may resolve this host's name)."""
        device_type = self.ctx.catalog.device_type(row.type_id)
        return DeviceInfo(
            id=row.id, line_id=row.line_id, line_number=line_number if line_number is not None else row.line.number,
            type_id=row.type_id, type_label=f"{device_type.vendor} {device_type.model}",
            access_key=row.access_key,
            url=f"{base_url}{row.access_key}.cfg" if base_url is not None else self.url_for(row.access_key),
            mac=row.mac, mac_provisioning=row.mac_provisioning,
            admin_password=None if row.admin_password_generated else row.admin_password,
            admin_password_generated=row.admin_password_generated,
            user_name=row.user_name,
            user_password=None if row.user_password_generated else row.user_password,
            user_password_generated=row.user_password_generated,
            base_unit_id=row.base_unit_id, last_access_at=row.last_access_at,
            last_access_ip=row.last_access_ip, last_access_user_agent=row.last_access_user_agent,
            config_revision=row.config_revision, served_revision=row.served_revision,
            needs_sync=row.needs_sync, synchronized_at=row.synchronized_at,
        )

    def url_for(self, access_key: str) -> str:
        return f"{self.ctx.base_url()}{access_key}.cfg"

    def _load(self, s: Session, actor: Actor, device_id: int) -> Device:
        row = s.get(Device, device_id)
        if row is None:
            raise NotFound(f"device {device_id} not found.")
        if not self.can_see_line(actor, row.line):
            raise NotFound(f"device {device_id} not found.")  # same answer as for a missing device
        return row

    def list(self, actor: Actor, line_id: int | None = None, pbx_id: int | None = None) -> list[DeviceInfo]:
        with self.ctx.db.session() as s:
            # plain columns with the line's number in one query: the Phones tab lists 10,000 devices,
            # and ORM objects (or a query per device for its line) cost a second there
            columns = [c for c in Device.__table__.columns if c.name != "created_at"]
            query = (sa.select(*columns, Line.number.label("line_number")).join(Line, Device.line_id == Line.id)
                     .order_by(Line.pbx_id, Line.number, Device.id))
            if line_id is not None:
                query = query.where(Device.line_id == line_id)
            if pbx_id is not None:
                query = query.where(Line.pbx_id == pbx_id)
            if actor.role == "pbx_admin":
                query = query.where(Line.pbx_id == actor.pbx_id)
            elif actor.role == "user":
                query = query.where(Line.id.in_(actor.line_ids or [-1]))
            base_url = self.ctx.base_url()
            return [self.info(r, base_url, r.line_number)  # type: ignore[arg-type]
                    for r in plain_rows(s.execute(query))]

    def get(self, actor: Actor, device_id: int) -> DeviceInfo:
        with self.ctx.db.session() as s:
            return self.info(self._load(s, actor, device_id))

    def compatible_bases(self, actor: Actor, handset_type_id: str, pbx_id: int) -> list[DeviceInfo]:
        """DECT bases in the vPBX that this handset type fits (the manual's Base Unit menu)."""
        handset = self.ctx.catalog.device_type(handset_type_id)
        allowed = set(getattr(handset, "compatible_bases", ()) or ())
        return [d for d in self.list(actor, pbx_id=pbx_id) if d.type_id in allowed]

    # --- writing ---------------------------------------------------------------------------
    def create(self, actor: Actor, line_id: int, type_id: str, data: DeviceInput = DeviceInput()) -> DeviceInfo:
        with self.ctx.db.session() as s:
            line = s.get(Line, line_id)
            if line is None or not self.can_see_line(actor, line):
                raise NotFound(f"line {line_id} not found.")
            row = self.create_in(s, actor, line, type_id, data)
            event = self.finish(s, "device", [row.id])
            info = self.info(row)
        self.publish(event)
        return info

    def create_in(self, s: Session, actor: Actor, line: Line, type_id: str, data: DeviceInput) -> Device:
        row = self.prepare_new(s, line, type_id, data)
        s.add(row)
        s.flush()
        if row.base_unit_id is not None:
            self.mark_devices_changed(s, [row.base_unit_id])
        self.audit(s, actor, "create", "device", row.id, f"line={line.number} type={type_id}")
        return row

    def prepare_new(self, s: Session, line: Line, type_id: str, data: DeviceInput, pbx: Pbx | None = None) -> Device:
        """A validated new Device (access key, generated passwords), not yet added to the session:
        the importer prepares thousands of them before its one short write transaction."""
        try:
            device_type = self.ctx.catalog.device_type(type_id)
        except KeyError:
            raise v.ValidationError("Telephone", f"{type_id!r} is not a device type of the catalog.") from None
        if device_type.kind == "webrtc" and not (pbx or s.get(Pbx, line.pbx_id)).wss_url:  # type: ignore[union-attr]
            raise v.ValidationError(
                "Telephone", "a browser phone registers over WebSocket: set the vPBX's WebSocket URL "
                "(PBX tab) first.")
        row = Device(line_id=line.id, type_id=type_id, access_key=security.new_access_key(),
                     admin_password="", user_password="", user_name="", mac_provisioning="no",
                     config_revision=1, needs_sync=False, created_at=self.ctx.clock())
        row.line = line
        with s.no_autoflush:  # the row is not in the session yet: a query in _apply must not flush it
            self._apply(s, row, DeviceInput(admin_password=data.admin_password or "",
                                            user_name=data.user_name or "",
                                            user_password=data.user_password or "",
                                            mac=data.mac, mac_provisioning=data.mac_provisioning,
                                            base_unit_id=data.base_unit_id))
        return row

    def update(self, actor: Actor, device_id: int, data: DeviceInput) -> DeviceInfo:
        with self.ctx.db.session() as s:
            row = self._load(s, actor, device_id)
            old_base = row.base_unit_id
            changed = self._apply(s, row, data)
            config_changed = set(changed) - {"mac", "mac_provisioning"}
            if config_changed:
                self.mark_devices_changed(s, [device_id])
            if "base_unit" in changed:
                self.mark_devices_changed(s, [b for b in (old_base, row.base_unit_id) if b is not None])
            self.audit(s, actor, "update", "device", device_id, "changed: " + ", ".join(changed))
            event = self.finish(s, "device", [device_id])
            s.flush()
            s.refresh(row)
            info = self.info(row)
        self.publish(event)
        return info

    def _apply(self, s: Session, row: Device, data: DeviceInput) -> list[str]:
        """Validate everything first, then write: an error leaves the row untouched."""
        device_type = self.ctx.catalog.device_type(row.type_id)
        updates: dict[str, object] = {}
        for kind in ("admin", "user"):
            text = getattr(data, f"{kind}_password")
            if text is None:
                continue
            label = f"Password for '{kind}'"
            chosen = v.device_password(text, label)
            if chosen is None:
                if not getattr(row, f"{kind}_password_generated") or not getattr(row, f"{kind}_password"):
                    updates[f"{kind}_password"] = security.generated_device_password()
                    updates[f"{kind}_password_generated"] = True
            else:
                updates[f"{kind}_password"] = chosen
                updates[f"{kind}_password_generated"] = False
        if data.user_name is not None:
            updates["user_name"] = v.device_user_name(data.user_name)
        mac = row.mac
        if data.mac is not None:
            mac = v.normalize_mac(data.mac)
            if mac is not None:
                other = s.scalar(sa.select(Device).where(Device.mac == mac, Device.id != (row.id or 0)))
                if other is not None:
                    raise v.ValidationError(
                        "MAC", f"{mac.upper()} is already used by device {other.id} on line "
                        f"{other.line.number}; each device has its own MAC address.")
            updates["mac"] = mac
        if data.mac_provisioning is not None and data.mac_provisioning != row.mac_provisioning:
            state = v.mac_provisioning(data.mac_provisioning)
            if state == "done":
                raise v.ValidationError(
                    "MAC provisioning", "'done' is set by the console after the device has loaded its "
                    "configuration; choose 'once' to allow provisioning via the redirection service.")
            if state == "once":
                if mac is None:
                    raise v.ValidationError("MAC provisioning", "enter the device's MAC address before choosing 'once'.")
                if not getattr(device_type, "redirection", None):
                    raise v.ValidationError(
                        "MAC provisioning", f"{device_type.vendor} {device_type.model} has no redirection "
                        "service; configure it manually with [Manual configure ...].")
            updates["mac_provisioning"] = state
        if data.clear_base_unit:
            updates["base_unit_id"] = None
        elif data.base_unit_id is not None:
            updates["base_unit_id"] = self._check_base(s, row, device_type, data.base_unit_id)
        changed = [k for k, val in updates.items() if getattr(row, k) != val]
        for key in changed:
            setattr(row, key, updates[key])
        names = {"admin_password_generated": "admin_password", "user_password_generated": "user_password",
                 "base_unit_id": "base_unit"}
        return sorted({names.get(k, k) for k in changed})

    def _check_base(self, s: Session, row: Device, device_type: object, base_id: int) -> int:
        if getattr(device_type, "kind", None) != "dect-handset":
            raise v.ValidationError("Base Unit", "only a DECT handset has a base unit.")
        base = s.get(Device, base_id)
        if base is None or base.line.pbx_id != row.line.pbx_id:
            raise v.ValidationError("Base Unit", f"device {base_id} is not a DECT base of this vPBX.")
        allowed = set(getattr(device_type, "compatible_bases", ()) or ())
        if base.type_id not in allowed:
            base_type = self.ctx.catalog.device_type(base.type_id)
            raise v.ValidationError(
                "Base Unit", f"a {device_type.vendor} {device_type.model} does not fit a "  # type: ignore[attr-defined]
                f"{base_type.vendor} {base_type.model}; choose one of the listed base stations.")
        limit = getattr(self.ctx.catalog.device_type(base.type_id), "max_handsets", None)
        if limit:
            bound = s.scalar(sa.select(sa.func.count()).select_from(Device).where(
                Device.base_unit_id == base_id, Device.id != (row.id or 0))) or 0
            if bound >= limit:
                raise v.ValidationError("Base Unit", f"this base station already serves its maximum of {limit} handsets.")
        return base_id

    def new_access_key(self, actor: Actor, device_id: int) -> DeviceInfo:
        with self.ctx.db.session() as s:
            row = self._load(s, actor, device_id)
            retire_key(s, row.access_key, row.id, self.ctx.clock())
            row.access_key = security.new_access_key()
            # the new link is a new configuration for the device: it has not fetched it yet
            row.served_revision = None
            self.audit(s, actor, "new access key", "device", device_id)
            event = self.finish(s, "device", [device_id])
            info = self.info(row)
        self.publish(event)
        return info

    def delete(self, actor: Actor, device_id: int) -> str:
        """Deletes the exchange-side data only; returns the manual's warning for the caller to show."""
        with self.ctx.db.session() as s:
            row = self._load(s, actor, device_id)
            orphans = handsets_losing_base(s, device_id)
            retire_key(s, row.access_key, None, self.ctx.clock())
            if row.base_unit_id is not None:
                self.mark_devices_changed(s, [row.base_unit_id])
            s.delete(row)
            self.audit(s, actor, "delete", "device", device_id, f"type={row.type_id}")
            event = self.finish(s, "device", [device_id])
        self.publish(event)
        if orphans:
            return DELETE_WARNING + " " + orphan_warning(orphans)
        return DELETE_WARNING

    def gateway_ports(self, actor: Actor, device_id: int) -> list[tuple[int, str | None]]:
        """(port, line number or None) for ports 1..n of a gateway; port 1 is the device's own line."""
        with self.ctx.db.session() as s:
            row = self._load(s, actor, device_id)
            device_type = self.ctx.catalog.device_type(row.type_id)
            if getattr(device_type, "kind", None) != "gateway":
                return []
            numbers = dict(s.execute(sa.select(GatewayPort.port, Line.number).join(Line, GatewayPort.line_id == Line.id)
                                     .where(GatewayPort.device_id == device_id)).all())
            numbers[1] = row.line.number
            return [(n, numbers.get(n)) for n in range(1, int(device_type.ports or 0) + 1)]

    def set_gateway_port(self, actor: Actor, device_id: int, port: int, line_id: int | None) -> None:
        """Ports 2..n of a gateway carry other lines of the same vPBX (port 1 is the device's own line).
        `line_id` None clears the port. Fax (T.38) is not chosen per port: on HT81x it is a setting of
        the SIP profile that all ports use (resources/devices/grandstream/ht81*.toml)."""
        with self.ctx.db.session() as s:
            row = self._load(s, actor, device_id)
            device_type = self.ctx.catalog.device_type(row.type_id)
            if getattr(device_type, "kind", None) != "gateway":
                raise v.ValidationError("port", "only a gateway (analog adapter) has analog ports.")
            ports = int(getattr(device_type, "ports", 0) or 0)
            model = f"{device_type.vendor} {device_type.model}"
            if not 1 <= port <= ports:
                raise v.ValidationError("port", f"port {port} does not exist: the {model} has ports 1 to {ports}.")
            if port == 1:
                raise v.ValidationError(
                    "port", f"port 1 carries the device's own line {row.line.number}; it is set when the device "
                    f"is created on a line. Choose a port from 2 to {ports}.")
            existing = s.scalar(sa.select(GatewayPort).where(GatewayPort.device_id == device_id,
                                                              GatewayPort.port == port))
            if line_id is None:
                if existing is not None:
                    s.delete(existing)
            else:
                line = s.get(Line, line_id)
                if line is None or line.pbx_id != row.line.pbx_id or not self.can_see_line(actor, line):
                    raise v.ValidationError("line", f"line {line_id} is not a line of this vPBX you may use.")
                used = {1: row.line_id} | {p.port: p.line_id for p in s.scalars(
                    sa.select(GatewayPort).where(GatewayPort.device_id == device_id))}
                # one line on two ports of one adapter would register the same account twice from the same
                # address and local SIP port: one binding, and which port rings is undefined
                clash = sorted(n for n, lid in used.items() if lid == line_id and n != port)
                if clash:
                    raise v.ValidationError(
                        "line", f"line {line.number} is already on port {clash[0]} of this gateway; each port "
                        "carries its own line (to ring two analog devices on one number, use a group on the exchange).")
                if existing is None:
                    s.add(GatewayPort(device_id=device_id, port=port, line_id=line_id, fax=bool(device_type.fax)))
                else:
                    existing.line_id = line_id
            self.mark_devices_changed(s, [device_id])
            self.audit(s, actor, "set port", "device", device_id, f"port={port} line={line_id}")
            event = self.finish(s, "device", [device_id])
        self.publish(event)

    def set_gateway_port_number(self, actor: Actor, device_id: int, port: int, number: str | None) -> None:
        """As `set_gateway_port`, naming the line by its number in the gateway's vPBX (the CLI's form)."""
        line_id = None
        if number is not None:
            with self.ctx.db.session() as s:
                row = self._load(s, actor, device_id)
                found = s.scalar(sa.select(Line).where(Line.pbx_id == row.line.pbx_id, Line.number == number.strip()))
                if found is None or not self.can_see_line(actor, found):
                    raise v.ValidationError("line", f"{number!r} is not a line of this gateway's vPBX you may use; "
                                            "see `line list`.")
                line_id = found.id
        self.set_gateway_port(actor, device_id, port, line_id)
