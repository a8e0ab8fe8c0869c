"""A camera that plays a video file or a folder of images (a recorded session, a test set)."""

from __future__ import annotations

import time
from pathlib import Path

import cv2
import numpy as np

from devices.camera.base import CameraInfo, Frame, Image, Still, as_bgr
from devices.errors import DeviceError, DeviceUnavailable

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff", ".webp")


class FileCamera:
    """Plays ``source`` (a video file, or a folder of images in name order) at ``fps``.

    The file is opened, read and released by the thread that owns this object. A file that
    cannot be decoded raises ``DeviceError("camera.file_unreadable")``; with ``loop`` the
    sequence starts again at the end, otherwise the end raises ``camera.end_of_file``.
    """

    def __init__(self, source: str | Path, fps: float = 0.0, loop: bool = True,
                 realtime: bool = True) -> None:
        self.path = Path(source)
        self.loop = loop
        self.realtime = realtime
        self._fps = float(fps)
        self.info = CameraInfo("file", str(self.path), self.path.name or str(self.path))
        self._cap: cv2.VideoCapture | None = None
        self._images: list[Path] = []
        self._index = 0
        self._seq = 0
        self._next_due = 0.0
        self._last: Image | None = None
        self._open = False

    @property
    def is_open(self) -> bool:
        return self._open

    def open(self) -> None:
        if not self.path.exists():
            raise DeviceUnavailable("camera.file_missing", path=str(self.path))
        if self.path.is_dir():
            self._images = sorted(p for p in self.path.iterdir()
                                  if p.suffix.lower() in IMAGE_SUFFIXES)
            if not self._images:
                raise DeviceUnavailable("camera.file_unreadable", path=str(self.path))
            first = self._load(self._images[0])
            fps = self._fps or 10.0
        else:
            cap = cv2.VideoCapture(str(self.path))
            ok, img = cap.read() if cap.isOpened() else (False, None)
            if not ok or img is None:
                cap.release()
                # A single still image is a one-frame sequence.
                still = cv2.imread(str(self.path), cv2.IMREAD_UNCHANGED)
                if still is None:
                    raise DeviceError("camera.file_unreadable", path=str(self.path))
                self._images = [self.path]
                first = as_bgr(still)
                fps = self._fps or 10.0
            else:
                fps = self._fps or float(cap.get(cv2.CAP_PROP_FPS) or 0) or 25.0
                cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
                self._cap = cap
                first = as_bgr(img)
        self._fps = fps
        self.info = CameraInfo("file", str(self.path), self.info.name, first.shape[1],
                               first.shape[0], fps)
        self._index = 0
        self._seq = 0
        self._next_due = time.monotonic()
        self._open = True

    def _load(self, path: Path) -> Image:
        img = cv2.imread(str(path), cv2.IMREAD_UNCHANGED)
        if img is None:
            raise DeviceError("camera.file_unreadable", path=str(path))
        try:
            return as_bgr(img)
        except ValueError as exc:
            raise DeviceError("camera.file_unreadable", path=str(path)) from exc

    def _next_image(self) -> Image:
        if self._cap is not None:
            ok, img = self._cap.read()
            if not ok or img is None:
                if not self.loop:
                    raise DeviceError("camera.end_of_file", path=str(self.path))
                self._cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
                ok, img = self._cap.read()
                if not ok or img is None:
                    raise DeviceError("camera.file_unreadable", path=str(self.path))
            return as_bgr(img)
        if self._index >= len(self._images):
            if not self.loop:
                raise DeviceError("camera.end_of_file", path=str(self.path))
            self._index = 0
        path = self._images[self._index]
        self._index += 1
        return self._load(path)

    def read(self, timeout_s: float = 2.0) -> Frame:
        if not self._open:
            raise DeviceError("camera.not_open")
        if self.realtime:
            wait = self._next_due - time.monotonic()
            if wait > 0:
                time.sleep(min(wait, timeout_s))
            period = 1.0 / self._fps
            self._next_due = max(self._next_due, time.monotonic() - period) + period
        image = self._next_image()
        self._last = image
        self._seq += 1
        return Frame(np.ascontiguousarray(image), self._seq)

    def still(self) -> Still:
        if not self._open:
            raise DeviceError("camera.not_open")
        image = self._last if self._last is not None else self._next_image()
        return Still(image.copy(), self.info)

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None
        self._open = False
