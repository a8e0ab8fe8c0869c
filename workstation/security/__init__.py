"""Staff accounts, roles and permissions (checked in the services), audit trail, encryption.

Contract used by every service::

    from workstation.security import Actor, require
    require(actor, "application.create")   # raises workstation.errors.PermissionDenied

``Actor.system("cli")`` holds every role: the CLI run by the station's IT person uses it.
See ``docs/security.md`` for the roles table, the audit chain and key handling.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workstation.errors import PermissionDenied
from workstation.security.permissions import PERMISSIONS, ROLES, permissions_of

__all__ = ["PERMISSIONS", "ROLES", "Actor", "require"]


@dataclass(frozen=True)
class Actor:
    """Who is acting: a signed-in officer (cán bộ) or the system itself."""

    username: str
    roles: frozenset[str] = field(default_factory=frozenset)
    station: str = ""
    full_name: str = ""

    def __post_init__(self) -> None:
        # Accept any iterable of role names from callers; keep a frozenset.
        object.__setattr__(self, "roles", frozenset(self.roles))

    @classmethod
    def system(cls, name: str = "cli", station: str = "") -> Actor:
        """The station itself (CLI, scheduled jobs): every role."""
        return cls(username=name, roles=frozenset(ROLES), station=station, full_name=name)

    @property
    def permissions(self) -> frozenset[str]:
        return permissions_of(self.roles)

    def has(self, permission: str) -> bool:
        return permission in permissions_of(self.roles)


def require(actor: Actor | None, permission: str) -> None:
    """Refuse unless ``actor`` holds ``permission`` (raises ``PermissionDenied``)."""
    if permission not in PERMISSIONS:
        # A typo in a service must not silently deny (or allow) forever: fail loudly in tests.
        raise ValueError(f"unknown permission {permission!r}")
    if actor is None or not actor.has(permission):
        raise PermissionDenied(
            "security.permission_denied",
            user=actor.username if actor else "-",
            permission=permission,
        )
