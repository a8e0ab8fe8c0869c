"""Synthetic prints, the NFIQ 2-like quality, slap segmentation and iris quality."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import spearmanr

from devices.fingerprint import synth
from devices.fingerprint.model import Degradation, Eye, Finger, Slap
from devices.fingerprint.quality import finger_quality, finger_score, iris_quality
from devices.fingerprint.segment import segment_slap

FINGERS = list(Finger)


def test_prints_are_seeded_per_person_and_finger() -> None:
    a = synth.impression(3, Finger.LEFT_INDEX, seed=1)
    assert a.shape == synth.FLAT_SHAPE and a.dtype == np.uint8
    assert np.array_equal(a, synth.impression(3, Finger.LEFT_INDEX, seed=1))
    assert not np.array_equal(synth.master_pattern(3, Finger.LEFT_INDEX),
                              synth.master_pattern(3, Finger.RIGHT_INDEX))
    assert not np.array_equal(synth.master_pattern(3, Finger.LEFT_INDEX),
                              synth.master_pattern(4, Finger.LEFT_INDEX))
    # Ridges: dark lines about 9-10 px apart at 500 ppi.
    q = finger_quality(a)
    assert 7.0 <= q.ridge_period_px <= 13.0
    assert q.score >= 60


@pytest.mark.parametrize("kind", ["dry", "wet", "smudge", "partial"])
def test_quality_falls_as_degradation_rises(kind: str) -> None:
    levels, scores = [], []
    for i in range(6):
        for level in range(5):
            img = synth.impression(20 + i, FINGERS[i % 10],
                                   degradation=Degradation(**{kind: level}), seed=level)
            levels.append(level)
            scores.append(finger_score(img))
    rho = spearmanr(levels, scores)[0]
    assert rho <= -0.8, (kind, rho, scores)


def test_rotation_alone_does_not_ruin_quality() -> None:
    for i in range(4):
        straight = finger_score(synth.impression(40 + i, FINGERS[i], seed=0))
        turned = finger_score(synth.impression(40 + i, FINGERS[i], seed=0,
                                               degradation=Degradation(rotation=2)))
        assert turned >= 40 and abs(turned - straight) <= 25


@pytest.mark.parametrize("value", [0, 255, 128])
def test_blank_images_score_zero(value: int) -> None:
    q = finger_quality(np.full((500, 400), value, np.uint8))
    assert q.score == 0 and q.blank


def test_noise_is_not_a_fingerprint() -> None:
    rng = np.random.default_rng(0)
    noise = rng.integers(0, 255, (500, 400)).astype(np.uint8)
    assert finger_score(noise) < 25


def test_slaps_are_segmented_and_missing_fingers_named() -> None:
    for person in (1, 2):
        for slap in Slap:
            for absent in [(), (slap.fingers[0],), (slap.fingers[-1],)]:
                seg = segment_slap(synth.slap_image(person, slap, absent=absent, seed=person),
                                   slap)
                assert seg.missing == absent, (person, slap, absent)
                assert seg.found == seg.expected - len(absent)
                assert [b.finger for b in seg.boxes] == [f for f in slap.fingers
                                                         if f not in absent]
                assert all(b.quality >= 40 for b in seg.boxes)


def test_a_middle_finger_missing_from_a_slap() -> None:
    slap = Slap.RIGHT_FOUR
    seg = segment_slap(synth.slap_image(8, slap, absent=(Finger.RIGHT_MIDDLE,), seed=2), slap)
    assert seg.found == 3 and seg.expected == 4
    assert seg.missing == (Finger.RIGHT_MIDDLE,)


def test_an_empty_platen_has_no_fingers() -> None:
    seg = segment_slap(np.full(synth.SLAP_SHAPE, 230, np.uint8), Slap.LEFT_FOUR)
    assert seg.found == 0 and len(seg.missing) == 4


def test_iris_quality_falls_with_blur_and_lids() -> None:
    sharp = iris_quality(synth.iris_image(5, Eye.LEFT, blur=0.0, occlusion=0.1))
    assert sharp.found and sharp.score >= 80
    assert 100 <= sharp.iris_radius_px <= 130
    blurred = [iris_quality(synth.iris_image(5, Eye.LEFT, blur=b)).score for b in (0, 1, 2, 4)]
    assert blurred == sorted(blurred, reverse=True) and blurred[-1] < 40
    lids = [iris_quality(synth.iris_image(5, Eye.RIGHT, occlusion=o)).visible_fraction
            for o in (0.1, 0.4, 0.7)]
    assert lids == sorted(lids, reverse=True) and lids[-1] < 0.85
    assert iris_quality(np.full((480, 640), 200, np.uint8)).score == 0
