"""Face quality checks on a labelled set of generated images, and the per-frame helpers."""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np
import pytest

from devices.camera.quality import (
    CHECK_ORDER,
    AutoCapture,
    FrameWatch,
    QualityThresholds,
    assess,
    is_black,
)
from devices.camera.simulator import GOOD, render
from resources.messages import has_message, message


def test_each_labelled_image_gets_its_verdict(labelled: tuple) -> None:
    name, image, passes, check, instruction = labelled
    report = assess(image)
    assert report.passed is passes, (name, report.to_dict())
    assert report.instruction == instruction, (name, report.to_dict())
    if check is not None:
        assert check in report.failed
        assert report.check(check).instruction == instruction
    # Every instruction is translated, Vietnamese by default.
    assert has_message(report.instruction)
    assert message(report.instruction) != message(report.instruction, "en")


def test_good_image_measures_fall_where_expected() -> None:
    report = assess(render(GOOD))
    assert report.faces == 1
    assert [c.name for c in report.checks] == list(CHECK_ORDER)
    assert 0.50 <= report.check("head_size").value <= 0.72  # type: ignore[operator]
    assert abs(report.check("roll").value) < 6  # type: ignore[arg-type]
    assert abs(report.check("pose").value) < 6  # type: ignore[arg-type]
    assert report.check("sharpness").value > 150  # type: ignore[operator]
    assert len(report.eyes) == 2
    d = report.to_dict()
    assert d["passed"] is True and d["checks"]["eyes"]["passed"] is True


def test_no_face_leaves_the_other_checks_unmeasured() -> None:
    report = assess(render(replace(GOOD, present=False)))
    assert report.head is None
    assert all(not c.measured for c in report.checks[1:])


def test_tilt_is_measured_in_degrees_and_its_sign_follows_the_head() -> None:
    right = assess(render(replace(GOOD, roll=12.0))).check("roll").value
    left = assess(render(replace(GOOD, roll=-12.0))).check("roll").value
    assert right is not None and left is not None
    assert 8 < right < 17 and -17 < left < -8


def test_thresholds_come_from_settings_values() -> None:
    t = QualityThresholds.from_settings({"min_sharpness": "900", "camera.max_roll_deg": 2,
                                         "adapter": "auto"})
    assert t.min_sharpness == 900.0 and t.max_roll_deg == 2.0
    report = assess(render(GOOD), t)
    assert "sharpness" in report.failed


def test_settings_section_feeds_thresholds() -> None:
    from workstation.settings import load_settings

    settings = load_settings(environ={"WORKSTATION_CAMERA_MIN_BRIGHTNESS": "190"})
    t = QualityThresholds.from_settings(settings.section("camera"))
    assert t.min_brightness == 190.0
    assert assess(render(GOOD), t).instruction == "camera.too_dark"


@pytest.mark.parametrize("kind", ["grey", "bgra", "grey3d", "uint16", "float"])
def test_other_channel_layouts_give_the_same_verdict(kind: str) -> None:
    bgr = render(GOOD)
    image: np.ndarray
    if kind == "grey":
        image = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    elif kind == "grey3d":
        image = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)[:, :, None]
    elif kind == "bgra":
        image = cv2.cvtColor(bgr, cv2.COLOR_BGR2BGRA)
    elif kind == "uint16":
        image = bgr.astype(np.uint16) * 257
    else:
        image = bgr.astype(np.float32) / 255.0
    report = assess(image)
    assert report.passed, report.to_dict()


@pytest.mark.parametrize("size", [(333, 257), (1920, 1080), (481, 641)])
def test_odd_sizes_are_handled(size: tuple[int, int]) -> None:
    w, h = size
    report = assess(render(GOOD, w, h))
    assert report.width == w and report.height == h
    assert report.faces == 1
    assert report.head is not None and abs(report.head.cx / w - 0.5) < 0.05


@pytest.mark.parametrize("shape", [(1, 1), (7, 5, 3), (30, 40, 4), (0, 0, 3)])
def test_tiny_or_empty_frames_say_no_face(shape: tuple[int, ...]) -> None:
    if 0 in shape:
        with pytest.raises(ValueError):
            assess(np.zeros(shape, np.uint8))
        return
    report = assess(np.full(shape, 128, np.uint8))
    assert not report.passed and report.instruction == "camera.no_face"


def test_not_an_image_is_refused() -> None:
    with pytest.raises(ValueError):
        assess(np.zeros((10, 10, 2), np.uint8))


def test_black_and_frozen_frames_are_noticed() -> None:
    watch = FrameWatch(black_after=3, frozen_after=4)
    black = np.zeros((480, 640, 3), np.uint8)
    assert is_black(black) and not is_black(render(GOOD))
    verdicts = [watch.update(black) for _ in range(4)]
    assert verdicts[:2] == [None, None] and verdicts[-1] == "camera.black_frames"
    frozen = render(GOOD)
    watch = FrameWatch(black_after=3, frozen_after=4)
    assert [watch.update(frozen) for _ in range(5)][-1] == "camera.frozen"
    rng = np.random.default_rng(1)
    watch = FrameWatch(black_after=3, frozen_after=4)
    live = [watch.update(cv2.add(frozen, rng.integers(0, 4, frozen.shape, np.uint8)))
            for _ in range(8)]
    assert live == [None] * 8


def test_auto_capture_fires_once_after_n_good_frames_in_a_row() -> None:
    good, bad = assess(render(GOOD)), assess(render(replace(GOOD, light=0.3)))
    gate = AutoCapture(3)
    assert [gate.update(r) for r in (good, good, bad, good, good)] == [False] * 5
    assert gate.update(good) is True
    assert gate.update(good) is False  # fires once until re-armed
    gate.rearm()
    assert [gate.update(good) for _ in range(3)] == [False, False, True]


def test_pose_estimate_from_the_eye_midpoint() -> None:
    from devices.camera.quality import Box, check_pose, check_roll, yaw_degrees

    face = Box(100, 100, 200, 200)
    t = QualityThresholds()
    straight = ((160.0, 170.0), (240.0, 170.0))
    turned = ((185.0, 170.0), (265.0, 170.0))  # midpoint 25 px right of the box centre
    assert yaw_degrees(straight, face) == 0.0
    assert 14 < yaw_degrees(turned, face) < 15  # asin(2 * 25 / 200)
    assert check_pose(straight, face, t).passed
    result = check_pose(turned, face, t)
    assert not result.passed and result.instruction == "camera.look_straight"
    assert not check_pose(None, face, t).measured
    tilted = ((160.0, 160.0), (240.0, 180.0))
    assert not check_roll(tilted, t).passed and check_roll(tilted, t).value == pytest.approx(
        14.04, abs=0.01)
