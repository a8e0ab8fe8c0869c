"""The station's own rule data: changes to the working-day calendar (a local day off, a working
Saturday) and fee rates entered at the station (a new circular before the program ships it)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime, utcnow


class CalendarOverride(Base):
    """One day the station declares working (``working`` True) or not, over the shipped data."""

    __tablename__ = "calendar_overrides"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    working: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class StationFeeRate(Base):
    """A base rate (lệ phí, integer đồng per card) the station entered for one fee case, in
    force from ``valid_from`` to ``valid_to`` (inclusive; open-ended when None). In force on a
    day it wins over the shipped table (``resources/fees.toml``) for new applications."""

    __tablename__ = "station_fee_rates"

    id: Mapped[int] = mapped_column(primary_key=True)
    fee_case: Mapped[str] = mapped_column(String(32), index=True)
    amount: Mapped[int] = mapped_column(Integer)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
