"""Fixtures for the smart-card tests: a virtual card in a real pcscd through vpcd."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest
from smartcard_support import wait_card

from devices.smartcard.emulator import CardProfile, Faults, VirtualCard, VpcdCard


def _pcscd_env() -> tuple[str, int, str]:
    if not os.environ.get("WORKSTATION_TEST_PCSCD"):
        pytest.skip("pcscd with the vpcd virtual reader is not running "
                    "(WORKSTATION_TEST_PCSCD unset; run-tests starts it via "
                    "scripts/services/pcscd.sh start)")
    return (os.environ.get("WORKSTATION_TEST_VPCD_HOST", "127.0.0.1"),
            int(os.environ.get("WORKSTATION_TEST_VPCD_PORT", "35963")),
            os.environ.get("WORKSTATION_TEST_VPCD_READER", "Virtual PCD 00 00"))


@pytest.fixture
def pcsc_reader() -> Iterator[tuple[object, str]]:
    """A PC/SC adapter on the vpcd reader, and that reader's name."""
    from devices.smartcard.pcsc import PcscAdapter

    _, _, reader = _pcscd_env()
    adapter = PcscAdapter(reader)
    yield adapter, reader
    adapter.close()


@pytest.fixture
def vpcd_card(pcsc_reader: tuple[object, str]) -> Iterator[Callable[..., VpcdCard]]:
    """Insert a virtual card into the vpcd reader: ``vpcd_card(faults=..., profile=...)``."""
    host, port, _ = _pcscd_env()
    adapter, reader = pcsc_reader
    inserted: list[VpcdCard] = []

    def insert(faults: Faults | None = None, profile: CardProfile | None = None,
               reinsert_after: float | None = None) -> VpcdCard:
        for card in inserted:
            card.remove()
        if inserted:
            wait_card(adapter, reader, False)
        card = VirtualCard(profile or CardProfile(), faults or Faults())
        vpcd = VpcdCard(card, host, port, reinsert_after=reinsert_after)
        vpcd.insert()
        inserted.append(vpcd)
        wait_card(adapter, reader, True)
        return vpcd

    yield insert
    for card in inserted:
        card.remove()
    if inserted:
        wait_card(adapter, reader, False)
