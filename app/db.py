"""Opening the database: SQLite by default (WAL, foreign keys on), any SQLAlchemy URL otherwise."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from models import migrations


class DatabaseError(RuntimeError):
    """The database cannot be opened; the message says why and what to do."""


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _normalise_url(url: str) -> str:
    # "postgresql://" would pick psycopg2, which we do not ship; psycopg 3 is the supported driver
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def create_engine(url: str) -> sa.Engine:
    url = _normalise_url(url)
    try:
        engine = sa.create_engine(url, future=True, pool_pre_ping=True)
    except (sa.exc.ArgumentError, ImportError) as exc:
        raise DatabaseError(
            f"Cannot use database URL {sa.engine.make_url(url).render_as_string(hide_password=True)!r}: "
            f"{exc}. Use e.g. sqlite:////path/to/console.db or postgresql://user@host/dbname."
        ) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA busy_timeout = 5000")
    cur.close()


class Database:
    """An engine plus short-lived sessions; sessions never cross threads."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = create_engine(url)
        try:
            migrations.upgrade(self.engine)
        except sa.exc.OperationalError as exc:
            safe = self.engine.url.render_as_string(hide_password=True)
            raise DatabaseError(f"Cannot open database {safe}: {exc.orig}") from exc
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: committed on success, rolled back on any error (nothing half-saved)."""
        with self._sessions() as session, session.begin():
            yield session

    def change_count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(sa.text("SELECT value FROM change_counter WHERE id = 1")).scalar_one())

    def dispose(self) -> None:
        self.engine.dispose()


def bump_change_counter(session: Session) -> None:
    session.execute(sa.text("UPDATE change_counter SET value = value + 1 WHERE id = 1"))
