"""Errors raised by device adapters, carrying a stable message code."""

from __future__ import annotations

from resources.messages import CodedError


class DeviceError(CodedError):
    """A device failed: unplugged, refused, answered garbage. ``code`` names the message."""


class DeviceTimeout(DeviceError):
    """A device did not answer in time."""


class DeviceUnavailable(DeviceError):
    """The device, its driver or its library is not present."""
