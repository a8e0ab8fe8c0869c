"""The application lifecycle: each transition checks role, state, version and preconditions."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import func, select

from models.applications import Application, ApplicationEvent, BiometricRecord
from models.db import Database
from workstation.enrollment import Conflict, EnrollmentService, list_applications, summary
from workstation.enrollment.lifecycle import FINGER_POSITIONS, IRIS_POSITIONS
from workstation.errors import PermissionDenied, UserFacingError, ValidationFailed
from workstation.security import Actor

from .conftest import ACTOR, LEADER, audit_actions

SMALL = {"pid": "019321001111", "full_name": "Lò Thị Mai", "date_of_birth": "05/03/2021",
         "sex": "female", "kind": "first_issue", "representative_pid": "019085001234",
         "representative_name": "Lò Văn Tủa", "representative_relationship": "father"}
MIDDLE = {"pid": "019216002222", "full_name": "Lò Văn Nam", "date_of_birth": "20/05/2016",
          "sex": "male", "kind": "first_issue", "representative_pid": "019188004321",
          "representative_name": "Hà Thị Lan", "representative_relationship": "mother"}
ADULT = {"pid": "019086003333", "full_name": "Nguyễn Văn Bình", "date_of_birth": "10/10/1986",
         "sex": "male", "kind": "renewal", "reason": "cccd_conversion",
         "current_card_type": "cccd", "current_card_number": "019086003333",
         "current_card_issued_on": "15/01/2025", "phone": "0912345678"}


def states(db: Database, app_id: int) -> list[tuple[str | None, str]]:
    with db.session() as s:
        return [(e.from_state, e.to_state) for e in s.scalars(
            select(ApplicationEvent).where(ApplicationEvent.application_id == app_id)
            .order_by(ApplicationEvent.id))]


def capture_all(enroll: EnrollmentService, app_id: int) -> None:
    enroll.attach_capture(ACTOR, app_id, modality="face", position="face", image=b"jpeg-face",
                          format="jpeg", quality=88)
    for pos in FINGER_POSITIONS:
        enroll.attach_capture(ACTOR, app_id, modality="finger", position=pos,
                              image=b"wsq-" + pos.encode(), format="wsq", quality=70)


def test_numbers_are_unique_per_station_and_day(enroll: EnrollmentService) -> None:
    a = enroll.save_draft(ACTOR, None, {"pid": "0193"})
    b = enroll.save_draft(ACTOR, None, {})
    assert a.number == "TN-SC-01-20261127-0001"
    assert b.number == "TN-SC-01-20261127-0002"


def test_numbers_stay_unique_under_concurrent_windows(enroll: EnrollmentService) -> None:
    numbers: list[str] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(5):
                numbers.append(enroll.save_draft(ACTOR, None, {}).number)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(numbers) == len(set(numbers)) == 20


def test_under_6_goes_from_draft_to_handover_without_capture(
        enroll: EnrollmentService, db: Database, audit_log: list[Any]) -> None:
    app = enroll.save_draft(ACTOR, None, {"pid": "019321001111"})
    app = enroll.save_draft(ACTOR, app.id, SMALL, expected_version=app.version)
    assert app.state == "draft" and app.form["full_name"] == "Lò Thị Mai"
    app = enroll.verify(ACTOR, app.id, app.version)
    assert (app.state, app.age_group, app.collect_face) == ("verified", "under_6", False)
    assert app.representative_verified_by == "records"  # the father is linked in the records
    app = enroll.complete_capture(ACTOR, app.id, app.version)
    assert app.state == "captured"
    with pytest.raises(UserFacingError) as info:
        enroll.confirm(ACTOR, app.id, app.version, signed_by="representative")
    assert info.value.code == "enrollment.cc01_not_printed"
    app = enroll.record_printed(ACTOR, app.id, "cc01")
    with pytest.raises(UserFacingError) as info:
        enroll.confirm(ACTOR, app.id, app.version, signed_by="applicant")
    assert info.value.code == "enrollment.representative_signs"
    app = enroll.confirm(ACTOR, app.id, app.version, signed_by="representative")
    app = enroll.submit(ACTOR, app.id, app.version)
    app = enroll.card_arrived(ACTOR, app.id, app.version)
    with pytest.raises(UserFacingError) as info:
        enroll.hand_over(ACTOR, app.id, app.version, to="representative",
                         chip_pid="019216002222", old_document_collected=False)
    assert info.value.code == "enrollment.card_mismatch"
    app = enroll.hand_over(ACTOR, app.id, app.version, to="representative",
                           chip_pid="019321001111", old_document_collected=False)
    assert app.state == "handed_over" and app.handed_over_at is not None
    assert states(db, app.id) == [
        (None, "draft"), ("draft", "verified"), ("verified", "captured"),
        ("captured", "confirmed"), ("confirmed", "submitted"), ("submitted", "card_arrived"),
        ("card_arrived", "handed_over")]
    assert audit_actions(db, audit_log, app.number) == [
        "application.create", "application.verify", "application.complete_capture",
        "document.print", "application.confirm", "application.submit",
        "application.card_arrived", "application.hand_over"]


def test_6_to_13_needs_every_capture_and_encrypts_images(enroll: EnrollmentService,
                                                         db: Database) -> None:
    app = enroll.save_draft(ACTOR, None, MIDDLE)
    app = enroll.verify(ACTOR, app.id)
    assert app.collect_face and app.collect_fingerprints
    with pytest.raises(UserFacingError) as info:
        enroll.complete_capture(ACTOR, app.id)
    assert info.value.code == "enrollment.capture_incomplete"
    capture_all(enroll, app.id)
    # The right little finger is missing: an exception needs a leader's approval.
    with pytest.raises(PermissionDenied):
        enroll.attach_capture(ACTOR, app.id, modality="finger", position="right_little",
                              exception_reason="amputated", approver=ACTOR)
    enroll.attach_capture(ACTOR, app.id, modality="finger", position="right_little",
                          exception_reason="amputated", approver=LEADER)
    status = enroll.capture_status(app.id)
    assert status["missing"] == [f"iris:{p}" for p in IRIS_POSITIONS]
    app = enroll.complete_capture(ACTOR, app.id, iris_available=False)
    assert app.state == "captured"
    with db.session() as s:
        recs = list(s.scalars(select(BiometricRecord).where(
            BiometricRecord.application_id == app.id)))
    assert len(recs) == 11
    face = next(r for r in recs if r.modality == "face")
    assert face.ciphertext and b"jpeg-face" not in face.ciphertext
    from workstation.security.crypto import load_vault

    with db.session() as s:
        assert load_vault(s, enroll.settings).open_record(s.merge(face)) == b"jpeg-face"
    little = next(r for r in recs if r.position == "right_little")
    assert little.ciphertext is None and little.exception_approved_by == "lanh.dao"


def test_adult_conversion_needs_the_fee_and_the_old_card(enroll: EnrollmentService) -> None:
    app = enroll.save_draft(ACTOR, None, ADULT)
    app = enroll.verify(ACTOR, app.id)
    assert app.fee_vnd > 0 and app.current_card_type == "cccd"
    capture_all(enroll, app.id)
    app = enroll.complete_capture(ACTOR, app.id)
    enroll.record_printed(ACTOR, app.id, "cc01")
    app = enroll.confirm(ACTOR, app.id, signed_by="applicant")
    with pytest.raises(UserFacingError) as info:
        enroll.submit(ACTOR, app.id)
    assert info.value.code == "enrollment.fee_unpaid"
    app = enroll.collect_fee(ACTOR, app.id)
    assert app.receipt_serial == "BL-TN-SC-01-2026-000001"
    with pytest.raises(UserFacingError):
        enroll.collect_fee(ACTOR, app.id)
    app = enroll.submit(ACTOR, app.id)
    app = enroll.card_arrived(ACTOR, app.id, card_number="019086003333")
    with pytest.raises(UserFacingError) as info:
        enroll.hand_over(ACTOR, app.id, to="holder", chip_pid="019086003333",
                         old_document_collected=False)
    assert info.value.code == "enrollment.old_document_required"
    app = enroll.hand_over(ACTOR, app.id, to="holder", chip_pid="019086003333",
                           old_document_collected=True)
    assert app.state == "handed_over" and app.old_document_collected


def test_two_windows_on_one_application_only_one_wins(enroll: EnrollmentService,
                                                      db: Database) -> None:
    app = enroll.save_draft(ACTOR, None, SMALL)
    first = enroll.verify(ACTOR, app.id, app.version)
    with pytest.raises(Conflict) as info:
        enroll.save_draft(ACTOR, app.id, {"phone": "0912345678"}, expected_version=app.version)
    text = info.value.text("en")
    assert app.number in text and "Checked" in text and "not saved" in text
    assert enroll.get(app.id).version == first.version


def test_editing_a_verified_application_returns_it_to_draft(enroll: EnrollmentService) -> None:
    app = enroll.verify(ACTOR, enroll.save_draft(ACTOR, None, SMALL).id)
    app = enroll.save_draft(ACTOR, app.id, {"phone": "0912345678"}, app.version)
    assert app.state == "draft"
    same = enroll.save_draft(ACTOR, app.id, {"phone": "0912345678"}, app.version)
    assert same.version == app.version  # nothing changed, nothing written


def test_refusals_write_nothing(enroll: EnrollmentService, db: Database) -> None:
    app = enroll.save_draft(ACTOR, None, {**SMALL, "date_of_birth": "31/02/2021"})
    with pytest.raises(ValidationFailed) as info:
        enroll.verify(ACTOR, app.id)
    assert [f["code"] for f in info.value.findings] == ["enrollment.form.date_invalid"]
    no_rep = {k: v for k, v in MIDDLE.items() if not k.startswith("representative")}
    other = enroll.save_draft(ACTOR, None, no_rep)
    with pytest.raises(ValidationFailed) as info:
        enroll.verify(ACTOR, other.id)
    assert "representative.missing" in [f["code"] for f in info.value.findings]
    assert enroll.get(other.id).state == "draft"
    with pytest.raises(PermissionDenied):
        enroll.verify(Actor("x", frozenset({"capture"})), app.id)
    with pytest.raises(PermissionDenied):
        enroll.save_draft(Actor("adm", frozenset({"admin"})), None, {})
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Application)) == 2


def test_reject_needs_a_reason_and_a_leader(enroll: EnrollmentService) -> None:
    app = enroll.save_draft(ACTOR, None, SMALL)
    with pytest.raises(ValidationFailed):
        enroll.reject(LEADER, app.id, reason="  ")
    with pytest.raises(PermissionDenied):
        enroll.reject(ACTOR, app.id, reason="giấy tờ giả")
    app = enroll.reject(LEADER, app.id, reason="giấy tờ giả")
    assert app.state == "rejected"
    with pytest.raises(UserFacingError) as info:
        enroll.cancel(ACTOR, app.id, reason="x")
    assert info.value.code == "enrollment.wrong_state"


def test_read_only_database_is_a_clear_message(enroll: EnrollmentService, db: Database,
                                                tmp_path: Any) -> None:
    app = enroll.save_draft(ACTOR, None, SMALL)
    path = db.engine.url.database
    assert path
    ro = Database.open(f"sqlite:///file:{path}?mode=ro&uri=true")
    service = EnrollmentService(ro, enroll.settings, today=enroll.today)
    with pytest.raises(UserFacingError) as info:
        service.save_draft(ACTOR, app.id, {"phone": "0912345678"})
    assert info.value.code == "db.readonly"
    ro.dispose()
    assert enroll.get(app.id).form.get("phone") is None


def test_list_and_summary(enroll: EnrollmentService, db: Database) -> None:
    a = enroll.save_draft(ACTOR, None, SMALL)
    enroll.verify(ACTOR, a.id)
    enroll.save_draft(ACTOR, None, ADULT)
    rows = [summary(x) for x in list_applications(db)]
    assert [r["state"] for r in rows] == ["draft", "verified"]
    assert {"number", "applicant_pid", "kind", "state", "created", "return_by"} <= set(rows[0])
    assert [r["number"] for r in map(summary, list_applications(db, "verified"))] == [a.number]
    with pytest.raises(UserFacingError):
        list_applications(db, "bogus")
    # Text search: part of the number finds it; "%" and "_" are text, not wildcards.
    assert [x.number for x in list_applications(db, text=a.number[-4:])] == [a.number]
    assert list_applications(db, text="%") == [] and list_applications(db, text="_") == []
