"""Reception (tiếp nhận): find the person, see household and parents, start the application
with the law's decision shown live; drafts are saved as they are typed."""

from __future__ import annotations

import time
from datetime import date
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.common import Page, Section, button, dmy, hbox, scaled, state_text
from ui.pages.application_form import ApplicationForm, DecisionPanel
from workstation.enrollment.forms import parse_cccd_qr


class ReceptionPage(Page):
    key = "reception"
    permission = "application.create"

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.app_id: int | None = None
        self.version: int | None = None
        self.number = ""
        self._saving = False
        self._pending: dict[str, Any] | None = None
        self._unsaved = False  # the last save failed: the form differs from the draft
        self._verify_after_save = False
        self.person: Any = None
        self.answer: dict[str, Any] | None = None
        self._restored = False
        self._qr: dict[str, Any] | None = None
        self.state = "draft"

        row = QHBoxLayout()
        row.setSpacing(12)
        self.root.addLayout(row, 1)

        left = QVBoxLayout()

        left.setContentsMargins(0, 0, 0, 0)  # aligned with the columns beside it
        search = Section(self.tr("Find a person"))
        self.query = QLineEdit()
        self.query.setObjectName("searchBox")
        self.query.setPlaceholderText(self.tr("ID number, name, or scan the card's QR code"))
        self.query.setMaxLength(400)
        self.query.returnPressed.connect(self.search)
        self.born = QLineEdit()
        self.born.setObjectName("bornBox")
        self.born.setPlaceholderText(self.tr("Born (yyyy)"))
        self.born.setMaxLength(10)
        self.born.setFixedWidth(scaled(96))
        self.born.returnPressed.connect(self.search)
        search.outer.addLayout(hbox(self.query, self.born))
        search.outer.addLayout(hbox(button(self.tr("Search"), self.search, name="searchButton"),
                                    button(self.tr("Read chip card"), self.read_chip,
                                           name="readChip"), stretch_at=2))
        self.results = QListWidget()
        self.results.setObjectName("results")
        self.results.setWordWrap(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setMinimumHeight(110)
        self.results.setMaximumHeight(130)  # the person below needs the height more
        self.results.itemActivated.connect(self._pick)
        self.results.itemClicked.connect(self._pick)
        search.add(self.results, 1)
        left.addWidget(search)
        self.person_box = Section(self.tr("Person in the records"))
        self.person_text = QLabel(self.tr("Search, then pick a person."))
        self.person_text.setObjectName("personText")
        self.person_text.setWordWrap(True)
        self.person_text.setTextFormat(Qt.TextFormat.RichText)
        self.person_text.setAlignment(Qt.AlignmentFlag.AlignTop)
        # A large household scrolls instead of pushing the open application out of sight.
        scroll = QScrollArea()
        scroll.setObjectName("personScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setStyleSheet("QScrollArea#personScroll, QScrollArea#personScroll > QWidget > "
                             "QWidget { background: transparent; }")
        scroll.setWidget(self.person_text)
        self.person_box.add(scroll, 1)
        self.parent_buttons = QVBoxLayout()
        self.person_box.outer.addLayout(self.parent_buttons)
        self.start = button(self.tr("New application for this person"), self.start_for_person,
                            primary=True, name="startApplication")
        self.start.setEnabled(False)
        self.person_box.add(self.start)
        left.addWidget(self.person_box, 1)
        holder = QWidget()
        holder.setLayout(left)
        holder.setFixedWidth(scaled(320, 340))
        row.addWidget(holder)

        self.form = ApplicationForm()
        self.form.changed.connect(self.save)
        row.addWidget(self.form, 1)

        right = QVBoxLayout()

        right.setContentsMargins(0, 0, 0, 0)  # aligned with the columns beside it
        self.status = QLabel(self.tr("No application open."))
        self.status.setObjectName("draftStatus")
        self.status.setWordWrap(True)
        right.addWidget(self.status)
        self.decision = DecisionPanel()
        right.addWidget(self.decision, 1)
        self.verify_button = button(self.tr("Check and continue (F9)"), self.verify,
                                    primary=True, name="verifyButton")
        right.addWidget(self.verify_button)
        self.rep_chip = button(self.tr("Read the representative's card"), self.read_rep_chip,
                               name="readRepChip")
        right.addWidget(self.rep_chip)
        right.addLayout(hbox(button(self.tr("New (Ctrl+N)"), self.new_application,
                                    name="newButton"),
                             button(self.tr("Cancel application"), self.cancel_application,
                                    name="cancelButton")))
        holder = QWidget()
        holder.setLayout(right)
        holder.setFixedWidth(scaled(310, 330))
        row.addWidget(holder)
        QShortcut(QKeySequence("F9"), self, activated=self.verify)
        self._enable()

    def title(self) -> str:
        return self.tr("Reception")

    # ------------------------------------------------------------------ language switch
    def snapshot(self) -> dict[str, Any]:
        state = super().snapshot()
        state.update(
            app_id=self.app_id, version=self.version, number=self.number, state=self.state,
            restored=self._restored, person=self.person, qr=self._qr, answer=self.answer,
            hidden=dict(self.form._hidden), values=self.form.values(),
            read_only=self.app_id is not None and self.state not in ("draft", "verified"),
            results=[(self.results.item(i).text(),
                      self.results.item(i).data(Qt.ItemDataRole.UserRole))
                     for i in range(self.results.count())],
            row=self.results.currentRow())
        return state

    def restore(self, state: dict[str, Any], current: bool) -> None:
        """Carry on exactly where the page was: the same application, version and state (a
        save from here still loses to someone else's newer one), the form as typed."""
        app_id = state.pop("app_id", None)
        super().restore(state, current)
        self._restored = bool(state.get("restored"))
        self._qr = state.get("qr")
        for text, pid in state.get("results", []):
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, pid)
            self.results.addItem(item)
        if state.get("row", -1) >= 0:
            with QSignalBlocker(self.results):
                self.results.setCurrentRow(int(state["row"]))
        self.app_id, self.version = app_id, state.get("version")
        self.number, self.state = str(state.get("number", "")), str(state.get("state", "draft"))
        if state.get("person") is not None:
            self._show_person(state["person"])
        self.form.set_values({**state.get("hidden", {}), **state.get("values", {})})
        self.form.set_read_only(bool(state.get("read_only")))
        if app_id is not None:
            self._restored = True
            self.status.setText(self.tr("Application %1 · %2")
                                .replace("%1", self.number).replace("%2",
                                                                    state_text(self.state)))
            self.evaluate()  # the decision and findings again, in the new language
        self._enable()

    def focus_search(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def activate(self) -> None:
        if self.app_id is None and not self._restored:
            self._restored = True
            user = self.ctx.actor.username if self.ctx.actor else None
            self.run(self.ctx.enroll.open_draft, user, done=self._restore)

    def _restore(self, app: Any) -> None:
        if app is not None and self.app_id is None:
            self._show_application(app)
            self.say(self.tr("Your unfinished draft %1 was restored.").replace("%1", app.number),
                     "info")

    # ------------------------------------------------------------------ search
    def search(self) -> None:
        text = self.query.text().strip()
        if not text:
            self.say(self.tr("Type an ID number or a name to search."), "warning")
            return
        qr = parse_cccd_qr(text)
        if qr is not None:
            self._qr = qr
            text = qr["pid"]
            self.query.setText(text)
        else:
            self._qr = None
        self.banner.clear_message()
        started = time.perf_counter()
        self.run(self.ctx.search, text, self.born.text().strip() or None,
                 done=lambda hits: self._show_hits(hits, started))

    def _show_hits(self, hits: list[Any], started: float) -> None:
        self.results.clear()
        self.last_search_ms = (time.perf_counter() - started) * 1000
        for h in hits:
            # The place on a line of its own: the column is narrow and nothing is cut off.
            item = QListWidgetItem(f"{h.full_name}\n{dmy(h.date_of_birth)} · {h.pid}"
                                   + (f"\n{h.hamlet}" if h.hamlet else ""))
            item.setToolTip(item.text())
            item.setData(Qt.ItemDataRole.UserRole, h.pid)
            self.results.addItem(item)
        if not hits:
            self.say(self.tr("Nobody found. Check the spelling, or type the ID number."),
                     "warning")
        elif len(hits) == 1:
            self.results.setCurrentRow(0)
            self._pick(self.results.item(0))

    def _pick(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.run(self.ctx.person, str(item.data(Qt.ItemDataRole.UserRole)),
                     done=self._show_person)

    def _show_person(self, person: Any) -> None:
        self.person = person
        while self.parent_buttons.count():
            w = self.parent_buttons.takeAt(0).widget()
            if w is not None:
                w.setParent(None)
                w.deleteLater()
        if person is None:
            self.person_text.setText(self.tr("Not in the population records."))
            self.start.setEnabled(False)
            return
        sex = self.tr("Male") if person.sex == "male" else self.tr("Female")
        lines = [f"<b>{person.full_name}</b>",
                 f"{dmy(person.date_of_birth)} · {sex} · "
                 + self.tr("%1 years old").replace("%1", str(person.age)),
                 self.tr("ID number") + f": {person.pid}"]
        if person.residence:
            lines.append(person.residence)
        if person.household:
            members = ", ".join(m["full_name"] for m in person.household_members
                                if not m["self"])
            household = self.tr("Household %1").replace("%1", person.household)
            lines.append(f"{household}: {members or '—'}")
        for d in person.documents:
            lines.append(f"{d['type'].upper()} {d['number']} ({dmy(d['issued_on'])})")
        for a in person.open_applications:
            opened = self.tr("Open application %1").replace("%1", a["number"])
            lines.append(f"<span style='color:#a15c00'>{opened} — {state_text(a['state'])}"
                         "</span>")
        self.person_text.setText("<br>".join(lines))
        roles = {"father": self.tr("Father"), "mother": self.tr("Mother"),
                 "guardian": self.tr("Guardian")}
        if person.parents:
            caption = QLabel(self.tr("Choose the representative:"))
            caption.setObjectName("muted")
            caption.setWordWrap(True)
            self.parent_buttons.addWidget(caption)
        for p in person.parents:
            text = f"{roles.get(p.role, p.role)}: {p.full_name or '—'}"
            b = QPushButton(text)
            b.setObjectName(f"parent_{p.role}")
            b.setEnabled(p.adult and self.app_id is not None)
            b.setToolTip(self.tr("Make %1 the legal representative.").replace("%1", text)
                         if p.adult else self.tr("Not in the records as an adult."))
            b.clicked.connect(lambda _=False, p=p: self.use_parent(p))
            self.parent_buttons.addWidget(b)
        self.start.setEnabled(True)
        self.start.setText(self.tr("Open the application") if person.open_applications
                           else self.tr("New application for this person"))

    # ------------------------------------------------------------------ application
    def start_for_person(self) -> None:
        person = self.person
        if person is None:
            return
        if person.open_applications:
            self.load_application(int(person.open_applications[0]["id"]))
            return
        fields = person.form_fields()
        if self._qr and self._qr["pid"] == person.pid:
            fields.update(self._qr["form"])
        self.new_application()
        self.form.set_values(fields)
        self.save(self.form.values())

    def use_parent(self, parent: Any) -> None:
        self.form.set_values({"representative_pid": parent.pid or "",
                              "representative_name": parent.full_name or "",
                              "representative_relationship": parent.role,
                              "representative_verified_by": "records"})
        self.form.show_section(self.form.rep_section)
        self.save(self.form.values())

    def new_application(self) -> None:
        self.form.flush()
        self.app_id, self.version, self.number = None, None, ""
        self.answer = None
        self.state = "draft"
        self.form.clear()
        self.form.set_read_only(False)
        self.decision.show_answer(None)
        self.status.setText(self.tr("New application: it is saved as you type."))
        self.banner.clear_message()
        self._enable()

    def load_application(self, app_id: int) -> None:
        self.run(self.ctx.enroll.get, app_id, done=self._show_application)

    def _show_application(self, app: Any) -> None:
        self.app_id, self.version, self.number = app.id, app.version, app.number
        self.form.clear()
        self.form.set_values(app.form or {})
        self.form.set_read_only(app.state not in ("draft", "verified"))
        self._saved_status(app)
        self._enable()
        self.evaluate()

    def _saved_status(self, app: Any) -> None:
        self.status.setText(self.tr("Application %1 · %2 · saved at %3")
                            .replace("%1", app.number).replace("%2", state_text(app.state))
                            .replace("%3", time.strftime("%H:%M:%S")))
        self.state = app.state

    def _enable(self) -> None:
        has = self.app_id is not None
        self.verify_button.setEnabled(has)
        self.rep_chip.setEnabled(has)

    def save(self, values: dict[str, Any]) -> None:
        if self._saving:
            self._pending = values
            return
        if self.app_id is not None and self.state not in ("draft",
                                                                                "verified"):
            return
        self._saving = True
        actor = self.ctx.actor
        self.run(self.ctx.enroll.save_draft, actor, self.app_id, values, self.version,
                 done=self._saved, failed=self._save_failed)

    def _saved(self, app: Any) -> None:
        self._saving = False
        self._unsaved = False
        created = self.app_id is None
        self.app_id, self.version, self.number = app.id, app.version, app.number
        if created and self.person is not None and self.person.pid == app.applicant_pid:
            # The person now has an open application: the button opens it instead.
            self.run(self.ctx.person, self.person.pid, done=self._show_person)
        self._saved_status(app)
        self._enable()
        if self._pending is not None:
            values, self._pending = self._pending, None
            self.save(values)
            return
        self.evaluate()
        if self._verify_after_save:
            self._verify_after_save = False
            self.verify()

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self._pending = None
        self._unsaved = True
        self._verify_after_save = False
        self.fail(exc)

    def evaluate(self) -> None:
        values = self.form.values()
        self.run(self.ctx.enroll.evaluate, values, self.app_id, done=self._show_answer,
                 failed=lambda exc: None)

    def _show_answer(self, answer: dict[str, Any]) -> None:
        self.answer = answer
        self.decision.show_answer(answer)
        self.form.mark(answer.get("findings", []))

    def verify(self) -> None:
        if self.app_id is None:
            return
        self.form.flush()
        if self._unsaved and not self._saving:
            # What is on screen was not saved (the database was busy or read-only): save it
            # first, so that what is checked is what the officer sees.
            self.save(self.form.values())
        if self._saving:
            self._verify_after_save = True
            return
        if self._unsaved:
            return  # the save failed again and said why
        actor = self.ctx.actor
        app_id = self.app_id

        def work() -> Any:
            app = self.ctx.enroll.verify(actor, app_id)
            needs = app.collect_face or app.collect_fingerprints or app.collect_iris
            if not needs:  # under 6: no capture step at all
                app = self.ctx.enroll.complete_capture(actor, app.id, app.version)
            return app

        self.run(work, done=self._verified, failed=self._verify_failed)

    def _verify_failed(self, exc: BaseException) -> None:
        findings = getattr(exc, "findings", None)
        if findings:
            self.form.mark(findings)
            self.decision.show_answer({**(self.answer or {}), "findings": findings})
        self.fail(exc)

    def _verified(self, app: Any) -> None:
        self._show_application(app)
        self.say(self.tr("Application %1 checked.").replace("%1", app.number), "success")
        target = "capture" if app.state == "verified" else "review"
        self.open_requested.emit(target, app.id)

    def cancel_application(self) -> None:
        if self.app_id is None:
            return
        from ui.dialogs import ReasonDialog

        dialog = ReasonDialog(self.tr("Cancel application"),
                              self.tr("Why is the application cancelled?"), self)
        if dialog.exec():
            actor, app_id, version, reason = (self.ctx.actor, self.app_id, self.version,
                                              dialog.reason())

            def done(app: Any) -> None:
                self.new_application()
                self.say(self.tr("Application %1 cancelled.").replace("%1", app.number), "info")

            self.run(lambda: self.ctx.enroll.cancel(actor, app_id, version, reason=reason),
                     done=done)

    # ------------------------------------------------------------------ chip
    def read_chip(self) -> None:
        from ui.dialogs import ChipKeyDialog

        dialog = ChipKeyDialog(self.tr("Read the applicant's card"), self)
        if dialog.exec() and dialog.values:
            self.read_chip_with(*dialog.values)

    def read_chip_with(self, pid: str, dob: date, expiry: date | None) -> None:
        self.run(self.ctx.read_chip, pid, dob, expiry, done=self._chip_read)

    def _chip_read(self, card: dict[str, Any]) -> None:
        self._qr = card
        self.query.setText(card["pid"])
        self.say(self.tr("Card read: the form is filled from the chip."), "success")
        self.search()

    def read_rep_chip(self) -> None:
        from ui.dialogs import ChipKeyDialog

        dialog = ChipKeyDialog(self.tr("Read the representative's card"), self)
        if dialog.exec() and dialog.values:
            self.read_rep_chip_with(*dialog.values)

    def read_rep_chip_with(self, pid: str, dob: date, expiry: date | None) -> None:
        child = str(self.form.values().get("pid", ""))

        def done(result: dict[str, Any]) -> None:
            fields = {"representative_pid": result["pid"],
                      "representative_name": result["full_name"]}
            if result["relationship"]:
                fields["representative_relationship"] = result["relationship"]
            if result["verified"]:
                fields["representative_verified_by"] = "chip"
            self.form.set_values(fields)
            self.save(self.form.values())
            words = " ".join(f["message"] for f in result["findings"])
            self.say(words, "success" if result["verified"] else "warning")

        self.run(self.ctx.verify_representative, child, pid, dob, expiry, done=done)
