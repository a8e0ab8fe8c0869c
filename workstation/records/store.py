"""Writing residents in bulk with SQLAlchemy Core: units, households, residents, name tokens,
parent links, documents held and the change history. Used by the importer and the demo city."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, cast

from sqlalchemy import Connection, Date, Table, bindparam, delete, insert, select, update

from models.base import UTCDateTime
from models.records import (
    AdminUnit,
    Household,
    IdentityDocument,
    ParentLink,
    Resident,
    ResidentChange,
    ResidentNameToken,
)
from workstation.rules.names import fold, name_tokens

_TOKEN_SPLIT = re.compile(r"[a-z0-9]+")
R = cast(Table, Resident.__table__)
T = cast(Table, ResidentNameToken.__table__)
U = cast(Table, AdminUnit.__table__)
H = cast(Table, Household.__table__)
P = cast(Table, ParentLink.__table__)
D = cast(Table, IdentityDocument.__table__)
C = cast(Table, ResidentChange.__table__)

ROLES = ("father", "mother", "guardian")


# The fields of a record as the history compares them (ResidentChange.field).
SNAPSHOT_FIELDS = (
    "full_name", "date_of_birth", "sex", "ethnicity", "religion", "hometown",
    "birth_registration_place", "residence", "unit_code", "unit_name", "hamlet", "household_id",
    "relation_to_head", "father_pid", "father_name", "mother_pid", "mother_name",
    "guardian_pid", "guardian_name", "card_type", "card_number", "card_issued_on",
    "card_expires_on", "phone",
)


@dataclass(slots=True)
class Record:
    """One resident as a file row describes them, already validated and normalised (NFC)."""

    pid: str
    full_name: str
    date_of_birth: date
    sex: str
    dob_precision: str = "day"
    ethnicity: str | None = None
    religion: str | None = None
    hometown: str | None = None
    birth_registration_place: str | None = None
    residence: str | None = None
    unit_code: str | None = None
    unit_name: str | None = None
    hamlet: str | None = None
    household_id: str | None = None
    relation_to_head: str | None = None
    father_pid: str | None = None
    father_name: str | None = None
    mother_pid: str | None = None
    mother_name: str | None = None
    guardian_pid: str | None = None
    guardian_name: str | None = None
    card_type: str | None = None
    card_number: str | None = None
    card_issued_on: date | None = None
    card_expires_on: date | None = None
    phone: str | None = None
    row: int = 0
    _hash: str | None = field(default=None, repr=False)

    def value(self, name: str) -> str | None:
        """A field as text, the way the history stores it."""
        v = getattr(self, name)
        if v is None or v == "":
            return None
        if name == "date_of_birth" and self.dob_precision == "year":
            return f"{v.year:04d}"
        if isinstance(v, date):
            return v.isoformat()
        return str(v)

    @property
    def row_hash(self) -> str:
        """Hash of every field (in ``SNAPSHOT_FIELDS`` order): equal rows, equal hashes."""
        if self._hash is None:
            dob = self.date_of_birth
            issued, expires = self.card_issued_on, self.card_expires_on
            parts = (
                self.pid, self.full_name,
                f"{dob.year:04d}" if self.dob_precision == "year" else dob.isoformat(),
                self.sex, self.ethnicity, self.religion, self.hometown,
                self.birth_registration_place, self.residence, self.unit_code, self.unit_name,
                self.hamlet, self.household_id, self.relation_to_head, self.father_pid,
                self.father_name, self.mother_pid, self.mother_name, self.guardian_pid,
                self.guardian_name, self.card_type, self.card_number,
                issued.isoformat() if issued else None, expires.isoformat() if expires else None,
                self.phone,
            )
            # repr() of a tuple of str/None is exact and fast; equal rows, equal text.
            self._hash = hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()
        return self._hash


def hamlet_code(unit_code: str | None, hamlet: str) -> str:
    """A stable code for a hamlet named in a file: the unit's code and the folded name."""
    slug = "-".join(name_tokens(hamlet)) or "x"
    code = f"{unit_code or 'na'}.{slug}"
    if len(code) > 32:
        digest = hashlib.blake2b(code.encode(), digest_size=4).hexdigest()
        code = code[:23] + "~" + digest
    return code


