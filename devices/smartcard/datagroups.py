"""Parsers of the chip's elementary files: EF.COM, DG1 (MRZ), DG2 (face) and DG13 (Vietnamese
details, RULES.md §6). Each raises only ``MalformedData`` on bad input."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date

from devices.smartcard import tlv
from devices.smartcard.errors import MalformedData
from devices.smartcard.mrzdata import MrzData, parse_td1

# Elementary file identifiers and the LDS tags of the data groups.
FID_COM = 0x011E
FID_SOD = 0x011D
FID_CARD_ACCESS = 0x011C
FID_BY_DG = {1: 0x0101, 2: 0x0102, 13: 0x010D, 14: 0x010E, 15: 0x010F}
DG_BY_TAG = {0x61: 1, 0x75: 2, 0x63: 3, 0x76: 4, 0x65: 5, 0x66: 6, 0x67: 7, 0x68: 8,
             0x69: 9, 0x6A: 10, 0x6B: 11, 0x6C: 12, 0x6D: 13, 0x6E: 14, 0x6F: 15, 0x70: 16}
TAG_BY_DG = {dg: tag for tag, dg in DG_BY_TAG.items()}


@dataclass(frozen=True)
class EfCom:
    lds_version: str
    unicode_version: str
    data_groups: tuple[int, ...]


def parse_com(data: bytes) -> EfCom:
    outer = tlv.expect(data, 0x60, "com")
    lds = uni = ""
    groups: tuple[int, ...] = ()
    for obj in tlv.iter_tlv(outer.value, "com"):
        if obj.tag == 0x5F01:
            lds = obj.value.decode("ascii", "replace")
        elif obj.tag == 0x5F36:
            uni = obj.value.decode("ascii", "replace")
        elif obj.tag == 0x5C:
            groups = tuple(sorted({DG_BY_TAG[t] for t in obj.value if t in DG_BY_TAG}))
    return EfCom(lds, uni, groups)


def parse_dg1(data: bytes) -> MrzData:
    outer = tlv.expect(data, 0x61, "dg1")
    mrz = tlv.find(outer.value, 0x5F1F, "dg1")
    if mrz is None:
        raise MalformedData("dg1", "no MRZ data object (5F1F)")
    try:
        text = mrz.value.decode("ascii")
    except UnicodeDecodeError as exc:
        raise MalformedData("dg1", "MRZ is not ASCII") from exc
    try:
        return parse_td1(text)
    except MalformedData as exc:
        raise MalformedData("dg1", exc.detail) from exc


# --- DG2: the face (ISO/IEC 19794-5 inside the biometric information template) ---------------

@dataclass(frozen=True)
class FaceImage:
    data: bytes
    format: str  # "jpeg" | "jpeg2000"
    width: int
    height: int

    @property
    def mime_type(self) -> str:
        return "image/jpeg" if self.format == "jpeg" else "image/jp2"

    @property
    def suffix(self) -> str:
        return ".jpg" if self.format == "jpeg" else ".jp2"


def _sniff_format(image: bytes, declared: int) -> str:
    if image.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if image.startswith(b"\x00\x00\x00\x0cjP  ") or image.startswith(b"\xff\x4f\xff\x51"):
        return "jpeg2000"
    if declared == 0:
        return "jpeg"
    if declared == 1:
        return "jpeg2000"
    raise MalformedData("dg2", "the face image is neither JPEG nor JPEG 2000")


def parse_face_block(block: bytes) -> FaceImage:
    """The first image of an ISO/IEC 19794-5 facial record data block ('FAC\\0')."""
    if len(block) < 14 or block[:4] != b"FAC\x00":
        raise MalformedData("dg2", "no ISO 19794-5 facial record ('FAC')")
    count = int.from_bytes(block[12:14], "big")
    if count < 1:
        raise MalformedData("dg2", "the facial record holds no image")
    pos = 14
    if pos + 20 > len(block):
        raise MalformedData("dg2", "facial information block truncated")
    record_length = int.from_bytes(block[pos : pos + 4], "big")
    points = int.from_bytes(block[pos + 4 : pos + 6], "big")
    record_end = pos + record_length
    if record_length < 32 or record_end > len(block):
        raise MalformedData("dg2", "facial record length out of bounds")
    pos += 20 + 8 * points
    if pos + 12 > record_end:
        raise MalformedData("dg2", "image information truncated")
    data_type = block[pos + 1]
    width = int.from_bytes(block[pos + 2 : pos + 4], "big")
    height = int.from_bytes(block[pos + 4 : pos + 6], "big")
    image = block[pos + 12 : record_end]
    if not image:
        raise MalformedData("dg2", "empty face image")
    return FaceImage(image, _sniff_format(image, data_type), width, height)


def parse_dg2(data: bytes) -> FaceImage | None:
    """The first face of DG2, or None when the group holds no image (under-6 cards)."""
    outer = tlv.expect(data, 0x75, "dg2")
    group = tlv.find(outer.value, 0x7F61, "dg2")
    if group is None:
        raise MalformedData("dg2", "no biometric information group template (7F61)")
    for template in tlv.iter_tlv(group.value, "dg2"):
        if template.tag != 0x7F60:
            continue
        for obj in tlv.iter_tlv(template.value, "dg2"):
            if obj.tag in (0x5F2E, 0x7F2E):
                return parse_face_block(obj.value)
    return None


# --- DG13: Vietnamese details ----------------------------------------------------------------

DG13_FIELDS: dict[int, str] = {
    1: "pid",
    2: "full_name",
    3: "date_of_birth",
    4: "sex",
    5: "nationality",
    6: "ethnicity",
    7: "religion",
    8: "hometown",
    9: "residence",
    10: "identifying_features",
    11: "issue_date",
    12: "expiry_date",
    13: "parents",
    14: "spouse_name",
    15: "field_15",
    16: "old_id_number",
}
_STRING_TAGS = (0x0C, 0x13, 0x14, 0x16, 0x1A, 0x1E)
MAX_DG13_VALUES = 64


@dataclass(frozen=True)
class CitizenDetails:
    """DG13 by field name (NFC text); ``unknown`` keeps field ids we do not know."""

    fields: dict[str, str] = field(default_factory=dict)
    father_name: str = ""
    mother_name: str = ""
    unknown: dict[int, tuple[str, ...]] = field(default_factory=dict)
    unknown_tags: int = 0

    def get(self, name: str) -> str:
        return self.fields.get(name, "")

    @property
    def date_of_birth(self) -> date | None:
        return parse_vn_date(self.get("date_of_birth"))

    @property
    def issue_date(self) -> date | None:
        return parse_vn_date(self.get("issue_date"))

    @property
    def expiry_date(self) -> date | None:
        """None when absent or when the card has no expiry ("Không thời hạn")."""
        return parse_vn_date(self.get("expiry_date"))

    @property
    def sex(self) -> str | None:
        value = self.get("sex").casefold()
        if value == "nam":
            return "male"
        if value in ("nữ", "nu"):
            return "female"
        return None

    def as_dict(self) -> dict[str, str]:
        out = dict(self.fields)
        if self.father_name:
            out["father_name"] = self.father_name
        if self.mother_name:
            out["mother_name"] = self.mother_name
        return out


def parse_vn_date(text: str) -> date | None:
    """dd/mm/yyyy as printed on the card; None for anything else."""
    parts = text.strip().split("/")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    try:
        return date(int(parts[2]), int(parts[1]), int(parts[0]))
    except ValueError:
        return None


def _strings(obj: tlv.Tlv, field_id: int, depth: int, out: list[str]) -> None:
    if len(out) >= MAX_DG13_VALUES:
        raise MalformedData("dg13", f"field {field_id} has too many values")
    if obj.tag in _STRING_TAGS:
        try:
            text = obj.value.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise MalformedData("dg13", f"field {field_id} is not valid UTF-8") from exc
        out.append(unicodedata.normalize("NFC", text))
    elif obj.tag in (0x30, 0x31) or (obj.tag & 0xE0) == 0xA0:
        for child in obj.children(depth + 1, "dg13"):
            _strings(child, field_id, depth + 1, out)
    # Other primitive objects inside a field (integers, OIDs) carry no text: skipped.


def parse_dg13(data: bytes) -> CitizenDetails:
    outer = tlv.expect(data, 0x6D, "dg13")
    items = list(tlv.iter_tlv(outer.value, "dg13"))
    # Some cards wrap the field list in one more SEQUENCE (perhaps after a version number):
    # unwrap it when it holds field-like SEQUENCEs (INTEGER first). Field 13's own nested
    # SEQUENCEs hold strings, so a lone field is not mistaken for a wrapper.
    if len(items) == 1 and items[0].tag == 0x30:
        inner = items[0].children(1, "dg13")
        if any(c.tag == 0x30 and c.value[:1] == b"\x02" for c in inner):
            items = inner
    fields: dict[str, str] = {}
    unknown: dict[int, tuple[str, ...]] = {}
    unknown_tags = 0
    father = mother = ""
    for item in items:
        if item.tag != 0x30:
            unknown_tags += 1
            continue
        parts = item.children(2, "dg13")
        if not parts or parts[0].tag != 0x02 or not 1 <= len(parts[0].value) <= 2:
            unknown_tags += 1
            continue
        field_id = int.from_bytes(parts[0].value, "big")
        values: list[str] = []
        for part in parts[1:]:
            _strings(part, field_id, 2, values)
        name = DG13_FIELDS.get(field_id)
        if name is None:
            unknown[field_id] = tuple(values)
        elif field_id == 13:
            father = values[0] if values else ""
            mother = values[1] if len(values) > 1 else ""
        else:
            fields[name] = " ".join(v.strip() for v in values if v.strip())
    return CitizenDetails(fields, father, mother, unknown, unknown_tags)
