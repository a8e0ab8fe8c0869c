"""Benchmark of the population records: import speed and memory, ID lookup, name search.

Prints one JSON object (last stdout line):
  import_rows_per_s              100,000-row CSV into a fresh SQLite file (target >= 20,000)
  import_peak_rss_mb             peak RSS of a process importing 1,000,000 rows (target < 400)
  pid_lookup_p95_ms              find_by_pid at 1,000,000 residents, service layer (target < 1)
  pid_lookup_ratio_to_raw_sqlite the same lookup's p95 over bare sqlite3's p95 (target <= 10)
  name_search_p95_ms             two words + birth year at 1,000,000 residents (target < 20)

Data are generated on the fly from the demo city; the 1,000,000-resident database and the
import figures measured on it are cached under /tmp (keyed by the records code) for reruns.

``--import-only`` measures only the 100,000-row import (its keys alone), for quick iterations;
the default run measures everything.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import random
import resource
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CACHE = Path("/tmp/workstation-bench-records")
SMALL = 100_000
BIG = 1_000_000
LOOKUPS = 3000
SEARCHES = 300


def code_key() -> str:
    h = hashlib.sha256()
    # What decides the content of the imported database (not the search code).
    for p in sorted(q for q in (ROOT / "workstation" / "records").glob("*.py")
                    if q.name != "search.py") + [
            ROOT / "workstation" / "rules" / "names.py", ROOT / "models" / "records.py"]:
        h.update(p.read_bytes())
    return h.hexdigest()[:12]


def log(msg: str) -> None:
    print(f"[bench records] {msg}", file=sys.stderr, flush=True)


def write_csv(path: Path, rows: int) -> None:
    """``rows`` demo residents: the 100,000-person city, copied with fresh PIDs as needed."""
    from workstation.records.demo import EXPORT_HEADER, export_row, sample_records

    base = [export_row(r) for r in sample_records(min(rows, SMALL), seed=11)]
    rng = random.Random(5)
    seen: set[str] = set()
    tmp = path.with_suffix(".part")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow([vi for _, vi in EXPORT_HEADER])
        written = 0
        copy = 0
        while written < rows:
            for row in base:
                if written >= rows:
                    break
                if copy:
                    row = list(row)
                    pid = row[0]
                    while True:
                        new = pid[:6] + f"{rng.randrange(1_000_000):06d}"
                        if new not in seen:
                            break
                    if row[21] == pid:
                        row[21] = new
                    row[0] = new
                    row[12] = f"{row[12]}-{copy}"
                    pid = new
                seen.add(row[0])
                w.writerow(row)
                written += 1
            copy += 1
    tmp.rename(path)


def import_child(csv_path: str, db_path: str) -> None:
    """Run in a subprocess: import and report time and peak RSS as JSON."""
    from models.db import Database
    from workstation.records.importer import import_file

    Path(db_path).unlink(missing_ok=True)
    db = Database.open(f"sqlite:///{db_path}")
    db.upgrade()
    before = resource.getrusage(resource.RUSAGE_SELF)
    t = time.perf_counter()
    result = import_file(db, csv_path)
    elapsed = time.perf_counter() - t
    db.dispose()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    # The importer may read the file in a second process: its CPU time counts, and so does its
    # memory (peaks added: an upper bound of what both held at once).
    child = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (usage.ru_utime - before.ru_utime) + (usage.ru_stime - before.ru_stime) + (
        child.ru_utime + child.ru_stime)
    print(json.dumps({"seconds": elapsed, "cpu_seconds": cpu, "imported": result.imported,
                      "rejected": result.rejected_count,
                      "peak_rss_mb": (usage.ru_maxrss + child.ru_maxrss) / 1024}))


def run_import(csv_path: Path, db_path: Path) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, __file__, "--import-child", str(csv_path),
                           str(db_path)], capture_output=True, text=True, check=True)
    out: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return out


def p95(values: list[float]) -> float:
    values = sorted(values)
    return values[int(len(values) * 0.95) - 1]


def lookups(db_path: Path) -> dict[str, float]:
    from models.db import Database
    from workstation.records.search import _PID_QUERY, find, find_by_pid

    raw = sqlite3.connect(str(db_path))
    pids = [r[0] for r in raw.execute(
        "SELECT pid FROM residents ORDER BY random() LIMIT ?", (LOOKUPS,))]
    # The bare-sqlite3 floor: the same statement (with its joins) and parameters.
    db = Database.open(f"sqlite:///{db_path}")
    sql = str(_PID_QUERY.compile(db.engine, compile_kwargs={})).replace(":pid", "?")
    raw_times = []
    times = []
    with db.session() as session:
        for pid in pids:  # warm both up: the same pages are in the OS cache for both
            raw.execute(sql, (pid,)).fetchone()
            find_by_pid(session, pid)
        for pid in pids:
            t = time.perf_counter()
            row = raw.execute(sql, (pid,)).fetchone()
            raw_times.append(time.perf_counter() - t)
            assert row is not None
            t = time.perf_counter()
            hit = find_by_pid(session, pid)
            times.append(time.perf_counter() - t)
            assert hit is not None and hit.pid == pid
    # Two words of a real name in another order, without diacritics, plus the birth year.
    sample = list(raw.execute(
        "SELECT name_key, birth_year FROM residents ORDER BY random() LIMIT ?", (SEARCHES,)))
    raw.close()
    search_times = []
    found = 0
    with db.session() as session:
        for key, year in sample:
            words = key.split()
            query = f"{words[-1]} {words[0]}"
            t = time.perf_counter()
            hits = find(session, query, born=str(year))
            search_times.append(time.perf_counter() - t)
            found += bool(hits)
    db.dispose()
    assert found == len(sample), (found, len(sample))
    return {
        "pid_lookup_p95_ms": round(p95(times) * 1000, 4),
        "pid_lookup_raw_sqlite_p95_ms": round(p95(raw_times) * 1000, 4),
        "pid_lookup_ratio_to_raw_sqlite": round(p95(times) / p95(raw_times), 2),
        "name_search_p95_ms": round(p95(search_times) * 1000, 3),
    }


def main(import_only: bool = False) -> None:
    CACHE.mkdir(parents=True, exist_ok=True)
    key = code_key()
    small_csv = CACHE / f"residents-{SMALL}.csv"
    big_csv = CACHE / f"residents-{BIG}.csv"
    if not small_csv.exists():
        log(f"writing {small_csv}")
        write_csv(small_csv, SMALL)
    log("importing 100,000 rows")
    small = run_import(small_csv, CACHE / "small.db")
    figures: dict[str, Any] = {
        "import_rows_per_s": round(small["imported"] / small["seconds"]),
        "import_100k_seconds": round(small["seconds"], 2),
        # Rows per CPU second: the same figure without the other programs sharing the cores.
        "import_rows_per_cpu_s": round(small["imported"] / small["cpu_seconds"]),
        "load_average_1m": round(os.getloadavg()[0], 2),
    }
    if import_only:
        print(json.dumps(figures))
        return
    big_db = CACHE / f"big-{key}.db"
    big_json = CACHE / f"big-{key}.json"
    if big_db.exists() and big_json.exists():
        log(f"reusing {big_db}")
        big = json.loads(big_json.read_text())
    else:
        if not big_csv.exists():
            log(f"writing {big_csv}")
            write_csv(big_csv, BIG)
        for old in CACHE.glob("big-*"):
            old.unlink()
        log("importing 1,000,000 rows")
        big = run_import(big_csv, big_db)
        big_json.write_text(json.dumps(big))
    figures["import_peak_rss_mb"] = round(big["peak_rss_mb"], 1)
    figures["import_1m_rows_per_s"] = round(big["imported"] / big["seconds"])
    figures["residents"] = big["imported"]
    log("lookups and searches")
    figures.update(lookups(big_db))
    print(json.dumps(figures))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--import-child":
        import_child(sys.argv[2], sys.argv[3])
    else:
        main(import_only="--import-only" in sys.argv[1:])
