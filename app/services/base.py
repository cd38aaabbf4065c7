"""What every service shares: the database, the catalog, the bus, the clock, audit and role checks."""
from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.db import Database, bump_change_counter
from app.events import DataChanged, EventBus, utcnow
from app.services.dto import Actor
from models.schema import AuditEntry, Device, GatewayPort, Line


def plain_rows(result: sa.Result) -> Iterator:  # type: ignore[type-arg]
    """The rows of a column query as namedtuples: for lists of thousands (the Phones tab), attribute
    access on SQLAlchemy's Row costs several times more per field."""
    record = namedtuple("record", list(result.keys()))  # type: ignore[misc]
    return map(record._make, result)


class PermissionDenied(PermissionError):
    """The acting console user's role does not allow this."""


class NotFound(LookupError):
    pass


Clock = Callable[[], datetime]


@dataclass
class ServiceContext:
    db: Database
    catalog: object  # app.catalog.Catalog; typed loosely to keep this module import-light
    bus: EventBus
    base_url: Callable[[], str]  # the provisioning URL prefix, e.g. "https://host:8448/"
    clock: Clock = utcnow


class Service:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- roles ---------------------------------------------------------------------------
    @staticmethod
    def require_admin(actor: Actor, pbx_id: int | None = None) -> None:
        if actor.role == "provider":
            return
        if actor.role == "pbx_admin" and (pbx_id is None or actor.pbx_id == pbx_id):
            return
        raise PermissionDenied(f"{actor.username} ({actor.role}) may not change exchange data of this vPBX.")

    @staticmethod
    def require_provider(actor: Actor) -> None:
        if actor.role != "provider":
            raise PermissionDenied(f"only a provider may do this; {actor.username} is {actor.role}.")

    @staticmethod
    def can_see_line(actor: Actor, line: Line) -> bool:
        if actor.role == "provider":
            return True
        if actor.role == "pbx_admin":
            return line.pbx_id == actor.pbx_id
        return line.id in actor.line_ids

    def require_line(self, actor: Actor, line: Line) -> None:
        if not self.can_see_line(actor, line):
            # deliberately the same message as a missing line: a user learns nothing of other lines
            raise NotFound(f"line {line.id} not found.")

    # --- shared writes ---------------------------------------------------------------------
    def audit(self, session: Session, actor: Actor, action: str, object_type: str,
              object_id: int | None, details: str = "") -> None:
        session.add(AuditEntry(at=self.ctx.clock(), actor=actor.username, action=action,
                               object_type=object_type, object_id=object_id, details=details))

    def finish(self, session: Session, what: str, ids: Iterable[int] = ()) -> DataChanged:
        """Record that this transaction changed data; publish after commit via `publish`."""
        bump_change_counter(session)
        return DataChanged(what=what, ids=tuple(ids))

    def publish(self, event: DataChanged) -> None:
        self.ctx.bus.publish(event)

    @staticmethod
    def mark_devices_changed(session: Session, device_ids: Iterable[int]) -> None:
        ids = sorted(set(device_ids))
        if not ids:
            return
        session.execute(
            sa.update(Device)
            .where(Device.id.in_(ids))
            .values(config_revision=Device.config_revision + 1, needs_sync=True)
        )

    @staticmethod
    def devices_depending_on_lines(session: Session, line_ids: Iterable[int]) -> set[int]:
        """Devices whose configuration carries one of these lines: their own, a DECT base with a
        handset on it, a gateway with a port on it."""
        line_ids = list(set(line_ids))
        if not line_ids:
            return set()
        own = set(session.scalars(sa.select(Device.id).where(Device.line_id.in_(line_ids))))
        bases = set(session.scalars(
            sa.select(Device.base_unit_id).where(Device.line_id.in_(line_ids), Device.base_unit_id.is_not(None))
        ))
        gateways = set(session.scalars(sa.select(GatewayPort.device_id).where(GatewayPort.line_id.in_(line_ids))))
        return own | {b for b in bases if b is not None} | gateways
