"""The ten-print sequence (no device: captures are built from generated prints), storage and
the adapter registry."""

from __future__ import annotations

import numpy as np
import pytest

from devices.errors import DeviceError
from devices.fingerprint import storage, synth
from devices.fingerprint.model import (
    Degradation,
    ExceptionKind,
    Eye,
    Finger,
    FingerSample,
    IrisCapture,
    IrisSample,
    Slap,
    SlapCapture,
)
from devices.fingerprint.quality import finger_score
from devices.fingerprint.registry import discover, open_devices
from devices.fingerprint.sequence import (
    EnrollmentSequence,
    FingerStatus,
    StepStatus,
)

PERSON = 314


def sample(finger: Finger, *, shown: Finger | None = None, seed: int = 1,
           degradation: Degradation | None = None, person: int = PERSON) -> FingerSample:
    img = synth.impression(person, shown or finger, seed=seed, degradation=degradation)
    return FingerSample(finger, img, finger_score(img), "SN-TEST")


def capture_for(seq: EnrollmentSequence, *, skip: tuple[Finger, ...] = (),
                bad: tuple[Finger, ...] = (), seed: int = 1,
                swap: dict[Finger, Finger] | None = None) -> SlapCapture:
    req = seq.request()
    samples = []
    for f in req.to_capture:
        if f in skip:
            continue
        deg = Degradation(wet=4) if f in bad else None
        samples.append(sample(f, shown=(swap or {}).get(f), seed=seed, degradation=deg))
    return SlapCapture(req.slap, tuple(samples), req.fingers,
                       tuple(f for f in req.to_capture if f in skip))


def test_slaps_run_right_left_thumbs_and_complete() -> None:
    seq = EnrollmentSequence("slaps", duplicate_check=False)
    prompts = []
    while seq.current is not None:
        prompts.append(seq.current.prompt)
        assert seq.record(capture_for(seq)).status is StepStatus.DONE
    assert prompts == ["fingerprint.prompt.right_four", "fingerprint.prompt.left_four",
                       "fingerprint.prompt.two_thumbs"]
    result = seq.result()
    assert result.captured == 10 and result.exceptions == 0
    assert all(r.sample is not None and r.sample.quality >= 40 for r in result.fingers)


def test_partial_slap_is_never_accepted_silently() -> None:
    seq = EnrollmentSequence("slaps", retries=2, duplicate_check=False)
    first = seq.record(capture_for(seq, skip=(Finger.RIGHT_RING,)))
    assert first.status is StepStatus.RETRY
    assert first.missing == (Finger.RIGHT_RING,)
    partial = first.notices[0]
    assert partial.code == "fingerprint.partial_slap"
    assert partial.kwargs()["found"] == 3 and partial.kwargs()["expected"] == 4
    second = seq.record(capture_for(seq, skip=(Finger.RIGHT_RING,), seed=2))
    assert second.status is StepStatus.NEEDS_EXCEPTION
    assert second.missing == (Finger.RIGHT_RING,)
    assert seq.current is not None and seq.current.slap is Slap.RIGHT_FOUR
    with pytest.raises(ValueError):
        seq.mark_exception(Finger.RIGHT_RING, ExceptionKind.AMPUTATED, "   ")
    seq.mark_exception(Finger.RIGHT_RING, ExceptionKind.AMPUTATED, "Cụt  đốt  ngón")
    assert seq.current is not None and seq.current.slap is Slap.LEFT_FOUR
    while seq.current is not None:
        assert seq.record(capture_for(seq)).status is StepStatus.DONE
    ring = seq.result().finger(Finger.RIGHT_RING)
    assert ring.sample is None and ring.exception is not None
    assert ring.exception.kind is ExceptionKind.AMPUTATED
    assert ring.exception.reason == "Cụt đốt ngón"


def test_exception_fingers_are_not_requested_again() -> None:
    seq = EnrollmentSequence("slaps", duplicate_check=False)
    seq.mark_exception(Finger.LEFT_INDEX, ExceptionKind.BANDAGED, "băng bó")
    seq.record(capture_for(seq))
    req = seq.request()
    assert req.slap is Slap.LEFT_FOUR
    assert req.exceptions == (Finger.LEFT_INDEX,)
    assert Finger.LEFT_INDEX not in req.to_capture


def test_low_quality_is_retried_and_the_best_attempt_kept() -> None:
    seq = EnrollmentSequence("single", retries=3, duplicate_check=False)
    finger = seq.request().fingers[0]
    results = []
    qualities = []
    for attempt, level in enumerate((4, 3, 4)):
        s = sample(finger, seed=attempt + 1, degradation=Degradation(wet=level))
        qualities.append(s.quality)
        results.append(seq.record(SlapCapture(None, (s,), (finger,))))
    assert max(qualities) < 40
    assert [r.status for r in results] == [StepStatus.RETRY, StepStatus.RETRY, StepStatus.DONE]
    assert results[0].notices[0].code == "fingerprint.low_quality"
    assert results[-1].notices[-1].code == "fingerprint.kept_best"
    state = seq.states[finger]
    assert state.status is FingerStatus.KEPT_LOW
    assert state.best is not None and state.best.quality == max(qualities)
    assert state.attempts == 3


