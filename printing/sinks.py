"""Where printed documents go: a folder, a CUPS queue (``lp``), an ESC/POS receipt printer —
and the spool folder in front of them, so a job for a printer that is off is kept, retried,
visible and re-printable.

The CUPS sink runs the ``lp`` command (POSIX; on Windows the desktop app prints through Qt's
QPrinter instead). Every sink raises :class:`PrintingError` subclasses with message codes.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import logging
import os
import re
import shutil
import subprocess
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from printing.errors import PrinterOffline, PrintingError, SinkUnavailable, SpoolError
from printing.thermal import Ticket, rasterize

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PrintJob:
    """One document to print: its PDF, and for a receipt printer its ticket."""

    document: str  # information-form, appointment-slip, fee-receipt, handover-slip, …
    title: str  # shown in queues and used for file names
    pdf: bytes = field(repr=False)
    paper: str = "A4"
    copies: int = 1
    ticket: Ticket | None = None


class Sink(Protocol):
    """Something that prints a job now or raises a PrintingError."""

    name: str

    def send(self, job: PrintJob) -> str:
        """Print ``job``; return a reference (file path, CUPS request id)."""
        ...


def _safe_name(title: str) -> str:
    name = re.sub(r"[^\w.-]+", "_", title, flags=re.UNICODE).strip("._")
    return name[:100] or "document"


def _is_disk_full(exc: OSError) -> bool:
    return exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG)


def _write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file and rename; on failure nothing is left behind."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


class FolderSink:
    """Writes each job as a PDF file into a folder (the default; also 'print to file')."""

    name = "folder"

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)

    def send(self, job: PrintJob) -> str:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            path = self.folder / f"{_safe_name(job.title)}.pdf"
            n = 1
            while path.exists():
                n += 1
                path = self.folder / f"{_safe_name(job.title)}-{n}.pdf"
            _write_atomic(path, job.pdf)
        except OSError as exc:
            raise PrinterOffline("printing.folder_unwritable", path=str(self.folder),
                                 detail=exc.strerror or str(exc)) from exc
        return str(path)


class CupsSink:
    """Prints through CUPS with ``lp -d PRINTER`` (the PDF is passed on stdin)."""

    name = "cups"

    def __init__(self, printer: str, lp: str = "lp", timeout_s: float = 30.0,
                 extra_options: tuple[str, ...] = ()) -> None:
        self.printer = printer
        self.lp = lp
        self.timeout_s = timeout_s
        self.extra_options = extra_options

    def lp_path(self) -> str:
        path = shutil.which(self.lp)
        if path is None:
            raise SinkUnavailable("printing.cups_missing")
        return path

    def send(self, job: PrintJob) -> str:
        if not self.printer:
            raise SinkUnavailable("printing.printer_not_set", setting="printing.cups_printer")
        cmd = [self.lp_path(), "-d", self.printer, "-t", job.title, "-n", str(job.copies)]
        if job.paper in ("A4", "A5"):
            cmd += ["-o", f"media={job.paper}"]
        for opt in self.extra_options:
            cmd += ["-o", opt]
        env = dict(os.environ, LC_ALL="C", LANG="C")
        try:
            proc = subprocess.run(cmd, input=job.pdf, capture_output=True, env=env,
                                  timeout=self.timeout_s, check=False)
        except subprocess.TimeoutExpired as exc:
            raise PrinterOffline("printing.cups_not_running") from exc
        except OSError as exc:
            raise SinkUnavailable("printing.cups_missing") from exc
        out = proc.stdout.decode("utf-8", "replace")
        err = proc.stderr.decode("utf-8", "replace").strip()
        if proc.returncode != 0:
            raise self._classify(err, env)
        match = re.search(r"request id is (\S+)", out)
        return match.group(1) if match else out.strip()

    def _scheduler_running(self, env: dict[str, str]) -> bool:
        """lp says "printer does not exist" also when no scheduler answers: ask lpstat."""
        lpstat = shutil.which("lpstat")
        if lpstat is None:
            return True
        try:
            out = subprocess.run([lpstat, "-r"], capture_output=True, env=env, check=False,
                                 timeout=self.timeout_s).stdout.decode("utf-8", "replace")
        except (OSError, subprocess.TimeoutExpired):
            return False
        return "not running" not in out

    def _classify(self, err: str, env: dict[str, str]) -> PrintingError:
        low = err.lower()
        if "does not exist" in low or "not found" in low and "printer" in low:
            if not self._scheduler_running(env):
                return PrinterOffline("printing.cups_not_running")
            return SinkUnavailable("printing.printer_unknown", printer=self.printer)
        if "not accepting" in low:
            return PrinterOffline("printing.printer_rejecting", printer=self.printer)
        if ("scheduler is not running" in low or "unable to connect" in low
                or "connection refused" in low or "no such file" in low):
            return PrinterOffline("printing.cups_not_running")
        return PrinterOffline("printing.lp_failed", printer=self.printer, detail=err or "lp")


def escpos_printer(address: str) -> Any:
    """A python-escpos printer for ``usb:VID:PID``, ``tcp:HOST[:PORT]``, ``serial:DEVICE``
    (``[:BAUD]``) or ``dummy``."""
    try:
        from escpos import printer as escpos_printers
    except ImportError as exc:  # pragma: no cover - installed with the app
        raise SinkUnavailable("printing.escpos_missing", detail=str(exc)) from exc
    kind, _, rest = address.partition(":")
    needs = {"usb": ("Usb", "pyusb"), "serial": ("Serial", "pyserial")}
    if kind in needs and not getattr(escpos_printers, needs[kind][0]).is_usable():
        raise SinkUnavailable("printing.escpos_missing", detail=needs[kind][1])
    try:
        if kind == "usb":
            vid, pid = rest.split(":")[:2]
            return escpos_printers.Usb(int(vid, 16), int(pid, 16))
        if kind == "tcp":
            host, _, port = rest.rpartition(":") if rest.count(":") else (rest, "", "9100")
            return escpos_printers.Network(host or rest, int(port or 9100), timeout=5)
        if kind == "serial":
            dev, _, baud = rest.partition("@")
            return escpos_printers.Serial(devfile=dev, baudrate=int(baud or 9600))
        if kind == "dummy":
            return escpos_printers.Dummy()
    except (ValueError, IndexError) as exc:
        raise SinkUnavailable("printing.escpos_bad_address", address=address) from exc
    raise SinkUnavailable("printing.escpos_bad_address", address=address)


class EscPosSink:
    """Prints tickets (slip, receipt) on an ESC/POS thermal printer via python-escpos: the text
    as a bitmap, then the printer's native QR code and Code128 barcode, then a cut."""

    name = "escpos"

    def __init__(self, address: str = "", factory: Callable[[], Any] | None = None) -> None:
        self.address = address
        self.factory = factory or (lambda: escpos_printer(address))
        self.last_printer: Any = None  # the last printer object used (a Dummy in tests)

    def send(self, job: PrintJob) -> str:
        if job.ticket is None:
            raise SinkUnavailable("printing.escpos_needs_ticket")
        image = rasterize(job.ticket)
        printer = self.factory()
        self.last_printer = printer
        try:
            with contextlib.redirect_stdout(io.StringIO()):  # the library prints notes
                self._write_ticket(printer, job.ticket, image)
        except PrintingError:
            raise
        except Exception as exc:  # noqa: BLE001 - every transport error means "printer off"
            raise PrinterOffline("printing.printer_offline", printer=self.address or "ESC/POS",
                                 detail=f"{type(exc).__name__}: {exc}") from exc
        finally:
            with contextlib.suppress(Exception):
                printer.close()
        return self.address or "escpos"

    def _write_ticket(self, printer: Any, ticket: Ticket, image: Any) -> None:
        self._open(printer)
        printer.hw("INIT")
        printer.image(image, impl="bitImageRaster")
        if ticket.qr:
            printer.set(align="center")
            printer.qr(ticket.qr, size=6, native=True)
        if ticket.barcode:
            printer.barcode("{B" + ticket.barcode, "CODE128", height=80, width=2,
                            pos="BELOW", function_type="B")
        printer.cut()

    @staticmethod
    def _open(printer: Any) -> None:
        """Open the connection. For a network printer we connect ourselves: python-escpos
        leaks the socket when the printer is off."""
        from escpos.printer import Network

        if isinstance(printer, Network):
            import socket

            printer.device = socket.create_connection((printer.host, printer.port),
                                                      timeout=printer.timeout)
        else:
            printer.open()


