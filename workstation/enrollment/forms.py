"""The reception form as typed: normalising fields to NFC, parsing them, and plain-word findings.

The form is kept exactly as typed (only NFC-normalised and trimmed of control characters) so a
draft never loses what the operator entered, even when it is not valid yet (``31/02``). Parsing
turns it into typed values and findings with stable codes (``form.*``), shown next to the field.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

from resources.messages import message
from workstation.rules.findings import Finding, Severity

# Field name -> maximum length (characters). Every field the reception page can send.
FIELDS: dict[str, int] = {
    "pid": 12,
    "full_name": 100,
    "date_of_birth": 10,
    "sex": 8,
    "ethnicity": 50,
    "religion": 50,
    "hometown": 300,
    "birth_registration_place": 300,
    "residence": 300,
    "kind": 16,
    "reason": 40,
    "current_card_type": 16,
    "current_card_number": 12,
    "current_card_issued_on": 10,
    "current_card_expires_on": 10,
    "representative_pid": 12,
    "representative_name": 100,
    "representative_relationship": 16,
    "representative_basis": 300,
    "representative_verified_by": 16,
    "phone": 15,
    "email": 120,
    "eid_level2": 5,
    "pickup": 8,
    "postal_address": 300,
    "note": 500,
    "channel": 8,
}
LIST_FIELDS = ("exemptions",)
KINDS = ("first_issue", "renewal", "reissue")
SEXES = ("male", "female")
CARD_TYPES = ("cmnd", "cccd", "can_cuoc")
RELATIONSHIPS = ("father", "mother", "guardian", "other")
PICKUPS = ("counter", "post")
EXEMPTIONS = (
    "disability",
    "meritorious_service",
    "ethnic_minority_hardship_commune",
    "border_or_island_resident",
    "poor_household",
)

_DATE_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_PHONE = re.compile(r"^(\+84|0)\d{9,10}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def nfc(text: str) -> str:
    """NFC, control characters removed, runs of spaces collapsed, stripped."""
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text)
    return re.sub(r"[ \t\u00a0]+", " ", text).strip()


def normalise(fields: dict[str, Any]) -> dict[str, Any]:
    """The form as stored in a draft: known fields only, text NFC, booleans and lists kept."""
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key in LIST_FIELDS:
            items = value if isinstance(value, list | tuple) else []
            out[key] = sorted({nfc(str(v)) for v in items if str(v).strip()})
        elif key in FIELDS:
            if value is None:
                out[key] = ""
            elif isinstance(value, bool):
                out[key] = "true" if value else ""
            elif isinstance(value, date):
                out[key] = value.strftime("%d/%m/%Y")
            else:
                # Never truncate silently: an over-long value is kept and reported by ``parse``.
                out[key] = nfc(str(value))[: FIELDS[key] * 4]
    return out


def parse_date(text: str) -> date | None:
    """``dd/mm/yyyy`` (also ``.`` or ``-``) or ``yyyy-mm-dd``; ``None`` if not a real date."""
    text = text.strip()
    m = _DATE_DMY.match(text)
    try:
        if m:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        m = _DATE_ISO.match(text)
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    return None


@dataclass(frozen=True)
class ParsedForm:
    """Typed values of a form and what is wrong with it."""

    values: dict[str, Any]
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)


def _finding(lang: str, field: str, code: str, severity: Severity = "error",
             **params: Any) -> Finding:
    return Finding(severity, field, code, message(code, lang, **params))


def parse(fields: dict[str, Any], today: date, lang: str = "vi") -> ParsedForm:
    """Check each field's shape (required, length, format, real dates); the law comes later."""
    form = normalise(fields)
    found: list[Finding] = []
    values: dict[str, Any] = {}

    def text(key: str) -> str:
        return str(form.get(key, ""))

    for key, limit in FIELDS.items():
        if len(text(key)) > limit:
            found.append(_finding(lang, key, "enrollment.form.too_long", limit=limit))

    pid = text("pid")
    if not pid:
        found.append(_finding(lang, "pid", "enrollment.form.required"))
    elif not (pid.isdigit() and len(pid) == 12):
        found.append(_finding(lang, "pid", "enrollment.form.pid_format"))
    values["pid"] = pid

    name = text("full_name")
    if not name:
        found.append(_finding(lang, "full_name", "enrollment.form.required"))
    elif any(ch.isdigit() for ch in name):
        found.append(_finding(lang, "full_name", "enrollment.form.name_digits"))
    values["full_name"] = name

    for key, required in (("date_of_birth", True), ("current_card_issued_on", False),
                          ("current_card_expires_on", False)):
        raw = text(key)
        if not raw:
            values[key] = None
            if required:
                found.append(_finding(lang, key, "enrollment.form.required"))
            continue
        parsed = parse_date(raw)
        if parsed is None:
            found.append(_finding(lang, key, "enrollment.form.date_invalid", value=raw))
        elif key != "current_card_expires_on" and parsed > today:
            found.append(_finding(lang, key, "enrollment.form.date_future", value=raw))
        values[key] = parsed

    for key, choices, required in (("sex", SEXES, True), ("kind", KINDS, True),
                                   ("current_card_type", CARD_TYPES, False),
                                   ("representative_relationship", RELATIONSHIPS, False),
                                   ("pickup", PICKUPS, False)):
        raw = text(key)
        if not raw:
            values[key] = None
            if required:
                found.append(_finding(lang, key, "enrollment.form.required"))
        elif raw not in choices:
            found.append(_finding(lang, key, "enrollment.form.choice", value=raw))
            values[key] = None
        else:
            values[key] = raw

    rep_pid = text("representative_pid")
    if rep_pid and not (rep_pid.isdigit() and len(rep_pid) == 12):
        found.append(_finding(lang, "representative_pid", "enrollment.form.pid_format"))
    values["representative_pid"] = rep_pid or None
    values["representative_name"] = text("representative_name") or None

    card_no = text("current_card_number")
    if card_no and not (card_no.isdigit() and len(card_no) in (9, 12)):
        found.append(_finding(lang, "current_card_number", "enrollment.form.card_number_format"))
    if values.get("current_card_type") and not card_no:
        found.append(_finding(lang, "current_card_number", "enrollment.form.required"))
    values["current_card_number"] = card_no or None

    phone = re.sub(r"[\s.\-]", "", text("phone"))
    if phone and not _PHONE.match(phone):
        found.append(_finding(lang, "phone", "enrollment.form.phone_format"))
    values["phone"] = phone or None
    email = text("email")
    if email and not _EMAIL.match(email):
        found.append(_finding(lang, "email", "enrollment.form.email_format"))
    values["email"] = email.lower() or None

    values["eid_level2"] = text("eid_level2") in ("true", "1", "yes")
    if values["eid_level2"] and not phone:
        found.append(_finding(lang, "phone", "enrollment.form.phone_for_eid"))
    if values.get("pickup") == "post" and not text("postal_address"):
        found.append(_finding(lang, "postal_address", "enrollment.form.required"))

    exemptions = [e for e in form.get("exemptions", []) if e in EXEMPTIONS]
    values["exemptions"] = exemptions
    for key in ("ethnicity", "religion", "hometown", "birth_registration_place", "residence",
                "reason", "representative_basis", "representative_verified_by",
                "postal_address", "note"):
        values[key] = text(key) or None
    values["channel"] = text("channel") or "counter"
    return ParsedForm(values, tuple(found))