def unit_code_for(record: Record) -> str | None:
    if record.unit_code:
        return record.unit_code
    if record.unit_name:
        return "n." + hashlib.blake2b(fold(record.unit_name).encode(), digest_size=6).hexdigest()
    return None


def unit_kind(name: str | None) -> str:
    key = fold(name or "")
    return "commune" if key.startswith(("xa ", "commune")) else "ward"


def bulk_insert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT many rows in one statement execution.

    On SQLite the statement goes to the driver's ``executemany`` with values already in
    SQLAlchemy's storage format (dates ``YYYY-MM-DD``, UTC times without zone): the per-value
    type processing of a Core ``insert`` costs more than the insert itself.
    """
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), list(rows))
        return
    keys = list(rows[0])
    names = ", ".join(f'"{k}"' for k in keys)
    sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({", ".join("?" * len(keys))})'
    dates = [i for i, k in enumerate(keys) if isinstance(table.c[k].type, Date)]
    times = [i for i, k in enumerate(keys) if isinstance(table.c[k].type, UTCDateTime)]
    stamps: dict[datetime, str] = {}
    data = []
    for row in rows:
        values = [row[k] for k in keys]
        for i in dates:
            if values[i] is not None:
                values[i] = values[i].isoformat()
        for i in times:
            t = values[i]
            if t is not None:
                text = stamps.get(t)
                if text is None:
                    text = stamps[t] = t.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
                values[i] = text
        data.append(tuple(values))
    conn.exec_driver_sql(sql, data)


_SQLITE_INSERT_RESIDENT = (
    "INSERT INTO residents (pid, full_name, name_key, date_of_birth, dob_precision, birth_year,"
    " sex, ethnicity, religion, hometown, birth_registration_place, residence, unit_id,"
    " hamlet_id, household_id, relation_to_head, phone, row_hash, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


class RecordWriter:
    """Bulk writes within the caller's transaction (one ``Connection``)."""

    def __init__(self, conn: Connection, *, source: str, now: datetime) -> None:
        self.conn = conn
        self.source = source[:300]
        self.now = now
        self.units: dict[str, int] = {}
        self.households: dict[str, int] = {}
        self.places: dict[tuple[str | None, ...], tuple[int | None, int | None]] = {}
        self.folds: dict[str, str] = {}
        for uid, code in conn.execute(select(U.c.id, U.c.code)):
            self.units[code] = uid

    # --- units and households ---------------------------------------------------------------

    def unit(self, code: str, name: str, kind: str, parent_id: int | None = None) -> int:
        uid = self.units.get(code)
        if uid is None:
            uid = self.conn.execute(
                insert(U).values(code=code, name=name, kind=kind, parent_id=parent_id)
                .returning(U.c.id)
            ).scalar_one()
            self.units[code] = uid
        return uid

    def place_of(self, record: Record) -> tuple[int | None, int | None]:
        key = (record.unit_code, record.unit_name, record.hamlet)
        place = self.places.get(key)
        if place is None:
            place = self.places[key] = self._place_of(record)
        return place

    def _place_of(self, record: Record) -> tuple[int | None, int | None]:
        code = unit_code_for(record)
        unit_id = None
        if code:
            unit_id = self.unit(code, record.unit_name or code, unit_kind(record.unit_name))
        hamlet_id = None
        if record.hamlet:
            hamlet_id = self.unit(hamlet_code(code, record.hamlet), record.hamlet, "hamlet",
                                  unit_id)
        return unit_id, hamlet_id

    def resolve_households(self, records: Iterable[Record]) -> None:
        wanted: dict[str, Record] = {}
        for r in records:
            if r.household_id and r.household_id not in self.households:
                wanted.setdefault(r.household_id, r)
        if not wanted:
            return
        if len(self.households) > 200_000:
            self.households.clear()
        numbers = list(wanted)
        for i in range(0, len(numbers), 500):
            chunk = numbers[i:i + 500]
            for hid, number in self.conn.execute(
                select(H.c.id, H.c.number).where(H.c.number.in_(chunk))
            ):
                self.households[number] = hid
        missing = [n for n in numbers if n not in self.households]
        if missing:
            rows = []
            for number in missing:
                unit_id, hamlet_id = self.place_of(wanted[number])
                rows.append({"number": number, "unit_id": unit_id, "hamlet_id": hamlet_id})
            bulk_insert(self.conn, H, rows)
            for i in range(0, len(missing), 500):
                chunk = missing[i:i + 500]
                for hid, number in self.conn.execute(
                    select(H.c.id, H.c.number).where(H.c.number.in_(chunk))
                ):
                    self.households[number] = hid

    def _fold(self, name: str) -> str:
        key = self.folds.get(name)
        if key is None:
            if len(self.folds) > 100_000:
                self.folds.clear()
            key = self.folds[name] = fold(name)
        return key

    # --- residents --------------------------------------------------------------------------

    def existing(self, pids: Sequence[str]) -> dict[str, tuple[int, str | None]]:
        """PID → (id, row hash) of the residents already in the records."""
        found: dict[str, tuple[int, str | None]] = {}
        for i in range(0, len(pids), 900):
            chunk = pids[i:i + 900]
            for rid, pid, row_hash in self.conn.execute(
                select(R.c.id, R.c.pid, R.c.row_hash).where(R.c.pid.in_(chunk))
            ):
                found[pid] = (rid, row_hash)
        return found

    def _resident_values(self, r: Record, present: frozenset[str]) -> dict[str, Any]:
        unit_id, hamlet_id = self.place_of(r)
        values: dict[str, Any] = {
            "pid": r.pid,
            "full_name": r.full_name,
            "name_key": self._fold(r.full_name),
            "date_of_birth": r.date_of_birth,
            "dob_precision": r.dob_precision,
            "birth_year": r.date_of_birth.year,
            "sex": r.sex,
            "row_hash": r.row_hash,
            "updated_at": self.now,
        }
        for name in ("ethnicity", "religion", "hometown", "birth_registration_place",
                     "residence", "relation_to_head", "phone"):
            if name in present:
                values[name] = getattr(r, name)
        if "unit_code" in present or "unit_name" in present:
            values["unit_id"] = unit_id
        if "hamlet" in present:
            values["hamlet_id"] = hamlet_id
        if "household_id" in present:
            values["household_id"] = self.households.get(r.household_id or "")
        return values

    def _insert_residents_sqlite(self, records: Sequence[Record]) -> None:
        """The hot path of an import: rows built as tuples in SQLite's storage format."""
        stamp = self.now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        households = self.households
        rows = []
        for r in records:
            unit_id, hamlet_id = self.place_of(r)
            dob = r.date_of_birth
            rows.append((
                r.pid, r.full_name, self._fold(r.full_name), dob.isoformat(), r.dob_precision,
                dob.year, r.sex, r.ethnicity, r.religion, r.hometown,
                r.birth_registration_place, r.residence, unit_id, hamlet_id,
                households.get(r.household_id or ""), r.relation_to_head, r.phone, r.row_hash,
                stamp, stamp,
            ))
        self.conn.exec_driver_sql(_SQLITE_INSERT_RESIDENT, rows)

    def insert_new(self, records: Sequence[Record], present: frozenset[str]) -> None:
        """Insert residents that are not in the records yet, with their tokens, links, cards."""
        if not records:
            return
        self.resolve_households(records)
        full = frozenset(SNAPSHOT_FIELDS)
        rows = []
        if self.conn.dialect.name != "sqlite":
            for r in records:
                values = self._resident_values(r, full)
                values["created_at"] = self.now
                rows.append(values)
        if self.conn.dialect.name == "sqlite":
            # We hold SQLite's write lock (BEGIN IMMEDIATE): new rowids are max(id)+1, +2, …
            last = self.conn.exec_driver_sql("SELECT max(id) FROM residents").scalar() or 0
            self._insert_residents_sqlite(records)
            pairs = [(last + 1 + i, r) for i, r in enumerate(records)]
            check = self.conn.exec_driver_sql(
                "SELECT pid FROM residents WHERE id = ?", (pairs[-1][0],)).scalar()
            if check != records[-1].pid:  # never expected; fall back to asking
                ids = self.existing([r.pid for r in records])
                pairs = [(ids[r.pid][0], r) for r in records]
        else:
            bulk_insert(self.conn, R, rows)
            ids = self.existing([r.pid for r in records])
            pairs = [(ids[r.pid][0], r) for r in records]
        self._write_tokens(pairs)
        self._write_links(pairs, present)
        self._write_documents(pairs, present, set())

    def _write_tokens(self, pairs: Sequence[tuple[int, Record]]) -> None:
        rows = []
        for rid, r in pairs:
            year = r.date_of_birth.year
            for pos, tok in enumerate(_TOKEN_SPLIT.findall(self._fold(r.full_name))):
                rows.append((rid, pos, tok[:64], year))
        if not rows:
            return
        if self.conn.dialect.name == "sqlite":
            self.conn.exec_driver_sql(
                "INSERT INTO resident_name_tokens (resident_id, position, token, birth_year) "
                "VALUES (?, ?, ?, ?)", rows)
        else:
            self.conn.execute(insert(T), [
                {"resident_id": a, "position": b, "token": c, "birth_year": d}
                for a, b, c, d in rows])

    def _write_links(self, pairs: Sequence[tuple[int, Record]], present: frozenset[str]) -> None:
        rows = []
        for rid, r in pairs:
            for role in ROLES:
                if f"{role}_pid" not in present and f"{role}_name" not in present:
                    continue
                ppid = getattr(r, f"{role}_pid")
                pname = getattr(r, f"{role}_name")
                if ppid or pname:
                    rows.append({"child_id": rid, "role": role, "parent_pid": ppid,
                                 "parent_name": pname})
        if rows:
            bulk_insert(self.conn, P, rows)

    def _write_documents(self, pairs: Sequence[tuple[int, Record]], present: frozenset[str],
                         held: set[tuple[int, str, str]]) -> None:
        if "card_number" not in present:
            return
        rows = []
        for rid, r in pairs:
            if r.card_type and r.card_number and (rid, r.card_type, r.card_number) not in held:
                held.add((rid, r.card_type, r.card_number))
                rows.append({"resident_id": rid, "type": r.card_type, "number": r.card_number,
                             "issued_on": r.card_issued_on, "expires_on": r.card_expires_on})
        if rows:
            bulk_insert(self.conn, D, rows)

    # --- updates ----------------------------------------------------------------------------

    def snapshots(self, ids: Sequence[int]) -> dict[int, dict[str, str | None]]:
        """The current values of residents, field by field as ``Record.value`` gives them."""
        hamlet = U.alias("hamlet")
        out: dict[int, dict[str, str | None]] = {}
        q = (
            select(R, U.c.code.label("u_code"), U.c.name.label("u_name"),
                   hamlet.c.name.label("h_name"), H.c.number.label("hh"))
            .select_from(R.outerjoin(U, U.c.id == R.c.unit_id)
                         .outerjoin(hamlet, hamlet.c.id == R.c.hamlet_id)
                         .outerjoin(H, H.c.id == R.c.household_id))
            .where(R.c.id.in_(list(ids)))
        )
        for row in self.conn.execute(q).mappings():
            dob = row["date_of_birth"]
            snap: dict[str, str | None] = {
                "full_name": row["full_name"],
                "date_of_birth": (f"{dob.year:04d}" if row["dob_precision"] == "year"
                                  else dob.isoformat()),
                "sex": row["sex"],
                "unit_code": row["u_code"] if row["u_code"] and not str(row["u_code"]).startswith(
                    "n.") else None,
                "unit_name": row["u_name"],
                "hamlet": row["h_name"],
                "household_id": row["hh"],
            }
            for name in ("ethnicity", "religion", "hometown", "birth_registration_place",
                         "residence", "relation_to_head", "phone"):
                snap[name] = row[name]
            out[row["id"]] = snap
        for child_id, role, ppid, pname in self.conn.execute(
            select(P.c.child_id, P.c.role, P.c.parent_pid, P.c.parent_name)
            .where(P.c.child_id.in_(list(ids)))
        ):
            out[child_id][f"{role}_pid"] = ppid
            out[child_id][f"{role}_name"] = pname
        for rid, kind, number, issued, expires in self.conn.execute(
            select(D.c.resident_id, D.c.type, D.c.number, D.c.issued_on, D.c.expires_on)
            .where(D.c.resident_id.in_(list(ids))).order_by(D.c.issued_on, D.c.id)
        ):
            snap = out[rid]  # the newest document wins (ordered by issue date)
            snap["card_type"] = kind
            snap["card_number"] = number
            snap["card_issued_on"] = issued.isoformat() if issued else None
            snap["card_expires_on"] = expires.isoformat() if expires else None
        return out

    def update_changed(self, pairs: Sequence[tuple[int, Record]], present: frozenset[str],
                       *, history: bool = True) -> int:
        """Update residents whose row changed; write what changed. Returns residents changed."""
        if not pairs:
            return 0
        self.resolve_households(r for _, r in pairs)
        ids = [rid for rid, _ in pairs]
        before = self.snapshots(ids)
        changed = 0
        changes: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for rid, r in pairs:
            old = before.get(rid, {})
            diff = []
            for name in SNAPSHOT_FIELDS:
                if name not in present and name not in ("full_name", "date_of_birth", "sex"):
                    continue
                if name == "unit_code" and not r.unit_code:
                    continue
                new_value = r.value(name)
                if old.get(name) != new_value:
                    diff.append((name, old.get(name), new_value))
            if diff:
                changed += 1
            if history:
                for name, old_value, new_value in diff:
                    changes.append({"resident_id": rid, "changed_at": self.now,
                                    "source": self.source, "field": name,
                                    "old_value": old_value, "new_value": new_value})
            values = self._resident_values(r, present)
            values["b_id"] = rid
            updates.append(values)
        # One statement shape per column set (the file's columns are the same for every row).
        for shape in {tuple(sorted(k for k in u if k != "b_id")) for u in updates}:
            batch = [u for u in updates if tuple(sorted(k for k in u if k != "b_id")) == shape]
            stmt = update(R).where(R.c.id == bindparam("b_id")).values(
                {k: bindparam(k) for k in shape})
            self.conn.execute(stmt, batch)
        self.conn.execute(delete(T).where(T.c.resident_id.in_(ids)))
        self._write_tokens(pairs)
        roles = [role for role in ROLES
                 if f"{role}_pid" in present or f"{role}_name" in present]
        if roles:
            self.conn.execute(delete(P).where(P.c.child_id.in_(ids), P.c.role.in_(roles)))
            self._write_links(pairs, present)
        held = {(rid, kind, number) for rid, kind, number in self.conn.execute(
            select(D.c.resident_id, D.c.type, D.c.number).where(D.c.resident_id.in_(ids)))}
        self._write_documents(pairs, present, held)
        if changes:
            bulk_insert(self.conn, C, changes)
        return changed
