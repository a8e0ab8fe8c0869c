"""Encryption at rest: sealed blobs, wrong or missing keys fail loudly, rotation, the dump."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models.applications import Application, BiometricRecord
from models.db import Database
from models.security import DataKey
from workstation.security import Actor
from workstation.security.crypto import BiometricVault, CryptoError, load_vault
from workstation.security.keys import (
    StationKeyError,
    create_station_key,
    key_path,
    load_station_key,
)
from workstation.settings import Settings

# A synthetic "image": recognisable bytes that must never appear in the database file.
IMAGE = b"\xff\xd8\xff\xe0SYNTHETIC-FACE-" + bytes(range(256)) * 8 + b"-END"


def _application(s: object, number: str = "TN-SC-01-20260302-0001") -> Application:
    app = Application(number=number, station_code="TN-SC-01", kind="first_issue",
                      applicant_pid="019306001234", age_group="14_and_over",
                      received_on=date(2026, 3, 2))
    s.add(app)  # type: ignore[attr-defined]
    s.flush()  # type: ignore[attr-defined]
    return app


def _capture(db: Database, settings: Settings, image: bytes = IMAGE) -> int:
    with db.session() as s:
        app = _application(s)
        rec = BiometricRecord(application_id=app.id, modality="face", position="face",
                              format="jpeg")
        load_vault(s, settings).seal_record(rec, image)
        return rec.id


def test_seal_and_open_round_trip_with_fresh_nonces(sdb: Database, settings: Settings) -> None:
    rid = _capture(sdb, settings)
    with sdb.session() as s:
        rec = s.get(BiometricRecord, rid)
        assert rec is not None and rec.ciphertext is not None and rec.nonce is not None
        vault = load_vault(s, settings)
        assert vault.open_record(rec) == IMAGE
        assert len(rec.nonce) == 12 and rec.key_id == vault.active_key_id()
        nonces = {vault.seal(rid, IMAGE)[1] for _ in range(50)}
    assert len(nonces) == 50


def test_blob_moved_to_another_record_or_altered_fails_loudly(
    sdb: Database, settings: Settings
) -> None:
    rid = _capture(sdb, settings)
    with sdb.session() as s:
        rec = s.get(BiometricRecord, rid)
        assert rec is not None and rec.ciphertext is not None and rec.nonce is not None
        vault = load_vault(s, settings)
        with pytest.raises(CryptoError) as info:
            vault.open(rid + 1, rec.key_id or "", rec.nonce, rec.ciphertext)
        assert info.value.code == "security.decrypt_failed"
        flipped = bytes([rec.ciphertext[0] ^ 1]) + rec.ciphertext[1:]
        with pytest.raises(CryptoError):
            vault.open(rid, rec.key_id or "", rec.nonce, flipped)


def test_database_dump_has_no_readable_biometric_and_no_key(
    sdb: Database, settings: Settings, key_file: Path
) -> None:
    _capture(sdb, settings)
    raw = Path(sdb.engine.url.database or "").read_bytes()
    dump = "\n".join(sqlite3.connect(sdb.engine.url.database or "").iterdump())
    assert b"SYNTHETIC-FACE" not in raw
    assert "SYNTHETIC-FACE" not in dump and IMAGE.hex() not in dump
    station = load_station_key(key_file)
    with sdb.session() as s:
        wrapped = s.scalars(select(DataKey)).one()
        assert station.secret.hex() not in dump
        assert BiometricVault(s, station)._data_key(wrapped.key_id).hex() not in dump


def test_wrong_station_key_fails_loudly_and_writes_nothing(
    sdb: Database, settings: Settings, key_file: Path
) -> None:
    rid = _capture(sdb, settings)
    os.replace(key_file, key_file.with_name("real.key"))
    create_station_key(key_file)  # another station's key
    with sdb.session() as s:
        before = s.scalar(select(func.count()).select_from(BiometricRecord))
    for action in ("open", "seal"):
        with pytest.raises(StationKeyError) as info, sdb.session() as s:
            vault = load_vault(s, settings)
            rec = s.get(BiometricRecord, rid)
            assert rec is not None
            if action == "open":
                vault.open_record(rec)
            else:
                vault.seal_record(BiometricRecord(application_id=rec.application_id,
                                                  modality="finger", position="right_thumb"),
                                  IMAGE)
        assert info.value.code == "security.key_wrong"
        assert "Không có dữ liệu nào được ghi" in info.value.text("vi")
    with sdb.session() as s:
        assert s.scalar(select(func.count()).select_from(BiometricRecord)) == before
        assert s.scalar(select(func.count()).select_from(DataKey)) == 1


def test_missing_key_file_fails_loudly_once_data_exists(
    sdb: Database, settings: Settings, key_file: Path
) -> None:
    _capture(sdb, settings)
    key_file.unlink()
    with pytest.raises(StationKeyError) as info, sdb.session() as s:
        load_vault(s, settings)
    assert info.value.code == "security.key_missing" and str(key_file) in info.value.text("en")
    assert not key_file.exists()  # never silently replaced by a new key


def test_key_file_must_be_private(settings: Settings, key_file: Path) -> None:
    os.chmod(key_file, 0o644)
    with pytest.raises(StationKeyError) as info:
        load_station_key(key_file)
    assert info.value.code == "security.key_permissions"
    key_file.write_text("not a key\n")
    os.chmod(key_file, 0o600)
    with pytest.raises(StationKeyError) as info:
        load_station_key(key_file)
    assert info.value.code == "security.key_invalid"


def test_first_use_creates_the_station_key_and_a_data_key(db: Database,
                                                          settings: Settings) -> None:
    path = key_path(settings)
    assert not path.exists()
    rid = _capture(db, settings)
    assert path.exists() and oct(path.stat().st_mode & 0o777) == "0o600"
    with db.session() as s:
        rec = s.get(BiometricRecord, rid)
        assert rec is not None and load_vault(s, settings).open_record(rec) == IMAGE


def test_station_key_rotation_rewraps_and_old_blobs_still_open(
    sdb: Database, settings: Settings, key_file: Path
) -> None:
    from workstation.security.rotation import rotate_data_key_cli, rotate_station_key

    rid = _capture(sdb, settings)
    old = load_station_key(key_file)
    result = rotate_station_key(sdb, Actor.system(), settings)
    new = load_station_key(key_file)
    assert result["old_key_id"] == old.key_id and result["new_key_id"] == new.key_id
    assert result["rewrapped"] == 1 and new.key_id != old.key_id
    assert key_file.with_name(key_file.name + ".old").exists()
    with sdb.session() as s:
        rec = s.get(BiometricRecord, rid)
        assert rec is not None
        assert load_vault(s, settings).open_record(rec) == IMAGE
        with pytest.raises(StationKeyError):
            BiometricVault(s, old).open_record(rec)
        from workstation.security.audit import verify

        assert verify(s, key_file).ok  # checkpoint re-signed with the new key
    new_id = rotate_data_key_cli(sdb, Actor.system(), settings)
    rid2 = _capture_second(sdb, settings)
    with sdb.session() as s:
        rec2 = s.get(BiometricRecord, rid2)
        rec1 = s.get(BiometricRecord, rid)
        assert rec2 is not None and rec1 is not None
        assert rec2.key_id == new_id and rec1.key_id != new_id
        vault = load_vault(s, settings)
        assert vault.open_record(rec1) == IMAGE and vault.open_record(rec2) == b"second"


def _capture_second(db: Database, settings: Settings) -> int:
    with db.session() as s:
        app = _application(s, "TN-SC-01-20260302-0002")
        rec = BiometricRecord(application_id=app.id, modality="signature", position="signature")
        load_vault(s, settings).seal_record(rec, b"second")
        return rec.id


def test_interrupted_rotation_is_finished_by_the_next_one(
    sdb: Database, settings: Settings, key_file: Path
) -> None:
    from workstation.security.crypto import rewrap_data_keys
    from workstation.security.rotation import rotate_station_key

    rid = _capture(sdb, settings)
    old = load_station_key(key_file)
    pending = create_station_key(key_file.with_name(key_file.name + ".new"))
    with sdb.session() as s:  # the database was re-wrapped, then the program stopped
        rewrap_data_keys(s, old, pending)
    result = rotate_station_key(sdb, Actor.system(), settings)
    assert result["resumed"] and load_station_key(key_file).key_id == pending.key_id
    with sdb.session() as s:
        rec = s.get(BiometricRecord, rid)
        assert rec is not None and load_vault(s, settings).open_record(rec) == IMAGE


def test_purged_record_says_so(sdb: Database, settings: Settings) -> None:
    rid = _capture(sdb, settings)
    with sdb.session() as s:
        rec = s.get(BiometricRecord, rid)
        assert rec is not None
        rec.ciphertext = None
        rec.purged_at = datetime.now(UTC)
        with pytest.raises(CryptoError) as info:
            load_vault(s, settings).open_record(rec)
        assert info.value.code == "security.biometric_purged"


def test_reading_an_image_needs_the_permission_and_is_audited(
    sdb: Database, settings: Settings
) -> None:
    from workstation.errors import PermissionDenied
    from workstation.security.crypto import read_biometric

    rid = _capture(sdb, settings)
    leader = Actor("lanhdao", frozenset({"leader"}), "TN-SC-01")
    with sdb.session() as s:
        rec = s.get(BiometricRecord, rid)
        assert rec is not None
        with pytest.raises(PermissionDenied):
            read_biometric(s, Actor("vanthu", frozenset({"clerk"})), rec, settings)
        assert read_biometric(s, leader, rec, settings, purpose="exception_review") == IMAGE
    from models.security import AuditEntry

    with sdb.session() as s:
        entries = s.scalars(select(AuditEntry)).all()
    assert [(e.username, e.action, e.object_id) for e in entries] == [
        ("lanhdao", "biometrics.read", str(rid))]
    assert "exception_review" in entries[0].details and "SYNTHETIC" not in entries[0].details
