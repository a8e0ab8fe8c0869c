"""Population records: administrative units, households, residents, parents, documents held."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, UTCDateTime, utcnow

SEXES = ("male", "female")
DOB_PRECISIONS = ("day", "year")
DOCUMENT_TYPES = ("cmnd", "cccd", "can_cuoc")
PARENT_ROLES = ("father", "mother", "guardian")


class AdminUnit(Base):
    """An administrative unit: province, ward/commune (phường/xã) or hamlet (thôn/tổ dân phố)."""

    __tablename__ = "admin_units"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))  # province | ward | commune | hamlet
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("admin_units.id"), index=True)

    parent: Mapped[AdminUnit | None] = relationship(remote_side=[id])


class Household(Base):
    """A household (hộ) as numbered in the records."""

    __tablename__ = "households"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("admin_units.id"), index=True)
    hamlet_id: Mapped[int | None] = mapped_column(ForeignKey("admin_units.id"), index=True)


class Resident(Base):
    """A person in the station's population records, identified by the 12-digit PID."""

    __tablename__ = "residents"

    id: Mapped[int] = mapped_column(primary_key=True)
    pid: Mapped[str] = mapped_column(String(12), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    # Lower case, diacritics removed, đ -> d, single spaces: what name search matches.
    name_key: Mapped[str] = mapped_column(String(200))
    date_of_birth: Mapped[date] = mapped_column(Date)
    dob_precision: Mapped[str] = mapped_column(String(8), default="day")
    birth_year: Mapped[int] = mapped_column(Integer)
    sex: Mapped[str] = mapped_column(String(8))
    ethnicity: Mapped[str | None] = mapped_column(String(64))
    religion: Mapped[str | None] = mapped_column(String(64))
    hometown: Mapped[str | None] = mapped_column(Text)
    birth_registration_place: Mapped[str | None] = mapped_column(Text)
    residence: Mapped[str | None] = mapped_column(Text)
    # No index on unit_id or hamlet_id: nothing looks residents up by them (migration
    # 0004_records_place_indexes).
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("admin_units.id"))
    hamlet_id: Mapped[int | None] = mapped_column(ForeignKey("admin_units.id"))
    household_id: Mapped[int | None] = mapped_column(ForeignKey("households.id"), index=True)
    relation_to_head: Mapped[str | None] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(32))
    # Hash of the imported row: re-importing an unchanged row is a no-op.
    row_hash: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    unit: Mapped[AdminUnit | None] = relationship(foreign_keys=[unit_id])
    hamlet: Mapped[AdminUnit | None] = relationship(foreign_keys=[hamlet_id])
    household: Mapped[Household | None] = relationship()
    parents: Mapped[list[ParentLink]] = relationship(
        back_populates="child", cascade="all, delete-orphan", order_by="ParentLink.role"
    )
    documents: Mapped[list[IdentityDocument]] = relationship(
        back_populates="resident",
        cascade="all, delete-orphan",
        order_by="IdentityDocument.issued_on",
    )

    # Name search goes through resident_name_tokens; nothing looks residents up by the whole
    # folded name (its index was dropped by migration 0005_records_name_key_index).


class ResidentNameToken(Base):
    """One folded word of a resident's name: name search finds words in any order through it.

    ``birth_year`` is copied from the resident so that "two words + year" is one index range.
    """

    __tablename__ = "resident_name_tokens"

    resident_id: Mapped[int] = mapped_column(
        ForeignKey("residents.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    token: Mapped[str] = mapped_column(String(64))
    birth_year: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        Index("ix_resident_name_tokens_token", "token", "birth_year", "resident_id"),
        {"sqlite_with_rowid": False},
    )


class ParentLink(Base):
    """A child's link to a father, mother or guardian by the parent's PID (may live elsewhere)."""

    __tablename__ = "parent_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Looked up through UNIQUE(child_id, role) below (migration 0003_records_indexes).
    child_id: Mapped[int] = mapped_column(ForeignKey("residents.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(16))  # father | mother | guardian
    parent_pid: Mapped[str | None] = mapped_column(String(12), index=True)
    parent_name: Mapped[str | None] = mapped_column(String(200))

    child: Mapped[Resident] = relationship(back_populates="parents")

    __table_args__ = (UniqueConstraint("child_id", "role"),)


class IdentityDocument(Base):
    """An identity document held: CMND, CCCD or thẻ căn cước."""

    __tablename__ = "identity_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Looked up through UNIQUE(resident_id, type, number) below.
    resident_id: Mapped[int] = mapped_column(ForeignKey("residents.id", ondelete="CASCADE"))
    type: Mapped[str] = mapped_column(String(16))  # cmnd | cccd | can_cuoc
    number: Mapped[str] = mapped_column(String(16), index=True)  # found by its number
    issued_on: Mapped[date | None] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date)  # None: no expiry

    resident: Mapped[Resident] = relationship(back_populates="documents")

    __table_args__ = (UniqueConstraint("resident_id", "type", "number"),)


class ResidentChange(Base):
    """One field of a resident changed by an import (or an officer): the change history."""

    __tablename__ = "resident_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(
        ForeignKey("residents.id", ondelete="CASCADE"), index=True
    )
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    source: Mapped[str] = mapped_column(String(300))
    field: Mapped[str] = mapped_column(String(64))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
