"""The audit chain: masking, transactions, the signed checkpoint, and tampering caught by
``workstation audit verify`` (a real subprocess against a real SQLite file)."""

from __future__ import annotations

import csv
import hashlib
import json
import sqlite3
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select

from models.db import Database
from models.security import AuditEntry
from workstation.security import Actor
from workstation.security.audit import (
    GENESIS,
    checkpoint_path,
    entry_hash,
    mask_pid,
    read_checkpoint,
    record,
    verify,
)

from .helpers import cli

OFFICER = Actor("tiepnhan", frozenset({"reception"}), "TN-SC-01", "Cán bộ thử nghiệm")


def _fill(db: Database, n: int = 6) -> None:
    for i in range(1, n + 1):
        with db.session() as s:
            record(s, OFFICER, "records.read", "resident", f"0192060012{i:02d}",
                   {"query": f"Lò Thị Mai {i}", "i": i})


def _path(db: Database) -> str:
    return db.engine.url.database or ""


def _verify_cli(db: Database) -> tuple[int, dict[str, object], str]:
    proc = cli("audit", "verify", "--db", str(db.engine.url), "--json", "--lang", "en")
    return proc.returncode, json.loads(proc.stdout), proc.stderr


def test_pids_are_masked_and_biometrics_never_reach_the_log(sdb: Database) -> None:
    with sdb.session() as s:
        record(s, OFFICER, "biometrics.capture", "resident", "019206001234", {
            "pid": "019206001234", "representative": "cha 001088004321, CMND 123456789",
            "cmnd": "123456789", "as_int": 19206001234 + 10**11,
            "image": b"\xff\xd8\xff\xe0JPEG", "array": np.zeros((4, 4), np.uint8),
            "base64": "A" * 5000, "nested": [{"pid": "036190000001"}],
        })
    with sdb.session() as s:
        e = s.scalars(select(AuditEntry)).one()
    assert e.object_id == "********1234"
    details = json.loads(e.details)
    assert details["pid"] == mask_pid("019206001234") == "********1234"
    assert details["representative"] == "cha ********4321, CMND 123456789"
    assert details["cmnd"] == "*****6789"
    assert details["as_int"] == "********1234"
    assert details["image"] == "[removed: bytes]"
    assert details["array"] == "[removed: ndarray]"
    assert details["base64"] == "[removed: long value]"
    assert details["nested"] == [{"pid": "********0001"}]
    dump = "\n".join(sqlite3.connect(_path(sdb)).iterdump())
    assert "019206001234" not in dump and "JPEG" not in dump
    assert e.station == "TN-SC-01" and e.username == "tiepnhan" and e.prev_hash == GENESIS


def test_control_characters_cannot_blur_the_fields(sdb: Database) -> None:
    with sdb.session() as s:
        record(s, Actor("a\x1fb", frozenset()), "x\x1fy", "t\x00", "o\nid", {"k": "v\x1f"})
    with sdb.session() as s:
        e = s.scalars(select(AuditEntry)).one()
        assert (e.username, e.action, e.object_type, e.object_id) == ("a b", "x y", "t ", "o id")
        assert "\x1f" not in e.details and verify(s, None).ok


def test_entry_is_part_of_the_callers_transaction(sdb: Database) -> None:
    _fill(sdb, 2)
    with pytest.raises(RuntimeError), sdb.session() as s:
        record(s, OFFICER, "application.create", "application", "A-1")
        raise RuntimeError("the service failed after auditing")
    with sdb.session() as s:
        assert [e.id for e in s.scalars(select(AuditEntry))] == [1, 2]
        # a savepoint rolled back takes its entry with it; the outer one stays
        record(s, OFFICER, "a", "x")
        nested = s.begin_nested()
        record(s, OFFICER, "b", "x")
        nested.rollback()
    with sdb.session() as s:
        assert [e.action for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))][-1] == "a"
        result = verify(s, None)
    assert result.ok and result.entries == 3 and result.checkpoint_seq == 3


def test_checkpoint_is_signed_and_follows_the_head(sdb: Database, key_file: Path) -> None:
    _fill(sdb, 3)
    with sdb.session() as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        chain = s.execute(select(AuditEntry.id)).all()
    assert last is not None and len(chain) == 3
    from sqlalchemy import text

    with sdb.session() as s:
        chain_id = s.execute(text("select chain_id from audit_head")).scalar_one()
    cp = read_checkpoint(checkpoint_path(key_file, chain_id))
    assert cp is not None and (cp.seq, cp.hash) == (3, last.hash)
    assert oct(checkpoint_path(key_file, chain_id).stat().st_mode & 0o777) == "0o600"


