"""Synthetic applications (invented people only) for tests, benchmarks, samples and demos."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

from printing.data import Applicant, ApplicationData, BiometricEntry, Issuer
from printing.labels import FINGERS

ISSUER = Issuer(
    parent_agency="Công an tỉnh Thái Nguyên",
    agency="Công an thành phố Sông Công",
    address="Phường Thắng Lợi, thành phố Sông Công, tỉnh Thái Nguyên",
    place_name="Sông Công",
    station_code="TN-SC-01",
    counter="Quầy 1",
)


def sample_photo(width: int = 240, height: int = 320) -> bytes:
    """A synthetic JPEG 'portrait' (drawn shapes, no real face)."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (width, height), (236, 240, 246))
    d = ImageDraw.Draw(img)
    d.ellipse((width * 0.28, height * 0.18, width * 0.72, height * 0.62), fill=(222, 184, 150))
    d.rectangle((width * 0.15, height * 0.68, width * 0.85, height), fill=(40, 60, 110))
    d.ellipse((width * 0.26, height * 0.12, width * 0.74, height * 0.34), fill=(30, 25, 20))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=85)
    return buf.getvalue()


def all_fingers(exceptions: dict[str, str] | None = None) -> tuple[BiometricEntry, ...]:
    exceptions = exceptions or {}
    return tuple(
        BiometricEntry("finger", pos, pos not in exceptions, exceptions.get(pos),
                       None if pos in exceptions else 72)
        for pos in FINGERS
    )


def adult_renewal() -> ApplicationData:
    """An adult converting a CCCD, with a fee, a photo and one finger exception."""
    return ApplicationData(
        number="TN-SC-01-20240816-0007",
        kind="renewal",
        reason="cccd_conversion",
        state="confirmed",
        age_group="14_and_over",
        applicant=Applicant(
            pid="019092001234",
            full_name="Nguyễn Thị Hồng Nhung",
            date_of_birth=date(1992, 4, 12),
            sex="female",
            ethnicity="Kinh",
            religion="Không",
            hometown="Xã Tân Quang, thành phố Sông Công, tỉnh Thái Nguyên",
            birth_registration_place="Phường Thắng Lợi, thành phố Sông Công, tỉnh Thái Nguyên",
            residence="Tổ dân phố 3, phường Thắng Lợi, thành phố Sông Công, tỉnh Thái Nguyên",
            current_residence="Tổ dân phố 3, phường Thắng Lợi, thành phố Sông Công, "
                              "tỉnh Thái Nguyên",
        ),
        received_on=date(2024, 8, 16),
        return_by=date(2024, 8, 27),
        collect_face=True,
        collect_fingerprints=True,
        collect_iris=True,
        fee_vnd=15000,
        fee_rule="conversion 30,000 reduced 50 %",
        card_expiry=date(2032, 4, 12),
        current_card_type="cccd",
        current_card_number="019192000321",
        current_card_issued_on=date(2021, 5, 20),
        current_card_expires_on=date(2032, 4, 12),
        old_document_collected=True,
        phone="0912 345 678",
        email="nhung.nguyen@example.vn",
        receipt_serial="BL-2024-000123",
        fee_paid_at=datetime(2024, 8, 16, 2, 35, tzinfo=UTC),
        new_card_number="019092001234",
        handed_over_to="holder",
        handed_over_at=datetime(2024, 8, 27, 8, 5, tzinfo=UTC),
        officer_name="Đại úy Trần Văn Đức",
        officer_username="duc.tv",
        biometrics=all_fingers({"left_little": "injured"})
        + (BiometricEntry("iris", "right_iris", True), BiometricEntry("iris", "left_iris", True),
           BiometricEntry("face", "face", True)),
        face_photo=sample_photo(),
    )


