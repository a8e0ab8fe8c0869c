"""Every role against every permission, and against the real services of workstation.security."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from models.db import Database
from workstation.errors import PermissionDenied
from workstation.security import PERMISSIONS, ROLES, Actor, require
from workstation.security.permissions import ROLE_PERMISSIONS, permissions_of, roles_granting
from workstation.settings import Settings

# The specification, written out independently of workstation/security/permissions.py:
# R reception, C capture, K clerk (văn thư), L leader, A admin.
SPEC: dict[str, str] = {
    "records.read": "RCKLA",
    "records.import": "A",
    "records.edit": "A",
    "application.create": "R",
    "application.edit": "RC",
    "application.verify": "R",
    "application.confirm": "R",
    "application.submit": "K",
    "application.reject": "L",
    "application.cancel": "RL",
    "biometrics.capture": "C",
    "biometrics.read": "CL",
    "biometrics.exception_approve": "L",
    "biometrics.purge": "A",
    "fee.collect": "K",
    "document.print": "RK",
    "card.read": "RCK",
    "card.handover": "K",
    "audit.read": "LA",
    "audit.export": "LA",
    "users.manage": "A",
    "settings.edit": "A",
    "devices.manage": "A",
    "keys.manage": "A",
    "reports.read": "LA",
    "calendar.edit": "A",
    "fees.edit": "A",
}
LETTER = {"reception": "R", "capture": "C", "clerk": "K", "leader": "L", "admin": "A"}
CONTRACT = (  # the names other engineers build against (PREAMBLE "Shared contracts")
    "records.read records.import records.edit application.create application.edit "
    "application.verify application.confirm application.submit application.reject "
    "application.cancel biometrics.capture biometrics.read biometrics.exception_approve "
    "fee.collect document.print card.read card.handover audit.read audit.export users.manage "
    "settings.edit devices.manage reports.read calendar.edit fees.edit"
).split()


def test_spec_covers_every_declared_permission_and_the_contract() -> None:
    assert set(SPEC) == set(PERMISSIONS)
    assert set(CONTRACT) <= set(PERMISSIONS)
    assert ROLES == ("reception", "capture", "clerk", "leader", "admin")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("permission", sorted(SPEC))
def test_each_role_has_exactly_the_specified_permissions(role: str, permission: str) -> None:
    allowed = LETTER[role] in SPEC[permission]
    actor = Actor("canbo", frozenset({role}))
    assert actor.has(permission) is allowed
    assert (permission in ROLE_PERMISSIONS[role]) is allowed
    if allowed:
        require(actor, permission)
        assert role in roles_granting(permission)
    else:
        with pytest.raises(PermissionDenied) as info:
            require(actor, permission)
        assert info.value.code == "security.permission_denied"
        assert permission in info.value.text("vi") and "canbo" in info.value.text("vi")


def test_several_roles_add_up_and_system_has_everything() -> None:
    both = Actor("a", frozenset({"reception", "clerk"}))
    assert both.has("application.create") and both.has("fee.collect")
    assert not both.has("users.manage")
    assert permissions_of(("reception", "clerk")) == (
        ROLE_PERMISSIONS["reception"] | ROLE_PERMISSIONS["clerk"])
    system = Actor.system("cli")
    assert all(system.has(p) for p in PERMISSIONS)
    assert system.roles == frozenset(ROLES)


def test_nobody_and_unknown_roles_are_refused_and_typos_are_loud() -> None:
    with pytest.raises(PermissionDenied):
        require(None, "records.read")
    with pytest.raises(PermissionDenied):
        require(Actor("x", frozenset({"superuser"})), "records.read")
    with pytest.raises(ValueError):
        require(Actor.system(), "records.raed")
    # roles given as a list are kept as a frozenset (hashable, immutable actor)
    assert Actor("x", ["clerk"]).roles == frozenset({"clerk"})  # type: ignore[arg-type]


# ---------------------------------------------------------------- real services of this area


def _services(db: Database, settings: Settings) -> dict[str, Callable[[Actor], Any]]:
    from sqlalchemy import select

    from models.applications import BiometricRecord
    from workstation.security import users
    from workstation.security.audit import list_entries
    from workstation.security.crypto import read_biometric
    from workstation.security.retention import purge_biometrics
    from workstation.security.rotation import rotate_data_key_cli, rotate_station_key

    def in_session(fn: Callable[..., Any]) -> Callable[[Actor], Any]:
        def call(actor: Actor) -> Any:
            with db.session() as s:
                return fn(s, actor)
        return call

    return {
        "users.manage:list": in_session(lambda s, a: users.list_users(s, a)),
        "users.manage:add": in_session(lambda s, a: users.add_user(
            s, a, "canbo" + a.username, "Ke-hoach-Mua-Thu-7", ["clerk"], settings=settings)),
        "users.manage:disable": in_session(lambda s, a: users.set_disabled(s, a, "mot")),
        "users.manage:passwd": in_session(lambda s, a: users.set_password(
            s, a, "mot", "Doi-Moi-Hoan-Toan-9", settings=settings)),
        "users.manage:roles": in_session(lambda s, a: users.set_roles(s, a, "mot", ["clerk"])),
        "biometrics.purge:purge": in_session(lambda s, a: purge_biometrics(
            s, a, settings=settings, now=datetime.now(UTC))),
        "biometrics.read:read_biometric": in_session(lambda s, a: read_biometric(
            s, a, s.scalars(select(BiometricRecord)).one(), settings)),
        "audit.read:list_entries": in_session(lambda s, a: list_entries(s, a)),
        "keys.manage:rotate_data_key": lambda a: rotate_data_key_cli(db, a, settings),
        "keys.manage:rotate_station_key": lambda a: rotate_station_key(db, a, settings),
    }


@pytest.mark.parametrize("role", ROLES)
def test_every_role_against_every_service(
    role: str, sdb: Database, settings: Settings, fast_hash: None, key_file: Path
) -> None:
    from datetime import date

    from models.applications import Application, BiometricRecord
    from workstation.security import users
    from workstation.security.crypto import load_vault

    with sdb.session() as s:
        users.add_user(s, Actor.system(), "mot", "Ke-hoach-Mua-Xuan-3", ["reception"],
                       settings=settings)
        app = Application(number="TN-SC-01-20260302-0001", station_code="TN-SC-01",
                          kind="first_issue", applicant_pid="019306001234",
                          age_group="14_and_over", received_on=date(2026, 3, 2))
        s.add(app)
        s.flush()
        load_vault(s, settings).seal_record(
            BiometricRecord(application_id=app.id, modality="face", position="face"), b"x")
    actor = Actor(role, frozenset({role}), "TN-SC-01")
    for name, call in _services(sdb, settings).items():
        permission = name.split(":")[0]
        if LETTER[role] in SPEC[permission]:
            call(actor)  # allowed: runs for real
        else:
            with pytest.raises(PermissionDenied):
                call(actor)
    # a refused call left no trace: only the allowed calls were audited
    from sqlalchemy import select

    from models.security import AuditEntry

    with sdb.session() as s:
        actions = set(s.scalars(select(AuditEntry.action).where(AuditEntry.username == role)))
    if role == "admin":
        assert {"users.add", "users.disable", "users.password_reset", "users.roles",
                "keys.rotate", "keys.rotate_data_key"} <= actions
    elif role in ("capture", "leader"):
        assert actions == {"biometrics.read"}
    else:
        assert actions == set()
