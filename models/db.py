"""Opening the database: SQLite (WAL, foreign keys, busy timeout) or PostgreSQL; migrations."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

APP_NAME = "can-cuoc-workstation"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def default_url() -> str:
    import platformdirs

    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "workstation.db"
    return f"sqlite:///{path}"


class DatabaseError(Exception):
    """The database cannot be used: ``code`` is a message code (db.locked, db.readonly, …)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


def classify(exc: BaseException) -> DatabaseError:
    """Map a driver error to a user-facing database error code."""
    text = str(getattr(exc, "orig", exc) or exc).lower()
    if "locked" in text or "busy" in text:
        return DatabaseError("db.locked", text)
    if "readonly" in text or "read-only" in text:
        return DatabaseError("db.readonly", text)
    if "no such table" in text or "undefinedtable" in text or "does not exist" in text:
        return DatabaseError("db.not_initialised", text)
    return DatabaseError("db.unreachable", text)


def _sqlite_pragmas(busy_timeout_ms: int) -> Any:
    def on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # pysqlite's own transaction handling defers BEGIN; we issue BEGIN ourselves (below)
        # so that writers take the lock up front instead of failing on upgrade.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    return on_connect


@contextmanager
def _committed(session: Session) -> Iterator[None]:
    """Commit when the block ends normally; roll back on any error, naming database errors."""
    try:
        yield
        session.commit()
    except OperationalError as exc:
        session.rollback()
        raise classify(exc) from exc
    except BaseException:
        session.rollback()
        raise


@dataclass
class Database:
    """An engine and its session factory."""

    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @classmethod
    def open(cls, url: str, *, busy_timeout_ms: int = 5000, echo: bool = False) -> Database:
        kwargs: dict[str, Any] = {"echo": echo, "future": True}
        if url.startswith("sqlite"):
            path = url.split("///", 1)[1] if "///" in url else ""
            # A "file:" URI (read-only opens, shared memory) names its file itself.
            if path and path != ":memory:" and not path.startswith("file:"):
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            kwargs["connect_args"] = {"timeout": busy_timeout_ms / 1000, "check_same_thread": False}
        else:
            kwargs["pool_pre_ping"] = True
        engine = create_engine(url, **kwargs)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas(busy_timeout_ms))

            @event.listens_for(engine, "begin")
            def _begin(conn: Any) -> None:
                conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get("write") else "BEGIN")

        return cls(engine, sessionmaker(engine, expire_on_commit=False))

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on error."""
        with self.sessions() as session, _committed(session):
            yield session

    @contextmanager
    def write_session(self, *, cache_kib: int | None = None,
                      foreign_keys: bool = True) -> Iterator[Session]:
        """One write transaction. On SQLite it takes the write lock at BEGIN (``BEGIN
        IMMEDIATE``), so a second writer waits up to the busy timeout instead of failing
        half-way through. ``cache_kib`` enlarges SQLite's page cache for bulk work.

        ``foreign_keys=False`` (SQLite) skips the per-row foreign-key lookups for this
        transaction: only for bulk writers that put in ids they have just read or created
        themselves (the records importer, whose tests check ``PRAGMA foreign_key_check``).
        SQLite takes this pragma only outside a transaction, so it is set before BEGIN and
        restored before the connection goes back to the pool.

        The session is bound to a connection of its own, flagged before the transaction
        begins; the flag is cleared before the connection goes back to the pool.
        """
        conn = self.engine.connect()
        raw: Any = None
        if self.is_sqlite:
            conn.info["write"] = True
            if cache_kib or not foreign_keys:
                # On the driver connection: a statement here would begin the transaction.
                raw = conn.connection.dbapi_connection
            if cache_kib:
                raw.execute(f"PRAGMA cache_size = -{int(cache_kib)}")
            if not foreign_keys:
                raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with Session(bind=conn, expire_on_commit=False) as session, _committed(session):
                yield session
        except OperationalError as exc:  # BEGIN IMMEDIATE itself timed out
            raise classify(exc) from exc
        finally:
            conn.info.pop("write", None)
            if raw is not None:
                if cache_kib:
                    raw.execute("PRAGMA cache_size = -2000")
                if not foreign_keys:
                    raw.execute("PRAGMA foreign_keys = ON")
            conn.close()

    def alembic_config(self) -> Any:
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.attributes["engine"] = self.engine
        return cfg

    def upgrade(self, revision: str = "heads") -> None:
        """Create or upgrade the schema to every head (each area is a branch). Idempotent."""
        from alembic import command

        try:
            command.upgrade(self.alembic_config(), revision)
        except OperationalError as exc:
            raise classify(exc) from exc

    def current_revision(self) -> str | None:
        """The applied revisions, comma-separated (one head per area branch), or None."""
        heads = self.current_heads()
        return ",".join(heads) if heads else None

    def current_heads(self) -> tuple[str, ...]:
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as conn:
            return tuple(sorted(MigrationContext.configure(conn).get_current_heads()))

    def is_initialised(self) -> bool:
        return "alembic_version" in inspect(self.engine).get_table_names()

    def dispose(self) -> None:
        self.engine.dispose()
