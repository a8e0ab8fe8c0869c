"""Plain, frozen data for each printed document, built from plain application data.

Nothing here imports the ORM or the core: the caller (``workstation.documents``) turns an
application into an :class:`ApplicationData`; the builders below turn that into display-ready
documents (every text NFC, dates as "ngày 16 tháng 8 năm 2024", amounts in figures and words,
names in capitals where the form asks, missing optional fields as "" → printed as blank lines).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from printing import labels as L

# ---------------------------------------------------------------------------------------------
# Formatting helpers


def nfc(value: object) -> str:
    """Text for printing: NFC, stripped, single spaces; ``None`` → ""."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value))
    return " ".join(text.split())


def upper(value: object) -> str:
    """Upper-case Vietnamese text (đ → Đ), NFC."""
    return unicodedata.normalize("NFC", nfc(value).upper())


def long_date(day: date | None) -> str:
    """ "ngày 16 tháng 8 năm 2024"; days below 10 and months 1–2 take a leading zero
    (Decree 30/2020, Appendix I). ``None`` → ""."""
    if day is None:
        return ""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def short_date(day: date | None) -> str:
    """ "16/08/2024"; ``None`` → ""."""
    return "" if day is None else day.strftime("%d/%m/%Y")


def birth_date(value: date | str | None) -> str:
    """A date of birth: full date "05/03/2019", or the year alone when only that is known."""
    if value is None or value == "":
        return ""
    if isinstance(value, date):
        return short_date(value)
    text = nfc(value)
    try:
        return short_date(date.fromisoformat(text))
    except ValueError:
        return text  # "1950" (year only) or already formatted


def parse_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def amount_figures(vnd: int) -> str:
    """ "15.000 đồng" (Vietnamese thousands separator)."""
    return f"{vnd:,}".replace(",", ".") + " đồng"


def amount_words(vnd: int) -> str:
    """ "Mười lăm nghìn đồng" (num2words, capitalised)."""
    from num2words import num2words

    words = "không" if vnd == 0 else str(num2words(vnd, lang="vi"))
    words = nfc(words)
    return words[:1].upper() + words[1:] + " đồng"


def time_of_day(moment: datetime | None, tz_offset_hours: int = 7) -> str:
    """ "14 giờ 05" in Vietnam time (UTC+7) for an aware datetime; "" when missing."""
    if moment is None:
        return ""
    from datetime import timedelta, timezone

    local = moment.astimezone(timezone(timedelta(hours=tz_offset_hours))) if moment.tzinfo \
        else moment
    return f"{local.hour:02d} giờ {local.minute:02d}"


def local_day(moment: datetime | None, tz_offset_hours: int = 7) -> date | None:
    if moment is None:
        return None
    from datetime import timedelta, timezone

    if moment.tzinfo:
        moment = moment.astimezone(timezone(timedelta(hours=tz_offset_hours)))
    return moment.date()


def _lookup(table: Mapping[str, str], code: str | None) -> str:
    if not code:
        return ""
    return table.get(code, nfc(code))


# ---------------------------------------------------------------------------------------------
# Input: plain application data


@dataclass(frozen=True)
class Issuer:
    """The issuing office (cơ quan) as printed in the header of every document."""

    parent_agency: str  # "Công an tỉnh Thái Nguyên"
    agency: str  # "Công an thành phố Sông Công"
    address: str
    place_name: str  # "Sông Công" — the place in "Sông Công, ngày … tháng … năm …"
    station_code: str = ""
    counter: str = ""


@dataclass(frozen=True)
class BiometricEntry:
    """What was captured in one position, without the image: metadata only."""

    modality: str  # face | finger | iris | signature
    position: str  # right_thumb, left_iris, face, …
    captured: bool
    exception_reason: str | None = None
    quality: int | None = None


