"""Fixtures of the security tests: settings, a migrated database with a station key, a cheap
argon2 so that the many logins of these tests stay fast (the real parameters are checked in
test_passwords and measured by bench/security.py)."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import text

from models.db import Database
from workstation.security import Actor
from workstation.settings import Settings, load_settings


@pytest.fixture
def settings() -> Settings:
    return load_settings()


@pytest.fixture
def key_file(settings: Settings) -> Path:
    from workstation.security.keys import create_station_key, key_path

    path = key_path(settings)
    create_station_key(path)
    return path


@pytest.fixture(scope="session")
def _template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file per test session, copied for each test (migrations are slow)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    database = Database.open(f"sqlite:///{path}")
    database.upgrade()
    database.dispose()
    return path


@pytest.fixture
def sdb(tmp_path: Path, _template_db: Path, key_file: Path) -> Iterator[Database]:
    """A migrated SQLite database whose station key exists (as after ``workstation init``);
    test_security_postgres.py runs the core paths on PostgreSQL too."""
    path = tmp_path / "station.db"
    shutil.copyfile(_template_db, path)
    database = Database.open(f"sqlite:///{path}")
    with database.session() as s:  # each copy is its own chain
        s.execute(text("update audit_head set chain_id = :c"), {"c": uuid.uuid4().hex})
    yield database
    database.dispose()


@pytest.fixture
def fast_hash(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from workstation.security import passwords

    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(passwords, "_hasher", cheap)
    passwords._dummy_hash.cache_clear()
    yield
    passwords._dummy_hash.cache_clear()


@pytest.fixture
def admin() -> Actor:
    return Actor("quantri", frozenset({"admin"}), "TN-SC-01", "Quản trị viên thử nghiệm")
