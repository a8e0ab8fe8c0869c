"""The camera protocol and the plain dataclasses every camera adapter returns."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

Image = npt.NDArray[np.uint8]


@dataclass(frozen=True)
class CameraInfo:
    """What identifies a camera: adapter kind, source (index, URL, path, scenario) and name."""

    kind: str
    source: str
    name: str
    width: int = 0
    height: int = 0
    fps: float = 0.0


@dataclass(frozen=True)
class Frame:
    """One preview frame: a BGR ``uint8`` image, its sequence number and capture time.

    ``timestamp`` is ``time.monotonic()`` when the frame was taken; ``sequence`` counts frames
    from the camera since it was opened (a jump means frames were dropped: latest-frame-wins).
    """

    image: Image
    sequence: int
    timestamp: float = field(default_factory=time.monotonic)

    @property
    def width(self) -> int:
        return int(self.image.shape[1])

    @property
    def height(self) -> int:
        return int(self.image.shape[0])


@dataclass(frozen=True)
class Still:
    """A still picture at the best resolution the camera offers (BGR ``uint8``)."""

    image: Image
    camera: CameraInfo
    timestamp: float = field(default_factory=time.monotonic)


@runtime_checkable
class Camera(Protocol):
    """A camera, blocking and synchronous; used by ONE thread only (open, read, still, close).

    ``read`` returns the newest frame (older frames still queued are dropped) or raises
    ``DeviceTimeout`` when none arrives within ``timeout_s``; a camera that went away raises
    ``DeviceError("camera.disconnected")``. ``still`` returns a picture at the best resolution.
    """

    info: CameraInfo

    def open(self) -> None: ...

    def read(self, timeout_s: float = 2.0) -> Frame: ...

    def still(self) -> Still: ...

    def close(self) -> None: ...

    @property
    def is_open(self) -> bool: ...


def as_bgr(image: npt.NDArray[np.generic]) -> Image:
    """Any grey, BGR or BGRA image (uint8 or uint16) as a contiguous 3-channel BGR uint8 image."""
    import cv2

    arr = np.asarray(image)
    if arr.dtype != np.uint8:
        if arr.dtype == np.uint16:
            arr = (arr >> 8).astype(np.uint8)
        elif np.issubdtype(arr.dtype, np.floating):
            scale = 255.0 if arr.size and float(np.nanmax(arr)) <= 1.0 else 1.0
            arr = np.clip(np.nan_to_num(arr) * scale, 0, 255).astype(np.uint8)
        else:
            arr = np.clip(arr, 0, 255).astype(np.uint8)
    if arr.ndim == 2:
        return np.ascontiguousarray(cv2.cvtColor(arr, cv2.COLOR_GRAY2BGR))
    if arr.ndim == 3 and arr.shape[2] == 1:
        return np.ascontiguousarray(cv2.cvtColor(arr[:, :, 0], cv2.COLOR_GRAY2BGR))
    if arr.ndim == 3 and arr.shape[2] == 4:
        return np.ascontiguousarray(cv2.cvtColor(arr, cv2.COLOR_BGRA2BGR))
    if arr.ndim == 3 and arr.shape[2] == 3:
        return np.ascontiguousarray(arr)
    raise ValueError(f"not an image: shape {arr.shape}")


class RateMeter:
    """Frames per second actually delivered, over a sliding window of frame timestamps."""

    def __init__(self, window: int = 30) -> None:
        self.window = max(2, window)
        self._stamps: list[float] = []

    def update(self, timestamp: float) -> float:
        self._stamps.append(timestamp)
        if len(self._stamps) > self.window:
            del self._stamps[0]
        return self.fps

    @property
    def fps(self) -> float:
        if len(self._stamps) < 2:
            return 0.0
        span = self._stamps[-1] - self._stamps[0]
        return (len(self._stamps) - 1) / span if span > 0 else 0.0

    def is_slow(self, asked_fps: float, tolerance: float = 0.6) -> bool:
        """True once enough frames came and they arrive at under ``tolerance`` of the asked rate."""
        return len(self._stamps) >= min(self.window, 10) and self.fps < tolerance * asked_fps
