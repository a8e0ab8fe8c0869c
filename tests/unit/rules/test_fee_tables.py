"""Fee rates entered at the station: the rule merges them over the shipped table, the service
validates and audits every change, ``check`` (both database paths) and the CLI use them."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from models.db import Database
from models.rules import StationFeeRate
from models.security import AuditEntry
from workstation.errors import PermissionDenied, ValidationFailed
from workstation.fee_tables import add_rate, end_rate, list_rates, remove_rate, shipped_rates
from workstation.rules.fees import StationRate, compute_fee
from workstation.security import Actor

ADMIN = Actor("quan.tri", frozenset({"admin"}), "TN-SC-01", "Quản trị")
CLERK = Actor("thu.nguyen", frozenset({"reception", "clerk"}), "TN-SC-01")
CLI_USER = Actor.system("cli").username
NEW = StationRate("renewal", 40000, date(2027, 1, 1), None, "TT 12/2026/TT-BTC Art 4")


# --- the pure rule ---------------------------------------------------------------------------

def test_a_station_rate_in_force_wins_and_is_named() -> None:
    fee = compute_fee("renewal", "holder_request", on=date(2027, 3, 1), age=30,
                      station_rates=[NEW], lang="en")
    assert (fee.amount, fee.rule, fee.source) == (40000, "fee.rule.station_base", NEW.source)
    assert "entered by the station" in fee.text and "TT 12/2026" in fee.text
    # Not in force yet, another case, or a free case: the shipped table / the law decide.
    before = compute_fee("renewal", "holder_request", on=date(2026, 12, 31), age=30,
                         station_rates=[NEW])
    assert (before.amount, before.rule) == (25000, "fee.rule.reduced")
    assert compute_fee("reissue", "lost_or_damaged", on=date(2027, 3, 1), age=30,
                       station_rates=[NEW]).amount == 70000
    assert compute_fee("renewal", "age_milestone", on=date(2027, 3, 1), age=40,
                       station_rates=[NEW]).amount == 0
    assert compute_fee("renewal", "holder_request", on=date(2027, 3, 1), age=12,
                       station_rates=[NEW]).amount == 0


def test_reductions_in_force_apply_to_a_station_rate() -> None:
    early = StationRate("renewal", 60000, date(2026, 7, 1), date(2026, 12, 31), "TT 99/2026")
    fee = compute_fee("renewal", "holder_request", on=date(2026, 8, 1), age=30,
                      station_rates=[early], lang="en")
    assert (fee.amount, fee.base, fee.percent_off) == (30000, 60000, 50)
    assert fee.rule == "fee.rule.station_reduced"
    assert fee.source.startswith("TT 99/2026") and "TT 99/2026" in fee.text
    # The day after its last day, the shipped rate again.
    assert compute_fee("renewal", "holder_request", on=date(2027, 1, 1), age=30,
                       station_rates=[early]).amount == 50000


# --- the service: validation and audit ------------------------------------------------------

def audits(db: Database, prefix: str = "fees.") -> list[tuple[str, str | None, str]]:
    with db.session() as s:
        return [(e.action, e.object_id, e.username) for e in s.scalars(
            select(AuditEntry).where(AuditEntry.action.startswith(prefix))
            .order_by(AuditEntry.id))]


def test_add_end_remove_are_audited(db: Database) -> None:
    row = add_rate(db, ADMIN, "renewal", "40.000", "01/01/2027", None,
                   "  Thông tư 12/2026/TT-BTC\n Điều 4 ")
    assert (row.amount, row.start, row.end, row.created_by) == (40000, date(2027, 1, 1), None,
                                                                "quan.tri")
    assert row.source == "Thông tư 12/2026/TT-BTC Điều 4"
    ended = end_rate(db, ADMIN, row.id, "2027-06-30")
    assert ended.end == date(2027, 6, 30)
    later = add_rate(db, ADMIN, "renewal", 45000, date(2027, 7, 1), None, "TT 13/2027/TT-BTC")
    assert [r.id for r in list_rates(db)] == [row.id, later.id]
    remove_rate(db, ADMIN, later.id)
    assert [r.id for r in list_rates(db)] == [row.id]
    assert audits(db) == [("fees.add", str(row.id), "quan.tri"),
                          ("fees.end", str(row.id), "quan.tri"),
                          ("fees.add", str(later.id), "quan.tri"),
                          ("fees.remove", str(later.id), "quan.tri")]


def test_source_text_is_nfc(db: Database) -> None:
    row = add_rate(db, ADMIN, "reissue", 80000, "2027-01-01", None, "Thông tư mới")
    decomposed = "Tho\u0302ng tu\u031b mo\u031b\u0301i"
    row2 = add_rate(db, ADMIN, "cccd_conversion", 35000, "2027-01-01", None, decomposed)
    assert row2.source == row.source == "Thông tư mới"


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"amount": -1}, "fee.table.amount_negative"),
        ({"amount": "-5.000"}, "fee.table.amount_negative"),
        ({"amount": 50_000_000}, "fee.table.amount_too_high"),
        ({"amount": "ba mươi nghìn"}, "fee.table.amount_invalid"),
        ({"amount": True}, "fee.table.amount_invalid"),
        ({"case": "passport"}, "fee.table.case_unknown"),
        ({"start": "31/02/2027"}, "fee.table.date_invalid"),
        ({"start": ""}, "fee.table.date_invalid"),
        ({"start": "2024-06-30"}, "fee.table.before_law"),
        ({"end": "2026-12-31"}, "fee.table.end_before_start"),
        ({"end": "32/13/2027"}, "fee.table.date_invalid"),
        ({"source": "  \t "}, "fee.table.source_required"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(db: Database, kwargs: dict[str, Any],
                                                   code: str) -> None:
    args: dict[str, Any] = {"case": "renewal", "amount": 40000, "start": "2027-01-01",
                            "end": None, "source": "TT 12/2026/TT-BTC"} | kwargs
    with pytest.raises(ValidationFailed) as info:
        add_rate(db, ADMIN, **args)
    assert info.value.code == code
    assert "{" not in info.value.text("vi") and "{" not in info.value.text("en")
    assert list_rates(db) == [] and audits(db) == []


def test_overlapping_station_rates_are_refused(db: Database) -> None:
    first = add_rate(db, ADMIN, "renewal", 40000, "2027-01-01", None, "TT 12/2026/TT-BTC")
    with pytest.raises(ValidationFailed) as info:
        add_rate(db, ADMIN, "renewal", 45000, "2027-06-01", None, "TT 13/2027/TT-BTC")
    assert info.value.code == "fee.table.overlap"
    assert "TT 12/2026/TT-BTC" in info.value.text("vi")
    # An earlier window that reaches into it is refused too; another case is independent.
    with pytest.raises(ValidationFailed):
        add_rate(db, ADMIN, "renewal", 45000, "2026-07-01", "2027-01-01", "TT 13/2027/TT-BTC")
    add_rate(db, ADMIN, "reissue", 80000, "2027-06-01", None, "TT 13/2027/TT-BTC")
    add_rate(db, ADMIN, "renewal", 45000, "2026-07-01", "2026-12-31", "TT 13/2027/TT-BTC")
    # Ending the first makes room; extending an end into a neighbour is refused.
    end_rate(db, ADMIN, first.id, "2027-05-31")
    second = add_rate(db, ADMIN, "renewal", 45000, "2027-06-01", None, "TT 14/2027/TT-BTC")
    with pytest.raises(ValidationFailed) as info:
        end_rate(db, ADMIN, first.id, "2027-06-15")
    assert info.value.code == "fee.table.overlap"
    with pytest.raises(ValidationFailed) as info:
        end_rate(db, ADMIN, second.id, "2027-05-01")
    assert info.value.code == "fee.table.end_before_start"
    with pytest.raises(ValidationFailed) as info:
        end_rate(db, ADMIN, 999, "2027-05-01")
    assert info.value.code == "fee.table.row_unknown"
    assert [a for a, *_ in audits(db)].count("fees.add") == 4


def test_editing_fees_needs_the_permission(db: Database) -> None:
    with pytest.raises(PermissionDenied):
        add_rate(db, CLERK, "renewal", 40000, "2027-01-01", None, "TT 12/2026/TT-BTC")
    row = add_rate(db, ADMIN, "renewal", 40000, "2027-01-01", None, "TT 12/2026/TT-BTC")
    for call in (lambda: end_rate(db, CLERK, row.id, "2027-02-01"),
                 lambda: remove_rate(db, CLERK, row.id)):
        with pytest.raises(PermissionDenied):
            call()
    assert len(list_rates(db)) == 1


def test_shipped_rates_resolve_the_settings_bounds() -> None:
    from workstation.rules.fees import FeePolicy

    table = shipped_rates(FeePolicy(reduction_end=date(2025, 12, 31)))
    tt64 = next(r for r in table["reductions"] if r["id"] == "tt64")
    assert tt64["to"] == "2025-12-31"
    renewal = [b for b in table["base"] if b["case"] == "renewal"]
    assert [(b["amount_vnd"], b["from"], b["to"]) for b in renewal] == [
        (50000, "2024-07-01", "2024-10-20"), (50000, "2024-10-21", None)]


# --- check() reads the rows (ORM and sqlite3 paths) -------------------------------------------

REQUEST = {"applicant": {"pid": "019086003333", "full_name": "Nguyễn Văn Bình",
                         "date_of_birth": "1986-10-10", "sex": "male"},
           "kind": "renewal", "reason": "printed_error"}


def test_check_uses_the_station_rate_on_both_database_paths(db: Database, db_url: str) -> None:
    from workstation.checking import check

    add_rate(db, ADMIN, "renewal", 40000, "2027-01-01", "2027-06-30", "TT 12/2026/TT-BTC")
    expected = {date(2026, 12, 31): (25000, "fee.rule.reduced"),
                date(2027, 1, 1): (40000, "fee.rule.station_base"),
                date(2027, 6, 30): (40000, "fee.rule.station_base"),
                date(2027, 7, 1): (50000, "fee.rule.base")}
    conn = sqlite3.connect(db_url.removeprefix("sqlite:///"))
    try:
        for on, want in expected.items():
            request = REQUEST | {"on": on.isoformat()}
            with db.session() as s:
                orm = check(s, request, on)
            raw = check(conn, request, on)
            assert (orm["fee_vnd"], orm["fee_rule_code"]) == want, on
            assert orm == raw
    finally:
        conn.close()


def test_check_on_postgresql(any_db: Database) -> None:
    from workstation.checking import check

    add_rate(any_db, ADMIN, "renewal", 40000, "2027-01-01", None, "TT 12/2026/TT-BTC")
    with any_db.session() as s:
        answer = check(s, REQUEST | {"on": "2027-02-01"}, date(2027, 2, 1))
    assert (answer["fee_vnd"], answer["fee_rule_code"]) == (40000, "fee.rule.station_base")
    with any_db.session() as s:
        assert s.scalar(select(StationFeeRate.amount)) == 40000


# --- the CLI --------------------------------------------------------------------------------

def cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    from workstation.cli import main

    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_list_add_end_json(db: Database, db_url: str,
                               capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(["fees", "add", "--db", db_url, "--case", "renewal", "--amount",
                          "40.000", "--from", "01/01/2027", "--source", "TT 12/2026/TT-BTC",
                          "--json"], capsys)
    assert code == 0, err
    added = json.loads(out)
    assert added["amount_vnd"] == 40000 and added["to"] is None
    code, _, err = cli(["fees", "add", "--db", db_url, "--case", "renewal", "--amount", "1",
                        "--from", "2027-02-01", "--source", "x", "--lang", "en"], capsys)
    assert code == 1 and err.startswith("Overlaps the station's rate") and "Traceback" not in err
    code, _, err = cli(["fees", "add", "--db", db_url, "--case", "renewal", "--amount", "-3",
                        "--from", "2028-02-01", "--source", "x"], capsys)
    assert code == 1 and "không được âm" in err
    code, out, _ = cli(["fees", "end", "--db", db_url, str(added["id"]), "--on", "2027-03-31",
                        "--json"], capsys)
    assert code == 0 and json.loads(out)["to"] == "2027-03-31"
    code, out, _ = cli(["fees", "list", "--db", db_url, "--json"], capsys)
    listed = json.loads(out)
    assert [r["id"] for r in listed["station"]] == [added["id"]]
    assert {b["case"] for b in listed["shipped"]["base"]} == {"cccd_conversion", "renewal",
                                                              "reissue"}
    code, out, _ = cli(["fees", "--db", db_url], capsys)
    assert code == 0 and "TT 12/2026/TT-BTC" in out
    code, out, _ = cli(["fees", "--db", db_url, "--json", "list"], capsys)
    assert code == 0 and json.loads(out)["station"][0]["id"] == added["id"]
    code, _, err = cli(["fees", "--lang", "en", "add", "--db", db_url, "--case", "renewal",
                        "--amount", "1", "--from", "2027-02-01", "--source", "x"], capsys)
    assert code == 1 and "for card renewal" in err  # the quoted case in English too
    assert [a for a, *_ in audits(db)] == ["fees.add", "fees.end"]
    assert {u for *_, u in audits(db)} == {CLI_USER}


def test_cli_on_a_database_without_tables(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    code, _, err = cli(["fees", "list", "--db", url], capsys)
    assert code == 1 and err.strip() and "Traceback" not in err
