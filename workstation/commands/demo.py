"""``workstation demo``: fill the database with the deterministic synthetic city."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from workstation.cli import CliContext


def register(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("demo", help="fill the database with a synthetic demo city")
    common(p)
    p.add_argument("--residents", type=int, default=None, metavar="N",
                   help="number of residents (default about 79,000)")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    p.add_argument("--json", action="store_true", help="print the counts as JSON")
    p.set_defaults(func=run)


def run(ctx: CliContext) -> int:
    from models.db import DatabaseError
    from workstation.errors import UsageError, UserFacingError
    from workstation.records.demo import DEFAULT_RESIDENTS, DemoNotEmpty, create_demo_city

    n = ctx.args.residents if ctx.args.residents is not None else DEFAULT_RESIDENTS
    if n < 1 or n > 5_000_000:
        raise UsageError("error.usage", detail="--residents 1..5000000")
    db = ctx.database()
    try:
        db.upgrade()
        counts = create_demo_city(db, residents=n, seed=ctx.args.seed)
    except DemoNotEmpty as exc:
        raise UserFacingError("records.demo.not_empty", residents=exc.residents) from exc
    except DatabaseError as exc:
        raise UserFacingError(exc.code, detail=exc.detail) from exc
    if ctx.as_json:
        ctx.emit_json(counts)
    else:
        ctx.say("records.demo.done", **counts)
    return 0
