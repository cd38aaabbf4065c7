"""Reading the audit log and the provisioning access log."""
from __future__ import annotations

import sqlalchemy as sa

from app.services.base import Service
from app.services.dto import AccessLogInfo, Actor, AuditInfo
from models.schema import AccessLogEntry, AuditEntry, Device, Line


class LogService(Service):
    def audit(self, actor: Actor, limit: int = 200) -> list[AuditInfo]:
        self.require_admin(actor)
        with self.ctx.db.session() as s:
            query = sa.select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
            return [AuditInfo(a.at, a.actor, a.action, a.object_type, a.object_id, a.details)
                    for a in s.scalars(query)]

    def access(self, actor: Actor, limit: int = 500, refusals_only: bool = False) -> list[AccessLogInfo]:
        """Administrators see every entry of their scope; refusals without a device only providers."""
        with self.ctx.db.session() as s:
            query = (sa.select(AccessLogEntry).outerjoin(Device, Device.id == AccessLogEntry.device_id)
                     .outerjoin(Line, Line.id == Device.line_id)
                     .order_by(AccessLogEntry.id.desc()).limit(limit))
            if refusals_only:
                query = query.where(AccessLogEntry.status >= 400)
            if actor.role == "pbx_admin":
                query = query.where(Line.pbx_id == actor.pbx_id)
            elif actor.role == "user":
                query = query.where(Line.id.in_(actor.line_ids or [-1]))
            return [AccessLogInfo(e.at, e.client_ip, e.device_id, e.status, e.reason, e.user_agent)
                    for e in s.scalars(query)]
