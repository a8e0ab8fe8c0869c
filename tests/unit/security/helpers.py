"""Helpers of the security tests."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any


def cli(*args: str, env: dict[str, str] | None = None, stdin: str | None = None,
        timeout: float = 60, cwd: str | None = None) -> Any:
    """Run ``python -m workstation.cli`` in a subprocess (the environment of the test)."""
    return subprocess.run(
        [sys.executable, "-m", "workstation.cli", *args],
        capture_output=True, text=True, timeout=timeout, input=stdin, cwd=cwd,
        env={**os.environ, **(env or {})},
    )
