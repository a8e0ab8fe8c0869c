"""Child process for the crash test: sign in, type a draft, say READY, wait to be killed."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def main(url: str, printed: str) -> None:
    from app_helpers import PASSWORD, SMALL, TODAY
    from PySide6.QtCore import QTimer

    from ui.app import build
    from workstation.settings import load_settings

    settings = load_settings(environ={}).with_values(printing__folder=printed)
    app, window, ctx = build(url, simulate=True, settings=settings, today=lambda: TODAY)
    window.show()
    window.login.username.setText("thu.nguyen")
    window.login.password.setText(PASSWORD)
    window.login.try_sign_in()
    ctx.runner.wait()
    page = window.show_page("reception")
    page.query.setText(SMALL["pid"])
    page.search()
    ctx.runner.wait()
    page.start_for_person()
    ctx.runner.wait()
    form = page.form.widgets
    # Pasted decomposed (NFD) text, as some Vietnamese input methods send it.
    form["representative_name"].setText(unicodedata.normalize("NFD", "Lò Văn Tủa"))
    form["representative_pid"].setText("019085001234")
    form["phone"].setText("0912345678")
    page.form.flush()
    ctx.runner.wait()
    while page._saving or ctx.runner.busy():
        ctx.runner.wait()
    form["email"].setText("half-typed@exa")  # the field being typed: may be lost
    print("READY", page.number, flush=True)
    QTimer.singleShot(60_000, app.quit)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
