"""Import of population records (nhập dữ liệu dân cư) from CSV or XLSX (``records-format.md``).

Forgiving about form (encodings, separators, header spellings, title rows, Excel's mangling)
and strict about content: a row with a bad value is rejected with its row number, column and a
stable code, and the good rows are kept. The file is one transaction: nothing is half-imported.
Re-importing the same file changes nothing (each resident keeps the hash of the row it came
from); a newer extract updates residents by PID and the history records what changed.

Speed: a file from ``PARALLEL_BYTES`` on is read, decoded and checked by a second process
(``_child_main``) that also prepares each row's database values (folded name, search tokens,
ISO dates, parent links); it sends them in batches (length-prefixed ``marshal``, see ``_wire``)
while this process hashes the rows and writes them, so the two cores share the work. CSV rows
are read ``PARSE_CHUNK`` at a time and checked column by column (``RowParser.parse_batch``,
memo lookups by C-level ``map``; anything unusual goes row by row through ``parse_values``).
Both paths go through the same ``Importer.batches`` and ``RowParser``, so they give the same
database (``tests/integration/test_records_import_paths.py``). Into empty records on SQLite
the secondary indexes are built once at the end of the transaction
(``RecordWriter.begin_bulk``), and the per-row foreign-key lookups are off for the import's
transaction (the writer puts in only ids it has just read or created); each batch's name
tokens go in on a helper thread while the next batch arrives (``RecordWriter.overlap``).
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import json
import marshal
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import chain, compress, repeat
from operator import attrgetter, eq, is_, itemgetter, not_
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resources.messages import message
from workstation.errors import UsageError, UserFacingError
from workstation.records.columns import (
    _CARD_SEEN,
    _SEX_SEEN,
    FIELDS,
    HASH,
    HEAD,
    RECORD_FIELDS,
    REQUIRED,
    ROW,
    TAIL,
    BadValue,
    Record,
    as_record,
    finish_rows,
    hash_parts,
    is_no_expiry,
    links_from,
    match_header,
    parse_card_number,
    parse_card_type,
    parse_date_value,
    parse_pid_value,
    parse_sex_value,
    text_value,
)
from workstation.records.reader import Table, open_table
from workstation.rules.names import clean_name, fold

if TYPE_CHECKING:
    from workstation.records.store import RecordWriter

BATCH_ROWS = 2000
PARSE_CHUNK = 500  # CSV rows parsed column by column at a time
IMPORT_CACHE_KIB = 64 * 1024  # SQLite page cache while importing
HUGE_FILE_BYTES = 128 * 1024 * 1024  # from this size on, commit in steps (resumable)
HUGE_COMMIT_ROWS = 200_000
PARALLEL_BYTES = 4 * 1024 * 1024  # from this size on a second process reads the file
MEMO_VALUES = 100_000  # distinct cell texts remembered per kind (names, places, phones…)
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
_TOKEN = re.compile(r"[a-z0-9]+")
_DIGITS = [str(g) for g in range(10)]
_YEAR_DIGITS = [f"{y:02d}" for y in range(100)]
_TEXT_FIELDS = ("ethnicity", "religion", "hometown", "birth_registration_place", "residence",
                "unit_name", "hamlet", "relation_to_head", "father_name", "mother_name",
                "guardian_name", "phone")


_MISS: Any = object()
_POS = {name: i for i, name in enumerate(RECORD_FIELDS)}
# The usual cells, checked by C code: a PID (or a parent's, or none), a card number.
_PID12 = re.compile(r"[0-9]{12}").fullmatch
_PID12_OR_EMPTY = re.compile(r"(?:[0-9]{12})?").fullmatch
_CARD_NUMBER = re.compile(r"[0-9]{9}|[0-9]{12}").fullmatch
_FIRST, _SECOND, _THIRD, _FOURTH = itemgetter(0), itemgetter(1), itemgetter(2), itemgetter(3)
_YEAR = attrgetter("year")
# Placeholders in the columns of a row that parse_values will redo.
_NO_NAME = ("", "", ())
_NO_DATE = (date(2000, 1, 1), "day", "", "")


def _filled(cells: list[Any]) -> bool:
    """Whether a row has anything in it (blank rows are skipped, not counted)."""
    if not cells:
        return False
    first = cells[0]
    return (type(first) is str and bool(first) and not first.isspace()) or not all(
        c is None or (isinstance(c, str) and not c.strip()) for c in cells)


class RowParser:
    """Turns the cells of one row into a ``Record`` or raises ``BadValue``.

    The checks are those of ``columns``; this class adds fast paths for the usual cell (a
    twelve-digit PID, a ``dd/mm/yyyy`` date) and remembers the values that recur on every row
    (places, words, dates), which is what makes a 100,000-row file quick to read.
    """

    def __init__(self, columns: dict[int, str], today: date) -> None:
        self.index = {f: i for i, f in columns.items()}
        self.width = max(columns) + 1 if columns else 0
        self.today = today
        self.present = frozenset(columns.values())
        index = self.index
        # Free text and codes: (position in the Record, cell index).
        texts = [(_POS[f], index[f]) for f in (*_TEXT_FIELDS, "unit_code", "household_id")
                 if f in index]
        self.text_pos = [p for p, _ in texts]
        self.text_cells = itemgetter(*[i for _, i in texts]) if len(texts) > 1 else None
        self.texts = texts
        # The Record's fields 5 to 25 taken from the cleaned texts plus a final None.
        where = {pos: k for k, pos in enumerate(self.text_pos)}
        self.spread = itemgetter(*[where.get(pos, len(texts)) for pos in range(5, 26)])
        self.parent_fields = [(f"{role}_pid", _POS[f"{role}_pid"], index[f"{role}_pid"])
                              for role in ("father", "mother", "guardian")
                              if f"{role}_pid" in index]
        self.has_card = "card_number" in index or "card_type" in index
        self.i_pid, self.i_name = index["pid"], index["full_name"]
        self.i_dob, self.i_sex = index["date_of_birth"], index["sex"]
        # Cleaned text of the cells seen (None for blank); str keys only, so 1 and True
        # cannot meet.
        self.memo: dict[Any, str | None] = {None: None, "": None}
        self.names: dict[str, tuple[str, str, tuple[str, ...]]] = {}
        self.card_cells = tuple(index.get(f) for f in (
            "card_type", "card_number", "card_issued_on", "card_expires_on"))
        self.dates: dict[str, dict[Any, tuple[date, str, str, str]]] = {
            f: {} for f in ("date_of_birth", "card_issued_on", "card_expires_on")}
        self.no_expiry: dict[Any, bool] = {}
        self.hashing = True

    def cell(self, cells: list[Any], name: str) -> Any:
        i = self.index.get(name)
        if i is None or i >= len(cells):
            return None
        value = cells[i]
        if isinstance(value, str):
            value = value.strip()
            return value or None
        return value

    def _date(self, raw: Any, field_: str,
              allow_year: bool = False) -> tuple[date, str, str, str] | None:
        """(date, precision, ISO text, text in the row hash), remembered per cell text."""
        cache = self.dates[field_]
        found = cache.get(raw) if type(raw) is str else None
        if found is None:
            parsed = self._usual_date(raw, field_)
            if parsed is None:
                parsed = parse_date_value(raw, field_, today=self.today, allow_year=allow_year)
            if parsed is None:
                return None
            day, precision = parsed
            iso = day.isoformat()
            found = (day, precision, iso, f"{day.year:04d}" if precision == "year" else iso)
            if type(raw) is str:
                if len(cache) > 100_000:
                    cache.clear()
                cache[raw] = found
        return found

    def _usual_date(self, raw: Any, field_: str) -> tuple[date, str] | None:
        """A valid ``dd/mm/yyyy`` cell, exactly as ``parse_date_value`` would take it; None for
        anything else (which goes to ``parse_date_value``, to be taken or refused there)."""
        if not (type(raw) is str and len(raw) == 10 and raw[2] == "/" and raw[5] == "/"
                and raw[:2].isdigit() and raw[3:5].isdigit() and raw[6:].isdigit()):
            return None
        try:
            day = date(int(raw[6:]), int(raw[3:5]), int(raw[:2]))
        except ValueError:
            return None
        if field_ != "card_expires_on" and (day > self.today or day.year < 1850):
            return None
        return day, "day"

    def _text(self, value: Any) -> str | None:
        if type(value) is not str:
            return text_value(value) or None
        memo = self.memo
        if len(memo) > MEMO_VALUES:
            memo.clear()
            memo[None] = memo[""] = None
        cleaned = memo[value] = clean_name(value) or None
        return cleaned

    def _name(self, raw: Any) -> tuple[str, str, tuple[str, ...]]:
        """(name as written, folded name, search tokens) of a name cell, or ``BadValue``;
        remembered per cell text (a family name and its given names recur)."""
        if type(raw) is str:
            name = clean_name(raw)
        else:
            name = text_value(raw) if raw is not None else ""
        if not name:
            raise BadValue("full_name", "name.empty")
        if len(name) > 200 or _DIGIT.search(name):
            raise BadValue("full_name", "name.invalid", name)
        name_key = fold(name)
        named = (name, name_key, tuple([tok[:64] for tok in _TOKEN.findall(name_key)]))
        if type(raw) is str:
            if len(self.names) > MEMO_VALUES:
                self.names.clear()
            self.names[raw] = named
        return named

    def parse_values(self, number: int, cells: list[Any]) -> list[Any]:
        """The row as ``columns.record_values`` gives it, or ``BadValue``."""
        if len(cells) < self.width:
            cells = cells + [None] * (self.width - len(cells))
        raw = cells[self.i_pid]
        if type(raw) is str and len(raw) == 12 and raw.isdigit() and raw.isascii():
            pid = raw  # the usual cell: what parse_pid_value would return unchanged
        else:
            pid = parse_pid_value(raw)  # type: ignore[assignment]
        assert pid is not None
        raw_name = cells[self.i_name]
        named = self.names.get(raw_name) if type(raw_name) is str else None
        if named is None:
            named = self._name(raw_name)
        name, name_key, tokens = named
        raw = cells[self.i_dob]
        parsed = self.dates["date_of_birth"].get(raw) if type(raw) is str else None
        if parsed is None:
            parsed = self._date(raw, "date_of_birth", True)
            if parsed is None:
                raise BadValue("date_of_birth", "dob.empty")
        dob, precision, dob_iso, dob_text = parsed
        raw = cells[self.i_sex]
        sex = _SEX_SEEN.get(raw) or parse_sex_value(raw)
        # Places and words: the same few values on every row, cleaned once.
        if self.text_cells is not None:
            raws = self.text_cells(cells)
            cleaned = list(map(self.memo.get, raws, repeat(_MISS)))
            if _MISS in cleaned:
                for k, value in enumerate(cleaned):
                    if value is _MISS:
                        cleaned[k] = self._text(raws[k])
            cleaned.append(None)
            # Record fields 5…25 in one go: the cleaned texts, None elsewhere.
            values = [pid, name, dob, sex, precision, *self.spread(cleaned), number, None]
        else:
            values = [None] * 28
            values[0] = pid
            values[1] = name
            values[2] = dob
            values[3] = sex
            values[4] = precision
            values[26] = number
            for pos, i in self.texts:
                raw = cells[i]
                value = self.memo.get(raw, _MISS) if type(raw) is str else _MISS
                values[pos] = self._text(raw) if value is _MISS else value
        for key, pos, i in self.parent_fields:
            value = cells[i]
            if value is None or value == "":
                continue
            ppid: str | None
            if type(value) is str and len(value) == 12 and value.isdigit() and value.isascii():
                ppid = value
            else:
                ppid = parse_pid_value(value, key, required=False)
            if ppid == pid:
                raise BadValue(key, "parent.self", ppid)
            values[pos] = ppid
        issued_iso = expires_iso = None
        if self.has_card:
            issued_iso, expires_iso = self._card(values, cells, pid)
        # What ``Record.row_hash`` hashes, and the database parts (``columns.HEAD`` …).
        row_hash = None
        if self.hashing:  # else the importing process does it (``columns.finish_rows``)
            parts = (pid, name, dob_text, sex, *values[5:23], issued_iso, expires_iso,
                     values[25])
            row_hash = hash_parts(parts)
            values[27] = row_hash
        else:
            values[27] = dob_text  # what the hash takes for the date of birth
        links = links_from(*values[15:21])
        values += (name_key, (pid, name, name_key, dob_iso, precision, dob.year, sex,
                              *values[5:10]),
                   (values[14], values[25], row_hash), tokens, issued_iso, expires_iso, links)
        return values

    def parse_batch(self, items: list[tuple[int, list[Any]]]) -> list[list[Any] | BadValue]:
        """``parse_values`` of many rows of text cells (CSV) at once: for each row its values,
        or the ``BadValue`` that rejects it.

        The rows are taken column by column: each column is looked up in its memo by C-level
        ``map``; values not seen before are checked one by one and remembered. A row with
        anything unusual (a short row, a value that fails its check, a card number or a
        parent's PID that is not plain digits) is left to ``parse_values`` itself, so every
        row gets exactly what ``parse_values`` gives it
        (``tests/unit/test_records_row_parser.py``).
        """
        n = len(items)
        if not n:
            return []
        numbers = [number for number, _ in items]
        rows = [cells for _, cells in items]
        slow: set[int] = set()
        width = self.width
        short = [k for k, cells in enumerate(rows) if len(cells) < width]
        if short:
            rows = list(rows)
            for k in short:
                rows[k] = rows[k] + [""] * (width - len(rows[k]))
            slow.update(short)
        cols = list(zip(*rows, strict=False))  # cells beyond the header's are left out
        everyone = range(n)

        def misses(found: list[Any], marker: Any = None) -> list[int]:
            return list(compress(everyone, map(is_, found, repeat(marker))))

        pids = cols[self.i_pid]
        slow.update(compress(everyone, map(not_, map(_PID12, pids))))
        raws = cols[self.i_name]
        named: list[Any] = list(map(self.names.get, raws))
        for k in misses(named):
            try:
                named[k] = self._name(raws[k])
            except BadValue:
                slow.add(k)
                named[k] = _NO_NAME
        raws = cols[self.i_dob]
        dobs: list[Any] = list(map(self.dates["date_of_birth"].get, raws))
        for k in misses(dobs):
            try:
                dobs[k] = self._date(raws[k], "date_of_birth", True)
            except BadValue:
                dobs[k] = None
            if dobs[k] is None:
                slow.add(k)
                dobs[k] = _NO_DATE
        raws = cols[self.i_sex]
        sexes: list[Any] = list(map(_SEX_SEEN.get, raws))
        for k in misses(sexes):
            try:
                sexes[k] = parse_sex_value(raws[k])
            except BadValue:
                slow.add(k)
        # The Record's fields 5…25, a column each (all None where the file has no such column).
        nothing: list[Any] = [None] * n
        fields: list[Any] = [nothing] * 21
        memo = self.memo
        for pos, i in self.texts:
            raws = cols[i]
            cleaned = list(map(memo.get, raws, repeat(_MISS)))
            for k in misses(cleaned, _MISS):
                cleaned[k] = self._text(raws[k])
            fields[pos - 5] = cleaned
        for key, pos, i in self.parent_fields:
            raws = cols[i]
            ppids: list[Any] = [raw or None for raw in raws]
            for k in compress(everyone, map(not_, map(_PID12_OR_EMPTY, raws))):
                try:
                    ppids[k] = parse_pid_value(raws[k], key, required=False)
                except BadValue:
                    slow.add(k)
            slow.update(compress(everyone, map(eq, ppids, pids)))  # parent.self
            fields[pos - 5] = ppids
        issued_isos: list[Any] = nothing
        expires_isos: list[Any] = nothing
        if self.has_card:
            cards = self._cards(cols, pids, slow)
            fields[16], fields[17], fields[18], fields[19], issued_isos, expires_isos = cards
        names = list(map(_FIRST, named))
        keys = list(map(_SECOND, named))
        dates = list(map(_FIRST, dobs))
        precisions = list(map(_SECOND, dobs))
        years = list(map(_YEAR, dates))
        hashes: list[Any] = nothing
        if self.hashing:
            hashes = list(map(hash_parts, zip(pids, names, map(_FOURTH, dobs), sexes,
                                              *fields[:18], issued_isos, expires_isos,
                                              fields[20], strict=True)))
            slots = hashes
        else:  # the hash's slot carries what the hash takes for the date of birth (the
            # importing process hashes: ``columns.finish_rows``)
            slots = list(map(_FOURTH, dobs))
        links = list(map(links_from, *fields[10:16]))
        heads = zip(pids, names, keys, map(_THIRD, dobs), precisions, years, sexes,
                    *fields[:5], strict=True)
        tails = zip(fields[9], fields[20], hashes, strict=True)
        out: list[Any] = list(map(list, zip(
            pids, names, dates, sexes, precisions, *fields, numbers, slots, keys, heads,
            tails, map(_THIRD, named), issued_isos, expires_isos, links, strict=True)))
        for k in sorted(slow):
            try:
                out[k] = self.parse_values(numbers[k], items[k][1])
            except BadValue as bad:
                out[k] = bad
        return out

    def _cards(self, cols: list[tuple[Any, ...]], pids: tuple[str, ...],
               slow: set[int]) -> tuple[list[Any], ...]:
        """The card columns of ``parse_batch``: type, number, issue and expiry dates, and the
        ISO texts of the two dates; rows with anything unusual are added to ``slow``."""
        n = len(pids)
        i_type, i_number, i_issued, i_expires = self.card_cells
        blank = ("",) * n
        types = cols[i_type] if i_type is not None else blank
        numbers = cols[i_number] if i_number is not None else blank
        issued_raws = cols[i_issued] if i_issued is not None else blank
        expires_raws = cols[i_expires] if i_expires is not None else blank
        kinds: list[Any] = [None] * n
        cards: list[Any] = [None] * n
        issued_on: list[Any] = [None] * n
        expires_on: list[Any] = [None] * n
        issued_iso: list[Any] = [None] * n
        expires_iso: list[Any] = [None] * n
        issued_memo = self.dates["card_issued_on"]
        expires_memo = self.dates["card_expires_on"]
        for k, raw, number in zip(range(n), types, numbers, strict=True):
            kind = _CARD_SEEN.get(raw) if raw else None  # a handful of spellings
            if kind is None and raw:
                try:
                    kind = parse_card_type(raw.strip() or None)
                except BadValue:
                    slow.add(k)
                    continue
            if not number:
                number = None
            elif not _CARD_NUMBER(number):
                slow.add(k)  # spaces, Excel's mangling…: parse_values sorts it out
                continue
            if number and not kind:
                kind = "cmnd" if len(number) == 9 else "cccd"
            if kind and not number:
                if kind == "cmnd":
                    slow.add(k)
                    continue
                number = pids[k]  # CCCD and căn cước carry the PID as their number
            kinds[k], cards[k] = kind, number
            if not number:
                continue
            raw = issued_raws[k]
            issued = issued_memo.get(raw) if raw else None
            if issued is None and raw:
                try:
                    issued = self._date(raw.strip() or None, "card_issued_on")
                except BadValue:
                    slow.add(k)
                    continue
            raw = expires_raws[k]
            expires = expires_memo.get(raw) if raw else None
            if expires is None and raw:
                try:
                    expires = self._expiry(raw.strip() or None)
                except BadValue:
                    slow.add(k)
                    continue
            if issued is not None:
                issued_on[k], issued_iso[k] = issued[0], issued[2]
            if expires is not None:
                if issued is not None and expires[0] <= issued[0]:
                    slow.add(k)
                    continue
                expires_on[k], expires_iso[k] = expires[0], expires[2]
        return kinds, cards, issued_on, expires_on, issued_iso, expires_iso

    def _expiry(self, raw: Any) -> tuple[date, str, str, str] | None:
        """The expiry date of a card from its cell (stripped), as ``_date`` gives it; None for
        a blank cell or one saying the card does not expire (remembered per cell text)."""
        endless = self.no_expiry.get(raw) if type(raw) is str else None
        if endless is None:
            endless = is_no_expiry(raw)
            if type(raw) is str and len(self.no_expiry) < 10_000:
                self.no_expiry[raw] = endless
        return None if endless else self._date(raw, "card_expires_on")

    def parse(self, number: int, cells: list[Any]) -> Record:
        return as_record(self.parse_values(number, cells))

    def _card(self, values: list[Any], cells: list[Any],
              pid: str) -> tuple[str | None, str | None]:
        """The card columns into ``values``; returns the ISO texts of the two dates."""
        i_type, i_number, i_issued, i_expires = self.card_cells
        raw = cells[i_type] if i_type is not None else None
        kind = _CARD_SEEN.get(raw) if type(raw) is str else None  # a handful of spellings
        if kind is None:
            if type(raw) is str:
                raw = raw.strip() or None
            kind = parse_card_type(raw)
        raw_number = cells[i_number] if i_number is not None else None
        if (type(raw_number) is str and len(raw_number) in (9, 12) and raw_number.isdigit()
                and raw_number.isascii()):
            number_: str | None = raw_number
        else:
            if type(raw_number) is str:
                raw_number = raw_number.strip() or None
            number_ = parse_card_number(raw_number)
        if number_ and not kind:
            kind = "cmnd" if len(number_) == 9 else "cccd"
        if kind and not number_:
            if kind == "cmnd":
                raise BadValue("card_number", "card.number_missing")
            number_ = pid  # CCCD and căn cước carry the PID as their number
        values[21], values[22] = kind, number_
        if not number_:
            return None, None
        raw = cells[i_issued] if i_issued is not None else None
        # Cell texts seen before: straight from the memo (``_date`` keeps it).
        issued = self.dates["card_issued_on"].get(raw) if type(raw) is str else None
        if issued is None:
            if type(raw) is str:
                raw = raw.strip() or None
            issued = self._date(raw, "card_issued_on")
        issued_on, issued_iso = (issued[0], issued[2]) if issued else (None, None)
        values[23] = issued_on
        raw_exp = cells[i_expires] if i_expires is not None else None
        expires = self.dates["card_expires_on"].get(raw_exp) if type(raw_exp) is str else None
        if expires is None:
            if type(raw_exp) is str:
                raw_exp = raw_exp.strip() or None
            expires = self._expiry(raw_exp)
            if not expires:
                return issued_iso, None
        values[24] = expires_on = expires[0]
        if issued_on and expires_on <= issued_on:
            raise BadValue("card_expires_on", "date.invalid", raw_exp)
        return issued_iso, expires[2]


class Importer:
    """One import of one file into the records (``workstation records import``)."""

    def __init__(self, db: Any, *, actor: Any = None, lang: str = "vi",
                 progress: Progress | None = None, today: date | None = None,
                 batch_rows: int = BATCH_ROWS, commit_rows: int | None = None,
                 parallel: bool | None = None) -> None:
        self.db = db
        self.actor = actor
        self.lang = lang
        self.progress = progress
        self.today = today or date.today()
        self.batch_rows = batch_rows
        self.commit_rows = commit_rows
        # None: a second process reads files from PARALLEL_BYTES on; True/False: always/never.
        self.parallel = parallel
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
        present = frozenset(columns.values())
        now = datetime.now(UTC)
        commit_rows = self.commit_rows
        if commit_rows is None and table.size >= HUGE_FILE_BYTES:
            commit_rows = HUGE_COMMIT_ROWS
        source: _Source | None = None
        if self.parallel or (self.parallel is None and table.size >= PARALLEL_BYTES):
            # A second process reads, decodes and checks the rows while this one writes.
            with contextlib.suppress(OSError):  # no second process: read here
                source = _ChildSource(self, path, result)
                table.close()
        if source is None:
            source = _LocalSource(self, table, RowParser(columns, self.today), result)
        try:
            with _fewer_collections():
                self._transactions(path, source, present, result, now, commit_rows)
        finally:
            source.close()
        return result

    def _transactions(self, path: Path, source: _Source, present: frozenset[str],
                      result: ImportResult, now: datetime, commit_rows: int | None) -> None:
        from workstation.records.store import RecordWriter

        batches = iter(source)
        done = False
        while not done:
            # One transaction for the file; a huge file commits every ``commit_rows`` rows so
            # the journal stays bounded. Re-running an interrupted import resumes it: the rows
            # already committed are recognised by their hash and skipped as unchanged.
            # Without SQLite's foreign-key lookups on every inserted row: the writer puts in
            # only ids it has just read or created (tests check PRAGMA foreign_key_check).
            with self.db.write_session(cache_kib=IMPORT_CACHE_KIB,
                                       foreign_keys=False) as session:
                writer = RecordWriter(session.connection(), source=f"import:{path.name}",
                                      now=now)
                # Into empty records (SQLite, write lock held) the search indexes are built
                # once at the end, which is quicker than row by row; nothing is in the records
                # yet that a row of this file could meet except an earlier row of it.
                fresh = writer.begin_bulk()
                writer.overlap()
                written = 0
                try:
                    for batch in batches:
                        self._write(writer, batch, present, result, fresh)
                        written += len(batch)
                        if self.progress is not None:
                            self.progress(result.rows, source.position(), source.size)
                        if commit_rows and written >= commit_rows:
                            break
                    else:
                        done = True
                except BaseException:
                    # Nothing may be left running on the connection when it rolls back.
                    with contextlib.suppress(Exception):
                        writer.close()
                    raise
                writer.close()
                writer.end_bulk()
                if done:
                    self._audit(session, result)
            result.transactions += 1

    @staticmethod
    def _parsed(table: Table, parser: RowParser) -> Iterator[list[tuple[int, Any]]]:
        """Lists of (row number, values or the BadValue that rejects the row) of the rows
        that are not blank. Text cells (CSV) are read and parsed ``PARSE_CHUNK`` rows at a
        time (``Table.chunks``, ``RowParser.parse_batch``); other rows one by one."""
        if table.chunks is not None:  # CSV: text cells
            for numbers, rows in table.chunks(PARSE_CHUNK):
                items = [item for item in zip(numbers, rows, strict=True) if _filled(item[1])]
                yield list(zip(map(_FIRST, items), parser.parse_batch(items), strict=True))
            return
        for number, cells in table.rows:
            if not _filled(cells):
                continue
            try:
                yield [(number, parser.parse_values(number, cells))]
            except BadValue as bad:
                yield [(number, bad)]

    def batches(self, table: Table, parser: RowParser, result: ImportResult
                ) -> Iterator[list[tuple[list[Any], bool]]]:
        """The file's accepted rows (``RowParser.parse_values``) in batches, each with whether
        its PID came earlier in the file; rejections, duplicates and warnings go to
        ``result``."""
        batch: dict[str, tuple[list[Any], bool]] = {}
        seen: set[int] = set()
        for number, values in chain.from_iterable(self._parsed(table, parser)):
            result.rows += 1  # here, so that progress counts the rows handed on
            if type(values) is BadValue:
                bad = values
                result.rejected_count += 1
                if len(result.rejected) < MAX_LISTED:
                    result.rejected.append(self._issue(number, bad.field, bad.code, bad.value))
                continue
            self._check_pid(values, result)
            pid = values[0]
            key = int(pid)
            duplicate = key in seen
            if duplicate:
                earlier = batch.get(pid)
                if len(result.duplicates) < MAX_LISTED:
                    result.duplicates.append({
                        "row": number, "pid": pid,
                        "replaces_row": earlier[0][ROW] if earlier else None,
                        "message": message("records.row.duplicate", self.lang, pid=pid),
                    })
                if earlier is not None:
                    # The later row wins; the earlier one in this batch is dropped unseen.
                    batch[pid] = (values, earlier[1])
                    continue
            seen.add(key)
            batch[pid] = (values, duplicate)
            if len(batch) >= self.batch_rows:
                yield list(batch.values())
                batch = {}
        if batch:
            yield list(batch.values())

    def _check_pid(self, values: list[Any], result: ImportResult) -> None:
        if self.pid_check is None:
            return
        pid, dob, sex = values[0], values[2], values[3]
        year = dob.year
        g = (year - 1900) // 100 * 2 + (1 if sex == "female" else 0)
        if (pid[:3] in self.province_codes and 0 <= g <= 9 and pid[3] == _DIGITS[g]
                and pid[4:6] == _YEAR_DIGITS[year % 100]):
            return  # consistent: the full parser would find nothing
        try:
            parsed = self.pid_check(pid, sex=sex,
                                    date_of_birth=year if values[4] == "year" else dob,
                                    lang=self.lang)
        except Exception:  # noqa: BLE001 - a rules bug must not stop an import
            return
        for finding in getattr(parsed, "findings", ()):
            if finding.severity in ("error", "warning"):
                result.warning_count += 1
                if len(result.warnings) < MAX_LISTED:
                    result.warnings.append(RowIssue(values[ROW], "pid", finding.code,
                                                    finding.message, pid))

    def _write(self, writer: RecordWriter, batch: list[tuple[list[Any], bool]],
               present: frozenset[str], result: ImportResult, fresh: bool = False) -> None:
        if fresh:  # only a PID seen earlier in the file can be in the records
            existing = writer.existing([v[0] for v, duplicate in batch if duplicate])
        else:
            existing = writer.existing([v[0] for v, _ in batch])
        if not existing:  # all new (the usual batch of a first import)
            writer.insert_new(list(map(_FIRST, batch)), present)
            result.imported += len(batch) - sum(map(_SECOND, batch))  # not repeats
            return
        new: list[list[Any]] = []
        changed: list[tuple[int, Record]] = []
        repeated: list[tuple[int, Record]] = []
        for values, duplicate in batch:
            found = existing.get(values[0])
            if found is None:
                new.append(values)
                if not duplicate:
                    result.imported += 1
            elif found[1] == values[HASH]:
                if not duplicate:
                    result.unchanged += 1
            elif duplicate:
                repeated.append((found[0], as_record(values)))
            else:
                changed.append((found[0], as_record(values)))
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


# --- where the checked rows come from ---------------------------------------------------------


class _Source:
    size: int = 0

    def __iter__(self) -> Iterator[list[tuple[list[Any], bool]]]:
        raise NotImplementedError

    def position(self) -> int:
        return 0

    def close(self) -> None:
        pass


class _LocalSource(_Source):
    """Rows read and checked in this process (small files, or no second process)."""

    def __init__(self, importer: Importer, table: Table, parser: RowParser,
                 result: ImportResult) -> None:
        self.importer, self.table, self.parser, self.result = importer, table, parser, result
        self.size = table.size

    def __iter__(self) -> Iterator[list[tuple[list[Any], bool]]]:
        return self.importer.batches(self.table, self.parser, self.result)

    def position(self) -> int:
        return int(self.table.position() if self.table.position else 0)


_CHILD_CODE = "from workstation.records.importer import _child_main; _child_main()"


class _ChildSource(_Source):
    """Rows read and checked by a second process (``_child_main``), sent here in batches, so
    that reading, decoding and checking run on one core while this process writes on the
    other. The batches are exactly those ``Importer.batches`` gives in-process."""

    def __init__(self, importer: Importer, path: Path, result: ImportResult) -> None:
        self.importer, self.path, self.result = importer, path, result
        self.size = path.stat().st_size
        self._position = 0
        args = json.dumps({"path": str(path), "lang": importer.lang,
                           "today": importer.today.isoformat(),
                           "batch_rows": importer.batch_rows})
        env = dict(os.environ)
        root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join(
            [root, *([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])])
        self.proc: subprocess.Popen[bytes] | None = subprocess.Popen(
            [sys.executable, "-c", _CHILD_CODE, args], stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        assert self.proc.stdout is not None
        with contextlib.suppress(OSError, AttributeError, ImportError):
            import fcntl  # let the reading process run ahead: a bigger pipe (Linux)

            fcntl.fcntl(self.proc.stdout.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)
        self.stream = self.proc.stdout

    def _receive(self) -> tuple[Any, ...]:
        try:
            # Length-prefixed: marshal.loads() of a whole message is many times quicker than
            # marshal.load() reading a pipe object by object.
            head = self.stream.read(8)
            if len(head) < 8:
                raise EOFError
            size = int.from_bytes(head, "little")
            data = self.stream.read(size)
            if len(data) < size:
                raise EOFError
            message_: tuple[Any, ...] = marshal.loads(data)
        except (EOFError, ValueError, TypeError) as exc:
            raise UserFacingError("records.import.reader_failed", path=self.path.name,
                                  detail="the reading process stopped") from exc
        return message_

    def __iter__(self) -> Iterator[list[tuple[list[Any], bool]]]:
        result = self.result
        while True:
            message_ = self._receive()
            kind = message_[0]
            if kind == "error":
                raise UserFacingError("records.import.reader_failed", path=self.path.name,
                                      detail=str(message_[1])[:200])
            (result.rows, result.rejected_count, rejected, duplicates, result.warning_count,
             warnings, self._position) = message_[2:]
            result.rejected += [RowIssue(*issue) for issue in rejected]
            result.duplicates += duplicates
            result.warnings += [RowIssue(*issue) for issue in warnings]
            if kind == "end":
                return
            batch = message_[1]
            finish_rows(list(map(_FIRST, batch)))
            yield batch

    def position(self) -> int:
        return self._position

    def close(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.kill()
        if proc.stdout is not None:
            proc.stdout.close()
        proc.wait()


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """Fewer runs of the cyclic garbage collector while rows stream through: an import makes
    no reference cycles, but its many short-lived lists and tuples would set the collector off
    every few hundred rows, each time walking every object the program holds."""
    threshold = gc.get_threshold()
    gc.freeze()  # what exists now is not walked again until the end
    gc.set_threshold(max(threshold[0], 50_000), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _issue_tuple(issue: RowIssue) -> tuple[Any, ...]:
    return (issue.row, issue.field, issue.code, issue.message, issue.value)


def _wire(values: list[Any]) -> None:
    """A checked row as the reading process sends it (``columns.finish_rows`` completes it):
    the date of birth as its ISO text, the card's dates as day ordinals (``as_record`` turns
    them back), and HEAD and TAIL left out: they repeat other values, and the importing
    process puts them together again more cheaply than ``marshal`` carries them."""
    values[2] = values[HEAD][3]
    if values[23] is not None:
        values[23] = values[23].toordinal()
    if values[24] is not None:
        values[24] = values[24].toordinal()
    values[HEAD] = values[TAIL] = None


def _send(out: Any, message_: tuple[Any, ...]) -> None:
    data = marshal.dumps(message_)
    out.write(len(data).to_bytes(8, "little"))
    out.write(data)


def _child_main() -> None:
    """The reading process of ``_ChildSource``: ``marshal`` messages on stdout (plain values
    only: rows as ``_wire`` leaves them; issues as tuples)."""
    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write to the pipe
    args = json.loads(sys.argv[1])
    try:
        importer = Importer(None, lang=args["lang"], today=date.fromisoformat(args["today"]),
                            batch_rows=args["batch_rows"])
        table = open_table(Path(args["path"]), _find_header)
        parser = RowParser(match_header(table.header, table.header_above), importer.today)
        parser.hashing = False  # the importing process hashes (finish_rows): it has time
        result = ImportResult(file="", format=table.format, encoding=table.encoding)
        sent = [0, 0, 0]

        def state() -> tuple[Any, ...]:
            lists: tuple[list[Any], ...] = (result.rejected, result.duplicates, result.warnings)
            news = [lst[n:] for lst, n in zip(lists, sent, strict=True)]
            sent[:] = [len(lst) for lst in lists]
            return (result.rows, result.rejected_count, [_issue_tuple(i) for i in news[0]],
                    news[1], result.warning_count, [_issue_tuple(i) for i in news[2]],
                    int(table.position() if table.position else 0))

        gc.freeze()
        gc.set_threshold(50_000, *gc.get_threshold()[1:])
        for batch in importer.batches(table, parser, result):
            for values, _ in batch:
                _wire(values)
            _send(out, ("batch", batch, *state()))
        _send(out, ("end", None, *state()))
        out.flush()
        table.close()
    except BrokenPipeError:  # the importing process went away
        return
    except BaseException as exc:  # noqa: BLE001 - reported to the importing process
        with contextlib.suppress(BrokenPipeError):
            _send(out, ("error", f"{type(exc).__name__}: {exc}"))
            out.flush()


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
