"""The simulated reader: a virtual card slot in this process, so demo mode needs no pcscd.

A ``SimulatedAdapter`` has one reader holding at most one ``VirtualCard``; ``insert()`` and
``remove()`` change it (the demo or a test plays the person at the counter). Each APDU costs a
configurable delay, like a real contactless link."""

from __future__ import annotations

import threading
import time

from devices.smartcard.base import ReaderState
from devices.smartcard.emulator import CardProfile, CardPulled, Faults, VirtualCard
from devices.smartcard.errors import CardRemoved, SmartCardError

SIMULATED_READER = "Simulated chip card reader 0"


class SimulatedTransport:
    def __init__(self, adapter: SimulatedAdapter, card: VirtualCard) -> None:
        self._adapter = adapter
        self._card: VirtualCard | None = card
        self.reader_name = adapter.reader_name
        self.extended_length = True

    def transmit(self, apdu: bytes) -> bytes:
        card = self._card
        if card is None or self._adapter.card is not card:
            raise CardRemoved("smartcard.card_removed")
        if self._adapter.apdu_delay_s:
            time.sleep(self._adapter.apdu_delay_s)
        try:
            return card.process(apdu)
        except CardPulled:
            self._adapter.remove()
            self._card = None
            raise CardRemoved("smartcard.card_removed") from None

    def close(self) -> None:
        self._card = None


class SimulatedAdapter:
    """One simulated reader; starts with the default synthetic card unless told otherwise."""

    name = "simulator"

    def __init__(self, card: VirtualCard | None = None, *, insert_default: bool = True,
                 apdu_delay_ms: float = 0.0, reader_name: str = SIMULATED_READER) -> None:
        self.reader_name = reader_name
        self.apdu_delay_s = apdu_delay_ms / 1000.0
        self._cond = threading.Condition()
        self._card = card if card is not None else (VirtualCard() if insert_default else None)
        self._version = 0
        self._cancelled = False

    @property
    def card(self) -> VirtualCard | None:
        return self._card

    def insert(self, card: VirtualCard | None = None, profile: CardProfile | None = None,
               faults: Faults | None = None) -> VirtualCard:
        card = card or VirtualCard(profile or CardProfile(), faults or Faults())
        card.reset()
        with self._cond:
            self._card = card
            self._version += 1
            self._cond.notify_all()
        return card

    def remove(self) -> None:
        with self._cond:
            self._card = None
            self._version += 1
            self._cond.notify_all()

    def available(self) -> bool:
        return True

    def readers(self) -> list[ReaderState]:
        card = self._card
        return [ReaderState(self.reader_name, card is not None, card.atr if card else b"")]

    def connect(self, reader: str | None = None, timeout_s: float = 1.5) -> SimulatedTransport:
        if reader and reader not in self.reader_name:
            raise SmartCardError("smartcard.reader_not_found", reader=reader)
        card = self._card
        if card is None:
            raise SmartCardError("smartcard.no_card", reader=self.reader_name)
        card.reset()
        return SimulatedTransport(self, card)

    def wait_for_change(self, known: list[ReaderState], timeout_s: float) -> list[ReaderState]:
        deadline = time.monotonic() + timeout_s
        with self._cond:
            while self.readers() == known and not self._cancelled:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._cond.wait(left)
            self._cancelled = False
        return self.readers()

    def cancel_wait(self) -> None:
        with self._cond:
            self._cancelled = True
            self._cond.notify_all()

    def close(self) -> None:
        self.cancel_wait()
