"""Screenshots of every page at 1366×768 for the README: ``python -m ui.screenshots [DIR]``.

Builds a throw-away station (demo city, demo applications, staff accounts) in a temporary
folder, drives the real pages with the simulated devices, and saves one PNG per page
(default ``docs/screenshots/``). Only synthetic people appear.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSWORD = "tram-xanh-Ke7#mua"


def _pump(app: Any, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0] if argv else "docs/screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="ws-shots-"))
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")
    os.environ["XDG_DATA_HOME"] = str(tmp / "data")
    os.environ["WORKSTATION_CONFIG"] = str(tmp / "config" / "settings.toml")

    from models.db import Database
    from workstation.records.demo import create_demo_city
    from workstation.security import Actor
    from workstation.security.setup import init_security
    from workstation.security.users import add_user
    from workstation.settings import load_settings

    url = f"sqlite:///{tmp / 'station.db'}"
    settings = load_settings(environ={}).with_values(
        printing__folder=str(tmp / "printed"), printing__spool_folder=str(tmp / "spool"),
        # A steady applicant in front of the camera (the demo script cycles through problems).
        camera__simulator_scenario="good")
    db = Database.open(url)
    db.upgrade()
    init_security(db, settings, admin_password_file=lambda: "Quan-tri#2026x-mau")
    with db.session() as s:
        add_user(s, Actor.system("setup"), "thu.nguyen", PASSWORD,
                 ["reception", "capture", "clerk", "leader"], settings=settings,
                 full_name="Nguyễn Thị Thu", must_change_password=False)
    create_demo_city(db, residents=4000)
    db.dispose()

    from ui.app import build
    from ui.workers import ImmediateRunner

    app, window, ctx = build(url, simulate=True, lang="vi", settings=settings,
                             runner=ImmediateRunner())
    window.resize(1366, 768)
    window.show()
    _pump(app, 0.2)

    def shot(name: str) -> None:
        _pump(app, 0.3)
        window.resize(1366, 768)
        _pump(app, 0.1)
        window.grab().save(str(out / f"{name}.png"))
        if window.height() != 768:
            print(f"warning: {name} is {window.width()}x{window.height()}", file=sys.stderr)
        print(out / f"{name}.png")

    window.login.username.setText("thu.nguyen")
    shot("01-login")
    window.login.password.setText(PASSWORD)
    window.login.try_sign_in()

    by_state: dict[str, Any] = {}
    for a in ctx.enroll.search():
        by_state.setdefault(a.state, a)

    # Reception: a child under 6 with parents, a new application, the live decision.
    from sqlalchemy import select

    from models.applications import OPEN_STATES, Application
    from models.records import ParentLink, Resident

    with db.session() as s:
        busy = set(s.scalars(select(Application.applicant_pid).where(
            Application.state.in_(OPEN_STATES))))
        child = next(r for r, _l in s.execute(
            select(Resident, ParentLink).join(ParentLink, ParentLink.child_id == Resident.id)
            .where(Resident.birth_year >= ctx.today().year - 5, Resident.dob_precision == "day",
                   ParentLink.parent_pid.is_not(None)).order_by(Resident.id).limit(50))
            if r.pid not in busy)
    page = window.show_page("reception")
    page.query.setText(child.full_name)
    page.search()
    for i in range(page.results.count()):
        if page.results.item(i).text().endswith(child.pid) or child.pid in page.results.item(
                i).text():
            page.results.setCurrentRow(i)
            page._pick(page.results.item(i))
            break
    page.start_for_person()
    parent = next((p for p in page.person.parents if p.adult), None)
    if parent is not None:
        page.use_parent(parent)
    page.form.widgets["phone"].setText("0912 345 678")
    page.form.flush()
    page.form.verticalScrollBar().setValue(0)  # the form from its first field
    shot("02-reception")

    # Capture: the 6–13 demo application, waiting for its photo and prints.
    target = by_state.get("verified")
    if target is not None:
        window.open_application("capture", target.id)
        cap = window.current_page()
        face = cap.face.ensure()
        end = time.monotonic() + 30
        while face is not None and face.photo is None and time.monotonic() < end:
            _pump(app, 0.1)
        if face is not None and face.photo is not None:
            face.accept()
        panel = cap.fingers.ensure()
        end = time.monotonic() + 30
        while panel is not None and panel.device is None and time.monotonic() < end:
            _pump(app, 0.1)
        if panel is not None:
            panel.capture()
            end = time.monotonic() + 30
            while panel.busy and time.monotonic() < end:
                _pump(app, 0.1)
        shot("03-capture-fingerprints")
        cap.tabs.setCurrentIndex(0)
        shot("03-capture-face")
        from ui.pages import capture_slots

        capture_slots.stop(cap.face, cap.fingers)

    # Review: the under-6 demo application, confirmed steps and the CC01 preview.
    sub = by_state.get("submitted")
    if sub is not None:
        window.open_application("review", sub.id)
        window.current_page().print_doc("information-form")
        shot("04-review")

    window.show_page("worklist")
    shot("05-worklist")

    if sub is not None:
        ret = window.show_page("return")
        ret.number.setText(sub.number)
        ret.find()
        ret.card_arrived()
        from datetime import date

        from devices.smartcard.emulator import CardProfile
        from devices.smartcard.registry import shared_simulator

        a = ret.app
        born = date.fromisoformat(a.applicant["date_of_birth"])
        shared_simulator().insert(profile=CardProfile(
            pid=a.applicant_pid, full_name=a.applicant["full_name"], date_of_birth=born,
            sex=a.applicant["sex"], expiry=a.card_expiry, issue_date=ctx.today(), face=False))
        ret.verify_card_with(a.applicant_pid, born, a.card_expiry)
        ret.print_record()
        shot("06-return-counter")

    # The same reception in English, then with the large font: switched while signed in.
    window.apply_language("en")
    window.show_page("reception")
    shot("09-reception-english")
    window.apply_language("vi")
    window.apply_large_font(True)
    window.current_page().form.verticalScrollBar().setValue(0)
    shot("10-reception-large-font")
    window.apply_large_font(False)

    # Administration needs the admin role: sign in as the station's administrator.
    window.lock()
    window.login.username.setText("admin")
    window.login.password.setText("Quan-tri#2026x-mau")
    window.login.try_sign_in()
    admin = window.show_page("admin")
    if admin is not None:
        admin.self_test()
        from PySide6.QtWidgets import QTabWidget

        tabs = admin.findChild(QTabWidget, "adminTabs")
        tabs.setCurrentIndex(2)
        shot("07-administration-devices")
        tabs.setCurrentIndex(1)
        shot("08-administration-users")
    ctx.db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
