"""The capture page driving the fingerprint panel and the face widget end to end (real SQLite,
simulated camera and SBI scanner): the completed ten-print sequence is stored encrypted and the
page moves on; a finger marked as an exception goes to the leader's approval, by password or by
the leader's own chip card read through the real pcscd + vpcd (refused for a non-leader's card,
an unregistered card and an expired one); a new applicant never sees the previous prints; at
1366×768 the ten-print strip is whole without scrolling; iris is "not available" without an
iris camera."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from app_helpers import (
    ADULT,
    ADULT_CARD,
    LEADER_PASSWORD,
    MOTHER,
    PASSWORD,
    TODAY,
    Station,
    make_station,
)
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from devices.fingerprint.model import ExceptionKind, Finger
from devices.fingerprint.sequence import FingerStatus
from models.applications import BiometricRecord
from models.security import AuditEntry
from ui import common
from ui.workers import ImmediateRunner, ThreadRunner
from workstation.security import Actor

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

OFFICER = Actor("thu.nguyen", frozenset({"reception", "capture", "clerk"}), "TN-SC-01",
                "Nguyễn Thị Thu")


def _fields(p: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"pid": p["pid"], "full_name": p["full_name"], "date_of_birth": p["date_of_birth"],
            "sex": p["sex"], "pickup": "counter", "ethnicity": "Kinh",
            "residence": "Tổ dân phố 5, phường Thắng Lợi", **extra}


def verified_applications(station: Station) -> tuple[int, int]:
    """Two adults waiting for capture: a CCCD conversion and a first issue."""
    from workstation.enrollment import EnrollmentService

    svc = EnrollmentService(station.db, station.settings, today=lambda: TODAY)
    a = svc.save_draft(OFFICER, None, _fields(
        ADULT, kind="renewal", reason="cccd_conversion", current_card_type="cccd",
        current_card_number=ADULT_CARD["number"], current_card_issued_on=ADULT_CARD["issued_on"],
        current_card_expires_on=ADULT_CARD["expires_on"], phone="0987000222"))
    b = svc.save_draft(OFFICER, None, _fields(MOTHER, kind="first_issue", phone="0987000333"))
    return svc.verify(OFFICER, a.id).id, svc.verify(OFFICER, b.id).id


def _station(tmp_path: Path, db_url: str, **values: Any) -> Station:
    station = make_station(tmp_path, db_url)
    station.settings = station.settings.with_values(**values)
    return station


def _build(qtbot: QtBot, station: Station, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    from ui.app import build

    crashes: list[BaseException] = []
    monkeypatch.setattr(common, "crash_handler", lambda exc, parent: crashes.append(exc))
    _qapp, window, ctx = build(station.url, simulate=True, lang="vi", settings=station.settings,
                               runner=ImmediateRunner(), today=lambda: TODAY)
    ctx.devices = None
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.crashes = crashes
    window.login.username.setText("thu.nguyen")
    window.login.password.setText(PASSWORD)
    window.login.try_sign_in()
    assert not window.is_locked(), window.login.message.text()
    return window, ctx


@pytest.fixture
def no_iris(tmp_path: Path, db_url: str, qtbot: QtBot,
            monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Any, Any, Station]]:
    """The app at 1366×768 on a counter whose fingerprint service has no iris camera."""
    station = _station(tmp_path, db_url, fingerprint__simulator_iris=False)
    window, ctx = _build(qtbot, station, monkeypatch)
    yield window, ctx, station
    assert window.crashes == []
    for page in window.all_pages.values():
        page.close()
    ctx.db.dispose()


def open_capture(window: Any, qtbot: QtBot, app_id: int) -> tuple[Any, Any]:
    window.open_application("capture", app_id)
    page = window.current_page()
    assert page.key == "capture" and page.app is not None and page.app.id == app_id
    panel = page.fingers.ensure()
    qtbot.waitUntil(lambda: panel.device is not None and panel.state is not None
                    and not panel.busy, timeout=30_000)
    return page, panel


def capture_step(qtbot: QtBot, panel: Any) -> None:
    before = panel.state
    panel.capture()
    qtbot.waitUntil(lambda: not panel.busy and panel.state is not before, timeout=30_000)


def records(station: Station, app_id: int) -> list[BiometricRecord]:
    with station.db.session() as s:
        return list(s.scalars(select(BiometricRecord).where(
            BiometricRecord.application_id == app_id)))


def accept_face(qtbot: QtBot, page: Any) -> None:
    face = page.face.ensure()
    qtbot.waitUntil(lambda: face.photo is not None, timeout=20_000)  # auto-capture
    face.accept()


# ------------------------------------------------------------------------------------------
def test_sequence_completion_saves_encrypted_prints_and_moves_on(
        no_iris: tuple[Any, Any, Station], qtbot: QtBot) -> None:
    window, ctx, station = no_iris
    adult, _ = verified_applications(station)
    page, panel = open_capture(window, qtbot, adult)
    # No iris camera at this counter: said so, not asked for, not blocking.
    assert panel.iris_device is None and not page.iris_available()
    from ui.i18n_vi import VI

    assert page.iris.text() == VI["Iris: no iris camera at this counter — not available."]
    assert "Mắt phải" not in page.checklist.text()
    assert not panel.iris_button.isVisible()
    assert page.tabs.currentIndex() == 0  # the photo first

    page.tabs.setCurrentIndex(1)
    completed: list[Any] = []
    panel.sequenceCompleted.connect(completed.append)
    capture_step(qtbot, panel)  # right four
    capture_step(qtbot, panel)  # left four
    # The thumbs' prints are not stored step by step this time (say the database was busy):
    # the completed sequence must store what is missing.
    panel.fingerCaptured.disconnect()
    capture_step(qtbot, panel)  # both thumbs
    qtbot.waitUntil(lambda: bool(completed), timeout=10_000)
    fingers = [r for r in records(station, adult) if r.modality == "finger"]
    assert sorted(r.position for r in fingers) == sorted(f.key for f in Finger)
    for r in fingers:
        assert r.ciphertext and r.nonce and r.quality and r.format == "wsq"
        assert r.ciphertext[:2] != b"\xff\xa0"  # sealed, not a readable WSQ file
    from workstation.security.crypto import load_vault

    with station.db.session() as s:
        vault = load_vault(s, station.settings)
        thumb = next(r for r in fingers if r.position == "left_thumb")
        assert vault.open_record(thumb)[:2] == b"\xff\xa0"  # the WSQ file inside
    # The prints are done and the photo is missing: the page went back to the photo.
    assert page.tabs.currentIndex() == 0
    assert not [m for m in page.status["missing"] if m.startswith("finger:")]
    assert not page.finish.isEnabled()
    accept_face(qtbot, page)
    assert page.pending_items() == [] and page.finish.isEnabled()
    qtbot.mouseClick(page.finish, Qt.MouseButton.LeftButton)
    with station.db.session() as s:
        from models.applications import Application

        app = s.get(Application, adult)
        assert app is not None and app.state == "captured"
    assert window.current_page().key == "review"


def test_a_new_applicant_never_sees_the_previous_prints(
        no_iris: tuple[Any, Any, Station], qtbot: QtBot) -> None:
    window, ctx, station = no_iris
    first, second = verified_applications(station)
    page, panel = open_capture(window, qtbot, first)
    page.tabs.setCurrentIndex(1)
    capture_step(qtbot, panel)
    shown = [tile for tile in panel.strip.tiles.values() if tile.picture.pixmap()
             and not tile.picture.pixmap().isNull()]
    assert len(shown) == 4 and not panel.preview.pixmap().isNull()
    assert len(records(station, first)) == 4

    window.open_application("capture", second)
    # At once, before anything else: no print, no preview, no count of the previous person.
    assert all(tile.picture.pixmap().isNull() for tile in panel.strip.tiles.values())
    assert panel.preview.pixmap().isNull() and panel.summary.text() == ""
    assert panel.hands.views == {}
    qtbot.waitUntil(lambda: page.app is not None and page.app.id == second, timeout=10_000)
    qtbot.waitUntil(lambda: panel.state is not None and all(
        v.status is FingerStatus.TO_CAPTURE for v in panel.state.fingers.values()),
        timeout=10_000)
    assert "Lò" not in page.head.text() and MOTHER["full_name"] in page.head.text()
    assert all(m in page.status["missing"] for m in (f"finger:{f.key}" for f in Finger))
    assert records(station, second) == []
    assert page.face.inner is None or page.face.inner.photo is None
    # The next person's prints go to the next person.
    page.tabs.setCurrentIndex(1)
    capture_step(qtbot, panel)
    assert len(records(station, second)) == 4 and len(records(station, first)) == 4


def test_layout_at_1366x768_keeps_the_strip_labels_in_view(
        no_iris: tuple[Any, Any, Station], qtbot: QtBot) -> None:
    window, ctx, station = no_iris
    adult, _ = verified_applications(station)
    page, panel = open_capture(window, qtbot, adult)
    page.tabs.setCurrentIndex(1)
    capture_step(qtbot, panel)  # captions of captured fingers are the longest
    panel.mark_exception(Finger.LEFT_LITTLE, ExceptionKind.AMPUTATED, "Cụt từ năm 2019")
    qtbot.waitUntil(lambda: page.approval is not None, timeout=5_000)
    page.approval.close_now()
    qtbot.waitUntil(lambda: panel.state.fingers[Finger.LEFT_LITTLE].status
                    is FingerStatus.TO_CAPTURE, timeout=5_000)
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.size().width() == 1366 and window.size().height() == 768)
    qtbot.wait(50)  # let the layouts settle (no signal for that)
    scroll = page.fingers.findChild(QScrollArea)
    viewport = scroll.viewport()
    view = viewport.rect()
    assert scroll.verticalScrollBar().maximum() == 0, "the panel scrolls at 1366×768"
    for finger, tile in panel.strip.tiles.items():
        for label in (tile.picture, tile.caption):
            rect = QRect(label.mapTo(viewport, QPoint(0, 0)), label.size())
            assert view.contains(rect), (finger, rect, view)
        # The caption's text fits its height: no line cut off.
        assert tile.caption.heightForWidth(tile.caption.width()) <= tile.caption.height(), finger
    # The rest of the page is inside the window too.
    for widget in (page.finish, page.exception_button, panel.capture_button, panel.keys,
                   page.checklist):
        rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        assert window.rect().contains(rect), widget.objectName()
    # The face tab too: the camera, its checks, the photo and its buttons without scrolling.
    page.tabs.setCurrentIndex(0)
    face = page.face.ensure()
    qtbot.waitUntil(lambda: face.isVisible())
    qtbot.wait(50)
    face_scroll = page.face.findChild(QScrollArea)
    assert face_scroll.verticalScrollBar().maximum() == 0, "the face widget scrolls"
    for widget in (face.accept_button, face.retake_button, face.capture_button, face.view):
        rect = QRect(widget.mapTo(face_scroll.viewport(), QPoint(0, 0)), widget.size())
        assert face_scroll.viewport().rect().contains(rect), widget.objectName()
    status_bar = window.statusBar() if hasattr(window, "statusBar") else None
    if status_bar is not None and status_bar.isVisible():
        top = status_bar.mapTo(window, QPoint(0, 0)).y()
        assert page.finish.mapTo(window, QPoint(0, page.finish.height())).y() <= top


# ------------------------------------------------------------------------------------------
LEADER_CARD = dict(pid="019080012345", full_name="Trần Văn Lãnh", date_of_birth=date(1980, 1, 12),
                   sex="male", expiry=date(2040, 1, 12))
OFFICER_CARD = dict(pid="019092054321", full_name="Nguyễn Thị Thu",
                    date_of_birth=date(1992, 3, 8), sex="female", expiry=date(2032, 3, 8))
STRANGER_CARD = dict(pid="019075099999", full_name="Hà Văn Khách",
                     date_of_birth=date(1975, 7, 7), sex="male", expiry=None)
SHORT_CARD = dict(pid="019001011111", full_name="Nguyễn Văn Hạn", date_of_birth=date(2001, 1, 1),
                  sex="male", expiry=date(2026, 12, 1))


class Reader:
    """The second vpcd virtual reader of the real pcscd ("Virtual PCD 00 01"), with our
    emulator's cards: the first one is where the other card tests insert theirs, and a test
    run beside them must not read (and reset) their card or they ours."""

    def __init__(self, free: tuple[str, int, str]) -> None:
        self.host, self.port, self.name = free
        self.card: Any = None

    def _wait(self, present: bool) -> None:
        from devices.smartcard.pcsc import PcscAdapter

        adapter = PcscAdapter(self.name)
        try:
            deadline = time.monotonic() + 5
            while adapter.card_present(self.name) is not present:
                assert time.monotonic() < deadline, "pcscd did not see the card change"
                time.sleep(0.05)
        finally:
            adapter.close()

    def put(self, person: dict[str, Any] | None) -> None:
        from devices.smartcard.emulator import CardProfile, VirtualCard, VpcdCard

        if self.card is not None:
            self.card.remove()
            self.card = None
            self._wait(False)
        if person is not None:
            self.card = VpcdCard(VirtualCard(CardProfile(issue_date=date(2025, 1, 2), **person)),
                                 self.host, self.port)
            self.card.insert()
            self._wait(True)


@pytest.fixture
def with_reader(tmp_path: Path, db_url: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                free_vpcd_reader: tuple[str, int, str],
                ) -> Iterator[tuple[Any, Any, Station, Reader]]:
    reader = Reader(free_vpcd_reader)
    station = _station(tmp_path, db_url, fingerprint__simulator_iris=False,
                       smartcard__adapter="pcsc", smartcard__reader=reader.name)
    window, ctx = _build(qtbot, station, monkeypatch)
    yield window, ctx, station, reader
    reader.put(None)
    assert window.crashes == []
    for page in window.all_pages.values():
        page.close()
    ctx.db.dispose()


def register(station: Station, reader: Reader, username: str, person: dict[str, Any],
             today: date = TODAY) -> None:
    from devices.smartcard.mrzdata import bac_key_for_pid
    from workstation.security.card_approval import register_card, settings_reader

    reader.put(person)
    chip = settings_reader(station.settings)(bac_key_for_pid(
        person["pid"], person["date_of_birth"], person["expiry"]))
    with station.db.session() as s:
        register_card(s, Actor.system("cli"), username, chip, pid=person["pid"],
                      date_of_birth=person["date_of_birth"], expiry=person["expiry"],
                      today=today)


def exception_of(station: Station, app_id: int, position: str) -> BiometricRecord | None:
    with station.db.session() as s:
        return s.scalar(select(BiometricRecord).where(
            BiometricRecord.application_id == app_id, BiometricRecord.position == position))


def test_panel_exception_approved_by_password_then_by_the_leaders_card(
        with_reader: tuple[Any, Any, Station, Reader], qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window, ctx, station, reader = with_reader
    from workstation.security.users import add_user

    with station.db.session() as s:
        add_user(s, Actor.system("test"), "lanhdao2", LEADER_PASSWORD, ["leader"],
                 settings=station.settings, full_name="Nguyễn Văn Hạn",
                 must_change_password=False)
    register(station, reader, "lanhdao", LEADER_CARD)
    register(station, reader, "thu.nguyen", OFFICER_CARD)  # a card, but no leader
    register(station, reader, "lanhdao2", SHORT_CARD, today=date(2026, 11, 1))
    adult, _ = verified_applications(station)
    page, panel = open_capture(window, qtbot, adult)
    ctx.simulate = False  # the card reader is the real pcscd; camera and scanner stay simulated
    page.tabs.setCurrentIndex(1)

    # 1. By password: the left little finger is amputated.
    panel.mark_exception(Finger.LEFT_LITTLE, ExceptionKind.AMPUTATED, "Cụt từ năm 2019")
    dialog = page.approval
    assert dialog is not None and dialog.isVisible()
    assert "Cụt từ năm 2019" in dialog.findChild(type(dialog.message), "approvalWhat").text()
    dialog.username.setText("lanhdao")
    dialog.password.setText("sai-mat-khau")
    dialog.approve()
    assert dialog.isVisible() and dialog.message.text()  # wrong password: said, not closed
    dialog.password.setText(LEADER_PASSWORD)
    dialog.approve()
    assert not dialog.isVisible()
    rec = exception_of(station, adult, "left_little")
    assert rec is not None and rec.exception_reason == "amputated" and rec.ciphertext is None
    assert rec.exception_approved_by == "lanhdao"
    assert rec.meta["approval_method"] == "password" and rec.meta["note"] == "Cụt từ năm 2019"
    qtbot.waitUntil(lambda: panel.state.fingers[Finger.LEFT_LITTLE].status
                    is FingerStatus.EXCEPTION, timeout=5_000)

    # 2. By card, read off the GUI thread with a progress state; refusals first.
    from workstation.security import card_approval

    threads: list[str] = []
    real_reader = card_approval.settings_reader

    def watched(settings: Any, *, simulate: bool = False) -> Any:
        read = real_reader(settings, simulate=simulate)

        def traced(key: Any) -> Any:
            threads.append(threading.current_thread().name)
            return read(key)

        return traced

    monkeypatch.setattr(card_approval, "settings_reader", watched)
    ctx.runner = ThreadRunner()
    panel.mark_exception(Finger.RIGHT_LITTLE, ExceptionKind.BANDAGED, "Băng bó sau tai nạn")
    dialog = page.approval
    assert dialog is not None
    holders = [dialog.holder.itemData(i) for i in range(dialog.holder.count())]
    assert holders == ["", "lanhdao", "lanhdao2"]  # leaders with a card; not the officer

    def read_with(person: dict[str, Any] | None, holder: str = "") -> str:
        reader.put(person)
        dialog.use_card()
        dialog.holder.setCurrentIndex(dialog.holder.findData(holder))
        qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
        assert dialog.working and dialog.progress.isVisible()  # reading: the progress state
        assert not dialog.read_button.isEnabled()
        qtbot.waitUntil(lambda: not dialog.working, timeout=15_000)
        return str(dialog.message.text())

    text = read_with(OFFICER_CARD)  # a registered card whose holder is no leader
    assert "Nguyễn Thị Thu" in text and "lãnh đạo" in text
    assert "chưa được đăng ký" in read_with(STRANGER_CARD)  # nobody's card
    assert "Trần Văn Lãnh" in read_with(OFFICER_CARD, "lanhdao")  # someone else's card
    ctx.today = lambda: date(2026, 12, 5)
    assert "01/12/2026" in read_with(SHORT_CARD)  # the leader's card has expired
    ctx.today = lambda: TODAY
    assert "Chưa có thẻ" in read_with(None)  # no card on the reader
    assert dialog.isVisible() and exception_of(station, adult, "right_little") is None
    assert threads and all(name != threading.main_thread().name for name in threads)

    read_with(LEADER_CARD)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    qtbot.waitUntil(lambda: exception_of(station, adult, "right_little") is not None,
                    timeout=10_000)
    ctx.runner.wait()
    rec = exception_of(station, adult, "right_little")
    assert rec is not None and rec.exception_reason == "bandaged"
    assert rec.exception_approved_by == "lanhdao" and rec.meta["approval_method"] == "card"
    with station.db.session() as s:
        details = [json.loads(e.details) for e in s.scalars(select(AuditEntry).where(
            AuditEntry.action == "biometrics.capture"))]
        attempts = [json.loads(e.details) for e in s.scalars(select(AuditEntry).where(
            AuditEntry.action == "biometrics.exception_card_approval"))]
    approvals = [d for d in details if d.get("exception")]
    assert [(d["position"], d["approved_by"], d["approval_method"]) for d in approvals] == [
        ("left_little", "lanhdao", "password"), ("right_little", "lanhdao", "card")]
    assert [a["result"] for a in attempts] == ["refused"] * 5 + ["approved"]
    assert [a.get("reason") for a in attempts][:5] == [
        "security.card.not_leader", "security.card.not_registered",
        "security.card.someone_else", "security.card.expired", "security.card.no_card"]

    # 3. Cancelled: the finger is to be captured again, nothing stored.
    ctx.runner = ImmediateRunner()
    panel.mark_exception(Finger.RIGHT_RING, ExceptionKind.CANNOT_CAPTURE, "Vân mờ")
    page.approval.reject()
    qtbot.waitUntil(lambda: panel.state.fingers[Finger.RIGHT_RING].status
                    is FingerStatus.TO_CAPTURE, timeout=5_000)
    assert exception_of(station, adult, "right_ring") is None


def test_the_pages_exception_button_for_a_finger_marks_the_panel_after_approval(
        no_iris: tuple[Any, Any, Station], qtbot: QtBot) -> None:
    window, ctx, station = no_iris
    adult, _ = verified_applications(station)
    page, panel = open_capture(window, qtbot, adult)
    assert page.exception_button.isEnabled()
    qtbot.mouseClick(page.exception_button, Qt.MouseButton.LeftButton)
    dialog = page._exception_dialog
    dialog.position.setCurrentIndex(dialog.position.findData("finger:right_thumb"))
    dialog.reason.setCurrentIndex(dialog.reason.findData("missing"))
    dialog.note.setText("Dị tật bẩm sinh")
    dialog.accept()
    approval = page.approval
    assert approval is not None and approval.isVisible()
    approval.username.setText("thu.nguyen")  # signed in, but no leader
    approval.password.setText(PASSWORD)
    approval.approve()
    assert approval.isVisible() and "lãnh đạo" in approval.message.text()
    assert exception_of(station, adult, "right_thumb") is None
    approval.username.setText("lanhdao")
    approval.password.setText(LEADER_PASSWORD)
    approval.approve()
    rec = exception_of(station, adult, "right_thumb")
    assert rec is not None and rec.exception_reason == "missing"
    assert rec.meta == {"approval_method": "password", "note": "Dị tật bẩm sinh"}
    # The panel shows it as an exception and does not ask for that finger any more.
    qtbot.waitUntil(lambda: panel.state.fingers[Finger.RIGHT_THUMB].status
                    is FingerStatus.EXCEPTION, timeout=5_000)
    assert "finger:right_thumb" not in page.status["missing"]
    assert "Trần Văn Lãnh" in page.note.text()


def test_register_card_dialog_reads_and_stores_the_leaders_card(
        with_reader: tuple[Any, Any, Station, Reader], qtbot: QtBot) -> None:
    window, ctx, station, reader = with_reader
    from PySide6.QtWidgets import QDialogButtonBox

    from models.security import UserCard
    from ui.dialogs import RegisterCardDialog
    from workstation.security.card_approval import register_from_reader, settings_reader

    admin = Actor("admin", frozenset({"admin"}), "TN-SC-01")
    reader.put(LEADER_CARD)
    dialog = RegisterCardDialog(
        "Trần Văn Lãnh (lanhdao)", ImmediateRunner(),
        lambda pid, dob, expiry: register_from_reader(
            station.db, admin, "lanhdao", settings_reader(station.settings), pid=pid,
            date_of_birth=dob, expiry=expiry, today=TODAY), window)
    qtbot.addWidget(dialog)
    dialog.open()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    dialog.pid.setText(LEADER_CARD["pid"])
    dialog.dob.setText("13/01/1980")  # a typo: the chip refuses the key
    dialog.expiry.setText("12/01/2040")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "không khớp" in dialog.message.text()
    dialog.dob.setText("12/01/1980")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.result_card.username == "lanhdao"
    with station.db.session() as s:
        card = s.scalar(select(UserCard))
        assert card is not None and card.pid == LEADER_CARD["pid"]
        assert card.expiry == date(2040, 1, 12) and card.registered_by == "admin"
