"""The quick paths of the slip against the slow originals: the QR encoder against reportlab's,
the one-page drawing against platypus's document template, the line wrapping against
reportlab's simpleSplit."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from reportlab.graphics.barcode import qrencoder
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer

from printing import layout, qr
from printing.fonts import register_fonts
from tests.printing.conftest import decode_barcodes, page_sizes, pdf_text

PAYLOADS = ["TN-SC-01-20240816-0007", "0123456789", "HELLO WORLD", "x" * 200,
            "Nguyễn Thị Hồng Nhung — Sông Công", "A"]


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("level", ["L", "M", "Q", "H"])
def test_codewords_are_reportlabs(payload: str, level: str) -> None:
    lvl = qr.LEVELS[level]
    code = qrencoder.QRCode(None, lvl)
    code.addData(payload)
    version = code.calculate_version()
    expected = qrencoder.QRCode.createData(version, lvl, code.dataList)
    segment = code.dataList[0]
    assert list(qr.codewords(segment, version, lvl)) == expected


@pytest.mark.parametrize("payload", PAYLOADS)
def test_modules_are_reportlabs_layout_for_the_chosen_mask(payload: str) -> None:
    mine = qr.qr_modules(payload, "H")
    layouts = []
    for mask in range(8):
        code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.H)
        code.addData(payload)
        code.version = code.calculate_version()
        code.makeImpl(False, mask)
        layouts.append(np.array(code.modules, dtype=bool))
    assert any(mine.shape == other.shape and (mine == other).all() for other in layouts)


@pytest.mark.parametrize("payload", ["TN-SC-01-20240816-0007", "Đ" * 90, "7" * 300])
def test_codes_decode_with_zxing(payload: str) -> None:
    modules = qr.qr_modules(payload)
    if len(payload) > 100:
        assert modules.shape[0] >= 45  # version 7 or more: version information is written
    image = np.full((modules.shape[0] + 8, modules.shape[1] + 8), 255, dtype=np.uint8)
    image[4:-4, 4:-4][modules] = 0
    image = np.kron(image, np.ones((6, 6), dtype=np.uint8))
    assert ("QR Code", payload) in decode_barcodes(image)


def test_rectangles_cover_exactly_the_dark_modules() -> None:
    modules = qr.qr_modules("TN-SC-01-20240816-0007")
    painted = np.zeros_like(modules, dtype=int)
    for row, col, width, height in layout._qr_rects(modules):
        painted[row:row + height, col:col + width] += 1
    assert (painted == modules.astype(int)).all()  # every dark module once, no light one
    assert len(layout._qr_rects(modules)) < modules.sum() / 2  # merged, not one per module


def test_wrapping_is_simplesplits() -> None:
    fonts = register_fonts()
    rng = random.Random(7)
    words = ["Nguyễn", "Thị", "HỒNG", "phường", "Thắng", "Lợi,", "", "\n", "W" * 40, "đ"]
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice([" ", "  ", "", "\n"])
                       for _ in range(rng.randint(0, 12)))
        font = rng.choice([fonts.serif.regular, fonts.serif.bold])
        size, width = rng.choice([8.5, 10.0, 13.0]), rng.uniform(5, 300)
        expected: list[str] = []
        for line in simpleSplit(text, font, size, width) or [""]:
            while stringWidth(line, font, size) > width and len(line) > 1:
                cut = len(line) - 1
                while cut > 1 and stringWidth(line[:cut], font, size) > width:
                    cut -= 1
                expected.append(line[:cut])
                line = line[cut:]
            expected.append(line)
        assert layout._split(text, font, size, width) == expected, (text, width)


def _story(count: int) -> Callable[[layout.Styles], list[Flowable]]:
    def build(st: layout.Styles) -> list[Flowable]:
        from printing.data import Field, Header

        header = Header(parent_agency="CÔNG AN TỈNH THÁI NGUYÊN",
                        agency="CÔNG AN THÀNH PHỐ SÔNG CÔNG", number_line="Số: 12/GH",
                        place_date="Sông Công, ngày 16 tháng 8 năm 2024")
        story: list[Flowable] = [layout.MottoHeader(header, st),
                                 layout.para("GIẤY HẸN", st.title), Spacer(1, 6)]
        for i in range(count):
            story.append(layout.FieldLine(Field(f"Dòng {i}", "Phường Thắng Lợi " * 3), st))
            story.append(layout.para(f"Ghi chú {i}: " + "chữ " * 30, st.small))
        return story
    return build


def test_one_page_drawing_gives_the_document_templates_bytes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    platypus = layout.render(_story(4), layout.A5, title="Thử", subject="x", invariant=True,
                             footer="Thử")

    def no_template(*args: object, **kw: object) -> None:
        raise AssertionError("the document template was used")

    monkeypatch.setattr(layout._Doc, "build", no_template)
    direct = layout.render(_story(4), layout.A5, title="Thử", subject="x", invariant=True,
                           footer="Thử", one_page=True)
    assert direct == platypus
    assert len(page_sizes(direct)) == 1 and "Ghi chú 3" in pdf_text(direct)


@pytest.mark.parametrize("paper", ["A4", "A5", "80mm"])
def test_the_slip_drawn_directly_is_the_slip_the_template_would_build(paper: str) -> None:
    from printing import cc02, data, samples

    doc = data.appointment_slip(samples.adult_renewal(), samples.ISSUER)
    direct = cc02.render_appointment_slip(doc, paper, invariant=True)
    template = layout.render(lambda st: cc02._story(doc, st), layout.BY_NAME[paper],
                             title=doc.title, subject=doc.application_number, invariant=True,
                             footer=f"Mẫu CC02 · Số hồ sơ {doc.application_number}")
    assert direct == template


def test_a_story_too_long_for_one_page_goes_to_the_document_template(tmp_path: Path) -> None:
    pdf = layout.render(_story(30), layout.A5, title="Thử", invariant=True,
                        footer="Thử", one_page=True)
    assert len(page_sizes(pdf)) >= 2
    text = pdf_text(pdf)
    assert "Trang 1/" in text and "Ghi chú 29" in text