@dataclass(frozen=True)
class Applicant:
    """The applicant's declared data (snapshot taken at the counter)."""

    pid: str
    full_name: str
    date_of_birth: date | str | None = None
    sex: str | None = None
    other_name: str | None = None
    nationality: str | None = "Việt Nam"
    ethnicity: str | None = None
    religion: str | None = None
    hometown: str | None = None
    birth_registration_place: str | None = None
    residence: str | None = None
    current_residence: str | None = None
    blood_type: str | None = None

    @classmethod
    def from_mapping(cls, pid: str, data: Mapping[str, Any]) -> Applicant:
        known = {f for f in cls.__dataclass_fields__ if f != "pid"}
        values = {k: v for k, v in data.items() if k in known}
        if "nationality" in values and not values["nationality"]:
            values["nationality"] = "Việt Nam"
        return cls(pid=pid, **values)


@dataclass(frozen=True)
class ApplicationData:
    """Everything the documents need about one application, as plain values."""

    number: str
    kind: str
    applicant: Applicant
    received_on: date
    reason: str | None = None
    state: str = "draft"
    channel: str = "counter"
    age_group: str = ""
    representative_pid: str | None = None
    representative_name: str | None = None
    representative_relationship: str | None = None
    representative_basis: str | None = None
    collect_face: bool = False
    collect_fingerprints: bool = False
    collect_iris: bool = False
    fee_vnd: int = 0
    fee_rule: str | None = None
    exemptions: tuple[str, ...] = ()
    card_expiry: date | None = None
    return_by: date | None = None
    current_card_type: str | None = None
    current_card_number: str | None = None
    current_card_issued_on: date | None = None
    current_card_expires_on: date | None = None
    old_document_collected: bool = False
    phone: str | None = None
    email: str | None = None
    pickup: str = "counter"
    postal_address: str | None = None
    receipt_serial: str | None = None
    fee_paid_at: datetime | None = None
    new_card_number: str | None = None
    handed_over_to: str | None = None
    handed_over_at: datetime | None = None
    officer_name: str | None = None
    officer_username: str | None = None
    note: str | None = None
    biometrics: tuple[BiometricEntry, ...] = ()
    face_photo: bytes | None = field(default=None, repr=False)

    @property
    def has_representative(self) -> bool:
        return bool(nfc(self.representative_name) or nfc(self.representative_pid))


# ---------------------------------------------------------------------------------------------
# Output: display-ready documents


@dataclass(frozen=True)
class Field:
    """One labelled line of a form; an empty value prints as a dotted blank line."""

    label: str
    value: str = ""
    bold: bool = False


@dataclass(frozen=True)
class Header:
    """Decree 30/2020 header: agency (left), national motto (right), number and place/date."""

    parent_agency: str
    agency: str
    number_line: str
    place_date: str
    form_code: str = ""  # "Mẫu CC01"
    form_note: str = ""  # "(Ban hành kèm theo Thông tư số 17/2024/TT-BCA)"


@dataclass(frozen=True)
class Signature:
    """A signature box: title, hint, and the printed name under the space for signing."""

    title: str
    hint: str
    name: str


@dataclass(frozen=True)
class FingerRow:
    label: str
    status: str
    captured: bool


@dataclass(frozen=True)
class InformationSheet:
    """CC01 — phiếu thu nhận thông tin căn cước (TT 17/2024/TT-BCA)."""

    header: Header
    title: str
    application_number: str
    procedure: Field
    reason: Field
    applicant: tuple[Field, ...]
    previous_card: tuple[Field, ...]
    representative: tuple[Field, ...]  # () when the applicant (14+) acts alone
    photo: bytes | None
    photo_note: str
    fingers: tuple[FingerRow, ...]
    fingers_note: str
    iris: Field
    declaration: str
    signatures: tuple[Signature, ...]


@dataclass(frozen=True)
class AppointmentSlip:
    """CC02 — giấy hẹn trả kết quả giải quyết thủ tục về căn cước."""

    header: Header
    title: str
    application_number: str
    qr_payload: str
    barcode_value: str
    fields: tuple[Field, ...]
    return_date: str
    delivery: Field
    fee: Field
    fee_words: str
    note: str
    signatures: tuple[Signature, ...]


