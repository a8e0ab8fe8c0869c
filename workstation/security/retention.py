"""Retention (thời hạn lưu giữ): biometric blobs are deleted N days after the card's handover.

``security.biometric_retention_days`` after ``handed_over_at``, every biometric record of an
application in state ``handed_over`` loses its ciphertext and nonce and gets ``purged_at``;
the row itself (modality, quality, exception reason) stays for the statistics. Each purged
application gets one audit entry in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.applications import Application, BiometricRecord
from workstation.security import Actor, require
from workstation.security.audit import record as audit

if TYPE_CHECKING:
    from workstation.settings import Settings


@dataclass
class PurgeReport:
    cutoff: datetime
    days: int
    applications: list[str] = field(default_factory=list)
    records: int = 0

    def as_dict(self) -> dict[str, object]:
        return {"cutoff": self.cutoff.isoformat(), "days": self.days,
                "applications": len(self.applications), "records": self.records,
                "numbers": list(self.applications)}


def purge_biometrics(
    session: Session,
    actor: Actor,
    *,
    settings: Settings,
    now: datetime | None = None,
    dry_run: bool = False,
) -> PurgeReport:
    """Delete the biometric blobs of applications handed over more than N days ago."""
    require(actor, "biometrics.purge")
    now = now or datetime.now(UTC)
    days = int(settings["security.biometric_retention_days"])
    report = PurgeReport(now - timedelta(days=days), days)
    rows = session.execute(
        select(Application, BiometricRecord)
        .join(BiometricRecord, BiometricRecord.application_id == Application.id)
        .where(Application.state == "handed_over",
               Application.handed_over_at.is_not(None),
               Application.handed_over_at < report.cutoff,
               BiometricRecord.purged_at.is_(None))
        .order_by(Application.id, BiometricRecord.id)
    ).all()
    by_app: dict[int, tuple[Application, list[BiometricRecord]]] = {}
    for app, bio in rows:
        by_app.setdefault(app.id, (app, []))[1].append(bio)
    for app, bios in by_app.values():
        report.applications.append(app.number)
        report.records += len(bios)
        if dry_run:
            continue
        for bio in bios:
            bio.ciphertext = None
            bio.nonce = None
            bio.purged_at = now
        audit(session, actor, "biometrics.purge", "application", app.number,
              {"records": len(bios), "handed_over_at": app.handed_over_at,
               "retention_days": days})
    session.flush()
    return report