def test_export_csv_has_every_entry_and_is_audited(sdb: Database, tmp_path: Path) -> None:
    _fill(sdb, 4)
    out = tmp_path / "nhat-ky.csv"
    proc = cli("audit", "export", "--db", str(sdb.engine.url), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == ["1", "2", "3", "4"]
    assert rows[0]["username"] == "tiepnhan" and rows[0]["object_id"] == "********1201"
    assert "Lò Thị Mai 1" in rows[0]["details"]
    with sdb.session() as s:
        actions = list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert actions[-1] == "audit.export"
    assert _verify_cli(sdb)[0] == 0


# ------------------------------------------------------------------------------ tampering


def _rehash_from(conn: sqlite3.Connection, start: int) -> None:
    """What an attacker who knows the algorithm (but not the station key) can do."""
    rows = conn.execute("select id, at, username, station, action, object_type, object_id, "
                        "details from audit_log where id >= ? order by id", (start,)).fetchall()
    prev = conn.execute("select hash from audit_log where id = ?", (start - 1,)).fetchone()
    prev_hash = prev[0] if prev else GENESIS
    for row in rows:
        digest = entry_hash(*row, prev_hash)
        conn.execute("update audit_log set prev_hash = ?, hash = ? where id = ?",
                     (prev_hash, digest, row[0]))
        prev_hash = digest


def _tamper(db: Database, sql: str, *params: object, rehash_from: int | None = None) -> None:
    conn = sqlite3.connect(_path(db))
    with conn:
        conn.execute(sql, params)
        if rehash_from:
            _rehash_from(conn, rehash_from)
    conn.close()


def test_intact_log_verifies(sdb: Database) -> None:
    _fill(sdb)
    code, out, _err = _verify_cli(sdb)
    assert code == 0 and out["ok"] is True and out["entries"] == 6 and out["checkpoint_seq"] == 6


def test_one_changed_byte_is_caught(sdb: Database) -> None:
    _fill(sdb)
    _tamper(sdb, "update audit_log set details = replace(details, 'Mai 3', 'Mai 8') where id = 3")
    code, out, err = _verify_cli(sdb)
    assert code == 1 and out["entry"] == 3 and out["problem"] == "audit.verify_altered"
    assert "entry 3" in err


def test_a_deleted_entry_is_caught(sdb: Database) -> None:
    _fill(sdb)
    _tamper(sdb, "delete from audit_log where id = 4")
    code, out, err = _verify_cli(sdb)
    assert code == 1 and out["entry"] == 4 and out["problem"] == "audit.verify_missing"
    assert "4–4" in err


def test_a_deleted_entry_with_renumbered_and_rehashed_rest_is_caught(sdb: Database) -> None:
    _fill(sdb)
    _tamper(sdb, "delete from audit_log where id = 2")
    _tamper(sdb, "update audit_log set id = id - 1 where id > 2", rehash_from=2)
    code, out, _err = _verify_cli(sdb)
    assert code == 1 and out["problem"] == "audit.verify_tail_cut" and out["entry"] == 6


def test_an_inserted_entry_is_caught(sdb: Database) -> None:
    _fill(sdb)
    # made room in the middle, forged entry 3 correctly linked to entry 2
    _tamper(sdb, "update audit_log set id = id + 100 where id >= 3")
    _tamper(sdb, "update audit_log set id = id - 99 where id >= 103")
    _tamper(sdb, "insert into audit_log values (3, '2026-01-01T00:00:00.000000+00:00', 'x', '', "
                 "'records.read', 'resident', null, '{}', '', '')", rehash_from=3)
    code, out, _err = _verify_cli(sdb)
    assert code == 1 and out["problem"] == "audit.verify_rewritten" and out["entry"] == 6


def test_an_entry_appended_outside_the_program_is_caught(sdb: Database) -> None:
    _fill(sdb)
    _tamper(sdb, "insert into audit_log values (7, '2026-01-01T00:00:00.000000+00:00', 'x', '', "
                 "'records.read', 'resident', null, '{}', '', '')", rehash_from=7)
    code, out, err = _verify_cli(sdb)
    assert code == 1 and out["problem"] == "audit.verify_unsigned_tail" and out["entry"] == 7
    assert "7–7" in err


def test_two_swapped_entries_are_caught(sdb: Database) -> None:
    _fill(sdb)
    conn = sqlite3.connect(_path(sdb))
    with conn:
        conn.execute("update audit_log set id = -2 where id = 2")
        conn.execute("update audit_log set id = 2 where id = 5")
        conn.execute("update audit_log set id = 5 where id = -2")
    conn.close()
    code, out, err = _verify_cli(sdb)
    assert code == 1 and out["entry"] == 2 and out["problem"] == "audit.verify_altered"
    assert "entry 2" in err


def test_a_cut_tail_is_caught(sdb: Database) -> None:
    _fill(sdb)
    _tamper(sdb, "delete from audit_log where id >= 5")
    code, out, err = _verify_cli(sdb)
    assert code == 1 and out["problem"] == "audit.verify_tail_cut" and out["entry"] == 5
    assert "5–6" in err


def test_a_rewritten_chain_is_caught_by_the_signature(sdb: Database) -> None:
    _fill(sdb)
    _tamper(sdb, "update audit_log set username = 'nobody' where id = 2", rehash_from=2)
    code, out, _err = _verify_cli(sdb)
    assert code == 1 and out["problem"] == "audit.verify_rewritten"


def test_a_forged_checkpoint_is_caught(sdb: Database, key_file: Path) -> None:
    _fill(sdb)
    _tamper(sdb, "delete from audit_log where id >= 5")
    from sqlalchemy import text

    with sdb.session() as s:
        chain_id = s.execute(text("select chain_id from audit_head")).scalar_one()
    path = checkpoint_path(key_file, chain_id)
    conn = sqlite3.connect(_path(sdb))
    head = conn.execute("select hash from audit_log where id = 4").fetchone()[0]
    conn.close()
    forged = {"chain_id": chain_id, "seq": 4, "hash": head, "station_key_id": "x",
              "mac": hashlib.sha256(b"guess").hexdigest()}
    slot = f"{4:020d} {json.dumps(forged)}".encode().ljust(511) + b"\n"
    path.write_bytes(slot * 2)
    code, out, _err = _verify_cli(sdb)
    assert code == 1 and out["problem"] == "audit.verify_checkpoint_forged"


def test_a_deleted_checkpoint_or_key_is_reported(sdb: Database, key_file: Path) -> None:
    _fill(sdb, 2)
    for cp in key_file.parent.glob("audit-checkpoint-*.json"):
        cp.unlink()
    code, out, _err = _verify_cli(sdb)
    assert code == 1 and out["problem"] == "audit.verify_no_checkpoint"
    key_file.unlink()
    code, out, err = _verify_cli(sdb)
    assert code == 1 and out["problem"] == "security.key_missing"
    assert "Traceback" not in err


def test_list_entries_for_the_administration_page(sdb: Database) -> None:
    from workstation.errors import PermissionDenied
    from workstation.security.audit import list_entries

    _fill(sdb, 5)
    with sdb.session() as s:
        record(s, Actor("lanhdao", frozenset({"leader"})), "biometrics.exception_approve",
               "application", "TN-SC-01-20260302-0001", {"reason": "amputated"})
    leader = Actor("lanhdao", frozenset({"leader"}))
    with sdb.session() as s:
        newest = list_entries(s, leader, limit=3)
        assert [e.id for e in newest] == [6, 5, 4]
        assert newest[0].details == {"reason": "amputated"} and newest[0].at.tzinfo
        assert [e.id for e in list_entries(s, leader, before_id=3)] == [2, 1]
        assert [e.id for e in list_entries(s, leader, action_prefix="biometrics.")] == [6]
        by_pid = list_entries(s, leader, object_id="019206001203")
        assert [e.id for e in by_pid] == [3] and by_pid[0].object_id == "********1203"
        with pytest.raises(PermissionDenied):
            list_entries(s, Actor("tiepnhan", frozenset({"reception"})))


def test_a_torn_checkpoint_write_spoils_one_slot_only(sdb: Database, key_file: Path) -> None:
    from sqlalchemy import text

    from workstation.security.keys import load_station_key

    _fill(sdb, 5)
    with sdb.session() as s:
        chain_id = s.execute(text("select chain_id from audit_head")).scalar_one()
    path = checkpoint_path(key_file, chain_id)
    mac_key = load_station_key(key_file).derive("audit-checkpoint")
    data = bytearray(path.read_bytes())
    newest_slot = 0 if data[:20] == b"%020d" % 5 else 1
    data[newest_slot * 512 + 60: newest_slot * 512 + 70] = b"\x00" * 10  # half-written
    path.write_bytes(bytes(data))
    cp = read_checkpoint(path, mac_key)
    assert cp is not None and cp.seq == 4  # the other slot still holds a signed checkpoint
