"""The reception form: NFC, lengths, formats and impossible dates give findings, never crashes."""

from __future__ import annotations

import unicodedata
from datetime import date

from workstation.enrollment import forms

TODAY = date(2026, 11, 27)
GOOD = {"pid": "019085001234", "full_name": "Lò Văn Tủa", "date_of_birth": "02/04/1985",
        "sex": "male", "kind": "first_issue"}


def codes(fields: dict[str, object]) -> set[tuple[str, str]]:
    return {(f.field, f.code) for f in forms.parse(fields, TODAY, "en").findings}


def test_a_complete_form_has_no_findings() -> None:
    parsed = forms.parse(GOOD, TODAY)
    assert parsed.ok and parsed.findings == ()
    assert parsed.values["date_of_birth"] == date(1985, 4, 2)


def test_empty_form_names_every_required_field() -> None:
    found = codes({})
    for field in ("pid", "full_name", "date_of_birth", "sex", "kind"):
        assert (field, "enrollment.form.required") in found


def test_31_february_is_not_a_date_and_the_text_is_kept() -> None:
    fields = {**GOOD, "date_of_birth": "31/02/2019"}
    parsed = forms.parse(fields, TODAY, "vi")
    (finding,) = parsed.findings
    assert finding.code == "enrollment.form.date_invalid"
    assert "31/02/2019" in finding.message and "ngày" in finding.message
    assert forms.normalise(fields)["date_of_birth"] == "31/02/2019"


def test_pasted_nfd_text_is_stored_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "  Lò   Thị Mại ")
    assert nfd != unicodedata.normalize("NFC", nfd)
    stored = forms.normalise({"full_name": nfd})["full_name"]
    assert stored == "Lò Thị Mại" and unicodedata.is_normalized("NFC", stored)


def test_too_long_and_wrong_formats() -> None:
    found = codes({**GOOD, "full_name": "A" * 101, "pid": "01908500123X", "phone": "12345",
                   "email": "no-at-sign", "current_card_type": "cccd",
                   "current_card_number": "12"})
    assert ("full_name", "enrollment.form.too_long") in found
    assert ("pid", "enrollment.form.pid_format") in found
    assert ("phone", "enrollment.form.phone_format") in found
    assert ("email", "enrollment.form.email_format") in found
    assert ("current_card_number", "enrollment.form.card_number_format") in found


def test_future_birth_date_and_level2_without_phone_and_post_without_address() -> None:
    found = codes({**GOOD, "date_of_birth": "01/01/2030", "eid_level2": True, "pickup": "post"})
    assert ("date_of_birth", "enrollment.form.date_future") in found
    assert ("phone", "enrollment.form.phone_for_eid") in found
    assert ("postal_address", "enrollment.form.required") in found


def test_check_request_matches_the_cli_contract() -> None:
    req = forms.check_request({**GOOD, "current_card_type": "cccd",
                               "current_card_number": "019085001234",
                               "current_card_issued_on": "01/05/2021",
                               "representative_pid": "019188004321",
                               "exemptions": ["poor_household", "bogus"]}, TODAY)
    assert req["on"] == "2026-11-27"
    assert req["applicant"]["date_of_birth"] == "1985-04-02"
    assert req["applicant"]["current_card"] == {"type": "cccd", "number": "019085001234",
                                                "issued_on": "2021-05-01", "expires_on": None}
    assert req["representative"]["pid"] == "019188004321"
    assert req["exemptions"] == ["poor_household"]


def test_old_cccd_qr_code_as_a_scanner_types_it() -> None:
    qr = forms.parse_cccd_qr("019086003333|123456789|Nguyễn Văn Bình|10101986|Nam|"
                             "Tổ dân phố 5, phường Thắng Lợi|15012025")
    assert qr is not None and qr["pid"] == "019086003333"
    assert qr["form"]["date_of_birth"] == "10/10/1986" and qr["form"]["sex"] == "male"
    assert qr["form"]["current_card_issued_on"] == "15/01/2025"
    assert qr["form"]["reason"] == "cccd_conversion"
    assert forms.parse_cccd_qr("Nguyễn Văn Bình") is None
    assert forms.parse_cccd_qr("12345|x|y|z|a|b|c") is None
