"""Counter uses of the chip (workstation.cards) and the ``workstation card`` command, with the
virtual card in the simulated reader and a real (SQLite) database with its audit log."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from devices.smartcard.emrtd import ChipRead
from devices.smartcard.emulator import CardProfile, Faults, VirtualCard
from devices.smartcard.mrzdata import parse_cccd_qr
from devices.smartcard.service import read_card
from devices.smartcard.simulated import SimulatedAdapter
from models.applications import Application
from models.records import ParentLink, Resident
from models.security import AuditEntry
from workstation.cards import (
    applicant_from_chip,
    applicant_from_qr,
    check_handover,
    prefill_from_card,
    verify_representative,
)
from workstation.errors import PermissionDenied
from workstation.security import Actor

FATHER = CardProfile(pid="019088004321", full_name="Lò Văn Tủa", date_of_birth=date(1988, 2, 3),
                     sex="male", expiry=date(2028, 2, 3), issue_date=date(2021, 5, 4))
CLERK = Actor("clerk1", frozenset({"reception"}), station="TN-SC-01")


def chip_of(profile: CardProfile, faults: Faults | None = None) -> ChipRead:
    sim = SimulatedAdapter(VirtualCard(profile, faults or Faults()))
    return read_card(sim, profile.bac_key())


@pytest.fixture
def records(db: Any) -> Iterator[Any]:
    with db.session() as s:
        child = Resident(pid="019319001234", full_name="Lò Thị Mai", name_key="lo thi mai",
                         date_of_birth=date(2019, 3, 5), birth_year=2019, sex="female")
        child.parents.append(ParentLink(role="father", parent_pid="019088004321",
                                        parent_name="Lò Văn Tủa"))
        child.parents.append(ParentLink(role="mother", parent_pid="019190005678",
                                        parent_name="Vàng Thị Dua"))
        s.add(child)
        s.add(Application(number="TN-SC-01-20260105-0001", station_code="TN-SC-01",
                          kind="first_issue", applicant_pid="079305001234",
                          applicant={"full_name": "Nguyễn Thị An", "date_of_birth": "2005-06-15",
                                     "sex": "female"},
                          age_group="14_and_over", received_on=date(2026, 1, 5),
                          card_expiry=date(2030, 6, 15), state="card_arrived"))
    yield db


def audit_actions(db: Any) -> list[tuple[str, str]]:
    with db.session() as s:
        entries = s.scalars(select(AuditEntry).order_by(AuditEntry.id))
        return [(e.action, e.details) for e in entries]


def test_prefill_from_the_chip() -> None:
    chip = chip_of(CardProfile())
    applicant = applicant_from_chip(chip)
    assert applicant["pid"] == "079305001234" and applicant["full_name"] == "Nguyễn Thị An"
    assert applicant["date_of_birth"] == "2005-06-15" and applicant["sex"] == "female"
    assert applicant["current_card"] == {"type": "can_cuoc", "number": "079305001234",
                                         "issued_on": "2024-09-02", "expires_on": "2030-06-15"}
    assert applicant["residence"].startswith("Tổ dân phố 5")
    assert applicant["father_name"] == "Nguyễn Văn Bình"
    assert applicant_from_chip(chip_of(FATHER))["current_card"]["type"] == "cccd"


def test_prefill_from_the_old_qr_code() -> None:
    qr = parse_cccd_qr("019088004321|091234567|Lò Văn Tủa|03021988|Nam|Bản Mòng, Sơn La|04052021")
    applicant = applicant_from_qr(qr)
    assert applicant["source"] == "qr" and applicant["old_id_number"] == "091234567"
    assert applicant["current_card"]["issued_on"] == "2021-05-04"


def test_prefill_is_audited_without_the_full_pid(records: Any) -> None:
    with records.session() as s:
        prefill_from_card(s, CLERK, chip_of(CardProfile()))
    actions = audit_actions(records)
    assert actions[-1][0] == "card.read"
    assert "079305001234" not in actions[-1][1]


def test_father_with_his_chip_is_verified(records: Any) -> None:
    with records.session() as s:
        result = verify_representative(s, CLERK, chip_of(FATHER), "019319001234")
    assert result.verified and result.relationship == "father"
    assert [f.code for f in result.findings] == ["smartcard.rep.verified"]
    assert audit_actions(records)[-1][0] == "card.verify_representative"


def test_a_stranger_is_not_linked(records: Any) -> None:
    stranger = CardProfile(pid="019090001111", full_name="Hà Văn Khách",
                           date_of_birth=date(1990, 1, 1), sex="male")
    with records.session() as s:
        result = verify_representative(s, CLERK, chip_of(stranger), "019319001234", lang="en")
    assert not result.verified
    assert result.findings[0].code == "representative.not_linked"
    assert "not linked" in result.findings[0].message


def test_an_altered_card_cannot_verify(records: Any) -> None:
    with records.session() as s:
        result = verify_representative(s, CLERK, chip_of(FATHER, Faults(altered_dg13=True)),
                                       "019319001234")
    assert not result.verified
    assert "smartcard.rep.pa_failed" in [f.code for f in result.findings]


def test_handover_compares_the_new_card(records: Any) -> None:
    handover = Actor("clerk2", frozenset({"clerk"}))
    with records.session() as s:
        good = check_handover(s, handover, chip_of(CardProfile()), "TN-SC-01-20260105-0001")
        wrong = check_handover(s, handover, chip_of(FATHER), "TN-SC-01-20260105-0001",
                               lang="en")
    assert good.match and good.mismatches == []
    assert not wrong.match and {"pid", "full_name", "date_of_birth", "sex"} <= set(
        wrong.mismatches)
    assert "does NOT match" in wrong.message
    assert [a for a, _ in audit_actions(records)][-2:] == ["card.handover_check"] * 2


def test_handover_needs_the_permission(records: Any) -> None:
    with records.session() as s, pytest.raises(PermissionDenied):
        check_handover(s, Actor("capture1", frozenset({"capture"})), chip_of(CardProfile()),
                       "TN-SC-01-20260105-0001")


# -- the command --------------------------------------------------------------------------------


def run_cli(*argv: str) -> tuple[int, str, str]:
    from workstation.cli import main

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        rc = main(list(argv))
    return rc, out.getvalue(), err.getvalue()


def test_cli_reads_the_simulated_card(tmp_path: Any) -> None:
    photo = tmp_path / "face.jpg"
    rc, out, _ = run_cli("card", "read", "--simulate", "--pid", "079305001234", "--dob",
                         "2005-06-15", "--expiry", "2030-06-15", "--photo", str(photo))
    assert rc == 0
    assert "Nơi thường trú" in out and "Nguyễn Thị An" in out
    assert "IDVNM3050012344079305001234<<4" in out
    assert "chưa xác minh được cơ quan cấp" in out
    assert photo.read_bytes().startswith(b"\xff\xd8")


def test_cli_json_and_wrong_mrz() -> None:
    rc, out, _ = run_cli("card", "read", "--simulate", "--json", "--pid", "079305001234",
                         "--dob", "2005-06-15", "--expiry", "2030-06-15")
    data = json.loads(out)
    assert rc == 0 and data["details"]["ethnicity"] == "Kinh"
    assert data["passive_authentication"]["status"] == "hashes_valid_issuer_unverified"
    rc, out, err = run_cli("card", "read", "--simulate", "--lang", "en", "--pid", "079305001234",
                           "--dob", "2005-06-16", "--expiry", "2030-06-15")
    assert rc == 1 and out == "" and "does not match the card" in err


def test_cli_bad_input_is_a_usage_error() -> None:
    rc, _, err = run_cli("card", "read", "--simulate", "--pid", "12345", "--dob", "2005-06-15",
                         "--expiry", "none")
    assert rc == 2 and "12 chữ số" in err
    rc, _, err = run_cli("card", "read", "--simulate", "--pid", "079305001234", "--dob",
                         "15/06/2005", "--expiry", "none")
    assert rc == 2 and "YYYY-MM-DD" in err


def test_cli_readers_and_qr() -> None:
    rc, out, _ = run_cli("card", "readers", "--simulate", "--json")
    assert rc == 0 and json.loads(out)["readers"][0]["card_present"] is True
    rc, out, _ = run_cli("card", "qr", "--json",
                         "019088004321|091234567|Lò Văn Tủa|03021988|Nam|Sơn La|04052021")
    assert rc == 0 and json.loads(out)["full_name"] == "Lò Văn Tủa"
    rc, _, err = run_cli("card", "qr", "not a qr")
    assert rc == 2 and "QR" in err


def test_cli_simulated_faults() -> None:
    base = ("card", "read", "--simulate", "--lang", "en", "--pid", "079305001234", "--dob",
            "2005-06-15", "--expiry", "2030-06-15")
    rc, out, _ = run_cli(*base, "--fault", "altered_dg13")
    assert rc == 1 and "FAILED (dg_hash_mismatch:13)" in out
    rc, out, _ = run_cli(*base, "--fault", "dg13_unknown_tags")
    assert rc == 0 and "DG13 #42" in out
    rc, _, err = run_cli(*base, "--fault", "pace_only")
    assert rc == 1 and "PACE" in err
    rc, _, err = run_cli(*base, "--fault", "not_emrtd")
    assert rc == 1 and "not a chip identity card" in err
    rc, _, err = run_cli("card", "read", "--pid", "079305001234", "--dob", "2005-06-15",
                         "--expiry", "none", "--fault", "ds_expired")
    assert rc == 2
