"""Demo applications in several states, made through the real services from demo residents.

Used by ``workstation demo`` (the records area calls it when importable): an under-6 first
issue already submitted, a 6–13 first issue waiting for its capture, an adult converting a CCCD
(with a fee) checked and waiting for capture, and a draft left at reception.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from models.applications import Application
from models.db import Database
from models.records import IdentityDocument, ParentLink, Resident
from workstation.enrollment.service import EnrollmentService
from workstation.security import Actor
from workstation.settings import Settings, load_settings


def _age(dob: date, on: date) -> int:
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


def _fields(r: Resident, **extra: Any) -> dict[str, Any]:
    return {"pid": r.pid, "full_name": r.full_name, "date_of_birth": r.date_of_birth,
            "sex": r.sex, "kind": "first_issue", "pickup": "counter",
            "ethnicity": r.ethnicity or "", "religion": r.religion or "",
            "hometown": r.hometown or "", "residence": r.residence or "", **extra}


def _child_with_parent(db: Database, on: date, lo: int, hi: int,
                       taken: set[str]) -> tuple[Resident, Resident, str] | None:
    """A child aged lo..hi (exclusive) whose father or mother is in the records as an adult."""
    with db.session() as s:
        born_after = date(on.year - hi, on.month, min(on.day, 28))
        born_before = date(on.year - lo, on.month, min(on.day, 28))
        q = (select(Resident, ParentLink)
             .join(ParentLink, ParentLink.child_id == Resident.id)
             .where(Resident.date_of_birth > born_after, Resident.date_of_birth <= born_before,
                    Resident.dob_precision == "day", ParentLink.parent_pid.is_not(None))
             .order_by(Resident.id).limit(200))
        for child, link in s.execute(q):
            if child.pid in taken or _age(child.date_of_birth, on) not in range(lo, hi):
                continue
            parent = s.scalar(select(Resident).where(Resident.pid == link.parent_pid))
            if parent is not None and _age(parent.date_of_birth, on) >= 18:
                return child, parent, link.role
    return None


def _adult_with_cccd(db: Database, on: date, taken: set[str]) -> tuple[Resident, Any] | None:
    with db.session() as s:
        q = (select(Resident, IdentityDocument)
             .join(IdentityDocument, IdentityDocument.resident_id == Resident.id)
             .where(IdentityDocument.type == "cccd", Resident.dob_precision == "day")
             .order_by(Resident.id).limit(500))
        for person, doc in s.execute(q):
            if person.pid not in taken and 25 <= _age(person.date_of_birth, on) < 58:
                return person, doc
    return None


def create_demo_applications(db: Database, settings: Settings | None = None,
                             on: date | None = None) -> dict[str, Any]:
    """Create the demo applications; returns ``{"created": [...], "skipped": [...]}``."""
    settings = settings or load_settings()
    on = on or date.today()
    service = EnrollmentService(db, settings, today=lambda: on)
    actor = Actor.system("demo", station=settings["station.code"])
    with db.session() as s:
        taken = set(s.scalars(select(Application.applicant_pid)))
    created: list[dict[str, str]] = []
    skipped: list[str] = []

    found = _child_with_parent(db, on, 0, 6, taken)
    if found:
        child, parent, role = found
        app = service.save_draft(actor, None, _fields(
            child, representative_pid=parent.pid, representative_name=parent.full_name,
            representative_relationship=role if role in ("father", "mother") else "guardian"))
        app = service.verify(actor, app.id)
        app = service.complete_capture(actor, app.id)
        app = service.record_printed(actor, app.id, "cc01")
        app = service.confirm(actor, app.id, signed_by="representative")
        app = service.submit(actor, app.id)
        taken.add(child.pid)
        created.append({"number": app.number, "state": app.state, "case": "under_6"})
    else:
        skipped.append("under_6")

    found = _child_with_parent(db, on, 6, 14, taken)
    if found:
        child, parent, role = found
        app = service.save_draft(actor, None, _fields(
            child, representative_pid=parent.pid, representative_name=parent.full_name,
            representative_relationship=role if role in ("father", "mother") else "guardian",
            phone="0912000111"))
        app = service.verify(actor, app.id)
        taken.add(child.pid)
        created.append({"number": app.number, "state": app.state, "case": "6_to_under_14"})
    else:
        skipped.append("6_to_under_14")

    adult = _adult_with_cccd(db, on, taken)
    if adult:
        person, doc = adult
        app = service.save_draft(actor, None, _fields(
            person, kind="renewal", reason="cccd_conversion", current_card_type="cccd",
            current_card_number=doc.number,
            current_card_issued_on=doc.issued_on or "",
            current_card_expires_on=doc.expires_on or "", phone="0987000222",
            email="demo@example.vn", eid_level2=True))
        app = service.verify(actor, app.id)
        taken.add(person.pid)
        created.append({"number": app.number, "state": app.state, "case": "cccd_conversion"})
        with db.session() as s:
            other = s.scalar(select(Resident).where(Resident.pid.not_in(taken),
                                                    Resident.dob_precision == "day")
                             .order_by(Resident.id.desc()).limit(1))
        if other is not None:
            draft = service.save_draft(actor, None, {"pid": other.pid,
                                                     "full_name": other.full_name})
            created.append({"number": draft.number, "state": draft.state, "case": "draft"})
    else:
        skipped.append("cccd_conversion")
    return {"created": created, "skipped": skipped}
