"""Import of population records (nhập dữ liệu dân cư) from CSV or XLSX (``records-format.md``).

Forgiving about form (encodings, separators, header spellings, title rows, Excel's mangling)
and strict about content: a row with a bad value is rejected with its row number, column and a
stable code, and the good rows are kept. The file is one transaction: nothing is half-imported.
Re-importing the same file changes nothing (each resident keeps the hash of the row it came
from); a newer extract updates residents by PID and the history records what changed.
"""

from __future__ import annotations

import contextlib
import importlib
import re
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from resources.messages import message
from workstation.errors import UsageError
from workstation.records.columns import (
    FIELDS,
    REQUIRED,
    BadValue,
    is_no_expiry,
    match_header,
    parse_card_number,
    parse_card_type,
    parse_date_value,
    parse_pid_value,
    parse_sex_value,
    text_value,
)
from workstation.records.reader import Table, open_table
from workstation.records.store import Record, RecordWriter
from workstation.rules.names import clean_name

BATCH_ROWS = 2000
IMPORT_CACHE_KIB = 64 * 1024  # SQLite page cache while importing
HUGE_FILE_BYTES = 128 * 1024 * 1024  # from this size on, commit in steps (resumable)
HUGE_COMMIT_ROWS = 200_000
MAX_LISTED = 1000  # rejections/warnings listed in full; beyond that only counted

Progress = Callable[[int, int, int], None]  # rows read, bytes read, file size


@dataclass
class RowIssue:
    """A rejected row (or a warning about a kept one), as CLI.md prints it."""

    row: int
    field: str
    code: str
    message: str
    value: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "field": self.field, "code": self.code,
                "message": self.message}


@dataclass
class ImportResult:
    file: str
    format: str
    encoding: str
    separator: str | None = None
    rows: int = 0
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[RowIssue] = field(default_factory=list)
    rejected_count: int = 0
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[RowIssue] = field(default_factory=list)
    warning_count: int = 0
    unknown_columns: list[str] = field(default_factory=list)
    header_row: int = 0
    transactions: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file, "format": self.format, "encoding": self.encoding,
            "separator": self.separator, "header_row": self.header_row,
            "rows": self.rows, "imported": self.imported, "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": [r.as_dict() for r in self.rejected],
            "rejected_count": self.rejected_count,
            "duplicates": self.duplicates,
            "warnings": [w.as_dict() for w in self.warnings],
            "warning_count": self.warning_count,
            "unknown_columns": self.unknown_columns,
            "transactions": self.transactions,
        }


def _find_header(rows: list[tuple[int, list[Any]]]) -> int | None:
    best, best_count = None, 0
    for i, (_, cells) in enumerate(rows):
        above = rows[i - 1][1] if i else None
        found = set(match_header(cells, above).values())
        required = sum(1 for f in REQUIRED if f in found)
        count = len(found) + 2 * required
        if required >= 2 and count > best_count:
            best, best_count = i, count
    return best


def _pid_checker() -> Callable[..., Any] | None:
    try:
        module = importlib.import_module("workstation.rules.personal_id")
    except ImportError:
        return None
    return getattr(module, "parse_pid", None)


_DIGIT = re.compile(r"\d")
_TEXT_FIELDS = ("ethnicity", "religion", "hometown", "birth_registration_place", "residence",
                "unit_name", "hamlet", "relation_to_head", "father_name", "mother_name",
                "guardian_name", "phone")


