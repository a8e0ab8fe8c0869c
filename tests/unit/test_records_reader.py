"""The CSV reader splits lines where a text file does (\\r, \\n, \\r\\n) and nowhere else: the
odd line breaks of str.splitlines() (\\x85, \\u2028, form feed, \\x1c…) stay inside their cell."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from workstation.records import reader

PIECES = ["a", "b", "Đ", " ", "\x85", "\u2028", "\u2029"]
# C0 controls too, but few: a file with many of them is refused as binary.
CONTROLS = "\x0c\x1e"
ENDINGS = ["\n", "\r\n", "\r"]


def _first(rows: list[tuple[int, list[Any]]]) -> int:
    return 0


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.lists(st.sampled_from(PIECES), max_size=6), min_size=1,
                         max_size=3), min_size=1, max_size=12),
       st.sampled_from(ENDINGS), st.booleans())
def test_cells_keep_the_odd_line_breaks(tmp_path_factory: Any, table: list[list[list[str]]],
                                        ending: str, quoted: bool) -> None:
    width = max(len(r) for r in table)
    header = ["Số định danh", "Họ và tên", "Ngày sinh", "Giới tính"][:width + 1]
    rows = [[f"dòng {i}", *("".join(c) for c in r)] for i, r in enumerate(table)]
    rows[0][0] += CONTROLS
    out = io.StringIO()
    csv.writer(out, lineterminator=ending,
               quoting=csv.QUOTE_ALL if quoted else csv.QUOTE_MINIMAL).writerows([header, *rows])
    path: Path = tmp_path_factory.mktemp("csv") / "t.csv"
    path.write_bytes(out.getvalue().encode("utf-8"))
    opened = reader.open_table(path, _first)
    try:
        assert opened.header == header
        got = list(opened.rows)
    finally:
        opened.close()
    assert got == [(i + 2, r) for i, r in enumerate(rows)]


BREAKS = ["a", "Đ", " ", ",", "\n", "\r\n", "\r", '"']


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.lists(st.sampled_from(BREAKS), max_size=5), min_size=1, max_size=3),
                min_size=1, max_size=15),
       st.lists(st.booleans(), max_size=15), st.sampled_from(ENDINGS), st.integers(1, 7))
def test_chunks_give_the_rows_and_line_numbers_of_the_rows(
        tmp_path_factory: Any, table: list[list[list[str]]], blanks: list[bool], ending: str,
        size: int) -> None:
    """Rows read a chunk at a time start on the same lines as read one by one, with line
    breaks inside quoted cells and blank lines between rows."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=ending)
    writer.writerow(["Số định danh", "Họ và tên", "Ngày sinh", "Giới tính"])
    for i, row in enumerate(table):
        writer.writerow([f"dòng {i}", *("".join(c) for c in row)])
        if i < len(blanks) and blanks[i]:
            out.write(ending)  # a blank line
    path: Path = tmp_path_factory.mktemp("csv") / "t.csv"
    path.write_bytes(out.getvalue().encode("utf-8"))
    one = reader.open_table(path, _first)
    many = reader.open_table(path, _first)
    try:
        expected = list(one.rows)
        assert many.chunks is not None
        got = [(n, cells) for numbers, rows in many.chunks(size)
               for n, cells in zip(numbers, rows, strict=True)]
    finally:
        one.close()
        many.close()
    assert got == expected
