"""Telephone lines: numbers with their SIP registration data."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app import validation as v
from app.services.base import NotFound, Service, plain_rows
from app.services.dto import Actor, LineInfo
from models.schema import Account, Device, KeyAssignment, Line, Pbx

# changing these changes what the devices of the line download (the manual's "must be synchronized")
CONFIG_FIELDS = ("number", "display_name", "sip_user", "auth_user", "password")


@dataclass(frozen=True)
class LineInput:
    number: str
    display_name: str = ""
    sip_user: str = ""  # empty: the number
    auth_user: str = ""  # empty: the SIP user
    password: str = ""  # empty on update: unchanged
    blocked_public: bool = False
    topstop_limit: str | Decimal | None = None
    account_id: int | None = None  # empty: the vPBX's first account

    def validated(self, *, creating: bool) -> dict[str, object]:
        number = v.phone_number(self.number)
        user = v.sip_user(self.sip_user or number, "SIP user")
        values: dict[str, object] = {
            "number": number,
            "display_name": v.display_name(self.display_name),
            "sip_user": user,
            "auth_user": v.sip_user(self.auth_user or user, "auth user"),
            "blocked_public": bool(self.blocked_public),
            "topstop_limit": v.topstop(self.topstop_limit, "line TopStop"),
        }
        if self.password or creating:
            values["password"] = v.sip_password(self.password)
        return values


class LineService(Service):
    def _info(self, s: Session, actor: Actor, row: Line) -> LineInfo:
        count = s.scalar(sa.select(sa.func.count()).select_from(Device).where(Device.line_id == row.id)) or 0
        show_credentials = actor.is_admin
        return LineInfo(
            id=row.id, pbx_id=row.pbx_id, account_id=row.account_id, number=row.number,
            display_name=row.display_name,
            sip_user=row.sip_user if show_credentials else None,
            auth_user=row.auth_user if show_credentials else None,
            blocked_public=row.blocked_public, topstop_limit=row.topstop_limit, device_count=count,
        )

    def _load(self, s: Session, actor: Actor, line_id: int) -> Line:
        row = s.get(Line, line_id)
        if row is None:
            raise NotFound(f"line {line_id} not found.")
        self.require_line(actor, row)
        return row

    def list(self, actor: Actor, pbx_id: int | None = None) -> list[LineInfo]:
        with self.ctx.db.session() as s:
            counts = (sa.select(Device.line_id, sa.func.count().label("n")).group_by(Device.line_id).subquery())
            # plain columns, not ORM objects: the Phones tab lists 10,000 lines
            query = (sa.select(Line.id, Line.pbx_id, Line.account_id, Line.number, Line.display_name, Line.sip_user,
                               Line.auth_user, Line.blocked_public, Line.topstop_limit,
                               sa.func.coalesce(counts.c.n, 0).label("device_count"))
                     .outerjoin(counts, counts.c.line_id == Line.id).order_by(Line.pbx_id, Line.number))
            if pbx_id is not None:
                query = query.where(Line.pbx_id == pbx_id)
            if actor.role == "pbx_admin":
                query = query.where(Line.pbx_id == actor.pbx_id)
            elif actor.role == "user":
                query = query.where(Line.id.in_(actor.line_ids or [-1]))
            result = []
            for row in plain_rows(s.execute(query)):
                result.append(LineInfo(
                    id=row.id, pbx_id=row.pbx_id, account_id=row.account_id, number=row.number,
                    display_name=row.display_name,
                    sip_user=row.sip_user if actor.is_admin else None,
                    auth_user=row.auth_user if actor.is_admin else None,
                    blocked_public=row.blocked_public, topstop_limit=row.topstop_limit,
                    device_count=row.device_count))
            return result

    def get(self, actor: Actor, line_id: int) -> LineInfo:
        with self.ctx.db.session() as s:
            return self._info(s, actor, self._load(s, actor, line_id))

    def find(self, actor: Actor, number: str, pbx_id: int | None = None) -> LineInfo:
        clean = v.phone_number(number)
        with self.ctx.db.session() as s:
            query = sa.select(Line).where(Line.number == clean)
            if pbx_id is not None:
                query = query.where(Line.pbx_id == pbx_id)
            rows = [r for r in s.scalars(query) if self.can_see_line(actor, r)]
            if not rows:
                raise NotFound(f"no line with number {clean}.")
            if len(rows) > 1:
                raise NotFound(f"number {clean} exists in several vPBXs; give the vPBX.")
            return self._info(s, actor, rows[0])

    def sip_password(self, actor: Actor, line_id: int) -> str:
        """Only for administrators (e.g. to show it on demand in the PBX tab); never logged."""
        with self.ctx.db.session() as s:
            row = self._load(s, actor, line_id)
            self.require_admin(actor, row.pbx_id)
            return row.password

    def create(self, actor: Actor, pbx_id: int, data: LineInput) -> LineInfo:
        self.require_admin(actor, pbx_id)
        values = data.validated(creating=True)
        with self.ctx.db.session() as s:
            line = self.create_in(s, actor, pbx_id, data.account_id, values)
            event = self.finish(s, "line", [line.id])
            info = self._info(s, actor, line)
        self.publish(event)
        return info

    def create_in(self, s: Session, actor: Actor, pbx_id: int, account_id: int | None,
                  values: dict[str, object]) -> Line:
        """Create within an open transaction (used by import, which rejects a file as a whole)."""
        if s.get(Pbx, pbx_id) is None:
            raise NotFound(f"vPBX {pbx_id} not found.")
        if account_id is None:
            account_id = s.scalar(sa.select(Account.id).where(Account.pbx_id == pbx_id).order_by(Account.id))
            if account_id is None:
                raise v.ValidationError("account", "this vPBX has no account yet; create one first.")
        else:
            account = s.get(Account, account_id)
            if account is None or account.pbx_id != pbx_id:
                raise v.ValidationError("account", f"account {account_id} does not belong to this vPBX.")
        if s.scalar(sa.select(Line.id).where(Line.pbx_id == pbx_id, Line.number == values["number"])):
            raise v.ValidationError("number", f"{values['number']} exists already in this vPBX.")
        line = Line(pbx_id=pbx_id, account_id=account_id, **values)
        s.add(line)
        s.flush()
        self.audit(s, actor, "create", "line", line.id, f"number={line.number}")
        return line

    def update(self, actor: Actor, line_id: int, data: LineInput) -> LineInfo:
        values = data.validated(creating=False)
        with self.ctx.db.session() as s:
            row = self._load(s, actor, line_id)
            self.require_admin(actor, row.pbx_id)
            clash = s.scalar(sa.select(Line.id).where(
                Line.pbx_id == row.pbx_id, Line.number == values["number"], Line.id != line_id))
            if clash:
                raise v.ValidationError("number", f"{values['number']} exists already in this vPBX.")
            if data.account_id is not None and data.account_id != row.account_id:
                account = s.get(Account, data.account_id)
                if account is None or account.pbx_id != row.pbx_id:
                    raise v.ValidationError("account", f"account {data.account_id} does not belong to this vPBX.")
                row.account_id = data.account_id
            old_number = row.number
            changed = [k for k, val in values.items() if getattr(row, k) != val]
            for key in changed:
                setattr(row, key, values[key])
            if set(changed) & set(CONFIG_FIELDS):
                self.mark_devices_changed(s, self.devices_depending_on_lines(s, [line_id]))
            if set(changed) & {"number", "display_name"}:
                # keys of other devices that show this subscriber (BLF, team, ...) carry its name
                self.mark_devices_changed(s, s.scalars(
                    sa.select(KeyAssignment.device_id).join(Device).join(Line, Line.id == Device.line_id)
                    .where(Line.pbx_id == row.pbx_id, KeyAssignment.value == old_number)))
            # field names only: the password itself never reaches the audit log
            self.audit(s, actor, "update", "line", line_id, "changed: " + ", ".join(changed))
            event = self.finish(s, "line", [line_id])
            info = self._info(s, actor, row)
        self.publish(event)
        return info

    def delete(self, actor: Actor, line_id: int) -> None:
        from app.services.devices import retire_key

        with self.ctx.db.session() as s:
            row = self._load(s, actor, line_id)
            self.require_admin(actor, row.pbx_id)
            for device in row.devices:
                retire_key(s, device.access_key, None, self.ctx.clock())
            dependents = self.devices_depending_on_lines(s, [line_id]) - {d.id for d in row.devices}
            self.mark_devices_changed(s, dependents)
            s.delete(row)
            self.audit(s, actor, "delete", "line", line_id, f"number={row.number}")
            event = self.finish(s, "line", [line_id])
        self.publish(event)
