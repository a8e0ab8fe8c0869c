"""Each document rendered to PDF and read back: text, fonts, wrapping, codes, repeatability."""

from __future__ import annotations

import dataclasses
import subprocess
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from printing import data as d
from printing import samples
from printing.cc01 import render_information_sheet
from printing.cc02 import render_appointment_slip
from printing.errors import DocumentError
from printing.handover import render_handover_record
from printing.receipt import render_fee_receipt
from printing.register import render_daily_register
from tests.printing.conftest import (
    decode_barcodes,
    decode_qr,
    page_sizes,
    pdf_text,
    pdf_words,
    render_pages,
)

ISSUER = samples.ISSUER
MM = 72 / 25.4


def _flat(text: str) -> str:
    return " ".join(text.split())


def cc01(app: d.ApplicationData, paper: str = "A4", inv: bool = True) -> bytes:
    return render_information_sheet(d.information_sheet(app, ISSUER), paper, inv)


def cc02(app: d.ApplicationData, paper: str = "A5", inv: bool = True) -> bytes:
    return render_appointment_slip(d.appointment_slip(app, ISSUER), paper, inv)


def receipt(app: d.ApplicationData, paper: str = "A5", inv: bool = True) -> bytes:
    return render_fee_receipt(d.fee_receipt(app, ISSUER), paper, inv)


def handover(app: d.ApplicationData, paper: str = "A4", inv: bool = True) -> bytes:
    return render_handover_record(d.handover_record(app, ISSUER), paper, inv)


def register(apps: list[d.ApplicationData], paper: str = "A4", inv: bool = True) -> bytes:
    return render_daily_register(d.daily_register(date(2024, 8, 16), apps, ISSUER,
                                                  "Thiếu tá Phạm Quốc Hưng"), paper, inv)


def test_information_sheet_holds_every_collected_field() -> None:
    text = _flat(pdf_text(cc01(samples.adult_renewal())))
    for expected in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Mẫu CC01",
        "17/2024/TT-BCA", "CÔNG AN TỈNH THÁI NGUYÊN", "PHIẾU THU NHẬN THÔNG TIN CĂN CƯỚC",
        "TN-SC-01-20240816-0007", "Cấp đổi thẻ căn cước",
        "Chuyển đổi từ thẻ Căn cước công dân sang thẻ căn cước",
        "NGUYỄN THỊ HỒNG NHUNG", "12/04/1992", "Nữ", "019092001234", "Việt Nam", "Kinh",
        "Xã Tân Quang, thành phố Sông Công, tỉnh Thái Nguyên",
        "Tổ dân phố 3, phường Thắng Lợi", "0912 345 678", "nhung.nguyen@example.vn",
        "Căn cước công dân", "019192000321", "20/05/2021",
        "Ngón cái phải", "Ngoại lệ: ngón bị thương", "Đã thu nhận 9/10 vân tay",
        "mắt phải: đã thu nhận", "Tôi xin cam đoan", "NGƯỜI ĐỀ NGHỊ", "CÁN BỘ THU NHẬN",
        "Đại úy Trần Văn Đức", "Sông Công, ngày 16 tháng 8 năm 2024",
    ]:
        assert expected in text, expected


def test_information_sheet_of_a_child_shows_the_representative_and_basis() -> None:
    text = _flat(pdf_text(cc01(samples.child_under_6(), "A5")))
    for expected in ["LÒ THỊ MAI", "LÒ VĂN TỦA", "019088004321", "Cha",
                     "Cha đẻ (theo Giấy khai sinh số 45/2019, quyển 01)",
                     "Không thu nhận (dưới 6 tuổi)", "NGƯỜI ĐẠI DIỆN HỢP PHÁP"]:
        assert expected in text, expected