@dataclass(frozen=True)
class FeeReceipt:
    """Biên lai thu lệ phí — or, when the fee is 0, the record of the exemption ground."""

    header: Header
    title: str
    serial: str
    application_number: str
    fields: tuple[Field, ...]
    amount: int
    amount_figures: str
    amount_words: str
    exempt: bool
    exemption_ground: str
    signatures: tuple[Signature, ...]


@dataclass(frozen=True)
class HandoverRecord:
    """Biên bản giao nhận thẻ căn cước: who received the card, what old document was collected."""

    header: Header
    title: str
    opening: str
    giver: tuple[Field, ...]
    receiver: tuple[Field, ...]
    card: tuple[Field, ...]
    old_document: tuple[Field, ...]
    closing: str
    signatures: tuple[Signature, ...]


@dataclass(frozen=True)
class RegisterRow:
    index: int
    number: str
    full_name: str
    pid: str
    kind: str
    officer: str
    fee: int
    return_date: str


@dataclass(frozen=True)
class RegisterGroup:
    """The applications one officer received, with the count per kind and the fee subtotal."""

    officer: str
    rows: tuple[RegisterRow, ...]
    by_kind: tuple[tuple[str, int], ...]
    fee_total: int


@dataclass(frozen=True)
class DailyRegister:
    """Sổ theo dõi: the day's applications by officer and kind, with the fee total."""

    header: Header
    title: str
    day: str
    groups: tuple[RegisterGroup, ...]
    by_kind: tuple[tuple[str, int], ...]
    count: int
    fee_total: int
    fee_total_figures: str
    fee_total_words: str
    signatures: tuple[Signature, ...]


# ---------------------------------------------------------------------------------------------
# Builders


def _header(issuer: Issuer, on: date, form_code: str = "", number: str = "") -> Header:
    return Header(
        parent_agency=upper(issuer.parent_agency),
        agency=upper(issuer.agency),
        number_line=f"Số: {nfc(number)}" if number else "",
        place_date=f"{nfc(issuer.place_name)}, {long_date(on)}",
        form_code=f"Mẫu {form_code}" if form_code else "",
        form_note=L.FORM_NOTE if form_code else "",
    )


def procedure_text(kind: str) -> str:
    return _lookup(L.KINDS, kind)


def reason_text(reason: str | None) -> str:
    return _lookup(L.REASONS, reason)


def sex_text(sex: str | None) -> str:
    return _lookup(L.SEXES, sex)


def card_type_text(kind: str | None) -> str:
    return _lookup(L.CARD_TYPES, kind)


def relationship_text(rel: str | None) -> str:
    return _lookup(L.RELATIONSHIPS, rel)


def exemption_ground(app: ApplicationData) -> str:
    """Why no fee is due, in words: the exemption groups, or the rule that made it free."""
    grounds = [_lookup(L.EXEMPTIONS, code) for code in app.exemptions if code]
    if grounds:
        return "; ".join(grounds)
    if app.age_group in ("under_6", "6_to_under_14"):
        return L.EXEMPTIONS["child_under_16"]
    if app.kind == "first_issue":
        return L.FREE_FIRST_ISSUE
    if app.reason in L.FREE_REASONS:
        return L.FREE_REASONS[app.reason]
    return nfc(app.fee_rule) or L.FREE_OTHER


