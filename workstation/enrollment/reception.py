"""What the reception counter shows about a person: the record, household, parents, documents.

Plain data for the reception page (no Qt): the resident as recorded, the members of the
household, each parent with whether the parent is in the records and an adult (so can be picked
as the legal representative), the identity documents held, and open applications.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.applications import OPEN_STATES, Application
from models.records import IdentityDocument, ParentLink, Resident


def age_on(dob: date, day: date) -> int:
    return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


@dataclass(frozen=True)
class ParentInfo:
    role: str
    pid: str | None
    full_name: str | None
    in_records: bool
    adult: bool


@dataclass(frozen=True)
class PersonDetails:
    pid: str
    full_name: str
    date_of_birth: date
    dob_precision: str
    sex: str
    age: int
    ethnicity: str | None
    religion: str | None
    hometown: str | None
    residence: str | None
    household: str | None
    household_members: list[dict[str, Any]] = field(default_factory=list)
    parents: list[ParentInfo] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    open_applications: list[dict[str, Any]] = field(default_factory=list)

    def form_fields(self) -> dict[str, Any]:
        """The reception form prefilled from the record (and the newest card held)."""
        fields: dict[str, Any] = {
            "pid": self.pid, "full_name": self.full_name,
            "date_of_birth": self.date_of_birth.strftime("%d/%m/%Y"), "sex": self.sex,
            "ethnicity": self.ethnicity or "", "religion": self.religion or "",
            "hometown": self.hometown or "", "residence": self.residence or "",
            "kind": "first_issue",
        }
        if self.documents:
            doc = self.documents[-1]
            fields.update({
                "kind": "renewal" if doc["type"] in ("cccd", "can_cuoc") else "first_issue",
                "reason": "cccd_conversion" if doc["type"] == "cccd" else "",
                "current_card_type": doc["type"], "current_card_number": doc["number"],
                "current_card_issued_on": doc["issued_on"].strftime("%d/%m/%Y")
                if doc["issued_on"] else "",
                "current_card_expires_on": doc["expires_on"].strftime("%d/%m/%Y")
                if doc["expires_on"] else "",
            })
        return fields


def person_details(session: Session, pid: str, today: date) -> PersonDetails | None:
    """Everything reception needs about the resident ``pid`` (None when not in the records)."""
    r = session.scalar(select(Resident).where(Resident.pid == pid))
    if r is None:
        return None
    members: list[dict[str, Any]] = []
    if r.household_id is not None:
        for m in session.scalars(select(Resident).where(Resident.household_id == r.household_id)
                                 .order_by(Resident.date_of_birth)):
            members.append({"pid": m.pid, "full_name": m.full_name,
                            "date_of_birth": m.date_of_birth, "relation": m.relation_to_head,
                            "self": m.id == r.id})
    parents: list[ParentInfo] = []
    for link in session.scalars(select(ParentLink).where(ParentLink.child_id == r.id)):
        parent = (session.scalar(select(Resident).where(Resident.pid == link.parent_pid))
                  if link.parent_pid else None)
        parents.append(ParentInfo(
            role=link.role, pid=link.parent_pid,
            full_name=parent.full_name if parent else link.parent_name,
            in_records=parent is not None,
            adult=parent is not None and age_on(parent.date_of_birth, today) >= 18))
    documents = [{"type": d.type, "number": d.number, "issued_on": d.issued_on,
                  "expires_on": d.expires_on}
                 for d in session.scalars(select(IdentityDocument).where(
                     IdentityDocument.resident_id == r.id).order_by(IdentityDocument.issued_on))]
    apps = [{"id": a.id, "number": a.number, "state": a.state}
            for a in session.scalars(select(Application).where(
                Application.applicant_pid == pid, Application.state.in_(OPEN_STATES)))]
    return PersonDetails(
        pid=r.pid, full_name=r.full_name, date_of_birth=r.date_of_birth,
        dob_precision=r.dob_precision, sex=r.sex, age=age_on(r.date_of_birth, today),
        ethnicity=r.ethnicity, religion=r.religion, hometown=r.hometown,
        residence=r.residence, household=r.household.number if r.household else None,
        household_members=members, parents=parents, documents=documents,
        open_applications=apps)


def differences(session: Session, app: Application) -> dict[str, str]:
    """Fields where the application differs from the population record: field → recorded."""
    r = session.scalar(select(Resident).where(Resident.pid == app.applicant_pid))
    if r is None:
        return {}
    declared = app.applicant or app.form or {}
    recorded = {"full_name": r.full_name, "date_of_birth": r.date_of_birth.isoformat(),
                "sex": r.sex, "ethnicity": r.ethnicity or "", "religion": r.religion or "",
                "hometown": r.hometown or "", "residence": r.residence or ""}
    out: dict[str, str] = {}
    for key, value in recorded.items():
        mine = str(declared.get(key) or "")
        if key == "date_of_birth" and "/" in mine:
            from workstation.enrollment.forms import parse_date

            parsed = parse_date(mine)
            mine = parsed.isoformat() if parsed else mine
        if mine and value and mine != value:
            out[key] = value
    return out