# ---------------------------------------------------------------------------------------------
# The spool


@dataclass(frozen=True)
class JobInfo:
    """A job as the spool shows it."""

    id: str
    state: str  # pending | printed
    document: str
    title: str
    sink: str
    created_at: str
    attempts: int
    last_error: str | None
    last_error_code: str | None
    reference: str | None


@dataclass(frozen=True)
class SpoolResult:
    job_id: str
    printed: bool
    reference: str | None = None
    error: PrintingError | None = None


class Spool:
    """A folder of jobs in front of a sink: ``pending/`` (waiting or failed) and ``printed/``
    (kept for re-printing). A job is written to disk before the sink is tried, so a printer
    that is off loses nothing; ``retry_pending()`` sends what waits, oldest first."""

    def __init__(self, folder: Path | str, sink: Sink, keep_printed: int = 200) -> None:
        self.folder = Path(folder)
        self.sink = sink
        self.keep_printed = keep_printed
        self.pending = self.folder / "pending"
        self.printed = self.folder / "printed"

    # -- writing --------------------------------------------------------------------------

    def _meta(self, job: PrintJob, job_id: str) -> dict[str, Any]:
        return {"id": job_id, "document": job.document, "title": job.title,
                "paper": job.paper, "copies": job.copies, "sink": self.sink.name,
                "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "attempts": 0, "last_error": None, "last_error_code": None,
                "reference": None,
                "ticket": job.ticket.to_json() if job.ticket else None}

    def _store(self, job: PrintJob) -> str:
        job_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f") + "-" + uuid.uuid4().hex[:6]
        pdf = self.pending / f"{job_id}.pdf"
        try:
            self.pending.mkdir(parents=True, exist_ok=True)
            self.printed.mkdir(parents=True, exist_ok=True)
            _write_atomic(pdf, job.pdf)
            try:
                self._write_meta(self.pending / f"{job_id}.json", self._meta(job, job_id))
            except BaseException:
                with contextlib.suppress(OSError):
                    pdf.unlink()
                raise
        except OSError as exc:
            if _is_disk_full(exc):
                raise SpoolError("printing.spool_full", path=str(self.folder)) from exc
            raise SpoolError("printing.spool_unwritable", path=str(self.folder),
                             detail=exc.strerror or str(exc)) from exc
        return job_id

    @staticmethod
    def _write_meta(path: Path, meta: dict[str, Any]) -> None:
        _write_atomic(path, json.dumps(meta, ensure_ascii=False, indent=1).encode("utf-8"))

    def _read_meta(self, path: Path) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return data

    # -- printing -------------------------------------------------------------------------

    def submit(self, job: PrintJob) -> SpoolResult:
        """Keep the job, then try to print it. A printer that is off leaves it pending
        (``printed=False`` with the error); a setting that is wrong raises after keeping it."""
        job_id = self._store(job)
        return self._attempt(job_id)

    def _load(self, folder: Path, job_id: str) -> tuple[PrintJob, dict[str, Any]]:
        meta = self._read_meta(folder / f"{job_id}.json")
        pdf = (folder / f"{job_id}.pdf").read_bytes()
        ticket = Ticket.from_json(meta["ticket"]) if meta.get("ticket") else None
        return PrintJob(meta["document"], meta["title"], pdf, meta.get("paper", "A4"),
                        int(meta.get("copies", 1)), ticket), meta

    def _attempt(self, job_id: str) -> SpoolResult:
        job, meta = self._load(self.pending, job_id)
        meta["attempts"] = int(meta.get("attempts", 0)) + 1
        meta["sink"] = self.sink.name
        try:
            reference = self.sink.send(job)
        except PrintingError as exc:
            meta["last_error"] = exc.text("en")
            meta["last_error_code"] = exc.code
            meta["last_error_at"] = datetime.now(UTC).isoformat(timespec="seconds")
            with contextlib.suppress(OSError):
                self._write_meta(self.pending / f"{job_id}.json", meta)
            log.warning("print job %s kept in the spool: %s", job_id, exc.code)
            if exc.retryable:
                return SpoolResult(job_id, False, None, exc)
            raise
        meta["reference"] = reference
        meta["printed_at"] = datetime.now(UTC).isoformat(timespec="seconds")
        meta["last_error"] = meta["last_error_code"] = None
        with contextlib.suppress(OSError):  # a full disk must not make a printed job pending
            self._write_meta(self.pending / f"{job_id}.json", meta)
        for ext in (".pdf", ".json"):
            os.replace(self.pending / f"{job_id}{ext}", self.printed / f"{job_id}{ext}")
        self._trim()
        return SpoolResult(job_id, True, reference)

    def retry_pending(self) -> list[SpoolResult]:
        """Try every pending job again, oldest first; stop at the first one that still fails
        with a retryable error (the printer is still off)."""
        results: list[SpoolResult] = []
        for info in self.jobs("pending"):
            try:
                result = self._attempt(info.id)
            except PrintingError as exc:
                results.append(SpoolResult(info.id, False, None, exc))
                break
            results.append(result)
            if not result.printed:
                break
        return results

    def reprint(self, job_id: str) -> SpoolResult:
        """Print a kept job again (a printed one is copied back to pending first)."""
        if (self.pending / f"{job_id}.json").exists():
            return self._attempt(job_id)
        if not (self.printed / f"{job_id}.json").exists():
            raise SpoolError("printing.job_unknown", job=job_id)
        job, _meta = self._load(self.printed, job_id)
        return self.submit(job)

    def discard(self, job_id: str) -> None:
        """Remove a pending job (the operator gave up on it)."""
        found = False
        for ext in (".pdf", ".json"):
            with contextlib.suppress(FileNotFoundError):
                (self.pending / f"{job_id}{ext}").unlink()
                found = True
        if not found:
            raise SpoolError("printing.job_unknown", job=job_id)

    def pdf(self, job_id: str) -> bytes:
        for folder in (self.pending, self.printed):
            path = folder / f"{job_id}.pdf"
            if path.exists():
                return path.read_bytes()
        raise SpoolError("printing.job_unknown", job=job_id)

    def jobs(self, state: str | None = None) -> list[JobInfo]:
        """Jobs in the spool, oldest first; ``state`` is "pending", "printed" or None."""
        out: list[JobInfo] = []
        for st, folder in (("pending", self.pending), ("printed", self.printed)):
            if state not in (None, st) or not folder.is_dir():
                continue
            for path in sorted(folder.glob("*.json")):
                try:
                    m = self._read_meta(path)
                except (OSError, ValueError):
                    continue
                out.append(JobInfo(m["id"], st, m["document"], m["title"], m.get("sink", ""),
                                   m.get("created_at", ""), int(m.get("attempts", 0)),
                                   m.get("last_error"), m.get("last_error_code"),
                                   m.get("reference")))
        return out

    def _trim(self) -> None:
        done = sorted(self.printed.glob("*.json"))
        for path in done[: max(0, len(done) - self.keep_printed)]:
            for ext in (".pdf", ".json"):
                with contextlib.suppress(OSError):
                    path.with_suffix(ext).unlink()
