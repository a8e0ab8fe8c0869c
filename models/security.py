"""Staff accounts, the hash-chained audit log and the wrapped data keys (workstation.security)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime, utcnow


class User(Base):
    """An officer's account (tài khoản cán bộ); the password is an argon2id hash only."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    roles: Mapped[list[str]] = mapped_column(JSON, default=list)
    password_hash: Mapped[str] = mapped_column(String(200))
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=True)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    password_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(64))


class AuditEntry(Base):
    """One entry of the append-only audit log (nhật ký).

    ``id`` is the position in the chain (1, 2, 3 … with no gaps). ``hash`` is SHA-256 over the
    canonical form of the entry and ``prev_hash``; ``details`` is canonical JSON text (PIDs
    masked, never biometrics). ``at`` is ISO-8601 UTC text so that it hashes the same
    everywhere. No secondary index: a station writes some hundred thousand entries a year,
    which a filter scans in milliseconds, and every index costs each append a page write.
    """

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))
    username: Mapped[str] = mapped_column(String(64))
    station: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(64))
    object_type: Mapped[str] = mapped_column(String(64))
    object_id: Mapped[str | None] = mapped_column(String(128))
    details: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """The single chain-head row: names the chain (for its checkpoint file) and is the lock
    writers take (``SELECT … FOR UPDATE`` on PostgreSQL) so appends are serialised."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    chain_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class DataKey(Base):
    """A data key for biometric blobs, wrapped (AES-256-GCM) by the station key.

    ``station_key_id`` is a fingerprint of the station key that wraps it, so a wrong key is
    recognised before anything is decrypted. Exactly one key is ``active`` for new blobs.
    """

    __tablename__ = "data_keys"

    key_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    wrapped: Mapped[bytes] = mapped_column(LargeBinary)
    wrap_nonce: Mapped[bytes] = mapped_column(LargeBinary)
    station_key_id: Mapped[str] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    rewrapped_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class UserCard(Base):
    """An officer's own chip card (their căn cước) registered to approve with it.

    The BAC key inputs (``document_number`` = last 9 digits of the PID, ``date_of_birth``,
    ``expiry``; ``None``: a card without expiry) open the chip; ``pid`` is the PID read from
    DG1 at registration, compared at every approval. One card per account: registering again
    replaces it. ``dg1_sha256`` is the hash of DG1 the registration read (for the record);
    ``signer_sha256`` the fingerprint of the chip's Document Signer certificate, required again
    at every approval (without a CSCA trust list, a chip signed by a made-up signer would
    otherwise pass passive authentication).
    """

    __tablename__ = "user_cards"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         unique=True)
    pid: Mapped[str] = mapped_column(String(12))
    document_number: Mapped[str] = mapped_column(String(9))
    date_of_birth: Mapped[date] = mapped_column(Date)
    expiry: Mapped[date | None] = mapped_column(Date)
    dg1_sha256: Mapped[str] = mapped_column(String(64), default="")
    signer_sha256: Mapped[str] = mapped_column(String(64), default="")
    pa_status: Mapped[str] = mapped_column(String(40), default="")
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    registered_by: Mapped[str | None] = mapped_column(String(64))
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
