"""``workstation bench [NAME]``: run the benchmarks under bench/ and print their JSON figures."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workstation.cli import CliContext
from workstation.errors import UsageError

BENCH_DIR = Path(__file__).resolve().parents[2] / "bench"


def register(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("bench", help="run the benchmarks and print their figures as JSON")
    common(p)
    p.add_argument("name", nargs="?", help="one benchmark (records, rules, security, camera, "
                   "fingerprint, smartcard, printing, app); default: all")
    p.set_defaults(func=run)


def available() -> list[str]:
    return sorted(p.stem for p in BENCH_DIR.glob("*.py") if not p.stem.startswith("_"))


def run(ctx: CliContext) -> int:
    names = available()
    if ctx.args.name:
        if ctx.args.name not in names:
            raise UsageError("bench.unknown", name=ctx.args.name, names=", ".join(names))
        names = [ctx.args.name]
    results: dict[str, Any] = {}
    failed = False
    for name in names:
        proc = subprocess.run([sys.executable, str(BENCH_DIR / f"{name}.py")],
                              capture_output=True, text=True, cwd=BENCH_DIR.parent)
        try:
            results[name] = json.loads(proc.stdout.strip().splitlines()[-1])
        except (json.JSONDecodeError, IndexError):
            failed = True
            results[name] = {"error": (proc.stderr.strip().splitlines() or ["no output"])[-1]}
    ctx.emit_json(results if len(results) > 1 or not ctx.args.name else results[names[0]])
    return 1 if failed else 0
