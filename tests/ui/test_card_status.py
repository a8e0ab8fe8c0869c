"""The card reader status widget with the simulated reader: states, a read with progress and
result, a wrong key then a good one, a card pulled mid-read, and threads doing the PC/SC work."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from devices.smartcard.bac import BacKey
from devices.smartcard.emulator import CardProfile, Faults, VirtualCard
from devices.smartcard.simulated import SimulatedAdapter
from ui.i18n import set_language
from ui.widgets.card_status import CardStatusWidget

KEY = CardProfile().bac_key()


@pytest.fixture
def sim() -> SimulatedAdapter:
    return SimulatedAdapter(insert_default=False, apdu_delay_ms=1)


@pytest.fixture
def widget(qtbot, sim: SimulatedAdapter) -> Iterator[CardStatusWidget]:  # type: ignore[no-untyped-def]
    set_language("vi")
    w = CardStatusWidget(lambda: sim, poll_s=0.05)
    qtbot.addWidget(w)
    yield w
    w.shutdown()


def test_states_follow_the_reader(qtbot, widget: CardStatusWidget,  # type: ignore[no-untyped-def]
                                  sim: SimulatedAdapter) -> None:
    qtbot.waitUntil(lambda: widget.state == "ready", timeout=3000)
    assert "đặt thẻ lên đầu đọc" in widget.status_label.text()
    assert "Simulated chip card reader 0" in widget.reader_label.text()
    assert not widget.read_button.isEnabled()
    sim.insert()
    qtbot.waitUntil(lambda: widget.state == "card_in", timeout=3000)
    assert not widget.read_button.isEnabled()  # no key typed yet
    widget.set_key(KEY)
    assert widget.read_button.isEnabled() and widget.read_button.text() == "Đọc thẻ"


def test_reading_shows_progress_and_the_result(qtbot, widget: CardStatusWidget,  # type: ignore[no-untyped-def]
                                               sim: SimulatedAdapter) -> None:
    sim.insert()
    widget.set_key(KEY)
    qtbot.waitUntil(lambda: widget.read_button.isEnabled(), timeout=3000)
    seen: list[int] = []
    widget.progress.valueChanged.connect(seen.append)
    main_thread = threading.get_ident()
    touched: list[int] = []
    widget.cardRead.connect(lambda _: touched.append(threading.get_ident()))
    with qtbot.waitSignal(widget.cardRead, timeout=5000) as blocker:
        qtbot.mouseClick(widget.read_button, qtbot_button())
    chip = blocker.args[0]
    assert chip.full_name == "Nguyễn Thị An"
    assert widget.state == "done" and "Nguyễn Thị An" in widget.result_label.text()
    assert "chưa xác minh được cơ quan cấp" in widget.pa_label.text()
    assert widget.photo.pixmap() is not None and not widget.photo.pixmap().isNull()
    assert widget.progress.value() == 100 and len(set(seen)) > 3
    assert touched == [main_thread]  # results arrive on the GUI thread
    assert widget.read_button.text() == "Đọc lại"
    sim.remove()
    qtbot.waitUntil(lambda: widget.state == "ready", timeout=3000)


def test_wrong_key_then_the_right_one(qtbot, widget: CardStatusWidget,  # type: ignore[no-untyped-def]
                                      sim: SimulatedAdapter) -> None:
    sim.insert()
    qtbot.waitUntil(lambda: widget.state == "card_in", timeout=3000)
    with qtbot.waitSignal(widget.readFailed, timeout=5000):
        widget.read(BacKey("305001234", "050615", "300616"))
    assert widget.state == "error"
    assert "không khớp với thẻ" in widget.status_label.text()
    with qtbot.waitSignal(widget.cardRead, timeout=5000):
        widget.read(KEY)
    assert widget.state == "done"


def test_card_pulled_mid_read(qtbot, widget: CardStatusWidget,  # type: ignore[no-untyped-def]
                              sim: SimulatedAdapter) -> None:
    set_language("en")
    try:
        sim.insert(VirtualCard(faults=Faults(pulled_after_apdus=10)))
        qtbot.waitUntil(lambda: widget.state == "card_in", timeout=3000)
        with qtbot.waitSignal(widget.readFailed, timeout=5000):
            widget.read(KEY)
        assert "removed while it was being read" in widget.status_label.text()
        sim.insert()
        qtbot.waitUntil(lambda: widget.read_button.isEnabled(), timeout=3000)
        with qtbot.waitSignal(widget.cardRead, timeout=5000):
            widget.read()
    finally:
        set_language("vi")


def qtbot_button():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


@pytest.mark.pcscd
def test_reads_through_pcscd(qtbot) -> None:  # type: ignore[no-untyped-def]
    import os

    from devices.smartcard.emulator import VpcdCard
    from devices.smartcard.pcsc import PcscAdapter

    if not os.environ.get("WORKSTATION_TEST_PCSCD"):
        pytest.skip("pcscd with the vpcd virtual reader is not running "
                    "(WORKSTATION_TEST_PCSCD unset)")
    reader = os.environ.get("WORKSTATION_TEST_VPCD_READER", "Virtual PCD 00 00")
    port = int(os.environ.get("WORKSTATION_TEST_VPCD_PORT", "35963"))
    set_language("vi")
    w = CardStatusWidget(lambda: PcscAdapter(reader), reader=reader, poll_s=0.1)
    qtbot.addWidget(w)
    vpcd = VpcdCard(VirtualCard(), port=port)
    try:
        qtbot.waitUntil(lambda: w.state == "ready", timeout=5000)
        vpcd.insert()
        qtbot.waitUntil(lambda: w.state == "card_in", timeout=5000)
        with qtbot.waitSignal(w.cardRead, timeout=10000):
            w.read(KEY)
        assert w.last_read is not None and w.last_read.reader == reader
        vpcd.remove()
        qtbot.waitUntil(lambda: w.state == "ready", timeout=5000)
    finally:
        vpcd.remove()
        w.shutdown()
