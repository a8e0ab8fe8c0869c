"""The append-only, hash-chained audit log (nhật ký kiểm tra) and its signed checkpoint.

``record(session, actor, action, object_type, object_id=None, details=None)`` appends one entry
in the caller's transaction: it is committed or rolled back together with the change it
describes. Each entry carries time, user, station, action, object and details, and
``hash = SHA-256(canonical(entry) + prev_hash)``; entry ids run 1, 2, 3 … without gaps.

PIDs (12-digit numbers) anywhere in ``object_id`` or ``details`` are masked to their last four
digits; bytes, arrays and long strings are dropped, so no biometric can reach the log.

Appends are serialised: on PostgreSQL the single ``audit_head`` row is locked with ``SELECT …
FOR UPDATE``; SQLite writers are serialised by the database itself, and the entry id is the
primary key, so two writers can never fork the chain.

After each commit that appended entries, the newest (id, hash) is written to a checkpoint file
beside the station key, signed with HMAC-SHA256 under a key derived from the station key. An
attacker who edits the table can recompute the plain hashes but not the signature, so
``verify`` also catches a rewritten or cut tail.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import json
import logging
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import event, insert, select, update
from sqlalchemy.orm import Session

from models.security import AuditEntry, AuditHead
from workstation.security import Actor

log = logging.getLogger(__name__)

GENESIS = "0" * 64
_PID_RE = re.compile(r"(?<!\d)\d{12}(?!\d)")
_OLD_ID_RE = re.compile(r"(?<!\d)\d{9}(?!\d)")
_OLD_ID_KEYS = ("cmnd", "card_number", "document_number", "id_number")
MAX_TEXT = 1000
_PENDING = "workstation.security.audit.pending"
_CHAIN = "workstation.security.audit.chain"

__all__ = ["mask_pid", "mask_text", "record", "verify", "export_csv", "VerifyResult"]


# --------------------------------------------------------------------------- masking


def mask_pid(pid: str) -> str:
    """``019206001234`` → ``********1234``."""
    return "*" * (len(pid) - 4) + pid[-4:] if len(pid) > 4 else pid


def mask_text(text: str) -> str:
    """Mask every 12-digit number (a personal ID) in ``text`` to its last four digits."""
    return _PID_RE.sub(lambda m: mask_pid(m.group(0)), text)


def _clean(value: Any, key: str = "") -> Any:
    if value is None or isinstance(value, bool | int | float):
        if isinstance(value, int) and not isinstance(value, bool) and len(str(abs(value))) == 12:
            return mask_pid(str(value))
        return value
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            return "[removed: long value]"
        text = mask_text(value)
        if any(k in key.lower() for k in _OLD_ID_KEYS):
            text = _OLD_ID_RE.sub(lambda m: mask_pid(m.group(0)), text)
        return text
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _clean(v, str(k)) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [_clean(v, key) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    # bytes, numpy arrays, images, anything else: never into the log
    return f"[removed: {type(value).__name__}]"


def clean_details(details: Mapping[str, Any] | None) -> str:
    """Canonical JSON of the masked details (what is stored and hashed)."""
    cleaned = _clean(dict(details or {}))
    return json.dumps(cleaned, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# --------------------------------------------------------------------------- the chain


def entry_hash(
    id_: int, at: str, username: str, station: str, action: str, object_type: str,
    object_id: str | None, details: str, prev_hash: str,
) -> str:
    """SHA-256 of the canonical form of one entry chained to ``prev_hash``."""
    canonical = json.dumps(
        [id_, at, username, station, action, object_type, object_id, details, prev_hash],
        ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _chain_id(session: Session) -> str:
    cached = session.info.get(_CHAIN)
    if cached is not None:
        return str(cached)
    # A no-op UPDATE of the single head row: takes the write lock first (SQLite) or locks the
    # row (PostgreSQL, like SELECT … FOR UPDATE), so appenders queue up instead of forking.
    stmt = (update(AuditHead).where(AuditHead.id == 1)
            .values(chain_id=AuditHead.chain_id).returning(AuditHead.chain_id))
    chain_id = session.execute(stmt).scalar_one_or_none()
    if chain_id is None:
        from workstation.errors import UserFacingError

        raise UserFacingError("audit.head_missing")
    session.info[_CHAIN] = chain_id
    return str(chain_id)


def record(
    session: Session,
    actor: Actor,
    action: str,
    object_type: str,
    object_id: str | None = None,
    details: Mapping[str, Any] | None = None,
) -> None:
    """Append one audit entry in the caller's transaction (see the module docstring)."""
    chain_id = _chain_id(session)
    last = session.execute(
        select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    seq, prev = (1, GENESIS) if last is None else (int(last[0]) + 1, str(last[1]))
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    username = actor.username
    station = actor.station or ""
    oid = mask_text(str(object_id)) if object_id is not None else None
    text = clean_details(details)
    digest = entry_hash(seq, at, username, station, action, object_type, oid, text, prev)
    session.execute(
        insert(AuditEntry).values(
            id=seq, at=at, username=username, station=station, action=action,
            object_type=object_type, object_id=oid, details=text, prev_hash=prev, hash=digest,
        )
    )
    session.info[_PENDING] = (chain_id, seq, digest)


# --------------------------------------------------------------------------- checkpoint


@dataclass(frozen=True)
class Checkpoint:
    chain_id: str
    seq: int
    hash: str
    station_key_id: str
    mac: str


def checkpoint_path(key_file: Path, chain_id: str) -> Path:
    return key_file.parent / f"audit-checkpoint-{chain_id}.json"


def _mac(mac_key: bytes, chain_id: str, seq: int, digest: str) -> str:
    msg = f"ccws-audit-checkpoint\x00{chain_id}\x00{seq}\x00{digest}".encode()
    return hmac.new(mac_key, msg, hashlib.sha256).hexdigest()


def read_checkpoint(path: Path) -> Checkpoint | None:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return Checkpoint(str(raw["chain_id"]), int(raw["seq"]), str(raw["hash"]),
                          str(raw["station_key_id"]), str(raw["mac"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return Checkpoint("", -1, "", "", "")  # present but unreadable: fails verification


def write_checkpoint(key_file: Path, chain_id: str, seq: int, digest: str,
                     *, force: bool = False) -> bool:
    """Sign and store (seq, hash) unless a newer checkpoint is already there."""
    from workstation.security.keys import load_station_key

    key = load_station_key(key_file)
    path = checkpoint_path(key_file, chain_id)
    with _file_lock(path.with_name(path.name + ".lock")):
        current = read_checkpoint(path)
        if current is not None and current.seq >= seq and not force:
            return False
        mac = _mac(key.derive("audit-checkpoint"), chain_id, seq, digest)
        doc = {"chain_id": chain_id, "seq": seq, "hash": digest,
               "station_key_id": key.key_id, "mac": mac,
               "written_at": datetime.now(UTC).isoformat(timespec="seconds")}
        tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(doc), encoding="utf-8")
        os.replace(tmp, path)
    return True


class _file_lock:  # noqa: N801 - used as a context manager
    """An exclusive advisory lock on a small file (fcntl on POSIX, msvcrt on Windows)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fh: IO[bytes] | None = None

    def __enter__(self) -> None:
        self.fh = open(self.path, "a+b")  # noqa: SIM115 - closed in __exit__
        if os.name == "nt":  # pragma: no cover - Windows
            import msvcrt

            msvcrt.locking(self.fh.fileno(), msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]
        else:
            import fcntl

            fcntl.flock(self.fh.fileno(), fcntl.LOCK_EX)

    def __exit__(self, *_exc: object) -> None:
        assert self.fh is not None
        try:
            if os.name == "nt":  # pragma: no cover - Windows
                import msvcrt

                self.fh.seek(0)
                msvcrt.locking(self.fh.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
            else:
                import fcntl

                fcntl.flock(self.fh.fileno(), fcntl.LOCK_UN)
        finally:
            self.fh.close()


_key_file_cache: dict[tuple[str | None, ...], Path] = {}


def _current_key_file() -> Path:
    """The station key file as configured now (cached per configuration source)."""
    from workstation.security.keys import key_path
    from workstation.settings import config_file

    marker = (os.environ.get("WORKSTATION_CONFIG"), os.environ.get("XDG_CONFIG_HOME"),
              os.environ.get("WORKSTATION_SECURITY_KEY_FILE"), os.environ.get("APPDATA"))
    path = _key_file_cache.get(marker)
    if path is None:
        cfg = config_file()
        stamp = str(cfg.stat().st_mtime_ns) if cfg.exists() else None
        path = _key_file_cache.get((*marker, stamp))
        if path is None:
            path = key_path()
            _key_file_cache[(*marker, stamp)] = path
    return path


def _after_commit(session: Session) -> None:
    session.info.pop(_CHAIN, None)
    pending = session.info.pop(_PENDING, None)
    if pending is None:
        return
    chain_id, seq, digest = pending
    key_file = session.info.get("security.key_file") or _current_key_file()
    if not Path(key_file).exists():
        log.debug("no station key yet: audit checkpoint not written")
        return
    try:
        write_checkpoint(Path(key_file), chain_id, seq, digest)
    except Exception:  # noqa: BLE001 - the commit has happened; verify will report the gap
        log.warning("audit checkpoint could not be written", exc_info=True)


def _after_rollback(session: Session) -> None:
    session.info.pop(_CHAIN, None)
    session.info.pop(_PENDING, None)


event.listen(Session, "after_commit", _after_commit)
event.listen(Session, "after_soft_rollback", lambda s, _t: _after_rollback(s))
event.listen(Session, "after_rollback", _after_rollback)


# --------------------------------------------------------------------------- verification

_COLUMNS = (AuditEntry.id, AuditEntry.at, AuditEntry.username, AuditEntry.station,
            AuditEntry.action, AuditEntry.object_type, AuditEntry.object_id,
            AuditEntry.details, AuditEntry.prev_hash, AuditEntry.hash)


@dataclass
class VerifyResult:
    """What ``verify`` found. ``problem`` is a message code; ``entry`` the first bad entry id."""

    ok: bool
    entries: int
    problem: str | None = None
    entry: int | None = None
    checkpoint_seq: int | None = None
    last_hash: str | None = None
    params: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "entries": self.entries, "problem": self.problem,
                "entry": self.entry, "checkpoint_seq": self.checkpoint_seq,
                "last_hash": self.last_hash}


def iter_rows(session: Session, batch: int = 5000) -> Iterator[tuple[Any, ...]]:
    """Every entry in chain order as plain tuples (fast: no ORM objects)."""
    result = session.execute(select(*_COLUMNS).order_by(AuditEntry.id)).yield_per(batch)
    for row in result:
        yield tuple(row)


def check_chain(rows: Iterable[tuple[Any, ...]]) -> VerifyResult:
    """Walk the chain; the first edited, missing, inserted or reordered entry is named."""
    sha = hashlib.sha256
    dumps = json.dumps
    prev = GENESIS
    expected = 1
    count = 0
    for row in rows:
        id_, at, user, station, action, otype, oid, details, prev_hash, digest = row
        count += 1
        if id_ != expected:
            if id_ > expected:
                return VerifyResult(False, count, "audit.verify_missing", expected,
                                    params={"first": expected, "last": id_ - 1})
            return VerifyResult(False, count, "audit.verify_inserted", id_)
        canonical = dumps([id_, at, user, station, action, otype, oid, details, prev_hash],
                          ensure_ascii=False, separators=(",", ":"))
        if sha(canonical.encode("utf-8")).hexdigest() != digest:
            return VerifyResult(False, count, "audit.verify_altered", id_)
        if prev_hash != prev:
            return VerifyResult(False, count, "audit.verify_link", id_)
        prev = digest
        expected += 1
    return VerifyResult(True, count, last_hash=prev if count else None)


def verify(session: Session, key_file: Path | None, *, strict_tail: bool = True) -> VerifyResult:
    """Check the chain, then the signed checkpoint (a cut or rewritten tail).

    ``key_file`` None means "the configured one". ``strict_tail``: entries after the signed
    checkpoint are an error (one station writes to SQLite); with a shared PostgreSQL other
    counters append too, and entries after this station's checkpoint are only counted.
    """
    chain_id = session.execute(
        select(AuditHead.chain_id).where(AuditHead.id == 1)
    ).scalar_one_or_none()
    result = check_chain(iter_rows(session))
    if not result.ok:
        return result
    if chain_id is None:
        if result.entries:
            return VerifyResult(False, result.entries, "audit.head_missing", None)
        return result
    if key_file is None:
        key_file = _current_key_file()
    cp_path = checkpoint_path(key_file, chain_id)
    checkpoint = read_checkpoint(cp_path)
    if checkpoint is None:
        if result.entries == 0:
            return result
        if not key_file.exists():
            return VerifyResult(False, result.entries, "security.key_missing", None,
                                params={"path": str(key_file)})
        return VerifyResult(False, result.entries, "audit.verify_no_checkpoint", 1,
                            params={"path": str(cp_path)})
    from workstation.security.keys import load_station_key

    key = load_station_key(key_file)
    good_mac = _mac(key.derive("audit-checkpoint"), chain_id, checkpoint.seq, checkpoint.hash)
    if checkpoint.chain_id != chain_id or not hmac.compare_digest(good_mac, checkpoint.mac):
        return VerifyResult(False, result.entries, "audit.verify_checkpoint_forged", None,
                            params={"path": str(cp_path)})
    result.checkpoint_seq = checkpoint.seq
    if checkpoint.seq > result.entries:
        return VerifyResult(False, result.entries, "audit.verify_tail_cut",
                            result.entries + 1, checkpoint.seq,
                            params={"first": result.entries + 1, "last": checkpoint.seq})
    if checkpoint.seq > 0:
        at_cp = session.execute(
            select(AuditEntry.hash).where(AuditEntry.id == checkpoint.seq)
        ).scalar_one()
        if at_cp != checkpoint.hash:
            return VerifyResult(False, result.entries, "audit.verify_rewritten",
                                checkpoint.seq, checkpoint.seq)
    if strict_tail and checkpoint.seq < result.entries:
        return VerifyResult(False, result.entries, "audit.verify_unsigned_tail",
                            checkpoint.seq + 1, checkpoint.seq,
                            params={"first": checkpoint.seq + 1, "last": result.entries})
    return result


def seal(session: Session, key_file: Path) -> tuple[int, str] | None:
    """Sign the current head as the checkpoint (used by ``init`` after checking the chain)."""
    chain_id = session.execute(
        select(AuditHead.chain_id).where(AuditHead.id == 1)
    ).scalar_one_or_none()
    last = session.execute(
        select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    if chain_id is None or last is None:
        return None
    write_checkpoint(key_file, chain_id, int(last[0]), str(last[1]), force=True)
    return int(last[0]), str(last[1])


# --------------------------------------------------------------------------- export

EXPORT_HEADER = ("id", "at", "username", "station", "action", "object_type", "object_id",
                 "details", "prev_hash", "hash")


def export_csv(session: Session, out: IO[str]) -> int:
    """Write every entry as CSV (UTF-8, header row) for inspectors; returns the row count."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EXPORT_HEADER)
    n = 0
    for row in iter_rows(session):
        writer.writerow(["" if v is None else v for v in row])
        n += 1
    return n
