"""Bad input at the counter: the user sees what to do and nothing is lost.

Empty, too long, wrong format, pasted NFD text, ``31/02``; a card pulled off the reader; the
printer off; two windows on one application; a read-only database; the idle lock; the crash
dialog's "copy details".
"""

from __future__ import annotations

import os
import stat
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from app_helpers import PASSWORD, SMALL, TODAY, Station, insert_card, make_station
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from models.applications import Application
from ui import common
from ui.workers import ImmediateRunner

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def station(tmp_path: Path, db_url: str) -> Station:
    return make_station(tmp_path, db_url)


def open_window(qtbot: QtBot, station: Station, url: str | None = None,
                settings: Any = None) -> Any:
    from ui.app import build

    _app, window, ctx = build(url or station.url, simulate=True, lang="en",
                              settings=settings or station.settings, runner=ImmediateRunner(),
                              today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    ctx.devices = None  # no device probes: these tests are about the forms
    window.login.username.setText("thu.nguyen")
    window.login.password.setText(PASSWORD)
    window.login.try_sign_in()
    assert not window.is_locked(), window.login.message.text()
    return window


@pytest.fixture
def crashes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[BaseException]]:
    found: list[BaseException] = []
    monkeypatch.setattr(common, "crash_handler", lambda exc, parent: found.append(exc))
    yield found
    assert found == []


def form_app(station: Station, number: str) -> Application:
    with station.db.session() as s:
        app = s.scalar(select(Application).where(Application.number == number))
        assert app is not None
        return app


def test_empty_form_is_refused_with_every_field_named(qtbot: QtBot, station: Station,
                                                     crashes: list[Any]) -> None:
    window = open_window(qtbot, station)
    page = window.show_page("reception")
    page.new_application()
    page.form.widgets["phone"].setText("12")  # anything: the draft exists from now on
    page.form.flush()
    assert page.app_id is not None
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert "form is incomplete" in page.banner.text()
    for key in ("pid", "full_name", "date_of_birth", "sex", "phone"):
        assert page.form.widgets[key].property("invalid") == "error", key
    assert form_app(station, page.number).state == "draft"


def test_31_february_too_long_and_nfd_text(qtbot: QtBot, station: Station,
                                           crashes: list[Any]) -> None:
    window = open_window(qtbot, station)
    page = window.show_page("reception")
    page.new_application()
    long_name = "Nguyễn " * 20
    page.form.widgets["pid"].setText(SMALL["pid"])
    page.form.widgets["full_name"].setText(unicodedata.normalize("NFD", long_name))
    page.form.widgets["date_of_birth"].setText("31/02/2021")
    page.form.widgets["email"].setText("not an address")
    page.form.flush()
    stored = form_app(station, page.number).form
    assert stored["date_of_birth"] == "31/02/2021"  # kept as typed, not lost
    assert stored["full_name"] == unicodedata.normalize("NFC", long_name).strip()
    assert unicodedata.is_normalized("NFC", stored["full_name"])
    messages = page.decision.findings.text()
    assert "“31/02/2021” is not a real date" in messages
    assert "Too long (at most 100 characters)" in messages
    assert "Invalid e-mail address" in messages
    assert page.form.widgets["date_of_birth"].toolTip().startswith("“31/02/2021”")


def test_card_pulled_off_the_reader_is_a_clear_message(qtbot: QtBot, station: Station,
                                                        crashes: list[Any]) -> None:
    from devices.smartcard.registry import shared_simulator

    window = open_window(qtbot, station)
    page = window.show_page("reception")
    insert_card(SMALL, None, face=False)
    shared_simulator().remove()
    page.read_chip_with(SMALL["pid"], SMALL["date_of_birth"], None)
    assert page.banner.isVisible() and page.banner.property("kind") == "error"
    assert page.banner.text()
    assert page.person is None


