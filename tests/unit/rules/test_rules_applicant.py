"""The applicant and representative against the records (pure: record views, no database)."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from workstation.rules.applicant import (
    Person,
    RecordView,
    Representative,
    check_against_record,
    check_open_applications,
    check_representative,
    compare_names,
)

RECORD = RecordView(7, "019215000111", "Nguyễn Văn An", date(2015, 4, 2), "male",
                    parents={"019085000222": "father", "019187000333": "mother"})
FATHER = RecordView(8, "019085000222", "Nguyễn Văn Bình", date(1985, 1, 20), "male")
ON = date(2025, 10, 1)


@pytest.mark.parametrize(
    ("declared", "match"),
    [
        ("Nguyễn Văn An", "same"),
        ("  Nguyễn   Văn An ", "same"),
        (unicodedata.normalize("NFD", "Nguyễn Văn An"), "same"),
        ("NGUYỄN VĂN AN", "case"),
        ("nguyễn văn an", "case"),
        ("NGUYEN VAN AN", "diacritics"),
        ("Nguyen Van An", "diacritics"),
        ("Nguyễn Văn Ân", "diacritics"),
        ("Nguyễn Văn Anh", "different"),
        ("Trần Thị Bé", "different"),
    ],
)
def test_name_comparison(declared: str, match: str) -> None:
    assert compare_names(declared, "Nguyễn Văn An") == match


def _person(**kw: object) -> Person:
    base: dict[str, object] = {"pid": RECORD.pid, "full_name": "Nguyễn Văn An",
                               "date_of_birth": date(2015, 4, 2), "sex": "male"}
    base.update(kw)
    return Person(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, []),
        ({"full_name": "NGUYEN VAN AN"}, [("warning", "record.name_differs")]),
        ({"full_name": "nguyễn văn an"}, [("info", "record.name_differs")]),
        ({"full_name": "Lê Văn An"}, [("error", "record.name_differs")]),
        ({"date_of_birth": date(2015, 4, 3)}, [("error", "record.dob_differs")]),
        ({"sex": "female"}, [("error", "record.sex_differs")]),
    ],
)
def test_against_the_record(changes: dict[str, object],
                            expected: list[tuple[str, str]]) -> None:
    found = check_against_record(_person(**changes), RECORD, records_empty=False)
    assert [(f.severity, f.code) for f in found] == expected


def test_name_warning_text() -> None:
    (f,) = check_against_record(_person(full_name="NGUYEN VAN AN"), RECORD,
                                records_empty=False, lang="en")
    assert f.message == ("The name differs from the population records: NGUYEN VAN AN / "
                         "Nguyễn Văn An")
    assert f.field == "applicant.full_name"


def test_year_only_record() -> None:
    rec = RecordView(9, "019215000111", "Nguyễn Văn An", date(2015, 1, 1), "male",
                     dob_precision="year")
    found = check_against_record(_person(), rec, records_empty=False)
    assert [(f.severity, f.code) for f in found] == [("info", "record.dob_year_only")]
    found = check_against_record(_person(date_of_birth=date(2014, 4, 2)), rec,
                                 records_empty=False)
    assert [f.code for f in found] == ["record.dob_differs"]


def test_not_found_is_an_error_unless_the_records_are_empty() -> None:
    (f,) = check_against_record(_person(), None, records_empty=False)
    assert (f.severity, f.code) == ("error", "record.not_found")
    (f,) = check_against_record(_person(), None, records_empty=True)
    assert (f.severity, f.code) == ("warning", "record.not_found")


def rep_findings(rep: Representative | None, *, age: int = 10,
                 rep_record: RecordView | None = None) -> list[tuple[str, str]]:
    found = check_representative(rep, applicant_pid=RECORD.pid, age=age, on=ON,
                                 rep_record=rep_record, child_record=RECORD)
    return [(f.severity, f.code) for f in found]


def test_representative_linked_adult_is_fine() -> None:
    assert rep_findings(Representative("019085000222", "Nguyễn Văn Bình", "father"),
                        rep_record=FATHER) == []


def test_representative_missing_under_14_only() -> None:
    assert rep_findings(None, age=13) == [("error", "representative.missing")]
    assert rep_findings(None, age=14) == []


def test_representative_not_linked_is_a_warning() -> None:
    other = RecordView(10, "019080000444", "Lê Văn Cường", date(1980, 3, 3), "male")
    assert rep_findings(Representative("019080000444"), rep_record=other) == [
        ("warning", "representative.not_linked")]


def test_representative_under_18() -> None:
    minor = RecordView(11, "019208000555", "Nguyễn Văn Cả", date(2008, 11, 1), "male")
    assert ("error", "representative.not_adult") in rep_findings(
        Representative("019208000555"), rep_record=minor)
    # Not in the records: the birth year in the ID number tells.
    assert ("error", "representative.not_adult") in rep_findings(
        Representative("019210000666"))
    assert ("warning", "representative.not_adult") in rep_findings(
        Representative("019207000666"))  # 17 or 18 in 2025: confirm
    assert ("error", "representative.not_adult") not in rep_findings(
        Representative("019206000666"))


def test_representative_cannot_be_the_child() -> None:
    assert rep_findings(Representative(RECORD.pid)) == [("error", "representative.is_applicant")]


def test_relationship_differs_is_information() -> None:
    assert rep_findings(Representative("019085000222", relationship="mother"),
                        rep_record=FATHER) == [("info", "representative.relationship_differs")]


def test_open_application() -> None:
    (f,) = check_open_applications(["TN-SC-01-20251001-0003"], "en")
    assert (f.severity, f.code) == ("error", "application.open_exists")
    assert "TN-SC-01-20251001-0003" in f.message
    assert check_open_applications([]) == []
