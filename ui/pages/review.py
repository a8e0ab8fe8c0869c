"""Review and confirm: the whole application on one screen, differences from the records
highlighted; print CC01 to sign, confirm, take the fee (receipt), submit and print CC02."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.common import (
    Page,
    Section,
    ValueGrid,
    age_group_text,
    button,
    dmy,
    hbox,
    kind_text,
    money,
    state_text,
)
from ui.pdfview import make_pdf_view


class ReviewPage(Page):
    key = "review"
    permission = "application.confirm|fee.collect|application.submit"

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.app: Any = None
        self._signer: int | None = None
        row = QHBoxLayout()
        row.setSpacing(12)
        self.root.addLayout(row, 1)

        left = QVBoxLayout()

        left.setContentsMargins(0, 0, 0, 0)  # aligned with the columns beside it
        self.head = QLabel(self.tr("Open an application from the worklist."))
        self.head.setObjectName("appHead")
        self.head.setWordWrap(True)
        left.addWidget(self.head)
        person = Section(self.tr("Applicant"))
        self.person = ValueGrid(2)
        for key, label in (("full_name", self.tr("Full name")),
                           ("applicant_pid", self.tr("ID number")),
                           ("date_of_birth", self.tr("Date of birth")),
                           ("sex", self.tr("Sex")), ("ethnicity", self.tr("Ethnicity")),
                           ("religion", self.tr("Religion")),
                           ("hometown", self.tr("Home town")),
                           ("residence", self.tr("Residence"))):
            self.person.add_row(key, label)
        person.add(self.person)
        left.addWidget(person)
        request = Section(self.tr("Request and decision"))
        self.request = ValueGrid(2)
        for key, label in (("kind", self.tr("Procedure")), ("age_group", self.tr("Age group")),
                           ("current_card", self.tr("Document held")),
                           ("representative", self.tr("Representative")),
                           ("captured", self.tr("Captured")), ("fee", self.tr("Fee")),
                           ("expiry", self.tr("Card valid until")),
                           ("return_by", self.tr("Return date")),
                           ("contact", self.tr("Contact")), ("pickup", self.tr("Card returned")),
                           ("findings", self.tr("Notes"))):
            self.request.add_row(key, label)
        request.add(self.request)
        left.addWidget(request)
        left.addStretch(1)
        holder = QWidget()
        holder.setLayout(left)
        row.addWidget(holder, 3)

        right = QVBoxLayout()

        right.setContentsMargins(0, 0, 0, 0)  # aligned with the columns beside it
        steps = Section(self.tr("Steps"))
        self.print_cc01 = button(self.tr("1. Print the CC01 sheet to sign"),
                                 lambda: self.print_doc("information-form"), name="printCc01")
        self.signer = QComboBox()
        self.signer.setObjectName("signer")
        self.signer.addItem(self.tr("Signed by the applicant"), "applicant")
        self.signer.addItem(self.tr("Signed by the representative"), "representative")
        self.confirm_button = button(self.tr("2. Confirm: CC01 signed"), self.confirm,
                                     primary=True, name="confirmButton")
        self.fee_label = QLabel()
        self.fee_label.setObjectName("feeLabel")
        self.fee_button = button(self.tr("3. Take the fee and print the receipt"),
                                 self.collect_fee, name="feeButton")
        self.submit_button = button(self.tr("4. Submit and print the appointment slip (CC02)"),
                                    self.submit, primary=True, name="submitButton")
        self.reject_button = button(self.tr("Reject…"), self.reject, name="rejectButton")
        for w in (self.print_cc01, self.signer, self.confirm_button, self.fee_label,
                  self.fee_button, self.submit_button):
            steps.add(w)
        steps.outer.addLayout(hbox(self.reject_button, stretch_at=0))
        right.addWidget(steps)
        preview = Section(self.tr("Printed document"))
        self.preview = make_pdf_view()
        preview.add(self.preview, 1)
        right.addWidget(preview, 1)
        holder = QWidget()
        holder.setLayout(right)
        row.addWidget(holder, 2)
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Review and confirm")

    def snapshot(self) -> dict[str, Any]:
        state = super().snapshot()
        state.update(pdf=self.preview.pdf, signer=self.signer.currentIndex())
        return state

    def restore(self, state: dict[str, Any], current: bool) -> None:
        """The same application, the printed document and who signs."""
        if state.get("pdf"):
            self.preview.load_pdf(state["pdf"])
        self._signer = state.get("signer")
        super().restore(state, current)

    def load_application(self, app_id: int) -> None:
        def work() -> tuple[Any, dict[str, str]]:
            return self.ctx.enroll.get(app_id), self.ctx.differences(app_id)

        self.run(work, done=self._show)

    def _show(self, result: tuple[Any, dict[str, str]]) -> None:
        app, diffs = result
        self.app = app
        a = app.applicant or {}
        self.head.setText(f"{app.number} · {state_text(app.state)}")
        sex = {"male": self.tr("Male"), "female": self.tr("Female")}
        values = {"full_name": a.get("full_name", ""), "applicant_pid": app.applicant_pid,
                  "date_of_birth": dmy(a.get("date_of_birth")),
                  "sex": sex.get(a.get("sex", ""), ""), "ethnicity": a.get("ethnicity", ""),
                  "religion": a.get("religion", ""), "hometown": a.get("hometown", ""),
                  "residence": a.get("residence", "")}
        for key, text in values.items():
            if key in diffs:
                recorded = dmy(diffs[key]) if key == "date_of_birth" else diffs[key]
                text = f"{text}  ≠  " + self.tr("records: %1").replace(
                    "%1", sex.get(recorded, recorded))
            self.person.set(key, text, highlight=key in diffs)
        card = (f"{(app.current_card_type or '').upper()} {app.current_card_number or ''}"
                if app.current_card_type else self.tr("None"))
        rep = (f"{app.representative_name or ''} ({app.representative_pid or ''}) — "
               f"{self._verified_text(app.representative_verified_by)}"
               if app.representative_pid else self.tr("Not required"))
        captured = [n for flag, n in ((app.collect_face, self.tr("face")),
                                      (app.collect_fingerprints, self.tr("fingerprints")),
                                      (app.collect_iris, self.tr("iris"))) if flag]
        fee = money(app.fee_vnd) if app.fee_vnd else self.tr("Free")
        if app.receipt_serial:
            fee += " · " + self.tr("paid, receipt %1").replace("%1", app.receipt_serial)
        self.request.set("kind", kind_text(app.kind))
        self.request.set("age_group", age_group_text(app.age_group))
        self.request.set("current_card", card)
        self.request.set("representative", rep)
        self.request.set("captured", ", ".join(captured) if captured
                         else self.tr("Nothing (not required at this age)"))
        self.request.set("fee", fee)
        self.request.set("expiry", dmy(app.card_expiry) if app.card_expiry
                         else self.tr("No expiry"))
        self.request.set("return_by", dmy(app.return_by))
        self.request.set("contact", " · ".join(x for x in (app.phone, app.email) if x))
        self.request.set("pickup", self.tr("By post: %1").replace("%1", app.postal_address or "")
                         if app.pickup == "post" else self.tr("At the counter"))
        self.request.set("findings", "; ".join(f.get("message", "") for f in app.findings or []),
                         highlight=bool(app.findings))
        self.signer.setCurrentIndex(1 if app.age_group in ("under_6", "6_to_under_14") else 0)
        if self._signer is not None:  # chosen before the language switch
            self.signer.setCurrentIndex(int(self._signer))
            self._signer = None
        self.fee_label.setText(self.tr("Fee: %1").replace("%1", fee))
        self._update_buttons()

    def _verified_text(self, how: str | None) -> str:
        return {"records": self.tr("verified in the records"),
                "chip": self.tr("verified by chip"),
                "document": self.tr("checked on documents")}.get(how or "",
                                                                 self.tr("not verified"))

    def _update_buttons(self) -> None:
        app = self.app
        state = app.state if app else None
        self.print_cc01.setEnabled(state in ("captured", "confirmed", "submitted"))
        self.signer.setEnabled(state == "captured")
        self.confirm_button.setEnabled(state == "captured")
        due = bool(app and app.fee_vnd > 0 and app.fee_paid_at is None)
        self.fee_button.setEnabled(state == "confirmed" and due)
        self.fee_label.setVisible(bool(app))
        self.submit_button.setEnabled(state == "confirmed" and not due)
        actor = self.ctx.actor
        self.reject_button.setVisible(bool(actor and actor.has("application.reject")))
        self.reject_button.setEnabled(state in ("draft", "verified", "captured", "confirmed"))

    # ------------------------------------------------------------------ actions
    def _after(self, message: str) -> Any:
        def done(app: Any) -> None:
            self.load_application(app.id)
            self.say(message.replace("%1", app.number), "success")
        return done

    def print_doc(self, kind: str, then: str = "") -> None:
        if self.app is None:
            return
        self.run(self.ctx.print_document, self.app.id, kind, done=self._printed)

    def _printed(self, doc: Any) -> None:
        from ui.memory import release

        self.preview.load_pdf(doc.pdf)
        release()
        self.load_application(doc.application.id)
        if doc.printed:
            self.say(self.tr("Sent to the printer."), "success")
        else:
            self.say(self.tr("The printer did not take the document; it waits in the queue "
                             "and is printed when the printer is back. %1")
                     .replace("%1", doc.error or ""), "warning")

    def confirm(self) -> None:
        app, actor, signer = self.app, self.ctx.actor, self.signer.currentData()
        if app is None:
            return
        self.run(lambda: self.ctx.enroll.confirm(actor, app.id, app.version, signed_by=signer),
                 done=self._after(self.tr("Application %1 confirmed.")))

    def collect_fee(self) -> None:
        app, actor = self.app, self.ctx.actor
        if app is None:
            return

        def work() -> Any:
            paid = self.ctx.enroll.collect_fee(actor, app.id, app.version)
            return self.ctx.print_document(paid.id, "fee-receipt")

        self.run(work, done=self._printed)

    def submit(self) -> None:
        app, actor = self.app, self.ctx.actor
        if app is None:
            return

        def work() -> Any:
            done = self.ctx.enroll.submit(actor, app.id, app.version)
            return self.ctx.print_document(done.id, "appointment-slip")

        self.run(work, done=self._printed)

    def reject(self) -> None:
        from ui.dialogs import ReasonDialog

        app, actor = self.app, self.ctx.actor
        if app is None:
            return
        dialog = ReasonDialog(self.tr("Reject the application"),
                              self.tr("Why is the application rejected?"), self)
        if dialog.exec():
            reason = dialog.reason()
            self.run(lambda: self.ctx.enroll.reject(actor, app.id, app.version, reason=reason),
                     done=self._after(self.tr("Application %1 rejected.")))
