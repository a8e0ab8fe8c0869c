"""Staff accounts (tài khoản cán bộ): add, disable, list, passwords, login with lockout.

Every function that manages accounts takes the acting ``Actor`` and checks ``users.manage``;
each change is audited in the same transaction. ``login`` and ``change_password`` run their own
transaction on a ``Database`` because a failed attempt must be counted (and audited) even
though the caller gets an error.

Login never tells whether an account exists: an unknown user name costs one argon2 verification
against a dummy hash and gets the same message as a wrong password. A disabled or locked
account is named only to someone who typed its correct password.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.security import User
from workstation.errors import UsageError, UserFacingError, ValidationFailed
from workstation.security import Actor, require
from workstation.security.audit import record as audit
from workstation.security.passwords import (
    check_password,
    hash_password,
    needs_rehash,
    verify_password,
)
from workstation.security.permissions import ROLES

if TYPE_CHECKING:
    from models.db import Database
    from workstation.settings import Settings

USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{2,31}$")


@dataclass(frozen=True)
class UserInfo:
    """What may be shown about an account (never its hash)."""

    username: str
    full_name: str
    roles: tuple[str, ...]
    disabled: bool
    must_change_password: bool
    locked_until: datetime | None
    last_login_at: datetime | None
    created_at: datetime | None

    def state(self, now: datetime | None = None) -> str:
        now = now or datetime.now(UTC)
        if self.disabled:
            return "disabled"
        if self.locked_until is not None and self.locked_until > now:
            return "locked"
        if self.must_change_password:
            return "must_change"
        return "active"

    def as_dict(self) -> dict[str, Any]:
        return {"username": self.username, "full_name": self.full_name,
                "roles": list(self.roles), "disabled": self.disabled,
                "must_change_password": self.must_change_password,
                "locked_until": self.locked_until.isoformat() if self.locked_until else None,
                "last_login_at": self.last_login_at.isoformat() if self.last_login_at else None,
                "state": self.state()}


@dataclass(frozen=True)
class LoginResult:
    """A successful login: who, and whether the password must be changed before anything."""

    actor: Actor
    must_change_password: bool


def _info(user: User) -> UserInfo:
    return UserInfo(user.username, user.full_name, tuple(r for r in ROLES if r in user.roles),
                    bool(user.disabled), bool(user.must_change_password), user.locked_until,
                    user.last_login_at, user.created_at)


def normalise_username(username: str) -> str:
    return unicodedata.normalize("NFC", username).strip().lower()


def _check_roles(roles: Iterable[str]) -> list[str]:
    wanted = [r.strip() for r in roles if r.strip()]
    if not wanted:
        raise UsageError("security.roles_needed")
    for role in wanted:
        if role not in ROLES:
            raise UsageError("security.role_unknown", role=role, roles=", ".join(ROLES))
    return [r for r in ROLES if r in wanted]


def _policy(settings: Settings, username: str, full_name: str, password: str) -> None:
    check_password(
        password,
        min_length=int(settings["security.min_password_length"]),
        username=username,
        full_name=full_name,
        station_code=str(settings["station.code"]),
        station_texts=(str(settings["station.name"]), str(settings["station.address"])),
    )


def _get(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == normalise_username(username)))
    if user is None:
        raise UserFacingError("security.user_unknown", username=username)
    return user


def has_active_admin(session: Session) -> bool:
    """Whether any enabled account holds the admin role (no permission needed: used by init)."""
    return any("admin" in (u.roles or []) for u in
               session.scalars(select(User).where(User.disabled.is_(False))))


def count_users(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(User)) or 0)


def add_user(
    session: Session,
    actor: Actor,
    username: str,
    password: str,
    roles: Iterable[str],
    *,
    settings: Settings,
    full_name: str = "",
    must_change_password: bool = True,
) -> UserInfo:
    """Create an account; the password is checked against the policy and stored as argon2id."""
    require(actor, "users.manage")
    name = normalise_username(username)
    if not USERNAME_RE.match(name):
        raise UsageError("security.username_invalid", username=username)
    role_list = _check_roles(roles)
    full = unicodedata.normalize("NFC", " ".join(full_name.split()))
    if session.scalar(select(User.id).where(User.username == name)) is not None:
        raise ValidationFailed("security.user_exists", username=name)
    _policy(settings, name, full, password)
    now = datetime.now(UTC)
    user = User(username=name, full_name=full, roles=role_list,
                password_hash=hash_password(password), must_change_password=must_change_password,
                disabled=False, failed_logins=0, created_at=now, created_by=actor.username,
                password_changed_at=now)
    session.add(user)
    session.flush()
    audit(session, actor, "users.add", "user", name,
          {"roles": role_list, "must_change_password": must_change_password})
    return _info(user)


def set_password(
    session: Session,
    actor: Actor,
    username: str,
    password: str,
    *,
    settings: Settings,
    must_change_password: bool = True,
) -> UserInfo:
    """An administrator sets a new password (and lifts a lock-out); by default the user must
    change it at the next login."""
    require(actor, "users.manage")
    user = _get(session, username)
    _policy(settings, user.username, user.full_name, password)
    user.password_hash = hash_password(password)
    user.must_change_password = must_change_password
    user.failed_logins = 0
    user.locked_until = None
    user.password_changed_at = datetime.now(UTC)
    session.flush()
    audit(session, actor, "users.password_reset", "user", user.username,
          {"must_change_password": must_change_password})
    return _info(user)


def set_disabled(session: Session, actor: Actor, username: str, disabled: bool = True) -> UserInfo:
    """Disable (or enable again) an account; the last active administrator stays."""
    require(actor, "users.manage")
    user = _get(session, username)
    if disabled and "admin" in (user.roles or []) and not user.disabled:
        others = [u for u in session.scalars(select(User).where(User.disabled.is_(False),
                                                                User.id != user.id))
                  if "admin" in (u.roles or [])]
        if not others:
            raise ValidationFailed("security.last_admin")
    user.disabled = disabled
    session.flush()
    audit(session, actor, "users.disable" if disabled else "users.enable", "user", user.username)
    return _info(user)


def set_roles(session: Session, actor: Actor, username: str, roles: Iterable[str]) -> UserInfo:
    require(actor, "users.manage")
    user = _get(session, username)
    role_list = _check_roles(roles)
    old = list(user.roles or [])
    user.roles = role_list
    session.flush()
    audit(session, actor, "users.roles", "user", user.username, {"from": old, "to": role_list})
    return _info(user)


def list_users(session: Session, actor: Actor) -> list[UserInfo]:
    require(actor, "users.manage")
    return [_info(u) for u in session.scalars(select(User).order_by(User.username))]


# --------------------------------------------------------------------------- login


@contextmanager
def _tx(db: Database) -> Iterator[Session]:
    from models.db import DatabaseError

    try:
        with db.session() as session:
            yield session
    except DatabaseError as exc:
        raise UserFacingError(exc.code, detail=exc.detail) from exc


def login(
    db: Database,
    username: str,
    password: str,
    *,
    settings: Settings,
    station: str = "",
    now: datetime | None = None,
) -> LoginResult:
    """Check a password; count failures, lock out, and audit. Raises ``UserFacingError``."""
    now = now or datetime.now(UTC)
    station = station or str(settings["station.code"])
    name = normalise_username(username)
    outcome: str
    with _tx(db) as session:
        user = session.scalar(select(User).where(User.username == name))
        ok = verify_password(user.password_hash if user else None, password)
        if user is None:
            outcome = "failed"
            audit(session, Actor("-", frozenset(), station), "auth.login_failed", "user", None,
                  {"reason": "unknown_user"})
        elif user.locked_until is not None and user.locked_until > now:
            outcome = "locked" if ok else "failed"
            audit(session, Actor(user.username, frozenset(), station), "auth.login_refused",
                  "user", user.username, {"reason": "locked"})
        elif not ok:
            outcome = "failed"
            user.failed_logins = (user.failed_logins or 0) + 1
            details: dict[str, Any] = {"reason": "wrong_password", "failures": user.failed_logins}
            if user.failed_logins >= int(settings["security.lockout_failures"]):
                lock_minutes = int(settings["security.lockout_minutes"])
                user.locked_until = now + timedelta(minutes=lock_minutes)
                user.failed_logins = 0
                details["locked_until"] = user.locked_until
            audit(session, Actor(user.username, frozenset(), station), "auth.login_failed",
                  "user", user.username, details)
        elif user.disabled:
            outcome = "disabled"
            audit(session, Actor(user.username, frozenset(), station), "auth.login_refused",
                  "user", user.username, {"reason": "disabled"})
        else:
            outcome = "ok"
            user.failed_logins = 0
            user.locked_until = None
            user.last_login_at = now
            if needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
            actor = Actor(user.username, frozenset(user.roles or []), station, user.full_name)
            must_change = bool(user.must_change_password)
            audit(session, actor, "auth.login", "user", user.username,
                  {"must_change_password": must_change})
    if outcome == "ok":
        return LoginResult(actor, must_change)
    if outcome == "locked":
        assert user is not None and user.locked_until is not None
        minutes = max(1, int((user.locked_until - now).total_seconds() + 59) // 60)
        raise UserFacingError("security.account_locked", minutes=minutes)
    if outcome == "disabled":
        raise UserFacingError("security.account_disabled")
    raise UserFacingError("security.login_failed")


def change_password(
    db: Database,
    username: str,
    old_password: str,
    new_password: str,
    *,
    settings: Settings,
    station: str = "",
) -> LoginResult:
    """The user changes their own password (forced at first login); checks the old one first
    with the same lock-out rules as ``login``."""
    result = login(db, username, old_password, settings=settings, station=station)
    if unicodedata.normalize("NFC", new_password) == unicodedata.normalize("NFC", old_password):
        raise ValidationFailed("security.password_same")
    with _tx(db) as session:
        user = _get(session, result.actor.username)
        _policy(settings, user.username, user.full_name, new_password)
        user.password_hash = hash_password(new_password)
        user.must_change_password = False
        user.password_changed_at = datetime.now(UTC)
        audit(session, result.actor, "users.password_change", "user", user.username)
    return LoginResult(result.actor, False)
