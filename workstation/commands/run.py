"""``workstation run``: start the desktop app."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from workstation.cli import CliContext


def register(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("run", help="start the desktop app")
    common(p)
    p.add_argument("--simulate", action="store_true", help="force the simulated devices")
    p.set_defaults(func=run)


def run(ctx: CliContext) -> int:
    from models.db import DatabaseError
    from workstation.errors import UserFacingError

    db = ctx.database()
    try:
        db.upgrade()
    except DatabaseError as exc:
        raise UserFacingError(exc.code, detail=exc.detail) from exc
    try:
        from ui.app import main as app_main  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        ctx.say("app.not_built")
        return 0
    return int(app_main(ctx.db_url(), simulate=bool(ctx.args.simulate), lang=ctx.lang))
