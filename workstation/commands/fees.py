"""``workstation fees list|add|end|remove``: the fee rates entered at the station (audited).

``list`` shows the shipped table (``resources/fees.toml``) and the station's rows; ``add`` enters
a base rate for a case from a day (a new circular), ``end`` sets the last day of a station rate,
``remove`` deletes one entered by mistake. The CLI acts as the station's IT person
(``Actor.system("cli")``), so every change is audited under ``system:cli``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from workstation.cli import CliContext

CASES = ("cccd_conversion", "renewal", "reissue")


def register(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("fees", help="fee rates: the shipped table and the station's own rates")
    common(p)
    _json(p)
    actions = p.add_subparsers(dest="fees_action", metavar="ACTION")
    p.set_defaults(func=run_list)

    ls = actions.add_parser("list", help="the shipped rates and the station's rates")
    common(ls)
    _json(ls)
    ls.set_defaults(func=run_list)

    add = actions.add_parser("add", help="enter a base rate for a case from a day")
    common(add)
    _json(add)
    add.add_argument("--case", required=True, choices=CASES, help="the fee case")
    add.add_argument("--amount", required=True, help="base rate per card in đồng, e.g. 40000")
    add.add_argument("--from", dest="start", required=True, metavar="DATE",
                     help="first day in force (YYYY-MM-DD or DD/MM/YYYY)")
    add.add_argument("--to", dest="end", metavar="DATE", help="last day in force (optional)")
    add.add_argument("--source", required=True,
                     help="legal source, e.g. the new circular's number and article")
    add.set_defaults(func=run_add)

    end = actions.add_parser("end", help="set the last day of a station rate")
    common(end)
    _json(end)
    end.add_argument("id", type=int, help="number of the station rate (see list)")
    end.add_argument("--on", dest="end", required=True, metavar="DATE",
                     help="last day in force (YYYY-MM-DD or DD/MM/YYYY)")
    end.set_defaults(func=run_end)

    rm = actions.add_parser("remove", help="delete a station rate entered by mistake")
    common(rm)
    _json(rm)
    rm.add_argument("id", type=int, help="number of the station rate (see list)")
    rm.set_defaults(func=run_remove)


def _json(p: argparse.ArgumentParser) -> None:
    # SUPPRESS: "fees --json list" keeps the option given before the action.
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                   help="print the result as JSON")


@contextmanager
def _db_errors() -> Iterator[None]:
    from models.db import DatabaseError, classify
    from workstation.errors import UserFacingError

    try:
        yield
    except DatabaseError as exc:
        raise UserFacingError(exc.code, detail=exc.detail) from exc
    except Exception as exc:
        from sqlalchemy.exc import SQLAlchemyError

        if isinstance(exc, SQLAlchemyError):
            err = classify(exc)
            raise UserFacingError(err.code, detail=err.detail[:200]) from exc
        raise


def _actor(ctx: CliContext) -> Any:
    from workstation.security import Actor

    return Actor.system("cli", station=str(ctx.settings["station.code"]))


def _vnd(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def run_list(ctx: CliContext) -> int:
    from resources.messages import message
    from workstation.fee_tables import list_rates, shipped_rates
    from workstation.rules.fees import FeePolicy

    with _db_errors():
        rows = list_rates(ctx.database())
    shipped = shipped_rates(FeePolicy.from_settings(ctx.settings))
    if ctx.as_json:
        ctx.emit_json({"shipped": shipped, "station": [r.as_json() for r in rows]})
        return 0
    lang = ctx.lang
    ctx.out.write(message("fee.table.shipped", lang) + "\n")
    for b in shipped["base"]:
        ctx.out.write(f"  {b['case']:<16} {_vnd(b['amount_vnd']):>8}  {b['from'] or '…'} → "
                      f"{b['to'] or '…'}  {b['source']}\n")
    for r in shipped["reductions"]:
        ctx.out.write(f"  -{r['percent']}% {','.join(r['channels']):<14} {r['from'] or '…'} → "
                      f"{r['to'] or '…'}  {r['source']}\n")
    ctx.out.write(message("fee.table.station", lang) + "\n")
    if not rows:
        ctx.out.write("  " + message("fee.table.none", lang) + "\n")
    for row in rows:
        ctx.out.write(f"  #{row.id:<3} {row.case:<16} {_vnd(row.amount):>8}  "
                      f"{row.start.isoformat()} → {row.end.isoformat() if row.end else '…'}  "
                      f"{row.source}  ({row.created_by})\n")
    return 0


def run_add(ctx: CliContext) -> int:
    from resources.messages import message
    from workstation.fee_tables import add_rate

    a = ctx.args
    with _db_errors():
        row = add_rate(ctx.database(), _actor(ctx), a.case, a.amount, a.start, a.end, a.source,
                       lang=ctx.lang)
    if ctx.as_json:
        ctx.emit_json(row.as_json())
    else:
        ctx.say("fee.table.added", id=row.id, case=message(f"fee.case.{row.case}", ctx.lang),
                amount=_vnd(row.amount), start=row.start.strftime("%d/%m/%Y"))
    return 0


def run_end(ctx: CliContext) -> int:
    from workstation.fee_tables import end_rate

    with _db_errors():
        row = end_rate(ctx.database(), _actor(ctx), ctx.args.id, ctx.args.end, lang=ctx.lang)
    if ctx.as_json:
        ctx.emit_json(row.as_json())
    else:
        assert row.end is not None
        ctx.say("fee.table.ended", id=row.id, end=row.end.strftime("%d/%m/%Y"))
    return 0


def run_remove(ctx: CliContext) -> int:
    from workstation.fee_tables import remove_rate

    with _db_errors():
        remove_rate(ctx.database(), _actor(ctx), ctx.args.id)
    if ctx.as_json:
        ctx.emit_json({"id": ctx.args.id, "removed": True})
    else:
        ctx.say("fee.table.removed", id=ctx.args.id)
    return 0
