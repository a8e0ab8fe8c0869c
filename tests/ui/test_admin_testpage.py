"""The test page itself (printing/testpage.py) and the self-test's printer step through a real
CUPS: the page renders on A4 and A5 with Vietnamese text and a QR code the counter's scanner
reads, goes through the queue and reads back; an unknown queue, a stopped queue, a job CUPS
keeps waiting and a scheduler that does not answer each give their own clear answer."""

from __future__ import annotations

import shutil
import subprocess
import time
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest
from app_helpers import Station, make_station, pdf_text
from PIL import Image
from pytestqt.qtbot import QtBot
from test_admin import open_admin, tab

from printing.errors import PrinterOffline, SinkUnavailable
from printing.sinks import CupsSink, FolderSink
from printing.testpage import (
    SelfTestPage,
    cups_printer_state,
    cups_queues,
    render_test_page,
    send_test_page,
)

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def page(paper: str = "A4", marker: str = "TP-20261127-080000") -> SelfTestPage:
    return SelfTestPage(station="Công an thành phố Sông Công", counter="Quầy 2",
                        printer="CUPS VirtualPDF", paper=paper,
                        printed_at=datetime(2026, 11, 27, 8, 0).astimezone(), marker=marker,
                        operator="quan.tri")


def pdf_info(path: Path) -> str:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, timeout=30,
                         check=True).stdout
    return " ".join(out.split())


@pytest.mark.parametrize(("paper", "size"), [("A4", "595.276 x 841.89"),
                                             ("A5", "419.528 x 595.276")])
def test_the_test_page_renders_one_page_with_vietnamese_and_a_readable_qr(
        tmp_path: Path, paper: str, size: str) -> None:
    import zxingcpp

    pdf = tmp_path / "page.pdf"
    pdf.write_bytes(render_test_page(page(paper)))
    info = pdf_info(pdf)
    assert "Pages: 1" in info and size in info
    text = pdf_text(pdf)
    for words in ("TRANG IN THỬ", "Công an thành phố Sông Công", "Quầy 2", "quan.tri",
                  "TP-20261127-080000", "Cộng hoà xã hội chủ nghĩa Việt Nam",
                  "ƯưỨứỪừỬửỮữỰự", "ỆệỸỹỶỷỴỵ"):
        assert words in text, words
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(pdf), str(tmp_path / "p")],
                   check=True, timeout=60)
    image = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    found = [r.text for r in zxingcpp.read_barcodes(np.asarray(image))]
    assert found == ["CCWS-TESTPAGE TP-20261127-080000"]
    # The grey ramp: from white to black in ten steps (ink or toner problems show here).
    assert np.asarray(image).min() < 30 and np.asarray(image).max() > 240


def test_the_test_page_into_a_folder(tmp_path: Path) -> None:
    outcome = send_test_page(FolderSink(tmp_path / "out"), page())
    assert outcome.completed
    assert Path(outcome.reference).name == "Trang_in_thu_TP-20261127-080000.pdf"
    assert "TRANG IN THỬ" in pdf_text(Path(outcome.reference))


def test_no_cups_on_the_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert cups_queues() == [] and cups_printer_state("VirtualPDF") == "no_cups"
    with pytest.raises(SinkUnavailable) as info:
        send_test_page(CupsSink("VirtualPDF"), page())
    assert info.value.code == "printing.cups_missing"


def test_a_scheduler_that_does_not_answer(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("lpstat") is None:
        pytest.skip("cups-client is not installed")
    monkeypatch.setenv("CUPS_SERVER", str(tmp_path / "nobody.sock"))
    assert cups_queues() == [] and cups_printer_state("VirtualPDF") == "no_scheduler"
    with pytest.raises(PrinterOffline) as info:
        send_test_page(CupsSink("VirtualPDF"), page())
    assert info.value.code == "printing.cups_not_running"


def wait_for_pdf(folder: Path, marker: str, timeout_s: float = 60.0) -> Path:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        found = [p for p in folder.glob("*.pdf") if marker in p.name]
        if found and found[0].stat().st_size > 0:
            size = found[0].stat().st_size
            time.sleep(0.2)  # cups-pdf writes, then renames
            if found[0].stat().st_size == size:
                return found[0]
        time.sleep(0.1)
    raise AssertionError(f"no PDF with {marker!r} in {folder}")


@pytest.mark.cups
def test_queue_states_and_a_job_cups_keeps_waiting(cups_env: dict[str, str]) -> None:
    printer = cups_env["WORKSTATION_TEST_CUPS_PRINTER"]
    assert printer in cups_queues()
    assert cups_printer_state(printer) in ("idle", "printing")
    assert cups_printer_state("NoSuchPrinter") == "unknown"
    with pytest.raises(SinkUnavailable) as info:
        send_test_page(CupsSink("NoSuchPrinter"), page())
    assert info.value.code == "printing.printer_unknown"
    # A job held in the queue (as when the printer takes it but never prints): "not yet".
    held = CupsSink(printer, extra_options=("job-hold-until=indefinite",))
    outcome = send_test_page(held, page(marker="TP-held"), wait_s=1.0, poll_s=0.1)
    try:
        assert not outcome.completed and outcome.reference.startswith(printer + "-")
    finally:
        subprocess.run(["cancel", outcome.reference], timeout=30, check=False)


@pytest.mark.cups
def test_test_page_through_real_cups_and_a_stopped_queue(
        qtbot: QtBot, tmp_path: Path, db_url: str, cups_env: dict[str, str]) -> None:
    station: Station = make_station(tmp_path, db_url)
    printer = cups_env["WORKSTATION_TEST_CUPS_PRINTER"]
    settings = station.settings.with_values(printing__sink="cups",
                                            printing__cups_printer=printer)
    window, admin = open_admin(qtbot, station, devices=True, settings=settings)
    tab(admin, "printer")
    assert printer in admin.queues  # found by "Find printers" when the page opened
    assert admin.sink.currentData() == "cups" and admin.cups_printer.currentText() == printer
    admin.print_test_page()
    assert admin.banner.property("kind") == "success", admin.banner.text()
    marker = admin.ctx.devices.last_test_page.marker
    pdf = wait_for_pdf(Path(cups_env["WORKSTATION_TEST_CUPS_OUT"]), marker)
    try:
        # cups-pdf rebuilds the PDF through Ghostscript: the Vietnamese text loses its Unicode
        # mapping on the way (see tests/printing/test_cups.py); the ASCII text reads back.
        text = " ".join(pdf_text(pdf).split())
        assert marker in text and f"CUPS {printer}" in text and "Test page" in text
        info = pdf_info(pdf)
        assert "Pages: 1" in info and "595" in info  # one A4 page
    finally:
        pdf.unlink()

    # The queue stopped (a printer switched off): said plainly, nothing printed.
    subprocess.run(["cupsdisable", printer], check=True, timeout=30)
    try:
        admin.print_test_page()
        assert admin.banner.property("kind") == "error"
        assert "đang tắt, đang dừng" in admin.banner.text() and printer in admin.banner.text()
        assert admin.print_result.text().startswith("Không phản hồi")
    finally:
        subprocess.run(["cupsenable", printer], check=True, timeout=30)
    window.close()
