"""Capture (thu nhận sinh trắc): the face and fingerprint widgets as the rules require, iris
shown as not available without an iris device, exceptions approved by a leader."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.common import Page, Section, age_group_text, button, hbox
from ui.pages import capture_slots
from workstation.enrollment.lifecycle import FINGER_POSITIONS


class CapturePage(Page):
    key = "capture"
    permission = "biometrics.capture"

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.app: Any = None
        self.status: dict[str, Any] = {}
        self.head = QLabel(self.tr("Open a checked application from the worklist."))
        self.head.setObjectName("appHead")
        self.head.setWordWrap(True)
        self.root.addWidget(self.head)
        row = QHBoxLayout()
        row.setSpacing(12)
        self.root.addLayout(row, 1)

        self.face_box = Section(self.tr("Face photo"))
        self.face = capture_slots.face_widget(ctx, self)
        self.face_box.add(self.face, 1)
        row.addWidget(self.face_box, 5)
        self.finger_box = Section(self.tr("Fingerprints"))
        self.fingers = capture_slots.finger_widget(ctx, self)
        self.finger_box.add(self.fingers, 1)
        row.addWidget(self.finger_box, 6)

        side = QVBoxLayout()
        checklist = Section(self.tr("Required for this applicant"))
        self.checklist = QLabel()
        self.checklist.setObjectName("checklist")
        self.checklist.setWordWrap(True)
        self.checklist.setTextFormat(Qt.TextFormat.RichText)
        checklist.add(self.checklist)
        self.iris = QLabel(self.tr("Iris: no iris camera at this counter — not available."))
        self.iris.setObjectName("muted")
        self.iris.setWordWrap(True)
        checklist.add(self.iris)
        side.addWidget(checklist)
        exception = Section(self.tr("Exception (needs a leader)"))
        form = QFormLayout()
        self.ex_position = QComboBox()
        self.ex_position.setObjectName("exceptionPosition")
        self.ex_position.addItem(self.tr("Face"), "face:face")
        names = capture_slots.finger_names(self)
        for pos in FINGER_POSITIONS:
            self.ex_position.addItem(names[pos], f"finger:{pos}")
        self.ex_reason = QComboBox()
        self.ex_reason.setObjectName("exceptionReason")
        for code, text in (("amputated", self.tr("Missing (amputated)")),
                           ("injured", self.tr("Injured or bandaged")),
                           ("unreadable", self.tr("Cannot be read after retries")),
                           ("disability", self.tr("Disability"))):
            self.ex_reason.addItem(text, code)
        self.leader = QLineEdit()
        self.leader.setObjectName("leaderUser")
        self.leader.setPlaceholderText(self.tr("Leader's user name"))
        self.leader_password = QLineEdit()
        self.leader_password.setObjectName("leaderPassword")
        self.leader_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.leader_password.setPlaceholderText(self.tr("Leader's password"))
        form.addRow(self.tr("What"), self.ex_position)
        form.addRow(self.tr("Why"), self.ex_reason)
        form.addRow(self.tr("Leader"), self.leader)
        form.addRow("", self.leader_password)
        exception.outer.addLayout(form)
        exception.add(button(self.tr("Record the exception"), self.record_exception,
                             name="exceptionButton"))
        side.addWidget(exception)
        side.addStretch(1)
        self.finish = button(self.tr("Capture complete → review (F10)"), self.complete,
                             primary=True, name="finishCapture")
        side.addLayout(hbox(self.finish))
        holder = QWidget()
        holder.setLayout(side)
        holder.setFixedWidth(300)
        row.addWidget(holder)
        from PySide6.QtGui import QKeySequence, QShortcut

        QShortcut(QKeySequence("F10"), self, activated=self.complete)
        self._update()

    def title(self) -> str:
        return self.tr("Capture")

    def load_application(self, app_id: int) -> None:
        def work() -> tuple[Any, dict[str, Any]]:
            return self.ctx.enroll.get(app_id), self.ctx.enroll.capture_status(app_id)

        self.run(work, done=self._show)

    def _show(self, result: tuple[Any, dict[str, Any]]) -> None:
        self.app, self.status = result
        a = self.app.applicant or {}
        self.head.setText(f"{self.app.number} · {a.get('full_name', '')} · "
                          f"{age_group_text(self.app.age_group)}")
        self.face_box.setVisible(self.app.collect_face)
        self.finger_box.setVisible(self.app.collect_fingerprints)
        capture_slots.start(self.face if self.app.collect_face else None,
                            self.fingers if self.app.collect_fingerprints else None)
        self._update()

    def _update(self) -> None:
        names = capture_slots.finger_names(self)
        missing = set(self.status.get("missing", []))
        lines = []
        for item in self.status.get("required", []):
            modality, position = item.split(":")
            if modality == "iris":
                continue
            label = self.tr("Face") if modality == "face" else names.get(position, position)
            ok = item not in missing
            lines.append(f"<span style='color:{'#1b7f3b' if ok else '#9ca3af'}'>"
                         f"{'✔' if ok else '○'}</span> {label}")
        if self.app is not None and not lines:
            lines.append(self.tr("Nothing to capture at this age."))
        self.checklist.setText("<br>".join(lines))
        pending = [m for m in missing if not m.startswith("iris:")]
        self.finish.setEnabled(self.app is not None and self.app.state == "verified"
                               and not pending)

    # ------------------------------------------------------------------ results from widgets
    def attach(self, **capture: Any) -> None:
        """Store one capture from a widget (on a worker) and refresh the checklist."""
        if self.app is None:
            return
        app_id, actor = self.app.id, self.ctx.actor

        def work() -> dict[str, Any]:
            self.ctx.enroll.attach_capture(actor, app_id, **capture)
            return self.ctx.enroll.capture_status(app_id)

        self.run(work, done=self._status)

    def _status(self, status: dict[str, Any]) -> None:
        self.status = status
        self._update()

    def record_exception(self) -> None:
        if self.app is None:
            return
        modality, position = str(self.ex_position.currentData()).split(":")
        reason = str(self.ex_reason.currentData())
        leader, password = self.leader.text().strip(), self.leader_password.text()
        self.leader_password.clear()
        app_id, actor = self.app.id, self.ctx.actor

        def work() -> dict[str, Any]:
            approver = self.ctx.authenticate(leader, password)
            self.ctx.enroll.attach_capture(actor, app_id, modality=modality, position=position,
                                           exception_reason=reason, approver=approver)
            return self.ctx.enroll.capture_status(app_id)

        self.run(work, done=self._status)

    def complete(self) -> None:
        if self.app is None or not self.finish.isEnabled():
            return
        app, actor = self.app, self.ctx.actor

        def done(result: Any) -> None:
            capture_slots.stop(self.face, self.fingers)
            self.open_requested.emit("review", result.id)

        self.run(lambda: self.ctx.enroll.complete_capture(actor, app.id, app.version,
                                                          iris_available=False), done=done)

    def hideEvent(self, event: Any) -> None:  # noqa: N802
        capture_slots.stop(self.face, self.fingers)
        super().hideEvent(event)
