"""The chip card reader status: reader present or absent, card on the reader, reading progress
and the result (name, photo, passive authentication), with a Read / Read again button.

All PC/SC work happens off the GUI thread: a ``ReaderWatcher`` thread reports insertions and
removals, and one reading thread (the only one that talks to the card) reads it; results come
back through queued signals. Plugs into reception and the return counter: call ``set_key()``
with the BAC key typed by the operator (or ``read(key)``), connect ``cardRead(ChipRead)``.
Runs alone with the simulated card: ``python -m ui.widgets.card_status``.
"""

from __future__ import annotations

import argparse
import queue
import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from devices.errors import DeviceError
from devices.smartcard.bac import BacKey
from devices.smartcard.base import CardReaderAdapter, ReaderEvent
from devices.smartcard.emrtd import ChipRead
from devices.smartcard.service import ReaderWatcher, read_card
from ui.i18n import t

GREEN, AMBER, RED, GREY = "#2e9d57", "#d98a14", "#c0392b", "#8a9199"
STAGE_WEIGHT = {"select": 0, "bac": 4, "com": 8, "dg1": 10, "dg13": 15, "dg2": 20, "sod": 88,
                "pa": 94, "done": 100}
STAGE_SPAN = {"dg2": 68, "sod": 6, "dg13": 5}


class _Bridge(QObject):
    """Lives on the GUI thread; the worker threads emit, Qt queues the calls to us."""

    readerEvent = Signal(str, str)
    progress = Signal(str, int, int)
    finished = Signal(object)
    failed = Signal(object)


class _ReadingThread:
    """The one thread that talks to the card: builds its own adapter, reads on request."""

    def __init__(self, factory: Callable[[], CardReaderAdapter], bridge: _Bridge,
                 csca: list[Any] | None) -> None:
        self._factory = factory
        self._bridge = bridge
        self._csca = csca
        self._jobs: queue.Queue[tuple[BacKey, str | None] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, daemon=True, name="card-reader-read")
        self._thread.start()

    def submit(self, key: BacKey, reader: str | None) -> None:
        self._jobs.put((key, reader))

    def stop(self) -> None:
        self._jobs.put(None)
        self._thread.join(3.0)

    def _run(self) -> None:
        adapter: CardReaderAdapter | None = None
        while True:
            job = self._jobs.get()
            if job is None:
                break
            key, reader = job
            try:
                if adapter is None:
                    adapter = self._factory()
                chip = read_card(adapter, key, reader=reader, csca=self._csca,
                                 progress=lambda s, d, n: self._bridge.progress.emit(s, d, n))
            except Exception as exc:  # noqa: BLE001 - every failure goes to the widget
                self._bridge.failed.emit(exc)
            else:
                self._bridge.finished.emit(chip)
        close = getattr(adapter, "close", None)
        if close is not None and getattr(adapter, "name", "") == "pcsc":
            close()