def _applicant_fields(app: ApplicationData) -> tuple[Field, ...]:
    a = app.applicant
    return (
        Field("1. Họ, chữ đệm và tên khai sinh", upper(a.full_name), bold=True),
        Field("2. Tên gọi khác", nfc(a.other_name)),
        Field("3. Ngày, tháng, năm sinh", birth_date(a.date_of_birth)),
        Field("4. Giới tính", sex_text(a.sex)),
        Field("5. Số định danh cá nhân", nfc(a.pid), bold=True),
        Field("6. Quốc tịch", nfc(a.nationality)),
        Field("7. Dân tộc", nfc(a.ethnicity)),
        Field("8. Tôn giáo", nfc(a.religion)),
        Field("9. Nơi đăng ký khai sinh", nfc(a.birth_registration_place)),
        Field("10. Quê quán", nfc(a.hometown)),
        Field("11. Nơi cư trú", nfc(a.residence)),
        Field("12. Nơi ở hiện tại", nfc(a.current_residence)),
        Field("13. Nhóm máu", nfc(a.blood_type)),
        Field("14. Số điện thoại", nfc(app.phone)),
        Field("15. Thư điện tử", nfc(app.email)),
    )


def _previous_card(app: ApplicationData) -> tuple[Field, ...]:
    return (
        Field("16. Giấy tờ đang sử dụng", card_type_text(app.current_card_type)),
        Field("Số", nfc(app.current_card_number)),
        Field("Ngày cấp", short_date(app.current_card_issued_on)),
        Field("Có giá trị đến", short_date(app.current_card_expires_on)
              if app.current_card_expires_on else
              ("Không thời hạn" if app.current_card_number and app.current_card_issued_on
               else "")),
    )


def _representative(app: ApplicationData) -> tuple[Field, ...]:
    return (
        Field("Họ, chữ đệm và tên", upper(app.representative_name), bold=True),
        Field("Số định danh cá nhân", nfc(app.representative_pid)),
        Field("Quan hệ với người được đại diện", relationship_text(
            app.representative_relationship)),
        Field("Căn cứ đại diện", nfc(app.representative_basis)),
    )


def _finger_rows(app: ApplicationData) -> tuple[tuple[FingerRow, ...], str]:
    if not app.collect_fingerprints:
        return (), L.NOT_COLLECTED_BY_AGE if app.age_group == "under_6" else L.NOT_COLLECTED
    by_position = {b.position: b for b in app.biometrics if b.modality == "finger"}
    rows: list[FingerRow] = []
    for code, label in L.FINGERS.items():
        entry = by_position.get(code)
        if entry is None:
            rows.append(FingerRow(label, L.NOT_YET_CAPTURED, False))
        elif entry.captured:
            rows.append(FingerRow(label, L.CAPTURED, True))
        else:
            reason = _lookup(L.EXCEPTION_REASONS, entry.exception_reason) or L.EXCEPTION
            rows.append(FingerRow(label, f"{L.EXCEPTION}: {reason}", False))
    captured = sum(r.captured for r in rows)
    exceptions = sum(1 for r in rows if r.status.startswith(L.EXCEPTION))
    note = f"Đã thu nhận {captured}/10 vân tay; ngoại lệ: {exceptions}."
    return tuple(rows), note


def _iris(app: ApplicationData) -> Field:
    if not app.collect_iris:
        return Field("Mống mắt", L.NOT_COLLECTED_BY_AGE if app.age_group == "under_6"
                     else L.NOT_COLLECTED)
    parts = []
    by_position = {b.position: b for b in app.biometrics if b.modality == "iris"}
    for code, label in (("right_iris", "mắt phải"), ("left_iris", "mắt trái")):
        entry = by_position.get(code)
        if entry is None:
            parts.append(f"{label}: {L.NOT_YET_CAPTURED.lower()}")
        elif entry.captured:
            parts.append(f"{label}: {L.CAPTURED.lower()}")
        else:
            why = _lookup(L.EXCEPTION_REASONS, entry.exception_reason)
            parts.append(f"{label}: {L.EXCEPTION.lower()}" + (f" ({why})" if why else ""))
    return Field("Mống mắt", "; ".join(parts))


def _applicant_signature(app: ApplicationData) -> Signature:
    if app.has_representative and app.age_group in ("under_6", "6_to_under_14"):
        return Signature("NGƯỜI ĐẠI DIỆN HỢP PHÁP", L.SIGN_HINT, upper(app.representative_name))
    return Signature("NGƯỜI ĐỀ NGHỊ", L.SIGN_HINT, upper(app.applicant.full_name))


