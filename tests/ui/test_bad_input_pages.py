"""Bad input on the counter pages beyond the reception form's basics (see
``test_app_bad_input.py``): phone and e-mail shapes, every text field too long or pasted as
NFD, the search boxes, the worklist and return counter with nonsense, two windows on one
application at review and at the return counter, a read-only database at every step. The
user is told what to do, in Vietnamese by default; nothing typed is lost."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from app_helpers import (
    ADULT,
    ADULT_CARD,
    PASSWORD,
    SMALL,
    TODAY,
    Station,
    delete_windows,
    make_station,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from models.applications import Application
from ui import common
from ui.workers import ImmediateRunner
from workstation.enrollment.forms import FIELDS

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WINDOWS: list[Any] = []


@pytest.fixture
def station(tmp_path: Path, db_url: str) -> Station:
    return make_station(tmp_path, db_url)


@pytest.fixture(autouse=True)
def _delete_windows() -> Iterator[None]:
    yield
    delete_windows(WINDOWS)


@pytest.fixture
def crashes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[BaseException]]:
    found: list[BaseException] = []
    monkeypatch.setattr(common, "crash_handler", lambda exc, parent: found.append(exc))
    yield found
    assert found == [], found


def open_window(qtbot: QtBot, station: Station, lang: str = "vi", url: str | None = None) -> Any:
    from ui.app import build

    _app, window, ctx = build(url or station.url, simulate=True, lang=lang,
                              settings=station.settings, runner=ImmediateRunner(),
                              today=lambda: TODAY)
    qtbot.addWidget(window)
    WINDOWS.append(window)
    window.show()
    ctx.devices = None
    window.login.username.setText("thu.nguyen")
    window.login.password.setText(PASSWORD)
    window.login.try_sign_in()
    assert not window.is_locked(), window.login.message.text()
    return window


def stored(station: Station, number: str) -> Application:
    with station.db.session() as s:
        app = s.scalar(select(Application).where(Application.number == number))
        assert app is not None
        return app


def adult_form(**extra: Any) -> dict[str, Any]:
    return {"pid": ADULT["pid"], "full_name": ADULT["full_name"], "date_of_birth": "10/10/1986",
            "sex": "male", "kind": "renewal", "reason": "cccd_conversion",
            "current_card_type": "cccd", "current_card_number": ADULT_CARD["number"],
            "current_card_issued_on": "15/01/2025", "phone": "0912345678", **extra}


def findings_of(page: Any) -> str:
    return str(page.decision.findings.text())


# ---------------------------------------------------------------------- reception form
PHONES = [("0912 345 678", True), ("0912.345.678", True), ("+84 912 345 678", True),
          ("0912-345-678", True), ("12345", False), ("09123456789012", False),
          ("0912 345 67a", False), ("０９１２３４５６７８", False)]
EMAILS = [("mai.lo@example.vn", True), ("mai.example.vn", False), ("mai@", False),
          ("@example.vn", False), ("mai lo@example.vn", False), ("mai@@example.vn", False)]


def test_phone_and_email_shapes(qtbot: QtBot, station: Station, crashes: list[Any]) -> None:
    window = open_window(qtbot, station)
    page = window.show_page("reception")
    page.new_application()
    wrong_phone = "Số điện thoại không đúng (ví dụ 0912345678)."
    for phone, ok in PHONES:
        page.form.widgets["phone"].setText(phone)
        page.form.flush()
        assert stored(station, page.number).form["phone"] == phone  # kept as typed
        assert (wrong_phone in findings_of(page)) is not ok, phone
        assert (page.form.widgets["phone"].toolTip() == wrong_phone) is not ok, phone
    for email, ok in EMAILS:
        page.form.widgets["email"].setText(email)
        page.form.flush()
        assert ("Địa chỉ thư điện tử không đúng." in findings_of(page)) is not ok, email
        assert page.form.widgets["email"].property("invalid") == ("" if ok else "error"), email


def test_every_text_field_too_long_is_kept_and_named(qtbot: QtBot, station: Station,
                                                     crashes: list[Any]) -> None:
    window = open_window(qtbot, station)
    page = window.show_page("reception")
    page.new_application()
    edits = {k: w for k, w in page.form.widgets.items() if isinstance(w, QLineEdit)}
    for key, edit in edits.items():
        edit.setText("9" * (FIELDS[key] + 1) if key in ("pid", "representative_pid",
                                                        "current_card_number", "phone")
                     else "a" * (FIELDS[key] + 1))
    page.form.flush()
    form = stored(station, page.number).form
    for key, edit in edits.items():
        assert len(form[key]) == FIELDS[key] + 1, key  # nothing cut off silently
        assert edit.property("invalid") == "error", key
        assert edit.toolTip(), key
    assert f"Quá dài (tối đa {FIELDS['full_name']} ký tự)." in findings_of(page)
    # Pasting far more than the limit: the box keeps twice the limit, which is reported.
    edits["full_name"].setText("b" * 5000)
    page.form.flush()
    assert len(stored(station, page.number).form["full_name"]) == 2 * FIELDS["full_name"]
    assert edits["full_name"].property("invalid") == "error"


def test_pasted_nfd_is_stored_nfc_in_every_field(qtbot: QtBot, station: Station,
                                                 crashes: list[Any]) -> None:
    window = open_window(qtbot, station)
    page = window.show_page("reception")
    page.new_application()
    text = "Ngô Thị Hường"
    for key in ("full_name", "ethnicity", "residence", "representative_name",
                "representative_basis", "postal_address"):
        page.form.widgets[key].setText(unicodedata.normalize("NFD", text) + "  \t")
    page.form.flush()
    form = stored(station, page.number).form
    for key in ("full_name", "ethnicity", "residence", "representative_name",
                "representative_basis", "postal_address"):
        assert form[key] == text and unicodedata.is_normalized("NFC", form[key]), key


def test_impossible_dates_are_named(qtbot: QtBot, station: Station,
                                    crashes: list[Any]) -> None:
    window = open_window(qtbot, station)
    page = window.show_page("reception")
    page.new_application()
    keys = ("date_of_birth", "current_card_issued_on", "current_card_expires_on")
    for typed in ("31/02", "31/02/2021", "29/02/2023", "00/01/2020", "1/13/2020",
                  "2020-02-30", "hôm qua", "05/03/21"):
        for key in keys:
            page.form.widgets[key].setText(typed)
        page.form.flush()
        assert stored(station, page.number).form["date_of_birth"] == typed
        for key in keys:
            assert page.form.widgets[key].toolTip() == (
                f"“{typed}” không phải là ngày có thật (nhập dd/mm/yyyy)."), (key, typed)


def test_checking_a_bad_form_names_the_fields_in_english_when_switched(
        qtbot: QtBot, station: Station, crashes: list[Any]) -> None:
    window = open_window(qtbot, station, lang="en")
    page = window.show_page("reception")
    page.new_application()
    page.form.set_values(adult_form(phone="0912 34", email="binh.example.vn"))
    page.save(page.form.values())
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert page.banner.property("kind") == "error"
    assert "form is incomplete" in page.banner.text()
    assert page.form.widgets["phone"].toolTip().startswith("Invalid phone number")
    assert page.form.widgets["email"].toolTip() == "Invalid e-mail address."
    assert stored(station, page.number).state == "draft"


# ---------------------------------------------------------------------- search boxes
def test_reception_search_with_nonsense(qtbot: QtBot, station: Station,
                                        crashes: list[Any]) -> None:
    window = open_window(qtbot, station)
    page = window.show_page("reception")
    for query in ("", "   ", "%", "_", "' OR 1=1 --", "a" * 400):
        page.banner.clear_message()
        page.query.setText(query)
        page.search()
        assert page.banner.isVisible() and page.banner.property("kind") == "warning", query
        assert page.results.count() == 0, query
    for born in ("abcd", "31/02/2021", "99999", "-1"):
        page.banner.clear_message()
        page.query.setText("Lò Thị Mai")
        page.born.setText(born)
        page.search()
        assert page.banner.isVisible() and page.banner.text(), born
        assert page.banner.property("kind") in ("warning", "error"), born
    page.born.clear()
    page.query.setText(unicodedata.normalize("NFD", "Lò Thị Mai"))  # pasted NFD
    page.search()
    assert page.results.count() >= 1 and page.person.pid == SMALL["pid"]


def test_worklist_filter_with_nonsense(qtbot: QtBot, station: Station,
                                       crashes: list[Any]) -> None:
    window = open_window(qtbot, station)
    ctx = window.ctx
    ctx.enroll.save_draft(ctx.actor, None, adult_form())
    page = window.show_page("worklist")
    assert page.model.rowCount() == 1
    for text in ("%", "_", "TN%", "' OR 1=1 --", "ｔｎ", "a b",
                 unicodedata.normalize("NFD", "Lò")):
        page.text.setText(text)
        page.refresh()
        assert page.model.rowCount() == 0, text  # "%" and "_" are not wildcards
        assert page.count.text() == "Số hồ sơ: 0"
        assert page.banner.property("kind") == "warning"
        assert "chữ cái, chữ số và dấu -" in page.banner.text()
    page.text.setText(" tn-sc ")  # part of a number, any case: found; the warning goes
    page.refresh()
    assert page.model.rowCount() == 1 and not page.banner.isVisible()


def test_return_counter_with_nonsense(qtbot: QtBot, station: Station,
                                      crashes: list[Any]) -> None:
    window = open_window(qtbot, station)
    page = window.show_page("return")
    for typed in ("", "   ", "abc", "TN-SC-01-20261127-9999", "%", "x" * 200,
                  "TN-SC-01-2026112７-0001"):
        page.banner.clear_message()
        page.number.setText(typed)
        page.find()
        assert page.banner.isVisible() and page.banner.text(), typed
        assert page.app is None
        assert not page.handover_button.isEnabled()


def test_return_counter_reads_the_number_typed_in_lower_case(
        qtbot: QtBot, station: Station, crashes: list[Any]) -> None:
    window = open_window(qtbot, station)
    ctx = window.ctx
    app = ctx.enroll.save_draft(ctx.actor, None, adult_form())
    page = window.show_page("return")
    page.number.setText(f"  {app.number.lower()}  ")
    page.find()
    assert page.app is not None and page.app.number == app.number


# ---------------------------------------------------------------------- two windows
def submitted(window: Any, station: Station) -> Application:
    ctx = window.ctx
    app = ctx.enroll.save_draft(ctx.actor, None, adult_form())
    app = ctx.enroll.verify(ctx.actor, app.id)
    with station.db.write_session() as s:  # capture, done directly here
        row = s.get(Application, app.id)
        assert row is not None
        row.state, row.version = "captured", row.version + 1
    return stored(station, app.number)


def test_two_windows_confirming_one_application(qtbot: QtBot, station: Station,
                                                crashes: list[Any]) -> None:
    first = open_window(qtbot, station)
    second = open_window(qtbot, station)
    app = submitted(first, station)
    first.open_application("review", app.id)
    second.open_application("review", app.id)
    a, b = first.current_page(), second.current_page()
    qtbot.mouseClick(a.print_cc01, Qt.MouseButton.LeftButton)  # CC01 is printed to sign
    b.load_application(app.id)
    qtbot.mouseClick(a.confirm_button, Qt.MouseButton.LeftButton)
    assert stored(station, app.number).state == "confirmed", a.banner.text()
    before = stored(station, app.number).version
    qtbot.mouseClick(b.confirm_button, Qt.MouseButton.LeftButton)
    assert b.banner.property("kind") == "error"
    assert app.number in b.banner.text() and "người khác thay đổi" in b.banner.text()
    assert stored(station, app.number).version == before  # nothing written twice


def test_two_windows_handing_over_one_card(qtbot: QtBot, station: Station,
                                           crashes: list[Any]) -> None:
    from app_helpers import insert_card

    first = open_window(qtbot, station)
    second = open_window(qtbot, station)
    app = submitted(first, station)
    with station.db.write_session() as s:
        row = s.get(Application, app.id)
        assert row is not None
        row.state, row.version = "submitted", row.version + 1
    pages = []
    for window in (first, second):
        page = window.show_page("return")
        page.number.setText(app.number)
        page.find()
        pages.append(page)
    a, b = pages
    a.card_arrived()
    b.card_arrived()  # the second window is behind: told, nothing written
    assert b.banner.property("kind") == "error" and "người khác thay đổi" in b.banner.text()
    b.load_application(app.id)
    assert b.app.state == "card_arrived"
    expiry = a.app.card_expiry
    for page in (a, b):
        insert_card(ADULT, expiry, face=False, issue_date=TODAY)
        page.verify_card_with(ADULT["pid"], ADULT["date_of_birth"], expiry)
        page.old_collected.setChecked(True)  # the old CCCD is taken back
        assert page.handover_button.isEnabled()
    qtbot.mouseClick(a.handover_button, Qt.MouseButton.LeftButton)
    assert stored(station, app.number).state == "handed_over", a.banner.text()
    qtbot.mouseClick(b.handover_button, Qt.MouseButton.LeftButton)
    assert b.banner.property("kind") == "error" and "người khác thay đổi" in b.banner.text()


# ---------------------------------------------------------------------- read-only database
def read_only(window: Any, station: Station) -> Any:
    from models.db import Database

    path = station.db.engine.url.database
    window.ctx.db.dispose()
    ro = Database.open(f"sqlite:///file:{path}?mode=ro&uri=true")
    window.ctx.db = ro
    window.ctx.enroll.db = ro
    return ro


def test_read_only_database_at_review_and_return(qtbot: QtBot, station: Station,
                                                 crashes: list[Any]) -> None:
    window = open_window(qtbot, station)
    app = submitted(window, station)
    window.open_application("review", app.id)
    review = window.current_page()
    qtbot.mouseClick(review.print_cc01, Qt.MouseButton.LeftButton)
    ro = read_only(window, station)
    qtbot.mouseClick(review.confirm_button, Qt.MouseButton.LeftButton)
    assert review.banner.property("kind") == "error"
    assert "chỉ cho phép đọc" in review.banner.text()
    assert stored(station, app.number).state == "captured"
    ret = window.show_page("return")
    ret.number.setText(app.number)
    ret.find()  # reading still works
    assert ret.app is not None and ret.app.number == app.number
    worklist = window.show_page("worklist")
    assert worklist.model.rowCount() == 1
    ro.dispose()


def test_read_only_database_keeps_the_typed_form_and_says_so(
        qtbot: QtBot, station: Station, crashes: list[Any]) -> None:
    window = open_window(qtbot, station)
    page = window.show_page("reception")
    page.new_application()
    page.form.set_values(adult_form())
    page.save(page.form.values())
    number = page.number
    ro = read_only(window, station)
    page.form.widgets["phone"].setText("0987 654 321")
    page.form.flush()
    assert "chỉ cho phép đọc" in page.banner.text()
    assert page.form.widgets["phone"].text() == "0987 654 321"
    assert stored(station, number).form["phone"] == "0912345678"
    # Still read-only: checking the application says so too, and nothing changes.
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert "chỉ cho phép đọc" in page.banner.text()
    assert stored(station, number).state == "draft"
    ro.dispose()


# ---------------------------------------------------------------------- reasons
@pytest.mark.parametrize("reason", ["", " \t\n "])
def test_reject_and_cancel_need_a_reason(qtbot: QtBot, station: Station, crashes: list[Any],
                                         monkeypatch: pytest.MonkeyPatch, reason: str) -> None:
    from ui import dialogs

    monkeypatch.setattr(dialogs.ReasonDialog, "exec", lambda self: 1)
    monkeypatch.setattr(dialogs.ReasonDialog, "reason", lambda self: reason)
    window = open_window(qtbot, station)
    window.ctx.actor = window.ctx.actor.__class__(
        username="thu.nguyen", roles=frozenset({"reception", "capture", "clerk", "leader"}),
        full_name="Nguyễn Thị Thu")
    app = submitted(window, station)
    window.open_application("review", app.id)
    review = window.current_page()
    review.reject()
    assert review.banner.property("kind") == "error"
    assert "lý do" in review.banner.text()
    assert stored(station, app.number).state == "captured"
    reception = window.show_page("reception")
    draft = window.ctx.enroll.save_draft(window.ctx.actor, None, adult_form(pid="019085001234"))
    reception.load_application(draft.id)
    reception.cancel_application()
    assert reception.banner.property("kind") == "error" and "lý do" in reception.banner.text()
    assert stored(station, draft.number).state == "draft"


def test_reason_pasted_as_nfd_is_stored_nfc(qtbot: QtBot, station: Station,
                                            crashes: list[Any],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from ui import dialogs

    said = "Ảnh không rõ mặt"
    monkeypatch.setattr(dialogs.ReasonDialog, "exec", lambda self: 1)
    monkeypatch.setattr(dialogs.ReasonDialog, "reason",
                        lambda self: unicodedata.normalize("NFD", said) + "  ")
    window = open_window(qtbot, station)
    reception = window.show_page("reception")
    draft = window.ctx.enroll.save_draft(window.ctx.actor, None, adult_form())
    reception.load_application(draft.id)
    reception.cancel_application()
    app = stored(station, draft.number)
    assert app.state == "cancelled"
    from models.applications import ApplicationEvent

    with station.db.session() as s:
        notes = [e.note for e in s.scalars(select(ApplicationEvent).where(
            ApplicationEvent.application_id == app.id))]
    assert said in notes, notes


# ---------------------------------------------------------------------- the database itself
def test_read_only_database_at_sign_in_says_so(qtbot: QtBot, station: Station) -> None:
    from ui.app import build

    path = station.db.engine.url.database
    _app, window, ctx = build(f"sqlite:///file:{path}?mode=ro&uri=true", simulate=True,
                              lang="vi", settings=station.settings, runner=ImmediateRunner(),
                              today=lambda: TODAY)
    qtbot.addWidget(window)
    WINDOWS.append(window)
    ctx.devices = None
    window.login.username.setText("thu.nguyen")
    window.login.password.setText(PASSWORD)
    window.login.try_sign_in()
    assert window.is_locked()
    assert "chỉ cho phép đọc" in window.login.message.text()
    assert window.login.submit.isEnabled()  # try again once the administrator fixed it
    ctx.db.dispose()


def test_database_locked_by_another_program(qtbot: QtBot, station: Station,
                                            crashes: list[Any]) -> None:
    import sqlite3

    window = open_window(qtbot, station)
    window.ctx.enroll.db.engine.dispose()
    page = window.show_page("reception")
    page.new_application()
    page.form.set_values(adult_form())
    page.save(page.form.values())
    number = page.number
    from models.db import Database

    quick = Database.open(station.url, busy_timeout_ms=50)
    window.ctx.db = quick
    window.ctx.enroll.db = quick
    other = sqlite3.connect(str(station.db.engine.url.database))
    try:
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        page.form.widgets["phone"].setText("0987 654 321")
        page.form.flush()
        assert "đang bận" in page.banner.text() and page.banner.property("kind") == "error"
        assert page.form.widgets["phone"].text() == "0987 654 321"
    finally:
        other.rollback()
        other.close()
    # Checking the application now saves what is on screen first, then checks that.
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    app = stored(station, number)
    assert app.form["phone"] == "0987 654 321" and app.phone == "0987654321"
    assert app.state == "verified", page.banner.text()
    quick.dispose()


def test_check_box_texts_wrap_tick_and_grey_out(qtbot: QtBot, station: Station,
                                                crashes: list[Any]) -> None:
    from PySide6.QtWidgets import QLabel

    window = open_window(qtbot, station)
    page = window.show_page("reception")
    page.new_application()
    box = page.form.exemption_boxes["ethnic_minority_hardship_commune"]
    text = box.parentWidget().findChild(QLabel)
    assert text.wordWrap() and text.text() == "Dân tộc thiểu số ở xã đặc biệt khó khăn"
    qtbot.mouseClick(text, Qt.MouseButton.LeftButton)  # a click on the words ticks the box
    assert box.isChecked()
    page.form.flush()
    assert stored(station, page.number).form["exemptions"] == [
        "ethnic_minority_hardship_commune"]
    page.form.set_read_only(True)
    assert not text.isEnabled()
    qtbot.mouseClick(text, Qt.MouseButton.LeftButton)
    assert box.isChecked()  # unchanged: the form is read-only