def test_appointment_slip_fields_on_every_paper() -> None:
    for paper in ("A4", "A5", "80mm"):
        pdf = cc02(samples.adult_renewal(), paper)
        text = _flat(pdf_text(pdf))
        for expected in ["GIẤY HẸN TRẢ KẾT QUẢ GIẢI QUYẾT THỦ TỤC VỀ CĂN CƯỚC", "Mẫu CC02",
                         "CÔNG AN TỈNH THÁI NGUYÊN", "TN-SC-01-20240816-0007",
                         "NGUYỄN THỊ HỒNG NHUNG", "12/04/1992", "019092001234",
                         "Cấp đổi thẻ căn cước", "Ngày 27 tháng 8 năm 2024",
                         "Công an thành phố Sông Công — Phường Thắng Lợi", "15.000 đồng",
                         "Mười lăm nghìn đồng", "Đại úy Trần Văn Đức"]:
            assert expected in text, (paper, expected)
        assert len(page_sizes(pdf)) == 1, paper


def test_slip_by_post_prints_the_postal_address_and_the_exemption() -> None:
    text = _flat(pdf_text(cc02(samples.child_under_6(), "80mm")))
    assert "chuyển phát, người nhận trả cước" in text
    assert "xóm Bá Vân, xã Bình Sơn" in text
    assert "Miễn lệ phí (Trẻ em dưới 16 tuổi" in text


def test_paper_sizes() -> None:
    a4, a5 = (595.28, 841.89), (419.53, 595.28)
    assert page_sizes(cc02(samples.adult_renewal(), "A4"))[0] == pytest.approx(a4, abs=0.5)
    assert page_sizes(cc02(samples.adult_renewal(), "A5"))[0] == pytest.approx(a5, abs=0.5)
    roll = page_sizes(cc02(samples.adult_renewal(), "80mm"))[0]
    assert roll[0] == pytest.approx(80 * MM, abs=0.5) and 100 * MM < roll[1] < 300 * MM
    assert page_sizes(register(samples.day_of_applications()))[0] == pytest.approx(
        (a4[1], a4[0]), abs=0.5)  # the register is landscape


def test_fee_receipt_serial_and_amount_and_exemption() -> None:
    text = _flat(pdf_text(receipt(samples.adult_renewal(), "80mm")))
    for expected in ["BIÊN LAI THU LỆ PHÍ", "BL-2024-000123", "15.000 đồng",
                     "Mười lăm nghìn đồng", "NGUYỄN THỊ HỒNG NHUNG",
                     "Lệ phí cấp đổi thẻ căn cước", "NGƯỜI NỘP TIỀN", "NGƯỜI THU TIỀN"]:
        assert expected in text, expected
    free = _flat(pdf_text(receipt(samples.child_under_6(), "A5")))
    assert "Miễn lệ phí: Trẻ em dưới 16 tuổi (Luật Trẻ em)" in free
    assert "0 đồng" in free and "Không đồng" in free and "LÒ VĂN TỦA" in free


def test_handover_record_names_both_sides_and_the_old_document() -> None:
    text = _flat(pdf_text(handover(samples.adult_renewal())))
    for expected in ["BIÊN BẢN GIAO NHẬN THẺ CĂN CƯỚC", "Bên giao", "Bên nhận",
                     "NGUYỄN THỊ HỒNG NHUNG", "Người được cấp thẻ", "Giấy tờ cũ thu hồi",
                     "Căn cước công dân", "019192000321", "Đã thu hồi", "BÊN NHẬN", "BÊN GIAO",
                     "Đại úy Trần Văn Đức", "ngày 27 tháng 8 năm 2024"]:
        assert expected in text, expected
    rep = _flat(pdf_text(handover(samples.child_under_6(), "A5")))
    assert "Người đại diện hợp pháp (cha) của LÒ THỊ MAI" in rep


def test_daily_register_by_officer_and_kind_with_the_total() -> None:
    text = _flat(pdf_text(register(samples.day_of_applications())))
    for expected in ["SỔ THEO DÕI TIẾP NHẬN HỒ SƠ CĂN CƯỚC", "Ngày 16 tháng 8 năm 2024",
                     "Cán bộ tiếp nhận: Đại úy Trần Văn Đức — 2 hồ sơ",
                     "Trung úy Hoàng Thị Lan", "NGUYỄN THỊ HỒNG NHUNG", "VI VĂN SÁNG",
                     "Tổng số hồ sơ: 4", "Cấp thẻ căn cước lần đầu: 2", "50.000 đồng",
                     "Năm mươi nghìn đồng", "Thiếu tá Phạm Quốc Hưng"]:
        assert expected in text, expected


