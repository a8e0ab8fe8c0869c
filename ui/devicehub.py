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
        if self.simulate:
            return DeviceStatus("warn", "")
        registry = optional("devices.smartcard.registry", "discover")
        if registry is None:
            return DeviceStatus("absent", "devices.smartcard.registry")
        found = list(registry(self.settings.section("smartcard"))
                     if self._takes_args(registry) else registry())
        return self._from_found(found, "card_reader")

    def _probe_printer(self) -> DeviceStatus:
        import os
        import shutil
        import subprocess
        from pathlib import Path

        service = optional("workstation.documents", "DocumentService")
        if service is None:
            return DeviceStatus("absent", "workstation.documents")
        docs = service(self.settings)
        sink = docs.main_sink()
        pending = len(list((Path(docs.spool_folder()) / "main").glob("pending/*.pdf")))
        waiting = f" · {pending} ⏳" if pending else ""
        if sink.name == "folder":
            folder = Path(sink.folder)
            probe = folder if folder.exists() else folder.parent
            ok = probe.is_dir() and os.access(probe, os.W_OK)
            return DeviceStatus("ok" if ok else "off", f"{folder}{waiting}")
        if sink.name == "cups":
            lpstat = shutil.which("lpstat")
            if lpstat is None or not sink.printer:
                return DeviceStatus("off", f"CUPS {sink.printer}{waiting}")
            proc = subprocess.run([lpstat, "-p", sink.printer], capture_output=True, text=True,
                                  timeout=5, env={**os.environ, "LC_ALL": "C"})
            ok = proc.returncode == 0 and "disabled" not in proc.stdout
            return DeviceStatus("ok" if ok else "off", f"CUPS {sink.printer}{waiting}")
        return DeviceStatus("ok", f"{sink.name}{waiting}")

    @staticmethod
    def _takes_args(fn: Any) -> bool:
        import inspect

        try:
            return bool(inspect.signature(fn).parameters)
        except (TypeError, ValueError):
            return False

    def _from_found(self, found: list[Any], device: str) -> DeviceStatus:
        if not found:
            return DeviceStatus("warn" if self.simulate else "off", "")
        simulated = self.simulate or all("sim" in str(getattr(f, "kind", "")).lower()
                                         for f in found)
        if simulated:
            return DeviceStatus("warn", "")
        return DeviceStatus("ok", ", ".join(str(getattr(f, "name", f)) for f in found[:3]))
