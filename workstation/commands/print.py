"""``workstation print KIND APPLICATION_NO [--out FILE.pdf]``: render a document (CLI.md).

Kinds: information-form (CC01), appointment-slip (CC02), fee-receipt, handover-slip; and
``workstation print daily-register YYYY-MM-DD``. With ``--out`` the PDF is written to the file;
without it the document goes to the configured printer through the spool.
``workstation print queue [--retry]`` shows (and retries) the jobs waiting in the spool.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from workstation.cli import CliContext

KINDS = ("information-form", "appointment-slip", "fee-receipt", "handover-slip",
         "daily-register", "queue")


def register(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("print", help="render a document to PDF or send it to the printer")
    common(p)
    p.add_argument("kind", choices=KINDS, metavar="KIND",
                   help="information-form, appointment-slip, fee-receipt, handover-slip, "
                   "daily-register or queue")
    p.add_argument("target", nargs="?", metavar="APPLICATION_NO|YYYY-MM-DD",
                   help="application number (or the day, for daily-register)")
    p.add_argument("--out", metavar="FILE.pdf", help="write the PDF here instead of printing")
    p.add_argument("--paper", choices=("A4", "A5", "80mm"), help="paper (default: settings)")
    p.add_argument("--invariant", action="store_true",
                   help="repeatable output: same input, same bytes (no timestamps)")
    p.add_argument("--retry", action="store_true", help="queue: retry the waiting jobs")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=run)


def run(ctx: CliContext) -> int:
    from workstation.errors import UsageError

    kind = ctx.args.kind
    if kind == "queue":
        return _queue(ctx)
    if not ctx.args.target:
        raise UsageError("error.usage", detail="APPLICATION_NO / YYYY-MM-DD")
    from models.db import DatabaseError
    from workstation.documents import DocumentService
    from workstation.errors import UserFacingError
    from workstation.security import Actor

    service = DocumentService(ctx.settings)
    actor = Actor.system("cli", station=ctx.settings["station.code"])
    destination = "file" if ctx.args.out else "printer"
    try:
        with ctx.database().session() as session:
            if kind == "daily-register":
                day = _day(ctx.args.target)
                doc = service.render_register(session, actor, day, ctx.args.paper,
                                              invariant=ctx.args.invariant,
                                              destination=destination)
            elif ctx.args.out:
                doc = service.render(session, actor, kind, ctx.args.target, ctx.args.paper,
                                     invariant=ctx.args.invariant, destination=destination)
            else:
                result = service.print(session, actor, kind, ctx.args.target, ctx.args.paper)
                return _report_print(ctx, kind, result)
            if ctx.args.out:
                _write(ctx.args.out, doc.pdf)
                if ctx.as_json:
                    ctx.emit_json({"document": kind, "target": ctx.args.target,
                                   "paper": doc.paper, "out": ctx.args.out,
                                   "bytes": len(doc.pdf)})
                else:
                    ctx.say("printing.saved", document=doc.title, path=ctx.args.out)
                return 0
            # daily register without --out: through the spool
            return _report_print(ctx, kind, service.send(doc))
    except DatabaseError as exc:
        raise UserFacingError(exc.code, detail=exc.detail) from exc


def _day(text: str) -> Any:
    from datetime import date

    from workstation.errors import UsageError

    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise UsageError("printing.bad_date", value=text) from exc


def _write(path: str, pdf: bytes) -> None:
    from pathlib import Path

    from workstation.errors import UserFacingError

    target = Path(path)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        tmp.write_bytes(pdf)
        tmp.replace(target)
    except OSError as exc:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise UserFacingError("printing.out_unwritable", path=path,
                              detail=exc.strerror or str(exc)) from exc


def _report_print(ctx: CliContext, kind: str, result: Any) -> int:
    if ctx.as_json:
        ctx.emit_json({"document": kind, "job": result.job_id, "printed": result.printed,
                       "reference": result.reference,
                       "error": result.error.code if result.error else None})
    elif result.printed:
        ctx.say("printing.printed", document=kind, job=result.job_id)
    else:
        ctx.say("printing.queued", job=result.job_id,
                reason=result.error.text(ctx.lang) if result.error else "")
    return 0


def _queue(ctx: CliContext) -> int:
    from dataclasses import asdict

    from workstation.documents import DocumentService

    service = DocumentService(ctx.settings)
    from printing.sinks import Spool

    rows: list[dict[str, Any]] = []
    for name, sink in (("main", service.main_sink()), ("receipt", service.receipt_sink())):
        if sink is None:
            continue
        spool = Spool(service.spool_folder() / name, sink)
        if ctx.args.retry:
            spool.retry_pending()
        rows += [{"queue": name, **asdict(j)} for j in spool.jobs("pending")]
    if ctx.as_json:
        ctx.emit_json(rows)
    else:
        for r in rows:
            ctx.out.write(f"{r['id']}  {r['document']}  {r['title']}  "
                          f"{r['attempts']}  {r['last_error'] or ''}\n")
    return 0
