"""The face capture widget, wired to the simulator: auto-capture, keys, faults."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from devices.camera.base import Still
from devices.camera.photo import decode_jpeg
from devices.camera.simulator import GOOD, SimulatedCamera, render
from resources.messages import message
from ui.widgets.face_capture import FaceCaptureWidget

# The offscreen platform says this whenever a top-level window is shown; it is not ours.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def make_widget(qtbot: QtBot) -> Iterator[object]:
    made: list[FaceCaptureWidget] = []

    def make(camera: SimulatedCamera | None, **kwargs: object) -> FaceCaptureWidget:
        kwargs.setdefault("retry_s", 0.05)
        widget = FaceCaptureWidget(camera, **kwargs)  # type: ignore[arg-type]
        qtbot.addWidget(widget)
        widget.resize(1200, 700)
        widget.show()
        made.append(widget)
        return widget

    yield make
    for widget in made:
        widget.shutdown()


def test_auto_capture_fires_on_a_good_sequence_and_enter_accepts(qtbot: QtBot,
                                                                 make_widget) -> None:
    widget = make_widget(SimulatedCamera("good", fps=30), auto_capture_frames=5)
    with qtbot.waitSignal(widget.photoCaptured, timeout=15000) as captured:
        pass
    jpeg, report = captured.args
    assert decode_jpeg(jpeg).shape == (640, 480, 3)
    assert report["passed"] is True and report["still"]["checks"]["one_face"]["passed"]
    assert widget.worker is not None and widget.worker.frames_analysed >= 5
    # What the officer sees: every lamp green, the photo shown with its verdict, buttons ready.
    assert all(widget.checklist.state_of(n) == "ok" for n in widget.checklist.rows)
    assert not widget.photo_panel.picture.pixmap().isNull()
    assert widget.photo_panel.verdict.text().endswith(message("camera.ui.photo_ok"))
    assert widget.status.text() == message("camera.ui.captured_auto")
    assert widget.accept_button.isEnabled() and widget.retake_button.isEnabled()
    with qtbot.waitSignal(widget.photoAccepted, timeout=2000) as accepted:
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert accepted.args[0] == jpeg
    assert not widget.accept_button.isEnabled()


def test_auto_capture_never_fires_on_a_bad_sequence(qtbot: QtBot, make_widget) -> None:
    # realtime=False plays the whole 7-second "bad" script as fast as the CPU allows.
    camera = SimulatedCamera("bad", fps=5, realtime=False)
    widget = make_widget(camera, auto_capture_frames=3)
    shots: list[object] = []
    widget.photoCaptured.connect(lambda *args: shots.append(args))
    qtbot.waitUntil(lambda: widget.worker.frames_analysed >= 37, timeout=30000)
    assert shots == []
    assert widget.photo is None
    assert widget.view.report is not None and not widget.view.report.passed


def test_space_captures_and_r_retakes(qtbot: QtBot, make_widget) -> None:
    widget = make_widget(SimulatedCamera("good", fps=30), auto_capture_frames=100000)
    qtbot.waitUntil(lambda: widget.frames_shown >= 3 and widget.state == "live", timeout=10000)
    retakes: list[bool] = []
    widget.retaken.connect(lambda: retakes.append(True))
    with qtbot.waitSignal(widget.photoCaptured, timeout=5000):
        qtbot.keyClick(widget, Qt.Key.Key_Space)
    assert widget.status.text() == message("camera.ui.captured_manual")
    first = widget.photo
    assert first is not None and widget.accept_button.isEnabled()
    qtbot.keyClick(widget, Qt.Key.Key_R)
    assert retakes == [True]
    assert widget.photo is None and not widget.accept_button.isEnabled()
    assert widget.photo_panel.picture.text() == message("camera.ui.no_photo")
    with qtbot.waitSignal(widget.photoCaptured, timeout=5000):
        widget.capture_button.click()
    assert widget.photo is not None and widget.photo is not first


def test_unplug_shows_disconnected_then_reconnects(qtbot: QtBot, make_widget) -> None:
    camera = SimulatedCamera("good", fps=30)
    widget = make_widget(camera, auto_capture_frames=100000)
    qtbot.waitUntil(lambda: widget.frames_shown >= 3, timeout=10000)
    with qtbot.waitSignal(widget.cameraStateChanged, timeout=5000,
                          check_params_cb=lambda s, c: s == "disconnected"):
        camera.unplug()
    assert widget.view.overlay == message("camera.disconnected")
    assert widget.view.overlay.startswith("Mất kết nối máy ảnh")
    assert not widget.capture_button.isEnabled()
    shown = widget.frames_shown
    # The window stays responsive while the camera is away (the worker keeps retrying).
    qtbot.wait(200)
    assert widget.frames_shown == shown and widget.state == "disconnected"
    with qtbot.waitSignal(widget.cameraStateChanged, timeout=5000,
                          check_params_cb=lambda s, c: s == "live"):
        camera.replug()
    assert widget.status.text() == message("camera.ui.reconnected")
    qtbot.waitUntil(lambda: widget.frames_shown > shown + 3, timeout=5000)
    assert widget.view.overlay == "" and widget.capture_button.isEnabled()


def test_no_camera_is_a_clear_message(qtbot: QtBot) -> None:
    widget = FaceCaptureWidget.from_settings({"adapter": "auto", "source": "57"})
    qtbot.addWidget(widget)
    widget.show()
    assert widget.worker is None
    assert widget.view.overlay == message("camera.none", source="57")
    assert not widget.capture_button.isEnabled()


def test_simulate_setting_gives_the_simulator(qtbot: QtBot) -> None:
    widget = FaceCaptureWidget.from_settings({"adapter": "auto", "source": "57",
                                              "simulator_scenario": "good"}, simulate=True)
    qtbot.addWidget(widget)
    assert isinstance(widget.camera, SimulatedCamera)
    assert widget.view.badge == message("camera.ui.simulator")


@pytest.mark.parametrize(("scenario", "code"), [("black", "camera.black_frames"),
                                                ("frozen", "camera.frozen")])
def test_black_or_frozen_frames_warn(qtbot: QtBot, make_widget, scenario: str,
                                     code: str) -> None:
    widget = make_widget(SimulatedCamera(scenario, fps=10, realtime=False), asked_fps=10)
    qtbot.waitUntil(lambda: widget.view.warning == message(code), timeout=10000)


def test_slow_camera_warns(qtbot: QtBot, make_widget) -> None:
    widget = make_widget(SimulatedCamera("good", fps=30, delay_ms=90), asked_fps=30,
                         auto_capture_frames=100000)
    qtbot.waitUntil(lambda: widget.view.warning.startswith(message("camera.slow", fps="")[:12]),
                    timeout=10000)


def test_stalled_camera_warns_and_hiding_releases_the_camera(qtbot: QtBot, make_widget) -> None:
    camera = SimulatedCamera("good", fps=30, delay_ms=1500)
    widget = make_widget(camera, read_timeout_s=0.3, auto_capture_frames=100000)
    qtbot.waitUntil(lambda: widget.view.warning == message("camera.timeout", seconds=0.3),
                    timeout=10000)
    widget.hide()
    assert widget.worker is not None and not widget.worker.isRunning()
    assert not camera.is_open  # closed by the worker thread on its way out
    widget.show()
    qtbot.waitUntil(lambda: widget.worker.isRunning() and camera.is_open, timeout=5000)


class FidgetyCamera(SimulatedCamera):
    """The preview is fine, but the first stills catch someone stepping into the picture."""

    def __init__(self, spoiled: int) -> None:
        super().__init__("good", fps=30)
        self.spoiled = spoiled

    def still(self) -> Still:
        if self.spoiled > 0:
            self.spoiled -= 1
            return Still(render(replace(GOOD, second=True), 1280, 960), self.info)
        return super().still()


def test_auto_capture_discards_a_spoiled_still_and_tries_again(qtbot: QtBot,
                                                               make_widget) -> None:
    widget = make_widget(FidgetyCamera(spoiled=2), auto_capture_frames=3)
    with qtbot.waitSignal(widget.photoCaptured, timeout=20000) as captured:
        pass
    assert captured.args[1]["passed"] is True
    assert widget.worker.auto_discarded == 2


def test_ip_camera_switched_off_and_on_again(qtbot: QtBot, make_widget) -> None:
    from devices.camera.ipcam import SimulatedIpCamera
    from devices.camera.opencv import OpenCVCamera

    ipcam = SimulatedIpCamera("good", fps=15).start()
    try:
        camera = OpenCVCamera(ipcam.url, fps=15, open_timeout_s=3.0, read_timeout_s=1.0)
        widget = make_widget(camera, asked_fps=15, auto_capture_frames=100000)
        qtbot.waitUntil(lambda: widget.frames_shown >= 3, timeout=15000)
        assert widget.source_label.text() == message(
            "camera.ui.source", name=message("camera.ui.name_opencv", source=ipcam.url))
        with qtbot.waitSignal(widget.cameraStateChanged, timeout=10000,
                              check_params_cb=lambda s, c: s == "disconnected"):
            ipcam.stop()
        assert widget.view.overlay == message("camera.disconnected")
        with qtbot.waitSignal(widget.cameraStateChanged, timeout=15000,
                              check_params_cb=lambda s, c: s == "live"):
            ipcam.start()
        shown = widget.frames_shown
        qtbot.waitUntil(lambda: widget.frames_shown > shown + 2, timeout=10000)
    finally:
        ipcam.stop()


def test_restless_child_is_caught_in_a_still_moment(qtbot: QtBot, make_widget) -> None:
    # Deterministic: the script advances 1/30 s per frame, the child starts mid-fidget.
    camera = SimulatedCamera("child", fps=30, realtime=False)
    widget = make_widget(camera, auto_capture_frames=8)
    with qtbot.waitSignal(widget.photoCaptured, timeout=30000) as captured:
        pass
    assert captured.args[1]["passed"] is True
    assert widget.worker.frames_analysed > 8  # not at the first chance: the child moved
    head = captured.args[1]["photo"]["head_fraction"]
    assert 0.66 <= head <= 0.84  # a child's smaller head is scaled to the same ICAO geometry
