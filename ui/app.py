"""The composition root of the desktop app: settings, database, services, translations, style,
the crash dialog, and the main window with its pages.

``main(db_url, simulate=False, lang="vi")`` is what ``workstation run`` calls.
"""

from __future__ import annotations

import logging
import re
import sys
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from models.db import Database
from resources import resource_path
from ui.context import AppContext
from ui.devicehub import DeviceHub
from ui.i18n import set_language, set_large_font
from ui.workers import Runner, ThreadRunner
from workstation.settings import Settings, data_dir, load_settings

log = logging.getLogger(__name__)
STYLE = Path(__file__).with_name("style.qss")


def install_translations(app: QApplication, lang: str) -> list[QTranslator]:
    """Vietnamese (.qm) over the English source strings; Qt's own dialogs too when present."""
    for old in getattr(app, "_ws_translators", []):
        app.removeTranslator(old)
    loaded: list[QTranslator] = []
    set_language(lang)
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if lang == "vi"
                               else QLocale.Language.English))
    qm = resource_path("i18n", f"app_{lang}.qm")
    tr = QTranslator(app)
    if qm.exists() and tr.load(str(qm)):
        app.installTranslator(tr)
        loaded.append(tr)
    from PySide6.QtCore import QLibraryInfo

    base = QTranslator(app)
    if base.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(base)
        loaded.append(base)
    app._ws_translators = loaded  # type: ignore[attr-defined]
    return loaded


LARGE = 1.25  # the large-font option: every text a quarter larger


def apply_style(app: QApplication, large_font: bool) -> None:
    """The app's font and style sheet; with ``large_font`` every size (the base font and the
    sizes the style sheet names) is a quarter larger. Safe to call again at any time."""
    font = QFont("Noto Sans")
    if not font.exactMatch():
        font = QFont("DejaVu Sans")
    font.setPointSizeF(10.0 * LARGE if large_font else 10.0)
    app.setFont(font)
    set_large_font(large_font)
    app.setProperty("largeFont", large_font)
    if STYLE.exists():
        icons = (Path(__file__).parent / "icons").as_posix()
        sheet = STYLE.read_text(encoding="utf-8").replace("@ICONS@", icons)
        if large_font:
            sheet = _POINTS.sub(lambda m: f"font-size: {float(m.group(1)) * LARGE:g}pt", sheet)
        if app.styleSheet() != sheet:  # restyling every widget is slow: only on a change
            app.setStyleSheet(sheet)


_POINTS = re.compile(r"font-size:\s*([0-9.]+)pt")


def install_excepthook(show: Callable[[BaseException], None]) -> None:
    """Unexpected errors reach the crash dialog (and a log file), never a silent exit."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        try:
            path = data_dir() / "logs" / "app-errors.log"
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as fh:
                fh.write("".join(traceback.format_exception(kind, exc, tb)) + "\n")
        except OSError:
            pass
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        show(exc)

    sys.excepthook = hook


def build_pages(ctx: AppContext) -> list[Any]:
    from ui.pages.admin import AdminPage
    from ui.pages.capture import CapturePage
    from ui.pages.reception import ReceptionPage
    from ui.pages.return_counter import ReturnPage
    from ui.pages.review import ReviewPage
    from ui.pages.worklist import WorklistPage

    return [ReceptionPage(ctx), CapturePage(ctx), ReviewPage(ctx), WorklistPage(ctx),
            ReturnPage(ctx), AdminPage(ctx)]


def build(db_url: str, *, simulate: bool = False, lang: str = "vi",
          settings: Settings | None = None, runner: Runner | None = None,
          today: Callable[[], date] | None = None) -> tuple[QApplication, Any, AppContext]:
    """Everything ``main`` builds, without entering the event loop (tests and benchmarks)."""
    from ui.memory import limit_arenas

    limit_arenas()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Căn cước Workstation")
    app.setOrganizationName("can-cuoc-workstation")
    settings = settings or load_settings()
    if lang not in ("vi", "en"):
        lang = str(settings["ui.language"])
    install_translations(app, lang)
    apply_style(app, bool(settings["ui.large_font"]))
    db = Database.open(db_url, busy_timeout_ms=int(settings["database.busy_timeout_ms"]))
    ctx = AppContext(db=db, settings=settings, runner=runner or ThreadRunner(),
                     simulate=simulate, lang=lang, today=today or date.today)
    ctx.devices = DeviceHub(settings, simulate)
    from ui.main_window import MainWindow

    window = MainWindow(ctx, build_pages(ctx), page_factory=build_pages)
    return app, window, ctx


def main(db_url: str, simulate: bool = False, lang: str = "vi") -> int:
    """Start the desktop app; returns the exit code."""
    from ui import common
    from ui.dialogs import CrashDialog

    app, window, ctx = build(db_url, simulate=simulate, lang=lang)
    install_excepthook(lambda exc: CrashDialog(exc, window).exec())
    common.crash_handler = lambda exc, parent: CrashDialog(exc, parent or window).exec()

    window.show()
    code = app.exec()
    ctx.runner.wait(5.0) if hasattr(ctx.runner, "wait") else None
    ctx.db.dispose()
    return int(code)
