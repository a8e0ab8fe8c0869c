"""The core paths on SQLite and on PostgreSQL (``any_db``; the PostgreSQL half runs when
WORKSTATION_TEST_PG is set, as ``./run-tests`` does): the audit chain with its locked head row
and signed checkpoint, concurrent appenders, the vault, login with lock-out."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from models.applications import Application, BiometricRecord
from models.db import Database, DatabaseError
from models.security import AuditEntry
from workstation.errors import UserFacingError
from workstation.security import Actor, users
from workstation.security.audit import record, verify
from workstation.security.crypto import load_vault
from workstation.settings import Settings


def test_chain_checkpoint_and_tampering(any_db: Database, key_file: Path) -> None:
    officer = Actor("tiepnhan", frozenset({"reception"}), "TN-SC-01")
    for i in range(5):
        with any_db.session() as s:
            record(s, officer, "records.read", "resident", f"01920600120{i}", {"i": i})
    with any_db.session() as s:
        ok = verify(s, key_file)
        assert ok.ok and ok.entries == 5 and ok.checkpoint_seq == 5
        assert s.scalars(select(AuditEntry.object_id)).first() == "********1200"
    with any_db.session() as s:  # one changed byte, straight in the table
        s.execute(AuditEntry.__table__.update().where(AuditEntry.id == 3)
                  .values(details='{"i":7}'))
    with any_db.session() as s:
        bad = verify(s, key_file)
    assert not bad.ok and bad.entry == 3 and bad.problem == "audit.verify_altered"


def test_concurrent_appenders_never_fork_the_chain(any_db: Database, key_file: Path) -> None:
    """Four counters append at once. PostgreSQL queues them on the locked head row; SQLite
    refuses a writer whose snapshot is stale (db.locked, retried here) — never a fork."""
    errors: list[BaseException] = []

    def counter(n: int) -> None:
        actor = Actor(f"quay{n}", frozenset({"reception"}), f"Q{n}")
        for i in range(15):
            for _attempt in range(200):
                try:
                    with any_db.session() as s:
                        record(s, actor, "records.read", "resident", None, {"i": i})
                    break
                except DatabaseError as exc:
                    if exc.code != "db.locked":
                        errors.append(exc)
                        return
            else:
                errors.append(RuntimeError("never got the lock"))

    threads = [threading.Thread(target=counter, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors
    with any_db.session() as s:
        result = verify(s, key_file)
        ids = list(s.scalars(select(AuditEntry.id).order_by(AuditEntry.id)))
    assert ids == list(range(1, 61))
    assert result.ok and result.entries == 60 and result.checkpoint_seq == 60, result


def test_vault_round_trip(any_db: Database, settings: Settings, key_file: Path) -> None:
    with any_db.session() as s:
        app = Application(number="TN-SC-01-20260302-0001", station_code="TN-SC-01",
                          kind="first_issue", applicant_pid="019306001234",
                          age_group="14_and_over", received_on=date(2026, 3, 2))
        s.add(app)
        s.flush()
        rec = BiometricRecord(application_id=app.id, modality="face", position="face")
        load_vault(s, settings).seal_record(rec, b"synthetic face")
        rid = rec.id
    with any_db.session() as s:
        rec2 = s.get(BiometricRecord, rid)
        assert rec2 is not None and rec2.ciphertext is not None
        assert b"synthetic" not in rec2.ciphertext
        assert load_vault(s, settings).open_record(rec2) == b"synthetic face"


def test_login_and_lockout(any_db: Database, settings: Settings, fast_hash: None) -> None:
    with any_db.session() as s:
        users.add_user(s, Actor.system(), "vanthu1", "Ke-hoach-Mua-Xuan-3", ["clerk"],
                       settings=settings)
    two = settings.with_values(security__lockout_failures=2)
    for _ in range(2):
        with pytest.raises(UserFacingError):
            users.login(any_db, "vanthu1", "sai-mat-khau", settings=two)
    with pytest.raises(UserFacingError) as info:
        users.login(any_db, "vanthu1", "Ke-hoach-Mua-Xuan-3", settings=two)
    assert info.value.code == "security.account_locked"
