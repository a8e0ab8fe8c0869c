"""Killing the app (SIGKILL) in the middle of a draft and starting it again shows the draft."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from app_helpers import PASSWORD, SMALL, TODAY, make_station
from pytestqt.qtbot import QtBot

from ui import common
from ui.workers import ImmediateRunner

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_during_a_draft_keeps_it(tmp_path: Path, db_url: str, qtbot: QtBot,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    station = make_station(tmp_path, db_url)
    station.db.dispose()
    child = Path(__file__).with_name("draft_child.py")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with subprocess.Popen([sys.executable, str(child), db_url, str(station.printed)],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          env=env) as proc:
        try:
            assert proc.stdout is not None and proc.stderr is not None
            line = proc.stdout.readline()
            assert line.startswith("READY"), proc.stderr.read()
            number = line.split()[1]
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    assert proc.returncode == -signal.SIGKILL

    from ui.app import build

    crashes: list[Any] = []
    monkeypatch.setattr(common, "crash_handler", lambda exc, parent: crashes.append(exc))
    _app, window, ctx = build(db_url, simulate=True, settings=station.settings,
                              runner=ImmediateRunner(), today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    window.login.username.setText("thu.nguyen")
    window.login.password.setText(PASSWORD)
    window.login.try_sign_in()
    page = window.show_page("reception")
    assert page.number == number, page.banner.text()
    values = page.form.values()
    assert values["pid"] == SMALL["pid"] and values["full_name"] == SMALL["full_name"]
    assert values["representative_name"] == "Lò Văn Tủa"
    assert unicodedata.is_normalized("NFC", values["representative_name"])
    assert values["representative_pid"] == "019085001234"
    assert values["phone"] == "0912345678"
    assert number in page.banner.text()  # "draft … restored"
    assert page.answer is not None and page.answer["age_group"] == "under_6"
    assert crashes == []
    ctx.db.dispose()
