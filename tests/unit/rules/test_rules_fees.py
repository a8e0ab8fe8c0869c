"""Fees: free cases, exemptions, base rates and the first and last day of every window."""

from __future__ import annotations

from datetime import date

import pytest

from workstation.rules.fees import FeePolicy, compute_fee, schedule

ADULT = 30


@pytest.mark.parametrize(
    ("on", "channel", "amount", "rule"),
    [
        # 1/7/2024 - 20/10/2024: Law in force, TT 73 not yet: TT 59/2019 amounts.
        (date(2024, 7, 1), "counter", 50000, "fee.rule.base"),
        (date(2024, 10, 20), "counter", 50000, "fee.rule.base"),
        # TT 73 Art 4(2): 21/10/2024 - 31/12/2024, 50 % for every channel.
        (date(2024, 10, 21), "counter", 25000, "fee.rule.reduced"),
        (date(2024, 12, 31), "counter", 25000, "fee.rule.reduced"),
        (date(2024, 12, 31), "online", 25000, "fee.rule.reduced"),
        # TT 73 Art 4(3): 2025, 50 % online only.
        (date(2025, 1, 1), "counter", 50000, "fee.rule.base"),
        (date(2025, 1, 1), "online", 25000, "fee.rule.reduced"),
        (date(2025, 6, 30), "counter", 50000, "fee.rule.base"),
        (date(2025, 6, 30), "online", 25000, "fee.rule.reduced"),
        # TT 64/2025: 1/7/2025 - 31/12/2026, 50 % for every channel, not stacked.
        (date(2025, 7, 1), "counter", 25000, "fee.rule.reduced"),
        (date(2025, 7, 1), "online", 25000, "fee.rule.reduced"),
        (date(2025, 12, 31), "online", 25000, "fee.rule.reduced"),
        (date(2026, 1, 1), "counter", 25000, "fee.rule.reduced"),
        (date(2026, 12, 31), "counter", 25000, "fee.rule.reduced"),
        (date(2027, 1, 1), "counter", 50000, "fee.rule.base"),
        (date(2027, 1, 1), "online", 50000, "fee.rule.base"),
    ],
)
def test_renewal_fee_on_the_first_and_last_day_of_each_window(on: date, channel: str,
                                                              amount: int, rule: str) -> None:
    fee = compute_fee("renewal", "holder_request", on=on, age=ADULT, channel=channel)
    assert (fee.amount, fee.rule) == (amount, rule)


def test_overlapping_reductions_cite_the_newest_instrument() -> None:
    fee = compute_fee("renewal", "holder_request", on=date(2025, 9, 30), age=ADULT,
                      channel="online", lang="en")
    assert fee.amount == 25000
    assert fee.source.endswith("TT 64/2025/TT-BTC Art 1")


def test_reduction_end_is_a_setting() -> None:
    short = FeePolicy(reduction_end=date(2025, 12, 31))
    assert compute_fee("renewal", "holder_request", on=date(2025, 12, 31), age=ADULT,
                       policy=short).amount == 25000
    assert compute_fee("renewal", "holder_request", on=date(2026, 1, 1), age=ADULT,
                       policy=short).amount == 50000
    assert compute_fee("renewal", "holder_request", on=date(2026, 1, 1), age=ADULT,
                       channel="online", policy=short).amount == 50000


def test_interim_policy_free() -> None:
    free = FeePolicy(interim_fee_policy="free")
    fee = compute_fee("reissue", "lost_or_damaged", on=date(2024, 8, 1), age=ADULT,
                      policy=free)
    assert (fee.amount, fee.rule) == (0, "fee.rule.interim_free")
    assert compute_fee("reissue", "lost_or_damaged", on=date(2024, 10, 21), age=ADULT,
                       policy=free).amount == 35000


@pytest.mark.parametrize(
    ("kind", "reason", "conversion", "on", "amount"),
    [
        ("reissue", "lost_or_damaged", False, date(2027, 3, 1), 70000),
        ("reissue", "lost_or_damaged", False, date(2026, 3, 1), 35000),
        ("renewal", "cccd_conversion", True, date(2027, 3, 1), 30000),
        ("renewal", "cccd_conversion", True, date(2025, 8, 20), 15000),
        ("renewal", "name_or_dob_changed", True, date(2027, 3, 1), 30000),
        ("renewal", "printed_error", False, date(2027, 3, 1), 50000),
        ("renewal", "printed_error_by_agency", False, date(2027, 3, 1), 0),
        ("renewal", "admin_unit_reorganised", False, date(2027, 3, 1), 0),
        ("renewal", "age_milestone", False, date(2027, 3, 1), 0),
        ("renewal", "age_milestone", True, date(2027, 3, 1), 0),
        ("first_issue", None, False, date(2027, 3, 1), 0),
    ],
)
def test_cases(kind: str, reason: str | None, conversion: bool, on: date, amount: int) -> None:
    fee = compute_fee(kind, reason, on=on, age=ADULT, conversion=conversion)
    assert fee.amount == amount


def test_cccd_milestone_conversion_policy() -> None:
    pays = FeePolicy(cccd_milestone_conversion_fee=True)
    fee = compute_fee("renewal", "age_milestone", on=date(2027, 3, 1), age=40, conversion=True,
                      policy=pays)
    assert (fee.amount, fee.base) == (30000, 30000)
    # A thẻ căn cước holder renewing for age stays free whatever the policy.
    assert compute_fee("renewal", "age_milestone", on=date(2027, 3, 1), age=40,
                       conversion=False, policy=pays).amount == 0


@pytest.mark.parametrize(
    ("age", "amount", "rule"),
    [
        (15, 0, "fee.rule.exempt_child"),
        (16, 70000, "fee.rule.base"),
        (59, 70000, "fee.rule.base"),
        (60, 0, "fee.rule.exempt_elderly"),
    ],
)
def test_age_exemptions(age: int, amount: int, rule: str) -> None:
    fee = compute_fee("reissue", "lost_or_damaged", on=date(2027, 3, 1), age=age)
    assert (fee.amount, fee.rule) == (amount, rule)


@pytest.mark.parametrize("group", schedule().groups)
def test_every_proven_group_is_exempt(group: str) -> None:
    fee = compute_fee("reissue", "lost_or_damaged", on=date(2027, 3, 1), age=ADULT,
                      exemptions=[group])
    assert (fee.amount, fee.rule) == (0, "fee.rule.exempt_group")
    assert "Điều 5" in fee.text


def test_rule_text_in_both_languages() -> None:
    fee = compute_fee("renewal", "cccd_conversion", on=date(2025, 8, 20), age=39,
                      conversion=True, lang="en")
    assert fee.text == ("CCCD to thẻ căn cước: 15.000 VND, 50% off 30.000 VND "
                        "(TT 64/2025/TT-BTC Art 1)")
    vi = compute_fee("first_issue", None, on=date(2025, 8, 20), age=39)
    assert vi.text.startswith("cấp thẻ lần đầu không thu lệ phí")