def test_printer_off_keeps_the_job_and_says_so(qtbot: QtBot, station: Station,
                                              tmp_path: Path, crashes: list[Any]) -> None:
    blocked = tmp_path / "offline"
    blocked.mkdir()
    os.chmod(blocked, stat.S_IRUSR | stat.S_IXUSR)
    if os.access(blocked, os.W_OK):  # running as root: a file where the folder should be
        os.chmod(blocked, stat.S_IRWXU)
        blocked.rmdir()
        blocked.write_text("not a folder")
    settings = station.settings.with_values(printing__folder=str(blocked / "printed"))
    window = open_window(qtbot, station, settings=settings)
    ctx = window.ctx
    app = ctx.enroll.save_draft(ctx.actor, None, {
        "pid": SMALL["pid"], "full_name": SMALL["full_name"], "date_of_birth": "05/03/2021",
        "sex": "female", "kind": "first_issue", "representative_pid": "019085001234",
        "representative_name": "Lò Văn Tủa", "representative_relationship": "father"})
    app = ctx.enroll.verify(ctx.actor, app.id)
    app = ctx.enroll.complete_capture(ctx.actor, app.id)
    window.open_application("review", app.id)
    review = window.current_page()
    qtbot.mouseClick(review.print_cc01, Qt.MouseButton.LeftButton)
    assert review.banner.property("kind") == "warning"
    assert "waits in the queue" in review.banner.text()
    assert review.preview.pdf.startswith(b"%PDF")  # the officer can still see it
    spooled = list((tmp_path / "spool").rglob("*.pdf"))
    assert spooled, "the job must wait in the spool"


def test_two_windows_on_one_application(qtbot: QtBot, station: Station,
                                        crashes: list[Any]) -> None:
    first = open_window(qtbot, station)
    second = open_window(qtbot, station)
    a = first.show_page("reception")
    a.query.setText(SMALL["pid"])
    a.search()
    a.start_for_person()
    a.form.set_values({"representative_pid": "019085001234",
                       "representative_name": "Lò Văn Tủa",
                       "representative_relationship": "father"})
    a.save(a.form.values())
    b = second.show_page("reception")
    b.load_application(a.app_id)
    assert b.number == a.number
    qtbot.mouseClick(a.verify_button, Qt.MouseButton.LeftButton)
    assert form_app(station, a.number).state in ("verified", "captured")
    b.form.widgets["phone"].setText("0987654321")
    b.form.flush()
    text = b.banner.text()
    assert a.number in text and "changed by someone else" in text and "not saved" in text
    assert form_app(station, a.number).form.get("phone", "") == ""
    assert b.form.widgets["phone"].text() == "0987654321"  # what was typed is still there


def test_read_only_database(qtbot: QtBot, station: Station, crashes: list[Any]) -> None:
    path = station.db.engine.url.database
    assert path
    window = open_window(qtbot, station)  # signs in while writable (the login is audited)
    ctx = window.ctx
    from models.db import Database

    ctx.db.dispose()
    ro = Database.open(f"sqlite:///file:{path}?mode=ro&uri=true")
    ctx.db = ro
    ctx.enroll.db = ro
    page = window.show_page("reception")
    page.new_application()
    page.form.widgets["full_name"].setText("Lò Thị Mai")
    page.form.flush()
    assert "read-only" in page.banner.text()
    assert page.form.widgets["full_name"].text() == "Lò Thị Mai"
    ro.dispose()


def test_idle_lock_and_unlock_keep_the_work(qtbot: QtBot, station: Station,
                                            crashes: list[Any]) -> None:
    window = open_window(qtbot, station)
    page = window.show_page("reception")
    page.new_application()
    page.form.widgets["pid"].setText(SMALL["pid"])
    page.form.flush()
    window.idle.start(30)
    qtbot.waitUntil(window.is_locked, timeout=5000)
    assert window.login.username.text() == "thu.nguyen"
    assert window.show_page("worklist") is None  # nothing behind the lock
    window.login.password.setText("wrong password")
    window.login.try_sign_in()
    assert window.is_locked() and window.login.message.text()
    window.login.password.setText(PASSWORD)
    window.login.try_sign_in()
    assert not window.is_locked()
    assert window.current_page() is page and page.form.widgets["pid"].text() == SMALL["pid"]


def test_crash_dialog_copies_the_details(qtbot: QtBot) -> None:
    from ui.dialogs import CrashDialog

    try:
        raise RuntimeError("boom at the counter")
    except RuntimeError as exc:
        dialog = CrashDialog(exc)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "RuntimeError: boom at the counter" in copied and "Traceback" in copied
