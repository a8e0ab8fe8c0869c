"""The preview widget: renders off the GUI thread, shows the pages, saves, prints (to PDF)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from printing import data as d
from printing import samples
from printing.cc01 import render_information_sheet
from printing.errors import DocumentError
from tests.printing.conftest import page_sizes, pdf_text

pytest.importorskip("PySide6.QtPdfWidgets")
# the offscreen platform says so when a window is shown; it is not a defect of the widget
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _sheet() -> bytes:
    """A two-page document: the information sheet of a represented child on A5."""
    return render_information_sheet(d.information_sheet(samples.child_under_6(),
                                                        samples.ISSUER), "A5", True)


@pytest.fixture
def preview(qtbot: Any) -> Any:
    from ui.widgets.pdf_preview import PdfPreview

    widget = PdfPreview()
    qtbot.addWidget(widget)
    widget.resize(600, 800)
    widget.show()
    return widget


def test_renders_off_the_gui_thread_and_shows_the_pages(preview: Any, qtbot: Any,
                                                        tmp_path: Path) -> None:
    import numpy as np
    from PySide6.QtGui import QImage  # noqa: TID251 - reading the widget's pixels

    threads: list[threading.Thread] = []

    def render() -> bytes:
        threads.append(threading.current_thread())
        return _sheet()

    assert not preview.print_button.isEnabled()
    with qtbot.waitSignal(preview.loaded, timeout=20000) as blocker:
        preview.render_async(render, "CC01.pdf")
    assert blocker.args == [2]
    assert threads and threads[0] is not threading.main_thread()
    assert preview.page_count() == 2
    assert preview.print_button.isEnabled() and preview.save_button.isEnabled()
    assert preview.status.text() == "Trang 1/2"
    assert preview.print_button.text() == "In…"

    def ink() -> int:
        # QPdfView paints pages as its renderer delivers them: wait for text on the page
        image = preview.view.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
        data = np.frombuffer(bytes(image.constBits()), np.uint8)
        return int((data < 80).sum())

    qtbot.waitUntil(lambda: ink() > 2000, timeout=20000)
    shot = tmp_path / "preview.png"
    assert preview.grab().save(str(shot))


def test_save_writes_the_same_bytes(preview: Any, qtbot: Any, tmp_path: Path) -> None:
    pdf = _sheet()
    preview.load_pdf(pdf, "CC01.pdf")
    with qtbot.waitSignal(preview.saved, timeout=5000):
        path = preview.save_to(tmp_path / "copy.pdf")
    assert path.read_bytes() == pdf
    assert "Đã lưu" in preview.status.text()


def test_print_paints_every_page_on_the_printer(preview: Any, qtbot: Any,
                                               tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    preview.load_pdf(_sheet())
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    with qtbot.waitSignal(preview.printed, timeout=30000) as blocker:
        assert preview.print_to(printer, dpi=100) == 2
    assert blocker.args == [2]
    assert len(page_sizes(out.read_bytes())) == 2


def test_a_failing_render_shows_the_translated_message(preview: Any, qtbot: Any) -> None:
    def broken() -> bytes:
        raise DocumentError("printing.font_missing", family="serif")

    with qtbot.waitSignal(preview.failed, timeout=10000) as blocker:
        preview.render_async(broken)
    assert "Không tìm thấy phông chữ" in blocker.args[0]
    assert "Không tạo được bản in" in preview.status.text()
    assert not preview.print_button.isEnabled()


def test_the_sample_pdf_opens(preview: Any, qtbot: Any) -> None:
    from printing.cc02 import render_appointment_slip

    pdf = render_appointment_slip(d.appointment_slip(samples.child_under_6(), samples.ISSUER),
                                  "80mm")
    assert "LÒ THỊ MAI" in pdf_text(pdf)
    with qtbot.waitSignal(preview.loaded, timeout=10000):
        preview.load_pdf(pdf)
    assert preview.page_count() == 1
