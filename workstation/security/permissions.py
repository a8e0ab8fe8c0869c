"""Roles of the station's staff and the permissions each role grants (checked in the services).

Roles (vai trò): ``reception`` (tiếp nhận hồ sơ), ``capture`` (thu nhận sinh trắc học),
``clerk`` (in giấy tờ, thu lệ phí, trả thẻ), ``leader`` (lãnh đạo: phê duyệt, ngoại lệ, báo cáo),
``admin`` (quản trị: người dùng, thiết bị, cài đặt). One person may hold several roles.
The admin role deliberately holds no application permissions: whoever manages accounts does not
also process citizens' files (separation of duties). ``Actor.system()`` holds every role.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

ROLES: Final[tuple[str, ...]] = ("reception", "capture", "clerk", "leader", "admin")

PERMISSIONS: Final[tuple[str, ...]] = (
    "records.read",
    "records.import",
    "records.edit",
    "application.create",
    "application.edit",
    "application.verify",
    "application.confirm",
    "application.submit",
    "application.reject",
    "application.cancel",
    "biometrics.capture",
    "biometrics.read",
    "biometrics.exception_approve",
    "biometrics.purge",
    "fee.collect",
    "document.print",
    "card.read",
    "card.handover",
    "audit.read",
    "audit.export",
    "users.manage",
    "settings.edit",
    "devices.manage",
    "keys.manage",
    "reports.read",
    "calendar.edit",
    "fees.edit",
)

_TABLE: dict[str, frozenset[str]] = {
    "reception": frozenset({
        "records.read",
        "application.create",
        "application.edit",
        "application.verify",
        "application.confirm",
        "application.cancel",
        "document.print",
        "card.read",
    }),
    "capture": frozenset({
        "records.read",
        "application.edit",
        "biometrics.capture",
        "biometrics.read",
        "card.read",
    }),
    "clerk": frozenset({
        "records.read",
        "application.submit",
        "fee.collect",
        "document.print",
        "card.read",
        "card.handover",
    }),
    "leader": frozenset({
        "records.read",
        "application.reject",
        "application.cancel",
        "biometrics.read",
        "biometrics.exception_approve",
        "audit.read",
        "audit.export",
        "reports.read",
    }),
    "admin": frozenset({
        "records.import",
        "records.edit",
        "records.read",
        "biometrics.purge",
        "audit.read",
        "audit.export",
        "users.manage",
        "settings.edit",
        "devices.manage",
        "keys.manage",
        "reports.read",
        "calendar.edit",
        "fees.edit",
    }),
}

#: role -> the permissions it grants (read-only).
ROLE_PERMISSIONS: Final = MappingProxyType(_TABLE)

assert set(_TABLE) == set(ROLES)
assert all(p in PERMISSIONS for grants in _TABLE.values() for p in grants)


def permissions_of(roles: frozenset[str] | set[str] | tuple[str, ...]) -> frozenset[str]:
    """Every permission granted by any of ``roles`` (unknown roles grant nothing)."""
    out: set[str] = set()
    for role in roles:
        out |= _TABLE.get(role, frozenset())
    return frozenset(out)


def roles_granting(permission: str) -> tuple[str, ...]:
    """The roles that grant ``permission``, in the order of ``ROLES``."""
    return tuple(r for r in ROLES if permission in _TABLE[r])
