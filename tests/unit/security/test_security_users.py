"""Accounts and passwords: policy, argon2id, login without hints, lock-out, forced change."""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from models.db import Database
from models.security import AuditEntry, User
from workstation.errors import UsageError, UserFacingError, ValidationFailed
from workstation.security import Actor, users
from workstation.security import passwords as pw
from workstation.settings import Settings

GOOD = "Ke-hoach-Mua-Xuan-3"


def _add(db: Database, actor: Actor, settings: Settings, name: str = "tiepnhan1",
         roles: tuple[str, ...] = ("reception",), password: str = GOOD,
         full_name: str = "Lò Thị Mai") -> users.UserInfo:
    with db.session() as s:
        return users.add_user(s, actor, name, password, roles, settings=settings,
                              full_name=full_name)


# ------------------------------------------------------------------------------ policy


@pytest.mark.parametrize("password,code", [
    ("Ab1-xyz", "security.password_too_short"),
    ("12345678", "security.password_common"),
    ("matkhau123", "security.password_common"),
    ("MatKhau2024", "security.password_common"),
    ("Mật khẩu", "security.password_common"),  # folds to "matkhau"
    ("congan123", "security.password_common"),
    ("anhyeuem@123", "security.password_common"),
    ("qwertyuiop", "security.password_common"),
    ("05031990", "security.password_common"),  # a date of birth: digits only
    ("aaaaaaaaaaaa", "security.password_common"),
    ("TN-SC-01-manh", "security.password_station"),  # the station code
    ("ThangLoi-2026!", "security.password_station"),  # the station's ward
    ("tiepnhan1-ok!", "security.password_station"),  # the user name
    ("lothimai-2026", "security.password_station"),  # the full name
])
def test_weak_passwords_are_refused_with_a_reason(
    password: str, code: str, settings: Settings
) -> None:
    with pytest.raises(ValidationFailed) as info:
        users._policy(settings, "tiepnhan1", "Lò Thị Mai", password)
    assert info.value.code == code
    assert info.value.text("vi") and not info.value.text("vi").startswith("security.")


@pytest.mark.parametrize("password", [GOOD, "Ba con mèo trèo cây cau", "r7!Vq2-Lm9#t"])
def test_good_passwords_pass(password: str, settings: Settings) -> None:
    users._policy(settings, "tiepnhan1", "Lò Thị Mai", password)


def test_min_length_is_a_setting(settings: Settings) -> None:
    longer = settings.with_values(security__min_password_length=20)
    with pytest.raises(ValidationFailed) as info:
        users._policy(longer, "u1x", "", GOOD)
    assert info.value.params == {"min": 20}


def test_blocklist_is_shipped_and_large() -> None:
    common = pw.common_passwords()
    assert len(common) >= 300
    assert {"123456", "matkhau", "congan123", "anhyeuem", "password"} <= common


def test_real_hash_is_argon2id_with_the_documented_parameters() -> None:
    h = pw.hash_password(GOOD)
    assert h.startswith("$argon2id$v=19$m=47104,t=1,p=1$")
    assert pw.verify_password(h, GOOD) and not pw.verify_password(h, GOOD + "x")
    assert pw.verify_password(None, GOOD) is False
    assert not pw.needs_rehash(h)


# ------------------------------------------------------------------------------ accounts


def test_add_list_disable_and_nothing_readable_in_a_dump(
    sdb: Database, settings: Settings, admin: Actor, fast_hash: None
) -> None:
    info = _add(sdb, admin, settings)
    assert info.roles == ("reception",) and info.must_change_password
    assert info.state() == "must_change"
    with sdb.session() as s:
        listed = users.list_users(s, admin)
        assert [u.username for u in listed] == ["tiepnhan1"]
        assert "password_hash" not in listed[0].as_dict()
    dump = "\n".join(sqlite3.connect(sdb.engine.url.database or "").iterdump())
    assert GOOD not in dump and "argon2id" in dump
    with sdb.session() as s:
        assert users.set_disabled(s, admin, "TiepNhan1").state() == "disabled"
    with pytest.raises(ValidationFailed) as info2, sdb.session() as s:
        users.add_user(s, admin, "tiepnhan1", GOOD, ["clerk"], settings=settings)
    assert info2.value.code == "security.user_exists"


@pytest.mark.parametrize("name,roles,code", [
    ("Ông Ba", ["clerk"], "security.username_invalid"),
    ("ab", ["clerk"], "security.username_invalid"),
    ("vanthu2", ["superuser"], "security.role_unknown"),
    ("vanthu2", [], "security.roles_needed"),
])
def test_bad_account_input_is_a_usage_error(
    sdb: Database, settings: Settings, admin: Actor, name: str, roles: list[str], code: str
) -> None:
    with pytest.raises(UsageError) as info, sdb.session() as s:
        users.add_user(s, admin, name, GOOD, roles, settings=settings)
    assert info.value.code == code


def test_the_last_active_admin_cannot_be_disabled(
    sdb: Database, settings: Settings, admin: Actor, fast_hash: None
) -> None:
    _add(sdb, admin, settings, "quantri1", ("admin",))
    with pytest.raises(ValidationFailed) as info, sdb.session() as s:
        users.set_disabled(s, admin, "quantri1")
    assert info.value.code == "security.last_admin"
    _add(sdb, admin, settings, "quantri2", ("admin", "leader"))
    with sdb.session() as s:
        users.set_disabled(s, admin, "quantri1")
        assert users.has_active_admin(s)


# ------------------------------------------------------------------------------ login


def _login(db: Database, settings: Settings, name: str, password: str,
           now: datetime | None = None) -> users.LoginResult:
    return users.login(db, name, password, settings=settings, now=now)


