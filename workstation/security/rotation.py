"""Key rotation: a new station key re-wraps every data key; a new data key for new blobs.

Station key rotation, crash-safe in this order: check the audit log with the old key (a broken
log is never re-signed); write the new key to ``station.key.new``; re-wrap every data key in one
transaction (with its audit entry); move the old file to ``station.key.old`` and the new one in
place; re-sign the audit checkpoint with the new key. If the program stops between the commit
and the file swap, the next ``keys rotate`` sees that the database already uses the key in
``station.key.new`` and finishes the swap. Biometric blobs are not touched: they are encrypted
under the data keys, which do not change.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from models.security import DataKey
from workstation.errors import UserFacingError, ValidationFailed
from workstation.security import Actor, require
from workstation.security.audit import record as audit
from workstation.security.audit import seal, verify
from workstation.security.crypto import rewrap_data_keys, rotate_data_key
from workstation.security.keys import (
    StationKey,
    create_station_key,
    key_path,
    load_station_key,
)

if TYPE_CHECKING:
    from models.db import Database
    from workstation.settings import Settings


def _session(db: Database) -> Any:
    from contextlib import contextmanager

    from models.db import DatabaseError

    @contextmanager
    def wrapped() -> Any:
        try:
            with db.session() as session:
                yield session
        except DatabaseError as exc:
            raise UserFacingError(exc.code, detail=exc.detail) from exc

    return wrapped()


def _finish_swap(path: os.PathLike[str] | str, new: StationKey) -> StationKey:
    from pathlib import Path

    path = Path(path)
    old_path = path.with_name(path.name + ".old")
    if path.exists():
        os.replace(path, old_path)
    os.replace(new.path, path)
    return load_station_key(path)


def rotate_station_key(db: Database, actor: Actor, settings: Settings) -> dict[str, Any]:
    require(actor, "keys.manage")
    path = key_path(settings)
    pending_path = path.with_name(path.name + ".new")
    old = load_station_key(path)
    if pending_path.exists():
        pending = load_station_key(pending_path)
        with _session(db) as session:
            ids = set(session.scalars(select(DataKey.station_key_id)))
        if ids and ids == {pending.key_id}:  # an earlier rotation stopped before the swap
            new = _finish_swap(path, pending)
            with _session(db) as session:
                seal(session, path)
            return {"old_key_id": old.key_id, "new_key_id": new.key_id, "rewrapped": 0,
                    "old_key_file": str(path.with_name(path.name + ".old")), "resumed": True}
        pending_path.unlink()
    with _session(db) as session:
        result = verify(session, path)
    if not result.ok:
        raise ValidationFailed(result.problem or "audit.verify_altered", entry=result.entry,
                               **result.params)
    new_pending = create_station_key(pending_path)
    try:
        with _session(db) as session:
            session.info["security.key_file"] = path  # checkpoint: old key until the swap
            count = rewrap_data_keys(session, old, new_pending)
            audit(session, actor, "keys.rotate", "station_key", new_pending.key_id,
                  {"old_key_id": old.key_id, "new_key_id": new_pending.key_id,
                   "rewrapped": count})
    except BaseException:
        pending_path.unlink(missing_ok=True)  # nothing changed: no new key either
        raise
    new = _finish_swap(path, new_pending)
    with _session(db) as session:
        seal(session, path)
    return {"old_key_id": old.key_id, "new_key_id": new.key_id, "rewrapped": count,
            "old_key_file": str(path.with_name(path.name + ".old")), "resumed": False}


def rotate_data_key_cli(db: Database, actor: Actor, settings: Settings) -> str:
    require(actor, "keys.manage")
    station = load_station_key(key_path(settings))
    with _session(db) as session:
        for row in session.scalars(select(DataKey)):
            if row.station_key_id != station.key_id:
                from workstation.security.keys import StationKeyError

                raise StationKeyError("security.key_wrong", key_id=station.key_id,
                                      expected=row.station_key_id)
        key_id = rotate_data_key(session, station)
        audit(session, actor, "keys.rotate_data_key", "data_key", key_id)
    return key_id
