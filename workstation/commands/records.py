"""``workstation records import FILE`` and ``workstation records find QUERY``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from workstation.cli import CliContext


def register(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("records", help="population records: import and search")
    rsub = p.add_subparsers(dest="records_command", metavar="ACTION", parser_class=type(p))
    rsub.required = True

    imp = rsub.add_parser("import", help="import residents from a CSV or XLSX file")
    common(imp)
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--json", action="store_true", help="print the result as JSON")
    imp.add_argument("--progress", action="store_true", help="show progress on stderr")
    imp.set_defaults(func=run_import)

    find = rsub.add_parser("find", help="find residents by ID number or name")
    common(find)
    find.add_argument("query", metavar="QUERY", nargs="?", default="")
    find.add_argument("--born", metavar="YYYY[-MM-DD]", help="year or date of birth")
    find.add_argument("--household", metavar="H", help="household number")
    find.add_argument("--limit", type=int, default=50, help="most results shown (default 50)")
    find.add_argument("--json", action="store_true", help="print the result as JSON")
    find.set_defaults(func=run_find)


def _actor() -> Any:
    try:
        from workstation.security import Actor
    except ImportError:
        return None
    return Actor.system("cli")


def _database(ctx: CliContext) -> Any:
    from models.db import DatabaseError
    from workstation.errors import UserFacingError

    db = ctx.database()
    try:
        initialised = db.is_initialised()
    except Exception as exc:  # noqa: BLE001 - any driver error becomes one clear line
        err = exc if isinstance(exc, DatabaseError) else None
        raise UserFacingError(err.code if err else "db.unreachable", detail=str(exc)[:200]) \
            from exc
    if not initialised:
        raise UserFacingError("db.not_initialised")
    return db


def run_import(ctx: CliContext) -> int:
    from pathlib import Path

    from models.db import DatabaseError
    from workstation.errors import UserFacingError
    from workstation.records.importer import Importer

    db = _database(ctx)
    progress = None
    if getattr(ctx.args, "progress", False):
        def progress(rows: int, done: int, size: int) -> None:
            pct = f" {100 * done // size}%" if size else ""
            sys.stderr.write(f"\r{rows} …{pct}")
            sys.stderr.flush()

    try:
        result = Importer(db, actor=_actor(), lang=ctx.lang, progress=progress).run(
            Path(ctx.args.file))
    except DatabaseError as exc:
        raise UserFacingError(exc.code, detail=exc.detail) from exc
    if progress is not None:
        sys.stderr.write("\n")
    if ctx.as_json:
        ctx.emit_json(result.as_dict())
    else:
        ctx.say("records.import.done", file=result.file, encoding=result.encoding,
                rows=result.rows, imported=result.imported, updated=result.updated,
                unchanged=result.unchanged, rejected=result.rejected_count,
                duplicates=len(result.duplicates))
        if result.unknown_columns:
            ctx.say("records.import.unknown_columns", columns=", ".join(result.unknown_columns))
        for issue in result.rejected:
            ctx.say("records.import.rejected_line", row=issue.row, field=issue.field,
                    message=issue.message, code=issue.code)
        if result.rejected_count > len(result.rejected):
            ctx.say("records.import.more", count=result.rejected_count - len(result.rejected))
        for dup in result.duplicates:
            ctx.say("records.import.duplicate_line", row=dup["row"], message=dup["message"])
    return 0


def run_find(ctx: CliContext) -> int:
    from models.db import DatabaseError
    from workstation.errors import UsageError, UserFacingError
    from workstation.records.search import find, search

    args = ctx.args
    if not (args.query or "").strip() and not args.household:
        raise UsageError("records.find.query_needed")
    db = _database(ctx)
    actor = _actor()
    try:
        with db.session() as session:
            if actor is None:
                hits = find(session, args.query or "", born=args.born,
                            household=args.household, limit=max(1, args.limit))
            else:
                hits = search(session, actor, args.query or "", born=args.born,
                              household=args.household, limit=max(1, args.limit))
    except DatabaseError as exc:
        raise UserFacingError(exc.code, detail=exc.detail) from exc
    if ctx.as_json:
        ctx.emit_json([h.as_dict() for h in hits])
        return 0
    if not hits:
        ctx.say("records.find.none")
        return 0
    for h in hits:
        place = ", ".join(p for p in (h.hamlet, h.unit) if p)
        sex = {"male": "Nam", "female": "Nữ"}[h.sex] if ctx.lang == "vi" else h.sex
        ctx.out.write(f"{h.pid}  {h.full_name}  {h.date_of_birth}  {sex}  {place}"
                      f"{'  hộ ' + h.household_id if h.household_id else ''}\n")
    return 0

