"""The station's four devices as the status bar sees them: camera, scanner, card reader, printer.

Each probe runs on a worker thread and returns a ``DeviceStatus``: ``ok`` (green), ``warn``
(amber: simulator or degraded), ``off`` (red: configured but not answering) or ``absent``
(grey: that part of the program is not installed on this station).

The start-of-day self-test (Administration) probes the camera, scanner and card reader and
prints a real test page (``printing.testpage``) on the configured printer: a CUPS queue or the
PDF folder. A printer that is off, a stopped queue, CUPS missing or not running are reported
as "off" with what to do, in plain words.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from ui.context import optional
from ui.i18n import current_language
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
        text = exc.text(current_language()) if hasattr(exc, "text") else str(exc)
        return DeviceStatus("off", str(text))


def sink_text(sink: Any) -> str:
    """The printer in words: ``CUPS <queue>`` or the PDF folder."""
    if getattr(sink, "name", "") == "cups":
        return f"CUPS {getattr(sink, 'printer', '')}".strip()
    if getattr(sink, "name", "") == "folder":
        text = QCoreApplication.translate("DeviceHub", "PDF folder %1")
        return text.replace("%1", str(getattr(sink, "folder", "")))
    return str(getattr(sink, "name", sink))


def printing_problem(exc: BaseException, printer: str) -> str:
    """What the operator should do about a failed test page (the spool's texts talk about a
    queued document; a test page is never queued)."""
    code = str(getattr(exc, "code", ""))
    if code == "printing.cups_missing":
        return QCoreApplication.translate(
            "DeviceHub", "CUPS is not installed on this computer: install the cups and "
            "cups-client packages, or choose the PDF folder.")
    if code == "printing.cups_not_running":
        return QCoreApplication.translate(
            "DeviceHub", "The CUPS print service is not running: start it (systemctl start "
            "cups), then test again.")
    if code == "printing.printer_unknown":
        return QCoreApplication.translate(
            "DeviceHub", "CUPS has no printer named “%1”: choose one of the listed "
            "printers.").replace("%1", printer)
    if code == "printing.printer_not_set":
        return QCoreApplication.translate(
            "DeviceHub", "No printer is chosen: choose one in the Printer tab.")
    if code in ("printing.printer_offline", "printing.printer_rejecting", "printing.lp_failed"):
        return QCoreApplication.translate(
            "DeviceHub", "The printer “%1” is off, stopped or not accepting jobs: switch it "
            "on, check the cable and the paper, then test again.").replace("%1", printer)
    if code == "printing.folder_unwritable":
        return QCoreApplication.translate(
            "DeviceHub", "Cannot write to the PDF folder %1: choose a folder this account "
            "can write to.").replace("%1", printer)
    text = exc.text(current_language()) if hasattr(exc, "text") else str(exc)
    return QCoreApplication.translate(
        "DeviceHub", "The test page was not printed: %1").replace("%1", str(text))


class DeviceHub:
    """Finds and describes the devices; the pages open them through their own widgets."""

    def __init__(self, settings: Settings, simulate: bool) -> None:
        self.settings = settings
        self.simulate = simulate
        self.last: dict[str, DeviceStatus] = {}
        # Test hooks and the self-test can mark a device as unplugged / switched off.
        self.forced_off: set[str] = set()
        self.last_test_page: Any = None  # the SelfTestPage printed last (its marker)

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

    def print_test_page(self, operator: str = "", wait_s: float = 20.0,
                        settings: Settings | None = None) -> DeviceStatus:
        """Print the one-page test page on the configured printer now and say how it went:
        ``ok`` (printed: the file or the CUPS job), ``warn`` (CUPS still holds it after
        ``wait_s``) or ``off`` (with what to do)."""
        from datetime import datetime

        settings = settings or self.settings
        service = optional("workstation.documents", "DocumentService")
        if service is None:
            status = DeviceStatus("absent", "workstation.documents")
            self.last["printer"] = status
            return status
        sink = service(settings).main_sink()
        where = sink_text(sink)
        if "printer" in self.forced_off:
            status = DeviceStatus("off", printing_problem(
                _Coded("printing.printer_offline"), where))
            self.last["printer"] = status
            return status
        from printing.errors import PrintingError
        from printing.testpage import SelfTestPage, send_test_page

        now = datetime.now().astimezone()
        page = SelfTestPage(station=str(settings["station.name"]),
                            counter=str(settings["station.counter"]), printer=where,
                            paper=str(settings["printing.paper"]), printed_at=now,
                            marker=now.strftime("TP-%Y%m%d-%H%M%S"), operator=operator)
        self.last_test_page = page
        printer = str(getattr(sink, "printer", "") or getattr(sink, "folder", "") or where)
        try:
            outcome = send_test_page(sink, page, wait_s=wait_s)
        except PrintingError as exc:
            log.warning("test page not printed: %s", exc.code)
            status = DeviceStatus("off", printing_problem(exc, printer))
        except OSError as exc:
            log.warning("test page not printed: %s", exc)
            status = DeviceStatus("off", printing_problem(exc, printer))
        else:
            if outcome.completed and getattr(sink, "name", "") == "folder":
                text = QCoreApplication.translate("DeviceHub", "Test page printed: %1")
                status = DeviceStatus("ok", text.replace("%1", outcome.reference))
            elif outcome.completed:
                text = QCoreApplication.translate("DeviceHub", "Test page printed on %1 (job %2)")
                status = DeviceStatus("ok", text.replace("%1", where)
                                      .replace("%2", outcome.reference))
            else:
                text = QCoreApplication.translate(
                    "DeviceHub", "The test page waits in the CUPS queue (job %1): check that "
                    "the printer is on and has paper.")
                status = DeviceStatus("warn", text.replace("%1", outcome.reference))
        self.last["printer"] = status
        return status

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
    def printer_queues() -> list[str]:
        """The CUPS queues of this computer (empty when CUPS is missing or not running)."""
        from printing.testpage import cups_queues

        return cups_queues()

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


class _Coded(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code
