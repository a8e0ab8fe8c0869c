"""The ten-print panel: two hands with each finger's state, live preview, spoken-style prompts,
retakes, exceptions and the iris section, all driven from the keyboard.

Runs alone with the SBI simulator: ``python -m ui.widgets.fingerprint_panel --simulate``.
Every device call happens on the panel's worker thread (``fingerprint_worker``); the GUI only
shows snapshots. Signals for the capture page: ``fingerCaptured(StoredImage)`` per accepted
finger (WSQ or PNG bytes with position, resolution and quality, for the core to encrypt),
``exceptionMarked(position, kind, reason)``, ``irisCaptured(StoredImage)``,
``sequenceCompleted(TenPrintResult)``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, QThread, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from devices.fingerprint.model import DeviceInfo, ExceptionKind, Finger, GrayImage
from devices.fingerprint.sequence import FingerStatus
from ui.i18n import t
from ui.widgets.fingerprint_hands import AspectImage, HandsView, PrintStrip, gray_qimage
from ui.widgets.fingerprint_worker import FingerprintWorker, PanelState, finger_name

DEFAULTS: dict[str, Any] = {
    "adapter": "auto", "sbi_host": "127.0.0.1", "sbi_ports": "4501-4600",
    "quality_threshold": 40, "retries": 3, "capture_timeout_s": 40, "mode": "slaps",
    "storage_format": "wsq", "sbi_connect_timeout_ms": 300, "sbi_trust_dir": "",
    "duplicate_check": True, "simulator_delay_ms": 1500, "simulator_iris": True,
}

STYLE = """
QLabel#prompt { font-size: 20px; font-weight: 600; color: #111827; }
QLabel#notice { font-size: 13px; padding: 6px 8px; border-radius: 4px; }
QLabel#notice[level="info"] { background: #ecfdf3; color: #1b7f3b; }
QLabel#notice[level="warn"] { background: #fffaeb; color: #93370d; }
QLabel#notice[level="error"] { background: #fef3f2; color: #b42318; }
QLabel#preview { background: #f3f4f6; border: 1px solid #d1d5db; color: #6b7280; }
QLabel#device { color: #4b5563; }
QLabel#summary { color: #374151; font-weight: 600; }
QLabel#keys { color: #6b7280; font-size: 11px; }
QFrame#section { border: 1px solid #e5e7eb; border-radius: 6px; background: #ffffff; }
QLabel#sectionTitle { font-weight: 700; color: #111827; }
QLabel#irisPicture { background: #f3f4f6; border: 1px solid #d1d5db; color: #6b7280; }
QPushButton { padding: 6px 12px; }
QPushButton#primary { background: #1d4ed8; color: white; font-weight: 600; border-radius: 4px; }
QPushButton#primary:disabled { background: #93c5fd; }
"""


class ExceptionDialog(QDialog):
    """Choose the finger (or eye), the kind of exception and write the reason."""

    def __init__(self, finger: Finger | None, parent: QWidget | None = None,
                 with_iris: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("fingerprint.panel.exception_title"))
        form = QFormLayout(self)
        self.finger = QComboBox()
        for f in Finger:
            name = finger_name(f)
            self.finger.addItem(name[:1].upper() + name[1:], f.key)
        if with_iris:
            for eye in ("Right", "Left"):
                self.finger.addItem(t(f"fingerprint.eye.{eye.lower()}"), f"eye:{eye}")
        if finger is not None:
            self.finger.setCurrentIndex(self.finger.findData(finger.key))
        self.kind = QComboBox()
        for kind in ExceptionKind:
            self.kind.addItem(t(f"fingerprint.exception.{kind.value}"), kind.value)
        self.reason = QLineEdit()
        self.error = QLabel()
        self.error.setStyleSheet("color: #b42318;")
        form.addRow(t("fingerprint.panel.exception_finger"), self.finger)
        form.addRow(t("fingerprint.panel.exception_kind"), self.kind)
        form.addRow(t("fingerprint.panel.exception_reason"), self.reason)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(t("fingerprint.panel.ok"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            t("fingerprint.panel.cancel_dialog"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _accept(self) -> None:
        if not " ".join(self.reason.text().split()):
            self.error.setText(t("fingerprint.panel.exception_reason_needed"))
            return
        self.accept()

    def values(self) -> tuple[str, str, str]:
        import unicodedata

        return (str(self.finger.currentData()), str(self.kind.currentData()),
                unicodedata.normalize("NFC", self.reason.text()))


class FingerprintPanel(QWidget):
    fingerCaptured = Signal(object)  # StoredImage
    exceptionMarked = Signal(str, str, str)  # finger key, kind, reason
    irisCaptured = Signal(object)  # StoredImage
    sequenceCompleted = Signal(object)  # TenPrintResult
    stateChanged = Signal(object)  # PanelState (for tests and the page)

    _open = Signal()
    _capture = Signal()
    _capture_iris = Signal()
    _exception = Signal(str, str, str)
    _iris_exception = Signal(str, str, str)
    _clear_exception = Signal(str)
    _retake = Signal(str)
    _close = Signal()
    _reset = Signal()

    def __init__(self, values: Mapping[str, Any] | None = None, simulate: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values = {**DEFAULTS, **dict(values or {})}
        self.simulate = simulate
        self.state: PanelState | None = None
        self.device: DeviceInfo | None = None
        self.iris_device: DeviceInfo | None = None
        self.busy = False
        self.started = False
        # Between reset() and the worker's fresh sequence, prints of the previous person still
        # in flight are dropped: they must never reach the next applicant.
        self._resetting = False
        self._build()
        self.worker = FingerprintWorker(self.values, simulate)
        self.thread_ = QThread(self)
        self.thread_.setObjectName("fingerprint-device")
        self.worker.moveToThread(self.thread_)
        self._open.connect(self.worker.open)
        self._capture.connect(self.worker.capture)
        self._capture_iris.connect(self.worker.capture_iris)
        self._exception.connect(self.worker.mark_exception)
        self._iris_exception.connect(self.worker.mark_iris_exception)
        self._clear_exception.connect(self.worker.clear_exception)
        self._retake.connect(self.worker.retake)
        self._close.connect(self.worker.close)
        self._reset.connect(self.worker.reset)
        self.worker.state.connect(self._on_state)
        self.worker.deviceReady.connect(self._on_device)
        self.worker.deviceFailed.connect(self._on_device_failed)
        self.worker.busy.connect(self._on_busy)
        self.worker.notices.connect(self._on_notices)
        self.worker.preview.connect(self._on_preview)
        self.worker.stored.connect(self._on_stored)
        self.worker.irisStored.connect(self._on_iris_stored)
        self.worker.completed.connect(self._on_completed)

    @classmethod
    def from_settings(cls, values: Mapping[str, Any], simulate: bool = False,
                      parent: QWidget | None = None) -> FingerprintPanel:
        """Build from ``settings.section("fingerprint")``; ``simulate`` forces the simulator."""
        return cls(values, simulate, parent)

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.setStyleSheet(STYLE)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        root = QVBoxLayout(self)
        root.setContentsMargins(10, 8, 10, 8)
        root.setSpacing(6)
        head = QHBoxLayout()
        title = QLabel(t("fingerprint.panel.title"))
        title.setObjectName("sectionTitle")
        title.setStyleSheet("font-size: 16px;")
        self.device_label = QLabel(t("fingerprint.prompt.searching"))
        self.device_label.setObjectName("device")
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        head.addWidget(title)
        head.addSpacing(12)
        head.addWidget(self.device_label, 1)
        head.addWidget(self.summary)
        root.addLayout(head)

        middle = QHBoxLayout()
        middle.setSpacing(10)
        left = QVBoxLayout()
        left.setSpacing(4)
        self.hands = HandsView()
        self.hands.fingerClicked.connect(self._on_finger_clicked)
        left.addWidget(self.hands, 1)
        self.prompt = QLabel(t("fingerprint.prompt.searching"))
        self.prompt.setObjectName("prompt")
        self.prompt.setWordWrap(True)
        left.addWidget(self.prompt)
        self.attempt = QLabel()
        self.attempt.setObjectName("device")
        left.addWidget(self.attempt)
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setProperty("level", "info")
        self.notice.hide()
        left.addWidget(self.notice)
        buttons = QHBoxLayout()
        self.capture_button = QPushButton(t("fingerprint.panel.capture"))
        self.capture_button.setObjectName("primary")
        self.retry_button = QPushButton(t("fingerprint.panel.retry"))
        self.exception_button = QPushButton(t("fingerprint.panel.exception"))
        self.cancel_button = QPushButton(t("fingerprint.panel.cancel"))
        for b in (self.capture_button, self.retry_button, self.exception_button,
                  self.cancel_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.capture_button.clicked.connect(self.capture)
        self.retry_button.clicked.connect(self.retake)
        self.exception_button.clicked.connect(self.ask_exception)
        self.cancel_button.clicked.connect(self.cancel)
        left.addLayout(buttons)
        middle.addLayout(left, 1)

        # Preview and iris each in their own column beside the hands: the middle row is only
        # as tall as the hands and the prompt, so the ten-print strip below stays in view on a
        # 1366×768 counter screen.
        right = QVBoxLayout()
        right.setSpacing(4)
        self.preview_title = QLabel(t("fingerprint.panel.preview"))
        self.preview_title.setObjectName("sectionTitle")
        self.preview = QLabel(t("fingerprint.panel.no_device"))
        self.preview.setObjectName("preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setWordWrap(True)
        # The platen's 3.2 x 3.0 inch proportions; smaller when the page is small.
        self.preview.setMinimumSize(176, 165)
        self.preview.setMaximumSize(256, 240)
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        right.addWidget(self.preview_title)
        right.addWidget(self.preview)
        right.addStretch(1)
        middle.addLayout(right, 0)
        # Iris: both eyes, their quality, or "not at this counter".
        iris = QFrame()
        iris.setObjectName("section")
        iris.setFixedWidth(212)
        iris.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Maximum)
        iris_lay = QVBoxLayout(iris)
        iris_lay.setContentsMargins(8, 6, 8, 6)
        iris_lay.setSpacing(4)
        iris_title = QLabel(t("fingerprint.panel.iris"))
        iris_title.setObjectName("sectionTitle")
        iris_lay.addWidget(iris_title)
        pictures = QHBoxLayout()
        pictures.setSpacing(4)
        self.iris_pictures: dict[str, AspectImage] = {}
        for eye in ("Right", "Left"):
            pic = AspectImage("—")
            pic.setObjectName("irisPicture")
            pic.setMinimumSize(88, 66)
            pic.setMaximumSize(96, 72)
            pic.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            pic.setAlignment(Qt.AlignmentFlag.AlignCenter)
            pic.setWordWrap(True)
            self.iris_pictures[eye] = pic
            pictures.addWidget(pic)
        iris_lay.addLayout(pictures)
        self.iris_status = QLabel(t("fingerprint.panel.iris_not_available"))
        self.iris_status.setObjectName("irisStatus")
        self.iris_status.setWordWrap(True)
        self.iris_status.setSizePolicy(QSizePolicy.Policy.Expanding,
                                       QSizePolicy.Policy.Preferred)
        iris_lay.addWidget(self.iris_status)
        self.iris_button = QPushButton(t("fingerprint.panel.iris_capture"))
        self.iris_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.iris_button.clicked.connect(self.capture_iris)
        iris_lay.addWidget(self.iris_button)
        iris_column = QVBoxLayout()
        iris_column.addSpacing(self.preview_title.sizeHint().height() + 4)
        iris_column.addWidget(iris)
        iris_column.addStretch(1)
        middle.addLayout(iris_column, 0)
        root.addLayout(middle, 1)

        self.strip = PrintStrip()
        root.addWidget(self.strip)
        self.keys = QLabel(t("fingerprint.panel.keys"))
        self.keys.setObjectName("keys")
        root.addWidget(self.keys)
        self._update_buttons()

    # -- life cycle ------------------------------------------------------------------------
    def start(self) -> None:
        if self.started:
            return
        self.started = True
        self.thread_.start()
        self._open.emit()
        self.setFocus()

    def shutdown(self) -> None:
        if not self.started:
            return
        self.started = False
        self.worker.cancel()
        self._close.emit()
        self.thread_.quit()
        self.thread_.wait(10_000)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        self.shutdown()
        super().closeEvent(event)

    # -- actions ---------------------------------------------------------------------------
    def capture(self) -> None:
        if self.busy:
            return
        if self.device is None:
            # No scanner yet (unplugged, service not started): look for it again.
            if self.started:
                self.device_label.setText(t("fingerprint.prompt.searching"))
                self._open.emit()
            return
        if self.state is None or self.state.complete:
            return
        self.busy = True
        self._update_buttons()
        # The instruction stays up while the scanner waits for the fingers.
        self.attempt.setText(t("fingerprint.prompt.capturing"))
        self._capture.emit()

    def reset(self) -> None:
        """A new applicant: forget every print, exception and iris of the previous one at once
        (the view is cleared here; the worker starts a fresh sequence). A capture in flight is
        cut, and whatever it still delivers is dropped."""
        self._resetting = True
        self.hands.select(None)
        self.hands.show_state({}, ())
        self.strip.show_state({})
        self.preview.setPixmap(QPixmap())
        self.preview.setText("" if self.device is not None else t("fingerprint.panel.no_device"))
        for pic in self.iris_pictures.values():
            pic.set_image(None)
            pic.setText("—")
            pic.setToolTip("")
            pic.setStyleSheet("")
        self.summary.setText("")
        self.attempt.setText("")
        self._on_notices([], "info")
        if self.started:
            if self.busy:
                self.worker.cancel()
            self._reset.emit()  # queued after the capture in flight, if any
        else:
            self.worker.reset()  # its thread is stopped: nothing else touches the sequence

    def clear_exception(self, finger_key: str) -> None:
        """Undo an exception (its approval was refused or cancelled): the finger is to be
        captured again."""
        self._clear_exception.emit(finger_key)

    def apply_exception(self, finger_key: str, kind: str, reason: str) -> None:
        """Mark an exception decided elsewhere (already approved): no ``exceptionMarked``."""
        self._exception.emit(finger_key, kind, reason)

    def capture_iris(self) -> None:
        if self.busy or self.iris_device is None:
            return
        self.busy = True
        self._update_buttons()
        self.prompt.setText(t("fingerprint.prompt.iris"))
        self._capture_iris.emit()

    def retake(self) -> None:
        finger = self.hands.selected
        if finger is None and self.state is not None and self.state.current:
            finger = self.state.current[0]
        if finger is None or self.busy:
            return
        view = self.state.fingers.get(finger) if self.state else None
        if view is not None and view.status is FingerStatus.EXCEPTION:
            self._clear_exception.emit(finger.key)
        self._retake.emit(finger.key)

    def mark_exception(self, finger: Finger, kind: ExceptionKind, reason: str) -> None:
        self._exception.emit(finger.key, kind.value, reason)
        self.exceptionMarked.emit(finger.key, kind.value, reason)

    def mark_iris_exception(self, eye: str, kind: ExceptionKind, reason: str) -> None:
        """``eye`` is ``"Left"`` or ``"Right"``; that eye is then not requested."""
        self._iris_exception.emit(eye, kind.value, reason)
        self.exceptionMarked.emit(f"{eye.lower()}_iris", kind.value, reason)

    def ask_exception(self) -> None:
        if self.busy:
            return
        selected = self.hands.selected
        if selected is None and self.state is not None and self.state.current:
            pending = [f for f in self.state.current
                       if self.state.fingers[f].status is FingerStatus.TO_CAPTURE]
            selected = pending[0] if pending else None
        dialog = ExceptionDialog(selected, self, with_iris=self.iris_device is not None)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            key, kind, reason = dialog.values()
            if key.startswith("eye:"):
                self.mark_iris_exception(key.split(":", 1)[1], ExceptionKind(kind), reason)
            else:
                self.mark_exception(Finger.from_key(key), ExceptionKind(kind), reason)

    def cancel(self) -> None:
        if self.busy:
            self.worker.cancel()

    def select_finger(self, finger: Finger | None) -> None:
        self.hands.select(finger)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        key = event.key()
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.capture()
        elif key == Qt.Key.Key_R:
            self.retake()
        elif key == Qt.Key.Key_E:
            self.ask_exception()
        elif key == Qt.Key.Key_I:
            self.capture_iris()
        elif key == Qt.Key.Key_Escape:
            if self.busy:
                self.cancel()
            else:
                self.select_finger(None)
        elif Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            code = 10 if key == Qt.Key.Key_0 else key - Qt.Key.Key_0
            self.select_finger(Finger(code))
        else:
            super().keyPressEvent(event)

    # -- from the worker -------------------------------------------------------------------
    def _on_device(self, finger: DeviceInfo, iris: DeviceInfo | None) -> None:
        self.device, self.iris_device = finger, iris
        self.device_label.setText(t("fingerprint.panel.device", model=finger.model,
                                    serial=finger.serial))
        self.preview.setText("")
        if iris is None:
            self.iris_status.setText(t("fingerprint.panel.iris_not_available"))
            for pic in self.iris_pictures.values():
                pic.hide()
        else:
            self.iris_status.setText(t("fingerprint.panel.device", model=iris.model,
                                       serial=iris.serial))
        self._update_buttons()

    def _on_device_failed(self, text: str) -> None:
        self.device = None
        self.device_label.setText(t("fingerprint.panel.no_device"))
        self.prompt.setText(t("fingerprint.panel.no_device"))
        self._on_notices([text], "error")
        self._update_buttons()

    def _on_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_buttons()

    def _on_notices(self, texts: list[str], level: str) -> None:
        if not texts:
            self.notice.hide()
            return
        self.notice.setText("\n".join(texts))
        self.notice.setProperty("level", level)
        self.notice.style().unpolish(self.notice)
        self.notice.style().polish(self.notice)
        self.notice.show()

    def _on_preview(self, frame: GrayImage) -> None:
        pix = QPixmap.fromImage(gray_qimage(frame)).scaled(
            self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation)
        self.preview.setPixmap(pix)
        self.worker.frame_shown()

    def _on_completed(self, result: Any) -> None:
        if not self._resetting:
            self.sequenceCompleted.emit(result)

    def _on_stored(self, stored: list[Any]) -> None:
        if self._resetting:
            return
        for item in stored:
            self.fingerCaptured.emit(item)

    def _on_iris_stored(self, stored: list[Any]) -> None:
        if self._resetting:
            return
        for item in stored:
            self.irisCaptured.emit(item)

    def _on_state(self, state: PanelState) -> None:
        if self._resetting:
            fresh = (not state.complete and not state.iris and not state.iris_exceptions
                     and all(v.status is FingerStatus.TO_CAPTURE
                             for v in state.fingers.values()))
            if not fresh:
                return  # a snapshot of the previous person's sequence, still in flight
            self._resetting = False  # the worker's new sequence (its prints come after it)
        self.state = state
        self.hands.show_state(state.fingers, state.current)
        self.strip.show_state(state.fingers)
        if not self.busy:
            self.prompt.setText(state.prompt)
        if state.current and state.attempt:
            self.attempt.setText(t("fingerprint.panel.attempt", attempt=state.attempt + 1,
                                   retries=state.retries))
        else:
            self.attempt.setText("")
        captured = sum(1 for v in state.fingers.values()
                       if v.status in (FingerStatus.CAPTURED, FingerStatus.KEPT_LOW))
        exceptions = sum(1 for v in state.fingers.values()
                         if v.status is FingerStatus.EXCEPTION)
        self.summary.setText(t("fingerprint.panel.summary", captured=captured,
                               exceptions=exceptions))
        if state.complete and state.fingers:
            last = next((v.image for v in state.fingers.values() if v.image is not None), None)
            if last is not None and self.preview.pixmap().isNull():
                self._on_preview(last)
        for eye, exc in state.iris_exceptions.items():
            pic = self.iris_pictures.get(eye)
            if pic is not None:
                pic.set_image(None)
                pic.setText(t(f"fingerprint.iris_exception.{exc.kind.value}"))
                pic.setToolTip(exc.reason)
                pic.setStyleSheet("color: #b42318; font-weight: bold; background: #fdecea;")
        for eye, (quality, image) in state.iris.items():
            pic = self.iris_pictures.get(eye)
            if pic is not None:
                pic.set_image(gray_qimage(image))
                pic.setToolTip(t("fingerprint.panel.quality", quality=quality))
        if state.iris and self.iris_device is not None:
            parts = []
            for eye, (quality, _) in sorted(state.iris.items(), reverse=True):
                name = t(f"fingerprint.eye.{eye.lower()}")
                parts.append(f"{name[:1].upper() + name[1:]}: "
                             f"{t('fingerprint.panel.quality', quality=quality)}")
            self.iris_status.setText("\n".join(parts))
        self._update_buttons()
        self.stateChanged.emit(state)

    def _on_finger_clicked(self, finger: Finger) -> None:
        self.setFocus()

    def _update_buttons(self) -> None:
        ready = self.device is not None and not self.busy
        complete = self.state is not None and self.state.complete
        self.capture_button.setEnabled(not self.busy and not complete)
        self.retry_button.setEnabled(ready)
        self.exception_button.setEnabled(not self.busy)
        self.cancel_button.setEnabled(self.busy)
        self.iris_button.setVisible(self.iris_device is not None)
        self.iris_button.setEnabled(self.iris_device is not None and not self.busy)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The ten-print panel, alone.")
    parser.add_argument("--simulate", action="store_true", help="use the SBI simulator")
    parser.add_argument("--lang", choices=("vi", "en"), default="vi")
    parser.add_argument("--mode", choices=("slaps", "single"), default="slaps")
    parser.add_argument("--delay-ms", type=int, default=1500, help="simulated device delay")
    parser.add_argument("--screenshot", help="run the whole sequence, save a PNG and quit")
    parser.add_argument("--width", type=int, default=1100)
    parser.add_argument("--height", type=int, default=760)
    parser.add_argument("--exception", action="append", default=[],
                        help="finger:kind:reason, e.g. left_ring:bandaged:'Vết thương'")
    args = parser.parse_args(argv)
    from ui.i18n import set_language

    set_language(args.lang)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    values = {**DEFAULTS, "mode": args.mode, "simulator_delay_ms": args.delay_ms}
    panel = FingerprintPanel.from_settings(values, simulate=args.simulate)
    panel.resize(args.width, args.height)
    panel.setWindowTitle(t("fingerprint.panel.title"))
    panel.show()
    for spec in args.exception:
        key, kind, reason = spec.split(":", 2)
        panel.mark_exception(Finger.from_key(key), ExceptionKind(kind), reason)
    panel.start()
    if args.screenshot:
        shot = args.screenshot

        def step(state: PanelState) -> None:
            if state.complete:
                if panel.iris_device is not None and not state.iris:
                    QTimer.singleShot(0, panel.capture_iris)
                    return
                QTimer.singleShot(200, lambda: (panel.grab().save(shot), app.quit()))
                return
            QTimer.singleShot(0, panel.capture)

        panel.stateChanged.connect(step)
    code = app.exec()
    panel.shutdown()
    return int(code)


if __name__ == "__main__":
    raise SystemExit(main())
