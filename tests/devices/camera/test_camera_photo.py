"""The card photo: ICAO geometry of the crop, JPEG encoding and its quality report."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest

from devices.camera.photo import (
    PhotoSpec,
    card_crop,
    decode_jpeg,
    make_card_photo,
    measure_head_fraction,
)
from devices.camera.quality import Box, Head, assess
from devices.camera.simulator import GOOD, render
from devices.errors import DeviceError


def test_card_photo_from_a_good_still_meets_icao_geometry() -> None:
    still = render(GOOD, 1280, 960)
    photo = make_card_photo(still)
    assert photo.passed, photo.to_dict()
    image = decode_jpeg(photo.jpeg)
    assert image.shape == (640, 480, 3)  # portrait 3:4
    assert photo.jpeg[:2] == b"\xff\xd8" and len(photo.jpeg) < 120_000
    # Measured afresh on the photo itself: head 70-80 % of the height (detection tolerance).
    assert 0.68 <= photo.head_fraction <= 0.82
    report = assess(image)
    assert report.head is not None
    assert abs(report.head.cx / 480 - 0.5) < 0.04  # centred horizontally
    assert report.eyes and all(y < 0.5 * 640 for _, y in report.eyes)  # eyes in upper half
    d = photo.to_dict()
    json.dumps(d)  # a JSON-friendly report travels with the JPEG
    assert d["photo"]["width"] == 480 and d["still"]["passed"] is True


def test_card_photo_of_a_far_subject_is_upscaled_and_of_an_edge_subject_padded() -> None:
    far = make_card_photo(render(replace(GOOD, scale=0.45), 1280, 960))
    assert not far.padded and 0.66 <= far.head_fraction <= 0.84
    edge = make_card_photo(render(replace(GOOD, x=0.2), 1280, 960))
    assert edge.padded and not edge.passed


def test_custom_spec_and_geometry() -> None:
    spec = PhotoSpec(width=300, height=400, head_fraction=0.72, jpeg_quality=80)
    head = Head.from_face(Box(100, 100, 100, 100))
    out, padded = card_crop(np.full((600, 600, 3), 200, np.uint8), head, spec)
    assert out.shape == (400, 300, 3) and not padded
    photo = make_card_photo(render(GOOD, 1280, 960), spec=spec)
    assert decode_jpeg(photo.jpeg).shape == (400, 300, 3)
    assert abs(measure_head_fraction(photo.image) - 0.72) < 0.06
    with pytest.raises(ValueError):
        PhotoSpec(head_fraction=0.9)


def test_no_face_in_the_still_is_refused_with_a_code() -> None:
    with pytest.raises(DeviceError) as info:
        make_card_photo(render(replace(GOOD, present=False), 1280, 960))
    assert info.value.code == "camera.no_face"


def test_grey_still_gives_a_colour_jpeg() -> None:
    grey = render(GOOD, 1280, 960)[:, :, 1].copy()
    photo = make_card_photo(grey)
    assert decode_jpeg(photo.jpeg).shape == (640, 480, 3)


def test_bad_jpeg_bytes_are_refused() -> None:
    with pytest.raises(DeviceError):
        decode_jpeg(b"not a jpeg")
