"""The records and demo commands end to end, through the installed ``workstation`` script."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXE = ROOT / ".venv" / "bin" / "workstation"


def ws(*args: str, timeout: float = 180, env: dict[str, str] | None = None
       ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(EXE), *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


def dump(db: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db)
    try:
        return con.execute(
            "SELECT r.pid, r.full_name, r.date_of_birth, r.sex, r.ethnicity, h.number, "
            "(SELECT group_concat(p.role || ':' || coalesce(p.parent_pid, '-'), ' ') "
            " FROM parent_links p WHERE p.child_id = r.id), "
            "(SELECT group_concat(d.type || ':' || d.number, ' ') "
            " FROM identity_documents d WHERE d.resident_id = r.id) "
            "FROM residents r LEFT JOIN households h ON h.id = r.household_id ORDER BY r.pid"
        ).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "a.db"
    url = f"sqlite:///{path}"
    assert ws("init", "--db", url).returncode == 0
    proc = ws("demo", "--db", url, "--residents", "1500", "--seed", "1", "--json")
    assert proc.returncode == 0, proc.stderr
    (path.parent / "counts.json").write_text(proc.stdout)
    return path


def test_demo_is_deterministic_for_a_seed(demo_db: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'b.db'}"
    assert ws("init", "--db", url).returncode == 0
    proc = ws("demo", "--db", url, "--residents", "1500", "--seed", "1", "--json")
    assert proc.returncode == 0, proc.stderr
    counts = json.loads(proc.stdout)
    assert counts["residents"] == 1500 and counts["units"] == 10 and counts["hamlets"] == 145
    assert counts == json.loads((demo_db.parent / "counts.json").read_text())
    assert dump(tmp_path / "b.db") == dump(demo_db)


def test_another_seed_another_city() -> None:
    from workstation.records.demo import sample_records

    one = [(r.pid, r.full_name) for r in sample_records(300, seed=1)]
    assert one == [(r.pid, r.full_name) for r in sample_records(300, seed=1)]
    assert one != [(r.pid, r.full_name) for r in sample_records(300, seed=2)]


def test_demo_refuses_a_database_that_has_records(demo_db: Path) -> None:
    proc = ws("demo", "--db", f"sqlite:///{demo_db}", "--residents", "10", "--lang", "en")
    assert proc.returncode == 1
    assert "already holds population records" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_find_nguyen_van_and_duc(demo_db: Path) -> None:
    url = f"sqlite:///{demo_db}"
    proc = ws("records", "find", "nguyen van", "--db", url, "--json")
    assert proc.returncode == 0, proc.stderr
    hits = json.loads(proc.stdout)
    assert hits and all(h["full_name"].startswith("Nguyễn Văn ") for h in hits[:5])
    assert set(hits[0]) >= {"pid", "full_name", "date_of_birth", "sex", "unit", "hamlet",
                            "household_id"}
    duc = json.loads(ws("records", "find", "duc", "--db", url, "--json").stdout)
    assert duc and all("Đức" in h["full_name"].split() or "Dục" in h["full_name"]
                       or "Đực" in h["full_name"] or "Dực" in h["full_name"] for h in duc)
    first = duc[0]
    born = ws("records", "find", first["pid"], "--db", url, "--json")
    assert json.loads(born.stdout) == [first]


def test_import_prints_counts_and_rejected_rows(tmp_path: Path) -> None:
    from models.db import Database

    url = f"sqlite:///{tmp_path / 'i.db'}"
    database = Database.open(url)
    database.upgrade()
    database.dispose()
    path = tmp_path / "ds.csv"
    path.write_text("pid,full_name,date_of_birth,sex\n"
                    "019090000001,Nguyễn Văn Đức,01/02/1990,Nam\n"
                    "123,Sai Số,01/02/1990,Nam\n", encoding="utf-8")
    proc = ws("records", "import", str(path), "--db", url, "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert (out["encoding"], out["rows"], out["imported"]) == ("utf-8", 2, 1)
    assert out["rejected"] == [{"row": 3, "field": "pid", "code": "pid.format",
                                "message": "Số định danh phải có 12 chữ số: 123"}]
    text = ws("records", "import", str(path), "--db", url, "--lang", "en")
    assert text.returncode == 0
    assert "1 unchanged" in text.stdout and "Row 3, column pid" in text.stdout
    missing = ws("records", "import", str(tmp_path / "none.csv"), "--db", url)
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1


def test_a_locked_database_waits_then_says_so(tmp_path: Path) -> None:
    from models.db import Database

    db = tmp_path / "l.db"
    url = f"sqlite:///{db}"
    database = Database.open(url)
    database.upgrade()
    database.dispose()
    path = tmp_path / "ds.csv"
    path.write_text("pid,full_name,date_of_birth,sex\n019090000001,Nguyễn Văn Đức,1990,Nam\n",
                    encoding="utf-8")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program is writing
    try:
        start = time.monotonic()
        proc = ws("records", "import", str(path), "--db", url,
                  env={"WORKSTATION_DATABASE_BUSY_TIMEOUT_MS": "1500"})
        waited = time.monotonic() - start
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert proc.returncode == 1
    assert proc.stderr.startswith("Cơ sở dữ liệu đang bận")
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert waited >= 1.4
    again = ws("records", "import", str(path), "--db", url, "--json")
    assert json.loads(again.stdout)["imported"] == 1