def test_the_same_finger_presented_twice_is_caught() -> None:
    seq = EnrollmentSequence("slaps")
    assert seq.record(capture_for(seq)).status is StepStatus.DONE
    assert seq.record(capture_for(seq)).status is StepStatus.DONE
    # Thumbs: the right index is put down again instead of the right thumb.
    res = seq.record(capture_for(seq, swap={Finger.RIGHT_THUMB: Finger.RIGHT_INDEX}, seed=5))
    assert res.status is StepStatus.RETRY
    assert res.duplicates == ((Finger.RIGHT_THUMB, Finger.RIGHT_INDEX),)
    assert any(n.code == "fingerprint.duplicate" for n in res.notices)
    assert seq.states[Finger.RIGHT_THUMB].best is None
    assert seq.record(capture_for(seq, seed=6)).status is StepStatus.DONE
    assert seq.complete


def test_single_mode_takes_ten_steps_and_retake_goes_back() -> None:
    seq = EnrollmentSequence("single", duplicate_check=False)
    assert len(seq.steps) == 10
    assert seq.current is not None and seq.current.fingers == (Finger.RIGHT_THUMB,)
    seq.mark_exception(Finger.RIGHT_INDEX, ExceptionKind.CANNOT_CAPTURE, "sẹo bỏng")
    seq.record(capture_for(seq))
    assert seq.current is not None and seq.current.fingers == (Finger.RIGHT_MIDDLE,)
    with pytest.raises(RuntimeError):
        seq.result()
    step = seq.go_to(Finger.RIGHT_THUMB)
    assert seq.current == step and seq.states[Finger.RIGHT_THUMB].best is None


def test_iris_keeps_the_best_and_exceptions() -> None:
    seq = EnrollmentSequence("single")
    img = synth.iris_image(3, Eye.LEFT)
    seq.record_iris(IrisCapture((IrisSample(Eye.LEFT, img, 50, "SI"),), (Eye.LEFT, Eye.RIGHT)))
    seq.record_iris(IrisCapture((IrisSample(Eye.LEFT, img, 80, "SI"),), (Eye.LEFT, Eye.RIGHT)))
    seq.mark_iris_exception("Right", ExceptionKind.MISSING, "mắt giả")
    assert seq.iris["Left"].quality == 80 and "Right" in seq.iris_exceptions


@pytest.mark.parametrize("fmt", ["wsq", "png"])
def test_storage_round_trip_with_metadata(fmt: str) -> None:
    s = sample(Finger.LEFT_MIDDLE)
    stored = storage.store_finger(s, fmt)
    assert stored.format == fmt and stored.ppi == 500
    assert stored.media_type == ("image/x-wsq" if fmt == "wsq" else "image/png")
    back = storage.decode(stored.data)
    assert back.shape == s.image.shape
    err = float(np.abs(back.astype(int) - s.image.astype(int)).mean())
    assert err == 0 if fmt == "png" else err < 12
    meta = storage.read_metadata(stored.data)
    assert meta["PPI"] == "500" and meta["FGP"] == "8" and meta["POSITION"] == "left_middle"
    assert stored.metadata()["position"] == "left_middle"
    if fmt == "wsq":
        assert len(stored.data) < s.image.size / 5  # WSQ compresses about 12:1


def test_iris_storage_is_lossless_png() -> None:
    img = synth.iris_image(2, Eye.RIGHT)
    stored = storage.store_iris(IrisSample(Eye.RIGHT, img, 90, "SI"))
    assert stored.format == "png" and np.array_equal(storage.decode(stored.data), img)
    assert storage.read_metadata(stored.data)["EYE"] == "right"


def test_registry_opens_the_simulator_and_reports_bad_settings() -> None:
    devices = open_devices({"adapter": "simulator", "sbi_ports": "4501-4600",
                            "simulator_delay_ms": 0})
    try:
        info = devices.scanner.device_info()
        assert info.serial and info.trusted and devices.iris is not None
        assert devices.simulator is not None and devices.simulator.state.delay_ms == 0
    finally:
        devices.close()
    no_iris = open_devices({"adapter": "simulator", "simulator_delay_ms": 0,
                            "simulator_iris": False})
    try:
        assert no_iris.iris is None
    finally:
        no_iris.close()
    with pytest.raises(DeviceError) as exc:
        open_devices({"adapter": "sbi", "sbi_ports": "nonsense"})
    assert exc.value.code == "fingerprint.settings_bad"
    assert discover({"adapter": "sbi", "sbi_ports": "1-3"}) == []
    assert discover({"adapter": "simulator"})[0].kind == "simulator"
