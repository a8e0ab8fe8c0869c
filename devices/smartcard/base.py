"""What every card-reader adapter offers (PC/SC or simulator), and the plain data it returns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from devices.smartcard.emrtd import CardTransport


@dataclass(frozen=True)
class ReaderState:
    """A reader and whether a card sits in it."""

    name: str
    card_present: bool
    atr: bytes = b""


@dataclass(frozen=True)
class ReaderEvent:
    """A change seen by a reader watcher.

    ``kind``: ``reader_added``, ``reader_removed``, ``card_inserted``, ``card_removed``,
    ``service_lost`` (pcscd went away) or ``service_back``.
    """

    kind: str
    reader: str = ""


class CardReaderAdapter(Protocol):
    """A source of card readers. Blocking and thread-confined: use it from one thread."""

    name: str

    def available(self) -> bool: ...

    def readers(self) -> list[ReaderState]: ...

    def connect(self, reader: str | None = None, timeout_s: float = 1.5) -> CardTransport: ...

    def wait_for_change(self, known: list[ReaderState], timeout_s: float) -> list[ReaderState]:
        """Block until the readers or their cards differ from ``known`` or the time is up."""
        ...

    def cancel_wait(self) -> None:
        """Wake a ``wait_for_change`` running on another thread."""
        ...
