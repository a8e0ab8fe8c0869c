"""Fee rates entered at the station (Administration, ``workstation fees``), validated and audited.

The shipped table (``resources/fees.toml``) holds the rates of the circulars in force when the
program was built. When a new circular changes a base rate before an update ships, the station's
administrator enters it here: a case, an amount in integer đồng, the first day and (optionally)
the last day, and the legal source. A row in force on a day wins over the shipped rate for the
applications checked that day (``workstation.checking`` reads the rows; the rule in
``workstation.rules.fees`` stays pure). Two station rows for the same case never overlap. Every
add, end and removal needs ``fees.edit`` and writes its audit entry in the same transaction.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.db import Database
from models.rules import StationFeeRate
from resources.messages import DEFAULT_LANG, message
from workstation.errors import ValidationFailed
from workstation.rules.fees import CASES, FeePolicy, schedule
from workstation.security import Actor, require
from workstation.security.audit import record as audit

__all__ = [
    "FEE_CAP",
    "LAW_IN_FORCE",
    "SOURCE_MAX",
    "StationRow",
    "add_rate",
    "end_rate",
    "list_rates",
    "parse_amount",
    "parse_day",
    "remove_rate",
    "shipped_rates",
]

#: Largest amount accepted per card (the real rates are tens of thousands of đồng: a typo with
#: two zeros too many is caught, a plausible new rate is not).
FEE_CAP = 1_000_000
LAW_IN_FORCE = date(2024, 7, 1)
LAST_DAY = date(2199, 12, 31)
SOURCE_MAX = 300
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class StationRow:
    """A station rate as the screens and the CLI show it."""

    id: int
    case: str
    amount: int
    start: date
    end: date | None
    source: str
    created_by: str

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "case": self.case, "amount_vnd": self.amount,
                "from": self.start.isoformat(),
                "to": self.end.isoformat() if self.end else None,
                "source": self.source, "created_by": self.created_by}


def _row(r: StationFeeRate) -> StationRow:
    return StationRow(r.id, r.fee_case, r.amount, r.valid_from, r.valid_to, r.source,
                      r.created_by or "")


def parse_amount(value: Any) -> int:
    """An amount in đồng: an int, or text such as ``30000``, ``30.000`` or ``30 000``."""
    if isinstance(value, bool):
        raise ValidationFailed("fee.table.amount_invalid", value=value)
    if isinstance(value, int):
        amount = value
    else:
        text = unicodedata.normalize("NFKC", str(value)).strip()
        text = re.sub(r"(?i)\s*(đồng|dong|vnd|đ)$", "", text)
        digits = re.sub(r"[\s.,]", "", text)
        if not re.fullmatch(r"-?\d{1,12}", digits):
            raise ValidationFailed("fee.table.amount_invalid", value=str(value)[:40])
        amount = int(digits)
    if amount < 0:
        raise ValidationFailed("fee.table.amount_negative", value=_vnd(amount))
    if amount > FEE_CAP:
        raise ValidationFailed("fee.table.amount_too_high", value=_vnd(amount),
                               cap=_vnd(FEE_CAP))
    return amount


def parse_day(value: date | str | None, *, required: bool = True) -> date | None:
    """A date, or text ``DD/MM/YYYY`` / ``YYYY-MM-DD``; a missing optional date is None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationFailed("fee.table.date_invalid", value="")
        return None
    if isinstance(value, date):
        day: date | None = value
    else:
        from workstation.checking import parse_date

        day = parse_date(value.strip())
    if day is None or not (date(1900, 1, 1) <= day <= LAST_DAY):
        raise ValidationFailed("fee.table.date_invalid", value=str(value)[:20])
    return day


def _clean_source(text: str) -> str:
    text = _CONTROL.sub(" ", unicodedata.normalize("NFC", text or ""))
    return re.sub(r"\s+", " ", text).strip()


