"""Applications for a card, their state history, and the biometric captures attached to them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, UTCDateTime, utcnow

KINDS = ("first_issue", "renewal", "reissue")
STATES = (
    "draft",
    "verified",  # data checked against the law and the records
    "captured",  # biometrics captured, or none required
    "confirmed",  # CC01 printed and signed
    "submitted",
    "card_arrived",
    "handed_over",
    "rejected",
    "cancelled",
)
OPEN_STATES = ("draft", "verified", "captured", "confirmed", "submitted", "card_arrived")


class Application(Base):
    """An application (hồ sơ) for a thẻ căn cước, from draft to handover."""

    __tablename__ = "applications"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)  # station-date-sequence
    station_code: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(16), default="draft", index=True)
    kind: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(String(40))
    channel: Mapped[str] = mapped_column(String(16), default="counter")

    resident_id: Mapped[int | None] = mapped_column(ForeignKey("residents.id"), index=True)
    applicant_pid: Mapped[str] = mapped_column(String(12), index=True)
    # What the applicant declared at the counter (NFC text), as a snapshot: full_name,
    # date_of_birth, sex, ethnicity, religion, hometown, birth_registration_place, residence…
    applicant: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    representative_pid: Mapped[str | None] = mapped_column(String(12))
    representative_name: Mapped[str | None] = mapped_column(String(200))
    representative_relationship: Mapped[str | None] = mapped_column(String(32))
    representative_basis: Mapped[str | None] = mapped_column(Text)
    representative_verified_by: Mapped[str | None] = mapped_column(String(16))  # records|chip

    age_group: Mapped[str] = mapped_column(String(16))
    collect_face: Mapped[bool] = mapped_column(Boolean, default=False)
    collect_fingerprints: Mapped[bool] = mapped_column(Boolean, default=False)
    collect_iris: Mapped[bool] = mapped_column(Boolean, default=False)
    fee_vnd: Mapped[int] = mapped_column(Integer, default=0)
    fee_rule: Mapped[str | None] = mapped_column(Text)
    exemptions: Mapped[list[str]] = mapped_column(JSON, default=list)
    card_expiry: Mapped[date | None] = mapped_column(Date)
    received_on: Mapped[date] = mapped_column(Date)
    return_by: Mapped[date | None] = mapped_column(Date)
    findings: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)

    current_card_type: Mapped[str | None] = mapped_column(String(16))
    current_card_number: Mapped[str | None] = mapped_column(String(16))
    current_card_issued_on: Mapped[date | None] = mapped_column(Date)
    current_card_expires_on: Mapped[date | None] = mapped_column(Date)
    old_document_collected: Mapped[bool] = mapped_column(Boolean, default=False)

    phone: Mapped[str | None] = mapped_column(String(32))
    email: Mapped[str | None] = mapped_column(String(200))
    eid_level2: Mapped[bool] = mapped_column(Boolean, default=False)
    pickup: Mapped[str] = mapped_column(String(16), default="counter")  # counter | post
    postal_address: Mapped[str | None] = mapped_column(Text)

    receipt_serial: Mapped[str | None] = mapped_column(String(32), unique=True)
    fee_paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    new_card_number: Mapped[str | None] = mapped_column(String(16))
    handed_over_to: Mapped[str | None] = mapped_column(String(16))  # holder | representative
    handed_over_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    note: Mapped[str | None] = mapped_column(Text)
    # The reception form exactly as typed (NFC): a draft keeps even what is not valid yet.
    form: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, server_default="{}")
    # Document code (cc01, cc02, fee_receipt, handover) -> when it was last printed (ISO, UTC).
    printed: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, server_default="{}")
    signed_by: Mapped[str | None] = mapped_column(String(16))  # applicant | representative

    created_by: Mapped[str | None] = mapped_column(String(64))
    officer_name: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    events: Mapped[list[ApplicationEvent]] = relationship(
        back_populates="application", cascade="all, delete-orphan", order_by="ApplicationEvent.id"
    )
    biometrics: Mapped[list[BiometricRecord]] = relationship(
        back_populates="application", cascade="all, delete-orphan", order_by="BiometricRecord.id"
    )

    __mapper_args__ = {"version_id_col": version}


class ApplicationEvent(Base):
    """One transition of an application's state."""

    __tablename__ = "application_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    username: Mapped[str | None] = mapped_column(String(64))
    from_state: Mapped[str | None] = mapped_column(String(16))
    to_state: Mapped[str] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)

    application: Mapped[Application] = relationship(back_populates="events")


class BiometricRecord(Base):
    """A captured face, finger or iris image, or an exception in its place; encrypted at rest.

    ``ciphertext`` is AES-256-GCM of the image bytes with ``nonce``, the record id as
    associated data, and the data key named by ``key_id`` (see workstation.security).
    """

    __tablename__ = "biometric_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    modality: Mapped[str] = mapped_column(String(16))  # face | finger | iris | signature
    position: Mapped[str] = mapped_column(String(32))  # e.g. right_thumb, left_iris, face
    format: Mapped[str | None] = mapped_column(String(16))  # jpeg | wsq | png
    quality: Mapped[int | None] = mapped_column(Integer)
    exception_reason: Mapped[str | None] = mapped_column(String(32))
    exception_approved_by: Mapped[str | None] = mapped_column(String(64))
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    resolution_ppi: Mapped[int | None] = mapped_column(Integer)
    device_serial: Mapped[str | None] = mapped_column(String(64))
    key_id: Mapped[str | None] = mapped_column(String(32))
    nonce: Mapped[bytes | None] = mapped_column(LargeBinary)
    ciphertext: Mapped[bytes | None] = mapped_column(LargeBinary)
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    captured_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    application: Mapped[Application] = relationship(back_populates="biometrics")


class Counter(Base):
    """Per-station, per-day sequences (application numbers, receipt serials)."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str | None] = mapped_column(Text)