class RowParser:
    """Turns the cells of one row into a ``Record`` or raises ``BadValue``."""

    def __init__(self, columns: dict[int, str], today: date) -> None:
        self.index = {f: i for i, f in columns.items()}
        self.width = max(columns) + 1 if columns else 0
        self.today = today
        self.present = frozenset(columns.values())
        self.text_fields = [(f, self.index[f]) for f in _TEXT_FIELDS if f in self.index]
        self.code_fields = [(f, self.index[f]) for f in ("unit_code", "household_id")
                            if f in self.index]
        self.parent_fields = [(f"{role}_pid", self.index[f"{role}_pid"])
                              for role in ("father", "mother", "guardian")
                              if f"{role}_pid" in self.index]
        self.has_card = "card_number" in self.index or "card_type" in self.index
        self.memo: dict[str, str] = {}  # the same places and words recur on every row

    def cell(self, cells: list[Any], name: str) -> Any:
        i = self.index.get(name)
        if i is None or i >= len(cells):
            return None
        value = cells[i]
        if isinstance(value, str):
            value = value.strip()
            return value or None
        return value

    def parse(self, number: int, cells: list[Any]) -> Record:
        if len(cells) < self.width:
            cells = cells + [None] * (self.width - len(cells))
        index = self.index
        pid = parse_pid_value(cells[index["pid"]])
        assert pid is not None
        raw_name = cells[index["full_name"]]
        name = text_value(raw_name) if raw_name is not None else ""
        if not name:
            raise BadValue("full_name", "name.empty")
        if len(name) > 200 or _DIGIT.search(name):
            raise BadValue("full_name", "name.invalid", name)
        parsed = parse_date_value(cells[index["date_of_birth"]], "date_of_birth",
                                  today=self.today, allow_year=True)
        if parsed is None:
            raise BadValue("date_of_birth", "dob.empty")
        dob, precision = parsed
        sex = parse_sex_value(cells[index["sex"]])
        record = Record(pid=pid, full_name=name, date_of_birth=dob, sex=sex,
                        dob_precision=precision, row=number)
        memo = self.memo
        for f, i in self.text_fields:
            value = cells[i]
            if value is None or value == "":
                continue
            if type(value) is str:
                cleaned = memo.get(value)
                if cleaned is None:
                    if len(memo) > 50_000:
                        memo.clear()
                    cleaned = memo[value] = clean_name(value)
                value = cleaned
            else:
                value = text_value(value)
            if value:
                setattr(record, f, value)
        for f, i in self.code_fields:
            value = cells[i]
            if value is None or value == "":
                continue
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            setattr(record, f, text_value(value) or None)
        for key, i in self.parent_fields:
            value = cells[i]
            if value is None or value == "":
                continue
            ppid = parse_pid_value(value, key, required=False)
            if ppid == pid:
                raise BadValue(key, "parent.self", ppid)
            setattr(record, key, ppid)
        if self.has_card:
            self._card(record, cells, pid)
        return record

    def _card(self, record: Record, cells: list[Any], pid: str) -> None:
        kind = parse_card_type(self.cell(cells, "card_type"))
        number_ = parse_card_number(self.cell(cells, "card_number"))
        if number_ and not kind:
            kind = "cmnd" if len(number_) == 9 else "cccd"
        if kind and not number_:
            if kind == "cmnd":
                raise BadValue("card_number", "card.number_missing")
            number_ = pid  # CCCD and căn cước carry the PID as their number
        record.card_type, record.card_number = kind, number_
        if number_:
            issued = parse_date_value(self.cell(cells, "card_issued_on"), "card_issued_on",
                                      today=self.today)
            record.card_issued_on = issued[0] if issued else None
            raw_exp = self.cell(cells, "card_expires_on")
            if not is_no_expiry(raw_exp):
                expires = parse_date_value(raw_exp, "card_expires_on", today=self.today)
                record.card_expires_on = expires[0] if expires else None
            if (record.card_issued_on and record.card_expires_on
                    and record.card_expires_on <= record.card_issued_on):
                raise BadValue("card_expires_on", "date.invalid", raw_exp)


