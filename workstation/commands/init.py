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
    p.set_defaults(func=run)


def run(ctx: CliContext) -> int:
    from models.db import DatabaseError

    from workstation.errors import UserFacingError

    db = ctx.database()
    try:
        db.upgrade()
    except DatabaseError as exc:
        raise UserFacingError(exc.code, detail=exc.detail) from exc
    result: dict[str, Any] = {"database": db.url, "revision": db.current_revision()}
    if getattr(ctx.args, "demo_if_empty", False):
        from workstation.records.demo import fill_if_empty

        result["demo"] = fill_if_empty(db)
    if ctx.as_json:
        ctx.emit_json(result)
    else:
        ctx.say("init.done", database=result["database"], revision=result["revision"])
    return 0
