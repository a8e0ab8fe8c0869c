"""End to end through a real cupsd with the virtual PDF printer (scripts/services/cups.sh):
the PDF that comes out of the queue is read back."""

from __future__ import annotations

import subprocess
import time
import uuid
from pathlib import Path

import numpy as np
import pytest

from printing import data as d
from printing import samples
from printing.cc01 import render_information_sheet
from printing.errors import PrinterOffline, SinkUnavailable
from printing.sinks import CupsSink, PrintJob, Spool
from tests.printing.conftest import page_sizes, pdf_text, render_pages

pytestmark = pytest.mark.cups
ROOT = Path(__file__).resolve().parents[2]


def _wait_for_pdf(folder: Path, marker: str, timeout_s: float = 60.0) -> Path:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        found = [p for p in folder.glob("*.pdf") if marker in p.name]
        if found and found[0].stat().st_size > 0:
            size = found[0].stat().st_size
            time.sleep(0.2)  # cups-pdf writes then renames; make sure it is complete
            if found[0].stat().st_size == size:
                return found[0]
        time.sleep(0.1)
    raise AssertionError(f"no PDF with {marker!r} in {folder} after {timeout_s} s")


def _job(marker: str) -> PrintJob:
    sheet = d.information_sheet(samples.adult_renewal(), samples.ISSUER)
    return PrintJob("information-form", f"CC01 {marker}", render_information_sheet(sheet),
                    "A4")


def test_a_document_goes_through_cups_and_comes_out_as_a_pdf(cups_env: dict[str, str],
                                                             tmp_path: Path) -> None:
    (tmp_path / "sent").mkdir()
    (tmp_path / "came").mkdir()
    printer = cups_env["WORKSTATION_TEST_CUPS_PRINTER"]
    marker = uuid.uuid4().hex[:10]
    job = _job(marker)
    reference = CupsSink(printer).send(job)
    assert reference.startswith(printer + "-")
    out = _wait_for_pdf(Path(cups_env["WORKSTATION_TEST_CUPS_OUT"]), marker)
    try:
        printed = out.read_bytes()
        # cups-pdf rebuilds the PDF through PostScript and Ghostscript: the Vietnamese text
        # loses its Unicode mapping on the way, so compare what the pages look like, and the
        # plain ASCII text.
        text = " ".join(pdf_text(printed).split())
        assert "TN-SC-01-20240816-0007" in text and "019092001234" in text
        for got, want in zip(page_sizes(printed), page_sizes(job.pdf), strict=True):
            assert got == pytest.approx(want, abs=1)
        sent = render_pages(job.pdf, 40, tmp_path / "sent")
        came = render_pages(printed, 40, tmp_path / "came")
        assert len(sent) == len(came) == len(page_sizes(job.pdf)) >= 1
        for a, b in zip(sent, came, strict=True):
            assert a.shape == b.shape
            diff = np.abs(a.astype(int) - b.astype(int))
            shifted = np.abs(np.roll(a, 2, axis=0).astype(int) - b.astype(int))
            # only anti-aliasing differs: far closer than the same page moved by 2 pixels
            assert diff.mean() < 6 and diff.mean() < shifted.mean() / 3
            assert (diff > 128).mean() < 0.02
    finally:
        out.unlink()


def test_a_printer_name_that_does_not_exist(cups_env: dict[str, str]) -> None:
    with pytest.raises(SinkUnavailable) as info:
        CupsSink("NoSuchPrinter").send(_job("x"))
    assert info.value.code == "printing.printer_unknown"
    assert "NoSuchPrinter" in info.value.text("vi")


def test_a_queue_that_rejects_jobs_keeps_them_in_the_spool_until_it_accepts(
        cups_env: dict[str, str], tmp_path: Path) -> None:
    printer = cups_env["WORKSTATION_TEST_CUPS_PRINTER"]
    marker = uuid.uuid4().hex[:10]
    spool = Spool(tmp_path / "spool", CupsSink(printer))
    subprocess.run(["cupsreject", printer], check=True, capture_output=True)
    try:
        result = spool.submit(_job(marker))
        assert not result.printed
        assert isinstance(result.error, PrinterOffline)
        assert result.error.code == "printing.printer_rejecting"
        assert [j.id for j in spool.jobs("pending")] == [result.job_id]
    finally:
        subprocess.run(["cupsaccept", printer], check=True, capture_output=True)
    [again] = spool.retry_pending()
    assert again.printed and again.reference and again.reference.startswith(printer)
    out = _wait_for_pdf(Path(cups_env["WORKSTATION_TEST_CUPS_OUT"]), marker)
    out.unlink()
