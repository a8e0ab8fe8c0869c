"""Camera adapters through the file source, the simulator, OpenCV with URLs, and selection."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest

from devices.camera.base import Camera, RateMeter
from devices.camera.file_source import FileCamera
from devices.camera.opencv import OpenCVCamera
from devices.camera.quality import assess
from devices.camera.registry import CameraOptions, make_camera, open_camera
from devices.camera.simulator import SCENARIOS, SimulatedCamera, Step, Timeline, render
from devices.errors import DeviceError, DeviceTimeout, DeviceUnavailable


def write_video(path: Path, frames: int = 12) -> Path:
    cam = SimulatedCamera("demo", realtime=False)
    cam.open()
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 10.0, (640, 480))
    assert writer.isOpened()
    for _ in range(frames):
        writer.write(cam.read().image)
    writer.release()
    return path


def test_simulator_follows_the_protocol_and_its_good_frames_pass() -> None:
    cam = SimulatedCamera("good", realtime=False)
    assert isinstance(cam, Camera)
    cam.open()
    frames = [cam.read() for _ in range(5)]
    assert [f.sequence for f in frames] == [1, 2, 3, 4, 5]
    assert frames[0].image.shape == (480, 640, 3) and frames[0].image.dtype == np.uint8
    # Sensor noise: consecutive frames are never byte-identical (a frozen camera would be).
    assert not np.array_equal(frames[0].image, frames[1].image)
    assert all(assess(f.image).passed for f in frames)
    still = cam.still()
    assert still.image.shape == (960, 1280, 3)
    assert assess(still.image).passed
    cam.close()
    with pytest.raises(DeviceError) as info:
        cam.read()
    assert info.value.code == "camera.not_open"


def test_simulator_bad_scenario_never_passes_and_covers_every_fault() -> None:
    cam = SimulatedCamera("bad", realtime=False, fps=5)
    cam.open()
    reports = [assess(cam.read().image) for _ in range(35)]  # the whole 7-second script
    assert not any(r.passed for r in reports)
    said = {r.instruction for r in reports}
    assert {"camera.move_left", "camera.move_closer", "camera.too_dark", "camera.hold_still",
            "camera.one_person_only", "camera.no_face", "camera.head_straight"} <= said


def test_demo_scenario_moves_smoothly_and_loops() -> None:
    tl = Timeline(SCENARIOS["demo"])
    a, _ = tl.at(1.0 + 0.6)  # halfway through the approach from far to good
    far, good = SCENARIOS["demo"][0].scene, SCENARIOS["demo"][1].scene
    assert far.scale < a.scale < good.scale
    assert tl.at(tl.total + 0.1)[1] == 0


def test_simulator_paces_frames_and_a_slow_camera_is_noticed() -> None:
    cam = SimulatedCamera("good", fps=10, delay_ms=150)
    cam.open()
    cam.read()
    meter = RateMeter(window=6)
    for _ in range(6):
        meter.update(cam.read().timestamp)
    assert 3.0 < meter.fps < 4.6, meter.fps  # asked 10 fps, the camera gives 4
    assert meter.is_slow(10.0)
    fast = SimulatedCamera("good", fps=10)
    fast.open()
    fast.read()
    meter = RateMeter(window=10)
    for _ in range(10):
        meter.update(fast.read().timestamp)
    assert 8.0 < meter.fps < 11.0 and not meter.is_slow(10.0)


def test_a_camera_slower_than_the_read_timeout_times_out() -> None:
    cam = SimulatedCamera("good", fps=30, delay_ms=400)
    cam.open()
    t0 = time.monotonic()
    with pytest.raises(DeviceTimeout) as info:
        cam.read(timeout_s=0.1)
    assert time.monotonic() - t0 < 0.35
    assert "0.1" in info.value.text("vi")


def test_simulator_unplug_and_replug() -> None:
    cam = SimulatedCamera("good", realtime=False)
    cam.open()
    cam.read()
    cam.unplug()
    with pytest.raises(DeviceError) as info:
        cam.read()
    assert info.value.code == "camera.disconnected"
    assert info.value.text().startswith("Mất kết nối máy ảnh")
    with pytest.raises(DeviceUnavailable):
        cam.open()
    cam.replug()
    cam.open()
    assert cam.read().image.shape == (480, 640, 3)


def test_scripted_unplug_returns_by_itself() -> None:
    steps = (Step(SCENARIOS["good"][0].scene, hold_s=0.2, move_s=0.0),
             Step(SCENARIOS["good"][0].scene, hold_s=60, move_s=0.0, unplug_s=0.2))
    cam = SimulatedCamera(steps, realtime=False, fps=10)
    cam.open()
    cam.read()
    cam.read()
    with pytest.raises(DeviceError):
        cam.read()
    deadline = time.monotonic() + 2
    while True:
        try:
            cam.open()
            break
        except DeviceUnavailable:
            assert time.monotonic() < deadline
            time.sleep(0.02)
    assert cam.read().sequence == 3


def test_black_and_frozen_scenarios() -> None:
    black = SimulatedCamera("black", realtime=False)
    black.open()
    assert black.read().image.max() < 20
    frozen = SimulatedCamera("frozen", realtime=False)
    frozen.open()
    a, b = frozen.read().image, frozen.read().image
    assert np.array_equal(a, b)


def test_unknown_scenario_is_a_clear_message() -> None:
    with pytest.raises(DeviceUnavailable) as info:
        SimulatedCamera("nope")
    assert "demo" in info.value.text("en")


def test_file_source_plays_a_video_and_loops(tmp_path: Path) -> None:
    video = write_video(tmp_path / "session.avi", frames=6)
    cam = FileCamera(video, realtime=False)
    cam.open()
    assert (cam.info.width, cam.info.height) == (640, 480)
    seen = [cam.read() for _ in range(9)]  # 6 frames, then the loop starts again
    assert seen[-1].sequence == 9
    assert seen[0].image.shape == (480, 640, 3)
    assert cam.still().image.shape == (480, 640, 3)
    cam.close()
    once = FileCamera(video, realtime=False, loop=False)
    once.open()
    for _ in range(6):
        once.read()
    with pytest.raises(DeviceError) as info:
        once.read()
    assert info.value.code == "camera.end_of_file"


def test_file_source_plays_a_folder_of_odd_images(tmp_path: Path) -> None:
    good = render(SCENARIOS["good"][0].scene)
    cv2.imwrite(str(tmp_path / "a.png"), cv2.cvtColor(good, cv2.COLOR_BGR2GRAY))
    cv2.imwrite(str(tmp_path / "b.png"), cv2.cvtColor(good, cv2.COLOR_BGR2BGRA))
    cv2.imwrite(str(tmp_path / "c.jpg"), cv2.resize(good, (333, 251)))
    (tmp_path / "notes.txt").write_text("not an image", encoding="utf-8")
    cam = FileCamera(tmp_path, realtime=False)
    cam.open()
    frames = [cam.read().image for _ in range(3)]
    assert [f.shape for f in frames] == [(480, 640, 3), (480, 640, 3), (251, 333, 3)]
    assert all(assess(f).faces == 1 for f in frames)


def test_corrupt_video_is_a_clear_message(tmp_path: Path) -> None:
    bad = tmp_path / "broken.avi"
    bad.write_bytes(b"RIFF\x00\x00\x00\x00AVI " + bytes(range(256)) * 40)
    cam = FileCamera(bad, realtime=False)
    with pytest.raises(DeviceError) as info:
        cam.open()
    assert info.value.code == "camera.file_unreadable"
    assert "broken.avi" in info.value.text("vi")
    assert info.value.text("vi").startswith("Không đọc được")
    with pytest.raises(DeviceUnavailable):
        FileCamera(tmp_path / "missing.avi").open()


def test_truncated_video_still_plays_what_it_has(tmp_path: Path) -> None:
    video = write_video(tmp_path / "cut.avi", frames=10)
    data = video.read_bytes()
    video.write_bytes(data[: len(data) // 2])
    cam = FileCamera(video, realtime=False)
    cam.open()
    frames = []
    for _ in range(12):
        try:
            frames.append(cam.read())
        except DeviceError as exc:
            assert exc.code in ("camera.file_unreadable", "camera.end_of_file")
            break
    assert frames and frames[0].image.shape == (480, 640, 3)


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A TCP server that accepts connections and never answers (a hung IP camera)."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        srv.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(srv.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield srv.getsockname()[1]
    stop.set()
    thread.join(2)
    for conn in held:
        conn.close()
    srv.close()


def test_url_that_does_not_answer_times_out_with_a_message(silent_server: int) -> None:
    cam = OpenCVCamera(f"http://127.0.0.1:{silent_server}/video.mjpg", open_timeout_s=1.0,
                       read_timeout_s=1.0)
    t0 = time.monotonic()
    with pytest.raises(DeviceError) as info:
        cam.open()
    elapsed = time.monotonic() - t0
    cam.close()
    assert elapsed < 3.0
    assert info.value.code in ("camera.open_timeout", "camera.not_found")
    assert "127.0.0.1" in info.value.text("vi")


def test_url_refused_is_not_found_quickly() -> None:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    cam = OpenCVCamera(f"http://127.0.0.1:{port}/video.mjpg", open_timeout_s=2.0)
    t0 = time.monotonic()
    with pytest.raises(DeviceError) as info:
        cam.open()
    cam.close()
    assert time.monotonic() - t0 < 2.5
    assert info.value.code in ("camera.not_found", "camera.open_timeout")


def test_opencv_adapter_reads_latest_frames_from_a_video_url(tmp_path: Path) -> None:
    """A file URL goes through the same VideoCapture thread as a network stream."""
    video = write_video(tmp_path / "v.avi", frames=30)
    cam = OpenCVCamera(f"file://{video}", open_timeout_s=5.0, read_timeout_s=2.0)
    cam.open()
    first = cam.read()
    time.sleep(0.05)  # let the grabber run ahead; read must skip to the newest frame
    second = cam.read()
    assert second.sequence > first.sequence
    assert first.image.shape == (480, 640, 3)
    # The file ends: the adapter reports the camera as gone, not a hang.
    with pytest.raises(DeviceError) as info:
        for _ in range(100):
            cam.read(timeout_s=2.0)
    assert info.value.code == "camera.disconnected"
    cam.close()


def test_bad_index_source_is_a_clear_message() -> None:
    cam = OpenCVCamera("front-door", open_timeout_s=1.0)
    with pytest.raises(DeviceUnavailable) as info:
        cam.open()
    assert info.value.code == "camera.bad_source"


def test_selection_by_settings_values(tmp_path: Path) -> None:
    from workstation.settings import load_settings

    settings = load_settings(environ={"WORKSTATION_CAMERA_ADAPTER": "simulator",
                                      "WORKSTATION_CAMERA_SIMULATOR_SCENARIO": "bad"})
    opts = CameraOptions.from_settings(settings.section("camera"))
    cam = make_camera(opts)
    assert isinstance(cam, SimulatedCamera) and cam.info.source == "bad"
    video = write_video(tmp_path / "x.avi", frames=3)
    assert isinstance(make_camera(opts, adapter="auto", source=str(video)), FileCamera)
    assert isinstance(make_camera(opts, adapter="opencv", source="rtsp://10.0.0.9/s"),
                      OpenCVCamera)
    cam2 = make_camera("simulator", "bad")
    assert isinstance(cam2, SimulatedCamera) and cam2.info.source == "bad"
    with pytest.raises(DeviceUnavailable) as info:
        make_camera(opts, adapter="webcam9000")
    assert info.value.code == "camera.unknown_adapter"


def test_no_camera_gives_the_simulator_or_a_message_as_settings_say() -> None:
    # Index 57 is never present on this machine (no /dev/video57).
    with pytest.raises(DeviceUnavailable) as info:
        make_camera(CameraOptions(adapter="auto", source="57"))
    assert info.value.code == "camera.none"
    assert "57" in info.value.text("vi")
    cam = open_camera(CameraOptions(adapter="auto", source="57", fallback_to_simulator=True))
    assert isinstance(cam, SimulatedCamera)
    assert cam.read().image.shape == (480, 640, 3)


def test_ip_camera_over_http_slow_then_off_then_on_again() -> None:
    from devices.camera.ipcam import SimulatedIpCamera

    with SimulatedIpCamera("good", fps=8) as ipcam:
        cam = OpenCVCamera(ipcam.url, fps=30, open_timeout_s=5.0, read_timeout_s=2.0)
        cam.open()
        meter = RateMeter(window=8)
        frames = []
        for _ in range(9):
            frame = cam.read()
            frames.append(frame)
            meter.update(frame.timestamp)
        assert frames[0].image.shape == (480, 640, 3)
        assert assess(frames[-1].image).passed
        # Asked for 30 fps, the camera sends 8: the shortfall is measured and flagged.
        assert 5.0 < meter.fps < 11.0 and meter.is_slow(30.0)
        ipcam.stop()  # switched off at the wall
        with pytest.raises(DeviceError) as info:
            for _ in range(100):
                cam.read()
        assert info.value.code == "camera.disconnected"
        cam.close()
        with pytest.raises(DeviceError):
            OpenCVCamera(ipcam.url, open_timeout_s=2.0).open()
        ipcam.start()  # and on again, same address
        cam.open()
        assert cam.read().image.shape == (480, 640, 3)
        cam.close()
