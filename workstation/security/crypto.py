"""Encryption at rest of biometric images and signatures (AES-256-GCM).

Keys, from the outside in:

* the **station key** (``workstation.security.keys``): a 0600 file outside the database;
* **data keys**: random 256-bit AES keys stored in the ``data_keys`` table, each *wrapped*
  (AES-256-GCM) under a key derived from the station key. One data key is active for new blobs;
  older ones stay to open older blobs;
* each **blob**: AES-256-GCM under a data key with a fresh 96-bit random nonce and the
  record's identity as associated data, so a ciphertext copied onto another record fails.

API (services and the capture page use only this)::

    from workstation.security.crypto import BiometricVault, load_vault

    vault = load_vault(session, settings)   # or BiometricVault(session, station_key); makes
                                            # the station key + first data key on first use
    key_id, nonce, ciphertext = vault.seal(record.id, image_bytes)
    image_bytes = vault.open(record.id, key_id, nonce, ciphertext)

    vault.seal_record(record, image_bytes)   # BiometricRecord: flushes to get its id, fills
                                             # key_id / nonce / ciphertext
    vault.open_record(record)                # -> bytes; PermissionDenied is the caller's job

    read_biometric(session, actor, record, settings)   # -> bytes: checks biometrics.read and
                                                       # audits who looked at which image

``record_id`` is the ``biometric_records.id`` (int) — flush the new row before sealing.
Errors are loud and write nothing: a missing or unreadable key file raises
``StationKeyError("security.key_missing" | "security.key_unreadable" | …)``; a station key
that did not wrap the data key raises ``StationKeyError("security.key_wrong")``; a tag that does
not verify (wrong key, altered blob, blob of another record) raises
``CryptoError("security.decrypt_failed")``; opening a purged record raises
``CryptoError("security.biometric_purged")``.

Key management: ``ensure_data_key(session, station_key)`` (``workstation init`` calls it),
``rotate_data_key`` (new blobs use a new data key), ``rewrap_data_keys`` (``workstation keys
rotate``: a new station key re-wraps every data key; blobs are not touched).
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models.security import DataKey
from workstation.errors import UserFacingError
from workstation.security.keys import (
    StationKey,
    StationKeyError,
    create_station_key,
    key_path,
    load_station_key,
)

if TYPE_CHECKING:
    from models.applications import BiometricRecord
    from workstation.security import Actor
    from workstation.settings import Settings

NONCE_BYTES = 12
_WRAP_PURPOSE = "data-key-wrap"

__all__ = [
    "BiometricVault",
    "CryptoError",
    "ensure_data_key",
    "load_vault",
    "read_biometric",
    "rewrap_data_keys",
    "rotate_data_key",
]


class CryptoError(UserFacingError):
    """A blob could not be opened (wrong key, altered or foreign ciphertext, purged)."""


def _wrap_aad(key_id: str) -> bytes:
    return b"ccws data key\x00" + key_id.encode()


def _blob_aad(record_id: int | str) -> bytes:
    return b"biometric_records\x00" + str(record_id).encode()


def _wrap(station: StationKey, key_id: str, data_key: bytes) -> tuple[bytes, bytes]:
    nonce = os.urandom(NONCE_BYTES)
    wrapped = AESGCM(station.derive(_WRAP_PURPOSE)).encrypt(nonce, data_key, _wrap_aad(key_id))
    return nonce, wrapped


def _unwrap(station: StationKey, row: DataKey) -> bytes:
    if row.station_key_id != station.key_id:
        raise StationKeyError("security.key_wrong", key_id=station.key_id,
                              expected=row.station_key_id)
    try:
        return AESGCM(station.derive(_WRAP_PURPOSE)).decrypt(
            row.wrap_nonce, row.wrapped, _wrap_aad(row.key_id))
    except InvalidTag as exc:
        raise StationKeyError("security.key_wrong", key_id=station.key_id,
                              expected=row.station_key_id) from exc


def _new_key_id() -> str:
    return "dk-" + datetime.now(UTC).strftime("%Y%m%d") + "-" + secrets.token_hex(4)


def ensure_data_key(session: Session, station: StationKey) -> str:
    """The active data key's id, creating the first one if there is none.

    Refuses (``security.key_wrong``) when the existing keys were wrapped by another station
    key, so a fresh key file can never silently start a second, unreadable generation."""
    rows = session.execute(select(DataKey)).scalars().all()
    for row in rows:
        _unwrap(station, row)  # every key must open with this station key
    active = [r for r in rows if r.active]
    if active:
        return active[0].key_id
    return rotate_data_key(session, station)


def rotate_data_key(session: Session, station: StationKey) -> str:
    """Make a new active data key (older ones stay, for older blobs)."""
    key_id = _new_key_id()
    data_key = AESGCM.generate_key(bit_length=256)
    nonce, wrapped = _wrap(station, key_id, data_key)
    session.execute(update(DataKey).where(DataKey.active.is_(True)).values(active=False))
    session.add(DataKey(key_id=key_id, wrapped=wrapped, wrap_nonce=nonce,
                        station_key_id=station.key_id, active=True))
    session.flush()
    return key_id


def rewrap_data_keys(session: Session, old: StationKey, new: StationKey) -> int:
    """Re-wrap every data key from ``old`` to ``new`` (all or nothing); returns the count."""
    rows = session.execute(select(DataKey)).scalars().all()
    plain = [(row, _unwrap(old, row)) for row in rows]  # fails before anything changes
    now = datetime.now(UTC)
    for row, data_key in plain:
        row.wrap_nonce, row.wrapped = _wrap(new, row.key_id, data_key)
        row.station_key_id = new.key_id
        row.rewrapped_at = now
    session.flush()
    return len(plain)


@dataclass
class BiometricVault:
    """Seals and opens biometric blobs with the data keys of one database (see module doc)."""

    session: Session
    station: StationKey
    _keys: dict[str, bytes] = field(default_factory=dict, repr=False)
    _active: str | None = None

    def _data_key(self, key_id: str) -> bytes:
        key = self._keys.get(key_id)
        if key is None:
            row = self.session.get(DataKey, key_id)
            if row is None:
                raise CryptoError("security.data_key_unknown", key_id=key_id)
            key = self._keys[key_id] = _unwrap(self.station, row)
        return key

    def active_key_id(self) -> str:
        if self._active is None:
            key_id = self.session.execute(
                select(DataKey.key_id).where(DataKey.active.is_(True))
            ).scalar_one_or_none()
            if key_id is None:
                raise CryptoError("security.no_data_key")
            self._active = key_id
        return self._active

    def seal(self, record_id: int | str, plaintext: bytes) -> tuple[str, bytes, bytes]:
        """Encrypt ``plaintext`` for ``record_id``: (key_id, nonce, ciphertext)."""
        key_id = self.active_key_id()
        nonce = os.urandom(NONCE_BYTES)
        ciphertext = AESGCM(self._data_key(key_id)).encrypt(nonce, bytes(plaintext),
                                                            _blob_aad(record_id))
        return key_id, nonce, ciphertext

    def open(self, record_id: int | str, key_id: str, nonce: bytes, ciphertext: bytes) -> bytes:
        """Decrypt a blob sealed for ``record_id``; any mismatch is a loud ``CryptoError``."""
        key = self._data_key(key_id)
        try:
            return AESGCM(key).decrypt(nonce, ciphertext, _blob_aad(record_id))
        except InvalidTag as exc:
            raise CryptoError("security.decrypt_failed", record_id=record_id) from exc

    def seal_record(self, record: BiometricRecord, plaintext: bytes) -> None:
        """Fill ``record``'s key_id / nonce / ciphertext (flushing first to get its id)."""
        if getattr(record, "id", None) is None:  # a new row: its id is the associated data
            self.session.add(record)
            self.session.flush()
        record.key_id, record.nonce, record.ciphertext = self.seal(record.id, plaintext)

    def open_record(self, record: BiometricRecord) -> bytes:
        if record.ciphertext is None or record.nonce is None or record.key_id is None:
            raise CryptoError("security.biometric_purged", record_id=record.id)
        return self.open(record.id, record.key_id, record.nonce, record.ciphertext)


