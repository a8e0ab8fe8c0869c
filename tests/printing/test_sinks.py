"""Sinks and the spool: folder, ESC/POS (Dummy and a real TCP socket), a printer that is off,
a full disk, CUPS missing, a printer name that does not exist."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from printing import data as d
from printing import samples
from printing.cc02 import render_appointment_slip
from printing.errors import PrinterOffline, SinkUnavailable, SpoolError
from printing.sinks import CupsSink, EscPosSink, FolderSink, PrintJob, Spool
from printing.thermal import DOTS, Ticket, TicketLine, rasterize, receipt_ticket, slip_ticket


@pytest.fixture(scope="module")
def slip_job() -> PrintJob:
    slip = d.appointment_slip(samples.adult_renewal(), samples.ISSUER)
    return PrintJob("appointment-slip", "CC02 TN-SC-01-20240816-0007",
                    render_appointment_slip(slip, "80mm", True), "80mm", 1, slip_ticket(slip))


def test_folder_sink_writes_the_pdf_and_never_overwrites(tmp_path: Path,
                                                         slip_job: PrintJob) -> None:
    sink = FolderSink(tmp_path / "out")
    first = Path(sink.send(slip_job))
    second = Path(sink.send(slip_job))
    assert first != second
    assert first.read_bytes() == second.read_bytes() == slip_job.pdf
    assert first.name == "CC02_TN-SC-01-20240816-0007.pdf"
    assert not list((tmp_path / "out").glob(".*tmp"))


def _raster(out: bytes) -> np.ndarray:
    """Decode the first GS v 0 raster image in an ESC/POS byte stream."""
    at = out.index(b"\x1dv0")
    mode, xl, xh, yl, yh = out[at + 3:at + 8]
    width_bytes, height = xl + 256 * xh, yl + 256 * yh
    body = np.frombuffer(out[at + 8:at + 8 + width_bytes * height], dtype=np.uint8)
    assert mode == 0
    return np.unpackbits(body.reshape(height, width_bytes), axis=1)


def test_escpos_dummy_receives_the_expected_bytes(slip_job: PrintJob) -> None:
    from escpos.printer import Dummy

    printer = Dummy()
    sink = EscPosSink("dummy", factory=lambda: printer)
    assert sink.send(slip_job) == "dummy"
    out = printer.output
    assert out.startswith(b"\x1b@")  # ESC @ initialise
    # the text as one raster bitmap 576 dots (72 bytes) wide
    assert out[out.index(b"\x1dv0") + 4:out.index(b"\x1dv0") + 6] == bytes([72, 0])
    bitmap = _raster(out)
    assert bitmap.shape[1] == DOTS and 0.02 < bitmap.mean() < 0.3  # ink, but not a black page
    # the native QR code: store the application number, then print it
    number = b"TN-SC-01-20240816-0007"
    store = b"\x1d(k" + bytes([len(number) + 3, 0]) + b"1P0" + number
    assert store in out and b"\x1d(k\x03\x001Q0" in out
    # Code128 (function B, GS k 73) with the number, human-readable text below
    assert b"\x1dkI" + bytes([len(number) + 2]) + b"{B" + number in out
    assert b"\x1dH\x02" in out
    assert out.endswith(b"\x1dV\x00")  # full cut


def test_the_raster_holds_the_vietnamese_text(tmp_path: Path) -> None:
    img = rasterize(Ticket((TicketLine("NGUYỄN THỊ HỒNG NHUNG", "bold"),)))
    assert img.size[0] == DOTS
    # the accents stack above the capitals: ink above the cap height of the same line
    arr = 1 - np.asarray(img.convert("L")) // 255
    rows = np.where(arr.sum(axis=1) > 0)[0]
    assert rows.size and rows.max() - rows.min() > 24  # taller than plain capitals


def test_ticket_round_trips_through_json() -> None:
    ticket = receipt_ticket(d.fee_receipt(samples.adult_renewal(), samples.ISSUER))
    assert Ticket.from_json(ticket.to_json()) == ticket
    assert any("Mười lăm nghìn đồng" in ln.text for ln in ticket.lines)


def test_escpos_needs_a_ticket_and_a_valid_address() -> None:
    with pytest.raises(SinkUnavailable) as info:
        EscPosSink("dummy").send(PrintJob("information-form", "CC01", b"%PDF"))
    assert info.value.code == "printing.escpos_needs_ticket"
    with pytest.raises(SinkUnavailable) as info:
        EscPosSink("lpt9:x").send(PrintJob("x", "x", b"", ticket=Ticket(())))
    assert info.value.code == "printing.escpos_bad_address"
    assert "tcp:" in info.value.text("vi")


class FakePrinterPort:
    """A TCP port like a network receipt printer's (port 9100): off, then on."""

    def __init__(self) -> None:
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()  # nothing listens: the printer is off
        self.received = bytearray()
        self._server: socket.socket | None = None
        self._thread: threading.Thread | None = None

    def switch_on(self) -> None:
        server = socket.socket()
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", self.port))
        server.listen(1)
        self._server = server

        def serve() -> None:
            conn, _ = server.accept()
            with conn:
                while chunk := conn.recv(65536):
                    self.received += chunk

        self._thread = threading.Thread(target=serve, daemon=True)
        self._thread.start()

    def wait_closed(self) -> None:
        assert self._thread is not None
        self._thread.join(timeout=10)

    def close(self) -> None:
        if self._server is not None:
            self._server.close()


