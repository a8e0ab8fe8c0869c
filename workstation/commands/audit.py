"""``workstation audit verify|export``: check the hash chain and its signed checkpoint; CSV."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from workstation.cli import CliContext


def register(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("audit", help="check or export the audit log")
    verbs = p.add_subparsers(dest="verb", metavar="VERB", parser_class=type(p))
    verbs.required = True
    v = verbs.add_parser("verify", help="check the hash chain; exit 1 naming the first broken "
                         "entry")
    common(v)
    v.add_argument("--json", action="store_true")
    v.add_argument("--shared", action="store_true",
                   help="several counters write to this (PostgreSQL) database: entries after "
                        "this station's checkpoint are not an error")
    v.set_defaults(func=run_verify)
    e = verbs.add_parser("export", help="write the audit log as CSV for inspectors")
    common(e)
    e.add_argument("--out", required=True, metavar="FILE.csv")
    e.add_argument("--json", action="store_true")
    e.set_defaults(func=run_export)


def run_verify(ctx: CliContext) -> int:
    from resources.messages import message
    from workstation.security.audit import verify
    from workstation.security.clitools import session_of
    from workstation.security.keys import key_path

    with session_of(ctx) as session:
        result = verify(session, key_path(ctx.settings), strict_tail=not ctx.args.shared)
    params = {"entry": result.entry, "entries": result.entries,
              "checkpoint": result.checkpoint_seq, **result.params}
    text = (message("audit.verify_ok", ctx.lang, **params) if result.ok
            else message(result.problem or "audit.verify_altered", ctx.lang, **params))
    if ctx.as_json:
        ctx.emit_json({**result.as_dict(), "message": text})
    elif result.ok:
        ctx.out.write(text + "\n")
    if not result.ok:
        import sys

        sys.stderr.write(text + "\n")
        return 1
    return 0


def run_export(ctx: CliContext) -> int:
    from pathlib import Path

    from workstation.errors import UsageError
    from workstation.security.audit import export_csv
    from workstation.security.clitools import cli_actor, session_of

    actor = cli_actor(ctx)
    out = Path(ctx.args.out)
    tmp = out.with_name(out.name + ".part")
    try:
        with session_of(ctx) as session, tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            count = export_csv(session, actor, fh, file_name=out.name)
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UsageError("error.file_unreadable", path=str(out), detail=str(exc)) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if ctx.as_json:
        ctx.emit_json({"file": str(out), "entries": count})
    else:
        ctx.say("audit.exported", count=count, path=str(out))
    return 0
