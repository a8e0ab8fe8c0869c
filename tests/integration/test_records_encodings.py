"""One 10,000-row extract saved as UTF-8, TCVN3, VNI-Windows, UTF-16, Windows-1258 and NFD:
every copy imports to exactly the same residents."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from models.db import Database
from models.records import IdentityDocument, ParentLink, Resident
from workstation.records.demo import EXPORT_HEADER, export_row, sample_records
from workstation.records.importer import import_file
from workstation.rules.names import encode_legacy


def _tcvn3_safe(row: list[str]) -> bool:
    try:
        encode_legacy(",".join(row), "tcvn3")
    except UnicodeEncodeError:
        return False
    return True


@pytest.fixture(scope="module")
def extract() -> str:
    """10,000 demo rows that TCVN3 can hold (it has no capitals with tone marks)."""
    rows = [export_row(r) for r in sample_records(11_500, seed=7)]
    rows = [r for r in rows if _tcvn3_safe(r)][:10_000]
    assert len(rows) == 10_000
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([vi for _, vi in EXPORT_HEADER])
    writer.writerows(rows)
    return out.getvalue()


def _snapshot(db: Any) -> set[tuple[Any, ...]]:
    with db.session() as s:
        people = {tuple(r) for r in s.execute(select(
            Resident.pid, Resident.full_name, Resident.name_key, Resident.date_of_birth,
            Resident.dob_precision, Resident.sex, Resident.ethnicity, Resident.religion,
            Resident.hometown, Resident.residence, Resident.row_hash))}
        links = {tuple(r) for r in s.execute(select(
            Resident.pid, ParentLink.role, ParentLink.parent_pid, ParentLink.parent_name)
            .join(ParentLink, ParentLink.child_id == Resident.id))}
        docs = {tuple(r) for r in s.execute(select(
            Resident.pid, IdentityDocument.type, IdentityDocument.number,
            IdentityDocument.issued_on, IdentityDocument.expires_on)
            .join(IdentityDocument, IdentityDocument.resident_id == Resident.id))}
    return people | links | docs


@pytest.fixture(scope="module")
def reference(extract: str, tmp_path_factory: pytest.TempPathFactory
              ) -> Iterator[tuple[Database, set[tuple[Any, ...]]]]:
    """The UTF-8 original imported into a database, and what that database then holds."""
    tmp = tmp_path_factory.mktemp("utf8")
    path = tmp / "ds.csv"
    path.write_bytes(extract.encode("utf-8"))
    db = Database.open(f"sqlite:///{tmp / 'ref.db'}")
    db.upgrade()
    result = import_file(db, path)
    assert (result.encoding, result.imported, result.rejected) == ("utf-8", 10_000, [])
    snap = _snapshot(db)
    assert len({s[0] for s in snap}) == 10_000
    yield db, snap
    db.dispose()


def _save(extract: str, encoding: str, path: Path) -> Path:
    if encoding == "nfd":
        nfd = unicodedata.normalize("NFD", extract)
        assert nfd != extract
        path.write_bytes(nfd.encode("utf-8"))
    elif encoding == "utf-16":
        path.write_bytes(extract.encode("utf-16"))
    else:
        path.write_bytes(encode_legacy(extract, encoding))
    return path


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "utf-16", "cp1258", "nfd"])
def test_every_encoding_gives_the_same_residents(
        encoding: str, extract: str, reference: tuple[Database, set[tuple[Any, ...]]],
        tmp_path: Path) -> None:
    """Imported over the UTF-8 original, every row is "unchanged": each resident's every field
    (the row hash covers them all) is the same, and the database is exactly as it was."""
    db, snap = reference
    result = import_file(db, _save(extract, encoding, tmp_path / "ds.csv"))
    expected = "utf-8" if encoding == "nfd" else encoding
    assert result.encoding == expected
    assert (result.rows, result.unchanged, result.imported, result.updated) == (
        10_000, 10_000, 0, 0)
    assert result.rejected == []
    assert _snapshot(db) == snap


def test_a_tcvn3_copy_into_an_empty_database_gives_the_same_residents(
        extract: str, reference: tuple[Database, set[tuple[Any, ...]]], tmp_path: Path) -> None:
    db = Database.open(f"sqlite:///{tmp_path / 'x.db'}")
    db.upgrade()
    result = import_file(db, _save(extract, "tcvn3", tmp_path / "ds.csv"))
    assert (result.encoding, result.imported, result.rejected) == ("tcvn3", 10_000, [])
    assert _snapshot(db) == reference[1]
    db.dispose()
