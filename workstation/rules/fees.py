"""The fee (lệ phí) for an application on a date: free cases, exemptions, base rate, reduction.

Order of the rules (RULES.md §4):
1. free by law (Law Art 38): first issuance; renewal for age (a) or administrative
   reorganisation (đ); renewal for an error made by the agency;
2. exempt persons (TT 73 Art 5): children under 16, people of 60 and over, proven groups;
3. the base rate of the case in force on the day (``resources/fees.toml``, or a rate the station
   entered: :class:`StationRate`, which wins on the days it is in force), with the largest
   temporary reduction in force for the channel (reductions are not stacked).
The answer carries the amount and the rule that gave it. The station's rates are data the caller
loads (``workstation.checking`` reads them with the rest of a check); this module stays pure.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from resources import resource_path
from resources.messages import DEFAULT_LANG, message

__all__ = [
    "CASES",
    "EXEMPTION_GROUPS",
    "FeeDecision",
    "FeePolicy",
    "FeeSchedule",
    "StationRate",
    "cite",
    "compute_fee",
    "fee_case",
    "schedule",
]

INTERIM_POLICIES = ("tt59_rates", "free")
#: The fee cases a base rate is set for (TT 73 Art 4(1)(a)-(c)).
CASES = ("cccd_conversion", "renewal", "reissue")


@dataclass(frozen=True)
class FeePolicy:
    """The open points of RULES.md §4, as settings (see docs/rules-decisions.md)."""

    reduction_end: date = date(2026, 12, 31)
    cccd_milestone_conversion_fee: bool = False
    interim_fee_policy: str = "tt59_rates"

    @classmethod
    def from_settings(cls, settings: Any | None) -> FeePolicy:
        if settings is None:
            return cls()
        return cls(
            reduction_end=date.fromisoformat(str(settings["rules.reduction_end"])),
            cccd_milestone_conversion_fee=bool(settings["rules.cccd_milestone_conversion_fee"]),
            interim_fee_policy=str(settings["rules.interim_fee_policy"]),
        )

    def setting(self, name: str) -> Any:
        return {
            "rules.reduction_end": self.reduction_end,
            "rules.cccd_milestone_conversion_fee": self.cccd_milestone_conversion_fee,
            "rules.interim_fee_policy": self.interim_fee_policy,
        }[name]


Bound = date | str  # a date, or "setting:NAME"


@dataclass(frozen=True)
class BaseRate:
    case: str
    amount: int
    start: Bound
    end: Bound | None
    interim: bool
    source: str


@dataclass(frozen=True)
class Reduction:
    id: str
    percent: int
    start: Bound
    end: Bound | None
    channels: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class StationRate:
    """A base rate entered at the station (``models.rules.StationFeeRate``): ``amount`` đồng
    for ``case`` from ``start`` to ``end`` (inclusive; None: open-ended), citing ``source``
    (e.g. the new circular's number). Temporary reductions apply to it as to a shipped rate."""

    case: str
    amount: int
    start: date
    end: date | None
    source: str

    def in_force(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True, eq=False)  # identity hash: a cache key that costs nothing
class FeeSchedule:
    """The fee table of ``resources/fees.toml``."""

    law_in_force: date
    tt73_effective: date
    base: tuple[BaseRate, ...]
    reductions: tuple[Reduction, ...]
    child_under: int
    elderly_from: int
    groups: tuple[str, ...]
    exemption_source: str

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> FeeSchedule:
        ex = data["exemptions"]
        return cls(
            law_in_force=data["law_in_force"],
            tt73_effective=data["tt73_effective"],
            base=tuple(
                BaseRate(b["case"], int(b["amount"]), b["from"], b.get("to"),
                         bool(b.get("interim", False)), str(b["source"]))
                for b in data["base"]
            ),
            reductions=tuple(
                Reduction(r["id"], int(r["percent"]), r["from"], r.get("to"),
                          tuple(r["channels"]), str(r["source"]))
                for r in data["reduction"]
            ),
            child_under=int(ex["child_under"]),
            elderly_from=int(ex["elderly_from"]),
            groups=tuple(ex["groups"]),
            exemption_source=str(ex["source"]),
        )


@lru_cache(maxsize=1)
def schedule() -> FeeSchedule:
    """The shipped fee table (read once)."""
    with resource_path("fees.toml").open("rb") as fh:
        return FeeSchedule.from_mapping(tomllib.load(fh))


EXEMPTION_GROUPS: tuple[str, ...] = (
    "disability",
    "meritorious_service",
    "ethnic_minority_hardship_commune",
    "border_or_island_resident",
    "poor_household",
)


def _resolve(bound: Bound | None, policy: FeePolicy) -> date | None:
    if bound is None or isinstance(bound, date):
        return bound
    if bound.startswith("setting:"):
        value = policy.setting(bound.split(":", 1)[1])
        return value if isinstance(value, date) else date.fromisoformat(str(value))
    return date.fromisoformat(bound)


@lru_cache(maxsize=16)
def _resolved(table: FeeSchedule, policy: FeePolicy) -> tuple[
        tuple[tuple[date, date, BaseRate], ...], tuple[tuple[date, date, Reduction], ...]]:
    """The table's windows as dates for a policy (base rates sorted by start), computed once."""
    def window(start: Bound, end: Bound | None) -> tuple[date, date]:
        return _resolve(start, policy) or date.min, _resolve(end, policy) or date.max

    bases = sorted(((*window(b.start, b.end), b) for b in table.base), key=lambda x: x[0])
    reductions = tuple((*window(r.start, r.end), r) for r in table.reductions)
    return tuple(bases), reductions


@dataclass(slots=True)
class FeeDecision:
    """The fee in đồng and the rule that gave it."""

    amount: int
    rule: str  # stable code of the rule (fee.rule.*)
    text: str  # the rule in words, translated
    base: int = 0  # base rate before exemption/reduction (0 when free)
    percent_off: int = 0
    source: str = ""


FREE_REASONS = {
    "age_milestone": "fee.rule.free_milestone",
    "admin_unit_reorganised": "fee.rule.free_admin_reorganisation",
    "printed_error_by_agency": "fee.rule.free_agency_error",
}


def fee_case(kind: str, reason: str | None, conversion: bool) -> str:
    """Which base rate applies: ``cccd_conversion``, ``renewal`` or ``reissue``."""
    if kind == "reissue":
        return "reissue"
    return "cccd_conversion" if conversion else "renewal"


def compute_fee(
    kind: str | None,
    reason: str | None,
    *,
    on: date,
    age: int | None,
    conversion: bool = False,
    exemptions: Iterable[str] = (),
    channel: str = "counter",
    policy: FeePolicy | None = None,
    lang: str = DEFAULT_LANG,
    table: FeeSchedule | None = None,
    station_rates: Iterable[StationRate] = (),
) -> FeeDecision:
    """The fee for the kind and reason the law applies (see the module docstring).

    ``station_rates``: the rates the station entered; one in force on ``on`` for the case
    replaces the shipped base rate (the newest start wins if several are)."""
    policy = policy or FeePolicy()
    table = table or schedule()

    def decide(value: int, rule: str, src: str, base_: int = 0, pct: int = 0, /,
               **params: Any) -> FeeDecision:
        return FeeDecision(value, rule, message(rule, lang, **params), base_, pct, src)

    if kind is None:
        return decide(0, "fee.rule.unknown", "")
    if kind == "first_issue":
        return decide(0, "fee.rule.free_first_issue", "Law Art 38(2)")
    if kind == "renewal" and reason in FREE_REASONS:
        if not (reason == "age_milestone" and conversion
                and policy.cccd_milestone_conversion_fee):
            src = "Law Art 38(3)(b)" if reason == "printed_error_by_agency" else \
                "Law Art 38(3)(a)"
            return decide(0, FREE_REASONS[reason], src)

    # From here the case carries a fee unless the person is exempt.
    if age is not None and age < table.child_under:
        return decide(0, "fee.rule.exempt_child", table.exemption_source, age=age)
    if age is not None and age >= table.elderly_from:
        return decide(0, "fee.rule.exempt_elderly", table.exemption_source, age=age)
    proven = [g for g in exemptions if g in table.groups]
    if proven:
        return decide(0, "fee.rule.exempt_group", table.exemption_source,
                      group=message(f"fee.group.{proven[0]}", lang))

    case = fee_case(kind, reason, conversion)
    bases, reductions = _resolved(table, policy)
    local_rates = [r for r in station_rates if r.case == case and r.in_force(on)]
    station = max(local_rates, key=lambda r: r.start) if local_rates else None
    if station is not None:
        rate = BaseRate(case, station.amount, station.start, station.end, False, station.source)
    else:
        rates = [b for lo, hi, b in bases if b.case == case and lo <= on <= hi]
        if not rates:  # before the Law: nothing to apply (the request is refused elsewhere)
            rates = [b for _, _, b in bases if b.case == case][:1]
        rate = rates[0]
    if rate.interim and policy.interim_fee_policy == "free":
        return decide(0, "fee.rule.interim_free", "Law Art 38; TT 73 not yet in force")
    # The largest reduction in force; between equals, the newest instrument is cited.
    best: Reduction | None = None
    best_key = (-1, date.min)
    for lo, hi, r in reductions:
        if lo <= on <= hi and channel in r.channels and (r.percent, lo) > best_key:
            best, best_key = r, (r.percent, lo)
    case_text = message(f"fee.case.{case}", lang)
    local = _localise_source if lang == "vi" else str
    prefix = "fee.rule.station_" if station is not None else "fee.rule."
    if best is None:
        return decide(rate.amount, prefix + "base", rate.source, rate.amount, 0,
                      case=case_text, amount=_vnd(rate.amount), source=local(rate.source))
    amount = rate.amount * (100 - best.percent) // 100
    return decide(amount, prefix + "reduced", f"{rate.source}; {best.source}", rate.amount,
                  best.percent, case=case_text, amount=_vnd(amount), base=_vnd(rate.amount),
                  percent=best.percent, source=local(best.source),
                  station_source=rate.source)


def cite(source: str, lang: str = DEFAULT_LANG) -> str:
    """A citation of the data file as a reader of ``lang`` writes it."""
    return _localise_source(source) if lang == "vi" else source


def _localise_source(source: str) -> str:
    """Citations of the data file (English abbreviations) as a Vietnamese reader writes them."""
    return (source.replace(" rates (until TT 73 took effect)", " (trước khi TT 73 có hiệu lực)")
            .replace("Art ", "Điều ").replace("TT ", "Thông tư "))


def _vnd(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")
