"""Fingerprint benchmark: quality, segmentation, matching, a ten-print run over SBI, and the
duplicate-finger check on 1,000 generated pairs. Prints one JSON object on its last line.

- ``quality_ms_p95``: NFIQ 2-like score of one 500x500 print.
- ``segment_ms_p95``: one 4-finger or thumbs slap (1600x1500) cut into fingers, each scored.
- ``match_ms_p95``: comparing two templates (what the duplicate check does per pair; each
  finger's template is extracted once, ``template_ms_p95``); ``pair_ms_p95`` is both
  extractions plus the comparison.
- ``ten_print_program_s``: the whole 4-4-2 sequence (3 RCAPTUREs, decoding, verification,
  quality, duplicate check) through the SBI simulator running as its own process with zero
  device delay, minus the time spent waiting for the device's answer (``device_s``, where
  the simulator makes its synthetic images); ``ten_print_wall_s`` is the total.
- ``duplicate_*``: 500 same-finger pairs and 500 different-finger pairs (half of them other
  fingers of the same person), each print with a random mild defect and passing the quality
  threshold of 40, as in an enrollment.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from devices.fingerprint import synth  # noqa: E402
from devices.fingerprint.matcher import (  # noqa: E402
    SAME_FINGER_INLIERS,
    Template,
    match_score,
    template,
)
from devices.fingerprint.model import Degradation, Finger, Slap  # noqa: E402
from devices.fingerprint.quality import finger_score  # noqa: E402
from devices.fingerprint.segment import segment_slap  # noqa: E402

FINGERS = list(Finger)
KINDS = ("dry", "wet", "smudge", "partial", "rotation")


def p95(values: list[float]) -> float:
    return round(float(np.percentile(values, 95)), 2)


def bench_quality() -> tuple[float, float]:
    images = [synth.impression(900 + i, FINGERS[i % 10], shape=(500, 500)) for i in range(40)]
    times = []
    for img in images * 2:
        t = time.perf_counter()
        finger_score(img)
        times.append((time.perf_counter() - t) * 1000)
    return p95(times), round(float(np.median(times)), 2)


def bench_segment() -> float:
    slaps = [(synth.slap_image(950 + i, s, seed=i), s) for i in range(6) for s in Slap]
    times = []
    for img, slap in slaps * 2:
        t = time.perf_counter()
        segment_slap(img, slap)
        times.append((time.perf_counter() - t) * 1000)
    return p95(times)


def _accepted(rng: np.random.Generator, person: int, finger: Finger, seed: int) -> np.ndarray:
    while True:
        kind = KINDS[int(rng.integers(0, len(KINDS)))]
        img = synth.impression(person, finger, seed=seed,
                               degradation=Degradation(**{kind: int(rng.integers(0, 3))}))
        if finger_score(img) >= 40:
            return img
        seed += 100


def _templates(chunk: int) -> list[tuple[Template, Template]]:
    rng = np.random.default_rng(10_000 + chunk)
    out = []
    for i in range(250):
        person, finger = 100_000 + chunk * 1000 + i, FINGERS[i % 10]
        out.append((template(_accepted(rng, person, finger, 1)),
                    template(_accepted(rng, person, finger, 2))))
    return out


def bench_duplicates() -> dict[str, float | int]:
    with ProcessPoolExecutor(max_workers=2) as pool:
        pairs = [p for chunk in pool.map(_templates, range(2)) for p in chunk]
    n = len(pairs)  # 500 fingers, two impressions each
    genuine = [match_score(a, b) for a, b in pairs]
    times = []
    impostor = []
    for i in range(n):
        # Half: another finger of the same person (i+1 within a ten-finger block); half: others.
        j = (i // 10) * 10 + (i + 1) % 10 if i % 2 == 0 else (i + 37) % n
        t = time.perf_counter()
        impostor.append(match_score(pairs[i][0], pairs[j][1]))
        times.append((time.perf_counter() - t) * 1000)
    caught = float(np.mean([g >= SAME_FINGER_INLIERS for g in genuine]))
    false_alarm = float(np.mean([s >= SAME_FINGER_INLIERS for s in impostor]))
    return {"duplicate_pairs": 2 * n, "duplicate_same_finger_pairs": n,
            "duplicate_different_finger_pairs": n,
            "duplicate_caught_rate": round(caught, 4),
            "duplicate_false_alarm_rate": round(false_alarm, 4),
            "duplicate_threshold_inliers": SAME_FINGER_INLIERS,
            "match_ms_p95": p95(times)}


def bench_templates() -> tuple[float, float]:
    imgs = [synth.impression(700 + i, FINGERS[i % 10], seed=i) for i in range(30)]
    t_times, pair_times = [], []
    for a, b in zip(imgs, imgs[1:], strict=False):
        t = time.perf_counter()
        ta = template(a)
        t_times.append((time.perf_counter() - t) * 1000)
        tb = template(b)
        match_score(ta, tb)
        pair_times.append((time.perf_counter() - t) * 1000)
    return p95(t_times), p95(pair_times)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def bench_ten_print() -> dict[str, float]:
    from devices.fingerprint.sbi_client import SbiClient, SbiScanner
    from devices.fingerprint.sequence import EnrollmentSequence

    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    proc = subprocess.Popen([sys.executable, "-m", "devices.fingerprint.sbi_simulator",
                             "--port", str(port), "--delay-ms", "0", "--person", "4242"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
                            cwd=str(Path(__file__).resolve().parents[1]))
    try:
        assert proc.stdout is not None
        proc.stdout.readline()  # {"listening": ...}
        client = SbiClient(ports=f"{port - 50}-{port + 49}" if port > 60 else str(port))
        t = time.perf_counter()
        devices = client.discover()
        discovery_ms = (time.perf_counter() - t) * 1000
        scanner = SbiScanner(client, next(d for d in devices if d.modality == "Finger"))
        scanner.device_info()
        client.device_time_s = 0.0
        seq = EnrollmentSequence("slaps", quality_threshold=40, retries=3)
        t = time.perf_counter()
        while seq.current is not None:
            seq.record(scanner.capture(seq.request()))
        wall = time.perf_counter() - t
        assert seq.result().captured == 10
        device = client.device_time_s
    finally:
        proc.terminate()
        proc.wait(5)
    return {"ten_print_program_s": round(wall - device, 3), "ten_print_wall_s": round(wall, 3),
            "ten_print_device_s": round(device, 3),
            "discovery_100_ports_ms": round(discovery_ms, 1)}


def main() -> None:
    out: dict[str, object] = {}
    out["quality_ms_p95"], out["quality_ms_median"] = bench_quality()
    out["segment_ms_p95"] = bench_segment()
    out["template_ms_p95"], out["pair_ms_p95"] = bench_templates()
    out.update(bench_ten_print())
    out.update(bench_duplicates())
    out["quality_note"] = "NFIQ 2-like score, not a certified NFIQ 2"
    print(json.dumps(out))


if __name__ == "__main__":
    main()
