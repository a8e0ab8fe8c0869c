"""The columns of a population-records file: header aliases and parsing of each value.

Headers match without regard to case, diacritics, spaces or punctuation, in English or
Vietnamese (``records-format.md``). Values are parsed strictly: a bad value rejects its row with
a stable code (``pid.format``, ``dob.invalid``, …), never a guess.
"""

from __future__ import annotations

import hashlib
import marshal
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta
from operator import add, attrgetter, itemgetter
from typing import Any

from workstation.rules.names import clean_name, fold

REQUIRED = ("pid", "full_name", "date_of_birth", "sex")

_ALIASES: dict[str, tuple[str, ...]] = {
    "pid": ("pid", "personal id", "personal id number", "id number", "số định danh cá nhân",
            "số định danh", "mã định danh", "số ĐDCN", "số định danh công dân"),
    "full_name": ("full name", "name", "họ, chữ đệm và tên", "họ và tên", "họ tên",
                  "họ tên công dân", "họ và tên công dân", "họ chữ đệm tên"),
    "date_of_birth": ("date of birth", "dob", "birth date", "birthday", "ngày sinh",
                      "ngày tháng năm sinh", "ngày, tháng, năm sinh", "năm sinh"),
    "sex": ("sex", "gender", "giới tính", "giới"),
    "ethnicity": ("ethnicity", "ethnic group", "dân tộc"),
    "religion": ("religion", "tôn giáo"),
    "birth_registration_place": ("birth registration place", "nơi đăng ký khai sinh",
                                 "nơi ĐKKS", "nơi khai sinh"),
    "hometown": ("hometown", "home town", "quê quán"),
    "residence": ("residence", "permanent residence", "address", "nơi thường trú",
                  "địa chỉ thường trú", "thường trú", "địa chỉ"),
    "unit_code": ("unit code", "mã đơn vị hành chính", "mã ĐVHC", "mã xã", "mã phường xã"),
    "unit_name": ("unit name", "unit", "ward", "commune", "phường/xã", "xã/phường",
                  "phường xã", "đơn vị hành chính", "tên đơn vị hành chính"),
    "hamlet": ("hamlet", "residential group", "thôn/tổ dân phố", "thôn/tổ", "thôn, tổ dân phố",
               "tổ dân phố", "thôn/xóm", "thôn", "xóm", "tổ"),
    "household_id": ("household id", "household", "household number", "số hộ", "mã hộ",
                     "mã hộ gia đình", "số hộ khẩu", "số sổ hộ khẩu"),
    "relation_to_head": ("relation to head", "relationship to head", "quan hệ với chủ hộ",
                         "quan hệ chủ hộ", "quan hệ"),
    "father_pid": ("father pid", "father id", "số định danh của cha", "số định danh cha",
                   "số ĐDCN của cha", "số ĐDCN cha"),
    "father_name": ("father name", "father", "họ tên cha", "họ và tên cha", "tên cha"),
    "mother_pid": ("mother pid", "mother id", "số định danh của mẹ", "số định danh mẹ",
                   "số ĐDCN của mẹ", "số ĐDCN mẹ"),
    "mother_name": ("mother name", "mother", "họ tên mẹ", "họ và tên mẹ", "tên mẹ"),
    "guardian_pid": ("guardian pid", "guardian id", "số định danh người giám hộ",
                     "số định danh của người giám hộ"),
    "guardian_name": ("guardian name", "guardian", "họ tên người giám hộ",
                      "người giám hộ"),
    "card_type": ("card type", "document type", "loại giấy tờ", "loại thẻ",
                  "loại giấy tờ tùy thân"),
    "card_number": ("card number", "document number", "số thẻ", "số giấy tờ", "số CMND/CCCD",
                    "số CMND"),
    "card_issued_on": ("card issued on", "issued on", "issue date", "ngày cấp"),
    "card_expires_on": ("card expires on", "expires on", "expiry date", "valid until",
                        "có giá trị đến", "ngày hết hạn", "giá trị đến"),
    "phone": ("phone", "phone number", "telephone", "số điện thoại", "điện thoại", "SĐT"),
}
FIELDS = tuple(_ALIASES)
_PUNCT = re.compile(r"[^a-z0-9]+")


