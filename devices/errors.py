"""Errors raised by device adapters, carrying a stable message code."""

from __future__ import annotations

from typing import Any

from resources.messages import DEFAULT_LANG, message


class DeviceError(Exception):
    """A device failed: unplugged, refused, answered garbage. ``code`` names the message."""

    def __init__(self, code: str, /, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(message(code, "en", **params))

    def text(self, lang: str = DEFAULT_LANG) -> str:
        return message(self.code, lang, **self.params)


class DeviceTimeout(DeviceError):
    """A device did not answer in time."""


class DeviceUnavailable(DeviceError):
    """The device, its driver or its library is not present."""
