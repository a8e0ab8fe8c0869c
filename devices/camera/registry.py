"""Camera selection: the ``camera.*`` settings values (passed in as plain values) → an adapter.

``auto`` picks a file source when ``source`` names an existing file or folder, an OpenCV
camera when ``source`` is a URL or the index of a camera the system lists, and otherwise the
simulator if ``fallback_to_simulator`` allows it — or raises ``camera.none`` (a clear message
instead of a fake picture at a real counter).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from devices.camera.base import Camera, CameraInfo
from devices.errors import DeviceError, DeviceUnavailable

log = logging.getLogger(__name__)

KINDS = ("auto", "opencv", "file", "simulator")


@dataclass(frozen=True)
class CameraOptions:
    """The plain values camera selection needs (names match the ``camera.*`` settings)."""

    adapter: str = "auto"
    source: str = "0"
    width: int = 640
    height: int = 480
    fps: float = 30.0
    still_width: int = 1280
    still_height: int = 960
    open_timeout_s: float = 5.0
    read_timeout_s: float = 2.0
    fallback_to_simulator: bool = False
    simulator_scenario: str = "demo"
    simulator_delay_ms: int = 0

    @classmethod
    def from_settings(cls, values: Mapping[str, Any]) -> CameraOptions:
        """From ``settings.section("camera")`` (bare keys) or dotted ``camera.*`` keys."""
        kinds = {f.name: f.type for f in fields(cls)}
        chosen: dict[str, Any] = {}
        defaults = cls()
        for key, value in values.items():
            bare = key.split(".", 1)[1] if key.startswith("camera.") else key
            if bare in kinds:
                chosen[bare] = type(getattr(defaults, bare))(value)
        return cls(**chosen)


def make_camera(options: CameraOptions | str | None = None, source: str | None = None,
                **overrides: Any) -> Camera:
    """The adapter the options select, not yet opened (the owning thread opens it).

    ``make_camera(CameraOptions(...))``, ``make_camera("opencv", "rtsp://…")`` and
    ``make_camera(adapter="simulator", simulator_scenario="bad")`` are all accepted.
    """
    if isinstance(options, str):
        overrides["adapter"] = options
        options = None
    if source is not None:
        overrides["source"] = str(source)
    opts = options or CameraOptions()
    if overrides:
        opts = CameraOptions(**{**{f.name: getattr(opts, f.name) for f in fields(opts)},
                                **overrides})
    kind = opts.adapter
    if kind not in KINDS:
        raise DeviceUnavailable("camera.unknown_adapter", name=kind, names=", ".join(KINDS))
    if kind == "auto":
        kind = _auto_kind(opts)
    if kind == "file":
        from devices.camera.file_source import FileCamera

        return FileCamera(opts.source, fps=0.0)
    if kind == "opencv":
        from devices.camera.opencv import OpenCVCamera

        still = (opts.still_width, opts.still_height) if opts.still_width > opts.width else None
        return OpenCVCamera(opts.source, opts.width, opts.height, opts.fps, opts.open_timeout_s,
                            opts.read_timeout_s, still)
    from devices.camera.simulator import SimulatedCamera

    # With adapter = "simulator", a scenario name may be given as the source.
    scenario = opts.simulator_scenario
    if opts.adapter == "simulator" and _is_scenario(opts.source):
        scenario = opts.source
    still = (max(opts.still_width, opts.width), max(opts.still_height, opts.height))
    return SimulatedCamera(scenario, opts.width, opts.height, opts.fps, opts.simulator_delay_ms,
                           still)


def _is_scenario(name: str) -> bool:
    from devices.camera.simulator import SCENARIOS

    return name in SCENARIOS


def _auto_kind(opts: CameraOptions) -> str:
    from devices.camera import opencv

    source = opts.source.strip()
    if source and not source.isdigit() and "://" not in source and Path(source).exists():
        return "file"
    if opencv.available():
        if "://" in source:
            return "opencv"
        listed = {info.source for info in _safe_discover(opencv.OpenCVCamera.discover)}
        if source.isdigit() and (source in listed or not _lists_devices()):
            return "opencv"
    if opts.fallback_to_simulator:
        log.warning("no camera found at %r; using the simulator as settings allow", source)
        return "simulator"
    raise DeviceUnavailable("camera.none", source=source)


def _lists_devices() -> bool:
    """Whether discovery can list cameras without opening them (Linux: /dev/video*)."""
    import sys

    return sys.platform.startswith("linux")


def _safe_discover(fn: Any) -> list[CameraInfo]:
    try:
        return list(fn())
    except Exception:  # one broken driver must not hide the other cameras
        log.exception("camera discovery failed in %s", getattr(fn, "__qualname__", fn))
        return []


def discover(values: Mapping[str, Any] | None = None) -> list[CameraInfo]:
    """Cameras each adapter can see; a failing adapter is logged and skipped.

    ``values`` (``settings.section("camera")``) decides whether the simulator is listed: only
    when it is the chosen adapter or allowed as the fallback (or when no values are given).
    """
    from devices.camera.opencv import OpenCVCamera
    from devices.camera.simulator import SimulatedCamera

    found = _safe_discover(OpenCVCamera.discover)
    opts = CameraOptions.from_settings(values) if values is not None else None
    if opts is None or opts.adapter == "simulator" or opts.fallback_to_simulator:
        scenario = opts.simulator_scenario if opts is not None else "demo"
        found.extend(info for info in _safe_discover(SimulatedCamera.discover)
                     if info.source == scenario)
    return found


def open_camera(options: CameraOptions | str | None = None, source: str | None = None,
                **overrides: Any) -> Camera:
    """Select and open a camera (same arguments as ``make_camera``). Raises ``DeviceError``
    subclasses with a message code."""
    camera = make_camera(options, source, **overrides)
    try:
        camera.open()
    except DeviceError:
        camera.close()
        raise
    return camera