@pytest.fixture
def printer_port() -> Iterator[FakePrinterPort]:
    port = FakePrinterPort()
    yield port
    port.close()


def test_spool_keeps_a_job_while_the_printer_is_off_and_prints_it_when_it_returns(
        tmp_path: Path, slip_job: PrintJob, printer_port: FakePrinterPort) -> None:
    spool = Spool(tmp_path / "spool", EscPosSink(f"tcp:127.0.0.1:{printer_port.port}"))
    result = spool.submit(slip_job)
    assert not result.printed
    assert isinstance(result.error, PrinterOffline)
    assert result.error.code == "printing.printer_offline"
    assert "hàng đợi" in result.error.text("vi")
    pending = spool.jobs("pending")
    assert [j.id for j in pending] == [result.job_id]
    assert pending[0].attempts == 1 and pending[0].last_error_code == "printing.printer_offline"
    assert spool.pdf(result.job_id) == slip_job.pdf  # visible and re-printable

    # still off: retrying keeps it
    assert [r.printed for r in spool.retry_pending()] == [False]
    assert spool.jobs("pending")[0].attempts == 2

    printer_port.switch_on()
    results = spool.retry_pending()
    printer_port.wait_closed()
    assert [(r.job_id, r.printed) for r in results] == [(result.job_id, True)]
    assert spool.jobs("pending") == []
    assert [j.id for j in spool.jobs("printed")] == [result.job_id]
    assert bytes(printer_port.received).startswith(b"\x1b@")
    assert b"TN-SC-01-20240816-0007" in printer_port.received


def test_a_printed_job_can_be_printed_again(tmp_path: Path, slip_job: PrintJob) -> None:
    sink = FolderSink(tmp_path / "out")
    spool = Spool(tmp_path / "spool", sink)
    first = spool.submit(slip_job)
    assert first.printed
    again = spool.reprint(first.job_id)
    assert again.printed and again.job_id != first.job_id
    assert len(list((tmp_path / "out").glob("*.pdf"))) == 2
    with pytest.raises(SpoolError) as info:
        spool.reprint("no-such-job")
    assert info.value.code == "printing.job_unknown"


def test_a_wrong_setting_raises_but_the_job_is_kept(tmp_path: Path, slip_job: PrintJob) -> None:
    spool = Spool(tmp_path / "spool", CupsSink("", lp="lp"))
    with pytest.raises(SinkUnavailable) as info:
        spool.submit(slip_job)
    assert info.value.code == "printing.printer_not_set"
    assert len(spool.jobs("pending")) == 1


