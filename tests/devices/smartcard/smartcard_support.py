"""Helpers shared by the smart-card tests (imported by name: pytest puts this folder on
sys.path)."""

from __future__ import annotations

import time


def wait_card(adapter: object, reader: str, present: bool, timeout: float = 5.0) -> None:
    """Wait until pcscd sees the card in (or out of) ``reader``."""
    from devices.smartcard.pcsc import PcscAdapter

    assert isinstance(adapter, PcscAdapter)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if adapter.card_present(reader) is present:
            return
        time.sleep(0.05)
    raise AssertionError(f"pcscd did not see the card {'in' if present else 'out of'} {reader}")
