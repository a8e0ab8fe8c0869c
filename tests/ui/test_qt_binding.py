"""Guards against a known-bad Qt binding: PySide6 6.12.0 on Python 3.11 drops one reference
to ``None`` on every Qt call that returns void, and the process aborts ("deallocating None")
after a few thousand calls — a live preview makes about a hundred per frame."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_void_qt_calls_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(20_000):
        label.setText("x")
        label.update()
    # Immortal None (3.12+) reports a huge constant; on 3.11 the count must not fall.
    assert sys.getrefcount(None) >= before - 50