def _officer_signature(app: ApplicationData, title: str = "CÁN BỘ THU NHẬN") -> Signature:
    return Signature(title, L.SIGN_HINT, nfc(app.officer_name))


def information_sheet(app: ApplicationData, issuer: Issuer) -> InformationSheet:
    """CC01: every collected field, representative, photo, fingers, declaration, signatures."""
    fingers, fingers_note = _finger_rows(app)
    if app.face_photo:
        photo_note = ""
    elif app.collect_face:
        photo_note = L.PHOTO_PENDING
    else:
        photo_note = L.NOT_COLLECTED_BY_AGE if app.age_group == "under_6" else L.NOT_COLLECTED
    return InformationSheet(
        header=_header(issuer, app.received_on, "CC01"),
        title="PHIẾU THU NHẬN THÔNG TIN CĂN CƯỚC",
        application_number=nfc(app.number),
        procedure=Field("Thủ tục", procedure_text(app.kind), bold=True),
        reason=Field("Lý do", reason_text(app.reason)),
        applicant=_applicant_fields(app),
        previous_card=_previous_card(app),
        representative=_representative(app)
        if app.has_representative or app.age_group != "14_and_over" else (),
        photo=app.face_photo,
        photo_note=photo_note,
        fingers=fingers,
        fingers_note=fingers_note,
        iris=_iris(app),
        declaration=L.DECLARATION,
        signatures=(_applicant_signature(app), _officer_signature(app)),
    )


def delivery_field(app: ApplicationData, issuer: Issuer) -> Field:
    if app.pickup == "post":
        return Field("Nơi trả kết quả (chuyển phát, người nhận trả cước)",
                     nfc(app.postal_address))
    return Field("Nơi trả kết quả", f"{nfc(issuer.agency)} — {nfc(issuer.address)}")


def fee_field(app: ApplicationData) -> tuple[Field, str]:
    if app.fee_vnd == 0:
        return Field("Lệ phí", f"Miễn lệ phí ({exemption_ground(app)})"), amount_words(0)
    return Field("Lệ phí", amount_figures(app.fee_vnd)), amount_words(app.fee_vnd)


def appointment_slip(app: ApplicationData, issuer: Issuer) -> AppointmentSlip:
    """CC02: station, number (QR + Code128), applicant, kind, return date, place, officer, fee."""
    a = app.applicant
    procedure = procedure_text(app.kind)
    if app.reason:
        procedure += f" ({reason_text(app.reason)})"
    fee, fee_words = fee_field(app)
    fields = (
        Field("Họ, chữ đệm và tên", upper(a.full_name), bold=True),
        Field("Ngày sinh", birth_date(a.date_of_birth)),
        Field("Giới tính", sex_text(a.sex)),
        Field("Số định danh cá nhân", nfc(a.pid)),
        Field("Nơi cư trú", nfc(a.residence)),
        Field("Người đại diện hợp pháp", upper(app.representative_name)
              if app.has_representative else ""),
        Field("Thủ tục", procedure),
        Field("Ngày tiếp nhận", short_date(app.received_on)),
        Field("Số điện thoại", nfc(app.phone)),
        Field("Cán bộ tiếp nhận", nfc(app.officer_name)),
    )
    return AppointmentSlip(
        header=_header(issuer, app.received_on, "CC02"),
        title="GIẤY HẸN TRẢ KẾT QUẢ GIẢI QUYẾT THỦ TỤC VỀ CĂN CƯỚC",
        application_number=nfc(app.number),
        qr_payload=nfc(app.number),
        barcode_value=nfc(app.number),
        fields=fields,
        return_date=long_date(app.return_by)[:1].upper() + long_date(app.return_by)[1:]
        if app.return_by else "",
        delivery=delivery_field(app, issuer),
        fee=fee,
        fee_words=fee_words,
        note=L.SLIP_NOTE,
        signatures=(_officer_signature(app, "CÁN BỘ TIẾP NHẬN"),),
    )