def test_a_long_register_runs_over_pages_with_numbers() -> None:
    base = samples.adult_renewal()
    apps = [dataclasses.replace(base, number=f"TN-SC-01-20240816-{i:04d}") for i in range(60)]
    pdf = register(apps)
    assert len(page_sizes(pdf)) >= 2
    text = _flat(pdf_text(pdf))
    assert "Tổng số hồ sơ: 60" in text and "900.000 đồng" in text
    assert "Trang 1/" in text


def test_missing_optional_fields_print_blank_lines_never_none() -> None:
    app = samples.sparse()
    for pdf in (cc01(app), cc02(app), cc02(app, "80mm"), receipt(app), handover(app),
                register([app])):
        text = pdf_text(pdf)
        assert "None" not in text
        assert "VI VĂN SÁNG" in text
    assert "Tên gọi khác: ....." in pdf_text(cc01(app))


def test_fonts_are_embedded_subsets() -> None:
    out = subprocess.run(["pdffonts", "-"], input=cc01(samples.adult_renewal()),
                         capture_output=True, check=True).stdout.decode()
    rows = [ln.split() for ln in out.splitlines()[2:] if ln.strip()]
    assert rows, out
    for row in rows:
        name, emb, sub = row[0], row[-5], row[-4]
        assert (emb, sub) == ("yes", "yes"), row
        assert "+" in name  # subset tag
    assert any("LiberationSerif" in r[0] or "Times" in r[0] for r in rows)


def test_names_typed_in_nfd_print_correctly() -> None:
    app = samples.adult_renewal()
    nfd_name = unicodedata.normalize("NFD", "Nguyễn Thị Hồng Nhung")
    assert nfd_name != "Nguyễn Thị Hồng Nhung"
    nfd_app = dataclasses.replace(app, applicant=dataclasses.replace(app.applicant,
                                                                     full_name=nfd_name))
    for pdf in (cc01(nfd_app), cc02(nfd_app, "80mm")):
        text = pdf_text(pdf)
        assert "NGUYỄN THỊ HỒNG NHUNG" in text
        assert all(unicodedata.combining(ch) == 0 for ch in text)  # no loose accents
    assert cc02(nfd_app) == cc02(app)  # NFD input draws exactly what NFC input draws


LONG_NAME = ("Nguyễn Hoàng Phương Thảo Quỳnh Anh Bảo Ngọc Diệp Khánh Linh Thùy Dương Minh Châu "
             "Hải Yến Tường Vy Bích Phượng Thanh Trúc Kim Ngân")
LONG_ADDRESS = ("Số nhà 1234, ngõ 567, ngách 89, đường Cách Mạng Tháng Tám, tổ dân phố Xuân "
                "Thịnh 12, phường Thắng Lợi, thành phố Sông Công, tỉnh Thái Nguyên, khu vực "
                "giáp ranh với thị xã Phổ Yên, gần chợ trung tâm và trường tiểu học số 2") * 2


@pytest.mark.parametrize(("render", "paper"), [
    (cc01, "A4"), (cc01, "A5"), (cc02, "A4"), (cc02, "A5"), (cc02, "80mm"),
    (receipt, "A5"), (receipt, "80mm"), (handover, "A4"), (handover, "A5"),
])
def test_a_120_character_name_and_a_long_address_wrap_inside_the_page(
        render: Callable[..., bytes], paper: str) -> None:
    assert len(LONG_NAME) >= 120
    app = samples.adult_renewal()
    app = dataclasses.replace(app, applicant=dataclasses.replace(
        app.applicant, full_name=LONG_NAME, residence=LONG_ADDRESS))
    pdf = render(app, paper)
    sizes = page_sizes(pdf)
    words = pdf_words(pdf)
    margin = 3 * MM
    for text, x0, y0, x1, y1, page in words:
        w, h = sizes[page]
        assert margin <= x0 and x1 <= w - margin, (text, x0, x1, w)
        assert 0 <= y0 and y1 <= h, (text, y0, y1, h)
    flat = _flat(pdf_text(pdf))
    assert LONG_NAME.upper() in flat
    if render is not handover:
        assert _flat(LONG_ADDRESS)[:200] in flat