def load_vault(session: Session, settings: Settings | None = None) -> BiometricVault:
    """The vault for ``session`` with the configured station key.

    On a station's very first use (no key file and no data key in the database) the station
    key and the first data key are created, as ``workstation init`` does. Once any data key
    exists, a missing key file is a loud ``security.key_missing`` and nothing is created."""
    path = key_path(settings)
    if not path.exists():
        if session.scalar(select(DataKey.key_id).limit(1)) is not None:
            raise StationKeyError("security.key_missing", path=str(path))
        try:
            create_station_key(path)
        except StationKeyError as exc:  # another process made it a moment ago
            if exc.code != "security.key_exists":
                raise
    station = load_station_key(path)
    ensure_data_key(session, station)
    return BiometricVault(session, station)


def read_biometric(session: Session, actor: Actor, record: BiometricRecord,
                   settings: Settings | None = None, *, purpose: str = "view") -> bytes:
    """Open a stored image for someone allowed to see it (``biometrics.read``); the access is
    audited in the caller's transaction (who saw which record, why)."""
    from workstation.security import require
    from workstation.security.audit import record as audit

    require(actor, "biometrics.read")
    data = load_vault(session, settings).open_record(record)
    audit(session, actor, "biometrics.read", "biometric_record", str(record.id),
          {"application_id": record.application_id, "modality": record.modality,
           "position": record.position, "purpose": purpose})
    return data
