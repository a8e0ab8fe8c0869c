"""The 12-digit personal ID number."""

from __future__ import annotations

from datetime import date

import pytest

from workstation.rules.personal_id import century_digit, parse_pid, provinces


def test_province_table_has_the_63_codes() -> None:
    table = provinces()
    assert len(table) == 63
    assert table["001"] == "Hà Nội" and table["096"] == "Cà Mau"
    assert "063" not in table


def test_cli_md_sample() -> None:
    parsed = parse_pid("019206001234")
    assert parsed.as_dict() == {
        "pid": "019206001234", "valid": True, "province_code": "019",
        "province": "Thái Nguyên", "sex": "male", "century": 21, "birth_year_last2": "06",
        "findings": [],
    }
    assert parsed.birth_years == range(2006, 2007)


@pytest.mark.parametrize("text", ["079 305 001 234", "079.305.001.234", " 079305001234 ",
                                  "079-305-001234", "０７９３０５００１２３４"])
def test_spaces_dots_and_full_width_digits_are_normalised_and_said(text: str) -> None:
    parsed = parse_pid(text, sex="female", date_of_birth=date(2005, 6, 15))
    assert parsed.pid == "079305001234"
    assert parsed.valid and parsed.normalised
    assert [(f.severity, f.code) for f in parsed.findings] == [("info", "pid.normalised")]


@pytest.mark.parametrize("text", ["", "07930500123", "0793050012345", "07930500123A",
                                  "abc", "079305001234\x00", "٠٧٩٣٠٥٠٠١٢٣٤x"])
def test_format(text: str) -> None:
    parsed = parse_pid(text)
    assert parsed.pid is None and not parsed.valid
    assert [f.code for f in parsed.findings] == ["pid.format"]
    assert parsed.findings[0].severity == "error"


def test_unknown_province_is_a_warning_and_configurable() -> None:
    parsed = parse_pid("063093047064")
    assert not parsed.valid
    assert [(f.severity, f.code) for f in parsed.findings] == [
        ("warning", "pid.province_unknown")]
    assert parse_pid("063093047064", extra_prefixes=["063"]).valid


@pytest.mark.parametrize(
    ("pid", "sex", "dob", "code"),
    [
        ("001093047064", "female", None, "pid.sex_century_mismatch"),
        ("001193047064", "male", None, "pid.sex_century_mismatch"),
        ("001093047064", "male", date(2093, 1, 1), "pid.sex_century_mismatch"),
        ("001293047064", "male", date(1993, 1, 1), "pid.sex_century_mismatch"),
        ("001094047064", "male", date(1993, 1, 1), "pid.birth_year_mismatch"),
        ("001094047064", None, 1993, "pid.birth_year_mismatch"),
    ],
)
def test_mismatches(pid: str, sex: str | None, dob: date | int | None, code: str) -> None:
    parsed = parse_pid(pid, sex=sex, date_of_birth=dob)
    assert [f.code for f in parsed.findings] == [code]
    assert parsed.findings[0].severity == "error" and not parsed.valid


@pytest.mark.parametrize(("sex", "year", "digit"),
                         [("male", 1999, 0), ("female", 1900, 1), ("male", 2000, 2),
                          ("female", 2099, 3), ("male", 2100, 4), ("female", 2399, 9)])
def test_century_digit(sex: str, year: int, digit: int) -> None:
    assert century_digit(sex, year) == digit
    parsed = parse_pid(f"001{digit}{year % 100:02d}000001", sex=sex, date_of_birth=year)
    assert parsed.valid and parsed.sex == sex


def test_english_messages() -> None:
    parsed = parse_pid("12", lang="en")
    assert parsed.findings[0].message == "The personal ID number must have exactly 12 digits: 12"
