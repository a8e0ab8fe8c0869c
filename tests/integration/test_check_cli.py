"""`workstation check` and `workstation pid` end to end: a real SQLite database filled with ORM
rows, the check in-process and through the installed command (subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from workstation.checking import check
from workstation.settings import Settings

WORKSTATION = Path(sys.executable).parent / "workstation"

CHILD = "019315000111"  # female, 2015
FATHER = "019085000222"
STRANGER = "019080000444"
ADULT = "019090000555"  # male, 1990, holds a thẻ căn cước
OPEN = "019095000666"  # has an application in progress


@pytest.fixture
def filled(any_db: Any) -> Iterator[Any]:
    """A migrated database (SQLite, and PostgreSQL when WORKSTATION_TEST_PG is set) with a few
    residents, links, a card and applications, written as ORM rows."""
    db = any_db
    from models.applications import Application
    from models.records import IdentityDocument, ParentLink, Resident

    def resident(pid: str, name: str, dob: date, sex: str, key: str) -> Resident:
        return Resident(pid=pid, full_name=name, name_key=key, date_of_birth=dob,
                        birth_year=dob.year, sex=sex)

    with db.session() as s:
        child = resident(CHILD, "Nguyễn Thị Hoa", date(2015, 4, 2), "female", "nguyen thi hoa")
        child.parents.append(ParentLink(role="father", parent_pid=FATHER,
                                        parent_name="Nguyễn Văn Bình"))
        adult = resident(ADULT, "Lê Văn Dũng", date(1990, 7, 1), "male", "le van dung")
        adult.documents.append(IdentityDocument(type="can_cuoc", number=ADULT,
                                                issued_on=date(2024, 9, 1),
                                                expires_on=date(2030, 7, 1)))
        s.add_all([
            child, adult,
            resident(FATHER, "Nguyễn Văn Bình", date(1985, 1, 20), "male", "nguyen van binh"),
            resident(STRANGER, "Trần Văn Cường", date(1980, 3, 3), "male", "tran van cuong"),
            resident(OPEN, "Phạm Văn Giang", date(1995, 2, 2), "male", "pham van giang"),
            Application(number="TN-SC-01-20251001-0001", station_code="TN-SC-01",
                        kind="renewal", reason="holder_request", applicant_pid=OPEN,
                        age_group="14_and_over", received_on=date(2025, 10, 1),
                        state="verified"),
            Application(number="TN-SC-01-20250901-0001", station_code="TN-SC-01",
                        kind="first_issue", applicant_pid=STRANGER, age_group="14_and_over",
                        received_on=date(2025, 9, 1), state="handed_over"),
        ])
    yield db


def child_request(**changes: Any) -> dict[str, Any]:
    req: dict[str, Any] = {
        "on": "2025-10-01", "kind": "first_issue",
        "applicant": {"pid": CHILD, "full_name": "Nguyễn Thị Hoa", "date_of_birth": "2015-04-02",
                      "sex": "female"},
        "representative": {"pid": FATHER, "full_name": "Nguyễn Văn Bình",
                           "relationship": "father"},
    }
    req.update(changes)
    return req


def run_check(db: Any, request: Any, **kw: Any) -> dict[str, Any]:
    with db.session() as s:
        return check(s, request, date(2025, 10, 1), **kw)


def codes(answer: dict[str, Any]) -> set[tuple[str, str]]:
    return {(f["severity"], f["code"]) for f in answer["findings"]}


def test_child_with_linked_father(filled: Any) -> None:
    answer = run_check(filled, child_request())
    assert answer["ok"] is True, answer["findings"]
    assert answer["findings"] == []
    assert answer["age_group"] == "6_to_under_14"
    assert answer["representative_required"] is True
    assert answer["card_expiry"] == "2029-04-02"
    assert answer["return_by"] == "2025-10-10"


def test_name_without_diacritics_is_a_warning_to_confirm(filled: Any) -> None:
    req = child_request()
    req["applicant"]["full_name"] = "NGUYEN THI HOA"
    answer = run_check(filled, req)
    assert answer["ok"] is True
    assert ("warning", "record.name_differs") in codes(answer)


def test_records_disagree(filled: Any) -> None:
    req = child_request()
    req["applicant"].update(date_of_birth="2015-04-03", full_name="Nguyễn Thị Huệ")
    answer = run_check(filled, req)
    assert answer["ok"] is False
    assert {("error", "record.dob_differs"), ("error", "record.name_differs")} <= codes(answer)


def test_representative_not_linked(filled: Any) -> None:
    answer = run_check(filled, child_request(representative={"pid": STRANGER}))
    assert answer["ok"] is True
    assert ("warning", "representative.not_linked") in codes(answer)


def test_unknown_applicant_is_an_error_when_records_exist(filled: Any) -> None:
    req = child_request()
    req["applicant"]["pid"] = "019315000999"
    assert ("error", "record.not_found") in codes(run_check(filled, req))


def test_unknown_applicant_is_a_warning_when_records_are_empty(any_db: Any) -> None:
    answer = run_check(any_db, child_request())
    assert ("warning", "record.not_found") in codes(answer)
    assert answer["ok"] is True


def test_open_application(filled: Any) -> None:
    answer = run_check(filled, {
        "on": "2025-10-01", "kind": "reissue", "reason": "lost_or_damaged",
        "applicant": {"pid": OPEN, "full_name": "Phạm Văn Giang", "date_of_birth": "1995-02-02",
                      "sex": "male"}})
    assert ("error", "application.open_exists") in codes(answer)
    # A finished application does not count.
    answer = run_check(filled, {
        "on": "2025-10-01", "kind": "renewal", "reason": "holder_request",
        "applicant": {"pid": STRANGER, "full_name": "Trần Văn Cường",
                      "date_of_birth": "1980-03-03", "sex": "male"}})
    assert not {c for _, c in codes(answer)} & {"application.open_exists"}


def test_card_in_the_records_blocks_a_first_issue_and_drives_the_renewal(filled: Any) -> None:
    applicant = {"pid": ADULT, "full_name": "Lê Văn Dũng", "date_of_birth": "1990-07-01",
                 "sex": "male"}
    answer = run_check(filled, {"on": "2025-10-01", "kind": "first_issue",
                                "applicant": applicant})
    assert ("error", "kind.already_has_card") in codes(answer)
    # Lost in 2030, the year the card ends at the 40th birthday: a renewal for age, free.
    answer = run_check(filled, {"on": "2030-02-01", "kind": "reissue",
                                "reason": "lost_or_damaged", "applicant": applicant})
    assert (answer["kind"], answer["reason"], answer["fee_vnd"]) == ("renewal",
                                                                      "age_milestone", 0)
    assert answer["card_expiry"] == "2050-07-01"


def test_station_calendar_override_moves_the_return_date(filled: Any) -> None:
    from models.rules import CalendarOverride

    with filled.session() as s:
        s.add(CalendarOverride(day=date(2025, 10, 6), working=False, note="local day off"))
    assert run_check(filled, child_request())["return_by"] == "2025-10-13"


def test_settings_reach_the_rules(filled: Any) -> None:
    req = {"on": "2026-03-02", "kind": "renewal", "reason": "holder_request",
           "applicant": {"pid": ADULT, "full_name": "Lê Văn Dũng",
                         "date_of_birth": "1990-07-01", "sex": "male"}}
    assert run_check(filled, req)["fee_vnd"] == 25000
    short = Settings().with_values(rules__reduction_end="2025-12-31")
    assert run_check(filled, req, settings=short)["fee_vnd"] == 50000


# --- the command -------------------------------------------------------------------------

def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(WORKSTATION), *args], input=stdin, capture_output=True,
                          text=True, timeout=60)


def test_cli_check_json(filled: Any, any_db_url: str, tmp_path: Path) -> None:
    db_url = any_db_url
    path = tmp_path / "req.json"
    path.write_text(json.dumps(child_request(), ensure_ascii=False), encoding="utf-8")
    proc = cli("check", "--db", db_url, str(path), "--json")
    assert proc.returncode == 0, proc.stderr
    answer = json.loads(proc.stdout)
    for key in ("ok", "kind", "reason", "age_group", "representative_required", "collect",
                "card_expiry", "fee_vnd", "fee_rule", "return_by", "findings"):
        assert key in answer
    assert answer["collect"] == {"face": True, "fingerprints": True, "iris": True}


def test_cli_check_refusal_exits_1_with_findings(filled: Any, any_db_url: str) -> None:
    db_url = any_db_url
    req = child_request(representative=None)
    req["applicant"]["date_of_birth"] = "30/02/2015"
    proc = cli("check", "--db", db_url, "-", "--json", "--lang", "en", stdin=json.dumps(req))
    assert proc.returncode == 1
    answer = json.loads(proc.stdout)
    assert answer["ok"] is False
    assert "dob.invalid" in {f["code"] for f in answer["findings"]}
    assert "Traceback" not in proc.stderr


def test_cli_check_human_output(filled: Any, any_db_url: str) -> None:
    db_url = any_db_url
    proc = cli("check", "--db", db_url, stdin=json.dumps(child_request()))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Hồ sơ hợp lệ")
    assert "hẹn trả: 2025-10-10" in proc.stdout


@pytest.mark.parametrize("payload", ["{\"kind\": ", "", "[" * 100_000])
def test_cli_unreadable_json_is_exit_2_one_line(db: Any, db_url: str, payload: str) -> None:
    proc = cli("check", "--db", db_url, "-", stdin=payload)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert proc.stdout == ""


def test_cli_missing_file_is_exit_2(db_url: str, tmp_path: Path) -> None:
    proc = cli("check", "--db", db_url, str(tmp_path / "nope.json"))
    assert proc.returncode == 2
    assert "nope.json" in proc.stderr and proc.stderr.count("\n") == 1


@pytest.mark.parametrize("payload", ["[1, 2]", json.dumps({"kind": "renewal", "applicant": {
                                         "pid": 19315000111, "full_name": "A" * 10_000,
                                         "date_of_birth": "2999-01-01", "sex": None}})])
def test_cli_wrong_shapes_are_findings_never_a_traceback(db: Any, db_url: str,
                                                         payload: str) -> None:
    proc = cli("check", "--db", db_url, "-", "--json", stdin=payload)
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["ok"] is False
    assert proc.stderr == ""


def test_cli_uninitialised_database(tmp_path: Path) -> None:
    proc = cli("check", "--db", f"sqlite:///{tmp_path / 'none.db'}", "-",
               stdin=json.dumps(child_request()))
    assert proc.returncode == 1
    assert "workstation init" in proc.stderr and "Traceback" not in proc.stderr


def test_cli_pid() -> None:
    proc = cli("pid", "019206001234", "--json")
    assert proc.returncode == 0
    assert json.loads(proc.stdout) == {
        "pid": "019206001234", "valid": True, "province_code": "019",
        "province": "Thái Nguyên", "sex": "male", "century": 21, "birth_year_last2": "06",
        "findings": []}
    proc = cli("pid", "063 206.001234", "--lang", "en")
    assert proc.returncode == 0
    assert "invalid" in proc.stdout and "pid.province_unknown" in proc.stdout
    proc = cli("pid", "12345", "--json")
    assert proc.returncode == 1
    assert json.loads(proc.stdout)["findings"][0]["code"] == "pid.format"


def test_cli_file_that_is_no_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("not a database", encoding="utf-8")
    proc = cli("check", "--db", f"sqlite:///{path}", "-", stdin=json.dumps(child_request()))
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_check_on_a_sqlite3_connection_agrees_with_sqlalchemy(filled: Any,
                                                              any_db_url: str) -> None:
    import sqlite3

    db_url = any_db_url
    if not db_url.startswith("sqlite"):
        pytest.skip("SQLite only")
    requests = [child_request(), child_request(representative={"pid": STRANGER}),
                {"on": "2030-02-01", "kind": "reissue", "reason": "lost_or_damaged",
                 "applicant": {"pid": ADULT, "full_name": "Lê Văn Dũng",
                               "date_of_birth": "1990-07-01", "sex": "male"}},
                {"on": "2025-10-01", "kind": "reissue", "reason": "lost_or_damaged",
                 "applicant": {"pid": OPEN, "full_name": "Phạm Văn Giang",
                               "date_of_birth": "1995-02-02", "sex": "male"}}]
    from models.rules import CalendarOverride

    with filled.session() as s:
        s.add(CalendarOverride(day=date(2025, 10, 6), working=False, note="local day off"))
    conn = sqlite3.connect(db_url.split("///", 1)[1])
    try:
        for req in requests:
            assert check(conn, req, date(2025, 10, 1)) == run_check(filled, req)
    finally:
        conn.close()


def test_cli_database_that_exists_but_has_no_tables(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "bare.db"
    sqlite3.connect(path).close()
    proc = cli("check", "--db", f"sqlite:///{path}", "-", stdin=json.dumps(child_request()))
    assert proc.returncode == 1
    assert "workstation init" in proc.stderr and proc.stderr.count("\n") == 1


def test_the_core_only_lookups_agree_with_the_models() -> None:
    """`check` reads with SQLAlchemy Core (no ORM import at CLI start): keep it in step."""
    import argparse

    from models.applications import OPEN_STATES
    from models.db import default_url
    from workstation import checking
    from workstation.cli import CliContext
    from workstation.commands.check import database_url

    assert checking.OPEN_STATES == OPEN_STATES
    ctx = CliContext(args=argparse.Namespace(db=None), lang="vi", settings=Settings())
    assert database_url(ctx) == default_url()


def test_check_on_a_core_connection(filled: Any) -> None:
    with filled.engine.connect() as conn:
        answer = check(conn, child_request(), date(2025, 10, 1))
    assert answer["ok"] is True and answer["findings"] == []


def test_cli_check_imports_stay_light(db: Any, db_url: str, tmp_path: Path) -> None:
    """`workstation check` starts fast: no Qt, OpenCV, numpy, reportlab — and on SQLite not
    even SQLAlchemy (the standard library's sqlite3 reads the station database)."""
    path = tmp_path / "req.json"
    path.write_text(json.dumps(child_request()), encoding="utf-8")
    code = (
        "import sys\n"
        "from workstation.cli import main\n"
        f"rc = main(['check', '--db', {db_url!r}, {str(path)!r}, '--json'])\n"
        "heavy = {'PySide6', 'cv2', 'numpy', 'reportlab', 'smartcard', 'scipy', 'openpyxl'}\n"
        "loaded = {m.split('.')[0] for m in sys.modules} & heavy\n"
        "orm = sorted(m for m in sys.modules if m.startswith('sqlalchemy'))\n"
        "sys.stderr.write(repr((rc, sorted(loaded), orm)))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert proc.stderr.strip() == "(0, [], [])"
