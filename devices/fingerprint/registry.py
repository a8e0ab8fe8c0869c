"""Choose the fingerprint (and iris) adapter from the ``fingerprint.*`` settings values.

The values come in as a plain mapping (``Settings.section("fingerprint")``: ``adapter``,
``sbi_host``, ``sbi_ports``, ...); nothing here reads the workstation's settings itself.

- ``sbi``: scan the SBI port range for a fingerprint device (and an iris device, if any).
- ``simulator``: start the SBI device simulator in this process on the first free port of the
  range and talk to it through the same SBI client, over real HTTP.
- ``auto``: like ``sbi``. It never falls back to the simulator on its own: synthetic prints
  must not be enrolled because a scanner was unplugged.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from devices.errors import DeviceError, DeviceUnavailable
from devices.fingerprint.sbi_client import SbiClient, SbiIrisCamera, SbiScanner, parse_ports
from devices.fingerprint.sbi_simulator import SbiSimulator

log = logging.getLogger(__name__)

ADAPTERS = ("auto", "sbi", "simulator")


@dataclass
class FingerprintDevices:
    """The scanner, the iris camera if the station has one, and the simulator if started."""

    scanner: SbiScanner
    iris: SbiIrisCamera | None
    simulator: SbiSimulator | None = None

    def close(self) -> None:
        self.scanner.close()
        if self.iris is not None:
            self.iris.close()
        if self.simulator is not None:
            self.simulator.stop()


@dataclass(frozen=True)
class Found:
    """What ``discover`` reports to the device lights."""

    name: str
    kind: str  # "sbi" | "simulator"
    modality: str
    serial: str
    url: str


def _trust(directory: str) -> list[bytes]:
    if not directory:
        return []
    folder = Path(directory)
    if not folder.is_dir():
        raise DeviceError("fingerprint.settings_bad", detail=f"sbi_trust_dir {directory}")
    return [p.read_bytes() for p in sorted(folder.iterdir())
            if p.suffix.lower() in (".pem", ".crt", ".cer", ".der")]


def _client(values: Mapping[str, Any], ports: Any = None,
            trusted: list[bytes] | None = None) -> SbiClient:
    try:
        port_list = parse_ports(ports if ports is not None else
                                str(values.get("sbi_ports", "4501-4600")))
    except ValueError as exc:
        raise DeviceError("fingerprint.settings_bad", detail=str(exc)) from exc
    return SbiClient(str(values.get("sbi_host", "127.0.0.1")), port_list,
                     connect_timeout_s=int(values.get("sbi_connect_timeout_ms", 300)) / 1000.0,
                     trusted_cas=trusted if trusted is not None else
                     _trust(str(values.get("sbi_trust_dir", ""))))


def start_simulator(values: Mapping[str, Any], delay_ms: int | None = None) -> SbiSimulator:
    """Start the simulator on the first port of the range it can bind (other programs, or
    other simulators, may hold some of them); any free port if the whole range is taken."""
    host = str(values.get("sbi_host", "127.0.0.1"))
    ports = parse_ports(str(values.get("sbi_ports", "4501-4600")))
    delay = int(values.get("simulator_delay_ms", 1500)) if delay_ms is None else delay_ms
    sim = SbiSimulator(0, host=host, delay_ms=delay,
                       iris=bool(values.get("simulator_iris", True)))
    for port in [*ports, 0]:
        sim.port = port
        try:
            return sim.start()
        except OSError:
            continue
    raise DeviceUnavailable("fingerprint.sbi_unreachable", url=f"http://{host}")


def open_devices(values: Mapping[str, Any], *, simulate: bool = False) -> FingerprintDevices:
    """Open the configured scanner (blocking; call it on the device thread)."""
    adapter = "simulator" if simulate else str(values.get("adapter", "auto"))
    if adapter not in ADAPTERS:
        raise DeviceError("fingerprint.settings_bad", detail=f"adapter {adapter}")
    sim = None
    if adapter == "simulator":
        sim = start_simulator(values)
        client = _client(values, ports=[sim.port], trusted=[sim.ca_pem])
    else:
        client = _client(values)
    try:
        devices = client.discover()
        fingers = [d for d in devices if d.modality == "Finger"]
        if not fingers:
            raise DeviceUnavailable("fingerprint.no_device",
                                    ports=str(values.get("sbi_ports", "4501-4600")))
        ready = [d for d in fingers if d.status == "Ready"] or fingers
        scanner = SbiScanner(client, ready[0])
        scanner.device_info()
        irises = [d for d in devices if d.modality == "Iris"]
        iris = SbiIrisCamera(client, irises[0]) if irises else None
    except Exception:
        if sim is not None:
            sim.stop()
        raise
    return FingerprintDevices(scanner, iris, sim)


def discover(values: Mapping[str, Any]) -> list[Found]:
    """The SBI fingerprint and iris devices reachable now (for the status-bar lights)."""
    adapter = str(values.get("adapter", "auto"))
    if adapter == "simulator":
        return [Found("SBI simulator", "simulator", "Finger", "", "")]
    try:
        devices = _client(values).discover()
    except DeviceError as exc:
        log.info("fingerprint discovery failed: %s", exc.code)
        return []
    return [Found(f"{d.make} {d.model}".strip(), "sbi", d.modality, d.serial, d.base_url)
            for d in devices if d.modality in ("Finger", "Iris")]
