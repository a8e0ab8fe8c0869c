"""The append-only, hash-chained audit log (nhật ký kiểm tra) and its signed checkpoint.

``record(session, actor, action, object_type, object_id=None, details=None)`` appends one entry
in the caller's transaction: it is committed or rolled back together with the change it
describes. Each entry carries time, user, station, action, object and details, and
``hash = SHA-256(canonical form of the entry and prev_hash)`` (see ``entry_hash``); entry ids
run 1, 2, 3 … without gaps.

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
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Table, event, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from models.security import AuditEntry, AuditHead
from workstation.security import Actor
from workstation.security.keys import StationKeyError

log = logging.getLogger(__name__)

GENESIS = "0" * 64
_PID_RE = re.compile(r"(?<!\d)\d{12}(?!\d)")
_OLD_ID_RE = re.compile(r"(?<!\d)\d{9}(?!\d)")
_OLD_ID_KEYS = ("cmnd", "card_number", "document_number", "id_number")
MAX_TEXT = 1000
_PENDING = "workstation.security.audit.pending"
_CHAIN = "workstation.security.audit.chain"

__all__ = ["VerifyResult", "export_csv", "list_entries", "mask_pid", "mask_text", "record",
           "verify"]


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


_DETAILS = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def clean_details(details: Mapping[str, Any] | None) -> str:
    """Canonical JSON of the masked details (what is stored and hashed)."""
    return _DETAILS.encode(_clean(dict(details or {})))


# --------------------------------------------------------------------------- the chain


# The canonical form hashed for an entry: its fields joined by the unit separator U+001F —
# id, at, username, station, action, object_type, object_id (U+0000 when there is none),
# details, prev_hash — in UTF-8. No stored field can contain a control character (record()
# replaces them; details is JSON, which escapes them), so the form is unambiguous. It costs a
# third of a JSON encoding, which matters when 200,000 entries are verified.
_NONE = "\x00"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def entry_hash(
    id_: int, at: str, username: str, station: str, action: str, object_type: str,
    object_id: str | None, details: str, prev_hash: str,
) -> str:
    """SHA-256 (hex) of the canonical form of one entry chained to ``prev_hash``."""
    oid = _NONE if object_id is None else object_id
    canonical = (f"{id_}\x1f{at}\x1f{username}\x1f{station}\x1f{action}\x1f{object_type}"
                 f"\x1f{oid}\x1f{details}\x1f{prev_hash}")
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _field(text: str) -> str:
    return _CONTROL.sub(" ", text)


_AUDIT: Table = AuditEntry.__table__  # type: ignore[assignment]
_HEAD: Table = AuditHead.__table__  # type: ignore[assignment]
# Statements built once: building SQLAlchemy constructs per call costs more than running them.
_LAST = select(_AUDIT.c.id, _AUDIT.c.hash).order_by(_AUDIT.c.id.desc()).limit(1)
# One statement gives the chain's name and its current head. On PostgreSQL the head row is
# locked (SELECT … FOR UPDATE) so appenders from several counters queue up; SQLite serialises
# writers itself. Either way the entry id is the primary key: a fork is impossible.


_SQL_HEAD = ("SELECT chain_id, (SELECT id FROM audit_log ORDER BY id DESC LIMIT 1), "
             "(SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) FROM audit_head WHERE id = 1")
_SQL_LOCK_HEAD = "SELECT chain_id FROM audit_head WHERE id = 1 FOR UPDATE"
_SQL_INSERT = ("INSERT INTO audit_log (id, at, username, station, action, object_type, object_id,"
               " details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def record(
    session: Session,
    actor: Actor,
    action: str,
    object_type: str,
    object_id: str | None = None,
    details: Mapping[str, Any] | None = None,
) -> None:
    """Append one audit entry in the caller's transaction (see the module docstring).

    The append runs on the driver's cursor of the session's own connection, so in its
    transaction (SQLAlchemy's statement machinery would cost more than the append itself);
    driver errors are re-raised as SQLAlchemy's, which ``Database.session`` classifies."""
    conn = session.connection()
    dialect = conn.dialect
    oid = _field(mask_text(str(object_id))) if object_id is not None else None
    text = clean_details(details)
    username = _field(actor.username)
    station = _field(actor.station or "")
    action = _field(action)
    object_type = _field(object_type)
    cursor = conn.connection.cursor()
    statement = _SQL_HEAD
    try:
        if dialect.name != "sqlite":
            # PostgreSQL: lock the head row until the transaction ends, THEN read the last
            # entry in a new statement: in READ COMMITTED each statement sees what committed
            # before it started, so a writer that waited for the lock sees its predecessor.
            statement = _SQL_LOCK_HEAD
            cursor.execute(statement)
            statement = _SQL_HEAD
        cursor.execute(statement)
        row = cursor.fetchone()
        if row is None:
            from workstation.errors import UserFacingError

            raise UserFacingError("audit.head_missing")
        chain_id, seq, prev = str(row[0]), int(row[1] or 0) + 1, str(row[2] or GENESIS)
        at = datetime.now(UTC).isoformat(timespec="microseconds")
        digest = entry_hash(seq, at, username, station, action, object_type, oid, text, prev)
        statement = (_SQL_INSERT if dialect.paramstyle == "qmark"
                     else _SQL_INSERT.replace("?", "%s"))
        cursor.execute(statement, (seq, at, username, station, action, object_type, oid, text,
                                   prev, digest))
    except dialect.loaded_dbapi.Error as exc:
        raise DBAPIError.instance(statement, None, exc, dialect.loaded_dbapi.Error,
                                  dialect=dialect) from exc
    finally:
        cursor.close()
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


_paths: dict[tuple[Path, str], str] = {}


def _checkpoint_path_text(key_file: Path, chain_id: str) -> str:
    text = _paths.get((key_file, chain_id))
    if text is None:
        if len(_paths) > 64:
            _paths.clear()
        text = _paths[(key_file, chain_id)] = str(checkpoint_path(key_file, chain_id))
    return text


def _mac(mac_key: bytes, chain_id: str, seq: int, digest: str) -> str:
    msg = f"ccws-audit-checkpoint\x00{chain_id}\x00{seq}\x00{digest}".encode()
    return hmac.new(mac_key, msg, hashlib.sha256).hexdigest()


SLOT = 512  # bytes per slot; the file holds two slots, written alternately
_SEQ_WIDTH = 20  # each slot starts with its sequence number, so writers compare cheaply


def _parse_slot(raw: bytes) -> Checkpoint | None:
    text = raw[_SEQ_WIDTH + 1:].rstrip(b"\x00 \n").decode("utf-8", "replace")
    if not text:
        return None
    try:
        doc = json.loads(text)
        cp = Checkpoint(str(doc["chain_id"]), int(doc["seq"]), str(doc["hash"]),
                        str(doc["station_key_id"]), str(doc["mac"]))
    except (ValueError, KeyError, TypeError):
        return None
    return cp if _slot_seq(raw) == cp.seq else None


def _slots(data: bytes) -> list[Checkpoint]:
    return [c for c in (_parse_slot(data[:SLOT]), _parse_slot(data[SLOT:2 * SLOT])) if c]


def _slot_seq(raw: bytes) -> int:
    try:
        return int(raw[:_SEQ_WIDTH])
    except ValueError:
        return -1


def read_checkpoint(path: Path, mac_key: bytes | None = None) -> Checkpoint | None:
    """The newest checkpoint in the file (with ``mac_key``: the newest correctly signed one).

    None when the file does not exist; an unusable file gives a checkpoint that fails."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError:
        return Checkpoint("", -1, "", "", "")
    slots = _slots(data)
    if mac_key is not None:
        slots = [c for c in slots
                 if hmac.compare_digest(_mac(mac_key, c.chain_id, c.seq, c.hash), c.mac)]
    if not slots:
        return Checkpoint("", -1, "", "", "")
    return max(slots, key=lambda c: c.seq)


_open_files: dict[str, int] = {}
_thread_lock = threading.Lock()


def _checkpoint_fd(path: str) -> int:
    fd = _open_files.get(path)
    if fd is not None and os.fstat(fd).st_nlink == 0:  # the file was deleted or replaced
        os.close(fd)
        fd = None
    if fd is None:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
        _open_files[path] = fd
        while len(_open_files) > 8:  # one chain per database: a few at most; never leak fds
            os.close(_open_files.pop(next(iter(_open_files))))
    return fd


def write_checkpoint(key_file: Path, chain_id: str, seq: int, digest: str,
                     *, force: bool = False) -> bool:
    """Sign and store (seq, hash) unless a newer checkpoint is already there.

    The file has two fixed-size slots; the older one is overwritten in place (one ``pwrite``)
    under an exclusive lock: a torn write can only spoil one slot, the other stays valid."""
    from workstation.security.keys import load_station_key

    key = load_station_key(key_file)
    # flock excludes other processes; threads of this process share the descriptor, so they
    # also take a plain lock.
    with _thread_lock:
        fd = _checkpoint_fd(_checkpoint_path_text(key_file, chain_id))
        return _write_locked(fd, key, chain_id, seq, digest, force)


def _write_locked(fd: int, key: Any, chain_id: str, seq: int, digest: str, force: bool) -> bool:
    with _locked(fd):
        data = _pread(fd, 2 * SLOT)
        seqs = (_slot_seq(data[:SLOT]), _slot_seq(data[SLOT:2 * SLOT]))
        if max(seqs) >= seq and not force:
            return False
        mac = _mac(key.derive("audit-checkpoint"), chain_id, seq, digest)
        doc = (f'{seq:0{_SEQ_WIDTH}d} {{"chain_id": "{chain_id}", "seq": {seq}, '
               f'"hash": "{digest}", "station_key_id": "{key.key_id}", "mac": "{mac}"}}')
        payload = doc.encode("ascii").ljust(SLOT - 1, b" ") + b"\n"
        if force:  # a re-seal replaces both slots
            _pwrite(fd, payload + payload, 0)
        else:
            _pwrite(fd, payload, (0 if seqs[0] <= seqs[1] else 1) * SLOT)  # the older slot
    return True


def _pread(fd: int, n: int) -> bytes:
    if hasattr(os, "pread"):
        return os.pread(fd, n, 0)
    os.lseek(fd, 0, os.SEEK_SET)  # pragma: no cover - Windows
    return os.read(fd, n)


def _pwrite(fd: int, data: bytes, offset: int) -> None:
    if hasattr(os, "pwrite"):
        os.pwrite(fd, data, offset)
    else:  # pragma: no cover - Windows
        os.lseek(fd, offset, os.SEEK_SET)
        os.write(fd, data)


class _locked:  # noqa: N801 - used as a context manager
    """An exclusive advisory lock on an open file (fcntl on POSIX, msvcrt on Windows)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def __enter__(self) -> None:
        if os.name == "nt":  # pragma: no cover - Windows
            import msvcrt

            os.lseek(self.fd, 0, os.SEEK_SET)
            msvcrt.locking(self.fd, msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]
        else:
            import fcntl

            fcntl.flock(self.fd, fcntl.LOCK_EX)

    def __exit__(self, *_exc: object) -> None:
        if os.name == "nt":  # pragma: no cover - Windows
            import msvcrt

            os.lseek(self.fd, 0, os.SEEK_SET)
            msvcrt.locking(self.fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
        else:
            import fcntl

            fcntl.flock(self.fd, fcntl.LOCK_UN)


_key_file_cache: dict[tuple[str | None, ...], tuple[Path, int | None, Path]] = {}


def _mtime(path: Path) -> int | None:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


def _current_key_file() -> Path:
    """The station key file as configured now (cached; re-read when the settings file
    changes or another configuration is selected through the environment)."""
    from workstation.security.keys import key_path
    from workstation.settings import config_file

    env = os.environ
    marker = (env.get("WORKSTATION_CONFIG"), env.get("XDG_CONFIG_HOME"),
              env.get("WORKSTATION_SECURITY_KEY_FILE"), env.get("APPDATA"))
    cached = _key_file_cache.get(marker)
    if cached is not None and _mtime(cached[0]) == cached[1]:
        return cached[2]
    cfg = config_file()
    path = key_path()
    _key_file_cache[marker] = (cfg, _mtime(cfg), path)
    return path


_RECHECK = "workstation.security.audit.recheck"


def _before_commit(session: Session) -> None:
    # A savepoint holding entries was rolled back: find the real head before committing.
    if session.info.pop(_RECHECK, None) and _PENDING in session.info:
        chain_id = session.info[_PENDING][0]
        last = session.connection().execute(_LAST).first()
        if last is None:
            session.info.pop(_PENDING, None)
        else:
            session.info[_PENDING] = (chain_id, int(last[0]), str(last[1]))


def _after_commit(session: Session) -> None:
    session.info.pop(_CHAIN, None)
    pending = session.info.pop(_PENDING, None)
    if pending is None:
        return
    chain_id, seq, digest = pending
    key_file = Path(session.info.get("security.key_file") or _current_key_file())
    try:
        write_checkpoint(key_file, chain_id, seq, digest)
    except StationKeyError as exc:
        if exc.code == "security.key_missing":  # a station before its first key (init)
            log.debug("no station key yet: audit checkpoint not written")
        else:
            log.warning("audit checkpoint not written: %s", exc)
    except Exception:  # noqa: BLE001 - the commit has happened; verify will report the gap
        log.warning("audit checkpoint could not be written", exc_info=True)


def _after_soft_rollback(session: Session, previous: Any) -> None:
    # Fires for every rollback, outer or savepoint ("after_rollback" cannot tell them apart).
    if getattr(previous, "nested", False):
        session.info[_RECHECK] = True
    else:
        _after_rollback(session)


def _after_rollback(session: Session) -> None:
    session.info.pop(_CHAIN, None)
    session.info.pop(_PENDING, None)
    session.info.pop(_RECHECK, None)


event.listen(Session, "before_commit", _before_commit)
event.listen(Session, "after_commit", _after_commit)
event.listen(Session, "after_soft_rollback", _after_soft_rollback)


# --------------------------------------------------------------------------- verification

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


_ROWS_SQL = ("SELECT id, at, username, station, action, object_type, object_id, details, "
             "prev_hash, hash FROM audit_log ORDER BY id")


def iter_rows(session: Session, batch: int = 5000) -> Iterator[tuple[Any, ...]]:
    """Every entry in chain order as plain tuples, straight from the driver's cursor (verifying
    200,000 entries must take seconds, not minutes)."""
    conn = session.connection()
    dbapi_error = conn.dialect.loaded_dbapi.Error
    cursor = conn.connection.cursor()
    try:
        try:
            cursor.execute(_ROWS_SQL)
            chunk = cursor.fetchmany(batch)
        except dbapi_error as exc:  # e.g. no such table: a clear message, not a traceback
            raise DBAPIError.instance(_ROWS_SQL, None, exc, dbapi_error,
                                      dialect=conn.dialect) from exc
        while chunk:
            yield from chunk
            chunk = cursor.fetchmany(batch)
    finally:
        cursor.close()


def check_chain(rows: Iterable[tuple[Any, ...]]) -> VerifyResult:
    """Walk the chain; the first edited, missing, inserted or reordered entry is named."""
    sha = hashlib.sha256
    prev = GENESIS
    expected = 1
    for row in rows:
        id_, at, user, station, action, otype, oid, details, prev_hash, digest = row
        if id_ != expected:
            if id_ > expected:
                return VerifyResult(False, expected, "audit.verify_missing", expected,
                                    params={"first": expected, "last": id_ - 1})
            return VerifyResult(False, expected, "audit.verify_inserted", id_)
        if oid is None:
            oid = _NONE
        # the canonical form of entry_hash(), inlined: this loop runs once per entry
        canonical = (f"{id_}\x1f{at}\x1f{user}\x1f{station}\x1f{action}\x1f{otype}"
                     f"\x1f{oid}\x1f{details}\x1f{prev_hash}")
        if sha(canonical.encode("utf-8")).hexdigest() != digest:
            return VerifyResult(False, expected, "audit.verify_altered", id_)
        if prev_hash != prev:
            return VerifyResult(False, expected, "audit.verify_link", id_)
        prev = digest
        expected += 1
    count = expected - 1
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
    if not cp_path.exists():
        if result.entries == 0:
            return result
        if not key_file.exists():
            return VerifyResult(False, result.entries, "security.key_missing", None,
                                params={"path": str(key_file)})
        return VerifyResult(False, result.entries, "audit.verify_no_checkpoint", 1,
                            params={"path": str(cp_path)})
    from workstation.security.keys import load_station_key

    key = load_station_key(key_file)
    checkpoint = read_checkpoint(cp_path, key.derive("audit-checkpoint"))
    if checkpoint is None or checkpoint.chain_id != chain_id:
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


def export_csv(session: Session, actor: Actor, out: IO[str], *, file_name: str = "") -> int:
    """Write every entry as CSV (header row) for inspectors; the export is itself audited.

    Needs ``audit.export``; returns the number of entries written."""
    from workstation.security import require

    require(actor, "audit.export")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EXPORT_HEADER)
    n = 0
    for row in iter_rows(session):
        writer.writerow(["" if v is None else v for v in row])
        n += 1
    record(session, actor, "audit.export", "audit_log", None,
           {"entries": n, "file": file_name})
    return n


@dataclass(frozen=True)
class EntryView:
    """One entry as the administration page shows it."""

    id: int
    at: datetime
    username: str
    station: str
    action: str
    object_type: str
    object_id: str | None
    details: dict[str, Any]


def list_entries(
    session: Session,
    actor: Actor,
    *,
    limit: int = 200,
    before_id: int | None = None,
    username: str | None = None,
    action_prefix: str | None = None,
    object_id: str | None = None,
) -> list[EntryView]:
    """The newest entries first (``audit.read``), optionally filtered; page with before_id."""
    from workstation.security import require

    require(actor, "audit.read")
    stmt = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(max(1, min(limit, 5000)))
    if before_id is not None:
        stmt = stmt.where(AuditEntry.id < before_id)
    if username:
        stmt = stmt.where(AuditEntry.username == username)
    if action_prefix:
        stmt = stmt.where(AuditEntry.action.startswith(action_prefix, autoescape=True))
    if object_id:
        stmt = stmt.where(AuditEntry.object_id == mask_text(object_id))
    return [EntryView(e.id, datetime.fromisoformat(e.at), e.username, e.station, e.action,
                      e.object_type, e.object_id, json.loads(e.details or "{}"))
            for e in session.scalars(stmt)]
