"""A PC/SC adapter asked about a service that is not there answers False, never raises."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_available_is_false_without_a_pcsc_service(tmp_path: Path) -> None:
    code = (
        "from devices.smartcard.pcsc import PcscAdapter\n"
        "a = PcscAdapter('Virtual PCD 00 00')\n"
        "print(a.available())\n"
    )
    env = {**os.environ, "PCSCLITE_CSOCK_NAME": str(tmp_path / "no-such-pcscd.comm")}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr[-400:]
    assert proc.stdout.strip() == "False"