def header_key(text: Any) -> str:
    """``Họ, chữ đệm và tên`` → ``hochudemvaten``: what header aliases are compared on."""
    return _PUNCT.sub("", fold(str(text or "")))


ALIASES: dict[str, str] = {}
for _field, _names in _ALIASES.items():
    ALIASES[header_key(_field)] = _field
    for _name in _names:
        ALIASES.setdefault(header_key(_name), _field)


def match_header(cells: list[Any], above: list[Any] | None = None) -> dict[int, str]:
    """Column index → field for a header row; ``above`` is a group row over it (merged cells).

    A header like ``Cha`` merged over ``Họ tên`` | ``Số định danh`` is read as ``họ tên cha`` and
    ``số định danh cha``.
    """
    groups: list[str] = []
    last = ""
    for i in range(len(cells)):
        value = above[i] if above is not None and i < len(above) else None
        if value not in (None, ""):
            last = header_key(value)
        groups.append(last)
    found: dict[int, str] = {}
    taken: set[str] = set()
    for i, cell in enumerate(cells):
        key = header_key(cell)
        if not key and above is not None and i < len(above):
            # A header cell merged down over two rows: the label is in the row above.
            key = header_key(above[i])
            if key:
                field = ALIASES.get(key)
                if field and field not in taken:
                    found[i] = field
                    taken.add(field)
                continue
        if not key:
            continue
        candidates = [key]
        if groups and groups[i]:
            candidates += [key + groups[i], groups[i] + key, key + "cua" + groups[i]]
        for cand in candidates:
            field = ALIASES.get(cand)
            if field and field not in taken:
                found[i] = field
                taken.add(field)
                break
    return found


@dataclass(frozen=True)
class Rejection:
    """Why a row was refused: its row number as in the file, the column, a stable code."""

    row: int
    field: str
    code: str
    value: str = ""


class BadValue(Exception):
    def __init__(self, field: str, code: str, value: Any = "") -> None:
        super().__init__(code)
        self.field = field
        self.code = code
        self.value = "" if value is None else str(value)[:60]


# --- values ------------------------------------------------------------------------------------

_SPACES = re.compile(r"[\s.\-_·]+")
_SCIENTIFIC = re.compile(r"^\d+(?:[.,]\d+)?[eE][+]?\d+$")


def text_value(raw: Any) -> str:
    """A cell as clean NFC text ('' for empty)."""
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return clean_name(str(raw))


def parse_pid_value(raw: Any, field: str = "pid", *, required: bool = True) -> str | None:
    """Twelve digits. Excel's lost leading zero is restored; scientific notation is refused."""
    if raw is None or raw == "":
        if required:
            raise BadValue(field, "pid.empty")
        return None
    if isinstance(raw, float):
        if not raw.is_integer():
            raise BadValue(field, "pid.format", raw)
        raw = int(raw)
    text = str(raw).strip()
    if not text:
        if required:
            raise BadValue(field, "pid.empty")
        return None
    if _SCIENTIFIC.match(text):
        raise BadValue(field, "pid.scientific", text)
    if text.endswith(".0"):
        text = text[:-2]
    digits = _SPACES.sub("", text)
    if len(digits) == 11 and digits.isdigit():
        digits = "0" + digits
    if len(digits) != 12 or not digits.isascii() or not digits.isdigit():
        raise BadValue(field, "pid.format", text)
    return digits


_DMY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?)?$")
_EXCEL_EPOCH = date(1899, 12, 30)


