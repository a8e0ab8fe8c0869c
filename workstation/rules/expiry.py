"""Card expiry by age at issuance (Law Art 21, Art 18(2)(m)) and whether a renewal is due.

The card is valid until the holder's birthday in the year of the next milestone age (14, 25,
40, 60). A card issued, renewed or re-issued within the two years before a milestone stays valid
until the following one (Art 21(2)); that is what the thresholds 12, 23, 38 and 58 express.
Issued at 58 or later, the card never expires.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from workstation.rules.ages import age_on, birthday_in

__all__ = ["card_expiry", "expiry_milestone", "first_card_status", "renewal_status"]

RenewalStatus = Literal["overdue", "due", "due_soon", "not_due"]

# (age at issuance below, milestone the card runs to)
_TABLE: tuple[tuple[int, int], ...] = ((12, 14), (23, 25), (38, 40), (58, 60))


def expiry_milestone(age_at_issue: int) -> int | None:
    """The milestone age a card issued at ``age_at_issue`` runs to; None: no expiry (58+)."""
    for below, milestone in _TABLE:
        if age_at_issue < below:
            return milestone
    return None


def card_expiry(dob: date, issued_on: date, leap: str = "feb28") -> date | None:
    """Expiry printed on a card issued on ``issued_on``: the birthday in the milestone year, or
    None when the card never expires (issued at 58 or later)."""
    milestone = expiry_milestone(age_on(dob, issued_on, leap))
    if milestone is None:
        return None
    return birthday_in(dob, dob.year + milestone, leap)


def renewal_status(dob: date, card_expiry: date | None, on: date,
                   within_days: int = 0) -> RenewalStatus:
    """For a card holder on ``on``: ``overdue`` (the card expired before ``on``), ``due`` (``on``
    is the milestone birthday: the last day of validity, the day renewal becomes compulsory),
    ``due_soon`` (the milestone is at most ``within_days`` days away) or ``not_due`` (later, or
    a card that never expires). ``dob`` is accepted so callers pass the holder as a whole; the
    printed expiry already is the milestone birthday."""
    del dob
    if card_expiry is None:
        return "not_due"
    days = (card_expiry - on).days
    if days < 0:
        return "overdue"
    if days == 0:
        return "due"
    if days <= within_days:
        return "due_soon"
    return "not_due"


def first_card_status(dob: date, on: date, within_days: int = 0,
                      leap: str = "feb28") -> RenewalStatus:
    """For a citizen who never had a card: a card is compulsory from the 14th birthday
    (Art 19(2)). Same vocabulary as :func:`renewal_status`."""
    fourteenth = birthday_in(dob, dob.year + 14, leap)
    days = (fourteenth - on).days
    if days < 0:
        return "overdue"
    if days == 0:
        return "due"
    if days <= within_days:
        return "due_soon"
    return "not_due"
