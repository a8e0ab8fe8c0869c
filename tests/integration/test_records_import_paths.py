"""The import's fast paths change nothing: a file read by a second process, or imported into
empty records (indexes built at the end), gives exactly the database the in-process path gives,
and the residents match the records the file was made from, field by field."""

from __future__ import annotations

import csv
import io
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from models.db import Database, DatabaseError
from workstation.errors import UserFacingError
from workstation.records.demo import EXPORT_HEADER, export_row, sample_records
from workstation.records.importer import Importer
from workstation.records.store import Record, record_values, row_hash_of
from workstation.rules.names import fold, name_tokens

TODAY = date(2026, 11, 1)
TABLES = {
    "admin_units": "id, code, name, kind, parent_id",
    "households": "id, number, unit_id, hamlet_id",
    "residents": "id, pid, full_name, name_key, date_of_birth, dob_precision, birth_year, sex,"
                 " ethnicity, religion, hometown, birth_registration_place, residence, unit_id,"
                 " hamlet_id, household_id, relation_to_head, phone, row_hash",
    "resident_name_tokens": "resident_id, position, token, birth_year",
    "parent_links": "id, child_id, role, parent_pid, parent_name",
    "identity_documents": "id, resident_id, type, number, issued_on, expires_on",
    "resident_changes": "id, resident_id, source, field, old_value, new_value",
}


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([vi for _, vi in EXPORT_HEADER])
    writer.writerows(rows)
    return out.getvalue()


@pytest.fixture(scope="module")
def people() -> list[Record]:
    return [r for r in sample_records(400, seed=5) if r.date_of_birth <= TODAY][:300]


def _dirty(rows: list[list[str]]) -> list[list[str]]:
    """Bad rows, duplicates within the file and across batches, odd spellings."""
    out = [list(r) for r in rows]
    bad = [list(rows[3]) for _ in range(5)]
    bad[0][0] = "01909000000X"
    bad[1][0], bad[1][2] = "019300000001", "30/02/1990"
    bad[2][0], bad[2][1] = "019300000002", ""
    bad[3][0], bad[3][3] = "019300000003", "?"
    bad[4][0], bad[4][21] = "019300000004", "12"
    out[10:10] = bad
    out.append(list(rows[7]))                      # the same row again, far away
    changed = list(rows[8])
    changed[8] = "Nơi ở mới"
    out.append(changed)                            # a later row with the same PID wins
    out.insert(12, list(rows[11]))                 # a repeat in the same batch
    spaced = list(rows[20])
    spaced[0], spaced[1] = "019300777777", "  nguyễn   văn  a "
    out.append(spaced)
    return out


def _dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    con = sqlite3.connect(path)
    try:
        # The importer writes without SQLite's per-row foreign-key lookups: every id it put in
        # must still point at a row.
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        return {t: sorted(con.execute(f"SELECT {cols} FROM {t}"), key=repr)
                for t, cols in TABLES.items()}
    finally:
        con.close()


def _import(tmp_path: Path, name: str, files: list[Path], **kwargs: Any
            ) -> tuple[list[dict[str, Any]], dict[str, list[tuple[Any, ...]]]]:
    path = tmp_path / f"{name}.db"
    db = Database.open(f"sqlite:///{path}")
    db.upgrade()
    try:
        results = [Importer(db, today=TODAY, batch_rows=50, **kwargs).run(f).as_dict()
                   for f in files]
    finally:
        db.dispose()
    return results, _dump(path)


def test_read_by_a_second_process_or_in_process_the_database_is_the_same(
        people: list[Record], tmp_path: Path) -> None:
    rows = [export_row(r) for r in people]
    first = tmp_path / "ds.csv"
    first.write_text(_csv(_dirty(rows)), encoding="utf-8")
    newer = [list(r) for r in rows[:150]]
    for i in range(0, 150, 7):
        newer[i][8] += " (mới)"
        newer[i][15] = newer[i][14] = ""
    second = tmp_path / "ds2.csv"
    second.write_text(_csv(newer), encoding="utf-8")
    files = [first, first, second]
    local = _import(tmp_path, "local", files, parallel=False)
    child = _import(tmp_path, "child", files, parallel=True)
    assert local[0] == child[0]
    assert local[1] == child[1]
    results = local[0]
    assert [r["imported"] for r in results] == [len(people) + 1, 0, 0]
    assert [r["rejected_count"] for r in results] == [5, 5, 0]
    assert len(results[0]["duplicates"]) == 3
    # Every seventh row changed, and row 8 back to what it was before the first file's repeat.
    assert results[2]["updated"] == len(range(0, 150, 7)) + 1
    assert local[1]["resident_changes"]  # the history was written, the same on both paths