def _vnd(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def _dmy(day: date | None, lang: str) -> str:
    return day.strftime("%d/%m/%Y") if day else message("fee.table.open_end", lang)


def _check_overlap(s: Session, case: str, start: date, end: date | None,
                   ignore: int | None = None, lang: str = DEFAULT_LANG) -> None:
    for other in s.scalars(select(StationFeeRate).where(StationFeeRate.fee_case == case)):
        if other.id == ignore:
            continue
        if other.valid_from <= (end or LAST_DAY) and start <= (other.valid_to or LAST_DAY):
            raise ValidationFailed(
                "fee.table.overlap", case=message(f"fee.case.{case}", lang),
                start=_dmy(other.valid_from, lang), end=_dmy(other.valid_to, lang),
                source=other.source)


def list_rates(db: Database) -> list[StationRow]:
    """Every station rate, by case and start."""
    with db.session() as s:
        return [_row(r) for r in s.scalars(select(StationFeeRate).order_by(
            StationFeeRate.fee_case, StationFeeRate.valid_from, StationFeeRate.id))]


def add_rate(db: Database, actor: Actor, case: str, amount: Any, start: date | str,
             end: date | str | None, source: str, *, lang: str = DEFAULT_LANG) -> StationRow:
    """Enter a base rate for ``case`` from ``start`` to ``end`` (None: open-ended).
    ``lang``: the language of the words an overlap message quotes (the case, "open-ended")."""
    require(actor, "fees.edit")
    case = (case or "").strip()
    if case not in CASES:
        raise ValidationFailed("fee.table.case_unknown", value=case[:40],
                               choices=", ".join(CASES))
    value = parse_amount(amount)
    first = parse_day(start)
    last = parse_day(end, required=False)
    assert first is not None
    if first < LAW_IN_FORCE:
        raise ValidationFailed("fee.table.before_law", value=first.strftime("%d/%m/%Y"))
    if last is not None and last < first:
        raise ValidationFailed("fee.table.end_before_start", start=first.strftime("%d/%m/%Y"),
                               end=last.strftime("%d/%m/%Y"))
    cited = _clean_source(source)
    if not cited:
        raise ValidationFailed("fee.table.source_required")
    cited = cited[:SOURCE_MAX]
    with db.write_session() as s:
        _check_overlap(s, case, first, last, lang=lang)
        row = StationFeeRate(fee_case=case, amount=value, valid_from=first, valid_to=last,
                             source=cited, created_by=actor.username)
        s.add(row)
        s.flush()
        audit(s, actor, "fees.add", "fee_rate", str(row.id),
              {"case": case, "amount_vnd": value, "from": first.isoformat(),
               "to": last.isoformat() if last else None, "source": cited})
        return _row(row)


def end_rate(db: Database, actor: Actor, rate_id: int, end: date | str, *,
             lang: str = DEFAULT_LANG) -> StationRow:
    """Set the last day of a station rate (a newer circular replaces it)."""
    require(actor, "fees.edit")
    last = parse_day(end)
    assert last is not None
    with db.write_session() as s:
        row = s.get(StationFeeRate, int(rate_id))
        if row is None:
            raise ValidationFailed("fee.table.row_unknown", id=rate_id)
        if last < row.valid_from:
            raise ValidationFailed("fee.table.end_before_start",
                                   start=row.valid_from.strftime("%d/%m/%Y"),
                                   end=last.strftime("%d/%m/%Y"))
        _check_overlap(s, row.fee_case, row.valid_from, last, ignore=row.id, lang=lang)
        before = row.valid_to
        row.valid_to = last
        audit(s, actor, "fees.end", "fee_rate", str(row.id),
              {"case": row.fee_case, "to": last.isoformat(),
               "was": before.isoformat() if before else None})
        s.flush()
        return _row(row)


def remove_rate(db: Database, actor: Actor, rate_id: int) -> None:
    """Delete a station rate entered by mistake (applications keep the fee they were given)."""
    require(actor, "fees.edit")
    with db.write_session() as s:
        row = s.get(StationFeeRate, int(rate_id))
        if row is None:
            raise ValidationFailed("fee.table.row_unknown", id=rate_id)
        audit(s, actor, "fees.remove", "fee_rate", str(row.id),
              {"case": row.fee_case, "amount_vnd": row.amount,
               "from": row.valid_from.isoformat(),
               "to": row.valid_to.isoformat() if row.valid_to else None, "source": row.source})
        s.delete(row)


def shipped_rates(policy: FeePolicy | None = None) -> dict[str, list[dict[str, Any]]]:
    """The shipped table as rows: base rates and temporary reductions, dates resolved."""
    from workstation.rules.fees import _resolved

    table = schedule()
    bases, reductions = _resolved(table, policy or FeePolicy())

    def bound(d: date, edge: date) -> str | None:
        return None if d == edge else d.isoformat()

    return {
        "base": [{"case": b.case, "amount_vnd": b.amount, "from": bound(lo, date.min),
                  "to": bound(hi, date.max), "interim": b.interim, "source": b.source}
                 for lo, hi, b in sorted(bases, key=lambda x: (x[2].case, x[0]))],
        "reductions": [{"id": r.id, "percent": r.percent, "from": bound(lo, date.min),
                        "to": bound(hi, date.max), "channels": list(r.channels),
                        "source": r.source} for lo, hi, r in reductions],
    }
