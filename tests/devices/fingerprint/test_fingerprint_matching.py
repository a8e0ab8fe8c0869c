"""The duplicate-finger matcher on generated pairs (a sample here; 1,000 pairs in the bench)."""

from __future__ import annotations

import numpy as np

from devices.fingerprint import synth
from devices.fingerprint.matcher import SAME_FINGER_INLIERS, match_score, same_finger, template
from devices.fingerprint.model import Degradation, Finger
from devices.fingerprint.quality import finger_score

FINGERS = list(Finger)
KINDS = ("dry", "wet", "smudge", "partial", "rotation")


def accepted_impression(rng: np.random.Generator, person: int, finger: Finger,
                        seed: int) -> np.ndarray:
    """An impression with a random mild defect that passes the quality threshold (40),
    as the prints the duplicate check compares in an enrollment do."""
    while True:
        kind = KINDS[int(rng.integers(0, len(KINDS)))]
        img = synth.impression(person, finger, seed=seed,
                               degradation=Degradation(**{kind: int(rng.integers(0, 3))}))
        if finger_score(img) >= 40:
            return img
        seed += 100


def test_same_finger_is_caught_and_different_fingers_are_not() -> None:
    """30 same-finger pairs and 90 different-finger pairs (same person and other people)."""
    rng = np.random.default_rng(2024)
    firsts, seconds = [], []
    for i in range(30):
        person, finger = 500 + i, FINGERS[i % 10]
        firsts.append(template(accepted_impression(rng, person, finger, 1)))
        seconds.append(template(accepted_impression(rng, person, finger, 2)))
    genuine = [match_score(a, b) for a, b in zip(firsts, seconds, strict=True)]
    # Different fingers: the next finger of the same person, and other people's prints.
    impostor = [match_score(firsts[i], seconds[(i + k) % 30]) for i in range(30)
                for k in (1, 7, 19)]
    caught = np.mean([g >= SAME_FINGER_INLIERS for g in genuine])
    false_alarms = np.mean([s >= SAME_FINGER_INLIERS for s in impostor])
    assert caught >= 0.9, sorted(genuine)
    assert false_alarms <= 0.01, sorted(impostor)[-5:]


def test_rotated_and_shifted_impressions_still_match() -> None:
    a = template(synth.impression(77, Finger.RIGHT_INDEX, seed=1, rotation_deg=0))
    b = template(synth.impression(77, Finger.RIGHT_INDEX, seed=2, rotation_deg=25))
    assert same_finger(a, b)


def test_empty_templates_do_not_match() -> None:
    blank = template(np.full((500, 400), 240, np.uint8))
    assert blank.size == 0
    other = template(synth.impression(1, Finger.LEFT_THUMB))
    assert match_score(blank, other) == 0 and not same_finger(blank, other)