def test_the_residents_are_the_records_the_file_was_made_from(
        people: list[Record], tmp_path: Path) -> None:
    """An independent reference: the demo Records themselves (not the parser's output)."""
    path = tmp_path / "ds.csv"
    path.write_text(_csv([export_row(r) for r in people]), encoding="utf-8")
    result, dump = _import(tmp_path, "fresh", [path], parallel=True)
    assert result[0]["imported"] == len(people) and result[0]["rejected"] == []
    residents = {row[1]: row for row in dump["residents"]}
    tokens: dict[int, list[str]] = {}
    for rid, _pos, token, _year in sorted(dump["resident_name_tokens"]):
        tokens.setdefault(rid, []).append(token)
    links = {(child, role): (ppid, pname) for _, child, role, ppid, pname in dump["parent_links"]}
    docs = {rid: (kind, number, issued, expires)
            for _, rid, kind, number, issued, expires in dump["identity_documents"]}
    for r in people:
        row = residents[r.pid]
        rid = row[0]
        assert row[2:4] == (r.full_name, fold(r.full_name))
        dob = r.date_of_birth
        assert row[4:8] == (dob.isoformat(), r.dob_precision, dob.year, r.sex)
        assert row[8:13] == (r.ethnicity, r.religion, r.hometown, r.birth_registration_place,
                             r.residence)
        assert (row[16], row[17]) == (r.relation_to_head, r.phone)
        assert row[18] == r.row_hash  # the canonical (slow) hash of the Record
        assert tokens[rid] == name_tokens(r.full_name)
        for role in ("father", "mother", "guardian"):
            ppid, pname = getattr(r, f"{role}_pid"), getattr(r, f"{role}_name")
            assert links.get((rid, role)) == ((ppid, pname) if ppid or pname else None)
        if r.card_number:
            assert docs[rid] == (r.card_type, r.card_number,
                                 r.card_issued_on.isoformat() if r.card_issued_on else None,
                                 r.card_expires_on.isoformat() if r.card_expires_on else None)
        else:
            assert rid not in docs


def test_indexes_dropped_for_the_load_come_back_identical(
        people: list[Record], tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_text(_csv([export_row(r) for r in people[:50]]), encoding="utf-8")
    db_path = tmp_path / "x.db"
    db = Database.open(f"sqlite:///{db_path}")
    db.upgrade()
    con = sqlite3.connect(db_path)
    schema = sorted(con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
    Importer(db, today=TODAY).run(path)
    assert sorted(con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")) == schema
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
    db.dispose()


def test_the_quick_row_hash_is_the_records_hash(people: list[Record]) -> None:
    for r in people:
        values = record_values(r)
        assert row_hash_of(values) == r.row_hash == values[27]


def test_without_a_second_process_the_file_is_read_here(
        people: list[Record], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError("no processes left")

    monkeypatch.setattr(subprocess, "Popen", refuse)
    path = tmp_path / "ds.csv"
    path.write_text(_csv([export_row(r) for r in people[:40]]), encoding="utf-8")
    results, dump = _import(tmp_path, "here", [path], parallel=True)
    assert results[0]["imported"] == 40 and len(dump["residents"]) == 40


def test_a_reading_process_that_dies_fails_the_import_and_writes_nothing(
        people: list[Record], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from workstation.records import importer

    monkeypatch.setattr(importer, "_CHILD_CODE", "import sys; sys.exit(3)")
    path = tmp_path / "ds.csv"
    path.write_text(_csv([export_row(r) for r in people[:40]]), encoding="utf-8")
    with pytest.raises(UserFacingError) as info:
        _import(tmp_path, "dead", [path], parallel=True)
    assert info.value.code == "records.import.reader_failed"
    assert "ds.csv" in info.value.text("vi") and "ds.csv" in info.value.text("en")
    assert _dump(tmp_path / "dead.db")["residents"] == []


@pytest.mark.parametrize("which", ["first", "last"])
def test_a_failing_token_statement_on_the_helper_thread_fails_the_import(
        people: list[Record], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        which: str) -> None:
    """The name tokens go in on a helper thread (RecordWriter.overlap): its error surfaces
    in the import, nothing is written, and the database is usable at once afterwards."""
    from workstation.records import store

    calls = {"n": 0}
    real = store.RecordWriter._insert_rows_sqlite

    def failing_on(self: Any, rows: Any, present: Any) -> None:
        calls["n"] += 1
        bad = which == "first" or calls["n"] == 4  # 200 rows in batches of 50
        monkeypatch.setattr(store, "_SQLITE_INSERT_TOKENS",
                            "INSERT INTO no_such_table SELECT ?" if bad else tokens)
        real(self, rows, present)

    tokens = store._SQLITE_INSERT_TOKENS
    monkeypatch.setattr(store.RecordWriter, "_insert_rows_sqlite", failing_on)
    path = tmp_path / "ds.csv"
    path.write_text(_csv([export_row(r) for r in people[:200]]), encoding="utf-8")
    db_path = tmp_path / "helper.db"
    db = Database.open(f"sqlite:///{db_path}")
    db.upgrade()
    try:
        with pytest.raises(DatabaseError):  # classified like any database error
            Importer(db, today=TODAY, batch_rows=50).run(path)
        monkeypatch.setattr(store, "_SQLITE_INSERT_TOKENS", tokens)
        monkeypatch.setattr(store.RecordWriter, "_insert_rows_sqlite", real)
        assert _dump(db_path)["residents"] == []
        result = Importer(db, today=TODAY, batch_rows=50).run(path)  # the same db, again
        assert result.imported == 200
    finally:
        db.dispose()
    dump = _dump(db_path)
    assert len(dump["residents"]) == 200
    assert len({rid for rid, *_ in dump["resident_name_tokens"]}) == 200
