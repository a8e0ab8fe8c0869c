"""The application lifecycle service: every transition checked, audited and one transaction.

Each public method opens ONE write transaction (``Database.write_session``), checks the actor's
permission, the application's state and version (optimistic locking: a window that loaded an
older version loses with ``enrollment.conflict``), the transition's preconditions and, where
the law is concerned, the rules (``workstation.checking.check``); then it changes the row, adds
the ``ApplicationEvent`` and the audit entry. Nothing is half-saved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from models.applications import (
    OPEN_STATES,
    STATES,
    Application,
    ApplicationEvent,
    BiometricRecord,
    Counter,
)
from models.db import Database, DatabaseError, classify
from models.records import ParentLink, Resident
from resources.messages import message
from workstation.enrollment import forms, seams
from workstation.enrollment.lifecycle import FINGER_POSITIONS, IRIS_POSITIONS, TRANSITIONS
from workstation.errors import UserFacingError, ValidationFailed
from workstation.security import Actor, require
from workstation.settings import Settings

DOCUMENTS = ("cc01", "cc02", "fee_receipt", "handover")
MODALITIES = ("face", "finger", "iris", "signature")


@dataclass(frozen=True)
class PrintedDocument:
    """A document sent to the printer: the PDF (for the preview) and whether it came out."""

    application: Application
    kind: str
    pdf: bytes
    printed: bool
    error: str | None = None


class EnrollmentError(UserFacingError):
    """A refusal whose ``state`` and ``action`` parameters are translated with the message."""

    def __init__(self, code: str, /, **params: Any) -> None:
        super().__init__(code, **params)
        self.args = (self.text("en"),)

    def text(self, lang: str = "vi") -> str:
        params = dict(self.params)
        for key in ("state", "action"):
            if key in params:
                params[key] = message(f"enrollment.{key}.{params[key]}", lang)
        return message(self.code, lang, **params)


class Conflict(EnrollmentError):
    """Someone else changed the application since this window loaded it."""


def _now() -> datetime:
    return datetime.now(UTC)


class EnrollmentService:
    """Applications from the first keystroke at reception to the card handed over."""

    def __init__(self, db: Database, settings: Settings, *,
                 today: Callable[[], date] | None = None, lang: str = "vi") -> None:
        self.db = db
        self.settings = settings
        self.today = today or date.today
        self.lang = lang

    # ----------------------------------------------------------------- plumbing
    @contextmanager
    def _write(self) -> Iterator[Session]:
        """One write transaction (``Database.write_session``: SQLite ``BEGIN IMMEDIATE``),
        with database and version errors turned into messages for the user."""
        try:
            with self.db.write_session() as session:
                yield session
        except OperationalError as exc:
            raise UserFacingError(classify(exc).code, detail=classify(exc).detail) from exc
        except StaleDataError as exc:
            raise Conflict("enrollment.conflict_unknown") from exc
        except DatabaseError as exc:
            raise UserFacingError(exc.code, detail=exc.detail) from exc

    def transaction(self) -> Any:
        """A write transaction for other counter services (card reads, prints) to audit in."""
        return self._write()

    @contextmanager
    def _read(self) -> Iterator[Session]:
        try:
            with self.db.session() as session:
                yield session
        except DatabaseError as exc:
            raise UserFacingError(exc.code, detail=exc.detail) from exc

    @staticmethod
    def _load(session: Session, app_id: int, expected_version: int | None) -> Application:
        app = session.get(Application, app_id)
        if app is None:
            raise UserFacingError("enrollment.not_found", number=str(app_id))
        if expected_version is not None and app.version != expected_version:
            who = session.scalar(
                select(ApplicationEvent.username).where(ApplicationEvent.application_id == app.id)
                .order_by(ApplicationEvent.id.desc()).limit(1)
            )
            raise Conflict("enrollment.conflict", number=app.number,
                           state=app.state, user=who or "-")
        return app

    def _event(self, session: Session, actor: Actor, app: Application, from_state: str | None,
               to_state: str, action: str, details: dict[str, Any] | None = None,
               note: str | None = None) -> None:
        session.add(ApplicationEvent(application_id=app.id, username=actor.username,
                                     from_state=from_state, to_state=to_state, note=note))
        payload = {"number": app.number, "from": from_state, "to": to_state, **(details or {})}
        seams.audit(session, actor, f"application.{action}", "application", app.number, payload)

    def _transition(self, session: Session, actor: Actor, app: Application, action: str,
                    details: dict[str, Any] | None = None, note: str | None = None,
                    permission: str | None = None) -> None:
        t = TRANSITIONS[action]
        require(actor, permission or t.permission)
        if app.state not in t.sources:
            raise EnrollmentError("enrollment.wrong_state", number=app.number,
                                  state=app.state,
                                  action=action)
        from_state = app.state
        app.state = t.target
        self._event(session, actor, app, from_state, t.target, action, details, note)

    @staticmethod
    def _next_in_sequence(session: Session, name: str) -> int:
        """The next value of a named sequence, taken inside the caller's write transaction."""
        counter = session.get(Counter, name, with_for_update=True)
        if counter is None:
            counter = Counter(name=name, value=0)
            session.add(counter)
        counter.value = (counter.value or 0) + 1
        return counter.value

    def _next_number(self, session: Session, day: date) -> str:
        station = self.settings["station.code"]
        n = self._next_in_sequence(session, f"application:{station}:{day:%Y%m%d}")
        return f"{station}-{day:%Y%m%d}-{n:04d}"

    def _next_receipt(self, session: Session, day: date) -> str:
        station = self.settings["station.code"]
        n = self._next_in_sequence(session, f"receipt:{station}:{day:%Y}")
        return f"BL-{station}-{day:%Y}-{n:06d}"

    # ----------------------------------------------------------------- drafts
    def save_draft(self, actor: Actor, application_id: int | None, fields: dict[str, Any],
                   expected_version: int | None = None) -> Application:
        """Create or update a draft with the form as typed; an unchanged form writes nothing.

        Editing a verified application brings it back to ``draft`` (it must be checked again).
        """
        form = forms.normalise(fields)
        with self._write() as s:
            if application_id is None:
                require(actor, "application.create")
                today = self.today()
                app = Application(
                    number=self._next_number(s, today),
                    station_code=self.settings["station.code"],
                    state="draft",
                    kind=form.get("kind") or "first_issue",
                    channel="counter",
                    applicant_pid=str(form.get("pid", ""))[:12],
                    applicant={},
                    age_group="",
                    received_on=today,
                    form=form,
                    printed={},
                    created_by=actor.username,
                    officer_name=actor.full_name or actor.username,
                )
                s.add(app)
                s.flush()
                self._event(s, actor, app, None, "draft", "create")
                return app
            app = self._load(s, application_id, expected_version)
            require(actor, "application.edit")
            merged = {**(app.form or {}), **form}
            if merged == (app.form or {}):
                return app
            if app.state == "verified":
                self._transition(s, actor, app, "reopen")
            elif app.state != "draft":
                raise EnrollmentError("enrollment.not_editable", number=app.number,
                                      state=app.state)
            app.form = merged
            app.applicant_pid = str(merged.get("pid", ""))[:12]
            if merged.get("kind") in forms.KINDS:
                app.kind = str(merged["kind"])
            s.flush()
            return app

    def evaluate(self, fields: dict[str, Any], application_id: int | None = None) -> dict[str, Any]:
        """The live decision for a form (nothing saved): form findings plus the law's answer."""
        today = self.today()
        parsed = forms.parse(fields, today, self.lang)
        with self._read() as s:
            answer = seams.check(s, forms.check_request(fields, today), today, self.settings,
                                 self.lang)
            answer = self._without_own_open(s, answer, parsed.values.get("pid") or "",
                                            application_id)
        # Where the form itself has an error, its message is the precise one: the rules'
        # finding on the same field (e.g. dob.invalid for "31/02") would only repeat it.
        own = {f.field for f in parsed.findings if f.severity == "error"}
        findings = [f.as_dict() for f in parsed.findings]
        findings += [f for f in answer.get("findings", [])
                     if str(f.get("field", "")).removeprefix("applicant.") not in own]
        answer["findings"] = findings
        answer["ok"] = not any(f.get("severity") == "error" for f in findings)
        return answer

    @staticmethod
    def _without_own_open(session: Session, answer: dict[str, Any], pid: str,
                          application_id: int | None) -> dict[str, Any]:
        """Drop ``application.open_exists`` when the open application is the one being edited."""
        findings = list(answer.get("findings", []))
        if not any(f.get("code") == "application.open_exists" for f in findings):
            return answer
        others = session.scalar(
            select(func.count()).select_from(Application).where(
                Application.applicant_pid == pid, Application.state.in_(OPEN_STATES),
                Application.id != (application_id or -1))
        )
        if not others:
            findings = [f for f in findings if f.get("code") != "application.open_exists"]
        out = dict(answer)
        out["findings"] = findings
        out["ok"] = not any(f.get("severity") == "error" for f in findings)
        return out

    # ----------------------------------------------------------------- transitions
    def verify(self, actor: Actor, application_id: int,
               expected_version: int | None = None) -> Application:
        """draft → verified: the form is complete and the law accepts it; the decision is kept."""
        today = self.today()
        with self._write() as s:
            app = self._load(s, application_id, expected_version)
            require(actor, "application.verify")
            form = dict(app.form or {})
            parsed = forms.parse(form, today, self.lang)
            if not parsed.ok:
                raise ValidationFailed("enrollment.form_invalid",
                                       findings=[f.as_dict() for f in parsed.findings])
            answer = seams.check(s, forms.check_request(form, today), today, self.settings,
                                 self.lang)
            answer = self._without_own_open(s, answer, parsed.values["pid"], app.id)
            if not answer.get("ok", False):
                raise ValidationFailed("enrollment.rules_refused",
                                       findings=list(answer.get("findings", [])))
            v = parsed.values
            resident = s.scalar(select(Resident).where(Resident.pid == v["pid"]))
            rep_verified = v.get("representative_verified_by")
            if answer.get("representative_required"):
                if not v.get("representative_pid"):
                    raise ValidationFailed("enrollment.representative_missing")
                linked = resident is not None and s.scalar(
                    select(func.count()).select_from(ParentLink).where(
                        ParentLink.child_id == resident.id,
                        ParentLink.parent_pid == v["representative_pid"]))
                if rep_verified != "chip" and linked:
                    rep_verified = "records"
                if rep_verified not in ("records", "chip", "document"):
                    raise ValidationFailed("enrollment.representative_unverified")
            self._fill(app, v, answer, resident, rep_verified)
            self._transition(s, actor, app, "verify",
                             {"age_group": app.age_group, "fee_vnd": app.fee_vnd,
                              "kind": app.kind})
            s.flush()
            return app

    @staticmethod
    def _fill(app: Application, v: dict[str, Any], answer: dict[str, Any],
              resident: Resident | None, rep_verified: str | None) -> None:
        app.resident_id = resident.id if resident else None
        app.applicant_pid = v["pid"]
        app.applicant = {
            "full_name": v["full_name"],
            "date_of_birth": v["date_of_birth"].isoformat(),
            "sex": v["sex"],
            **{k: v[k] for k in ("ethnicity", "religion", "hometown",
                                 "birth_registration_place", "residence") if v.get(k)},
        }
        app.kind = str(answer.get("kind") or v["kind"])
        app.reason = answer.get("reason") or v.get("reason")
        app.channel = v.get("channel") or "counter"
        app.age_group = str(answer.get("age_group") or "")
        collect = answer.get("collect") or {}
        app.collect_face = bool(collect.get("face"))
        app.collect_fingerprints = bool(collect.get("fingerprints"))
        app.collect_iris = bool(collect.get("iris"))
        app.fee_vnd = int(answer.get("fee_vnd") or 0)
        app.fee_rule = answer.get("fee_rule")
        app.exemptions = list(v.get("exemptions") or [])
        expiry, return_by = answer.get("card_expiry"), answer.get("return_by")
        app.card_expiry = date.fromisoformat(expiry) if expiry else None
        app.return_by = date.fromisoformat(return_by) if return_by else None
        app.findings = list(answer.get("findings", []))
        if answer.get("representative_required") or v.get("representative_pid"):
            app.representative_pid = v.get("representative_pid")
            app.representative_name = v.get("representative_name")
            app.representative_relationship = v.get("representative_relationship")
            app.representative_basis = v.get("representative_basis")
            app.representative_verified_by = rep_verified
        else:
            app.representative_pid = app.representative_name = None
            app.representative_relationship = app.representative_basis = None
            app.representative_verified_by = None
        app.current_card_type = v.get("current_card_type")
        app.current_card_number = v.get("current_card_number")
        app.current_card_issued_on = v.get("current_card_issued_on")
        app.current_card_expires_on = v.get("current_card_expires_on")
        app.phone, app.email = v.get("phone"), v.get("email")
        app.eid_level2 = bool(v.get("eid_level2"))
        app.pickup = v.get("pickup") or "counter"
        app.postal_address = v.get("postal_address") if app.pickup == "post" else None
        app.note = v.get("note")

    def attach_capture(self, actor: Actor, application_id: int, *, modality: str,
                       position: str, image: bytes | None = None, format: str | None = None,
                       quality: int | None = None, width: int | None = None,
                       height: int | None = None, resolution_ppi: int | None = None,
                       device_serial: str | None = None, exception_reason: str | None = None,
                       approver: Actor | None = None, approval_method: str | None = None,
                       meta: dict[str, Any] | None = None) -> int:
        """Store one capture (encrypted) or an approved exception; replaces the previous one.

        An exception names its leader (``approver``) and how they approved
        (``approval_method``: ``password`` or ``card``), kept in ``meta`` and the audit entry.
        """
        if modality not in MODALITIES:
            raise UserFacingError("enrollment.bad_modality", modality=modality)
        if (image is None) == (exception_reason is None):
            raise UserFacingError("enrollment.capture_or_exception")
        with self._write() as s:
            app = self._load(s, application_id, None)
            require(actor, "biometrics.capture")
            if app.state != "verified":
                raise EnrollmentError("enrollment.wrong_state", number=app.number,
                                      state=app.state,
                                      action="capture")
            meta = dict(meta or {})
            if exception_reason is not None:
                require(approver, "biometrics.exception_approve")
                if approval_method not in (None, "password", "card"):
                    raise ValueError(f"unknown approval method {approval_method!r}")
                meta["approval_method"] = approval_method or "password"
            for old in s.scalars(select(BiometricRecord).where(
                    BiometricRecord.application_id == app.id,
                    BiometricRecord.modality == modality,
                    BiometricRecord.position == position)):
                s.delete(old)
            rec = BiometricRecord(
                application_id=app.id, modality=modality, position=position, format=format,
                quality=quality, width=width, height=height, resolution_ppi=resolution_ppi,
                device_serial=device_serial, exception_reason=exception_reason,
                exception_approved_by=approver.username if approver and exception_reason
                else None, meta=meta)
            s.add(rec)
            s.flush()
            if image is not None:
                seams.vault(s, self.settings).seal_record(rec, image)
            seams.audit(s, actor, "biometrics.capture", "application", app.number,
                        {"modality": modality, "position": position, "quality": quality,
                         "exception": exception_reason,
                         "approved_by": rec.exception_approved_by,
                         "approval_method": meta.get("approval_method")})
            s.flush()
            return rec.id

    def capture_status(self, application_id: int) -> dict[str, Any]:
        """What is required and what is present: ``{"face": [...], "finger": [...], ...}``."""
        with self._read() as s:
            app = self._load(s, application_id, None)
            have = {(r.modality, r.position) for r in s.scalars(
                select(BiometricRecord).where(BiometricRecord.application_id == app.id))}
            return self._requirements(app, have, iris_available=True)

    @staticmethod
    def _requirements(app: Application, have: set[tuple[str, str]],
                      iris_available: bool) -> dict[str, Any]:
        need: list[tuple[str, str]] = []
        if app.collect_face:
            need.append(("face", "face"))
        if app.collect_fingerprints:
            need += [("finger", p) for p in FINGER_POSITIONS]
        if app.collect_iris and iris_available:
            need += [("iris", p) for p in IRIS_POSITIONS]
        missing = [f"{m}:{p}" for m, p in need if (m, p) not in have]
        return {"required": [f"{m}:{p}" for m, p in need], "missing": missing,
                "complete": not missing}

    def complete_capture(self, actor: Actor, application_id: int,
                         expected_version: int | None = None, *,
                         iris_available: bool = False) -> Application:
        """verified → captured, when every required capture (or exception) is present.

        Under 6 nothing is required, and this step is passed without any capture.
        """
        with self._write() as s:
            app = self._load(s, application_id, expected_version)
            have = {(r.modality, r.position) for r in s.scalars(
                select(BiometricRecord).where(BiometricRecord.application_id == app.id))}
            status = self._requirements(app, have, iris_available)
            needs_any = app.collect_face or app.collect_fingerprints or app.collect_iris
            permission = "biometrics.capture" if needs_any else "application.edit"
            require(actor, permission)
            if app.state == "verified" and not status["complete"]:
                raise UserFacingError("enrollment.capture_incomplete",
                                      missing=", ".join(status["missing"]))
            note = "iris_not_available" if app.collect_iris and not iris_available else None
            self._transition(s, actor, app, "complete_capture",
                             {"captured": len(status["required"]), "note": note},
                             note=note, permission=permission)
            s.flush()
            return app

    def record_printed(self, actor: Actor, application_id: int, document: str) -> Application:
        """Note that a document was printed (audited); CC01 must be printed before confirming."""
        if document not in DOCUMENTS:
            raise UserFacingError("enrollment.bad_document", document=document)
        with self._write() as s:
            app = self._load(s, application_id, None)
            require(actor, "document.print")
            printed = dict(app.printed or {})
            printed[document] = _now().isoformat(timespec="seconds")
            app.printed = printed
            seams.audit(s, actor, "document.print", "application", app.number,
                        {"document": document})
            s.flush()
            return app

    def print_document(self, actor: Actor, application_id: int, kind: str,
                       documents: Any = None) -> PrintedDocument:
        """Render a document (``information-form``, ``appointment-slip``, ``fee-receipt``,
        ``handover-slip``), send it to the printer through the spool and note it as printed,
        in one transaction; the document service writes the audit entry. A printer that is
        off keeps the job in the spool: ``printed`` is then False and ``error`` says why."""
        if documents is None:
            documents = seams.documents(self.settings)
        names = {"information-form": "cc01", "appointment-slip": "cc02",
                 "fee-receipt": "fee_receipt", "handover-slip": "handover"}
        if kind not in names:
            raise UserFacingError("enrollment.bad_document", document=kind)
        with self._write() as s:
            app = self._load(s, application_id, None)
            require(actor, "document.print")
            doc = documents.render(s, actor, kind, app.number, destination="printer")
            job = seams.print_job(kind, doc)
            result = documents.spool_for(doc).submit(job)
            printed = dict(app.printed or {})
            printed[names[kind]] = _now().isoformat(timespec="seconds")
            app.printed = printed
            s.flush()
            error = getattr(result, "error", None)
            return PrintedDocument(app, kind, doc.pdf, bool(getattr(result, "printed", False)),
                                   error.text(self.lang) if error is not None
                                   and hasattr(error, "text") else
                                   (str(error) if error is not None else None))

    def confirm(self, actor: Actor, application_id: int, expected_version: int | None = None,
                *, signed_by: str = "applicant") -> Application:
        """captured → confirmed: CC01 printed and signed by the applicant or representative."""
        with self._write() as s:
            app = self._load(s, application_id, expected_version)
            require(actor, "application.confirm")
            if app.state == "captured" and "cc01" not in (app.printed or {}):
                raise UserFacingError("enrollment.cc01_not_printed", number=app.number)
            if signed_by not in ("applicant", "representative"):
                raise UserFacingError("enrollment.bad_signer", signer=signed_by)
            if app.age_group in ("under_6", "6_to_under_14") and signed_by != "representative":
                raise UserFacingError("enrollment.representative_signs")
            app.signed_by = signed_by
            self._transition(s, actor, app, "confirm", {"signed_by": signed_by})
            s.flush()
            return app

    def collect_fee(self, actor: Actor, application_id: int,
                    expected_version: int | None = None) -> Application:
        """Take the fee (lệ phí) of a confirmed application: a receipt serial is assigned."""
        with self._write() as s:
            app = self._load(s, application_id, expected_version)
            require(actor, "fee.collect")
            if app.state != "confirmed":
                raise EnrollmentError("enrollment.wrong_state", number=app.number,
                                      state=app.state,
                                      action="collect_fee")
            if app.fee_vnd <= 0:
                raise UserFacingError("enrollment.no_fee", number=app.number)
            if app.fee_paid_at is not None:
                raise UserFacingError("enrollment.fee_already_paid", number=app.number,
                                      receipt=app.receipt_serial or "")
            app.receipt_serial = self._next_receipt(s, self.today())
            app.fee_paid_at = _now()
            seams.audit(s, actor, "fee.collect", "application", app.number,
                        {"fee_vnd": app.fee_vnd, "receipt": app.receipt_serial})
            s.flush()
            return app

    def submit(self, actor: Actor, application_id: int,
               expected_version: int | None = None) -> Application:
        """confirmed → submitted: the fee is paid (or none is due)."""
        with self._write() as s:
            app = self._load(s, application_id, expected_version)
            require(actor, "application.submit")
            if app.state == "confirmed" and app.fee_vnd > 0 and app.fee_paid_at is None:
                raise UserFacingError("enrollment.fee_unpaid", number=app.number,
                                      fee=f"{app.fee_vnd:,}".replace(",", "."))
            self._transition(s, actor, app, "submit", {"fee_vnd": app.fee_vnd,
                                                       "receipt": app.receipt_serial})
            s.flush()
            return app

    def card_arrived(self, actor: Actor, application_id: int,
                     expected_version: int | None = None, *,
                     card_number: str | None = None) -> Application:
        """submitted → card_arrived: the new card came back from production."""
        with self._write() as s:
            app = self._load(s, application_id, expected_version)
            if card_number is not None:
                card_number = forms.nfc(card_number)
                if not (card_number.isdigit() and len(card_number) == 12):
                    raise UserFacingError("enrollment.form.card_number_format")
            app.new_card_number = card_number or app.applicant_pid
            self._transition(s, actor, app, "card_arrived")
            s.flush()
            return app

    def hand_over(self, actor: Actor, application_id: int, expected_version: int | None = None,
                  *, to: str, chip_pid: str | None, old_document_collected: bool) -> Application:
        """card_arrived → handed_over: the card's chip shows the applicant's number; the old
        document is collected when there was one; handed to the holder or the representative."""
        with self._write() as s:
            app = self._load(s, application_id, expected_version)
            require(actor, "card.handover")
            if app.state == "card_arrived":
                if to not in ("holder", "representative"):
                    raise UserFacingError("enrollment.bad_recipient", recipient=to)
                if to == "representative" and not app.representative_pid:
                    raise UserFacingError("enrollment.no_representative", number=app.number)
                if chip_pid != app.applicant_pid:
                    raise UserFacingError("enrollment.card_mismatch", number=app.number,
                                          chip=chip_pid or "-")
                if app.current_card_type and not old_document_collected:
                    raise UserFacingError("enrollment.old_document_required",
                                          document=app.current_card_type.upper())
            app.handed_over_to = to
            app.handed_over_at = _now()
            app.old_document_collected = bool(old_document_collected)
            self._transition(s, actor, app, "hand_over",
                             {"to": to, "old_document_collected": old_document_collected})
            s.flush()
            return app

    def reject(self, actor: Actor, application_id: int, expected_version: int | None = None,
               *, reason: str) -> Application:
        return self._close(actor, application_id, expected_version, "reject", reason)

    def cancel(self, actor: Actor, application_id: int, expected_version: int | None = None,
               *, reason: str) -> Application:
        return self._close(actor, application_id, expected_version, "cancel", reason)

    def _close(self, actor: Actor, application_id: int, expected_version: int | None,
               action: str, reason: str) -> Application:
        reason = forms.nfc(reason)
        if not reason:
            raise ValidationFailed("enrollment.reason_required")
        with self._write() as s:
            app = self._load(s, application_id, expected_version)
            self._transition(s, actor, app, action, {"reason": reason}, note=reason)
            s.flush()
            return app

    # ----------------------------------------------------------------- queries
    def get(self, application_id: int) -> Application:
        with self._read() as s:
            return self._load(s, application_id, None)

    def find(self, number: str) -> Application | None:
        number = forms.nfc(number).upper()
        with self._read() as s:
            return s.scalar(select(Application).where(Application.number == number))

    def open_draft(self, username: str | None = None) -> Application | None:
        """The most recent draft (of ``username`` if given): what a restarted app reopens."""
        with self._read() as s:
            q = select(Application).where(Application.state == "draft")
            if username:
                q = q.where(Application.created_by == username)
            return s.scalar(q.order_by(Application.updated_at.desc(), Application.id.desc())
                            .limit(1))

    def history(self, application_id: int) -> list[dict[str, Any]]:
        with self._read() as s:
            return [{"at": e.at, "user": e.username, "from": e.from_state, "to": e.to_state,
                     "note": e.note}
                    for e in s.scalars(select(ApplicationEvent).where(
                        ApplicationEvent.application_id == application_id)
                        .order_by(ApplicationEvent.id))]

    def search(self, state: str | None = None, *, open_only: bool = False,
             received_on: date | None = None, text: str | None = None,
             limit: int = 500) -> list[Application]:
        return list_applications(self.db, state, open_only=open_only, received_on=received_on,
                                 text=text, limit=limit)