def fee_receipt(app: ApplicationData, issuer: Issuer) -> FeeReceipt:
    """The fee receipt: serial, payer, content, amount in figures and words — or the ground
    of the exemption when the fee is 0."""
    a = app.applicant
    paid_on = local_day(app.fee_paid_at) or app.received_on
    exempt = app.fee_vnd == 0
    content = f"Lệ phí {procedure_text(app.kind).lower()} thẻ căn cước"
    payer = upper(app.representative_name) if app.has_representative and \
        app.age_group in ("under_6", "6_to_under_14") else upper(a.full_name)
    fields = (
        Field("Họ tên người nộp", payer, bold=True),
        Field("Người được cấp thẻ", upper(a.full_name)),
        Field("Số định danh cá nhân", nfc(a.pid)),
        Field("Địa chỉ", nfc(a.residence)),
        Field("Số hồ sơ", nfc(app.number)),
        Field("Nội dung thu", content),
    )
    return FeeReceipt(
        header=_header(issuer, paid_on),
        title="BIÊN LAI THU LỆ PHÍ" if not exempt else "XÁC NHẬN MIỄN LỆ PHÍ",
        serial=nfc(app.receipt_serial),
        application_number=nfc(app.number),
        fields=fields,
        amount=app.fee_vnd,
        amount_figures=amount_figures(app.fee_vnd),
        amount_words=amount_words(app.fee_vnd),
        exempt=exempt,
        exemption_ground=exemption_ground(app) if exempt else "",
        signatures=(Signature("NGƯỜI NỘP TIỀN", L.SIGN_HINT, payer),
                    Signature("NGƯỜI THU TIỀN", L.SIGN_HINT, nfc(app.officer_name))),
    )


def handover_record(app: ApplicationData, issuer: Issuer, officer_name: str | None = None,
                    when: datetime | None = None) -> HandoverRecord:
    """Biên bản giao nhận thẻ căn cước: card to holder or representative, old document, both
    signatures. ``when`` defaults to the recorded handover time."""
    a = app.applicant
    moment = when or app.handed_over_at
    day = local_day(moment) or app.received_on
    officer = nfc(officer_name or app.officer_name)
    to_rep = app.handed_over_to == "representative" or (
        app.handed_over_to is None and app.has_representative
        and app.age_group in ("under_6", "6_to_under_14"))
    hour = time_of_day(moment)
    opening = (f"Hôm nay, {('vào lúc ' + hour + ', ') if hour else ''}{long_date(day)}, "
               f"tại {nfc(issuer.agency)}, chúng tôi gồm:")
    if to_rep:
        receiver = (
            Field("Họ, chữ đệm và tên", upper(app.representative_name), bold=True),
            Field("Số định danh cá nhân", nfc(app.representative_pid)),
            Field("Tư cách nhận", "Người đại diện hợp pháp ("
                  + relationship_text(app.representative_relationship).lower() + ") của "
                  + upper(a.full_name)),
        )
        receiver_name = upper(app.representative_name)
    else:
        receiver = (
            Field("Họ, chữ đệm và tên", upper(a.full_name), bold=True),
            Field("Số định danh cá nhân", nfc(a.pid)),
            Field("Tư cách nhận", "Người được cấp thẻ"),
        )
        receiver_name = upper(a.full_name)
    card = (
        Field("Số hồ sơ", nfc(app.number)),
        Field("Thủ tục", procedure_text(app.kind)),
        Field("Họ tên chủ thẻ", upper(a.full_name), bold=True),
        Field("Số thẻ căn cước", nfc(app.new_card_number or a.pid)),
        Field("Có giá trị đến", short_date(app.card_expiry) if app.card_expiry
              else ("Không thời hạn" if app.age_group == "14_and_over" else "")),
    )
    old: tuple[Field, ...]
    if app.current_card_type or app.current_card_number:
        old = (
            Field("Loại giấy tờ", card_type_text(app.current_card_type)),
            Field("Số", nfc(app.current_card_number)),
            Field("Ngày cấp", short_date(app.current_card_issued_on)),
            Field("Tình trạng", L.OLD_COLLECTED if app.old_document_collected
                  else L.OLD_NOT_COLLECTED),
        )
    else:
        old = (Field("Giấy tờ cũ", L.NO_OLD_DOCUMENT),)
    return HandoverRecord(
        header=_header(issuer, day),
        title="BIÊN BẢN GIAO NHẬN THẺ CĂN CƯỚC",
        opening=opening,
        giver=(Field("Cán bộ giao thẻ", officer, bold=True),
               Field("Đơn vị", nfc(issuer.agency))),
        receiver=receiver,
        card=card,
        old_document=old,
        closing=L.HANDOVER_CLOSING,
        signatures=(Signature("BÊN NHẬN", L.SIGN_HINT, receiver_name),
                    Signature("BÊN GIAO", L.SIGN_HINT, officer)),
    )


