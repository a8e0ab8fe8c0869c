"""``workstation users add|passwd|disable|enable|list``: staff accounts (see docs/security.md)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from workstation.cli import CliContext


def register(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("users", help="staff accounts: add, passwd, disable, enable, list")
    verbs = p.add_subparsers(dest="verb", metavar="VERB", parser_class=type(p))
    verbs.required = True

    add = verbs.add_parser("add", help="create an account (the user changes the password at "
                           "first login)")
    common(add)
    add.add_argument("username")
    add.add_argument("--role", action="append", default=[], metavar="ROLE",
                     help="reception, capture, clerk, leader, admin (repeat or comma-separate)")
    add.add_argument("--full-name", default="", help="the officer's full name")
    add.add_argument("--password-file", metavar="FILE",
                     help="read the password from the first line of FILE ('-': stdin)")
    add.add_argument("--no-change-required", action="store_true",
                     help="do not force a password change at first login")
    add.add_argument("--json", action="store_true")
    add.set_defaults(func=run_add)

    pw = verbs.add_parser("passwd", help="set a new password (lifts a lock-out)")
    common(pw)
    pw.add_argument("username")
    pw.add_argument("--password-file", metavar="FILE")
    pw.add_argument("--no-change-required", action="store_true")
    pw.add_argument("--json", action="store_true")
    pw.set_defaults(func=run_passwd)

    for verb, disabled in (("disable", True), ("enable", False)):
        d = verbs.add_parser(verb, help=f"{verb} an account")
        common(d)
        d.add_argument("username")
        d.add_argument("--json", action="store_true")
        d.set_defaults(func=run_disable, disabled=disabled)

    ls = verbs.add_parser("list", help="list the accounts")
    common(ls)
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=run_list)


def _roles(values: list[str]) -> list[str]:
    return [r.strip() for v in values for r in v.split(",") if r.strip()]


def run_add(ctx: CliContext) -> int:
    from workstation.security.clitools import ask_password, cli_actor, session_of
    from workstation.security.users import _check_roles, add_user

    roles = _check_roles(_roles(ctx.args.role))  # bad usage before asking for a password
    password = ask_password(ctx.lang, ctx.args.password_file)
    with session_of(ctx) as session:
        info = add_user(session, cli_actor(ctx), ctx.args.username, password, roles,
                        settings=ctx.settings, full_name=ctx.args.full_name,
                        must_change_password=not ctx.args.no_change_required)
    if ctx.as_json:
        ctx.emit_json(info.as_dict())
    else:
        ctx.say("security.user_added", username=info.username, roles=", ".join(info.roles))
    return 0


def run_passwd(ctx: CliContext) -> int:
    from workstation.security.clitools import ask_password, cli_actor, session_of
    from workstation.security.users import set_password

    password = ask_password(ctx.lang, ctx.args.password_file)
    with session_of(ctx) as session:
        info = set_password(session, cli_actor(ctx), ctx.args.username, password,
                            settings=ctx.settings,
                            must_change_password=not ctx.args.no_change_required)
    if ctx.as_json:
        ctx.emit_json(info.as_dict())
    else:
        ctx.say("security.password_set", username=info.username)
    return 0


def run_disable(ctx: CliContext) -> int:
    from workstation.security.clitools import cli_actor, session_of
    from workstation.security.users import set_disabled

    with session_of(ctx) as session:
        info = set_disabled(session, cli_actor(ctx), ctx.args.username, ctx.args.disabled)
    if ctx.as_json:
        ctx.emit_json(info.as_dict())
    else:
        ctx.say("security.user_disabled" if ctx.args.disabled else "security.user_enabled",
                username=info.username)
    return 0


def run_list(ctx: CliContext) -> int:
    from resources.messages import message
    from workstation.security.clitools import cli_actor, session_of
    from workstation.security.users import list_users

    with session_of(ctx) as session:
        users = list_users(session, cli_actor(ctx))
    if ctx.as_json:
        ctx.emit_json([u.as_dict() for u in users])
        return 0
    ctx.say("security.users_header")
    for u in users:
        state = message(f"security.state_{u.state()}", ctx.lang)
        ctx.out.write(f"{u.username} | {u.full_name} | {', '.join(u.roles)} | {state}\n")
    return 0
