"""The shell: navigation by role, Vietnamese by default with every text translated, English on
request, keyboard shortcuts, large font, and ``ui.app.main`` running and returning."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from app_helpers import PASSWORD, TODAY, Station, make_station
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QListWidget
from pytestqt.qtbot import QtBot

from ui.i18n_vi import VI
from ui.workers import ImmediateRunner
from workstation.security import Actor

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def station(tmp_path: Path, db_url: str) -> Station:
    return make_station(tmp_path, db_url)


def build(qtbot: QtBot, station: Station, lang: str = "vi") -> Any:
    from ui.app import build as build_app

    _app, window, ctx = build_app(station.url, simulate=True, lang=lang,
                                  settings=station.settings, runner=ImmediateRunner(),
                                  today=lambda: TODAY)
    ctx.devices = None
    qtbot.addWidget(window)
    window.show()
    return window


def sign_in(window: Any, user: str, password: str) -> None:
    window.login.username.setText(user)
    window.login.password.setText(password)
    window.login.try_sign_in()


def nav(window: Any) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def visible_texts(window: Any) -> list[str]:
    out: list[str] = []
    for w in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if w.isVisibleTo(window) and w.text():
            out.append(w.text())
    for edit in window.findChildren(QLineEdit):
        if edit.placeholderText():
            out.append(edit.placeholderText())
    for lst in window.findChildren(QListWidget):
        out += [lst.item(i).text() for i in range(lst.count())]
    return out


def test_vietnamese_by_default_every_text_translated(qtbot: QtBot, station: Station) -> None:
    window = build(qtbot, station)
    english = {k for k, v in VI.items() if k != v}
    assert not english & set(visible_texts(window))  # the sign-in screen
    sign_in(window, "thu.nguyen", PASSWORD)
    assert nav(window) == ["Tiếp nhận", "Thu nhận", "Kiểm tra và xác nhận",
                           "Danh sách hồ sơ", "Trả thẻ"]
    for key in ("reception", "capture", "review", "worklist", "return"):
        window.show_page(key)
        shown = set(visible_texts(window))
        assert not english & shown, (key, english & shown)


def test_english_on_request(qtbot: QtBot, station: Station) -> None:
    window = build(qtbot, station, lang="en")
    sign_in(window, "thu.nguyen", PASSWORD)
    assert nav(window)[0] == "Reception" and window.header.text() == "Reception"
    assert window.login.submit.text() == "Sign in"


def test_navigation_follows_the_roles(qtbot: QtBot, station: Station) -> None:
    from workstation.security.users import add_user

    with station.db.session() as s:
        add_user(s, Actor.system("test"), "chup.anh", "may-anh-Qx9#sang", ["capture"],
                 settings=station.settings, full_name="Cán bộ thu nhận",
                 must_change_password=False)
    window = build(qtbot, station)
    sign_in(window, "chup.anh", "may-anh-Qx9#sang")
    assert nav(window) == ["Thu nhận", "Danh sách hồ sơ"]
    assert window.show_page("reception") is None  # not by shortcut either
    window.lock()
    sign_in(window, "admin", "Quan-tri#2026x")
    assert nav(window) == ["Danh sách hồ sơ", "Quản trị"]


def test_first_sign_in_forces_a_new_password(qtbot: QtBot, station: Station) -> None:
    from workstation.security.users import add_user

    with station.db.session() as s:
        add_user(s, Actor.system("test"), "moi.vao", "tam-thoi-Wz5#chieu", ["reception"],
                 settings=station.settings, must_change_password=True)
    window = build(qtbot, station)
    sign_in(window, "moi.vao", "tam-thoi-Wz5#chieu")
    assert window.is_locked() and window.login.new_password.isVisible()
    window.login.new_password.setText("rieng-toi-Hm3#toi")
    window.login.repeat_password.setText("rieng-khac-Hm3#toi")
    window.login.try_sign_in()
    assert window.is_locked() and window.login.message.text()
    window.login.repeat_password.setText("rieng-toi-Hm3#toi")
    window.login.try_sign_in()
    assert not window.is_locked() and nav(window)[0] == "Tiếp nhận"


def test_shortcuts_and_large_font(qtbot: QtBot, station: Station) -> None:
    window = build(qtbot, station)
    sign_in(window, "thu.nguyen", PASSWORD)
    window.activateWindow()
    for key, page in (("F5", "worklist"), ("F6", "return"), ("F2", "reception")):
        from PySide6.QtGui import QKeySequence, QShortcut

        shortcut = next(s for s in window.findChildren(QShortcut)
                        if s.key() == QKeySequence(key))
        shortcut.activated.emit()
        assert window.current_page().key == page
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.font().pointSizeF()
    window.set_large_font(True)
    assert app.font().pointSizeF() > before
    window.set_large_font(False)
    assert app.font().pointSizeF() == pytest.approx(before)


def test_main_runs_and_returns(qtbot: QtBot, station: Station,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from ui import app as app_module

    monkeypatch.setattr(app_module, "load_settings", lambda: station.settings)
    old_hook = sys.excepthook
    # QApplication.quit() would leave Qt's quit flag set for the rest of the session (every
    # later event loop would return at once), so main's event loop is a local one here.
    loop = QEventLoop()
    monkeypatch.setattr(QApplication, "exec", lambda *_: loop.exec())
    QTimer.singleShot(300, loop.quit)
    try:
        assert app_module.main(station.url, simulate=True, lang="vi") == 0
        assert sys.excepthook is not old_hook  # unexpected errors reach the crash dialog
    finally:
        sys.excepthook = old_hook
        for w in QApplication.topLevelWidgets():
            w.close()
