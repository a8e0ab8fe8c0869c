"""Switching Vietnamese ⇄ English and the large font while signed in: it applies at once,
nobody is signed out, and nothing is lost (the open application, what is typed, a card
already verified by its chip, the filters, the printed document)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from app_helpers import ADULT, PASSWORD, SMALL, TODAY, Station, delete_windows, make_station
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from models.applications import Application
from ui import common
from ui.i18n import current_language, is_large_font
from ui.workers import ImmediateRunner, ThreadRunner

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def station(tmp_path: Path, db_url: str) -> Station:
    return make_station(tmp_path, db_url)


WINDOWS: list[Any] = []


@pytest.fixture(autouse=True)
def back_to_vietnamese() -> Iterator[None]:
    """The translators, the font and the language are process-wide: leave them as found.
    The windows (and the pages a switch replaced) are deleted now, not left for an event
    loop that may never run: the next style change would restyle them all."""
    yield
    from ui.app import apply_style, install_translations

    delete_windows(WINDOWS)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if current_language() != "vi":
        install_translations(app, "vi")
    if is_large_font():
        apply_style(app, False)


@pytest.fixture
def crashes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[BaseException]]:
    found: list[BaseException] = []
    monkeypatch.setattr(common, "crash_handler", lambda exc, parent: found.append(exc))
    yield found
    assert found == []


def open_window(qtbot: QtBot, station: Station, *, user: str = "thu.nguyen",
                password: str = PASSWORD, runner: Any = None) -> Any:
    from ui.app import build

    _app, window, ctx = build(station.url, simulate=True, lang="vi", settings=station.settings,
                              runner=runner or ImmediateRunner(), today=lambda: TODAY)
    qtbot.addWidget(window)
    WINDOWS.append(window)
    window.show()
    ctx.devices = None
    window.login.username.setText(user)
    window.login.password.setText(password)
    window.login.try_sign_in()
    if isinstance(ctx.runner, ThreadRunner):
        qtbot.waitUntil(lambda: not window.is_locked(), timeout=10000)
    assert not window.is_locked(), window.login.message.text()
    return window


def nav(window: Any) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def stored(station: Station, number: str) -> Application:
    with station.db.session() as s:
        app = s.scalar(select(Application).where(Application.number == number))
        assert app is not None
        return app


def test_switch_keeps_the_user_the_page_and_the_typed_form(
        qtbot: QtBot, station: Station, crashes: list[Any]) -> None:
    window = open_window(qtbot, station)
    page = window.show_page("reception")
    page.query.setText(SMALL["pid"])
    page.search()
    page.start_for_person()
    number, app_id = page.number, page.app_id
    assert number and app_id
    nfd = unicodedata.normalize("NFD", "Lò Thị Mai")
    page.form.widgets["full_name"].setText(nfd)
    page.form.widgets["date_of_birth"].setText("31/02/2021")
    page.form.widgets["email"].setText("mai.example.vn")
    # Typed, not yet saved (the save waits for the pause in typing): the switch saves it.
    assert page.form.timer.isActive()
    with qtbot.waitSignal(window.language_applied, timeout=5000) as signal:
        window.apply_language("en")
    assert signal.args == ["en"]
    assert current_language() == "en" and window.ctx.lang == "en"
    assert window.ctx.enroll.lang == "en"

    # Still signed in, same page, same application, the form as typed.
    assert not window.is_locked() and window.ctx.actor.username == "thu.nguyen"
    assert nav(window) == ["Reception", "Capture", "Review and confirm", "Worklist",
                           "Return counter"]
    assert window.header.text() == "Reception"
    new = window.current_page()
    assert new is not page and new.key == "reception"
    assert (new.app_id, new.number) == (app_id, number)
    assert new.form.widgets["full_name"].text() == nfd
    assert new.form.widgets["date_of_birth"].text() == "31/02/2021"
    assert new.query.text() == SMALL["pid"] and new.results.count() == 1
    assert "Lò Thị Mai" in new.person_text.text()
    # What was typed before the switch is in the database, NFC.
    form = stored(station, number).form
    assert form["full_name"] == "Lò Thị Mai" and unicodedata.is_normalized("NFC",
                                                                             form["full_name"])
    assert form["date_of_birth"] == "31/02/2021" and form["email"] == "mai.example.vn"
    # Core messages follow the language: the findings are in English now.
    findings = new.decision.findings.text()
    assert "“31/02/2021” is not a real date" in findings
    assert "Invalid e-mail address" in findings
    assert new.verify_button.text() == "Check and continue (F9)"
    assert new.banner.text() == "Interface language changed."
    menu = window.display_button.menu()
    assert window.display_button.text() == "Language, font size…"
    assert [a.text() for a in menu.actions() if a.text()] == ["Tiếng Việt", "English",
                                                              "Large font"]
    assert window.language_actions["en"].isChecked()
    assert window.large_action.shortcut().toString() == "Ctrl+Shift+F"
    assert window.lock_button.text() == "Lock (Ctrl+L)"
    assert window.lights["card_reader"].text().endswith("Card reader")

    # Typing goes on in the new page and is saved to the same application.
    new.form.widgets["phone"].setText("0912.345.678")
    new.form.flush()
    assert stored(station, number).form["phone"] == "0912.345.678"
    assert stored(station, number).id == app_id

    # Back to Vietnamese with the keyboard shortcut of the Display menu.
    action = window.language_actions["vi"]
    assert action.shortcut().toString() == "Ctrl+Shift+V"
    action.trigger()
    assert current_language() == "vi"
    assert nav(window)[0] == "Tiếp nhận" and window.header.text() == "Tiếp nhận"
    again = window.current_page()
    assert again.number == number and again.form.widgets["phone"].text() == "0912.345.678"
    assert "“31/02/2021” không phải là ngày có thật" in again.decision.findings.text()


def test_switch_from_the_sign_in_screen_keeps_what_is_typed(
        qtbot: QtBot, station: Station) -> None:
    from ui.app import build

    _app, window, _ctx = build(station.url, simulate=True, lang="vi",
                               settings=station.settings, runner=ImmediateRunner(),
                               today=lambda: TODAY)
    qtbot.addWidget(window)
    WINDOWS.append(window)
    window.show()
    assert window.login.submit.text() == "Đăng nhập"
    window.login.username.setText("thu.nguyen")
    window.login.password.setText(PASSWORD)
    window.login.language.setCurrentIndex(1)  # English
    assert window.is_locked() and current_language() == "en"
    assert window.login.submit.text() == "Sign in"
    assert window.login.username.text() == "thu.nguyen"
    window.login.try_sign_in()
    assert not window.is_locked() and nav(window)[0] == "Reception"


def test_locked_window_switches_and_unlocks_where_it_was(qtbot: QtBot, station: Station,
                                                         crashes: list[Any]) -> None:
    window = open_window(qtbot, station)
    worklist = window.show_page("worklist")
    worklist.today_only.setChecked(True)
    worklist.text.setText("HS-404")
    window.lock()
    window.language_actions["en"].trigger()
    assert window.is_locked() and window.login.username.text() == "thu.nguyen"
    assert window.login.locked_note.text().startswith("The session was locked")
    assert window.show_page("worklist") is None
    window.login.password.setText(PASSWORD)
    window.login.try_sign_in()
    page = window.current_page()
    assert page.key == "worklist" and page is not worklist
    assert page.today_only.isChecked() and page.text.text() == "HS-404"
    assert window.header.text() == "Worklist"


def test_the_worklist_on_screen_lists_its_rows_again(qtbot: QtBot, station: Station,
                                                    crashes: list[Any]) -> None:
    window = open_window(qtbot, station)
    ctx = window.ctx
    ctx.enroll.save_draft(ctx.actor, None, {"pid": SMALL["pid"],
                                            "full_name": SMALL["full_name"]})
    assert window.show_page("worklist").model.rowCount() == 1
    window.apply_large_font(True)
    page = window.current_page()
    assert page.key == "worklist" and page.model.rowCount() == 1
    assert page.count.text() == "Số hồ sơ: 1"
    window.apply_language("en")
    assert window.current_page().count.text() == "Applications: 1"


def test_return_counter_keeps_the_verified_card(qtbot: QtBot, station: Station,
                                                crashes: list[Any]) -> None:
    from app_helpers import ADULT_CARD, insert_card

    window = open_window(qtbot, station)
    ctx = window.ctx
    app = ctx.enroll.save_draft(ctx.actor, None, {
        "pid": ADULT["pid"], "full_name": ADULT["full_name"], "date_of_birth": "10/10/1986",
        "sex": "male", "kind": "renewal", "reason": "cccd_conversion",
        "current_card_type": "cccd", "current_card_number": ADULT_CARD["number"],
        "current_card_issued_on": "15/01/2025", "phone": "0912345678"})
    app = ctx.enroll.verify(ctx.actor, app.id)
    with station.db.write_session() as s:  # capture and review, done directly here
        row = s.get(Application, app.id)
        assert row is not None
        row.state, row.version = "submitted", row.version + 1
    page = window.show_page("return")
    page.number.setText(app.number)
    page.find()
    page.card_arrived()
    a = page.app
    assert a.state == "card_arrived"
    insert_card(ADULT, a.card_expiry, face=False, issue_date=TODAY)
    page.verify_card_with(ADULT["pid"], ADULT["date_of_birth"], a.card_expiry)
    assert page.chip_pid == ADULT["pid"] and page.handover_button.isEnabled()
    page.old_collected.setChecked(True)
    window.apply_language("en")
    new = window.current_page()
    assert new is not page and new.key == "return"
    assert new.chip_pid == ADULT["pid"] and new.old_collected.isChecked()
    assert new.handover_button.isEnabled() and new.handover_button.text() == "Hand over the card"
    assert new.grid.values["number"].text() == app.number
    qtbot.mouseClick(new.handover_button, Qt.MouseButton.LeftButton)
    assert stored(station, app.number).state == "handed_over"
    assert "handed over" in new.banner.text()


def test_admin_settings_save_applies_language_and_font_now(
        qtbot: QtBot, station: Station, crashes: list[Any]) -> None:
    window = open_window(qtbot, station, user="admin", password="Quan-tri#2026x")
    ctx = window.ctx
    admin = window.show_page("admin")
    assert admin is not None
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.font().pointSizeF()
    # What the administration page does when its settings are saved.
    with qtbot.waitSignal(window.language_applied, timeout=5000):
        ctx.settings = ctx.settings.with_values(ui__language="en", ui__large_font=True)
    assert current_language() == "en" and ctx.enroll.lang == "en"
    assert app.font().pointSizeF() > before and is_large_font()
    assert "font-size: 25pt" in app.styleSheet()  # the 20 pt title, a quarter larger
    assert window.large_action.isChecked()
    assert not window.is_locked() and window.current_page().key == "admin"
    assert window.header.text() == "Administration"
    assert window.current_page().banner.text() == (
        "Settings saved; the interface language is changed.")
    # Saving other settings later does not undo a switch made from the Display menu.
    window.language_actions["vi"].trigger()
    ctx.settings = ctx.settings.with_values(ui__idle_lock_minutes=7)
    qtbot.wait(20)
    assert current_language() == "vi"
    window.large_action.trigger()
    assert not is_large_font() and app.font().pointSizeF() == pytest.approx(before)


def test_switch_waits_for_the_running_save(qtbot: QtBot, station: Station,
                                           crashes: list[Any]) -> None:
    runner = ThreadRunner()
    window = open_window(qtbot, station, runner=runner)
    page = window.show_page("reception")
    page.new_application()
    page.form.widgets["pid"].setText(SMALL["pid"])
    page.form.widgets["full_name"].setText(SMALL["full_name"])
    with qtbot.waitSignal(window.language_applied, timeout=10000):
        window.apply_language("en")
    new = window.current_page()
    qtbot.waitUntil(lambda: not runner.busy(), timeout=10000)
    assert new.number and new.form.widgets["full_name"].text() == SMALL["full_name"]
    assert stored(station, new.number).form["full_name"] == SMALL["full_name"]
    runner.wait(5.0)
