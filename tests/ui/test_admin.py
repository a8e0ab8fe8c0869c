"""Administration: fee rates entered at the station (they change the fee of a new application,
every edit audited, overlaps refused), the start-of-day self-test with a printed test page,
printer and capture thresholds saved and read back — all through the real page, offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from app_helpers import TODAY, Station, make_station, pdf_text
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QTabWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from models.security import AuditEntry
from ui import common
from ui.devicehub import DeviceHub
from ui.i18n_vi import VI
from ui.workers import ImmediateRunner
from workstation.security import Actor
from workstation.settings import load_settings

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

ADMIN_PASSWORD = "Quan-tri#2026x"
CLERK = Actor("thu.nguyen", frozenset({"reception", "capture", "clerk"}), "TN-SC-01",
              "Nguyễn Thị Thu")
# A 40-year-old converting a CCCD to the new card (synthetic; in app_helpers' records).
CONVERSION = {"pid": "019086003333", "full_name": "Nguyễn Văn Bình",
              "date_of_birth": "10/10/1986", "sex": "male", "kind": "renewal",
              "reason": "cccd_conversion", "current_card_type": "cccd",
              "current_card_number": "019086003333", "current_card_issued_on": "15/01/2025",
              "phone": "0912345678"}
TABS = {"station": 0, "users": 1, "devices": 2, "printer": 3, "thresholds": 4, "holidays": 5,
        "fees": 6}


@pytest.fixture(autouse=True)
def crashes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[BaseException]]:
    """No unexpected error reaches the crash dialog in any of these tests."""
    found: list[BaseException] = []
    monkeypatch.setattr(common, "crash_handler", lambda exc, parent: found.append(exc))
    yield found
    assert found == []


@pytest.fixture
def station(tmp_path: Path, db_url: str) -> Station:
    return make_station(tmp_path, db_url)


def open_admin(qtbot: QtBot, station: Station, *, devices: bool = False,
               settings: Any = None, runner: Any = None) -> tuple[Any, Any]:
    from ui.app import build as build_app

    _app, window, ctx = build_app(station.url, simulate=True, lang="vi",
                                  settings=settings or station.settings,
                                  runner=runner or ImmediateRunner(), today=lambda: TODAY)
    if not devices:
        ctx.devices = None
    qtbot.addWidget(window)
    window.show()
    window.login.username.setText("admin")
    window.login.password.setText(ADMIN_PASSWORD)
    window.login.try_sign_in()
    qtbot.waitUntil(lambda: not window.is_locked(), timeout=20000)
    page = window.show_page("admin")
    assert page is not None
    return window, page


def tab(page: Any, name: str) -> None:
    page.findChild(QTabWidget, "adminTabs").setCurrentIndex(TABS[name])


def audits(station: Station, prefix: str) -> list[tuple[str, str | None, str, str]]:
    with station.db.session() as s:
        return [(e.action, e.object_id, e.username, e.details or "") for e in s.scalars(
            select(AuditEntry).where(AuditEntry.action.startswith(prefix))
            .order_by(AuditEntry.id))]


def cell(table: Any, row: int, col: int) -> str:
    item = table.item(row, col)
    return item.text() if item is not None else ""


def add_fee(page: Any, case: str, amount: str, start: str, end: str, source: str) -> None:
    page.fee_case.setCurrentIndex(page.fee_case.findData(case))
    page.fee_amount.setText(amount)
    page.fee_from.setText(start)
    page.fee_to.setText(end)
    page.fee_source.setText(source)
    page.findChild(QAbstractButton, "addFee").click()


# --- fees -------------------------------------------------------------------------------------

def test_a_station_rate_changes_the_fee_of_a_new_application(qtbot: QtBot,
                                                             station: Station) -> None:
    window, page = open_admin(qtbot, station)
    tab(page, "fees")
    ctx = page.ctx
    assert page.shipped_fees.rowCount() == 9  # six base rates, three reductions
    assert page.station_fees.rowCount() == 0
    before = ctx.enroll.evaluate(CONVERSION)
    assert (before["fee_vnd"], before["fee_rule_code"]) == (15000, "fee.rule.reduced")

    # A new circular: 36.000 đ from 1/11/2026 (the 50 % reduction still applies).
    add_fee(page, "cccd_conversion", "36.000", "01/11/2026", "", "Thông tư 99/2026/TT-BTC")
    assert page.banner.property("kind") == "success", page.banner.text()
    assert page.station_fees.rowCount() == 1
    assert cell(page.station_fees, 0, 2) == "36.000 đ"
    assert cell(page.station_fees, 0, 5) == "admin"
    assert page.fee_amount.text() == ""  # the form is cleared for the next rate

    after = ctx.enroll.evaluate(CONVERSION)
    assert (after["fee_vnd"], after["fee_rule_code"]) == (18000, "fee.rule.station_reduced")
    draft = ctx.enroll.save_draft(CLERK, None, CONVERSION)
    app = ctx.enroll.verify(CLERK, draft.id)
    assert app.fee_vnd == 18000 and "99/2026" in (app.fee_rule or "")

    entries = audits(station, "fees.")
    assert [(a, u) for a, _o, u, _d in entries] == [("fees.add", "admin")]
    assert "36000" in entries[0][3] and "99/2026" in entries[0][3]
    window.close()


def test_overlapping_rates_and_bad_amounts_are_refused_with_clear_messages(
        qtbot: QtBot, station: Station) -> None:
    window, page = open_admin(qtbot, station)
    tab(page, "fees")
    add_fee(page, "renewal", "40000", "01/01/2027", "", "Thông tư 12/2026/TT-BTC")
    assert page.station_fees.rowCount() == 1
    add_fee(page, "renewal", "45000", "01/06/2027", "", "Thông tư 13/2027/TT-BTC")
    assert page.banner.property("kind") == "error"
    assert page.banner.text().startswith("Trùng thời gian")
    assert "12/2026" in page.banner.text()
    assert page.fee_amount.text() == "45000"  # what was typed is kept to correct it
    for amount, words in (("-5000", "không được âm"), ("5000000", "quá cao"),
                          ("abc", "số nguyên")):
        add_fee(page, "reissue", amount, "01/01/2027", "", "Thông tư 12/2026/TT-BTC")
        assert page.banner.property("kind") == "error" and words in page.banner.text()
    add_fee(page, "reissue", "80000", "31/02/2027", "", "Thông tư 12/2026/TT-BTC")
    assert "Ngày không hợp lệ" in page.banner.text()
    add_fee(page, "reissue", "80000", "01/01/2027", "", "   ")
    assert "căn cứ pháp lý" in page.banner.text()
    assert page.station_fees.rowCount() == 1
    assert [a for a, *_ in audits(station, "fees.")] == ["fees.add"]
    window.close()


def test_ending_and_removing_a_rate_are_audited(qtbot: QtBot, station: Station) -> None:
    window, page = open_admin(qtbot, station)
    tab(page, "fees")
    add_fee(page, "renewal", "40000", "01/01/2027", "", "Thông tư 12/2026/TT-BTC")
    page.findChild(QAbstractButton, "endFee").click()
    assert "Hãy chọn" in page.banner.text()  # nothing selected yet
    page.station_fees.selectRow(0)
    page.fee_end.setText("30/06/2027")
    page.findChild(QAbstractButton, "endFee").click()
    assert cell(page.station_fees, 0, 4) == "30/06/2027"
    add_fee(page, "renewal", "45000", "01/07/2027", "", "Thông tư 13/2027/TT-BTC")
    assert page.station_fees.rowCount() == 2
    page.station_fees.selectRow(1)
    page.findChild(QAbstractButton, "removeFee").click()
    assert page.station_fees.rowCount() == 1
    assert [a for a, *_ in audits(station, "fees.")] == ["fees.add", "fees.end", "fees.add",
                                                         "fees.remove"]
    window.close()


# --- the self-test and the test page ------------------------------------------------------

def test_self_test_prints_a_test_page_into_the_pdf_folder(qtbot: QtBot,
                                                          station: Station) -> None:
    window, page = open_admin(qtbot, station, devices=True)
    tab(page, "devices")
    page.findChild(QAbstractButton, "selfTest").click()
    qtbot.waitUntil(lambda: not page._testing, timeout=30000)
    assert not page.test_progress.isVisible() and page.test_button.isEnabled()
    assert cell(page.device_table, 0, 1) == "Mô phỏng"  # the simulated camera, said so
    assert cell(page.device_table, 0, 2).startswith("Đang dùng thiết bị mô phỏng")
    printer_row = 3
    assert cell(page.device_table, printer_row, 1) == "Hoạt động"
    pdfs = sorted(station.printed.glob("Trang_in_thu_TP-*.pdf"))
    assert len(pdfs) == 1 and cell(page.device_table, printer_row, 2).endswith(pdfs[0].name)
    text = pdf_text(pdfs[0])
    assert "TRANG IN THỬ" in text and station.settings["station.name"] in text
    assert "Người in" in text and "admin" in text
    assert "ẮẰẲẴẶ" in text  # the Vietnamese letters came out whole
    assert page.banner.property("kind") == "success"
    window.close()


def test_self_test_runs_on_workers_and_shows_its_progress(qtbot: QtBot,
                                                          station: Station) -> None:
    import threading

    from ui.workers import ThreadRunner

    runner = ThreadRunner()
    window, page = open_admin(qtbot, station, devices=True, runner=runner)
    runner.wait(10.0)  # what the page started when it opened (users, tables, printers)
    hub: DeviceHub = page.ctx.devices
    threads: list[str] = []
    probe, print_page = hub.probe, hub.print_test_page
    hub.probe = lambda d: (threads.append(threading.current_thread().name), probe(d))[1]
    printed: list[str] = []
    hub.print_test_page = lambda *a, **k: (  # type: ignore[method-assign]
        printed.append(threading.current_thread().name), print_page(*a, **k))[1]
    tab(page, "devices")
    page.self_test()
    assert page.test_progress.isVisible() and not page.test_button.isEnabled()
    assert page.test_step.text().startswith("Đang kiểm tra")
    page.self_test()  # a second click while it runs starts nothing
    qtbot.waitUntil(lambda: not page._testing, timeout=30000)
    runner.wait(10.0)
    # Three probes and one test page (then the window refreshes its device lights).
    assert len(printed) == 1 and len(threads) >= 3
    assert threading.main_thread().name not in threads + printed
    assert page.test_progress.value() == 4 and not page.test_progress.isVisible()
    assert cell(page.device_table, 3, 1) == "Hoạt động"
    window.close()


def test_a_printer_that_is_off_gives_a_clear_message(qtbot: QtBot, station: Station,
                                                     tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    window, page = open_admin(qtbot, station, devices=True)
    hub: DeviceHub = page.ctx.devices
    hub.forced_off.add("printer")
    page.self_test()
    qtbot.waitUntil(lambda: not page._testing, timeout=30000)
    assert cell(page.device_table, 3, 1) == "Không phản hồi"
    assert "đang tắt" in cell(page.device_table, 3, 2)
    assert page.banner.property("kind") == "warning" and "Máy in" in page.banner.text()
    hub.forced_off.clear()

    # CUPS chosen, but its scheduler does not answer (a socket nobody listens on).
    monkeypatch.setenv("CUPS_SERVER", str(tmp_path / "no-cupsd.sock"))
    tab(page, "printer")
    page.sink.setCurrentIndex(page.sink.findData("cups"))
    page.queues = []
    page.cups_printer.setEditText("VirtualPDF")
    page.print_test_page()
    assert page.banner.property("kind") == "error"
    assert "CUPS không chạy" in page.banner.text(), page.banner.text()
    assert not page.print_progress.isVisible() and page.print_button.isEnabled()

    # CUPS not installed at all (no lp / lpstat on the PATH).
    monkeypatch.setenv("PATH", str(tmp_path))
    page.print_test_page()
    assert "chưa cài CUPS" in page.banner.text(), page.banner.text()
    assert not list(station.printed.glob("*.pdf"))
    window.close()


# --- settings: printer and thresholds -----------------------------------------------------

def test_printer_settings_are_validated_saved_and_audited(qtbot: QtBot, station: Station,
                                                         tmp_path: Path) -> None:
    window, page = open_admin(qtbot, station)
    tab(page, "printer")
    save = page.findChild(QAbstractButton, "savePrinter")
    page.sink.setCurrentIndex(page.sink.findData("cups"))
    page.queues = []
    page.cups_printer.setEditText("")
    save.click()
    assert "Hãy chọn máy in CUPS" in page.banner.text()
    page.cups_printer.setEditText("may in tang 1")
    save.click()
    assert "không có dấu cách" in page.banner.text()
    page.queues = ["VirtualPDF"]
    page.cups_printer.setEditText("OtherPrinter")
    save.click()
    assert "OtherPrinter" in page.banner.text() and page.banner.property("kind") == "error"
    page.sink.setCurrentIndex(page.sink.findData("folder"))
    page.folder.setText("relative/folder")
    save.click()
    assert "đường dẫn đầy đủ" in page.banner.text()
    page.receipt_printer.setText("printer-on-the-left")
    page.folder.setText(str(tmp_path / "pdf-out"))
    save.click()
    assert "usb:VID:PID" in page.banner.text()
    page.receipt_printer.setText("tcp:192.168.1.50:9100")
    page.paper.setCurrentIndex(page.paper.findData("A5"))
    save.click()
    assert page.banner.property("kind") == "success", page.banner.text()
    saved = load_settings(environ={})
    assert saved["printing.folder"] == str(tmp_path / "pdf-out")
    assert saved["printing.paper"] == "A5"
    assert saved["printing.receipt_printer"] == "tcp:192.168.1.50:9100"
    assert page.ctx.settings["printing.paper"] == "A5"
    entries = audits(station, "settings.edit")
    assert entries[-1][1] == "printing" and "printing.paper" in entries[-1][3]
    window.close()


def test_thresholds_are_saved_and_read_back(qtbot: QtBot, station: Station) -> None:
    window, page = open_admin(qtbot, station)
    tab(page, "thresholds")
    spins = page.thresholds
    assert spins["camera.min_sharpness"].value() == 60.0
    spins["camera.min_head_fraction"].setValue(0.85)
    spins["camera.max_head_fraction"].setValue(0.80)
    page.findChild(QAbstractButton, "saveThresholds").click()
    assert page.banner.property("kind") == "error"
    assert "phải nhỏ hơn" in page.banner.text()
    assert not audits(station, "settings.edit")
    spins["camera.min_head_fraction"].setValue(0.40)
    spins["camera.min_sharpness"].setValue(75.5)
    spins["fingerprint.quality_threshold"].setValue(55)
    spins["fingerprint.retries"].setValue(4)
    page.findChild(QAbstractButton, "saveThresholds").click()
    assert page.banner.property("kind") == "success", page.banner.text()
    saved = load_settings(environ={})
    assert saved["camera.min_sharpness"] == 75.5
    assert saved["camera.min_head_fraction"] == 0.40
    assert saved["fingerprint.quality_threshold"] == 55
    assert isinstance(saved["fingerprint.retries"], int) and saved["fingerprint.retries"] == 4
    # What the capture widgets of the next applicant are built from (capture_slots).
    assert page.ctx.settings.section("camera")["min_sharpness"] == 75.5
    assert page.ctx.settings.section("fingerprint")["quality_threshold"] == 55
    entry = audits(station, "settings.edit")[-1]
    assert entry[1] == "thresholds" and "fingerprint.quality_threshold" in entry[3]
    page.findChild(QAbstractButton, "defaultThresholds").click()
    assert spins["camera.min_sharpness"].value() == 60.0
    window.close()


def test_station_settings_save_switches_the_language_at_once(qtbot: QtBot,
                                                             station: Station) -> None:
    from ui.i18n import current_language

    window, page = open_admin(qtbot, station)
    page.fields["station.counter"].setText("Quầy 3")
    page.language.setCurrentIndex(page.language.findData("en"))
    with qtbot.waitSignal(window.language_applied, timeout=10000):
        page.findChild(QAbstractButton, "saveSettings").click()
    assert current_language() == "en"
    assert window.current_page().key == "admin" and window.header.text() == "Administration"
    saved = load_settings(environ={})
    assert (saved["ui.language"], saved["station.counter"]) == ("en", "Quầy 3")
    entry = audits(station, "settings.edit")[-1]
    assert entry[1] == "station" and "station.counter" in entry[3]
    window.close()


def test_every_admin_tab_is_in_vietnamese(qtbot: QtBot, station: Station) -> None:
    window, page = open_admin(qtbot, station)
    english = {k for k, v in VI.items() if k != v}
    tabs = page.findChild(QTabWidget, "adminTabs")
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        shown = set()
        for w in page.findChildren(QLabel) + page.findChildren(QAbstractButton):
            if w.isVisibleTo(window) and w.text():
                shown.add(w.text())
        for edit in page.findChildren(QLineEdit):
            if edit.isVisibleTo(window) and edit.placeholderText():
                shown.add(edit.placeholderText())
        for table in page.findChildren(type(page.station_fees)):
            if table.isVisibleTo(window):
                shown |= {table.horizontalHeaderItem(c).text()
                          for c in range(table.columnCount())}
        assert not english & shown, (i, english & shown)
        assert tabs.tabText(i) not in english
    window.close()



# --- the leader's approval card ---------------------------------------------------------------
def test_users_tab_registers_and_removes_a_leaders_card(qtbot: QtBot, station: Station) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from devices.smartcard.emulator import CardProfile
    from ui.dialogs import RegisterCardDialog

    window, page = open_admin(qtbot, station)
    tab(page, "users")
    qtbot.waitUntil(lambda: page.users.rowCount() > 0, timeout=5000)
    rows = {cell(page.users, r, 0): r for r in range(page.users.rowCount())}
    button = page.findChild(QAbstractButton, "registerCard")
    page.users.clearSelection()
    page.users.setCurrentCell(-1, -1)
    button.click()  # nobody chosen: told what to do, no dialog
    assert "Hãy chọn một tài khoản" in page.banner.text()
    assert window.findChild(RegisterCardDialog) is None

    page.users.setCurrentCell(rows["lanhdao"], 0)
    button.click()
    dialog = window.findChild(RegisterCardDialog)
    assert dialog is not None and dialog.isVisible()
    card = CardProfile()  # the simulated reader holds this (synthetic) card
    assert card.expiry is not None
    dialog.pid.setText(card.pid)
    dialog.dob.setText(card.date_of_birth.strftime("%d/%m/%Y"))
    dialog.expiry.setText(card.expiry.strftime("%d/%m/%Y"))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: cell(page.users, rows["lanhdao"], 4) == "Đã đăng ký", timeout=5000)
    assert cell(page.users, rows["admin"], 4) == ""
    register = audits(station, "users.card_register")
    assert [(a, o, u) for a, o, u, _ in register] == [("users.card_register", "lanhdao", "admin")]
    assert card.pid not in register[0][3]  # the PID is masked in the audit trail

    page.users.setCurrentCell(rows["lanhdao"], 0)
    page.findChild(QAbstractButton, "removeCard").click()
    qtbot.waitUntil(lambda: cell(page.users, rows["lanhdao"], 4) == "", timeout=5000)
    assert [a for a, *_ in audits(station, "users.card_unregister")] == ["users.card_unregister"]
