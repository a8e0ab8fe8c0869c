"""The station's own calendar days (ngày nghỉ / ngày làm bù) edited from the app, audited.

A day the station declares closed (a local holiday) or open (a make-up Saturday) over the
shipped public-holiday data; the return date (ngày hẹn trả) of new applications follows it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from models.db import Database
from models.rules import CalendarOverride
from workstation.enrollment import seams
from workstation.enrollment.forms import nfc
from workstation.errors import ValidationFailed
from workstation.security import Actor, require


def list_overrides(db: Database) -> list[dict[str, Any]]:
    with db.session() as s:
        return [{"day": o.day, "working": o.working, "note": o.note or "",
                 "created_by": o.created_by}
                for o in s.scalars(select(CalendarOverride).order_by(CalendarOverride.day))]


def set_override(db: Database, actor: Actor, day: date, working: bool, note: str) -> None:
    """Declare ``day`` a working day or a day off (replaces an earlier choice)."""
    require(actor, "calendar.edit")
    note = nfc(note)[:300]
    if not note:
        raise ValidationFailed("enrollment.reason_required")
    with db.write_session() as s:
        row = s.scalar(select(CalendarOverride).where(CalendarOverride.day == day))
        if row is None:
            row = CalendarOverride(day=day, working=working, note=note,
                                   created_by=actor.username)
            s.add(row)
        else:
            row.working, row.note, row.created_by = working, note, actor.username
        seams.audit(s, actor, "calendar.edit", "calendar", day.isoformat(),
                    {"working": working, "note": note})


def remove_override(db: Database, actor: Actor, day: date) -> None:
    require(actor, "calendar.edit")
    with db.write_session() as s:
        row = s.scalar(select(CalendarOverride).where(CalendarOverride.day == day))
        if row is not None:
            s.delete(row)
            seams.audit(s, actor, "calendar.remove", "calendar", day.isoformat(), {})
