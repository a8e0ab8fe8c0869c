"""Age on a date ("đủ X tuổi"), age groups, who must apply or be present, what to collect.

Age is counted in completed years on the day the complete dossier is received: a person is
"đủ X tuổi" on and after the X-th birthday (RULES.md §1). A 29 February birthday falls on 28
February in common years by default (Civil Code 2015 Art 148 by analogy: a period with no
corresponding day ends on the last day of that month); ``leap="mar1"`` takes 1 March instead.
See docs/rules-decisions.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

__all__ = [
    "AGE_GROUPS",
    "LEAP_POLICIES",
    "MILESTONES",
    "Collect",
    "Presence",
    "age_group_on",
    "age_on",
    "birthday_in",
    "collect_for",
    "must_apply",
    "presence_for",
]

AgeGroup = Literal["under_6", "6_to_under_14", "14_and_over"]
AGE_GROUPS: tuple[AgeGroup, ...] = ("under_6", "6_to_under_14", "14_and_over")
# Ages at which a card holder must renew (Law Art 21(1)).
MILESTONES: tuple[int, ...] = (14, 25, 40, 60)
LEAP_POLICIES = ("feb28", "mar1")
ADULT_AGE = 18  # Civil Code 2015 Art 20: an adult is 18 or over


def birthday_in(dob: date, year: int, leap: str = "feb28") -> date:
    """The holder's birthday in ``year`` (29 February moved to 28 Feb or 1 Mar in common years)."""
    try:
        return dob.replace(year=year)
    except ValueError:  # 29 February in a common year
        return date(year, 3, 1) if leap == "mar1" else date(year, 2, 28)


def age_on(dob: date, day: date, leap: str = "feb28") -> int:
    """Completed years of age on ``day`` ("đủ X tuổi" from the X-th birthday on).

    Raises ValueError for a day before the birth.
    """
    if day < dob:
        raise ValueError("day before the date of birth")
    years = day.year - dob.year
    if day < birthday_in(dob, day.year, leap):
        years -= 1
    return years


def age_group_on(dob: date, day: date, leap: str = "feb28") -> AgeGroup:
    """``under_6``, ``6_to_under_14`` or ``14_and_over`` on ``day`` (Law Art 23(2), 23(1))."""
    age = age_on(dob, day, leap)
    if age < 6:
        return "under_6"
    if age < 14:
        return "6_to_under_14"
    return "14_and_over"


def must_apply(dob: date, day: date, leap: str = "feb28") -> bool:
    """Citizens of 14 and over must have a card; under 14 only if the family asks (Art 19)."""
    return age_on(dob, day, leap) >= 14


@dataclass(frozen=True)
class Presence:
    """Who takes part in the procedure for an age group (Law Art 23)."""

    applicant_present: bool  # the person whose card it is comes to the counter
    representative_required: bool  # a legal representative (người đại diện hợp pháp) acts
    signs: Literal["applicant", "representative"]  # who checks and signs CC01
    online_only: bool  # the law routes the application through the portal/VNeID


def presence_for(age_group: AgeGroup) -> Presence:
    """Under 6: the representative applies (online; at the counter only with birth registration)
    and the child need not come (Art 23(2)(a)). 6 to under 14: the child comes with the
    representative, who signs (Art 23(2)(b)). 14 and over: in person (Art 23(1))."""
    if age_group == "under_6":
        return Presence(False, True, "representative", True)
    if age_group == "6_to_under_14":
        return Presence(True, True, "representative", False)
    return Presence(True, False, "applicant", False)


@dataclass(frozen=True)
class Collect:
    """Biometrics to capture at the counter, and whether the last ones are reused instead."""

    face: bool
    fingerprints: bool
    iris: bool
    reuse_last_biometrics: bool = False

    def as_dict(self) -> dict[str, bool]:
        return {"face": self.face, "fingerprints": self.fingerprints, "iris": self.iris}


NOTHING = Collect(False, False, False)
EVERYTHING = Collect(True, True, True)


def collect_for(age_group: AgeGroup, kind: str | None, reason: str | None = None,
                card_type: str | None = None) -> Collect:
    """What to collect for an age group and the kind the law applies.

    Under 6: nothing (Art 23(2)(a)). From 6: face, fingerprints and iris (Art 23(1), 23(2)(b);
    iris from 6 is in force). A re-issue of a lost or damaged thẻ căn cước reuses the face,
    fingerprints and iris captured last (Art 25(4)); a lost CCCD holds no iris, so everything
    is captured again.
    """
    if age_group == "under_6":
        return NOTHING
    if kind == "reissue" and reason == "lost_or_damaged" and card_type in (None, "can_cuoc"):
        return Collect(False, False, False, reuse_last_biometrics=True)
    return EVERYTHING