def daily_register(day: date, apps: Iterable[ApplicationData], issuer: Issuer,
                   leader_name: str | None = None) -> DailyRegister:
    """Sổ theo dõi for ``day``: rows grouped by officer (alphabetical), counts per kind, fees."""
    by_officer: dict[str, list[ApplicationData]] = {}
    for app in apps:
        officer = nfc(app.officer_name) or nfc(app.officer_username) or L.OFFICER_UNKNOWN
        by_officer.setdefault(officer, []).append(app)
    groups: list[RegisterGroup] = []
    index = 0
    total_by_kind: dict[str, int] = {}
    fee_total = 0
    for officer in sorted(by_officer, key=lambda s: _fold(s)):
        rows: list[RegisterRow] = []
        kinds: dict[str, int] = {}
        subtotal = 0
        for app in sorted(by_officer[officer], key=lambda a: a.number):
            index += 1
            kind = procedure_text(app.kind)
            rows.append(RegisterRow(index, nfc(app.number), upper(app.applicant.full_name),
                                    nfc(app.applicant.pid), kind, officer, app.fee_vnd,
                                    short_date(app.return_by)))
            kinds[kind] = kinds.get(kind, 0) + 1
            total_by_kind[kind] = total_by_kind.get(kind, 0) + 1
            subtotal += app.fee_vnd
        fee_total += subtotal
        groups.append(RegisterGroup(officer, tuple(rows), _kind_order(kinds), subtotal))
    return DailyRegister(
        header=_header(issuer, day),
        title="SỔ THEO DÕI TIẾP NHẬN HỒ SƠ CĂN CƯỚC",
        day=long_date(day),
        groups=tuple(groups),
        by_kind=_kind_order(total_by_kind),
        count=index,
        fee_total=fee_total,
        fee_total_figures=amount_figures(fee_total),
        fee_total_words=amount_words(fee_total),
        signatures=(Signature("NGƯỜI LẬP SỔ", L.SIGN_HINT, ""),
                    Signature("LÃNH ĐẠO ĐƠN VỊ", L.SIGN_HINT, nfc(leader_name))),
    )


def _kind_order(counts: Mapping[str, int]) -> tuple[tuple[str, int], ...]:
    order = list(L.KINDS.values())
    return tuple(sorted(counts.items(),
                        key=lambda kv: (order.index(kv[0]) if kv[0] in order else 99, kv[0])))


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def fingers_by_status(entries: Sequence[BiometricEntry]) -> dict[str, list[str]]:
    """Positions grouped as captured / exception (for reports and tests)."""
    out: dict[str, list[str]] = {"captured": [], "exception": []}
    for e in entries:
        if e.modality == "finger":
            out["captured" if e.captured else "exception"].append(e.position)
    return out
