"""Printed documents of an application: build the printing data from the ORM, render, send
to the configured printer through the spool, and audit every print (action "document.print").

    service = DocumentService(settings)
    doc = service.render(session, actor, "appointment-slip", "TN-SC-01-20240816-0007")
    result = service.print(session, actor, "appointment-slip", number)    # through the spool

``render`` and ``print`` check the ``document.print`` permission and add the audit entry in
the caller's transaction (use a write session).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.applications import Application
from printing.data import Applicant, ApplicationData, BiometricEntry, Issuer
from workstation.errors import UsageError, UserFacingError
from workstation.security import Actor, require
from workstation.security.audit import record as audit

if TYPE_CHECKING:
    from printing.sinks import Sink, Spool, SpoolResult
    from printing.thermal import Ticket
    from workstation.settings import Settings

log = logging.getLogger(__name__)

# CLI kind → (papers it can use, enrollment's name for it)
KINDS: dict[str, tuple[tuple[str, ...], str]] = {
    "information-form": (("A4", "A5"), "cc01"),
    "appointment-slip": (("A4", "A5", "80mm"), "cc02"),
    "fee-receipt": (("A4", "A5", "80mm"), "fee_receipt"),
    "handover-slip": (("A4", "A5"), "handover"),
}
REGISTER = "daily-register"


@dataclass(frozen=True)
class RenderedDocument:
    """A rendered document: the PDF and, for the slip and the receipt, the thermal ticket."""

    kind: str
    title: str
    paper: str
    pdf: bytes
    ticket: Ticket | None = None


def issuer_from_settings(settings: Settings) -> Issuer:
    return Issuer(
        parent_agency=settings["printing.parent_agency"],
        agency=settings["station.name"],
        address=settings["station.address"],
        place_name=settings["printing.place_name"],
        station_code=settings["station.code"],
        counter=settings["station.counter"],
    )


def application_data(app: Application, photo: bytes | None = None) -> ApplicationData:
    """The plain data the documents need, taken from an application and its captures."""
    entries = tuple(
        BiometricEntry(b.modality, b.position, captured=b.exception_reason is None,
                       exception_reason=b.exception_reason, quality=b.quality)
        for b in app.biometrics
    )
    raw: dict[str, Any] = dict(app.applicant or {})
    return ApplicationData(
        number=app.number,
        kind=app.kind,
        reason=app.reason,
        state=app.state,
        channel=app.channel,
        age_group=app.age_group or "",
        applicant=Applicant.from_mapping(app.applicant_pid, raw),
        received_on=app.received_on,
        representative_pid=app.representative_pid,
        representative_name=app.representative_name,
        representative_relationship=app.representative_relationship,
        representative_basis=app.representative_basis,
        collect_face=bool(app.collect_face),
        collect_fingerprints=bool(app.collect_fingerprints),
        collect_iris=bool(app.collect_iris),
        fee_vnd=int(app.fee_vnd or 0),
        fee_rule=app.fee_rule,
        exemptions=tuple(app.exemptions or ()),
        card_expiry=app.card_expiry,
        return_by=app.return_by,
        current_card_type=app.current_card_type,
        current_card_number=app.current_card_number,
        current_card_issued_on=app.current_card_issued_on,
        current_card_expires_on=app.current_card_expires_on,
        old_document_collected=bool(app.old_document_collected),
        phone=app.phone,
        email=app.email,
        pickup=app.pickup or "counter",
        postal_address=app.postal_address,
        receipt_serial=app.receipt_serial,
        fee_paid_at=app.fee_paid_at,
        new_card_number=app.new_card_number,
        handed_over_to=app.handed_over_to,
        handed_over_at=app.handed_over_at,
        officer_name=app.officer_name,
        officer_username=app.created_by,
        note=app.note,
        biometrics=entries,
        face_photo=photo,
    )


def face_photo(session: Session, app: Application, settings: Settings | None) -> bytes | None:
    """The decrypted face photo, or None when there is none (or it cannot be opened: the sheet
    is then printed without it and the reason is logged, never the image)."""
    faces = [b for b in app.biometrics if b.modality == "face" and b.ciphertext is not None
             and b.exception_reason is None and b.purged_at is None]
    if not faces:
        return None
    try:
        from workstation.security.crypto import load_vault
    except ImportError:  # pragma: no cover - the security module ships with the app
        return None
    try:
        return load_vault(session, settings).open_record(faces[-1])
    except UserFacingError as exc:
        log.warning("face photo of %s not printed: %s", app.number, exc.code)
        return None


class DocumentService:
    """Renders and prints an application's documents with the station's settings."""

    def __init__(self, settings: Settings, *, sink: Sink | None = None,
                 receipt_sink: Sink | None = None, spool_folder: Path | None = None) -> None:
        self.settings = settings
        self._sink = sink
        self._receipt_sink = receipt_sink
        self._spool_folder = spool_folder

    # -- rendering ------------------------------------------------------------------------

    def _paper(self, kind: str, paper: str | None) -> str:
        if paper:
            return paper
        if kind in ("appointment-slip", "fee-receipt"):
            return str(self.settings["printing.slip_paper"])
        return str(self.settings["printing.paper"])

    @staticmethod
    def find(session: Session, number: str) -> Application:
        app = session.scalar(select(Application).where(Application.number == number.strip()))
        if app is None:
            raise UserFacingError("printing.application_unknown", number=number)
        return app

    def build(self, session: Session, kind: str, number: str, paper: str | None = None,
              invariant: bool = False) -> RenderedDocument:
        """Render without permission check or audit (the callers below do both)."""
        from printing import data as d
        from printing import thermal
        from printing.errors import PrintingError

        if kind not in KINDS:
            raise UsageError("printing.unknown_document", kind=kind,
                             kinds=", ".join([*KINDS, REGISTER]))
        paper = self._paper(kind, paper)
        if paper not in KINDS[kind][0]:
            raise UsageError("printing.unknown_paper", paper=paper, kind=kind,
                             papers=", ".join(KINDS[kind][0]))
        app = self.find(session, number)
        photo = face_photo(session, app, self.settings) if kind == "information-form" else None
        data = application_data(app, photo)
        issuer = issuer_from_settings(self.settings)
        ticket = None
        try:
            if kind == "information-form":
                from printing.cc01 import render_information_sheet

                sheet = d.information_sheet(data, issuer)
                pdf = render_information_sheet(sheet, paper, invariant)
                title = f"CC01 {app.number}"
            elif kind == "appointment-slip":
                from printing.cc02 import render_appointment_slip

                slip = d.appointment_slip(data, issuer)
                pdf = render_appointment_slip(slip, paper, invariant)
                ticket = thermal.slip_ticket(slip)
                title = f"CC02 {app.number}"
            elif kind == "fee-receipt":
                from printing.receipt import render_fee_receipt

                receipt = d.fee_receipt(data, issuer)
                pdf = render_fee_receipt(receipt, paper, invariant)
                ticket = thermal.receipt_ticket(receipt)
                title = f"BL {app.number}"
            else:
                from printing.handover import render_handover_record

                record = d.handover_record(data, issuer)
                pdf = render_handover_record(record, paper, invariant)
                title = f"BBGN {app.number}"
        except PrintingError as exc:
            raise UserFacingError(exc.code, **exc.params) from exc
        return RenderedDocument(kind, title, paper, pdf, ticket)

    def build_register(self, session: Session, day: date, paper: str | None = None,
                       invariant: bool = False) -> RenderedDocument:
        from printing import data as d
        from printing.errors import PrintingError
        from printing.register import render_daily_register

        paper = paper or str(self.settings["printing.paper"])
        if paper not in ("A4", "A5"):
            raise UsageError("printing.unknown_paper", paper=paper, kind=REGISTER,
                             papers="A4, A5")
        apps = session.scalars(select(Application).where(Application.received_on == day)
                               .order_by(Application.number)).all()
        register = d.daily_register(day, [application_data(a) for a in apps],
                                    issuer_from_settings(self.settings))
        try:
            pdf = render_daily_register(register, paper, invariant)
        except PrintingError as exc:
            raise UserFacingError(exc.code, **exc.params) from exc
        return RenderedDocument(REGISTER, f"SO {day.isoformat()}", paper, pdf)

    def render(self, session: Session, actor: Actor, kind: str, number: str,
               paper: str | None = None, *, invariant: bool = False,
               destination: str = "file") -> RenderedDocument:
        """Check permission, render, audit ("document.print") in the caller's transaction."""
        require(actor, "document.print")
        doc = self.build(session, kind, number, paper, invariant)
        audit(session, actor, "document.print", "application", number,
              {"document": kind, "paper": doc.paper, "destination": destination})
        return doc

    def render_register(self, session: Session, actor: Actor, day: date,
                        paper: str | None = None, *, invariant: bool = False,
                        destination: str = "file") -> RenderedDocument:
        # the register is a report the leader signs: either permission lets one print it
        if actor is None or not (actor.has("document.print") or actor.has("reports.read")):
            require(actor, "document.print")
        doc = self.build_register(session, day, paper, invariant)
        audit(session, actor, "document.print", "daily_register", day.isoformat(),
              {"document": REGISTER, "paper": doc.paper, "destination": destination})
        return doc

    # -- printing -------------------------------------------------------------------------

    def spool_folder(self) -> Path:
        if self._spool_folder is not None:
            return self._spool_folder
        configured = self.settings["printing.spool_folder"]
        if configured:
            return Path(configured)
        from workstation.settings import data_dir

        return data_dir() / "spool"

    def main_sink(self) -> Sink:
        if self._sink is not None:
            return self._sink
        from printing.sinks import CupsSink, EscPosSink, FolderSink

        kind = self.settings["printing.sink"]
        if kind == "cups":
            return CupsSink(self.settings["printing.cups_printer"])
        if kind == "escpos":
            return EscPosSink(self.settings["printing.receipt_printer"])
        folder = self.settings["printing.folder"]
        if not folder:
            from workstation.settings import data_dir

            folder = str(data_dir() / "printed")
        return FolderSink(folder)

    def receipt_sink(self) -> Sink | None:
        """The ESC/POS printer for slips and receipts on the 80 mm roll, if one is set."""
        if self._receipt_sink is not None:
            return self._receipt_sink
        address = self.settings["printing.receipt_printer"]
        if not address:
            return None
        from printing.sinks import EscPosSink

        return EscPosSink(address)

    def spool_for(self, doc: RenderedDocument) -> Spool:
        from printing.sinks import Spool

        receipt = self.receipt_sink()
        if doc.ticket is not None and doc.paper == "80mm" and receipt is not None:
            return Spool(self.spool_folder() / "receipt", receipt)
        return Spool(self.spool_folder() / "main", self.main_sink())

    def print(self, session: Session, actor: Actor, kind: str, number: str,
              paper: str | None = None) -> SpoolResult:
        """Render and send to the printer through the spool; audited. A printer that is off
        keeps the job (``printed=False``); a wrong setting raises a UserFacingError."""
        doc = self.render(session, actor, kind, number, paper, destination="printer")
        return self.send(doc)

    def send(self, doc: RenderedDocument) -> SpoolResult:
        """Send a rendered document through its spool (jobs still waiting go first). A wrong
        setting (printer name, CUPS missing) raises a UserFacingError; the job is kept."""
        from printing.errors import PrintingError
        from printing.sinks import PrintJob

        spool = self.spool_for(doc)
        try:
            spool.retry_pending()
            return spool.submit(PrintJob(doc.kind, doc.title, doc.pdf, doc.paper, 1,
                                         doc.ticket))
        except PrintingError as exc:
            raise UserFacingError(exc.code, **exc.params) from exc
