"""Using the chip at the counter: prefill an applicant from the card they hold, verify the adult
who brings a child (chip PID and name against the records and the child's parent links), and
compare a new card with its application at handover (trả thẻ). Each use is audited."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from devices.smartcard.emrtd import ChipRead
from devices.smartcard.mrzdata import QrCard
from models.applications import Application
from models.records import Resident
from resources.messages import DEFAULT_LANG, message
from workstation.rules.findings import Finding, Severity
from workstation.rules.names import clean_name, fold, to_nfc
from workstation.security import Actor, require
from workstation.security.audit import record as audit

# Cards issued from 1 July 2024 (Law on Identification 2023) are thẻ căn cước; earlier chip
# cards are CCCD.
CAN_CUOC_FROM = date(2024, 7, 1)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def card_type_of(issued_on: date | None) -> str:
    return "can_cuoc" if issued_on is not None and issued_on >= CAN_CUOC_FROM else "cccd"


def applicant_from_chip(chip: ChipRead) -> dict[str, Any]:
    """The applicant part of a ``check`` request (CLI.md) filled from the chip, plus the
    details the chip holds (NFC text)."""
    details = chip.details
    issued = details.issue_date if details else None
    out: dict[str, Any] = {
        "pid": chip.pid,
        "full_name": clean_name(chip.full_name),
        "date_of_birth": _iso(chip.date_of_birth),
        "sex": chip.sex,
        "current_card": {
            "type": card_type_of(issued),
            "number": chip.pid,
            "issued_on": _iso(issued),
            "expires_on": _iso(chip.expiry),
        },
        "source": "chip",
        "passive_authentication": chip.pa.status,
    }
    if details:
        for key in ("ethnicity", "religion", "hometown", "residence", "identifying_features",
                    "nationality"):
            value = details.get(key)
            if value:
                out[key] = to_nfc(value)
        if details.father_name:
            out["father_name"] = to_nfc(details.father_name)
        if details.mother_name:
            out["mother_name"] = to_nfc(details.mother_name)
        old = details.get("old_id_number")
        if old:
            out["old_id_number"] = old
    return out


def applicant_from_qr(qr: QrCard) -> dict[str, Any]:
    """The same prefill from the old CCCD's QR code (no chip, no passive authentication)."""
    out: dict[str, Any] = {
        "pid": qr.pid,
        "full_name": clean_name(qr.full_name),
        "date_of_birth": qr.date_of_birth.isoformat(),
        "sex": qr.sex,
        "current_card": {"type": "cccd", "number": qr.pid, "issued_on": _iso(qr.issued_on),
                         "expires_on": None},
        "residence": to_nfc(qr.address),
        "source": "qr",
    }
    if qr.cmnd:
        out["old_id_number"] = qr.cmnd
    return out


def prefill_from_card(session: Session, actor: Actor, chip: ChipRead) -> dict[str, Any]:
    """Prefill an applicant from the card they hold; audited as ``card.read``."""
    require(actor, "card.read")
    applicant = applicant_from_chip(chip)
    audit(session, actor, "card.read", "resident", chip.pid,
          {"purpose": "prefill", "pa": chip.pa.status, "pid": chip.pid})
    return applicant


@dataclass(frozen=True)
class RepresentativeCheck:
    """Whether the adult holding this card is the child's parent or guardian in the records."""

    verified: bool
    relationship: str | None
    findings: list[Finding] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"verified": self.verified, "relationship": self.relationship,
                "findings": [f.as_dict() for f in self.findings]}


def verify_representative(session: Session, actor: Actor, chip: ChipRead, child_pid: str,
                          lang: str = DEFAULT_LANG) -> RepresentativeCheck:
    """Check the representative's chip against the child's parent links (by PID, then name)."""
    require(actor, "card.read")
    findings: list[Finding] = []
    name = clean_name(chip.full_name)

    def add(severity: Severity, code: str, **params: Any) -> None:
        findings.append(Finding(severity, "representative", code, message(code, lang, **params)))

    verified = False
    role: str | None = None
    if not chip.pa.ok:
        add("error", "smartcard.rep.pa_failed")
    child = session.scalars(select(Resident).where(Resident.pid == child_pid)).first()
    if child is None:
        add("error", "smartcard.rep.child_not_found", pid=child_pid)
    else:
        link = next((p for p in child.parents if p.parent_pid and p.parent_pid == chip.pid), None)
        if link is None:
            # The CLI.md code for this case, with the chip-specific text.
            findings.append(Finding("warning", "representative", "representative.not_linked",
                                    message("smartcard.rep.not_linked", lang, name=name,
                                            pid=chip.pid)))
        else:
            role = link.role
            if link.parent_name and fold(link.parent_name) != fold(name):
                add("warning", "smartcard.rep.name_differs", chip=name, record=link.parent_name)
            verified = chip.pa.ok
            if verified:
                add("info", "smartcard.rep.verified", name=name, role=role)
    audit(session, actor, "card.verify_representative", "resident", child_pid,
          {"representative_pid": chip.pid, "verified": verified, "relationship": role,
           "pa": chip.pa.status})
    return RepresentativeCheck(verified, role, findings)


@dataclass(frozen=True)
class HandoverCheck:
    """How the new card compares with its application."""

    application_number: str
    match: bool
    mismatches: list[str]
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"application": self.application_number, "match": self.match,
                "mismatches": self.mismatches, "message": self.message}


def compare_with_application(chip: ChipRead, application: Application) -> list[str]:
    """The fields where the card disagrees with the application (empty: they agree)."""
    declared = application.applicant or {}
    out: list[str] = []
    if chip.pid != application.applicant_pid:
        out.append("pid")
    if fold(str(declared.get("full_name", ""))) != fold(chip.full_name):
        out.append("full_name")
    dob = declared.get("date_of_birth")
    if dob and chip.date_of_birth and str(dob) != chip.date_of_birth.isoformat():
        out.append("date_of_birth")
    sex = declared.get("sex")
    if sex and chip.sex and sex != chip.sex:
        out.append("sex")
    if application.card_expiry is not None and chip.expiry != application.card_expiry:
        out.append("expiry")
    if not chip.pa.ok:
        out.append("passive_authentication")
    return out


def check_handover(session: Session, actor: Actor, chip: ChipRead, application_number: str,
                   lang: str = DEFAULT_LANG) -> HandoverCheck:
    """Read the new card at the return counter and compare it with the application."""
    require(actor, "card.handover")
    application = session.scalars(
        select(Application).where(Application.number == application_number)).first()
    if application is None:
        return HandoverCheck(application_number, False, ["application"],
                             message("smartcard.handover.not_found", lang,
                                     number=application_number))
    mismatches = compare_with_application(chip, application)
    if mismatches:
        labels = ", ".join(message(f"smartcard.field.{m}", lang) if m not in (
            "expiry", "passive_authentication") else m for m in mismatches)
        text = message("smartcard.handover.mismatch", lang, number=application_number,
                       fields=labels)
    else:
        text = message("smartcard.handover.match", lang, number=application_number)
    audit(session, actor, "card.handover_check", "application", application_number,
          {"match": not mismatches, "mismatches": mismatches, "pa": chip.pa.status})
    return HandoverCheck(application_number, not mismatches, mismatches, text)