def check_request(fields: dict[str, Any], on: date) -> dict[str, Any]:
    """The ``workstation check`` request (CLI.md) for a form, as far as it can be built.

    Unparseable values are passed as typed: reporting them is the rules' job.
    """
    form = normalise(fields)

    def iso(key: str) -> str | None:
        raw = str(form.get(key, ""))
        if not raw:
            return None
        parsed = parse_date(raw)
        return parsed.isoformat() if parsed else raw

    card_type = form.get("current_card_type") or None
    current_card = None
    if card_type:
        current_card = {"type": card_type, "number": form.get("current_card_number", ""),
                        "issued_on": iso("current_card_issued_on"),
                        "expires_on": iso("current_card_expires_on")}
    representative = None
    if form.get("representative_pid") or form.get("representative_name"):
        representative = {"pid": form.get("representative_pid") or None,
                          "full_name": form.get("representative_name") or None,
                          "relationship": form.get("representative_relationship") or None}
    return {
        "on": on.isoformat(),
        "channel": form.get("channel") or "counter",
        "kind": form.get("kind") or "first_issue",
        "reason": form.get("reason") or None,
        "applicant": {"pid": form.get("pid") or None, "full_name": form.get("full_name") or None,
                      "date_of_birth": iso("date_of_birth"), "sex": form.get("sex") or None,
                      "current_card": current_card},
        "representative": representative,
        "exemptions": [e for e in form.get("exemptions", []) if e in EXEMPTIONS],
    }


def parse_cccd_qr(text: str) -> dict[str, Any] | None:
    """The QR code on the back of a CCCD, as a barcode scanner types it.

    ``PID|old CMND number|Full name|DDMMYYYY|Nam/Nữ|address|DDMMYYYY (issued)``. Returns the
    PID and form fields for the card held, or ``None`` when the text is not such a code.
    """
    parts = [nfc(p) for p in text.strip().split("|")]
    if len(parts) < 7 or not (parts[0].isdigit() and len(parts[0]) == 12):
        return None

    def ddmmyyyy(raw: str) -> str:
        return f"{raw[:2]}/{raw[2:4]}/{raw[4:]}" if len(raw) == 8 and raw.isdigit() else ""

    sex = {"nam": "male", "nữ": "female", "nu": "female"}.get(parts[4].lower(), "")
    return {"pid": parts[0], "form": {
        "pid": parts[0], "full_name": parts[2], "date_of_birth": ddmmyyyy(parts[3]),
        "sex": sex, "residence": parts[5], "current_card_type": "cccd",
        "current_card_number": parts[0], "current_card_issued_on": ddmmyyyy(parts[6]),
        "kind": "renewal", "reason": "cccd_conversion"}}
