"""Reading a card end to end (connect with retry, read, close), and the reader watcher that
reports insertions and removals from its own thread."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from devices.smartcard.bac import BacKey
from devices.smartcard.base import CardReaderAdapter, ReaderEvent, ReaderState
from devices.smartcard.emrtd import ChipRead, EmrtdReader, Progress
from devices.smartcard.errors import CardRemoved, DeviceUnavailable, SmartCardError

log = logging.getLogger(__name__)


def read_card(adapter: CardReaderAdapter, key: BacKey, *, reader: str | None = None,
              csca: Iterable[Any] | None = None, progress: Progress | None = None,
              now: datetime | None = None, with_face: bool = True,
              connect_timeout_s: float = 1.5) -> ChipRead:
    """Connect to the card in ``reader`` (or the first reader) and read it whole.

    Right after a card is (re)inserted pcscd may hand out a stale connection for a moment;
    a removal seen on the very first command is therefore retried once.
    """
    trust = list(csca) if csca is not None else None
    for attempt in (1, 2):
        transport = adapter.connect(reader, timeout_s=connect_timeout_s)
        session = EmrtdReader(transport, progress)
        try:
            return session.read(key, trust, now, with_face)
        except CardRemoved:
            if attempt == 1 and session.apdus <= 1:
                time.sleep(0.3)
                continue
            raise
        finally:
            try:
                transport.close()
            except Exception:  # noqa: BLE001 - closing a dead connection may fail; harmless
                log.debug("closing the card connection failed", exc_info=True)
    raise SmartCardError("smartcard.card_removed")  # pragma: no cover - loop always returns


class ReaderWatcher:
    """Watches the readers on its own thread and calls ``on_event`` (on that thread) for each
    change. ``adapter_factory`` builds the adapter inside the thread: PC/SC contexts belong to
    the thread that made them."""

    def __init__(self, adapter_factory: Callable[[], CardReaderAdapter],
                 on_event: Callable[[ReaderEvent], None], poll_s: float = 0.5) -> None:
        self._factory = adapter_factory
        self._on_event = on_event
        self._poll_s = poll_s
        self._stop = threading.Event()
        self._adapter: CardReaderAdapter | None = None
        self._thread = threading.Thread(target=self._run, daemon=True, name="card-reader-watch")
        self.started = threading.Event()

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 3.0) -> None:
        self._stop.set()
        adapter = self._adapter
        if adapter is not None:
            try:
                adapter.cancel_wait()
            except Exception:  # noqa: BLE001 - best effort wake-up
                pass
        self._thread.join(timeout)

    def _emit(self, event: ReaderEvent) -> None:
        try:
            self._on_event(event)
        except Exception:  # noqa: BLE001 - a listener's bug must not kill the watcher
            log.exception("reader event listener failed")

    @staticmethod
    def diff(old: list[ReaderState], new: list[ReaderState]) -> list[ReaderEvent]:
        before = {s.name: s for s in old}
        after = {s.name: s for s in new}
        events: list[ReaderEvent] = []
        for name in after.keys() - before.keys():
            events.append(ReaderEvent("reader_added", name))
            if after[name].card_present:
                events.append(ReaderEvent("card_inserted", name))
        for name in before.keys() - after.keys():
            if before[name].card_present:
                events.append(ReaderEvent("card_removed", name))
            events.append(ReaderEvent("reader_removed", name))
        for name in after.keys() & before.keys():
            if after[name].card_present and not before[name].card_present:
                events.append(ReaderEvent("card_inserted", name))
            elif before[name].card_present and not after[name].card_present:
                events.append(ReaderEvent("card_removed", name))
        return events

    def _run(self) -> None:
        known: list[ReaderState] = []
        service_ok = True
        try:
            self._adapter = self._factory()
        except SmartCardError:
            self._adapter = None
        self.started.set()
        while not self._stop.is_set():
            adapter = self._adapter
            try:
                if adapter is None:
                    adapter = self._adapter = self._factory()
                if not known:
                    current = adapter.readers()
                else:
                    current = adapter.wait_for_change(known, self._poll_s)
                if not service_ok:
                    service_ok = True
                    self._emit(ReaderEvent("service_back"))
            except DeviceUnavailable:
                if service_ok:
                    service_ok = False
                    for event in self.diff(known, []):
                        self._emit(event)
                    known = []
                    self._emit(ReaderEvent("service_lost"))
                self._stop.wait(self._poll_s)
                continue
            except SmartCardError:
                self._stop.wait(self._poll_s)
                continue
            for event in self.diff(known, current):
                self._emit(event)
            known = current
            if not current:
                self._stop.wait(self._poll_s)
        adapter = self._adapter
        close = getattr(adapter, "close", None)
        if close is not None and adapter.name == "pcsc":  # type: ignore[union-attr]
            close()
