"""The security subcommands as the station's IT person runs them (real subprocesses)."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from models.applications import Application, BiometricRecord
from models.db import Database
from models.security import AuditEntry
from workstation.security import Actor
from workstation.security.crypto import load_vault
from workstation.settings import Settings

from .helpers import cli


def _url(path: Path) -> str:
    return f"sqlite:///{path}"


def test_init_without_a_way_to_ask_prints_what_to_do(tmp_path: Path) -> None:
    db = tmp_path / "st.db"
    proc = cli("audit", "export", "--out", str(tmp_path / "a.csv"), "--db", _url(db),
               "--lang", "en")  # before init: one clear line, no file
    assert proc.returncode == 1 and "not initialised" in proc.stderr
    assert proc.stderr.count("\n") == 1 and not (tmp_path / "a.csv").exists()
    proc = cli("init", "--db", _url(db), stdin="")
    assert proc.returncode == 0, proc.stderr
    assert "--admin-password-file" in proc.stdout and "Traceback" not in proc.stderr
    proc = cli("init", "--db", _url(db), "--json", stdin="")
    out = json.loads(proc.stdout)
    assert out["security"]["admin"] is None and out["security"]["key_created"] is False


def test_init_with_admin_password_file_then_users(tmp_path: Path) -> None:
    db, pw = tmp_path / "st.db", tmp_path / "pw.txt"
    pw.write_text("Cay-Tre-Lang-Que-5\n", encoding="utf-8")
    proc = cli("init", "--db", _url(db), "--admin-password-file", str(pw), "--json", stdin="")
    assert proc.returncode == 0, proc.stderr
    sec = json.loads(proc.stdout)["security"]
    assert sec["admin"] == "admin" and sec["key_created"] is True
    assert Path(sec["station_key_file"]).stat().st_mode & 0o777 == 0o600
    pw.write_text("Ba con meo treo cay cau\n", encoding="utf-8")
    proc = cli("users", "add", "thunhan1", "--role", "capture,reception", "--full-name",
               "Lò Văn Tủa", "--password-file", str(pw), "--db", _url(db), "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    assert "thunhan1" in proc.stdout and "first login" in proc.stdout
    proc = cli("users", "list", "--db", _url(db), "--json")
    listed = {u["username"]: u for u in json.loads(proc.stdout)}
    assert listed["thunhan1"]["roles"] == ["reception", "capture"]
    assert listed["thunhan1"]["state"] == "must_change"
    assert listed["admin"]["state"] == "active"
    proc = cli("users", "disable", "admin", "--db", _url(db), "--lang", "en")
    assert proc.returncode == 1 and "last active administrator" in proc.stderr
    # weak password, no password source, bad role: one clear line each, nothing written
    pw.write_text("matkhau123\n", encoding="utf-8")
    proc = cli("users", "passwd", "thunhan1", "--password-file", str(pw), "--db", _url(db))
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1
    proc = cli("users", "add", "vanthu1", "--role", "clerk", "--db", _url(db), stdin="")
    assert proc.returncode == 2 and "--password-file" in proc.stderr
    dump = "\n".join(sqlite3.connect(db).iterdump())
    assert "Cay-Tre-Lang-Que-5" not in dump and "Ba con meo" not in dump
    assert cli("audit", "verify", "--db", _url(db)).returncode == 0


def test_demo_accounts_on_an_empty_station(
    db: Database, settings: Settings, fast_hash: None
) -> None:
    """What ``init --demo-if-empty`` (the ./run-app path) does for accounts, in-process: the
    CLI flag only passes through (the demo city it also fills is not this area's)."""
    from workstation.security.setup import init_security
    from workstation.security.users import list_users, login

    said: list[tuple[str, dict[str, object]]] = []
    sec = init_security(db, settings, demo_if_empty=True,
                        say=lambda code, **p: said.append((code, p)))
    assert sec["demo_accounts"] == ["admin", "tiepnhan", "thunhan", "vanthu", "lanhdao"]
    password = str(sec["demo_password"])
    assert password.startswith("demo-") and len(password) >= 12
    assert ("security.demo_accounts", {"usernames": "admin, tiepnhan, thunhan, vanthu, lanhdao",
                                       "password": password}) in said
    said.clear()
    again = init_security(db, settings, demo_if_empty=True,
                          say=lambda code, **p: said.append((code, p)))
    assert again["admin"] == "exists" and "demo_password" not in again
    assert all("password" not in p for _c, p in said)  # shown once only
    with db.session() as s:
        users = {u.username: u for u in list_users(s, Actor.system())}
    assert users["lanhdao"].roles == ("leader",) and users["vanthu"].roles == ("clerk",)
    assert all(u.must_change_password for u in users.values())
    result = login(db, "tiepnhan", password, settings=settings)
    assert result.must_change_password and result.actor.roles == frozenset({"reception"})


def test_read_only_database_is_a_clear_message_and_nothing_changes(
    sdb: Database, settings: Settings, tmp_path: Path, key_file: Path
) -> None:
    path = Path(sdb.engine.url.database or "")
    with sdb.session() as s:
        from workstation.security.audit import record

        record(s, Actor.system(), "test", "x")
    sdb.dispose()
    before = path.read_bytes()
    ro = f"sqlite:///file:{path}?mode=ro&uri=true"
    pw = tmp_path / "pw.txt"
    pw.write_text("Cay-Tre-Lang-Que-5\n", encoding="utf-8")
    for args in (["users", "add", "vanthu1", "--role", "clerk", "--password-file", str(pw)],
                 ["keys", "rotate"], ["keys", "rotate", "--data-key"]):
        # (cwd: Database.open makes the parent folder of "file:…" relative to the cwd)
        proc = cli(*args, "--db", ro, "--lang", "en", stdin="", cwd=str(tmp_path))
        assert proc.returncode == 1, (args, proc.stdout, proc.stderr)
        assert proc.stderr.strip().startswith("The database is read-only"), proc.stderr
    assert path.read_bytes() == before
    assert not key_file.with_name(key_file.name + ".new").exists()
    assert cli("audit", "verify", "--db", ro, cwd=str(tmp_path)).returncode == 0


def test_missing_key_file_is_a_clear_message(
    sdb: Database, settings: Settings, key_file: Path
) -> None:
    with sdb.session() as s:
        load_vault(s, settings)  # the station's first data key
    key_file.unlink()
    url = str(sdb.engine.url)
    for args in (["init"], ["keys", "show"], ["keys", "rotate"]):
        proc = cli(*args, "--db", url, "--lang", "en", stdin="")
        assert proc.returncode == 1 and "station key file is missing" in proc.stderr, args
        assert not key_file.exists()
    from workstation.security.keys import create_station_key

    create_station_key(key_file)  # a wrong key: another station's, or a fresh one
    proc = cli("init", "--db", url, "--lang", "en", stdin="")
    assert proc.returncode == 1 and "does not match the encrypted data" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_keys_rotate_via_cli(sdb: Database, settings: Settings, key_file: Path) -> None:
    with sdb.session() as s:
        load_vault(s, settings)
    old = json.loads(cli("keys", "show", "--db", str(sdb.engine.url), "--json").stdout)
    proc = cli("keys", "rotate", "--db", str(sdb.engine.url), "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["old_key_id"] == old["station_key_id"] and out["rewrapped"] == 1
    new = json.loads(cli("keys", "show", "--db", str(sdb.engine.url), "--json").stdout)
    assert new["station_key_id"] == out["new_key_id"]
    assert cli("audit", "verify", "--db", str(sdb.engine.url)).returncode == 0


def test_purge_after_retention_is_audited(sdb: Database, settings: Settings) -> None:
    now = datetime.now(UTC)
    days = settings["security.biometric_retention_days"]
    with sdb.session() as s:
        vault = load_vault(s, settings)
        for n, (state, handed) in enumerate((
            ("handed_over", now - timedelta(days=days + 1)),  # purged
            ("handed_over", now - timedelta(days=days - 1)),  # not yet
            ("card_arrived", None),                             # not handed over
        )):
            app = Application(number=f"TN-SC-01-20260302-{n:04d}", station_code="TN-SC-01",
                              kind="first_issue", applicant_pid="019306001234",
                              age_group="14_and_over", received_on=date(2026, 3, 2),
                              state=state, handed_over_at=handed)
            s.add(app)
            s.flush()
            for pos in ("face", "right_index"):
                rec = BiometricRecord(application_id=app.id, modality="face", position=pos)
                vault.seal_record(rec, b"synthetic " + pos.encode())
    url = str(sdb.engine.url)
    dry = json.loads(cli("biometrics", "purge", "--dry-run", "--db", url, "--json").stdout)
    assert dry["applications"] == 1 and dry["records"] == 2 and dry["dry_run"]
    proc = cli("biometrics", "purge", "--db", url, "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["numbers"] == ["TN-SC-01-20260302-0000"]
    with sdb.session() as s:
        recs = s.scalars(select(BiometricRecord).order_by(BiometricRecord.id)).all()
        assert [r.ciphertext is None for r in recs] == [True, True, False, False, False, False]
        assert recs[0].purged_at is not None and recs[0].nonce is None
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "biometrics.purge"))
        purged = [(e.object_id, json.loads(e.details)["records"]) for e in entries]
    assert purged == [("TN-SC-01-20260302-0000", 2)]
    again = json.loads(cli("biometrics", "purge", "--db", url, "--json").stdout)
    assert again["applications"] == 0
