"""Test-wide setup: offscreen Qt, a private config and data directory, fresh databases."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _private_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test reads or writes the real user's settings, data or key files."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("WORKSTATION_CONFIG", str(home / "config" / "settings.toml"))
    monkeypatch.delenv("WORKSTATION_DB", raising=False)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """URL of a fresh, empty SQLite database (see ``any_db_url`` for PostgreSQL too)."""
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the server WORKSTATION_TEST_PG names (dropped after).

    Skipped when the variable is not set: ``./run-tests`` starts a private server with
    ``scripts/services/postgres.sh`` and sets it.
    """
    pg = os.environ.get("WORKSTATION_TEST_PG")
    if not pg:
        pytest.skip("WORKSTATION_TEST_PG is not set (./run-tests starts a PostgreSQL server)")
    import uuid

    from sqlalchemy import create_engine, text

    name = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(pg, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield pg.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same test on SQLite and on PostgreSQL (skipped when WORKSTATION_TEST_PG is unset)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'any.db'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def any_db(any_db_url: str) -> Iterator[object]:
    """An opened, migrated database on SQLite and on PostgreSQL."""
    from models.db import Database

    database = Database.open(any_db_url)
    database.upgrade()
    yield database
    database.dispose()


@pytest.fixture
def db(db_url: str) -> Iterator[object]:
    """An opened, migrated database (``models.db.Database``)."""
    from models.db import Database

    database = Database.open(db_url)
    database.upgrade()
    yield database
    database.dispose()


# The vpcd readers of the real pcscd (scripts/services/pcscd.sh): a test run beside others (the
# smart-card bench uses the second) takes the one that holds no card, so that it never reads (and
# resets) someone else's virtual card nor they its.
VPCD_READERS = ((int(os.environ.get("WORKSTATION_TEST_VPCD2_PORT", "35964")),
                 os.environ.get("WORKSTATION_TEST_VPCD2_READER", "Virtual PCD 00 01")),
                (int(os.environ.get("WORKSTATION_TEST_VPCD_PORT", "35963")),
                 os.environ.get("WORKSTATION_TEST_VPCD_READER", "Virtual PCD 00 00")))


@pytest.fixture
def free_vpcd_reader() -> tuple[str, int, str]:
    """``(host, port, reader name)`` of a vpcd reader without a card (waits while both are in
    use); skips when pcscd with the vpcd driver is not running."""
    if not os.environ.get("WORKSTATION_TEST_PCSCD"):
        pytest.skip("pcscd with the vpcd virtual reader is not running "
                    "(scripts/services/pcscd.sh start)")
    from devices.smartcard.pcsc import PcscAdapter

    adapter = PcscAdapter()
    try:
        deadline = time.monotonic() + 30
        while True:
            for port, name in VPCD_READERS:
                if adapter.card_present(name) is False:
                    return os.environ.get("WORKSTATION_TEST_VPCD_HOST", "127.0.0.1"), port, name
            if time.monotonic() > deadline:
                raise AssertionError("both vpcd readers hold a card (another run uses them)")
            time.sleep(0.2)
    finally:
        adapter.close()


@pytest.fixture(scope="module")
def cups() -> Iterator[dict[str, str]]:
    """The CUPS that run-tests started, or a private one for the module (services/cups.sh)."""
    if os.environ.get("WORKSTATION_TEST_CUPS_PRINTER"):
        yield {k: os.environ[k] for k in ("CUPS_SERVER", "WORKSTATION_TEST_CUPS_PRINTER",
                                          "WORKSTATION_TEST_CUPS_OUT") if k in os.environ}
        return
    if shutil.which("cupsd") is None or os.geteuid() != 0:
        pytest.skip("CUPS is not installed or we are not root: scripts/services/cups.sh")
    script = Path(__file__).resolve().parents[1] / "scripts" / "services" / "cups.sh"
    env = dict(os.environ, WORKSTATION_CUPS_DIR=f"/tmp/workstation-cups-test-{os.getpid()}")
    proc = subprocess.run(["bash", str(script), "start"], capture_output=True, text=True,
                          env=env, timeout=120)
    if proc.returncode != 0:
        pytest.skip("could not start cupsd: " + proc.stderr[-500:])
    values = dict(line.split("=", 1) for line in proc.stdout.splitlines() if "=" in line)
    try:
        yield values
    finally:
        subprocess.run(["bash", str(script), "stop"], env=env, capture_output=True, timeout=60)


@pytest.fixture
def cups_env(cups: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    if "CUPS_SERVER" in cups:
        monkeypatch.setenv("CUPS_SERVER", cups["CUPS_SERVER"])
    return cups
