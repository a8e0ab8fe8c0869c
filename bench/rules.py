"""Benchmark of the rules engine and `workstation check`; prints one JSON object.

- ``check_ms_p95``: in-process ``check`` of a full request (records lookups of applicant and
  representative, open applications, calendar overrides) against 79,000 residents, p95 in ms;
- ``checks_per_s``: the same, sequential throughput;
- ``evaluations_per_s``: pure rule evaluations (request parsing + the law, no database) per s;
- ``rules_only_us_p95``: one pure evaluation, p95 in µs;
- ``cli_check_cold_ms``: one ``workstation check`` process from start to exit (median of 5).
The ``*_cpu*`` twins measure CPU time instead of wall time (a shared machine inflates the
latter); ``load_average_1min`` says how shared it was.

The synthetic database is cached under /tmp (built once with bulk inserts).
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

N_RESIDENTS = 79_000
DB_PATH = Path(tempfile.gettempdir()) / "workstation-bench-rules-79k.db"
URL = f"sqlite:///{DB_PATH}"
ON = date(2025, 10, 1)
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Ngọc", "Thu", "Quang", "Hữu"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hoa", "Hùng", "Lan", "Mai", "Nam", "Tú"]


def pid_for(i: int, dob: date, sex: str) -> str:
    g = (dob.year - 1900) // 100 * 2 + (1 if sex == "female" else 0)
    return f"019{g}{dob.year % 100:02d}{i:06d}"


def person(i: int, rng: random.Random) -> dict[str, Any]:
    dob = date(1935, 1, 1) + timedelta(days=rng.randrange(0, 90 * 365))
    sex = rng.choice(("male", "female"))
    name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
    return {"pid": pid_for(i, dob, sex), "full_name": name, "name_key": name.lower(),
            "date_of_birth": dob, "birth_year": dob.year, "sex": sex, "dob_precision": "day"}


def build() -> list[dict[str, Any]]:
    """Create (or reuse) the database; return the residents, generated deterministically."""
    rng = random.Random(7)
    people = [person(i, rng) for i in range(N_RESIDENTS)]
    from sqlalchemy import func, insert, select

    import models.all  # noqa: F401
    from models.applications import Application
    from models.db import Database
    from models.records import IdentityDocument, ParentLink, Resident

    db = Database.open(URL)
    db.upgrade()
    with db.session() as s:
        count = s.execute(select(func.count()).select_from(Resident)).scalar()
    if count != N_RESIDENTS:
        with db.engine.begin() as s:
            s.execute(insert(Resident), people)
            ids: dict[str, int] = {pid: id_ for pid, id_ in
                                   s.execute(select(Resident.pid, Resident.id)).all()}
            adults = [p for p in people if (ON - p["date_of_birth"]).days > 25 * 365]
            links: list[dict[str, Any]] = []
            docs: list[dict[str, Any]] = []
            apps: list[dict[str, Any]] = []
            for p in people:
                if (ON - p["date_of_birth"]).days < 14 * 365:
                    parent = rng.choice(adults)
                    links.append({"child_id": ids[p["pid"]], "role": "father",
                                  "parent_pid": parent["pid"],
                                  "parent_name": parent["full_name"]})
                elif rng.random() < 0.5:
                    docs.append({"resident_id": ids[p["pid"]], "type": "can_cuoc",
                                 "number": p["pid"], "issued_on": date(2024, 9, 1),
                                 "expires_on": None})
                if rng.random() < 0.02:
                    apps.append({"number": f"BENCH-{len(apps):06d}", "station_code": "BENCH",
                                 "kind": "first_issue", "applicant_pid": p["pid"],
                                 "age_group": "14_and_over", "received_on": ON,
                                 "state": "verified", "applicant": {}, "exemptions": [],
                                 "findings": []})
            s.execute(insert(ParentLink), links)
            s.execute(insert(IdentityDocument), docs)
            s.execute(insert(Application), apps)
    db.dispose()
    return people


def requests(people: list[dict[str, Any]], n: int, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    kinds = [("first_issue", None), ("renewal", "holder_request"),
             ("reissue", "lost_or_damaged"), ("renewal", "cccd_conversion")]
    for _ in range(n):
        p = rng.choice(people)
        kind, reason = rng.choice(kinds)
        req: dict[str, Any] = {
            "on": ON.isoformat(), "kind": kind, "reason": reason, "channel": "counter",
            "applicant": {"pid": p["pid"], "full_name": p["full_name"],
                          "date_of_birth": p["date_of_birth"].isoformat(), "sex": p["sex"],
                          "current_card": None},
            "representative": {"pid": rng.choice(people)["pid"], "full_name": "Nguyễn Văn An",
                               "relationship": "father"},
            "exemptions": [],
        }
        out.append(req)
    return out


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def bench_check(people: list[dict[str, Any]]) -> tuple[float, float, float]:
    from models.db import Database
    from workstation.checking import check
    from workstation.settings import Settings

    db = Database.open(URL)
    settings = Settings()
    reqs = requests(people, 1500, random.Random(1))
    for req in reqs[:100]:  # warm up the connection pool and caches
        with db.session() as s:
            check(s, req, ON, settings)
    times, cpu = [], []
    start = time.perf_counter()
    for req in reqs[100:]:
        t, c = time.perf_counter(), time.process_time()
        with db.session() as s:
            check(s, req, ON, settings)
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    total = time.perf_counter() - start
    db.dispose()
    return pct(times, 0.95) * 1000, len(times) / total, pct(cpu, 0.95) * 1000


def bench_rules(people: list[dict[str, Any]]) -> tuple[float, float, float, float]:
    from workstation.checking import CheckContext, evaluate, parse_request
    from workstation.rules.applicant import RecordView

    reqs = requests(people, 5000, random.Random(2))
    contexts = []
    for req in reqs:
        a = req["applicant"]
        rec = RecordView(1, a["pid"], a["full_name"], date.fromisoformat(a["date_of_birth"]),
                         a["sex"])
        contexts.append(CheckContext(record=rec))
    for req, ctx in zip(reqs[:200], contexts[:200], strict=True):
        evaluate(parse_request(req, today=ON), ctx)
    times, cpu = [], []
    start, cpu_start = time.perf_counter(), time.process_time()
    for req, ctx in zip(reqs, contexts, strict=True):
        t, c = time.perf_counter(), time.process_time()
        evaluate(parse_request(req, today=ON), ctx)
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    total, cpu_total = time.perf_counter() - start, time.process_time() - cpu_start
    return (pct(times, 0.95) * 1e6, len(reqs) / total, pct(cpu, 0.95) * 1e6,
            len(reqs) / cpu_total)


def bench_cli(people: list[dict[str, Any]]) -> tuple[float, float, float]:
    exe = Path(sys.executable).parent / "workstation"
    req = requests(people, 1, random.Random(3))[0]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(req, fh, ensure_ascii=False)
    times, cpu = [], []
    for _ in range(5):
        t, c = time.perf_counter(), _children_cpu()
        subprocess.run([str(exe), "check", "--db", URL, fh.name, "--json"],
                       capture_output=True, check=False)
        times.append(time.perf_counter() - t)
        cpu.append(_children_cpu() - c)
    Path(fh.name).unlink()
    return statistics.median(times) * 1000, statistics.median(cpu) * 1000, min(times) * 1000


def _children_cpu() -> float:
    """CPU seconds (user + system) used by finished child processes."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    people = build()
    check_p95, checks_per_s, check_cpu = bench_check(people)
    rules_p95, evals_per_s, rules_cpu, evals_cpu = bench_rules(people)
    cold, cold_cpu, cold_min = bench_cli(people)
    print(json.dumps({
        "check_ms_p95": round(check_p95, 3),
        "checks_per_s": round(checks_per_s),
        "evaluations_per_s": round(evals_per_s),
        "rules_only_us_p95": round(rules_p95, 1),
        "cli_check_cold_ms": round(cold, 1),
        "cli_check_cold_ms_min": round(cold_min, 1),
        # The same figures in CPU time: what the work costs when the machine is shared.
        "check_cpu_ms_p95": round(check_cpu, 3),
        "evaluations_per_cpu_s": round(evals_cpu),
        "rules_only_cpu_us_p95": round(rules_cpu, 1),
        "cli_check_cold_cpu_ms": round(cold_cpu, 1),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "residents": N_RESIDENTS,
    }))


if __name__ == "__main__":
    main()
