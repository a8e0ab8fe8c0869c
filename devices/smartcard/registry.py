"""Settings values → card-reader adapter. Values come in as plain arguments (``devices`` does
not import the workstation): ``adapter`` is ``auto``, ``pcsc`` or ``simulator``."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from devices.smartcard.base import CardReaderAdapter
from devices.smartcard.errors import SmartCardError

log = logging.getLogger(__name__)

ADAPTERS = ("auto", "pcsc", "simulator")
_shared_simulators: dict[str, Any] = {}


def create_adapter(adapter: str = "auto", reader: str = "", *, extended_length: bool = True,
                   simulator_delay_ms: float = 0.0,
                   simulator_faults: Iterable[str] = ()) -> CardReaderAdapter:
    """The adapter the settings ask for. ``auto`` takes PC/SC when the service answers and
    lists at least one reader, else the simulator (whose card misbehaves as
    ``simulator_faults`` names, see ``emulator.FAULT_NAMES``)."""
    if adapter not in ADAPTERS:
        raise SmartCardError("smartcard.unknown_adapter", adapter=adapter)
    if adapter in ("pcsc", "auto"):
        from devices.smartcard.pcsc import PcscAdapter

        pcsc = PcscAdapter(reader, extended_length=extended_length)
        if adapter == "pcsc":
            return pcsc
        try:
            if pcsc.available() and pcsc.reader_names():
                return pcsc
        except SmartCardError:
            log.info("no PC/SC reader; using the simulated card reader")
        pcsc.close()
    sim: CardReaderAdapter = shared_simulator(simulator_delay_ms, tuple(simulator_faults))
    return sim


def shared_simulator(apdu_delay_ms: float = 0.0, faults: tuple[str, ...] = ()) -> Any:
    """One simulated reader per process and fault set (its card must be the same for every
    thread)."""
    from devices.smartcard.emulator import VirtualCard, faults_from_names
    from devices.smartcard.simulated import SimulatedAdapter

    key = ",".join(faults) or "default"
    sim = _shared_simulators.get(key)
    if sim is None:
        card = VirtualCard(faults=faults_from_names(faults))
        sim = _shared_simulators[key] = SimulatedAdapter(card, apdu_delay_ms=apdu_delay_ms)
    return sim


def adapter_factory(adapter: str = "auto", reader: str = "", *, extended_length: bool = True,
                    simulator_delay_ms: float = 0.0,
                    simulator_faults: Iterable[str] = ()) -> Callable[[], CardReaderAdapter]:
    """A function that builds the adapter; call it on the thread that will use it."""
    faults = tuple(simulator_faults)

    def build() -> CardReaderAdapter:
        return create_adapter(adapter, reader, extended_length=extended_length,
                              simulator_delay_ms=simulator_delay_ms, simulator_faults=faults)

    return build


def trust_list(csca_dir: str) -> list[Any] | None:
    """The CSCA certificates of ``smartcard.csca_dir``; None when no folder is configured."""
    if not csca_dir:
        return None
    from devices.smartcard.sod import load_csca_certificates

    return load_csca_certificates(csca_dir)


@dataclass(frozen=True)
class DiscoveredReader:
    """A reader found by ``discover``: its name, kind (``pcsc``/``simulator``), card state."""

    name: str
    kind: str
    card_present: bool


def discover(section: Mapping[str, Any] | None = None) -> list[DiscoveredReader]:
    """The readers the ``smartcard.*`` settings (``adapter``, ``reader``, …) lead to; a broken
    PC/SC service yields an empty list, never an exception."""
    section = section or {}
    try:
        adapter = create_adapter(str(section.get("adapter", "auto")),
                                 str(section.get("reader", "")),
                                 simulator_delay_ms=float(section.get("simulator_delay_ms", 0)),
                                 simulator_faults=list(section.get("simulator_faults", ())))
    except SmartCardError:
        return []
    try:
        states = adapter.readers()
    except SmartCardError:
        return []
    finally:
        close = getattr(adapter, "close", None)
        if close is not None and adapter.name == "pcsc":
            close()
    want = str(section.get("reader", ""))
    return [DiscoveredReader(s.name, adapter.name, s.card_present) for s in states
            if not want or adapter.name != "pcsc" or want in s.name]
