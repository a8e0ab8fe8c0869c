"""PC/SC readers through pyscard (WinSCard on Windows, pcsc-lite on Linux).

pyscard is imported lazily: without it (or without a running pcscd) ``available()`` is False
and nothing crashes. Each ``PcscAdapter`` owns one PC/SC context; use it from one thread (the
watcher thread makes its own adapter)."""

from __future__ import annotations

import logging
import time
from typing import Any

from devices.errors import DeviceError
from devices.smartcard.base import ReaderState
from devices.smartcard.errors import (
    CardRemoved,
    DeviceUnavailable,
    ExtendedLengthRefused,
    SmartCardError,
)

log = logging.getLogger(__name__)

# PC/SC return codes (winscard.h); pyscard gives them as unsigned ints.
SCARD_S_SUCCESS = 0
SCARD_E_CANCELLED = 0x80100002
SCARD_E_INVALID_HANDLE = 0x80100003
SCARD_E_UNKNOWN_READER = 0x80100009
SCARD_E_TIMEOUT = 0x8010000A
SCARD_E_SHARING_VIOLATION = 0x8010000B
SCARD_E_NO_SMARTCARD = 0x8010000C
SCARD_F_COMM_ERROR = 0x80100013
SCARD_E_NOT_TRANSACTED = 0x80100016
SCARD_E_READER_UNAVAILABLE = 0x80100017
SCARD_E_NO_SERVICE = 0x8010001D
SCARD_E_SERVICE_STOPPED = 0x8010001E
SCARD_E_NO_READERS_AVAILABLE = 0x8010002E
SCARD_W_UNRESPONSIVE_CARD = 0x80100066
SCARD_W_UNPOWERED_CARD = 0x80100067
SCARD_W_RESET_CARD = 0x80100068
SCARD_W_REMOVED_CARD = 0x80100069

_CARD_GONE = {SCARD_E_NO_SMARTCARD, SCARD_W_REMOVED_CARD, SCARD_W_RESET_CARD,
              SCARD_W_UNPOWERED_CARD, SCARD_W_UNRESPONSIVE_CARD}
_READER_GONE = {SCARD_E_UNKNOWN_READER, SCARD_E_READER_UNAVAILABLE}
_SERVICE_GONE = {SCARD_E_NO_SERVICE, SCARD_E_SERVICE_STOPPED}
# Retried while connecting: pcscd can report a stale card for ~0.4 s after a reinsertion.
_RETRY_CONNECT = _CARD_GONE | {SCARD_E_SHARING_VIOLATION, SCARD_E_NOT_TRANSACTED,
                               SCARD_F_COMM_ERROR}

PNP_NOTIFICATION = "\\\\?PnP?\\Notification"


def _is_extended(apdu: bytes) -> bool:
    """Whether a command APDU uses extended length fields (ISO 7816-4 §5.1)."""
    return len(apdu) >= 7 and apdu[4] == 0


def _u32(hr: int) -> int:
    return hr & 0xFFFFFFFF


def _scard() -> Any:
    try:
        from smartcard import scard
    except ImportError as exc:  # pragma: no cover - pyscard is a dependency
        raise DeviceUnavailable("smartcard.pcsc_missing") from exc
    return scard


