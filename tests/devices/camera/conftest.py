"""Labelled test images generated from the sample face (public domain, no real applicant)."""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np
import pytest

from devices.camera.simulator import GOOD, Scene, render


def busy_background(scene: Scene = GOOD, width: int = 640, height: int = 480) -> np.ndarray:
    """The scene in front of a striped, cluttered wall instead of a plain one."""
    person = render(scene, width, height)
    empty = render(replace(scene, present=False), width, height)
    mask = (np.abs(person.astype(np.int16) - empty.astype(np.int16)).max(axis=2) > 6)
    mask = cv2.dilate(mask.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
    yy, xx = np.mgrid[0:height, 0:width]
    stripes = (((xx // 18) + (yy // 30)) % 2 * 150 + 60).astype(np.uint8)
    wall = np.dstack([stripes, (stripes * 0.8).astype(np.uint8), stripes // 2])
    return np.where(mask[:, :, None], person, wall).astype(np.uint8)


def glare() -> np.ndarray:
    """A burnt-out reflection on the forehead (flash on sweaty skin), exposure otherwise fine."""
    image = render(GOOD)
    cv2.ellipse(image, (320, 190), (42, 26), 0, 0, 360, (255, 255, 255), -1, cv2.LINE_AA)
    return image


# name -> (image maker, passes?, the failing check that decides, the instruction shown)
LABELLED = {
    "good": (lambda: render(GOOD), True, None, "camera.ok_hold_still"),
    "dark": (lambda: render(replace(GOOD, light=0.35)), False, "exposure", "camera.too_dark"),
    "bright": (lambda: render(replace(GOOD, light=1.3)), False, "exposure", "camera.too_bright"),
    "blurred": (lambda: render(replace(GOOD, blur=4.5)), False, "sharpness", "camera.hold_still"),
    "off_centre_left": (lambda: render(replace(GOOD, x=0.28)), False, "centred",
                        "camera.move_left"),
    "off_centre_right": (lambda: render(replace(GOOD, x=0.72)), False, "centred",
                         "camera.move_right"),
    "two_faces": (lambda: render(replace(GOOD, second=True)), False, "one_face",
                  "camera.one_person_only"),
    "no_face": (lambda: render(replace(GOOD, present=False)), False, "one_face",
                "camera.no_face"),
    "tilted": (lambda: render(replace(GOOD, roll=14.0)), False, "roll", "camera.head_straight"),
    "too_small": (lambda: render(replace(GOOD, scale=0.30)), False, "head_size",
                  "camera.move_closer"),
    "too_big": (lambda: render(replace(GOOD, scale=0.90, y=0.5)), False, "head_size",
                "camera.move_back"),
    "glare": (glare, False, "clipping", "camera.glare"),
    "busy_background": (busy_background, False, "background", "camera.plain_background"),
}


@pytest.fixture(params=sorted(LABELLED))
def labelled(request: pytest.FixtureRequest) -> tuple[str, np.ndarray, bool, str | None, str]:
    make, passes, check, instruction = LABELLED[request.param]
    return request.param, make(), passes, check, instruction