def parse_date_value(raw: Any, field: str, *, today: date,
                     allow_year: bool = False) -> tuple[date, str] | None:
    """A date and its precision (``day`` or ``year``); None for an empty cell."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, datetime):
        return _checked(raw.date(), field, raw, today), "day"
    if isinstance(raw, date):
        return _checked(raw, field, raw, today), "day"
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        number = int(raw)
        if allow_year and 1850 <= number <= today.year:
            return date(number, 1, 1), "year"
        if 10000 <= number <= 80000 and number == raw:
            return _checked(_EXCEL_EPOCH + timedelta(days=number), field, raw, today), "day"
        raise BadValue(field, "dob.invalid" if field == "date_of_birth" else "date.invalid", raw)
    text = str(raw).strip()
    if not text:
        return None
    bad = "dob.invalid" if field == "date_of_birth" else "date.invalid"
    if len(text) == 10 and text[2] == "/" and text[5] == "/" and text[:2].isdigit() \
            and text[3:5].isdigit() and text[6:].isdigit():  # dd/mm/yyyy, the usual case
        try:
            d = date(int(text[6:]), int(text[3:5]), int(text[:2]))
        except ValueError:
            raise BadValue(field, bad, text) from None
        return _checked(d, field, text, today), "day"
    m = _DMY.match(text)
    try:
        if m:
            d = date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            return _checked(d, field, text, today), "day"
        m = _YMD.match(text)
        if m:
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return _checked(d, field, text, today), "day"
    except ValueError:
        raise BadValue(field, bad, text) from None
    if allow_year and len(text) == 4 and text.isdigit():
        year = int(text)
        if 1850 <= year <= today.year:
            return date(year, 1, 1), "year"
    if text.isdigit() and len(text) == 5:
        return _checked(_EXCEL_EPOCH + timedelta(days=int(text)), field, text, today), "day"
    raise BadValue(field, bad, text)


def _checked(d: date, field: str, raw: Any, today: date) -> date:
    if field in ("date_of_birth", "card_issued_on") and (d > today or d.year < 1850):
        raise BadValue(field, "dob.invalid" if field == "date_of_birth" else "date.invalid", raw)
    return d


_SEX = {"nam": "male", "male": "male", "m": "male", "trai": "male", "1": "male",
        "nu": "female", "female": "female", "f": "female", "gai": "female", "0": "female",
        "man": "male", "woman": "female", "nư": "female"}


_SEX_SEEN: dict[Any, str] = {}


def parse_sex_value(raw: Any) -> str:
    sex = _SEX_SEEN.get(raw)  # a column holds a handful of spellings: remember them
    if sex is not None:
        return sex
    key = fold(str(raw or "")).strip(" .")
    if not key:
        raise BadValue("sex", "sex.empty")
    sex = _SEX.get(key)
    if sex is None:
        raise BadValue("sex", "sex.invalid", raw)
    if isinstance(raw, str) and len(_SEX_SEEN) < 1000:
        _SEX_SEEN[raw] = sex
    return sex


_CARD_TYPES = {"cmnd": "cmnd", "chung minh nhan dan": "cmnd", "cccd": "cccd",
               "can cuoc cong dan": "cccd", "the can cuoc cong dan": "cccd",
               "can cuoc": "can_cuoc", "the can cuoc": "can_cuoc", "can_cuoc": "can_cuoc",
               "cc": "can_cuoc", "id card": "can_cuoc"}
_NO_EXPIRY = {"khong thoi han", "vo thoi han", "khong", "none", "no expiry", "never",
              "khong co thoi han"}


_CARD_SEEN: dict[Any, str] = {}


def parse_card_type(raw: Any) -> str | None:
    kind = _CARD_SEEN.get(raw)
    if kind is not None:
        return kind
    key = fold(str(raw or "")).strip(" .")
    if not key:
        return None
    kind = _CARD_TYPES.get(key)
    if kind is None:
        raise BadValue("card_type", "card.type_invalid", raw)
    if isinstance(raw, str) and len(_CARD_SEEN) < 1000:
        _CARD_SEEN[raw] = kind
    return kind


def is_no_expiry(raw: Any) -> bool:
    if not isinstance(raw, str) or not raw or raw[0].isdigit():
        return False
    return fold(raw).strip(" .") in _NO_EXPIRY


def parse_card_number(raw: Any) -> str | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = str(raw).strip()
    if _SCIENTIFIC.match(text):
        raise BadValue("card_number", "card.number_scientific", text)
    digits = _SPACES.sub("", text)
    if len(digits) in (8, 11) and digits.isdigit():  # a leading zero lost by Excel
        digits = "0" + digits
    if len(digits) not in (9, 12) or not digits.isdigit():
        raise BadValue("card_number", "card.number_format", text)
    return digits


# --- a row that passed the checks -----------------------------------------------------------

@dataclass(slots=True)
class Record:
    """One resident as a file row describes them, already validated and normalised (NFC)."""

    pid: str
    full_name: str
    date_of_birth: date
    sex: str
    dob_precision: str = "day"
    ethnicity: str | None = None
    religion: str | None = None
    hometown: str | None = None
    birth_registration_place: str | None = None
    residence: str | None = None
    unit_code: str | None = None
    unit_name: str | None = None
    hamlet: str | None = None
    household_id: str | None = None
    relation_to_head: str | None = None
    father_pid: str | None = None
    father_name: str | None = None
    mother_pid: str | None = None
    mother_name: str | None = None
    guardian_pid: str | None = None
    guardian_name: str | None = None
    card_type: str | None = None
    card_number: str | None = None
    card_issued_on: date | None = None
    card_expires_on: date | None = None
    phone: str | None = None
    row: int = 0
    _hash: str | None = field(default=None, repr=False)

    def value(self, name: str) -> str | None:
        """A field as text, the way the history stores it."""
        v = getattr(self, name)
        if v is None or v == "":
            return None
        if name == "date_of_birth" and self.dob_precision == "year":
            return f"{v.year:04d}"
        if isinstance(v, date):
            return v.isoformat()
        return str(v)

    @property
    def row_hash(self) -> str:
        """Hash of every field (in ``SNAPSHOT_FIELDS`` order): equal rows, equal hashes."""
        if self._hash is None:
            dob = self.date_of_birth
            issued, expires = self.card_issued_on, self.card_expires_on
            parts = (
                self.pid, self.full_name,
                f"{dob.year:04d}" if self.dob_precision == "year" else dob.isoformat(),
                self.sex, self.ethnicity, self.religion, self.hometown,
                self.birth_registration_place, self.residence, self.unit_code, self.unit_name,
                self.hamlet, self.household_id, self.relation_to_head, self.father_pid,
                self.father_name, self.mother_pid, self.mother_name, self.guardian_pid,
                self.guardian_name, self.card_type, self.card_number,
                issued.isoformat() if issued else None, expires.isoformat() if expires else None,
                self.phone,
            )
            self._hash = hash_parts(parts)
        return self._hash


def hash_parts(parts: tuple[str | None, ...]) -> str:
    """The row hash of a record's values (str or None, in ``Record.row_hash`` order).

    The bytes hashed are the tuple in ``marshal`` format 0: every string length-prefixed in
    UTF-8, None one tag byte, so different rows never give the same bytes; the format is
    Python's oldest and has not changed since Python 2 (``test_row_hash_is_pinned`` would
    say if it did). Half the cost of hashing ``repr()`` of the tuple.
    """
    return hashlib.blake2b(marshal.dumps(parts, 0), digest_size=16).hexdigest()


RECORD_FIELDS = tuple(f.name for f in fields(Record))
_RECORD_VALUES = attrgetter(*RECORD_FIELDS)
# A row as the importer passes it on: the Record's fields in order (row number at ROW, hash at
# HASH), then what the database rows are made of, computed by whoever checked the row (the
# reading process, when there is one): the folded name (NAME_KEY), the residents columns before
# the place and household ids (HEAD) and after them (TAIL), and the name's search tokens
# (TOKENS), the ISO texts of the card's dates (ISSUED_ISO, EXPIRES_ISO), the parent links
# (role, PID, name) of the roles that have a PID or a name (LINKS).
ROW, HASH, NAME_KEY, HEAD, TAIL, TOKENS, ISSUED_ISO, EXPIRES_ISO, LINKS = range(26, 35)
_TOKEN = re.compile(r"[a-z0-9]+")
_ISO: dict[date, str] = {}


def _iso(day: date | None) -> str | None:
    if day is None:
        return None
    text = _ISO.get(day)
    if text is None:
        if len(_ISO) > 100_000:
            _ISO.clear()
        text = _ISO[day] = day.isoformat()
    return text


def row_hash_of(values: Sequence[Any]) -> str:
    """``Record(*values[:28]).row_hash`` without building the Record."""
    dob = values[2]
    parts = (values[0], values[1], f"{dob.year:04d}" if values[4] == "year" else _iso(dob),
             values[3], *values[5:23], _iso(values[23]), _iso(values[24]), values[25])
    return hash_parts(parts)


# Of a row as the reading process sends it (``importer._wire``): the parts of the row hash
# (HASH carries what the hash takes for the date of birth), and of HEAD around the birth year.
_HASH_PARTS = itemgetter(0, 1, HASH, 3, *range(5, 23), ISSUED_ISO, EXPIRES_ISO, 25)
_HEAD_BEFORE_YEAR = itemgetter(0, 1, NAME_KEY, 2, 4)
_HEAD_AFTER_YEAR = itemgetter(3, 5, 6, 7, 8, 9)
_YEAR_TEXT = itemgetter(slice(0, 4))
_DOB = itemgetter(2)


def finish_rows(rows: Sequence[list[Any]]) -> None:
    """Complete the rows the reading process sent (``importer._wire``): the row hash into
    HASH and TAIL, and HEAD, by C-level passes over the batch."""
    years = zip(map(int, map(_YEAR_TEXT, map(_DOB, rows))))
    heads = map(add, map(_HEAD_BEFORE_YEAR, rows), map(add, years, map(_HEAD_AFTER_YEAR, rows)))
    hashes = map(hash_parts, map(_HASH_PARTS, rows))
    for values, row_hash, head in zip(rows, hashes, heads, strict=True):
        values[HASH] = row_hash
        values[HEAD] = head
        values[TAIL] = (values[14], values[25], row_hash)


def complete_values(values: list[Any]) -> list[Any]:
    """Add HASH and the database parts (NAME_KEY …) to the Record fields of ``values``."""
    values[HASH] = row_hash = row_hash_of(values)
    name_key = fold(values[1])
    dob = values[2]
    # residents: pid, full_name, name_key, date_of_birth, dob_precision, birth_year, sex,
    # ethnicity, religion, hometown, birth_registration_place, residence | unit, hamlet,
    # household | relation_to_head, phone, row_hash
    values.append(name_key)
    values.append((values[0], values[1], name_key, _iso(dob), values[4], dob.year,
                   values[3], *values[5:10]))
    values.append((values[14], values[25], row_hash))
    values.append(tuple(tok[:64] for tok in _TOKEN.findall(name_key)))
    values.append(_iso(values[23]))
    values.append(_iso(values[24]))
    values.append(links_from(*values[15:21]))
    return values


Link = tuple[str, str | None, str | None]


def links_from(father: str | None, father_name: str | None, mother: str | None,
               mother_name: str | None, guardian: str | None,
               guardian_name: str | None) -> tuple[Link, ...]:
    """The parent links of a row, (role, PID, name), of the roles with a PID or a name
    (fields 15…20 of a row of values)."""
    if not (father or father_name or mother or mother_name or guardian or guardian_name):
        return ()
    return tuple([link for link in (("father", father, father_name),
                                    ("mother", mother, mother_name),
                                    ("guardian", guardian, guardian_name))
                  if link[1] or link[2]])


def record_values(record: Record) -> list[Any]:
    """A Record as a row of values (see ``NAME_KEY``)."""
    return complete_values(list(_RECORD_VALUES(record)))


def as_record(values: Sequence[Any]) -> Record:
    """The Record of a row; its dates may come as day ordinals or ISO texts (from the
    reading process)."""
    fields_ = list(values[:NAME_KEY])
    for i in (2, 23, 24):
        if type(fields_[i]) is int:
            fields_[i] = date.fromordinal(fields_[i])
        elif type(fields_[i]) is str:
            fields_[i] = date.fromisoformat(fields_[i])
    record = Record(*fields_)
    return record
