"""``workstation applications list``: the applications and their real states (CLI.md)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from workstation.cli import CliContext


def register(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("applications", help="list the applications (hồ sơ)")
    verbs = p.add_subparsers(dest="verb", metavar="VERB")
    verbs.required = True
    lst = verbs.add_parser("list", help="list applications, newest first")
    common(lst)
    lst.add_argument("--state", help="only this state (draft, verified, captured, confirmed, "
                     "submitted, card_arrived, handed_over, rejected, cancelled)")
    lst.add_argument("--limit", type=int, default=1000, help="at most this many (default 1000)")
    lst.add_argument("--json", action="store_true", help="print JSON")
    lst.set_defaults(func=list_command)


def list_command(ctx: CliContext) -> int:
    from models.applications import STATES
    from workstation.enrollment.service import list_applications, summary
    from workstation.errors import UsageError

    state = ctx.args.state
    if state is not None and state not in STATES:
        raise UsageError("enrollment.bad_state", state=state, states=", ".join(STATES))
    rows = [summary(a) for a in list_applications(ctx.database(), state, limit=ctx.args.limit)]
    if ctx.as_json:
        ctx.emit_json(rows)
        return 0
    if not rows:
        ctx.say("enrollment.none")
        return 0
    for r in rows:
        ctx.out.write(f"{r['number']:<24} {r['applicant_pid']:<12} {r['kind']:<11} "
                      f"{r['state']:<12} {(r['created'] or '')[:10]:<10} "
                      f"{r['return_by'] or '-'}\n")
    return 0
