"""``workstation keys show|rotate``: the station key and the data keys it wraps."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from workstation.cli import CliContext


def register(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("keys", help="station key: show, rotate")
    verbs = p.add_subparsers(dest="verb", metavar="VERB", parser_class=type(p))
    verbs.required = True
    s = verbs.add_parser("show", help="where the station key is and which data keys exist")
    common(s)
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=run_show)
    r = verbs.add_parser("rotate", help="replace the station key and re-wrap every data key")
    common(r)
    r.add_argument("--data-key", action="store_true",
                   help="instead: start a new data key for new biometric images")
    r.add_argument("--json", action="store_true")
    r.set_defaults(func=run_rotate)


def run_show(ctx: CliContext) -> int:
    from sqlalchemy import select

    from models.security import DataKey
    from workstation.security import require
    from workstation.security.clitools import cli_actor, session_of
    from workstation.security.keys import key_path, load_station_key

    require(cli_actor(ctx), "keys.manage")
    path = key_path(ctx.settings)
    key = load_station_key(path)
    with session_of(ctx) as session:
        rows = session.execute(select(DataKey).order_by(DataKey.created_at)).scalars().all()
        keys = [{"key_id": r.key_id, "active": r.active, "station_key_id": r.station_key_id,
                 "created_at": r.created_at.isoformat()} for r in rows]
    active = next((k["key_id"] for k in keys if k["active"]), "-")
    if ctx.as_json:
        ctx.emit_json({"station_key_file": str(path), "station_key_id": key.key_id,
                       "data_keys": keys})
    else:
        ctx.say("security.keys_show", path=str(path), key_id=key.key_id, active=active,
                count=len(keys))
    return 0


def run_rotate(ctx: CliContext) -> int:
    from workstation.security.clitools import cli_actor
    from workstation.security.rotation import rotate_data_key_cli, rotate_station_key

    actor = cli_actor(ctx)
    if ctx.args.data_key:
        key_id = rotate_data_key_cli(ctx.database(), actor, ctx.settings)
        if ctx.as_json:
            ctx.emit_json({"data_key": key_id})
        else:
            ctx.say("security.data_key_rotated", key_id=key_id)
        return 0
    result = rotate_station_key(ctx.database(), actor, ctx.settings)
    if ctx.as_json:
        ctx.emit_json(result)
    else:
        ctx.say("security.keys_rotated", old=result["old_key_id"], new=result["new_key_id"],
                count=result["rewrapped"], old_path=result["old_key_file"])
    return 0
