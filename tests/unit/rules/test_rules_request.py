"""Bad input to `check`: findings, never an exception (the pure part, no database)."""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workstation.checking import CheckContext, evaluate, parse_date, parse_request

TODAY = date(2025, 10, 1)
GOOD: dict[str, Any] = {
    "on": "2025-10-01", "kind": "first_issue",
    "applicant": {"pid": "019307001234", "full_name": "Nguyễn Thị Hoa",
                  "date_of_birth": "2007-03-08", "sex": "female"},
}


def answer(request: Any) -> dict[str, Any]:
    return evaluate(parse_request(request, today=TODAY), CheckContext(records_empty=True))


def with_applicant(**changes: Any) -> dict[str, Any]:
    req = dict(GOOD)
    req["applicant"] = {**GOOD["applicant"], **changes}
    return req


def codes(a: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [(f["severity"], f["field"], f["code"]) for f in a["findings"]]


def test_the_good_request_is_ok() -> None:
    a = answer(GOOD)
    assert a["ok"] is True
    assert codes(a) == [("warning", "applicant.pid", "record.not_found")]


@pytest.mark.parametrize("missing", ["pid", "full_name", "date_of_birth", "sex"])
def test_missing_applicant_fields(missing: str) -> None:
    req = with_applicant()
    del req["applicant"][missing]
    a = answer(req)
    assert a["ok"] is False
    assert ("error", f"applicant.{missing}", "request.missing_field") in codes(a)


def test_missing_kind_and_applicant() -> None:
    a = answer({"on": "2025-10-01"})
    assert ("error", "kind", "request.missing_field") in codes(a)
    assert ("error", "applicant", "request.missing_field") in codes(a)


@pytest.mark.parametrize(
    ("request_", "field", "code"),
    [
        ([1, 2, 3], "", "request.not_object"),
        ("text", "", "request.not_object"),
        (None, "", "request.not_object"),
        ({**GOOD, "applicant": "Nguyễn"}, "applicant", "request.wrong_type"),
        ({**GOOD, "applicant": None}, "applicant", "request.missing_field"),
        ({**GOOD, "applicant": {}}, "applicant.pid", "request.missing_field"),
        ({**GOOD, "kind": 3}, "kind", "request.wrong_type"),
        ({**GOOD, "kind": "new_card"}, "kind", "request.invalid_value"),
        ({**GOOD, "reason": "because"}, "reason", "request.invalid_value"),
        ({**GOOD, "channel": "post"}, "channel", "request.invalid_value"),
        ({**GOOD, "on": "2025-13-01"}, "on", "request.invalid_date"),
        ({**GOOD, "on": "2024-06-30"}, "on", "request.before_law"),
        ({**GOOD, "exemptions": "poor_household"}, "exemptions", "request.wrong_type"),
        ({**GOOD, "exemptions": ["rich"]}, "exemptions[0]", "request.invalid_value"),
        (with_applicant(pid=19207001234), "applicant.pid", "request.wrong_type"),
        (with_applicant(pid="01920700123"), "applicant.pid", "pid.format"),
        (with_applicant(date_of_birth="30/02/2020"), "applicant.date_of_birth", "dob.invalid"),
        (with_applicant(date_of_birth="2026-01-01"), "applicant.date_of_birth", "dob.invalid"),
        (with_applicant(date_of_birth="1899-12-31"), "applicant.date_of_birth", "dob.invalid"),
        (with_applicant(date_of_birth=20070308), "applicant.date_of_birth",
         "request.wrong_type"),
        (with_applicant(full_name=""), "applicant.full_name", "name.empty"),
        (with_applicant(full_name="   "), "applicant.full_name", "name.empty"),
        (with_applicant(full_name="A" * 10_000), "applicant.full_name", "name.too_long"),
        (with_applicant(full_name="Nguyễn Thị H0a"), "applicant.full_name",
         "name.invalid_chars"),
        (with_applicant(full_name="Nguyễn\tThị\x00Hoa"), "applicant.full_name",
         "name.invalid_chars"),
        (with_applicant(sex="other"), "applicant.sex", "request.invalid_value"),
        (with_applicant(current_card={"type": "passport"}), "applicant.current_card.type",
         "request.invalid_value"),
        (with_applicant(current_card=[]), "applicant.current_card", "request.wrong_type"),
        ({**GOOD, "representative": {"full_name": "Nguyễn Văn Bình"}}, "representative.pid",
         "request.missing_field"),
    ],
)
def test_bad_input_gives_an_error_finding(request_: Any, field: str, code: str) -> None:
    a = answer(request_)
    assert a["ok"] is False
    assert ("error", field, code) in codes(a)


def test_nfd_name_is_normalised_and_said() -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Hoa")
    p = parse_request(with_applicant(full_name=nfd), today=TODAY)
    assert p.applicant.full_name == "Nguyễn Thị Hoa"
    assert unicodedata.is_normalized("NFC", p.applicant.full_name)
    a = answer(with_applicant(full_name=nfd))
    assert a["ok"] is True
    assert ("info", "applicant.full_name", "input.normalised") in codes(a)


def test_pid_with_spaces_and_dots_is_normalised_and_said() -> None:
    a = answer(with_applicant(pid="019.307.001.234"))
    assert a["ok"] is True
    assert ("info", "applicant.pid", "pid.normalised") in codes(a)


@pytest.mark.parametrize(("text", "expected"),
                         [("2020-02-29", date(2020, 2, 29)), ("29/02/2020", date(2020, 2, 29)),
                          ("1/3/2020", date(2020, 3, 1)), ("30/02/2020", None),
                          ("2019-02-29", None), ("yesterday", None), ("", None)])
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_vietnamese_sex_words() -> None:
    assert parse_request(with_applicant(sex="Nữ"), today=TODAY).applicant.sex == "female"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                max_size=4),
    max_leaves=12,
)
fields = st.fixed_dictionaries({}, optional={
    "on": json_values | st.dates().map(str), "kind": json_values | st.sampled_from(
        ["first_issue", "renewal", "reissue"]), "reason": json_values,
    "channel": json_values, "exemptions": json_values,
    "applicant": json_values | st.fixed_dictionaries({}, optional={
        "pid": json_values, "full_name": json_values, "date_of_birth": json_values,
        "sex": json_values, "current_card": json_values}),
    "representative": json_values,
})


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(request=fields | json_values)
def test_any_json_gives_an_answer_never_an_exception(request: Any) -> None:
    a = answer(request)
    assert isinstance(a["ok"], bool)
    assert a["ok"] is not any(f["severity"] == "error" for f in a["findings"])


def test_card_expiry_null_is_read_from_the_issue_date() -> None:
    # Issued at 60: no expiry, still valid -> not a first issuance.
    old = {"on": "2025-10-01", "kind": "first_issue",
           "applicant": {"pid": "019060001234", "full_name": "Trần Văn Lâm",
                         "date_of_birth": "1960-01-15", "sex": "male",
                         "current_card": {"type": "cccd", "number": "019060001234",
                                          "issued_on": "2020-03-01", "expires_on": None}}}
    assert ("error", "kind", "kind.already_has_card") in codes(answer(old))
    # Issued at 16 (runs to 25), expiry left blank: expired -> the renewal for age.
    young = {"on": "2025-10-01", "kind": "first_issue",
             "applicant": {"pid": "019099001234", "full_name": "Trần Văn Lâm",
                           "date_of_birth": "1999-01-15", "sex": "male",
                           "current_card": {"type": "cccd", "number": "019099001234",
                                            "issued_on": "2015-03-01", "expires_on": None}}}
    a = answer(young)
    assert (a["kind"], a["reason"], a["fee_vnd"]) == ("renewal", "age_milestone", 0)
