"""Errors of the smart-card layer: one ``SmartCardError`` family, each with a message code."""

from __future__ import annotations

from typing import Any

from devices.errors import DeviceError, DeviceUnavailable


class SmartCardError(DeviceError):
    """Reading the chip failed; ``code`` (``smartcard.*``) names the translated message."""


class MalformedData(SmartCardError):
    """Data from the chip (or a scanner) could not be parsed: the ONE error every parser raises.

    ``what`` names the structure (``tlv``, ``dg1``, ``dg13``, ``sod``, ``qr``, ``mrz``...),
    ``detail`` says what was wrong in English (for logs and the details box).
    """

    def __init__(self, what: str, detail: str, /, **params: Any) -> None:
        self.what = what
        self.detail = detail
        super().__init__("smartcard.malformed", what=what, detail=detail, **params)


class CardAccessDenied(SmartCardError):
    """Basic Access Control was refused: the MRZ data typed does not match the card."""


class CardRemoved(SmartCardError):
    """The card left the reader (or the reader went away) while it was being read."""


class ExtendedLengthRefused(SmartCardError):
    """The reader (or its driver) could not carry an extended-length APDU; short ones may work."""

    def __init__(self) -> None:
        super().__init__("smartcard.io_error", detail="extended-length APDU refused")


class ApduError(SmartCardError):
    """The card answered a command with an error status word."""

    def __init__(self, code: str, /, sw: int = 0, **params: Any) -> None:
        self.sw = sw
        super().__init__(code, sw=f"{sw:04X}", **params)


__all__ = [
    "ApduError",
    "CardAccessDenied",
    "CardRemoved",
    "DeviceUnavailable",
    "ExtendedLengthRefused",
    "MalformedData",
    "SmartCardError",
]
