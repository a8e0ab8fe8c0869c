"""Every worked example of shared/domain/examples.md, as the workstation decides it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from workstation.checking import CheckContext, evaluate, parse_request
from workstation.rules.ages import age_group_on, age_on
from workstation.rules.applicant import RecordView
from workstation.rules.expiry import card_expiry
from workstation.rules.personal_id import parse_pid

TODAY = date(2026, 11, 28)


def run(request: dict[str, Any], **ctx: Any) -> dict[str, Any]:
    ctx.setdefault("records_empty", True)
    return evaluate(parse_request(request, today=TODAY), CheckContext(**ctx))


def codes(answer: dict[str, Any], severity: str | None = None) -> set[str]:
    return {f["code"] for f in answer["findings"] if severity in (None, f["severity"])}


def test_example_1_under_6_first_card() -> None:
    answer = run({
        "on": "2024-08-16", "kind": "first_issue", "channel": "online",
        "applicant": {"pid": "019319001234", "full_name": "Lò Thị Mai",
                      "date_of_birth": "2019-03-05", "sex": "female"},
        "representative": {"pid": "019088004321", "full_name": "Lò Văn Tủa",
                           "relationship": "father"},
    })
    assert answer["ok"] is True
    assert age_on(date(2019, 3, 5), date(2024, 8, 16)) == 5
    assert answer["age_group"] == "under_6"
    assert answer["collect"] == {"face": False, "fingerprints": False, "iris": False}
    assert answer["card_expiry"] == "2033-03-05"
    assert answer["fee_vnd"] == 0 and answer["fee_rule_code"] == "fee.rule.free_first_issue"
    assert answer["representative_required"] is True
    assert answer["applicant_present"] is False
    assert answer["signs"] == "representative"


def _example_2(rep: dict[str, Any] | None) -> dict[str, Any]:
    request: dict[str, Any] = {
        "on": "2024-10-01", "kind": "first_issue",
        "applicant": {"pid": "019212001234", "full_name": "Hà Văn Nam",
                      "date_of_birth": "2012-11-20", "sex": "male"},
    }
    if rep is not None:
        request["representative"] = rep
    return run(request)


def test_example_2_child_6_to_13_with_parent() -> None:
    answer = _example_2({"pid": "019085004321", "full_name": "Hà Văn Lâm",
                         "relationship": "father"})
    assert answer["ok"] is True
    assert answer["age"] == 11 and answer["age_group"] == "6_to_under_14"
    assert answer["collect"] == {"face": True, "fingerprints": True, "iris": True}
    assert answer["applicant_present"] is True and answer["signs"] == "representative"
    assert answer["card_expiry"] == "2026-11-20"
    assert answer["fee_vnd"] == 0


def test_example_2_rejected_without_representative() -> None:
    answer = _example_2(None)
    assert answer["ok"] is False
    assert "representative.missing" in codes(answer, "error")


def test_example_4_first_card_at_14_is_free_inside_the_reduction_window() -> None:
    answer = run({
        "on": "2025-07-01", "kind": "first_issue",
        "applicant": {"pid": "019211001234", "full_name": "Đặng Văn Hùng",
                      "date_of_birth": "2011-06-30", "sex": "male"},
    })
    assert answer["ok"] is True
    assert answer["age"] == 14 and answer["age_group"] == "14_and_over"
    assert answer["representative_required"] is False and answer["signs"] == "applicant"
    assert answer["card_expiry"] == "2036-06-30"
    assert answer["fee_vnd"] == 0


def test_example_7_voluntary_conversion_at_39() -> None:
    answer = run({
        "on": "2025-08-20", "kind": "renewal", "reason": "cccd_conversion",
        "applicant": {"pid": "019085001234", "full_name": "Nguyễn Văn Toàn",
                      "date_of_birth": "1985-10-10", "sex": "male",
                      "current_card": {"type": "cccd", "number": "019085001234",
                                       "issued_on": "2021-04-01", "expires_on": "2025-10-10"}},
    })
    # The CCCD issued at 35 ran to the 40th birthday; this one runs to the 60th.
    assert answer["age"] == 39
    assert answer["card_expiry"] == "2045-10-10"
    assert answer["reason"] == "cccd_conversion"
    assert answer["fee_vnd"] == 15000
    assert "Thông tư 64/2025/TT-BTC Điều 1" in answer["fee_rule"]


def test_example_9_lost_card_elderly() -> None:
    answer = run({
        "on": "2026-02-01", "kind": "reissue", "reason": "lost_or_damaged",
        "applicant": {"pid": "019060001234", "full_name": "Trần Thị Lan",
                      "date_of_birth": "1960-01-15", "sex": "male"},
    })
    assert answer["ok"] is True
    assert answer["age"] == 66
    assert answer["kind"] == "reissue" and answer["reason"] == "lost_or_damaged"
    assert answer["collect"] == {"face": False, "fingerprints": False, "iris": False}
    assert answer["reuse_last_biometrics"] is True
    assert answer["fee_vnd"] == 0 and answer["fee_rule_code"] == "fee.rule.exempt_elderly"
    assert answer["card_expiry"] is None


def test_example_12_agency_error_with_national_day() -> None:
    answer = run({
        "on": "2025-08-29", "kind": "renewal", "reason": "printed_error_by_agency",
        "applicant": {"pid": "019090001234", "full_name": "Phạm Quang Huy",
                      "date_of_birth": "1990-12-12", "sex": "male"},
    })
    assert answer["ok"] is True
    assert answer["fee_vnd"] == 0 and answer["fee_rule_code"] == "fee.rule.free_agency_error"
    assert answer["card_expiry"] == "2030-12-12"
    assert answer["return_by"] == "2025-09-11"


@pytest.mark.parametrize(
    ("pid", "sex", "dob", "valid", "province", "code"),
    [
        ("079305001234", "female", date(2005, 6, 15), True, "Hồ Chí Minh", None),
        ("001093047064", "male", 1993, True, "Hà Nội", None),
        ("063093047064", None, None, False, None, "pid.province_unknown"),
        ("001093047064", None, 2003, False, "Hà Nội", "pid.sex_century_mismatch"),
        ("019093047064", None, None, True, "Thái Nguyên", None),
    ],
)
def test_example_14_id_numbers(pid: str, sex: str | None, dob: date | int | None, valid: bool,
                               province: str | None, code: str | None) -> None:
    parsed = parse_pid(pid, sex=sex, date_of_birth=dob)
    assert parsed.valid is valid
    assert parsed.province == province
    assert [f.code for f in parsed.findings] == ([code] if code else [])


def test_example_14_century_mismatch_blocks_the_request() -> None:
    answer = run({
        "on": "2025-03-03", "kind": "first_issue",
        "applicant": {"pid": "001093047064", "full_name": "Vũ Minh Châu",
                      "date_of_birth": "2003-05-01", "sex": "male"},
    })
    assert answer["ok"] is False
    assert "pid.sex_century_mismatch" in codes(answer, "error")


def test_example_15_expiry_of_the_mrz_sample() -> None:
    dob = date(2005, 6, 15)
    assert age_on(dob, date(2024, 9, 2)) == 19
    assert age_group_on(dob, date(2024, 9, 2)) == "14_and_over"
    assert card_expiry(dob, date(2024, 9, 2)) == date(2030, 6, 15)


def test_cli_md_sample_request_against_a_record_with_a_diacritic_difference() -> None:
    record = RecordView(1, "019319001234", "Lò Thị Mại", date(2019, 3, 5), "female",
                        parents={"019088004321": "father"})
    rep = RecordView(2, "019088004321", "Lò Văn Tủa", date(1988, 1, 2), "male")
    answer = run({
        "on": "2024-08-16", "channel": "counter", "kind": "first_issue", "reason": None,
        "applicant": {"pid": "019319001234", "full_name": "Lò Thị Mai",
                      "date_of_birth": "2019-03-05", "sex": "female", "current_card": None},
        "representative": {"pid": "019088004321", "full_name": "Lò Văn Tủa",
                           "relationship": "father"},
        "exemptions": [],
    }, record=record, rep_record=rep, records_empty=False)
    assert answer["ok"] is True
    warnings = [f for f in answer["findings"] if f["code"] == "record.name_differs"]
    assert warnings[0]["severity"] == "warning"
    assert warnings[0]["message"] == "Họ tên khác với hồ sơ dân cư: Lò Thị Mai / Lò Thị Mại"
    # The law's 7 working days (Art 26), not the 7 calendar days of CLI.md's sample answer.
    assert answer["return_by"] == "2024-08-27"
