"""OpenCV ``VideoCapture`` cameras: a USB/built-in camera by index, or an IP camera by URL.

Every ``VideoCapture`` call runs on one private daemon thread owned by the adapter: it opens
the device, grabs continuously and keeps only the newest frame (latest-frame-wins), so
``read`` never returns a stale buffered frame and every call can time out — a URL that does
not answer, or a driver stuck in ``read()``, cannot freeze the caller.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

from devices.camera.base import CameraInfo, Frame, Image, Still, as_bgr
from devices.errors import DeviceError, DeviceTimeout, DeviceUnavailable

# Consecutive failed grabs before a camera counts as unplugged.
FAILED_GRABS_DISCONNECT = 5


def available() -> bool:
    try:
        import cv2  # noqa: F401
    except ImportError:
        return False
    return True


def is_url(source: str) -> bool:
    return "://" in source


class OpenCVCamera:
    """A ``VideoCapture`` camera behind the Camera protocol."""

    def __init__(
        self,
        source: str | int = 0,
        width: int = 640,
        height: int = 480,
        fps: float = 30.0,
        open_timeout_s: float = 5.0,
        read_timeout_s: float = 2.0,
        still_size: tuple[int, int] | None = None,
    ) -> None:
        self.source = str(source).strip()
        self.width, self.height, self.fps = width, height, fps
        self.open_timeout_s = open_timeout_s
        self.read_timeout_s = read_timeout_s
        self.still_size = still_size
        kind = "url" if is_url(self.source) else "index"
        self.info = CameraInfo("opencv", self.source, f"OpenCV camera ({kind} {self.source})",
                               width, height, fps)
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._latest: Frame | None = None
        self._returned = 0
        self._error: DeviceError | None = None
        self._opened = False
        self._still_request: threading.Event | None = None
        self._still: Image | None = None

    # --- the device thread: the only one touching VideoCapture ---
    def _device_thread(self) -> None:
        import cv2

        try:
            cap = self._create(cv2)
        except DeviceError as exc:
            with self._cond:
                self._error = exc
                self._cond.notify_all()
            return
        with self._cond:
            if self._stop.is_set():  # the caller gave up waiting (timeout) meanwhile
                cap.release()
                return
            self._opened = True
            w = int(cap.get(cv2.CAP_PROP_FRAME_WIDTH) or self.width)
            h = int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT) or self.height)
            f = float(cap.get(cv2.CAP_PROP_FPS) or self.fps)
            self.info = CameraInfo("opencv", self.source, self.info.name, w, h, f)
            self._cond.notify_all()
        failures = 0
        seq = 0
        try:
            while not self._stop.is_set():
                if self._still_request is not None and self._still_request.is_set():
                    self._take_still(cap, cv2)
                ok = cap.grab()
                img = cap.retrieve()[1] if ok else None
                if img is None:
                    failures += 1
                    if failures >= FAILED_GRABS_DISCONNECT:
                        raise DeviceError("camera.disconnected")
                    time.sleep(0.05)
                    continue
                failures = 0
                seq += 1
                frame = Frame(as_bgr(img), seq)
                with self._cond:
                    self._latest = frame
                    self._cond.notify_all()
        except DeviceError as exc:
            with self._cond:
                self._error = exc
                self._cond.notify_all()
        except Exception as exc:  # a driver error must not kill the app silently
            with self._cond:
                self._error = DeviceError("camera.disconnected", detail=str(exc))
                self._cond.notify_all()
        finally:
            cap.release()

    def _create(self, cv2: Any) -> Any:
        params = [
            cv2.CAP_PROP_OPEN_TIMEOUT_MSEC, int(self.open_timeout_s * 1000),
            cv2.CAP_PROP_READ_TIMEOUT_MSEC, int(self.read_timeout_s * 1000),
        ]
        if is_url(self.source):
            cap = cv2.VideoCapture(self.source, cv2.CAP_FFMPEG, params)
        else:
            try:
                index = int(self.source)
            except ValueError as exc:
                raise DeviceUnavailable("camera.bad_source", source=self.source) from exc
            cap = cv2.VideoCapture(index, cv2.CAP_ANY, params)
        if not cap.isOpened():
            cap.release()
            raise DeviceUnavailable("camera.not_found", source=self.source)
        cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)
        if not is_url(self.source):
            cap.set(cv2.CAP_PROP_FRAME_WIDTH, self.width)
            cap.set(cv2.CAP_PROP_FRAME_HEIGHT, self.height)
            cap.set(cv2.CAP_PROP_FPS, self.fps)
        return cap

    def _take_still(self, cap: Any, cv2: Any) -> None:
        """Switch to the still resolution for one frame, then back (index cameras only)."""
        assert self._still_request is not None
        img = None
        if self.still_size and not is_url(self.source):
            cap.set(cv2.CAP_PROP_FRAME_WIDTH, self.still_size[0])
            cap.set(cv2.CAP_PROP_FRAME_HEIGHT, self.still_size[1])
            for _ in range(3):  # the first frames after a mode switch are often dark
                ok, img = cap.read()
            cap.set(cv2.CAP_PROP_FRAME_WIDTH, self.width)
            cap.set(cv2.CAP_PROP_FRAME_HEIGHT, self.height)
        else:
            ok, img = cap.read()
        with self._cond:
            self._still = None if img is None else as_bgr(img)
            self._still_request.clear()
            self._cond.notify_all()

    # --- the protocol (caller's thread) ---
    @property
    def is_open(self) -> bool:
        with self._cond:
            return self._opened and self._error is None

    def open(self) -> None:
        if not available():
            raise DeviceUnavailable("camera.opencv_missing")
        self.close()
        self._stop = threading.Event()
        self._latest, self._returned, self._error, self._opened = None, 0, None, False
        self._still_request = threading.Event()
        self._thread = threading.Thread(target=self._device_thread, name="camera-opencv",
                                        daemon=True)
        self._thread.start()
        deadline = time.monotonic() + self.open_timeout_s
        with self._cond:
            while not self._opened and self._error is None:
                left = deadline - time.monotonic()
                if left <= 0:
                    self._stop.set()
                    raise DeviceTimeout("camera.open_timeout", source=self.source,
                                        seconds=self.open_timeout_s)
                self._cond.wait(left)
            if self._error is not None:
                raise self._error

    def read(self, timeout_s: float | None = None) -> Frame:
        timeout = self.read_timeout_s if timeout_s is None else timeout_s
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                if self._error is not None:
                    raise self._error
                if not self._opened:
                    raise DeviceError("camera.not_open")
                if self._latest is not None and self._latest.sequence > self._returned:
                    self._returned = self._latest.sequence
                    return self._latest
                left = deadline - time.monotonic()
                if left <= 0:
                    raise DeviceTimeout("camera.timeout", seconds=timeout)
                self._cond.wait(left)

    def still(self) -> Still:
        if self._still_request is None or not self.is_open:
            raise DeviceError("camera.not_open")
        deadline = time.monotonic() + self.read_timeout_s * 3
        with self._cond:
            self._still = None
            self._still_request.set()
            while self._still_request.is_set():
                if self._error is not None:
                    raise self._error
                left = deadline - time.monotonic()
                if left <= 0:
                    raise DeviceTimeout("camera.timeout", seconds=self.read_timeout_s * 3)
                self._cond.wait(left)
            image = self._still if self._still is not None else (
                self._latest.image if self._latest is not None else None)
        if image is None:
            raise DeviceError("camera.disconnected")
        return Still(np.ascontiguousarray(image), self.info)

    def close(self) -> None:
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            # A driver stuck in a call is abandoned (daemon thread) rather than waited for.
            thread.join(timeout=min(1.0, self.read_timeout_s))
        with self._cond:
            self._opened = False

    @staticmethod
    def discover(max_index: int = 4) -> list[CameraInfo]:
        """Cameras the system lists; on Linux from ``/dev/video*`` without opening them."""
        if not available():
            return []
        found: list[CameraInfo] = []
        if sys.platform.startswith("linux"):
            for dev in sorted(Path("/dev").glob("video*")):
                index = dev.name[5:]
                if index.isdigit() and os.access(dev, os.R_OK):
                    name_file = Path("/sys/class/video4linux") / dev.name / "name"
                    try:
                        name = name_file.read_text(encoding="utf-8").strip()
                    except OSError:
                        name = dev.name
                    found.append(CameraInfo("opencv", index, name))
        else:
            found.extend(_probe_indexes(max_index))
        return found


def _probe_indexes(max_index: int) -> list[CameraInfo]:
    """Other systems list no devices: open the first few indexes to see which answer."""
    import cv2

    found: list[CameraInfo] = []
    for index in range(max_index):
        cap = cv2.VideoCapture(index)
        if cap.isOpened():
            found.append(CameraInfo("opencv", str(index), f"Camera {index}"))
        cap.release()
    return found
