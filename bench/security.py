"""Benchmark of workstation.security: login, the cost of an audit entry, chain verification.

Prints one JSON object (last line). Each figure is the best of several runs, as ``timeit``
reports (slower runs measure the other processes sharing the CPU); medians are given beside.
- ``login_verify_ms``: time of a successful ``users.login`` (argon2id verification with
  the production parameters, the account update and its audit entry), target <= 250;
- ``audit_append_overhead_ms``: time of a service call (``users.set_disabled`` in its
  own transaction) with its audit entry and checkpoint, minus the same call with the audit
  append replaced by a no-op, target < 1;
- ``audit_verify_rows_per_s``: rows per second of ``audit.verify`` over a 200,000-entry chain
  (hash chain and signed checkpoint), target >= 50,000.
Runs in a private temporary directory (its own config dir, station key and SQLite file).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench-security-"))
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")
    os.environ["XDG_DATA_HOME"] = str(tmp / "data")
    os.environ["WORKSTATION_CONFIG"] = str(tmp / "config" / "settings.toml")
    os.environ.pop("WORKSTATION_SECURITY_KEY_FILE", None)

    from sqlalchemy import insert, text

    from models.db import Database
    from models.security import AuditEntry
    from workstation.security import Actor, users
    from workstation.security import audit as audit_mod
    from workstation.security.keys import create_station_key, key_path
    from workstation.security.passwords import MEMORY_COST_KIB, PARALLELISM, TIME_COST
    from workstation.settings import load_settings

    settings = load_settings()
    key_file = key_path(settings)
    create_station_key(key_file)
    db = Database.open(f"sqlite:///{tmp / 'bench.db'}")
    db.upgrade()
    admin = Actor.system("bench", station="TN-SC-01")

    # --- login -------------------------------------------------------------------------
    password = "Ke-hoach-Mua-Xuan-3"
    with db.session() as s:
        users.add_user(s, admin, "tiepnhan1", password, ["reception"], settings=settings)
        users.add_user(s, admin, "vanthu1", password, ["clerk"], settings=settings)
    users.login(db, "tiepnhan1", password, settings=settings)  # warm-up
    login_times = []
    for _ in range(9):
        start = time.perf_counter()
        users.login(db, "tiepnhan1", password, settings=settings)
        login_times.append((time.perf_counter() - start) * 1000)
    unknown_times = []
    for _ in range(5):
        start = time.perf_counter()
        try:
            users.login(db, "khongco", password, settings=settings)
        except Exception:  # noqa: BLE001 - expected refusal
            pass
        unknown_times.append((time.perf_counter() - start) * 1000)

    # --- audit append overhead ----------------------------------------------------------
    real_audit = users.audit

    def call(flag: bool) -> None:
        with db.session() as s:
            users.set_disabled(s, admin, "vanthu1", flag)

    cpu: dict[bool, list[float]] = {True: [], False: []}

    def block(n: int, with_audit: bool) -> float:
        users.audit = real_audit if with_audit else (lambda *a, **k: None)  # type: ignore[assignment]
        start, cpu_start = time.perf_counter(), time.process_time()
        for i in range(n):
            call(i % 2 == 0)
        users.audit = real_audit  # type: ignore[assignment]
        cpu[with_audit].append((time.process_time() - cpu_start) * 1000 / n)
        return (time.perf_counter() - start) * 1000 / n

    block(50, True)
    block(50, False)
    with_ms, without_ms = [], []
    for _ in range(15):  # interleaved blocks: the machine's load hits both sides alike
        with_ms.append(block(40, True))
        without_ms.append(block(40, False))
    # Best-of (as timeit does): higher figures come from other processes on the machine.
    overhead = min(with_ms) - min(without_ms)
    overhead_median = statistics.median(w - o for w, o in zip(with_ms, without_ms, strict=True))

    # --- verification speed -------------------------------------------------------------
    rows = 200_000
    with db.session() as s:
        last = s.execute(text("select id, hash from audit_log order by id desc limit 1")).first()
        seq, prev = (int(last[0]), str(last[1])) if last else (0, audit_mod.GENESIS)
        at0 = datetime.now(UTC)
        batch = []
        for i in range(rows):
            seq += 1
            at = (at0 + timedelta(microseconds=i)).isoformat(timespec="microseconds")
            details = audit_mod.clean_details({"query": f"Lò Thị Mai {i}", "results": i % 7})
            oid = f"TN-SC-01-20260302-{i:05d}"
            digest = audit_mod.entry_hash(seq, at, "tiepnhan1", "TN-SC-01", "records.read",
                                          "application", oid, details, prev)
            batch.append({"id": seq, "at": at, "username": "tiepnhan1", "station": "TN-SC-01",
                          "action": "records.read", "object_type": "application",
                          "object_id": oid, "details": details, "prev_hash": prev,
                          "hash": digest})
            prev = digest
            if len(batch) == 20_000:
                s.execute(insert(AuditEntry), batch)
                batch = []
        if batch:
            s.execute(insert(AuditEntry), batch)
    with db.session() as s:
        audit_mod.seal(s, key_file)
    verify_times = []
    for _ in range(3):
        with db.session() as s:
            start = time.perf_counter()
            result = audit_mod.verify(s, key_file)
            verify_times.append(time.perf_counter() - start)
        assert result.ok, result
    total = result.entries
    db.dispose()
    import shutil

    shutil.rmtree(tmp, ignore_errors=True)

    print(json.dumps({
        "login_verify_ms": round(min(login_times), 1),
        "login_verify_median_ms": round(statistics.median(login_times), 1),
        "login_unknown_user_ms": round(min(unknown_times), 1),
        "argon2id": {"memory_kib": MEMORY_COST_KIB, "time_cost": TIME_COST,
                     "parallelism": PARALLELISM},
        "audit_append_overhead_ms": round(overhead, 3),
        "audit_append_overhead_median_ms": round(overhead_median, 3),
        "audit_append_overhead_cpu_ms": round(min(cpu[True]) - min(cpu[False]), 3),
        "service_call_with_audit_ms": round(min(with_ms), 3),
        "service_call_without_audit_ms": round(min(without_ms), 3),
        "audit_verify_rows_per_s": int(total / min(verify_times)),
        "audit_verify_rows": total,
        "cpus": os.cpu_count(),
        "load_average_1min": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
    }))


if __name__ == "__main__":
    main()
