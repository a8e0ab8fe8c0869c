"""Names: NFC, folding for search, the legacy TCVN3/VNI/VISCII decoders, encoding detection."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workstation.rules.names import (
    clean_name,
    decode_bytes,
    decode_legacy,
    detect_encoding,
    detect_legacy_text,
    encode_legacy,
    fold,
    name_tokens,
    to_nfc,
)

LOWER = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
TONED = "áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
VIET_LOWER = LOWER + TONED
VIET_ALL = VIET_LOWER + VIET_LOWER.upper()
# TCVN3 holds no capital letter with a tone mark: only these seven capitals beyond ASCII.
TCVN3_CHARS = VIET_LOWER + "ABCDEGHIKLMNOPQRSTUVXYĂÂÊÔƠƯĐ"


def test_fold_lowers_strips_marks_and_maps_d_stroke() -> None:
    assert fold("  Nguyễn   VĂN  Đức ") == "nguyen van duc"
    assert fold("Lò Thị Mại") == "lo thi mai"
    assert fold("ĐẶNG") == "dang"


def test_fold_of_decomposed_text_equals_fold_of_composed_text() -> None:
    nfd = unicodedata.normalize("NFD", "Trần Thị Ngọc Ánh")
    assert nfd != "Trần Thị Ngọc Ánh"
    assert fold(nfd) == fold("Trần Thị Ngọc Ánh") == "tran thi ngoc anh"


def test_clean_name_is_nfc_single_spaced_and_keeps_case() -> None:
    raw = unicodedata.normalize("NFD", " NGUYỄN\u00a0 văn\u200b  an ")
    assert clean_name(raw) == "NGUYỄN văn an"
    assert unicodedata.is_normalized("NFC", clean_name(raw))
    assert to_nfc(unicodedata.normalize("NFD", "Đức")) == "Đức"


def test_name_tokens_split_on_punctuation() -> None:
    assert name_tokens("H'Hen Niê") == ["h", "hen", "nie"]
    assert name_tokens("Lò-Văn  Tủa") == ["lo", "van", "tua"]


@pytest.mark.parametrize(
    ("encoding", "mojibake", "text"),
    [
        # What these files look like when opened without the font: the classic forms.
        ("tcvn3", "NguyÔn V¨n §øc", "Nguyễn Văn Đức"),
        ("tcvn3", "TrÇn ThÞ Mai", "Trần Thị Mai"),
        ("tcvn3", "Hoµng ¦ng QuyÕt", "Hoàng Ưng Quyết"),
        ("vni", "Nguyeãn Vaên Ñöùc", "Nguyễn Văn Đức"),
        ("vni", "Traàn Thò Ngoïc AÙnh", "Trần Thị Ngọc Ánh"),
        ("vni", "NGUYEÃN VAÊN ÑÖÙC", "NGUYỄN VĂN ĐỨC"),
    ],
)
def test_legacy_decoders_on_known_strings(encoding: str, mojibake: str, text: str) -> None:
    assert decode_legacy(mojibake, encoding) == text
    assert decode_legacy(mojibake.encode("cp1252"), encoding) == text
    assert detect_legacy_text(mojibake) == encoding


def test_unicode_text_is_not_taken_for_legacy() -> None:
    assert detect_legacy_text("Nguyễn Văn Đức, Trần Thị Ánh") is None
    assert detect_legacy_text("plain ascii") is None


words = st.text(alphabet=VIET_ALL + " ", min_size=1, max_size=40)


@given(words)
def test_vni_round_trip(text: str) -> None:
    assert decode_legacy(encode_legacy(text, "vni"), "vni") == text


@given(words)
def test_viscii_round_trip(text: str) -> None:
    assert decode_legacy(encode_legacy(text, "viscii"), "viscii") == text


@given(st.text(alphabet=TCVN3_CHARS + " ", min_size=1, max_size=40))
def test_tcvn3_round_trip(text: str) -> None:
    assert decode_legacy(encode_legacy(text, "tcvn3"), "tcvn3") == text


@given(words)
def test_cp1258_round_trip(text: str) -> None:
    assert decode_bytes(encode_legacy(text, "cp1258"), "cp1258") == text


def test_tcvn3_refuses_capitals_with_tones() -> None:
    with pytest.raises(UnicodeEncodeError):
        encode_legacy("Ánh", "tcvn3")


@given(st.text(max_size=60))
def test_fold_is_idempotent_and_lower_case(text: str) -> None:
    once = fold(text)
    assert fold(once) == once
    assert "  " not in once
    assert once == once.strip()


@given(st.text(alphabet=VIET_ALL + " ", max_size=40))
def test_fold_of_vietnamese_is_plain_ascii(text: str) -> None:
    assert fold(text).isascii()
    assert fold(text) == fold(unicodedata.normalize("NFD", text))


SAMPLE = (
    "Số định danh cá nhân,Họ, chữ đệm và tên,Ngày sinh,Giới tính\n"
    "019090000001,Nguyễn Văn Đức,01/02/1990,Nam\n"
    "019190000002,Trần Thị Ngọc Mai,03/04/1990,Nữ\n"
    "019290000003,Lò Văn Tủa,05/06/2001,Nam\n"
    "019390000004,Hoàng Thị Ưng Quyết,07/08/2005,Nữ\n"
)


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("utf-8", SAMPLE.encode("utf-8")),
        ("utf-8-sig", SAMPLE.encode("utf-8-sig")),
        ("utf-16", SAMPLE.encode("utf-16")),
        ("utf-16-le", SAMPLE.encode("utf-16-le")),
        ("cp1258", encode_legacy(SAMPLE, "cp1258")),
        ("tcvn3", encode_legacy(SAMPLE.replace("Số", "số"), "tcvn3")),
        ("vni", encode_legacy(SAMPLE, "vni")),
    ],
)
def test_detect_encoding(encoding: str, data: bytes) -> None:
    assert detect_encoding(data) == encoding


def test_binary_is_not_text() -> None:
    with pytest.raises(ValueError):
        detect_encoding(bytes(range(256)) * 8)
