"""A leader's own chip card approves biometric exceptions: registration through the CLI and
approval, read through the real pcscd with the vpcd virtual reader and our card emulator.

Refusals: no card, someone else's card, a card not registered, a non-leader's card, an expired
card, a clone failing passive authentication, the reader gone; each audited."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from devices.smartcard.emulator import CardProfile, Faults, VirtualCard, VpcdCard
from models.db import Database
from models.security import AuditEntry, UserCard
from workstation.security import Actor
from workstation.security.card_approval import (
    CardApprovalRefused,
    approve_with_card,
    approve_with_password,
    card_holders,
    register_card,
    settings_reader,
)
from workstation.settings import Settings

from .helpers import cli

TODAY = date(2026, 11, 27)
LEADER_PW = "cau-vong-Pz4#dem"
# Synthetic people only.
LEADER = CardProfile(pid="019080012345", full_name="Trần Văn Lãnh", date_of_birth=date(1980, 1, 12),
                     sex="male", expiry=date(2040, 1, 12), issue_date=date(2025, 1, 12))
OFFICER = CardProfile(pid="019092054321", full_name="Lò Thị Mai", date_of_birth=date(1992, 3, 8),
                      sex="female", expiry=date(2032, 3, 8), issue_date=date(2024, 8, 1))
STRANGER = CardProfile(pid="019075099999", full_name="Hà Văn Khách",
                       date_of_birth=date(1975, 7, 7), sex="male", expiry=None,
                       issue_date=date(2024, 9, 9))
SHORT = CardProfile(pid="019001011111", full_name="Nguyễn Văn Hạn", date_of_birth=date(2001, 1, 1),
                    sex="male", expiry=date(2027, 1, 1), issue_date=date(2025, 1, 1))


def _wait_card(reader: str, present: bool, timeout: float = 5.0) -> None:
    from devices.smartcard.pcsc import PcscAdapter

    adapter = PcscAdapter(reader)
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if adapter.card_present(reader) is present:
                return
            time.sleep(0.05)
    finally:
        adapter.close()
    raise AssertionError(f"pcscd did not see the card {'in' if present else 'out of'} {reader}")


Insert = Callable[..., VpcdCard | None]


@pytest.fixture
def vpcd(free_vpcd_reader: tuple[str, int, str]) -> tuple[str, int, str]:
    return free_vpcd_reader


@pytest.fixture
def reader_card(vpcd: tuple[str, int, str]) -> Iterator[Insert]:
    """``reader_card(profile, faults)`` puts that card on the vpcd reader (``None``: no card)."""
    host, port, reader = vpcd
    current: list[VpcdCard] = []

    def insert(profile: CardProfile | None, faults: Faults | None = None,
               pki: object | None = None) -> VpcdCard | None:
        while current:
            current.pop().remove()
            _wait_card(reader, False)
        if profile is None:
            return None
        card = VpcdCard(VirtualCard(profile, faults or Faults(), pki), host, port)  # type: ignore[arg-type]
        card.insert()
        current.append(card)
        _wait_card(reader, True)
        return card

    yield insert
    insert(None)


@pytest.fixture
def station(sdb: Database, settings: Settings, fast_hash: None) -> Database:
    from workstation.security.users import add_user

    system = Actor.system("test")
    with sdb.session() as s:
        add_user(s, system, "lanhdao", LEADER_PW, ["leader"], settings=settings,
                 full_name="Trần Văn Lãnh", must_change_password=False)
        add_user(s, system, "thunhan", "tram-xanh-Ke7#mua", ["capture"], settings=settings,
                 full_name="Lò Thị Mai", must_change_password=False)
    return sdb


@pytest.fixture
def pcsc_settings(settings: Settings, vpcd: tuple[str, int, str]) -> Settings:
    _, _, reader = vpcd
    return settings.with_values(smartcard__adapter="pcsc", smartcard__reader=reader)


REQUESTER = Actor("thunhan", frozenset({"capture"}), "TN-SC-01", "Lò Thị Mai")


def _register(db: Database, settings: Settings, username: str, p: CardProfile,
              today: date = TODAY) -> None:
    from devices.smartcard.mrzdata import bac_key_for_pid

    chip = settings_reader(settings)(bac_key_for_pid(p.pid, p.date_of_birth, p.expiry))
    with db.session() as s:
        register_card(s, Actor.system("cli"), username, chip, pid=p.pid,
                      date_of_birth=p.date_of_birth, expiry=p.expiry, today=today)


def _approve(db: Database, settings: Settings, username: str | None = None,
             today: date = TODAY) -> Actor:
    return approve_with_card(db, REQUESTER, settings_reader(settings), username=username,
                             today=today, station="TN-SC-01", what="finger:left_index")


def _refused(code: str, db: Database, settings: Settings, username: str | None = None,
             today: date = TODAY) -> CardApprovalRefused:
    with pytest.raises(CardApprovalRefused) as info:
        _approve(db, settings, username, today)
    assert info.value.code == code, info.value.text("en")
    return info.value


def test_register_with_the_cli_then_approve_by_placing_the_card(
        station: Database, settings: Settings, reader_card: Insert, tmp_path: Path,
        vpcd: tuple[str, int, str]) -> None:
    _, _, reader = vpcd
    reader_card(LEADER)
    url = str(station.engine.url)
    proc = cli("users", "card-register", "lanhdao", "--pid", LEADER.pid, "--dob", "1980-01-12",
               "--expiry", "2040-01-12", "--reader", reader, "--db", url, "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    assert "********2345" in proc.stdout and "lanhdao" in proc.stdout
    assert LEADER.pid not in proc.stdout  # the PID is shown masked
    # A wrong date of birth: the chip refuses the key, one clear line, nothing stored.
    proc = cli("users", "card-register", "thunhan", "--pid", LEADER.pid, "--dob", "1980-01-13",
               "--expiry", "2040-01-12", "--reader", reader, "--db", url, "--lang", "en")
    assert proc.returncode == 1 and "does not match the card" in proc.stderr
    assert "Traceback" not in proc.stderr
    proc = cli("users", "cards", "--db", url, "--json")
    listed = json.loads(proc.stdout)
    assert [(c["username"], c["pid"], c["expiry"]) for c in listed] == [
        ("lanhdao", "********2345", "2040-01-12")]
    with station.session() as s:
        card = s.scalar(select(UserCard))
        assert card is not None and card.pid == LEADER.pid and card.document_number == \
            LEADER.pid[-9:]
        assert card.dg1_sha256 and card.pa_status == "hashes_valid_issuer_unverified"
        assert len(card.signer_sha256) == 64
        assert card_holders(s) == [("lanhdao", "Trần Văn Lãnh")]

    pcsc = settings.with_values(smartcard__adapter="pcsc", smartcard__reader=reader)
    approver = _approve(station, pcsc)  # no name given: the card identifies its holder
    assert approver.username == "lanhdao" and approver.has("biometrics.exception_approve")
    assert _approve(station, pcsc, "lanhdao").username == "lanhdao"
    with station.session() as s:
        assert s.scalar(select(UserCard)).last_used_at is not None
        entries = list(s.scalars(select(AuditEntry).where(
            AuditEntry.action == "biometrics.exception_card_approval")))
        register = s.scalar(select(AuditEntry).where(AuditEntry.action == "users.card_register"))
    assert register is not None and LEADER.pid not in register.details
    assert [json.loads(e.details)["result"] for e in entries] == ["approved", "approved"]
    assert all(e.username == "thunhan" and e.object_id == "lanhdao" for e in entries)

    # Four eyes: the leader who asks for the exception cannot approve it with their own card.
    leader = Actor("lanhdao", frozenset({"leader"}), "TN-SC-01", "Trần Văn Lãnh")
    with pytest.raises(CardApprovalRefused) as own:
        approve_with_card(station, leader, settings_reader(pcsc), today=TODAY)
    assert own.value.code == "security.approval_self"
    assert "another leader" in own.value.text("en")


def test_refusals_each_with_a_clear_message(station: Database, pcsc_settings: Settings,
                                            reader_card: Insert) -> None:
    reader_card(LEADER)
    _register(station, pcsc_settings, "lanhdao", LEADER)
    reader_card(OFFICER)
    _register(station, pcsc_settings, "thunhan", OFFICER)

    # A registered card whose holder is no leader.
    err = _refused("security.card.not_leader", station, pcsc_settings)
    assert "Lò Thị Mai" in err.text("en") and "leader role" in err.text("en")
    # The leader named, someone else's card on the reader.
    err = _refused("security.card.someone_else", station, pcsc_settings, "lanhdao")
    assert "Trần Văn Lãnh" in err.text("vi")
    # A card nobody registered.
    reader_card(STRANGER)
    err = _refused("security.card.not_registered", station, pcsc_settings)
    assert "chưa được đăng ký" in err.text("vi")
    # A clone: the leader's card with DG13 altered after signing fails passive authentication.
    reader_card(LEADER, Faults(altered_dg13=True))
    err = _refused("security.card.pa_failed", station, pcsc_settings)
    assert "passive authentication" in err.text("en")
    # A copy of the leader's data signed by a made-up Document Signer: its hashes and signature
    # hold (no CSCA list here), but it is not the chip that was registered.
    from devices.smartcard.emulator import generate_pki

    reader_card(LEADER, pki=generate_pki())
    err = _refused("security.card.signer_differs", station, pcsc_settings)
    assert "register it again" in err.text("en")
    # No card on the reader.
    reader_card(None)
    err = _refused("security.card.no_card", station, pcsc_settings)
    assert "no card on the reader" in err.text("en")
    # The reader gone (a reader name that is not plugged in).
    gone = pcsc_settings.with_values(smartcard__reader="Lector USB desconectado")
    err = _refused("security.card.reader_unavailable", station, gone)
    assert "not available" in err.text("en")
    # A leader without a registered card, and a station with none at all.
    reader_card(LEADER)
    with station.session() as s:
        for card in s.scalars(select(UserCard)):
            s.delete(card)
    _refused("security.card.none_for_user", station, pcsc_settings, "lanhdao")
    _refused("security.card.none_registered", station, pcsc_settings)
    with station.session() as s:
        refused = [json.loads(e.details) for e in s.scalars(select(AuditEntry).where(
            AuditEntry.action == "biometrics.exception_card_approval"))]
    assert [r["reason"] for r in refused] == [
        "security.card.not_leader", "security.card.someone_else",
        "security.card.not_registered", "security.card.pa_failed",
        "security.card.signer_differs", "security.card.no_card",
        "security.card.reader_unavailable", "security.card.none_for_user",
        "security.card.none_registered"]


def test_an_expired_card_and_registration_refusals(station: Database, pcsc_settings: Settings,
                                                   reader_card: Insert) -> None:
    reader_card(SHORT)
    _register(station, pcsc_settings, "lanhdao", SHORT, today=date(2026, 11, 1))
    assert _approve(station, pcsc_settings, today=date(2026, 12, 31)).username == "lanhdao"
    err = _refused("security.card.expired", station, pcsc_settings, today=date(2027, 1, 2))
    assert "01/01/2027" in err.text("vi")
    # Registering an expired card, or a clone, is refused; nothing is stored.
    with pytest.raises(CardApprovalRefused) as info:
        _register(station, pcsc_settings, "thunhan", SHORT, today=date(2027, 1, 2))
    assert info.value.code == "security.card.expired"
    reader_card(OFFICER, Faults(altered_dg13=True))
    with pytest.raises(CardApprovalRefused) as info:
        _register(station, pcsc_settings, "thunhan", OFFICER)
    assert info.value.code == "security.card.pa_failed"
    # The same card cannot belong to two accounts.
    reader_card(SHORT)
    with pytest.raises(CardApprovalRefused) as info:
        _register(station, pcsc_settings, "thunhan", SHORT, today=date(2026, 11, 1))
    assert info.value.code == "security.card.taken"
    with station.session() as s:
        assert [c.pid for c in s.scalars(select(UserCard))] == [SHORT.pid]


def test_password_approval_needs_a_leader(station: Database, settings: Settings) -> None:
    approver = approve_with_password(station, "lanhdao", LEADER_PW, settings=settings)
    assert approver.username == "lanhdao" and approver.has("biometrics.exception_approve")
    with pytest.raises(CardApprovalRefused) as info:
        approve_with_password(station, "thunhan", "tram-xanh-Ke7#mua", settings=settings)
    assert info.value.code == "security.approval_not_leader"
    from workstation.errors import UserFacingError

    with pytest.raises(UserFacingError) as wrong:
        approve_with_password(station, "lanhdao", "sai-mat-khau", settings=settings)
    assert wrong.value.code == "security.login_failed"
    # Four eyes: a leader never approves the exception they asked for.
    asker = Actor("lanhdao", frozenset({"leader"}), "TN-SC-01", "Trần Văn Lãnh")
    with pytest.raises(CardApprovalRefused) as own:
        approve_with_password(station, "lanhdao", LEADER_PW, settings=settings, requester=asker)
    assert own.value.code == "security.approval_self"
    assert approve_with_password(station, "lanhdao", LEADER_PW, settings=settings,
                                 requester=REQUESTER).username == "lanhdao"
