"""Capture (thu nhận sinh trắc): the face and fingerprint widgets as the rules require, iris
shown as not available without an iris device, exceptions approved by a leader."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
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

        self.root.setContentsMargins(10, 10, 10, 10)
        # Face and prints one after the other, in tabs: the camera widget needs the width.
        self.tabs = QTabWidget()
        self.tabs.setObjectName("captureTabs")
        self.face = capture_slots.face_widget(ctx, self)
        self.fingers = capture_slots.finger_widget(ctx, self)
        self.tabs.addTab(self.face, self.tr("Face photo"))
        self.tabs.addTab(self.fingers, self.tr("Fingerprints"))
        row.addWidget(self.tabs, 1)

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
        side.addWidget(button(self.tr("Exception (needs a leader)…"), self.ask_exception,
                              name="exceptionButton"))
        side.addStretch(1)
        self.finish = button(self.tr("Capture complete → review (F10)"), self.complete,
                             primary=True, name="finishCapture")
        side.addLayout(hbox(self.finish))
        holder = QWidget()
        holder.setLayout(side)
        holder.setFixedWidth(250)
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
        previous = self.app
        self.app, self.status = result
        if previous is not None and previous.id != self.app.id:
            self.face.reset()
            self.fingers.reset()
        a = self.app.applicant or {}
        self.head.setText(f"{self.app.number} · {a.get('full_name', '')} · "
                          f"{age_group_text(self.app.age_group)}")
        self.tabs.setTabEnabled(0, self.app.collect_face)
        self.tabs.setTabEnabled(1, self.app.collect_fingerprints)
        self.tabs.setCurrentIndex(0 if self.app.collect_face else 1)
        capture_slots.start(self.face if self.app.collect_face else None,
                            self.fingers if self.app.collect_fingerprints else None)
        self._update()

    def refresh_checklist(self) -> None:
        self._update()

    def _update(self) -> None:
        names = capture_slots.finger_names(self)
        missing = set(self.status.get("missing", []))
        iris = self.iris_available()
        self.iris.setText(self.tr("Iris: with the fingerprint panel's iris camera.") if iris
                          else self.tr("Iris: no iris camera at this counter — not available."))
        eyes = {"right_iris": self.tr("Right eye"), "left_iris": self.tr("Left eye")}
        lines = []
        for item in self.status.get("required", []):
            modality, position = item.split(":")
            if modality == "iris" and not iris:
                continue
            label = (self.tr("Face") if modality == "face" else eyes[position]
                     if modality == "iris" else names.get(position, position))
            ok = item not in missing
            lines.append(f"<span style='color:{'#1b7f3b' if ok else '#9ca3af'}'>"
                         f"{'✔' if ok else '○'}</span> {label}")
        if self.app is not None and not lines:
            lines.append(self.tr("Nothing to capture at this age."))
        self.checklist.setText("<br>".join(lines))
        pending = [m for m in missing if iris or not m.startswith("iris:")]
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
        face_done = "face:face" not in status.get("missing", [])
        if face_done and self.tabs.currentIndex() == 0 and self.tabs.isTabEnabled(1):
            self.tabs.setCurrentIndex(1)  # the photo is in: on to the prints

    def ask_exception(self) -> None:
        if self.app is None:
            return
        dialog = ExceptionDialog(self.status.get("missing", []), self)
        if dialog.exec():
            self.record_exception(*dialog.values())

    def record_exception(self, item: str, reason: str, leader: str, password: str) -> None:
        """Store an exception (``face:face``, ``finger:right_little``…) a leader approves."""
        if self.app is None:
            return
        modality, position = item.split(":")
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
            from ui.memory import release

            capture_slots.stop(self.face, self.fingers)
            release()  # the frames and prints of this applicant are gone
            self.open_requested.emit("review", result.id)

        iris = self.iris_available()
        self.run(lambda: self.ctx.enroll.complete_capture(actor, app.id, app.version,
                                                          iris_available=iris), done=done)

    def iris_available(self) -> bool:
        panel = self.fingers.inner
        return bool(panel is not None and getattr(panel, "iris_device", None) is not None)

    def on_panel_exception(self, finger: str, kind: str, reason: str) -> None:
        """The panel marked a finger as an exception: a leader must approve it."""
        from ui.dialogs import ApprovalDialog

        dialog = ApprovalDialog(self.tr("A leader approves the exception: %1")
                                .replace("%1", capture_slots.finger_names().get(finger, finger)),
                                self)
        if dialog.exec():
            leader, password = dialog.credentials()
            self.record_exception(f"finger:{finger}", kind or "unreadable", leader, password)

    def hideEvent(self, event: Any) -> None:  # noqa: N802
        capture_slots.stop(self.face, self.fingers)
        super().hideEvent(event)


class ExceptionDialog(QDialog):
    """What cannot be captured, why, and the leader who approves it (password)."""

    def __init__(self, missing: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Exception (needs a leader)"))
        form = QFormLayout(self)
        self.position = QComboBox()
        self.position.setObjectName("exceptionPosition")
        names = capture_slots.finger_names()
        items = [("face:face", self.tr("Face"))] + [(f"finger:{p}", names[p])
                                                     for p in FINGER_POSITIONS]
        for value, text in items:
            if not missing or value in missing:
                self.position.addItem(text, value)
        self.reason = QComboBox()
        self.reason.setObjectName("exceptionReason")
        for code, text in (("amputated", self.tr("Missing (amputated)")),
                           ("injured", self.tr("Injured or bandaged")),
                           ("unreadable", self.tr("Cannot be read after retries")),
                           ("disability", self.tr("Disability"))):
            self.reason.addItem(text, code)
        self.leader = QLineEdit()
        self.leader.setObjectName("leaderUser")
        self.password = QLineEdit()
        self.password.setObjectName("leaderPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("What"), self.position)
        form.addRow(self.tr("Why"), self.reason)
        form.addRow(self.tr("Leader's user name"), self.leader)
        form.addRow(self.tr("Leader's password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str, str, str]:
        return (str(self.position.currentData()), str(self.reason.currentData()),
                self.leader.text().strip(), self.password.text())
