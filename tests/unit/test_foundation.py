"""The skeleton: settings, messages, CLI plumbing and migrations from empty."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from models.db import Database
from resources.messages import message
from workstation.settings import BY_NAME, load_settings, save_settings


def test_messages_are_vietnamese_by_default_and_english_on_request() -> None:
    assert message("db.locked").startswith("Cơ sở dữ liệu đang bận")
    assert message("db.locked", "en").startswith("The database is busy")
    assert message("no.such.code", "en", x=1) == "no.such.code (x=1)"


def test_settings_file_and_environment(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    s = load_settings(path, environ={})
    assert s["fingerprint.quality_threshold"] == 40
    save_settings(s.with_values(station__code="HN-01"), path)
    s2 = load_settings(path, environ={"WORKSTATION_FINGERPRINT_RETRIES": "5"})
    assert s2["station.code"] == "HN-01"
    assert s2["fingerprint.retries"] == 5
    assert BY_NAME["ui.language"].choices == ("vi", "en")


def test_bad_setting_value_is_a_clear_error(tmp_path: Path) -> None:
    from workstation.errors import UserFacingError

    with pytest.raises(UserFacingError) as info:
        load_settings(tmp_path / "none.toml", environ={"WORKSTATION_UI_LANGUAGE": "fr"})
    assert "ui.language" in info.value.text("vi")


def test_migrations_from_empty_match_the_models(db_url: str) -> None:
    import models.all  # noqa: F401
    from models.base import Base

    database = Database.open(db_url)
    database.upgrade()
    database.upgrade()  # twice is harmless
    with database.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    database.dispose()
    assert diff == []


def test_cli_bad_usage_is_one_line_and_exit_2() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "workstation.cli", "no-such-command"],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1
    assert "Traceback" not in proc.stderr


def test_write_session_commits_and_rolls_back(db: Database) -> None:
    from sqlalchemy import func, select

    from models.applications import Counter

    with db.write_session() as session:
        session.add(Counter(name="seq", value=1))
    with db.write_session(cache_kib=4000) as session:
        session.add(Counter(name="other", value=2))
    with pytest.raises(RuntimeError), db.write_session() as session:
        session.add(Counter(name="lost", value=3))
        session.flush()
        raise RuntimeError("half-way")
    with db.session() as session:
        names = session.scalars(select(Counter.name).order_by(Counter.name)).all()
        assert names == ["other", "seq"]
        assert session.scalar(select(func.count()).select_from(Counter)) == 2


def test_second_sqlite_writer_waits_then_gets_a_clear_error(tmp_path: Path) -> None:
    from models.applications import Counter
    from models.db import DatabaseError

    url = f"sqlite:///{tmp_path / 'busy.db'}"
    first = Database.open(url)
    first.upgrade()
    second = Database.open(url, busy_timeout_ms=200)
    with first.write_session() as session:
        session.add(Counter(name="a", value=1))
        session.flush()
        with pytest.raises(DatabaseError) as info, second.write_session() as other:
            other.add(Counter(name="b", value=1))
        assert info.value.code == "db.locked"
    first.dispose()
    second.dispose()


@pytest.mark.parametrize("argv", [
    ["--db", "sqlite:///x.db", "init"],
    ["init", "--db", "sqlite:///x.db"],
])
def test_db_option_before_or_after_the_subcommand(argv: list[str]) -> None:
    from workstation.cli import build_parser

    args = build_parser().parse_args(argv)
    assert args.db == "sqlite:///x.db"
    assert args.lang is None


def test_every_area_branch_is_applied(db: Database) -> None:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(db.alembic_config()).get_heads()
    assert db.current_heads() == tuple(sorted(heads))
    assert db.current_revision() == ",".join(sorted(heads))


def test_write_session_without_foreign_keys_restores_them(db: Database) -> None:
    """foreign_keys=False holds for that transaction only: the pooled connection (and every
    later session) enforces foreign keys again, also after a failed transaction."""
    if not db.is_sqlite:
        pytest.skip("a SQLite pragma")

    def enforced(session: Any) -> int:
        return int(session.connection().exec_driver_sql("PRAGMA foreign_keys").scalar())

    with db.write_session(foreign_keys=False) as session:
        assert enforced(session) == 0
    with db.write_session() as session:
        assert enforced(session) == 1
    with pytest.raises(RuntimeError), db.write_session(foreign_keys=False) as session:
        assert enforced(session) == 0
        raise RuntimeError("half-way")
    with db.session() as session:
        assert enforced(session) == 1
