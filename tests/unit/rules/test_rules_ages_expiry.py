"""Ages, age groups, presence and collection; card expiry and renewal status — at every edge."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workstation.rules.ages import (
    AGE_GROUPS,
    MILESTONES,
    age_group_on,
    age_on,
    birthday_in,
    collect_for,
    must_apply,
    presence_for,
)
from workstation.rules.expiry import card_expiry, first_card_status, renewal_status

D = timedelta(days=1)
DOB = date(2010, 5, 17)


@pytest.mark.parametrize(
    ("day", "age", "group"),
    [
        (date(2016, 5, 16), 5, "under_6"),
        (date(2016, 5, 17), 6, "6_to_under_14"),
        (date(2016, 5, 18), 6, "6_to_under_14"),
        (date(2024, 5, 16), 13, "6_to_under_14"),
        (date(2024, 5, 17), 14, "14_and_over"),
        (date(2024, 5, 18), 14, "14_and_over"),
    ],
)
def test_day_before_of_and_after_the_6th_and_14th_birthdays(day: date, age: int,
                                                             group: str) -> None:
    assert age_on(DOB, day) == age
    assert age_group_on(DOB, day) == group
    assert must_apply(DOB, day) is (age >= 14)


def test_age_on_the_day_of_birth_and_before() -> None:
    assert age_on(DOB, DOB) == 0
    with pytest.raises(ValueError):
        age_on(DOB, DOB - D)


@pytest.mark.parametrize(
    ("leap", "day", "age"),
    [
        ("feb28", date(2018, 2, 27), 5),
        ("feb28", date(2018, 2, 28), 6),  # common year: 28 February
        ("mar1", date(2018, 2, 28), 5),
        ("mar1", date(2018, 3, 1), 6),
        ("feb28", date(2020, 2, 28), 7),  # leap year: the real birthday
        ("feb28", date(2020, 2, 29), 8),
    ],
)
def test_29_february_birthdays(leap: str, day: date, age: int) -> None:
    dob = date(2012, 2, 29)
    assert age_on(dob, day, leap) == age


def test_29_february_expiry_lands_on_28_february_in_a_common_year() -> None:
    dob = date(2012, 2, 29)
    assert card_expiry(dob, date(2020, 3, 1)) == date(2026, 2, 28)
    assert card_expiry(dob, date(2020, 3, 1), "mar1") == date(2026, 3, 1)
    assert card_expiry(dob, date(2040, 1, 1)) == date(2052, 2, 29)  # 2052 is a leap year


def test_presence_and_signature_by_group() -> None:
    assert presence_for("under_6").applicant_present is False
    assert presence_for("under_6").representative_required is True
    assert presence_for("6_to_under_14").applicant_present is True
    assert presence_for("6_to_under_14").signs == "representative"
    assert presence_for("14_and_over").signs == "applicant"
    assert presence_for("14_and_over").representative_required is False


@pytest.mark.parametrize(
    ("group", "kind", "reason", "card", "expected", "reuse"),
    [
        ("under_6", "first_issue", None, None, (False, False, False), False),
        ("under_6", "reissue", "lost_or_damaged", "can_cuoc", (False, False, False), False),
        ("6_to_under_14", "first_issue", None, None, (True, True, True), False),
        ("14_and_over", "renewal", "age_milestone", "can_cuoc", (True, True, True), False),
        ("14_and_over", "reissue", "lost_or_damaged", "can_cuoc", (False, False, False), True),
        ("14_and_over", "reissue", "lost_or_damaged", "cccd", (True, True, True), False),
        ("14_and_over", "reissue", "nationality_regained", None, (True, True, True), False),
    ],
)
def test_what_to_collect(group: str, kind: str, reason: str | None, card: str | None,
                         expected: tuple[bool, bool, bool], reuse: bool) -> None:
    c = collect_for(group, kind, reason, card)  # type: ignore[arg-type]
    assert (c.face, c.fingerprints, c.iris) == expected
    assert c.reuse_last_biometrics is reuse


DOB2 = date(1990, 8, 10)


@pytest.mark.parametrize(
    ("issued", "expected"),
    [
        (date(2002, 8, 9), date(2004, 8, 10)),  # 11: to the 14th birthday
        (date(2002, 8, 10), date(2015, 8, 10)),  # 12: to the 25th (two-year rule)
        (date(2013, 8, 9), date(2015, 8, 10)),  # 22
        (date(2013, 8, 10), date(2030, 8, 10)),  # 23: to the 40th
        (date(2028, 8, 9), date(2030, 8, 10)),  # 37
        (date(2028, 8, 10), date(2050, 8, 10)),  # 38: to the 60th
        (date(2048, 8, 9), date(2050, 8, 10)),  # 57
        (date(2048, 8, 10), None),  # 58: no expiry
        (date(2048, 8, 11), None),
    ],
)
def test_expiry_around_ages_12_23_38_58(issued: date, expected: date | None) -> None:
    assert card_expiry(DOB2, issued) == expected


@pytest.mark.parametrize(
    ("on", "within", "status"),
    [
        (date(2030, 8, 11), 0, "overdue"),
        (date(2030, 8, 10), 0, "due"),
        (date(2030, 8, 9), 0, "not_due"),
        (date(2030, 8, 9), 1, "due_soon"),
        (date(2030, 5, 12), 90, "due_soon"),
        (date(2030, 5, 11), 90, "not_due"),
    ],
)
def test_renewal_status(on: date, within: int, status: str) -> None:
    assert renewal_status(DOB2, date(2030, 8, 10), on, within) == status


def test_a_card_without_expiry_is_never_due() -> None:
    assert renewal_status(DOB2, None, date(2090, 1, 1), 10_000) == "not_due"


def test_first_card_status_from_the_14th_birthday() -> None:
    assert first_card_status(DOB, date(2024, 5, 16), 0) == "not_due"
    assert first_card_status(DOB, date(2024, 5, 16), 1) == "due_soon"
    assert first_card_status(DOB, date(2024, 5, 17)) == "due"
    assert first_card_status(DOB, date(2024, 5, 18)) == "overdue"


dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2150, 12, 31))


@settings(max_examples=400, deadline=None)
@given(dob=dates, offset=st.integers(min_value=0, max_value=120 * 366))
def test_expiry_is_a_birthday_in_a_milestone_year_or_none(dob: date, offset: int) -> None:
    issued = dob + timedelta(days=offset)
    exp = card_expiry(dob, issued)
    age = age_on(dob, issued)
    if exp is None:
        assert age >= 58
        return
    assert age < 58
    milestone = exp.year - dob.year
    assert milestone in MILESTONES
    assert exp == birthday_in(dob, exp.year)
    assert (exp.month, exp.day) == (dob.month, dob.day) or (dob.month, dob.day) == (2, 29)
    assert exp > issued
    # The two-year rule (Art 21(2)) said another way: the first milestone more than two
    # years ahead.
    assert milestone == min(m for m in MILESTONES if m - age > 2)


@settings(max_examples=400, deadline=None)
@given(dob=dates, a=st.integers(min_value=0, max_value=40000),
       b=st.integers(min_value=0, max_value=40000))
def test_age_group_is_defined_for_every_date_and_never_goes_backwards(dob: date, a: int,
                                                                      b: int) -> None:
    first, second = sorted((a, b))
    d1 = dob + timedelta(days=first)
    d2 = dob + timedelta(days=second)
    g1, g2 = age_group_on(dob, d1), age_group_on(dob, d2)
    assert g1 in AGE_GROUPS and g2 in AGE_GROUPS
    assert AGE_GROUPS.index(g1) <= AGE_GROUPS.index(g2)
    assert age_on(dob, d1) <= age_on(dob, d2)
