"""``workstation init``: create or upgrade the database (Alembic upgrade head)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from workstation.cli import CliContext


def register(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("init", help="create or upgrade the database (safe to run twice)")
    common(p)
    p.add_argument("--demo-if-empty", action="store_true",
                   help="fill an empty database with the synthetic demo city")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--admin-password-file", metavar="FILE",
                   help="password of the first administrator (first line of FILE; '-': stdin)")
    p.add_argument("--admin-user", default="admin", help="user name of the first administrator")
    p.set_defaults(func=run)


def run(ctx: CliContext) -> int:
    from models.db import DatabaseError
    from workstation.errors import UserFacingError

    db = ctx.database()
    try:
        db.upgrade()
    except DatabaseError as exc:
        raise UserFacingError(exc.code, detail=exc.detail) from exc
    result: dict[str, Any] = {"database": db.url, "revision": _revisions(db)}
    result["security"] = _init_security(ctx)
    if getattr(ctx.args, "demo_if_empty", False):
        from workstation.records.demo import fill_if_empty

        result["demo"] = fill_if_empty(db)
    if ctx.as_json:
        ctx.emit_json(result)
    else:
        ctx.say("init.done", database=result["database"], revision=result["revision"])
    return 0


def _init_security(ctx: CliContext) -> dict[str, Any]:
    """Station key, data key, audit checkpoint, first admin or demo accounts (security)."""
    from models.db import DatabaseError
    from workstation.errors import UserFacingError
    from workstation.security.clitools import ask_password, interactive
    from workstation.security.setup import init_security

    lang = ctx.lang
    path = getattr(ctx.args, "admin_password_file", None)
    say = (lambda code, **params: None) if ctx.as_json else ctx.say
    try:
        return init_security(
            ctx.database(), ctx.settings,
            admin_password_file=(lambda: ask_password(lang, path)) if path else None,
            ask_admin_password=(lambda: ask_password(lang, None)) if interactive() else None,
            admin_user=getattr(ctx.args, "admin_user", "admin"),
            demo_if_empty=bool(getattr(ctx.args, "demo_if_empty", False)),
            say=say,
        )
    except DatabaseError as exc:
        raise UserFacingError(exc.code, detail=exc.detail) from exc


def _revisions(db: Any) -> str:
    """The applied revisions (one per area branch; ``Database.current_revision`` allows one)."""
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        return ",".join(sorted(MigrationContext.configure(conn).get_current_heads()))
