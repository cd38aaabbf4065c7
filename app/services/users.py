"""Console users and login: provider, vPBX administrator, user (with their lines)."""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app import security
from app import validation as v
from app.services.base import NotFound, PermissionDenied, Service
from app.services.dto import Actor, UserInfo
from models.schema import ROLES, ConsoleUser, Line, Pbx, UserLine

MIN_CONSOLE_PASSWORD = 8


class LoginFailed(PermissionError):
    pass


def _check_password(password: str) -> str:
    if len(password) < MIN_CONSOLE_PASSWORD:
        raise v.ValidationError("password", f"use at least {MIN_CONSOLE_PASSWORD} characters.")
    return password


class UserService(Service):
    def has_users(self) -> bool:
        with self.ctx.db.session() as s:
            return bool(s.scalar(sa.select(sa.func.count()).select_from(ConsoleUser)))

    def create_first_provider(self, username: str, password: str) -> Actor:
        """The first start creates the first provider account; refused once any user exists."""
        name = v.name(username, "user name", 64)
        _check_password(password)
        with self.ctx.db.session() as s:
            if s.scalar(sa.select(sa.func.count()).select_from(ConsoleUser)):
                raise PermissionDenied("the first provider exists already; log in instead.")
            row = ConsoleUser(username=name, role="provider", password_hash=security.hash_console_password(password),
                              created_at=self.ctx.clock())
            s.add(row)
            s.flush()
            actor = Actor(name, "provider")
            self.audit(s, actor, "create first provider", "console_user", row.id)
        return actor

    def login(self, username: str, password: str) -> Actor:
        with self.ctx.db.session() as s:
            row = s.scalar(sa.select(ConsoleUser).where(ConsoleUser.username == username.strip()))
            if row is None or not security.verify_console_password(password, row.password_hash):
                raise LoginFailed("user name or password is wrong.")
            return self._actor(s, row)

    def actor(self, username: str) -> Actor:
        """Refresh an actor (e.g. after their lines changed)."""
        with self.ctx.db.session() as s:
            row = s.scalar(sa.select(ConsoleUser).where(ConsoleUser.username == username))
            if row is None:
                raise NotFound(f"console user {username!r} not found.")
            return self._actor(s, row)

    @staticmethod
    def _actor(s: Session, row: ConsoleUser) -> Actor:
        lines = frozenset(s.scalars(sa.select(UserLine.line_id).where(UserLine.user_id == row.id)))
        return Actor(row.username, row.role, row.pbx_id, lines)

    def create(self, actor: Actor, username: str, password: str, role: str, pbx_id: int | None = None,
               line_ids: tuple[int, ...] = ()) -> UserInfo:
        if role not in ROLES:
            raise v.ValidationError("role", f"{role!r} is not one of {', '.join(ROLES)}.")
        if role == "provider":
            self.require_provider(actor)
        else:
            if pbx_id is None:
                raise v.ValidationError("vPBX", f"a {role} belongs to a vPBX; choose one.")
            self.require_admin(actor, pbx_id)
        name = v.name(username, "user name", 64)
        _check_password(password)
        with self.ctx.db.session() as s:
            if s.scalar(sa.select(ConsoleUser.id).where(ConsoleUser.username == name)):
                raise v.ValidationError("user name", f"{name!r} exists already.")
            if pbx_id is not None and s.get(Pbx, pbx_id) is None:
                raise NotFound(f"vPBX {pbx_id} not found.")
            row = ConsoleUser(username=name, role=role, pbx_id=pbx_id if role != "provider" else None,
                              password_hash=security.hash_console_password(password), created_at=self.ctx.clock())
            s.add(row)
            s.flush()
            self._set_lines(s, row, line_ids)
            self.audit(s, actor, "create", "console_user", row.id, f"name={name} role={role}")
            event = self.finish(s, "user", [row.id])
            info = self._info(s, row)
        self.publish(event)
        return info

    def set_lines(self, actor: Actor, user_id: int, line_ids: tuple[int, ...]) -> UserInfo:
        with self.ctx.db.session() as s:
            row = s.get(ConsoleUser, user_id)
            if row is None:
                raise NotFound(f"console user {user_id} not found.")
            self.require_admin(actor, row.pbx_id)
            self._set_lines(s, row, line_ids)
            self.audit(s, actor, "set lines", "console_user", user_id, f"lines={sorted(line_ids)}")
            event = self.finish(s, "user", [user_id])
            info = self._info(s, row)
        # after the commit, like every service: a subscriber that reads back sees the new lines
        self.publish(event)
        return info

    @staticmethod
    def _set_lines(s: Session, row: ConsoleUser, line_ids: tuple[int, ...]) -> None:
        if line_ids and row.role != "user":
            raise v.ValidationError("lines", "only users of role 'user' get lines; administrators see all.")
        for line_id in line_ids:
            line = s.get(Line, line_id)
            if line is None or line.pbx_id != row.pbx_id:
                raise v.ValidationError("lines", f"line {line_id} is not a line of the user's vPBX.")
        s.execute(sa.delete(UserLine).where(UserLine.user_id == row.id))
        for line_id in sorted(set(line_ids)):
            s.add(UserLine(user_id=row.id, line_id=line_id))

    def list(self, actor: Actor) -> list[UserInfo]:
        with self.ctx.db.session() as s:
            query = sa.select(ConsoleUser).order_by(ConsoleUser.username)
            if actor.role == "pbx_admin":
                query = query.where(ConsoleUser.pbx_id == actor.pbx_id)
            elif actor.role == "user":
                query = query.where(ConsoleUser.username == actor.username)
            return [self._info(s, r) for r in s.scalars(query)]

    @staticmethod
    def _info(s: Session, row: ConsoleUser) -> UserInfo:
        lines = tuple(sorted(s.scalars(sa.select(UserLine.line_id).where(UserLine.user_id == row.id))))
        return UserInfo(row.id, row.username, row.role, row.pbx_id, lines)

    def delete(self, actor: Actor, user_id: int) -> None:
        with self.ctx.db.session() as s:
            row = s.get(ConsoleUser, user_id)
            if row is None:
                raise NotFound(f"console user {user_id} not found.")
            if row.role == "provider":
                self.require_provider(actor)
                others = s.scalar(sa.select(sa.func.count()).select_from(ConsoleUser).where(
                    ConsoleUser.role == "provider", ConsoleUser.id != user_id))
                if not others:
                    raise v.ValidationError("user", "the last provider cannot be deleted.")
            else:
                self.require_admin(actor, row.pbx_id)
            s.delete(row)
            self.audit(s, actor, "delete", "console_user", user_id, f"name={row.username}")
            event = self.finish(s, "user", [user_id])
        self.publish(event)
