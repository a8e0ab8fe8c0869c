"""The document data built from plain application data: words, dates, capitals, blanks, NFC."""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import date

import pytest

from printing import data as d
from printing import samples
from printing.data import Applicant


@pytest.mark.parametrize(("vnd", "words"), [
    (15000, "Mười lăm nghìn đồng"),
    (0, "Không đồng"),
    (105000, "Một trăm lẻ năm nghìn đồng"),
    (50000, "Năm mươi nghìn đồng"),
    (1234567, "Một triệu hai trăm ba mươi bốn nghìn năm trăm sáu mươi bảy đồng"),
])
def test_amount_in_words(vnd: int, words: str) -> None:
    assert d.amount_words(vnd) == words
    assert unicodedata.is_normalized("NFC", d.amount_words(vnd))


def test_amount_in_figures_uses_the_vietnamese_separator() -> None:
    assert d.amount_figures(15000) == "15.000 đồng"
    assert d.amount_figures(1250000) == "1.250.000 đồng"
    assert d.amount_figures(0) == "0 đồng"


@pytest.mark.parametrize(("day", "text"), [
    (date(2024, 8, 16), "ngày 16 tháng 8 năm 2024"),
    (date(2024, 2, 5), "ngày 05 tháng 02 năm 2024"),  # Decree 30: leading zeros below 10, 1–2
    (date(2025, 1, 31), "ngày 31 tháng 01 năm 2025"),
    (date(2025, 12, 1), "ngày 01 tháng 12 năm 2025"),
])
def test_long_dates(day: date, text: str) -> None:
    assert d.long_date(day) == text


def test_names_in_capitals_and_nfc_even_when_typed_decomposed() -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn  Thị Hồng   Nhung đẹp")
    assert d.upper(nfd) == "NGUYỄN THỊ HỒNG NHUNG ĐẸP"
    assert unicodedata.is_normalized("NFC", d.upper(nfd))


def test_every_text_of_every_document_is_nfc_even_from_nfd_input() -> None:
    app = samples.adult_renewal()
    nfd_app = dataclasses.replace(app, applicant=dataclasses.replace(
        app.applicant, full_name=unicodedata.normalize("NFD", app.applicant.full_name),
        residence=unicodedata.normalize("NFD", app.applicant.residence or "")),
        officer_name=unicodedata.normalize("NFD", app.officer_name or ""))
    docs = [d.information_sheet(nfd_app, samples.ISSUER), d.appointment_slip(nfd_app,
            samples.ISSUER), d.fee_receipt(nfd_app, samples.ISSUER),
            d.handover_record(nfd_app, samples.ISSUER),
            d.daily_register(date(2024, 8, 16), [nfd_app], samples.ISSUER)]

    def strings(obj: object) -> list[str]:
        if isinstance(obj, str):
            return [obj]
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            return [s for f in dataclasses.fields(obj) for s in strings(getattr(obj, f.name))]
        if isinstance(obj, tuple | list):
            return [s for item in obj for s in strings(item)]
        return []

    texts = [s for doc in docs for s in strings(doc)]
    assert "NGUYỄN THỊ HỒNG NHUNG" in texts
    assert all(unicodedata.is_normalized("NFC", t) for t in texts)


def test_missing_optional_fields_are_blank_not_none() -> None:
    app = samples.sparse()
    sheet = d.information_sheet(app, samples.ISSUER)
    values = {f.label: f.value for f in sheet.applicant}
    assert values["3. Ngày, tháng, năm sinh"] == ""
    assert values["11. Nơi cư trú"] == ""
    assert all("None" not in f.value for f in sheet.applicant + sheet.representative)
    slip = d.appointment_slip(app, samples.ISSUER)
    assert slip.return_date == ""
    assert all(f.value != "None" for f in slip.fields)


def test_information_sheet_lists_captured_fingers_and_exceptions() -> None:
    sheet = d.information_sheet(samples.adult_renewal(), samples.ISSUER)
    status = {r.label: r.status for r in sheet.fingers}
    assert status["Ngón cái phải"] == "Đã thu nhận"
    assert status["Ngón út trái"] == "Ngoại lệ: ngón bị thương"
    assert sheet.fingers_note == "Đã thu nhận 9/10 vân tay; ngoại lệ: 1."
    assert sheet.photo is not None


