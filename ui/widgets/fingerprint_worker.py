"""The fingerprint panel's device thread: the only thread that touches the scanner.

It opens the SBI devices (or the simulator), runs every capture, feeds the result to the
enrollment sequence, encodes accepted prints for storage and sends the GUI immutable
snapshots; the GUI never touches the sequence or the scanner itself. ``cancel`` is the one
call made from the GUI thread (it only cuts the capture's connection).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from devices.errors import DeviceError
from devices.fingerprint import storage
from devices.fingerprint.model import (
    BiometricException,
    ExceptionKind,
    Eye,
    Finger,
    GrayImage,
)
from devices.fingerprint.registry import FingerprintDevices, open_devices
from devices.fingerprint.sequence import EnrollmentSequence, FingerStatus, StepStatus
from ui.i18n import t

log = logging.getLogger(__name__)


def finger_name(finger: Finger) -> str:
    return t(f"fingerprint.finger.{finger.key}")


def notice_text(code: str, params: Mapping[str, object]) -> str:
    """Translate a sequence notice; finger keys inside become finger names."""
    shown: dict[str, object] = {}
    for key, value in params.items():
        if key in ("finger", "other") and isinstance(value, str):
            shown[key] = t(f"fingerprint.finger.{value}")
        elif key == "missing" and isinstance(value, str):
            shown[key] = ", ".join(t(f"fingerprint.finger.{k}") for k in value.split(",") if k)
        else:
            shown[key] = value
    return t(code, **shown)


@dataclass(frozen=True)
class FingerView:
    finger: Finger
    status: FingerStatus
    quality: int | None
    exception: BiometricException | None
    image: GrayImage | None
    attempts: int


@dataclass(frozen=True)
class PanelState:
    """What the panel shows; made on the device thread, read on the GUI thread."""

    fingers: dict[Finger, FingerView]
    current: tuple[Finger, ...]
    prompt: str
    attempt: int
    retries: int
    complete: bool
    threshold: int
    iris: dict[str, tuple[int, GrayImage]]
    iris_exceptions: dict[str, BiometricException]


class FingerprintWorker(QObject):
    """Lives on its own QThread; slots are invoked through queued signals."""

    state = Signal(object)  # PanelState
    deviceReady = Signal(object, object)  # DeviceInfo, DeviceInfo | None (iris)
    deviceFailed = Signal(str)
    busy = Signal(bool)
    notices = Signal(object, str)  # list[str], level: "info" | "warn" | "error"
    preview = Signal(object)  # numpy gray frame
    stored = Signal(object)  # list[StoredImage] of fingers accepted in a step
    irisStored = Signal(object)  # list[StoredImage]
    completed = Signal(object)  # TenPrintResult

    def __init__(self, values: Mapping[str, Any], simulate: bool) -> None:
        super().__init__()
        self.values = dict(values)
        self.simulate = simulate
        self.devices: FingerprintDevices | None = None
        self.sequence = EnrollmentSequence(
            str(values.get("mode", "slaps")), int(values.get("quality_threshold", 40)),
            int(values.get("retries", 3)), float(values.get("capture_timeout_s", 40)),
            bool(values.get("duplicate_check", True)))
        self.storage_format = str(values.get("storage_format", "wsq"))
        self._frame_pending = threading.Event()
        self._emitted_complete = False

    # -- snapshots -------------------------------------------------------------------------
    def snapshot(self) -> PanelState:
        seq = self.sequence
        views = {}
        for finger, st in seq.states.items():
            views[finger] = FingerView(finger, st.status, st.quality, st.exception,
                                       None if st.best is None else st.best.image, st.attempts)
        step = seq.current
        if step is None:
            prompt = t("fingerprint.prompt.done")
        else:
            params = {k: finger_name(Finger.from_key(v)) for k, v in step.prompt_params}
            prompt = t(step.prompt, **params)
        return PanelState(views, step.fingers if step else (), prompt,
                          seq.step_attempts[step.index] if step else 0, seq.retries,
                          seq.complete, seq.threshold,
                          {k: (s.quality, s.image) for k, s in seq.iris.items()},
                          dict(seq.iris_exceptions))

    def _publish(self) -> None:
        self.state.emit(self.snapshot())
        if self.sequence.complete and not self._emitted_complete:
            self._emitted_complete = True
            self.completed.emit(self.sequence.result())

    def _on_frame(self, frame: GrayImage) -> None:
        # Called on the stream thread: the newest frame wins, none queue up.
        if not self._frame_pending.is_set():
            self._frame_pending.set()
            try:
                self.preview.emit(frame)
            except RuntimeError:  # the panel was closed while the stream still ran
                pass

    def frame_shown(self) -> None:
        self._frame_pending.clear()

    # -- slots -----------------------------------------------------------------------------
    @Slot()
    def open(self) -> None:
        if self.devices is not None:
            self.devices.close()
            self.devices = None
        self.busy.emit(True)
        try:
            self.devices = open_devices(self.values, simulate=self.simulate)
            finger = self.devices.scanner.device_info()
            iris = self.devices.iris.device_info() if self.devices.iris else None
        except DeviceError as exc:
            self.busy.emit(False)
            self.deviceFailed.emit(exc.text(_lang()))
            self._publish()
            return
        self.busy.emit(False)
        self.notices.emit([], "info")
        self.deviceReady.emit(finger, iris)
        self._publish()

    @Slot()
    def capture(self) -> None:
        if self.devices is None or self.sequence.current is None:
            return
        step = self.sequence.current
        self.busy.emit(True)
        try:
            capture = self.devices.scanner.capture(self.sequence.request(), self._on_frame)
        except DeviceError as exc:
            self.notices.emit([exc.text(_lang())], "error")
            self.busy.emit(False)
            self._publish()
            return
        result = self.sequence.record(capture)
        texts = [notice_text(n.code, n.kwargs()) for n in result.notices]
        level = {StepStatus.DONE: "info", StepStatus.RETRY: "warn",
                 StepStatus.NEEDS_EXCEPTION: "error"}[result.status]
        if result.status is StepStatus.NEEDS_EXCEPTION:
            texts.append(t("fingerprint.panel.exception_reason_needed"))
        self.notices.emit(texts, level)
        if result.status is StepStatus.DONE:
            stored = []
            for finger in step.fingers:
                st = self.sequence.states[finger]
                if st.best is not None and st.exception is None:
                    stored.append(storage.store_finger(st.best, self.storage_format))
            if stored:
                self.stored.emit(stored)
        self.busy.emit(False)
        self._publish()

    @Slot()
    def reset(self) -> None:
        """A new applicant: a fresh sequence on the same devices."""
        seq = self.sequence
        self.sequence = EnrollmentSequence(seq.mode, seq.threshold, seq.retries, seq.timeout_s,
                                           seq.duplicate_check, seq.duplicate_inliers)
        self._emitted_complete = False
        for device in (self.devices.scanner, self.devices.iris) if self.devices else ():
            if device is not None:
                device.last_hash = ""
        self.notices.emit([], "info")
        self._publish()

    @Slot(str, str, str)
    def mark_exception(self, finger_key: str, kind: str, reason: str) -> None:
        try:
            self.sequence.mark_exception(Finger.from_key(finger_key), ExceptionKind(kind), reason)
        except ValueError:
            self.notices.emit([t("fingerprint.panel.exception_reason_needed")], "error")
        self._publish()

    @Slot(str)
    def clear_exception(self, finger_key: str) -> None:
        self.sequence.clear_exception(Finger.from_key(finger_key))
        self._emitted_complete = False
        self._publish()

    @Slot(str)
    def retake(self, finger_key: str) -> None:
        self.sequence.go_to(Finger.from_key(finger_key))
        self._emitted_complete = False
        self.notices.emit([t("fingerprint.prompt.retry")], "info")
        self._publish()

    @Slot()
    def capture_iris(self) -> None:
        if self.devices is None or self.devices.iris is None:
            return
        eyes = [Eye.LEFT, Eye.RIGHT]
        excepted = [e for e in eyes if e.value in self.sequence.iris_exceptions]
        self.busy.emit(True)
        try:
            cap = self.devices.iris.capture_iris(eyes, excepted,
                                                 timeout_s=self.sequence.timeout_s)
        except DeviceError as exc:
            self.notices.emit([exc.text(_lang())], "error")
            self.busy.emit(False)
            return
        self.sequence.record_iris(cap)
        self.irisStored.emit([storage.store_iris(s) for s in cap.samples])
        self.busy.emit(False)
        self._publish()

    @Slot(str, str, str)
    def mark_iris_exception(self, eye: str, kind: str, reason: str) -> None:
        try:
            self.sequence.mark_iris_exception(eye, ExceptionKind(kind), reason)
        except ValueError:
            self.notices.emit([t("fingerprint.panel.exception_reason_needed")], "error")
        self._publish()

    def cancel(self) -> None:
        """Thread-safe: cut the capture in flight."""
        if self.devices is not None:
            self.devices.scanner.cancel()
            if self.devices.iris is not None:
                self.devices.iris.cancel()

    @Slot()
    def close(self) -> None:
        if self.devices is not None:
            self.devices.close()
            self.devices = None


def _lang() -> str:
    from ui.i18n import current_language

    return current_language()
