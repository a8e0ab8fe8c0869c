"""Finding residents: by PID, by name in any case/diacritics/order, by birth year, household."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from workstation.errors import UsageError
from workstation.records.importer import import_file
from workstation.records.search import find, find_by_household, find_by_pid, rank

ROWS = [
    ("019090000001", "Nguyễn Văn Đức", "01/02/1990", "Nam", "H1"),
    ("019190000002", "Lò Thị Mại", "03/04/1990", "Nữ", "H1"),
    ("019219000003", "Lò Thị Mai", "05/03/2019", "Nữ", "H1"),
    ("019191000004", "Lô Thi Mai", "06/07/1991", "Nữ", "H2"),
    ("019085000005", "Nguyễn Văn An", "10/10/1985", "Nam", "H2"),
    ("019085000006", "Nguyễn Văn Anh", "11/11/1985", "Nam", "H2"),
    ("019045000007", "Trần Đức Nguyên", "1945", "Nam", "H3"),
    ("019199000008", "Đặng Thị Dung", "08/08/1999", "Nữ", "H3"),
    ("019287000009", "Phạm Minh Đức", "09/09/1987", "Nam", "H3"),
]


@pytest.fixture
def records(any_db: Any, tmp_path: Path) -> Any:
    path = tmp_path / "ds.csv"
    lines = ["pid,full_name,date_of_birth,sex,household_id"]
    lines += [",".join(r) for r in ROWS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert import_file(any_db, path).imported == len(ROWS)
    return any_db


def names(db: Any, query: str, **kw: Any) -> list[str]:
    with db.session() as s:
        return [h.full_name for h in find(s, query, **kw)]


def test_by_pid_with_or_without_the_leading_zero(records: Any) -> None:
    with records.session() as s:
        hit = find_by_pid(s, "019090000001")
        assert hit is not None
        assert hit.as_dict() == {"pid": "019090000001", "full_name": "Nguyễn Văn Đức",
                                 "date_of_birth": "1990-02-01", "sex": "male", "unit": None,
                                 "hamlet": None, "household_id": "H1"}
        assert [h.pid for h in find(s, "19090000001")] == ["019090000001"]
        assert find(s, "019090009999") == []


def test_without_diacritics_d_equals_d_stroke(records: Any) -> None:
    assert set(names(records, "duc")) == {"Nguyễn Văn Đức", "Trần Đức Nguyên", "Phạm Minh Đức"}
    assert names(records, "dang thi dung") == ["Đặng Thị Dung"]
    assert names(records, "NGUYEN VAN DUC") == ["Nguyễn Văn Đức"]


def test_words_in_any_order_and_the_last_word_as_a_prefix(records: Any) -> None:
    assert names(records, "nguyen van") == ["Nguyễn Văn An", "Nguyễn Văn Anh", "Nguyễn Văn Đức"]
    assert names(records, "an nguyen") == ["Nguyễn Văn An"]  # only the last word is a prefix
    assert names(records, "nguyen van a") == ["Nguyễn Văn An", "Nguyễn Văn Anh"]
    assert names(records, "duc nguy") == ["Trần Đức Nguyên", "Nguyễn Văn Đức"]


def test_exact_diacritics_rank_first(records: Any) -> None:
    assert names(records, "Lò Thị Mại") == ["Lò Thị Mại", "Lò Thị Mai", "Lô Thi Mai"]
    assert names(records, "Lò Thị Mai") == ["Lò Thị Mai", "Lò Thị Mại", "Lô Thi Mai"]
    assert names(records, "Lô Thi Mai")[0] == "Lô Thi Mai"
    assert rank("Lò Thị Mại", "Lò Thị Mại") < rank("Lò Thị Mại", "Lò Thị Mai")


def test_narrowed_by_birth_year_or_date(records: Any) -> None:
    assert names(records, "lo thi mai", born="2019") == ["Lò Thị Mai"]
    assert names(records, "lo thi mai", born="1990-04-03") == ["Lò Thị Mại"]
    assert names(records, "lo thi mai", born="1990-04-04") == []
    # A record that only knows the year matches any date in that year.
    assert names(records, "tran duc", born="1945-06-01") == ["Trần Đức Nguyên"]
    with pytest.raises(UsageError):
        names(records, "lo", born="90")


def test_by_household(records: Any) -> None:
    with records.session() as s:
        assert [h.full_name for h in find_by_household(s, "H3")] == [
            "Trần Đức Nguyên", "Phạm Minh Đức", "Đặng Thị Dung"]
    assert names(records, "duc", household="H3") == ["Phạm Minh Đức", "Trần Đức Nguyên"]
    assert names(records, "", household="H1") == ["Nguyễn Văn Đức", "Lò Thị Mại", "Lò Thị Mai"]


def test_nothing_to_search_for(records: Any) -> None:
    assert names(records, "  ") == []
    assert names(records, "xyz") == []


def test_an_officer_search_is_checked_and_audited(records: Any) -> None:
    security = pytest.importorskip("workstation.security")
    from sqlalchemy import select

    from models.security import AuditEntry
    from workstation.errors import PermissionDenied
    from workstation.records.search import search

    clerk = security.Actor("clerk1", frozenset({"reception"}))
    with records.session() as s:
        hits = search(s, clerk, "lo thi mai", born="2019")
    assert [h.full_name for h in hits] == ["Lò Thị Mai"]
    with records.session() as s:
        entry = s.execute(select(AuditEntry).order_by(AuditEntry.id.desc())).scalars().first()
        assert entry is not None and entry.action == "records.search"
    nobody = security.Actor("guest", frozenset())
    with pytest.raises(PermissionDenied), records.session() as s:
        search(s, nobody, "lo thi mai")


def test_by_the_number_of_an_old_card_with_one_index_seek(any_db: Any, tmp_path: Path) -> None:
    """A 9-digit CMND number finds its holder, through the index on the document number (not
    a scan of every document held, ~0.6 s at 1,000,000 residents)."""
    path = tmp_path / "cards.csv"
    path.write_text("pid,full_name,date_of_birth,sex,card_type,card_number,card_issued_on\n"
                    "019090000001,Nguyễn Văn Đức,01/02/1990,Nam,CMND,091234567,05/06/2008\n"
                    "019301000002,Lê Thị Hoa,02/03/2001,Nữ,CCCD,019301000002,04/05/2021\n",
                    encoding="utf-8")
    assert import_file(any_db, path).imported == 2
    with any_db.session() as s:
        assert [h.pid for h in find(s, "091234567")] == ["019090000001"]
        assert find(s, "091234568") == []
        if any_db.is_sqlite:
            plan = " ".join(str(row[-1]) for row in s.connection().exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT resident_id FROM identity_documents"
                " WHERE number = '091234567'"))
            assert "ix_identity_documents_number" in plan, plan