class PcscTransport:
    """A connected card in a PC/SC reader."""

    def __init__(self, adapter: PcscAdapter, reader: str, handle: Any, protocol: int,
                 extended_length: bool = True) -> None:
        self._adapter = adapter
        self.reader_name = reader
        self._handle = handle
        self._protocol = protocol
        self.extended_length = extended_length

    def transmit(self, apdu: bytes) -> bytes:
        sc = _scard()
        if self._handle is None:
            raise CardRemoved("smartcard.card_removed")
        hr, response = sc.SCardTransmit(self._handle, self._protocol, list(apdu))
        hr = _u32(hr)
        if hr == SCARD_S_SUCCESS and len(response) >= 2:
            return bytes(response)
        # Something broke: tell a pulled card from a vanished reader from a glitch.
        error = self._adapter.explain_failure(self.reader_name, hr)
        if _is_extended(apdu) and error.code == "smartcard.connection_lost":
            # The card is still there: most likely the reader cannot carry extended APDUs.
            raise ExtendedLengthRefused() from error
        raise error

    def close(self) -> None:
        if self._handle is not None:
            sc = _scard()
            sc.SCardDisconnect(self._handle, sc.SCARD_LEAVE_CARD)
            self._handle = None

    def __enter__(self) -> PcscTransport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class PcscAdapter:
    """Readers known to the PC/SC service."""

    name = "pcsc"

    def __init__(self, reader_filter: str = "", extended_length: bool = True) -> None:
        self.reader_filter = reader_filter
        self.extended_length = extended_length
        self._context: Any = None

    # context

    def _ctx(self) -> Any:
        if self._context is None:
            sc = _scard()
            hr, ctx = sc.SCardEstablishContext(sc.SCARD_SCOPE_USER)
            if _u32(hr) != SCARD_S_SUCCESS:
                raise DeviceUnavailable("smartcard.pcsc_unavailable")
            self._context = ctx
        return self._context

    def _drop_context(self) -> None:
        if self._context is not None:
            try:
                _scard().SCardReleaseContext(self._context)
            except Exception:  # noqa: BLE001 - a dead context may refuse to be released
                pass
            self._context = None

    def close(self) -> None:
        self._drop_context()

    def __del__(self) -> None:
        # Callers that build an adapter per read and drop it must not leak PC/SC contexts.
        try:
            self._drop_context()
        except Exception:  # noqa: BLE001 - never raise from a finaliser
            pass

    def available(self) -> bool:
        """Whether the PC/SC service answers; never raises (no service is a plain False)."""
        try:
            self._ctx()
        except (SmartCardError, DeviceError):
            return False
        return True

    # readers

    def reader_names(self) -> list[str]:
        sc = _scard()
        hr, names = sc.SCardListReaders(self._ctx(), [])
        hr = _u32(hr)
        if hr == SCARD_E_NO_READERS_AVAILABLE:
            return []
        if hr in _SERVICE_GONE or hr == SCARD_E_INVALID_HANDLE:
            self._drop_context()
            raise DeviceUnavailable("smartcard.pcsc_unavailable")
        if hr != SCARD_S_SUCCESS:
            raise SmartCardError("smartcard.io_error", detail=f"SCardListReaders {hr:08X}")
        return list(names)

    def readers(self) -> list[ReaderState]:
        names = self.reader_names()
        if not names:
            return []
        sc = _scard()
        hr, states = sc.SCardGetStatusChange(
            self._ctx(), 0, [(n, sc.SCARD_STATE_UNAWARE) for n in names])
        if _u32(hr) != SCARD_S_SUCCESS:
            return [ReaderState(n, False) for n in names]
        return [ReaderState(name, bool(state & sc.SCARD_STATE_PRESENT)
                            and not state & sc.SCARD_STATE_MUTE, bytes(atr))
                for name, state, atr in states]

    def pick_reader(self, reader: str | None = None) -> str:
        """The reader named (a substring is enough) or the first one (filter applied)."""
        names = self.reader_names()
        want = reader if reader is not None else self.reader_filter
        if want:
            matches = [n for n in names if n == want] or [n for n in names if want in n]
            if not matches:
                raise SmartCardError("smartcard.reader_not_found", reader=want)
            return matches[0]
        if not names:
            raise SmartCardError("smartcard.no_reader")
        return names[0]

    def card_present(self, reader: str) -> bool | None:
        """True/False, or None when the reader itself is gone."""
        try:
            states = {s.name: s for s in self.readers()}
        except DeviceError:
            return None
        state = states.get(reader)
        return None if state is None else state.card_present

    def explain_failure(self, reader: str, hr: int) -> DeviceError:
        if hr in _SERVICE_GONE:
            self._drop_context()
            return DeviceUnavailable("smartcard.pcsc_unavailable")
        if hr in _READER_GONE:
            return CardRemoved("smartcard.reader_gone", reader=reader)
        present = self.card_present(reader)
        # A card that just left can still look present for a moment: look again briefly.
        deadline = time.monotonic() + 0.6
        while present and time.monotonic() < deadline:
            time.sleep(0.1)
            present = self.card_present(reader)
        if present is None:
            return CardRemoved("smartcard.reader_gone", reader=reader)
        if not present or hr in _CARD_GONE:
            return CardRemoved("smartcard.card_removed")
        # Still present but the exchange failed: in a contactless field this is a card moved
        # or a link that dropped; either way, reading again is the cure.
        return CardRemoved("smartcard.connection_lost", detail=f"PC/SC {hr:08X}")

    def connect(self, reader: str | None = None, timeout_s: float = 1.5) -> PcscTransport:
        """Connect to the card, retrying while pcscd still reports a stale card."""
        sc = _scard()
        name = self.pick_reader(reader)
        deadline = time.monotonic() + timeout_s
        last = 0
        while True:
            hr, handle, protocol = sc.SCardConnect(
                self._ctx(), name, sc.SCARD_SHARE_SHARED,
                sc.SCARD_PROTOCOL_T0 | sc.SCARD_PROTOCOL_T1)
            last = _u32(hr)
            if last == SCARD_S_SUCCESS:
                return PcscTransport(self, name, handle, protocol, self.extended_length)
            if last in _SERVICE_GONE:
                self._drop_context()
                raise DeviceUnavailable("smartcard.pcsc_unavailable")
            if last in _READER_GONE:
                raise SmartCardError("smartcard.reader_gone", reader=name)
            if last not in _RETRY_CONNECT or time.monotonic() >= deadline:
                break
            time.sleep(0.1)
        if last in _CARD_GONE:
            raise SmartCardError("smartcard.no_card", reader=name)
        raise SmartCardError("smartcard.io_error", detail=f"SCardConnect {last:08X}")

    # change notification

    def wait_for_change(self, known: list[ReaderState], timeout_s: float) -> list[ReaderState]:
        sc = _scard()
        try:
            ctx = self._ctx()
        except DeviceUnavailable:
            time.sleep(timeout_s)
            raise
        watched = [(s.name, (sc.SCARD_STATE_PRESENT if s.card_present else sc.SCARD_STATE_EMPTY))
                   for s in known]
        # The PnP pseudo-reader wakes us when a reader is plugged in or out.
        watched.append((PNP_NOTIFICATION, len(known) << 16))
        hr, _ = sc.SCardGetStatusChange(ctx, int(timeout_s * 1000), watched)
        hr = _u32(hr)
        if hr in _SERVICE_GONE or hr == SCARD_E_INVALID_HANDLE:
            self._drop_context()
            raise DeviceUnavailable("smartcard.pcsc_unavailable")
        if hr not in (SCARD_S_SUCCESS, SCARD_E_TIMEOUT, SCARD_E_CANCELLED,
                      SCARD_E_UNKNOWN_READER):
            time.sleep(min(timeout_s, 0.2))
        return self.readers()

    def cancel_wait(self) -> None:
        if self._context is not None:
            _scard().SCardCancel(self._context)
