"""The camera's worker thread, the only thread that touches the camera, and its analyser.

The worker opens the camera (and re-opens it after an unplug), reads frames, hands each to the
preview at once and to the analyser thread, takes the still and makes the card photo. The
analyser runs the quality checks on the newest frame it is given and counts good frames for
auto-capture, so a slow analysis never slows the preview (a camera that is not paced in real
time, such as a test file source, is analysed frame by frame instead). The GUI gets the newest
packet only (latest-frame-wins): ``frameReady`` is emitted when a packet is waiting and not
yet taken, so a slow screen never builds a queue of stale frames.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

import cv2
import numpy as np
from PySide6.QtCore import QThread, Signal

from devices.camera.base import Camera, Image, RateMeter
from devices.camera.photo import CardPhoto, PhotoSpec, make_card_photo
from devices.camera.quality import (
    AutoCapture,
    FaceDetector,
    FrameWatch,
    QualityReport,
    QualityThresholds,
    assess,
)
from devices.errors import DeviceError, DeviceTimeout

log = logging.getLogger(__name__)

READ_SLICE_S = 0.25


@dataclass(frozen=True)
class LivePacket:
    """One analysed preview frame for the GUI."""

    image: Image
    display: Image  # the frame already scaled to the preview's size (scaled off the GUI thread)
    report: QualityReport | None  # the newest analysis (of this frame or a recent one)
    sequence: int
    progress: float  # auto-capture streak, 0..1
    fps: float
    warning: str | None  # camera.black_frames / camera.frozen / camera.slow / camera.timeout


@dataclass(frozen=True)
class CaptureResult:
    """A captured photo (or why none could be made) and whether auto-capture took it."""

    photo: CardPhoto | None
    auto: bool
    error: str | None = None


class CameraWorker(QThread):
    """Runs the camera loop until ``stop()``; all public methods are thread-safe."""

    frameReady = Signal()
    # state (connecting / live / stalled / disconnected / failed) and the message code to show
    stateChanged = Signal(str, str)
    captured = Signal(object)  # CaptureResult

    def __init__(
        self,
        camera: Camera,
        thresholds: QualityThresholds | None = None,
        auto_capture_frames: int = 8,
        spec: PhotoSpec | None = None,
        asked_fps: float = 30.0,
        read_timeout_s: float = 2.0,
        retry_s: float = 1.0,
        auto_capture: bool = True,
    ) -> None:
        super().__init__()
        self.camera = camera
        self.thresholds = thresholds or QualityThresholds()
        self.spec = spec or PhotoSpec()
        self.asked_fps = asked_fps
        self.read_timeout_s = read_timeout_s
        self.retry_s = retry_s
        self.auto_capture = auto_capture
        self._gate = AutoCapture(auto_capture_frames)
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stopping = False
        self._capture_requested = False
        self._latest: LivePacket | None = None
        self._display_size: tuple[int, int] | None = None
        self._pending = False
        self.state = "connecting"
        self._told = ("", "")
        self.frames_analysed = 0
        self.auto_discarded = 0
        self._report: QualityReport | None = None
        self._analysed_seq = 0
        self._auto_fire = False
        self._analysis = threading.Condition(self._lock)
        self._offered: tuple[Image, int] | None = None
        # Cameras that are not paced in real time are analysed frame by frame.
        self.lockstep = getattr(camera, "realtime", True) is False

    # --- called from the GUI thread ---
    def prepare(self) -> None:
        """Allow a stopped worker to be started again (the page was shown again)."""
        with self._lock:
            self._stopping = False
            self._told = ("", "")
        self._wake.clear()

    def stop(self) -> None:
        with self._lock:
            self._stopping = True
            self._analysis.notify_all()
        self._wake.set()

    def request_capture(self) -> None:
        with self._lock:
            self._capture_requested = True

    def rearm(self) -> None:
        """Retake: forget the streak and allow auto-capture again."""
        with self._lock:
            self._gate.rearm()
            self._auto_fire = False

    def set_display_size(self, width: int, height: int) -> None:
        """The preview's size in pixels: frames are scaled to fit it in this thread."""
        with self._lock:
            self._display_size = (max(1, width), max(1, height))

    def take_latest(self) -> LivePacket | None:
        with self._lock:
            packet, self._latest, self._pending = self._latest, None, False
            return packet

    # --- the thread ---
    def _set_state(self, state: str, code: str) -> None:
        """Tell the GUI when the state or its message changes."""
        if (state, code) != self._told:
            self.state = state
            self._told = (state, code)
            self.stateChanged.emit(state, code)

    def _stopping_now(self) -> bool:
        with self._lock:
            return self._stopping

    def run(self) -> None:
        analyser = threading.Thread(target=self._analyser, name="camera-analyser", daemon=True)
        analyser.start()
        try:
            self._device_loop()
        finally:
            with self._lock:
                self._stopping = True
                self._analysis.notify_all()
            analyser.join(timeout=5)

    def _device_loop(self) -> None:
        watch = FrameWatch(black_after=int(self.asked_fps // 2) or 1,
                           frozen_after=int(self.asked_fps) or 1)
        meter = RateMeter(window=int(max(10, self.asked_fps)))
        self._set_state("connecting", "camera.ui.connecting")
        ever_live = False  # a camera that worked and went away is "disconnected"
        was_lost = False
        waited = 0.0
        try:
            while not self._stopping_now():
                if not self.camera.is_open:
                    try:
                        self.camera.open()
                    except DeviceError as exc:
                        if ever_live:
                            self._set_state("disconnected", "camera.disconnected")
                        else:
                            self._set_state("failed", exc.code)
                        was_lost = True
                        self._wake.wait(self.retry_s)
                        self._wake.clear()
                        continue
                    meter = RateMeter(window=meter.window)
                    ever_live = True
                    self._set_state("live", "camera.ui.reconnected" if was_lost else "")
                    waited = 0.0
                try:
                    # Short slices keep stop() prompt; a stall is told after read_timeout_s.
                    frame = self.camera.read(min(READ_SLICE_S, self.read_timeout_s))
                except DeviceTimeout:
                    waited += min(READ_SLICE_S, self.read_timeout_s)
                    if waited >= self.read_timeout_s:
                        self._set_state("stalled", "camera.timeout")
                    continue
                except DeviceError as exc:
                    log.info("camera lost: %s", exc.code)
                    self._close_quietly()
                    was_lost = True
                    self._set_state("disconnected", "camera.disconnected")
                    continue
                waited = 0.0
                try:
                    self._show(frame.image, frame.sequence, frame.timestamp, watch, meter)
                except Exception:  # a bug in one frame must not end the preview
                    log.exception("showing a frame failed")
        finally:
            self._close_quietly()

    def _close_quietly(self) -> None:
        try:
            self.camera.close()
        except Exception:  # closing a vanished device may fail; nothing to do about it
            log.exception("closing the camera failed")

    def _show(self, image: Image, sequence: int, stamp: float, watch: FrameWatch,
              meter: RateMeter) -> None:
        """Device thread: hand the frame to the analyser and the preview; capture if asked."""
        if self.state != "live":  # frames flow again after a stall
            self._set_state("live", "")
        warning = watch.update(image)
        meter.update(stamp)
        if warning is None and meter.is_slow(self.asked_fps):
            warning = "camera.slow"
        with self._lock:
            self._offered = (image, sequence)
            self._analysis.notify_all()
            if self.lockstep:
                while self._analysed_seq < sequence and not self._stopping:
                    self._analysis.wait(0.5)
        display = self._fit(image)
        with self._lock:
            progress = self._gate.progress if self._gate.armed else 1.0
            packet = LivePacket(image, display, self._report, sequence, progress, meter.fps,
                                warning)
            self._latest = packet
            notify = not self._pending
            self._pending = True
            capture = self._capture_requested
            auto = self._auto_fire and not capture
            self._capture_requested = self._auto_fire = False
            if capture or auto:
                self._gate.armed = False  # a photo waits for approval: no auto-capture
        if notify:
            self.frameReady.emit()
        if capture or auto:
            self._capture(auto=auto, preview=image)

    def _analyser(self) -> None:
        """Analyser thread: quality checks and the auto-capture count on the newest frame."""
        detector = FaceDetector.for_thread()
        while True:
            with self._lock:
                while self._offered is None and not self._stopping:
                    self._analysis.wait()
                if self._stopping:
                    return
                assert self._offered is not None
                image, sequence = self._offered
                self._offered = None
            try:
                report: QualityReport | None = assess(image, self.thresholds, detector)
            except Exception:  # a bug in one frame must not end the preview
                log.exception("analysing a frame failed")
                report = None
            with self._lock:
                if report is not None:
                    self.frames_analysed += 1
                    self._report = report
                    if self.auto_capture and self._gate.update(report):
                        self._auto_fire = True
                self._analysed_seq = sequence
                self._analysis.notify_all()

    def _fit(self, image: Image) -> Image:
        with self._lock:
            size = self._display_size
        if size is None:
            return image
        h, w = image.shape[:2]
        k = min(size[0] / w, size[1] / h)
        target = (max(1, round(w * k)), max(1, round(h * k)))
        if target == (w, h):
            return image
        interp = cv2.INTER_AREA if k < 1 else cv2.INTER_LINEAR
        return np.asarray(cv2.resize(image, target, interpolation=interp), np.uint8)

    def _capture(self, auto: bool, preview: Image) -> None:
        t0 = time.perf_counter()
        try:
            still = self.camera.still().image
        except DeviceError as exc:
            log.info("still failed (%s); using the preview frame", exc.code)
            still = preview
        try:
            photo = make_card_photo(still, self.thresholds, self.spec)
        except DeviceError as exc:
            self.captured.emit(CaptureResult(None, auto, exc.code))
            return
        log.info("photo made in %.0f ms (auto=%s, passed=%s)",
                 (time.perf_counter() - t0) * 1000, auto, photo.passed)
        if auto and not photo.passed:
            # The citizen moved between the preview and the still (a fidgeting child):
            # auto-capture only ever offers a good photo, so it simply tries again.
            with self._lock:
                self.auto_discarded += 1
                self._gate.rearm()
            return
        self.captured.emit(CaptureResult(photo, auto))
