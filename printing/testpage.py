"""The start-of-day test page: one page that shows at a glance whether the printer prints
Vietnamese letters, the margins, grey levels, fine lines and a scannable QR code.

``render_test_page(page)`` builds the PDF (reportlab, the same embedded fonts as the documents);
``send_test_page(sink, page)`` prints it straight to a sink (not through the spool: a test page
that waits in a queue and comes out hours later helps nobody) and, for a CUPS printer, checks
that the queue is up before and waits until the job has left the queue after.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from printing.errors import PrinterOffline, SinkUnavailable

__all__ = ["SelfTestPage", "TestPageOutcome", "cups_printer_state", "cups_queues",
           "render_test_page", "send_test_page"]

VIETNAMESE = ("ẮẰẲẴẶ ắằẳẵặ ẤẦẨẪẬ ấầẩẫậ Đđ ƠơỚớỜờỞởỠỡỢợ ƯưỨứỪừỬửỮữỰự ỆệỸỹỶỷỴỵ",
              "Cộng hoà xã hội chủ nghĩa Việt Nam — Độc lập - Tự do - Hạnh phúc")


@dataclass(frozen=True)
class SelfTestPage:
    """What the test page says about where it was printed."""

    station: str
    counter: str
    printer: str  # the sink in words: "CUPS VirtualPDF", "thư mục /…"
    paper: str = "A4"
    printed_at: datetime = field(default_factory=lambda: datetime.now().astimezone())
    marker: str = ""  # a unique code printed on the page and in the job title
    operator: str = ""

    @property
    def title(self) -> str:
        return f"Trang in thu {self.marker}".strip()


@dataclass(frozen=True)
class TestPageOutcome:
    """The page was handed to the printer: ``reference`` (file path or CUPS job id);
    ``completed`` False when a CUPS job was still queued after the wait."""

    __test__ = False  # not a pytest class

    reference: str
    completed: bool
    pages: int = 1


def _paper(name: str) -> tuple[float, float]:
    from reportlab.lib.pagesizes import A4, A5

    width, height = A5 if name == "A5" else A4
    return float(width), float(height)


def render_test_page(page: SelfTestPage) -> bytes:
    """The test page as a one-page PDF."""
    import io

    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from printing.fonts import register_fonts

    fonts = register_fonts()
    width, height = _paper(page.paper)
    small = page.paper == "A5"
    scale = 0.75 if small else 1.0
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(width, height), invariant=False)
    c.setTitle(page.title)
    c.setAuthor(page.station)
    c.setSubject("Căn cước Workstation test page")

    # The 10 mm frame with corner marks: what is cut off shows the printer's margins.
    c.setLineWidth(0.8)
    c.rect(10 * mm, 10 * mm, width - 20 * mm, height - 20 * mm)
    for x, y in ((5 * mm, 5 * mm), (width - 5 * mm, 5 * mm), (5 * mm, height - 5 * mm),
                 (width - 5 * mm, height - 5 * mm)):
        c.line(x - 3 * mm, y, x + 3 * mm, y)
        c.line(x, y - 3 * mm, x, y + 3 * mm)
    # A ruler along the top edge of the frame (cm marks), to check the scale.
    c.setLineWidth(0.4)
    x0, y0 = 20 * mm, height - 10 * mm
    for i in range(int((width - 40 * mm) / mm) + 1):
        tick = 4 * mm if i % 10 == 0 else 2 * mm if i % 5 == 0 else 1 * mm
        c.line(x0 + i * mm, y0, x0 + i * mm, y0 - tick)
        if i % 10 == 0:
            c.setFont(fonts.sans.regular, 6)
            c.drawCentredString(x0 + i * mm, y0 - 7 * mm, str(i // 10))

    left = 20 * mm
    y = height - 30 * mm
    c.setFont(fonts.serif.bold, 20 * scale)
    c.drawString(left, y, "TRANG IN THỬ")
    c.setFont(fonts.sans.regular, 10 * scale)
    c.drawString(left + 75 * mm * scale, y, "Test page · Căn cước Workstation")
    y -= 12 * mm * scale
    rows = (("Trạm", page.station), ("Quầy", page.counter), ("Máy in", page.printer),
            ("Khổ giấy", page.paper),
            ("Thời gian", page.printed_at.strftime("%d/%m/%Y %H:%M:%S %z")),
            ("Người in", page.operator or "—"), ("Mã kiểm tra", page.marker or "—"))
    for label, value in rows:
        c.setFont(fonts.serif.bold, 11 * scale)
        c.drawString(left, y, label)
        c.setFont(fonts.serif.regular, 11 * scale)
        c.drawString(left + 30 * mm * scale, y, value[:90])
        y -= 6.5 * mm * scale

    y -= 4 * mm
    c.setFont(fonts.serif.bold, 11 * scale)
    c.drawString(left, y, "Chữ tiếng Việt (phông có dấu)")
    y -= 6.5 * mm * scale
    for family in (fonts.serif, fonts.sans):
        for line in VIETNAMESE:
            c.setFont(family.regular, 10 * scale)
            c.drawString(left, y, line)
            y -= 5.5 * mm * scale
    y -= 4 * mm

    # Grey levels 0-100 % in ten steps: banding or missing steps show toner/ink problems.
    c.setFont(fonts.serif.bold, 11 * scale)
    c.drawString(left, y, "Mức xám 0–100 %")
    y -= 14 * mm * scale
    step = (width - 40 * mm) / 11
    for i in range(11):
        c.setFillGray(1 - i / 10)
        c.rect(left + i * step, y, step, 10 * mm * scale, stroke=1, fill=1)
    c.setFillGray(0)
    y -= 10 * mm * scale
    # Line widths 0.1-1.5 pt.
    c.setFont(fonts.serif.bold, 11 * scale)
    c.drawString(left, y, "Nét mảnh 0,1–1,5 pt")
    y -= 5 * mm * scale
    for w in (0.1, 0.25, 0.5, 1.0, 1.5):
        c.setLineWidth(w)
        c.line(left, y, left + 80 * mm * scale, y)
        y -= 3 * mm * scale

    # A QR code with the marker: the counter's barcode scanner can be tested on it.
    size = 38 * mm * scale
    qr = QrCodeWidget(f"CCWS-TESTPAGE {page.marker}".strip())
    bx0, by0, bx1, by1 = qr.getBounds()
    drawing = Drawing(size, size, transform=[size / (bx1 - bx0), 0, 0, size / (by1 - by0), 0,
                                             0])
    drawing.add(qr)
    renderPDF.draw(drawing, c, width - 20 * mm - size, height - 30 * mm - size - 6 * mm)

    c.setFont(fonts.serif.italic, 9 * scale)
    c.drawString(left, 15 * mm, "Khung cách mép giấy 10 mm; vạch thước cách nhau 1 mm. "
                                "Trang này không phải giấy tờ của công dân.")
    c.showPage()
    c.save()
    return buf.getvalue()


# --- CUPS ------------------------------------------------------------------------------------

def _env() -> dict[str, str]:
    return dict(os.environ, LC_ALL="C", LANG="C")


def _lpstat(*args: str, timeout_s: float = 5.0) -> subprocess.CompletedProcess[str] | None:
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return None
    try:
        return subprocess.run([lpstat, *args], capture_output=True, text=True, env=_env(),
                              timeout=timeout_s, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None


def cups_queues(timeout_s: float = 5.0) -> list[str]:
    """The CUPS print queues on this computer (empty: no CUPS, or it is not running)."""
    proc = _lpstat("-e", timeout_s=timeout_s)
    if proc is None or proc.returncode != 0:
        return []
    return sorted({line.split()[0] for line in proc.stdout.splitlines() if line.strip()})


def cups_printer_state(printer: str, timeout_s: float = 5.0) -> str:
    """``idle``/``printing`` (ready), ``disabled`` (stopped), ``unknown`` (no such queue),
    ``no_scheduler`` (CUPS not running) or ``no_cups`` (lpstat missing)."""
    if shutil.which("lpstat") is None:
        return "no_cups"
    running = _lpstat("-r", timeout_s=timeout_s)
    if running is None or running.returncode != 0 or "not running" in running.stdout:
        return "no_scheduler"
    proc = _lpstat("-p", printer, timeout_s=timeout_s)
    if proc is None or proc.returncode != 0:
        return "unknown"
    text = proc.stdout.lower()
    if "disabled" in text:
        return "disabled"
    return "printing" if "now printing" in text else "idle"


def _job_pending(job_id: str, printer: str) -> bool:
    proc = _lpstat("-W", "not-completed", "-o", printer)
    if proc is None or proc.returncode != 0:
        return False
    return any(line.split()[:1] == [job_id] for line in proc.stdout.splitlines())


def send_test_page(sink: Any, page: SelfTestPage, *, wait_s: float = 20.0,
                   poll_s: float = 0.2) -> TestPageOutcome:
    """Render and print the test page now. Raises ``PrinterOffline`` (off, stopped, CUPS not
    running) or ``SinkUnavailable`` (CUPS missing, no such printer) with a message code."""
    from printing.sinks import PrintJob

    printer = str(getattr(sink, "printer", "") or "")
    if getattr(sink, "name", "") == "cups" and printer:
        state = cups_printer_state(printer)
        if state == "no_cups":
            raise SinkUnavailable("printing.cups_missing")
        if state == "no_scheduler":
            raise PrinterOffline("printing.cups_not_running")
        if state == "unknown":
            raise SinkUnavailable("printing.printer_unknown", printer=printer)
        if state == "disabled":
            raise PrinterOffline("printing.printer_offline", printer=printer,
                                 detail="CUPS: stopped")
    pdf = render_test_page(page)
    reference = str(sink.send(PrintJob("test-page", page.title, pdf, page.paper)))
    if getattr(sink, "name", "") != "cups" or not re.fullmatch(r"\S+-\d+", reference):
        return TestPageOutcome(reference, True)
    deadline = time.monotonic() + wait_s
    while _job_pending(reference, printer):
        if time.monotonic() >= deadline:
            return TestPageOutcome(reference, False)
        time.sleep(poll_s)
    return TestPageOutcome(reference, True)
