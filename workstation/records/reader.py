"""Reading a records file as rows of cells: CSV in any of the encodings stations meet, or XLSX.

Everything streams: CSV is decoded line by line (the legacy decoders work per line, since no
TCVN3/VNI byte is a line break) and XLSX is read with openpyxl's read-only mode, so memory stays
flat for a province-sized file.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from workstation.errors import UsageError
from workstation.rules.names import (
    LEGACY_ENCODINGS,
    decode_legacy,
    detect_encoding,
    detect_legacy_text,
    vietnamese_score,
)

SAMPLE_BYTES = 256 * 1024
HEADER_SEARCH_ROWS = 15
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass
class Table:
    """An opened file: what was detected, and its data rows after the header."""

    path: Path
    format: str  # csv | xlsx
    encoding: str
    header: list[Any]
    header_row: int
    header_above: list[Any] | None
    rows: Iterator[tuple[int, list[Any]]]
    size: int
    position: Any = None  # callable giving bytes read so far (CSV), for progress
    separator: str | None = None
    closers: list[Any] = field(default_factory=list)
    # CSV: chunks(n) gives the data rows n at a time as (line numbers, rows); instead of
    # ``rows``, not as well.
    chunks: Callable[[int], Iterator[tuple[Sequence[int], list[list[str]]]]] | None = None

    def close(self) -> None:
        for closer in self.closers:
            closer()


def open_table(path: Path, find_header: Any) -> Table:
    """Open ``path``; ``find_header(rows)`` picks the header row among the first rows.

    ``find_header`` receives a list of (row number, cells) and returns the index of the header
    row in that list, or None.
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(SAMPLE_BYTES)
    except FileNotFoundError:
        raise UsageError("error.file_not_found", path=str(path)) from None
    except OSError as exc:
        raise UsageError("error.file_unreadable", path=str(path), detail=exc.strerror) from None
    if not head.strip():
        raise UsageError("records.import.empty", path=path.name)
    if head.startswith(b"PK\x03\x04"):
        return _open_xlsx(path, size, find_header)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UsageError("records.import.xls", path=path.name)
    try:
        encoding = detect_encoding(head)
    except ValueError:
        raise UsageError("records.import.binary", path=path.name) from None
    return _open_csv(path, size, head, encoding, find_header)


def _open_csv(path: Path, size: int, head: bytes, encoding: str, find_header: Any) -> Table:
    raw = path.open("rb")
    reported = "utf-16" if encoding.startswith("utf-16") else encoding
    legacy: str | None = encoding if encoding in LEGACY_ENCODINGS else None
    lines: Iterator[str]
    close = raw.close
    if legacy is None:
        text = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
        close = text.close
        # Unicode text that is really TCVN3/VNI shown in a Western code page ("NguyÔn").
        sample_text = head.decode(encoding if encoding != "utf-16-le" else "utf-16-le",
                                  errors="ignore")
        legacy = detect_legacy_text(sample_text)
        if legacy is not None:
            reported = legacy
            lines = (_maybe_legacy(line, legacy) if not line.isascii() else line
                     for line in text)
        else:
            # The text file itself: its lines end at \r, \n or \r\n only (newline=""), as
            # csv wants; iterating it is quicker than any splitting of ours.
            lines = text
    else:
        lines = (decode_legacy(line, legacy) for line in raw)
    sample = _first_lines(head, encoding, legacy)
    separator = _sniff_separator(sample)
    reader = csv.reader(lines, delimiter=separator, quotechar='"', skipinitialspace=False)

    def numbered() -> Iterator[tuple[int, list[Any]]]:
        last = 0
        for cells in reader:
            start = last + 1
            last = reader.line_num
            yield start, cells

    rows = numbered()
    head_rows: list[tuple[int, list[Any]]] = []
    for item in rows:
        head_rows.append(item)
        if len(head_rows) >= HEADER_SEARCH_ROWS:
            break
    index = find_header(head_rows)
    if index is None:
        close()
        raise UsageError("records.import.no_header", path=path.name)

    def data_rows() -> Iterator[tuple[int, list[Any]]]:
        yield from head_rows[index + 1:]
        yield from rows

    def chunks(size: int) -> Iterator[tuple[Sequence[int], list[list[str]]]]:
        """The data rows ``size`` at a time, with the line number each starts on: read by
        ``islice`` with no Python step per row. Line breaks inside quoted cells are counted
        when a chunk took more lines than rows. (The legacy decoders' lines end at \n only:
        those files go row by row.)"""
        rest = head_rows[index + 1:]
        if rest:
            yield [number for number, _ in rest], [cells for _, cells in rest]
        if encoding in LEGACY_ENCODINGS:
            while some := list(islice(rows, size)):
                yield [number for number, _ in some], [cells for _, cells in some]
            return
        while True:
            start = reader.line_num + 1
            block = list(islice(reader, size))
            if not block:
                return
            if reader.line_num - start + 1 == len(block):  # one line each
                yield range(start, start + len(block)), block
                continue
            numbers = []
            line = start
            for cells in block:
                numbers.append(line)
                line += 1 + sum(cell.count("\n") + cell.count("\r") - cell.count("\r\n")
                                for cell in cells)
            yield numbers, block

    return Table(path=path, format="csv", encoding=reported, header=head_rows[index][1],
                 header_row=head_rows[index][0],
                 header_above=head_rows[index - 1][1] if index else None,
                 rows=data_rows(), size=size,
                 position=raw.tell, separator=separator, closers=[close], chunks=chunks)