def test_cups_not_installed_is_a_clear_message(tmp_path: Path, slip_job: PrintJob) -> None:
    sink = CupsSink("VirtualPDF", lp="no-such-lp-command")
    with pytest.raises(SinkUnavailable) as info:
        sink.send(slip_job)
    assert info.value.code == "printing.cups_missing"
    assert "CUPS" in info.value.text("vi") and "cups-client" in info.value.text("en")


def test_cups_scheduler_not_running_keeps_the_job(tmp_path: Path, slip_job: PrintJob,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    if not CupsSink("x").lp_path():  # pragma: no cover - lp is installed here
        pytest.skip("lp is not installed")
    monkeypatch.setenv("CUPS_SERVER", str(tmp_path / "no-cupsd.sock"))
    spool = Spool(tmp_path / "spool", CupsSink("VirtualPDF"))
    result = spool.submit(slip_job)
    assert not result.printed and result.error is not None
    assert result.error.code == "printing.cups_not_running"
    assert len(spool.jobs("pending")) == 1


@contextlib.contextmanager
def _tiny_disk(path: Path, size_kb: int) -> Iterator[Path]:
    path.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs",
                           str(path)], capture_output=True)
    if proc.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root): " + proc.stderr.decode())
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def test_a_full_disk_in_the_spool_folder_is_a_clear_message_and_loses_nothing(
        tmp_path: Path, slip_job: PrintJob) -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root to mount a small disk")
    with _tiny_disk(tmp_path / "disk", 256) as disk:
        out = tmp_path / "out"
        spool = Spool(disk / "spool", FolderSink(out))
        first = spool.submit(slip_job)
        assert first.printed
        # fill the disk
        with contextlib.suppress(OSError), (disk / "filler").open("wb") as fh:
            while True:
                fh.write(b"\0" * 4096)
                fh.flush()
        with pytest.raises(SpoolError) as info:
            spool.submit(slip_job)
        assert info.value.code == "printing.spool_full"
        assert "đầy" in info.value.text("vi") and "nothing was lost" in info.value.text("en")
        # nothing half-written, the earlier job is intact, nothing went to the printer
        assert spool.jobs("pending") == []
        assert not [p for p in (disk / "spool").rglob("*") if p.name.endswith(".tmp")]
        assert spool.pdf(first.job_id) == slip_job.pdf
        assert len(list(out.glob("*.pdf"))) == 1
        # space freed: the same job goes through
        (disk / "filler").unlink()
        assert spool.submit(slip_job).printed


def test_escpos_over_a_serial_line(slip_job: PrintJob) -> None:
    """A real serial transport: python-escpos's Serial printer on a pseudo-terminal."""
    import tty

    master, slave = os.openpty()
    tty.setraw(slave)
    received = bytearray()

    def read() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            received.extend(chunk)
            if received.endswith(b"\x1dV\x00"):
                return

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        assert EscPosSink(f"serial:{os.ttyname(slave)}").send(slip_job)
        reader.join(timeout=20)
    finally:
        os.close(slave)
        os.close(master)
    assert received.startswith(b"\x1b@") and received.endswith(b"\x1dV\x00")
    assert b"1P0TN-SC-01-20240816-0007" in received
    assert _raster(bytes(received)).shape[1] == DOTS


def test_a_long_name_wraps_on_the_roll_even_without_spaces() -> None:
    one = rasterize(Ticket((TicketLine("NGUYỄN", "bold"),)))
    spaced = rasterize(Ticket((TicketLine(" ".join(["NGUYỄN THỊ HỒNG NHUNG"] * 6), "bold"),)))
    solid = rasterize(Ticket((TicketLine("Đ" * 120, "bold"),)))
    for img in (spaced, solid):
        assert img.size[0] == DOTS
        assert img.size[1] >= 3 * (one.size[1] - 12)  # at least three lines
        ink = 1 - np.asarray(img.convert("L")) // 255
        assert ink[:, -4:].sum() == 0  # nothing runs off the right edge
