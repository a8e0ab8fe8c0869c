"""The CSV reader's chunked line splitting gives exactly the lines a text file iterates to."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workstation.records import reader

PIECES = ["a", "b", ",", '"', "\n", "\r", "\r\n", "\x85", "\u2028", "\x0c", "\x1e", "Đ", " "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60), st.sampled_from([1, 2, 3, 7, 64]))
def test_chunked_lines_are_the_lines_of_the_text_file(pieces: list[str], chunk: int) -> None:
    text = "".join(pieces)

    def opened() -> io.TextIOWrapper:
        return io.TextIOWrapper(io.BytesIO(text.encode()), encoding="utf-8", newline="")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(reader, "CHUNK_CHARS", chunk)
        assert list(reader._text_lines(opened())) == list(opened())
