"""vPBX, accounts and the vPBX phonebook: exchange access data, administrators only."""
from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal

import sqlalchemy as sa

from app import validation as v
from app.services.base import NotFound, PermissionDenied, Service
from app.services.dto import AccountInfo, Actor, PbxInfo, PhonebookEntryInfo
from models.schema import Account, Device, Line, Pbx, PhonebookEntry


@dataclass(frozen=True)
class PbxInput:
    name: str
    sip_domain: str
    registrar_host: str
    registrar_port: int | str = 5060
    transport: str = "udp"
    outbound_proxy: str = ""
    wss_url: str = ""  # SIP over WebSocket for browser phones, e.g. wss://pbx.example.net:8089/ws
    # the exchange's WebRTC login page ("Web-Telephone"); empty: derived from wss_url (see ui/device/webrtc_dialog.py)
    webrtc_login_url: str = ""
    pickup_prefix: str = "**"  # the exchange's directed-pickup prefix (BLF and team keys)
    voicemail_number: str = ""  # what the voicemail key dials; empty: the device's own setting
    ntp_server: str = "pool.ntp.org"
    time_zone: str = "UTC"
    language: str = "en"
    topstop_limit: str | Decimal | None = None

    def validated(self) -> dict[str, object]:
        return {
            "name": v.name(self.name, "vPBX name"),
            "sip_domain": v.host(self.sip_domain, "SIP domain"),
            "registrar_host": v.host(self.registrar_host, "registrar host"),
            "registrar_port": v.port_number(self.registrar_port, "registrar port"),
            "transport": v.transport(self.transport),
            "outbound_proxy": v.host_port(self.outbound_proxy, "outbound proxy"),
            "wss_url": v.websocket_url(self.wss_url),
            "webrtc_login_url": v.https_url(self.webrtc_login_url, "WebRTC login URL"),
            "pickup_prefix": v.dial_value(self.pickup_prefix, "pickup prefix") if self.pickup_prefix else "",
            "voicemail_number": v.dial_value(self.voicemail_number, "voicemail number")
            if self.voicemail_number else "",
            "ntp_server": v.host(self.ntp_server, "NTP server"),
            "time_zone": v.time_zone(self.time_zone),
            "language": v.language(self.language),
            "topstop_limit": v.topstop(self.topstop_limit, "vPBX TopStop"),
        }


PBX_FIELDS = tuple(f.name for f in fields(PbxInput))


def pbx_info(row: Pbx) -> PbxInfo:
    return PbxInfo(**{name: getattr(row, name) for name in ("id", *PBX_FIELDS)})


