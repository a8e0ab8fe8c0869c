"""What ``workstation init`` does for security: the station key, the first data key, the audit
checkpoint, and the first administrator (or the demo accounts of ``./run-app``)."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from models.security import DataKey
from workstation.security import Actor
from workstation.security.audit import check_chain, checkpoint_path, iter_rows, seal
from workstation.security.crypto import ensure_data_key
from workstation.security.keys import (
    StationKeyError,
    create_station_key,
    key_path,
    load_station_key,
)
from workstation.security.users import add_user, count_users, has_active_admin

if TYPE_CHECKING:
    from models.db import Database
    from workstation.settings import Settings

#: Synthetic demo accounts: user name, roles, full name (no real person).
DEMO_ACCOUNTS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("admin", ("admin",), "Quản trị viên (thử nghiệm)"),
    ("tiepnhan", ("reception",), "Cán bộ tiếp nhận (thử nghiệm)"),
    ("thunhan", ("capture",), "Cán bộ thu nhận (thử nghiệm)"),
    ("vanthu", ("clerk",), "Cán bộ văn thư (thử nghiệm)"),
    ("lanhdao", ("leader",), "Lãnh đạo (thử nghiệm)"),
)


def demo_password() -> str:
    """A fresh temporary password, e.g. ``demo-4821-kxqt`` (shown once; changed at login)."""
    letters = "".join(secrets.choice("abcdefghijkmnpqrstuvwxyz") for _ in range(4))
    return f"demo-{secrets.randbelow(9000) + 1000}-{letters}"


def init_security(
    db: Database,
    settings: Settings,
    *,
    admin_password_file: Callable[[], str] | None = None,
    ask_admin_password: Callable[[], str] | None = None,
    admin_user: str = "admin",
    demo_if_empty: bool = False,
    say: Callable[..., None] = lambda code, **params: None,
) -> dict[str, Any]:
    """Idempotent. The first administrator's password comes from ``admin_password_file``
    (a callable reading ``--admin-password-file``); else, with ``demo_if_empty`` and no account
    at all, the demo accounts are made; else ``ask_admin_password`` prompts (interactive only);
    else a clear message says what to do (never a crash)."""
    out: dict[str, Any] = {}
    path = key_path(settings)
    actor = Actor.system("init", station=str(settings["station.code"]))
    with db.session() as session:
        has_keys = session.scalar(select(DataKey.key_id).limit(1)) is not None
    if path.exists():
        station = load_station_key(path)
        out["key_created"] = False
    elif has_keys:
        # Never start a new key when data is already wrapped by a lost one.
        raise StationKeyError("security.key_missing", path=str(path))
    else:
        station = create_station_key(path)
        out["key_created"] = True
        say("security.key_created", path=str(path))
    out["station_key_file"] = str(path)
    out["station_key_id"] = station.key_id
    with db.session() as session:
        out["data_key"] = ensure_data_key(session, station)
        # Entries written before this station had its key: sign them now, if the chain holds.
        chain_id = session.execute(select(_head_chain_id())).scalar_one_or_none()
        if chain_id and not checkpoint_path(path, chain_id).exists():
            chain = check_chain(iter_rows(session))
            if chain.ok and chain.entries:
                seal(session, path)
    with db.session() as session:
        if has_active_admin(session):
            out["admin"] = "exists"
            return out
        empty = count_users(session) == 0
    source = admin_password_file
    if source is None and not (demo_if_empty and empty):
        source = ask_admin_password
    if source is not None:
        password = source()
        with db.session() as session:
            add_user(session, actor, admin_user, password, ["admin"], settings=settings,
                     full_name="", must_change_password=False)
        out["admin"] = admin_user
        say("security.admin_created", username=admin_user)
        return out
    if demo_if_empty and empty:
        password = demo_password()
        with db.session() as session:
            for username, roles, full_name in DEMO_ACCOUNTS:
                add_user(session, actor, username, password, roles, settings=settings,
                         full_name=full_name, must_change_password=True)
        names = [u for u, _r, _n in DEMO_ACCOUNTS]
        out["demo_accounts"] = names
        out["demo_password"] = password
        say("security.demo_accounts", usernames=", ".join(names), password=password)
        return out
    out["admin"] = None
    say("security.admin_needed")
    return out


def _head_chain_id() -> Any:
    from models.security import AuditHead

    return select(AuditHead.chain_id).where(AuditHead.id == 1).scalar_subquery()


__all__ = ["DEMO_ACCOUNTS", "demo_password", "init_security"]
