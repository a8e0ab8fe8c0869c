"""Working days and return dates: weekends, Tết, bridge days, make-up Saturdays, overrides."""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest

from workstation.rules.calendar import Calendar, DayOverride, load_calendar, return_date


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (date(2025, 8, 29), date(2025, 9, 11)),  # examples.md 12: weekend + 1-2/9
        (date(2024, 8, 16), date(2024, 8, 27)),  # plain weeks
        (date(2025, 1, 24), date(2025, 2, 11)),  # Tết Ất Tỵ: off 25/1 - 2/2
        (date(2026, 2, 13), date(2026, 3, 3)),  # Tết Bính Ngọ: off 14/2 - 22/2
        (date(2024, 2, 7), date(2024, 2, 23)),  # Tết Giáp Thìn: off 8/2 - 14/2
        (date(2025, 4, 24), date(2025, 5, 7)),  # Sat 26/4 is a make-up working day
        (date(2025, 4, 25), date(2025, 5, 8)),
        (date(2026, 8, 20), date(2026, 8, 28)),  # Sat 22/8/2026 is worked (for Mon 31/8)
        (date(2026, 8, 25), date(2026, 9, 8)),  # off Mon 31/8 - Wed 2/9
        (date(2025, 8, 30), date(2025, 9, 11)),  # received on a Saturday: same count
    ],
)
def test_return_date_is_the_7th_working_day_after_receipt(received: date,
                                                          expected: date) -> None:
    assert return_date(received, 7) == expected


def test_counting_convention_day_after_receipt_is_day_1() -> None:
    cal = load_calendar()
    assert cal.add_working_days(date(2025, 3, 3), 1) == date(2025, 3, 4)
    assert cal.add_working_days(date(2025, 3, 3), 0) == date(2025, 3, 3)
    assert cal.working_days_between(date(2025, 8, 29), date(2025, 9, 11)) == 7


def test_make_up_saturdays_are_working_days() -> None:
    cal = load_calendar()
    assert cal.is_working_day(date(2025, 4, 26))  # Saturday
    assert cal.is_working_day(date(2024, 5, 4))
    assert not cal.is_working_day(date(2025, 5, 2))  # the Friday it paid for
    assert not cal.is_working_day(date(2025, 4, 27))  # an ordinary Sunday


def test_station_overrides() -> None:
    cal = load_calendar().with_overrides([
        DayOverride(date(2025, 9, 3), False, "local festival"),
        DayOverride(date(2025, 9, 6), True, "campaign Saturday"),
    ])
    assert not cal.is_working_day(date(2025, 9, 3))
    assert cal.is_working_day(date(2025, 9, 6))
    assert cal.name_of(date(2025, 9, 3)) == "local festival"
    assert return_date(date(2025, 8, 29), 7, cal) == date(2025, 9, 11)  # -1 day +1 day
    # Cancelling a shipped make-up Saturday.
    cal2 = load_calendar().with_overrides([DayOverride(date(2025, 4, 26), False)])
    assert not cal2.is_working_day(date(2025, 4, 26))


def test_years_outside_the_data_keep_weekends_and_fixed_holidays() -> None:
    cal = load_calendar()
    assert not cal.covers(2031)
    assert not cal.is_working_day(date(2031, 9, 2))  # Tuesday, National Day
    assert cal.is_working_day(date(2031, 9, 3))
    assert 2027 in cal.provisional


def test_negative_counts_are_refused() -> None:
    with pytest.raises(ValueError):
        Calendar().add_working_days(date(2025, 1, 1), -1)


@pytest.mark.parametrize("year", [2024, 2025, 2026, 2027])
def test_data_matches_the_holidays_package(year: int) -> None:
    """The shipped data was built from `holidays` (country VN); keep them in step."""
    ref = holidays.country_holidays("VN", years=year)
    cal = load_calendar()
    day = date(year, 1, 1)
    while day.year == year:
        assert cal.is_working_day(day) == ref.is_working_day(day), day
        day += timedelta(days=1)