class CardStatusWidget(QFrame):
    """Status of the chip card reader, with a Read button; see the module docstring."""

    cardRead = Signal(object)  # ChipRead
    readFailed = Signal(object)  # the exception
    stateChanged = Signal(str)  # no_reader | ready | card_in | reading | done | error

    def __init__(self, adapter_factory: Callable[[], CardReaderAdapter], *,
                 reader: str | None = None, csca: list[Any] | None = None,
                 parent: QWidget | None = None, poll_s: float = 0.3) -> None:
        super().__init__(parent)
        self.setObjectName("cardStatus")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._reader_filter = reader
        self._key: BacKey | None = None
        self._readers: set[str] = set()
        self._cards: set[str] = set()
        self._state = ""
        self._last: ChipRead | None = None
        self._build()
        self._bridge = _Bridge()
        self._bridge.readerEvent.connect(self._on_reader_event)
        self._bridge.progress.connect(self._on_progress)
        self._bridge.finished.connect(self._on_finished)
        self._bridge.failed.connect(self._on_failed)
        self._reading = _ReadingThread(adapter_factory, self._bridge, csca)
        self._watcher = ReaderWatcher(adapter_factory, self._from_watcher, poll_s=poll_s)
        self._set_state("no_reader")
        self._watcher.start()

    # -- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = QLabel(t("smartcard.status.title"))
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.light = QLabel()
        self.light.setFixedSize(14, 14)
        self.reader_label = QLabel()
        self.reader_label.setStyleSheet(f"color: {GREY};")
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(8)
        self.photo = QLabel()
        self.photo.setFixedSize(72, 96)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setStyleSheet("background: #eef1f4; border: 1px solid #c9ced4;")
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pa_label = QLabel()
        self.pa_label.setWordWrap(True)
        self.read_button = QPushButton(t("smartcard.status.read"))
        self.read_button.clicked.connect(self._read_clicked)

        head = QHBoxLayout()
        head.addWidget(self.light)
        head.addWidget(self.title, 1)
        text_column = QVBoxLayout()
        text_column.addWidget(self.result_label)
        text_column.addWidget(self.pa_label)
        text_column.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        body.addLayout(text_column, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.read_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.reader_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.progress)
        layout.addLayout(body)
        layout.addLayout(buttons)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setMinimumWidth(380)

    # -- public ------------------------------------------------------------------------------

    @property
    def state(self) -> str:
        return self._state

    @property
    def last_read(self) -> ChipRead | None:
        return self._last

    def set_key(self, key: BacKey | None) -> None:
        """The BAC key from what the operator typed; enables the Read button."""
        self._key = key
        self._update_button()

    def read(self, key: BacKey | None = None) -> None:
        """Start reading the card (on the reading thread)."""
        if key is not None:
            self._key = key
        if self._key is None or self._state == "reading":
            return
        self._set_state("reading")
        self.progress.setValue(0)
        self.status_label.setText(t("smartcard.status.reading",
                                    stage=t("smartcard.stage.select"), percent=0))
        reader = self._reader_filter or (sorted(self._cards)[0] if self._cards else None)
        self._reading.submit(self._key, reader)

    def shutdown(self) -> None:
        """Stop the worker threads (called when the widget closes)."""
        self._watcher.stop()
        self._reading.stop()

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        self.shutdown()
        super().closeEvent(event)

    # -- thread side -------------------------------------------------------------------------

    def _from_watcher(self, event: ReaderEvent) -> None:
        # Runs on the watcher thread: only emit, never touch widgets.
        self._bridge.readerEvent.emit(event.kind, event.reader)

    # -- GUI side ----------------------------------------------------------------------------

    def _matches(self, reader: str) -> bool:
        return not self._reader_filter or self._reader_filter in reader

    def _on_reader_event(self, kind: str, reader: str) -> None:
        if reader and not self._matches(reader):
            return
        if kind == "reader_added":
            self._readers.add(reader)
        elif kind == "reader_removed":
            self._readers.discard(reader)
            self._cards.discard(reader)
        elif kind == "card_inserted":
            self._cards.add(reader)
        elif kind == "card_removed":
            self._cards.discard(reader)
        elif kind == "service_lost":
            self._readers.clear()
            self._cards.clear()
        if self._state == "reading":
            return
        if kind == "service_lost":
            self._set_state("no_reader", t("smartcard.status.service_lost"))
        elif not self._readers:
            self._set_state("no_reader")
        elif kind == "card_removed" and self._state == "done":
            self._set_state("ready")  # the next person can come
        elif kind == "card_removed" and self._state == "error":
            pass  # keep the error in view (e.g. "the card was removed while reading")
        elif kind == "card_inserted" or self._state not in ("done", "error"):
            self._set_state("card_in" if self._cards else "ready")
        self._show_reader()
        self._update_button()

    def _show_reader(self) -> None:
        names = sorted(self._readers)
        self.reader_label.setText(t("smartcard.status.reader", name=", ".join(names))
                                  if names else "")

    def _on_progress(self, stage: str, done: int, total: int) -> None:
        base = STAGE_WEIGHT.get(stage, 0)
        span = STAGE_SPAN.get(stage, 0)
        percent = min(100, base + (span * done // total if total else 0))
        self.progress.setValue(percent)
        self.status_label.setText(t("smartcard.status.reading",
                                    stage=t(f"smartcard.stage.{stage}"), percent=percent))

    def _on_finished(self, chip: ChipRead) -> None:
        self._last = chip
        self.progress.setValue(100)
        self._set_state("done", t("smartcard.status.done", name=chip.full_name))
        dob = chip.date_of_birth.strftime("%d/%m/%Y") if chip.date_of_birth else ""
        self.result_label.setText(f"<b>{chip.full_name}</b><br>{chip.pid}<br>{dob}")
        problems = ", ".join(chip.pa.problems)
        color = {"valid": GREEN, "failed": RED}.get(chip.pa.status, AMBER)
        self.pa_label.setText(t(chip.pa.message_code, problems=problems))
        self.pa_label.setStyleSheet(f"color: {color};")
        self._show_photo(chip)
        self.cardRead.emit(chip)

    def _show_photo(self, chip: ChipRead) -> None:
        if chip.face is None:
            self.photo.clear()
            return
        image = QImage.fromData(chip.face.data)
        if image.isNull():  # e.g. JPEG 2000 without the Qt plugin
            self.photo.setText(chip.face.format.upper())
            return
        self.photo.setPixmap(QPixmap.fromImage(image).scaled(
            self.photo.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, DeviceError):
            text = exc.text(_lang())
        else:
            text = t("error.unexpected", detail=f"{type(exc).__name__}: {exc}")
        self.progress.setValue(0)
        self._set_state("error", text)
        self.result_label.setText("")
        self.pa_label.setText("")
        self.photo.clear()
        self.readFailed.emit(exc)

    def _set_state(self, state: str, text: str | None = None) -> None:
        self._state = state
        color = {"no_reader": GREY, "ready": AMBER, "card_in": GREEN, "reading": AMBER,
                 "done": GREEN, "error": RED}[state]
        self.light.setStyleSheet(f"background: {color}; border-radius: 7px;")
        default = {"no_reader": "smartcard.status.no_reader", "ready": "smartcard.status.ready",
                   "card_in": "smartcard.status.card_in", "error": "smartcard.status.error"}
        if text is None and state in default:
            text = t(default[state])
        if text is not None:
            self.status_label.setText(text)
        self.status_label.setStyleSheet(f"color: {RED};" if state == "error" else "")
        if state in ("ready", "card_in", "no_reader"):
            self.progress.setValue(0)
        self.read_button.setText(t("smartcard.status.retry" if state in ("done", "error")
                                   else "smartcard.status.read"))
        self._update_button()
        self.stateChanged.emit(state)

    def _update_button(self) -> None:
        self.read_button.setEnabled(self._key is not None and self._state != "reading"
                                    and bool(self._cards))

    def _read_clicked(self) -> None:
        self.read()


def _lang() -> str:
    from ui.i18n import current_language

    return current_language()


def main(argv: list[str] | None = None) -> int:
    """Show the widget with the simulated reader and its synthetic card."""
    parser = argparse.ArgumentParser(description="Chip card reader status (simulated card)")
    parser.add_argument("--lang", choices=("vi", "en"), default="vi")
    parser.add_argument("--screenshot", help="save a PNG of the widget after reading and exit")
    args = parser.parse_args(argv)
    from devices.smartcard.emulator import CardProfile
    from devices.smartcard.simulated import SimulatedAdapter
    from ui.i18n import set_language

    set_language(args.lang)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    sim = SimulatedAdapter(apdu_delay_ms=4)
    widget = CardStatusWidget(lambda: sim)
    widget.set_key(CardProfile().bac_key())
    widget.setWindowTitle(t("smartcard.status.title"))
    widget.resize(460, 300)
    widget.show()
    if args.screenshot:
        def shoot(_: object) -> None:
            widget.resize(widget.width(), widget.heightForWidth(widget.width())
                          if widget.hasHeightForWidth() else widget.sizeHint().height())
            widget.grab().save(args.screenshot)
            widget.close()
            app.quit()

        widget.cardRead.connect(shoot)
        widget.readFailed.connect(shoot)
        widget.stateChanged.connect(lambda s: widget.read() if s == "card_in" else None)
    code = app.exec()
    widget.shutdown()
    return int(code)


if __name__ == "__main__":
    raise SystemExit(main())
