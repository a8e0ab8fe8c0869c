"""Writing residents in bulk with SQLAlchemy Core: units, households, residents, name tokens,
parent links, documents held and the change history. Used by the importer and the demo city."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime
from itertools import chain, compress, repeat
from operator import add, is_, itemgetter
from typing import Any, cast

from sqlalchemy import Connection, Date, Table, bindparam, delete, insert, select, update
from sqlalchemy.exc import DBAPIError

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
from workstation.records.columns import (
    EXPIRES_ISO,
    HASH,
    HEAD,
    ISSUED_ISO,
    LINKS,
    NAME_KEY,
    RECORD_FIELDS,
    ROW,
    TAIL,
    TOKENS,
    Record,
    as_record,
    record_values,
    row_hash_of,
)
from workstation.rules.names import fold, name_tokens

__all__ = ["HASH", "NAME_KEY", "RECORD_FIELDS", "ROW", "SNAPSHOT_FIELDS", "Record",
           "RecordWriter", "as_record", "hamlet_code", "record_values", "row_hash_of"]

_TOKEN_SPLIT = re.compile(r"[a-z0-9]+")
R = cast(Table, Resident.__table__)
T = cast(Table, ResidentNameToken.__table__)
U = cast(Table, AdminUnit.__table__)
H = cast(Table, Household.__table__)
P = cast(Table, ParentLink.__table__)
D = cast(Table, IdentityDocument.__table__)
C = cast(Table, ResidentChange.__table__)

ROLES = ("father", "mother", "guardian")
# Of a row of values (``columns.record_values``): the household number, the place.
_HOUSEHOLD = itemgetter(13)
_PLACE = itemgetter(10, 11, 12)
_HEAD, _TAIL, _TOKENS = itemgetter(HEAD), itemgetter(TAIL), itemgetter(TOKENS)
_YEAR = itemgetter(5)  # of HEAD
_CARD = itemgetter(21, 22)
_DOCUMENT = itemgetter(21, 22, ISSUED_ISO, EXPIRES_ISO)


# The fields of a record as the history compares them (ResidentChange.field).
SNAPSHOT_FIELDS = (
    "full_name", "date_of_birth", "sex", "ethnicity", "religion", "hometown",
    "birth_registration_place", "residence", "unit_code", "unit_name", "hamlet", "household_id",
    "relation_to_head", "father_pid", "father_name", "mother_pid", "mother_name",
    "guardian_pid", "guardian_name", "card_type", "card_number", "card_issued_on",
    "card_expires_on", "phone",
)


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


# ?: [[resident id, birth year, token, token, …], …]; json_each's key of an array element is
# its index (the tokens' positions are 2, 3, …).
_SQLITE_INSERT_TOKENS = (
    "INSERT INTO resident_name_tokens (resident_id, position, token, birth_year)"
    " SELECT r.value ->> 0, t.key - 2, t.value, r.value ->> 1"
    " FROM json_each(?) AS r, json_each(r.value) AS t WHERE t.key > 1"
)

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
        self._helper: ThreadPoolExecutor | None = None
        self._behind: Future[Any] | None = None
        for uid, code in conn.execute(select(U.c.id, U.c.code)):
            self.units[code] = uid

    # --- one statement on a helper thread ---------------------------------------------------

    def overlap(self) -> None:
        """On SQLite, let each batch's name tokens go in on a helper thread while the caller
        prepares the next batch: that statement runs inside SQLite as one step, without
        Python's lock, so the two share the cores. Every method waits for it before it uses
        the connection again; the caller calls ``close()`` before the transaction ends, also
        when it fails."""
        if self.conn.dialect.name == "sqlite" and self._helper is None:
            self._helper = ThreadPoolExecutor(max_workers=1,
                                              thread_name_prefix="records-tokens")

    def settle(self) -> None:
        """Wait for the statement running on the helper thread; raise its error here."""
        behind, self._behind = self._behind, None
        if behind is None:
            return
        try:
            behind.result()
        except sqlite3.Error as exc:  # as SQLAlchemy would have raised it on this thread
            raise DBAPIError.instance(_SQLITE_INSERT_TOKENS, None, exc, sqlite3.Error) from exc

    def close(self) -> None:
        """Wait for the helper thread (its error, if any, is raised) and stop it."""
        try:
            self.settle()
        finally:
            helper, self._helper = self._helper, None
            if helper is not None:
                helper.shutdown(wait=True)

    # --- bulk loading into empty records ---------------------------------------------------

    _BULK_TABLES = ("residents", "resident_name_tokens", "parent_links", "identity_documents")

    def begin_bulk(self) -> bool:
        """On SQLite with no residents yet, drop the plain secondary indexes of the records
        tables (``end_bulk`` creates them again with the same SQL before the commit), and say
        whether the records were empty. Within the caller's write transaction: a failed
        import rolls the indexes back too."""
        self._dropped: list[str] = []
        if self.conn.dialect.name != "sqlite":
            return False
        if self.conn.exec_driver_sql("SELECT 1 FROM residents LIMIT 1").first() is not None:
            return False
        marks = ", ".join("?" * len(self._BULK_TABLES))
        rows = self.conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            f" AND tbl_name IN ({marks}) ORDER BY name", self._BULK_TABLES).all()
        for name, sql in rows:
            if "UNIQUE" in sql.upper().split("INDEX", 1)[0]:
                continue  # unique indexes stay: they are constraints
            self.conn.exec_driver_sql(f'DROP INDEX "{name}"')
            self._dropped.append(sql)
        return True

    def end_bulk(self) -> None:
        self.settle()
        for sql in getattr(self, "_dropped", []):
            self.conn.exec_driver_sql(sql)
        self._dropped = []

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
        return self.place(record.unit_code, record.unit_name, record.hamlet)

    def place(self, unit_code: str | None, unit_name: str | None,
              hamlet: str | None) -> tuple[int | None, int | None]:
        """(unit id, hamlet id) of a row's place, the units created when new."""
        key = (unit_code, unit_name, hamlet)
        place = self.places.get(key)
        if place is None:
            code = unit_code or (
                "n." + hashlib.blake2b(fold(unit_name).encode(), digest_size=6).hexdigest()
                if unit_name else None)  # as unit_code_for()
            unit_id = None
            if code:
                unit_id = self.unit(code, unit_name or code, unit_kind(unit_name))
            hamlet_id = None
            if hamlet:
                hamlet_id = self.unit(hamlet_code(code, hamlet), hamlet, "hamlet", unit_id)
            place = self.places[key] = (unit_id, hamlet_id)
        return place

    def resolve_households(self, records: Iterable[Record] | list[list[Any]]) -> None:
        """Ids of the households the records name, the new ones created (in the order the
        records first name them), into ``self.households``."""
        wanted: dict[str, tuple[str | None, str | None, str | None]] = {}
        known = self.households
        if type(records) is list and records and type(records[0]) is list:
            # Rows of values: found by C-level passes over the batch, not row by row.
            rows = cast(list[list[Any]], records)
            named = dict.fromkeys(map(_HOUSEHOLD, rows))  # in order of first appearance
            named.pop(None, None)
            named.pop("", None)
            new = [number for number in named if number not in known]
            if not new:
                return
            first = dict(zip(map(_HOUSEHOLD, reversed(rows)), reversed(rows), strict=True))
            wanted = {number: _PLACE(first[number]) for number in new}
        else:
            for r in records:
                assert isinstance(r, Record)
                if r.household_id and r.household_id not in known:
                    wanted.setdefault(r.household_id, (r.unit_code, r.unit_name, r.hamlet))
        if not wanted:
            return
        if len(self.households) > 200_000:
            self.households.clear()
        numbers = list(wanted)
        known.update(self._ids_by(H, "number", numbers))
        missing = [n for n in numbers if n not in known]
        if not missing:
            return
        places = self.places
        values = []
        for number in missing:
            key = wanted[number]
            unit_id, hamlet_id = places.get(key) or self.place(*key)
            values.append((number, unit_id, hamlet_id))
        if self.conn.dialect.name == "sqlite":
            # Write lock held: the new rowids are max(id)+1, +2, … (checked).
            last = self.conn.exec_driver_sql("SELECT max(id) FROM households").scalar() or 0
            self.conn.exec_driver_sql(
                "INSERT INTO households (number, unit_id, hamlet_id) VALUES (?, ?, ?)", values)
            check = self.conn.exec_driver_sql(
                "SELECT number FROM households WHERE id = ?", (last + len(values),)).scalar()
            if check == missing[-1]:
                known.update(zip(missing, range(last + 1, last + 1 + len(missing)),
                                 strict=True))
                return
        else:
            bulk_insert(self.conn, H, [{"number": n, "unit_id": u, "hamlet_id": h}
                                       for n, u, h in values])
        known.update(self._ids_by(H, "number", missing))

    def _ids_by(self, table: Table, column: str, keys: Sequence[str]) -> dict[str, int]:
        """key → id of the rows of ``table`` whose ``column`` is one of ``keys``."""
        found: dict[str, int] = {}
        sqlite = self.conn.dialect.name == "sqlite"
        for i in range(0, len(keys), 500):
            chunk = list(keys[i:i + 500])
            if sqlite:
                rows = self.conn.exec_driver_sql(
                    f'SELECT id, "{column}" FROM "{table.name}" WHERE "{column}" IN '
                    f'({", ".join("?" * len(chunk))})', tuple(chunk))
            else:
                rows = self.conn.execute(
                    select(table.c.id, table.c[column]).where(table.c[column].in_(chunk)))
            for id_, key in rows:
                found[key] = id_
        return found

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
        self.settle()
        found: dict[str, tuple[int, str | None]] = {}
        sqlite = self.conn.dialect.name == "sqlite"
        for i in range(0, len(pids), 900):
            chunk = list(pids[i:i + 900])
            if sqlite:
                rows = self.conn.exec_driver_sql(
                    "SELECT id, pid, row_hash FROM residents WHERE pid IN "
                    f"({', '.join('?' * len(chunk))})", tuple(chunk))
            else:
                rows = self.conn.execute(
                    select(R.c.id, R.c.pid, R.c.row_hash).where(R.c.pid.in_(chunk)))
            for rid, pid, row_hash in rows:
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

    def insert_new(self, records: Sequence[Record | list[Any]],
                   present: frozenset[str]) -> None:
        """Insert residents that are not in the records yet, with their tokens, links, cards.

        ``records`` are Records or rows of values (``record_values``).
        """
        if not records:
            return
        if self.conn.dialect.name == "sqlite":
            self._insert_rows_sqlite(
                [r if type(r) is list else record_values(cast(Record, r)) for r in records],
                present)
            return
        recs = [as_record(r) if type(r) is list else cast(Record, r) for r in records]
        self.resolve_households(recs)
        full = frozenset(SNAPSHOT_FIELDS)
        rows = []
        for r in recs:
            values = self._resident_values(r, full)
            values["created_at"] = self.now
            rows.append(values)
        bulk_insert(self.conn, R, rows)
        ids = self.existing([r.pid for r in recs])
        pairs = [(ids[r.pid][0], r) for r in recs]
        self._write_tokens(pairs)
        self._write_links(pairs, present)
        self._write_documents(pairs, present, set())

    def _insert_rows_sqlite(self, rows: list[list[Any]], present: frozenset[str]) -> None:
        """The hot path of an import: every table's rows built as tuples in SQLite's storage
        format (what SQLAlchemy's types would bind), in the order the generic path inserts
        them, so the ids are the same."""
        self.settle()
        self.resolve_households(rows)
        conn = self.conn
        stamp = self.now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        place = self.place
        # (unit id, hamlet id) of each row: the places seen before by one C-level pass.
        places = list(map(self.places.get, map(_PLACE, rows)))
        for k in compress(range(len(rows)), map(is_, places, repeat(None))):
            places[k] = place(*_PLACE(rows[k]))
        # Each resident's row: HEAD + (unit, hamlet, household) + TAIL + the two stamps, put
        # together by tuple additions in C rather than a Python loop.
        residents = list(map(add, map(add, map(_HEAD, rows), map(add, places, zip(
            map(self.households.get, map(_HOUSEHOLD, rows)), strict=True))),
            map(add, map(_TAIL, rows), repeat((stamp, stamp)))))
        # We hold SQLite's write lock (BEGIN IMMEDIATE): new rowids are max(id)+1, +2, …
        last = conn.exec_driver_sql("SELECT max(id) FROM residents").scalar() or 0
        conn.exec_driver_sql(_SQLITE_INSERT_RESIDENT, residents)
        check = conn.exec_driver_sql(
            "SELECT pid FROM residents WHERE id = ?", (last + len(rows),)).scalar()
        if check == rows[-1][0]:
            ids = range(last + 1, last + 1 + len(rows))
        else:  # never expected; fall back to asking
            found = self.existing([v[0] for v in rows])
            ids = [found[v[0]][0] for v in rows]  # type: ignore[assignment]
        # A column that is not in the file leaves its value None: LINKS holds no link for it.
        link_rows = [v[LINKS] for v in rows]
        links = list(chain.from_iterable(link_rows))
        if links:
            counts = list(map(len, link_rows))
            conn.exec_driver_sql(
                'INSERT INTO "parent_links" ("child_id", "role", "parent_pid", '
                '"parent_name") VALUES (?, ?, ?, ?)',
                list(zip(chain.from_iterable(map(repeat, ids, counts)), *zip(*links, strict=True),
                         strict=True)))
        if "card_number" in present:
            documents = list(compress(
                zip(ids, *zip(*map(_DOCUMENT, rows), strict=True), strict=True),
                map(all, map(_CARD, rows))))  # rows with a card type and number
            if documents:
                conn.exec_driver_sql(
                    'INSERT INTO "identity_documents" ("resident_id", "type", "number", '
                    '"issued_on", "expires_on") VALUES (?, ?, ?, ?, ?)', documents)
        # Every token of every row in one statement: SQLite walks a JSON array of
        # [id, birth year, token, token, …] per row instead of binding four values per token.
        tokens = (json.dumps(list(map(add, zip(ids, map(_YEAR, map(_HEAD, rows)), strict=True),
                                      map(_TOKENS, rows)))),)
        if self._helper is not None:  # see overlap()
            raw = conn.connection.dbapi_connection
            assert raw is not None
            self._behind = self._helper.submit(raw.execute, _SQLITE_INSERT_TOKENS, tokens)
        else:
            conn.exec_driver_sql(_SQLITE_INSERT_TOKENS, tokens)

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
        self.settle()
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
