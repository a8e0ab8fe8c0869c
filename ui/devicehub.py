"""The station's four devices as the status bar sees them: camera, scanner, card reader, printer.

Each probe runs on a worker thread and returns a ``DeviceStatus``: ``ok`` (green), ``warn``
(amber: simulator or degraded), ``off`` (red: configured but not answering) or ``absent``
(grey: that part of the program is not installed on this station).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ui.context import optional
from workstation.settings import Settings

log = logging.getLogger(__name__)

DEVICES = ("camera", "scanner", "card_reader", "printer")


@dataclass(frozen=True)
class DeviceStatus:
    state: str  # ok | warn | off | absent
    detail: str  # plain words (already translated or a device name)


def _try(fn: Callable[[], DeviceStatus]) -> DeviceStatus:
    try:
        return fn()
    except Exception as exc:  # noqa: BLE001 - one broken driver must not hide the others
        log.warning("device probe failed: %s", exc)
        text = exc.text() if hasattr(exc, "text") else str(exc)
        return DeviceStatus("off", str(text))


class DeviceHub:
    """Finds and describes the devices; the pages open them through their own widgets."""

    def __init__(self, settings: Settings, simulate: bool) -> None:
        self.settings = settings
        self.simulate = simulate
        self.last: dict[str, DeviceStatus] = {}
        # Test hooks and the self-test can mark a device as unplugged / switched off.
        self.forced_off: set[str] = set()

    def adapter(self, device: str) -> str:
        key = {"camera": "camera.adapter", "scanner": "fingerprint.adapter",
               "card_reader": "smartcard.adapter"}.get(device)
        if key is None:
            return str(self.settings["printing.sink"])
        return "simulator" if self.simulate else str(self.settings[key])

    def probe(self, device: str) -> DeviceStatus:
        if device in self.forced_off:
            status = DeviceStatus("off", "unplugged")
        else:
            status = _try(lambda: getattr(self, f"_probe_{device}")())
        self.last[device] = status
        return status

    def probe_all(self) -> dict[str, DeviceStatus]:
        return {d: self.probe(d) for d in DEVICES}

    # Each probe asks the area's registry when it is installed.
    def _probe_camera(self) -> DeviceStatus:
        registry = optional("devices.camera.registry", "discover")
        if registry is None:
            return DeviceStatus("absent", "devices.camera.registry")
        found = list(registry(self.settings.section("camera")) if self._takes_args(registry)
                     else registry())
        return self._from_found(found, "camera")

    def _probe_scanner(self) -> DeviceStatus:
        registry = optional("devices.fingerprint.registry", "discover")
        if registry is None:
            return DeviceStatus("absent", "devices.fingerprint.registry")
        found = list(registry(self.settings.section("fingerprint"))
                     if self._takes_args(registry) else registry())
        return self._from_found(found, "scanner")

    def _probe_card_reader(self) -> DeviceStatus:
        registry = optional("devices.smartcard.registry", "discover")
        if registry is None:
            return DeviceStatus("absent", "devices.smartcard.registry")
        found = list(registry(self.settings.section("smartcard"))
                     if self._takes_args(registry) else registry())
        return self._from_found(found, "card_reader")

    def _probe_printer(self) -> DeviceStatus:
        sink = self.settings["printing.sink"]
        status = optional("printing.sinks", "sink_status")
        if status is None:
            return DeviceStatus("absent", "printing.sinks")
        result = status(self.settings.section("printing"))
        ok = bool(getattr(result, "ok", result))
        return DeviceStatus("ok" if ok else "off", f"{sink}: {getattr(result, 'detail', '')}")

    @staticmethod
    def _takes_args(fn: Any) -> bool:
        import inspect

        try:
            return bool(inspect.signature(fn).parameters)
        except (TypeError, ValueError):
            return False

    def _from_found(self, found: list[Any], device: str) -> DeviceStatus:
        if not found:
            if self.simulate:
                return DeviceStatus("warn", "simulator")
            return DeviceStatus("off", "")
        names = ", ".join(str(getattr(f, "name", f)) for f in found[:3])
        simulated = self.simulate or all("sim" in str(getattr(f, "kind", "")).lower()
                                         for f in found)
        return DeviceStatus("warn" if simulated else "ok", names)
