"""Fixtures for the application lifecycle: a migrated database with a few synthetic residents.

While the rules (``workstation.checking``), the audit log and the biometric cipher of the other
areas are not importable, ``seams`` is pointed at small test doubles declared here (each test
that needs the real piece is marked ``real_*`` and skipped until it lands).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest

from models.db import Database
from models.records import IdentityDocument, ParentLink, Resident
from workstation.enrollment import EnrollmentService, seams
from workstation.rules.names import fold
from workstation.security import Actor
from workstation.security.crypto import ensure_data_key
from workstation.security.keys import create_station_key, key_path
from workstation.settings import load_settings

TODAY = date(2026, 11, 27)


def has(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


REAL_RULES = has("workstation.checking")
REAL_AUDIT = has("workstation.security.audit")


def _age(dob: date, on: date) -> int:
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


def stub_check(session: Any, request: dict[str, Any], on: date, settings: Any,
               lang: str = "vi") -> dict[str, Any]:
    """Test double of workstation.checking.check: age group, collect, fee by the textbook cases."""
    applicant = request["applicant"]
    dob = date.fromisoformat(applicant["date_of_birth"])
    age = _age(dob, on)
    group = "under_6" if age < 6 else "6_to_under_14" if age < 14 else "14_and_over"
    findings = []
    if group != "14_and_over" and not (request.get("representative") or {}).get("pid"):
        findings.append({"severity": "error", "field": "representative",
                         "code": "representative.missing", "message": "missing"})
    fee = 15000 if request.get("reason") == "cccd_conversion" else 0
    return {"ok": not findings, "kind": request["kind"], "reason": request.get("reason"),
            "age_group": group, "representative_required": group != "14_and_over",
            "collect": {"face": group != "under_6", "fingerprints": group != "under_6",
                        "iris": group != "under_6"},
            "card_expiry": None, "fee_vnd": fee, "fee_rule": "stub",
            "return_by": (on + timedelta(days=9)).isoformat(), "findings": findings}




@pytest.fixture
def audit_log(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str | None, dict[str, Any]]]:
    calls: list[tuple[str, str | None, dict[str, Any]]] = []
    if not REAL_AUDIT:
        def fake(session: Any, actor: Any, action: str, object_type: str,
                 object_id: str | None = None, details: dict[str, Any] | None = None) -> None:
            calls.append((action, object_id, dict(details or {})))
        monkeypatch.setattr(seams, "audit", fake)
    return calls


@pytest.fixture
def enroll(db: Database, monkeypatch: pytest.MonkeyPatch,
           audit_log: Any) -> Iterator[EnrollmentService]:
    if not REAL_RULES:
        monkeypatch.setattr(seams, "check", stub_check)
    settings = load_settings(environ={})
    _seed(db)
    station = create_station_key(key_path(settings))
    with db.session() as s:
        ensure_data_key(s, station)
    yield EnrollmentService(db, settings, today=lambda: TODAY, lang="en")


def _resident(pid: str, name: str, dob: date, sex: str, **kw: Any) -> Resident:
    return Resident(pid=pid, full_name=name, name_key=fold(name), date_of_birth=dob,
                    birth_year=dob.year, sex=sex, **kw)


def _seed(db: Database) -> None:
    with db.session() as s:
        father = _resident("019085001234", "Lò Văn Tủa", date(1985, 4, 2), "male")
        mother = _resident("019188004321", "Hà Thị Lan", date(1988, 9, 9), "female")
        small = _resident("019321001111", "Lò Thị Mai", date(2021, 3, 5), "female")
        middle = _resident("019216002222", "Lò Văn Nam", date(2016, 5, 20), "male")
        adult = _resident("019086003333", "Nguyễn Văn Bình", date(1986, 10, 10), "male")
        s.add_all([father, mother, small, middle, adult])
        s.flush()
        s.add_all([ParentLink(child_id=small.id, role="father", parent_pid=father.pid,
                              parent_name=father.full_name),
                   ParentLink(child_id=middle.id, role="mother", parent_pid=mother.pid,
                              parent_name=mother.full_name),
                   IdentityDocument(resident_id=adult.id, type="cccd", number="019086003333",
                                    issued_on=date(2025, 1, 15), expires_on=date(2046, 10, 10))])


ACTOR = Actor("thu.nguyen", frozenset({"reception", "capture", "clerk"}), "TN-SC-01",
              "Nguyễn Thị Thu")
LEADER = Actor("lanh.dao", frozenset({"leader"}), "TN-SC-01", "Trần Văn Lãnh")



def audit_actions(db: Database, calls: list[Any], number: str) -> list[str]:
    """The audit actions recorded for one application, oldest first (real log when present)."""
    if not REAL_AUDIT:
        return [a for a, oid, _ in calls if oid == number]
    from sqlalchemy import select

    from models.security import AuditEntry

    with db.session() as s:
        return list(s.scalars(select(AuditEntry.action).where(AuditEntry.object_id == number)
                              .order_by(AuditEntry.id)))
