"""``workstation users add|passwd|disable|enable|list|card-register|card-remove|cards``: staff
accounts and the leaders' own chip cards for approvals (see docs/security.md)."""

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

    reg = verbs.add_parser("card-register", help="register the officer's own chip card (read "
                           "on the reader) to approve biometric exceptions with it")
    common(reg)
    reg.add_argument("username")
    reg.add_argument("--pid", required=True, help="the 12-digit personal ID printed on the card")
    reg.add_argument("--dob", required=True, help="date of birth, YYYY-MM-DD")
    reg.add_argument("--expiry", required=True, help="expiry date YYYY-MM-DD, or 'none'")
    reg.add_argument("--reader", help="reader name (a part of it is enough)")
    reg.add_argument("--simulate", action="store_true",
                     help="read the simulated card in this process (demo; no pcscd needed)")
    reg.add_argument("--json", action="store_true")
    reg.set_defaults(func=run_card_register)

    rm = verbs.add_parser("card-remove", help="remove the officer's registered card")
    common(rm)
    rm.add_argument("username")
    rm.add_argument("--json", action="store_true")
    rm.set_defaults(func=run_card_remove)

    cards = verbs.add_parser("cards", help="list the registered cards")
    common(cards)
    cards.add_argument("--json", action="store_true")
    cards.set_defaults(func=run_cards)


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


def _date(text: str) -> Any:
    from datetime import date

    from workstation.errors import UsageError

    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError("smartcard.bad_date", value=text) from None


def run_card_register(ctx: CliContext) -> int:
    from devices.smartcard.errors import MalformedData
    from devices.smartcard.mrzdata import bac_key_for_pid
    from devices.smartcard.registry import create_adapter, trust_list
    from devices.smartcard.service import read_card
    from workstation.errors import UsageError
    from workstation.security.card_approval import register_card
    from workstation.security.clitools import cli_actor, session_of

    args = ctx.args
    dob = _date(args.dob)
    expiry = None if args.expiry.strip().lower() == "none" else _date(args.expiry)
    pid = args.pid.strip()
    try:
        key = bac_key_for_pid(pid, dob, expiry)
    except MalformedData:
        raise UsageError("smartcard.bad_pid", value=args.pid) from None
    s = ctx.settings
    if args.simulate:
        from devices.smartcard.simulated import SimulatedAdapter

        adapter: Any = SimulatedAdapter()
    else:
        adapter = create_adapter(s["smartcard.adapter"], s["smartcard.reader"],
                                 extended_length=bool(s["smartcard.extended_length"]))
    chip = read_card(adapter, key, reader=args.reader, csca=trust_list(s["smartcard.csca_dir"]),
                     with_face=False)
    with session_of(ctx) as session:
        card = register_card(session, cli_actor(ctx), args.username, chip, pid=pid,
                             date_of_birth=dob, expiry=expiry)
    if ctx.as_json:
        ctx.emit_json(card.as_dict())
    else:
        from resources.messages import message

        ctx.say("security.card_registered", username=card.username, pid=card.pid_masked,
                expiry=card.expiry.strftime("%d/%m/%Y") if card.expiry
                else message("security.card_no_expiry", ctx.lang),
                pa=message(f"smartcard.pa.{card.pa_status}", ctx.lang))
    return 0


def run_card_remove(ctx: CliContext) -> int:
    from workstation.security.card_approval import unregister_card
    from workstation.security.clitools import cli_actor, session_of

    with session_of(ctx) as session:
        removed = unregister_card(session, cli_actor(ctx), ctx.args.username)
    if ctx.as_json:
        ctx.emit_json({"username": ctx.args.username, "removed": removed})
    else:
        ctx.say("security.card_unregistered" if removed else "security.card_none",
                username=ctx.args.username)
    return 0


def run_cards(ctx: CliContext) -> int:
    from resources.messages import message
    from workstation.security import require
    from workstation.security.card_approval import list_cards
    from workstation.security.clitools import cli_actor, session_of

    actor = cli_actor(ctx)
    require(actor, "users.manage")
    with session_of(ctx) as session:
        cards = list_cards(session)
    if ctx.as_json:
        ctx.emit_json([c.as_dict() for c in cards])
        return 0
    ctx.say("security.cards_header")
    for c in cards:
        expiry = c.expiry.strftime("%d/%m/%Y") if c.expiry else message("security.card_no_expiry",
                                                                         ctx.lang)
        ctx.out.write(f"{c.username} | {c.full_name} | {c.pid_masked} | {expiry}\n")
    return 0