def child_under_6() -> ApplicationData:
    """A child under 6, first issue, represented by her father, free, delivered by post."""
    return ApplicationData(
        number="TN-SC-01-20240816-0003",
        kind="first_issue",
        state="confirmed",
        age_group="under_6",
        applicant=Applicant(pid="019319001234", full_name="Lò Thị Mai",
                            date_of_birth=date(2019, 3, 5), sex="female", ethnicity="Thái",
                            residence="Xóm Bá Vân, xã Bình Sơn, thành phố Sông Công, "
                                      "tỉnh Thái Nguyên"),
        representative_pid="019088004321",
        representative_name="Lò Văn Tủa",
        representative_relationship="father",
        representative_basis="Cha đẻ (theo Giấy khai sinh số 45/2019, quyển 01)",
        received_on=date(2024, 8, 16),
        return_by=date(2024, 8, 27),
        fee_vnd=0,
        card_expiry=date(2033, 3, 5),
        pickup="post",
        postal_address="Lò Văn Tủa, xóm Bá Vân, xã Bình Sơn, thành phố Sông Công, "
                       "tỉnh Thái Nguyên — ĐT 0987 654 321",
        officer_name="Trung úy Hoàng Thị Lan",
        officer_username="lan.ht",
        handed_over_to="representative",
        handed_over_at=datetime(2024, 8, 28, 3, 30, tzinfo=UTC),
    )


def child_6_to_13() -> ApplicationData:
    """A child of 9, first issue: face and fingers, no iris exception, free."""
    return ApplicationData(
        number="TN-SC-01-20240816-0005",
        kind="first_issue",
        state="captured",
        age_group="6_to_under_14",
        applicant=Applicant(pid="019215003456", full_name="Đặng Minh Khôi",
                            date_of_birth=date(2015, 1, 9), sex="male", ethnicity="Kinh",
                            residence="Tổ dân phố 1, phường Mỏ Chè, thành phố Sông Công, "
                                      "tỉnh Thái Nguyên"),
        representative_pid="019185006789",
        representative_name="Đặng Thu Hà",
        representative_relationship="mother",
        representative_basis="Mẹ đẻ",
        received_on=date(2024, 8, 16),
        return_by=date(2024, 8, 27),
        collect_face=True,
        collect_fingerprints=True,
        collect_iris=True,
        fee_vnd=0,
        card_expiry=date(2029, 1, 9),
        officer_name="Đại úy Trần Văn Đức",
        officer_username="duc.tv",
        biometrics=all_fingers(),
    )


def sparse() -> ApplicationData:
    """Only the required fields: every optional one missing."""
    return ApplicationData(
        number="TN-SC-01-20240816-0009",
        kind="reissue",
        reason=None,
        applicant=Applicant(pid="019070009999", full_name="Vi Văn Sáng"),
        received_on=date(2024, 8, 16),
        fee_vnd=35000,
    )


def day_of_applications() -> list[ApplicationData]:
    return [adult_renewal(), child_under_6(), child_6_to_13(), sparse()]


def write_samples(folder: str) -> list[str]:
    """Render every document for the synthetic people into ``folder`` (PDF files)."""
    from datetime import date
    from pathlib import Path

    from printing import data as d
    from printing.cc01 import render_information_sheet
    from printing.cc02 import render_appointment_slip
    from printing.handover import render_handover_record
    from printing.receipt import render_fee_receipt
    from printing.register import render_daily_register

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    adult, child = adult_renewal(), child_under_6()
    docs = {
        "cc01-information-sheet-A4": render_information_sheet(
            d.information_sheet(adult, ISSUER), "A4", True),
        "cc02-appointment-slip-A5": render_appointment_slip(
            d.appointment_slip(adult, ISSUER), "A5", True),
        "cc02-appointment-slip-80mm": render_appointment_slip(
            d.appointment_slip(child, ISSUER), "80mm", True),
        "fee-receipt-80mm": render_fee_receipt(d.fee_receipt(adult, ISSUER), "80mm", True),
        "fee-receipt-exempt-A5": render_fee_receipt(d.fee_receipt(child, ISSUER), "A5", True),
        "handover-record-A4": render_handover_record(d.handover_record(child, ISSUER), "A4",
                                                     True),
        "daily-register-A4": render_daily_register(
            d.daily_register(date(2024, 8, 16), day_of_applications(), ISSUER,
                             "Thiếu tá Phạm Quốc Hưng"), "A4", True),
    }
    written = []
    for name, pdf in docs.items():
        path = out / f"{name}.pdf"
        path.write_bytes(pdf)
        written.append(str(path))
    return written


if __name__ == "__main__":
    import sys

    for written_path in write_samples(sys.argv[1] if len(sys.argv) > 1 else "samples"):
        print(written_path)
