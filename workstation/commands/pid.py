"""``workstation pid PID [--json]``: parse a 12-digit personal ID number (CLI.md)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from workstation.cli import CliContext


def register(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("pid", help="parse a 12-digit personal ID number")
    common(p)
    p.add_argument("pid", metavar="PID", help="the number (spaces and dots are removed)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=run)


def run(ctx: CliContext) -> int:
    from resources.messages import message
    from workstation.rules.personal_id import parse_pid

    parsed = parse_pid(ctx.args.pid, lang=ctx.lang,
                       extra_prefixes=ctx.settings["rules.extra_pid_prefixes"])
    if ctx.as_json:
        ctx.emit_json(parsed.as_dict())
    else:
        years = parsed.birth_years
        ctx.say("pid.summary", pid=parsed.pid or parsed.text,
                validity=message("pid.valid" if parsed.valid else "pid.invalid", ctx.lang),
                province=parsed.province or parsed.province_code or "-",
                sex=message(f"sex.{parsed.sex}", ctx.lang) if parsed.sex else "-",
                year=str(years.start) if years is not None else "-")
        for f in parsed.findings:
            ctx.out.write(f"  [{f.severity}] {f.code}: {f.message}\n")
    return 0 if parsed.pid is not None else 1
