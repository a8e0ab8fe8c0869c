"""Kind and reason resolution (Law Art 19, 21, 24), with its exceptions."""

from __future__ import annotations

from datetime import date

import pytest

from workstation.rules.kinds import CurrentCard, card_valid_on, milestone_due, resolve_kind

DOB = date(2001, 9, 10)  # 25 on 10/9/2026


def can_cuoc(issued: date, expires: date | None) -> CurrentCard:
    return CurrentCard("can_cuoc", "019201000001", issued, expires, expiry_known=True)


def cccd(issued: date, expires: date | None) -> CurrentCard:
    return CurrentCard("cccd", "019201000001", issued, expires, expiry_known=True)


CARD_TO_25 = can_cuoc(date(2024, 8, 1), date(2026, 9, 10))


@pytest.mark.parametrize(
    ("on", "kind", "reason"),
    [
        (date(2026, 9, 9), "renewal", "age_milestone"),  # lost in the milestone year, before
        (date(2026, 9, 10), "renewal", "age_milestone"),
        (date(2026, 12, 31), "renewal", "age_milestone"),
        (date(2025, 12, 31), "reissue", "lost_or_damaged"),  # the year before
        (date(2027, 1, 2), "renewal", "age_milestone"),  # expired card: overdue renewal
    ],
)
def test_lost_card_in_the_milestone_year_is_a_renewal_for_age(on: date, kind: str,
                                                              reason: str) -> None:
    r = resolve_kind("reissue", "lost_or_damaged", dob=DOB, on=on, card=CARD_TO_25)
    assert (r.kind, r.reason) == (kind, reason)
    if kind == "renewal":
        assert [f.code for f in r.findings] == ["kind.resolved"]


def test_lost_card_extended_by_the_two_year_rule_stays_a_reissue() -> None:
    card = can_cuoc(date(2025, 1, 5), date(2041, 9, 10))  # issued at 23: runs to 40
    r = resolve_kind("reissue", "lost_or_damaged", dob=DOB, on=date(2026, 9, 20), card=card)
    assert (r.kind, r.reason) == ("reissue", "lost_or_damaged")


def test_lost_card_without_card_data_uses_the_age() -> None:
    r = resolve_kind("reissue", "lost_or_damaged", dob=DOB, on=date(2026, 3, 1), card=None)
    assert (r.kind, r.reason) == ("renewal", "age_milestone")
    r = resolve_kind("reissue", "lost_or_damaged", dob=DOB, on=date(2027, 3, 1), card=None)
    assert (r.kind, r.reason) == ("reissue", "lost_or_damaged")


def test_first_issue_for_someone_with_a_valid_card_is_an_error() -> None:
    r = resolve_kind("first_issue", None, dob=DOB, on=date(2025, 1, 1), card=CARD_TO_25)
    assert [(f.severity, f.code) for f in r.findings] == [("error", "kind.already_has_card")]


def test_first_issue_with_an_expired_card_is_a_renewal_for_age() -> None:
    r = resolve_kind("first_issue", None, dob=DOB, on=date(2026, 10, 1),
                     card=cccd(date(2016, 1, 1), date(2026, 9, 10)))
    assert (r.kind, r.reason, r.conversion) == ("renewal", "age_milestone", True)


def test_cmnd_holder_gets_a_first_issuance() -> None:
    card = CurrentCard("cmnd", "123456789")
    r = resolve_kind("renewal", "holder_request", dob=DOB, on=date(2025, 3, 1), card=card)
    assert (r.kind, r.reason) == ("first_issue", None)
    r = resolve_kind("first_issue", None, dob=DOB, on=date(2025, 3, 1), card=card)
    assert (r.kind, r.findings) == ("first_issue", ())
    assert card_valid_on(card, date(2025, 1, 1), DOB) is False


@pytest.mark.parametrize("kind", ["renewal", "reissue"])
def test_reason_missing(kind: str) -> None:
    r = resolve_kind(kind, None, dob=DOB, on=date(2025, 3, 1), card=None)
    assert [(f.severity, f.code) for f in r.findings] == [("error", "kind.reason_missing")]


def test_reason_of_the_other_kind_moves_the_kind() -> None:
    r = resolve_kind("renewal", "nationality_regained", dob=DOB, on=date(2025, 3, 1), card=None)
    assert (r.kind, r.reason) == ("reissue", "nationality_regained")
    r = resolve_kind("reissue", "name_or_dob_changed", dob=DOB, on=date(2025, 3, 1), card=None)
    assert (r.kind, r.reason) == ("renewal", "name_or_dob_changed")


def test_conversion_before_the_milestone_is_voluntary_and_after_is_for_age() -> None:
    card = cccd(date(2016, 1, 1), date(2026, 9, 10))
    before = resolve_kind("renewal", "cccd_conversion", dob=DOB, on=date(2026, 9, 9), card=card)
    assert (before.reason, before.conversion) == ("cccd_conversion", True)
    on_day = resolve_kind("renewal", "cccd_conversion", dob=DOB, on=date(2026, 9, 10),
                          card=card)
    assert (on_day.reason, on_day.conversion) == ("age_milestone", True)


def test_age_milestone_claimed_too_early_is_the_holders_request() -> None:
    r = resolve_kind("renewal", "age_milestone", dob=DOB, on=date(2026, 3, 1), card=CARD_TO_25)
    assert r.reason == "holder_request"
    r = resolve_kind("renewal", "age_milestone", dob=DOB, on=date(2028, 3, 1), card=None)
    assert r.reason == "age_milestone"
    assert [f.code for f in r.findings] == ["kind.milestone_unverified"]


def test_milestone_due_from_the_issue_date_when_the_expiry_is_not_given() -> None:
    card = CurrentCard("can_cuoc", None, issued_on=date(2015, 1, 1))  # issued at 13: to 25
    assert milestone_due(DOB, date(2026, 9, 10), card) == (True, "card")
    assert milestone_due(DOB, date(2026, 9, 9), card) == (False, "card")
    never = CurrentCard("can_cuoc", None, date(2060, 1, 1), None, expiry_known=True)
    assert milestone_due(DOB, date(2070, 1, 1), never) == (False, "card")
