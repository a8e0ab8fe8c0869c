"""Parsing the values of a records file: IDs mangled by Excel, dates, sex, header aliases."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from workstation.records.columns import (
    BadValue,
    header_key,
    match_header,
    parse_card_number,
    parse_date_value,
    parse_pid_value,
    parse_sex_value,
)

TODAY = date(2026, 11, 1)


@pytest.mark.parametrize(
    ("raw", "pid"),
    [
        ("019206001234", "019206001234"),
        ("19206001234", "019206001234"),  # Excel dropped the leading zero
        (19206001234, "019206001234"),
        (19206001234.0, "019206001234"),
        ("19206001234.0", "019206001234"),
        (" 019 206 001 234 ", "019206001234"),
    ],
)
def test_pid_values(raw: object, pid: str) -> None:
    assert parse_pid_value(raw) == pid


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("1.9206E+11", "pid.scientific"),
        ("1,9206E+11", "pid.scientific"),
        ("0192060012", "pid.format"),
        ("01920600123X", "pid.format"),
        ("", "pid.empty"),
        (None, "pid.empty"),
    ],
)
def test_bad_pid_values(raw: object, code: str) -> None:
    with pytest.raises(BadValue) as info:
        parse_pid_value(raw)
    assert info.value.code == code


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("05/03/2019", (date(2019, 3, 5), "day")),
        ("5/3/2019", (date(2019, 3, 5), "day")),
        ("2019-03-05", (date(2019, 3, 5), "day")),
        ("2019-03-05 00:00:00", (date(2019, 3, 5), "day")),
        (datetime(2019, 3, 5), (date(2019, 3, 5), "day")),
        ("1950", (date(1950, 1, 1), "year")),
        (1950, (date(1950, 1, 1), "year")),
        (43529, (date(2019, 3, 5), "day")),  # an Excel serial number
        ("", None),
    ],
)
def test_dates_of_birth(raw: object, expected: object) -> None:
    assert parse_date_value(raw, "date_of_birth", today=TODAY, allow_year=True) == expected


@pytest.mark.parametrize("raw", ["31/02/2019", "2019/13/01", "05/03/2030", "hôm qua", "1700"])
def test_bad_dates_of_birth(raw: str) -> None:
    with pytest.raises(BadValue) as info:
        parse_date_value(raw, "date_of_birth", today=TODAY, allow_year=True)
    assert info.value.code == "dob.invalid"


@pytest.mark.parametrize(
    ("raw", "sex"),
    [("Nam", "male"), ("nữ", "female"), ("NỮ", "female"), ("Nu", "female"), ("male", "male"),
     ("F", "female"), ("M", "male")],
)
def test_sex(raw: str, sex: str) -> None:
    assert parse_sex_value(raw) == sex


def test_bad_sex() -> None:
    with pytest.raises(BadValue) as info:
        parse_sex_value("X")
    assert info.value.code == "sex.invalid"


def test_card_numbers() -> None:
    assert parse_card_number("90123456") == "090123456"
    assert parse_card_number("019206001234") == "019206001234"
    with pytest.raises(BadValue):
        parse_card_number("12345")


def test_headers_match_without_case_diacritics_or_punctuation() -> None:
    assert header_key("Họ, chữ đệm và tên") == "hochudemvaten"
    cells = ["STT", "SỐ ĐỊNH DANH CÁ NHÂN", "ho va ten", "Ngày  sinh", "Giới tính", "Full_Name"]
    found = match_header(cells)
    assert found == {1: "pid", 2: "full_name", 3: "date_of_birth", 4: "sex"}


def test_two_level_header_of_merged_cells() -> None:
    above = ["", "", "", "", "Cha", None, "Mẹ", None]
    cells = ["pid", "Họ tên", "Ngày sinh", "Giới tính", "Họ tên", "Số định danh", "Họ tên",
             "Số định danh"]
    found = match_header(cells, above)
    assert found[4] == "father_name" and found[5] == "father_pid"
    assert found[6] == "mother_name" and found[7] == "mother_pid"


def _format0(parts: tuple[str | None, ...]) -> bytes:
    """marshal format 0 of a tuple of str/None, written out by hand from its definition."""
    out = b"(" + len(parts).to_bytes(4, "little")
    for part in parts:
        if part is None:
            out += b"N"
        else:
            data = part.encode("utf-8")
            out += b"u" + len(data).to_bytes(4, "little") + data
    return out


def test_row_hash_is_pinned() -> None:
    """The stored row hash must not change with the Python version (a re-import would see
    every resident as changed): it is blake2b-128 of the values in marshal format 0."""
    import hashlib

    from workstation.records.columns import Record

    record = Record(pid="019090001234", full_name="Nguyễn Văn An", date_of_birth=date(1990, 1, 1),
                    dob_precision="year", sex="male", ethnicity="Kinh",
                    residence="Tổ dân phố 9, Phường Bách Quang", unit_code="05722",
                    household_id="0572200001", card_type="cccd", card_number="019090001234",
                    card_issued_on=date(2021, 5, 6), phone="0879317233")
    parts = ("019090001234", "Nguyễn Văn An", "1990", "male", "Kinh", None, None, None,
             "Tổ dân phố 9, Phường Bách Quang", "05722", None, None, "0572200001", None,
             None, None, None, None, None, None, "cccd", "019090001234", "2021-05-06", None,
             "0879317233")
    assert record.row_hash == hashlib.blake2b(_format0(parts), digest_size=16).hexdigest()
    # Values in other fields, or split differently, hash differently.
    moved = Record(pid="019090001234", full_name="Nguyễn Văn An", date_of_birth=date(1990, 1, 1),
                   dob_precision="year", sex="male", religion="Kinh",
                   residence="Tổ dân phố 9, Phường Bách Quang", unit_code="05722",
                   household_id="0572200001", card_type="cccd", card_number="019090001234",
                   card_issued_on=date(2021, 5, 6), phone="0879317233")
    assert moved.row_hash != record.row_hash