def _first_lines(head: bytes, encoding: str, legacy: str | None) -> list[str]:
    if encoding in LEGACY_ENCODINGS:
        text = decode_legacy(head, encoding)
    else:
        text = head.decode(encoding, errors="ignore")
        if legacy:
            text = "\n".join(_maybe_legacy(line, legacy) for line in text.splitlines())
    return text.splitlines()[:40]


def _sniff_separator(lines: list[str]) -> str:
    best, best_score = ",", -1
    for sep in (",", ";", "\t", "|"):
        counts = [len(r) for r in csv.reader(lines, delimiter=sep) if len(r) > 1]
        if not counts:
            continue
        widest = max(counts)
        common = max(set(counts), key=counts.count)
        score = counts.count(common) * common + widest
        if score > best_score:
            best, best_score = sep, score
    return best


def _open_xlsx(path: Path, size: int, find_header: Any) -> Table:
    import zipfile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UsageError("records.import.bad_xlsx", path=path.name, detail=str(exc)[:100]) from None
    ws = wb.worksheets[0] if wb.worksheets else None
    if ws is None:
        wb.close()
        raise UsageError("records.import.empty", path=path.name)
    done = {"rows": 0}

    def numbered() -> Iterator[tuple[int, list[Any]]]:
        number = 0
        for values in ws.iter_rows(values_only=True):
            number += 1
            done["rows"] = number
            yield number, list(values)

    rows = numbered()
    head_rows: list[tuple[int, list[Any]]] = []
    for item in rows:
        head_rows.append(item)
        if len(head_rows) >= HEADER_SEARCH_ROWS:
            break
    index = find_header(head_rows)
    if index is None:
        wb.close()
        raise UsageError("records.import.no_header", path=path.name)
    # Cells typed with a TCVN3/VNI font come back as Western letters ("NguyÔn V¨n").
    sample = " ".join(str(c) for _, cells in head_rows for c in cells if isinstance(c, str))
    legacy = detect_legacy_text(sample)
    total = ws.max_row or 0

    def data_rows() -> Iterator[tuple[int, list[Any]]]:
        for number, cells in [*head_rows[index + 1:]]:
            yield number, _decode_cells(cells, legacy)
        for number, cells in rows:
            yield number, _decode_cells(cells, legacy)

    header = _decode_cells(head_rows[index][1], legacy)
    return Table(path=path, format="xlsx", encoding=legacy or "utf-8", header=header,
                 header_row=head_rows[index][0],
                 header_above=_decode_cells(head_rows[index - 1][1], legacy) if index else None,
                 rows=data_rows(), size=size,
                 position=lambda: int(size * done["rows"] / total) if total else 0,
                 closers=[wb.close])


def _decode_cells(cells: list[Any], legacy: str | None) -> list[Any]:
    if legacy is None:
        return cells
    return [_maybe_legacy(c, legacy) if isinstance(c, str) and not c.isascii() else c
            for c in cells]


def _maybe_legacy(text: str, legacy: str) -> str:
    """Decode ``text`` as legacy only if that makes it more Vietnamese: sheets mix cells typed
    in Unicode (often the header, added later) with cells typed in a TCVN3/VNI font."""
    try:
        decoded = decode_legacy(text, legacy)
    except UnicodeError:
        return text
    return decoded if vietnamese_score(decoded) > vietnamese_score(text) else text
