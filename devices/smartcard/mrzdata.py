"""The machine-readable zone of the Vietnamese card (ICAO TD1, RULES.md §6), the BAC key an
operator types (PID + date of birth + expiry), and the old CCCD's QR text.

**No-expiry cards** (issued at 58 or later): what real cards print in the expiry field is not
known (RULES.md §6, confidence L). We use the ICAO rule for an empty optional date field: the
six characters ``<<<<<<``, whose check digit is ``0`` (``<`` counts as 0). The emulator issues
no-expiry cards the same way, so typing ``none`` for the expiry gives the key ``<<<<<<0``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from devices.smartcard.bac import BacKey, check_digit
from devices.smartcard.errors import MalformedData

NO_EXPIRY = "<<<<<<"


def yymmdd(day: date | None) -> str:
    return NO_EXPIRY if day is None else day.strftime("%y%m%d")


def document_number_for_pid(pid: str) -> str:
    """The MRZ document number of a Vietnamese card: the last 9 digits of the 12-digit PID."""
    pid = pid.strip()
    if len(pid) != 12 or not pid.isdigit():
        raise MalformedData("pid", "the personal ID number must have exactly 12 digits")
    return pid[3:]


def bac_key_for_pid(pid: str, date_of_birth: date, expiry: date | None) -> BacKey:
    """The BAC key from what the operator types: PID, date of birth, expiry (None: no expiry)."""
    return BacKey(document_number_for_pid(pid), yymmdd(date_of_birth), yymmdd(expiry))


def transliterate(name: str) -> str:
    """A Vietnamese name in MRZ characters: no diacritics, Đ → D, upper case, '<' for spaces."""
    name = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    out = []
    for ch in name.upper():
        if unicodedata.combining(ch):
            continue
        out.append(ch if ("A" <= ch <= "Z") else "<")
    return "".join(out)


def build_td1(pid: str, date_of_birth: date, sex: str, expiry: date | None, full_name: str) -> str:
    """The three TD1 lines (joined with newlines) of a Vietnamese card (RULES.md §6)."""
    doc = document_number_for_pid(pid)
    optional1 = (pid + "<<" + check_digit(pid)).ljust(15, "<")
    line1 = ("ID" + "VNM" + doc + check_digit(doc) + optional1)[:30]
    dob = yymmdd(date_of_birth)
    exp = yymmdd(expiry)
    sex_code = {"male": "M", "female": "F"}.get(sex, "<")
    line2_start = dob + check_digit(dob) + sex_code + exp + check_digit(exp) + "VNM"
    line2_start = line2_start.ljust(29, "<")
    composite = check_digit(line1[5:30] + line2_start[0:7] + line2_start[8:15] + line2_start[18:29])
    line2 = line2_start + composite
    parts = transliterate(full_name).split("<")
    parts = [p for p in parts if p]
    surname, given = (parts[0], parts[1:]) if parts else ("", [])
    line3 = (surname + "<<" + "<".join(given)).ljust(30, "<")[:30]
    return "\n".join((line1, line2, line3))


@dataclass(frozen=True)
class MrzData:
    """The fields of a TD1 MRZ, and which check digits hold."""

    lines: tuple[str, str, str]
    document_code: str
    issuer: str
    document_number: str
    optional_data: str
    date_of_birth: str  # YYMMDD
    sex: str  # M, F or <
    date_of_expiry: str  # YYMMDD or <<<<<<
    nationality: str
    surname: str
    given_names: str
    checks_ok: bool

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def pid(self) -> str | None:
        """The 12-digit PID carried in the optional data of Vietnamese cards."""
        head = self.optional_data[:12]
        return head if len(head) == 12 and head.isdigit() else None

    @property
    def has_expiry(self) -> bool:
        return self.date_of_expiry != NO_EXPIRY

    @property
    def name(self) -> str:
        return (self.surname + " " + self.given_names).strip()

    def bac_key(self) -> BacKey:
        return BacKey(self.document_number, self.date_of_birth, self.date_of_expiry)


_MRZ_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")


def parse_td1(text: str) -> MrzData:
    """Parse a TD1 MRZ (90 characters, with or without line breaks)."""
    flat = "".join(text.split())
    if len(flat) != 90:
        raise MalformedData("mrz", f"a TD1 MRZ has 90 characters, this one {len(flat)}")
    if not set(flat) <= _MRZ_CHARS:
        raise MalformedData("mrz", "characters outside the MRZ alphabet")
    l1, l2, l3 = flat[:30], flat[30:60], flat[60:90]
    doc = l1[5:14]
    checks = [
        check_digit(doc) == l1[14],
        check_digit(l2[0:6]) == l2[6],
        check_digit(l2[8:14]) == l2[14],
        check_digit(l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29]) == l2[29],
    ]
    optional = l1[15:30]
    if optional[:12].isdigit() and optional[12:14] == "<<":
        checks.append(check_digit(optional[:12]) == optional[14])
    names = l3.rstrip("<").split("<<", 1)
    surname = names[0].replace("<", " ").strip()
    given = names[1].replace("<", " ").strip() if len(names) > 1 else ""
    return MrzData(
        lines=(l1, l2, l3), document_code=l1[0:2].rstrip("<"), issuer=l1[2:5],
        document_number=doc, optional_data=optional, date_of_birth=l2[0:6], sex=l2[7],
        date_of_expiry=l2[8:14], nationality=l2[15:18], surname=surname, given_names=given,
        checks_ok=all(checks),
    )


def mrz_date(yymmdd_text: str, *, future: bool = False, today: date | None = None) -> date | None:
    """A YYMMDD MRZ date as a date (century guessed: birth dates lie in the past, expiry dates
    within 50 years ahead); ``None`` for ``<<<<<<`` or an impossible date."""
    if yymmdd_text == NO_EXPIRY or len(yymmdd_text) != 6 or not yymmdd_text.isdigit():
        return None
    today = today or date.today()
    yy, mm, dd = int(yymmdd_text[:2]), int(yymmdd_text[2:4]), int(yymmdd_text[4:6])
    year = 2000 + yy
    if future:
        if year > today.year + 50:
            year -= 100
    elif year > today.year:
        year -= 100
    try:
        return date(year, mm, dd)
    except ValueError:
        return None


# --- the old CCCD's QR code -------------------------------------------------------------------


@dataclass(frozen=True)
class QrCard:
    """What the QR code on the back of a CCCD (2016–2021 style) says."""

    pid: str
    cmnd: str  # 9-digit old ID number, may be empty
    full_name: str
    date_of_birth: date
    sex: str  # male | female
    address: str
    issued_on: date | None


def _qr_date(text: str, field: str) -> date:
    text = text.strip()
    if len(text) != 8 or not text.isdigit():
        raise MalformedData("qr", f"{field} must be ddmmyyyy")
    try:
        return date(int(text[4:]), int(text[2:4]), int(text[:2]))
    except ValueError as exc:
        raise MalformedData("qr", f"{field} is not a real date") from exc


def parse_cccd_qr(text: str) -> QrCard:
    """Parse ``id|cmnd9|name|ddmmyyyy|sex|address|issue_ddmmyyyy`` as a keyboard-wedge scanner
    types it (NFC-normalised; a trailing newline or stray spaces are accepted)."""
    if len(text) > 2000:
        raise MalformedData("qr", "text too long for a CCCD QR code")
    text = unicodedata.normalize("NFC", text.strip().strip("\r\n"))
    parts = text.split("|")
    if len(parts) != 7:
        raise MalformedData("qr", f"expected 7 fields separated by '|', found {len(parts)}")
    pid, cmnd, name, dob, sex_text, address, issued = (p.strip() for p in parts)
    if len(pid) != 12 or not pid.isdigit():
        raise MalformedData("qr", "the ID number must have 12 digits")
    if cmnd and (len(cmnd) != 9 or not cmnd.isdigit()):
        raise MalformedData("qr", "the old ID number must have 9 digits")
    if not name:
        raise MalformedData("qr", "the name is empty")
    sex_key = sex_text.casefold()
    if sex_key == "nam":
        sex = "male"
    elif sex_key in ("nữ", "nu"):
        sex = "female"
    else:
        raise MalformedData("qr", "sex must be Nam or Nữ")
    return QrCard(pid, cmnd, " ".join(name.split()), _qr_date(dob, "date of birth"), sex,
                  " ".join(address.split()), _qr_date(issued, "issue date") if issued else None)
