"""The kinds of error the core raises, and how each reaches the user."""

from __future__ import annotations

from typing import Any

from devices.errors import DeviceError, DeviceTimeout, DeviceUnavailable
from resources.messages import CodedError

__all__ = [
    "DeviceError",
    "DeviceTimeout",
    "DeviceUnavailable",
    "OperatorCancelled",
    "PermissionDenied",
    "UsageError",
    "UserFacingError",
    "ValidationFailed",
    "WorkstationError",
]


class WorkstationError(Exception):
    """Base of every error the workstation raises on purpose."""


class UserFacingError(WorkstationError, CodedError):
    """An error whose message is shown to the user as is (translated by its code).

    ``code`` is a stable message code from ``resources/i18n``; ``params`` fill its placeholders.
    """

    exit_code = 1


class UsageError(UserFacingError):
    """The command line or the input file could not be understood (CLI exit code 2)."""

    exit_code = 2


class ValidationFailed(UserFacingError):
    """Input was understood but refused; ``findings`` says why."""

    def __init__(self, code: str, /, findings: list[Any] | None = None, **params: Any) -> None:
        super().__init__(code, **params)
        self.findings = list(findings or [])


class PermissionDenied(UserFacingError):
    """The signed-in user's roles do not allow this action."""


class OperatorCancelled(WorkstationError):
    """The operator cancelled; nothing to report."""