def test_child_under_6_has_no_biometrics_and_the_representative_signs() -> None:
    sheet = d.information_sheet(samples.child_under_6(), samples.ISSUER)
    assert sheet.fingers == ()
    assert "dưới 6 tuổi" in sheet.fingers_note
    assert sheet.signatures[0].title == "NGƯỜI ĐẠI DIỆN HỢP PHÁP"
    assert sheet.signatures[0].name == "LÒ VĂN TỦA"
    rep = {f.label: f.value for f in sheet.representative}
    assert rep["Căn cứ đại diện"].startswith("Cha đẻ")
    assert rep["Quan hệ với người được đại diện"] == "Cha"


def test_slip_fee_exemption_and_postal_delivery() -> None:
    slip = d.appointment_slip(samples.child_under_6(), samples.ISSUER)
    assert slip.fee.value.startswith("Miễn lệ phí (Trẻ em dưới 16 tuổi")
    assert slip.delivery.value.startswith("Lò Văn Tủa, xóm Bá Vân")
    assert slip.return_date == "Ngày 27 tháng 8 năm 2024"
    assert slip.qr_payload == "TN-SC-01-20240816-0003"
    paid = d.appointment_slip(samples.adult_renewal(), samples.ISSUER)
    assert paid.fee.value == "15.000 đồng"
    assert paid.fee_words == "Mười lăm nghìn đồng"
    assert "Công an thành phố Sông Công" in paid.delivery.value


def test_receipt_serial_or_exemption_ground() -> None:
    paid = d.fee_receipt(samples.adult_renewal(), samples.ISSUER)
    assert (paid.serial, paid.exempt, paid.exemption_ground) == ("BL-2024-000123", False, "")
    assert paid.header.place_date == "Sông Công, ngày 16 tháng 8 năm 2024"
    free = d.fee_receipt(dataclasses.replace(samples.adult_renewal(), fee_vnd=0,
                                             exemptions=("poor_household",)), samples.ISSUER)
    assert free.exempt and free.exemption_ground == "Thành viên hộ nghèo"
    assert free.amount_words == "Không đồng"


def test_handover_to_the_representative_with_the_old_document() -> None:
    rec = d.handover_record(samples.child_under_6(), samples.ISSUER)
    receiver = {f.label: f.value for f in rec.receiver}
    assert receiver["Họ, chữ đệm và tên"] == "LÒ VĂN TỦA"
    assert "LÒ THỊ MAI" in receiver["Tư cách nhận"]
    assert rec.old_document[0].value.startswith("Không có")
    adult = d.handover_record(samples.adult_renewal(), samples.ISSUER)
    old = {f.label: f.value for f in adult.old_document}
    assert old == {"Loại giấy tờ": "Căn cước công dân", "Số": "019192000321",
                   "Ngày cấp": "20/05/2021", "Tình trạng": "Đã thu hồi"}
    assert "15 giờ 05" in adult.opening  # 08:05 UTC is 15:05 in Vietnam


def test_daily_register_groups_by_officer_and_kind_and_totals_the_fees() -> None:
    reg = d.daily_register(date(2024, 8, 16), samples.day_of_applications(), samples.ISSUER)
    assert reg.count == 4
    assert reg.fee_total == 50000 and reg.fee_total_words == "Năm mươi nghìn đồng"
    officers = [g.officer for g in reg.groups]
    assert officers == ["(Chưa ghi cán bộ)", "Đại úy Trần Văn Đức", "Trung úy Hoàng Thị Lan"]
    duc = reg.groups[1]
    assert [r.number for r in duc.rows] == ["TN-SC-01-20240816-0005", "TN-SC-01-20240816-0007"]
    assert dict(duc.by_kind) == {"Cấp thẻ căn cước lần đầu": 1, "Cấp đổi thẻ căn cước": 1}
    assert duc.fee_total == 15000
    assert dict(reg.by_kind)["Cấp lại thẻ căn cước"] == 1


def test_applicant_from_mapping_ignores_unknown_keys() -> None:
    a = Applicant.from_mapping("019092001234", {"full_name": "Vi Văn Sáng", "unknown": 1,
                                                "nationality": ""})
    assert a.full_name == "Vi Văn Sáng" and a.nationality == "Việt Nam"
