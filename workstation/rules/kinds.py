"""Which kind of application the law applies, and for which reason (Law Art 19, 21, 24).

The request names a kind (first issue, renewal, re-issue) and a reason; the law may see it
differently: a card lost in the year of an age milestone is a renewal for age (Art 24(2)(a)
excludes the Art 21 cases), a CMND holder has never had a CCCD or card and so gets a first
issuance, someone who holds a card cannot have a first issuance.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from resources.messages import DEFAULT_LANG, message
from workstation.rules.ages import MILESTONES, birthday_in
from workstation.rules.expiry import card_expiry
from workstation.rules.findings import Finding, error, info, warning

__all__ = [
    "CARD_TYPES",
    "KINDS",
    "REASONS",
    "REISSUE_REASONS",
    "RENEWAL_REASONS",
    "CurrentCard",
    "Resolution",
    "card_valid_on",
    "milestone_due",
    "resolve_kind",
]

KINDS = ("first_issue", "renewal", "reissue")
CARD_TYPES = ("cmnd", "cccd", "can_cuoc")
CMND_VOID_FROM = date(2025, 1, 1)  # Law Art 46: CMND valid until 31/12/2024

# Reason code -> the legal point it stands for.
RENEWAL_REASONS: dict[str, str] = {
    "age_milestone": "Art 24(1)(a)",
    "name_or_dob_changed": "Art 24(1)(b)",
    "identity_features_changed": "Art 24(1)(c)",
    "printed_error": "Art 24(1)(d)",
    "printed_error_by_agency": "Art 24(1)(d), Art 38(3)(b)",
    "admin_unit_reorganised": "Art 24(1)(đ)",
    "pid_reestablished": "Art 24(1)(e)",
    "holder_request": "Art 24(1)(g)",
    "cccd_conversion": "NĐ 70/2024 Art 21(3)",
}
REISSUE_REASONS: dict[str, str] = {
    "lost_or_damaged": "Art 24(2)(a)",
    "nationality_regained": "Art 24(2)(b)",
}
REASONS: dict[str, str] = {**RENEWAL_REASONS, **REISSUE_REASONS}


@dataclass(frozen=True)
class CurrentCard:
    """The identity document the applicant holds (or held)."""

    type: str  # cmnd | cccd | can_cuoc
    number: str | None = None
    issued_on: date | None = None
    expires_on: date | None = None
    expiry_known: bool = False  # False: expires_on None means "not given", not "no expiry"

    def expiry(self, dob: date | None, leap: str = "feb28") -> tuple[bool, date | None]:
        """(known, expiry): printed expiry if given, else computed from the issue date."""
        if self.expiry_known:
            return True, self.expires_on
        if self.issued_on is not None and dob is not None and self.issued_on >= dob:
            return True, card_expiry(dob, self.issued_on, leap)
        return False, None


def card_valid_on(card: CurrentCard, on: date, dob: date | None,
                  leap: str = "feb28") -> bool | None:
    """Whether the card is valid on ``on`` (None: cannot tell). A CMND is void from 2025."""
    if card.type == "cmnd":
        if on >= CMND_VOID_FROM:
            return False
        known, exp = card.expiry(dob, leap)
        return None if not known else (exp is None or exp >= on)
    known, exp = card.expiry(dob, leap)
    if not known:
        return None
    return exp is None or exp >= on


def milestone_due(dob: date | None, on: date, card: CurrentCard | None,
                  leap: str = "feb28", *, year_suffices: bool = False) -> tuple[bool, str]:
    """Whether renewal for age (Art 21(1)) applies on ``on``, and on what basis.

    The holder must have reached the milestone ("đủ 14, 25, 40, 60 tuổi"): with a CCCD or card
    whose expiry is known (printed, or computed from its issue date, so the two-year rule is
    already in it), the expiry is on or before ``on``; otherwise a 14th/25th/40th/60th birthday
    falls in the year of ``on`` on or before ``on``. With ``year_suffices`` (a card lost or
    damaged "in the year of the milestone", Art 24(2)(a)) the birthday may still be ahead in
    that year. Returns (due, basis), basis ``card``, ``age`` or ``unknown``.
    """
    if card is not None and card.type in ("cccd", "can_cuoc"):
        known, exp = card.expiry(dob, leap)
        if known:
            if exp is None:
                return False, "card"
            return (exp <= on or (year_suffices and exp.year == on.year)), "card"
    if dob is None:
        return False, "unknown"
    for m in MILESTONES:
        birthday = birthday_in(dob, dob.year + m, leap)
        if birthday.year == on.year and (birthday <= on or year_suffices):
            return True, "age"
    return False, "age"


@dataclass(slots=True)
class Resolution:
    """The kind and reason the law applies, and what follows from them."""

    kind: str | None
    reason: str | None
    conversion: bool = False  # the card replaces a CCCD (TT 73 Art 4(1)(a))
    findings: tuple[Finding, ...] = ()


def resolve_kind(kind: str | None, reason: str | None, *, dob: date | None, on: date,
                 card: CurrentCard | None, lang: str = DEFAULT_LANG,
                 leap: str = "feb28") -> Resolution:
    """Resolve the requested ``kind``/``reason`` to the ones the law applies (RULES.md §3).

    ``kind`` and ``reason`` must be known codes or None (the request parser reports others).
    """
    findings: list[Finding] = []

    def changed(new_kind: str | None, new_reason: str | None, why: str) -> None:
        findings.append(warning("kind", "kind.resolved", lang,
                                kind=message(f"kind.name.{new_kind}", lang),
                                reason=message(f"reason.name.{new_reason}", lang)
                                if new_reason else "-",
                                why=message(f"kind.why.{why}", lang)))

    if kind is None:
        return Resolution(None, reason, False, ())
    card_type = card.type if card is not None else None

    if kind == "first_issue":
        if card_type in ("cccd", "can_cuoc"):
            assert card is not None
            valid = card_valid_on(card, on, dob, leap)
            due, _ = milestone_due(dob, on, card, leap)
            if valid is False:
                changed("renewal", "age_milestone", "expired_card")
                return Resolution("renewal", "age_milestone", card_type == "cccd",
                                  tuple(findings))
            findings.append(error("kind", "kind.already_has_card", lang, card=card_type,
                                  number=card.number or "-"))
            new_reason = "age_milestone" if due else (
                "cccd_conversion" if card_type == "cccd" else None)
            return Resolution("renewal", new_reason, card_type == "cccd", tuple(findings))
        if reason is not None:
            findings.append(info("reason", "kind.reason_ignored", lang, reason=reason))
        return Resolution("first_issue", None, False, tuple(findings))

    if reason is None:
        findings.append(error("reason", "kind.reason_missing", lang, kind=kind))
        return Resolution(kind, None, False, tuple(findings))

    if card_type == "cmnd":
        # A CMND holder never had a CCCD or card: first issuance (RULES.md §3), which is free.
        changed("first_issue", None, "cmnd_holder")
        return Resolution("first_issue", None, False, tuple(findings))

    if kind == "renewal" and reason in REISSUE_REASONS:
        changed("reissue", reason, "reason_of_reissue")
        kind = "reissue"
    elif kind == "reissue" and reason in RENEWAL_REASONS:
        changed("renewal", reason, "reason_of_renewal")
        kind = "renewal"

    if kind == "reissue":
        if reason == "lost_or_damaged":
            due, _ = milestone_due(dob, on, card, leap, year_suffices=True)
            if due:
                # Art 24(2)(a) excludes the Art 21 cases: a renewal for age.
                changed("renewal", "age_milestone", "lost_in_milestone_year")
                return Resolution("renewal", "age_milestone", card_type == "cccd",
                                  tuple(findings))
        return Resolution("reissue", reason, False, tuple(findings))

    # renewal
    conversion = card_type == "cccd"
    if reason == "cccd_conversion":
        if card_type == "can_cuoc":
            changed("renewal", "holder_request", "already_can_cuoc")
            return Resolution("renewal", "holder_request", False, tuple(findings))
        due, basis = milestone_due(dob, on, card, leap)
        if due and basis == "card":
            # The CCCD ends at this milestone: the renewal for age that replaces it.
            findings.append(info("reason", "kind.conversion_at_milestone", lang))
            return Resolution("renewal", "age_milestone", True, tuple(findings))
        return Resolution("renewal", "cccd_conversion", True, tuple(findings))
    if reason == "age_milestone":
        due, basis = milestone_due(dob, on, card, leap)
        if not due:
            if basis == "card":
                changed("renewal", "holder_request", "milestone_not_due")
                return Resolution("renewal", "holder_request", conversion, tuple(findings))
            findings.append(warning("reason", "kind.milestone_unverified", lang))
    return Resolution("renewal", reason, conversion, tuple(findings))
