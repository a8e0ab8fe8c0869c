"""Working days (ngày làm việc) and the return date (ngày hẹn trả), Law Art 26.

A working day is Monday to Friday, except public holidays and the announced days off, plus the
announced make-up Saturdays (ngày làm bù). The yearly data lives in ``resources/holidays.toml``;
a station's own changes (a local day off, an extra working Saturday) come from the
``calendar_overrides`` table and are laid over it with :meth:`Calendar.with_overrides`.

Counting convention (docs/rules-decisions.md): the day the complete dossier is received is day
0; the first working day after it is day 1 (Civil Code 2015 Art 147(1): a period counted in
days starts on the day after the event); the return date is the N-th working day. A dossier
received on a non-working day (a mobile session on a Saturday) is counted the same way.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from resources import resource_path

__all__ = ["Calendar", "DayOverride", "FIXED_HOLIDAYS", "load_calendar", "return_date"]

# Solar holidays of Labour Code 2019 Art 112, used for years the data does not cover.
FIXED_HOLIDAYS: tuple[tuple[int, int], ...] = ((1, 1), (4, 30), (5, 1), (9, 2))
_DAY = timedelta(days=1)


@dataclass(frozen=True)
class DayOverride:
    """A station's change to one day: ``working`` True (extra working day) or False (day off)."""

    day: date
    working: bool
    note: str = ""


@dataclass(frozen=True)
class Calendar:
    """Which days are working days."""

    holidays: Mapping[date, str] = field(default_factory=dict)  # days off (besides weekends)
    workdays: Mapping[date, str] = field(default_factory=dict)  # working Saturdays/Sundays
    years: frozenset[int] = frozenset()  # years the data covers
    provisional: frozenset[int] = frozenset()  # years not yet announced by the government

    def covers(self, year: int) -> bool:
        return year in self.years

    def is_working_day(self, day: date) -> bool:
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        if day.weekday() >= 5:
            return False
        if day.year not in self.years and (day.month, day.day) in FIXED_HOLIDAYS:
            return False
        return True

    def name_of(self, day: date) -> str | None:
        return self.holidays.get(day) or self.workdays.get(day)

    def add_working_days(self, start: date, n: int) -> date:
        """The ``n``-th working day after ``start`` (``start`` itself is day 0)."""
        if n < 0:
            raise ValueError("n must not be negative")
        day = start
        counted = 0
        while counted < n:
            day += _DAY
            if self.is_working_day(day):
                counted += 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end``."""
        count = 0
        day = start
        while day < end:
            day += _DAY
            if self.is_working_day(day):
                count += 1
        return count

    def with_overrides(self, overrides: Iterable[DayOverride]) -> Calendar:
        holidays = dict(self.holidays)
        workdays = dict(self.workdays)
        for o in overrides:
            if o.working:
                holidays.pop(o.day, None)
                workdays[o.day] = o.note
            else:
                workdays.pop(o.day, None)
                holidays[o.day] = o.note
        return Calendar(holidays, workdays, self.years, self.provisional)


def _from_mapping(data: Mapping[str, Any]) -> Calendar:
    holidays: dict[date, str] = {}
    workdays: dict[date, str] = {}
    years: set[int] = set()
    provisional: set[int] = set()
    for key, table in data.items():
        if not (isinstance(table, Mapping) and key.isdigit()):
            continue
        years.add(int(key))
        if table.get("provisional"):
            provisional.add(int(key))
        for item in table.get("holidays", []):
            holidays[item["date"]] = str(item.get("name", ""))
        for item in table.get("workdays", []):
            workdays[item["date"]] = str(item.get("name", ""))
    return Calendar(holidays, workdays, frozenset(years), frozenset(provisional))


@lru_cache(maxsize=1)
def load_calendar() -> Calendar:
    """The shipped calendar (``resources/holidays.toml``), read once."""
    with resource_path("holidays.toml").open("rb") as fh:
        return _from_mapping(tomllib.load(fh))


def return_date(received_on: date, working_days: int = 7,
                calendar: Calendar | None = None) -> date:
    """The return date: the ``working_days``-th working day after receipt (Law Art 26)."""
    return (calendar or load_calendar()).add_working_days(received_on, working_days)
