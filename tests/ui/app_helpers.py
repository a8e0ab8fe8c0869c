"""Building the whole desktop app for tests: a migrated database with synthetic residents,
station keys, staff accounts, printing into a folder, simulated devices, immediate workers."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from models.db import Database
from models.records import IdentityDocument, ParentLink, Resident, ResidentNameToken
from workstation.rules.names import fold, name_tokens
from workstation.security import Actor
from workstation.settings import Settings, load_settings

TODAY = date(2026, 11, 27)
PASSWORD = "tram-xanh-Ke7#mua"
LEADER_PASSWORD = "cau-vong-Pz4#dem"

# Synthetic people only. Ages on TODAY: 5, 10, 40 (and adult parents).
FATHER = dict(pid="019085001234", full_name="Lò Văn Tủa", date_of_birth=date(1985, 4, 2),
              sex="male")
MOTHER = dict(pid="019188004321", full_name="Hà Thị Lan", date_of_birth=date(1988, 9, 9),
              sex="female")
SMALL = dict(pid="019321001111", full_name="Lò Thị Mai", date_of_birth=date(2021, 3, 5),
             sex="female")
MIDDLE = dict(pid="019216002222", full_name="Lò Văn Nam", date_of_birth=date(2016, 5, 20),
              sex="male")
ADULT = dict(pid="019086003333", full_name="Nguyễn Văn Bình", date_of_birth=date(1986, 10, 10),
             sex="male")
ADULT_CARD = dict(number="019086003333", issued_on=date(2025, 1, 15), expires_on=date(2046, 10, 10))


def _resident(p: dict[str, Any], **kw: Any) -> Resident:
    return Resident(pid=p["pid"], full_name=p["full_name"], name_key=fold(p["full_name"]),
                    date_of_birth=p["date_of_birth"], birth_year=p["date_of_birth"].year,
                    sex=p["sex"], ethnicity="Kinh", residence="Tổ dân phố 5, phường Thắng Lợi",
                    **kw)


def seed_people(db: Database) -> None:
    with db.session() as s:
        people = {k: _resident(p) for k, p in (("father", FATHER), ("mother", MOTHER),
                                               ("small", SMALL), ("middle", MIDDLE),
                                               ("adult", ADULT))}
        s.add_all(people.values())
        s.flush()
        s.add_all([ResidentNameToken(resident_id=r.id, position=i, token=tok,
                                     birth_year=r.birth_year)
                   for r in people.values() for i, tok in enumerate(name_tokens(r.full_name))])
        s.add_all([
            ParentLink(child_id=people["small"].id, role="father", parent_pid=FATHER["pid"],
                       parent_name=FATHER["full_name"]),
            ParentLink(child_id=people["small"].id, role="mother", parent_pid=MOTHER["pid"],
                       parent_name=MOTHER["full_name"]),
            ParentLink(child_id=people["middle"].id, role="mother", parent_pid=MOTHER["pid"],
                       parent_name=MOTHER["full_name"]),
            IdentityDocument(resident_id=people["adult"].id, type="cccd", **ADULT_CARD),
            IdentityDocument(resident_id=people["father"].id, type="cccd",
                             number=FATHER["pid"], issued_on=date(2021, 6, 1),
                             expires_on=date(2025, 4, 2)),
        ])
        s.flush()
        assert s.scalar(select(Resident.id).where(Resident.pid == SMALL["pid"]))


@dataclass
class Station:
    db: Database
    settings: Settings
    printed: Path
    url: str


def make_station(tmp_path: Path, db_url: str) -> Station:
    from workstation.security.setup import init_security
    from workstation.security.users import add_user

    printed = tmp_path / "printed"
    settings = load_settings(environ={}).with_values(
        printing__folder=str(printed), printing__spool_folder=str(tmp_path / "spool"),
        ui__idle_lock_minutes=10, fingerprint__simulator_delay_ms=0)
    db = Database.open(db_url)
    db.upgrade()
    init_security(db, settings, admin_password_file=lambda: "Quan-tri#2026x")
    system = Actor.system("test")
    with db.session() as s:
        add_user(s, system, "thu.nguyen", PASSWORD, ["reception", "capture", "clerk"],
                 settings=settings, full_name="Nguyễn Thị Thu", must_change_password=False)
        add_user(s, system, "lanhdao", LEADER_PASSWORD, ["leader"], settings=settings,
                 full_name="Trần Văn Lãnh", must_change_password=False)
    seed_people(db)
    return Station(db, settings, printed, db_url)


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, timeout=60, check=True)
    return out.stdout


def printed_pdf(station: Station, prefix: str, number: str) -> Path:
    """The newest PDF the printer received for ``prefix`` (CC01, CC02, BL, BBGN) + number."""
    found = sorted(station.printed.glob(f"{prefix}*{number}*.pdf"),
                   key=lambda p: p.stat().st_mtime)
    assert found, f"no {prefix} printed for {number}: {list(station.printed.glob('*'))}"
    return found[-1]


def audit_actions(db: Database, number: str) -> list[str]:
    from models.security import AuditEntry

    with db.session() as s:
        return list(s.scalars(select(AuditEntry.action).where(AuditEntry.object_id == number)
                              .order_by(AuditEntry.id)))


def insert_card(person: dict[str, Any], expiry: date | None, *, face: bool = True,
                issue_date: date = date(2024, 9, 2)) -> Any:
    """Put a synthetic chip card of ``person`` on the simulated reader."""
    from devices.smartcard.emulator import CardProfile
    from devices.smartcard.registry import shared_simulator

    profile = CardProfile(pid=person["pid"], full_name=person["full_name"],
                          date_of_birth=person["date_of_birth"], sex=person["sex"],
                          expiry=expiry, issue_date=issue_date, face=face)
    return shared_simulator().insert(profile=profile)


def delete_windows(windows: list[Any]) -> None:
    """Close and delete ``windows`` now (emptying the list), not at an event loop that may
    never run: a later style or language change would otherwise restyle them all."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    while windows:
        window = windows.pop()
        window.close()
        window.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