def test_long_name_stays_inside_its_box_on_the_slip(tmp_path: Path) -> None:
    app = samples.adult_renewal()
    app = dataclasses.replace(app, applicant=dataclasses.replace(app.applicant,
                                                                 full_name=LONG_NAME))
    pdf = cc02(app, "A5")
    words = pdf_words(pdf)
    # the value column of the framed table: right of the label column, left of the frame
    name_words = set(LONG_NAME.upper().split())
    xs = [(x0, x1) for text, x0, _y0, x1, _y1, _p in words if text in name_words]
    assert len(xs) >= len(name_words)
    w = page_sizes(pdf)[0][0]
    assert max(x1 for _x0, x1 in xs) <= w - 10 * MM  # right margin of the A5 slip
    # and at least three lines were used
    ys = {round(y0) for text, _x0, y0, _x1, _y1, _p in words if text in name_words}
    assert len(ys) >= 3


@pytest.mark.parametrize("paper", ["A4", "A5", "80mm"])
def test_qr_code_and_barcode_decode_to_the_application_number(paper: str,
                                                              tmp_path: Path) -> None:
    pdf = cc02(samples.adult_renewal(), paper)
    page = render_pages(pdf, 200, tmp_path)[0]
    assert decode_qr(page) == "TN-SC-01-20240816-0007"
    found = decode_barcodes(page)
    assert ("Code 128", "TN-SC-01-20240816-0007") in found, found


def test_invariant_output_is_byte_identical() -> None:
    app = samples.adult_renewal()
    for render in (cc01, cc02, receipt, handover):
        assert render(app) == render(app)
    assert register(samples.day_of_applications()) == register(samples.day_of_applications())
    # and without invariant the creation date makes them differ in general
    one, two = cc02(app, inv=False), cc02(app, inv=False)
    assert b"/CreationDate" in one and b"/CreationDate" in two


def test_unknown_paper_is_a_clear_error() -> None:
    with pytest.raises(DocumentError) as info:
        cc01(samples.adult_renewal(), "80mm")
    assert info.value.code == "printing.unknown_paper"
    assert "80mm" in info.value.text("vi") and "Khổ giấy" in info.value.text("vi")


def test_an_unreadable_photo_is_a_clear_error() -> None:
    app = dataclasses.replace(samples.adult_renewal(), face_photo=b"not a jpeg")
    with pytest.raises(DocumentError) as info:
        cc01(app)
    assert info.value.code == "printing.photo_unreadable"


def test_the_photo_is_printed_in_its_frame(tmp_path: Path) -> None:
    with_photo = render_pages(cc01(samples.adult_renewal()), 50, tmp_path, gray=False)[0]
    without = render_pages(cc01(dataclasses.replace(samples.adult_renewal(), face_photo=None)),
                           50, tmp_path, gray=False)[0]
    # the synthetic portrait has a dark blue jacket: only the sheet with the photo has it
    blue = ((with_photo[..., 2] > 90) & (with_photo[..., 0] < 70)).sum()
    assert blue > 100
    assert ((without[..., 2] > 90) & (without[..., 0] < 70)).sum() == 0


@pytest.mark.parametrize("payload", ["TN-SC-01-20240816-0007", "HELLO", "x" * 200])
def test_the_fast_qr_layout_is_reportlabs_layout_for_some_mask(payload: str) -> None:
    from reportlab.graphics.barcode import qrencoder

    from printing.layout import qr_matrix

    mine = qr_matrix(payload)
    layouts = []
    for mask in range(8):
        qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        qr.addData(payload)
        qr.version = qr.calculate_version()
        qr.makeImpl(False, mask)
        layouts.append([[bool(x) for x in row] for row in qr.modules])
    assert mine in layouts
