"""Fuzz every chip-data parser with 100,000 malformed inputs each; prints one JSON object.

Each parser must end every input either with a result or with ``MalformedData`` (its one typed
error); ``other_errors`` counts anything else and must be 0. Run:
``cd /work/main && .venv/bin/python bench/_smartcard_fuzz.py [RUNS]``.
"""

from __future__ import annotations

import json
import random
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# bench/smartcard.py is named like pyscard's package: keep this folder off the import path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "devices" / "smartcard"))

from smartcard_fuzzing import PARSERS, mutate, seeds  # noqa: E402

from devices.smartcard.errors import MalformedData  # noqa: E402


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    out: dict[str, object] = {}
    total_other = 0
    for name in sorted(PARSERS):
        n = runs if name != "sod+pa" else max(1, runs // 10)
        parser, pool = PARSERS[name], seeds()[name]
        rnd = random.Random(f"bench-{name}")
        typed = other = 0
        started = time.perf_counter()
        for _ in range(n):
            data = mutate(rnd, rnd.choice(pool))
            try:
                parser(data)
            except MalformedData:
                typed += 1
            except Exception:  # noqa: BLE001 - counting is the point
                other += 1
                if other <= 3:
                    traceback.print_exc(file=sys.stderr)
        total_other += other
        out[name] = {"inputs": n, "typed_errors": typed, "other_errors": other,
                     "seconds": round(time.perf_counter() - started, 2)}
    out["ok"] = total_other == 0
    print(json.dumps(out))
    return 0 if total_other == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