class Importer:
    """One import of one file into the records (``workstation records import``)."""

    def __init__(self, db: Any, *, actor: Any = None, lang: str = "vi",
                 progress: Progress | None = None, today: date | None = None,
                 batch_rows: int = BATCH_ROWS, commit_rows: int | None = None) -> None:
        self.db = db
        self.actor = actor
        self.lang = lang
        self.progress = progress
        self.today = today or date.today()
        self.batch_rows = batch_rows
        self.commit_rows = commit_rows
        self.pid_check = _pid_checker()
        self.province_codes = _province_codes()

    def run(self, path: Path | str) -> ImportResult:
        path = Path(path)
        if self.actor is not None:
            _require(self.actor, "records.import")
        table = open_table(path, _find_header)
        try:
            return self._run(path, table)
        finally:
            table.close()

    def _issue(self, row: int, field_: str, code: str, value: str = "") -> RowIssue:
        return RowIssue(row, field_, code,
                        message(f"records.row.{code}", self.lang, value=value, field=field_),
                        value)

    def _run(self, path: Path, table: Table) -> ImportResult:
        columns = match_header(table.header, table.header_above)
        missing = [f for f in REQUIRED if f not in columns.values()]
        if missing:
            raise UsageError("records.import.missing_columns", path=path.name,
                             columns=", ".join(missing))
        result = ImportResult(file=path.name, format=table.format, encoding=table.encoding,
                              separator=table.separator, header_row=table.header_row)
        result.unknown_columns = [
            str(cell).strip() for i, cell in enumerate(table.header)
            if i not in columns and cell not in (None, "") and str(cell).strip()
        ]
        parser = RowParser(columns, self.today)
        present = parser.present
        seen: set[int] = set()
        now = datetime.now(UTC)
        commit_rows = self.commit_rows
        if commit_rows is None and table.size >= HUGE_FILE_BYTES:
            commit_rows = HUGE_COMMIT_ROWS
        batches = self._batches(table, parser, result, seen)
        done = False
        while not done:
            # One transaction for the file; a huge file commits every ``commit_rows`` rows so
            # the journal stays bounded. Re-running an interrupted import resumes it: the rows
            # already committed are recognised by their hash and skipped as unchanged.
            with self.db.write_session(cache_kib=IMPORT_CACHE_KIB) as session:
                writer = RecordWriter(session.connection(), source=f"import:{path.name}",
                                      now=now)
                written = 0
                # The database work of one batch runs on a helper thread while this thread
                # reads and checks the next one: SQLite releases the GIL while it writes.
                # Only one thread touches the connection at any time.
                with ThreadPoolExecutor(1, thread_name_prefix="records-import") as pool:
                    pending: Future[None] | None = None
                    try:
                        for batch in batches:
                            if pending is not None:
                                pending.result()
                            pending = pool.submit(self._write, writer, batch, present, result)
                            written += len(batch)
                            if self.progress is not None:
                                self.progress(result.rows,
                                              int(table.position() if table.position else 0),
                                              table.size)
                            if commit_rows and written >= commit_rows:
                                break
                        else:
                            done = True
                        if pending is not None:
                            pending.result()
                            pending = None
                    finally:
                        if pending is not None:
                            pending.cancel()
                            with contextlib.suppress(BaseException):
                                pending.result()
                if done:
                    self._audit(session, result)
            result.transactions += 1
        return result

    def _batches(self, table: Table, parser: RowParser, result: ImportResult,
                 seen: set[int]) -> Iterator[list[tuple[Record, bool]]]:
        batch: dict[str, tuple[Record, bool]] = {}
        for number, cells in table.rows:
            if not cells or all(c is None or (isinstance(c, str) and not c.strip())
                                for c in cells):
                continue
            result.rows += 1
            try:
                record = parser.parse(number, cells)
            except BadValue as bad:
                result.rejected_count += 1
                if len(result.rejected) < MAX_LISTED:
                    result.rejected.append(self._issue(number, bad.field, bad.code, bad.value))
                continue
            self._check_pid(record, result)
            key = int(record.pid)
            duplicate = key in seen
            if duplicate:
                earlier = batch.get(record.pid)
                if len(result.duplicates) < MAX_LISTED:
                    result.duplicates.append({
                        "row": number, "pid": record.pid,
                        "replaces_row": earlier[0].row if earlier else None,
                        "message": message("records.row.duplicate", self.lang, pid=record.pid),
                    })
                if earlier is not None:
                    # The later row wins; the earlier one in this batch is dropped unseen.
                    batch[record.pid] = (record, earlier[1])
                    continue
            seen.add(key)
            batch[record.pid] = (record, duplicate)
            if len(batch) >= self.batch_rows:
                yield list(batch.values())
                batch = {}
        if batch:
            yield list(batch.values())

    def _check_pid(self, record: Record, result: ImportResult) -> None:
        if self.pid_check is None:
            return
        pid = record.pid
        year = record.date_of_birth.year
        g = (year - 1900) // 100 * 2 + (1 if record.sex == "female" else 0)
        if (pid[:3] in self.province_codes and pid[3] == str(g)
                and pid[4:6] == f"{year % 100:02d}"):
            return  # consistent: the full parser would find nothing
        try:
            parsed = self.pid_check(record.pid, sex=record.sex,
                                    date_of_birth=(record.date_of_birth.year
                                                   if record.dob_precision == "year"
                                                   else record.date_of_birth),
                                    lang=self.lang)
        except Exception:  # noqa: BLE001 - a rules bug must not stop an import
            return
        for finding in getattr(parsed, "findings", ()):
            if finding.severity in ("error", "warning"):
                result.warning_count += 1
                if len(result.warnings) < MAX_LISTED:
                    result.warnings.append(RowIssue(record.row, "pid", finding.code,
                                                    finding.message, record.pid))

    def _write(self, writer: RecordWriter, batch: list[tuple[Record, bool]],
               present: frozenset[str], result: ImportResult) -> None:
        existing = writer.existing([r.pid for r, _ in batch])
        new: list[Record] = []
        changed: list[tuple[int, Record]] = []
        repeated: list[tuple[int, Record]] = []
        for record, duplicate in batch:
            found = existing.get(record.pid)
            if found is None:
                new.append(record)
                if not duplicate:
                    result.imported += 1
            elif found[1] == record.row_hash:
                if not duplicate:
                    result.unchanged += 1
            elif duplicate:
                repeated.append((found[0], record))
            else:
                changed.append((found[0], record))
        writer.insert_new(new, present)
        if changed:
            updated = writer.update_changed(changed, present)
            result.updated += updated
            result.unchanged += len(changed) - updated
        if repeated:
            writer.update_changed(repeated, present, history=False)

    def _audit(self, session: Any, result: ImportResult) -> None:
        if self.actor is None:
            return
        audit = _audit_function()
        if audit is None:
            return
        audit(session, self.actor, "records.import", "records_file", result.file, {
            "encoding": result.encoding, "rows": result.rows, "imported": result.imported,
            "updated": result.updated, "unchanged": result.unchanged,
            "rejected": result.rejected_count, "duplicates": len(result.duplicates),
        })


def _province_codes() -> frozenset[str]:
    try:
        module = importlib.import_module("workstation.rules.personal_id")
        return frozenset(module.provinces())
    except (ImportError, AttributeError, OSError):
        return frozenset()


def _require(actor: Any, permission: str) -> None:
    try:
        security = importlib.import_module("workstation.security")
    except ImportError:
        return
    security.require(actor, permission)


def _audit_function() -> Callable[..., None] | None:
    try:
        module = importlib.import_module("workstation.security.audit")
    except ImportError:
        return None
    fn: Callable[..., None] | None = getattr(module, "record", None)
    return fn


def import_file(db: Any, path: Path | str, **kwargs: Any) -> ImportResult:
    """Import one file; see ``Importer``."""
    return Importer(db, **kwargs).run(path)


__all__ = ["FIELDS", "ImportResult", "Importer", "RowIssue", "import_file"]