class PbxService(Service):
    def list(self, actor: Actor) -> list[PbxInfo]:
        with self.ctx.db.session() as s:
            query = sa.select(Pbx).order_by(Pbx.name)
            if actor.role != "provider":
                query = query.where(Pbx.id == actor.pbx_id)
            return [pbx_info(p) for p in s.scalars(query)]

    def get(self, actor: Actor, pbx_id: int) -> PbxInfo:
        if actor.role != "provider" and actor.pbx_id != pbx_id:
            raise NotFound(f"vPBX {pbx_id} not found.")
        with self.ctx.db.session() as s:
            row = s.get(Pbx, pbx_id)
            if row is None:
                raise NotFound(f"vPBX {pbx_id} not found.")
            return pbx_info(row)

    def create(self, actor: Actor, data: PbxInput) -> PbxInfo:
        self.require_provider(actor)
        values = data.validated()
        with self.ctx.db.session() as s:
            if s.scalar(sa.select(Pbx.id).where(Pbx.name == values["name"])):
                raise v.ValidationError("vPBX name", f"{values['name']!r} exists already; choose another name.")
            row = Pbx(**values)
            s.add(row)
            s.flush()
            s.add(Account(pbx_id=row.id, name="Main"))
            self.audit(s, actor, "create", "pbx", row.id, f"name={row.name}")
            event = self.finish(s, "pbx", [row.id])
            info = pbx_info(row)
        self.publish(event)
        return info

    def update(self, actor: Actor, pbx_id: int, data: PbxInput) -> PbxInfo:
        self.require_admin(actor, pbx_id)
        values = data.validated()
        with self.ctx.db.session() as s:
            row = s.get(Pbx, pbx_id)
            if row is None:
                raise NotFound(f"vPBX {pbx_id} not found.")
            clash = s.scalar(sa.select(Pbx.id).where(Pbx.name == values["name"], Pbx.id != pbx_id))
            if clash:
                raise v.ValidationError("vPBX name", f"{values['name']!r} exists already; choose another name.")
            changed = [k for k, val in values.items() if getattr(row, k) != val]
            for key in changed:
                setattr(row, key, values[key])
            if set(changed) - {"name", "topstop_limit"}:
                # exchange access data and NTP/time zone/language are in every device's configuration
                self.mark_devices_changed(s, self._device_ids(s, pbx_id))
            self.audit(s, actor, "update", "pbx", pbx_id, "changed: " + ", ".join(changed))
            event = self.finish(s, "pbx", [pbx_id])
            info = pbx_info(row)
        self.publish(event)
        return info

    def delete(self, actor: Actor, pbx_id: int) -> None:
        self.require_provider(actor)
        with self.ctx.db.session() as s:
            row = s.get(Pbx, pbx_id)
            if row is None:
                raise NotFound(f"vPBX {pbx_id} not found.")
            s.delete(row)
            self.audit(s, actor, "delete", "pbx", pbx_id, f"name={row.name}")
            event = self.finish(s, "pbx", [pbx_id])
        self.publish(event)

    @staticmethod
    def _device_ids(s: sa.orm.Session, pbx_id: int) -> list[int]:
        return list(s.scalars(sa.select(Device.id).join(Line).where(Line.pbx_id == pbx_id)))

    # --- accounts --------------------------------------------------------------------------
    def accounts(self, actor: Actor, pbx_id: int) -> list[AccountInfo]:
        self.require_admin(actor, pbx_id)
        with self.ctx.db.session() as s:
            rows = s.scalars(sa.select(Account).where(Account.pbx_id == pbx_id).order_by(Account.name))
            return [AccountInfo(a.id, a.pbx_id, a.name, a.topstop_limit) for a in rows]

    def save_account(self, actor: Actor, pbx_id: int, name: str, topstop_limit: str | None = None,
                     account_id: int | None = None) -> AccountInfo:
        self.require_admin(actor, pbx_id)
        clean_name = v.name(name, "account name")
        limit = v.topstop(topstop_limit, "account TopStop")
        with self.ctx.db.session() as s:
            clash = s.scalar(sa.select(Account.id).where(
                Account.pbx_id == pbx_id, Account.name == clean_name, Account.id != (account_id or 0)))
            if clash:
                raise v.ValidationError("account name", f"{clean_name!r} exists already in this vPBX.")
            if account_id is None:
                row = Account(pbx_id=pbx_id, name=clean_name, topstop_limit=limit)
                s.add(row)
            else:
                row = s.get(Account, account_id)
                if row is None or row.pbx_id != pbx_id:
                    raise NotFound(f"account {account_id} not found.")
                row.name, row.topstop_limit = clean_name, limit
            s.flush()
            self.audit(s, actor, "save", "account", row.id, f"name={row.name}")
            event = self.finish(s, "account", [row.id])
            info = AccountInfo(row.id, row.pbx_id, row.name, row.topstop_limit)
        self.publish(event)
        return info

    # --- phonebook -------------------------------------------------------------------------
    def phonebook(self, actor: Actor, pbx_id: int) -> list[PhonebookEntryInfo]:
        if actor.role != "provider" and actor.pbx_id != pbx_id:
            raise PermissionDenied("this phonebook belongs to another vPBX.")
        with self.ctx.db.session() as s:
            rows = s.scalars(sa.select(PhonebookEntry).where(PhonebookEntry.pbx_id == pbx_id)
                             .order_by(PhonebookEntry.name))
            return [PhonebookEntryInfo(e.id, e.pbx_id, e.name, e.number) for e in rows]

    def add_phonebook_entry(self, actor: Actor, pbx_id: int, name: str, number: str) -> PhonebookEntryInfo:
        self.require_admin(actor, pbx_id)
        entry_name, entry_number = v.name(name, "phonebook name"), v.phone_number(number, "phonebook number")
        with self.ctx.db.session() as s:
            row = PhonebookEntry(pbx_id=pbx_id, name=entry_name, number=entry_number)
            s.add(row)
            s.flush()
            self.mark_devices_changed(s, self._device_ids(s, pbx_id))
            self.audit(s, actor, "add", "phonebook_entry", row.id, f"name={entry_name}")
            event = self.finish(s, "phonebook", [pbx_id])
            info = PhonebookEntryInfo(row.id, pbx_id, entry_name, entry_number)
        self.publish(event)
        return info

    def delete_phonebook_entry(self, actor: Actor, entry_id: int) -> None:
        with self.ctx.db.session() as s:
            row = s.get(PhonebookEntry, entry_id)
            if row is None:
                raise NotFound(f"phonebook entry {entry_id} not found.")
            self.require_admin(actor, row.pbx_id)
            s.delete(row)
            self.mark_devices_changed(s, self._device_ids(s, row.pbx_id))
            self.audit(s, actor, "delete", "phonebook_entry", entry_id)
            event = self.finish(s, "phonebook", [row.pbx_id])
        self.publish(event)
