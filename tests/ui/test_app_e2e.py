"""The counter from reception to card handover, driven through the real window and pages with
simulated devices: a 5-year-old (no capture, a parent from the records as representative), a
10-year-old (capture, representative verified by chip), a 40-year-old converting a CCCD (chip
prefill, fee). Each step asserts the database, the audit trail and the printed PDFs."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from app_helpers import (
    ADULT,
    ADULT_CARD,
    FATHER,
    MIDDLE,
    MOTHER,
    PASSWORD,
    SMALL,
    TODAY,
    Station,
    audit_actions,
    insert_card,
    make_station,
    pdf_text,
    printed_pdf,
)
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from models.applications import Application, BiometricRecord
from ui import common
from ui.workers import ImmediateRunner

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def station(tmp_path: Path, db_url: str) -> Station:
    return make_station(tmp_path, db_url)


@pytest.fixture
def app(qtbot: QtBot, station: Station, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    from ui.app import build

    crashes: list[BaseException] = []
    monkeypatch.setattr(common, "crash_handler", lambda exc, parent: crashes.append(exc))
    qapp, window, ctx = build(station.url, simulate=True, lang="vi", settings=station.settings,
                              runner=ImmediateRunner(), today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.crashes = crashes
    yield window
    assert crashes == []
    for page in window.all_pages.values():
        page.close()
    ctx.db.dispose()


def sign_in(window: Any, qtbot: QtBot, user: str = "thu.nguyen",
            password: str = PASSWORD) -> None:
    window.login.username.setText(user)
    window.login.password.setText(password)
    qtbot.mouseClick(window.login.submit, Qt.MouseButton.LeftButton)
    assert not window.is_locked(), window.login.message.text()


def db_app(station: Station, number: str) -> Application:
    with station.db.session() as s:
        app = s.scalar(select(Application).where(Application.number == number))
        assert app is not None
        return app


def click(qtbot: QtBot, button: Any) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def receive(window: Any, qtbot: QtBot, query: str) -> Any:
    """Reception: search, pick the person, start the application."""
    page = window.show_page("reception")
    page.query.setText(query)
    click(qtbot, page.findChild(type(page.start), "searchButton"))
    assert page.person is not None, page.banner.text()
    click(qtbot, page.start)
    assert page.app_id is not None, page.banner.text()
    return page


def review_and_submit(window: Any, qtbot: QtBot, station: Station, app_id: int,
                      signer: str) -> Any:
    review = window.current_page()
    assert review.key == "review" and review.app.id == app_id
    click(qtbot, review.print_cc01)
    number = review.app.number
    cc01 = pdf_text(printed_pdf(station, "CC01", number))
    assert review.app.applicant["full_name"].upper() in cc01.upper() or \
        review.app.applicant["full_name"] in cc01
    assert review.preview.pdf.startswith(b"%PDF")
    review.signer.setCurrentIndex(review.signer.findData(signer))
    click(qtbot, review.confirm_button)
    assert db_app(station, number).state == "confirmed"
    if review.app.fee_vnd:
        click(qtbot, review.fee_button)
        paid = db_app(station, number)
        assert paid.receipt_serial and paid.fee_paid_at is not None
        receipt = pdf_text(printed_pdf(station, "BL", number))
        assert paid.receipt_serial in receipt
    click(qtbot, review.submit_button)
    done = db_app(station, number)
    assert done.state == "submitted"
    cc02 = pdf_text(printed_pdf(station, "CC02", number))
    assert number in cc02 and done.return_by is not None
    d = done.return_by
    assert f"{d.day:02d} tháng {d.month:02d} năm {d.year}" in cc02
    return done


def return_card(window: Any, qtbot: QtBot, station: Station, app: Application,
                person: dict[str, Any], recipient: str, old_collected: bool) -> Application:
    page = window.show_page("return")
    page.number.setText(f"CC02|{app.number}|{app.applicant_pid}")  # as the QR scanner types it
    click(qtbot, page.findChild(type(page.arrived_button), "findButton"))
    assert page.app is not None and page.app.number == app.number
    click(qtbot, page.arrived_button)
    assert db_app(station, app.number).state == "card_arrived"
    insert_card(person, app.card_expiry, face=app.collect_face, issue_date=TODAY)
    page.verify_card_with(person["pid"], person["date_of_birth"], app.card_expiry)
    assert page.chip_pid == person["pid"], page.chip_result.text()
    if old_collected:
        page.old_collected.setChecked(True)
    page.recipient.setCurrentIndex(page.recipient.findData(recipient))
    click(qtbot, page.print_button)
    handover = pdf_text(printed_pdf(station, "BBGN", app.number))
    assert app.number in handover
    click(qtbot, page.handover_button)
    final = db_app(station, app.number)
    assert final.state == "handed_over" and final.handed_over_to == recipient
    assert final.old_document_collected is old_collected
    return final


def test_under_6_no_capture_parent_from_records(app: Any, qtbot: QtBot,
                                                station: Station) -> None:
    window = app
    sign_in(window, qtbot)
    page = receive(window, qtbot, SMALL["pid"])
    number = page.number
    assert db_app(station, number).state == "draft"
    # The live decision: under 6, nothing to capture, a representative needed.
    assert page.answer is not None and page.answer["age_group"] == "under_6"
    assert page.answer["collect"] == {"face": False, "fingerprints": False, "iris": False}
    assert any(f["code"] == "representative.missing" for f in page.answer["findings"])
    father = next(b for b in page.findChildren(type(page.start)) if b.objectName()
                  == "parent_father")
    click(qtbot, father)
    draft = db_app(station, number)
    assert draft.form["representative_pid"] == FATHER["pid"]
    click(qtbot, page.verify_button)
    # No capture step at all: straight to review, already "captured".
    checked = db_app(station, number)
    assert checked.state == "captured" and checked.age_group == "under_6"
    assert checked.representative_verified_by == "records"
    assert checked.card_expiry is not None and checked.card_expiry.year == 2035
    assert audit_actions(station.db, number) == [
        "application.create", "application.verify", "application.complete_capture"]
    submitted = review_and_submit(window, qtbot, station, checked.id, "representative")
    assert submitted.fee_vnd == 0
    final = return_card(window, qtbot, station, submitted, SMALL, "representative", False)
    with station.db.session() as s:
        assert s.scalar(select(BiometricRecord.id).where(
            BiometricRecord.application_id == final.id)) is None
    actions = audit_actions(station.db, number)
    assert actions[:3] == ["application.create", "application.verify",
                           "application.complete_capture"]
    for expected in ("document.print", "application.confirm", "application.submit",
                     "application.card_arrived", "card.handover_check", "application.hand_over"):
        assert expected in actions, actions
    assert actions[-1] == "application.hand_over"


def capture_face(window: Any, qtbot: QtBot, station: Station, app_id: int) -> None:
    page = window.current_page()
    assert page.key == "capture" and page.app.id == app_id
    widget = page.face.ensure()
    assert widget is not None and widget.camera is not None
    qtbot.waitUntil(lambda: widget.photo is not None, timeout=20_000)  # auto-capture
    widget.accept()
    with station.db.session() as s:
        face = s.scalar(select(BiometricRecord).where(BiometricRecord.application_id == app_id,
                                                      BiometricRecord.modality == "face"))
        assert face is not None and face.ciphertext and face.format == "jpeg"
        assert face.ciphertext[:3] != b"\xff\xd8\xff"  # sealed, not a readable JPEG
    assert "face:face" not in page.status["missing"]


def capture_fingers(window: Any, qtbot: QtBot, station: Station, app_id: int) -> None:
    """The ten prints (4-4-2 slaps) and both irises with the simulated SBI devices."""
    page = window.current_page()
    assert page.tabs.currentIndex() == 1  # the photo is in: the page moved on to the prints
    panel = page.fingers.ensure()
    assert panel is not None
    qtbot.waitUntil(lambda: panel.device is not None and panel.state is not None,
                    timeout=30_000)

    def missing(prefix: str) -> list[str]:
        return [m for m in page.status["missing"] if m.startswith(prefix)]

    for _step in range(6):
        if not missing("finger:"):
            break
        qtbot.waitUntil(lambda: not panel.busy, timeout=30_000)
        panel.capture()
        qtbot.waitUntil(lambda: not panel.busy, timeout=30_000)
    assert not missing("finger:"), page.status
    assert page.iris_available()
    panel.capture_iris()
    qtbot.waitUntil(lambda: not missing("iris:"), timeout=30_000)
    with station.db.session() as s:
        records = list(s.scalars(select(BiometricRecord).where(
            BiometricRecord.application_id == app_id)))
    fingers = [r for r in records if r.modality == "finger"]
    assert len(fingers) == 10 and all(r.ciphertext and r.quality for r in fingers)
    assert {r.position for r in records if r.modality == "iris"} == {"left_iris", "right_iris"}


def test_adult_converting_a_cccd_with_chip_prefill_and_fee(app: Any, qtbot: QtBot,
                                                           station: Station) -> None:
    window = app
    sign_in(window, qtbot)
    page = window.show_page("reception")
    insert_card(ADULT, ADULT_CARD["expires_on"], issue_date=ADULT_CARD["issued_on"])
    page.read_chip_with(ADULT["pid"], ADULT["date_of_birth"], ADULT_CARD["expires_on"])
    assert page.person is not None and page.person.pid == ADULT["pid"], page.banner.text()
    click(qtbot, page.start)
    form = page.form.values()
    assert form["current_card_type"] == "cccd" and form["reason"] == "cccd_conversion"
    assert form["kind"] == "renewal" and form["current_card_issued_on"] == "15/01/2025"
    page.form.widgets["phone"].setText("0912 345 678")
    page.form.widgets["email"].setText("binh.nguyen@example.vn")
    page.form.widgets["eid_level2"].setChecked(True)
    page.form.flush()
    number = page.number
    draft = db_app(station, number)
    assert draft.form["phone"] == "0912 345 678" and draft.form["eid_level2"] == "true"
    assert page.answer is not None and page.answer["fee_vnd"] > 0
    assert page.answer["collect"]["face"] and page.answer["collect"]["fingerprints"]
    click(qtbot, page.verify_button)
    checked = db_app(station, number)
    assert checked.state == "verified" and checked.fee_vnd == page.answer["fee_vnd"]
    assert checked.phone == "0912345678" and checked.eid_level2
    assert window.current_page().key == "capture"
    capture_face(window, qtbot, station, checked.id)
    capture_fingers(window, qtbot, station, checked.id)
    capture = window.current_page()
    click(qtbot, capture.finish)
    assert db_app(station, number).state == "captured"
    submitted = review_and_submit(window, qtbot, station, checked.id, "applicant")
    assert submitted.receipt_serial
    return_card(window, qtbot, station, submitted, ADULT, "holder", True)
    actions = audit_actions(station.db, number)
    assert "card.read" not in actions  # the chip read is audited on the resident, not here
    for expected in ("biometrics.capture", "fee.collect", "application.hand_over"):
        assert expected in actions, actions


def test_10_year_old_with_representative_verified_by_chip(app: Any, qtbot: QtBot,
                                                         station: Station) -> None:
    window = app
    sign_in(window, qtbot)
    page = receive(window, qtbot, "lo van nam")  # by name, without diacritics
    number = page.number
    assert page.answer is not None and page.answer["age_group"] == "6_to_under_14"
    # The mother brings her card: read it and check it against the records' parent links.
    insert_card(MOTHER, date(2048, 9, 9), issue_date=date(2024, 9, 9))
    page.read_rep_chip_with(MOTHER["pid"], MOTHER["date_of_birth"], date(2048, 9, 9))
    draft = db_app(station, number)
    assert draft.form["representative_pid"] == MOTHER["pid"]
    assert draft.form["representative_verified_by"] == "chip"
    assert draft.form["representative_relationship"] == "mother"
    click(qtbot, page.verify_button)
    checked = db_app(station, number)
    assert checked.state == "verified" and checked.representative_verified_by == "chip"
    assert checked.collect_face and checked.collect_fingerprints
    assert window.current_page().key == "capture"
    capture_face(window, qtbot, station, checked.id)
    capture_fingers(window, qtbot, station, checked.id)
    click(qtbot, window.current_page().finish)
    submitted = review_and_submit(window, qtbot, station, checked.id, "representative")
    assert submitted.fee_vnd == 0
    return_card(window, qtbot, station, submitted, MIDDLE, "representative", False)
    with station.db.session() as s:
        from models.security import AuditEntry

        assert "card.verify_representative" in set(s.scalars(select(AuditEntry.action)))
