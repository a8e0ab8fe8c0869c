"""The ten-print panel wired to the SBI simulator over real HTTP: a full run, an exception
shown wherever the prints are shown, a partial slap refused, iris present or absent."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from devices.fingerprint import storage
from devices.fingerprint.model import ExceptionKind, Finger
from devices.fingerprint.sequence import FingerStatus
from ui.widgets.fingerprint_panel import FingerprintPanel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

Maker = Callable[..., FingerprintPanel]


@pytest.fixture
def make_panel(qtbot: QtBot) -> Iterator[Maker]:
    made: list[FingerprintPanel] = []

    def make(**values: Any) -> FingerprintPanel:
        settings = {"simulator_delay_ms": 0, "sbi_ports": "4501-4600", **values}
        panel = FingerprintPanel.from_settings(settings, simulate=True)
        qtbot.addWidget(panel)
        panel.resize(1100, 760)
        panel.show()
        panel.start()
        made.append(panel)
        qtbot.waitUntil(lambda: panel.device is not None and panel.state is not None,
                        timeout=20_000)
        return panel

    yield make
    for panel in made:
        panel.shutdown()


def press(qtbot: QtBot, panel: FingerprintPanel, key: Qt.Key) -> None:
    with qtbot.waitSignal(panel.stateChanged, timeout=60_000):
        qtbot.keyClick(panel, key)


def test_full_ten_print_run_with_an_exception(qtbot: QtBot, make_panel: Maker) -> None:
    panel = make_panel()
    assert panel.prompt.text() == "Đặt bốn ngón tay phải lên máy"
    assert "SF-4420-000731" in panel.device_label.text()
    stored: list[Any] = []
    panel.fingerCaptured.connect(stored.append)
    marked: list[tuple[str, str, str]] = []
    panel.exceptionMarked.connect(lambda *a: marked.append(a))
    completed: list[Any] = []
    panel.sequenceCompleted.connect(completed.append)

    with qtbot.waitSignal(panel.stateChanged, timeout=10_000):
        panel.mark_exception(Finger.LEFT_RING, ExceptionKind.BANDAGED, "Vết thương đang băng")
    assert marked == [("left_ring", "bandaged", "Vết thương đang băng")]

    press(qtbot, panel, Qt.Key.Key_Space)
    assert panel.prompt.text() == "Đặt bốn ngón tay trái lên máy"
    press(qtbot, panel, Qt.Key.Key_Space)
    assert panel.prompt.text() == "Đặt hai ngón cái lên máy"
    press(qtbot, panel, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(completed), timeout=10_000)
    assert panel.prompt.text() == "Đã lấy đủ mười ngón"
    assert not panel.capture_button.isEnabled()

    # Nine prints handed over for storage, WSQ at 500 ppi, each position once.
    assert sorted(s.position for s in stored) == sorted(
        f.key for f in Finger if f is not Finger.LEFT_RING)
    assert all(s.format == "wsq" and s.ppi == 500 and s.quality >= 40 for s in stored)
    assert storage.read_metadata(stored[0].data)["PPI"] == "500"
    result = completed[0]
    assert result.captured == 9 and result.exceptions == 1
    ring = result.finger(Finger.LEFT_RING)
    assert ring.exception.reason == "Vết thương đang băng"

    # The exception is shown on the hands and on the print strip, with its reason.
    assert panel.state is not None
    assert panel.state.fingers[Finger.LEFT_RING].status is FingerStatus.EXCEPTION
    tile = panel.strip.tiles[Finger.LEFT_RING]
    assert tile.picture.text() == "Đang băng bó"
    assert "Vết thương đang băng" in tile.caption.text()
    assert "Chất lượng" in panel.strip.tiles[Finger.RIGHT_INDEX].caption.text()
    assert "Ngón áp út trái" in tile.caption.text()
    assert "9/10" in panel.summary.text() and "1" in panel.summary.text()

    # Iris: both eyes from the simulated iris camera.
    irises: list[Any] = []
    panel.irisCaptured.connect(irises.append)
    press(qtbot, panel, Qt.Key.Key_I)
    assert sorted(i.position for i in irises) == ["left", "right"]
    assert "Chất lượng" in panel.iris_status.text()


def test_a_partial_slap_is_refused_on_screen(qtbot: QtBot, make_panel: Maker) -> None:
    panel = make_panel(retries=3)
    worker_sim = panel.worker.devices.simulator  # type: ignore[union-attr]
    worker_sim.script("missing:Right RingFinger")
    press(qtbot, panel, Qt.Key.Key_Space)
    assert panel.notice.isVisible()
    text = panel.notice.text()
    assert "Tìm thấy 3 ngón, cần 4 ngón" in text and "ngón áp út phải" in text
    assert panel.notice.property("level") == "warn"
    assert panel.prompt.text() == "Đặt bốn ngón tay phải lên máy"
    assert panel.attempt.text() == "Lần 2/3"
    # The retry takes all four and moves on.
    press(qtbot, panel, Qt.Key.Key_Space)
    assert panel.prompt.text() == "Đặt bốn ngón tay trái lên máy"


def test_device_errors_are_shown_and_retry_works(qtbot: QtBot, make_panel: Maker) -> None:
    panel = make_panel()
    panel.worker.devices.simulator.script("busy")  # type: ignore[union-attr]
    press(qtbot, panel, Qt.Key.Key_Space)
    assert panel.notice.property("level") == "error"
    assert "bận" in panel.notice.text()
    press(qtbot, panel, Qt.Key.Key_Space)
    assert panel.prompt.text() == "Đặt bốn ngón tay trái lên máy"


def test_without_an_iris_camera_the_panel_says_so(qtbot: QtBot, make_panel: Maker) -> None:
    panel = make_panel(simulator_iris=False, mode="single")
    assert panel.iris_status.text() == "Quầy này không có máy chụp mống mắt"
    assert not panel.iris_button.isVisible()
    assert panel.prompt.text() == "Đặt ngón cái phải lên máy"
    # Keyboard: digit 2 selects the right index, R retakes it (goes back to its step).
    qtbot.keyClick(panel, Qt.Key.Key_2)
    assert panel.hands.selected is Finger.RIGHT_INDEX
    press(qtbot, panel, Qt.Key.Key_R)
    assert panel.prompt.text() == "Đặt ngón trỏ phải lên máy"


def test_no_scanner_then_plugged_in(qtbot: QtBot) -> None:
    """adapter=sbi with nothing listening: a clear message; Space looks again and finds it."""
    import socket

    from devices.fingerprint.sbi_simulator import SbiSimulator

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    panel = FingerprintPanel.from_settings({"adapter": "sbi", "sbi_ports": str(port)})
    qtbot.addWidget(panel)
    panel.show()
    panel.start()
    try:
        qtbot.waitUntil(lambda: panel.notice.isVisible(), timeout=20_000)
        assert "Không tìm thấy máy quét vân tay" in panel.notice.text()
        assert panel.device is None and panel.capture_button.isEnabled()
        with SbiSimulator(port, delay_ms=0, iris=False):
            qtbot.keyClick(panel, Qt.Key.Key_Space)
            qtbot.waitUntil(lambda: panel.device is not None, timeout=20_000)
            assert not panel.notice.isVisible()
            press(qtbot, panel, Qt.Key.Key_Space)
            assert panel.prompt.text() == "Đặt bốn ngón tay trái lên máy"
            # A new applicant starts from the first slap again.
            with qtbot.waitSignal(panel.stateChanged, timeout=10_000):
                panel.reset()
            assert panel.prompt.text() == "Đặt bốn ngón tay phải lên máy"
    finally:
        panel.shutdown()


def test_an_iris_exception_leaves_one_eye_to_capture(qtbot: QtBot, make_panel: Maker) -> None:
    panel = make_panel()
    marked: list[tuple[str, str, str]] = []
    panel.exceptionMarked.connect(lambda *a: marked.append(a))
    with qtbot.waitSignal(panel.stateChanged, timeout=10_000):
        panel.mark_iris_exception("Right", ExceptionKind.MISSING, "Mắt giả")
    assert marked == [("right_iris", "missing", "Mắt giả")]
    assert panel.iris_pictures["Right"].text() == "Không có mắt"
    assert panel.iris_pictures["Right"].toolTip() == "Mắt giả"
    irises: list[Any] = []
    panel.irisCaptured.connect(irises.append)
    press(qtbot, panel, Qt.Key.Key_I)
    assert [i.position for i in irises] == ["left"]
