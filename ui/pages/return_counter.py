"""Return counter (trả thẻ): find the application (type or scan the CC02 QR), record the card's
arrival, verify the new card by its chip, collect the old document, print the handover record
and hand the card over."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.common import (
    Page,
    Section,
    ValueGrid,
    button,
    dmy,
    hbox,
    kind_text,
    scaled,
    state_text,
)
from ui.pdfview import make_pdf_view

_NUMBER = re.compile(r"[A-Z0-9]+(?:-[A-Z0-9]+)*-\d{8}-\d{4}")


class ReturnPage(Page):
    key = "return"
    permission = "card.handover"

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.app: Any = None
        self.shown_id: int | None = None  # the application the chip result belongs to
        self._after_load: Any = None
        self.chip_pid: str | None = None
        row = QHBoxLayout()
        row.setSpacing(12)
        self.root.addLayout(row, 1)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)  # aligned with the columns beside it
        find = Section(self.tr("Find the application"))
        self.number = QLineEdit()
        self.number.setObjectName("returnNumber")
        self.number.setMaxLength(200)
        self.number.setPlaceholderText(self.tr("Application number, or scan the slip's QR code"))
        self.number.returnPressed.connect(self.find)
        find.outer.addLayout(hbox(self.number, button(self.tr("Find"), self.find,
                                                      name="findButton")))
        left.addWidget(find)
        info = Section(self.tr("Application"))
        self.grid = ValueGrid(1)
        for key, label in (("number", self.tr("Number")), ("state", self.tr("State")),
                           ("applicant", self.tr("Applicant")), ("kind", self.tr("Procedure")),
                           ("representative", self.tr("Representative")),
                           ("old", self.tr("Old document")), ("return_by", self.tr("Return date")),
                           ("card", self.tr("New card"))):
            self.grid.add_row(key, label)
        info.add(self.grid)
        left.addWidget(info)
        steps = Section(self.tr("Handover"))
        self.arrived_button = button(self.tr("The new card has arrived"), self.card_arrived,
                                     name="arrivedButton")
        self.verify_button = button(self.tr("Verify the new card by its chip"), self.verify_card,
                                    name="verifyCardButton")
        self.chip_result = QLabel()
        self.chip_result.setObjectName("chipResult")
        self.chip_result.setWordWrap(True)
        self.old_collected = QCheckBox(self.tr("Old document collected"))
        self.old_collected.setObjectName("oldCollected")
        self.recipient = QComboBox()
        self.recipient.setObjectName("recipient")
        self.recipient.addItem(self.tr("Handed to the holder"), "holder")
        self.recipient.addItem(self.tr("Handed to the representative"), "representative")
        self.print_button = button(self.tr("Print the handover record"), self.print_record,
                                   name="printHandover")
        self.handover_button = button(self.tr("Hand over the card"), self.hand_over,
                                      primary=True, name="handoverButton")
        for w in (self.arrived_button, self.verify_button, self.chip_result, self.old_collected,
                  self.recipient, self.print_button, self.handover_button):
            steps.add(w)
        steps.outer.addStretch(1)
        left.addStretch(1)
        holder = QWidget()
        holder.setLayout(left)
        holder.setFixedWidth(scaled(400, 396))
        row.addWidget(holder)
        steps.setFixedWidth(scaled(300, 320))
        row.addWidget(steps)
        preview = Section(self.tr("Printed document"))
        self.preview = make_pdf_view()
        preview.add(self.preview, 1)
        row.addWidget(preview, 1)
        self._update()

    def title(self) -> str:
        return self.tr("Return counter")

    def snapshot(self) -> dict[str, Any]:
        state = super().snapshot()
        state.update(chip_pid=self.chip_pid, chip_result=self.chip_result.text(),
                     chip_ok=self.chip_result.property("ok"), pdf=self.preview.pdf,
                     old=self.old_collected.isChecked(), recipient=self.recipient.currentIndex())
        return state

    def restore(self, state: dict[str, Any], current: bool) -> None:
        """The card already verified by its chip stays verified; the printed record stays."""
        self.shown_id = state.get("app_id")
        self.chip_pid = state.get("chip_pid")
        self.chip_result.setText(state.get("chip_result", ""))
        self.chip_result.setProperty("ok", state.get("chip_ok"))
        if state.get("pdf"):
            self.preview.load_pdf(state["pdf"])
        super().restore(state, current)

        def keep_choices() -> None:
            self.old_collected.setChecked(bool(state.get("old")))
            self.recipient.setCurrentIndex(int(state.get("recipient", 0)))
            self._update()

        self._after_load = keep_choices

    def focus_search(self) -> None:
        self.number.setFocus()
        self.number.selectAll()

    def find(self) -> None:
        text = self.number.text().strip().upper()
        m = _NUMBER.search(text)  # the slip's QR holds the number among other text
        number = m.group(0) if m else text
        if not number:
            self.say(self.tr("Type or scan the application number."), "warning")
            return
        self.number.setText(number)

        def done(app: Any) -> None:
            if app is None:
                self.say(self.tr("No application %1.").replace("%1", number), "error")
                return
            self.banner.clear_message()
            self.load_application(app.id)

        self.run(self.ctx.enroll.find, number, done=done)

    def load_application(self, app_id: int) -> None:
        self.run(self.ctx.enroll.get, app_id, done=self._show)

    def _show(self, app: Any) -> None:
        if self.shown_id != app.id:
            self.chip_pid = None
            self.chip_result.clear()
            self.old_collected.setChecked(False)
        self.app, self.shown_id = app, app.id
        a = app.applicant or {}
        self.grid.set("number", app.number)
        self.grid.set("state", state_text(app.state))
        self.grid.set("applicant", f"{a.get('full_name', '')} · {dmy(a.get('date_of_birth'))} · "
                                   f"{app.applicant_pid}")
        self.grid.set("kind", kind_text(app.kind))
        self.grid.set("representative", f"{app.representative_name} ({app.representative_pid})"
                      if app.representative_pid else self.tr("None"))
        self.grid.set("old", f"{(app.current_card_type or '').upper()} {app.current_card_number}"
                      if app.current_card_type else self.tr("None (first card)"))
        self.grid.set("return_by", dmy(app.return_by))
        self.grid.set("card", app.new_card_number or "")
        self.recipient.setCurrentIndex(1 if app.age_group in ("under_6", "6_to_under_14") else 0)
        after, self._after_load = self._after_load, None
        if after is not None:
            after()
        self._update()

    def _update(self) -> None:
        state = self.app.state if self.app else None
        self.arrived_button.setEnabled(state == "submitted")
        self.verify_button.setEnabled(state == "card_arrived")
        self.old_collected.setEnabled(state == "card_arrived"
                                      and bool(self.app and self.app.current_card_type))
        self.recipient.setEnabled(state == "card_arrived")
        self.print_button.setEnabled(state in ("card_arrived", "handed_over"))
        self.handover_button.setEnabled(state == "card_arrived" and self.chip_pid is not None)

    def card_arrived(self) -> None:
        app, actor = self.app, self.ctx.actor
        if app is not None:
            self.run(lambda: self.ctx.enroll.card_arrived(actor, app.id, app.version),
                     done=lambda a: self._show(a))

    def verify_card(self) -> None:
        from ui.dialogs import ChipKeyDialog

        if self.app is None:
            return
        dialog = ChipKeyDialog(self.tr("Read the new card"), self, self.app.applicant_pid)
        if dialog.exec() and dialog.values:
            self.verify_card_with(*dialog.values)

    def verify_card_with(self, pid: str, dob: date, expiry: date | None) -> None:
        number = self.app.number

        def done(result: dict[str, Any]) -> None:
            self.chip_pid = result["pid"] if result["match"] else None
            self.chip_result.setText(("✔ " if result["match"] else "✖ ") + result["message"])
            self.chip_result.setProperty("ok", bool(result["match"]))
            self.chip_result.style().unpolish(self.chip_result)
            self.chip_result.style().polish(self.chip_result)
            self._update()

        self.run(self.ctx.check_new_card, number, pid, dob, expiry, done=done)

    def print_record(self) -> None:
        if self.app is not None:
            self.run(self.ctx.print_document, self.app.id, "handover-slip",
                     done=self._printed)

    def _printed(self, doc: Any) -> None:
        self.preview.load_pdf(doc.pdf)
        self._show(doc.application)
        self.say(self.tr("Sent to the printer.") if doc.printed else
                 self.tr("The printer did not take the document; it waits in the queue. %1")
                 .replace("%1", doc.error or ""), "success" if doc.printed else "warning")

    def hand_over(self) -> None:
        app, actor = self.app, self.ctx.actor
        if app is None:
            return
        to, chip, old = (self.recipient.currentData(), self.chip_pid,
                         self.old_collected.isChecked())

        def done(a: Any) -> None:
            self._show(a)
            self.say(self.tr("Card of application %1 handed over.").replace("%1", a.number),
                     "success")

        self.run(lambda: self.ctx.enroll.hand_over(actor, app.id, app.version, to=to,
                                                   chip_pid=chip, old_document_collected=old),
                 done=done)