def test_wrong_password_and_unknown_user_look_the_same(
    sdb: Database, settings: Settings, admin: Actor
) -> None:
    _add(sdb, admin, settings)
    texts = []
    durations = []
    for name, password in (("tiepnhan1", "wrong-password-1"), ("khongco", "wrong-password-1"),
                           ("tiepnhan1", "wrong-password-2"), ("khongco", "wrong-password-2")):
        start = time.perf_counter()
        with pytest.raises(UserFacingError) as info:
            _login(sdb, settings, name, password)
        durations.append(time.perf_counter() - start)
        texts.append((info.value.code, info.value.text("vi")))
    assert len(set(texts)) == 1 and texts[0][0] == "security.login_failed"
    # both paths run one full argon2 verification (the unknown user against a dummy hash)
    known, unknown = durations[0] + durations[2], durations[1] + durations[3]
    assert 0.25 < known / unknown < 4  # a missing user costs the same argon2 run


def test_lockout_after_failures_then_expiry(
    sdb: Database, settings: Settings, admin: Actor, fast_hash: None
) -> None:
    _add(sdb, admin, settings)
    t0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    for i in range(settings["security.lockout_failures"]):
        with pytest.raises(UserFacingError) as info:
            _login(sdb, settings, "tiepnhan1", "sai-mat-khau", t0 + timedelta(seconds=i))
        assert info.value.code == "security.login_failed"
    # locked: even the right password is refused, and only then is the lock named
    with pytest.raises(UserFacingError) as info:
        _login(sdb, settings, "tiepnhan1", GOOD, t0 + timedelta(minutes=1))
    assert info.value.code == "security.account_locked" and info.value.params["minutes"] == 5
    with pytest.raises(UserFacingError) as info:
        _login(sdb, settings, "tiepnhan1", "sai-mat-khau", t0 + timedelta(minutes=1))
    assert info.value.code == "security.login_failed"
    later = t0 + timedelta(minutes=settings["security.lockout_minutes"], seconds=10)
    result = _login(sdb, settings, "tiepnhan1", GOOD, later)
    assert result.actor.username == "tiepnhan1" and result.must_change_password
    with sdb.session() as s:
        user = s.scalars(select(User)).one()
        assert user.failed_logins == 0 and user.locked_until is None
        actions = list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert actions.count("auth.login_failed") == 5 and actions[-1] == "auth.login"
    assert actions.count("auth.login_refused") == 2


def test_admin_reset_lifts_a_lockout(
    sdb: Database, settings: Settings, admin: Actor, fast_hash: None
) -> None:
    _add(sdb, admin, settings)
    few = settings.with_values(security__lockout_failures=1)
    with pytest.raises(UserFacingError):
        _login(sdb, few, "tiepnhan1", "sai-mat-khau")
    with sdb.session() as s:
        assert users.list_users(s, admin)[0].state() == "locked"
        users.set_password(s, admin, "tiepnhan1", "Cay-Tre-Lang-Que-5", settings=settings)
    assert _login(sdb, few, "tiepnhan1", "Cay-Tre-Lang-Que-5").must_change_password


def test_disabled_account_is_named_only_with_the_right_password(
    sdb: Database, settings: Settings, admin: Actor, fast_hash: None
) -> None:
    _add(sdb, admin, settings)
    _add(sdb, admin, settings, "quantri1", ("admin",))
    with sdb.session() as s:
        users.set_disabled(s, admin, "tiepnhan1")
    with pytest.raises(UserFacingError) as info:
        _login(sdb, settings, "tiepnhan1", "sai-mat-khau")
    assert info.value.code == "security.login_failed"
    with pytest.raises(UserFacingError) as info:
        _login(sdb, settings, "tiepnhan1", GOOD)
    assert info.value.code == "security.account_disabled"


def test_forced_change_at_first_login(
    sdb: Database, settings: Settings, admin: Actor, fast_hash: None
) -> None:
    _add(sdb, admin, settings)
    first = _login(sdb, settings, "tiepnhan1", GOOD)
    assert first.must_change_password
    assert first.actor.roles == frozenset({"reception"})
    assert first.actor.station == settings["station.code"]
    with pytest.raises(ValidationFailed) as info:
        users.change_password(sdb, "tiepnhan1", GOOD, GOOD, settings=settings)
    assert info.value.code == "security.password_same"
    with pytest.raises(ValidationFailed) as info:
        users.change_password(sdb, "tiepnhan1", GOOD, "matkhau2025", settings=settings)
    assert info.value.code == "security.password_common"
    with pytest.raises(UserFacingError) as info:
        users.change_password(sdb, "tiepnhan1", "sai-cu", "Cay-Tre-Lang-Que-5", settings=settings)
    assert info.value.code == "security.login_failed"
    changed = users.change_password(sdb, "tiepnhan1", GOOD, "Cay-Tre-Lang-Que-5",
                                    settings=settings)
    assert not changed.must_change_password
    assert not _login(sdb, settings, "tiepnhan1", "Cay-Tre-Lang-Que-5").must_change_password
    with pytest.raises(UserFacingError):
        _login(sdb, settings, "tiepnhan1", GOOD)


def test_old_parameters_are_upgraded_at_login(
    sdb: Database, settings: Settings, admin: Actor, fast_hash: None
) -> None:
    _add(sdb, admin, settings)  # hashed with the cheap test parameters
    from argon2 import PasswordHasher

    strong = PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1)
    pw._hasher = strong  # monkeypatched back by the fast_hash fixture
    _login(sdb, settings, "tiepnhan1", GOOD)
    with sdb.session() as s:
        assert "m=2048,t=2" in s.scalars(select(User.password_hash)).one()