def list_applications(db: Database, state: str | None = None, *, open_only: bool = False,
                      received_on: date | None = None, text: str | None = None,
                      limit: int = 500) -> list[Application]:
    """Applications, newest first, filtered by state, day received, number/PID/name text."""
    if state is not None and state not in STATES:
        raise UserFacingError("enrollment.bad_state", state=state, states=", ".join(STATES))
    q = select(Application)
    if state:
        q = q.where(Application.state == state)
    if open_only:
        q = q.where(Application.state.in_(OPEN_STATES))
    if received_on:
        q = q.where(Application.received_on == received_on)
    if text:
        needle = forms.nfc(text)
        # autoescape: "%" and "_" typed in the search box are text, not wildcards.
        q = q.where(Application.number.contains(needle.upper(), autoescape=True)
                    | Application.applicant_pid.startswith(needle, autoescape=True))
    q = q.order_by(Application.created_at.desc(), Application.id.desc()).limit(limit)
    try:
        with db.session() as s:
            return list(s.scalars(q))
    except DatabaseError as exc:
        raise UserFacingError(exc.code, detail=exc.detail) from exc


def summary(app: Application) -> dict[str, Any]:
    """The CLI.md fields of an application (plus a few more for people)."""
    return {
        "number": app.number,
        "applicant_pid": app.applicant_pid,
        "full_name": (app.applicant or {}).get("full_name") or (app.form or {}).get("full_name"),
        "kind": app.kind,
        "state": app.state,
        "age_group": app.age_group or None,
        "fee_vnd": app.fee_vnd,
        "created": app.created_at.isoformat(timespec="seconds") if app.created_at else None,
        "received_on": app.received_on.isoformat() if app.received_on else None,
        "return_by": app.return_by.isoformat() if app.return_by else None,
    }
