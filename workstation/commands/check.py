"""``workstation check [FILE|-] [--json]``: evaluate an application request, saving nothing."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workstation.cli import CliContext


def register(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("check", help="evaluate an application request against the law and "
                       "the records, without saving anything")
    common(p)
    p.add_argument("file", nargs="?", default="-", metavar="FILE",
                   help="JSON request (CLI.md); '-' or nothing reads standard input")
    p.add_argument("--json", action="store_true", help="print the answer as JSON")
    p.set_defaults(func=run)


def _read(ctx: CliContext) -> Any:
    from workstation.errors import UsageError

    name = ctx.args.file
    try:
        if name == "-":
            raw = sys.stdin.buffer.read()
        else:
            raw = Path(name).read_bytes()
    except FileNotFoundError as exc:
        raise UsageError("error.file_not_found", path=name) from exc
    except OSError as exc:
        raise UsageError("error.file_unreadable", path=name, detail=exc.strerror or str(exc)) \
            from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError("check.invalid_json", detail=f"not UTF-8 (byte {exc.start})") from exc
    if not text.strip():
        raise UsageError("check.invalid_json", detail="empty input")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError("check.invalid_json",
                         detail=f"{exc.msg} (line {exc.lineno}, column {exc.colno})") from exc
    except RecursionError as exc:
        raise UsageError("check.invalid_json", detail="nested too deeply") from exc


def database_url(ctx: CliContext) -> str:
    """The URL ``ctx.db_url()`` gives, without importing SQLAlchemy (models.db) for the
    default: ``check`` only reads, and starts fast."""
    import os

    from workstation.settings import data_dir

    url = getattr(ctx.args, "db", None) or os.environ.get("WORKSTATION_DB")
    return str(url or ctx.settings["database.url"] or f"sqlite:///{data_dir() / 'workstation.db'}")


def _database_error(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", exc) or exc).lower()
    if "no such table" in text or "undefinedtable" in text or "does not exist" in text:
        return "db.not_initialised"
    if "locked" in text or "busy" in text:
        return "db.locked"
    return "db.unreachable"


def _check_sqlite(ctx: CliContext, path: str, request: Any) -> dict[str, Any]:
    """SQLite: the standard library's driver, so that the command never imports SQLAlchemy."""
    import sqlite3

    from workstation.checking import check
    from workstation.errors import UserFacingError

    if not Path(path).exists():
        raise UserFacingError("db.not_initialised")
    try:
        conn = sqlite3.connect(path, timeout=ctx.settings["database.busy_timeout_ms"] / 1000,
                               isolation_level=None)
        try:
            return check(conn, request, settings=ctx.settings, lang=ctx.lang)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise UserFacingError(_database_error(exc), detail=str(exc)[:200]) from exc


def _check_sqlalchemy(ctx: CliContext, url: str, request: Any) -> dict[str, Any]:
    """Other databases (PostgreSQL): SQLAlchemy Core, still without the ORM."""
    from sqlalchemy import create_engine
    from sqlalchemy.exc import SQLAlchemyError

    from workstation.checking import check
    from workstation.errors import UserFacingError

    try:
        engine = create_engine(url)
        try:
            with engine.connect() as conn:
                return check(conn, request, settings=ctx.settings, lang=ctx.lang)
        finally:
            engine.dispose()
    except SQLAlchemyError as exc:
        raise UserFacingError(_database_error(exc),
                              detail=str(getattr(exc, "orig", exc))[:200]) from exc


def run(ctx: CliContext) -> int:
    from resources.messages import message

    request = _read(ctx)
    url = database_url(ctx)
    path = url.split("///", 1)[1].split("?", 1)[0] if url.startswith("sqlite") and "///" in url \
        else ""
    if path and path != ":memory:":
        answer = _check_sqlite(ctx, path, request)
    else:
        answer = _check_sqlalchemy(ctx, url, request)
    if ctx.as_json:
        ctx.emit_json(answer)
    else:
        lang = ctx.lang
        none = message("check.none", lang)
        collect = ", ".join(message(f"collect.{k}", lang)
                            for k, v in answer["collect"].items() if v)
        if answer.get("reuse_last_biometrics"):
            collect = message("collect.reuse", lang)
        collect = collect or none
        ctx.say("check.result_ok" if answer["ok"] else "check.result_refused")
        ctx.say("check.summary",
                kind=message(f"kind.name.{answer['kind']}", lang) if answer["kind"] else "-",
                reason=message(f"reason.name.{answer['reason']}", lang)
                if answer["reason"] else "-",
                age_group=message(f"age_group.{answer['age_group']}", lang)
                if answer["age_group"] else "-", collect=collect,
                expiry=answer["card_expiry"] or message("check.no_expiry", lang),
                fee=f"{answer['fee_vnd']:,}".replace(",", "."), fee_rule=answer["fee_rule"],
                return_by=answer["return_by"])
        for f in answer["findings"]:
            ctx.out.write(f"  [{f['severity']}] {f['field']}: {f['message']} ({f['code']})\n")
    return 0 if answer["ok"] else 1
