"""``workstation biometrics purge``: delete biometric images after the retention period."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from workstation.cli import CliContext


def register(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("biometrics", help="biometric data: purge after the retention period")
    verbs = p.add_subparsers(dest="verb", metavar="VERB", parser_class=type(p))
    verbs.required = True
    pg = verbs.add_parser("purge", help="delete the images of applications handed over more "
                          "than security.biometric_retention_days ago (each purge audited)")
    common(pg)
    pg.add_argument("--dry-run", action="store_true", help="only count, delete nothing")
    pg.add_argument("--json", action="store_true")
    pg.set_defaults(func=run_purge)


def run_purge(ctx: CliContext) -> int:
    from workstation.security.clitools import cli_actor, session_of
    from workstation.security.retention import purge_biometrics

    with session_of(ctx) as session:
        report = purge_biometrics(session, cli_actor(ctx), settings=ctx.settings,
                                  dry_run=ctx.args.dry_run)
    if ctx.as_json:
        ctx.emit_json({**report.as_dict(), "dry_run": bool(ctx.args.dry_run)})
    else:
        ctx.say("security.purge_dry_run" if ctx.args.dry_run else "security.purged",
                applications=len(report.applications), records=report.records, days=report.days)
    return 0
