"""Chip card read through a real pcscd + vpcd: BAC + EF.COM + DG1 + DG13 + a 20 KB DG2 + SOD and
passive authentication, against the same APDUs sent bare (no BAC, no secure messaging).

Prints one JSON object: ``full_read_ms_p95`` (target < 500) and ``ratio_to_apdu_floor``
(full read / the same number of bare APDU round trips; target ≤ 2). Starts its own pcscd with
``scripts/services/pcscd.sh`` when none answers, and the virtual card in a separate process on
the second vpcd reader ("Virtual PCD 00 01", TCP 35964) so a test run on the first is undisturbed.
Run: ``cd /work/main && .venv/bin/python bench/smartcard.py``.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# This file is named like pyscard's package ("smartcard"): keep its folder off the import path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(ROOT))

PORT = int(os.environ.get("WORKSTATION_BENCH_VPCD_PORT", "35964"))
READER = os.environ.get("WORKSTATION_BENCH_VPCD_READER", "Virtual PCD 00 01")
RUNS = int(os.environ.get("WORKSTATION_BENCH_RUNS", "40"))


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def process_cpu_ms(pid: int) -> float | None:
    """CPU time used so far by another process (Linux /proc), or None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def bare(ins: int, p1: int, p2: int, data: bytes, le: int | None) -> bytes:
    apdu = bytes([0x00, ins, p1, p2])
    extended = le is not None and le > 256
    if data:
        apdu += (b"\x00" + len(data).to_bytes(2, "big") if extended else bytes([len(data)])) + data
    if le is not None:
        if extended:
            apdu += (b"" if data else b"\x00") + (le & 0xFFFF).to_bytes(2, "big")
        else:
            apdu += bytes([le & 0xFF])
    return apdu


def main() -> int:
    from devices.smartcard.emrtd import EmrtdReader
    from devices.smartcard.emulator import CardProfile
    from devices.smartcard.pcsc import PcscAdapter

    started_pcscd = False
    pidfile = Path("/tmp/workstation-pcscd.pid")
    adapter = PcscAdapter(READER)
    if not (adapter.available() and READER in adapter.reader_names()):
        had = pidfile.exists()
        subprocess.run(["bash", str(ROOT / "scripts/services/pcscd.sh"), "start"], check=True,
                       stdout=subprocess.DEVNULL)
        started_pcscd = not had and pidfile.exists()
        adapter.close()
        adapter = PcscAdapter(READER)
    card = subprocess.Popen(
        [sys.executable, "-m", "devices.smartcard.emulator", "--port", str(PORT),
         "--plain-access"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        assert card.stdout is not None
        card.stdout.readline()  # "card inserted …"
        deadline = time.monotonic() + 10
        while adapter.card_present(READER) is not True:
            if time.monotonic() > deadline:
                raise SystemExit("the virtual card did not appear in " + READER)
            time.sleep(0.05)
        key = CardProfile().bac_key()
        full: list[float] = []
        floor: list[float] = []
        trace: list[tuple[int, int, int, bytes, int | None]] = []
        face = 0
        cpu = {"full": [0.0, 0.0], "bare": [0.0, 0.0]}  # [reader side, card emulator]
        for i in range(RUNS + 3):
            c0, e0 = time.process_time(), process_cpu_ms(card.pid)
            t0 = time.perf_counter()
            transport = adapter.connect(READER)
            session = EmrtdReader(transport)
            session.trace = []
            chip = session.read(key)
            transport.close()
            elapsed = (time.perf_counter() - t0) * 1000
            assert chip.pa.ok and chip.face is not None
            face = len(chip.files["DG2"])
            trace = session.trace
            c1, e1 = time.process_time(), process_cpu_ms(card.pid)
            # The same number of bare round trips, same sizes asked, no BAC and no SM.
            t0 = time.perf_counter()
            transport = adapter.connect(READER)
            for ins, p1, p2, data, le in trace:
                transport.transmit(bare(ins, p1, p2, data, le))
            transport.close()
            bare_ms = (time.perf_counter() - t0) * 1000
            c2, e2 = time.process_time(), process_cpu_ms(card.pid)
            if i >= 3:  # warm-up
                full.append(elapsed)
                floor.append(bare_ms)
                cpu["full"][0] += (c1 - c0) * 1000
                cpu["bare"][0] += (c2 - c1) * 1000
                if e0 is not None and e1 is not None and e2 is not None:
                    cpu["full"][1] += e1 - e0
                    cpu["bare"][1] += e2 - e1
        full_p95 = p95(full)
        floor_p95 = p95(floor)
        print(json.dumps({
            "full_read_ms_p95": round(full_p95, 2),
            "full_read_ms_median": round(statistics.median(full), 2),
            "apdu_floor_ms_p95": round(floor_p95, 2),
            "apdu_floor_ms_median": round(statistics.median(floor), 2),
            "ratio_to_apdu_floor": round(full_p95 / floor_p95, 3),
            # The same ratio from medians: steadier when other programs load the CPU.
            "ratio_median": round(statistics.median(full) / statistics.median(floor), 3),
            # Where the time goes (CPU ms per read): this process (reader side: secure
            # messaging, parsing, passive authentication) and the card emulator (its 3DES and
            # MACs, which a real chip does in its coprocessor).
            "reader_cpu_ms_full": round(cpu["full"][0] / RUNS, 2),
            "reader_cpu_ms_bare": round(cpu["bare"][0] / RUNS, 2),
            "card_cpu_ms_full": round(cpu["full"][1] / RUNS, 2),
            "card_cpu_ms_bare": round(cpu["bare"][1] / RUNS, 2),
            "apdus_per_read": len(trace),
            "dg2_bytes": face,
            "runs": RUNS,
            "reader": READER,
        }))
    finally:
        card.terminate()
        card.wait(5)
        adapter.close()
        if started_pcscd:
            subprocess.run(["bash", str(ROOT / "scripts/services/pcscd.sh"), "stop"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
